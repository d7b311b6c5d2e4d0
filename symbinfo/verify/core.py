"""``verify``: prove, numerically verify or refute an identity or inequality.

Order: (1) linear combinations of Shannon measures are compared as combinations of joint
entropies (a proof valid for every distribution); abstract measures go to the Shannon prover;
(2) both sides are evaluated (``.doit()``) and their difference is put through value-preserving
transformations; only an exact 0 (or a sign implied by the assumptions) is a proof; (3) both
sides are compiled to mpmath once and compared at seeded random points of the declared domain,
in a private mpmath context (:mod:`symbinfo.precision`: concurrent calls at other precisions
cannot change its digits). A disagreement is re-evaluated independently (SymPy's
``evalf`` at higher precision) before it is reported as a counterexample.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

import mpmath
import sympy as sp
from sympy.core.relational import Relational
from sympy.logic.boolalg import BooleanAtom

from ..distributions.joint import JointVariable
from ..errors import UnsupportedInputError
from ..limits import check_expression_size
from ..measures.base import InformationMeasure
from ..measures.shannon import _EntropyCombination
from ..parsing.gate import to_sympy
from ..precision import private_context
from .domain import Domain, collect_domain
from .numeric import UNDEFINED, Side, clean
from .result import PROVED, REFUTED, UNDECIDED, VERIFIED, Verification
from .symbolic import (
    entropy_difference,
    evaluate_measures,
    has_abstract,
    prove_sign,
    prove_zero,
    shannon_prove,
)

_OPS = {sp.Eq: "==", sp.Le: "<=", sp.Lt: "<", sp.Ge: ">=", sp.Gt: ">"}
UNCONFIRMED = "disagreement not confirmed by an independent evaluation"
TIE = "tie in a strict inequality"


def _claim(lhs: object, rhs: object, relation: str | None) -> tuple[sp.Basic, sp.Basic, str]:
    if rhs is None:
        lhs = _side(lhs, "the claim", {})
        if isinstance(lhs, Relational):
            for cls, op in _OPS.items():
                if isinstance(lhs, cls):
                    return lhs.lhs, lhs.rhs, op
            raise UnsupportedInputError(
                f"verify handles =, <=, <, >=, >; not {type(lhs).__name__}: {lhs}")
        raise UnsupportedInputError(
            f"verify needs two sides or a relation (Eq(a, b), a <= b ...), got {lhs!r:.60}")
    relation = relation or "=="
    if not isinstance(relation, str) or relation not in ("==", "<=", "<", ">=", ">"):
        raise UnsupportedInputError(f"unknown relation {relation!r:.60}; use ==, <=, <, >= or >")
    names = symbols_by_name(lhs, rhs)
    return _side(lhs, "the left side", names), _side(rhs, "the right side", names), relation


def symbols_by_name(*values: object) -> dict[str, sp.Symbol]:
    """The plain symbols of the SymPy values, by name: a name in a string side or condition
    means the same symbol (with its assumptions) as in the SymPy values."""
    return {s.name: s for v in values if isinstance(v, sp.Basic)
            for s in v.free_symbols if type(s) is sp.Symbol}


def _side(value: object, what: str, names: dict[str, sp.Symbol]) -> sp.Expr:
    """A side of the claim: a string is read by the safe parser, as on the command line;
    anything else is converted without evaluating text (see :mod:`symbinfo.parsing.gate`)."""
    side = to_sympy(value, what, strings="parse", symbols=names)
    if isinstance(side, (Relational, BooleanAtom)) and what == "the claim":
        return side
    if not isinstance(side, sp.Expr):
        raise UnsupportedInputError(f"{what} must be an expression, not {side!r:.60}")
    return side


def _conditions(where: object, names: dict[str, sp.Symbol]) -> list[sp.Basic]:
    """The ``where`` conditions as SymPy relations (strings parsed safely, their names
    meaning the claim's symbols)."""
    if isinstance(where, (str, sp.Basic)):
        where = [where]
    try:
        items = list(where)  # type: ignore[call-overload]
    except TypeError:
        raise UnsupportedInputError(
            f"where must be a list of conditions, not {type(where).__name__}") from None
    conditions = []
    for item in items:
        cond = to_sympy(item, "a where condition", strings="parse", symbols=names)
        if not isinstance(cond, (Relational, BooleanAtom, sp.And, sp.Or, sp.Not)):
            raise UnsupportedInputError(
                f"a where condition must be a relation such as x > 0, not {cond!r:.60}")
        conditions.append(cond)
    return conditions


def whole(value: object, what: str, least: int | None) -> int:
    """``value`` as a Python int, at least ``least`` unless that is None (digits, points, seed).

    >>> whole(30, "digits", 1)
    30
    >>> whole("30", "digits", 1)
    Traceback (most recent call last):
    ...
    symbinfo.errors.UnsupportedInputError: digits must be an integer >= 1, not '30'
    """
    if (isinstance(value, bool) or not isinstance(value, (int, sp.Integer))
            or (least is not None and value < least)):
        rule = "an integer" if least is None else f"an integer >= {least}"
        raise UnsupportedInputError(f"{what} must be {rule}, not {value!r:.60}")
    return int(value)


def _tolerance(tol: object) -> float | sp.Float | None:
    if tol is None:
        return None
    if not isinstance(tol, bool) and isinstance(tol, (int, float, sp.Number)) and tol > 0:
        return tol if isinstance(tol, (int, float)) else sp.Float(tol, 60)
    raise UnsupportedInputError(f"tol must be a positive number or None, not {tol!r:.60}")


def _orient(lhs: sp.Basic, rhs: sp.Basic, relation: str) -> tuple[sp.Basic, sp.Basic]:
    """(small, big) of an inequality claim small ≤ big."""
    return (lhs, rhs) if relation in ("<=", "<", "==") else (rhs, lhs)


def _default_tol(exprs: Iterable[sp.Expr], digits: int) -> int:
    """The default tolerance's exponent: tolerance = 10**-(this)."""
    # quadrature and series are less accurate than elementary functions at the same precision;
    # a Float in a side (a measured or quadrature value) is only as exact as whoever made it
    inexact = any(e.has(sp.Integral, sp.Sum) or e.atoms(sp.Float) for e in exprs)
    return digits // 3 if inexact else digits - 10


def verify(
    lhs: object,
    rhs: object = None,
    *,
    relation: str | None = None,
    digits: int = 50,
    points: int = 20,
    seed: int = 0,
    tol: float | None = None,
    where: Iterable[sp.Basic] = (),
    constraints: object = (),
    symbolic: bool = True,
    numeric: bool = True,
) -> Verification:
    r"""Prove, numerically verify or refute ``lhs == rhs`` (or ``lhs <= rhs`` ...).

    ``verify(lhs, rhs)`` checks an identity; ``verify(Eq(a, b))``, ``verify(a <= b)`` or
    ``verify(a, b, relation=">")`` a relation. ``digits`` is the mpmath working precision,
    ``points`` the number of valid sample points, ``seed`` makes the sampling reproducible,
    ``tol`` the relative tolerance (default 10^-(digits-10); 10^-(digits/3) when a side holds
    an integral, a sum or a Float),
    ``where`` extra conditions the sample points must meet, ``constraints`` are handed to the
    Shannon prover for abstract claims (e.g. a Markov chain). Sides may hold unevaluated
    measures; they are ``.doit()``-ed. Sides and ``where`` conditions may also be strings in
    SymPy syntax, read by the safe parser (:func:`symbinfo.parse_expression`, as on the command
    line), never evaluated: ``verify("log(x**2)", "2*log(x)", where=["x > 0"])``.

    >>> import symbinfo as si
    >>> p = sp.Symbol("p", positive=True)
    >>> X, Y = si.FiniteJointRV("X Y", [[p / 2, p / 2], [1 - p, 0]])
    >>> v = verify(si.Entropy(X, Y), si.Entropy(X) + si.ConditionalEntropy(Y, given=X))
    >>> v.status, bool(v)
    ('proved', True)
    >>> v = verify(si.ConditionalEntropy(X, given=Y), si.ConditionalEntropy(Y, given=X))
    >>> v.status, sorted(v.counterexample)
    ('refuted', [p])
    >>> a = sp.Symbol("a", positive=True)
    >>> verify(sp.log(a) <= a - 1).status
    'verified'
    >>> verify("log(x**2)", "2*log(x)", where=["x > 0"]).status
    'verified'
    """
    digits, points = whole(digits, "digits", 1), whole(points, "points", 1)
    seed, tol = whole(seed, "seed", None), _tolerance(tol)
    if rhs is None and isinstance(lhs, (bool, BooleanAtom)):
        # SymPy decided ``a <= b`` from the assumptions while building it (a sound decision);
        # the sides are gone, so say so
        holds = bool(lhs)
        return Verification(
            sp.true, sp.true if holds else sp.false, "==", PROVED if holds else REFUTED,
            method="SymPy decided the relation from the assumptions when it was built",
            notes=["use sp.Le(a, b, evaluate=False) or verify(a, b, relation='<=') to keep "
                   "the sides"], seed=seed)
    lhs, rhs, relation = _claim(lhs, rhs, relation)
    conditions = _conditions(where, symbols_by_name(lhs, rhs))
    check_expression_size((lhs, rhs), "a side of the claim")
    result = Verification(lhs, rhs, relation, UNDECIDED, digits=digits, seed=seed)

    if symbolic:
        done = _shannon_stage(result, constraints)
        if done:
            return result
    if has_abstract(lhs) or has_abstract(rhs):
        if result.method == "":
            result.method = "measures over abstract variables cannot be evaluated"
        return result

    left, right = evaluate_measures(lhs), evaluate_measures(rhs)
    domain = collect_domain([lhs, rhs], [left, right], conditions)
    cells = domain.table_symbols
    # cheap transformations first; the expensive ones (simplify, gammasimp ...) only for a
    # claim that survived the numeric comparison, where a proof upgrades "verified"
    if symbolic and _symbolic_stage(result, left, right, cells, heavy=False):
        return result
    if numeric:
        _numeric_stage(result, left, right, domain, digits, points, seed, tol)
        if result.status == REFUTED:
            return result
    if symbolic:
        _symbolic_stage(result, left, right, cells, heavy=True)
    return result


def _shannon_stage(result: Verification, constraints: object) -> bool:
    """Linear combinations of Shannon measures; True when the verdict is final."""
    abstract = has_abstract(result.lhs) or has_abstract(result.rhs)
    if not any(isinstance(m, _EntropyCombination)
               for side in (result.lhs, result.rhs) for m in side.atoms(InformationMeasure)):
        return False
    diff = entropy_difference(result.lhs, result.rhs)
    if diff is not None and not constraints:
        terms, rest = diff
        rest_zero = rest == 0 or prove_zero(to_sympy(rest, "the difference")) is not None
        if not terms and rest_zero:
            if result.relation in ("==", "<=", ">="):
                result.status, result.method = PROVED, "same combination of joint entropies"
            else:
                result.status, result.method = REFUTED, "both sides are identically equal"
                result.counterexample = {}
            return True
        if (abstract and result.relation == "==" and rest_zero
                and any(c.is_number and c != 0 for c in terms.values())):
            result.status = REFUTED
            result.method = "different combinations of joint entropies"
            result.notes.append(
                "joint entropies of distinct variable sets are linearly independent (the "
                "entropic region has full dimension), so some distribution tells them apart")
            return True
    if not abstract:
        return _finite_shannon(result)
    relation = {"==": sp.Eq, "<=": sp.Le, "<": sp.Lt, ">=": sp.Ge, ">": sp.Gt}[result.relation]
    try:
        found = shannon_prove(relation(result.lhs, result.rhs, evaluate=False), constraints)
    except ImportError as exc:
        result.method = str(exc)
        return True
    except Exception as exc:  # a claim the prover cannot read: say so, decide nothing
        result.method = f"the Shannon prover could not read the claim ({exc})"
        return True
    if getattr(found, "status", None) == "proved":
        result.status = PROVED
        result.method = "Shannon-inequality prover" + (
            f" ({found.method})" if getattr(found, "method", "") else "")
    else:
        result.method = ("not provable from Shannon-type inequalities (this is not a "
                         "refutation for real distributions)")
        witness = getattr(found, "witness", None)
        if witness is not None:
            result.notes.append("polymatroid witness: " + ", ".join(
                f"H({','.join(sorted(k))}) = {v}" for k, v in witness.items()))
    return True


def _finite_shannon(result: Verification) -> bool:
    """A linear inequality between Shannon measures of finite joint variables (a
    :class:`~symbinfo.FiniteJointRV` table), proved for *every* finite distribution by the
    Shannon prover: ``H(X | Y) <= H(X)`` comes back proved, not verified numerically.

    Only ``<=``, ``>=`` (and ``==``) claims whose measures all have one base and whose sides are
    measures alone; anything else (or a claim the prover cannot prove) goes on to evaluation.
    Source: Yeung, *A First Course in Information Theory* (2002), ch. 13-14 (ITIP).
    """
    if result.relation not in ("<=", ">=", "=="):
        return False
    measures = set().union(*(side.atoms(InformationMeasure) for side in (result.lhs, result.rhs)))
    if not measures or len({m.base for m in measures}) != 1:
        return False
    variables: dict[sp.Basic, sp.Symbol] = {}
    for m in measures:
        if not isinstance(m, _EntropyCombination):
            return False
        for rv in m.random_arguments:
            if not isinstance(rv, JointVariable):
                return False
            variables.setdefault(rv, sp.Symbol(f"_V{len(variables)}"))
    if len({rv.table for rv in variables}) != 1:
        return False
    relation = {"==": sp.Eq, "<=": sp.Le, ">=": sp.Ge}[result.relation]
    claim = relation(result.lhs.xreplace(variables), result.rhs.xreplace(variables),
                     evaluate=False)
    try:
        found = shannon_prove(claim)
    except Exception:  # not linear in the measures, a constant term ...: evaluate instead
        return False
    if getattr(found, "status", None) != "proved":
        return False
    result.status = PROVED
    result.method = "Shannon-inequality prover"
    result.notes.append("a Shannon-type inequality: it holds for every joint distribution of "
                        "finitely many values, this table included")
    return True


def _symbolic_stage(result: Verification, left: sp.Expr, right: sp.Expr, cells: set,
                    heavy: bool) -> bool:
    relation = result.relation
    if relation == "==":
        found = prove_zero(left - right, cells, heavy)
    else:
        small, big = _orient(left, right, relation)
        found = prove_sign(big - small, relation in ("<", ">"), cells, heavy)
    if found is None:
        return False
    result.status, result.method = PROVED, found[0]
    if found[1]:
        result.notes.append(found[1])
    return True


def _numeric_stage(result: Verification, left: sp.Expr, right: sp.Expr, domain: Domain,
                   digits: int, points: int, seed: int, tol: float | None) -> None:
    rng = random.Random(seed)
    symbols = domain.symbols
    result.digits = digits
    skipped: dict[str, int] = {}
    wanted = points if symbols else 1  # nothing to sample: one evaluation
    attempts = 0
    ctx = private_context(digits)
    worst = ctx.zero
    ties = 0
    tolerance = (ctx.convert(tol) if tol is not None
                 else ctx.mpf(10) ** -_default_tol([left, right], digits))
    result.tolerance = float(tolerance)
    sides = Side(left, symbols, ctx), Side(right, symbols, ctx)
    while len(result.sample) < wanted and attempts < 50 * wanted:
        attempts += 1
        point, why = domain.draw(rng)
        if point is None:
            skipped[why] = skipped.get(why, 0) + 1
            continue
        a = clean(sides[0].fast(point), tolerance, ctx)
        b = clean(sides[1].fast(point), tolerance, ctx)
        if a is None or b is None:
            skipped[UNDEFINED] = skipped.get(UNDEFINED, 0) + 1
            continue
        error, violated, tie = _compare(a, b, result.relation, tolerance)
        if violated or tie:
            confirmed = _confirm(sides, point, result.relation, tolerance, digits)
            if confirmed is None:
                skipped[UNCONFIRMED] = skipped.get(UNCONFIRMED, 0) + 1
                continue
            if confirmed[2]:  # a tie, confirmed, in a strict inequality
                ties += 1
                skipped[TIE] = skipped.get(TIE, 0) + 1
                continue
            result.status, result.method = REFUTED, (
                f"counterexample, confirmed at {digits + 15} digits by evalf "
                "(integrals: quadrature again)")
            result.counterexample = dict(point)
            result.counterexample_values = (confirmed[0], confirmed[1])
            result.worst_error = float(error)
            break
        worst = max(worst, error)
        result.sample.append(point)
    result.points = len(result.sample)
    result.skipped = sum(skipped.values())
    result.skip_reasons = skipped
    if result.status == REFUTED:
        return
    result.worst_error = float(worst)
    if ties:
        result.method = "equal sides at some points of a strict inequality"
    elif result.points >= min(wanted, 3):
        result.status, result.method = VERIFIED, "mpmath at sampled points"
        if result.points < wanted:
            result.notes.append(f"only {result.points} of {wanted} points could be evaluated")
        if not symbols:
            result.notes.append("no free parameters: one high-precision evaluation")
    else:
        result.method = (f"only {result.points} valid points after {attempts} draws "
                         "(see the skipped points)")


def _compare(a: mpmath.mpf, b: mpmath.mpf, relation: str,
             tol: mpmath.mpf) -> tuple[mpmath.mpf, bool, bool]:
    """(relative error or violation, violated?, tie in a strict inequality?), computed in the
    context of ``a`` and ``b`` (one context: mixing would round to the other's precision)."""
    ctx = a.context
    if ctx.isinf(a) or ctx.isinf(b):
        if relation == "==":
            return ctx.zero, a != b, False
        small, big = (a, b) if relation in ("<=", "<") else (b, a)
        return ctx.zero, not small <= big, relation in ("<", ">") and small == big
    scale = max(ctx.one, abs(a), abs(b))
    if relation == "==":
        error = abs(a - b) / scale
        return error, error > tol, False
    small, big = (a, b) if relation in ("<=", "<") else (b, a)
    violation = (small - big) / scale
    strict = relation in ("<", ">")
    return max(violation, ctx.zero), violation > tol, strict and abs(violation) <= tol


def _confirm(sides: tuple[Side, Side], point: dict, relation: str, tol: mpmath.mpf,
             digits: int) -> tuple | None:
    """Re-evaluate through SymPy's evalf at higher precision: (lhs, rhs, tie) if the failure
    stands, ``None`` if it does not."""
    ctx = sides[0].ctx  # this call's own context: raising its precision affects no one else
    ctx.dps = digits + 15
    try:
        # evalf of an integral over an infinite range can take minutes: integrals are re-done
        # by quadrature at the higher precision (other nodes), everything else by evalf
        a, b = (clean(s.fast(point) if s.expr.has(sp.Integral) else s.slow(point), tol, ctx)
                for s in sides)
        if a is None or b is None:
            return None
        _, violated, tie = _compare(a, b, relation, tol)
    finally:
        ctx.dps = digits
    if not (violated or tie):
        return None
    return _as_sympy(a, digits), _as_sympy(b, digits), tie


def _as_sympy(value: mpmath.mpf, digits: int) -> sp.Expr:
    if value.context.isinf(value):
        return sp.oo if value > 0 else -sp.oo
    return sp.Float(value.context.nstr(value, digits), digits)
