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

from ..errors import SymbinfoError


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

    def apply(self, *objs: object) -> tuple[sp.Expr, Rule] | None:
        """The first non-declining rule's result and the rule, or ``None``."""
        for rule in self.candidates(*objs):
            result = rule.func(*objs)
            if result is not None:
                return result, rule
        return None

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self._rules.values(), key=lambda r: r.family))

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, key: object) -> bool:
        return key in self._rules
