r"""The identity catalog, as data.

Each :class:`Identity` has a name, a statement (a function of the parameters you substitute —
distributions, random variables of one joint table, symbols — returning an unevaluated
``Eq``/``Le``/``Ge`` of measures), its conditions, its source, and a few concrete instances it
is checked on. Identities known to be *false* (forward KL = reverse KL) are kept as expected
refutations: showing the counterexample is the point.

>>> names = [i.name for i in identities()]
>>> "cross-entropy decomposition" in names, "KL symmetry (false)" in names
(True, True)
>>> ident = identity("mutual information symmetry")
>>> X, Y = sp.symbols("X Y")
>>> ident.statement(X, Y)
Eq(I(X; Y), I(Y; X))
>>> ident.verify(X, Y).status
'proved'
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import sympy as sp
from sympy.stats import Bernoulli, Binomial, Die, FiniteRV, Laplace, Logistic, Normal, Uniform

from ..distributions.continuous import pdf_of
from ..distributions.view import finite_pmf
from ..measures import (
    ConditionalEntropy,
    CrossEntropy,
    Entropy,
    JensenShannonDivergence,
    KLDivergence,
    MutualInformation,
    TotalVariation,
)
from .core import verify
from .result import Verification

CT = "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006)"


@dataclass(frozen=True)
class Identity:
    """One catalogued identity or inequality.

    >>> gibbs = identity("Gibbs' inequality")
    >>> gibbs.formula, gibbs.source.endswith("Theorem 2.6.3 (information inequality)")
    ('D_KL(P || Q) >= 0', True)
    >>> P, Q = gibbs.instances()[0]          # Bernoulli(p) against Bernoulli(q)
    >>> gibbs.verify(P, Q, points=5).status
    'verified'
    """

    name: str
    formula: str  #: the statement in words/symbols, for listings
    statement: Callable[..., sp.Basic]
    conditions: str
    source: str
    instances: Callable[[], list[tuple]] = field(repr=False)
    expected_refutation: bool = False
    #: verify options for this identity (fewer points when sides need quadrature)
    options: dict = field(default_factory=dict, repr=False)
    #: Shannon-prover constraints for abstract arguments (e.g. a Markov chain)
    constraints: Callable[..., list] | None = field(default=None, repr=False)

    def claim(self, *args: object) -> sp.Basic:
        """The statement for these arguments."""
        return self.statement(*args)

    def verify(self, *args: object, **options: object) -> Verification:
        """``verify`` the statement for these arguments (``options`` override the defaults)."""
        quadrature = _QUADRATURE if any(_continuous(a) for a in args) else {}
        kwargs = {**quadrature, **self.options, **options}
        if self.constraints is not None and all(isinstance(a, sp.Symbol) and
                                                not hasattr(a, "pspace") for a in args):
            with contextlib.suppress(ImportError):  # no Shannon prover: verify says so
                kwargs.setdefault("constraints", self.constraints(*args))
        result = verify(self.statement(*args), **kwargs)
        result.expected_refutation = self.expected_refutation
        return result

    def row(self) -> tuple[str, str, str, str]:
        return (self.name, self.formula, self.conditions, self.source)


def _continuous(arg: object) -> bool:
    from ..distributions.view import Kind, kind_of

    try:
        return kind_of(arg) is Kind.CONTINUOUS
    except Exception:  # not a random variable at all (a symbol, a table of numbers)
        return False


# --- concrete instances ------------------------------------------------------------------

def _rng(tag: str) -> random.Random:
    return random.Random(f"symbinfo-catalog-{tag}")


def random_pmf(n: int, rng: random.Random) -> list[sp.Rational]:
    """n positive rationals summing to 1."""
    weights = [rng.randint(1, 9) for _ in range(n)]
    return [sp.Rational(w, sum(weights)) for w in weights]


def random_table(shape: Sequence[int], rng: random.Random) -> dict[tuple, sp.Rational]:
    """A joint table over ``shape`` with random positive rational entries."""
    import itertools

    keys = list(itertools.product(*(range(n) for n in shape)))
    return dict(zip(keys, random_pmf(len(keys), rng), strict=True))


def symbolic_table(shape: Sequence[int], prefix: str = "p") -> dict[tuple, sp.Expr]:
    """A joint table of free symbols, the last entry written as 1 − the others."""
    import itertools

    keys = list(itertools.product(*(range(n) for n in shape)))
    cells = [sp.Symbol(prefix + "".join(map(str, k))) for k in keys[:-1]]
    return dict(zip(keys, [*cells, 1 - sp.Add(*cells)], strict=True))


def markov_table(px: Sequence[sp.Expr], channel1: Sequence[Sequence[sp.Expr]],
                 channel2: Sequence[Sequence[sp.Expr]]) -> dict[tuple, sp.Expr]:
    """p(x, y, z) = p(x) p(y|x) p(z|y): a Markov chain X → Y → Z."""
    return {(x, y, z): px[x] * channel1[x][y] * channel2[y][z]
            for x in range(len(px)) for y in range(len(channel1[0]))
            for z in range(len(channel2[0]))}


def _random_channel(n: int, m: int, rng: random.Random) -> list[list[sp.Rational]]:
    return [random_pmf(m, rng) for _ in range(n)]


def _joint(names: str, table: dict) -> tuple:
    from ..distributions.joint import FiniteJointRV

    return FiniteJointRV(names, table)


def _two_variable_instances() -> list[tuple]:
    rng = _rng("xy")
    X, Y = sp.symbols("X Y")
    return [
        _joint("X Y", symbolic_table((2, 2))),
        _joint("X Y", random_table((3, 3), rng)),
        (Die("D1", 2), Die("D1", 2) + Die("D2", 3)),
        (X, Y),
    ]


def _three_variable_instances() -> list[tuple]:
    rng = _rng("xyz")
    X, Y, Z = sp.symbols("X Y Z")
    return [
        _joint("X Y Z", symbolic_table((2, 2, 2))),
        _joint("X Y Z", random_table((2, 3, 2), rng)),
        _joint("X Y Z", _markov_instances()[1]),
        (X, Y, Z),
    ]


def _markov_instances() -> list[dict]:
    rng = _rng("markov")
    a, b, c = sp.symbols("a b c", positive=True)
    symbolic = markov_table([a, 1 - a], [[b, 1 - b], [1 - b, b]], [[c, 1 - c], [1 - c, c]])
    tables = [symbolic]
    for _ in range(2):
        tables.append(markov_table(random_pmf(3, rng), _random_channel(3, 3, rng),
                                   _random_channel(3, 2, rng)))
    return tables


def _finite(name: str, pmf: Sequence[sp.Expr]) -> sp.Basic:
    return FiniteRV(name, dict(enumerate(pmf)))


def _pair_instances() -> list[tuple]:
    rng = _rng("pq")
    p, q, a, b = sp.symbols("p q a b", positive=True)
    return [
        (Bernoulli("P", p), Bernoulli("Q", q)),
        (_finite("P", random_pmf(3, rng)), _finite("Q", random_pmf(3, rng))),
        (_finite("P", [a, b, 1 - a - b]), _finite("Q", random_pmf(3, rng))),
    ]


def _continuous_pairs() -> list[tuple]:
    mu1, mu2 = sp.symbols("mu1 mu2", real=True)
    s1, s2 = sp.symbols("sigma1 sigma2", positive=True)
    return [(Normal("P", mu1, s1), Normal("Q", mu2, s2))]


def _fano_instances() -> list[tuple]:
    rng = _rng("fano")
    return [
        _joint("X Y", random_table((3, 3), rng)),
        _joint("X Y", symbolic_table((2, 2))),
        _joint("X Y", random_table((4, 4), rng)),
    ]


# --- statements ----------------------------------------------------------------------------

def _kl_chain(p_table: dict, q_table: dict) -> sp.Basic:
    """D(P_XY ‖ Q_XY) = D(P_X ‖ Q_X) + D(P_{Y|X} ‖ Q_{Y|X} | P_X); the conditional term is
    summed from the tables."""
    xs = sorted({k[0] for k in p_table})
    ys = sorted({k[1] for k in p_table})
    px = {x: sp.Add(*(p_table[(x, y)] for y in ys)) for x in xs}
    qx = {x: sp.Add(*(q_table[(x, y)] for y in ys)) for x in xs}
    conditional = sp.Add(*(
        px[x] * sp.Add(*((p_table[(x, y)] / px[x])
                         * sp.log((p_table[(x, y)] / px[x]) / (q_table[(x, y)] / qx[x]))
                         for y in ys))
        for x in xs))
    lhs = KLDivergence(FiniteRV("P_XY", p_table), FiniteRV("Q_XY", q_table))
    rhs = KLDivergence(FiniteRV("P_X", px), FiniteRV("Q_X", qx)) + conditional
    return sp.Eq(lhs, rhs, evaluate=False)


def _kl_chain_instances() -> list[tuple]:
    rng = _rng("klchain")
    return [
        (random_table((2, 3), rng), random_table((2, 3), rng)),
        (symbolic_table((2, 2)), random_table((2, 2), rng)),
        (random_table((3, 3), rng), random_table((3, 3), rng)),
    ]


def _alphabet_size(x: sp.Basic) -> int:
    return len(finite_pmf(x))


def _fano(x: sp.Basic, y: sp.Basic) -> sp.Basic:
    """H(X|Y) ≤ h(Pe) + Pe log(|X| − 1) for the estimator X̂ = Y."""
    table = x.table
    i, j = x.index, y.index
    pe = sp.Add(*(p for k, p in table.pmf.items() if k[i] != k[j]))
    hb = -pe * sp.log(pe) - (1 - pe) * sp.log(1 - pe)
    return sp.Le(ConditionalEntropy(x, given=y), hb + pe * sp.log(_alphabet_size(x) - 1),
                 evaluate=False)


def _same_variance(sigma: sp.Expr, family: str) -> sp.Basic:
    """A zero-mean distribution of ``family`` with variance sigma**2."""
    if family == "Laplace":
        return Laplace("L", 0, sigma / sp.sqrt(2))  # variance 2 b^2
    if family == "Uniform":
        return Uniform("U", -sp.sqrt(3) * sigma, sp.sqrt(3) * sigma)  # variance (2a)^2 / 12
    if family == "Logistic":
        return Logistic("G", 0, sp.sqrt(3) * sigma / sp.pi)  # variance s^2 pi^2 / 3
    raise ValueError(f"no same-variance {family} distribution here")


def _log_sum(a: Sequence[sp.Expr], b: Sequence[sp.Expr]) -> sp.Basic:
    big_a, big_b = sp.Add(*a), sp.Add(*b)
    lhs = sp.Add(*(ai * sp.log(ai / bi) for ai, bi in zip(a, b, strict=True)))
    return sp.Ge(lhs, big_a * sp.log(big_a / big_b), evaluate=False)


def _log_sum_instances() -> list[tuple]:
    rng = _rng("logsum")
    a1, a2, b1, b2, a3, b3 = sp.symbols("a1 a2 b1 b2 a3 b3", positive=True)
    return [
        ((a1, a2), (b1, b2)),
        (tuple(sp.Rational(rng.randint(1, 20), rng.randint(1, 9)) for _ in range(3)),
         tuple(sp.Rational(rng.randint(1, 20), rng.randint(1, 9)) for _ in range(3))),
        ((a1, a2, a3), (b1, b2, b3)),
    ]


def _label_smoothing(k: int, target: int, q: Sequence[sp.Expr], eps: sp.Expr) -> sp.Basic:
    """CE(smoothed y, q) = (1 − ε) CE(y, q) + ε CE(uniform, q) for a one-hot y."""
    onehot = [sp.S.One if i == target else sp.S.Zero for i in range(k)]
    smoothed = [(1 - eps) * y + eps / k for y in onehot]
    qq = _finite("Q", q)
    lhs = CrossEntropy(_finite("Y_ls", smoothed), qq)
    rhs = (1 - eps) * CrossEntropy(_finite("Y", onehot), qq) + eps * CrossEntropy(
        _finite("U", [sp.Rational(1, k)] * k), qq)
    return sp.Eq(lhs, rhs, evaluate=False)


def _label_smoothing_instances() -> list[tuple]:
    rng = _rng("ls")
    eps = sp.Symbol("epsilon", positive=True)
    a, b = sp.symbols("a b", positive=True)
    return [
        (3, 0, random_pmf(3, rng), eps),
        (3, 2, [a, b, 1 - a - b], sp.Rational(1, 10)),
        (4, 1, random_pmf(4, rng), eps),
    ]


def _gaussian_nll(y: sp.Expr, mu: sp.Expr, sigma: sp.Expr) -> sp.Basic:
    """−log N(y; μ, σ²) − (y − μ)²/(2σ²) = ½ log(2πσ²): the MSE term plus a constant."""
    density = pdf_of(Normal("Y", mu, sigma).pspace.distribution, y)
    return sp.Eq(-sp.log(density) - (y - mu) ** 2 / (2 * sigma ** 2),
                 sp.log(2 * sp.pi * sigma ** 2) / 2, evaluate=False)


def _vae_kl(mu: sp.Expr, sigma: sp.Expr) -> sp.Basic:
    # sympy's Normal takes the standard deviation σ, the formula the variance σ².
    return sp.Eq(KLDivergence(Normal("P", mu, sigma), Normal("Q", 0, 1)),
                 (mu ** 2 + sigma ** 2 - 1 - sp.log(sigma ** 2)) / 2, evaluate=False)


def _local_kl(dist: sp.Basic) -> sp.Basic:
    from ..measures.fisher import kl_expansion_sides

    return sp.Eq(*kl_expansion_sides(dist), evaluate=False)


def _local_kl_instances() -> list[tuple]:
    from sympy.stats import Gamma, Poisson

    mu = sp.Symbol("mu", real=True)
    s, k, th, lam = sp.symbols("sigma k theta lambda", positive=True)
    return [(Normal("X", mu, s),), (Gamma("G", k, th),), (Poisson("N", lam),)]


def _symbols(names: str, **assumptions: bool) -> tuple:
    return sp.symbols(names, **assumptions)


_QUADRATURE = {"points": 4, "digits": 20}


def identities() -> list[Identity]:
    """Every catalogued identity, in a fixed order.

    >>> len(identities()) >= 25
    True
    """
    mu, y = _symbols("mu y", real=True)
    sigma = sp.Symbol("sigma", positive=True)
    p, q = _symbols("p q", positive=True)
    X, Y, Z = sp.symbols("X Y Z")

    def shannon_pairs() -> list[tuple]:
        return _two_variable_instances()

    def single_variable() -> list[tuple]:
        rng = _rng("single")
        tx, _ = _joint("X Y", symbolic_table((2, 2)))
        return [(tx,), (_finite("X", random_pmf(4, rng)),), (Die("D", 6),),
                (Binomial("B", 3, p),)]

    def markov() -> list[tuple]:
        return [_joint("X Y Z", t) for t in _markov_instances()] + [(X, Y, Z)]

    def markov_constraints(a: sp.Symbol, b: sp.Symbol, c: sp.Symbol) -> list:
        from ..shannon import markov_chain

        return [markov_chain(str(a), str(b), str(c))]

    def pairs_with_normals() -> list[tuple]:
        return _pair_instances() + _continuous_pairs()

    def triples() -> list[tuple]:
        rng = _rng("triples")
        r = sp.Symbol("r", positive=True)
        return [
            (Bernoulli("P", p), Bernoulli("Q", q), Bernoulli("R", r)),
            tuple(_finite(n, random_pmf(3, rng)) for n in "PQR"),
            (_finite("P", random_pmf(2, rng)), Bernoulli("Q", q), _finite("R", random_pmf(2, rng))),
        ]

    def gaussian_max() -> list[tuple]:
        return [(sigma, "Laplace"), (sigma, "Uniform"), (sigma, "Logistic")]

    def kl_asymmetry() -> list[tuple]:
        rng = _rng("asym")
        return [(Bernoulli("P", p), Bernoulli("Q", q)),
                (_finite("P", random_pmf(3, rng)), _finite("Q", random_pmf(3, rng))),
                (Normal("P", 0, 1), Normal("Q", 1, 2))]

    return [
        Identity("cross-entropy decomposition", "H(P, Q) = H(P) + D_KL(P || Q)",
                 lambda P, Q: sp.Eq(CrossEntropy(P, Q), Entropy(P) + KLDivergence(P, Q),
                                    evaluate=False),
                 "P absolutely continuous w.r.t. Q (otherwise both sides are +oo)",
                 f"{CT}, §2.3 (definitions of entropy and relative entropy)",
                 pairs_with_normals, options={}),
        Identity("mutual information as reduction of H(X)", "I(X; Y) = H(X) - H(X | Y)",
                 lambda X, Y: sp.Eq(MutualInformation(X, Y),
                                    Entropy(X) - ConditionalEntropy(X, given=Y), evaluate=False),
                 "X, Y of one joint distribution", f"{CT}, Theorem 2.4.1", shannon_pairs),
        Identity("mutual information as reduction of H(Y)", "I(X; Y) = H(Y) - H(Y | X)",
                 lambda X, Y: sp.Eq(MutualInformation(X, Y),
                                    Entropy(Y) - ConditionalEntropy(Y, given=X), evaluate=False),
                 "X, Y of one joint distribution", f"{CT}, Theorem 2.4.1", shannon_pairs),
        Identity("mutual information from joint entropy", "I(X; Y) = H(X) + H(Y) - H(X, Y)",
                 lambda X, Y: sp.Eq(MutualInformation(X, Y),
                                    Entropy(X) + Entropy(Y) - Entropy(X, Y), evaluate=False),
                 "X, Y of one joint distribution", f"{CT}, Theorem 2.4.1", shannon_pairs),
        Identity("chain rule for entropy", "H(X, Y) = H(X) + H(Y | X)",
                 lambda X, Y: sp.Eq(Entropy(X, Y), Entropy(X) + ConditionalEntropy(Y, given=X),
                                    evaluate=False),
                 "X, Y of one joint distribution", f"{CT}, Theorem 2.2.1", shannon_pairs),
        Identity("chain rule for entropy (three variables)",
                 "H(X, Y, Z) = H(X) + H(Y | X) + H(Z | X, Y)",
                 lambda X, Y, Z: sp.Eq(Entropy(X, Y, Z), Entropy(X)
                                       + ConditionalEntropy(Y, given=X)
                                       + ConditionalEntropy(Z, given=(X, Y)), evaluate=False),
                 "X, Y, Z of one joint distribution", f"{CT}, Theorem 2.5.1",
                 _three_variable_instances),
        Identity("chain rule for mutual information", "I(X; Y, Z) = I(X; Y) + I(X; Z | Y)",
                 lambda X, Y, Z: sp.Eq(MutualInformation(X, (Y, Z)), MutualInformation(X, Y)
                                       + MutualInformation(X, Z, given=Y), evaluate=False),
                 "X, Y, Z of one joint distribution", f"{CT}, Theorem 2.5.2",
                 _three_variable_instances),
        Identity("chain rule for relative entropy",
                 "D(P_XY || Q_XY) = D(P_X || Q_X) + D(P_{Y|X} || Q_{Y|X} | P_X)",
                 _kl_chain, "joint tables on the same alphabet, Q > 0",
                 f"{CT}, Theorem 2.5.3", _kl_chain_instances),
        Identity("mutual information symmetry", "I(X; Y) = I(Y; X)",
                 lambda X, Y: sp.Eq(MutualInformation(X, Y), MutualInformation(Y, X),
                                    evaluate=False),
                 "X, Y of one joint distribution", f"{CT}, §2.4", shannon_pairs),
        Identity("self-information", "I(X; X) = H(X)",
                 lambda X, Y: sp.Eq(MutualInformation(X, X), Entropy(X), evaluate=False),
                 "none", f"{CT}, §2.4 (eq. 2.45)", shannon_pairs),
        Identity("conditioning reduces entropy", "H(X | Y) <= H(X)",
                 lambda X, Y: sp.Le(ConditionalEntropy(X, given=Y), Entropy(X), evaluate=False),
                 "X, Y of one joint distribution (equality iff independent)",
                 f"{CT}, Theorem 2.6.5", shannon_pairs),
        Identity("Gibbs' inequality", "D_KL(P || Q) >= 0",
                 lambda P, Q: sp.Ge(KLDivergence(P, Q), 0, evaluate=False),
                 "equality iff P = Q", f"{CT}, Theorem 2.6.3 (information inequality)",
                 _pair_instances),
        Identity("data-processing inequality", "I(X; Z) <= I(X; Y)",
                 lambda X, Y, Z: sp.Le(MutualInformation(X, Z), MutualInformation(X, Y),
                                       evaluate=False),
                 "X -> Y -> Z is a Markov chain", f"{CT}, Theorem 2.8.1", markov,
                 constraints=markov_constraints),
        Identity("entropy at most log of the alphabet size", "H(X) <= log |X|",
                 lambda X: sp.Le(Entropy(X), sp.log(_alphabet_size(X)), evaluate=False),
                 "finite alphabet; equality iff X is uniform", f"{CT}, Theorem 2.6.4",
                 single_variable),
        Identity("Gaussian maximises differential entropy at fixed variance",
                 "h(Laplace/Uniform/Logistic with variance s^2) <= h(Normal(0, s))",
                 lambda s, family: sp.Le(Entropy(_same_variance(s, family)),
                                         Entropy(Normal("N", 0, s)), evaluate=False),
                 "same variance s^2", f"{CT}, Theorem 8.6.5", gaussian_max,
                 options=_QUADRATURE),
        Identity("Jensen-Shannon divergence is nonnegative", "D_JS(P || Q) >= 0",
                 lambda P, Q: sp.Ge(JensenShannonDivergence(P, Q), 0, evaluate=False),
                 "none", "Lin, Divergence measures based on the Shannon entropy, IEEE Trans. "
                 "Inf. Theory 37(1), 1991", _pair_instances),
        Identity("Jensen-Shannon divergence at most log 2", "D_JS(P || Q) <= log 2",
                 lambda P, Q: sp.Le(JensenShannonDivergence(P, Q), sp.log(2), evaluate=False),
                 "nats", "Lin, Divergence measures based on the Shannon entropy, IEEE Trans. "
                 "Inf. Theory 37(1), 1991", _pair_instances),
        Identity("triangle inequality for sqrt(JSD)",
                 "sqrt(D_JS(P || R)) <= sqrt(D_JS(P || Q)) + sqrt(D_JS(Q || R))",
                 lambda P, Q, R: sp.Le(sp.sqrt(JensenShannonDivergence(P, R)),
                                       sp.sqrt(JensenShannonDivergence(P, Q))
                                       + sp.sqrt(JensenShannonDivergence(Q, R)), evaluate=False),
                 "checked numerically", "Endres & Schindelin, A new metric for probability "
                 "distributions, IEEE Trans. Inf. Theory 49(7), 2003", triples),
        Identity("Pinsker's inequality", "TV(P, Q) <= sqrt(D_KL(P || Q) / 2)",
                 lambda P, Q: sp.Le(TotalVariation(P, Q), sp.sqrt(KLDivergence(P, Q) / 2),
                                    evaluate=False),
                 "KL in nats; TV = 1/2 sum |p - q|", f"{CT}, Lemma 11.6.1", _pair_instances),
        Identity("log-sum inequality", "sum a_i log(a_i / b_i) >= A log(A / B)",
                 _log_sum, "a_i, b_i > 0; A = sum a_i, B = sum b_i", f"{CT}, Theorem 2.7.1",
                 _log_sum_instances),
        Identity("Fano's inequality", "H(X | Y) <= h(Pe) + Pe log(|X| - 1)",
                 _fano, "estimator X^ = Y on the alphabet of X; Pe = P(X != Y)",
                 f"{CT}, Theorem 2.10.1", _fano_instances),
        Identity("binary cross-entropy", "-(y log q + (1 - y) log(1 - q)) = H(Bern(y), Bern(q))",
                 lambda yy, qq: sp.Eq(-(yy * sp.log(qq) + (1 - yy) * sp.log(1 - qq)),
                                      CrossEntropy(Bernoulli("Y", yy), Bernoulli("Q", qq)),
                                      evaluate=False),
                 "0 < y, q < 1", "Goodfellow, Bengio & Courville, Deep Learning (2016), §6.2",
                 lambda: [(p, q), (sp.Rational(1, 3), sp.Rational(3, 4)), (p, sp.Rational(1, 5))]),
        Identity("MSE as Gaussian negative log-likelihood",
                 "-log N(y; mu, s^2) - (y - mu)^2 / (2 s^2) = log(2 pi s^2) / 2",
                 _gaussian_nll, "s > 0 (the constant does not depend on y or mu)",
                 "Bishop, Pattern Recognition and Machine Learning (2006), §1.2.5",
                 lambda: [(y, mu, sigma), (y, mu, sp.S.One),
                          (sp.Rational(3, 2), -sp.S.One, sp.Integer(2))]),
        Identity("VAE KL term", "D_KL(N(mu, s^2) || N(0, 1)) = (mu^2 + s^2 - 1 - log s^2) / 2",
                 _vae_kl, "s > 0 (sympy's Normal takes the standard deviation)",
                 "Kingma & Welling, Auto-Encoding Variational Bayes (2014), Appendix B",
                 lambda: [(mu, sigma), (mu, sp.Integer(2)), (sp.Rational(1, 2), sigma)],
                 options=_QUADRATURE),
        Identity("label-smoothing decomposition",
                 "H(y_ls, q) = (1 - eps) H(y, q) + eps H(u, q), y_ls = (1 - eps) y + eps u",
                 _label_smoothing, "y one-hot, u uniform over the K classes, 0 <= eps <= 1",
                 "Szegedy et al., Rethinking the Inception Architecture (2016), §7",
                 _label_smoothing_instances),
        Identity("local KL expansion (Fisher information)",
                 "D_KL(p_theta || p_(theta + delta)) = delta' I(theta) delta / 2 + O(delta^3)",
                 _local_kl, "a regular family (support free of theta); the left side is the "
                 "series of the KL divergence through second order in delta",
                 "Kullback, Information Theory and Statistics (1959), ch. 2, §6",
                 _local_kl_instances),
        Identity("KL symmetry (false)", "D_KL(P || Q) = D_KL(Q || P)",
                 lambda P, Q: sp.Eq(KLDivergence(P, Q), KLDivergence(Q, P), evaluate=False),
                 "expected refutation: forward and reverse KL differ",
                 f"{CT}, §2.3 (relative entropy is not symmetric)", kl_asymmetry,
                 expected_refutation=True, options=_QUADRATURE),
    ]


def identity(name: str) -> Identity:
    """The catalogued identity called ``name``.

    >>> identity("Pinsker's inequality").source
    'Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), Lemma 11.6.1'
    """
    for ident in identities():
        if ident.name == name:
            return ident
    raise KeyError(f"no identity called {name!r}; see symbinfo.verify.identities()")


def catalog_rows() -> list[tuple[str, str, str, str]]:
    """(name, statement, conditions, source) for every identity, for the command line.

    >>> catalog_rows()[0][:2]
    ('cross-entropy decomposition', 'H(P, Q) = H(P) + D_KL(P || Q)')
    """
    return [ident.row() for ident in identities()]


def catalog_text() -> str:
    """The catalog as plain text, one identity per block (for ``symbinfo`` on the command line).

    >>> print(catalog_text().splitlines()[0])
    cross-entropy decomposition: H(P, Q) = H(P) + D_KL(P || Q)
    """
    blocks = []
    for ident in identities():
        head = f"{ident.name}: {ident.formula}"
        if ident.expected_refutation:
            head += "  [expected refutation]"
        blocks.append(f"{head}\n    conditions: {ident.conditions}\n    source: {ident.source}")
    return "\n".join(blocks)
