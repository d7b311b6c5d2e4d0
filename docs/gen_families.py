"""Generate the supported-families tables from the closed-form rule registries.

Run by the MkDocs hook (``docs/hooks.py``) at every build, so the table cannot drift from the
code; ``python docs/gen_families.py`` prints it. Each rule is applied to symbolic parameters to
show its closed form; a rule that needs more than bare symbols (matrices, declining on generic
parameters) is listed by name.
"""

from __future__ import annotations

import sympy as sp

#: Nicer parameter names for sympy.stats ``_argnames`` (the formulas read like a textbook's).
PRETTY = {"mean": "mu", "std": "sigma", "rate": "lambda", "scale": "theta", "shape": "k",
          "alpha": "alpha", "beta": "beta", "mu": "mu", "s": "s", "b": "b", "lamda": "lambda",
          "sigma": "sigma", "left": "a", "right": "b", "k": "k", "theta": "theta",
          "sides": "n"}


def _assumptions(family: str, argnames: tuple[str, ...]) -> list[dict[str, bool]]:
    """Assumptions per parameter from the parser's declared roles (real/positive/count)."""
    try:
        from symbinfo.parsing.distribution import FAMILIES, ROLE_ASSUMPTIONS
    except ImportError:  # before the parser exists: positive parameters are the common case
        return [{"positive": True} for _ in argnames]
    entry = FAMILIES.get(family)
    if entry is None or len(entry[1]) < len(argnames):
        return [{"positive": True} for _ in argnames]
    return [dict(ROLE_ASSUMPTIONS[role]) for role in entry[1][: len(argnames)]]


def _instance(cls: type, suffix: str = "") -> sp.Basic | None:
    """``cls`` with symbolic parameters, or ``None`` when bare symbols cannot instantiate it."""
    argnames = tuple(getattr(cls, "_argnames", ()))
    if not argnames:
        return None
    family = cls.__name__.removesuffix("Distribution")
    syms = [sp.Symbol(PRETTY.get(a, a) + suffix, **facts)
            for a, facts in zip(argnames, _assumptions(family, argnames), strict=True)]
    try:
        return cls(*syms)
    except Exception:  # matrix-valued or constrained parameters: list the rule by name only
        return None


def closed_form(rule: object) -> str | None:
    """LaTeX of ``rule`` applied to symbolic parameters, or ``None``."""
    suffixes = [""] if len(rule.key) == 1 else ["_1", "_2"]
    dists = [_instance(cls, sfx) for cls, sfx in zip(rule.key, suffixes, strict=True)]
    if any(d is None for d in dists):
        return None
    try:
        value = rule.func(*dists)
    except Exception:
        return None
    if value is None:
        return None
    # the package's own printer and simplifier: ψ, ln Γ, B(α, β), as results print
    from symbinfo.derivation.simplify import tidy
    from symbinfo.render import to_latex

    return to_latex(tidy(value))


def _cell(text: str) -> str:
    # brackets would be read as Markdown reference links ("[I: PyTorch]")
    return (text.replace("|", r"\|").replace("[", r"\[").replace("]", r"\]")
            .replace("\n", " "))


def table(registry: object, *, formulas: bool = True) -> str:
    """One registry as a Markdown table: family, closed form, source, conditions."""
    rows = ["| Family | Closed form (nats) | Source | Conditions |", "|---|---|---|---|"]
    for rule in registry:
        form = closed_form(rule) if formulas else None
        shown = f"${_cell(form)}$" if form else f"`{rule.name}`"
        rows.append(f"| {_cell(rule.family)} | {shown} | {_cell(rule.source)} | "
                    f"{_cell(rule.conditions) or '—'} |")
    if len(rows) == 2:
        rows.append("| *(no rules registered yet)* | | | |")
    return "\n".join(rows)


def families_markdown(formulas: bool = True) -> str:
    """All registries, one section each."""
    from symbinfo.closedforms import CROSS_ENTROPY, ENTROPY, KL_DIVERGENCE

    parts = []
    for title, registry in (("Entropy and differential entropy", ENTROPY),
                            ("KL divergence", KL_DIVERGENCE), ("Cross-entropy", CROSS_ENTROPY)):
        parts.append(f"## {title}\n\n{len(registry)} closed-form rules.\n\n"
                     f"{table(registry, formulas=formulas)}\n")
    return "\n".join(parts)


if __name__ == "__main__":
    print(families_markdown())
