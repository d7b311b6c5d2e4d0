"""The closed-form-rule path: the rule's formula with its source, then a numeric check of it
against quadrature of the definition.

The rules are registered for private distribution subclasses and removed again after each test,
so they are never seen by other tests (e.g. ones that walk the whole registry)."""

import pytest
import sympy as sp
from sympy.stats.crv_types import LaplaceDistribution, LogisticDistribution

import symbinfo as si
from symbinfo.closedforms import ENTROPY
from symbinfo.derivation.derivation import derive
from symbinfo.derivation.steps import DerivationError


class _RuleTestLaplace(LaplaceDistribution):
    pass


class _WrongRuleLaplace(LaplaceDistribution):
    pass


class _RuleTestLogistic(LogisticDistribution):
    pass


class _WrongRuleLogistic(LogisticDistribution):
    pass


def _laplace_entropy(dist):
    return 1 + sp.log(2 * dist.args[1])


def _wrong_laplace_entropy(dist):
    return sp.log(2 * dist.args[1])  # missing the 1


def _logistic_entropy(dist):
    return sp.log(dist.args[1]) + 2


def _wrong_logistic_entropy(dist):
    return sp.log(dist.args[1]) + 1


@pytest.fixture
def temporary_rules():
    ENTROPY.register(_RuleTestLaplace, source="Cover & Thomas (2006), Table 17.1")(
        _laplace_entropy)
    ENTROPY.register(_WrongRuleLaplace, source="a wrong formula, for this test")(
        _wrong_laplace_entropy)
    ENTROPY.register(_RuleTestLogistic, source="Lazo & Rathie (1978)")(_logistic_entropy)
    ENTROPY.register(_WrongRuleLogistic, source="a wrong formula, for this test")(
        _wrong_logistic_entropy)
    yield
    # the registry has no public removal: these keys exist only for this test
    for cls in (_RuleTestLaplace, _WrongRuleLaplace, _RuleTestLogistic, _WrongRuleLogistic):
        key = (cls,)
        ENTROPY._rules.pop(key, None)
    assert not any(k in ENTROPY for k in [(_RuleTestLaplace,), (_RuleTestLogistic,)])


b = sp.Symbol("b", positive=True)


def test_rule_agrees_with_the_moment_derivation(temporary_rules):
    # Laplace has known moments, so the derivation is step by step and the rule is checked
    # against its result
    d = derive(si.Entropy(_RuleTestLaplace(0, b)))
    kinds = [s.kind for s in d]
    assert kinds[:2] == ["definition", "substitute"] and "moments" in kinds
    assert d.result == 1 + sp.log(2 * b)


def test_rule_path_shows_source_and_numeric_check(temporary_rules):
    mu = sp.Symbol("mu", real=True)
    d = derive(si.Entropy(_RuleTestLogistic(mu, b)))
    assert [s.kind for s in d] == ["definition", "substitute", "rule", "numeric-check"]
    assert d[2].source == "Lazo & Rathie (1978)" and d[2].family == "_RuleTestLogistic"
    assert d[2].check.method == "numeric"  # quadrature of the definition at random points
    assert d[3].check.method == "numeric" and d[3].check.digits >= 30
    assert d.result == sp.log(b) + 2


@pytest.mark.parametrize("cls", [_WrongRuleLaplace, _WrongRuleLogistic])
def test_a_wrong_rule_never_renders(temporary_rules, cls):
    with pytest.raises(DerivationError, match="closed-form rule"):
        derive(si.Entropy(cls(0, b)))
