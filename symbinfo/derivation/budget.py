"""Symbolic steps that can blow up, run in a child process under a bound on CPU work and memory.

``sympy.integrate``, ``simplify`` or ``limit`` can run for minutes (or forever, or into gigabytes)
on innocent-looking input, and a thread cannot be stopped, so :func:`call_within` runs such a
step in a forked child process and reads its answer back through a pipe. A timeout, an error, or
(for :func:`integrate_within`) an answer that still contains an ``Integral`` (or a Meijer G /
hypergeometric form SymPy itself may fail to evaluate) all count as "not closed": ``None``.

How the child is made, and why:

- **os.fork directly**, not ``multiprocessing`` or pebble. ``multiprocessing.Process`` refuses
  to start inside ``multiprocessing.Pool`` workers ("daemonic processes are not allowed to have
  children"), where people run batches; pebble builds on ``multiprocessing`` processes too, adds
  a dependency, and sets neither a parent-death signal nor a CPU limit. A bare fork plus a pipe
  is about sixty lines and has none of these problems (POSIX only: elsewhere the step runs
  in-process, unbounded).
- **It dies with its parent**: right after the fork the child asks the kernel for SIGKILL when
  its parent dies (``prctl(PR_SET_PDEATHSIG)``, Linux), then checks ``getppid`` to close the race
  with a parent that died before the request; without prctl a watcher thread polls ``getppid``.
- **Its work is bounded by CPU seconds** (``setitimer(ITIMER_PROF)``, fractional, with
  ``RLIMIT_CPU`` one second later as the hard stop), not by wall-clock time, so whether a step
  closes depends on the work it needs and not on how busy the machine is. A generous wall-clock
  backstop (:data:`WALL_FACTOR` times the budget) only catches a child that stalls without
  working. Its address space is bounded by ``current_limits().child_memory_mb`` (``RLIMIT_AS``).
- **Defaults come from** :func:`symbinfo.limits.current_limits`: ``integrate_seconds`` for
  integration, ``step_seconds`` for any other step.

:class:`WorkClock` spends one budget over several steps in the same currency (CPU seconds of this
thread plus those of the children it waited for), so a sequence of steps is load-independent too.
"""

from __future__ import annotations

import contextlib
import contextvars
import ctypes
import importlib
import math
import os
import pickle
import resource
import select
import signal
import sys
import threading
import time
from typing import Any

import sympy as sp

from ..limits import current_limits

#: The wall-clock backstop: a child still running after this many times its CPU budget (plus two
#: seconds) is killed. Only a child that stalls without working (a deadlock) ever reaches it.
WALL_FACTOR = 6

_PR_SET_PDEATHSIG = 1
_CACHE: dict[Any, tuple[sp.Expr | None, float]] = {}
#: CPU seconds used by the children this thread/task waited for (read by WorkClock)
_CHILD_CPU: contextvars.ContextVar[float] = contextvars.ContextVar(
    "symbinfo_child_cpu", default=0.0
)


def _die_with_parent(parent: int) -> None:  # pragma: no cover - runs in the child process
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        requested = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        requested = False
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)
    if not requested:
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.2)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()


def _bound_child(seconds: float) -> None:  # pragma: no cover - runs in the child process
    signal.signal(signal.SIGPROF, signal.SIG_DFL)  # a profiler's handler must not survive
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C in the terminal ends the child too
    used = resource.getrusage(resource.RUSAGE_SELF)
    hard = math.ceil(used.ru_utime + used.ru_stime + seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (hard, hard))
    signal.setitimer(signal.ITIMER_PROF, seconds)
    memory = current_limits().child_memory_mb * 2**20
    _, hard_as = resource.getrlimit(resource.RLIMIT_AS)
    if hard_as == resource.RLIM_INFINITY or memory < hard_as:
        resource.setrlimit(resource.RLIMIT_AS, (memory, hard_as))


def _run_child(write: int, parent: int, seconds: float, func, args) -> None:  # pragma: no cover
    status = 1
    try:
        _die_with_parent(parent)
        _bound_child(seconds)
        try:
            payload = pickle.dumps((True, func(*args)), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as exc:  # the caller only learns "no answer"; keep why for debugging
            payload = pickle.dumps((False, repr(exc)))
        signal.setitimer(signal.ITIMER_PROF, 0)
        view = memoryview(payload)
        while view:
            view = view[os.write(write, view):]
        status = 0
    finally:
        os._exit(status)  # never run the parent's atexit handlers or unwind into its code


def _read_all(read: int, deadline: float) -> bytes | None:
    chunks = []
    while True:
        wait = deadline - time.monotonic()
        if wait <= 0:
            return None
        ready, _, _ = select.select([read], [], [], wait)
        if not ready:
            return None
        chunk = os.read(read, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def call_within(func, *args: Any, seconds: float | None = None) -> Any:
    """``func(*args)`` if it returns within ``seconds`` of CPU work (in a child process), else
    ``None`` (also when it raises or runs out of memory). The result must be picklable.

    ``seconds`` defaults to ``current_limits().step_seconds``.

    >>> t = sp.Symbol("t")
    >>> call_within(sp.simplify, sp.sin(t)**2 + sp.cos(t)**2, seconds=20)
    1
    >>> call_within(lambda: sum(range(10**12)), seconds=0.5) is None
    True
    """
    seconds = current_limits().step_seconds if seconds is None else seconds
    if seconds <= 0:
        return None
    if not hasattr(os, "fork"):  # no fork on this platform: run in-process, unbounded
        try:
            return func(*args)
        except Exception:
            return None
    parent = os.getpid()
    read, write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read)
        _run_child(write, parent, seconds, func, args)
    os.close(write)
    data = None
    try:
        data = _read_all(read, time.monotonic() + WALL_FACTOR * seconds + 2)
    finally:
        os.close(read)
        if data is None:  # out of time (or interrupted): stop it for good
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        _, _, usage = os.wait4(pid, 0)
        _CHILD_CPU.set(_CHILD_CPU.get() + usage.ru_utime + usage.ru_stime)
    if not data:
        return None
    try:
        ok, result = pickle.loads(data)
    except Exception:
        return None
    return result if ok else None


class WorkClock:
    """A budget of CPU seconds spent over several steps: this thread's own work plus that of the
    child processes :func:`call_within` ran for it, so it runs out after the same work whatever
    the machine's load.

    >>> clock = WorkClock(5.0)
    >>> 4.0 < clock.left() <= 5.0, clock.left(cap=1.0)
    (True, 1.0)
    """

    def __init__(self, seconds: float) -> None:
        self.end = self._used() + seconds

    @staticmethod
    def _used() -> float:
        return time.thread_time() + _CHILD_CPU.get()

    def left(self, cap: float | None = None) -> float:
        """CPU seconds left (at most ``cap``), never negative."""
        rest = self.end - self._used()
        return max(0.0, rest if cap is None else min(rest, cap))


_TABLES_LOCK = threading.Lock()


def _build_integration_tables() -> None:
    """Build SymPy's Meijer-G lookup table and hypergeometric formula collections once, here
    in the parent, so that every forked integration child starts with them: SymPy builds them
    lazily, and a child would rebuild them out of its own budget, then throw them away."""
    # by module name: ``sympy.simplify`` and ``sympy.integrals`` are also function names
    meijerint = importlib.import_module("sympy.integrals.meijerint")
    hyperexpand = importlib.import_module("sympy.simplify.hyperexpand")
    with _TABLES_LOCK:
        if not meijerint._lookup_table:
            table: dict = {}
            meijerint._create_lookup_table(table)
            meijerint._lookup_table = table
        if hyperexpand._collection is None:
            hyperexpand._collection = hyperexpand.FormulaCollection()
        if hyperexpand._meijercollection is None:
            hyperexpand._meijercollection = hyperexpand.MeijerFormulaCollection()


def _integrate(expr: sp.Expr, limits: tuple) -> sp.Expr:
    return sp.integrate(expr, *limits, conds="none")


def acceptable(result: object) -> bool:
    """Whether an integration result counts as closed (no Integral, no SymPy-only special forms)."""
    if not isinstance(result, sp.Expr):
        return False
    if result.has(sp.Integral, sp.meijerg, sp.hyper, sp.Sum, sp.Piecewise):
        return False
    return not result.has(sp.nan, sp.zoo)


def integrate_within(expr: sp.Expr, *limits: tuple, seconds: float | None = None) -> sp.Expr | None:
    """``integrate(expr, *limits)`` if SymPy closes it within ``seconds`` of CPU work, else
    ``None``; ``seconds`` defaults to ``current_limits().integrate_seconds``.

    Answers are cached; a miss is retried only under a larger budget than the one that missed.

    >>> x = sp.Symbol("x", positive=True)
    >>> integrate_within(x * sp.exp(-x), (x, 0, sp.oo), seconds=20)
    1
    """
    seconds = current_limits().integrate_seconds if seconds is None else seconds
    key = (expr, limits)
    if key in _CACHE:
        result, tried = _CACHE[key]
        if result is not None or seconds <= tried:
            return result
    if seconds <= 0:
        return None
    _build_integration_tables()
    result = call_within(_integrate, expr, limits, seconds=seconds)
    result = result if acceptable(result) else None
    _CACHE[key] = (result, seconds)
    return result
