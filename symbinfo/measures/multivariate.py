r"""Multivariate measures beside total correlation, dual total correlation and co-information:
McGill's interaction information and the O-information.

Both are linear combinations of joint entropies, like the measures of
:mod:`symbinfo.measures.shannon` they extend, so they evaluate wherever the joint entropies do
(finite tables, independent sympy.stats variables, multivariate normals) and take ``given=``
(each joint entropy H(T) then becomes H(T | W) = H(T, W) − H(W)).
"""

from __future__ import annotations

import sympy as sp

from ..errors import guarded
from .shannon import (
    CoInformation,
    DualTotalCorrelation,
    TotalCorrelation,
    _add_terms,
    _Multivariate,
)


class InteractionInformation(_Multivariate):
    r"""Interaction information with McGill's sign: (−1)ⁿ times the co-information of n variables.

    Sign convention (McGill 1954, *Multivariate information transmission*, Psychometrika 19;
    Jakulin & Bratko 2003, *Quantifying and visualizing attribute interactions*): for three
    variables II(X; Y; Z) = I(X; Y | Z) − I(X; Y), positive for synergy (XOR gives +log 2),
    negative for redundancy; for two variables it is I(X; Y). symbinfo's
    :class:`~symbinfo.measures.shannon.CoInformation` (Bell 2003) has the opposite sign for odd n:
    II = (−1)ⁿ · CoI. This class is that named alias.

    >>> from symbinfo import FiniteJointRV
    >>> q = sp.Rational(1, 4)
    >>> X, Y, Z = FiniteJointRV("X Y Z", {(0, 0, 0): q, (0, 1, 1): q, (1, 0, 1): q, (1, 1, 0): q})
    >>> InteractionInformation(X, Y, Z).doit()   # XOR: synergy is positive here
    log(2)
    """

    symbol = "II"

    def entropy_terms(self) -> dict[tuple, sp.Expr]:
        sign = (-1) ** len(self.groups)
        co = CoInformation(*self.groups, given=self.given or None, base=self.base)
        return {k: sign * c for k, c in co.entropy_terms().items()}


class OInformation(_Multivariate):
    r"""O-information Ω(X₁, …, Xₙ) = TC − DTC = (n − 2) H(X₁, …, Xₙ) + Σᵢ [H(Xᵢ) − H(X₋ᵢ)],
    X₋ᵢ all variables but Xᵢ (Rosas, Mediano, Gastpar & Jensen 2019, *Quantifying high-order
    interdependencies via multivariate extensions of the mutual information*, Phys. Rev. E 100,
    032305, eq. 7). Ω > 0: redundancy dominates; Ω < 0: synergy dominates; for three variables
    it equals the co-information.

    >>> from symbinfo import FiniteJointRV
    >>> q = sp.Rational(1, 4)
    >>> X, Y, Z = FiniteJointRV("X Y Z", {(0, 0, 0): q, (0, 1, 1): q, (1, 0, 1): q, (1, 1, 0): q})
    >>> OInformation(X, Y, Z).doit()
    -log(2)
    """

    symbol = "Omega"

    def entropy_terms(self) -> dict[tuple, sp.Expr]:
        given = self.given or None
        tc = TotalCorrelation(*self.groups, given=given, base=self.base).entropy_terms()
        dtc = DualTotalCorrelation(*self.groups, given=given, base=self.base).entropy_terms()
        return _add_terms(tc, {k: -c for k, c in dtc.items()})

    def _latex(self, printer) -> str:
        return super()._latex(printer).replace("Omega", r"\Omega", 1)


@guarded
def interaction_information(*rvs: object, given: object = None, base: object = sp.E) -> sp.Expr:
    """Interaction information (McGill's sign) in closed form; see
    :class:`InteractionInformation` for the sign convention.

    >>> from sympy.stats import Die
    >>> X, Y = Die("X", 2), Die("Y", 2)
    >>> interaction_information(X, Y, X + Y, base=2)
    1/2
    """
    return InteractionInformation(*rvs, given=given, base=base).doit()


@guarded
def o_information(*rvs: object, given: object = None, base: object = sp.E) -> sp.Expr:
    """O-information in closed form; see :class:`OInformation`.

    >>> from sympy.stats import Die
    >>> X, Y = Die("X", 2), Die("Y", 2)
    >>> o_information(X, Y, X + Y, base=2)
    -1/2
    """
    return OInformation(*rvs, given=given, base=base).doit()
