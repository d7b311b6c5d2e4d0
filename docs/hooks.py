"""MkDocs hook: fill generated sections at build time so the site cannot drift from the code.

Placeholders (HTML comments on their own line) replaced in every page:
``<!-- symbinfo:families -->`` the rule-registry tables, ``<!-- symbinfo:cli -->`` the real
``--help`` of every subcommand, ``<!-- symbinfo:gallery -->`` a section per gallery notebook,
``<!-- symbinfo:api-more -->`` the reference of the optional subsystems this checkout has,
``<!-- symbinfo:checker-examples -->`` and ``<!-- symbinfo:export-examples -->`` the gallery
page's ``check`` verdicts and exported code, run at build time.
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


def _checker_targets() -> dict[str, object]:
    import sympy as sp
    from sympy.stats import Bernoulli, Die, Normal

    import symbinfo as si

    mu, mu1, mu2 = sp.symbols("mu mu1 mu2", real=True)
    s, s1, s2, p, q = sp.symbols("sigma sigma1 sigma2 p q", positive=True)
    return {
        "Entropy(Die('X', 6), base=2)": si.Entropy(Die("X", 6), base=2),
        "Entropy(Normal('X', mu, sigma))": si.Entropy(Normal("X", mu, s)),
        "KLDivergence(Normal('P', mu1, sigma1), Normal('Q', mu2, sigma2))":
            si.KLDivergence(Normal("P", mu1, s1), Normal("Q", mu2, s2)),
        "KLDivergence(Bernoulli('P', p), Bernoulli('Q', q))":
            si.KLDivergence(Bernoulli("P", p), Bernoulli("Q", q)),
    }


#: (answer, target) pairs shown on the gallery page, with their verdicts
CHECKER_EXAMPLES = [
    ("2.585", "Entropy(Die('X', 6), base=2)"),
    (r"h(X) = \frac12\ln(2\pi e\sigma^2)", "Entropy(Normal('X', mu, sigma))"),
    (r"\log\frac{\sigma_1}{\sigma_2} + \frac{\sigma_1^2 + (\mu_1-\mu_2)^2}{2\sigma_2^2}"
     r" - \frac12", "KLDivergence(Normal('P', mu1, sigma1), Normal('Q', mu2, sigma2))"),
    (r"\log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1 + (\mu_1-\mu_2)^2}{\sigma_2^2} - \frac12",
     "KLDivergence(Normal('P', mu1, sigma1), Normal('Q', mu2, sigma2))"),
    (r"q\log\frac{q}{p} + (1-q)\log\frac{1-q}{1-p}",
     "KLDivergence(Bernoulli('P', p), Bernoulli('Q', q))"),
]


def _checker_examples() -> str:
    import symbinfo as si

    targets = _checker_targets()
    parts = []
    for answer, target in CHECKER_EXAMPLES:
        result = si.check(answer, targets[target])
        lines = [result.claim_str() + ": " + result.evidence()]
        lines += [f"  diagnosis: {d}: {result.details.get(d, '')}" for d in result.diagnosis]
        parts.append(f"```pycon\n>>> si.check(r\"{answer}\", {target})\n"
                     + "\n".join(lines) + "\n```\n")
    return "\n".join(parts)


def _export_examples() -> str:
    import sympy as sp
    from sympy.stats import Bernoulli

    import symbinfo as si

    x, y = sp.Symbol("x", real=True), sp.Symbol("y", positive=True)
    bce = si.cross_entropy(Bernoulli("P", y), Bernoulli("Q", 1 / (1 + sp.exp(-x))))
    source = si.to_source(bce, [x, y], backend="torch", name="bce_with_logits")
    return f"```python\n{source}```\n"


GENERATORS = {"families": _families, "cli": _cli, "gallery": _gallery, "api-more": _api_more,
              "checker-examples": _checker_examples, "export-examples": _export_examples}


def on_page_markdown(markdown: str, **kwargs: object) -> str:
    for key, make in GENERATORS.items():
        marker = f"<!-- symbinfo:{key} -->"
        if marker in markdown:
            markdown = markdown.replace(marker, make())
    return markdown
