"""Discrete families with a symbolic count: a value, an honest Sum or a Piecewise, never SymPy's
exception (issue 8, item 3). Each result is checked at numbers against the definition summed in
mpmath from the pmfs (math.comb and the Poisson pmf, not SymPy's formulas)."""

from __future__ import annotations

import math

import mpmath
import pytest
import sympy as sp
from sympy.stats import Binomial, Poisson

import symbinfo as si

R = sp.Rational
n, m = sp.symbols("n m", positive=True, integer=True)
p, q, lam = sp.symbols("p q lambda", positive=True)
DPS = 30


def _binomial_pmf(count: int, prob) -> list:
    prob = mpmath.mpf(prob)
    return [math.comb(count, k) * prob**k * (1 - prob) ** (count - k) for k in range(count + 1)]


def _at(expr, values: dict) -> mpmath.mpf:
    out = expr.subs(values)
    out = out.doit() if out.has(sp.Sum) else out
    return mpmath.mpf(sp.N(out, DPS))


CASES = [(3, 5, R(1, 3), R(1, 4)), (4, 4, R(1, 2), R(1, 10)), (2, 7, R(9, 10), R(2, 5))]


@pytest.mark.parametrize("nv, mv, pv, qv", CASES)
def test_kl_and_cross_entropy_of_binomials_with_symbolic_counts(nv, mv, pv, qv):
    kl = si.kl_divergence(Binomial("A", n, p), Binomial("B", m, q))
    cross = si.cross_entropy(Binomial("A", n, p), Binomial("B", m, q))
    values = {n: nv, m: mv, p: pv, q: qv}
    with mpmath.workdps(DPS):
        a = _binomial_pmf(nv, mpmath.mpf(pv.p) / pv.q)
        b = _binomial_pmf(mv, mpmath.mpf(qv.p) / qv.q)
        want_kl = sum(x * mpmath.log(x / b[k]) for k, x in enumerate(a))
        want_cross = -sum(x * mpmath.log(b[k]) for k, x in enumerate(a))
        assert abs(_at(kl, values) - want_kl) < mpmath.mpf(10) ** -25
        assert abs(_at(cross, values) - want_cross) < mpmath.mpf(10) ** -25


def test_binomial_with_more_trials_than_q_allows_is_infinite():
    kl = si.kl_divergence(Binomial("A", n, p), Binomial("B", m, q))
    assert kl.subs({n: 5, m: 3}) == sp.oo
    assert si.kl_divergence(Binomial("A", m + 1, p), Binomial("B", m, q)) == sp.oo
    assert si.cross_entropy(Binomial("A", m + 2, p), Binomial("B", m, q)) == sp.oo


def test_same_symbolic_count_is_n_times_the_bernoulli_kl():
    kl = si.kl_divergence(Binomial("A", n, p), Binomial("B", n, q))
    bern = p * sp.log(p / q) + (1 - p) * sp.log((1 - p) / (1 - q))
    assert sp.simplify(kl - n * bern) == 0


def test_a_concrete_count_against_a_symbolic_one():
    kl = si.kl_divergence(Binomial("A", 3, p), Binomial("B", m, q))
    assert not kl.has(sp.Sum)  # three terms, written out
    with mpmath.workdps(DPS):
        a, b = _binomial_pmf(3, mpmath.mpf(1) / 3), _binomial_pmf(6, mpmath.mpf(1) / 4)
        want = sum(x * mpmath.log(x / b[k]) for k, x in enumerate(a))
        assert abs(_at(kl, {m: 6, p: R(1, 3), q: R(1, 4)}) - want) < mpmath.mpf(10) ** -25
    assert kl.subs(m, 2) == sp.oo
    # one Piecewise on the one condition that matters, not the atoms' conditions nested
    assert isinstance(kl, sp.Piecewise) and kl.args[0][1] == (m >= 3)
    assert not any(isinstance(v, sp.Piecewise) for v, _ in kl.args)


def test_poisson_against_a_binomial_is_infinite():
    # raised SymPy's exception with a symbolic count; the Poisson has mass at m + 1
    assert si.kl_divergence(Poisson("A", lam), Binomial("B", m, q)) == sp.oo
    assert si.cross_entropy(Poisson("A", lam), Binomial("B", m, q)) == sp.oo
    assert si.kl_divergence(Poisson("A", lam), Binomial("B", 4, q)) == sp.oo


def test_binomial_against_a_poisson_is_an_honest_sum_that_evaluates():
    kl = si.kl_divergence(Binomial("A", n, p), Poisson("B", lam))
    with mpmath.workdps(DPS):
        a = _binomial_pmf(3, mpmath.mpf(1) / 3)
        poisson = [mpmath.exp(-2) * 2**k / mpmath.factorial(k) for k in range(4)]
        want = sum(x * mpmath.log(x / poisson[k]) for k, x in enumerate(a))
        assert abs(_at(kl, {n: 3, p: R(1, 3), lam: 2}) - want) < mpmath.mpf(10) ** -25
