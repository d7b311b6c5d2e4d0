"""Small, independent helpers: random joint distributions and their entropies (plain floats).

Nothing here uses symbinfo, so the numerical cross-checks do not share code with the prover.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from itertools import product

Dist = tuple[tuple[str, ...], dict[tuple[int, ...], float]]


def _weights(rng: random.Random, k: int, sparse: bool) -> list[float]:
    w = [rng.random() ** 2 for _ in range(k)]
    if sparse:  # zeros give the degenerate, structured distributions where bugs hide
        for i in range(k):
            if rng.random() < 0.3:
                w[i] = 0.0
        if not any(w):
            w[rng.randrange(k)] = 1.0
    s = sum(w)
    return [v / s for v in w]


def random_joint(rng: random.Random, names: Sequence[str]) -> Dist:
    """An arbitrary joint distribution over alphabets of size 2 or 3."""
    sizes = [rng.choice((2, 3)) for _ in names]
    cells = list(product(*[range(s) for s in sizes]))
    w = _weights(rng, len(cells), rng.random() < 0.5)
    return tuple(names), dict(zip(cells, w, strict=True))


def random_markov(rng: random.Random, names: Sequence[str]) -> Dist:
    """A Markov chain names[0] - names[1] - ... : each variable depends on the previous only."""
    sizes = [rng.choice((2, 3)) for _ in names]
    first = _weights(rng, sizes[0], False)
    kernels = [
        [_weights(rng, sizes[i], rng.random() < 0.3) for _ in range(sizes[i - 1])]
        for i in range(1, len(names))
    ]
    out: dict[tuple[int, ...], float] = {}
    for cell in product(*[range(s) for s in sizes]):
        p = first[cell[0]]
        for i in range(1, len(cell)):
            p *= kernels[i - 1][cell[i - 1]][cell[i]]
        out[cell] = p
    return tuple(names), out


def random_independent(rng: random.Random, names: Sequence[str]) -> Dist:
    """Mutually independent variables."""
    sizes = [rng.choice((2, 3)) for _ in names]
    margs = [_weights(rng, s, rng.random() < 0.3) for s in sizes]
    out = {}
    for cell in product(*[range(s) for s in sizes]):
        out[cell] = math.prod(m[c] for m, c in zip(margs, cell, strict=True))
    return tuple(names), out


def entropy_of(dist: Dist) -> Callable[[frozenset[str]], float]:
    """H(S) in nats for every subset S of the variables, by marginalising the table."""
    names, table = dist
    cache: dict[frozenset[str], float] = {}

    def h(subset: frozenset[str]) -> float:
        if subset not in cache:
            idx = [i for i, n in enumerate(names) if n in subset]
            marg: dict[tuple[int, ...], float] = {}
            for cell, p in table.items():
                key = tuple(cell[i] for i in idx)
                marg[key] = marg.get(key, 0.0) + p
            cache[subset] = -sum(p * math.log(p) for p in marg.values() if p > 0)
        return cache[subset]

    return h
