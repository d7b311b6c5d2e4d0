"""Cross-entropy and KL divergence across continuous families, by one mechanism (nats).

H(P, Q) = E_P[-log q(X)]. Each target family Q declares ``-log q(x)`` as a short linear
combination of *statistics* of x (1, x, (x - c)**2, log x, log(1 - x), exp(t x), |x - c|) and its
support; each source family P declares its expectations of those statistics (mean, variance,
E[log X], E[log(1 - X)], the moment generating function, and the lower partial expectation
E[(c - X)+] from which E|X - c| = E[X] - c + 2 E[(c - X)+]) together with the condition under
which each is finite. The cross-entropy is then the term-by-term sum, and
KL(P || Q) = H(P, Q) - h(P) with h(P) from the ENTROPY registry.

Infinite cases are kept, never lost: ``oo`` when P puts mass outside Q's support, and ``oo`` when a
needed expectation diverges (e.g. Pareto(xm, alpha) against a Normal needs alpha > 2) -- both as
``Piecewise`` conditions when they depend on symbolic parameters. Every divergent statistic enters
-log q with a positive coefficient (it is what makes -log q grow in the tails), so the divergence
is always to +oo.

Source for every pair: derived here from the moments above (the pair list is PyTorch's
``torch/distributions/kl.py`` plus the *->Laplace pairs it lists as TODO); each pair is tested
against quadrature of the definition in ``tests/closedforms/test_kl_crossfamily.py``.

>>> import sympy as sp
>>> from sympy.stats.crv_types import ExponentialDistribution, NormalDistribution
>>> lam, s = sp.symbols("lambda sigma", positive=True)
>>> mu = sp.Symbol("mu", real=True)
>>> kl_crossfamily(ExponentialDistribution(lam), NormalDistribution(mu, s))
log(sqrt(2)*sqrt(pi)*lambda*sigma) - 1 + ((-mu + 1/lambda)**2 + lambda**(-2))/(2*sigma**2)
>>> kl_crossfamily(NormalDistribution(mu, s), ExponentialDistribution(lam))
oo
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp
from sympy import (
    EulerGamma,
    Piecewise,
    digamma,
    erf,
    exp,
    expint,
    gamma,
    log,
    loggamma,
    lowergamma,
    oo,
    pi,
    sqrt,
    uppergamma,
)
from sympy.stats import crv_types as C

from . import CROSS_ENTROPY, KL_DIVERGENCE
from .kl_continuous import _shift, differential_entropy

Dist = sp.Basic
Stat = tuple  # ("one",), ("x",), ("sq", c), ("log",), ("log1m",), ("exp", t), ("abs", c)
Valued = tuple[sp.Expr, sp.Basic]  # (value, condition under which the value is finite)

SOURCE = "derived here: E_P[-log q] term by term from P's moments (kl_crossfamily)"


def support(d: Dist) -> tuple[sp.Expr, sp.Expr]:
    """(inf, sup) of the support; Frechet's is [m, oo) although SymPy's ``set`` says [0, oo)."""
    if isinstance(d, C.FrechetDistribution):
        return d.m, oo
    return d.set.inf, d.set.sup


def _gumbel_is_max(d: Dist) -> bool:
    return len(d.args) < 3 or d.args[2] == sp.false


# ---------------------------------------------------------------------------------------------
# Target side: -log q(x) as [(coefficient, statistic)], in SymPy's parameterisations.
# ---------------------------------------------------------------------------------------------

NEG_LOG_Q: dict[type, Callable[[Dist], list[tuple[sp.Expr, Stat]] | None]] = {
    C.NormalDistribution: lambda q: [
        (log(sqrt(2 * pi) * q.std), ("one",)),
        (1 / (2 * q.std**2), ("sq", q.mean)),
    ],
    C.ExponentialDistribution: lambda q: [(-log(q.rate), ("one",)), (q.rate, ("x",))],
    C.GammaDistribution: lambda q: [
        (loggamma(q.k) + q.k * log(q.theta), ("one",)),
        (1 - q.k, ("log",)),
        (1 / q.theta, ("x",)),
    ],
    C.BetaDistribution: lambda q: [
        (log(sp.beta(q.alpha, q.beta)), ("one",)),
        (1 - q.alpha, ("log",)),
        (1 - q.beta, ("log1m",)),
    ],
    C.UniformDistribution: lambda q: [(log(q.right - q.left), ("one",))],
    # maximum Gumbel: -log q = log(beta) + z + exp(-z), z = (x - mu)/beta
    C.GumbelDistribution: lambda q: (
        [
            (log(q.beta) - q.mu / q.beta, ("one",)),
            (1 / q.beta, ("x",)),
            (exp(q.mu / q.beta), ("exp", -1 / q.beta)),
        ]
        if _gumbel_is_max(q)
        else None
    ),
    C.LaplaceDistribution: lambda q: [(log(2 * q.b), ("one",)), (1 / q.b, ("abs", q.mu))],
    C.ParetoDistribution: lambda q: [
        (-log(q.alpha) - q.alpha * log(q.xm), ("one",)),
        (q.alpha + 1, ("log",)),
    ],
}


# ---------------------------------------------------------------------------------------------
# Source side: P's expectations of those statistics.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Expectations:
    """What is known about E_P[.] for one family; ``None`` entries mean "not available"."""

    mean: Callable[[Dist], Valued]
    var: Callable[[Dist], Valued]
    lower_partial: Callable[[Dist, sp.Expr], sp.Expr] | None = None  # E[(c - X)+]
    mgf: Callable[[Dist, sp.Expr], Valued] | None = None  # E[exp(t X)]
    elog: Callable[[Dist], sp.Expr] | None = None  # E[log X] (support in [0, oo))
    elog1m: Callable[[Dist], sp.Expr] | None = None  # E[log(1 - X)] (support in [0, 1])


T = sp.true


def _xlogx(v: sp.Expr) -> sp.Expr:
    # 0 log 0 = 0: a Piecewise only when v may be 0 (else a later subs would give nan)
    if v.is_zero:
        return sp.S.Zero
    return v * log(v) if v.is_zero is False else Piecewise((0, sp.Eq(v, 0)), (v * log(v), True))


def _normal_lp(d: Dist, c: sp.Expr) -> sp.Expr:
    z = (c - d.mean) / d.std
    return (c - d.mean) * (1 + erf(z / sqrt(2))) / 2 + d.std * exp(-(z**2) / 2) / sqrt(2 * pi)


def _beta_lp(d: Dist, c: sp.Expr) -> sp.Expr:
    a, b = d.alpha, d.beta
    m = a / (a + b)
    inner = c * sp.betainc_regularized(a, b, 0, c) - m * sp.betainc_regularized(a + 1, b, 0, c)
    return Piecewise((0, c <= 0), (c - m, c >= 1), (inner, True))


def _gamma_lp(d: Dist, c: sp.Expr) -> sp.Expr:
    k, th = d.k, d.theta
    inner = c * lowergamma(k, c / th) / gamma(k) - th * lowergamma(k + 1, c / th) / gamma(k)
    return Piecewise((0, c <= 0), (inner, True))


def _pareto_mgf(d: Dist, t: sp.Expr) -> Valued:
    # E[exp(tX)] for t < 0 only (the Gumbel target needs t = -1/beta): an incomplete gamma.
    xm, a = d.xm, d.alpha
    return a * (-t * xm) ** a * uppergamma(-a, -t * xm), t < 0


def _pareto_lp(d: Dist, c: sp.Expr) -> sp.Expr:
    xm, a = d.xm, d.alpha
    return Piecewise(
        (0, c <= xm), (c - xm - xm**a * (c ** (1 - a) - xm ** (1 - a)) / (1 - a), True)
    )


EXPECT: dict[type, Expectations] = {
    C.NormalDistribution: Expectations(
        mean=lambda d: (d.mean, T),
        var=lambda d: (d.std**2, T),
        lower_partial=_normal_lp,
        mgf=lambda d, t: (exp(d.mean * t + d.std**2 * t**2 / 2), T),
    ),
    C.ExponentialDistribution: Expectations(
        mean=lambda d: (1 / d.rate, T),
        var=lambda d: (1 / d.rate**2, T),
        lower_partial=lambda d, c: Piecewise(
            (0, c <= 0), (c - (1 - exp(-d.rate * c)) / d.rate, True)
        ),
        mgf=lambda d, t: (d.rate / (d.rate - t), t < d.rate),
        elog=lambda d: -EulerGamma - log(d.rate),
    ),
    C.GammaDistribution: Expectations(
        mean=lambda d: (d.k * d.theta, T),
        var=lambda d: (d.k * d.theta**2, T),
        lower_partial=_gamma_lp,
        mgf=lambda d, t: ((1 - d.theta * t) ** (-d.k), t < 1 / d.theta),
        elog=lambda d: digamma(d.k) + log(d.theta),
    ),
    C.BetaDistribution: Expectations(
        mean=lambda d: (d.alpha / (d.alpha + d.beta), T),
        var=lambda d: (
            d.alpha * d.beta / ((d.alpha + d.beta) ** 2 * (d.alpha + d.beta + 1)),
            T,
        ),
        lower_partial=_beta_lp,
        mgf=lambda d, t: (sp.hyper((d.alpha,), (d.alpha + d.beta,), t), T),
        elog=lambda d: digamma(d.alpha) - digamma(d.alpha + d.beta),
        elog1m=lambda d: digamma(d.beta) - digamma(d.alpha + d.beta),
    ),
    C.UniformDistribution: Expectations(
        mean=lambda d: ((d.left + d.right) / 2, T),
        var=lambda d: ((d.right - d.left) ** 2 / 12, T),
        lower_partial=lambda d, c: Piecewise(
            (0, c <= d.left),
            ((c - d.left) ** 2 / (2 * (d.right - d.left)), c <= d.right),
            (c - (d.left + d.right) / 2, True),
        ),
        mgf=lambda d, t: (
            (exp(t * d.right) - exp(t * d.left)) / (t * (d.right - d.left)),
            T,
        ),
        elog=lambda d: (_xlogx(d.right) - _xlogx(d.left)) / (d.right - d.left) - 1,
        elog1m=lambda d: (_xlogx(1 - d.left) - _xlogx(1 - d.right)) / (d.right - d.left) - 1,
    ),
    C.GumbelDistribution: Expectations(
        mean=lambda d: (d.mu + d.beta * EulerGamma, T),
        var=lambda d: (pi**2 * d.beta**2 / 6, T),
        # E[(c - X)+] = int_{-oo}^c F = beta * E1(exp(-(c - mu)/beta))
        lower_partial=lambda d, c: d.beta * expint(1, exp(-(c - d.mu) / d.beta)),
        mgf=lambda d, t: (exp(d.mu * t) * gamma(1 - d.beta * t), d.beta * t < 1),
    ),
    C.LaplaceDistribution: Expectations(
        mean=lambda d: (d.mu, T),
        var=lambda d: (2 * d.b**2, T),
        lower_partial=lambda d, c: Piecewise(
            (d.b * exp((c - d.mu) / d.b) / 2, c <= d.mu),
            (c - d.mu + d.b * exp(-(c - d.mu) / d.b) / 2, True),
        ),
        mgf=lambda d, t: (exp(d.mu * t) / (1 - d.b**2 * t**2), d.b * sp.Abs(t) < 1),
    ),
    C.ParetoDistribution: Expectations(
        mean=lambda d: (d.alpha * d.xm / (d.alpha - 1), d.alpha > 1),
        var=lambda d: (d.xm**2 * d.alpha / ((d.alpha - 1) ** 2 * (d.alpha - 2)), d.alpha > 2),
        lower_partial=_pareto_lp,
        mgf=_pareto_mgf,
        elog=lambda d: log(d.xm) + 1 / d.alpha,
    ),
}


def _expect(p: Dist, stat: Stat) -> Valued | None:
    """E_P[stat] and its finiteness condition, or ``None`` when P's table lacks it."""
    table = EXPECT[type(p)]
    kind = stat[0]
    if kind == "one":
        return sp.S.One, T
    if kind == "x":
        return table.mean(p)
    if kind == "sq":  # E[(X - c)**2] = Var X + (E X - c)**2
        (m, cm), (v, cv) = table.mean(p), table.var(p)
        return v + (m - stat[1]) ** 2, sp.And(cm, cv)
    if kind == "abs":
        if table.lower_partial is None:
            return None
        m, cm = table.mean(p)
        return m - stat[1] + 2 * table.lower_partial(p, stat[1]), cm
    if kind == "exp":
        return None if table.mgf is None else table.mgf(p, stat[1])
    if kind == "log":
        return None if table.elog is None else (table.elog(p), T)
    if kind == "log1m":
        return None if table.elog1m is None else (table.elog1m(p), T)
    raise ValueError(f"unknown statistic {stat!r}")


def _tidy(e: sp.Expr) -> sp.Expr:
    """Light, fast tidying (no ``simplify``): merge the log terms, keep the rest as is."""
    if isinstance(e, Piecewise):
        return Piecewise(*[(_tidy(v), c) for v, c in e.args])
    if e == oo:
        return e
    e = sp.expand(e, deep=False, mul=True, power_exp=False, log=False, multinomial=False)
    logs = [t for t in sp.Add.make_args(e) if isinstance(t, sp.log)]
    rest = [t for t in sp.Add.make_args(e) if not isinstance(t, sp.log)]
    if len(logs) > 1:
        return sp.Add(log(sp.Mul(*[t.args[0] for t in logs])), *rest)
    return e


def cross_entropy_crossfamily(p: Dist, q: Dist) -> sp.Expr | None:
    """E_P[-log q(X)] from the tables; ``None`` (decline) when a needed expectation is unknown.

    >>> import sympy as sp
    >>> from sympy.stats.crv_types import UniformDistribution, ParetoDistribution
    >>> a, b, xm, al = sp.symbols("a b x_m alpha", positive=True)
    >>> ce = cross_entropy_crossfamily(UniformDistribution(a, b), ParetoDistribution(xm, al))
    >>> ce.args[0][1], ce.args[1]  # finite exactly when [a, b] lies in Pareto's [x_m, oo)
    (a >= x_m, (oo, True))
    """
    if type(p) not in EXPECT or type(q) not in NEG_LOG_Q:
        return None
    if isinstance(p, C.GumbelDistribution) and not _gumbel_is_max(p):
        return None
    lo_p, hi_p = support(p)
    lo_q, hi_q = support(q)
    inside = sp.And(sp.Ge(lo_p, lo_q), sp.Le(hi_p, hi_q))
    if inside is sp.false:
        return oo
    terms = NEG_LOG_Q[type(q)](q)
    if terms is None:
        return None
    total, conds = [], [inside]
    for coef, stat in terms:
        got = _expect(p, stat)
        if got is None:
            return None
        value, cond = got
        total.append(coef * value)
        conds.append(cond)
    finite = sp.And(*conds)
    if finite is sp.false:
        return oo
    ce = sp.Add(*total)
    return ce if finite is sp.true else Piecewise((ce, finite), (oo, True))


def kl_crossfamily(p: Dist, q: Dist) -> sp.Expr | None:
    """KL(P || Q) = H(P, Q) - h(P) for P, Q from the tables (see the module docstring)."""
    ce = cross_entropy_crossfamily(p, q)
    if ce is None:
        return None
    return _tidy(_shift(ce, -differential_entropy(p)))


def _register_all() -> None:
    for pc in EXPECT:
        for qc in NEG_LOG_Q:
            if pc is qc:
                continue  # same family: the textbook rules in kl_continuous
            KL_DIVERGENCE.register(pc, qc, source=SOURCE, conditions="Piecewise on support")(
                kl_crossfamily
            )
            CROSS_ENTROPY.register(pc, qc, source=SOURCE, conditions="Piecewise on support")(
                cross_entropy_crossfamily
            )


_register_all()
