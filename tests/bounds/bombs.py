"""Resource bombs: inputs that once hung symbinfo or ate gigabytes, and their kin.

Each bomb is a public call (or a command line, in-process) that must **answer or refuse** with a
:class:`~symbinfo.SymbinfoError` within its budget. Shared by ``tests/bounds/test_bombs.py``
(each run in a forked child under a hard wall timeout) and ``benchmarks/bench_bombs.py``.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import select
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp
from sympy.stats import (
    Beta,
    BetaBinomial,
    BetaPrime,
    Binomial,
    Chi,
    ChiNoncentral,
    ChiSquared,
    Die,
    Erlang,
    FDistribution,
    Gamma,
    GammaInverse,
    Geometric,
    Hypergeometric,
    IdealSoliton,
    Kumaraswamy,
    Nakagami,
    NegativeBinomial,
    Normal,
    Poisson,
    StudentT,
    UniformSum,
    Zeta,
)

import symbinfo as si
from symbinfo.cli import main

#: a 101-digit semiprime: factoring it takes hours
N = sp.nextprime(10**50) * sp.nextprime(3 * 10**50)
mu = sp.Symbol("mu", real=True)
sigma, theta, b, w, lam = sp.symbols("sigma theta b w lambda", positive=True)
s, t = sp.symbols("s t")
alpha = sp.Symbol("alpha", positive=True)

ANSWER, REFUSE, EITHER = "answer", "refuse", "either"


@dataclass(frozen=True)
class Bomb:
    name: str
    call: Callable[[], object]
    expect: str = EITHER  # ANSWER, REFUSE or EITHER
    #: an independent check of the answer (returns True when right), if any
    check: Callable[[object], bool] | None = None


def _close(value: object, reference: float | sp.Expr, digits: int = 25) -> bool:
    got, want = sp.N(value, digits + 10), sp.N(reference, digits + 10)
    return abs(got - want) <= sp.Float(10) ** (-digits) * max(1, abs(want))


def _cli(*argv: str) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return main(list(argv))


def _table(n: int) -> si.JointVariable:
    return si.FiniteJointRV("X", {i: sp.Rational(1, n) for i in range(n)})


BOMBS: list[Bomb] = [
    # --- factoring user integers inside logs ------------------------------------------------
    Bomb("verify log(semiprime) = log(3)", lambda: si.verify(sp.log(N), sp.log(3)).status,
         ANSWER, lambda r: r == "refuted"),
    Bomb("mi of a table with 1/semiprime", lambda: si.mutual_information(*si.FiniteJointRV(
        "X Y", [[sp.Rational(1, N), 0], [0, 1 - sp.Rational(1, N)]])), ANSWER),
    Bomb("entropy in base semiprime", lambda: si.entropy(Die("D", 6), base=N), ANSWER,
         lambda r: _close(r, sp.log(6) / sp.log(N))),
    Bomb("entropy in base semiprime**3", lambda: si.entropy(Die("D", 6), base=N**3), ANSWER),
    Bomb("renyi order 10**4 of a die", lambda: si.renyi_entropy(Die("D", 6), 10**4), ANSWER,
         lambda r: sp.simplify(r - sp.log(6)) == 0),
    Bomb("tsallis order 10**4 of a die", lambda: si.tsallis_entropy(Die("D", 6), 10**4)),
    Bomb("verify log(N**2) = 2 log(N)", lambda: si.verify(sp.log(N**2), 2 * sp.log(N)).status,
         ANSWER, lambda r: r in ("proved", "verified")),
    # --- huge integer parameters: gamma/beta/digamma/harmonic kept symbolic --------------------
    Bomb("Gamma(3000, 2)", lambda: si.entropy(Gamma("X", 3000, 2)), ANSWER),
    Bomb("Gamma(10**18, theta)", lambda: si.entropy(Gamma("X", 10**18, theta)), ANSWER),
    Bomb("Beta(10**5, 10**5)", lambda: si.entropy(Beta("X", 10**5, 10**5)), ANSWER),
    Bomb("ChiSquared(10**15)", lambda: si.entropy(ChiSquared("X", 10**15)), ANSWER),
    Bomb("StudentT(10**20)", lambda: si.entropy(StudentT("X", 10**20)), ANSWER),
    Bomb("GammaInverse(10**8, b)", lambda: si.entropy(GammaInverse("X", 10**8, b)), ANSWER),
    Bomb("Nakagami(10**7, w)", lambda: si.entropy(Nakagami("X", 10**7, w)), ANSWER),
    Bomb("Chi(10**15)", lambda: si.entropy(Chi("X", 10**15)), ANSWER),
    Bomb("Erlang(10**18, lambda)", lambda: si.entropy(Erlang("X", 10**18, lam)), ANSWER),
    Bomb("BetaPrime(10**6, 10**6)", lambda: si.entropy(BetaPrime("X", 10**6, 10**6)), ANSWER),
    Bomb("F(10**8, 10**8)", lambda: si.entropy(FDistribution("X", 10**8, 10**8))),
    Bomb("Kumaraswamy(10**6, 10**6) (harmonic)",
         lambda: si.entropy(Kumaraswamy("X", 10**6, 10**6))),
    Bomb("Gamma(10**18 + 1/2, 1)",
         lambda: si.entropy(Gamma("X", sp.Integer(10**18) + sp.S.Half, 1)), ANSWER),
    Bomb("KL Gamma(10**18) || Gamma(10**18 + 1)",
         lambda: si.kl_divergence(Gamma("X", 10**18, 1), Gamma("Y", 10**18 + 1, 1)), ANSWER),
    Bomb("KL Beta(10**5, 10**5) || Beta(10**5 + 1, 10**5)",
         lambda: si.kl_divergence(Beta("X", 10**5, 10**5), Beta("Y", 10**5 + 1, 10**5))),
    Bomb("Geometric(10**-100)", lambda: si.entropy(Geometric("G", sp.Rational(1, 10**100))),
         ANSWER),
    Bomb("Poisson(10**18)", lambda: si.entropy(Poisson("P", 10**18))),
    # no rule: the generic engine's density would hold gamma(10**9) etc. evaluated exactly
    Bomb("UniformSum(10**9)", lambda: si.entropy(UniformSum("U", 10**9)), REFUSE),
    Bomb("Zeta(10**6)", lambda: si.entropy(Zeta("Z", 10**6)), REFUSE),
    Bomb("NegativeBinomial(10**18, 1/2)",
         lambda: si.entropy(NegativeBinomial("Z", 10**18, sp.S.Half)), REFUSE),
    Bomb("ChiNoncentral(10**15, 2)", lambda: si.entropy(ChiNoncentral("Z", 10**15, 2)), REFUSE),
    Bomb("derive h(Gamma(10**18, theta))",
         lambda: si.derive(si.Entropy(Gamma("X", 10**18, theta))), REFUSE),
    Bomb("derive h(Die(10**100))", lambda: si.derive(si.Entropy(Die("D", 10**100))), REFUSE),
    Bomb("derive KL Binomial(10**9) || Binomial(10**9)", lambda: si.derive(si.KLDivergence(
        Binomial("B", 10**9, sp.S.Half), Binomial("C", 10**9, sp.Rational(1, 3)))), REFUSE),
    # --- finite supports counted before they are listed ---------------------------------------
    Bomb("Die(10**9)", lambda: si.entropy(Die("D", 10**9)), ANSWER,
         lambda r: _close(r, 9 * sp.log(10))),
    Bomb("Die(10**100)", lambda: si.entropy(Die("D", 10**100)), ANSWER,
         lambda r: _close(r, 100 * sp.log(10))),
    Bomb("Binomial(10**9, 1/3)", lambda: si.entropy(Binomial("B", 10**9, sp.Rational(1, 3))),
         REFUSE),
    Bomb("Binomial(10**9, p)", lambda: si.entropy(Binomial("B", 10**9, sp.Symbol(
        "p", positive=True))), REFUSE),
    Bomb("IdealSoliton(10**6)", lambda: si.entropy(IdealSoliton("S", 10**6)), REFUSE),
    Bomb("BetaBinomial(10**6, 2, 3)", lambda: si.entropy(BetaBinomial("B", 10**6, 2, 3)),
         REFUSE),
    Bomb("Hypergeometric(10**9, 10**8, 10**8)",
         lambda: si.entropy(Hypergeometric("H", 10**9, 10**8, 10**8)), REFUSE),
    Bomb("KL Die(10**6) || Die(10**6 + 1)",
         lambda: si.kl_divergence(Die("D", 10**6), Die("E", 10**6 + 1)), REFUSE),
    Bomb("sum of two Die(10**3)", lambda: si.entropy(Die("D", 1000) + Die("E", 1000)), REFUSE),
    Bomb("MI of Die(400) and a sum", lambda: si.mutual_information(
        Die("D", 400), Die("D", 400) + Die("E", 400)), REFUSE),
    Bomb("renyi of Binomial(10**7, 1/2)",
         lambda: si.renyi_entropy(Binomial("B", 10**7, sp.S.Half), 2), REFUSE),
    Bomb("table over the limit", lambda: _with_outcomes(
        100, lambda: si.entropy(_table(101))), REFUSE),
    Bomb("symbolic Renyi order on a 1000-outcome table",
         lambda: si.renyi_entropy(_table(1000), alpha), EITHER),
    # --- expressions too large to expand ------------------------------------------------------
    Bomb("check (sigma+1)**(10**6) against h(Normal)",
         lambda: si.check("(sigma+1)**(10**6)", si.entropy(Normal("X", mu, sigma))), REFUSE),
    Bomb("check (1+sqrt(2))**10000", lambda: si.check("(1+sqrt(2))**10000", s), REFUSE),
    Bomb("verify (s+t+1)**300 = 0", lambda: si.verify((s + t + 1)**300, 0), REFUSE),
    Bomb("verify x**(10**9) = x**(10**9)", lambda: si.verify(s**(10**9), s**(10**9)).status,
         ANSWER),
    # --- the parser's limits ------------------------------------------------------------------
    Bomb("long string", lambda: si.parse_expression("x+" * 5000 + "x"), REFUSE),
    Bomb("deep nesting", lambda: si.parse_expression("(" * 200 + "x" + ")" * 200), REFUSE),
    Bomb("nested exp", lambda: si.parse_expression("exp(" * 100 + "x" + ")" * 100), REFUSE),
    Bomb("1000-digit literal", lambda: si.parse_expression("7" * 1000), REFUSE),
    Bomb("9**(9**9)", lambda: si.parse_expression("9**(9**9)"), REFUSE),
    Bomb("factorial(10**9)", lambda: si.parse_expression("factorial(10**9)"), REFUSE),
    Bomb("polygamma(499, 500)", lambda: si.parse_expression("polygamma(499, 500)"), REFUSE),
    Bomb("1e999999999", lambda: si.parse_expression("1e999999999"), REFUSE),
    # --- the command line, in-process ---------------------------------------------------------
    Bomb("cli entropy Die(10**100)", lambda: _cli("entropy", "Die(10**100)"), ANSWER,
         lambda r: r == 0),
    Bomb("cli kl Die(10**6) Die(10**6+1)", lambda: _cli("kl", "Die(10**6)", "Die(10**6+1)"),
         ANSWER, lambda r: r == 2),
    Bomb("cli check (sigma+1)**(10**6)", lambda: _cli(
        "check", "(sigma+1)**(10**6)", "--entropy", "Normal(mu, sigma)"), ANSWER,
         lambda r: r == 2),
    Bomb("cli mi 1/N table", lambda: _cli("mi", f"1/{N}, 0; 0, 1 - 1/{N}"), ANSWER,
         lambda r: r == 0),
    Bomb("cli verify log(N) log(3)", lambda: _cli("verify", f"log({N})", "log(3)"), ANSWER,
         lambda r: r == 1),
    Bomb("cli entropy Binomial(10**9, 1/3)", lambda: _cli("entropy", "Binomial(10**9, 1/3)"),
         ANSWER, lambda r: r == 2),
    Bomb("cli derive entropy Gamma(10**18, theta)",
         lambda: _cli("derive", "entropy", "Gamma(10**18, theta)"), ANSWER, lambda r: r == 2),
    Bomb("cli entropy --base semiprime", lambda: _cli("entropy", "Die(6)", "--base", str(N)),
         ANSWER, lambda r: r == 0),
    Bomb("cli entropy Gamma(10**18, theta)", lambda: _cli("entropy", "Gamma(10**18, theta)"),
         ANSWER, lambda r: r == 0),
]


def _with_outcomes(limit: int, call: Callable[[], object]) -> object:
    with si.using_limits(finite_outcomes=limit):
        return call()


def _shown(value: object) -> str:
    try:
        return str(value)[:200]
    except ValueError:  # an exact number over 4300 digits: an answer all the same
        return f"<{type(value).__name__} too long to print>"


@dataclass(frozen=True)
class Outcome:
    kind: str  # "answer", "refuse", "error" (any other exception), "timeout"
    seconds: float
    detail: str
    ok_answer: bool | None = None  # the bomb's check, when it has one and answered


def run(bomb: Bomb, timeout: float = 30.0) -> Outcome:
    """Run ``bomb`` in a forked child killed after ``timeout`` wall seconds."""
    read, write = os.pipe()
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read)
        try:
            value = bomb.call()
            good = bomb.check(value) if bomb.check is not None else None
            out = ("answer", _shown(value), good)
        except si.SymbinfoError as exc:
            out = ("refuse", f"{type(exc).__name__}: {exc}"[:300], None)
        except BaseException as exc:
            out = ("error", f"{type(exc).__name__}: {exc}"[:300], None)
        os.write(write, pickle.dumps(out))
        os._exit(0)
    os.close(write)
    chunks = []
    while True:
        left = timeout - (time.monotonic() - start)
        ready = select.select([read], [], [], max(left, 0))[0] if left > 0 else []
        if not ready:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(read)
            return Outcome("timeout", time.monotonic() - start, f"killed after {timeout} s")
        chunk = os.read(read, 1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(read)
    os.waitpid(pid, 0)
    elapsed = time.monotonic() - start
    if not chunks:
        return Outcome("error", elapsed, "the child died without an answer")
    kind, detail, good = pickle.loads(b"".join(chunks))
    return Outcome(kind, elapsed, detail, good)
