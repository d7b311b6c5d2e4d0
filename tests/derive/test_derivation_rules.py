"""The closed-form-rule path: the rule's formula with its source, then a numeric check of it
against quadrature of the definition. Uses a private distribution subclass so the rule
registered here cannot affect other tests."""

import pytest
import sympy as sp
from sympy.stats.crv_types import LaplaceDistribution

import symbinfo as si
from symbinfo.closedforms import ENTROPY
from symbinfo.derive.derivation import derive
from symbinfo.derive.steps import DerivationError


class _RuleTestLaplace(LaplaceDistribution):
    pass


class _WrongRuleLaplace(LaplaceDistribution):
    pass


@ENTROPY.register(_RuleTestLaplace, source="Cover & Thomas (2006), Table 17.1")
def _laplace_entropy(dist):
    return 1 + sp.log(2 * dist.args[1])


@ENTROPY.register(_WrongRuleLaplace, source="a wrong formula, for this test")
def _wrong_laplace_entropy(dist):
    return sp.log(2 * dist.args[1])  # missing the 1


b = sp.Symbol("b", positive=True)


def test_rule_path_shows_source_and_numeric_check():
    d = derive(si.Entropy(_RuleTestLaplace(0, b)))
    kinds = [s.kind for s in d]
    assert kinds == ["definition", "substitute", "rule", "numeric-check"]
    rule = d[2]
    assert rule.source == "Cover & Thomas (2006), Table 17.1"
    assert rule.family == "_RuleTestLaplace"
    assert d[3].check.method == "numeric" and d[3].check.digits >= 30
    assert d.result == 1 + sp.log(2 * b)


def test_a_wrong_rule_never_renders():
    with pytest.raises(DerivationError, match="closed-form rule"):
        derive(si.Entropy(_WrongRuleLaplace(0, b)))
