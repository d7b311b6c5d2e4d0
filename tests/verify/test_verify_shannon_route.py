"""verify() proves Shannon-type claims about a finite joint table with the Shannon prover (valid
for every distribution), instead of only checking them numerically."""

from __future__ import annotations

import sympy as sp

import symbinfo as si

p = sp.Symbol("p", positive=True)
X, Y, Z = si.FiniteJointRV("X Y Z", [[[p / 2, 0], [p / 2, 0]], [[1 - p, 0], [0, 0]]])


def test_shannon_inequalities_of_a_table_are_proved():
    claims = [
        si.ConditionalEntropy(X, given=Y) <= si.Entropy(X),
        si.MutualInformation(X, Y) >= 0,
        si.Entropy(X, Y, base=2) >= si.Entropy(X, base=2),
        si.MutualInformation(X, Z, given=Y) <= si.Entropy(X),
        si.Entropy(X, Y, Z) <= si.Entropy(X) + si.Entropy(Y) + si.Entropy(Z),
    ]
    for claim in claims:
        v = si.verify(claim)
        assert v.status == "proved" and "Shannon" in v.method, str(v)


def test_what_the_prover_cannot_prove_is_still_decided():
    v = si.verify(si.Entropy(X) <= si.ConditionalEntropy(X, given=Y))
    assert v.status == "refuted"
    # mixed bases are not one Shannon inequality: evaluated instead (and true here)
    v = si.verify(si.Entropy(X, base=2) >= si.Entropy(X))
    assert v and "Shannon" not in v.method
