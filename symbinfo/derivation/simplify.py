"""Bring results to textbook form without ever changing their value on the declared domain.

Only transformations valid under the symbols' SymPy assumptions are used; logarithms of positive
rational numbers are split into logarithms of primes so exact results collect into a few terms
(``log(2)/2 + log(4)/2`` becomes ``3*log(2)/2``).
"""

from __future__ import annotations

import sympy as sp

from ..parsing.gate import to_sympy


def _split_rational_logs(expr: sp.Expr) -> sp.Expr:
    def is_number_log(e: sp.Basic) -> bool:
        # force=True is safe here: the argument is a positive algebraic number
        arg = e.args[0] if isinstance(e, sp.log) else None
        return arg is not None and arg.is_number and arg.is_positive and arg.is_algebraic

    return expr.replace(is_number_log, lambda e: sp.expand_log(e, force=True, factor=True))


def tidy(expr: sp.Expr) -> sp.Expr:
    """A simpler equal form of ``expr`` (never a longer one).

    >>> tidy(sp.log(2) / 2 + sp.log(4) / 2)
    3*log(2)/2
    >>> p = sp.Symbol("p", positive=True)
    >>> tidy(-p * sp.log(p) - (1 - p) * sp.log(1 - p))
    -p*log(p) - (1 - p)*log(1 - p)
    >>> rho = sp.Symbol("rho", real=True)
    >>> tidy(-sp.log(-(rho - 1) * (rho + 1)) / 2)
    -log(1 - rho**2)/2
    """
    expr = to_sympy(expr, "the expression to tidy")
    if not isinstance(expr, sp.Expr) or expr.has(sp.Integral, sp.Sum):
        return expr
    candidate = _split_rational_logs(expr)
    if not candidate.free_symbols:
        candidate = sp.nsimplify(candidate) if candidate.is_Rational else candidate
    candidates = [expr, candidate]
    if candidate.free_symbols:
        candidates.append(sp.expand_log(candidate))
        # factored arguments such as log(-(rho - 1)*(rho + 1)) read better multiplied out
        candidates.append(candidate.replace(
            lambda e: isinstance(e, sp.log) and e.args[0].is_Mul,
            lambda e: sp.log(sp.expand(e.args[0]))))
    else:  # a number: collect the logs of primes
        candidates.append(sp.expand(candidate))
    return min(candidates, key=lambda e: (sp.count_ops(e), len(str(e))))
