"""The family records against SymPy's own densities, by mpmath (never against a record's own
formula): every continuous family has a record, its density integrates to 1 over the true
support, location/scale and exponential-family forms reproduce the pdf, and every known
expectation matches quadrature of the definition to 20 digits."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
import sympy.stats.crv_types as C
from sympy.stats.crv import SingleContinuousDistribution

from symbinfo.distributions.continuous import read_univariate, sample_parameters
from symbinfo.distributions.families import EXPECT, EXPFAMILY, FAMILIES, family_of
from tests.closedforms._expect_quad import DPS, X
from tests.closedforms._expect_quad import close as _close
from tests.closedforms._expect_quad import expect_quad as _quad


@pytest.fixture(autouse=True)
def _precision():
    # every conversion and comparison below at DPS + 10 digits (restored after each test)
    with mpmath.workdps(DPS + 10):
        yield


def continuous_families() -> list[type]:
    return sorted((c for c in vars(C).values() if isinstance(c, type)
                   and issubclass(c, SingleContinuousDistribution) and hasattr(c, "_argnames")
                   and c.__name__ not in {"ContinuousDistributionHandmade",
                                          "SingleContinuousDistribution"}),
                  key=lambda c: c.__name__)


def build(cls: type, point: dict):
    rec = family_of(cls)
    return cls(*[point[n] for n in rec.params])


def test_every_continuous_family_has_a_record():
    assert [c for c in continuous_families() if c not in FAMILIES] == []


# SymPy writes these densities with an infinite Sum (or up to floor(x)): no lambdified quadrature
SUM_DENSITIES = {"BetaNoncentral", "LogCauchy", "UniformSum"}
# endpoint singularities or heavy tails tanh-sinh resolves only to ~10 digits here
LOOSE = {"Arcsin", "Frechet", "Levy", "Davis", "Kumaraswamy", "Benini", "Dagum", "LogLogistic",
         "Lomax", "Pareto", "BoundedPareto", "Cauchy", "StudentT", "GammaInverse", "FDistribution",
         "BetaPrime", "PowerFunction", "Reciprocal"}


@pytest.mark.parametrize("cls", [c for c in continuous_families()
                                 if family_of(c).name not in SUM_DENSITIES],
                         ids=lambda c: family_of(c).name)
def test_density_integrates_to_one_over_the_true_support(cls):
    dist = build(cls, sample_parameters(cls, 1)[0])
    total = _quad(dist, dps=20)
    assert _close(total, mpmath.mpf(1), 8 if family_of(cls).name in LOOSE else 15)


def _standard(rec, point: dict) -> dict:
    std = dict(point)
    if rec.location:
        std[rec.location] = sp.S.Zero
    for name in (rec.scale, rec.rate):
        if name:
            std[name] = sp.S.One
    return std


@pytest.mark.parametrize("cls", [c for c, r in FAMILIES.items()
                                 if r.location or r.scale or r.rate],
                         ids=lambda c: family_of(c).name)
def test_location_and_scale_reproduce_the_density(cls):
    rec = family_of(cls)
    point = sample_parameters(cls, 1, seed=3)[0]
    loc = point[rec.location] if rec.location else 0
    scale = point[rec.scale] if rec.scale else 1 / point[rec.rate] if rec.rate else 1
    dist, std = build(cls, point), build(cls, _standard(rec, point))
    for z in (sp.Rational(1, 3), sp.Rational(7, 5), sp.Rational(-1, 2), 3):
        x = loc + scale * z
        lhs = pdf_number(dist, x)
        rhs = pdf_number(std, z) / scale
        assert _close(lhs, rhs, 25)


def pdf_number(dist, x):
    with mpmath.workdps(DPS):
        v = sp.N(dist.pdf(x), DPS)
        return mpmath.mpf(v) if v.is_real else mpmath.mpf(0)


def _inner_points(view) -> list:
    """Three points where the density is positive."""
    lo, hi = view.bounds
    if view.discrete:
        start = lo if lo.is_finite else -1
        return [start + k for k in range(3) if (start + k <= hi) == sp.true][:3]
    if lo.is_finite and hi.is_finite:
        return [lo + (hi - lo) * k / 4 for k in (1, 2, 3)]
    if lo.is_finite:
        return [lo + sp.Rational(k, 3) for k in (1, 2, 4)]
    return [sp.Rational(k, 3) for k in (-4, 1, 5)]


@pytest.mark.parametrize("cls", list(EXPFAMILY), ids=lambda c: family_of(c).name)
def test_exponential_family_form_reproduces_the_density(cls):
    rec = family_of(cls)
    point = sample_parameters(cls, 1, seed=5)[0] if cls.__module__.endswith(
        ("crv_types", "drv_types")) else {"p": sp.Rational(2, 7), "n": 6, "succ": 1, "fail": 0}
    dist = build(cls, point)
    fam = rec.expfamily
    theta = fam.theta(dist)
    for x in _inner_points(read_univariate(dist)):
        stats = fam.T(dist, x)
        log_p = sp.Add(*(t * s for t, s in zip(theta, stats, strict=True))) - fam.F(
            dist, theta) + fam.carrier(dist, x)
        density = dist.pmf(x) if hasattr(type(dist), "pmf") else dist.pdf(x)
        assert _close(mpmath.mpf(sp.N(sp.exp(log_p), DPS)), mpmath.mpf(sp.N(density, DPS)), 25)


def _expectation_cases():
    for cls, ex in EXPECT.items():
        for name in ("mean", "var", "elog", "varlog", "elog1m"):
            if getattr(ex, name) is not None:
                yield pytest.param(cls, name, id=f"{family_of(cls).name}-{name}")
        if ex.mgf is not None:
            yield pytest.param(cls, "mgf", id=f"{family_of(cls).name}-mgf")
        if ex.lower_partial is not None:
            yield pytest.param(cls, "lower_partial", id=f"{family_of(cls).name}-lower_partial")


@pytest.mark.parametrize("cls, name", _expectation_cases())
def test_known_expectation_matches_quadrature(cls, name):
    rec = family_of(cls)
    point = sample_parameters(cls, 1, seed=11)[0]
    if cls is C.UniformDistribution:  # E[log X], E[log(1 - X)] need the support in (0, 1)
        point = {"left": sp.Rational(1, 5), "right": sp.Rational(7, 10)}
    if cls is C.StudentTDistribution:
        point = {"nu": sp.Rational(9, 2)}
    dist = build(cls, point)
    x = X
    ex = rec.expect
    if name == "mgf":
        t = -sp.Rational(1, 10)
        known, g = ex.mgf(dist, t), sp.exp(t * x)
    elif name == "lower_partial":
        lo, hi = read_univariate(dist).bounds
        c = (lo + hi) / 2 if hi.is_finite else lo + 1 if lo.is_finite else sp.Rational(1, 2)
        known, g = ex.lower_partial(dist, c), sp.Max(c - x, 0)
    elif name == "var":
        known, g = ex.var(dist), (x - ex.mean(dist).value) ** 2
    elif name == "varlog":
        known, g = ex.varlog(dist), (sp.log(x) - ex.elog(dist).value) ** 2
    else:
        known, g = getattr(ex, name)(dist), {"mean": x, "elog": sp.log(x),
                                             "elog1m": sp.log(1 - x)}[name]
    assert known is not None
    assert known.finite == sp.true, f"catalog point outside the finite domain: {point}"
    value = mpmath.mpf(sp.N(known.value, DPS))
    digits = 12 if rec.name in LOOSE else 20
    breaks = [c] if name == "lower_partial" else []
    assert _close(value, _quad(dist, g, breaks=breaks), digits)
