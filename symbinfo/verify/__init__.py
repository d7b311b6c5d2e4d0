"""Verification of identities and inequalities, the identity catalog, and ``check`` for hand
calculations. See :func:`verify`, :func:`check`, :func:`identities`."""

from .core import verify
from .result import Verification

__all__ = ["Verification", "verify"]
