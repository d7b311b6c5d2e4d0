"""Differential entropy rules for the univariate continuous families of sympy.stats (in nats).

Every rule is written in SymPy's own parameterisation (the class's ``_argnames``); formulas from
sources in other parameterisations were converted, not copied. "derived here" means the formula
was derived for symbinfo (the derivation is sketched in the rule's comment) and, like every rule,
is tested against mpmath quadrature of -∫ f log f at 30 digits.

Families without a closed form decline (return ``None``) and the generic engine answers; they are
listed in :data:`NO_CLOSED_FORM` with the reason.

>>> from sympy.stats.crv_types import NormalDistribution
>>> from symbinfo.closedforms import ENTROPY
>>> sigma = sp.Symbol("sigma", positive=True)
>>> ENTROPY.apply(NormalDistribution(0, sigma))[0]
log(sigma) + log(2*E*pi)/2
"""

from __future__ import annotations

import sympy as sp
import sympy.stats.crv_types as crv
from sympy import E1, EulerGamma, besseli, beta, erfc, exp, gamma, harmonic, log, pi, sqrt
from sympy import digamma as psi

from . import ENTROPY

half = sp.S.Half

SCIPY = "SciPy {}._entropy (scipy.stats, checked by mpmath quadrature)"
CT = "Cover & Thomas, Elements of Information Theory, 2nd ed., Table 17.1; Lazo & Rathie (1978)"

# Families with no closed form, and why (the generic engine returns an honest Integral).
NO_CLOSED_FORM: dict[str, str] = {
    "BetaNoncentral": "the pdf is an infinite Poisson mixture of Beta densities; E[log f] has no "
    "known closed form",
    "ChiNoncentral": "the log-density contains log I_{k/2-1}(l x) (Bessel); no closed form known",
    "Davis": "needs E[log(1 - exp(-T))] for a Bose-Einstein-type T: a series of Hurwitz zetas",
    "ExGaussian": "the log-density contains log erfc(...); no closed form known",
    "LogitNormal": "needs E[log(1 + exp(Y))] for normal Y (a logistic-normal integral); no "
    "closed form known",
    "UniformSum": "the Irwin-Hall pdf is piecewise polynomial with n pieces; no closed form "
    "in symbolic n (the engine closes it for a concrete n only by piecewise integration)",
    "ShiftedGompertz": "not attempted as a rule: the engine's integral (exponential-integral "
    "terms) is returned instead",
}


def _register(cls: type, source: str, conditions: str = ""):
    return ENTROPY.register(cls, source=source, conditions=conditions)


@_register(crv.ArcsinDistribution, SCIPY.format("arcsine") + " with the scale rule", "a < b")
def arcsin_entropy(d):
    return log(pi * (d.b - d.a) / 4)


@_register(
    crv.BeniniDistribution,
    "derived here: Y = log(X/sigma) has hazard alpha + 2 beta y, so alpha*E[Y] + beta*E[Y^2] = 1 "
    "and alpha + 2 beta Y = sqrt(alpha^2 + 4 beta E), E ~ Exp(1)",
    "alpha, beta, sigma > 0",
)
def benini_entropy(d):
    a, b, s = d.alpha, d.beta, d.sigma
    c = a**2 / (4 * b)
    return (
        1
        + log(s / a)
        - exp(c) * E1(c) / 2
        + sqrt(pi / b) * exp(c) * erfc(a / (2 * sqrt(b))) / 2
    )


@_register(crv.BetaDistribution, SCIPY.format("beta") + "; " + CT, "alpha, beta > 0")
def beta_entropy(d):
    a, b = d.alpha, d.beta
    return log(beta(a, b)) - (a - 1) * psi(a) - (b - 1) * psi(b) + (a + b - 2) * psi(a + b)


@_register(
    crv.BetaPrimeDistribution,
    "derived here: X = Y/(1-Y), Y ~ Beta(alpha, beta); E[log X] = psi(alpha) - psi(beta), "
    "E[log(1+X)] = psi(alpha+beta) - psi(beta)",
    "alpha, beta > 0",
)
def beta_prime_entropy(d):
    a, b = d.alpha, d.beta
    return log(beta(a, b)) - (a - 1) * psi(a) - (b + 1) * psi(b) + (a + b) * psi(a + b)


@_register(
    crv.BoundedParetoDistribution,
    "derived here: E[log X] = (log L - z log H)/(1 - z) + 1/alpha, z = (L/H)^alpha",
    "alpha > 0, 0 < left < right",
)
def bounded_pareto_entropy(d):
    a, lo, hi = d.alpha, d.left, d.right
    z = (lo / hi) ** a
    return (
        log((1 - z) / a) - a * log(lo) + (a + 1) * ((log(lo) - z * log(hi)) / (1 - z) + 1 / a)
    )


@_register(crv.CauchyDistribution, SCIPY.format("cauchy") + "; " + CT, "gamma > 0")
def cauchy_entropy(d):
    return log(4 * pi * d.gamma)


@_register(crv.ChiDistribution, SCIPY.format("chi") + " (PR #17742); " + CT, "k > 0")
def chi_entropy(d):
    k = d.k
    return log(gamma(k / 2)) + (k - log(2) - (k - 1) * psi(k / 2)) / 2


@_register(crv.ChiSquaredDistribution, SCIPY.format("chi2") + "; " + CT, "k > 0")
def chi_squared_entropy(d):
    k = d.k
    return k / 2 + log(2 * gamma(k / 2)) + (1 - k / 2) * psi(k / 2)


@_register(
    crv.DagumDistribution,
    "derived here: W = (X/b)^a ~ BetaPrime(p, 1), then the change of variables X = b W^(1/a)",
    "p, a, b > 0",
)
def dagum_entropy(d):
    p, a, b = d.p, d.a, d.b
    return log(b / (a * p)) + 1 + 1 / p + (1 + 1 / a) * (psi(p) + EulerGamma)


@_register(crv.ExponentialDistribution, CT + "; SciPy expon", "rate > 0")
def exponential_entropy(d):
    return 1 - log(d.rate)


@_register(
    crv.ExponentialPowerDistribution,
    SCIPY.format("gennorm") + " (generalized normal) with the scale rule",
    "alpha, beta > 0",
)
def exponential_power_entropy(d):
    a, b = d.alpha, d.beta
    return 1 / b - log(b / (2 * a * gamma(1 / b)))


@_register(
    crv.FDistributionDistribution,
    SCIPY.format("f") + " (PR #17758: the commonly printed log(d1/d2) form is wrong)",
    "d1, d2 > 0",
)
def f_entropy(d):
    d1, d2 = d.d1, d.d2
    return (
        log(d2 / d1)
        + log(beta(d1 / 2, d2 / 2))
        + (1 - d1 / 2) * psi(d1 / 2)
        - (1 + d2 / 2) * psi(d2 / 2)
        + (d1 + d2) / 2 * psi((d1 + d2) / 2)
    )


@_register(
    crv.FisherZDistribution,
    "derived here from the F entropy: Z = log(F)/2, h(Z) = h(F) - log 2 - E[log F], "
    "E[log F] = log(d2/d1) + psi(d1/2) - psi(d2/2)",
    "d1, d2 > 0",
)
def fisher_z_entropy(d):
    d1, d2 = d.d1, d.d2
    return (
        log(beta(d1 / 2, d2 / 2) / 2)
        - d1 / 2 * psi(d1 / 2)
        - d2 / 2 * psi(d2 / 2)
        + (d1 + d2) / 2 * psi((d1 + d2) / 2)
    )


@_register(
    crv.FrechetDistribution,
    "derived here: (X - m)/s is the reciprocal of a Weibull(shape a) variable (SciPy invweibull)",
    "a, s > 0; support x > m",
)
def frechet_entropy(d):
    a, s = d.a, d.s
    return 1 + EulerGamma + EulerGamma / a + log(s / a)


@_register(
    crv.GammaDistribution,
    SCIPY.format("gamma") + "; PyTorch Gamma.entropy (rate form, converted to scale)",
    "k, theta > 0 (shape, scale); also serves Erlang(k, l) = Gamma(k, 1/l)",
)
def gamma_entropy(d):
    k, theta = d.k, d.theta
    return k + log(theta) + log(gamma(k)) + (1 - k) * psi(k)


@_register(crv.GammaInverseDistribution, SCIPY.format("invgamma"), "a, b > 0 (shape, scale)")
def gamma_inverse_entropy(d):
    a, b = d.a, d.b
    return a + log(b * gamma(a)) - (1 + a) * psi(a)


@_register(
    crv.GaussianInverseDistribution,
    SCIPY.format("invgauss") + " (Moser 2012), converted to mean/shape",
    "mean, shape > 0; also serves Wald",
)
def gaussian_inverse_entropy(d):
    mu, lam = d.mean, d.shape
    return log(2 * pi * sp.E * mu**3 / lam) / 2 - 3 * exp(2 * lam / mu) * E1(2 * lam / mu) / 2


@_register(
    crv.GompertzDistribution,
    "derived here: U = eta*exp(b X) is eta + Exp(1), E[log U] = log(eta) + exp(eta) E1(eta)",
    "b, eta > 0",
)
def gompertz_entropy(d):
    b, eta = d.b, d.eta
    return 1 - log(b * eta) - exp(eta) * E1(eta)


@_register(
    crv.GumbelDistribution,
    "stdlib-js gumbel/entropy; SciPy gumbel_r (both the maximum and minimum forms)",
    "beta > 0",
)
def gumbel_entropy(d):
    return log(d.beta) + EulerGamma + 1


@_register(
    crv.KumaraswamyDistribution,
    "no confirmed published source; checked here by quadrature",
    "a, b > 0; support [0, 1]",
)
def kumaraswamy_entropy(d):
    a, b = d.a, d.b
    return 1 - 1 / b + (1 - 1 / a) * harmonic(b) - log(a * b)


@_register(crv.LaplaceDistribution, CT + "; SciPy laplace", "b > 0")
def laplace_entropy(d):
    return 1 + log(2 * d.b)


@_register(
    crv.LevyDistribution,
    "derived here: X - mu = c/Z^2, Z standard normal",
    "c > 0",
)
def levy_entropy(d):
    return (1 + 3 * EulerGamma + log(16 * pi * d.c**2)) / 2


@_register(
    crv.LogCauchyDistribution,
    "derived here: h(X) = h(Y) + E[Y] for Y = log X Cauchy; E[Y] does not exist",
    "undefined for every parameter value: -f log f is not integrable (both parts diverge)",
)
def log_cauchy_entropy(d):
    # -∫ f log f = h(Cauchy) + ∫ y g(y) dy, and the Cauchy mean integral has +oo and -oo parts:
    # the entropy is undefined (not +oo), so the honest answer is nan.
    return sp.nan


@_register(crv.LogisticDistribution, SCIPY.format("logistic") + "; " + CT, "s > 0")
def logistic_entropy(d):
    return log(d.s) + 2


@_register(
    crv.LogLogisticDistribution,
    "derived here: log X = log(alpha) + L/beta, L standard logistic; h(X) = h(log X) + E[log X]",
    "alpha (scale), beta (shape) > 0",
)
def log_logistic_entropy(d):
    return 2 + log(d.alpha / d.beta)


@_register(crv.LogNormalDistribution, CT + "; SciPy lognorm", "std > 0")
def log_normal_entropy(d):
    return d.mean + log(d.std) + log(2 * pi * sp.E) / 2


@_register(
    crv.LomaxDistribution,
    "derived here: Lomax(alpha, lamda) is Pareto(lamda, alpha) shifted by -lamda",
    "alpha, lamda > 0",
)
def lomax_entropy(d):
    a, lam = d.alpha, d.lamda
    return log(lam / a) + 1 + 1 / a


@_register(crv.MaxwellDistribution, SCIPY.format("maxwell") + "; " + CT, "a > 0")
def maxwell_entropy(d):
    return log(d.a * sqrt(2 * pi)) + EulerGamma - half


@_register(
    crv.MoyalDistribution,
    "derived here: exp(-(X-mu)/sigma) ~ ChiSquared(1), so E[(X-mu)/sigma] = EulerGamma + log 2",
    "sigma > 0",
)
def moyal_entropy(d):
    return log(d.sigma) + (1 + EulerGamma + log(4 * pi)) / 2


@_register(
    crv.NakagamiDistribution,
    SCIPY.format("nakagami") + " (PR #17868, Michalowicz et al. Handbook) with the scale rule",
    "mu >= 1/2, omega > 0",
)
def nakagami_entropy(d):
    m, w = d.mu, d.omega
    return log(gamma(m)) - (m - half) * psi(m) + m + log(sqrt(w / m) / 2)


@_register(crv.NormalDistribution, CT + "; StatProofBook norm-dent", "std > 0")
def normal_entropy(d):
    return log(d.std) + log(2 * pi * sp.E) / 2


@_register(crv.ParetoDistribution, SCIPY.format("pareto") + "; " + CT, "xm, alpha > 0")
def pareto_entropy(d):
    return log(d.xm / d.alpha) + 1 + 1 / d.alpha


@_register(
    crv.PowerFunctionDistribution,
    "derived here: (X - a)/(b - a) ~ Beta(alpha, 1)",
    "alpha > 0, a < b",
)
def power_function_entropy(d):
    a = d.alpha
    return log((d.b - d.a) / a) + 1 - 1 / a


@_register(
    crv.QuadraticUDistribution,
    "derived here: U = (2X - a - b)/(b - a) has density 3u^2/2 on [-1, 1]",
    "a < b",
)
def quadratic_u_entropy(d):
    return log((d.b - d.a) / 3) + sp.Rational(2, 3)


@_register(
    crv.RaisedCosineDistribution,
    "derived here: ∫_0^{π/2} cos²t log(cos t) dt = π(1 - 2 log 2)/8",
    "s > 0",
)
def raised_cosine_entropy(d):
    return log(4 * d.s) - 1


@_register(crv.RayleighDistribution, SCIPY.format("rayleigh") + "; " + CT, "sigma > 0")
def rayleigh_entropy(d):
    return 1 + log(d.sigma / sqrt(2)) + EulerGamma / 2


@_register(
    crv.ReciprocalDistribution,
    "derived here: log X is uniform on [log a, log b]",
    "0 < a < b",
)
def reciprocal_entropy(d):
    a, b = d.a, d.b
    return (log(a) + log(b)) / 2 + log(log(b) - log(a))


@_register(
    crv.StudentTDistribution,
    SCIPY.format("t") + "; stdlib-js t/entropy; " + CT,
    "nu > 0",
)
def student_t_entropy(d):
    nu = d.nu
    return (nu + 1) / 2 * (psi((nu + 1) / 2) - psi(nu / 2)) + log(sqrt(nu) * beta(nu / 2, half))


@_register(
    crv.TrapezoidalDistribution,
    "derived here: each linear ramp of height h contributes its mass times (1/2 - log h); "
    "reduces to the Triangular entropy when b = c",
    "a <= b < c <= d",
)
def trapezoidal_entropy(d):
    a, b, c, dd = d.a, d.b, d.c, d.d
    width = dd + c - a - b
    return log(width / 2) + (b - a + dd - c) / (2 * width)


@_register(
    crv.TriangularDistribution,
    SCIPY.format("triang") + "; " + CT,
    "a < b, a <= c <= b (SymPy: a, b the ends, c the mode)",
)
def triangular_entropy(d):
    return half + log((d.b - d.a) / 2)


@_register(crv.UniformDistribution, CT + "; SciPy uniform", "left < right")
def uniform_entropy(d):
    return log(d.right - d.left)


@_register(crv.VonMisesDistribution, SCIPY.format("vonmises"), "k > 0")
def von_mises_entropy(d):
    k = d.k
    return log(2 * pi * besseli(0, k)) - k * besseli(1, k) / besseli(0, k)


@_register(
    crv.WeibullDistribution,
    SCIPY.format("weibull_min") + "; " + CT + " (alpha scale, beta shape)",
    "alpha, beta > 0",
)
def weibull_entropy(d):
    a, b = d.alpha, d.beta
    return EulerGamma * (1 - 1 / b) + log(a / b) + 1


@_register(
    crv.WignerSemicircleDistribution,
    "derived here: -∫ f log f with f = 2 sqrt(R^2 - x^2)/(pi R^2)",
    "R > 0",
)
def wigner_semicircle_entropy(d):
    return log(pi * d.R) - half
