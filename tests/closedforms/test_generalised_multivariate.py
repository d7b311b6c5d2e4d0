"""Generalised measures of the multivariate families (normal, Dirichlet, multivariate t) against
2-D quadrature of the definitions, and symbolic checks (MatrixSymbol covariance, the order-1
limit). The quadrature is SciPy's adaptive ``dblquad`` in double precision (9 digits asked):
mpmath's 2-D quadrature at 25 digits takes minutes per integral on these densities."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from scipy import integrate
from sympy.stats.joint_rv_types import (
    MultivariateBetaDistribution,
    MultivariateNormalDistribution,
    MultivariateTDistribution,
)

from symbinfo import engine

DIGITS = 8
HALF = sp.Rational(1, 2)
S1 = sp.Matrix([[2, HALF], [HALF, 1]])
S2 = sp.Matrix([[1, -sp.Rational(1, 3)], [-sp.Rational(1, 3), sp.Rational(3, 2)]])
P = MultivariateNormalDistribution(sp.Matrix([0, 0]), S1)
Q = MultivariateNormalDistribution(sp.Matrix([1, -HALF]), S2)
x, y = sp.symbols("x y", real=True)


def _close(a, b) -> bool:
    a = float(sp.N(a, 20))
    return abs(a - b) <= 10.0**-DIGITS * max(1.0, abs(b))


def _quad2(expr) -> float:
    """∫∫ over R² by SciPy's dblquad, in x = tan(s), y = tan(t) (heavy tails included)."""
    f = sp.lambdify((x, y), expr, "numpy")

    def g(t, s):
        u, v = np.tan(s), np.tan(t)
        value = f(u, v) * (1 + u * u) * (1 + v * v)
        return value if np.isfinite(value) else 0.0  # 0 * inf at s, t = ±pi/2

    h = np.pi / 2
    value, _ = integrate.dblquad(g, -h, h, -h, h, epsabs=1e-13, epsrel=1e-11)
    return value


@pytest.mark.parametrize("order", [sp.Integer(2), sp.Rational(7, 10)])
def test_mvn_renyi_entropy(order):
    value = engine.renyi_entropy(P, order).value
    assert _close(value, np.log(_quad2(P.pdf(x, y) ** order)) / (1 - order))


@pytest.mark.parametrize("order", [HALF, sp.Rational(3, 2)])
def test_mvn_renyi_divergence(order):
    value = engine.renyi_divergence(P, Q, order).value
    # in log space: p**order q**(1 - order) is exp(-large) far out, not 0 * inf
    log_f = sp.expand_log(order * sp.log(P.pdf(x, y)) + (1 - order) * sp.log(Q.pdf(x, y)),
                          force=True)
    truth = np.log(_quad2(sp.exp(log_f))) / (order - 1)
    assert _close(value, truth)


def test_mvn_renyi_divergence_outside_is_infinite_and_order_one_is_kl():
    # alpha S2 + (1 - alpha) S1 is not positive definite at alpha = 4
    assert engine.renyi_divergence(P, Q, sp.Integer(4)).value == sp.oo
    a = sp.Symbol("alpha", positive=True)
    symbolic = engine.renyi_divergence(P, Q, a).value
    assert symbolic.args[0][1] == sp.Eq(a, 1)
    assert symbolic.args[0][0] == engine.kl_divergence(P, Q).value


def test_mvn_matrix_symbol_renyi_entropy_is_textbook():
    n = sp.Symbol("n", integer=True, positive=True)
    S = sp.MatrixSymbol("Sigma", n, n)
    a = sp.Symbol("alpha", positive=True)
    value = engine.renyi_entropy(MultivariateNormalDistribution(sp.MatrixSymbol("m", n, 1), S),
                                 a).value
    general = value.args[-1][0]
    textbook = n * sp.log(2 * sp.pi) / 2 + sp.log(sp.Determinant(S)) / 2 + n * sp.log(a) / (
        2 * (a - 1))
    assert sp.simplify(general - textbook) == 0


def test_mvn_hellinger_and_bhattacharyya():
    bc = _quad2(sp.sqrt(P.pdf(x, y) * Q.pdf(x, y)))
    assert _close(engine.bhattacharyya_coefficient(P, Q).value, bc)
    assert _close(engine.hellinger_distance(P, Q).value, np.sqrt(1 - bc))


def test_multivariate_t_entropy_and_renyi():
    T = MultivariateTDistribution(sp.Matrix([0, 0]), S1, 3)
    h = engine.distribution_entropy(T).value
    assert not h.has(sp.Integral) and "H(" not in str(h)
    f = T.pdf(x, y)
    assert _close(h, _quad2(-f * sp.log(f)))
    assert _close(engine.renyi_entropy(T, sp.Integer(2)).value, -np.log(_quad2(f**2)))
    # ∫ p**alpha diverges for alpha (nu + k) <= k: the tail r**(-alpha (nu + k)) in 2-D
    assert engine.renyi_entropy(T, sp.Rational(2, 5)).value == sp.oo


def _simplex(expr) -> float:
    f = sp.lambdify((x, y), expr, "numpy")
    value, _ = integrate.dblquad(lambda v, u: f(u, v), 0, 1, 0, lambda u: 1 - u,
                                 epsabs=1e-13, epsrel=1e-11)
    return value


def test_dirichlet_renyi_entropy_and_divergence():
    A = MultivariateBetaDistribution([2, 3, 4])
    B = MultivariateBetaDistribution([3, 2, 2])
    pa = A.pdf(x, y, 1 - x - y)
    pb = B.pdf(x, y, 1 - x - y)
    assert _close(engine.renyi_entropy(A, sp.Integer(2)).value, -np.log(_simplex(pa**2)))
    truth = np.log(_simplex(sp.sqrt(pa * pb))) / (HALF - 1)
    assert _close(engine.renyi_divergence(A, B, HALF).value, truth)
