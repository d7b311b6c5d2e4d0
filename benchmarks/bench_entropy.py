"""Benchmark: the whole entropy catalog with symbolic parameters, symbinfo vs sympy.stats.entropy.

For every univariate continuous family of sympy.stats (plus Erlang and Wald, and the countably
infinite discrete families) the parameters are symbols carrying the assumptions of the declared
domain. symbinfo runs rules + generic engine in this process; ``sympy.stats.entropy`` runs in a
child process killed after ``--sympy-timeout`` seconds (default 60; ``--quick`` uses 5).

    python benchmarks/bench_entropy.py --quick
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import sys
import time
from pathlib import Path

T0 = time.perf_counter()
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sympy as sp  # noqa: E402
import sympy.stats as st  # noqa: E402
import sympy.stats.crv_types as crv  # noqa: E402
import sympy.stats.drv_types as drv  # noqa: E402
from sympy.stats.crv import SingleContinuousDistribution  # noqa: E402

from symbinfo.closedforms import ENTROPY  # noqa: E402
from symbinfo.closedforms.catalog import symbolic_instance  # noqa: E402
from symbinfo.derivation.continuous import differential_entropy  # noqa: E402
from symbinfo.distributions.families import FAMILIES  # noqa: E402


def catalog() -> list[tuple[str, object]]:
    """(name, distribution) for every family, with symbolic parameters."""
    out = []
    for cls in sorted(FAMILIES, key=lambda c: c.__name__):
        if not (cls.__module__.endswith(("crv_types", "drv_types"))):
            continue
        out.append((cls.__name__[: -len("Distribution")], symbolic_instance(cls)))
    lam, mean, shape = sp.symbols("lambda mean shape", positive=True)
    out.append(("Erlang", st.Erlang("X", sp.Symbol("k", positive=True, integer=True), lam)))
    out.append(("Wald", st.Wald("X", mean, shape)))
    return out


def _distribution(obj):
    return obj.pspace.distribution if hasattr(obj, "pspace") else obj


def _random_symbol(obj):
    if hasattr(obj, "pspace"):
        return obj
    if isinstance(obj, SingleContinuousDistribution):
        return crv.rv("X", type(obj), obj.args)
    return drv.rv("X", type(obj), *obj.args)  # drv's rv takes the arguments unpacked


def ours(obj) -> tuple[str, float, sp.Expr]:
    dist = _distribution(obj)
    t = time.perf_counter()
    applied = ENTROPY.apply(dist)
    value = applied[0] if applied is not None else differential_entropy(dist)
    seconds = time.perf_counter() - t
    status = "fallback" if value.has(sp.Integral, sp.Sum) else "closed"
    if value is sp.nan:
        status = "undefined"  # LogCauchy: the entropy does not exist
    return status, seconds, value


def _sympy_child(conn, obj) -> None:  # runs in the child process
    try:
        value = st.entropy(_random_symbol(obj))
        conn.send("fallback" if value.has(sp.Integral, sp.Sum) else "closed")
    except Exception as exc:
        conn.send(f"error: {type(exc).__name__}")
    conn.close()


def sympys(obj, timeout: float) -> tuple[str, float]:
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_sympy_child, args=(child, obj), daemon=True)
    t = time.perf_counter()
    proc.start()
    child.close()
    status = parent.recv() if parent.poll(timeout) else "timeout"
    seconds = time.perf_counter() - t
    if proc.is_alive():
        proc.terminate()
    proc.join()
    return status, min(seconds, timeout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sympy-timeout", type=float, default=60.0)
    parser.add_argument("--quick", action="store_true", help="SymPy timeout of 5 s")
    parser.add_argument("--no-sympy", action="store_true", help="time symbinfo only")
    args = parser.parse_args(argv)
    timeout = 5.0 if args.quick else args.sympy_timeout

    rows = []
    print(f"{'family':18s} {'symbinfo':9s} {'s':>6s}   {'sympy':16s} {'s':>6s}")
    for name, obj in catalog():
        status, secs, _ = ours(obj)
        s_status, s_secs = ("skipped", 0.0) if args.no_sympy else sympys(obj, timeout)
        rows.append((name, status, secs, s_status, s_secs))
        print(f"{name:18s} {status:9s} {secs:6.2f}   {s_status:16s} {s_secs:6.2f}", flush=True)

    ours_t = [r[2] for r in rows]
    sym_t = [r[4] for r in rows]
    closed = [r[0] for r in rows if r[1] == "closed"]
    print()
    print(f"families: {len(rows)}")
    other = [f"{r[0]} ({r[1]})" for r in rows if r[1] != "closed"]
    print(f"symbinfo closed: {len(closed)}; not closed: {other}")
    closed_t = [r[2] for r in rows if r[1] == "closed"]
    print(f"symbinfo closed families: max {max(closed_t):.3f} s, total {sum(closed_t):.2f} s")
    print(f"symbinfo median {statistics.median(ours_t):.3f} s, total {sum(ours_t):.2f} s, "
          f"max {max(ours_t):.2f} s; wall from cold start {time.perf_counter() - T0:.1f} s")
    if not args.no_sympy:
        s_closed = [r[0] for r in rows if r[3] == "closed"]
        timed_out = [r[0] for r in rows if r[3] == "timeout"]
        print(f"sympy closed: {len(s_closed)}; timed out ({timeout:g} s): {len(timed_out)} "
              f"{timed_out}")
        print(f"sympy median {statistics.median(sym_t):.3f} s, total {sum(sym_t):.2f} s "
              "(timeouts counted at the limit)")
        print(f"ratio sympy/symbinfo total time: {sum(sym_t) / max(sum(ours_t), 1e-9):.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
