"""The textbook simplifier and the derivations students read.

- tidy writes results as books do and never changes a value (checked here at random points
  against the untouched expression, with mpmath at 30 digits);
- identically-zero results reduce to 0 exactly (a Markov chain's I(X; Z | Y));
- the binary symmetric channel's I(X; Y) is 1 − h₂(ε) bits, log 2 − h(ε) nats;
- every built-in derivation has no repeated step, and the multivariate normal one works.
"""

import random

import mpmath
import pytest
import sympy as sp
from sympy.stats import Bernoulli, Binomial, Die, MultivariateNormal, StudentT

import symbinfo as si
from symbinfo.derivation.catalog import EXAMPLES, derivation
from symbinfo.derivation.simplify import tidy
from symbinfo.derivation.steps import NumericCheck
from symbinfo.functions import BinaryEntropy

eps = sp.Symbol("epsilon", positive=True)
p, q = sp.symbols("p q", positive=True)


def _bsc():
    return si.FiniteJointRV("X Y", [[(1 - eps) / 2, eps / 2], [eps / 2, (1 - eps) / 2]])


def _markov():
    a, b, c = sp.symbols("a b c", positive=True)
    ch1, ch2 = [[b, 1 - b], [1 - b, b]], [[c, 1 - c], [1 - c, c]]
    table = {(x, y, z): [a, 1 - a][x] * ch1[x][y] * ch2[y][z]
             for x in (0, 1) for y in (0, 1) for z in (0, 1)}
    return si.FiniteJointRV("X Y Z", table)


def test_bsc_mutual_information_in_bits_is_one_minus_h2():
    X, Y = _bsc()
    assert si.mutual_information(X, Y, base=2) == 1 - BinaryEntropy(eps, 2)
    assert si.mutual_information(X, Y) == sp.log(2) - BinaryEntropy(eps)
    assert si.to_latex(si.mutual_information(X, Y, base=2)) == r"1 - h_{2}\left(\epsilon\right)"


def test_markov_chain_conditional_mutual_information_is_proved_zero():
    X, Y, Z = _markov()
    assert si.mutual_information(X, Z, given=Y) == 0  # exactly: no numeric residue
    assert si.verify(si.MutualInformation(X, Z, given=Y), 0).status == "proved"


@pytest.mark.parametrize(("value", "expected"), [
    (lambda: si.kl_divergence(Bernoulli("P", p), Bernoulli("Q", q)),
     p * sp.log(p / q) + (1 - p) * sp.log((1 - p) / (1 - q))),
    (lambda: si.renyi_entropy(Die("D", 6), sp.Symbol("alpha", positive=True)), sp.log(6)),
    (lambda: si.entropy(StudentT("T", 1)), sp.log(4 * sp.pi)),
])
def test_textbook_forms(value, expected):
    assert sp.expand(value() - expected) == 0 or value() == expected


def test_no_log_of_powers_or_of_reciprocals():
    assert not si.entropy(Binomial("N", 5, p)).has(sp.log(p**5))
    s1, s2 = sp.symbols("sigma_1 sigma_2", positive=True)
    rho = sp.Symbol("rho", real=True)
    h = si.entropy(MultivariateNormal("M", [0, 0], [[s1**2, rho * s1 * s2],
                                                   [rho * s1 * s2, s2**2]]))
    assert not any(isinstance(e, sp.log) and e.args[0].is_Pow and e.args[0].exp == -1
                   for e in sp.preorder_traversal(h))
    assert sp.log(1 - rho**2) in h.atoms(sp.log)


def _random_point(symbols, rng):
    return {s: sp.Rational(rng.randint(5, 30), 100) for s in symbols}


@pytest.mark.parametrize("expr", [
    -p * sp.log(p) - (1 - p) * sp.log(1 - p) + sp.log(2),
    p * sp.log(p / 2) + (1 - p) * sp.log((1 - p) / 2) + 2 * sp.log(2),
    (p * sp.log(p) + (1 - p) * sp.log(1 - p) + 2 * sp.log(2)) / sp.log(2),
    p * sp.log(p) - p * sp.log(q) + (1 - p) * sp.log(1 - p) - (1 - p) * sp.log(1 - q),
    sp.log(sp.beta(sp.S.Half, sp.S.Half)) + 2 * sp.log(2) + sp.log(p * q),
    sp.log(-(q - 1) * (q + 1)) / 2 + sp.log(2 * sp.pi * sp.E),
    (sp.log(6) - p * sp.log(6)) / (1 - p),
])
def test_tidy_never_changes_a_value(expr):
    """An independent check: mpmath at 30 digits of the untouched expression."""
    rng = random.Random(11)
    out = tidy(expr)
    for _ in range(3):
        point = _random_point(expr.free_symbols, rng)
        with mpmath.workdps(30):
            f = sp.lambdify(sorted(point, key=str), expr, "mpmath")
            g = sp.lambdify(sorted(point, key=str), out.rewrite(sp.log), "mpmath")
            args = [mpmath.mpf(point[s].p) / point[s].q for s in sorted(point, key=str)]
            assert abs(f(*args) - g(*args)) < mpmath.mpf(10) ** -25


def test_multivariate_normal_derivation_works():
    d = derivation("mvn_entropy")
    assert d.complete and [s.kind for s in d][:3] == ["definition", "values", "moments"]
    s1, s2 = sp.symbols("sigma_1 sigma_2", positive=True)
    rho = sp.Symbol("rho", real=True)
    expected = sp.log(2 * sp.pi * sp.E) + sp.log(s1**2 * s2**2 * (1 - rho**2)) / 2
    point = {s1: sp.Rational(3, 2), s2: sp.Rational(1, 3), rho: sp.Rational(1, 5)}
    assert abs(sp.N((d.result - expected).xreplace(point), 30)) < 1e-25


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_no_derivation_repeats_a_step(name):
    d = derivation(name)
    shown = [str(s.expr) for s in d if not isinstance(s, NumericCheck)]
    assert len(shown) == len(set(shown)), f"{name} repeats a step:\n{d}"


def test_bernoulli_derivation_goes_straight_to_the_result():
    d = derivation("bernoulli_entropy")
    assert len(d) == 2 and "(-1)" not in str(d) and "-(p*log" not in str(d)
    assert d.result == si.entropy(Bernoulli("B", p))


def test_beta_kl_shows_the_log_moments():
    d = derivation("beta_kl")
    moments = next(s for s in d if s.kind == "moments")
    assert {str(m.body) for m, _ in moments.moments} == {"log(x)", "log(1 - x)"}
    assert any(v.has(sp.polygamma) for _, v in moments.moments)


@pytest.mark.parametrize(("argv", "expected"), [
    (["derive", "mi", "1/2, 0; 1/4, 1/4"], "the entropies"),
    (["derive", "renyi", "Die(4)", "--order", "2"], "log(4)"),
    (["derive", "jsd", "Die(2)", "Die(4)", "--format", "latex"], r"D_{\mathrm{JS}}"),
    (["derive", "entropy", "Bernoulli(p)", "--base", "2", "--format", "latex"], r"\log_{2}"),
])
def test_derive_on_the_command_line(argv, expected, capsys):
    from symbinfo.cli import main

    assert main(argv) == 0
    assert expected in capsys.readouterr().out
