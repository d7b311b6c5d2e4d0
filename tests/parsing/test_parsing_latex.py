"""parse_latex on the table of hand-written formulas, its conventions and its errors."""

from __future__ import annotations

import pytest
import sympy as sp
from parsing_latex_table import LATEX_TABLE, same

from symbinfo.errors import ParseError
from symbinfo.parsing import parse_latex

S = sp.Symbol


def test_table_is_large_enough() -> None:
    assert len(LATEX_TABLE) >= 40


@pytest.mark.parametrize(("tex", "want"), LATEX_TABLE, ids=[t for t, _ in LATEX_TABLE])
def test_formula_table(tex: str, want: sp.Basic) -> None:
    got = parse_latex(tex)
    assert same(got, want), f"{tex!r} -> {got}, wanted {want}"


def test_exact_structure_of_gaussian_entropy() -> None:
    got = parse_latex(r"\frac{1}{2}\log(2\pi e\sigma^2)")
    assert sp.simplify(got - sp.log(2 * sp.pi * sp.E * S("sigma") ** 2) / 2) == 0
    assert got.free_symbols == {S("sigma")}


def test_e_and_gamma_are_constants_by_default_and_overridable() -> None:
    assert parse_latex("e") == sp.E
    assert parse_latex(r"\mathrm{e}") == sp.E
    assert parse_latex(r"\gamma") == sp.EulerGamma
    g = S("gamma", positive=True)
    assert parse_latex(r"\ln(4\pi\gamma)", symbols={"gamma": g}) == sp.log(4 * sp.pi * g)
    e = S("e")
    assert parse_latex("e^x", symbols={"e": e}) == e ** S("x")


def test_symbols_mapping_keeps_assumptions() -> None:
    s1 = S("sigma_1", positive=True)
    got = parse_latex(r"\sqrt{\sigma_1^2}", symbols={"sigma_1": s1})
    assert got == s1


def test_log_base_setting_and_explicit_bases() -> None:
    x = S("x")
    assert parse_latex(r"\log x", log_base=2) == sp.log(x, 2)
    assert parse_latex(r"\ln x", log_base=2) == sp.log(x)
    assert parse_latex(r"\log_e x") == sp.log(x)
    assert parse_latex(r"\log_{b}(x)") == sp.log(x, S("b"))
    with pytest.raises(ParseError, match=r"\\lg is ambiguous"):
        parse_latex(r"\lg x")


def test_called_only_functions_are_symbols_when_not_called() -> None:
    assert parse_latex(r"\psi") == S("psi")
    assert parse_latex(r"\Gamma") == S("Gamma")
    assert parse_latex(r"B(\alpha, \beta)") == sp.beta(S("alpha"), S("beta"))
    assert parse_latex("B(x)") == S("B") * S("x")
    assert parse_latex(r"\Gamma(a, x)") == sp.uppergamma(S("a"), S("x"))
    assert parse_latex(r"\operatorname{erf}(x) + \mathrm{erf}(x)") == 2 * sp.erf(S("x"))


def test_tex_single_token_arguments() -> None:
    assert parse_latex(r"\frac12") == sp.Rational(1, 2)
    assert parse_latex(r"\frac ab") == S("a") / S("b")
    assert parse_latex("x^23") == 3 * S("x") ** 2
    assert parse_latex(r"\sqrt2") == sp.sqrt(2)
    with pytest.raises(ParseError, match="two numbers in a row"):
        parse_latex("2 3")


def test_relations_abs_and_spacing() -> None:
    h = S("H")
    assert parse_latex(r"H = \log 2") == sp.Eq(h, sp.log(2))
    assert parse_latex(r"H \le \log 2") == sp.Le(h, sp.log(2))
    assert parse_latex("|a| + |b|") == sp.Abs(S("a")) + sp.Abs(S("b"))
    assert parse_latex(r"a\,b\;c\!d\quad e") == S("a") * S("b") * S("c") * S("d") * sp.E
    assert parse_latex(r"\left. x \right.") == S("x")
    assert parse_latex(r"\sigma_{12}") == S("sigma_12")
    assert parse_latex(r"p_{\mathrm{X}}") == S("p_X")


def test_decimals_are_exact() -> None:
    assert parse_latex("0.1") == sp.Rational(1, 10)


@pytest.mark.parametrize(
    ("tex", "fragment"),
    [
        (r"\foo{x}", r"\\foo"),
        (r"\frac{1}", "missing argument"),
        ("(a + b", r"expected '\)'"),
        ("a +", "end of formula"),
        ("x @ y", "'@'"),
        (r"\sigma^2_1", "subscript before the superscript"),
        ("f'(x)", "primes"),
        ("", "empty"),
        (r"\operatorname{Li}(x)", r"unknown function \\operatorname\{Li\}"),
        (r"-\sum_i p_i \log p_i", r"\\sum"),
    ],
)
def test_errors_name_the_problem(tex: str, fragment: str) -> None:
    with pytest.raises(ParseError, match=fragment):
        parse_latex(tex)
