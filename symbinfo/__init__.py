"""symbinfo: symbolic, exact information theory on SymPy and mpmath.

>>> import sympy as sp
>>> from sympy.stats import Bernoulli
>>> import symbinfo as si
>>> p = sp.Symbol("p", positive=True)
>>> si.entropy(Bernoulli("B", p))
-p*log(p) - (1 - p)*log(1 - p)
"""

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

# generalised divergences (issue 9)
from .measures.divergences import (
    AlphaDivergence,
    BhattacharyyaCoefficient,
    BhattacharyyaDistance,
    ChiSquareDivergence,
    NeymanChiSquareDivergence,
    alpha_divergence,
    bhattacharyya_coefficient,
    bhattacharyya_distance,
    chi_square_divergence,
    collision_entropy,
    f_divergence,
    neyman_chi_square_divergence,
)

__all__ += [
    "AlphaDivergence",
    "BhattacharyyaCoefficient",
    "BhattacharyyaDistance",
    "ChiSquareDivergence",
    "NeymanChiSquareDivergence",
    "alpha_divergence",
    "bhattacharyya_coefficient",
    "bhattacharyya_distance",
    "chi_square_divergence",
    "collision_entropy",
    "f_divergence",
    "neyman_chi_square_divergence",
]
