"""check() as people use it: wrong answers written in LaTeX, each slip named with its term
(>= 25 answers across ten targets), decimals judged to the digits given, floats, equations,
an explicit log base, and ``e`` read as Euler's number everywhere."""

from __future__ import annotations

import pytest
import sympy as sp
from sympy.stats import Bernoulli, Die, Exponential, Gamma, Laplace, Normal, Rayleigh

import symbinfo as si
from symbinfo import check

mu = sp.Symbol("mu", real=True)
mu1, mu2 = sp.symbols("mu1 mu2", real=True)
s, s1, s2, p, q = sp.symbols("sigma sigma1 sigma2 p q", positive=True)
lam, l1, l2, k, th, b = sp.symbols("lambda lambda1 lambda2 k theta b", positive=True)

TARGETS = {
    "h_normal": si.Entropy(Normal("X", mu, s)),
    "kl_normal": si.KLDivergence(Normal("P", mu1, s1), Normal("Q", mu2, s2)),
    "kl_bern": si.KLDivergence(Bernoulli("P", p), Bernoulli("Q", q)),
    "h_exp": si.Entropy(Exponential("X", lam)),  # rate lambda
    "h_gamma": si.Entropy(Gamma("X", k, th)),  # scale theta
    "h_laplace": si.Entropy(Laplace("X", mu, b)),
    "h_die_bits": si.Entropy(Die("X", 6), base=2),
    "h_bern_bits": si.Entropy(Bernoulli("X", p), base=2),
    "ce_normal": si.CrossEntropy(Normal("P", mu1, s1), Normal("Q", mu2, s2)),
    "kl_exp": si.KLDivergence(Exponential("P", l1), Exponential("Q", l2)),
    "h_rayleigh": si.Entropy(Rayleigh("X", s)),
}

FRAC = r"\frac{\sigma_1^2 + (\mu_1-\mu_2)^2}{2\sigma_2^2}"
# (target, the answer in LaTeX, the slips that must be named)
WRONG = [
    ("h_normal", r"\frac12\log(2\pi e\sigma)", {"square missing"}),
    ("h_normal", r"\frac12\log(2\pi\sigma^2)", {"missing constant"}),
    ("h_normal", r"\log(2\pi e\sigma^2)", {"missing 1/2"}),
    ("h_normal", r"\frac12\log_2(2\pi e\sigma^2)", {"bits vs nats"}),
    ("h_normal", r"-\frac12\ln(2\pi e\sigma^2)", {"sign"}),
    ("h_normal", r"\frac12\log_2(2\pi e\sigma)", {"square missing", "bits vs nats"}),
    ("kl_normal", r"\log\frac{\sigma_1}{\sigma_2} + " + FRAC + r" - \frac12", {"sign"}),
    ("kl_normal", r"\log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1-\mu_2)^2}{\sigma_2^2}"
     r" - \frac12", {"factor 2"}),
    ("kl_normal", r"\log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1 + (\mu_1-\mu_2)^2}{2\sigma_2^2}"
     r" - \frac12", {"square missing"}),
    ("kl_normal", r"\log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1+\mu_2)^2}"
     r"{2\sigma_2^2} - \frac12", {"sign"}),
    ("kl_normal", r"\log\frac{\sigma_2}{\sigma_1} + " + FRAC, {"extra constant"}),
    ("kl_normal", r"\log\frac{\sigma_1}{\sigma_2} + \frac{\sigma_1^2 + (\mu_1-\mu_2)^2}{\sigma_2^2}"
     r" - \frac12", {"sign", "factor 2"}),
    # two slips in one term: sigma for sigma^2 and the forgotten 2 of 2 sigma_2^2
    ("kl_normal", r"\log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1 + (\mu_1-\mu_2)^2}{\sigma_2^2}"
     r" - \frac12", {"square missing", "factor 2"}),
    ("kl_normal", r"D_{KL}(P\|Q) = \log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_2^2 + "
     r"(\mu_1-\mu_2)^2}{2\sigma_1^2} - \frac12", {"swapped indices"}),
    # the swapped-argument KL, as people write it
    ("kl_normal", r"\log\frac{\sigma_1}{\sigma_2} + \frac{\sigma_2^2 + (\mu_1-\mu_2)^2}"
     r"{2\sigma_1^2} - \frac12", {"swapped arguments"}),
    ("kl_normal", r"\ln\frac{\sigma_1}{\sigma_2} + \frac{\sigma_2^2+(\mu_2-\mu_1)^2}{2\sigma_1^2}"
     r" - \frac{1}{2}", {"swapped arguments"}),
    ("kl_normal", r"\frac{1}{2}\left(\frac{\sigma_2^2}{\sigma_1^2} + \frac{(\mu_1-\mu_2)^2}"
     r"{\sigma_1^2} - 1 + \ln\frac{\sigma_1^2}{\sigma_2^2}\right)", {"swapped arguments"}),
    ("kl_normal", r"\frac{\sigma_2^2}{\sigma_1^2} + \frac{(\mu_1-\mu_2)^2}{\sigma_1^2} - 1 + "
     r"\ln\frac{\sigma_1^2}{\sigma_2^2}", {"swapped arguments", "missing 1/2"}),
    ("kl_bern", r"q\log\frac{q}{p} + (1-q)\log\frac{1-q}{1-p}", {"swapped arguments"}),
    ("kl_bern", r"p\log\frac{q}{p} + (1-p)\log\frac{1-p}{1-q}", {"sign"}),
    ("kl_bern", r"p\log_2\frac{p}{q} + (1-p)\log\frac{1-p}{1-q}", {"wrong base"}),
    ("h_exp", r"1 + \log\lambda", {"scale vs rate"}),
    ("h_exp", r"2 - \log\lambda", {"extra constant"}),
    ("h_exp", r"\frac{1 + \log\lambda}{\log 2}", {"scale vs rate", "bits vs nats"}),
    ("h_gamma", r"k - \ln\theta + \ln\Gamma(k) + (1-k)\psi(k)", {"scale vs rate"}),
    ("h_gamma", r"k + \ln\theta + \ln\Gamma(k) + (1+k)\psi(k)", {"sign"}),
    ("h_laplace", r"1 + \log(2/b)", {"scale vs rate"}),
    ("h_laplace", r"\log(2b)", {"missing constant"}),
    ("h_die_bits", "1.792", {"bits vs nats"}),
    ("h_die_bits", "2.59", {"rounding"}),
    ("h_bern_bits", r"-p\ln p - (1-p)\ln(1-p)", {"bits vs nats"}),
    ("h_bern_bits", r"-p\log_2 p + (1-p)\log_2(1-p)", {"sign"}),
    ("ce_normal", r"\frac12\log(2\pi\sigma_2) + " + FRAC, {"square missing"}),
    ("ce_normal", r"\frac12\log(2\pi\sigma_1^2) + \frac{\sigma_2^2 + (\mu_1-\mu_2)^2}"
     r"{2\sigma_1^2}", {"swapped arguments"}),
    ("kl_exp", r"\log\frac{\lambda_2}{\lambda_1} + \frac{\lambda_2}{\lambda_1} - 1", {"sign"}),
    ("kl_exp", r"\log\frac{\lambda_2}{\lambda_1} + \frac{\lambda_1}{\lambda_2} - 1",
     {"swapped arguments"}),
    ("kl_exp", r"\log\frac{\lambda_1}{\lambda_2} + \frac{\lambda_2}{\lambda_1}",
     {"extra constant"}),
    ("h_rayleigh", r"1 + \ln\frac{\sigma}{\sqrt2}", {"missing constant"}),
    ("h_rayleigh", r"1 + \ln\frac{\sigma}{\sqrt2} - \frac{\gamma}{2}", {"sign"}),
    ("h_rayleigh", r"1 + \ln\frac{\sigma}{\sqrt2} + \gamma", {"factor 2"}),
]


def test_the_table_covers_ten_targets_and_every_slip():
    assert len(WRONG) >= 25 and len({t for t, _, _ in WRONG}) >= 10
    named = set().union(*(m for _, _, m in WRONG))
    assert {"sign", "factor 2", "square missing", "swapped indices", "swapped arguments",
            "bits vs nats", "wrong base", "scale vs rate", "missing constant", "missing 1/2",
            "rounding"} <= named
    assert sum(len(m) == 2 for _, _, m in WRONG) >= 4  # combinations of two slips


@pytest.mark.parametrize(("target", "tex", "mistakes"), WRONG,
                         ids=[f"{i}-{t}" for i, (t, _, _) in enumerate(WRONG)])
def test_wrong_latex_answer_is_diagnosed(target, tex, mistakes):
    v = check(tex, TARGETS[target], points=4)
    assert v.status == "refuted", str(v)
    assert mistakes <= set(v.diagnosis), str(v)
    for m in mistakes:
        assert v.details[m], str(v)


def test_the_diagnosis_names_the_term():
    v = check(r"\log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1-\mu_2)^2}{\sigma_2^2}"
              r" - \frac12", TARGETS["kl_normal"], points=4)
    assert "the term" in v.details["factor 2"] and "sigma2**2" in v.details["factor 2"]
    v = check(r"\log\frac{\sigma_1}{\sigma_2} + " + FRAC + r" - \frac12", TARGETS["kl_normal"],
              points=4)
    assert "log(sigma1/sigma2)" in v.details["sign"], v.details


# --- decimals and floats --------------------------------------------------------------------------

def test_rounded_decimal_is_accepted_to_the_digits_given():
    v = check("2.585", TARGETS["h_die_bits"])
    assert v and v.status == "verified" and v.agrees_to == 4
    assert "agrees to 4 significant digits" in str(v)
    assert check("2.58", TARGETS["h_die_bits"]).agrees_to == 3
    assert check(r"\log_2 6", TARGETS["h_die_bits"]).status == "proved"


def test_decimals_inside_an_expression():
    v = check("1.419 + log(sigma)", TARGETS["h_normal"], points=6)
    assert v.status == "verified" and v.agrees_to == 4, str(v)
    assert not check("1.42 + log(sigma**2)", TARGETS["h_normal"], points=6)
    # an exactly right decimal is a proof
    assert check("0.5*log(2*pi*e*sigma^2)", TARGETS["h_normal"]).status == "proved"


def test_too_many_digits_is_a_rounding_slip():
    v = check("2.584", TARGETS["h_die_bits"])
    assert not v and v.diagnosis == ["rounding"]
    assert "agrees to 3 significant digits only, not the 4 given" in v.details["rounding"]


@pytest.mark.parametrize(("answer", "target", "mistake"), [
    ("-2.585", "h_die_bits", "sign"),
    ("1.419 - log(sigma)", "h_normal", "scale vs rate"),
    (r"0.5\log(17.08\sigma)", "h_normal", "square missing"),  # 0.5 exact, 17.08 rounded
    (r"\frac12\log(2\pi e\sigma^2) + 0.0001", "h_normal", "extra constant"),
])
def test_rounded_answers_are_diagnosed_too(answer, target, mistake):
    v = check(answer, TARGETS[target], points=4)
    assert not v and v.diagnosis == [mistake], str(v)


def test_python_floats():
    import math

    assert check(2.585, TARGETS["h_die_bits"]).status == "verified"
    assert check(math.log2(6), TARGETS["h_die_bits"])  # 17 digits of a double
    assert check(sp.Float(2.585), TARGETS["h_die_bits"])
    v = check(1.792, TARGETS["h_die_bits"])
    assert not v and "bits vs nats" in v.diagnosis
    with pytest.raises(si.UnsupportedInputError):
        check(float("nan"), TARGETS["h_die_bits"])


# --- equations, log base, e -----------------------------------------------------------------------

@pytest.mark.parametrize("answer", [
    r"h(X) = \frac12\ln(2\pi e\sigma^2)",
    r"\frac12\ln(2\pi e\sigma^2) = h(X)",
    r"H(X) = \frac12\ln(2\pi e\sigma^2) = \ln\sigma + \frac12\ln(2\pi e)",
    "h == log(2*pi*e*sigma**2)/2",
])
def test_equations_either_side(answer):
    assert check(answer, TARGETS["h_normal"], points=6), answer


def test_equation_with_a_wrong_side_and_sympy_eq():
    v = check(r"h(X) = \frac12\ln(2\pi\sigma^2)", TARGETS["h_normal"], points=6)
    assert not v and "missing constant" in v.diagnosis
    assert check(sp.Eq(sp.Symbol("h"), sp.log(2 * sp.pi * sp.E * s**2) / 2), TARGETS["h_normal"])
    assert check(r"D_{KL}(P\|Q) = \log\frac{\sigma_2}{\sigma_1} + " + FRAC + r" - \frac12",
                 TARGETS["kl_normal"])


def test_log_base_option():
    bits = r"-p\log p - (1-p)\log(1-p)"
    assert check(bits, TARGETS["h_bern_bits"], log_base=2)
    v = check(bits, TARGETS["h_bern_bits"])
    assert not v and "log_base=2" in v.details["bits vs nats"]
    # \ln stays natural whatever the base of \log
    assert check(r"-p\ln p - (1-p)\ln(1-p)", si.Entropy(Bernoulli("X", p)), log_base=2)
    with pytest.raises(si.UnsupportedInputError):
        check("1", TARGETS["h_die_bits"], log_base=1)


def test_e_is_eulers_number_everywhere():
    e = sp.Symbol("e", positive=True)
    v = check("log(e)", sp.log(e))
    assert not v and any("Euler" in n for n in v.notes)
    assert check("1", sp.log(sp.E))
    with pytest.raises(si.ParseError, match="Euler"):
        si.parse_distribution("Exponential(e)", assumptions={"e": {"positive": True}})


# --- the command line -----------------------------------------------------------------------------

def run(capsys, *argv: str) -> tuple[int, str]:
    from symbinfo.cli import main

    code = main(list(argv))
    return code, capsys.readouterr().out


def test_cli_decimal_equation_and_log_base(capsys):
    code, out = run(capsys, "check", "2.585", "--entropy", "Die(6)", "--base", "2")
    assert code == 0 and "agrees to 4 significant digits" in out
    code, out = run(capsys, "check", r"h(X) = \frac12\ln(2\pi e\sigma^2)",
                    "--entropy", "Normal(mu, sigma)")
    assert code == 0 and "proved" in out
    answer = r"-p\log p - (1-p)\log(1-p)"
    code, out = run(capsys, "check", "--entropy", "Bernoulli(p)", "--base", "2",
                    "--log-base", "2", "--", answer)
    assert code == 0, out
    code, out = run(capsys, "check", "--entropy", "Bernoulli(p)", "--base", "2", "--", answer)
    assert code == 1 and "bits vs nats" in out and "--log-base 2" in out


def test_cli_e_cannot_be_a_parameter(capsys):
    from symbinfo.cli import main

    assert main(["entropy", "Exponential(e)", "--assume", "e:positive"]) == 2
    assert "Euler" in capsys.readouterr().err


def test_an_unknown_slip_still_names_the_term_that_differs():
    v = check(r"\log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2}{2\sigma_2^2} - \frac12",
              TARGETS["kl_normal"], points=4)
    assert v.diagnosis == ["wrong term"]
    assert v.details["wrong term"].startswith("the term sigma1**2/(2*sigma2**2) should be")


def test_rounded_coefficients_of_a_wrong_form_are_not_accepted():
    x = sp.Symbol("x", positive=True)
    # a truncated Taylor series with rounded coefficients is not log(1 + x)
    assert check("x - 0.5*x**2 + 0.333*x**3", sp.log(1 + x), points=4).status == "refuted"
