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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from .errors import ResourceLimitError


@dataclass(frozen=True)
class Limits:
    """How much work one public call may do. Every field is documented in ``docs/limits.md``."""

    #: characters of one formula string the parser reads
    text_length: int = 5_000
    #: digits of one number literal the parser accepts (hand calculations need far fewer)
    integer_digits: int = 400
    #: outcomes a finite distribution may be expanded into (a table, a product of finite RVs)
    finite_outcomes: int = 100_000
    #: largest integer exponent that is expanded or evaluated exactly
    exponent: int = 10_000
    #: integers are factored (to split log(n) into primes) only below this many digits
    factor_digits: int = 30
    #: Gamma/Beta/factorial of an integer above this stay symbolic (log-gamma), never expanded
    exact_special_argument: int = 1_000
    #: CPU seconds SymPy may spend integrating for one measure (in a child process)
    integrate_seconds: float = 4.0
    #: wall seconds for any other symbolic step that can blow up (simplify, limit, a check)
    step_seconds: float = 10.0
    #: address space of the integration child process, in MiB
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
    """The limits in force for this thread/task."""
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
    """Run a block under changed limits (this thread/task only); the old ones come back after."""
    token = _CURRENT.set(_changed(current_limits(), changes))
    try:
        yield current_limits()
    finally:
        _CURRENT.reset(token)
