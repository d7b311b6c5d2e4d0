"""Measures between two distributions (cross-entropy, KL, Jensen–Shannon, Rényi, Hellinger,
total variation) and the generalised entropies of one (Rényi, Tsallis)."""

from __future__ import annotations

from typing import ClassVar

import sympy as sp

from .. import engine
from ..derivation import finite
from ..errors import UnsupportedInputError, guarded
from .base import (
    CROSS_ENTROPY_STYLES,
    NOTATION,
    InformationMeasure,
    LogBase,
    order_parameter,
    single,
)


class _PairMeasure(InformationMeasure):
    """A measure of P against Q, printed ``SYMBOL(P || Q)`` (LaTeX ``SYMBOL(P \\,\\|\\, Q)``)."""

    str_symbol: ClassVar[str] = ""
    latex_symbol: ClassVar[tuple[str, str]] = ("", "")
    separator: ClassVar[tuple[str, str]] = (" || ", r" \,\|\, ")
    definition: ClassVar = None  # the finite definition in symbinfo.derivation.finite

    def __new__(cls, p: object, q: object, *rest: object, base: object = sp.E):
        if cls._stored((p, q, *rest)):
            (base,) = rest
        elif rest:
            raise UnsupportedInputError(f"{cls.__name__} takes two distributions, got more")
        if not cls.has_base and base is not sp.E:
            raise UnsupportedInputError(f"{cls.__name__} has no logarithm, so no base")
        extra = (LogBase(base),) if cls.has_base else ()
        return super().__new__(cls, single(p), single(q), *extra)

    @property
    def p(self) -> sp.Basic:
        return self.args[0]

    @property
    def q(self) -> sp.Basic:
        return self.args[1]

    def nats(self) -> engine.Evaluation:
        found = engine.finite_pair_measure(type(self).definition, self.p, self.q)
        return found if found is not None else engine.Evaluation(self, engine.UNEVALUATED)

    def _sympystr(self, printer) -> str:
        suffix = self._base_suffix(printer) if self.has_base else ""
        return (f"{self.str_symbol}({printer._print(self.p)}{self.separator[0]}"
                f"{printer._print(self.q)}{suffix})")

    def _latex(self, printer) -> str:
        symbol = self.latex_symbol
        letter, sub = (symbol, "") if isinstance(symbol, str) else symbol
        return self._latex_measure(printer, letter, f"{printer._print(self.p)}{self.separator[1]}"
                                   f"{printer._print(self.q)}", sub=sub)


class CrossEntropy(_PairMeasure):
    """Cross-entropy H(P, Q) = −E_P[log q(X)].

    >>> from sympy.stats import Bernoulli
    >>> p, q = sp.symbols("p q", positive=True)
    >>> CrossEntropy(Bernoulli("P", p), Bernoulli("Q", q)).doit()
    -p*log(q) - (1 - p)*log(1 - q)
    >>> print(sp.latex(CrossEntropy(Bernoulli("P", p), Bernoulli("Q", q))))
    H^{\\times}(P, Q)
    """

    separator = (", ", ", ")

    def nats(self) -> engine.Evaluation:
        return engine.cross_entropy(self.p, self.q)

    def _sympystr(self, printer) -> str:
        return (f"{CROSS_ENTROPY_STYLES[NOTATION['cross_entropy']][1]}({printer._print(self.p)}, "
                f"{printer._print(self.q)}{self._base_suffix(printer)})")

    def _latex(self, printer) -> str:
        letter, sup = CROSS_ENTROPY_STYLES[NOTATION["cross_entropy"]][0]
        return self._latex_measure(printer, letter, f"{printer._print(self.p)}, "
                                   f"{printer._print(self.q)}", sup=sup)


class KLDivergence(_PairMeasure):
    r"""Kullback–Leibler divergence D_KL(P ‖ Q) = E_P[log(p(X)/q(X))]; +oo where P has mass
    outside Q's support.

    >>> from sympy.stats import Bernoulli, Die
    >>> KLDivergence(Die("X", 2), Die("Y", 4)).doit()
    log(2)
    >>> KLDivergence(Die("Y", 4), Die("X", 2)).doit()
    oo
    >>> sp.latex(KLDivergence(Die("X", 2), Die("Y", 4)))
    'D_{\\mathrm{KL}}(X \\,\\|\\, Y)'
    """

    str_symbol = "D_KL"
    latex_symbol = ("D", r"\mathrm{KL}")

    def nats(self) -> engine.Evaluation:
        return engine.kl_divergence(self.p, self.q)


class JensenShannonDivergence(_PairMeasure):
    """Jensen–Shannon divergence ½KL(P‖M) + ½KL(Q‖M), M = (P + Q)/2; at most log 2 nats.

    >>> from sympy.stats import Die
    >>> JensenShannonDivergence(Die("X", 2), Die("Y", 4), base=2).doit()
    -3*log(3)/(4*log(2)) + 3/2
    """

    str_symbol = "D_JS"
    latex_symbol = ("D", r"\mathrm{JS}")
    definition = finite.js_divergence


class HellingerDistance(_PairMeasure):
    """Hellinger distance sqrt(1 − Σ sqrt(p q)) ∈ [0, 1] (no logarithm, so no ``base``).

    >>> from sympy.stats import Die
    >>> HellingerDistance(Die("X", 2), Die("Y", 4)).doit()
    sqrt(1 - sqrt(2)/2)
    """

    has_base = False
    str_symbol = "d_H"
    latex_symbol = ("d", r"\mathrm{H}")
    separator = (", ", ", ")
    definition = finite.hellinger_distance


class TotalVariation(_PairMeasure):
    """Total variation distance ½ Σ |p − q| (no logarithm, so no ``base``).

    >>> from sympy.stats import Die
    >>> TotalVariation(Die("X", 2), Die("Y", 4)).doit()
    1/2
    """

    has_base = False
    str_symbol = "d_TV"
    latex_symbol = ("d", r"\mathrm{TV}")
    separator = (", ", ", ")
    definition = finite.total_variation


class RenyiDivergence(_PairMeasure):
    r"""Rényi divergence of order α, log(Σ p^α q^(1−α))/(α − 1); order 1 is KL.

    The order is a real number in [0, ∞] (van Erven & Harremoës 2014): ∞ is the
    max-divergence log max p/q (the limit, returned for ``oo``), a float 1.0 is order 1;
    negative, complex and nan orders are refused with
    :class:`~symbinfo.errors.InvalidParameterError`. It is +oo where Q misses P's mass and
    α ≥ 1, and for every order when Q has no mass on P's support.

    >>> from sympy.stats import Die
    >>> RenyiDivergence(Die("X", 2), Die("Y", 4), 2).doit()
    log(2)
    >>> sp.latex(RenyiDivergence(Die("X", 2), Die("Y", 4), sp.Symbol("alpha")))
    'D_{\\alpha}(X \\,\\|\\, Y)'
    """

    def __new__(cls, p: object, q: object, alpha: object = None, *rest: object,
                base: object = sp.E):
        if alpha is None:
            raise UnsupportedInputError("RenyiDivergence needs the order alpha")
        if cls._stored((p, q, alpha, *rest)):  # SymPy rebuilding it: check the order again
            (base,) = rest
        alpha = order_parameter(alpha, "the order alpha of a Rényi divergence", infinite=True)
        return InformationMeasure.__new__(cls, single(p), single(q), alpha, LogBase(base))

    def _is_parameter(self, arg: sp.Basic) -> bool:
        return arg is self.args[2]

    @property
    def alpha(self) -> sp.Expr:
        return self.args[2]

    def nats(self) -> engine.Evaluation:
        if self.alpha == 1:
            return engine.kl_divergence(self.p, self.q)
        found = engine.finite_pair_measure(finite.renyi_divergence, self.p, self.q, self.alpha)
        return found if found is not None else engine.Evaluation(self, engine.UNEVALUATED)

    def _sympystr(self, printer) -> str:
        return (f"D_{printer._print(self.alpha)}({printer._print(self.p)} || "
                f"{printer._print(self.q)}{self._base_suffix(printer)})")

    def _latex(self, printer) -> str:
        return self._latex_measure(printer, "D", rf"{printer._print(self.p)} \,\|\, "
                                   rf"{printer._print(self.q)}", sub=printer._print(self.alpha))


class _OrderedEntropy(InformationMeasure):
    """An entropy of one variable with an order parameter, printed ``S_q(X)``."""

    letter: ClassVar[str] = ""
    definition: ClassVar = None
    #: whether the order may be oo (the limit of the definition)
    infinite_order: ClassVar[bool] = True

    def __new__(cls, x: object, order: object = None, *rest: object, base: object = sp.E):
        if order is None:
            raise UnsupportedInputError(f"{cls.__name__} needs its order")
        if cls._stored((x, order, *rest)):  # SymPy rebuilding it: check the order again
            (base,) = rest
        elif rest:
            raise UnsupportedInputError(f"{cls.__name__} takes one variable and its order")
        order = order_parameter(order, f"the order of {cls.__name__}", infinite=cls.infinite_order)
        extra = (LogBase(base),) if cls.has_base else ()
        return super().__new__(cls, single(x), order, *extra)

    def _is_parameter(self, arg: sp.Basic) -> bool:
        return arg is self.args[1]

    @property
    def order(self) -> sp.Expr:
        return self.args[1]

    def nats(self) -> engine.Evaluation:
        found = engine.finite_single_measure(type(self).definition, self.args[0], self.order)
        if found is not None:
            return found
        if self.order == 1:
            return engine.joint_entropy((self.args[0],))
        return engine.Evaluation(self, engine.UNEVALUATED)

    def _sympystr(self, printer) -> str:
        suffix = self._base_suffix(printer) if self.has_base else ""
        return f"{self.letter}_{printer._print(self.order)}({printer._print(self.args[0])}{suffix})"

    def _latex(self, printer) -> str:
        return self._latex_measure(printer, self.letter, printer._print(self.args[0]),
                                   sub=printer._print(self.order))


class RenyiEntropy(_OrderedEntropy):
    r"""Rényi entropy of order α, log(Σ p^α)/(1 − α): order 0 is log |support|, 1 is Shannon
    (the limit, kept as a Piecewise for a symbolic α), ∞ is the min-entropy −log max p (the
    limit, returned for ``oo``).

    The order is checked here: a real number in [0, ∞] (a float 1.0 is order 1), or a symbol not
    known to be outside; negative, complex and nan orders are refused with
    :class:`~symbinfo.errors.InvalidParameterError`, as dit refuses negative orders.

    >>> from sympy.stats import Die
    >>> RenyiEntropy(Die("X", 4), 2).doit()
    log(4)
    >>> RenyiEntropy(Die("X", 4), -1)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    symbinfo.errors.InvalidParameterError: the order of RenyiEntropy must be ... >= 0, not -1
    >>> sp.latex(RenyiEntropy(Die("X", 4), sp.Symbol("alpha")))
    'H_{\\alpha}(X)'
    """

    letter = "H"
    definition = finite.renyi_entropy


class TsallisEntropy(_OrderedEntropy):
    """Tsallis entropy (1 − Σ p^q)/(q − 1) (no logarithm, so no ``base``); order 1 is Shannon.

    The order q is a finite real number ≥ 0 (a float 1.0 is 1); negative, infinite, complex and
    nan orders are refused with :class:`~symbinfo.errors.InvalidParameterError`.

    >>> from sympy.stats import Die
    >>> TsallisEntropy(Die("X", 4), 2).doit()
    3/4
    """

    has_base = False
    letter = "S"
    definition = finite.tsallis_entropy
    infinite_order = False


@guarded
def cross_entropy(p: object, q: object, base: object = sp.E) -> sp.Expr:
    """H(P, Q) in closed form; see :class:`CrossEntropy`.

    >>> from sympy.stats import Die
    >>> cross_entropy(Die("X", 2), Die("Y", 4), base=2)
    2
    """
    return CrossEntropy(p, q, base=base).doit()


@guarded
def kl_divergence(p: object, q: object, base: object = sp.E) -> sp.Expr:
    """D_KL(P ‖ Q) in closed form; see :class:`KLDivergence`.

    >>> from sympy.stats import Die
    >>> kl_divergence(Die("X", 2), Die("Y", 4), base=2)
    1
    """
    return KLDivergence(p, q, base=base).doit()


@guarded
def js_divergence(p: object, q: object, base: object = sp.E) -> sp.Expr:
    """Jensen–Shannon divergence in closed form; see :class:`JensenShannonDivergence`.

    >>> from sympy.stats import Die
    >>> js_divergence(Die("X", 2), Die("X", 2))
    0
    """
    return JensenShannonDivergence(p, q, base=base).doit()


@guarded
def renyi_entropy(x: object, alpha: object, base: object = sp.E) -> sp.Expr:
    """Rényi entropy of order ``alpha``; see :class:`RenyiEntropy`.

    >>> from sympy.stats import Die
    >>> renyi_entropy(Die("X", 8), sp.oo, base=2)
    3
    """
    return RenyiEntropy(x, alpha, base=base).doit()


@guarded
def renyi_divergence(p: object, q: object, alpha: object, base: object = sp.E) -> sp.Expr:
    """Rényi divergence of order ``alpha``; see :class:`RenyiDivergence`.

    >>> from sympy.stats import Die
    >>> renyi_divergence(Die("X", 2), Die("Y", 4), sp.Rational(1, 2), base=2)
    1
    """
    return RenyiDivergence(p, q, alpha, base=base).doit()


@guarded
def tsallis_entropy(x: object, q: object) -> sp.Expr:
    """Tsallis entropy of order ``q``; see :class:`TsallisEntropy`.

    >>> from sympy.stats import Die
    >>> tsallis_entropy(Die("X", 2), 1)
    log(2)
    """
    return TsallisEntropy(x, q).doit()


@guarded
def hellinger_distance(p: object, q: object) -> sp.Expr:
    """Hellinger distance; see :class:`HellingerDistance`.

    >>> from sympy.stats import Die
    >>> hellinger_distance(Die("X", 2), Die("X", 2))
    0
    """
    return HellingerDistance(p, q).doit()


@guarded
def total_variation(p: object, q: object) -> sp.Expr:
    """Total variation distance; see :class:`TotalVariation`.

    >>> from sympy.stats import Die
    >>> total_variation(Die("X", 2), Die("Y", 4))
    1/2
    """
    return TotalVariation(p, q).doit()
