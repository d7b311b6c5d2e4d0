"""The local expansion of KL in the parameters: KL(p_θ ‖ p_{θ+δ}) = ½ δᵀ I(θ) δ + O(δ³),
stated and proved for a family (verify's layer: the claim is a :class:`Verification`)."""

from __future__ import annotations

from ..errors import guarded
from ..measures.fisher import kl_expansion_sides
from .core import verify
from .result import Verification


@guarded
def local_kl_expansion(dist: object, params: object = None) -> Verification:
    r"""State and prove KL(p_θ ‖ p_{θ+δ}) = ½ δᵀ I(θ) δ + O(|δ|³) for one family.

    The KL divergence of ``dist`` from the same family with the parameters ``params`` (default:
    all of :func:`fisher_information`'s) shifted by δ is computed by :func:`kl_divergence`, with
    each shifted parameter a fresh symbol carrying the same assumptions, then expanded in a
    common scale ε of δ = ε (δ_1, ...) to order ε² (a SymPy series, ε = 1 afterwards); the claim
    "that expansion = ½ δᵀ I(θ) δ" is handed to :func:`symbinfo.verify` (the returned
    :class:`~symbinfo.verify.Verification` says ``proved`` when it is shown symbolically).
    Source: Kullback, *Information Theory and Statistics* (1959), ch. 2, §6; Amari & Nagaoka
    (2000), §3.2.

    >>> import sympy as sp
    >>> from sympy.stats import Normal
    >>> mu = sp.Symbol("mu", real=True); s = sp.Symbol("sigma", positive=True)
    >>> v = local_kl_expansion(Normal("X", mu, s))
    >>> v.status, v.rhs
    ('proved', delta_mu**2/(2*sigma**2) + delta_sigma**2/sigma**2)
    """
    lhs, rhs = kl_expansion_sides(dist, params)
    result = verify(lhs, rhs, points=5)
    result.notes.append("KL(p_θ || p_{θ+δ}) expanded in δ through second order (series), "
                        "against ½ δᵀ I(θ) δ")
    return result
