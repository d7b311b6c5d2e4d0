"""Every discrete measure against the plain-mpmath reference on random exact tables."""

from __future__ import annotations

import random

import mpmath
import pytest
import reference as ref
import sympy as sp
from conftest import close, random_table

import symbinfo as si

SHAPES = [(2, 2), (2, 3), (3, 4), (4, 4), (2, 2, 2), (2, 3, 2), (3, 2, 4), (4, 3, 2)]
TABLES = [
    (shape, random_table(random.Random(1000 + i), shape, zeros=i % 3 == 0))
    for i, shape in enumerate(SHAPES * 3)
]  # 24 tables, every third with exact zeros


def _variables(table: dict, n: int):
    names = " ".join("XYZ"[:n])
    rvs = si.FiniteJointRV(names, table)
    return rvs


@pytest.mark.parametrize(("shape", "table"), TABLES)
def test_shannon_measures(shape, table):
    n = len(shape)
    rvs = _variables(table, n)
    with mpmath.workdps(40):
        pmf = ref.mpf_pmf(table)
        assert close(si.entropy(*rvs), ref.H(pmf))
        assert close(si.entropy(rvs[0]), ref.H(pmf, (0,)))
        assert close(si.conditional_entropy(rvs[0], given=rvs[1]),
                     ref.H(pmf, (0, 1)) - ref.H(pmf, (1,)))
        assert close(si.mutual_information(rvs[0], rvs[1]), ref.mi(pmf, (0,), (1,)))
        assert close(si.mutual_information(rvs[0], rvs[0]), ref.H(pmf, (0,)))
        assert close(si.total_correlation(*rvs), ref.total_correlation(pmf, n))
        assert close(si.dual_total_correlation(*rvs), ref.dual_total_correlation(pmf, n))
        assert close(si.co_information(*rvs), ref.co_information(pmf, n))
        assert close(si.entropy(*rvs, base=2), ref.H(pmf) / mpmath.log(2))
        if n == 3:
            X, Y, Z = rvs
            assert close(si.mutual_information(X, Y, given=Z), ref.mi(pmf, (0,), (1,), (2,)))
            assert close(si.mutual_information(X, (Y, Z)), ref.mi(pmf, (0,), (1, 2)))
            assert close(si.conditional_entropy(X, given=(Y, Z)),
                         ref.H(pmf) - ref.H(pmf, (1, 2)))


@pytest.mark.parametrize(("shape", "table"), [t for t in TABLES if t[0][0] == t[0][1]])
def test_divergences_between_marginals(shape, table):
    X, Y = _variables(table, len(shape))[:2]
    alpha = sp.Rational(3, 2)
    with mpmath.workdps(40):
        p = {k[0]: v for k, v in ref.marginal(ref.mpf_pmf(table), (0,)).items()}
        q = {k[0]: v for k, v in ref.marginal(ref.mpf_pmf(table), (1,)).items()}
        assert close(si.kl_divergence(X, Y), ref.kl(p, q))
        assert close(si.cross_entropy(X, Y), ref.cross(p, q))
        assert close(si.js_divergence(X, Y), ref.jsd(p, q))
        assert close(si.hellinger_distance(X, Y), ref.hellinger(p, q))
        assert close(si.total_variation(X, Y), ref.tv(p, q))
        for order in (0, sp.Rational(1, 2), 1, 2, alpha, sp.oo):
            mp_order = (mpmath.inf if order is sp.oo
                        else mpmath.mpf(sp.Rational(order).p) / sp.Rational(order).q)
            assert close(si.renyi_entropy(X, order), ref.renyi(p, mp_order))
            if order != 0:
                assert close(si.renyi_divergence(X, Y, order), ref.renyi_div(p, q, mp_order))
        assert close(si.tsallis_entropy(X, 2), ref.tsallis(p, 2))
        assert close(si.tsallis_entropy(X, alpha), ref.tsallis(p, mpmath.mpf(3) / 2))


def test_kl_is_infinite_where_q_lacks_mass():
    half = sp.Rational(1, 2)
    X, Y = si.FiniteJointRV("X Y", {(0, 1): half, (1, 1): half})
    assert si.kl_divergence(X, Y) is sp.oo
    assert si.cross_entropy(X, Y) is sp.oo
    assert si.kl_divergence(Y, X) == sp.log(2)
    assert si.renyi_divergence(X, Y, 2) is sp.oo
    assert si.renyi_divergence(X, Y, sp.Rational(1, 2)) == sp.log(2)  # -log Q(supp P)... via α<1
