"""Exponential-family layer: natural parameters and log-normaliser per family, KL as a Bregman
divergence. An *independent* oracle for the same-family KL rules (it shares no formula with them).

p(x; theta) = exp(<theta, t(x)> - F(theta) + k(x)) gives
KL(P_theta1 || P_theta2) = F(theta2) - F(theta1) - <theta2 - theta1, grad F(theta1)>
(Nielsen & Nock (2010); the carrier k cancels). The decompositions live in the family
records (:mod:`symbinfo.distributions.families`), converted to SymPy's parameterisations.
Families that are exponential only with a parameter held fixed (Weibull shape, Pareto scale,
Laplace location, Gumbel scale, Levy location, Binomial n, NegativeBinomial r) return ``None``
when that parameter differs.

>>> import sympy as sp
>>> from sympy.stats.crv_types import ExponentialDistribution
>>> a, b = sp.symbols("a b", positive=True)
>>> kl = bregman_kl(ExponentialDistribution(a), ExponentialDistribution(b))
>>> sp.simplify(kl - (sp.log(a / b) + b / a - 1))  # the textbook form
0
"""

from __future__ import annotations

import sympy as sp

from ..distributions.families import family_of

Dist = sp.Basic


def bregman_kl(p: Dist, q: Dist) -> sp.Expr | None:
    """KL(P || Q) as the Bregman divergence B_F(theta_q : theta_p); None if not applicable.

    The decomposition (theta, F, and the parameters held fixed) is the family record's.
    """
    if type(p) is not type(q):
        return None
    fam = family_of(p).expfamily
    if fam is None or fam.fixed(p) != fam.fixed(q):
        return None
    t1, t2 = fam.theta(p), fam.theta(q)
    syms = sp.symbols(f"theta0:{len(t1)}")
    Fs = fam.F(p, list(syms))
    at1 = dict(zip(syms, t1, strict=True))
    grad = [sp.diff(Fs, s).subs(at1) for s in syms]
    return (
        Fs.subs(dict(zip(syms, t2, strict=True)))
        - Fs.subs(at1)
        - sp.Add(*[(b - a) * g for a, b, g in zip(t1, t2, grad, strict=True)])
    )
