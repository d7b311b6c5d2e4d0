"""KL divergence and cross-entropy between two members of one continuous family (nats).

Every formula is written in SymPy's own parameterisation (read from each class's ``_argnames``
and ``pdf``); formulas from sources in other parameterisations were converted, and every rule is
tested against mpmath quadrature of the definition (``tests/closedforms/test_kl_continuous.py``).
Where P can put mass outside Q's support the result is ``oo`` -- a ``Piecewise`` when that depends
on symbolic parameters.

Cross-entropy rules use H(P, Q) = h(P) + KL(P || Q) with the private entropy table below, so the two
stay consistent by construction (the entropy registry itself belongs to ``entropy_continuous``).

>>> import sympy as sp
>>> from sympy.stats.crv_types import NormalDistribution
>>> m1, m2 = sp.symbols("m1 m2", real=True)
>>> s1, s2 = sp.symbols("s1 s2", positive=True)
>>> kl_normal_normal(NormalDistribution(m1, s1), NormalDistribution(m2, s2))
log(s2/s1) - 1/2 + (s1**2 + (m1 - m2)**2)/(2*s2**2)
"""

from __future__ import annotations

import sympy as sp
from sympy import EulerGamma, Piecewise, besseli, digamma, exp, gamma, log, loggamma, oo, pi
from sympy.stats import crv_types as C

from . import ENTROPY, KL_DIVERGENCE

Dist = sp.Basic
half = sp.Rational(1, 2)


def _add(*terms: sp.Expr) -> sp.Expr:
    # An unevaluated-order-free Add keeps the textbook grouping of each term.
    return sp.Add(*terms)


def differential_entropy(d: Dist) -> sp.Expr:
    """h(d) from the ENTROPY registry: the one place entropy formulas live."""
    hit = ENTROPY.apply(d)
    if hit is None:
        raise LookupError(f"no entropy rule for {type(d).__name__}")
    return hit[0]


def _register_same(cls: type, source: str, conditions: str = ""):
    """Register ``func`` as the KL rule for (cls, cls); the engine derives the cross-entropy
    H(P, Q) = h(P) + KL(P || Q) from it and the entropy rule."""
    return KL_DIVERGENCE.register(cls, cls, source=source, conditions=conditions)


def _shift(kl: sp.Expr, h: sp.Expr) -> sp.Expr:
    """``h + kl``, added inside every finite branch of a Piecewise so ``oo`` stays ``oo``."""
    if isinstance(kl, Piecewise):
        return Piecewise(*[(e if e == oo else _shift(e, h), c) for e, c in kl.args])
    return kl if kl == oo else h + kl


def _location_gate(loc1: sp.Expr, loc2: sp.Expr, same: sp.Expr, p: Dist, q: Dist) -> sp.Expr | None:
    """For families supported on [loc, oo): ``oo`` if loc1 < loc2, ``same`` if equal.

    loc1 > loc2 has no closed form here: the rule declines when that is decided, and keeps the
    honest integral in a Piecewise branch when it is symbolic.
    """
    below = sp.Lt(loc1, loc2)
    if below is sp.true:
        return oo
    if sp.Eq(loc1, loc2) is sp.true:
        return same
    if sp.Gt(loc1, loc2) is sp.true:
        return None
    from ..derivation.continuous import kl_divergence as generic_kl

    return Piecewise((same, sp.Eq(loc1, loc2)), (oo, below), (generic_kl(p, q), True))


# ---------------------------------------------------------------------------------------------
# The rules
# ---------------------------------------------------------------------------------------------


@_register_same(C.NormalDistribution,
                source="Penny (2001), KL-divergences of Normal, Gamma, Dirichlet and Wishart "
                       "densities")
def kl_normal_normal(p: Dist, q: Dist) -> sp.Expr:
    """KL(N(m1, s1) || N(m2, s2)), s = standard deviation."""
    m1, s1 = p.args
    m2, s2 = q.args
    return _add(log(s2 / s1), (s1**2 + (m1 - m2) ** 2) / (2 * s2**2), -half)


@_register_same(C.LogNormalDistribution,
                source="the Normal KL of log X (KL is invariant under x -> log x; "
                       "Kullback (1959))")
def kl_lognormal_lognormal(p: Dist, q: Dist) -> sp.Expr:
    """KL is invariant under the common bijection log, so it equals the Normal formula."""
    m1, s1 = p.args
    m2, s2 = q.args
    return _add(log(s2 / s1), (s1**2 + (m1 - m2) ** 2) / (2 * s2**2), -half)


@_register_same(C.ExponentialDistribution,
                source="Gil (2011), MSc thesis, Queen's University, p. 108")
def kl_exponential_exponential(p: Dist, q: Dist) -> sp.Expr:
    """KL(Exp(l1) || Exp(l2)) with rates l1, l2."""
    (l1,) = p.args
    (l2,) = q.args
    return _add(log(l1 / l2), l2 / l1, -1)


def _kl_gamma_rate(k1, r1, k2, r2) -> sp.Expr:
    """Gamma KL in shape/**rate** form (Penny 2001; as in PyTorch and TFP)."""
    return _add(
        (k1 - k2) * digamma(k1),
        -loggamma(k1),
        loggamma(k2),
        k2 * log(r1 / r2),
        k1 * (r2 - r1) / r1,
    )


@_register_same(
    C.GammaDistribution,
    source="Penny (2001), shape/rate form, converted to SymPy's scale",
)
def kl_gamma_gamma(p: Dist, q: Dist) -> sp.Expr:
    """KL(Gamma(k1, t1) || Gamma(k2, t2)), theta a *scale* (SymPy); also Erlang (a Gamma)."""
    k1, t1 = p.args
    k2, t2 = q.args
    return _add(
        (k1 - k2) * digamma(k1),
        -loggamma(k1),
        loggamma(k2),
        k2 * log(t2 / t1),
        k1 * (t1 - t2) / t2,
    )


@_register_same(C.BetaDistribution, source="Gil, Alajaji & Linder (2013), Inf. Sci. 249:124-131")
def kl_beta_beta(p: Dist, q: Dist) -> sp.Expr:
    """KL(Beta(a1, b1) || Beta(a2, b2)) in log-Beta / digamma form."""
    a1, b1 = p.args
    a2, b2 = q.args
    return _add(
        log(sp.beta(a2, b2) / sp.beta(a1, b1)),
        (a1 - a2) * digamma(a1),
        (b1 - b2) * digamma(b1),
        (a2 - a1 + b2 - b1) * digamma(a1 + b1),
    )


@_register_same(C.LaplaceDistribution, source="Gil (2011), MSc thesis, Queen's University")
def kl_laplace_laplace(p: Dist, q: Dist) -> sp.Expr:
    """KL(Laplace(m1, b1) || Laplace(m2, b2))."""
    m1, b1 = p.args
    m2, b2 = q.args
    d = sp.Abs(m1 - m2)
    return _add(log(b2 / b1), d / b2, b1 / b2 * exp(-d / b1), -1)


def _gumbel_minimum(d: Dist) -> bool | None:
    """The ``minimum`` flag (absent when the class is built with two args); None if symbolic."""
    flag = d.args[2] if len(d.args) > 2 else sp.false
    return bool(flag) if isinstance(flag, sp.logic.boolalg.BooleanAtom) else None


@_register_same(
    C.GumbelDistribution,
    source="Gil (2011), MSc thesis, Queen's University; minimum=True by reflection x -> -x",
    conditions="both maximum or both minimum Gumbel (declines on a mix)",
)
def kl_gumbel_gumbel(p: Dist, q: Dist) -> sp.Expr | None:
    """KL(Gumbel(b1, m1) || Gumbel(b2, m2)); SymPy's Gumbel takes the scale first."""
    (b1, m1), min1 = p.args[:2], _gumbel_minimum(p)
    (b2, m2), min2 = q.args[:2], _gumbel_minimum(q)
    if min1 is None or min1 != min2:
        return None
    if min1:  # the KL is invariant under the common bijection x -> -x
        m1, m2 = -m1, -m2
    return _add(
        log(b2 / b1),
        EulerGamma * (b1 / b2 - 1),
        exp((m2 - m1) / b2) * gamma(1 + b1 / b2),
        -1,
        (m1 - m2) / b2,
    )


@_register_same(
    C.ParetoDistribution,
    source="Gil (2011), MSc thesis, Queen's University",
    conditions="oo unless xm1 >= xm2 (support [xm, oo))",
)
def kl_pareto_pareto(p: Dist, q: Dist) -> sp.Expr:
    """KL(Pareto(xm1, a1) || Pareto(xm2, a2)); infinite when xm1 < xm2."""
    x1, a1 = p.args
    x2, a2 = q.args
    finite = _add(a2 * log(x1 / x2), log(a1 / a2), a2 / a1, -1)
    return Piecewise((finite, x1 >= x2), (oo, True))


@_register_same(
    C.UniformDistribution,
    source="the definition: a constant log-density ratio (Cover & Thomas (2006), sec. 8.5)",
    conditions="oo unless [a1, b1] within [a2, b2]",
)
def kl_uniform_uniform(p: Dist, q: Dist) -> sp.Expr:
    """KL(U(a1, b1) || U(a2, b2)) = log of the length ratio when the supports nest."""
    a1, b1 = p.args
    a2, b2 = q.args
    return Piecewise((log((b2 - a2) / (b1 - a1)), (a1 >= a2) & (b1 <= b2)), (oo, True))


@_register_same(
    C.WeibullDistribution,
    source="Bauckhage (2013), arXiv:1310.3713; SymPy Weibull(scale, shape)",
)
def kl_weibull_weibull(p: Dist, q: Dist) -> sp.Expr:
    """KL(Weibull(l1, k1) || Weibull(l2, k2)), SymPy order: scale alpha, shape beta."""
    l1, k1 = p.args
    l2, k2 = q.args
    return _add(
        log(k1 / k2),
        k2 * log(l2) - k1 * log(l1),
        (k1 - k2) * (log(l1) - EulerGamma / k1),
        (l1 / l2) ** k2 * gamma(k2 / k1 + 1),
        -1,
    )


@_register_same(C.RayleighDistribution,
                source="Nielsen & Nock (2010), exponential-family (Bregman) form")
def kl_rayleigh_rayleigh(p: Dist, q: Dist) -> sp.Expr:
    """KL(Rayleigh(s1) || Rayleigh(s2))."""
    (s1,) = p.args
    (s2,) = q.args
    return _add(2 * log(s2 / s1), s1**2 / s2**2, -1)


@_register_same(C.ChiSquaredDistribution,
                source="Gil (2011), MSc thesis, Queen's University, p. 110")
def kl_chisquared_chisquared(p: Dist, q: Dist) -> sp.Expr:
    """KL(ChiSquared(k1) || ChiSquared(k2))."""
    (k1,) = p.args
    (k2,) = q.args
    return _add(loggamma(k2 / 2), -loggamma(k1 / 2), (k1 - k2) / 2 * digamma(k1 / 2))


@_register_same(
    C.ChiDistribution, source="Gil (2011), MSc thesis, Queen's University, p. 118: x -> x**2"
)
def kl_chi_chi(p: Dist, q: Dist) -> sp.Expr:
    """KL(Chi(k1) || Chi(k2)) equals the ChiSquared KL (common bijection x -> x**2)."""
    (k1,) = p.args
    (k2,) = q.args
    return _add(loggamma(k2 / 2), -loggamma(k1 / 2), (k1 - k2) / 2 * digamma(k1 / 2))


@_register_same(C.CauchyDistribution, source="Chyzak & Nielsen (2019), arXiv:1905.10965")
def kl_cauchy_cauchy(p: Dist, q: Dist) -> sp.Expr:
    """KL(Cauchy(x1, g1) || Cauchy(x2, g2)); symmetric and always finite."""
    x1, g1 = p.args
    x2, g2 = q.args
    return log(((g1 + g2) ** 2 + (x1 - x2) ** 2) / (4 * g1 * g2))


@_register_same(
    C.MaxwellDistribution, source="derived here: Maxwell(a) is a*Chi(3); E[X**2] = 3*a**2"
)
def kl_maxwell_maxwell(p: Dist, q: Dist) -> sp.Expr:
    """KL(Maxwell(a1) || Maxwell(a2))."""
    (a1,) = p.args
    (a2,) = q.args
    return _add(3 * log(a2 / a1), 3 * a1**2 / (2 * a2**2), -sp.Rational(3, 2))


@_register_same(
    C.NakagamiDistribution,
    source="derived here: X**2 ~ Gamma(mu, omega/mu) (scale); KL invariant under x -> x**2",
)
def kl_nakagami_nakagami(p: Dist, q: Dist) -> sp.Expr:
    """KL(Nakagami(m1, w1) || Nakagami(m2, w2)), SymPy's (shape mu, spread omega)."""
    m1, w1 = p.args
    m2, w2 = q.args
    t1, t2 = w1 / m1, w2 / m2
    return _add(
        (m1 - m2) * digamma(m1),
        -loggamma(m1),
        loggamma(m2),
        m2 * log(t2 / t1),
        m1 * (t1 - t2) / t2,
    )


@_register_same(
    C.GammaInverseDistribution,
    source="Penny (2001) Gamma formula (shape, rate) via x -> 1/x",
)
def kl_gammainverse_gammainverse(p: Dist, q: Dist) -> sp.Expr:
    """KL(GammaInverse(a1, b1) || GammaInverse(a2, b2)); b is a scale, 1/X ~ Gamma(a, rate b)."""
    a1, b1 = p.args
    a2, b2 = q.args
    return _kl_gamma_rate(a1, b1, a2, b2)


@_register_same(
    C.LevyDistribution,
    source="derived here (same location), checked by quadrature",
    conditions="oo if mu1 < mu2; declines (or keeps the integral) if mu1 > mu2",
)
def kl_levy_levy(p: Dist, q: Dist) -> sp.Expr | None:
    """KL(Levy(mu1, c1) || Levy(mu2, c2)); closed when the locations agree."""
    mu1, c1 = p.args
    mu2, c2 = q.args
    same = _add(log(c1 / c2) / 2, c2 / (2 * c1), -half)
    return _location_gate(mu1, mu2, same, p, q)


@_register_same(
    C.FrechetDistribution,
    source="derived here: 1/(X - m) ~ Weibull(scale 1/s, shape a), then the Weibull KL",
    conditions="oo if m1 < m2; declines (or keeps the integral) if m1 > m2",
)
def kl_frechet_frechet(p: Dist, q: Dist) -> sp.Expr | None:
    """KL(Frechet(a1, s1, m1) || Frechet(a2, s2, m2)); SymPy order: shape, scale, location."""
    a1, s1, m1 = p.args
    a2, s2, m2 = q.args
    # Weibull KL with l = 1/s, k = a: log(k1/k2) + k2 log l2 - k1 log l1 + ...
    same = _add(
        log(a1 / a2),
        a1 * log(s1) - a2 * log(s2),
        (a2 - a1) * (log(s1) + EulerGamma / a1),
        (s2 / s1) ** a2 * gamma(a2 / a1 + 1),
        -1,
    )
    return _location_gate(m1, m2, same, p, q)


@_register_same(C.GaussianInverseDistribution, source="derived here, checked by quadrature")
def kl_gaussianinverse_gaussianinverse(p: Dist, q: Dist) -> sp.Expr:
    """KL(GaussianInverse(m1, l1) || GaussianInverse(m2, l2)), (mean, shape)."""
    m1, l1 = p.args
    m2, l2 = q.args
    return (log(l1 / l2) + l2 / l1 - 1 + l2 * (m1 - m2) ** 2 / (m1 * m2**2)) / 2


@_register_same(C.VonMisesDistribution,
                source="TensorFlow Probability (von Mises KL), checked by quadrature")
def kl_vonmises_vonmises(p: Dist, q: Dist) -> sp.Expr:
    """KL(VonMises(mu1, k1) || VonMises(mu2, k2)) with Bessel I0, I1."""
    mu1, k1 = p.args
    mu2, k2 = q.args
    return _add(
        log(besseli(0, k2) / besseli(0, k1)),
        (k1 - k2 * sp.cos(mu1 - mu2)) * besseli(1, k1) / besseli(0, k1),
    )


@_register_same(
    C.MoyalDistribution,
    source="derived here: exp(-Z) ~ ChiSquared(1) for the standard Moyal Z, so "
    "E[Z] = EulerGamma + log 2 and E[exp(-t Z)] = 2**t Gamma(1/2 + t)/sqrt(pi)",
)
def kl_moyal_moyal(p: Dist, q: Dist) -> sp.Expr:
    """KL(Moyal(mu1, s1) || Moyal(mu2, s2))."""
    mu1, s1 = p.args
    mu2, s2 = q.args
    r = s1 / s2
    return _add(
        log(s2 / s1),
        (mu1 - mu2) / (2 * s2),
        (r - 1) * (EulerGamma + log(2)) / 2,
        exp((mu2 - mu1) / s2) * 2**r * gamma(half + r) / (2 * sp.sqrt(pi)),
        -half,
    )
