"""Benchmark: every registered KL pair with symbolic parameters, closed form vs SymPy.

For each pair: whether a closed-form rule answered (``closed``), answered ``oo``, or declined
(``fallback``), and the seconds it took; then, for comparison, SymPy itself (which has no KL):
``sympy.stats.E(log(p(X)/q(X)))`` run in a separate process killed after ``--sympy-timeout``.

    python benchmarks/bench_kl.py --quick          # 5 s SymPy budget per pair
    python benchmarks/bench_kl.py --sympy-timeout 60
    python benchmarks/bench_kl.py --no-sympy       # symbinfo only
"""

from __future__ import annotations

import argparse
import multiprocessing as mproc
import sys
import time
from pathlib import Path

import sympy as sp
from sympy.stats import crv_types as C
from sympy.stats import drv_types as D
from sympy.stats import frv_types as F

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout, not an install

from symbinfo.closedforms import KL_DIVERGENCE
from symbinfo.closedforms.kl_crossfamily import NEG_LOG_Q
from symbinfo.distributions.families import EXPECT

POS, REAL = {"positive": True}, {"real": True}
KINDS = {  # SymPy argument kinds per family (symbolic parameters with their assumptions)
    C.NormalDistribution: [REAL, POS],
    C.LogNormalDistribution: [REAL, POS],
    C.ExponentialDistribution: [POS],
    C.GammaDistribution: [POS, POS],
    C.BetaDistribution: [POS, POS],
    C.LaplaceDistribution: [REAL, POS],
    C.GumbelDistribution: [POS, REAL],
    C.ParetoDistribution: [POS, POS],
    C.UniformDistribution: [REAL, REAL],
    C.WeibullDistribution: [POS, POS],
    C.RayleighDistribution: [POS],
    C.ChiSquaredDistribution: [POS],
    C.ChiDistribution: [POS],
    C.CauchyDistribution: [REAL, POS],
    C.MaxwellDistribution: [POS],
    C.NakagamiDistribution: [POS, POS],
    C.GammaInverseDistribution: [POS, POS],
    C.LevyDistribution: [REAL, POS],
    C.FrechetDistribution: [POS, POS, REAL],
    C.GaussianInverseDistribution: [POS, POS],
    C.VonMisesDistribution: [REAL, POS],
    C.MoyalDistribution: [REAL, POS],
    D.PoissonDistribution: [POS],
    D.GeometricDistribution: [POS],
    D.NegativeBinomialDistribution: [POS, POS],
}


def make(cls, prefix: str):
    syms = [sp.Symbol(f"{prefix}{i}", **k) for i, k in enumerate(KINDS[cls])]
    if cls is C.GumbelDistribution:
        syms.append(sp.false)
    return cls(*syms)


def pairs():
    out = [(c, c) for c in KINDS]
    out += [(p, q) for p in EXPECT for q in NEG_LOG_Q if p is not q]
    out += [(C.NormalDistribution, D.PoissonDistribution)]  # continuous against atoms
    return out


def build(pc, qc):
    P, Q = make(pc, "p"), make(qc, "q")
    if pc is qc is D.NegativeBinomialDistribution:
        Q = qc(P.args[0], Q.args[1])  # same r
    return P, Q


def extra_pairs():
    p, q = sp.symbols("p q", positive=True)
    n = sp.Symbol("n", positive=True, integer=True)
    return [
        (
            "Bernoulli || Bernoulli",
            F.BernoulliDistribution(p, 1, 0),
            F.BernoulliDistribution(q, 1, 0),
        ),
        (
            "Binomial || Binomial",
            F.BinomialDistribution(n, p, 1, 0),
            F.BinomialDistribution(n, q, 1, 0),
        ),
        ("Bernoulli || Poisson", F.BernoulliDistribution(p, 1, 0), D.PoissonDistribution(q)),
        ("Poisson || Binomial", D.PoissonDistribution(p), F.BinomialDistribution(3, q, 1, 0)),
    ]


def _sympy_kl(P, Q, conn) -> None:
    """SymPy's own route: E[log p(X) - log q(X)] over P's support (no KL exists in sympy)."""
    from sympy.stats.crv import SingleContinuousDistribution
    from sympy.stats.frv import SingleFiniteDistribution

    x = (
        sp.Symbol("x", real=True)
        if isinstance(P, SingleContinuousDistribution)
        else sp.Symbol("k", integer=True, nonnegative=True)
    )

    def dens(d):  # SymPy's finite distributions have pmf, the others pdf
        return d.pmf if hasattr(type(d), "pmf") else d.pdf

    try:
        if isinstance(P, SingleContinuousDistribution):
            lo, hi = P.set.inf, P.set.sup
            res = sp.integrate(P.pdf(x) * sp.log(P.pdf(x) / Q.pdf(x)), (x, lo, hi))
        elif isinstance(P, SingleFiniteDistribution):  # a finite sum over P's atoms
            res = sp.Add(*[w * sp.log(w / dens(Q)(k)) for k, w in P.dict.items()])
        else:
            res = sp.summation(
                dens(P)(x) * sp.log(dens(P)(x) / dens(Q)(x)), (x, P.set.inf, P.set.sup)
            )
        conn.send("closed" if not res.has(sp.Integral, sp.Sum) else "unevaluated")
    except Exception as exc:
        conn.send(f"error: {type(exc).__name__}")


def time_sympy(P, Q, timeout: float) -> tuple[str, float]:
    recv, send = mproc.Pipe(duplex=False)
    proc = mproc.Process(target=_sympy_kl, args=(P, Q, send), daemon=True)
    t0 = time.perf_counter()
    proc.start()
    got = recv.poll(timeout)
    elapsed = time.perf_counter() - t0
    if got:
        status = recv.recv()
        proc.join()
    else:
        proc.terminate()
        proc.join()
        status = "timeout"
    return status, elapsed


def name(c) -> str:
    return c.__name__.removesuffix("Distribution")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sympy-timeout", type=float, default=60.0)
    ap.add_argument("--quick", action="store_true", help="SymPy budget 5 s per pair")
    ap.add_argument("--no-sympy", action="store_true")
    args = ap.parse_args()
    budget = 5.0 if args.quick else args.sympy_timeout
    rows = [(f"{name(pc)} || {name(qc)}", *build(pc, qc)) for pc, qc in pairs()] + extra_pairs()
    tot_si = tot_sp = 0.0
    counts = {"closed": 0, "oo": 0, "fallback": 0}
    sp_closed = 0
    print(f"{'pair':36s} {'symbinfo':9s} {'s':>7s}   {'sympy':12s} {'s':>7s}  ratio")
    for label, P, Q in rows:
        t0 = time.perf_counter()
        got = KL_DIVERGENCE.apply(P, Q)
        dt = time.perf_counter() - t0
        kind = "fallback" if got is None else ("oo" if got[0] == sp.oo else "closed")
        counts[kind] += 1
        tot_si += dt
        line = f"{label:36s} {kind:9s} {dt:7.3f}"
        if not args.no_sympy:
            status, st = time_sympy(P, Q, budget)
            tot_sp += st
            sp_closed += status == "closed"
            line += f"   {status:12s} {st:7.2f}  {st / max(dt, 1e-6):8.0f}x"
        print(line, flush=True)
    print(
        f"\n{len(rows)} pairs: {counts['closed']} closed, {counts['oo']} oo, "
        f"{counts['fallback']} fallback; symbinfo total {tot_si:.2f} s"
    )
    if not args.no_sympy:
        print(
            f"sympy (budget {budget:g} s/pair): {sp_closed} closed, total {tot_sp:.1f} s "
            f"(lower bound: timeouts count as the budget); ratio {tot_sp / max(tot_si, 1e-6):.0f}x"
        )


if __name__ == "__main__":
    main()
