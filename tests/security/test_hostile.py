"""Hostile input against every public function and every command-line argument position.

Each payload tries to create its own sentinel file (Python-eval escapes, dunder chains, code
in strings, format-string tricks, Unicode look-alikes, TeX macros), bare or nested in tuples,
lists, dicts (keys and values), sets and numpy arrays. No sentinel may ever appear, and every
call either returns or raises a :class:`symbinfo.SymbinfoError` (never another exception); a
command exits 0/1 on a formula that happens to parse, or 2 with one line on stderr, and never
prints a traceback.

Slots (one argument position of one entry point) are listed in :data:`SLOTS`; a test checks
that every callable in ``symbinfo.__all__`` has at least one, so a new public function must be
added here.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import sympy as sp
from sympy.stats import Bernoulli

import symbinfo as si
import symbinfo.cli
from symbinfo.derivation.steps import Definition, Derivation
from symbinfo.shannon import H, I

try:
    import numpy as np
except ImportError:  # numpy is a test extra: without it, arrays are the one nesting not tried
    np = None

# --- payloads -------------------------------------------------------------------------------

#: Python that creates the file ``{p}`` if anything evaluates it
CODE = [
    "__import__('os').system('touch {p}')",
    '__import__("os").system("touch {p}")',
    "open('{p}', 'w').write('x')",
    "open('{p}','w')",
    "__import__('pathlib').Path('{p}').touch()",
    "__import__('subprocess').call(['touch', '{p}'])",
    "__import__('builtins').open('{p}', 'w')",
    "[c for c in ().__class__.__base__.__subclasses__() if c.__name__ == '_wrap_close'][0]"
    ".__init__.__globals__['system']('touch {p}')",
    "().__class__.__bases__[0].__subclasses__()[0].__init__.__globals__['__builtins__']"
    "['open']('{p}', 'w')",
    "''.__class__.__mro__[1].__subclasses__()",
    "(lambda: __import__('os').system('touch {p}'))()",
    "(lambda f: f('{p}', 'w'))(open)",
    "getattr(__import__('os'), 'system')('touch {p}')",
    "getattr(getattr(__builtins__, '__import__')('os'), 'system')('touch {p}')",
    "exec(\"open('{p}', 'w')\")",
    "eval(\"open('{p}', 'w')\")",
    "exec(compile(\"open('{p}', 'w')\", 'x', 'exec'))",
    "__builtins__['open']('{p}', 'w')",
    "globals()['__builtins__'].open('{p}', 'w')",
    "vars()['open']('{p}', 'w')",
    "x; __import__('os').system('touch {p}')",
    "x\n__import__('os').system('touch {p}')",
    "x if open('{p}', 'w') else x",
    "[open('{p}', 'w') for _ in [1]]",
    "{{open('{p}', 'w')}}",
    "(open('{p}', 'w'),)",
    "Symbol('x').__class__.__init__.__globals__['__builtins__']['open']('{p}', 'w')",
    "Integer(1).evalf.__globals__['__builtins__']['open']('{p}', 'w')",
    "S(\"open('{p}', 'w')\")",
    "sympify(\"open('{p}', 'w')\")",
    "Symbol('x').subs('x', \"open('{p}', 'w')\")",
    "Lambda(x, open('{p}', 'w'))",
    "Function(\"open('{p}', 'w')\")(x)",
    "log(\"open('{p}', 'w')\")",
    "eval(''.join(map(chr, [111, 112, 101, 110])))('{p}', 'w')",
    "eval(bytes.fromhex('6f70656e').decode())('{p}', 'w')",
    "'%s' % open('{p}', 'w')",
    "'{{0.__class__}}'.format(open('{p}', 'w'))",
    "f'{{open(\"{p}\", \"w\")}}'",
    "__ｉｍｐｏｒｔ__('os').system('touch {p}')",  # NFKC-normalised to __import__ by Python
    "ｏｐｅｎ('{p}', 'w')",
    "x.__class__.__dict__",
    "__builtins__",
    "_ = open('{p}', 'w')",
    "(x := open('{p}', 'w'))",
    "import os; os.system('touch {p}')",
    "x.__reduce__()[0](x.__reduce__()[1][0])",
    "type('A', (), {{'__del__': lambda s: open('{p}', 'w')}})()",
    "1 if (yield) else 2",
    "await open('{p}', 'w')",
    "x\x00open('{p}', 'w')",
    "x # open('{p}', 'w')",
    "log(x) + __import__('os').system('touch {p}')",
    "Normal(0, __import__('os').system('touch {p}'))",
    "Normal(mu, sigma).__class__.__init__.__globals__['open']('{p}', 'w')",
    "Die(open('{p}', 'w'))",
    "\\frac{{1}}{{2}}\\log(__import__('os').system('touch {p}'))",
]

#: TeX that would read or write a file if it reached pdflatex unescaped
TEX = [
    "\\input{{{p}}}",
    "\\immediate\\openout5={p}\\immediate\\write5{{x}}\\immediate\\closeout5",
    "\\write18{{touch {p}}}",
    "\\catcode`\\|=0 |input{{{p}}}",
    "\\def\\x{{\\input{{{p}}}}}\\x",
    "\\csname input\\endcsname{{{p}}}",
    "$\\input{{{p}}}$",
    "\\frac{{\\input{{{p}}}}}{{2}}",
    "\\log(\\write18{{touch {p}}})",
    "^^5cinput{{{p}}}",
    "\\newwrite\\w\\immediate\\openout\\w={p}",
    "\\openin5={p} \\read5 to\\x",
]

#: wrappers that hide a string inside containers
NESTINGS: list[Callable[[str], object]] = [
    lambda s: s,
    lambda s: (s,),
    lambda s: [s],
    lambda s: {s: 1},
    lambda s: {1: s},
    lambda s: {s},
    lambda s: ((s, 1),),
    lambda s: [[s, 1], [1, s]],
    lambda s: {"a": {s: 1}},
    lambda s: {0: (s,)},
    lambda s: frozenset([(s,)]),
    *([lambda s: np.array([s], dtype=object), lambda s: np.array([[s]])] if np else []),
]


def make_payloads(folder: Path) -> list[object]:
    """Every template, each with its own sentinel ``folder/s<i>``: the strings bare, and the
    first templates of each kind inside every container."""
    strings = [t.format(p=folder / f"s{i}") for i, t in enumerate(CODE + TEX)]
    out: list[object] = list(strings)
    for j, wrap in enumerate(NESTINGS[1:]):
        for k in (0, 2, 7, 14, 28, len(CODE) + j % len(TEX)):
            out.append(wrap(strings[k].replace("/s", f"/n{j}_")))
    return out


def sentinels(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- entry points -----------------------------------------------------------------------------

x = sp.Symbol("x", positive=True)
B = Bernoulli("B", sp.Rational(1, 2))
HALF, QUARTER = sp.Rational(1, 2), sp.Rational(1, 4)
X, Y = si.FiniteJointRV("X Y", [[QUARTER, QUARTER], [QUARTER, QUARTER]])
TABLE = X.table
DERIVATION = Derivation.build(x, [Definition(x, name="x")])
ERRORS = ["SymbinfoError", "InvalidDistributionError", "MismatchError", "ParseError",
          "ResourceLimitError", "UnsupportedInputError", "DerivationError", "InternalError",
          "InvalidParameterError"]
PAIR_FUNCS = ["cross_entropy", "kl_divergence", "js_divergence"]
PAIR_CLASSES = ["CrossEntropy", "KLDivergence", "JensenShannonDivergence", "HellingerDistance",
                "TotalVariation"]
MULTI = ["entropy", "total_correlation", "dual_total_correlation", "co_information",
         "Entropy", "TotalCorrelation", "DualTotalCorrelation", "CoInformation"]


def hashable(value: object) -> bool:
    """Whether ``value`` can be a dict key at all (else the test itself could not build it)."""
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _slots() -> dict[str, Callable[[object], object]]:
    s: dict[str, Callable[[object], object]] = {}
    for n in MULTI:
        f = getattr(si, n)
        s[f"{n}(P)"] = lambda P, f=f: f(P)
        s[f"{n}(P, Y)"] = lambda P, f=f: f(P, Y)
        s[f"{n}(X, P)"] = lambda P, f=f: f(X, P)
        s[f"{n}(X, Y, base=P)"] = lambda P, f=f: f(X, Y, base=P)
    for n in ("conditional_entropy", "ConditionalEntropy"):
        f = getattr(si, n)
        s[f"{n}(P, given=Y)"] = lambda P, f=f: f(P, given=Y)
        s[f"{n}(X, given=P)"] = lambda P, f=f: f(X, given=P)
        s[f"{n}(X, given=Y, base=P)"] = lambda P, f=f: f(X, given=Y, base=P)
    for n in ("mutual_information", "MutualInformation"):
        f = getattr(si, n)
        s[f"{n}(P, Y)"] = lambda P, f=f: f(P, Y)
        s[f"{n}(X, P)"] = lambda P, f=f: f(X, P)
        s[f"{n}(X, Y, given=P)"] = lambda P, f=f: f(X, Y, given=P)
        s[f"{n}(X, Y, base=P)"] = lambda P, f=f: f(X, Y, base=P)
    for n in PAIR_FUNCS + PAIR_CLASSES:
        f = getattr(si, n)
        s[f"{n}(P, B)"] = lambda P, f=f: f(P, B)
        s[f"{n}(B, P)"] = lambda P, f=f: f(B, P)
        if n not in ("HellingerDistance", "TotalVariation"):
            s[f"{n}(B, B, base=P)"] = lambda P, f=f: f(B, B, base=P)
    for n in ("hellinger_distance", "total_variation"):
        f = getattr(si, n)
        s[f"{n}(P, B)"] = lambda P, f=f: f(P, B)
        s[f"{n}(B, P)"] = lambda P, f=f: f(B, P)
    for n in ("renyi_entropy", "RenyiEntropy", "tsallis_entropy", "TsallisEntropy"):
        f = getattr(si, n)
        s[f"{n}(P, 2)"] = lambda P, f=f: f(P, 2)
        s[f"{n}(B, P)"] = lambda P, f=f: f(B, P)
    for n in ("renyi_divergence", "RenyiDivergence"):
        f = getattr(si, n)
        s[f"{n}(P, B, 2)"] = lambda P, f=f: f(P, B, 2)
        s[f"{n}(B, P, 2)"] = lambda P, f=f: f(B, P, 2)
        s[f"{n}(B, B, P)"] = lambda P, f=f: f(B, B, P)
    s["renyi_entropy(B, 2, base=P)"] = lambda P: si.renyi_entropy(B, 2, base=P)
    s["renyi_divergence(B, B, 2, base=P)"] = lambda P: si.renyi_divergence(B, B, 2, base=P)
    s["InformationMeasure(P)"] = lambda P: si.InformationMeasure(P)
    s["information_gain(P)"] = lambda P: si.information_gain(P)
    s["information_gain([[1, 2], [3, P]])"] = lambda P: si.information_gain([[1, 2], [3, P]])
    s["information_gain({'a': {'y': P}})"] = lambda P: si.information_gain({"a": {"y": P}})
    s["information_gain([[1, 2]], base=P)"] = lambda P: si.information_gain([[1, 2]], base=P)
    s["FiniteJointRV(P, [1])"] = lambda P: si.FiniteJointRV(P, [1])
    s["FiniteJointRV([P], [1])"] = lambda P: si.FiniteJointRV([P], [1])
    s["FiniteJointRV('X', P)"] = lambda P: si.FiniteJointRV("X", P)
    s["FiniteJointRV('X', [P])"] = lambda P: si.FiniteJointRV("X", [P])
    s["FiniteJointRV('X', {P: 1})"] = lambda P: hashable(P) and si.FiniteJointRV("X", {P: 1})
    s["FiniteJointRV('X Y', {(0, P): 1})"] = lambda P: hashable(P) and si.FiniteJointRV(
        "X Y", {(0, P): 1})
    s["FiniteJointRV('X', {0: P, 1: 1/2})"] = lambda P: si.FiniteJointRV(
        "X", {0: P, 1: HALF})
    s["JointTable(P, {(0,): 1})"] = lambda P: si.JointTable(P, {(0,): 1})
    s["JointTable(('X',), P)"] = lambda P: si.JointTable(("X",), P)
    s["JointTable(('X',), {(P,): 1})"] = lambda P: hashable(P) and si.JointTable(
        ("X",), {(P,): 1})
    s["JointVariable(P, table)"] = lambda P: si.JointVariable(P, TABLE)
    s["table.variable(P)"] = lambda P: TABLE.variable(P)
    s["verify(P)"] = lambda P: si.verify(P)
    s["verify(P, 0)"] = lambda P: si.verify(P, 0)
    s["verify(0, P)"] = lambda P: si.verify(0, P)
    for kw in ("relation", "digits", "points", "seed", "tol", "where", "constraints",
               "symbolic", "numeric"):
        s[f"verify(0, 0, {kw}=P)"] = lambda P, kw=kw: si.verify(0, 0, **{kw: P})
    s["verify(x, x, where=[P])"] = lambda P: si.verify(x, x, where=[P])
    s["check(P, 0)"] = lambda P: si.check(P, 0)
    s["check('0', P)"] = lambda P: si.check("0", P)
    for kw in ("log_base", "syntax", "digits", "points", "seed"):
        s[f"check('x', x, {kw}=P)"] = lambda P, kw=kw: si.check("x", x, **{kw: P})
    s["derive(P)"] = lambda P: si.derive(P)
    s["Derivation.build(P, steps)"] = lambda P: Derivation.build(P, [Definition(x)])
    s["Derivation(P, (), P)"] = lambda P: si.Derivation(P, (), P)
    s["standalone(P)"] = lambda P: si.standalone(P)
    s["standalone(d, title=P)"] = lambda P: si.standalone(DERIVATION, title=P)
    s["to_latex(P)"] = lambda P: si.to_latex(P)
    s["to_latex(x, mode=P)"] = lambda P: si.to_latex(x, mode=P)
    s["to_markdown(P)"] = lambda P: si.to_markdown(P)
    s["to_mpmath(P, [x])"] = lambda P: si.to_mpmath(P, [x])
    s["to_mpmath(x, P)"] = lambda P: si.to_mpmath(x, P)
    s["to_mpmath(x, [P])"] = lambda P: si.to_mpmath(x, [P])
    s["to_mpmath(x, [x], dps=P)"] = lambda P: si.to_mpmath(x, [x], dps=P)
    s["to_numpy(P, [x])"] = lambda P: si.to_numpy(P, [x])
    s["to_numpy(x, [P])"] = lambda P: si.to_numpy(x, [P])
    s["to_numpy(x, [x], scipy=P)"] = lambda P: si.to_numpy(x, [x], scipy=P)
    s["parse_expression(P)"] = lambda P: si.parse_expression(P)
    s["parse_expression('x', symbols=P)"] = lambda P: si.parse_expression("x", symbols=P)
    s["parse_expression('x', symbols={'x': P})"] = lambda P: si.parse_expression(
        "x", symbols={"x": P})
    s["parse_expression('log(x)', log_base=P)"] = lambda P: si.parse_expression(
        "log(x)", log_base=P)
    s["parse_latex(P)"] = lambda P: si.parse_latex(P)
    s["parse_latex('x', symbols=P)"] = lambda P: si.parse_latex("x", symbols=P)
    s["parse_latex('\\log x', log_base=P)"] = lambda P: si.parse_latex("\\log x", log_base=P)
    s["parse_distribution(P)"] = lambda P: si.parse_distribution(P)
    s["parse_distribution(d, name=P)"] = lambda P: si.parse_distribution("Die(2)", name=P)
    s["parse_distribution(d, symbols=P)"] = lambda P: si.parse_distribution("Die(n)", symbols=P)
    s["parse_distribution(d, assumptions=P)"] = lambda P: si.parse_distribution(
        "Die(n)", assumptions=P)
    s["parse_distribution(d, assumptions={'n': P})"] = lambda P: si.parse_distribution(
        "Die(n)", assumptions={"n": P})
    s["prove_shannon(P)"] = lambda P: si.prove_shannon(P)
    s["prove_shannon(H(P) >= 0)"] = lambda P: si.prove_shannon(H(P) >= 0)
    s["prove_shannon(I(X;Y) >= 0, constraints=P)"] = lambda P: si.prove_shannon(
        I("X", "Y") >= 0, constraints=P)
    s["prove_shannon(H(X) >= 0, use_float=P)"] = lambda P: si.prove_shannon(
        H("X") >= 0, use_float=P)
    s["function_of(P, 'X')"] = lambda P: si.function_of(P, "X")
    s["function_of('Y', P)"] = lambda P: si.function_of("Y", P)
    s["independent(P, 'Y')"] = lambda P: si.independent(P, "Y")
    s["independent('X', 'Y', given=P)"] = lambda P: si.independent("X", "Y", given=P)
    s["markov_chain(P, 'Y', 'Z')"] = lambda P: si.markov_chain(P, "Y", "Z")
    s["ShannonResult(P, P)"] = lambda P: si.ShannonResult(P, P)
    s["Verification(P, P, P, P)"] = lambda P: si.Verification(P, P, P, P)
    s["Limits(text_length=P)"] = lambda P: si.Limits(text_length=P)
    s["set_limits(step_seconds=P)"] = lambda P: si.set_limits(step_seconds=P)
    s["using_limits(exponent=P)"] = lambda P: si.using_limits(exponent=P).__enter__()
    s["current_limits()"] = lambda P: si.current_limits()
    s["identities()"] = lambda P: si.identities()
    # --- issue 9, items 3-4: Fisher information and the measures beside Shannon's ---
    lam = sp.Symbol("lambda", positive=True)
    expo = sp.stats.Exponential("E", lam)
    for n in ("fisher_information", "jeffreys_prior", "cramer_rao_bound", "local_kl_expansion"):
        f = getattr(si, n)
        s[f"{n}(P)"] = lambda P, f=f: f(P)
        s[f"{n}(E, P)"] = lambda P, f=f: f(expo, P)
    s["FisherInformation(P, lambda)"] = lambda P: si.FisherInformation(P, lam)
    s["FisherInformation(E, P)"] = lambda P: si.FisherInformation(expo, P)
    s["FisherInformation(E, lambda, P)"] = lambda P: si.FisherInformation(expo, lam, P)
    for n in ("total_correlation", "dual_total_correlation", "co_information",
              "interaction_information", "o_information", "TotalCorrelation", "CoInformation",
              "DualTotalCorrelation", "InteractionInformation", "OInformation"):
        f = getattr(si, n)
        s[f"{n}(X, Y, given=P)"] = lambda P, f=f: f(X, Y, given=P)
    for n in ("interaction_information", "o_information", "InteractionInformation",
              "OInformation"):
        f = getattr(si, n)
        s[f"{n}(P, Y)"] = lambda P, f=f: f(P, Y)
        s[f"{n}(X, Y, base=P)"] = lambda P, f=f: f(X, Y, base=P)
    for n in ("weighted_js_divergence", "WeightedJensenShannonDivergence"):
        f = getattr(si, n)
        s[f"{n}(P, B)"] = lambda P, f=f: f(P, B)
        s[f"{n}(B, B, weights=P)"] = lambda P, f=f: f(B, B, weights=P)
        s[f"{n}(B, B, weights=[P, 1/2])"] = lambda P, f=f: f(B, B, weights=[P, HALF])
        s[f"{n}(B, B, base=P)"] = lambda P, f=f: f(B, B, base=P)
    for n in ("conditional_kl_divergence", "conditional_cross_entropy",
              "ConditionalKLDivergence", "ConditionalCrossEntropy"):
        f = getattr(si, n)
        s[f"{n}(P, Y, given=X)"] = lambda P, f=f: f(P, Y, given=X)
        s[f"{n}(X, P, given=Y)"] = lambda P, f=f: f(X, P, given=Y)
        s[f"{n}(X, X, given=P)"] = lambda P, f=f: f(X, X, given=P)
        s[f"{n}(X, X, given=Y, base=P)"] = lambda P, f=f: f(X, X, given=Y, base=P)
    for n in ("lautum_information", "LautumInformation"):
        f = getattr(si, n)
        s[f"{n}(P, Y)"] = lambda P, f=f: f(P, Y)
        s[f"{n}(X, P)"] = lambda P, f=f: f(X, P)
        s[f"{n}(X, Y, base=P)"] = lambda P, f=f: f(X, Y, base=P)
    for n in ("sibson_mutual_information", "SibsonMutualInformation"):
        f = getattr(si, n)
        s[f"{n}(P, Y, 2)"] = lambda P, f=f: f(P, Y, 2)
        s[f"{n}(X, Y, P)"] = lambda P, f=f: f(X, Y, P)
        s[f"{n}(X, Y, 2, base=P)"] = lambda P, f=f: f(X, Y, 2, base=P)
    for n in ("extropy", "perplexity", "gini_impurity", "Extropy", "Perplexity",
              "GiniImpurity"):
        f = getattr(si, n)
        s[f"{n}(P)"] = lambda P, f=f: f(P)
    for n in ("extropy", "Extropy"):
        f = getattr(si, n)
        s[f"{n}(B, base=P)"] = lambda P, f=f: f(B, base=P)
    for n in ERRORS:
        s[f"{n}(P)"] = lambda P, n=n: getattr(si, n)(P)
    # issue 11 (checker): source export, answers as equations and floats
    s["to_source(P)"] = lambda P: si.to_source(P)
    s["to_source(x, P)"] = lambda P: si.to_source(x, P)
    s["to_source(x, [P])"] = lambda P: si.to_source(x, [P])
    s["to_source(x, backend=P)"] = lambda P: si.to_source(x, backend=P)
    s["to_source(x, name=P)"] = lambda P: si.to_source(x, name=P)
    s["check(f'h = {P}', x)"] = lambda P: si.check(f"h = {P}", x)
    s["parse_latex('1.5', decimals=P)"] = lambda P: si.parse_latex("1.5", decimals=P)
    s["parse_expression('1.5', decimals=P)"] = lambda P: si.parse_expression("1.5", decimals=P)
    # issue 10: channels (and what follows)
    for n in ("binary_symmetric_channel", "binary_erasure_channel", "z_channel",
              "channel_capacity", "blahut_arimoto"):
        s[f"{n}(P)"] = lambda P, n=n: getattr(si, n)(P)
    s["channel_capacity([[1, 0], [0, P]])"] = lambda P: si.channel_capacity([[1, 0], [0, P]])
    s["channel_capacity([[1, 0], [0, 1]], base=P)"] = lambda P: si.channel_capacity(
        [[1, 0], [0, 1]], base=P)
    s["blahut_arimoto([[1, 0], [0, 1]], dps=P)"] = lambda P: si.blahut_arimoto(
        [[1, 0], [0, 1]], dps=P)
    s["blahut_arimoto([[1, 0], [0, 1]], gap=P)"] = lambda P: si.blahut_arimoto(
        [[1, 0], [0, 1]], gap=P)
    s["gaussian_channel_capacity(P, 1)"] = lambda P: si.gaussian_channel_capacity(P, 1)
    s["gaussian_channel_capacity(1, P)"] = lambda P: si.gaussian_channel_capacity(1, P)
    s["BlahutArimoto(P, P, P, P, P, P)"] = lambda P: si.BlahutArimoto(P, P, P, P, P, P)
    s["max_entropy(P)"] = lambda P: si.max_entropy(P)
    s["max_entropy(Interval(0, oo), P)"] = lambda P: si.max_entropy(sp.Interval(0, sp.oo), P)
    s["max_entropy(Interval(0, oo), {x: P})"] = lambda P: si.max_entropy(
        sp.Interval(0, sp.oo), {x: P})
    s["max_entropy([1, 2], {x: P})"] = lambda P: si.max_entropy([1, 2], {x: P})
    s["MaxEntropy(P, P, P, P, P, P, P, P)"] = lambda P: si.MaxEntropy(P, P, P, P, P, P, P, P)
    s["categorical(P)"] = lambda P: si.categorical(P)
    s["categorical([P, 1/2])"] = lambda P: si.categorical([P, HALF])
    s["categorical({P: 1})"] = lambda P: hashable(P) and si.categorical({P: 1})
    s["categorical([1], name=P)"] = lambda P: si.categorical([1], name=P)
    s["entropy([P, 1/2])"] = lambda P: si.entropy([P, HALF])
    # issue 11: the printer's notation and the binary entropy function
    s["set_notation(cross_entropy=P)"] = lambda P: si.set_notation(cross_entropy=P)
    s["set_notation(base=P)"] = lambda P: si.set_notation(base=P)
    s["BinaryEntropy(P)"] = lambda P: si.BinaryEntropy(P)
    s["BinaryEntropy(x, P)"] = lambda P: si.BinaryEntropy(x, P)
    s["h2(P)"] = lambda P: si.h2(P)
    # generalised divergences (issue 9)
    for n in ("bhattacharyya_coefficient", "BhattacharyyaCoefficient", "chi_square_divergence",
              "ChiSquareDivergence", "neyman_chi_square_divergence",
              "NeymanChiSquareDivergence", "bhattacharyya_distance", "BhattacharyyaDistance"):
        f = getattr(si, n)
        s[f"{n}(P, B)"] = lambda P, f=f: f(P, B)
        s[f"{n}(B, P)"] = lambda P, f=f: f(B, P)
    for n in ("bhattacharyya_distance", "BhattacharyyaDistance"):
        f = getattr(si, n)
        s[f"{n}(B, B, base=P)"] = lambda P, f=f: f(B, B, base=P)
    for n in ("alpha_divergence", "AlphaDivergence"):
        f = getattr(si, n)
        s[f"{n}(P, B, 2)"] = lambda P, f=f: f(P, B, 2)
        s[f"{n}(B, P, 2)"] = lambda P, f=f: f(B, P, 2)
        s[f"{n}(B, B, P)"] = lambda P, f=f: f(B, B, P)
    s["collision_entropy(P)"] = lambda P: si.collision_entropy(P)
    s["collision_entropy(B, base=P)"] = lambda P: si.collision_entropy(B, base=P)
    s["f_divergence(P, B, f)"] = lambda P: si.f_divergence(P, B, lambda t: t * sp.log(t))
    s["f_divergence(B, P, f)"] = lambda P: si.f_divergence(B, P, lambda t: t * sp.log(t))
    s["f_divergence(B, B, P)"] = lambda P: si.f_divergence(B, B, P)
    s["f_divergence(B, B, lambda t: P)"] = lambda P: si.f_divergence(B, B, lambda t: P)
    return s


SLOTS = _slots()

def _call(slot: str, payload: object) -> str | None:
    """None when the call behaved (returned, or raised a SymbinfoError), else what it did."""
    try:
        SLOTS[slot](payload)
    except si.SymbinfoError:
        return None
    except Exception as exc:  # the point of the suite: anything else is a finding
        return f"{type(exc).__name__}: {str(exc)[:120]}"
    return None


def _try_every(payloads: list, attempt, tmp_path, label: str) -> None:
    """Run ``attempt`` on every payload: a sentinel fails at once; findings (anything but a
    result or a symbinfo refusal) are collected and fail at the end, three shown."""
    bad = {}
    for i, payload in enumerate(payloads):
        found = attempt(payload)
        if found:
            bad[i] = found
        made = sentinels(tmp_path)
        assert not made, f"{label} ran payload {i} {payload!r:.100}: created {made}"
    assert not bad, f"{label}: {len(bad)} findings, e.g. " + "; ".join(
        f"payload {i} {payloads[i]!r:.60} -> {msg}" for i, msg in list(bad.items())[:3])


@pytest.mark.parametrize("slot", list(SLOTS))
def test_public_function_slot(slot, tmp_path):
    _try_every(make_payloads(tmp_path), lambda payload: _call(slot, payload), tmp_path, slot)


def test_every_public_callable_has_a_slot():
    callables = {n for n in si.__all__ if callable(getattr(si, n))}
    covered = {n for n in callables for slot in SLOTS
               if slot.startswith((f"{n}(", f"{n}.")) or (n == "JointTable" and "table." in slot)}
    assert callables - covered == set()


def test_suite_size(capsys):
    payloads = make_payloads(Path("/nonexistent"))
    cli_payloads = [p for p in payloads if isinstance(p, str)]
    assert len(payloads) >= 100
    with capsys.disabled():
        print(f"\nhostile suite: {len(payloads)} payloads x {len(SLOTS)} argument slots of "
              f"{len({s.split('(')[0] for s in SLOTS})} public callables = "
              f"{len(payloads) * len(SLOTS)} calls; {len(cli_payloads)} string payloads x "
              f"{len(CLI_SLOTS)} command-line positions = {len(cli_payloads) * len(CLI_SLOTS)}"
              " runs")


# --- command line -----------------------------------------------------------------------------

P_ = "{P}"
#: every argument position of every command ({P} is the payload); -o FILE is left out, since
#: writing FILE is its purpose
CLI_SLOTS = [
    [P_],
    ["entropy", P_],
    ["entropy", "Die(2)", "--base", P_],
    ["entropy", "Die(2)", "--assume", P_],
    ["entropy", "Die(n)", "--assume", "n:" + P_],
    ["entropy", "Die(2)", "--format", P_],
    ["kl", P_, "Die(2)"],
    ["kl", "Die(2)", P_],
    ["kl", "Die(2)", "Die(2)", "--base", P_],
    ["cross-entropy", P_, "Die(2)"],
    ["cross-entropy", "Die(2)", P_],
    ["mi", P_],
    ["mi", "1/2, 0; 0, 1/2", "--base", P_],
    ["mi", "1/2, 0; 0, 1/2", "--assume", P_],
    ["mi", "--given", P_],
    ["mi", "--given", "0 0 0 = 1/2; 1 1 " + P_ + " = 1/2"],
    ["entropy", "1/2, " + P_],
    ["derive", P_, "Die(2)"],
    ["derive", "entropy", P_],
    ["derive", "kl", "Die(2)", P_],
    ["check", P_, "--target", "x"],
    ["check", "x", "--target", P_],
    ["check", "x", "--entropy", P_],
    ["check", "x", "--kl", P_, "Die(2)"],
    ["check", "x", "--cross-entropy", "Die(2)", P_],
    ["check", "x", "--target", "x", "--syntax", P_],
    ["check", "x", "--target", "x", "--base", P_],
    ["check", "x", "--target", "x", "--log-base", P_],
    ["verify", P_],
    ["verify", P_, "x"],
    ["verify", "x", P_],
    ["verify", "x", "x", "--assume", P_],
    ["identities", "--list", P_],
    ["tour", P_],
]


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = symbinfo.cli.main(argv)
        except SystemExit as exc:  # argparse refusing an argument
            code = exc.code if isinstance(exc.code, int) else 2
    return code, out.getvalue(), err.getvalue()


def _cli_finding(code: int, err: str) -> str | None:
    if "Traceback" in err:
        return "traceback"
    if code == 2 and len(err.strip().splitlines()) == 1:
        return None
    if code in (0, 1) and not err.strip():
        return None  # the text happened to be a valid formula: an answer, not an error
    return f"exit {code}, stderr {err!r:.200}"




@pytest.mark.parametrize("argv", CLI_SLOTS, ids=lambda a: " ".join(a)[:50])
def test_command_line_position(argv, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a relative sentinel would land here
    payloads = [p for p in make_payloads(tmp_path) if isinstance(p, str) and "\x00" not in p]

    def attempt(payload: str) -> str | None:
        return _cli_finding(*run_cli([a.replace(P_, payload) for a in argv])[::2])

    _try_every(payloads, attempt, tmp_path, " ".join(argv))


@pytest.mark.parametrize("argv", [
    ["verify", CODE[0], "0"],
    ["check", "x", "--target", CODE[7]],
    ["entropy", "Normal(0, 1)", "--base", CODE[11]],
    ["mi", "1/2, " + CODE[2] + "; 0, 1/2"],
])
def test_command_line_in_a_real_process(argv, tmp_path):
    """As a user runs it: ``python -m symbinfo`` in its own process."""
    args = [a.format(p=tmp_path / "s") for a in argv]
    run = subprocess.run([sys.executable, "-m", "symbinfo", *args], capture_output=True,
                         text=True, timeout=120, cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr
    assert sentinels(tmp_path) == []
