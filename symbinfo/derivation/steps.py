r"""Derivations as data: frozen steps, each an expression with its justification, checked in order.

A :class:`Derivation` is an ordered tuple of immutable :class:`Step` objects. Every step holds
the expression reached so far and says why it follows from the previous one (a definition, a
substitution, expanding a logarithm, linearity of expectation, known moments with their source,
simplification, a named identity, a closed-form rule with its source, a numeric check, or an
honest "could not do this" leaf). When a derivation is built, every consecutive pair of
expressions is checked equal: symbolically when SymPy can show the difference is zero, otherwise
numerically with mpmath at ``DIGITS`` significant digits at random points drawn from the symbols'
declared domains. How each step was checked is recorded on the step (:class:`Check`); a step that
fails its check raises :class:`DerivationError` and so never reaches a renderer.

Expectations and finite sums are written with :class:`Expect` and :class:`FiniteSum`, unevaluated
SymPy expressions that print like a textbook (``E_P[...]``, ``\sum_{x}``) and that the checker can
evaluate (by quadrature / by summing). Densities written as undefined functions (``p(X)``) are
*bound* to their formulas (``bindings``) so the definition step can be checked too.

>>> import sympy as sp
>>> x = sp.Symbol("x", positive=True)
>>> d = Derivation.build(sp.log(x**2), [
...     Definition(sp.log(x**2), "the expression"),
...     ExpandLog(2 * sp.log(x)),
... ])
>>> [s.check.method for s in d.steps]
['start', 'symbolic']
>>> d.result
2*log(x)
"""

from __future__ import annotations

import importlib
import random
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import ClassVar

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.core.symbol import Str

from ..errors import ResourceLimitError, SymbinfoError
from ..parsing.gate import to_sympy
from ..precision import compiled, evalf, private_context
from .honest import kinks, quadrature, tail_safe_exp

#: significant digits every numeric check must agree to
DIGITS = 30
#: working precision of the numeric checks (guard digits above DIGITS)
WORK_DPS = 40
#: how many random points a numeric check uses
POINTS = 3
#: ``Check.method`` of a step whose numeric check ran out of time
OVER_BUDGET = "over-budget"


class DerivationError(SymbinfoError, ValueError):
    """A derivation step does not follow from the previous one (it failed its check).

    >>> x = sp.Symbol("x", positive=True)
    >>> Derivation.build(x, [Definition(x**2, "x"), Simplify(2 * x)])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    symbinfo.derivation.steps.DerivationError: step 1 (simplify) does not follow: ...
    """


# --- expressions that print like a textbook and evaluate numerically ----------------------------


class Expect(sp.Expr):
    r"""Unevaluated expectation :math:`\mathbb{E}_P[\mathrm{body}(X)]` of a density ``pdf`` on
    ``[lo, hi]`` (or of a pmf on the integers ``lo..hi`` when ``discrete``).

    ``x`` is bound: it is not a free symbol of the expectation.

    >>> X = sp.Symbol("X", real=True)
    >>> e = Expect(X**2, X, sp.exp(-X**2 / 2) / sp.sqrt(2 * sp.pi), -sp.oo, sp.oo, "P")
    >>> e, e.free_symbols
    (E_{X~P}[X**2], set())
    >>> sp.latex(e)
    '\\mathbb{E}_{X \\sim P}\\left[X^{2}\\right]'
    >>> e.numeric(30)
    mpf('1.0')
    """

    is_commutative = True

    def __new__(cls, body: sp.Expr, x: sp.Symbol, pdf: sp.Expr, lo: sp.Expr, hi: sp.Expr,
                label: str | Str = "P", discrete: bool = False) -> Expect:
        label = label if isinstance(label, Str) else Str(label)
        return super().__new__(cls, to_sympy(body, "the body"), x, to_sympy(pdf, "the density"),
                               to_sympy(lo, "a bound"), to_sympy(hi, "a bound"), label,
                               sp.true if discrete else sp.false)

    body = property(lambda self: self.args[0])
    x = property(lambda self: self.args[1])
    pdf = property(lambda self: self.args[2])
    lo = property(lambda self: self.args[3])
    hi = property(lambda self: self.args[4])
    label = property(lambda self: self.args[5].name)
    discrete = property(lambda self: bool(self.args[6]))

    @property
    def free_symbols(self) -> set:
        inner = set().union(*(a.free_symbols for a in (self.body, self.pdf, self.lo, self.hi)))
        return inner - {self.x}

    def with_body(self, body: sp.Expr) -> Expect:
        """The same expectation of another integrand."""
        return Expect(body, *self.args[1:6], discrete=self.discrete)

    def linear_parts(self) -> sp.Expr:
        """Linearity of expectation: Σ cᵢ·E[Tᵢ(X)] with each Tᵢ a product of factors in X and
        cᵢ free of X (E[c] = c since the density is normalised)."""
        body = sp.expand(sp.expand_log(self.body))
        out = []
        for term in sp.Add.make_args(body):
            coeff, stat = term.as_independent(self.x, as_Add=False)
            out.append(coeff if stat == 1 else coeff * self.with_body(stat))
        return sp.Add(*out)

    def numeric(self, dps: int) -> mpmath.mpf:
        """The expectation by mpmath quadrature (or summation) in a private mpmath context at
        ``dps`` digits; all parameters must be numbers."""
        if (self.pdf * self.body).free_symbols - {self.x}:
            raise DerivationError(f"{self} still has free symbols; substitute numbers first")
        ctx = private_context(dps)
        exp = tail_safe_exp(ctx)
        density = compiled([self.x], self.pdf, ctx, exp=exp)
        body = compiled([self.x], self.body, ctx, exp=exp)

        def f(t: mpmath.mpf) -> mpmath.mpf:
            # where the density vanishes the integrand is 0, as in 0·log 0 = 0
            weight = density(t)
            return weight * body(t) if weight != 0 else weight
        if self.discrete:
            ends = [ctx.convert(evalf(v, ctx.dps)) if v.is_finite else
                    (ctx.inf if v is sp.oo else ctx.ninf) for v in (self.lo, self.hi)]
            return ctx.nsum(f, ends)
        cuts = kinks(self.x, [self.pdf, self.body], ctx)
        value, error = quadrature(ctx, f, self.lo, self.hi, cuts)
        if error > ctx.mpf(10) ** (8 - dps) * max(1, abs(value)):
            # an endpoint singularity (x**(k/2 - 1) near 0, (1 - x)**(b - 1) near 1) limits
            # tanh-sinh by how close its nodes get to the end: twice the digits get closer
            ctx.dps = 2 * dps
            value, error = quadrature(ctx, f, self.lo, self.hi, cuts)
        return value

    def _sympystr(self, printer) -> str:
        return f"E_{{{printer._print(self.x)}~{self.label}}}[{printer._print(self.body)}]"

    def _latex(self, printer) -> str:
        return (rf"\mathbb{{E}}_{{{printer._print(self.x)} \sim {printer._print(self.args[5])}}}"
                rf"\left[{printer._print(self.body)}\right]")


class FiniteSum(sp.Expr):
    r"""Unevaluated sum of ``body`` over the listed ``outcomes`` of ``x`` (a finite alphabet).

    ``x`` may be a tuple of symbols; each outcome is then a tuple of the same length.

    >>> x, p = sp.Symbol("x"), sp.Function("p")
    >>> s = FiniteSum(-p(x) * sp.log(p(x)), x, [0, 1])
    >>> s, s.terms()
    (Sum_{x}(-p(x)*log(p(x))), [-p(0)*log(p(0)), -p(1)*log(p(1))])
    >>> sp.latex(FiniteSum(p(x), (x, sp.Symbol("y")), [(0, 0)]))
    '\\sum_{x, y} p{\\left(x \\right)}'
    """

    is_commutative = True

    def __new__(cls, body: sp.Expr, x: sp.Symbol | Sequence[sp.Symbol],
                outcomes: Iterable) -> FiniteSum:
        xs = sp.Tuple(*x) if isinstance(x, (tuple, list, sp.Tuple)) else sp.Tuple(x)
        outs = [sp.Tuple(*o) if isinstance(o, (tuple, list, sp.Tuple)) else sp.Tuple(o)
                for o in outcomes]
        return super().__new__(cls, to_sympy(body, "the body"), xs, sp.Tuple(*outs))

    body = property(lambda self: self.args[0])
    variables = property(lambda self: tuple(self.args[1]))
    outcomes = property(lambda self: tuple(self.args[2]))

    @property
    def free_symbols(self) -> set:
        return self.body.free_symbols - set(self.variables)

    def terms(self) -> list[sp.Expr]:
        """The summands, one per outcome."""
        return [self.body.xreplace(dict(zip(self.variables, o, strict=True)))
                for o in self.outcomes]

    def _names(self, printer) -> str:
        return ", ".join(printer._print(v) for v in self.variables)

    def _sympystr(self, printer) -> str:
        return f"Sum_{{{self._names(printer)}}}({printer._print(self.body)})"

    def _latex(self, printer) -> str:
        body = printer._print(self.body)
        if isinstance(self.body, sp.Add):
            body = rf"\left({body}\right)"
        return rf"\sum_{{{self._names(printer)}}} {body}"


class Named(sp.Expr):
    r"""A quantity shown by its name (``E[(X − μ)ᵀ Σ⁻¹ (X − μ)]``, ``det Σ``) that stands for a
    known ``value``: steps print the name, checks use the value. Names come from symbinfo's own
    code, never from a user's text.

    >>> n = Named(sp.Integer(2), "d", "d")
    >>> n + 1, sp.latex(n), _measure_values(n + 1)
    (d + 1, 'd', 3)
    """

    is_commutative = True

    def __new__(cls, value: sp.Expr, text: str, latex: str) -> Named:
        return super().__new__(cls, to_sympy(value, "the value"), Str(text), Str(latex))

    value = property(lambda self: self.args[0])

    @property
    def free_symbols(self) -> set:
        return self.value.free_symbols

    def _sympystr(self, printer) -> str:
        return self.args[1].name

    def _latex(self, printer) -> str:
        return self.args[2].name


def held_sum(terms: Sequence[sp.Expr]) -> sp.Expr:
    """An ``Add`` of ``terms`` kept as written (SymPy would otherwise evaluate and merge them)."""
    terms = list(terms)
    if not terms:
        return sp.S.Zero
    return terms[0] if len(terms) == 1 else sp.Add(*terms, evaluate=False)


# --- steps ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """How a step was checked against the previous one.

    ``method`` is ``"start"`` (first step), ``"symbolic"`` (SymPy reduced the difference to 0),
    ``"numeric"`` (mpmath agreement to ``digits`` significant digits at ``points`` random points;
    ``worst`` is the largest relative difference seen), ``"unchecked"`` (an honest leaf whose
    expression could not be evaluated) or ``"over-budget"`` (the check gave up after
    ``current_limits().step_seconds``: the step is neither confirmed nor refuted). Every check
    (simplify, quadrature) runs in a child process bounded by that budget.
    """

    method: str
    points: int = 0
    digits: int = 0
    worst: float = 0.0

    def describe(self) -> str:
        if self.method == "numeric":
            return (f"checked numerically: {self.points} random points, {self.digits} digits "
                    f"(worst relative difference {self.worst:.1e})")
        if self.method == "symbolic":
            return "checked symbolically"
        if self.method == "unchecked":
            return "not checked"
        if self.method == OVER_BUDGET:
            return "not checked numerically (over budget)"
        return "definition"


@dataclass(frozen=True)
class Step:
    """One step: the expression reached and why it equals the previous one (subclasses say why)."""

    expr: sp.Expr
    check: Check | None = field(default=None, kw_only=True)
    kind: ClassVar[str] = "step"

    def justification(self) -> str:
        """Why this step holds, as plain text (renderers may show more, by step type)."""
        return self.kind


@dataclass(frozen=True)
class Definition(Step):
    """The definition of the quantity (``name``) with its ``source``."""

    name: str = ""
    source: str = ""
    kind: ClassVar[str] = "definition"

    def justification(self) -> str:
        text = f"definition of {self.name}" if self.name else "definition"
        return f"{text} ({self.source})" if self.source else text


@dataclass(frozen=True)
class Substitute(Step):
    """Substitute known formulas (densities, probabilities) for the symbols standing for them."""

    what: str = "the densities"
    kind: ClassVar[str] = "substitute"

    def justification(self) -> str:
        return f"substitute {self.what}"


@dataclass(frozen=True)
class ExpandLog(Step):
    """log(ab) = log a + log b, log(a^k) = k log a, log(exp y) = y (valid: everything positive)."""

    kind: ClassVar[str] = "expand-log"

    def justification(self) -> str:
        return "expand the logarithms"


@dataclass(frozen=True)
class Linearity(Step):
    """E[aU + bV + c] = a E[U] + b E[V] + c."""

    kind: ClassVar[str] = "linearity"

    def justification(self) -> str:
        return "linearity of expectation"


@dataclass(frozen=True)
class KnownMoments(Step):
    """Replace expectations by known values; ``moments`` pairs each ``Expect`` with its value."""

    moments: tuple[tuple[sp.Expr, sp.Expr], ...] = ()
    source: str = ""
    kind: ClassVar[str] = "moments"

    def justification(self) -> str:
        facts = ", ".join(f"{sp.sstr(m)} = {sp.sstr(v)}" for m, v in self.moments)
        return f"known moments {facts}" + (f" ({self.source})" if self.source else "")


@dataclass(frozen=True)
class KnownValues(Step):
    """Replace named quantities (the entropies an identity combines, marginals) by their values;
    ``values`` pairs each quantity with its value, ``what`` names them ("the entropies")."""

    values: tuple[tuple[sp.Expr, sp.Expr], ...] = ()
    what: str = "the values"
    how: str = ""
    kind: ClassVar[str] = "values"

    def justification(self) -> str:
        facts = ", ".join(f"{sp.sstr(m)} = {sp.sstr(v)}" for m, v in self.values)
        return f"{self.what}: {facts}" + (f" ({self.how})" if self.how else "")


@dataclass(frozen=True)
class EvaluateTerms(Step):
    """Evaluate each term (logarithms of numbers, products)."""

    kind: ClassVar[str] = "evaluate"

    def justification(self) -> str:
        return "evaluate the terms"


@dataclass(frozen=True)
class Simplify(Step):
    """Collect and simplify (value unchanged on the declared domain)."""

    how: str = ""
    kind: ClassVar[str] = "simplify"

    def justification(self) -> str:
        return f"simplify ({self.how})" if self.how else "simplify"


@dataclass(frozen=True)
class Identity(Step):
    """A named identity, e.g. I(X; Y) = H(X) + H(Y) − H(X, Y), with its source."""

    name: str = ""
    source: str = ""
    kind: ClassVar[str] = "identity"

    def justification(self) -> str:
        return self.name + (f" ({self.source})" if self.source else "")


@dataclass(frozen=True)
class ClosedFormRule(Step):
    """A registered closed-form rule fired: its family, its source and its conditions."""

    family: str = ""
    source: str = ""
    conditions: str = ""
    kind: ClassVar[str] = "rule"

    def justification(self) -> str:
        text = f"closed-form rule for {self.family}" if self.family else "closed-form rule"
        if self.source:
            text += f" ({self.source})"
        return text + (f"; valid when {self.conditions}" if self.conditions else "")


@dataclass(frozen=True)
class Engine(Step):
    """The generic engine evaluated the previous expression (integration term by term)."""

    how: str = "the generic engine"
    kind: ClassVar[str] = "engine"

    def justification(self) -> str:
        return f"evaluated by {self.how}"


@dataclass(frozen=True)
class NumericCheck(Step):
    """A closed form compared with an independent ``reference`` (e.g. quadrature of the
    definition): ``expr`` repeats the closed form; the evidence is on ``check``."""

    reference: sp.Expr = sp.S.Zero
    what: str = "quadrature of the definition"
    kind: ClassVar[str] = "numeric-check"

    def justification(self) -> str:
        return f"agrees with {self.what}"


@dataclass(frozen=True)
class CouldNotDo(Step):
    """An honest leaf: no closed form was found; ``expr`` is the unevaluated form."""

    reason: str = "no closed form found"
    kind: ClassVar[str] = "could-not-do"

    def justification(self) -> str:
        return f"could not do this: {self.reason}"


@dataclass(frozen=True)
class Infinite(Step):
    """The value is +∞ because P puts mass where Q has none; ``witness`` is a SymPy condition
    that is true exactly then (e.g. p(x) > 0 and q(x) = 0 at some x), checked when built."""

    witness: sp.Basic = sp.true
    reason: str = "P puts mass where Q has none"
    kind: ClassVar[str] = "infinite"

    def justification(self) -> str:
        return f"{self.reason} (convention p log(p/0) = +∞)"


# --- checking ------------------------------------------------------------------------------

Binding = Callable[..., sp.Expr] | Mapping


def apply_bindings(expr: sp.Expr, bindings: Mapping[sp.FunctionClass, Binding]) -> sp.Expr:
    """Replace applied undefined functions (``p(x)``) by their formulas.

    A binding is a ``Lambda``/callable of the arguments, or a mapping from the argument (a single
    argument, or the tuple of them) to the value; missing keys of a mapping are 0.
    """
    if not bindings:
        return expr
    expr = expr.replace(lambda e: isinstance(e, FiniteSum), lambda e: held_sum(e.terms()))

    def value(e: AppliedUndef) -> sp.Expr:
        b = bindings[e.func]
        if isinstance(b, Mapping):
            key = e.args[0] if len(e.args) == 1 else tuple(e.args)
            return to_sympy(b.get(key, sp.S.Zero), "a probability")
        return b(*e.args)

    return expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func in bindings, value)


def _measure_values(expr: sp.Expr) -> sp.Expr:
    """Unevaluated information measures inside ``expr`` replaced by their values."""
    from ..functions import BinaryEntropy
    from ..measures.base import InformationMeasure

    expr = expr.replace(lambda e: isinstance(e, Named), lambda e: e.value)
    expr = expr.replace(lambda e: isinstance(e, BinaryEntropy), lambda e: e.rewrite(sp.log))
    return expr.replace(lambda e: isinstance(e, InformationMeasure), lambda e: e.doit())


def _linearised(expr: sp.Expr) -> sp.Expr:
    expr = expr.replace(lambda e: isinstance(e, FiniteSum), lambda e: held_sum(e.terms()))
    return expr.replace(lambda e: isinstance(e, Expect), lambda e: e.linear_parts())


_OPAQUE = (sp.Integral, sp.Sum, sp.Piecewise)


def symbolically_equal(a: sp.Expr, b: sp.Expr) -> bool:
    """True only when SymPy shows ``a - b`` is 0 (False means "not shown", not "different").

    Expectations are first written out by linearity, finite sums term by term.

    >>> x = sp.Symbol("x", positive=True)
    >>> symbolically_equal(sp.log(x**3), 3 * sp.log(x)), symbolically_equal(x, x + 1)
    (True, False)
    """
    if a == b:
        return True
    a, b = _linearised(_measure_values(a)), _linearised(_measure_values(b))
    # expectations are atoms for the algebra below (their bounds may be ±oo)
    atoms = {e: sp.Dummy() for e in (a - b).atoms(Expect)}
    diff = (a - b).xreplace(atoms)
    if diff == 0:
        return True
    if diff.has(*_OPAQUE) or diff.has(sp.oo, sp.zoo, sp.nan):
        return False
    for transform in (sp.expand, lambda e: sp.expand(sp.expand_log(e)), sp.logcombine):
        if transform(diff) == 0:
            return True
    if sp.count_ops(diff) <= 150:  # simplify is slow on big expressions; numeric check is cheaper
        return _within_step_budget(_simplifies_to_zero, diff) is True
    return False


def _simplifies_to_zero(expr: sp.Expr) -> bool:
    return sp.simplify(expr) == 0


def _simplifies_to_true(condition: sp.Basic) -> bool:
    return sp.simplify(condition) is sp.true


def _within_step_budget(func: Callable, *args: object) -> object:
    """``func(*args)`` in a child process bounded by ``current_limits().step_seconds``, or
    ``None`` when it gives up (or fails)."""
    from ..limits import current_limits
    from .budget import call_within

    try:
        return call_within(func, *args, seconds=current_limits().step_seconds)
    except ResourceLimitError:
        return None


def sample_points(symbols: Iterable[sp.Symbol], n: int = POINTS, seed: int = 20240531,
                  ranges: Mapping[sp.Symbol, tuple[float, float]] | None = None,
                  constraints: Sequence[sp.Basic] = ()) -> list[dict]:
    """``n`` random points (exact rationals, 3 decimals) from the symbols' declared domains.

    Positive symbols are drawn below 1/(number of positive symbols + 1), so that parameters that
    are probabilities of one pmf stay a pmf; real symbols from (−2, 2); integers from 1..4.
    ``ranges`` overrides the interval of chosen symbols; points violating a relation in
    ``constraints`` (e.g. ``a < b`` for Uniform(a, b)) are redrawn.

    >>> p = sp.Symbol("p", positive=True)
    >>> all(0 < pt[p] < sp.Rational(1, 2) for pt in sample_points([p]))
    True
    """
    symbols = sorted(set(symbols), key=sp.default_sort_key)
    ranges = dict(ranges or {})
    positives = [s for s in symbols if s.is_positive or s.is_nonnegative]
    rng = random.Random(seed)
    points: list[dict] = []
    for _ in range(2000 * n):
        if len(points) == n:
            break
        point = {}
        for s in symbols:
            if s in ranges:
                lo, hi = ranges[s]
                point[s] = sp.Rational(round(rng.uniform(lo, hi), 3)).limit_denominator(1000)
            elif s.is_integer:
                point[s] = sp.Integer(rng.randint(1, 4))
            elif s in positives:
                top = 1 / (len(positives) + 1)
                point[s] = sp.Rational(round(rng.uniform(0.02, top), 3)).limit_denominator(1000)
            else:
                point[s] = sp.Rational(round(rng.uniform(-2, 2), 3)).limit_denominator(1000)
        if all(to_sympy(c, "a constraint").xreplace(point) is sp.true for c in constraints):
            points.append(point)
    if len(points) < n:
        raise DerivationError(f"could not draw {n} points satisfying {list(constraints)}")
    return points


def numeric_value(expr: sp.Expr, point: Mapping[sp.Symbol, sp.Expr],
                  ctx: mpmath.ctx_mp.MPContext) -> mpmath.mpc:
    """``expr`` at ``point`` as a number of the mpmath context ``ctx``, computed at ``ctx.dps``
    digits (expectations by quadrature)."""
    dps = ctx.dps
    expr = _measure_values(expr).xreplace(dict(point))
    expr = expr.replace(lambda e: isinstance(e, FiniteSum), lambda e: held_sum(e.terms()))
    expr = _merge_expectations(expr)
    expr = expr.replace(lambda e: isinstance(e, Expect), lambda e: _cached_numeric(e, dps))
    value = evalf(expr, dps)
    if value.free_symbols or not value.is_number:
        raise ValueError(f"{value} does not evaluate to a number")
    if value in (sp.oo, -sp.oo):
        return ctx.inf if value is sp.oo else ctx.ninf
    if value.has(sp.nan, sp.zoo):
        return ctx.nan
    re_part, im_part = value.as_real_imag()
    # through strings: exact to the digits computed, whatever SymPy number type comes back
    return ctx.mpc(ctx.mpf(str(evalf(re_part, dps))), ctx.mpf(str(evalf(im_part, dps))))


def _to_sympy(value: object, dps: int) -> sp.Expr:
    """An mpmath number as a SymPy Float (a complex one when it has an imaginary part)."""
    if isinstance(value, value.context.mpc):
        return sp.Float(value.real, dps) + sp.I * sp.Float(value.imag, dps)
    return sp.Float(value, dps)


#: values of expectations already computed, as SymPy numbers (they cross process boundaries)
_NUMERIC_CACHE: dict[tuple[Expect, int], sp.Expr] = {}


def _cached_numeric(e: Expect, dps: int) -> sp.Expr:
    # quadrature is the slow part of checking; the same expectation recurs across steps
    key = (e, dps)
    if key not in _NUMERIC_CACHE:
        if len(_NUMERIC_CACHE) > 512:
            _NUMERIC_CACHE.clear()
        _NUMERIC_CACHE[key] = _to_sympy(e.numeric(dps), dps)
    return _NUMERIC_CACHE[key]


def _merge_expectations(expr: sp.Expr) -> sp.Expr:
    """c₁E[T₁] + c₂E[T₂] + k with numeric cᵢ and one measure → E[c₁T₁ + c₂T₂] + k, so that one
    quadrature evaluates the whole sum (linearity of the integral)."""
    if not isinstance(expr, sp.Add):
        return expr
    groups: dict[tuple, list] = {}
    rest = []
    for term in expr.args:
        coeff, e = term.as_coeff_Mul()
        if isinstance(e, Expect) and not coeff.free_symbols:
            groups.setdefault(e.args[1:], []).append(coeff * e.body)
        else:
            rest.append(term)
    merged = [Expect(sp.Add(*bodies), *key[:5], discrete=bool(key[5]))
              for key, bodies in groups.items()]
    return sp.Add(*merged, *rest)


def _relative(a: mpmath.mpc, b: mpmath.mpc) -> mpmath.mpf:
    scale = max(abs(a), abs(b), 1)
    return abs(a - b) / scale


def numerically_equal(a: sp.Expr, b: sp.Expr, points: Sequence[Mapping],
                      digits: int = DIGITS) -> tuple[bool, float, dict | None]:
    """Whether ``a`` and ``b`` agree to ``digits`` significant digits at every point:
    (agree, worst relative difference, first failing point or None)."""
    ctx = private_context(WORK_DPS)
    worst = ctx.zero
    for point in points:
        va, vb = numeric_value(a, point, ctx), numeric_value(b, point, ctx)
        if ctx.isinf(va) or ctx.isinf(vb):
            if va != vb:
                return False, float("inf"), dict(point)
            continue
        if ctx.isnan(va) or ctx.isnan(vb):
            return False, float("nan"), dict(point)
        diff = _relative(va, vb)
        worst = max(worst, diff)
        if diff > ctx.mpf(10) ** (-digits):
            return False, float(diff), dict(point)
    return True, float(worst), None


#: what a numeric check may raise for an expression it cannot evaluate (not a bug)
_NOT_EVALUABLE = (TypeError, ValueError, ZeroDivisionError)


def _numerically_equal_child(a: sp.Expr, b: sp.Expr, points: Sequence[Mapping]) -> tuple:
    """:func:`numerically_equal` as data, for a child process: ("ok", result, new cache
    entries) or ("not evaluable" / "failed", message, new cache entries)."""
    known = set(_NUMERIC_CACHE)
    try:
        outcome = ("ok", numerically_equal(a, b, points))
    except _NOT_EVALUABLE as exc:
        outcome = ("not evaluable", str(exc))
    except Exception as exc:  # a bug: the parent raises it, not a silent "over budget"
        outcome = ("failed", f"{type(exc).__name__}: {exc}")
    return (*outcome, {k: v for k, v in _NUMERIC_CACHE.items() if k not in known})


def _numerically_equal_within(a: sp.Expr, b: sp.Expr, points: Sequence[Mapping]
                              ) -> tuple[bool, float, dict | None] | str | None:
    """:func:`numerically_equal` bounded by ``current_limits().step_seconds`` (quadrature and
    series of some densities run for minutes): its result, the message of an expression that
    cannot be evaluated, or ``None`` when it gave up."""
    answer = _within_step_budget(_numerically_equal_child, a, b, points)
    if answer is None:
        return None
    kind, result, cache = answer
    _NUMERIC_CACHE.update(cache)
    if kind == "failed":
        raise RuntimeError(f"numeric check failed: {result}")
    return result


# --- the derivation ------------------------------------------------------------------------


@dataclass(frozen=True)
class Derivation:
    r"""An ordered tuple of checked steps deriving ``lhs`` (e.g. ``H(X)``).

    Build one with :meth:`build`, which checks every step against the previous one. ``result``
    is the expression of the last step that is not a numeric check. Renders with
    :func:`symbinfo.render.to_latex` / :func:`symbinfo.render.to_markdown`, and in Jupyter.

    >>> x = sp.Symbol("x", positive=True)
    >>> d = Derivation.build(sp.Symbol("y"), [Definition(x * sp.log(x**2), "y"),
    ...                                        ExpandLog(2 * x * sp.log(x))], title="demo")
    >>> len(d), d.result, d.title
    (2, 2*x*log(x), 'demo')
    """

    lhs: sp.Expr
    steps: tuple[Step, ...]
    title: str = ""

    @classmethod
    def build(cls, lhs: sp.Expr, steps: Sequence[Step], title: str = "",
              bindings: Mapping[sp.FunctionClass, Binding] | None = None,
              ranges: Mapping[sp.Symbol, tuple[float, float]] | None = None,
              constraints: Sequence[sp.Basic] = ()) -> Derivation:
        """Check each step against the previous one and freeze the result.

        ``bindings`` give formulas for undefined functions used by early steps (``p(x)``);
        ``ranges`` narrow where random points are drawn for numeric checks and
        ``constraints`` are relations every point must satisfy (the parameter domain).
        Raises :class:`DerivationError` naming the first step that does not follow.
        """
        if not steps:
            raise DerivationError("a derivation needs at least one step")
        bindings = dict(bindings or {})
        checked: list[Step] = [replace(steps[0], check=Check("start"))]
        for i in range(1, len(steps)):
            prev, step = checked[-1], steps[i]
            if isinstance(prev, NumericCheck):
                prev = checked[-2]
            reference = step.reference if isinstance(step, NumericCheck) else prev.expr
            check = _check_pair(reference, step.expr, bindings, (ranges, constraints), i, step)
            checked.append(replace(step, check=check))
        return cls(to_sympy(lhs, "the derived quantity"), tuple(checked), title)

    @property
    def result(self) -> sp.Expr:
        """The final expression (what the derivation arrives at)."""
        for step in reversed(self.steps):
            if not isinstance(step, NumericCheck):
                return step.expr
        raise AssertionError("unreachable: a derivation has a non-check step")

    @property
    def complete(self) -> bool:
        """False when the derivation ends in an honest "could not do this" leaf."""
        return not any(isinstance(s, CouldNotDo) for s in self.steps)

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def __getitem__(self, i: int) -> Step:
        return self.steps[i]

    def to_latex(self) -> str:
        """The ``align*`` environment (see :func:`symbinfo.render.latex.derivation_latex`)."""
        return _present("latex", self)

    def _latex(self, printer: object = None) -> str:
        # sympy.latex(derivation) gives the align* environment too
        return self.to_latex()

    def to_markdown(self) -> str:
        """Markdown with ``$$`` math (see :func:`symbinfo.render.markdown.derivation_markdown`)."""
        return _present("markdown", self)

    def to_document(self, title: str | None = None) -> str:
        """A standalone LaTeX document (see :func:`symbinfo.render.latex.standalone`)."""
        return _present("document", self, title=title or self.title or "symbinfo derivation")

    def _repr_latex_(self) -> str:
        return _present("jupyter", self)

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def __str__(self) -> str:
        return _present("text", self)


#: how a derivation is shown, filled in by :mod:`symbinfo.render` when it is imported: steps are
#: data and never import their presentation, so the render layer sits above this one without an
#: import cycle
PRESENTERS: dict[str, Callable[..., str]] = {}
#: the layer that registers the presenters, loaded by name the first time one is needed (the
#: package imports lazily, so nothing else may have loaded it yet)
PRESENTATION = "symbinfo.render"


def _present(form: str, d: Derivation, **options: object) -> str:
    if form not in PRESENTERS:
        importlib.import_module(PRESENTATION)
    if form not in PRESENTERS:
        raise SymbinfoError(f"no {form} renderer registered by {PRESENTATION}")
    return PRESENTERS[form](d, **options)


def _check_pair(before: sp.Expr, after: sp.Expr, bindings: Mapping, domain: tuple,
                index: int, step: Step) -> Check:
    if isinstance(step, Infinite):
        # the terms p log(p/0) diverge: check the support condition itself, not a number
        shown = step.expr is sp.oo and (
            step.witness is sp.true or _within_step_budget(_simplifies_to_true, step.witness))
        if shown is None:
            return Check(OVER_BUDGET)
        if shown:
            return Check("symbolic")
        raise DerivationError(f"step {index}: the support condition {step.witness} is not shown")
    a, b = apply_bindings(before, bindings), apply_bindings(after, bindings)
    if isinstance(step, CouldNotDo) and symbolically_equal(a, b):
        return Check("symbolic")
    if not isinstance(step, NumericCheck) and symbolically_equal(a, b):
        return Check("symbolic")
    symbols = (a.free_symbols | b.free_symbols)
    ranges, constraints = domain
    points = sample_points(symbols, ranges=ranges, constraints=constraints) if symbols else [{}]
    outcome = _numerically_equal_within(a, b, points)
    if outcome is None:
        return Check(OVER_BUDGET, points=len(points), digits=DIGITS)
    if isinstance(outcome, str):
        if isinstance(step, CouldNotDo):
            return Check("unchecked")
        raise DerivationError(
            f"step {index} ({step.justification()}) could not be checked: {outcome}")
    ok, worst, bad = outcome
    if not ok and isinstance(step, CouldNotDo) and worst != worst:  # nan: not evaluable
        return Check("unchecked")
    if not ok:
        raise DerivationError(
            f"step {index} ({step.justification()}) does not follow: {sp.sstr(before)} vs "
            f"{sp.sstr(after)} differ by a relative {worst:.3g} at {bad}")
    return Check("numeric", points=len(points), digits=DIGITS, worst=worst)
