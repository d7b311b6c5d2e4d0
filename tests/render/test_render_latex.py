"""LaTeX and Markdown rendering of measures and derivations, and the Jupyter reprs."""

import re

import sympy as sp
from sympy.stats import Bernoulli, Normal

import symbinfo as si
from symbinfo.derivation.catalog import derivation
from symbinfo.derivation.steps import Definition, Derivation, Step
from symbinfo.render import (
    derivation_latex,
    escape_text,
    standalone,
    step_note,
    to_latex,
    to_markdown,
)

p, q = sp.symbols("p q", positive=True)


def test_measures_render_in_standard_notation():
    X, Y = si.FiniteJointRV("X Y", [[sp.Rational(1, 2), 0], [sp.Rational(1, 4)] * 2])
    P, Q = Bernoulli("P", p), Bernoulli("Q", q)
    assert to_latex(si.Entropy(X)) == "H(X)"
    assert to_latex(si.ConditionalEntropy(X, given=Y)) == r"H(X \mid Y)"
    assert to_latex(si.MutualInformation(X, Y)) == "I(X; Y)"
    assert to_latex(si.KLDivergence(P, Q)) == r"D_{\mathrm{KL}}(P \,\|\, Q)"
    assert si.Entropy(X)._repr_latex_() == "$\\displaystyle H(X)$"


def test_textbook_order_of_squares():
    x, mu = sp.symbols("x mu")
    assert to_latex((x - mu) ** 2) == r"\left(x - \mu\right)^{2}"
    assert to_latex(sp.log(2) - sp.log(mu)) == r"\log{\left(2 \right)} - \log{\left(\mu \right)}"


def test_align_environment_has_one_line_per_step():
    d = derivation("gaussian_kl")
    tex = derivation_latex(d)
    assert tex.startswith(r"\begin{align*}") and tex.endswith(r"\end{align*}")
    assert tex.count("&=") == len(d)
    assert tex.count(r"\text{") >= len(d)
    assert tex.splitlines()[1].startswith(r"D_{\mathrm{KL}}(P \,\|\, Q) &=")
    assert r"\left(x - \mu_{2}\right)^{2}" in tex
    assert "known moments" in tex and "linearity of expectation" in tex


def test_standalone_document():
    doc = standalone(derivation("gaussian_entropy"), title="Gaussian entropy")
    assert doc.startswith("\\documentclass{article}")
    assert "\\usepackage{amsmath,amssymb,graphicx}" in doc and "\\title{Gaussian entropy}" in doc
    assert "\\maketitle" in doc and doc.rstrip().endswith("\\end{document}")
    assert "Casella" in doc  # the moment's source is in the notes
    assert "Checked numerically: 3 random points, 30 digits" in doc


def test_markdown_has_math_blocks_and_justifications():
    d = derivation("gaussian_kl")
    md = to_markdown(d)
    assert md.count("$$") == 2 * len(d)
    assert md.startswith("**KL divergence** $D_{\\mathrm{KL}}")
    assert "*linearity of expectation — checked symbolically.*" in md
    assert "known moments $\\mathbb{E}" in md
    assert d._repr_markdown_() == md


def test_jupyter_latex_repr_is_mathjax_aligned():
    tex = derivation("bernoulli_entropy")._repr_latex_()
    assert tex.startswith("$$\\begin{aligned}") and tex.endswith("\\end{aligned}$$")


def test_rendering_dispatches_on_step_type():
    class Hunch(Step):
        kind = "hunch"

        def justification(self) -> str:
            return "a 50% hunch & more"

    x = sp.Symbol("x")
    d = Derivation.build(x, [Definition(x, "x"), Hunch(x)])
    assert step_note(d[1]) == r"\text{a 50\% hunch \& more}"
    assert "a 50% hunch & more" in to_markdown(d)


def test_escape_text_leaves_no_raw_specials_or_unicode():
    text = escape_text("Cover & Thomas §2.3: E[(X − μ)²] = σ², 10% of x_1 ~ ∞ {ψ}")
    assert all(ord(c) < 128 for c in text)
    assert not re.search(r"(?<!\\)[&%_#{}]", text.replace(r"\S{}", "").replace("{}", "")
                         .replace(r"\textasciitilde", ""))


def test_entropy_of_normal_renders_inline():
    mu, s = sp.Symbol("mu", real=True), sp.Symbol("sigma", positive=True)
    assert to_latex(si.Entropy(Normal("X", mu, s))) == "H(X)"


def test_derivation_methods_match_the_renderers():
    d = derivation("dice_kl")
    assert d.to_latex() == derivation_latex(d)
    assert d.to_markdown() == to_markdown(d)
    assert d.to_document().startswith("\\documentclass{article}")
    assert "\\title{KL divergence}" in d.to_document()
