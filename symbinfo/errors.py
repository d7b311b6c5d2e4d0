"""The exceptions symbinfo raises for bad input.

Every error subclasses :class:`SymbinfoError` and one of the built-in ``ValueError`` /
``TypeError`` so callers can catch either the project's or Python's usual class.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


class SymbinfoError(Exception):
    """Base class of every error symbinfo raises on purpose.

    >>> issubclass(InvalidDistributionError, SymbinfoError)
    True
    """


class InvalidDistributionError(SymbinfoError, ValueError):
    """A table or parameter set is not a probability distribution (negative entry, bad sum...).

    >>> issubclass(InvalidDistributionError, ValueError)
    True
    """


class MismatchError(SymbinfoError, ValueError):
    """Two arguments that must agree do not (alphabets, variables of different joints, sizes).

    >>> issubclass(MismatchError, ValueError)
    True
    """


class UnsupportedInputError(SymbinfoError, TypeError):
    """An argument symbinfo cannot read as a random variable or distribution.

    >>> issubclass(UnsupportedInputError, TypeError)
    True
    """


class ParseError(SymbinfoError, ValueError):
    """A user's string could not be turned safely into a SymPy expression.

    >>> issubclass(ParseError, ValueError)
    True
    """


class ResourceLimitError(SymbinfoError, ValueError):
    """A call would need more work than its limits allow (see :mod:`symbinfo.limits`).

    >>> issubclass(ResourceLimitError, ValueError)
    True
    """


class InvalidParameterError(SymbinfoError, ValueError):
    """An order or logarithm base outside its domain (a negative Rényi order, base 1, nan...).

    >>> issubclass(InvalidParameterError, ValueError)
    True
    """


class InternalError(SymbinfoError, RuntimeError):
    """Something failed inside symbinfo (or SymPy) that no check foresaw: a bug to report.

    Raised only by :func:`guarded`, the last line of defence of every public measure call; the
    original exception is kept as ``__cause__``.

    >>> issubclass(InternalError, RuntimeError)
    True
    """


def _short(value: object, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def guarded(func: Callable[P, R]) -> Callable[P, R]:
    """Let symbinfo's own errors through and turn any other exception raised inside ``func`` into
    :class:`InternalError` (or :class:`ResourceLimitError` for recursion and memory exhaustion)
    naming the call and the original error, so no SymPy or Python exception escapes a public call.

    A call with the wrong arguments is the caller's ``TypeError`` and is raised as usual.

    >>> @guarded
    ... def inverse(x):
    ...     return 1 / x
    >>> inverse(0)
    Traceback (most recent call last):
    ...
    symbinfo.errors.InternalError: inverse(0) failed inside symbinfo: ZeroDivisionError: \
division by zero (please report this)
    """
    signature = inspect.signature(func)

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            signature.bind(*args, **kwargs)
        except TypeError:
            return func(*args, **kwargs)  # a wrong call: Python's own TypeError, unguarded
        try:
            return func(*args, **kwargs)
        except SymbinfoError:
            raise
        except Exception as exc:
            name = func.__qualname__
            if args and isinstance(args[0], type):  # a constructor: name the class being built
                name, args = args[0].__name__, args[1:]
            shown = [*map(_short, args), *(f"{k}={_short(v)}" for k, v in kwargs.items())]
            call = f"{name}({', '.join(shown)})"
            reason = f"{type(exc).__name__}: {exc}".strip()
            if isinstance(exc, RecursionError | MemoryError):
                raise ResourceLimitError(f"{call} exhausted Python's resources: {reason}") from exc
            raise InternalError(
                f"{call} failed inside symbinfo: {reason} (please report this)"
            ) from exc

    return wrapper
