r"""Generalised entropies and divergences through one mechanism: the log-normaliser F.

For p(x) = exp(<θ, T(x)> − F(θ) + k(x)) (the family record's :class:`ExpFamily`),

- ∫ p**α q**(1−α) = exp(−J_F^α(θ_p : θ_q)) with the skew Jensen divergence
  J_F^α(θ₁ : θ₂) = α F(θ₁) + (1 − α) F(θ₂) − F(α θ₁ + (1 − α) θ₂), when α θ₁ + (1 − α) θ₂ lies
  in the natural parameter space Θ, and +oo otherwise (Nielsen & Nock 2011, "On Rényi and
  Tsallis entropies and divergences for exponential families", arXiv:1105.3259; the carrier
  cancels). Rényi divergences, the Bhattacharyya coefficient, Hellinger distance, χ² and Amari
  α-divergences are all functions of this one integral.
- ∫ p**α = exp(F(α θ + (α − 1) c) − α F(θ) + (α − 1) k₀) when the carrier is affine in the
  statistics, k(x) = <c, T(x)> + k₀ (derived here: p**α = exp(<αθ + (α − 1)c, T> − αF(θ)
  + (α − 1)k₀ + k)), valid when α θ + (α − 1) c lies in Θ, +oo otherwise. A member whose own
  carrier is not affine (Weibull's (k − 1) log x, Chi's −x²/2...) is read through the larger
  family its record names (``wide``), where it is.

Two distributions share a decomposition when their records give the same statistics, the same
log-normaliser and the same carrier (compared as expressions): then the mechanism applies
across families too (Exponential, ChiSquared and Gamma; Rayleigh, Maxwell, Chi and Nakagami;
Lévy at 0 and GammaInverse).

Rules here return **logarithms** of the integrals (so a Rényi measure is a quotient, never
log(exp(...))); families the mechanism cannot reach have hand rules below (Gil, Alajaji &
Linder 2013, "Rényi divergence measures for commonly used univariate continuous
distributions", Information Sciences 249: 124–131; and integrals derived here, each tested
against quadrature).

>>> from sympy.stats.crv_types import NormalDistribution
>>> mu = sp.Symbol("mu", real=True)
>>> s, a = sp.symbols("sigma alpha", positive=True)
>>> textbook_log(log_power_integral(NormalDistribution(mu, s), a) / (1 - a))
log(sigma) + log(2*pi)/2 + log(alpha)/(2*(alpha - 1))
"""

from __future__ import annotations

import sympy as sp
import sympy.stats.crv_types as C
import sympy.stats.drv_types as D
import sympy.stats.frv_types as F
from sympy import log, loggamma, oo, pi, sqrt
from sympy.stats.rv import Distribution

from ..distributions.continuous import read_univariate
from ..distributions.families import FAMILIES, ExpFamily, family_of
from . import POWER_INTEGRAL, SKEW_INTEGRAL, TOTAL_VARIATION
from .transformed import pullback

Dist = Distribution
NIELSEN = ("Nielsen & Nock (2011), On Rényi and Tsallis entropies and divergences for "
           "exponential families, arXiv:1105.3259")
GIL = ("Gil, Alajaji & Linder (2013), Rényi divergence measures for commonly used univariate "
       "continuous distributions, Information Sciences 249")
HERE = "derived here (tested against quadrature)"


def where(cond: sp.Basic, value: sp.Expr, otherwise: sp.Expr = oo) -> sp.Expr:
    """``value`` where ``cond`` holds, ``otherwise`` elsewhere (a Piecewise only when undecided).

    >>> a = sp.Symbol("a", positive=True)
    >>> where(a > 0, a), where(a < 1, a)
    (a, Piecewise((a, a < 1), (oo, True)))
    """
    cond = {True: sp.true, False: sp.false}.get(cond, cond) if isinstance(cond, bool) else cond
    if cond is sp.true:
        return value
    if cond is sp.false:
        return otherwise
    return sp.Piecewise((value, cond), (otherwise, True))


def decompositions(d: Dist) -> list[ExpFamily]:
    """The exponential-family decompositions the record gives ``d``: its own, then the wider
    family it belongs to (if any)."""
    fam = family_of(d).expfamily
    return [] if fam is None else [e for e in (fam, fam.wide) if e is not None]


def log_power_integral(d: Dist, alpha: sp.Expr) -> sp.Expr | None:
    """log ∫ p**α through the record (see the module docstring); ``None`` when no
    decomposition of ``d`` has a carrier affine in its statistics (Poisson: −log k!)."""
    for dec in decompositions(d):
        terms = dec.carrier_terms(d)
        if terms is None:
            continue
        c, k0 = terms
        theta = dec.theta(d)
        if any(t.is_finite is False for t in theta):
            return None  # a degenerate member (Geometric(1): a point mass)
        shifted = [alpha * t + (alpha - 1) * ci for t, ci in zip(theta, c, strict=True)]
        value = dec.F(d, shifted) - alpha * dec.F(d, theta) + (alpha - 1) * k0
        return where(dec.space(d, shifted), value)
    return None


def _signature(dec: ExpFamily, d: Dist, x: sp.Dummy, thetas: tuple) -> tuple:
    return tuple(dec.T(d, x)), dec.F(d, list(thetas)), dec.carrier(d, x)


def common_decomposition(p: Dist, q: Dist) -> tuple[ExpFamily, ExpFamily] | None:
    """Decompositions of ``p`` and ``q`` in one exponential family (same statistics,
    log-normaliser and carrier), or ``None``.

    >>> from sympy.stats.crv_types import ExponentialDistribution, GammaDistribution
    >>> common_decomposition(ExponentialDistribution(2), GammaDistribution(3, 1)) is not None
    True
    """
    x = sp.Dummy("x", positive=True)
    for dp in decompositions(p):
        n = len(dp.theta(p))
        thetas = sp.symbols(f"theta0:{n}", cls=sp.Dummy)
        mine = _signature(dp, p, x, thetas)
        for dq in decompositions(q):
            if len(dq.theta(q)) == n and _signature(dq, q, x, thetas) == mine:
                return dp, dq
    return None


def _in_unit_interval(alpha: sp.Expr) -> bool:
    return bool(alpha.is_positive and (1 - alpha).is_positive)


def skew_jensen(p: Dist, q: Dist, alpha: sp.Expr) -> tuple[sp.Expr, sp.Basic] | None:
    """(J_F^α(θ_p : θ_q), the condition that α θ_p + (1 − α) θ_q lies in Θ), or ``None`` when
    ``p`` and ``q`` share no decomposition. For 0 < α < 1 the condition always holds (Θ is
    convex)."""
    found = common_decomposition(p, q)
    if found is None:
        return None
    dp, dq = found
    t1, t2 = dp.theta(p), dq.theta(q)
    if any(t.is_finite is False for t in (*t1, *t2)):
        return None  # a degenerate member (Geometric(1): a point mass)
    mixed = [alpha * a + (1 - alpha) * b for a, b in zip(t1, t2, strict=True)]
    J = alpha * dp.F(p, t1) + (1 - alpha) * dp.F(p, t2) - dp.F(p, mixed)
    cond = sp.true if _in_unit_interval(alpha) else dp.space(p, mixed)
    return J, cond


def log_skew_integral(p: Dist, q: Dist, alpha: sp.Expr) -> sp.Expr | None:
    """log ∫ p**α q**(1−α) = −J_F^α(θ_p : θ_q) where α θ_p + (1 − α) θ_q ∈ Θ, +oo elsewhere."""
    found = skew_jensen(p, q, alpha)
    return None if found is None else where(found[1], -found[0])


# --- the mechanism as rules (any distribution whose record has a decomposition) -----------------


@POWER_INTEGRAL.register(Distribution, source=NIELSEN,
                         conditions="alpha*theta + (alpha - 1)*c in the natural parameter space")
def power_expfamily(d: Dist, alpha: sp.Expr) -> sp.Expr | None:
    return log_power_integral(d, alpha)


@SKEW_INTEGRAL.register(Distribution, Distribution, source=NIELSEN,
                        conditions="alpha*theta_P + (1 - alpha)*theta_Q in the natural "
                                   "parameter space")
def skew_expfamily(p: Dist, q: Dist, alpha: sp.Expr) -> sp.Expr | None:
    return log_skew_integral(p, q, alpha)


# --- hand rules for log ∫ p**α where the mechanism cannot reach (not exponential families) ------


def _lbeta(a: sp.Expr, b: sp.Expr) -> sp.Expr:
    return loggamma(a) + loggamma(b) - loggamma(a + b)


@POWER_INTEGRAL.register(C.UniformDistribution, source=GIL)
def power_uniform(d: Dist, a: sp.Expr) -> sp.Expr:
    return (1 - a) * log(d.right - d.left)


@POWER_INTEGRAL.register(C.CauchyDistribution, source=HERE, conditions="alpha > 1/2")
def power_cauchy(d: Dist, a: sp.Expr) -> sp.Expr:
    # ∫ (1 + z**2)**(-a) dz = sqrt(pi) Γ(a - 1/2)/Γ(a)
    g = d.gamma
    value = -a * log(pi * g) + log(g) + log(pi) / 2 + loggamma(a - sp.S.Half) - loggamma(a)
    return where(a > sp.S.Half, value)


@POWER_INTEGRAL.register(C.StudentTDistribution, source=HERE,
                         conditions="alpha*(nu + 1) > 1")
def power_student_t(d: Dist, a: sp.Expr) -> sp.Expr:
    nu = d.nu
    value = (-a * (log(nu) / 2 + _lbeta(sp.S.Half, nu / 2)) + log(nu) / 2
             + _lbeta(sp.S.Half, (a * (nu + 1) - 1) / 2))
    return where(a * (nu + 1) > 1, value)


@POWER_INTEGRAL.register(C.LogisticDistribution, source=HERE)
def power_logistic(d: Dist, a: sp.Expr) -> sp.Expr:
    return (1 - a) * log(d.s) + _lbeta(a, a)


@POWER_INTEGRAL.register(C.TriangularDistribution, source=HERE)
def power_triangular(d: Dist, a: sp.Expr) -> sp.Expr:
    # each side rises linearly to the height 2/(b - a): ∫ = (2/(b - a))**a (b - a)/(a + 1)
    width = d.b - d.a
    return a * log(2 / width) + log(width) - log(a + 1)


@POWER_INTEGRAL.register(C.PowerFunctionDistribution, source=HERE,
                         conditions="alpha*(shape - 1) + 1 > 0")
def power_power_function(d: Dist, a: sp.Expr) -> sp.Expr:
    s, width = d.alpha, d.b - d.a
    return where(a * (s - 1) + 1 > 0, a * log(s) + (1 - a) * log(width) - log(a * (s - 1) + 1))


@POWER_INTEGRAL.register(C.ArcsinDistribution, source=HERE, conditions="alpha < 2")
def power_arcsin(d: Dist, a: sp.Expr) -> sp.Expr:
    u = 1 - a / 2
    return where(a < 2, -a * log(pi) + (1 - a) * log(d.b - d.a) + _lbeta(u, u))


@POWER_INTEGRAL.register(C.QuadraticUDistribution, source=HERE)
def power_quadratic_u(d: Dist, a: sp.Expr) -> sp.Expr:
    width = d.b - d.a
    return a * log(12 / width**3) + log(2) + (2 * a + 1) * log(width / 2) - log(2 * a + 1)


@POWER_INTEGRAL.register(C.KumaraswamyDistribution, source=HERE,
                         conditions="(alpha*(a - 1) + 1)/a > 0 and alpha*(b - 1) + 1 > 0")
def power_kumaraswamy(d: Dist, q: sp.Expr) -> sp.Expr:
    a, b = d.a, d.b
    u, v = (q * (a - 1) + 1) / a, q * (b - 1) + 1
    return where(sp.And(u > 0, v > 0), q * log(a * b) - log(a) + _lbeta(u, v))


@POWER_INTEGRAL.register(C.BetaPrimeDistribution, source=HERE,
                         conditions="alpha*(a - 1) + 1 > 0 and alpha*(b + 1) > 1")
def power_beta_prime(d: Dist, q: sp.Expr) -> sp.Expr:
    a, b = d.alpha, d.beta
    u, v = q * (a - 1) + 1, q * (b + 1) - 1
    return where(sp.And(u > 0, v > 0), -q * _lbeta(a, b) + _lbeta(u, v))


@POWER_INTEGRAL.register(C.LogLogisticDistribution, source=HERE,
                         conditions="0 < (alpha*(beta - 1) + 1)/beta < 2*alpha")
def power_log_logistic(d: Dist, q: sp.Expr) -> sp.Expr:
    s, b = d.alpha, d.beta
    m = (q * (b - 1) + 1) / b
    return where(sp.And(m > 0, 2 * q - m > 0),
                 (q - 1) * log(b) + (1 - q) * log(s) + _lbeta(m, 2 * q - m))


@POWER_INTEGRAL.register(C.LomaxDistribution, source=HERE, conditions="alpha*(a + 1) > 1")
def power_lomax(d: Dist, q: sp.Expr) -> sp.Expr:
    a, lam = d.alpha, d.lamda
    return where(q * (a + 1) > 1, q * log(a) + (1 - q) * log(lam) - log(q * (a + 1) - 1))


@POWER_INTEGRAL.register(C.ExponentialPowerDistribution, source=HERE)
def power_exponential_power(d: Dist, q: sp.Expr) -> sp.Expr:
    # ∫ exp(-q |z/alpha|**beta) dz = 2 alpha Γ(1/beta) / (beta q**(1/beta))
    return (1 - q) * log(2 * d.alpha * sp.gamma(1 / d.beta) / d.beta) - log(q) / d.beta


@POWER_INTEGRAL.register(C.ReciprocalDistribution, source=HERE)
def power_reciprocal(d: Dist, q: sp.Expr) -> sp.Expr:
    # ∫_a^b x**(-q) dx / log(b/a)**q; the order 1 is the Shannon limit, taken elsewhere
    a, r = d.a, d.b / d.a
    return (1 - q) * log(a) - q * log(log(r)) + log((r ** (1 - q) - 1) / (1 - q))


@POWER_INTEGRAL.register(C.BoundedParetoDistribution, source=HERE)
def power_bounded_pareto(d: Dist, q: sp.Expr) -> sp.Expr:
    # c**q ∫_L^H x**(-q(alpha + 1)) dx, c = alpha L**alpha / (1 - (L/H)**alpha)
    s, lo, hi = d.alpha, d.left, d.right
    e = 1 - q * (s + 1)
    head = q * log(s * lo**s / (1 - (lo / hi) ** s))
    return where(sp.Ne(e, 0), head + log((hi**e - lo**e) / e), head + log(log(hi / lo)))


@POWER_INTEGRAL.register(C.WignerSemicircleDistribution, source=HERE)
def power_wigner(d: Dist, q: sp.Expr) -> sp.Expr:
    # ∫_{-R}^{R} (R**2 - x**2)**(q/2) dx = R**(q + 1) B(1/2, q/2 + 1)
    R = d.R
    return q * log(2 / (pi * R**2)) + (q + 1) * log(R) + _lbeta(sp.S.Half, q / 2 + 1)


@POWER_INTEGRAL.register(C.FDistributionDistribution, source=HERE,
                         conditions="alpha*(d1/2 - 1) + 1 > 0 and alpha*(d2/2 + 1) > 1")
def power_f(d: Dist, q: sp.Expr) -> sp.Expr:
    # X = (d2/d1) Y with Y ~ BetaPrime(d1/2, d2/2)
    a, b = d.d1 / 2, d.d2 / 2
    u, v = q * (a - 1) + 1, q * (b + 1) - 1
    return where(sp.And(u > 0, v > 0),
                 (1 - q) * log(d.d2 / d.d1) - q * _lbeta(a, b) + _lbeta(u, v))


@POWER_INTEGRAL.register(C.DagumDistribution, source=HERE,
                         conditions="0 < (alpha*(a*p - 1) + 1)/a < alpha*(p + 1)")
def power_dagum(d: Dist, q: sp.Expr) -> sp.Expr:
    # t = (x/b)**a: (a p)**q b**(1 - q) / a * B(m, q(p + 1) - m), m = (q(a p - 1) + 1)/a
    p, a, b = d.p, d.a, d.b
    m = (q * (a * p - 1) + 1) / a
    n = q * (p + 1) - m
    return where(sp.And(m > 0, n > 0), q * log(a * p) + (1 - q) * log(b) - log(a) + _lbeta(m, n))


@POWER_INTEGRAL.register(C.MoyalDistribution, source=HERE)
def power_moyal(d: Dist, q: sp.Expr) -> sp.Expr:
    # u = exp(-z): ∫ exp(-q (z + e**(-z))/2) dz = Γ(q/2) (q/2)**(-q/2)
    s = d.sigma
    return (-q * log(sqrt(2 * pi) * s) + log(s) + loggamma(q / 2) - q / 2 * log(q / 2))


@POWER_INTEGRAL.register(C.FisherZDistribution, source=HERE)
def power_fisher_z(d: Dist, q: sp.Expr) -> sp.Expr:
    # y = e**(2z) ~ F(d1, d2): 2**(q - 1) B(a, b)**(-q) B(q a, q b), a = d1/2, b = d2/2
    a, b = d.d1 / 2, d.d2 / 2
    return (q - 1) * log(2) - q * _lbeta(a, b) + _lbeta(q * a, q * b)


@POWER_INTEGRAL.register(C.TrapezoidalDistribution, source=HERE)
def power_trapezoidal(d: Dist, q: sp.Expr) -> sp.Expr:
    # height h = 2/(d + c - a - b) on [b, c]; each linear side adds h**q width/(q + 1)
    a, b, c, e = d.a, d.b, d.c, d.d
    h = 2 / (e + c - a - b)
    return q * log(h) + log((b - a + e - c) / (q + 1) + c - b)


@POWER_INTEGRAL.register(C.GompertzDistribution, source=HERE)
def power_gompertz(d: Dist, q: sp.Expr) -> sp.Expr:
    # u = e**(b x): b**(q - 1) eta**q e**(q eta) ∫_1^oo u**(q - 1) e**(-q eta u) du
    b, eta = d.b, d.eta
    return (q - 1) * log(b) + q * eta - q * log(q) + log(sp.uppergamma(q, q * eta))


@POWER_INTEGRAL.register(C.RaisedCosineDistribution, source=HERE)
def power_raised_cosine(d: Dist, q: sp.Expr) -> sp.Expr:
    # 1 + cos t = 2 cos(t/2)**2: ∫ = s**(1 - q) (2/sqrt(pi)) Γ(q + 1/2)/Γ(q + 1)
    return ((1 - q) * log(d.s) + log(2) - log(pi) / 2 + loggamma(q + sp.S.Half)
            - loggamma(q + 1))


@POWER_INTEGRAL.register(C.LogCauchyDistribution, source=HERE,
                         conditions="+oo for every order but 1")
def power_log_cauchy(d: Dist, q: sp.Expr) -> sp.Expr:
    # p ~ sigma/(pi x log(x)**2) at 0 and at oo: ∫ p**q diverges at 0 for q > 1 and at oo
    # for q < 1
    return where(sp.Ne(q, 1), oo, sp.S.Zero)


@POWER_INTEGRAL.register(D.GeometricDistribution, source=HERE,
                         conditions="the point mass p = 1 only (else the log-normaliser)")
def power_geometric_point_mass(d: Dist, q: sp.Expr) -> sp.Expr | None:
    return sp.S.Zero if d.p == 1 else None


@POWER_INTEGRAL.register(D.LogarithmicDistribution, source=HERE)
def power_logarithmic(d: Dist, q: sp.Expr) -> sp.Expr:
    # Σ p**(q k)/k**q = Li_q(p**q)
    p = d.p
    return -q * log(-log(1 - p)) + log(sp.polylog(q, p**q))


@POWER_INTEGRAL.register(D.ZetaDistribution, source=HERE, conditions="alpha*s > 1")
def power_zeta(d: Dist, q: sp.Expr) -> sp.Expr:
    s = d.s
    return where(q * s > 1, log(sp.zeta(q * s)) - q * log(sp.zeta(s)))


@POWER_INTEGRAL.register(D.FlorySchulzDistribution, source=HERE)
def power_flory_schulz(d: Dist, q: sp.Expr) -> sp.Expr:
    # Σ a**(2q) k**q (1 - a)**(q(k - 1)) = a**(2q) (1 - a)**(-q) Li_{-q}((1 - a)**q)
    a = d.a
    return 2 * q * log(a) - q * log(1 - a) + log(sp.polylog(-q, (1 - a) ** q))


#: integer orders up to this read Σ p**n as a generalised hypergeometric function
HYPER_ORDERS = 8


def _integer_order(q: sp.Expr) -> int | None:
    return int(q) if q.is_Integer and 2 <= q <= HYPER_ORDERS else None


@POWER_INTEGRAL.register(D.PoissonDistribution, source=HERE,
                         conditions="integer orders 2..8 (else declines: not closed)")
def power_poisson(d: Dist, q: sp.Expr) -> sp.Expr | None:
    # Σ (e**(−λ) λ**k/k!)**n = e**(−nλ) 0F(n−1)(; 1, ..., 1; λ**n); n = 2: I_0(2λ)
    n = _integer_order(q)
    if n is None:
        return None
    lam = d.lamda
    return -n * lam + log(sp.hyperexpand(sp.hyper([], [1] * (n - 1), lam**n)))


@POWER_INTEGRAL.register(D.NegativeBinomialDistribution, source=HERE,
                         conditions="integer orders 2..8 (else declines: not closed)")
def power_negative_binomial(d: Dist, q: sp.Expr) -> sp.Expr | None:
    # binomial(k + r − 1, k) = (r)_k/k!: Σ p**(nr) ((r)_k/k!)**n (1 − p)**(nk)
    #   = p**(nr) nF(n−1)(r, ..., r; 1, ..., 1; (1 − p)**n)
    n = _integer_order(q)
    if n is None:
        return None
    r, p = d.r, d.p
    return n * r * log(p) + log(sp.hyper([r] * n, [1] * (n - 1), (1 - p) ** n))


@POWER_INTEGRAL.register(F.BinomialDistribution, source=HERE,
                         conditions="integer orders 2..8 (else declines: not closed)")
def power_binomial(d: Dist, q: sp.Expr) -> sp.Expr | None:
    # binomial(n, k) = (−1)**k (−n)_k/k!: Σ binomial(n, k)**m p**(mk) (1 − p)**(m(n − k))
    #   = (1 − p)**(mn) mF(m−1)(−n, ..., −n; 1, ..., 1; (−1)**m (p/(1 − p))**m) (terminating)
    m = _integer_order(q)
    if m is None:
        return None
    n, p = d.n, d.p
    z = (-1) ** m * (p / (1 - p)) ** m
    return where(sp.Ne(p, 1), m * n * log(1 - p) + log(sp.hyper([-n] * m, [1] * (m - 1), z)),
                 sp.S.Zero)


@POWER_INTEGRAL.register(C.UniformSumDistribution, source=HERE,
                         conditions="numeric n <= 12 and integer orders 2..8 (else declines)")
def power_uniform_sum(d: Dist, q: sp.Expr) -> sp.Expr | None:
    # the Irwin-Hall density is a polynomial on each [j, j + 1]: ∫ p**m is exact and rational
    m = _integer_order(q)
    x = sp.Dummy("x")
    pieces = read_univariate(d).pieces(x) if d.n.is_Integer and d.n <= 12 else None
    if m is None or pieces is None:
        return None
    total = sp.S.Zero
    for f, a, b in pieces:
        antiderivative = sp.Poly(f**m, x).integrate().as_expr()
        total += antiderivative.subs(x, b) - antiderivative.subs(x, a)
    return log(total)


# --- hand rules for log ∫ p**α q**(1−α) ----------------------------------------------------------


@SKEW_INTEGRAL.register(C.UniformDistribution, C.UniformDistribution, source=GIL,
                        conditions="+oo for alpha > 1 unless [a1, b1] lies in [a2, b2]")
def skew_uniform(p: Dist, q: Dist, a: sp.Expr) -> sp.Expr:
    l1, l2 = p.right - p.left, q.right - q.left
    overlap = sp.Max(0, sp.Min(p.right, q.right) - sp.Max(p.left, q.left))
    inside = sp.And(q.left <= p.left, p.right <= q.right)
    value = where(overlap > 0, log(overlap) - a * log(l1) - (1 - a) * log(l2), -oo)
    if (a - 1).is_nonpositive:
        return value
    return where(sp.Or(inside, a < 1), value)


CAUCHY_SOURCE = ("derived here: ∫ p**α q**(1−α) = P_(α−1)(1 + χ²), a Legendre function, with "
                 "χ² = ((x0₁ − x0₂)² + (γ₁ − γ₂)²)/(2γ₁γ₂) (every f-divergence between two "
                 "Cauchy densities is a function of χ²: Nielsen & Okamura (2022), On "
                 "f-divergences between Cauchy distributions, IEEE Trans. Inf. Theory 69(5))")


def cauchy_chi_square(p: Dist, q: Dist) -> sp.Expr:
    """Pearson χ²(P ‖ Q) between two Cauchy laws (Nielsen & Okamura 2022): symmetric in P, Q.

    >>> from sympy.stats.crv_types import CauchyDistribution
    >>> cauchy_chi_square(CauchyDistribution(0, 1), CauchyDistribution(1, 2))
    1/2
    """
    return ((p.x0 - q.x0) ** 2 + (p.gamma - q.gamma) ** 2) / (2 * p.gamma * q.gamma)


@SKEW_INTEGRAL.register(C.CauchyDistribution, C.CauchyDistribution, source=CAUCHY_SOURCE,
                        conditions="finite for every order (both tails are x**(-2))")
def skew_cauchy(p: Dist, q: Dist, a: sp.Expr) -> sp.Expr:
    # P_ν(z) = 2F1(−ν, ν + 1; 1; (1 − z)/2); ν = α − 1, z = 1 + χ²; a polynomial in χ² for an
    # integer order (expanded up to degree 8), (2/π) K(−χ²/2) at α = 1/2 (the Bhattacharyya
    # coefficient)
    z = -cauchy_chi_square(p, q) / 2
    if a.is_integer and abs(a) <= 8:
        return log(sp.hyperexpand(sp.hyper([a, 1 - a], [1], z)))
    if a == sp.S.Half:
        return log(2 * sp.elliptic_k(z) / pi)
    return log(sp.hyper([a, 1 - a], [1], z))


def _laplace_log_skew(p: Dist, q: Dist, a: sp.Expr) -> sp.Expr:
    # ∫ exp(−u|x − μ₁| − v|x − μ₂|) over the three pieces cut by μ₁, μ₂ (u = α/b₁,
    # v = (1 − α)/b₂, Δ = |μ₁ − μ₂|): 2(v e^(−uΔ) − u e^(−vΔ))/(v² − u²), Δ e^(−uΔ)(1 + uΔ)/u
    # at u = v; finite iff u + v > 0
    u, v, gap = a / p.b, (1 - a) / q.b, sp.Abs(p.mu - q.mu)
    head = -a * log(2 * p.b) + (a - 1) * log(2 * q.b)
    general = log(2 * (v * sp.exp(-u * gap) - u * sp.exp(-v * gap)) / (v**2 - u**2))
    equal = log((1 + u * gap) / u) - u * gap
    return where(u + v > 0, head + where(sp.Ne(u, v), general, equal))


@SKEW_INTEGRAL.register(C.LaplaceDistribution, C.LaplaceDistribution, source=GIL + "; " + HERE,
                        conditions="alpha*b_Q + (1 - alpha)*b_P > 0; declines for equal "
                                   "locations (the log-normaliser mechanism)")
def skew_laplace(p: Dist, q: Dist, a: sp.Expr) -> sp.Expr | None:
    return None if p.mu == q.mu else _laplace_log_skew(p, q, a)


@SKEW_INTEGRAL.register(C.ParetoDistribution, C.ParetoDistribution, source=GIL + "; " + HERE,
                        conditions="alpha*a_P + (1 - alpha)*a_Q > 0; +oo for alpha > 1 when "
                                   "xm_P < xm_Q; declines for equal xm (the mechanism)")
def skew_pareto(p: Dist, q: Dist, a: sp.Expr) -> sp.Expr | None:
    # ∫_M^oo A x**(−s − 1) dx = A M**(−s)/s, M = max(xm), s = α a_P + (1 − α) a_Q
    if p.xm == q.xm:
        return None
    m1, a1, m2, a2 = p.xm, p.alpha, q.xm, q.alpha
    s, top = a * a1 + (1 - a) * a2, sp.Max(m1, m2)
    value = (a * log(a1 * m1**a1) + (1 - a) * log(a2 * m2**a2) - s * log(top) - log(s))
    value = where(s > 0, value)
    if (a - 1).is_nonpositive:
        return value
    return where(sp.Or(m2 <= m1, a < 1), value)


@SKEW_INTEGRAL.register(C.WeibullDistribution, C.WeibullDistribution, source=HERE,
                        conditions="shapes k_P != k_Q: +oo for alpha > 1 and k_Q > k_P, "
                                   "else declines (no closed form)")
def skew_weibull(p: Dist, q: Dist, a: sp.Expr) -> sp.Expr | None:
    # exp(−α(x/λ₁)**k₁ + (α − 1)(x/λ₂)**k₂) grows without bound when α > 1 and k₂ > k₁; with
    # two different powers of x in the exponent the integral is not elementary (a Wright/Fox H
    # function), so the other cases are left to the honest integral
    if p.beta == q.beta:
        return None
    return oo if sp.And(a > 1, q.beta > p.beta) is sp.true else None


INVARIANCE = ("invariance of f-divergences under a bijection (Liese & Vajda 2006, On "
              "divergences and informations in statistics and information theory, IEEE Trans. "
              "Inf. Theory 52(10)): ∫ p**α q**(1−α) of g(P₀), g(Q₀) is that of P₀, Q₀")


def skew_pushforward(p: Dist, q: Dist, a: sp.Expr) -> sp.Expr | None:
    """log ∫ p**α q**(1−α) of two laws of g(Y), g the record's bijection, from their bases.

    >>> from sympy.stats.crv_types import LogitNormalDistribution as L
    >>> skew_pushforward(L(0, 1), L(1, 1), sp.Integer(2))
    1
    """
    pulled = pullback(p, q)
    hit = None if pulled is None else SKEW_INTEGRAL.apply(*pulled, params=(a,))
    return None if hit is None else hit[0]


# the families the record gives as a bijection's image and no decomposition of their own (with
# one, the log-normaliser mechanism already applies)
for _cls, _rec in FAMILIES.items():
    if _rec.pushforward is not None and _rec.expfamily is None:
        SKEW_INTEGRAL.register(_cls, _cls, source=INVARIANCE,
                               conditions="as for the base family")(skew_pushforward)


# countable families whose pairs are exponential families in k (derived here): the sum is a
# zeta function, a logarithm or a derivative of the geometric series


@SKEW_INTEGRAL.register(D.ZetaDistribution, D.ZetaDistribution, source=HERE,
                        conditions="alpha*s_P + (1 - alpha)*s_Q > 1")
def skew_zeta(p: Dist, q: Dist, a: sp.Expr) -> sp.Expr:
    t = a * p.s + (1 - a) * q.s
    return where(t > 1, log(sp.zeta(t)) - a * log(sp.zeta(p.s)) - (1 - a) * log(sp.zeta(q.s)))


@SKEW_INTEGRAL.register(D.LogarithmicDistribution, D.LogarithmicDistribution, source=HERE,
                        conditions="p_P**alpha p_Q**(1 - alpha) < 1")
def skew_logarithmic(p: Dist, q: Dist, a: sp.Expr) -> sp.Expr:
    # Σ r**k/k = −log(1 − r), r = p_P**α p_Q**(1−α)
    r = p.p**a * q.p ** (1 - a)
    value = log(-log(1 - r)) - a * log(-log(1 - p.p)) - (1 - a) * log(-log(1 - q.p))
    return where(r < 1, value)


@SKEW_INTEGRAL.register(D.FlorySchulzDistribution, D.FlorySchulzDistribution, source=HERE,
                        conditions="(1 - a_P)**alpha (1 - a_Q)**(1 - alpha) < 1")
def skew_flory_schulz(p: Dist, q: Dist, a: sp.Expr) -> sp.Expr:
    # Σ k c**(k − 1) = 1/(1 − c)**2, c = (1 − a_P)**α (1 − a_Q)**(1−α)
    c = (1 - p.a) ** a * (1 - q.a) ** (1 - a)
    return where(c < 1, 2 * a * log(p.a) + 2 * (1 - a) * log(q.a) - 2 * log(1 - c))


@SKEW_INTEGRAL.register(D.GeometricDistribution, D.GeometricDistribution, source=HERE,
                        conditions="a point mass Geometric(1) (else the log-normaliser)")
def skew_geometric_point_mass(p: Dist, q: Dist, a: sp.Expr) -> sp.Expr | None:
    # Geometric(1) is the point mass at 1, where the other pmf is its p
    if p.p == 1:
        return (1 - a) * log(q.p)
    if q.p == 1:  # P has mass beyond 1, where Q has none
        value = a * log(p.p)
        return value if (a - 1).is_nonpositive else where(a < 1, value)
    return None


# --- total variation ½ ∫ |p − q| where it closes: densities that cross once, at x*, give
# |F_P(x*) − F_Q(x*)| ------------------------------------------------------------------------------


@TOTAL_VARIATION.register(C.NormalDistribution, C.NormalDistribution, source=HERE,
                          conditions="one crossing at equal standard deviations, else two")
def tv_normal(p: Dist, q: Dist) -> sp.Expr:
    """Equal σ: the densities cross once, at the midpoint. Unequal σ: log p − log q is a
    quadratic in x with two real roots r₋, r₊ (its discriminant is positive), p − q keeps one
    sign between them and the other outside, so TV = |P([r₋, r₊]) − Q([r₋, r₊])| (either
    order of the roots, through the Abs)."""
    (m1, s1), (m2, s2) = (p.mean, p.std), (q.mean, q.std)
    equal = sp.erf(sp.Abs(m1 - m2) / (2 * sp.sqrt(2) * s1))
    if s1 == s2:
        return equal
    x = sp.Dummy("x", real=True)
    a, b, c = (sp.expand((x - m2) ** 2 / (2 * s2**2) - (x - m1) ** 2 / (2 * s1**2)
                         + log(s2 / s1)).coeff(x, k) for k in (2, 1, 0))
    root = sp.sqrt(b**2 - 4 * a * c)
    ends = [(-b - root) / (2 * a), (-b + root) / (2 * a)]

    def mass(m: sp.Expr, s: sp.Expr) -> sp.Expr:
        return (sp.erf((ends[1] - m) / (sp.sqrt(2) * s))
                - sp.erf((ends[0] - m) / (sp.sqrt(2) * s))) / 2
    return where(sp.Ne(s1, s2), sp.Abs(mass(m1, s1) - mass(m2, s2)), equal)


@TOTAL_VARIATION.register(C.CauchyDistribution, C.CauchyDistribution,
                          source="Nielsen & Okamura (2022), On f-divergences between Cauchy "
                                 "distributions, IEEE Trans. Inf. Theory 69(5), Thm 3 (checked "
                                 "here by quadrature)")
def tv_cauchy(p: Dist, q: Dist) -> sp.Expr:
    """(2/π) arctan √(((μ₁ − μ₂)² + (γ₁ − γ₂)²)/(4 γ₁ γ₂)): a function of the χ² divergence,
    as every f-divergence between Cauchy laws is."""
    (m1, g1), (m2, g2) = p.args, q.args
    return 2 / pi * sp.atan(sp.sqrt(((m1 - m2) ** 2 + (g1 - g2) ** 2) / (4 * g1 * g2)))


@TOTAL_VARIATION.register(C.ExponentialDistribution, C.ExponentialDistribution, source=HERE)
def tv_exponential(p: Dist, q: Dist) -> sp.Expr:
    a, b = p.rate, q.rate
    cross = log(a / b) / (a - b)  # the densities cross once, at x*
    return where(sp.Ne(a, b), sp.Abs(sp.exp(-a * cross) - sp.exp(-b * cross)), sp.S.Zero)


@TOTAL_VARIATION.register(C.UniformDistribution, C.UniformDistribution, source=HERE)
def tv_uniform(p: Dist, q: Dist) -> sp.Expr:
    l1, l2 = p.right - p.left, q.right - q.left
    overlap = sp.Max(0, sp.Min(p.right, q.right) - sp.Max(p.left, q.left))
    return 1 - overlap / sp.Max(l1, l2)


@TOTAL_VARIATION.register(D.PoissonDistribution, D.PoissonDistribution, source=HERE)
def tv_poisson(p: Dist, q: Dist) -> sp.Expr:
    # p_P/p_Q decreases in k when lambda_P < lambda_Q: the pmfs cross once, at
    # k* = (lambda_Q - lambda_P)/log(lambda_Q/lambda_P); TV = |P(X <= n) - Q(Y <= n)|, n = floor k*
    a, b = p.lamda, q.lamda
    n = sp.floor((b - a) / log(b / a))
    cdf = [sp.uppergamma(n + 1, lam) / sp.factorial(n) for lam in (a, b)]
    return where(sp.Ne(a, b), sp.Abs(cdf[0] - cdf[1]), sp.S.Zero)


# --- min-entropy: −log sup p, from the mode the family record gives --------------------------


def _positive_part(rel: sp.Basic) -> tuple[sp.Expr, bool] | None:
    """(e, strict) with ``rel`` ⟺ e > 0 (strict) or e >= 0, for an inequality."""
    kinds = {sp.StrictGreaterThan: (1, True), sp.GreaterThan: (1, False),
             sp.StrictLessThan: (-1, True), sp.LessThan: (-1, False)}
    if type(rel) not in kinds:
        return None
    sign, strict = kinds[type(rel)]
    return sign * (rel.lhs - rel.rhs), strict


def _settle(expr: sp.Expr, relations: tuple) -> sp.Expr:
    """Inequalities in ``expr`` that the domain relations decide (a positive multiple of a
    relation's e, with the strictness it needs) replaced by true/false: the Piecewise branch of
    a density that holds at its mode (Trapezoidal's flat top, given b < c)."""
    facts = [f for f in (_positive_part(r) for r in relations if isinstance(r, sp.Basic))
             if f is not None]

    def implied(rel: sp.Basic) -> bool:
        found = _positive_part(rel)
        if found is None:
            return False
        e, strict = found
        return any((r := sp.cancel(e / f)).is_number and r.is_positive and (fs or not strict)
                   for f, fs in facts)

    def decide(rel: sp.Basic) -> sp.Basic:
        return sp.true if implied(rel) else sp.false if implied(rel.negated) else rel

    return expr.replace(lambda e: _positive_part(e) is not None, decide)


def log_sup_density(d: Dist) -> sp.Expr | None:
    """log sup p (log max of a pmf) from the record's ``mode``: +oo where the density is
    unbounded; ``None`` when the record knows no mode. The min-entropy (Rényi entropy of
    order oo) is its negative (Rényi 1961).

    >>> from sympy.stats.crv_types import GammaDistribution
    >>> k, th = sp.symbols("k theta", positive=True)
    >>> log_sup_density(GammaDistribution(2, th))
    -log(theta) - 1
    >>> log_sup_density(GammaDistribution(sp.S.Half, th))
    oo
    """
    record = family_of(d)
    found = None if record.mode is None else record.mode(d)
    if found is None:
        return None
    if found.finite is sp.false:
        return oo
    view = read_univariate(d)
    x = sp.Dummy("x", positive=True) if view.bounds[0].is_nonnegative else sp.Dummy("x",
                                                                                     real=True)
    # x**c/x merged into x**(c - 1), so an end-point mode (F(2, d2) at 0) reads 0**0 = 1
    density = sp.powsimp(sp.expand_power_base(view.density_at(x)), combine="exp")
    modes = found.value.args if isinstance(found.value, sp.Piecewise) else [(found.value, sp.true)]
    branches = []
    for mode, cond in modes:  # a mode given by cases: the density read at each
        value = _settle(density.subs(x, mode), record.relations(d))
        if value.has(sp.nan, sp.zoo):
            return None
        branches.append((sp.expand_log(log(value), force=False), cond))
    value = branches[0][0] if len(branches) == 1 else sp.Piecewise(*branches)
    return where(found.finite, value)


# --- textbook form -------------------------------------------------------------------------------

#: larger results are left as they are (factor and together are polynomial algebra)
TEXTBOOK_OPS = 400


def _split_log(arg: sp.Expr) -> sp.Expr:
    """log(arg) for a positive ``arg`` as a sum of logarithms of its factors: a factor known
    to be positive splits off (the rest is then positive too); a quotient N/D splits when N or
    D is known positive (the other then is too)."""
    if arg.is_positive is False or not arg.free_symbols:
        return log(arg)
    num, den = sp.fraction(sp.factor(sp.together(arg)))
    if num.is_negative or den.is_negative:
        num, den = -num, -den
    if not (num.is_positive or den.is_positive):
        return log(arg)
    out = []
    for part, sign in ((num, 1), (den, -1)):
        known = [f for f in sp.Mul.make_args(part) if f.is_positive]
        others = sp.Mul(*[f for f in sp.Mul.make_args(part) if not f.is_positive])
        out.extend(sign * log(f) for f in known)
        if others != 1:
            out.append(sign * log(sp.expand(others)))
    return sp.Add(*out)


def as_powers(expr: sp.Expr) -> sp.Expr:
    """exp(c log b + r) as b**c exp(r), everywhere in ``expr`` (exact: b**c is exp(c log b)).

    >>> a, lam = sp.symbols("alpha lambda", positive=True)
    >>> as_powers(sp.exp(a * sp.log(lam) - lam))
    lambda**alpha*exp(-lambda)
    """
    def split(e: sp.exp) -> sp.Expr:
        out, rest = [], []
        for term in sp.Add.make_args(sp.expand(e.args[0])):
            logs = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.log)]
            if len(logs) == 1:
                out.append(logs[0].args[0] ** (term / logs[0]))
            else:
                rest.append(term)
        return sp.Mul(*out) * sp.exp(sp.Add(*rest))

    return expr.replace(lambda e: isinstance(e, sp.exp) and e.args[0].has(sp.log), split)


def textbook_log(expr: sp.Expr) -> sp.Expr:
    """An equal, shorter form of a sum of logarithms and rational terms (a log-normaliser
    difference): the rational part over one denominator, logarithms grouped by their
    (factored) coefficient and each group combined. Sound: only ``expand_log`` without
    ``force`` (so only where the symbols' assumptions allow it).

    >>> s, a = sp.symbols("sigma alpha", positive=True)
    >>> textbook_log(-a * sp.log(2 * pi * s**2) / 2 + sp.log(2 * pi * s**2 / a) / 2)
    (1 - alpha)*log(sigma) - (alpha - 1)*log(2*pi)/2 - log(alpha)/2
    """
    if isinstance(expr, sp.Piecewise):
        return sp.Piecewise(*[(textbook_log(e), c) for e, c in expr.args])
    if not isinstance(expr, sp.Expr) or expr.has(sp.Integral, sp.Sum) or sp.count_ops(
            expr) > TEXTBOOK_OPS:
        return expr
    expr = expr.replace(lambda e: isinstance(e, sp.log), lambda e: _split_log(e.args[0]))
    expanded = sp.expand(sp.expand_log(sp.expand(expr), force=False))
    plain, logs = [], {}
    for term in sp.Add.make_args(expanded):
        found = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.log)]
        if len(found) == 1:
            logs.setdefault(found[0], []).append(term / found[0])
        else:
            plain.append(term)
    groups: dict[sp.Expr, list] = {}
    for atom, coeffs in logs.items():
        c = sp.factor(sp.Add(*coeffs))
        if c != 0:
            groups.setdefault(c, []).append(atom)
    rest = as_powers(sp.Add(*plain))
    if rest.free_symbols:
        rest = min([rest, sp.factor(sp.together(rest)), sp.powsimp(rest)], key=sp.count_ops)
    out = [rest]
    for c, atoms in groups.items():
        inner = sp.logcombine(sp.Add(*atoms), force=False)
        out.append(c * inner)
    return sp.Add(*out)
