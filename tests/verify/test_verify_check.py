"""check(): right answers pass, wrong hand answers are diagnosed with the right mistake."""

from __future__ import annotations

import pytest
import sympy as sp
from sympy.stats import Bernoulli

import symbinfo as si
from symbinfo.verify import check, match_symbols

p, q = sp.symbols("p q", positive=True)
s, lam, b, theta, k = sp.symbols("sigma lambda b theta k", positive=True)
mu1, mu2 = sp.symbols("mu1 mu2", real=True)
s1, s2 = sp.symbols("sigma1 sigma2", positive=True)

KL = si.KLDivergence(Bernoulli("P", p), Bernoulli("Q", q))
KL_VALUE = p * sp.log(p / q) + (1 - p) * sp.log((1 - p) / (1 - q))
CE = si.CrossEntropy(Bernoulli("P", p), Bernoulli("Q", q))
H_BERN = si.Entropy(Bernoulli("B", p))
H_GAUSS = sp.log(2 * sp.pi * sp.E * s**2) / 2
H_EXP = 1 - sp.log(lam)  # Exponential(rate lambda)
H_LAPLACE = 1 + sp.log(2 * b)  # Laplace(scale b)
H_GAMMA = k + sp.log(theta) + sp.loggamma(k) + (1 - k) * sp.polygamma(0, k)  # Gamma(k, scale)
KL_GAUSS = sp.log(s2 / s1) + (s1**2 + (mu1 - mu2) ** 2) / (2 * s2**2) - sp.Rational(1, 2)

WRONG = [
    # (answer as a SymPy expression, target, expected diagnosis)
    (q * sp.log(q / p) + (1 - q) * sp.log((1 - q) / (1 - p)), KL, "swapped arguments"),
    (-q * sp.log(p) - (1 - q) * sp.log(1 - p), CE, "swapped arguments"),
    (-KL_VALUE, KL, "sign"),
    (KL_VALUE / sp.log(2), KL, "bits vs nats"),
    (2 * KL_VALUE, KL, "missing 1/2"),
    ((-p * sp.log(p) - (1 - p) * sp.log(1 - p)) / sp.log(2), H_BERN, "bits vs nats"),
    (p * sp.log(p) + (1 - p) * sp.log(1 - p), H_BERN, "sign"),
    (sp.log(2 * sp.pi * sp.E * s**2), H_GAUSS, "missing 1/2"),
    (sp.log(2 * sp.pi * sp.E * s**2) / 4, H_GAUSS, "extra 1/2"),
    (sp.log(2 * sp.pi * s**2) / 2, H_GAUSS, "missing constant"),
    (sp.log(s), H_GAUSS, "missing constant"),
    (sp.log(2 * sp.pi * sp.E * s**2) / 2 + 1, H_GAUSS, "extra constant"),
    (sp.log(2 * sp.pi * sp.E * s**2) / (2 * sp.log(2)), H_GAUSS, "bits vs nats"),
    (1 + sp.log(lam), H_EXP, "scale vs rate"),
    (1 + sp.log(2 / b), H_LAPLACE, "scale vs rate"),
    (k - sp.log(theta) + sp.loggamma(k) + (1 - k) * sp.polygamma(0, k), H_GAMMA, "scale vs rate"),
    (-KL_GAUSS, KL_GAUSS, "sign"),
    (sp.log(s2 / s1) + (s1**2 + (mu1 - mu2) ** 2) / (2 * s2**2), KL_GAUSS, "extra constant"),
]


@pytest.mark.parametrize(("answer", "target", "mistake"), WRONG,
                         ids=[f"{i}-{m}" for i, (_, _, m) in enumerate(WRONG)])
def test_wrong_answer_is_diagnosed(answer, target, mistake):
    v = check(answer, target, points=6)
    assert v.status == "refuted" and not v
    assert mistake in v.diagnosis, str(v)


def test_constant_is_reported():
    v = check(sp.log(2 * sp.pi * s**2) / 2, H_GAUSS, points=6)
    assert v.details["missing constant"] == "target = answer + (1/2)"


def test_right_answers_pass():
    assert check(KL_VALUE, KL, points=6)
    assert check(sp.log(s) + sp.log(2 * sp.pi * sp.E) / 2, H_GAUSS, points=6).status == "proved"


def test_symbols_are_matched_by_name():
    out, unmatched = match_symbols(sp.Symbol("mu_1") + sp.Symbol("sigma"), [mu1, s])
    assert out == mu1 + s and not unmatched


# --- strings, through symbinfo.parsing --------------------------------------------------------

STRINGS = [
    (r"\frac12\log(2\pi e\sigma^2)", H_GAUSS, None),
    ("log(2*pi*E*sigma**2)/2", H_GAUSS, None),
    (r"\log_2(2\pi e\sigma^2)/2", H_GAUSS, "bits vs nats"),
    (r"\log(2\pi e\sigma^2)", H_GAUSS, "missing 1/2"),
    (r"\frac{1}{2}\log(2\pi\sigma^2)", H_GAUSS, "missing constant"),
    ("1 + log(lambda)", H_EXP, "scale vs rate"),
    ("q*log(q/p) + (1-q)*log((1-q)/(1-p))", KL, "swapped arguments"),
    (r"\log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1-\mu_2)^2}{2\sigma_2^2}",
     KL_GAUSS, "extra constant"),
    (r"-\log\frac{\sigma_2}{\sigma_1} - \frac{\sigma_1^2 + (\mu_1-\mu_2)^2}{2\sigma_2^2} + \frac12",
     KL_GAUSS, "sign"),
]


@pytest.mark.parametrize(("answer", "target", "mistake"), STRINGS,
                         ids=[f"{i}" for i in range(len(STRINGS))])
def test_string_answers(answer, target, mistake):
    v = check(answer, target, points=6)
    if mistake is None:
        assert v, str(v)
    else:
        assert not v and mistake in v.diagnosis, str(v)


def test_unknown_symbol_is_reported():
    v = check("log(tau)", H_GAUSS, points=6)
    assert not v and "unknown symbols" in v.diagnosis


def test_strings_are_never_evaluated():
    with pytest.raises(si.ParseError):
        check("__import__('os').system('true')", H_GAUSS)


def test_measure_target_in_bits():
    h_bits = si.Entropy(Bernoulli("B", p), base=2)
    nats = -p * sp.log(p) - (1 - p) * sp.log(1 - p)
    v = check(nats, h_bits, points=6)
    assert not v and "bits vs nats" in v.diagnosis
    assert check(nats / sp.log(2), h_bits, points=6)


def test_engine_evaluation_as_target():
    evaluation = H_BERN.nats()  # a symbinfo result with provenance
    assert check(-p * sp.log(p) - (1 - p) * sp.log(1 - p), evaluation, points=6)
