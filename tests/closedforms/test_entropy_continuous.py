"""Differential entropies of every sympy.stats continuous family against independent quadrature.

The reference values are mpmath quadratures (35 digits) of -∫ f log f written from SymPy's own
``dist.pdf`` (see ``quadrature.py``), stored in ``entropy_references.json`` with their parameter
points (3 per family, drawn from the declared domain). A representative subset is recomputed on
every run; set SYMBINFO_SLOW=1 to recompute all of them.
"""

from __future__ import annotations

import json
import os

import mpmath
import pytest
import sympy as sp
import sympy.stats.crv_types as crv
from sympy.stats import ContinuousRV, Erlang, Wald

from symbinfo.closedforms import ENTROPY
from symbinfo.closedforms.catalog import markdown_table, supported_table, symbolic_instance
from symbinfo.closedforms.entropy_continuous import NO_CLOSED_FORM
from symbinfo.derivation.continuous import differential_entropy
from symbinfo.distributions.continuous import read_univariate, true_support

from .quadrature import (
    NO_QUADRATURE,
    REFERENCE_FILE,
    build,
    continuous_families,
    entropy_by_quadrature,
)

REFERENCES = json.loads(REFERENCE_FILE.read_text())
CASES = [
    (name, i, row) for name, rows in sorted(REFERENCES.items()) for i, row in enumerate(rows)
]
SLOW = bool(os.environ.get("SYMBINFO_SLOW"))
# Recomputed on every run: singular endpoints, heavy tails, the corrected supports.
RECHECK = {"ArcsinDistribution", "CauchyDistribution", "FrechetDistribution",
           "KumaraswamyDistribution", "LevyDistribution", "BetaPrimeDistribution"}


def _point(row: dict) -> dict:
    return {k: (sp.false if v == "False" else sp.Rational(v)) for k, v in row["params"].items()}


def _rel(a, b) -> mpmath.mpf:
    return abs(a - b) / max(abs(b), mpmath.mpf(1))


IDS = [f"{name[: -len('Distribution')]}{i}" for name, i, _ in CASES]


@pytest.mark.parametrize(("name", "index", "row"), CASES, ids=IDS)
def test_entropy_matches_quadrature(name: str, index: int, row: dict) -> None:
    cls = getattr(crv, name)
    dist = build(cls, _point(row))
    applied = ENTROPY.apply(dist)
    with mpmath.workdps(35):
        reference = mpmath.mpf(row["value"])
        if applied is not None:
            value = mpmath.mpf(sp.N(applied[0], 40))
            assert _rel(value, reference) < mpmath.mpf("1e-28"), (applied[0], row)
        else:
            # no rule: with budget 0 the engine closes only the terms of -log f the family
            # record knows (constants at least) and keeps the rest as an honest Integral over
            # the true support
            result = differential_entropy(dist, budget=0)
            integrals = list(result.atoms(sp.Integral))
            assert integrals, result
            support = true_support(dist)
            for integral in integrals:
                (_, lo, hi), = integral.limits
                assert (lo, hi) == (support.inf, support.sup)
            # ...which still evaluates, by quadrature of its own integrand, to the digits asked
            value = mpmath.mpf(sp.N(result, 30))
            assert _rel(value, reference) < mpmath.mpf("1e-25"), (result, row)


# Quadrature of every stored reference takes minutes; each run redoes a few (SYMBINFO_SLOW=1: all)
@pytest.mark.parametrize("name", sorted(REFERENCES) if SLOW else sorted(RECHECK))
def test_references_are_reproduced(name: str) -> None:
    rows = REFERENCES[name] if SLOW else REFERENCES[name][:1]
    for row in rows:
        with mpmath.workdps(35):
            value = entropy_by_quadrature(build(getattr(crv, name), _point(row)))
            assert _rel(value, mpmath.mpf(row["value"])) < mpmath.mpf("1e-28")


def test_every_family_is_covered() -> None:
    families = continuous_families()
    assert len(families) == 51  # + Erlang (Gamma) and Wald (GaussianInverse) = 53 constructors
    ruled = {r.key[0] for r in ENTROPY}
    for cls in families:
        short = cls.__name__[: -len("Distribution")]
        assert cls in ruled or short in NO_CLOSED_FORM, short
        assert cls.__name__ in REFERENCES or cls.__name__ in NO_QUADRATURE, short


def test_every_rule_names_source_and_conditions() -> None:
    for rule in ENTROPY:
        assert rule.source and rule.conditions, rule.family


# --- textbook forms users see -------------------------------------------------------------

sigma = sp.Symbol("sigma", positive=True)
mu = sp.Symbol("mu", real=True)
lam = sp.Symbol("lambda", positive=True)


def test_normal_is_textbook_short() -> None:
    value, rule = ENTROPY.apply(crv.NormalDistribution(mu, sigma))
    assert value == sp.log(sigma) + sp.log(2 * sp.pi * sp.E) / 2
    assert "Cover" in rule.source


def test_exponential_gamma_erlang_wald_forms() -> None:
    assert ENTROPY.apply(crv.ExponentialDistribution(lam))[0] == 1 - sp.log(lam)
    k, theta = sp.symbols("k theta", positive=True)
    expected = k + sp.log(theta) + sp.log(sp.gamma(k)) + (1 - k) * sp.digamma(k)
    assert ENTROPY.apply(crv.GammaDistribution(k, theta))[0] == expected
    # Erlang(k, rate l) is SymPy's Gamma(k, 1/l): the scale is 1/l, so -log(l) appears
    n = sp.Symbol("n", positive=True, integer=True)
    erl = ENTROPY.apply(Erlang("E", n, lam).pspace.distribution)[0]
    assert sp.simplify(erl - (n - sp.log(lam) + sp.log(sp.gamma(n)) + (1 - n) * sp.digamma(n))) == 0
    assert ENTROPY.apply(Wald("W", 1, 2).pspace.distribution) is not None


def test_symbolic_rules_are_closed_everywhere() -> None:
    for rule in ENTROPY:
        cls = rule.key[0]
        if cls.__module__.endswith("crv_types"):
            value = rule.func(symbolic_instance(cls))
            assert not value.has(sp.Integral, sp.Sum), rule.family


def test_log_cauchy_entropy_is_undefined() -> None:
    # h = h(Cauchy) + E[log X] and E[log X] (a Cauchy mean) has infinite positive and negative
    # parts: undefined, so nan rather than a guess of +oo.
    assert ENTROPY.apply(crv.LogCauchyDistribution(0, 1))[0] is sp.nan


# --- the corrected supports ----------------------------------------------------------------


def _mass(dist, support) -> mpmath.mpc:
    x = sp.Symbol("x", real=True)
    f = sp.lambdify(x, dist.pdf(x), "mpmath")
    lo = support.inf if support.inf.is_finite else -mpmath.inf
    hi = support.sup if support.sup.is_finite else mpmath.inf
    with mpmath.workdps(20):
        return mpmath.quad(f, [mpmath.mpf(sp.N(lo, 25)) if lo != -mpmath.inf else lo,
                               mpmath.mpf(sp.N(hi, 25)) if hi != mpmath.inf else hi])


@pytest.mark.parametrize(
    "dist",
    [
        crv.FrechetDistribution(2, 1, sp.Rational(5, 2)),
        crv.KumaraswamyDistribution(2, 3),
        crv.DavisDistribution(2, 3, sp.Rational(3, 2)),
    ],
    ids=["Frechet", "Kumaraswamy", "Davis"],
)
def test_support_fixes(dist) -> None:
    fixed, declared = true_support(dist), dist.set
    assert fixed != declared
    assert abs(_mass(dist, fixed) - 1) < 1e-15
    bad = _mass(dist, declared)  # SymPy's support: complex values, or mass outside [0, 1]
    assert abs(mpmath.im(bad)) > 1e-6 or abs(bad - 1) > 1e-6
    view = read_univariate(dist)
    assert view.support == fixed and view.declared_support == declared


def test_frechet_and_kumaraswamy_values_are_real_and_right() -> None:
    d = crv.FrechetDistribution(2, 1, sp.Rational(5, 2))
    h = ENTROPY.apply(d)[0]
    assert h.is_real
    assert abs(sp.N(h, 30) - sp.N(1 + sp.EulerGamma * sp.Rational(3, 2) - sp.log(2), 30)) < 1e-28
    # Kumaraswamy(1, 1) is Uniform(0, 1): entropy exactly 0
    assert sp.simplify(ENTROPY.apply(crv.KumaraswamyDistribution(1, 1))[0]) == 0


# --- the generic engine: fallbacks, user densities, cross-checks of the rules -------------


def test_fallback_is_integral_and_evaluates() -> None:
    s, r = sp.symbols("s r", positive=True)
    result = differential_entropy(crv.ExGaussianDistribution(mu, s, r), budget=3)
    assert result.has(sp.Integral)
    # a fallback evaluates with plain .evalf() (LogitNormal: SymPy's quadrature, ~1 s)
    h = differential_entropy(crv.LogitNormalDistribution(0, 1), budget=0)
    assert h.has(sp.Integral)
    assert h.evalf(10).is_Float


def test_uniform_sum_fallback() -> None:
    result = differential_entropy(crv.UniformSumDistribution(sp.Symbol("n", positive=True,
                                                                        integer=True)), budget=0)
    assert isinstance(result, sp.Integral) or result.has(sp.Integral)
    assert result.limits[0][1:] == (0, sp.Symbol("n", positive=True, integer=True))


def test_user_density() -> None:
    x = sp.Symbol("x")
    X = ContinuousRV(x, 2 * x, set=sp.Interval(0, 1))  # the pdf is written in the RV's symbol
    h = differential_entropy(X.pspace.distribution, budget=10)
    assert sp.simplify(h - (sp.S.Half - sp.log(2))) == 0


@pytest.mark.parametrize(
    "dist",
    [
        crv.NormalDistribution(mu, sigma),
        crv.ExponentialDistribution(lam),
        crv.ParetoDistribution(*sp.symbols("x_m alpha", positive=True)),
        crv.RayleighDistribution(sigma),
    ],
    ids=["Normal", "Exponential", "Pareto", "Rayleigh"],
)
def test_engine_agrees_with_rules(dist) -> None:
    engine = differential_entropy(dist, budget=20)
    assert not engine.has(sp.Integral), engine
    rule = ENTROPY.apply(dist)[0]
    point = {s: sp.Rational(7, 3) for s in rule.free_symbols}
    assert abs(sp.N((engine - rule).subs(point), 30)) < 1e-28


def test_catalog_table_lists_everything() -> None:
    rows = supported_table()
    assert len({r.family for r in rows}) >= 53 - 2  # Erlang/Wald are served by Gamma/Inverse
    table = markdown_table(rows)
    assert "Normal" in table and "LogitNormal" in table


def test_public_entropy_uses_the_rules() -> None:
    from sympy.stats import Exponential, Normal, Poisson

    import symbinfo as si

    h = si.entropy(Normal("X", mu, sigma))
    assert sp.simplify(h - (sp.log(sigma) + sp.log(2 * sp.pi * sp.E) / 2)) == 0
    assert sp.count_ops(h) <= sp.count_ops(sp.log(sigma) + sp.log(2 * sp.pi * sp.E) / 2)
    assert si.entropy(Exponential("T", lam)) == 1 - sp.log(lam)
    assert isinstance(si.entropy(Poisson("N", lam)), sp.Sum)


def test_engine_takes_no_complex_branch_for_a_real_expectation() -> None:
    """SymPy's Meijer-G mean of the shifted Gompertz carries log(-eta) (= log(eta) + I*pi) at a
    symbolic eta > 0, and +I*pi beside Ei(-13/5) at a number: the engine refuses such terms and
    keeps them in the honest Integral, which evaluates to the stored quadrature."""
    b, eta = sp.symbols("b eta", positive=True)
    h = differential_entropy(crv.ShiftedGompertzDistribution(b, eta))
    assert not h.has(sp.I) and not any(g.args[0].is_negative for g in h.atoms(sp.log)), h
    row = REFERENCES["ShiftedGompertzDistribution"][0]
    point = {sp.Symbol(k, positive=True): v for k, v in _point(row).items()}
    with mpmath.workdps(35):
        value = mpmath.mpf(sp.N(h.xreplace(point), 30))
        assert _rel(value, mpmath.mpf(row["value"])) < mpmath.mpf("1e-25")
