"""Exponential-family layer: natural parameters and log-normaliser per family, KL as a Bregman
divergence. An *independent* oracle for the same-family KL rules (it shares no formula with them).

p(x; theta) = exp(<theta, t(x)> - F(theta) + k(x)) gives
KL(P_theta1 || P_theta2) = F(theta2) - F(theta1) - <theta2 - theta1, grad F(theta1)>
(closed-forms.md section 4.1; the carrier k cancels). Decompositions follow closed-forms.md 4.3,
converted to SymPy's parameterisations. Families that are exponential only with a parameter held
fixed (Weibull shape, Pareto scale, Laplace location, Gumbel scale, Levy location, Binomial n,
NegativeBinomial r) return ``None`` when that parameter differs.

>>> import sympy as sp
>>> from sympy.stats.crv_types import ExponentialDistribution
>>> a, b = sp.symbols("a b", positive=True)
>>> kl = bregman_kl(ExponentialDistribution(a), ExponentialDistribution(b))
>>> sp.simplify(kl - (sp.log(a / b) + b / a - 1))  # the textbook form
0
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp
from sympy import besseli, exp, log, loggamma, pi, sqrt
from sympy.stats import crv_types as C
from sympy.stats import drv_types as D
from sympy.stats import frv_types as F

Dist = sp.Basic


@dataclass(frozen=True)
class ExpFamily:
    """theta(d): natural parameters; F(theta): log-normaliser; fixed(d): the nuisance params."""

    theta: Callable[[Dist], list[sp.Expr]]
    F: Callable[[list[sp.Expr]], sp.Expr]
    fixed: Callable[[Dist], tuple] = lambda d: ()


def _gamma_F(t):
    return loggamma(t[0] + 1) - (t[0] + 1) * log(-t[1])


def _normal_theta(d):
    m, s = d.args
    return [m / s**2, -1 / (2 * s**2)]


def _normal_F(t):
    return -(t[0] ** 2) / (4 * t[1]) + log(-pi / t[1]) / 2


FAMILIES: dict[type, ExpFamily] = {
    C.NormalDistribution: ExpFamily(_normal_theta, _normal_F),
    C.LogNormalDistribution: ExpFamily(_normal_theta, _normal_F),  # t = (log x, log x**2)
    C.ExponentialDistribution: ExpFamily(lambda d: [-d.rate], lambda t: -log(-t[0])),
    C.GammaDistribution: ExpFamily(lambda d: [d.k - 1, -1 / d.theta], _gamma_F),
    # X**2 ~ Gamma(mu, omega/mu): KL is invariant under x -> x**2
    C.NakagamiDistribution: ExpFamily(lambda d: [d.mu - 1, -d.mu / d.omega], _gamma_F),
    C.BetaDistribution: ExpFamily(
        lambda d: [d.alpha - 1, d.beta - 1],
        lambda t: loggamma(t[0] + 1) + loggamma(t[1] + 1) - loggamma(t[0] + t[1] + 2),
    ),
    C.ChiSquaredDistribution: ExpFamily(
        lambda d: [d.k / 2 - 1], lambda t: loggamma(t[0] + 1) + (t[0] + 1) * log(2)
    ),
    C.ChiDistribution: ExpFamily(  # X**2 ~ ChiSquared(k)
        lambda d: [d.k / 2 - 1], lambda t: loggamma(t[0] + 1) + (t[0] + 1) * log(2)
    ),
    C.RayleighDistribution: ExpFamily(lambda d: [-1 / (2 * d.sigma**2)], lambda t: -log(-2 * t[0])),
    C.MaxwellDistribution: ExpFamily(
        lambda d: [-1 / (2 * d.a**2)], lambda t: -sp.Rational(3, 2) * log(-2 * t[0])
    ),
    C.GammaInverseDistribution: ExpFamily(
        lambda d: [-d.a - 1, -d.b], lambda t: loggamma(-t[0] - 1) + (t[0] + 1) * log(-t[1])
    ),
    C.WeibullDistribution: ExpFamily(
        lambda d: [-(d.alpha ** (-d.beta))], lambda t: -log(-t[0]), lambda d: (d.beta,)
    ),
    C.ParetoDistribution: ExpFamily(
        lambda d: [-d.alpha - 1],
        lambda t: -log(-t[0] - 1),  # + (theta + 1) log xm, affine in theta: cancels
        lambda d: (d.xm,),
    ),
    C.LaplaceDistribution: ExpFamily(
        lambda d: [-1 / d.b], lambda t: log(-2 / t[0]), lambda d: (d.mu,)
    ),
    C.GumbelDistribution: ExpFamily(
        lambda d: [-exp(d.mu / d.beta)], lambda t: -log(-t[0]), lambda d: (d.beta, *d.args[2:])
    ),
    C.LevyDistribution: ExpFamily(
        lambda d: [-d.c / 2], lambda t: -log(-2 * t[0]) / 2, lambda d: (d.mu,)
    ),
    C.GaussianInverseDistribution: ExpFamily(
        lambda d: [-d.shape / (2 * d.mean**2), -d.shape / 2],
        lambda t: -2 * sqrt(t[0] * t[1]) - log(-2 * t[1]) / 2,
    ),
    C.VonMisesDistribution: ExpFamily(
        lambda d: [d.k * sp.cos(d.mu), d.k * sp.sin(d.mu)],
        lambda t: log(2 * pi * besseli(0, sqrt(t[0] ** 2 + t[1] ** 2))),
    ),
    D.PoissonDistribution: ExpFamily(lambda d: [log(d.lamda)], lambda t: exp(t[0])),
    D.GeometricDistribution: ExpFamily(  # on {1, 2, ...}: F = theta - log(1 - e**theta)
        lambda d: [log(1 - d.p)], lambda t: t[0] - log(1 - exp(t[0]))
    ),
    F.BernoulliDistribution: ExpFamily(
        lambda d: [log(d.p / (1 - d.p))], lambda t: log(1 + exp(t[0])), lambda d: d.args[1:]
    ),
}


def bregman_kl(p: Dist, q: Dist) -> sp.Expr | None:
    """KL(P || Q) as the Bregman divergence B_F(theta_q : theta_p); None if not applicable."""
    fam = _family(p, q)
    if fam is None:
        return None
    F_, t1, t2 = fam
    syms = sp.symbols(f"theta0:{len(t1)}")
    Fs = F_(list(syms))
    at1 = dict(zip(syms, t1, strict=True))
    grad = [sp.diff(Fs, s).subs(at1) for s in syms]
    return (
        Fs.subs(dict(zip(syms, t2, strict=True)))
        - Fs.subs(at1)
        - sp.Add(*[(b - a) * g for a, b, g in zip(t1, t2, grad, strict=True)])
    )


def _family(p: Dist, q: Dist):
    if type(p) is not type(q):
        return None
    if isinstance(p, (F.BinomialDistribution, D.NegativeBinomialDistribution)):
        n1, n2 = p.args[0], q.args[0]
        if n1 != n2:
            return None
        if isinstance(p, F.BinomialDistribution):  # F = n log(1 + e**theta), theta = logit p
            return (
                (lambda t: n1 * log(1 + exp(t[0]))),
                [log(p.p / (1 - p.p))],
                [log(q.p / (1 - q.p))],
            )
        return (lambda t: -n1 * log(1 - exp(t[0]))), [log(1 - p.p)], [log(1 - q.p)]
    fam = FAMILIES.get(type(p))
    if fam is None or fam.fixed(p) != fam.fixed(q):
        return None
    return fam.F, fam.theta(p), fam.theta(q)
