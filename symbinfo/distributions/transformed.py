"""Functions of random variables read as distributions: affine and monotone maps of one
variable, sums of independent variables.

:func:`read_function` turns a sympy.stats expression such as ``2*X + 3``, ``exp(X)`` or
``X + Y`` (independent X, Y) into a sympy.stats distribution:

- a **named family** when the law is one: an affine map of a location/scale family stays in the
  family, ``exp`` of a Normal is a LogNormal (the family records' :class:`Pushforward` entries,
  read both ways: ``log`` of a LogNormal is a Normal), the probability integral transform F(X)
  is Uniform(0, 1), and sums that stay in a family (the records' ``convolve``) are that family;
- otherwise a :class:`PushforwardDistribution` (law of g(X) for a strictly monotone
  differentiable g, density by change of variables) or a :class:`ConvolutionDistribution` (law of
  X + Y, density the convolution integral, closed when SymPy closes it within the budget).

Nothing here refuses a function whose density can be written by these two rules.

>>> import sympy as sp
>>> from sympy.stats import Normal, Exponential
>>> mu = sp.Symbol("mu", real=True); s = sp.Symbol("s", positive=True)
>>> X = Normal("X", mu, s)
>>> read_function(2 * X + 3), read_function(sp.exp(X))
(NormalDistribution(2*mu + 3, 2*s), LogNormalDistribution(mu, s))
>>> lam = sp.Symbol("lambda", positive=True)
>>> read_function(Exponential("E1", lam) + Exponential("E2", lam))
GammaDistribution(2, 1/lambda)
"""

from __future__ import annotations

import functools
import itertools

import sympy as sp
from sympy.stats.crv import SingleContinuousDistribution
from sympy.stats.crv_types import UniformDistribution
from sympy.stats.drv import SingleDiscreteDistribution
from sympy.stats.frv import SingleFiniteDistribution
from sympy.stats.rv import Distribution, RandomSymbol, random_symbols

from ..derivation.budget import call_within, integrate_within
from ..errors import UnsupportedInputError
from .continuous import read_univariate
from .families import FAMILIES, family_of

_x = sp.Dummy("x", real=True)


def _shown(expr: object) -> str:
    text = str(expr)
    return text if len(text) <= 80 else text[:77] + "..."


class PushforwardDistribution(SingleContinuousDistribution):
    """The law of g(X) for X ~ ``base`` and g strictly monotone and differentiable on X's
    support: density f_X(g⁻¹(y)) |(g⁻¹)′(y)| on the image of the support.

    ``g`` and ``inverse`` are one-argument ``Lambda``s.

    >>> from sympy.stats.crv_types import ExponentialDistribution
    >>> t = sp.Dummy("t")
    >>> P = PushforwardDistribution(ExponentialDistribution(1), sp.Lambda(t, sp.exp(t)),
    ...                             sp.Lambda(t, sp.log(t)))
    >>> P.set, P.pdf(sp.Symbol("y", positive=True))
    (Interval(1, oo), y**(-2))
    """

    _argnames = ("base", "g", "inverse")

    @property
    def direction(self) -> int:
        """+1 for an increasing g, -1 for a decreasing one, 0 for a line of unknown sign."""
        t = self.g.variables[0]
        return _monotone(self.g.expr, t, read_univariate(self.base).support) or 0

    @property
    def increasing(self) -> bool:
        return self.direction > 0

    @property
    def set(self) -> sp.Set:
        lo, hi = read_univariate(self.base).bounds
        ends = [_end(self.g, lo, +1), _end(self.g, hi, -1)]
        if self.direction == 0:  # a x + b with the sign of a unknown
            if lo == -sp.oo and hi == sp.oo:
                return sp.Reals
            if lo.is_infinite or hi.is_infinite:
                raise UnsupportedInputError(
                    f"the sign of the slope of {self.g.expr} decides where its values lie; "
                    "declare the coefficient positive or negative")
            return sp.Interval(sp.Min(*ends), sp.Max(*ends))
        a, b = ends if self.increasing else ends[::-1]
        return sp.Interval(a, b)

    def pdf(self, y: sp.Expr) -> sp.Expr:
        view = read_univariate(self.base)
        t = sp.Dummy("t", real=True)
        back = self.inverse.expr.subs(self.inverse.variables[0], t)
        slope = sp.diff(back, t)
        slope = {1: slope, -1: -slope}.get(self.direction, sp.Abs(slope))
        return (view.density_at(back) * slope).subs(t, y)


def _end(g: sp.Lambda, end: sp.Expr, side: int) -> sp.Expr:
    """g at an end of the support (its one-sided limit at an infinite end)."""
    if end.is_finite:
        value = g(end)
        if not value.has(sp.zoo, sp.nan):
            return value
    return sp.limit(g.expr, g.variables[0], end, "-" if side < 0 else "+")


def _monotone(g: sp.Expr, x: sp.Symbol, support: sp.Set) -> int | None:
    """+1 (increasing), -1 (decreasing) on ``support``; ``None`` for a line a x + b whose
    slope's sign is unknown; 0 when monotonicity cannot be shown."""
    if support.inf.is_nonnegative:  # read the slope's sign where x lives
        pos = sp.Dummy("x", positive=True)
        g, x = g.subs(x, pos), pos
    slope = sp.diff(g, x)
    if slope.is_zero:
        return 0
    if slope.is_positive:
        return 1
    if slope.is_negative:
        return -1
    if not slope.has(x):
        return None
    interval = sp.Interval(*(support.inf, support.sup))

    def decide() -> int:
        if sp.is_increasing(g, interval, x):
            return 1
        if sp.is_decreasing(g, interval, x):
            return -1
        return 0

    return call_within(decide) or 0


class DiscretePushforwardDistribution(SingleDiscreteDistribution):
    """The law of g(X) for a discrete X ~ ``base`` and g strictly monotone on its support
    (so injective): pmf p_X(g⁻¹(y)) on the image of the support, and H(g(X)) = H(X).

    >>> from sympy.stats.drv_types import PoissonDistribution
    >>> t = sp.Dummy("t")
    >>> D = DiscretePushforwardDistribution(PoissonDistribution(3), sp.Lambda(t, 2 * t + 1),
    ...                                     sp.Lambda(t, (t - 1) / 2))
    >>> D.pdf(5)
    9*exp(-3)/2
    """

    _argnames = ("base", "g", "inverse")

    @property
    def set(self) -> sp.Set:
        return sp.ImageSet(self.g, read_univariate(self.base).support)

    def pdf(self, y: sp.Expr) -> sp.Expr:
        from .continuous import pdf_of

        return pdf_of(self.base, self.inverse(y))


class FoldedDistribution(SingleContinuousDistribution):
    """The law of |X| for X ~ ``base`` with a support symmetric about 0: density
    f(x) + f(−x) on [0, sup) (used for even maps, g(X) = g(|X|)).

    >>> from sympy.stats.crv_types import NormalDistribution
    >>> F = FoldedDistribution(NormalDistribution(0, 1))
    >>> F.set, F.pdf(sp.Symbol("y", positive=True))
    (Interval(0, oo), sqrt(2)*exp(-y**2/2)/sqrt(pi))
    """

    _argnames = ("base",)

    @property
    def set(self) -> sp.Set:
        return sp.Interval(0, read_univariate(self.base).support.sup)

    def pdf(self, y: sp.Expr) -> sp.Expr:
        view = read_univariate(self.base)
        return view.density_at(y) + view.density_at(-y)


def _even_on_symmetric(g: sp.Expr, x: sp.Symbol, support: sp.Set) -> bool:
    lo, hi = support.inf, support.sup
    return (lo + hi == 0 or (lo == -sp.oo and hi == sp.oo)) and sp.expand(
        g.subs(x, -x) - g) == 0


class BranchedPushforwardDistribution(SingleContinuousDistribution):
    """The law of g(X) for g monotone between the ``cuts`` (its critical points inside X's
    support): density Σₖ f_X(hₖ(y)) |hₖ′(y)| over the branches hₖ = (g on the k-th piece)⁻¹,
    each where y lies in that piece's image (Casella & Berger, Thm 2.1.8).

    >>> from sympy.stats.crv_types import NormalDistribution
    >>> x = sp.Dummy("x", real=True)
    >>> B = function_of_one(NormalDistribution(0, 1), x**2 - 2 * x, x)
    >>> type(B).__name__, B.set
    ('BranchedPushforwardDistribution', Interval(-1, oo))
    """

    _argnames = ("base", "g", "cuts", "inverses")

    def _pieces(self) -> list[tuple[sp.Expr, sp.Expr]]:
        lo, hi = read_univariate(self.base).bounds
        ends = [lo, *self.cuts, hi]
        return [(_end(self.g, a, 1), _end(self.g, b, -1)) for a, b in itertools.pairwise(ends)]

    @property
    def set(self) -> sp.Set:
        values = [v for piece in self._pieces() for v in piece]
        return sp.Interval(sp.Min(*values), sp.Max(*values))

    def pdf(self, y: sp.Expr) -> sp.Expr:
        view = read_univariate(self.base)
        t = sp.Dummy("t", real=True)
        total = sp.S.Zero
        for (a, b), inverse in zip(self._pieces(), self.inverses, strict=True):
            back = inverse.expr.subs(inverse.variables[0], t)
            slope = sp.Abs(sp.diff(back, t))
            low, high = sp.Min(a, b), sp.Max(a, b)
            term = sp.Piecewise((view.density_at(back) * slope, (t > low) & (t < high)),
                                (0, True))
            total += term.subs(t, y)
        return total


def _branches(dist: Distribution, g: sp.Expr, x: sp.Symbol,
              support: sp.Set) -> Distribution | None:
    """g(X) for g with finitely many numeric critical points inside the support, or None."""
    lo, hi = support.inf, support.sup
    crit = call_within(lambda: sp.solveset(sp.diff(g, x), x, sp.Interval.open(lo, hi)))
    if not isinstance(crit, sp.FiniteSet) or not 0 < len(crit) <= 8 or not all(
            c.is_number and c.is_real for c in crit):
        return None
    cuts = sorted(crit, key=float)
    ends = [lo, *cuts, hi]
    t = sp.Dummy("t", real=True)
    y = sp.Dummy("y", real=True)
    sols = call_within(lambda: sp.solve(sp.Eq(g.subs(x, t), y), t))
    if not sols:
        return None
    inverses = []
    for a, b in itertools.pairwise(ends):
        mid = (a + b) / 2 if a.is_finite and b.is_finite else (b - 1 if b.is_finite else a + 1)
        at = g.subs(x, mid)
        found = [sol for sol in sols if not sol.has(sp.I)
                 and abs(sp.N(sol.subs(y, at) - mid, 30)) < 1e-20]
        if len(found) != 1:
            return None
        inverses.append(sp.Lambda(y, found[0]))
    return BranchedPushforwardDistribution(dist, sp.Lambda(t, g.subs(x, t)), sp.Tuple(*cuts),
                                           sp.Tuple(*inverses))


class ConvolutionDistribution(SingleContinuousDistribution):
    """The law of X + Y for independent X ~ ``first`` and Y ~ ``second`` (densities): density
    the convolution ∫ f_X(t) f_Y(z − t) dt, closed when SymPy closes it within the budget,
    an honest ``Integral`` otherwise.

    >>> from sympy.stats.crv_types import UniformDistribution
    >>> C = ConvolutionDistribution(UniformDistribution(0, 1), UniformDistribution(0, 1))
    >>> C.set
    Interval(0, 2)
    """

    _argnames = ("first", "second")

    @property
    def set(self) -> sp.Set:
        (a, b), (c, d) = read_univariate(self.first).bounds, read_univariate(self.second).bounds
        return sp.Interval(a + c, b + d)

    @functools.cached_property
    def _density(self) -> sp.Lambda:
        z, t = sp.Dummy("z", real=True), sp.Dummy("t", real=True)
        p, q = read_univariate(self.first), read_univariate(self.second)
        (a, b), (c, d) = p.bounds, q.bounds
        integrand = p.density_at(t) * q.density_at(z - t)
        ends = sorted({e for e in (a + c, a + d, b + c, b + d) if e.is_finite})
        if not all(e.is_number for e in ends):  # symbolic ends: one integral with Max/Min
            lo = a if d == sp.oo else sp.Max(a, z - d)
            hi = b if c == -sp.oo else sp.Min(b, z - c)
            return sp.Lambda(z, sp.Integral(integrand, (t, lo, hi)))
        # between consecutive breakpoints the limits max(a, z - d), min(b, z - c) are one
        # expression each: the density piece by piece, each closed where SymPy closes it
        cuts = [a + c, *[e for e in ends if a + c < e < b + d], b + d]
        pieces = []
        for left, right in itertools.pairwise(cuts):
            mid = (left + right) / 2 if left.is_finite and right.is_finite else (
                right - 1 if right.is_finite else left + 1)
            lo = a if (d == sp.oo or a >= mid - d) else z - d
            hi = b if (c == -sp.oo or b <= mid - c) else z - c
            closed = integrate_within(integrand, (t, lo, hi))
            piece = sp.Integral(integrand, (t, lo, hi)) if closed is None else closed
            pieces.append((piece, z < right) if right.is_finite else (piece, True))
        return sp.Lambda(z, sp.Piecewise(*pieces) if len(pieces) > 1 else pieces[0][0])

    def pdf(self, z: sp.Expr) -> sp.Expr:
        return self._density(z)


# --- affine maps and named families --------------------------------------------------------------


def _valid(record, dist: Distribution) -> bool:
    return all(r == sp.true for r in record.relations(dist))


def affine(dist: Distribution, a: sp.Expr, b: sp.Expr) -> Distribution | None:
    """The family member that is a·X + b for X ~ ``dist``, when the family's record says so
    (location/scale/rate parameters; symmetric families for a < 0); ``None`` otherwise.

    >>> from sympy.stats.crv_types import GammaDistribution, CauchyDistribution
    >>> zero, one, five = sp.Integer(0), sp.Integer(1), sp.Integer(5)
    >>> affine(GammaDistribution(2, 3), five, zero), affine(CauchyDistribution(1, 2), -one, zero)
    (GammaDistribution(2, 15), CauchyDistribution(-1, 2))
    >>> affine(GammaDistribution(2, 3), five, one) is None
    True
    """
    if a == 1 and b == 0:
        return dist
    record = family_of(dist)
    if record.cls not in FAMILIES or not (a.is_positive or (a.is_negative and record.symmetric)):
        return None
    params = record.parameters(dist)
    if record.location:
        params[record.location] = a * params[record.location] + b
    elif b != 0:
        return None
    if record.scale:
        params[record.scale] = abs(a) * params[record.scale]
    elif record.rate:
        params[record.rate] = params[record.rate] / abs(a)
    elif a != 1 and not (a == -1 and record.symmetric):
        return None
    if a.is_negative and not record.location:
        return None  # symmetric about 0 only through a location parameter
    try:
        out = record.cls(*(params[n] for n in record.params), *dist.args[len(record.params):])
    except (ValueError, TypeError):
        return None
    return out if _valid(record, out) else None


def _same(a: sp.Expr, b: sp.Expr) -> bool:
    diff = call_within(lambda: sp.simplify(a - b))
    return diff == 0


def _affine_parts(expr: sp.Expr, x: sp.Symbol) -> tuple[sp.Expr, sp.Expr] | None:
    """(a, b) when ``expr`` is a·x + b with a, b free of x, else None."""
    a = sp.diff(expr, x)
    if a.has(x) or a == 0:
        return None
    return a, sp.expand(expr - a * x)


def _named(dist: Distribution, g: sp.Expr, x: sp.Symbol, depth: int = 0) -> Distribution | None:
    """g(X) for X ~ ``dist`` as a named family, when the records say it is one."""
    parts = _affine_parts(g, x)
    if parts is not None:
        return affine(dist, *parts)
    if depth > 1:
        return None
    record = family_of(dist)
    if record.pushforward is not None:  # X = G(Y): g(X) = (g∘G)(Y)
        push, y = record.pushforward, sp.Dummy("y", real=True)
        composed = call_within(lambda: sp.simplify(sp.expand_log(g.subs(x, push.g(y)),
                                                                 force=True)))
        if composed is not None:
            found = _named(push.base(dist), composed, y, depth + 1)
            if found is not None:
                return found
    for other in FAMILIES.values():  # g = G(a x + b) with G a record's map: G(aX + b)
        push = other.pushforward
        if push is None or not isinstance(dist, push.base_cls):
            continue
        inner = _inner(push.g, g, x)
        inner_parts = None if inner is None else _affine_parts(inner, x)
        if inner_parts is not None:
            moved = affine(dist, *inner_parts)
            if moved is not None:
                return push.of_base(moved)
    cdf = dist._cdf(x) if isinstance(dist, SingleContinuousDistribution) else None  # closed only
    if cdf is not None and not cdf.has(sp.Integral) and _same(g, cdf):
        return UniformDistribution(0, 1)  # probability integral transform (CB Thm 2.1.10)
    return None


def _inner(G, g: sp.Expr, x: sp.Symbol) -> sp.Expr | None:
    """h with g = G(h), found by solving G(u) = g for real u, when one real solution exists."""
    u = sp.Dummy("u", real=True)
    sols = call_within(lambda: sp.solve(sp.Eq(G(u), g), u))
    if not sols:
        return None
    real = [s for s in sols if s.is_real is not False and not s.has(sp.I)]
    return real[0] if len(real) == 1 else None


def _inverse(g: sp.Expr, x: sp.Symbol, positive: bool) -> sp.Lambda | None:
    y = sp.Dummy("y", positive=True) if positive else sp.Dummy("y", real=True)
    sols = call_within(lambda: sp.solve(sp.Eq(g, y), x))
    for s in sols or ():
        if s.has(sp.I):
            continue
        if _same(s.subs(y, g), x):
            return sp.Lambda(y, s)
    return None


def function_of_one(dist: Distribution, g: sp.Expr, x: sp.Symbol) -> Distribution:
    """The law of g(X), X ~ ``dist`` (a density): a named family when it is one, else a
    :class:`PushforwardDistribution`; refused when g is not provably monotone on X's support.
    """
    named = _named(dist, g, x)
    if named is not None:
        return named
    support = read_univariate(dist).support
    if not isinstance(dist, SingleContinuousDistribution):
        return _discrete_function(dist, g, x, support)
    if _monotone(g, x, support) == 0 and _even_on_symmetric(g, x, support):
        return function_of_one(FoldedDistribution(dist), g, x)  # g(X) = g(|X|)
    if _monotone(g, x, support) == 0:
        branched = _branches(dist, g, x, support)
        if branched is not None:
            return branched
        raise UnsupportedInputError(
            f"{_shown(g)} is not provably monotone on the support {support} of {dist}; "
            "symbinfo reads monotone functions of one continuous variable (and sums)"
        )
    t = sp.Dummy("t", positive=True) if support.inf.is_nonnegative else sp.Dummy("t", real=True)
    lam = sp.Lambda(t, g.subs(x, t))
    lo, hi = _end(lam, support.inf, 1), _end(lam, support.sup, -1)
    positive = all(e.is_nonnegative for e in (lo, hi))
    parts = _affine_parts(g, x)
    if parts is not None:
        y = sp.Dummy("y", real=True)
        inverse = sp.Lambda(y, (y - parts[1]) / parts[0])
    else:
        inverse = _inverse(g.subs(x, t), t, positive)
    if inverse is None:
        raise UnsupportedInputError(f"cannot invert {_shown(g)} to write the density of it")
    return PushforwardDistribution(dist, lam, inverse)


def _discrete_function(dist: Distribution, g: sp.Expr, x: sp.Symbol,
                       support: sp.Set) -> Distribution:
    """g(X) for a discrete X: a relabelling when g is strictly monotone on the support."""
    if _monotone(g, x, sp.Interval(support.inf, support.sup)) in (0, None):
        raise UnsupportedInputError(
            f"{_shown(g)} is not provably monotone on the support of {dist}; symbinfo reads "
            "injective functions of one discrete variable (and sums)")
    t = sp.Dummy("t", real=True)
    parts = _affine_parts(g, x)
    if parts is not None:
        inverse = sp.Lambda(t, (t - parts[1]) / parts[0])
    else:
        inverse = _inverse(g.subs(x, t), t, False)
        if inverse is None:
            raise UnsupportedInputError(f"cannot invert {_shown(g)} to write the pmf of it")
    return DiscretePushforwardDistribution(dist, sp.Lambda(t, g.subs(x, t)), inverse)


def _summand(term: sp.Expr) -> Distribution:
    (rv,) = random_symbols(term)
    x = sp.Dummy("x", real=True)
    return function_of_one(rv.pspace.distribution, term.xreplace({rv: x}), x)


def convolve(first: Distribution, second: Distribution) -> Distribution:
    """The law of X + Y, X ~ ``first``, Y ~ ``second`` independent: the family the records
    name, else a :class:`ConvolutionDistribution`.

    >>> from sympy.stats.drv_types import PoissonDistribution
    >>> convolve(PoissonDistribution(2), PoissonDistribution(3))
    PoissonDistribution(5)
    """
    for d, e in ((first, second), (second, first)):
        rule = family_of(d).convolve
        found = rule(d, e) if rule is not None else None
        if found is not None:
            return found
    if isinstance(first, SingleContinuousDistribution) and isinstance(
            second, SingleContinuousDistribution):
        return ConvolutionDistribution(first, second)
    raise UnsupportedInputError(
        f"the sum of independent {first} and {second} stays in no family symbinfo knows")


def _is_univariate(rv: RandomSymbol) -> bool:
    return isinstance(rv.pspace.distribution, (SingleContinuousDistribution,
                                               SingleDiscreteDistribution,
                                               SingleFiniteDistribution))


@functools.lru_cache(maxsize=256)
def read_function(expr: sp.Expr) -> Distribution:
    """The law of ``expr``, a function of sympy.stats random variables: one variable through a
    monotone map, or a sum of (affine/monotone functions of) independent variables.

    >>> from sympy.stats import Normal
    >>> X, N = Normal("X", 0, 3), Normal("N", 0, 4)
    >>> read_function(X + N)
    NormalDistribution(0, 5)
    """
    rvs = sorted(random_symbols(expr), key=sp.default_sort_key)
    if not rvs or not all(_is_univariate(rv) for rv in rvs):
        raise UnsupportedInputError(
            f"{_shown(expr)}: symbinfo reads functions of univariate random variables here")
    if len(rvs) == 1:
        return _summand(expr)
    terms = sp.Add.make_args(sp.expand(expr))
    constant = sp.Add(*(t for t in terms if not random_symbols(t)))
    groups: dict[RandomSymbol, sp.Expr] = {}
    for term in terms:
        found = random_symbols(term)
        if len(found) > 1:
            raise UnsupportedInputError(
                f"{_shown(expr)} is not a sum of functions of one variable each; symbinfo "
                "reads sums of independent variables")
        if found:
            (rv,) = found
            groups[rv] = groups.get(rv, sp.S.Zero) + term
    dists = [_summand(t) for t in groups.values()]
    total = functools.reduce(convolve, dists)
    if constant != 0:
        x = sp.Dummy("x", real=True)
        total = function_of_one(total, x + constant, x)
    return total
