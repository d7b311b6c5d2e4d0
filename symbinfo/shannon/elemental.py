"""Yeung's elemental inequalities: a minimal generating set of the Shannon inequalities.

For a ground set ``N`` of ``n`` variables every Shannon information inequality (every
non-negativity of a possibly conditional entropy or mutual information) is a non-negative
combination of the ``n + C(n,2) * 2**(n-2)`` elemental ones

* ``H(X_i | X_{N - i}) >= 0`` for each ``i``, and
* ``I(X_i; X_j | X_K) >= 0`` for ``i < j`` and ``K`` a subset of ``N - {i, j}``.

Source: R. W. Yeung, *A First Course in Information Theory* (2002), Sec. 14.1 (elemental
inequalities, Theorem 14.4 on their minimality); also *Information Theory and Network Coding*
(2008), Ch. 14. The set of vectors satisfying them is the Shannon (polymatroid) cone Gamma_n.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from .expressions import H, I, InfoExpr, format_set, sorted_names

__all__ = ["ElementalTerm", "elemental_inequalities"]


@dataclass(frozen=True)
class ElementalTerm:
    """One elemental quantity (always ``>= 0``): ``H(i | rest)`` or ``I(i; j | cond)``.

    >>> t = ElementalTerm.mutual("X", "Y", frozenset({"Z"}))
    >>> str(t), t.to_latex()
    ('I(X;Y|Z)', 'I(X; Y \\\\mid Z)')
    """

    kind: str  # "H" or "I"
    first: str
    second: str | None
    given: frozenset[str]
    expr: InfoExpr = field(compare=False, repr=False)

    @classmethod
    def conditional_entropy(cls, i: str, rest: frozenset[str]) -> ElementalTerm:
        """``H(X_i | rest)``."""
        return cls("H", i, None, frozenset(rest), H(i, given=rest or None))

    @classmethod
    def mutual(cls, i: str, j: str, cond: frozenset[str]) -> ElementalTerm:
        """``I(X_i; X_j | cond)``."""
        return cls("I", i, j, frozenset(cond), I(i, j, given=cond or None))

    def __str__(self) -> str:
        g = f"|{format_set(self.given)}" if self.given else ""
        if self.kind == "H":
            return f"H({self.first}{g})"
        return f"I({self.first};{self.second}{g})"

    def to_latex(self) -> str:
        """LaTeX such as ``I(X; Y \\mid Z)``."""
        g = rf" \mid {format_set(self.given, True)}" if self.given else ""
        if self.kind == "H":
            return f"H({self.first}{g})"
        return f"I({self.first}; {self.second}{g})"


def elemental_inequalities(names: frozenset[str] | list[str]) -> list[ElementalTerm]:
    """All elemental terms over the ground set ``names`` (Yeung, Sec. 14.1).

    >>> len(elemental_inequalities(["A", "B", "C", "D"]))   # 4 + 6 * 2**2
    28
    >>> [str(t) for t in elemental_inequalities(["X", "Y"])]
    ['H(X|Y)', 'H(Y|X)', 'I(X;Y)']
    """
    ordered = sorted_names(set(names))
    ground = frozenset(ordered)
    terms = [ElementalTerm.conditional_entropy(i, ground - {i}) for i in ordered]
    for i, j in combinations(ordered, 2):
        others = [k for k in ordered if k not in (i, j)]
        for r in range(len(others) + 1):
            for cond in combinations(others, r):
                terms.append(ElementalTerm.mutual(i, j, frozenset(cond)))
    return terms
