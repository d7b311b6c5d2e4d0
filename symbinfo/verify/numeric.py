"""mpmath evaluation of one side of a claim at many points, in a private precision context.

Each side is compiled once with ``lambdify`` against the functions of its own mpmath context
(:mod:`symbinfo.precision`; integrals become that context's ``quad``), then
called per point; only when compiling or calling fails (an infinite ``Sum``, a function mpmath
lacks) does a point fall back to SymPy's own ``evalf`` of the substituted expression. The same
``evalf`` path is the *independent* second evaluation that confirms a counterexample.
"""

from __future__ import annotations

from collections.abc import Sequence

import mpmath
import sympy as sp

from ..precision import compiled, evalf

UNDEFINED = "undefined value (nan, complex or not a number)"


def to_mpf(value: sp.Expr, ctx: mpmath.ctx_mp.MPContext) -> mpmath.mpf:
    """An exact SymPy number as a number of ``ctx`` (at its precision)."""
    if value.is_Rational:
        return ctx.mpf(int(value.p)) / int(value.q)
    return ctx.convert(str(evalf(value, ctx.dps + 5)))


def _from_sympy(value: sp.Basic, ctx: mpmath.ctx_mp.MPContext) -> object:
    if value is sp.oo:
        return ctx.inf
    if value is sp.S.NegativeInfinity:
        return ctx.ninf
    if not isinstance(value, sp.Expr) or not value.is_number or value.has(sp.zoo, sp.nan):
        return None
    re, im = evalf(value, ctx.dps).as_real_imag()
    if not (re.is_Number and im.is_Number):
        return None
    return ctx.mpc(ctx.convert(str(re)), ctx.convert(str(im)))


def clean(value: object, tol: mpmath.mpf, ctx: mpmath.ctx_mp.MPContext) -> object:
    """A real number of ``ctx`` (±inf allowed), or ``None`` when the value is undefined.

    Converting into ``ctx`` matters: arithmetic on a number of another context (the global
    one) would round to that context's precision.
    """
    if isinstance(value, (bool, sp.Basic)) or value is None:
        return None
    try:
        value = ctx.convert(value)
    except (TypeError, ValueError):
        return None
    if isinstance(value, ctx.mpc):
        if ctx.isnan(value.real) or ctx.isnan(value.imag):
            return None
        if abs(value.imag) > tol * max(1, abs(value.real)):
            return None
        value = value.real
    if ctx.isnan(value):
        return None
    return value


def _inside_limits(integral: sp.Integral) -> sp.Expr:
    """The integral with conditions ``x >= a`` / ``x <= b`` of its own limits set to true (they
    hold on the open interval) and ``(-oo, oo)`` split at 0.

    Quadrature nodes land within rounding of the limits, where a recomputed ``x >= a`` may come
    out false and a density's ``Piecewise`` drop to 0 (log 0); splitting at 0 puts the kink of
    ``|x|`` densities (Laplace) on a node boundary.
    """
    f = integral.function
    limits = integral.limits
    if len(limits) != 1 or len(limits[0]) != 3:
        return integral
    x, a, b = limits[0]
    truths = {}
    for rel in f.atoms(sp.Ge, sp.Gt, sp.Le, sp.Lt):
        pair = (rel.lts, rel.gts)
        if pair in ((a, x), (x, b)):
            truths[rel] = sp.true
    f = f.xreplace(truths)
    if a is sp.S.NegativeInfinity and b is sp.oo:
        return sp.Integral(f, (x, a, 0)) + sp.Integral(f, (x, 0, b))
    return sp.Integral(f, (x, a, b))


def prepare(expr: sp.Expr) -> sp.Expr:
    """``expr`` ready for mpmath quadrature (see :func:`_inside_limits`)."""
    if not expr.has(sp.Integral):
        return expr
    return expr.replace(lambda e: isinstance(e, sp.Integral), _inside_limits)


class Side:
    """One side of a claim, evaluable at exact points in the mpmath context ``ctx``.

    The compiled function calls ``ctx``'s functions, so it computes at ``ctx.dps`` whatever
    the global precision is (or becomes, in another thread).

    >>> from symbinfo.precision import private_context
    >>> x = sp.Symbol("x", positive=True)
    >>> ctx = private_context(30)
    >>> side = Side(sp.log(x) + sp.pi, [x], ctx)
    >>> ctx.nstr(side.fast({x: sp.Integer(1)}), 30)
    '3.14159265358979323846264338328'
    """

    def __init__(self, expr: sp.Expr, symbols: Sequence[sp.Symbol],
                 ctx: mpmath.ctx_mp.MPContext):
        self.expr = expr
        self.symbols = list(symbols)
        self.ctx = ctx
        try:
            self._func = compiled(self.symbols, prepare(self.expr), ctx)
        except Exception:  # a construct the mpmath printer cannot write: use evalf per point
            self._func = None

    def fast(self, point: dict) -> object:
        """The value via the compiled function (evalf when that fails), at ``ctx.dps``."""
        if self._func is not None:
            try:
                return self._func(*(to_mpf(point[s], self.ctx) for s in self.symbols))
            except (ZeroDivisionError, OverflowError):
                return self.ctx.nan
            except Exception:  # e.g. an infinite Sum printed as a Python loop
                self._func = None
        return self.slow(point)

    def slow(self, point: dict) -> object:
        """The value via SymPy's ``evalf`` of the substituted expression (independent path),
        at ``ctx.dps``."""
        try:
            return _from_sympy(self.expr.xreplace(point), self.ctx)
        except Exception:  # evalf can fail on what it cannot integrate; that is "undefined"
            return None
