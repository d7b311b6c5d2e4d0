"""The closed-form rule registries, one per measure, filled by the rule modules imported below."""

from .registry import Rule, RuleRegistrationError, RuleRegistry

ENTROPY = RuleRegistry("entropy", arity=1)
KL_DIVERGENCE = RuleRegistry("kl_divergence", arity=2)
CROSS_ENTROPY = RuleRegistry("cross_entropy", arity=2)
#: log ∫ p**alpha (Rényi, Tsallis entropies); rules take (dist, alpha)
POWER_INTEGRAL = RuleRegistry("power_integral", arity=1)
#: log ∫ p**alpha q**(1 - alpha) (Rényi, Bhattacharyya, Hellinger, chi-square, Amari)
SKEW_INTEGRAL = RuleRegistry("skew_integral", arity=2)
TOTAL_VARIATION = RuleRegistry("total_variation", arity=2)

from . import entropy_continuous, entropy_discrete  # noqa: E402, F401  (rules register on import)

__all__ = [
    "CROSS_ENTROPY",
    "ENTROPY",
    "KL_DIVERGENCE",
    "POWER_INTEGRAL",
    "SKEW_INTEGRAL",
    "TOTAL_VARIATION",
    "Rule",
    "RuleRegistrationError",
    "RuleRegistry",
]

# Rule modules register themselves on import (after the registries above exist).
from . import kl_continuous  # noqa: E402, F401, I001
from . import kl_crossfamily, kl_discrete, multivariate  # noqa: E402, F401
from . import generalised  # noqa: E402, F401
