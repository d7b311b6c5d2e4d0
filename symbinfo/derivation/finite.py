"""Information measures of finite pmfs, summed straight from their definitions (in nats).

Conventions (Cover & Thomas, 2nd ed., §2.1–2.3): 0·log 0 = 0, 0·log(0/q) = 0, p·log(p/0) = +oo.
A pmf is a dict outcome → probability; outcomes missing from a dict have probability 0.
"""

from __future__ import annotations

from collections.abc import Mapping

import sympy as sp

from ..parsing.gate import to_expr
from .simplify import tidy  # noqa: F401 - used by the examples

Pmf = Mapping[object, sp.Expr]


def _expr(value: object) -> sp.Expr:
    return to_expr(value, "a probability or order")


def _nonzero(p: sp.Expr) -> bool:
    p = _expr(p)
    return not (p == 0 or p.is_zero is True)


def _plogp_over(p: sp.Expr, q: sp.Expr) -> sp.Expr:
    """One term p·log(p/q) under the conventions above."""
    p, q = _expr(p), _expr(q)
    if not _nonzero(p):
        return sp.S.Zero
    if q == 0 or q.is_zero is True:
        # +oo unless p itself turns out to be 0
        return sp.oo if p.is_zero is False else sp.Piecewise((0, sp.Eq(p, 0)), (sp.oo, True))
    if (p.is_number and q.is_number) or (p.is_positive and q.is_positive):
        return p * sp.log(p / q)
    # SymPy cannot split log(p/q) when it cannot tell that p and q are positive; split it here
    # (both are probabilities, positive wherever the term counts) so identities cancel.
    return p * sp.log(p) - p * sp.log(q)


def entropy(pmf: Pmf) -> sp.Expr:
    """Shannon entropy −Σ p log p.

    >>> tidy(entropy({0: sp.Rational(1, 2), 1: sp.Rational(1, 4), 2: sp.Rational(1, 4)}))
    3*log(2)/2
    """
    return -sp.Add(*(p * sp.log(p) for p in pmf.values() if _nonzero(p)))


def cross_entropy(p: Pmf, q: Pmf) -> sp.Expr:
    """H(P, Q) = −Σ p log q (+oo where P has mass that Q lacks).

    >>> half = sp.Rational(1, 2)
    >>> tidy(cross_entropy({0: half, 1: half}, {0: sp.Rational(1, 4), 1: sp.Rational(3, 4)}))
    -log(3)/2 + 2*log(2)
    """
    infinite, terms = [], []
    for x, px in p.items():
        if not _nonzero(px):
            continue
        qx = _expr(q.get(x, sp.S.Zero))
        if qx == 0 or qx.is_zero is True:
            infinite.append(_plogp_over(px, qx))
        else:
            terms.append(px * sp.log(qx))
    return sp.Add(*infinite) - sp.Add(*terms)


def kl_divergence(p: Pmf, q: Pmf) -> sp.Expr:
    """D_KL(P ‖ Q) = Σ p log(p/q).

    >>> kl_divergence({0: 1}, {0: sp.Rational(1, 2), 1: sp.Rational(1, 2)})
    log(2)
    >>> kl_divergence({0: sp.Rational(1, 2), 1: sp.Rational(1, 2)}, {0: 1})
    oo
    """
    return sp.Add(*(_plogp_over(px, q.get(x, sp.S.Zero)) for x, px in p.items()))


def mixture(p: Pmf, q: Pmf, weight: sp.Expr = sp.S.Half) -> dict:
    """The pmf weight·P + (1 − weight)·Q on the union of the alphabets."""
    keys = list(dict.fromkeys([*p, *q]))
    weight = _expr(weight)
    return {x: weight * p.get(x, 0) + (1 - weight) * q.get(x, 0) for x in keys}


def js_divergence(p: Pmf, q: Pmf) -> sp.Expr:
    """Jensen–Shannon divergence ½KL(P‖M) + ½KL(Q‖M), M = (P + Q)/2 (Lin 1991); ≤ log 2.

    >>> js_divergence({0: 1}, {1: 1})
    log(2)
    """
    m = mixture(p, q)
    return (kl_divergence(p, m) + kl_divergence(q, m)) / 2


def renyi_entropy(pmf: Pmf, alpha: sp.Expr) -> sp.Expr:
    """Rényi entropy log(Σ p^α)/(1 − α) (Rényi 1961); order 0 is log |support|, order 1 Shannon
    (the limit), order ∞ is −log max p. A symbolic order gets a Piecewise at α = 1.

    >>> renyi_entropy({0: sp.Rational(1, 2), 1: sp.Rational(1, 2)}, sp.Symbol("alpha"))
    Piecewise((log(2), Eq(alpha, 1)), (log(2/2**alpha)/(1 - alpha), True))
    >>> tidy(renyi_entropy({0: sp.Rational(1, 4), 1: sp.Rational(3, 4)}, sp.oo))
    -log(3/4)
    """
    probs = [p for p in pmf.values() if _nonzero(p)]
    alpha = _expr(alpha)
    if alpha == 0:
        return sp.log(len(probs))
    if alpha == 1:
        return entropy(pmf)
    if alpha is sp.oo:
        return -sp.log(sp.Max(*probs))
    general = sp.log(sp.Add(*(p**alpha for p in probs))) / (1 - alpha)
    if alpha.is_number:
        return general
    return sp.Piecewise((entropy(pmf), sp.Eq(alpha, 1)), (general, True))


def renyi_divergence(p: Pmf, q: Pmf, alpha: sp.Expr) -> sp.Expr:
    """Rényi divergence log(Σ p^α q^(1−α))/(α − 1) (Rényi 1961; van Erven & Harremoës 2014):
    order 0 is −log Q(supp P), order 1 is KL (the limit), order ∞ is log max p/q; +oo for
    α ≥ 1 when Q misses some of P's mass, and for every α when Q misses all of it.

    >>> half, quarter = sp.Rational(1, 2), sp.Rational(1, 4)
    >>> renyi_divergence({0: half, 1: half}, {0: quarter, 1: 3 * quarter}, 2)
    log(4/3)
    """
    alpha = _expr(alpha)
    if alpha == 1:
        return kl_divergence(p, q)
    support = [x for x, px in p.items() if _nonzero(px)]
    missing = [x for x in support if not _nonzero(q.get(x, 0))]
    kept = [x for x in support if x not in missing]
    if not kept:
        return sp.oo  # Q has no mass on P's support: every order gives +oo (log 0 / (α − 1))
    if alpha == 0:
        return -sp.log(sp.Add(*(q[x] for x in kept)))
    if alpha is sp.oo:
        if missing:
            return sp.oo
        return sp.log(sp.Max(*(p[x] / q[x] for x in support)))
    general = sp.log(sp.Add(*(p[x] ** alpha * q[x] ** (1 - alpha) for x in kept))) / (alpha - 1)
    if missing:
        # mass of P where Q has none: +oo for α > 1, no contribution for α < 1
        general = sp.Piecewise((sp.oo, alpha > 1), (general, True))
    if alpha.is_number:
        return general
    return sp.Piecewise((kl_divergence(p, q), sp.Eq(alpha, 1)), (general, True))


def tsallis_entropy(pmf: Pmf, q: sp.Expr) -> sp.Expr:
    """Tsallis entropy (1 − Σ p^q)/(q − 1) (Tsallis 1988); order 1 is Shannon (the limit).

    >>> tsallis_entropy({0: sp.Rational(1, 2), 1: sp.Rational(1, 2)}, 2)
    1/2
    """
    probs = [p for p in pmf.values() if _nonzero(p)]
    q = _expr(q)
    if q == 1:
        return entropy(pmf)
    general = (1 - sp.Add(*(p**q for p in probs))) / (q - 1)
    if q.is_number:
        return general
    return sp.Piecewise((entropy(pmf), sp.Eq(q, 1)), (general, True))


def hellinger_distance(p: Pmf, q: Pmf) -> sp.Expr:
    """Hellinger distance sqrt(1 − Σ sqrt(p q)) ∈ [0, 1].

    >>> hellinger_distance({0: 1}, {1: 1})
    1
    """
    keys = [x for x in p if x in q]
    return sp.sqrt(1 - sp.Add(*(sp.sqrt(p[x] * q[x]) for x in keys)))


def total_variation(p: Pmf, q: Pmf) -> sp.Expr:
    """Total variation distance ½ Σ |p − q|.

    >>> total_variation({0: sp.Rational(1, 2), 1: sp.Rational(1, 2)}, {0: 1})
    1/2
    """
    keys = list(dict.fromkeys([*p, *q]))
    return sp.Add(*(sp.Abs(p.get(x, 0) - q.get(x, 0)) for x in keys)) / 2
