"""Symbolic proof strategies. Each one is a value-preserving transformation; a claim is proved
only when a transformed difference is *exactly* ``0`` (or provably of the right sign from the
assumptions). A simplification that merely fails to reach 0 proves nothing and refutes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp

from ..derivation import loglinear
from ..derivation.simplify import split_logs
from ..measures.base import InformationMeasure
from ..measures.shannon import _EntropyCombination
from ..parsing.gate import to_sympy

#: above this many operations ``simplify`` is skipped (it can take minutes on big tables)
SIMPLIFY_OPS_LIMIT = 250
#: the proof of an identity between exact finite results
LOG_LINEAR = "rational combinations of logarithms compared over a coprime base"
#: above this many operations only cheap transformations are tried for an inequality's sign
SIGN_OPS_LIMIT = 80


def evaluate_measures(expr: object) -> sp.Expr:
    """``expr`` with every concrete information measure replaced by its ``.doit()`` value; other
    unevaluated objects (integrals written by the user) are left alone.

    >>> from sympy.stats import Die
    >>> from symbinfo import Entropy
    >>> evaluate_measures(2 * Entropy(Die("X", 2)))
    2*log(2)
    """
    expr = to_sympy(expr, "a side")
    measures = _measures(expr)
    return expr.xreplace({m: m.doit() for m in measures if not m.is_abstract})


def has_abstract(expr: sp.Basic) -> bool:
    """True when ``expr`` mentions a measure over unspecified (plain Symbol) variables."""
    return any(m.is_abstract for m in _measures(to_sympy(expr, "a side")))


def _measures(expr: sp.Basic) -> set[InformationMeasure]:
    """The information measures in ``expr``, found without walking into their arguments (a
    measure of a table variable holds the whole table: thousands of nodes)."""
    found, todo = set(), [expr]
    while todo:
        e = todo.pop()
        if isinstance(e, InformationMeasure):
            found.add(e)
        else:
            todo.extend(e.args)
    return found


# --- Shannon measures as linear combinations of joint entropies ------------------------------

def entropy_form(expr: object) -> tuple[dict, sp.Expr] | None:
    """``expr`` as ({frozenset of variables: coefficient of their joint entropy}, remainder),
    or ``None`` when it is not linear in Shannon measures.

    >>> from symbinfo import Entropy, MutualInformation
    >>> X, Y = sp.symbols("X Y")
    >>> terms, rest = entropy_form(MutualInformation(X, Y) + 1)
    >>> sorted(terms.values()), rest
    ([-1, 1, 1], 1)
    """
    expr = to_sympy(expr, "a side")
    if not expr.has(InformationMeasure):
        return {}, expr
    if isinstance(expr, _EntropyCombination):
        scale = 1 / sp.log(expr.base) if expr.base != sp.E else sp.S.One
        return {frozenset(k): c * scale for k, c in expr.entropy_terms().items()}, sp.S.Zero
    if isinstance(expr, sp.Add):
        terms: dict = {}
        rest = sp.S.Zero
        for arg in expr.args:
            part = entropy_form(arg)
            if part is None:
                return None
            for k, c in part[0].items():
                terms[k] = terms.get(k, 0) + c
            rest += part[1]
        return terms, rest
    if isinstance(expr, sp.Mul):
        inner = [a for a in expr.args if a.has(InformationMeasure)]
        if len(inner) != 1:
            return None
        coeff = sp.Mul(*(a for a in expr.args if a is not inner[0]))
        part = entropy_form(inner[0])
        if part is None:
            return None
        return {k: coeff * c for k, c in part[0].items()}, coeff * part[1]
    return None


def entropy_difference(lhs: object, rhs: object) -> tuple[dict, sp.Expr] | None:
    """The joint-entropy combination of ``lhs − rhs`` with zero coefficients dropped."""
    a, b = entropy_form(lhs), entropy_form(rhs)
    if a is None or b is None:
        return None
    keys = dict.fromkeys([*a[0], *b[0]])
    diff = {k: sp.expand(a[0].get(k, 0) - b[0].get(k, 0)) for k in keys}
    return {k: c for k, c in diff.items() if c != 0}, a[1] - b[1]


# --- zero and sign proofs -----------------------------------------------------------------

def _positive_cells(expr: sp.Expr, cell_symbols: set[sp.Symbol]) -> tuple[sp.Expr, dict]:
    """Table cells that are bare symbols, made positive (the interior of the simplex)."""
    swap = {s: sp.Dummy(s.name, positive=True) for s in cell_symbols if s.is_positive is not True}
    return expr.xreplace(swap), swap


def _strategies(heavy: bool) -> list[tuple[str, Callable[[sp.Expr], sp.Expr]]]:
    cheap = [
        ("expanded", sp.expand),
        ("logarithms expanded under the assumptions",
         lambda e: sp.expand(split_logs(sp.expand(e)))),
    ]
    if not heavy:
        return cheap
    return [*cheap,
        ("logarithms combined under the assumptions",
         lambda e: sp.expand(sp.logcombine(e))),
        ("special functions expanded (expand_func)",
         lambda e: sp.expand(split_logs(sp.expand_func(e)))),
        ("rewritten in gamma functions (gammasimp)",
         lambda e: sp.gammasimp(e.rewrite(sp.gamma))),
        ("cancelled as one rational function", lambda e: sp.cancel(sp.together(e))),
        ("simplify", lambda e: sp.simplify(e) if sp.count_ops(e) <= SIMPLIFY_OPS_LIMIT else e),
    ]


def transforms(expr: sp.Expr, cell_symbols: set[sp.Symbol] = frozenset(), heavy: bool = True):
    """Yield (method, transformed expression, note) for each strategy, lazily; ``heavy=False``
    keeps to the cheap ones (expansion)."""
    yield "identical after evaluation", expr, None
    if expr.has(sp.Integral, sp.Sum):
        # simplify & co. would try to integrate (minutes); only exact cancellation counts here
        yield "expanded", sp.expand(expr), None
        return
    if not expr.free_symbols:
        exact = loglinear.from_expr(expr)
        if exact is not None:
            # Σ r·log(s) over rationals: over a coprime base the logarithms are linearly
            # independent, so the vector of coefficients is 0 exactly when the value is
            yield LOG_LINEAR, (expr if exact.terms else sp.S.Zero), None
            return
        # a closed number: logs of rationals split into logs of primes decide exact zeros;
        # simplify on long numeric expressions can run for minutes
        yield "logarithms of rationals split into primes", sp.expand(
            split_logs(sp.expand(expr))), None
        return
    positive, swap = _positive_cells(expr, set(cell_symbols))
    note = ("proof on the interior of the probability simplex (table entries > 0); the boundary "
            "follows by continuity of 0·log 0 = 0") if swap and positive.has(sp.log) else None
    for name, f in _strategies(heavy):
        try:
            out = f(positive)
        except Exception:  # a strategy that cannot handle this expression proves nothing
            continue
        yield name, out, note


def prove_zero(expr: sp.Expr, cell_symbols: set[sp.Symbol] = frozenset(),
               heavy: bool = True) -> tuple[str, str | None] | None:
    """(method, note) when ``expr`` is provably 0, else ``None``.

    >>> x = sp.Symbol("x", positive=True)
    >>> prove_zero(sp.log(x**2) - 2 * sp.log(x))[0]   # expand splits logs of positives
    'expanded'
    >>> y = sp.Symbol("y", real=True)   # log(y**2) = 2 log(y) fails for y < 0
    >>> prove_zero(sp.log(y**2) - 2 * sp.log(y)) is None
    True
    """
    if expr.has(sp.nan):
        return None
    for name, out, note in transforms(expr, cell_symbols, heavy):
        if out == 0:
            return name, note
    return None


def prove_sign(expr: sp.Expr, strict: bool, cell_symbols: set[sp.Symbol] = frozenset(),
               heavy: bool = True) -> tuple[str, str | None] | None:
    """(method, note) when ``expr`` ≥ 0 (> 0 if ``strict``) follows from the assumptions.

    >>> s = sp.Symbol("s", positive=True)
    >>> prove_sign(s**2 + 1, strict=True)[0]
    'identical after evaluation'
    """
    if expr.has(sp.nan, sp.Integral, sp.Sum):
        return None
    # a sign rarely follows from the assumptions after simplify; on long expressions (entropies
    # of a 3x3 table) the attempt costs seconds for nothing
    heavy = heavy and sp.count_ops(expr) <= SIGN_OPS_LIMIT
    for name, out, note in transforms(expr, cell_symbols, heavy):
        if not out.free_symbols and not out.is_Rational:
            # SymPy would decide the sign of a closed number by evaluating it numerically:
            # that is a numeric check, reported as such by the numeric stage, not a proof
            continue
        sign = out.is_positive if strict else out.is_nonnegative
        if sign is True:
            return name, note
    return None


# --- the Shannon-inequality prover (symbinfo.shannon, another branch) ------------------------

def shannon_prove(relation: sp.Basic, constraints: object = ()) -> object:
    """Decide a claim between measures over abstract variables with ``symbinfo.shannon.prove``.

    Raises ``ImportError`` with a clear message while the prover is not installed.
    """
    try:
        from ..shannon import prove
    except ImportError as exc:  # the prover lands on main from its own branch
        raise ImportError(
            "the Shannon-inequality prover (symbinfo.shannon) is not available in this "
            "installation, so inequalities between abstract measures cannot be decided"
        ) from exc
    return prove(relation, constraints=constraints)
