"""Bring results to textbook form without ever changing their value on the declared domain.

Only transformations valid under the symbols' SymPy assumptions are used; logarithms of positive
rational numbers are split into logarithms of primes so exact results collect into a few terms
(``log(2)/2 + log(4)/2`` becomes ``3*log(2)/2``).

Both stay within the bound (:mod:`symbinfo.limits`): only integers below
``10**factor_digits`` are factored (a 101-digit semiprime would take hours), and an expression
holding numbers too large to touch (a special function of a huge integer, which SymPy would
evaluate exactly if the expression were rebuilt; a power with a huge exponent) is left as it is.
"""

from __future__ import annotations

import sympy as sp

from ..limits import current_limits, too_big_to_touch
from ..parsing.gate import to_sympy


def split_logs(expr: sp.Expr, force: bool = False) -> sp.Expr:
    """``expand_log(expr, force=force, factor=True)``, factoring only integers below
    ``10**factor_digits``; larger ones are only reduced when they are perfect powers (cheap).

    >>> split_logs(sp.log(12) - sp.log(sp.Rational(9, 2)))
    -log(3) + 3*log(2)
    >>> split_logs(sp.log(sp.Rational(1, 6**9999))) == -9999 * (sp.log(2) + sp.log(3))
    True
    >>> n = sp.nextprime(10**50) * sp.nextprime(3 * 10**50)   # a 101-digit semiprime
    >>> split_logs(sp.log(n**2)) == 2 * sp.log(n)
    True
    """
    bound = 10 ** current_limits().factor_digits

    def integer_log(n: sp.Integer) -> sp.Expr:
        root, power = sp.perfect_power(n) or (n, 1)
        if root >= bound:
            return power * sp.log(root)
        return power * sp.Add(*(m * sp.log(p) for p, m in sp.factorint(root).items()))

    expanded = sp.expand_log(expr, force=force, factor=False)
    return expanded.replace(
        lambda e: isinstance(e, sp.log) and e.args[0].is_Integer and e.args[0] > 1,
        lambda e: integer_log(e.args[0]),
    )


def _split_rational_logs(expr: sp.Expr) -> sp.Expr:
    def is_number_log(e: sp.Basic) -> bool:
        # force=True is safe here: the argument is a positive algebraic number
        arg = e.args[0] if isinstance(e, sp.log) else None
        return arg is not None and arg.is_number and arg.is_positive and arg.is_algebraic

    return expr.replace(is_number_log, lambda e: split_logs(e, force=True))


def _reduce_powers(expr: sp.Expr) -> sp.Expr:
    """log(n**k) -> k*log(n) for long integers that are perfect powers (no factoring: cheap);
    short ones are split into primes by the other candidates."""
    def reduced(e: sp.log) -> sp.Expr:
        found = sp.perfect_power(e.args[0])
        return found[1] * sp.log(found[0]) if found else e

    return expr.replace(
        lambda e: isinstance(e, sp.log) and e.args[0].is_Integer and e.args[0] > 10**15,
        reduced)


def _long_integers(e: sp.Expr) -> int:
    # a 100-digit integer reads worse than a few more operations: 100*log(10), not log(10**100)
    return sum(len(str(abs(i.p))) // 16 for i in e.atoms(sp.Integer))


def _cost(e: sp.Expr) -> tuple[bool, int, int]:
    try:
        return False, sp.count_ops(e) + _long_integers(e), len(str(e))
    except ValueError:  # holds an integer too long to print (over 4300 digits): last choice
        return True, 0, 0


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
    if not isinstance(expr, sp.Expr) or expr.has(sp.Integral, sp.Sum) or too_big_to_touch(expr):
        return expr
    candidate = _split_rational_logs(expr)
    candidates = [expr, candidate, _reduce_powers(expr)]
    if candidate.free_symbols:
        candidates.append(sp.expand_log(candidate))
        # factored arguments such as log(-(rho - 1)*(rho + 1)) read better multiplied out
        candidates.append(candidate.replace(
            lambda e: isinstance(e, sp.log) and e.args[0].is_Mul,
            lambda e: sp.log(sp.expand(e.args[0]))))
    else:  # a number: collect the logs of primes
        candidates.append(sp.expand(candidate))
    return min(candidates, key=_cost)
