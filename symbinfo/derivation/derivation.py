r"""``derive(measure)``: a checked, step-by-step derivation following the engine's own path.

- Finite inputs: definition (a sum over the support) → the probabilities substituted →
  the evaluated terms → the simplified value the engine returns. Shannon measures of several
  variables go through their entropy identity (and, for I(X; Y), start from its definition).
- Continuous families whose log-density is a polynomial in ``X`` or ``log X`` with known moments
  (Normal, Exponential, Gamma, LogNormal): definition → substitute the densities → expand the
  logarithms → linearity of expectation → known moments (with their source) → simplify; when the
  engine used a closed-form rule, the rule's formula and source follow as a checked step.
- Otherwise the engine's path: a closed-form rule (with its source, then a numeric check against
  quadrature of the definition), the generic engine's result, or an honest "could not do this".

Every step is checked against the previous one when the derivation is built (see
:mod:`symbinfo.derivation.steps`).

>>> import sympy as sp
>>> from sympy.stats import Normal
>>> from symbinfo import KLDivergence
>>> m1, m2 = sp.symbols("m1 m2", real=True)
>>> s1, s2 = sp.symbols("s1 s2", positive=True)
>>> d = derive(KLDivergence(Normal("P", m1, s1), Normal("Q", m2, s2)))
>>> [step.kind for step in d]
['definition', 'substitute', 'expand-log', 'linearity', 'moments', 'rule']
>>> d.result
log(s2/s1) - 1/2 + (s1**2 + (m1 - m2)**2)/(2*s2**2)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

import sympy as sp
from sympy.stats.drv import SingleDiscreteDistribution
from sympy.stats.joint_rv import JointRandomSymbol
from sympy.stats.rv import Distribution, RandomSymbol

from .. import engine
from ..closedforms.registry import check_parameters
from ..distributions.continuous import pdf_of, read_univariate
from ..distributions.view import Kind, distribution, finite_joint, finite_pmf, kind_of
from ..errors import UnsupportedInputError
from ..measures.base import InformationMeasure, to_base
from ..measures.divergences import (
    CrossEntropy,
    JensenShannonDivergence,
    KLDivergence,
    RenyiEntropy,
)
from ..measures.shannon import Entropy, MutualInformation, _EntropyCombination
from ..parsing.gate import to_sympy
from .moments import known_moment
from .multivariate import _is_mvn, mvn_entropy
from .simplify import tidy
from .steps import (
    ClosedFormRule,
    CouldNotDo,
    Definition,
    Derivation,
    Engine,
    EvaluateTerms,
    ExpandLog,
    Expect,
    FiniteSum,
    Identity,
    Infinite,
    KnownMoments,
    KnownValues,
    Linearity,
    Named,
    NumericCheck,
    Simplify,
    Step,
    Substitute,
    held_sum,
)

CT = "Cover & Thomas (2006), Elements of Information Theory, 2nd ed."
SOURCES = {
    "entropy": f"Shannon (1948); {CT}, eq. 2.1",
    "differential entropy": f"{CT}, eq. 8.1",
    "cross-entropy": f"{CT}, §2.3 and eq. 2.26",
    "KL divergence": f"Kullback & Leibler (1951); {CT}, eq. 2.26",
    "mutual information": f"{CT}, eq. 2.28",
}
#: where numeric checks of continuous steps draw parameters (narrow peaks far from the
#: quadrature breakpoints would cost precision for nothing)
CONTINUOUS_RANGES = {"positive": (0.5, 2.0), "real": (-1.5, 1.5)}

p_, q_ = sp.Function("p"), sp.Function("q")


def derive(measure: InformationMeasure) -> Derivation:
    r"""A checked step-by-step :class:`~symbinfo.derivation.steps.Derivation` of ``measure``.

    Supports entropy (joint, differential), cross-entropy, KL divergence, mutual information and
    the other Shannon measures (conditional entropy, total correlation, ...) of anything the
    engine evaluates; with ``base=`` every step is divided by log(base) (log_b y = log y / log b)
    and a last step gives the value in that base.

    >>> import sympy as sp
    >>> from sympy.stats import Bernoulli
    >>> from symbinfo import Entropy
    >>> d = derive(Entropy(Bernoulli("B", sp.Rational(1, 4)), base=2))
    >>> [step.kind for step in d]
    ['definition', 'substitute', 'evaluate', 'simplify', 'simplify']
    >>> d.result
    -3*log(3)/(4*log(2)) + 2
    """
    if not isinstance(measure, InformationMeasure):
        raise UnsupportedInputError(
            f"derive takes an unevaluated measure such as Entropy(X), not {measure!r}")
    if measure.is_abstract:
        raise UnsupportedInputError(f"{measure} names no distribution; nothing to derive")
    check_parameters(measure, f"the derivation of {measure}")  # gamma(10**18) densities
    from .generalised import generalised_derivation  # Rényi, Hellinger, Fisher (issue 9)

    found = generalised_derivation(measure)
    if found is not None:
        return found
    steps, bindings, ranges = _steps(measure)
    if measure.base != sp.E:
        steps = _in_base(steps, measure.base)
    return Derivation.build(measure, steps, title=_title(measure), bindings=bindings,
                            ranges=ranges, constraints=_constraints(measure))


def _constraints(measure: InformationMeasure) -> list[sp.Basic]:
    """Relations the parameters must satisfy, for drawing numeric-check points: the support's
    ends in order (Uniform(a, b): a < b) and each family's declared parameter domain."""
    out: list[sp.Basic] = []
    for obj in measure.random_arguments:
        try:
            dist = distribution(obj)
        except UnsupportedInputError:
            continue  # expressions of finite random variables: no parameters to constrain
        if kind_of(obj) not in (Kind.CONTINUOUS, Kind.DISCRETE):
            continue
        view = read_univariate(dist)
        lo, hi = view.bounds
        if lo.free_symbols or hi.free_symbols:
            out.append(sp.Lt(lo, hi))
        out.extend(view.domain)
    return [c for c in out if c is not sp.true]


def _bounds(dist: Distribution) -> tuple[sp.Expr, sp.Expr]:
    """Ends of the true support, from the family record."""
    return read_univariate(dist).bounds


def _in_base(steps: list[Step], base: sp.Expr) -> list[Step]:
    """Every step divided by log(base) (log_b y = log y / log b), then the value in that base."""
    def scale(e: sp.Expr) -> sp.Expr:
        return e if e is sp.oo else sp.Mul(e, sp.Pow(sp.log(base), -1), evaluate=False)

    out: list[Step] = []
    for step in steps:
        changes: dict = {"expr": scale(step.expr)}
        if isinstance(step, NumericCheck):
            changes["reference"] = scale(step.reference)
        if isinstance(step, Definition):
            changes["name"] = f"{step.name}, in base {base} (log_b y = log y / log b)"
        out.append(replace(step, **changes))
    if out[-1].expr is not sp.oo:
        value = to_base(steps[-1].expr, base)
        if str(value) != str(out[-1].expr):
            out.append(Simplify(value, how=f"the value in base {base}"))
    return out


def _title(measure: InformationMeasure) -> str:
    names = {Entropy: "Entropy", CrossEntropy: "Cross-entropy", KLDivergence: "KL divergence",
             MutualInformation: "Mutual information"}
    return names.get(type(measure), type(measure).__name__)


#: Derivers tried in order by :func:`derive`: each takes the measure and returns
#: ``(steps, bindings, ranges)`` or ``None`` when it does not apply. Other modules add theirs
#: with :func:`register_deriver` (e.g. derivations of further measures).
DERIVERS: list[Callable[[InformationMeasure], tuple | None]] = []


def register_deriver(func: Callable[[InformationMeasure], tuple | None], *,
                     first: bool = False) -> Callable:
    """Add a deriver (see :data:`DERIVERS`); ``first=True`` tries it before the built-in ones.
    Returns ``func`` so that it can be used as a decorator.

    >>> register_deriver(_builtin) is _builtin
    True
    """
    if func not in DERIVERS:
        DERIVERS.insert(0, func) if first else DERIVERS.append(func)
    return func


def _steps(measure: InformationMeasure) -> tuple[list[Step], dict, dict | None]:
    for deriver in DERIVERS:
        found = deriver(measure)
        if found is not None:
            return found
    raise UnsupportedInputError(f"no derivation is available for {type(measure).__name__} yet")


def _builtin(measure: InformationMeasure) -> tuple[list[Step], dict, dict | None] | None:
    if isinstance(measure, Entropy) and len(measure.rvs) == 1:
        (x,) = measure.rvs
        if kind_of(x) is Kind.FINITE:
            return _finite_entropy(measure.rvs)
        if kind_of(x) is Kind.MULTIVARIATE:
            steps = mvn_entropy_steps(x, _label(x, "X"))
            return (steps, {}, None) if steps is not None else None
        return _single(measure, "entropy", x, None)
    if isinstance(measure, Entropy) and kind_of(measure.rvs[0]) is Kind.FINITE:
        return _finite_entropy(measure.rvs)
    if isinstance(measure, (KLDivergence, CrossEntropy)):
        name = "KL divergence" if isinstance(measure, KLDivergence) else "cross-entropy"
        if kind_of(measure.p) is Kind.FINITE:
            return _finite_pair(measure, name)
        return _single(measure, name, measure.p, measure.q)
    if isinstance(measure, RenyiEntropy) and kind_of(measure.args[0]) is Kind.FINITE:
        return _finite_renyi(measure)
    if (isinstance(measure, JensenShannonDivergence) and kind_of(measure.p) is Kind.FINITE
            and kind_of(measure.q) is Kind.FINITE):
        return _finite_jsd(measure)
    if isinstance(measure, _EntropyCombination):
        return _combination(measure)
    return None


register_deriver(_builtin)


# --- multivariate normal --------------------------------------------------------------------

def mvn_entropy_steps(rv: sp.Basic, x_name: str = "X") -> list[Step] | None:
    r"""The steps of h(X) for X ~ N(μ, Σ): the definition, the log-density, E[(X − μ)ᵀ Σ⁻¹
    (X − μ)] = tr(Σ⁻¹ Σ) = d, then det Σ (Cover & Thomas (2006), Theorem 8.4.1). ``None`` when
    ``rv`` is not a whole multivariate normal.

    >>> from sympy.stats import MultivariateNormal
    >>> s = sp.Symbol("sigma", positive=True)
    >>> steps = mvn_entropy_steps(MultivariateNormal("X", [0, 0], [[s**2, 0], [0, s**2]]))
    >>> [step.kind for step in steps], steps[-1].expr
    (['definition', 'values', 'moments', 'values', 'simplify'], 2*log(sigma) + log(2*E*pi))
    """
    if not (isinstance(rv, JointRandomSymbol) and _is_mvn(rv)):
        return None
    Sigma = rv.pspace.distribution.args[1]
    if not isinstance(Sigma, sp.MatrixBase):
        return None
    d = Sigma.shape[0]
    value = mvn_entropy(Sigma)
    det = min((sp.factor_terms(sp.expand(Sigma.det())), sp.factor(Sigma.det())),
              key=sp.count_ops)
    X = x_name
    quad = Named(sp.Integer(d), f"E[({X} - mu)^T Sigma^-1 ({X} - mu)]",
                 rf"\mathbb{{E}}\left[({X} - \mu)^{{\top}} \Sigma^{{-1}} ({X} - \mu)\right]")
    det_sigma = Named(det, "det Sigma", r"\det \Sigma")
    definition = Named(value, f"-E[log p({X})]", rf"-\mathbb{{E}}\left[\log p({X})\right]")
    x, mu = Named(sp.S.Zero, "x", "x"), Named(sp.S.Zero, "mu", r"\mu")
    density = Named(sp.S.Zero, "log p(x)", r"\log p(x)")
    form = Named(sp.S.Zero, "-(d/2) log(2 pi) - log(det Sigma)/2 - (x - mu)^T Sigma^-1 (x - mu)/2",
                 r"-\frac{d}{2}\log 2\pi - \frac{1}{2}\log\det\Sigma - \frac{1}{2}"
                 r"(x - \mu)^{\top}\Sigma^{-1}(x - \mu)")
    del x, mu
    half = sp.Rational(1, 2)

    def times(c: sp.Expr, e: sp.Expr) -> sp.Expr:
        return e if c == 1 else sp.Mul(c, e, evaluate=False)

    log_det = sp.log(det_sigma, evaluate=False)
    steps = [
        Definition(definition, name="differential entropy",
                   source="Cover & Thomas (2006), Elements of Information Theory, 2nd ed., "
                          "eq. 8.1"),
        KnownValues(held_sum([times(sp.Rational(d, 2), sp.log(2 * sp.pi)),
                              times(half, log_det), times(half, quad)]),
                    values=((density, form),), what="substitute the density",
                    how=f"multivariate normal in d = {d} dimensions"),
        KnownMoments(held_sum([times(sp.Rational(d, 2), sp.log(2 * sp.pi)),
                               times(half, log_det), sp.Rational(d, 2)]),
                     moments=((quad, sp.Integer(d)),),
                     source="E[(X - mu)^T Sigma^-1 (X - mu)] = tr(Sigma^-1 E[(X - mu)(X - mu)^T])"
                            " = tr(Sigma^-1 Sigma) = d; Cover & Thomas (2006), Theorem 8.4.1"),
        KnownValues(held_sum([times(sp.Rational(d, 2), sp.log(2 * sp.pi * sp.E)),
                              times(half, sp.log(det, evaluate=False))]),
                    values=((det_sigma, det),), what="substitute det Σ"),
    ]
    simple = tidy(value)
    if str(simple) != str(steps[-1].expr):
        steps.append(Simplify(simple, how="collect the logarithms"))
    return steps


# --- Rényi entropy and Jensen–Shannon divergence of finite distributions ----------------------


def _finite_renyi(measure: RenyiEntropy) -> tuple[list[Step], dict, None]:
    alpha = measure.order
    pmf = {o: p for o, p in finite_pmf(measure.args[0]).items() if p != 0}
    x = sp.Symbol("x")
    scale = sp.Pow(1 - alpha, -1)
    steps: list[Step] = [
        Definition(sp.Mul(scale, sp.log(FiniteSum(p_(x) ** alpha, x, list(pmf))),
                          evaluate=False),
                   name="Rényi entropy of order α (α ≠ 1; the limit α → 1 is Shannon's)",
                   source="Rényi (1961), On measures of entropy and information, Proc. "
                          "Fourth Berkeley Symp. Math. Stat. Prob. 1, 547–561"),
        Substitute(sp.Mul(scale, sp.log(held_sum([sp.Pow(p, alpha, evaluate=False)
                                                  for p in pmf.values()]), evaluate=False),
                          evaluate=False), what="the probabilities"),
    ]
    value = measure.nats().value
    if str(value) != str(steps[-1].expr):
        steps.append(Simplify(value, how="collect the powers and logarithms"))
    return steps, {p_: pmf}, None


def _finite_jsd(measure: JensenShannonDivergence) -> tuple[list[Step], dict, None]:
    from sympy.stats import FiniteRV

    pp, qq = finite_pmf(measure.p), finite_pmf(measure.q)
    outcomes = list(dict.fromkeys([*pp, *qq]))
    mix = {o: (pp.get(o, 0) + qq.get(o, 0)) / 2 for o in outcomes}
    M = FiniteRV("M", {o: m for o, m in mix.items() if m != 0})
    half = sp.Rational(1, 2)
    kl_p, kl_q = KLDivergence(measure.p, M), KLDivergence(measure.q, M)
    steps: list[Step] = [
        Definition(held_sum([sp.Mul(half, kl_p, evaluate=False),
                             sp.Mul(half, kl_q, evaluate=False)]),
                   name="Jensen–Shannon divergence with the mixture M = P/2 + Q/2",
                   source="Lin (1991), IEEE Trans. Inf. Theory 37(1):145–151"),
    ]

    def kl_terms(pmf: dict) -> sp.Expr:
        return held_sum([sp.Mul(p, sp.Add(sp.log(p, evaluate=False),
                                          -sp.log(mix[o], evaluate=False), evaluate=False),
                                evaluate=False) for o, p in pmf.items() if p != 0])
    m_name = sp.Function("m")
    steps.append(KnownValues(
        held_sum([sp.Mul(half, kl_terms(pp), evaluate=False),
                  sp.Mul(half, kl_terms(qq), evaluate=False)]),
        values=((m_name(sp.Symbol("x")), sp.Tuple(*mix.values())),),
        what="the mixture M and the KL sums", how="m(x) = (p(x) + q(x))/2"))
    value = measure.nats().value
    if str(value) != str(steps[-1].expr):
        steps.append(Simplify(value, how="collect the logarithms"))
    return steps, {}, None


# --- finite ---------------------------------------------------------------------------------


def _x_symbols(n: int) -> tuple:
    return sp.symbols("x y z w v u")[:n] if n <= 6 else sp.symbols(f"x1:{n + 1}")


def _key(outcome: object) -> object:
    return outcome[0] if isinstance(outcome, tuple) and len(outcome) == 1 else outcome


def _plogp_sum(pmf: Mapping) -> sp.Expr:
    """Σ −p·log p over the support, kept as written (no −1 factored out of the sum)."""
    terms = [sp.Mul(-p, sp.log(p, evaluate=False), evaluate=False) if p.is_number else
             sp.Mul(-1, p, sp.log(p, evaluate=False), evaluate=False)
             for p in pmf.values() if p != 0]
    return held_sum(terms)


def _finite_entropy(rvs: tuple) -> tuple[list[Step], dict, None]:
    joint = finite_joint(rvs)
    pmf = {o: p for o, p in joint.marginal(range(len(rvs))).items() if p != 0}
    xs = _x_symbols(len(rvs))
    arg = xs if len(xs) > 1 else xs[0]
    px = p_(*xs)
    definition = FiniteSum(-px * sp.log(px), arg, [_key(o) for o in pmf])
    steps: list[Step] = [
        Definition(definition, name="entropy (sum over outcomes with p > 0; 0 log 0 = 0)",
                   source=SOURCES["entropy"]),
        Substitute(_plogp_sum(pmf), what="the probabilities"),
    ]
    evaluated = sp.Add(*(-p * sp.log(p) for p in pmf.values()))
    value = engine.joint_entropy(rvs).value
    _finish(steps, evaluated, value)
    binding = {tuple(o) if len(o) > 1 else o[0]: p for o, p in pmf.items()}
    return steps, {p_: binding}, None


def _finish(steps: list[Step], evaluated: sp.Expr, value: sp.Expr) -> None:
    """Evaluated terms, then the engine's simplified value (each only when it is new)."""
    # compare printed forms: held (unevaluated) sums are never == their evaluated selves; a
    # step that only reorders the terms of the previous one is left out (no going round)
    shown = str(steps[-1].expr)
    if str(value) == shown:  # the same form, held as written: the engine's expression ends it
        steps[-1] = replace(steps[-1], expr=value)
        return
    if _same_terms(steps[-1].expr, value):
        return
    if str(evaluated) not in (shown, str(value)) and not _same_terms(evaluated, value):
        steps.append(EvaluateTerms(evaluated))
    steps.append(Simplify(value, how="collect the logarithms"))


def _same_terms(a: sp.Expr, b: sp.Expr) -> bool:
    """Whether ``a`` and ``b`` are the same sum up to the order of the terms."""
    def terms(e: sp.Expr) -> list[str]:
        return sorted(str(sp.expand(t)) for t in sp.Add.make_args(e))
    return terms(a) == terms(b)


def _finite_pair(measure: InformationMeasure, name: str) -> tuple[list[Step], dict, None]:
    pp = finite_pmf(measure.p)
    if kind_of(measure.q) is Kind.FINITE:
        qq = finite_pmf(measure.q)
        q_binding: object = qq
        q_of = lambda x: to_sympy(qq.get(x, 0), "a probability of Q")  # noqa: E731
    else:  # a finite P against an infinite discrete Q
        qdist = distribution(measure.q)
        k = sp.Symbol("k", integer=True)
        q_binding = sp.Lambda(k, pdf_of(qdist, k))
        q_of = lambda o: pdf_of(qdist, o)  # noqa: E731
    support = [x for x, p in pp.items() if p != 0]
    x = sp.Symbol("x")
    kl = isinstance(measure, KLDivergence)
    body = p_(x) * sp.log(p_(x) / q_(x)) if kl else -p_(x) * sp.log(q_(x))
    steps: list[Step] = [Definition(FiniteSum(body, x, support), name=f"{name} (sum over the "
                                    "support of P)", source=SOURCES[name])]
    bindings = {p_: pp, q_: q_binding}
    missing = [o for o in support if q_of(o) == 0]
    if missing:
        o = missing[0]
        steps.append(Infinite(sp.oo, witness=sp.And(sp.Gt(pp[o], 0), sp.Eq(q_of(o), 0)),
                              reason=f"P({o}) = {pp[o]} > 0 = Q({o})"))
        return steps, bindings, None

    def term(o: object, evaluate: bool) -> sp.Expr:
        p, q = pp[o], q_of(o)
        if kl:
            return (p * sp.log(p / q) if evaluate else
                    sp.Mul(p, sp.Add(sp.log(p, evaluate=False), -sp.log(q, evaluate=False),
                                     evaluate=False), evaluate=False))
        return (-p * sp.log(q) if evaluate else
                sp.Mul(-1, p, sp.log(q, evaluate=False), evaluate=False))

    steps.append(Substitute(held_sum([term(o, False) for o in support]),
                            what="the probabilities"))
    value = measure.nats().value
    _finish(steps, sp.Add(*(term(o, True) for o in support)), value)
    return steps, bindings, None


# --- Shannon measures as entropy combinations ---------------------------------------------------


def _combination(measure: _EntropyCombination) -> tuple[list[Step], dict, None]:
    terms = measure.entropy_terms()
    identity = held_sum([c * Entropy(*k) if c != 1 else Entropy(*k) for k, c in terms.items()])
    steps: list[Step] = []
    bindings: dict = {}
    mi = isinstance(measure, MutualInformation)
    atoms = tuple(dict.fromkeys(a for k in terms for a in k))
    finite_input = all(kind_of(a) is Kind.FINITE for a in atoms)
    if mi and not measure.given and finite_input:
        steps.extend(_mi_definition(measure, bindings))
    steps.append(Identity(identity, name=_identity_name(measure),
                          source=f"{CT}, §2.2–2.5"))
    ev = measure.nats()
    parts = [(k, c, engine.joint_entropy(k)) for k, c in terms.items()]
    held = held_sum([c * part.value for k, c, part in parts])
    if any(part.method == engine.UNEVALUATED for _, _, part in parts):
        steps.append(CouldNotDo(held, reason="a joint entropy has no closed form here"))
        return steps, bindings, None
    how = ("the definition of each entropy, a finite sum" if finite_input
           else "the engine, entropy by entropy")
    values = tuple((Entropy(*k), part.value) for k, _, part in parts)
    steps.append(KnownValues(held, values=values, what="the entropies", how=how))
    if str(ev.value) != str(held) and not _same_terms(held, ev.value):
        steps.append(Simplify(ev.value, how="collect the logarithms"))
    return steps, bindings, None


def _identity_name(measure: _EntropyCombination) -> str:
    return f"{sp.sstr(measure)} as a combination of joint entropies"


def _mi_definition(measure: MutualInformation, bindings: dict) -> list[Step]:
    a, b = measure.first, measure.second
    joint = finite_joint(a + b)
    pmf = {o: p for o, p in joint.marginal(range(len(a) + len(b))).items() if p != 0}
    pa, pb = joint.marginal(range(len(a))), joint.marginal(range(len(a), len(a) + len(b)))
    xs = sp.symbols("x y")
    pxy, px, py = sp.Function("p_XY"), sp.Function("p_X"), sp.Function("p_Y")
    # outcome tuples of each side as one symbol each: keys are (tuple_a, tuple_b)
    outcomes = [(_key(o[: len(a)]), _key(o[len(a):])) for o in pmf]
    bindings[pxy] = {(_key(o[: len(a)]), _key(o[len(a):])): p for o, p in pmf.items()}
    bindings[px] = {_key(o): p for o, p in pa.items()}
    bindings[py] = {_key(o): p for o, p in pb.items()}
    x, y = xs
    body = pxy(x, y) * sp.log(pxy(x, y) / (px(x) * py(y)))
    definition = Definition(FiniteSum(body, xs, outcomes), name="mutual information",
                            source=SOURCES["mutual information"])
    pa_, pb_ = bindings[px], bindings[py]
    # p(x, y)·(log p(x, y) − log(p(x)·p(y))), shown with its three numbers
    terms = [sp.Mul(p, sp.Add(sp.log(p, evaluate=False),
                              -sp.log(sp.Mul(pa_[k[0]], pb_[k[1]], evaluate=False),
                                      evaluate=False), evaluate=False), evaluate=False)
             for k, p in bindings[pxy].items()]

    marginals = ((px(x), sp.Tuple(*pa_.values())), (py(y), sp.Tuple(*pb_.values())))
    return [definition, KnownValues(held_sum(terms), values=marginals,
                                    what="substitute the probabilities and the marginals",
                                    how="p_X(x) = Σ_y p_XY(x, y), p_Y(y) = Σ_x p_XY(x, y)")]


# --- one or two non-finite distributions ------------------------------------------------------


def _variable(dist: Distribution) -> sp.Symbol:
    if isinstance(dist, SingleDiscreteDistribution):
        return sp.Symbol("k", integer=True)
    lo = _bounds(dist)[0]
    # a positive variable lets log(x**a) = a*log(x) be expanded without force
    return sp.Symbol("x", positive=True) if lo.is_nonnegative else sp.Symbol("x", real=True)


def _label(obj: sp.Basic, default: str) -> str:
    return obj.name if isinstance(obj, RandomSymbol) else default


def _ranges(symbols: set) -> dict:
    out = {}
    for s in symbols:
        if s.is_positive:
            out[s] = CONTINUOUS_RANGES["positive"]
        elif s.is_real:
            out[s] = CONTINUOUS_RANGES["real"]
    return out


def _single(measure: InformationMeasure, name: str, p_obj: sp.Basic, q_obj: sp.Basic | None
            ) -> tuple[list[Step], dict, dict]:
    dp = distribution(p_obj)
    dq = distribution(q_obj) if q_obj is not None else None
    x = _variable(dp)
    label = _label(p_obj, "P")
    discrete = isinstance(dp, SingleDiscreteDistribution)
    if name == "entropy":
        body_def, body_sub = -sp.log(p_(x)), -sp.log(_on_support(pdf_of(dp, x)))
        name = "entropy" if discrete else "differential entropy"
    elif name == "cross-entropy":
        body_def, body_sub = -sp.log(q_(x)), -sp.log(_on_support(pdf_of(dq, x)))
    else:
        body_def = sp.log(p_(x)) - sp.log(q_(x))
        body_sub = sp.log(_on_support(pdf_of(dp, x))) - sp.log(_on_support(pdf_of(dq, x)))

    lo, hi = _bounds(dp)

    def expect(body: sp.Expr) -> Expect:
        return Expect(body, x, pdf_of(dp, x), lo, hi, label, discrete=discrete)

    bindings = {p_: sp.Lambda(x, pdf_of(dp, x))}
    if dq is not None:
        bindings[q_] = sp.Lambda(x, pdf_of(dq, x))
    steps: list[Step] = [Definition(expect(body_def), name=name, source=SOURCES[name])]
    symbols = set().union(*(d.free_symbols for d in (dp, dq) if d is not None))
    ranges = _ranges(symbols)
    if q_obj is not None and engine._support_outside(p_obj, q_obj) is True:
        sp_, sq = read_univariate(dp).support, read_univariate(dq).support
        witness = sp.false if sp_.is_subset(sq) else sp.true
        steps.append(Infinite(sp.oo, witness=witness,
                              reason=f"the support {sp_} of P is not inside {sq}"))
        return steps, bindings, ranges
    steps.append(Substitute(expect(body_sub), what="the densities"))
    # the engine's own record of how it evaluated the measure (rule, generic engine or the
    # honest leaf): the derivation presents it, it does not route the measure again
    ev = engine.distribution_entropy(dp) if q_obj is None else measure.nats()
    by_moments = _by_moments(dp, x, expect, body_sub)
    if by_moments is not None:
        steps.extend(by_moments)
        if ev.method == engine.RULE:
            # the engine answers with this rule: show it, checked against the derivation; when
            # the last step only simplified, the rule's form replaces it (never two equal steps)
            rule = _rule_step(ev)
            if isinstance(steps[-1], Simplify):
                steps[-1] = rule
            elif str(steps[-1].expr) != str(rule.expr):
                steps.append(rule)
        return steps, bindings, ranges
    if ev.method == engine.RULE:
        steps.append(_rule_step(ev))
        steps.append(NumericCheck(ev.value, reference=steps[1].expr))
    elif ev.method in (engine.GENERIC, engine.COMBINED):
        steps.append(Engine(ev.value))
    else:
        reason = ("no closed-form rule applies and the generic engine found no closed form"
                  if ev.rule is None else
                  f"the rule for {ev.rule.family} gives no closed form here ({ev.rule.source})")
        steps.append(CouldNotDo(ev.value, reason=reason))
    return steps, bindings, ranges


def _rule_step(ev: engine.Evaluation) -> ClosedFormRule:
    rule = ev.rule
    if rule is None:
        return ClosedFormRule(ev.value)
    return ClosedFormRule(ev.value, family=rule.family, source=rule.source,
                          conditions=rule.conditions)


def _on_support(pdf: sp.Expr) -> sp.Expr:
    """The density where it is positive: a Piecewise with one nonzero branch is that branch
    there (the expectation runs over P's support only, inside Q's; the Substitute step's own
    check confirms it numerically)."""
    if isinstance(pdf, sp.Piecewise):
        nonzero = [e for e, _ in pdf.args if e != 0]
        if len(nonzero) == 1:
            return nonzero[0]
    return pdf


def _by_moments(dist: Distribution, x: sp.Symbol, expect, body: sp.Expr) -> list[Step] | None:
    """Expand the log-densities, use linearity and known moments; ``None`` when not possible."""
    expanded = sp.expand_log(body)
    if _log_of_non_x(expanded, x):
        # log((1 - x)**(b - 1)) = (b - 1) log(1 - x): valid on the support, where the density's
        # factors are positive (each step is checked there)
        expanded = sp.expand_log(body, force=True)
    if expanded.has(sp.Piecewise) or _log_of_non_x(expanded, x, allowed=(1 - x,)):
        return None  # a log of something else is left: not a textbook expansion
    constant, stats = sp.S.Zero, {}
    for term in sp.Add.make_args(expanded):
        coeff, stat = term.as_independent(x, as_Add=False)
        if stat == 1:
            constant += coeff
        else:
            stats[stat] = stats.get(stat, 0) + coeff
    moments, sources = [], []
    for stat in stats:
        known = known_moment(dist, stat, x)
        if known is None:
            return None
        moments.append((expect(stat), known[0]))
        sources.append(known[1])
    steps: list[Step] = [ExpandLog(expect(expanded))] if expanded != body else []
    if not stats:  # the log-density ratio is constant on the support: E[c] = c
        steps.append(Linearity(constant))
        simple = textbook(constant)
        if simple != constant:
            steps.append(Simplify(simple, how="collect the logarithms and constants"))
        return steps
    linear = held_sum([constant, *(c * expect(s) for s, c in stats.items())]
                      if constant != 0 else [c * expect(s) for s, c in stats.items()])
    steps.append(Linearity(linear))
    values = dict(moments)
    with_moments = constant + sp.Add(*(c * values[expect(s)] for s, c in stats.items()))
    steps.append(KnownMoments(with_moments, moments=tuple(moments),
                              source="; ".join(dict.fromkeys(sources))))
    simple = textbook(with_moments)
    if simple != with_moments:
        steps.append(Simplify(simple, how="collect the logarithms and constants"))
    return steps


def _log_of_non_x(expr: sp.Expr, x: sp.Symbol, allowed: tuple = ()) -> bool:
    return any(isinstance(e, sp.log) and x in e.free_symbols and e.args[0] != x
               and e.args[0] not in allowed for e in sp.preorder_traversal(expr))


def textbook(expr: sp.Expr) -> sp.Expr:
    """A short textbook form: logarithms of symbols combined, numeric constants collected into
    one logarithm when that is shorter (log(2)/2 + log(π)/2 + 1/2 → log(2πe)/2).

    >>> s1, s2 = sp.symbols("s1 s2", positive=True)
    >>> textbook(sp.log(s2) - sp.log(s1) + sp.log(2) / 2 + sp.log(sp.pi) / 2 + sp.S.Half)
    log(s2/s1) + log(2*E*pi)/2
    """
    logs, constants, rest = [], [], []
    for term in sp.Add.make_args(expr):
        if not term.free_symbols:
            constants.append(term)
        elif term.has(sp.log) and not term.has(sp.Piecewise):
            logs.append(term)
        else:
            rest.append(term)
    const = sp.Add(*constants)
    if const.has(sp.log):
        for k in (1, 2):
            combined = sp.log(sp.expand(sp.exp(k * const))) / k
            if sp.count_ops(combined) < sp.count_ops(const) and not combined.has(sp.exp):
                const = combined
                break
    # log(1/y) = -log(y) on the declared domain (y > 0 there; every step is checked there)
    logs = [t.replace(lambda e: isinstance(e, sp.log) and e.args[0].is_Pow
                      and e.args[0].exp == -1, lambda e: -sp.log(e.args[0].base))
            for t in logs]
    log_part = sp.logcombine(sp.Add(*logs)) if logs else sp.S.Zero
    # all logarithms (numeric ones too) combined: log(b) + log(2) + 1 -> log(2*b) + 1
    numeric_logs = [t for t in constants if t.has(sp.log)]
    other_constants = [t for t in constants if not t.has(sp.log)]
    all_logs = sp.logcombine(sp.Add(*logs, *numeric_logs)) if logs else sp.S.Zero
    candidates = [sp.Add(log_part, const, *rest), sp.Add(log_part, const, sp.expand(sp.Add(*rest))),
                  sp.Add(all_logs, *other_constants, *rest) if logs else expr,
                  sp.expand(expr), tidy(expr)]
    return min(candidates, key=lambda e: (sp.count_ops(e), len(str(e))))


__all__: Sequence[str] = ["derive", "textbook"]
