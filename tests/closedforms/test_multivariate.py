"""MVN and Dirichlet rules: symbolic shapes, plus independent numeric checks (2-D quadrature at
lower precision -- 2-D tanh-sinh at 35 digits is too slow for the suite -- and the K = 2
Dirichlet = Beta reduction, whose Beta rule is itself checked against 35-digit quadrature)."""

from __future__ import annotations

import mpmath as mp
import sympy as sp
from sympy.stats import Dirichlet, MultivariateNormal, Normal
from sympy.stats.crv_types import BetaDistribution

import symbinfo as si
from symbinfo.closedforms import ENTROPY, KL_DIVERGENCE
from symbinfo.derivation.multivariate import joint_entropy

R = sp.Rational
# 2-D quadrature is the independent oracle here, at 15 digits over a +-8 sd box (mass outside
# < 1e-14) with a cell-split degree-2 Gauss-Legendre rule: its own error is up to ~2e-7 (log p
# integrands), hence this tolerance -- a wrong formula is off by O(0.1)
TOL_2D = mp.mpf(10) ** -6


def _dist(X):
    return X.pspace.distribution


def _gauss2(mu, S):
    mu = [mp.mpf(sp.N(v, 25)) for v in mu]
    S = mp.matrix([[mp.mpf(sp.N(S[i, j], 25)) for j in range(2)] for i in range(2)])
    Si, det = S**-1, mp.det(S)

    def f(x, y):
        d = mp.matrix([x - mu[0], y - mu[1]])
        return mp.exp(-(d.T * Si * d)[0] / 2) / (2 * mp.pi * mp.sqrt(det))

    return f


def _box(mu, S):
    # +-8 sd, split into cells so that a low-degree Gauss-Legendre rule is accurate
    return [[mu[i] + k * sp.sqrt(S[i, i]) for k in (-8, -4, -2, 0, 2, 4, 8)] for i in range(2)]


def _quad2(f, box):
    with mp.workdps(15):
        b = [[mp.mpf(sp.N(t, 15)) for t in row] for row in box]
        return mp.quad(f, b[0], b[1], maxdegree=2, method="gauss-legendre")


MU1, S1 = [R(1, 2), -1], sp.Matrix([[2, R(3, 5)], [R(3, 5), 1]])
MU2, S2 = [0, R(1, 3)], sp.Matrix([[3, -R(1, 2)], [-R(1, 2), R(3, 2)]])


def test_mvn_kl_and_entropy_against_2d_quadrature():
    X, Y = MultivariateNormal("X", MU1, S1), MultivariateNormal("Y", MU2, S2)
    p, q = _gauss2(MU1, S1), _gauss2(MU2, S2)
    kl, _ = KL_DIVERGENCE.apply(_dist(X), _dist(Y))
    with mp.workdps(20):
        oracle = _quad2(lambda x, y: p(x, y) * (mp.log(p(x, y)) - mp.log(q(x, y))), _box(MU1, S1))
        assert abs(mp.mpf(sp.N(kl, 20)) - oracle) < TOL_2D
        h, _ = ENTROPY.apply(_dist(X))
        oracle_h = _quad2(lambda x, y: -p(x, y) * mp.log(p(x, y)), _box(MU1, S1))
        assert abs(mp.mpf(sp.N(h, 20)) - oracle_h) < TOL_2D
        ce = si.cross_entropy(X, Y)  # derived by the engine as h(P) + KL(P || Q)
        oracle_ce = _quad2(lambda x, y: -p(x, y) * mp.log(q(x, y)), _box(MU1, S1))
        assert abs(mp.mpf(sp.N(ce, 20)) - oracle_ce) < TOL_2D


def test_bivariate_mutual_information_against_2d_quadrature():
    X = MultivariateNormal("X", MU1, S1)
    mi = joint_entropy([X[0]]) + joint_entropy([X[1]]) - joint_entropy([X[0], X[1]])
    p = _gauss2(MU1, S1)
    s0, s1 = mp.sqrt(2), mp.mpf(1)

    def marg(x, m, s):
        return mp.exp(-((x - m) ** 2) / (2 * s**2)) / (mp.sqrt(2 * mp.pi) * s)

    with mp.workdps(20):

        def f(x, y):
            return p(x, y) * mp.log(p(x, y) / (marg(x, mp.mpf(0.5), s0) * marg(y, -1, s1)))

        oracle = _quad2(f, _box(MU1, S1))
        assert abs(mp.mpf(sp.N(mi, 20)) - oracle) < TOL_2D
    rho2 = S1[0, 1] ** 2 / (S1[0, 0] * S1[1, 1])
    assert sp.simplify(mi + sp.log(1 - rho2) / 2) == 0


def test_symbolic_2x2_and_3x3():
    r = sp.Symbol("rho", real=True)
    s1, s2 = sp.symbols("sigma1 sigma2", positive=True)
    X = MultivariateNormal("X", [0, 0], [[s1**2, r * s1 * s2], [r * s1 * s2, s2**2]])
    mi = joint_entropy([X[0]]) + joint_entropy([X[1]]) - joint_entropy([X])
    assert sp.simplify(mi - (-sp.log(1 - r**2) / 2)) == 0
    # h(X, X) = h(X); one component is a univariate normal entropy
    assert joint_entropy([X[0], X[0]]) == joint_entropy([X[0]])
    assert sp.simplify(joint_entropy([X[0]]) - (sp.log(2 * sp.pi * sp.E * s1**2) / 2)) == 0
    a, b, c = sp.symbols("a b c", real=True)
    S = sp.Matrix([[2, a, 0], [a, 2, b], [0, b, 2]])
    Y = MultivariateNormal("Y", [0, 0, 0], S)
    h = ENTROPY.apply(_dist(Y))[0]
    assert sp.simplify(h - (3 * sp.log(2 * sp.pi * sp.E) / 2 + sp.log(S.det()) / 2)) == 0
    vals = {a: R(1, 2), b: -R(1, 3)}
    Z = MultivariateNormal("Z", [c, 0, 0], sp.eye(3))
    kl = KL_DIVERGENCE.apply(_dist(Y), _dist(Z))[0]
    num = (S.subs(vals).trace() + c**2 - 3 - sp.log(S.subs(vals).det())) / 2
    assert sp.simplify(kl.subs(vals) - num) == 0
    assert joint_entropy([Y[0], Normal("W", 0, 1)]) is None  # not an MVN component: decline


def test_matrix_symbol_forms_stay_abstract():
    S1m, S2m = sp.MatrixSymbol("Sigma1", 3, 3), sp.MatrixSymbol("Sigma2", 3, 3)
    m1, m2 = sp.MatrixSymbol("mu1", 3, 1), sp.MatrixSymbol("mu2", 3, 1)
    X, Y = MultivariateNormal("X", m1, S1m), MultivariateNormal("Y", m2, S2m)
    kl = KL_DIVERGENCE.apply(_dist(X), _dist(Y))[0]
    assert kl.has(sp.Trace) and kl.has(sp.Determinant) and kl.has(sp.Inverse)
    h = ENTROPY.apply(_dist(X))[0]
    assert h == 3 * sp.log(2 * sp.pi * sp.E) / 2 + sp.log(sp.Determinant(S1m)) / 2
    assert joint_entropy([X]) == h


def test_dirichlet_two_components_is_beta():
    a1, b1, a2, b2 = sp.symbols("a1 b1 a2 b2", positive=True)
    P, Q = _dist(Dirichlet("D", [a1, b1])), _dist(Dirichlet("E", [a2, b2]))
    kl = KL_DIVERGENCE.apply(P, Q)[0]
    beta_kl = KL_DIVERGENCE.apply(BetaDistribution(a1, b1), BetaDistribution(a2, b2))[0]
    vals = {a1: R(5, 2), b1: R(3, 2), a2: 2, b2: 3}
    assert abs(sp.N((kl - beta_kl).subs(vals), 35)) < 1e-33
    h = ENTROPY.apply(P)[0]
    hb = ENTROPY.apply(BetaDistribution(a1, b1))[0]
    assert abs(sp.N((h - hb).subs(vals), 35)) < 1e-33


def test_dirichlet_three_components_against_2d_quadrature():
    al, be = [2, 3, R(5, 2)], [R(3, 2), 2, 4]
    P, Q = _dist(Dirichlet("D", al)), _dist(Dirichlet("E", be))
    kl = KL_DIVERGENCE.apply(P, Q)[0]

    def dens(x, y, a):
        z = 1 - x - y
        if z <= 0:
            return mp.mpf(0)
        a = [mp.mpf(sp.N(t, 15)) for t in a]
        c = mp.gamma(sum(a)) / (mp.gamma(a[0]) * mp.gamma(a[1]) * mp.gamma(a[2]))
        return c * x ** (a[0] - 1) * y ** (a[1] - 1) * z ** (a[2] - 1)

    def f(x, y):
        p = dens(x, y, al)
        return p * (mp.log(p) - mp.log(dens(x, y, be))) if p else mp.mpf(0)

    with mp.workdps(15):
        oracle = mp.quad(lambda x: mp.quad(lambda y: f(x, y), [0, 1 - x], maxdegree=4), [0, 1])
        assert abs(mp.mpf(sp.N(kl, 15)) - oracle) < TOL_2D
