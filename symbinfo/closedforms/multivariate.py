"""Multivariate normal and Dirichlet: entropy, KL divergence and cross-entropy (nats).

SymPy objects: ``MultivariateNormal('X', mu, Sigma)`` has distribution
``MultivariateNormalDistribution(mu, Sigma)``; ``Dirichlet('D', alpha)`` has distribution
``MultivariateBetaDistribution(alpha)``. Sigma may be an explicit (symbolic) Matrix or a
``MatrixSymbol``; for the latter trace, determinant and inverse stay matrix expressions.

>>> import sympy as sp
>>> r = sp.Symbol("rho", real=True)
>>> mvn_mutual_information(sp.Matrix([[1, r], [r, 1]]), [0], [1])
-log(1 - rho**2)/2
"""

from __future__ import annotations

from collections.abc import Sequence

import sympy as sp
from sympy import digamma, log, loggamma
from sympy.stats.joint_rv_types import (
    MultinomialDistribution,
    MultivariateBetaDistribution,
    MultivariateNormalDistribution,
    MultivariateTDistribution,
)
from sympy.stats.matrix_distributions import (
    MatrixGammaDistribution,
    MatrixNormalDistribution,
    WishartDistribution,
)

from ..derivation.finite import entropy as finite_entropy
from ..derivation.finite import kl_divergence as finite_kl
from ..derivation.honest import DefinitionSum
from ..distributions.joint_families import (
    composition_count,
    composition_sum,
    matrix_normal_as_mvn,
    matrix_normal_parameters,
    multinomial_parameters,
    multinomial_pmf,
)
from ..distributions.view import check_outcomes
from ..errors import InvalidDistributionError, MismatchError, ResourceLimitError
from ..limits import current_limits
from . import ENTROPY, KL_DIVERGENCE, POWER_INTEGRAL, SKEW_INTEGRAL, TOTAL_VARIATION

Dist = sp.Basic


def _det(S: sp.MatrixBase | sp.MatrixExpr) -> sp.Expr:
    return sp.factor(S.det()) if isinstance(S, sp.MatrixBase) else sp.Determinant(S)


def _dim(S) -> sp.Expr:
    """The dimension as a SymPy number (a Python int would make k/2 a float)."""
    k = S.shape[0]
    return sp.Integer(k) if isinstance(k, int) else k


def mvn_entropy(Sigma: sp.MatrixBase | sp.MatrixExpr) -> sp.Expr:
    """h(N(mu, Sigma)) = (d/2) log(2 pi e) + (1/2) log det Sigma.

    >>> mvn_entropy(sp.Matrix([[2, 1], [1, 2]]))
    log(3)/2 + log(2*E*pi)
    """
    return _dim(Sigma) * log(2 * sp.pi * sp.E) / 2 + log(_det(Sigma)) / 2


def _scalar(e) -> sp.Expr:
    """A 1x1 matrix (explicit or expression) as a scalar."""
    return e[0, 0]


def mvn_kl(mu1, S1, mu2, S2) -> sp.Expr:
    """KL(N(mu1, S1) || N(mu2, S2)) = (tr(S2^-1 S1) + dm^T S2^-1 dm - d + log(det S2/det S1))/2.

    >>> mvn_kl(sp.Matrix([0, 0]), sp.eye(2), sp.Matrix([1, 0]), 2 * sp.eye(2))
    -1/4 + log(4)/2
    """
    dm = mu2 - mu1
    if isinstance(S2, sp.MatrixBase) and isinstance(S1, sp.MatrixBase):
        S2inv = S2.inv()
        tr = sp.simplify((S2inv * S1).trace())
        quad = sp.simplify(_scalar(dm.T * S2inv * dm))
        return sp.Add(tr, quad, -S1.shape[0], log(_det(S2) / _det(S1))) / 2
    tr = sp.Trace(S2.I * S1)
    # the 1x1 quadratic form stays a matrix expression (indexing [0, 0] would expand it)
    quad = sp.Trace(dm.T * S2.I * dm)
    return (tr + quad - _dim(S1) + log(_det(S2)) - log(_det(S1))) / 2


def mvn_mutual_information(Sigma, a: Sequence[int], b: Sequence[int]) -> sp.Expr:
    """I(X_a; X_b) = (1/2) log(det S_aa det S_bb / det S_ab,ab) for disjoint index blocks."""
    ab = list(a) + list(b)
    ratio = _det(_block(Sigma, ab)) / (_det(_block(Sigma, a)) * _det(_block(Sigma, b)))
    return -log(sp.cancel(ratio)) / 2


def _block(Sigma, idx: Sequence[int]):
    idx = list(idx)
    if isinstance(Sigma, sp.MatrixBase):
        return Sigma.extract(idx, idx)
    if idx == list(range(Sigma.shape[0])):
        return Sigma
    return sp.Matrix(len(idx), len(idx), lambda i, j: Sigma[idx[i], idx[j]])


def _mvn_args(d: Dist):
    mu, S = d.args
    return mu, S


@ENTROPY.register(
    MultivariateNormalDistribution,
    source="Cover & Thomas, 2nd ed., Thm 8.4.1; StatProofBook mvn-dent",
    conditions="Sigma symmetric positive definite",
)
def entropy_mvn(d: Dist) -> sp.Expr:
    """(1/2) log det(2 pi e Sigma)."""
    return mvn_entropy(_mvn_args(d)[1])


@KL_DIVERGENCE.register(
    MultivariateNormalDistribution,
    MultivariateNormalDistribution,
    source="Penny (2001); Gil, Alajaji & Linder (2013), Inf. Sci. 249:124-131",
    conditions="same dimension (declines otherwise)",
)
def kl_mvn_mvn(p: Dist, q: Dist) -> sp.Expr | None:
    """KL between two multivariate normals of one dimension."""
    mu1, S1 = _mvn_args(p)
    mu2, S2 = _mvn_args(q)
    if S1.shape != S2.shape:
        return None
    return mvn_kl(mu1, S1, mu2, S2)


def _alpha(d: Dist) -> list[sp.Expr]:
    return list(d.args[0])


@ENTROPY.register(
    MultivariateBetaDistribution,
    source="derived here: -E[log f] with E[log X_j] = psi(a_j) - psi(a0) (checked by quadrature)",
    conditions="all a_j > 0",
)
def entropy_dirichlet(d: Dist) -> sp.Expr:
    """log B(alpha) + (a0 - K) psi(a0) - sum (a_j - 1) psi(a_j), a0 = sum a_j."""
    a = _alpha(d)
    a0 = sp.Add(*a)
    logB = sp.Add(*[loggamma(x) for x in a]) - loggamma(a0)
    return logB + (a0 - len(a)) * digamma(a0) - sp.Add(*[(x - 1) * digamma(x) for x in a])


@KL_DIVERGENCE.register(
    MultivariateBetaDistribution,
    MultivariateBetaDistribution,
    source="Penny (2001), KL-divergences of ... Dirichlet ... densities; StatProofBook dir-kl",
    conditions="same K (declines otherwise)",
)
def kl_dirichlet_dirichlet(p: Dist, q: Dist) -> sp.Expr | None:
    """KL(Dir(a) || Dir(b))."""
    a, b = _alpha(p), _alpha(q)
    if len(a) != len(b):
        return None
    a0, b0 = sp.Add(*a), sp.Add(*b)
    return sp.Add(
        loggamma(a0),
        -loggamma(b0),
        -sp.Add(*[loggamma(x) - loggamma(y) for x, y in zip(a, b, strict=True)]),
        sp.Add(*[(x - y) * (digamma(x) - digamma(a0)) for x, y in zip(a, b, strict=True)]),
    )




# --- generalised measures: log ∫ p**alpha and log ∫ p**alpha q**(1 - alpha) --------------------

GIL_MVN = ("Gil, Alajaji & Linder (2013), Information Sciences 249, Table 2 (multivariate "
           "Gaussian); Nielsen & Nock (2011), arXiv:1105.3259")


@POWER_INTEGRAL.register(MultivariateNormalDistribution, source=GIL_MVN)
def power_mvn(d: Dist, a: sp.Expr) -> sp.Expr:
    """log ∫ p**a = (1 − a)/2 log det(2 pi Sigma) − (d/2) log a (all a > 0)."""
    S = _mvn_args(d)[1]
    k = _dim(S)
    return (1 - a) * (k * log(2 * sp.pi) + log(_det(S))) / 2 - k * log(a) / 2


def _positive_definite(S) -> sp.Basic | None:
    """true/false when decided (an explicit matrix), else ``None``."""
    if not isinstance(S, sp.MatrixBase):
        return None
    found = S.is_positive_definite
    return None if found is None else sp.true if found else sp.false


@SKEW_INTEGRAL.register(MultivariateNormalDistribution, MultivariateNormalDistribution,
                        source=GIL_MVN,
                        conditions="Sigma_alpha = alpha Sigma_Q + (1 - alpha) Sigma_P positive "
                                   "definite, else +oo; declines when that is undecided")
def skew_mvn(p: Dist, q: Dist, a: sp.Expr) -> sp.Expr | None:
    """−J: (a(a − 1)/2) dmᵀ Sigma_a⁻¹ dm − ½ log(det Sigma_a/(det S1**(1−a) det S2**a))."""
    mu1, S1 = _mvn_args(p)
    mu2, S2 = _mvn_args(q)
    if S1.shape != S2.shape:
        return None
    Sa = a * S2 + (1 - a) * S1
    inside = sp.true if (a.is_positive and (1 - a).is_positive) else _positive_definite(Sa)
    if inside is None:
        return None
    if inside is sp.false:
        return sp.oo
    dm = mu1 - mu2
    if isinstance(Sa, sp.MatrixBase):
        quad = sp.simplify(_scalar(dm.T * Sa.inv() * dm))
    else:
        quad = sp.Trace(dm.T * Sa.I * dm)
    return (a * (a - 1) * quad / 2 - log(_det(Sa)) / 2 + (1 - a) * log(_det(S1)) / 2
            + a * log(_det(S2)) / 2)


def _dirichlet_F(theta: list) -> sp.Expr:
    # log-normaliser of the Dirichlet on the simplex: theta = a - 1, T = log x (carrier 0)
    return sp.Add(*[loggamma(t + 1) for t in theta]) - loggamma(sp.Add(*[t + 1 for t in theta]))


def _dirichlet_space(theta: list) -> sp.Basic:
    return sp.And(*[t > -1 for t in theta])


@POWER_INTEGRAL.register(MultivariateBetaDistribution, source="derived here: F(a theta) - "
                         "a F(theta) with the Dirichlet log-normaliser (carrier 0)",
                         conditions="a (alpha_j - 1) > -1 for every j, else +oo")
def power_dirichlet(d: Dist, a: sp.Expr) -> sp.Expr:
    from .generalised import where

    theta = [x - 1 for x in _alpha(d)]
    scaled = [a * t for t in theta]
    return where(_dirichlet_space(scaled), _dirichlet_F(scaled) - a * _dirichlet_F(theta))


@SKEW_INTEGRAL.register(MultivariateBetaDistribution, MultivariateBetaDistribution,
                        source="Nielsen & Nock (2011), arXiv:1105.3259 (skew Jensen of the "
                               "Dirichlet log-normaliser)",
                        conditions="a theta_P + (1 - a) theta_Q > -1 componentwise, else +oo")
def skew_dirichlet(p: Dist, q: Dist, a: sp.Expr) -> sp.Expr | None:
    from .generalised import where

    t1, t2 = [x - 1 for x in _alpha(p)], [x - 1 for x in _alpha(q)]
    if len(t1) != len(t2):
        return None
    mixed = [a * x + (1 - a) * y for x, y in zip(t1, t2, strict=True)]
    J = a * _dirichlet_F(t1) + (1 - a) * _dirichlet_F(t2) - _dirichlet_F(mixed)
    cond = sp.true if (a.is_positive and (1 - a).is_positive) else _dirichlet_space(mixed)
    return where(cond, -J)


# --- multivariate t --------------------------------------------------------------------------


def _mvt_log_c(d: Dist) -> tuple[sp.Expr, sp.Expr, sp.Expr, sp.Expr]:
    """(log of the normalising constant, log det Sigma, dimension k, dof nu)."""
    S, nu = d.shape_mat, d.dof
    k = _dim(S)
    logdet = log(_det(S))
    log_c = (loggamma((nu + k) / 2) - loggamma(nu / 2) - k * log(nu * sp.pi) / 2 - logdet / 2)
    return log_c, logdet, k, nu


@ENTROPY.register(MultivariateTDistribution,
                  source="Kotz & Nadarajah (2004), Multivariate t Distributions and Their "
                         "Applications, §1.11 (entropy); checked here by quadrature",
                  conditions="Sigma positive definite, nu > 0")
def entropy_mvt(d: Dist) -> sp.Expr:
    """h = −log c + ((nu + k)/2)(psi((nu + k)/2) − psi(nu/2))."""
    log_c, _, k, nu = _mvt_log_c(d)
    return -log_c + (nu + k) / 2 * (digamma((nu + k) / 2) - digamma(nu / 2))


@POWER_INTEGRAL.register(MultivariateTDistribution, source="derived here: ∫ (1 + r²/nu)**(-s) "
                         "over R**k is det(Sigma)**(1/2) (nu pi)**(k/2) Γ(s − k/2)/Γ(s)",
                         conditions="a (nu + k) > k, else +oo")
def power_mvt(d: Dist, a: sp.Expr) -> sp.Expr:
    from .generalised import where

    log_c, logdet, k, nu = _mvt_log_c(d)
    s = a * (nu + k) / 2
    value = a * log_c + logdet / 2 + k * log(nu * sp.pi) / 2 + loggamma(s - k / 2) - loggamma(s)
    return where(s > k / 2, value)


# --- Wishart (and the matrix gamma, a Wishart in another parameterisation) --------------------
#
# W(n, V) on p×p positive-definite X: det(X)**((n-p-1)/2) exp(-tr(V⁻¹X)/2) / (2**(np/2)
# det(V)**(n/2) Γ_p(n/2)), an exponential family with θ = (-V⁻¹/2, (n-p-1)/2), T = (X, log det X),
# carrier 0 and log-normaliser F = (n/2)(p log 2 + log det V) + log Γ_p(n/2) (Bishop 2006, PRML
# §B and (2.155); Penny 2001). Members are written (n, V); mixing natural parameters mixes n and
# V⁻¹ linearly. The natural space is V⁻¹ positive definite and n > p - 1. E[X] = n V and
# E[log det X] = ψ_p(n/2) + p log 2 + log det V (Bishop (B.81)). The matrix gamma MG(a, b, S) is
# W(2a, b S/2) (same density; SymPy's parameterisation). Every Wishart rule below comes from F:
# entropy F - <θ, E[T]>, KL the Bregman divergence of F, the power and skew integrals its skew
# Jensen divergences (Nielsen & Nock 2011).

WISHART = ("Bishop (2006), Pattern Recognition and Machine Learning, App. B (B.78)-(B.82); "
           "Penny (2001), KL-divergences of Normal, Gamma, Dirichlet and Wishart densities")
WISHART_SKEW = ("Nielsen & Nock (2011), arXiv:1105.3259: skew Jensen divergence of the Wishart "
                "log-normaliser")


def _wishart(d: Dist) -> tuple[sp.Expr, sp.MatrixBase | sp.MatrixExpr]:
    """(n, V) of a Wishart or a matrix gamma (MG(a, b, S) = W(2a, b S/2))."""
    if isinstance(d, MatrixGammaDistribution):
        return 2 * d.alpha, d.beta * d.scale_matrix / 2
    n, V = d.n, d.scale_matrix
    p = _dim(V)
    if (n > p - 1) is sp.false:
        raise InvalidDistributionError(
            f"{d}: n = {n} <= p - 1 = {p - 1}; a singular Wishart has no density on the "
            "positive-definite matrices")
    return n, V


def log_multigamma(a: sp.Expr, p: int | sp.Expr) -> sp.Expr:
    """log Γ_p(a) = p(p - 1)/4 log pi + Σ_{j=1..p} log Γ(a + (1 - j)/2).

    >>> log_multigamma(sp.Symbol("a", positive=True), 2)
    loggamma(a) + loggamma(a - 1/2) + log(pi)/2
    """
    if isinstance(p, (int, sp.Integer)):
        terms = [loggamma(a + sp.Rational(1 - j, 2)) for j in range(1, int(p) + 1)]
        return p * (p - 1) * log(sp.pi) / 4 + sp.Add(*terms)
    j = sp.Dummy("j", integer=True, positive=True)
    return p * (p - 1) * log(sp.pi) / 4 + sp.Sum(loggamma(a + (1 - j) / 2), (j, 1, p))


def multi_digamma(a: sp.Expr, p: int | sp.Expr) -> sp.Expr:
    """ψ_p(a) = Σ_{j=1..p} ψ(a + (1 - j)/2), the derivative of log Γ_p.

    >>> multi_digamma(sp.Symbol("a", positive=True), 2)
    polygamma(0, a) + polygamma(0, a - 1/2)
    """
    if isinstance(p, (int, sp.Integer)):
        return sp.Add(*[digamma(a + sp.Rational(1 - j, 2)) for j in range(1, int(p) + 1)])
    j = sp.Dummy("j", integer=True, positive=True)
    return sp.Sum(digamma(a + (1 - j) / 2), (j, 1, p))


def _logdet(V) -> sp.Expr:
    return log(_det(V))


def _inverse(V):
    return V.inv() if isinstance(V, sp.MatrixBase) else V.I


def _trace(M) -> sp.Expr:
    return sp.factor(M.trace()) if isinstance(M, sp.MatrixBase) else sp.Trace(M)


def _wishart_F(n: sp.Expr, p, logdet_V: sp.Expr) -> sp.Expr:
    """The log-normaliser at the member (n, V), from log det V."""
    return n * (p * log(2) + logdet_V) / 2 + log_multigamma(n / 2, p)


def _leading_minors_positive(M) -> sp.Basic | None:
    """Sylvester's criterion as a condition (explicit matrices), ``None`` for a matrix symbol."""
    if not isinstance(M, sp.MatrixBase):
        return None
    return sp.And(*[sp.factor(M[:k, :k].det()) > 0 for k in range(1, M.shape[0] + 1)])


def entropy_wishart(d: Dist) -> sp.Expr:
    """F(θ) - <θ, E[T]> = ((p + 1)/2) log det V + (p(p + 1)/2) log 2 + log Γ_p(n/2)
    - ((n - p - 1)/2) ψ_p(n/2) + np/2."""
    n, V = _wishart(d)
    p = _dim(V)
    return ((p + 1) * _logdet(V) / 2 + p * (p + 1) * log(2) / 2 + log_multigamma(n / 2, p)
            - (n - p - 1) * multi_digamma(n / 2, p) / 2 + n * p / 2)


def kl_wishart_wishart(P: Dist, Q: Dist) -> sp.Expr | None:
    """Bregman divergence of F: ((n1 - n2)/2) ψ_p(n1/2) + (n1/2)(tr(V2⁻¹V1) - p)
    + (n2/2) log(det V2/det V1) + log Γ_p(n2/2) - log Γ_p(n1/2)."""
    (n1, V1), (n2, V2) = _wishart(P), _wishart(Q)
    if V1.shape != V2.shape:
        return None
    p = _dim(V1)
    return ((n1 - n2) * multi_digamma(n1 / 2, p) / 2 + n1 * (_trace(_inverse(V2) * V1) - p) / 2
            + n2 * (_logdet(V2) - _logdet(V1)) / 2 + log_multigamma(n2 / 2, p)
            - log_multigamma(n1 / 2, p))


def power_wishart(d: Dist, a: sp.Expr) -> sp.Expr:
    """log ∫ f**a = F(a θ) - a F(θ): a θ is the member (a (n - p - 1) + p + 1, V/a)."""
    from .generalised import where

    n, V = _wishart(d)
    p = _dim(V)
    na = a * (n - p - 1) + p + 1
    value = _wishart_F(na, p, _logdet(V) - p * log(a)) - a * _wishart_F(n, p, _logdet(V))
    return where(na > p - 1, value)


def skew_wishart(P: Dist, Q: Dist, a: sp.Expr) -> sp.Expr | None:
    """-J_F^a: a θ1 + (1 - a) θ2 is the member (a n1 + (1 - a) n2, (a V1⁻¹ + (1 - a) V2⁻¹)⁻¹)."""
    from .generalised import where

    (n1, V1), (n2, V2) = _wishart(P), _wishart(Q)
    if V1.shape != V2.shape:
        return None
    p = _dim(V1)
    precision = a * _inverse(V1) + (1 - a) * _inverse(V2)
    nm = a * n1 + (1 - a) * n2
    if _in_unit(a):
        cond = sp.true
    else:
        cond = _leading_minors_positive(precision)
        if cond is None:
            return None
        cond = sp.And(cond, nm > p - 1)
    if cond is sp.false:
        return sp.oo
    mixed = _wishart_F(nm, p, -_logdet(precision))
    value = mixed - a * _wishart_F(n1, p, _logdet(V1)) - (1 - a) * _wishart_F(n2, p, _logdet(V2))
    return where(cond, value)


def _in_unit(a: sp.Expr) -> bool:
    return bool(a.is_positive and (1 - a).is_positive)


_MATRIX_WISHART = (WishartDistribution, MatrixGammaDistribution)
for _c in _MATRIX_WISHART:
    ENTROPY.register(_c, source=WISHART, conditions="V positive definite, n > p - 1")(
        entropy_wishart)
    POWER_INTEGRAL.register(_c, source=WISHART_SKEW, conditions="alpha (n - p - 1) > -2, "
                            "else +oo")(power_wishart)
    for _e in _MATRIX_WISHART:
        KL_DIVERGENCE.register(_c, _e, source=WISHART, conditions="same dimension (declines "
                               "otherwise); n_i > p - 1")(kl_wishart_wishart)
        SKEW_INTEGRAL.register(
            _c, _e, source=WISHART_SKEW,
            conditions="a V1⁻¹ + (1 - a) V2⁻¹ positive definite and a n1 + (1 - a) n2 > p - 1, "
                       "else +oo; declines when undecidable (matrix symbols outside 0 < a < 1)",
        )(skew_wishart)


# --- multinomial ----------------------------------------------------------------------------
#
# Mult(n, p) is the law of the counts of n independent categorical draws, so the multinomial
# theorem gives Σ_x P(x)**a Q(x)**(1 - a) = (Σ_i p_i**a q_i**(1 - a))**n and KL = n KL(p || q)
# (the KL of n i.i.d. draws; Cover & Thomas, 2nd ed., §2.8 chain rule). Two multinomials of
# different n live on disjoint sets of compositions: mutually singular. The entropy has no
# closed form: H = -log n! - n Σ p_i log p_i + Σ_i E[log X_i!] with X_i ~ Binomial(n, p_i)
# (derived here from log P(x) = log n! + Σ x_i log p_i - Σ log x_i!), each E[log X_i!] an honest
# finite sum; ∫ p**a (Rényi, Tsallis) is the sum over the compositions.

#: a numeric n up to this gives the entropy as explicit terms (else honest sums)
EXPLICIT_N = 40

MULTINOMIAL = ("derived here: the multinomial theorem, Σ_x P(x)**a Q(x)**(1 - a) = "
               "(Σ_i p_i**a q_i**(1 - a))**n (n i.i.d. categorical draws)")


def _multinomials(P: Dist, Q: Dist):
    (n, p), (m, q) = multinomial_parameters(P), multinomial_parameters(Q)
    if len(p) != len(q):
        raise MismatchError(f"{P} and {Q} count different numbers of categories "
                            f"({len(p)} and {len(q)})")
    return n, p, m, q


def _same_n(n: sp.Expr, m: sp.Expr, value: sp.Expr, singular: sp.Expr) -> sp.Expr:
    """``value`` where n = m, ``singular`` where the supports are disjoint (n != m)."""
    same = sp.Eq(n, m)
    if same is sp.true:
        return value
    if same is sp.false:
        return singular
    return sp.Piecewise((value, same), (singular, True))


def _listable(d: Dist, n: sp.Expr, count: sp.Expr | int | None) -> None:
    """Refuse a definition summed over more outcomes than the limits allow: a numeric n above
    ``exact_special_argument`` reaches the rules as a Dummy (see ``hide_huge_numbers``), and an
    honest sum over 10**20 terms would hang whoever evaluates or prints it."""
    if isinstance(n, sp.Dummy) and n.is_integer:
        limits = current_limits()
        raise ResourceLimitError(
            f"{d}: n is above {limits.exact_special_argument}, and this measure of a "
            "multinomial is a sum over its outcomes (limit exact_special_argument: raise it "
            "with symbinfo.using_limits(exact_special_argument=...))")
    if count is not None and isinstance(count, (int, sp.Integer)):
        check_outcomes(int(count), d)


@ENTROPY.register(MultinomialDistribution,
                  source="derived here: -E[log P(X)], X_i ~ Binomial(n, p_i) (finite sums)",
                  conditions="n a positive integer, p on the simplex; the E[log X_i!] sums "
                             "are explicit for a numeric n up to 40")
def entropy_multinomial(d: Dist) -> sp.Expr:
    """-log n! - n Σ p_i log p_i + Σ_i Σ_(x=2..n) binomial(n, x) p_i**x (1 - p_i)**(n - x)
    log x!: term by term for a numeric n up to :data:`EXPLICIT_N`, else honest sums (with
    binomial(n, x) = 1/((n + 1) B(x + 1, n - x + 1)))."""
    n, p = multinomial_parameters(d)
    if any(pi == 1 for pi in p):
        return sp.S.Zero  # a point mass
    _listable(d, n, n + 1)
    x = sp.Symbol("x", integer=True, nonnegative=True)
    expected = []
    for pi in p:
        if pi == 0:
            continue  # X_i = 0: log X_i! = 0
        if isinstance(n, sp.Integer) and n <= EXPLICIT_N:
            term = sp.binomial(n, x) * pi**x * (1 - pi) ** (n - x)
            expected.append(sp.Add(*(term.subs(x, j) * log(sp.factorial(j))
                                     for j in range(2, int(n) + 1))))
            continue
        # binomial(n, x) as 1/((n + 1) B(x + 1, n - x + 1)): for a numeric n (also one
        # substituted later) SymPy's code printer expands binomial into factorials of n, which
        # for n = 10**20 never ends (printing the result evaluates it)
        pmf = pi**x * (1 - pi) ** (n - x) / ((n + 1) * sp.beta(x + 1, n - x + 1))
        expected.append(DefinitionSum(pmf * loggamma(x + 1), (x, 2, n)))
    return -loggamma(n + 1) + n * finite_entropy(dict(enumerate(p))) + sp.Add(*expected)


@POWER_INTEGRAL.register(MultinomialDistribution, source="the definition, summed over the "
                         "compositions of n")
def power_multinomial(d: Dist, a: sp.Expr) -> sp.Expr:
    """log Σ_x P(x)**a over the compositions x of n (no closed form: the multinomial
    coefficient is raised to the power a)."""
    n, p = multinomial_parameters(d)
    _listable(d, n, composition_count(int(n), len(p)) if n.is_Integer else None)
    total = composition_sum(lambda x: multinomial_pmf(d, x) ** a, d)
    return log(total) if not total.has(sp.Sum) else sp.log(total, evaluate=False)


@KL_DIVERGENCE.register(MultinomialDistribution, MultinomialDistribution, source=MULTINOMIAL,
                        conditions="same categories; +oo for different n (disjoint supports)")
def kl_multinomial(P: Dist, Q: Dist) -> sp.Expr:
    """n Σ p_i log(p_i/q_i) (+oo where some q_i = 0 < p_i)."""
    n, p, m, q = _multinomials(P, Q)
    per_draw = finite_kl(dict(enumerate(p)), dict(enumerate(q)))
    return _same_n(n, m, n * per_draw if per_draw != sp.oo else sp.oo, sp.oo)


@SKEW_INTEGRAL.register(MultinomialDistribution, MultinomialDistribution, source=MULTINOMIAL,
                        conditions="same categories; different n: -oo (a < 1) or +oo (a > 1)")
def skew_multinomial(P: Dist, Q: Dist, a: sp.Expr) -> sp.Expr:
    """n log Σ_i p_i**a q_i**(1 - a): +oo for a > 1 when some q_i = 0 < p_i."""
    from .generalised import where

    n, p, m, q = _multinomials(P, Q)
    kept = [(pi, qi) for pi, qi in zip(p, q, strict=True) if pi != 0 and qi != 0]
    lost = any(pi != 0 and qi == 0 for pi, qi in zip(p, q, strict=True))
    inner = sp.Add(*(pi**a * qi ** (1 - a) for pi, qi in kept))
    value = n * log(inner) if kept else -sp.oo
    if lost:
        value = where(a < 1, value, sp.oo)
    return _same_n(n, m, value, where(a < 1, -sp.oo, sp.oo))


@TOTAL_VARIATION.register(MultinomialDistribution, MultinomialDistribution,
                          source="disjoint supports", conditions="different n only "
                          "(declines otherwise: the definition is summed)")
def tv_multinomial(P: Dist, Q: Dist) -> sp.Expr | None:
    n, _, m, _ = _multinomials(P, Q)
    return sp.S.One if sp.Eq(n, m) is sp.false else None


# --- matrix normal: vec(X) ~ N(vec M, V ⊗ U), so every Gaussian rule applies ------------------

MATRIX_NORMAL = ("Gupta & Nagar (2000), Matrix Variate Distributions, Thm 2.2.1 (vec(X) ~ "
                 "N(vec M, V ⊗ U)), then the multivariate normal rules")


@ENTROPY.register(MatrixNormalDistribution, source=MATRIX_NORMAL,
                  conditions="U, V positive definite")
def entropy_matrix_normal(d: Dist) -> sp.Expr:
    """(np/2) log(2 pi e) + (p/2) log det U + (n/2) log det V for X n×p (det(V ⊗ U) =
    det(V)**n det(U)**p)."""
    M, U, V = matrix_normal_parameters(d)
    n, p = M.shape
    return (n * p * log(2 * sp.pi * sp.E) / 2 + p * _logdet(U) / 2 + n * _logdet(V) / 2)


def _both_mvn(P: Dist, Q: Dist):
    a, b = matrix_normal_as_mvn(P), matrix_normal_as_mvn(Q)
    if a is None or b is None or P.location_matrix.shape != Q.location_matrix.shape:
        return None
    return a, b


@KL_DIVERGENCE.register(MatrixNormalDistribution, MatrixNormalDistribution,
                        source=MATRIX_NORMAL, conditions="explicit matrices of one shape "
                        "(declines otherwise)")
def kl_matrix_normal(P: Dist, Q: Dist) -> sp.Expr | None:
    both = _both_mvn(P, Q)
    return None if both is None else kl_mvn_mvn(*both)


@POWER_INTEGRAL.register(MatrixNormalDistribution, source=MATRIX_NORMAL,
                         conditions="explicit matrices (declines otherwise)")
def power_matrix_normal(d: Dist, a: sp.Expr) -> sp.Expr | None:
    mvn = matrix_normal_as_mvn(d)
    return None if mvn is None else power_mvn(mvn, a)


@SKEW_INTEGRAL.register(MatrixNormalDistribution, MatrixNormalDistribution,
                        source=MATRIX_NORMAL, conditions="explicit matrices of one shape "
                        "(declines otherwise); as for the multivariate normal")
def skew_matrix_normal(P: Dist, Q: Dist, a: sp.Expr) -> sp.Expr | None:
    both = _both_mvn(P, Q)
    return None if both is None else skew_mvn(*both, a)
