"""Fisher information against the variance of the score (mpmath quadrature, 30 digits)."""

from __future__ import annotations

import pytest
import sympy as sp
import sympy.stats.crv_types as C
import sympy.stats.drv_types as D
import sympy.stats.frv_types as F
from score_reference import numeric, score_variance
from sympy.stats import Bernoulli, Exponential, Gamma, Normal, Poisson, Uniform

import symbinfo as si
from symbinfo.distributions.continuous import sample_parameters
from symbinfo.distributions.families import family_of
from symbinfo.errors import InvalidParameterError, UnsupportedInputError
from symbinfo.limits import using_limits
from symbinfo.measures.fisher import _information

DIGITS = 25

# closed through the log-normaliser or the record's expectations, and families whose entries
# stay honest integrals/sums, recomputed live from the definition; every family is compared
# with stored references at 3 points in test_fisher_references.py (scripts/fisher_sweep.py)
CLOSED = [C.BetaDistribution, C.GammaDistribution, C.NormalDistribution,
          C.RayleighDistribution, D.PoissonDistribution, F.BernoulliDistribution]
HONEST = [C.LaplaceDistribution, D.LogarithmicDistribution]
LABELS = {"succ": sp.S.One, "fail": sp.S.Zero}  # a Bernoulli's/Binomial's outcome labels


def symbolic(cls):
    """A member of ``cls`` with a symbol per smooth-looking parameter, and those symbols."""
    rec = family_of(cls)
    flags = dict(rec.flags)
    point = sample_parameters(cls, count=1, seed=3)[0]
    args, syms = [], []
    for n in rec.params:
        if n in flags or n in LABELS:
            args.append(flags.get(n, LABELS.get(n)))
        elif n in rec.integer:
            args.append(point[n])
        else:
            s = sp.Symbol(n, real=True) if n in rec.real else sp.Symbol(n, positive=True)
            args.append(s)
            syms.append(s)
    return cls(*args), syms


def _agree(cls, count: int = 1) -> None:
    dist, syms = symbolic(cls)
    info, chosen = _information(dist, None)
    for pt in sample_parameters(cls, count=count, seed=11):
        point = {s: pt[str(s)] for s in syms}
        ref = score_variance(dist, chosen, point)
        for a, b in zip(info, ref, strict=True):
            value = numeric(a, point, DIGITS + 5)
            assert abs(value - b) <= 10 ** -DIGITS * max(1, abs(b)), (cls.__name__, pt, a, b)


@pytest.mark.parametrize("cls", CLOSED, ids=lambda c: family_of(c).name)
def test_closed_forms_agree_with_score_variance(cls):
    with using_limits(integrate_seconds=0):
        dist, _ = symbolic(cls)
        info = si.fisher_information(dist)
        assert not any(e.has(sp.Integral, sp.Sum) for e in info)
        _agree(cls)


@pytest.mark.parametrize("cls", HONEST, ids=lambda c: family_of(c).name)
def test_honest_entries_agree_with_score_variance(cls):
    with using_limits(integrate_seconds=0):
        _agree(cls, count=1)


def test_cauchy_closes_by_integration_on_the_standard_member():
    x0 = sp.Symbol("x0", real=True)
    g = sp.Symbol("gamma", positive=True)
    info = si.fisher_information(C.CauchyDistribution(x0, g))
    assert info == sp.Matrix([[1 / (2 * g**2), 0], [0, 1 / (2 * g**2)]])
    _agree(C.CauchyDistribution, count=1)


def test_textbook_forms():
    mu = sp.Symbol("mu", real=True)
    s, k, th, lam, p = sp.symbols("sigma k theta lambda p", positive=True)
    assert si.fisher_information(Normal("X", mu, s)) == sp.diag(1 / s**2, 2 / s**2)
    assert si.fisher_information(Gamma("G", k, th)) == sp.Matrix(
        [[sp.polygamma(1, k), 1 / th], [1 / th, k / th**2]])
    assert si.fisher_information(Exponential("T", lam)) == sp.Matrix([[lam**-2]])
    assert si.fisher_information(Poisson("N", lam)) == sp.Matrix([[1 / lam]])
    assert sp.simplify(si.fisher_information(Bernoulli("B", p))[0] - 1 / (p * (1 - p))) == 0


def test_reparameterisation_by_the_chain_rule():
    mu = sp.Symbol("mu", real=True)
    t = sp.Symbol("t", real=True)
    info = si.fisher_information(Normal("X", mu, sp.exp(t)), [mu, t])
    assert sp.simplify(info - sp.diag(sp.exp(-2 * t), 2)) == sp.zeros(2, 2)
    s = sp.Symbol("sigma", positive=True)
    assert si.fisher_information(Normal("X", mu, s), [s]) == sp.Matrix([[2 / s**2]])


def test_score_variance_equals_negative_expected_hessian():
    # the two definitions agree symbolically where the record's expectations close the score
    # products (E[X], E[X^2], E[log X], E[log^2 X]): E[s_i s_j] = -E[d_i d_j log p]
    from sympy.stats import LogNormal

    from symbinfo.derivation.continuous import expected_value
    from symbinfo.distributions.continuous import read_univariate

    mu = sp.Symbol("mu", real=True)
    k, th, lam, s = sp.symbols("k theta lambda sigma", positive=True)
    for dist, entries in [(Exponential("T", lam), [(lam, lam)]),
                          (Gamma("G", k, th), [(k, k), (th, th)]),
                          (Normal("X", mu, s), [(mu, mu)]),
                          (LogNormal("L", mu, s), [(mu, mu)])]:
        view = read_univariate(dist)
        logp = sp.expand_log(sp.log(view.density), force=False)
        for a, b in entries:
            scores = expected_value(view, sp.expand(sp.diff(logp, a) * sp.diff(logp, b)),
                                    budget=0)
            hessian = expected_value(view, -sp.diff(logp, a, b), budget=0)
            assert not scores.has(sp.Integral)
            assert sp.simplify(scores - hessian) == 0
            assert sp.simplify(scores - si.fisher_information(dist, [a])[0]) == 0


def test_jeffreys_and_cramer_rao():
    p, lam = sp.symbols("p lambda", positive=True)
    mu = sp.Symbol("mu", real=True)
    s = sp.Symbol("sigma", positive=True)
    got = si.jeffreys_prior(Bernoulli("B", p)) - 1 / sp.sqrt(p * (1 - p))
    assert all(abs(sp.N(got.subs(p, v), 30)) < 1e-28
               for v in (sp.Rational(1, 7), sp.Rational(5, 6)))
    assert si.jeffreys_prior(Poisson("N", lam)) == 1 / sp.sqrt(lam)
    assert si.cramer_rao_bound(Normal("X", mu, s)) == sp.diag(s**2, s**2 / 2)


def test_refusals():
    a, b = sp.symbols("a b", real=True)
    with pytest.raises(UnsupportedInputError, match="support depends"):
        si.fisher_information(Uniform("U", a, b))
    lam = sp.Symbol("lambda", positive=True)
    with pytest.raises(InvalidParameterError, match="not a parameter"):
        si.fisher_information(Exponential("T", lam), [sp.Symbol("z")])
    with pytest.raises(InvalidParameterError):
        si.fisher_information(Exponential("T", lam), ["lambda"])
    with pytest.raises(UnsupportedInputError):
        si.fisher_information(Exponential("T", 2))
    with pytest.raises(UnsupportedInputError, match="integer"):
        si.fisher_information(sp.stats.ChiSquared("C", sp.Symbol("n", integer=True,
                                                                   positive=True)))


def _lkl_cases():
    from sympy.stats import (
        Beta,
        Binomial,
        Gamma,
        GammaInverse,
        GaussianInverse,
        Geometric,
        Laplace,
        LogNormal,
        Maxwell,
        Nakagami,
        Pareto,
        Rayleigh,
        Weibull,
    )
    mu = sp.Symbol("mu", real=True)
    s, a, b, k, th, lam, p = sp.symbols("sigma a b k theta lambda p", positive=True)
    return [Normal("X", mu, s), Gamma("G", k, th), Poisson("N", lam), Bernoulli("B", p),
            Exponential("T", lam), Beta("Be", a, b), LogNormal("L", mu, s),
            GammaInverse("GI", a, b), Rayleigh("R", s), Maxwell("M", a), Nakagami("Na", a + 1, b),
            Geometric("Ge", p), Binomial("Bi", 5, p), Pareto("P", 2, a), Laplace("La", 0, b),
            Weibull("W", a, 3), GaussianInverse("IG", a, b)]


@pytest.mark.parametrize("dist", _lkl_cases(), ids=str)
def test_local_kl_expansion_is_proved(dist):
    v = si.local_kl_expansion(dist)
    assert v.status == "proved", v
