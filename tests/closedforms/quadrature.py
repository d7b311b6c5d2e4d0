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


def _neg_f_log_f(expr, t, dps):
    # constants (beta(14/5, 2/5), ...) evaluated once, not at every node
    f = sp.lambdify(t, expr.evalf(dps + 15), modules="mpmath")

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
                g = _neg_f_log_f(expr, t, dps)
                if length is sp.oo:
                    # t = exp(v): algebraic tails become exponential ones. The cut at v = 250
                    # drops < 1e-40 for every tail here (the heaviest, t**-1.4 log t, leaves
                    # e**-100) and keeps mpmath from evaluating exp(-exp(exp(v))) at huge v.
                    total += mpmath.quad(
                        lambda v, g=g: mpmath.exp(v) * g(mpmath.exp(v)),
                        [-mpmath.inf, 0, 10, 60, 250],
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
    REFERENCE_FILE.write_text(json.dumps(compute_references(sys.argv[1:] or None), indent=1))
