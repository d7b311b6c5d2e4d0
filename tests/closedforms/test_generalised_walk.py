"""Every generalised measure × every family of the catalog: none returns its own unevaluated
object. Each answer is a closed form, ±oo, or the honest Integral/Sum (or Limit, for the order
oo) of the definition, which still evaluates numerically; a refusal must be a SymbinfoError
naming why (none is expected for these inputs)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import sympy as sp

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import bench_generalised as bench

import symbinfo as si

FAMILIES = bench.members()
#: the order-oo limit runs SymPy's limit in a child under a budget: walked on a few families
WALKED = {k: v for k, v in {**bench.SINGLE, **bench.PAIR}.items() if k != "renyi_entropy(oo)"}


@pytest.mark.parametrize("measure", list(WALKED))
def test_no_measure_returns_itself(measure):
    rows = bench.walk({measure: WALKED[measure]}, FAMILIES)
    bad = [(fam, outcome, detail) for _, fam, outcome, _, detail in rows
           if outcome not in ("closed", "infinite", "honest")]
    assert bad == []


def test_min_entropy_is_closed_or_an_honest_limit():
    from sympy.stats import Exponential, Normal, Uniform

    s = sp.Symbol("sigma", positive=True)
    assert si.renyi_entropy(Uniform("U", 0, s), sp.oo) == sp.log(s)
    for x in (Normal("X", 0, s), Exponential("E", s)):
        value = si.renyi_entropy(x, sp.oo)
        assert bench.classify(value) in ("closed", "honest")
