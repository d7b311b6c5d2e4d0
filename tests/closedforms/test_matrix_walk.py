"""Every measure × the matrix families and the multinomial: a closed form, or the honest
Integral/Sum of the definition (never the measure object itself, never an error). Values are
checked against quadrature in test_matrix_wishart, test_matrix_normal and test_multinomial."""

from __future__ import annotations

import pytest
import sympy as sp
from sympy.stats import MatrixGamma, MatrixNormal, Multinomial, Wishart

import symbinfo as si

R = sp.Rational
PAIRS = {
    "Wishart": lambda: (Wishart("A", 3, sp.Matrix([[2, 1], [1, 2]])),
                        Wishart("B", R(7, 2), sp.eye(2))),
    "MatrixGamma": lambda: (MatrixGamma("A", 2, 1, sp.eye(2)),
                            MatrixGamma("B", 3, 2, sp.Matrix([[2, 1], [1, 2]]))),
    "Multinomial": lambda: (Multinomial("A", 3, [R(1, 2), R(1, 4), R(1, 4)]),
                            Multinomial("B", 3, [R(1, 3)] * 3)),
    "MatrixNormal": lambda: (MatrixNormal("A", sp.Matrix([[0, 1]]), sp.Matrix([[2]]), sp.eye(2)),
                             MatrixNormal("B", sp.Matrix([[1, 0]]), sp.Matrix([[1]]),
                                          sp.eye(2))),
}
SINGLE = {
    "entropy": si.entropy,
    "renyi_entropy": lambda X: si.renyi_entropy(X, R(1, 2)),
    "tsallis_entropy": lambda X: si.tsallis_entropy(X, 2),
}
PAIRWISE = {
    "kl_divergence": si.kl_divergence,
    "cross_entropy": si.cross_entropy,
    "renyi_divergence": lambda P, Q: si.renyi_divergence(P, Q, R(1, 3)),
    "bhattacharyya_distance": si.bhattacharyya_distance,
    "hellinger_distance": si.hellinger_distance,
    "chi_square_divergence": si.chi_square_divergence,
    "neyman_chi_square_divergence": si.neyman_chi_square_divergence,
    "alpha_divergence": lambda P, Q: si.alpha_divergence(P, Q, R(1, 3)),
    "f_divergence": lambda P, Q: si.f_divergence(P, Q, lambda t: t * sp.log(t)),
    "total_variation": si.total_variation,
    "js_divergence": si.js_divergence,
}
#: honest definitions (no closed form known): TV and JS of the continuous matrix families
HONEST = {(f, m) for f in ("Wishart", "MatrixGamma", "MatrixNormal")
          for m in ("total_variation", "js_divergence")}


def _kind(value: sp.Expr) -> str:
    assert isinstance(value, sp.Expr), value
    assert "Divergence" not in type(value).__name__ and "Entropy" not in type(value).__name__
    return "honest" if value.has(sp.Integral, sp.Sum) else "closed"


@pytest.mark.parametrize("family", sorted(PAIRS))
def test_every_measure_answers(family):
    P, Q = PAIRS[family]()
    for name, f in SINGLE.items():
        assert _kind(f(P)) == "closed", (family, name)
    for name, f in PAIRWISE.items():
        want = "honest" if (family, name) in HONEST else "closed"
        assert _kind(f(P, Q)) == want, (family, name)
