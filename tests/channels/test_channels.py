"""Channel capacity (issue 10, item 4): closed forms against Blahut–Arimoto (a different
method: the iteration never sees the closed forms), Blahut–Arimoto's certificate, the Gaussian
channel against I(X; X + N)."""

from __future__ import annotations

import random

import pytest
import sympy as sp
import sympy.stats as st

import symbinfo as si
from symbinfo.channels import (
    binary_erasure_channel,
    binary_symmetric_channel,
    blahut_arimoto,
    channel_capacity,
    gaussian_channel_capacity,
    z_channel,
)
from symbinfo.errors import InvalidDistributionError, UnsupportedInputError


def random_channel(rows: int, cols: int, seed: int = 1) -> sp.Matrix:
    rng = random.Random(seed)
    W = []
    for _ in range(rows):
        raw = [rng.randint(1, 100) for _ in range(cols)]
        W.append([sp.Rational(v, sum(raw)) for v in raw])
    return sp.Matrix(W)


@pytest.mark.parametrize("W, closed", [
    (binary_symmetric_channel(sp.Rational(1, 10)),
     sp.log(2) + sp.Rational(1, 10) * sp.log(sp.Rational(1, 10))
     + sp.Rational(9, 10) * sp.log(sp.Rational(9, 10))),
    (binary_erasure_channel(sp.Rational(1, 4)), sp.Rational(3, 4) * sp.log(2)),
    (z_channel(sp.Rational(1, 3)),
     sp.log(1 + sp.Rational(2, 3) * sp.Rational(1, 3) ** sp.Rational(1, 2))),
    (sp.Matrix([[sp.Rational(1, 3), sp.Rational(1, 6), sp.Rational(1, 2)],
                [sp.Rational(1, 3), sp.Rational(1, 2), sp.Rational(1, 6)]]),  # weakly symmetric
     sp.log(3) - sp.log(3) / 3 - sp.log(6) / 6 - sp.log(2) / 2),
])
def test_closed_forms_match_blahut_arimoto_to_45_digits(W, closed):
    assert sp.simplify(channel_capacity(W) - closed) == 0
    found = blahut_arimoto(W, dps=50)
    assert found.gap < sp.Float("1e-40")
    assert abs(found.lower - sp.N(closed, 60)) < sp.Float("1e-45")
    assert found.lower <= sp.N(closed, 60) + sp.Float("1e-48") <= found.upper + sp.Float("2e-48")


def test_symbolic_closed_forms():
    e = sp.Symbol("epsilon", positive=True)
    assert sp.simplify(channel_capacity(binary_symmetric_channel(e), base=2) - 1
                       - (e * sp.log(e) + (1 - e) * sp.log(1 - e)) / sp.log(2)) == 0
    assert channel_capacity(binary_erasure_channel(e)) == (1 - e) * sp.log(2)


def test_random_4x5_channel_is_certified():
    W = random_channel(4, 5)
    found = blahut_arimoto(W, dps=50, gap=sp.Float("1e-41"))
    assert found.gap < sp.Float("1e-40")
    assert abs(sum(found.input) - 1) < sp.Float("1e-45")
    # the certificate is recomputed here from the returned input: I(p; W) and max_x D(W_x || q)
    p = [sp.Rational(str(v)) for v in found.input]
    q = [sum(p[i] * W[i, j] for i in range(4)) for j in range(5)]
    d = [sum(W[i, j] * sp.log(W[i, j] / q[j]) for j in range(5)) for i in range(4)]
    lower = sp.N(sum(p[i] * d[i] for i in range(4)), 60)
    upper = sp.N(max(d, key=lambda v: sp.N(v, 60)), 60)
    assert abs(lower - found.lower) < sp.Float("1e-45") and upper - lower < sp.Float("1e-40")
    assert abs(channel_capacity(W, dps=50) - found.lower) < sp.Float("1e-40")


def test_gaussian_channel_is_the_mutual_information():
    s, n = sp.symbols("s n", positive=True)
    X, N = st.Normal("X", 0, s), st.Normal("N", 0, n)
    assert sp.simplify(gaussian_channel_capacity(s**2, n**2)
                       - si.mutual_information(X, X + N)) == 0
    # vector: two independent parallel channels add
    value = gaussian_channel_capacity(sp.diag(1, 2), sp.diag(3, 4))
    assert sp.simplify(value - sp.log(sp.Rational(4, 3)) / 2 - sp.log(sp.Rational(3, 2)) / 2) == 0


def test_bad_channels_are_refused():
    with pytest.raises(InvalidDistributionError):
        channel_capacity([[sp.Rational(1, 2), sp.Rational(1, 3)], [0, 1]])
    with pytest.raises(InvalidDistributionError):
        channel_capacity([[-1, 2], [0, 1]])
    with pytest.raises(UnsupportedInputError):
        channel_capacity([["1/2", "1/2"], [0, 1]])
    with pytest.raises(UnsupportedInputError):
        a = sp.Symbol("a", positive=True)
        channel_capacity([[a, 1 - a, 0], [0, sp.Rational(1, 2), sp.Rational(1, 2)]])
