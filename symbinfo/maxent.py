"""The principle of maximum entropy: the density of largest entropy on a support under
expectation constraints E[sᵢ(X)] = cᵢ, by Lagrange multipliers, identified as a family.

The maximiser is p*(x) = exp(λ₀ + Σ λᵢ sᵢ(x)) on the support (Cover & Thomas, 2nd ed., Thm 12.1.1),
and it is optimal by Gibbs' inequality: for every density f on the support meeting the
constraints, −E_f[log p*] = −λ₀ − Σ λᵢ cᵢ = h(p*) because log p* is a combination of the
constrained statistics, so

    h(f) = −E_f[log p*] − D(f ‖ p*) = h(p*) − D(f ‖ p*) ≤ h(p*),

with equality exactly when f = p* (Cover & Thomas, proof of Thm 12.1.1).

The family is found from the family records, not from a table here: a record whose
exponential-family decomposition exp(<θ, T(x)> − F(θ) + k(x)) lives on the requested support,
with the constrained statistics spanning the same functions as T and the carrier k in that span
too (so the density is exp of a combination of the statistics), is the maximiser; its parameters
solve E[sᵢ(X)] = cᵢ (read from the record's known expectations), in closed form when SymPy solves
them within the budget and otherwise as the equations they satisfy (Gamma, Beta with free
constraint values). No constraint on a bounded interval gives the uniform density; a finite set
gives the Gibbs distribution p(x) ∝ exp(Σ λᵢ sᵢ(x)), exact (a root of a polynomial) for one
integer-valued statistic.

>>> import sympy as sp
>>> x = sp.Symbol("x", real=True)
>>> m = sp.Symbol("m", positive=True)
>>> r = max_entropy(sp.Interval(0, sp.oo), {x: m})
>>> r.family, r.distribution, r.entropy
('Exponential', ExponentialDistribution(1/m), log(m) + 1)
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field

import mpmath
import sympy as sp
from sympy.stats.crv_types import UniformDistribution
from sympy.stats.drv import SingleDiscreteDistribution
from sympy.stats.frv import SingleFiniteDistribution

from .derivation.budget import call_within
from .derivation.simplify import tidy
from .derivation.steps import (
    Definition,
    Derivation,
    ExpandLog,
    Expect,
    FiniteSum,
    Identity,
    KnownMoments,
    Linearity,
    Simplify,
)
from .distributions.continuous import read_univariate, sample_parameters
from .distributions.families import FAMILIES
from .errors import InvalidParameterError, UnsupportedInputError, guarded
from .parsing.gate import to_sympy

__all__ = ["MaxEntropy", "max_entropy"]

CT = "Cover & Thomas, Elements of Information Theory, 2nd ed., Thm 12.1.1"
GIBBS = ("Gibbs' inequality: h(f) = h(p*) - D(f || p*) <= h(p*) for every f meeting the "
         "constraints")


@dataclass(frozen=True)
class MaxEntropy:
    """The maximum-entropy distribution: ``density`` in ``variable`` on ``support``, the named
    ``family`` and ``distribution`` (None for a finite set), its ``entropy`` (nats), the
    ``multipliers`` (λ₀, λ₁, ...) of log p* = λ₀ + Σ λᵢ sᵢ, the ``equations`` the parameters
    satisfy when they are not solved in closed form, and the checked ``derivation``.

    >>> r = max_entropy(sp.Interval(0, 1))
    >>> r.family, r.entropy, [s.check.method for s in r.derivation.steps][-1]
    ('Uniform', 0, 'symbolic')
    """

    variable: sp.Symbol
    support: sp.Set
    constraints: tuple[tuple[sp.Expr, sp.Expr], ...]
    density: sp.Expr
    family: str
    distribution: object
    entropy: sp.Expr
    multipliers: tuple[sp.Expr, ...]
    equations: tuple[sp.Basic, ...] = ()
    derivation: Derivation | None = field(default=None, compare=False)

    def gibbs(self, other: object) -> Derivation:
        """The checked derivation h(f) = h(p*) − D(f ‖ p*) for a competing density ``other``
        (a sympy.stats distribution or random variable meeting the constraints).

        >>> x = sp.Symbol("x", real=True)
        >>> r = max_entropy(sp.Interval(0, sp.oo), {x: 2})
        >>> from sympy.stats import Gamma
        >>> d = r.gibbs(Gamma("G", 2, 1))      # mean 2 too
        >>> [s.check.method for s in d.steps][-1] in ("symbolic", "numeric")
        True
        """
        from . import engine

        view = read_univariate(other)
        f, y = view.density, view.variable
        lo, hi = view.bounds
        for s, c in self.constraints:
            mean = Expect(s.subs(self.variable, y), y, f, lo, hi, "f", discrete=view.discrete)
            if abs(sp.N(mean.numeric(30) - c, 30)) > 1e-20:
                raise InvalidParameterError(
                    f"{other} does not meet the constraint E[{s}] = {c} (E = {sp.N(mean, 15)})")
        log_p = sp.expand_log(sp.log(self.density.subs(self.variable, y)), force=True)
        h_f = Expect(-sp.log(f), y, f, lo, hi, "f", discrete=view.discrete)
        cross = Expect(-log_p, y, f, lo, hi, "f", discrete=view.discrete)
        kl = engine.kl_divergence(view.distribution, self.distribution).value
        steps = [
            Definition(h_f, "the differential entropy of f"),
            Identity(cross - Expect(sp.log(f) - log_p, y, f, lo, hi, "f",
                                    discrete=view.discrete),
                     "h(f) = -E_f[log p*] - D(f || p*)", CT),
            Identity(self.entropy - kl, "E_f[log p*] = E_{p*}[log p*]: log p* is a "
                     "combination of the constrained statistics", CT),
        ]
        return Derivation.build(sp.Symbol("h(f)"), steps, title="Gibbs' inequality")


def _variable(constraints: Mapping, variable: sp.Symbol | None) -> sp.Symbol:
    if variable is not None:
        return variable
    found = set().union(*(s.free_symbols for s in constraints)) - set().union(
        *(c.free_symbols for c in constraints.values()))
    if len(found) > 1:
        found = {s for s in found if s.name == "x"} or found
    if len(found) != 1:
        raise UnsupportedInputError(
            "cannot tell the variable of the constraints; pass variable=...")
    return found.pop()


def _dummy_instance(cls: type, avoid: set[str] = frozenset()) -> tuple[object, list]:
    """``cls`` with one symbol per parameter carrying its domain's assumptions (a Dummy when
    its name is one of ``avoid``, the user's own names)."""
    record = FAMILIES[cls]
    args, params = [], []
    flags = dict(record.flags)
    for name in record.params:
        if name in flags:
            args.append(flags[name])
            continue
        kw = ({"integer": True, "positive": True} if name in record.integer else
              {"real": True} if name in record.real else {"positive": True})
        d = sp.Symbol(name, **kw) if name not in avoid else sp.Dummy(name, **kw)
        args.append(d)
        params.append(d)
    return cls(*args), params


def _sample(support: sp.Set, count: int, discrete: bool) -> list[sp.Rational]:
    rng = random.Random(7)
    lo, hi = support.inf, support.sup
    out = []
    while len(out) < count:
        if discrete:
            v = sp.Integer(int(lo) + rng.randint(0, 12))
        elif lo.is_finite and hi.is_finite:
            v = lo + (hi - lo) * sp.Rational(rng.randint(1, 999), 1000)
        elif lo.is_finite:
            v = lo + sp.Rational(rng.randint(1, 4000), 1000)
        elif hi.is_finite:
            v = hi - sp.Rational(rng.randint(1, 4000), 1000)
        else:
            v = sp.Rational(rng.randint(-4000, 4000), 1000)
        if v not in out:
            out.append(v)
    return out


def _rank(rows: list[list[sp.Expr]]) -> int:
    ctx = mpmath.MPContext()
    ctx.dps = 30
    M = ctx.matrix([[ctx.mpf(str(sp.N(e, 30))) for e in r] for r in rows])
    sv = ctx.svd_r(M, compute_uv=False)
    return sum(1 for s in sv if abs(s) > ctx.mpf(10) ** -15 * max(1, abs(sv[0])))


def _spans(funcs: list[sp.Expr], stats: list[sp.Expr], x: sp.Symbol, support: sp.Set,
           discrete: bool, values: Mapping) -> bool:
    """Whether span{1, funcs} = span{1, stats} as functions on the support (at sample points,
    other symbols at sample values)."""
    pts = _sample(support, len(funcs) + len(stats) + 3, discrete)

    def table(fs):
        return [[sp.S.One, *(f.subs(values).subs(x, p) for f in fs)] for p in pts]

    a, b, both = _rank(table(funcs)), _rank(table(stats)), _rank(table(funcs + stats))
    return a == b == both == len(funcs) + 1


def _solve_fixed(record, dist, params, support, stats, x) -> dict | None:
    """Values of the parameters held fixed in the exponential-family form (Pareto's xm from
    the support, Laplace's mu from |x - c|), or None."""
    fixed = [p for p in params if any(p == f for f in record.expfamily.fixed(dist))]
    if not fixed:
        return {}
    view = read_univariate(dist)
    found: dict = {}
    for end, want in ((view.support.inf, support.inf), (view.support.sup, support.sup)):
        if end.has(*fixed) and want.is_finite:
            sol = sp.solve(sp.Eq(end, want), [p for p in fixed if end.has(p)], dict=True)
            if sol:
                found.update(sol[0])
    for t in record.expfamily.T(dist, x):
        rest = [p for p in fixed if p not in found and t.has(p)]
        if not rest:
            continue
        for s in stats:
            if isinstance(t, sp.Abs) and isinstance(s, sp.Abs):
                sol = sp.solve(sp.Eq(t.args[0], s.args[0]), rest, dict=True) or sp.solve(
                    sp.Eq(t.args[0], -s.args[0]), rest, dict=True)
                sol = [d for d in sol if not any(v.has(x) for v in d.values())]
                if sol:
                    found.update(sol[0])
                    break
    return found if all(p in found for p in fixed) else None


def _same_end(a: sp.Expr, b: sp.Expr) -> bool:
    return a == b or (a.is_finite is not False and b.is_finite is not False
                      and sp.simplify(a - b) == 0)


def _candidates(support: sp.Set, stats: list[sp.Expr], x: sp.Symbol, discrete: bool,
                values: Mapping, avoid: set[str]):
    for cls, record in FAMILIES.items():
        ef = record.expfamily
        if ef is None or issubclass(cls, SingleFiniteDistribution):
            continue
        if discrete != issubclass(cls, SingleDiscreteDistribution):
            continue
        dist, params = _dummy_instance(cls, avoid)
        fixed = _solve_fixed(record, dist, params, support, stats, x)
        if fixed is None:
            continue
        dist = cls(*(a.xreplace(fixed) for a in dist.args))
        params = [p for p in params if p not in fixed]
        view = read_univariate(dist)
        if not (_same_end(view.support.inf, support.inf)
                and _same_end(view.support.sup, support.sup)):
            continue
        y = view.variable
        T = [t.subs(y, x) for t in ef.T(dist, y)]
        carrier = ef.carrier(dist, y).subs(y, x)
        if len(T) != len(stats) or not _spans(T, stats, x, support, discrete, values):
            continue
        if carrier.has(x) and _rank([[sp.S.One, *(f.subs(x, p) for f in T), carrier.subs(x, p)]
                                     for p in _sample(support, len(T) + 4, discrete)]) \
                > len(T) + 1:
            continue
        yield record, dist, params, view


def _finite(support: sp.FiniteSet, constraints: dict, x: sp.Symbol) -> MaxEntropy:
    atoms = sorted(support, key=sp.default_sort_key)
    stats = list(constraints.items())
    lams = sp.symbols(f"lambda1:{len(stats) + 1}", real=True)
    weights = [sp.exp(sp.Add(*(lam * s.subs(x, a) for lam, (s, _) in zip(lams, stats,
                                                                      strict=True))))
               for a in atoms]
    solved: dict = {}
    equations = []
    if len(stats) == 1:
        (s, c), lam = stats[0], lams[0]
        vals = [s.subs(x, a) for a in atoms]
        if all(v.is_integer for v in vals) and c.is_number:
            r = sp.Dummy("r", positive=True)
            low = min(vals)
            poly = sp.Poly(sp.expand(sp.Add(*((v - c) * r ** (v - low) for v in vals))), r)
            roots = [q for q in poly.real_roots() if q.is_positive]
            if len(roots) == 1:
                solved = {lam: sp.log(roots[0])}
    if not solved:
        Z = sp.Add(*weights)
        equations = [sp.Eq(sp.Add(*(s.subs(x, a) * w for a, w in zip(atoms, weights,
                                                                       strict=True))) / Z, c)
                     for s, c in stats]
    weights = [sp.powsimp(w.xreplace(solved)) for w in weights]
    Z = sp.Add(*weights)
    pmf = {a: w / Z for a, w in zip(atoms, weights, strict=True)}
    density = sp.Piecewise(*((p, sp.Eq(x, a)) for a, p in pmf.items()))
    # H = -sum p log p = log Z - sum lambda_i c_i (log p = sum lambda_i s_i - log Z)
    entropy = tidy(sp.log(Z) - sp.Add(*(lam.xreplace(solved) * c for lam, (_, c) in
                                        zip(lams, stats, strict=True))))
    name = "Uniform (finite)" if not stats else "Gibbs"
    steps = [Definition(FiniteSum(-sp.Function("p")(x) * sp.log(sp.Function("p")(x)), x, atoms),
                        "the entropy of p*"),
             Simplify(entropy, "the Gibbs weights exp(sum of lambda_i s_i(x))/Z"),
             Identity(entropy, GIBBS, CT)]
    bindings = {sp.Function("p"): (x, density)}
    try:
        derivation = Derivation.build(sp.Symbol("H(p*)"), steps, title="maximum entropy",
                                      bindings=bindings) if not equations else None
    except Exception:  # the finite binding is a convenience; the entropy above stands
        derivation = None
    lam0 = -sp.log(Z)
    return MaxEntropy(x, support, tuple(stats), density, name, pmf, entropy,
                      (lam0, *(lam.xreplace(solved) for lam in lams)), tuple(equations),
                      derivation)


def _expectation(view, stat: sp.Expr) -> sp.Expr | None:
    """E[stat(X)] from the record's known expectations, else summed/integrated (budgeted)."""
    known = view.expectation(stat, view.variable)
    if known is not None and known.finite == sp.true:
        return known.value
    y = view.variable
    lo, hi = view.bounds
    if view.discrete:
        found = call_within(lambda: sp.piecewise_fold(
            sp.summation(stat * view.density, (y, lo, hi))))
        if isinstance(found, sp.Piecewise):  # (the sum, its convergence condition), ...
            value, cond = found.args[0]
            # kept only when the condition holds on the whole parameter domain: at the
            # domain's sample points, and provably at none of them false
            points = sample_parameters(type(view.distribution), 5)
            names = dict(zip(view.record.params, view.distribution.args, strict=False))
            if not all(cond.xreplace({names[k]: v for k, v in pt.items() if k in names})
                       == sp.true for pt in points):
                return None
            found = value
        found = found if found is not None and not found.has(sp.Sum, sp.Piecewise) else None
        return None if found is None else sp.simplify(found)
    from .derivation.continuous import expected_value

    found = expected_value(view, stat)
    return None if found.has(sp.Integral, sp.Piecewise) else found


def _multipliers(density: sp.Expr, stats: list[sp.Expr], x: sp.Symbol, support: sp.Set,
                 discrete: bool) -> list[sp.Expr]:
    """(λ₀, λ₁, ...) with log density = λ₀ + Σ λᵢ sᵢ(x), solved at sample points."""
    log_p = sp.expand_log(sp.log(density), force=True)
    pts = _sample(support, len(stats) + 1, discrete)
    lams = sp.symbols(f"l0:{len(stats) + 1}")
    eqs = [sp.Eq(log_p.subs(x, p), lams[0] + sp.Add(*(lam * s.subs(x, p) for lam, s in
                                                      zip(lams[1:], stats, strict=True))))
           for p in pts]
    sol = sp.solve(eqs, lams, dict=True)
    if not sol:
        raise UnsupportedInputError("could not read the Lagrange multipliers of the density")
    return [tidy(sp.simplify(sol[0][lam])) for lam in lams]


def _derivation(res_density, stats, values, x, support, discrete, entropy, lams) -> Derivation:
    lo, hi = support.inf, support.sup
    P = "p*"
    log_form = lams[0] + sp.Add(*(lam * s for lam, s in zip(lams[1:], stats, strict=True)))
    steps = [
        Definition(Expect(-sp.log(res_density), x, res_density, lo, hi, P, discrete=discrete),
                   "the entropy of p*"),
        ExpandLog(Expect(-log_form, x, res_density, lo, hi, P, discrete=discrete)),
        Linearity(-lams[0] - sp.Add(*(lam * Expect(s, x, res_density, lo, hi, P,
                                                   discrete=discrete)
                                      for lam, s in zip(lams[1:], stats, strict=True)))),
        KnownMoments(-lams[0] - sp.Add(*(lam * v for lam, v in zip(lams[1:], values,
                                                                   strict=True))),
                     moments=tuple((Expect(s, x, res_density, lo, hi, P, discrete=discrete), v)
                                   for s, v in zip(stats, values, strict=True)),
                     source="the constraints"),
        Simplify(entropy, "the family's closed form"),
        Identity(entropy, GIBBS, CT),
    ]
    # parameters drawn where the densities are smooth, so quadrature keeps its 30 digits
    ranges = {p: ((-1.0, 1.0) if p.is_positive is not True else (1.2, 2.5))
              for p in set().union(*(e.free_symbols for e in (entropy, *values))) - {x}}
    return Derivation.build(sp.Symbol("h(p*)"), steps, title="maximum entropy", ranges=ranges)


@guarded
def max_entropy(support: object, constraints: object = None,
                variable: sp.Symbol | None = None) -> MaxEntropy:
    """The maximum-entropy distribution on ``support`` (an Interval, ``Naturals``/``Range``
    for counts, or a finite set/list) under ``constraints`` {statistic: value}, meaning
    E[statistic(X)] = value; see the module docstring for the method and its sources.

    >>> x = sp.Symbol("x", real=True)
    >>> mu, s = sp.Symbol("mu", real=True), sp.Symbol("sigma", positive=True)
    >>> r = max_entropy(sp.Reals, {x: mu, (x - mu)**2: s**2})
    >>> r.family, r.distribution, r.entropy
    ('Normal', NormalDistribution(mu, sigma), log(sigma) + log(2*E*pi)/2)
    >>> max_entropy(sp.Interval(2, 5)).entropy
    log(3)
    >>> max_entropy([1, 2, 3, 4, 5, 6], {x: sp.Rational(9, 2)}).family   # Jaynes' dice
    'Gibbs'
    """
    supp = to_sympy(support, "the support")
    if isinstance(supp, sp.Tuple):
        supp = sp.FiniteSet(*supp)
    if not isinstance(supp, sp.Set):
        raise UnsupportedInputError(f"the support must be a set or a list of values, not {supp}")
    given = to_sympy({} if constraints is None else constraints, "the constraints")
    if not isinstance(given, sp.Dict):
        raise UnsupportedInputError("the constraints must be a dict {statistic: value}")
    cons = {k: v for k, v in given.items()}
    x = _variable(cons, variable) if cons else (variable or sp.Symbol("x", real=True))
    if isinstance(supp, sp.FiniteSet):
        if not all(a.is_number and a.is_real for a in supp):
            raise UnsupportedInputError("a finite support must list real numbers")
        return _finite(supp, cons, x)
    discrete = isinstance(supp, (sp.Range, type(sp.S.Naturals), type(sp.S.Naturals0)))
    if not discrete and not isinstance(supp, sp.Interval):
        raise UnsupportedInputError(f"cannot read {supp} as a support")
    if not cons:
        if discrete or not (supp.inf.is_finite and supp.sup.is_finite):
            raise UnsupportedInputError(
                f"no maximum-entropy density on {supp} without constraints (unbounded support)")
        dist = UniformDistribution(supp.inf, supp.sup)
        h = sp.log(supp.sup - supp.inf)
        lams = [-h]
        derivation = _derivation(1 / (supp.sup - supp.inf), [], [], x, supp, False, h, lams)
        return MaxEntropy(x, supp, (), 1 / (supp.sup - supp.inf), "Uniform", dist, h,
                          tuple(lams), (), derivation)
    stats, values = list(cons), list(cons.values())
    symbols_at = {s: sp.Rational(3, 7) + i for i, s in enumerate(sorted(
        set().union(*(st.free_symbols for st in stats)) - {x}, key=sp.default_sort_key))}
    avoid = {str(sym) for e in (*stats, *values) for sym in e.free_symbols}
    for record, dist, params, view in _candidates(supp, stats, x, discrete, symbols_at, avoid):
        equations = []
        for s, c in zip(stats, values, strict=True):
            known = _expectation(view, s.subs(x, view.variable))
            if known is None:
                break
            equations.append(sp.Eq(known, c))
        else:
            sol = call_within(lambda eqs=equations, ps=params: sp.solve(eqs, ps, dict=True))
            sol = [d for d in (sol or []) if all(
                v.is_real is not False and not (getattr(p, "is_positive", None) and
                                                v.is_positive is False)
                for p, v in d.items()) and len(d) == len(params)]
            if len(sol) == 1:
                dist = type(dist)(*(sp.simplify(a.xreplace(sol[0])) for a in dist.args))
                view, equations = read_univariate(dist), []
            density = view.density_at(x)
            from . import engine

            h = engine.distribution_entropy(dist).value
            shorter = call_within(sp.simplify, sp.expand(sp.expand_log(h, force=True)))
            if shorter is not None and sp.count_ops(shorter) < sp.count_ops(h):
                h = shorter  # checked against the definition by the derivation's last steps
            # in the derivation the constraint values are the family's own expectations
            # (equal to the given values, by the equations when those stay implicit)
            fam_values = [_expectation(view, s.subs(x, view.variable)) for s in stats]
            lams = _multipliers(density, stats, x, supp, discrete)
            derivation = _derivation(density, stats, fam_values, x, supp, discrete, h, lams)
            return MaxEntropy(x, supp, tuple(zip(stats, values, strict=True)), density,
                              record.name, dist, h, tuple(lams), tuple(equations), derivation)
    raise UnsupportedInputError(
        f"no family of symbinfo's records is the maximum-entropy law on {supp} under "
        f"{cons}; the maximiser is exp(l0 + sum l_i s_i(x)) with multipliers solving the "
        "constraints")
