"""Fixtures for the Shannon prover tests."""

import random

import pytest


@pytest.fixture
def rng() -> random.Random:
    """A seeded generator, so numerical cross-checks are reproducible."""
    return random.Random(20261129)
