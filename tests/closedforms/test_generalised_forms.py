"""Min-entropy from the family record's mode, and the Rényi closed forms that are not read off a
log-normaliser, against independent numerics.

The min-entropy −log sup p of every family whose record has a ``mode`` is compared with a
numeric maximisation of SymPy's own density (a dense scan of the support, then golden-section
refinement around the best node) at three parameter points, at numeric and at symbolic
parameters; where the record says the density is unbounded, the density is shown to grow
without bound at an end of the support.
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
import sympy.stats.crv_types as C
import sympy.stats.drv_types as D

from symbinfo import engine
from symbinfo.closedforms.catalog import symbolic_instance
from symbinfo.distributions.continuous import read_univariate, sample_parameters
from symbinfo.distributions.families import MODE, family_of

from ._expect_quad import X, close
from .quadrature import build

DPS = 40
DIGITS = 20
MODAL = [c for c in MODE if c.__module__.endswith(("crv_types", "drv_types"))]


def _density(dist):
    view = read_univariate(dist)
    f = view.density_at(X).replace(lambda e: e.has(sp.zoo) and not e.is_Relational,
                                   lambda e: sp.S.Zero)  # Trapezoidal's width-0 side
    g = sp.lambdify(X, f.evalf(DPS + 10), modules="mpmath")

    def h(t):
        try:
            v = g(t)
        except (ZeroDivisionError, OverflowError, ValueError):
            return None
        v = v.real if isinstance(v, mpmath.mpc) else v
        return v if mpmath.isfinite(v) else None

    return view, h


def _grid(lo, hi) -> list:
    n = 400
    if lo.is_finite and hi.is_finite:
        a, b = mpmath.mpf(sp.N(lo, DPS)), mpmath.mpf(sp.N(hi, DPS))
        return [a + (b - a) * i / n for i in range(n + 1)]
    us = [mpmath.mpf(10) ** (-8 + 12 * mpmath.mpf(i) / n) for i in range(n + 1)]
    if lo.is_finite:
        a = mpmath.mpf(sp.N(lo, DPS))
        return [a, *(a + u for u in us)]
    if hi.is_finite:
        b = mpmath.mpf(sp.N(hi, DPS))
        return [*(b - u for u in reversed(us)), b]
    return [*(-u for u in reversed(us)), mpmath.mpf(0), *us]


def _golden(h, a, b) -> mpmath.mpf:
    r = (mpmath.sqrt(5) - 1) / 2
    c, d = b - r * (b - a), a + r * (b - a)
    hc, hd = h(c), h(d)
    for _ in range(100):  # the bracket shrinks by 0.618**100 ~ 1e-21: p is flat to 1e-40
        if hc >= hd:
            b, d, hd = d, c, hc
            c = b - r * (b - a)
            hc = h(c)
        else:
            a, c, hc = c, d, hd
            d = a + r * (b - a)
            hd = h(d)
    return max(hc, hd)


def numeric_sup(dist) -> mpmath.mpf:
    """sup of SymPy's density (pmf) by a dense scan and a golden-section refinement."""
    view, h = _density(dist)
    lo, hi = view.bounds
    if view.discrete:
        start = int(lo)
        return max(h(mpmath.mpf(k)) or 0 for k in range(start, start + 400))
    nodes = _grid(lo, hi)
    values = [h(t) for t in nodes]
    values = [v if v is not None else mpmath.mpf(0) for v in values]
    i = max(range(len(nodes)), key=lambda j: values[j])
    if i in (0, len(nodes) - 1):  # at an end of the support: its value there
        return values[i]
    return max(values[i], _golden(lambda t: h(t) or mpmath.mpf(0), nodes[i - 1], nodes[i + 1]))


def _points(cls) -> list[dict]:
    return sample_parameters(cls, 3, seed=5)


def _num(value: sp.Expr):
    v = sp.N(value, DPS)
    if v in (sp.oo, -sp.oo):
        return mpmath.inf if v == sp.oo else -mpmath.inf
    return mpmath.mpf(v) if v.is_real else None


@pytest.mark.parametrize("cls", MODAL, ids=lambda c: family_of(c).name)
def test_min_entropy_matches_numeric_maximisation(cls):
    sym = symbolic_instance(cls)
    symbolic = engine.renyi_entropy(sym, sp.oo).value
    assert not symbolic.has(sp.Limit, sp.Integral, sp.Sum), symbolic
    names = family_of(cls).params
    wrong = []
    with mpmath.workdps(DPS):
        for point in _points(cls):
            dist = build(cls, point)
            at = {a: point[n] for n, a in zip(names, sym.args, strict=False)
                  if isinstance(a, sp.Symbol)}
            got = [_num(engine.renyi_entropy(dist, sp.oo).value), _num(symbolic.subs(at))]
            sup = numeric_sup(dist)
            if got[0] == -mpmath.inf:
                if not _unbounded(dist) or got[1] != -mpmath.inf:
                    wrong.append((point, got, "bounded?"))
                continue
            for value in got:
                if value is None or not close(value, -mpmath.log(sup), DIGITS):
                    wrong.append((point, value, -mpmath.log(sup)))
    assert wrong == []


def _unbounded(dist) -> bool:
    """The density grows without bound towards an end of its support."""
    view, h = _density(dist)
    lo, hi = view.bounds
    ends = []
    if lo.is_finite:
        a = mpmath.mpf(sp.N(lo, DPS))
        ends.append([h(a + mpmath.mpf(10) ** -e) for e in (8, 16, 24)])
    if hi.is_finite:
        b = mpmath.mpf(sp.N(hi, DPS))
        ends.append([h(b - mpmath.mpf(10) ** -e) for e in (8, 16, 24)])
    return any(None not in v and v[2] > v[1] > v[0] and v[2] > 2 * v[0] for v in ends)


UNBOUNDED = [
    C.GammaDistribution(sp.Rational(1, 2), 2), C.BetaDistribution(sp.Rational(1, 2), 3),
    C.BetaDistribution(2, sp.Rational(3, 4)), C.ChiSquaredDistribution(1),
    C.WeibullDistribution(2, sp.Rational(1, 2)), C.BetaPrimeDistribution(sp.Rational(1, 2), 2),
    C.FDistributionDistribution(1, 3), C.DagumDistribution(sp.Rational(1, 2), 1, 2),
    C.LogLogisticDistribution(1, sp.Rational(1, 2)), C.ArcsinDistribution(0, 1),
    C.PowerFunctionDistribution(sp.Rational(1, 2), 0, 1), C.LogCauchyDistribution(0, 1),
    C.KumaraswamyDistribution(sp.Rational(1, 2), 2),
]


@pytest.mark.parametrize("dist", UNBOUNDED, ids=str)
def test_min_entropy_is_minus_infinity_where_the_density_is_unbounded(dist):
    assert engine.renyi_entropy(dist, sp.oo).value == -sp.oo
    with mpmath.workdps(DPS):
        assert _unbounded(dist)


def test_end_point_modes_read_zero_to_the_zero():
    # F(2, d2), Weibull shape 1, Dagum a p = 1: the sup sits at 0, where x**0 = 1
    d2 = sp.Symbol("d2", positive=True, integer=True)
    value = engine.renyi_entropy(C.FDistributionDistribution(2, d2), sp.oo).value
    assert sp.gammasimp(value.rewrite(sp.gamma)) == 0
    assert engine.renyi_entropy(C.WeibullDistribution(3, 1), sp.oo).value == sp.log(3)
    assert engine.renyi_entropy(C.DagumDistribution(1, 1, 2), sp.oo).value == sp.log(2)


# --- Rényi entropies outside the log-normaliser mechanism --------------------------------------


def test_log_cauchy_power_integral_diverges_for_every_order_but_one():
    """p ~ σ/(π x log² x) at 0 and oo: ∫ p**α diverges at 0 for α > 1 and at oo for α < 1,
    so H_α = −oo for α > 1 and +oo for α < 1; the dyadic pieces of the integral do not shrink."""
    d = C.LogCauchyDistribution(0, 1)
    assert engine.renyi_entropy(d, 2).value == -sp.oo
    assert engine.renyi_entropy(d, sp.Rational(1, 2)).value == sp.oo
    assert engine.tsallis_entropy(d, 2).value == -sp.oo
    _, h = _density(d)
    with mpmath.workdps(20):
        # α = 2 at 0: pieces [2**-(n+1), 2**-n] in the variable log x
        near0 = [mpmath.quad(lambda v: h(mpmath.exp(v)) ** 2 * mpmath.exp(v), [-(n + 1), -n])
                 for n in (100, 200, 400)]
        assert near0[2] > near0[1] > near0[0] > 1
        far = [mpmath.quad(lambda v: h(mpmath.exp(v)) ** mpmath.mpf(0.5) * mpmath.exp(v),
                           [n, n + 1]) for n in (10, 20, 40)]
        assert far[2] > far[1] > far[0] > 1


def test_point_mass_geometric():
    assert engine.renyi_entropy(D.GeometricDistribution(1), sp.Rational(7, 10)).value == 0
    assert engine.renyi_entropy(D.GeometricDistribution(1), sp.oo).value == 0


# --- pairs outside the log-normaliser mechanism -------------------------------------------------


def test_laplace_rule_agrees_with_the_mechanism_at_equal_locations():
    """The three-piece integral at Δ = 0 is the skew Jensen divergence of the Laplace record
    (location fixed), symbolically."""
    from symbinfo.closedforms.generalised import _laplace_log_skew, log_skew_integral

    mu = sp.Symbol("mu", real=True)
    b1, b2, a = sp.symbols("b1 b2 alpha", positive=True)
    p, q = C.LaplaceDistribution(mu, b1), C.LaplaceDistribution(mu, b2)
    rule = _laplace_log_skew(p, q, a)
    mechanism = log_skew_integral(p, q, a)
    inner = next(e for e, c in mechanism.args if e != sp.oo) if isinstance(
        mechanism, sp.Piecewise) else mechanism
    branches = sp.piecewise_fold(next(e for e, c in rule.args if e != sp.oo)).args
    (general, _), (equal, _) = branches
    assert sp.simplify(sp.exp(general - inner)) == 1
    at = {a: b1 / (b1 + b2)}  # u = v: the other branch
    assert sp.simplify(sp.exp(equal.subs(at) - inner.subs(at))) == 1
    # the same condition: a b2 + (1 - a) b1 > 0
    pt = {b1: 2, b2: sp.Rational(1, 2)}
    for order in (sp.Rational(1, 2), sp.Integer(2), sp.Integer(5)):
        x, y = rule.subs(pt).subs(a, order), mechanism.subs(pt).subs(a, order)
        assert (x == y == sp.oo) or abs(sp.N(x - y, 40)) < 1e-35


def test_laplace_renyi_divergence_with_different_locations_matches_quadrature():
    """+oo exactly where α b₂ + (1 − α) b₁ <= 0 (Gil, Alajaji & Linder 2013); elsewhere the
    three-piece form against quadrature split at both locations, at 30 digits."""
    m1, m2 = sp.Rational(-1, 2), sp.Rational(7, 4)
    b1, b2 = sp.Rational(3, 2), sp.Rational(5, 4)
    p, q = C.LaplaceDistribution(m1, b1), C.LaplaceDistribution(m2, b2)
    with mpmath.workdps(40):
        for a in (sp.Rational(1, 3), sp.Rational(3, 2), sp.Integer(4), sp.Integer(7)):
            got = engine.renyi_divergence(p, q, a).value
            if a * b2 + (1 - a) * b1 <= 0:
                assert got == sp.oo
                continue
            f = sp.lambdify(X, p.pdf(X) ** a * q.pdf(X) ** (1 - a), "mpmath")
            truth = mpmath.log(mpmath.quad(f, [-mpmath.inf, m1, m2, mpmath.inf])) / (a - 1)
            assert close(mpmath.mpf(sp.N(got, 45)), truth, 30), (a, got, truth)
        # a = 7 is outside: the integrand grows like exp((a - 1)|x|/b2 - a|x|/b1) on a tail
        f = sp.lambdify(X, p.pdf(X) ** 7 * q.pdf(X) ** -6, "mpmath")
        assert f(400) > f(200) > f(100) > 1


def test_cauchy_chi_square_and_kl_agree_with_nielsen_okamura():
    """Nielsen & Okamura (2022): χ² = ((l₁ − l₂)² + (s₁ − s₂)²)/(2 s₁ s₂) and
    KL = log(((s₁ + s₂)² + (l₁ − l₂)²)/(4 s₁ s₂)); the Rényi divergence tends to KL at order 1."""
    l1, l2 = sp.symbols("l1 l2", real=True)
    s1, s2 = sp.symbols("s1 s2", positive=True)
    p, q = C.CauchyDistribution(l1, s1), C.CauchyDistribution(l2, s2)
    chi2 = engine.chi_square_divergence(p, q).value
    assert sp.simplify(chi2 - ((l1 - l2) ** 2 + (s1 - s2) ** 2) / (2 * s1 * s2)) == 0
    pt = {l1: sp.Rational(-1, 3), l2: 2, s1: sp.Rational(7, 5), s2: sp.Rational(1, 2)}
    kl = sp.log(((s1 + s2) ** 2 + (l1 - l2) ** 2) / (4 * s1 * s2)).subs(pt)
    a = sp.Symbol("alpha", positive=True)
    renyi = engine.renyi_divergence(p, q, a).value.args[-1][0].subs(pt)
    with mpmath.workdps(30):
        near = [mpmath.mpf(sp.N(renyi.subs(a, 1 + e), 30)) for e in (sp.Rational(1, 10**8),
                                                                       -sp.Rational(1, 10**8))]
        assert all(abs(v - mpmath.mpf(sp.N(kl, 30))) < 1e-7 for v in near)
    # symmetric, as every f-divergence between Cauchy laws (Nielsen & Okamura, Theorem 2)
    assert engine.renyi_divergence(p, q, sp.Rational(3, 10)).value == \
        engine.renyi_divergence(q, p, sp.Rational(3, 10)).value


def test_weibull_with_different_shapes_is_infinite_exactly_where_it_diverges():
    """k_Q > k_P, α > 1: exp(−α(x/λ₁)**k₁ + (α − 1)(x/λ₂)**k₂) grows without bound (+oo);
    k_Q < k_P or α < 1: finite, left as the honest integral (two powers of x in the exponent)."""
    p, q = C.WeibullDistribution(1, 2), C.WeibullDistribution(1, 3)
    assert engine.renyi_divergence(p, q, 2).value == sp.oo
    assert engine.chi_square_divergence(p, q).value == sp.oo
    for value in (engine.renyi_divergence(q, p, 2).value,
                  engine.renyi_divergence(p, q, sp.Rational(1, 2)).value):
        assert value.has(sp.Integral)
    f = sp.lambdify(X, p.pdf(X) ** 2 / q.pdf(X), "mpmath")
    with mpmath.workdps(20):
        pieces = [mpmath.quad(f, [n, n + 1]) for n in (2, 4, 8)]
        assert pieces[2] > pieces[1] > pieces[0] > 1


# --- integer orders of the countable families whose carrier is not affine ---------------------


@pytest.mark.parametrize("cls", [D.PoissonDistribution, D.NegativeBinomialDistribution],
                         ids=lambda c: family_of(c).name)
def test_integer_order_hypergeometric_forms_match_summation(cls):
    """Σ p**n as 0F(n−1) (Poisson) and nF(n−1) (negative binomial), n = 2, 3, against mpmath's
    sum of SymPy's pmf at three points; a non-integer order stays the honest Sum."""
    names = family_of(cls).params
    sym = symbolic_instance(cls)
    with mpmath.workdps(DPS):
        for point in sample_parameters(cls, 3, seed=2):
            dist = build(cls, point)
            view = read_univariate(dist)
            k = view.variable
            for n in (2, 3):
                f = sp.lambdify(k, view.density**n, "mpmath")
                total = mpmath.nsum(lambda j, f=f: f(mpmath.mpf(int(j))),
                                    [int(view.bounds[0]), mpmath.inf])
                got = _num(engine.renyi_entropy(dist, n).value)
                at = {a: point[m] for m, a in zip(names, sym.args, strict=False)}
                symbolic = _num(engine.renyi_entropy(sym, n).value.subs(at))
                for value in (got, symbolic):
                    assert close(value, mpmath.log(total) / (1 - n), 25), (point, n, value)
    assert engine.renyi_entropy(dist, sp.Rational(5, 2)).value.has(sp.Sum)


def test_binomial_with_symbolic_trials_integer_orders():
    """Σ binomial(n, k)**m p**(mk) (1 − p)**(m(n − k)) as a terminating mF(m−1), against the
    finite sum at n = 1..7, m = 2, 3."""
    import sympy.stats.frv_types as F

    n = sp.Symbol("n", positive=True, integer=True)
    p = sp.Rational(2, 7)
    for m in (2, 3):
        value = engine.renyi_entropy(F.BinomialDistribution(n, p, 1, 0), m).value
        for size in range(1, 8):
            total = sum(sp.binomial(size, k) ** m * p ** (m * k) * (1 - p) ** (m * (size - k))
                        for k in range(size + 1))
            assert abs(sp.N(value.subs(n, size) - sp.log(total) / (1 - m), 40)) < 1e-35


EDGES = [C.ShiftedGompertzDistribution(2, sp.Rational(1, 4)), C.GompertzDistribution(1, 2),
         C.GompertzDistribution(1, sp.Rational(1, 3)), C.BetaDistribution(1, 1),
         C.BetaDistribution(1, 3), C.KumaraswamyDistribution(1, 1), C.GammaDistribution(1, 2),
         C.LogLogisticDistribution(2, 1), D.NegativeBinomialDistribution(sp.Rational(1, 2),
                                                                          sp.Rational(1, 3)),
         D.FlorySchulzDistribution(sp.Rational(1, 2)), D.PoissonDistribution(3)]


@pytest.mark.parametrize("dist", EDGES, ids=str)
def test_min_entropy_at_mode_edges(dist):
    """Modes at an end of the support or on a branch boundary of the record's formula."""
    with mpmath.workdps(DPS):
        got = _num(engine.renyi_entropy(dist, sp.oo).value)
        assert close(got, -mpmath.log(numeric_sup(dist)), DIGITS)


def test_uniform_sum_integer_orders_match_quadrature():
    """Irwin-Hall: ∫ p**m exact over the record's polynomial pieces, against quadrature of the
    textbook density (1/(n−1)!) Σ_{j <= x} (−1)**j binomial(n, j) (x − j)**(n − 1)."""
    with mpmath.workdps(DPS):
        for n in (1, 2, 3, 5):
            dist = C.UniformSumDistribution(n)

            def density(t, n=n):
                return mpmath.fsum((-1) ** j * mpmath.binomial(n, j) * (t - j) ** (n - 1)
                                   for j in range(int(mpmath.floor(t)) + 1)) / mpmath.factorial(
                    n - 1)

            for m in (2, 3):
                truth = mpmath.fsum(mpmath.quad(lambda t, m=m: density(t) ** m,
                                                [j + mpmath.mpf(10) ** -35, j + 1])
                                    for j in range(n))
                got = _num(engine.renyi_entropy(dist, m).value)
                assert close(got, mpmath.log(truth) / (1 - m), 25), (n, m, got)
    assert engine.renyi_entropy(C.UniformSumDistribution(3), sp.Rational(1, 2)).value.has(
        sp.Integral)


def test_pushforward_families_inherit_their_bases_divergences():
    """LogCauchy pairs (no decomposition of their own) read ∫ p**α q**(1−α) from the Cauchy
    bases; checked against quadrature of SymPy's LogCauchy densities (in x = e**y)."""
    p, q = C.LogCauchyDistribution(0, 1), C.LogCauchyDistribution(1, sp.Rational(5, 2))
    fp, fq = (sp.lambdify(X, d.pdf(X), "mpmath") for d in (p, q))
    with mpmath.workdps(DPS):
        for a in (sp.Rational(1, 2), sp.Integer(2), sp.Rational(7, 10)):
            got = _num(engine.renyi_divergence(p, q, a).value)
            al = mpmath.mpf(sp.N(a, DPS + 5))
            total = mpmath.quad(lambda y, al=al: fp(mpmath.exp(y)) ** al
                                * fq(mpmath.exp(y)) ** (1 - al) * mpmath.exp(y),
                                [-mpmath.inf, 0, 1, mpmath.inf])
            assert close(got, mpmath.log(total) / (al - 1), 25), (a, got)
    # LogLogistic's base (Logistic) is not closed: the honest integral
    assert engine.renyi_divergence(C.LogLogisticDistribution(1, 2),
                                   C.LogLogisticDistribution(2, 3), 2).value.has(sp.Integral)
