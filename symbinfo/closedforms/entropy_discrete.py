"""Entropy rules for the countably infinite discrete families of sympy.stats (in nats).

Only Geometric has a rule; Poisson, NegativeBinomial, Logarithmic, Skellam, YuleSimon,
FlorySchulz, Hermite, Zeta (and Binomial with a symbolic number of trials) have none, so no rule
is registered and the generic engine returns the honest unevaluated ``Sum``.

>>> import sympy as sp
>>> from sympy.stats.drv_types import GeometricDistribution
>>> from symbinfo.closedforms import ENTROPY
>>> p = sp.Symbol("p", positive=True)
>>> ENTROPY.apply(GeometricDistribution(p))[0]
(-p*log(p) + (p - 1)*log(1 - p))/p
"""

from __future__ import annotations

import sympy as sp
import sympy.stats.drv_types as drv
import sympy.stats.frv_types as frv
from sympy import log

from . import ENTROPY

NO_CLOSED_FORM: dict[str, str] = {
    "Poisson": "needs E[log X!]; only series and asymptotics are known "
    "(Adell, Lekuona & Yu 2010)",
    "NegativeBinomial": "needs E[log Gamma(X + r)] (the carrier measure is not affine)",
    "Logarithmic": "needs E[log X]; no closed form known",
    "Skellam": "the pmf is a Bessel function of the order k; no closed form known",
    "YuleSimon": "needs E[log B(X, rho + 1)]; no closed form known",
    "FlorySchulz": "needs E[log X]; no closed form known",
    "Hermite": "the pmf is itself a finite sum; no closed form known",
    "Zeta": "log(zeta(s)) - s*zeta'(s)/zeta(s) is closed, but SymPy cannot evaluate zeta' at a "
    "point (Subs(Derivative(zeta)) has no evalf), so the Sum, which does evaluate, is returned",
    "Binomial": "with symbolic n: needs E[log C(n, X)]; no closed form",
}


@ENTROPY.register(
    drv.GeometricDistribution,
    source="scipy issue #18226; the same value for supports {0, 1, ...} and {1, 2, ...}",
    conditions="0 < p < 1 (SymPy counts trials from 1); p = 1 is the point mass, entropy 0, "
    "returned as 0 when p is literally 1 (the formula is 0*log(0)/1 there)",
)
def geometric_entropy(d):
    p = d.p
    if p == 1:
        return sp.S.Zero
    return (-(1 - p) * log(1 - p) - p * log(p)) / p


@ENTROPY.register(
    frv.DieDistribution,
    source="uniform distribution on n outcomes: H = log n (Cover & Thomas, 2nd ed., Thm 2.6.4)",
    conditions="n a positive integer; reached only for a symbolic n (a concrete die is summed)",
)
def die_entropy(d):
    return log(d.sides)
