"""E_P[g(X)] by mpmath quadrature of SymPy's own density over the record's true support: an
independent oracle for the family records and for every closed form built from them."""

from __future__ import annotations

import itertools

import mpmath
import sympy as sp

from symbinfo.distributions.continuous import read_univariate

DPS = 30
X = sp.Symbol("x", real=True)


def _mp(v: sp.Expr) -> mpmath.mpf:
    return mpmath.mpf(sp.N(v, DPS + 10)) if v.is_finite else (
        mpmath.inf if v == sp.oo else -mpmath.inf)


# where a density with a double-exponential tail is below 1e-1000 (mpmath would spend minutes on
# exp(-exp(huge)) further out): (left cut, None) or (None, right cut)
CUTS = {
    "Gumbel": lambda d: (d.mu - 8 * d.beta, None),  # exp(-e**8) ~ 1e-1294
    "Moyal": lambda d: (d.mu - 9 * d.sigma, None),  # exp(-e**9/2) ~ 1e-1759
    "Gompertz": lambda d: (None, sp.log(1 + 3000 / d.eta) / d.b),  # exp(-3000)
    "Frechet": lambda d: (d.m + d.s * sp.Integer(3000) ** (-1 / d.a), None),  # exp(-3000)
}


def expect_quad(dist, g=sp.S.One, dps=DPS, breaks=()):
    """∫ g(x) f(x) dx over the true support, split at the parameter values, at 0 and at
    ``breaks``; a density SymPy writes with a Sum is integrated piece by piece."""
    view = read_univariate(dist)
    pieces = view.pieces(X)
    if pieces:
        return sum(mpmath.quad(sp.lambdify(X, g * f, modules="mpmath"), [_mp(a), _mp(b)])
                   for f, a, b in pieces)
    lo, hi = view.bounds
    cut = CUTS.get(view.family)
    if cut is not None:  # double-exponential tails: nothing beyond the cut at these digits
        lo, hi = (max(lo, cut(dist)[0]), hi) if cut(dist)[0] is not None else (
            lo, min(hi, cut(dist)[1]))
    f = sp.lambdify(X, (g * dist.pdf(X)).evalf(dps + 10), modules="mpmath")
    pts = {lo, hi}
    for a in [*dist.args, 0, *breaks]:
        if isinstance(a, sp.Number) and (lo < a) == sp.true and (a < hi) == sp.true:
            pts.add(a)
    nodes = [_mp(p) for p in sorted(pts, key=lambda p: float(p))]

    def h(t):
        try:
            v = f(t)
        except (ZeroDivisionError, OverflowError, MemoryError):
            # exp(b/(x - mu)) - 1 at the very end; exp(-exp(huge)) far in a Gumbel tail
            return mpmath.mpf(0)
        v = v.real if isinstance(v, mpmath.mpc) else v
        return v if mpmath.isfinite(v) else mpmath.mpf(0)

    with mpmath.workdps(dps + 10):
        total = mpmath.mpf(0)
        for a, b in itertools.pairwise(nodes):
            if mpmath.isinf(b):
                total += _tail(lambda v, a=a: mpmath.exp(v) * h(a + mpmath.exp(v)))
            elif mpmath.isinf(a):
                total += _tail(lambda v, b=b: mpmath.exp(v) * h(b - mpmath.exp(v)))
            else:
                total += mpmath.quad(h, [a, b])
        return +total


def _tail(g) -> mpmath.mpf:
    """A half-line integral in v, x = end ± e**v (algebraic tails become exponential ones),
    segment by segment, stopping once a segment adds < 1e-45: light tails never make mpmath
    evaluate exp(-exp(huge)), heavy ones are followed out to v = 16000."""
    total = mpmath.quad(g, [-mpmath.inf, 0, 3])
    for a, b in itertools.pairwise([3, 10, 60, 250, 1000, 4000, 16000]):
        piece = mpmath.quad(g, [a, b])
        total += piece
        if abs(piece) < mpmath.mpf("1e-45"):
            break
    return total


def close(a, b, digits=20) -> bool:
    return abs(a - b) <= mpmath.mpf(10) ** -digits * max(1, abs(b))
