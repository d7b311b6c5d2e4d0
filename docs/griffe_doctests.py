"""Griffe extension: docstrings as Markdown for mkdocstrings.

- Docstring examples (``>>>`` blocks) become fenced Python console code: the docstrings are plain
  text with doctest examples, not Markdown; without fencing, doctest output such as
  ``[(1, 'H(Y|X)')]`` would be read as Markdown links.
- Sphinx roles (``:func:`~symbinfo.verify.check```, ``:class:`Verification```) become inline code
  (``check()``, ``Verification``) instead of appearing literally: the docstrings keep the roles
  Sphinx and IDEs understand, the site shows what they mean. (Inline code, not cross-references:
  a reference to an object the site does not render would fail the strict build.)
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(func|meth|class|mod|data|attr|exc|obj|const|ref):`([^`]+)`")


def _role_text(match: re.Match) -> str:
    kind, target = match.group(1), match.group(2).strip()
    titled = re.fullmatch(r"(.+?)\s*<([^>]+)>", target)
    if titled:
        shown = titled.group(1)
    elif target.startswith("~"):
        shown = target[1:].rsplit(".", 1)[-1]
    else:
        shown = target
    if kind in ("func", "meth") and not shown.endswith(")"):
        shown += "()"
    return f"`{shown}`"


def plain_roles(text: str) -> str:
    """Sphinx roles as inline code, outside fenced code blocks.

    >>> plain_roles("See :func:`~symbinfo.verify.check` and :class:`Verification`.")
    'See `check()` and `Verification`.'
    >>> plain_roles(":mod:`the gate <symbinfo.parsing.gate>`")
    '`the gate`'
    """
    out, fenced = [], False
    for line in text.splitlines(keepends=True):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        out.append(line if fenced else _ROLE.sub(_role_text, line))
    return "".join(out)


def fence_doctests(text: str) -> str:
    r"""Wrap each run of ``>>>``/``...`` lines and their output in a ```` ```pycon ```` fence.

    >>> fence_doctests("Example:\n\n" + ">" * 3 + " 1 + 1\n2\n\nAfter.").splitlines()
    ['Example:', '', '```pycon', '>>> 1 + 1', '2', '```', '', 'After.']
    """
    out: list[str] = []
    in_block = False
    for line in text.splitlines():
        stripped = line.strip()
        if not in_block and stripped.startswith(">>>"):
            out.append("```pycon")
            in_block = True
        elif in_block and not stripped:
            out.append("```")
            in_block = False
        out.append(line)
    if in_block:
        out.append("```")
    return "\n".join(out)


class FenceDoctests(griffe.Extension):
    """Fence the examples and plain the Sphinx roles of every docstring griffe loads."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = plain_roles(fence_doctests(obj.docstring.value))
