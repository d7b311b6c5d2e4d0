"""Derivations: the generic engine (finite sums, continuous expectations, simplification) and
step-by-step, individually checked derivations of measures.

``symbinfo.derive`` is this subpackage *and* can be called like a function: calling it runs
:func:`symbinfo.derive.derivation.derive`. That keeps ``si.derive(measure)`` (the public API)
without a function shadowing the subpackage, which would break
``import symbinfo.derive.finite as f`` and ``symbinfo.derive.finite`` attribute access.

>>> import sympy as sp
>>> from sympy.stats import Bernoulli
>>> import symbinfo
>>> d = symbinfo.derive(symbinfo.Entropy(Bernoulli("B", sp.Rational(1, 2))))
>>> d.result
log(2)
"""

import sys
import types


class _CallableModule(types.ModuleType):
    def __call__(self, measure):
        """``derive(measure)``: see :func:`symbinfo.derive.derivation.derive`."""
        from .derivation import derive  # imported on call: the engine imports this package

        return derive(measure)


sys.modules[__name__].__class__ = _CallableModule
