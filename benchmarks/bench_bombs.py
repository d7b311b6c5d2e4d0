"""Benchmark of the bound: run every resource bomb and report its time and the slowest refusal.

Run with ``python benchmarks/bench_bombs.py`` (from the repository root, ``PYTHONPATH=.``).
Each bomb runs in a forked child under a 30 s wall timeout, with the default limits
(``current_limits()``), so the figures are those a user gets. The target: a refusal costs at
most :data:`TARGET` seconds, far below any budget, since limits are checked before the work.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.bounds.bombs import BOMBS, run

#: seconds a refusal may take: counting/checking happens before any expensive work
TARGET = 1.0


def main() -> int:
    start = time.monotonic()
    slowest = None
    failures = 0
    for bomb in BOMBS:
        outcome = run(bomb, 30.0)
        ok = outcome.kind in ("answer", "refuse") and outcome.ok_answer is not False
        failures += not ok
        print(f"{outcome.seconds:7.3f} s  {outcome.kind:7s} {bomb.name:48s}"
              f"{'' if ok else '  FAILED: ' + outcome.detail[:80]}")
        if outcome.kind == "refuse" and (slowest is None or outcome.seconds > slowest[1]):
            slowest = (bomb.name, outcome.seconds)
    print(f"\n{len(BOMBS)} bombs in {time.monotonic() - start:.1f} s, {failures} failed")
    if slowest is not None:
        name, seconds = slowest
        print(f"slowest refusal: {name}: {seconds:.3f} s "
              f"({seconds / TARGET:.2f} x the {TARGET:.1f} s target)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
