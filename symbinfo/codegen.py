"""Export closed forms as numerically sound functions for NumPy or mpmath.

:func:`to_numpy` and :func:`to_mpmath` turn a SymPy expression into a fast function of the
given arguments. Before printing, :func:`prepare` rewrites the expression into numerically
safer pieces, each equal to the original wherever the original is defined:

- ``f·log(g)`` → ``xlogy(f, g)`` (0 when f = 0), so entropy terms obey 0·log 0 = 0 instead of
  giving ``nan``; ``f·log(1 + z)`` → ``xlog1py(f, z)``;
- any other ``log(1 + z)`` → ``log1p(z)`` (accurate for small z);
- ``log(gamma(x))`` → ``loggamma(x)`` for positive x (no overflow for large x);
- digamma/polygamma and the gamma function map to ``scipy.special`` when SciPy is importable, and
  otherwise to element-wise mpmath (SciPy is optional: it is not a runtime dependency).

>>> import sympy as sp
>>> p = sp.Symbol("p", positive=True)
>>> h = -p * sp.log(p) - (1 - p) * sp.log(1 - p)
>>> f = to_numpy(h, [p])
>>> [round(float(f(v)), 10) + 0.0 for v in (0.0, 0.5, 1.0)]   # + 0.0 turns -0.0 into 0.0
[0.0, 0.6931471806, 0.0]
>>> g = to_mpmath(h, [p], dps=30)
>>> import mpmath
>>> mpmath.nstr(g("0.5"), 30)
'0.693147180559945309417232121458'

Generated code never contains a user's text: the expression must be a SymPy expression (a
string is refused; parse it first with :func:`symbinfo.parse_expression`), arguments are Symbols
or identifier strings, and any symbol whose name is not an identifier is printed as a fresh
dummy name. Undefined functions cannot be exported (they would be printed as a call by name),
except those made with ``implemented_function`` whose name is an identifier.
"""

from __future__ import annotations

import keyword
from collections.abc import Callable, Sequence
from typing import Any

import mpmath
import sympy as sp
from sympy.codegen.cfunctions import log1p
from sympy.core.function import AppliedUndef
from sympy.printing.pycode import MpmathPrinter  # noqa: F401 - the printer lambdify uses

from .errors import UnsupportedInputError
from .parsing.gate import to_expr
from .precision import namespace

__all__ = ["prepare", "to_mpmath", "to_numpy", "xlog1py", "xlogy"]


class xlogy(sp.Function):
    """x·log(y), defined as 0 when x = 0 (so 0·log 0 = 0).

    >>> xlogy(0, 0), xlogy(2, sp.E)
    (0, 2)
    """

    @classmethod
    def eval(cls, x: sp.Expr, y: sp.Expr) -> sp.Expr | None:
        if x.is_zero:
            return sp.S.Zero
        if x.is_number and y.is_number:
            return x * sp.log(y)
        return None

    def _eval_rewrite_as_log(self, x: sp.Expr, y: sp.Expr, **kwargs: Any) -> sp.Expr:
        return sp.Piecewise((0, sp.Eq(x, 0)), (x * sp.log(y), True))

    def _latex(self, printer: Any) -> str:
        x, y = (printer._print(a) for a in self.args)
        return rf"{x} \log{{\left({y}\right)}}"


class xlog1py(sp.Function):
    """x·log(1 + y), defined as 0 when x = 0.

    >>> xlog1py(0, -1), xlog1py(3, 0)
    (0, 0)
    """

    @classmethod
    def eval(cls, x: sp.Expr, y: sp.Expr) -> sp.Expr | None:
        if x.is_zero:
            return sp.S.Zero
        if x.is_number and y.is_number:
            return x * sp.log(1 + y)
        return None

    def _eval_rewrite_as_log(self, x: sp.Expr, y: sp.Expr, **kwargs: Any) -> sp.Expr:
        return sp.Piecewise((0, sp.Eq(x, 0)), (x * sp.log(1 + y), True))


def _one_plus(arg: sp.Expr) -> sp.Expr | None:
    """z when ``arg`` is 1 + z (z not a number), else None."""
    if isinstance(arg, sp.Add) and sp.S.One in arg.args and len(arg.args) > 1:
        return arg - 1
    return None


def _xlogy_term(term: sp.Mul) -> sp.Expr | None:
    logs = [f for f in term.args if isinstance(f, sp.log) and f.free_symbols]
    if len(logs) != 1:
        return None
    (log,) = logs
    others = [f for f in term.args if f is not log]
    varying = [f for f in others if f.free_symbols]
    if not varying:
        return None
    constant = sp.Mul(*(f for f in others if not f.free_symbols))
    x = sp.Mul(*varying)
    z = _one_plus(log.args[0])
    return constant * (xlog1py(x, z) if z is not None else xlogy(x, log.args[0]))


def prepare(expr: sp.Expr) -> sp.Expr:
    """The numerically safer equal form of ``expr`` that the exporters print.

    >>> p = sp.Symbol("p", positive=True)
    >>> prepare(-p * sp.log(p) - (1 - p) * sp.log(1 - p))
    -xlog1py(1 - p, -p) - xlogy(p, p)
    >>> prepare(sp.log(1 + p**2) + sp.log(sp.gamma(p)))
    log1p(p**2) + loggamma(p)
    """
    expr = to_expr(expr, "the expression to export")
    expr = expr.replace(
        lambda e: isinstance(e, sp.log) and isinstance(e.args[0], sp.gamma)
        and e.args[0].args[0].is_positive is True,
        lambda e: sp.loggamma(e.args[0].args[0]),
    )
    expr = expr.replace(lambda e: isinstance(e, sp.Mul) and _xlogy_term(e) is not None,
                        _xlogy_term)
    # log(1 + z) -> log1p(z); other logarithms keep their form (log(a/b) stays one logarithm)
    return expr.replace(lambda e: isinstance(e, sp.log) and _one_plus(e.args[0]) is not None,
                        lambda e: log1p(_one_plus(e.args[0])))


def _identifier(name: object) -> bool:
    return isinstance(name, str) and name.isidentifier() and not keyword.iskeyword(name)


def _code_safe(expr: object, args: object) -> tuple[sp.Expr, list[sp.Symbol]]:
    """The expression and its arguments, ready for ``lambdify`` without any text reaching the
    generated code: symbols whose names are not identifiers become dummies, argument strings
    become the expression's symbols of that name.

    >>> f = to_mpmath(sp.Symbol("x y") + 1, [sp.Symbol("x y")], dps=15)
    >>> f(1)
    mpf('2.0')
    >>> to_mpmath(sp.Symbol("x"), ["x=0"])
    Traceback (most recent call last):
    ...
    symbinfo.errors.UnsupportedInputError: an argument must be a Symbol or a Python identifier, not 'x=0'
    """  # noqa: E501
    expr = to_expr(expr, "the expression to export")
    if isinstance(args, (str, sp.Symbol)):
        args = [args]
    if not isinstance(args, (list, tuple, sp.Tuple)):
        raise UnsupportedInputError(
            f"args must be a list of Symbols or names, not {type(args).__name__}")
    by_name: dict[str, list[sp.Symbol]] = {}
    for s in expr.free_symbols:
        if isinstance(s, sp.Symbol):
            by_name.setdefault(s.name, []).append(s)
    symbols = []
    for arg in args:
        if isinstance(arg, sp.Symbol):
            symbols.append(arg)
        elif _identifier(arg):
            same = by_name.get(arg, [])
            if len(same) > 1:
                raise UnsupportedInputError(
                    f"the expression has {len(same)} symbols named {arg!r}; pass the Symbol")
            symbols.append(same[0] if same else sp.Symbol(arg))
        else:
            raise UnsupportedInputError(
                f"an argument must be a Symbol or a Python identifier, not {arg!r:.60}")
    for node in sp.preorder_traversal(expr):
        if isinstance(node, AppliedUndef) and not (
                hasattr(node, "_imp_") and _identifier(node.func.__name__)):
            raise UnsupportedInputError(
                f"cannot export the undefined function {node.func.__name__!r:.60}")
        name = getattr(node, "name", None)
        if isinstance(name, str) and not isinstance(node, sp.Symbol) and not _identifier(name):
            raise UnsupportedInputError(f"cannot export {type(node).__name__} {name!r:.60}")
    # a symbol is printed by name: names that are not identifiers are printed as dummies
    unsafe = {s: sp.Dummy() for s in expr.free_symbols | set(symbols)
              if isinstance(s, sp.Symbol) and not _identifier(s.name)}
    return expr.xreplace(unsafe), [unsafe.get(s, s) for s in symbols]


# --- NumPy ---------------------------------------------------------------------------------


def _numpy_namespace(scipy: bool | None = None) -> tuple[dict, list]:
    """Implementations for the functions NumPy lacks: SciPy's when available (and ``scipy`` is
    not False), else element-wise mpmath."""
    import numpy as np

    sc = None
    if scipy is not False:
        try:
            import scipy.special as sc
        except ImportError:  # SciPy is optional
            if scipy:
                raise
    if sc is not None:
        return {"xlogy": sc.xlogy, "xlog1py": sc.xlog1py}, ["scipy", "numpy"]

    def elementwise(fn: Callable) -> Callable:
        vec = np.vectorize(lambda *a: float(fn(*a)), otypes=[float])
        return lambda *a: vec(*a)

    def np_xlogy(x: Any, y: Any) -> Any:
        x, y = np.broadcast_arrays(np.asarray(x, float), np.asarray(y, float))
        with np.errstate(divide="ignore", invalid="ignore"):
            out = x * np.log(y)
        return np.where(x == 0, 0.0, out)[()]

    def np_xlog1py(x: Any, y: Any) -> Any:
        x, y = np.broadcast_arrays(np.asarray(x, float), np.asarray(y, float))
        with np.errstate(divide="ignore", invalid="ignore"):
            out = x * np.log1p(y)
        return np.where(x == 0, 0.0, out)[()]

    ns = {
        "xlogy": np_xlogy, "xlog1py": np_xlog1py,
        "loggamma": elementwise(mpmath.loggamma), "gamma": elementwise(mpmath.gamma),
        "digamma": elementwise(mpmath.digamma), "polygamma": elementwise(mpmath.polygamma),
        "beta": elementwise(mpmath.beta), "zeta": elementwise(mpmath.zeta),
    }
    return ns, ["numpy"]


def to_numpy(expr: sp.Expr, args: Sequence[sp.Symbol], scipy: bool | None = None
             ) -> Callable[..., Any]:
    """A NumPy function of ``args`` (arrays broadcast) computing ``expr`` in float64.

    Uses :func:`prepare`, NumPy, and ``scipy.special`` for xlogy/gammaln/digamma when SciPy is
    installed (element-wise mpmath otherwise). ``scipy=False`` forces the SciPy-free path,
    ``scipy=True`` requires SciPy.

    >>> import numpy as np
    >>> m1, m2 = sp.symbols("m1 m2", real=True); s1, s2 = sp.symbols("s1 s2", positive=True)
    >>> kl = sp.log(s2 / s1) + (s1**2 + (m1 - m2)**2) / (2 * s2**2) - sp.Rational(1, 2)
    >>> f = to_numpy(kl, [m1, s1, m2, s2])
    >>> f(np.array([0.0, 1.0]), 1.0, 0.0, 1.0)
    array([0. , 0.5])
    """
    if scipy is not None and not isinstance(scipy, bool):
        raise UnsupportedInputError(f"scipy must be True, False or None, not {scipy!r:.60}")
    expr, args = _code_safe(expr, args)
    ns, modules = _numpy_namespace(scipy)
    return sp.lambdify(args, prepare(expr), modules=[ns, *modules])


# --- mpmath --------------------------------------------------------------------------------


def _hoist_constants(expr: sp.Expr) -> tuple[sp.Expr, dict[sp.Symbol, sp.Expr]]:
    """Replace maximal numeric subexpressions (1/2, log(2*pi), ...) by symbols, so an exported
    function evaluates them once at export time instead of on every call."""
    constants: dict[sp.Expr, sp.Symbol] = {}

    def visit(e: sp.Basic) -> sp.Basic:
        if (isinstance(e, sp.Expr) and e.is_number and not e.is_Integer
                and e.is_finite is not False and not e.has(sp.zoo, sp.nan)):
            if e not in constants:
                constants[e] = sp.Symbol(f"_symbinfo_c{len(constants)}")
            return constants[e]
        if not e.args or (isinstance(e, (sp.Symbol, sp.Tuple)) and not e.args):
            return e
        return e.func(*(visit(a) for a in e.args))

    return visit(expr), {sym: value for value, sym in constants.items()}


def to_mpmath(expr: sp.Expr, args: Sequence[sp.Symbol], dps: int = 50
              ) -> Callable[..., mpmath.mpf]:
    """An mpmath function of ``args`` computing ``expr`` at ``dps`` significant digits.

    The function computes in its own mpmath context (``mpmath.MPContext`` at ``dps``), so it
    never reads or changes the global precision; numeric constants are evaluated once, when
    exporting. Arguments may be numbers, mpmath numbers or strings (read exactly at ``dps``
    digits); the result is an ``mpf`` (``mpc`` if complex) of that context.

    >>> x = sp.Symbol("x", positive=True)
    >>> import mpmath
    >>> mpmath.nstr(to_mpmath(sp.log(1 + x), [x], dps=25)("1e-30"), 20)   # log1p: no cancellation
    '1.0e-30'
    """
    if isinstance(dps, bool) or not isinstance(dps, int) or not 1 <= dps <= 100_000:
        raise UnsupportedInputError(f"dps must be an integer from 1 to 100000, not {dps!r:.60}")
    shown = f"{sp.sstr(expr)} at {dps} digits, as a function of {list(args)}"
    expr, args = _code_safe(expr, args)
    ctx = mpmath.MPContext()
    ctx.dps = dps
    body, constants = _hoist_constants(prepare(expr))
    # the context's own functions shadow the global mpmath ones in the generated code
    ns: dict[str, Any] = namespace(ctx)  # SymPy's names too (elliptic_k -> ctx.ellipk)
    ns["xlogy"] = lambda x, y: ctx.zero if x == 0 else x * ctx.log(y)
    ns["xlog1py"] = lambda x, y: ctx.zero if x == 0 else x * ctx.log1p(y)
    guard = dps + 10
    values = {sym.name: ctx.mpf(str(sp.N(value, guard))) if value.is_real else
              ctx.mpc(complex(sp.N(value, guard))) for sym, value in constants.items()}
    raw = sp.lambdify(args, body, modules=[ns, "mpmath"])
    # lambdify binds the expression's other free symbols to themselves: bind the constants
    raw.__globals__.update(values)
    convert, native = ctx.convert, ctx.mpf

    def evaluate(*values: Any) -> mpmath.mpf:
        # numbers already made by this context (evaluate.context.mpf) skip the conversion
        return raw(*(v if type(v) is native else convert(v) for v in values))

    evaluate.__doc__ = shown
    evaluate.context = ctx  # type: ignore[attr-defined] - make inputs with ctx.mpf, if wanted
    return evaluate
