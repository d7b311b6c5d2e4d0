"""Known moments for step-by-step derivations, read from the family records.

The values and their sources live in :mod:`symbinfo.distributions.families` (one table for the
whole package); a derivation only uses those that hold on the whole declared domain, so that the
step it shows is true as written. The expectation of a polynomial of degree ≤ 2 in ``X`` or
``log X`` follows from the mean and variance: E[U²] = Var U + (E U)² (Casella & Berger 2002, §2.3).
"""

from __future__ import annotations

import sympy as sp
from sympy.stats.rv import Distribution

from ..distributions.continuous import read_univariate

SQUARE = "E[U²] = Var U + (E U)², Casella & Berger (2002), §2.3"


def known_moment(dist: Distribution, stat: sp.Expr, x: sp.Symbol) -> tuple[sp.Expr, str] | None:
    """E[stat(X)] for X ~ ``dist`` with its source, or ``None`` when it is not known (or known
    only on part of the domain).

    >>> from sympy.stats import crv_types as ct
    >>> mu = sp.Symbol("mu", real=True); s = sp.Symbol("sigma", positive=True)
    >>> x, a = sp.Symbol("x", real=True), sp.Symbol("a", real=True)
    >>> known_moment(ct.NormalDistribution(mu, s), sp.expand((x - a)**2), x)[0]
    a**2 - 2*a*mu + mu**2 + sigma**2
    >>> known_moment(ct.NormalDistribution(mu, s), sp.sin(x), x) is None
    True
    """
    known = read_univariate(dist).expectation(stat, x)
    if known is None or known.finite is not sp.true:
        return None
    source = known.source or "derived here"
    squared = any(p.is_polynomial(x) and sp.degree(p, x) == 2
                  for p in (stat, stat.xreplace({sp.log(x): x})) if p.is_polynomial(x))
    return known.value, f"{source}; {SQUARE}" if squared else source
