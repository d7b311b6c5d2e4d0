"""The one safe way to turn a user's string into SymPy.

Nothing here calls ``eval``, ``exec``, ``sympify`` or ``parse_expr`` on the input: SymPy
syntax is read by walking Python's AST against a whitelist, LaTeX by a small tokenizer and
recursive-descent grammar of our own, and distribution strings by the first of these against a
whitelist of sympy.stats families.  Every failure is a :class:`symbinfo.errors.ParseError`.
"""

from .distribution import FAMILIES, parse_distribution
from .expression import parse_expression
from .latex import parse_latex

__all__ = ["FAMILIES", "parse_distribution", "parse_expression", "parse_latex"]
