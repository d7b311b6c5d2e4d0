"""Fisher information of every catalog family against stored variances of the score.

``fisher_references.json`` is written by ``scripts/fisher_sweep.py --write``: for each family the
variance of the score E[s_i s_j] at 3 parameter points, by mpmath quadrature/summation of SymPy's
own density at 30 digits (tests/score_reference.py), stored only where the engine's value agreed
with it to 25 digits. Here, fast: every closed entry is compared with the stored value to 25
digits; every honest entry (an Integral/Sum, checked numerically by the sweep) must still be the
expression the sweep checked (a fingerprint of its printed form: a changed integrand means the
sweep is run again); refused families must stay refused. A few cheap families are recomputed
live from the definition, and the ExGaussian's honest integral is checked against an
independent computation where SymPy's erfc rewriting used to cancel it to nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import mpmath
import pytest
import sympy as sp
from score_reference import fingerprint, numeric, score_variance
from test_fisher import symbolic

from symbinfo.distributions.families import FAMILIES
from symbinfo.errors import UnsupportedInputError
from symbinfo.limits import using_limits
from symbinfo.measures.fisher import _information

STORED = json.loads((Path(__file__).parent / "fisher_references.json").read_text())
BY_NAME = {rec.name: cls for cls, rec in FAMILIES.items()}
DIGITS = 25
# families the sweep cannot reference at 25 digits, with the reason (see the sweep's notes)
UNREFERENCED: dict[str, str] = {}


def test_every_family_has_a_reference():
    missing = sorted(set(BY_NAME) - set(STORED) - set(UNREFERENCED))
    assert not missing, f"run scripts/fisher_sweep.py --write {' '.join(missing)}"


def _information_of(name: str):
    with using_limits(integrate_seconds=0):
        dist, _ = symbolic(BY_NAME[name])
        return _information(dist, None)


@pytest.mark.parametrize("name", sorted(STORED))
def test_fisher_information_agrees_with_the_stored_score_variance(name):
    row = STORED[name]
    if "refused" in row:
        with pytest.raises(UnsupportedInputError):
            _information_of(name)
        return
    info, chosen = _information_of(name)
    assert [str(s) for s in chosen] == row["params"]
    symbols = {str(s): s for s in info.free_symbols}
    for i, entry in enumerate(info):
        if entry.has(sp.Integral, sp.Sum):
            assert row["honest"].get(str(i)) == fingerprint(entry), (name, i, "re-run the sweep")
            continue
        for pt, ref in zip(row["points"], row["reference"], strict=True):
            point = {symbols[k]: sp.Rational(v) for k, v in pt.items() if k in symbols}
            value, b = numeric(entry, point, DIGITS + 5), sp.Float(ref[i], 30)
            assert abs(value - b) <= 10**-DIGITS * max(1, abs(b)), (name, pt, i, value, b)


# recomputed live: cheap references, honest entries included (a few seconds in all)
LIVE = ["Gompertz", "Skellam", "LogCauchy"]


@pytest.mark.parametrize("name", LIVE)
def test_live_recomputation(name):
    row = STORED[name]
    info, chosen = _information_of(name)
    dist, _ = symbolic(BY_NAME[name])
    symbols = {str(s): s for s in dist.free_symbols}
    pt = row["points"][0]
    point = {symbols[k]: sp.Rational(v) for k, v in pt.items()}
    ref = score_variance(dist, chosen, point)
    for i, (a, b) in enumerate(zip(info, ref, strict=True)):
        assert abs(b - sp.Float(row["reference"][0][i], 30)) <= 10**-DIGITS * max(1, abs(b))
        assert abs(numeric(a, point, DIGITS + 5) - b) <= 10**-DIGITS * max(1, abs(b))


def _exgaussian_information_mean(m, s, lam) -> mpmath.mpf:
    """I_mean,mean of the ExGaussian by the score written out by hand: log p = log(λ/2) +
    λ(m - x) + λ²s²/2 + log erfc(z), z = (m + λs² - x)/(√2 s), so ∂_m log p = λ - r/(√2 s) with
    r = 2 e^(-z²)/(√π erfc z); quadrature of its square against p."""
    def logp(x):
        z = (m + lam * s**2 - x) / (mpmath.sqrt(2) * s)
        return mpmath.log(lam / 2) + lam * (m - x) + lam**2 * s**2 / 2 + mpmath.log(mpmath.erfc(z))

    def integrand(x):
        z = (m + lam * s**2 - x) / (mpmath.sqrt(2) * s)
        r = 2 * mpmath.exp(-z**2) / (mpmath.sqrt(mpmath.pi) * mpmath.erfc(z))
        return (lam - r / (mpmath.sqrt(2) * s)) ** 2 * mpmath.exp(logp(x))

    centre, sd = m + 1 / lam, mpmath.sqrt(s**2 + 1 / lam**2)
    return mpmath.quad(integrand, [-mpmath.inf, *(centre + k * sd for k in (-6, 0, 6, 20)),
                                   mpmath.inf])


def test_exgaussian_honest_integral_evaluates_where_erfc_is_tiny():
    # λ s = 21: the density is e^222 erfc(15)-sized factors; substituting the values used to
    # turn erfc(a - x) into 2 - erfc(x - a), which is 2 - 2 = 0 at 30 digits (the sweep saw a
    # difference of 42, and SymPy's own N never finished)
    info, _ = _information_of("ExGaussian")
    mean, std, rate = symbolic(BY_NAME["ExGaussian"])[1]
    entry = info[0, 0].xreplace({mean: sp.Rational(17, 10), std: sp.Rational(57, 10),
                                 rate: sp.Rational(37, 10)})
    got = sp.N(entry, 30)
    with mpmath.workdps(40):
        want = _exgaussian_information_mean(mpmath.mpf("1.7"), mpmath.mpf("5.7"),
                                            mpmath.mpf("3.7"))
    assert abs(got - sp.Float(want, 40)) < 1e-25 * abs(want)
