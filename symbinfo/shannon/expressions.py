"""Linear information expressions over joint entropies of named random variables.

An :class:`InfoExpr` is an immutable linear combination ``sum_S c_S * H(S)`` where each ``S`` is
a non-empty set of variable names and each ``c_S`` an exact SymPy ``Rational``. Every Shannon
information measure (entropy, conditional entropy, mutual information, conditional mutual
information) is such a combination, so two expressions are equal as information quantities for
*every* joint distribution exactly when their canonical maps are equal.

Variables are identified by **name**: a string is its own name, a SymPy ``Symbol`` or a
``sympy.stats`` random symbol contributes its ``.name``. ``"X"`` and ``Symbol("X")`` are therefore
the same variable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from typing import Any

import sympy as sp

from ..errors import UnsupportedInputError

__all__ = [
    "H",
    "I",
    "InfoExpr",
    "VarSpec",
    "format_set",
    "from_sympy",
    "var_name",
    "var_names",
]

#: One variable (a name, a Symbol, a random symbol) or a tuple/list/set of them.
VarSpec = str | sp.Basic | Iterable[Any]


def var_name(v: Any) -> str:
    """Return the name under which a single random variable is identified.

    >>> import sympy as sp
    >>> var_name("X"), var_name(sp.Symbol("Y"))
    ('X', 'Y')
    """
    name = v if isinstance(v, str) else getattr(v, "name", None)
    if isinstance(name, str):
        if not name.isidentifier():  # names are printed in LaTeX: r"\input{f}" would be TeX
            raise UnsupportedInputError(
                f"a random-variable name must be an identifier (letters, digits, _), "
                f"not {name!r:.60}")
        return name
    if isinstance(v, sp.Basic) and v.is_Atom and not v.is_number:
        return str(v)
    raise UnsupportedInputError(f"cannot read {v!r} as a random variable (give a name or Symbol)")


def var_names(spec: VarSpec | None) -> frozenset[str]:
    """Flatten a variable or a (nested) collection of variables into a set of names.

    >>> sorted(var_names(("X", ("Y", "Z"))))
    ['X', 'Y', 'Z']
    >>> var_names(None)
    frozenset()
    """
    if spec is None:
        return frozenset()
    if isinstance(spec, (str, sp.Symbol)) or (
        isinstance(spec, sp.Basic) and not isinstance(spec, sp.Tuple)
    ):
        return frozenset([var_name(spec)])
    if isinstance(spec, (tuple, list, set, frozenset, sp.Tuple)):
        out: set[str] = set()
        for item in spec:
            out |= var_names(item)
        return frozenset(out)
    return frozenset([var_name(spec)])


def _natural_key(name: str) -> list[Any]:
    # X2 before X10: split digit runs so names sort the way a reader expects.
    return [(0, int(t), "") if t.isdigit() else (1, 0, t) for t in re.split(r"(\d+)", name) if t]


def sorted_names(names: Iterable[str]) -> list[str]:
    """Names in natural order (``X2`` before ``X10``)."""
    return sorted(names, key=_natural_key)


def format_set(names: Iterable[str], latex: bool = False) -> str:
    """Render a set of variable names as ``X,Y`` (text) or ``X, Y`` (LaTeX)."""
    return (", " if latex else ",").join(sorted_names(names))


def _as_rational(c: Any) -> sp.Rational:
    # Only exact numbers are allowed: a float coefficient would make a "proof" inexact.
    if isinstance(c, bool):
        raise UnsupportedInputError(f"coefficient must be an exact rational, got {c!r}")
    if isinstance(c, int):
        return sp.Integer(c)
    if isinstance(c, Fraction):
        return sp.Rational(c.numerator, c.denominator)
    if isinstance(c, sp.Rational):
        return c
    raise UnsupportedInputError(
        f"coefficient must be an exact rational (int, Fraction, sympy Rational), got {c!r}"
    )


#: the statement builders behind ``>=`` and ``<=``, registered by :mod:`.statements` (which the
#: package imports with this module): statements are built from expressions, never the reverse
COMPARISONS: dict[str, Callable[[Any, Any], Any]] = {}


class InfoExpr:
    """An immutable linear combination of joint entropies, in canonical form.

    ``terms`` maps ``frozenset`` of variable names to a non-zero ``Rational`` coefficient of the
    joint entropy of that set. ``H(empty set) = 0`` so the empty set never appears.

    Printing shows the expression as it was built; ``canonical_str`` shows the canonical form.

    >>> e = I("X", "Y")
    >>> e, e.canonical_str()
    (I(X;Y), 'H(X) + H(Y) - H(X,Y)')
    >>> e == H("X") + H("Y") - H("X", "Y")
    True
    >>> (2 * e - e) == e, (e - e).is_zero
    (True, True)
    """

    __slots__ = ("_display", "_hash", "_terms")

    def __init__(
        self,
        terms: Mapping[frozenset[str], Any] | None = None,
        display: tuple[str, str, bool] | None = None,
    ):
        clean: dict[frozenset[str], sp.Rational] = {}
        for key, coeff in (terms or {}).items():
            key = frozenset(key)
            c = _as_rational(coeff)
            if not key or c == 0:
                continue
            total = clean.get(key, sp.Integer(0)) + c
            if total == 0:
                clean.pop(key, None)
            else:
                clean[key] = total
        self._terms = clean
        self._hash: int | None = None
        # (text, latex, is_compound): how the user wrote it, kept only for printing.
        self._display = display

    @classmethod
    def from_pairs(
        cls,
        pairs: Iterable[tuple[frozenset[str], Any]],
        display: tuple[str, str, bool] | None = None,
    ) -> InfoExpr:
        """Build from ``(set, coefficient)`` pairs, adding coefficients of repeated sets.

        >>> InfoExpr.from_pairs([(frozenset("X"), 1), (frozenset("X"), 1)]).canonical_str()
        '2*H(X)'
        """
        acc: dict[frozenset[str], sp.Rational] = {}
        for key, c in pairs:
            key = frozenset(key)
            acc[key] = acc.get(key, sp.Integer(0)) + _as_rational(c)
        return cls(acc, display)

    # -- data -------------------------------------------------------------------------------
    @property
    def terms(self) -> dict[frozenset[str], sp.Rational]:
        """A copy of the canonical map ``frozenset(names) -> Rational``."""
        return dict(self._terms)

    @property
    def variables(self) -> frozenset[str]:
        """All variable names the expression mentions."""
        out: frozenset[str] = frozenset()
        for key in self._terms:
            out |= key
        return out

    @property
    def is_zero(self) -> bool:
        """True when every coefficient is zero (the expression vanishes identically)."""
        return not self._terms

    def coefficient(self, *variables: VarSpec) -> sp.Rational:
        """The coefficient of ``H(variables)``.

        >>> (3 * H("X", "Y") - H("X")).coefficient("Y", "X")
        3
        """
        return self._terms.get(var_names(variables), sp.Integer(0))

    def evaluate(self, entropy: Any) -> Any:
        """Evaluate with ``entropy(frozenset_of_names) -> value`` (any numeric type).

        >>> I("X", "Y").evaluate(lambda s: 1)
        Fraction(1, 1)
        """
        total: Any = 0
        for key, c in self._terms.items():
            value = entropy(key)
            if isinstance(value, sp.Basic):
                total = total + c * value
            else:
                total = total + Fraction(int(c.p), int(c.q)) * value
        return total

    def to_sympy(self) -> sp.Expr:
        """A plain SymPy expression with one ``Symbol('H(X,Y)')`` per joint entropy."""
        return sp.Add(*[c * sp.Symbol(f"H({format_set(k)})") for k, c in self._sorted_items()])

    # -- arithmetic ---------------------------------------------------------------------------
    def _combine(self, other: InfoExpr, sign: int) -> InfoExpr:
        merged = dict(self._terms)
        for key, c in other._terms.items():
            merged[key] = merged.get(key, sp.Integer(0)) + sign * c
        if other.is_zero and other._display is None:
            return InfoExpr(merged, self._display)
        if self.is_zero and self._display is None:
            return InfoExpr(merged, other._display if sign > 0 else (-other)._display)
        a, b = self._shown(), other._shown()
        if sign > 0:
            if b[0].startswith("-"):
                disp = (f"{a[0]} - {b[0][1:]}", f"{a[1]} - {b[1][1:]}", True)
            else:
                disp = (f"{a[0]} + {b[0]}", f"{a[1]} + {b[1]}", True)
        else:
            tb, lb = (f"({b[0]})", rf"\left({b[1]}\right)") if b[2] else (b[0], b[1])
            disp = (f"{a[0]} - {tb}", f"{a[1]} - {lb}", True)
        return InfoExpr(merged, disp)

    def _shown(self) -> tuple[str, str, bool]:
        if self._display is not None:
            return self._display
        return (self._render(False), self._render(True), len(self._terms) > 1)

    def __add__(self, other: Any) -> InfoExpr:
        other = _coerce(other)
        if other is None:
            return NotImplemented
        return self._combine(other, 1)

    def __radd__(self, other: Any) -> InfoExpr:
        return self.__add__(other)

    def __sub__(self, other: Any) -> InfoExpr:
        other = _coerce(other)
        if other is None:
            return NotImplemented
        return self._combine(other, -1)

    def __rsub__(self, other: Any) -> InfoExpr:
        other = _coerce(other)
        if other is None:
            return NotImplemented
        return other._combine(self, -1)

    def __neg__(self) -> InfoExpr:
        return self * -1

    def __pos__(self) -> InfoExpr:
        return self

    def __mul__(self, scalar: Any) -> InfoExpr:
        if isinstance(scalar, InfoExpr):
            raise UnsupportedInputError("information expressions are linear: cannot multiply two")
        c = _as_rational(scalar)
        t, lt, compound = self._shown()
        if compound:
            t, lt = f"({t})", rf"\left({lt}\right)"
        if c == 1:
            disp = self._display
        elif c == -1:
            disp = (f"-{t}", f"-{lt}", True)
        else:
            disp = (f"{c}*{t}", f"{sp.latex(c)} {lt}", True)
        return InfoExpr({k: c * v for k, v in self._terms.items()}, disp)

    __rmul__ = __mul__

    def __truediv__(self, scalar: Any) -> InfoExpr:
        c = _as_rational(scalar)
        if c == 0:
            raise ZeroDivisionError("division of an information expression by zero")
        return self * (1 / c)

    # -- comparisons build statements ---------------------------------------------------------
    def __ge__(self, other: Any) -> Any:
        return COMPARISONS[">="](self, other)

    def __le__(self, other: Any) -> Any:
        return COMPARISONS["<="](self, other)

    def __eq__(self, other: object) -> bool:
        # Structural (== as information quantities); use statements.eq for an identity claim.
        if isinstance(other, int) and other == 0:
            return self.is_zero
        if not isinstance(other, InfoExpr):
            return NotImplemented
        return self._terms == other._terms

    def __hash__(self) -> int:
        if self._hash is None:
            # The zero expression compares equal to 0, so it must hash like 0.
            self._hash = hash(frozenset(self._terms.items())) if self._terms else hash(0)
        return self._hash

    # -- printing ---------------------------------------------------------------------------
    def _sorted_items(self) -> list[tuple[frozenset[str], sp.Rational]]:
        return sorted(
            self._terms.items(),
            key=lambda kv: (len(kv[0]), [_natural_key(n) for n in sorted_names(kv[0])]),
        )

    def _render(self, latex: bool) -> str:
        if not self._terms:
            return "0"
        parts: list[str] = []
        for i, (key, c) in enumerate(self._sorted_items()):
            sign = "-" if c < 0 else "+"
            mag = abs(c)
            if mag == 1:
                coeff = ""
            elif latex:
                coeff = sp.latex(mag) + " "
            else:
                coeff = f"{mag}*"
            body = f"H({format_set(key, latex)})"
            if i == 0:
                parts.append(("-" if c < 0 else "") + coeff + body)
            else:
                parts.append(f" {sign} {coeff}{body}")
        return "".join(parts)

    def __str__(self) -> str:
        return self._shown()[0]

    def __repr__(self) -> str:
        return self._shown()[0]

    def canonical_str(self) -> str:
        """The canonical form as a sum of joint entropies.

        >>> I("X", "Y").canonical_str()
        'H(X) + H(Y) - H(X,Y)'
        """
        return self._render(False)

    def to_latex(self, canonical: bool = False) -> str:
        r"""LaTeX as written, or of the canonical joint-entropy form.

        >>> print(I("X", "Y", given="Z").to_latex())
        I(X; Y \mid Z)
        >>> print((H("X", "Y") - H("Y")).to_latex(canonical=True))
        -H(Y) + H(X, Y)
        """
        return self._render(True) if canonical else self._shown()[1]

    def _repr_latex_(self) -> str:
        return f"${self.to_latex()}$"


def _coerce(other: Any) -> InfoExpr | None:
    if isinstance(other, InfoExpr):
        return other
    if isinstance(other, int) and not isinstance(other, bool) and other == 0:
        return InfoExpr()
    if isinstance(other, sp.Basic) and other == 0:
        return InfoExpr()
    return None


def H(*variables: VarSpec, given: VarSpec | None = None) -> InfoExpr:
    """Joint entropy ``H(variables)``, or conditional entropy ``H(variables | given)``.

    Arguments may be single variables or tuples of variables; they are flattened into a set.

    >>> H("X", "Y")
    H(X,Y)
    >>> H("X", given="Y"), H("X", given="Y").canonical_str()
    (H(X|Y), '-H(Y) + H(X,Y)')
    >>> H(("X", "Y"), given=("Z",))
    H(X,Y|Z)
    """
    target = var_names(variables)
    cond = var_names(given)
    if not target:
        raise UnsupportedInputError("H() needs at least one random variable")
    g_t = f"|{format_set(cond)}" if cond else ""
    g_l = rf" \mid {format_set(cond, True)}" if cond else ""
    disp = (f"H({format_set(target)}{g_t})", f"H({format_set(target, True)}{g_l})", False)
    # Pairs, not a dict literal: equal keys (e.g. H(X | X)) must add up, not overwrite.
    return InfoExpr.from_pairs([(target | cond, 1), (cond, -1)], disp)


def I(a: VarSpec, b: VarSpec, given: VarSpec | None = None) -> InfoExpr:  # noqa: E743
    """Mutual information ``I(a; b)`` or conditional ``I(a; b | given)``.

    ``a``, ``b`` and ``given`` may each be a variable or a tuple of variables:
    ``I(X; Y,Z | W)`` is ``I("X", ("Y", "Z"), given="W")``.
    It is expanded as ``H(a,g) + H(b,g) - H(a,b,g) - H(g)``.

    >>> I("X", ("Y", "Z"), given="W")
    I(X;Y,Z|W)
    >>> I("X", "Y", given="Z").canonical_str()
    '-H(Z) + H(X,Z) + H(Y,Z) - H(X,Y,Z)'
    >>> I("X", ("Y", "Z")) == I("X", "Y") + I("X", "Z", given="Y")   # chain rule
    True
    """
    sa, sb, sg = var_names(a), var_names(b), var_names(given)
    if not sa or not sb:
        raise UnsupportedInputError("I(a; b) needs at least one variable on each side")
    g_t = f"|{format_set(sg)}" if sg else ""
    g_l = rf" \mid {format_set(sg, True)}" if sg else ""
    disp = (
        f"I({format_set(sa)};{format_set(sb)}{g_t})",
        f"I({format_set(sa, True)}; {format_set(sb, True)}{g_l})",
        False,
    )
    pairs = [(sa | sg, 1), (sb | sg, 1), (sa | sb | sg, -1), (sg, -1)]
    return InfoExpr.from_pairs(pairs, disp)


# -- SymPy adapter ------------------------------------------------------------------------------


def _tuple_attr(obj: Any, name: str) -> Any:
    value = getattr(obj, name, None)
    if value is None:
        return None
    if isinstance(value, (tuple, list, sp.Tuple)):
        return tuple(value)
    return (value,)


def from_sympy(expr: Any) -> InfoExpr:
    """Convert a SymPy expression built from symbinfo's measure classes to an :class:`InfoExpr`.

    Recognised leaves (by duck typing on the class name and attributes):
    ``Entropy`` (``.rvs``), ``ConditionalEntropy`` (``.rvs``, ``.given``) and
    ``MutualInformation`` (``.first``, ``.second``, ``.given``), combined with ``Add`` and with
    ``Mul`` by rational numbers. Anything else (a non-zero constant, a product of two measures,
    a float coefficient, an unknown function) raises ``UnsupportedInputError``.

    >>> import sympy as sp
    >>> class Entropy(sp.Expr):
    ...     @property
    ...     def rvs(self):
    ...         return self.args
    >>> X, Y = sp.symbols("X Y")
    >>> from_sympy(2 * Entropy(X) - Entropy(X, Y)).canonical_str()
    '2*H(X) - H(X,Y)'
    """
    if isinstance(expr, InfoExpr):
        return expr
    if isinstance(expr, (int, Fraction)) and not isinstance(expr, bool):
        if expr == 0:
            return InfoExpr()
        raise UnsupportedInputError(f"a non-zero constant {expr!r} is not an information quantity")
    if not isinstance(expr, sp.Basic):
        raise UnsupportedInputError(f"cannot read {expr!r} as an information expression")
    if expr.is_Number:
        if expr == 0:
            return InfoExpr()
        raise UnsupportedInputError(f"a non-zero constant {expr} is not an information quantity")
    if isinstance(expr, sp.Add):
        total = InfoExpr()
        for arg in expr.args:
            total = total + from_sympy(arg)
        return total
    if isinstance(expr, sp.Mul):
        coeff, rest = expr.as_coeff_Mul()
        if not isinstance(coeff, sp.Rational):
            raise UnsupportedInputError(f"coefficient {coeff} in {expr} is not an exact rational")
        if isinstance(rest, sp.Mul):
            raise UnsupportedInputError(f"{expr} is not linear in information measures")
        return coeff * from_sympy(rest)
    cls = type(expr).__name__
    given = _tuple_attr(expr, "given")
    if cls == "MutualInformation" or (hasattr(expr, "first") and hasattr(expr, "second")):
        return I(_tuple_attr(expr, "first"), _tuple_attr(expr, "second"), given=given or None)
    if cls in ("Entropy", "ConditionalEntropy", "JointEntropy") or hasattr(expr, "rvs"):
        rvs = _tuple_attr(expr, "rvs")
        if not rvs:
            raise UnsupportedInputError(f"{expr} has no random variables (.rvs)")
        return H(rvs, given=given or None)
    raise UnsupportedInputError(
        f"cannot read {expr} ({cls}) as a Shannon information measure; "
        "expected Entropy, ConditionalEntropy or MutualInformation"
    )
