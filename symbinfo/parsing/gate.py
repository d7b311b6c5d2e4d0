"""The gate: the one place where a value that may hold a user's text becomes SymPy.

SymPy's ``sympify`` evaluates Python source, and ``strict=True`` does not protect strings nested
in tuples, lists, dicts or sets. So no other module of symbinfo calls ``sympify``/``S()``/
``parse_expr`` (a test walking the package's AST enforces it): values come through
:func:`to_sympy`, which walks containers itself and lets a string through only as the safe
parser's result (``strings="parse"``) or refuses it.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from typing import Literal

import sympy as sp
from sympy.core.sympify import _sympify

from ..errors import UnsupportedInputError


def _refuse_string(text: str, what: str) -> UnsupportedInputError:
    shown = text if len(text) <= 60 else text[:57] + "..."
    return UnsupportedInputError(
        f"{what} must be a number or SymPy expression, not the string {shown!r}; "
        "parse text with symbinfo.parse_expression"
    )


def to_sympy(
    value: object,
    what: str,
    *,
    strings: Literal["refuse", "parse"] = "refuse",
    symbols: Mapping[str, sp.Basic] | None = None,
) -> sp.Basic:
    """``value`` as a SymPy object, walking containers; text is parsed safely or refused.

    Numbers become SymPy numbers (a Python float stays a Float), tuples and lists ``Tuple``,
    dicts ``Dict``, sets ``FiniteSet``; SymPy objects pass unchanged. A string, at any depth, is
    refused with :class:`~symbinfo.errors.UnsupportedInputError` naming ``what``, or with
    ``strings="parse"`` read by :func:`symbinfo.parse_expression` (never evaluated).

    >>> to_sympy((1, 0.5), "the table")
    (1, 0.5)
    >>> to_sympy({"x": 1}, "the table")
    Traceback (most recent call last):
    ...
    symbinfo.errors.UnsupportedInputError: the table must be a number or SymPy expression, \
not the string 'x'; parse text with symbinfo.parse_expression
    >>> to_sympy(["log(x)"], "the claim", strings="parse")
    (log(x),)
    """
    if isinstance(value, str):
        if strings == "parse":
            from .expression import parse_expression

            return parse_expression(value, symbols=symbols)
        raise _refuse_string(value, what)
    if isinstance(value, sp.Basic):
        return value
    if isinstance(value, bool):
        return sp.true if value else sp.false

    def inner(v: object) -> sp.Basic:
        return to_sympy(v, what, strings=strings, symbols=symbols)

    if isinstance(value, tuple | list):
        return sp.Tuple(*(inner(v) for v in value))
    if isinstance(value, Mapping):
        return sp.Dict({inner(k): inner(v) for k, v in value.items()})
    if isinstance(value, set | frozenset):
        return sp.FiniteSet(*(inner(v) for v in value))
    if isinstance(value, sp.MatrixBase):
        return sp.ImmutableMatrix(value.rows, value.cols, [inner(v) for v in value])
    tolist = getattr(value, "tolist", None)
    if callable(tolist) and type(value).__module__.startswith("numpy"):
        return inner(tolist())  # numpy arrays and scalars, elementwise
    if isinstance(value, numbers.Number) or hasattr(value, "_sympy_"):
        try:
            return _sympify(value)
        except (sp.SympifyError, TypeError, ValueError):
            pass
    raise UnsupportedInputError(
        f"{what} must be a number or SymPy expression, not {type(value).__name__} {value!r:.60}"
    )


def to_expr(value: object, what: str, **kwargs: object) -> sp.Expr:
    """Like :func:`to_sympy`, for a value that must be a scalar expression.

    >>> to_expr(2, "the order")
    2
    >>> to_expr((1, 2), "the order")
    Traceback (most recent call last):
    ...
    symbinfo.errors.UnsupportedInputError: the order must be a number or SymPy expression, \
not (1, 2)
    """
    out = to_sympy(value, what, **kwargs)
    if not isinstance(out, sp.Expr):
        raise UnsupportedInputError(f"{what} must be a number or SymPy expression, not {out}")
    return out
