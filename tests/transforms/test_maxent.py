"""Maximum entropy (issue 10, item 5): at least eight classical laws, each with a derivation
whose steps were all checked (symbolically, or numerically by quadrature of the expectations at
30 digits: the independent computation), and the Gibbs-inequality derivation for a competitor."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
import sympy.stats as st

import symbinfo as si

x = sp.Symbol("x", real=True)
mu, a, c = sp.symbols("mu a c", real=True)
s, m, b = sp.symbols("sigma m b", positive=True)

CASES = [
    ("Uniform", sp.Interval(2, 5), {}, sp.log(3)),
    ("Exponential", sp.Interval(0, sp.oo), {x: m}, 1 + sp.log(m)),
    ("Normal", sp.Reals, {x: mu, (x - mu) ** 2: s**2}, sp.log(2 * sp.pi * sp.E * s**2) / 2),
    ("Laplace", sp.Reals, {sp.Abs(x - mu): b}, 1 + sp.log(2 * b)),
    ("Gamma", sp.Interval(0, sp.oo), {x: m, sp.log(x): a}, None),
    ("Beta", sp.Interval(0, 1), {sp.log(x): a, sp.log(1 - x): c}, None),
    ("Geometric", sp.Naturals, {x: m + 1}, (m + 1) * sp.log(m + 1) - m * sp.log(m)),
    ("Pareto", sp.Interval(1, sp.oo), {sp.log(x): sp.Rational(1, 3)}, sp.Rational(4, 3)
     - sp.log(3)),
    ("LogNormal", sp.Interval(0, sp.oo), {sp.log(x): mu, sp.log(x) ** 2: mu**2 + s**2},
     mu + sp.log(2 * sp.pi * sp.E * s**2) / 2),
]


@pytest.mark.parametrize("family, support, constraints, entropy", CASES,
                         ids=[c[0] for c in CASES])
def test_classical_maximum_entropy_laws(family, support, constraints, entropy):
    r = si.max_entropy(support, constraints, variable=x)
    assert r.family == family
    if entropy is not None:
        assert sp.simplify(sp.expand_log(r.entropy - entropy, force=True)) == 0
    else:
        assert r.equations  # the parameters solve E[s_i] = c_i (no closed form)
    assert r.derivation is not None
    assert all(step.check.method in ("start", "symbolic", "numeric")
               for step in r.derivation.steps), [s.check for s in r.derivation.steps]


def test_jaynes_dice_is_an_exact_gibbs_law():
    r = si.max_entropy([1, 2, 3, 4, 5, 6], {x: sp.Rational(9, 2)})
    assert r.family == "Gibbs"
    ctx = mpmath.MPContext()
    ctx.dps = 40
    # independent: solve sum (k - 9/2) e^(l k) = 0 for l by mpmath, then sum -p log p
    lam = ctx.findroot(lambda t: ctx.fsum((k - ctx.mpf(9) / 2) * ctx.exp(t * k)
                                          for k in range(1, 7)), 0.3)
    w = [ctx.exp(lam * k) for k in range(1, 7)]
    Z = ctx.fsum(w)
    ref = -ctx.fsum(v / Z * ctx.log(v / Z) for v in w)
    assert abs(ctx.mpf(str(sp.N(r.entropy, 45))) - ref) < ctx.mpf(10) ** -30
    p = [sp.N(r.distribution[k], 40) for k in range(1, 7)]
    assert abs(sum(k * pk for k, pk in zip(range(1, 7), p, strict=True)) - 4.5) < 1e-30


def test_gibbs_inequality_for_a_competitor():
    r = si.max_entropy(sp.Reals, {x: 0, x**2: 1}, variable=x)
    d = r.gibbs(st.Laplace("L", 0, 1 / sp.sqrt(2)))  # variance 1 too
    assert all(step.check.method in ("start", "symbolic", "numeric") for step in d.steps)
    assert sp.N(d.result, 20) < sp.N(r.entropy, 20)
    with pytest.raises(si.InvalidParameterError):
        r.gibbs(st.Laplace("L", 0, 1))  # variance 2: does not meet the constraints


def test_refusals():
    with pytest.raises(si.UnsupportedInputError):
        si.max_entropy(sp.Reals, {})
    with pytest.raises(si.UnsupportedInputError):
        si.max_entropy("Reals", {x: 1})
