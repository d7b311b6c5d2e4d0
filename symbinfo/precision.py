"""Private mpmath precision: every numeric evaluation in symbinfo owns its mpmath context.

mpmath's module-level functions (``mpmath.log``, ``mpmath.quad`` ...) compute at the precision
of one global context, ``mpmath.mp``, and ``mpmath.workdps`` changes that context for every
thread at once: two calls at different precisions running side by side would change each
other's digits (and so their verdicts). So numeric code here never touches ``mpmath.mp``: it
makes its own context with :func:`private_context`, computes with that context's functions, and
compiles SymPy expressions with :func:`compiled` so generated code calls them too. A test walks
the package's AST and fails on ``workdps``/``mp.dps`` use.

>>> import mpmath
>>> ctx = private_context(40)
>>> ctx.nstr(ctx.pi, 40), mpmath.mp.dps
('3.141592653589793238462643383279502884197', 15)
>>> x = sp.Symbol("x")
>>> f = compiled([x], sp.log(x) + sp.Rational(1, 3), ctx)
>>> ctx.nstr(f(3), 40)
'1.431945622001443024728578570255859037981'

SymPy's own ``evalf`` is not private: it evaluates integrals, sums and every special function
without an evaluator of its own inside ``mpmath.workprec`` on the global context. symbinfo's
numeric code calls it only through :func:`evalf`, which serialises those calls, so symbinfo's own
concurrent calls cannot disturb each other's digits.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

import mpmath
import sympy as sp
from sympy.printing.pycode import MpmathPrinter
from sympy.utilities.lambdify import MPMATH_TRANSLATIONS

__all__ = ["compiled", "evalf", "namespace", "private_context"]

#: held while SymPy's evalf may use mpmath's global context (re-entrant: evalf may call back
#: into an expression class of ours)
_GLOBAL_CONTEXT_USERS = threading.RLock()


def private_context(dps: int) -> mpmath.ctx_mp.MPContext:
    """A new mpmath context at ``dps`` significant digits, for one call's own use.

    >>> private_context(25).dps
    25
    """
    ctx = mpmath.MPContext()
    ctx.dps = dps
    return ctx


def namespace(ctx: mpmath.ctx_mp.MPContext) -> dict[str, Any]:
    """Every mpmath name bound to ``ctx``'s own function or constant, and SymPy's names for
    them (``Abs`` -> ``fabs`` ...): a ``lambdify`` module whose code computes only in ``ctx``.
    """
    names: dict[str, Any] = {n: getattr(ctx, n) for n in dir(ctx) if not n.startswith("_")}
    names.update({sympy_name: names[name] for sympy_name, name in MPMATH_TRANSLATIONS.items()
                  if name in names})
    return names


class _Printer(MpmathPrinter):
    """SymPy's mpmath printer, with an integer raised to a symbolic power computed in mpmath:
    printed as is, ``2**(k - 60)`` is Python's ``int ** int``, a float (16 digits, underflow)
    for a negative exponent."""

    def _print_Pow(self, expr: sp.Pow, rational: bool = False) -> str:
        if expr.base.is_Integer and not expr.exp.is_Integer:
            return f"mpf({expr.base.p})**({self._print(expr.exp)})"
        return super()._print_Pow(expr, rational=rational)


def compiled(args: Sequence[sp.Symbol], expr: sp.Expr, ctx: mpmath.ctx_mp.MPContext,
             **overrides: Callable) -> Callable:
    """``expr`` as a Python function of ``args`` computing with ``ctx``'s functions only
    (``overrides`` replace some of them, e.g. a guarded ``exp``).

    Raises what ``lambdify`` raises for a construct the mpmath printer cannot write.
    """
    # order="none": the default printer sorts the terms of a sum, which evaluates every
    # integral in it with evalf first (a minute for a few Gaussian integrals); so would
    # lambdify's docstring, hence docstring_limit=0
    printer = _Printer({"fully_qualified_modules": False, "inline": True,
                             "allow_unknown_functions": True, "user_functions": {},
                             "order": "none"})
    return sp.lambdify(list(args), expr, modules=[{**namespace(ctx), **overrides}],
                       printer=printer, docstring_limit=0)


def evalf(expr: sp.Basic, dps: int) -> sp.Basic:
    """``sp.N(expr, dps)``, one thread at a time (see the module docstring).

    >>> evalf(sp.Integral(sp.Symbol("t"), (sp.Symbol("t"), 0, 1)), 10)
    0.5000000000
    """
    with _GLOBAL_CONTEXT_USERS:
        return sp.N(expr, dps)
