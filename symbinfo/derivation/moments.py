"""Known moments of sympy.stats families, each with its source, for step-by-step derivations.

A family declares the mean and variance of its *base statistics* (``X`` and, where known,
``log X``). The expectation of any polynomial of degree ≤ 2 in one base statistic follows:
E[U] = mean, E[U²] = Var U + (E U)², and E[(U − a)²] = Var U + (E U − a)²
(Casella & Berger 2002, §2.3). Parameterisations are SymPy's own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp
from sympy.stats import crv_types as ct
from sympy.stats.rv import Distribution

CB = "Casella & Berger (2002), Statistical Inference, 2nd ed., §3.3"
JKB = "Johnson, Kotz & Balakrishnan (1994), Continuous Univariate Distributions, vol. 1"
JKB2 = "Johnson, Kotz & Balakrishnan (1995), Continuous Univariate Distributions, vol. 2"
SQUARE = "E[(U − a)²] = Var U + (E U − a)², Casella & Berger (2002), §2.3"


@dataclass(frozen=True)
class BaseMoments:
    """Mean and variance of a base statistic ``U(X)`` (``X`` or ``log X``) and their source."""

    mean: sp.Expr
    variance: sp.Expr | None
    source: str


def _normal(d: Distribution, x: sp.Symbol) -> dict:
    mu, sigma = d.args
    return {x: BaseMoments(mu, sigma**2, CB)}


def _exponential(d: Distribution, x: sp.Symbol) -> dict:
    (rate,) = d.args
    return {
        x: BaseMoments(1 / rate, 1 / rate**2, CB),
        sp.log(x): BaseMoments(-sp.EulerGamma - sp.log(rate), sp.pi**2 / 6, f"{JKB}, ch. 19"),
    }


def _gamma(d: Distribution, x: sp.Symbol) -> dict:
    k, theta = d.args
    return {
        x: BaseMoments(k * theta, k * theta**2, CB),
        sp.log(x): BaseMoments(sp.digamma(k) + sp.log(theta), sp.polygamma(1, k),
                               f"{JKB}, ch. 17"),
    }


def _lognormal(d: Distribution, x: sp.Symbol) -> dict:
    mu, sigma = d.args
    return {
        x: BaseMoments(sp.exp(mu + sigma**2 / 2),
                       (sp.exp(sigma**2) - 1) * sp.exp(2 * mu + sigma**2), f"{JKB}, ch. 14"),
        sp.log(x): BaseMoments(mu, sigma**2, f"{JKB}, ch. 14 (log X is Normal(μ, σ))"),
    }


def _laplace(d: Distribution, x: sp.Symbol) -> dict:
    mu, b = d.args
    # |X − μ| is Exponential with mean b
    return {x: BaseMoments(mu, 2 * b**2, CB),
            sp.Abs(x - mu): BaseMoments(b, b**2, f"{JKB2}, ch. 24")}


#: family → function(distribution, variable) giving its base statistics' moments
FAMILIES: dict[type, Callable[[Distribution, sp.Symbol], dict]] = {
    ct.NormalDistribution: _normal,
    ct.ExponentialDistribution: _exponential,
    ct.GammaDistribution: _gamma,
    ct.LogNormalDistribution: _lognormal,
    ct.LaplaceDistribution: _laplace,
}


def known_moment(dist: Distribution, stat: sp.Expr, x: sp.Symbol) -> tuple[sp.Expr, str] | None:
    """E[stat(X)] for X ~ ``dist`` with its source, or ``None`` when it is not in the table.

    >>> mu = sp.Symbol("mu", real=True); s = sp.Symbol("sigma", positive=True)
    >>> x, a = sp.Symbol("x", real=True), sp.Symbol("a", real=True)
    >>> known_moment(ct.NormalDistribution(mu, s), (x - a)**2, x)[0]
    sigma**2 + (-a + mu)**2
    >>> known_moment(ct.NormalDistribution(mu, s), sp.sin(x), x) is None
    True
    """
    table = next((FAMILIES[c] for c in type(dist).__mro__ if c in FAMILIES), None)
    if table is None:
        return None
    u_dummy = sp.Dummy("U")
    for base, m in table(dist, x).items():
        in_u = stat.xreplace({base: u_dummy})
        if x in in_u.free_symbols:
            continue
        square = _as_square(in_u, u_dummy)
        if square is not None and m.variance is not None:
            return m.variance + (m.mean - square) ** 2, f"{m.source}; {SQUARE}"
        poly = sp.Poly(in_u, u_dummy) if in_u.is_polynomial(u_dummy) else None
        if poly is None or poly.degree() > 2 or (poly.degree() == 2 and m.variance is None):
            continue
        raw = [sp.S.One, m.mean, (m.variance or 0) + m.mean**2]
        value = sp.Add(*(c * raw[i] for (i,), c in poly.terms()))
        return value, m.source
    return None


def _as_square(expr: sp.Expr, u: sp.Symbol) -> sp.Expr | None:
    """``a`` when ``expr`` is (u − a)² (or (a − u)²), else ``None``."""
    if expr.is_Pow and expr.exp == 2:
        inner = expr.base
        if inner.is_polynomial(u) and sp.degree(inner, u) == 1:
            lead = inner.coeff(u, 1)
            if lead in (1, -1):
                return -inner.coeff(u, 0) * lead
    return None
