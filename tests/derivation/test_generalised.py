"""Derivations of Rényi entropy/divergence, Hellinger distance and Fisher information through
the log-normaliser (issue 9 item 5): every step is checked when built; the result is compared
here with an independent mpmath sum/quadrature of the definition."""

from __future__ import annotations

import mpmath
import sympy as sp
from sympy.stats import Exponential, Gamma, Geometric, Normal, Poisson

import symbinfo as si

a, b, lam, p = sp.symbols("a b lambda p", positive=True)
alpha = sp.Symbol("alpha", positive=True)


def _kinds(d):
    return [s.kind for s in d]


def _checked(d):
    # every step after the first was checked (symbolically, numerically, or honestly over budget)
    assert all(s.check is not None for s in d)
    assert d.steps[0].check.method == "start"


def test_renyi_divergence_of_poissons():
    d = si.derive(si.RenyiDivergence(Poisson("P", a), Poisson("Q", b), alpha))
    assert _kinds(d) == ["definition", "substitute", "identity", "simplify"]
    _checked(d)
    pt = {a: sp.Rational(3, 2), b: sp.Rational(7, 10), alpha: sp.Rational(2, 5)}
    with mpmath.workdps(40):
        pa, pb, al = mpmath.mpf(3) / 2, mpmath.mpf(7) / 10, mpmath.mpf(2) / 5
        s = mpmath.nsum(lambda k: pa ** (al * k) * pb ** ((1 - al) * k)
                        * mpmath.exp(-al * pa - (1 - al) * pb) / mpmath.factorial(k),
                        [0, mpmath.inf])
        ref = sp.Float(str(mpmath.log(s) / (mpmath.mpf(2) / 5 - 1)), 35)
    assert abs(sp.N(d.result.xreplace(pt), 35) - ref) < 1e-25


def test_hellinger_of_poissons():
    d = si.derive(si.HellingerDistance(Poisson("P", a), Poisson("Q", b)))
    _checked(d)
    # BC = exp(sqrt(ab) - (a + b)/2) for Poissons: the textbook form
    assert sp.simplify(d.result**2 - (1 - sp.exp(sp.sqrt(a * b) - (a + b) / 2))) == 0


def test_renyi_entropy_of_a_geometric():
    d = si.derive(si.RenyiEntropy(Geometric("G", p), alpha))
    _checked(d)
    pt = {p: sp.Rational(1, 3), alpha: sp.Rational(5, 2)}
    with mpmath.workdps(40):
        q = mpmath.mpf(1) / 3
        s = mpmath.nsum(lambda k: (q * (1 - q) ** (k - 1)) ** (mpmath.mpf(5) / 2),
                        [1, mpmath.inf])
        ref = sp.Float(str(mpmath.log(s) / (1 - mpmath.mpf(5) / 2)), 35)
    assert abs(sp.N(d.result.xreplace(pt), 35) - ref) < 1e-25


def test_fisher_information_derivations():
    d = si.derive(si.FisherInformation(Poisson("N", lam), lam))
    assert d.result == 1 / lam
    d = si.derive(si.FisherInformation(Gamma("G", a, b), a, b))
    assert _kinds(d) == ["definition", "expand-log", "identity", "simplify"]
    assert d.result == si.fisher_information(Gamma("G", a, b))[0, 1] == 1 / b


def test_other_measures_go_the_usual_way():
    from symbinfo.derivation.generalised import generalised_derivation

    assert generalised_derivation(si.Entropy(Exponential("T", a))) is None
    assert generalised_derivation(si.RenyiEntropy(Poisson("N", a), 2)) is None  # carrier
    assert generalised_derivation(si.RenyiEntropy(Normal("X", 0, a), 2, base=2)) is None
