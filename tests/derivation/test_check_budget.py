"""A derivation's numeric checks answer or give up within ``current_limits().step_seconds``,
and a check that gives up is shown as such, never as checked (nor as a failure)."""

from __future__ import annotations

import time

import sympy as sp

from symbinfo.derivation.steps import Definition, Derivation, Expect, KnownMoments
from symbinfo.limits import using_limits
from symbinfo.render import to_markdown

X = sp.Symbol("X", real=True)


def moment_steps(k: int, value: int, label: str) -> list:
    """E[X**k] = value for a standard normal: only quadrature can check this step. Each test
    uses its own ``label``, so no test finds the other's quadrature in the cache."""
    moment = Expect(X**k, X, sp.exp(-X**2 / 2) / sp.sqrt(2 * sp.pi), -sp.oo, sp.oo, label)
    return [Definition(moment, f"moment {k}"),
            KnownMoments(sp.Integer(value), moments=((moment, sp.Integer(value)),))]


def test_a_numeric_check_within_budget_is_done():
    d = Derivation.build(sp.Symbol("m2"), moment_steps(2, 1, "N_within"))
    assert d[1].check.method == "numeric" and d[1].check.digits >= 30


def test_a_numeric_check_over_budget_gives_up_and_says_so():
    start = time.monotonic()
    with using_limits(step_seconds=0.001):
        d = Derivation.build(sp.Symbol("m4"), moment_steps(4, 3, "N_over"))
    assert time.monotonic() - start < 5
    assert d[1].check.method == "over-budget"
    assert "not checked numerically (over budget)" in str(d)
    assert "not checked numerically (over budget)" in to_markdown(d)
