"""The distribution view: the one place that reads what the user passed in.

Every public function reads its random-variable and distribution arguments through here. It tells
finite inputs (sympy.stats finite RVs and expressions of them, finite distributions, symbinfo joint
variables) from continuous, infinite discrete and multivariate ones, builds joint probability
tables for finite inputs, and hands everything else on as a sympy.stats distribution.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

import sympy as sp
import sympy.stats.frv_types as frv
from sympy.stats.crv import SingleContinuousDistribution
from sympy.stats.drv import SingleDiscreteDistribution
from sympy.stats.frv import SingleFiniteDistribution
from sympy.stats.frv_types import DiscreteUniformDistribution
from sympy.stats.rv import Distribution, RandomSymbol, random_symbols

from ..errors import (
    InvalidDistributionError,
    MismatchError,
    ResourceLimitError,
    UnsupportedInputError,
)
from ..limits import current_limits
from .continuous import true_support
from .families import family_of
from .joint import JointVariable, check_pmf


class Kind(Enum):
    FINITE = "finite"
    DISCRETE = "discrete"  # countably infinite support
    CONTINUOUS = "continuous"
    #: joint laws read whole (MultivariateNormal and its components, Dirichlet, multivariate t,
    #: Multinomial, and the matrix families Wishart, MatrixGamma, MatrixNormal: their rules
    #: and definitions are in closedforms.multivariate and distributions.joint_families)
    MULTIVARIATE = "multivariate"
    ABSTRACT = "abstract"  # a plain Symbol standing for an unspecified random variable


def _distribution_of_symbol(rv: RandomSymbol) -> Distribution:
    return rv.pspace.distribution


def _random_symbols(obj: sp.Basic) -> list:
    # a bare random symbol is its own list: SymPy's random_symbols would walk its whole
    # probability space (a FiniteRV's table of every outcome), on every call
    return [obj] if isinstance(obj, RandomSymbol) else random_symbols(obj)


def _is_random_expression(obj: object) -> bool:
    return isinstance(obj, sp.Expr) and bool(_random_symbols(obj))


def kind_of(obj: object) -> Kind:
    """Which kind of input ``obj`` is; raises for what symbinfo cannot read.

    >>> from sympy.stats import Die, Normal
    >>> kind_of(Die("D", 6)), kind_of(Normal("N", 0, 1)), kind_of(sp.Symbol("X"))
    (<Kind.FINITE: 'finite'>, <Kind.CONTINUOUS: 'continuous'>, <Kind.ABSTRACT: 'abstract'>)
    >>> from sympy.stats import Multinomial, Wishart
    >>> kind_of(Wishart("W", 3, sp.eye(2))), kind_of(Multinomial("M", 2, [sp.S.Half] * 2))
    (<Kind.MULTIVARIATE: 'multivariate'>, <Kind.MULTIVARIATE: 'multivariate'>)
    """
    if isinstance(obj, Distribution):
        _check_arity(obj)
    if isinstance(obj, SingleFiniteDistribution) and obj.is_symbolic:
        return Kind.DISCRETE  # e.g. Binomial with a symbolic n: no table to enumerate
    if isinstance(obj, (JointVariable, SingleFiniteDistribution)):
        return Kind.FINITE
    if isinstance(obj, SingleContinuousDistribution):
        return Kind.CONTINUOUS
    if isinstance(obj, SingleDiscreteDistribution):
        return Kind.DISCRETE
    if isinstance(obj, Distribution):
        return Kind.MULTIVARIATE
    if isinstance(obj, sp.Symbol) and not isinstance(obj, RandomSymbol):
        return Kind.ABSTRACT
    if _is_random_expression(obj):
        kinds = set()
        for rv in _random_symbols(obj):
            dist = _distribution_of_symbol(rv)
            if isinstance(dist, SingleFiniteDistribution):
                kinds.add(kind_of(dist))
            elif rv.pspace.is_Finite:
                kinds.add(Kind.FINITE)
            elif isinstance(dist, SingleContinuousDistribution):
                kinds.add(Kind.CONTINUOUS)
            elif isinstance(dist, SingleDiscreteDistribution):
                kinds.add(Kind.DISCRETE)
            else:
                kinds.add(Kind.MULTIVARIATE)
        if len(kinds) == 1:
            return kinds.pop()
        raise UnsupportedInputError(f"{obj} mixes random variables of different kinds")
    raise UnsupportedInputError(
        f"cannot read {obj!r} ({type(obj).__name__}) as a random variable or distribution; "
        "pass a sympy.stats random variable or distribution, or a symbinfo FiniteJointRV"
    )


def _check_arity(dist: Distribution) -> None:
    """A distribution built directly from its class with fewer arguments than the class declares
    (``BinomialDistribution(n, p)``: no success/failure labels) breaks SymPy's own methods."""
    params = family_of(dist).params
    if params and len(dist.args) != len(params):
        name = type(dist).__name__
        raise InvalidDistributionError(
            f"{name} takes {len(params)} arguments ({', '.join(params)}), not "
            f"{len(dist.args)}: build it with sympy.stats' constructor "
            f"({name.removesuffix('Distribution')}(...)), which fills in the rest")


def common_kind(objs: Sequence[object]) -> Kind:
    kinds = {kind_of(o) for o in objs}
    if len(kinds) == 1:
        return kinds.pop()
    if Kind.ABSTRACT in kinds:
        return Kind.ABSTRACT
    if kinds <= {Kind.CONTINUOUS, Kind.MULTIVARIATE}:
        return Kind.MULTIVARIATE
    raise MismatchError(f"cannot combine inputs of kinds {sorted(k.value for k in kinds)}: {objs}")


@dataclass(frozen=True)
class FiniteJoint:
    """A finite joint pmf over ``len(atoms)`` variables: outcome tuple → probability."""

    atoms: tuple
    pmf: dict

    def marginal(self, indices: Sequence[int]) -> dict[tuple, sp.Expr]:
        """Pmf of the variables at ``indices`` (terms that are exactly 0 dropped)."""
        out: dict[tuple, sp.Expr] = {}
        for outcome, p in self.pmf.items():
            if p == 0:
                continue
            key = tuple(outcome[i] for i in indices)
            out[key] = out[key] + p if key in out else p
        return out

    def index(self, atom: object) -> int:
        return self.atoms.index(atom)


#: How many outcomes SymPy's finite families list, from their parameters (without listing them).
_OUTCOMES = {
    frv.DieDistribution: lambda d: d.sides,
    frv.BinomialDistribution: lambda d: d.n + 1,
    frv.BetaBinomialDistribution: lambda d: d.n + 1,
    frv.HypergeometricDistribution: lambda d: sp.Min(d.n, d.m) + 1,
    frv.IdealSolitonDistribution: lambda d: d.k,
    frv.RobustSolitonDistribution: lambda d: d.k,
    frv.DiscreteUniformDistribution: lambda d: len(d.args),
    frv.FiniteDistributionHandmade: lambda d: len(d.args[0]),
}


def outcome_count(dist: SingleFiniteDistribution) -> sp.Expr:
    """How many outcomes ``dist`` lists, found from its parameters (an upper bound).

    A family without an entry is bounded by its largest integer parameter (every finite family
    of SymPy with more than two outcomes has one that counts them) or by 2.

    >>> outcome_count(frv.DieDistribution(10**100)) == 10**100
    True
    """
    for cls in type(dist).__mro__:
        if cls in _OUTCOMES:
            return sp.Integer(_OUTCOMES[cls](dist))
    counts = [a + 1 for a in dist.args if isinstance(a, sp.Integer)]
    return max([sp.Integer(2), *counts])


def check_outcomes(count: int, what: object) -> None:
    """Refuse to list more than ``current_limits().finite_outcomes`` outcomes of ``what``."""
    limit = current_limits().finite_outcomes
    if count > limit:
        shown = str(what) if len(str(what)) <= 80 else str(what)[:77] + "..."
        raise ResourceLimitError(
            f"{shown} has {_count_text(count)} outcomes; symbinfo lists at most {limit} "
            "(limit finite_outcomes: raise it with symbinfo.using_limits(finite_outcomes=...))"
        )


def _count_text(count: int) -> str:
    return str(count) if count < 10**12 else f"about 10**{int(math.log10(count))}"


def _joint_of_table_variables(atoms: Sequence[JointVariable]) -> FiniteJoint:
    tables = {a.table for a in atoms}
    if len(tables) > 1:
        raise MismatchError(
            f"{list(atoms)} belong to different FiniteJointRV tables; build them as one table"
        )
    table = tables.pop()
    check_outcomes(len(table.pmf), f"the table of {', '.join(map(str, atoms))}")
    positions = [a.index for a in atoms]
    pmf: dict[tuple, sp.Expr] = {}
    for outcome, p in table.pmf.items():
        key = tuple(outcome[i] for i in positions)
        pmf[key] = pmf[key] + p if key in pmf else p
    return FiniteJoint(tuple(atoms), pmf)


def _joint_of_sympy_expressions(atoms: Sequence[sp.Expr]) -> FiniteJoint:
    # sympy.stats treats random symbols of different probability spaces as independent; enumerate
    # the product of their pmfs and push every outcome through the expressions.
    symbols = sorted(set().union(*(random_symbols(a) for a in atoms)), key=sp.default_sort_key)
    count = math.prod(int(outcome_count(_distribution_of_symbol(s))) for s in symbols)
    check_outcomes(count, ", ".join(map(str, atoms)) if len(symbols) == 1 else
                   f"the joint distribution of {', '.join(map(str, symbols))}")  # before listing
    pmfs = [distribution_pmf(_distribution_of_symbol(s), f"the distribution of {s}")
            for s in symbols]
    pmf: dict[tuple, sp.Expr] = {}
    for combo in itertools.product(*(list(d.items()) for d in pmfs)):
        values = dict(zip(symbols, (v for v, _ in combo), strict=True))
        prob = sp.Mul(*(p for _, p in combo))
        key = tuple(a.xreplace(values) for a in atoms)
        pmf[key] = pmf[key] + prob if key in pmf else prob
    return FiniteJoint(tuple(atoms), pmf)


def distribution_pmf(dist: Distribution, what: str | None = None) -> dict:
    """The pmf of a sympy.stats finite distribution, validated (:func:`~.joint.check_pmf`): the
    door through which every ``FiniteRV``, ``Die``, ``Binomial``... reaches a measure.

    ``DiscreteUniform`` items are read as a multiset, each value weighted by its count: SymPy's
    ``DiscreteUniform("D", [1, 1, 2])`` refuses repeated items, but its distribution object
    (``DiscreteUniformDistribution(1, 1, 2)``) gives each distinct value 1/3, summing to 2/3;
    the multiset means P(1) = 2/3, P(2) = 1/3, as SymPy's own error message suggests.

    >>> from sympy.stats.frv_types import DiscreteUniformDistribution
    >>> distribution_pmf(DiscreteUniformDistribution(1, 1, 2))
    {1: 2/3, 2: 1/3}
    >>> from sympy.stats import FiniteRV
    >>> B = FiniteRV("B", {0: sp.Rational(3, 2), 1: -sp.Rational(1, 2)})
    >>> distribution_pmf(B.pspace.distribution, "the distribution of B")
    Traceback (most recent call last):
    ...
    symbinfo.errors.InvalidDistributionError: the distribution of B: probability of outcome 0 \
exceeds 1: 3/2
    """
    if isinstance(dist, DiscreteUniformDistribution):
        counts = Counter(dist.args)
        pmf = {x: sp.Rational(counts[x], len(dist.args)) for x in dist.set}
    else:
        pmf = dict(dist.dict)
    check_pmf(pmf, what or f"the distribution {dist}")
    return pmf


def finite_joint(atoms: Sequence[object]) -> FiniteJoint:
    """The joint pmf of finite random variables (table variables or sympy.stats expressions).

    >>> from sympy.stats import Die
    >>> X, Y = Die("X", 2), Die("Y", 2)
    >>> finite_joint([X, X + Y]).pmf
    {(1, 2): 1/4, (1, 3): 1/4, (2, 3): 1/4, (2, 4): 1/4}
    """
    atoms = tuple(atoms)
    if all(isinstance(a, JointVariable) for a in atoms):
        return _joint_of_table_variables(atoms)
    if any(isinstance(a, JointVariable) for a in atoms):
        raise MismatchError(
            f"cannot combine FiniteJointRV variables with sympy.stats ones: {atoms}"
        )
    if any(isinstance(a, SingleFiniteDistribution) for a in atoms):
        if len(atoms) > 1:
            raise MismatchError(
                f"a joint quantity needs random variables, not bare distributions: {atoms}"
            )
        check_outcomes(int(outcome_count(atoms[0])), atoms[0])
        return FiniteJoint(atoms, {(k,): v for k, v in distribution_pmf(atoms[0]).items()})
    return _joint_of_sympy_expressions(atoms)


def finite_pmf(obj: object) -> dict:
    """The pmf of one finite input, outcome → probability, validated.

    >>> from sympy.stats import Bernoulli
    >>> p = sp.Symbol("p", positive=True)
    >>> finite_pmf(Bernoulli("B", p))
    {0: 1 - p, 1: p}
    """
    joint = finite_joint([obj])  # validated where it was read
    return {k[0]: v for k, v in joint.pmf.items()}


def distribution(obj: object) -> Distribution:
    """The sympy.stats distribution of a single (non-finite) random variable or distribution."""
    if isinstance(obj, Distribution):
        return obj
    if isinstance(obj, RandomSymbol):
        return _distribution_of_symbol(obj)
    if _is_random_expression(obj):
        from .transformed import read_function  # the law of a function of random variables

        return read_function(obj)
    raise UnsupportedInputError(f"cannot read {obj!r} as a random variable or distribution")


def support(obj: object) -> sp.Set:
    """The set of values a random variable or distribution takes (with positive mass/density).

    >>> from sympy.stats import Die, Exponential
    >>> support(Die("D", 3)), support(Exponential("E", 1))
    ({1, 2, 3}, Interval(0, oo))
    """
    if kind_of(obj) is Kind.FINITE:
        return sp.FiniteSet(*(x for x, w in finite_pmf(obj).items() if w != 0))
    return true_support(distribution(obj))
