r"""Measures of one distribution's uncertainty beside entropy: extropy, perplexity and Gini
impurity.

- **Extropy** (Lad, Sanfilippo & Agrò 2015, *Extropy: complementary dual of entropy*,
  Statistical Science 30(1), 40–58): J(X) = −Σ (1 − p) log(1 − p) for a finite pmf, and for a
  density the differential extropy J(X) = −½ ∫ f(x)² dx (their §4; it has no logarithm, so no
  base).
- **Perplexity** (Jelinek, Mercer, Bahl & Baker 1977, *Perplexity — a measure of the difficulty
  of speech recognition tasks*, JASA 62(S1)): PP(X) = exp(H(X)) = b^{H_b(X)}, the same in every
  base (so it takes none); for a density, exp of the differential entropy.
- **Gini impurity** (Breiman, Friedman, Olshen & Stone 1984, *Classification and Regression
  Trees*, §4.3, CART's splitting criterion): G(X) = 1 − Σ p² = Σ p (1 − p), the Tsallis entropy of
  order 2; defined for a pmf (finite, or an honest Sum for a countable one).
"""

from __future__ import annotations

import sympy as sp

from .. import engine
from ..derivation.budget import integrate_within
from ..derivation.finite import _nonzero
from ..derivation.honest import DefinitionSum
from ..derivation.simplify import tidy
from ..distributions.continuous import read_univariate
from ..distributions.view import Kind, distribution, finite_pmf, kind_of
from ..errors import UnsupportedInputError, guarded
from ..limits import current_limits
from .base import InformationMeasure, LogBase, single


def finite_extropy(pmf: dict) -> sp.Expr:
    """−Σ (1 − p) log(1 − p) over the outcomes (0 log 0 = 0).

    >>> finite_extropy({0: sp.Rational(1, 2), 1: sp.Rational(1, 2)})
    log(2)
    """
    return tidy(-sp.Add(*((1 - p) * sp.log(1 - p) for p in pmf.values()
                          if _nonzero(p) and _nonzero(1 - p))))


def finite_gini(pmf: dict) -> sp.Expr:
    """1 − Σ p².

    >>> finite_gini({0: sp.Rational(1, 4), 1: sp.Rational(3, 4)})
    3/8
    """
    return sp.expand(1 - sp.Add(*(p**2 for p in pmf.values())))


class _OneDistribution(InformationMeasure):
    """A measure of one random variable or distribution, printed ``SYMBOL(X)``."""

    symbol = ""

    def __new__(cls, x: object, *rest: object, base: object = sp.E):
        if cls._stored((x, *rest)):
            (base,) = rest
        elif rest:
            raise UnsupportedInputError(f"{cls.__name__} takes one random variable")
        if not cls.has_base and base is not sp.E:
            raise UnsupportedInputError(f"{cls.__name__} is the same in every base, so takes none")
        extra = (LogBase(base),) if cls.has_base else ()
        return super().__new__(cls, single(x), *extra)

    @property
    def x(self) -> sp.Basic:
        return self.args[0]

    def _sympystr(self, printer) -> str:
        suffix = self._base_suffix(printer) if self.has_base else ""
        return f"{self.symbol}({printer._print(self.x)}{suffix})"

    def _latex(self, printer) -> str:
        return f"{self.symbol}({printer._print(self.x)})"


class Extropy(_OneDistribution):
    r"""Extropy J(X) = −Σ (1 − p) log(1 − p); for a density −½ ∫ f² (no base then).

    Source: Lad, Sanfilippo & Agrò (2015), Statistical Science 30(1), eqs. (1) and (5).

    >>> from sympy.stats import Bernoulli, Exponential
    >>> p = sp.Symbol("p", positive=True)
    >>> Extropy(Bernoulli("B", p)).doit()   # for two outcomes it equals the entropy
    -p*log(p) - (1 - p)*log(1 - p)
    >>> lam = sp.Symbol("lambda", positive=True)
    >>> Extropy(Exponential("T", lam)).doit()
    -lambda/4
    """

    symbol = "J"

    def nats(self) -> engine.Evaluation:
        kind = kind_of(self.x)
        if kind is Kind.FINITE:
            return engine.Evaluation(finite_extropy(finite_pmf(self.x)), engine.FINITE_SUM)
        view = read_univariate(distribution(self.x))
        k = view.variable
        f = view.density
        lo, hi = view.bounds
        if view.discrete:
            return engine.Evaluation(DefinitionSum(-(1 - f) * sp.log(1 - f), (k, lo, hi)),
                                     engine.UNEVALUATED)
        if self.base != sp.E:
            raise UnsupportedInputError("the differential extropy −½∫f² has no logarithm, so "
                                        "no base")
        done = integrate_within(f**2, (k, lo, hi), seconds=current_limits().integrate_seconds)
        if done is None or done.has(sp.Integral) or done.is_finite is False:
            return engine.Evaluation(-sp.Integral(f**2, (k, lo, hi)) / 2, engine.UNEVALUATED)
        return engine.Evaluation(tidy(-done / 2), engine.GENERIC)


class Perplexity(_OneDistribution):
    r"""Perplexity PP(X) = exp(H(X)) (= 2^{H₂(X)}: the same in every base, so it takes none).

    Source: Jelinek, Mercer, Bahl & Baker (1977), JASA 62(S1), S63.

    >>> from sympy.stats import Die
    >>> Perplexity(Die("D", 6)).doit()
    6
    """

    has_base = False
    symbol = "PP"

    def nats(self) -> engine.Evaluation:
        h = engine.joint_entropy((self.x,))
        if h.method == engine.UNEVALUATED and not h.value.has(sp.Integral, sp.Sum):
            return engine.Evaluation(self, engine.UNEVALUATED)
        return engine.Evaluation(tidy(sp.exp(h.value)), h.method, h.rule)


class GiniImpurity(_OneDistribution):
    r"""Gini impurity G(X) = 1 − Σ p² = Σ p(1 − p), the Tsallis entropy of order 2 and CART's
    splitting criterion (no logarithm, so no base).

    Source: Breiman, Friedman, Olshen & Stone (1984), Classification and Regression Trees, §4.3.

    >>> from sympy.stats import Die
    >>> GiniImpurity(Die("D", 4)).doit()
    3/4
    """

    has_base = False
    symbol = "G"

    def nats(self) -> engine.Evaluation:
        if kind_of(self.x) is Kind.FINITE:
            return engine.Evaluation(finite_gini(finite_pmf(self.x)), engine.FINITE_SUM)
        view = read_univariate(distribution(self.x))
        if not view.discrete:
            raise UnsupportedInputError(
                f"the Gini impurity is defined for a pmf; {self.x} has a density")
        k, (lo, hi) = view.variable, view.bounds
        return engine.Evaluation(1 - DefinitionSum(view.density**2, (k, lo, hi)),
                                 engine.UNEVALUATED)


@guarded
def extropy(x: object, base: object = sp.E) -> sp.Expr:
    """Extropy in closed form; see :class:`Extropy`.

    >>> from sympy.stats import Die
    >>> extropy(Die("D", 4))
    -3*log(3/4)
    """
    return Extropy(x, base=base).doit()


@guarded
def perplexity(x: object) -> sp.Expr:
    """Perplexity exp(H(X)); see :class:`Perplexity`.

    >>> import sympy as sp
    >>> from sympy.stats import Normal
    >>> perplexity(Normal("X", 0, sp.Symbol("sigma", positive=True)))
    sqrt(2)*sqrt(pi)*sigma*exp(1/2)
    """
    return Perplexity(x).doit()


@guarded
def gini_impurity(x: object) -> sp.Expr:
    """Gini impurity 1 − Σ p²; see :class:`GiniImpurity`.

    >>> from sympy.stats import Bernoulli
    >>> p = sp.Symbol("p", positive=True)
    >>> gini_impurity(Bernoulli("B", p))
    -2*p**2 + 2*p
    """
    return GiniImpurity(x).doit()

