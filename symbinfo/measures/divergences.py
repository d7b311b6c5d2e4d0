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

    #: the engine's evaluation for non-finite inputs
    general: ClassVar = None

    def nats(self) -> engine.Evaluation:
        found = engine.finite_pair_measure(type(self).definition, self.p, self.q)
        if found is not None:
            return found
        general = type(self).general
        return general(self.p, self.q) if general else engine.Evaluation(self, engine.UNEVALUATED)

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
    general = staticmethod(engine.js_divergence)


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
    general = staticmethod(engine.hellinger_distance)


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
    general = staticmethod(engine.total_variation)


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
        return found if found is not None else engine.renyi_divergence(self.p, self.q, self.alpha)

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
    general: ClassVar = None
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
        return type(self).general(self.args[0], self.order)

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
    general = staticmethod(engine.renyi_entropy)


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
    general = staticmethod(engine.tsallis_entropy)
    infinite_order = False


class BhattacharyyaCoefficient(_PairMeasure):
    """Bhattacharyya coefficient BC(P, Q) = ∫ sqrt(p q) ∈ [0, 1] (Bhattacharyya 1943); for one
    exponential family exp(−J_F^(1/2)(θ_P : θ_Q)) (Nielsen & Nock 2011).

    >>> from sympy.stats import Die
    >>> BhattacharyyaCoefficient(Die("X", 2), Die("Y", 4)).doit()
    sqrt(2)/2
    """

    has_base = False
    str_symbol = "BC"
    latex_symbol = r"\mathrm{BC}"
    separator = (", ", ", ")
    general = staticmethod(engine.bhattacharyya_coefficient)

    def nats(self) -> engine.Evaluation:
        return engine.bhattacharyya_coefficient(self.p, self.q)


class BhattacharyyaDistance(_PairMeasure):
    """Bhattacharyya distance D_B(P, Q) = −log BC(P, Q) (Bhattacharyya 1943; Kailath 1967).

    >>> from sympy.stats import Die
    >>> BhattacharyyaDistance(Die("X", 2), Die("Y", 4), base=2).doit()
    1/2
    """

    str_symbol = "D_B"
    latex_symbol = r"D_{\mathrm{B}}"
    separator = (", ", ", ")

    def nats(self) -> engine.Evaluation:
        return engine.bhattacharyya_distance(self.p, self.q)


class ChiSquareDivergence(_PairMeasure):
    """Pearson χ² divergence χ²(P ‖ Q) = ∫ p²/q − 1 = ∫ (p − q)²/q (Pearson 1900; Liese &
    Vajda 2006); +oo where the integral diverges (e.g. P's tail heavier than sqrt(q)).

    >>> from sympy.stats import Die
    >>> ChiSquareDivergence(Die("X", 2), Die("Y", 4)).doit()
    1
    """

    has_base = False
    str_symbol = "chi^2"
    latex_symbol = r"\chi^{2}"

    def nats(self) -> engine.Evaluation:
        return engine.chi_square_divergence(self.p, self.q)


class NeymanChiSquareDivergence(_PairMeasure):
    """Neyman χ² divergence χ²_N(P ‖ Q) = ∫ q²/p − 1 = ∫ (p − q)²/p (Neyman 1949): Pearson's
    with the arguments swapped.

    >>> from sympy.stats import Die
    >>> NeymanChiSquareDivergence(Die("Y", 4), Die("X", 2)).doit()
    1
    """

    has_base = False
    str_symbol = "chi^2_N"
    latex_symbol = r"\chi^{2}_{N}"

    def nats(self) -> engine.Evaluation:
        return engine.chi_square_divergence(self.p, self.q, neyman=True)


def _real_order(value: object, what: str) -> sp.Expr:
    from ..errors import InvalidParameterError
    from ..parsing.gate import to_expr

    x = to_expr(value, what)
    if x.has(sp.nan, sp.zoo) or x.is_extended_real is False or x.is_infinite:
        raise InvalidParameterError(f"{what} must be a finite real number, not {x}")
    return sp.S.One if isinstance(x, sp.Float) and (x - 1).is_zero else x


class AlphaDivergence(_PairMeasure):
    r"""Amari α-divergence D_A^(α)(P ‖ Q) = (1 − ∫ p^α q^(1−α))/(α(1 − α)) for any real α
    (Amari 1985; Cichocki & Amari 2010, Entropy 12: 1532, eq. 4): α → 1 is KL(P ‖ Q), α → 0 is
    KL(Q ‖ P), α = 1/2 is 4(1 − BC), α = 2 is half Pearson's χ², α = −1 half Neyman's.

    >>> from sympy.stats import Die
    >>> AlphaDivergence(Die("X", 2), Die("Y", 4), 2).doit()
    1/2
    >>> sp.latex(AlphaDivergence(Die("X", 2), Die("Y", 4), sp.Symbol("alpha")))
    'D^{(\\alpha)}_{A}(X \\,\\|\\, Y)'
    """

    has_base = False

    def __new__(cls, p: object, q: object, alpha: object = None, *rest: object):
        if alpha is None or rest:
            raise UnsupportedInputError("AlphaDivergence takes P, Q and the order alpha")
        alpha = _real_order(alpha, "the order alpha of an Amari alpha-divergence")
        return InformationMeasure.__new__(cls, single(p), single(q), alpha)

    @classmethod
    def _stored(cls, args: tuple) -> bool:
        return False

    def _is_parameter(self, arg: sp.Basic) -> bool:
        return arg is self.args[2]

    @property
    def alpha(self) -> sp.Expr:
        return self.args[2]

    def nats(self) -> engine.Evaluation:
        return engine.alpha_divergence(self.p, self.q, self.alpha)

    def _sympystr(self, printer) -> str:
        return (f"D_A^({printer._print(self.alpha)})({printer._print(self.p)} || "
                f"{printer._print(self.q)})")

    def _latex(self, printer) -> str:
        return (rf"D^{{({printer._print(self.alpha)})}}_{{A}}({printer._print(self.p)} \,\|\, "
                rf"{printer._print(self.q)})")


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


@guarded
def collision_entropy(x: object, base: object = sp.E) -> sp.Expr:
    """Collision entropy −log ∫ p² = −log P(X = X'), X' an independent copy: the Rényi
    entropy of order 2 (Rényi 1961), provided by name.

    >>> from sympy.stats import Die
    >>> collision_entropy(Die("X", 4), base=2)
    2
    """
    return RenyiEntropy(x, 2, base=base).doit()


@guarded
def bhattacharyya_coefficient(p: object, q: object) -> sp.Expr:
    """Bhattacharyya coefficient ∫ sqrt(p q); see :class:`BhattacharyyaCoefficient`.

    >>> from sympy.stats import Normal
    >>> bhattacharyya_coefficient(Normal("X", 0, 1), Normal("Y", 2, 1))
    exp(-1/2)
    """
    return BhattacharyyaCoefficient(p, q).doit()


@guarded
def bhattacharyya_distance(p: object, q: object, base: object = sp.E) -> sp.Expr:
    """Bhattacharyya distance −log ∫ sqrt(p q); see :class:`BhattacharyyaDistance`.

    >>> from sympy.stats import Normal
    >>> bhattacharyya_distance(Normal("X", 0, 1), Normal("Y", 2, 1))
    1/2
    """
    return BhattacharyyaDistance(p, q, base=base).doit()


@guarded
def chi_square_divergence(p: object, q: object) -> sp.Expr:
    """Pearson χ²(P ‖ Q) = ∫ p²/q − 1; see :class:`ChiSquareDivergence`.

    >>> from sympy.stats import Exponential
    >>> chi_square_divergence(Exponential("X", 2), Exponential("Y", 1))
    1/3
    """
    return ChiSquareDivergence(p, q).doit()


@guarded
def neyman_chi_square_divergence(p: object, q: object) -> sp.Expr:
    """Neyman χ²_N(P ‖ Q) = ∫ q²/p − 1; see :class:`NeymanChiSquareDivergence`.

    >>> from sympy.stats import Exponential
    >>> neyman_chi_square_divergence(Exponential("X", 1), Exponential("Y", 2))
    1/3
    """
    return NeymanChiSquareDivergence(p, q).doit()


@guarded
def alpha_divergence(p: object, q: object, alpha: object) -> sp.Expr:
    """Amari α-divergence; see :class:`AlphaDivergence`.

    >>> from sympy.stats import Exponential
    >>> alpha_divergence(Exponential("X", 2), Exponential("Y", 1), 2)
    1/6
    """
    return AlphaDivergence(p, q, alpha).doit()


@guarded
def f_divergence(p: object, q: object, f: object) -> sp.Expr:
    """Csiszár's f-divergence D_f(P ‖ Q) = ∫ q f(p/q) (Csiszár 1963; Ali & Silvey 1966), for a
    convex f with f(1) = 0, given as a one-argument ``sympy.Lambda`` or a Python function of a
    SymPy symbol.

    An f-divergence depends on f only through f'' and f(1), so f is recognised when f'' is
    c·t^(α−2) (c times the Amari α-divergence: KL at α = 1, reverse KL at 0, Pearson χ² for
    (t − 1)², Neyman χ² for (1 − t)²/t, 2(1 − BC) for (sqrt(t) − 1)²), c·δ(t − 1) (total
    variation, f = |t − 1|/2) or c/(2t(1 + t)) (Jensen–Shannon), and evaluated as that
    measure; any other f gives the honest integral over Q's support (P's support must then
    provably lie inside Q's).

    >>> from sympy.stats import Normal
    >>> t = sp.Symbol("t")
    >>> f_divergence(Normal("X", 0, 1), Normal("Y", 1, 1), sp.Lambda(t, t * sp.log(t)))
    1/2
    >>> f_divergence(Normal("X", 0, 1), Normal("Y", 1, 1), lambda t: (t - 1)**2)
    -1 + E
    """
    from ..parsing.gate import to_expr

    t = sp.Dummy("t", positive=True)
    if isinstance(f, sp.Lambda) and len(f.variables) == 1:
        expr = f(t)
    elif callable(f) and not isinstance(f, sp.Basic):
        expr = to_expr(f(t), "f(t) of an f-divergence")
    else:
        raise UnsupportedInputError(
            f"f of an f-divergence must be a one-argument sympy.Lambda or a Python function, "
            f"not {type(f).__name__}")
    if not isinstance(expr, sp.Expr) or expr.free_symbols - {t} - _parameters(p, q):
        raise UnsupportedInputError(f"f(t) = {expr} must be an expression in t")
    dp, dq = single(p), single(q)
    found = engine.f_divergence(dp, dq, expr, t)
    return found.value


def _parameters(p: object, q: object) -> set:
    return {s for obj in (p, q) if isinstance(obj, sp.Basic) for s in obj.free_symbols}
