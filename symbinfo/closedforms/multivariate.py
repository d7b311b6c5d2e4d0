"""Multivariate normal and Dirichlet: entropy, KL divergence and cross-entropy (nats).

SymPy objects: ``MultivariateNormal('X', mu, Sigma)`` has distribution
``MultivariateNormalDistribution(mu, Sigma)``; ``Dirichlet('D', alpha)`` has distribution
``MultivariateBetaDistribution(alpha)``. Sigma may be an explicit (symbolic) Matrix or a
``MatrixSymbol``; for the latter trace, determinant and inverse stay matrix expressions.

>>> import sympy as sp
>>> r = sp.Symbol("rho", real=True)
>>> mvn_mutual_information(sp.Matrix([[1, r], [r, 1]]), [0], [1])
-log(1 - rho**2)/2
"""

from __future__ import annotations

from collections.abc import Sequence

import sympy as sp
from sympy import digamma, log, loggamma
from sympy.stats.joint_rv_types import MultivariateBetaDistribution, MultivariateNormalDistribution

from . import ENTROPY, KL_DIVERGENCE

Dist = sp.Basic


def _det(S: sp.MatrixBase | sp.MatrixExpr) -> sp.Expr:
    return sp.factor(S.det()) if isinstance(S, sp.MatrixBase) else sp.Determinant(S)


def _dim(S) -> int | sp.Expr:
    return S.shape[0]


def mvn_entropy(Sigma: sp.MatrixBase | sp.MatrixExpr) -> sp.Expr:
    """h(N(mu, Sigma)) = (d/2) log(2 pi e) + (1/2) log det Sigma.

    >>> mvn_entropy(sp.Matrix([[2, 1], [1, 2]]))
    log(3)/2 + log(2*E*pi)
    """
    return _dim(Sigma) * log(2 * sp.pi * sp.E) / 2 + log(_det(Sigma)) / 2


def _scalar(e) -> sp.Expr:
    """A 1x1 matrix (explicit or expression) as a scalar."""
    return e[0, 0]


def mvn_kl(mu1, S1, mu2, S2) -> sp.Expr:
    """KL(N(mu1, S1) || N(mu2, S2)) = (tr(S2^-1 S1) + dm^T S2^-1 dm - d + log(det S2/det S1))/2.

    >>> mvn_kl(sp.Matrix([0, 0]), sp.eye(2), sp.Matrix([1, 0]), 2 * sp.eye(2))
    -1/4 + log(4)/2
    """
    dm = mu2 - mu1
    if isinstance(S2, sp.MatrixBase) and isinstance(S1, sp.MatrixBase):
        S2inv = S2.inv()
        tr = sp.simplify((S2inv * S1).trace())
        quad = sp.simplify(_scalar(dm.T * S2inv * dm))
        return sp.Add(tr, quad, -S1.shape[0], log(_det(S2) / _det(S1))) / 2
    tr = sp.Trace(S2.I * S1)
    # the 1x1 quadratic form stays a matrix expression (indexing [0, 0] would expand it)
    quad = sp.Trace(dm.T * S2.I * dm)
    return (tr + quad - _dim(S1) + log(_det(S2)) - log(_det(S1))) / 2


def mvn_mutual_information(Sigma, a: Sequence[int], b: Sequence[int]) -> sp.Expr:
    """I(X_a; X_b) = (1/2) log(det S_aa det S_bb / det S_ab,ab) for disjoint index blocks."""
    ab = list(a) + list(b)
    ratio = _det(_block(Sigma, ab)) / (_det(_block(Sigma, a)) * _det(_block(Sigma, b)))
    return -log(sp.cancel(ratio)) / 2


def _block(Sigma, idx: Sequence[int]):
    idx = list(idx)
    if isinstance(Sigma, sp.MatrixBase):
        return Sigma.extract(idx, idx)
    if idx == list(range(Sigma.shape[0])):
        return Sigma
    return sp.Matrix(len(idx), len(idx), lambda i, j: Sigma[idx[i], idx[j]])


def _mvn_args(d: Dist):
    mu, S = d.args
    return mu, S


@ENTROPY.register(
    MultivariateNormalDistribution,
    source="Cover & Thomas, 2nd ed., Thm 8.4.1; StatProofBook mvn-dent",
    conditions="Sigma symmetric positive definite",
)
def entropy_mvn(d: Dist) -> sp.Expr:
    """(1/2) log det(2 pi e Sigma)."""
    return mvn_entropy(_mvn_args(d)[1])


@KL_DIVERGENCE.register(
    MultivariateNormalDistribution,
    MultivariateNormalDistribution,
    source="Penny (2001); Gil, Alajaji & Linder (2013), Inf. Sci. 249:124-131",
    conditions="same dimension (declines otherwise)",
)
def kl_mvn_mvn(p: Dist, q: Dist) -> sp.Expr | None:
    """KL between two multivariate normals of one dimension."""
    mu1, S1 = _mvn_args(p)
    mu2, S2 = _mvn_args(q)
    if S1.shape != S2.shape:
        return None
    return mvn_kl(mu1, S1, mu2, S2)


def _alpha(d: Dist) -> list[sp.Expr]:
    return list(d.args[0])


@ENTROPY.register(
    MultivariateBetaDistribution,
    source="derived here: -E[log f] with E[log X_j] = psi(a_j) - psi(a0) (checked by quadrature)",
    conditions="all a_j > 0",
)
def entropy_dirichlet(d: Dist) -> sp.Expr:
    """log B(alpha) + (a0 - K) psi(a0) - sum (a_j - 1) psi(a_j), a0 = sum a_j."""
    a = _alpha(d)
    a0 = sp.Add(*a)
    logB = sp.Add(*[loggamma(x) for x in a]) - loggamma(a0)
    return logB + (a0 - len(a)) * digamma(a0) - sp.Add(*[(x - 1) * digamma(x) for x in a])


@KL_DIVERGENCE.register(
    MultivariateBetaDistribution,
    MultivariateBetaDistribution,
    source="Penny (2001), KL-divergences of ... Dirichlet ... densities; StatProofBook dir-kl",
    conditions="same K (declines otherwise)",
)
def kl_dirichlet_dirichlet(p: Dist, q: Dist) -> sp.Expr | None:
    """KL(Dir(a) || Dir(b))."""
    a, b = _alpha(p), _alpha(q)
    if len(a) != len(b):
        return None
    a0, b0 = sp.Add(*a), sp.Add(*b)
    return sp.Add(
        loggamma(a0),
        -loggamma(b0),
        -sp.Add(*[loggamma(x) - loggamma(y) for x, y in zip(a, b, strict=True)]),
        sp.Add(*[(x - y) * (digamma(x) - digamma(a0)) for x, y in zip(a, b, strict=True)]),
    )


