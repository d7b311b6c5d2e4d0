"""Claims the prover must refuse, with a polymatroid witness that is checked independently."""

from __future__ import annotations

from itertools import combinations

import pytest
from shannon_dists import entropy_of, random_joint

from symbinfo.shannon import H, I, eq, ge, independent, le, markov_chain, prove

A, B, C, D = "A", "B", "C", "D"
X, Y, Z = "X", "Y", "Z"


def zhang_yeung():
    """Zhang & Yeung (IEEE Trans. IT 44, 1998), Theorem 3 as in Yeung, *A First Course in
    Information Theory*, Thm 15.7: 2I(C;D) <= I(A;B) + I(A;C,D) + 3I(C;D|A) + I(C;D|B)."""
    return le(2 * I(C, D), I(A, B) + I(A, (C, D)) + 3 * I(C, D, given=A) + I(C, D, given=B))


def assert_polymatroid(w: dict, names: list[str]) -> None:
    """h(empty)=0, monotone, submodular: checked pairwise over all subsets, not elementally."""
    subsets = [frozenset(s) for r in range(len(names) + 1) for s in combinations(names, r)]

    def h(s):
        return 0 if not s else w[s]

    for s in subsets:
        for t in subsets:
            assert h(s) + h(t) >= h(s | t) + h(s & t)
            if s <= t:
                assert h(s) <= h(t)


def test_zhang_yeung_is_not_shannon_type(rng):
    r = prove(zhang_yeung())
    assert not r
    assert r.status == "not provable"
    assert "not provable by Shannon-type inequalities" in str(r)
    assert r.certificate is None and r.witness is not None
    assert_polymatroid(r.witness, [A, B, C, D])
    assert r.witness_value < 0
    assert zhang_yeung().expr.evaluate(lambda s: r.witness[s]) == r.witness_value
    # ... yet it is a true inequality of entropic vectors: it holds on real distributions.
    for _ in range(25):
        h = entropy_of(random_joint(rng, [A, B, C, D]))
        assert zhang_yeung().expr.evaluate(h) >= -1e-9


def test_zhang_yeung_exact_only_path():
    r = prove(zhang_yeung(), use_float=False)
    assert r.status == "not provable"
    assert_polymatroid(r.witness, [A, B, C, D])


@pytest.mark.parametrize(
    "claim",
    [
        le(I(X, Y), I(X, Y, given=Z)),  # fails for X = Y = Z
        le(I(X, Y, given=Z), I(X, Y)),  # fails for Z = X xor Y
        ge(I(X, Y), H(X)),
        le(H(X), H(Y)),
        eq(H(X), H(Y)),
    ],
    ids=["cond-increases-mi", "cond-decreases-mi", "mi-ge-entropy", "HX-le-HY", "HX-eq-HY"],
)
def test_false_claims_get_witness(claim):
    r = prove(claim)
    assert r.status == "not provable" and not r
    names = sorted(claim.expr.variables)
    assert_polymatroid(r.witness, names)
    value = claim.expr.evaluate(lambda s: r.witness[s])
    assert value == r.witness_value
    assert value != 0 if claim.kind == "==" else value < 0


def test_false_claim_also_fails_on_a_real_distribution():
    # X = Y = Z one fair bit: I(X;Y) = log 2 > 0 = I(X;Y|Z).
    dist = (("X", "Y", "Z"), {(0, 0, 0): 0.5, (1, 1, 1): 0.5})
    h = entropy_of(dist)
    assert le(I(X, Y), I(X, Y, given=Z)).expr.evaluate(h) < 0


def test_witness_respects_constraints():
    # DPI in the wrong direction is not implied by the Markov chain.
    r = prove(le(I(X, Y), I(X, Z)), constraints=[markov_chain(X, Y, Z)])
    assert r.status == "not provable"
    w = r.witness
    assert I(X, Z, given=Y).evaluate(lambda s: w[s]) == 0
    assert_polymatroid(w, [X, Y, Z])


def test_constraint_needed():
    # True under independence, not in general.
    claim = ge(I(X, Y, given=Z), I(X, Y))
    assert prove(claim).status == "not provable"
    assert prove(claim, constraints=[independent(X, Z)]).status == "proved"


def test_str_and_latex_of_failure():
    r = prove(le(H(X), H(Y)))
    text = str(r)
    assert "polymatroid" in text and "H(X) =" in text
    assert r.to_latex().startswith(r"\text{Not provable")
    assert r._repr_latex_().startswith("$")
