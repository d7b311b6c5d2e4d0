"""One source of truth for families: no module outside ``symbinfo/distributions`` reads SymPy's
declared support (``.set``), its densities (``.pdf(...)``/``.pmf(...)``) or its argument names
(``_argnames``); they go through the family records and the view."""

from __future__ import annotations

import ast
from pathlib import Path

import symbinfo

PACKAGE = Path(symbinfo.__file__).parent
ALLOWED = PACKAGE / "distributions"


def _violations(source: str, name: str) -> list[str]:
    tree = ast.parse(source, filename=name)
    called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            is_call = id(node) in called
            if (node.attr == "set" and not is_call) or (node.attr in ("pdf", "pmf") and is_call):
                found.append((node.lineno, node.col_offset, f"{name}:{node.lineno}: .{node.attr}"))
        if (isinstance(node, ast.Attribute) and node.attr == "_argnames") or (
                isinstance(node, ast.Name) and node.id == "_argnames"):
            found.append((node.lineno, node.col_offset, f"{name}:{node.lineno}: _argnames"))
    return [text for *_, text in sorted(found)]


def test_no_family_reads_outside_distributions():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if ALLOWED not in path.parents:
            found += _violations(path.read_text(), str(path.relative_to(PACKAGE)))
    assert found == []


def test_the_rule_sees_each_kind_of_read():
    source = "def f(d, x, v):\n    v.set(1)\n    return d.set, d.pdf(x), type(d)._argnames\n"
    found = _violations(source, "probe.py")
    assert [f.split(": ")[1] for f in found] == [".set", ".pdf", "_argnames"]
