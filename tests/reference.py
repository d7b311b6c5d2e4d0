"""Information measures written from their definitions in plain mpmath, on pmfs of numbers.

An independent implementation to test the symbolic engine against: no SymPy, no shared code.
"""

from __future__ import annotations

import itertools

import mpmath


def mpf_pmf(pmf: dict) -> dict:
    return {k: mpmath.mpf(int(v.p)) / int(v.q) for k, v in pmf.items()}


def marginal(pmf: dict, idx: tuple[int, ...]) -> dict:
    out: dict = {}
    for k, v in pmf.items():
        key = tuple(k[i] for i in idx)
        out[key] = out.get(key, 0) + v
    return out


def H(pmf: dict, idx: tuple[int, ...] | None = None) -> mpmath.mpf:
    if idx is not None:
        pmf = marginal(pmf, idx)
    return -mpmath.fsum(p * mpmath.log(p) for p in pmf.values() if p > 0)


def mi(pmf, a, b, c=()) -> mpmath.mpf:
    # I(A;B|C) = Σ p(a,b,c) log p(a,b,c) p(c) / (p(a,c) p(b,c))
    pabc = marginal(pmf, a + b + c)
    pac, pbc, pc = marginal(pmf, a + c), marginal(pmf, b + c), marginal(pmf, c)
    total = mpmath.mpf(0)
    for k, v in pabc.items():
        if v > 0:
            ka, kb, kc = k[: len(a)], k[len(a): len(a) + len(b)], k[len(a) + len(b):]
            total += v * mpmath.log(v * pc[kc] / (pac[ka + kc] * pbc[kb + kc]))
    return total


def kl(p: dict, q: dict) -> mpmath.mpf:
    total = mpmath.mpf(0)
    for k, v in p.items():
        if v > 0:
            if q.get(k, 0) == 0:
                return mpmath.inf
            total += v * mpmath.log(v / q[k])
    return total


def cross(p: dict, q: dict) -> mpmath.mpf:
    total = mpmath.mpf(0)
    for k, v in p.items():
        if v > 0:
            if q.get(k, 0) == 0:
                return mpmath.inf
            total -= v * mpmath.log(q[k])
    return total


def jsd(p: dict, q: dict) -> mpmath.mpf:
    keys = set(p) | set(q)
    m = {k: (p.get(k, 0) + q.get(k, 0)) / 2 for k in keys}
    return (kl(p, m) + kl(q, m)) / 2


def renyi(p: dict, alpha) -> mpmath.mpf:
    ps = [v for v in p.values() if v > 0]
    if alpha == 0:
        return mpmath.log(len(ps))
    if alpha == 1:
        return H(p)
    if alpha == mpmath.inf:
        return -mpmath.log(max(ps))
    return mpmath.log(mpmath.fsum(v**alpha for v in ps)) / (1 - alpha)


def renyi_div(p: dict, q: dict, alpha) -> mpmath.mpf:
    if alpha == 1:
        return kl(p, q)
    if alpha == mpmath.inf:
        return mpmath.log(max(v / q[k] for k, v in p.items() if v > 0))
    s = mpmath.fsum(v**alpha * q[k] ** (1 - alpha) for k, v in p.items() if v > 0)
    return mpmath.log(s) / (alpha - 1)


def tsallis(p: dict, q) -> mpmath.mpf:
    return (1 - mpmath.fsum(v**q for v in p.values() if v > 0)) / (q - 1)


def hellinger(p: dict, q: dict) -> mpmath.mpf:
    return mpmath.sqrt(1 - mpmath.fsum(mpmath.sqrt(p[k] * q.get(k, 0)) for k in p))


def tv(p: dict, q: dict) -> mpmath.mpf:
    keys = set(p) | set(q)
    return mpmath.fsum(abs(p.get(k, 0) - q.get(k, 0)) for k in keys) / 2


def total_correlation(pmf: dict, n: int) -> mpmath.mpf:
    return mpmath.fsum(H(pmf, (i,)) for i in range(n)) - H(pmf)


def dual_total_correlation(pmf: dict, n: int) -> mpmath.mpf:
    whole = H(pmf)
    rest = [tuple(j for j in range(n) if j != i) for i in range(n)]
    return whole - mpmath.fsum(whole - H(pmf, r) for r in rest)


def co_information(pmf: dict, n: int) -> mpmath.mpf:
    total = mpmath.mpf(0)
    for r in range(1, n + 1):
        for subset in itertools.combinations(range(n), r):
            total -= (-1) ** r * H(pmf, subset)
    return total
