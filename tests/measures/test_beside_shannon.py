"""Issue 9 item 4: the measures beside Shannon's, each against a direct mpmath sum of its
definition on random tables (no SymPy, no symbinfo code in the reference)."""

from __future__ import annotations

import itertools
import random

import mpmath
import pytest
import sympy as sp
from conftest import close, random_table
from sympy.stats import Die, Exponential, Normal, Poisson

import symbinfo as si
from symbinfo.errors import InvalidParameterError, MismatchError, UnsupportedInputError


@pytest.fixture(autouse=True)
def _digits():
    with mpmath.workdps(50):  # the reference sums' own precision
        yield


def mp(pmf: dict) -> dict:
    return {k: mpmath.mpf(int(v.p)) / int(v.q) for k, v in pmf.items()}


def marg(pmf: dict, idx) -> dict:
    out: dict = {}
    for k, v in pmf.items():
        key = tuple(k[i] for i in idx)
        out[key] = out.get(key, 0) + v
    return out


def H(pmf: dict, idx=None) -> mpmath.mpf:
    if idx is not None:
        pmf = marg(pmf, idx)
    return -mpmath.fsum(v * mpmath.log(v) for v in pmf.values() if v > 0)


def Hc(pmf, idx, z):  # H(idx | z)
    return H(pmf, tuple(idx) + tuple(z)) - H(pmf, tuple(z))


def seeds():
    return [random.Random(s) for s in (1, 2, 3)]


@pytest.mark.parametrize("rng", seeds())
def test_conditional_multivariate_measures(rng):
    table = random_table(rng, (2, 3, 2, 2))
    W, X, Y, Z = si.FiniteJointRV("W X Y Z", table)
    p = mp(table)
    z = (3,)
    parts = [(0,), (1,), (2,)]
    tc = sum(Hc(p, a, z) for a in parts) - Hc(p, (0, 1, 2), z)
    dtc = Hc(p, (0, 1, 2), z) - sum(Hc(p, a, tuple(i for i in (0, 1, 2) if (i,) != a) + z)
                                    for a in parts)
    coi = -sum((-1) ** r * Hc(p, sum(s, ()), z)
               for r in range(1, 4) for s in itertools.combinations(parts, r))
    assert close(si.total_correlation(W, X, Y, given=Z), tc)
    assert close(si.dual_total_correlation(W, X, Y, given=Z), dtc)
    assert close(si.co_information(W, X, Y, given=Z), coi)
    # McGill: II(W; X; Y | Z) = I(W; X | Y, Z) - I(W; X | Z)
    mi_yz = Hc(p, (0,), (2, 3)) + Hc(p, (1,), (2, 3)) - Hc(p, (0, 1), (2, 3))
    mi_z = Hc(p, (0,), z) + Hc(p, (1,), z) - Hc(p, (0, 1), z)
    assert close(si.interaction_information(W, X, Y, given=Z), mi_yz - mi_z)
    assert close(si.o_information(W, X, Y, given=Z), tc - dtc)


@pytest.mark.parametrize("rng", seeds())
def test_interaction_and_o_information(rng):
    table = random_table(rng, (2, 2, 3, 2))
    A, B, C, D = si.FiniteJointRV("A B C D", table)
    p = mp(table)
    idx = (0, 1, 2, 3)
    # O-information by Rosas et al.'s eq. 7: (n - 2) H(X) + sum_i [H(X_i) - H(X_-i)]
    omega = 2 * H(p, idx) + sum(H(p, (i,)) - H(p, tuple(j for j in idx if j != i)) for i in idx)
    assert close(si.o_information(A, B, C, D), omega)
    # interaction information of 3: I(A; B | C) - I(A; B)
    iab_c = H(p, (0, 2)) + H(p, (1, 2)) - H(p, (0, 1, 2)) - H(p, (2,))
    iab = H(p, (0,)) + H(p, (1,)) - H(p, (0, 1))
    assert close(si.interaction_information(A, B, C), iab_c - iab)
    assert close(si.interaction_information(A, B, C, base=2), (iab_c - iab) / mpmath.log(2))
    # of 4: (-1)^4 times the co-information
    assert sp.simplify(si.interaction_information(A, B, C, D) - si.co_information(A, B, C, D)) == 0


@pytest.mark.parametrize("rng", seeds())
def test_weighted_js(rng):
    tables = [random_table(rng, (4,), zeros=True) for _ in range(3)]
    dists = [si.FiniteJointRV(f"P{i}", {k[0]: v for k, v in t.items()})
             for i, t in enumerate(tables)]
    ws = [sp.Rational(1, 6), sp.Rational(1, 3), sp.Rational(1, 2)]
    ps = [mp(t) for t in tables]
    wm = [mpmath.mpf(int(w.p)) / int(w.q) for w in ws]
    m = {k: mpmath.fsum(w * p[k] for w, p in zip(wm, ps, strict=True)) for k in ps[0]}
    ref = H(m) - mpmath.fsum(w * H(p) for w, p in zip(wm, ps, strict=True))
    assert close(si.weighted_js_divergence(*dists, weights=ws), ref)
    # two, equal weights: the JSD
    assert sp.simplify(si.weighted_js_divergence(dists[0], dists[1])
                       - si.js_divergence(dists[0], dists[1])) == 0


@pytest.mark.parametrize("rng", seeds())
def test_conditional_kl_and_cross_entropy(rng):
    tp, tq = random_table(rng, (3, 2)), random_table(rng, (3, 2), zeros=False)
    Y, X = si.FiniteJointRV("Y X", tp)
    Y2, _ = si.FiniteJointRV("Y X", tq)
    p, q = mp(tp), mp(tq)
    px, qx = marg(p, (1,)), marg(q, (1,))
    kl = mpmath.fsum(v * mpmath.log((v / px[(k[1],)]) / (q[k] / qx[(k[1],)]))
                     for k, v in p.items() if v > 0)
    ce = -mpmath.fsum(v * mpmath.log(q[k] / qx[(k[1],)]) for k, v in p.items() if v > 0)
    assert close(si.conditional_kl_divergence(Y, Y2, given=X), kl)
    assert close(si.conditional_cross_entropy(Y, Y2, given=X), ce)
    assert close(si.conditional_cross_entropy(Y, Y2, given=X, base=2), ce / mpmath.log(2))


def test_conditional_kl_infinite_and_refusals():
    h = sp.Rational(1, 2)
    Y, X = si.FiniteJointRV("Y X", {(0, 0): h, (1, 1): h})
    Y2, _ = si.FiniteJointRV("Y X", {(1, 0): h, (1, 1): h})
    assert si.conditional_kl_divergence(Y, Y2, given=X) == sp.oo
    with pytest.raises(MismatchError):
        si.conditional_kl_divergence(Y, Die("D", 2), given=X)
    with pytest.raises(UnsupportedInputError):
        si.ConditionalKLDivergence(Y, Y2)


@pytest.mark.parametrize("rng", seeds())
def test_lautum_and_sibson(rng):
    table = random_table(rng, (3, 3))
    X, Y = si.FiniteJointRV("X Y", table)
    p = mp(table)
    px, py = marg(p, (0,)), marg(p, (1,))
    lautum = mpmath.fsum(px[(a,)] * py[(b,)] * mpmath.log(px[(a,)] * py[(b,)] / p[(a, b)])
                         for a in range(3) for b in range(3))
    assert close(si.lautum_information(X, Y), lautum)
    for alpha in (sp.Rational(1, 2), 2, sp.Rational(37, 10)):
        a = mpmath.mpf(int(sp.Rational(alpha).p)) / int(sp.Rational(alpha).q)
        inner = mpmath.fsum(mpmath.fsum(px[(x,)] * (p[(x, y)] / px[(x,)]) ** a
                                        for x in range(3)) ** (1 / a) for y in range(3))
        assert close(si.sibson_mutual_information(X, Y, alpha), a / (a - 1) * mpmath.log(inner))
    leak = mpmath.log(mpmath.fsum(max(p[(x, y)] / px[(x,)] for x in range(3)) for y in range(3)))
    assert close(si.sibson_mutual_information(X, Y, sp.oo), leak)
    mi = H(p, (0,)) + H(p, (1,)) - H(p, (0, 1))
    assert close(si.sibson_mutual_information(X, Y, 1), mi)
    alpha = sp.Symbol("alpha", positive=True)
    sym = si.sibson_mutual_information(X, Y, alpha)
    assert close(sym.subs(alpha, 2), si.sibson_mutual_information(X, Y, 2))
    with pytest.raises(InvalidParameterError):
        si.sibson_mutual_information(X, Y, -1)


def test_sibson_order_zero_and_lautum_infinite():
    q = sp.Rational(1, 4)
    X, Y = si.FiniteJointRV("X Y", {(0, 0): 2 * q, (0, 1): q, (1, 1): q})
    assert si.lautum_information(X, Y) == sp.oo
    # order 0: -log max_y P_X{x: p(x, y) > 0}; y = 1 is reached from both x
    assert si.sibson_mutual_information(X, Y, 0) == 0


@pytest.mark.parametrize("rng", seeds())
def test_extropy_perplexity_gini(rng):
    t = random_table(rng, (5,), zeros=True)
    P = si.FiniteJointRV("P", {k[0]: v for k, v in t.items()})
    p = mp(t)
    ext = -mpmath.fsum((1 - v) * mpmath.log(1 - v) for v in p.values() if 0 < v < 1)
    assert close(si.extropy(P), ext)
    assert close(si.extropy(P, base=2), ext / mpmath.log(2))
    assert close(si.perplexity(P), mpmath.exp(H(p)))
    assert close(si.gini_impurity(P), 1 - mpmath.fsum(v**2 for v in p.values()))
    assert sp.simplify(si.gini_impurity(P) - si.tsallis_entropy(P, 2)) == 0


def test_continuous_extropy_and_perplexity():
    lam = sp.Symbol("lambda", positive=True)
    s = sp.Symbol("sigma", positive=True)
    assert si.extropy(Exponential("T", lam)) == -lam / 4
    val = si.extropy(Normal("X", 0, s)).subs(s, sp.Rational(3, 2))
    ref = -mpmath.quad(lambda x: mpmath.npdf(x, 0, 1.5) ** 2, [-mpmath.inf, mpmath.inf]) / 2
    assert close(val, ref, 25)
    pp = si.perplexity(Normal("X", 0, s)).subs(s, 2)
    assert close(pp, mpmath.exp(mpmath.log(2) + mpmath.log(2 * mpmath.pi * mpmath.e) / 2), 25)
    # a countable pmf: the honest Sum, which still evaluates
    g = si.gini_impurity(Poisson("N", 2))
    assert g.has(sp.Sum)
    assert close(g, 1 - mpmath.nsum(lambda k: (mpmath.exp(-2) * 2**k / mpmath.factorial(k)) ** 2,
                                    [0, mpmath.inf]), 25)
    with pytest.raises(UnsupportedInputError):
        si.gini_impurity(Normal("X", 0, 1))


def test_printing():
    h = sp.Rational(1, 2)
    X, Y, Z = si.FiniteJointRV("X Y Z", {(0, 0, 0): h, (1, 1, 1): h})
    assert str(si.TotalCorrelation(X, Y, given=Z)) == "C(X; Y | Z)"
    assert sp.latex(si.CoInformation(X, Y, given=Z)) == r"I(X; Y \mid Z)"
    assert str(si.OInformation(X, Y, Z)) == "Omega(X; Y; Z)"
    assert sp.latex(si.OInformation(X, Y, Z)) == r"\Omega(X; Y; Z)"
    assert str(si.SibsonMutualInformation(X, Y, 2)) == "I_2(X; Y)"
    assert str(si.LautumInformation(X, Y)) == "L(X; Y)"
    assert str(si.Extropy(X)) == "J(X)"
