r"""Special functions of information theory that SymPy lacks: the binary entropy function.

``BinaryEntropy(p)`` is h(p) = −p log p − (1 − p) log(1 − p) in nats (Cover & Thomas (2006),
Elements of Information Theory, 2nd ed., example 2.1.1); ``BinaryEntropy(p, 2)`` is
h₂(p) = h(p)/log 2 in bits. It evaluates numerically, differentiates, rewrites to logarithms
and prints as a book writes it (LaTeX ``h_{2}(\varepsilon)``); generated code (lambdify, NumPy,
mpmath) gets the logarithms.

>>> import sympy as sp
>>> e = sp.Symbol("epsilon", positive=True)
>>> h2(e), sp.latex(h2(e)), h2(sp.Rational(1, 2))
(h2(epsilon), 'h_{2}\\left(\\epsilon\\right)', 1)
>>> sp.diff(BinaryEntropy(e), e)
log((1 - epsilon)/epsilon)
>>> BinaryEntropy(e).rewrite(sp.log)
-epsilon*log(epsilon) - (1 - epsilon)*log(1 - epsilon)
>>> h2(sp.Rational(1, 4)).evalf(20)
0.81127812445913286391
"""

from __future__ import annotations

import sympy as sp
from mpmath.libmp import prec_to_dps

from .errors import UnsupportedInputError
from .parsing.gate import to_expr


class BinaryEntropy(sp.Function):
    r"""The binary entropy function h_b(p) = (−p log p − (1 − p) log(1 − p))/log b, b = e by
    default (Cover & Thomas (2006), example 2.1.1); h(0) = h(1) = 0, h_b(1/2) = log_b 2.

    >>> p = sp.Symbol("p", positive=True)
    >>> BinaryEntropy(p), BinaryEntropy(p, sp.E), BinaryEntropy(0), BinaryEntropy(p, 2)
    (h(p), h(p), 0, h2(p))
    """

    nargs = (1, 2)

    def __new__(cls, *args: object, **options: object) -> sp.Expr:
        # SymPy's Function would sympify (evaluate) strings: every argument passes the gate
        if not 1 <= len(args) <= 2:
            raise UnsupportedInputError(
                f"BinaryEntropy takes p and optionally a base, not {len(args)} arguments")
        args = tuple(to_expr(a, "an argument of the binary entropy function") for a in args)
        return super().__new__(cls, *args, **options)

    @classmethod
    def eval(cls, p: sp.Expr, base: sp.Expr | None = None) -> sp.Expr | None:
        if base is not None and base == sp.E:
            return cls(p)
        scale = sp.S.One if base is None else 1 / sp.log(base)
        if p in (sp.S.Zero, sp.S.One):
            return sp.S.Zero
        if p == sp.S.Half:
            return sp.log(2) * scale
        return None

    @property
    def p(self) -> sp.Expr:
        return self.args[0]

    @property
    def base(self) -> sp.Expr:
        return self.args[1] if len(self.args) > 1 else sp.E

    def _scale(self) -> sp.Expr:
        return sp.S.One if self.base == sp.E else 1 / sp.log(self.base)

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        p = self.p
        if argindex == 1:
            return sp.log((1 - p) / p) * self._scale()
        if argindex == 2:
            return -self.rewrite(sp.log) / (self.base * sp.log(self.base))
        raise sp.ArgumentIndexError(self, argindex)

    def _eval_rewrite_as_log(self, p: sp.Expr, base: sp.Expr | None = None,
                             **kwargs: object) -> sp.Expr:
        return (-p * sp.log(p) - (1 - p) * sp.log(1 - p)) * self._scale()

    def normal(self) -> sp.Expr:
        """The logarithms: ``sympy.simplify`` normalises every subexpression bottom-up through
        this, so identities between h(p) and its logarithms simplify to 0 (its result keeps h
        when that is shorter).

        >>> p = sp.Symbol("p", positive=True)
        >>> sp.simplify(BinaryEntropy(p) + p * sp.log(p) + (1 - p) * sp.log(1 - p))
        0
        """
        return self.rewrite(sp.log)

    def _eval_evalf(self, prec: int) -> sp.Expr | None:
        value = self.rewrite(sp.log)
        return value.evalf(prec_to_dps(prec)) if value.is_number else None

    def _eval_is_extended_real(self) -> bool | None:
        p = self.p
        if p.is_extended_real and (p.is_nonnegative and (1 - p).is_nonnegative):
            return True
        return None

    def _eval_is_nonnegative(self) -> bool | None:
        base = self.base
        inside = self.p.is_nonnegative and (1 - self.p).is_nonnegative
        if inside and (base == sp.E or (base - 1).is_positive):
            return True
        return None

    # printing -------------------------------------------------------------------------------
    def _name(self, printer: object, latex: bool) -> str:
        if self.base == sp.E:
            return "h"
        b = printer._print(self.base)
        if latex:
            return rf"h_{{{b}}}"
        return f"h{b}" if self.base.is_Integer else f"h_{b}"

    def _sympystr(self, printer: object) -> str:
        return f"{self._name(printer, False)}({printer._print(self.p)})"

    def _latex(self, printer: object, exp: str | None = None) -> str:
        tex = rf"{self._name(printer, True)}\left({printer._print(self.p)}\right)"
        return tex if exp is None else rf"{tex}^{{{exp}}}"

    def _code(self, printer: object) -> str:
        # generated code (lambdify with the mpmath, NumPy or Python printers) gets the logarithms,
        # parenthesised: the caller prints h(p) as an atom, so -h(p)/2 must not become -a - b/2
        return f"({printer._print(self.rewrite(sp.log))})"

    _mpmathcode = _numpycode = _pythoncode = _lambdacode = _code


def h2(p: object) -> sp.Expr:
    """The binary entropy function in bits, h₂(p) = −p log₂ p − (1 − p) log₂(1 − p).

    >>> h2(sp.Rational(1, 2)), h2(sp.Symbol("q"))
    (1, h2(q))
    """
    return BinaryEntropy(to_expr(p, "the probability of h2"), 2)


__all__ = ["BinaryEntropy", "h2"]
