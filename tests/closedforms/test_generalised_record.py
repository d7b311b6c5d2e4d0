"""The record additions the generalised measures read: the wider families reproduce SymPy's
density, affine carriers equal the carrier, and every member's natural parameter lies in the
declared natural parameter space (which is where ∫ exp(<θ, T> + k) is finite)."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from symbinfo.distributions.continuous import read_univariate, sample_parameters
from symbinfo.distributions.families import EXPFAMILY, family_of

from .quadrature import build

CLASSES = [c for c in EXPFAMILY if c.__module__.endswith(("crv_types", "drv_types"))]


def _points(view) -> list:
    lo, hi = view.bounds
    if view.discrete:
        return [lo + k for k in (0, 1, 3)]
    if lo.is_finite and hi.is_finite:
        return [lo + (hi - lo) * k / 4 for k in (1, 2, 3)]
    if lo.is_finite:
        return [lo + sp.Rational(k, 3) for k in (1, 2, 4)]
    return [sp.Rational(k, 3) for k in (-4, 1, 5)]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: family_of(c).name)
def test_decompositions_reproduce_the_density_and_lie_in_their_space(cls):
    fam = family_of(cls).expfamily
    for point in sample_parameters(cls, 2, seed=7):
        dist = build(cls, point)
        view = read_univariate(dist)
        for dec in (d for d in (fam, fam.wide) if d is not None):
            theta = dec.theta(dist)
            if any(t.is_finite is False for t in theta):
                continue  # a degenerate member (Geometric(1))
            assert dec.space(dist, theta) == sp.true, (point, theta)
            terms = dec.carrier_terms(dist)
            for x in _points(view):
                stats = dec.T(dist, x)
                log_p = sp.Add(*(t * s for t, s in zip(theta, stats, strict=True))) - dec.F(
                    dist, theta) + dec.carrier(dist, x)
                density = view.density_at(x)
                with mpmath.workdps(30):
                    a, b = mpmath.mpf(sp.N(sp.exp(log_p), 30)), mpmath.mpf(sp.N(density, 30))
                    assert abs(a - b) <= mpmath.mpf(10) ** -25 * abs(b), (dec, x)
                if terms is not None:
                    c, k0 = terms
                    affine = sp.Add(*(ci * s for ci, s in zip(c, stats, strict=True))) + k0
                    assert sp.N(affine - dec.carrier(dist, x), 30) == 0


def test_the_space_is_exactly_where_the_normaliser_is_finite():
    """Normal's θ₂ < 0 and Beta's θ > −1 are the edges: at θ₂ = 0 (or θ = −1) the integral
    of exp(<θ, T>) diverges, just inside it converges."""
    import sympy.stats.crv_types as C

    n = family_of(C.NormalDistribution).expfamily
    d = C.NormalDistribution(0, 1)
    assert n.space(d, [0, sp.Rational(-1, 10**6)]) == sp.true
    assert n.space(d, [0, 0]) == sp.false
    b = family_of(C.BetaDistribution).expfamily
    e = C.BetaDistribution(1, 1)
    assert b.space(e, [-1, 0]) == sp.false and b.space(e, [sp.Rational(-99, 100), 0]) == sp.true
    with mpmath.workdps(15):
        assert mpmath.quad(lambda x: x ** mpmath.mpf(-0.99), [0, 1]) < 101
