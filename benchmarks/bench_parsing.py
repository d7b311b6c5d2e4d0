"""How quickly hostile strings are refused: the slowest refusal among the test suite's list,
and the slowest of the security suite's calls (every payload at every public argument slot).

Run: python benchmarks/bench_parsing.py   (target: every refusal under 0.1 s)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "parsing"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "security"))

import contextlib
import tempfile

from test_hostile import PENDING, SLOTS, make_payloads
from test_parsing_hostile import LATEX_HOSTILE, PYTHON_HOSTILE

from symbinfo.errors import ParseError
from symbinfo.parsing import parse_expression, parse_latex


def slowest(parse, strings) -> tuple[float, str]:
    worst = (0.0, "")
    for text in strings:
        start = time.perf_counter()
        with contextlib.suppress(ParseError):
            parse(text)
        worst = max(worst, (time.perf_counter() - start, text[:40]))
    return worst


if __name__ == "__main__":
    for label, parse, strings in (("SymPy syntax", parse_expression, PYTHON_HOSTILE),
                                  ("LaTeX", parse_latex, LATEX_HOSTILE)):
        seconds, text = slowest(parse, strings)
        print(f"{label:<13} {len(strings):3d} hostile strings, slowest {seconds * 1000:7.2f} ms "
              f"({seconds / 0.1:.2f}x the 0.1 s target) on {text!r}")

    with tempfile.TemporaryDirectory() as folder:
        payloads = make_payloads(Path(folder))
        worst = (0.0, "", "")
        for slot, call in SLOTS.items():
            if slot in PENDING:  # still open in another helper's branch: may run the payload
                continue
            for payload in payloads:
                start = time.perf_counter()
                with contextlib.suppress(Exception):  # the tests check the kind; this times
                    call(payload)
                worst = max(worst, (time.perf_counter() - start, slot, repr(payload)[:40]))
        seconds, slot, text = worst
        print(f"public slots  {len(SLOTS) - len(PENDING)} slots x {len(payloads)} payloads, "
              f"slowest "
              f"{seconds * 1000:7.2f} ms ({seconds / 0.1:.2f}x the 0.1 s target) at {slot} "
              f"on {text}")
