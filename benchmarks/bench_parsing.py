"""How quickly hostile strings are refused: the slowest refusal among the test suite's list.

Run: python benchmarks/bench_parsing.py   (target: every refusal under 0.1 s)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "parsing"))

import contextlib

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
