"""Derivations: the generic engine (finite sums, continuous expectations, simplification) and
step-by-step, individually checked derivations of measures.

The public entry point is :func:`symbinfo.derive` (defined in :mod:`.derivation`); this package
is named ``derivation`` so that the function can own the name ``derive``.
"""
