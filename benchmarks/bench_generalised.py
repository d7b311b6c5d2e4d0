"""Benchmark of the generalised measures: every measure × every family of the catalog.

Run with ``python benchmarks/bench_generalised.py`` (from the repository root, ``PYTHONPATH=.``).
For each measure it prints how many families (one-distribution measures) or same-family pairs
(two members at two catalog points) come back closed, as the honest Integral/Sum of the
definition, as +oo/−oo, or refused, and the slowest closed call. The target: every closed call
under 2 s. ``--markdown`` prints the table of measures × families.

The walk itself (:func:`walk`) is shared with ``tests/closedforms/test_generalised_walk.py``,
which fails if any measure returns its own unevaluated object.
"""

from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sympy as sp
import sympy.stats.crv_types as C
import sympy.stats.drv_types as D
from sympy.stats import Binomial
from sympy.stats.joint_rv_types import (
    MultivariateBetaDistribution,
    MultivariateNormalDistribution,
)

import symbinfo as si
from symbinfo.distributions.continuous import sample_parameters
from symbinfo.distributions.families import family_of
from symbinfo.errors import SymbinfoError
from symbinfo.limits import using_limits
from symbinfo.measures.base import InformationMeasure

#: seconds a closed call may take
TARGET = 2.0
HALF = sp.Rational(1, 2)


def _t(t: sp.Symbol) -> sp.Expr:
    return (sp.sqrt(t) - 1) ** 2


SINGLE: dict[str, Callable] = {
    "renyi_entropy(2)": lambda x: si.renyi_entropy(x, 2),
    "renyi_entropy(7/10)": lambda x: si.renyi_entropy(x, sp.Rational(7, 10)),
    "renyi_entropy(alpha)": lambda x: si.renyi_entropy(x, sp.Symbol("a", positive=True)),
    "renyi_entropy(oo)": lambda x: si.renyi_entropy(x, sp.oo),
    "tsallis_entropy(3/2)": lambda x: si.tsallis_entropy(x, sp.Rational(3, 2)),
    "collision_entropy": si.collision_entropy,
}
PAIR: dict[str, Callable] = {
    "renyi_divergence(2)": lambda p, q: si.renyi_divergence(p, q, 2),
    "renyi_divergence(alpha)": lambda p, q: si.renyi_divergence(
        p, q, sp.Symbol("a", positive=True)),
    "bhattacharyya_coefficient": si.bhattacharyya_coefficient,
    "bhattacharyya_distance": si.bhattacharyya_distance,
    "hellinger_distance": si.hellinger_distance,
    "chi_square_divergence": si.chi_square_divergence,
    "neyman_chi_square_divergence": si.neyman_chi_square_divergence,
    "alpha_divergence(1/2)": lambda p, q: si.alpha_divergence(p, q, HALF),
    "total_variation": si.total_variation,
    "js_divergence": si.js_divergence,
    "f_divergence((sqrt(t)-1)**2)": lambda p, q: si.f_divergence(p, q, _t),
}


def _catalog_classes() -> list[type]:
    cont = sorted((c for c in vars(C).values() if isinstance(c, type)
                   and c.__name__.endswith("Distribution") and hasattr(c, "_argnames")
                   and c.__name__ not in ("ContinuousDistributionHandmade",
                                          "SingleContinuousDistribution")),
                  key=lambda c: c.__name__)
    disc = sorted((c for c in vars(D).values() if isinstance(c, type)
                   and c.__name__.endswith("Distribution") and hasattr(c, "_argnames")
                   and c.__name__ != "SingleDiscreteDistribution"), key=lambda c: c.__name__)
    return cont + disc


def _mvn(shift: int) -> MultivariateNormalDistribution:
    return MultivariateNormalDistribution(sp.Matrix([shift, 0]),
                                          sp.Matrix([[2 + shift, HALF], [HALF, 1]]))


def members() -> dict[str, tuple[sp.Basic, sp.Basic]]:
    """Two members of each family (P at one domain point, Q at another)."""
    out: dict[str, tuple] = {}
    for cls in _catalog_classes():
        try:
            pts = sample_parameters(cls, 2, seed=3)
        except RuntimeError:
            continue
        out[family_of(cls).name] = tuple(cls(*[pt[n] for n in family_of(cls).params])
                                         for pt in pts)
    n = sp.Symbol("n", positive=True, integer=True)
    out["Binomial(n symbolic)"] = (Binomial("B", n, sp.Rational(1, 3)).pspace.distribution,
                                   Binomial("C", n, sp.Rational(1, 2)).pspace.distribution)
    out["Bernoulli"] = (si.FiniteJointRV("B", {0: sp.Rational(1, 3), 1: sp.Rational(2, 3)}),
                        si.FiniteJointRV("C", {0: HALF, 1: HALF}))
    out["MultivariateNormal"] = (_mvn(0), _mvn(1))
    out["Dirichlet"] = (MultivariateBetaDistribution([2, 3, 4]),
                        MultivariateBetaDistribution([1, 2, 2]))
    return out


def classify(value: object) -> str:
    if isinstance(value, InformationMeasure):
        return "ITSELF"
    if not isinstance(value, sp.Basic):
        return "other"
    if value.has(InformationMeasure):
        return "ITSELF"
    if value.has(sp.Integral, sp.Sum, sp.Limit):
        return "honest"
    if value in (sp.oo, -sp.oo):
        return "infinite"
    return "closed"


Row = tuple[str, str, str, float, str]


def walk(measures: dict | None = None, families: dict | None = None,
         integrate_seconds: float = 0, verbose: bool = False) -> list[Row]:
    """(measure, family, outcome, seconds, detail) for every measure × every family."""
    rows = []
    fams = members() if families is None else families
    with using_limits(integrate_seconds=integrate_seconds):
        for name, func in {**SINGLE, **PAIR}.items() if measures is None else measures.items():
            for fam, (p, q) in fams.items():
                args = (p,) if name in SINGLE else (p, q)
                start = time.monotonic()
                try:
                    value = func(*args)
                    # not str(value): SymPy's printer evaluates a numeric Integral to order terms
                    outcome, detail = classify(value), type(value).__name__
                except SymbinfoError as e:
                    outcome, detail = "refused", f"{type(e).__name__}: {e}"[:100]
                rows.append((name, fam, outcome, time.monotonic() - start, detail))
            if verbose:
                print(f"  {name}: done", file=sys.stderr, flush=True)
    return rows


def main() -> int:
    rows = walk(verbose=True)
    by_measure: dict[str, Counter] = defaultdict(Counter)
    slowest: dict[str, tuple[float, str]] = {}
    for measure, fam, outcome, seconds, _ in rows:
        by_measure[measure][outcome] += 1
        if outcome in ("closed", "infinite") and seconds > slowest.get(measure, (0, ""))[0]:
            slowest[measure] = (seconds, fam)
    print(f"{'measure':32s} closed  inf  honest  refused  ITSELF  slowest closed call")
    worst = 0.0
    for measure, counts in by_measure.items():
        s, fam = slowest.get(measure, (0.0, "-"))
        worst = max(worst, s)
        print(f"{measure:32s} {counts['closed']:6d} {counts['infinite']:4d} {counts['honest']:7d} "
              f"{counts['refused']:8d} {counts['ITSELF']:7d}  {s:6.3f} s ({fam})")
    if "--markdown" in sys.argv:
        fams = list(dict.fromkeys(r[1] for r in rows))
        table = {(r[0], r[1]): r[2] for r in rows}
        print("\n| family | " + " | ".join(by_measure) + " |")
        print("| --- |" + " --- |" * len(by_measure))
        for f in fams:
            print(f"| {f} | " + " | ".join(table[m, f] for m in by_measure) + " |")
    if "--refused" in sys.argv:
        for r in rows:
            if r[2] in ("refused", "ITSELF"):
                print(r[0], r[1], r[4])
    itself = sum(c["ITSELF"] for c in by_measure.values())
    print(f"\nslowest closed call {worst:.3f} s (target < {TARGET} s); "
          f"{itself} calls returned the measure itself")
    return 0 if worst < TARGET and itself == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
