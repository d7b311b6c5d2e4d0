"""Time the Shannon prover on textbook inequalities.

Run from the repository root:  python benchmarks/bench_shannon.py

Each claim is proved once to warm up (imports, SciPy's first call), then timed as the best of
three runs, with the float pre-check (when SciPy is installed) and with the exact simplex only.
Target: a 4-variable Shannon inequality is settled in seconds.
"""

from __future__ import annotations

import sys
import time
from fractions import Fraction
from pathlib import Path

# Benchmark the checkout this script lives in, not whichever symbinfo is installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from symbinfo.shannon import H, I, le, markov_chain, prove
from symbinfo.shannon.lp import have_scipy


def han(names: list[str]):
    """Han's inequality H(X_1..X_n) <= 1/(n-1) sum_i H(X_N without X_i)."""
    full = set(names)
    total = H(names[0]) - H(names[0])
    for v in names:
        total = total + H(*(full - {v}))
    return le(H(*names), Fraction(1, len(names) - 1) * total)


CASES = [
    ("Han's inequality, n=4", han(["X1", "X2", "X3", "X4"]), ()),
    ("data processing, X-Y-Z", le(I("X", "Z"), I("X", "Y")), (markov_chain("X", "Y", "Z"),)),
    (
        "5 variables: X1-..-X5 Markov => I(X1;X5) <= I(X2;X4)",
        le(I("X1", "X5"), I("X2", "X4")),
        (markov_chain("X1", "X2", "X3", "X4", "X5"),),
    ),
    ("Han's inequality, n=5", han(["X1", "X2", "X3", "X4", "X5"]), ()),
    (
        "Zhang-Yeung, n=4 (not Shannon-type)",
        le(
            2 * I("C", "D"),
            I("A", "B") + I("A", ("C", "D")) + 3 * I("C", "D", given="A") + I("C", "D", given="B"),
        ),
        (),
    ),
]


def best_of(fn, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    print(f"SciPy float pre-check available: {have_scipy()}")
    print(f"{'claim':58s} {'verdict':>13s} {'float+exact':>12s} {'exact only':>11s}")
    for name, claim, constraints in CASES:
        result = prove(claim, constraints=constraints)  # warm-up
        fast = best_of(lambda c=claim, k=constraints: prove(c, constraints=k))
        exact = best_of(lambda c=claim, k=constraints: prove(c, constraints=k, use_float=False))
        print(f"{name:58s} {result.status:>13s} {fast:11.3f}s {exact:10.3f}s")


if __name__ == "__main__":
    main()
