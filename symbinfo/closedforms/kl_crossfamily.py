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

import sympy as sp
from sympy import (
    Piecewise,
    exp,
    log,
    loggamma,
    oo,
    pi,
    sqrt,
)
from sympy.stats import crv_types as C
from sympy.stats.crv import SingleContinuousDistribution

from ..distributions.continuous import UnivariateView, read_univariate
from ..distributions.families import FAMILIES
from . import CROSS_ENTROPY, ENTROPY, KL_DIVERGENCE
from .kl_continuous import _shift

Dist = sp.Basic
Stat = tuple  # ("one",), ("x",), ("sq", c), ("log",), ("log1m",), ("exp", t), ("abs", c)
Valued = tuple[sp.Expr, sp.Basic]  # (value, condition under which the value is finite)

SOURCE = "derived here: E_P[-log q] term by term from P's moments (kl_crossfamily)"


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
# Source side: P's expectations of those statistics, from P's family record.
# ---------------------------------------------------------------------------------------------

_x = sp.Symbol("x", real=True)


def _statistic(stat: Stat) -> sp.Expr:
    kind = stat[0]
    return {
        "one": lambda: sp.S.One,
        "x": lambda: _x,
        "sq": lambda: (_x - stat[1]) ** 2,
        "log": lambda: log(_x),
        "log1m": lambda: log(1 - _x),
        "exp": lambda: exp(stat[1] * _x),
        "abs": lambda: sp.Abs(_x - stat[1]),
    }[kind]()


def _expect(view: UnivariateView, stat: Stat) -> Valued | None:
    """E_P[stat] and its finiteness condition, or ``None`` when P's record lacks it.

    Where the condition fails the expectation is +oo (every statistic that can diverge enters
    -log q with a positive coefficient); an expectation that is *undefined* there is used only
    when the support condition already implies its own (E[log X] of a Uniform needs left >= 0,
    implied by any target on [0, oo)).
    """
    known = view.expectation(_statistic(stat), _x)
    if known is None:
        return None
    return known.value, known.finite


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
    if type(q) not in NEG_LOG_Q:
        return None
    view, target = read_univariate(p), read_univariate(q)
    inside = view.inside(target)
    if inside is sp.false:
        return oo
    terms = NEG_LOG_Q[type(q)](q)
    if terms is None:
        return None
    total, conds = [], [inside]
    for coef, stat in terms:
        got = _expect(view, stat)
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
    """KL(P || Q) = H(P, Q) - h(P) for P, Q from the tables (see the module docstring);
    declines when h(P) has no closed form (the generic engine then takes E[log p] term by term)."""
    ce = cross_entropy_crossfamily(p, q)
    entropy = ENTROPY.apply(p)
    if ce is None or entropy is None:
        return None
    return _tidy(_shift(ce, -entropy[0]))


def _register_all() -> None:
    sources = [cls for cls, rec in FAMILIES.items()
               if issubclass(cls, SingleContinuousDistribution) and rec.expect.mean is not None]
    for pc in sources:
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
