"""Cases where scattered support knowledge gave wrong or crashing answers (issue 8), each against
mpmath quadrature of the definition written out by hand, not from any rule or record."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
from sympy.stats import ChiSquared, Pareto, Uniform, UniformSum

import symbinfo as si

DPS = 30


def _ctx() -> mpmath.ctx_mp.MPContext:
    ctx = mpmath.MPContext()
    ctx.dps = DPS
    return ctx


def _chi2_logpdf(ctx, k, x):
    h = ctx.mpf(k) / 2
    return (h - 1) * ctx.log(x) - x / 2 - h * ctx.log(2) - ctx.loggamma(h)


def _value(expr: sp.Expr) -> mpmath.mpf:
    return _ctx().mpf(str(sp.N(expr, DPS + 5)))  # read at DPS digits, not the global 15


a0, a1 = sp.symbols("a0 a1", real=True)
k = sp.Symbol("k", integer=True, positive=True)
xm, a = sp.symbols("x_m a", positive=True)


def test_uniform_against_chi_squared_has_no_nan_branch_at_zero():
    # was an integral of a Piecewise with a nan branch that evaluated to nan at a0 = 0
    kl = si.kl_divergence(Uniform("U", a0, a1), ChiSquared("C", k))
    assert not kl.has(sp.Integral)
    ctx = _ctx()
    for lo, hi, kk in [(0, 2, 3), (sp.Rational(1, 2), 4, 5)]:
        w = 1 / ctx.mpf(hi - lo)
        truth = ctx.quad(lambda x, w=w, kk=kk: w * (ctx.log(w) - _chi2_logpdf(ctx, kk, x)),
                         [ctx.mpf(lo), ctx.mpf(hi)])
        got = _value(kl.subs({a0: lo, a1: hi, k: kk}))
        assert abs(got - truth) < _ctx().mpf(10) ** -25
    assert kl.subs({a0: -1, a1: 2, k: 3}) == sp.oo  # mass below 0, where the chi-squared has none


@pytest.mark.parametrize("m, alpha, kk", [(sp.Rational(3, 2), sp.Rational(5, 2), 4), (2, 3, 1)])
def test_pareto_against_chi_squared(m, alpha, kk):
    # raised SymPy's "Result depends on the sign of sign(1 - a1)"
    kl = si.kl_divergence(Pareto("P", xm, a), ChiSquared("C", k))
    ctx = _ctx()
    M, A = ctx.mpf(m), ctx.mpf(alpha)

    def integrand(x):
        logp = ctx.log(A) + A * ctx.log(M) - (A + 1) * ctx.log(x)
        return ctx.exp(logp) * (logp - _chi2_logpdf(ctx, kk, x))

    truth = ctx.quad(integrand, [M, 2 * M, 10 * M, ctx.inf])
    got = _value(kl.subs({xm: m, a: alpha, k: kk}))
    assert abs(got - truth) < _ctx().mpf(10) ** -20


def test_pareto_without_a_mean_is_infinitely_far_from_a_chi_squared():
    kl = si.kl_divergence(Pareto("P", xm, a), ChiSquared("C", k))
    assert kl.subs({xm: 1, a: sp.Rational(1, 2), k: 2}) == sp.oo  # E[X] = oo, -log q grows like x/2


def test_uniform_sum_entropy_fallback_evaluates_to_the_digits_asked():
    # the fallback integral gave 0.4999981 at n = 2 and nan at n = 3
    assert abs(_value(si.entropy(UniformSum("S", 2))) - _ctx().mpf(1) / 2) < _ctx().mpf(10) ** -25
    ctx = _ctx()
    irwin_hall_3 = [(lambda x: x**2 / 2, 0, 1), (lambda x: (-2 * x**2 + 6 * x - 3) / 2, 1, 2),
                    (lambda x: (3 - x) ** 2 / 2, 2, 3)]
    truth = sum(ctx.quad(lambda x, f=f: -f(x) * ctx.log(f(x)), [lo, hi])
                for f, lo, hi in irwin_hall_3)
    assert abs(_value(si.entropy(UniformSum("S", 3))) - truth) < _ctx().mpf(10) ** -25
