"""parse_distribution: whitelisted sympy.stats families, role-based assumptions."""

from __future__ import annotations

import inspect

import pytest
import sympy as sp
import sympy.stats as stats
from sympy.stats.rv import RandomSymbol

from symbinfo.errors import ParseError
from symbinfo.parsing import FAMILIES, parse_distribution


def params(X: RandomSymbol) -> dict[str, sp.Symbol]:
    return {s.name: s for s in X.pspace.distribution.free_symbols}


def test_normal_roles() -> None:
    X = parse_distribution("Normal(mu, sigma)")
    assert isinstance(X, RandomSymbol) and X.name == "X"
    p = params(X)
    assert p["mu"].is_real and p["mu"].is_positive is None
    assert p["sigma"].is_positive


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gamma(k, theta)", {"k": "positive", "theta": "positive"}),
        ("Exponential(lambda)", {"lambda": "positive"}),
        ("Bernoulli(p)", {"p": "positive"}),
        ("Die(n)", {"n": "count"}),
        ("Binomial(n, p)", {"n": "count", "p": "positive"}),
        ("Uniform(a, b)", {"a": "real", "b": "real"}),
        ("Gumbel(beta, mu)", {"beta": "positive", "mu": "real"}),
        ("Poisson(lamda)", {"lamda": "positive"}),
        ("Geometric(p)", {"p": "positive"}),
    ],
)
def test_inferred_assumptions(text: str, expected: dict[str, str]) -> None:
    p = params(parse_distribution(text))
    assert set(p) == set(expected)
    for nm, role in expected.items():
        s = p[nm]
        if role == "real":
            assert s.is_real and s.is_positive is None
        elif role == "positive":
            assert s.is_positive and s.is_integer is None
        else:
            assert s.is_positive and s.is_integer


@pytest.mark.parametrize(
    ("text", "dist"),
    [
        ("Die(6)", stats.Die("X", 6)),
        ("Beta(2, 3)", stats.Beta("X", 2, 3)),
        ("Normal(0, 1)", stats.Normal("X", 0, 1)),
        ("Normal(0, 1/2)", stats.Normal("X", 0, sp.Rational(1, 2))),
        ("Coin()", stats.Coin("X")),
        ("Die()", stats.Die("X")),
        ("Rademacher()", stats.Rademacher("X")),
    ],
)
def test_numeric_parameters(text: str, dist: RandomSymbol) -> None:
    assert parse_distribution(text).pspace.distribution == dist.pspace.distribution


def test_same_name_is_one_symbol() -> None:
    X = parse_distribution("Uniform(a, a + 1)")
    assert len(X.pspace.distribution.free_symbols) == 1


def test_name_symbols_and_assumptions_overrides() -> None:
    mu = sp.Symbol("mu", positive=True)
    X = parse_distribution("Normal(mu, sigma)", name="Y", symbols={"mu": mu})
    assert X.name == "Y" and params(X)["mu"] is mu
    Z = parse_distribution("Normal(mu, sigma)", assumptions={"mu": {"positive": True}})
    assert params(Z)["mu"].is_positive
    with pytest.raises(ParseError, match="both"):
        parse_distribution("Normal(mu, s)", symbols={"mu": mu}, assumptions={"mu": {}})
    with pytest.raises(ParseError, match="identifier"):
        parse_distribution("Normal(0, 1)", name="X Y")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Nrmal(0, 1)", "unknown distribution family 'Nrmal'; did you mean Normal"),
        ("Foo(1)", r"unknown distribution family 'Foo'$"),
        ("Normal(0)", "Normal takes 2 parameter"),
        ("Die(1, 2)", "Die takes 0 to 1 parameter"),
        ("Normal(0, -1)", "invalid parameters for Normal"),
        ("Normal(mu=0, std=1)", "keyword"),
        ("stats.Normal(0, 1)", "expected Family"),
        ("Normal", "expected Family"),
        ("Normal(0, 1) + 1", "expected Family"),
        ("Normal(0, __import__('os'))", "unknown function '__import__'"),
        ("DiscreteUniform([1, 2])", "unknown distribution family"),
    ],
)
def test_rejected(text: str, fragment: str) -> None:
    with pytest.raises(ParseError, match=fragment):
        parse_distribution(text)


def test_table_matches_sympy_signatures() -> None:
    """Each family's declared arity is the positional arity of the sympy.stats constructor."""
    for family, (ctor, roles, optional) in FAMILIES.items():
        ps = list(inspect.signature(ctor).parameters.values())[1:]  # drop `name`
        positional = [q for q in ps if q.kind is q.POSITIONAL_OR_KEYWORD]
        required = [q for q in positional if q.default is q.empty]
        assert len(required) == len(roles) - optional, family
        assert len(positional) >= len(roles), family


def test_every_family_builds_with_symbols() -> None:
    letters = "abcd"
    for family, (_, roles, _opt) in FAMILIES.items():
        args = ", ".join(f"{letters[i]}{i}" for i in range(len(roles)))
        X = parse_distribution(f"{family}({args})")
        assert isinstance(X, RandomSymbol), family
