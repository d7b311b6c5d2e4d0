r"""``check``: a person's hand calculation against symbinfo's result, with a diagnosis.

**Reading the answer.** The answer may be a SymPy expression, a Python number, a SymPy-syntax
string or a LaTeX string; strings are read only through :mod:`symbinfo.parsing` (never
``sympify``/``eval``). An answer written as an equation (``h(X) = \frac12\ln(2\pi e\sigma^2)``,
``D(P\|Q) = ...``, or a SymPy ``Eq``) is split at its ``=`` signs and the side(s) written in the
target's symbols are checked; a label such as ``h(X)`` or ``D(P\|Q)`` is ignored. ``\ln`` is
natural, ``\log_2`` base 2, and a bare ``\log`` (or ``log``) is in base ``log_base``.

**Decimals.** ``2.585`` is read as the decimal the person wrote: it is accepted when it agrees
with the truth *to the digits given* (here 4 significant digits: the truth 2.58496... rounds to
it), and the verdict says so. Precisely: the answer is accepted (status ``"verified"``) when
each decimal in it can be moved by at most half a unit in its last digit so that the answer
equals the target at every sample point (a least-squares fit of those moves, to the working
precision). A Python float is read by its shortest representation (``2.585``), or to double
precision when it needs 17 digits. A decimal that is *exactly* right (``0.5``) gives a proof.

**Symbols** of the answer are matched to the target's free symbols **by name**: first the exact
name (``sigma`` → the target's ``sigma`` with its assumptions), then the name with backslashes,
braces and underscores removed (``\mu_1`` parsed as ``mu_1`` → the target's ``mu1``,
``\sigma_{2}`` → ``sigma2``), when that key is unique among the target's symbols. Symbols left
unmatched stay free and are reported. ``e`` is Euler's number in every answer, as in every
formula, table and distribution string symbinfo reads; a target with a parameter named ``e``
gets a note saying so.

**Diagnosis.** A wrong answer is diagnosed by testing repaired answers numerically against the
target at sampled points of its domain, whole answer first, then term by term (each term of the
answer's sum, and each place inside it), then every combination of two slips. The phrases:

- whole answer: ``"sign"``, ``"missing 1/2"`` (answer = 2 × target), ``"extra 1/2"``,
  ``"bits vs nats"`` (a factor log 2), ``"wrong base"`` (a factor log 10, or one term in another
  base), ``"scale vs rate"`` (a positive parameter θ where 1/θ belongs), ``"swapped arguments"``
  (the same measure with P and Q swapped, or every pair of indexed symbols μ₁↔μ₂, σ₁↔σ₂
  swapped), ``"swapped indices"`` (one pair, e.g. σ₁↔σ₂), ``"missing constant"`` /
  ``"extra constant"`` (target − answer is a nonzero constant, given in ``details``);
- in one term: ``"sign"`` (the term, a summand inside it such as μ₁ + μ₂ for μ₁ − μ₂, or the
  argument of a logarithm: log(σ₁/σ₂) for log(σ₂/σ₁)), ``"factor 2"`` (a term twice or half
  what it should be: a forgotten 2 in 2σ₂²), ``"square missing"`` (σ written for σ²),
  ``"extra square"``, ``"swapped indices"``, ``"wrong base"``, ``"scale vs rate"``,
  ``"extra term"`` (the answer is right without that term);
- ``"wrong term"``: no known slip, but every term of the answer except one equals a term of the
  result (the detail names both);
- ``"rounding"``: a decimal answer that agrees with the truth to fewer digits than it gives.

``details[phrase]`` names the term and the repair. Two slips found together are both listed.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import mpmath
import sympy as sp
from sympy.core.relational import Relational
from sympy.stats.rv import RandomSymbol

from ..derivation.simplify import split_logs
from ..errors import ParseError, UnsupportedInputError, guarded
from ..limits import check_expression_size
from ..measures.base import InformationMeasure
from ..parsing._common import CONSTANTS, Decimal, equation_sides
from ..parsing.gate import to_expr, to_sympy
from ..precision import compiled, private_context
from .core import verify, whole
from .domain import collect_domain
from .numeric import Side, clean, to_mpf
from .result import REFUTED, VERIFIED, Verification
from .symbolic import evaluate_measures

_LATEX_MARKS = ("\\", "{", "}")
#: at most this many repaired variants of one answer are evaluated (term by term)
MAX_VARIANTS = 160
#: diagnosis compares at this many digits (a repaired answer is equal or far off)
DIAGNOSIS_DIGITS = 30


def _name_key(name: str) -> str:
    return "".join(c for c in name if c not in "\\{}_ ")


def _parse(answer: str, syntax: str, symbols: dict, log_base: object,
           decimals: dict) -> sp.Basic:
    from ..parsing import parse_expression, parse_latex

    if syntax == "auto":
        syntax = "latex" if any(m in answer for m in _LATEX_MARKS) else "sympy"
    if syntax == "latex":
        return parse_latex(answer, symbols=symbols, log_base=log_base, decimals=decimals)
    return parse_expression(answer, symbols=symbols, log_base=log_base, decimals=decimals)


def match_symbols(expr: sp.Expr, targets: list[sp.Symbol]) -> tuple[sp.Expr, list[sp.Symbol]]:
    """``expr`` with its symbols replaced by the target's of the same name (see the module
    docstring), and the symbols left unmatched.

    >>> mu1 = sp.Symbol("mu1", real=True)
    >>> out, unmatched = match_symbols(sp.Symbol("mu_1") + sp.Symbol("z"), [mu1])
    >>> out.free_symbols == {mu1, sp.Symbol("z")}, unmatched
    (True, [z])
    """
    by_name = {s.name: s for s in targets}
    by_key: dict[str, list[sp.Symbol]] = {}
    for s in targets:
        by_key.setdefault(_name_key(s.name), []).append(s)
    swap, unmatched = {}, []
    for s in sorted(expr.free_symbols, key=sp.default_sort_key):
        if s in targets or isinstance(s, sp.Dummy):
            continue
        if s.name in by_name:
            swap[s] = by_name[s.name]
        elif len(by_key.get(_name_key(s.name), [])) == 1:
            swap[s] = by_key[_name_key(s.name)][0]
        else:
            unmatched.append(s)
    return expr.xreplace(swap), unmatched


def _target_value(target: object) -> tuple[sp.Basic, sp.Expr]:
    """(the target as given to verify, its evaluated value)."""
    value = getattr(target, "value", None)
    if value is not None and not isinstance(target, sp.Basic):  # an engine Evaluation
        target = value
    # a string target is read like the answer, by the safe parser (as on the command line)
    target = to_sympy(target, "the target", strings="parse")
    if not isinstance(target, sp.Expr):
        raise UnsupportedInputError(f"the target must be an expression, not {target!r:.60}")
    check_expression_size(target, "the target")
    return target, evaluate_measures(target)


def _swapped(target: sp.Basic) -> sp.Expr | None:
    """The target measure with its two distributions swapped (KL, cross-entropy, ...)."""
    if isinstance(target, InformationMeasure) and hasattr(target, "p") and hasattr(target, "q"):
        args = list(target.args)
        args[0], args[1] = args[1], args[0]
        return evaluate_measures(target.func(*args))
    return None


# --- reading the answer ------------------------------------------------------------------------

@dataclass
class _Side:
    """One candidate answer: the expression (decimals as Dummies), its decimals, the text."""

    expr: sp.Expr
    decimals: dict
    text: str
    unmatched: list


def _float_decimal(value: float | sp.Float) -> tuple[sp.Dummy, Decimal, int]:
    """(Dummy, its Decimal, sign) for a float: its shortest repr, or its digits at its own
    precision for a SymPy Float of more than double precision."""
    if isinstance(value, sp.Float) and value._prec > 53:
        text = mpmath.libmp.to_str(value._mpf_, mpmath.libmp.prec_to_dps(value._prec))
    else:
        text = repr(float(value))
    if not re.fullmatch(r"-?\d+(\.\d*)?(e[+-]?\d+)?", text):
        raise UnsupportedInputError(f"the answer {text} is not a finite number")
    dummy = sp.Dummy("d")
    return dummy, Decimal.of(text.lstrip("-")), -1 if text.startswith("-") else 1


def _inexact(expr: sp.Basic) -> tuple[sp.Basic, dict]:
    """The SymPy value with its Floats replaced by Dummies read as decimals."""
    decimals: dict = {}
    swap = {}
    for f in expr.atoms(sp.Float):
        dummy, dec, sign = _float_decimal(f)
        decimals[dummy] = dec
        swap[f] = sign * dummy
    return expr.xreplace(swap), decimals


def _read(answer: object, syntax: str, table: dict, log_base: sp.Expr) -> list[_Side]:
    """The sides of the answer (one unless it is an equation)."""
    if isinstance(answer, str):
        texts = equation_sides(answer)
        sides = []
        for text in texts:
            decimals: dict = {}
            try:
                parsed = _parse(text, syntax, table, log_base, decimals)
            except ParseError:
                if len(texts) == 1 or not text:
                    raise
                continue  # a label such as D(P\|Q) or I(X;Y)
            sides.append(_Side(parsed, decimals, text, []))
        if not sides:
            raise ParseError(f"no side of the equation {answer[:60]!r} could be read")
        return sides
    if isinstance(answer, float):
        dummy, dec, sign = _float_decimal(answer)
        return [_Side(sign * dummy, {dummy: dec}, repr(answer), [])]
    if isinstance(answer, sp.Eq):
        return [_Side(*_inexact(side), sp.sstr(side), []) for side in answer.args]
    value = to_sympy(answer, "the answer")
    return [_Side(*_inexact(value), sp.sstr(value), [])]


def _choose(sides: list[_Side], symbols: list[sp.Symbol]) -> list[_Side]:
    """The sides that hold an answer: those written in the target's symbols (a label such as
    ``h(X)``, read as h·X, is not), else the ones with the fewest unknown symbols."""
    for side in sides:
        if isinstance(side.expr, Relational) or not isinstance(side.expr, sp.Expr):
            raise UnsupportedInputError(
                f"an answer must be an expression or an equation, not {side.expr!r:.60}")
        check_expression_size(side.expr, "the answer")
        side.expr, side.unmatched = match_symbols(side.expr, symbols)
    if len(sides) == 1:
        return sides
    fewest = min(len(s.unmatched) for s in sides)
    return [s for s in sides if len(s.unmatched) == fewest]


@guarded
def check(
    answer: object,
    target: object,
    *,
    log_base: object = sp.E,
    syntax: str = "auto",
    digits: int = 30,
    points: int = 12,
    seed: int = 0,
) -> Verification:
    r"""Check a hand calculation ``answer`` against ``target`` (a symbinfo measure or result;
    a string target is read by the safe parser, like the answer, never evaluated).

    Returns the :class:`Verification` of ``answer == target``; for a wrong answer,
    ``.diagnosis`` lists the suspected mistakes (see the module docstring) and ``.details``
    explains them, naming the term. ``answer`` may be an expression, a number (a float or a
    decimal string is judged to the digits given), a SymPy-syntax or LaTeX string, or an
    equation whose label side is ignored. ``log_base`` is the base a bare ``log``/``\log``
    in the answer means (``\ln`` is always natural, ``\log_2`` always base 2).

    >>> from sympy.stats import Die
    >>> from symbinfo import Entropy
    >>> v = check("2.585", Entropy(Die("X", 6), base=2))
    >>> v.status, v.agrees_to
    ('verified', 4)
    >>> print(v.evidence())
    verified: agrees to 4 significant digits (the digits given)
    >>> check(2.585, Entropy(Die("X", 6), base=2)).status
    'verified'
    >>> s = sp.Symbol("sigma", positive=True)
    >>> target = sp.log(2 * sp.pi * sp.E * s**2) / 2
    >>> check(r"h(X) = \frac12\ln(2\pi e\sigma^2)", target).status
    'proved'
    >>> v = check(r"\frac12\log(2\pi e\sigma^2)", target, log_base=2)
    >>> v.status, v.diagnosis
    ('refuted', ['bits vs nats'])
    >>> check(r"\frac12\log(\sigma^2)", target).diagnosis
    ['missing constant']
    >>> check(r"\frac12\log(2\pi e\sigma)", target).diagnosis
    ['square missing']
    """
    digits, points = whole(digits, "digits", 1), whole(points, "points", 1)
    seed = whole(seed, "seed", None)
    if not isinstance(syntax, str) or syntax not in ("auto", "latex", "sympy"):
        raise UnsupportedInputError(
            f"syntax must be 'auto', 'latex' or 'sympy', not {syntax!r:.60}")
    log_base = to_expr(log_base, "log_base")
    if log_base.is_number and not (log_base.is_positive and log_base != 1):
        raise UnsupportedInputError(f"log_base must be positive and not 1, not {log_base}")
    target, value = _target_value(target)
    symbols = _symbols_of(target, value)
    # ``e`` is Euler's number in every answer, whatever the target's parameters are called
    table = {s.name: s for s in symbols if s.name not in CONSTANTS}
    sides = _choose(_read(answer, syntax, table, log_base), symbols)
    results = [_check_side(side, target, value, symbols, digits, points, seed, log_base)
               for side in sides]
    result = next((r for r in results if not r), results[-1])
    if len(sides) > 1 or (isinstance(answer, str) and len(equation_sides(answer)) > 1):
        checked = next(s for s, r in zip(sides, results, strict=True) if r is result)
        result.notes.append(f"the answer read from the equation: {checked.text}")
    clash = [s.name for s in symbols if s.name in CONSTANTS]
    if clash:
        result.notes.append(
            f"the target has a parameter named {', '.join(clash)}; in an answer that name is "
            "the constant (e is Euler's number), as in every formula, table and distribution "
            "string symbinfo reads: rename the parameter to use it in an answer")
    return result


def _check_side(side: _Side, target: sp.Basic, value: sp.Expr, symbols: list[sp.Symbol],
                digits: int, points: int, seed: int, log_base: sp.Expr) -> Verification:
    exact = side.expr.xreplace({d: dec.value for d, dec in side.decimals.items()})
    result = verify(exact, target, digits=digits, points=points, seed=seed)
    unmatched = side.unmatched
    if unmatched:
        result.notes.append("symbols not in the target: " + ", ".join(map(str, unmatched)))
    if side.decimals:  # show the decimals as written, not as the fractions they are
        result.lhs = side.expr.xreplace({d: sp.Float(dec.text, dec.digits)
                                         for d, dec in side.decimals.items()})
    if side.decimals and result.status == REFUTED and not unmatched:
        _judge_decimals(result, side, target, value, digits, seed)
    if (result.status == REFUTED and "rounding" not in result.diagnosis) or (
            not result and unmatched):
        _diagnose(result, side, exact, target, value, symbols, seed, log_base)
        if unmatched:
            result.diagnosis.append("unknown symbols")
            result.details["unknown symbols"] = ", ".join(map(str, unmatched))
    return result


def _symbols_of(target: sp.Basic, value: sp.Expr) -> list[sp.Symbol]:
    domain = collect_domain([target], [value])
    return [s for s in domain.symbols if not isinstance(s, RandomSymbol)]


def _sample(target: sp.Basic, value: sp.Expr, ctx: mpmath.ctx_mp.MPContext, seed: int,
            wanted: int = 6) -> tuple[list[dict], list[sp.Symbol], Side]:
    """Points of the target's domain where the target is defined."""
    domain = collect_domain([target], [value])
    rng = random.Random(seed + 1)
    side = Side(value, domain.symbols, ctx)
    points: list[dict] = []
    wanted = wanted if domain.symbols else 1
    for _ in range(50 * wanted):
        if len(points) >= wanted:
            break
        point, _why = domain.draw(rng)
        if point is not None and clean(side.fast(point), ctx.mpf(10) ** -10, ctx) is not None:
            points.append(point)
    return points, domain.symbols, side


# --- decimals: agreement to the digits given -----------------------------------------------------

def _judge_decimals(result: Verification, side: _Side, target: sp.Basic, value: sp.Expr,
                    digits: int, seed: int) -> None:
    """Upgrade a refuted decimal answer to "verified" when its decimals, each moved by at most
    half a unit in its last digit, make it equal to the target (a Gauss-Newton least-squares
    fit of the moves, in units of half a unit, at the sample points); else diagnose the
    rounding when the fit needs larger moves."""
    ctx = private_context(digits)
    # more points than decimals to fit, with room to spare: a fit must be a real agreement,
    # never an interpolation through the points
    wanted = max(8, 2 * len(side.decimals) + 4)
    pts, domain_symbols, target_side = _sample(target, value, ctx, seed, wanted=wanted)
    if not pts or side.expr.free_symbols - set(domain_symbols) - set(side.decimals):
        return
    if domain_symbols and len(pts) < wanted:
        return  # too few valid points to tell agreement from interpolation
    names = list(side.decimals)
    args = [*domain_symbols, *names]
    try:
        f = compiled(args, side.expr, ctx)
        grads = [compiled(args, sp.diff(side.expr, d), ctx) for d in names]
    except Exception:  # an answer mpmath cannot evaluate is judged on its exact reading
        return
    base = [to_mpf(side.decimals[d].value, ctx) for d in names]
    half = [to_mpf(side.decimals[d].half_unit, ctx) for d in names]
    fixed = [[to_mpf(p[s], ctx) for s in domain_symbols] for p in pts]
    truth = [clean(target_side.fast(p), ctx.mpf(10) ** -10, ctx) for p in pts]
    u = [ctx.zero] * len(names)
    try:
        for _ in range(8):
            moved = [b + ui * h for b, ui, h in zip(base, u, half, strict=True)]
            res = [t - f(*x, *moved) for t, x in zip(truth, fixed, strict=True)]
            jac = ctx.matrix([[g(*x, *moved) * h for g, h in zip(grads, half, strict=True)]
                              for x in fixed])
            r = ctx.matrix(res)
            normal = jac.T * jac
            ridge = ctx.mpf(10) ** (-2 * digits) * (1 + max(abs(normal[i, i])
                                                        for i in range(normal.rows)))
            for i in range(normal.rows):
                normal[i, i] += ridge
            step = ctx.lu_solve(normal, jac.T * r)
            u = [ui + step[i] for i, ui in enumerate(u)]
        moved = [b + ui * h for b, ui, h in zip(base, u, half, strict=True)]
        res = [t - f(*x, *moved) for t, x in zip(truth, fixed, strict=True)]
    except (ZeroDivisionError, ValueError, TypeError, OverflowError):
        return
    fits = all(abs(e) <= ctx.mpf(10) ** -(digits // 2) * max(1, abs(t))
               for e, t in zip(res, truth, strict=True))
    if not fits:
        return
    # the digits given by the decimals the fit had to move (0.5 in 0.5·log(17.08σ²) is exact)
    moved = [d for d, ui in zip(names, u, strict=True) if abs(ui) > ctx.mpf(10) ** -10]
    given = min(side.decimals[d].digits for d in (moved or names))
    worst = max(abs(ui) for ui in u)
    if worst <= 1 + ctx.mpf(10) ** -10:
        result.status, result.method = VERIFIED, "agrees to the digits given"
        result.agrees_to = given
        result.points, result.digits = len(pts), digits
        result.counterexample = result.counterexample_values = None
        result.worst_error = float(max(abs(e) / max(1, abs(t))
                                       for e, t in zip(res, truth, strict=True)))
        result.tolerance = None
        result.notes.append(
            "each decimal is within half a unit in its last digit of a value that makes the "
            f"answer exact at {len(pts)} sample point{'s' * (len(pts) != 1)}")
        return
    # the answer has the right form but its decimals are rounded to fewer digits than given
    agreed = given - int(mpmath.ceil(mpmath.log10(worst)))
    if agreed >= 1:
        shown = ""
        if not domain_symbols and len(names) == 1 and side.expr in (names[0], -names[0]):
            shown = f"; the value is {ctx.nstr(truth[0], given + 2)}"
        result.diagnosis.append("rounding")
        result.details["rounding"] = (f"agrees to {agreed} significant digit"
                                      f"{'s' * (agreed != 1)} only, not the {given} given"
                                      f"{shown}")


# --- diagnosis -----------------------------------------------------------------------------------

@dataclass
class _Slip:
    phrase: str
    detail: Callable[[], str] | str
    #: the repaired answer's values minus the answer's, at the sample points
    residual: list
    #: which term of the answer it repairs
    term: int
    #: the term's values (so a factor on the whole repaired term can be tried too)
    before: list
    #: a factor on the whole term (sign, factor 2, base) rather than a repair inside it
    whole_term: bool = False


def _stem_pairs(symbols: list[sp.Symbol]) -> list[tuple[sp.Symbol, sp.Symbol]]:
    """Pairs of symbols that differ only by their index: (mu1, mu2), (sigma_1, sigma_2)."""
    groups: dict[str, list[sp.Symbol]] = {}
    for s in symbols:
        m = re.fullmatch(r"(.*?)_?\{?(\d+|[a-z])\}?", s.name)
        if m and m.group(1):
            groups.setdefault(m.group(1), []).append(s)
    pairs = [tuple(g) for g in groups.values() if len(g) == 2]
    names = {s.name: s for s in symbols}
    if "p" in names and "q" in names:
        pairs.append((names["p"], names["q"]))
    return pairs  # type: ignore[return-value]


def _local_variants(node: sp.Basic, is_base: bool) -> Iterator[tuple[str, str, sp.Basic]]:
    """Repairs of one place inside a term: (phrase, detail, repaired node)."""
    if isinstance(node, sp.log) and len(node.args) == 1:
        arg = node.args[0]
        yield "sign", lambda: f"log({arg}) should be log({1 / arg})", sp.log(1 / arg)
    if isinstance(node, sp.Pow) and node.exp.is_Rational and node.base.free_symbols:
        b, n = node.base, node.exp
        yield "square missing", lambda: f"{node} should be {b ** (2 * n)}", b ** (2 * n)
        if n.is_even:
            yield "extra square", lambda: f"{node} should be {b ** (n / 2)}", b ** (n / 2)
    if isinstance(node, sp.Symbol) and not is_base and node.is_positive:
        yield "square missing", lambda: f"{node} should be {node}**2", node**2
    if isinstance(node, sp.Add):
        for i, arg in enumerate(node.args):
            args = list(node.args)
            args[i] = -arg
            yield "sign", lambda a=arg: f"{a} should be {-a} in {node}", sp.Add(*args)


def _variants(node: sp.Basic, is_base: bool = False) -> Iterator[tuple[str, str, sp.Basic]]:
    """Repairs of every place inside ``node``."""
    yield from _local_variants(node, is_base)
    if isinstance(node, sp.Pow):
        children = [(0, True)]  # not into exponents: a slip there is not one of ours
    elif isinstance(node, (sp.Add, sp.Mul, sp.Function)):
        children = [(i, False) for i in range(len(node.args))]
    else:
        return
    for i, base in children:
        for phrase, detail, new in _variants(node.args[i], base):
            args = list(node.args)
            args[i] = new
            yield phrase, detail, node.func(*args)


def _diagnose(result: Verification, side: _Side, answer: sp.Expr, target: sp.Basic,
              value: sp.Expr, symbols: list[sp.Symbol], seed: int, log_base: sp.Expr) -> None:
    """Diagnose a refuted answer: one slip before two; a decimal answer is read exactly first
    (0.5 as 1/2), then with the rounding its digits allow."""
    ctx = private_context(DIAGNOSIS_DIGITS)
    points, domain_symbols, target_side = _sample(target, value, ctx, seed)
    if not points or answer.free_symbols - set(domain_symbols):
        return
    strict = ctx.mpf(10) ** -(DIAGNOSIS_DIGITS // 2)
    cache: dict[sp.Expr, list | None] = {}

    def values(expr: sp.Expr) -> list | None:
        if expr not in cache:
            try:
                s = Side(expr, domain_symbols, ctx)
                out = [clean(s.fast(p), strict, ctx) for p in points]
                cache[expr] = None if any(v is None for v in out) else out
            except Exception:  # a repair that cannot be evaluated proves nothing
                cache[expr] = None
        return cache[expr]

    inputs = [[to_mpf(p[s], ctx) for s in domain_symbols] for p in points]

    def preload(exprs: list[sp.Expr]) -> None:
        """Evaluate many repairs with one compiled function (compiling is what costs); any
        failure leaves them to :func:`values`, one by one."""
        todo = list(dict.fromkeys(e for e in exprs if e not in cache and not e.has(
            sp.Integral, sp.Sum)))
        if len(todo) < 2:
            return
        try:
            f = compiled(domain_symbols, todo, ctx)
            rows = [f(*x) for x in inputs]
        except Exception:  # e.g. a division by zero in one repair: evaluate them one by one
            return
        for i, e in enumerate(todo):
            out = [clean(row[i], strict, ctx) for row in rows]
            cache[e] = None if any(v is None for v in out) else out

    truth = [clean(target_side.fast(p), strict, ctx) for p in points]
    if any(t is None for t in truth):
        return
    swapped = _swapped(target)
    for level in (1, 2):
        for rounded in (False, True) if side.decimals else (False,):
            _search(result, side, answer, value, symbols, log_base, rounded, level,
                    _Probe(ctx, points, bool(domain_symbols), strict, values, truth,
                           swapped, preload))
            if result.diagnosis:
                return
    if not side.decimals:
        _differing_term(result, answer, value, values, preload, strict)


def _differing_term(result: Verification, answer: sp.Expr, value: sp.Expr,
                    values: Callable, preload: Callable, tol: object) -> None:
    """No known slip: when every term of the answer but one equals a term of the result, name
    that term and the one it should be (``"wrong term"``)."""
    mine, theirs = list(sp.Add.make_args(answer)), list(sp.Add.make_args(value))
    if len(mine) < 2 or len(theirs) < 2:
        return
    preload(mine + theirs)
    got = {t: values(t) for t in mine + theirs}
    if any(v is None for v in got.values()):
        return

    def equal(a: sp.Expr, b: sp.Expr) -> bool:
        return all(abs(x - y) <= tol * max(1, abs(x), abs(y))
                   for x, y in zip(got[a], got[b], strict=True))

    left = list(theirs)
    unmatched = []
    for t in mine:
        match = next((u for u in left if equal(t, u)), None)
        if match is None:
            unmatched.append(t)
        else:
            left.remove(match)
    if len(unmatched) == 1 and len(left) == 1:
        result.diagnosis.append("wrong term")
        result.details["wrong term"] = (f"the term {unmatched[0]} should be {left[0]}; the "
                                        "other terms are right")


@dataclass
class _Probe:
    """What every candidate repair is evaluated with: the sample points, the target's values
    there and a cached evaluator."""

    ctx: object
    points: list
    has_symbols: bool
    strict: object
    values: Callable[[sp.Expr], list | None]
    truth: list
    #: the target measure with P and Q swapped, evaluated (None when it has no two arguments)
    swapped: sp.Expr | None
    #: evaluate many expressions at once (fills the cache ``values`` reads)
    preload: Callable[[list[sp.Expr]], None]


def _search(result: Verification, side: _Side, answer: sp.Expr, value: sp.Expr,
            symbols: list[sp.Symbol], log_base: sp.Expr, rounded: bool, level: int,
            probe: _Probe) -> None:
    ctx, points, strict, values, truth = (probe.ctx, probe.points, probe.strict, probe.values,
                                          probe.truth)
    # a rounded answer: a repair fits when moving its decimals by at most two half units in
    # their last digits makes it equal to the target at every point (a least-squares fit of
    # the moves, to first order; the answer's own sensitivities to its decimals)
    columns: list[list] = []
    for d, dec in side.decimals.items() if rounded else ():
        exact = {e: f.value for e, f in side.decimals.items()}
        grad = values(sp.diff(side.expr, d).xreplace(exact))
        if grad is None:
            return
        h = to_mpf(dec.half_unit, ctx)
        columns.append([g * h for g in grad])
    first_order = [sum((abs(c[j]) for c in columns), ctx.zero) for j in range(len(points))]

    def fits(error: list, with_constant: bool = False) -> tuple[bool, list]:
        """(the error is explained by moves of at most 2 half units (plus a constant), the
        moves)."""
        cols = columns + ([[ctx.one] * len(points)] if with_constant else [])
        if not cols:
            return all(abs(e) <= strict * max(1, abs(t)) for e, t in zip(error, truth,
                                                                         strict=True)), []
        m = ctx.matrix([[c[j] for c in cols] for j in range(len(points))])
        normal = m.T * m
        for i in range(normal.rows):
            normal[i, i] += ctx.mpf(10) ** -40 * (1 + normal[i, i])
        try:
            u = ctx.lu_solve(normal, m.T * ctx.matrix(error))
        except ZeroDivisionError:
            return False, []
        moves = [u[i] for i in range(len(cols))]
        rest = m * u
        ok = all(abs(e - rest[j]) <= strict * max(1, abs(truth[j])) + first_order[j] / 100
                 for j, e in enumerate(error))
        return ok and all(abs(x) <= 2 for x in moves[:len(columns)]), moves

    def same(xs: list | None, ys: list | None) -> bool:
        if xs is None or ys is None:
            return False
        if not columns:
            return all(abs(x - y) <= strict * max(1, abs(x), abs(y))
                       for x, y in zip(xs, ys, strict=True))
        return fits([y - x for x, y in zip(xs, ys, strict=True)])[0]

    def constant(xs: list | None) -> bool:
        """A nonzero constant over the points (there must be symbols to vary)."""
        if xs is None or not probe.has_symbols:
            return False
        if not columns:
            return (all(abs(x - xs[0]) <= strict * max(1, abs(x)) for x in xs)
                    and abs(xs[0]) > 10 * strict)
        ok, moves = fits(xs, with_constant=True)
        return ok and abs(moves[-1]) > 10 * (strict + max(first_order))

    got = values(answer)
    if got is None:
        return
    if same(got, truth):
        return  # right to within its own rounding: nothing more to say
    diff = [t - a for t, a in zip(truth, got, strict=True)]
    plain_log = bool(side.expr.atoms(sp.log))
    hint = ("; if your log means log₂, pass log_base=2 (--log-base 2)"
            if plain_log and log_base == sp.E else "")
    hint_e = ("; if your log means ln, leave log_base at e" if plain_log and log_base == 2
              else "")
    l2, l10 = sp.log(2), sp.log(10)
    factors = [  # (phrase, detail, c): answer · c = target repairs it
        ("sign", "the whole answer has the wrong sign", sp.S.NegativeOne),
        ("missing 1/2", "the answer is twice the target: a factor 1/2 is missing",
         sp.S.Half),
        ("extra 1/2", "the answer is half the target", sp.Integer(2)),
        ("bits vs nats", "the answer is in bits, the target in nats" + hint_e, l2),
        ("bits vs nats", "the answer is in nats, the target in bits" + hint, 1 / l2),
        ("wrong base", "the answer is in base 10, the target in nats", l10),
        ("wrong base", "the answer is in nats, the target in base 10", 1 / l10),
    ]
    cf = [(p, d, to_mpf(c, ctx) if c.is_Rational else ctx.convert(str(sp.N(c, 40))))
          for p, d, c in factors]
    symbolic_factor = {(p, d): c for p, d, c in factors}
    # substitutions of the whole answer: (phrase, detail, repaired answer values)
    subs: list[tuple[str, str, list | None]] = []
    swapped = probe.swapped
    if swapped is not None:
        # the answer equals the swapped measure: compare the answer with *its* value
        sv = values(swapped)
        if sv is not None:
            subs.append(("swapped arguments", "the answer is the measure with P and Q swapped",
                         [a - s + t for a, s, t in zip(got, sv, truth, strict=True)]))
    pairs = _stem_pairs(symbols)
    whole: list[tuple[str, str, sp.Expr]] = []
    if len(pairs) > 1:
        swap_all = {a: b for x, y in pairs for a, b in ((x, y), (y, x))}
        whole.append(("swapped arguments", "every pair " + ", ".join(
            f"{x}↔{y}" for x, y in pairs) + " is swapped", answer.xreplace(swap_all)))
    whole += [("swapped indices", f"{x} and {y} are swapped", answer.xreplace({x: y, y: x}))
              for x, y in pairs]
    whole += [("scale vs rate", f"{t} is used where 1/{t} belongs", answer.xreplace({t: 1 / t}))
              for t in symbols if t.is_positive]
    probe.preload([e for _, _, e in whole])
    subs += [(phrase, detail, values(e)) for phrase, detail, e in whole]

    terms = sp.Add.make_args(answer)
    slips = _term_slips(terms, values, symbols, pairs, l2, hint, strict, probe.preload)
    exact_answer = None if rounded else answer  # a constant's exact form: decimals read exactly
    if level == 1:
        _one_slip(result, got, truth, diff, cf, subs, slips, same, constant, exact_answer,
                  value)
    else:
        _two_slips(result, got, truth, diff, cf, subs, slips, same, constant, exact_answer,
                   value, symbolic_factor, strict)


def _one_slip(result: Verification, got: list, truth: list, diff: list, cf: list, subs: list,
              slips: list, same: Callable, constant: Callable, answer: sp.Expr | None,
              value: sp.Expr) -> None:
    found: list[tuple[str, object]] = []

    def report(*slips: tuple[str, object]) -> None:
        for phrase, detail in slips:
            if phrase not in {p for p, _ in found}:
                found.append((phrase, detail))

    # one slip of the whole answer
    for phrase, detail, c in cf:
        if same([a * c for a in got], truth):
            report((phrase, detail))
    for phrase, detail, vals in subs:
        if same(vals, truth):
            report((phrase, detail))
    if found:
        return _emit(result, found)

    # one slip in one term (before a constant difference: a sign or a factor 2 in a constant
    # term is the more telling diagnosis)
    for slip in slips:
        if same(slip.residual, diff):
            report((slip.phrase, slip.detail))
    const = _constant(diff, constant, answer, value)
    if const is not None and not found:
        report(const)
    if found:
        _emit(result, found)


def _two_slips(result: Verification, got: list, truth: list, diff: list, cf: list, subs: list,
               slips: list, same: Callable, constant: Callable, answer: sp.Expr | None,
               value: sp.Expr, symbolic_factor: dict, strict: object) -> None:
    for (p1, d1, c1), (p2, d2, c2) in itertools.combinations(cf, 2):
        if p1 != p2 and abs(c1 * c2 - 1) > strict and same([a * c1 * c2 for a in got], truth):
            return _emit(result, [(p1, d1), (p2, d2)])
    for phrase, detail, c in cf:
        scaled = None if answer is None else answer * symbolic_factor[(phrase, detail)]
        two = _constant([t - a * c for t, a in zip(truth, got, strict=True)], constant,
                        scaled, value)
        if two is not None:
            return _emit(result, [(phrase, detail), two])
    for sp_phrase, sp_detail, vals in subs:
        if vals is None:
            continue
        for phrase, detail, c in cf:
            if same([v * c for v in vals], truth):
                return _emit(result, [(sp_phrase, sp_detail), (phrase, detail)])
        rest = [t - v for t, v in zip(truth, vals, strict=True)]
        if constant(rest):
            return _emit(result, [(sp_phrase, sp_detail), _constant_phrase(rest[0], None)])
    for slip in slips:
        for phrase, detail, c in cf:
            want = [t / c - a for t, a in zip(truth, got, strict=True)]
            if same(slip.residual, want):
                return _emit(result, [(slip.phrase, slip.detail), (phrase, detail)])
        rest = [d - r for d, r in zip(diff, slip.residual, strict=True)]
        if constant(rest):
            return _emit(result, [(slip.phrase, slip.detail), _constant_phrase(rest[0], None)])
    for s1, s2 in itertools.combinations(slips, 2):
        if s1.term == s2.term:
            continue
        if same([a + b for a, b in zip(s1.residual, s2.residual, strict=True)], diff):
            return _emit(result, [(s1.phrase, s1.detail), (s2.phrase, s2.detail)])
    # two slips in one term: a repair inside it, and a factor on the whole repaired term
    for outer in (sl for sl in slips if sl.whole_term):
        ratio = [(b + r) / b if b else None for b, r in zip(outer.before, outer.residual,
                                                               strict=True)]
        if any(c is None for c in ratio) or not same(ratio, [ratio[0]] * len(ratio)):
            continue
        for inner in slips:
            if inner.term != outer.term or inner.whole_term or inner.phrase == outer.phrase:
                continue
            both = [ratio[0] * (b + r) - b
                    for b, r in zip(inner.before, inner.residual, strict=True)]
            if same(both, diff):
                return _emit(result, [(inner.phrase, inner.detail),
                                      (outer.phrase, outer.detail)])
    return None


class _Text:
    """A detail written only when it is reported (printing every candidate costs time)."""

    def __init__(self, make: Callable[[], str]) -> None:
        self.make = make

    def __str__(self) -> str:
        return self.make()


def _emit(result: Verification, found: list[tuple[str, object]]) -> None:
    if any(phrase == "swapped arguments" for phrase, _ in found):
        # swapping one pair of indices is then the same slip, said less well
        found = [(p, d) for p, d in found if p != "swapped indices"]
    for phrase, detail in found:
        if phrase not in result.diagnosis:
            result.diagnosis.append(phrase)
            result.details[phrase] = detail() if callable(detail) else str(detail)


def _constant_phrase(value: object, exact: sp.Expr | None) -> tuple[str, str]:
    phrase = "missing constant" if value > 0 else "extra constant"
    shown = exact if exact is not None else sp.Float(mpmath.nstr(value, 15))
    return phrase, f"target = answer + ({shown})"


def _constant(diff: list, constant: Callable[[list], bool], answer: sp.Expr | None,
              value: sp.Expr) -> tuple[str, str] | None:
    """("missing constant" or "extra constant", detail) when target − answer is a nonzero
    constant over the domain, with its exact value when SymPy finds it (``answer`` None: an
    answer with rounded decimals, whose constant is only shown numerically)."""
    if not constant(diff):
        return None
    if answer is None:
        return _constant_phrase(diff[0], None)
    exact = sp.expand(split_logs(value - answer))
    if exact.free_symbols:
        simpler = sp.simplify(exact) if sp.count_ops(exact) < 200 else exact
        exact = None if simpler.free_symbols else simpler
    return _constant_phrase(diff[0], exact)


#: the phrases of term-wide factors (the term times −1, 2, 1/2, log 2, 1/log 2)
_TERM_FACTORS = ("sign", "factor 2", "wrong base")


def _term_slips(terms: tuple, values: Callable, symbols: list[sp.Symbol],
                pairs: list, l2: sp.Expr, hint: str, tiny: object,
                preload: Callable) -> list[_Slip]:
    """One repair of one term (or of one place inside it), with its effect on the answer."""
    out: list[_Slip] = []
    budget = MAX_VARIANTS
    several = len(terms) > 1
    candidates = []
    for index, term in enumerate(terms):
        before = values(term) if not term.is_Rational else None
        if before is None:  # a wrong rational constant is a wrong constant, nothing finer
            continue
        where = _Text(lambda t=term: f"in the term {t}")
        repairs: list[tuple[str, str, sp.Expr]] = []
        factored = {-term, term / 2, term * 2, term * l2, term / l2}
        if several:
            the = _Text(lambda t=term: f"the term {t}")
            repairs += [
                ("sign", lambda th=the: f"{th} has the wrong sign", -term),
                ("factor 2", lambda th=the: f"{th} is twice what it should be (a forgotten 2, "
                                            "as in a denominator 2σ²?)", term / 2),
                ("factor 2", lambda th=the: f"{th} is half what it should be", term * 2),
                ("wrong base", lambda th=the: f"{th} is in bits where nats belong", term * l2),
                ("wrong base", lambda th=the: f"{th} is in nats where bits belong{hint}",
                 term / l2),
                ("extra term", lambda th=the: f"{th} should not be there", sp.S.Zero),
            ]
            repairs += [("swapped indices",
                         lambda x=x, y=y, w=where: f"{x} and {y} are swapped {w}",
                         term.xreplace({x: y, y: x})) for x, y in pairs]
            repairs += [("scale vs rate",
                         lambda t=t, w=where: f"{t} is used where 1/{t} belongs {w}",
                         term.xreplace({t: 1 / t})) for t in symbols if t.is_positive]
        repairs += [(p, (lambda d=d, w=where: f"{d()} ({w})") if several else d, new)
                    for p, d, new in itertools.islice(_variants(term), budget)]
        for phrase, detail, new in repairs:
            if budget > 0 and new != term:
                budget -= 1
                candidates.append((phrase, detail, new, index, before, new in factored))
    preload([c[2] for c in candidates])
    for phrase, detail, new, index, before, whole_term in candidates:
        after = values(new)
        if after is None:
            continue
        residual = [a - b for a, b in zip(after, before, strict=True)]
        if all(abs(r) <= tiny * max(1, abs(b)) for r, b in zip(residual, before, strict=True)):
            continue  # a repair that changes nothing
        out.append(_Slip(phrase, detail, residual, index, before,
                         whole_term=phrase in _TERM_FACTORS and whole_term))
    return out
