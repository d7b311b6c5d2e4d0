"""Closed-form rule registries with most-specific-type dispatch.

One :class:`RuleRegistry` object per measure (entropy, KL, cross-entropy, ...). A rule is keyed by
the distribution classes it applies to; dispatch picks the most specific registered key (by MRO
distance), and a rule may *decline* by returning ``None`` so dispatch moves on to the next
candidate and finally to the generic engine. Rules compute in nats; units are applied once, at the
public functions.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import sympy as sp
from sympy.stats.crv import SingleContinuousDistribution
from sympy.stats.drv import SingleDiscreteDistribution

from ..errors import ResourceLimitError, SymbinfoError
from ..limits import current_limits, too_big_to_touch


class RuleRegistrationError(SymbinfoError, TypeError):
    """A rule was registered twice for one key, or so that dispatch would be ambiguous."""


@dataclass(frozen=True)
class Rule:
    """One closed-form rule: the function, the key it serves, and where the formula comes from."""

    key: tuple[type, ...]
    func: Callable[..., sp.Expr | None] = field(compare=False)
    source: str
    conditions: str = ""

    @property
    def name(self) -> str:
        return self.func.__name__

    @property
    def family(self) -> str:
        """Readable key, e.g. ``Normal`` or ``Normal || Laplace``."""
        return " || ".join(_family_name(t) for t in self.key)


def _family_name(cls: type) -> str:
    name = cls.__name__
    return name[: -len("Distribution")] if name.endswith("Distribution") else name


def _distance(obj_type: type, key_type: type) -> int | None:
    """MRO distance from ``obj_type`` to ``key_type``; ``None`` when it is not a subclass."""
    mro = inspect.getmro(obj_type)
    return mro.index(key_type) if key_type in mro else None


class RuleRegistry:
    """Rules for one measure, keyed by tuples of distribution classes.

    >>> reg = RuleRegistry("demo", arity=1)
    >>> @reg.register(int, source="derived here")
    ... def one(x):
    ...     return sp.Integer(1)
    >>> reg.apply(True)[0]      # bool is a subclass of int
    1
    >>> reg.apply("text") is None
    True
    """

    def __init__(self, measure: str, arity: int) -> None:
        self.measure = measure
        self.arity = arity
        self._rules: dict[tuple[type, ...], Rule] = {}

    def register(
        self, *key: type, source: str, conditions: str = ""
    ) -> Callable[[Callable[..., sp.Expr | None]], Callable[..., sp.Expr | None]]:
        """Decorator registering a rule for ``key``; ``source`` names the book/paper/derivation."""
        if len(key) != self.arity:
            raise RuleRegistrationError(
                f"{self.measure} rules take {self.arity} classes, got {len(key)}: {key}"
            )
        if not source:
            raise RuleRegistrationError(f"a {self.measure} rule for {key} must name its source")

        def decorator(func: Callable[..., sp.Expr | None]) -> Callable[..., sp.Expr | None]:
            if key in self._rules:
                raise RuleRegistrationError(
                    f"{self.measure}: a rule for {Rule(key, func, source).family} "
                    f"is already registered ({self._rules[key].name})"
                )
            for other in self._rules:
                if self._ambiguous(key, other):
                    raise RuleRegistrationError(
                        f"{self.measure}: rules for {key} and {other} would both apply to some "
                        "inputs with neither more specific; register the common subclass first"
                    )
            self._rules[key] = Rule(key, func, source, conditions)
            return func

        return decorator

    def _ambiguous(self, a: tuple[type, ...], b: tuple[type, ...]) -> bool:
        related = all(issubclass(x, y) or issubclass(y, x) for x, y in zip(a, b, strict=True))
        if not related:
            return False
        a_below = all(issubclass(x, y) for x, y in zip(a, b, strict=True))
        b_below = all(issubclass(y, x) for x, y in zip(a, b, strict=True))
        if a_below or b_below:
            return False
        meet = tuple(x if issubclass(x, y) else y for x, y in zip(a, b, strict=True))
        return meet not in self._rules

    def candidates(self, *objs: object) -> list[Rule]:
        """Rules applicable to ``objs``, most specific first."""
        scored = []
        for key, rule in self._rules.items():
            dists = [_distance(type(o), k) for o, k in zip(objs, key, strict=True)]
            if None not in dists:
                scored.append((tuple(sorted(dists, reverse=True)), sum(dists), rule))
        scored.sort(key=lambda t: (t[1], t[0]))
        return [rule for _, _, rule in scored]

    def apply(self, *objs: object, params: tuple = ()) -> tuple[sp.Expr, Rule] | None:
        """The first non-declining rule's result and the rule, or ``None``; ``params`` (an
        order α, ...) are passed to the rule after the distributions.

        Numeric parameters too large to evaluate exactly (see :func:`hide_huge_numbers`) reach
        the rule as symbols and come back unevaluated, so ``gamma(10**18)`` is never expanded:

        >>> from sympy.stats.crv_types import ChiSquaredDistribution
        >>> from symbinfo.closedforms import ENTROPY
        >>> h, rule = ENTROPY.apply(ChiSquaredDistribution(10**15))
        >>> print(h)  # doctest: +NORMALIZE_WHITESPACE
        -499999999999999*polygamma(0, 500000000000000) + 500000000000000
        + log(2*gamma(500000000000000))
        >>> h.evalf(20)
        19.034900320939987360
        """
        hidden, shown = hide_huge_numbers((*objs, *params))
        for rule in self.candidates(*objs):
            result = rule.func(*hidden)
            if result is not None:
                return show_numbers(result, shown), rule
        return None

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self._rules.values(), key=lambda r: r.family))

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, key: object) -> bool:
        return key in self._rules


def _assumptions_of(number: sp.Rational) -> dict[str, bool]:
    facts = {"positive": True} if number > 0 else {"negative": True}
    facts["integer" if number.is_Integer else "noninteger"] = True
    if number.is_Integer:
        facts["even" if number % 2 == 0 else "odd"] = True
    return facts


def hide_huge_numbers(objs: tuple) -> tuple[tuple, dict[sp.Dummy, sp.Rational]]:
    """``objs`` with every rational number whose numerator or denominator exceeds
    ``current_limits().exact_special_argument`` replaced by a Dummy that carries its sign and
    integrality, and the map back. One Dummy per distinct number, across all ``objs``.

    SymPy evaluates ``gamma``, ``beta``, ``loggamma``, ``digamma`` or ``harmonic`` of an integer
    exactly (as a factorial or a sum), which for 10**18 never ends and cannot be interrupted;
    a rule written for symbolic parameters gives the same formula without that.

    >>> from sympy.stats.crv_types import GammaDistribution
    >>> (d,), back = hide_huge_numbers((GammaDistribution(10**18, 2),))
    >>> d.k.is_integer, d.k.is_positive, d.theta, list(back.values())
    (True, True, 2, [1000000000000000000])
    """
    bound = current_limits().exact_special_argument
    shown: dict[sp.Dummy, sp.Rational] = {}
    hidden: dict[sp.Rational, sp.Dummy] = {}
    out = []
    for obj in objs:
        if not isinstance(obj, sp.Basic):
            out.append(obj)
            continue
        huge = {r for r in obj.atoms(sp.Rational) if abs(r.p) > bound or r.q > bound}
        for r in huge - set(hidden):
            hidden[r] = sp.Dummy("n", **_assumptions_of(r))
            shown[hidden[r]] = r
        out.append(obj.xreplace({r: hidden[r] for r in huge}) if huge else obj)
    return tuple(out), shown


def hiding_huge_numbers(func: Callable[..., sp.Basic], *objs: object) -> sp.Basic:
    """``func(*objs)`` computed with the huge numbers of ``objs`` hidden (see
    :func:`hide_huge_numbers`) and shown again in the closed result, unevaluated: what the rules
    get, for the generic engine (whose densities hold ``gamma(k)`` too).

    A result that is still an ``Integral`` or ``Sum`` holding such a number inside a special
    function or an exponent is refused instead: SymPy rebuilds an integrand to print or evaluate
    it, and would then expand ``2**(10**15)`` or ``gamma(10**18)`` exactly.

    >>> from sympy.stats.crv_types import ChiDistribution
    >>> hiding_huge_numbers(lambda d: d.pdf(sp.Integer(1)), ChiDistribution(10**15))
    exp(-1/2)/(2**499999999999999*gamma(500000000000000))
    >>> hiding_huge_numbers(lambda d: sp.Integral(d.pdf(sp.Symbol("x")), sp.Symbol("x")),
    ...                     ChiDistribution(10**15))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    symbinfo.errors.ResourceLimitError: ChiDistribution(1000000000000000) has parameters ...
    """
    hidden, shown = hide_huge_numbers(objs)
    result = show_numbers(func(*hidden), shown)
    if (shown and isinstance(result, sp.Basic) and result.has(sp.Integral, sp.Sum)
            and too_big_to_touch(result)):
        names = ", ".join(str(o)[:80] for o in objs)
        raise ResourceLimitError(
            f"{names} has parameters above {current_limits().exact_special_argument} "
            "(limit exact_special_argument) and no closed form: its integral or sum could not "
            "be evaluated exactly; raise the limit with symbinfo.using_limits to try"
        )
    return result


def check_parameters(obj: sp.Basic, what: str) -> None:
    """Refuse ``obj`` when a density or infinite pmf in it has a parameter above
    ``exact_special_argument``: SymPy writes such a density with ``gamma(10**18)`` evaluated
    exactly, so only the closed-form rules (which see the parameter as a symbol) can take it.

    >>> from sympy.stats import Gamma
    >>> check_parameters(Gamma("X", 10**4, 1), "the derivation")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    symbinfo.errors.ResourceLimitError: the derivation: GammaDistribution(10000, 1) has a ...
    """
    for dist in obj.atoms(SingleContinuousDistribution, SingleDiscreteDistribution):
        if hide_huge_numbers((dist,))[1]:
            raise ResourceLimitError(
                f"{what}: {str(dist)[:80]} has a parameter above "
                f"{current_limits().exact_special_argument} (limit exact_special_argument); "
                "its density cannot be written out, only its closed form (evaluate the measure "
                "instead) or a raised limit (symbinfo.using_limits)"
            )


def show_numbers(result: sp.Basic, shown: dict[sp.Dummy, sp.Rational]) -> sp.Basic:
    """Put the numbers back without evaluating any function of them (``gamma(10**18)`` stays as
    it is); only arithmetic between plain rationals and relations between numbers are carried
    out, both cheap.

    >>> n = sp.Dummy("n", positive=True, integer=True)
    >>> show_numbers(sp.polygamma(0, n) - n / 2 + sp.Piecewise((1, n > 2), (0, True)),
    ...              {n: sp.Integer(10**18)})
    -499999999999999999 + polygamma(0, 1000000000000000000)
    """
    if not shown or not isinstance(result, sp.Basic):
        return result
    with sp.evaluate(False):
        back = result.xreplace(shown)
    return _fold(back)


def _fold(e: sp.Basic) -> sp.Basic:
    if not e.args:
        return e
    args = [_fold(a) for a in e.args]
    if isinstance(e, sp.Add | sp.Mul):  # exact arithmetic of the rationals: cheap
        numbers = [a for a in args if isinstance(a, sp.Rational)]
        others = [a for a in args if not isinstance(a, sp.Rational)]
        if len(numbers) > 1 or not others or e.identity in numbers:
            folded = e.func(*numbers)
            if not others:
                return folded
            args = others if folded == e.identity else [folded, *others]
            if len(args) == 1:
                return args[0]
    if (isinstance(e, sp.Pow) and all(isinstance(a, sp.Rational) for a in args)
            and abs(args[1].p) * max(abs(args[0].p), args[0].q).bit_length() <= 4096):
        return e.func(*args)  # sqrt(10**20) is 10**10; 2**(10**18) stays a power
    if isinstance(e, sp.Rel) and all(a.is_number for a in args):
        return e.func(*args)  # decide 10**18 > 2 (numbers compare cheaply)
    if isinstance(e, sp.Piecewise):  # keep the branches that may hold, without re-evaluating
        pairs = [(v, c) for v, c in args if c is not sp.false]
        if pairs and pairs[0][1] is sp.true:
            return pairs[0][0]
        with sp.evaluate(False):
            return sp.Piecewise(*pairs)
    if all(a is b for a, b in zip(args, e.args, strict=True)):
        return e
    with sp.evaluate(False):
        return e.func(*args)
