"""Entropy and KL of functions of random variables (change of variables). The engine applies
these before the registries (a pushforward is no family of the catalog).

For Y = g(X) with g strictly monotone and differentiable on X's support,

- h(Y) = h(X) + E[log |g′(X)|] (Cover & Thomas, 2nd ed., §8.6; for g(x) = a x + b this is
  h(aX + b) = h(X) + log |a|, Thm 8.6.4);
- D(g(P) ‖ g(Q)) = D(P ‖ Q): the KL divergence is invariant under a common bijection of both
  arguments (Kullback 1959, Thm 4.1 of ch. 2; the Jacobians cancel in the density ratio).

The expectation E[log|g′(X)|] is taken from the family record's known expectations first (e.g.
E[X] for g = exp), then by the generic engine, an honest Integral where it does not close.

>>> from sympy.stats.crv_types import ExponentialDistribution
>>> from symbinfo.distributions.transformed import function_of_one
>>> lam, x = sp.Symbol("lambda", positive=True), sp.Symbol("x", real=True)
>>> g = function_of_one(ExponentialDistribution(lam), sp.exp(x), x)
>>> entropy_pushforward(g, 1 - sp.log(lam))  # h(X) = 1 - log(lambda) for X ~ Exponential
-log(lambda) + 1 + 1/lambda
"""

from __future__ import annotations

import sympy as sp

from ..distributions.continuous import read_univariate
from ..distributions.families import family_of
from ..distributions.transformed import DiscretePushforwardDistribution, PushforwardDistribution

CHANGE = "Cover & Thomas, 2nd ed., §8.6 (change of variables, h(aX + b) = h(X) + log|a|)"
INVARIANCE = "Kullback (1959), Information Theory and Statistics, ch. 2 Thm 4.1 (invariance)"


def _log_slope(d: PushforwardDistribution, x: sp.Symbol) -> sp.Expr:
    slope = sp.diff(d.g.expr.subs(d.g.variables[0], x), x)
    slope = {1: slope, -1: -slope}.get(d.direction, sp.Abs(slope))
    return sp.expand_log(sp.log(sp.factor(slope)), force=x.is_positive is True)


def entropy_pushforward(d: PushforwardDistribution, base: sp.Expr) -> sp.Expr:
    """h(g(X)) = h(X) + E[log|g'(X)|], given ``base`` = h(X) (the engine's, which calls this:
    a rule never calls the engine back)."""
    from ..derivation.continuous import expected_value

    view = read_univariate(d.base)
    jacobian = _log_slope(d, view.variable)
    if not jacobian.has(view.variable):
        return base + jacobian
    return base + expected_value(view, jacobian)


def pullback(p: sp.Basic, q: sp.Basic) -> tuple[sp.Basic, sp.Basic] | None:
    """(P₀, Q₀) when P = g(P₀) and Q = g(Q₀) for one bijection g (pushforwards or records'
    :class:`~symbinfo.distributions.families.Pushforward` families), else ``None``.

    >>> from sympy.stats.crv_types import LogitNormalDistribution
    >>> pullback(LogitNormalDistribution(0, 1), LogitNormalDistribution(1, 2))
    (NormalDistribution(0, 1), NormalDistribution(1, 2))
    """
    t = sp.Dummy("t", real=True)

    def unwrap(d):
        if isinstance(d, (PushforwardDistribution, DiscretePushforwardDistribution)):
            return d.base, d.g(t)
        push = family_of(d).pushforward
        return (push.base(d), push.g(t)) if push is not None else (None, None)

    (bp, gp), (bq, gq) = unwrap(p), unwrap(q)
    if bp is None or bq is None or sp.simplify(gp - gq) != 0:
        return None
    return bp, bq
