"""MkDocs hook: fill generated sections at build time so the site cannot drift from the code.

Placeholders (HTML comments on their own line) replaced in every page:
``<!-- symbinfo:families -->`` the rule-registry tables, ``<!-- symbinfo:cli -->`` the real
``--help`` of every subcommand, ``<!-- symbinfo:gallery -->`` a section per gallery notebook,
``<!-- symbinfo:api-more -->`` the reference of the optional subsystems this checkout has.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = Path(__file__).resolve().parent


def _families() -> str:
    sys.path.insert(0, str(DOCS))
    try:
        from gen_families import families_markdown
    finally:
        sys.path.remove(str(DOCS))
    return families_markdown()


def _cli() -> str:
    from symbinfo.cli import build_parser

    parser = build_parser()
    parts = ["```text", parser.format_help().rstrip(), "```"]
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, p in sub.choices.items():
        parts += [f"\n### `symbinfo {name}`\n", "```text", p.format_help().rstrip(), "```"]
    return "\n".join(parts)


def _gallery() -> str:
    parts = []
    for path in sorted((ROOT / "derivations").glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        md = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
        title = md[0].lstrip("# ").strip()
        intro = md[1] if len(md) > 1 else ""
        claims = next(("".join(c["source"]) for c in reversed(nb["cells"])
                       if c["cell_type"] == "code" and "claims = {" in "".join(c["source"])), "")
        names = [ln.strip().split('":')[0].strip('"') for ln in claims.splitlines()
                 if ln.strip().startswith('"') and '":' in ln]
        parts.append(f"### {title}\n\n`derivations/{path.name}`\n\n{intro}\n")
        if names:
            parts.append("Verified at the end of the notebook:\n\n" +
                         "\n".join(f"- {n}" for n in names) + "\n")
    return "\n".join(parts)


#: Reference sections for subsystems that may be absent from a checkout: (title, module).
OPTIONAL_API = [
    ("Verification, checking and the identity catalog", "symbinfo.verify"),
    ("Step-by-step derivations", "symbinfo.derivation.derivation"),
    ("Rendering", "symbinfo.render"),
]


def _api_more() -> str:
    import importlib.util

    parts = []
    for title, module in OPTIONAL_API:
        if importlib.util.find_spec(module) is not None:
            parts.append(f"## {title}\n\n::: {module}\n")
    return "\n".join(parts)


GENERATORS = {"families": _families, "cli": _cli, "gallery": _gallery, "api-more": _api_more}


def on_page_markdown(markdown: str, **kwargs: object) -> str:
    for key, make in GENERATORS.items():
        marker = f"<!-- symbinfo:{key} -->"
        if marker in markdown:
            markdown = markdown.replace(marker, make())
    return markdown
