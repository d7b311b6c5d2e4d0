"""Exported NumPy/mpmath functions agree with high-precision evaluation of the expression and
obey 0·log 0 = 0."""

import ast
import importlib.util
import random

import mpmath
import pytest
import sympy as sp
from sympy.stats import Bernoulli, FiniteRV, MultivariateNormal, Normal

import symbinfo as si
from symbinfo.codegen import prepare, to_mpmath, to_numpy, to_source, xlog1py, xlogy

np = pytest.importorskip("numpy", reason="NumPy export needs numpy (test extra)")

m1, m2 = sp.symbols("mu_1 mu_2", real=True)
s1, s2 = sp.symbols("sigma_1 sigma_2", positive=True)
k, theta, lam, eta, p, q = sp.symbols("k theta lambda eta p q", positive=True)

CASES = {
    "gaussian_kl": (sp.log(s2 / s1) + (s1**2 + (m1 - m2) ** 2) / (2 * s2**2) - sp.S.Half,
                    [m1, s1, m2, s2]),
    "gaussian_entropy": (sp.log(s1) + sp.log(2 * sp.pi * sp.E) / 2, [s1]),
    "gamma_entropy": (k + sp.log(theta) + sp.log(sp.gamma(k)) + (1 - k) * sp.digamma(k),
                      [k, theta]),
    "exponential_kl": (sp.log(lam / eta) + eta / lam - 1, [lam, eta]),
    "bernoulli_entropy": (si.entropy(Bernoulli("B", p)), [p]),
    "bernoulli_cross_entropy": (si.cross_entropy(Bernoulli("P", p), Bernoulli("Q", q)), [p, q]),
    "log1p": (sp.log(1 + p**2) - p * sp.log(1 + p), [p]),
}


#: JAX and PyTorch start threads when imported; a process holding them must not fork (the
#: bounded integration steps fork), so their tests run in a forked child of their own that exits
#: with them (pytest-forked)
OWN_PROCESS = pytest.mark.forked

def _points(args, n=25, seed=7):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        point = {}
        for a in args:
            # probabilities stay in (0, 1); scales and shapes up to 20 to exercise loggamma
            hi = 0.999 if a in (p, q) else 20.0
            point[a] = sp.Rational(repr(rng.uniform(0.001, hi))) if a.is_positive else \
                sp.Rational(repr(rng.uniform(-5, 5)))
        out.append(point)
    return out


def _reference(expr, point, dps=40):
    with mpmath.workdps(dps):
        return mpmath.mpf(str(sp.N(expr.subs(point), dps)))


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("scipy", [None, False])
def test_numpy_agrees_to_1e12(name, scipy):
    expr, args = CASES[name]
    f = to_numpy(expr, args, scipy=scipy)
    points = _points(args)
    columns = [np.array([float(pt[a]) for pt in points]) for a in args]
    got = f(*columns)
    for value, pt in zip(got, points, strict=True):
        ref = _reference(expr, pt)
        assert abs(value - float(ref)) <= 1e-12 * max(1.0, abs(float(ref))), (name, pt)


@pytest.mark.parametrize("name", sorted(CASES))
def test_mpmath_agrees_to_30_digits(name):
    expr, args = CASES[name]
    f = to_mpmath(expr, args, dps=30)
    for pt in _points(args, n=5):
        ref = _reference(expr, pt, dps=50)
        got = f(*(str(sp.N(pt[a], 50)) for a in args))
        with mpmath.workdps(50):
            assert abs(got - ref) <= mpmath.mpf(10) ** -29 * max(1, abs(ref)), (name, pt)


def test_zero_log_zero_is_zero():
    h = CASES["bernoulli_entropy"][0]
    for scipy in (None, False):
        f = to_numpy(h, [p], scipy=scipy)
        np.testing.assert_allclose(f(np.array([0.0, 0.5, 1.0])), [0.0, np.log(2), 0.0],
                                   rtol=1e-15, atol=0)
    assert to_mpmath(h, [p])(0) == 0 and to_mpmath(h, [p])(1) == 0
    a, b = sp.symbols("a b", nonnegative=True)
    cat = si.entropy(FiniteRV("C", {0: a, 1: b, 2: 1 - a - b}))
    g = to_numpy(cat, [a, b])
    assert g(0.0, 0.0) == 0.0 and np.isclose(g(0.5, 0.0), np.log(2), rtol=1e-15)


def test_prepare_rewrites_only_into_equal_forms():
    x, y = sp.symbols("x y", positive=True)
    assert prepare(x * sp.log(y)) == xlogy(x, y)
    assert prepare(-3 * x * sp.log(1 + y)) == -3 * xlog1py(x, y)
    assert prepare(sp.log(2) * x) == sp.log(2) * x  # constant logs are left alone
    z = sp.Symbol("z", real=True)
    assert prepare(sp.log(sp.gamma(z))) == sp.log(sp.gamma(z))  # gamma may be negative
    assert sp.simplify(xlogy(x, y).rewrite(sp.log) - x * sp.log(y)) == 0


def test_tiny_arguments_keep_their_digits():
    x = sp.Symbol("x", positive=True)
    f = to_numpy(sp.log(1 + x), [x])
    assert f(1e-20) == 1e-20  # log(1 + 1e-20) in float64 would be 0


# --- to_source: the source text for NumPy, PyTorch and JAX ---------------------------------------

X_LOGIT = sp.Symbol("x", real=True)
Y_LABEL = sp.Symbol("y", positive=True)
# binary cross-entropy with logits, as symbinfo derives it: H(Bernoulli(y), Bernoulli(sigmoid(x)))
BCE = si.cross_entropy(Bernoulli("P", Y_LABEL), Bernoulli("Q", 1 / (1 + sp.exp(-X_LOGIT))))
MU1, MU2 = sp.symbols("mu1 mu2", real=True)
SD1, SD2 = sp.symbols("sigma1 sigma2", positive=True)
GAUSS_KL = si.kl_divergence(Normal("P", MU1, SD1), Normal("Q", MU2, SD2))


def load(source: str, tmp_path, name: str = "exported"):
    """Import generated source as a module (it is written to a file: nothing is exec'd here)."""
    path = tmp_path / f"{name}.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reference(expr, point, dps=400):
    """The expression as written (no stable rewrite) at a point, in mpmath at ``dps`` digits:
    enough for 1 - 1/(1 + exp(-700)) to keep its digits."""
    args = list(point)
    f = sp.lambdify(args, expr, modules="mpmath")
    with mpmath.workdps(dps):
        return float(f(*(mpmath.mpf(float(point[a])) for a in args)))


def _random_inputs(n=40, seed=3):
    rng = np.random.default_rng(seed)
    logits = np.concatenate([rng.normal(0, 6, n), [-700.0, -60.0, 0.0, 60.0, 700.0]])
    labels = rng.uniform(0.0, 1.0, logits.size)
    return logits, labels


def test_numpy_source_runs_and_is_stable(tmp_path):
    bce = load(to_source(BCE, [X_LOGIT, Y_LABEL], backend="numpy", name="bce"), tmp_path).bce
    x, y = _random_inputs()
    got = bce(x, y)
    assert np.all(np.isfinite(got))  # exp(700) would overflow in the textbook form
    for xi, yi, gi in zip(x, y, got, strict=True):
        ref = reference(BCE, {X_LOGIT: xi, Y_LABEL: yi})
        assert abs(gi - ref) <= 1e-9 * max(1.0, abs(ref)), (xi, yi)
    kl = load(to_source(GAUSS_KL, backend="numpy"), tmp_path, "kl").f
    rng = np.random.default_rng(5)
    for _ in range(10):
        m1, m2 = rng.normal(0, 3, 2)
        s1, s2 = rng.uniform(0.1, 5, 2)
        ref = reference(GAUSS_KL, {MU1: m1, MU2: m2, SD1: s1, SD2: s2})
        assert abs(kl(m1, m2, s1, s2) - ref) <= 1e-12 * max(1.0, ref)


@OWN_PROCESS
def test_torch_source_matches_torch_nn_functional(tmp_path):
    torch = pytest.importorskip("torch", reason="PyTorch is not installed (optional backend)")
    import torch.nn.functional as F

    source = to_source(BCE, [X_LOGIT, Y_LABEL], backend="torch", name="bce")
    assert "softplus" in source
    bce = load(source, tmp_path).bce
    x, y = (torch.tensor(v, dtype=torch.float64) for v in _random_inputs(200))
    want = F.binary_cross_entropy_with_logits(x, y, reduction="none")
    assert torch.allclose(bce(x, y), want, rtol=1e-6, atol=1e-6)
    kl = load(to_source(GAUSS_KL, [MU1, SD1, MU2, SD2], backend="torch"), tmp_path, "kl").f
    g = torch.Generator().manual_seed(0)
    m1, m2 = torch.randn(2, 200, generator=g, dtype=torch.float64) * 3
    s1, s2 = torch.rand(2, 200, generator=g, dtype=torch.float64) * 5 + 0.05
    want = torch.distributions.kl_divergence(torch.distributions.Normal(m1, s1),
                                             torch.distributions.Normal(m2, s2))
    assert torch.allclose(kl(m1, s1, m2, s2), want, rtol=1e-6, atol=1e-6)


@OWN_PROCESS
def test_jax_source_runs(tmp_path):
    jax = pytest.importorskip("jax", reason="JAX is not installed")
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp

    bce = load(to_source(BCE, [X_LOGIT, Y_LABEL], backend="jax", name="bce"), tmp_path).bce
    x, y = _random_inputs()
    got = np.asarray(bce(jnp.asarray(x), jnp.asarray(y)))
    # optax's sigmoid_binary_cross_entropy, written out: softplus(x) - x*y
    want = np.logaddexp(0, x) - x * y
    np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)
    for xi, yi, gi in list(zip(x, y, got, strict=True))[::5]:
        ref = reference(BCE, {X_LOGIT: xi, Y_LABEL: yi})
        assert abs(gi - ref) <= 1e-9 * max(1.0, abs(ref))
    kl = load(to_source(GAUSS_KL, backend="jax"), tmp_path, "kl").f
    assert abs(float(kl(0.5, -1.0, 1.5, 2.0))
               - reference(GAUSS_KL, {MU1: 0.5, MU2: -1.0, SD1: 1.5, SD2: 2.0})) < 1e-12


def _spd(rng, n):
    a = rng.normal(size=(n, n))
    return a @ a.T + n * np.eye(n)


@OWN_PROCESS
@pytest.mark.parametrize("backend", ["numpy", "torch", "jax"])
def test_matrix_kl_of_multivariate_normals(backend, tmp_path):
    lib = pytest.importorskip({"numpy": "numpy", "torch": "torch", "jax": "jax"}[backend])
    n = 3
    m1, m2 = sp.MatrixSymbol("m1", n, 1), sp.MatrixSymbol("m2", n, 1)
    S1, S2 = sp.MatrixSymbol("S1", n, n), sp.MatrixSymbol("S2", n, n)
    kl = si.kl_divergence(MultivariateNormal("P", m1, S1), MultivariateNormal("Q", m2, S2))
    source = to_source(kl, [m1, S1, m2, S2], backend=backend)
    assert "solve" in source and "inv" not in source  # S2^-1 B is solved, never inverted
    f = load(source, tmp_path).f
    rng = np.random.default_rng(11)
    for _ in range(3):
        a1, a2 = rng.normal(size=(n, 1)), rng.normal(size=(n, 1))
        B1, B2 = _spd(rng, n), _spd(rng, n)
        # independent: the same measure with explicit matrices, evaluated by SymPy
        explicit = {m1: sp.Matrix(a1), m2: sp.Matrix(a2), S1: sp.Matrix(B1), S2: sp.Matrix(B2)}
        ref = float(sp.N(kl.subs(explicit).doit(), 20))
        if backend == "torch":
            args = [lib.tensor(v, dtype=lib.float64) for v in (a1, B1, a2, B2)]
        elif backend == "jax":
            lib.config.update("jax_enable_x64", True)
            args = [lib.numpy.asarray(v) for v in (a1, B1, a2, B2)]
        else:
            args = [a1, B1, a2, B2]
        assert abs(float(f(*args)) - ref) <= 1e-9 * max(1.0, abs(ref))
    # and through to_numpy
    g = to_numpy(kl, [m1, S1, m2, S2])
    assert abs(float(g(a1, B1, a2, B2)) - ref) <= 1e-9 * max(1.0, abs(ref))


def test_source_holds_no_user_text():
    evil = sp.Symbol("x); __import__('os').system('true'); (", real=True)
    shadow = sp.Symbol("numpy", positive=True)
    source = to_source(sp.log(1 + evil**2) + shadow, [evil, shadow], backend="numpy")
    assert "__import__" not in source and "def f(x0, x1):" in source
    tree = ast.parse(source)
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    assert names <= {"numpy", "x0", "x1", "_c0"}
    for bad in ("f(x)", "class", "numpy", "_private", ""):
        with pytest.raises(si.UnsupportedInputError):
            to_source(evil, [evil], name=bad)
    with pytest.raises(si.UnsupportedInputError):
        to_source(evil, [evil], backend="os.system")
    with pytest.raises(si.UnsupportedInputError):
        to_source("log(x)")
    with pytest.raises(si.UnsupportedInputError):
        to_source(sp.Symbol("x") + sp.Symbol("y"), ["x"])  # y would be an unbound name


def test_softplus_and_logaddexp_in_every_exporter():
    x = sp.Symbol("x", real=True)
    expr = sp.log(1 + sp.exp(x)) + sp.log(sp.exp(x) + sp.exp(2 * x))
    f, g = to_numpy(expr, [x]), to_mpmath(expr, [x], dps=30)
    for v in (-1000, -30, 0.5, 30, 1000):
        with mpmath.workdps(3000):  # the definition, at enough digits for exp(2000)
            ref = mpmath.log(1 + mpmath.exp(v)) + mpmath.log(mpmath.exp(v) + mpmath.exp(2 * v))
        assert abs(f(float(v)) - float(ref)) <= 1e-13 * max(1.0, abs(float(ref)))
        with mpmath.workdps(40):
            assert abs(g(v) - ref) <= mpmath.mpf(10) ** -28 * max(1, abs(ref))


@OWN_PROCESS
@pytest.mark.parametrize("backend", ["numpy", "torch", "jax"])
def test_special_functions_of_the_catalog_export(backend, tmp_path):
    """Beta (as log-gamma), harmonic numbers (as digamma) and I0/I1 Bessel functions, in the
    Beta KL and the Kumaraswamy and von Mises entropies, agree with the definitions' values."""
    lib = pytest.importorskip(backend)
    from symbinfo.parsing import parse_distribution

    cases = [
        si.kl_divergence(parse_distribution("Beta(a1, b1)", name="P"),
                         parse_distribution("Beta(a2, b2)", name="Q")),
        si.entropy(parse_distribution("Kumaraswamy(a, b)")),
        si.entropy(parse_distribution("VonMises(mu, k)")),
    ]
    rng = np.random.default_rng(2)
    for i, expr in enumerate(cases):
        args = sorted(expr.free_symbols, key=lambda s: s.name)
        f = load(to_source(expr, args, backend=backend), tmp_path, f"m{i}").f
        for _ in range(4):
            point = {a: float(rng.uniform(0.3, 6.0)) for a in args}
            if backend == "torch":
                values = [lib.tensor(point[a], dtype=lib.float64) for a in args]
            elif backend == "jax":
                lib.config.update("jax_enable_x64", True)
                values = [lib.numpy.asarray(point[a]) for a in args]
            else:
                values = [point[a] for a in args]
            ref = reference(expr, point, dps=30)
            assert abs(float(f(*values)) - ref) <= 1e-9 * max(1.0, abs(ref)), (i, point)


def test_unevaluated_sums_are_refused_not_looped_forever():
    from symbinfo.parsing import parse_distribution

    h = si.entropy(parse_distribution("Poisson(lam)"))  # an honest Sum
    assert h.has(sp.Sum)
    for backend in ("numpy", "torch", "jax"):
        with pytest.raises(si.UnsupportedInputError, match="to_mpmath"):
            to_source(h, backend=backend)
    with pytest.raises(si.UnsupportedInputError):
        to_numpy(h, list(h.free_symbols))


def test_exponential_integrals_export_where_the_backend_has_them(tmp_path):
    from symbinfo.parsing import parse_distribution

    h = si.entropy(parse_distribution("Gompertz(eta, b)"))  # holds exp(b) E1(b)
    args = sorted(h.free_symbols, key=lambda s: s.name)
    f = load(to_source(h, args, backend="numpy"), tmp_path).f
    point = {args[0]: 0.7, args[1]: 1.3}
    assert abs(f(0.7, 1.3) - reference(h, point, dps=30)) < 1e-12
    with pytest.raises(si.UnsupportedInputError, match="no form of expint"):
        to_source(h, args, backend="torch")
