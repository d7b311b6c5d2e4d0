"""Zero-mass cells: 0·log 0 = 0 and p·log(p/0) = +oo, never zoo or nan (issue 8, item 3).

Each finite measure on tables with zero cells is compared with the definition summed here
in mpmath at 30 digits, over the outcomes where P has mass.
"""

from __future__ import annotations

import itertools

import mpmath
import pytest
import sympy as sp
from reference import kl
from sympy.stats import FiniteRV

import symbinfo as si

R = sp.Rational
DPS = 30

TABLES = {
    "half-half-zero": {0: R(1, 2), 1: R(1, 2), 2: 0},
    "zero-quarter": {0: 0, 1: R(1, 4), 2: R(3, 4)},
    "point mass": {2: 1},
    "floats with a zero": {0: 0.0, 1: 0.25, 2: 0.75},
    "disjoint": {5: R(1, 3), 6: R(2, 3)},
}
ORDERS = [0, R(1, 3), R(1, 2), 2, 3, 0.5]


def _mp(d: dict) -> dict:
    return {k: mpmath.mpf(sp.N(v, DPS)) for k, v in d.items()}


def _renyi_div(p: dict, q: dict, a) -> mpmath.mpf:
    """Van Erven & Harremoës (2014), eq. (1) with their conventions: sum over P's support."""
    a = mpmath.mpf(sp.N(a, DPS))
    support = [x for x, px in p.items() if px > 0]
    if a == 0:
        mass = sum(q.get(x, 0) for x in support)
        return mpmath.inf if mass == 0 else -mpmath.log(mass)
    if a > 1 and any(q.get(x, 0) == 0 for x in support):
        return mpmath.inf
    s = sum(p[x] ** a * q[x] ** (1 - a) for x in support if q.get(x, 0) > 0)
    return mpmath.inf if s == 0 else mpmath.log(s) / (a - 1)


def _value(expr) -> mpmath.mpf:
    expr = sp.sympify(expr)
    assert not expr.has(sp.zoo, sp.nan), expr
    if expr == sp.oo:
        return mpmath.inf
    return mpmath.mpf(sp.N(expr, DPS))


def _close(got, want) -> bool:
    if mpmath.isinf(want):
        return got == want
    return abs(got - want) <= mpmath.mpf(10) ** -12 * max(1, abs(want))  # floats: 15 digits


PAIRS = list(itertools.product(TABLES, repeat=2))


@pytest.mark.parametrize("pname, qname", PAIRS, ids=[f"{a}|{b}" for a, b in PAIRS])
def test_pair_measures_with_zero_cells_follow_the_conventions(pname, qname):
    p, q = TABLES[pname], TABLES[qname]
    P, Q = FiniteRV("P", p), FiniteRV("Q", q)
    with mpmath.workdps(DPS):
        mp_p, mp_q = _mp(p), _mp(q)
        m = {x: (mp_p.get(x, 0) + mp_q.get(x, 0)) / 2 for x in {*mp_p, *mp_q}}
        keys = {*mp_p, *mp_q}
        expected = {
            "kl": kl(mp_p, mp_q),
            "cross": kl(mp_p, mp_q) - sum(v * mpmath.log(v) for v in mp_p.values() if v > 0),
            "js": (kl(mp_p, m) + kl(mp_q, m)) / 2,
            "hellinger": mpmath.sqrt(1 - sum(mpmath.sqrt(mp_p.get(x, 0) * mp_q.get(x, 0))
                                             for x in keys)),
            "tv": sum(abs(mp_p.get(x, 0) - mp_q.get(x, 0)) for x in keys) / 2,
        }
        got = {
            "kl": si.kl_divergence(P, Q), "cross": si.cross_entropy(P, Q),
            "js": si.js_divergence(P, Q), "hellinger": si.hellinger_distance(P, Q),
            "tv": si.total_variation(P, Q),
        }
        for name, want in expected.items():
            assert _close(_value(got[name]), want), (name, got[name], want)
        for a in [*ORDERS, sp.oo]:
            want = (mpmath.inf if any(mp_q.get(x, 0) == 0 for x, v in mp_p.items() if v > 0)
                    else mpmath.log(max(v / mp_q[x] for x, v in mp_p.items() if v > 0))
                    ) if a is sp.oo else _renyi_div(mp_p, mp_q, a)
            got_a = si.renyi_divergence(P, Q, a)
            assert _close(_value(got_a), want), (a, got_a, want)


def test_renyi_divergence_is_plus_infinity_when_q_misses_p_entirely():
    # orders 0 and 1/2 returned zoo (log 0 divided by a negative number)
    P, Q = FiniteRV("P", {0: R(1, 2), 1: R(1, 2)}), FiniteRV("Q", {2: R(1, 2), 3: R(1, 2)})
    alpha = sp.Symbol("alpha", positive=True)
    for a in (0, R(1, 2), 1, 2, sp.oo, 0.5, alpha):
        assert si.renyi_divergence(P, Q, a) == sp.oo


@pytest.mark.parametrize("name", TABLES)
def test_single_measures_with_zero_cells(name):
    X = FiniteRV("X", TABLES[name])
    with mpmath.workdps(DPS):
        ps = [v for v in _mp(TABLES[name]).values() if v > 0]
        for a in ORDERS:
            am = mpmath.mpf(sp.N(a, DPS))
            renyi = mpmath.log(sum(p**am for p in ps)) / (1 - am)
            tsallis = (1 - sum(p**am for p in ps)) / (am - 1)
            assert _close(_value(si.renyi_entropy(X, a)), renyi), a
            assert _close(_value(si.tsallis_entropy(X, a)), tsallis), a
        assert _close(_value(si.renyi_entropy(X, sp.oo)), -mpmath.log(max(ps)))
        assert _close(_value(si.entropy(X)), -sum(p * mpmath.log(p) for p in ps))
