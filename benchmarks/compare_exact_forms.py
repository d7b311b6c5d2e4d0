"""pytest plugin: compare every exact finite result of the log-linear path with the path it
replaced (the definition summed by ``symbinfo.derivation.finite`` and put through ``tidy``).

Each result is recorded as one JSON line in $CMP_LOG (default /tmp/compare_exact_forms.jsonl):
the same expression, or equal at 50 digits and symbolically (log-linear vectors over a coprime
base, or an exact expand), and the two operation counts. Run from the repository root, e.g.

    PYTHONPATH=.:benchmarks python -m pytest -p no:cacheprovider -p compare_exact_forms \
        tests/measures tests/verify tests/distributions tests/derivation symbinfo

then count the lines whose "same" is false and check "value_ok", "sym_ok" and the op counts.
"""

import json
import os

import sympy as sp

from symbinfo import engine
from symbinfo.derivation import finite, loglinear
from symbinfo.derivation.simplify import tidy

LOG = os.environ.get("CMP_LOG", "/tmp/compare_exact_forms.jsonl")
_DEF = {v: k for k, v in engine._EXACT.items()}
_comb, _frac, _mixed = (engine._exact_combination, engine._exact_of_fractions,
                        engine._mixed_combination)


def _record(kind, new, old):
    rec = {"kind": kind, "new": str(new)[:300], "old": str(old)[:300], "same": new == old}
    if not rec["same"]:
        if new.is_infinite or old.is_infinite:
            rec["value_ok"] = rec["sym_ok"] = bool(new == old)
        else:
            rec["value_ok"] = bool(abs(sp.N(new - old, 60)) < sp.Float("1e-50"))
            a, b = loglinear.from_expr(new), loglinear.from_expr(old)
            rec["sym_ok"] = bool((a is not None and b is not None and loglinear.equal(a, b))
                                 or sp.expand(new - old) == 0)
    rec["ops_new"], rec["ops_old"] = int(sp.count_ops(new)), int(sp.count_ops(old))
    with open(LOG, "a") as f:
        f.write(json.dumps(rec) + "\n")


def _combination(table, positions, terms):
    out = _comb(table, positions, terms)
    if out is not None:
        pmf = {o: sp.Rational(m, table.denominator)
               for o, m in zip(table.outcomes, table.numerators, strict=True)}

        def marginal(idx):
            r = {}
            for o, p in pmf.items():
                if p != 0:
                    k = tuple(o[i] for i in idx)
                    r[k] = r[k] + p if k in r else p
            return r
        _record("comb", out, tidy(sp.Add(*(c * finite.entropy(marginal(positions[k]))
                                           for k, c in terms.items()))))
    return out


def _fractions(exact, pp, qq):
    out = _frac(exact, pp, qq)
    if out is not None:
        def conv(d):
            return {k: sp.Rational(v.numerator, v.denominator) for k, v in d.items()}
        _record("pair:" + exact.__name__, out, tidy(_DEF[exact](conv(pp), conv(qq))))
    return out


def _mixed_table(joint, positions, terms, in_table):
    out = _mixed(joint, positions, terms, in_table)
    if out is not None:
        _record("mixed", out, tidy(sp.Add(*(c * finite.entropy(joint.marginal(positions[k]))
                                            for k, c in terms.items()))))
    return out


engine._exact_combination = _combination
engine._exact_of_fractions = _fractions
engine._mixed_combination = _mixed_table
