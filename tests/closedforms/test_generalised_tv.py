"""Total variation of two Gaussians (any variances) and of two Cauchy laws, against ½∫|p − q| by
mpmath quadrature split at the crossings (found numerically by a scan and root-finding, not from
the rule's formula), to 30 digits; and the symbolic forms evaluated at the same points."""

from __future__ import annotations

import itertools

import mpmath
import pytest
import sympy as sp
from sympy.stats import Cauchy, Normal

import symbinfo as si

R = sp.Rational
POINTS = [(R(1, 2), R(3, 2), R(-1, 3), R(7, 10)), (0, 1, R(5, 2), R(13, 5)), (-3, 2, 1, 2)]


def _mp(v) -> mpmath.mpf:
    v = sp.Rational(v)
    return mpmath.mpf(v.p) / v.q


def _densities(family: str, m1, s1, m2, s2):
    M1, S1, M2, S2 = map(_mp, (m1, s1, m2, s2))
    if family == "Normal":
        return (lambda x: mpmath.npdf(x, M1, S1)), (lambda x: mpmath.npdf(x, M2, S2))
    return ((lambda x: S1 / mpmath.pi / (S1**2 + (x - M1) ** 2)),
            (lambda x: S2 / mpmath.pi / (S2**2 + (x - M2) ** 2)))


def _reference(f, g) -> mpmath.mpf:
    grid = [mpmath.mpf(k) / 8 + mpmath.mpf(1) / 97 for k in range(-480, 481)]  # off the roots
    cuts = [mpmath.findroot(lambda t: f(t) - g(t), (a, b), solver="anderson")
            for a, b in itertools.pairwise(grid) if (f(a) - g(a)) * (f(b) - g(b)) < 0]
    return mpmath.quad(lambda x: abs(f(x) - g(x)) / 2, [-mpmath.inf, *cuts, mpmath.inf])


@pytest.mark.parametrize("family", ["Normal", "Cauchy"])
@pytest.mark.parametrize("point", POINTS)
def test_total_variation_matches_quadrature(family, point):
    law = Normal if family == "Normal" else Cauchy
    m1, m2 = sp.symbols("m1 m2", real=True)
    s1, s2 = sp.symbols("s1 s2", positive=True)
    symbolic = si.total_variation(law("X", m1, s1), law("Y", m2, s2))
    numeric = si.total_variation(law("X", point[0], point[1]), law("Y", point[2], point[3]))
    assert not symbolic.has(sp.Integral) and not numeric.has(sp.Integral)
    at = dict(zip((m1, s1, m2, s2), map(sp.Rational, point), strict=True))
    with mpmath.workdps(40):
        ref = _reference(*_densities(family, *point))
        for value in (numeric, symbolic.xreplace(at)):
            got = mpmath.mpf(str(sp.N(value, 35)))
            assert abs(got - ref) < mpmath.mpf(10) ** -30, (value, ref)
