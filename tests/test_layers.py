"""The layer contract: symbinfo's modules import downwards only, and never in a cycle.

Plain Python (the AST of every module, imports inside functions included: a lazy import is
still a dependency), so it runs wherever the suite runs, CI included. Layers, low to high:

0. errors, limits, precision and the budget (derivation.budget): infrastructure;
1. the gate and the parsers, the distribution views and family records, special functions, exact
   log-linear arithmetic (derivation.loglinear);
2. the rule registry (closedforms) and the generic engine's parts (simplify, finite, continuous,
   honest, multivariate, moments);
3. the engine (routing);
4. the measures;
5. derivations as data (steps, derive, the catalog), the Shannon prover, code generation;
6. presentation: render, and verify's results (which print through render);
7. the command line, the tour and the package itself.

A module may import its own layer or lower ones. Cycles are forbidden at every layer, except
that a package's ``__init__`` may register its own submodules (closedforms' registries).
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "symbinfo"

LAYERS = [
    ["symbinfo.errors", "symbinfo.limits", "symbinfo.precision", "symbinfo.derivation.budget"],
    ["symbinfo.parsing", "symbinfo.distributions", "symbinfo.functions",
     "symbinfo.derivation.loglinear"],
    ["symbinfo.closedforms", "symbinfo.derivation.simplify", "symbinfo.derivation.finite",
     "symbinfo.derivation.continuous", "symbinfo.derivation.budget", "symbinfo.derivation.honest",
     "symbinfo.derivation.multivariate", "symbinfo.derivation.moments"],
    ["symbinfo.engine"],
    ["symbinfo.measures"],
    ["symbinfo.derivation", "symbinfo.shannon", "symbinfo.codegen"],
    ["symbinfo.render", "symbinfo.verify"],
    ["symbinfo.cli", "symbinfo.tour", "symbinfo.__main__", "symbinfo"],
]
#: known debts (a cycle is tolerated only inside one of these groups, an upward import only
#: when listed): none are cycles now; the continuous-joint reader builds the Gaussian entropy
#: of an affine group with the multivariate rule
KNOWN_CYCLES: list[set[str]] = []
KNOWN_UPWARDS = {
    ("symbinfo.distributions.continuous_joint", "symbinfo.closedforms.multivariate"),
}


def _modules() -> dict[str, Path]:
    out = {}
    for f in ROOT.rglob("*.py"):
        parts = f.relative_to(ROOT.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = f
    return out


MODULES = _modules()


def _targets(module: str, node: ast.AST) -> list[str]:
    is_package = MODULES[module].name == "__init__.py"
    package = module if is_package else module.rsplit(".", 1)[0]
    names = []
    if isinstance(node, ast.ImportFrom):
        if node.level:
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            mod = ".".join(base + ([node.module] if node.module else []))
        else:
            mod = node.module or ""
        for alias in node.names:
            full = f"{mod}.{alias.name}"
            names.append(full if full in MODULES else mod)
    elif isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    return [n for n in names if n in MODULES and n != module and n != "symbinfo"]


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            graph[module].update(_targets(module, node))
    return graph


def _layer(module: str) -> int:
    best = None
    for i, names in enumerate(LAYERS):
        for n in names:
            if (module == n or module.startswith(n + ".")) and (best is None or len(n) > best[1]):
                best = (i, len(n))
    assert best is not None, f"{module} belongs to no layer: add it to LAYERS"
    return best[0]


def _cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            v, children = work[-1]
            for w in children:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(graph[w]))))
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    component = set()
                    while True:
                        w = stack.pop()
                        on_stack.discard(w)
                        component.add(w)
                        if w == v:
                            break
                    if len(component) > 1:
                        found.append(component)
    return found


def _registry_pattern(component: set[str]) -> bool:
    """A package ``__init__`` and its own submodules (the registries of closedforms)."""
    packages = [m for m in component if MODULES[m].name == "__init__.py"]
    return len(packages) == 1 and all(
        m == packages[0] or m.startswith(packages[0] + ".") for m in component)


def test_no_import_cycles():
    cycles = [c for c in _cycles(_graph()) if not _registry_pattern(c)
              and not any(c <= known for known in KNOWN_CYCLES)]
    assert not cycles, f"import cycles: {[sorted(c) for c in cycles]}"


def test_imports_go_downwards():
    graph = _graph()
    upwards = [f"{m} (layer {_layer(m)}) imports {t} (layer {_layer(t)})"
               for m, targets in sorted(graph.items()) for t in sorted(targets)
               if _layer(t) > _layer(m) and (m, t) not in KNOWN_UPWARDS]
    assert not upwards, "\n".join(upwards)


def test_the_named_cycles_are_gone():
    """The cycles the issue named: steps <-> render, engine <-> measures."""
    graph = _graph()
    assert not any(t.startswith("symbinfo.render") for t in graph["symbinfo.derivation.steps"])
    assert not any(t.startswith("symbinfo.measures") for t in graph["symbinfo.engine"])


def test_the_contract_sees_lazy_imports():
    tree = ast.parse("def f():\n    from ..render.latex import math\n")
    node = tree.body[0].body[0]
    assert _targets("symbinfo.derivation.steps", node) == ["symbinfo.render.latex"]
