"""How long I(X;Y) takes on a 16×16 table of exact rationals and on a 3×3 fully symbolic table.

Run: python benchmarks/bench_discrete.py
"""

from __future__ import annotations

import random
import time

import sympy as sp

import symbinfo as si


def timed(label: str, func) -> float:
    start = time.perf_counter()
    result = func()
    seconds = time.perf_counter() - start
    print(f"{label:<44} {seconds:8.3f} s   ({sp.count_ops(result)} operations in the result)")
    return seconds


def main() -> None:
    rng = random.Random(16)
    weights = {(i, j): rng.randint(1, 50) for i in range(16) for j in range(16)}
    total = sum(weights.values())
    X, Y = si.FiniteJointRV("X Y", {k: sp.Rational(w, total) for k, w in weights.items()})
    timed("I(X;Y), 16x16 exact rationals", lambda: si.mutual_information(X, Y))

    entries = sp.symbols("p0:9", positive=True)
    table = {(i, j): entries[3 * i + j] for i in range(3) for j in range(3)}
    table[(2, 2)] = 1 - sum(entries[:8])
    U, V = si.FiniteJointRV("U V", table)
    timed("I(U;V), 3x3 symbolic (8 free entries)", lambda: si.mutual_information(U, V))


if __name__ == "__main__":
    main()
