"""The information measures: unevaluated SymPy classes and the functions that evaluate them."""

from .base import InformationMeasure, LogBase
from .divergences import (
    CrossEntropy,
    HellingerDistance,
    JensenShannonDivergence,
    KLDivergence,
    RenyiDivergence,
    RenyiEntropy,
    TotalVariation,
    TsallisEntropy,
    cross_entropy,
    hellinger_distance,
    js_divergence,
    kl_divergence,
    renyi_divergence,
    renyi_entropy,
    total_variation,
    tsallis_entropy,
)
from .gain import information_gain
from .shannon import (
    CoInformation,
    ConditionalEntropy,
    DualTotalCorrelation,
    Entropy,
    MutualInformation,
    TotalCorrelation,
    co_information,
    conditional_entropy,
    dual_total_correlation,
    entropy,
    mutual_information,
    total_correlation,
)

__all__ = [
    "CoInformation", "ConditionalEntropy", "CrossEntropy", "DualTotalCorrelation", "Entropy",
    "HellingerDistance", "InformationMeasure", "JensenShannonDivergence", "KLDivergence",
    "LogBase", "MutualInformation", "RenyiDivergence", "RenyiEntropy", "TotalCorrelation",
    "TotalVariation", "TsallisEntropy", "co_information", "conditional_entropy", "cross_entropy",
    "dual_total_correlation", "entropy", "hellinger_distance", "information_gain",
    "js_divergence", "kl_divergence", "mutual_information", "renyi_divergence", "renyi_entropy",
    "total_correlation", "total_variation", "tsallis_entropy",
]

# --- issue 9, items 3-4: Fisher information and the measures beside Shannon's ---
from .conditional import (
    ConditionalCrossEntropy,
    ConditionalKLDivergence,
    LautumInformation,
    SibsonMutualInformation,
    conditional_cross_entropy,
    conditional_kl_divergence,
    lautum_information,
    sibson_mutual_information,
)
from .fisher import (
    FisherInformation,
    cramer_rao_bound,
    fisher_information,
    jeffreys_prior,
)
from .mixtures import WeightedJensenShannonDivergence, weighted_js_divergence
from .multivariate import (
    InteractionInformation,
    OInformation,
    interaction_information,
    o_information,
)
from .uncertainty import (
    Extropy,
    GiniImpurity,
    Perplexity,
    extropy,
    gini_impurity,
    perplexity,
)

__all__ += [
    "ConditionalCrossEntropy", "ConditionalKLDivergence", "Extropy", "FisherInformation",
    "GiniImpurity",
    "InteractionInformation", "LautumInformation", "OInformation", "Perplexity",
    "SibsonMutualInformation", "WeightedJensenShannonDivergence", "conditional_cross_entropy",
    "conditional_kl_divergence", "cramer_rao_bound", "extropy", "fisher_information",
    "gini_impurity", "interaction_information", "jeffreys_prior", "lautum_information",
    "o_information", "perplexity", "sibson_mutual_information",
    "weighted_js_divergence",
]

# generalised divergences (issue 9)
from .divergences import (  # noqa: E402
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
