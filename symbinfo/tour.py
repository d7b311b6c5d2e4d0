"""A short tour: derive real results and check each one numerically against its definition."""

from __future__ import annotations

import mpmath
import sympy as sp
from sympy.stats import Bernoulli, Die, DiscreteUniform, Normal

from .distributions.joint import FiniteJointRV
from .measures import (
    conditional_entropy,
    cross_entropy,
    entropy,
    js_divergence,
    kl_divergence,
    mutual_information,
)
from .precision import evalf, private_context


def _plain_entropy(ctx: mpmath.ctx_mp.MPContext, probs: list) -> mpmath.mpf:
    """−Σ p log p in plain mpmath: an independent check of the symbolic results."""
    return -ctx.fsum(p * ctx.log(p) for p in probs if p)


def _normal_pdf(ctx: mpmath.ctx_mp.MPContext, x, m, s):
    return ctx.exp(-((x - m) ** 2) / (2 * s**2)) / (s * ctx.sqrt(2 * ctx.pi))


def _quad_entropy(ctx: mpmath.ctx_mp.MPContext, s: mpmath.mpf) -> mpmath.mpf:
    """−∫ f log f of Normal(0, s) by quadrature."""
    def integrand(x):
        f = _normal_pdf(ctx, x, 0, s)
        return f * ctx.log(f)

    return -ctx.quad(integrand, [ctx.ninf, 0, ctx.inf])


def _quad_normal_kl(ctx: mpmath.ctx_mp.MPContext, m1, s1, m2, s2) -> mpmath.mpf:
    """∫ p log(p/q) of two normal densities by quadrature."""
    def integrand(x):
        p = _normal_pdf(ctx, x, m1, s1)
        return p * ctx.log(p / _normal_pdf(ctx, x, m2, s2))

    return ctx.quad(integrand, [ctx.ninf, m1, ctx.inf])


def run(out=print) -> int:
    """Print the tour; return the number of results that failed their numeric check.

    >>> run(out=lambda *a: None)
    0
    """
    failures = 0
    ctx = private_context(40)  # the checks' own precision, not mpmath's global one
    mpf = ctx.mpf

    def show(label: str, value: sp.Expr, check: mpmath.mpf | None = None) -> None:
        nonlocal failures
        line = f"{label:<46} = {value}"
        if check is not None:
            err = abs(evalf(value, 40) - sp.Float(check, 40))
            ok = err < sp.Float(10) ** -30
            failures += not ok
            line += f"   [{'checked' if ok else 'MISMATCH'} at 40 digits]"
        out(line)

    p = sp.Symbol("p", positive=True)
    show("H(Bernoulli(p))", entropy(Bernoulli("B", p)))
    show("H(DiscreteUniform{1,2,3,4}) in bits",
         entropy(DiscreteUniform("U", [1, 2, 3, 4]), base=2), mpf(2))
    X, Y = Die("X", 6), Die("Y", 6)
    s_probs = [mpf(6 - abs(7 - s)) / 36 for s in range(2, 13)]
    show("I(X; X + Y) for two fair dice", mutual_information(X, X + Y),
         _plain_entropy(ctx, s_probs) - ctx.log(6))
    half, quarter = sp.Rational(1, 2), sp.Rational(1, 4)
    A, B = FiniteJointRV("A B", [[half, 0], [quarter, quarter]])
    show("H(A | B) for a 2x2 table", conditional_entropy(A, given=B),
         mpf(3) / 4 * _plain_entropy(ctx, [mpf(2) / 3, mpf(1) / 3]))
    mu, m1, m2 = sp.symbols("mu m1 m2", real=True)
    sigma, s1, s2 = sp.symbols("sigma s1 s2", positive=True)
    h_normal = entropy(Normal("X", mu, sigma))
    show("h(Normal(mu, sigma))", h_normal)
    show("  at sigma = 3/2, vs quadrature of -f log f", h_normal.subs(sigma, sp.Rational(3, 2)),
         _quad_entropy(ctx, mpf(3) / 2))
    kl_normal = kl_divergence(Normal("P", m1, s1), Normal("Q", m2, s2))
    show("D_KL(Normal(m1, s1) || Normal(m2, s2))", kl_normal)
    point = {m1: sp.Rational(1, 3), s1: sp.Rational(1, 2), m2: sp.Integer(-1), s2: sp.Integer(2)}
    show("  at (1/3, 1/2, -1, 2), vs quadrature", kl_normal.subs(point),
         _quad_normal_kl(ctx, *(mpf(point[v].p) / point[v].q for v in (m1, s1, m2, s2))))
    P, Q = Die("P", 2), Die("Q", 4)
    show("D_KL(Die(2) || Die(4)) in bits", kl_divergence(P, Q, base=2), mpf(1))
    show("H(Die(2), Die(4)) in bits", cross_entropy(P, Q, base=2), mpf(2))
    show("JSD(Die(2), Die(4))", js_divergence(P, Q),
         _plain_entropy(ctx, [mpf(3) / 8] * 2 + [mpf(1) / 8] * 2)
         - (ctx.log(2) + ctx.log(4)) / 2)
    out(f"\n{'all results checked' if not failures else f'{failures} results FAILED'}")
    return failures


if __name__ == "__main__":
    raise SystemExit(1 if run() else 0)
