"""Independent numeric oracles for the divergence tests: mpmath quadrature / summation of the
definitions, written from SymPy's own ``pdf``s (never from the closed forms under test)."""

from __future__ import annotations

import mpmath as mp
import sympy as sp

DPS = 35
RTOL = mp.mpf(10) ** -28  # 30 significant digits asked; 28 leaves room for quadrature round-off
_x = sp.Symbol("x", real=True)


def _fn(expr: sp.Expr):
    return sp.lambdify(_x, expr, modules="mpmath")


def pdf_fn(dist):
    return _fn(dist.pdf(_x))


def _breaks(breaks) -> list:
    """Interval ends and kinks, turned into mpf at DPS digits (SymPy numbers or +-oo in)."""
    out = []
    for b in breaks:
        b = sp.sympify(b)
        out.append(mp.inf if b == sp.oo else -mp.inf if b == -sp.oo else mp.mpf(sp.N(b, DPS)))
    return out


def kl_quad(p, q, breaks) -> mp.mpf:
    """int p log(p/q) dx over ``breaks`` (support of P with its kinks), at DPS digits."""
    fp, fq = pdf_fn(p), pdf_fn(q)

    def f(t):
        a = fp(t)
        return mp.mpf(0) if a == 0 else a * (mp.log(a) - mp.log(fq(t)))

    with mp.workdps(DPS):
        return mp.quad(f, _breaks(breaks), maxdegree=10)


def ce_quad(p, q, breaks) -> mp.mpf:
    """-int p log q dx."""
    fp, fq = pdf_fn(p), pdf_fn(q)

    def f(t):
        a = fp(t)
        return mp.mpf(0) if a == 0 else -a * mp.log(fq(t))

    with mp.workdps(DPS):
        return mp.quad(f, _breaks(breaks), maxdegree=10)


def kl_sum(p, q, lo, hi=mp.inf) -> mp.mpf:
    """sum_k p(k) log(p(k)/q(k)) for discrete P, Q (direct, by mpmath nsum or a finite loop)."""
    fp, fq = pdf_fn(p), pdf_fn(q)

    def f(k):
        a = fp(k)
        return mp.mpf(0) if a == 0 else a * (mp.log(a) - mp.log(fq(k)))

    with mp.workdps(DPS):
        if hi == mp.inf:
            return mp.nsum(f, [lo, mp.inf])
        return mp.fsum(f(mp.mpf(k)) for k in range(int(lo), int(hi) + 1))


def value(expr: sp.Expr, subs: dict) -> mp.mpf:
    """The closed form at a parameter point, evaluated by SymPy at DPS digits."""
    v = sp.N(sp.sympify(expr).subs(subs), DPS)
    assert v.is_real, f"not a real number: {v}"
    with mp.workdps(DPS):
        return mp.mpf(v) if v.is_finite else mp.inf


def close(a, b, rtol=RTOL) -> bool:
    with mp.workdps(DPS):
        ok = abs(a - b) <= rtol * max(1, abs(b))
        if not ok:
            print(f"closed form {a}\noracle      {b}\nrel. error  {abs(a - b) / max(1, abs(b))}")
        return ok
