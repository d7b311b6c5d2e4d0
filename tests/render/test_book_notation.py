"""The book's notation: 30 results from across the catalog, as symbinfo's LaTeX prints them.

ψ(k) for polygamma(0, k), ln Γ for loggamma, B(α, β) with Greek letters, log₂ for bits (never
\\frac{…}{\\log 2}), h / h₂ for the binary entropy function; and the measures themselves: the
base shown when it is not e, cross-entropy printed apart from joint entropy.
"""

import re

import pytest
import sympy as sp
from sympy.stats import (
    Bernoulli,
    Beta,
    BetaPrime,
    Binomial,
    Chi,
    ChiSquared,
    Dagum,
    Die,
    FDistribution,
    Gamma,
    GammaInverse,
    Geometric,
    Nakagami,
    Normal,
    Poisson,
    StudentT,
)

import symbinfo as si
from symbinfo.render import to_latex

a, b, k, t, p, q, n = sp.symbols("alpha beta k theta p q n", positive=True)
a1, b1, a2, b2 = sp.symbols("alpha_1 beta_1 alpha_2 beta_2", positive=True)
eps = sp.Symbol("epsilon", positive=True)
PSI, LNGAMMA, BETA = r"\psi\left(", r"\ln\Gamma\left(", r"\mathrm{B}\left(\alpha, \beta\right)"
LOG2 = r"\log_{2}"


def _bsc(base=sp.E):
    X, Y = si.FiniteJointRV("X Y", [[(1 - eps) / 2, eps / 2], [eps / 2, (1 - eps) / 2]])
    return si.mutual_information(X, Y, base=base)


#: name -> (result, substrings its LaTeX must contain)
CASES = {
    "Gamma entropy: ψ and ln Γ": (lambda: si.entropy(Gamma("G", k, t)), [PSI + "k", LNGAMMA]),
    "Beta entropy: B(α, β)": (lambda: si.entropy(Beta("B", a, b)), [BETA, PSI + r"\alpha"]),
    "BetaPrime entropy": (lambda: si.entropy(BetaPrime("B", a, b)), [BETA, PSI]),
    "F entropy": (lambda: si.entropy(FDistribution("F", a, b)), [r"\mathrm{B}\left(", PSI]),
    "Beta KL": (lambda: si.kl_divergence(Beta("P", a1, b1), Beta("Q", a2, b2)),
                [PSI + r"\alpha_{1}\right)", r"\mathrm{B}\left(\alpha_{2}, \beta_{2}\right)"]),
    "Gamma KL": (lambda: si.kl_divergence(Gamma("P", a1, b1), Gamma("Q", a2, b2)),
                 [PSI + r"\alpha_{1}\right)", LNGAMMA + r"\alpha_{1}\right)"]),
    "ChiSquared entropy": (lambda: si.entropy(ChiSquared("C", k)), [PSI + r"\frac{k}{2}"]),
    "Chi entropy": (lambda: si.entropy(Chi("C", k)), [PSI, LNGAMMA]),
    "StudentT entropy": (lambda: si.entropy(StudentT("T", n)), [PSI, r"\mathrm{B}\left("]),
    "StudentT(1) entropy is log 4π": (lambda: si.entropy(StudentT("T", 1)),
                                      [r"\log{\left(4 \pi \right)}"]),
    "Nakagami entropy": (lambda: si.entropy(Nakagami("N", a, b)), [PSI, LNGAMMA]),
    "Dagum entropy": (lambda: si.entropy(Dagum("D", p, a, b)), [PSI + "p", r"\gamma"]),
    "InverseGamma entropy": (lambda: si.entropy(GammaInverse("G", a, b)), [PSI + r"\alpha"]),
    "fair die in bits": (lambda: si.entropy(Die("D", 6), base=2), [LOG2 + r"{\left(6 \right)}"]),
    "Bernoulli entropy in bits": (lambda: si.entropy(Bernoulli("B", p), base=2),
                                  [LOG2 + r"{\left(p \right)}", LOG2 + r"{\left(1 - p \right)}"]),
    "Bernoulli(1/4) in bits": (lambda: si.entropy(Bernoulli("B", sp.Rational(1, 4)), base=2),
                               [LOG2 + r"{\left(3 \right)}"]),
    "Normal entropy in bits": (lambda: si.entropy(Normal("X", 0, t), base=2),
                               [LOG2 + r"{\left(\theta \right)}", LOG2 + r"{\left(2 e \pi"]),
    "Geometric entropy: h(p)/p": (lambda: si.entropy(Geometric("G", p)),
                                  [r"\frac{h\left(p\right)}{p}"]),
    "Geometric entropy in bits: h₂(p)/p": (lambda: si.entropy(Geometric("G", p), base=2),
                                           [r"h_{2}\left(p\right)"]),
    "BSC I(X;Y) in bits: 1 − h₂(ε)": (lambda: _bsc(2), [r"1 - h_{2}\left(\epsilon\right)"]),
    "BSC I(X;Y) in nats: log 2 − h(ε)": (lambda: _bsc(), [r"h\left(\epsilon\right)",
                                                          r"\log{\left(2 \right)}"]),
    "Bernoulli KL, combined": (lambda: si.kl_divergence(Bernoulli("P", p), Bernoulli("Q", q)),
                               [r"p \log{\left(\frac{p}{q} \right)}",
                                r"\left(1 - p\right) \log{\left(\frac{1 - p}{1 - q} \right)}"]),
    "Binomial KL in bits": (lambda: si.kl_divergence(Binomial("P", 4, p), Binomial("Q", 4, q),
                                                     base=2), [LOG2 + r"{\left(\frac{p}{q}"]),
    "Poisson KL": (lambda: si.kl_divergence(Poisson("P", a), Poisson("Q", b)),
                   [r"\alpha \log{\left(\frac{\alpha}{\beta} \right)}"]),
    "Rényi entropy of a fair die": (lambda: si.renyi_entropy(Die("D", 6), a),
                                    [r"\log{\left(6 \right)}"]),
    "H(X) in bits shows its base": (lambda: si.Entropy(Die("D", 6), base=2), ["H_{2}(D)"]),
    "I(X;Y) in bits shows its base": (lambda: si.MutualInformation(Die("A", 2), Die("B", 2),
                                                                   base=2), ["I_{2}(A; B)"]),
    "KL in bits shows its base": (lambda: si.KLDivergence(Die("A", 2), Die("B", 4), base=2),
                                  [r"D_{\mathrm{KL}, 2}(A \,\|\, B)"]),
    "cross-entropy is not joint entropy": (lambda: si.CrossEntropy(Die("A", 2), Die("B", 2)),
                                           [r"H^{\times}(A, B)"]),
    "joint entropy": (lambda: si.Entropy(Die("A", 2), Die("B", 2)), ["H(A, B)"]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_latex_speaks_the_books_notation(name):
    build, expected = CASES[name]
    tex = to_latex(build())
    for piece in expected:
        assert piece in tex, f"{name}: {piece!r} not in {tex!r}"
    for bad in (r"\operatorname", "polygamma", "loggamma", r"}{\log{\left(2 \right)}}"):
        assert bad not in tex, f"{name}: {bad!r} in {tex!r}"
    assert not re.search(r"(?<!\\)(alpha|beta)", tex), f"{name}: a Greek letter as a word"


def test_thirty_results():
    assert len(CASES) >= 30


def test_cross_entropy_notation_is_configurable():
    P, Q = Die("A", 2), Die("B", 2)
    before = si.set_notation(cross_entropy="comma", base="unit")
    try:
        assert sp.latex(si.CrossEntropy(P, Q)) == "H(A, B)"
        assert sp.latex(si.Entropy(P, base=2)) == r"H(A)\ [\text{bits}]"
    finally:
        si.set_notation(**before)
    assert sp.latex(si.CrossEntropy(P, Q)) == r"H^{\times}(A, B)"
    with pytest.raises(si.InvalidParameterError):
        si.set_notation(cross_entropy="nonsense")


def test_sympy_latex_of_a_derivation_is_the_align_environment():
    d = si.derive(si.Entropy(Bernoulli("B", sp.Rational(1, 4))))
    assert sp.latex(d).startswith(r"\begin{align*}")
    assert d._repr_latex_().startswith("$$")


def test_generated_code_of_the_binary_entropy_function_keeps_its_value():
    # h(p) is printed as an atom inside products: its logarithms must come parenthesised
    from symbinfo.functions import BinaryEntropy
    from symbinfo.precision import compiled, private_context

    p = sp.Symbol("p", positive=True)
    expr = -BinaryEntropy(p) / 2 - 3 * BinaryEntropy(1 - p, 2) + sp.log(2)
    ctx = private_context(30)
    f = compiled([p], expr, ctx)
    for value in (sp.Rational(1, 100), sp.Rational(1, 3), sp.Rational(9, 10)):
        q = ctx.mpf(value.p) / value.q
        h = -q * ctx.log(q) - (1 - q) * ctx.log(1 - q)
        truth = -h / 2 - 3 * h / ctx.log(2) + ctx.log(2)
        assert abs(f(q) - truth) < ctx.mpf(10) ** -25
        assert abs(sp.lambdify(p, expr)(float(value)) - float(truth)) < 1e-12
