"""Same-family KL rules against the exponential-family (Bregman) oracle, at the quadrature
test points, 30 digits; both symbolic forms are evaluated at 35 digits."""

from __future__ import annotations

import pytest
import sympy as sp
from sympy.stats import drv_types as D
from sympy.stats import frv_types as F

from symbinfo.closedforms import KL_DIVERGENCE
from symbinfo.closedforms.expfamily import bregman_kl

from ._klquad import close, value
from .test_kl_continuous import CASES, syms

R = sp.Rational
EF = [n for n in CASES if n not in ("Uniform", "Cauchy", "Frechet", "Moyal")]  # not EF


def _cases():
    for name in EF:
        cls, kinds, points, _ = CASES[name]
        for i, (pv, qv) in enumerate(points):
            if name in ("Weibull",):
                qv = (qv[0], pv[1])  # EF only with the shape held fixed
            if name in ("Pareto",):
                qv = (pv[0], qv[1])  # ... the scale
            if name in ("Laplace", "Levy"):
                qv = (pv[0], qv[1])  # ... the location
            if name == "Gumbel":
                qv = (pv[0], qv[1])  # ... the scale
            yield pytest.param(cls, kinds, pv, qv, id=f"{name}-{i}")


@pytest.mark.parametrize("cls, kinds, pv, qv", _cases())
def test_rule_equals_bregman_divergence(cls, kinds, pv, qv):
    ps, qs = syms(len(kinds), kinds)
    kl, _ = KL_DIVERGENCE.apply(cls(*ps), cls(*qs))
    subs = dict(zip(ps, map(sp.sympify, pv), strict=True))
    subs |= dict(zip(qs, map(sp.sympify, qv), strict=True))
    oracle = bregman_kl(cls(*map(sp.sympify, pv)), cls(*map(sp.sympify, qv)))
    assert oracle is not None
    assert close(value(kl, subs), value(oracle, {}))


@pytest.mark.parametrize(
    "P, Q",
    [
        (F.BernoulliDistribution(R(1, 3), 1, 0), F.BernoulliDistribution(R(3, 4), 1, 0)),
        (F.BinomialDistribution(7, R(1, 3), 1, 0), F.BinomialDistribution(7, R(3, 4), 1, 0)),
        (D.PoissonDistribution(R(3, 2)), D.PoissonDistribution(R(1, 3))),
        (D.GeometricDistribution(R(1, 3)), D.GeometricDistribution(R(3, 4))),
        (
            D.NegativeBinomialDistribution(R(5, 2), R(1, 3)),
            D.NegativeBinomialDistribution(R(5, 2), R(9, 10)),
        ),
    ],
)
def test_discrete_rules_equal_bregman(P, Q):
    assert close(value(KL_DIVERGENCE.apply(P, Q)[0], {}), value(bregman_kl(P, Q), {}))


def test_oracle_refuses_what_is_not_one_family():
    assert bregman_kl(CASES["Pareto"][0](1, 2), CASES["Pareto"][0](2, 2)) is None
    assert bregman_kl(D.PoissonDistribution(1), D.GeometricDistribution(R(1, 2))) is None
