"""symbinfo: symbolic, exact information theory on SymPy and mpmath.

>>> import sympy as sp
>>> from sympy.stats import Bernoulli
>>> import symbinfo as si
>>> p = sp.Symbol("p", positive=True)
>>> si.entropy(Bernoulli("B", p))
-p*log(p) - (1 - p)*log(1 - p)
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING

#: Where each public name lives. Modules are imported on first use, so ``import symbinfo`` and
#: ``symbinfo --help`` cost little beyond importing SymPy (the Shannon prover, the renderers, the
#: parsers and numpy are loaded only by what needs them). A new export: one entry here (module ->
#: names) and its name in ``__all__``.
_EXPORTS: dict[str, tuple[str, ...]] = {
    ".codegen": ("to_mpmath", "to_numpy"),
    ".derivation.derivation": ("derive",),
    ".derivation.steps": ("Derivation", "DerivationError"),
    ".distributions.joint": ("FiniteJointRV", "JointTable", "JointVariable"),
    ".errors": ("InternalError", "InvalidDistributionError", "InvalidParameterError",
                "MismatchError", "ParseError", "ResourceLimitError", "SymbinfoError",
                "UnsupportedInputError"),
    ".limits": ("Limits", "current_limits", "set_limits", "using_limits"),
    ".measures": ("CoInformation", "ConditionalEntropy", "CrossEntropy", "DualTotalCorrelation",
                  "Entropy", "HellingerDistance", "InformationMeasure",
                  "JensenShannonDivergence", "KLDivergence", "MutualInformation",
                  "RenyiDivergence", "RenyiEntropy", "TotalCorrelation", "TotalVariation",
                  "TsallisEntropy", "co_information", "conditional_entropy", "cross_entropy",
                  "dual_total_correlation", "entropy", "hellinger_distance", "information_gain",
                  "js_divergence", "kl_divergence", "mutual_information", "renyi_divergence",
                  "renyi_entropy", "total_correlation", "total_variation", "tsallis_entropy"),
    ".parsing": ("parse_distribution", "parse_expression", "parse_latex"),
    ".render": ("standalone", "to_latex", "to_markdown"),
    ".shannon": ("ShannonResult", "function_of", "independent", "markov_chain"),
    ".verify": ("Verification", "check", "identities", "verify"),
}
#: public names that differ from the name in their module
_RENAMED: dict[str, tuple[str, str]] = {"prove_shannon": (".shannon", "prove")}
_WHERE = {name: (module, name) for module, names in _EXPORTS.items() for name in names}
_WHERE.update(_RENAMED)


def __getattr__(name: str) -> object:
    """Import a public name's module on first use (PEP 562) and keep the name."""
    if name in _WHERE:
        module, attr = _WHERE[name]
        value = getattr(importlib.import_module(module, __name__), attr)
    elif name == "shannon" or (not name.startswith("_") and name.isidentifier()):
        try:  # a subpackage or module: symbinfo.shannon, symbinfo.measures ...
            value = importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(types.ModuleType):
    """symbinfo itself: importing the subpackage ``symbinfo.verify`` binds the attribute
    ``verify`` of its parent; that must not hide the public function of the same name."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in _WHERE and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


if TYPE_CHECKING:  # the same names, eagerly, for type checkers and editors
    from . import shannon
    from .codegen import to_mpmath, to_numpy
    from .derivation.derivation import derive
    from .derivation.steps import Derivation, DerivationError
    from .distributions.joint import FiniteJointRV, JointTable, JointVariable
    from .errors import (
        InternalError,
        InvalidDistributionError,
        InvalidParameterError,
        MismatchError,
        ParseError,
        ResourceLimitError,
        SymbinfoError,
        UnsupportedInputError,
    )
    from .limits import Limits, current_limits, set_limits, using_limits
    from .measures import (
        CoInformation,
        ConditionalEntropy,
        CrossEntropy,
        DualTotalCorrelation,
        Entropy,
        HellingerDistance,
        InformationMeasure,
        JensenShannonDivergence,
        KLDivergence,
        MutualInformation,
        RenyiDivergence,
        RenyiEntropy,
        TotalCorrelation,
        TotalVariation,
        TsallisEntropy,
        co_information,
        conditional_entropy,
        cross_entropy,
        dual_total_correlation,
        entropy,
        hellinger_distance,
        information_gain,
        js_divergence,
        kl_divergence,
        mutual_information,
        renyi_divergence,
        renyi_entropy,
        total_correlation,
        total_variation,
        tsallis_entropy,
    )
    from .parsing import parse_distribution, parse_expression, parse_latex
    from .render import standalone, to_latex, to_markdown
    from .shannon import ShannonResult, function_of, independent, markov_chain
    from .shannon import prove as prove_shannon
    from .verify import Verification, check, identities, verify

__all__ = [
    "CoInformation",
    "ConditionalEntropy",
    "CrossEntropy",
    "Derivation",
    "DerivationError",
    "DualTotalCorrelation",
    "Entropy",
    "FiniteJointRV",
    "HellingerDistance",
    "InformationMeasure",
    "InternalError",
    "InvalidDistributionError",
    "InvalidParameterError",
    "JensenShannonDivergence",
    "JointTable",
    "JointVariable",
    "KLDivergence",
    "Limits",
    "MismatchError",
    "MutualInformation",
    "ParseError",
    "RenyiDivergence",
    "RenyiEntropy",
    "ResourceLimitError",
    "ShannonResult",
    "SymbinfoError",
    "TotalCorrelation",
    "TotalVariation",
    "TsallisEntropy",
    "UnsupportedInputError",
    "Verification",
    "check",
    "co_information",
    "conditional_entropy",
    "cross_entropy",
    "current_limits",
    "derive",
    "dual_total_correlation",
    "entropy",
    "function_of",
    "hellinger_distance",
    "identities",
    "independent",
    "information_gain",
    "js_divergence",
    "kl_divergence",
    "markov_chain",
    "mutual_information",
    "parse_distribution",
    "parse_expression",
    "parse_latex",
    "prove_shannon",
    "renyi_divergence",
    "renyi_entropy",
    "set_limits",
    "shannon",
    "standalone",
    "to_latex",
    "to_markdown",
    "to_mpmath",
    "to_numpy",
    "total_correlation",
    "total_variation",
    "tsallis_entropy",
    "using_limits",
    "verify",
]
