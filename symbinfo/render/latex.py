r"""LaTeX output: inline formulas, ``align*`` derivations, standalone documents, Jupyter LaTeX.

Steps are data (:mod:`symbinfo.derivation.steps`); this module decides how each *type* of step is
shown (:func:`step_note`, dispatched on the step's class). A derivation renders as

.. code-block:: latex

    \begin{align*}
    H(X) &= \mathbb{E}_{x \sim X}\left[- \log{\left(p{\left(x \right)} \right)}\right]
         && \text{definition (1)} \\
         &= \dots && \text{substitute the densities (2)}
    \end{align*}

with the numbered notes (full justification, source, how the step was checked) listed under it
in standalone documents. Only ``amsmath`` and ``amssymb`` are needed.

>>> import sympy as sp
>>> from symbinfo import Entropy
>>> from sympy.stats import Bernoulli
>>> to_latex(Entropy(Bernoulli("B", sp.Rational(1, 2))))
'H(B)'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter
from sympy.printing.str import StrPrinter

from ..derivation.steps import (
    OVER_BUDGET,
    PRESENTERS,
    ClosedFormRule,
    CouldNotDo,
    Definition,
    Derivation,
    Identity,
    Infinite,
    KnownMoments,
    KnownValues,
    NumericCheck,
    Simplify,
    Step,
    Substitute,
)
from ..errors import UnsupportedInputError
from ..parsing.gate import to_sympy


class TextbookLatexPrinter(LatexPrinter):
    r"""SymPy's LaTeX printer, except that a sum never starts with a minus sign when one of its
    terms is positive: (x - μ)² rather than (-μ + x)², log σ₂ - log σ₁ rather than -log σ₁ + ...;
    and a name is TeX only when it is an identifier: anyone can make ``Symbol(r"\input{f}")``,
    so other names (of symbols, random variables, functions, labels) print as escaped text.

    >>> math(sp.Symbol(r"\input{/etc/passwd}") + sp.Symbol("sigma_1"))
    '\\text{\\textbackslash{}input\\{/etc/passwd\\}} + \\sigma_{1}'
    """

    def _as_ordered_terms(self, expr: sp.Expr, order: str | None = None) -> list:
        return _textbook_order(list(super()._as_ordered_terms(expr, order=order)))

    def _deal_with_super_sub(self, string: str, style: str = "plain") -> str:
        # the one funnel for names: symbols, function and class names
        if string.isidentifier():
            return super()._deal_with_super_sub(string, style=style)
        return rf"\text{{{escape_text(string)}}}"

    def _print_Str(self, s: sp.Basic) -> str:  # labels (sympy.core.symbol.Str)
        return self._deal_with_super_sub(s.name)

    def _print_Function(self, expr: sp.Expr, exp: str | None = None) -> str:
        # SymPy's version uses the name as a %-format string, which an escaped \% breaks
        name = expr.func.__name__
        if not (isinstance(expr, AppliedUndef) and not name.isidentifier()):
            return super()._print_Function(expr, exp)
        args = ", ".join(self._print(a) for a in expr.args)
        tex = rf"{self._deal_with_super_sub(name)}{{\left({args} \right)}}"
        return tex if exp is None else rf"{tex}^{{{exp}}}"


    # --- the book's notation for special functions ----------------------------------------
    def _print_polygamma(self, expr: sp.Expr, exp: str | None = None) -> str:
        n, z = expr.args
        head = r"\psi" if n == 0 else rf"\psi^{{({self._print(n)})}}"
        tex = rf"{head}\left({self._print(z)}\right)"
        return tex if exp is None else rf"\left({tex}\right)^{{{exp}}}"

    def _print_loggamma(self, expr: sp.Expr, exp: str | None = None) -> str:
        tex = rf"\ln\Gamma\left({self._print(expr.args[0])}\right)"
        return tex if exp is None else rf"\left({tex}\right)^{{{exp}}}"

    def _print_beta(self, expr: sp.Expr, exp: str | None = None) -> str:
        args = ", ".join(self._print(a) for a in expr.args)
        tex = rf"\mathrm{{B}}\left({args}\right)"
        return tex if exp is None else rf"{tex}^{{{exp}}}"

    def _print_Mul(self, expr: sp.Expr) -> str:
        written = _in_log_base(expr)
        if written is not None:
            return self._print(written)
        return super()._print_Mul(expr)


class _LogB(sp.Function):
    r"""log_b(x), for printing only: ``log(x)/log(b)`` prints as ``\log_{b}\left(x\right)``."""

    def _latex(self, printer: LatexPrinter, exp: str | None = None) -> str:
        x, b = self.args
        arg = printer._print(x)
        head = rf"\log_{{{printer._print(b)}}}"
        tex = rf"{head}{{\left({arg} \right)}}"
        return tex if exp is None else rf"{head}^{{{exp}}}{{\left({arg} \right)}}"


def _in_log_base(expr: sp.Expr) -> sp.Expr | None:
    """``c·log(x)/log(b)`` (b a number other than e) as ``c·log_b(x)``, ``h(p)/log(b)`` as
    h_b(p), a sum of such terms over log(b) term by term; ``None`` when it is no such product."""
    from ..functions import BinaryEntropy

    factors = sp.Mul.make_args(expr)
    bases = [f.base.args[0] for f in factors if f.is_Pow and f.exp == -1
             and isinstance(f.base, sp.log) and f.base.args[0].is_number
             and f.base.args[0] != sp.E and f.base.args[0].is_positive]
    if len(bases) != 1:
        return None
    b = bases[0]
    rest = sp.Mul(*[f for f in factors if not (f.is_Pow and f.exp == -1 and f.base == sp.log(b))])

    def one(term: sp.Expr) -> sp.Expr | None:
        parts = sp.Mul.make_args(term)
        logs = [f for f in parts if isinstance(f, sp.log) or
                (isinstance(f, BinaryEntropy) and f.base == sp.E)]
        if len(logs) != 1 or any(f.has(sp.log) for f in parts if f is not logs[0]):
            return None
        (lg,) = logs
        if lg.args[0] == b:
            return None  # log_b b would read as a riddle: keep the fraction
        new = _LogB(lg.args[0], b) if isinstance(lg, sp.log) else BinaryEntropy(lg.args[0], b)
        return sp.Mul(*[new if f is lg else f for f in parts], evaluate=False)

    if isinstance(rest, sp.Add):
        terms = [one(t) for t in rest.args]
        if any(t is None for t in terms):
            return None
        return sp.Add(*terms, evaluate=False)
    return one(rest)


def _textbook_order(terms: list) -> list:
    if terms and _negative(terms[0]):
        for i, term in enumerate(terms):
            if not _negative(term):
                return [term, *terms[:i], *terms[i + 1:]]
    return terms


class TextbookStrPrinter(StrPrinter):
    """SymPy's str printer with the same term order as :class:`TextbookLatexPrinter`.

    >>> x, mu = sp.symbols("x mu")
    >>> TextbookStrPrinter().doprint((x - mu)**2)
    '(x - mu)**2'
    """

    def _as_ordered_terms(self, expr: sp.Expr, order: str | None = None) -> list:
        return _textbook_order(list(super()._as_ordered_terms(expr, order=order)))


def _negative(term: sp.Expr) -> bool:
    # a nested sum is printed in parentheses, never as "- (...)": leave it where it is
    return term.could_extract_minus_sign() and not isinstance(term, sp.Add)


def math(expr: object, **settings: object) -> str:
    r"""LaTeX of one expression in textbook order (see :class:`TextbookLatexPrinter`).

    >>> mu, x = sp.symbols("mu x")
    >>> math((x - mu)**2)
    '\\left(x - \\mu\\right)^{2}'
    """
    try:
        printer = TextbookLatexPrinter(settings)
    except (TypeError, ValueError) as exc:  # SymPy checks the settings' names and values
        raise UnsupportedInputError(f"bad LaTeX setting: {exc}") from None
    return printer.doprint(expr)


# TeX specials; < > | are not special but print as ¡ ¿ — in the default OT1 font encoding
# (T1 would need fonts that many TeX installations only have as generated bitmaps)
_SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
            "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
            "^": r"\textasciicircum{}", "<": r"\textless{}", ">": r"\textgreater{}",
            "|": r"\textbar{}"}
# characters pdflatex's default utf8 input does not set up in text mode
_UNICODE_TEXT = {"§": "sec. ", "–": "--", "—": "---", "−": "$-$", "²": "$^2$", "³": "$^3$",
                 "∞": r"$\infty$", "‖": r"$\|$", "·": r"$\cdot$", "≤": r"$\le$", "≥": r"$\ge$",
                 "≠": r"$\ne$", "→": r"$\to$", "ψ": r"$\psi$", "…": r"\ldots{}", "’": "'",
                 "“": "``", "”": "''", "∣": r"$\mid$", "∈": r"$\in$", "×": r"$\times$"}


def escape_text(text: str) -> str:
    r"""``text`` made safe for LaTeX text mode (specials escaped, symbols and Greek as math).

    >>> escape_text("Cover & Thomas (2006), §2.3: E[X²] = μ² + σ²")
    'Cover \\& Thomas (2006), sec. 2.3: E[X$^2$] = $\\mu$$^2$ + $\\sigma$$^2$'
    >>> escape_text(r"D(P || Q) > 0 \input{x} ^^5c")
    'D(P \\textbar{}\\textbar{} Q) \\textgreater{} 0 \\textbackslash{}input\\{x\\} \\textasciicircum{}\\textasciicircum{}5c'
    """  # noqa: E501
    out = []
    for ch in text:
        if ch < " " or ch == "\x7f":  # control characters end lines or are invalid in TeX
            out.append(" ")
        elif ch in _SPECIAL:
            out.append(_SPECIAL[ch])
        elif ch in _UNICODE_TEXT:
            out.append(_UNICODE_TEXT[ch])
        elif ord(ch) < 128:
            out.append(ch)
        else:
            out.append(_greek(ch) or ch)
    return "".join(out)


def _greek(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    match = re.fullmatch(r"GREEK (SMALL|CAPITAL) LETTER (\w+)", name)
    if not match:
        return None
    letter = match.group(2).lower()
    if match.group(1) == "CAPITAL":
        letter = letter.capitalize()
    return "$\\" + letter + "$"


def to_latex(obj: object, **settings: object) -> str:
    r"""LaTeX for a SymPy expression or measure (inline, no delimiters) or a derivation
    (an ``align*`` environment). ``settings`` go to :func:`sympy.latex`.

    >>> import sympy as sp
    >>> to_latex(sp.log(sp.Symbol("sigma")) + sp.Rational(1, 2))
    '\\log{\\left(\\sigma \\right)} + \\frac{1}{2}'
    """
    if isinstance(obj, Derivation):
        return derivation_latex(obj)
    return math(to_sympy(obj, "what to_latex prints"), **settings)


# --- notes per step type ----------------------------------------------------------------------


@functools.singledispatch
def short_note(step: Step) -> str:
    """The short justification shown beside a step, as plain text (dispatched on step type)."""
    return step.justification()


@short_note.register
def _(step: Definition) -> str:
    return "definition of " + step.name.split(" (")[0]


@short_note.register
def _(step: Substitute) -> str:
    return f"substitute {step.what}"


@short_note.register
def _(step: KnownMoments) -> str:
    return "known moments"


@short_note.register
def _(step: KnownValues) -> str:
    return step.what


@short_note.register
def _(step: Identity) -> str:
    return step.name


@short_note.register
def _(step: ClosedFormRule) -> str:
    return "closed-form rule" + (f" for {step.family}" if step.family else "")


@short_note.register
def _(step: Simplify) -> str:
    return "simplify"


@short_note.register
def _(step: CouldNotDo) -> str:
    return f"could not do this: {step.reason}"


@short_note.register
def _(step: Infinite) -> str:
    return step.reason


def step_note(step: Step) -> str:
    r"""The note beside a step in LaTeX: ``\text{...}`` of :func:`short_note`, escaped.

    >>> from symbinfo.derivation.steps import Substitute
    >>> step_note(Substitute(sp.S.One, what="p & q"))
    '\\text{substitute p \\& q}'
    """
    return rf"\text{{{escape_text(short_note(step))}}}"


def _mathjax_note(step: Step) -> str:
    # MathJax shows \text{...} verbatim (no \& or \S there); only braces need care
    text = short_note(step).replace("{", "(").replace("}", ")").replace("\\", "/")
    return rf"\text{{{text}}}"


def step_detail(step: Step) -> str:
    """The full justification with its source and how it was checked, as LaTeX text."""
    text = escape_text(step.justification())
    if isinstance(step, KnownValues):
        facts = ", ".join(_fit(f"{math(m)} = {math(v)}", inline=True) for m, v in step.values)
        text = f"{escape_text(step.what)}: {facts}" + (f" ({escape_text(step.how)})"
                                                       if step.how else "")
    if isinstance(step, KnownMoments):
        facts = ", ".join(_fit(f"{math(m)} = {math(v)}", inline=True) for m, v in step.moments)
        text = f"known moments {facts}" + (f" ({escape_text(step.source)})"
                                           if step.source else "")
    check = step.check.describe() if step.check and step.check.method != "start" else ""
    return f"{text}. {escape_text(check.capitalize())}." if check else f"{text}."


# --- derivations ------------------------------------------------------------------------------


def _lines(d: Derivation, numbered: bool, mathjax: bool = False) -> list[str]:
    """One ``align*`` line per step. ``numbered`` (standalone documents): only the step's number
    beside it (its note is listed below) and each expression in ``\\fitmath`` (scaled down to the
    line when it is wider), so that no line runs past the margin."""
    lines = []
    for i, step in enumerate(d.steps, start=1):
        note = rf"\text{{({i})}}" if numbered else (
            _mathjax_note(step) if mathjax else step_note(step))
        if isinstance(step, NumericCheck):
            lines.append(rf"&\phantom{{=}}\ \text{{(numeric check)}} && {note}")
            continue
        lhs = math(d.lhs) if i == 1 else ""
        expr = math(step.expr)
        lines.append(rf"{lhs} &= {_fit(expr) if numbered else expr} && {note}")
    return lines


def _fit(tex: str, inline: bool = False) -> str:
    return rf"\fitmath{{{tex}}}" if not inline else rf"\fitinline{{{tex}}}"


#: standalone preamble: only packages of every TeX installation (graphicx for the scaling);
#: \fitmath scales a display wider than the text column (minus the lhs and the step number)
#: down to it, \fitinline an inline formula in a note
_PREAMBLE = r"""\documentclass{article}
\usepackage[a4paper,margin=1.8cm]{geometry}
\usepackage{amsmath,amssymb,graphicx}
\allowdisplaybreaks
\newsavebox{\symbinfobox}
\newlength{\symbinfowidth}
\newcommand{\fitmath}[1]{\sbox{\symbinfobox}{$\displaystyle #1$}%
  \setlength{\symbinfowidth}{0.72\linewidth}%
  \ifdim\wd\symbinfobox>\symbinfowidth\resizebox{\symbinfowidth}{!}{\usebox{\symbinfobox}}%
  \else\usebox{\symbinfobox}\fi}
\newcommand{\fitinline}[1]{\sbox{\symbinfobox}{$#1$}%
  \setlength{\symbinfowidth}{0.9\linewidth}%
  \ifdim\wd\symbinfobox>\symbinfowidth\resizebox{\symbinfowidth}{!}{\usebox{\symbinfobox}}%
  \else\usebox{\symbinfobox}\fi}
"""


def derivation_latex(d: Derivation, numbered: bool = False) -> str:
    r"""The derivation as an ``align*`` environment: ``&=`` per step, justification beside it.

    >>> import sympy as sp
    >>> from symbinfo.derivation.steps import Derivation, Definition, ExpandLog
    >>> x = sp.Symbol("x", positive=True)
    >>> print(derivation_latex(Derivation.build(sp.Symbol("y"), [
    ...     Definition(sp.log(x**2), "y"), ExpandLog(2 * sp.log(x))])))
    \begin{align*}
    y &= \log{\left(x^{2} \right)} && \text{definition of y} \\
     &= 2 \log{\left(x \right)} && \text{expand the logarithms}
    \end{align*}
    """
    body = " \\\\\n".join(_lines(d, numbered))
    return f"\\begin{{align*}}\n{body}\n\\end{{align*}}"


def jupyter_latex(d: Derivation) -> str:
    """The derivation for Jupyter/MathJax: ``$$\\begin{aligned}...\\end{aligned}$$``."""
    body = " \\\\\n".join(_lines(d, numbered=False, mathjax=True))
    return f"$$\\begin{{aligned}}\n{body}\n\\end{{aligned}}$$"


def derivation_text(d: Derivation) -> str:
    """The derivation as plain text: one line per step, ``= expression    [why]``."""
    show = TextbookStrPrinter().doprint
    lines = [show(d.lhs)]
    for step in d.steps:
        why = step.justification()
        if step.check is not None and step.check.method == OVER_BUDGET:
            why += f"; {step.check.describe()}"
        lines.append(f"  = {show(step.expr)}    [{why}]")
    return "\n".join(lines)


def _notes(d: Derivation) -> str:
    items = "\n".join(rf"  \item {step_detail(s)}" for s in d.steps)
    return f"\\begin{{enumerate}}\\small\\sloppy\n{items}\n\\end{{enumerate}}"


def standalone(derivations: Derivation | Sequence[Derivation] | Iterable[Derivation],
               title: str = "symbinfo derivations") -> str:
    r"""A complete LaTeX document (``article``, ``amsmath``, ``amssymb``) with a title, each
    derivation as a section: the ``align*`` steps numbered, then the numbered notes (full
    justification, source, check).

    >>> import sympy as sp
    >>> from symbinfo.derivation.steps import Derivation, Definition
    >>> doc = standalone(Derivation.build(sp.Symbol("y"), [Definition(sp.Integer(1), "y")]))
    >>> doc.splitlines()[0], "\\usepackage{amsmath,amssymb,graphicx}" in doc, doc.rstrip()[-14:]
    ('\\documentclass{article}', True, '\\end{document}')
    """
    if isinstance(derivations, Derivation):
        derivations = [derivations]
    if isinstance(derivations, (str, bytes)) or not isinstance(derivations, Iterable):
        raise UnsupportedInputError(
            f"standalone needs derivations, not {type(derivations).__name__}")
    derivations = list(derivations)
    if not all(isinstance(d, Derivation) for d in derivations):
        raise UnsupportedInputError("standalone needs Derivation objects (see symbinfo.derive)")
    if not isinstance(title, str):
        raise UnsupportedInputError(f"the title must be a string, not {type(title).__name__}")
    sections = []
    for d in derivations:
        heading = f"{escape_text(d.title)} ${math(d.lhs)}$" if d.title else f"${math(d.lhs)}$"
        sections.append(
            f"\\section*{{{heading}}}\n{derivation_latex(d, numbered=True)}\n"
            f"\\noindent Notes, sources and checks:\n{_notes(d)}\n"
        )
    return (
        _PREAMBLE
        + f"\\title{{{escape_text(title)}}}\n"
        "\\author{symbinfo}\n\\date{}\n"
        "\\begin{document}\n\\maketitle\n"
        + "\n".join(sections)
        + "\\end{document}\n"
    )


PRESENTERS.update(latex=derivation_latex, jupyter=jupyter_latex, text=derivation_text,
                  document=lambda d, title: standalone(d, title=title))
