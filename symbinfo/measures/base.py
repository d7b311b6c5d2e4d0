"""The base of every unevaluated information measure: a real SymPy expression.

A measure stores its random variables (or groups of them, as ``Tuple``), its parameters and, when
it is measured in a unit, a :class:`LogBase`. ``.doit()`` evaluates it through the engine in nats
and converts to the base once, here at the boundary.
"""

from __future__ import annotations

from typing import ClassVar

import sympy as sp

from ..distributions.view import Kind, kind_of
from ..errors import UnsupportedInputError


def as_expr(value: object, what: str) -> sp.Basic:
    """``value`` as a SymPy object; strings are refused (``sympify`` would evaluate them).

    >>> as_expr(2, "the order")
    2
    >>> as_expr("__import__('os')", "the order")
    Traceback (most recent call last):
    ...
    symbinfo.errors.UnsupportedInputError: the order must be a number or SymPy expression, not \
the string "__import__('os')"; parse text with symbinfo.parse_expression
    """
    if isinstance(value, str):
        raise UnsupportedInputError(
            f'{what} must be a number or SymPy expression, not the string "{value}"; '
            "parse text with symbinfo.parse_expression"
        )
    try:
        return sp.sympify(value, strict=True)
    except sp.SympifyError:
        raise UnsupportedInputError(
            f"{what} must be a number or SymPy expression, not {value!r}"
        ) from None


class LogBase(sp.Basic):
    """The base of the logarithm a measure is expressed in (``E`` = nats, 2 = bits, 10 = hartleys).

    >>> LogBase(2).value
    2
    """

    def __new__(cls, value: object = sp.E) -> LogBase:
        value = as_expr(value, "a logarithm base")
        if value.is_positive is False or value == 1:
            raise UnsupportedInputError(f"a logarithm base must be positive and not 1, not {value}")
        return super().__new__(cls, value)

    @property
    def value(self) -> sp.Expr:
        return self.args[0]


def to_base(nats: sp.Expr, base: sp.Expr) -> sp.Expr:
    """Convert a value in nats to ``base`` (applied once, at the public boundary).

    >>> to_base(sp.log(4), 2)
    2
    """
    from ..derivation.simplify import tidy

    if base == sp.E:
        return nats
    if nats.has(sp.Integral, sp.Sum):
        return nats / sp.log(base)
    return tidy(nats / sp.log(base))


def rv_group(arg: object) -> sp.Tuple:
    """A group of random variables as a ``Tuple`` (one RV or a tuple/list/Tuple of them)."""
    items = tuple(arg) if isinstance(arg, (tuple, list, sp.Tuple)) else (arg,)
    for item in items:
        if not isinstance(item, sp.Basic):
            raise UnsupportedInputError(
                f"cannot read {item!r} ({type(item).__name__}) as a random variable"
            )
        kind_of(item)  # raises a clear error for anything unreadable
    return sp.Tuple(*items)


def single(arg: object) -> sp.Basic:
    """One random variable or distribution."""
    group = rv_group(arg)
    if len(group) != 1:
        raise UnsupportedInputError(f"expected one random variable or distribution, got {arg}")
    return group[0]


class InformationMeasure(sp.Expr):
    """Common behaviour of every measure: unit handling, ``doit``, printing helpers.

    >>> from symbinfo import Entropy, FiniteJointRV
    >>> X = FiniteJointRV("X", {0: sp.Rational(1, 2), 1: sp.Rational(1, 2)})
    >>> isinstance(Entropy(X), InformationMeasure), Entropy(X, base=2).base
    (True, 2)
    """

    is_extended_real = True
    is_commutative = True
    #: how many leading args are RV groups/RVs/parameters (the LogBase, if any, comes last)
    has_base: ClassVar[bool] = True

    @classmethod
    def _stored(cls, args: tuple) -> bool:
        """Whether ``args`` already are the stored form (SymPy rebuilding with ``func(*args)``)."""
        return bool(args) and isinstance(args[-1], LogBase)

    @property
    def base(self) -> sp.Expr:
        return self.args[-1].value if self.has_base else sp.E

    @property
    def random_arguments(self) -> tuple:
        """Every random variable / distribution this measure mentions."""
        out = []
        for a in self.args:
            if isinstance(a, sp.Tuple):
                out.extend(a)
            elif not isinstance(a, LogBase) and not self._is_parameter(a):
                out.append(a)
        return tuple(out)

    def _is_parameter(self, arg: sp.Basic) -> bool:
        return False

    @property
    def is_abstract(self) -> bool:
        """True when some argument is a plain Symbol standing for an unspecified variable."""
        return any(kind_of(a) is Kind.ABSTRACT for a in self.random_arguments)

    def nats(self):
        """The engine's :class:`~symbinfo.engine.Evaluation` of this measure, in nats."""
        raise NotImplementedError

    def doit(self, **hints) -> sp.Expr:
        if self.is_abstract:
            return self
        value = self.nats().value
        if value is self:  # the engine had nothing better than the measure itself
            return self
        return to_base(value, self.base)

    # printing -----------------------------------------------------------------------------
    def _group_str(self, printer, group: sp.Tuple) -> str:
        return ", ".join(printer._print(a) for a in group)

    def _base_suffix(self, printer) -> str:
        return "" if self.base == sp.E else f", base={printer._print(self.base)}"
