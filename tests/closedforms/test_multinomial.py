"""Multinomial: every measure against the definition summed over the compositions of n with
SymPy's own pmf, in mpmath at 40 digits (checked to 30). Closed forms (KL, the skew integral
(Σ p**a q**(1-a))**n behind Rényi, Bhattacharyya, Hellinger, χ²) and the honest sums (entropy,
Rényi/Tsallis entropy, TV, JS) alike; symbolic n and p through substitution."""

from __future__ import annotations

import itertools

import mpmath as mp
import pytest
import sympy as sp
from sympy.stats import Multinomial

import symbinfo as si

R = sp.Rational
ctx = mp.MPContext()
ctx.dps = 40
TOL = ctx.mpf(10) ** -30

POINTS = [
    (3, [R(1, 2), R(1, 3), R(1, 6)]),
    (5, [R(1, 10), R(3, 5), R(3, 10)]),
    (4, [R(1, 4), R(1, 4), R(1, 2), 0]),
]
OTHERS = [
    (3, [R(1, 3), R(1, 3), R(1, 3)]),
    (5, [R(2, 7), R(2, 7), R(3, 7)]),
    (4, [R(1, 8), R(1, 2), 0, R(3, 8)]),  # q_3 = 0 < p_3: KL and orders > 1 are +oo
]


def _rv(name, n, p):
    return Multinomial(name, n, p)


def _pmf(rv) -> dict:
    """Outcome -> probability from SymPy's own pdf, over every x in {0..n}**k (Σ x = n)."""
    d = rv.pspace.distribution
    n, k = int(d.n), len(d.p)
    out = {}
    for x in itertools.product(range(n + 1), repeat=k):
        if sum(x) == n:
            out[x] = ctx.mpf(str(sp.N(d.pdf(*x), 50)))
    return out


def _num(value) -> mp.mpf:
    assert not isinstance(value, sp.Basic) or not value.free_symbols, value
    return ctx.mpf(str(sp.N(value, 45)))


def _close(value, truth) -> None:
    if truth == ctx.inf:
        assert value == sp.oo, value
        return
    got = _num(value)
    assert abs(got - truth) <= TOL * max(1, abs(truth)), (value, got, truth)


def _skew(pp: dict, qq: dict, a) -> mp.mpf:
    total = ctx.mpf(0)
    for x, w in pp.items():
        if w == 0:
            continue
        if qq[x] == 0:
            if a > 1:
                return ctx.inf
            continue
        total += w**a * qq[x] ** (1 - a)
    return total


@pytest.mark.parametrize("i", range(3))
def test_entropies_against_composition_sums(i):
    M = _rv("M", *POINTS[i])
    pp = _pmf(M)
    h = -sum(w * ctx.log(w) for w in pp.values() if w)
    _close(si.entropy(M), h)
    a = sp.Symbol("alpha", positive=True)
    symbolic = si.renyi_entropy(M, a)
    for order in (sp.Integer(2), R(1, 2), R(7, 3)):
        o = _num(order)
        s = sum(w**o for w in pp.values() if w)
        _close(si.renyi_entropy(M, order), ctx.log(s) / (1 - o))
        _close(symbolic.subs(a, order), ctx.log(s) / (1 - o))
        _close(si.tsallis_entropy(M, order), (1 - s) / (o - 1))
    _close(symbolic.subs(a, 1), h)


@pytest.mark.parametrize("i", range(3))
def test_divergences_against_composition_sums(i):
    P, Q = _rv("P", *POINTS[i]), _rv("Q", *OTHERS[i])
    pp, qq = _pmf(P), _pmf(Q)
    lost = any(w and not qq[x] for x, w in pp.items())
    kl = ctx.inf if lost else sum(w * ctx.log(w / qq[x]) for x, w in pp.items() if w)
    _close(si.kl_divergence(P, Q), kl)
    h = -sum(w * ctx.log(w) for w in pp.values() if w)
    _close(si.cross_entropy(P, Q), kl + h if kl != ctx.inf else ctx.inf)
    a = sp.Symbol("alpha", positive=True)
    symbolic = si.renyi_divergence(P, Q, a)
    for order in (R(1, 2), R(7, 10), sp.Integer(2)):
        o = _num(order)
        s = _skew(pp, qq, o)
        truth = ctx.inf if s == ctx.inf else ctx.log(s) / (o - 1)
        _close(si.renyi_divergence(P, Q, order), truth)
        _close(symbolic.subs(a, order), truth)
    bc = _skew(pp, qq, ctx.mpf(1) / 2)
    _close(si.bhattacharyya_coefficient(P, Q), bc)
    _close(si.hellinger_distance(P, Q), ctx.sqrt(1 - bc))
    chi2 = _skew(pp, qq, 2)
    _close(si.chi_square_divergence(P, Q), chi2 - 1 if chi2 != ctx.inf else chi2)
    _close(si.total_variation(P, Q), sum(abs(pp[x] - qq[x]) for x in pp) / 2)
    m = {x: (pp[x] + qq[x]) / 2 for x in pp}
    js = sum(w * ctx.log(w / m[x]) for x, w in pp.items() if w) / 2 + sum(
        w * ctx.log(w / m[x]) for x, w in qq.items() if w) / 2
    _close(si.js_divergence(P, Q), js)


def test_different_n_is_singular():
    P, Q = _rv("P", 3, [R(1, 2), R(1, 2)]), _rv("Q", 4, [R(1, 2), R(1, 2)])
    assert si.kl_divergence(P, Q) == sp.oo
    assert si.hellinger_distance(P, Q) == 1
    assert si.renyi_divergence(P, Q, R(1, 2)) == sp.oo
    assert si.renyi_divergence(P, Q, 3) == sp.oo
    assert si.total_variation(P, Q) == 1
    assert si.js_divergence(P, Q) == sp.log(2)
    n, m = sp.symbols("n m", integer=True, positive=True)
    kl = si.kl_divergence(_rv("S", n, [R(1, 2), R(1, 2)]), _rv("T", m, [R(1, 4), R(3, 4)]))
    assert kl.subs({n: 3, m: 4}) == sp.oo and kl.subs({n: 3, m: 3}) != sp.oo


def _summed(expr: sp.Expr) -> sp.Expr:
    """``expr`` with every nested ``Sum`` of numeric outer limits added up term by term (SymPy's
    doit looks for a closed form of the inner sums first, for minutes)."""
    def add(f, *limits):
        (x, lo, hi), rest = limits[-1], limits[:-1]
        return sp.Add(*(add(f.subs(x, v), *[(y, a.subs(x, v), b.subs(x, v))
                                              for y, a, b in rest]) if rest else f.subs(x, v)
                        for v in range(int(lo), int(hi) + 1)))

    return expr.replace(lambda e: isinstance(e, sp.Sum), lambda e: add(e.function, *e.limits))


def test_symbolic_n_and_p():
    n = sp.Symbol("n", integer=True, positive=True)
    p1, p2 = sp.symbols("p1 p2", positive=True)
    at = {n: 4, p1: R(1, 5), p2: R(1, 2)}
    probs = [p1, p2, 1 - p1 - p2]
    M, N = _rv("M", n, probs), _rv("N", n, [R(1, 3)] * 3)
    pp = _pmf(_rv("A", 4, [v.subs(at) for v in probs]))
    qq = _pmf(_rv("B", 4, [R(1, 3)] * 3))
    # .doit(): the finite honest sums summed exactly (DefinitionSum's own evalf compiles
    # 5**(-x) to a Python float at x = 2: a precision bug outside this module, reported)
    _close(si.entropy(M).subs(at).doit(), -sum(w * ctx.log(w) for w in pp.values()))
    _close(si.kl_divergence(M, N).subs(at), sum(w * ctx.log(w / qq[x]) for x, w in pp.items()))
    _close(si.renyi_divergence(M, N, R(1, 3)).subs(at),
           ctx.log(_skew(pp, qq, ctx.mpf(1) / 3)) / (ctx.mpf(1) / 3 - 1))
    _close(_summed(si.renyi_entropy(M, 2).subs(at)), -ctx.log(sum(w**2 for w in pp.values())))
    # the per-draw form: KL is n times the categorical KL
    kl = si.kl_divergence(M, N)
    per_draw = sum(p * sp.log(3 * p) for p in probs)
    assert sp.simplify(kl - n * per_draw) == 0


def test_large_n_stays_an_honest_sum():
    # above the explicit-terms bound the entropy is -log n! - n Σ p log p + honest sums of
    # E[log X_i!], X_i ~ Binomial(n, p_i), which evaluate numerically
    n, probs = 60, [R(1, 2), R(1, 4), R(1, 4)]
    h = si.entropy(_rv("M", n, probs))
    assert h.has(sp.Sum)
    truth = ctx.mpf(0)
    for x in itertools.product(range(n + 1), repeat=2):
        if sum(x) <= n:
            w = ctx.factorial(n) / (ctx.factorial(x[0]) * ctx.factorial(x[1])
                                    * ctx.factorial(n - sum(x))) * ctx.mpf(0.5) ** x[0] \
                * ctx.mpf(0.25) ** (n - x[0])
            truth -= w * ctx.log(w)
    _close(h, truth)
    # above exact_special_argument a sum over the outcomes is refused, never built
    with pytest.raises(si.errors.ResourceLimitError):
        si.renyi_entropy(_rv("M", 10**4, probs), 2)
    with pytest.raises(si.errors.ResourceLimitError):
        si.entropy(_rv("M", 10**20, probs))
    assert si.kl_divergence(_rv("M", 10**20, probs), _rv("N", 10**20, [R(1, 3)] * 3)) \
        == 10**20 * (sp.log(3) - sp.Rational(3, 2) * sp.log(2))


def test_integer_powers_compile_to_mpmath():
    # the honest sums' numeric path compiles 2**(x - 60) for mpmath: as Python's int ** int it
    # was a 16-digit float (5**(-x) below 1e-16 relative error at x = 2)
    from symbinfo.derivation.honest import DefinitionSum

    x = sp.Symbol("x", integer=True, nonnegative=True)
    s = DefinitionSum(sp.loggamma(x + 1) * sp.binomial(4, x) / 5**x + 2 ** (x - 60), (x, 2, 4))
    assert abs(sp.N(s, 40) - sp.N(s.doit(), 40)) < 1e-38
