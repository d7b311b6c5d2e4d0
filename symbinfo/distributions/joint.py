"""symbinfo's own finite joint distributions: a probability table over named variables.

A :class:`JointTable` is a SymPy object (so ``.subs`` reaches its entries) holding the outcome
tuples and their probabilities; :func:`FiniteJointRV` returns one :class:`JointVariable` per name.
The table is validated when it is made: a provably negative entry, entries that provably do not
sum to 1, or outcomes of the wrong length are errors; what cannot be decided for symbolic entries
is kept in :attr:`JointTable.conditions` and reported, never silently assumed.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

import sympy as sp

from ..errors import InvalidDistributionError, MismatchError, UnsupportedInputError
from ..parsing.gate import to_expr, to_sympy

if TYPE_CHECKING:
    from ..derivation.loglinear import IntegerTable


def _exact(value: sp.Expr) -> sp.Expr:
    """``value`` with each Float replaced by the binary fraction it stores, exactly."""
    if value.is_Rational:
        return value
    floats = value.atoms(sp.Float)
    return value.xreplace({f: sp.Rational(f) for f in floats}) if floats else value


def _slack(p: sp.Expr) -> sp.Rational:
    """How far a float entry may be from the number meant: one unit in the last place of 1,
    2^(1 − precision) (2.2e-16 for a Python float); 0 for an exact entry."""
    if p.is_Rational:
        return sp.S.Zero
    precisions = [f._prec for f in p.atoms(sp.Float)]
    return sp.Rational(2) ** (1 - min(precisions)) if precisions else sp.S.Zero


def _positive_combination(p: object) -> sp.Rational | None:
    """The constant term of ``p`` when ``p`` is a sum of nonnegative rationals and positive
    symbols (times positive rationals), e.g. a marginal ``a + 3/200``; ``None`` otherwise. Such
    an entry is nonnegative, and exceeds 1 for sure only when its constant does."""
    constant = sp.S.Zero
    for term in sp.Add.make_args(p):
        if isinstance(term, sp.Rational):
            if term < 0:
                return None
            constant += term
            continue
        coeff, rest = term.as_coeff_Mul()
        if not (coeff > 0 and isinstance(rest, sp.Symbol) and rest.is_positive):
            return None
    return constant


def _check_probability(outcome: object, p: sp.Expr, what: str) -> list[sp.Basic]:
    """Reject provably invalid entries; return the conditions that cannot be decided."""
    if isinstance(p, sp.Rational) and 0 <= p.p <= p.q:
        return []  # the common case, decided in integers (the denominator is positive)
    where = f"{what}: probability of outcome {outcome}"
    constant = _positive_combination(p)
    if constant is not None:  # nonnegative at a glance, without SymPy's sign search
        if constant > 1:
            raise InvalidDistributionError(f"{where} exceeds 1: {p}")
        return []
    if not isinstance(p, sp.Expr) or p.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        raise InvalidDistributionError(f"{where} is not a number: {p}")
    if p.is_extended_real is False:
        raise InvalidDistributionError(f"{where} is not real: {p}")
    if p.is_extended_negative:
        raise InvalidDistributionError(f"{where} is negative: {p}")
    if (_exact(p) - 1 - _slack(p)).is_extended_positive:
        raise InvalidDistributionError(f"{where} exceeds 1: {p}")
    conditions = []
    if p.is_extended_nonnegative is not True:
        conditions.append(sp.Ge(p, 0))
    return conditions


def _sums_to_one(entries: list[sp.Expr], what: str) -> bool:
    """True when the entries sum to 1 (exactly, or for floats within their precision); False
    when that is undecided; raises when they provably do not."""
    if all(isinstance(p, sp.Rational) for p in entries):  # exact: decided in integers
        d = math.lcm(*(int(p.q) for p in entries))
        total = sum(int(p.p) * (d // int(p.q)) for p in entries)
        if total != d:
            raise InvalidDistributionError(f"{what} does not sum to 1: the entries add up to "
                                           f"{sp.Rational(total, d)}")
        return True
    tolerance = sp.Add(*(_slack(p) for p in entries))
    excess = sp.Add(*(_exact(p) for p in entries)) - 1
    if not excess.is_Rational:
        excess = sp.simplify(excess)
    if (excess - tolerance).is_extended_positive or (excess + tolerance).is_extended_negative:
        within = (f", further from 1 than their precision allows ({float(tolerance):.3g})"
                  if tolerance else "")
        raise InvalidDistributionError(
            f"{what} does not sum to 1: the entries add up to {sp.Add(*entries)}{within}"
        )
    return (abs(excess) - tolerance).is_extended_nonpositive is True


def check_pmf(pmf: Mapping[object, sp.Expr], what: str = "table") -> list[sp.Basic]:
    """Validate a probability mass function; return the undecided conditions.

    This is the one check of every finite distribution symbinfo reads (a ``FiniteJointRV``
    table, a sympy.stats finite distribution or random variable): no entry provably negative,
    above 1 or not a real number, and the entries sum to 1 -- exactly when they are exact, and
    within their precision when they are floats (each float entry may be off by one unit in the
    last place of 1, 2^(1 − precision)). What cannot be decided for symbolic entries is returned.

    >>> check_pmf({0: sp.Rational(1, 2), 1: sp.Rational(1, 2)})
    []
    >>> check_pmf({i: sp.Float(0.1) for i in range(10)})  # not exactly 1/10 each, yet valid
    []
    >>> check_pmf({0: sp.Rational(1, 2), 1: sp.Rational(1, 3)})
    Traceback (most recent call last):
    ...
    symbinfo.errors.InvalidDistributionError: table does not sum to 1: the entries add up to 5/6
    >>> check_pmf({0: sp.Float(0.5), 1: sp.Float(0.4999)})
    Traceback (most recent call last):
    ...
    symbinfo.errors.InvalidDistributionError: table does not sum to 1: the entries add up to \
0.999900000000000, further from 1 than their precision allows (4.44e-16)
    """
    if not pmf:
        raise InvalidDistributionError(f"{what} is empty")
    conditions: list[sp.Basic] = []
    for outcome, p in pmf.items():
        conditions += _check_probability(outcome, p, what)
    if not _sums_to_one(list(pmf.values()), what):
        conditions.append(sp.Eq(sp.Add(*pmf.values()), 1))
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
    if type(value) is int or isinstance(value, sp.Integer):
        return sp.Integer(value)  # the common case, without the gate's general conversion
    if isinstance(value, str):
        if not value.isidentifier():
            raise UnsupportedInputError(
                "an outcome label that is a string must be an identifier (letters, digits, _), "
                f"not {value!r:.60}")
        return sp.Symbol(value)
    if isinstance(value, (tuple, list, sp.Tuple)):
        return sp.Tuple(*(outcome_label(v) for v in value))
    return to_sympy(value, "an outcome label")


def _label_key(x: sp.Basic) -> tuple:
    """A cheap sort key of an outcome label (no printing): numbers, then names, then tuples."""
    if x.is_Integer:
        return (0, int(x))
    if x.is_Rational:
        return (0, Fraction(int(x.p), int(x.q)))
    if isinstance(x, sp.Symbol):
        return (1, x.name)
    if isinstance(x, sp.Tuple):
        return (2, tuple(_label_key(a) for a in x.args))
    return (3, type(x).__name__, str(x))


def _canonical_entries(pmf: Mapping[tuple, sp.Expr]) -> sp.Tuple:
    """The entries as a Tuple of (outcome, probability) pairs in an order that depends only on
    the outcomes (so equal tables are equal objects), sorted without printing each outcome
    (SymPy's ``Dict`` would); SymPy's own ``ordered`` only where cheap keys tie."""
    keyed = sorted(((tuple(_label_key(v) for v in k), k) for k in pmf), key=lambda e: e[0])
    if any(a[0] == b[0] for a, b in itertools.pairwise(keyed)):  # e.g. x and a positive x
        outcomes = list(sp.ordered(sp.Tuple(*k, sympify=False) for k in pmf))
    else:
        outcomes = [sp.Tuple(*k, sympify=False) for _, k in keyed]
    # every label and probability is a SymPy object already (read through the gate)
    return sp.Tuple(*(sp.Tuple(k, pmf[tuple(k)], sympify=False) for k in outcomes),
                    sympify=False)


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
        if isinstance(table, sp.Tuple) and all(isinstance(e, sp.Tuple) and len(e) == 2
                                               for e in table.args):
            table = dict(table.args)  # SymPy rebuilding a table from its args (subs, xreplace)
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
            pmf[key] = to_expr(p, f"the probability of outcome {outcome}")
        check_pmf(pmf, f"the table of {', '.join(map(str, names))}")
        return super().__new__(cls, sp.Tuple(*names), _canonical_entries(pmf))

    @property
    def names(self) -> tuple[sp.Symbol, ...]:
        return tuple(self.args[0])

    def integers(self) -> IntegerTable | None:
        """The entries as integers over their common denominator (kept, with the entropies of
        the marginals, for every measure of this table); ``None`` unless all are rational.

        >>> JointTable(("X",), {0: sp.Rational(1, 3), 1: sp.Rational(2, 3)}).integers().numerators
        (1, 2)
        """
        if "_integers" not in self.__dict__:
            from ..derivation.loglinear import IntegerTable

            self.__dict__["_integers"] = IntegerTable.of(self.pmf)
        return self.__dict__["_integers"]

    @property
    def free_symbols(self) -> set[sp.Basic]:
        # a table is immutable: its symbols are found once, not on every walk of every
        # expression that mentions one of its variables (thousands of entries)
        if "_free" not in self.__dict__:
            self.__dict__["_free"] = super().free_symbols
        return set(self.__dict__["_free"])

    @property
    def pmf(self) -> dict[tuple, sp.Expr]:
        """Outcome tuple → probability (entries that are exactly 0 are kept)."""
        return {tuple(k): v for k, v in self.args[1].args}

    @property
    def conditions(self) -> tuple[sp.Basic, ...]:
        """Conditions on symbolic entries that could not be decided (each must hold)."""
        return tuple(check_pmf(self.pmf, f"the table of {', '.join(map(str, self.names))}"))

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
    symbinfo.errors.InvalidDistributionError: the table of X does not sum to 1: the entries add up \
to 7/6
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
