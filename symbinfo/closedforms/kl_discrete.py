"""KL divergence and cross-entropy for discrete families, same family and across (nats).

SymPy's parameterisations: ``Bernoulli(p, succ=1, fail=0)``, ``Binomial(n, p)`` (finite),
``Poisson(lamda)`` on {0, 1, ...}, ``Geometric(p)`` counting trials on {1, 2, ...},
``NegativeBinomial(r, p)`` with pmf ``p**r (1-p)**k binomial(k+r-1, k)`` on {0, 1, ...}.
Rules decline (return ``None``) where no closed form exists (Binomial with n1 < n2; the
cross-entropies of Poisson/Binomial/NegativeBinomial, whose entropies need E[log k!]).
Support mismatches (+oo) are decided by the engine from the family records.

>>> import sympy as sp
>>> from sympy.stats.drv_types import PoissonDistribution
>>> a, b = sp.symbols("a b", positive=True)
>>> kl_poisson_poisson(PoissonDistribution(a), PoissonDistribution(b))
a*log(a/b) - a + b
"""

from __future__ import annotations

import sympy as sp
from sympy import Piecewise, log, oo
from sympy.stats import drv_types as D
from sympy.stats import frv_types as F
from sympy.stats.drv import SingleDiscreteDistribution

from ..derivation.honest import DefinitionSum
from ..distributions.continuous import pdf_of, true_support
from ..limits import current_limits
from . import CROSS_ENTROPY, KL_DIVERGENCE

Dist = sp.Basic


def _bernoulli_params(d: Dist) -> sp.Expr | None:
    """p of a 0/1 Bernoulli; ``None`` for relabelled outcomes (the finite engine handles those)."""
    p, succ, fail = d.args
    return p if (succ, fail) == (1, 0) else None


def _kl_bern(p: sp.Expr, q: sp.Expr) -> sp.Expr:
    return p * log(p / q) + (1 - p) * log((1 - p) / (1 - q))


@KL_DIVERGENCE.register(
    F.BernoulliDistribution,
    F.BernoulliDistribution,
    source="Cover & Thomas (2006), eq. 2.26 on two outcomes; StatProofBook bern-kl",
    conditions="outcomes 1/0 (declines otherwise)",
)
def kl_bernoulli_bernoulli(P: Dist, Q: Dist) -> sp.Expr | None:
    """KL(Bernoulli(p) || Bernoulli(q))."""
    p, q = _bernoulli_params(P), _bernoulli_params(Q)
    return None if p is None or q is None else _kl_bern(p, q)


@CROSS_ENTROPY.register(
    F.BernoulliDistribution, F.BernoulliDistribution, source="definition (two-point sum)"
)
def cross_entropy_bernoulli_bernoulli(P: Dist, Q: Dist) -> sp.Expr | None:
    """H(Bernoulli(p), Bernoulli(q)) = -p log q - (1-p) log(1-q)."""
    p, q = _bernoulli_params(P), _bernoulli_params(Q)
    return None if p is None or q is None else -p * log(q) - (1 - p) * log(1 - q)


def _binomial_pair(P: Dist, Q: Dist, kl: bool) -> sp.Expr | None:
    """KL (``kl``) or cross-entropy of Binomial(n1, p) against Binomial(n2, q), both on 1/0.

    log q(k) = log C(n2, k) + k log q + (n2 − k) log(1 − q) is linear in k but for
    log C(n2, k), whose mean under P has no closed form: it stays a Sum over P's support
    {0, ..., n1} (for KL, the mean of log(C(n1, k)/C(n2, k)), which vanishes when n1 = n2).
    Both counts numbers and no closed form: declines (the finite engine sums the table).
    """
    n1, p, s1, f1 = P.args
    n2, q, s2, f2 = Q.args
    if (s1, f1, s2, f2) != (1, 0, 1, 0):
        return None
    if sp.Gt(n1, n2) is sp.true and p.is_positive:
        return oo  # P puts mass p**n1 on n1, outside {0, ..., n2}
    if kl and sp.Eq(n1, n2) is sp.true:
        return n1 * _kl_bern(p, q)
    if n1.is_Integer and n2.is_Integer:
        return None
    k = sp.Symbol("k", integer=True, nonnegative=True)
    if k in P.free_symbols | Q.free_symbols:
        k = sp.Dummy("k", integer=True, nonnegative=True)
    mass = sp.binomial(n1, k) * p**k * (1 - p) ** (n1 - k)
    log_ratio = log(sp.binomial(n1, k) / sp.binomial(n2, k)) if kl else -log(sp.binomial(n2, k))
    expected = DefinitionSum(mass * log_ratio, (k, 0, n1))
    if n1.is_Integer and n1 <= current_limits().finite_outcomes:
        expected = expected.doit()
    own = n1 * p * log(p) + n1 * (1 - p) * log(1 - p) if kl else 0
    value = expected + own - n1 * p * log(q) - (n2 - n1 * p) * log(1 - q)
    if sp.Le(n1, n2) is sp.true:
        return value
    return Piecewise((oo, sp.Gt(n1, n2)), (value, True))


_BINOMIAL_SOURCE = ("n times the Bernoulli KL for n1 = n2 (StatProofBook bin-kl); "
                    "n1 != n2 derived here from the definition")
_BINOMIAL_CONDITIONS = (
    "n1 > n2: oo; n1 = n2: n KL_Bernoulli; otherwise with a symbolic count: the mean of the "
    "binomial coefficients' log as a Sum over 0..n1 (Piecewise with oo for n1 > n2 when "
    "undecided); both counts numbers: declines (the finite engine sums it)"
)


@KL_DIVERGENCE.register(F.BinomialDistribution, F.BinomialDistribution,
                        source=_BINOMIAL_SOURCE, conditions=_BINOMIAL_CONDITIONS)
def kl_binomial_binomial(P: Dist, Q: Dist) -> sp.Expr | None:
    """KL(Binomial(n1, p) || Binomial(n2, q)); n KL(Bern(p) || Bern(q)) when n1 = n2 = n."""
    return _binomial_pair(P, Q, kl=True)


@CROSS_ENTROPY.register(F.BinomialDistribution, F.BinomialDistribution,
                        source="derived here: -E_P[log q(X)]", conditions=_BINOMIAL_CONDITIONS)
def cross_entropy_binomial_binomial(P: Dist, Q: Dist) -> sp.Expr | None:
    """H(Binomial(n1, p), Binomial(n2, q)) with a symbolic count (E[log C(n2, K)] as a Sum)."""
    return _binomial_pair(P, Q, kl=False)


@KL_DIVERGENCE.register(
    SingleDiscreteDistribution,
    F.BinomialDistribution,
    source="definition: P has mass at n + 1, outside Binomial(n, q)'s support {0, ..., n}",
    conditions="P's support unbounded above and its pmf provably positive at n + 1 "
    "(declines otherwise); works for a symbolic n",
)
def kl_unbounded_binomial(P: Dist, Q: Dist) -> sp.Expr | None:
    """oo: an unbounded discrete P (Poisson, Geometric, ...) against Binomial(n, q)."""
    outside = Q.args[0] + 1
    support = true_support(P)
    if support.sup is oo and support.contains(outside) is sp.true and \
            pdf_of(P, outside).is_positive:
        return oo
    return None


CROSS_ENTROPY.register(
    SingleDiscreteDistribution,
    F.BinomialDistribution,
    source="definition: P has mass at n + 1, where Binomial(n, q) has none",
    conditions="as for KL (declines otherwise)",
)(kl_unbounded_binomial)


@KL_DIVERGENCE.register(
    D.PoissonDistribution, D.PoissonDistribution, source="Cover & Thomas (2006), eq. 2.26 "
    "summed with the Poisson moments"
)
def kl_poisson_poisson(P: Dist, Q: Dist) -> sp.Expr:
    """KL(Poisson(a) || Poisson(b)) = a log(a/b) - a + b."""
    (a,) = P.args
    (b,) = Q.args
    return a * log(a / b) - a + b


def _geometric_entropy(p: sp.Expr) -> sp.Expr:
    return (-(1 - p) * log(1 - p) - p * log(p)) / p  # Cover & Thomas (2006), problem 2.1


@KL_DIVERGENCE.register(
    D.GeometricDistribution,
    D.GeometricDistribution,
    source="Cover & Thomas (2006), eq. 2.26 summed with the Geometric moments",
)
def kl_geometric_geometric(P: Dist, Q: Dist) -> sp.Expr:
    """KL(Geometric(p) || Geometric(q)), both on {1, 2, ...}; E[X - 1] = (1-p)/p."""
    (p,) = P.args
    (q,) = Q.args
    if p == 1:  # P is the point mass at 1, where Q puts q: (1 - p) log(...) is 0 log 0 = 0
        return -log(q)
    if q == 1:  # Q is the point mass at 1 and P is not
        return oo
    return log(p / q) + (1 - p) / p * log((1 - p) / (1 - q))


@CROSS_ENTROPY.register(
    D.GeometricDistribution, D.GeometricDistribution, source="derived here: -E_P[log q(X)]"
)
def cross_entropy_geometric_geometric(P: Dist, Q: Dist) -> sp.Expr:
    """H(Geometric(p), Geometric(q)) = -log q - (1-p)/p log(1-q)."""
    (p,) = P.args
    (q,) = Q.args
    if p == 1:
        return -log(q)
    if q == 1:
        return oo
    return -log(q) - (1 - p) / p * log(1 - q)


@KL_DIVERGENCE.register(
    D.NegativeBinomialDistribution,
    D.NegativeBinomialDistribution,
    source="r times the KL of Geometric distributions on {0, 1, ...}; checked by summation",
    conditions="same r (declines otherwise: needs E[log Gamma(X + r)])",
)
def kl_negativebinomial_negativebinomial(P: Dist, Q: Dist) -> sp.Expr | None:
    """KL(NB(r, p) || NB(r, q)); SymPy's pmf p**r (1-p)**k C(k+r-1, k), so E[k] = r(1-p)/p."""
    r1, p = P.args
    r2, q = Q.args
    if sp.Eq(r1, r2) is not sp.true:
        return None
    return r1 * (log(p / q) + (1 - p) / p * log((1 - p) / (1 - q)))


@KL_DIVERGENCE.register(
    F.BernoulliDistribution,
    D.PoissonDistribution,
    source="derived here from the definition (Cover & Thomas (2006), eq. 2.26)",
)
def kl_bernoulli_poisson(P: Dist, Q: Dist) -> sp.Expr | None:
    """KL(Bernoulli(p) || Poisson(l)) = p log p + (1-p) log(1-p) + l - p log l."""
    p = _bernoulli_params(P)
    if p is None:
        return None
    (lam,) = Q.args
    return p * log(p) + (1 - p) * log(1 - p) + lam - p * log(lam)


@CROSS_ENTROPY.register(
    F.BernoulliDistribution, D.PoissonDistribution, source="derived here: -E_P[log q(X)]"
)
def cross_entropy_bernoulli_poisson(P: Dist, Q: Dist) -> sp.Expr | None:
    """H(Bernoulli(p), Poisson(l)) = l - p log l (log 0! = log 1! = 0)."""
    p = _bernoulli_params(P)
    if p is None:
        return None
    (lam,) = Q.args
    return lam - p * log(lam)


@KL_DIVERGENCE.register(
    F.BernoulliDistribution,
    D.GeometricDistribution,
    source="support mismatch: Bernoulli has mass at 0, Geometric starts at 1",
)
def kl_bernoulli_geometric(P: Dist, Q: Dist) -> sp.Expr | None:
    """oo unless p = 1 (then all mass is at 1): Piecewise on p."""
    p = _bernoulli_params(P)
    if p is None:
        return None
    (q,) = Q.args
    return Piecewise((-log(q), sp.Eq(p, 1)), (oo, True))
