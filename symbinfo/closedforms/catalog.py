"""The table of supported families, generated from the rule registry so the docs cannot drift.

Each registered entropy rule is applied to its family with symbolic parameters (symbols named
as the family record's parameters, carrying the assumptions of the declared domain), and
rendered with its source and conditions. Families without a rule are listed with the reason.

>>> rows = supported_table()
>>> row = next(r for r in rows if r.family == "Exponential")
>>> row.latex
'1 - \\\\log{\\\\left(rate \\\\right)}'
>>> print(markdown_table(rows[:1]).splitlines()[0])
| family | closed form (nats) | source | conditions |
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from sympy.stats.crv import SingleContinuousDistribution
from sympy.stats.joint_rv_types import (
    MultinomialDistribution,
    MultivariateBetaDistribution,
    MultivariateNormalDistribution,
    MultivariateTDistribution,
)
from sympy.stats.matrix_distributions import (
    MatrixGammaDistribution,
    MatrixNormalDistribution,
    WishartDistribution,
)

from ..distributions.families import family_of
from . import ENTROPY
from .entropy_continuous import NO_CLOSED_FORM as CONTINUOUS_GAPS
from .entropy_discrete import NO_CLOSED_FORM as DISCRETE_GAPS


@dataclass(frozen=True)
class CatalogRow:
    family: str
    kind: str  # "continuous" or "discrete"
    closed_form: sp.Expr | None
    latex: str
    source: str
    conditions: str


def _mvn() -> MultivariateNormalDistribution:
    s1, s2 = sp.symbols("sigma_1 sigma_2", positive=True)
    rho = sp.Symbol("rho", real=True)
    cov = sp.Matrix([[s1**2, rho * s1 * s2], [rho * s1 * s2, s2**2]])
    return MultivariateNormalDistribution(sp.Matrix(sp.symbols("mu_1 mu_2", real=True)), cov)


# Families whose parameters are vectors/matrices: a small symbolic member to show in the table
MULTIVARIATE_INSTANCES = {
    MultivariateNormalDistribution: _mvn,
    MultivariateBetaDistribution: lambda: MultivariateBetaDistribution(
        list(sp.symbols("alpha_1:4", positive=True))
    ),
    MultivariateTDistribution: lambda: MultivariateTDistribution(
        _mvn().args[0], _mvn().args[1], sp.Symbol("nu", positive=True)
    ),
    WishartDistribution: lambda: WishartDistribution(sp.Symbol("n", positive=True),
                                                     _diagonal_scale()),
    MatrixGammaDistribution: lambda: MatrixGammaDistribution(
        *sp.symbols("alpha beta", positive=True), _diagonal_scale()),
    MatrixNormalDistribution: lambda: MatrixNormalDistribution(
        sp.Matrix(sp.symbols("m_1:3", real=True)), _diagonal_scale(),
        sp.Matrix([[sp.Symbol("v", positive=True)]])),
    MultinomialDistribution: lambda: MultinomialDistribution(
        sp.Symbol("n", positive=True, integer=True),
        [*_probabilities(), 1 - sum(_probabilities())]),
}


def _diagonal_scale() -> sp.Matrix:
    return sp.diag(*sp.symbols("sigma_1:3", positive=True))


def _probabilities() -> tuple:
    return sp.symbols("p_1:3", positive=True)


def symbolic_instance(cls: type):
    """``cls`` with one symbol per parameter, assumptions taken from the declared domain.

    >>> from sympy.stats.crv_types import GammaDistribution
    >>> symbolic_instance(GammaDistribution)
    GammaDistribution(k, theta)
    """
    if cls in MULTIVARIATE_INSTANCES:
        return MULTIVARIATE_INSTANCES[cls]()
    record = family_of(cls)
    flags = dict(record.flags)  # e.g. Gumbel's minimum: the maximum form (same entropy)
    args = []
    for name in record.params:
        if name in flags:
            args.append(flags[name])
        elif name in record.integer:
            args.append(sp.Symbol(name, positive=True, integer=True))
        elif name in record.real:
            args.append(sp.Symbol(name, real=True))
        else:
            args.append(sp.Symbol(name, positive=True))
    return cls(*args)


def supported_table() -> list[CatalogRow]:
    """One row per registered entropy rule, then one per family without a closed form."""
    rows = []
    for rule in ENTROPY:
        cls = rule.key[0]
        kind = ("multivariate" if cls in MULTIVARIATE_INSTANCES else
                "continuous" if issubclass(cls, SingleContinuousDistribution) else "discrete")
        value = rule.func(symbolic_instance(cls))
        rows.append(
            CatalogRow(rule.family, kind, value, sp.latex(value), rule.source, rule.conditions)
        )
    for gaps, kind in ((CONTINUOUS_GAPS, "continuous"), (DISCRETE_GAPS, "discrete")):
        for family, why in sorted(gaps.items()):
            rows.append(CatalogRow(family, kind, None, "", "no closed form", why))
    return rows


def markdown_table(rows: list[CatalogRow] | None = None) -> str:
    """The docs table (Markdown) of ``rows`` (default: :func:`supported_table`)."""
    rows = supported_table() if rows is None else rows
    lines = ["| family | closed form (nats) | source | conditions |", "| --- | --- | --- | --- |"]
    for r in rows:
        form = f"${r.latex}$" if r.latex else "honest unevaluated Integral/Sum"
        lines.append(f"| {r.family} | {form} | {r.source} | {r.conditions} |")
    return "\n".join(lines)
