"""Discrete KL / cross-entropy rules against direct summation of the definition (mpmath)."""

from __future__ import annotations

import mpmath as mp
import pytest
import sympy as sp
from sympy.stats import drv_types as D
from sympy.stats import frv_types as F

from symbinfo.closedforms import CROSS_ENTROPY, KL_DIVERGENCE

from ._klquad import DPS, close, kl_sum, value

R = sp.Rational
p, q, l1, l2 = sp.symbols("p q lambda1 lambda2", positive=True)
n = sp.Symbol("n", positive=True, integer=True)
r = sp.Symbol("r", positive=True)

POINTS = [(R(1, 3), R(3, 4)), (R(1, 2), R(1, 10)), (R(9, 10), R(2, 5))]


def _fin(P, Q):
    """Exact finite sum over P's atoms (SymPy's dict), evaluated at DPS digits."""
    dp, dq = P.dict, Q.dict
    with mp.workdps(DPS):
        tot = mp.mpf(0)
        for k, w in dp.items():
            w = mp.mpf(sp.N(w, DPS))
            if w:
                tot += w * (mp.log(w) - mp.log(mp.mpf(sp.N(dq[k], DPS))))
        return tot


@pytest.mark.parametrize("pv, qv", POINTS)
def test_bernoulli(pv, qv):
    kl, _ = KL_DIVERGENCE.apply(F.BernoulliDistribution(p, 1, 0), F.BernoulliDistribution(q, 1, 0))
    Pn, Qn = F.BernoulliDistribution(pv, 1, 0), F.BernoulliDistribution(qv, 1, 0)
    assert close(value(kl, {p: pv, q: qv}), _fin(Pn, Qn))
    ce, _ = CROSS_ENTROPY.apply(F.BernoulliDistribution(p, 1, 0), F.BernoulliDistribution(q, 1, 0))
    h = -pv * sp.log(pv) - (1 - pv) * sp.log(1 - pv)  # entropy by definition
    with mp.workdps(DPS):
        oracle = _fin(Pn, Qn) + value(h, {})
    assert close(value(ce, {p: pv, q: qv}), oracle)


@pytest.mark.parametrize("pv, qv", POINTS)
def test_binomial_same_n(pv, qv):
    kl, _ = KL_DIVERGENCE.apply(
        F.BinomialDistribution(n, p, 1, 0), F.BinomialDistribution(n, q, 1, 0)
    )
    Pn, Qn = F.BinomialDistribution(7, pv, 1, 0), F.BinomialDistribution(7, qv, 1, 0)
    assert close(value(kl, {n: 7, p: pv, q: qv}), _fin(Pn, Qn))


def test_binomial_different_n():
    assert (
        KL_DIVERGENCE.apply(F.BinomialDistribution(5, p, 1, 0), F.BinomialDistribution(3, q, 1, 0))[
            0
        ]
        == sp.oo
    )
    # n1 < n2: no closed form, every rule declines (the finite engine sums it)
    assert (
        KL_DIVERGENCE.apply(F.BinomialDistribution(3, p, 1, 0), F.BinomialDistribution(5, q, 1, 0))
        is None
    )


@pytest.mark.parametrize("pv, qv", [(R(3, 2), R(1, 3)), (1, 5), (R(7, 3), R(7, 4))])
def test_poisson(pv, qv):
    kl, _ = KL_DIVERGENCE.apply(D.PoissonDistribution(l1), D.PoissonDistribution(l2))
    oracle = kl_sum(D.PoissonDistribution(pv), D.PoissonDistribution(qv), 0)
    assert close(value(kl, {l1: pv, l2: qv}), oracle)


@pytest.mark.parametrize("pv, qv", POINTS)
def test_geometric(pv, qv):
    P, Q = D.GeometricDistribution(p), D.GeometricDistribution(q)
    kl, _ = KL_DIVERGENCE.apply(P, Q)
    ce, _ = CROSS_ENTROPY.apply(P, Q)
    Pn, Qn = D.GeometricDistribution(pv), D.GeometricDistribution(qv)
    assert close(value(kl, {p: pv, q: qv}), kl_sum(Pn, Qn, 1))
    h = kl_sum(Pn, D.GeometricDistribution(1), 1)  # sum p log p (log q(1) = log 1 = 0)
    with mp.workdps(DPS):
        oracle = kl_sum(Pn, Qn, 1) - h
    assert close(value(ce, {p: pv, q: qv}), oracle)


@pytest.mark.parametrize("pv, qv", POINTS)
def test_negative_binomial_same_r(pv, qv):
    kl, _ = KL_DIVERGENCE.apply(
        D.NegativeBinomialDistribution(r, p), D.NegativeBinomialDistribution(r, q)
    )
    rv = R(5, 2)
    oracle = kl_sum(
        D.NegativeBinomialDistribution(rv, pv), D.NegativeBinomialDistribution(rv, qv), 0
    )
    assert close(value(kl, {r: rv, p: pv, q: qv}), oracle)


def test_negative_binomial_different_r_declines():
    P, Q = D.NegativeBinomialDistribution(2, p), D.NegativeBinomialDistribution(3, q)
    assert KL_DIVERGENCE.apply(P, Q) is None


@pytest.mark.parametrize("pv, qv", [(R(1, 3), R(3, 2)), (R(1, 2), 1), (R(9, 10), R(1, 4))])
def test_bernoulli_poisson(pv, qv):
    P, Q = F.BernoulliDistribution(p, 1, 0), D.PoissonDistribution(l2)
    kl, _ = KL_DIVERGENCE.apply(P, Q)
    ce, _ = CROSS_ENTROPY.apply(P, Q)
    Pn, Qn = F.BernoulliDistribution(pv, 1, 0), D.PoissonDistribution(qv)
    with mp.workdps(DPS):
        w = mp.mpf(sp.N(pv, DPS))
        qf = [mp.exp(-mp.mpf(sp.N(qv, DPS))) * mp.mpf(sp.N(qv, DPS)) ** k for k in (0, 1)]
        oracle = (1 - w) * mp.log((1 - w) / qf[0]) + w * mp.log(w / qf[1])
        ce_oracle = -(1 - w) * mp.log(qf[0]) - w * mp.log(qf[1])
    assert close(value(kl, {p: pv, l2: qv}), oracle)
    assert close(value(ce, {p: pv, l2: qv}), ce_oracle)
    del Pn, Qn


def test_discrete_support_mismatches():
    from symbinfo import engine

    P = D.PoissonDistribution(l1)
    assert engine.kl_divergence(P, F.BinomialDistribution(4, q, 1, 0)).value == sp.oo
    assert engine.kl_divergence(P, F.BernoulliDistribution(q, 1, 0)).value == sp.oo
    assert engine.kl_divergence(P, D.GeometricDistribution(q)).value == sp.oo
    kl = engine.kl_divergence(F.BernoulliDistribution(p, 1, 0), D.GeometricDistribution(q)).value
    assert kl.subs(p, R(1, 2)) == sp.oo and kl.subs(p, 1) == -sp.log(q)
    # nested supports, no closed form (E[log k!]): decline to the generic engine
    assert KL_DIVERGENCE.apply(D.GeometricDistribution(p), D.PoissonDistribution(l1)) is None


def test_geometric_point_mass_is_no_nan():
    """Geometric(1) is the point mass at 1: KL to Geometric(q) is -log q (the pmf of Q at 1),
    the other way +oo (P has mass where the point mass has none); the general formula gave
    0*log(0) = nan and log(x/0) = zoo."""
    third = sp.Rational(1, 3)
    one, q = D.GeometricDistribution(1), D.GeometricDistribution(third)
    assert KL_DIVERGENCE.apply(one, q)[0] == sp.log(3)
    assert CROSS_ENTROPY.apply(one, q)[0] == sp.log(3)
    assert KL_DIVERGENCE.apply(q, one)[0] == sp.oo
    assert KL_DIVERGENCE.apply(one, one)[0] == 0
