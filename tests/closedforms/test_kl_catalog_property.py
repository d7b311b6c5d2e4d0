"""KL over the whole catalog: for ordered pairs (P, Q) of continuous families at catalog
parameters, KL(P || Q) is +oo exactly when P's true support is not inside Q's (or a known
expectation of P diverges against Q's log-density), and every finite closed result agrees with
mpmath quadrature of the definition to 20 digits.

The oracle shares nothing with the engine: KL = -int p log q - h(P), with h(P) from the stored
quadrature references (``entropy_references.json``) and -int p log q by mpmath over the
record's true support from SymPy's own pdfs. The engine runs with ``integrate_seconds=0``: only
rules and the family records' known expectations close anything, so the result does not depend
on the machine's load, and the file runs in seconds.
"""

from __future__ import annotations

import json
import random
from collections import Counter

import mpmath
import pytest
import sympy as sp

from symbinfo import engine
from symbinfo.distributions.continuous import read_univariate, sample_parameters
from symbinfo.distributions.families import family_of
from symbinfo.limits import using_limits

from ._expect_quad import DPS, close, expect_quad
from .quadrature import REFERENCE_FILE, build, continuous_families

REFERENCES = json.loads(REFERENCE_FILE.read_text())
SAMPLE = 900  # ordered pairs drawn (fixed seed) from the full product of the catalog
FAMILIES = continuous_families()


def _point(cls: type, row: int) -> dict:
    rows = REFERENCES.get(cls.__name__)
    if rows is None:  # densities with a Sum: no stored reference, sample the domain
        return sample_parameters(cls, 2)[row]
    out = {}
    for k, v in rows[row]["params"].items():
        out[k] = sp.false if v == "False" else sp.true if v == "True" else sp.Rational(v)
    return out


def _entropy(cls: type) -> mpmath.mpf | None:
    """h(P) at the first catalog point (stored 34-digit quadrature), read at the current
    precision (call it inside ``workdps``)."""
    rows = REFERENCES.get(cls.__name__)
    return None if rows is None else mpmath.mpf(rows[0]["value"])


def _pairs() -> list[tuple[type, type]]:
    everything = [(p, q) for p in FAMILIES for q in FAMILIES]
    chosen = random.Random(2026).sample(everything, SAMPLE)
    by_name = {family_of(c).name: c for c in FAMILIES}
    for p, q in [("Exponential", "Davis"), ("ChiSquared", "Exponential")]:
        pair = (by_name[p], by_name[q])
        if pair not in chosen:
            chosen.append(pair)
    return chosen


PAIRS = _pairs()


def _instances(p: type, q: type):
    # the same family twice: Q at the family's second catalog point
    return build(p, _point(p, 0)), build(q, _point(q, 1 if p is q else 0))


def _inside(dp, dq) -> bool:
    """P's true support inside Q's, from the two supports as numbers (end points ignored)."""
    sp_, sq = read_univariate(dp).support, read_univariate(dq).support
    return bool(sp_.inf >= sq.inf) and bool(sp_.sup <= sq.sup)


def _cross_entropy_by_quadrature(dp, dq) -> mpmath.mpf:
    x = sp.Symbol("x", real=True)
    # log(exp(...)) split symbolically: Gumbel's and Moyal's exp(-exp(-z)) would otherwise be
    # evaluated as a double exponential far in P's tail (a factor of a density is positive)
    neg_log_q = sp.expand_log(-sp.log(dq.pdf(x)), force=True)
    breaks = [a for a in dq.args if isinstance(a, sp.Number)]
    return expect_quad(dp, neg_log_q.xreplace({x: x}), breaks=breaks)


@pytest.fixture(scope="module")
def results() -> dict:
    out = {}
    with using_limits(integrate_seconds=0):
        for p, q in PAIRS:
            dp, dq = _instances(p, q)
            out[p, q] = (dp, dq, engine.kl_divergence(dp, dq).value)
    return out


def _kind(value: sp.Expr) -> str:
    if value == sp.oo:
        return "oo"
    return "integral" if value.has(sp.Integral) else "closed"


def test_the_sample_is_large_and_holds_the_known_wrong_cases(results):
    assert len(results) >= 600
    counts = Counter(_kind(v) for *_, v in results.values())
    print(f"\n{len(results)} pairs: {dict(counts)}")
    by_name = {(family_of(p).name, family_of(q).name): v for (p, q), (*_, v) in results.items()}
    # Davis lives on (mu, oo) (SymPy declares [0, oo)); ChiSquared || Exponential closes from
    # the record's E[X] and E[log X] whatever the machine's load
    assert by_name["Exponential", "Davis"] == sp.oo
    assert _kind(by_name["ChiSquared", "Exponential"]) == "closed"


def test_kumaraswamy_against_the_unit_interval():
    """Kumaraswamy lives on [0, 1] (SymPy declares [0, oo)): finite against Uniform(0, 1) and
    Beta(2, 2); closed against the uniform (-h(P)), and equal to quadrature."""
    import sympy.stats.crv_types as C

    p = C.KumaraswamyDistribution(2, 3)
    with using_limits(integrate_seconds=0):
        uniform = engine.kl_divergence(p, C.UniformDistribution(0, 1)).value
        beta = engine.kl_divergence(p, C.BetaDistribution(2, 2)).value
    assert _kind(uniform) == "closed" and beta != sp.oo
    with mpmath.workdps(DPS + 10):
        x = sp.Symbol("x", real=True)
        h = expect_quad(p, -sp.log(p.pdf(x)))
        assert close(mpmath.mpf(sp.N(uniform, DPS)), -h, 20)
        truth = expect_quad(p, -sp.log(6 * x * (1 - x))) - h
        assert close(mpmath.mpf(sp.N(beta, DPS)), truth, 20)


def test_infinite_exactly_when_the_support_is_not_inside(results):
    wrong = []
    for dp, dq, value in results.values():
        inside = _inside(dp, dq)
        if not inside and value != sp.oo:
            wrong.append((dp, dq, value))
        if inside and value == sp.oo and not _diverges(dp, dq):
            wrong.append((dp, dq, value))
    assert wrong == []


def _diverges(dp, dq) -> bool:
    """Supports nest but the definition diverges: P's tail beats Q's log-density. Checked by
    quadrature: the integral of p |log q| up to growing cut-offs keeps growing."""
    x = sp.Symbol("x", real=True)
    f = sp.lambdify(x, -dp.pdf(x) * sp.log(dq.pdf(x)), modules="mpmath")
    lo = read_univariate(dp).bounds[0]
    start = mpmath.mpf(float(lo)) if lo.is_finite else mpmath.mpf(0)
    with mpmath.workdps(20):
        parts = [mpmath.quad(f, [start + 10**k, start + 10 ** (k + 1)]) for k in (2, 4, 6)]
    return all(abs(v) > mpmath.mpf("1e-3") for v in parts)


@pytest.mark.parametrize("index", range(8))
def test_closed_results_match_quadrature(results, index):
    """The closed finite results, in 8 slices (so a failure names its pairs quickly)."""
    closed = sorted(((p, q) for (p, q), (*_, v) in results.items() if _kind(v) == "closed"),
                    key=lambda k: (k[0].__name__, k[1].__name__))
    wrong = []
    for p, q in closed[index::8]:
        dp, dq, value = results[p, q]
        with mpmath.workdps(DPS + 10):
            h = _entropy(p)
            if h is None:  # a density SymPy writes with a Sum: no stored h(P)
                continue
            truth = _cross_entropy_by_quadrature(dp, dq) - h
            got = sp.N(value, DPS)
            if not (got.is_real and close(mpmath.mpf(got), truth, 20)):
                wrong.append((family_of(p).name, family_of(q).name, got, truth))
    assert wrong == []
