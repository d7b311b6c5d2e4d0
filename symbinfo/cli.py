"""The ``symbinfo`` command: closed forms, derivations, verification and checking from a shell.

Distributions are written as in sympy.stats, ``"Normal(mu, sigma)"``, ``"Gamma(k, theta)"``;
parameter assumptions are inferred from each parameter's role and can be overridden with
``--assume "mu:real"`` or ``--assume "k:positive,integer"``.

Work is bounded by symbinfo's limits (``symbinfo.Limits``); raise one for a command with
``--limit step_seconds=60`` (repeatable).

Exit status: 0 when the result holds (or was computed), 1 when a check or verification is
refuted or undecided, 2 for bad input or a result that cannot be written, 3 for an internal
error, 130 when interrupted; each failure is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import math
import os
import re
import sys
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import sympy as sp

from . import errors
from .errors import ResourceLimitError, SymbinfoError
from .limits import Limits, using_limits

FORMATS = ("text", "latex", "markdown")

#: Assumption keywords accepted by ``--assume`` (SymPy's own names).
_ASSUMPTION_NAMES = frozenset({
    "real", "positive", "negative", "nonnegative", "nonpositive", "nonzero", "integer",
    "rational", "finite", "even", "odd", "prime", "zero",
})


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error (no usage dump) and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        # arguments echoed back may hold newlines or control characters: keep it one line
        one_line = "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)
        self.exit(2, f"{self.prog}: error: {one_line} (see '{self.prog} --help')\n")


class UsageError(SymbinfoError, ValueError):
    """A command-line mistake found after argparse (bad --assume, missing target...)."""


class OutputError(SymbinfoError, OSError):
    """The result could not be written (standard output closed or full, -o FILE unwritable)."""


# --------------------------------------------------------------------------- input


def parse_assumptions(items: Sequence[str]) -> dict[str, dict[str, bool]]:
    """Read ``--assume`` values ``"name:assumption,..."``; ``!``/``not-`` negates one.

    >>> parse_assumptions(["mu:real", "k:positive,integer", "x:!zero"])
    {'mu': {'real': True}, 'k': {'positive': True, 'integer': True}, 'x': {'zero': False}}
    >>> parse_assumptions(["k:spicy"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    symbinfo.cli.UsageError: unknown assumption 'spicy' in --assume 'k:spicy' (use ...)
    """
    out: dict[str, dict[str, bool]] = {}
    for item in items:
        name, sep, spec = item.partition(":")
        name = name.strip()
        if not sep or not name.isidentifier() or not spec.strip():
            raise UsageError(f"--assume expects NAME:ASSUMPTION[,ASSUMPTION...], got {item!r}")
        from .parsing._common import CONSTANTS, constant_name_message
        if name in CONSTANTS:  # e means Euler's number everywhere, never a parameter
            raise UsageError(f"--assume {item!r}: {constant_name_message(name)}")
        facts = out.setdefault(name, {})
        for word in spec.split(","):
            word = word.strip()
            value = not word.startswith(("!", "not-"))
            word = word.lstrip("!").removeprefix("not-")
            if word not in _ASSUMPTION_NAMES:
                raise UsageError(f"unknown assumption {word!r} in --assume {item!r} (use "
                             f"{', '.join(sorted(_ASSUMPTION_NAMES))})")
            facts[word] = value
        try:  # SymPy refuses contradictions (positive and negative) when a symbol is made
            sp.Symbol(name, **facts)
        except ValueError:
            raise UsageError(f"contradictory assumptions for {name!r} in --assume "
                             f"{item!r}") from None
    return out


def parse_limits(items: Sequence[str]) -> dict[str, float]:
    """Read ``--limit`` values ``"name=number"`` (the fields of ``symbinfo.Limits``).

    >>> parse_limits(["step_seconds=60", "finite_outcomes=10**6"])
    Traceback (most recent call last):
    ...
    symbinfo.cli.UsageError: --limit expects NAME=NUMBER, got 'finite_outcomes=10**6'
    >>> parse_limits(["step_seconds=60", "finite_outcomes=1000000"])
    {'step_seconds': 60, 'finite_outcomes': 1000000}
    """
    fields = {f.name for f in dataclasses.fields(Limits)}
    out: dict[str, float] = {}
    for item in items:
        name, _, text = (part.strip() for part in item.partition("="))
        try:
            value: float = int(text)
        except ValueError:
            try:
                value = float(text)
            except ValueError:
                value = math.nan
        if not math.isfinite(value):
            raise UsageError(f"--limit expects NAME=NUMBER, got {item!r}")
        if name not in fields:
            raise UsageError(f"unknown limit {name!r} in --limit {item!r} (use "
                             f"{', '.join(sorted(fields))})")
        out[name] = value
    return out


def _looks_like_latex(text: str) -> bool:
    return "\\" in text or "{" in text


def parse_formula(text: str, symbols: dict[str, sp.Basic], syntax: str = "auto") -> sp.Basic:
    r"""A user's formula in SymPy syntax or LaTeX (``auto``: LaTeX when it has ``\`` or ``{``).

    >>> s = sp.Symbol("sigma", positive=True)
    >>> parse_formula(r"\frac{1}{2}\log(2\pi e \sigma^2)", {"sigma": s})
    log(2*E*pi*sigma**2)/2
    >>> parse_formula("log(sigma)", {"sigma": s}).args[0] == s
    True
    """
    from .parsing import parse_expression, parse_latex

    if syntax == "latex" or (syntax == "auto" and _looks_like_latex(text)):
        return parse_latex(text, symbols=symbols)
    return parse_expression(text, symbols=symbols)


@dataclass
class _Inputs:
    """Distributions parsed so that a parameter name means one Symbol across all of them."""

    assumptions: dict[str, dict[str, bool]]
    symbols: dict[str, sp.Basic]

    def distribution(self, text: str, name: str) -> sp.Basic:
        from .parsing import parse_distribution

        rv = parse_distribution(
            text, name=name, symbols=dict(self.symbols),
            assumptions={k: v for k, v in self.assumptions.items() if k not in self.symbols},
        )
        for s in rv.pspace.distribution.free_symbols:
            self.symbols.setdefault(s.name, s)
        return rv

    def formula(self, text: str, syntax: str = "auto") -> sp.Basic:
        return parse_formula(text, self._with_assumed(), syntax)

    def _with_assumed(self) -> dict[str, sp.Basic]:
        table = dict(self.symbols)
        for nm, facts in self.assumptions.items():
            table.setdefault(nm, sp.Symbol(nm, **facts))
        return table


def _inputs(args: argparse.Namespace) -> _Inputs:
    return _Inputs(parse_assumptions(args.assume or []), {})


def _base(text: str) -> sp.Basic:
    from .parsing import parse_expression

    value = parse_expression(text)
    if value.is_number and not (value.is_positive and value != 1):  # nan, zoo, 0/0 too
        raise UsageError(f"--base must be positive and not 1, got {text!r}")
    return value


# --------------------------------------------------------------------------- output


def render(lhs: sp.Basic | None, rhs: sp.Basic, fmt: str) -> str:
    r"""``lhs = rhs`` as one line of text, a LaTeX equation, or a Markdown display formula.

    >>> x = sp.Symbol("x")
    >>> render(sp.Symbol("H"), sp.log(x), "text")
    'H = log(x)'
    >>> render(sp.Symbol("H"), sp.log(x), "latex")
    'H = \\log{\\left(x \\right)}'
    >>> render(None, sp.log(x), "markdown")
    '$$\\log{\\left(x \\right)}$$'
    """
    if fmt == "text":
        return f"{lhs} = {rhs}" if lhs is not None else str(rhs)
    from .render.latex import math as tex  # the book's notation: ψ, ln Γ, B(α, β), log₂, h₂

    body = tex(rhs) if lhs is None else f"{tex(lhs)} = {tex(rhs)}"
    return body if fmt == "latex" else f"$${body}$$"


def _emit(args: argparse.Namespace, text: str) -> None:
    """Write the result to -o FILE or standard output; a failed write is an error."""
    path = getattr(args, "output", None)
    if not path:
        write_stdout(text)
        return
    try:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text.rstrip("\n") + "\n")
    except OSError as exc:
        raise OutputError(f"cannot write the result to {path!r}: {exc.strerror or exc}") from exc


def write_stdout(text: str) -> None:
    """Print ``text`` and flush, or raise :class:`OutputError` (closed, full, broken pipe)."""
    if sys.stdout is None:  # the shell started us with standard output closed
        raise OutputError("cannot write the result: standard output is closed")
    try:
        print(text, file=sys.stdout, flush=True)
    except (OSError, ValueError) as exc:  # ValueError: a closed file object
        # the interpreter flushes stdout again at exit; point it at /dev/null so that this
        # error is reported once, by us
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        reason = getattr(exc, "strerror", None) or exc
        raise OutputError(f"cannot write the result to standard output: {reason}") from exc


def _verification_text(result: object, fmt: str) -> str:
    """A Verification as text (its own str) or through its Markdown/LaTeX renderers."""
    if fmt == "markdown" and hasattr(result, "_repr_markdown_"):
        return result._repr_markdown_()
    if fmt == "latex":
        for attr in ("to_latex", "_repr_latex_"):
            if hasattr(result, attr):
                return getattr(result, attr)()
    return str(result)


def _holds(result: object) -> int:
    return 0 if bool(result) else 1


# --------------------------------------------------------------------------- commands


def _cmd_entropy(args: argparse.Namespace) -> int:
    from .measures import Entropy

    inputs = _inputs(args)
    table = _entropy_table(args.dist, inputs)
    if table is not None:
        measure = Entropy(*table, base=_base(args.base))
        _emit(args, render(measure, measure.doit(), args.format))
        return 0
    X = inputs.distribution(args.dist, "X")
    measure = Entropy(X, base=_base(args.base))
    _emit(args, render(measure, measure.doit(), args.format))
    return 0


def _pair(args: argparse.Namespace, cls: type) -> int:
    inputs = _inputs(args)
    P, Q = inputs.distribution(args.p, "P"), inputs.distribution(args.q, "Q")
    measure = cls(P, Q, base=_base(args.base))
    _emit(args, render(measure, measure.doit(), args.format))
    return 0


def _cmd_kl(args: argparse.Namespace) -> int:
    from .measures import KLDivergence

    return _pair(args, KLDivergence)


def _cmd_cross_entropy(args: argparse.Namespace) -> int:
    from .measures import CrossEntropy

    return _pair(args, CrossEntropy)


def parse_table(text: str, inputs: _Inputs) -> list[list[sp.Basic]]:
    """A joint table written as rows separated by ``;`` and entries by ``,``.

    >>> parse_table("1/2, 0; 1/4, 1/4", _Inputs({}, {}))
    [[1/2, 0], [1/4, 1/4]]
    """
    rows = [r for r in (row.strip() for row in text.split(";")) if r]
    table = [[inputs.formula(v.strip(), "sympy") for v in row.split(",")] for row in rows]
    if not table or len({len(r) for r in table}) != 1:
        raise UsageError(f"a joint table needs rows of equal length separated by ';', got {text!r}")
    return table


#: a distribution is written as a call, ``Name(...)``; anything else is a table of numbers
_CALL = re.compile(r"^\s*[A-Za-z_]\w*\s*\(.*\)\s*$", re.DOTALL)


def _entropy_table(text: str, inputs: _Inputs) -> tuple | None:
    """The variables of a probability table written on the command line (``'1/2, 1/4, 1/4'``
    for one variable, rows separated by ``;`` for two), or None for a distribution.

    >>> [str(v) for v in _entropy_table("1/2, 0; 1/4, 1/4", _Inputs({}, {}))]
    ['X', 'Y']
    >>> _entropy_table("Normal(0, 1)", _Inputs({}, {})) is None
    True
    """
    from .distributions.joint import FiniteJointRV

    if _CALL.match(text):
        return None
    table = parse_table(text, inputs)
    if len(table) == 1:
        return (FiniteJointRV("X", table[0]),)
    return tuple(FiniteJointRV("X Y", table))


def parse_entries(text: str, inputs: _Inputs) -> dict[tuple, sp.Basic]:
    """A joint table of three (or more) variables written as ``x y z = p`` entries separated
    by ``;``.

    >>> parse_entries("0 0 0 = 1/2; 1 1 1 = 1/2", _Inputs({}, {}))
    {(0, 0, 0): 1/2, (1, 1, 1): 1/2}
    """
    table: dict[tuple, sp.Basic] = {}
    for entry in (e.strip() for e in text.split(";")):
        if not entry:
            continue
        if entry.count("=") != 1:
            raise UsageError(f"a table entry is 'x y z = p', got {entry!r:.60}")
        outcome, prob = entry.split("=")
        key = tuple(inputs.formula(v, "sympy") for v in outcome.split())
        table[key] = inputs.formula(prob.strip(), "sympy")
    if not table or len({len(k) for k in table}) != 1 or len(next(iter(table))) < 3:
        raise UsageError(f"--given needs entries 'x y z = p' of three values, got {text!r:.60}")
    return table


def _cmd_mi_given(args: argparse.Namespace) -> int:
    from .distributions.joint import FiniteJointRV
    from .measures import ConditionalEntropy, MutualInformation

    table = parse_entries(args.table, _inputs(args))
    names = " ".join(["X", "Y", "Z", *(f"Z{i}" for i in range(2, len(next(iter(table))) - 1))])
    X, Y, *Z = FiniteJointRV(names, table)
    given = tuple(Z)
    base = _base(args.base)
    lines = []
    for m in (MutualInformation(X, Y, given=given, base=base),
              ConditionalEntropy(X, given=(Y, *given), base=base),
              ConditionalEntropy(Y, given=(X, *given), base=base)):
        lines.append(render(m, m.doit(), args.format))
    _emit(args, ("\n\n" if args.format == "markdown" else "\n").join(lines))
    return 0


def _cmd_mi(args: argparse.Namespace) -> int:
    from .distributions.joint import FiniteJointRV
    from .measures import ConditionalEntropy, MutualInformation

    if args.given:
        return _cmd_mi_given(args)
    table = parse_table(args.table, _inputs(args))
    X, Y = FiniteJointRV("X Y", table)
    base = _base(args.base)
    lines = []
    for m in (MutualInformation(X, Y, base=base), ConditionalEntropy(X, given=Y, base=base),
              ConditionalEntropy(Y, given=X, base=base)):
        lines.append(render(m, m.doit(), args.format))
    _emit(args, ("\n\n" if args.format == "markdown" else "\n").join(lines))
    return 0


#: Targets a hand calculation can be checked against: option -> (measure class, arity).
_TARGETS = {"entropy": ("Entropy", 1), "kl": ("KLDivergence", 2),
            "cross_entropy": ("CrossEntropy", 2)}


def _target(args: argparse.Namespace, inputs: _Inputs) -> tuple[sp.Basic, sp.Basic]:
    """The (unevaluated measure, evaluated value) a check/verify compares against."""
    from . import measures

    for opt, (cls_name, arity) in _TARGETS.items():
        value = getattr(args, opt, None)
        if value is None:
            continue
        texts = [value] if arity == 1 else list(value)
        rvs = [inputs.distribution(t, n) for t, n in zip(texts, ("X",) if arity == 1 else
                                                           ("P", "Q"), strict=True)]
        measure = getattr(measures, cls_name)(*rvs, base=_base(args.base))
        return measure, measure.doit()
    if getattr(args, "target", None) is not None:
        value = inputs.formula(args.target, args.syntax)
        return value, value  # the same object: no measure to show
    raise UsageError("give what to compare against: --entropy DIST, --kl P Q, --cross-entropy P Q "
                 "or --target FORMULA")


def _cmd_check(args: argparse.Namespace) -> int:
    from .verify import check
    inputs = _inputs(args)
    measure, value = _target(args, inputs)
    # check() gets the unevaluated measure (so it can test swapped arguments) and the raw
    # answer text: it parses it itself, matching symbol names to the target's.
    target = measure if measure is not value else value
    result = check(args.answer, target, syntax=args.syntax, log_base=_base(args.log_base))
    lines = [render(measure, value, args.format) if measure is not value else "",
             _verification_text(result, args.format)]
    diagnosis = list(getattr(result, "diagnosis", None) or [])
    if not result and diagnosis and "diagnosis" not in lines[-1]:
        lines.append("diagnosis: " + "; ".join(map(str, diagnosis)))
    _emit(args, "\n".join(line for line in lines if line))
    return _holds(result)


def _cmd_verify(args: argparse.Namespace) -> int:
    from .verify import verify
    inputs = _inputs(args)
    lhs = inputs.formula(args.lhs, args.syntax)
    if args.rhs is None:
        if not isinstance(lhs, sp.core.relational.Relational):
            raise UsageError("give two formulas (LHS RHS) or one relation such as 'a <= b'")
        result = verify(lhs)
    else:
        result = verify(lhs, inputs.formula(args.rhs, args.syntax))
    _emit(args, _verification_text(result, args.format))
    return _holds(result)


def _cmd_derive(args: argparse.Namespace) -> int:
    from . import measures

    inputs = _inputs(args)
    from .derivation.derivation import derive

    measure = _derive_measure(args, inputs)
    if measure is None:
        cls_name, arity = _TARGETS[args.measure.replace("-", "_")]
        if len(args.dists) != arity:
            raise UsageError(f"derive {args.measure} takes {arity} distribution(s), got "
                             f"{len(args.dists)}")
        rvs = [inputs.distribution(t, n) for t, n in zip(args.dists, ("X",) if arity == 1 else
                                                         ("P", "Q"), strict=True)]
        measure = getattr(measures, cls_name)(*rvs, base=_base(args.base))
    derivation = derive(measure)
    if args.standalone:
        from .render import standalone

        text = standalone(derivation)
    else:
        renderer = {"latex": "to_latex", "markdown": "to_markdown"}.get(args.format)
        text = getattr(derivation, renderer)() if renderer else str(derivation)
    _emit(args, text)
    return 0


def _derive_measure(args: argparse.Namespace, inputs: _Inputs) -> sp.Basic | None:
    """The measures ``derive`` takes beyond the check targets: ``mi TABLE`` (a joint table),
    ``renyi DIST --order ALPHA`` and ``jsd P Q``; ``None`` for the others."""
    from . import measures

    kind, dists, base = args.measure, args.dists, _base(args.base)
    if kind == "mi":
        from .distributions.joint import FiniteJointRV

        if len(dists) != 1:
            raise UsageError("derive mi takes one joint table, e.g. '1/2, 0; 1/4, 1/4'")
        X, Y = FiniteJointRV("X Y", parse_table(dists[0], inputs))
        return measures.MutualInformation(X, Y, base=base)
    if kind == "renyi":
        if len(dists) != 1 or args.order is None:
            raise UsageError("derive renyi takes one distribution and --order ALPHA")
        order = inputs.formula(args.order)
        return measures.RenyiEntropy(inputs.distribution(dists[0], "X"), order, base=base)
    if kind == "jsd":
        if len(dists) != 2:
            raise UsageError(f"derive jsd takes 2 distributions, got {len(dists)}")
        return measures.JensenShannonDivergence(inputs.distribution(dists[0], "P"),
                                                inputs.distribution(dists[1], "Q"), base=base)
    return None


def _identity_name(item: object, k: int) -> str:
    return str(getattr(item, "name", None) or f"identity {k}")


def run_identity(item: object) -> tuple[bool, str]:
    """Verify a catalog entry on each of its instances: (all as expected?, a short summary).

    An entry marked ``expected_refutation`` (a well-known false claim) passes when refuted.
    """
    expected = getattr(item, "expected_refutation", False)
    instances = item.instances() if callable(getattr(item, "instances", None)) else [()]
    counts: dict[str, int] = {}
    for args in instances:
        result = item.verify(*args)
        status = getattr(result, "status", "verified" if result else "refuted")
        counts[status] = counts.get(status, 0) + 1
        if (status == "refuted") != expected or (not expected and not result):
            return False, f"{status}: {result}"
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    return True, summary + (" (a known false claim, refuted as expected)" if expected else "")


def _cmd_identities(args: argparse.Namespace) -> int:
    from .verify import identities

    catalog = list(identities())
    if args.name:
        catalog = [c for k, c in enumerate(catalog, 1)
                   if any(n.lower() in _identity_name(c, k).lower() for n in args.name)]
        if not catalog:
            raise UsageError(f"no identity matches {', '.join(args.name)}")
    if args.list:
        _emit(args, "\n".join(_identity_name(c, k) for k, c in enumerate(catalog, 1)))
        return 0
    lines, failed = [], 0
    for k, item in enumerate(catalog, 1):
        name = _identity_name(item, k)
        # progress on stderr, so stdout (or -o FILE) holds only the report
        _say(f"[{k}/{len(catalog)}] {name} ...", end=" ")
        ok, summary = run_identity(item)
        failed += not ok
        _say("ok" if ok else "FAILED")
        lines.append(f"{'ok' if ok else 'FAIL':4}  {name}: {summary}")
    lines.append(f"{len(catalog) - failed}/{len(catalog)} identities hold as catalogued")
    sep = "\n\n" if args.format == "markdown" else "\n"
    _emit(args, sep.join(lines))
    return 1 if failed else 0


def _cmd_tour(args: argparse.Namespace) -> int:
    from .tour import run

    return 1 if run(out=write_stdout) else 0


# --------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed so the docs and tests can read the real options)."""
    parser = _Parser(prog="symbinfo", description=__doc__,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, func: Callable[[argparse.Namespace], int], help: str, *,
                output: bool = True, assume: bool = True, base: bool = True) -> _Parser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(func=func)
        if output:
            p.add_argument("--format", choices=FORMATS, default="text",
                           help="output as plain text, LaTeX or Markdown (default: text)")
            p.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
        if assume:
            p.add_argument("--assume", action="append", metavar="NAME:FACTS",
                           help="override a parameter's assumptions, e.g. 'mu:real' or "
                                "'k:positive,integer' (repeatable)")
        if base:
            p.add_argument("--base", default="E",
                           help="logarithm base: 2 (bits), E (nats, default), 10 or a symbol")
        p.add_argument("--limit", action="append", metavar="NAME=NUMBER",
                       help="raise or lower one of symbinfo's work limits for this command, "
                            "e.g. 'step_seconds=60' (see symbinfo.Limits; repeatable)")
        return p

    def syntax(p: argparse.ArgumentParser) -> None:
        p.add_argument("--syntax", choices=("auto", "sympy", "latex"), default="auto",
                       help="how formulas are written (auto: LaTeX if it has a backslash)")

    p = command("entropy", _cmd_entropy, "entropy (differential for densities) of a distribution")
    p.add_argument("dist", help='e.g. "Normal(mu, sigma)", or a table: "1/2, 1/4, 1/4" or '
                                "'1/2, 0; 1/4, 1/4' (joint entropy of two variables)")
    for name, func, what in (("cross-entropy", _cmd_cross_entropy, "cross-entropy H(P, Q)"),
                             ("kl", _cmd_kl, "KL divergence D_KL(P || Q)")):
        p = command(name, func, what)
        p.add_argument("p", metavar="P", help='e.g. "Normal(m1, s1)"')
        p.add_argument("q", metavar="Q", help='e.g. "Normal(m2, s2)"')

    p = command("mi", _cmd_mi, "mutual information and conditional entropies of a joint table")
    p.add_argument("table", help="p(x, y) as rows separated by ';', e.g. '1/2, 0; 1/4, 1/4' "
                                 "(rows are values of X, columns values of Y)")
    p.add_argument("--given", action="store_true",
                   help="TABLE has three variables, as 'x y z = p' entries separated by ';': "
                        "print I(X; Y | Z), H(X | Y, Z), H(Y | X, Z)")

    p = command("derive", _cmd_derive, "step-by-step derivation of a measure")
    p.add_argument("measure", choices=("entropy", "kl", "cross-entropy", "mi", "renyi", "jsd"))
    p.add_argument("dists", nargs="+", metavar="DIST",
                   help="distributions; for mi a joint table such as '1/2, 0; 1/4, 1/4'")
    p.add_argument("--order", metavar="ALPHA", help="the order of a Rényi entropy (derive renyi)")
    p.add_argument("--standalone", action="store_true",
                   help="a complete LaTeX document (compile with pdflatex)")

    p = command("check", _cmd_check, "check a hand calculation against the derived result")
    syntax(p)
    p.add_argument("answer", help=r"your answer, SymPy syntax or LaTeX, e.g. '\frac{1}{2}\log(2\pi"
                                  r" e \sigma^2)'; an equation 'h(X) = ...' or a decimal such as "
                                  "2.585 (judged to the digits given) too")
    p.add_argument("--log-base", default="E", metavar="BASE",
                   help=r"base of a bare log / \log in the answer: 2 if you wrote bits, "
                        r"E (default); \ln is always natural, \log_2 always base 2")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--entropy", metavar="DIST", help="compare with the entropy of DIST")
    group.add_argument("--kl", nargs=2, metavar=("P", "Q"), help="compare with D_KL(P || Q)")
    group.add_argument("--cross-entropy", nargs=2, metavar=("P", "Q"),
                       help="compare with H(P, Q)")
    group.add_argument("--target", metavar="FORMULA", help="compare with a formula")

    p = command("verify", _cmd_verify, "prove or numerically verify an identity or inequality",
                base=False)
    syntax(p)
    p.add_argument("lhs", help="left-hand side, or a whole relation such as 'log(x) <= x - 1'")
    p.add_argument("rhs", nargs="?", help="right-hand side (omit when LHS is a relation)")

    p = command("identities", _cmd_identities,
                "verify the identity catalog, with progress on stderr", assume=False, base=False)
    p.add_argument("name", nargs="*", help="only identities whose name contains one of these")
    p.add_argument("--list", action="store_true", help="list the names, verify nothing")

    command("tour", _cmd_tour, "derive and numerically check a few results",
            output=False, assume=False, base=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    >>> main(["tour"]) == 0  # doctest: +ELLIPSIS
    H(Bernoulli(p)) ...
    True
    >>> main(["mi", "1/2, 0; 1/4, 1/4", "--base", "2"])  # doctest: +ELLIPSIS
    I(X; Y, base=2) = -3*log(3)/(4*log(2)) + 3/2
    ...
    0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with warnings.catch_warnings():
            # Python's warnings (a SyntaxWarning while a formula is parsed, SymPy's
            # deprecations) are for programmers; the shell gets the result or one error line
            warnings.simplefilter("ignore")
            with using_limits(**parse_limits(args.limit or [])):
                return args.func(args)
    except KeyboardInterrupt:
        _say("symbinfo: interrupted")
        return 130
    except Exception as exc:
        status, message = failure(exc)
        _say(f"symbinfo {args.command}: {message}")
        return status


def failure(exc: Exception) -> tuple[int, str]:
    """(exit status, one-line message) for an exception that ended a command: 2 for bad input
    (a symbinfo error) and for a result too large to print, 3 for anything else (a bug).

    >>> failure(UsageError("give two formulas"))
    (2, 'error: give two formulas')
    >>> failure(KeyError("x"))
    (3, "internal error: KeyError: 'x' (a bug in symbinfo; please report it)")
    """
    internal = getattr(errors, "InternalError", None)
    if isinstance(exc, SymbinfoError) and not (internal and isinstance(exc, internal)):
        return 2, f"error: {_one_line(exc)}"
    if isinstance(exc, ValueError) and "integer string conversion" in str(exc):
        # Python refuses to turn an integer of over 4300 digits into text (quadratic time)
        limit = ResourceLimitError(
            f"an integer of more than {sys.get_int_max_str_digits()} digits came up, more "
            "than Python converts to text (the environment variable PYTHONINTMAXSTRDIGITS "
            "raises that limit)")
        return 2, f"error: {limit}"
    return 3, (f"internal error: {type(exc).__name__}: {_one_line(exc)} "
               "(a bug in symbinfo; please report it)")


def _say(text: str, end: str = "\n") -> None:
    """``text`` on stderr, if there is a stderr (``print(file=None)`` would write to stdout)."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            print(text, end=end, file=sys.stderr, flush=True)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


if __name__ == "__main__":
    sys.exit(main())
