"""MVN and Dirichlet rules: symbolic shapes, plus independent numeric checks at 25 digits
(30-digit mpmath quadrature of the definitions with SymPy's own densities, ``_mvquad``: in P's
whitened polar coordinates p log(p/q) is a Gaussian times a trigonometric polynomial of degree
2 in the angle, so eight angles are exact; the 2-simplex by nested tanh-sinh), and the K = 2
Dirichlet = Beta reduction, whose Beta rule is itself checked against 35-digit quadrature)."""

from __future__ import annotations

import sympy as sp
from sympy.stats import Dirichlet, MultivariateNormal, Normal
from sympy.stats.crv_types import BetaDistribution

import symbinfo as si
from symbinfo.closedforms import ENTROPY, KL_DIVERGENCE
from symbinfo.derivation.multivariate import joint_entropy

from ._mvquad import close, ctx, density, plane, simplex

R = sp.Rational
RADIUS = 16  # whitened radius: the Gaussian factor is below 1e-55 beyond


def _dist(X):
    return X.pspace.distribution


def _over_p(g, mu, S):
    """∫ g over the plane in P's whitened polar coordinates (exact in the angle for g = p times
    a polynomial of degree 2)."""
    return plane(g, mu, S.cholesky(), n_angles=8, radius=RADIUS)


MU1, S1 = [R(1, 2), -1], sp.Matrix([[2, R(3, 5)], [R(3, 5), 1]])
MU2, S2 = [0, R(1, 3)], sp.Matrix([[3, -R(1, 2)], [-R(1, 2), R(3, 2)]])


def test_mvn_kl_and_entropy_against_2d_quadrature():
    X, Y = MultivariateNormal("X", MU1, S1), MultivariateNormal("Y", MU2, S2)
    p, q = density(_dist(X), 2), density(_dist(Y), 2)
    kl, _ = KL_DIVERGENCE.apply(_dist(X), _dist(Y))
    close(kl, _over_p(lambda x, y: p(x, y) * (ctx.log(p(x, y)) - ctx.log(q(x, y))), MU1, S1))
    h, _ = ENTROPY.apply(_dist(X))
    close(h, _over_p(lambda x, y: -p(x, y) * ctx.log(p(x, y)), MU1, S1))
    ce = si.cross_entropy(X, Y)  # derived by the engine as h(P) + KL(P || Q)
    close(ce, _over_p(lambda x, y: -p(x, y) * ctx.log(q(x, y)), MU1, S1))


def test_bivariate_mutual_information_against_2d_quadrature():
    X = MultivariateNormal("X", MU1, S1)
    mi = joint_entropy([X[0]]) + joint_entropy([X[1]]) - joint_entropy([X[0], X[1]])
    p = density(_dist(X), 2)
    m0 = density(_dist(Normal("A", MU1[0], sp.sqrt(S1[0, 0]))), 1)
    m1 = density(_dist(Normal("B", MU1[1], sp.sqrt(S1[1, 1]))), 1)
    close(mi, _over_p(lambda x, y: p(x, y) * ctx.log(p(x, y) / (m0(x) * m1(y))), MU1, S1))
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
    p, q = density(P, 3), density(Q, 3)
    close(kl, simplex(lambda x, y, z: p(x, y, z) * (ctx.log(p(x, y, z)) - ctx.log(q(x, y, z)))))
