"""One record per sympy.stats family: everything symbinfo knows about it, in one place.

A :class:`Family` holds, for one sympy.stats distribution class,

- ``domain``: the relations its parameters must satisfy (from the class's ``check`` and docs),
  with ``integer`` / ``real`` naming the parameters that are integers or any real number (the
  others are positive unless ``domain`` says otherwise);
- ``support``: the true support as a function of the distribution, when SymPy 1.14 declares it
  wrongly (``None``: SymPy's ``set`` is right), and ``support_note`` saying why;
- ``location`` / ``scale`` / ``rate``: the parameters that shift or stretch x, if any
  (f(x; loc, scale) = f((x - loc)/scale; 0, 1)/scale; a rate is an inverse scale);
- ``expfamily``: the exponential-family decomposition p(x) = exp(<θ, T(x)> - F(θ) + k(x)),
  with the parameters that must be held fixed for it to hold;
- ``expect``: known expectations E[X], Var X, E[log X], Var log X, E[log(1 - X)], the moment
  generating function and the lower partial expectation E[(c - X)+], each a :class:`Known`
  value with the condition under which it is finite and its source;
- ``pieces``: for densities SymPy writes with a ``Sum`` (UniformSum), the density as
  elementary pieces between breakpoints, which quadrature and ``evalf`` handle;
- ``mode``: a point where the density (pmf) attains its supremum, as a :class:`Known` whose
  ``finite`` is the condition under which that supremum is finite (elsewhere the density is
  unbounded, the min-entropy −log sup p is −oo).

Every layer (closed-form rules, the generic engine, derivations, the verifier's sampling) reads
families through :func:`family_of` or the view built on it
(:func:`symbinfo.distributions.continuous.read_univariate`); nothing outside
``symbinfo/distributions`` reads SymPy's ``set``, ``pdf`` or argument names. Each field is
tested against SymPy's own pdf in ``tests/distributions/test_families.py`` (the density integrates
to 1 over the support, location/scale and exponential-family forms reproduce the pdf, every
known expectation matches quadrature).

To add a family: append a :class:`Family` to ``_RECORDS`` below with its domain (and support,
location/scale, expectations... when known); the tests pick it up.

>>> from sympy.stats.crv_types import GammaDistribution
>>> k, th = sp.symbols("k theta", positive=True)
>>> rec = family_of(GammaDistribution(k, th))
>>> rec.name, rec.scale, rec.expect.elog(GammaDistribution(k, th)).value
('Gamma', 'theta', log(theta) + polygamma(0, k))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import sympy as sp
import sympy.stats.crv_types as C
import sympy.stats.drv_types as D
import sympy.stats.frv_types as F
from sympy import (
    EulerGamma,
    Piecewise,
    besseli,
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
    polygamma,
    sqrt,
    uppergamma,
)
from sympy.stats.rv import Distribution

Dist = Distribution
T = sp.true

CB = "Casella & Berger (2002), Statistical Inference, 2nd ed., §3.3"
JKB1 = "Johnson, Kotz & Balakrishnan (1994), Continuous Univariate Distributions, vol. 1"
JKB2 = "Johnson, Kotz & Balakrishnan (1995), Continuous Univariate Distributions, vol. 2"
HERE = "derived here (tested against quadrature)"


@dataclass(frozen=True)
class Known:
    """A known expectation: ``value`` where ``finite`` holds; ``otherwise`` where it does not
    (``oo`` for a statistic that diverges upwards, ``None`` when it is undefined there)."""

    value: sp.Expr
    finite: sp.Basic = T
    otherwise: sp.Expr | None = None
    source: str = ""


Stat = Callable[[Dist], "Known | None"]


@dataclass(frozen=True)
class Expectations:
    """Known expectations of one family (``None``: not known, or not elementary)."""

    mean: Stat | None = None  # E[X]
    var: Stat | None = None  # Var X
    elog: Stat | None = None  # E[log X]       (support in [0, oo))
    varlog: Stat | None = None  # Var log X
    elog1m: Stat | None = None  # E[log(1 - X)] (support in [0, 1])
    mgf: Callable[[Dist, sp.Expr], Known | None] | None = None  # E[exp(t X)]
    lower_partial: Callable[[Dist, sp.Expr], Known | None] | None = None  # E[(c - X)+]


@dataclass(frozen=True)
class ExpFamily:
    """p(x) = exp(<theta, T(x)> - F(theta) + carrier(x)), valid with ``fixed(d)`` held fixed.

    ``theta(d)`` are the natural parameters, ``F(d, theta)`` the log-normaliser (``d`` supplies
    the fixed parameters only), ``T(d, x)`` the sufficient statistics, ``carrier(d, x)`` log h(x).
    """

    theta: Callable[[Dist], list]
    F: Callable[[Dist, list], sp.Expr]
    T: Callable[[Dist, sp.Expr], list]
    carrier: Callable[[Dist, sp.Expr], sp.Expr] = lambda d, x: sp.S.Zero
    fixed: Callable[[Dist], tuple] = lambda d: ()
    #: the natural parameter space Θ as a condition on ``theta`` (``d`` supplies the fixed
    #: parameters): exactly where ∫ exp(<θ, T(x)> + carrier(x)) dx is finite
    space: Callable[[Dist, list], sp.Basic] = lambda d, t: sp.true
    #: (c, k0) with carrier(x) = <c, T(x)> + k0, when the carrier is affine in T (``None``:
    #: read off a constant carrier, else not affine)
    affine_carrier: Callable[[Dist], tuple[list, sp.Expr]] | None = None
    #: a larger exponential family holding this member whose carrier is affine in its own
    #: statistics (e.g. Weibull inside the generalised gamma family, statistics (log x, x**k)):
    #: single-distribution measures (Rényi, Tsallis entropy) read ∫ p**α through it
    wide: ExpFamily | None = None

    def carrier_terms(self, d: Dist) -> tuple[list, sp.Expr] | None:
        """(c, k0) with carrier(x) = <c, T(x)> + k0, or ``None`` when the carrier is not affine
        in the statistics."""
        if self.affine_carrier is not None:
            return self.affine_carrier(d)
        x = sp.Dummy("x")
        k = self.carrier(d, x)
        if x in k.free_symbols:
            return None
        return [sp.S.Zero] * len(self.theta(d)), k


@dataclass(frozen=True)
class Pushforward:
    """The family is the law of g(Y), Y ~ ``base(d)`` of class ``base_cls``, g strictly
    increasing on Y's support; ``of_base(b)`` is the member that is g(Y) for Y ~ b."""

    base_cls: type
    g: Callable[[sp.Expr], sp.Expr]
    base: Callable[[Dist], Dist]
    of_base: Callable[[Dist], Dist]
    source: str = ""


@dataclass(frozen=True)
class Family:
    """What symbinfo knows about one sympy.stats family (see the module docstring)."""

    cls: type
    domain: Callable[[dict], list] = lambda p: []
    integer: tuple[str, ...] = ()
    real: tuple[str, ...] = ()
    support: Callable[[Dist], sp.Set] | None = None
    support_note: str = ""
    location: str | None = None
    scale: str | None = None
    rate: str | None = None
    expfamily: ExpFamily | None = None
    expect: Expectations = field(default_factory=Expectations)
    pieces: Callable[[Dist, sp.Symbol], list | None] | None = None
    #: arguments that are switches, not parameters, with the value catalog instances use
    flags: tuple[tuple[str, sp.Basic], ...] = ()
    #: the family is the law of g(Y) for Y from another family (LogNormal = exp(Normal))
    pushforward: Pushforward | None = None
    #: symmetric about its location: -X is the family at -location, same scale
    symmetric: bool = False
    #: the law of X + Y (X of this family, Y independent of any family) when it stays in a
    #: family, else None
    convolve: Callable[[Dist, Dist], Dist | None] | None = None
    #: a point where the density attains its supremum (``finite``: where that sup is finite)
    mode: Callable[[Dist], Known | None] | None = None

    @property
    def name(self) -> str:
        n = self.cls.__name__
        return n[: -len("Distribution")] if n.endswith("Distribution") else n

    @property
    def params(self) -> tuple[str, ...]:
        """Argument names in SymPy's order (the one reader of ``_argnames``)."""
        return tuple(getattr(self.cls, "_argnames", ()))

    def parameters(self, dist: Dist) -> dict:
        """Argument name → value of ``dist``."""
        return dict(zip(self.params, dist.args, strict=False))

    def true_support(self, dist: Dist) -> sp.Set:
        """The support of ``dist`` (SymPy's declaration, corrected where it is wrong)."""
        if self.support is not None:
            return self.support(dist)
        found = dist.set
        return found if isinstance(found, sp.Set) else sp.FiniteSet(*found)

    def relations(self, dist: Dist) -> tuple:
        """The domain relations at the parameters of ``dist``."""
        return tuple(self.domain(self.parameters(dist)))


def _pos(*names: str) -> Callable[[dict], list]:
    return lambda p: [p[n] > 0 for n in names]


def _k(value, finite=T, otherwise=None, source=HERE) -> Known:
    return Known(value, finite, otherwise, source)


def _xlogx(v: sp.Expr) -> sp.Expr:
    # 0 log 0 = 0: a Piecewise only when v may be 0 (else a later subs would give nan)
    if v.is_zero:
        return sp.S.Zero
    return v * log(v) if v.is_zero is False else Piecewise((0, sp.Eq(v, 0)), (v * log(v), True))


def _gumbel_max(d: Dist) -> bool:
    return len(d.args) < 3 or d.args[2] == sp.false


# --- expectations, family by family (SymPy's parameterisations) ---------------------------------


def _normal_lp(d: Dist, c: sp.Expr) -> Known:
    z = (c - d.mean) / d.std
    return _k((c - d.mean) * (1 + erf(z / sqrt(2))) / 2 + d.std * exp(-(z**2) / 2) / sqrt(2 * pi))


def _gamma_lp(d: Dist, c: sp.Expr) -> Known:
    k, th = d.k, d.theta
    inner = c * lowergamma(k, c / th) / gamma(k) - th * lowergamma(k + 1, c / th) / gamma(k)
    return _k(Piecewise((0, c <= 0), (inner, True)))


def _beta_lp(d: Dist, c: sp.Expr) -> Known:
    a, b = d.alpha, d.beta
    m = a / (a + b)
    inner = c * sp.betainc_regularized(a, b, 0, c) - m * sp.betainc_regularized(a + 1, b, 0, c)
    return _k(Piecewise((0, c <= 0), (c - m, c >= 1), (inner, True)))


def _pareto_lp(d: Dist, c: sp.Expr) -> Known:
    xm, a = d.xm, d.alpha
    inner = c - xm - xm**a * (c ** (1 - a) - xm ** (1 - a)) / (1 - a)
    return _k(Piecewise((0, c <= xm), (inner, True)), d.alpha > 1, oo)


def _pareto_mgf(d: Dist, t: sp.Expr) -> Known:
    # E[exp(tX)] for t < 0 (an incomplete gamma); +oo for t > 0
    xm, a = d.xm, d.alpha
    return _k(a * (-t * xm) ** a * uppergamma(-a, -t * xm), t < 0, oo)


def _gumbel_mean(d: Dist) -> Known | None:
    return _k(d.mu + d.beta * EulerGamma, source=JKB2 + ", ch. 22") if _gumbel_max(d) else None


def _gumbel_mgf(d: Dist, t: sp.Expr) -> Known | None:
    if not _gumbel_max(d):
        return None
    return _k(exp(d.mu * t) * gamma(1 - d.beta * t), d.beta * t < 1, oo, JKB2 + ", ch. 22")


def _gumbel_lp(d: Dist, c: sp.Expr) -> Known | None:
    # E[(c - X)+] = int_{-oo}^c F = beta * E1(exp(-(c - mu)/beta))
    return _k(d.beta * expint(1, exp(-(c - d.mu) / d.beta))) if _gumbel_max(d) else None


def _uniform_lp(d: Dist, c: sp.Expr) -> Known:
    a, b = d.left, d.right
    return _k(Piecewise((0, c <= a), ((c - a) ** 2 / (2 * (b - a)), c <= b),
                        (c - (a + b) / 2, True)))


def _laplace_lp(d: Dist, c: sp.Expr) -> Known:
    return _k(Piecewise((d.b * exp((c - d.mu) / d.b) / 2, c <= d.mu),
                        (c - d.mu + d.b * exp(-(c - d.mu) / d.b) / 2, True)),
              source=JKB2 + ", ch. 24")


def _exponential_lp(d: Dist, c: sp.Expr) -> Known:
    return _k(Piecewise((0, c <= 0), (c - (1 - exp(-d.rate * c)) / d.rate, True)))


def _nakagami_mean(d: Dist) -> sp.Expr:
    return gamma(d.mu + sp.S.Half) / gamma(d.mu) * sqrt(d.omega / d.mu)


def _chi_mean(d: Dist) -> sp.Expr:
    return sqrt(2) * gamma((d.k + 1) / 2) / gamma(d.k / 2)


def _kumaraswamy_raw(d: Dist, r: int) -> sp.Expr:
    # E[X^r] = b B(1 + r/a, b): X^a ~ Beta(1, b)
    return d.b * sp.beta(1 + sp.Integer(r) / d.a, d.b)


EXPECT: dict[type, Expectations] = {
    C.NormalDistribution: Expectations(
        mean=lambda d: _k(d.mean, source=CB),
        var=lambda d: _k(d.std**2, source=CB),
        mgf=lambda d, t: _k(exp(d.mean * t + d.std**2 * t**2 / 2), source=CB),
        lower_partial=_normal_lp,
    ),
    C.ExponentialDistribution: Expectations(
        mean=lambda d: _k(1 / d.rate, source=CB),
        var=lambda d: _k(1 / d.rate**2, source=CB),
        elog=lambda d: _k(-EulerGamma - log(d.rate), source=JKB1 + ", ch. 19"),
        varlog=lambda d: _k(pi**2 / 6, source=JKB1 + ", ch. 19"),
        mgf=lambda d, t: _k(d.rate / (d.rate - t), t < d.rate, oo, CB),
        lower_partial=_exponential_lp,
    ),
    C.GammaDistribution: Expectations(
        mean=lambda d: _k(d.k * d.theta, source=CB),
        var=lambda d: _k(d.k * d.theta**2, source=CB),
        elog=lambda d: _k(digamma(d.k) + log(d.theta), source=JKB1 + ", ch. 17"),
        varlog=lambda d: _k(polygamma(1, d.k), source=JKB1 + ", ch. 17"),
        mgf=lambda d, t: _k((1 - d.theta * t) ** (-d.k), t < 1 / d.theta, oo, CB),
        lower_partial=_gamma_lp,
    ),
    C.ChiSquaredDistribution: Expectations(  # Gamma(k/2, 2)
        mean=lambda d: _k(d.k, source=CB),
        var=lambda d: _k(2 * d.k, source=CB),
        elog=lambda d: _k(digamma(d.k / 2) + log(2), source=JKB1 + ", ch. 18"),
        varlog=lambda d: _k(polygamma(1, d.k / 2), source=JKB1 + ", ch. 18"),
        mgf=lambda d, t: _k((1 - 2 * t) ** (-d.k / 2), t < sp.S.Half, oo, CB),
    ),
    C.ChiDistribution: Expectations(  # X**2 ~ ChiSquared(k)
        mean=lambda d: _k(_chi_mean(d), source=JKB1 + ", ch. 18"),
        var=lambda d: _k(d.k - _chi_mean(d) ** 2, source=JKB1 + ", ch. 18"),
        elog=lambda d: _k((digamma(d.k / 2) + log(2)) / 2),
        varlog=lambda d: _k(polygamma(1, d.k / 2) / 4),
    ),
    C.MaxwellDistribution: Expectations(  # a * Chi(3)
        mean=lambda d: _k(2 * d.a * sqrt(2 / pi), source=JKB1 + ", ch. 18"),
        var=lambda d: _k(d.a**2 * (3 * pi - 8) / pi, source=JKB1 + ", ch. 18"),
        elog=lambda d: _k(log(d.a) + (digamma(sp.Rational(3, 2)) + log(2)) / 2),
    ),
    C.RayleighDistribution: Expectations(
        mean=lambda d: _k(d.sigma * sqrt(pi / 2), source=JKB1 + ", ch. 18"),
        var=lambda d: _k((4 - pi) * d.sigma**2 / 2, source=JKB1 + ", ch. 18"),
        elog=lambda d: _k(log(d.sigma) + (log(2) - EulerGamma) / 2),
        varlog=lambda d: _k(pi**2 / 24),
    ),
    C.NakagamiDistribution: Expectations(  # X**2 ~ Gamma(mu, omega/mu)
        mean=lambda d: _k(_nakagami_mean(d), source=JKB1 + ", ch. 18"),
        var=lambda d: _k(d.omega - _nakagami_mean(d) ** 2, source=JKB1 + ", ch. 18"),
        elog=lambda d: _k((digamma(d.mu) + log(d.omega / d.mu)) / 2),
        varlog=lambda d: _k(polygamma(1, d.mu) / 4),
    ),
    C.WeibullDistribution: Expectations(  # Weibull(alpha = scale, beta = shape)
        mean=lambda d: _k(d.alpha * gamma(1 + 1 / d.beta), source=JKB1 + ", ch. 21"),
        var=lambda d: _k(d.alpha**2 * (gamma(1 + 2 / d.beta) - gamma(1 + 1 / d.beta) ** 2),
                         source=JKB1 + ", ch. 21"),
        elog=lambda d: _k(log(d.alpha) - EulerGamma / d.beta, source=JKB1 + ", ch. 21"),
        varlog=lambda d: _k(pi**2 / (6 * d.beta**2), source=JKB1 + ", ch. 21"),
    ),
    C.LogNormalDistribution: Expectations(
        mean=lambda d: _k(exp(d.mean + d.std**2 / 2), source=JKB1 + ", ch. 14"),
        var=lambda d: _k((exp(d.std**2) - 1) * exp(2 * d.mean + d.std**2),
                         source=JKB1 + ", ch. 14"),
        elog=lambda d: _k(d.mean, source=JKB1 + ", ch. 14 (log X is Normal(μ, σ))"),
        varlog=lambda d: _k(d.std**2, source=JKB1 + ", ch. 14 (log X is Normal(μ, σ))"),
    ),
    C.GammaInverseDistribution: Expectations(  # 1/X ~ Gamma(a, 1/b)
        mean=lambda d: _k(d.b / (d.a - 1), d.a > 1, oo),
        var=lambda d: _k(d.b**2 / ((d.a - 1) ** 2 * (d.a - 2)), d.a > 2, oo),
        elog=lambda d: _k(log(d.b) - digamma(d.a)),
        varlog=lambda d: _k(polygamma(1, d.a)),
    ),
    C.BetaDistribution: Expectations(
        mean=lambda d: _k(d.alpha / (d.alpha + d.beta), source=JKB2 + ", ch. 25"),
        var=lambda d: _k(d.alpha * d.beta / ((d.alpha + d.beta) ** 2 * (d.alpha + d.beta + 1)),
                         source=JKB2 + ", ch. 25"),
        elog=lambda d: _k(digamma(d.alpha) - digamma(d.alpha + d.beta), source=JKB2 + ", ch. 25"),
        varlog=lambda d: _k(polygamma(1, d.alpha) - polygamma(1, d.alpha + d.beta)),
        elog1m=lambda d: _k(digamma(d.beta) - digamma(d.alpha + d.beta), source=JKB2 + ", ch. 25"),
        mgf=lambda d, t: _k(sp.hyper((d.alpha,), (d.alpha + d.beta,), t), source=JKB2 + ", ch. 25"),
        lower_partial=_beta_lp,
    ),
    C.BetaPrimeDistribution: Expectations(  # X/(1 + X) ~ Beta(alpha, beta)
        mean=lambda d: _k(d.alpha / (d.beta - 1), d.beta > 1, oo),
        elog=lambda d: _k(digamma(d.alpha) - digamma(d.beta)),
        varlog=lambda d: _k(polygamma(1, d.alpha) + polygamma(1, d.beta)),
    ),
    C.KumaraswamyDistribution: Expectations(
        mean=lambda d: _k(_kumaraswamy_raw(d, 1)),
        var=lambda d: _k(_kumaraswamy_raw(d, 2) - _kumaraswamy_raw(d, 1) ** 2),
        elog=lambda d: _k(-(EulerGamma + digamma(d.b + 1)) / d.a),
    ),
    C.UniformDistribution: Expectations(
        mean=lambda d: _k((d.left + d.right) / 2, source=CB),
        var=lambda d: _k((d.right - d.left) ** 2 / 12, source=CB),
        elog=lambda d: _k((_xlogx(d.right) - _xlogx(d.left)) / (d.right - d.left) - 1,
                          d.left >= 0),
        elog1m=lambda d: _k((_xlogx(1 - d.left) - _xlogx(1 - d.right)) / (d.right - d.left) - 1,
                            d.right <= 1),
        mgf=lambda d, t: _k((exp(t * d.right) - exp(t * d.left)) / (t * (d.right - d.left))),
        lower_partial=_uniform_lp,
    ),
    C.GumbelDistribution: Expectations(
        mean=_gumbel_mean,
        var=lambda d: _k(pi**2 * d.beta**2 / 6, source=JKB2 + ", ch. 22"),
        mgf=_gumbel_mgf,
        lower_partial=_gumbel_lp,
    ),
    C.LaplaceDistribution: Expectations(
        mean=lambda d: _k(d.mu, source=CB),
        var=lambda d: _k(2 * d.b**2, source=CB),
        mgf=lambda d, t: _k(exp(d.mu * t) / (1 - d.b**2 * t**2), d.b * sp.Abs(t) < 1, oo, CB),
        lower_partial=_laplace_lp,
    ),
    C.ParetoDistribution: Expectations(
        mean=lambda d: _k(d.alpha * d.xm / (d.alpha - 1), d.alpha > 1, oo, JKB1 + ", ch. 20"),
        var=lambda d: _k(d.xm**2 * d.alpha / ((d.alpha - 1) ** 2 * (d.alpha - 2)), d.alpha > 2,
                         oo, JKB1 + ", ch. 20"),
        elog=lambda d: _k(log(d.xm) + 1 / d.alpha, source=JKB1 + ", ch. 20"),
        varlog=lambda d: _k(1 / d.alpha**2, source=JKB1 + ", ch. 20"),
        mgf=_pareto_mgf,
        lower_partial=_pareto_lp,
    ),
    C.LogLogisticDistribution: Expectations(  # log X is Logistic(log alpha, 1/beta)
        mean=lambda d: _k(d.alpha * pi / d.beta / sp.sin(pi / d.beta), d.beta > 1, oo),
        elog=lambda d: _k(log(d.alpha)),
        varlog=lambda d: _k(pi**2 / (3 * d.beta**2)),
    ),
    C.LogisticDistribution: Expectations(
        mean=lambda d: _k(d.mu, source=JKB2 + ", ch. 23"),
        var=lambda d: _k(pi**2 * d.s**2 / 3, source=JKB2 + ", ch. 23"),
    ),
    C.StudentTDistribution: Expectations(
        mean=lambda d: _k(sp.S.Zero, d.nu > 1),
        var=lambda d: _k(d.nu / (d.nu - 2), d.nu > 2, oo, JKB2 + ", ch. 28"),
    ),
    C.ExGaussianDistribution: Expectations(
        mean=lambda d: _k(d.mean + 1 / d.rate),
        var=lambda d: _k(d.std**2 + 1 / d.rate**2),
        mgf=lambda d, t: _k(exp(d.mean * t + d.std**2 * t**2 / 2) * d.rate / (d.rate - t),
                            t < d.rate, oo),
    ),
    C.MoyalDistribution: Expectations(
        mean=lambda d: _k(d.mu + d.sigma * (EulerGamma + log(2))),
        var=lambda d: _k(pi**2 * d.sigma**2 / 2),
    ),
    C.GaussianInverseDistribution: Expectations(
        mean=lambda d: _k(d.mean, source=JKB1 + ", ch. 15"),
        var=lambda d: _k(d.mean**3 / d.shape, source=JKB1 + ", ch. 15"),
    ),
    C.RaisedCosineDistribution: Expectations(
        mean=lambda d: _k(d.mu),
        var=lambda d: _k(d.s**2 * (sp.Rational(1, 3) - 2 / pi**2)),
    ),
    C.WignerSemicircleDistribution: Expectations(
        mean=lambda d: _k(sp.S.Zero), var=lambda d: _k(d.R**2 / 4),
    ),
    C.ArcsinDistribution: Expectations(
        mean=lambda d: _k((d.a + d.b) / 2), var=lambda d: _k((d.b - d.a) ** 2 / 8),
    ),
    C.QuadraticUDistribution: Expectations(
        mean=lambda d: _k((d.a + d.b) / 2), var=lambda d: _k(3 * (d.b - d.a) ** 2 / 20),
    ),
    C.TriangularDistribution: Expectations(
        mean=lambda d: _k((d.a + d.b + d.c) / 3),
        var=lambda d: _k((d.a**2 + d.b**2 + d.c**2 - d.a * d.b - d.a * d.c - d.b * d.c) / 18),
    ),
    C.ReciprocalDistribution: Expectations(  # log X is Uniform(log a, log b)
        mean=lambda d: _k((d.b - d.a) / log(d.b / d.a)),
        elog=lambda d: _k((log(d.a) + log(d.b)) / 2),
        varlog=lambda d: _k(log(d.b / d.a) ** 2 / 12),
    ),
    C.UniformSumDistribution: Expectations(
        mean=lambda d: _k(d.n / 2), var=lambda d: _k(d.n / 12),
    ),
    C.FrechetDistribution: Expectations(
        mean=lambda d: _k(d.m + d.s * gamma(1 - 1 / d.a), d.a > 1, oo, JKB1 + ", ch. 22"),
    ),
    C.LomaxDistribution: Expectations(
        mean=lambda d: _k(d.lamda / (d.alpha - 1), d.alpha > 1, oo),
    ),
}


# --- exponential-family decompositions ----------------------------------------------------------


def _gamma_F(d: Dist, t: list) -> sp.Expr:
    return loggamma(t[0] + 1) - (t[0] + 1) * log(-t[1])


def _normal_theta(d: Dist) -> list:
    m, s = d.args
    return [m / s**2, -1 / (2 * s**2)]


def _normal_F(d: Dist, t: list) -> sp.Expr:
    return -(t[0] ** 2) / (4 * t[1]) + log(-pi / t[1]) / 2


def _chi2_F(d: Dist, t: list) -> sp.Expr:
    return loggamma(t[0] + 1) + (t[0] + 1) * log(2)


def _gumbel_sign(d: Dist) -> int:
    return 1 if _gumbel_max(d) else -1


def _neg(i: int) -> Callable[[Dist, list], sp.Basic]:
    return lambda d, t: t[i] < 0


def _gamma_space(d: Dist, t: list) -> sp.Basic:
    return sp.And(t[0] > -1, t[1] < 0)


def _sqrt_carrier(d: Dist) -> tuple[list, sp.Expr]:
    # carrier log 2 + log x with statistics (2 log x, x**2): c = (1/2, 0), k0 = log 2
    return [sp.S.Half, sp.S.Zero], log(2)


#: the family of x**2 ~ Gamma: statistics (2 log x, x**2), carrier log 2 + log x (Nakagami's);
#: Chi, Rayleigh and Maxwell are members (``theta`` is overridden per family)
def _nakagami_like(theta: Callable[[Dist], list]) -> ExpFamily:
    return ExpFamily(theta, _gamma_F, lambda d, x: [2 * log(x), x**2],
                     lambda d, x: log(2) + log(x), space=_gamma_space,
                     affine_carrier=_sqrt_carrier)


def _gengamma_F(d: Dist, t: list) -> sp.Expr:
    # log ∫_0^oo x**t0 exp(t1 x**k) dx, k = Weibull's shape: Γ((t0 + 1)/k) / (k (−t1)**((t0+1)/k))
    k = d.beta
    return loggamma((t[0] + 1) / k) - log(k) - (t[0] + 1) / k * log(-t[1])


def _gumbel_wide_F(d: Dist, t: list) -> sp.Expr:
    # log ∫ exp(t0 x + t1 exp(-s x/beta)) dx = log(beta Γ(-s beta t0) (-t1)**(s beta t0))
    s, b = _gumbel_sign(d), d.beta
    return log(b) + loggamma(-s * b * t[0]) + s * b * t[0] * log(-t[1])


def _invgamma_F(d: Dist, t: list) -> sp.Expr:
    return loggamma(-t[0] - 1) + (t[0] + 1) * log(-t[1])


def _gig_F(d: Dist, t: list) -> sp.Expr:
    # generalised inverse Gaussian: log ∫_0^oo x**t0 exp(t1 x + t2/x) dx
    #   = log(2 (t2/t1)**((t0 + 1)/2) K_{t0+1}(2 sqrt(t1 t2)))   (Jørgensen 1982, §2.1)
    return log(2) + (t[0] + 1) / 2 * log(t[2] / t[1]) + log(sp.besselk(t[0] + 1,
                                                                       2 * sqrt(t[1] * t[2])))


def _frechet_F(d: Dist, t: list) -> sp.Expr:
    # log ∫_0^oo y**t0 exp(t1 y**(-a)) dy = log(Γ(-(t0 + 1)/a) (-t1)**((t0 + 1)/a) / a)
    a = d.a
    return -log(a) + loggamma(-(t[0] + 1) / a) + (t[0] + 1) / a * log(-t[1])


EXPFAMILY: dict[type, ExpFamily] = {
    C.NormalDistribution: ExpFamily(_normal_theta, _normal_F, lambda d, x: [x, x**2],
                                    space=_neg(1)),
    C.LogNormalDistribution: ExpFamily(
        _normal_theta, _normal_F, lambda d, x: [log(x), log(x) ** 2], lambda d, x: -log(x),
        space=_neg(1), affine_carrier=lambda d: ([-1, 0], sp.S.Zero),
    ),
    C.ExponentialDistribution: ExpFamily(  # Gamma(1, 1/rate)
        lambda d: [-d.rate], lambda d, t: -log(-t[0]), lambda d, x: [x], space=_neg(0),
        wide=ExpFamily(lambda d: [sp.S.Zero, -d.rate], _gamma_F, lambda d, x: [log(x), x],
                       space=_gamma_space),
    ),
    C.GammaDistribution: ExpFamily(
        lambda d: [d.k - 1, -1 / d.theta], _gamma_F, lambda d, x: [log(x), x], space=_gamma_space
    ),
    # X**2 ~ Gamma(mu, omega/mu)
    C.NakagamiDistribution: _nakagami_like(lambda d: [d.mu - 1, -d.mu / d.omega]),
    C.BetaDistribution: ExpFamily(
        lambda d: [d.alpha - 1, d.beta - 1],
        lambda d, t: loggamma(t[0] + 1) + loggamma(t[1] + 1) - loggamma(t[0] + t[1] + 2),
        lambda d, x: [log(x), log(1 - x)], space=lambda d, t: sp.And(t[0] > -1, t[1] > -1),
    ),
    C.ChiSquaredDistribution: ExpFamily(  # inside Gamma: (k/2, scale 2)
        lambda d: [d.k / 2 - 1], _chi2_F, lambda d, x: [log(x)], lambda d, x: -x / 2,
        space=lambda d, t: t[0] > -1,
        wide=ExpFamily(lambda d: [d.k / 2 - 1, -sp.S.Half], _gamma_F,
                       lambda d, x: [log(x), x], space=_gamma_space),
    ),
    C.ChiDistribution: ExpFamily(  # X**2 ~ ChiSquared(k): Nakagami(k/2, k)
        lambda d: [d.k / 2 - 1], _chi2_F, lambda d, x: [2 * log(x)],
        lambda d, x: log(2) + log(x) - x**2 / 2, space=lambda d, t: t[0] > -1,
        wide=_nakagami_like(lambda d: [d.k / 2 - 1, -sp.S.Half]),
    ),
    C.RayleighDistribution: ExpFamily(  # Nakagami(1, 2 sigma**2)
        lambda d: [-1 / (2 * d.sigma**2)], lambda d, t: -log(-2 * t[0]), lambda d, x: [x**2],
        lambda d, x: log(x), space=_neg(0),
        wide=_nakagami_like(lambda d: [sp.S.Zero, -1 / (2 * d.sigma**2)]),
    ),
    C.MaxwellDistribution: ExpFamily(  # Nakagami(3/2, 3 a**2)
        lambda d: [-1 / (2 * d.a**2)], lambda d, t: -sp.Rational(3, 2) * log(-2 * t[0]),
        lambda d, x: [x**2], lambda d, x: log(2 / pi) / 2 + 2 * log(x), space=_neg(0),
        wide=_nakagami_like(lambda d: [sp.S.Half, -1 / (2 * d.a**2)]),
    ),
    C.GammaInverseDistribution: ExpFamily(
        lambda d: [-d.a - 1, -d.b], _invgamma_F, lambda d, x: [log(x), 1 / x],
        space=lambda d, t: sp.And(t[0] < -1, t[1] < 0),
    ),
    C.WeibullDistribution: ExpFamily(  # inside the generalised gamma family (log x, x**beta)
        lambda d: [-(d.alpha ** (-d.beta))], lambda d, t: -log(-t[0]),
        lambda d, x: [x**d.beta], lambda d, x: log(d.beta) + (d.beta - 1) * log(x),
        fixed=lambda d: (d.beta,), space=_neg(0),
        wide=ExpFamily(lambda d: [d.beta - 1, -(d.alpha ** (-d.beta))], _gengamma_F,
                       lambda d, x: [log(x), x**d.beta], space=_gamma_space),
    ),
    C.ParetoDistribution: ExpFamily(
        lambda d: [-d.alpha - 1], lambda d, t: -log(-t[0] - 1) + (t[0] + 1) * log(d.xm),
        lambda d, x: [log(x)], fixed=lambda d: (d.xm,), space=lambda d, t: t[0] < -1,
    ),
    C.LaplaceDistribution: ExpFamily(
        lambda d: [-1 / d.b], lambda d, t: log(-2 / t[0]), lambda d, x: [sp.Abs(x - d.mu)],
        fixed=lambda d: (d.mu,), space=_neg(0),
    ),
    C.GumbelDistribution: ExpFamily(  # maximum: T = exp(-x/beta); minimum: T = exp(x/beta)
        lambda d: [-exp(_gumbel_sign(d) * d.mu / d.beta)],
        lambda d, t: -log(-t[0]),
        lambda d, x: [exp(-_gumbel_sign(d) * x / d.beta)],
        lambda d, x: -log(d.beta) - _gumbel_sign(d) * x / d.beta,
        fixed=lambda d: (d.beta, _gumbel_max(d)), space=_neg(0),
        wide=ExpFamily(
            lambda d: [-_gumbel_sign(d) / d.beta, -exp(_gumbel_sign(d) * d.mu / d.beta)],
            _gumbel_wide_F, lambda d, x: [x, exp(-_gumbel_sign(d) * x / d.beta)],
            space=lambda d, t: sp.And(_gumbel_sign(d) * t[0] < 0, t[1] < 0)),
    ),
    C.LevyDistribution: ExpFamily(  # inside the inverse gamma family of x - mu
        lambda d: [-d.c / 2], lambda d, t: -log(-2 * t[0]) / 2, lambda d, x: [1 / (x - d.mu)],
        lambda d, x: -log(2 * pi) / 2 - sp.Rational(3, 2) * log(x - d.mu),
        fixed=lambda d: (d.mu,), space=_neg(0),
        wide=ExpFamily(lambda d: [-sp.Rational(3, 2), -d.c / 2], _invgamma_F,
                       lambda d, x: [log(x - d.mu), 1 / (x - d.mu)],
                       space=lambda d, t: sp.And(t[0] < -1, t[1] < 0)),
    ),
    C.GaussianInverseDistribution: ExpFamily(  # inside the generalised inverse Gaussian family
        lambda d: [-d.shape / (2 * d.mean**2), -d.shape / 2],
        lambda d, t: -2 * sqrt(t[0] * t[1]) - log(-2 * t[1]) / 2,
        lambda d, x: [x, 1 / x],
        lambda d, x: -log(2 * pi) / 2 - sp.Rational(3, 2) * log(x),
        space=lambda d, t: sp.And(t[0] <= 0, t[1] < 0),
        wide=ExpFamily(
            lambda d: [-sp.Rational(3, 2), -d.shape / (2 * d.mean**2), -d.shape / 2], _gig_F,
            lambda d, x: [log(x), x, 1 / x], space=lambda d, t: sp.And(t[1] < 0, t[2] < 0)),
    ),
    C.VonMisesDistribution: ExpFamily(
        lambda d: [d.k * sp.cos(d.mu), d.k * sp.sin(d.mu)],
        lambda d, t: log(2 * pi * besseli(0, sqrt(t[0] ** 2 + t[1] ** 2))),
        lambda d, x: [sp.cos(x), sp.sin(x)],
    ),
    # exponential in the scale with shape a and location m fixed (y = x - m; T = y**(-a));
    # a single member lies in the family with statistics (log y, y**(-a))
    C.FrechetDistribution: ExpFamily(
        lambda d: [-(d.s**d.a)], lambda d, t: -log(-t[0]), lambda d, x: [(x - d.m) ** (-d.a)],
        lambda d, x: log(d.a) - (1 + d.a) * log(x - d.m), fixed=lambda d: (d.a, d.m),
        space=_neg(0),
        wide=ExpFamily(lambda d: [-1 - d.a, -(d.s**d.a)], _frechet_F,
                       lambda d, x: [log(x - d.m), (x - d.m) ** (-d.a)],
                       space=lambda d, t: sp.And(t[0] < -1, t[1] < 0)),
    ),
    D.PoissonDistribution: ExpFamily(
        lambda d: [log(d.lamda)], lambda d, t: exp(t[0]), lambda d, k: [k],
        lambda d, k: -loggamma(k + 1),
    ),
    D.GeometricDistribution: ExpFamily(  # on {1, 2, ...}: F = theta - log(1 - e**theta)
        lambda d: [log(1 - d.p)], lambda d, t: t[0] - log(1 - exp(t[0])), lambda d, k: [k],
        space=_neg(0),
    ),
    D.NegativeBinomialDistribution: ExpFamily(  # pmf binomial(k + r - 1, k) p**r (1 - p)**k
        lambda d: [log(1 - d.p)], lambda d, t: -d.r * log(1 - exp(t[0])), lambda d, k: [k],
        lambda d, k: log(sp.binomial(k + d.r - 1, k)), fixed=lambda d: (d.r,), space=_neg(0),
    ),
    F.BernoulliDistribution: ExpFamily(
        lambda d: [log(d.p / (1 - d.p))], lambda d, t: log(1 + exp(t[0])),
        lambda d, k: [k], fixed=lambda d: d.args[1:],
    ),
    F.BinomialDistribution: ExpFamily(
        lambda d: [log(d.p / (1 - d.p))], lambda d, t: d.n * log(1 + exp(t[0])),
        lambda d, k: [k], lambda d, k: log(sp.binomial(d.n, k)), fixed=lambda d: d.args[:1],
    ),
}


def _uniform_sum_pieces(d: Dist, x: sp.Symbol) -> list | None:
    """Irwin-Hall density on each [j, j + 1] (a polynomial), for a numeric n."""
    n = d.n
    if not (n.is_Integer and n > 0):
        return None
    pieces = []
    for j in range(int(n)):
        poly = sp.Add(*((-1) ** k * sp.binomial(n, k) * (x - k) ** (n - 1) for k in range(j + 1)))
        pieces.append((sp.expand(poly / sp.factorial(n - 1)), sp.Integer(j), sp.Integer(j + 1)))
    return pieces


# --- functions of variables: pushforwards, symmetry, sums of independent variables -----------

PUSHFORWARD: dict[type, Pushforward] = {
    C.LogNormalDistribution: Pushforward(
        C.NormalDistribution, exp, lambda d: C.NormalDistribution(d.mean, d.std),
        lambda b: C.LogNormalDistribution(b.mean, b.std), JKB1 + ", ch. 14"),
    C.LogitNormalDistribution: Pushforward(
        C.NormalDistribution, lambda y: 1 / (1 + exp(-y)),
        lambda d: C.NormalDistribution(d.mu, d.s),
        lambda b: C.LogitNormalDistribution(b.mean, b.std),
        "Atchison & Shen (1980), Biometrika 67(2)"),
    C.LogCauchyDistribution: Pushforward(
        C.CauchyDistribution, exp, lambda d: C.CauchyDistribution(d.mu, d.sigma),
        lambda b: C.LogCauchyDistribution(b.x0, b.gamma), HERE),
    C.LogLogisticDistribution: Pushforward(
        C.LogisticDistribution, exp, lambda d: C.LogisticDistribution(log(d.alpha), 1 / d.beta),
        lambda b: C.LogLogisticDistribution(exp(b.mu), 1 / b.s), JKB2 + ", ch. 23"),
    C.ReciprocalDistribution: Pushforward(
        C.UniformDistribution, exp, lambda d: C.UniformDistribution(log(d.a), log(d.b)),
        lambda b: C.ReciprocalDistribution(exp(b.left), exp(b.right)), HERE),
    C.ChiDistribution: Pushforward(
        C.ChiSquaredDistribution, sqrt, lambda d: C.ChiSquaredDistribution(d.k),
        lambda b: C.ChiDistribution(b.k), JKB1 + ", ch. 18"),
}

SYMMETRIC = {C.NormalDistribution, C.CauchyDistribution, C.LaplaceDistribution,
             C.LogisticDistribution, C.RaisedCosineDistribution}


def _same(a: sp.Expr, b: sp.Expr) -> bool:
    return sp.simplify(a - b) == 0


def _gamma_like(d: Dist) -> tuple[sp.Expr, sp.Expr] | None:
    """(shape, scale) of a Gamma, Exponential or chi-squared law, else None."""
    if isinstance(d, C.GammaDistribution):
        return d.k, d.theta
    if isinstance(d, C.ExponentialDistribution):
        return sp.S.One, 1 / d.rate
    if isinstance(d, C.ChiSquaredDistribution):
        return d.k / 2, sp.Integer(2)
    return None


def _gamma_sum(d: Dist, e: Dist) -> Dist | None:
    # Gamma(k1, θ) + Gamma(k2, θ) = Gamma(k1 + k2, θ) (CB Example 4.6.8); Exp(λ) = Gamma(1, 1/λ);
    # χ²(k) = Gamma(k/2, 2); n iid exponentials give the Erlang Gamma(n, 1/λ)
    a, b = _gamma_like(d), _gamma_like(e)
    if a is None or b is None or not _same(a[1], b[1]):
        return None
    if isinstance(d, C.ChiSquaredDistribution) and isinstance(e, C.ChiSquaredDistribution):
        return C.ChiSquaredDistribution(d.k + e.k)
    return C.GammaDistribution(a[0] + b[0], a[1])


CONVOLVE: dict[type, Callable[[Dist, Dist], Dist | None]] = {
    # CB §4.6: sums of independent normals, Poissons; Cauchy is stable (JKB1 ch. 16)
    C.NormalDistribution: lambda d, e: C.NormalDistribution(
        d.mean + e.mean, sqrt(d.std**2 + e.std**2)) if isinstance(e, C.NormalDistribution)
    else None,
    C.CauchyDistribution: lambda d, e: C.CauchyDistribution(d.x0 + e.x0, d.gamma + e.gamma)
    if isinstance(e, C.CauchyDistribution) else None,
    C.GammaDistribution: _gamma_sum,
    C.ExponentialDistribution: _gamma_sum,
    C.ChiSquaredDistribution: _gamma_sum,
    D.PoissonDistribution: lambda d, e: D.PoissonDistribution(d.lamda + e.lamda)
    if isinstance(e, D.PoissonDistribution) else None,
    D.NegativeBinomialDistribution: lambda d, e: D.NegativeBinomialDistribution(d.r + e.r, d.p)
    if isinstance(e, D.NegativeBinomialDistribution) and _same(d.p, e.p) else None,
    F.BinomialDistribution: lambda d, e: F.BinomialDistribution(d.n + e.n, d.p, *d.args[2:])
    if isinstance(e, F.BinomialDistribution) and _same(d.p, e.p) else None,
}


# --- modes: where the density attains its supremum (checked against a numeric maximisation
# of SymPy's density in tests/closedforms/test_generalised_forms.py) -----------------------------

MODES = "JKB1/JKB2, the chapter of each family; the others derived here (density' = 0)"


def _m(value, finite=T) -> Known:
    return Known(value, finite, None, MODES)


def _unbounded(d: Dist) -> Known:
    # the density tends to +oo at an end of the support (the value is that end)
    return _m(family_of(d).true_support(d).inf, sp.false)


def _beta_mode(a: sp.Expr, b: sp.Expr) -> sp.Expr:
    return Piecewise((sp.S.Half, sp.Eq(a + b, 2)), ((a - 1) / (a + b - 2), True))


def _kumaraswamy_mode(d: Dist) -> Known:
    a, b = d.a, d.b
    inner = Piecewise((sp.S.Half, sp.Eq(a * b, 1)), (((a - 1) / (a * b - 1)) ** (1 / a), True))
    return _m(inner, sp.And(a >= 1, b >= 1))


MODE: dict[type, Callable[[Dist], Known | None]] = {
    C.NormalDistribution: lambda d: _m(d.mean),
    C.CauchyDistribution: lambda d: _m(d.x0),
    C.LaplaceDistribution: lambda d: _m(d.mu),
    C.LogisticDistribution: lambda d: _m(d.mu),
    C.GumbelDistribution: lambda d: _m(d.mu),
    C.StudentTDistribution: lambda d: _m(sp.S.Zero),
    C.ExponentialPowerDistribution: lambda d: _m(d.mu),
    C.RaisedCosineDistribution: lambda d: _m(d.mu),
    C.MoyalDistribution: lambda d: _m(d.mu),
    C.VonMisesDistribution: lambda d: _m(d.mu),
    C.WignerSemicircleDistribution: lambda d: _m(sp.S.Zero),
    C.FisherZDistribution: lambda d: _m(sp.S.Zero),
    C.UniformDistribution: lambda d: _m((d.left + d.right) / 2),
    C.TriangularDistribution: lambda d: _m(d.c),
    C.TrapezoidalDistribution: lambda d: _m((d.b + d.c) / 2),
    C.QuadraticUDistribution: lambda d: _m(d.a),
    C.ExponentialDistribution: lambda d: _m(sp.S.Zero),
    C.GammaDistribution: lambda d: _m((d.k - 1) * d.theta, d.k >= 1),
    C.ChiSquaredDistribution: lambda d: _m(d.k - 2, d.k >= 2),
    C.ChiDistribution: lambda d: _m(sqrt(d.k - 1), d.k >= 1),
    C.RayleighDistribution: lambda d: _m(d.sigma),
    C.MaxwellDistribution: lambda d: _m(sqrt(2) * d.a),
    C.NakagamiDistribution: lambda d: _m(sqrt(d.omega * (2 * d.mu - 1) / (2 * d.mu))),
    C.WeibullDistribution: lambda d: _m(d.alpha * ((d.beta - 1) / d.beta) ** (1 / d.beta),
                                        d.beta >= 1),
    C.FrechetDistribution: lambda d: _m(d.m + d.s * (d.a / (1 + d.a)) ** (1 / d.a)),
    C.LogNormalDistribution: lambda d: _m(exp(d.mean - d.std**2)),
    C.GammaInverseDistribution: lambda d: _m(d.b / (d.a + 1)),
    C.LevyDistribution: lambda d: _m(d.mu + d.c / 3),
    C.GaussianInverseDistribution: lambda d: _m(
        d.mean * (sqrt(1 + 9 * d.mean**2 / (4 * d.shape**2)) - 3 * d.mean / (2 * d.shape))),
    C.BetaDistribution: lambda d: _m(_beta_mode(d.alpha, d.beta),
                                     sp.And(d.alpha >= 1, d.beta >= 1)),
    C.KumaraswamyDistribution: _kumaraswamy_mode,
    C.BetaPrimeDistribution: lambda d: _m((d.alpha - 1) / (d.beta + 1), d.alpha >= 1),
    C.FDistributionDistribution: lambda d: _m((d.d1 - 2) / d.d1 * d.d2 / (d.d2 + 2), d.d1 >= 2),
    C.DagumDistribution: lambda d: _m(d.b * ((d.a * d.p - 1) / (d.a + 1)) ** (1 / d.a),
                                      d.a * d.p >= 1),
    C.LogLogisticDistribution: lambda d: _m(
        d.alpha * ((d.beta - 1) / (d.beta + 1)) ** (1 / d.beta), d.beta >= 1),
    C.GompertzDistribution: lambda d: _m(sp.Max(0, -log(d.eta) / d.b)),
    C.ParetoDistribution: lambda d: _m(d.xm),
    C.BoundedParetoDistribution: lambda d: _m(d.left),
    C.LomaxDistribution: lambda d: _m(sp.S.Zero),
    C.ReciprocalDistribution: lambda d: _m(d.a),
    C.PowerFunctionDistribution: lambda d: _m(d.b, d.alpha >= 1),
    # t = b/(x − mu): max of t**(n+1)/(e**t − 1) at (n + 1)(1 − e**(−t)) = t, the principal
    # Lambert W root
    C.DavisDistribution: lambda d: _m(d.mu + d.b / (d.n + 1 + sp.LambertW(
        -(d.n + 1) * exp(-(d.n + 1))))),
    # z = e**(−b x): max of z e**(−eta z)(1 + eta − eta z) at eta² z² − eta(3 + eta) z + 1 + eta = 0
    C.ShiftedGompertzDistribution: lambda d: _m(sp.Max(0, -log(
        (3 + d.eta - sqrt(d.eta**2 + 2 * d.eta + 5)) / (2 * d.eta)) / d.b)),
    C.ArcsinDistribution: _unbounded,
    C.LogCauchyDistribution: _unbounded,
    D.PoissonDistribution: lambda d: _m(sp.floor(d.lamda)),
    D.GeometricDistribution: lambda d: _m(sp.S.One),
    D.NegativeBinomialDistribution: lambda d: _m(
        sp.Max(0, sp.floor((1 - d.p) * (d.r - 1) / d.p))),
    D.LogarithmicDistribution: lambda d: _m(sp.S.One),
    D.ZetaDistribution: lambda d: _m(sp.S.One),
    D.YuleSimonDistribution: lambda d: _m(sp.S.One),
    D.FlorySchulzDistribution: lambda d: _m(sp.floor(1 / d.a)),
    F.BinomialDistribution: lambda d: _m(sp.Min(d.n, sp.floor((d.n + 1) * d.p))),
}


# --- the records -------------------------------------------------------------------------------

_RECORDS: list[Family] = [
    Family(C.ArcsinDistribution, lambda p: [p["a"] < p["b"]], real=("a", "b")),
    Family(C.BeniniDistribution, _pos("alpha", "beta", "sigma"), scale="sigma"),
    Family(C.BetaDistribution, _pos("alpha", "beta")),
    Family(C.BetaNoncentralDistribution,
           lambda p: [p["alpha"] > 0, p["beta"] > 0, p["lamda"] >= 0]),
    Family(C.BetaPrimeDistribution, _pos("alpha", "beta")),
    Family(C.BoundedParetoDistribution,
           lambda p: [p["alpha"] > 0, p["left"] > 0, p["right"] > p["left"]]),
    Family(C.CauchyDistribution, _pos("gamma"), real=("x0",), location="x0", scale="gamma"),
    Family(C.ChiDistribution, _pos("k"), integer=("k",)),
    Family(C.ChiNoncentralDistribution, _pos("k", "l"), integer=("k",)),
    Family(C.ChiSquaredDistribution, _pos("k"), integer=("k",)),
    Family(C.DagumDistribution, _pos("p", "a", "b"), scale="b"),
    Family(C.DavisDistribution, lambda p: [p["b"] > 0, p["n"] > 1, p["mu"] > 0],
           support=lambda d: sp.Interval.open(d.mu, oo), location="mu", scale="b",
           support_note="the pdf is a function of x - mu with exp(b/(x - mu)); SymPy's set "
                        "[0, oo) ignores the location mu"),
    Family(C.ExGaussianDistribution, _pos("std", "rate"), real=("mean",), location="mean"),
    Family(C.ExponentialDistribution, _pos("rate"), rate="rate"),
    Family(C.ExponentialPowerDistribution, _pos("alpha", "beta"), real=("mu",), location="mu",
           scale="alpha"),
    Family(C.FDistributionDistribution, _pos("d1", "d2"), integer=("d1", "d2")),
    Family(C.FisherZDistribution, _pos("d1", "d2")),
    Family(C.FrechetDistribution, _pos("a", "s"), real=("m",),
           support=lambda d: sp.Interval.open(d.m, oo), location="m", scale="s",
           support_note="the pdf is a function of x - m; SymPy's set [0, oo) ignores the "
                        "location m"),
    Family(C.GammaDistribution, _pos("k", "theta"), scale="theta"),
    Family(C.GammaInverseDistribution, _pos("a", "b"), scale="b"),
    Family(C.GaussianInverseDistribution, _pos("mean", "shape")),
    Family(C.GompertzDistribution, _pos("b", "eta"), rate="b"),
    Family(C.GumbelDistribution, _pos("beta"), real=("mu",), location="mu", scale="beta",
           flags=(("minimum", sp.false),)),
    Family(C.KumaraswamyDistribution, _pos("a", "b"), support=lambda d: sp.Interval(0, 1),
           support_note="the pdf a*b*x**(a-1)*(1 - x**a)**(b-1) lives on [0, 1]; SymPy says "
                        "[0, oo)"),
    Family(C.LaplaceDistribution, _pos("b"), real=("mu",), location="mu", scale="b"),
    Family(C.LevyDistribution, _pos("c"), real=("mu",), location="mu", scale="c"),
    Family(C.LogCauchyDistribution, _pos("sigma"), real=("mu",)),
    Family(C.LogisticDistribution, _pos("s"), real=("mu",), location="mu", scale="s"),
    Family(C.LogLogisticDistribution, _pos("alpha", "beta"), scale="alpha"),
    Family(C.LogitNormalDistribution, _pos("s"), real=("mu",)),
    Family(C.LogNormalDistribution, _pos("std"), real=("mean",)),
    Family(C.LomaxDistribution, _pos("alpha", "lamda"), scale="lamda"),
    Family(C.MaxwellDistribution, _pos("a"), scale="a"),
    Family(C.MoyalDistribution, _pos("sigma"), real=("mu",), location="mu", scale="sigma"),
    Family(C.NakagamiDistribution, lambda p: [p["mu"] >= sp.S.Half, p["omega"] > 0]),
    Family(C.NormalDistribution, _pos("std"), real=("mean",), location="mean", scale="std"),
    Family(C.ParetoDistribution, _pos("xm", "alpha"), scale="xm"),
    Family(C.PowerFunctionDistribution, lambda p: [p["alpha"] > 0, p["a"] < p["b"]],
           real=("a", "b")),
    Family(C.QuadraticUDistribution, lambda p: [p["a"] < p["b"]], real=("a", "b")),
    Family(C.RaisedCosineDistribution, _pos("s"), real=("mu",), location="mu", scale="s"),
    Family(C.RayleighDistribution, _pos("sigma"), scale="sigma"),
    Family(C.ReciprocalDistribution, lambda p: [p["a"] > 0, p["a"] < p["b"]]),
    Family(C.ShiftedGompertzDistribution, _pos("b", "eta"), rate="b"),
    Family(C.StudentTDistribution, _pos("nu")),
    Family(C.TrapezoidalDistribution,
           lambda p: [p["a"] <= p["b"], p["b"] < p["c"], p["c"] <= p["d"], p["a"] < p["d"]],
           real=("a", "b", "c", "d")),
    Family(C.TriangularDistribution,
           lambda p: [p["a"] < p["b"], p["a"] <= p["c"], p["c"] <= p["b"]],
           real=("a", "b", "c")),
    Family(C.UniformDistribution, lambda p: [p["left"] < p["right"]], real=("left", "right")),
    Family(C.UniformSumDistribution, _pos("n"), integer=("n",), pieces=_uniform_sum_pieces),
    Family(C.VonMisesDistribution, _pos("k"), real=("mu",)),
    Family(C.WeibullDistribution, _pos("alpha", "beta"), scale="alpha"),
    Family(C.WignerSemicircleDistribution, _pos("R"), scale="R"),
    Family(D.FlorySchulzDistribution, lambda p: [p["a"] > 0, p["a"] < 1]),
    Family(D.GeometricDistribution, lambda p: [p["p"] > 0, p["p"] <= 1]),
    Family(D.HermiteDistribution, _pos("a1", "a2")),
    Family(D.LogarithmicDistribution, lambda p: [p["p"] > 0, p["p"] < 1]),
    Family(D.NegativeBinomialDistribution, lambda p: [p["r"] > 0, p["p"] > 0, p["p"] < 1]),
    Family(D.PoissonDistribution, _pos("lamda")),
    Family(D.SkellamDistribution, _pos("mu1", "mu2")),
    Family(D.YuleSimonDistribution, _pos("rho")),
    Family(D.ZetaDistribution, lambda p: [p["s"] > 1]),
    Family(F.BernoulliDistribution, lambda p: [p["p"] >= 0, p["p"] <= 1]),
    # finite, but read as a countable family when its number of trials n is symbolic
    Family(F.BinomialDistribution, lambda p: [p["n"] >= 0, p["p"] >= 0, p["p"] <= 1],
           integer=("n",), support=lambda d: sp.Range(0, d.n + 1),
           support_note="a finite family: SymPy lists its support only for a numeric n"),
]

FAMILIES: dict[type, Family] = {
    rec.cls: Family(**{**rec.__dict__, "expfamily": EXPFAMILY.get(rec.cls),
                       "expect": EXPECT.get(rec.cls, Expectations()),
                       "pushforward": PUSHFORWARD.get(rec.cls),
                       "symmetric": rec.cls in SYMMETRIC,
                       "convolve": CONVOLVE.get(rec.cls), "mode": MODE.get(rec.cls)})
    for rec in _RECORDS
}


def family_of(obj: Dist | type) -> Family:
    """The record of a distribution (or class): the nearest registered class in its MRO, or an
    empty record (SymPy's own declarations, no known expectations) for anything else.

    >>> from sympy.stats.crv_types import FrechetDistribution
    >>> family_of(FrechetDistribution).location
    'm'
    """
    cls = obj if isinstance(obj, type) else type(obj)
    for c in cls.__mro__:
        if c in FAMILIES:
            return FAMILIES[c]
    return Family(cls)
