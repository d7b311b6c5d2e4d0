r"""The LaTeX formulas people write for information theory, with the SymPy meaning intended.

Shared by the tests and by ``parsing_compare_latex_parsers.py`` (which measured SymPy's own LaTeX
parsers against ours on this table; see docs/parsing-choice.md).
"""

from __future__ import annotations

import random

import mpmath
import sympy as sp

S = sp.Symbol
a, b, k, n, p, x, N, P, H, d = (S(c) for c in ("a", "b", "k", "n", "p", "x", "N", "P", "H", "d"))
alpha, beta, theta, lam, sigma, mu = (
    S(c) for c in ("alpha", "beta", "theta", "lambda", "sigma", "mu")
)
sigma_1, sigma_2, mu_1, mu_2, Sigma = (
    S(c) for c in ("sigma_1", "sigma_2", "mu_1", "mu_2", "Sigma")
)
pi, E, log = sp.pi, sp.E, sp.log

#: (LaTeX as written by hand, intended SymPy expression)
LATEX_TABLE: list[tuple[str, sp.Basic]] = [
    (r"\frac{1}{2}\log(2\pi e\sigma^2)", log(2 * pi * E * sigma**2) / 2),
    (r"\frac12 \ln(2 \pi e \sigma^2)", log(2 * pi * E * sigma**2) / 2),
    (r"\log_2 n", log(n, 2)),
    (r"\log_{2}(x)", log(x, 2)),
    (r"\ln x", log(x)),
    (r"\psi(\alpha)", sp.digamma(alpha)),
    (r"\Gamma(k)", sp.gamma(k)),
    (r"\mathrm{B}(\alpha,\beta)", sp.beta(alpha, beta)),
    (r"\operatorname{B}(\alpha, \beta)", sp.beta(alpha, beta)),
    (r"\gamma", sp.EulerGamma),
    (r"\sigma_1", sigma_1),
    (r"\mu_{2}", mu_2),
    (r"\sigma_1^2", sigma_1**2),
    (r"2\pi e", 2 * pi * E),
    (r"k\theta", k * theta),
    (r"\left( a + b \right)^2", (a + b) ** 2),
    (r"a \cdot b", a * b),
    (r"a \times b", a * b),
    (r"\sqrt{2\pi}", sp.sqrt(2 * pi)),
    (r"\sqrt[3]{x}", sp.root(x, 3)),
    (r"e^{x}", sp.exp(x)),
    (r"\exp(-x^2/2)", sp.exp(-(x**2) / 2)),
    (r"\tfrac{1}{2}\log(2\pi e)", log(2 * pi * E) / 2),
    (r"\dfrac{a}{b}", a / b),
    (r"\log\frac{a}{b}", log(a / b)),
    (r"-p\log p - (1-p)\log(1-p)", -p * log(p) - (1 - p) * log(1 - p)),
    (r"\frac{(\mu_1-\mu_2)^2}{2\sigma_2^2}", (mu_1 - mu_2) ** 2 / (2 * sigma_2**2)),
    (
        r"\log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1-\mu_2)^2}{2\sigma_2^2}"
        r" - \frac{1}{2}",
        log(sigma_2 / sigma_1)
        + (sigma_1**2 + (mu_1 - mu_2) ** 2) / (2 * sigma_2**2)
        - sp.Rational(1, 2),
    ),
    (
        r"k + \ln\theta + \ln\Gamma(k) + (1-k)\psi(k)",
        k + log(theta) + log(sp.gamma(k)) + (1 - k) * sp.digamma(k),
    ),
    (
        r"\ln \mathrm{B}(\alpha,\beta) - (\alpha-1)\psi(\alpha) - (\beta-1)\psi(\beta)"
        r" + (\alpha+\beta-2)\psi(\alpha+\beta)",
        log(sp.beta(alpha, beta))
        - (alpha - 1) * sp.digamma(alpha)
        - (beta - 1) * sp.digamma(beta)
        + (alpha + beta - 2) * sp.digamma(alpha + beta),
    ),
    (r"1 - \ln\lambda", 1 - log(lam)),
    (r"\ln(b-a)", log(b - a)),
    (r"1 + \ln(2b)", 1 + log(2 * b)),
    (r"\ln(4\pi\gamma)", log(4 * pi * sp.EulerGamma)),
    (r"\frac{1}{2}\log_2(2\pi e \sigma^2)", log(2 * pi * E * sigma**2, 2) / 2),
    (r"-p\log_2 p - (1-p)\log_2(1-p)", -p * log(p, 2) - (1 - p) * log(1 - p, 2)),
    (r"\log(1 + \frac{P}{N})", log(1 + P / N)),
    (r"\frac{1}{2}\log\left(1+\frac{P}{N}\right)", log(1 + P / N) / 2),
    (r"\ln|x|", log(sp.Abs(x))),
    (
        r"\frac{d}{2}\left(1+\ln(2\pi)\right) + \frac12\ln\sigma^2",
        d / 2 * (1 + log(2 * pi)) + log(sigma**2) / 2,
    ),
    (r"x^{-1}", 1 / x),
    (
        r"\frac{\Gamma(\alpha+\beta)}{\Gamma(\alpha)\Gamma(\beta)}",
        sp.gamma(alpha + beta) / (sp.gamma(alpha) * sp.gamma(beta)),
    ),
    (r"\binom{n}{k} p^k (1-p)^{n-k}", sp.binomial(n, k) * p**k * (1 - p) ** (n - k)),
    (r"\log_2 3", log(3, 2)),
    (r"2^{-H}", 2 ** (-H)),
    (
        r"\frac{1}{\sigma\sqrt{2\pi}} e^{-\frac{(x-\mu)^2}{2\sigma^2}}",
        sp.exp(-((x - mu) ** 2) / (2 * sigma**2)) / (sigma * sp.sqrt(2 * pi)),
    ),
    (r"\mu_1 - \mu_2", mu_1 - mu_2),
    (r"\alpha\beta", alpha * beta),
    (r"\frac{a+b}{2}", (a + b) / 2),
    (r"\ln 2", log(2)),
    (r"\log_{10}(x)", log(x, 10)),
    (r"\psi^{(1)}(x)", sp.polygamma(1, x)),
    (r"\lambda e^{-\lambda x}", lam * sp.exp(-lam * x)),
    (r"\frac{\lambda^k e^{-\lambda}}{k!}", lam**k * sp.exp(-lam) / sp.factorial(k)),
    (r"\frac{1}{2}\log\frac{\sigma_2^2}{\sigma_1^2}", log(sigma_2**2 / sigma_1**2) / 2),
    (r"\sin^2 x + \cos^2 x", sp.sin(x) ** 2 + sp.cos(x) ** 2),
    (r"$\frac{1}{2}\log 2\pi e\sigma^2$", log(2 * pi * E * sigma**2) / 2),
    (r"\log 2 + \log 3", log(6)),
    (r"\frac{1}{2} \cdot \log(2 \pi e) + \log \sigma", log(2 * pi * E) / 2 + log(sigma)),
    (r"\varepsilon^2", S("epsilon") ** 2),
    (r"\ln\Gamma(\alpha) - \ln\Gamma(\beta)", log(sp.gamma(alpha)) - log(sp.gamma(beta))),
]

# What "lenient" scoring forgives: SymPy's parsers read e, gamma, pi as plain symbols and
# name subscripted symbols "sigma_{1}" where SymPy syntax (and we) say "sigma_1".
LENIENT = {S("e"): sp.E, S("gamma"): sp.EulerGamma, S("pi"): sp.pi}


def _lenient(expr: sp.Basic) -> sp.Basic:
    renames = {
        s: S(s.name.replace("_{", "_").replace("}", "").replace("varepsilon", "epsilon"))
        for s in expr.free_symbols
    }
    return expr.xreplace(renames).subs(LENIENT)


def same(got: object, want: sp.Basic, lenient: bool = False, trials: int = 3) -> bool:
    """True when ``got`` equals ``want`` at random points (symbols matched by name)."""
    if not isinstance(got, sp.Basic):
        return False
    if lenient:
        got = _lenient(got)
    names = sorted({s.name for s in got.free_symbols | want.free_symbols})
    if {s.name for s in got.free_symbols} - {s.name for s in want.free_symbols}:
        return False
    rng = random.Random(1234)
    for _ in range(trials):
        values = {nm: sp.Rational(rng.randint(11, 39), 20) for nm in names}
        # n, k are integer-ish parameters; keep b > a for log(b - a) and p in (0, 1).
        values.update({"n": sp.Integer(rng.randint(5, 9)), "k": sp.Integer(rng.randint(1, 4))})
        if "p" in values:
            values["p"] = sp.Rational(rng.randint(1, 9), 10)
        if "b" in values and "a" in values:
            values["b"] = values["a"] + 1

        def at(e: sp.Basic, values: dict = values) -> mpmath.mpc:
            sub = {s: values[s.name] for s in e.free_symbols}
            return mpmath.mpmathify(sp.N(e.subs(sub), 30))

        try:
            g, w = at(got), at(want)
        except (TypeError, ValueError):
            return False
        if abs(g - w) > mpmath.mpf("1e-20") * (1 + abs(w)):
            return False
    return True
