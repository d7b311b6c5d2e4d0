"""The variance of the score, E[∂_i log p ∂_j log p], by mpmath quadrature or summation.

Independent of symbinfo's Fisher information: SymPy's own density, its log differentiated here
and lambdified to mpmath, integrated over the support at ``dps`` digits.

Two numerical traps are avoided on purpose:

- the parameter values are never substituted into the expressions: a value makes SymPy rewrite
  ``erfc(a - x)`` as ``2 - erfc(x - a)`` (``erfc.eval`` extracts the minus sign), which cancels
  catastrophically where erfc is tiny (the ExGaussian's left tail: 2 - 2 = 0 at 30 digits). The
  expressions are lambdified in (x, parameters) and called with mpmath numbers instead;
- every exponential goes through :func:`_exp`, which is 0 below e^(-10^5) and +inf above e^(10^5)
  (a point where that matters is one where the density is 0: the value becomes nan there and
  counts 0): exp(-exp(huge)) in a Gumbel or Gompertz tail would otherwise need a mantissa
  exponent too large to build. No float
  pre-evaluation: a product of a huge and a tiny factor (e^222 erfc(15) in the ExGaussian) would
  underflow to 0 in floats although it is of order 1.
"""

from __future__ import annotations

import hashlib

import mpmath
import sympy as sp
from sympy.printing.pycode import MpmathPrinter

from symbinfo.distributions.continuous import pdf_of, true_support

CUTOFF = -(10**5)


def _exp(a):
    re = mpmath.re(a)
    if re < CUTOFF:
        return mpmath.mpf(0)
    if re > -CUTOFF:  # e^(b e^x) far in a Gompertz tail: the density there is e^(-that)
        return mpmath.inf
    return mpmath.exp(a)


def _besseli(nu, z):
    # I_nu(z) ~ e^z / sqrt(2 pi z): beyond |z| = 10^5 it is as far out as _exp's +inf;
    # I_{-n} = I_n for an integer n (mpmath's series fails for a large negative order)
    if abs(z) > -CUTOFF:
        return mpmath.inf
    return mpmath.besseli(-nu if mpmath.isint(nu) and nu < 0 else nu, z)


class _Printer(MpmathPrinter):
    """mpmath code in which a Sum to infinity (a BetaNoncentral's density) is summed by
    :func:`_sum` (its terms until they no longer count, then extrapolation)."""

    def _print_Sum(self, expr: sp.Sum) -> str:
        (k, lo, hi), = expr.limits
        if hi is sp.oo and lo.is_Integer:
            return (f"_series(lambda {self._print(k)}: {self._print(expr.function)}, "
                    f"{int(lo)})")
        return super()._print_Sum(expr)


def _series(f, lo: int):
    return _sum(f, lo, mpmath.inf)


MODULES = [{"exp": _exp, "besseli": _besseli, "floor": lambda v: int(mpmath.floor(v)),
            "_series": _series}, "mpmath"]


def _lambdify(args, expr):
    # the arguments renamed (same assumptions): lambdify puts them in its namespace by name,
    # where a parameter called beta would shadow mpmath's beta function
    fresh = {a: sp.Dummy(f"a{i}", **a.assumptions0) for i, a in enumerate(args)}
    args, expr = [fresh[a] for a in args], expr.xreplace(fresh)
    printer = _Printer({"fully_qualified_modules": False, "inline": True,
                        "allow_unknown_functions": True, "user_functions": {}})
    return sp.lambdify(args, expr, modules=MODULES, printer=printer)


def _mp(value, dps: int):
    return mpmath.mpf(str(sp.N(value, dps + 10))) if value.is_finite else (
        mpmath.inf if value == sp.oo else -mpmath.inf)


def _safe(f):
    """``f`` returning 0 where its value is not finite (0 * inf, log 0 in a far tail, or a
    density factor that underflowed to exactly 0 in a denominator)."""

    def g(*args):
        try:
            v = f(*args)
        except (ZeroDivisionError, OverflowError):
            return mpmath.mpf(0)
        v = v.real if isinstance(v, mpmath.mpc) else v
        return v if mpmath.isfinite(v) else mpmath.mpf(0)

    return g


def _cuts(a, b, marks) -> list:
    return [a, *sorted({m for m in marks if a < m < b}), b]


def integrate(g, a, b, marks=(), discrete: bool = False):
    """∫_a^b g (or Σ_{k=a}^b g(k)) at the current mpmath precision, split at ``marks``.

    ``g(x, j)`` is the integrand at x times e^j (j the log of a change of variables' Jacobian,
    handed in so that a density computed as exp(log p) takes it inside its exponential: e^(log
    p(x) + t) stays of order 1/t² in a LogCauchy's tail, where p(x) alone would be cut off).
    A half-line [a, ∞) is mapped by x = a + e^t (the end and a heavy tail both become gentle);
    a sum over an infinite range adds its terms until they fall below the working precision,
    and extrapolates a slowly decaying rest (mpmath.nsum, Euler–Maclaurin)."""
    if discrete:
        return _sum(lambda k: g(k, 0), a, b)
    if a != -mpmath.inf and b == mpmath.inf:
        ts = [mpmath.log(m - a) for m in marks if m > a]
        return mpmath.quad(lambda t: g(a + mpmath.exp(t), t),
                           _cuts(-mpmath.inf, mpmath.inf, [-10, 0, 10, *ts]))
    if a == -mpmath.inf and b != mpmath.inf:
        ts = [mpmath.log(b - m) for m in marks if m < b]
        return mpmath.quad(lambda t: g(b - mpmath.exp(t), t),
                           _cuts(-mpmath.inf, mpmath.inf, [-10, 0, 10, *ts]))
    return mpmath.quad(lambda t: g(t, 0), _cuts(a, b, [*marks, 0]))


def _sum(g, a, b):
    """Σ g(k) for integers a..b (b may be +∞, a may be −∞): the head term by term until the
    terms are below 10^-(dps+3) of the running total for 10 terms in a row, the tail by
    mpmath.nsum (which extrapolates what remains)."""
    if a == -mpmath.inf:
        if b == mpmath.inf:
            return _sum(g, 0, b) + _sum(lambda k: g(-k), 1, b)
        return _sum(lambda k: g(-k), -b, mpmath.inf)
    if b != mpmath.inf:
        return mpmath.fsum(g(k) for k in range(int(a), int(b) + 1))
    eps = mpmath.mpf(10) ** (-mpmath.mp.dps - 3)
    total, k, quiet = mpmath.mpf(0), int(a), 0
    while quiet < 10 and k - a < 1000:
        term = g(k)
        total += term
        quiet = quiet + 1 if abs(term) <= eps * abs(total) else 0
        k += 1
    if quiet >= 10:
        return total
    # a slowly decaying tail (a power law): extrapolate the rest
    return total + mpmath.nsum(g, [k, mpmath.inf], method="euler-maclaurin")


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
    params = sorted(point, key=sp.default_sort_key)
    support = true_support(dist.xreplace(point))
    discrete = support.is_subset(sp.S.Integers) is True
    n = len(syms)
    out = sp.zeros(n, n)
    with mpmath.workdps(dps + 10):
        values = [_mp(point[p], dps) for p in params]
        lp = _lambdify([x, *params], logp)
        fs = [_lambdify([x, *params], s) for s in scores]
        a, b = _mp(support.inf, dps), _mp(support.sup, dps)
        marks = [*values, *(-v for v in values)]

        def density(t, jac):
            v = lp(t, *values)
            v = v.real if isinstance(v, mpmath.mpc) else v
            return _exp(v + jac) if mpmath.isfinite(v) else mpmath.mpf(0)

        for i in range(n):
            for j in range(i, n):
                g = _safe(lambda t, jac, i=i, j=j: fs[i](t, *values) * fs[j](t, *values)
                          * density(t, jac))
                value = integrate(g, a, b, marks, discrete)
                out[i, j] = out[j, i] = sp.Float(value, dps)
    return out


def numeric(expr: sp.Expr, point: dict | None = None, dps: int = 30) -> sp.Float:
    """``expr`` at ``point`` with every Integral/Sum replaced by its mpmath quadrature or
    summation (the integrand lambdified in the variable and the symbols of ``point``, then
    called with the values: see the module's note on substitution)."""
    point = point or {}
    params = sorted(point, key=sp.default_sort_key)

    def integral(e: sp.Integral) -> sp.Float:
        (x, lo, hi), = e.limits
        with mpmath.workdps(dps + 10):
            values = [_mp(point[p], dps) for p in params]
            f = _safe(_lambdify([x, *params], e.function))
            a, b = _mp(lo.xreplace(point), dps), _mp(hi.xreplace(point), dps)
            marks = [*values, *(-v for v in values)]
            value = integrate(lambda t, jac: f(t, *values) * mpmath.exp(jac), a, b, marks,
                              isinstance(e, sp.Sum))
            return sp.Float(value, dps + 5)

    def walk(e: sp.Basic) -> sp.Basic:
        # outermost first: an inner Sum (a Hermite pmf's, to floor(k/2)) belongs to the
        # integrand of the one around it
        if isinstance(e, (sp.Integral, sp.Sum)) and e.free_symbols <= set(point):
            return integral(e)
        return e.func(*[walk(a) for a in e.args]) if e.args else e

    def derivative(d: sp.Derivative) -> sp.Float:
        # ζ'(s) in a Zeta's information: mpmath's numerical derivative of the function itself
        (v, order), = d.variable_count
        others = [p for p in params if p != v]
        with mpmath.workdps(dps + 10):
            f = _lambdify([v, *others], d.expr)
            values = [_mp(point[p], dps) for p in others]
            return sp.Float(mpmath.diff(lambda t: f(t, *values), _mp(point[v], dps), order),
                            dps + 5)

    done = walk(expr).replace(lambda e: isinstance(e, sp.Derivative), derivative)
    return sp.N(done.xreplace(point), dps)


def fingerprint(entry: sp.Expr) -> str:
    """A stable digest of an honest entry's printed form (dummies print by name; terms in their
    stored order: sorting them for printing evaluates an honest integral free of symbols, a
    Gumbel's standard member, numerically): the stored references name the integrand the sweep
    checked numerically."""
    return hashlib.sha256(sp.sstr(entry, order="none").encode()).hexdigest()[:16]
