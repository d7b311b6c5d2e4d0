"""Distribution strings such as ``"Normal(mu, sigma)"`` -> a sympy.stats random variable.

The family must be one of :data:`FAMILIES`; arguments are read as by :func:`parse_expression`.
What each argument *is* (a location, a scale, a probability, a count...) is declared once, in
:data:`FAMILIES`, and the assumptions a bare symbol receives follow from that role through
:data:`ROLE_ASSUMPTIONS` — no per-family branching.
"""

from __future__ import annotations

import ast
import difflib
from collections.abc import Mapping

import sympy as sp
import sympy.stats as stats
from sympy.core.assumptions import _assume_defined
from sympy.core.facts import InconsistentAssumptions

from ..errors import ParseError, UnsupportedInputError
from ._common import (
    CONSTANTS,
    check_bracket_depth,
    check_size,
    check_symbols,
    constant_name_message,
)
from .expression import convert_node, python_source, user_name

#: Assumptions given to a bare symbol in each role.  A probability can only be declared
#: positive: SymPy has no assumption for 0 < p < 1 (sympy.stats still checks p <= 1 when it can).
ROLE_ASSUMPTIONS: dict[str, dict[str, bool]] = {
    "real": {"real": True},  # locations and interval ends
    "positive": {"positive": True},  # scales, rates, shapes
    "probability": {"positive": True},
    "count": {"integer": True, "positive": True},  # sides of a die, trials, population sizes
}

L, POS, PROB, CNT = "real", "positive", "probability", "count"

#: family name -> (sympy.stats constructor, role of each positional argument, how many of the
#: trailing arguments are optional).  The roles follow sympy.stats' own parameterisations.
FAMILIES: dict[str, tuple[object, tuple[str, ...], int]] = {
    # continuous
    "Arcsin": (stats.Arcsin, (L, L), 2),
    "Benini": (stats.Benini, (POS, POS, POS), 0),
    "Beta": (stats.Beta, (POS, POS), 0),
    "BetaNoncentral": (stats.BetaNoncentral, (POS, POS, POS), 0),
    "BetaPrime": (stats.BetaPrime, (POS, POS), 0),
    "BoundedPareto": (stats.BoundedPareto, (POS, POS, POS), 0),
    "Cauchy": (stats.Cauchy, (L, POS), 0),
    "Chi": (stats.Chi, (POS,), 0),
    "ChiNoncentral": (stats.ChiNoncentral, (POS, POS), 0),
    "ChiSquared": (stats.ChiSquared, (POS,), 0),
    "Dagum": (stats.Dagum, (POS, POS, POS), 0),
    "Davis": (stats.Davis, (POS, POS, POS), 0),
    "Erlang": (stats.Erlang, (CNT, POS), 0),
    "ExGaussian": (stats.ExGaussian, (L, POS, POS), 0),
    "Exponential": (stats.Exponential, (POS,), 0),
    "ExponentialPower": (stats.ExponentialPower, (L, POS, POS), 0),
    "FDistribution": (stats.FDistribution, (POS, POS), 0),
    "FisherZ": (stats.FisherZ, (POS, POS), 0),
    "Frechet": (stats.Frechet, (POS, POS, L), 2),
    "Gamma": (stats.Gamma, (POS, POS), 0),
    "GammaInverse": (stats.GammaInverse, (POS, POS), 0),
    "Gompertz": (stats.Gompertz, (POS, POS), 0),
    "Gumbel": (stats.Gumbel, (POS, L), 0),
    "Kumaraswamy": (stats.Kumaraswamy, (POS, POS), 0),
    "Laplace": (stats.Laplace, (L, POS), 0),
    "Levy": (stats.Levy, (L, POS), 0),
    "LogCauchy": (stats.LogCauchy, (L, POS), 0),
    "Logistic": (stats.Logistic, (L, POS), 0),
    "LogLogistic": (stats.LogLogistic, (POS, POS), 0),
    "LogitNormal": (stats.LogitNormal, (L, POS), 0),
    "LogNormal": (stats.LogNormal, (L, POS), 0),
    "Lomax": (stats.Lomax, (POS, POS), 0),
    "Maxwell": (stats.Maxwell, (POS,), 0),
    "Moyal": (stats.Moyal, (L, POS), 0),
    "Nakagami": (stats.Nakagami, (POS, POS), 0),
    "Normal": (stats.Normal, (L, POS), 0),
    "GaussianInverse": (stats.GaussianInverse, (POS, POS), 0),
    "Pareto": (stats.Pareto, (POS, POS), 0),
    "PowerFunction": (stats.PowerFunction, (POS, L, L), 0),
    "QuadraticU": (stats.QuadraticU, (L, L), 0),
    "RaisedCosine": (stats.RaisedCosine, (L, POS), 0),
    "Rayleigh": (stats.Rayleigh, (POS,), 0),
    "Reciprocal": (stats.Reciprocal, (POS, POS), 0),
    "StudentT": (stats.StudentT, (POS,), 0),
    "ShiftedGompertz": (stats.ShiftedGompertz, (POS, POS), 0),
    "Trapezoidal": (stats.Trapezoidal, (L, L, L, L), 0),
    "Triangular": (stats.Triangular, (L, L, L), 0),
    "Uniform": (stats.Uniform, (L, L), 0),
    "UniformSum": (stats.UniformSum, (CNT,), 0),
    "VonMises": (stats.VonMises, (L, POS), 0),
    "Wald": (stats.Wald, (POS, POS), 0),
    "Weibull": (stats.Weibull, (POS, POS), 0),
    "WignerSemicircle": (stats.WignerSemicircle, (POS,), 0),
    # discrete (infinite support)
    "FlorySchulz": (stats.FlorySchulz, (PROB,), 0),
    "Geometric": (stats.Geometric, (PROB,), 0),
    "Hermite": (stats.Hermite, (POS, POS), 0),
    "Logarithmic": (stats.Logarithmic, (PROB,), 0),
    "NegativeBinomial": (stats.NegativeBinomial, (POS, PROB), 0),
    "Poisson": (stats.Poisson, (POS,), 0),
    "Skellam": (stats.Skellam, (POS, POS), 0),
    "YuleSimon": (stats.YuleSimon, (POS,), 0),
    "Zeta": (stats.Zeta, (POS,), 0),
    # finite
    "Bernoulli": (stats.Bernoulli, (PROB,), 0),
    "Binomial": (stats.Binomial, (CNT, PROB), 0),
    "BetaBinomial": (stats.BetaBinomial, (CNT, POS, POS), 0),
    "Coin": (stats.Coin, (PROB,), 1),
    "Die": (stats.Die, (CNT,), 1),
    "Hypergeometric": (stats.Hypergeometric, (CNT, CNT, CNT), 0),
    "Rademacher": (stats.Rademacher, (), 0),
    "IdealSoliton": (stats.IdealSoliton, (CNT,), 0),
    "RobustSoliton": (stats.RobustSoliton, (CNT, PROB, POS), 0),
}


def _check_assumptions(assumptions: object) -> dict[str, dict[str, bool]]:
    """``assumptions`` as {identifier: {SymPy assumption name: bool}}, or a refusal."""
    if assumptions is None:
        return {}
    if not isinstance(assumptions, Mapping):
        raise UnsupportedInputError(
            f"assumptions must be a mapping, not {type(assumptions).__name__}")
    out = {}
    for nm, assume in assumptions.items():
        if not isinstance(nm, str) or not nm.isidentifier():
            raise UnsupportedInputError(f"assumptions keys must be names, not {nm!r:.60}")
        if nm in CONSTANTS:
            raise ParseError(constant_name_message(nm))
        if not isinstance(assume, Mapping) or not all(
            isinstance(k, str) and k in _assume_defined and isinstance(v, bool)
            for k, v in assume.items()
        ):
            raise UnsupportedInputError(
                f"assumptions[{nm!r}] must map SymPy assumption names (positive, real, "
                f"integer...) to True/False, not {assume!r:.60}")
        out[nm] = dict(assume)
    return out


def _merge(a: dict[str, bool], b: dict[str, bool]) -> dict[str, bool]:
    # positive implies real, so the union of role assumptions is never contradictory.
    return {**a, **b}


def parse_distribution(
    text: str,
    *,
    name: str = "X",
    symbols: Mapping[str, sp.Basic] | None = None,
    assumptions: Mapping[str, Mapping[str, bool]] | None = None,
) -> sp.Basic:
    """Read ``"Family(arg, ...)"`` as a sympy.stats random variable called ``name``.

    ``Family`` must be a key of :data:`FAMILIES` (sympy.stats' univariate families; not
    ``DiscreteUniform``, ``ContinuousRV`` or ``FiniteRV``, which take objects rather than
    parameters).  Each argument is read as by :func:`parse_expression`.  A bare parameter name
    gets the assumptions of its role: a location or interval end is ``real``; a scale, rate
    or shape is ``positive``; a probability is ``positive`` (SymPy cannot express
    ``0 < p < 1`` as an assumption); a count (die sides, Binomial ``n``) is ``integer`` and
    ``positive``.  A name that appears only inside a compound argument gets no assumption.
    ``symbols`` supplies the caller's own objects for names, and ``assumptions`` replaces the
    inferred assumptions of a name (``{"mu": {"positive": True}}``).

    >>> X = parse_distribution("Normal(mu, sigma)")
    >>> X.pspace.distribution
    NormalDistribution(mu, sigma)
    >>> sorted((s.name, s.is_positive) for s in X.pspace.distribution.free_symbols)
    [('mu', None), ('sigma', True)]
    >>> parse_distribution("Die(6)").pspace.distribution
    DieDistribution(6)
    >>> parse_distribution("Exponential(lambda)").pspace.distribution.rate.is_positive
    True
    >>> parse_distribution("Nrmal(0, 1)")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    symbinfo.errors.ParseError: unknown distribution family 'Nrmal'; did you mean Normal, ...?
    """
    text = check_size(text)
    if not isinstance(name, str) or not name.isidentifier():
        raise ParseError(f"random variable name must be an identifier, got {name!r}")
    check_bracket_depth(text)
    source = python_source(text)
    try:
        tree = ast.parse(source, mode="eval").body
    except SyntaxError as exc:
        raise ParseError(f"not a distribution: {exc.msg} in {text[:60]!r}") from None
    except (RecursionError, MemoryError, ValueError):
        raise ParseError("distribution string too complex to parse") from None
    if not (isinstance(tree, ast.Call) and isinstance(tree.func, ast.Name)):
        raise ParseError(f"expected Family(parameters...), got {text[:60]!r}")
    if tree.keywords or any(isinstance(a, ast.Starred) for a in tree.args):
        raise ParseError("keyword and * arguments are not allowed in a distribution")
    family = tree.func.id
    if family not in FAMILIES:
        close = difflib.get_close_matches(family, FAMILIES, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise ParseError(f"unknown distribution family {family!r}{hint}")
    constructor, roles, optional = FAMILIES[family]
    if not len(roles) - optional <= len(tree.args) <= len(roles):
        want = str(len(roles)) if not optional else f"{len(roles) - optional} to {len(roles)}"
        raise ParseError(f"{family} takes {want} parameter(s), got {len(tree.args)}")

    # One Symbol per name, carrying the union of the roles it has as a bare argument, so
    # that "Uniform(a, a + 1)" uses the same `a` in both places.
    given = check_symbols(symbols)
    inferred: dict[str, dict[str, bool]] = {}
    for arg, role in zip(tree.args, roles, strict=False):
        if not isinstance(arg, ast.Name):
            continue
        nm = user_name(arg.id)
        if nm not in given and nm not in CONSTANTS:
            inferred[nm] = _merge(inferred.get(nm, {}), ROLE_ASSUMPTIONS[role])
    for nm, assume in _check_assumptions(assumptions).items():
        if nm in given:
            raise ParseError(f"{nm!r} is given both in symbols= and in assumptions=")
        inferred[nm] = assume
    try:
        table = {**{nm: sp.Symbol(nm, **a) for nm, a in inferred.items()}, **given}
    except InconsistentAssumptions as exc:
        raise ParseError(f"contradictory assumptions: {exc}".splitlines()[0]) from None
    args = [convert_node(source, arg, table) for arg in tree.args]
    try:
        return constructor(name, *args)
    except (ValueError, TypeError) as exc:
        # sympy.stats refuses provably invalid parameters, e.g. Normal(0, -1).
        raise ParseError(f"invalid parameters for {family}: {exc}") from None
