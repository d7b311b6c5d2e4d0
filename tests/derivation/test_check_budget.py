"""A derivation's numeric checks answer or give up within ``current_limits().step_seconds``,
and a check that gives up is shown as such, never as checked (nor as a failure)."""

from __future__ import annotations

import time

import sympy as sp

from symbinfo.derivation.steps import Definition, Derivation, Expect, KnownMoments
from symbinfo.limits import using_limits
from symbinfo.render import to_markdown

X = sp.Symbol("X", real=True)
#: E[X**2] = 1 for a standard normal: only quadrature can check this step
SECOND_MOMENT = Expect(X**2, X, sp.exp(-X**2 / 2) / sp.sqrt(2 * sp.pi), -sp.oo, sp.oo, "N")
STEPS = [Definition(SECOND_MOMENT, "the second moment"),
         KnownMoments(sp.S.One, moments=((SECOND_MOMENT, sp.S.One),))]


def test_a_numeric_check_within_budget_is_done():
    d = Derivation.build(sp.Symbol("m2"), STEPS)
    assert d[1].check.method == "numeric" and d[1].check.digits >= 30


def test_a_numeric_check_over_budget_gives_up_and_says_so():
    start = time.monotonic()
    with using_limits(step_seconds=0.001):
        d = Derivation.build(sp.Symbol("m2"), STEPS)
    assert time.monotonic() - start < 5
    assert d[1].check.method == "over-budget"
    assert "not checked numerically (over budget)" in str(d)
    assert "not checked numerically (over budget)" in to_markdown(d)
