"""Readers of sympy.stats' multinomial and matrix families (Wishart, matrix gamma).

The one place outside the univariate view that reads these distributions: the multinomial's
(n, p) and its pmf, the outcomes (compositions of n) over which its defining sums run, and the
coordinates over which a matrix density's defining integral runs. Definitions built here are
honest: an explicit finite sum for a small numeric n, else an unevaluated ``Sum``/``Integral``
that still evaluates numerically.

>>> from sympy.stats import Multinomial
>>> M = Multinomial("M", 2, [sp.Rational(1, 2), sp.Rational(1, 2)]).pspace.distribution
>>> composition_sum(lambda x: multinomial_pmf(M, x), M)
1
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterator

import sympy as sp
from sympy.stats.joint_rv_types import MultinomialDistribution, MultivariateNormalDistribution
from sympy.stats.matrix_distributions import (
    MatrixGammaDistribution,
    MatrixNormalDistribution,
    WishartDistribution,
)
from sympy.stats.rv import Distribution

from .view import check_outcomes

#: at most this many compositions are summed term by term (each term may hold a symbolic order);
#: beyond, the sum stays an honest nested ``Sum`` (also bounded by the finite_outcomes limit)
SMALL_SUM = 500

MATRIX_WISHART = (WishartDistribution, MatrixGammaDistribution)


def multinomial_parameters(d: MultinomialDistribution) -> tuple[sp.Expr, list[sp.Expr]]:
    """(n, [p_1, ..., p_k]) of a multinomial.

    >>> from sympy.stats import Multinomial
    >>> multinomial_parameters(Multinomial("M", 3, [sp.S(1)/3, sp.S(2)/3]).pspace.distribution)
    (3, [1/3, 2/3])
    """
    return d.n, list(d.p)


def multinomial_pmf(d: MultinomialDistribution, x: tuple) -> sp.Expr:
    """n!/(x_1! ... x_k!) p_1**x_1 ... p_k**x_k at a composition x of n (Σ x_i = n)."""
    n, p = multinomial_parameters(d)
    # inside a Sum (symbolic x) a numeric n! stays unevaluated: 2000! has 5736 digits
    symbolic = any(not isinstance(xi, (int, sp.Integer)) for xi in x)
    return (sp.factorial(n, evaluate=not symbolic) / sp.Mul(*(sp.factorial(xi) for xi in x))
            * sp.Mul(*(pi**xi for pi, xi in zip(p, x, strict=True))))


def composition_count(n: int, k: int) -> int:
    """How many x in N**k have Σ x = n: binomial(n + k - 1, k - 1)."""
    return math.comb(n + k - 1, k - 1)


def compositions(n: int, k: int) -> Iterator[tuple[int, ...]]:
    """Every x in N**k with Σ x = n.

    >>> list(compositions(2, 2))
    [(0, 2), (1, 1), (2, 0)]
    """
    if k == 1:
        yield (n,)
        return
    for first in range(n + 1):
        for rest in compositions(n - first, k - 1):
            yield (first, *rest)


def composition_sum(term: Callable[[tuple], sp.Expr], d: MultinomialDistribution) -> sp.Expr:
    """Σ term(x) over the compositions x of n into k parts: term by term for a numeric n with
    at most :data:`SMALL_SUM` of them (and within the finite_outcomes limit), else the nested
    ``Sum`` over x_1, ..., x_(k-1) with x_k = n - Σ x_i."""
    n, p = multinomial_parameters(d)
    k = len(p)
    if isinstance(n, sp.Integer):
        check_outcomes(composition_count(int(n), k), d)  # before anything is built
        if composition_count(int(n), k) <= SMALL_SUM:
            return sp.Add(*(term(x) for x in compositions(int(n), k)))
    xs = sp.symbols(f"x1:{k}", integer=True, nonnegative=True)
    point = (*xs, n - sp.Add(*xs))
    limits = [(x, 0, n - sp.Add(*xs[:i])) for i, x in enumerate(xs)]
    return sp.Sum(term(point), *reversed(limits))


def matrix_normal_as_mvn(d: MatrixNormalDistribution) -> MultivariateNormalDistribution | None:
    """The law of vec(X) (columns stacked) for X ~ MN(M, U, V): N(vec M, V ⊗ U) (Gupta & Nagar
    2000, Matrix Variate Distributions, Thm 2.2.1); ``None`` unless M, U, V are explicit.

    >>> from sympy.stats.matrix_distributions import MatrixNormalDistribution
    >>> d = MatrixNormalDistribution(sp.Matrix([[0, 1]]), sp.Matrix([[2]]), sp.eye(2))
    >>> matrix_normal_as_mvn(d).args
    (Matrix([
    [0],
    [1]]), Matrix([
    [2, 0],
    [0, 2]]))
    """
    M, U, V = d.location_matrix, d.scale_matrix_1, d.scale_matrix_2
    if not all(isinstance(A, sp.MatrixBase) for A in (M, U, V)):
        return None
    return MultivariateNormalDistribution(M.vec(), sp.kronecker_product(V, U))


def matrix_normal_parameters(d: MatrixNormalDistribution) -> tuple:
    """(M, U, V): location, among-row scale (n×n), among-column scale (p×p)."""
    return d.location_matrix, d.scale_matrix_1, d.scale_matrix_2


def _at(integrand: Callable[[sp.Expr, sp.Expr], sp.Expr], f: sp.Expr, g: sp.Expr) -> sp.Expr:
    """``integrand(f, g)`` at one outcome, with 0 log 0 = 0 where a probability is exactly 0
    (the integrands are written for densities: f log(2f/(f + g)) is nan at f = 0)."""
    value = integrand(f, g)
    if not value.has(sp.nan):
        return value
    eps, other = sp.Dummy("eps", positive=True), sp.Dummy("w", positive=True)
    if f == 0 and g == 0:
        return sp.limit(integrand(eps, eps), eps, 0, "+")
    pattern = integrand(eps, other) if f == 0 else integrand(other, eps)
    return _limit_at_zero(pattern, eps).xreplace({other: g if f == 0 else f})


@functools.lru_cache(maxsize=64)
def _limit_at_zero(pattern: sp.Expr, eps: sp.Dummy) -> sp.Expr:
    """lim_(eps -> 0+) of ``pattern`` (kept: one limit per integrand, not per outcome)."""
    return sp.limit(pattern, eps, 0, "+")


def _cholesky_point(p: int) -> tuple[sp.Matrix, list, sp.Expr]:
    """X = L Lᵀ with L lower triangular (diagonal > 0): the matrix, the integration limits and
    the Jacobian 2**p Π l_ii**(p + 1 - i) (Muirhead 1982, Thm 2.1.9)."""
    L = sp.zeros(p, p)
    limits = []
    jac = sp.Integer(2) ** p
    for i in range(p):
        for j in range(i + 1):
            if i == j:
                s = sp.Symbol(f"l{i + 1}{j + 1}", positive=True)
                limits.append((s, 0, sp.oo))
                jac *= s ** (p - i)
            else:
                s = sp.Symbol(f"l{i + 1}{j + 1}", real=True)
                limits.append((s, -sp.oo, sp.oo))
            L[i, j] = s
    return L * L.T, limits, jac


def joint_definition(dp: Distribution, dq: Distribution,
                     integrand: Callable[[sp.Expr, sp.Expr], sp.Expr]) -> sp.Expr | None:
    """The honest sum/integral of ``integrand(p, q)`` for two multinomials (over the
    compositions; 0 against a multinomial of another n), two Wishart/matrix gamma laws of one
    explicit dimension (over the positive-definite matrices in Cholesky coordinates) or two
    matrix normal laws of one explicit shape (over their entries);
    ``None`` for other inputs.

    >>> from sympy.stats import Multinomial
    >>> P = Multinomial("P", 1, [sp.S(1)/2, sp.S(1)/2]).pspace.distribution
    >>> Q = Multinomial("Q", 1, [sp.S(1)/4, sp.S(3)/4]).pspace.distribution
    >>> joint_definition(P, Q, lambda f, g: abs(f - g)) / 2
    1/4
    """
    if isinstance(dp, MultinomialDistribution) and isinstance(dq, MultinomialDistribution):
        (n, p), (m, q) = multinomial_parameters(dp), multinomial_parameters(dq)
        if len(p) != len(q):
            return None
        if n == m:
            return composition_sum(lambda x: _at(integrand, multinomial_pmf(dp, x),
                                                 multinomial_pmf(dq, x)), dp)
        if sp.Eq(n, m) is not sp.false:
            return None
        # disjoint supports: P's compositions against 0, then Q's
        zero = sp.S.Zero
        return (composition_sum(lambda x: _at(integrand, multinomial_pmf(dp, x), zero), dp)
                + composition_sum(lambda x: _at(integrand, zero, multinomial_pmf(dq, x)), dq))
    if isinstance(dp, MATRIX_WISHART) and isinstance(dq, MATRIX_WISHART):
        p = dp.scale_matrix.shape[0]
        if p != dq.scale_matrix.shape[0] or not isinstance(p, (int, sp.Integer)):
            return None
        X, limits, jac = _cholesky_point(int(p))
        point = sp.ImmutableMatrix(X)
        f, g = (d.pdf(point).doit() for d in (dp, dq))
        return sp.Integral(integrand(f, g) * jac, *reversed(limits))
    if isinstance(dp, MatrixNormalDistribution) and isinstance(dq, MatrixNormalDistribution):
        shape = dp.location_matrix.shape
        if shape != dq.location_matrix.shape or not all(isinstance(k, int) for k in shape):
            return None
        X = sp.Matrix(*shape, lambda i, j: sp.Symbol(f"x{i + 1}{j + 1}", real=True))
        f, g = (d.pdf(sp.ImmutableMatrix(X)).doit() for d in (dp, dq))
        return sp.Integral(integrand(f, g), *((x, -sp.oo, sp.oo) for x in X))
    return None


def moment_reading(d: Distribution) -> tuple[list[sp.Symbol], sp.Expr, sp.Matrix, sp.Matrix] | None:
    """(point x, log-density at x, E[X], Cov X) of a multivariate normal, Dirichlet or
    multinomial, else ``None``: what the Fisher information of these families is read from
    (their log-densities' parameter Hessians are polynomials of degree <= 2 in x).

    Moments: the Gaussian's are its arguments; the Dirichlet's E[X_i] = a_i/a0 and
    Cov = (a0 diag(a) - a aᵀ)/(a0²(a0 + 1)); the multinomial's n p and n (diag(p) - p pᵀ)
    (Johnson, Kotz & Balakrishnan, Continuous Multivariate Distributions (2000), ch. 49;
    Discrete Multivariate Distributions (1997), ch. 35). A Wishart W_p(n, V) with an explicit
    scale is read over the entries x_ij (i <= j) of X: E[X] = n V and
    Cov(X_ij, X_kl) = n (V_ik V_jl + V_il V_jk) (Gupta & Nagar, Matrix Variate Distributions
    (2000), Thm 3.3.15); its log-density's Hessian in (n, V) is linear in X.

    >>> from sympy.stats.joint_rv_types import MultivariateBetaDistribution
    >>> x, logp, mean, cov = moment_reading(MultivariateBetaDistribution([1, 2, 3]))
    >>> mean.T
    Matrix([[1/6, 1/3, 1/2]])
    """
    from sympy.stats.joint_rv_types import MultivariateBetaDistribution

    if isinstance(d, MultivariateNormalDistribution):
        mu, sigma = sp.Matrix(d.mu), sp.Matrix(d.sigma)
        x = list(sp.symbols(f"x1:{len(mu) + 1}", real=True))
        logp = (-sp.Rational(len(mu), 2) * sp.log(2 * sp.pi) - sp.log(sigma.det()) / 2
                - ((sp.Matrix(x) - mu).T * sigma.inv() * (sp.Matrix(x) - mu))[0] / 2)
        return x, logp, mu, sigma
    if isinstance(d, MultivariateBetaDistribution):
        a = list(d.args[0])
        a0 = sp.Add(*a)
        x = list(sp.symbols(f"x1:{len(a) + 1}", positive=True))
        logp = (sp.loggamma(a0) - sp.Add(*(sp.loggamma(ai) for ai in a))
                + sp.Add(*((ai - 1) * sp.log(xi) for ai, xi in zip(a, x, strict=True))))
        mean = sp.Matrix([ai / a0 for ai in a])
        cov = (a0 * sp.diag(*a) - sp.Matrix(a) * sp.Matrix(a).T) / (a0**2 * (a0 + 1))
        return x, logp, mean, cov
    if isinstance(d, WishartDistribution) and isinstance(d.args[1], sp.MatrixBase):
        return _wishart_moments(d)
    if isinstance(d, MultinomialDistribution):
        n, p = multinomial_parameters(d)
        x = list(sp.symbols(f"x1:{len(p) + 1}", integer=True, nonnegative=True))
        logp = (sp.log(sp.factorial(n)) - sp.Add(*(sp.log(sp.factorial(xi)) for xi in x))
                + sp.Add(*(xi * sp.log(pi) for xi, pi in zip(x, p, strict=True))))
        mean = sp.Matrix([n * pi for pi in p])
        cov = n * (sp.diag(*p) - sp.Matrix(p) * sp.Matrix(p).T)
        return x, logp, mean, cov
    return None


def _wishart_moments(d: WishartDistribution) -> tuple:
    n, V = d.args
    V = sp.Matrix(V)
    p = V.shape[0]
    index = [(i, j) for i in range(p) for j in range(i, p)]
    x = list(sp.symbols(f"x1:{len(index) + 1}", real=True))
    X = sp.zeros(p, p)
    for (i, j), xij in zip(index, x, strict=True):
        X[i, j] = X[j, i] = xij
    log_multigamma = (sp.Rational(p * (p - 1), 4) * sp.log(sp.pi)
                      + sp.Add(*(sp.loggamma(n / 2 - sp.Rational(j, 2)) for j in range(p))))
    logp = ((n - p - 1) / 2 * sp.log(X.det()) - (V.inv() * X).trace() / 2
            - n * p / 2 * sp.log(2) - n / 2 * sp.log(V.det()) - log_multigamma)
    mean = sp.Matrix([n * V[i, j] for i, j in index])
    cov = sp.Matrix(len(index), len(index), lambda a, b: n * (
        V[index[a][0], index[b][0]] * V[index[a][1], index[b][1]]
        + V[index[a][0], index[b][1]] * V[index[a][1], index[b][0]]))
    return x, logp, mean, cov
