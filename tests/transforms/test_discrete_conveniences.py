"""Discrete conveniences (issue 10, item 6): probability vectors, the categorical constructor,
tables on the command line."""

from __future__ import annotations

import contextlib
import io

import pytest
import scipy.stats
import sympy as sp

import symbinfo as si
from symbinfo.cli import main


def test_probability_vectors_against_scipy():
    probs = [sp.Rational(1, 2), sp.Rational(1, 3), sp.Rational(1, 6)]
    ref = scipy.stats.entropy([float(p) for p in probs])
    for form in (probs, tuple(probs), {"a": probs[0], "b": probs[1], "c": probs[2]}):
        if isinstance(form, dict):
            form = {sp.Symbol(k): v for k, v in form.items()}
        assert abs(float(si.entropy(form)) - ref) < 1e-14
    assert abs(float(si.entropy([0.25] * 4, base=2)) - 2) < 1e-14
    p = sp.Symbol("p", positive=True)
    assert si.entropy([p, 1 - p]) == si.entropy(si.categorical([p, 1 - p]))


def test_bad_vectors_are_refused_not_normalised():
    with pytest.raises(si.InvalidDistributionError):
        si.entropy([1, 1])  # scipy would normalise; symbinfo refuses
    with pytest.raises(si.InvalidDistributionError):
        si.categorical([sp.Rational(3, 2), -sp.Rational(1, 2)])
    with pytest.raises(si.UnsupportedInputError):
        si.categorical(["1/2", "1/2"])


def _run(argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def test_command_line_tables():
    code, out, _ = _run(["entropy", "1/2, 1/4, 1/4", "--base", "2"])
    assert code == 0 and out.strip() == "H(X, base=2) = 3/2"
    code, out, _ = _run(["entropy", "1/2, 0; 1/4, 1/4", "--base", "2"])
    assert code == 0 and out.strip() == "H(X, Y, base=2) = 3/2"
    code, out, _ = _run(["mi", "--given", "0 0 0 = 1/4; 0 1 1 = 1/4; 1 0 1 = 1/4; 1 1 0 = 1/4",
                         "--base", "2"])
    assert code == 0 and out.splitlines()[0] == "I(X; Y | Z, base=2) = 1"  # XOR
    code, _, err = _run(["mi", "--given", "0 0 = 1/2; 1 1 = 1/2"])
    assert code == 2 and "three values" in err
