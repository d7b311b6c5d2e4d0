"""The variance of the score, E[∂_i log p ∂_j log p], by mpmath quadrature or summation.

Independent of symbinfo's Fisher information: SymPy's own density, its log differentiated here
and lambdified to mpmath, integrated over the support at ``dps`` digits. The density is computed
as exp(log p) and taken as 0 where log p < -10**5: exp(-exp(huge)) in a Gumbel or Gompertz tail
would otherwise need a mantissa exponent too large to build.
"""

from __future__ import annotations

import math

import mpmath
import sympy as sp

from symbinfo.distributions.continuous import pdf_of, true_support


def score_variance(dist, syms, point, dps: int = 30) -> sp.Matrix:
    """Matrix of E[s_i s_j] for ``dist`` (symbolic in ``syms``) at ``point`` (symbol -> value)."""
    x = sp.Symbol("x", real=True)
    finite = true_support(dist)
    if isinstance(finite, sp.FiniteSet) or (isinstance(finite, sp.Range)
                                            and finite.size.is_Integer):
        # a finite family: the sum itself
        total = sp.zeros(len(syms), len(syms))
        for v in finite:
            p = pdf_of(dist, v)
            s = [sp.diff(sp.log(p), t) for t in syms]
            total += (sp.Matrix(s) * sp.Matrix(s).T * p).xreplace(point)
        return total.applyfunc(lambda e: sp.Float(sp.N(e, dps + 5), dps))
    logp = sp.expand_log(sp.log(pdf_of(dist, x)), force=True)
    scores = [sp.diff(logp, s) for s in syms]
    support = true_support(dist.xreplace(point))
    lo, hi = support.inf, support.sup
    discrete = support.is_subset(sp.S.Integers) is True
    n = len(syms)
    out = sp.zeros(n, n)
    with mpmath.workdps(dps + 5):
        lp = sp.lambdify(x, logp.xreplace(point).evalf(dps + 15), modules="mpmath")
        fs = [sp.lambdify(x, s.xreplace(point).evalf(dps + 15), modules="mpmath") for s in scores]

        def integrand(i: int, j: int):
            def g(t):
                v = lp(t)
                v = v.real if isinstance(v, mpmath.mpc) else v
                if not mpmath.isfinite(v) or v < -10**5:
                    return mpmath.mpf(0)
                w = fs[i](t) * fs[j](t) * mpmath.exp(v)
                return w.real if isinstance(w, mpmath.mpc) else w
            return g

        def shifted(i: int, j: int):
            u = sp.Symbol("u", positive=True)
            at = {x: lo.xreplace(point) + u}
            lu = sp.lambdify(u, logp.xreplace(point).subs(at).evalf(dps + 15), modules="mpmath")
            su = [sp.lambdify(u, sc.xreplace(point).subs(at).evalf(dps + 15), modules="mpmath")
                  for sc in (scores[i], scores[j])]

            def g(t):
                v = lu(t)
                v = v.real if isinstance(v, mpmath.mpc) else v
                if not mpmath.isfinite(v) or v < -10**5:
                    return mpmath.mpf(0)
                w = su[0](t) * su[1](t) * mpmath.exp(v)
                return w.real if isinstance(w, mpmath.mpc) else w
            return g

        a = mpmath.mpf(str(sp.N(lo, dps + 10))) if lo.is_finite else -mpmath.inf
        b = mpmath.mpf(str(sp.N(hi, dps + 10))) if hi.is_finite else mpmath.inf
        for i in range(n):
            for j in range(i, n):
                g = integrand(i, j)
                if discrete:
                    value = mpmath.nsum(g, [a, b])
                elif a != -mpmath.inf and b == mpmath.inf:
                    # x = lo + e^t (lo exact, substituted before lambdifying: x - lo is never
                    # rounded to 0 or below): the end and a heavy tail both become gentle
                    gu = shifted(i, j)
                    value = mpmath.quad(lambda t, gu=gu: gu(mpmath.exp(t)) * mpmath.exp(t),
                                        [-mpmath.inf, -10, 0, 10, mpmath.inf])
                else:
                    marks = {mpmath.mpf(str(sp.N(v, dps + 10))) for v in point.values()} | {0}
                    value = mpmath.quad(g, [a, *sorted(c for c in marks if a < c < b), b])
                out[i, j] = out[j, i] = sp.Float(value, dps)
    return out


def _guarded(expr: sp.Expr, x: sp.Symbol, dps: int):
    """``expr`` as an mpmath function of x that is 0 where a float evaluation underflows to 0
    or overflows (exp(-exp(huge)) in a tail, whose exact mpmath value would take forever): the
    integrals checked converge, so such points carry nothing at the digits compared."""
    fast = sp.lambdify(x, expr, modules=["math", "mpmath"])
    slow = sp.lambdify(x, expr.evalf(dps + 15), modules="mpmath")

    def g(t):
        try:
            ft = float(t)
            v = fast(ft) if math.isfinite(ft) else 0.0
            if v == 0.0 or not math.isfinite(abs(v)):  # underflow, or inf * 0 in a far tail
                return mpmath.mpf(0)
        except (OverflowError, ValueError, ZeroDivisionError):
            return mpmath.mpf(0)
        except TypeError:  # a special function math lacks: take mpmath's word
            pass
        v = slow(t)
        return v.real if isinstance(v, mpmath.mpc) else v

    return g


def numeric(expr: sp.Expr, dps: int = 30) -> sp.Float:
    """``expr`` with every Integral/Sum replaced by its mpmath quadrature/summation."""

    def integral(e: sp.Integral) -> sp.Float:
        (x, lo, hi), = e.limits
        g = _guarded(e.function, x, dps)
        with mpmath.workdps(dps + 5):
            a = mpmath.mpf(str(sp.N(lo, dps + 10))) if lo.is_finite else -mpmath.inf
            b = mpmath.mpf(str(sp.N(hi, dps + 10))) if hi.is_finite else mpmath.inf
            if isinstance(e, sp.Sum):
                return sp.Float(mpmath.nsum(g, [a, b]), dps + 5)
            if a != -mpmath.inf and b == mpmath.inf:
                return sp.Float(mpmath.quad(lambda t: g(a + mpmath.exp(t)) * mpmath.exp(t),
                                            [-mpmath.inf, -10, 0, 10, mpmath.inf]), dps + 5)
            cuts = [a, *([mpmath.mpf(0)] if a < 0 < b else []), b]
            return sp.Float(mpmath.quad(g, cuts), dps + 5)

    done = expr.replace(lambda e: isinstance(e, (sp.Integral, sp.Sum)), integral)
    return sp.N(done, dps)
