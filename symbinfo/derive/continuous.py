"""The generic engine for continuous and infinite discrete distributions (in nats).

Used when no closed-form rule applies. Each function returns a closed form when it can and
otherwise the honest definition as an unevaluated ``Integral``/``Sum`` that still evaluates
numerically (``.evalf()``).
"""

from __future__ import annotations

import sympy as sp
from sympy.stats.drv import SingleDiscreteDistribution
from sympy.stats.rv import Distribution


def _variable(dist: Distribution) -> sp.Symbol:
    if isinstance(dist, SingleDiscreteDistribution):
        return sp.Symbol("k", integer=True)
    return sp.Symbol("x", real=True)


def _expectation(dist: Distribution, integrand_of) -> sp.Expr:
    """Unevaluated E_dist[integrand(x)] over the support of ``dist``."""
    x = _variable(dist)
    f = dist.pdf(x)
    support = dist.set
    body = f * integrand_of(x)
    if isinstance(dist, SingleDiscreteDistribution):
        lo = support.inf
        hi = support.sup
        return sp.Sum(body, (x, lo, hi))
    return sp.Integral(body, (x, support.inf, support.sup))


def differential_entropy(dist: Distribution) -> sp.Expr:
    """−E[log f(X)] as an unevaluated integral (or sum, for infinite discrete families).

    >>> from sympy.stats import Normal
    >>> from sympy.stats.crv_types import NormalDistribution
    >>> differential_entropy(NormalDistribution(0, 1)).evalf(20)
    1.4189385332046727418
    """
    return _expectation(dist, lambda t: -sp.log(dist.pdf(t)))


def cross_entropy(p: Distribution, q: Distribution) -> sp.Expr:
    """−E_P[log q(X)] as an unevaluated integral/sum (support checks are the caller's)."""
    return _expectation(p, lambda t: -sp.log(q.pdf(t)))


def kl_divergence(p: Distribution, q: Distribution) -> sp.Expr:
    """E_P[log(p(X)/q(X))] as an unevaluated integral/sum (support checks are the caller's)."""
    return _expectation(p, lambda t: sp.log(p.pdf(t) / q.pdf(t)))


