"""Verification of identities and inequalities, the identity catalog, and ``check`` for hand
calculations. See :func:`verify`, :func:`identities`."""

from .catalog import Identity, catalog_rows, identities, identity
from .core import verify
from .result import Verification

__all__ = ["Identity", "Verification", "catalog_rows", "identities", "identity", "verify"]
