r"""Hand-written LaTeX formulas, read by a small tokenizer and recursive-descent grammar.

Why our own grammar rather than ``sympy.parsing.latex.parse_latex``: on a table of formulas as
people write information theory (``docs/parsing-choice.md``) SymPy's ANTLR backend (which also
needs exactly antlr4-python3-runtime 4.11, not the 4.13 installed here) and its Lark backend
mis-read ``e`` (a symbol, not Euler's number), ``\log`` bases, ``\psi``/``\Gamma``/``\mathrm{B}``
as functions, ``\frac12`` and implicit multiplication.  A grammar of our own is small, has no
dependency, and only ever builds SymPy objects from a whitelist: TeX commands that are not on
the list (``\input``, ``\def``, ``\write18``...) are refused by name, and nothing is executed.

Conventions (every one can be changed through ``symbols=`` or ``log_base=``):

* ``e`` and ``\mathrm{e}`` standing alone are Euler's number; ``e^{x}`` is ``exp(x)``.
* ``\gamma`` standing alone is the Euler-Mascheroni constant ``EulerGamma``; pass
  ``symbols={"gamma": Symbol("gamma", positive=True)}`` to use it as a parameter.
* ``\pi`` is pi; ``\infty`` is ``oo``.
* ``\log`` without a subscript is in base ``log_base`` (natural by default); ``\log_2 x`` and
  ``\log_{b}(x)`` are explicit; ``\ln`` is always natural; ``\lg`` is refused as ambiguous.
* A function without parentheses takes the implicit product that follows it:
  ``\log 2\pi e\sigma^2`` is ``log(2*pi*e*sigma**2)``; it stops at ``+``, ``-``, an explicit
  ``\cdot`` and at the next function, so ``\sin x \cos x`` is ``sin(x)*cos(x)``.
* ``\psi``, ``\Gamma`` and ``\mathrm{B}``/``\operatorname{B}``/``\Beta`` are the digamma, Gamma and
  Beta functions when followed by an argument in parentheses, ``\psi^{(n)}(x)`` is
  ``polygamma(n, x)`` and ``\Gamma(s, x)`` the upper incomplete Gamma function; otherwise
  they are symbols.  ``\operatorname{...}`` must name a known function.
* Not supported, refused by name: ``\sum``, ``\prod``, ``\int``, primes, ``\pm``.
* Subscripts become part of a symbol's name: ``\sigma_1`` is ``Symbol("sigma_1")``,
  ``\mu_{2}`` is ``Symbol("mu_2")``, so they match SymPy-syntax names.
* Single-token arguments follow TeX: ``\frac12`` is 1/2, ``x^23`` is ``x**2*3``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import sympy as sp

from ..errors import ParseError
from ..limits import current_limits
from ._common import (
    FUNCTIONS,
    Budget,
    FunctionSpec,
    check_size,
    check_symbols,
    make_log,
    normalise_log_base,
    number_from_text,
    read_number,
    safe_call,
    safe_pow,
)

GREEK = {
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "omicron", "rho", "sigma", "tau", "upsilon", "phi", "chi",
    "omega", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi",
    "Omega", "ell",
}  # fmt: skip
# psi, Gamma and Beta are functions when called, symbols otherwise (see _primary).
GREEK_ALIASES = {"varepsilon": "epsilon", "vartheta": "theta", "varphi": "phi",
                 "varrho": "rho", "varsigma": "sigma", "varpi": "pi"}  # fmt: skip

# Commands that read as a function of one argument; the value is the FUNCTIONS key.
FUNCTION_COMMANDS = {
    "ln": "ln", "exp": "exp", "sin": "sin", "cos": "cos", "tan": "tan", "arcsin": "asin",
    "arccos": "acos", "arctan": "atan", "sinh": "sinh", "cosh": "cosh", "tanh": "tanh",
    "max": "Max", "min": "Min",
}  # fmt: skip
# Words accepted inside \mathrm{...} / \operatorname{...} as function names.
NAMED_FUNCTIONS = {
    "B": "beta", "Beta": "beta", "erf": "erf", "erfc": "erfc", "Ei": "Ei", "E1": "E1",
    "digamma": "digamma", "psi": "digamma", "Gamma": "gamma", "ln": "ln", "exp": "exp",
    "sign": "sign", "sgn": "sign", "lgamma": "loggamma", "loggamma": "loggamma",
    "Li": None,
}  # fmt: skip
NAMED_FUNCTIONS.pop("Li")
CALLED_ONLY = {"psi": "digamma", "Gamma": "Gamma", "Beta": "beta"}
# \Gamma(s) is the Gamma function, \Gamma(s, x) the upper incomplete one, as on paper.
LATEX_FUNCTIONS = {
    **FUNCTIONS,
    "Gamma": FunctionSpec(
        lambda s, x=None: sp.gamma(s) if x is None else sp.uppergamma(s, x), 1, 2, eager=True
    ),
}

# Commands the tokenizer turns into operator characters.
OPERATOR_COMMANDS = {
    "cdot": "*", "times": "*", "ast": "*", "div": "/", "le": "<=", "leq": "<=",
    "leqslant": "<=", "ge": ">=", "geq": ">=", "geqslant": ">=", "ne": "!=", "neq": "!=",
    "lvert": "|", "rvert": "|", "vert": "|", "lbrace": "(", "rbrace": ")",
    "lbrack": "[", "rbrack": "]",
}  # fmt: skip
# Commands that only change spacing or delimiter size: dropped.
IGNORED_COMMANDS = {
    "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl",
    "biggr", "Biggl", "Biggr", "quad", "qquad", "displaystyle", "textstyle", "limits",
}  # fmt: skip
STRUCTURE_COMMANDS = {
    "frac", "tfrac", "dfrac", "cfrac", "sqrt", "binom", "tbinom", "dbinom", "log", "pi",
    "infty", "mathrm", "operatorname", "text", "mathit", "textrm", "psi", "Gamma", "Beta",
    "lg",
}  # fmt: skip
KNOWN_COMMANDS = (
    GREEK | set(GREEK_ALIASES) | set(FUNCTION_COMMANDS) | set(OPERATOR_COMMANDS)
    | IGNORED_COMMANDS | STRUCTURE_COMMANDS
)  # fmt: skip
SPACING = {",", ";", ":", "!", " "}
CHARS = set("+-*/^_()[]{}|,!=<>")
RELATIONS = {"=": sp.Eq, "<": sp.Lt, ">": sp.Gt, "<=": sp.Le, ">=": sp.Ge, "!=": sp.Ne}


@dataclass
class Token:
    kind: str  # "num", "letter", "cmd", "char"
    text: str
    pos: int


def _strip_math_delimiters(text: str) -> str:
    s = text.strip()
    for left, right in (("$$", "$$"), ("$", "$"), ("\\(", "\\)"), ("\\[", "\\]")):
        if s.startswith(left) and s.endswith(right) and len(s) >= len(left) + len(right):
            return s[len(left) : len(s) - len(right)]
    return s


def tokenize(text: str) -> list[Token]:
    r"""Split LaTeX into tokens, refusing unknown commands and characters by name.

    >>> [t.text for t in tokenize(r"\frac12\log_2 x")]
    ['frac', '12', 'log', '_', '2', 'x']
    """
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace() or ch == "~":
            i += 1
        elif ch == "\\":
            j = i + 1
            while j < n and text[j].isascii() and text[j].isalpha():
                j += 1
            if j == i + 1:  # a control symbol such as \, or \{
                sym = text[i + 1 : i + 2]
                if sym in SPACING:
                    pass
                elif sym in ("{", "}"):
                    tokens.append(Token("char", "(" if sym == "{" else ")", i))
                else:
                    raise ParseError(f"unsupported LaTeX command {text[i : i + 2]!r} at {i}")
                i += 2
                continue
            name = text[i + 1 : j]
            if name not in KNOWN_COMMANDS:
                raise ParseError(f"unknown or unsupported LaTeX command '\\{name}' at {i}")
            if name in OPERATOR_COMMANDS:
                tokens.append(Token("char", OPERATOR_COMMANDS[name], i))
            elif name in IGNORED_COMMANDS:
                if name in ("left", "right"):
                    k = j
                    while k < n and text[k].isspace():
                        k += 1
                    if k < n and text[k] == ".":  # \left. and \right. are invisible
                        j = k + 1
            else:
                tokens.append(Token("cmd", GREEK_ALIASES.get(name, name), i))
            i = j
        elif ch.isdigit() or (ch == "." and i + 1 < n and text[i + 1].isdigit()):
            j = i
            while j < n and text[j].isdigit():
                j += 1
            if j < n and text[j] == "." and j + 1 < n and text[j + 1].isdigit():
                j += 1
                while j < n and text[j].isdigit():
                    j += 1
            tokens.append(Token("num", text[i:j], i))
            i = j
        elif ch.isascii() and ch.isalpha():
            tokens.append(Token("letter", ch, i))
            i += 1
        elif ch in CHARS:
            two = text[i : i + 2]
            if two in ("<=", ">=", "!="):
                tokens.append(Token("char", two, i))
                i += 2
            else:
                tokens.append(Token("char", ch, i))
                i += 1
        elif ch == "'":
            raise ParseError(f"primes (') are not supported, at {i}")
        else:
            raise ParseError(f"unexpected character {ch!r} at {i}")
    return tokens


class _Parser:
    def __init__(self, tokens: list[Token], symbols: dict[str, sp.Basic], log_base: sp.Basic,
                 decimals: dict | None = None):
        self.decimals = decimals
        self.toks = tokens
        self.i = 0
        self.symbols = symbols
        self.log_base = log_base
        self.depth = 0
        self.budget = Budget()
        self.in_abs = 0

    # --- token helpers ------------------------------------------------------------------
    def peek(self, k: int = 0) -> Token | None:
        j = self.i + k
        return self.toks[j] if j < len(self.toks) else None

    def at(self, text: str, kind: str = "char") -> bool:
        t = self.peek()
        return t is not None and t.kind == kind and t.text == text

    def expect(self, text: str) -> None:
        t = self.peek()
        if t is None or t.kind != "char" or t.text != text:
            found = "end of input" if t is None else f"{t.text!r} at {t.pos}"
            raise ParseError(f"expected {text!r}, found {found}")
        self.i += 1

    def fail(self, what: str) -> ParseError:
        t = self.peek()
        where = "at end of input" if t is None else f"at {t.text!r} (position {t.pos})"
        return ParseError(f"{what} {where}")

    def enter(self) -> None:
        self.depth += 1
        if self.depth > current_limits().nesting_depth:
            raise ParseError(f"formula nested more than {current_limits().nesting_depth} deep")

    # --- names --------------------------------------------------------------------------
    def name(self, name: str) -> sp.Basic:
        if name in self.symbols:
            return self.symbols[name]
        if name == "e":
            return sp.E
        if name == "gamma":
            return sp.EulerGamma
        if name == "pi":
            return sp.pi
        return sp.Symbol(name)

    def subscript(self) -> str | None:
        """The text of a subscript (``_1``, ``_{12}``, ``_\\alpha``), or None."""
        if not self.at("_"):
            return None
        self.i += 1
        t = self.peek()
        if t is None:
            raise self.fail("missing subscript")
        if t.kind == "char" and t.text == "{":
            self.i += 1
            parts: list[str] = []
            while not self.at("}"):
                t = self.peek()
                if t is None:
                    raise self.fail("unclosed subscript")
                if t.kind in ("num", "letter") or (t.kind == "cmd" and t.text in GREEK):
                    parts.append(t.text)
                elif t.kind == "char" and t.text == ",":
                    parts.append(",")
                elif t.kind == "cmd" and t.text in ("mathrm", "text", "mathit", "textrm"):
                    self.i += 1
                    parts.append(self.word())
                    continue
                else:
                    raise self.fail("unsupported subscript content")
                self.i += 1
            self.i += 1
            if not parts:
                raise self.fail("empty subscript")
            return "".join(parts)
        if t.kind == "num":
            return self.split_digit()
        if t.kind == "letter" or (t.kind == "cmd" and t.text in GREEK):
            self.i += 1
            return t.text
        raise self.fail("unsupported subscript")

    def split_digit(self) -> str:
        """Take one digit of a number token (TeX reads ``\\frac12`` as 1 over 2)."""
        t = self.toks[self.i]
        if len(t.text) == 1:
            self.i += 1
            return t.text
        self.toks[self.i] = Token("num", t.text[1:], t.pos + 1)
        return t.text[0]

    def word(self) -> str:
        """The letters of ``{...}`` after \\mathrm and friends."""
        self.expect("{")
        parts: list[str] = []
        while not self.at("}"):
            t = self.peek()
            if t is None or t.kind not in ("letter", "num"):
                raise self.fail("only letters and digits are allowed in \\mathrm{...}")
            parts.append(t.text)
            self.i += 1
        self.i += 1
        if not parts or not parts[0].isalpha():
            raise self.fail("\\mathrm{...} must start with a letter")
        return "".join(parts)

    # --- grammar ------------------------------------------------------------------------
    def parse(self) -> sp.Basic:
        lhs = self.expr()
        t = self.peek()
        if t is not None and t.kind == "char" and t.text in RELATIONS:
            self.i += 1
            rhs = self.expr()
            lhs = RELATIONS[t.text](lhs, rhs)
        if self.peek() is not None:
            raise self.fail("unexpected")
        return lhs

    def expr(self) -> sp.Basic:
        terms: list[sp.Basic] = []
        sign = 1
        if self.at("+") or self.at("-"):
            sign = -1 if self.at("-") else 1
            self.i += 1
        terms.append(sign * self.term())
        while self.at("+") or self.at("-"):
            sign = -1 if self.at("-") else 1
            self.i += 1
            terms.append(sign * self.term())
        return sp.Add(*terms)

    def starts_factor(self, t: Token | None, stop_at_function: bool = False) -> bool:
        if t is None:
            return False
        if t.kind in ("num", "letter"):
            return True
        if t.kind == "cmd":
            return not (stop_at_function and self.is_function_start())
        if t.text == "|":
            return self.in_abs == 0
        return t.text in ("(", "[", "{")

    def is_function_start(self) -> bool:
        t = self.peek()
        if t is None or t.kind != "cmd":
            return False
        if t.text in FUNCTION_COMMANDS or t.text in ("log", "lg", "operatorname", "sqrt"):
            return True
        if t.text in CALLED_ONLY:
            nxt = self.peek(1)
            return nxt is not None and nxt.kind == "char" and nxt.text in ("(", "^")
        return False

    def term(self, implicit_only: bool = False) -> sp.Basic:
        factors = [self.factor(signed=not implicit_only)]
        last = self.toks[self.i - 1]
        while True:
            t = self.peek()
            if not implicit_only and t is not None and t.kind == "char" and t.text in "*/":
                self.i += 1
                f = self.factor(signed=True)
                factors.append(f if t.text == "*" else 1 / f)
            elif self.starts_factor(t, stop_at_function=implicit_only):
                if t.kind == "num" and last.kind == "num":
                    raise self.fail("two numbers in a row (write \\cdot)")
                factors.append(self.factor(signed=False))
            else:
                break
            last = self.toks[self.i - 1]
        return sp.Mul(*factors)

    def factor(self, signed: bool = True) -> sp.Basic:
        self.enter()
        try:
            if signed and (self.at("-") or self.at("+")):
                neg = self.at("-")
                self.i += 1
                value = self.factor(signed=True)
                return -value if neg else value
            return self.postfix()
        finally:
            self.depth -= 1

    def postfix(self) -> sp.Basic:
        start = self.peek()
        base = self.primary()
        while True:
            if self.at("^"):
                self.i += 1
                exponent = self.arg()
                where = f"power at position {start.pos}" if start else "power"
                base = safe_pow(base, exponent, where, self.budget)
                if self.at("_"):
                    raise self.fail("put the subscript before the superscript")
            elif self.at("!"):
                self.i += 1
                base = safe_call("factorial", FUNCTIONS["factorial"], [base], self.budget)
            else:
                return base

    def group(self, close: str) -> sp.Basic:
        self.enter()
        saved = self.in_abs
        # Inside |...| a bar closes; inside brackets a bar opens a new absolute value.
        self.in_abs = saved + 1 if close == "|" else 0
        try:
            value = self.expr()
            self.expect(close)
            return value
        finally:
            self.in_abs = saved
            self.depth -= 1

    def arg(self) -> sp.Basic:
        """A TeX macro argument: a braced group or a single token."""
        t = self.peek()
        if t is None:
            raise self.fail("missing argument")
        if t.kind == "char" and t.text == "{":
            self.i += 1
            return self.group("}")
        if t.kind == "num":
            return self.budget.charge(number_from_text(self.split_digit()))
        if t.kind == "letter":
            self.i += 1
            return self.name(t.text)
        if t.kind == "cmd":
            return self.primary()
        raise self.fail("missing argument")

    def call_args(self) -> list[sp.Basic]:
        """``(a, b, ...)`` after a function name."""
        self.enter()
        try:
            self.expect("(")
            saved, self.in_abs = self.in_abs, 0
            args = [self.expr()]
            while self.at(","):
                self.i += 1
                args.append(self.expr())
            self.in_abs = saved
            self.expect(")")
            return args
        finally:
            self.depth -= 1

    def function_args(self) -> list[sp.Basic]:
        """Parenthesised arguments, or the implicit product that follows an operator name."""
        if self.at("("):
            return self.call_args()
        if not self.starts_factor(self.peek()):
            raise self.fail("missing function argument")
        return [self.term(implicit_only=True)]

    def apply(self, name: str, display: str) -> sp.Basic:
        """A function command: optional power (``\\log^2 x``), then its arguments."""
        power = None
        if self.at("^"):
            self.i += 1
            power = self.arg()
        args = self.function_args()
        value = safe_call(display, LATEX_FUNCTIONS[name], args, self.budget)
        return value if power is None else safe_pow(value, power, f"{display}^...", self.budget)

    def primary(self) -> sp.Basic:
        t = self.peek()
        if t is None:
            raise self.fail("unexpected end of formula:")
        if t.kind == "num":
            self.i += 1
            return read_number(t.text, self.budget, self.decimals)
        if t.kind == "letter":
            self.i += 1
            sub = self.subscript()
            if sub is None:
                if t.text == "B" and self.at("(") and "B" not in self.symbols:
                    return self.beta_or_product()
                return self.name(t.text)
            return self.name(f"{t.text}_{sub}")
        if t.kind == "char":
            self.i += 1
            if t.text == "(":
                return self.group(")")
            if t.text == "[":
                return self.group("]")
            if t.text == "{":
                return self.group("}")
            if t.text == "|":
                return sp.Abs(self.group("|"))
            self.i -= 1
            raise self.fail("unexpected")
        return self.command(t)

    def beta_or_product(self) -> sp.Basic:
        """``B(a, b)`` with two arguments is the Beta function; ``B(x)`` is B times x."""
        args = self.call_args()
        if len(args) == 2:
            return safe_call("B", FUNCTIONS["beta"], args, self.budget)
        if len(args) == 1:
            return sp.Symbol("B") * args[0]
        raise self.fail("B(...) takes two arguments")

    def command(self, t: Token) -> sp.Basic:
        name = t.text
        self.i += 1
        if name in ("frac", "tfrac", "dfrac", "cfrac"):
            num = self.arg()
            return num / self.arg()
        if name in ("binom", "tbinom", "dbinom"):
            n = self.arg()
            return safe_call("binom", FUNCTIONS["binomial"], [n, self.arg()], self.budget)
        if name == "sqrt":
            if self.at("["):
                self.i += 1
                index = self.group("]")
                return sp.root(self.arg(), index)
            return sp.sqrt(self.arg())
        if name == "log":
            base = self.log_base
            if self.at("_"):
                self.i += 1
                base = self.arg()
            power = None
            if self.at("^"):
                self.i += 1
                power = self.arg()
            args = self.function_args()
            if len(args) != 1:
                raise self.fail("\\log takes one argument")
            value = make_log(args, base)
            return value if power is None else safe_pow(value, power, "\\log^...", self.budget)
        if name == "lg":
            raise ParseError("\\lg is ambiguous (base 2 or 10): write \\log_2 or \\log_{10}")
        if name in FUNCTION_COMMANDS:
            return self.apply(FUNCTION_COMMANDS[name], "\\" + name)
        if name == "psi" and "psi" not in self.symbols:
            order = self.polygamma_order()
            if order is not None:
                args = [order, *self.call_args()]
                return safe_call("polygamma", FUNCTIONS["polygamma"], args, self.budget)
        if name in CALLED_ONLY and name not in self.symbols and self.at("("):
            return self.apply(CALLED_ONLY[name], "\\" + name)
        if name in ("mathrm", "operatorname", "text", "mathit", "textrm"):
            word = self.word()
            if (
                word in NAMED_FUNCTIONS
                and word not in self.symbols
                and (self.at("(") or name == "operatorname")
            ):
                return self.apply(NAMED_FUNCTIONS[word], word)
            if word == "log":
                return make_log(self.function_args(), self.log_base)
            if name == "operatorname":
                raise ParseError(f"unknown function \\operatorname{{{word}}} (position {t.pos})")
            sub = self.subscript()
            return self.name(word if sub is None else f"{word}_{sub}")
        if name == "infty":
            return sp.oo
        if name in GREEK or name in CALLED_ONLY or name == "pi":
            sub = self.subscript()
            return self.name(name if sub is None else f"{name}_{sub}")
        raise ParseError(f"LaTeX command '\\{name}' cannot be used here (position {t.pos})")

    def polygamma_order(self) -> sp.Basic | None:
        """``\\psi^{(n)}``: the order of a polygamma function, or None."""
        toks = self.toks[self.i : self.i + 6]
        texts = [x.text for x in toks]
        if texts[:3] == ["^", "{", "("] and len(toks) == 6 and texts[4:6] == [")", "}"]:
            order = toks[3]
            if order.kind in ("num", "letter"):
                self.i += 6
                return (
                    number_from_text(order.text) if order.kind == "num" else self.name(order.text)
                )
        return None


def parse_latex(
    text: str,
    *,
    symbols: Mapping[str, sp.Basic] | None = None,
    log_base: sp.Basic | int = sp.E,
    decimals: dict | None = None,
) -> sp.Basic:
    r"""Parse a hand-written LaTeX formula into SymPy, without evaluating anything.

    See the module docstring for the conventions (``e``, ``\gamma``, ``\log`` base,
    subscripts, implicit multiplication).  ``symbols`` maps names (``"sigma"``,
    ``"sigma_1"``, ``"e"``, ``"gamma"``) to the caller's own SymPy objects.  Decimals are
    exact (``2.585`` is 517/200); given a dict as ``decimals``, each decimal literal is
    returned as a ``Dummy`` instead, and the dict maps it to its
    :class:`~symbinfo.parsing._common.Decimal` (value, significant digits given), so that a
    rounded answer can be judged to the digits given (:func:`symbinfo.check`).

    >>> parse_latex(r"\frac{1}{2}\log(2\pi e\sigma^2)")
    log(2*E*pi*sigma**2)/2
    >>> parse_latex(r"\log_2 n")
    log(n)/log(2)
    >>> parse_latex(r"-p\log p - (1-p)\log(1-p)")
    -p*log(p) - (1 - p)*log(1 - p)
    >>> parse_latex(r"\psi(\alpha) - \log\beta")
    -log(beta) + polygamma(0, alpha)
    >>> found = {}
    >>> d = parse_latex("2.585", decimals=found)
    >>> found[d].digits
    4
    >>> parse_latex(r"\input{/etc/passwd}")
    Traceback (most recent call last):
    ...
    symbinfo.errors.ParseError: unknown or unsupported LaTeX command '\input' at 0
    """
    text = check_size(text)
    base = normalise_log_base(log_base)
    table = check_symbols(symbols)
    if decimals is not None and not isinstance(decimals, dict):
        raise ParseError(f"decimals must be a dict to fill, not {type(decimals).__name__}")
    tokens = tokenize(_strip_math_delimiters(text))
    if not tokens:
        raise ParseError("empty formula")
    try:
        return _Parser(tokens, table, base, decimals).parse()
    except RecursionError:
        raise ParseError("formula nested too deeply") from None
    except ParseError:
        raise
    except (TypeError, ValueError, ArithmeticError) as exc:
        raise ParseError(f"cannot build the formula {text[:60]!r}: {exc}") from None
