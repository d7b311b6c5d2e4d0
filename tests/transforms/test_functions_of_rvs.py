"""Functions of continuous variables (issue 10, item 1) and sums that stay in a family (item 2).

Every value is checked against an independent computation: the stored mpmath quadrature
references of tests/closedforms (entropy of each family at sampled parameters), mpmath
quadrature of the pushforward's own density, or mpmath quadrature of a density typed here.
"""

from __future__ import annotations

import json

import mpmath
import pytest
import sympy as sp
import sympy.stats as st
import sympy.stats.crv_types as C
from sympy.stats.crv import SingleContinuousPSpace

import symbinfo as si
from symbinfo.closedforms import ENTROPY
from symbinfo.distributions.transformed import read_function
from symbinfo.distributions.view import distribution
from tests.closedforms.quadrature import REFERENCE_FILE, entropy_by_quadrature

REFS = json.loads(REFERENCE_FILE.read_text())
DPS = 30


def _close(value, reference, digits=25):
    with mpmath.workdps(DPS):
        got = mpmath.mpf(sp.N(value, DPS + 5))
        ref = mpmath.mpf(reference)
        assert abs(got - ref) <= mpmath.mpf(10) ** (-digits) * max(1, abs(ref)), (value, reference)


def _rv(dist):
    """A random symbol of ``dist`` (any continuous family, flags included)."""
    return SingleContinuousPSpace(sp.Symbol("X"), dist).value


def _families():
    out = []
    for name, rows in sorted(REFS.items()):
        cls = getattr(C, name)
        point = {k: sp.false if v == "False" else sp.Rational(v)
                 for k, v in rows[0]["params"].items()}
        dist = cls(*(point.get(n, sp.false) for n in cls._argnames))
        hit = ENTROPY.apply(dist)
        honest = hit is None or hit[0].has(sp.Integral, sp.Sum)
        out.append(pytest.param(dist, rows[0]["value"], honest, id=name))
    return out


@pytest.mark.parametrize("dist, reference, honest", _families())
def test_affine_entropy_walks_the_catalog(dist, reference, honest):
    # h(aX + b) = h(X) + log|a| (Cover & Thomas Thm 8.6.4), against the stored quadrature of h(X);
    # a family whose entropy is an honest integral gets one map (its integral by quadrature)
    X = _rv(dist)
    maps = ((sp.Integer(2), sp.Integer(0)), (sp.Rational(-3, 2), sp.Rational(7, 3)))
    for a, b in maps[:1] if honest else maps:
        h = si.entropy(a * X + b)
        assert not h.has(si.Entropy)
        _close(h - sp.log(abs(a)), reference)


@pytest.mark.parametrize("dist, g", [
    (C.ExponentialDistribution(2), lambda x: sp.exp(x)),
    (C.GammaDistribution(3, 2), lambda x: x**3),
    (C.BetaDistribution(2, 3), lambda x: -sp.log(x)),
    (C.NormalDistribution(1, 2), lambda x: -3 * x + 1),
    (C.WeibullDistribution(2, 3), lambda x: sp.sqrt(x)),
])
def test_change_of_variables_matches_quadrature_of_the_density(dist, g):
    found = read_function(g(_rv(dist)))
    h = si.entropy(g(_rv(dist)))
    assert not h.has(sp.Integral)
    q = entropy_by_quadrature(found, 30)
    with mpmath.workdps(30):
        assert abs(mpmath.mpf(sp.N(h, 35)) - q) < mpmath.mpf(10) ** -25, (found, h, q)


def test_named_families_are_recognised():
    mu = sp.Symbol("mu", real=True)
    s = sp.Symbol("s", positive=True)
    X = st.Normal("X", mu, s)
    assert distribution(sp.exp(X)) == C.LogNormalDistribution(mu, s)
    assert distribution(sp.log(st.LogNormal("L", mu, s))) == C.NormalDistribution(mu, s)
    assert distribution(1 / (1 + sp.exp(-X))) == C.LogitNormalDistribution(mu, s)
    assert distribution(sp.exp(2 * X + 1)) == C.LogNormalDistribution(2 * mu + 1, 2 * s)
    assert distribution(-X) == C.NormalDistribution(-mu, s)
    # the probability integral transform
    Z = st.Normal("Z", 0, 1)
    assert distribution(sp.erf(Z / sp.sqrt(2)) / 2 + sp.S.Half) == C.UniformDistribution(0, 1)
    # entropy(exp(X)) is the LogNormal entropy
    assert sp.simplify(si.entropy(sp.exp(X)) - si.entropy(st.LogNormal("Y", mu, s))) == 0


def test_kl_is_invariant_under_a_common_bijection():
    m1, m2 = sp.symbols("m1 m2", real=True)
    s1, s2 = sp.symbols("s1 s2", positive=True)
    kl = si.kl_divergence(st.LogitNormal("A", m1, s1), st.LogitNormal("B", m2, s2))
    normal = si.kl_divergence(st.Normal("A", m1, s1), st.Normal("B", m2, s2))
    assert sp.simplify(kl - normal) == 0
    X, Y = st.Exponential("X", 2), st.Exponential("Y", 3)
    assert si.kl_divergence(2 * X + 1, 2 * Y + 1) == si.kl_divergence(X, Y)
    assert si.kl_divergence(sp.exp(X), sp.exp(Y)) == si.kl_divergence(X, Y)
    # against quadrature of log(p/q) of the two pushforward densities
    p, q = distribution(sp.exp(X)), distribution(sp.exp(Y))
    y = sp.Symbol("y", positive=True)
    fp, fq = sp.lambdify(y, p.pdf(y), "mpmath"), sp.lambdify(y, q.pdf(y), "mpmath")
    with mpmath.workdps(30):
        val = mpmath.quad(lambda t: fp(t) * mpmath.log(fp(t) / fq(t)), [1, 2, mpmath.inf])
        assert abs(val - mpmath.mpf(sp.N(si.kl_divergence(X, Y), 35))) < mpmath.mpf(10) ** -25


def test_sums_that_stay_in_a_family():
    l1, l2, p = sp.symbols("l1 l2 p", positive=True)
    n = sp.Symbol("n", positive=True, integer=True)
    assert distribution(st.Poisson("P", l1) + st.Poisson("Q", l2)) == st.Poisson(
        "R", l1 + l2).pspace.distribution
    assert distribution(st.Binomial("A", n, p) + st.Binomial("B", 2 * n, p)).args[:2] == (
        3 * n, p)
    assert distribution(st.NegativeBinomial("A", 2, p) + st.NegativeBinomial("B", 3, p)).args \
        == (5, p)
    assert distribution(st.Cauchy("A", 0, 1) + st.Cauchy("B", 1, 2)) == C.CauchyDistribution(1, 3)
    assert distribution(st.ChiSquared("A", 3) + st.ChiSquared("B", n)) == \
        C.ChiSquaredDistribution(n + 3)
    E = [st.Exponential(f"E{i}", l1) for i in range(3)]
    assert distribution(E[0] + E[1] + E[2]) == C.GammaDistribution(3, 1 / l1)  # Erlang
    G = st.Gamma("G", 2, 5) + st.Gamma("H", sp.Rational(1, 2), 5)
    assert distribution(G) == C.GammaDistribution(sp.Rational(5, 2), 5)


def test_gaussian_channel_mutual_information():
    s, n = sp.symbols("s n", positive=True)
    X, N = st.Normal("X", 0, s), st.Normal("N", 0, n)
    assert si.mutual_information(X, X + N) == sp.log(1 + s**2 / n**2) / 2
    a = sp.Symbol("a", positive=True)
    assert sp.simplify(si.mutual_information(X, a * X + N)
                       - sp.log(1 + a**2 * s**2 / n**2) / 2) == 0
    # h(X | X + N) = h(X) - I(X; X + N)
    hc = si.conditional_entropy(X, given=X + N)
    assert sp.simplify(hc - si.entropy(X) + sp.log(1 + s**2 / n**2) / 2) == 0


def _gamma_entropy_quad(k):
    f = lambda t: t ** (k - 1) * mpmath.exp(-t) / mpmath.gamma(k)  # noqa: E731
    return -mpmath.quad(lambda t: f(t) * mpmath.log(f(t)), [0, 1, 10, mpmath.inf])


def test_mutual_information_with_a_summand_against_quadrature():
    G1, G2 = st.Gamma("G1", 2, 1), st.Gamma("G2", 3, 1)
    mi = si.mutual_information(G1, G1 + G2)
    # I(G1; G1 + G2) = h(G1 + G2) - h(G2), G1 + G2 ~ Gamma(5, 1)
    with mpmath.workdps(30):
        ref = _gamma_entropy_quad(5) - _gamma_entropy_quad(3)
        assert abs(mpmath.mpf(sp.N(mi, 35)) - ref) < mpmath.mpf(10) ** -25


def test_a_sum_outside_the_families_is_a_convolution():
    U, V = st.Uniform("U", 0, 1), st.Uniform("V", 0, 1)
    assert si.entropy(U + V) == sp.S.Half  # the triangular density
    d = distribution(st.Uniform("U", 0, 1) + st.Exponential("E", 1))
    z = sp.Symbol("z", positive=True)
    assert not d.pdf(z).has(sp.Integral)


def test_even_maps_fold_the_variable():
    # X**2 for X ~ Normal(0, s) is s**2 * ChiSquared(1): h = h(chi2_1) + 2 log s
    s = sp.Symbol("s", positive=True)  # also the name the Mellin variable must not capture
    h = si.entropy(st.Normal("X", 0, s) ** 2)
    with mpmath.workdps(30):
        f = lambda t: mpmath.exp(-t / 2) / mpmath.sqrt(2 * mpmath.pi * t)  # noqa: E731
        # t = u**2 removes the 1/sqrt(t) singularity at 0
        ref = -mpmath.quad(lambda u: 2 * u * f(u**2) * mpmath.log(f(u**2)), [0, 1, 4, mpmath.inf])
        got = mpmath.mpf(sp.N(h.subs(s, 1), 35))
        assert abs(got - ref) < mpmath.mpf(10) ** -25
    assert sp.simplify(h.subs(s, 3) - h.subs(s, 1) - 2 * sp.log(3)) == 0


def test_injective_maps_of_discrete_variables_keep_the_entropy():
    # H(g(X)) = H(X) for injective g (no Jacobian for a pmf); KL invariant too
    P, Q = st.Poisson("P", 3), st.Poisson("Q", 2)
    assert si.entropy(2 * P + 3) == si.entropy(P)
    assert si.kl_divergence(2 * P + 3, 2 * Q + 3) == si.kl_divergence(P, Q)
    d = distribution(2 * P + 3)
    with mpmath.workdps(30):  # the relabelled pmf sums to 1 over its image
        total = mpmath.nsum(lambda k: mpmath.mpf(sp.N(d.pdf(2 * int(k) + 3), 35)), [0, 60])
        assert abs(total - 1) < mpmath.mpf(10) ** -25


def test_non_monotone_maps_by_branches():
    # Y = X**2 - 2X = (X - 1)**2 - 1 for X ~ N(0, 1): two branches x = 1 ± sqrt(y + 1)
    X = st.Normal("X", 0, 1)
    d = distribution(X**2 - 2 * X)
    assert d.set == sp.Interval(-1, sp.oo)
    with si.using_limits(integrate_seconds=1):
        h = si.entropy(X**2 - 2 * X)
    assert h.has(sp.Integral)  # honest: no closed form
    y = sp.Symbol("y", real=True)
    f = sp.lambdify(y, d.pdf(y), "mpmath")
    with mpmath.workdps(60):  # y = u**2 - 1 must keep u**2 for tiny u (cancellation)
        phi = lambda v: mpmath.exp(-v**2 / 2) / mpmath.sqrt(2 * mpmath.pi)  # noqa: E731

        def g(u):  # the same density typed by hand, in u = sqrt(y + 1) (y = u**2 - 1)
            return (phi(1 - u) + phi(1 + u)) / (2 * u)

        total = mpmath.quad(lambda u: 2 * u * f(u**2 - 1), [0, 1, 3, mpmath.inf])
        assert abs(total - 1) < mpmath.mpf(10) ** -20
        ref = -mpmath.quad(lambda u: 2 * u * g(u) * mpmath.log(g(u)), [0, 1, 3, mpmath.inf])
        def xlogx(v):
            return v * mpmath.log(v) if v > 0 else mpmath.mpf(0)

        got = -mpmath.quad(lambda u: 2 * u * xlogx(f(u**2 - 1)), [0, 1, 3, mpmath.inf])
        assert abs(got - ref) < mpmath.mpf(10) ** -20
