"""Continuous joint distributions (issue 10, item 3): user densities (sympy.stats JointRV),
linear maps of independent variables, multivariate normal blocks.

Each closed form is checked against mpmath cubature of the definition (nested tanh-sinh
quadrature of the density typed again here in mpmath, not SymPy's result) to 20 digits.
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
import sympy.stats as st

import symbinfo as si

J = sp.IndexedBase("J")
x, y = J[0], J[1]
DPS = 25
ctx = mpmath.MPContext()
ctx.dps = DPS

UNIT = (x > 0) & (x < 1) & (y > 0) & (y < 1)
LOWER = (y > 0) & (y < x) & (x < 1)  # the triangle 0 < y < x < 1
one = ctx.mpf(1)

# (density in sympy, the same density in mpmath, x range, y range given x, y range, x range
# given y): the regions typed twice, once per order of integration
CASES = {
    "x+y on the square": (sp.Piecewise((x + y, UNIT), (0, True)), lambda a, b: a + b,
                          (0, 1), lambda a: (0, 1), (0, 1), lambda b: (0, 1)),
    "uniform on a triangle": (sp.Piecewise((2, LOWER), (0, True)), lambda a, b: 2 * one,
                              (0, 1), lambda a: (0, a), (0, 1), lambda b: (b, 1)),
    "3(x²+y²)/2 on the square": (
        sp.Piecewise((sp.Rational(3, 2) * (x**2 + y**2), UNIT), (0, True)),
        lambda a, b: 3 * (a**2 + b**2) / 2, (0, 1), lambda a: (0, 1), (0, 1), lambda b: (0, 1)),
    "8xy on a triangle": (sp.Piecewise((8 * x * y, LOWER), (0, True)), lambda a, b: 8 * a * b,
                          (0, 1), lambda a: (0, a), (0, 1), lambda b: (b, 1)),
    "3x on a triangle": (sp.Piecewise((3 * x, LOWER), (0, True)), lambda a, b: 3 * a,
                         (0, 1), lambda a: (0, a), (0, 1), lambda b: (b, 1)),
}


def _xlogx(v):
    return v * ctx.log(v) if v > 0 else ctx.zero


def _cubature(f, xr, yr_of_x, yr, xr_of_y):
    """(h(Y | X), I(X; Y)) by nested quadrature of -∫∫ f log f and of the marginals."""
    quad = ctx.quad
    hxy = -quad(lambda a: quad(lambda b: _xlogx(f(a, b)), yr_of_x(a)), xr)
    mx = lambda a: quad(lambda b: f(a, b), yr_of_x(a))  # noqa: E731
    my = lambda b: quad(lambda a: f(a, b), xr_of_y(b))  # noqa: E731
    hx = -quad(lambda a: _xlogx(mx(a)), xr)
    hy = -quad(lambda b: _xlogx(my(b)), yr)
    return hxy - hx, hx + hy - hxy


@pytest.mark.parametrize("name", list(CASES))
def test_user_density_against_cubature(name):
    density, f, xr, yr_of_x, yr, xr_of_y = CASES[name]
    R = st.JointRV("J", density)
    hc = si.conditional_entropy(R[1], given=R[0])
    mi = si.mutual_information(R[0], R[1])
    assert not hc.has(sp.Integral) and not mi.has(sp.Integral), (hc, mi)
    ref_hc, ref_mi = _cubature(f, xr, yr_of_x, yr, xr_of_y)
    for got, ref in ((hc, ref_hc), (mi, ref_mi)):
        assert abs(ctx.mpf(str(sp.N(got, DPS + 5))) - ref) < ctx.mpf(10) ** -20, (name, got, ref)


def test_linear_maps_of_independent_variables():
    s, n, a = sp.symbols("s n a", positive=True)
    X, N = st.Normal("X", 0, s), st.Normal("N", 0, n)
    Y = a * X + N
    # Y = aX + N: I(X; Y) and h(Y | X) = h(N)
    assert sp.simplify(si.conditional_entropy(Y, given=X) - si.entropy(N)) == 0
    assert sp.simplify(si.mutual_information(X, Y) - sp.log(1 + a**2 * s**2 / n**2) / 2) == 0
    # linearly dependent atoms have no joint density
    assert si.entropy(X, N, X + N) == -sp.oo
    # non-Gaussian: h(E1, E1 + E2) = h(E1) + h(E2) (a shear, |det| = 1)
    E1, E2 = st.Exponential("E1", 2), st.Exponential("E2", 3)
    assert sp.simplify(si.entropy(E1, E1 + 2 * E2) - si.entropy(E1) - si.entropy(E2)
                       - sp.log(2)) == 0


def test_conditional_mutual_information_of_a_gaussian_chain():
    # X -> Y = X + N1 -> Z = Y + N2: I(X; Z | Y) = 0, I(X; Y | Z) > 0 (closed)
    X, N1, N2 = st.Normal("X", 0, 1), st.Normal("N1", 0, 1), st.Normal("N2", 0, 1)
    Y = X + N1
    Z = Y + N2
    assert sp.simplify(si.mutual_information(X, Z, given=Y)) == 0
    got = si.mutual_information(X, Y, given=Z)
    # covariance of (X, Y, Z) = [[1,1,1],[1,2,2],[1,2,3]]: I = ½ log(det S_xz det S_yz /
    # (det S_z det S_xyz)) = ½ log(2 * 2 / (3 * 1))
    assert sp.simplify(got - sp.log(sp.Rational(4, 3)) / 2) == 0


def test_mvn_of_symbolic_dimension():
    n = sp.Symbol("n", integer=True, positive=True)
    S, T = sp.MatrixSymbol("S", n, n), sp.MatrixSymbol("T", n, n)
    m, m2 = sp.MatrixSymbol("m", n, 1), sp.MatrixSymbol("m2", n, 1)
    X, Y = st.MultivariateNormal("X", m, S), st.MultivariateNormal("Y", m2, T)
    h, kl, ce = si.entropy(X), si.kl_divergence(X, Y), si.cross_entropy(X, Y)
    # at n = 2 with explicit matrices: against the explicit-matrix rules, themselves checked by
    # quadrature in tests/closedforms/test_multivariate.py
    Sv, Tv = sp.Matrix([[2, 1], [1, 3]]), sp.Matrix([[1, 0], [0, 2]])
    mv, m2v = sp.Matrix([0, 1]), sp.Matrix([1, -1])
    at = {n: 2, S: Sv, T: Tv, m: mv, m2: m2v}

    def value(e):
        return ctx.mpf(str(sp.N(e.subs(at).doit(), DPS)))

    Xe, Ye = st.MultivariateNormal("Xe", mv, Sv), st.MultivariateNormal("Ye", m2v, Tv)
    assert abs(value(h) - value(si.entropy(Xe))) < ctx.mpf(10) ** -20
    assert abs(value(kl) - value(si.kl_divergence(Xe, Ye))) < ctx.mpf(10) ** -20
    assert abs(value(ce) - value(si.cross_entropy(Xe, Ye))) < ctx.mpf(10) ** -20


def test_a_curved_support_is_an_honest_integral():
    # uniform on the unit disk: no iterated limits from linear inequalities, so the definition
    # over the plane, still an Integral (never the measure itself)
    D = st.JointRV("J", sp.Piecewise((1 / sp.pi, x**2 + y**2 < 1), (0, True)))
    mi = si.mutual_information(D[0], D[1])
    assert mi.has(sp.Integral) and not mi.has(si.MutualInformation, si.Entropy)
    joint = si.entropy(D[0], D[1])
    assert joint.has(sp.Integral) and not joint.has(si.Entropy)
