r"""Markdown output with ``$$`` display math (Jupyter, GitHub, MkDocs with MathJax/KaTeX).

Each step is one ``$$ ... $$`` block followed by its justification, its source and how it was
checked, in italics; renderers dispatch on the step type through
:func:`symbinfo.render.latex.step_note` and :func:`step_text`.

>>> import sympy as sp
>>> from symbinfo.derivation.steps import Derivation, Definition, ExpandLog
>>> x = sp.Symbol("x", positive=True)
>>> d = Derivation.build(sp.Symbol("y"), [Definition(sp.log(x**2), "y"),
...                                       ExpandLog(2 * sp.log(x))], title="demo")
>>> print(derivation_markdown(d))
**demo** $y$
<BLANKLINE>
$$y = \log{\left(x^{2} \right)}$$
<BLANKLINE>
*definition of y.*
<BLANKLINE>
$$= 2 \log{\left(x \right)}$$
<BLANKLINE>
*expand the logarithms — checked symbolically.*
"""

from __future__ import annotations

import functools

from ..derivation.steps import (
    PRESENTERS,
    Derivation,
    KnownMoments,
    KnownValues,
    NumericCheck,
    Step,
)
from ..parsing.gate import to_sympy
from .latex import math


@functools.singledispatch
def step_text(step: Step) -> str:
    """The justification of one step as Markdown (math in ``$...$``)."""
    return step.justification()


@step_text.register
def _(step: KnownMoments) -> str:
    facts = ", ".join(f"${math(m)} = {math(v)}$" for m, v in step.moments)
    return f"known moments {facts}" + (f" ({step.source})" if step.source else "")


@step_text.register
def _(step: KnownValues) -> str:
    facts = ", ".join(f"${math(m)} = {math(v)}$" for m, v in step.values)
    return f"{step.what}: {facts}" + (f" ({step.how})" if step.how else "")


def _escape(text: str) -> str:
    # asterisks and underscores outside math would toggle emphasis
    parts = text.split("$")
    for i in range(0, len(parts), 2):
        parts[i] = parts[i].replace("*", r"\*").replace("_", r"\_")
    return "$".join(parts)


def derivation_markdown(d: Derivation) -> str:
    """The derivation as Markdown: a bold title, then one ``$$`` block per step, each followed
    by its justification and check in italics."""
    out = [f"**{_escape(d.title)}** ${math(d.lhs)}$" if d.title else f"${math(d.lhs)}$"]
    for i, step in enumerate(d.steps):
        check = step.check.describe() if step.check and step.check.method != "start" else ""
        note = _escape(step_text(step)) + (f" — {check}" if check else "")
        if isinstance(step, NumericCheck):
            out.append(f"*{note}.*")
            continue
        lhs = f"{math(d.lhs)} " if i == 0 else ""
        out.append(f"$${lhs}= {math(step.expr)}$$")
        out.append(f"*{note}.*")
    return "\n\n".join(out)


def to_markdown(obj: object) -> str:
    """Markdown for a derivation, or ``$$...$$`` around any SymPy expression.

    >>> import sympy as sp
    >>> to_markdown(sp.Rational(1, 2))
    '$$\\\\frac{1}{2}$$'
    """
    if isinstance(obj, Derivation):
        return derivation_markdown(obj)
    return f"$${math(to_sympy(obj, 'what to_markdown prints'))}$$"


PRESENTERS.update(markdown=derivation_markdown)
