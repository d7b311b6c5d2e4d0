"""Benchmark of channel capacity: Blahut–Arimoto at 50 digits to a certified gap below 1e-40.

Run with ``python benchmarks/bench_channels.py`` (from the repository root, ``PYTHONPATH=.``).
Reports, for a random 4x5 channel and the binary symmetric/erasure/Z channels, the time, the
number of iterations and the certified gap (upper bound max_x D(W(.|x) || q) minus I(p; W)).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sympy as sp

from symbinfo.channels import (
    binary_erasure_channel,
    binary_symmetric_channel,
    blahut_arimoto,
    z_channel,
)
from tests.channels.test_channels import random_channel


def main() -> int:
    cases = {
        "random 4x5": random_channel(4, 5),
        "random 8x8": random_channel(8, 8, seed=2),
        "BSC(1/10)": binary_symmetric_channel(sp.Rational(1, 10)),
        "BEC(1/4)": binary_erasure_channel(sp.Rational(1, 4)),
        "Z(1/3)": z_channel(sp.Rational(1, 3)),
    }
    for name, W in cases.items():
        start = time.perf_counter()
        found = blahut_arimoto(W, dps=50, gap=sp.Float("1e-41"))
        took = time.perf_counter() - start
        print(f"{name:12s} {took:8.3f} s  {found.iterations:6d} iterations  "
              f"gap {sp.N(found.gap, 3)}  C = {sp.N(found.lower, 20)} nats")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
