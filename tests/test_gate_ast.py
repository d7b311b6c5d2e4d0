"""The gate is a rule the build enforces: no module but ``symbinfo/parsing/gate.py`` calls
anything that turns text into code or SymPy (``sympify``, ``S(...)``, ``parse_expr``, ``eval``...).

Reading a value through the gate (``to_sympy``/``to_expr``) is the only door; a call added
anywhere else fails this test, by name and by line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import symbinfo

#: callables that evaluate text (Python's own, or SymPy's, which runs ``eval`` on strings)
FORBIDDEN = frozenset(
    {"sympify", "_sympify", "S", "parse_expr", "eval", "exec", "compile", "__import__"}
)

#: attribute calls that share a name above but compile no Python: regular expressions
ALLOWED = frozenset({("re", "compile")})

PACKAGE = Path(symbinfo.__file__).parent
GATE = PACKAGE / "parsing" / "gate.py"


def forbidden_calls(source: str, filename: str = "<source>") -> list[str]:
    """Every use of a :data:`FORBIDDEN` name in ``source``, as ``file:line name``.

    Calls count whether the name is bare (``sympify(x)``) or an attribute (``sp.sympify(x)``,
    ``sympy.core.sympify.sympify(x)``). Names other than ``S`` count even uncalled, since
    ``f = sp.sympify`` or ``map(sympify, xs)`` calls them later, and so does importing one
    under another name. Attribute *access* ``sp.S.Zero``/``sp.S.Half`` does not count, nor
    methods a class defines under these names (SymPy's ``Function.eval``, called by SymPy, not
    on text), nor the :data:`ALLOWED` pairs (``re.compile``).
    """
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.ImportFrom | ast.Import):
            found += [f"{filename}:{node.lineno} {a.name}" for a in node.names
                      if a.name.split(".")[-1] in FORBIDDEN and a.asname not in (None, a.name)]
            continue
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name == "S":
                found.append(f"{filename}:{node.lineno} S")
            continue
        name = node.id if isinstance(node, ast.Name) else (
            node.attr if isinstance(node, ast.Attribute) else None)
        owner = getattr(getattr(node, "value", None), "id", None)
        if (name in FORBIDDEN and name != "S" and isinstance(node.ctx, ast.Load)
                and (owner, name) not in ALLOWED):
            found.append(f"{filename}:{node.lineno} {name}")
    return found


def test_walker_finds_planted_calls():
    planted = """
import sympy as sp
from sympy import S, sympify
from sympy.core.sympify import _sympify
from sympy.parsing.sympy_parser import parse_expr
a = sp.sympify(x)
b = sympify(x, strict=True)
c = S(1) / 2
d = sp.S("1/2")
e = _sympify(x)
f = parse_expr(t)
g = eval(t)
exec(t)
h = compile(t, "<t>", "eval")
i = __import__("os")
j = builtins.eval(t)
k = [sp.sympify(v) for v in xs]
l = f(g(sympify(x)))
"""
    hits = sorted(forbidden_calls(planted), key=lambda hit: int(hit.split(":")[1].split()[0]))
    names = [hit.split()[1] for hit in hits]
    assert names == ["sympify", "sympify", "S", "S", "_sympify", "parse_expr", "eval", "exec",
                     "compile", "__import__", "eval", "sympify", "sympify"]
    assert [int(hit.split(":")[1].split()[0]) for hit in hits] == list(range(6, 19))


def test_walker_ignores_attribute_access_and_methods():
    clean = """
import sympy as sp
z = sp.S.Zero + sp.S.Half
class Max2(sp.Function):
    @classmethod
    def eval(cls, x):
        return None
w = Max2(z)
y = sp.Symbol("eval")
"""
    assert forbidden_calls(clean) == []


def test_walker_sees_aliases_and_uncalled_references():
    assert forbidden_calls("from sympy import sympify as read\ny = read(t)") == [
        "<source>:1 sympify"]
    assert forbidden_calls("f = sp.sympify\ny = f(t)") == ["<source>:1 sympify"]
    assert forbidden_calls("ys = list(map(eval, texts))") == ["<source>:1 eval"]
    assert forbidden_calls("from sympy import S, sympify") == []  # a call would be caught


def test_walker_counts_nested_and_chained_calls():
    assert forbidden_calls("x = f(sympify(y))") == ["<source>:1 sympify"]
    # the module sympy.core.sympify and its function: both are references
    assert forbidden_calls("x = sympy.core.sympify.sympify(y)") == ["<source>:1 sympify"] * 2
    assert forbidden_calls("x = getattr(sp, 'S')('1')") == []  # indirection: see the next test
    assert forbidden_calls("r = re.compile('a+')") == []
    assert forbidden_calls("r = regex.compile('a+')") == ["<source>:1 compile"]


def test_no_getattr_indirection_to_forbidden_names():
    """``getattr(sp, "sympify")`` would dodge the walker; no module spells a forbidden name as text
    next to getattr."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "getattr"
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant)
                and node.args[1].value in FORBIDDEN
            ):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []


@pytest.mark.parametrize(
    "path",
    [p for p in sorted(PACKAGE.rglob("*.py")) if p != GATE],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_no_module_but_the_gate_evaluates_text(path: Path):
    assert forbidden_calls(path.read_text(), str(path.relative_to(PACKAGE))) == []


def test_the_gate_is_where_the_walker_looks():
    # if gate.py moved, the exemption above would silently exempt nothing and test nothing
    assert GATE.is_file()
    assert forbidden_calls(GATE.read_text())  # the gate itself does call _sympify
