r"""The weighted, n-way Jensen–Shannon divergence: the information a mixture hides about which
of its components drew a sample.

    JS_w(P_1, …, P_n) = H(Σ w_i P_i) − Σ w_i H(P_i) = Σ w_i D_KL(P_i ‖ M),  M = Σ w_i P_i

(Lin 1991, *Divergence measures based on the Shannon entropy*, IEEE Trans. Inf. Theory 37(1),
145–151, eq. 5.1), with weights w_i ≥ 0 summing to 1 (default: equal); for two distributions
with equal weights it is :class:`~symbinfo.measures.divergences.JensenShannonDivergence`. It is
at most H(w) ≤ log n. Finite distributions are summed from the definition; densities on one
common support give the honest integral Σ w_i ∫ p_i log(p_i/m) of the definition.
"""

from __future__ import annotations

import sympy as sp

from .. import engine
from ..derivation import finite
from ..derivation.simplify import tidy
from ..distributions.continuous import read_univariate
from ..distributions.view import Kind, distribution, finite_pmf, kind_of
from ..errors import InvalidParameterError, MismatchError, UnsupportedInputError, guarded
from ..parsing.gate import to_expr
from .base import InformationMeasure, LogBase, single


def _weights(weights: object, n: int) -> sp.Tuple:
    if weights is None:
        return sp.Tuple(*([sp.Rational(1, n)] * n))
    if isinstance(weights, (str, bytes)) or not hasattr(weights, "__iter__"):
        raise InvalidParameterError(
            f"weights must be a sequence of {n} numbers, not {weights!r:.60}")
    ws = [to_expr(w, "a weight") for w in weights]
    if len(ws) != n:
        raise MismatchError(f"{len(ws)} weights for {n} distributions")
    for w in ws:
        if w.is_extended_real is False or w.is_negative or w.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
            raise InvalidParameterError(f"a weight must be a real number >= 0, not {w}")
    total = sp.Add(*ws)
    if total.is_number and not (total - 1).is_zero:
        raise InvalidParameterError(f"the weights must sum to 1, not {total}")
    return sp.Tuple(*ws)


class WeightedJensenShannonDivergence(InformationMeasure):
    r"""JS_w(P_1, …, P_n) = H(Σ w_i P_i) − Σ w_i H(P_i) (Lin 1991, eq. 5.1); see the module.

    >>> from sympy.stats import Die
    >>> JS = WeightedJensenShannonDivergence(Die("A", 2), Die("B", 4), weights=[sp.Rational(1, 4),
    ...                                                                          sp.Rational(3, 4)])
    >>> JS
    D_JS^w(A, B; w=(1/4, 3/4))
    >>> JS.doit()
    -5*log(5)/8 - 3*log(3)/8 + 9*log(2)/4
    """

    def __new__(cls, *dists: object, weights: object = None, base: object = sp.E):
        if dists and isinstance(dists[-1], LogBase):
            return super().__new__(cls, *dists)
        if len(dists) < 2:
            raise UnsupportedInputError(f"{cls.__name__} needs at least two distributions")
        group = sp.Tuple(*(single(d) for d in dists))
        return super().__new__(cls, group, _weights(weights, len(group)), LogBase(base))

    def _is_parameter(self, arg: sp.Basic) -> bool:
        return arg is self.args[1]

    @property
    def random_arguments(self) -> tuple:
        return tuple(self.args[0])

    @property
    def weights(self) -> tuple:
        return tuple(self.args[1])

    def nats(self) -> engine.Evaluation:
        dists, ws = tuple(self.args[0]), self.weights
        if all(kind_of(d) is Kind.FINITE for d in dists):
            pmfs = [finite_pmf(d) for d in dists]
            keys = list(dict.fromkeys(k for p in pmfs for k in p))
            m = {k: sp.Add(*(w * p.get(k, 0) for w, p in zip(ws, pmfs, strict=True)))
                 for k in keys}
            value = sp.Add(*(w * finite.kl_divergence(p, m) for w, p in zip(ws, pmfs, strict=True)
                             if w != 0))
            return engine.Evaluation(tidy(value), engine.FINITE_SUM)
        if any(kind_of(d) is not Kind.CONTINUOUS for d in dists):
            raise UnsupportedInputError(
                f"{type(self).__name__} takes finite distributions, or densities on one support")
        views = [read_univariate(distribution(d)) for d in dists]
        if any(v.support != views[0].support for v in views):
            raise UnsupportedInputError(
                f"{type(self).__name__} of densities is written here for one common support")
        x = views[0].variable
        fs = [v.density_at(x) for v in views]
        m = sp.Add(*(w * f for w, f in zip(ws, fs, strict=True)))
        integrand = sp.Add(*(w * f * sp.log(f / m) for w, f in zip(ws, fs, strict=True)))
        return engine.Evaluation(sp.Integral(integrand, (x, *views[0].bounds)),
                                 engine.UNEVALUATED)

    def _sympystr(self, printer) -> str:
        inner = ", ".join(printer._print(d) for d in self.args[0])
        w = ", ".join(printer._print(v) for v in self.weights)
        return f"D_JS^w({inner}; w=({w}){self._base_suffix(printer)})"

    def _latex(self, printer) -> str:
        inner = ", ".join(printer._print(d) for d in self.args[0])
        return rf"D_{{\mathrm{{JS}}}}^{{w}}({inner})"


@guarded
def weighted_js_divergence(*dists: object, weights: object = None, base: object = sp.E
                           ) -> sp.Expr:
    """The weighted n-way Jensen–Shannon divergence; see :class:`WeightedJensenShannonDivergence`.

    >>> from sympy.stats import Die
    >>> weighted_js_divergence(Die("A", 2), Die("B", 2), Die("C", 2))
    0
    """
    return WeightedJensenShannonDivergence(*dists, weights=weights, base=base).doit()
