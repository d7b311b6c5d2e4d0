"""Independent numerical entropies: mpmath quadrature/summation of the definition.

The integrand is SymPy's own ``dist.pdf`` lambdified to mpmath, never a rule's closed form.
Each piece between breakpoints is integrated in a variable measured from its nearer end
(x = p + u**4 or x = q - u**4, substituted symbolically), so factors like (x - a) and (b - x) are
computed without cancellation next to endpoints, and the power u**4 smooths integrable endpoint
singularities (t**(-1/2) log t) that tanh-sinh would otherwise truncate at ~sqrt(10**-dps).
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

import mpmath
import sympy as sp
import sympy.stats.crv_types as crv
from sympy.codegen.cfunctions import expm1
from sympy.stats.crv import SingleContinuousDistribution

from symbinfo.distributions.continuous import sample_parameters, true_support

_GRID = [0, 2, -2, 20, -20]


def _breakpoints(dist, lo, hi) -> list:
    pts = {lo, hi}
    for v in [*_GRID, *(a for a in dist.args if isinstance(a, sp.Number))]:
        v = sp.sympify(v)
        if (lo < v) == sp.true and (v < hi) == sp.true:
            pts.add(v)
    return sorted(pts, key=lambda p: float(p))


def _is_exp_minus_one(e) -> bool:
    return (
        isinstance(e, sp.Add)
        and len(e.args) == 2
        and sp.S.NegativeOne in e.args
        and any(isinstance(a, sp.exp) for a in e.args)
    )


# Extra digits for evaluating the pdf, per family: Kumaraswamy's (1 - x**a)**(b - 1) next to x = 1
# cancels catastrophically, and with b < 1 the integrand is singular there.
GUARD_DIGITS = {"KumaraswamyDistribution": 100}
# Interior points where the integrand is not smooth but no parameter sits.
EXTRA_BREAKS = {"QuadraticUDistribution": lambda d: [(d.a + d.b) / 2]}


def _neg_f_log_f(expr, t, dps, guard=0):
    # exp(a) - 1 as expm1(a): Davis' pdf divides by it where a -> 0
    expr = expr.replace(
        _is_exp_minus_one, lambda e: expm1(next(a for a in e.args if isinstance(a, sp.exp)).args[0])
    )
    # constants (beta(14/5, 2/5), ...) evaluated once, not at every node
    f = sp.lambdify(t, expr.evalf(dps + 15), modules="mpmath")

    def g(s):
        try:
            with mpmath.workdps(dps + guard):
                v = +f(s)
        except (MemoryError, OverflowError, ZeroDivisionError):
            # exp(-exp(huge)) (Gompertz, Gumbel tails): mpmath would need a huge mantissa for
            # a value far below 1e-1000, whose contribution is nil
            return mpmath.mpf(0)
        if isinstance(v, mpmath.mpc):
            v = v.real
        if not mpmath.isfinite(v):  # 0**(negative) at a node closer to the end than 10**-guard
            return mpmath.mpf(0)
        return -v * mpmath.log(v) if v > 0 else mpmath.mpf(0)

    return g


_TAIL_CUTS = [3, 10, 60, 250, 1000, 4000, 16000]


def _tail(g) -> mpmath.mpf:
    """∫_0^oo g(t) dt as ∫ e^v g(e^v) dv: algebraic tails become exponential ones.

    The v-range is taken segment by segment and stops once a segment adds < 1e-45, so light
    tails never make mpmath evaluate exp(-exp(exp(v))) at huge v, while heavy tails (Davis or
    Lomax with t**-1.1) are followed out to v = 16000.
    """
    h = lambda v: mpmath.exp(v) * g(mpmath.exp(v))  # noqa: E731
    total = mpmath.quad(h, [-mpmath.inf, 0, _TAIL_CUTS[0]])
    for a, b in itertools.pairwise(_TAIL_CUTS):
        piece = mpmath.quad(h, [a, b])
        total += piece
        if abs(piece) < mpmath.mpf("1e-45"):
            break
    return total


def entropy_by_quadrature(dist, dps: int = 35) -> mpmath.mpf:
    """-∫ f log f over the true support of ``dist`` (numeric parameters), by mpmath.quad."""
    x = sp.Symbol("x", real=True)
    t = sp.Symbol("t", positive=True)
    support = true_support(dist)
    pdf = dist.pdf(x)
    pts = _breakpoints(dist, support.inf, support.sup)
    extra = EXTRA_BREAKS.get(type(dist).__name__)
    pts = sorted(set(pts) | set(extra(dist) if extra else []), key=float)
    guard = GUARD_DIGITS.get(type(dist).__name__, 0)
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
                g = _neg_f_log_f(expr, t, dps, guard)
                if length is sp.oo:
                    total += _tail(g)
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
            v = p(mpmath.mpf(n))  # an mpf argument: 5**(1 - k) must not become a float
            return -v * mpmath.log(v) if v > 0 else mpmath.mpf(0)

        def half_line(start: int, step: int) -> mpmath.mpf:
            # direct summation (exact for geometric-type decay); an algebraic tail left after
            # 3000 terms is summed by Euler-Maclaurin (mpmath's default nsum extrapolation is
            # off by ~1e-17 on these series)
            total, n = mpmath.mpf(0), start
            for n in range(start, start + step * 3000, step):
                t = term(n)
                total += t
                if abs(t) < mpmath.mpf(10) ** (-dps - 8) and abs(n - start) > 50:
                    return total
            nxt = n + step
            if step > 0:
                return total + mpmath.nsum(term, [nxt, mpmath.inf], method="euler-maclaurin")
            return total + mpmath.nsum(lambda m: term(-m), [-nxt, mpmath.inf],
                                       method="euler-maclaurin")

        if support.inf.is_finite:
            return half_line(int(support.inf), 1)
        return half_line(0, 1) + half_line(-1, -1)


# ---------------------------------------------------------------------------------------------
# The stored reference table. Quadrature of every family at 3 points costs minutes on a shared
# machine, so the values are computed once by this module (``python -m
# tests.closedforms.quadrature``) and stored with their parameters; the suite recomputes a fixed
# representative subset each run, and all of them with SYMBINFO_SLOW=1.

_BASE = "SingleContinuousDistribution"
REFERENCE_FILE = Path(__file__).with_name("entropy_references.json")


def continuous_families() -> list[type]:
    """Every continuous family class of sympy.stats (Erlang, Wald: Gamma, GaussianInverse)."""
    return sorted(
        (
            cls
            for cls in vars(crv).values()
            if isinstance(cls, type)
            and issubclass(cls, SingleContinuousDistribution)
            and hasattr(cls, "_argnames")
            and cls.__name__ not in {"ContinuousDistributionHandmade", _BASE}
        ),
        key=lambda c: c.__name__,
    )


# Families whose pdf SymPy writes with an infinite Sum (or a Sum up to floor(x)): no lambdified
# quadrature; their fallback is checked separately.
NO_QUADRATURE = {"BetaNoncentralDistribution", "UniformSumDistribution", "LogCauchyDistribution"}


def build(cls: type, point: dict):
    return cls(*[point[n] for n in cls._argnames])


def compute_references(names: list[str] | None = None) -> dict:
    table = {}
    for cls in continuous_families():
        if cls.__name__ in NO_QUADRATURE or (names and cls.__name__ not in names):
            continue
        rows = []
        for point in sample_parameters(cls, 3):
            value = entropy_by_quadrature(build(cls, point))
            params = {k: str(v) for k, v in point.items()}
            rows.append({"params": params, "value": mpmath.nstr(value, 34)})
            print(cls.__name__, point, rows[-1]["value"], flush=True)
        table[cls.__name__] = rows
    return table


if __name__ == "__main__":
    # with family names as arguments, only those are recomputed and merged into the table
    old = json.loads(REFERENCE_FILE.read_text()) if REFERENCE_FILE.exists() else {}
    old.update(compute_references(sys.argv[1:] or None))
    REFERENCE_FILE.write_text(json.dumps(old, indent=1, sort_keys=True))
