"""SymPy/Python-syntax formulas, read by walking Python's AST against a strict whitelist.

``ast.parse`` only builds a tree; nothing in the text is ever executed.  Every node kind that
is not explicitly allowed below (attribute access, subscripts, lambdas, comprehensions,
f-strings, keyword arguments, calls to anything but the function whitelist...) is refused.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping

import sympy as sp

from ..errors import ParseError
from ..limits import current_limits
from ._common import (
    CONSTANTS,
    FUNCTIONS,
    Budget,
    check_bracket_depth,
    check_size,
    check_symbols,
    make_log,
    normalise_log_base,
    read_number,
    safe_call,
    safe_pow,
)

_COMPARE = {
    ast.Eq: sp.Eq,
    ast.NotEq: sp.Ne,
    ast.Lt: sp.Lt,
    ast.LtE: sp.Le,
    ast.Gt: sp.Gt,
    ast.GtE: sp.Ge,
}


# `lambda` is a Python keyword but the usual name of a rate: it is renamed to a placeholder
# that users cannot write (names with a leading underscore are refused) and renamed back.
_LAMBDA_RE = re.compile(r"\blambda\b")
_LAMBDA_PLACEHOLDER = "_kw_lambda"


def python_source(text: str) -> str:
    """The text as Python source: ``^`` becomes ``**`` and the name ``lambda`` a placeholder.

    '^' means power on paper; Python would read it as xor with the wrong precedence
    (``a*x^2 + b`` would be ``(a*x) xor (2 + b)``), so it is rewritten before parsing.
    A real ``lambda: ...`` expression still fails to parse after the rename.
    """
    if _LAMBDA_PLACEHOLDER in text:
        raise ParseError(f"name {_LAMBDA_PLACEHOLDER!r} is reserved")
    return _LAMBDA_RE.sub(_LAMBDA_PLACEHOLDER, text.strip().replace("^", "**"))


def user_name(identifier: str) -> str:
    """The name the user wrote for an identifier of :func:`python_source`'s output."""
    return "lambda" if identifier == _LAMBDA_PLACEHOLDER else identifier


def _describe(node: ast.AST, text: str) -> str:
    """The offending piece of source text, for error messages."""
    seg = ast.get_source_segment(text, node)
    if seg is None:
        return type(node).__name__
    return repr(seg if len(seg) <= 40 else seg[:37] + "...")


class _Converter:
    """Turns a whitelisted Python AST into SymPy, one node kind at a time."""

    def __init__(self, text: str, symbols: dict[str, sp.Basic], log_base: sp.Basic,
                 decimals: dict | None = None) -> None:
        self.decimals = decimals
        self.text = text
        self.symbols = symbols
        self.log_base = log_base
        self.depth = 0
        self.budget = Budget()

    def convert(self, node: ast.AST) -> sp.Basic:
        self.depth += 1
        if self.depth > current_limits().nesting_depth:
            raise ParseError(f"expression nested more than {current_limits().nesting_depth} deep")
        try:
            method = getattr(self, "_" + type(node).__name__, None)
            if method is None:
                raise ParseError(
                    f"{type(node).__name__} is not allowed in a formula: "
                    f"{_describe(node, self.text)}"
                )
            return method(node)
        finally:
            self.depth -= 1

    # --- leaves -------------------------------------------------------------------------
    def _Constant(self, node: ast.Constant) -> sp.Basic:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ParseError(f"constant {_describe(node, self.text)} is not a number")
        if isinstance(value, int):
            if value.bit_length() > current_limits().integer_digits * 4:
                raise ParseError("integer literal too large")
            return self.budget.charge(sp.Integer(value))
        # Rebuild the float from its source text so 0.1 is exactly 1/10.
        seg = ast.get_source_segment(self.text, node)
        if seg is None:  # pragma: no cover - CPython always records positions
            raise ParseError("cannot locate a decimal number in the input")
        return read_number(seg, self.budget, self.decimals)

    def _Name(self, node: ast.Name) -> sp.Basic:
        name = user_name(node.id)
        if name.startswith("_"):
            raise ParseError(f"name {name!r} is not allowed (leading underscore)")
        if name in self.symbols:
            value = self.symbols[name]
            if isinstance(value, sp.FunctionClass):
                raise ParseError(f"{name!r} is a function and must be called")
            return value
        if name in CONSTANTS:
            return CONSTANTS[name]
        return sp.Symbol(name)

    # --- operators ----------------------------------------------------------------------
    def _BinOp(self, node: ast.BinOp) -> sp.Basic:
        op = type(node.op)
        if op in (ast.Add, ast.Sub):
            # Flatten left-deep chains (a + b - c + ...) iteratively: long sums stay shallow.
            terms: list[sp.Basic] = []
            cur: ast.AST = node
            while isinstance(cur, ast.BinOp) and isinstance(cur.op, ast.Add | ast.Sub):
                right = self.convert(cur.right)
                terms.append(-right if isinstance(cur.op, ast.Sub) else right)
                cur = cur.left
            terms.append(self.convert(cur))
            return sp.Add(*reversed(terms))
        if op is ast.Mult:
            factors: list[sp.Basic] = []
            cur = node
            while isinstance(cur, ast.BinOp) and isinstance(cur.op, ast.Mult):
                factors.append(self.convert(cur.right))
                cur = cur.left
            factors.append(self.convert(cur))
            return sp.Mul(*reversed(factors))
        left = self.convert(node.left)
        right = self.convert(node.right)
        if op is ast.Div:
            return left / right
        if op is ast.Pow:
            return safe_pow(left, right, _describe(node, self.text), self.budget)
        raise ParseError(
            f"operator {type(node.op).__name__} is not allowed: {_describe(node, self.text)}"
        )

    def _UnaryOp(self, node: ast.UnaryOp) -> sp.Basic:
        if isinstance(node.op, ast.USub):
            return -self.convert(node.operand)
        if isinstance(node.op, ast.UAdd):
            return self.convert(node.operand)
        raise ParseError(
            f"operator {type(node.op).__name__} is not allowed: {_describe(node, self.text)}"
        )

    def _Compare(self, node: ast.Compare) -> sp.Basic:
        if len(node.ops) != 1:
            raise ParseError(f"chained comparison is not allowed: {_describe(node, self.text)}")
        rel = _COMPARE.get(type(node.ops[0]))
        if rel is None:
            raise ParseError(f"comparison not allowed: {_describe(node, self.text)}")
        return rel(self.convert(node.left), self.convert(node.comparators[0]))

    # --- calls --------------------------------------------------------------------------
    def _Call(self, node: ast.Call) -> sp.Basic:
        if not isinstance(node.func, ast.Name):
            raise ParseError(
                f"only plain function names may be called: {_describe(node, self.text)}"
            )
        if node.keywords:
            raise ParseError(f"keyword arguments are not allowed: {_describe(node, self.text)}")
        if any(isinstance(a, ast.Starred) for a in node.args):
            raise ParseError(f"*arguments are not allowed: {_describe(node, self.text)}")
        name = node.func.id
        custom = self.symbols.get(name)
        if custom is None and name != "log" and name not in FUNCTIONS:
            raise ParseError(f"unknown function {name!r}")
        if len(node.args) > 16:
            raise ParseError(f"too many arguments to {name}()")
        args = [self.convert(a) for a in node.args]
        if custom is not None:
            if not isinstance(custom, sp.FunctionClass):
                raise ParseError(f"{name!r} is a symbol, not a function, and cannot be called")
            return custom(*args)
        if name == "log":
            return make_log(args, self.log_base)
        return safe_call(name, FUNCTIONS[name], args, self.budget)


def convert_node(
    source: str, node: ast.AST, symbols: dict[str, sp.Basic], log_base: sp.Basic = sp.E,
    decimals: dict | None = None,
) -> sp.Basic:
    """Convert one node of ``ast.parse(source)`` (``source`` from :func:`python_source`)."""
    try:
        return _Converter(source, symbols, log_base, decimals).convert(node)
    except RecursionError:
        raise ParseError("formula nested too deeply") from None
    except ParseError:
        raise
    except (TypeError, ValueError, ArithmeticError) as exc:
        # SymPy rejecting a combination (e.g. a relational in an arithmetic position).
        raise ParseError(f"cannot build the formula {source[:60]!r}: {exc}") from None


def parse_expression(
    text: str,
    *,
    symbols: Mapping[str, sp.Basic] | None = None,
    log_base: sp.Basic | int = sp.E,
    decimals: dict | None = None,
) -> sp.Basic:
    """Parse a formula in SymPy/Python syntax without evaluating any Python.

    Allowed: numbers (``0.1`` is exactly ``1/10``), names, ``+ - * / **``, ``^`` as power,
    unary signs, one comparison (``==``, ``!=``, ``<``, ``<=``, ``>``, ``>=``) and calls to a
    whitelist of functions (``log``, ``ln``, ``log2``, ``log10``, ``exp``, ``sqrt``,
    ``digamma``/``psi``, ``polygamma``, ``gamma``, ``loggamma``, ``beta``, ``binomial``,
    ``factorial``, ``harmonic``, ``besseli``, ``Ei``, ``E1``, ``expint``, ``erf``, ``Min``,
    ``Max``, trigonometric functions...).  Everything else raises :class:`ParseError`.

    Names: a *called* name is a function from the whitelist; a name that is not called is a
    plain ``Symbol`` without assumptions, except the constants ``pi``, ``E`` and ``e``
    (Euler's number), ``EulerGamma``, ``oo``/``inf``.  So ``gamma(k)`` is the Gamma function
    while a bare ``gamma`` or ``beta`` is a symbol.  ``symbols`` maps names to the caller's
    own objects (Symbols with assumptions, or undefined functions) and overrides everything,
    including the constants (``symbols={"e": Symbol("e")}``).  ``I`` is a plain symbol, not
    the imaginary unit.

    A bare ``log(x)`` is in base ``log_base`` (natural by default); ``log(x, b)`` is explicit.
    ``decimals`` (a dict) collects decimal literals as ``Dummy`` symbols, as in
    :func:`symbinfo.parse_latex`.

    >>> parse_expression("log(sigma) + log(2*pi*E)/2")
    log(sigma) + log(2*E*pi)/2
    >>> parse_expression("0.1*x^2")
    x**2/10
    >>> parse_expression("log(p)", log_base=2)
    log(p)/log(2)
    >>> s = sp.Symbol("sigma", positive=True)
    >>> parse_expression("sqrt(sigma**2)", symbols={"sigma": s})
    sigma
    >>> parse_expression("__import__('os')")
    Traceback (most recent call last):
    ...
    symbinfo.errors.ParseError: unknown function '__import__'
    """
    text = check_size(text)
    base = normalise_log_base(log_base)
    table = check_symbols(symbols)
    check_bracket_depth(text)
    source = python_source(text)
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        raise ParseError(f"not a valid formula: {exc.msg} in {text[:60]!r}") from None
    except (RecursionError, MemoryError, ValueError) as exc:
        raise ParseError(f"formula too complex to parse: {type(exc).__name__}") from None
    if decimals is not None and not isinstance(decimals, dict):
        raise ParseError(f"decimals must be a dict to fill, not {type(decimals).__name__}")
    return convert_node(source, tree.body, table, base, decimals)
