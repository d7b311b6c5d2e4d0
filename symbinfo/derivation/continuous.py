"""The generic engine for continuous and infinite discrete distributions (in nats).

Used when no closed-form rule applies, and as an independent cross-check of the rules. For
E_P[-log q(X)] the engine

1. reads P through :func:`symbinfo.distributions.continuous.read_univariate` (true support);
2. takes every term whose expectation P's family record knows (E[X], E[X^2], E[log X], the
   MGF...) from the record, deterministically, before any integration;
3. measures the variable from a finite lower end (y = x - lo > 0), so ``expand_log`` can split
   ``log((x - m)**a)`` soundly under the parameters' assumptions;
4. expands ``log q`` into terms and takes expectations term by term (linearity): constants,
   powers of y from the moment generating function when SymPy declares one, ``E[log Y]`` as
   d/ds E[Y^s] at s = 0 (one Mellin integral), everything else by SymPy integration — each
   integration in a child process under a hard time budget (:mod:`symbinfo.derivation.budget`);
5. leaves every term it cannot close as an honest unevaluated ``Integral`` (``.evalf()`` works,
   by mpmath's quadrature: :class:`~symbinfo.derivation.honest.DefinitionIntegral`).

Countably infinite discrete families get the honest unevaluated ``Sum`` over their true support.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import sympy as sp
from sympy.stats.rv import Distribution

from ..distributions.continuous import UnivariateView, read_univariate
from ..distributions.families import Known
from ..limits import current_limits
from ..parsing.gate import to_sympy
from .budget import WorkClock as _Clock
from .budget import call_within, integrate_within
from .honest import DefinitionIntegral, DefinitionSum, settle
from .simplify import tidy


def _shifted(view: UnivariateView, expr_of_x: sp.Expr) -> tuple[sp.Expr, sp.Symbol, tuple]:
    """Rewrite ``expr_of_x`` in y = x - lo (y > 0) when the support has a finite lower end."""
    x = view.variable
    lo, hi = view.bounds
    # Only a lower end that may be negative (a location: Frechet's m, Levy's mu) is shifted away;
    # a nonnegative one (Pareto's xm) keeps x, whose log then splits from x > 0 directly.
    if lo.is_finite and not lo.is_nonnegative:
        y = sp.Symbol("y", positive=True)
        return expr_of_x.subs(x, lo + y), y, (0, hi - lo)
    return expr_of_x, x, (lo, hi)


def _moment_from_mgf(view: UnivariateView, g: sp.Expr, y: sp.Symbol) -> sp.Expr | None:
    """E[g(Y)] for a polynomial g from SymPy's declared MGF of X (Y = X - lo)."""
    mgf_of = getattr(view.distribution, "_moment_generating_function", None)
    if mgf_of is None or not g.is_polynomial(y):
        return None
    t = sp.Dummy("t")
    try:
        mgf = mgf_of(t)
    except Exception:
        return None
    if mgf is None or not isinstance(mgf, sp.Expr) or mgf.has(sp.Integral, sp.Piecewise):
        return None
    lo = view.bounds[0]
    shift = lo if lo.is_finite and not lo.is_nonnegative else 0
    poly = sp.Poly(sp.expand(g.subs(y, view.variable - shift)), view.variable)
    total = sp.S.Zero
    for (n,), c in poly.terms():
        try:
            moment = sp.limit(sp.diff(mgf, t, n), t, 0) if n else sp.S.One
        except (NotImplementedError, ValueError, TypeError):  # e.g. "depends on the sign of"
            return None
        if moment.has(sp.Limit) or not moment.is_finite:
            return None
        total += c * moment
    return total


def _expect_log(f: sp.Expr, y: sp.Symbol, limits: tuple, clock: _Clock) -> sp.Expr | None:
    """E[log Y] as d/ds E[Y^s] at s = 0, from one Mellin integral."""
    s = sp.Dummy("s", positive=True)  # a Dummy: a user's own positive "s" is no Mellin variable
    mellin = integrate_within(y**s * f, (y, *limits), seconds=clock.left(3))
    if mellin is None:
        return None
    mellin = sp.powsimp(mellin)  # exp(s*log(theta)) -> theta**s before differentiating
    try:
        value = sp.limit(sp.diff(mellin, s), s, 0)
    except Exception:
        return None
    if value.has(sp.Limit, sp.Integral) or value.is_finite is False:
        return None
    return value


def _expectation(
    view: UnivariateView, f: sp.Expr, g: sp.Expr, y: sp.Symbol, limits: tuple, clock: _Clock
) -> sp.Expr | None:
    """E[g(Y)] under the density f(y), or ``None`` when it cannot be closed in time.

    A value with I in it is not taken: the expectation of a real g is real, and SymPy's
    Meijer-G results can carry a branch's I*pi (the shifted Gompertz mean at η = 13/5 came back
    with +I*pi beside -Ei(-13/5), and with log(-eta) at a symbolic η > 0).
    """
    value = _expectation_any(view, f, g, y, limits, clock)
    if value is None:
        return None
    if (value.has(sp.I) and sp.expand(value).has(sp.I)) or any(
            log.args[0].is_negative for log in value.atoms(sp.log)):
        return None  # log(-eta) is log(eta) + I*pi
    return value


def _expectation_any(
    view: UnivariateView, f: sp.Expr, g: sp.Expr, y: sp.Symbol, limits: tuple, clock: _Clock
) -> sp.Expr | None:
    if not g.has(y):
        return g
    if _beyond_integration(g, y):
        return None
    if g.is_polynomial(y):
        moment = _moment_from_mgf(view, g, y)
        if moment is not None:
            return moment
    if g == sp.log(y) and to_sympy(limits[0], "a lower limit").is_nonnegative:
        value = _expect_log(f, y, limits, clock)
        if value is not None:
            return value
    return integrate_within(g * f, (y, *limits), seconds=clock.left(3))


def _beyond_integration(g: sp.Expr, y: sp.Symbol) -> bool:
    """Whether E[g(Y)] is not worth a budgeted integration, decided from g's shape: the log of
    a sum in which an exponential of y appears (a log-density ``expand_log`` could not split,
    such as a Lévy density's at another location), for which SymPy finds no antiderivative
    and would spend the whole budget; the term stays an honest Integral.

    >>> y, a = sp.symbols("y a", positive=True)
    >>> _beyond_integration(sp.log(sp.exp(-1 / y) * (y + a) - a), y), _beyond_integration(
    ...     sp.log(y), y)
    (True, False)
    """
    for log in g.atoms(sp.log):
        inner = log.args[0]
        if any(isinstance(part, sp.Add) and part.has(y) and any(
                e.has(y) for e in part.atoms(sp.exp))
               for part in sp.preorder_traversal(inner)):
            return True
    return False


def _textbook(expr: sp.Expr, clock: _Clock) -> sp.Expr:
    """A short equal form: simplify (budgeted; not at all with no budget), then split logs
    soundly and tidy."""
    simpler = call_within(sp.simplify, expr, seconds=max(1.0, clock.left(2))) if (
        clock.left() > 0) else None
    candidates = [expr] if simpler is None else [expr, simpler]
    forms = [tidy(sp.expand(sp.expand_log(c, force=False))) for c in candidates]
    return min(forms, key=lambda e: (sp.count_ops(e), len(str(e))))


def _terms(log_expr: sp.Expr, y: sp.Symbol) -> dict[sp.Expr, sp.Expr]:
    """log_expr as {x-dependent factor: coefficient}, after a sound expand_log.

    The arguments of the logs expand_log could not split are kept as they are: multiplied out,
    (x - 3)**3*(exp(1/(x - 3)) - 1) cancels to 0 near x = 3 in any working precision, and the
    honest Integral built from it would not evaluate.
    """
    split = sp.expand_log(log_expr, force=False)
    kept = {g: sp.Dummy() for g in split.atoms(sp.log)}
    expanded = sp.expand(split.xreplace(kept)).xreplace({d: g for g, d in kept.items()})
    groups: dict[sp.Expr, sp.Expr] = {}
    for term in sp.Add.make_args(expanded):
        coeff, g = term.as_independent(y, as_Add=False)
        groups[g] = groups.get(g, sp.S.Zero) + coeff
    return groups


def _honest_fallback(view: UnivariateView, integrand: Callable[[sp.Expr], sp.Expr]) -> sp.Expr:
    """The definition as an unevaluated Integral/Sum of ``integrand(density)``.

    A density SymPy writes with a ``Sum`` (UniformSum) is replaced by the family's elementary
    pieces, one Integral per piece, so that ``evalf`` reaches the digits asked.
    """
    x = view.variable
    lo, hi = view.bounds
    if view.discrete:
        return DefinitionSum(integrand(view.density), (x, lo, hi))
    pieces = view.pieces(x) if view.density.has(sp.Sum) else None
    if pieces:
        return settle(sp.Add(*(DefinitionIntegral(integrand(f), (x, a, b))
                               for f, a, b in pieces)))
    return settle(DefinitionIntegral(integrand(view.density), (x, lo, hi)))


def _budget(budget: float | None) -> float:
    """Seconds of SymPy integration allowed: the caller's, else the current limits'."""
    return current_limits().integrate_seconds if budget is None else budget


def _known_terms(view: UnivariateView, h_of_x: sp.Expr
                 ) -> tuple[sp.Expr, list[tuple[Known, sp.Expr]], sp.Expr]:
    """Split E[h(X)] into the terms the family record knows and the rest.

    Returns (sum of known values, [(Known, coefficient)] of those with a condition, rest of h).
    """
    x = view.variable
    known_total, conditional, rest = sp.S.Zero, [], sp.S.Zero
    for g, coeff in _terms(h_of_x, x).items():
        k = view.expectation(g, x)
        if k is None or k.finite is sp.false:
            rest += coeff * g
            continue
        known_total += coeff * k.value
        if k.finite is not sp.true:
            conditional.append((k, coeff))
    return known_total, conditional, rest


def expected_value(
    view: UnivariateView, h_of_x: sp.Expr, budget: float | None = None
) -> sp.Expr:
    """E_P[h(X)] for P read as ``view``: closed where the engine can, an Integral where not.

    ``h_of_x`` is typically a log-density (or a difference of two); it is expanded into terms.
    Terms whose expectation the family record knows (E[X], E[X^2], E[log X], ...) are taken from
    it first, deterministically; only the rest is integrated, by SymPy under ``budget`` seconds
    (default: ``symbinfo.limits``' ``integrate_seconds``; 0 integrates nothing), and what resists
    stays an honest unevaluated Integral.

    >>> from sympy.stats.crv_types import ExponentialDistribution
    >>> lam = sp.Symbol("lambda", positive=True)
    >>> v = read_univariate(ExponentialDistribution(lam))
    >>> expected_value(v, v.variable**2, budget=0)
    2/lambda**2
    """
    budget = _budget(budget)
    f_x = view.density
    if view.discrete or f_x.has(sp.Sum, sp.Integral) or h_of_x.has(sp.Sum, sp.Integral):
        return _honest_fallback(view, lambda f: f * h_of_x)
    known, conditional, rest = _known_terms(view, h_of_x)
    clock = _Clock(budget)
    value = known + (_integrated(view, rest, clock) if rest != 0 else 0)
    if not value.has(sp.Integral):
        value = _textbook(value, clock)
    if not conditional:
        return value
    # where a known expectation diverges: +oo when it diverges upwards with a positive
    # coefficient and everything else is closed; otherwise the definition itself
    upwards = all(k.otherwise == sp.oo and c.is_positive for k, c in conditional)
    otherwise = sp.oo if upwards and not value.has(sp.Integral) else _honest_fallback(
        view, lambda f: f * h_of_x)
    return sp.Piecewise((value, sp.And(*(k.finite for k, _ in conditional))), (otherwise, True))


def _integrated(view: UnivariateView, h_of_x: sp.Expr, clock: _Clock) -> sp.Expr:
    """E[h(X)] by SymPy integration under ``clock``, term by term; an Integral where not."""
    x = view.variable
    f_x = view.density
    if clock.left() <= 0:
        return DefinitionIntegral(f_x * h_of_x, (x, *view.bounds))
    if f_x.has(sp.Piecewise) or h_of_x.has(sp.Piecewise):
        lo, hi = view.bounds
        whole = sp.piecewise_fold(f_x * h_of_x)
        closed = integrate_within(whole, (x, lo, hi), seconds=clock.left())
        return DefinitionIntegral(f_x * h_of_x, (x, lo, hi)) if closed is None else closed
    f, y, limits = _shifted(view, f_x)
    h, _, _ = _shifted(view, h_of_x)
    closed = sp.S.Zero
    leftover = sp.S.Zero
    for g, coeff in _terms(h, y).items():
        value = _expectation(view, f, g, y, limits, clock)
        if value is None:
            leftover += coeff * g
        else:
            closed += coeff * value
    if leftover == 0:
        return closed
    back = leftover.subs(y, x - view.bounds[0]) if y != x else leftover
    x_lo, x_hi = view.bounds
    return closed + DefinitionIntegral(f_x * back, (x, x_lo, x_hi))


def differential_entropy(dist: Distribution, budget: float | None = None) -> sp.Expr:
    """−E[log f(X)]: closed by the generic engine when it can, else an honest Integral/Sum.

    >>> from sympy.stats.crv_types import NormalDistribution
    >>> sigma = sp.Symbol("sigma", positive=True)
    >>> h = differential_entropy(NormalDistribution(0, sigma))
    >>> sp.simplify(h - (sp.log(sigma) + sp.log(2 * sp.pi * sp.E) / 2))
    0
    >>> from sympy.stats.drv_types import PoissonDistribution
    >>> differential_entropy(PoissonDistribution(3)).evalf(15)
    1.93147019814857
    """
    view = read_univariate(dist)
    if view.discrete or view.density.has(sp.Sum):
        return _honest_fallback(view, lambda f: -f * sp.log(f))
    return expected_value(view, -sp.log(view.density), budget)


def _pair(p: Distribution, q: Distribution) -> tuple[UnivariateView, sp.Expr]:
    """P's view and log q in P's variable. The caller guarantees that P's support lies inside
    Q's, so when Q lives on [0, oo) the variable is positive and logs of x split soundly."""
    view, qview = read_univariate(p), read_univariate(q)
    if not view.discrete and not view.variable.is_positive and qview.variable.is_positive:
        x = qview.variable
        view = replace(view, variable=x)  # its density is read in x
    return view, sp.log(qview.density_at(view.variable))


def cross_entropy(p: Distribution, q: Distribution, budget: float | None = None) -> sp.Expr:
    """−E_P[log q(X)] (support checks are the caller's: q must be positive where p is).

    >>> from sympy.stats.crv_types import ExponentialDistribution
    >>> a, b = sp.symbols("a b", positive=True)
    >>> cross_entropy(ExponentialDistribution(a), ExponentialDistribution(b))
    -log(b) + b/a
    """
    view, log_q = _pair(p, q)
    if view.discrete:
        return _honest_fallback(view, lambda f: -f * log_q)
    return expected_value(view, -log_q, budget)


def kl_divergence(p: Distribution, q: Distribution, budget: float | None = None) -> sp.Expr:
    """E_P[log(p(X)/q(X))] (support checks are the caller's: q must be positive where p is).

    >>> from sympy.stats.crv_types import ExponentialDistribution
    >>> a, b = sp.symbols("a b", positive=True)
    >>> kl_divergence(ExponentialDistribution(a), ExponentialDistribution(b))
    log(a/b) - 1 + b/a
    """
    view, log_q = _pair(p, q)
    if view.discrete:
        return _honest_fallback(view, lambda f: f * (sp.log(f) - log_q))
    return expected_value(view, sp.log(view.density) - log_q, budget)
