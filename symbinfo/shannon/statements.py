"""Statements (``expr >= 0`` or ``expr == 0``) and the constraints a proof may assume."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sympy as sp

from ..errors import UnsupportedInputError
from .expressions import (
    COMPARISONS,
    H,
    I,
    InfoExpr,
    VarSpec,
    format_set,
    from_sympy,
    var_names,
)

__all__ = [
    "Constraint",
    "Statement",
    "as_statement",
    "eq",
    "function_of",
    "ge",
    "independent",
    "le",
    "markov_chain",
]


def _expr(x: Any) -> InfoExpr:
    if isinstance(x, InfoExpr):
        return x
    return from_sympy(x)


class Statement:
    """A claim ``lhs >= rhs`` (``kind == ">="``) or ``lhs == rhs`` (``kind == "=="``).

    ``expr`` is the canonical ``lhs - rhs``; the claim is ``expr >= 0`` or ``expr == 0``.
    ``lhs`` and ``rhs`` are kept only to print the claim the way the user wrote it.

    >>> s = le(I("X", "Y"), H("X"))
    >>> s
    I(X;Y) <= H(X)
    >>> s.kind, s.expr, s.expr.canonical_str()
    ('>=', H(X) - I(X;Y), '-H(Y) + H(X,Y)')
    """

    __slots__ = ("expr", "kind", "lhs", "op", "rhs")

    def __init__(self, lhs: Any, rhs: Any, op: str):
        if op not in (">=", "<=", "=="):
            raise UnsupportedInputError(f"unknown relation {op!r}; use '>=', '<=' or '=='")
        self.lhs = _expr(lhs) if not _is_zero(lhs) else InfoExpr()
        self.rhs = _expr(rhs) if not _is_zero(rhs) else InfoExpr()
        self.op = op
        self.kind = "==" if op == "==" else ">="
        self.expr = self.rhs - self.lhs if op == "<=" else self.lhs - self.rhs

    def __str__(self) -> str:
        return f"{self.lhs} {self.op} {self.rhs}"

    __repr__ = __str__

    def to_latex(self) -> str:
        r"""LaTeX of the claim as written.

        >>> ge(H("X", "Y"), H("X")).to_latex()
        'H(X, Y) \\geq H(X)'
        """
        rel = {">=": r"\geq", "<=": r"\leq", "==": "="}[self.op]
        return f"{self.lhs.to_latex()} {rel} {self.rhs.to_latex()}"

    def _repr_latex_(self) -> str:
        return f"${self.to_latex()}$"

    def __bool__(self) -> bool:
        # Like SymPy relationals: a claim has no truth value until it is proved.
        raise TypeError(f"the truth of {self} is not known; use prove() to decide it")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Statement):
            return NotImplemented
        return (self.kind, self.expr) == (other.kind, other.expr)

    def __hash__(self) -> int:
        return hash((self.kind, self.expr))


def _is_zero(x: Any) -> bool:
    return (isinstance(x, int) and not isinstance(x, bool) and x == 0) or (
        isinstance(x, sp.Basic) and x.is_Number and x == 0
    )


def ge(lhs: Any, rhs: Any = 0) -> Statement:
    """The claim ``lhs >= rhs``. Sides may be :class:`InfoExpr`, SymPy measure expressions or 0.

    >>> ge(H("X", "Y"), H("X"))
    H(X,Y) >= H(X)
    """
    return Statement(lhs, rhs, ">=")


def le(lhs: Any, rhs: Any = 0) -> Statement:
    """The claim ``lhs <= rhs``.

    >>> le(H("X"), H("X", "Y")).expr
    H(X,Y) - H(X)
    """
    return Statement(lhs, rhs, "<=")


def eq(lhs: Any, rhs: Any = 0) -> Statement:
    """The identity ``lhs == rhs``.

    >>> eq(I("X", "Y"), H("X") + H("Y") - H("X", "Y")).expr.is_zero
    True
    """
    return Statement(lhs, rhs, "==")


COMPARISONS.update({">=": ge, "<=": le})


def as_statement(claim: Any) -> Statement:
    """Read a :class:`Statement` or a SymPy relational (``Eq``, ``Ge``, ``Le``) of measures.

    >>> import sympy as sp
    >>> as_statement(ge(H("X"), 0))
    H(X) >= 0
    """
    if isinstance(claim, Statement):
        return claim
    if isinstance(claim, sp.Equality):
        return eq(claim.lhs, claim.rhs)
    if isinstance(claim, sp.GreaterThan):
        return ge(claim.lhs, claim.rhs)
    if isinstance(claim, sp.LessThan):
        return le(claim.lhs, claim.rhs)
    if isinstance(claim, (sp.StrictGreaterThan, sp.StrictLessThan)):
        raise UnsupportedInputError(
            f"strict inequality {claim} cannot be proved by Shannon inequalities; use >= or <="
        )
    raise UnsupportedInputError(
        f"cannot read {claim!r} as a claim; build one with ge(), le(), eq() or a SymPy relational"
    )


class Constraint:
    """Named assumptions for a proof: linear equalities ``e == 0`` and inequalities ``e >= 0``.

    Build them with :func:`markov_chain`, :func:`independent`, :func:`function_of`, or pass any
    :class:`Statement` (it is wrapped automatically by ``prove``).

    >>> c = function_of("Y", "X")
    >>> c.label, c.equalities
    ('Y = f(X)', (H(Y|X),))
    """

    __slots__ = ("equalities", "inequalities", "label", "latex")

    def __init__(
        self,
        label: str,
        equalities: Iterable[InfoExpr] = (),
        inequalities: Iterable[InfoExpr] = (),
        latex: str | None = None,
    ):
        self.label = label
        self.latex = latex if latex is not None else label
        self.equalities = tuple(equalities)
        self.inequalities = tuple(inequalities)

    @classmethod
    def from_statement(cls, st: Any) -> Constraint:
        """Wrap a claim (``Statement`` or SymPy relational) as an assumption.

        >>> from symbinfo.shannon import H
        >>> Constraint.from_statement(le(H("X"), H("Y"))).inequalities
        (H(Y) - H(X),)
        """
        if isinstance(st, Constraint):
            return st
        st = as_statement(st)
        if st.kind == "==":
            return cls(str(st), equalities=[st.expr], latex=st.to_latex())
        return cls(str(st), inequalities=[st.expr], latex=st.to_latex())

    @property
    def variables(self) -> frozenset[str]:
        """Variable names the constraint mentions."""
        out: frozenset[str] = frozenset()
        for e in self.equalities + self.inequalities:
            out |= e.variables
        return out

    def __repr__(self) -> str:
        return f"Constraint({self.label!r})"


def _group(spec: VarSpec) -> frozenset[str]:
    names = var_names(spec)
    if not names:
        raise UnsupportedInputError(f"empty group of random variables: {spec!r}")
    return names


def _fmt(names: frozenset[str], latex: bool = False) -> str:
    return format_set(names, latex)


def markov_chain(*groups: VarSpec) -> Constraint:
    """The Markov chain ``X1 - X2 - ... - Xk``; each ``Xi`` a variable or a tuple of them.

    Encoded as ``I(X1..X(i-1); X(i+1)..Xk | Xi) == 0`` for every inner ``i``, which is
    equivalent to the chain (past and future independent given the present).

    >>> markov_chain("X", "Y", "Z").equalities
    (I(X;Z|Y),)
    """
    if len(groups) < 3:
        raise UnsupportedInputError("a Markov chain needs at least three groups of variables")
    gs = [_group(g) for g in groups]
    eqs = []
    for i in range(1, len(gs) - 1):
        past = frozenset().union(*gs[:i])
        future = frozenset().union(*gs[i + 1 :])
        eqs.append(I(past, future, given=gs[i]))
    label = " - ".join(_fmt(g) for g in gs)
    latex = r" \to ".join(_fmt(g, True) for g in gs)
    return Constraint(f"Markov chain {label}", eqs, latex=rf"{latex} \text{{ Markov chain}}")


def independent(*groups: VarSpec, given: VarSpec | None = None) -> Constraint:
    """Mutual independence of the groups (optionally conditionally on ``given``).

    Encoded as the single equality ``sum_i H(Xi | Z) - H(X1..Xk | Z) == 0`` (total correlation
    zero), which is equivalent to mutual (not just pairwise) independence.

    >>> independent("X", "Y").equalities
    (H(X) + H(Y) - H(X,Y),)
    """
    if len(groups) < 2:
        raise UnsupportedInputError("independence needs at least two groups of variables")
    gs = [_group(g) for g in groups]
    cond = var_names(given)
    expr = sum((H(g, given=cond or None) for g in gs), InfoExpr())
    expr = expr - H(frozenset().union(*gs), given=cond or None)
    parts = ", ".join(_fmt(g) for g in gs)
    latex = r" \perp ".join(_fmt(g, True) for g in gs)
    label = f"independent({parts})" + (f" given {_fmt(cond)}" if cond else "")
    if cond:
        latex += rf" \mid {_fmt(cond, True)}"
    return Constraint(label, [expr], latex=latex)


def function_of(y: VarSpec, x: VarSpec) -> Constraint:
    """``y`` is a function of ``x``: ``H(y | x) == 0``.

    >>> function_of("Y", ("X", "Z")).label
    'Y = f(X,Z)'
    """
    sy, sx = _group(y), _group(x)
    return Constraint(
        f"{_fmt(sy)} = f({_fmt(sx)})",
        [H(sy, given=sx)],
        latex=rf"H({_fmt(sy, True)} \mid {_fmt(sx, True)}) = 0",
    )
