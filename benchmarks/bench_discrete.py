"""Exact measures of finite tables, side by side: symbinfo, a hand-written SymPy sum, dit's
symbolic mode (when dit is importable) and the exact limit.

The exact limit is the same value as rational coefficients of logarithms, computed with
Python's ``fractions`` and integer factorisation (trial division; a cofactor too long to
factor stays one "prime"): about 30 lines, below. Every table is new (a fresh seed per
repetition, so no cache helps) and has many distinct weights: random rationals a/b with
a <= 1000 and b <= ``dmax`` (1 for integer weights, up to 1000), normalised.

Times are CPU seconds of this process (``time.process_time``): the machine may be shared.
Each cell is the median over ``--repeat`` runs. The other methods run in a forked child
stopped after ``--cap`` CPU seconds (">cap"), and are then not run on larger sizes ("-"), nor
where their time grown as cells**2 from their largest run so far would exceed 4 x ``--cap``.
The growth exponent is the slope of log(time) against log(cells) over the n x n series.

Run:  python benchmarks/bench_discrete.py [--repeat 5] [--cap 20] [--quick]
dit is not a dependency; to include it: pip install --target /tmp/dit_env dit, then
PYTHONPATH=/tmp/dit_env:. python benchmarks/bench_discrete.py
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import random
import resource
import statistics
import sys
import time
from collections import Counter
from fractions import Fraction
from pathlib import Path

# Benchmark the checkout this script lives in, not whichever symbinfo is installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sympy as sp
from sympy.ntheory import factorint

import symbinfo as si

try:
    import dit
    from dit.symbolic import symbolic_distribution
except ImportError:  # optional
    dit = None


# --- tables ------------------------------------------------------------------------------

def random_table(shape: tuple[int, ...], seed: int, dmax: int) -> dict[tuple, Fraction]:
    rng = random.Random(seed)
    cells = list(itertools.product(*(range(n) for n in shape)))
    weights = [Fraction(rng.randint(1, 1000), rng.randint(1, dmax)) for _ in cells]
    total = sum(weights)
    return {c: w / total for c, w in zip(cells, weights, strict=True)}


def symbolic_table(seed: int) -> dict[tuple, sp.Expr]:
    """4 x 4 with 4 free symbols (4 diagonal cells) and one cell that makes it sum to 1."""
    rng = random.Random(seed)
    a, b, c, d = sp.symbols("a b c d", positive=True)
    table = {(i, j): sp.Rational(rng.randint(1, 9), 200) for i in range(4) for j in range(4)}
    for k, s in enumerate((a, b, c, d)):
        table[(k, k)] = s
    table[(3, 2)] = 0
    table[(3, 2)] = 1 - sp.Add(*table.values())
    return table


# --- the measures: (name, variable groups) -------------------------------------------------

def terms_of(measure: str) -> dict[tuple, int]:
    """The measure as {indices of variables: coefficient of their joint entropy}."""
    return {"H": {(0, 1): 1},
            "I": {(0,): 1, (1,): 1, (0, 1): -1},
            "CMI": {(0, 2): 1, (1, 2): 1, (0, 1, 2): -1, (2,): -1}}[measure]


def run_symbinfo(measure: str, table: dict) -> sp.Expr:
    names = ["X", "Y", "Z"][: len(next(iter(table)))]
    rvs = si.FiniteJointRV(" ".join(names), {k: sp.Rational(v.numerator, v.denominator)
                                            if isinstance(v, Fraction) else v
                                            for k, v in table.items()})
    if measure == "H":
        return si.entropy(*rvs)
    if measure == "I":
        return si.mutual_information(rvs[0], rvs[1])
    return si.mutual_information(rvs[0], rvs[1], given=rvs[2])


def run_sympy_sum(measure: str, table: dict) -> sp.Expr:
    """The textbook sum as a person writes it: marginals by adding, then
    -sum(p * log(p)) per joint entropy (Python's sum, SymPy's exact arithmetic)."""
    pmf = {k: sp.Rational(v.numerator, v.denominator) if isinstance(v, Fraction) else v
           for k, v in table.items()}
    total = sp.S.Zero
    for idx, coeff in terms_of(measure).items():
        marginal: dict = {}
        for k, p in pmf.items():
            key = tuple(k[i] for i in idx)
            marginal[key] = marginal.get(key, 0) + p
        total += coeff * -sum(p * sp.log(p) for p in marginal.values() if p != 0)
    return total


def run_dit(measure: str, table: dict) -> sp.Expr:
    outcomes = list(table)
    pmf = [sp.Rational(v.numerator, v.denominator) if isinstance(v, Fraction) else v
           for v in table.values()]
    d = symbolic_distribution(outcomes, pmf, validate=False)
    if measure == "H":
        return dit.shannon.entropy(d)
    if measure == "I":
        return dit.shannon.mutual_information(d, [0], [1])
    return dit.multivariate.coinformation(d, [[0], [1]], [2])


# --- the exact limit: fractions and integer factorisation ---------------------------------

_FACTORS: dict[int, dict[int, int]] = {}


def _factor(n: int) -> dict[int, int]:
    if n not in _FACTORS:  # trial division and cheap methods; a long cofactor stays whole
        _FACTORS[n] = factorint(n, limit=2**12) if n > 10**12 else factorint(n)
    return _FACTORS[n]


def limit_entropy(values) -> Counter:
    """−Σ p log p as {prime: Fraction coefficient}."""
    vector: Counter = Counter()
    for p in values:
        if p:
            for prime, k in _factor(p.numerator).items():
                vector[prime] -= p * k
            for prime, k in _factor(p.denominator).items():
                vector[prime] += p * k
    return vector


def run_limit(measure: str, table: dict) -> Counter:
    total: Counter = Counter()
    for idx, coeff in terms_of(measure).items():
        marginal: dict = {}
        for k, p in table.items():
            key = tuple(k[i] for i in idx)
            marginal[key] = marginal.get(key, 0) + p
        for prime, c in limit_entropy(marginal.values()).items():
            total[prime] += coeff * c
    return total


def limit_value(vector: Counter) -> sp.Expr:
    return sp.Add(*(sp.Rational(c.numerator, c.denominator) * sp.log(b)
                    for b, c in vector.items() if c))


# --- timing --------------------------------------------------------------------------------

CAP = 20.0
METHODS = {"symbinfo": run_symbinfo, "sympy sum": run_sympy_sum, "dit symbolic": run_dit,
           "exact limit": run_limit}


def cpu(func, *args) -> tuple[float, object]:
    start = time.process_time()
    out = func(*args)
    return time.process_time() - start, out


def cpu_bounded(limit: float, func, *args) -> float | None:
    """CPU seconds of ``func(*args)`` run in a forked child (same warm state for every run)
    that is stopped after ``limit`` CPU seconds (``None`` then)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read)
        resource.setrlimit(resource.RLIMIT_CPU, (math.ceil(limit) + 1, math.ceil(limit) + 1))
        seconds, _ = cpu(func, *args)
        os.write(write, repr(seconds).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        text = pipe.read()
    os.waitpid(pid, 0)
    return float(text) if text else None


#: method -> (cells, seconds) of its largest run so far, to skip runs predicted to exceed the cap
HISTORY: dict[str, tuple[int, float]] = {}


def _predicted(name: str, cells: int) -> float:
    """Seconds a run on ``cells`` cells would take if time grew as cells**2 from the largest
    run so far (the hand sum's Python sum is quadratic; the others grow more slowly)."""
    seen = HISTORY.get(name)
    return 0.0 if seen is None or seen[0] >= cells else seen[1] * (cells / seen[0]) ** 2


def measure_row(label: str, measure: str, make, repeat: int, cap: float, skip: set,
                check: bool = True) -> dict[str, float | None]:
    row: dict[str, float | None] = {}
    cells = len(make(0))
    for name, func in METHODS.items():
        if (name in skip or (name == "dit symbolic" and dit is None)
                or _predicted(name, cells) > 4 * cap):
            row[name] = None
            continue
        times = []
        for r in range(repeat):
            table = make(r)
            if name == "exact limit" and not all(isinstance(v, Fraction) for v in table.values()):
                break
            if name == "exact limit":
                _FACTORS.clear()  # factorisations are remembered within one run only
            if name in ("symbinfo", "exact limit"):
                seconds, out = cpu(func, measure, table)
            else:  # the others may take minutes: in a child stopped at the cap
                seconds = cpu_bounded(cap, func, measure, table)
            if seconds is None:
                times.append(math.inf)
                skip.add(name)
                break
            times.append(seconds)
            if check and r == 0 and name == "symbinfo" and all(
                    isinstance(v, Fraction) for v in table.values()):
                exact = limit_value(run_limit(measure, table))
                if abs(sp.N(out - exact, 30)) > 1e-25:
                    raise AssertionError(f"{label}: symbinfo disagrees with the exact limit")
            if seconds > cap:
                skip.add(name)  # too slow here: not run on larger sizes
                break
        row[name] = statistics.median(times) if times and math.isfinite(times[0]) else (
            math.inf if times else None)
        if times and math.isfinite(times[0]) and cells > HISTORY.get(name, (0, 0.0))[0]:
            HISTORY[name] = (cells, row[name])
    return row


def show(label: str, row: dict) -> None:
    cells = []
    for name in METHODS:
        t = row.get(name)
        cells.append(f"{'>' + str(int(CAP)):>9}" if t == math.inf else
                     f"{t:9.4f}" if t is not None else f"{'-':>9}")
    lim, own = row.get("exact limit"), row.get("symbinfo")
    ratios = []
    for other in ("sympy sum", "dit symbolic"):
        t = row.get(other)
        ratios.append(f"{'>' + str(int(CAP / own)) + 'x':>8}" if t == math.inf and own else
                      f"{t / own:7.1f}x" if t is not None and own else f"{'-':>8}")
    ratios.append(f"{own / lim:7.2f}x" if lim and own else f"{'-':>8}")
    print(f"{label:<34}" + " ".join(cells) + "   " + " ".join(ratios), flush=True)


def header(title: str) -> None:
    print(f"\n{title}")
    print(f"{'work':<34}" + " ".join(f"{n[:9]:>9}" for n in METHODS)
          + f"   {'sum/si':>8} {'dit/si':>8} {'si/limit':>8}")


def slope(points: list[tuple[int, float]]) -> float | None:
    points = [(math.log(n), math.log(t)) for n, t in points
              if t and t > 0 and math.isfinite(t)]
    if len(points) < 2:
        return None
    mx = statistics.fmean(x for x, _ in points)
    my = statistics.fmean(y for _, y in points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cap", type=float, default=20.0,
                        help="seconds: a method slower than this on a size skips larger ones")
    parser.add_argument("--quick", action="store_true", help="n up to 32, 3-variable up to 4")
    args = parser.parse_args()
    global CAP
    CAP = args.cap
    print(f"CPU seconds, median of {args.repeat}; dit {'found' if dit else 'not installed'}")
    for name, func in METHODS.items():  # warm up: imports and first-call set-up are not timed
        if name != "dit symbolic" or dit is not None:
            func("I", random_table((2, 2), 0, 1))

    header("The issue's workloads")
    work = [
        ("H(X,Y), 16x16 rational", "H", lambda r: random_table((16, 16), 100 + r, 1)),
        ("I(X;Y), 32x32", "I", lambda r: random_table((32, 32), 200 + r, 1)),
        ("H(X,Y), 64x64, denominators <= 1000", "H",
         lambda r: random_table((64, 64), 300 + r, 1000)),
        ("I(X;Y|Z), 8x8x8", "CMI", lambda r: random_table((8, 8, 8), 400 + r, 1000)),
        ("I(X;Y), 4x4 with 4 free symbols", "I", lambda r: symbolic_table(500 + r)),
    ]
    if args.quick:
        work = [w for w in work if "64x64" not in w[0]]
    for label, measure, make in work:
        show(label, measure_row(label, measure, make, args.repeat, args.cap, set()))

    for title, measure, dmax in (("H(X,Y) of n x n tables, integer weights", "H", 1),
                                 ("I(X;Y) of n x n tables, denominators <= 1000", "I", 1000)):
        header(title)
        sizes = [2, 4, 8, 16, 32] + ([] if args.quick else [64])
        skip: set = set()
        series: dict[str, list] = {name: [] for name in METHODS}
        for n in sizes:
            row = measure_row(f"n = {n}", measure,
                              lambda r, n=n, dmax=dmax: random_table((n, n), 1000 * n + r,
                                                                     dmax),
                              args.repeat, args.cap, skip)
            show(f"n = {n}", row)
            for name, t in row.items():
                series[name].append((n * n, t))
        print("growth exponent (time ~ cells^k): " + ", ".join(
            f"{name} {k:.2f}" for name, pts in series.items()
            if (k := slope([p for p in pts if p[1] is not None])) is not None))

    header("I(X;Y|Z) of n x n x n tables, denominators <= 1000")
    skip = set()
    for n in [2, 4] + ([] if args.quick else [8]):
        show(f"n = {n}", measure_row(f"n = {n}", "CMI",
                                     lambda r, n=n: random_table((n, n, n), 7000 + 10 * n + r,
                                                                 1000),
                                     args.repeat, args.cap, skip))


if __name__ == "__main__":
    main()
