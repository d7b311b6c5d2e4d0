"""Hostile strings: rejected with ParseError, quickly, and without any side effect."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from symbinfo.errors import ParseError
from symbinfo.parsing import parse_distribution, parse_expression, parse_latex

SENTINEL = "/tmp/symbinfo_pwned_sentinel"
# A guard against hangs, not a speed target: the suite runs on a loaded 2-core machine. The
# typical figure (well under 0.1 s per string) is measured by benchmarks/bench_parsing.py.
TIME_LIMIT = 2.0

PYTHON_HOSTILE = [
    f"__import__('os').system('touch {SENTINEL}')",
    "().__class__.__bases__[0].__subclasses__()",
    "lambda: 1",
    "(lambda: __import__('os'))()",
    "open('/etc/passwd').read()",
    "exec('1')",
    "eval('1')",
    "compile('1', 'f', 'eval')",
    "x.__dict__",
    "[x for x in ()]",
    "{x: 1}",
    "{1, 2}",
    'f"{x}"',
    "getattr(x, 'y')",
    "Symbol('x')",
    "sympify('1')",
    "x if y else z",
    "a; b",
    "import os",
    "x := 1",
    "await x",
    "yield x",
    "x[0]",
    "...",
    "b'bytes'",
    "globals()",
    "1e1000000",
    "9**9**9**9",
    "2**10**10",
    "10**10**10 + x",
    "sqrt(2)**(10**100)",
    "factorial(10**9)",
    "binomial(10**9, 5*10**8)",
    "harmonic(10**8)",
    "gamma(10**9)",
    "digamma(10**9)",
    "9" * 4000,
    "x" * 100_000,
    "(" * 10_000 + "x" + ")" * 10_000,
    "-" * 3000 + "x",
    "x" + "**x" * 2000,
    "*".join(["2**32000"] * 550),
    "polygamma(499, 500)",
]

LATEX_HOSTILE = [
    r"\input{/etc/passwd}",
    r"\include{/etc/passwd}",
    r"\def\x{}",
    r"\newcommand{\x}{1}",
    r"\immediate\write18{touch " + SENTINEL + "}",
    r"\write18{ls}",
    r"\catcode`\@=11",
    r"\openin5=/etc/passwd",
    r"\usepackage{x}",
    r"\begin{document}",
    r"x \% y",
    "x % comment",
    "#1",
    r"a \\ b",
    r"\frac{1}{2}" * 3000,
    "{" * 10_000 + "x" + "}" * 10_000,
    r"\sqrt{" * 500 + "x" + "}" * 500,
    "-" * 3000 + "x",
    "9^{9^{9^{9}}}",
    "10^{10^{10}}",
    r"\Gamma(10^{9})",
    r"1000000!",
    r"\binom{10^{9}}{5}",
    r"\psi(10^{12})",
]

DISTRIBUTION_HOSTILE = [
    "__import__('os').system('ls')",
    "Normal(0, 1).pspace",
    "Normal(0, 1)[0]",
    "Normal(*[0, 1])",
    "Normal(0, open('/etc/passwd'))",
    "eval('Normal(0, 1)')",
    "Die(10**10**10)",
    "Normal(" * 5000,
]


def _rejected_quickly(parse, text: str) -> None:
    start = time.perf_counter()
    with pytest.raises(ParseError):
        parse(text)
    elapsed = time.perf_counter() - start
    assert elapsed < TIME_LIMIT, f"{text[:40]!r} took {elapsed:.3f}s"
    assert not Path(SENTINEL).exists()


@pytest.fixture(autouse=True)
def _no_sentinel():
    Path(SENTINEL).unlink(missing_ok=True)
    parse_expression("x")  # warm imports so the timings measure parsing only
    parse_latex("x")
    yield
    assert not Path(SENTINEL).exists()


def test_there_are_enough_hostile_strings() -> None:
    assert len(PYTHON_HOSTILE) + len(LATEX_HOSTILE) + len(DISTRIBUTION_HOSTILE) >= 20


@pytest.mark.parametrize("text", PYTHON_HOSTILE, ids=lambda t: t[:30])
def test_python_hostile(text: str) -> None:
    _rejected_quickly(parse_expression, text)


@pytest.mark.parametrize("text", LATEX_HOSTILE, ids=lambda t: t[:30])
def test_latex_hostile(text: str) -> None:
    _rejected_quickly(parse_latex, text)


@pytest.mark.parametrize("text", DISTRIBUTION_HOSTILE, ids=lambda t: t[:30])
def test_distribution_hostile(text: str) -> None:
    _rejected_quickly(parse_distribution, text)


# These are harmless products in LaTeX ("x if y else z" is x*i*f*y*..., x[0] is x*0,
# 1e1000000 is 1*e*1000000), so only the Python parser must refuse them.
HARMLESS_IN_LATEX = {"x if y else z", "import os", "await x", "yield x", "x[0]", "1e1000000"}


@pytest.mark.parametrize(
    "text", [t for t in PYTHON_HOSTILE if t not in HARMLESS_IN_LATEX], ids=lambda t: t[:30]
)
def test_python_hostile_as_latex_too(text: str) -> None:
    # The LaTeX parser refuses Python attacks too (quotes, dots, brackets, dunder names).
    _rejected_quickly(parse_latex, text)


def test_non_strings_are_refused() -> None:
    for value in (None, 1, b"x", ["x"]):
        with pytest.raises(ParseError, match="expected a string"):
            parse_expression(value)  # type: ignore[arg-type]
        with pytest.raises(ParseError, match="expected a string"):
            parse_latex(value)  # type: ignore[arg-type]
