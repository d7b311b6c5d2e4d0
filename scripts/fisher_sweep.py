"""Fisher information of every catalog family against the variance of its score (not a test:
~20 minutes on a loaded machine). Run from the repository root with PYTHONPATH set:
``python scripts/fisher_sweep.py [FamilyName ...]``. Each line: closed/honest (with
integrate_seconds=0, so entries the engine would integrate stay honest integrals), the default
parameters, and the worst relative difference from mpmath quadrature of E[s_i s_j] at 3 points.
"""

from __future__ import annotations

import signal
import sys
import time

sys.path[:0] = ["tests", "tests/measures"]

import sympy as sp  # noqa: E402
from score_reference import numeric, score_variance  # noqa: E402
from test_fisher import sample_parameters, symbolic  # noqa: E402

from symbinfo.distributions.families import FAMILIES  # noqa: E402
from symbinfo.errors import UnsupportedInputError  # noqa: E402
from symbinfo.limits import using_limits  # noqa: E402
from symbinfo.measures.fisher import _information  # noqa: E402


class Timeout(Exception):
    pass


def _alarm(*_: object) -> None:
    raise Timeout


def main(names: list[str]) -> None:
    signal.signal(signal.SIGALRM, _alarm)
    for cls, rec in FAMILIES.items():
        if names and rec.name not in names:
            continue
        start = time.time()
        signal.alarm(240)
        try:
            with using_limits(integrate_seconds=0):
                dist, syms = symbolic(cls)
                try:
                    info, chosen = _information(dist, None)
                except UnsupportedInputError as e:
                    print(f"{rec.name:18s} refused: {str(e)[:110]}", flush=True)
                    continue
                closed = not any(e.has(sp.Integral, sp.Sum) for e in info)
                worst = 0
                for pt in sample_parameters(cls, count=3, seed=11):
                    point = {s: pt[str(s)] for s in syms}
                    ref = score_variance(dist, chosen, point)
                    for a, b in zip(info.xreplace(point), ref, strict=True):
                        worst = max(worst, abs(numeric(a, 30) - b) / max(1, abs(b)))
                print(f"{rec.name:18s} {'closed' if closed else 'honest'} params={chosen} "
                      f"worst_rel={float(worst):.1e} {time.time() - start:.0f}s", flush=True)
        except Timeout:
            print(f"{rec.name:18s} TIMEOUT", flush=True)
        except Exception as e:  # a reference that cannot evaluate this family: say so
            print(f"{rec.name:18s} ERROR {type(e).__name__}: {str(e)[:120]}", flush=True)
        finally:
            signal.alarm(0)


if __name__ == "__main__":
    main(sys.argv[1:])
