"""The engine: route an information measure to the way it can be evaluated, in nats.

Order (DESIGN.md): finite inputs are summed from the definition; otherwise a closed-form rule from
the registries, then the generic derivation engine, then the honest unevaluated definition. Every
result comes back as an :class:`Evaluation` carrying its provenance, so derivations can show the
path the engine really took.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import sympy as sp
from sympy.stats.joint_rv_types import MultivariateNormalDistribution
from sympy.stats.rv import Distribution, RandomSymbol

from .closedforms import (
    CROSS_ENTROPY,
    ENTROPY,
    KL_DIVERGENCE,
    POWER_INTEGRAL,
    SKEW_INTEGRAL,
    TOTAL_VARIATION,
    Rule,
)
from .closedforms.registry import hiding_huge_numbers
from .closedforms.transformed import entropy_pushforward, pullback
from .derivation import continuous, finite, loglinear
from .derivation.budget import call_within
from .derivation.honest import settle
from .derivation.simplify import tidy
from .distributions.continuous import pdf_of, read_univariate
from .distributions.joint import JointTable, JointVariable
from .distributions.transformed import DiscretePushforwardDistribution, PushforwardDistribution
from .distributions.view import (
    Kind,
    check_outcomes,
    common_kind,
    distribution,
    finite_joint,
    finite_pmf,
    kind_of,
    support,
)
from .errors import MismatchError, ResourceLimitError, UnsupportedInputError
from .limits import current_limits

FINITE_SUM = "definition summed over the finite alphabet"
RULE = "closed-form rule"
GENERIC = "generic engine"
UNEVALUATED = "unevaluated definition"
COMBINED = "combination of evaluated parts"


@dataclass(frozen=True)
class Evaluation:
    """A value in nats and how it was obtained."""

    value: sp.Expr
    method: str
    rule: Rule | None = None
    parts: tuple[Evaluation, ...] = ()


def _generic(value: sp.Expr) -> Evaluation:
    if value.has(sp.Integral, sp.Sum):
        return Evaluation(value, UNEVALUATED)
    return Evaluation(tidy(value), GENERIC)


def distribution_entropy(dist: Distribution) -> Evaluation:
    """Entropy (differential for densities) of one non-finite distribution."""
    if isinstance(dist, PushforwardDistribution):  # h(g(X)) = h(X) + E[log|g'(X)|]
        return Evaluation(tidy(entropy_pushforward(dist, distribution_entropy(dist.base).value)),
                          RULE)
    if isinstance(dist, DiscretePushforwardDistribution):  # H(g(X)) = H(X), g injective
        return distribution_entropy(dist.base)
    hit = ENTROPY.apply(dist)
    if hit is not None:
        return Evaluation(tidy(hit[0]), RULE, hit[1])
    return _generic(hiding_huge_numbers(continuous.differential_entropy, dist))


def joint_entropy(atoms: Sequence[sp.Basic]) -> Evaluation:
    """H(atoms...) of random variables of one joint distribution (or independent sympy RVs)."""
    atoms = tuple(dict.fromkeys(atoms))
    kind = common_kind(atoms)
    if kind is Kind.FINITE:
        return entropy_combination({atoms: sp.S.One})
    if len(atoms) == 1 and (kind in (Kind.CONTINUOUS, Kind.DISCRETE) or isinstance(
            atoms[0], (Distribution, RandomSymbol))):  # one whole (multivariate) variable
        return distribution_entropy(distribution(atoms[0]))
    return _multivariate_entropy(atoms)


#: builds the unevaluated H(atoms...) the engine answers when it has nothing better; set by
#: :mod:`symbinfo.measures.shannon`, which sits above the engine (no import cycle)
UNEVALUATED_ENTROPY: Callable[..., sp.Expr] | None = None


def _multivariate_entropy(atoms: tuple) -> Evaluation:
    from .distributions import continuous_joint

    def entropy_of(dist: Distribution) -> sp.Expr:
        return distribution_entropy(dist).value

    for reader in (functools.partial(continuous_joint.linear_joint_entropy, entropy_of=entropy_of),
                   continuous_joint.density_joint_entropy):
        value = reader(atoms)
        if value is not None:
            return _generic(value)

    try:
        from .derivation import multivariate
    except ImportError:  # the multivariate engine is optional
        multivariate = None
    value = multivariate.joint_entropy(atoms) if multivariate else None
    if value is None:
        return Evaluation(UNEVALUATED_ENTROPY(*atoms), UNEVALUATED)
    return Evaluation(tidy(value), RULE)


def entropy_combination(terms: Mapping[tuple, sp.Expr]) -> Evaluation:
    """Σ coeff · H(atoms) over ``terms``: every Shannon measure of random variables is one.

    Finite inputs share one joint table, built once; others evaluate each joint entropy.
    """
    terms = {tuple(dict.fromkeys(k)): c for k, c in terms.items() if k}
    everything = tuple(dict.fromkeys(a for k in terms for a in k))
    if common_kind(everything) is Kind.FINITE:
        table = _table_of(everything)
        if table is not None:
            exact = _exact_combination(table.integers(), {
                k: tuple(a.index for a in k) for k in terms}, terms)
            if exact is not None:
                return Evaluation(exact, FINITE_SUM)
        try:
            joint = finite_joint(everything)
        except ResourceLimitError:  # too many outcomes to list; a rule may not need the list
            dist = _dist(everything[0]) if len(everything) == 1 else None
            hit = ENTROPY.apply(dist) if dist is not None else None  # a fair die: log(n)
            if hit is None:
                raise
            return Evaluation(tidy(sp.Add(*terms.values()) * hit[0]), RULE, hit[1])
        positions = {k: tuple(joint.index(a) for a in k) for k in terms}
        exact = _exact_combination(loglinear.IntegerTable.of(joint.pmf), positions, terms)
        if exact is None:
            exact = _mixed_combination(joint, positions, terms, table and {
                k: tuple(a.index for a in k) for k in terms})
        if exact is not None:
            return Evaluation(exact, FINITE_SUM)
        value = sp.Add(
            *(c * finite.entropy(joint.marginal([joint.index(a) for a in k]))
              for k, c in terms.items())
        )
        return Evaluation(tidy(value), FINITE_SUM)
    parts = {k: joint_entropy(k) for k in terms}
    value = sp.Add(*(c * parts[k].value for k, c in terms.items()))
    method = UNEVALUATED if any(p.method == UNEVALUATED for p in parts.values()) else COMBINED
    if method != UNEVALUATED:
        value = tidy(value)
        if len(terms) > 1:  # _one_log keeps tidy's form unless one log is shorter
            value = _one_log(value)
    return Evaluation(value, method, parts=tuple(parts.values()))


def _one_log(value: sp.Expr) -> sp.Expr:
    """A difference of logs as one log when that is shorter: the textbook's
    log(1 + s²/n²)/2 rather than log(n² + s²)/2 - log(n)."""
    if not value.has(sp.log) or value.has(sp.Piecewise, sp.Integral):
        return value
    combined = sp.logcombine(value, force=True)
    logs = [t for t in sp.Add.make_args(combined) if t.has(sp.log)]
    if len(logs) != 1:
        return value
    coeff, inner = logs[0].as_independent(sp.log)
    if not isinstance(inner, sp.log):
        return value
    rest = combined - logs[0]
    arg = inner.args[0]
    if not arg.free_symbols:  # log(2**40/3**27) is no textbook form: keep the logs of numbers
        return value
    q = functools.reduce(sp.ilcm, (p.exp.q for p in arg.atoms(sp.Pow) if p.exp.is_Rational), 1)
    candidate = rest + coeff / q * sp.log(sp.expand(arg**q))
    if sp.count_ops(candidate) < sp.count_ops(value) and call_within(
            sp.simplify, candidate - value) == 0:
        return candidate
    return value


def _exact_combination(table: loglinear.IntegerTable | None, positions: Mapping[tuple, list],
                       terms: Mapping[tuple, sp.Expr]) -> sp.Expr | None:
    """Σ coeff · H(atoms) of a table of rationals in log-linear form (integer arithmetic; each
    subset's entropy computed once per table); ``None`` when an entry or a coefficient is not
    rational. ``positions`` gives each key's variables as indices of the table."""
    if table is None or not all(isinstance(c, (int, sp.Rational)) for c in terms.values()):
        return None
    total = None
    for k, c in terms.items():
        c = sp.Rational(c)
        part = table.entropy(positions[k])
        part = part if c == 1 else part * Fraction(int(c.p), int(c.q))
        total = part if total is None else total + part
    return total.as_expr() if total is not None else sp.S.Zero


def _mixed_combination(joint, positions: Mapping[tuple, tuple], terms: Mapping[tuple, sp.Expr],
                       in_table: Mapping[tuple, tuple] | None) -> sp.Expr | None:
    """Σ coeff · H(atoms) of a table with symbolic entries: the cells that are rational numbers
    in log-linear form, the others as −q·log(q), each subset's parts computed once per table.
    ``None`` (the caller sums and tidies the definition) when the symbolic terms are not
    already in their tidy form (a logarithm that splits, a product inside a logarithm) or a
    cell is a number that is not rational (a float, a square root). ``in_table``: each key's
    variables as indices of their FiniteJointRV table, when they have one."""
    if not all(isinstance(c, (int, sp.Rational)) for c in terms.values()):
        return None
    rational = loglinear.LogLinear({}, {})
    symbolic = []
    for k, c in terms.items():
        found = (_symbolic_parts(_table_of(k), in_table[k]) if in_table
                 else _parts(joint.marginal(positions[k]).values()))
        if found is None:
            return None
        c = sp.Rational(c)
        rational = rational + found[1] * Fraction(int(c.p), int(c.q))
        symbolic.append(c * found[0])
    symbolic = sp.Add(*symbolic)
    if not all(isinstance(e.args[0], (sp.Add, sp.Symbol)) for e in symbolic.atoms(sp.log)):
        return None  # a logarithm tidy might split (of a product, a power, a number)
    return symbolic + rational.as_expr()


@lru_cache(maxsize=256)
def _symbolic_parts(table: JointTable, indices: tuple) -> tuple | None:
    order = sorted(set(indices))
    marginal: dict[tuple, sp.Expr] = {}
    for outcome, p in table.pmf.items():
        if p != 0:
            key = tuple(outcome[i] for i in order)
            marginal[key] = marginal[key] + p if key in marginal else p
    return _parts(marginal.values())


def _parts(values) -> tuple[sp.Expr, loglinear.LogLinear] | None:
    """−Σ q·log q over ``values``: (the symbolic terms, the rational ones in log-linear form);
    ``None`` when a value is a number that is not rational, or for two values not both rational
    (the binary entropy function h(p) is then the shorter form, and tidy finds it)."""
    values = list(values)
    if len(values) == 2 and not all(isinstance(q, sp.Rational) for q in values):
        return None  # a binary variable with a symbolic split: tidy writes the book's h(p)
    rationals, symbolic = [], []
    for q in values:
        if isinstance(q, sp.Rational):
            rationals.append(q)
        elif q.is_number:
            return None
        elif _positive_sum(q):  # log(q) is already its own evaluation: skip log's sign search
            symbolic.append(q * sp.log(q, evaluate=False))
        elif q.is_zero is not True:
            symbolic.append(q * sp.log(q))
    numerators, d = loglinear.over_common_denominator(
        Fraction(int(q.p), int(q.q)) for q in rationals)
    return -sp.Add(*symbolic), loglinear.entropy_of_integers(numerators, d)


def _positive_sum(q: sp.Expr) -> bool:
    """Provably positive at a glance: positive symbols and positive rationals, added (a
    marginal such as a + 3/200), without the assumption system's general search."""
    return all((t.is_Rational and t > 0) or (t.is_Symbol and t.is_positive)
               for t in sp.Add.make_args(q))


def _table_of(atoms: tuple) -> JointTable | None:
    """The one FiniteJointRV table of ``atoms`` when they are all its variables."""
    tables = {a.table for a in atoms if isinstance(a, JointVariable)}
    if len(tables) != 1 or not all(isinstance(a, JointVariable) for a in atoms):
        return None
    table = tables.pop()
    check_outcomes(len(table.args[1]), f"the table of {', '.join(map(str, atoms))}")
    return table


def _rational_pmf(obj: sp.Basic) -> dict | None:
    """The pmf of a variable of a FiniteJointRV table of rationals, as Fractions."""
    table = _table_of((obj,))
    exact = table.integers() if table is not None else None
    return exact.variable(obj.index) if exact is not None else None


def _exact_pair(definition: Callable, p: Mapping, q: Mapping) -> sp.Expr | None:
    """A finite measure of two pmfs of rationals in log-linear form; ``None`` when it has no
    such form or an entry is not rational."""
    exact = _EXACT.get(definition)
    pp, qq = loglinear.fractions(p), loglinear.fractions(q)
    return _exact_of_fractions(exact, pp, qq)


def _exact_of_fractions(exact: Callable | None, pp: dict | None, qq: dict | None
                        ) -> sp.Expr | None:
    if exact is None or pp is None or qq is None:
        return None
    value = exact(pp, qq)
    return sp.oo if value is None else value.as_expr()


_EXACT: dict[Callable, Callable] = {
    finite.kl_divergence: loglinear.kl_divergence,
    finite.cross_entropy: loglinear.cross_entropy,
    finite.js_divergence: loglinear.js_divergence,
}


# --- measures between two distributions -----------------------------------------------------


def _exact_table_pair(definition: Callable, p: sp.Basic, q: sp.Basic) -> sp.Expr | None:
    """:func:`_exact_pair` of two FiniteJointRV variables, read from their tables' integers."""
    exact = _EXACT.get(definition)
    if exact is None or not (isinstance(p, JointVariable) and isinstance(q, JointVariable)):
        return None
    pp, qq = _rational_pmf(p), _rational_pmf(q)
    if pp is not None and qq is not None:
        _same_shapes(p, q, pp, qq)
    return _exact_of_fractions(exact, pp, qq)


def _finite_pair(p: sp.Basic, q: sp.Basic) -> tuple[dict, dict]:
    pp, qq = finite_pmf(p), finite_pmf(q)
    _same_shapes(p, q, pp, qq)
    return pp, qq


def _same_shapes(p: sp.Basic, q: sp.Basic, pp: Mapping, qq: Mapping) -> None:
    shapes = {len(k) if isinstance(k, (tuple, sp.Tuple)) else 0 for k in [*pp, *qq]}
    if len(shapes) > 1:
        raise MismatchError(f"{p} and {q} have outcomes of different shapes")


def _support_inside(p: sp.Basic, q: sp.Basic) -> sp.Basic | None:
    """Whether P's support lies inside Q's: ``true``, ``false``, the conditions on the
    parameters under which it does, or ``None`` when that cannot be told. Read from the family
    records (true supports), never from SymPy's declarations."""
    kp, kq = kind_of(p), kind_of(q)
    densities = {Kind.CONTINUOUS, Kind.MULTIVARIATE}
    if (kp in densities) != (kq in densities):
        return sp.false  # atoms against a density, or a density against atoms
    if kp is Kind.FINITE:  # only atoms of provably positive mass count (p may be 0 or 1)
        q_support, undecided = support(q), []
        for x, w in finite_pmf(p).items():
            found = q_support.contains(x)
            if found is sp.true or w == 0:
                continue
            if found is sp.false or not isinstance(found, sp.core.relational.Relational):
                return sp.false if found is sp.false and w.is_positive else None
            undecided.append(x)  # e.g. 3 in {0, ..., n} for Binomial(n, q) with a symbolic n
        if not undecided:
            return sp.true
        if isinstance(q_support, sp.Interval | sp.Range) and all(x.is_real for x in undecided):
            # an interval of values: only the extreme atoms bind (3 <= n, not 1 <= n & 2 <= n...)
            return sp.And(q_support.inf <= min(undecided), max(undecided) <= q_support.sup)
        return sp.And(*(q_support.contains(x) for x in undecided))
    if all(isinstance(_dist(o), MultivariateNormalDistribution) for o in (p, q)):
        return sp.true  # Gaussian densities are positive everywhere (in any dimension n)
    if Kind.FINITE in (kp, kq) or Kind.MULTIVARIATE in (kp, kq):
        subset = support(p).is_subset(support(q))
        return None if subset is None else (sp.true if subset else sp.false)
    return read_univariate(distribution(p)).inside(read_univariate(distribution(q)))


def _support_outside(p: sp.Basic, q: sp.Basic) -> bool | None:
    """True when P provably puts mass where Q has none (so KL and cross-entropy are +oo)."""
    inside = _support_inside(p, q)
    return None if inside is None or inside not in (sp.true, sp.false) else inside is sp.false


def _inside_or_oo(inside: sp.Basic | None, value: sp.Expr) -> sp.Expr:
    """``value`` (computed as if P's support were inside Q's) where it is, +oo elsewhere."""
    if inside is None or inside is sp.true or value == sp.oo:
        return value
    whole = sp.Piecewise((value, inside), (sp.oo, True))
    # a rule's own Piecewise (its oo branch) and the support's: one level, not two nested
    return sp.piecewise_fold(whole) if isinstance(value, sp.Piecewise) else whole


def _where_inside(inside: sp.Basic | None, found: Evaluation) -> Evaluation:
    """:func:`_inside_or_oo` of an evaluation, keeping its provenance."""
    value = _inside_or_oo(inside, found.value)
    return found if value is found.value else Evaluation(value, found.method, found.rule,
                                                         found.parts)


def _pmfs_on_support_of_p(p: sp.Basic, q: sp.Basic) -> tuple[dict, dict]:
    """P's pmf and Q's (a discrete distribution) at P's outcomes, for the finite definitions."""
    pp, qdist = finite_pmf(p), distribution(q)
    return pp, {x: pdf_of(qdist, x) for x in pp}


def _by_definition_or_rule(
    p: sp.Basic, q: sp.Basic, definition: Callable, registry
) -> tuple[Evaluation | None, Distribution | None, Distribution | None, sp.Basic | None]:
    """The shared path of KL and cross-entropy: finite definition, support mismatch, rule, or
    a finite P summed against a discrete Q; ``None`` leaves the rest to the caller, with the
    condition (``inside``) under which P's support lies inside Q's."""
    if kind_of(p) is Kind.FINITE and kind_of(q) is Kind.FINITE:
        exact = _exact_table_pair(definition, p, q)
        if exact is not None:
            return Evaluation(exact, FINITE_SUM), None, None, None
        pmfs = _finite_pair(p, q)
        exact = _exact_pair(definition, *pmfs)
        if exact is not None:
            return Evaluation(exact, FINITE_SUM), None, None, None
        return Evaluation(tidy(definition(*pmfs)), FINITE_SUM), None, None, None
    dp, dq = _dist(p), _dist(q)
    inside = _support_inside(p, q)
    if inside is sp.false:
        return Evaluation(sp.oo, RULE), dp, dq, inside
    hit = registry.apply(dp, dq) if dp is not None and dq is not None else None
    if hit is not None:
        return _where_inside(inside, Evaluation(tidy(hit[0]), RULE, hit[1])), dp, dq, inside
    if kind_of(p) is Kind.FINITE:
        pmfs = _pmfs_on_support_of_p(p, q)
        exact = _exact_pair(definition, *pmfs)
        if exact is not None:
            return Evaluation(exact, FINITE_SUM), dp, dq, inside
        return Evaluation(tidy(definition(*pmfs)), FINITE_SUM), dp, dq, inside
    return None, dp, dq, inside


def kl_divergence(p: sp.Basic, q: sp.Basic) -> Evaluation:
    """D_KL(P ‖ Q) in nats."""
    pushed = (PushforwardDistribution, DiscretePushforwardDistribution)
    if kind_of(p) is not Kind.FINITE and kind_of(q) is not Kind.FINITE and all(
            isinstance(_dist(o), pushed) for o in (p, q)):
        pulled = pullback(_dist(p), _dist(q))  # D(g(P) || g(Q)) = D(P || Q), g a bijection
        if pulled is not None:
            found = kl_divergence(*pulled)
            return Evaluation(found.value, found.method, found.rule, (found,))
    found, dp, dq, inside = _by_definition_or_rule(p, q, finite.kl_divergence, KL_DIVERGENCE)
    if found is not None:
        return found
    pulled = pullback(dp, dq)  # D(g(P) || g(Q)) = D(P || Q) for one bijection g
    if pulled is not None:
        found = kl_divergence(*pulled)
        return Evaluation(found.value, found.method, found.rule, (found,))
    return _generic(_inside_or_oo(inside, hiding_huge_numbers(continuous.kl_divergence, dp, dq)))


def cross_entropy(p: sp.Basic, q: sp.Basic) -> Evaluation:
    """H(P, Q) = −E_P[log q] in nats; without a rule, h(P) + D_KL(P ‖ Q) when both close."""
    found, dp, dq, inside = _by_definition_or_rule(p, q, finite.cross_entropy, CROSS_ENTROPY)
    if found is not None:
        return found
    h, kl = distribution_entropy(dp), kl_divergence(p, q)
    if UNEVALUATED not in (h.method, kl.method):
        return Evaluation(tidy(_plus(h.value, kl.value)), COMBINED, parts=(h, kl))
    return _generic(_inside_or_oo(inside, hiding_huge_numbers(continuous.cross_entropy, dp, dq)))


def _plus(h: sp.Expr, kl: sp.Expr) -> sp.Expr:
    """h + kl, added inside every branch of a Piecewise so that +oo stays +oo."""
    if isinstance(kl, sp.Piecewise):
        return sp.Piecewise(*[(e if e == sp.oo else _plus(h, e), c) for e, c in kl.args])
    return kl if kl == sp.oo else h + kl


def _dist(obj: sp.Basic) -> Distribution | None:
    """The sympy.stats distribution behind ``obj``; ``None`` for a table variable/expression."""
    if isinstance(obj, (Distribution, RandomSymbol)):
        return distribution(obj)
    if kind_of(obj) in (Kind.CONTINUOUS, Kind.DISCRETE):  # a function of random variables
        return distribution(obj)
    return None


def finite_pair_measure(
    func: Callable[..., sp.Expr], p: sp.Basic, q: sp.Basic, *params: sp.Expr
) -> Evaluation | None:
    """A divergence of two finite distributions from its definition; ``None`` if not finite."""
    if kind_of(p) is Kind.FINITE and kind_of(q) is Kind.FINITE:
        exact = None if params else _exact_table_pair(func, p, q)
        if exact is not None:
            return Evaluation(exact, FINITE_SUM)
        pp, qq = _finite_pair(p, q)
        exact = None if params else _exact_pair(func, pp, qq)
        if exact is not None:
            return Evaluation(exact, FINITE_SUM)
        return Evaluation(tidy(func(pp, qq, *params)), FINITE_SUM)
    return None


def finite_single_measure(
    func: Callable[..., sp.Expr], x: sp.Basic, *params: sp.Expr
) -> Evaluation | None:
    """A measure of one finite distribution from its definition; ``None`` if not finite."""
    if kind_of(x) is Kind.FINITE:
        return Evaluation(tidy(func(finite_pmf(x), *params)), FINITE_SUM)
    return None


# --- generalised measures (Rényi, Tsallis, Bhattacharyya, Hellinger, chi-square, Amari, TV, JS,
# f-divergences): two integrals, log ∫ p**α and log ∫ p**α q**(1−α), from the rules of
# symbinfo.closedforms.generalised (the log-normaliser mechanism and hand rules), else the
# honest Integral/Sum of the definition -------------------------------------------------------


def _where(cond: sp.Basic, value: sp.Expr, otherwise: sp.Expr) -> sp.Expr:
    from .closedforms.generalised import where

    return where(cond, value, otherwise)


def _over(value: sp.Expr, den: sp.Expr, infinite: sp.Expr | None = None) -> sp.Expr:
    """value/den branch by branch; an infinite branch keeps its sign by the sign of ``den``
    (or becomes ``infinite`` when given: a Rényi divergence is +oo wherever ∫ p**α q**(1−α)
    is 0 or diverges)."""
    if isinstance(value, sp.Piecewise):
        return sp.piecewise_fold(sp.Piecewise(*[(_over(e, den, infinite), c)
                                                for e, c in value.args]))
    if value in (sp.oo, -sp.oo):
        return infinite if infinite is not None else _where(den > 0, value, -value)
    return value / den


def _exp(value: sp.Expr) -> sp.Expr:
    """exp of a log-integral, as a product of powers (exp(log(s)/2 + r) is sqrt(s)*exp(r))."""
    if isinstance(value, sp.Piecewise):
        return sp.Piecewise(*[(_exp(e), c) for e, c in value.args])
    from .closedforms.generalised import as_powers

    return as_powers(sp.exp(value))


def _nice(value: sp.Expr) -> sp.Expr:
    from .closedforms.generalised import textbook_log

    if value.has(sp.Integral, sp.Sum, sp.Limit):
        return value
    return tidy(textbook_log(value))


def _nice_exp(value: sp.Expr) -> sp.Expr:
    if value.has(sp.Integral, sp.Sum, sp.Limit):
        return value
    if isinstance(value, sp.Piecewise):
        return sp.Piecewise(*[(_nice_exp(e), c) for e, c in value.args])
    return tidy(sp.powsimp(value)) if value.free_symbols and sp.count_ops(value) < 200 else value


def _view_pair(dp: Distribution, dq: Distribution):
    vp, vq = read_univariate(dp), read_univariate(dq)
    if vp.discrete:
        x = vp.variable if vq.support.inf.is_nonnegative else sp.Symbol("k", integer=True)
    else:
        x = vp.variable if vq.support.inf.is_nonnegative else sp.Symbol("x", real=True)
    return vp, vq, x


def _indicator(view, x: sp.Symbol, f: sp.Expr, lo: sp.Expr, hi: sp.Expr) -> sp.Expr:
    """``f`` on the view's support inside [lo, hi], 0 elsewhere (a Piecewise only when needed)."""
    a, b = view.bounds
    if (a == lo or (a <= lo) is sp.true) and (b == hi or (b >= hi) is sp.true):
        return f
    return sp.Piecewise((f, sp.And(x >= a, x <= b)), (0, True))


def _definition(discrete: bool, integrand: sp.Expr, x: sp.Symbol, lo: sp.Expr,
                hi: sp.Expr) -> sp.Expr:
    if discrete:
        return continuous.DefinitionSum(integrand, (x, lo, hi))
    return settle(continuous.DefinitionIntegral(integrand, (x, lo, hi)))


def pair_definition(dp: Distribution, dq: Distribution,
                    integrand: Callable[[sp.Expr, sp.Expr], sp.Expr], where: str) -> sp.Expr:
    """The honest Integral/Sum of ``integrand(p(x), q(x))`` over the supports' intersection
    (``where="both"``), P's support (``"p"``) or their union (``"union"``, densities 0 outside
    their supports)."""
    vp, vq, x = _view_pair(dp, dq)
    (a, b), (c, d) = vp.bounds, vq.bounds
    lo, hi = {"both": (sp.Max(a, c), sp.Min(b, d)), "p": (a, b),
              "union": (sp.Min(a, c), sp.Max(b, d))}[where]
    fp = _indicator(vp, x, vp.density_at(x), lo, hi)
    fq = _indicator(vq, x, vq.density_at(x), lo, hi)
    return _definition(vp.discrete, integrand(fp, fq), x, lo, hi)


def _log(definition: sp.Expr) -> sp.Expr:
    """log of an honest Integral/Sum, unevaluated: SymPy's log would ask whether its argument
    is positive, and a Sum answers by evaluating itself. A divergent one (settled to oo) is
    oo."""
    return definition if definition is sp.oo else sp.log(definition, evaluate=False)


def _singular(p: sp.Basic, q: sp.Basic) -> bool:
    """Atoms against a density: the two are mutually singular."""
    densities = {Kind.CONTINUOUS, Kind.MULTIVARIATE}
    return (kind_of(p) in densities) != (kind_of(q) in densities)


def _finite_log_skew(pp: dict, qq: dict, alpha: sp.Expr) -> sp.Expr:
    """log Σ p**α q**(1−α) over two pmfs: +oo for α > 1 when P has mass where Q has none."""
    keys = [x for x, w in pp.items() if w != 0]
    kept = [x for x in keys if qq.get(x, 0) != 0]
    total = sp.Add(*(pp[x] ** alpha * qq[x] ** (1 - alpha) for x in kept))
    value = sp.log(total) if kept else -sp.oo
    if len(kept) < len(keys):
        value = _where(alpha > 1, sp.oo, value)
    return value


def log_skew_integral(p: sp.Basic, q: sp.Basic, alpha: sp.Expr) -> Evaluation:
    """log ∫ p**α q**(1−α) (log Σ for pmfs): +oo where the integral diverges."""
    if kind_of(p) is Kind.FINITE and kind_of(q) is Kind.FINITE:
        return Evaluation(tidy(_finite_log_skew(*_finite_pair(p, q), alpha)), FINITE_SUM)
    if _singular(p, q):
        return Evaluation(-sp.oo, RULE)
    dp, dq = _dist(p), _dist(q)
    if kind_of(p) is Kind.FINITE or kind_of(q) is Kind.FINITE or dp is None or dq is None:
        return Evaluation(_log(_skew_sum_mixed(p, q, alpha)), UNEVALUATED)
    hit = SKEW_INTEGRAL.apply(dp, dq, params=(alpha,))
    if hit is not None:
        return Evaluation(hit[0], RULE, hit[1])
    if kind_of(p) is Kind.MULTIVARIATE:
        return Evaluation(_log(_multivariate_definition(
            dp, dq, lambda f, g: f**alpha * g ** (1 - alpha))), UNEVALUATED)
    inside = _support_inside(p, q)
    value = _log(pair_definition(dp, dq, lambda f, g: f**alpha * g ** (1 - alpha), "both"))
    if inside is not sp.true and not (alpha - 1).is_nonpositive:
        value = _where(sp.Or(inside if inside is not None else sp.false, alpha < 1),
                       value, sp.oo)
    return Evaluation(value, UNEVALUATED)


def _skew_sum_mixed(p: sp.Basic, q: sp.Basic, alpha: sp.Expr) -> sp.Expr:
    """Σ p**α q**(1−α) over P's atoms when one side is a table and the other a countable
    family (the family's pmf read at the atoms)."""
    if kind_of(p) is Kind.FINITE:
        pp, qq = _pmfs_on_support_of_p(p, q)
        return sp.Add(*(pp[x] ** alpha * qq[x] ** (1 - alpha) for x in pp))
    qq, pp = _pmfs_on_support_of_p(q, p)
    return sp.Add(*(pp[x] ** alpha * qq[x] ** (1 - alpha) for x in qq))


def _multivariate_definition(dp: Distribution, dq: Distribution, integrand) -> sp.Expr:
    from sympy.stats.joint_rv_types import MultivariateBetaDistribution

    from .distributions.continuous import pdf_of as density
    from .distributions.joint_families import joint_definition

    found = joint_definition(dp, dq, integrand)  # multinomials, Wishart and matrix gamma laws
    if found is not None:
        return found
    if isinstance(dp, MultivariateBetaDistribution):  # over the simplex, x_K = 1 - sum
        k = len(dp.args[0])
        xs = sp.symbols(f"x1:{k}", positive=True)
        point = [*xs, 1 - sp.Add(*xs)]
        limits = [(x, 0, 1 - sp.Add(*xs[:i])) for i, x in enumerate(xs)]
        return sp.Integral(integrand(dp(*point), dq(*point)), *reversed(limits))
    n = len(dp.mu) if hasattr(dp, "mu") else None
    if n is None or not isinstance(n, int):
        raise MismatchError(f"{dp} has no dimension symbinfo can read")
    xs = sp.symbols(f"x1:{n + 1}", real=True)
    point = sp.Matrix(xs)
    return sp.Integral(integrand(density(dp, point), density(dq, point)),
                       *((x, -sp.oo, sp.oo) for x in xs))


def log_power_integral(x: sp.Basic, alpha: sp.Expr) -> Evaluation:
    """log ∫ p**α (log Σ p**α for a pmf) of one non-finite distribution."""
    dist = _dist(x)
    hit = POWER_INTEGRAL.apply(dist, params=(alpha,)) if dist is not None else None
    if hit is not None:
        return Evaluation(hit[0], RULE, hit[1])
    if dist is None or kind_of(x) is Kind.MULTIVARIATE:
        raise MismatchError(f"{x}: no density symbinfo can integrate")
    view = read_univariate(dist)
    return Evaluation(_log(continuous._honest_fallback(view, lambda f: f**alpha)),
                      UNEVALUATED)


#: CPU seconds for SymPy's limit of a Rényi measure as its order tends to oo
LIMIT_SECONDS = 1.0


def _with_limit(general: Callable[[sp.Expr], Evaluation], alpha: sp.Expr,
                at_one: Callable[[], Evaluation]) -> Evaluation:
    """``general(alpha)``, with the order-1 limit as a Piecewise branch for a symbolic order and
    the order-oo limit taken symbolically (an unevaluated ``Limit`` if SymPy cannot)."""
    alpha = sp.Integer(alpha) if isinstance(alpha, int) else alpha
    if alpha == 1:
        return at_one()
    if alpha is sp.oo:
        a = sp.Dummy("alpha", positive=True)
        found = general(a)
        value = None
        if found.method != UNEVALUATED:  # SymPy's limit, within a small budget
            value = call_within(sp.limit, found.value, a, sp.oo,
                                seconds=min(current_limits().step_seconds, LIMIT_SECONDS))
        if value is None or value.has(sp.Limit) or value.has(sp.nan) or value.has(sp.AccumBounds):
            return Evaluation(sp.Limit(found.value, a, sp.oo), UNEVALUATED)
        return Evaluation(tidy(value), found.method, found.rule)
    found = general(alpha)
    if alpha.is_number:
        return found
    one = at_one()
    whole = sp.piecewise_fold(sp.Piecewise((one.value, sp.Eq(alpha, 1)), (found.value, True)))
    return Evaluation(whole, found.method, found.rule, (one,))


def _shannon(x: sp.Basic) -> Evaluation:
    return distribution_entropy(x) if isinstance(x, Distribution) else joint_entropy((x,))


def renyi_entropy(x: sp.Basic, alpha: sp.Expr) -> Evaluation:
    """Rényi entropy log(∫ p**α)/(1 − α) of one non-finite distribution, in nats."""
    if alpha is sp.oo and (found := _min_entropy(x)) is not None:
        return found

    def general(a: sp.Expr) -> Evaluation:
        found = log_power_integral(x, a)
        return Evaluation(_nice(_over(found.value, 1 - a)), found.method, found.rule)

    return _with_limit(general, alpha, lambda: _shannon(x))


def _min_entropy(x: sp.Basic) -> Evaluation | None:
    """−log sup p from the family record's mode (closedforms.generalised.log_sup_density)."""
    from .closedforms.generalised import log_sup_density

    dist = _dist(x)
    if dist is None or kind_of(x) in (Kind.FINITE, Kind.MULTIVARIATE):
        return None
    value = log_sup_density(dist)
    if value is None:
        return None
    value = _over(value, sp.S.NegativeOne)
    return Evaluation(min([_nice(value), tidy(value)], key=sp.count_ops), RULE)


def tsallis_entropy(x: sp.Basic, q: sp.Expr) -> Evaluation:
    """Tsallis entropy (1 − ∫ p**q)/(q − 1) of one non-finite distribution."""
    def general(a: sp.Expr) -> Evaluation:
        found = log_power_integral(x, a)
        return Evaluation(_nice_exp(_over(1 - _exp(found.value), a - 1)), found.method,
                          found.rule)

    return _with_limit(general, q, lambda: _shannon(x))


def renyi_divergence(p: sp.Basic, q: sp.Basic, alpha: sp.Expr) -> Evaluation:
    """Rényi divergence log(∫ p**α q**(1−α))/(α − 1) in nats (order 1: KL; oo: the limit)."""
    def general(a: sp.Expr) -> Evaluation:
        found = log_skew_integral(p, q, a)
        return Evaluation(_nice(_over(found.value, a - 1, sp.oo)), found.method, found.rule)

    return _with_limit(general, alpha, lambda: kl_divergence(p, q))


def bhattacharyya_coefficient(p: sp.Basic, q: sp.Basic) -> Evaluation:
    """BC(P, Q) = ∫ sqrt(p q) = exp(−J_F^(1/2)) for a shared exponential family."""
    found = log_skew_integral(p, q, sp.S.Half)
    return Evaluation(_exp(_nice(found.value)), found.method, found.rule)


def bhattacharyya_distance(p: sp.Basic, q: sp.Basic) -> Evaluation:
    """D_B(P, Q) = −log BC(P, Q), in nats."""
    found = log_skew_integral(p, q, sp.S.Half)
    return Evaluation(_nice(-found.value), found.method, found.rule)


def hellinger_distance(p: sp.Basic, q: sp.Basic) -> Evaluation:
    """sqrt(1 − BC(P, Q)) (DESIGN's convention, in [0, 1])."""
    found = bhattacharyya_coefficient(p, q)
    if found.method == UNEVALUATED:  # SymPy would evaluate the Sum to decide sqrt's sign
        return Evaluation(sp.Pow(1 - found.value, sp.S.Half, evaluate=False), found.method)
    return Evaluation(sp.sqrt(1 - found.value), found.method, found.rule)


def chi_square_divergence(p: sp.Basic, q: sp.Basic, neyman: bool = False) -> Evaluation:
    """Pearson χ²(P ‖ Q) = ∫ p²/q − 1 (Neyman's: ∫ q²/p − 1, Pearson's of (Q, P))."""
    two = sp.Integer(2)
    found = log_skew_integral(q, p, two) if neyman else log_skew_integral(p, q, two)
    return Evaluation(_exp(_nice(found.value)) - 1, found.method, found.rule)


def alpha_divergence(p: sp.Basic, q: sp.Basic, alpha: sp.Expr) -> Evaluation:
    """Amari α-divergence (1 − ∫ p**α q**(1−α))/(α(1 − α)); α → 1 is KL(P ‖ Q), α → 0 is
    KL(Q ‖ P)."""
    if alpha == 0:
        return kl_divergence(q, p)
    found = log_skew_integral(p, q, alpha)
    value = _over(1 - _exp(_nice(found.value)), alpha * (1 - alpha)) if alpha != 1 else None
    if alpha == 1:
        return kl_divergence(p, q)
    if not alpha.is_number:
        one, zero = kl_divergence(p, q), kl_divergence(q, p)
        value = sp.Piecewise((one.value, sp.Eq(alpha, 1)), (zero.value, sp.Eq(alpha, 0)),
                             (value, True))
    return Evaluation(value, found.method, found.rule)


def total_variation(p: sp.Basic, q: sp.Basic) -> Evaluation:
    """½ ∫ |p − q|: a rule where the crossings of the densities and their CDFs close, else
    the honest integral."""
    if _singular(p, q):
        return Evaluation(sp.S.One, RULE)
    dp, dq = _dist(p), _dist(q)
    hit = TOTAL_VARIATION.apply(dp, dq) if dp is not None and dq is not None else None
    if hit is not None:
        return Evaluation(tidy(hit[0]), RULE, hit[1])
    if dp == dq and dp is not None:
        return Evaluation(sp.S.Zero, RULE)
    if kind_of(p) is Kind.MULTIVARIATE:
        return Evaluation(_multivariate_definition(dp, dq, lambda f, g: sp.Abs(f - g)) / 2,
                          UNEVALUATED)
    return Evaluation(pair_definition(dp, dq, lambda f, g: sp.Abs(f - g), "union") / 2,
                      UNEVALUATED)


def js_divergence(p: sp.Basic, q: sp.Basic) -> Evaluation:
    """Jensen–Shannon divergence ½KL(P ‖ M) + ½KL(Q ‖ M), M = (P + Q)/2: 0 for P = Q, log 2
    for mutually singular P and Q, else the honest integral."""
    if _singular(p, q):
        return Evaluation(sp.log(2), RULE)
    dp, dq = _dist(p), _dist(q)
    if dp == dq:
        return Evaluation(sp.S.Zero, RULE)
    if kind_of(p) is Kind.MULTIVARIATE:
        def half(f, g):
            return (f * sp.log(2 * f / (f + g)) + g * sp.log(2 * g / (f + g))) / 2
        return Evaluation(_multivariate_definition(dp, dq, half), UNEVALUATED)
    first = pair_definition(dp, dq, lambda f, g: f * sp.log(2 * f / (f + g)), "p")
    second = pair_definition(dq, dp, lambda g, f: g * sp.log(2 * g / (f + g)), "p")
    return Evaluation((first + second) / 2, UNEVALUATED)


def _f_divergence_parts(f: sp.Expr, t: sp.Symbol) -> tuple[str, sp.Expr, sp.Expr, sp.Expr] | None:
    """Recognise D_f as ``scale`` × a known divergence + f(1): an f-divergence depends on f
    only through f'' and f(1) (f and f + c(t − 1) give the same divergence). Returns (name,
    scale, f(1), order) with name one of "power" (f'' = scale·t**(order − 2): an Amari
    α-divergence, KL at order 1, reverse KL at 0), "tv", "js"; ``None`` if not recognised."""
    at_one = f.subs(t, 1)
    second = sp.simplify(sp.diff(f, t, 2))
    if second == 0:
        return None
    if second.has(sp.DiracDelta):
        scale = sp.simplify(second / sp.DiracDelta(t - 1))
        return ("tv", scale, at_one, sp.S.Zero) if t not in scale.free_symbols else None
    js = 1 / (2 * t * (1 + t))
    scale = sp.simplify(second / js)
    if t not in scale.free_symbols:
        return "js", scale, at_one, sp.S.Zero
    exponent = sp.simplify(t * sp.diff(second, t) / second)
    if t in exponent.free_symbols:
        return None
    scale = sp.simplify(second / t**exponent)
    return ("power", scale, at_one, exponent + 2) if t not in scale.free_symbols else None


def f_divergence(p: sp.Basic, q: sp.Basic, f: sp.Expr, t: sp.Symbol) -> Evaluation:
    """D_f(P ‖ Q) = ∫ q f(p/q) (Csiszár 1963, Ali & Silvey 1966) for f, an expression in
    ``t``, convex with f(1) = 0 for a divergence: recognised as a multiple of an Amari
    α-divergence (KL, reverse KL, Pearson and Neyman χ², squared Hellinger), total variation
    or Jensen–Shannon, else the honest integral over Q's support (P ≪ Q required)."""
    found = _f_divergence_parts(f, t)
    if found is not None:
        name, scale, at_one, order = found
        if name == "tv":
            inner = total_variation(p, q)  # f'' = c δ(t - 1): f = (c/2)|t - 1|, D_f = c TV
        elif name == "js":
            inner = js_divergence(p, q)
        else:
            inner = alpha_divergence(p, q, order)
        return Evaluation(tidy(scale * inner.value + at_one) if inner.method != UNEVALUATED
                          else scale * inner.value + at_one, inner.method, inner.rule, (inner,))
    if _support_inside(p, q) is not sp.true:
        raise UnsupportedInputError(
            f"D_f({p} || {q}): P's support is not provably inside Q's, and an f-divergence "
            "then needs f's slope at infinity; only recognised f are evaluated there")
    dp, dq = _dist(p), _dist(q)
    if kind_of(p) is Kind.FINITE and kind_of(q) is Kind.FINITE:
        pp, qq = _finite_pair(p, q)
        value = sp.Add(*(w * f.subs(t, pp.get(x, 0) / w) for x, w in qq.items() if w != 0))
        return Evaluation(tidy(value), FINITE_SUM)
    value = pair_definition(dq, dp, lambda g, h: g * f.subs(t, h / g), "p")
    return Evaluation(value, UNEVALUATED)
