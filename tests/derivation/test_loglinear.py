"""Exact finite results in log-linear form: values against an independent mpmath sum of the
definition, the same expressions as the definition summed and tidied (the path they replace),
proofs of identities by comparing vectors, and the lazy start-up."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from sympy.stats import FiniteRV

import symbinfo as si
from symbinfo.derivation import finite, loglinear
from symbinfo.derivation.simplify import tidy
from symbinfo.verify.symbolic import LOG_LINEAR

DPS = 50


def _table(shape: tuple[int, ...], seed: int, dmax: int) -> dict[tuple, sp.Rational]:
    rng = random.Random(seed)
    cells = [(i, j) for i in range(shape[0]) for j in range(shape[1])] if len(shape) == 2 else [
        (i, j, k) for i in range(shape[0]) for j in range(shape[1]) for k in range(shape[2])]
    weights = [Fraction(rng.randint(1, 1000), rng.randint(1, dmax)) for _ in cells]
    total = sum(weights)
    return {c: sp.Rational((w / total).numerator, (w / total).denominator)
            for c, w in zip(cells, weights, strict=True)}


def _mp_entropy(table: dict, idx: tuple[int, ...]) -> mpmath.mpf:
    """−Σ p log p of a marginal, in mpmath from the rationals (independent of SymPy's logs)."""
    with mpmath.workdps(DPS + 10):
        marginal: dict = {}
        for k, p in table.items():
            key = tuple(k[i] for i in idx)
            marginal[key] = marginal.get(key, 0) + Fraction(int(p.p), int(p.q))
        return -mpmath.fsum(mpmath.mpf(p.numerator) / p.denominator
                            * mpmath.log(mpmath.mpf(p.numerator) / p.denominator)
                            for p in marginal.values() if p)


def _close(expr: sp.Expr, value: mpmath.mpf) -> bool:
    with mpmath.workdps(DPS + 10):
        return abs(mpmath.mpf(str(sp.N(expr, DPS + 5))) - value) < mpmath.mpf(10) ** -(DPS - 5)


@pytest.mark.parametrize(("shape", "seed", "dmax"), [
    ((3, 4), 1, 1), ((6, 5), 2, 1000), ((10, 10), 3, 1), ((3, 3, 3), 4, 1000)])
def test_shannon_measures_against_mpmath(shape, seed, dmax):
    table = _table(shape, seed, dmax)
    rvs = si.FiniteJointRV(" ".join("XYZ"[: len(shape)]), table)
    X, Y = rvs[0], rvs[1]
    with mpmath.workdps(DPS + 10):  # the combinations too, not only the sums
        h = {idx: _mp_entropy(table, idx) for idx in [(0,), (1,), (0, 1)]}
        mi, ce = h[(0,)] + h[(1,)] - h[(0, 1)], h[(0, 1)] - h[(1,)]
        if len(shape) == 3:
            parts = {idx: _mp_entropy(table, idx) for idx in [(0, 2), (1, 2), (0, 1, 2), (2,)]}
            cmi = parts[(0, 2)] + parts[(1, 2)] - parts[(0, 1, 2)] - parts[(2,)]
    assert _close(si.entropy(X, Y), h[(0, 1)])
    assert _close(si.mutual_information(X, Y), mi)
    assert _close(si.conditional_entropy(X, given=Y), ce)
    if len(shape) == 3:
        assert _close(si.mutual_information(X, Y, given=rvs[2]), cmi)


def test_divergences_against_mpmath():
    rng = random.Random(7)
    p = {k: v for k, v in enumerate(_table((1, 9), 11, 1000).values())}
    q = {k: v for k, v in enumerate(_table((1, 9), 12, 30).values())}
    P, Q = FiniteRV("P", p), FiniteRV("Q", q)
    mp = {k: Fraction(int(v.p), int(v.q)) for k, v in p.items()}
    mq = {k: Fraction(int(v.p), int(v.q)) for k, v in q.items()}
    with mpmath.workdps(DPS + 10):
        def f(x):
            return mpmath.mpf(x.numerator) / x.denominator
        kl = mpmath.fsum(f(mp[k]) * mpmath.log(f(mp[k]) / f(mq[k])) for k in mp)
        ce = -mpmath.fsum(f(mp[k]) * mpmath.log(f(mq[k])) for k in mp)
        m = {k: (mp[k] + mq[k]) / 2 for k in mp}
        js = mpmath.fsum(f(r[k]) * mpmath.log(f(r[k]) / f(m[k])) for r in (mp, mq) for k in r) / 2
    assert _close(si.kl_divergence(P, Q), kl)
    assert _close(si.cross_entropy(P, Q), ce)
    assert _close(si.js_divergence(P, Q), js)
    assert rng  # seeded data only
    assert si.kl_divergence(P, FiniteRV("R", {0: 1})) == sp.oo  # mass outside Q's support


@pytest.mark.parametrize("table", [
    {(0, 0): sp.Rational(1, 2), (1, 1): sp.Rational(1, 4), (1, 0): sp.Rational(1, 4)},
    {(i, j): sp.Rational(1, 6) for i in range(2) for j in range(3)},
    {(0, 0): sp.Rational(1, 3), (0, 1): sp.Rational(1, 3), (1, 0): sp.Rational(1, 3)},
    _table((3, 3), 5, 7),
])
def test_same_expression_as_the_definition_tidied(table):
    """The log-linear form is the very expression the definition + tidy gave (or shorter)."""
    X, Y = si.FiniteJointRV("X Y", table)
    old_h = tidy(finite.entropy(dict(table)))
    assert si.entropy(X, Y) == old_h
    marginal = [{}, {}]
    for (i, j), p in table.items():
        marginal[0][i] = marginal[0].get(i, 0) + p
        marginal[1][j] = marginal[1].get(j, 0) + p
    old_i = tidy(finite.entropy(marginal[0]) + finite.entropy(marginal[1])
                 - finite.entropy(dict(table)))
    new_i = si.mutual_information(X, Y)
    assert sp.count_ops(new_i) <= sp.count_ops(old_i)
    assert loglinear.equal(loglinear.from_expr(new_i), loglinear.from_expr(old_i))


def test_symbolic_table_same_as_definition_tidied():
    p, q = sp.symbols("p q", positive=True)
    table = {(0, 0): p, (0, 1): sp.Rational(1, 4), (1, 0): q, (1, 1): sp.Rational(3, 4) - p - q}
    X, Y = si.FiniteJointRV("X Y", table)
    m0 = {0: p + sp.Rational(1, 4), 1: sp.Rational(3, 4) - p}
    m1 = {0: p + q, 1: 1 - p - q}
    old = tidy(finite.entropy(m0) + finite.entropy(m1) - finite.entropy(table))
    assert si.mutual_information(X, Y) == old


def test_composite_bases_too_long_to_factor():
    big = sp.nextprime(10**40) * sp.nextprime(3 * 10**40)  # an 81-digit semiprime
    a = loglinear.LogLinear({int(big) * 6: Fraction(1)})
    b = loglinear.LogLinear({int(big): Fraction(1), 2: Fraction(1), 3: Fraction(1)})
    assert loglinear.equal(a, b) and not loglinear.equal(a, b * 2)
    found = loglinear.from_expr(sp.log(big**3 * 12) - 3 * sp.log(big))
    assert found.terms == {2: 2, 3: 1}


def test_factoring_is_bounded():
    """Products of two 20-digit primes (ECM territory) stay composite and cost no time."""
    n = int(sp.nextprime(10**19) * sp.nextprime(2 * 10**19))
    start = time.process_time()
    value = loglinear.entropy({0: Fraction(1, n), 1: Fraction(n - 1, n)})
    assert time.process_time() - start < 1.0
    with mpmath.workdps(40):
        expected = -(mpmath.mpf(1) / n * mpmath.log(mpmath.mpf(1) / n)
                     + mpmath.mpf(n - 1) / n * mpmath.log(mpmath.mpf(n - 1) / n))
        assert abs(mpmath.mpf(str(sp.N(value.as_expr(), 45))) - expected) < mpmath.mpf(10)**-35


@pytest.mark.parametrize("dmax", [1, 1000])
def test_verify_exact_identities_is_a_fast_proof(dmax):
    X, Y = si.FiniteJointRV("X Y", _table((16, 16), 20 + dmax, dmax))
    si.verify(si.CrossEntropy(X, Y), si.Entropy(X) + si.KLDivergence(X, Y))  # warm the caches
    X, Y = si.FiniteJointRV("X Y", _table((16, 16), 30 + dmax, dmax))
    start = time.process_time()
    v = si.verify(si.CrossEntropy(X, Y), si.Entropy(X) + si.KLDivergence(X, Y))
    w = si.verify(si.MutualInformation(X, Y), si.Entropy(X) - si.ConditionalEntropy(X, given=Y))
    seconds = time.process_time() - start
    assert v.status == "proved" and w.status == "proved"
    assert seconds < 0.5  # about 0.04 s (CPU) on the development machine; generous here


def test_log_linear_proof_across_coprime_bases():
    big = int(sp.nextprime(10**40)) * int(sp.nextprime(2 * 10**40))
    lhs = sp.log(sp.Integer(big) * 6) / 3
    rhs = sp.log(sp.Integer(big)) / 3 + sp.log(2) / 3 + sp.log(3) / 3
    v = si.verify(lhs, rhs, numeric=False)
    assert v.status == "proved" and v.method in (LOG_LINEAR, "identical after evaluation")


def test_table_order_is_canonical_and_subs_rebuilds():
    half = sp.Rational(1, 2)
    a = si.JointTable(("X", "Y"), {(1, 0): half, (0, 1): half})
    b = si.JointTable(("X", "Y"), {(0, 1): half, (1, 0): half})
    assert a == b and hash(a) == hash(b)
    p = sp.Symbol("p", positive=True)
    t = si.JointTable(("X",), {0: p, 1: 1 - p})
    assert t.subs(p, sp.Rational(1, 3)).pmf == {(0,): sp.Rational(1, 3), (1,): sp.Rational(2, 3)}


def test_import_is_lazy():
    code = ("import sys, symbinfo; heavy = ['symbinfo.shannon', 'symbinfo.render', "
            "'symbinfo.parsing', 'symbinfo.verify', 'numpy', 'scipy']; "
            "print([m for m in heavy if m in sys.modules]); "
            "import symbinfo.verify; print(callable(symbinfo.verify))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120)
    # nothing heavy at import; and the public function verify, not the subpackage of its name
    assert out.stdout.split() == ["[]", "True"]
