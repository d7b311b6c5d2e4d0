"""Where a claim lives: the symbols to sample and the constraints a sample point must meet.

A point is drawn symbol by symbol from the SymPy assumptions (integer, positive, nonnegative,
negative, real; a symbol without assumptions is sampled as a real number), except for the
symbols of a :class:`~symbinfo.JointTable`, which are drawn on the probability simplex: cells
that are bare symbols get the coordinates of a Dirichlet(1, …, 1) draw (so a cell written as
``1 - p00 - p01 - …`` lands in (0, 1) as well), other table symbols are mostly uniform in
(0, 1) and sometimes drawn from their own assumptions. Finite sympy.stats distributions with
symbolic probabilities (Bernoulli(p), FiniteRV) are sampled the same way. A point is kept only
when every table is a probability table there, every sympy.stats distribution accepts its
parameters (its own ``check``) and every extra ``where`` condition holds; rejected draws are
counted, never hidden. Values are exact rationals, so the checks are exact and the same point
can be re-evaluated independently.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import sympy as sp
from sympy.stats.frv import SingleFiniteDistribution
from sympy.stats.rv import Distribution, RandomSymbol

from ..distributions.families import FAMILIES, family_of
from ..distributions.joint import JointTable
from ..parsing.gate import to_sympy
from ..precision import evalf

#: sample values are multiples of 1/GRID (readable counterexamples, exact arithmetic)
GRID = 10**5
INVALID_TABLE = "not a probability table"
INVALID_DISTRIBUTION = "invalid distribution parameters"
FAILED_CONDITION = "condition not met"


def _rational(x: float) -> sp.Rational:
    return sp.Rational(round(x * GRID), GRID)


def draw_symbol(sym: sp.Symbol, rng: random.Random) -> sp.Rational:
    """One value for ``sym`` from its SymPy assumptions.

    >>> rng = random.Random(0)
    >>> n = sp.Symbol("n", integer=True, positive=True)
    >>> all(draw_symbol(n, rng) >= 1 for _ in range(20))
    True
    >>> s = sp.Symbol("s", positive=True)
    >>> all(draw_symbol(s, rng) > 0 for _ in range(20))
    True
    """
    if sym.is_integer:
        if sym.is_positive:
            lo, hi = 1, 8
        elif sym.is_nonnegative:
            lo, hi = 0, 8
        elif sym.is_negative:
            lo, hi = -8, -1
        elif sym.is_nonpositive:
            lo, hi = -8, 0
        else:
            lo, hi = -8, 8
        return sp.Integer(rng.randint(lo, hi))
    if sym.is_positive or sym.is_nonnegative or sym.is_negative or sym.is_nonpositive:
        # half the draws in (0, 1) (probabilities, small scales), half in (1, 5)
        magnitude = rng.uniform(0.001, 1) if rng.random() < 0.5 else rng.uniform(1, 5)
        value = max(_rational(magnitude), sp.Rational(1, GRID))
        return -value if (sym.is_negative or sym.is_nonpositive) else value
    return _rational(rng.uniform(-4, 4))


def _check_distribution(dist: Distribution, point: dict) -> bool:
    """Whether the parameters of ``dist`` at ``point`` lie in the family's declared domain
    (the family record's relations; SymPy's own ``check`` for families without a record).
    Only a provably broken relation rejects the point."""
    record = family_of(dist)
    if record.cls in FAMILIES:
        values = {k: v.xreplace(point) if isinstance(v, sp.Basic) else v
                  for k, v in record.parameters(dist).items()}
        return all(r is not sp.false and r is not False for r in record.domain(values))
    args = [a.xreplace(point) for a in dist.args]
    try:
        type(dist).check(*args)
    except ValueError:
        return False
    except (TypeError, AttributeError, NotImplementedError):
        return True  # no usable check: nothing provably invalid
    return True


def _number(value: sp.Expr) -> sp.Expr | None:
    value = to_sympy(value, "a value")
    if value.is_Rational:
        return value
    if value.free_symbols:
        return None
    return evalf(value, 40)


def _cells(obj: object) -> list[sp.Expr] | None:
    """The probabilities of a table or of a finite distribution with symbolic entries."""
    if isinstance(obj, JointTable):
        return list(obj.pmf.values())
    if isinstance(obj, SingleFiniteDistribution):
        try:
            values = [to_sympy(v, "a probability") for v in obj.dict.values()]
        except Exception:  # e.g. a Die with a symbolic number of sides
            return None
        return values if any(v.free_symbols for v in values) else None
    return None


def _check_cells(cells: list[sp.Expr], point: dict) -> bool:
    values = [_number(c.xreplace(point)) for c in cells]
    if any(v is None or not v.is_real for v in values):
        return False
    if any(v < 0 or v > 1 for v in values):
        return False
    total = sp.Add(*values)
    return total == 1 if total.is_Rational else abs(total - 1) < sp.Float(10) ** -30


@dataclass
class Domain:
    """The symbols of a claim and the constraints on them."""

    symbols: list[sp.Symbol]
    #: probability tables: the cells of each JointTable / finite distribution with symbols
    tables: list[list[sp.Expr]] = field(default_factory=list)
    distributions: list[Distribution] = field(default_factory=list)
    conditions: list[sp.Basic] = field(default_factory=list)

    @property
    def table_symbols(self) -> set[sp.Symbol]:
        """Symbols that are themselves a cell of a table: nonnegative on the domain, positive
        on the interior of the simplex. (A symbol only *inside* cells, as ``p`` in
        ``(1 + p)/2``, may well be negative.)"""
        return {c for cells in self.tables for c in cells if isinstance(c, sp.Symbol)}

    def _draw_tables(self, rng: random.Random, point: dict) -> None:
        for cells in self.tables:
            bare = list(dict.fromkeys(c for c in cells if isinstance(c, sp.Symbol)))
            bare = [s for s in bare if s not in point]
            if bare and rng.random() < 0.8:
                weights = [rng.expovariate(1.0) for _ in cells]
                total = sum(weights)
                values = [max(_rational(w / total), sp.Rational(1, GRID)) for w in weights]
                if len(bare) == len(cells):  # every cell a symbol: make the sum exactly 1
                    values[-1] = 1 - sp.Add(*values[:-1])
                point.update(zip(bare, values, strict=False))
            for s in sorted({s for c in cells for s in c.free_symbols}, key=sp.default_sort_key):
                if s not in point:
                    # mostly in (0, 1), where probability parameters live; sometimes from the
                    # symbol's own domain, which may be wider ((1 + p)/2 allows p < 0)
                    point[s] = (max(_rational(rng.random()), sp.Rational(1, GRID))
                                if rng.random() < 0.75 else draw_symbol(s, rng))

    def draw(self, rng: random.Random) -> tuple[dict | None, str | None]:
        """One candidate point and, if it must be rejected, why."""
        point: dict = {}
        self._draw_tables(rng, point)
        for s in self.symbols:
            if s not in point:
                point[s] = draw_symbol(s, rng)
        if not all(_check_cells(cells, point) for cells in self.tables):
            return None, INVALID_TABLE
        if not all(_check_distribution(d, point) for d in self.distributions):
            return None, INVALID_DISTRIBUTION
        for cond in self.conditions:
            if to_sympy(cond, "a condition").xreplace(point) is not sp.true:
                return None, FAILED_CONDITION
        return point, None


def collect_domain(exprs: list[sp.Basic], evaluated: list[sp.Basic],
                   conditions: list[sp.Basic] = ()) -> Domain:
    """The domain of a claim: tables and distributions found in the unevaluated ``exprs``,
    symbols from the ``evaluated`` sides, the tables, the distributions and ``conditions``.

    >>> from symbinfo import FiniteJointRV, Entropy
    >>> p = sp.Symbol("p")
    >>> X, Y = FiniteJointRV("X Y", [[p, 0], [0, 1 - p]])
    >>> d = collect_domain([Entropy(X)], [Entropy(X).doit()])
    >>> d.symbols, len(d.tables)
    ([p], 1)
    """
    tables: dict = {}
    dists: dict = {}
    for expr in exprs:
        for node in sp.preorder_traversal(to_sympy(expr, "a side")):
            if isinstance(node, JointTable):
                tables[node] = None
            elif isinstance(node, Distribution):
                dists[node] = None
                if _cells(node) is not None:
                    tables[node] = None
    symbols: set[sp.Symbol] = set()
    for e in evaluated:
        symbols |= {s for s in to_sympy(e, "a side").free_symbols
                    if not isinstance(s, RandomSymbol)}
    cells = [_cells(t) for t in tables]
    for table in cells:
        for c in table:
            symbols |= c.free_symbols
    for d in dists:
        for a in d.args:
            found = getattr(a, "free_symbols", ())
            symbols |= {s for s in found if not isinstance(s, RandomSymbol)}
    for cond in conditions:
        symbols |= to_sympy(cond, "a condition").free_symbols
    return Domain(sorted(symbols, key=sp.default_sort_key), cells, list(dists), list(conditions))
