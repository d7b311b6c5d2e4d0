"""Exported NumPy/mpmath functions agree with high-precision evaluation of the expression and
obey 0·log 0 = 0."""

import random

import mpmath
import pytest
import sympy as sp
from sympy.stats import Bernoulli, FiniteRV

import symbinfo as si
from symbinfo.codegen import prepare, to_mpmath, to_numpy, xlog1py, xlogy

np = pytest.importorskip("numpy", reason="NumPy export needs numpy (test extra)")

m1, m2 = sp.symbols("mu_1 mu_2", real=True)
s1, s2 = sp.symbols("sigma_1 sigma_2", positive=True)
k, theta, lam, eta, p, q = sp.symbols("k theta lambda eta p q", positive=True)

CASES = {
    "gaussian_kl": (sp.log(s2 / s1) + (s1**2 + (m1 - m2) ** 2) / (2 * s2**2) - sp.S.Half,
                    [m1, s1, m2, s2]),
    "gaussian_entropy": (sp.log(s1) + sp.log(2 * sp.pi * sp.E) / 2, [s1]),
    "gamma_entropy": (k + sp.log(theta) + sp.log(sp.gamma(k)) + (1 - k) * sp.digamma(k),
                      [k, theta]),
    "exponential_kl": (sp.log(lam / eta) + eta / lam - 1, [lam, eta]),
    "bernoulli_entropy": (si.entropy(Bernoulli("B", p)), [p]),
    "bernoulli_cross_entropy": (si.cross_entropy(Bernoulli("P", p), Bernoulli("Q", q)), [p, q]),
    "log1p": (sp.log(1 + p**2) - p * sp.log(1 + p), [p]),
}


def _points(args, n=25, seed=7):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        point = {}
        for a in args:
            # probabilities stay in (0, 1); scales and shapes up to 20 to exercise loggamma
            hi = 0.999 if a in (p, q) else 20.0
            point[a] = sp.Rational(repr(rng.uniform(0.001, hi))) if a.is_positive else \
                sp.Rational(repr(rng.uniform(-5, 5)))
        out.append(point)
    return out


def _reference(expr, point, dps=40):
    with mpmath.workdps(dps):
        return mpmath.mpf(str(sp.N(expr.subs(point), dps)))


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("scipy", [None, False])
def test_numpy_agrees_to_1e12(name, scipy):
    expr, args = CASES[name]
    f = to_numpy(expr, args, scipy=scipy)
    points = _points(args)
    columns = [np.array([float(pt[a]) for pt in points]) for a in args]
    got = f(*columns)
    for value, pt in zip(got, points, strict=True):
        ref = _reference(expr, pt)
        assert abs(value - float(ref)) <= 1e-12 * max(1.0, abs(float(ref))), (name, pt)


@pytest.mark.parametrize("name", sorted(CASES))
def test_mpmath_agrees_to_30_digits(name):
    expr, args = CASES[name]
    f = to_mpmath(expr, args, dps=30)
    for pt in _points(args, n=5):
        ref = _reference(expr, pt, dps=50)
        got = f(*(str(sp.N(pt[a], 50)) for a in args))
        with mpmath.workdps(50):
            assert abs(got - ref) <= mpmath.mpf(10) ** -29 * max(1, abs(ref)), (name, pt)


def test_zero_log_zero_is_zero():
    h = CASES["bernoulli_entropy"][0]
    for scipy in (None, False):
        f = to_numpy(h, [p], scipy=scipy)
        np.testing.assert_allclose(f(np.array([0.0, 0.5, 1.0])), [0.0, np.log(2), 0.0],
                                   rtol=1e-15, atol=0)
    assert to_mpmath(h, [p])(0) == 0 and to_mpmath(h, [p])(1) == 0
    a, b = sp.symbols("a b", nonnegative=True)
    cat = si.entropy(FiniteRV("C", {0: a, 1: b, 2: 1 - a - b}))
    g = to_numpy(cat, [a, b])
    assert g(0.0, 0.0) == 0.0 and np.isclose(g(0.5, 0.0), np.log(2), rtol=1e-15)


def test_prepare_rewrites_only_into_equal_forms():
    x, y = sp.symbols("x y", positive=True)
    assert prepare(x * sp.log(y)) == xlogy(x, y)
    assert prepare(-3 * x * sp.log(1 + y)) == -3 * xlog1py(x, y)
    assert prepare(sp.log(2) * x) == sp.log(2) * x  # constant logs are left alone
    z = sp.Symbol("z", real=True)
    assert prepare(sp.log(sp.gamma(z))) == sp.log(sp.gamma(z))  # gamma may be negative
    assert sp.simplify(xlogy(x, y).rewrite(sp.log) - x * sp.log(y)) == 0


def test_tiny_arguments_keep_their_digits():
    x = sp.Symbol("x", positive=True)
    f = to_numpy(sp.log(1 + x), [x])
    assert f(1e-20) == 1e-20  # log(1 + 1e-20) in float64 would be 0
