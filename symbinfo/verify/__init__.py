"""Verification of identities and inequalities, the identity catalog, and ``check`` for hand
calculations. See :func:`verify`, :func:`check`, :func:`identities`."""

from .catalog import Identity, catalog_rows, catalog_text, identities, identity
from .check import check, match_symbols
from .core import verify
from .result import Verification

__all__ = ["Identity", "Verification", "catalog_rows", "catalog_text", "check", "identities",
           "identity", "match_symbols", "verify"]
