"""The view of one univariate sympy.stats distribution that every layer reads.

:func:`read_univariate` turns a random symbol or distribution into a :class:`UnivariateView`:
density, true support, parameters and their domain, and the family's record
(:mod:`symbinfo.distributions.families`) with its known expectations. SymPy's own declarations
are not trusted blindly: where SymPy 1.14 declares a support wrongly, the record corrects it.

>>> from sympy.stats.crv_types import FrechetDistribution
>>> a, s, m = sp.symbols("a s m", positive=True)
>>> view = read_univariate(FrechetDistribution(a, s, m))
>>> view.support, view.declared_support
(Interval.open(m, oo), Interval(0, oo))
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass

import sympy as sp
from sympy.stats.crv import SingleContinuousDistribution
from sympy.stats.drv import SingleDiscreteDistribution
from sympy.stats.frv import SingleFiniteDistribution
from sympy.stats.rv import Distribution, RandomSymbol

from ..errors import UnsupportedInputError
from .families import Family, Known, family_of


@dataclass(frozen=True)
class UnivariateView:
    """What symbinfo knows about one univariate distribution.

    ``density`` is the pdf (or pmf) as an expression in ``variable``; ``support`` the true
    support (SymPy's declaration corrected by the family record); ``parameters`` maps argument
    names to values; ``domain`` lists the relations the parameters must satisfy; ``record`` is
    the family's :class:`~symbinfo.distributions.families.Family`.
    """

    distribution: Distribution
    variable: sp.Symbol
    support: sp.Set
    declared_support: sp.Set
    parameters: dict
    domain: tuple
    discrete: bool
    record: Family

    @property
    def family(self) -> str:
        return self.record.name

    @functools.cached_property
    def density(self) -> sp.Expr:
        """Built when first asked: reading supports and domains must not evaluate a density
        (SymPy evaluates gamma(10**18) in Gamma's pdf as an exact factorial)."""
        return self.density_at(self.variable)

    @property
    def bounds(self) -> tuple[sp.Expr, sp.Expr]:
        """Lower and upper end of the support (the sum/integration limits)."""
        return self.support.inf, self.support.sup

    def density_at(self, x: sp.Symbol) -> sp.Expr:
        """The density (pmf) as an expression in ``x``, on the support (a Piecewise's branch
        that holds on the whole support is taken alone)."""
        return _density(self.distribution, x, self.support, self.discrete)

    def pieces(self, x: sp.Symbol) -> list | None:
        """The density as [(expression, lo, hi)] pieces SymPy can evaluate, when SymPy's own
        density is a ``Sum`` (UniformSum); ``None`` otherwise."""
        make = self.record.pieces
        return None if make is None else make(self.distribution, x)

    def inside(self, other: UnivariateView) -> sp.Basic:
        """The condition under which this support lies inside ``other``'s (up to end points,
        which carry no mass for a density): ``true``, ``false`` or relations on parameters.

        >>> from sympy.stats.crv_types import UniformDistribution, ExponentialDistribution
        >>> a = sp.Symbol("a", real=True)
        >>> read_univariate(UniformDistribution(a, 2)).inside(
        ...     read_univariate(ExponentialDistribution(1)))
        a >= 0
        """
        if self.discrete != other.discrete:
            return sp.false
        lo, hi = self.bounds
        olo, ohi = other.bounds
        if self.discrete and not (isinstance(self.support, _INTEGER_RUNS)
                                  and isinstance(other.support, _INTEGER_RUNS)):
            found = self.support.is_subset(other.support)
            return (sp.true if found else sp.false) if found is not None else sp.And(
                lo >= olo, hi <= ohi)
        return sp.And(_ge(lo, olo), _ge(ohi, hi))

    def expectation(self, stat: sp.Expr, x: sp.Symbol | None = None) -> Known | None:
        """E[stat(X)] from the family's known expectations, or ``None`` when not known.

        ``stat`` is an expression in ``x`` (default: this view's variable). Recognised: powers
        of x up to 2, log x and its square, log(1 - x), exp(t x) and |x - c|.

        >>> from sympy.stats.crv_types import GammaDistribution
        >>> k, th = sp.symbols("k theta", positive=True)
        >>> v = read_univariate(GammaDistribution(k, th))
        >>> v.expectation(v.variable**2).value
        k**2*theta**2 + k*theta**2
        """
        return _expectation(self, stat, self.variable if x is None else x)


# supports that are runs of consecutive integers: nested exactly when their ends are
_INTEGER_RUNS = (sp.Range, type(sp.S.Naturals), type(sp.S.Naturals0), type(sp.S.Integers))


def _ge(a: sp.Expr, b: sp.Expr) -> sp.Basic:
    """a >= b, decided when SymPy can (oo >= anything, anything >= -oo)."""
    if a == sp.oo or b == -sp.oo or a == b:
        return sp.true
    return sp.Ge(a, b)


def _combine(parts: list[Known | None], value: sp.Expr, nonnegative: bool,
             source: str = "") -> Known | None:
    """A Known built from ``parts``: finite where all are, +oo otherwise for a nonnegative
    statistic (undefined otherwise)."""
    if any(p is None for p in parts):
        return None
    finite = sp.And(*(p.finite for p in parts))
    otherwise = sp.oo if nonnegative else None
    sources = "; ".join(dict.fromkeys(p.source for p in parts if p.source))
    return Known(value, finite, otherwise, source or sources)


def _call(fn, view: UnivariateView, *args) -> Known | None:
    return None if fn is None else fn(view.distribution, *args)


def _expectation(view: UnivariateView, stat: sp.Expr, x: sp.Symbol) -> Known | None:
    ex = view.record.expect
    if x not in stat.free_symbols:
        return Known(stat)
    u = sp.Dummy("u")
    if stat.is_Pow and stat.exp == 2 and stat.base.is_polynomial(x):
        inner = sp.Poly(stat.base, x)
        if inner.degree() == 1 and inner.LC() in (1, -1):  # E[(X - c)^2] = Var X + (E X - c)^2
            mean, var = _call(ex.mean, view), _call(ex.var, view)
            if mean is None or var is None:
                return None
            c = -inner(0) * inner.LC()
            return _combine([mean, var], var.value + (mean.value - c) ** 2, True)
    if stat.is_polynomial(x):
        poly = sp.Poly(stat, x)
        if poly.degree() > 2:
            return None
        mean = _call(ex.mean, view)
        if poly.degree() == 1:
            if mean is None:
                return None
            return Known(poly(mean.value), mean.finite, mean.otherwise, mean.source)
        var = _call(ex.var, view)
        if mean is None or var is None:
            return None
        raw2 = var.value + mean.value**2
        value = sp.Add(*(c * [sp.S.One, mean.value, raw2][n] for (n,), c in poly.terms()))
        lead = poly.LC()
        return _combine([mean, var], value, lead.is_positive is True)
    log_of = stat.xreplace({sp.log(x): u})
    if x not in log_of.free_symbols and log_of.is_polynomial(u):
        poly = sp.Poly(log_of, u)
        elog = _call(ex.elog, view)
        if elog is None or poly.degree() > 2:
            return None
        if poly.degree() == 1:
            return Known(poly(elog.value), elog.finite, elog.otherwise, elog.source)
        varlog = _call(ex.varlog, view)
        if varlog is None:
            return None
        raw2 = varlog.value + elog.value**2
        value = sp.Add(*(c * [sp.S.One, elog.value, raw2][n] for (n,), c in poly.terms()))
        return _combine([elog, varlog], value, poly.LC().is_positive is True)
    if stat == sp.log(1 - x):
        return _call(ex.elog1m, view)
    if isinstance(stat, sp.exp):
        t = sp.simplify(stat.args[0] / x)
        if x not in t.free_symbols:
            return _call(ex.mgf, view, t)
    if isinstance(stat, sp.Abs) and stat.args[0].is_polynomial(x):
        inner = sp.Poly(stat.args[0], x)
        if inner.degree() == 1 and inner.LC() in (1, -1):
            c = -inner(0) * inner.LC()
            mean, lp = _call(ex.mean, view), _call(ex.lower_partial, view, c)
            # E|X - c| = E[X] - c + 2 E[(c - X)+]
            return None if lp is None else _combine(
                [mean, lp], (mean.value - c + 2 * lp.value) if mean else 0, True)
    return None


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
    return family_of(dist).true_support(dist)


def pdf_of(dist: Distribution, x: sp.Expr) -> sp.Expr:
    """SymPy's own density of ``dist`` at ``x`` (its pmf for a discrete or finite one)."""
    if isinstance(dist, SingleFiniteDistribution):
        return dist.pmf(x)
    return dist.pdf(x)


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


def _holds_inside(cond: sp.Basic, x: sp.Symbol, support: sp.Interval) -> bool:
    """Whether ``cond`` (an And of relations in x) provably holds on the interior of
    ``support``: each relation must hold on (lo, oo) or on (-oo, hi), decided by writing
    x = lo + u or x = hi - u with u > 0 (sound for symbolic ends too)."""
    if cond == sp.true:
        return True
    u = sp.Dummy("u", positive=True)
    lo, hi = support.inf, support.sup
    ends = [e for e in (lo + u if lo.is_finite else None, hi - u if hi.is_finite else None) if e]
    atoms = cond.args if isinstance(cond, sp.And) else (cond,)
    return all(isinstance(a, sp.core.relational.Relational)
               and any(a.subs(x, e) == sp.true for e in ends) for a in atoms)


def _on_support(density: sp.Expr, x: sp.Symbol, support: sp.Set) -> sp.Expr:
    """A Piecewise density's branch that holds on the whole interior of the support, if any.

    SymPy writes Uniform, QuadraticU, RaisedCosine and user ``ContinuousRV`` densities as
    Piecewise with a 0 branch outside the support; on the support one branch is the density.
    """
    if not isinstance(density, sp.Piecewise) or not isinstance(support, sp.Interval):
        return density
    # a Piecewise takes its first matching branch, so only the first one can be read alone: a
    # later one (above all a final ``(0, True)``) holds only where the earlier ones do not
    expr, cond = density.args[0]
    if _holds_inside(cond, x, support):
        return expr
    try:
        if cond.as_set().is_superset(sp.Interval.open(support.inf, support.sup)) is True:
            return expr
    except Exception:  # conditions SymPy cannot turn into sets: keep the Piecewise
        return density
    return density


def _density(dist: Distribution, x: sp.Symbol, support: sp.Set, discrete: bool) -> sp.Expr:
    if discrete:
        return pdf_of(dist, x)
    return _on_support(dist.pdf(x), x, support)


def read_univariate(obj: object) -> UnivariateView:
    """Read a univariate sympy.stats RV or distribution into a :class:`UnivariateView` (one
    view per distribution, kept: its density is built once however many measures read it).

    >>> from sympy.stats import Exponential
    >>> lam = sp.Symbol("lambda")  # no assumptions: the domain relation stays visible
    >>> v = read_univariate(Exponential("X", lam))
    >>> v.density, v.support, v.domain
    (lambda*exp(-lambda*x), Interval(0, oo), (lambda > 0,))
    """
    return _read_view(distribution_of(obj))


@functools.lru_cache(maxsize=256)
def _read_view(dist: Distribution) -> UnivariateView:
    discrete = isinstance(dist, SingleDiscreteDistribution | SingleFiniteDistribution)
    if not (discrete or isinstance(dist, SingleContinuousDistribution)):
        raise UnsupportedInputError(
            f"{dist} is not a univariate continuous or discrete sympy.stats distribution"
        )
    record = family_of(dist)
    support = record.true_support(dist)
    declared = dist.set if isinstance(dist.set, sp.Set) else support
    x = _variable(support, discrete)
    return UnivariateView(
        distribution=dist,
        variable=x,
        support=support,
        declared_support=declared,
        parameters=record.parameters(dist),
        domain=record.relations(dist),
        discrete=discrete,
        record=record,
    )


def sample_parameters(
    cls: type, count: int = 3, seed: int = 0, max_tries: int = 10_000
) -> list[dict]:
    """``count`` parameter points (rationals) drawn from the declared domain of ``cls``.

    Positive parameters are drawn from (0, 6], real ones from [-4, 4], integer ones from 1..8;
    points violating a domain relation are rejected.

    >>> from sympy.stats.crv_types import NormalDistribution
    >>> pts = sample_parameters(NormalDistribution, count=2)
    >>> all(p["std"] > 0 for p in pts)
    True
    """
    rng = random.Random(seed)
    record = family_of(cls)
    flags = dict(record.flags)
    out: list[dict] = []
    for _ in range(max_tries):
        point = {}
        for n in record.params:
            if n in flags:
                point[n] = flags[n]
            elif n in record.integer:
                point[n] = sp.Integer(rng.randint(1, 8))
            elif n in record.real:
                point[n] = sp.Rational(rng.randint(-40, 40), 10)
            else:
                point[n] = sp.Rational(rng.randint(2, 60), 10)
        if point not in out and all(bool(r) for r in record.domain(point)):
            out.append(point)
            if len(out) == count:
                return out
    raise RuntimeError(f"could not sample {count} points from the domain of {cls.__name__}")
