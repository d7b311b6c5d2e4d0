r"""Fisher information of a parametric family, and what follows from it.

The Fisher information matrix of a density p(x; θ) is

    I(θ)_ij = E[∂_i log p(X; θ) ∂_j log p(X; θ)] = −E[∂_i ∂_j log p(X; θ)]

(the variance of the score; the two forms agree for a regular family, whose support does not
depend on θ and whose density is twice differentiable in θ: Lehmann & Casella, *Theory of Point
Estimation*, 2nd ed. (1998), §2.5, Lemma 5.3). It is computed here in two ways:

1. **exponential families** p(x) = exp(<η, T(x)> − F(η) + k(x)) (the family record's
   :class:`~symbinfo.distributions.families.ExpFamily`): the Fisher information in the natural
   parameters is the Hessian of the log-normaliser, ∇²F(η), and in SymPy's parameterisation
   a = (a_1, ...) it is Jᵀ ∇²F(η(a)) J with J = ∂η/∂a (Amari & Nagaoka, *Methods of
   Information Geometry* (2000), §2.2; Nielsen & Garcia, *Statistical exponential families: a
   digest with flash cards* (2009), §2);
2. **any other family**: the negative expected Hessian of the log-density, each entry through the
   generic engine (:func:`symbinfo.derivation.continuous.expected_value`: the family record's
   known expectations E[X], E[X²], E[log X], ... first, then integration under the budget), and an
   honest unevaluated ``Integral``/``Sum`` of the definition where it cannot be closed.

The parameters differentiated are the family's own arguments in SymPy's order (those that are
symbols); a reparameterisation is followed by the chain rule: ``params`` may be any symbols the
arguments are functions of (``Normal(mu, exp(t))`` in ``(mu, t)``). Parameters that are not
smooth are refused: integers (a Binomial's n), switches (Gumbel's ``minimum``) and parameters the
support depends on (a Uniform's ends, a Pareto's x_m), where the score's variance and the
Cramér–Rao bound do not hold.

>>> import sympy as sp
>>> from sympy.stats import Normal
>>> mu = sp.Symbol("mu", real=True); sigma = sp.Symbol("sigma", positive=True)
>>> fisher_information(Normal("X", mu, sigma))
Matrix([
[sigma**(-2),           0],
[          0, 2/sigma**2]])
"""

from __future__ import annotations

from collections.abc import Iterable

import sympy as sp
from sympy.stats.rv import Distribution

from ..derivation.budget import call_within
from ..derivation.continuous import expected_value
from ..derivation.honest import DefinitionSum
from ..distributions.continuous import UnivariateView, distribution_of, read_univariate
from ..distributions.joint_families import moment_reading
from ..errors import InvalidParameterError, UnsupportedInputError, guarded
from ..limits import current_limits
from ..parsing.gate import to_sympy
from .base import InformationMeasure, single
from .divergences import KLDivergence, kl_divergence

LC = "Lehmann & Casella, Theory of Point Estimation, 2nd ed. (1998), §2.5"


# --- which arguments are smooth parameters ---------------------------------------------------


def _canonical(dist: Distribution) -> tuple[Distribution, dict, list[str]]:
    """``dist`` with each argument that is a smooth parameter and not a number replaced by a
    fresh symbol carrying the parameter's assumptions.

    Returns (canonical distribution, {name: symbol}, names of arguments that are not smooth
    although they hold symbols, with the reason).
    """
    view = read_univariate(dist)
    rec = view.record
    flags = dict(rec.flags)
    names = [n for n in rec.params if n in view.parameters]
    args = list(dist.args)
    symbols: dict[str, sp.Symbol] = {}
    rough: list[str] = []
    for i, n in enumerate(names):
        value = args[i]
        if not getattr(value, "free_symbols", None):
            continue
        if n in flags:
            rough.append(f"{n} (a switch)")
        elif n in rec.integer:
            rough.append(f"{n} (an integer)")
        else:
            real = n in rec.real
            symbols[n] = sp.Dummy(n, real=True) if real else sp.Dummy(n, positive=True)
            args[i] = symbols[n]
    canon = type(dist)(*args)
    support = rec.true_support(canon)
    ends = set().union(*(e.free_symbols for e in (support.inf, support.sup)))
    for n in [n for n in symbols if symbols[n] in ends]:
        rough.append(f"{n} (the support depends on it)")
        del symbols[n]
    density = read_univariate(canon).density
    kinks = set().union(*(c.free_symbols for pw in density.atoms(sp.Piecewise)
                          for _, c in pw.args))
    for n in list(symbols):
        if symbols[n] not in density.free_symbols:  # a label (a Binomial's succ), not a parameter
            del symbols[n]
        elif symbols[n] in kinks:
            rough.append(f"{n} (the density's pieces depend on it)")
            del symbols[n]
    # the support-dependent ones keep the user's value
    final = [symbols.get(n, v)
             for n, v in zip(names, dist.args, strict=False)] + list(dist.args[len(names):])
    return type(dist)(*final), symbols, rough


def _parameters(dist: Distribution, params: object, smooth: dict, rough: list[str]
                ) -> list[sp.Symbol]:
    """The symbols to differentiate in: ``params`` checked, or the default."""
    view = read_univariate(dist)
    names = [n for n in view.record.params if n in view.parameters and n in smooth]
    smooth_symbols: list[sp.Symbol] = []
    for n in names:
        for s in sorted(view.parameters[n].free_symbols, key=sp.default_sort_key):
            if s not in smooth_symbols:
                smooth_symbols.append(s)
    rough_symbols = set().union(*(view.parameters[r.split(" ")[0]].free_symbols
                                  for r in rough)) if rough else set()
    if params is None:
        chosen = [s for s in smooth_symbols if s not in rough_symbols]
        if not chosen:
            why = "; ".join(rough) if rough else "its arguments are numbers"
            raise UnsupportedInputError(
                f"{dist} has no smooth parameter to take the Fisher information in ({why})")
        return chosen
    given = list(params) if isinstance(params, Iterable) and not isinstance(
        params, (str, sp.Basic)) else [params]
    if not given:
        raise InvalidParameterError("params must name at least one parameter")
    out = []
    for p in given:
        if not isinstance(p, sp.Symbol):
            raise InvalidParameterError(
                f"params must be symbols the distribution's arguments depend on, not {p!r}")
        if p in rough_symbols:
            raise UnsupportedInputError(
                f"the Fisher information of {dist} in {p} is not defined here: {p} enters "
                f"a parameter that is not smooth ({'; '.join(rough)})")
        if p not in smooth_symbols:
            raise InvalidParameterError(f"{p} is not a parameter of {dist}")
        if p in out:
            raise InvalidParameterError(f"params names {p} twice")
        out.append(p)
    return out


# --- the two ways ------------------------------------------------------------------------------


def _simplified(expr: sp.Expr) -> sp.Expr:
    if expr.has(sp.Integral, sp.Sum):
        return expr
    if sp.count_ops(expr) <= 6:  # already short: no child process for simplify
        return _positive_factors(expr)
    # a short look for a simpler form: the value is right either way
    done = call_within(sp.simplify, expr, seconds=min(3.0, current_limits().step_seconds))
    return _positive_factors(expr if done is None else done)


def _positive_factors(expr: sp.Expr) -> sp.Expr:
    """-1/(p (p - 1)) as 1/(p (1 - p)): a negative product with a factor (x - c) to an odd
    power takes the sign into that factor (the textbook writes 1 - p for a probability)."""
    if not isinstance(expr, sp.Mul) or not expr.could_extract_minus_sign():
        return expr
    factors = list(expr.args)
    for i, f in enumerate(factors):
        base, e = f.as_base_exp()
        if isinstance(base, sp.Add) and e.is_Integer and e % 2 == 1:
            factors[i] = sp.Pow(sp.expand(-base), e)
            return -sp.Mul(*factors)
    return expr


def _by_log_normaliser(canon: Distribution, syms: list[sp.Symbol]) -> sp.Matrix | None:
    """Jᵀ ∇²F(η) J, when every parameter in ``syms`` enters only the natural parameters."""
    ef = read_univariate(canon).record.expfamily
    if ef is None:
        return None
    fixed = ef.fixed(canon)
    frozen = set().union(*(getattr(f, "free_symbols", set()) for f in fixed)) if fixed else set()
    if frozen & set(syms):
        return None
    theta = list(ef.theta(canon))
    eta = [sp.Dummy(f"eta{i}") for i in range(len(theta))]
    F = ef.F(canon, eta)
    if any(s in F.free_symbols for s in syms):
        return None
    hess = sp.hessian(F, eta).xreplace(dict(zip(eta, theta, strict=True)))
    jac = sp.Matrix(theta).jacobian(syms)
    return (jac.T * hess * jac).applyfunc(_simplified)


def _discrete_expectation(view: UnivariateView, h: sp.Expr) -> sp.Expr:
    """E[h(K)] for a discrete family: terms free of k are themselves; the rest summed under
    the budget, an honest Sum of the definition where that fails."""
    k = view.variable
    lo, hi = view.bounds
    f = view.density
    total = sp.S.Zero
    rest = sp.S.Zero
    for term in sp.Add.make_args(sp.expand(h)):
        coeff, g = term.as_independent(k, as_Add=False)
        if not g.has(k):
            total += term
            continue
        done = call_within(sp.summation, g * f, (k, lo, hi),
                           seconds=current_limits().integrate_seconds)
        if done is None or done.has(sp.Sum) or done.has(sp.nan) or not done.is_finite is not False:
            rest += term
        else:
            total += coeff * done
    if rest != 0:
        total += DefinitionSum(f * rest, (k, lo, hi))
    return total


def _standardised(canon: Distribution, syms: list[sp.Symbol]) -> tuple[dict, list[sp.Expr]]:
    """For a location-scale family f(x) = g((x - m)/s)/s: the substitution m -> 0, s -> 1 of the
    smooth location/scale symbols and each parameter's factor d_i (1/s for m and s, 1 for the
    others). The scores at (m, s) are d_i times the scores of the standard member at Z = (X -
    m)/s, so I(m, s, ...) = D M D with M the standard member's information (Lehmann & Casella
    (1998), §2.5, Example 5.14 and its multiparameter form)."""
    rec = read_univariate(canon).record
    params = dict(zip(rec.params, canon.args, strict=False))
    loc, scale = params.get(rec.location), params.get(rec.scale)
    std: dict = {}
    if loc in syms:
        std[loc] = sp.S.Zero
    if scale in syms:
        std[scale] = sp.S.One
    factor = [1 / scale if scale in std and s in (loc, scale) else sp.S.One for s in syms]
    return std, factor


def _by_hessian(canon: Distribution, syms: list[sp.Symbol]) -> sp.Matrix:
    """−E[∂_i ∂_j log p(X)], entry by entry, through the generic engine (on the standard member
    of a location-scale family)."""
    view = read_univariate(canon)
    x = view.variable
    logp = sp.expand_log(sp.log(view.density), force=False)
    std, factor = _standardised(canon, syms)
    view0 = read_univariate(canon.xreplace(std)) if std else view
    n = len(syms)
    out = sp.zeros(n, n)
    for i in range(n):
        for j in range(i, n):
            h = -sp.diff(logp, syms[i], syms[j])
            if h.has(sp.DiracDelta):  # a kink in x (Laplace's |x - m|): the score's product
                h = sp.diff(logp, syms[i]) * sp.diff(logp, syms[j])
            h = sp.expand(h.replace(lambda e: isinstance(e, sp.Pow) and isinstance(
                e.base, sp.sign) and e.exp == 2, lambda e: sp.S.One)).xreplace(std)
            if not h.has(x):
                value = h
            elif view0.discrete:
                value = _discrete_expectation(view0, h)
            else:
                value = expected_value(view0, h.xreplace({x: view0.variable}))
            out[i, j] = out[j, i] = _factored_arguments(_simplified(value)) * factor[i] * factor[j]
    return out


def _factored_arguments(expr: sp.Expr) -> sp.Expr:
    """erfc(a r s/2 - x/(2 s)) as erfc((a r s**2 - x)/(2 s)): the same value, but a sum in an
    erf/erfc argument becomes ``2 - erfc(x - ...)`` once numbers are substituted (SymPy takes
    the minus sign out), which cancels to nothing where erfc is tiny (the ExGaussian's left
    tail); a factored argument keeps its sign and the integral evaluates numerically."""
    return expr.replace(lambda e: isinstance(e, (sp.erf, sp.erfc)) and e.args[0].is_Add,
                        lambda e: e.func(sp.factor_terms(e.args[0])))


def _joint_information(dist: Distribution, params: object) -> tuple[sp.Matrix, list] | None:
    """−E[∇² log p] of a multivariate normal, Dirichlet, multinomial or Wishart: the Hessian
    of the log-density is a polynomial of degree <= 2 in the observation x, so its expectation
    is read from E[X] and Cov X (``moment_reading``). Parameters: ``params``, else the free
    symbols of the arguments that are not integers (a multinomial's n is a count)."""
    found = moment_reading(dist)
    if found is None:
        return None
    x, logp, mean, cov = found
    free = sorted((s for s in dist.free_symbols if not s.is_integer), key=sp.default_sort_key)
    chosen = free if params is None else [
        to_sympy(p, "a parameter") for p in (params if isinstance(params, (list, tuple))
                                              else [params])]
    if not chosen:
        raise UnsupportedInputError(f"{dist} has no smooth parameter to take the Fisher "
                                    "information in (its arguments are numbers)")
    for p in chosen:
        if not isinstance(p, sp.Symbol) or p not in free:
            raise InvalidParameterError(
                f"{p} is not a smooth parameter of {dist}; its smooth parameters are {free}")
    second = cov + mean * mean.T

    def expectation(h: sp.Expr) -> sp.Expr:
        poly = sp.Poly(sp.expand(h), *x)
        if poly.total_degree() > 2:
            raise UnsupportedInputError(f"the Hessian of log p of {dist} is not quadratic in x")
        total = sp.S.Zero
        for monomial, coeff in poly.terms():
            at = [i for i, e in enumerate(monomial) for _ in range(e)]
            total += coeff * (1 if not at else mean[at[0]] if len(at) == 1
                              else second[at[0], at[1]])
        return total
    hessian = sp.hessian(logp, chosen)
    return hessian.applyfunc(lambda h: _simplified(sp.factor(-expectation(h)))), chosen


def _information(dist: Distribution, params: object) -> tuple[sp.Matrix, list[sp.Symbol]]:
    joint = _joint_information(dist, params)
    if joint is not None:
        return joint
    canon, smooth, rough = _canonical(dist)
    chosen = _parameters(dist, params, smooth, rough)
    view = read_univariate(dist)
    names = [n for n in view.record.params if n in smooth]
    syms = [smooth[n] for n in names]
    info = _by_log_normaliser(canon, syms)
    if info is None:
        info = _by_hessian(canon, syms)
    values = {smooth[n]: view.parameters[n] for n in names}
    jac = sp.Matrix([view.parameters[n] for n in names]).jacobian(chosen)
    info = info.xreplace(values)
    if jac == sp.eye(len(chosen)):  # the arguments themselves: already simplified
        return info, chosen
    result = (jac.T * info * jac).applyfunc(lambda e: _simplified(sp.expand(e)) if not e.has(
        sp.Integral, sp.Sum) else e)
    return result, chosen


@guarded
def fisher_information(dist: object, params: object = None) -> sp.Matrix:
    r"""The Fisher information matrix I(θ)_ij = E[∂_i log p ∂_j log p] = −E[∂_i ∂_j log p].

    ``dist`` is a univariate sympy.stats random variable or distribution, or a multivariate
    normal, Dirichlet, multinomial or Wishart with an explicit scale (read from its moments:
    −E[∇² log p] is then a function of E[X] and Cov X); ``params`` the symbols to
    differentiate in (default: the family's
    arguments that are symbols, in SymPy's order; for the multivariate ones, their non-integer
    free symbols in sorted order).
    Exponential families are read through the Hessian of their log-normaliser, the others by
    the negative expected Hessian; an entry the engine cannot close is an honest unevaluated
    Integral/Sum of its definition. Source: Lehmann & Casella (1998), §2.5; Amari & Nagaoka
    (2000), §2.2 (the log-normaliser's Hessian).

    >>> import sympy as sp
    >>> from sympy.stats import Gamma, Poisson
    >>> k, th, lam = sp.symbols("k theta lambda", positive=True)
    >>> fisher_information(Gamma("G", k, th))
    Matrix([
    [polygamma(1, k),    1/theta],
    [        1/theta, k/theta**2]])
    >>> fisher_information(Poisson("N", lam))
    Matrix([[1/lambda]])
    """
    return _information(distribution_of(dist), params)[0]


@guarded
def cramer_rao_bound(dist: object, params: object = None) -> sp.Matrix:
    r"""The Cramér–Rao bound I(θ)⁻¹: the least covariance matrix of an unbiased estimator of θ
    from one observation (Cramér (1946), Mathematical Methods of Statistics, §32.3; Rao (1945)).

    >>> import sympy as sp
    >>> from sympy.stats import Exponential
    >>> lam = sp.Symbol("lambda", positive=True)
    >>> cramer_rao_bound(Exponential("T", lam))
    Matrix([[lambda**2]])
    """
    info = fisher_information(dist, params)
    if any(e.has(sp.Integral, sp.Sum) for e in info):
        raise UnsupportedInputError(
            f"the Fisher information of {dist} is not closed, so its inverse is not taken")
    return info.inv().applyfunc(_simplified)


@guarded
def jeffreys_prior(dist: object, params: object = None) -> sp.Expr:
    r"""Jeffreys' prior density, up to a constant: sqrt(det I(θ)) (Jeffreys (1946), *An invariant
    form for the prior probability in estimation problems*, Proc. R. Soc. A 186).

    >>> import sympy as sp
    >>> from sympy.stats import Bernoulli, Normal
    >>> p = sp.Symbol("p", positive=True)
    >>> jeffreys_prior(Bernoulli("B", p))
    sqrt(1/(1 - p))/sqrt(p)
    >>> mu = sp.Symbol("mu", real=True); s = sp.Symbol("sigma", positive=True)
    >>> jeffreys_prior(Normal("X", mu, s))
    sqrt(2)/sigma**2
    """
    info = fisher_information(dist, params)
    if any(e.has(sp.Integral, sp.Sum) for e in info):
        raise UnsupportedInputError(
            f"the Fisher information of {dist} is not closed, so its determinant is not taken")
    return sp.sqrt(_simplified(info.det()))


def kl_expansion_sides(dist: object, params: object = None) -> tuple[sp.Expr, sp.Expr]:
    """(the series of KL(p_θ ‖ p_{θ+δ}) through δ², ½ δᵀ I(θ) δ): the two sides
    :func:`local_kl_expansion` compares (δ_a is the symbol ``delta_a``).

    >>> import sympy as sp
    >>> from sympy.stats import Poisson
    >>> lam = sp.Symbol("lambda", positive=True)
    >>> kl_expansion_sides(Poisson("N", lam))
    (delta_lambda**2/(2*lambda), delta_lambda**2/(2*lambda))
    """
    d = distribution_of(dist)
    info, chosen = _information(d, params)
    if any(e.has(sp.Integral, sp.Sum) for e in info):
        raise UnsupportedInputError(
            f"the Fisher information of {dist} is not closed; the expansion is not stated")
    eps = sp.Dummy("epsilon", positive=True)
    deltas = [sp.Symbol(f"delta_{p}", real=True) for p in chosen]
    moved = {p: sp.Dummy(str(p), **_assumptions(p)) for p in chosen}
    kl = kl_divergence(d, d.xreplace(moved))
    if kl.has(sp.Integral, sp.Sum, KLDivergence):
        raise UnsupportedInputError(
            f"the KL divergence within the family of {dist} is not closed; the expansion is "
            "not stated")
    shifted = kl.xreplace({moved[p]: p + eps * dl for p, dl in zip(chosen, deltas, strict=True)})
    found = call_within(lambda e: sp.series(e, eps, 0, 3).removeO(), shifted,
                        seconds=current_limits().step_seconds)
    if found is None:
        raise UnsupportedInputError(f"the series of KL in δ for {dist} did not close in time")
    lhs = found.xreplace({eps: 1})
    vec = sp.Matrix(deltas)
    rhs = sp.expand((vec.T * info * vec)[0] / 2)
    return lhs, rhs


def _assumptions(p: sp.Symbol) -> dict:
    return {k: v for k, v in p.assumptions0.items() if k in ("real", "positive") and v}



class FisherInformation(InformationMeasure):
    r"""One entry I_ij(θ) = −E[∂_i ∂_j log p(X; θ)] of the Fisher information matrix, unevaluated
    (``FisherInformation(X, theta)`` is the diagonal entry I_θθ); ``.doit()`` gives the entry of
    :func:`fisher_information` and :func:`symbinfo.derive` shows it through the log-normaliser.
    Source: Lehmann & Casella (1998), §2.5.

    >>> import sympy as sp
    >>> from sympy.stats import Normal
    >>> s = sp.Symbol("sigma", positive=True)
    >>> I = FisherInformation(Normal("X", 0, s), s)
    >>> I, I.doit(), sp.latex(I)
    (I_sigma(X), 2/sigma**2, '\\mathcal{I}_{\\sigma}(X)')
    """

    has_base = False

    def __new__(cls, x: object, i: object = None, j: object = None):
        if i is None:
            raise UnsupportedInputError("FisherInformation needs the parameter (or two)")
        for p in (i, j):
            if p is not None and not isinstance(p, sp.Symbol):
                raise InvalidParameterError(f"a parameter must be a symbol, not {p!r:.60}")
        return super().__new__(cls, single(x), i, i if j is None else j)

    def _is_parameter(self, arg: sp.Basic) -> bool:
        return arg in self.args[1:]

    @property
    def parameters(self) -> tuple[sp.Symbol, sp.Symbol]:
        return self.args[1], self.args[2]

    def nats(self):
        from .. import engine

        value = fisher_entry_parts(self)[3]
        method = engine.UNEVALUATED if value.has(sp.Integral, sp.Sum) else engine.GENERIC
        return engine.Evaluation(value, method)

    def _sympystr(self, printer) -> str:
        i, j = self.parameters
        sub = printer._print(i) if i == j else f"({printer._print(i)}, {printer._print(j)})"
        return f"I_{sub}({printer._print(self.args[0])})"

    def _latex(self, printer) -> str:
        i, j = self.parameters
        sub = printer._print(i) if i == j else f"{printer._print(i)} {printer._print(j)}"
        return rf"\mathcal{{I}}_{{{sub}}}({printer._print(self.args[0])})"


def fisher_entry_parts(measure: FisherInformation) -> tuple:
    """(view, a_i, a_j, the entry, exponential-family parts or None) for a derivation:
    the parts are (θ(a), T(x), F(θ(a)), ∇F at θ(a)) when a_i and a_j enter only θ."""
    from ..distributions.view import Kind, distribution, kind_of

    if kind_of(measure.args[0]) not in (Kind.CONTINUOUS, Kind.DISCRETE):
        raise UnsupportedInputError(
            f"the Fisher information is taken of a univariate family, not {measure.args[0]}")
    dist = distribution(measure.args[0])
    ai, aj = measure.parameters
    chosen = [ai] if ai == aj else [ai, aj]
    info = fisher_information(dist, chosen)
    value = info[0, len(chosen) - 1]
    view = read_univariate(dist)
    ef = view.record.expfamily
    if ef is None:
        return view, ai, aj, value, None
    x = view.variable
    fixed = ef.fixed(dist)
    frozen = set().union(*(getattr(f, "free_symbols", set()) for f in fixed)) if fixed else set()
    stats, carrier = ef.T(dist, x), ef.carrier(dist, x)
    moving = {ai, aj}
    if moving & frozen or any(
            moving & getattr(e, "free_symbols", set()) for e in [*stats, carrier]):
        return view, ai, aj, value, None
    theta = list(ef.theta(dist))
    eta = [sp.Dummy(f"eta{k}") for k in range(len(theta))]
    F_eta = ef.F(dist, eta)
    grad = [sp.diff(F_eta, e).xreplace(dict(zip(eta, theta, strict=True))) for e in eta]
    return view, ai, aj, value, (theta, stats, ef.F(dist, theta), grad)
