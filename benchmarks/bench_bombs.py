"""Benchmark of the bound: run every resource bomb and report its time and the slowest refusal.

Run with ``python benchmarks/bench_bombs.py`` (from the repository root, ``PYTHONPATH=.``).
Each bomb runs in a forked child under a 30 s wall timeout, with the default limits
(``current_limits()``), so the figures are those a user gets.

The target: no refusal takes longer than the budget of the call, ``integrate_seconds`` (the
most any one measure may spend). Most refusals come before any work (sizes are counted first)
and take milliseconds; a family without a rule whose huge parameters leave the generic engine
an integral it cannot show is refused only after the engine has spent its budget.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from symbinfo.limits import current_limits
from tests.bounds.bombs import BOMBS, run

#: seconds a refusal may take: the budget of one call
TARGET = current_limits().integrate_seconds


def main() -> int:
    start = time.monotonic()
    refusals: list[tuple[float, str]] = []
    failures = 0
    for bomb in BOMBS:
        outcome = run(bomb, 30.0)
        ok = outcome.kind in ("answer", "refuse") and outcome.ok_answer is not False
        failures += not ok
        print(f"{outcome.seconds:7.3f} s  {outcome.kind:7s} {bomb.name:48s}"
              f"{'' if ok else '  FAILED: ' + outcome.detail[:80]}")
        if outcome.kind == "refuse":
            refusals.append((outcome.seconds, bomb.name))
    print(f"\n{len(BOMBS)} bombs in {time.monotonic() - start:.1f} s, {failures} failed")
    refusals.sort(reverse=True)
    if refusals:
        seconds, name = refusals[0]
        print(f"slowest refusal: {name}: {seconds:.3f} s "
              f"({seconds / TARGET:.2f} x the {TARGET:.1f} s target, integrate_seconds)")
    if len(refusals) > 1:
        seconds, name = refusals[1]
        print(f"next slowest: {name}: {seconds:.3f} s; "
              f"median of {len(refusals)} refusals: {refusals[len(refusals) // 2][0]:.3f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
