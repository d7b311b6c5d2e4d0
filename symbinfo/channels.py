"""Channel capacity: named channels in closed form, any discrete memoryless channel by
Blahut–Arimoto at arbitrary precision with a certificate.

A discrete memoryless channel (DMC) is a row-stochastic matrix W, W[x, y] = P(Y = y | X = x);
every row is checked as a pmf (:func:`~symbinfo.distributions.joint.check_pmf`). Its capacity
C = max_p I(X; Y) (nats by default; ``base=`` as everywhere).

- Weakly symmetric channels (rows permutations of one another, equal column sums; symmetric ones
  included): C = log|Y| − H(row) (Cover & Thomas, 2nd ed., Thm 7.2.1), exact and symbolic.
  The binary symmetric channel is one: log 2 − h₂(ε).
- Binary erasure channel: (1 − ε) log 2 (Cover & Thomas §7.1.5).
- Z-channel (0 → 0 always, 1 → 0 with probability p): log(1 + (1 − p) p^(p/(1 − p)))
  (Golomb 1980, "The limiting behavior of the Z-channel", IEEE Trans. IT 26(3)).
- Any other channel with numeric entries: Blahut–Arimoto (Blahut 1972; Arimoto 1972) in a
  private mpmath context, stopped by its certificate: for the input p and q = pW,
  I(p; W) ≤ C ≤ max_x D(W(·|x) ‖ q) (Blahut 1972, IEEE Trans. IT 18(4), the bounds of §III;
  the capacity is the min over q of max_x D(W(·|x) ‖ q), Gallager 1968, Information Theory
  and Reliable Communication, §4.5), so the gap between the two bounds bounds the error.
- The additive Gaussian channel: ½ log(1 + P/N), and for vectors ½ log det(I + Σ_N⁻¹ Σ_X)
  (Cover & Thomas Thm 9.1.1 and §9.4).

>>> import sympy as sp
>>> e = sp.Symbol("epsilon", positive=True)
>>> channel_capacity(binary_symmetric_channel(e))
-h(epsilon) + log(2)
>>> channel_capacity(binary_erasure_channel(e), base=2)
1 - epsilon
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import sympy as sp

from .derivation.simplify import tidy
from .distributions.joint import check_pmf
from .errors import InvalidDistributionError, InvalidParameterError, UnsupportedInputError, guarded
from .measures.base import LogBase, to_base
from .parsing.gate import to_expr, to_sympy
from .precision import private_context

__all__ = [
    "BlahutArimoto",
    "binary_erasure_channel",
    "binary_symmetric_channel",
    "blahut_arimoto",
    "channel_capacity",
    "gaussian_channel_capacity",
    "z_channel",
]


def _probability(value: object, what: str) -> sp.Expr:
    p = to_expr(value, what)
    if p.is_extended_real is False or p.is_negative or (p - 1).is_positive:
        raise InvalidParameterError(f"{what} must be a probability in [0, 1], not {p}")
    return p


@guarded
def binary_symmetric_channel(epsilon: object) -> sp.ImmutableMatrix:
    """The binary symmetric channel with crossover probability ε.

    >>> binary_symmetric_channel(sp.Rational(1, 10))
    Matrix([
    [9/10, 1/10],
    [1/10, 9/10]])
    """
    e = _probability(epsilon, "the crossover probability")
    return sp.ImmutableMatrix([[1 - e, e], [e, 1 - e]])


@guarded
def binary_erasure_channel(epsilon: object) -> sp.ImmutableMatrix:
    """The binary erasure channel with erasure probability ε (outputs 0, erasure, 1).

    >>> binary_erasure_channel(sp.Rational(1, 4))
    Matrix([
    [3/4, 1/4,   0],
    [  0, 1/4, 3/4]])
    """
    e = _probability(epsilon, "the erasure probability")
    return sp.ImmutableMatrix([[1 - e, e, 0], [0, e, 1 - e]])


@guarded
def z_channel(p: object) -> sp.ImmutableMatrix:
    """The Z-channel: 0 is received as 0; 1 is received as 0 with probability p.

    >>> z_channel(sp.Rational(1, 2))
    Matrix([
    [  1,   0],
    [1/2, 1/2]])
    """
    q = _probability(p, "the probability that 1 is received as 0")
    return sp.ImmutableMatrix([[1, 0], [q, 1 - q]])


def _matrix(W: object) -> sp.ImmutableMatrix:
    """W through the gate, every row checked as a pmf."""
    value = to_sympy(W, "the channel matrix")
    try:
        M = sp.ImmutableMatrix(value)
    except (TypeError, ValueError) as exc:
        raise UnsupportedInputError(f"the channel matrix must be a matrix, not {value}") from exc
    if M.rows < 1 or M.cols < 1 or M.shape == (1, 0):
        raise InvalidDistributionError("the channel matrix is empty")
    for i in range(M.rows):
        check_pmf(dict(enumerate(M.row(i))), f"row {i} of the channel matrix")
    return M


def _h(row: list[sp.Expr]) -> sp.Expr:
    return -sp.Add(*(p * sp.log(p) for p in row if p != 0))


def _weakly_symmetric(M: sp.ImmutableMatrix) -> bool:
    rows = [Counter(M.row(i)) for i in range(M.rows)]
    if any(r != rows[0] for r in rows):
        return False
    sums = [sp.expand(sum(M.col(j))) for j in range(M.cols)]
    return all(sp.expand(s - sums[0]) == 0 for s in sums)


def _closed_form(M: sp.ImmutableMatrix) -> sp.Expr | None:
    if _weakly_symmetric(M):
        return sp.log(M.cols) - _h(list(M.row(0)))
    if M.shape == (2, 3) and M[0, 2] == 0 and M[1, 0] == 0 and sp.expand(M[0, 1] - M[1, 1]) == 0:
        return (1 - M[0, 1]) * sp.log(2)  # the binary erasure channel
    for rows, cols in (((0, 1), (0, 1)), ((1, 0), (1, 0)), ((0, 1), (1, 0)), ((1, 0), (0, 1))):
        A = M.extract(list(rows), list(cols))
        if M.shape == (2, 2) and A[0, 0] == 1 and A[0, 1] == 0:
            p = A[1, 0]
            if p == 0 or p == 1:
                return None  # noiseless or useless: the general rules below decide
            return sp.log(1 + (1 - p) * p ** (p / (1 - p)))  # the Z-channel
    return None


@dataclass(frozen=True)
class BlahutArimoto:
    """The result of :func:`blahut_arimoto`: capacity bounds in nats, the input attaining the
    lower bound, the output distribution q = pW, and the work done.

    ``lower`` = I(p; W) and ``upper`` = max_x D(W(·|x) ‖ q) bracket the capacity whatever p is;
    ``gap`` = upper − lower is the certificate.

    >>> r = blahut_arimoto(binary_symmetric_channel(sp.Rational(1, 4)), dps=20)
    >>> r.iterations, r.gap == 0, sp.N(r.capacity, 10)
    (1, True, 0.1308120359)
    """

    lower: sp.Float
    upper: sp.Float
    input: tuple[sp.Float, ...]
    output: tuple[sp.Float, ...]
    iterations: int
    dps: int

    @property
    def gap(self) -> sp.Float:
        return self.upper - self.lower

    @property
    def capacity(self) -> sp.Float:
        return self.lower


@guarded
def blahut_arimoto(W: object, dps: int = 30, gap: object = None,
                   max_iterations: int = 100_000) -> BlahutArimoto:
    """Blahut–Arimoto iteration for the capacity of the channel ``W`` (numeric entries), in a
    private mpmath context at ``dps`` digits, until the certified gap is below ``gap``
    (default 10^-(dps - 10)); refuses when ``max_iterations`` pass first.

    >>> r = blahut_arimoto(z_channel(sp.Rational(1, 2)), dps=30)
    >>> r.gap < sp.Float("1e-20"), sp.N(r.lower, 12), sp.N(r.input[1], 12)
    (True, 0.223143551314, 0.400000000000)
    """
    M = _matrix(W)
    if not all(e.is_number for e in M):
        raise UnsupportedInputError("Blahut–Arimoto needs numeric channel entries")
    if not isinstance(dps, int) or not 10 <= dps <= 2000:
        raise InvalidParameterError(f"dps must be an integer from 10 to 2000, not {dps!r}")
    if not isinstance(max_iterations, int) or max_iterations < 1:
        raise InvalidParameterError(f"max_iterations must be a positive integer, not "
                                    f"{max_iterations!r}")
    ctx = private_context(dps + 10)
    tol = ctx.mpf(10) ** (-(dps - 10)) if gap is None else ctx.mpf(
        str(sp.N(to_expr(gap, "the gap"), dps + 10)))
    if not tol > 0:
        raise InvalidParameterError(f"the gap must be positive, not {gap}")
    w = [[ctx.mpf(str(sp.N(M[i, j], dps + 20))) for j in range(M.cols)] for i in range(M.rows)]
    n = M.rows
    p = [ctx.one / n] * n
    iterations = 0
    while iterations < max_iterations:
        iterations += 1
        q = [ctx.fsum(p[i] * w[i][j] for i in range(n)) for j in range(M.cols)]
        d = [ctx.fsum(w[i][j] * ctx.log(w[i][j] / q[j]) for j in range(M.cols) if w[i][j] > 0)
             for i in range(n)]
        lower = ctx.fsum(p[i] * d[i] for i in range(n))
        upper = max(d)
        if upper - lower < tol:
            break
        c = [p[i] * ctx.exp(d[i]) for i in range(n)]
        total = ctx.fsum(c)
        p = [ci / total for ci in c]
    if upper - lower >= tol:
        raise InvalidParameterError(
            f"Blahut–Arimoto did not reach the gap {ctx.nstr(tol, 5)} in {max_iterations} "
            f"iterations (gap {ctx.nstr(upper - lower, 5)}); raise max_iterations or the gap")

    def out(v):
        return sp.Float(ctx.nstr(v, dps + 5, strip_zeros=False), dps)

    return BlahutArimoto(out(lower), out(upper), tuple(out(v) for v in p),
                         tuple(out(v) for v in q), iterations, dps)


@guarded
def channel_capacity(W: object, base: object = sp.E, dps: int = 30) -> sp.Expr:
    """The capacity max_p I(X; Y) of the discrete memoryless channel ``W`` (rows: inputs).

    Closed form for weakly symmetric channels (BSC included), the binary erasure channel and the
    Z-channel, symbolic entries allowed; any other channel with numeric entries by
    :func:`blahut_arimoto` at ``dps`` digits (a Float, certified to within 10^-(dps - 10)).

    >>> channel_capacity(z_channel(sp.Rational(1, 2)), base=2)
    log(5/4)/log(2)
    >>> channel_capacity([[sp.Rational(1, 2), sp.Rational(1, 2), 0], [0, 0, 1]], base=2)
    1.00000000000000000000000000000
    """
    base = LogBase(base).value
    M = _matrix(W)
    closed = _closed_form(M)
    if closed is not None:
        return to_base(tidy(closed), base)
    if not all(e.is_number for e in M):
        raise UnsupportedInputError(
            "no closed form for the capacity of this symbolic channel (not weakly symmetric, "
            "binary erasure or Z); give numeric entries for Blahut–Arimoto")
    found = blahut_arimoto(M, dps=dps)
    return sp.Float(found.lower / sp.log(base).evalf(dps + 5), dps) if base != sp.E \
        else found.lower


@guarded
def gaussian_channel_capacity(signal: object, noise: object, base: object = sp.E) -> sp.Expr:
    """Capacity of the additive Gaussian channel Y = X + N with input power (covariance)
    ``signal`` and noise variance (covariance) ``noise``: ½ log(1 + P/N), or for vectors
    ½ log det(I + Σ_N⁻¹ Σ_X) (Cover & Thomas, 2nd ed., Thm 9.1.1, §9.4; the Gaussian input is
    optimal, so this is I(X; X + N) for X ~ N(0, Σ_X)).

    >>> P, N = sp.symbols("P N", positive=True)
    >>> gaussian_channel_capacity(P, N)
    log(1 + P/N)/2
    >>> gaussian_channel_capacity(sp.eye(2), sp.diag(1, 3), base=2)
    log(8/3)/(2*log(2))
    """
    base = LogBase(base).value
    S = to_sympy(signal, "the signal power")
    Nn = to_sympy(noise, "the noise power")
    matrices = (sp.MatrixBase, sp.Tuple)
    if not isinstance(S, matrices) and not isinstance(Nn, matrices):
        if S.is_negative or Nn.is_nonpositive:
            raise InvalidParameterError(
                f"the signal power must be >= 0 and the noise power > 0, not {S}, {Nn}")
        return to_base(sp.log(1 + S / Nn) / 2, base)
    S, Nn = sp.Matrix(S), sp.Matrix(Nn)
    if S.shape != Nn.shape or S.rows != S.cols:
        raise InvalidParameterError("the signal and noise covariances must be square, one size")
    det = sp.factor((sp.eye(S.rows) + Nn.inv() * S).det())
    return to_base(tidy(sp.log(det) / 2), base)
