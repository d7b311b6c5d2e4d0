"""Entropies of the countably infinite discrete families: Geometric's rule, the others' Sums."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
import sympy.stats.drv_types as drv
from sympy.stats.frv_types import BinomialDistribution

from symbinfo.closedforms import ENTROPY
from symbinfo.derivation.continuous import differential_entropy
from symbinfo.distributions.continuous import sample_parameters

from .quadrature import entropy_by_summation


@pytest.mark.parametrize("point", sample_parameters(drv.GeometricDistribution, 3))
def test_geometric_rule_matches_summation(point: dict) -> None:
    dist = drv.GeometricDistribution(point["p"])
    value = ENTROPY.apply(dist)[0]
    with mpmath.workdps(35):
        reference = entropy_by_summation(dist)
        assert abs(mpmath.mpf(sp.N(value, 40)) - reference) <= mpmath.mpf("1e-28") * abs(reference)


@pytest.mark.parametrize(
    ("dist", "lower"),
    [
        (drv.PoissonDistribution(sp.Rational(7, 2)), 0),
        (drv.NegativeBinomialDistribution(3, sp.Rational(2, 5)), 0),
        (drv.LogarithmicDistribution(sp.Rational(1, 3)), 1),
        (drv.YuleSimonDistribution(sp.Rational(5, 2)), 1),
        (drv.ZetaDistribution(sp.Rational(7, 2)), 1),
        (drv.FlorySchulzDistribution(sp.Rational(1, 4)), 1),
        (drv.SkellamDistribution(2, 3), -sp.oo),
    ],
    ids=["Poisson", "NegativeBinomial", "Logarithmic", "YuleSimon", "Zeta", "FlorySchulz",
         "Skellam"],
)
def test_fallback_sums_have_true_bounds_and_values(dist, lower) -> None:
    assert ENTROPY.apply(dist) is None
    result = differential_entropy(dist)
    assert isinstance(result, sp.Sum)
    assert result.limits[0][1] == lower and result.limits[0][2] == sp.oo
    if lower != 0:
        # YuleSimon/Zeta/Logarithmic/FlorySchulz (algebraic or log-weighted tails) and Skellam
        # (Bessel of integer order, which mpmath's lambdified besseli rejects for mpf orders)
        # make SymPy's Sum.evalf take minutes here: only the structure is checked for them.
        return
    with mpmath.workdps(30):
        reference = sp.Float(mpmath.nstr(entropy_by_summation(dist, dps=30), 30), 30)
    # Sum.evalf is SymPy's own series acceleration: 12 digits is what it reliably gives for
    # these slowly decaying log terms (the YuleSimon/Zeta tails are algebraic).
    assert abs(sp.N(result, 20) - reference) < 1e-12 * abs(reference)


def test_binomial_with_symbolic_trials_is_a_sum() -> None:
    n = sp.Symbol("n", positive=True, integer=True)
    p = sp.Symbol("p", positive=True)
    result = differential_entropy(BinomialDistribution(n, p, 1, 0))
    assert isinstance(result, sp.Sum) and result.limits[0][1:] == (0, n)
    with mpmath.workdps(30):
        pk = [mpmath.binomial(6, k) * mpmath.mpf(1) / 3**k * (mpmath.mpf(2) / 3) ** (6 - k)
              for k in range(7)]
        reference = -sum(q * mpmath.log(q) for q in pk)
        value = mpmath.mpf(sp.N(result.subs({n: 6, p: sp.Rational(1, 3)}).doit(), 35))
        assert abs(value - reference) < mpmath.mpf("1e-28")
