"""Honest results still evaluate: the unevaluated Integral/Sum a measure returns is evaluated by
the package's own quadrature/summation (``DefinitionIntegral``/``DefinitionSum``) to the digits
asked, quickly, and right. Each reference here is written independently from the density's
textbook formula, by mpmath (quadrature over a finite range where the integrand is exactly 0 to
working precision beyond it, or nsum), never from the expression under test."""

from __future__ import annotations

import time

import mpmath
import pytest
import sympy as sp
from sympy.stats import Davis, Gompertz, Skellam, Trapezoidal

import symbinfo as si

R = sp.Rational
DIGITS = 25


def _agree(value: sp.Expr, reference: mpmath.mpf) -> None:
    start = time.process_time()
    got = mpmath.mpf(str(sp.N(value, DIGITS + 5)))
    assert time.process_time() - start < 10, "evaluation over its budget"
    assert abs(got - reference) <= mpmath.mpf(10) ** -DIGITS * max(1, abs(reference)), (
        got, reference)


def _renyi(integral: mpmath.mpf, alpha: mpmath.mpf) -> mpmath.mpf:
    return mpmath.log(integral) / (1 - alpha)


def test_skellam_sums_over_all_integers():
    """A sum from -oo to oo is split at 0 (it used to raise in SymPy's evalf)."""
    x = Skellam("S", R(17, 10), R(39, 10))
    with mpmath.workdps(45):
        m1, m2, a = mpmath.mpf(17) / 10, mpmath.mpf(39) / 10, mpmath.mpf(7) / 10

        def pmf(k):
            return (mpmath.exp(-(m1 + m2)) * (m1 / m2) ** (k / 2)
                    * mpmath.besseli(abs(k), 2 * mpmath.sqrt(m1 * m2)))  # I_-k = I_k
        # I_k(z) ~ (z/2)**|k|/|k|!: beyond |k| = 150 the terms are below 1e-200
        ks = range(-150, 151)
        power = mpmath.fsum(pmf(k) ** a for k in ks)
        shannon = mpmath.fsum(-pmf(k) * mpmath.log(pmf(k)) for k in ks)
        _agree(si.renyi_entropy(x, R(7, 10)), _renyi(power, a))
        _agree(si.entropy(x), shannon)


def test_doubly_exponential_tail_does_not_hang():
    """Gompertz: exp(-eta*exp(b*x)) at tanh-sinh's far nodes has an astronomically large
    exponent; the quadrature takes it as 0 there instead of computing it."""
    b, eta = R(17, 10), R(39, 10)
    x = Gompertz("G", b, eta)
    with mpmath.workdps(45):
        B, E = mpmath.mpf(17) / 10, mpmath.mpf(39) / 10

        def pdf(t):
            return B * E * mpmath.exp(B * t + E - E * mpmath.exp(B * t))
        for a in (mpmath.mpf(7) / 10, mpmath.mpf(3) / 2):
            power = mpmath.quad(lambda t, a=a: pdf(t) ** a, [0, 1, 5, 40])
            alpha = R(7, 10) if a < 1 else R(3, 2)
            _agree(si.renyi_entropy(x, alpha), _renyi(power, a))
            _agree(si.tsallis_entropy(x, alpha), (1 - power) / (a - 1))


def test_piecewise_density_splits_at_its_kinks():
    """Trapezoidal: ∫ p**a on each linear piece is h**a*(width)/(a + 1), on the flat one
    h**a*(width); SymPy's own evalf of this integral was wrong in the 7th digit."""
    a_, b_, c_, d_ = 0, 1, 3, 6
    x = Trapezoidal("T", a_, b_, c_, d_)
    with mpmath.workdps(45):
        h = mpmath.mpf(2) / (d_ + c_ - b_ - a_)
        for alpha in (R(7, 10), R(3, 2), R(3)):
            a = mpmath.mpf(alpha.p) / alpha.q
            power = h ** a * ((b_ - a_) / (a + 1) + (c_ - b_) + (d_ - c_) / (a + 1))
            value = si.renyi_entropy(x, alpha)
            _agree(value, _renyi(power, a))


@pytest.mark.parametrize("point", [(R(1), R(2), R(3)), (R(3, 2), R(5, 2), R(1, 2))])
def test_davis_entropy_keeps_its_factored_log(point):
    """Davis: log((x - mu)**3*(exp(b/(x - mu)) - 1)) multiplied out cancels to 0 near mu."""
    b, n, mu = point
    x = Davis("D", b, n, mu)
    with mpmath.workdps(45):
        B, N, M = (mpmath.mpf(v.p) / v.q for v in point)

        def pdf(t):
            y = t - M
            return B ** N * y ** (-1 - N) / ((mpmath.expm1(B / y)) * mpmath.gamma(N)
                                              * mpmath.zeta(N))
        shannon = mpmath.quad(lambda t: -pdf(t) * mpmath.log(pdf(t)),
                              [M, M + B / 100, M + B, M + 10 * B, mpmath.inf])
        _agree(si.entropy(x), shannon)


@pytest.mark.parametrize("alpha", [R(7, 10), R(3, 2)])
def test_algebraic_tail_by_euler_maclaurin(alpha):
    """Σ p**a of Zeta(s) as the honest Sum of its definition (the measure itself now closes):
    zeta(a s)/zeta(s)**a. Its terms decay like k**(-a s), so extrapolation stalls and the tail
    goes to Euler-Maclaurin."""
    from symbinfo.derivation.honest import DefinitionSum
    s, k = R(5, 2), sp.Symbol("k", integer=True, positive=True)
    honest = DefinitionSum((k**-s / sp.zeta(s)) ** alpha, (k, 1, sp.oo))
    with mpmath.workdps(45):
        S, a = mpmath.mpf(5) / 2, mpmath.mpf(alpha.p) / alpha.q
        _agree(honest, mpmath.zeta(a * S) / mpmath.zeta(S) ** a)


def test_density_written_as_a_series_is_summed_at_each_node():
    """The noncentral Beta density is SymPy's Poisson mixture of Beta densities (a Sum inside
    the Integral); quadrature sums it by mpmath at each node instead of leaving the Integral
    unevaluated."""
    from sympy.stats import BetaNoncentral
    x = BetaNoncentral("B", 2, 3, R(3, 2))
    with mpmath.workdps(45):
        lam = mpmath.mpf(3) / 2

        def pdf(t):
            return mpmath.nsum(lambda k: mpmath.exp(-lam / 2) * (lam / 2) ** k
                               / mpmath.factorial(k) * t ** (1 + k) * (1 - t) ** 2
                               / mpmath.beta(2 + k, 3), [0, mpmath.inf])
        shannon = mpmath.quad(lambda t: -pdf(t) * mpmath.log(pdf(t)), [0, 1])
        _agree(si.entropy(x), shannon)


def test_divergent_definitions_are_infinities_with_their_sign():
    """The log-Cauchy density is ~1/(x log(x)**2) at both ends, so ∫ p**a diverges for every
    a != 1 (at +oo for a < 1, at 0 for a > 1): Rényi is +oo below order 1 and -oo above,
    Tsallis of order 3/2 is (1 - oo)/(1/2) = -oo. Quadrature alone returned finite numbers."""
    from sympy.stats import LogCauchy
    x = LogCauchy("L", R(1, 2), R(3, 2))
    assert si.renyi_entropy(x, R(7, 10)) == sp.oo
    assert si.renyi_entropy(x, 2) == -sp.oo
    assert si.tsallis_entropy(x, R(3, 2)) == -sp.oo
    # and a convergent integral with an integrable singularity is not taken for divergent
    t = sp.Symbol("t", positive=True)
    from symbinfo.derivation.honest import DefinitionIntegral
    assert DefinitionIntegral(t ** R(-1, 2) * sp.exp(-t), (t, 0, sp.oo)).divergence() is None
    assert DefinitionIntegral(1 / (t * sp.log(t) ** 2), (t, 0, R(1, 2))).divergence() is None
    assert DefinitionIntegral(-sp.log(t) / (1 + t**2), (t, 0, sp.oo)).divergence() is None


def test_printing_does_not_evaluate(monkeypatch):
    """SymPy's printers order a sum's terms by the value of each factor that is a number; an
    honest Integral/Sum is not offered as one, so printing never runs its quadrature."""
    from symbinfo.derivation import honest

    def refuse(self, prec):
        raise AssertionError("evaluated while printing")
    value = si.entropy(Davis("D", 1, 2, 3)) + 1
    monkeypatch.setattr(honest.DefinitionIntegral, "_numeric_value", refuse)
    monkeypatch.setattr(honest.DefinitionSum, "_numeric_value", refuse)
    assert "Integral" in str(value) and "\\int" in sp.latex(value)
    assert "Sum" in str(si.entropy(Skellam("S", 1, 2)) + 1)


def test_inner_sum_whose_range_depends_on_the_variable_is_not_taken_as_infinite():
    """Only inner series over fixed ranges (integers or ±oo) are summed at each node; a range
    ending at the integration variable is left to SymPy, not summed to oo."""
    from symbinfo.derivation.honest import DefinitionIntegral
    t, j = sp.Symbol("t", positive=True), sp.Symbol("j", integer=True)
    inner = DefinitionIntegral(sp.Sum(t**j / sp.factorial(j), (j, 0, t)), (t, 0, 1))
    assert inner._numeric_value(sp.Float(1, 15)._prec) is None
