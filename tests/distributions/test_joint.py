"""Joint tables: what they accept, what they refuse, and how they report undecided conditions."""

from __future__ import annotations

import pytest
import sympy as sp
from sympy.stats import Die, Normal

import symbinfo as si
from symbinfo.errors import (
    InvalidDistributionError,
    InvalidParameterError,
    MismatchError,
    UnsupportedInputError,
)

half, third = sp.Rational(1, 2), sp.Rational(1, 3)


def test_negative_entry_is_named():
    with pytest.raises(InvalidDistributionError, match=r"\(1, 0\).*negative: -1/4"):
        si.FiniteJointRV(
            "X Y", {(0, 0): half, (0, 1): sp.Rational(3, 4), (1, 0): -sp.Rational(1, 4)}
        )


def test_entries_that_do_not_sum_to_one():
    with pytest.raises(InvalidDistributionError, match="add up to 5/6"):
        si.FiniteJointRV("X Y", [[half, third], [0, 0]])


def test_symbolic_entries_that_provably_do_not_sum_to_one():
    p = sp.Symbol("p", positive=True)
    with pytest.raises(InvalidDistributionError, match="does not sum to 1"):
        si.FiniteJointRV("X", {0: p, 1: 2 - p})


def test_outcome_of_the_wrong_length():
    with pytest.raises(MismatchError, match=r"outcome \(0, 1, 1\) has 3 values"):
        si.FiniteJointRV("X Y", {(0, 0): half, (0, 1, 1): half})


def test_unknown_variable_name():
    X, _ = si.FiniteJointRV("X Y", [[half, 0], [0, half]])
    with pytest.raises(MismatchError, match="unknown variable W"):
        X.table.variable("W")


def test_ragged_nested_table():
    with pytest.raises(MismatchError):
        si.FiniteJointRV("X Y", [[half, half], 0])


def test_probability_above_one_and_non_numbers():
    with pytest.raises(InvalidDistributionError, match="exceeds 1"):
        si.FiniteJointRV("X", {0: sp.Rational(3, 2), 1: -half})
    with pytest.raises(InvalidDistributionError, match="not a number"):
        si.FiniteJointRV("X", {0: sp.zoo, 1: half})
    with pytest.raises(InvalidDistributionError, match="not real"):
        si.FiniteJointRV("X", {0: sp.I, 1: 1 - sp.I})


def test_undecided_conditions_are_reported_not_assumed():
    a, b = sp.symbols("a b", positive=True)
    X, _ = si.FiniteJointRV("X Y", {(0, 0): a, (0, 1): b, (1, 1): 1 - a - b})
    assert X.table.conditions == (sp.Ge(1 - a - b, 0),)
    u, v = sp.symbols("u v")  # no assumptions at all
    Z = si.FiniteJointRV("Z", {0: u, 1: v})
    assert set(Z.table.conditions) == {sp.Ge(u, 0), sp.Ge(v, 0), sp.Eq(u + v, 1)}


def test_variables_of_different_tables_do_not_mix():
    X, _ = si.FiniteJointRV("X Y", [[half, 0], [0, half]])
    U, _ = si.FiniteJointRV("U V", [[half, 0], [0, half]])
    with pytest.raises(MismatchError, match="different FiniteJointRV tables"):
        si.mutual_information(X, U)
    with pytest.raises(MismatchError, match=r"sympy\.stats"):
        si.mutual_information(X, Die("D", 2))


def test_finite_distributions_on_outcomes_of_different_shapes():
    X, Y = si.FiniteJointRV("X Y", [[half, 0], [0, half]])
    pair = si.FiniteJointRV("P", {(0, 1): half, (1, 0): half})
    assert si.kl_divergence(X, Y) == 0
    assert si.entropy(pair) == sp.log(2)  # one variable whose values are pairs
    with pytest.raises(MismatchError, match="different shapes"):
        si.kl_divergence(pair, X)


def test_unreadable_arguments_raise_type_errors():
    with pytest.raises(UnsupportedInputError, match="cannot read"):
        si.Entropy({0: half, 1: half})
    with pytest.raises(UnsupportedInputError, match="cannot read"):
        si.entropy("Normal(0, 1)")
    with pytest.raises(TypeError):
        si.KLDivergence(Normal("N", 0, 1), [1, 2])


def test_bad_log_base():
    with pytest.raises(InvalidParameterError, match="base"):
        si.entropy(Die("D", 2), base=1)
    with pytest.raises(InvalidParameterError, match="base"):
        si.entropy(Die("D", 2), base=-2)


def test_strings_are_never_sympified(tmp_path):
    sentinel = tmp_path / "pwned"
    hostile = f"__import__('os').system('touch {sentinel}')"
    die = Die("D", 2)
    for call in (lambda: si.renyi_entropy(die, hostile),
                 lambda: si.tsallis_entropy(die, hostile),
                 lambda: si.renyi_divergence(die, die, hostile),
                 lambda: si.entropy(die, base=hostile)):
        with pytest.raises(UnsupportedInputError, match="parse_expression"):
            call()
    assert not sentinel.exists()
