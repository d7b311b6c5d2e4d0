"""SymPy integration under a hard time budget.

``sympy.integrate`` can run for minutes (or forever) on innocent-looking integrands, and a thread
cannot be stopped, so each attempt runs in a forked child process that is terminated when its
budget runs out. A timeout, an error, or an answer that still contains an ``Integral`` (or a
Meijer G / hypergeometric form SymPy itself may fail to evaluate) all count as "not closed".
"""

from __future__ import annotations

import multiprocessing as mp
import os
from typing import Any

import sympy as sp

_CTX = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
_CACHE: dict[Any, sp.Expr | None] = {}


def _integrate(expr: sp.Expr, limits: tuple) -> sp.Expr:
    return sp.integrate(expr, *limits, conds="none")


def _call_child(conn, func, args) -> None:  # pragma: no cover - runs in the child process
    try:
        conn.send(func(*args))
    except BaseException as exc:
        conn.send(repr(exc))
    finally:
        conn.close()


def call_within(func, *args: Any, seconds: float) -> Any:
    """``func(*args)`` if it returns within ``seconds`` (in a child process), else ``None``.

    >>> call_within(sp.simplify, sp.sin(sp.Symbol("t"))**2 + sp.cos(sp.Symbol("t"))**2, seconds=20)
    1
    """
    if seconds <= 0:
        return None
    if _CTX is None:
        try:
            return func(*args)
        except Exception:
            return None
    parent, child = _CTX.Pipe(duplex=False)
    proc = _CTX.Process(target=_call_child, args=(child, func, args), daemon=True)
    proc.start()
    child.close()
    result = None
    if parent.poll(seconds):
        try:
            result = parent.recv()
        except (EOFError, OSError):
            result = None
    if proc.is_alive():
        proc.terminate()
    proc.join(1)
    if proc.is_alive() and proc.pid is not None:  # ignored SIGTERM: stop it for good
        os.kill(proc.pid, 9)
        proc.join()
    parent.close()
    return None if isinstance(result, str) else result


def acceptable(result: object) -> bool:
    """Whether an integration result counts as closed (no Integral, no SymPy-only special forms)."""
    if not isinstance(result, sp.Expr):
        return False
    if result.has(sp.Integral, sp.meijerg, sp.hyper, sp.Sum, sp.Piecewise):
        return False
    return not result.has(sp.nan, sp.zoo)


def integrate_within(expr: sp.Expr, *limits: tuple, seconds: float) -> sp.Expr | None:
    """``integrate(expr, *limits)`` if SymPy closes it within ``seconds``, else ``None``.

    >>> x = sp.Symbol("x", positive=True)
    >>> integrate_within(x * sp.exp(-x), (x, 0, sp.oo), seconds=20)
    1
    """
    key = (expr, limits)
    if key in _CACHE:
        return _CACHE[key]
    if seconds <= 0:
        return None
    result = call_within(_integrate, expr, limits, seconds=seconds)
    result = result if acceptable(result) else None
    _CACHE[key] = result
    return result
