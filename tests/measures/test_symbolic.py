"""Symbolic tables and families: identities that must cancel exactly, hand-known closed forms."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
from conftest import close
from sympy.stats import (
    Bernoulli,
    BetaBinomial,
    Binomial,
    Coin,
    Die,
    DiscreteUniform,
    FiniteRV,
    Hypergeometric,
    IdealSoliton,
    Rademacher,
    RobustSoliton,
)

import symbinfo as si
from symbinfo.derivation.simplify import tidy

a, b, c = sp.symbols("a b c", positive=True)


@pytest.fixture
def table2x2():
    return si.FiniteJointRV("X Y", {(0, 0): a, (0, 1): b, (1, 0): c, (1, 1): 1 - a - b - c})


def test_identities_cancel_on_a_symbolic_2x2_table(table2x2):
    # results are in the book's form (h(p), log(p/q) combined): the textbook simplifier, which
    # splits logarithms of probabilities again, shows the identities exactly
    X, Y = table2x2
    assert tidy(si.entropy(X, Y) - si.entropy(X) - si.conditional_entropy(Y, given=X)) == 0
    assert tidy(
        si.mutual_information(X, Y) - (si.entropy(X) - si.conditional_entropy(X, given=Y))
    ) == 0
    assert tidy(si.mutual_information(X, Y) - si.mutual_information(Y, X)) == 0
    # P, Q: the two marginals, distributions on the same alphabet {0, 1}
    assert tidy(si.cross_entropy(X, Y) - si.entropy(X) - si.kl_divergence(X, Y)) == 0


def test_cross_entropy_identity_on_symbolic_three_outcome_pmfs():
    p = sp.Symbol("p", positive=True)
    P = FiniteRV("P", {0: a, 1: b, 2: 1 - a - b})
    Q = FiniteRV("Q", {0: c, 1: p, 2: 1 - c - p})
    assert tidy(si.cross_entropy(P, Q) - si.entropy(P) - si.kl_divergence(P, Q)) == 0


def test_binary_entropy_is_the_textbook_form():
    p = sp.Symbol("p", positive=True)
    h = si.entropy(Bernoulli("B", p))
    assert h == -p * sp.log(p) - (1 - p) * sp.log(1 - p)
    with mpmath.workdps(40):
        for value in (sp.Rational(1, 3), sp.Rational(1, 7), sp.Rational(9, 10)):
            x = mpmath.mpf(value.p) / value.q
            assert close(h.subs(p, value), -x * mpmath.log(x) - (1 - x) * mpmath.log(1 - x))


@pytest.mark.parametrize("n", [2, 3, 4, 7, 10])
def test_uniform_on_n_outcomes_has_log_n(n):
    assert sp.simplify(si.entropy(Die("D", n)) - sp.log(n)) == 0
    assert sp.simplify(si.entropy(Die("D", n), base=2) - sp.log(n, 2)) == 0


def test_discrete_uniform_from_the_issue():
    X = DiscreteUniform("X", [1, 2, 3, 4])
    assert si.entropy(X) in (sp.log(4), 2 * sp.log(2))
    assert si.entropy(X, base=2) == 2


def test_self_information_is_entropy():
    X = FiniteRV("X", {0: sp.Rational(1, 2), 1: sp.Rational(1, 3), 2: sp.Rational(1, 6)})
    assert sp.simplify(si.mutual_information(X, X) - si.entropy(X)) == 0


def test_functions_of_dice():
    X, Y = Die("X", 6), Die("Y", 6)
    # I(X; X + Y) = H(X + Y) - H(Y) for independent X, Y
    with mpmath.workdps(40):
        probs = [mpmath.mpf(6 - abs(7 - s)) / 36 for s in range(2, 13)]
        h_sum = -mpmath.fsum(q * mpmath.log(q) for q in probs)
        assert close(si.mutual_information(X, X + Y), h_sum - mpmath.log(6))
        assert close(si.entropy(X + Y), h_sum)
    assert si.mutual_information(X, Y) == 0
    assert si.conditional_entropy(X, given=(X + Y, Y)) == 0


p_sym = sp.Symbol("p", positive=True)
FAMILIES = [
    (Bernoulli("B", sp.Rational(1, 3)), None),
    (Coin("C", sp.Rational(2, 5)), None),
    (Die("D", 5), None),
    (DiscreteUniform("U", [sp.Rational(1, 2), 3, 7]), None),
    (Binomial("N", 4, sp.Rational(1, 3)), None),
    (BetaBinomial("BB", 3, 2, 5), None),
    (Hypergeometric("HG", 10, 4, 5), None),
    (Rademacher("R"), None),
    (IdealSoliton("IS", 5), None),
    (RobustSoliton("RS", 6, sp.Rational(1, 10), sp.Rational(1, 2)), None),
    (FiniteRV("F", {0: sp.Rational(1, 2), 5: sp.Rational(1, 4), 9: sp.Rational(1, 4)}), None),
    (Binomial("NS", 3, p_sym), {p_sym: sp.Rational(2, 7)}),
]


@pytest.mark.parametrize(("rv", "point"), FAMILIES, ids=lambda v: str(v)[:20])
def test_every_finite_sympy_family(rv, point):
    dist = rv.pspace.distribution
    with mpmath.workdps(40):
        probs = [mpmath.mpmathify(sp.N(sp.sympify(v).subs(point or {}), 45))
                 for v in dist.dict.values()]
        reference = -mpmath.fsum(q * mpmath.log(q) for q in probs if q > 0)
        value = si.entropy(rv).subs(point or {})
        assert close(value, reference)
        assert close(si.renyi_entropy(rv, 2).subs(point or {}),
                     -mpmath.log(mpmath.fsum(q**2 for q in probs)))


def test_symbolic_binomial_entropy_and_kl():
    p, q = sp.symbols("p q", positive=True)
    h = si.entropy(Binomial("N", 2, p))
    kl = si.kl_divergence(Binomial("N", 2, p), Binomial("M", 2, q))
    with mpmath.workdps(40):
        x, y = mpmath.mpf(1) / 3, mpmath.mpf(3) / 4
        pmf_p = [(1 - x) ** 2, 2 * x * (1 - x), x**2]
        pmf_q = [(1 - y) ** 2, 2 * y * (1 - y), y**2]
        assert close(h.subs(p, sp.Rational(1, 3)), -mpmath.fsum(v * mpmath.log(v) for v in pmf_p))
        assert close(kl.subs({p: sp.Rational(1, 3), q: sp.Rational(3, 4)}),
                     mpmath.fsum(u * mpmath.log(u / v) for u, v in zip(pmf_p, pmf_q, strict=True)))


def test_symbolic_renyi_order_keeps_the_shannon_limit():
    alpha = sp.Symbol("alpha", positive=True)
    X = Bernoulli("X", sp.Rational(1, 4))
    h = si.renyi_entropy(X, alpha)
    assert isinstance(h, sp.Piecewise)
    assert sp.simplify(h.subs(alpha, 1) - si.entropy(X)) == 0
    assert sp.limit(h.args[1][0], alpha, 1).equals(si.entropy(X))
    assert sp.simplify(h.subs(alpha, 2) - si.renyi_entropy(X, 2)) == 0


def test_jsd_is_exact_and_bounded():
    X, Y = Die("X", 2), Die("Y", 3)
    value = si.js_divergence(X, Y)
    assert not value.atoms(sp.Float)
    assert 0 < value.evalf() < sp.log(2).evalf()
    assert si.js_divergence(Die("A", 2), FiniteRV("B", {3: 1})) == sp.log(2)
    assert si.js_divergence(Die("A", 2), FiniteRV("B", {3: 1}), base=2) == 1


def test_information_gain_is_mutual_information_of_the_empirical_table():
    counts = [[2, 3], [4, 0], [3, 2]]  # Quinlan's play-tennis, split on outlook
    n = 14
    table = {(i, j): sp.Rational(v, n) for i, row in enumerate(counts) for j, v in enumerate(row)}
    B, C = si.FiniteJointRV("B C", table)
    assert sp.simplify(si.information_gain(counts) - si.mutual_information(B, C)) == 0
    assert abs(si.information_gain(counts, base=2).evalf() - 0.246749819774439) < 1e-12
    assert si.information_gain({"a": {"yes": 1, "no": 1}, "b": {"yes": 1, "no": 1}}) == 0


def test_die_with_a_symbolic_number_of_sides():
    n = sp.Symbol("n", positive=True, integer=True)
    h = si.entropy(Die("D", n))
    assert h == sp.log(n)
    with mpmath.workdps(40):
        for k in (2, 5, 9):
            reference = -mpmath.fsum(mpmath.mpf(1) / k * mpmath.log(mpmath.mpf(1) / k)
                                     for _ in range(k))
            assert close(h.subs(n, k), reference)
