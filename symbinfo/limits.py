"""The bound: every resource limit symbinfo applies, as data, in one place.

A public call either answers or refuses (with :class:`~symbinfo.errors.ResourceLimitError`)
within these limits. They are read through :func:`current_limits` by every entry point, so a
limit is changed in one place: for the whole process with :func:`set_limits`, or for a block of
code (and only the thread or task running it) with :func:`using_limits`.

>>> current_limits().finite_outcomes
100000
>>> with using_limits(finite_outcomes=10):
...     current_limits().finite_outcomes
10
>>> using_limits(finite_outcomes=-1).__enter__()
Traceback (most recent call last):
...
symbinfo.errors.ResourceLimitError: limit finite_outcomes must be a positive number, not -1
"""

from __future__ import annotations

import contextvars
import dataclasses
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import sympy as sp

from .errors import ResourceLimitError


@dataclass(frozen=True)
class Limits:
    """How much work one public call may do. Every field is documented in ``docs/limits.md``.

    >>> Limits().finite_outcomes, Limits(finite_outcomes=10).finite_outcomes
    (100000, 10)
    """

    #: characters of one formula string the parser reads
    text_length: int = 5_000
    #: brackets/operators nested in one formula (well clear of Python's recursion limit)
    nesting_depth: int = 60
    #: digits of one number literal the parser accepts (hand calculations need far fewer)
    integer_digits: int = 400
    #: bits of an exact power of numbers the parser builds (2**65536 is instant)
    power_bits: int = 65_536
    #: bits of all exact numbers one formula creates together
    total_bits: int = 200_000
    #: largest numeric argument of a special function the parser lets SymPy evaluate exactly
    #: (polygamma(499, 500) alone takes minutes; at 100 the worst case is ~0.2 s)
    eager_argument: int = 100
    #: exact special-function evaluations one formula may ask for
    eager_calls: int = 10
    #: outcomes a finite distribution may be expanded into (a table, a product of finite RVs)
    finite_outcomes: int = 100_000
    #: largest integer exponent of an irrational number (sqrt(2), pi) that is built exactly
    exponent: int = 10_000
    #: terms the expansion of a power of a sum may have ((s + 1)**n has n + 1)
    expansion_terms: int = 1_000
    #: integers are factored (to split log(n) into primes) only below this many digits
    factor_digits: int = 30
    #: Gamma/Beta/factorial of an integer above this stay symbolic (log-gamma), never expanded
    exact_special_argument: int = 1_000
    #: CPU seconds SymPy may spend integrating for one measure (in a child process)
    integrate_seconds: float = 4.0
    #: CPU seconds for any other symbolic step that can blow up (simplify, a numeric check)
    step_seconds: float = 10.0
    #: address space of a bounded step's child process, in MiB
    child_memory_mb: int = 4_096

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0:
                raise ResourceLimitError(
                    f"limit {f.name} must be a positive number, not {value!r}"
                )


_DEFAULT = Limits()
_CURRENT: contextvars.ContextVar[Limits | None] = contextvars.ContextVar(
    "symbinfo_limits", default=None
)


def current_limits() -> Limits:
    """The limits in force for this thread/task.

    >>> current_limits().integrate_seconds
    4.0
    """
    found = _CURRENT.get()
    return _DEFAULT if found is None else found


def _changed(base: Limits, changes: dict) -> Limits:
    unknown = set(changes) - {f.name for f in dataclasses.fields(Limits)}
    if unknown:
        raise ResourceLimitError(f"unknown limit(s) {sorted(unknown)}; see symbinfo.Limits")
    return dataclasses.replace(base, **changes)


def set_limits(**changes: float) -> Limits:
    """Change the process-wide default limits; returns the new defaults.

    >>> old = current_limits()
    >>> set_limits(step_seconds=20).step_seconds
    20
    >>> set_limits(**dataclasses.asdict(old)) == old
    True
    """
    global _DEFAULT
    _DEFAULT = _changed(_DEFAULT, changes)
    return _DEFAULT


@contextmanager
def using_limits(**changes: float) -> Iterator[Limits]:
    """Run a block under changed limits (this thread/task only); the old ones come back after.

    >>> with using_limits(step_seconds=1) as inside:
    ...     inside.step_seconds, current_limits().step_seconds
    (1, 1)
    >>> current_limits().step_seconds
    10.0
    """
    token = _CURRENT.set(_changed(current_limits(), changes))
    try:
        yield current_limits()
    finally:
        _CURRENT.reset(token)


def expanded_terms(expr: object) -> int:
    """How many terms ``sympy.expand(expr)`` would produce, at most, counted without expanding:
    a sum adds its parts' counts, a product multiplies them, ``(a1 + ... + ak)**n`` has
    ``binomial(n + k - 1, k - 1)``; anything else counts as one.

    >>> s, t = sp.symbols("s t")
    >>> expanded_terms((s + 1)**10 * (s + t + 1)**2)
    66
    """
    cap = current_limits().expansion_terms + 1

    def terms(e: sp.Basic) -> int:
        if isinstance(e, sp.Add):
            return min(cap, sum(terms(a) for a in e.args))
        if isinstance(e, sp.Mul):
            out = 1
            for a in e.args:
                out = min(cap, out * terms(a))
            return out
        if isinstance(e, sp.Pow) and e.exp.is_Integer:
            k, n = terms(e.base), abs(int(e.exp))
            if k == 1:
                return 1
            return cap if n >= cap else min(cap, math.comb(n + k - 1, k - 1))
        for a in e.args:  # functions and the like: their arguments are expanded in place
            if terms(a) >= cap:
                return cap
        return 1

    return terms(expr) if isinstance(expr, sp.Basic) else 1


def check_expression_size(expr: object, what: str) -> None:
    """Refuse ``expr`` (any SymPy object, or a tuple of them) when expanding it would produce
    more than ``current_limits().expansion_terms`` terms.

    >>> check_expression_size((sp.Symbol("sigma") + 1)**(10**6), "the answer")
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    symbinfo.errors.ResourceLimitError: the answer would expand to more than 1000 terms ...
    """
    parts = expr if isinstance(expr, tuple) else (expr,)
    limit = current_limits().expansion_terms
    if any(expanded_terms(p) > limit for p in parts):
        raise ResourceLimitError(
            f"{what} would expand to more than {limit} terms (limit expansion_terms; "
            "raise it with symbinfo.using_limits(expansion_terms=...))"
        )


def too_big_to_touch(expr: object) -> bool:
    """Whether rebuilding ``expr`` could make SymPy evaluate something huge: a function of a
    number holding an integer above ``exact_special_argument`` (``gamma(10**18)`` kept symbolic
    by the rules), a power whose exponent is above ``exponent``, or a power of a sum whose
    expansion has more than ``expansion_terms`` terms.

    >>> too_big_to_touch(sp.loggamma(sp.Integer(10**18), evaluate=False))
    True
    >>> too_big_to_touch(sp.log(sp.Integer(10**100)) + sp.gamma(7))
    False
    """
    limits = current_limits()
    if expanded_terms(expr) > limits.expansion_terms:
        return True

    def huge(e: sp.Basic, bound: int) -> bool:
        return any(abs(r.p) > bound or r.q > bound for r in e.atoms(sp.Rational))

    for node in sp.preorder_traversal(expr):
        if isinstance(node, sp.Pow) and node.exp.is_Rational and huge(node.exp, limits.exponent):
            return True
        if (isinstance(node, sp.Function) and not isinstance(node, sp.log | sp.exp)
                and any(a.is_number and huge(a, limits.exact_special_argument)
                        for a in node.args)):
            return True
    return False
