"""Information gain of a split: the quantity ID3 (Quinlan 1986) and C4.5 maximise."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sympy as sp

from ..derivation import finite
from ..derivation.simplify import tidy
from ..errors import InvalidDistributionError, MismatchError, UnsupportedInputError, guarded
from ..parsing.gate import to_expr
from .base import LogBase, to_base


def _rows(counts: Mapping | Sequence | sp.MatrixBase) -> list[list[sp.Expr]]:
    if isinstance(counts, sp.MatrixBase) or type(counts).__module__.startswith("numpy"):
        counts = counts.tolist()  # a Matrix or a numpy array, as nested lists
    if isinstance(counts, Mapping):
        if not all(isinstance(row, Mapping) for row in counts.values()):
            raise UnsupportedInputError("a count table given as a dict maps each branch to "
                                        "a dict {class: count}")
        classes = list(dict.fromkeys(c for row in counts.values() for c in row))
        counts = [[row.get(c, 0) for c in classes] for row in counts.values()]
    if not isinstance(counts, (list, tuple)) or not all(
            isinstance(row, (list, tuple)) for row in counts):
        raise UnsupportedInputError(
            "a count table is a nested list, a Matrix or {branch: {class: count}}, "
            f"not {counts!r:.60}")
    rows = [[to_expr(v, "a class count") for v in row] for row in counts]
    if not rows or len({len(r) for r in rows}) != 1:
        raise MismatchError("a count table needs rows (branches) of equal length (classes)")
    for row in rows:
        for v in row:
            if v.is_negative:
                raise InvalidDistributionError(f"class counts must be nonnegative, got {v}")
    return rows


@guarded
def information_gain(counts: Mapping | Sequence | sp.MatrixBase, base: object = sp.E) -> sp.Expr:
    """Information gain H(C) − Σ_b (n_b/n) H(C | branch b) of splitting a node.

    ``counts[b][c]`` is the number of examples of class ``c`` that go to branch ``b`` (a nested
    list, Matrix, or ``{branch: {class: count}}``). It equals the mutual information between the
    branch and the class under the empirical distribution.

    >>> # Quinlan's "play tennis" data split on Outlook: sunny 2+/3-, overcast 4+/0-, rain 3+/2-
    >>> information_gain([[2, 3], [4, 0], [3, 2]], base=2).evalf(4)
    0.2467
    """
    base = LogBase(base).value  # checked at the door, like every measure's base
    rows = _rows(counts)
    total = sp.Add(*(v for row in rows for v in row))
    if total == 0 or total.is_positive is False:
        raise InvalidDistributionError("a count table needs a positive total")
    class_totals = [sp.Add(*col) for col in zip(*rows, strict=True)]
    before = finite.entropy({c: n / total for c, n in enumerate(class_totals)})
    after = sp.Add(*(
        (sp.Add(*row) / total) * finite.entropy({c: n / sp.Add(*row) for c, n in enumerate(row)})
        for row in rows if sp.Add(*row) != 0
    ))
    return to_base(tidy(before - after), base)
