r"""``check``: a person's hand calculation against symbinfo's result, with a diagnosis.

The answer may be a SymPy expression, a SymPy-syntax string or a LaTeX string; strings are read
only through :mod:`symbinfo.parsing` (never ``sympify``/``eval``). Symbols of the answer are
matched to the target's free symbols **by name**: first the exact name (``sigma`` → the target's
``sigma`` with its assumptions), then the name with backslashes, braces and underscores removed
(``\mu_1`` parsed as ``mu_1`` → the target's ``mu1``, ``\sigma_{2}`` → ``sigma2``), when that
key is unique among the target's symbols. Symbols left unmatched stay free and are reported.

A wrong answer is diagnosed by testing transformed answers numerically against the target at
sampled points of the target's domain: ``"bits vs nats"`` (answer × log 2 or ÷ log 2 equals the
target), ``"missing 1/2"`` (answer = 2 × target), ``"extra 1/2"`` (answer = target / 2),
``"sign"``, ``"swapped arguments"`` (answer = the same measure with P and Q swapped),
``"missing constant"`` / ``"extra constant"`` (target − answer is a nonzero constant, reported in
``details``), ``"scale vs rate"`` (answer with a positive parameter θ replaced by 1/θ equals the
target).
"""

from __future__ import annotations

import random
from collections.abc import Callable

import mpmath
import sympy as sp
from sympy.stats.rv import RandomSymbol

from ..derivation.simplify import split_logs
from ..errors import UnsupportedInputError
from ..limits import check_expression_size
from ..measures.base import InformationMeasure
from ..parsing.gate import to_expr, to_sympy
from ..precision import private_context
from .core import verify, whole
from .domain import collect_domain
from .numeric import Side, clean
from .result import Verification
from .symbolic import evaluate_measures

_LATEX_MARKS = ("\\", "{", "}")


def _name_key(name: str) -> str:
    return "".join(c for c in name if c not in "\\{}_ ")


def _parse(answer: str, syntax: str, symbols: dict, log_base: object) -> sp.Expr:
    from ..parsing import parse_expression, parse_latex

    if syntax == "auto":
        syntax = "latex" if any(m in answer for m in _LATEX_MARKS) else "sympy"
    if syntax == "latex":
        return parse_latex(answer, symbols=symbols, log_base=log_base)
    if syntax == "sympy":
        return parse_expression(answer, symbols=symbols, log_base=log_base)
    raise UnsupportedInputError(f"syntax must be 'auto', 'latex' or 'sympy', not {syntax!r}")


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
        if s in targets:
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
    explains them. ``log_base`` is the base an unqualified ``log`` in the answer means.

    >>> from sympy.stats import Normal
    >>> from symbinfo import Entropy, KLDivergence
    >>> s = sp.Symbol("sigma", positive=True)
    >>> target = sp.log(2 * sp.pi * sp.E * s**2) / 2
    >>> check(r"\frac12\log(2\pi e\sigma^2)", target).status
    'proved'
    >>> v = check("log(2*pi*E*sigma**2)/(2*log(2))", target)
    >>> v.status, v.diagnosis
    ('refuted', ['bits vs nats'])
    >>> check(r"\frac12\log(\sigma^2)", target).diagnosis
    ['missing constant']
    """
    digits, points = whole(digits, "digits", 1), whole(points, "points", 1)
    seed = whole(seed, "seed", None)
    if not isinstance(syntax, str) or syntax not in ("auto", "latex", "sympy"):
        raise UnsupportedInputError(
            f"syntax must be 'auto', 'latex' or 'sympy', not {syntax!r:.60}")
    log_base = to_expr(log_base, "log_base")
    target, value = _target_value(target)
    symbols = _symbols_of(target, value)
    if isinstance(answer, str):
        parsed = _parse(answer, syntax, {s.name: s for s in symbols}, log_base)
    else:
        parsed = to_sympy(answer, "the answer")
    if not isinstance(parsed, sp.Expr):
        raise UnsupportedInputError(f"an answer must be an expression, not {parsed!r:.60}")
    check_expression_size(parsed, "the answer")
    parsed, unmatched = match_symbols(parsed, symbols)
    result = verify(parsed, target, digits=digits, points=points, seed=seed)
    if unmatched:
        result.notes.append("symbols not in the target: " + ", ".join(map(str, unmatched)))
    if result.status == "refuted" or (not result and unmatched):
        _diagnose(result, parsed, target, value, symbols, digits, seed)
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


def _diagnose(result: Verification, answer: sp.Expr, target: sp.Basic, value: sp.Expr,
              symbols: list[sp.Symbol], digits: int, seed: int) -> None:
    ctx = private_context(digits)
    points, domain_symbols, target_side = _sample(target, value, ctx, seed)
    if not points or answer.free_symbols - set(domain_symbols):
        return
    tol = ctx.mpf(10) ** -(digits // 2)
    reference = [clean(target_side.fast(p), tol, ctx) for p in points]

    def values(expr: sp.Expr) -> list:
        side = Side(expr, domain_symbols, ctx)
        return [clean(side.fast(p), tol, ctx) for p in points]

    def equal(xs: list, ys: list) -> bool:
        return all(x is not None and y is not None
                   and abs(x - y) <= tol * max(1, abs(x), abs(y))
                   for x, y in zip(xs, ys, strict=True))

    candidates: list[tuple[str, Callable[[], sp.Expr], list]] = [
        ("bits vs nats", lambda: answer * sp.log(2), reference),
        ("bits vs nats", lambda: answer / sp.log(2), reference),
        ("missing 1/2", lambda: answer / 2, reference),
        ("extra 1/2", lambda: answer * 2, reference),
        ("sign", lambda: -answer, reference),
    ]
    swapped = _swapped(target)
    if swapped is not None:
        candidates.append(("swapped arguments", lambda: answer, values(swapped)))
    for theta in symbols:
        if theta.is_positive:
            candidates.append(("scale vs rate",
                               lambda t=theta: answer.xreplace({t: 1 / t}), reference))
    found: list[str] = []
    for phrase, make, against in candidates:
        if phrase in found:
            continue
        try:
            if equal(values(make()), against):
                found.append(phrase)
        except Exception:  # a transformed answer that cannot be evaluated proves nothing
            continue
    constant = _constant_difference(answer, value, reference, values(answer), tol,
                                    bool(domain_symbols))
    if constant is not None and not found:
        phrase = "missing constant" if constant[1] > 0 else "extra constant"
        found.append(phrase)
        result.details[phrase] = f"target = answer + ({constant[0]})"
    result.diagnosis.extend(found)


def _constant_difference(answer: sp.Expr, value: sp.Expr, reference: list, got: list,
                         tol: mpmath.mpf, has_symbols: bool) -> tuple[sp.Expr, object] | None:
    """(target − answer, its numeric value) when it is a nonzero constant on the domain."""
    if not has_symbols or any(v is None for v in [*reference, *got]):
        return None
    diffs = [r - g for r, g in zip(reference, got, strict=True)]
    if any(abs(d - diffs[0]) > tol * max(1, abs(d)) for d in diffs):
        return None
    if abs(diffs[0]) <= tol:
        return None
    exact = sp.expand(split_logs(value - answer))
    if exact.free_symbols:
        simpler = sp.simplify(exact) if sp.count_ops(exact) < 200 else exact
        if simpler.free_symbols:
            simpler = sp.Float(diffs[0].context.nstr(diffs[0], 15))
        exact = simpler
    return exact, diffs[0]
