"""Shared test helpers: random exact tables and a plain-mpmath reference implementation."""

from __future__ import annotations

import itertools
import random

import mpmath
import pytest
import sympy as sp

DIGITS = 30


def random_table(rng: random.Random, sizes: tuple[int, ...], zeros: bool = False) -> dict:
    """A random joint pmf with exact rational entries (some exactly 0 when ``zeros``)."""
    outcomes = list(itertools.product(*(range(n) for n in sizes)))
    weights = [rng.randint(0 if zeros else 1, 9) for _ in outcomes]
    if not any(weights):
        weights[0] = 1
    total = sum(weights)
    return {o: sp.Rational(w, total) for o, w in zip(outcomes, weights, strict=True)}


def close(value: sp.Expr, reference: mpmath.mpf, digits: int = DIGITS) -> bool:
    """Whether ``value`` agrees with ``reference`` to ``digits`` significant digits."""
    with mpmath.workdps(digits + 10):
        v = mpmath.mpmathify(sp.N(value, digits + 10))
        if reference == mpmath.inf or v == mpmath.inf:
            return v == reference
        scale = max(abs(reference), mpmath.mpf(1))
        return abs(v - reference) <= scale * mpmath.mpf(10) ** (-digits)


@pytest.fixture
def rng() -> random.Random:
    return random.Random(20261129)
