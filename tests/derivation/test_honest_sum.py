"""The honest Sum fallback evaluates to the digits asked, against independent mpmath sums."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
from sympy.stats import Poisson

import symbinfo as si
from symbinfo.derivation.honest import DefinitionSum


def _ctx(dps: int) -> mpmath.ctx_mp.MPContext:
    ctx = mpmath.MPContext()
    ctx.dps = dps
    return ctx


def _poisson_entropy(lam: int, dps: int) -> mpmath.mpf:
    """−Σ p log p summed term by term in log space, far past the mass (an independent oracle)."""
    ctx = _ctx(dps + 10)
    L = ctx.mpf(lam)
    top = int(lam + 40 * lam**0.5 + 200)

    def logp(j: int):
        return j * ctx.log(L) - L - ctx.loggamma(j + 1)

    return ctx.fsum(-ctx.exp(logp(j)) * logp(j) for j in range(top))


@pytest.mark.parametrize("lam", [3, 250, 1000])
def test_poisson_entropy_fallback_evaluates_where_the_mass_is_late(lam):
    h = si.entropy(Poisson("P", lam))
    assert isinstance(h, sp.Sum)  # the honest definition, not a closed form
    got = h.evalf(30)
    want = _poisson_entropy(lam, 30)
    ctx = _ctx(40)
    assert abs(ctx.mpf(str(got)) - want) < ctx.mpf(10) ** -27


def test_symbolic_sum_substitutes_then_evaluates():
    lam = sp.Symbol("lambda", positive=True)
    h = si.entropy(Poisson("P", lam))
    value = h.subs(lam, 1000).evalf(20)
    ctx = _ctx(30)
    assert abs(ctx.mpf(str(value)) - _poisson_entropy(1000, 20)) < ctx.mpf(10) ** -17


def test_finite_range_and_free_symbols_keep_sympy_semantics():
    k, a = sp.Symbol("k", integer=True), sp.Symbol("a")
    assert DefinitionSum(k, (k, 1, 10)).evalf() == sp.Float(55)
    assert DefinitionSum(a * k, (k, 1, 3)).evalf().has(a)
