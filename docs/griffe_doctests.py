"""Griffe extension: show docstring examples (``>>>`` blocks) as fenced Python console code.

The docstrings are plain text with doctest examples, not Markdown; without fencing, doctest
output such as ``[(1, 'H(Y|X)')]`` would be read as Markdown links.
"""

from __future__ import annotations

from typing import Any

import griffe


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
    """Fence the examples of every object's docstring when griffe loads it."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(obj.docstring.value)
