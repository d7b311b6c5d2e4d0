"""The base of every unevaluated information measure: a real SymPy expression.

A measure stores its random variables (or groups of them, as ``Tuple``), its parameters and, when
it is measured in a unit, a :class:`LogBase`. ``.doit()`` evaluates it through the engine in nats
and converts to the base once, here at the boundary.
"""

from __future__ import annotations

from typing import ClassVar

import sympy as sp

from ..distributions.view import Kind, kind_of
from ..errors import InvalidParameterError, UnsupportedInputError, guarded
from ..parsing.gate import to_expr


def _one_if_float_one(x: sp.Expr) -> sp.Expr:
    # SymPy >= 1.13 keeps Float(1.0) != 1, so 1.0 would miss the order-1 limit and give nan.
    return sp.S.One if isinstance(x, sp.Float) and (x - 1).is_zero else x


def order_parameter(value: object, what: str, *, infinite: bool) -> sp.Expr:
    """An order (Rényi α, Tsallis q) checked at the door: a real number ≥ 0, or ``oo`` when
    ``infinite`` (the limit), or a symbol not known to break these; a float equal to 1 is 1.

    Negative orders are refused as dit refuses them: Σ p^α then grows without bound as an
    outcome's probability goes to 0, so the measure is no longer continuous in the pmf.

    >>> order_parameter(1.0, "the order", infinite=True)
    1
    >>> order_parameter(-1, "the order alpha", infinite=True)
    Traceback (most recent call last):
    ...
    symbinfo.errors.InvalidParameterError: the order alpha must be a real number >= 0, not -1
    >>> order_parameter(sp.oo, "the order q", infinite=False)
    Traceback (most recent call last):
    ...
    symbinfo.errors.InvalidParameterError: the order q must be a finite real number >= 0, not oo
    """
    given = to_expr(value, what)
    x = _one_if_float_one(given)
    rule = "a real number >= 0" if infinite else "a finite real number >= 0"
    if (x.has(sp.nan, sp.zoo) or x.is_extended_real is False or x.is_extended_negative
            or (not infinite and x.is_infinite)):
        raise InvalidParameterError(f"{what} must be {rule}, not {given}")
    return x


def _log_base(value: object) -> sp.Expr:
    given = to_expr(value, "a logarithm base")
    b = _one_if_float_one(given)
    if (b.has(sp.nan, sp.zoo) or b.is_extended_real is False or b.is_positive is False
            or b.is_infinite or b == 1 or (b - 1).is_zero):
        raise InvalidParameterError(
            f"a logarithm base must be a finite positive real number other than 1, not {given}"
        )
    return b


class LogBase(sp.Basic):
    """The base of the logarithm a measure is expressed in (``E`` = nats, 2 = bits, 10 = hartleys).

    Checked here, once: a finite positive real number other than 1 (a float 1.0 is 1), or a
    symbol not known to break that.

    >>> LogBase(2).value
    2
    >>> LogBase(1.0)
    Traceback (most recent call last):
    ...
    symbinfo.errors.InvalidParameterError: a logarithm base must be a finite positive real \
number other than 1, not 1.00000000000000
    """

    def __new__(cls, value: object = sp.E) -> LogBase:
        if isinstance(value, LogBase):
            return value
        return super().__new__(cls, _log_base(value))

    @property
    def value(self) -> sp.Expr:
        return self.args[0]


def to_base(nats: sp.Expr, base: sp.Expr) -> sp.Expr:
    """Convert a value in nats to ``base`` (applied once, at the public boundary).

    >>> to_base(sp.log(4), 2)
    2
    """
    from ..derivation.simplify import tidy

    if base == sp.E:
        return nats
    if nats.has(sp.Integral, sp.Sum):
        return nats / sp.log(base)
    return tidy(nats / sp.log(base))


def rv_group(arg: object) -> sp.Tuple:
    """A group of random variables as a ``Tuple`` (one RV or a tuple/list/Tuple of them)."""
    items = tuple(arg) if isinstance(arg, (tuple, list, sp.Tuple)) else (arg,)
    for item in items:
        if not isinstance(item, sp.Basic):
            raise UnsupportedInputError(
                f"cannot read {item!r} ({type(item).__name__}) as a random variable"
            )
        kind_of(item)  # raises a clear error for anything unreadable
    return sp.Tuple(*items)


def single(arg: object) -> sp.Basic:
    """One random variable or distribution."""
    group = rv_group(arg)
    if len(group) != 1:
        raise UnsupportedInputError(f"expected one random variable or distribution, got {arg}")
    return group[0]


class InformationMeasure(sp.Expr):
    """Common behaviour of every measure: unit handling, ``doit``, printing helpers.

    >>> from symbinfo import Entropy, FiniteJointRV
    >>> X = FiniteJointRV("X", {0: sp.Rational(1, 2), 1: sp.Rational(1, 2)})
    >>> isinstance(Entropy(X), InformationMeasure), Entropy(X, base=2).base
    (True, 2)
    """

    is_extended_real = True
    is_commutative = True
    #: how many leading args are RV groups/RVs/parameters (the LogBase, if any, comes last)
    has_base: ClassVar[bool] = True

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        # Building a measure is a public call too: its constructor gets the same last line of
        # defence as doit() and the lower-case functions (no SymPy/Python exception escapes).
        new = cls.__dict__.get("__new__")
        if isinstance(new, staticmethod):
            cls.__new__ = staticmethod(guarded(new.__func__))

    @classmethod
    def _stored(cls, args: tuple) -> bool:
        """Whether ``args`` already are the stored form (SymPy rebuilding with ``func(*args)``)."""
        return bool(args) and isinstance(args[-1], LogBase)

    @property
    def base(self) -> sp.Expr:
        return self.args[-1].value if self.has_base else sp.E

    @property
    def random_arguments(self) -> tuple:
        """Every random variable / distribution this measure mentions."""
        out = []
        for a in self.args:
            if isinstance(a, sp.Tuple):
                out.extend(a)
            elif not isinstance(a, LogBase) and not self._is_parameter(a):
                out.append(a)
        return tuple(out)

    def _is_parameter(self, arg: sp.Basic) -> bool:
        return False

    @property
    def is_abstract(self) -> bool:
        """True when some argument is a plain Symbol standing for an unspecified variable."""
        return any(kind_of(a) is Kind.ABSTRACT for a in self.random_arguments)

    def nats(self):
        """The engine's :class:`~symbinfo.engine.Evaluation` of this measure, in nats."""
        raise NotImplementedError

    @guarded
    def doit(self, **hints) -> sp.Expr:
        if self.is_abstract:
            return self
        value = self.nats().value
        if value is self:  # the engine had nothing better than the measure itself
            return self
        return to_base(value, self.base)

    # printing -----------------------------------------------------------------------------
    def _group_str(self, printer, group: sp.Tuple) -> str:
        return ", ".join(printer._print(a) for a in group)

    def _base_suffix(self, printer) -> str:
        return "" if self.base == sp.E else f", base={printer._print(self.base)}"

    def _latex_measure(self, printer, letter: str, inner: str, sub: str = "",
                       sup: str = "") -> str:
        r"""``letter_{sub}^{sup}(inner)`` in the book's notation, the base shown when it is not e
        (``NOTATION``: as a subscript, H_2(X) as in Cover & Thomas (2006) lemma 2.1.2, or as a
        unit after the parentheses)."""
        unit = ""
        if self.has_base and self.base != sp.E:
            b = printer._print(self.base)
            if NOTATION["base"] == "subscript":
                sub = f"{sub}, {b}" if sub else b
            else:
                unit = rf"\ [\text{{{_UNITS.get(self.base, 'base')}}}"
                unit += "]" if self.base in _UNITS else rf"\ {b}]"
        head = letter + (f"_{{{sub}}}" if sub else "") + (f"^{{{sup}}}" if sup else "")
        return rf"{head}({inner}){unit}"


#: how measures print (see :func:`set_notation`)
NOTATION: dict[str, str] = {"cross_entropy": "times", "base": "subscript"}
#: cross-entropy styles: LaTeX head and plain-text head
CROSS_ENTROPY_STYLES = {"times": (("H", r"\times"), "Hx"), "ce": ((r"\mathrm{CE}", ""), "CE"),
                        "comma": (("H", ""), "H")}
_UNITS = {2: "bits", sp.E: "nats", 10: "hartleys"}


def set_notation(*, cross_entropy: str | None = None, base: str | None = None) -> dict[str, str]:
    r"""Choose how measures print; returns the previous choices (pass them back to restore).

    ``cross_entropy``: ``"times"`` (default, LaTeX ``H^{\times}(P, Q)``, text ``Hx(P, Q)``),
    ``"ce"`` (``\mathrm{CE}(P, Q)``) or ``"comma"`` (``H(P, Q)``, as in Cover & Thomas, which
    joint entropy also uses). ``base``: ``"subscript"`` (default, ``H_{2}(X)``, Cover & Thomas
    (2006) lemma 2.1.2) or ``"unit"`` (``H(X)\ [\text{bits}]``).

    >>> import sympy as sp
    >>> from sympy.stats import Bernoulli
    >>> from symbinfo import CrossEntropy, Entropy
    >>> P, Q = Bernoulli("P", sp.Rational(1, 3)), Bernoulli("Q", sp.Rational(1, 2))
    >>> sp.latex(CrossEntropy(P, Q)), sp.latex(Entropy(P, base=2))
    ('H^{\\times}(P, Q)', 'H_{2}(P)')
    >>> before = set_notation(cross_entropy="ce", base="unit")
    >>> sp.latex(CrossEntropy(P, Q, base=2)), str(CrossEntropy(P, Q))
    ('\\mathrm{CE}(P, Q)\\ [\\text{bits}]', 'CE(P, Q)')
    >>> _ = set_notation(**before)
    """
    previous = dict(NOTATION)
    for key, value, allowed in (("cross_entropy", cross_entropy, CROSS_ENTROPY_STYLES),
                                ("base", base, ("subscript", "unit"))):
        if value is None:
            continue
        if not isinstance(value, str) or value not in allowed:
            raise InvalidParameterError(
                f"the {key} notation must be one of {', '.join(allowed)}, not {value!r}")
        NOTATION[key] = value
    return previous
