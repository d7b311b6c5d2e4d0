"""Fisher information of every catalog family against the variance of its score (not a test:
tens of minutes on a loaded machine). Run from the repository root with PYTHONPATH set:

    python scripts/fisher_sweep.py [--write] [--points N] [--store PATH] [FamilyName ...]

Each line: closed/honest (with integrate_seconds=0, so entries the engine would integrate stay
honest integrals), the parameters, and the worst relative difference between the engine's value
(an honest integral evaluated numerically) and mpmath quadrature/summation of E[s_i s_j] at 3
points (tests/score_reference.py, 30 digits). With ``--write`` the references are stored in
tests/measures/fisher_references.json (merged into what is there), with a fingerprint of each
honest entry: tests/measures/test_fisher_references.py compares every family's closed entries
with them and checks that each honest entry is still the expression verified here.
"""

from __future__ import annotations

import json
import signal
import sys
import time
from pathlib import Path

sys.path[:0] = ["tests", "tests/measures"]

import sympy as sp  # noqa: E402
from score_reference import fingerprint, numeric, score_variance  # noqa: E402
from test_fisher import sample_parameters, symbolic  # noqa: E402

from symbinfo.distributions.families import FAMILIES  # noqa: E402
from symbinfo.errors import UnsupportedInputError  # noqa: E402
from symbinfo.limits import using_limits  # noqa: E402
from symbinfo.measures.fisher import _information  # noqa: E402

STORE = Path("tests/measures/fisher_references.json")
POINTS, SEED, DIGITS = 3, 11, 30


class Timeout(Exception):
    pass


def _alarm(*_: object) -> None:
    raise Timeout


def sweep(cls, count: int = POINTS) -> dict:
    rec = FAMILIES[cls]
    with using_limits(integrate_seconds=0):
        dist, syms = symbolic(cls)
        try:
            info, chosen = _information(dist, None)
        except UnsupportedInputError as e:
            return {"refused": str(e)}
        honest = [e.has(sp.Integral, sp.Sum) for e in info]
        points, refs, worst = [], [], 0
        for pt in sample_parameters(cls, count=count, seed=SEED):
            point = {s: pt[str(s)] for s in syms}
            ref = score_variance(dist, chosen, point, dps=DIGITS)
            for a, b in zip(info, ref, strict=True):
                worst = max(worst, abs(numeric(a, point, DIGITS) - b) / max(1, abs(b)))
            points.append({str(s): str(v) for s, v in point.items()})
            refs.append([str(sp.Float(b, DIGITS)) for b in ref])
    return {"family": rec.name, "params": [str(s) for s in chosen], "points": points,
            "reference": refs, "form": "honest" if any(honest) else "closed",
            "honest": {str(i): fingerprint(e) for i, e in enumerate(info) if honest[i]},
            "worst": float(worst)}


def main(argv: list[str]) -> None:
    write = "--write" in argv
    count = int(argv[argv.index("--points") + 1]) if "--points" in argv else POINTS
    store = Path(argv[argv.index("--store") + 1]) if "--store" in argv else STORE
    options = {"--points", "--store", *(argv[argv.index(o) + 1] for o in ("--points", "--store")
                                        if o in argv)}
    names = [a for a in argv if a != "--write" and a not in options]
    signal.signal(signal.SIGALRM, _alarm)
    for cls, rec in FAMILIES.items():
        if names and rec.name not in names:
            continue
        start = time.time()
        signal.alarm(1200)
        try:
            row = sweep(cls, count)
        except Timeout:
            print(f"{rec.name:18s} TIMEOUT", flush=True)
            continue
        except Exception as e:  # a reference that cannot evaluate this family: say so
            print(f"{rec.name:18s} ERROR {type(e).__name__}: {str(e)[:120]}", flush=True)
            continue
        finally:
            signal.alarm(0)
        if "refused" in row:
            print(f"{rec.name:18s} refused: {row['refused'][:100]}", flush=True)
        else:
            print(f"{rec.name:18s} {row['form']} params={row['params']} "
                  f"worst_rel={row['worst']:.1e} {time.time() - start:.0f}s", flush=True)
        if write and ("refused" in row or row["worst"] < 1e-25):
            # read again just before writing: another run may have added families meanwhile
            stored = json.loads(store.read_text()) if store.exists() else {}
            stored[rec.name] = row
            store.write_text(json.dumps(stored, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
