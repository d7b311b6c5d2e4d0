"""Fisher information of the multivariate families (multinomial, Dirichlet, multivariate
normal), read as −E[∇² log p] from their first and second moments, against the other form,
the variance of the score E[s sᵀ], computed independently: by exact enumeration of the
multinomial's outcomes, by quadrature of the Beta (a two-part Dirichlet) and by the Gaussian's
moments of order 4 (Isserlis), each from a density typed here from its textbook formula."""

from __future__ import annotations

import itertools

import mpmath
import pytest
import sympy as sp
from sympy.stats.joint_rv_types import (
    MultinomialDistribution,
    MultivariateBetaDistribution,
    MultivariateNormalDistribution,
)

import symbinfo as si
from symbinfo.errors import InvalidParameterError, UnsupportedInputError

R = sp.Rational


def test_multinomial_equals_the_exact_score_variance():
    p1, p2 = sp.symbols("p1 p2", positive=True)
    n = 4
    info = si.fisher_information(MultinomialDistribution(n, [p1, p2, 1 - p1 - p2]))
    point = {p1: R(1, 5), p2: R(3, 10)}
    probs = [point[p1], point[p2], 1 - point[p1] - point[p2]]
    score_variance = sp.zeros(2, 2)
    for x in itertools.product(range(n + 1), repeat=3):
        if sum(x) != n:
            continue
        logp = (sp.log(sp.factorial(n)) - sum(sp.log(sp.factorial(k)) for k in x)
                + x[0] * sp.log(p1) + x[1] * sp.log(p2) + x[2] * sp.log(1 - p1 - p2))
        s = sp.Matrix([sp.diff(logp, v) for v in (p1, p2)]).xreplace(point)
        weight = sp.factorial(n) / sp.prod(sp.factorial(k) for k in x) * sp.prod(
            q**k for q, k in zip(probs, x, strict=True))
        score_variance += weight * s * s.T
    assert sp.simplify(info.xreplace(point) - score_variance) == sp.zeros(2, 2)
    # the textbook form: n (diag(1/p) + 1/p_K)
    p3 = 1 - p1 - p2
    assert sp.simplify(info - n * (sp.diag(1 / p1, 1 / p2) + sp.ones(2, 2) / p3)) == sp.zeros(2)


def test_dirichlet_of_two_parts_equals_the_beta_score_variance():
    a, b = sp.symbols("a b", positive=True)
    info = si.fisher_information(MultivariateBetaDistribution([a, b]))
    A, B = R(17, 10), R(13, 4)
    with mpmath.workdps(40):
        fa, fb = mpmath.mpf(17) / 10, mpmath.mpf(13) / 4
        lbeta = mpmath.log(mpmath.beta(fa, fb))
        da = mpmath.digamma(fa + fb) - mpmath.digamma(fa)
        db = mpmath.digamma(fa + fb) - mpmath.digamma(fb)

        def pdf(t):
            return mpmath.exp((fa - 1) * mpmath.log(t) + (fb - 1) * mpmath.log(1 - t) - lbeta)

        def score(t):
            return (da + mpmath.log(t), db + mpmath.log(1 - t))
        for i, j in ((0, 0), (0, 1), (1, 1)):
            ref = mpmath.quad(lambda t, i=i, j=j: score(t)[i] * score(t)[j] * pdf(t),
                              [0, mpmath.mpf(1) / 2, 1])
            got = mpmath.mpf(str(sp.N(info[i, j].xreplace({a: A, b: B}), 35)))
            assert abs(got - ref) < mpmath.mpf(10) ** -25, (i, j, got, ref)


def test_bivariate_normal_equals_the_exact_score_variance():
    """E[s sᵀ] with x = mu + L z (L L^T = Sigma, z standard normal): each product of scores is a
    polynomial of degree 4 in z, integrated exactly by E[z^k] = (k - 1)!! (k even), 0 (odd)."""
    m1, m2, r = sp.symbols("m1 m2 r", real=True)
    s1, s2 = sp.symbols("s1 s2", positive=True)
    info = si.fisher_information(MultivariateNormalDistribution([m1, m2], [[s1, r], [r, s2]]))
    params = [m1, m2, r, s1, s2]
    point = {m1: R(1, 2), m2: R(-1, 3), r: R(3, 10), s1: R(2), s2: R(5, 4)}
    # the score of the textbook density, differentiated by SymPy
    x1, x2, z1, z2 = sp.symbols("x1 x2 z1 z2", real=True)
    det = s1 * s2 - r**2
    q = (s2 * (x1 - m1) ** 2 - 2 * r * (x1 - m1) * (x2 - m2) + s1 * (x2 - m2) ** 2) / det
    logp = -sp.log(2 * sp.pi) - sp.log(det) / 2 - q / 2
    L = sp.Matrix([[s1, r], [r, s2]]).xreplace(point).cholesky()
    x = sp.Matrix([point[m1], point[m2]]) + L * sp.Matrix([z1, z2])
    score = [sp.diff(logp, v).xreplace(point).xreplace({x1: x[0], x2: x[1]}) for v in params]

    def gaussian_mean(poly: sp.Expr) -> sp.Expr:
        total = sp.S.Zero
        for (k1, k2), c in sp.Poly(sp.expand(poly), z1, z2).terms():
            if k1 % 2 == 0 and k2 % 2 == 0:
                total += c * sp.factorial2(k1 - 1) * sp.factorial2(k2 - 1)
        return total
    for i in range(5):
        for j in range(i, 5):
            exact = gaussian_mean(score[i] * score[j])
            assert sp.simplify(info[i, j].xreplace(point) - exact) == 0, (params[i], params[j])


def test_a_count_is_no_smooth_parameter():
    n = sp.Symbol("n", positive=True, integer=True)
    p = sp.Symbol("p", positive=True)
    with pytest.raises(InvalidParameterError, match="smooth parameter"):
        si.fisher_information(MultinomialDistribution(n, [p, 1 - p]), [n])


def test_wishart_one_by_one_is_the_gamma_by_the_chain_rule():
    """W_1(n, v) is Gamma(k = n/2, theta = 2 v): J^T I_Gamma J from the univariate engine
    (itself checked against the score's variance)."""
    from sympy.stats import Gamma
    from sympy.stats.matrix_distributions import WishartDistribution

    n, v, k, th = sp.symbols("n v k theta", positive=True)
    gamma = si.fisher_information(Gamma("G", k, th)).xreplace({k: n / 2, th: 2 * v})
    J = sp.diag(R(1, 2), 2)
    wishart = si.fisher_information(WishartDistribution(n, sp.Matrix([[v]])))
    assert sp.simplify(wishart - J.T * gamma * J) == sp.zeros(2)


def test_wishart_scale_block_equals_the_score_variance():
    """The score in V is -(n/2) V^-1 + (1/2) V^-1 X V^-1 (linear in X), so its variance needs
    Cov(X_ij, X_kl) = n (V_ik V_jl + V_il V_jk) (Gupta & Nagar 2000, Thm 3.3.15), which the
    engine's negative expected Hessian (E[X] = n V only) never uses."""
    from sympy.stats.matrix_distributions import WishartDistribution

    n, v1, v3 = sp.symbols("n v1 v3", positive=True)
    v2 = sp.Symbol("v2", real=True)
    V = sp.Matrix([[v1, v2], [v2, v3]])
    info = si.fisher_information(WishartDistribution(n, V))
    x11, x12, x22 = sp.symbols("x11 x12 x22", real=True)
    X = sp.Matrix([[x11, x12], [x12, x22]])
    logp_v = -n / 2 * sp.log(V.det()) - (V.inv() * X).trace() / 2  # the terms holding V
    entries = [x11, x12, x22]
    index = [(0, 0), (0, 1), (1, 1)]
    mean = sp.Matrix([n * V[i, j] for i, j in index])

    def covariance(a: int, b: int) -> sp.Expr:
        (i, j), (k, l) = index[a], index[b]
        return n * (V[i, k] * V[j, l] + V[i, l] * V[j, k])
    cov = sp.Matrix(3, 3, covariance)
    scores = [sp.diff(logp_v, p) for p in (v1, v2, v3)]
    for a in range(3):
        for b in range(3):
            ga = sp.Matrix([sp.diff(scores[a], e) for e in entries])  # scores are linear in X
            gb = sp.Matrix([sp.diff(scores[b], e) for e in entries])
            variance = (ga.T * cov * gb)[0]
            assert sp.simplify(info[1 + a, 1 + b] - variance) == 0, (a, b)
    assert sp.simplify(scores[0].xreplace(dict(zip(entries, mean, strict=True)))) == 0


def test_no_symbolic_parameter_is_a_clear_refusal():
    with pytest.raises(UnsupportedInputError, match="no smooth parameter"):
        si.fisher_information(MultivariateNormalDistribution([0, 0], [[1, 0], [0, 1]]))
