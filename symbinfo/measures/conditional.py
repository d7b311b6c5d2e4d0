r"""Measures of joint tables beside Shannon's: conditional KL divergence and conditional
cross-entropy of two joint tables, Lautum information and Sibson's α-mutual information.

All four are defined here for finite joint tables (:func:`symbinfo.FiniteJointRV` variables or
finite sympy.stats random variables), summed from their definitions; other inputs are refused
with :class:`~symbinfo.errors.UnsupportedInputError`.

- Conditional KL divergence (Cover & Thomas 2006, *Elements of Information Theory*, 2nd ed.,
  eq. 2.65): D(P_{A|B} ‖ Q_{A|B} | P_B) = Σ_{a,b} p(a, b) log(p(a|b)/q(a|b))
  = D(P_{AB} ‖ Q_{AB}) − D(P_B ‖ Q_B); +oo where P puts mass on a cell Q gives none.
- Conditional cross-entropy: H(P_{A|B}, Q_{A|B} | P_B) = −Σ_{a,b} p(a, b) log q(a|b)
  = H(P_{A|B} | P_B) + D(P_{A|B} ‖ Q_{A|B} | P_B) (same source, the chain rule).
- Lautum information (Palomar & Verdú 2008, *Lautum information*, IEEE Trans. Inf. Theory
  54(3), 964–975, eq. 1): L(X; Y) = D(P_X ⊗ P_Y ‖ P_{XY}), mutual information's reversed KL;
  +oo when some cell of the product has no joint mass.
- Sibson's α-mutual information (Sibson 1969, *Information radius*, Z. Wahrsch. verw. Geb. 14,
  149–160; Verdú 2015, *α-mutual information*, Proc. ITA, eq. 13):
  I_α(X; Y) = α/(α − 1) log Σ_y (Σ_x p(x) p(y|x)^α)^{1/α}, for α in (0, 1) ∪ (1, ∞); order 1
  is Shannon's I(X; Y) (the limit; a Piecewise at α = 1 for a symbolic order), order ∞ is
  log Σ_y max_{x: p(x) > 0} p(y|x), order 0 is −log max_y P_X({x: p(x, y) > 0}).

In the pair measures the second table's conditioning variables are found by name: the
conditional KL of ``Y`` from ``Y2`` given ``X`` reads the variable called ``X`` in ``Y2``'s table.
"""

from __future__ import annotations

import sympy as sp

from .. import engine
from ..derivation.finite import _nonzero
from ..derivation.simplify import tidy
from ..distributions.joint import JointVariable
from ..distributions.view import Kind, finite_joint, kind_of
from ..errors import MismatchError, UnsupportedInputError, guarded
from .base import InformationMeasure, LogBase, order_parameter, rv_group


def _finite(atoms: tuple, name: str) -> None:
    for a in atoms:
        if kind_of(a) is not Kind.FINITE:
            raise UnsupportedInputError(
                f"{name} is defined here for finite joint tables; {a} is not finite")


def _marginal(pmf: dict, n: int, keep: slice) -> dict:
    out: dict = {}
    for k, v in pmf.items():
        key = k[keep]
        out[key] = out.get(key, 0) + v
    return out


def _counterparts(given: tuple, q: tuple) -> tuple:
    """The variables of Q's table with the names of ``given``."""
    tables = {a.table for a in q if isinstance(a, JointVariable)}
    if len(tables) != 1 or not all(isinstance(g, JointVariable) for g in given):
        raise MismatchError(
            "the second table's conditioning variables are found by name: both sides must be "
            "FiniteJointRV variables, the second of one table")
    (table,) = tables
    return tuple(table.variable(g.name) for g in given)


def conditional_kl_sum(p: dict, q: dict, m: int) -> sp.Expr:
    """Σ p(a,b) log(p(a,b) q(b)/(p(b) q(a,b))) over outcome tuples (a..., b...) whose last ``m``
    entries are the conditioning ones; +oo where q(a, b) = 0 < p(a, b).

    >>> h = sp.Rational(1, 2)
    >>> conditional_kl_sum({(0, 0): h, (1, 1): h}, {(0, 0): h, (1, 0): 0, (0, 1): h / 2,
    ...                                              (1, 1): h / 2}, 1)
    log(2)/2
    """
    pb, qb = _marginal(p, m, slice(len(next(iter(p))) - m, None)), _marginal(
        q, m, slice(len(next(iter(q))) - m, None))
    total = sp.S.Zero
    for k, v in p.items():
        if not _nonzero(v):
            continue
        b = k[len(k) - m:]
        if not _nonzero(q.get(k, 0)):
            return sp.oo
        total += v * sp.log(v * qb[b] / (pb[b] * q[k]))
    return total


class _TablePair(InformationMeasure):
    """A measure of two tables conditioned on ``given``: ``SYMBOL(A || A' | B)``."""

    str_symbol = ""
    latex_symbol = ""
    separator = (" || ", r" \,\|\, ")

    def __new__(cls, p: object, q: object = None, *rest: object, given: object = None,
                base: object = sp.E):
        if cls._stored((p, q, *rest)):
            return super().__new__(cls, p, q, *rest)
        if q is None or rest:
            raise UnsupportedInputError(f"{cls.__name__} takes two random variables (or groups)")
        if given is None:
            raise UnsupportedInputError(f"{cls.__name__} needs given= (the conditioning variables)")
        return super().__new__(cls, rv_group(p), rv_group(q), rv_group(given), LogBase(base))

    def _is_parameter(self, arg: sp.Basic) -> bool:
        return False

    def tables(self) -> tuple[dict, dict, int]:
        a, b, z = tuple(self.args[0]), tuple(self.args[1]), tuple(self.args[2])
        zq = _counterparts(z, b)
        _finite(a + b + z + zq, type(self).__name__)
        return finite_joint(a + z).pmf, finite_joint(b + zq).pmf, len(z)

    def _sympystr(self, printer) -> str:
        g = [self._group_str(printer, t) for t in self.args[:3]]
        return (f"{self.str_symbol}({g[0]}{self.separator[0]}{g[1]} | {g[2]}"
                f"{self._base_suffix(printer)})")

    def _latex(self, printer) -> str:
        g = [self._group_str(printer, t) for t in self.args[:3]]
        return rf"{self.latex_symbol}({g[0]}{self.separator[1]}{g[1]} \mid {g[2]})"


class ConditionalKLDivergence(_TablePair):
    r"""D_KL(P_{A|B} ‖ Q_{A|B} | P_B) = Σ p(a, b) log(p(a|b)/q(a|b)) (Cover & Thomas 2006,
    eq. 2.65); P's table holds A and B (``p`` and ``given``), Q's table holds ``q`` and the
    variables named like ``given``.

    >>> from symbinfo import FiniteJointRV
    >>> h = sp.Rational(1, 2)
    >>> Y, X = FiniteJointRV("Y X", {(0, 0): h, (1, 1): h})
    >>> Y2, X2 = FiniteJointRV("Y X", {(0, 0): h / 2, (1, 0): h / 2, (0, 1): h / 2, (1, 1): h / 2})
    >>> ConditionalKLDivergence(Y, Y2, given=X).doit()
    log(2)
    """

    str_symbol = "D_KL"
    latex_symbol = r"D_{\mathrm{KL}}"

    def nats(self) -> engine.Evaluation:
        p, q, m = self.tables()
        return engine.Evaluation(tidy(conditional_kl_sum(p, q, m)), engine.FINITE_SUM)


class ConditionalCrossEntropy(_TablePair):
    r"""H(P_{A|B}, Q_{A|B} | P_B) = −Σ p(a, b) log q(a|b) (the chain rule of Cover & Thomas
    2006, §2.5: it is H(A | B) under P plus the conditional KL divergence).

    >>> from symbinfo import FiniteJointRV
    >>> h = sp.Rational(1, 2)
    >>> Y, X = FiniteJointRV("Y X", {(0, 0): h, (1, 1): h})
    >>> Y2, X2 = FiniteJointRV("Y X", {(0, 0): h / 2, (1, 0): h / 2, (0, 1): h / 2, (1, 1): h / 2})
    >>> ConditionalCrossEntropy(Y, Y2, given=X).doit()
    log(2)
    """

    str_symbol = latex_symbol = "H"
    separator = (", ", ", ")

    def nats(self) -> engine.Evaluation:
        p, q, m = self.tables()
        n = len(next(iter(q)))
        qb = _marginal(q, m, slice(n - m, None))
        total = sp.S.Zero
        for k, v in p.items():
            if not _nonzero(v):
                continue
            if not _nonzero(q.get(k, 0)):
                return engine.Evaluation(sp.oo, engine.FINITE_SUM)
            total -= v * sp.log(q[k] / qb[k[n - m:]])
        return engine.Evaluation(tidy(total), engine.FINITE_SUM)


class _TwoGroups(InformationMeasure):
    """A measure of two groups of variables of one joint table."""

    str_symbol = ""

    def _pmf(self) -> tuple[dict, int]:
        a, b = tuple(self.args[0]), tuple(self.args[1])
        _finite(a + b, type(self).__name__)
        return finite_joint(a + b).pmf, len(a)

    def _sympystr(self, printer) -> str:
        order = f"_{printer._print(self.args[2])}" if len(self.args) == 4 else ""
        return (f"{self.str_symbol}{order}({self._group_str(printer, self.args[0])}; "
                f"{self._group_str(printer, self.args[1])}{self._base_suffix(printer)})")

    def _latex(self, printer) -> str:
        order = f"_{{{printer._print(self.args[2])}}}" if len(self.args) == 4 else ""
        return (f"{self.str_symbol}{order}({self._group_str(printer, self.args[0])}; "
                f"{self._group_str(printer, self.args[1])})")


class LautumInformation(_TwoGroups):
    r"""Lautum information L(X; Y) = D(P_X ⊗ P_Y ‖ P_{XY}) (Palomar & Verdú 2008, eq. 1).

    >>> from symbinfo import FiniteJointRV
    >>> q = sp.Rational(1, 4)
    >>> X, Y = FiniteJointRV("X Y", {(0, 0): 2 * q, (0, 1): q, (1, 1): q})
    >>> LautumInformation(X, Y).doit()   # P_X ⊗ P_Y has mass on (1, 0), the joint has none
    oo
    """

    str_symbol = "L"

    def __new__(cls, x: object, y: object = None, *rest: object, base: object = sp.E):
        if cls._stored((x, y, *rest)):
            return super().__new__(cls, x, y, *rest)
        if y is None or rest:
            raise UnsupportedInputError("LautumInformation takes two random variables (or groups)")
        return super().__new__(cls, rv_group(x), rv_group(y), LogBase(base))

    def nats(self) -> engine.Evaluation:
        pmf, n = self._pmf()
        px, py = _marginal(pmf, n, slice(0, n)), _marginal(pmf, 0, slice(n, None))
        total = sp.S.Zero
        for a, pa in px.items():
            for b, pb in py.items():
                if not (_nonzero(pa) and _nonzero(pb)):
                    continue
                joint = pmf.get(a + b, 0)
                if not _nonzero(joint):
                    return engine.Evaluation(sp.oo, engine.FINITE_SUM)
                total += pa * pb * sp.log(pa * pb / joint)
        return engine.Evaluation(tidy(total), engine.FINITE_SUM)


def sibson_sum(pmf: dict, n: int, alpha: sp.Expr) -> sp.Expr:
    """Sibson's I_α(X; Y) of a joint pmf whose first ``n`` outcome entries are X (in nats).

    >>> h = sp.Rational(1, 2)
    >>> tidy(sibson_sum({(0, 0): h, (1, 1): h}, 1, 2))
    log(2)
    """
    alpha = sp.Integer(alpha) if isinstance(alpha, int) else alpha
    px = _marginal(pmf, n, slice(0, n))
    ys = list(dict.fromkeys(k[n:] for k, v in pmf.items() if _nonzero(v)))
    xs = [x for x, v in px.items() if _nonzero(v)]
    cells = {k: v for k, v in pmf.items() if _nonzero(v)}
    if alpha == 0:
        return -sp.log(sp.Max(*(sp.Add(*(px[x] for x in xs if x + y in cells)) for y in ys)))
    if alpha is sp.oo:
        return sp.log(sp.Add(*(sp.Max(*(cells.get(x + y, 0) / px[x] for x in xs)) for y in ys)))
    mi = sp.Add(*(v * sp.log(v / (px[k[:n]] * _marginal(pmf, 0, slice(n, None))[k[n:]]))
                  for k, v in cells.items()))
    if alpha == 1:
        return mi
    inner = sp.Add(*(sp.Add(*(px[x] ** (1 - alpha) * cells[x + y] ** alpha
                              for x in xs if x + y in cells)) ** (1 / alpha) for y in ys))
    general = alpha / (alpha - 1) * sp.log(inner)
    if alpha.is_number:
        return general
    return sp.Piecewise((mi, sp.Eq(alpha, 1)), (general, True))


class SibsonMutualInformation(_TwoGroups):
    r"""Sibson's α-mutual information I_α(X; Y) = α/(α − 1) log Σ_y (Σ_x p(x) p(y|x)^α)^{1/α}
    (Sibson 1969; Verdú 2015, eq. 13); order 1 is I(X; Y), ∞ the maximal leakage
    log Σ_y max_x p(y|x), 0 is −log max_y P_X({x: p(x, y) > 0}). Not symmetric: X is the input.

    >>> from symbinfo import FiniteJointRV
    >>> h = sp.Rational(1, 2)
    >>> X, Y = FiniteJointRV("X Y", {(0, 0): h, (1, 1): h})
    >>> SibsonMutualInformation(X, Y, 3).doit()
    log(2)
    """

    str_symbol = "I"

    def __new__(cls, x: object, y: object = None, alpha: object = None, *rest: object,
                base: object = sp.E):
        if cls._stored((x, y, alpha, *rest)):
            return super().__new__(cls, x, y, alpha, *rest)
        if y is None or alpha is None or rest:
            raise UnsupportedInputError(
                "SibsonMutualInformation takes two random variables (or groups) and an order")
        order = order_parameter(alpha, "the order of SibsonMutualInformation", infinite=True)
        return super().__new__(cls, rv_group(x), rv_group(y), order, LogBase(base))

    def _is_parameter(self, arg: sp.Basic) -> bool:
        return arg is self.args[2]

    def nats(self) -> engine.Evaluation:
        pmf, n = self._pmf()
        return engine.Evaluation(tidy(sibson_sum(pmf, n, self.args[2])), engine.FINITE_SUM)


@guarded
def conditional_kl_divergence(p: object, q: object, given: object, base: object = sp.E
                              ) -> sp.Expr:
    """D_KL(P_{A|B} ‖ Q_{A|B} | P_B) in closed form; see :class:`ConditionalKLDivergence`.

    >>> from symbinfo import FiniteJointRV
    >>> h = sp.Rational(1, 2)
    >>> Y, X = FiniteJointRV("Y X", {(0, 0): h, (1, 1): h})
    >>> Y2, _ = FiniteJointRV("Y X", {(0, 0): h, (1, 0): 0, (0, 1): h / 2, (1, 1): h / 2})
    >>> conditional_kl_divergence(Y, Y2, given=X, base=2)
    1/2
    """
    return ConditionalKLDivergence(p, q, given=given, base=base).doit()


@guarded
def conditional_cross_entropy(p: object, q: object, given: object, base: object = sp.E
                              ) -> sp.Expr:
    """−Σ p(a, b) log q(a|b); see :class:`ConditionalCrossEntropy`.

    >>> from symbinfo import FiniteJointRV
    >>> h = sp.Rational(1, 2)
    >>> Y, X = FiniteJointRV("Y X", {(0, 0): h, (1, 1): h})
    >>> Y2, _ = FiniteJointRV("Y X", {(0, 0): h, (1, 0): 0, (0, 1): h / 2, (1, 1): h / 2})
    >>> conditional_cross_entropy(Y, Y2, given=X, base=2)
    1/2
    """
    return ConditionalCrossEntropy(p, q, given=given, base=base).doit()


@guarded
def lautum_information(x: object, y: object, base: object = sp.E) -> sp.Expr:
    """L(X; Y) = D(P_X ⊗ P_Y ‖ P_XY); see :class:`LautumInformation`.

    >>> from sympy.stats import Die
    >>> X, Y = Die("X", 2), Die("Y", 2)
    >>> lautum_information(X, Y)
    0
    """
    return LautumInformation(x, y, base=base).doit()


@guarded
def sibson_mutual_information(x: object, y: object, alpha: object, base: object = sp.E
                              ) -> sp.Expr:
    """Sibson's α-mutual information; see :class:`SibsonMutualInformation`.

    >>> from sympy.stats import Die
    >>> X, Y = Die("X", 2), Die("Y", 2)
    >>> sibson_mutual_information(X, X + Y, sp.oo)   # maximal leakage: Σ_y max_x p(y|x) = 3/2
    log(3/2)
    """
    return SibsonMutualInformation(x, y, alpha, base=base).doit()
