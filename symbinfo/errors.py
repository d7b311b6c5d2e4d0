"""The exceptions symbinfo raises for bad input.

Every error subclasses :class:`SymbinfoError` and one of the built-in ``ValueError`` /
``TypeError`` so callers can catch either the project's or Python's usual class.
"""


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
