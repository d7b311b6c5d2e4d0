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

from collections.abc import Callable, Sequence

import mpmath
import sympy as sp
from mpmath.libmp import prec_to_dps

from ..precision import compiled, evalf, private_context
from .budget import call_within

#: terms summed one by one in a block before the stopping rule is asked again
BLOCK = 256
#: at most this many terms are summed directly; the rest goes to nsum
MAX_DIRECT = 100_000


def _sympy_within_budget(expr: sp.Expr, prec: int) -> sp.Expr | None:
    """SymPy's own evaluation of ``expr`` (where mpmath could not vouch for the digits), within
    the step budget; ``None`` (the expression stays unevaluated) when it runs over or does not
    come back a number. Unbounded, it took minutes on a divergent integral (the log-Cauchy's
    ∫ p**a) and came back with digits that meant nothing."""
    if expr in _UNRESOLVED:
        return None  # SymPy's evalf asks again at other precisions: no second budget
    value = call_within(evalf, expr, prec_to_dps(prec))
    # SymPy marks a value it could not resolve (a divergent integral's) by a tiny precision
    if value is None or not value.is_Number or (value.is_Float and value._prec < prec - 8):
        if len(_UNRESOLVED) > 256:
            _UNRESOLVED.clear()
        _UNRESOLVED.add(expr)
        return None
    return value


#: expressions SymPy could not evaluate within budget
_UNRESOLVED: set[sp.Expr] = set()


def compiled_once(x: sp.Symbol, expr: sp.Expr, ctx: mpmath.ctx_mp.MPContext,
                  **overrides: Callable) -> Callable:
    """``compiled([x], expr, ctx)`` with the constant subexpressions (zeta(5/2), gamma(7/3)...)
    evaluated once, not at every node or term (Zeta's Rényi sum: 46 s → under 1 s). Raises
    ValueError for what cannot be compiled."""
    named = _named_sums(x, expr)
    expr = expr.xreplace({s: sp.Function(name)(x) for name, s in named})
    constants: dict[sp.Expr, sp.Dummy] = {}

    def visit(e: sp.Basic) -> None:
        if not e.has(x) and e.is_number and not e.is_Atom:
            constants.setdefault(e, sp.Dummy())
            return
        for arg in e.args:
            visit(arg)
    visit(expr)
    try:
        overrides = {**overrides, **_inner_sums(x, named, ctx)}
        body = compiled([x, *constants.values()], expr.xreplace(constants), ctx, **overrides)
        values = [compiled([], c, ctx, **overrides)() for c in constants]
    except Exception as e:  # the printer's KeyError for zoo, and the like
        raise ValueError(f"cannot compile {expr}") from e
    return lambda t: body(t, *values)


def _named_sums(x: sp.Symbol, expr: sp.Expr) -> list[tuple[str, sp.Sum]]:
    """The sums over one index inside ``expr`` that depend on ``x`` (a density SymPy writes as a
    series: the noncentral Beta's), each with the name it is compiled under."""
    found = sorted((s for s in expr.atoms(sp.Sum) if s.has(x) and len(s.limits) == 1),
                   key=sp.default_sort_key)
    return [(f"inner_sum_{i}", s) for i, s in enumerate(found)]


def _inner_sums(x: sp.Symbol, named: list[tuple[str, sp.Sum]],
                ctx: mpmath.ctx_mp.MPContext) -> dict:
    """name -> function of x summing that inner series by mpmath (its terms must decay);
    ValueError for limits that are not integers or ±oo (a range depending on x)."""
    out = {}
    for name, s in named:
        j, a, b = s.limits[0]
        if not ((a.is_Integer or a is sp.S.NegativeInfinity) and (b.is_Integer or b is sp.oo)):
            raise ValueError(f"cannot sum {s} numerically")
        term = compiled([j, x], s.function, ctx)
        ends = [int(e) if e.is_Integer else ctx.ninf if e.is_negative else ctx.inf
                for e in (a, b)]
        out[name] = lambda t, term=term, ends=ends: ctx.nsum(lambda k: term(k, t), ends)
    return out


class _NotANumberToSort:
    """``is_number`` False: SymPy's printers order the terms of a sum by the value of each
    factor that is a number (``Expr.as_terms`` calls ``complex()`` on it), so printing an
    expression holding an honest Integral/Sum ran its quadrature, every time. ``evalf`` and
    ``N`` still evaluate it."""

    is_number = False


class DefinitionSum(_NotANumberToSort, sp.Sum):
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
        return found if found is not None else _sympy_within_budget(sp.Sum(*self.args), prec)

    def _numeric_value(self, prec: int) -> sp.Float | None:
        if len(self.limits) != 1:
            return None
        k, a, b = self.limits[0]
        if a is sp.S.NegativeInfinity and b is sp.oo:
            # over all integers (Skellam): the sum from 0 up plus the mirrored one from 1 up
            up = DefinitionSum(self.function, (k, 0, sp.oo))._numeric_value(prec)
            down = DefinitionSum(self.function.xreplace({k: -k}), (k, 1, sp.oo))._numeric_value(
                prec)
            return None if up is None or down is None else (up + down).evalf(prec_to_dps(prec))
        if self.function.free_symbols - {k} or not (a.is_Integer and (b.is_Integer or b is sp.oo)):
            return None
        dps = prec_to_dps(prec)
        ctx = private_context(dps + 10)
        try:
            term = compiled_once(k, self.function, ctx)
            bulk, n = _up_to_the_peak(ctx, term, int(a), None if b is sp.oo else int(b))
        except (TypeError, ValueError, ZeroDivisionError, OverflowError, NameError):
            return None
        if not isinstance(bulk, ctx.mpf):
            return None  # complex or not a number: SymPy's own evaluation decides
        if b is not sp.oo and n > b:
            return sp.Float._new(bulk._mpf_, prec)
        # past the peak the terms decrease: a geometric tail (ratio of terms below 1) is
        # summed fast by extrapolation; an algebraic one (ratio tending to 1, Zeta's) by
        # Euler-Maclaurin from far out, right where extrapolation stalls (mpmath's default
        # Richardson/Shanks gave YuleSimon's Σ B(k, 2.7)**0.7 wrong in the third digit)
        try:
            far = n + BLOCK
            ratio = abs(ctx.convert(term(far + 1)) / ctx.convert(term(far)))
            if not ratio < 0.99:
                if b is not sp.oo:
                    return None
                start = max(n, EULER_MACLAURIN_START)
                bulk += ctx.fsum(ctx.convert(term(j)) for j in range(n, start))
                tail = _euler_maclaurin_tail(ctx, term, start)
            else:
                tail = ctx.nsum(term, [n, ctx.inf if b is sp.oo else int(b)])
        except (TypeError, ValueError, ZeroDivisionError, OverflowError,
                mpmath.libmp.NoConvergence):
            return None
        total = bulk + tail
        return sp.Float._new(total._mpf_, prec) if isinstance(total, ctx.mpf) else None


#: where an algebraic tail is handed to Euler-Maclaurin: each correction term there gains
#: about six digits (f^(2j-1)(N) ~ N**(1 - 2j) f(N))
EULER_MACLAURIN_START = 1000
#: correction terms used; enough for 40 digits from N = 1000
EULER_MACLAURIN_TERMS = 8


def _euler_maclaurin_tail(ctx: mpmath.ctx_mp.MPContext, term: Callable, start: int) -> object:
    """Σ_{k >= start} term(k) = ∫_start^∞ term + term(start)/2
    − Σ_j B_2j/(2j)! term^(2j−1)(start) (Euler-Maclaurin; the term must be smooth and
    defined between the integers)."""
    total = ctx.quad(term, [start, 2 * start, 10 * start, ctx.inf]) + term(start) / 2
    for j in range(1, EULER_MACLAURIN_TERMS + 1):
        total -= (ctx.bernoulli(2 * j) / ctx.factorial(2 * j)
                  * ctx.diff(term, start, 2 * j - 1))
    return total


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


#: |y| beyond which exp(y) is taken as 0 or +oo in quadrature integrands. Computing exp of an
#: argument with a huge exponent (Gumbel's exp(-exp(-x)) far in a tail, where tanh-sinh samples
#: |x| ~ 1e30, so y ~ -10**(4e29)) needs as many bits as that exponent: mpmath would not
#: finish. Below the limit exp is exact (exp(1e30) is cheap); beyond it exp(y) is 0 to any
#: precision that matters, or +oo, which only arises where the density is 0 anyway.
EXP_LIMIT = 2**4096


def tail_safe_exp(ctx: mpmath.ctx_mp.MPContext) -> Callable:
    """``ctx.exp``, with 0 / +oo beyond :data:`EXP_LIMIT`."""
    def exp(y: object) -> object:
        if isinstance(y, ctx.mpf) and abs(y) > EXP_LIMIT:
            return ctx.zero if y < 0 else ctx.inf
        return ctx.exp(y)
    return exp


def kinks(x: sp.Symbol, exprs: Sequence[sp.Expr], ctx: mpmath.ctx_mp.MPContext) -> set:
    """Where an integrand built from ``exprs`` is not smooth, so quadrature should split there:
    zeros of the arguments of ``Abs``, the breakpoints of ``Piecewise`` conditions, and real
    zeros (degree <= 2) of polynomial factors of the pieces and of log arguments."""
    candidates = []
    for expr in exprs:
        candidates += [a.args[0] for a in expr.atoms(sp.Abs)]
        candidates += [r.lhs - r.rhs for r in expr.atoms(sp.core.relational.Relational)]
        pieces = [e for e, _ in expr.args] if isinstance(expr, sp.Piecewise) else [expr]
        pieces += [g.args[0] for g in expr.atoms(sp.log)]
        for piece in pieces:
            for factor in sp.Mul.make_args(piece):
                candidates.append(factor.base if factor.is_Pow else factor)
    out = set()
    for arg in candidates:
        if not (arg.has(x) and arg.is_polynomial(x)) or sp.degree(arg, x) > 2:
            continue
        # exact roots (degree <= 2); Poly.nroots would set mpmath's global precision
        for root in sp.roots(sp.Poly(arg, x)):
            value = evalf(root, ctx.dps + 5)
            if value.is_real:
                out.add(ctx.convert(str(value)))
    return out


def quadrature(ctx: mpmath.ctx_mp.MPContext, f: Callable, lo: sp.Expr, hi: sp.Expr,
               cuts: set) -> tuple[object, object]:
    """(∫ f over (lo, hi), error estimate) by tanh-sinh in ``ctx``.

    A finite end that is not exactly representable is moved inwards by a few ulps and ``f`` is
    0 outside, so no node falls outside the support (Fréchet: exp(-1/(x - m)) just below m is
    astronomically large). Splitting at 0 keeps tanh-sinh accurate on two-sided infinite
    ranges, at 1 it separates a singular end at 0 from a long tail, and at ``cuts`` (kinks)
    it keeps the integrand smooth on each piece.
    """
    a, b = (ctx.convert(evalf(v, ctx.dps)) if v.is_finite else
            (ctx.inf if v is sp.oo else ctx.ninf) for v in (lo, hi))
    nudge = ctx.mpf(2) ** (4 - ctx.prec)
    a = a + abs(a) * nudge if ctx.isfinite(a) else a
    b = b - abs(b) * nudge if ctx.isfinite(b) else b

    def inside(t: mpmath.mpf) -> mpmath.mpf:
        return ctx.zero if t <= a or t >= b else f(t)
    points = sorted(c for c in {ctx.zero, ctx.one} | cuts if a < c < b)
    value, error = ctx.quad(inside, [a, *points, b], error=True)
    return +value, error


class DefinitionIntegral(_NotANumberToSort, sp.Integral):
    """``Integral(f, (x, a, b))`` whose ``evalf`` is mpmath's quadrature of the compiled
    integrand (:func:`quadrature`; where the integrand is 0·∞, as 0·log 0 where the density
    vanishes, it is 0), checked by its error estimate, retried at twice the digits for an
    endpoint singularity; else SymPy's own evaluation. An integral that diverges at an end
    (:meth:`divergence`) does not evaluate (tanh-sinh would return a finite number for it);
    :func:`settle` writes it as ±oo where it is built.

    >>> x = sp.Symbol("x", positive=True)
    >>> DefinitionIntegral(-sp.log(x) * sp.exp(-x), (x, 0, sp.oo)).evalf(20)  # Euler's gamma
    0.57721566490153286061
    >>> DefinitionIntegral(x**sp.Rational(-3, 2), (x, 0, 1)).divergence()
    oo
    """

    def _eval_evalf(self, prec: int) -> sp.Expr | None:
        found = self._numeric_value(prec)
        if found is not None:
            return found
        if self.divergence() is not None:
            return None  # SymPy's evalf would lose the sign of an infinity: see settle()
        return _sympy_within_budget(sp.Integral(*self.args), prec)

    def divergence(self) -> sp.Expr | None:
        """+oo or -oo when this integral (with numbers for its parameters) diverges at an end
        (:func:`_divergence`), else ``None``."""
        if len(self.limits) != 1 or len(self.limits[0]) != 3:
            return None
        x, a, b = self.limits[0]
        if self.function.free_symbols - {x} or (a.free_symbols | b.free_symbols):
            return None
        ctx = private_context(30)
        try:
            g = compiled_once(x, self.function, ctx, exp=tail_safe_exp(ctx))
        except ValueError:  # what the printer cannot write (zoo): no verdict
            return None
        return _divergence(ctx, g, a, b)

    def _numeric_value(self, prec: int) -> sp.Expr | None:
        if len(self.limits) != 1 or len(self.limits[0]) != 3:
            return None
        x, a, b = self.limits[0]
        if self.function.free_symbols - {x} or (a.free_symbols | b.free_symbols):
            return None
        dps = prec_to_dps(prec)
        for work in (dps + 15, 2 * dps + 15):
            ctx = private_context(work)
            try:
                g = compiled_once(x, self.function, ctx, exp=tail_safe_exp(ctx))

                def f(t: mpmath.mpf, g: Callable = g, ctx: mpmath.ctx_mp.MPContext = ctx):
                    v = g(t)
                    return ctx.zero if ctx.isnan(v) else v
                value, error = quadrature(ctx, f, a, b, kinks(x, [self.function], ctx))
            except (TypeError, ValueError, ZeroDivisionError, OverflowError, NameError):
                return None
            if not isinstance(value, ctx.mpf) or not ctx.isfinite(value):
                return None  # complex, infinite or undefined: SymPy's own evaluation decides
            if error <= ctx.mpf(10) ** -(dps + 3) * max(ctx.one, abs(value)):
                return sp.Float._new(value._mpf_, prec)
        return None  # quadrature cannot vouch for the digits asked


#: distances from an end (and far points, for an infinite end) where :func:`_divergence` probes
_PROBES = (8, 16, 32)


def _divergence(ctx: mpmath.ctx_mp.MPContext, f: Callable, lo: sp.Expr, hi: sp.Expr
                ) -> sp.Expr | None:
    """+oo or -oo when ∫ f over (lo, hi) diverges at an end, judged by |t - end|·|f(t)| (or
    |t|·|f(t)| towards an infinite end) growing at least tenfold at each of 10**-8, 10**-16,
    10**-32 from the end (10**8, 10**16, 10**32 out): f is then at least c/|t - end| there, whose
    integral diverges (x**(-3/2) at 0; the log-Cauchy density to the power 7/10 at +oo). A
    convergent integrand (x**(-1/2), log x, 1/(x log(x)**2)) has that product shrinking."""
    for end, outward in ((lo, -1), (hi, 1)):
        try:
            if end.is_finite:
                at = ctx.convert(evalf(end, ctx.dps))
                points = [at - outward * ctx.mpf(10) ** -e * max(1, abs(at)) for e in _PROBES]
                sizes = [abs(t - at) * abs(f(t)) for t in points]
            else:
                points = [outward * ctx.mpf(10) ** e for e in _PROBES]
                sizes = [abs(t) * abs(f(t)) for t in points]
            sign = f(points[-1])
        except (TypeError, ValueError, ZeroDivisionError, OverflowError, NameError):
            continue
        if all(isinstance(v, ctx.mpf) and ctx.isfinite(v) for v in sizes) and \
                sizes[0] > 0 and sizes[1] > 10 * sizes[0] and sizes[2] > 10 * sizes[1]:
            return sp.oo if sign > 0 else -sp.oo
    return None


def settle(expr: sp.Expr) -> sp.Expr:
    """``expr`` with each numeric :class:`DefinitionIntegral` that diverges written as ±oo, so
    SymPy's arithmetic carries the sign (2 - 2*oo is -oo; SymPy's evalf of 2 - 2*I with I
    evaluating to oo gives +oo).

    >>> x = sp.Symbol("x", positive=True)
    >>> settle(2 - 2 * DefinitionIntegral(x**sp.Rational(-3, 2), (x, 0, 1)))
    -oo
    """
    found = {i: i.divergence() for i in expr.atoms(DefinitionIntegral)}
    found = {i: d for i, d in found.items() if d is not None}
    return expr.xreplace(found) if found else expr
