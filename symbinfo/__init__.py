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
    ".channels": ("BlahutArimoto", "binary_erasure_channel", "binary_symmetric_channel",
                  "blahut_arimoto", "channel_capacity", "gaussian_channel_capacity", "z_channel"),
    ".codegen": ("to_mpmath", "to_numpy", "to_source"),
    ".derivation.derivation": ("derive",),
    ".derivation.steps": ("Derivation", "DerivationError"),
    ".distributions.categorical": ("categorical",),
    ".distributions.joint": ("FiniteJointRV", "JointTable", "JointVariable"),
    ".errors": ("InternalError", "InvalidDistributionError", "InvalidParameterError",
                "MismatchError", "ParseError", "ResourceLimitError", "SymbinfoError",
                "UnsupportedInputError"),
    ".functions": ("BinaryEntropy", "h2"),
    ".limits": ("Limits", "current_limits", "set_limits", "using_limits"),
    ".maxent": ("MaxEntropy", "max_entropy"),
    ".measures": ("AlphaDivergence", "BhattacharyyaCoefficient", "BhattacharyyaDistance",
                  "ChiSquareDivergence", "CoInformation", "ConditionalCrossEntropy",
                  "ConditionalEntropy", "ConditionalKLDivergence", "CrossEntropy",
                  "DualTotalCorrelation", "Entropy", "Extropy", "FisherInformation",
                  "GiniImpurity", "HellingerDistance", "InformationMeasure",
                  "InteractionInformation", "JensenShannonDivergence", "KLDivergence",
                  "LautumInformation", "MutualInformation", "NeymanChiSquareDivergence",
                  "OInformation", "Perplexity", "RenyiDivergence", "RenyiEntropy",
                  "SibsonMutualInformation", "TotalCorrelation", "TotalVariation",
                  "TsallisEntropy", "WeightedJensenShannonDivergence", "alpha_divergence",
                  "bhattacharyya_coefficient", "bhattacharyya_distance", "chi_square_divergence",
                  "co_information", "collision_entropy", "conditional_cross_entropy",
                  "conditional_entropy", "conditional_kl_divergence", "cramer_rao_bound",
                  "cross_entropy", "dual_total_correlation", "entropy", "extropy", "f_divergence",
                  "fisher_information", "gini_impurity", "hellinger_distance", "information_gain",
                  "interaction_information", "jeffreys_prior", "js_divergence", "kl_divergence",
                  "lautum_information", "mutual_information", "neyman_chi_square_divergence",
                  "o_information", "perplexity", "renyi_divergence", "renyi_entropy",
                  "sibson_mutual_information", "total_correlation", "total_variation",
                  "tsallis_entropy", "weighted_js_divergence"),
    ".measures.base": ("set_notation",),
    ".parsing": ("parse_distribution", "parse_expression", "parse_latex"),
    ".render": ("standalone", "to_latex", "to_markdown"),
    ".shannon": ("ShannonResult", "function_of", "independent", "markov_chain"),
    ".verify": ("Verification", "check", "identities", "verify"),
    ".verify.expansion": ("local_kl_expansion",),
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
    from .channels import (
        BlahutArimoto,
        binary_erasure_channel,
        binary_symmetric_channel,
        blahut_arimoto,
        channel_capacity,
        gaussian_channel_capacity,
        z_channel,
    )
    from .codegen import to_mpmath, to_numpy, to_source
    from .derivation.derivation import derive
    from .derivation.steps import Derivation, DerivationError
    from .distributions.categorical import categorical
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
    from .functions import BinaryEntropy, h2
    from .limits import Limits, current_limits, set_limits, using_limits
    from .maxent import MaxEntropy, max_entropy
    from .measures import (
        AlphaDivergence,
        BhattacharyyaCoefficient,
        BhattacharyyaDistance,
        ChiSquareDivergence,
        CoInformation,
        ConditionalCrossEntropy,
        ConditionalEntropy,
        ConditionalKLDivergence,
        CrossEntropy,
        DualTotalCorrelation,
        Entropy,
        Extropy,
        FisherInformation,
        GiniImpurity,
        HellingerDistance,
        InformationMeasure,
        InteractionInformation,
        JensenShannonDivergence,
        KLDivergence,
        LautumInformation,
        MutualInformation,
        NeymanChiSquareDivergence,
        OInformation,
        Perplexity,
        RenyiDivergence,
        RenyiEntropy,
        SibsonMutualInformation,
        TotalCorrelation,
        TotalVariation,
        TsallisEntropy,
        WeightedJensenShannonDivergence,
        alpha_divergence,
        bhattacharyya_coefficient,
        bhattacharyya_distance,
        chi_square_divergence,
        co_information,
        collision_entropy,
        conditional_cross_entropy,
        conditional_entropy,
        conditional_kl_divergence,
        cramer_rao_bound,
        cross_entropy,
        dual_total_correlation,
        entropy,
        extropy,
        f_divergence,
        fisher_information,
        gini_impurity,
        hellinger_distance,
        information_gain,
        interaction_information,
        jeffreys_prior,
        js_divergence,
        kl_divergence,
        lautum_information,
        mutual_information,
        neyman_chi_square_divergence,
        o_information,
        perplexity,
        renyi_divergence,
        renyi_entropy,
        sibson_mutual_information,
        total_correlation,
        total_variation,
        tsallis_entropy,
        weighted_js_divergence,
    )
    from .measures.base import set_notation
    from .parsing import parse_distribution, parse_expression, parse_latex
    from .render import standalone, to_latex, to_markdown
    from .shannon import ShannonResult, function_of, independent, markov_chain
    from .shannon import prove as prove_shannon
    from .verify import Verification, check, identities, verify
    from .verify.expansion import local_kl_expansion

__all__ = [
    "AlphaDivergence",
    "BhattacharyyaCoefficient",
    "BhattacharyyaDistance",
    "BinaryEntropy",
    "BlahutArimoto",
    "ChiSquareDivergence",
    "CoInformation",
    "ConditionalCrossEntropy",
    "ConditionalEntropy",
    "ConditionalKLDivergence",
    "CrossEntropy",
    "Derivation",
    "DerivationError",
    "DualTotalCorrelation",
    "Entropy",
    "Extropy",
    "FiniteJointRV",
    "FisherInformation",
    "GiniImpurity",
    "HellingerDistance",
    "InformationMeasure",
    "InteractionInformation",
    "InternalError",
    "InvalidDistributionError",
    "InvalidParameterError",
    "JensenShannonDivergence",
    "JointTable",
    "JointVariable",
    "KLDivergence",
    "LautumInformation",
    "Limits",
    "MaxEntropy",
    "MismatchError",
    "MutualInformation",
    "NeymanChiSquareDivergence",
    "OInformation",
    "ParseError",
    "Perplexity",
    "RenyiDivergence",
    "RenyiEntropy",
    "ResourceLimitError",
    "ShannonResult",
    "SibsonMutualInformation",
    "SymbinfoError",
    "TotalCorrelation",
    "TotalVariation",
    "TsallisEntropy",
    "UnsupportedInputError",
    "Verification",
    "WeightedJensenShannonDivergence",
    "alpha_divergence",
    "bhattacharyya_coefficient",
    "bhattacharyya_distance",
    "binary_erasure_channel",
    "binary_symmetric_channel",
    "blahut_arimoto",
    "categorical",
    "channel_capacity",
    "check",
    "chi_square_divergence",
    "co_information",
    "collision_entropy",
    "conditional_cross_entropy",
    "conditional_entropy",
    "conditional_kl_divergence",
    "cramer_rao_bound",
    "cross_entropy",
    "current_limits",
    "derive",
    "dual_total_correlation",
    "entropy",
    "extropy",
    "f_divergence",
    "fisher_information",
    "function_of",
    "gaussian_channel_capacity",
    "gini_impurity",
    "h2",
    "hellinger_distance",
    "identities",
    "independent",
    "information_gain",
    "interaction_information",
    "jeffreys_prior",
    "js_divergence",
    "kl_divergence",
    "lautum_information",
    "local_kl_expansion",
    "markov_chain",
    "max_entropy",
    "mutual_information",
    "neyman_chi_square_divergence",
    "o_information",
    "parse_distribution",
    "parse_expression",
    "parse_latex",
    "perplexity",
    "prove_shannon",
    "renyi_divergence",
    "renyi_entropy",
    "set_limits",
    "set_notation",
    "shannon",
    "sibson_mutual_information",
    "standalone",
    "to_latex",
    "to_markdown",
    "to_mpmath",
    "to_numpy",
    "to_source",
    "total_correlation",
    "total_variation",
    "tsallis_entropy",
    "using_limits",
    "verify",
    "weighted_js_divergence",
    "z_channel",
]
