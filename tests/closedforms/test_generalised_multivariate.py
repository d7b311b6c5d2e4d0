"""Generalised measures of the multivariate families (normal, Dirichlet, multivariate t) against
30-digit mpmath quadrature of the definitions (checked to 25 digits; ``_mvquad``: polar
coordinates about P's mean after P's Cholesky factor, the 2-simplex by nested tanh-sinh), and
symbolic checks (MatrixSymbol covariance, the order-1 limit)."""

from __future__ import annotations

import pytest
import sympy as sp
from sympy.stats.joint_rv_types import (
    MultivariateBetaDistribution,
    MultivariateNormalDistribution,
    MultivariateTDistribution,
)

from symbinfo import engine

from ._mvquad import close, ctx, density, num, plane, simplex

HALF = sp.Rational(1, 2)
S1 = sp.Matrix([[2, HALF], [HALF, 1]])
S2 = sp.Matrix([[1, -sp.Rational(1, 3)], [-sp.Rational(1, 3), sp.Rational(3, 2)]])
M1, M2 = sp.Matrix([0, 0]), sp.Matrix([1, -HALF])
P = MultivariateNormalDistribution(M1, S1)
Q = MultivariateNormalDistribution(M2, S2)
L1 = S1.cholesky()
p, q = density(P, 2), density(Q, 2)
RADIUS = 16  # whitened radius beyond which every Gaussian integrand here is below 1e-40


@pytest.mark.parametrize("order", [sp.Integer(2), sp.Rational(7, 10)])
def test_mvn_renyi_entropy(order):
    o = num(order)
    # p**o is radial in P's whitened coordinates: one ray is the whole angular integral
    power = plane(lambda x, y: p(x, y) ** o, M1, L1, n_angles=1, radius=RADIUS)
    close(engine.renyi_entropy(P, order).value, ctx.log(power) / (1 - o))


@pytest.mark.parametrize("order", [HALF, sp.Rational(3, 2)])
def test_mvn_renyi_divergence_bhattacharyya_hellinger(order):
    o = num(order)
    # p**o q**(1 - o) is a Gaussian kernel of precision A and mode A⁻¹ b (elementary algebra
    # of the two exponents): polar coordinates about that mode after the Cholesky factor of
    # A⁻¹ make it radial, so a few angles are exact; coordinates only change how fast the
    # quadrature converges, never what it converges to
    A = order * S1.inv() + (1 - order) * S2.inv()
    mode = A.inv() * (order * S1.inv() * M1 + (1 - order) * S2.inv() * M2)
    skew = plane(lambda x, y: p(x, y) ** o * q(x, y) ** (1 - o), mode, A.inv().cholesky(),
                 n_angles=8, radius=RADIUS)
    close(engine.renyi_divergence(P, Q, order).value, ctx.log(skew) / (o - 1))
    if order == HALF:
        close(engine.bhattacharyya_coefficient(P, Q).value, skew)
        close(engine.hellinger_distance(P, Q).value, ctx.sqrt(1 - skew))


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


def test_multivariate_t_entropy_and_renyi():
    T = MultivariateTDistribution(M1, S1, 3)
    h = engine.distribution_entropy(T).value
    assert not h.has(sp.Integral) and "H(" not in str(h)
    f = density(T, 2)
    # radial in the whitened coordinates; heavy tails: tanh-sinh to infinity
    close(h, plane(lambda x, y: -f(x, y) * ctx.log(f(x, y)), M1, L1, n_angles=1))
    close(engine.renyi_entropy(T, sp.Integer(2)).value,
          -ctx.log(plane(lambda x, y: f(x, y) ** 2, M1, L1, n_angles=1)))
    # ∫ p**alpha diverges for alpha (nu + k) <= k: the tail r**(-alpha (nu + k)) in 2-D
    assert engine.renyi_entropy(T, sp.Rational(2, 5)).value == sp.oo


def test_dirichlet_renyi_entropy_and_divergence():
    A = MultivariateBetaDistribution([2, 3, 4])
    B = MultivariateBetaDistribution([3, 2, sp.Rational(5, 2)])
    pa, pb = density(A, 3), density(B, 3)
    close(engine.renyi_entropy(A, sp.Integer(2)).value,
          -ctx.log(simplex(lambda x, y, z: pa(x, y, z) ** 2)))
    truth = ctx.log(simplex(lambda x, y, z: ctx.sqrt(pa(x, y, z) * pb(x, y, z)))) / (
        num(HALF) - 1)
    close(engine.renyi_divergence(A, B, HALF).value, truth)
