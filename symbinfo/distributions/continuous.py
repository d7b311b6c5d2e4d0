"""Reading a univariate sympy.stats distribution: density, true support, parameters, domain.

This is the one place that knows how a continuous (or countably infinite discrete) sympy.stats
distribution is laid out. SymPy's own declarations are not trusted blindly: SymPy 1.14 declares
some supports wrongly, and those are corrected in :data:`SUPPORT_FIXES`, one declarative table
(each entry checked against the pdf in the test suite: the density integrates to 1 over the
corrected support and not over SymPy's).

Parameter domains come from :data:`PARAMETER_DOMAINS`, transcribed from each family's ``check``
(and from its documentation where ``check`` is silent), as SymPy relations on the parameters.

>>> from sympy.stats.crv_types import FrechetDistribution
>>> a, s, m = sp.symbols("a s m", positive=True)
>>> view = read_univariate(FrechetDistribution(a, s, m))
>>> view.support, view.declared_support
(Interval.open(m, oo), Interval(0, oo))
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp
import sympy.stats.crv_types as crv
import sympy.stats.drv_types as drv
from sympy.stats.crv import SingleContinuousDistribution
from sympy.stats.drv import SingleDiscreteDistribution
from sympy.stats.frv_types import BinomialDistribution
from sympy.stats.rv import Distribution, RandomSymbol

from ..errors import UnsupportedInputError

oo = sp.oo

# Supports SymPy 1.14 gets wrong, as functions of the distribution (why, per entry):
SUPPORT_FIXES: dict[type, Callable[[Distribution], sp.Set]] = {
    # pdf is a function of (x - m); SymPy's set ignores the location m.
    crv.FrechetDistribution: lambda d: sp.Interval.open(d.m, oo),
    # pdf a*b*x**(a-1)*(1-x**a)**(b-1) lives on [0, 1]; SymPy says [0, oo).
    crv.KumaraswamyDistribution: lambda d: sp.Interval(0, 1),
    # pdf is a function of (x - mu) with exp(b/(x - mu)); SymPy's set ignores the location mu.
    crv.DavisDistribution: lambda d: sp.Interval.open(d.mu, oo),
    # a finite family, read here only when its number of trials n is symbolic.
    BinomialDistribution: lambda d: sp.Range(0, d.n + 1),
}


def _pos(*names: str) -> Callable[[dict], list]:
    return lambda p: [p[n] > 0 for n in names]


# Parameter domain per family: relations that must hold (from each class's ``check``/docs).
# ``INTEGER_PARAMETERS`` lists those SymPy requires to be integers.
PARAMETER_DOMAINS: dict[type, Callable[[dict], list]] = {
    crv.ArcsinDistribution: lambda p: [p["a"] < p["b"]],
    crv.BeniniDistribution: _pos("alpha", "beta", "sigma"),
    crv.BetaDistribution: _pos("alpha", "beta"),
    crv.BetaNoncentralDistribution: lambda p: [p["alpha"] > 0, p["beta"] > 0, p["lamda"] >= 0],
    crv.BetaPrimeDistribution: _pos("alpha", "beta"),
    crv.BoundedParetoDistribution: lambda p: [
        p["alpha"] > 0, p["left"] > 0, p["right"] > p["left"]
    ],
    crv.CauchyDistribution: _pos("gamma"),
    crv.ChiDistribution: _pos("k"),
    crv.ChiNoncentralDistribution: _pos("k", "l"),
    crv.ChiSquaredDistribution: _pos("k"),
    crv.DagumDistribution: _pos("p", "a", "b"),
    crv.DavisDistribution: lambda p: [p["b"] > 0, p["n"] > 1, p["mu"] > 0],
    crv.ExGaussianDistribution: _pos("std", "rate"),
    crv.ExponentialDistribution: _pos("rate"),
    crv.ExponentialPowerDistribution: _pos("alpha", "beta"),
    crv.FDistributionDistribution: _pos("d1", "d2"),
    crv.FisherZDistribution: _pos("d1", "d2"),
    crv.FrechetDistribution: _pos("a", "s"),
    crv.GammaDistribution: _pos("k", "theta"),
    crv.GammaInverseDistribution: _pos("a", "b"),
    crv.GaussianInverseDistribution: _pos("mean", "shape"),
    crv.GompertzDistribution: _pos("b", "eta"),
    crv.GumbelDistribution: _pos("beta"),
    crv.KumaraswamyDistribution: _pos("a", "b"),
    crv.LaplaceDistribution: _pos("b"),
    crv.LevyDistribution: _pos("c"),
    crv.LogCauchyDistribution: _pos("sigma"),
    crv.LogisticDistribution: _pos("s"),
    crv.LogLogisticDistribution: _pos("alpha", "beta"),
    crv.LogitNormalDistribution: _pos("s"),
    crv.LogNormalDistribution: _pos("std"),
    crv.LomaxDistribution: _pos("alpha", "lamda"),
    crv.MaxwellDistribution: _pos("a"),
    crv.MoyalDistribution: _pos("sigma"),
    crv.NakagamiDistribution: lambda p: [p["mu"] >= sp.S.Half, p["omega"] > 0],
    crv.NormalDistribution: _pos("std"),
    crv.ParetoDistribution: _pos("xm", "alpha"),
    crv.PowerFunctionDistribution: lambda p: [p["alpha"] > 0, p["a"] < p["b"]],
    crv.QuadraticUDistribution: lambda p: [p["a"] < p["b"]],
    crv.RaisedCosineDistribution: _pos("s"),
    crv.RayleighDistribution: _pos("sigma"),
    crv.ReciprocalDistribution: lambda p: [p["a"] > 0, p["a"] < p["b"]],
    crv.ShiftedGompertzDistribution: _pos("b", "eta"),
    crv.StudentTDistribution: _pos("nu"),
    crv.TrapezoidalDistribution: lambda p: [
        p["a"] <= p["b"], p["b"] < p["c"], p["c"] <= p["d"], p["a"] < p["d"]
    ],
    crv.TriangularDistribution: lambda p: [p["a"] < p["b"], p["a"] <= p["c"], p["c"] <= p["b"]],
    crv.UniformDistribution: lambda p: [p["left"] < p["right"]],
    crv.UniformSumDistribution: _pos("n"),
    crv.VonMisesDistribution: _pos("k"),
    crv.WeibullDistribution: _pos("alpha", "beta"),
    crv.WignerSemicircleDistribution: _pos("R"),
    drv.FlorySchulzDistribution: lambda p: [p["a"] > 0, p["a"] < 1],
    drv.GeometricDistribution: lambda p: [p["p"] > 0, p["p"] <= 1],
    drv.HermiteDistribution: _pos("a1", "a2"),
    drv.LogarithmicDistribution: lambda p: [p["p"] > 0, p["p"] < 1],
    drv.NegativeBinomialDistribution: lambda p: [p["r"] > 0, p["p"] > 0, p["p"] < 1],
    drv.PoissonDistribution: _pos("lamda"),
    drv.SkellamDistribution: _pos("mu1", "mu2"),
    drv.YuleSimonDistribution: _pos("rho"),
    drv.ZetaDistribution: lambda p: [p["s"] > 1],
    BinomialDistribution: lambda p: [p["n"] >= 0, p["p"] >= 0, p["p"] <= 1],
}

INTEGER_PARAMETERS: dict[type, tuple[str, ...]] = {
    crv.ChiDistribution: ("k",),
    crv.ChiNoncentralDistribution: ("k",),
    crv.ChiSquaredDistribution: ("k",),
    crv.FDistributionDistribution: ("d1", "d2"),
    crv.UniformSumDistribution: ("n",),
    BinomialDistribution: ("n",),
}

# Parameters that may be any real number (the others of a family are positive unless the
# domain relations say otherwise); used to sample points from the declared domain.
REAL_PARAMETERS: dict[type, tuple[str, ...]] = {
    crv.ArcsinDistribution: ("a", "b"),
    crv.CauchyDistribution: ("x0",),
    crv.ExGaussianDistribution: ("mean",),
    crv.ExponentialPowerDistribution: ("mu",),
    crv.FrechetDistribution: ("m",),
    crv.GumbelDistribution: ("mu",),
    crv.LaplaceDistribution: ("mu",),
    crv.LevyDistribution: ("mu",),
    crv.LogCauchyDistribution: ("mu",),
    crv.LogisticDistribution: ("mu",),
    crv.LogitNormalDistribution: ("mu",),
    crv.LogNormalDistribution: ("mean",),
    crv.MoyalDistribution: ("mu",),
    crv.NormalDistribution: ("mean",),
    crv.PowerFunctionDistribution: ("a", "b"),
    crv.QuadraticUDistribution: ("a", "b"),
    crv.RaisedCosineDistribution: ("mu",),
    crv.TrapezoidalDistribution: ("a", "b", "c", "d"),
    crv.TriangularDistribution: ("a", "b", "c"),
    crv.UniformDistribution: ("left", "right"),
    crv.VonMisesDistribution: ("mu",),
}


@dataclass(frozen=True)
class UnivariateView:
    """What symbinfo knows about one univariate distribution.

    ``density`` is the pdf (or pmf) as an expression in ``variable``; ``support`` the true
    support (SymPy's declaration corrected by :data:`SUPPORT_FIXES`); ``parameters`` maps
    argument names to values; ``domain`` lists the relations the parameters must satisfy.
    """

    distribution: Distribution
    variable: sp.Symbol
    density: sp.Expr
    support: sp.Set
    declared_support: sp.Set
    parameters: dict
    domain: tuple
    discrete: bool

    @property
    def family(self) -> str:
        name = type(self.distribution).__name__
        return name[: -len("Distribution")] if name.endswith("Distribution") else name

    @property
    def bounds(self) -> tuple[sp.Expr, sp.Expr]:
        """Lower and upper end of the support (the sum/integration limits)."""
        s = self.support
        if isinstance(s, sp.Range):
            return s.inf, s.sup
        return s.inf, s.sup


def distribution_of(obj: object) -> Distribution:
    """The sympy.stats distribution behind a random symbol (or the distribution itself)."""
    if isinstance(obj, RandomSymbol):
        return obj.pspace.distribution
    if isinstance(obj, Distribution):
        return obj
    raise UnsupportedInputError(
        f"cannot read {obj!r} ({type(obj).__name__}) as a univariate distribution"
    )


def true_support(dist: Distribution) -> sp.Set:
    """The support of ``dist``, with SymPy's known-wrong declarations corrected.

    >>> from sympy.stats.crv_types import KumaraswamyDistribution
    >>> true_support(KumaraswamyDistribution(2, 3))
    Interval(0, 1)
    """
    for cls in type(dist).__mro__:
        if cls in SUPPORT_FIXES:
            return SUPPORT_FIXES[cls](dist)
    return dist.set


def parameters(dist: Distribution) -> dict:
    """Argument name → value, in SymPy's own parameterisation (``_argnames`` order)."""
    names = getattr(type(dist), "_argnames", None)
    if names is None:  # a user's ContinuousRV: its parameters are the pdf's free symbols
        return {}
    return dict(zip(names, dist.args, strict=False))


def parameter_domain(dist: Distribution) -> tuple:
    """The relations the parameters of ``dist`` must satisfy (empty when unknown)."""
    params = parameters(dist)
    for cls in type(dist).__mro__:
        if cls in PARAMETER_DOMAINS:
            return tuple(PARAMETER_DOMAINS[cls](params))
    return ()


def _variable(support: sp.Set, discrete: bool) -> sp.Symbol:
    # Assumptions on the variable let expand_log split log(x**a) and log(x*y) soundly.
    if discrete:
        nonneg = support.inf.is_nonnegative
        return sp.Symbol("k", integer=True, nonnegative=True) if nonneg else sp.Symbol(
            "k", integer=True
        )
    if support.inf.is_nonnegative:
        return sp.Symbol("x", positive=True)
    return sp.Symbol("x", real=True)


def _on_support(density: sp.Expr, x: sp.Symbol, support: sp.Set) -> sp.Expr:
    """A Piecewise density's branch that holds on the whole interior of the support, if any.

    SymPy writes Uniform, QuadraticU, RaisedCosine and user ``ContinuousRV`` densities as
    Piecewise with a 0 branch outside the support; on the support one branch is the density.
    """
    if not isinstance(density, sp.Piecewise) or not isinstance(support, sp.Interval):
        return density
    interior = sp.Interval.open(support.inf, support.sup)
    for expr, cond in density.args:
        if cond == sp.true:
            return expr
        try:
            if cond.as_set().is_superset(interior) is True:
                return expr
        except Exception:  # conditions SymPy cannot turn into sets: keep the Piecewise
            return density
    return density


def read_univariate(obj: object) -> UnivariateView:
    """Read a univariate sympy.stats RV or distribution into a :class:`UnivariateView`.

    >>> from sympy.stats import Exponential
    >>> lam = sp.Symbol("lambda")  # no assumptions: the domain relation stays visible
    >>> v = read_univariate(Exponential("X", lam))
    >>> v.density, v.support, v.domain
    (lambda*exp(-lambda*x), Interval(0, oo), (lambda > 0,))
    """
    dist = distribution_of(obj)
    discrete = isinstance(dist, SingleDiscreteDistribution | BinomialDistribution)
    if not (discrete or isinstance(dist, SingleContinuousDistribution)):
        raise UnsupportedInputError(
            f"{dist} is not a univariate continuous or discrete sympy.stats distribution"
        )
    support = true_support(dist)
    declared = dist.set if not isinstance(dist, BinomialDistribution) else support
    x = _variable(support, discrete)
    density = dist.pmf(x) if isinstance(dist, BinomialDistribution) else dist.pdf(x)
    if not discrete:
        density = _on_support(density, x, support)
    return UnivariateView(
        distribution=dist,
        variable=x,
        density=density,
        support=support,
        declared_support=declared,
        parameters=parameters(dist),
        domain=parameter_domain(dist),
        discrete=discrete,
    )


def sample_parameters(
    cls: type, count: int = 3, seed: int = 0, max_tries: int = 10_000
) -> list[dict]:
    """``count`` parameter points (rationals) drawn from the declared domain of ``cls``.

    Positive parameters are drawn from (0, 6], real ones from [-4, 4], integer ones from 1..8;
    points violating a domain relation are rejected.

    >>> pts = sample_parameters(crv.NormalDistribution, count=2)
    >>> all(p["std"] > 0 for p in pts)
    True
    """
    rng = random.Random(seed)
    names = cls._argnames
    ints = INTEGER_PARAMETERS.get(cls, ())
    reals = REAL_PARAMETERS.get(cls, ())
    out: list[dict] = []
    for _ in range(max_tries):
        point = {}
        for n in names:
            if n in ints:
                point[n] = sp.Integer(rng.randint(1, 8))
            elif n in reals:
                point[n] = sp.Rational(rng.randint(-40, 40), 10)
            else:
                point[n] = sp.Rational(rng.randint(2, 60), 10)
        if cls is crv.GumbelDistribution:
            point["minimum"] = sp.false
        if point not in out and all(bool(r) for r in PARAMETER_DOMAINS[cls](point)):
            out.append(point)
            if len(out) == count:
                return out
    raise RuntimeError(f"could not sample {count} points from the domain of {cls.__name__}")
