r"""Derivations of the generalised measures of exponential families, through the log-normaliser.

For a family p(x) = exp(<θ, T(x)> − F(θ) + k(x)) (the family record's
:class:`~symbinfo.distributions.families.ExpFamily`) every integral of a product of powers of
densities is a value of F (Nielsen & Nock 2011, *On Rényi and Tsallis entropies and divergences
for exponential families*, J. Phys. A 45; Nielsen & Garcia 2009, §5):

- Rényi entropy (constant carrier k): ∫ p^α = exp(F(αθ) − α F(θ)), so
  H_α = (F(αθ) − α F(θ))/(1 − α);
- Rényi divergence (same family, same fixed parameters; the carrier cancels):
  ∫ p^α q^(1−α) = exp(F(αθ₁ + (1 − α)θ₂) − α F(θ₁) − (1 − α) F(θ₂)) = exp(−J_F^α(θ₁ : θ₂)), so
  D_α = J_F^α(θ₁ : θ₂)/(1 − α), where αθ₁ + (1 − α)θ₂ is a natural parameter (always for
  0 < α < 1; +oo otherwise);
- Hellinger distance (DESIGN's sqrt(1 − BC)): BC = ∫ sqrt(p q) = exp(−J_F^{1/2}(θ₁ : θ₂));
- Fisher information in SymPy's parameters a: ∂_i∂_j log p = Σ_k ∂_i∂_j θ_k T_k(x) −
  ∂_i∂_j F(θ(a)) and E[T] = ∇F(θ), so I_ij = ∂_i∂_j F(θ(a)) − Σ_k ∂_i∂_j θ_k ∂_k F(θ(a)).

Each derivation starts from the defining integral (sum, for a pmf) with the density written out,
rewrites the integrand in the exponential-family form, applies the log-normaliser identity and
simplifies; :meth:`Derivation.build` checks every step against the previous one (numerically by
quadrature of the integrals at random parameter points where SymPy cannot show it). The closed
forms reached here are computed from the family record's (θ, F) alone; the measures' own rules
(issue 9's items 1–2) are built elsewhere, and a derivation of a measure none of these cover
returns ``None`` so that :func:`~symbinfo.derivation.derivation.derive` goes its usual way.
"""

from __future__ import annotations

import sympy as sp

from ..distributions.continuous import UnivariateView, read_univariate
from ..distributions.view import Kind, distribution, kind_of
from ..errors import UnsupportedInputError
from .budget import call_within
from .simplify import tidy
from .steps import Definition, Derivation, Engine, ExpandLog, Identity, Simplify, Substitute

RENYI = "Rényi (1961), On measures of entropy and information, Proc. 4th Berkeley Symp."
NN = ("Nielsen & Nock (2011), On Rényi and Tsallis entropies and divergences for exponential "
      "families, J. Phys. A 45 (2012) 032003")
LC = "Lehmann & Casella (1998), Theory of Point Estimation, 2nd ed., §2.5"
#: where the numeric checks draw parameters: away from narrow peaks and from the edges of the
#: natural parameter space
RANGES = {"positive": (0.5, 2.0), "real": (-1.5, 1.5)}


def _family(obj: object) -> UnivariateView | None:
    """The view of a univariate exponential-family member, or ``None``."""
    try:
        if kind_of(obj) not in (Kind.CONTINUOUS, Kind.DISCRETE):
            return None
        view = read_univariate(distribution(obj))
    except UnsupportedInputError:
        return None
    return view if view.record.expfamily is not None else None


def _lin(theta: list, stats: list) -> sp.Expr:
    return sp.Add(*(t * s for t, s in zip(theta, stats, strict=True)))


def _total(view: UnivariateView, integrand: sp.Expr) -> sp.Expr:
    """∫ (Σ for a pmf) of ``integrand`` over the support, unevaluated."""
    x, (lo, hi) = view.variable, view.bounds
    return sp.Sum(integrand, (x, lo, hi)) if view.discrete else sp.Integral(integrand, (x, lo, hi))


def _short(expr: sp.Expr) -> sp.Expr:
    done = call_within(sp.simplify, expr, seconds=3.0)
    return tidy(expr if done is None else done)


def _ranges(exprs: list[sp.Expr], order: sp.Expr | None, order_range: tuple) -> dict:
    out = {}
    for s in set().union(*(e.free_symbols for e in exprs)):
        if s == order:
            out[s] = order_range
        elif s.is_positive:
            out[s] = RANGES["positive"]
        elif s.is_real:
            out[s] = RANGES["real"]
    return out


def _build(measure: sp.Expr, steps: list, title: str, order: sp.Expr | None = None,
           order_range: tuple = (0.3, 0.9), constraints: tuple = ()) -> Derivation:
    ranges = _ranges([s.expr for s in steps], order, order_range)
    return Derivation.build(measure, steps, title=title, ranges=ranges,
                            constraints=list(constraints))


def _renyi_entropy(measure) -> Derivation | None:
    view = _family(measure.args[0])
    alpha = measure.order
    if view is None or (not alpha.free_symbols and alpha in (0, 1, sp.oo)):
        return None
    ef, d, x = view.record.expfamily, view.distribution, view.variable
    if ef.carrier(d, x) != 0 or (ef.fixed(d) and any(
            getattr(f, "free_symbols", None) for f in ef.fixed(d))):
        return None
    theta, stats = ef.theta(d), ef.T(d, x)
    F = ef.F(d, theta)
    steps = [
        Definition(sp.log(_total(view, view.density**alpha)) / (1 - alpha),
                   name="Rényi entropy of order α", source=RENYI),
        Substitute(sp.log(_total(view, sp.exp(alpha * (_lin(theta, stats) - F)))) / (1 - alpha),
                   what="the exponential-family form p(x) = exp(<θ, T(x)> − F(θ)), θ = "
                        f"{sp.sstr(theta)}"),
        Identity((ef.F(d, [alpha * t for t in theta]) - alpha * F) / (1 - alpha),
                 name="∫ exp(<αθ, T(x)>) dx = exp(F(αθ)), the log-normaliser at αθ (a natural "
                      "parameter for the orders checked)", source=NN),
    ]
    steps.append(Simplify(_short(steps[-1].expr)))
    return _build(measure, steps, f"Rényi entropy of {view.family}", alpha, (0.3, 1.8),
                  view.domain)


def _domains(measure) -> tuple:
    return tuple(r for obj in (measure.p, measure.q)
                 for r in read_univariate(distribution(obj)).domain)


def _pair(measure) -> tuple | None:
    vp, vq = _family(measure.p), _family(measure.q)
    if vp is None or vq is None or vp.record is not vq.record:
        return None
    ef = vp.record.expfamily
    if tuple(ef.fixed(vp.distribution)) != tuple(ef.fixed(vq.distribution)):
        return None
    return vp, vq, ef


def _skew(measure, alpha: sp.Expr) -> tuple[list[Definition | Substitute | Identity], tuple]:
    """The steps ∫ p^α q^(1−α) → exp-family form → exp(−J_F^α), and (vp, J)."""
    vp, vq, ef = _pair(measure)
    d1, d2, x = vp.distribution, vq.distribution, vp.variable
    t1, t2 = ef.theta(d1), ef.theta(d2)
    stats, k = ef.T(d1, x), ef.carrier(d1, x)
    f1, f2 = ef.F(d1, t1), ef.F(d1, t2)
    mixed = [alpha * a + (1 - alpha) * b for a, b in zip(t1, t2, strict=True)]
    integral = _total(vp, vp.density**alpha * vq.density_at(x) ** (1 - alpha))
    form = _total(vp, sp.exp(k + _lin(mixed, stats) - alpha * f1 - (1 - alpha) * f2))
    jensen = alpha * f1 + (1 - alpha) * f2 - ef.F(d1, mixed)
    return [integral, form], (vp, jensen, t1, t2)


def _renyi_divergence(measure) -> Derivation | None:
    alpha = measure.alpha
    if _pair(measure) is None or (not alpha.free_symbols and alpha in (0, 1, sp.oo)):
        return None
    (integral, form), (vp, jensen, t1, t2) = _skew(measure, alpha)
    steps = [
        Definition(sp.log(integral) / (alpha - 1), name="Rényi divergence of order α",
                   source=RENYI),
        Substitute(sp.log(form) / (alpha - 1),
                   what=f"both densities in the exponential-family form, θ₁ = {sp.sstr(t1)}, "
                        f"θ₂ = {sp.sstr(t2)} (the carrier appears once: h^α h^(1−α) = h)"),
        Identity(-jensen / (alpha - 1),
                 name="∫ h(x) exp(<η, T(x)>) dx = exp(F(η)) at η = αθ₁ + (1 − α)θ₂: the skew "
                      "Jensen divergence J_F^α over 1 − α (valid while η is a natural "
                      "parameter, always for 0 < α < 1; +oo otherwise)", source=NN),
    ]
    steps.append(Simplify(_short(steps[-1].expr)))
    return _build(measure, steps, f"Rényi divergence of two {vp.family} distributions", alpha,
                  (0.2, 0.9), _domains(measure))


def _hellinger(measure) -> Derivation | None:
    if _pair(measure) is None:
        return None
    half = sp.S.Half
    (integral, form), (vp, jensen, t1, t2) = _skew(measure, half)
    steps = [
        Definition(sp.sqrt(1 - integral), name="Hellinger distance sqrt(1 − ∫ sqrt(p q))",
                   source="Hellinger (1909); DESIGN's convention, in [0, 1]"),
        Substitute(sp.sqrt(1 - form),
                   what=f"both densities in the exponential-family form, θ₁ = {sp.sstr(t1)}, "
                        f"θ₂ = {sp.sstr(t2)}"),
        Identity(sp.sqrt(1 - sp.exp(-jensen)),
                 name="the Bhattacharyya coefficient ∫ sqrt(p q) = exp(−J_F^{1/2}(θ₁ : θ₂)), "
                      "F at the midpoint (θ₁ + θ₂)/2", source=NN),
    ]
    steps.append(Simplify(_short(steps[-1].expr)))
    return _build(measure, steps, f"Hellinger distance of two {vp.family} distributions",
                  constraints=_domains(measure))


def _fisher(measure) -> Derivation | None:
    from ..measures.fisher import fisher_entry_parts

    parts = fisher_entry_parts(measure)
    if parts is None:
        return None
    view, ai, aj, value, ef_parts = parts
    f = view.density
    definition = -_total(view, f * sp.diff(sp.expand_log(sp.log(f), force=False), ai, aj))
    steps = [Definition(definition, name="Fisher information −E[∂_i ∂_j log p(X)]", source=LC)]
    if ef_parts is None:
        steps.append(Engine(value, how="the negative expected Hessian (fisher_information)"))
        return _build(measure, steps, f"Fisher information of {view.family}",
                      constraints=view.domain)
    theta, stats, F_of_a, grad = ef_parts
    hess_theta = [sp.diff(t, ai, aj) for t in theta]
    steps += [
        ExpandLog(-_total(view, f * (_lin(hess_theta, stats) - sp.diff(F_of_a, ai, aj)))),
        Identity(sp.diff(F_of_a, ai, aj) - _lin(hess_theta, grad),
                 name="linearity, ∫ p = 1 and the mean parameters E[T(X)] = ∇F(θ) of an "
                      "exponential family", source="Nielsen & Garcia (2009), §2"),
        Simplify(value),
    ]
    return _build(measure, steps, f"Fisher information of {view.family}", constraints=view.domain)


def generalised_derivation(measure: sp.Expr) -> Derivation | None:
    """The derivation of ``measure`` through the log-normaliser, or ``None`` when it is not a
    Rényi entropy/divergence, Hellinger distance or Fisher information of an exponential family
    (in nats) that this module covers.

    >>> import sympy as sp
    >>> from sympy.stats import Exponential
    >>> from symbinfo import RenyiEntropy
    >>> lam, a = sp.symbols("lambda alpha", positive=True)
    >>> d = generalised_derivation(RenyiEntropy(Exponential("T", lam), a))
    >>> [step.kind for step in d]
    ['definition', 'substitute', 'identity', 'simplify']
    >>> sp.simplify(d.result - (-sp.log(lam) + sp.log(a) / (a - 1)))
    0
    """
    from ..measures.divergences import HellingerDistance, RenyiDivergence, RenyiEntropy
    from ..measures.fisher import FisherInformation

    if getattr(measure, "has_base", False) and measure.base != sp.E:
        return None
    if isinstance(measure, RenyiEntropy):
        return _renyi_entropy(measure)
    if isinstance(measure, RenyiDivergence):
        return _renyi_divergence(measure)
    if isinstance(measure, HellingerDistance):
        return _hellinger(measure)
    if isinstance(measure, FisherInformation):
        return _fisher(measure)
    return None
