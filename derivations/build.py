"""Write the gallery notebooks (clean: no outputs) from the cell sources below.

Run ``python derivations/build.py`` after editing; commit the regenerated ``.ipynb`` files.
Each notebook is a short textbook section: markdown explains, code derives with symbinfo, and the
last cell verifies the results (``si.verify``) and asserts them, so executing the notebook is a
test (``tests/test_notebooks.py``).

``metadata.symbinfo.requires`` lists what a notebook needs beyond the core package
(``module:<name>`` or ``rule:<REGISTRY>:<family>``); the notebook test skips, naming the missing
piece, when the installed symbinfo does not provide it yet.
"""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # build against this checkout's symbinfo
VERIFY = "module:symbinfo.verify"
#: Until symbinfo.verify is on main the notebooks carry a numeric stand-in for it (FALLBACK
#: below). Rebuilding in a checkout that has symbinfo.verify drops the stand-in and makes the
#: notebooks require the real one.
NUMERIC_FALLBACK = importlib.util.find_spec("symbinfo.verify") is None

IMPORTS = """\
import mpmath
import sympy as sp
import symbinfo as si
from IPython.display import display, Math

def show(label, expr):
    \"\"\"Display `label = expr` as a formula.\"\"\"
    display(Math(f"{label} = {sp.latex(expr)}"))"""

# The closing cell of every notebook: each claim verified by symbinfo, displayed and asserted.
VERIFY_CELL = """\
def check_claim(claim):
    \"\"\"(lhs, rhs) is an identity, (lhs, relation, rhs) an inequality such as (a, "<=", b).\"\"\"
    if len(claim) == 3:
        return verify(claim[0], claim[2], relation=claim[1])
    return verify(*claim)

results = {name: check_claim(claim) for name, claim in claims.items()}
for name, result in results.items():
    print(f"{name:<55} {result.status}")
    assert result, (name, result)
display(*results.values())"""


# Until symbinfo.verify lands on main: the same claims checked numerically at 30 digits at random
# points (positive symbols drawn from (0, 1/2), so probabilities stay valid). Removed after merge.
FALLBACK = """\
try:
    from symbinfo.verify import verify
except ImportError:
    import random

    class _Numeric:
        def __init__(self, ok, detail):
            self.status, self.detail = ("verified" if ok else "refuted"), detail
        def __bool__(self):
            return self.status == "verified"
        def __repr__(self):
            return f"{self.status} ({self.detail})"

    def _flat(x):
        return list(x) if isinstance(x, (sp.Tuple, sp.MatrixBase, tuple, list)) else [x]

    def verify(lhs, rhs=None, relation=None):
        if relation is not None:
            lhs, rhs = sp.Rel(lhs, rhs, relation, evaluate=False), None
        exprs = _flat(lhs) + ([] if rhs is None else _flat(rhs))
        free = set().union(*(sp.sympify(e).free_symbols for e in exprs))
        rng, worst = random.Random(1), 0
        for _ in range(5):
            point = {s: sp.Rational(rng.randint(1, 49), 100) if s.is_positive
                     else sp.Rational(rng.randint(-200, 200), 100) for s in free}
            if rhs is None:
                c = sp.sympify(lhs).subs(point)
                if not isinstance(c, sp.logic.boolalg.BooleanAtom):
                    c = c.func(*(sp.N(a, 30) for a in c.args))
                if not bool(c):
                    return _Numeric(False, f"fails at {point}")
                continue
            for a, b in zip(_flat(lhs), _flat(rhs), strict=True):
                err = abs(sp.N((sp.sympify(a) - sp.sympify(b)).subs(point), 30))
                worst = max(worst, err)
                if err > 1e-20:
                    return _Numeric(False, f"error {err} at {point}")
        return _Numeric(True, f"5 points, 30 digits, worst error {worst}")"""


def md(text: str) -> nbformat.NotebookNode:
    return new_markdown_cell(textwrap.dedent(text).strip())


def code(text: str) -> nbformat.NotebookNode:
    return new_code_cell(textwrap.dedent(text).strip())


def notebook(name: str, title: str, cells: list, requires: tuple[str, ...] = ()) -> None:
    if NUMERIC_FALLBACK:
        cells = [*cells[:-1], code(FALLBACK), cells[-1]]
    else:
        cells = [*cells[:-1], code("from symbinfo.verify import verify"), cells[-1]]
        requires = (VERIFY, *requires)
    nb = new_notebook(cells=[md(f"# {title}"), *cells], metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
        "symbinfo": {"requires": list(requires)},
    })
    # Stable cell ids keep regenerated notebooks diff-free.
    for k, cell in enumerate(nb.cells):
        cell["id"] = f"{name[:2]}-{k:02d}"
    nbformat.validate(nb)
    nbformat.write(nb, HERE / f"{name}.ipynb")


# --------------------------------------------------------------------------------------------
notebook("01-discrete-entropy", "Discrete entropy: how much surprise a source carries", [
    md(r"""
    The entropy of a discrete random variable $X$ with PMF $p$ is
    $$H(X) = -\sum_x p(x)\log p(x),$$
    with $0\log 0 = 0$ (the limit of $t\log t$ as $t\to 0$). With $\log_2$ it is measured in
    **bits**, with the natural log in **nats** (symbinfo's default; pass `base=2` for bits).
    """),
    code(IMPORTS),
    md("""
    ## A deterministic source
    The sun rises with probability one: no surprise at all.
    """),
    code("""
    from sympy.stats import Bernoulli, Die, FiniteRV

    sunrise = FiniteRV("S", {"rises": 1})
    H_det = si.entropy(sunrise, base=2)
    show(r"H(S)", H_det)
    """),
    md("""
    ## A uniform source
    Over $n$ equally likely outcomes every outcome has surprise $\\log n$, so $H = \\log_2 n$ bits:
    the most uncertain a variable with $n$ outcomes can be.
    """),
    code("""
    uniform_bits = {n: si.entropy(Die(f"U{n}", n), base=2) for n in (2, 4, 6, 8)}
    for n, h in uniform_bits.items():
        print(f"n = {n}:  H = {h} bits = {sp.N(h, 6)}")
    """),
    md("""
    ## A biased coin
    For a coin with $P(\\text{heads}) = p$ symbinfo returns the binary entropy function; at
    $p = 0.9$ it is about 0.469 bits, less than the fair coin's 1 bit.
    """),
    code("""
    p = sp.Symbol("p", positive=True)
    H_coin = si.entropy(Bernoulli("C", p), base=2)
    show(r"H_2(C)", H_coin)
    H_biased = H_coin.subs(p, sp.Rational(9, 10))
    H_fair = sp.nsimplify(H_coin.subs(p, sp.Rational(1, 2)))
    print("p = 0.9:", sp.N(H_biased, 6), "bits,", sp.N(si.entropy(Bernoulli("C9", sp.Rational(9, 10))), 6), "nats")
    print("p = 0.5:", H_fair, "bit")
    """),
    md("The fair coin is the maximum: the derivative vanishes only at $p = 1/2$."),
    code("""
    critical = sp.solve(sp.diff(H_coin, p), p)
    assert len(critical) == 1
    curvature = sp.simplify(sp.diff(H_coin, p, 2).subs(p, critical[0]))
    print("critical points:", critical, " second derivative there:", curvature)

    %matplotlib inline
    import matplotlib.pyplot as plt
    import numpy as np
    h = sp.lambdify(p, H_coin, "numpy")
    ps = np.linspace(1e-6, 1 - 1e-6, 400)
    plt.figure(figsize=(5, 3))
    plt.plot(ps, h(ps))
    plt.xlabel("p"); plt.ylabel("H (bits)"); plt.title("Binary entropy")
    plt.show()
    """),
    md("""
    ## Verified results
    Each claim is checked by `si.verify`; the right-hand sides are independent computations
    (plain mpmath sums of $-p\\log_2 p$).
    """),
    code("""
    def plain_bits(probs):
        return sp.Float(-mpmath.fsum(q * mpmath.log(q, 2) for q in probs if q), 60)

    with mpmath.workdps(60):
        claims = {
            "deterministic source: H = 0": (H_det, 0),
            "uniform over 8: H = 3 bits": (uniform_bits[8], 3),
            "uniform over 6: H = log2 6": (uniform_bits[6], plain_bits([mpmath.mpf(1) / 6] * 6)),
            "biased coin p=0.9 (bits)": (H_biased, plain_bits([mpmath.mpf("0.9"), mpmath.mpf("0.1")])),
            "fair coin: 1 bit": (H_fair, 1),
            "bits = nats / log 2": (H_coin * sp.log(2), si.entropy(Bernoulli("D", p))),
            "binary entropy is maximal at 1/2": (critical[0], sp.Rational(1, 2)),
        }
    """),
    code(VERIFY_CELL),
])

# --------------------------------------------------------------------------------------------
notebook("02-gaussian-differential-entropy", "Gaussian differential entropy and maximum entropy", [
    md(r"""
    For a density $f$ the differential entropy is $h(X) = -\int f(x)\log f(x)\,dx$. Unlike the
    discrete entropy it can be negative, and among all densities with a given variance the
    Gaussian has the largest: the principle of maximum entropy.
    """),
    code(IMPORTS),
    code("""
    from sympy.stats import Laplace, Normal, Uniform

    mu = sp.Symbol("mu", real=True)
    sigma = sp.Symbol("sigma", positive=True)
    h_normal = si.entropy(Normal("X", mu, sigma))
    show(r"h(\\mathcal{N}(\\mu, \\sigma^2))", h_normal)
    """),
    md("""
    It does not depend on $\\mu$ (shifting does not change uncertainty) and grows like
    $\\log\\sigma$. It is negative for small $\\sigma$: the sign changes where $2\\pi e\\sigma^2 = 1$.
    """),
    code("""
    sigma_zero = sp.solve(sp.Eq(h_normal, 0), sigma)
    print("h = 0 at sigma =", sigma_zero, "=", [sp.N(s, 6) for s in sigma_zero])
    """),
    md(r"""
    ## Maximum entropy at fixed variance
    Give a Laplace and a uniform density the same variance $\sigma^2$ (Laplace scale
    $b = \sigma/\sqrt 2$, uniform width $\sigma\sqrt{12}$) and compare.
    """),
    code("""
    h_laplace = si.entropy(Laplace("L", mu, sigma / sp.sqrt(2)))
    h_uniform = si.entropy(Uniform("U", mu - sp.sqrt(3) * sigma, mu + sp.sqrt(3) * sigma))
    gap_laplace = sp.simplify(h_normal - h_laplace)
    gap_uniform = sp.simplify(h_normal - h_uniform)
    show(r"h(\\mathcal N) - h(\\text{Laplace})", gap_laplace)
    show(r"h(\\mathcal N) - h(\\text{Uniform})", gap_uniform)
    print("gaps (nats):", sp.N(gap_laplace, 6), sp.N(gap_uniform, 6))
    """),
    md(r"""
    The gaps are positive constants. The reason is one line: for any density $f$ with variance
    $\sigma^2$, the cross-entropy against the Gaussian only sees the second moment,
    $H(f, \mathcal N) = \tfrac12\log(2\pi\sigma^2) + \mathbb E_f[(X-\mu)^2]/(2\sigma^2) = h(\mathcal N)$,
    so $h(\mathcal N) - h(f) = H(f, \mathcal N) - h(f) = D_{\mathrm{KL}}(f\,\|\,\mathcal N) \ge 0$.
    """),
    code("""
    from sympy.stats import E, density

    L = Laplace("L2", mu, sigma / sp.sqrt(2))
    x = sp.Symbol("x", real=True)
    cross_laplace_normal = sp.simplify(E(-sp.log(density(Normal("N", mu, sigma))(L))))
    show(r"H(\\text{Laplace}, \\mathcal N)", cross_laplace_normal)
    """),
    md("## Verified results"),
    code("""
    claims = {
        "h(Normal) = log(2*pi*e*sigma^2)/2": (h_normal, sp.log(2 * sp.pi * sp.E * sigma**2) / 2),
        "h(Normal) = 0 at sigma = 1/sqrt(2*pi*e)": (h_normal.subs(sigma, 1 / sp.sqrt(2 * sp.pi * sp.E)), 0),
        "h(Normal) > h(Laplace), same variance": (h_normal, ">", h_laplace),
        "h(Normal) > h(Uniform), same variance": (h_normal, ">", h_uniform),
        "H(Laplace, Normal) = h(Normal)": (cross_laplace_normal, h_normal),
    }
    """),
    code(VERIFY_CELL),
], requires=("rule:ENTROPY:Normal", "rule:ENTROPY:Laplace", "rule:ENTROPY:Uniform"))

# --------------------------------------------------------------------------------------------
notebook("03-cross-entropy-and-kl", "Cross-entropy = entropy + KL divergence", [
    md(r"""
    The cross-entropy $H(P, Q) = -\sum_x p(x)\log q(x)$ is the average code length when data
    from $P$ is encoded with a code built for $Q$. It splits into the unavoidable part and the
    penalty for using the wrong model:
    $$H(P, Q) = H(P) + D_{\mathrm{KL}}(P\,\|\,Q).$$
    Since $H(P)$ does not depend on $Q$, minimising cross-entropy over a model $Q$ is the same as
    minimising the KL divergence — the reason cross-entropy is the classification loss.
    """),
    code(IMPORTS),
    code("""
    from sympy.stats import Bernoulli, FiniteRV

    p, q = sp.symbols("p q", positive=True)
    P, Q = Bernoulli("P", p), Bernoulli("Q", q)
    H_PQ, H_P, D_PQ = si.cross_entropy(P, Q), si.entropy(P), si.kl_divergence(P, Q)
    show(r"H(P, Q)", H_PQ)
    show(r"H(P)", H_P)
    show(r"D_{\\mathrm{KL}}(P \\| Q)", D_PQ)
    gap = sp.expand_log(H_PQ - H_P - D_PQ, force=True)
    show(r"H(P, Q) - H(P) - D_{\\mathrm{KL}}(P \\| Q)", sp.simplify(gap))
    """),
    md("""
    ## The best model is the truth
    As a function of the model parameter $q$, the cross-entropy is minimal where its derivative
    vanishes: at $q = p$, where the KL term is zero (Gibbs' inequality).
    """),
    code("""
    best_q = sp.solve(sp.diff(H_PQ, q), q)
    assert len(best_q) == 1
    print("argmin_q H(P, Q):", best_q)
    show(r"D_{\\mathrm{KL}}(P \\| P)", sp.simplify(D_PQ.subs(q, p)))
    """),
    md("## Three outcomes, exact numbers"),
    code("""
    half, third, sixth = sp.Rational(1, 2), sp.Rational(1, 3), sp.Rational(1, 6)
    P3 = FiniteRV("P3", {"a": half, "b": third, "c": sixth})
    Q3 = FiniteRV("Q3", {"a": third, "b": third, "c": third})
    terms = {
        "H(P, Q)": si.cross_entropy(P3, Q3, base=2),
        "H(P)": si.entropy(P3, base=2),
        "D(P||Q)": si.kl_divergence(P3, Q3, base=2),
        "D(Q||P)": si.kl_divergence(Q3, P3, base=2),
    }
    for k, v in terms.items():
        print(f"{k:8} = {sp.N(v, 8)} bits")
    """),
    md("KL is not symmetric: $D(P\\|Q) \\ne D(Q\\|P)$ above."),
    md("## Verified results"),
    code("""
    claims = {
        "Bernoulli: H(P,Q) = H(P) + D(P||Q)": (H_PQ, H_P + D_PQ),
        "Bernoulli: argmin_q H(P,Q) = p": (best_q[0], p),
        "Gibbs: D(P||Q) >= 0 (p=1/5, q=2/3)": (D_PQ.subs({p: sp.Rational(1, 5), q: sp.Rational(2, 3)}), ">=", 0),
        "3 outcomes: H(P,Q) = H(P) + D(P||Q)": (terms["H(P, Q)"], terms["H(P)"] + terms["D(P||Q)"]),
        "3 outcomes: H(P,Q) = log2 3 (uniform Q)": (terms["H(P, Q)"], sp.log(3, 2)),
        "KL is asymmetric: D(Q||P) > D(P||Q) here": (terms["D(Q||P)"], ">", terms["D(P||Q)"]),
    }
    """),
    code(VERIFY_CELL),
])

# --------------------------------------------------------------------------------------------
notebook("04-forward-vs-reverse-kl", "Forward vs reverse KL: mean-seeking and mode-seeking", [
    md(r"""
    Fit a single Gaussian $q = \mathcal N(m, s^2)$ to a bimodal mixture
    $p = \tfrac12\mathcal N(-2, 0.6^2) + \tfrac12\mathcal N(2, 0.6^2)$.

    * **Forward KL** $D(p\,\|\,q)$ (maximum likelihood) punishes $q$ for being small where $p$ has
      mass: $q$ spreads over both modes (*mean-seeking*).
    * **Reverse KL** $D(q\,\|\,p)$ (variational inference) punishes $q$ for putting mass where $p$
      has none: $q$ settles on one mode (*mode-seeking*).
    """),
    code(IMPORTS),
    code("""
    from sympy.stats import Normal

    m = sp.Symbol("m", real=True)
    s = sp.Symbol("s", positive=True)
    weights, means, sd = [sp.Rational(1, 2)] * 2, [-2, 2], sp.Rational(3, 5)
    components = [Normal(f"P{i}", mu_i, sd) for i, mu_i in enumerate(means)]
    q = Normal("q", m, s)
    """),
    md(r"""
    ## Forward KL in closed form
    $D(p\|q) = H(p, q) - h(p)$ and $h(p)$ does not involve $q$. Cross-entropy is linear in $p$,
    so $H(p, q) = \sum_i w_i H(p_i, q)$ with a closed form per Gaussian component.
    """),
    code("""
    H_pq = sp.simplify(sum(w * si.cross_entropy(c, q) for w, c in zip(weights, components)))
    show(r"H(p, q)", H_pq)
    forward_opt = sp.solve([sp.diff(H_pq, m), sp.diff(H_pq, s)], [m, s], dict=True)
    print("forward-KL optimum:", forward_opt)
    """),
    md(r"""
    The optimum is moment matching: $m = \mathbb E_p[X] = 0$ and $s^2 = \mathrm{Var}_p[X] =
    0.6^2 + 2^2$ — one broad Gaussian straddling both modes, with most of its mass where $p$ has
    little.

    ## Reverse KL numerically
    $D(q\|p) = -h(q) - \mathbb E_q[\log p]$. The entropy $h(q)$ comes from symbinfo; the
    expectation of the log of a mixture has no closed form, so it is integrated numerically
    and minimised with SciPy from a start on each side.
    """),
    code("""
    import numpy as np
    from scipy import optimize

    h_q = sp.lambdify([s], si.entropy(q))
    # E_q[f] for q = N(mean, sd^2) on a fixed grid of 4001 points over mean +- 12 sd (Simpson's
    # rule): vectorised, so the optimiser's many evaluations stay fast. Gauss-Hermite would
    # converge slowly here: log p bends sharply between the modes.
    from scipy.integrate import simpson
    unit = np.linspace(-12, 12, 4001)
    unit_density = np.exp(-unit**2 / 2) / np.sqrt(2 * np.pi)
    from scipy.special import logsumexp

    def log_p(x):  # log of the mixture density, stable far in the tails
        x = np.asarray(x, dtype=float)[..., None]
        sd_, mus, ws = float(sd), np.array(means, dtype=float), np.array(weights, dtype=float)
        return logsumexp(-(x - mus) ** 2 / (2 * sd_**2) - np.log(np.sqrt(2 * np.pi) * sd_) + np.log(ws), axis=-1)

    def reverse_kl(params):
        mean, log_sd = params
        sd_q = np.exp(log_sd)
        e_log_p = simpson(unit_density * log_p(mean + sd_q * unit), x=unit)
        return -h_q(sd_q) - e_log_p

    fits = [optimize.minimize(reverse_kl, [start, 0.0], method="Nelder-Mead",
                              options={"xatol": 1e-6, "fatol": 1e-10}) for start in (-1.0, 1.0)]
    for fit in fits:
        print(f"reverse-KL fit from start {np.sign(fit.x[0]):+.0f}: m = {fit.x[0]:.4f}, s = {np.exp(fit.x[1]):.4f}, D(q||p) = {fit.fun:.4f}")
    fwd = forward_opt[0]
    print(f"moment-matched q: D(q||p) = {reverse_kl([float(fwd[m]), float(sp.log(fwd[s]))]):.4f}")
    """),
    code("""
    %matplotlib inline
    import matplotlib.pyplot as plt

    xs = np.linspace(-5, 5, 500)
    gauss = lambda x, mean, sd_: np.exp(-(x - mean) ** 2 / (2 * sd_ ** 2)) / (np.sqrt(2 * np.pi) * sd_)
    plt.figure(figsize=(6, 3.2))
    plt.plot(xs, np.exp(log_p(xs)), "k", lw=2, label="p (mixture)")
    plt.plot(xs, gauss(xs, float(fwd[m]), float(fwd[s])), "--", label="forward KL fit (mean-seeking)")
    plt.plot(xs, gauss(xs, fits[1].x[0], np.exp(fits[1].x[1])), ":", lw=2, label="reverse KL fit (mode-seeking)")
    plt.legend(fontsize=8); plt.xlabel("x")
    plt.show()
    """),
    md("## Verified results"),
    code("""
    fwd_m, fwd_s = forward_opt[0][m], forward_opt[0][s]
    with mpmath.workdps(60):
        # independent check of the symbolic cross-entropy: quadrature of -p(x) log q(x)
        at = {m: sp.Rational(1, 3), s: sp.Rational(3, 2)}
        p_dens = lambda x: sum(mpmath.npdf(x, mu_i, mpmath.mpf(3) / 5) for mu_i in means) / 2
        quad_H = -mpmath.quad(lambda x: p_dens(x) * mpmath.log(mpmath.npdf(x, mpmath.mpf(1) / 3, mpmath.mpf(3) / 2)),
                              [-mpmath.inf, -2, 0, 2, mpmath.inf])
    mode_fit = fits[1]
    claims = {
        "H(p, q) matches quadrature": (H_pq.subs(at), sp.Float(quad_H, 60)),
        "forward fit: mean = E_p[X] = 0": (fwd_m, 0),
        "forward fit: s^2 = Var_p[X] = 4 + 0.36": (fwd_s**2, 4 + sd**2),
    }
    # the numerical optimisation's outcome: plain assertions (there is no exact value to verify)
    assert abs(mode_fit.x[0] - 2) < 0.05, "reverse fit sits on the right-hand mode"
    assert np.exp(mode_fit.x[1]) < 0.7, "reverse fit is about as narrow as one component"
    assert abs(fits[0].x[0] + fits[1].x[0]) < 0.01, "the two starts find mirror-image modes"
    """),
    code(VERIFY_CELL),
], requires=("rule:KL_DIVERGENCE:Normal || Normal", "rule:ENTROPY:Normal"))

# --------------------------------------------------------------------------------------------
notebook("05-kl-between-gaussians", "KL divergence between Gaussians", [
    md(r"""
    The KL divergence between two Gaussians has a closed form,
    $$D_{\mathrm{KL}}(\mathcal N(\mu_1,\sigma_1^2)\,\|\,\mathcal N(\mu_2,\sigma_2^2))
      = \log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1-\mu_2)^2}{2\sigma_2^2} - \frac12,$$
    and so does its multivariate version. symbinfo derives the univariate form, and the
    multivariate one for independent coordinates, below.
    """),
    code(IMPORTS),
    code("""
    from sympy.stats import Normal

    m1, m2 = sp.symbols("mu_1 mu_2", real=True)
    s1, s2 = sp.symbols("sigma_1 sigma_2", positive=True)
    P, Q = Normal("P", m1, s1), Normal("Q", m2, s2)
    kl_pq = si.kl_divergence(P, Q)
    kl_qp = si.kl_divergence(Q, P)
    show(r"D_{\\mathrm{KL}}(P \\| Q)", kl_pq)
    """),
    md("""
    Where the formula comes from: symbinfo's derivation, each step checked against the previous
    one (definition, densities substituted, logarithms expanded, linearity of expectation, the
    Gaussian moments).
    """),
    code("""
    from symbinfo.derivation.derivation import derive

    derivation = derive(si.KLDivergence(P, Q))
    display(derivation)
    """),
    md("""
    It vanishes only for identical Gaussians and is not symmetric: swapping the arguments changes
    which variance sits in the denominator.
    """),
    code("""
    show(r"D(P\\|Q)\\big|_{\\mu_2=\\mu_1,\\ \\sigma_2=\\sigma_1}", sp.simplify(kl_pq.subs({m2: m1, s2: s1})))
    example = {m1: 0, s1: 1, m2: 1, s2: 2}
    print("D(P||Q) =", sp.N(kl_pq.subs(example), 6), "  D(Q||P) =", sp.N(kl_qp.subs(example), 6))
    """),
    md(r"""
    ## Multivariate
    For $k$-dimensional Gaussians
    $D = \tfrac12\left[\operatorname{tr}(\Sigma_2^{-1}\Sigma_1) + (\mu_2-\mu_1)^\top\Sigma_2^{-1}(\mu_2-\mu_1)
    - k + \log\frac{\det\Sigma_2}{\det\Sigma_1}\right]$.

    With diagonal covariances the coordinates are independent under both distributions, and the
    chain rule for relative entropy makes the divergence a sum over coordinates. symbinfo
    derives each term with the univariate rule; the matrix formula, computed independently with
    SymPy's matrix algebra, must agree.
    """),
    code("""
    k = 3
    mus_1, mus_2 = sp.symbols(f"a1:{k + 1}", real=True), sp.symbols(f"b1:{k + 1}", real=True)
    sds_1, sds_2 = sp.symbols(f"s1:{k + 1}", positive=True), sp.symbols(f"t1:{k + 1}", positive=True)
    kl_sum = sum(si.kl_divergence(Normal(f"P{i}", mus_1[i], sds_1[i]), Normal(f"Q{i}", mus_2[i], sds_2[i]))
                 for i in range(k))
    show(r"\sum_i D_{\mathrm{KL}}(P_i \| Q_i)", kl_sum)

    # the textbook matrix formula, computed independently
    Sigma_1 = sp.diag(*[s**2 for s in sds_1]); Sigma_2 = sp.diag(*[s**2 for s in sds_2])
    d = sp.Matrix(mus_2) - sp.Matrix(mus_1)
    textbook = ((Sigma_2.inv() * Sigma_1).trace() + (d.T * Sigma_2.inv() * d)[0] - k
                + sp.log(Sigma_2.det() / Sigma_1.det())) / 2
    """),
    md("## Verified results"),
    code("""
    with mpmath.workdps(60):
        # independent: quadrature of the definition at one parameter point
        f = lambda x: mpmath.npdf(x, 0, 1)
        g = lambda x: mpmath.npdf(x, 1, 2)
        quad_kl = mpmath.quad(lambda x: f(x) * (mpmath.log(f(x)) - mpmath.log(g(x))), [-mpmath.inf, mpmath.inf])
    claims = {
        "univariate KL = textbook formula": (kl_pq, sp.log(s2 / s1) + (s1**2 + (m1 - m2)**2) / (2 * s2**2) - sp.Rational(1, 2)),
        "univariate KL matches quadrature": (kl_pq.subs(example), sp.Float(quad_kl, 60)),
        "D(P||P) = 0": (kl_pq.subs({m2: m1, s2: s1}), 0),
        "KL >= 0": (kl_pq, ">=", 0),
        "diagonal MVN: sum of coordinate KLs = matrix formula": (kl_sum, textbook),
        "the derivation ends in the same closed form": (derivation.result, kl_pq),
    }
    """),
    code(VERIFY_CELL),
], requires=("module:symbinfo.derivation.derivation", "rule:KL_DIVERGENCE:Normal || Normal"))

# --------------------------------------------------------------------------------------------
notebook("06-mutual-information", "Mutual information and conditional entropy", [
    md(r"""
    The conditional entropy $H(X\mid Y) = H(X, Y) - H(Y)$ is what remains uncertain about $X$ once
    $Y$ is known; the mutual information
    $$I(X; Y) = H(X) - H(X\mid Y) = H(X) + H(Y) - H(X, Y)$$
    is how much knowing one tells about the other. It is symmetric, non-negative, zero exactly
    for independent variables, and $I(X; X) = H(X)$.

    Example: a fair bit $X$ sent through a **binary symmetric channel** that flips it with
    probability $\varepsilon$.
    """),
    code(IMPORTS),
    code("""
    eps = sp.Symbol("epsilon", positive=True)
    half = sp.Rational(1, 2)
    X, Y = si.FiniteJointRV("X Y", [[(1 - eps) / 2, eps / 2],
                                     [eps / 2, (1 - eps) / 2]])
    I_XY = si.mutual_information(X, Y, base=2)
    H_X_given_Y = si.conditional_entropy(X, given=Y, base=2)
    show(r"I(X; Y)", I_XY)
    show(r"H(X \\mid Y)", H_X_given_Y)
    """),
    md("""
    The noise costs exactly the binary entropy of $\\varepsilon$: $I(X;Y) = 1 - h_2(\\varepsilon)$
    bits, the capacity of the channel. At $\\varepsilon = 1/2$ the output says nothing.
    """),
    code("""
    h2 = -eps * sp.log(eps, 2) - (1 - eps) * sp.log(1 - eps, 2)
    for e in (0, sp.Rational(1, 10), sp.Rational(1, 4), half):
        print(f"epsilon = {str(e):5}  I(X;Y) = {sp.N(sp.limit(I_XY, eps, e) if e == 0 else I_XY.subs(eps, e), 6, chop=True)} bits")
    """),
    md("## Chain rule, symmetry, self-information, independence"),
    code("""
    H_XY = si.entropy(X, Y, base=2)
    H_X, H_Y = si.entropy(X, base=2), si.entropy(Y, base=2)
    I_YX = si.mutual_information(Y, X, base=2)
    I_XX = si.mutual_information(X, X, base=2)
    A, B = si.FiniteJointRV("A B", [[sp.Rational(1, 6), sp.Rational(1, 3)], [sp.Rational(1, 6), sp.Rational(1, 3)]])
    I_indep = si.mutual_information(A, B)
    print("I(A;B) for a product table:", I_indep)
    """),
    md("## Verified results"),
    code("""
    claims = {
        "I(X;Y) = 1 - h2(eps) bits": (I_XY, 1 - h2),
        "H(X|Y) = h2(eps) bits": (H_X_given_Y, h2),
        "chain rule: H(X,Y) = H(Y) + H(X|Y)": (H_XY, H_Y + H_X_given_Y),
        "I(X;Y) = H(X) + H(Y) - H(X,Y)": (I_XY, H_X + H_Y - H_XY),
        "symmetry: I(X;Y) = I(Y;X)": (I_XY, I_YX),
        "self-information: I(X;X) = H(X)": (I_XX, H_X),
        "independent: I(A;B) = 0": (I_indep, 0),
        "I(X;Y) >= 0 at eps = 1/3": (I_XY.subs(eps, sp.Rational(1, 3)), ">=", 0),
    }
    """),
    code(VERIFY_CELL),
])

# --------------------------------------------------------------------------------------------
notebook("07-information-gain", "Information gain in a decision tree", [
    md(r"""
    ID3 and C4.5 grow a decision tree greedily: at each node they split on the attribute with
    the largest **information gain**, the drop in class entropy
    $$\mathrm{IG}(C, A) = H(C) - \sum_a \frac{n_a}{n} H(C \mid A = a) = I(C; A),$$
    which is the mutual information between the attribute and the class under the empirical
    distribution. Here is Quinlan's (1986) *play tennis* table.
    """),
    code(IMPORTS),
    code("""
    columns = ("Outlook", "Temperature", "Humidity", "Wind", "Play")
    rows = [
        ("Sunny", "Hot", "High", "Weak", "No"), ("Sunny", "Hot", "High", "Strong", "No"),
        ("Overcast", "Hot", "High", "Weak", "Yes"), ("Rain", "Mild", "High", "Weak", "Yes"),
        ("Rain", "Cool", "Normal", "Weak", "Yes"), ("Rain", "Cool", "Normal", "Strong", "No"),
        ("Overcast", "Cool", "Normal", "Strong", "Yes"), ("Sunny", "Mild", "High", "Weak", "No"),
        ("Sunny", "Cool", "Normal", "Weak", "Yes"), ("Rain", "Mild", "Normal", "Weak", "Yes"),
        ("Sunny", "Mild", "Normal", "Strong", "Yes"), ("Overcast", "Mild", "High", "Strong", "Yes"),
        ("Overcast", "Hot", "Normal", "Weak", "Yes"), ("Rain", "Mild", "High", "Strong", "No"),
    ]
    data = [dict(zip(columns, r)) for r in rows]

    def counts(records, attribute):
        \"\"\"{attribute value: {class: count}}, the table information_gain takes.\"\"\"
        table = {}
        for r in records:
            branch = table.setdefault(r[attribute], {})
            branch[r["Play"]] = branch.get(r["Play"], 0) + 1
        return table

    gains = {a: si.information_gain(counts(data, a), base=2) for a in columns[:-1]}
    for a, g in sorted(gains.items(), key=lambda kv: -kv[1]):
        print(f"IG(Play, {a:11}) = {sp.N(g, 4)} bits")
    root = max(gains, key=gains.get)
    print("root split:", root)
    """),
    md("""
    *Outlook* wins (0.247 bits), as in Quinlan's paper. The *Overcast* branch is pure; on the
    *Sunny* branch the next split is chosen the same way.
    """),
    code("""
    sunny = [r for r in data if r["Outlook"] == "Sunny"]
    sunny_gains = {a: si.information_gain(counts(sunny, a), base=2) for a in ("Temperature", "Humidity", "Wind")}
    for a, g in sunny_gains.items():
        print(f"Sunny branch: IG(Play, {a:11}) = {sp.N(g, 4)} bits")
    """),
    md("""
    ## Information gain is mutual information
    Build the empirical joint distribution of (Outlook, Play) and compute $I(\\text{Outlook};
    \\text{Play})$ with symbinfo's general mutual information.
    """),
    code("""
    from collections import Counter

    n = len(data)
    joint = Counter((r["Outlook"], r["Play"]) for r in data)
    outlooks, plays = sorted({o for o, _ in joint}), sorted({c for _, c in joint})
    # outcomes are coded by position: FiniteJointRV takes numbers as outcome labels
    O, C = si.FiniteJointRV("O C", {(outlooks.index(o), plays.index(c)): sp.Rational(v, n)
                                    for (o, c), v in joint.items()})
    I_OC = si.mutual_information(O, C, base=2)
    show(r"I(\\text{Outlook}; \\text{Play})", I_OC)
    """),
    md("## Verified results"),
    code("""
    def H2(*cnts):  # class entropy in bits from counts, plain mpmath
        tot = sum(cnts)
        return -mpmath.fsum(mpmath.mpf(c) / tot * mpmath.log(mpmath.mpf(c) / tot, 2) for c in cnts if c)

    with mpmath.workdps(60):
        # Quinlan's arithmetic: H(9+, 5-) minus the weighted branch entropies
        quinlan = sp.Float(H2(9, 5) - (5 * H2(2, 3) + 4 * H2(4, 0) + 5 * H2(3, 2)) / 14, 60)
        sunny_before = sp.Float(H2(2, 3), 60)
    claims = {
        "IG(Outlook) = Quinlan's 0.2467 computation": (gains["Outlook"], quinlan),
        "IG(Outlook) = I(Outlook; Play)": (gains["Outlook"], I_OC),
        "Outlook is the best root split": (gains["Outlook"], ">", sp.Max(*[g for a, g in gains.items() if a != "Outlook"])),
        "Humidity separates the Sunny branch: IG = H(2+, 3-)": (sunny_gains["Humidity"], sunny_before),
    }
    """),
    code(VERIFY_CELL),
])

# --------------------------------------------------------------------------------------------
notebook("08-ml-losses", "ML losses as information measures", [
    md(r"""
    | loss | information measure |
    |---|---|
    | binary cross-entropy | $H(\mathrm{Bernoulli}(y), \mathrm{Bernoulli}(\hat y))$ |
    | categorical cross-entropy | $H(\text{one-hot}(c), \mathrm{softmax})$ |
    | mean squared error | Gaussian negative log-likelihood (up to constants) |
    | VAE KL term | $D_{\mathrm{KL}}(\mathcal N(\mu, \sigma^2)\,\|\,\mathcal N(0, 1))$ |
    | label smoothing | cross-entropy against a smoothed target |
    """),
    code(IMPORTS),
    md("## Binary cross-entropy"),
    code("""
    from sympy.stats import Bernoulli, FiniteRV, Normal, density

    y, yhat = sp.symbols("y yhat", positive=True)
    bce = si.cross_entropy(Bernoulli("Y", y), Bernoulli("Yhat", yhat))
    show(r"H(\\mathrm{Bern}(y), \\mathrm{Bern}(\\hat y))", bce)
    bce_label1 = si.cross_entropy(Bernoulli("Y1", 1), Bernoulli("Yh", yhat))
    show(r"\\text{label } y = 1", bce_label1)
    """),
    md("## Categorical cross-entropy of a softmax"),
    code("""
    z = sp.symbols("z1:4", real=True)
    softmax = [sp.exp(zi) / sum(sp.exp(zj) for zj in z) for zi in z]
    onehot = FiniteRV("T", {0: 0, 1: 1, 2: 0})
    model = FiniteRV("M", dict(enumerate(softmax)))
    cce = si.cross_entropy(onehot, model)
    show(r"H(\\text{one-hot}(1), \\mathrm{softmax}(z))", cce)
    grad = [sp.simplify(sp.diff(cce, zi)) for zi in z]
    show(r"\\nabla_z H", sp.Matrix(grad).T)
    """),
    md("The gradient is the famous *softmax minus one-hot*."),
    md(r"""
    ## MSE is Gaussian negative log-likelihood
    With a Gaussian model $y \sim \mathcal N(\hat y, \sigma^2)$ the per-example loss is
    $-\log p(y) = \frac{(y-\hat y)^2}{2\sigma^2} + \log\sigma + \tfrac12\log 2\pi$: squared error
    plus a constant. Averaged over data drawn from $\mathcal N(y, \tau^2)$ it is the
    cross-entropy $H(\mathcal N(y,\tau^2), \mathcal N(\hat y, \sigma^2))$.
    """),
    code("""
    t, th = sp.symbols("t thetahat", real=True)
    sigma, tau = sp.symbols("sigma tau", positive=True)
    nll = sp.expand(sp.expand_log(-sp.log(density(Normal("Model", th, sigma))(t)), force=True))
    show(r"-\\log \\mathcal N(t; \\hat\\theta, \\sigma^2)", nll)
    H_gauss = si.cross_entropy(Normal("Data", t, tau), Normal("Model2", th, sigma))
    show(r"H(\\mathcal N(t, \\tau^2), \\mathcal N(\\hat\\theta, \\sigma^2))", H_gauss)
    """),
    md(r"""
    ## The VAE's KL term
    The encoder outputs $\mu, \sigma$; the loss adds $D_{\mathrm{KL}}(\mathcal N(\mu,\sigma^2)\|\mathcal N(0,1))
    = \tfrac12(\mu^2 + \sigma^2 - 1) - \log\sigma$.
    """),
    code("""
    mu = sp.Symbol("mu", real=True)
    vae_kl = si.kl_divergence(Normal("Z", mu, sigma), Normal("Prior", 0, 1))
    show(r"D_{\\mathrm{KL}}(\\mathcal N(\\mu,\\sigma^2) \\| \\mathcal N(0,1))", vae_kl)
    """),
    md(r"""
    ## Label smoothing
    With $K$ classes, smoothing replaces the one-hot target by $(1-\varepsilon)\,\text{one-hot} +
    \varepsilon/K$. The cross-entropy is then minimised not by a one-hot prediction but by the
    smoothed target itself, which keeps logits finite.
    """),
    code("""
    eps = sp.Rational(1, 10)
    K = 3
    smooth = {k: (1 - eps) * int(k == 1) + eps / K for k in range(K)}
    q0, q1 = sp.symbols("q0 q1", positive=True)
    pred = FiniteRV("Pred", {0: q0, 1: q1, 2: 1 - q0 - q1})
    ls_loss = si.cross_entropy(FiniteRV("S", smooth), pred)
    best = sp.solve([sp.diff(ls_loss, q0), sp.diff(ls_loss, q1)], [q0, q1], dict=True)
    print("smoothed target:", smooth, "  loss minimiser:", best)
    """),
    md("## Verified results"),
    code("""
    claims = {
        "BCE = -y log yhat - (1-y) log(1-yhat)": (bce, -y * sp.log(yhat) - (1 - y) * sp.log(1 - yhat)),
        "BCE with label 1 = -log yhat": (bce_label1, -sp.log(yhat)),
        "CCE = -log softmax_1": (cce, -sp.log(softmax[1])),
        **{f"dCCE/dz{k + 1} = softmax_{k + 1} - onehot_{k + 1}": (grad[k], softmax[k] - int(k == 1)) for k in range(3)},
        "Gaussian NLL = squared error/(2 sigma^2) + const": (nll, (t - th)**2 / (2 * sigma**2) + sp.log(sigma) + sp.log(2 * sp.pi) / 2),
        "H(data, model) = E[NLL]": (H_gauss, (tau**2 + (t - th)**2) / (2 * sigma**2) + sp.log(sigma) + sp.log(2 * sp.pi) / 2),
        "VAE KL term": (vae_kl, (mu**2 + sigma**2 - 1) / 2 - sp.log(sigma)),
        "label smoothing: minimiser q0 = smoothed target": (best[0][q0], smooth[0]),
        "label smoothing: minimiser q1 = smoothed target": (best[0][q1], smooth[1]),
    }
    """),
    code(VERIFY_CELL),
], requires=("rule:ENTROPY:Normal", "rule:KL_DIVERGENCE:Normal || Normal"))

# --------------------------------------------------------------------------------------------
notebook("09-jensen-shannon", "Jensen–Shannon divergence and its metric square root", [
    md(r"""
    KL divergence is not a distance: it is asymmetric and breaks the triangle inequality. The
    Jensen–Shannon divergence symmetrises it through the midpoint $M = \tfrac12(P+Q)$,
    $$\mathrm{JSD}(P, Q) = \tfrac12 D_{\mathrm{KL}}(P\|M) + \tfrac12 D_{\mathrm{KL}}(Q\|M) \le \log 2,$$
    and its square root is a true metric (Endres & Schindelin 2003).
    """),
    code(IMPORTS),
    code("""
    from sympy.stats import Bernoulli, FiniteRV

    p, q = sp.symbols("p q", positive=True)
    jsd = si.js_divergence(Bernoulli("P", p), Bernoulli("Q", q))
    show(r"\\mathrm{JSD}(\\mathrm{Bern}(p), \\mathrm{Bern}(q))", jsd)
    disjoint = si.js_divergence(FiniteRV("A", {0: 1}), FiniteRV("B", {1: 1}), base=2)
    print("disjoint supports:", disjoint, "bit (the maximum)")
    """),
    md("## Triangle inequality: KL fails, sqrt(JSD) holds"),
    code("""
    r = lambda name, a, b: FiniteRV(name, {0: a, 1: b, 2: 1 - a - b})
    third = sp.Rational(1, 3)
    P = r("P", sp.Rational(9, 10), sp.Rational(1, 20))
    Q = r("Q", sp.Rational(1, 2), sp.Rational(1, 4))
    R = r("R", sp.Rational(1, 20), sp.Rational(1, 20))
    kl = lambda a, b: si.kl_divergence(a, b)
    d = lambda a, b: sp.sqrt(si.js_divergence(a, b))
    print("KL:       D(P,R) =", sp.N(kl(P, R), 5), " D(P,Q) + D(Q,R) =", sp.N(kl(P, Q) + kl(Q, R), 5))
    print("sqrt JSD: d(P,R) =", sp.N(d(P, R), 5), " d(P,Q) + d(Q,R) =", sp.N(d(P, Q) + d(Q, R), 5))
    """),
    md("A random search over many triples finds no violation for $\\sqrt{\\mathrm{JSD}}$:"),
    code("""
    import numpy as np

    a = sp.symbols("a0:3", positive=True); b = sp.symbols("b0:3", positive=True)
    jsd3 = sp.lambdify([a, b], si.js_divergence(FiniteRV("U", dict(enumerate(a))), FiniteRV("V", dict(enumerate(b)))), "numpy")
    rng = np.random.default_rng(0)
    worst = max(
        np.sqrt(jsd3(x, z)) - np.sqrt(jsd3(x, y)) - np.sqrt(jsd3(y, z))
        for x, y, z in rng.dirichlet([0.5] * 3, size=(2000, 3))
    )
    print(f"largest d(x,z) - d(x,y) - d(y,z) over 2000 random triples: {worst:.3g}")
    assert worst <= 0
    """),
    md("## Verified results"),
    code("""
    claims = {
        "JSD symmetric": (jsd, jsd.subs({p: q, q: p}, simultaneous=True)),
        "JSD(P, P) = 0": (jsd.subs(q, p), 0),
        "JSD <= log 2 (p=0.99, q=0.01)": (jsd.subs({p: sp.Rational(99, 100), q: sp.Rational(1, 100)}), "<=", sp.log(2)),
        "disjoint supports: JSD = 1 bit": (disjoint, 1),
        "KL breaks the triangle inequality": (kl(P, R), ">", kl(P, Q) + kl(Q, R)),
        "sqrt JSD satisfies it on P, Q, R": (d(P, R), "<=", d(P, Q) + d(Q, R)),
    }
    """),
    code(VERIFY_CELL),
])

# --------------------------------------------------------------------------------------------
notebook("10-data-processing", "The data-processing inequality", [
    md(r"""
    If $X \to Y \to Z$ is a Markov chain ($Z$ depends on $X$ only through $Y$), then
    $$I(X; Z) \le I(X; Y):$$
    no processing of $Y$, deterministic or random, can create information about $X$. The proof is
    the chain rule: $I(X; Y, Z) = I(X; Z) + I(X; Y \mid Z) = I(X; Y) + I(X; Z \mid Y)$, and the
    Markov property makes $I(X; Z\mid Y) = 0$.

    Example: a fair bit passed through two binary symmetric channels with flip probabilities
    $a$ and $b$.
    """),
    code(IMPORTS),
    code("""
    a, b = sp.symbols("a b", positive=True)
    half = sp.Rational(1, 2)
    flip = lambda e, u, v: e if u != v else 1 - e
    table = {(x, y, z): half * flip(a, x, y) * flip(b, y, z)
             for x in (0, 1) for y in (0, 1) for z in (0, 1)}
    X, Y, Z = si.FiniteJointRV("X Y Z", table)
    I_XY = si.mutual_information(X, Y, base=2)
    I_XZ = si.mutual_information(X, Z, base=2)
    I_XZ_given_Y = si.mutual_information(X, Z, given=Y, base=2)
    I_XY_given_Z = si.mutual_information(X, Y, given=Z, base=2)
    show(r"I(X; Z \\mid Y)", sp.simplify(I_XZ_given_Y))
    """),
    md("Two channels in a row act like one with flip probability $a + b - 2ab$:"),
    code("""
    c = a + b - 2 * a * b
    h2 = lambda e: -e * sp.log(e, 2) - (1 - e) * sp.log(1 - e, 2)
    values = {a: sp.Rational(1, 10), b: sp.Rational(1, 5)}
    print("a = 0.1, b = 0.2:  I(X;Y) =", sp.N(I_XY.subs(values), 6), " I(X;Z) =", sp.N(I_XZ.subs(values), 6))

    %matplotlib inline
    import matplotlib.pyplot as plt
    import numpy as np
    f_xy, f_xz = sp.lambdify((a, b), I_XY, "numpy"), sp.lambdify((a, b), I_XZ, "numpy")
    grid = np.linspace(0.01, 0.49, 100)
    plt.figure(figsize=(5, 3))
    plt.plot(grid, f_xy(grid, 0.2), label="I(X;Y)"); plt.plot(grid, f_xz(grid, 0.2), label="I(X;Z), b = 0.2")
    plt.xlabel("a"); plt.ylabel("bits"); plt.legend()
    plt.show()
    """),
    md("""
    ## For every distribution
    The example is one chain; the inequality holds for all of them. symbinfo's Shannon prover
    derives it from the elemental Shannon inequalities under the Markov constraint, with an
    exactly checked certificate.
    """),
    code("""
    from symbinfo.shannon import I, le, markov_chain, prove

    dpi = prove(le(I("X", "Z"), I("X", "Y")), constraints=[markov_chain("X", "Y", "Z")])
    print(dpi.certificate.steps())
    assert dpi.status == "proved"
    """),
    md("## Verified results"),
    code("""
    claims = {
        "Markov: I(X;Z|Y) = 0": (I_XZ_given_Y, 0),
        "I(X;Z) = 1 - h2(a + b - 2ab)": (I_XZ, 1 - h2(c)),
        "chain rule: I(X;Y) = I(X;Z) + I(X;Y|Z)": (I_XY, I_XZ + I_XY_given_Z),
        "data processing at a=0.1, b=0.2": (I_XZ.subs(values), "<=", I_XY.subs(values)),
        "data processing at a=0.3, b=0.05": (I_XZ.subs({a: sp.Rational(3, 10), b: sp.Rational(1, 20)}), "<=", I_XY.subs({a: sp.Rational(3, 10), b: sp.Rational(1, 20)})),
    }
    """),
    code(VERIFY_CELL),
])

notebook("11-maximum-entropy", "The principle of maximum entropy", [
    md(r"""
    Among all densities on a support that meet the constraints $\mathbb{E}[s_i(X)] = c_i$, the
    one of largest differential entropy is $p^*(x) = e^{\lambda_0 + \sum_i \lambda_i s_i(x)}$
    (Lagrange multipliers; Cover & Thomas, Thm 12.1.1). It is optimal by **Gibbs' inequality**:
    $\log p^*$ is a combination of the constrained statistics, so every $f$ meeting the
    constraints has $-\mathbb{E}_f[\log p^*] = h(p^*)$ and
    $$h(f) = h(p^*) - D(f \,\|\, p^*) \le h(p^*).$$
    `si.max_entropy(support, constraints)` derives $p^*$, names its family and checks every
    step of the derivation.
    """),
    code(IMPORTS),
    md("## The Gaussian: the line, a mean and a variance"),
    code("""
    x = sp.Symbol("x", real=True)
    mu = sp.Symbol("mu", real=True)
    sigma = sp.Symbol("sigma", positive=True)
    gauss = si.max_entropy(sp.Reals, {x: mu, (x - mu)**2: sigma**2}, variable=x)
    print(gauss.family, gauss.distribution)
    show("h(p^*)", gauss.entropy)
    gauss.derivation
    """),
    md("## The exponential: the half line and a mean"),
    code("""
    m = sp.Symbol("m", positive=True)
    expo = si.max_entropy(sp.Interval(0, sp.oo), {x: m}, variable=x)
    print(expo.family, expo.distribution)
    show("h(p^*)", expo.entropy)
    expo.derivation
    """),
    md(r"""
    ## Gibbs' inequality for a competitor
    A Laplace density with variance 1 meets the Gaussian's constraints ($\mu = 0$,
    $\sigma = 1$); its entropy falls short by exactly $D(f \,\|\, p^*)$:
    """),
    code("""
    from sympy.stats import Gamma, Laplace, Logistic, Normal, Uniform
    unit = si.max_entropy(sp.Reals, {x: 0, x**2: 1}, variable=x)
    competitor = Laplace("L", 0, 1 / sp.sqrt(2))
    unit.gibbs(competitor)
    """),
    md("## Competing densities of variance 1, and of mean 1 on the half line"),
    code("""
    %matplotlib inline
    import matplotlib.pyplot as plt
    import numpy as np

    rivals = {
        "Normal": Normal("N", 0, 1),
        "Laplace": Laplace("L", 0, 1 / sp.sqrt(2)),
        "Logistic": Logistic("G", 0, sp.sqrt(3) / sp.pi),
        "Uniform": Uniform("U", -sp.sqrt(3), sp.sqrt(3)),
    }
    h = {name: si.entropy(rv) for name, rv in rivals.items()}
    k = sp.Symbol("k", positive=True)
    h_gamma = si.entropy(Gamma("K", k, 1 / k))   # mean 1 for every shape k
    f_gamma = sp.lambdify(k, h_gamma, "mpmath")
    ks = np.linspace(0.2, 6, 120)

    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3))
    left.bar(list(h), [float(v) for v in h.values()])
    left.set_ylim(1.2, 1.45); left.set_ylabel("nats"); left.set_title("variance 1")
    right.plot(ks, [float(f_gamma(v)) for v in ks], label="Gamma(k, 1/k)")
    right.axvline(1, color="gray", ls=":", label="k = 1: Exponential")
    right.set_xlabel("shape k"); right.set_title("mean 1 on [0, oo)"); right.legend()
    plt.show()
    """),
    md("## Verified results"),
    code("""
    L = rivals["Laplace"]
    claims = {
        "h(Normal) = log(2 pi e sigma^2)/2": (gauss.entropy, sp.log(2 * sp.pi * sp.E * sigma**2) / 2),
        "h(Exponential) = 1 + log m": (expo.entropy, 1 + sp.log(m)),
        "Gibbs: h(Laplace) = h(Normal) - D(Laplace || Normal)": (
            h["Laplace"], h["Normal"] - si.kl_divergence(L, rivals["Normal"])),
        "Laplace below Normal": (h["Laplace"], "<=", h["Normal"]),
        "Logistic below Normal": (h["Logistic"], "<=", h["Normal"]),
        "Uniform below Normal": (h["Uniform"], "<=", h["Normal"]),
        "Gamma(3, 1/3) below Exponential(1)": (h_gamma.subs(k, 3), "<=", expo.entropy.subs(m, 1)),
        "Gamma(1/2, 2) below Exponential(1)": (h_gamma.subs(k, sp.Rational(1, 2)), "<=", expo.entropy.subs(m, 1)),
    }
    """),
    code(VERIFY_CELL),
], requires=("module:symbinfo.maxent",))

if __name__ == "__main__":
    print("wrote", len(list(HERE.glob("*.ipynb"))), "notebooks to", HERE)
