"""Claims the prover must prove, each cross-checked on random joint distributions."""

from __future__ import annotations

import random
from fractions import Fraction
from itertools import combinations

import pytest
from shannon_dists import entropy_of, random_independent, random_joint, random_markov

from symbinfo.shannon import (
    H,
    I,
    eq,
    function_of,
    ge,
    independent,
    le,
    markov_chain,
    prove,
)

N_DISTRIBUTIONS = 25


def _functional(rng: random.Random, names):
    """names = (X, Y, Z): Y is a deterministic function of X, Z arbitrary given X."""
    _, table = random_joint(rng, [names[0], names[2]])
    ysize = rng.choice((2, 3))
    f = {x: rng.randrange(ysize) for x in {c[0] for c in table}}
    return tuple(names), {(c[0], f[c[0]], c[1]): p for c, p in table.items()}


X, Y, Z, W = "X", "Y", "Z", "W"
A, B, C, D = "A", "B", "C", "D"
X1, X2, X3, X4, X5 = "X1", "X2", "X3", "X4", "X5"


def _han(names: list[str]):
    """Han's inequality: H(X_1..X_n) <= 1/(n-1) * sum_i H(X_N without X_i)."""
    full = set(names)
    rhs = sum((H(*(full - {v})) for v in names), H(names[0]) - H(names[0]))
    return le(H(*names), Fraction(1, len(names) - 1) * rhs)


def _han_k(names: list[str], k: int):
    """Han, averaged form: T_k = avg over k-subsets of H(S)/k is non-increasing in k."""

    def t(j: int):
        subsets = list(combinations(names, j))
        total = sum((H(*s) for s in subsets), H(names[0]) - H(names[0]))
        return Fraction(1, j * len(subsets)) * total

    return ge(t(k), t(k + 1))


# (id, statement, constraints, sampler, variables)
CASES = [
    ("cmi-nonneg", ge(I(X, Y, given=Z), 0), (), random_joint, [X, Y, Z]),
    ("mi-vector-nonneg", I((X, W), Y, given=Z) >= 0, (), random_joint, [X, Y, Z, W]),
    (
        "dpi",
        le(I(X, Z), I(X, Y)),
        (markov_chain(X, Y, Z),),
        random_markov,
        [X, Y, Z],
    ),
    (
        "dpi-other-end",
        le(I(X, Z), I(Y, Z)),
        (markov_chain(X, Y, Z),),
        random_markov,
        [X, Y, Z],
    ),
    ("submodularity", le(H(X, Y, Z) + H(Y), H(X, Y) + H(Y, Z)), (), random_joint, [X, Y, Z]),
    (
        "submodularity-4",
        le(H(A, B, C, D) + H(B, C), H(A, B, C) + H(B, C, D)),
        (),
        random_joint,
        [A, B, C, D],
    ),
    ("han-4", _han([A, B, C, D]), (), random_joint, [A, B, C, D]),
    ("han-4-k1", _han_k([A, B, C, D], 1), (), random_joint, [A, B, C, D]),
    ("conditioning-reduces", le(H(X, given=Y), H(X)), (), random_joint, [X, Y]),
    ("conditioning-reduces-2", le(H(X, given=(Y, Z)), H(X, given=Y)), (), random_joint, [X, Y, Z]),
    ("joint-ge-marginal", ge(H(X, Y), H(X)), (), random_joint, [X, Y]),
    ("mi-le-entropy", le(I(X, Y), H(X)), (), random_joint, [X, Y]),
    (
        "independent-mi-conditioning",
        ge(I(X, Y, given=Z), I(X, Y)),
        (independent(X, Z),),
        # Only X and Z are independent; Y is arbitrary: build (X, Z) independent, then Y | X, Z.
        None,
        [X, Y, Z],
    ),
    (
        "markov-5",
        le(I(X1, X5), I(X2, X4)),
        (markov_chain(X1, X2, X3, X4, X5),),
        random_markov,
        [X1, X2, X3, X4, X5],
    ),
    (
        "function-of",
        le(H(Y, given=Z), H(X, given=Z)),
        (function_of(Y, X),),
        _functional,
        [X, Y, Z],
    ),
]


def _indep_xz_then_y(rng: random.Random, names):
    (_, table) = random_independent(rng, [names[0], names[2]])
    ysize = rng.choice((2, 3))
    out = {}
    for (x, z), p in table.items():
        w = [rng.random() for _ in range(ysize)]
        s = sum(w)
        for y in range(ysize):
            out[(x, y, z)] = p * w[y] / s
    return tuple(names), out


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_proves_and_holds_numerically(case, rng):
    _, statement, constraints, sampler, names = case
    sampler = sampler or _indep_xz_then_y
    result = prove(statement, constraints=constraints)
    assert result, str(result)
    assert result.status == "proved"
    assert result.certificate is not None and result.certificate.verify()
    # The verdict is independent of the optional float pre-check.
    for dist_no in range(N_DISTRIBUTIONS):
        h = entropy_of(sampler(rng, names))
        for c in constraints:
            for e in c.equalities:
                assert abs(e.evaluate(h)) < 1e-9, f"sampler broke {c.label}"
        gap = statement.expr.evaluate(h)
        assert gap >= -1e-9, f"distribution {dist_no}: lhs - rhs = {gap}"


# Identities: reduced to joint entropies, or modulo the constraints.
IDENTITIES = [
    ("chain-rule-H", eq(H(X, Y, Z), H(X) + H(Y, given=X) + H(Z, given=(X, Y))), (), random_joint),
    ("chain-rule-I", eq(I(X, (Y, Z)), I(X, Y) + I(X, Z, given=Y)), (), random_joint),
    ("mi-expansion", eq(I(X, Y), H(X) + H(Y) - H(X, Y)), (), random_joint),
    ("mi-symmetric", eq(I(X, Y, given=Z), I(Y, X, given=Z)), (), random_joint),
    ("mi-as-entropy-drop", eq(I(X, Y), H(X) - H(X, given=Y)), (), random_joint),
    (
        "independent-additive",
        eq(H(X, Y), H(X) + H(Y)),
        (independent(X, Y),),
        lambda rng, names: random_independent(rng, names[:2]),
    ),
    ("function-of-joint", eq(H(X, Y), H(X)), (function_of(Y, X),), _functional),
]


@pytest.mark.parametrize("case", IDENTITIES, ids=[c[0] for c in IDENTITIES])
def test_identities(case, rng):
    _, statement, constraints, sampler = case
    result = prove(statement, constraints=constraints)
    assert result.status == "proved", str(result)
    assert all(c.verify() for c in result.certificates)
    for _ in range(N_DISTRIBUTIONS):
        h = entropy_of(sampler(rng, [X, Y, Z]))
        assert abs(statement.expr.evaluate(h)) < 1e-9


def test_pure_identity_needs_no_lp():
    r = prove(eq(I(X, Y), H(X) + H(Y) - H(X, Y)))
    assert r.method == "identity of joint-entropy expansions"
    assert list(r.certificate) == []
    assert "expands to 0" in r.certificate.steps()


def test_identity_modulo_equality_constraints():
    r = prove(eq(H(X, Y), H(X) + H(Y)), constraints=[independent(X, Y)])
    assert r.method == "linear combination of the equality constraints"
    assert r.certificate.kind == "=="


def test_identity_that_needs_both_inequalities():
    # I(X; Y,Z) = 0 forces I(X;Y) = 0, but only through I(X;Z|Y) >= 0 (not a linear combination).
    r = prove(eq(I(X, Y), 0), constraints=[eq(I(X, (Y, Z)), 0)])
    assert r.status == "proved"
    assert len(r.certificates) == 2 and all(c.verify() for c in r.certificates)


def test_exact_path_without_scipy_agrees(monkeypatch):
    from symbinfo.shannon import lp

    monkeypatch.setattr(lp, "have_scipy", lambda: False)
    assert prove(le(I(X, Z), I(X, Y)), constraints=[markov_chain(X, Y, Z)])
    assert prove(_han([A, B, C, D]))
    r = prove(le(I(X, Y), I(X, Y, given=Z)))
    assert r.status == "not provable" and r.witness is not None


def test_use_float_false_gives_same_certificate_validity():
    r = prove(_han_k([A, B, C, D], 2), use_float=False)
    assert r and r.certificate.verify()


def test_general_statement_constraints():
    # H(X) <= 0 assumed (X is deterministic) makes every I(X; .) vanish.
    r = prove(le(I(X, Y, given=Z), 0), constraints=[le(H(X), 0)])
    assert r and r.certificate.verify()
    kinds = {t.kind for _, t in r.certificate if hasattr(t, "label")}
    assert kinds == {">="}


def test_conditional_independence_constraint():
    r = prove(eq(I(X, Y, given=Z), 0), constraints=[independent(X, Y, given=Z)])
    assert r and r.certificate.kind == "=="
    # Conditional independence does not give unconditional independence.
    assert not prove(eq(I(X, Y), 0), constraints=[independent(X, Y, given=Z)])


def test_single_constraint_need_not_be_wrapped_in_a_list():
    assert prove(le(I(X, Z), I(X, Y)), constraints=markov_chain(X, Y, Z))


def test_too_many_variables_is_refused_up_front():
    from symbinfo.errors import UnsupportedInputError

    names = [f"V{i}" for i in range(9)]
    with pytest.raises(UnsupportedInputError, match="at most 8"):
        prove(ge(H(*names), 0))


def test_six_variables_markov_chain():
    names = [f"V{i}" for i in range(1, 7)]
    r = prove(le(I("V1", "V6"), I("V2", "V5")), constraints=[markov_chain(*names)])
    assert r and r.certificate.verify()
