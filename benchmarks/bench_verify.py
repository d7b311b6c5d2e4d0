"""Time ``verify`` on a 3x3 symbolic joint table at 50 digits over 20 points.

Run from the repository root:  python benchmarks/bench_verify.py

Each side is compiled to mpmath once (``lambdify``) and then evaluated per point, never
re-substituted symbolically. Timed as the best of three runs after one warm-up; the target is
well under one second per claim. ``numeric only`` skips the symbolic stage (so the 20-point
mpmath comparison is what is timed, including evaluating the measures with ``.doit()``);
``full`` is the default call.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

# Benchmark the checkout this script lives in, not whichever symbinfo is installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sympy as sp

import symbinfo as si
from symbinfo.verify import verify
from symbinfo.verify.catalog import symbolic_table

TARGET = 1.0  # seconds


def claims() -> list[tuple[str, sp.Basic, sp.Basic, str]]:
    X, Y = si.FiniteJointRV("X Y", symbolic_table((3, 3)))
    return [
        ("I(X;Y) = H(X) + H(Y) - H(X,Y)", si.MutualInformation(X, Y),
         si.Entropy(X) + si.Entropy(Y) - si.Entropy(X, Y), "=="),
        ("H(X|Y) <= H(X)", si.ConditionalEntropy(X, given=Y), si.Entropy(X), "<="),
        ("H(X|Y) = H(Y|X)  (false)", si.ConditionalEntropy(X, given=Y),
         si.ConditionalEntropy(Y, given=X), "=="),
    ]


def best_of(runs: int, func) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        out = func()
        best = min(best, time.perf_counter() - start)
    return best, out


def main() -> None:
    print(f"verify on a 3x3 symbolic table, 50 digits, 20 points (target {TARGET:.1f} s)")
    for label, lhs, rhs, rel in claims():
        for mode, symbolic in (("numeric only", False), ("full", True)):
            verify(lhs, rhs, relation=rel, symbolic=symbolic)  # warm-up
            seconds, v = best_of(3, lambda lhs=lhs, rhs=rhs, rel=rel, symbolic=symbolic:
                                 verify(lhs, rhs, relation=rel, digits=50, points=20,
                                        symbolic=symbolic))
            print(f"  {label:32s} {mode:12s} {seconds:7.3f} s  ratio {seconds / TARGET:5.2f}  "
                  f"-> {v.status} ({v.points} points)")


if __name__ == "__main__":
    main()
