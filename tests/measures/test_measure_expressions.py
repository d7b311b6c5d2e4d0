"""Measures are real SymPy expressions: printing, LaTeX, subs, Eq, rebuilding from args."""

from __future__ import annotations

import pytest
import sympy as sp
from sympy.stats import Bernoulli, Die, Normal

import symbinfo as si

a = sp.Symbol("a", positive=True)
X, Y, Z = si.FiniteJointRV("X Y Z", {(0, 0, 0): a, (1, 1, 0): (1 - a) / 2, (1, 0, 1): (1 - a) / 2})
N1, N2 = Normal("N1", 0, 1), Normal("N2", 1, 2)
alpha = sp.Symbol("alpha")

CASES = [
    (si.Entropy(X), "H(X)", "H(X)"),
    (si.Entropy(X, Y), "H(X, Y)", "H(X, Y)"),
    (si.ConditionalEntropy(X, given=Y), "H(X | Y)", r"H(X \mid Y)"),
    (si.ConditionalEntropy(X, given=(Y, Z)), "H(X | Y, Z)", r"H(X \mid Y, Z)"),
    (si.CrossEntropy(N1, N2), "Hx(N1, N2)", r"H^{\times}(N_{1}, N_{2})"),
    (si.KLDivergence(N1, N2), "D_KL(N1 || N2)", r"D_{\mathrm{KL}}(N_{1} \,\|\, N_{2})"),
    (si.MutualInformation(X, Y), "I(X; Y)", "I(X; Y)"),
    (si.MutualInformation(X, Y, given=Z), "I(X; Y | Z)", r"I(X; Y \mid Z)"),
    (si.MutualInformation(X, (Y, Z)), "I(X; Y, Z)", "I(X; Y, Z)"),
    (si.JensenShannonDivergence(N1, N2), "D_JS(N1 || N2)", r"D_{\mathrm{JS}}(N_{1} \,\|\, N_{2})"),
    (si.RenyiEntropy(X, alpha), "H_alpha(X)", r"H_{\alpha}(X)"),
    (si.RenyiDivergence(N1, N2, alpha), "D_alpha(N1 || N2)", r"D_{\alpha}(N_{1} \,\|\, N_{2})"),
    (si.TsallisEntropy(X, 2), "S_2(X)", "S_{2}(X)"),
    (si.HellingerDistance(X, Y), "d_H(X, Y)", r"d_{\mathrm{H}}(X, Y)"),
    (si.TotalVariation(X, Y), "d_TV(X, Y)", r"d_{\mathrm{TV}}(X, Y)"),
    (si.TotalCorrelation(X, Y, Z), "C(X; Y; Z)", "C(X; Y; Z)"),
    (si.DualTotalCorrelation(X, Y, Z), "D(X; Y; Z)", "D(X; Y; Z)"),
    (si.CoInformation(X, Y, Z), "I(X; Y; Z)", "I(X; Y; Z)"),
]


@pytest.mark.parametrize(("measure", "text", "latex"), CASES, ids=[c[1] for c in CASES])
def test_printing_and_rebuilding(measure, text, latex):
    assert str(measure) == text
    assert sp.latex(measure) == latex
    assert measure.func(*measure.args) == measure
    assert isinstance(measure, sp.Expr)
    assert sp.latex(2 * measure + 1) in (f"2 {latex} + 1",)


def test_base_is_part_of_the_expression():
    assert str(si.Entropy(X, base=2)) == "H(X, base=2)"
    assert si.Entropy(X, base=2) != si.Entropy(X)
    b = sp.Symbol("b", positive=True)
    h = si.Entropy(Die("D", 4), base=b).doit()
    assert sp.simplify(h - sp.log(4) / sp.log(b)) == 0
    assert h.subs(b, 2).simplify() == 2
    assert si.entropy(Die("D", 10), base=10) == 1


def test_subs_reaches_into_the_table():
    h = si.Entropy(X, Y)
    assert h.subs(a, sp.Rational(1, 2)).doit() == sp.Rational(3, 2) * sp.log(2)
    assert sp.simplify(si.Entropy(Y).doit().subs(a, 0) - sp.log(2)) == 0


def test_eq_and_arithmetic_stay_unevaluated():
    statement = sp.Eq(si.MutualInformation(X, Y), si.Entropy(X) - si.ConditionalEntropy(X, given=Y))
    assert isinstance(statement, sp.Eq)
    lhs, rhs = statement.lhs.doit(), statement.rhs.doit()
    assert sp.simplify(lhs - rhs) == 0
    assert (si.Entropy(X) + si.Entropy(X)) == 2 * si.Entropy(X)


def test_abstract_variables_stay_unevaluated():
    U, V = sp.symbols("U V")
    assert si.MutualInformation(U, V).doit() == si.MutualInformation(U, V)
    assert si.entropy(U) == si.Entropy(U)


def test_doit_through_sympy():
    p = sp.Symbol("p", positive=True)
    expr = si.Entropy(Bernoulli("B", p)) + 1
    assert expr.doit() == 1 - p * sp.log(p) - (1 - p) * sp.log(1 - p)


def test_jupyter_latex_repr():
    assert si.Entropy(X)._repr_latex_() == r"$\displaystyle H(X)$"
