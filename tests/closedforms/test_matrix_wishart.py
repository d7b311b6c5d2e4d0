"""Wishart and matrix gamma: entropy, KL, Rényi/Tsallis entropies and the divergences of the
log-normaliser, against an independent 30-digit computation of the defining integrals.

The oracle integrates over the 2×2 positive-definite matrices in Cholesky coordinates
X = L Lᵀ, L = [[a, 0], [b, c]] (a, c > 0, b real; dX = 4 a² c da db dc, checked below), where
every integrand of interest is det(X)**s exp(-tr(A X)/2) times constants:

    Z(s, A) = 4 ∫∫∫ (a c)**(2s) exp(-(A11 a² + 2 A12 a b + A22 (b² + c²))/2) a² c da db dc

The b-integral is a Gaussian one (completed square); a and c are then two 1-D mpmath
quadratures. Each density's constant is read from SymPy's own pdf at X = I (never from the
rule), and checked to make Z(η, V⁻¹) c = 1. Entropy and KL are derivatives at order 1 of
log ∫ p**α and log ∫ p**α q**(1−α) (mpmath.diff of the quadratures, at 45 digits)."""

from __future__ import annotations

import functools

import mpmath as mp
import pytest
import sympy as sp
from sympy.stats import MatrixGamma, Wishart
from sympy.stats.crv_types import GammaDistribution
from sympy.stats.matrix_distributions import WishartDistribution

import symbinfo as si

R = sp.Rational
DIGITS = 25
WORK = 32
ctx = mp.MPContext()
ctx.dps = WORK

V1 = sp.Matrix([[2, 1], [1, 2]])
V2 = sp.Matrix([[1, R(-1, 3)], [R(-1, 3), R(3, 2)]])
V3 = sp.Matrix([[R(1, 2), R(1, 5)], [R(1, 5), 3]])
POINTS = [(sp.Integer(3), V1), (R(7, 2), V2), (R(53, 10), V3)]


def _num(e) -> mp.mpf:
    return ctx.mpf(str(sp.N(e, WORK + 5)))


def _jacobian_is_4a2c() -> bool:
    a, b, c = sp.symbols("a b c", positive=True)
    J = sp.Matrix([a**2, a * b, b**2 + c**2]).jacobian([a, b, c])
    return sp.simplify(J.det() - 4 * a**2 * c) == 0


def _Z(s, A) -> mp.mpf:
    """∫ det(X)**s exp(-tr(A X)/2) dX over 2×2 positive-definite X (A positive definite)."""
    A11, A12, A22 = A
    kappa = A11 - A12**2 / A22  # after the Gaussian b-integral sqrt(2 pi/A22) e^(A12² a²/2A22)
    ia = ctx.quad(lambda a: a ** (2 * s + 2) * ctx.exp(-kappa * a * a / 2), [0, ctx.inf])
    ic = ctx.quad(lambda c: c ** (2 * s + 1) * ctx.exp(-A22 * c * c / 2), [0, ctx.inf])
    return 4 * ctx.sqrt(2 * ctx.pi / A22) * ia * ic


class _Member:
    """log c, η and A = V⁻¹ of one density c det(X)**η exp(-tr(A X)/2), read from SymPy's pdf."""

    def __init__(self, rv):
        dist = rv.pspace.distribution
        p = 2
        if isinstance(dist, WishartDistribution):
            n, V = dist.n, dist.scale_matrix
            A, eta = V.inv(), (n - p - 1) / 2
        else:  # matrix gamma: det**(alpha - (p + 1)/2) exp(-tr(S⁻¹ X)/beta)
            A, eta = 2 * dist.scale_matrix.inv() / dist.beta, dist.alpha - R(p + 1, 2)
        at_identity = dist.pdf(sp.ImmutableMatrix(sp.eye(p))).doit()
        self.logc = _num(sp.log(at_identity) + A.trace() / 2)
        self.eta = _num(eta)
        self.A = [_num(A[0, 0]), _num(A[0, 1]), _num(A[1, 1])]

    @functools.cache  # noqa: B019  (a handful of members per run)
    def log_skew(self, other: _Member, alpha) -> mp.mpf:
        """log ∫ p**alpha q**(1 - alpha)."""
        mix = [alpha * x + (1 - alpha) * y for x, y in zip(self.A, other.A, strict=True)]
        eta = alpha * self.eta + (1 - alpha) * other.eta
        return alpha * self.logc + (1 - alpha) * other.logc + ctx.log(_Z(eta, mix))

    @functools.cache  # noqa: B019
    def log_power(self, alpha) -> mp.mpf:
        """log ∫ p**alpha."""
        return alpha * self.logc + ctx.log(_Z(alpha * self.eta, [alpha * x for x in self.A]))


def _close(value: sp.Expr, truth: mp.mpf) -> None:
    assert not value.has(sp.Integral, sp.Sum), value
    got = _num(value)
    assert abs(got - truth) <= ctx.mpf(10) ** -DIGITS * max(1, abs(truth)), (value, got, truth)


def _rv(i: int, n, V):
    return Wishart(f"W{i}", n, V)


@functools.cache
def _point(i: int) -> tuple:
    """(the Wishart at POINTS[i], its oracle, its entropy by the oracle), built once."""
    W = _rv(i, *POINTS[i])
    m = _Member(W)
    return W, m, ctx.diff(lambda a: -m.log_power(a), 1)  # -d/da log ∫ f**a at a = 1


def test_oracle_normalises_sympys_density():
    assert _jacobian_is_4a2c()
    for i in range(len(POINTS)):
        m = _point(i)[1]
        assert abs(m.log_power(1)) < ctx.mpf(10) ** -31
        assert abs(m.log_skew(m, ctx.mpf(1) / 3)) < ctx.mpf(10) ** -31


@pytest.mark.parametrize("i", range(3))
def test_entropy_and_renyi_tsallis(i):
    W, m, h = _point(i)
    _close(si.entropy(W), h)
    alpha = sp.Symbol("alpha", positive=True)
    symbolic = si.renyi_entropy(W, alpha)
    for order in (sp.Integer(2), R(1, 2), R(7, 3)):
        o = _num(order)
        log_power = m.log_power(o)
        _close(si.renyi_entropy(W, order), log_power / (1 - o))
        _close(symbolic.subs(alpha, order), log_power / (1 - o))
        _close(si.tsallis_entropy(W, order), (1 - ctx.exp(log_power)) / (o - 1))
    _close(symbolic.subs(alpha, 1), h)


PAIRS = [(0, 1), (1, 2), (2, 0)]


@pytest.mark.parametrize("i,j", PAIRS)
def test_kl_and_skew_divergences(i, j):
    (P, mp_, h), (Q, mq, _) = _point(i), _point(j)
    kl = ctx.diff(lambda a: mp_.log_skew(mq, a), 1)
    _close(si.kl_divergence(P, Q), kl)
    _close(si.cross_entropy(P, Q), kl + h)
    alpha = sp.Symbol("alpha", positive=True)
    symbolic = si.renyi_divergence(P, Q, alpha)
    for order in (R(1, 2), R(6, 5)):  # and +oo outside the natural space: below
        o = _num(order)
        truth = mp_.log_skew(mq, o) / (o - 1)
        _close(si.renyi_divergence(P, Q, order), truth)
        _close(symbolic.subs(alpha, order), truth)
    bc = ctx.exp(mp_.log_skew(mq, ctx.mpf(1) / 2))
    _close(si.bhattacharyya_coefficient(P, Q), bc)
    _close(si.bhattacharyya_distance(P, Q), -ctx.log(bc))
    _close(si.hellinger_distance(P, Q), ctx.sqrt(1 - bc))
    A_p, A_q = POINTS[i][1].inv(), POINTS[j][1].inv()
    if (2 * A_p - A_q).is_positive_definite:
        _close(si.chi_square_divergence(P, Q), ctx.exp(mp_.log_skew(mq, 2)) - 1)
    else:  # ∫ p² / q diverges
        assert si.chi_square_divergence(P, Q) == sp.oo


def test_outside_the_natural_space_is_infinite():
    P, Q = _rv(0, *POINTS[0]), _rv(1, *POINTS[1])
    # 5 V1⁻¹ - 4 V2⁻¹ is not positive definite: ∫ p**5 q**(-4) diverges
    assert (5 * V1.inv() - 4 * V2.inv()).is_positive_definite is False
    assert si.renyi_divergence(P, Q, 5) == sp.oo
    assert si.chi_square_divergence(Wishart("A", 3, 3 * sp.eye(2)), Wishart("B", 3, sp.eye(2))) \
        == sp.oo  # 2 A⁻¹ - B⁻¹ = -1/3 I
    a = sp.Symbol("alpha", positive=True)
    symbolic = si.renyi_divergence(P, Q, a)
    assert symbolic.subs(a, 5) == sp.oo
    assert symbolic.subs(a, 1) == si.kl_divergence(P, Q)
    # ∫ f**alpha diverges for alpha (n - p - 1) <= -2: n = 3/2 (p = 2) at alpha = 5
    assert si.renyi_entropy(Wishart("S", R(3, 2), V1), 5) == -sp.oo


def test_matrix_gamma_from_its_own_density():
    G = MatrixGamma("G", R(5, 2), R(3, 2), V2)
    H = MatrixGamma("H", 2, R(1, 2), V1)
    mg, mh = _Member(G), _Member(H)
    assert abs(mg.log_power(1)) < ctx.mpf(10) ** -31
    _close(si.entropy(G), ctx.diff(lambda a: -mg.log_power(a), 1))
    _close(si.kl_divergence(G, H), ctx.diff(lambda a: mg.log_skew(mh, a), 1))
    _close(si.renyi_entropy(G, 2), -mg.log_power(2))
    W = _rv(0, *POINTS[0])
    _close(si.hellinger_distance(G, W), ctx.sqrt(1 - ctx.exp(mg.log_skew(_Member(W), 0.5))))


def test_one_by_one_wishart_is_a_gamma():
    # W(n, [[v]]) is Gamma(n/2, scale 2v): the catalog's (quadrature-checked) Gamma rules
    n, v, m, w = R(7, 2), R(3, 2), 5, R(2, 3)
    P, Q = WishartDistribution(n, sp.Matrix([[v]])), WishartDistribution(m, sp.Matrix([[w]]))
    gp, gq = GammaDistribution(n / 2, 2 * v), GammaDistribution(sp.Integer(m) / 2, 2 * w)
    for got, want in [(si.entropy(P), si.entropy(gp)), (si.kl_divergence(P, Q),
                                                         si.kl_divergence(gp, gq)),
                      (si.renyi_divergence(P, Q, R(1, 3)), si.renyi_divergence(gp, gq, R(1, 3)))]:
        assert abs(sp.N(got - want, 40)) < 1e-35


def test_symbolic_and_matrix_symbol_forms():
    n, m = sp.symbols("n m", positive=True)
    a, b = sp.symbols("a b", positive=True)
    V, U = sp.MatrixSymbol("V", 3, 3), sp.MatrixSymbol("U", 3, 3)
    h = si.entropy(Wishart("S", n, V))
    assert h.has(sp.Determinant) and not h.has(sp.Integral)
    kl = si.kl_divergence(Wishart("S", n, V), Wishart("T", m, U))
    assert kl.has(sp.Trace) and kl.has(sp.Determinant)
    explicit = {V: sp.Matrix([[2, 1, 0], [1, 2, 0], [0, 0, 1]]), U: sp.diag(1, 2, 3)}
    same = si.kl_divergence(Wishart("S", n, explicit[V]), Wishart("T", m, explicit[U]))
    at = {n: R(9, 2), m: 4}
    assert abs(sp.N((kl.subs(explicit).doit() - same).subs(at), 40)) < 1e-35
    assert sp.simplify(si.kl_divergence(Wishart("S", n, V), Wishart("T", n, V))) == 0
    diag = Wishart("D", n, sp.diag(a, b))
    assert si.entropy(diag).has(sp.log(a * b)) or si.entropy(diag).has(sp.log(a))


def _Z_diagonal(s, a: list) -> mp.mpf:
    """∫ det(X)**s exp(-tr(diag(a) X)/2) dX over p×p positive-definite X, p = len(a): in
    Cholesky coordinates (dX = 2**p Π l_ii**(p + 1 - i) dL, det X = Π l_ii²,
    tr(diag(a) L Lᵀ) = Σ_i a_i Σ_(j<=i) l_ij²) every coordinate separates."""
    p = len(a)
    total = ctx.mpf(2) ** p
    for i, ai in enumerate(a, start=1):
        total *= ctx.quad(lambda t, i=i, ai=ai: t ** (2 * s + p + 1 - i) * ctx.exp(-ai * t * t / 2),
                          [0, ctx.inf])
        total *= ctx.sqrt(2 * ctx.pi / ai) ** (i - 1)  # the l_ij, j < i: Gaussian integrals
    return total


class _Diagonal:
    """log c, η and the diagonal of V⁻¹ of a Wishart with diagonal V (SymPy's pdf at X = I)."""

    def __init__(self, n, v: list):
        p = len(v)
        self.rv = Wishart("D", n, sp.diag(*v))
        at_identity = self.rv.pspace.distribution.pdf(sp.ImmutableMatrix(sp.eye(p))).doit()
        self.logc = _num(sp.log(at_identity) + sum(sp.Integer(1) / x for x in v) / 2)
        self.eta = _num((n - p - 1) / sp.Integer(2))
        self.a = [_num(sp.Integer(1) / x) for x in v]

    def log_skew(self, other: _Diagonal, alpha) -> mp.mpf:
        a = [alpha * x + (1 - alpha) * y for x, y in zip(self.a, other.a, strict=True)]
        eta = alpha * self.eta + (1 - alpha) * other.eta
        return alpha * self.logc + (1 - alpha) * other.logc + ctx.log(_Z_diagonal(eta, a))

    def log_power(self, alpha) -> mp.mpf:
        return alpha * self.logc + ctx.log(_Z_diagonal(alpha * self.eta,
                                                       [alpha * x for x in self.a]))


def test_three_by_three_diagonal_scales():
    P = _Diagonal(R(9, 2), [2, R(1, 2), 3])
    Q = _Diagonal(6, [1, 1, R(3, 2)])
    assert abs(P.log_power(1)) < ctx.mpf(10) ** -30
    _close(si.entropy(P.rv), ctx.diff(lambda a: -P.log_power(a), 1))
    _close(si.kl_divergence(P.rv, Q.rv), ctx.diff(lambda a: P.log_skew(Q, a), 1))
    _close(si.renyi_divergence(P.rv, Q.rv, R(1, 3)),
           P.log_skew(Q, ctx.mpf(1) / 3) / (ctx.mpf(1) / 3 - 1))
