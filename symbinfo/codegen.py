"""Export closed forms as numerically sound functions for NumPy or mpmath.

:func:`to_numpy` and :func:`to_mpmath` turn a SymPy expression into a fast function of the
given arguments. Before printing, :func:`prepare` rewrites the expression into numerically
safer pieces, each equal to the original wherever the original is defined:

- ``f·log(g)`` → ``xlogy(f, g)`` (0 when f = 0), so entropy terms obey 0·log 0 = 0 instead of
  giving ``nan``; ``f·log(1 + z)`` → ``xlog1py(f, z)``;
- any other ``log(1 + z)`` → ``log1p(z)`` (accurate for small z);
- ``log(gamma(x))`` → ``loggamma(x)`` for positive x (no overflow for large x);
- ``log(1 + exp(z))`` → ``softplus(z)``, ``log(exp(a) + exp(b))`` → ``logaddexp(a, b)``, and in
  general a logarithm of a product or quotient of such factors splits into them (for real z,
  a, b), so a binary cross-entropy with
  logits (log(1 − 1/(1 + exp(−x))) → −softplus(x)) never overflows;
- ``log(det S)`` of a matrix expression → ``logdet(S)`` (from ``slogdet``, ``nan`` where
  det S < 0, as ``log`` gives);
- digamma/polygamma and the gamma function map to ``scipy.special`` when SciPy is importable, and
  otherwise to element-wise mpmath (SciPy is optional: it is not a runtime dependency).

:func:`to_source` returns the *source text* of such a function for NumPy/SciPy, PyTorch or JAX
(``torch.xlogy``, ``torch.special.xlog1py``, ``torch.log1p``,
``torch.nn.functional.softplus``, ``torch.logaddexp``, ``torch.lgamma``,
``torch.special.digamma``; the ``jax.numpy``/``jax.scipy.special``/``jax.nn`` equivalents),
including matrix expressions (``MatrixSymbol`` KL of multivariate normals: ``@``,
``linalg.solve`` for S⁻¹B, ``trace``, ``slogdet``).

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
(or MatrixSymbols) or identifier strings, and any symbol whose name is not an identifier is
printed as a fresh dummy name (in :func:`to_source`, as ``x0``, ``x1``...). Undefined functions
cannot be exported (they would be printed as a call by name),
except those made with ``implemented_function`` whose name is an identifier.
"""

from __future__ import annotations

import keyword
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

import mpmath
import sympy as sp
from sympy.codegen.cfunctions import log1p
from sympy.core.function import AppliedUndef
from sympy.printing.pycode import MpmathPrinter  # noqa: F401 - the printer lambdify uses

from .errors import UnsupportedInputError, guarded
from .parsing.gate import to_expr
from .precision import namespace

__all__ = ["BACKENDS", "logaddexp", "logdet", "prepare", "softplus", "to_mpmath", "to_numpy",
           "to_source", "xlog1py", "xlogy"]


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


class softplus(sp.Function):
    """softplus(z) = log(1 + exp(z)), computed without overflow.

    >>> z = sp.Symbol("z", real=True)
    >>> softplus(z).rewrite(sp.log), softplus(0)
    (log(exp(z) + 1), log(2))
    """

    @classmethod
    def eval(cls, z: sp.Expr) -> sp.Expr | None:
        if z.is_Number:
            return sp.log(1 + sp.exp(z))
        return None

    def _eval_rewrite_as_log(self, z: sp.Expr, **kwargs: Any) -> sp.Expr:
        return sp.log(1 + sp.exp(z))

    def _eval_evalf(self, prec: int) -> sp.Expr:
        return self.rewrite(sp.log)._eval_evalf(prec)


class logaddexp(sp.Function):
    """logaddexp(a, b, ...) = log(exp(a) + exp(b) + ...), computed without overflow.

    >>> a, b = sp.symbols("a b", real=True)
    >>> logaddexp(a, b).rewrite(sp.log)
    log(exp(a) + exp(b))
    """

    @classmethod
    def eval(cls, *args: sp.Expr) -> sp.Expr | None:
        if len(args) < 2:
            raise TypeError("logaddexp takes at least two arguments")
        return None

    def _eval_rewrite_as_log(self, *args: sp.Expr, **kwargs: Any) -> sp.Expr:
        return sp.log(sp.Add(*(sp.exp(a) for a in args)))

    def _eval_evalf(self, prec: int) -> sp.Expr:
        return self.rewrite(sp.log)._eval_evalf(prec)


class logdet(sp.Function):
    """log(det S) of a square matrix expression (``nan`` in exported code where det S < 0).

    >>> S = sp.MatrixSymbol("S", 2, 2)
    >>> logdet(S).rewrite(sp.log)
    log(Determinant(S))
    """

    @classmethod
    def eval(cls, S: sp.Basic) -> sp.Expr | None:
        return None

    def _eval_rewrite_as_log(self, S: sp.Basic, **kwargs: Any) -> sp.Expr:
        return sp.log(sp.Determinant(S))


def _softplus_argument(f: sp.Expr) -> sp.Expr | None:
    """z when ``f`` is 1 + exp(z) with z real."""
    if isinstance(f, sp.Add) and len(f.args) == 2 and sp.S.One in f.args:
        (other,) = [a for a in f.args if a is not sp.S.One]
        if isinstance(other, sp.exp) and other.args[0].is_extended_real is True:
            return other.args[0]
    return None


def _stable_log(arg: sp.Expr) -> sp.Expr | None:
    """log(arg) split into softplus/logaddexp terms, or None when arg has no such factor.

    Only real positive factors (exp(a), 1 + exp(z) with a, z real) are split off, so
    log(c·rest) = log c + log(rest) holds for every value of the rest (principal branch).

    >>> x = sp.Symbol("x", real=True)
    >>> _stable_log(1 - 1 / (1 + sp.exp(-x))), _stable_log(1 / (1 + sp.exp(-x)))
    (-softplus(x), x - softplus(x))
    >>> _stable_log(sp.exp(x) + sp.exp(2 * x))
    logaddexp(x, 2*x)
    """
    if not arg.has(sp.exp):
        return None
    if (isinstance(arg, sp.Add) and all(isinstance(t, sp.exp) for t in arg.args)
            and all(t.args[0].is_extended_real is True for t in arg.args)):
        return logaddexp(*(t.args[0] for t in arg.args))
    for form in (arg, sp.together(arg)):
        out = _split_log(*form.as_numer_denom())
        if out is not None:
            return out
    return None


def _split_log(num: sp.Expr, den: sp.Expr) -> sp.Expr | None:
    out, rest, found = sp.S.Zero, sp.S.One, False
    for sign, part in ((1, num), (-1, den)):
        for f in sp.Mul.make_args(part):
            base, power = f.as_base_exp() if not isinstance(f, sp.exp) else (f, sp.S.One)
            z = _softplus_argument(base)
            if z is not None and power.is_integer:
                out += sign * power * softplus(z)
                found = True
            elif isinstance(f, sp.exp) and f.args[0].is_extended_real is True:
                out += sign * f.args[0]
            else:
                rest *= f**sign
    if not found:
        return None
    return out + (sp.log(rest) if rest != 1 else 0)


def _log_beta(a: sp.Expr, b: sp.Expr) -> sp.Expr:
    return sp.loggamma(a) + sp.loggamma(b) - sp.loggamma(a + b)


def _log_of_betas(arg: sp.Expr) -> sp.Expr | None:
    """log(arg) with its Beta-function factors (positive arguments, integer powers: positive
    reals, so the logarithm splits) in log-gamma form; None when there is none.

    >>> a, b, c = sp.symbols("a b c", positive=True)
    >>> _log_of_betas(sp.beta(a, b) / sp.beta(c, b))
    loggamma(a) - loggamma(c) - loggamma(a + b) + loggamma(b + c)
    """
    if not arg.has(sp.beta):
        return None
    out, rest, found = sp.S.Zero, sp.S.One, False
    for f in sp.Mul.make_args(arg):
        base, power = f.as_base_exp()
        if (isinstance(base, sp.beta) and power.is_integer
                and all(x.is_positive is True for x in base.args)):
            out += power * _log_beta(*base.args)
            found = True
        else:
            rest *= f
    if not found:
        return None
    return out + (sp.log(rest) if rest != 1 else 0)


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
    >>> x = sp.Symbol("x", real=True)
    >>> prepare(-p * sp.log(1 / (1 + sp.exp(-x))) - (1 - p) * sp.log(1 - 1 / (1 + sp.exp(-x))))
    -p*(x - softplus(x)) + (1 - p)*softplus(x)
    """
    expr = to_expr(expr, "the expression to export")
    expr = expr.replace(
        lambda e: isinstance(e, sp.log) and isinstance(e.args[0], sp.gamma)
        and e.args[0].args[0].is_positive is True,
        lambda e: sp.loggamma(e.args[0].args[0]),
    )
    expr = expr.replace(
        lambda e: isinstance(e, sp.log) and isinstance(e.args[0], sp.Determinant),
        lambda e: logdet(e.args[0].args[0]),
    )
    # B(a, b) = Γ(a)Γ(b)/Γ(a + b) (DLMF 5.12.1) in log-gamma form, which cannot overflow;
    # H(x) = ψ(x + 1) + γ (DLMF 25.11.33 / SymPy's harmonic for non-integers), which every
    # backend has
    expr = expr.replace(lambda e: isinstance(e, sp.log) and _log_of_betas(e.args[0]) is not None,
                        lambda e: _log_of_betas(e.args[0]))
    expr = expr.replace(
        lambda e: isinstance(e, sp.beta) and all(a.is_positive is True for a in e.args),
        lambda e: sp.exp(_log_beta(*e.args)),
    )
    expr = expr.replace(lambda e: isinstance(e, sp.harmonic) and len(e.args) == 1,
                        lambda e: sp.digamma(e.args[0] + 1) + sp.EulerGamma)
    expr = expr.replace(lambda e: isinstance(e, sp.log) and _stable_log(e.args[0]) is not None,
                        lambda e: _stable_log(e.args[0]))
    expr = expr.replace(lambda e: isinstance(e, sp.Mul) and _xlogy_term(e) is not None,
                        _xlogy_term)
    # log(1 + z) -> log1p(z); other logarithms keep their form (log(a/b) stays one logarithm)
    return expr.replace(lambda e: isinstance(e, sp.log) and _one_plus(e.args[0]) is not None,
                        lambda e: log1p(_one_plus(e.args[0])))


def _no_unevaluated(expr: sp.Expr, backend: str) -> None:
    """Refuse an unevaluated Sum or Integral: array code would loop over an infinite range."""
    if expr.has(sp.Sum, sp.Integral):
        raise UnsupportedInputError(
            f"cannot export an unevaluated Sum or Integral to {backend}; evaluate it with "
            "to_mpmath (quadrature and series at any precision)")


def _identifier(name: object) -> bool:
    return isinstance(name, str) and name.isidentifier() and not keyword.iskeyword(name)


def _code_safe(expr: object, args: object) -> tuple[sp.Expr, list[sp.Basic]]:
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
    if isinstance(args, (str, sp.Symbol, sp.MatrixSymbol)):
        args = [args]
    if not isinstance(args, (list, tuple, sp.Tuple)):
        raise UnsupportedInputError(
            f"args must be a list of Symbols or names, not {type(args).__name__}")
    by_name: dict[str, list[sp.Symbol]] = {}
    for s in expr.free_symbols:
        if isinstance(s, (sp.Symbol, sp.MatrixSymbol)):
            by_name.setdefault(s.name, []).append(s)
    symbols = []
    for arg in args:
        if isinstance(arg, (sp.Symbol, sp.MatrixSymbol)):
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
    def np_logdet(a: Any) -> Any:
        sign, value = np.linalg.slogdet(a)
        return np.where(sign > 0, value, np.nan)[()]

    common = {"log1p": np.log1p, "logaddexp": np.logaddexp, "det": np.linalg.det,
              "inv": np.linalg.inv, "solve": np.linalg.solve, "trace": np.trace,
              "logdet": np_logdet}
    if sc is not None:
        return {**common, "xlogy": sc.xlogy, "xlog1py": sc.xlog1py, "gammaln": sc.gammaln,
                "digamma": sc.digamma, "polygamma": sc.polygamma}, ["scipy", "numpy"]

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
        **common, "xlogy": np_xlogy, "xlog1py": np_xlog1py,
        "gammaln": elementwise(mpmath.loggamma),
        "loggamma": elementwise(mpmath.loggamma), "gamma": elementwise(mpmath.gamma),
        "digamma": elementwise(mpmath.digamma), "polygamma": elementwise(mpmath.polygamma),
        "beta": elementwise(mpmath.beta), "zeta": elementwise(mpmath.zeta),
    }
    return ns, ["numpy"]


@guarded
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
    _no_unevaluated(expr, "numpy")
    ns, modules = _numpy_namespace(scipy)
    # the printer of to_source(backend="numpy"): stable forms and matrix expressions
    printer = _printers()["numpy"]({"fully_qualified_modules": False, "inline": True,
                                    "allow_unknown_functions": True, "user_functions": {}})
    return sp.lambdify(args, prepare(expr), modules=[ns, *modules], printer=printer)


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


@guarded
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
    if any(isinstance(a, sp.MatrixSymbol) for a in args) or expr.has(sp.MatrixSymbol):
        raise UnsupportedInputError(
            "to_mpmath exports scalar expressions; use to_numpy or to_source for matrix ones")
    ctx = mpmath.MPContext()
    ctx.dps = dps
    body, constants = _hoist_constants(prepare(expr))
    # the context's own functions shadow the global mpmath ones in the generated code
    ns: dict[str, Any] = namespace(ctx)  # SymPy's names too (elliptic_k -> ctx.ellipk)
    ns["xlogy"] = lambda x, y: ctx.zero if x == 0 else x * ctx.log(y)
    ns["xlog1py"] = lambda x, y: ctx.zero if x == 0 else x * ctx.log1p(y)

    def mp_softplus(z: Any) -> Any:  # log(1 + e^z) without losing e^z when it is tiny
        return z + ctx.log1p(ctx.exp(-z)) if z > 0 else ctx.log1p(ctx.exp(z))

    def mp_logaddexp(*zs: Any) -> Any:
        top = max(zs)
        return top + ctx.log(ctx.fsum(ctx.exp(z - top) for z in zs))

    ns["softplus"], ns["logaddexp"] = mp_softplus, mp_logaddexp
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


# --- source text for NumPy/SciPy, PyTorch and JAX -------------------------------------------

#: the backends of :func:`to_source`: name -> {operation: the dotted function it prints as}
BACKENDS: dict[str, dict[str, str]] = {
    "numpy": {
        "xlogy": "scipy.special.xlogy", "xlog1py": "scipy.special.xlog1py",
        "log1p": "numpy.log1p", "logaddexp": "numpy.logaddexp", "gammaln": "scipy.special.gammaln",
        "digamma": "scipy.special.digamma", "polygamma": "scipy.special.polygamma",
        "det": "numpy.linalg.det", "inv": "numpy.linalg.inv", "solve": "numpy.linalg.solve",
        "trace": "numpy.trace", "slogdet": "numpy.linalg.slogdet", "where": "numpy.where",
        "nan": "numpy.nan", "exp1": "scipy.special.exp1", "expn": "scipy.special.expn",
    },
    "torch": {
        "xlogy": "torch.special.xlogy", "xlog1py": "torch.special.xlog1py",
        "log1p": "torch.log1p", "softplus": "torch.nn.functional.softplus",
        "logaddexp": "torch.logaddexp", "gammaln": "torch.lgamma",
        "digamma": "torch.special.digamma", "polygamma": "torch.special.polygamma",
        "det": "torch.linalg.det", "inv": "torch.linalg.inv", "solve": "torch.linalg.solve",
        "trace": "torch.trace", "logdet": "torch.logdet",
        "i0": "torch.special.modified_bessel_i0", "i1": "torch.special.modified_bessel_i1",
    },
    "jax": {
        "xlogy": "jax.scipy.special.xlogy", "xlog1py": "jax.scipy.special.xlog1py",
        "log1p": "jax.numpy.log1p", "softplus": "jax.nn.softplus",
        "logaddexp": "jax.numpy.logaddexp", "gammaln": "jax.scipy.special.gammaln",
        "digamma": "jax.scipy.special.digamma", "polygamma": "jax.scipy.special.polygamma",
        "det": "jax.numpy.linalg.det", "inv": "jax.numpy.linalg.inv",
        "solve": "jax.numpy.linalg.solve", "trace": "jax.numpy.trace",
        "slogdet": "jax.numpy.linalg.slogdet", "where": "jax.numpy.where", "nan": "jax.numpy.nan",
        "i0": "jax.scipy.special.i0", "i1": "jax.scipy.special.i1",
        "exp1": "jax.scipy.special.exp1", "expn": "jax.scipy.special.expn",
    },
}

#: names an argument of generated code may not have (they would shadow what the code calls)
_RESERVED = {"numpy", "scipy", "torch", "jax", "math", "mpmath", "logdet"}


def _stable_printer(base: type) -> type:
    """``base`` (SymPy's SciPy, Torch or JAX printer) with the numerically stable forms and the
    matrix operations of :data:`BACKENDS`."""

    class Printer(base):
        names: ClassVar[dict[str, str]] = {}

        def _fallback(self, e: sp.Expr) -> str:
            """The base printer's own form of ``e``, or its refusal."""
            method = getattr(super(), f"_print_{type(e).__name__}", None)
            return method(e) if method is not None else self._print_not_supported(e)

        def _call(self, op: str, *args: sp.Basic) -> str:
            return f"{self._module_format(self.names[op])}({', '.join(map(self._print, args))})"

        def _print_xlogy(self, e: sp.Expr) -> str:
            return self._call("xlogy", *e.args)

        def _print_xlog1py(self, e: sp.Expr) -> str:
            return self._call("xlog1py", *e.args)

        def _print_log1p(self, e: sp.Expr) -> str:
            return self._call("log1p", *e.args)

        def _print_softplus(self, e: sp.Expr) -> str:
            if self.names is BACKENDS["torch"]:
                # torch's softplus returns z itself above ``threshold`` (default 20, an error
                # of exp(-20) = 2e-9); at 40 the error exp(-40) is below double rounding
                name = self._module_format(self.names["softplus"])
                return f"{name}({self._print(e.args[0])}, beta=1.0, threshold=40.0)"
            if "softplus" in self.names:
                return self._call("softplus", e.args[0])
            return self._call("logaddexp", sp.S.Zero, e.args[0])

        def _print_logaddexp(self, e: sp.Expr) -> str:
            out = self._print(e.args[0])
            for a in e.args[1:]:
                out = f"{self._module_format(self.names['logaddexp'])}({out}, {self._print(a)})"
            return out

        def _print_loggamma(self, e: sp.Expr) -> str:
            return self._call("gammaln", *e.args)

        def _print_polygamma(self, e: sp.Expr) -> str:
            n, x = e.args
            return self._call("digamma", x) if n == 0 else self._call("polygamma", n, x)

        def _print_besseli(self, e: sp.Expr) -> str:
            order, x = e.args
            if order in (0, 1) and f"i{order}" in self.names:
                return self._call(f"i{order}", x)
            return self._fallback(e)

        def _print_expint(self, e: sp.Expr) -> str:
            order, x = e.args
            if order == 1 and "exp1" in self.names:
                return self._call("exp1", x)
            if order.is_Integer and order >= 0 and "expn" in self.names:
                return self._call("expn", order, x)
            return self._fallback(e)

        def _print_E1(self, e: sp.Expr) -> str:
            return self._print_expint(sp.expint(1, e.args[0], evaluate=False))

        def _print_logdet(self, e: sp.Expr) -> str:
            if "logdet" in self.names:
                return self._call("logdet", e.args[0])
            return f"logdet({self._print(e.args[0])})"  # the helper written with the code

        def _print_Determinant(self, e: sp.Expr) -> str:
            return self._call("det", e.args[0])

        def _print_Trace(self, e: sp.Expr) -> str:
            return self._call("trace", e.args[0])

        def _print_Inverse(self, e: sp.Expr) -> str:
            return self._call("inv", e.args[0])

        def _print_Transpose(self, e: sp.Expr) -> str:
            return f"({self._print(e.args[0])}).T"

        def _print_MatAdd(self, e: sp.Expr) -> str:
            return "(" + " + ".join(self._print(a) for a in e.args) + ")"

        def _print_MatMul(self, e: sp.Expr) -> str:
            coeff = sp.Mul(*(a for a in e.args if not getattr(a, "is_Matrix", False)))
            factors = [a for a in e.args if getattr(a, "is_Matrix", False)]
            out = None
            while factors:  # right to left: S^-1 B is solve(S, B), never an explicit inverse
                f = factors.pop()
                if isinstance(f, sp.Inverse) and out is not None:
                    solve = self._module_format(self.names["solve"])
                    out = f"{solve}({self._print(f.args[0])}, {out})"
                else:
                    printed = self._print(f)
                    out = printed if out is None else f"({printed}) @ ({out})"
            return out if coeff == 1 else f"({self._print(coeff)})*({out})"

    return Printer


def _printers() -> dict[str, type]:
    from sympy.printing.numpy import JaxPrinter, SciPyPrinter
    from sympy.printing.pytorch import TorchPrinter

    out = {}
    for name, base in (("numpy", SciPyPrinter), ("torch", TorchPrinter), ("jax", JaxPrinter)):
        cls = _stable_printer(base)
        cls.names = BACKENDS[name]
        out[name] = cls
    return out


_LOGDET_HELPER = """

def logdet(a):
    sign, value = {slogdet}(a)
    return {where}(sign > 0, value, {nan})
"""


def _default_args(expr: sp.Expr) -> list[sp.Basic]:
    return sorted((s for s in expr.free_symbols if isinstance(s, (sp.Symbol, sp.MatrixSymbol))),
                  key=lambda s: (isinstance(s, sp.MatrixSymbol), s.name))


@guarded
def to_source(expr: sp.Expr, args: Sequence[sp.Basic] | None = None, *,
              backend: str = "numpy", name: str = "f") -> str:
    """The Python source text of a function ``name(*args)`` computing ``expr`` with NumPy/SciPy
    (``backend="numpy"``), PyTorch (``"torch"``) or JAX (``"jax"``).

    The expression is first put in its numerically stable form (:func:`prepare`: ``xlogy``,
    ``xlog1py``, ``log1p``, ``softplus``, ``logaddexp``, ``lgamma``, ``digamma``, ``logdet``);
    matrix expressions (``MatrixSymbol``) use ``@``, ``linalg.solve`` for S⁻¹B, ``trace`` and
    ``slogdet``; vectors are column matrices (n × 1). Numeric constants are evaluated once, as
    module-level floats. ``args`` defaults to the free symbols sorted by name (scalars first).
    The text holds only fixed code, numbers and identifiers: a symbol whose name is not a plain
    identifier (or would shadow a module) becomes ``x0``, ``x1``...

    >>> x = sp.Symbol("x", real=True); y = sp.Symbol("y", positive=True)
    >>> bce = -y * sp.log(1 / (1 + sp.exp(-x))) - (1 - y) * sp.log(1 - 1 / (1 + sp.exp(-x)))
    >>> print(to_source(bce, [x, y], backend="jax", name="bce_with_logits"))
    import jax.nn
    <BLANKLINE>
    <BLANKLINE>
    def bce_with_logits(x, y):
        return -y*(x - jax.nn.softplus(x)) + (1 - y)*jax.nn.softplus(x)
    <BLANKLINE>
    >>> "torch.nn.functional.softplus(x" in to_source(bce, [x, y], backend="torch")
    True
    >>> print(to_source(sp.log(1 + y) + sp.Rational(1, 3), backend="numpy"))
    import numpy
    <BLANKLINE>
    _c0 = 0.3333333333333333
    <BLANKLINE>
    <BLANKLINE>
    def f(y):
        return _c0 + numpy.log1p(y)
    <BLANKLINE>
    """
    if not isinstance(backend, str) or backend not in BACKENDS:
        raise UnsupportedInputError(
            f"backend must be one of {', '.join(BACKENDS)}, not {backend!r:.60}")
    if not _identifier(name) or name in _RESERVED or name.startswith("_"):
        raise UnsupportedInputError(f"name must be a plain Python identifier, not {name!r:.60}")
    if args is None:
        args = _default_args(to_expr(expr, "the expression to export"))
    expr, args = _code_safe(expr, args)
    _no_unevaluated(expr, backend)
    if len(set(args)) != len(args):
        raise UnsupportedInputError("an argument is given twice")
    # plain names for the arguments: identifiers that shadow nothing the code calls
    rename: dict = {}
    for i, a in enumerate(args):
        plain = (_identifier(a.name) and not a.name.startswith("_") and not isinstance(a, sp.Dummy)
                 and a.name not in _RESERVED and a.name != name)
        if not plain:
            rename[a] = (sp.MatrixSymbol(f"x{i}", *a.shape) if isinstance(a, sp.MatrixSymbol)
                         else sp.Symbol(f"x{i}", **a.assumptions0))
    taken = {a.name for a in args if a not in rename}
    if any(r.name in taken for r in rename.values()):
        raise UnsupportedInputError("rename the arguments: x0, x1... are needed for others")
    expr = expr.xreplace(rename)
    args = [rename.get(a, a) for a in args]
    extra = expr.free_symbols - set(args)
    if extra:
        raise UnsupportedInputError(
            "the expression has symbols that are not arguments: "
            + ", ".join(sorted(s.name for s in extra if _identifier(s.name))[:5]))
    body, constants = _hoist_constants(prepare(expr))
    names = {sym: sp.Symbol(f"_c{i}") for i, sym in enumerate(constants)}
    body = body.xreplace(names)
    printer = _printers()[backend]({"fully_qualified_modules": True, "inline": True,
                                    "allow_unknown_functions": False, "strict": True})
    try:
        code = printer.doprint(body)
    except Exception as exc:  # a function this backend has no form for
        what = str(exc).splitlines()[0].rsplit(": ", 1)[-1]
        raise UnsupportedInputError(
            f"cannot export to {backend}: it has no form of {what:.60} here (try another "
            "backend, or to_mpmath)") from None
    lines = []
    for sym, value in constants.items():
        number = sp.N(value, 20)
        if not (number.is_real and number.is_finite):
            raise UnsupportedInputError("cannot export a constant that is not a finite real")
        lines.append(f"{names[sym].name} = {float(number)!r}")
    helper = ""
    if "logdet(" in code and "logdet" not in BACKENDS[backend]:
        table = BACKENDS[backend]
        helper = _LOGDET_HELPER.format(**{k: printer._module_format(table[k])
                                          for k in ("slogdet", "where", "nan")})
    imports = sorted(printer.module_imports)
    head = "\n".join(f"import {m}" for m in imports)
    params = ", ".join(a.name for a in args)
    consts = ("\n" + "\n".join(lines) + "\n") if lines else ""
    return f"{head}\n{consts}{helper}\n\ndef {name}({params}):\n    return {code}\n"
