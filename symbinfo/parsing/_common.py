"""What both parsers share: size limits, the function whitelist and guarded SymPy builders.

SymPy evaluates eagerly: ``Integer(9)**387420489`` or ``factorial(10**9)`` would hang the
process while the expression is being *built*.  Every power and every call made by a parser
therefore goes through :func:`safe_pow` / :func:`safe_call`, which refuse the few shapes whose
evaluation cost grows with the size of a number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import sympy as sp

from ..errors import ParseError, UnsupportedInputError
from ..limits import current_limits

#: The parser's limits, each read from :func:`symbinfo.limits.current_limits` when used (so
#: ``using_limits(text_length=...)`` applies to the next parse); ``_common.MAX_LENGTH`` etc. are
#: kept as live aliases of those fields.
_LIMIT_FIELDS = {
    "MAX_LENGTH": "text_length",  # longest input, in characters
    "MAX_DEPTH": "nesting_depth",  # deepest nesting of brackets / operators
    "MAX_POW_BITS": "power_bits",  # largest exact power built from numbers, in bits
    "MAX_NUMERIC_EXPONENT": "exponent",  # largest |exponent| of a non-rational number
    "MAX_DIGITS": "integer_digits",  # digits of a literal, and |decimal exponent| in 1e...
    "MAX_EAGER_ARGUMENT": "eager_argument",  # numeric argument of exactly evaluated functions
    "MAX_EAGER_CALLS": "eager_calls",  # such exact evaluations per formula
    "MAX_TOTAL_BITS": "total_bits",  # all exact numbers of one formula together, in bits
}


def __getattr__(name: str) -> int:
    if name in _LIMIT_FIELDS:
        return getattr(current_limits(), _LIMIT_FIELDS[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_NUMBER_RE = re.compile(r"^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$")


def check_size(text: object) -> str:
    """Reject non-strings and over-long strings before any parsing work is done."""
    if not isinstance(text, str):
        raise ParseError(f"expected a string to parse, got {type(text).__name__}")
    limit = current_limits().text_length
    if len(text) > limit:
        raise ParseError(f"input is {len(text)} characters long; at most {limit} are accepted")
    if not text.strip():
        raise ParseError("empty input")
    return text


def check_bracket_depth(text: str, openers: str = "([{", closers: str = ")]}") -> None:
    """Reject deeply nested brackets cheaply, before a recursive parser sees them."""
    depth, limit = 0, current_limits().nesting_depth
    for ch in text:
        if ch in openers:
            depth += 1
            if depth > limit:
                raise ParseError(f"brackets nested more than {limit} deep")
        elif ch in closers:
            depth -= 1


def number_from_text(literal: str) -> sp.Rational:
    """Exact Rational for a decimal literal such as ``0.1`` or ``2.5e-3`` (never a float)."""
    clean = literal.replace("_", "")
    m = _NUMBER_RE.match(clean)
    if m is None or not (m.group(1) or m.group(2)):
        raise ParseError(f"not a decimal number: {literal!r}")
    whole, frac, exp = m.group(1), m.group(2) or "", m.group(3)
    digits = current_limits().integer_digits
    if len(whole) + len(frac) > digits:
        raise ParseError(f"number {literal[:20]!r}... has more than {digits} digits")
    if exp is not None and (len(exp) > 12 or abs(int(exp)) > digits):
        raise ParseError(f"exponent of number {literal!r} is too large")
    value = sp.Integer(int(whole or "0") * 10 ** len(frac) + int(frac or "0"))
    scale = int(exp or 0) - len(frac)
    return value * sp.Integer(10) ** scale if scale >= 0 else value / sp.Integer(10) ** -scale


@dataclass(frozen=True)
class Decimal:
    """A decimal literal as the person wrote it: its exact value, how many significant digits
    were given, and half a unit in the last digit given (the rounding it may carry).

    >>> Decimal.of("2.585")
    Decimal(text='2.585', value=517/200, digits=4, half_unit=1/2000)
    >>> Decimal.of("0.0120").digits, Decimal.of("1e-3").half_unit
    (3, 1/2000)
    """

    text: str
    value: sp.Rational
    digits: int
    half_unit: sp.Rational

    @classmethod
    def of(cls, literal: str) -> Decimal:
        value = number_from_text(literal)
        m = _NUMBER_RE.match(literal.replace("_", ""))
        assert m is not None  # number_from_text accepted it
        whole, frac, exp = m.group(1) or "", m.group(2) or "", int(m.group(3) or 0)
        digits = max(len((whole + frac).lstrip("0")), 1)
        unit = sp.Integer(10) ** (exp - len(frac))
        return cls(literal, value, digits, unit / 2)


def is_decimal(literal: str) -> bool:
    """True for a literal with a decimal point or an exponent (``2.5``, ``1e-3``), which a
    person may have rounded; False for an integer.

    >>> is_decimal("2.585"), is_decimal("12")
    (True, False)
    """
    return "." in literal or "e" in literal.lower()


def read_number(literal: str, budget: Budget, decimals: dict | None) -> sp.Basic:
    """The literal as an exact number, or, when ``decimals`` collects them and the literal is a
    decimal, as a fresh ``Dummy`` recorded in ``decimals`` with its :class:`Decimal`."""
    value = budget.charge(number_from_text(literal))
    if decimals is None or not is_decimal(literal):
        return value
    d = sp.Dummy("d")
    decimals[d] = Decimal.of(literal)
    return d


def equation_sides(text: str) -> list[str]:
    r"""The sides of an equation written as text (``h(X) = \frac12\ln(2\pi e\sigma^2)``),
    split at every ``=`` or ``==`` outside brackets; one side when there is none. ``<=``,
    ``>=`` and ``!=`` are not equations and are left alone.

    >>> equation_sides(r"h(X) = \frac12\log(2\pi e\sigma^2)")
    ['h(X)', '\\frac12\\log(2\\pi e\\sigma^2)']
    >>> equation_sides("a == b"), equation_sides("x <= 1")
    (['a', 'b'], ['x <= 1'])
    """
    sides, depth, start, i = [], 0, 0, 0
    while i < len(text):
        ch = text[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "=" and depth == 0 and (i == 0 or text[i - 1] not in "<>!="):
            sides.append(text[start:i])
            i += 2 if text[i + 1 : i + 2] == "=" else 1
            start = i
            continue
        i += 1
    sides.append(text[start:])
    return [s.strip() for s in sides]


def _bits(r: sp.Rational) -> int:
    return max(int(abs(r.p)).bit_length(), int(r.q).bit_length(), 1)


class Budget:
    """What one parse may spend on exact arithmetic; SymPy does it while the tree is built.

    Each exact number created (literal, power, function value) is charged by its size, so a
    formula made of many individually acceptable big numbers is refused as a whole.
    """

    def __init__(self) -> None:
        self.bits = 0
        self.eager_calls = 0

    def charge(self, value: sp.Basic) -> sp.Basic:
        if isinstance(value, sp.Rational):
            self.bits += _bits(value)
            limit = current_limits().total_bits
            if self.bits > limit:
                raise ParseError(
                    f"the numbers in this formula are too large in total (> {limit} bits)"
                )
        return value

    def charge_eager(self, name: str) -> None:
        self.eager_calls += 1
        limit = current_limits().eager_calls
        if self.eager_calls > limit:
            raise ParseError(
                f"too many exact evaluations of special functions (at {name}(); "
                f"at most {limit} per formula)"
            )


def safe_pow(
    base: sp.Basic, exponent: sp.Basic, where: str = "", budget: Budget | None = None
) -> sp.Basic:
    """``base**exponent``, refusing powers whose exact evaluation would be huge."""
    if isinstance(exponent, sp.Rational) and not base.free_symbols:
        size, limits = abs(exponent), current_limits()
        if isinstance(base, sp.Rational):
            if base not in (0, 1, -1) and size * _bits(base) > limits.power_bits:
                raise ParseError(f"power too large to evaluate exactly: {where or 'a power'}")
        elif size > limits.exponent:
            raise ParseError(f"exponent too large: {where or 'a power'}")
    result = sp.Pow(base, exponent)
    return budget.charge(result) if budget is not None else result


@dataclass(frozen=True)
class FunctionSpec:
    """One whitelisted function: how to build it and how many arguments it takes."""

    build: Callable[..., sp.Basic]
    min_args: int
    max_args: int
    eager: bool = False  # SymPy evaluates it exactly at integers: bound numeric arguments


def _log_any(*args: sp.Basic) -> sp.Basic:
    return sp.log(*args)


#: The functions a user may call, by the name used in SymPy syntax.  ``log`` is handled by the
#: parsers themselves (its default base is a setting); everything else is here.
FUNCTIONS: dict[str, FunctionSpec] = {
    "ln": FunctionSpec(sp.log, 1, 1),
    "log2": FunctionSpec(lambda x: sp.log(x, 2), 1, 1),
    "log10": FunctionSpec(lambda x: sp.log(x, 10), 1, 1),
    "exp": FunctionSpec(sp.exp, 1, 1),
    "sqrt": FunctionSpec(sp.sqrt, 1, 1),
    "root": FunctionSpec(sp.root, 2, 2),
    "cbrt": FunctionSpec(sp.cbrt, 1, 1),
    "abs": FunctionSpec(sp.Abs, 1, 1),
    "Abs": FunctionSpec(sp.Abs, 1, 1),
    "sign": FunctionSpec(sp.sign, 1, 1),
    "floor": FunctionSpec(sp.floor, 1, 1),
    "ceiling": FunctionSpec(sp.ceiling, 1, 1),
    "sin": FunctionSpec(sp.sin, 1, 1),
    "cos": FunctionSpec(sp.cos, 1, 1),
    "tan": FunctionSpec(sp.tan, 1, 1),
    "asin": FunctionSpec(sp.asin, 1, 1),
    "acos": FunctionSpec(sp.acos, 1, 1),
    "atan": FunctionSpec(sp.atan, 1, 1),
    "sinh": FunctionSpec(sp.sinh, 1, 1),
    "cosh": FunctionSpec(sp.cosh, 1, 1),
    "tanh": FunctionSpec(sp.tanh, 1, 1),
    "atanh": FunctionSpec(sp.atanh, 1, 1),
    "digamma": FunctionSpec(sp.digamma, 1, 1, eager=True),
    "psi": FunctionSpec(sp.digamma, 1, 1, eager=True),
    "trigamma": FunctionSpec(sp.trigamma, 1, 1, eager=True),
    "polygamma": FunctionSpec(sp.polygamma, 2, 2, eager=True),
    "gamma": FunctionSpec(sp.gamma, 1, 1, eager=True),
    "lowergamma": FunctionSpec(sp.lowergamma, 2, 2, eager=True),
    "uppergamma": FunctionSpec(sp.uppergamma, 2, 2, eager=True),
    "loggamma": FunctionSpec(sp.loggamma, 1, 1, eager=True),
    "lgamma": FunctionSpec(sp.loggamma, 1, 1, eager=True),
    "beta": FunctionSpec(sp.beta, 2, 2, eager=True),
    "Beta": FunctionSpec(sp.beta, 2, 2, eager=True),
    "binomial": FunctionSpec(sp.binomial, 2, 2, eager=True),
    "factorial": FunctionSpec(sp.factorial, 1, 1, eager=True),
    "harmonic": FunctionSpec(sp.harmonic, 1, 2, eager=True),
    "zeta": FunctionSpec(sp.zeta, 1, 2, eager=True),
    "besseli": FunctionSpec(sp.besseli, 2, 2),
    "besselk": FunctionSpec(sp.besselk, 2, 2),
    "Ei": FunctionSpec(sp.Ei, 1, 1),
    "E1": FunctionSpec(sp.E1, 1, 1),
    "expint": FunctionSpec(sp.expint, 2, 2),
    "erf": FunctionSpec(sp.erf, 1, 1),
    "erfc": FunctionSpec(sp.erfc, 1, 1),
    "Min": FunctionSpec(sp.Min, 1, 16),
    "Max": FunctionSpec(sp.Max, 1, 16),
    "min": FunctionSpec(sp.Min, 1, 16),
    "max": FunctionSpec(sp.Max, 1, 16),
}

#: Names that mean a constant when they are not called (in both syntaxes, unless overridden).
CONSTANTS: dict[str, sp.Basic] = {
    "pi": sp.pi,
    "E": sp.E,
    "e": sp.E,
    "EulerGamma": sp.EulerGamma,
    "oo": sp.oo,
    "inf": sp.oo,
    "infinity": sp.oo,
}


def constant_name_message(name: str) -> str:
    """Why a constant's name (``e``, ``pi``...) cannot be given assumptions as a parameter.

    >>> constant_name_message("e")  # doctest: +ELLIPSIS
    "'e' is Euler's number in every formula, table and distribution string ..."
    """
    what = "Euler's number" if name in ("e", "E") else f"the constant {CONSTANTS[name]}"
    return (f"{name!r} is {what} in every formula, table and distribution string symbinfo "
            "reads; name the parameter differently (or pass your own Symbol in symbols=)")


def safe_call(
    name: str, spec: FunctionSpec, args: list[sp.Basic], budget: Budget | None = None
) -> sp.Basic:
    """Build ``name(*args)`` after checking the arity and the size of eager integer arguments."""
    if not spec.min_args <= len(args) <= spec.max_args:
        want = (
            str(spec.min_args)
            if spec.min_args == spec.max_args
            else f"{spec.min_args} to {spec.max_args}"
        )
        raise ParseError(f"{name}() takes {want} argument(s), got {len(args)}")
    if spec.eager and any(a.is_number for a in args):
        limit = current_limits().eager_argument
        for a in args:
            if a.is_number and (a.is_real is not True or abs(a) > limit):
                raise ParseError(
                    f"argument of {name}() is too large to evaluate exactly "
                    f"(|argument| > {limit})"
                )
        if budget is not None:
            budget.charge_eager(name)
    result = spec.build(*args)
    return budget.charge(result) if budget is not None else result


def make_log(args: list[sp.Basic], log_base: sp.Basic, name: str = "log") -> sp.Basic:
    """``log(x)`` in the default base, or ``log(x, b)`` with an explicit one."""
    if len(args) == 1:
        return sp.log(args[0]) if log_base == sp.E else sp.log(args[0], log_base)
    if len(args) == 2:
        return sp.log(args[0], args[1])
    raise ParseError(f"{name}() takes 1 or 2 arguments, got {len(args)}")


def normalise_log_base(log_base: object) -> sp.Basic:
    """Accept E, 2, 10 or any SymPy expression as the default base of a bare ``log``."""
    if isinstance(log_base, str):
        raise UnsupportedInputError(
            "log_base must be a number or SymPy expression, not a string")
    if isinstance(log_base, bool) or not isinstance(log_base, int | sp.Expr):
        raise UnsupportedInputError(
            f"log_base must be an int or SymPy expression, got {log_base!r:.60}")
    return sp.Integer(log_base) if isinstance(log_base, int) else log_base


def check_symbols(symbols: Mapping[str, sp.Basic] | None) -> dict[str, sp.Basic]:
    """Validate the caller's name -> SymPy object mapping."""
    if symbols is None:
        return {}
    if not isinstance(symbols, Mapping):
        raise UnsupportedInputError(
            f"symbols must be a mapping of names to SymPy objects, not {type(symbols).__name__}")
    out: dict[str, sp.Basic] = {}
    for key, value in symbols.items():
        if not isinstance(key, str):
            raise UnsupportedInputError(f"symbols keys must be strings, got {key!r:.60}")
        if not isinstance(value, sp.Basic | sp.FunctionClass):
            raise UnsupportedInputError(
                f"symbols[{key!r:.60}] must be a SymPy object, got {value!r:.60}")
        out[key] = value
    return out
