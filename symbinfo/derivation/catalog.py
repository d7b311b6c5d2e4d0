"""Built-in example derivations: one per path the engine can take (for docs, notebooks, tests).

>>> sorted(EXAMPLES)[:2]
['bernoulli_entropy', 'bernoulli_entropy_bits']
>>> derivation("bernoulli_entropy").result
-p*log(p) - (1 - p)*log(1 - p)
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import sympy as sp
from sympy.stats import (
    Bernoulli,
    Beta,
    Die,
    Exponential,
    Gamma,
    Laplace,
    MultivariateNormal,
    Normal,
    Poisson,
    Uniform,
)

from ..distributions.joint import FiniteJointRV
from ..measures import (
    ConditionalEntropy,
    CrossEntropy,
    Entropy,
    JensenShannonDivergence,
    KLDivergence,
    MutualInformation,
    RenyiEntropy,
)
from ..measures.base import InformationMeasure
from .steps import Derivation

_mu1, _mu2 = sp.symbols("mu_1 mu_2", real=True)
_s1, _s2 = sp.symbols("sigma_1 sigma_2", positive=True)
_p = sp.Symbol("p", positive=True)
_half, _quarter = sp.Rational(1, 2), sp.Rational(1, 4)


_rho = sp.Symbol("rho", real=True)


def _bsc() -> tuple:
    """X uniform on {0, 1} through a binary symmetric channel with crossover probability ε."""
    e = sp.Symbol("epsilon", positive=True)
    return FiniteJointRV("X Y", [[(1 - e) / 2, e / 2], [e / 2, (1 - e) / 2]])


def _table() -> tuple:
    return FiniteJointRV("X Y", [[_half, 0], [_quarter, _quarter]])


#: name → function building the measure (built lazily: some build random variables)
EXAMPLES: dict[str, Callable[[], InformationMeasure]] = {
    "gaussian_kl": lambda: KLDivergence(Normal("P", _mu1, _s1), Normal("Q", _mu2, _s2)),
    "gaussian_entropy": lambda: Entropy(Normal("X", _mu1, _s1)),
    "gaussian_cross_entropy": lambda: CrossEntropy(Normal("P", _mu1, _s1),
                                                   Normal("Q", _mu2, _s2)),
    "exponential_kl": lambda: KLDivergence(
        Exponential("P", sp.Symbol("lambda", positive=True)),
        Exponential("Q", sp.Symbol("eta", positive=True))),
    "gamma_entropy": lambda: Entropy(Gamma("G", sp.Symbol("k", positive=True),
                                           sp.Symbol("theta", positive=True))),
    "laplace_entropy": lambda: Entropy(Laplace("L", _mu1, sp.Symbol("b", positive=True))),
    "uniform_entropy": lambda: Entropy(Uniform("U", *sp.symbols("a b", real=True))),
    "bernoulli_entropy": lambda: Entropy(Bernoulli("B", _p)),
    "bernoulli_entropy_bits": lambda: Entropy(Bernoulli("B", _quarter), base=2),
    "joint_entropy": lambda: Entropy(*_table()),
    "mutual_information": lambda: MutualInformation(*_table()),
    "conditional_entropy": lambda: ConditionalEntropy(_table()[0], given=_table()[1]),
    "dice_kl": lambda: KLDivergence(Die("A", 2), Die("C", 4)),
    "dice_kl_infinite": lambda: KLDivergence(Die("C", 4), Die("A", 2)),
    "poisson_entropy_open": lambda: Entropy(Poisson("N", 2)),
    "beta_kl": lambda: KLDivergence(Beta("P", *sp.symbols("alpha_1 beta_1", positive=True)),
                                    Beta("Q", *sp.symbols("alpha_2 beta_2", positive=True))),
    "mvn_entropy": lambda: Entropy(MultivariateNormal(
        "X", [0, 0], [[_s1**2, _rho * _s1 * _s2], [_rho * _s1 * _s2, _s2**2]])),
    "renyi_entropy_die": lambda: RenyiEntropy(Die("D", 6), sp.Symbol("alpha", positive=True)),
    "js_divergence_dice": lambda: JensenShannonDivergence(Die("A", 2), Die("C", 4)),
    "bsc_mutual_information_bits": lambda: MutualInformation(*_bsc(), base=2),
}


@functools.cache
def derivation(name: str) -> Derivation:
    """The derivation of example ``name`` (built and checked once, then cached)."""
    from .derivation import derive

    return derive(EXAMPLES[name]())
