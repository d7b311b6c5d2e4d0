"""check() on every hand-written LaTeX formula of the parser's table: each is read and judged equal
to the SymPy expression it is meant to be (symbols matched by name, taken positive)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import sympy as sp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "parsing"))
from parsing_latex_table import LATEX_TABLE

from symbinfo import check

EXPRESSIONS = [(tex, target) for tex, target in LATEX_TABLE
               if isinstance(target, sp.Expr) and target.free_symbols]


def positive(expr: sp.Expr) -> sp.Expr:
    return expr.xreplace({s: sp.Symbol(s.name, positive=True) for s in expr.free_symbols})


def test_the_table_is_large_enough():
    assert len(EXPRESSIONS) >= 40


@pytest.mark.parametrize(("tex", "target"), EXPRESSIONS, ids=[t for t, _ in EXPRESSIONS])
def test_hand_written_latex_checks_equal(tex, target):
    result = check(tex, positive(target), syntax="latex")
    assert result, f"{tex!r}: {result}"
