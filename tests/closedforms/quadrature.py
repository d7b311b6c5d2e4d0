"""Independent numerical entropies: mpmath quadrature/summation of the definition.

The integrand is SymPy's own ``dist.pdf`` lambdified to mpmath, never a rule's closed form.
Each piece between breakpoints is integrated in a variable measured from its nearer end
(x = p + u**4 or x = q - u**4, substituted symbolically), so factors like (x - a) and (b - x) are
computed without cancellation next to endpoints, and the power u**4 smooths integrable endpoint
singularities (t**(-1/2) log t) that tanh-sinh would otherwise truncate at ~sqrt(10**-dps).
"""

from __future__ import annotations

import itertools

import mpmath
import sympy as sp

from symbinfo.distributions.continuous import true_support

_GRID = [0, 2, -2, 20, -20]


def _breakpoints(dist, lo, hi) -> list:
    pts = {lo, hi}
    for v in [*_GRID, *(a for a in dist.args if isinstance(a, sp.Number))]:
        v = sp.sympify(v)
        if (lo < v) == sp.true and (v < hi) == sp.true:
            pts.add(v)
    return sorted(pts, key=lambda p: float(p))


def _neg_f_log_f(expr, t):
    f = sp.lambdify(t, expr, modules="mpmath")

    def g(s):
        v = f(s)
        if isinstance(v, mpmath.mpc):
            v = v.real
        return -v * mpmath.log(v) if v > 0 else mpmath.mpf(0)

    return g


def entropy_by_quadrature(dist, dps: int = 35) -> mpmath.mpf:
    """-∫ f log f over the true support of ``dist`` (numeric parameters), by mpmath.quad."""
    x = sp.Symbol("x", real=True)
    t = sp.Symbol("t", positive=True)
    support = true_support(dist)
    pdf = dist.pdf(x)
    pts = _breakpoints(dist, support.inf, support.sup)
    total = mpmath.mpf(0)
    with mpmath.workdps(dps):
        for p, q in itertools.pairwise(pts):
            if p.is_finite and q.is_finite:
                mid = (p + q) / 2
                pieces = [(pdf.subs(x, p + t**4), mid - p), (pdf.subs(x, q - t**4), q - mid)]
            elif p.is_finite:
                pieces = [(pdf.subs(x, p + t), sp.oo)]
            else:
                pieces = [(pdf.subs(x, q - t), sp.oo)]
            for expr, length in pieces:
                g = _neg_f_log_f(expr, t)
                if length is sp.oo:  # t = exp(v): algebraic tails become exponential ones
                    total += mpmath.quad(
                        lambda v, g=g: mpmath.exp(v) * g(mpmath.exp(v)),
                        [-mpmath.inf, 0, mpmath.inf],
                    )
                    continue
                end = mpmath.root(mpmath.mpf(sp.N(length, dps + 10)), 4)
                total += mpmath.quad(lambda u, g=g: 4 * u**3 * g(u), [0, end])
        return +total


def entropy_by_summation(dist, dps: int = 35) -> mpmath.mpf:
    """-Σ p log p over the support of a discrete ``dist`` (numeric parameters), by mpmath.nsum."""
    k = sp.Symbol("k", integer=True)
    support = true_support(dist)
    p = sp.lambdify(k, dist.pdf(k), modules="mpmath")
    with mpmath.workdps(dps):

        def term(n):
            v = p(int(n))
            return -v * mpmath.log(v) if v > 0 else mpmath.mpf(0)

        if support.inf.is_finite:
            return mpmath.nsum(term, [int(support.inf), mpmath.inf])
        return mpmath.nsum(term, [-mpmath.inf, -1]) + mpmath.nsum(term, [0, mpmath.inf])
