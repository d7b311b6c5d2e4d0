"""Orders and logarithm bases are checked once, at the door (issue 8, item 3).

Rényi α ∈ [0, oo] (oo: min-entropy / max-divergence), Tsallis q ∈ [0, oo); a base is a finite
positive real other than 1; a float equal to 1 means 1; strings at any depth are refused.
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
from sympy.stats import Die, FiniteRV

import symbinfo as si
from symbinfo.errors import InvalidParameterError, UnsupportedInputError

R = sp.Rational
Y = FiniteRV("Y", {0: R(1, 2), 1: R(1, 3), 2: R(1, 6)})
P = FiniteRV("P", {0: R(1, 4), 1: R(3, 4)})
Q = FiniteRV("Q", {0: R(1, 2), 1: R(1, 2)})


def _mp(x) -> mpmath.mpf:
    return mpmath.mpf(sp.N(x, 30))


def test_float_orders_equal_to_one_mean_one():
    # these returned nan: SymPy >= 1.13 keeps Float(1.0) != 1, so the order-1 limit was missed
    assert si.renyi_entropy(Y, 1.0) == si.entropy(Y)
    assert si.tsallis_entropy(Y, 1.0) == si.entropy(Y)
    assert si.renyi_divergence(P, Q, 1.0) == si.kl_divergence(P, Q)
    assert si.renyi_divergence(P, Q, sp.Float("1.0", 40)) == si.kl_divergence(P, Q)


def test_other_float_orders_give_the_definition_numerically():
    with mpmath.workdps(30):
        ps = [mpmath.mpf(1) / 2, mpmath.mpf(1) / 3, mpmath.mpf(1) / 6]
        renyi2 = -mpmath.log(sum(p**2 for p in ps))
        assert float(si.renyi_entropy(Y, 2.0)) == pytest.approx(float(renyi2), rel=1e-14)
        tsallis_half = (1 - sum(mpmath.sqrt(p) for p in ps)) / (mpmath.mpf(1) / 2 - 1)
        assert float(si.tsallis_entropy(Y, 0.5)) == pytest.approx(float(tsallis_half), rel=1e-14)


BAD_ORDERS = {"-1": -1, "-oo": -sp.oo, "nan": sp.nan, "I": sp.I, "zoo": sp.zoo,
              "float nan": float("nan"), "-0.5": -0.5, "1 + I": 1 + sp.I,
              "negative symbol": sp.Symbol("a", negative=True)}


@pytest.mark.parametrize("alpha", BAD_ORDERS.values(), ids=BAD_ORDERS)
def test_renyi_orders_outside_zero_to_infinity_are_refused(alpha):
    with pytest.raises(InvalidParameterError,
                       match="the order of RenyiEntropy must be a real number >= 0, not "):
        si.renyi_entropy(Y, alpha)
    with pytest.raises(InvalidParameterError,
                       match="the order alpha of a Rényi divergence must be a real number >= 0"):
        si.renyi_divergence(P, Q, alpha)
    with pytest.raises(InvalidParameterError,
                       match="the order of TsallisEntropy must be a finite real number >= 0"):
        si.tsallis_entropy(Y, alpha)


def test_tsallis_order_must_be_finite():
    with pytest.raises(InvalidParameterError, match="finite real number >= 0, not oo"):
        si.tsallis_entropy(Y, sp.oo)


def test_order_infinity_is_the_min_entropy_and_the_max_divergence():
    assert si.renyi_entropy(Y, sp.oo) == sp.log(2)  # -log max p
    assert si.renyi_entropy(Y, float("inf")) == sp.log(2)
    with mpmath.workdps(30):
        max_ratio = max(mpmath.mpf(1) / 4 / (mpmath.mpf(1) / 2), mpmath.mpf(3) / 4 * 2)
        assert abs(_mp(si.renyi_divergence(P, Q, sp.oo)) - mpmath.log(max_ratio)) < 1e-28
    # and it is the limit of finite orders: H_200 = 200 log(2) / 199 + (a tiny term)
    assert abs(_mp(si.renyi_entropy(Y, 200)) - mpmath.log(2)) < 0.004


def test_symbolic_orders_are_kept_and_checked_when_substituted():
    a = sp.Symbol("alpha", positive=True)
    H = si.RenyiEntropy(Y, a)
    assert H.subs(a, 2).doit() == si.renyi_entropy(Y, 2)
    b = sp.Symbol("b", real=True)
    with pytest.raises(InvalidParameterError, match="not -1"):
        si.RenyiEntropy(Y, b).subs(b, -1)
    with pytest.raises(InvalidParameterError, match="not -1"):
        si.RenyiDivergence(P, Q, b).subs(b, -1)
    with pytest.raises(InvalidParameterError, match="not -1"):
        si.TsallisEntropy(Y, b).subs(b, -1)


BAD_BASES = {"1": 1, "1.0": 1.0, "nan": sp.nan, "float nan": float("nan"), "0": 0, "-2": -2,
             "oo": sp.oo, "zoo": sp.zoo, "I": sp.I, "2 + I": 2 + sp.I,
             "negative symbol": sp.Symbol("b", negative=True)}


@pytest.mark.parametrize("base", BAD_BASES.values(), ids=BAD_BASES)
def test_bad_bases_are_refused_by_every_measure_with_a_base(base):
    rule = "a logarithm base must be a finite positive real number other than 1"
    for call in (lambda: si.entropy(Y, base=base),
                 lambda: si.mutual_information(Y, Y, base=base),
                 lambda: si.kl_divergence(P, Q, base=base),
                 lambda: si.renyi_entropy(Y, 2, base=base),
                 lambda: si.renyi_divergence(P, Q, 2, base=base),
                 lambda: si.Entropy(Y, base=base)):
        with pytest.raises(InvalidParameterError, match=rule):
            call()


def test_good_bases():
    assert si.entropy(Die("D", 8), base=2) == 3
    assert float(si.entropy(Die("D", 8), base=2.0)) == pytest.approx(3.0, rel=1e-15)
    assert si.entropy(Die("D", 4), base=R(1, 2)) == -2  # base 1/2 is allowed: negated bits
    b = sp.Symbol("b", positive=True)
    assert si.entropy(Die("D", 4), base=b) == sp.log(4) / sp.log(b)


def test_measures_without_a_logarithm_take_no_base():
    with pytest.raises(UnsupportedInputError, match="no base"):
        si.HellingerDistance(P, Q, base=2)


HOSTILE = "__import__('os').system('touch {}')"


def test_strings_at_any_depth_are_refused(tmp_path):
    sentinel = tmp_path / "pwned"
    payload = HOSTILE.format(sentinel)
    shapes = [payload, (payload,), [[payload]], {payload: 1}, {1: payload}, {payload}]
    for shape in shapes:
        with pytest.raises(UnsupportedInputError, match="a logarithm base must be a number"):
            si.entropy(Y, base=shape)
        with pytest.raises(UnsupportedInputError, match="order of RenyiEntropy must be a num"):
            si.renyi_entropy(Y, shape)
        with pytest.raises(UnsupportedInputError, match=r"order alpha .* must be a number"):
            si.renyi_divergence(P, Q, shape)
        with pytest.raises(UnsupportedInputError, match="order of TsallisEntropy must be a num"):
            si.tsallis_entropy(Y, shape)
    assert not sentinel.exists()
