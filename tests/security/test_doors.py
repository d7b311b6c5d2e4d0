"""The doors issue 8 found open, one by one, and what each does now with honest input.

Each of these ran ``P`` (creating a file) before the gate: strings are now parsed safely
(verify's sides and conditions, check's target), read as labels (FiniteJointRV outcomes), or
refused (probabilities, numeric parameters, generated-code names).
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
from sympy.stats import Die
from sympy.utilities.lambdify import implemented_function

import symbinfo as si

x = sp.Symbol("x")
HALF = sp.Rational(1, 2)

DOORS = {
    "verify(P, 0)": lambda P: si.verify(P, 0),
    "verify(0, P)": lambda P: si.verify(0, P),
    "verify(x, x, where=[P])": lambda P: si.verify(x, x, where=[P]),
    "check('0', P)": lambda P: si.check("0", P),
    "FiniteJointRV('X', {(P, 'b'): 1})": lambda P: si.FiniteJointRV("X", {(P, "b"): 1}),
    "FiniteJointRV('X', [(P,)])": lambda P: si.FiniteJointRV("X", [(P,)]),
    "FiniteJointRV('X', {0: {P: 1}})": lambda P: si.FiniteJointRV("X", {0: {P: 1}}),
    "entropy(X, base=(P,))": lambda P: si.entropy(Die("X", 2), base=(P,)),
    "renyi_entropy(X, (P,))": lambda P: si.renyi_entropy(Die("X", 2), (P,)),
    "renyi_divergence(X, X, (P,))": lambda P: si.renyi_divergence(Die("X", 2), Die("X", 2), (P,)),
    "tsallis_entropy(X, {P: 1})": lambda P: si.tsallis_entropy(Die("X", 2), {P: 1}),
    "information_gain([[(P,), 1]])": lambda P: si.information_gain([[(P,), 1]]),
    "to_mpmath(P, [x])": lambda P: si.to_mpmath(P, [x]),
    "to_mpmath(x, ['x=' + P])": lambda P: si.to_mpmath(x, ["x=" + P]),
}


@pytest.mark.parametrize("door", list(DOORS))
def test_the_doors_of_issue_8_are_shut(door, tmp_path):
    sentinel = tmp_path / "pwned"
    payload = f"__import__('os').system('touch {sentinel}')"
    with pytest.raises(si.SymbinfoError):
        DOORS[door](payload)
    assert not sentinel.exists()


# --- verify and check read strings like the command line ---------------------------------


def test_verify_reads_string_sides_and_conditions():
    assert si.verify("log(x**2)", "2*log(x)", where=["x > 0"]).status == "verified"
    assert si.verify("log(x**2)", "2*log(x)", where="x > 0")  # one condition, not its letters
    assert si.verify("x**2 >= 0").status in ("proved", "verified")
    assert si.verify("2*x", "x + x").status == "proved"


def test_names_in_strings_mean_the_claims_symbols():
    """A name in a string side or condition is the SymPy side's symbol, assumptions and all."""
    t = sp.Symbol("t", positive=True)
    assert si.verify("log(t**2)", 2 * sp.log(t)).status == "proved"  # needs t > 0
    y = sp.Symbol("y")
    v = si.verify(sp.log(y**2), "2*log(y)", where="y > 0")
    assert v.status == "verified" and all(set(p) == {y} and p[y] > 0 for p in v.sample)


def test_verify_refuses_what_is_not_a_claim():
    with pytest.raises(si.UnsupportedInputError, match="where condition"):
        si.verify(x, x, where=["x + 1"])
    with pytest.raises(si.UnsupportedInputError, match="digits"):
        si.verify(x, x, digits="50")
    with pytest.raises(si.UnsupportedInputError, match="tol"):
        si.verify(x, x, tol=-1)
    with pytest.raises(si.ParseError):
        si.verify("x +", "x")


def test_check_reads_a_string_target():
    s = sp.Symbol("sigma", positive=True)
    assert si.check(r"\frac{1}{2}\log(2\pi e\sigma^2)", "log(2*pi*E*sigma**2)/2").status == \
        "proved"
    v = si.check("log(2*sigma)", sp.log(s))
    assert v.status == "refuted" and v.diagnosis == ["extra constant"]


# --- FiniteJointRV: string outcomes are labels --------------------------------------------


def test_string_outcomes_are_labels_never_formulas():
    coin = si.FiniteJointRV("C", {"heads": HALF, "tails": HALF})
    assert si.entropy(coin) == sp.log(2)
    assert set(coin.table.pmf) == {(sp.Symbol("heads"),), (sp.Symbol("tails"),)}
    # "x+1" would be a formula to sympify; as a label it is refused, not read
    with pytest.raises(si.UnsupportedInputError, match="identifier"):
        si.FiniteJointRV("C", {"x+1": HALF, "y": HALF})
    W, Z = si.FiniteJointRV("W Z", {("a", 0): HALF, ("b", 1): HALF})
    assert si.mutual_information(W, Z) == sp.log(2)


def test_tuple_valued_outcomes_of_one_variable():
    T = si.FiniteJointRV("T", {(0, "a"): HALF, (1, "b"): HALF})
    assert (sp.Tuple(0, sp.Symbol("a")),) in T.table.pmf


# --- codegen: no text in generated code --------------------------------------------------


def test_codegen_argument_names_are_matched_to_the_expressions_symbols():
    p = sp.Symbol("p", positive=True)
    h = -p * sp.log(p) - (1 - p) * sp.log(1 - p)
    f = si.to_mpmath(h, ["p"], dps=20)
    assert abs(f(HALF) - f.context.log(2)) < mpmath.mpf(10) ** -19
    np = pytest.importorskip("numpy")
    assert np.isclose(si.to_numpy(h, ["p"])(0.5), np.log(2))


def test_codegen_prints_odd_symbol_names_as_dummies():
    lam, odd = sp.Symbol("lambda"), sp.Symbol("a b")  # a keyword and a name with a space
    f = si.to_mpmath(lam * odd + 1, [lam, odd], dps=15)
    assert f(2, 3) == 7


@pytest.mark.parametrize("name", ["lambda", "x y", "x=1", "", "1x", "x)", "__import__('os')"])
def test_codegen_refuses_argument_names_that_are_not_identifiers(name):
    with pytest.raises(si.UnsupportedInputError, match="identifier"):
        si.to_mpmath(x, [name])


def test_codegen_refuses_undefined_functions_but_takes_implemented_ones():
    with pytest.raises(si.UnsupportedInputError, match="undefined function"):
        si.to_mpmath(sp.Function("f")(x), [x])
    twice = implemented_function("twice", lambda v: 2 * v)
    assert si.to_mpmath(twice(x) + 1, [x], dps=15)(3) == 7


def test_codegen_refuses_text_expressions():
    with pytest.raises(si.UnsupportedInputError, match="not the string"):
        si.to_numpy("x + 1", [x])


# --- rendering refuses raw text ------------------------------------------------------------


def test_renderers_refuse_strings():
    with pytest.raises(si.UnsupportedInputError):
        si.to_latex(r"\input{/etc/passwd}")
    with pytest.raises(si.UnsupportedInputError):
        si.to_markdown("<script>")
    with pytest.raises(si.UnsupportedInputError):
        si.standalone("not a derivation")
