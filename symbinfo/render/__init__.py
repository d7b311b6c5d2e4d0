"""Rendering: LaTeX (inline, ``align*`` derivations, standalone documents), Markdown and Jupyter.

>>> import sympy as sp
>>> to_markdown(sp.Symbol("x"))
'$$x$$'
"""

from .latex import derivation_latex, escape_text, short_note, standalone, step_note, to_latex
from .markdown import derivation_markdown, step_text, to_markdown

__all__ = [
    "derivation_latex", "derivation_markdown", "escape_text", "short_note", "standalone",
    "step_note", "step_text", "to_latex", "to_markdown",
]
