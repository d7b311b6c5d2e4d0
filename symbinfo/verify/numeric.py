"""mpmath evaluation of one side of a claim at many points, in a private precision context.

Each side is compiled once with ``lambdify`` to mpmath (integrals become ``mpmath.quad``), then
called per point; only when compiling or calling fails (an infinite ``Sum``, a function mpmath
lacks) does a point fall back to SymPy's own ``evalf`` of the substituted expression. The same
``evalf`` path is the *independent* second evaluation that confirms a counterexample.
"""

from __future__ import annotations

from collections.abc import Sequence

import mpmath
import sympy as sp
from sympy.printing.pycode import MpmathPrinter

from ..parsing.gate import to_sympy

UNDEFINED = "undefined value (nan, complex or not a number)"


def to_mpf(value: sp.Expr) -> mpmath.mpf:
    """An exact SymPy number as an mpmath number at the current precision."""
    value = to_sympy(value, "a value")
    if value.is_Rational:
        return mpmath.mpf(int(value.p)) / int(value.q)
    return mpmath.mpmathify(str(sp.N(value, mpmath.mp.dps + 5)))


def _from_sympy(value: sp.Basic, dps: int) -> object:
    if value is sp.oo:
        return mpmath.inf
    if value is sp.S.NegativeInfinity:
        return mpmath.ninf
    if not isinstance(value, sp.Expr) or not value.is_number or value.has(sp.zoo, sp.nan):
        return None
    re, im = sp.N(value, dps).as_real_imag()
    if not (re.is_Number and im.is_Number):
        return None
    return mpmath.mpc(mpmath.mpmathify(str(re)), mpmath.mpmathify(str(im)))


def clean(value: object, tol: mpmath.mpf) -> object:
    """A real mpmath value (±inf allowed), or ``None`` when the value is undefined."""
    if isinstance(value, (bool, sp.Basic)) or value is None:
        return None
    try:
        value = mpmath.mpmathify(value)
    except (TypeError, ValueError):
        return None
    if isinstance(value, mpmath.mpc):
        if mpmath.isnan(value.real) or mpmath.isnan(value.imag):
            return None
        if abs(value.imag) > tol * max(1, abs(value.real)):
            return None
        value = value.real
    if mpmath.isnan(value):
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


def _printer() -> MpmathPrinter:
    # order="none": the default printer sorts the terms of a sum, which evaluates every
    # integral in it with evalf first (a minute for a few Gaussian integrals); so would
    # lambdify's docstring, hence docstring_limit=0
    return MpmathPrinter({"fully_qualified_modules": False, "inline": True,
                          "allow_unknown_functions": True, "user_functions": {},
                          "order": "none"})


class Side:
    """One side of a claim, evaluable at exact points.

    >>> x = sp.Symbol("x", positive=True)
    >>> side = Side(sp.log(x) + 1, [x])
    >>> with mpmath.workdps(30):
    ...     print(mpmath.nstr(side.fast({x: sp.Integer(1)}), 5))
    1.0
    """

    def __init__(self, expr: sp.Expr, symbols: Sequence[sp.Symbol]):
        self.expr = to_sympy(expr, "a side")
        self.symbols = list(symbols)
        try:
            self._func = sp.lambdify(self.symbols, prepare(self.expr), modules="mpmath",
                                     printer=_printer(), docstring_limit=0)
        except Exception:  # a construct the mpmath printer cannot write: use evalf per point
            self._func = None

    def fast(self, point: dict) -> object:
        """The value via the compiled function (evalf when that fails), at the current dps."""
        if self._func is not None:
            try:
                return self._func(*(to_mpf(point[s]) for s in self.symbols))
            except (ZeroDivisionError, OverflowError):
                return mpmath.nan
            except Exception:  # e.g. an infinite Sum printed as a Python loop
                self._func = None
        return self.slow(point, mpmath.mp.dps)

    def slow(self, point: dict, dps: int) -> object:
        """The value via SymPy's ``evalf`` of the substituted expression (independent path)."""
        try:
            return _from_sympy(self.expr.xreplace(point), dps)
        except Exception:  # evalf can fail on what it cannot integrate; that is "undefined"
            return None
