"""The bound: every resource bomb answers or refuses within its budget; bounded steps run in a
child that is limited by CPU work and memory, works inside Pool workers and dies with its parent.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import mpmath
import pytest
import sympy as sp
from sympy.stats import Beta, ChiSquared, ContinuousRV, Gamma

import symbinfo as si
from symbinfo.derivation.budget import WorkClock, call_within, integrate_within

from .bombs import ANSWER, BOMBS, EITHER, run

#: hard wall timeout per bomb: a regression fails here instead of hanging the suite
WALL = 30.0


@pytest.fixture(scope="module", autouse=True)
def small_budgets():
    # the bombs must answer or refuse within their budget; smaller budgets keep the file fast
    with si.using_limits(integrate_seconds=1, step_seconds=2):
        yield


def test_enough_bombs() -> None:
    assert len(BOMBS) >= 40
    assert len({b.name for b in BOMBS}) == len(BOMBS)


@pytest.mark.parametrize("bomb", BOMBS, ids=[b.name for b in BOMBS])
def test_bomb_answers_or_refuses(bomb) -> None:
    outcome = run(bomb, WALL)
    assert outcome.kind in ("answer", "refuse"), f"{bomb.name}: {outcome}"
    if bomb.expect != EITHER:
        assert outcome.kind == bomb.expect, f"{bomb.name}: {outcome}"
    if outcome.kind == ANSWER and bomb.check is not None:
        assert outcome.ok_answer, f"{bomb.name}: wrong answer {outcome.detail}"


def test_the_parser_reads_the_limits_in_force() -> None:
    with si.using_limits(text_length=10), pytest.raises(si.ParseError, match="at most 10"):
        si.parse_expression("x + y + z + w")
    with si.using_limits(integer_digits=5), pytest.raises(si.ParseError):
        si.parse_expression("1234567")  # 21 bits: over the 4 bits per digit allowed
    with si.using_limits(nesting_depth=3), pytest.raises(si.ParseError, match="3 deep"):
        si.parse_expression("((((x))))")
    assert si.parse_expression("((((x)))) + 123456") == sp.Symbol("x") + 123456


def test_factoring_bound_is_a_setting() -> None:
    from symbinfo.derivation.simplify import split_logs

    assert split_logs(sp.log(221)) == sp.log(13) + sp.log(17)
    with si.using_limits(factor_digits=2):
        assert split_logs(sp.log(221)) == sp.log(221)


# --- huge parameters stay symbolic and evaluate to the right number ---------------------------
# References: the textbook formulas (Wikipedia's infoboxes; Lazo & Rathie 1978) typed here in
# mpmath's loggamma/digamma at 60 digits, not the rules' SymPy expressions.


def _gamma_reference(k, theta):
    return k + mpmath.log(theta) + mpmath.loggamma(k) + (1 - k) * mpmath.digamma(k)


def _beta_reference(a, c):
    return (mpmath.log(mpmath.beta(a, c)) - (a - 1) * mpmath.digamma(a)
            - (c - 1) * mpmath.digamma(c) + (a + c - 2) * mpmath.digamma(a + c))


def _chi2_reference(k):
    half = k / 2
    return half + mpmath.log(2) + mpmath.loggamma(half) + (1 - half) * mpmath.digamma(half)


@pytest.mark.parametrize(
    ("rv", "reference"),
    [
        (Gamma("X", 10**18, 3), lambda: _gamma_reference(mpmath.mpf(10) ** 18, 3)),
        (Gamma("X", 3000, 2), lambda: _gamma_reference(mpmath.mpf(3000), 2)),
        (Beta("X", 10**5, 10**5 + 1), lambda: _beta_reference(mpmath.mpf(10) ** 5,
                                                               mpmath.mpf(10) ** 5 + 1)),
        (ChiSquared("X", 10**15), lambda: _chi2_reference(mpmath.mpf(10) ** 15)),
    ],
    ids=["Gamma(10**18, 3)", "Gamma(3000, 2)", "Beta(10**5, 10**5 + 1)", "ChiSquared(10**15)"],
)
def test_huge_parameters_evaluate_right(rv, reference) -> None:
    h = si.entropy(rv)
    assert h.has(sp.gamma, sp.loggamma, sp.beta)  # kept symbolic, never a factorial
    with mpmath.workdps(60):
        want, got = reference(), mpmath.mpf(str(h.evalf(40)))
        assert abs(got - want) <= mpmath.mpf(10) ** -30 * abs(want)


def test_huge_parameters_in_kl() -> None:
    # two huge shapes become two unrelated symbols; the cancellation happens numerically
    kl = si.kl_divergence(Gamma("X", 10**18, 1), Gamma("Y", 10**18 + 1, 1))
    with mpmath.workdps(80):
        a = mpmath.mpf(10) ** 18
        # KL(Gamma(a, 1) || Gamma(b, 1)) = (a - b) psi(a) - log Gamma(a) + log Gamma(b)
        want = -mpmath.digamma(a) - mpmath.loggamma(a) + mpmath.loggamma(a + 1)
        got = mpmath.mpf(str(kl.evalf(40)))
        assert abs(got - want) <= mpmath.mpf(10) ** -30 * abs(want)


# --- the bounded child ------------------------------------------------------------------------


def test_cpu_bound_and_picklable_numbers() -> None:
    start = time.monotonic()
    assert call_within(lambda: sum(range(10**12)), seconds=0.3) is None
    assert time.monotonic() - start < 10
    # a numeric check's mpf comes back (results cross the pipe pickled)
    value = call_within(mpmath.quad, mpmath.exp, [0, 1], seconds=5)
    assert abs(value - (mpmath.e - 1)) < 1e-12


def test_a_derivation_numeric_check_runs_bounded() -> None:
    # the derivation's numeric checks (steps.numerically_equal) run through call_within
    from symbinfo.derivation.steps import numerically_equal

    x = sp.Symbol("x", positive=True)
    found = call_within(numerically_equal, sp.log(x**2), 2 * sp.log(x),
                        [{x: sp.Rational(3, 7)}, {x: 5}], seconds=20)
    assert found is not None and found[0] is True and found[2] is None


def test_wall_backstop_stops_an_idle_child() -> None:
    start = time.monotonic()
    assert call_within(time.sleep, 60, seconds=0.1) is None  # idle: no CPU is ever used
    assert time.monotonic() - start < 8


def test_memory_bound() -> None:
    with si.using_limits(child_memory_mb=64):
        assert call_within(lambda: len(bytearray(2**31)), seconds=5) is None
    assert call_within(lambda: len(bytearray(2**20)), seconds=5) == 2**20


def test_work_clock_counts_children() -> None:
    clock = WorkClock(100.0)
    call_within(lambda: sum(range(3 * 10**6)), seconds=5)
    assert clock.left() < 100.0 - 0.01


def test_integration_cache_retries_with_a_larger_budget() -> None:
    x = sp.Symbol("x", positive=True)
    expr = x**3 * sp.exp(-2 * x)
    assert integrate_within(expr, (x, 0, sp.oo), seconds=1e-9) is None
    assert integrate_within(expr, (x, 0, sp.oo), seconds=20) == sp.Rational(3, 8)


def _entropy_of_user_density(_: int) -> str:
    x = sp.Symbol("x")
    X = ContinuousRV(x, 3 * x**2, set=sp.Interval(0, 1))  # no rule: the generic engine
    return str(si.entropy(X))


def test_bounded_steps_work_inside_pool_workers() -> None:
    # multiprocessing.Process refuses to start in a daemonic Pool worker; os.fork does not
    with multiprocessing.get_context("fork").Pool(1) as pool:
        found = pool.map(_entropy_of_user_density, [0])[0]
    assert sp.simplify(sp.parse_expr(found) - (sp.Rational(2, 3) - sp.log(3))) == 0


def _children(pid: int) -> set[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return {int(c) for c in path.read_text().split()} if path.exists() else set()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


#: a program whose bounded step outlives any test unless it dies with its parent
_BENINI = """
import sympy as sp, symbinfo as si
from sympy.stats import Benini
b, n, mu = sp.symbols("b n mu", positive=True)
with si.using_limits(integrate_seconds=600):
    si.kl_divergence(Benini("A", b, n, mu), Benini("B", n, b, mu))
"""
_BUSY = """
from symbinfo.derivation.budget import call_within
call_within(lambda: sum(range(10**14)), seconds=600)
"""


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
@pytest.mark.parametrize("program", [_BENINI, _BUSY], ids=["Benini", "busy"])
def test_child_dies_with_its_parent(sig, program) -> None:
    parent = subprocess.Popen([sys.executable, "-c", program], env=os.environ.copy())
    try:
        deadline = time.monotonic() + 60
        children: set[int] = set()
        while not children and time.monotonic() < deadline and parent.poll() is None:
            time.sleep(0.2)
            children = _children(parent.pid)
        assert children, "the bounded child never started"
        parent.send_signal(sig)
        parent.wait(10)
        gone_by = time.monotonic() + 5  # the kernel kills them at once; allow 5 s
        while [c for c in children if _alive(c)] and time.monotonic() < gone_by:
            time.sleep(0.1)
        assert not [c for c in children if _alive(c)]
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
