"""Catch-all support rules: KL(P || Q) = H(P, Q) = oo when P puts mass where Q has none.

Registered on the base classes, so they are the *least* specific candidates: a family rule always
wins, and these only answer for pairs nobody else handles. They never guess a finite value: when
the supports nest (or it cannot be decided) they decline, or -- for symbolic parameters -- keep the
generic engine's honest integral/sum in the finite branch of a ``Piecewise``.

A continuous P against a discrete or finite Q (or the other way round) is always ``oo``: P is not
absolutely continuous with respect to Q.

>>> from sympy.stats.crv_types import NormalDistribution
>>> from sympy.stats.drv_types import PoissonDistribution
>>> kl_continuous_vs_atoms(NormalDistribution(0, 1), PoissonDistribution(2))
oo
"""

from __future__ import annotations

import sympy as sp
from sympy import Piecewise, oo
from sympy.stats.crv import SingleContinuousDistribution
from sympy.stats.drv import SingleDiscreteDistribution
from sympy.stats.frv import SingleFiniteDistribution

from ..derivation import continuous as generic
from ..parsing.gate import to_sympy
from . import CROSS_ENTROPY, KL_DIVERGENCE
from .kl_crossfamily import support

Dist = sp.Basic
SOURCE = "definition: P not absolutely continuous w.r.t. Q => oo"


def kl_continuous_vs_atoms(p: Dist, q: Dist) -> sp.Expr:
    """A density against point masses (or point masses against a density): always ``oo``."""
    return oo


for _pair in [
    (SingleContinuousDistribution, SingleDiscreteDistribution),
    (SingleContinuousDistribution, SingleFiniteDistribution),
    (SingleDiscreteDistribution, SingleContinuousDistribution),
    (SingleFiniteDistribution, SingleContinuousDistribution),
]:
    KL_DIVERGENCE.register(*_pair, source=SOURCE)(kl_continuous_vs_atoms)
    CROSS_ENTROPY.register(*_pair, source=SOURCE)(kl_continuous_vs_atoms)


def _continuous_gate(p: Dist, q: Dist, fallback) -> sp.Expr | None:
    lo_p, hi_p = support(p)
    lo_q, hi_q = support(q)
    inside = sp.And(sp.Ge(lo_p, lo_q), sp.Le(hi_p, hi_q))
    if inside is sp.false:
        return oo
    if inside is sp.true:
        return None  # supports nest: nothing to say here, the generic engine takes over
    return Piecewise((fallback(p, q), inside), (oo, True))


@KL_DIVERGENCE.register(
    SingleContinuousDistribution,
    SingleContinuousDistribution,
    source=SOURCE,
    conditions="oo when P's support is not inside Q's; declines otherwise",
)
def kl_support_continuous(p: Dist, q: Dist) -> sp.Expr | None:
    """``oo`` (or a Piecewise) when P's support interval is not inside Q's, else decline.

    >>> from sympy.stats.crv_types import CauchyDistribution, RayleighDistribution
    >>> kl_support_continuous(CauchyDistribution(0, 1), RayleighDistribution(1))
    oo
    >>> kl_support_continuous(RayleighDistribution(1), CauchyDistribution(0, 1)) is None
    True
    """
    return _continuous_gate(p, q, generic.kl_divergence)


@CROSS_ENTROPY.register(
    SingleContinuousDistribution,
    SingleContinuousDistribution,
    source=SOURCE,
    conditions="oo when P's support is not inside Q's; declines otherwise",
)
def cross_entropy_support_continuous(p: Dist, q: Dist) -> sp.Expr | None:
    """Cross-entropy counterpart of :func:`kl_support_continuous`."""
    return _continuous_gate(p, q, generic.cross_entropy)


def _as_set(s) -> sp.Set:
    # SymPy's finite distributions give a Python set, the infinite ones a SymPy Set.
    return s if isinstance(s, sp.Set) else sp.FiniteSet(*s)


def _atoms_gate(p: Dist, q: Dist) -> sp.Expr | None:
    """``oo`` when P gives provably positive mass to a point outside Q's support, else decline.

    The mass is checked, not only the set: a finite table may list atoms of probability 0.
    """
    p_set, q_set = _as_set(p.set), _as_set(q.set)
    if p_set.is_subset(q_set) is not False:
        return None
    if isinstance(p_set, sp.FiniteSet):
        points = [k for k in p_set if q_set.contains(k) is sp.false]
    elif p_set.inf.is_integer:  # Naturals / Naturals0: look for a witness among the first atoms
        start = int(p_set.inf)
        points = [k for k in range(start, start + 64) if q_set.contains(k) is sp.false][:1]
    else:
        return None
    mass = p.pmf if hasattr(type(p), "pmf") else p.pdf
    return oo if any(to_sympy(mass(k), "a mass").is_positive for k in points) else None


_ATOMS = (SingleDiscreteDistribution, SingleFiniteDistribution)
for _a in _ATOMS:
    for _b in _ATOMS:
        _src = "definition: oo when P's support is not a subset of Q's (e.g. Poisson -> Binomial)"
        KL_DIVERGENCE.register(_a, _b, source=_src, conditions="declines otherwise")(_atoms_gate)
        CROSS_ENTROPY.register(_a, _b, source=_src, conditions="declines otherwise")(_atoms_gate)
