"""symbinfo: symbolic, exact information theory on SymPy and mpmath."""

from .errors import (
    InvalidDistributionError,
    MismatchError,
    ParseError,
    SymbinfoError,
    UnsupportedInputError,
)

__all__ = [
    "InvalidDistributionError",
    "MismatchError",
    "ParseError",
    "SymbinfoError",
    "UnsupportedInputError",
]
