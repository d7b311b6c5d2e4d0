"""symbinfo's own finite joint distributions: a probability table over named variables.

A :class:`JointTable` is a SymPy object (so ``.subs`` reaches its entries) holding the outcome
tuples and their probabilities; :func:`FiniteJointRV` returns one :class:`JointVariable` per name.
The table is validated when it is made: a provably negative entry, entries that provably do not
sum to 1, or outcomes of the wrong length are errors; what cannot be decided for symbolic entries
is kept in :attr:`JointTable.conditions` and reported, never silently assumed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence

import sympy as sp

from ..errors import InvalidDistributionError, MismatchError, UnsupportedInputError
from ..parsing.gate import to_sympy


def _check_probability(outcome: object, p: sp.Expr) -> list[sp.Basic]:
    """Reject provably invalid entries; return the conditions that cannot be decided."""
    if not isinstance(p, sp.Expr) or p.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        raise InvalidDistributionError(f"probability of outcome {outcome} is not a number: {p}")
    if p.is_extended_real is False:
        raise InvalidDistributionError(f"probability of outcome {outcome} is not real: {p}")
    if p.is_extended_negative:
        raise InvalidDistributionError(f"probability of outcome {outcome} is negative: {p}")
    if (p - 1).is_extended_positive:
        raise InvalidDistributionError(f"probability of outcome {outcome} exceeds 1: {p}")
    conditions = []
    if p.is_extended_nonnegative is not True:
        conditions.append(sp.Ge(p, 0))
    return conditions


def check_pmf(pmf: Mapping[object, sp.Expr], what: str = "table") -> list[sp.Basic]:
    """Validate a probability mass function; return the undecided conditions.

    >>> check_pmf({0: sp.Rational(1, 2), 1: sp.Rational(1, 2)})
    []
    >>> check_pmf({0: sp.Rational(1, 2), 1: sp.Rational(1, 3)})
    Traceback (most recent call last):
    ...
    symbinfo.errors.InvalidDistributionError: table does not sum to 1: the entries add up to 5/6
    """
    if not pmf:
        raise InvalidDistributionError(f"{what} is empty")
    conditions: list[sp.Basic] = []
    for outcome, p in pmf.items():
        conditions += _check_probability(outcome, p)
    total = sp.simplify(sp.Add(*pmf.values()))
    if total != 1:
        if (total - 1).is_zero is False:
            raise InvalidDistributionError(
                f"{what} does not sum to 1: the entries add up to {total}"
            )
        conditions.append(sp.Eq(total, 1))
    return conditions


def variable_name(name: object) -> sp.Symbol:
    """A variable's name as a Symbol. It must read as an identifier, since it is printed in
    formulas and in LaTeX (a name such as ``\\input{...}`` would be TeX).

    >>> variable_name("X1"), variable_name(sp.Symbol("Y"))
    (X1, Y)
    >>> variable_name("X; Y")
    Traceback (most recent call last):
    ...
    symbinfo.errors.UnsupportedInputError: a variable name must be an identifier (letters, digits, _), not 'X; Y'
    """  # noqa: E501
    text = name.name if isinstance(name, sp.Symbol) else name
    if not isinstance(text, str) or not text.isidentifier():
        raise UnsupportedInputError(
            f"a variable name must be an identifier (letters, digits, _), not {text!r:.60}")
    return name if isinstance(name, sp.Symbol) else sp.Symbol(name)


def outcome_label(value: object) -> sp.Basic:
    """An outcome as SymPy: a string is a label, never parsed (an identifier becomes a Symbol,
    anything else is refused); tuples become ``Tuple``; numbers and SymPy objects are kept.

    >>> outcome_label("heads"), outcome_label((0, "b")), outcome_label(2)
    (heads, (0, b), 2)
    >>> outcome_label("a b")
    Traceback (most recent call last):
    ...
    symbinfo.errors.UnsupportedInputError: an outcome label that is a string must be an identifier (letters, digits, _), not 'a b'
    """  # noqa: E501
    if isinstance(value, str):
        if not value.isidentifier():
            raise UnsupportedInputError(
                "an outcome label that is a string must be an identifier (letters, digits, _), "
                f"not {value!r:.60}")
        return sp.Symbol(value)
    if isinstance(value, (tuple, list, sp.Tuple)):
        return sp.Tuple(*(outcome_label(v) for v in value))
    return to_sympy(value, "an outcome label")


class JointTable(sp.Basic):
    """Outcome tuples of named variables and their probabilities.

    >>> p = sp.Symbol("p", positive=True)
    >>> t = JointTable(("X", "Y"), {(0, 0): p, (1, 1): 1 - p})
    >>> t.names
    (X, Y)
    >>> t.conditions
    (1 - p >= 0,)
    """

    def __new__(cls, names: Iterable[str | sp.Symbol], table: Mapping) -> JointTable:
        if not isinstance(table, (Mapping, sp.Dict)) or isinstance(names, (str, bytes)):
            raise UnsupportedInputError("JointTable takes a sequence of names and a mapping "
                                        "{outcome tuple: probability}")
        names = tuple(variable_name(n) for n in names)
        if len(set(names)) != len(names):
            raise MismatchError(f"variable names repeat: {names}")
        pmf = {}
        for outcome, p in table.items():
            is_tuple = isinstance(outcome, (tuple, sp.Tuple))
            if len(names) == 1 and not (is_tuple and len(outcome) == 1):
                key = (outcome,)  # a single tuple-valued RV
            else:
                key = tuple(outcome) if is_tuple else (outcome,)
            if len(key) != len(names):
                raise MismatchError(
                    f"outcome {outcome} has {len(key)} values but there are {len(names)} "
                    f"variables {names}"
                )
            key = tuple(outcome_label(v) for v in key)
            if key in pmf:
                raise InvalidDistributionError(f"outcome {outcome} appears twice")
            pmf[key] = p if isinstance(p, sp.Basic) else sp.sympify(p, strict=True)
        check_pmf(pmf)
        entries = sp.Dict({sp.Tuple(*k): v for k, v in pmf.items()})
        return super().__new__(cls, sp.Tuple(*names), entries)

    @property
    def names(self) -> tuple[sp.Symbol, ...]:
        return tuple(self.args[0])

    @property
    def pmf(self) -> dict[tuple, sp.Expr]:
        """Outcome tuple → probability (entries that are exactly 0 are kept)."""
        return {tuple(k): v for k, v in self.args[1].items()}

    @property
    def conditions(self) -> tuple[sp.Basic, ...]:
        """Conditions on symbolic entries that could not be decided (each must hold)."""
        return tuple(check_pmf(self.pmf))

    def variable(self, name: str | sp.Symbol) -> JointVariable:
        name = variable_name(name)
        if name not in self.names:
            raise MismatchError(f"unknown variable {name}; this table has {self.names}")
        return JointVariable(name, self)


class JointVariable(sp.Basic):
    """One named variable of a :class:`JointTable`; prints as its name.

    >>> X, Y = FiniteJointRV("X Y", [[sp.Rational(1, 2), 0], [0, sp.Rational(1, 2)]])
    >>> Y, Y.index, Y.table.names
    (Y, 1, (X, Y))
    """

    def __new__(cls, name: sp.Symbol, table: JointTable) -> JointVariable:
        return super().__new__(cls, name, table)

    @property
    def name(self) -> sp.Symbol:
        return self.args[0]

    @property
    def table(self) -> JointTable:
        return self.args[1]

    @property
    def index(self) -> int:
        return self.table.names.index(self.name)

    def _sympystr(self, printer) -> str:
        return printer._print(self.name)

    def _latex(self, printer) -> str:
        return printer._print(self.name)

    def _pretty(self, printer):
        return printer._print(self.name)


def _nested_to_dict(table: Sequence, depth: int) -> dict[tuple, object]:
    """Nested lists / a Matrix indexed from 0 → {outcome tuple: entry}."""
    if isinstance(table, sp.MatrixBase):
        table = table.tolist()
    out: dict[tuple, object] = {}

    def walk(node: object, prefix: tuple) -> None:
        if len(prefix) == depth:
            out[prefix] = node
            return
        if isinstance(node, sp.MatrixBase):
            node = node.tolist()
        if not isinstance(node, (list, tuple)):
            raise MismatchError(
                f"the nested table has entry {node} at depth {len(prefix)}, expected {depth} levels"
            )
        for i, child in enumerate(node):
            walk(child, (*prefix, sp.Integer(i)))

    walk(table, ())
    return out


def FiniteJointRV(
    names: str | Sequence[str | sp.Symbol], table: Mapping | Sequence | sp.MatrixBase
) -> JointVariable | tuple[JointVariable, ...]:
    """Random variables of one finite joint distribution, one per name.

    ``table`` maps outcome tuples to probabilities, or is a nested list / Matrix indexed from 0
    (first index = first variable). Entries may be symbolic.

    >>> X, Y = FiniteJointRV("X Y", [[sp.Rational(1, 2), 0], [0, sp.Rational(1, 2)]])
    >>> X, Y.table.pmf[(1, 1)]
    (X, 1/2)
    >>> FiniteJointRV("X", {0: sp.Rational(1, 2), 1: sp.Rational(2, 3)})
    Traceback (most recent call last):
    ...
    symbinfo.errors.InvalidDistributionError: table does not sum to 1: the entries add up to 7/6
    """
    if isinstance(names, str):
        names = names.replace(",", " ").split()
    names = list(names)
    if not names:
        raise UnsupportedInputError("FiniteJointRV needs at least one variable name")
    if isinstance(table, (Mapping, sp.Dict)):
        mapping = table
    elif isinstance(table, (list, tuple, sp.MatrixBase)):
        mapping = _nested_to_dict(table, len(names))
    else:
        raise UnsupportedInputError(
            f"a joint table must be a dict, nested list or Matrix, not {type(table).__name__}"
        )
    joint = JointTable(names, mapping)
    variables = tuple(joint.variable(n) for n in joint.names)
    return variables[0] if len(variables) == 1 else variables


def product_outcomes(alphabets: Sequence[Sequence]) -> Iterable[tuple]:
    """All outcome tuples of a product of alphabets (helper for building tables)."""
    return itertools.product(*alphabets)
