"""Benchmark the exported Gaussian KL divergence.

1. NumPy: the exported function over 10**6 parameter points vs a hand-written NumPy expression
   (target: within 1.5x).
2. mpmath at 50 digits: the exported function vs ``expr.evalf(50, subs=...)`` (target: >= 10x
   faster).

Run from the repository root: ``python benchmarks/bench_codegen.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import mpmath
import numpy as np
import sympy as sp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's symbinfo

from symbinfo.codegen import to_mpmath, to_numpy
from symbinfo.derivation.derivation import derive
from symbinfo.measures import KLDivergence


def best_of(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    from sympy.stats import Normal

    m1, m2 = sp.symbols("mu_1 mu_2", real=True)
    s1, s2 = sp.symbols("sigma_1 sigma_2", positive=True)
    # the closed form as the derivation arrives at it (not typed in by hand)
    kl = derive(KLDivergence(Normal("P", m1, s1), Normal("Q", m2, s2))).result
    args = [m1, s1, m2, s2]
    print(f"expression: {kl}")

    n = 10**6
    rng = np.random.default_rng(0)
    a, c = rng.uniform(-3, 3, n), rng.uniform(-3, 3, n)
    b, d = rng.uniform(0.1, 3, n), rng.uniform(0.1, 3, n)

    exported = to_numpy(kl, args)

    def by_hand(mu1, sig1, mu2, sig2):
        return np.log(sig2 / sig1) + (sig1**2 + (mu1 - mu2) ** 2) / (2 * sig2**2) - 0.5

    assert np.allclose(exported(a, b, c, d), by_hand(a, b, c, d), rtol=1e-12, atol=1e-12)
    t_export = best_of(lambda: exported(a, b, c, d))
    t_hand = best_of(lambda: by_hand(a, b, c, d))
    ratio = t_export / t_hand
    print(f"NumPy, {n:,} points: exported {t_export * 1e3:.1f} ms, hand-written "
          f"{t_hand * 1e3:.1f} ms, ratio {ratio:.2f}x (target <= 1.5x) "
          f"{'OK' if ratio <= 1.5 else 'MISSED'}")

    # 200 parameter points as exact 3-decimal strings: both sides read the same numbers
    points = [tuple(f"{v:.3f}" for v in (a[i], b[i], c[i], d[i])) for i in range(200)]
    exact = [dict(zip(args, (sp.Rational(v) for v in pt), strict=True)) for pt in points]
    fast = to_mpmath(kl, args, dps=50)
    with mpmath.workdps(50):
        for pt, subs in zip(points[:5], exact[:5], strict=True):
            ref = mpmath.mpf(str(kl.evalf(50, subs=subs)))
            assert abs(fast(*pt) - ref) <= mpmath.mpf(10) ** -45 * max(1, abs(ref))

    # inputs made in the exported function's own 50-digit context (as a caller chaining
    # mpmath computations would): no conversion per call
    numbers = [tuple(fast.context.mpf(v) for v in pt) for pt in points]

    def exported_mp():
        for pt in numbers:
            fast(*pt)

    def exported_strings():
        for pt in points:
            fast(*pt)

    def evalf():
        for subs in exact:
            kl.evalf(50, subs=subs)

    t_fast = best_of(exported_mp, repeat=3)
    t_strings = best_of(exported_strings, repeat=3)
    t_evalf = best_of(evalf, repeat=3)
    speedup = t_evalf / t_fast
    print(f"mpmath at 50 digits, {len(points)} points: exported (mpf inputs) {t_fast * 1e3:.1f} ms,"
          f" evalf(subs=) {t_evalf * 1e3:.1f} ms, speed-up {speedup:.1f}x (target >= 10x) "
          f"{'OK' if speedup >= 10 else 'MISSED'}")
    print(f"  with decimal-string inputs parsed on every call: {t_strings * 1e3:.1f} ms, "
          f"speed-up {t_evalf / t_strings:.1f}x")
    backend = mpmath.libmp.BACKEND
    print(f"  mpmath backend: {backend} (gmpy2 makes both sides faster)")


if __name__ == "__main__":
    main()
