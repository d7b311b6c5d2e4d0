"""The last line of defence: no SymPy or Python exception from inside escapes a public measure
call; it becomes a symbinfo InternalError naming the call and the original error (issue 8)."""

from __future__ import annotations

import pytest
import sympy as sp
from sympy.stats import Die, FiniteRV

import symbinfo as si
from symbinfo import measures
from symbinfo.errors import InternalError, SymbinfoError, guarded

_WRAPPER_CODE = guarded(lambda: None).__code__


def _is_guarded(func) -> bool:
    return getattr(func, "__code__", None) is _WRAPPER_CODE


PUBLIC_FUNCTIONS = [name for name in measures.__all__ if name[0].islower()]


@pytest.mark.parametrize("name", PUBLIC_FUNCTIONS)
def test_every_public_function_is_guarded(name):
    assert _is_guarded(getattr(measures, name))


def test_every_measure_class_guards_its_constructor_and_doit():
    classes = [getattr(measures, n) for n in measures.__all__
               if n[0].isupper() and issubclass(getattr(measures, n), measures.InformationMeasure)
               and n != "InformationMeasure"]
    assert len(classes) == len([n for n in measures.__all__ if n[0].isupper()]) - 2  # - bases
    for cls in classes:
        assert _is_guarded(cls.__new__), cls
        assert _is_guarded(cls.doit), cls


class Explosive:
    """A number-like object whose conversion to SymPy fails with a plain Python error."""

    def _sympy_(self):
        raise ZeroDivisionError("explosive")


class Fragile(sp.Function):
    """A probability SymPy cannot ask the sign of without an error."""

    def _eval_is_extended_negative(self):
        raise ZeroDivisionError("fragile")


def test_an_unexpected_error_in_a_constructor_becomes_internal_error():
    with pytest.raises(InternalError, match=r"RenyiEntropy\(D, .*ZeroDivisionError: explosive"):
        si.renyi_entropy(Die("D", 2), Explosive())
    with pytest.raises(InternalError, match=r"Entropy\(D, base=.*ZeroDivisionError"):
        si.entropy(Die("D", 2), base=Explosive())
    with pytest.raises(InternalError) as info:
        si.kl_divergence(Die("D", 2), Die("E", 2), base=Explosive())
    assert isinstance(info.value.__cause__, ZeroDivisionError)  # the original is kept
    assert isinstance(info.value, RuntimeError) and isinstance(info.value, SymbinfoError)


def test_an_unexpected_error_in_doit_becomes_internal_error():
    f = Fragile(sp.Symbol("a"))
    X = FiniteRV("X", {0: f, 1: 1 - f})
    measure = si.Entropy(X)  # reading the table waits for doit
    with pytest.raises(InternalError, match=r"doit\(H\(X\)\) failed inside symbinfo: "
                                            r"ZeroDivisionError: fragile"):
        measure.doit()
    with pytest.raises(InternalError, match="fragile"):
        si.mutual_information(X, Die("D", 2))


def test_symbinfo_errors_and_wrong_calls_pass_unchanged():
    with pytest.raises(si.InvalidDistributionError):
        si.entropy(FiniteRV("B", {0: sp.Rational(1, 2), 1: sp.Rational(1, 3)}))
    with pytest.raises(TypeError, match="missing 1 required positional argument") as info:
        si.kl_divergence(Die("D", 2))
    assert not isinstance(info.value, SymbinfoError)
    with pytest.raises(si.UnsupportedInputError, match="needs given="):
        si.ConditionalEntropy(Die("D", 2))
