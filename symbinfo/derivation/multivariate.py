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


def mvn_entropy_steps(rv: sp.Basic, x_name: str = "X") -> list | None:
    r"""The steps of h(X) for X ~ N(μ, Σ): the definition, the log-density, E[(X − μ)ᵀ Σ⁻¹
    (X − μ)] = tr(Σ⁻¹ Σ) = d, then det Σ (Cover & Thomas (2006), Theorem 8.4.1). ``None`` when
    ``rv`` is not a whole multivariate normal.

    >>> from sympy.stats import MultivariateNormal
    >>> s = sp.Symbol("sigma", positive=True)
    >>> steps = mvn_entropy_steps(MultivariateNormal("X", [0, 0], [[s**2, 0], [0, s**2]]))
    >>> [step.kind for step in steps], steps[-1].expr
    (['definition', 'values', 'moments', 'values', 'simplify'], 2*log(sigma) + log(2*E*pi))
    """
    from .simplify import tidy
    from .steps import Definition, KnownMoments, KnownValues, Named, Simplify, held_sum

    if not (isinstance(rv, JointRandomSymbol) and _is_mvn(rv)):
        return None
    Sigma = rv.pspace.distribution.args[1]
    if not isinstance(Sigma, sp.MatrixBase):
        return None
    d = Sigma.shape[0]
    value = mvn_entropy(Sigma)
    det = min((sp.factor_terms(sp.expand(Sigma.det())), sp.factor(Sigma.det())),
              key=sp.count_ops)
    X = x_name
    quad = Named(sp.Integer(d), f"E[({X} - mu)^T Sigma^-1 ({X} - mu)]",
                 rf"\mathbb{{E}}\left[({X} - \mu)^{{\top}} \Sigma^{{-1}} ({X} - \mu)\right]")
    det_sigma = Named(det, "det Sigma", r"\det \Sigma")
    definition = Named(value, f"-E[log p({X})]", rf"-\mathbb{{E}}\left[\log p({X})\right]")
    x, mu = Named(sp.S.Zero, "x", "x"), Named(sp.S.Zero, "mu", r"\mu")
    density = Named(sp.S.Zero, "log p(x)", r"\log p(x)")
    form = Named(sp.S.Zero, "-(d/2) log(2 pi) - log(det Sigma)/2 - (x - mu)^T Sigma^-1 (x - mu)/2",
                 r"-\frac{d}{2}\log 2\pi - \frac{1}{2}\log\det\Sigma - \frac{1}{2}"
                 r"(x - \mu)^{\top}\Sigma^{-1}(x - \mu)")
    del x, mu
    half = sp.Rational(1, 2)

    def times(c: sp.Expr, e: sp.Expr) -> sp.Expr:
        return e if c == 1 else sp.Mul(c, e, evaluate=False)

    log_det = sp.log(det_sigma, evaluate=False)
    steps = [
        Definition(definition, name="differential entropy",
                   source="Cover & Thomas (2006), Elements of Information Theory, 2nd ed., "
                          "eq. 8.1"),
        KnownValues(held_sum([times(sp.Rational(d, 2), sp.log(2 * sp.pi)),
                              times(half, log_det), times(half, quad)]),
                    values=((density, form),), what="substitute the density",
                    how=f"multivariate normal in d = {d} dimensions"),
        KnownMoments(held_sum([times(sp.Rational(d, 2), sp.log(2 * sp.pi)),
                               times(half, log_det), sp.Rational(d, 2)]),
                     moments=((quad, sp.Integer(d)),),
                     source="E[(X - mu)^T Sigma^-1 (X - mu)] = tr(Sigma^-1 E[(X - mu)(X - mu)^T])"
                            " = tr(Sigma^-1 Sigma) = d; Cover & Thomas (2006), Theorem 8.4.1"),
        KnownValues(held_sum([times(sp.Rational(d, 2), sp.log(2 * sp.pi * sp.E)),
                              times(half, sp.log(det, evaluate=False))]),
                    values=((det_sigma, det),), what="substitute det Σ"),
    ]
    simple = tidy(value)
    if str(simple) != str(steps[-1].expr):
        steps.append(Simplify(simple, how="collect the logarithms"))
    return steps
