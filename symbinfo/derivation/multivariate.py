"""Joint differential entropy of components of multivariate normals (the engine's hook).

The engine computes joint/conditional entropy and mutual information of continuous joints from
``joint_entropy``: I(A; B) = h(A) + h(B) - h(A, B), h(A | B) = h(A, B) - h(B).
"""

from __future__ import annotations

from collections.abc import Iterable

import sympy as sp
from sympy.stats.joint_rv import JointRandomSymbol
from sympy.stats.joint_rv_types import MultivariateNormalDistribution

from ..closedforms.multivariate import _block, mvn_entropy


def _mvn_of(rv) -> tuple[JointRandomSymbol, list[int]] | None:
    """(the MVN random symbol, component indices) for ``X`` or ``X[i]``; None otherwise."""
    if isinstance(rv, sp.Indexed) and isinstance(rv.base, JointRandomSymbol):
        base, idx = rv.base, rv.indices
        if len(idx) != 1 or not idx[0].is_Integer:
            return None
        return (base, [int(idx[0])]) if _is_mvn(base) else None
    if isinstance(rv, JointRandomSymbol) and _is_mvn(rv):
        return rv, list(range(rv.pspace.distribution.args[1].shape[0]))
    return None


def _is_mvn(rv: JointRandomSymbol) -> bool:
    return isinstance(rv.pspace.distribution, MultivariateNormalDistribution)


def joint_entropy(atoms: Iterable) -> sp.Expr | None:
    """h(atoms) in nats for components ``X[i]`` / whole ``X`` of MultivariateNormal RVs.

    Repeated atoms count once (h(X, X) = h(X)); components of *different* MVN random symbols are
    independent in SymPy (separate probability spaces), so their block entropies add. Returns
    ``None`` when some atom is not an MVN component (the engine then falls back). A singular
    sub-covariance gives ``-oo`` through log 0.

    >>> from sympy.stats import MultivariateNormal
    >>> r = sp.Symbol("rho", real=True)
    >>> X = MultivariateNormal("X", [0, 0], [[1, r], [r, 1]])
    >>> h = joint_entropy([X[0]]) + joint_entropy([X[1]]) - joint_entropy([X[0], X[1]])
    >>> sp.simplify(h)
    -log(1 - rho**2)/2
    """
    groups: dict[JointRandomSymbol, list[int]] = {}
    for atom in atoms:
        got = _mvn_of(atom)
        if got is None:
            return None
        base, idx = got
        seen = groups.setdefault(base, [])
        seen.extend(i for i in idx if i not in seen)
    if not groups:
        return None
    total = sp.S.Zero
    for base, idx in groups.items():
        Sigma = base.pspace.distribution.args[1]
        total += mvn_entropy(_block(Sigma, sorted(idx)))
    return total

