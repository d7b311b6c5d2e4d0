"""verify(): statuses, refutations with confirmed counterexamples, no proof from a failed
simplification, domain sampling, rendering, determinism and private precision."""

from __future__ import annotations

import random

import mpmath
import pytest
import sympy as sp
from sympy.stats import Bernoulli, Normal

import symbinfo as si
from symbinfo.verify import Verification, verify
from symbinfo.verify.catalog import random_table, symbolic_table

P_, Q_ = sp.symbols("p q", positive=True)


def _mp_entropy(pmf) -> mpmath.mpf:
    return -mpmath.fsum(p * mpmath.log(p) for p in pmf if p > 0)


def _mp(value) -> mpmath.mpf:
    value = sp.sympify(value)
    return mpmath.mpf(int(value.p)) / int(value.q)


def test_chain_rule_proved_from_joint_entropies():
    X, Y = si.FiniteJointRV("X Y", symbolic_table((3, 3)))
    v = verify(si.Entropy(X, Y), si.Entropy(X) + si.ConditionalEntropy(Y, given=X))
    assert v.status == "proved" and v
    assert "joint entropies" in v.method


def test_conditional_entropies_swapped_is_refuted_with_an_independent_check():
    table = symbolic_table((2, 2))
    X, Y = si.FiniteJointRV("X Y", table)
    v = verify(si.ConditionalEntropy(X, given=Y), si.ConditionalEntropy(Y, given=X))
    assert v.status == "refuted" and not v
    point = v.counterexample
    assert point and set(point) == {sp.Symbol(n) for n in ("p00", "p01", "p10")}
    # independent computation in plain mpmath from the table at the counterexample
    with mpmath.workdps(40):
        cells = {k: _mp(c.xreplace(point)) for k, c in table.items()}
        hxy = _mp_entropy(cells.values())
        hx = _mp_entropy([cells[(0, 0)] + cells[(0, 1)], cells[(1, 0)] + cells[(1, 1)]])
        hy = _mp_entropy([cells[(0, 0)] + cells[(1, 0)], cells[(0, 1)] + cells[(1, 1)]])
        lhs, rhs = v.counterexample_values
        assert abs(mpmath.mpf(str(lhs)) - (hxy - hy)) < mpmath.mpf(10) ** -12
        assert abs(mpmath.mpf(str(rhs)) - (hxy - hx)) < mpmath.mpf(10) ** -12


def test_kl_is_not_symmetric():
    v = verify(si.KLDivergence(Bernoulli("P", P_), Bernoulli("Q", Q_)),
               si.KLDivergence(Bernoulli("Q", Q_), Bernoulli("P", P_)))
    assert v.status == "refuted"
    assert set(v.counterexample) == {P_, Q_}
    assert all(0 < val < 1 for val in v.counterexample.values())  # Bernoulli's domain
    lhs, rhs = v.counterexample_values
    assert lhs != rhs


def test_joint_entropy_is_not_additive_on_a_dependent_table():
    X, Y = si.FiniteJointRV("X Y", random_table((3, 3), random.Random(4)))
    v = verify(si.Entropy(X, Y), si.Entropy(X) + si.Entropy(Y))
    assert v.status == "refuted" and v.counterexample == {}
    lhs, rhs = v.counterexample_values
    assert lhs < rhs  # subadditivity, strictly on a dependent table


def test_false_bound_on_mutual_information_is_refuted():
    # Z = X, Y depends on X: H(X | Z) = 0 < I(X; Y)
    rng = random.Random(7)
    xy = random_table((2, 2), rng)
    table = {(x, y, x): p for (x, y), p in xy.items()}
    X, Y, Z = si.FiniteJointRV("X Y Z", table)
    claim = si.MutualInformation(X, Y) <= sp.Min(si.ConditionalEntropy(X, given=Z),
                                                 si.Entropy(Y))
    v = verify(claim)
    assert v.status == "refuted"


def test_false_bound_on_a_symbolic_table_has_a_counterexample_point():
    p = sp.Symbol("p", positive=True)
    a = sp.Symbol("a", positive=True)
    table = {(0, 0, 0): p * a, (0, 1, 0): p * (1 - a), (1, 0, 1): (1 - p) * (1 - a),
             (1, 1, 1): (1 - p) * a}
    X, Y, Z = si.FiniteJointRV("X Y Z", table)
    v = verify(si.MutualInformation(X, Y),
               sp.Min(si.ConditionalEntropy(X, given=Z), si.Entropy(Y)), relation="<=")
    assert v.status == "refuted"
    assert set(v.counterexample) == {p, a}


def test_abstract_false_claims():
    X, Y, Z = sp.symbols("X Y Z")
    eq = verify(si.ConditionalEntropy(X, given=Y), si.ConditionalEntropy(Y, given=X))
    assert eq.status == "refuted"  # different joint-entropy combinations
    ineq = verify(si.MutualInformation(X, Y) <= si.ConditionalEntropy(X, given=Z))
    assert ineq.status == "undecided" and not ineq  # not Shannon-provable is not "false"


def test_abstract_inequality_goes_to_the_prover():
    X, Y = sp.symbols("X Y")
    v = verify(si.ConditionalEntropy(X, given=Y) <= si.Entropy(X))
    assert v.status == "proved" and "Shannon" in v.method


def test_true_identity_sympy_cannot_simplify_is_verified_not_refuted():
    x = sp.Symbol("x", positive=True)
    lhs, rhs = sp.log(1 + x), 2 * sp.atanh(x / (x + 2))
    assert sp.simplify(lhs - rhs) != 0  # SymPy fails here ...
    v = verify(lhs, rhs, points=8)
    assert v.status == "verified" and v  # ... which proves nothing and refutes nothing
    assert v.points == 8 and v.worst_error < 1e-40


def test_digamma_identity_proved_by_expand_func():
    x = sp.Symbol("x", positive=True)
    v = verify(sp.polygamma(0, x + 1) - sp.polygamma(0, x), 1 / x)
    assert v.status == "proved"


def test_log_expansion_needs_the_assumptions():
    y = sp.Symbol("y", real=True)  # log(y**2) = 2 log y is false for y < 0
    v = verify(sp.log(y**2), 2 * sp.log(y), points=10)
    assert v.status != "proved"
    assert v.status == "refuted" or v.skipped > 0  # negative y: complex values are skipped


def test_undefined_points_are_counted_not_hidden():
    x = sp.Symbol("x", real=True)  # both sides complex for x < 1: skipped, and counted
    v = verify(sp.acosh(x), sp.log(x + sp.sqrt(x**2 - 1)), points=6, symbolic=False)
    assert v.status == "verified"
    assert v.skipped > 0 and sum(v.skip_reasons.values()) == v.skipped


def test_invalid_distribution_parameters_are_skipped_and_counted():
    mu, s = sp.Symbol("mu", real=True), sp.Symbol("s", real=True)  # s < 0 is invalid
    h = si.Entropy(Normal("X", mu, s))
    v = verify(h, h + 1, relation="<=", points=3, digits=20, symbolic=False)
    assert v.status == "verified"
    assert v.skip_reasons.get("invalid distribution parameters", 0) > 0


def test_inequalities_strict_and_reversed():
    a = sp.Symbol("a", positive=True)
    assert verify(sp.log(a) <= a - 1).status == "verified"
    assert verify(a - 1 >= sp.log(a)).status == "verified"
    assert verify(a + 1 > a).status == "proved"
    assert verify(sp.log(a), a - 1, relation=">=").status == "refuted"
    assert verify(sp.Eq(a, a)).status == "proved"


def test_relation_forms_agree():
    X, Y = si.FiniteJointRV("X Y", symbolic_table((2, 2)))
    left, right = si.MutualInformation(X, Y), si.MutualInformation(Y, X)
    assert verify(left, right).status == verify(sp.Eq(left, right, evaluate=False)).status


def test_deterministic_and_private_precision():
    dps = mpmath.mp.dps
    X, Y = si.FiniteJointRV("X Y", symbolic_table((2, 2)))
    claim = si.ConditionalEntropy(X, given=Y), si.ConditionalEntropy(Y, given=X)
    first, second = verify(*claim, seed=3), verify(*claim, seed=3)
    assert first.counterexample == second.counterexample
    assert mpmath.mp.dps == dps


def test_rendering():
    X, Y = si.FiniteJointRV("X Y", symbolic_table((2, 2)))
    v = verify(si.ConditionalEntropy(X, given=Y), si.ConditionalEntropy(Y, given=X))
    assert str(v).startswith("H(X | Y) = H(Y | X): refuted")
    assert r"H(X \mid Y) = H(Y \mid X)" in v.to_latex()
    assert v._repr_markdown_().startswith("**refuted**")
    assert "refuted" in v._repr_latex_()
    ok = verify(sp.log(sp.Symbol("a", positive=True) ** 2), 2 * sp.log(sp.Symbol("a",
                                                                              positive=True)))
    assert "proved" in str(ok) and isinstance(ok, Verification)


def test_relation_sympy_already_decided():
    a = sp.Symbol("a", positive=True)
    assert verify(a + 1 >= 1).status == "proved"  # SymPy built True
    assert verify(sp.Lt(a, 0)).status == "refuted"


def test_bad_input_is_a_clear_error():
    with pytest.raises(si.UnsupportedInputError):
        verify(sp.Symbol("a"))
    with pytest.raises(si.UnsupportedInputError):
        verify(1, 2, relation="~")


def test_where_conditions_restrict_the_domain():
    x = sp.Symbol("x", real=True)
    assert verify(sp.Abs(x), x, where=[x > 0], points=6).status in ("proved", "verified")
    assert verify(sp.Abs(x), x, points=6, symbolic=False).status == "refuted"


def test_strict_inequality_with_equal_sides_is_not_verified():
    X, Y = si.FiniteJointRV("X Y", symbolic_table((2, 2)))
    v = verify(si.MutualInformation(X, Y), si.MutualInformation(Y, X), relation="<")
    assert v.status == "refuted" and not v


def test_catalog_rows_print():
    from symbinfo.verify import catalog_rows

    name, formula, conditions, source = catalog_rows()[0]
    assert name and conditions
    assert "H(P, Q)" in formula and "Cover" in source
