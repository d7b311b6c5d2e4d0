"""Matrix normal: the measures through vec(X) ~ N(vec M, V ⊗ U), checked at 25 digits against
30-digit quadrature of SymPy's own matrix-normal density (2×1 and 1×2: two free entries), and
the vec/Kronecker reading itself against SymPy's density of 2×2 matrices at exact points."""

from __future__ import annotations

import pytest
import sympy as sp
from sympy.stats import MatrixNormal
from sympy.stats.joint_rv_types import MultivariateNormalDistribution

import symbinfo as si
from symbinfo.distributions.joint_families import matrix_normal_as_mvn

from ._mvquad import close, ctx, num, plane

R = sp.Rational
x, y = sp.symbols("x y", real=True)


def _pdf(rv, shape):
    d = rv.pspace.distribution
    point = sp.ImmutableMatrix(shape[0], shape[1], [x, y])
    f = sp.lambdify((x, y), d.pdf(point).doit(), modules=[{
        n: getattr(ctx, n) for n in dir(ctx) if not n.startswith("_")}, "mpmath"])
    return f


CASES = {
    "column": ((2, 1), [sp.Matrix([[0], [1]]), sp.Matrix([[2, R(1, 2)], [R(1, 2), 1]]),
                        sp.Matrix([[R(3, 2)]])],
               [sp.Matrix([[1], [-1]]), sp.Matrix([[1, 0], [0, 2]]), sp.Matrix([[2]])]),
    "row": ((1, 2), [sp.Matrix([[R(1, 2), 0]]), sp.Matrix([[3]]),
                     sp.Matrix([[1, R(-1, 3)], [R(-1, 3), 1]])],
            [sp.Matrix([[0, 1]]), sp.Matrix([[1]]), sp.Matrix([[2, R(1, 2)], [R(1, 2), 1]])]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_measures_against_quadrature_of_sympys_density(case):
    shape, a, b = CASES[case]
    X, Y = MatrixNormal("X", *a), MatrixNormal("Y", *b)
    p, q = _pdf(X, shape), _pdf(Y, shape)
    mvn = matrix_normal_as_mvn(X.pspace.distribution)  # only its mean and covariance's
    L = mvn.args[1].cholesky()                         # Cholesky factor choose coordinates

    def over_p(g, n_angles=8):
        return plane(g, list(mvn.args[0]), L, n_angles=n_angles, radius=16)

    close(si.entropy(X), over_p(lambda u, v: -p(u, v) * ctx.log(p(u, v))))
    close(si.kl_divergence(X, Y), over_p(lambda u, v: p(u, v) * ctx.log(p(u, v) / q(u, v))))
    close(si.renyi_entropy(X, 2), -ctx.log(over_p(lambda u, v: p(u, v) ** 2, n_angles=1)))
    # sqrt(p q) is a Gaussian kernel of precision A = (S_p⁻¹ + S_q⁻¹)/2 and mode A⁻¹ b: polar
    # coordinates about it (coordinates change the convergence, not the limit)
    other = matrix_normal_as_mvn(Y.pspace.distribution)
    (mp_, sp_), (mq, sq) = mvn.args, other.args
    A = (sp_.inv() + sq.inv()) / 2
    mode = A.inv() * (sp_.inv() * mp_ + sq.inv() * mq) / 2
    bc = plane(lambda u, v: ctx.sqrt(p(u, v) * q(u, v)), list(mode), A.inv().cholesky(),
               n_angles=8, radius=16)
    close(si.hellinger_distance(X, Y), ctx.sqrt(1 - bc))
    close(si.renyi_divergence(X, Y, R(1, 2)), -2 * ctx.log(bc))


def test_vec_reading_reproduces_sympys_2x2_density():
    M = sp.Matrix([[1, 0], [R(1, 2), -1]])
    U = sp.Matrix([[2, R(1, 3)], [R(1, 3), 1]])
    V = sp.Matrix([[1, R(-1, 2)], [R(-1, 2), 3]])
    d = MatrixNormal("X", M, U, V).pspace.distribution
    mvn = matrix_normal_as_mvn(d)
    assert isinstance(mvn, MultivariateNormalDistribution)
    for point in ([[0, 1], [2, -1]], [[R(1, 3), -2], [1, R(5, 2)]]):
        X = sp.Matrix(point)
        want = d.pdf(sp.ImmutableMatrix(X)).doit()
        got = mvn.pdf(X.vec())
        assert abs(sp.N(got - want, 40)) < 1e-38 * abs(sp.N(want, 40))
    # entropy of the 2×2 law: the symbolic form (np/2) log(2 pi e) + (p/2) log det U
    # + (n/2) log det V agrees with the Gaussian rule on vec(X)
    h = si.entropy(MatrixNormal("X", M, U, V))
    assert abs(sp.N(h - si.entropy(mvn), 40)) < 1e-38


def test_matrix_symbol_entropy():
    n, p = 3, 2
    U, V = sp.MatrixSymbol("U", n, n), sp.MatrixSymbol("V", p, p)
    h = si.entropy(MatrixNormal("Z", sp.MatrixSymbol("M", n, p), U, V))
    assert h == (n * p * sp.log(2 * sp.pi * sp.E) / 2 + p * sp.log(sp.Determinant(U)) / 2
                 + n * sp.log(sp.Determinant(V)) / 2)
    assert num(h.subs({U: sp.eye(3), V: sp.eye(2)}).doit()) == num(3 * sp.log(2 * sp.pi * sp.E))
