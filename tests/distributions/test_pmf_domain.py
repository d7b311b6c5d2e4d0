"""One validator for every finite pmf, whichever door it comes through (issue 8, item 3).

A FiniteJointRV table, a sympy.stats FiniteRV or finite distribution, and expressions of them are
all checked by ``check_pmf`` where they are read: every measure refuses an invalid one (not only
KL and Rényi), float tables are valid when they sum to 1 within their precision.
"""

from __future__ import annotations

import math

import mpmath
import pytest
import sympy as sp
from sympy.stats import Bernoulli, Die, FiniteRV
from sympy.stats.frv_types import DiscreteUniformDistribution, FiniteDistributionHandmade

import symbinfo as si
from symbinfo.errors import InvalidDistributionError, UnsupportedInputError

R = sp.Rational


def _every_measure(X, Y):
    """Every public measure applied with ``X`` as (one of) its argument(s)."""
    return {
        "entropy": lambda: si.entropy(X),
        "joint entropy": lambda: si.entropy(X, Y),
        "conditional_entropy": lambda: si.conditional_entropy(Y, given=X),
        "mutual_information": lambda: si.mutual_information(X, Y),
        "total_correlation": lambda: si.total_correlation(X, Y),
        "dual_total_correlation": lambda: si.dual_total_correlation(X, Y),
        "co_information": lambda: si.co_information(X, Y),
        "cross_entropy": lambda: si.cross_entropy(X, Y),
        "cross_entropy (Q)": lambda: si.cross_entropy(Y, X),
        "kl_divergence": lambda: si.kl_divergence(X, Y),
        "kl_divergence (Q)": lambda: si.kl_divergence(Y, X),
        "js_divergence": lambda: si.js_divergence(X, Y),
        "renyi_entropy": lambda: si.renyi_entropy(X, 2),
        "renyi_divergence": lambda: si.renyi_divergence(X, Y, R(1, 2)),
        "tsallis_entropy": lambda: si.tsallis_entropy(X, 2),
        "hellinger_distance": lambda: si.hellinger_distance(X, Y),
        "total_variation": lambda: si.total_variation(X, Y),
    }


BAD_TABLES = {
    "sums to 5/6": ({0: R(1, 2), 1: R(1, 3)},
                    r"distribution of B does not sum to 1: the entries add up to 5/6"),
    "an entry above 1": ({0: R(3, 2), 1: R(-1, 2)},
                         r"distribution of B: probability of outcome 0 exceeds 1: 3/2"),
    "a negative entry": ({0: R(3, 4), 1: R(1, 2), 2: R(-1, 4)},
                         r"distribution of B: probability of outcome 2 is negative: -1/4"),
}


@pytest.mark.parametrize("table, message", BAD_TABLES.values(), ids=BAD_TABLES)
def test_every_measure_refuses_an_invalid_sympy_finite_rv(table, message):
    # entropy and mutual information used to return numbers here (a complex one for 3/2, -1/2)
    X, Y = FiniteRV("B", table), Die("Y", 2)
    for call in _every_measure(X, Y).values():
        with pytest.raises(InvalidDistributionError, match=message):
            call()


def test_expressions_and_bare_distributions_are_checked_too():
    B = FiniteRV("B", {0: R(1, 2), 1: R(1, 3)})
    with pytest.raises(InvalidDistributionError, match="distribution of B does not sum to 1"):
        si.entropy(B + Die("Y", 2))
    bare = FiniteDistributionHandmade(sp.Dict({0: R(3, 2), 1: R(-1, 2)}))
    with pytest.raises(InvalidDistributionError, match="exceeds 1: 3/2"):
        si.entropy(bare)


FLOAT_TABLES = {
    "[0.1]*10": ([0.1] * 10, math.log(10)),
    "[0.7, 0.1, 0.1, 0.1]": ([0.7, 0.1, 0.1, 0.1], -0.7 * math.log(0.7) - 0.3 * math.log(0.1)),
    "[1/7]*7": ([1 / 7] * 7, math.log(7)),
}


@pytest.mark.parametrize("table, expected", FLOAT_TABLES.values(), ids=FLOAT_TABLES)
def test_float_tables_summing_to_one_within_their_precision_are_valid(table, expected):
    assert sum(table) != 1  # the point: their float sum is not exactly 1
    X = si.FiniteJointRV("X", table)
    assert float(si.entropy(X)) == pytest.approx(expected, rel=1e-13)
    F = FiniteRV("F", dict(enumerate(table)))
    assert float(si.entropy(F)) == pytest.approx(expected, rel=1e-13)


def test_float_tolerance_is_one_ulp_of_one_per_float_entry():
    # two 53-bit entries may miss 1 by 2 * 2**-52 together; a little more is refused
    si.FiniteJointRV("X", [0.5, 0.5 + 2.0**-52])
    with pytest.raises(InvalidDistributionError, match="further from 1 than their precision"):
        si.FiniteJointRV("X", [0.5, 0.5 + 2.0**-50])
    with pytest.raises(InvalidDistributionError, match=r"add up to 0\.9000"):
        si.FiniteJointRV("X", [0.5, 0.4])
    # the tolerance follows the entries' precision: 0.1 at 50 digits, ten times, is valid
    si.FiniteJointRV("X", [sp.Float("0.1", 50)] * 10)
    with pytest.raises(InvalidDistributionError, match="further from 1"):
        si.FiniteJointRV("X", [sp.Float("0.1", 50)] * 9 + [sp.Float("0.1000000000001", 50)])


def test_a_float_entry_below_zero_is_refused_even_when_tiny():
    with pytest.raises(InvalidDistributionError, match=r"outcome \(2,\) is negative"):
        si.FiniteJointRV("X", [0.9, 0.1, 1 - 0.9 - 0.1])  # -2.8e-17 from rounding


def test_exact_entries_must_sum_to_exactly_one():
    with pytest.raises(InvalidDistributionError, match="add up to"):
        si.FiniteJointRV("X", [R(1, 2), R(1, 2) + R(1, 10**30)])
    with pytest.raises(InvalidDistributionError, match="add up to"):
        si.FiniteJointRV("X", [sp.sqrt(2) / 2, R(1, 2)])
    X = si.FiniteJointRV("X", [sp.sin(1) ** 2, sp.cos(1) ** 2])  # needs simplification
    assert X.table.conditions == ()


def test_symbolic_entries_keep_their_undecided_conditions():
    a = sp.Symbol("a")
    X = si.FiniteJointRV("X", [a, 1 - a])
    assert set(X.table.conditions) == {sp.Ge(a, 0), sp.Ge(1 - a, 0)}
    p = sp.Symbol("p", positive=True)
    assert si.entropy(Bernoulli("B", p)) == -p * sp.log(p) - (1 - p) * sp.log(1 - p)
    with pytest.raises(InvalidDistributionError, match="does not sum to 1"):
        si.entropy(FiniteRV("S", {0: p, 1: 2 - p}))


def test_substituting_into_a_table_is_checked_again():
    p = sp.Symbol("p", positive=True)
    X = si.FiniteJointRV("X", {0: p, 1: 1 - p})
    assert X.table.subs(p, R(1, 4)).pmf[(1,)] == R(3, 4)
    with pytest.raises(InvalidDistributionError, match=r"outcome \(0,\) exceeds 1: 2"):
        X.table.subs(p, 2)


def test_probabilities_are_read_through_the_gate(tmp_path):
    sentinel = tmp_path / "pwned"
    hostile = f"__import__('os').system('touch {sentinel}')"
    for table in ({0: hostile, 1: R(1, 2)}, [hostile, R(1, 2)], {0: (hostile,), 1: 0}):
        with pytest.raises(UnsupportedInputError):
            si.FiniteJointRV("X", table)
    assert not sentinel.exists()


def test_discrete_uniform_with_repeated_items_is_read_as_its_multiset():
    # SymPy's own constructor refuses [1, 1, 2] before symbinfo sees it ...
    with pytest.raises(ValueError, match="Repeated args"):
        sp.stats.DiscreteUniform("D", [1, 1, 2])
    # ... but the distribution object exists, and SymPy's .dict gives 1/3 + 1/3 = 2/3
    dist = DiscreteUniformDistribution(1, 1, 2)
    assert sum(dist.dict.values()) == R(2, 3)
    h = si.entropy(dist)
    with mpmath.workdps(30):
        oracle = -(mpmath.mpf(2) / 3 * mpmath.log(mpmath.mpf(2) / 3)
                   + mpmath.mpf(1) / 3 * mpmath.log(mpmath.mpf(1) / 3))
        assert abs(mpmath.mpf(sp.N(h, 30)) - oracle) < mpmath.mpf(10) ** -28


def test_a_distribution_built_with_too_few_arguments_is_refused_at_the_door():
    # BinomialDistribution(n, p) lacks SymPy's success/failure labels and breaks its own .dict
    from sympy.stats.frv_types import BinomialDistribution

    half = sp.Rational(1, 2)
    with pytest.raises(si.InvalidDistributionError, match="takes 4 arguments"):
        si.kl_divergence(BinomialDistribution(3, half), BinomialDistribution(3, half))
    with pytest.raises(si.InvalidDistributionError, match="Binomial"):
        si.entropy(BinomialDistribution(3, half))
