"""Private precision: concurrent calls at different precisions cannot change each other's digits.

mpmath's ``workdps`` changes the one global context every thread computes in; symbinfo's numeric
code uses private contexts instead (``symbinfo.precision``). The thread test below returned a
wrong verdict (and left ``mpmath.mp.dps`` at 60) when verify used ``workdps``; the AST rule keeps
the global context out of the package.
"""

from __future__ import annotations

import ast
import sys
import threading
from pathlib import Path

import mpmath
import sympy as sp

from symbinfo import verify
from symbinfo.derivation.steps import numerically_equal
from symbinfo.precision import private_context
from symbinfo.verify.numeric import Side

PACKAGE = Path(__file__).resolve().parents[1] / "symbinfo"

x = sp.Symbol("x", positive=True)
#: pi to 31 significant digits: equal to pi at 12 digits, refuted at 60
PI_31 = sp.Rational(str(sp.N(sp.pi, 31)))


def high() -> str:
    return verify(x + sp.pi, x + PI_31, digits=60, symbolic=False).status


def low() -> str:
    return verify(x + sp.pi, x + PI_31, digits=12, symbolic=False).status


def derivation_check() -> bool:
    """A derivation step's numeric check (30 digits) of pi against pi to 25 digits: fails."""
    return numerically_equal(sp.pi, sp.Rational(str(sp.N(sp.pi, 25))), [{}])[0]


def test_concurrent_verify_calls_keep_their_own_precision():
    # the single-threaded verdicts
    assert (high(), low(), derivation_check()) == ("refuted", "verified", False)
    dps = mpmath.mp.dps
    stop, lows, errors = threading.Event(), [], []

    def keep_checking_at_12_digits() -> None:
        try:
            while not stop.is_set():
                lows.append(low())
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    # switch threads often, so the calls interleave inside each other's numeric stage
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    threads = [threading.Thread(target=keep_checking_at_12_digits) for _ in range(2)]
    try:
        for t in threads:
            t.start()
        highs = [(high(), derivation_check()) for _ in range(60)]
    finally:
        stop.set()
        for t in threads:
            t.join()
        sys.setswitchinterval(interval)
    assert not errors
    assert highs == [("refuted", False)] * len(highs)
    assert lows and set(lows) == {"verified"}, lows
    assert mpmath.mp.dps == dps


def test_compiled_sides_ignore_the_global_precision():
    ctx = private_context(50)
    side = Side(sp.pi + sp.log(x) + sp.Integral(sp.exp(-x * sp.Symbol("t")),
                                                (sp.Symbol("t"), 0, 1)), [x], ctx)
    dps = mpmath.mp.dps
    mpmath.mp.dps = 5  # what a thread at low precision would do to the global context
    try:
        value = side.fast({x: sp.Integer(1)})
    finally:
        mpmath.mp.dps = dps
    exact = sp.pi + 1 - sp.exp(-1)  # log(1) = 0, and the integral of e^-t over [0, 1]
    assert abs(sp.Float(value, 50) - sp.N(exact, 50)) < sp.Float(10) ** -45


#: mpmath names that read or change the one global context (``mpmath.mp``)
_GLOBAL_PRECISION = {"workdps", "workprec", "extradps", "extraprec", "autoprec"}


def _global_context_uses(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            if node.attr in _GLOBAL_PRECISION:
                found.append((node.lineno, f".{node.attr}"))
            elif (node.attr == "mp" and isinstance(node.value, ast.Name)
                  and node.value.id == "mpmath"):
                found.append((node.lineno, "mpmath.mp"))
            elif (node.attr in ("dps", "prec") and isinstance(node.value, ast.Name)
                  and node.value.id == "mp"):
                found.append((node.lineno, f"mp.{node.attr}"))
            elif node.attr == "nroots":  # SymPy's Poly.nroots sets mpmath.mp.dps
                found.append((node.lineno, ".nroots"))
        elif isinstance(node, ast.ImportFrom) and node.module == "mpmath":
            found += [(node.lineno, f"from mpmath import {a.name}") for a in node.names
                      if a.name in _GLOBAL_PRECISION | {"mp"}]
    return found


def test_no_module_uses_mpmaths_global_precision():
    offenders = [f"{path.relative_to(PACKAGE.parent)}:{line}: {what}"
                 for path in sorted(PACKAGE.rglob("*.py"))
                 for line, what in _global_context_uses(ast.parse(path.read_text()))]
    assert not offenders, "use symbinfo.precision.private_context instead:\n" + "\n".join(
        offenders)


def test_the_rule_catches_each_form():
    code = ("import mpmath\nfrom mpmath import workdps\nwith mpmath.workdps(30): pass\n"
            "mpmath.mp.dps = 30\nmp.prec = 100\nsp.Poly(x).nroots()\n")
    assert sorted(line for line, _ in _global_context_uses(ast.parse(code))) == [2, 3, 4, 5, 6]


def test_exported_mpmath_functions_compute_at_their_own_precision():
    # SymPy's names for these (elliptic_k, LambertW, Shi) differ from mpmath's: the generated
    # code must still find them in the function's own context, not the global one
    from symbinfo import to_mpmath

    for f in (sp.elliptic_k(x / 4), sp.LambertW(x), sp.Shi(x)):
        value = to_mpmath(f, [x], dps=50)("1.5")
        assert abs(sp.Float(value, 50) - sp.N(f.subs(x, sp.Rational(3, 2)), 50)) < 1e-45, f
