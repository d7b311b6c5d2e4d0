"""parse_expression: SymPy/Python syntax through a whitelist, never through eval."""

from __future__ import annotations

import pytest
import sympy as sp

from symbinfo.errors import ParseError
from symbinfo.parsing import parse_expression

S = sp.Symbol
x, a, b, sigma, k = S("x"), S("a"), S("b"), S("sigma"), S("k")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("log(sigma) + log(2*pi*E)/2", sp.log(sigma) + sp.log(2 * sp.pi * sp.E) / 2),
        ("1/2*log(2*pi*e*sigma**2)", sp.log(2 * sp.pi * sp.E * sigma**2) / 2),
        ("digamma(a) - log(b)", sp.digamma(a) - sp.log(b)),
        ("x^2", x**2),
        ("a*x^2 + b", a * x**2 + b),  # '^' binds like '**', not like xor
        ("0.1", sp.Rational(1, 10)),
        ("2.5e-3", sp.Rational(1, 400)),
        ("1_000", sp.Integer(1000)),
        ("-x", -x),
        ("+x", x),
        ("ln(x) + log2(x) + log10(x)", sp.log(x) + sp.log(x, 2) + sp.log(x, 10)),
        ("log(x, 2)", sp.log(x, 2)),
        ("psi(k) + polygamma(1, k)", sp.digamma(k) + sp.polygamma(1, k)),
        ("gamma(k) * gamma", sp.gamma(k) * S("gamma")),  # called: function; bare: symbol
        ("beta(a, b) + beta", sp.beta(a, b) + S("beta")),
        ("loggamma(k) + lgamma(k)", 2 * sp.loggamma(k)),
        ("binomial(5, 2) + factorial(3) + harmonic(3)", 10 + 6 + sp.Rational(11, 6)),
        (
            "besseli(0, x) + Ei(x) + E1(x) + expint(2, x) + erf(x)",
            sp.besseli(0, x) + sp.Ei(x) + sp.E1(x) + sp.expint(2, x) + sp.erf(x),
        ),
        ("Min(a, b) + Max(a, b)", sp.Min(a, b) + sp.Max(a, b)),
        ("sqrt(x) + exp(x) + abs(x)", sp.sqrt(x) + sp.exp(x) + sp.Abs(x)),
        ("EulerGamma + oo", sp.EulerGamma + sp.oo),
        ("sigma_1 + mu2 + alpha", S("sigma_1") + S("mu2") + S("alpha")),
        ("lambda*x", S("lambda") * x),
        ("I", S("I")),
        ("x == 2", sp.Eq(x, 2)),
        ("x <= 2", sp.Le(x, 2)),
        ("x != 2", sp.Ne(x, 2)),
        ("σ + 1", S("σ") + 1),
    ],
)
def test_accepted(text: str, want: sp.Basic) -> None:
    assert parse_expression(text) == want


def test_long_flat_sums_are_not_too_deep() -> None:
    assert parse_expression("+".join(["x"] * 1500)) == 1500 * x
    assert parse_expression("*".join(["x"] * 1500)) == x**1500


def test_symbols_and_log_base() -> None:
    s = S("sigma", positive=True)
    got = parse_expression("log(sigma**2)", symbols={"sigma": s})
    assert got.free_symbols == {s}
    assert sp.expand_log(got) == 2 * sp.log(s)
    assert parse_expression("log(x)", log_base=2) == sp.log(x, 2)
    assert parse_expression("ln(x)", log_base=2) == sp.log(x)
    assert parse_expression("e", symbols={"e": S("e")}) == S("e")
    f = sp.Function("f")
    assert parse_expression("f(x)", symbols={"f": f}) == f(x)
    with pytest.raises(TypeError):
        parse_expression("x", log_base="2")
    with pytest.raises(TypeError):
        parse_expression("x", symbols={"x": "not sympy"})


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("foo(x)", "unknown function 'foo'"),
        ("log(x, base=2)", "keyword arguments"),
        ("log(*x)", r"\*arguments"),
        ("log(x, 2, 3)", "1 or 2 arguments"),
        ("sqrt(x, 2)", "takes 1"),
        ("x < y < z", "chained comparison"),
        ("x in y", "comparison not allowed"),
        ("x % 2", "Mod"),
        ("x // 2", "FloorDiv"),
        ("not x", "Not"),
        ("'abc'", "not a number"),
        ("None", "not a number"),
        ("x(1)", "unknown function 'x'"),
        ("_x", "leading underscore"),
        ("(1, 2)", "Tuple"),
        ("x +", "not a valid formula"),
        ("", "empty"),
        ("gamma(k) + f", None),
        ("factorial(101)", "too large to evaluate exactly"),
        ("+".join(f"factorial({i})" for i in range(11)), "too many exact evaluations"),
        ("*".join(["2**32000"] * 10), "too large in total"),
    ],
)
def test_rejected(text: str, fragment: str | None) -> None:
    if fragment is None:  # a sanity row: this one is fine
        parse_expression(text)
        return
    with pytest.raises(ParseError, match=fragment):
        parse_expression(text)


def test_parse_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_expression("x.y")
