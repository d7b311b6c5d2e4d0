"""Shannon's measures of random variables: entropy, conditional entropy, mutual information and
the multivariate ones. Each is a linear combination of joint entropies
(:meth:`entropy_terms`), which is how the engine evaluates them and how the Shannon-inequality
prover reads them.
"""

from __future__ import annotations

import itertools

import sympy as sp

from .. import engine
from ..errors import UnsupportedInputError, guarded
from .base import InformationMeasure, LogBase, rv_group


def _union(*groups: sp.Tuple) -> tuple:
    return tuple(dict.fromkeys(a for g in groups for a in g))


class _EntropyCombination(InformationMeasure):
    def entropy_terms(self) -> dict[tuple, sp.Expr]:
        """The measure as {tuple of RVs: coefficient of their joint entropy}."""
        raise NotImplementedError

    def nats(self) -> engine.Evaluation:
        return engine.entropy_combination(self.entropy_terms())


class Entropy(_EntropyCombination):
    """Entropy H(X) (differential entropy for densities), joint entropy H(X, Y, ...).

    >>> from sympy.stats import Bernoulli, DiscreteUniform
    >>> X = DiscreteUniform("X", [1, 2, 3, 4])
    >>> Entropy(X), Entropy(X).doit(), Entropy(X, base=2).doit()
    (H(X), log(4), 2)
    >>> p = sp.Symbol("p", positive=True)
    >>> sp.latex(Entropy(Bernoulli("B", p)))
    'H(B)'
    """

    def __new__(cls, *rvs: object, base: object = sp.E) -> Entropy:
        if cls._stored(rvs):
            rvs, base = rvs[:-1], rvs[-1]
        group = rv_group(tuple(a for r in rvs for a in (r if isinstance(r, (tuple, list, sp.Tuple))
                                                         else (r,))))
        base = base if isinstance(base, LogBase) else LogBase(base)
        return super().__new__(cls, group, base)

    @property
    def rvs(self) -> tuple:
        return tuple(self.args[0])

    def entropy_terms(self) -> dict[tuple, sp.Expr]:
        return {self.rvs: sp.S.One}

    def _sympystr(self, printer) -> str:
        return f"H({self._group_str(printer, self.args[0])}{self._base_suffix(printer)})"

    def _latex(self, printer) -> str:
        return self._latex_measure(printer, "H", self._group_str(printer, self.args[0]))


engine.UNEVALUATED_ENTROPY = Entropy  # what the engine answers without a closed form


class ConditionalEntropy(_EntropyCombination):
    r"""Conditional entropy H(X | Y) = H(X, Y) − H(Y); ``given`` may be a tuple.

    >>> from symbinfo import FiniteJointRV
    >>> half, quarter = sp.Rational(1, 2), sp.Rational(1, 4)
    >>> X, Y = FiniteJointRV("X Y", [[half, 0], [quarter, quarter]])
    >>> ConditionalEntropy(X, given=Y).doit()
    -log(2)/2 + 3*log(3)/4
    >>> sp.latex(ConditionalEntropy(X, given=Y))
    'H(X \\mid Y)'
    """

    def __new__(cls, *rvs: object, given: object = None, base: object = sp.E) -> ConditionalEntropy:
        if cls._stored(rvs):
            return super().__new__(cls, *rvs)
        if given is None:
            raise UnsupportedInputError("ConditionalEntropy needs given=...; use Entropy for H(X)")
        base = base if isinstance(base, LogBase) else LogBase(base)
        return super().__new__(cls, rv_group(_flatten(rvs)), rv_group(given), base)

    @property
    def rvs(self) -> tuple:
        return tuple(self.args[0])

    @property
    def given(self) -> tuple:
        return tuple(self.args[1])

    def entropy_terms(self) -> dict[tuple, sp.Expr]:
        both = _union(self.args[0], self.args[1])
        return _add_terms({both: 1}, {self.given: -1})

    def _sympystr(self, printer) -> str:
        return (f"H({self._group_str(printer, self.args[0])} | "
                f"{self._group_str(printer, self.args[1])}{self._base_suffix(printer)})")

    def _latex(self, printer) -> str:
        return self._latex_measure(printer, "H", rf"{self._group_str(printer, self.args[0])} \mid "
                                   rf"{self._group_str(printer, self.args[1])}")


def _flatten(rvs: tuple) -> tuple:
    return tuple(a for r in rvs for a in (r if isinstance(r, (tuple, list, sp.Tuple)) else (r,)))


def _add_terms(*dicts: dict) -> dict[tuple, sp.Expr]:
    out: dict[tuple, sp.Expr] = {}
    for d in dicts:
        for k, c in d.items():
            if not k:
                continue  # H of no variables is 0
            out[k] = sp.Add(out.get(k, sp.S.Zero), c)
    return {k: c for k, c in out.items() if c != 0}


class MutualInformation(_EntropyCombination):
    r"""Mutual information I(X; Y) and conditional mutual information I(X; Y | Z).

    Each side may be a tuple of random variables: ``MutualInformation(X, (Y, Z))`` is I(X; Y, Z).

    >>> from sympy.stats import Die
    >>> X, Y = Die("X", 2), Die("Y", 2)
    >>> MutualInformation(X, X + Y).doit()
    log(2)/2
    >>> sp.latex(MutualInformation(X, Y, given=X + Y))
    'I(X; Y \\mid X + Y)'
    """

    def __new__(cls, first: object, second: object = None, *rest: object,
                given: object = None, base: object = sp.E) -> MutualInformation:
        if cls._stored((first, second, *rest)):
            return super().__new__(cls, first, second, *rest)
        if second is None or rest:
            raise UnsupportedInputError(
                "MutualInformation takes two arguments (each an RV or a tuple of RVs)"
            )
        base = base if isinstance(base, LogBase) else LogBase(base)
        given = sp.Tuple() if given is None else rv_group(given)
        return super().__new__(cls, rv_group(first), rv_group(second), given, base)

    @property
    def first(self) -> tuple:
        return tuple(self.args[0])

    @property
    def second(self) -> tuple:
        return tuple(self.args[1])

    @property
    def given(self) -> tuple:
        return tuple(self.args[2])

    def entropy_terms(self) -> dict[tuple, sp.Expr]:
        a, b, c = self.args[0], self.args[1], self.args[2]
        return _add_terms(
            {_union(a, c): 1}, {_union(b, c): 1}, {_union(a, b, c): -1}, {self.given: -1}
        )

    def _sympystr(self, printer) -> str:
        given = f" | {self._group_str(printer, self.args[2])}" if self.given else ""
        return (f"I({self._group_str(printer, self.args[0])}; "
                f"{self._group_str(printer, self.args[1])}{given}{self._base_suffix(printer)})")

    def _latex(self, printer) -> str:
        given = rf" \mid {self._group_str(printer, self.args[2])}" if self.given else ""
        return self._latex_measure(printer, "I", rf"{self._group_str(printer, self.args[0])}; "
                                   rf"{self._group_str(printer, self.args[1])}{given}")


class _Multivariate(_EntropyCombination):
    """Measures of n ≥ 2 random variables, printed as ``NAME(X; Y; Z)``, optionally conditioned
    on ``given=`` (``NAME(X; Y; Z | W)``): each joint entropy H(T) of the unconditioned measure
    becomes H(T | W) = H(T, W) − H(W)."""

    symbol = ""

    def __new__(cls, *rvs: object, given: object = None, base: object = sp.E):
        if cls._stored(rvs):
            return super().__new__(cls, *rvs)
        if len(rvs) < 2:
            raise UnsupportedInputError(
                f"{cls.__name__} needs at least two random variables (or groups)"
            )
        base = base if isinstance(base, LogBase) else LogBase(base)
        given = sp.Tuple() if given is None else rv_group(given)
        return super().__new__(cls, *(rv_group(r) for r in rvs), given, base)

    @property
    def groups(self) -> tuple[sp.Tuple, ...]:
        return self.args[:-2]

    @property
    def given(self) -> tuple:
        return tuple(self.args[-2])

    def _conditioned(self, terms: dict[tuple, sp.Expr]) -> dict[tuple, sp.Expr]:
        if not self.given:
            return terms
        z = self.given
        return _add_terms(*({_union(k, z): c} for k, c in terms.items()),
                          *({z: -c} for c in terms.values()))

    def _given_str(self, printer, sep: str) -> str:
        return f" {sep} {self._group_str(printer, self.args[-2])}" if self.given else ""

    def _sympystr(self, printer) -> str:
        inner = "; ".join(self._group_str(printer, g) for g in self.groups)
        return f"{self.symbol}({inner}{self._given_str(printer, '|')}{self._base_suffix(printer)})"

    def _latex(self, printer) -> str:
        inner = "; ".join(self._group_str(printer, g) for g in self.groups)
        return self._latex_measure(printer, self.symbol,
                                   inner + self._given_str(printer, r"\mid"))


class TotalCorrelation(_Multivariate):
    """Total correlation (Watanabe 1960) C = Σ H(Xᵢ) − H(X₁, …, Xₙ).

    >>> from symbinfo import FiniteJointRV
    >>> half = sp.Rational(1, 2)
    >>> X, Y, Z = FiniteJointRV("X Y Z", {(0, 0, 0): half, (1, 1, 1): half})
    >>> TotalCorrelation(X, Y, Z).doit()
    2*log(2)
    """

    symbol = "C"

    def entropy_terms(self) -> dict[tuple, sp.Expr]:
        return self._conditioned(_add_terms(*({tuple(g): 1} for g in self.groups),
                                            {_union(*self.groups): -1}))


class DualTotalCorrelation(_Multivariate):
    """Dual total correlation (Han 1978) D = H(X₁, …, Xₙ) − Σ H(Xᵢ | rest).

    >>> from symbinfo import FiniteJointRV
    >>> half = sp.Rational(1, 2)
    >>> X, Y, Z = FiniteJointRV("X Y Z", {(0, 0, 0): half, (1, 1, 1): half})
    >>> DualTotalCorrelation(X, Y, Z).doit()
    log(2)
    """

    symbol = "D"

    def entropy_terms(self) -> dict[tuple, sp.Expr]:
        n = len(self.groups)
        everything = _union(*self.groups)
        rests = [_union(*(g for j, g in enumerate(self.groups) if j != i)) for i in range(n)]
        return self._conditioned(_add_terms({everything: 1 - n}, *({r: 1} for r in rests)))


class CoInformation(_Multivariate):
    """Co-information (Bell 2003) I(X₁; …; Xₙ) = −Σ_{T ≠ ∅} (−1)^|T| H(T).

    Sign convention: for three variables I(X; Y; Z) = I(X; Y) − I(X; Y | Z), positive for
    redundancy, negative for synergy (it is the negative of McGill's interaction information for
    odd n).

    >>> from symbinfo import FiniteJointRV
    >>> q = sp.Rational(1, 4)
    >>> X, Y, Z = FiniteJointRV("X Y Z", {(0, 0, 0): q, (0, 1, 1): q, (1, 0, 1): q, (1, 1, 0): q})
    >>> CoInformation(X, Y, Z).doit()   # XOR: pure synergy
    -log(2)
    """

    symbol = "I"

    def entropy_terms(self) -> dict[tuple, sp.Expr]:
        terms = []
        for r in range(1, len(self.groups) + 1):
            for subset in itertools.combinations(self.groups, r):
                terms.append({_union(*subset): -((-1) ** r)})
        return self._conditioned(_add_terms(*terms))


@guarded
def entropy(*rvs: object, base: object = sp.E) -> sp.Expr:
    """Entropy in closed form: ``Entropy(*rvs, base=base).doit()``.

    >>> from sympy.stats import Binomial
    >>> entropy(Binomial("X", 2, sp.Rational(1, 2)), base=2)
    3/2

    A probability vector (list, tuple or dict, as scipy.stats.entropy takes it) is read as a
    categorical distribution, checked as a PMF:

    >>> entropy([sp.Rational(1, 2), sp.Rational(1, 4), sp.Rational(1, 4)], base=2)
    3/2
    """
    from ..distributions.categorical import categorical, is_probability_vector

    if len(rvs) == 1 and is_probability_vector(rvs[0]):
        rvs = (categorical(rvs[0]),)
    return Entropy(*rvs, base=base).doit()


@guarded
def conditional_entropy(*rvs: object, given: object, base: object = sp.E) -> sp.Expr:
    """H(rvs | given) in closed form.

    >>> from sympy.stats import Die
    >>> X, Y = Die("X", 2), Die("Y", 2)
    >>> conditional_entropy(X, given=X + Y, base=2)
    1/2
    """
    return ConditionalEntropy(*rvs, given=given, base=base).doit()


@guarded
def mutual_information(first: object, second: object, given: object = None,
                       base: object = sp.E) -> sp.Expr:
    """I(first; second | given) in closed form.

    >>> from sympy.stats import Die
    >>> X, Y = Die("X", 2), Die("Y", 2)
    >>> mutual_information(X, Y)
    0
    """
    return MutualInformation(first, second, given=given, base=base).doit()


@guarded
def total_correlation(*rvs: object, given: object = None, base: object = sp.E) -> sp.Expr:
    """Total correlation in closed form; see :class:`TotalCorrelation`.

    >>> from sympy.stats import Die
    >>> X = Die("X", 2)
    >>> total_correlation(X, X, base=2)
    1
    """
    return TotalCorrelation(*rvs, given=given, base=base).doit()


@guarded
def dual_total_correlation(*rvs: object, given: object = None, base: object = sp.E) -> sp.Expr:
    """Dual total correlation in closed form; see :class:`DualTotalCorrelation`.

    >>> from sympy.stats import Die
    >>> X, Y = Die("X", 2), Die("Y", 2)
    >>> dual_total_correlation(X, Y)
    0
    """
    return DualTotalCorrelation(*rvs, given=given, base=base).doit()


@guarded
def co_information(*rvs: object, given: object = None, base: object = sp.E) -> sp.Expr:
    """Co-information in closed form; see :class:`CoInformation` for the sign convention.

    >>> from sympy.stats import Die
    >>> X, Y = Die("X", 2), Die("Y", 2)
    >>> co_information(X, Y, X + Y, base=2)
    -1/2
    """
    return CoInformation(*rvs, given=given, base=base).doit()
