"""Honest fallbacks that still evaluate: the unevaluated Sum or Integral of a definition.

When no closed form is known, a measure of a countably infinite discrete distribution is returned
as the Sum of its definition over the true support. SymPy's own ``evalf`` of such a sum decides
convergence from the first terms, so a pmf whose mass sits far from the start (Poisson(1000):
the terms at k = 0, 1, ... are about e^-1000) evaluates to 0. :class:`DefinitionSum` is that
Sum (it prints, substitutes and compares like one) with a numeric evaluation that walks through
the terms in blocks, in a private mpmath context (:mod:`symbinfo.precision`), until they are
past their peak, and hands only the decreasing tail on: to mpmath's ``nsum`` when it decays
geometrically, to SymPy's Euler-Maclaurin summation when it decays algebraically.

:class:`DefinitionIntegral` is the same for an Integral: its ``evalf`` runs mpmath's
quadrature directly on the compiled integrand (in a private context, with mpmath's own error
estimate checked) instead of SymPy's ``evalf`` of an ``Integral``, which costs seconds per
digit-request on a density such as the logit-normal's; it hands over to SymPy's evaluation
whenever the quadrature cannot vouch for the digits asked.
"""

from __future__ import annotations

import mpmath
import sympy as sp
from mpmath.libmp import prec_to_dps

from ..precision import compiled, evalf, private_context

#: terms summed one by one in a block before the stopping rule is asked again
BLOCK = 256
#: at most this many terms are summed directly; the rest goes to nsum
MAX_DIRECT = 100_000


class DefinitionSum(sp.Sum):
    """``Sum(term, (k, a, b))`` whose ``evalf`` is reliable where the mass is far from ``a``.

    >>> k = sp.Symbol("k", integer=True, nonnegative=True)
    >>> lam = sp.Integer(1000)
    >>> pmf = lam**k * sp.exp(-lam) / sp.factorial(k)
    >>> sp.Sum(-pmf * sp.log(pmf), (k, 0, sp.oo)).evalf(10)   # SymPy's own evalf
    0
    >>> DefinitionSum(-pmf * sp.log(pmf), (k, 0, sp.oo)).evalf(10)  # ≈ log(2πe·1000)/2
    4.872732798
    """

    def _eval_evalf(self, prec: int) -> sp.Expr | None:
        found = self._numeric_value(prec)
        return found if found is not None else evalf(sp.Sum(*self.args), prec_to_dps(prec))

    def _numeric_value(self, prec: int) -> sp.Float | None:
        if len(self.limits) != 1:
            return None
        k, a, b = self.limits[0]
        if self.function.free_symbols - {k} or not (a.is_Integer and (b.is_Integer or b is sp.oo)):
            return None
        dps = prec_to_dps(prec)
        ctx = private_context(dps + 10)
        try:
            term = compiled([k], self.function, ctx)
            bulk, n = _up_to_the_peak(ctx, term, int(a), None if b is sp.oo else int(b))
        except (TypeError, ValueError, ZeroDivisionError, OverflowError, NameError):
            return None
        if not isinstance(bulk, ctx.mpf):
            return None  # complex or not a number: SymPy's own evaluation decides
        if b is not sp.oo and n > b:
            return sp.Float._new(bulk._mpf_, prec)
        # past the peak the terms decrease: a geometric tail (ratio of terms below 1) is
        # summed fast by extrapolation; an algebraic one (ratio tending to 1, Zeta's) by
        # SymPy's Euler-Maclaurin summation, right where extrapolation stalls
        try:
            far = n + BLOCK
            ratio = abs(ctx.convert(term(far + 1)) / ctx.convert(term(far)))
            if not ratio < 0.99:
                tail = evalf(sp.Sum(self.function, (k, n, b)), dps + 10)
                return (sp.Float._new(bulk._mpf_, prec) + tail).evalf(dps) if tail.is_Number \
                    else None
            tail = ctx.nsum(term, [n, ctx.inf if b is sp.oo else int(b)])
        except (TypeError, ValueError, ZeroDivisionError, OverflowError,
                mpmath.libmp.NoConvergence):
            return None
        total = bulk + tail
        return sp.Float._new(total._mpf_, prec) if isinstance(total, ctx.mpf) else None


def _up_to_the_peak(ctx: mpmath.ctx_mp.MPContext, term, start: int, stop: int | None
                    ) -> tuple[object, int]:
    """Σ term(n) from ``start`` in blocks, until a block's largest term is below the largest
    seen (the terms are past their peak) or ``stop``; returns the sum and the next index."""
    total, peak, n = ctx.zero, ctx.zero, start
    while (stop is None or n <= stop) and n - start < MAX_DIRECT:
        end = n + BLOCK - 1 if stop is None else min(n + BLOCK - 1, stop)
        values = [ctx.convert(term(j)) for j in range(n, end + 1)]
        total += ctx.fsum(values)
        n = end + 1
        largest = max(abs(v) for v in values)
        if largest < peak:
            break
        peak = largest
    return total, n


class DefinitionIntegral(sp.Integral):
    """``Integral(f, (x, a, b))`` whose ``evalf`` is mpmath's quadrature of the compiled
    integrand, checked by its error estimate (else SymPy's own evaluation).

    >>> x = sp.Symbol("x", positive=True)
    >>> DefinitionIntegral(-sp.log(x) * sp.exp(-x), (x, 0, sp.oo)).evalf(20)  # Euler's gamma
    0.57721566490153286061
    """

    def _eval_evalf(self, prec: int) -> sp.Expr | None:
        found = self._numeric_value(prec)
        return found if found is not None else evalf(sp.Integral(*self.args), prec_to_dps(prec))

    def _numeric_value(self, prec: int) -> sp.Float | None:
        if len(self.limits) != 1 or len(self.limits[0]) != 3:
            return None
        x, a, b = self.limits[0]
        if self.function.free_symbols - {x} or (a.free_symbols | b.free_symbols):
            return None
        dps = prec_to_dps(prec)
        ctx = private_context(dps + 15)
        try:
            f = compiled([x], self.function, ctx)
            ends = [ctx.convert(evalf(e, dps + 20)) if e.is_finite else
                    (ctx.inf if e is sp.oo else ctx.ninf) for e in (a, b)]
            if ctx.isinf(ends[0]) and ctx.isinf(ends[1]):
                ends.insert(1, ctx.zero)  # split at 0: a kink there (|x|) sits on a node
            value, error = ctx.quad(f, ends, error=True)
        except (TypeError, ValueError, ZeroDivisionError, OverflowError, NameError):
            return None
        if not isinstance(value, ctx.mpf) or not ctx.isfinite(value):
            return None  # complex, infinite or undefined: SymPy's own evaluation decides
        if error > ctx.mpf(10) ** -(dps + 3) * max(ctx.one, abs(value)):
            return None  # quadrature cannot vouch for the digits asked
        return sp.Float._new(value._mpf_, prec)
