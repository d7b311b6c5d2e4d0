"""Probability vectors and categorical distributions, as scipy.stats.entropy and dit take them.

A probability vector is a list or tuple of probabilities (outcomes 0, 1, ...) or a dict
{outcome: probability}; it passes the gate (:func:`~symbinfo.parsing.gate.to_sympy`) and the
PMF domain check (:func:`~symbinfo.distributions.joint.check_pmf`): no entry negative or above 1
and the entries sum to 1 (symbinfo never normalises silently, unlike scipy.stats.entropy).

>>> import sympy as sp
>>> C = categorical([sp.Rational(1, 2), sp.Rational(1, 4), sp.Rational(1, 4)])
>>> C.pspace.distribution.dict
{0: 1/2, 1: 1/4, 2: 1/4}
"""

from __future__ import annotations

import sympy as sp
from sympy.stats import FiniteRV
from sympy.stats.rv import RandomSymbol, random_symbols

from ..errors import InvalidDistributionError, UnsupportedInputError
from ..parsing.gate import to_sympy
from .joint import JointVariable, check_pmf

__all__ = ["categorical", "is_probability_vector"]


def is_probability_vector(value: object) -> bool:
    """Whether ``value`` is a list/tuple/dict of probabilities (no random variables in it).

    >>> from sympy.stats import Die
    >>> is_probability_vector([0.5, 0.5]), is_probability_vector([Die("D", 2)])
    (True, False)
    """
    if not isinstance(value, (list, tuple, dict, sp.Tuple, sp.Dict)) or not value:
        return False
    entries = list(value.values()) if isinstance(value, (dict, sp.Dict)) else list(value)
    for e in entries:
        if isinstance(e, (str, JointVariable, RandomSymbol, list, tuple, dict)):
            return isinstance(e, str)  # text goes to the gate, which names it
        if isinstance(e, sp.Basic) and (random_symbols(e) or not isinstance(e, sp.Expr)):
            return False
        if not isinstance(e, (int, float, sp.Expr)) and not hasattr(e, "_sympy_"):
            return False
    return True


def categorical(probabilities: object, name: str = "C") -> RandomSymbol:
    """A finite random variable with the given probability vector (list/tuple: outcomes
    0, 1, ...; dict: its keys), checked as a PMF.

    >>> categorical({"a": 0.5}) # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    symbinfo.errors.UnsupportedInputError: the probability vector must be a number or ...
    >>> categorical([sp.Rational(1, 2), sp.Rational(1, 3)])
    Traceback (most recent call last):
    ...
    symbinfo.errors.InvalidDistributionError: the probability vector does not sum to 1: the \
entries add up to 5/6
    """
    if not isinstance(name, str) or not name.isidentifier():
        raise UnsupportedInputError(f"the name of a categorical variable must be an identifier, "
                                    f"not {name!r:.40}")
    value = to_sympy(probabilities, "the probability vector")
    if isinstance(value, sp.Dict):
        pmf = dict(value.items())
    elif isinstance(value, sp.Tuple):
        pmf = {sp.Integer(i): p for i, p in enumerate(value)}
    else:
        raise UnsupportedInputError(
            f"a probability vector is a list, tuple or dict of probabilities, not {value}")
    if not pmf:
        raise InvalidDistributionError("the probability vector is empty")
    check_pmf(pmf, "the probability vector")
    return FiniteRV(name, pmf)
