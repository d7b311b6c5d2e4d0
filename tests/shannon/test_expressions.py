"""Information expressions: canonical form, arithmetic, printing, and the SymPy adapter."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from symbinfo.errors import SymbinfoError, UnsupportedInputError
from symbinfo.shannon import H, I, InfoExpr, as_statement, eq, from_sympy, ge, le, prove

X, Y, Z, W = "X", "Y", "Z", "W"


def test_canonical_form_of_measures():
    assert H(X, given=Y).terms == {frozenset("XY"): 1, frozenset("Y"): -1}
    assert I(X, Y, given=Z).terms == {
        frozenset("XZ"): 1,
        frozenset("YZ"): 1,
        frozenset("XYZ"): -1,
        frozenset("Z"): -1,
    }
    # I(X; X) = H(X), I(X; Y | X) = 0, H(X | X) = 0
    assert I(X, X) == H(X)
    assert I(X, Y, given=X).is_zero
    assert H(X, given=X).is_zero


def test_vector_arguments_and_symbols():
    a, b = sp.symbols("X Y")
    assert H(a, b) == H(X, Y) == H((X, Y)) == H([Y, X])
    assert I(X, (Y, Z), given=W) == I(X, Y, given=W) + I(X, Z, given=(Y, W))
    assert H(X, Y).variables == frozenset({X, Y})


def test_arithmetic_is_exact_and_immutable():
    e = I(X, Y)
    before = e.terms
    f = Fraction(1, 3) * e + sp.Rational(2, 3) * e
    assert f == e and e.terms == before
    assert (e / 2 * 2) == e
    assert (e - e) == 0
    assert (-e) * -1 == e
    assert hash(H(X) + H(Y)) == hash(H(Y) + H(X))
    assert e.coefficient(X, Y) == -1


@pytest.mark.parametrize("bad", [0.5, 1e-3, sp.Float(2.0), sp.pi])
def test_inexact_coefficients_are_rejected(bad):
    with pytest.raises(UnsupportedInputError):
        _ = bad * H(X)


def test_nonlinear_and_bad_input_rejected():
    with pytest.raises(UnsupportedInputError):
        _ = H(X) * H(Y)
    with pytest.raises(UnsupportedInputError):
        H()
    with pytest.raises(SymbinfoError):
        H("")
    with pytest.raises(TypeError):
        H(X) + 1


def test_printing_keeps_the_written_form():
    e = 2 * I(X, Y) - I(X, Y, given=Z)
    assert str(e) == "2*I(X;Y) - I(X;Y|Z)"
    assert e.to_latex() == r"2 I(X; Y) - I(X; Y \mid Z)"
    assert H(X, given=(Y, Z)).to_latex() == r"H(X \mid Y, Z)"
    assert (H(X) - (H(Y) + H(Z))).canonical_str() == "H(X) - H(Y) - H(Z)"
    assert str(H(X) - (H(Y) + H(Z))) == "H(X) - (H(Y) + H(Z))"
    assert InfoExpr()._repr_latex_() == "$0$"


def test_natural_order_of_names():
    assert str(H("X10", "X2")) == "H(X2,X10)"


def test_statements_and_operators():
    s = I(X, Y) <= H(X)
    assert s.kind == ">=" and s.expr == H(X) - I(X, Y)
    assert (H(X, Y) >= H(X)).expr == H(Y, given=X)
    assert eq(H(X), H(X)).expr.is_zero
    assert le(H(X)).expr == -H(X)
    assert ge(H(X)) == ge(H(X), 0)


# -- the SymPy adapter, against stand-ins with the attribute names of symbinfo.measures ------


class Entropy(sp.Expr):
    def __new__(cls, *rvs):
        return sp.Expr.__new__(cls, *rvs)

    @property
    def rvs(self):
        return self.args


class ConditionalEntropy(sp.Expr):
    def __new__(cls, rvs, given=()):
        rvs = rvs if isinstance(rvs, tuple) else (rvs,)
        given = given if isinstance(given, tuple) else (given,)
        return sp.Expr.__new__(cls, sp.Tuple(*rvs), sp.Tuple(*given))

    @property
    def rvs(self):
        return tuple(self.args[0])

    @property
    def given(self):
        return tuple(self.args[1])


class MutualInformation(sp.Expr):
    def __new__(cls, first, second, given=()):
        def tup(v):
            return sp.Tuple(*v) if isinstance(v, tuple) else sp.Tuple(v)

        return sp.Expr.__new__(cls, tup(first), tup(second), tup(given))

    @property
    def first(self):
        return tuple(self.args[0])

    @property
    def second(self):
        return tuple(self.args[1])

    @property
    def given(self):
        return tuple(self.args[2])


def test_from_sympy_with_symbols_and_random_symbols():
    from sympy.stats import Bernoulli, Die

    p = sp.Symbol("p", positive=True)
    rx, ry = Bernoulli("X", p), Die("Y", 6)
    sx, sy, sz = sp.symbols("X Y Z")
    for a, b in [(sx, sy), (rx, ry)]:
        assert from_sympy(Entropy(a, b)) == H(X, Y)
        assert from_sympy(ConditionalEntropy(a, given=b)) == H(X, given=Y)
        assert from_sympy(MutualInformation(a, b)) == I(X, Y)
    expr = MutualInformation(sx, (sy, sz), given=sp.Symbol("W"))
    assert from_sympy(expr) == I(X, (Y, Z), given=W)
    combo = sp.Rational(1, 2) * Entropy(sx) + Entropy(sy) - 3 * MutualInformation(sx, sy)
    assert from_sympy(combo) == Fraction(1, 2) * H(X) + H(Y) - 3 * I(X, Y)
    assert from_sympy(sp.Integer(0)).is_zero


@pytest.mark.parametrize(
    "bad",
    [
        sp.Integer(1),
        sp.Float(0.5) * sp.Symbol("q"),
        sp.Symbol("q") * sp.Symbol("r"),
        sp.sin(sp.Symbol("x")),
        "H(X)",
    ],
)
def test_from_sympy_rejects_what_is_not_a_measure(bad):
    with pytest.raises(UnsupportedInputError):
        from_sympy(bad)


def test_from_sympy_rejects_float_coefficients():
    sx = sp.Symbol("X")
    with pytest.raises(UnsupportedInputError):
        from_sympy(sp.Float(0.5) * Entropy(sx))
    with pytest.raises(UnsupportedInputError):
        from_sympy(Entropy(sx) * Entropy(sx))


def test_prove_accepts_sympy_relationals():
    sx, sy, sz = sp.symbols("X Y Z")
    claim = sp.Ge(Entropy(sx, sy), Entropy(sx), evaluate=False)
    assert prove(claim)
    identity = sp.Eq(
        MutualInformation(sx, sy), Entropy(sx) - ConditionalEntropy(sx, given=sy), evaluate=False
    )
    assert prove(identity)
    assert as_statement(sp.Le(Entropy(sx), Entropy(sy), evaluate=False)).expr == H(Y) - H(X)
    with pytest.raises(UnsupportedInputError):
        as_statement(sp.Gt(Entropy(sx), Entropy(sy), evaluate=False))
    with pytest.raises(UnsupportedInputError):
        prove("H(X) >= 0")
    del sz


def test_statement_has_no_truth_value_and_zero_hashes_like_zero():
    with pytest.raises(TypeError, match="prove"):
        bool(H(X) >= H(Y))
    assert hash(H(X) - H(X)) == hash(0)
