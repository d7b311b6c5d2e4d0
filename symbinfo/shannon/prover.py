"""``prove``: decide whether a linear information claim follows from Shannon's inequalities.

The method is the one of Yeung's ITIP (R. W. Yeung, "A framework for linear information
inequalities", IEEE Trans. IT 43 (1997); *A First Course in Information Theory*, Ch. 13-14):
a claim ``t >= 0`` is Shannon-type exactly when ``t`` is a non-negative combination of the
elemental inequalities (plus multiples of the assumed constraints), which is a linear program.
Everything that decides the verdict is exact rational arithmetic, and every certificate and
witness is re-checked exactly before a result is returned.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import combinations
from math import lcm
from typing import Any

import sympy as sp

from ..errors import UnsupportedInputError
from . import lp
from .elemental import ElementalTerm, elemental_inequalities
from .expressions import InfoExpr, format_set, sorted_names
from .statements import Constraint, Statement, as_statement

__all__ = ["Certificate", "ConstraintTerm", "ShannonResult", "prove"]

#: The largest ground set ``prove`` accepts: the LP has 2**n - 1 rows.
MAX_VARIABLES = 8


@dataclass(frozen=True)
class ConstraintTerm:
    """One assumed constraint, ``expr == 0`` (``kind == "=="``) or ``expr >= 0``."""

    kind: str
    expr: InfoExpr = field(compare=False)
    label: str
    latex_label: str = field(compare=False, default="")

    def __str__(self) -> str:
        return str(self.expr)

    def to_latex(self) -> str:
        """LaTeX of the constrained quantity."""
        return self.expr.to_latex()


Term = ElementalTerm | ConstraintTerm


def _why(term: Term) -> tuple[str, str]:
    if isinstance(term, ElementalTerm):
        return ">= 0, elemental Shannon inequality", r"\geq 0 \text{ (elemental)}"
    rel_t, rel_l = ("= 0", "= 0") if term.kind == "==" else (">= 0", r"\geq 0")
    return (
        f"{rel_t}, assumption: {term.label}",
        rf"{rel_l} \text{{ (assumption: }} {term.latex_label or term.label}\text{{)}}",
    )


def _coef_text(c: sp.Rational, first: bool) -> tuple[str, str]:
    sign = "-" if c < 0 else "+"
    mag = abs(c)
    t = "" if mag == 1 else f"{mag}*"
    lt = "" if mag == 1 else sp.latex(mag) + r"\,"
    if first:
        return ("-" if c < 0 else "") + t, ("-" if c < 0 else "") + lt
    return f"{sign} {t}", f"{sign} {lt}"


class Certificate:
    """An exact Shannon-type proof: ``target == sum(coefficient * term)``.

    ``kind == ">="``: every elemental term and inequality constraint has a coefficient ``>= 0``
    and every equality constraint is ``0``, so ``target >= 0``. ``kind == "=="``: every term is an
    equality constraint, so ``target == 0`` (an empty sum means ``target`` is identically zero).

    Iterating yields the ``(coefficient, term)`` pairs.

    >>> from symbinfo.shannon import H, ge, prove
    >>> cert = prove(ge(H("X", "Y"), H("X"))).certificate
    >>> [(c, str(t)) for c, t in cert]
    [(1, 'H(Y|X)')]
    >>> cert.verify()
    True
    """

    def __init__(
        self,
        target: InfoExpr,
        terms: Iterable[tuple[sp.Rational, Term]],
        kind: str,
        claim: str = "",
        claim_latex: str = "",
    ):
        self.target = target
        self.terms: list[tuple[sp.Rational, Term]] = list(terms)
        self.kind = kind
        self.claim = claim or f"{target} {'=' if kind == '==' else '>='} 0"
        self.claim_latex = claim_latex or self.claim

    def __iter__(self) -> Iterator[tuple[sp.Rational, Term]]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def verify(self) -> bool:
        """Exact check: signs are admissible and the combination equals the target."""
        total = InfoExpr()
        for c, term in self.terms:
            if not isinstance(c, sp.Rational):
                return False
            is_eq = isinstance(term, ConstraintTerm) and term.kind == "=="
            if self.kind == "==" and not is_eq:
                return False
            if not is_eq and c < 0:
                return False
            total = total + c * term.expr
        return (total - self.target).is_zero

    def steps(self) -> str:
        """A readable, step-by-step text proof."""
        rel = "=" if self.kind == "==" else ">="
        lines = [f"Claim: {self.claim}"]
        if not self.terms:
            lines.append(f"  {self.target} expands to 0 over joint entropies, so the claim holds.")
            return "\n".join(lines)
        lines.append(f"  {self.target}")
        width = max(len(str(t)) + len(_coef_text(c, False)[0]) for c, t in self.terms) + 4
        for i, (c, term) in enumerate(self.terms):
            prefix = "=" if i == 0 else " "
            coef = _coef_text(c, i == 0)[0]
            body = f"{coef}{term}"
            lines.append(f"    {prefix} {body.ljust(width)}[{_why(term)[0]}]")
        lines.append(
            "  Both sides expand to the same combination of joint entropies (checked exactly)"
        )
        lines.append(f"  and every term is {rel} 0, so {self.target} {rel} 0.  QED")
        return "\n".join(lines)

    def to_latex(self, environment: bool = True) -> str:
        r"""The proof as an ``align*`` block (or only its body with ``environment=False``).

        >>> from symbinfo.shannon import H, ge, prove
        >>> print(prove(ge(H("X", "Y"), H("X"))).certificate.to_latex(environment=False))
        H(X, Y) - H(X) &= H(Y \mid X) && \geq 0 \text{ (elemental)} \\
        &\geq 0
        """
        rel = "=" if self.kind == "==" else r"\geq"
        if not self.terms:
            body = rf"{self.target.to_latex()} &= 0 && \text{{(identical joint-entropy expansion)}}"
        else:
            rows = []
            for i, (c, term) in enumerate(self.terms):
                coef = _coef_text(c, i == 0)[1]
                lead = f"{self.target.to_latex()} &= " if i == 0 else "&\\quad "
                rows.append(f"{lead}{coef}{term.to_latex()} && {_why(term)[1]}")
            rows.append(f"&{rel} 0")
            body = " \\\\\n".join(rows)
        if environment:
            return "\\begin{align*}\n" + body + "\n\\end{align*}"
        return body

    def _repr_latex_(self) -> str:
        return self.to_latex()

    def __str__(self) -> str:
        return self.steps()

    def __repr__(self) -> str:
        return f"Certificate({self.claim!r}, {len(self.terms)} terms)"


class ShannonResult:
    """What :func:`prove` found. Truthy exactly when the claim was proved.

    * ``status``: ``"proved"``, ``"not provable"`` (not provable by Shannon-type inequalities
      under the given constraints; this is *not* a proof that the claim is false for real
      distributions, e.g. the Zhang-Yeung inequality is true but not Shannon-type) or
      ``"undecided"`` (should not happen; reported rather than guessed).
    * ``certificate``: the :class:`Certificate` (for an identity proved by two inequalities, the
      one for ``lhs - rhs >= 0``; all of them are in ``certificates``).
    * ``witness``: for ``"not provable"``, a dict ``frozenset(names) -> Rational`` giving a
      **polymatroid** (a vector in the Shannon cone: every elemental inequality and every
      constraint holds) on which the claim fails. It is not necessarily entropic, i.e. there may
      be no probability distribution with these entropies. ``witness_value`` is ``lhs - rhs`` there.

    >>> from symbinfo.shannon import H, I, le, prove
    >>> r = prove(le(I("X", "Y"), I("X", "Y", given="Z")))
    >>> bool(r), r.status, r.witness_value
    (False, 'not provable', -1)
    >>> print(r.witness_table())
      H(X) = 1
      H(Y) = 1
      H(Z) = 1
      H(X,Y) = 1
      H(X,Z) = 1
      H(Y,Z) = 1
      H(X,Y,Z) = 1
    """

    def __init__(
        self,
        statement: Statement,
        status: str,
        certificates: tuple[Certificate, ...] = (),
        witness: dict[frozenset[str], sp.Rational] | None = None,
        witness_value: sp.Rational | None = None,
        constraints: tuple[Constraint, ...] = (),
        variables: tuple[str, ...] = (),
        method: str = "",
    ):
        self.statement = statement
        self.status = status
        self.certificates = certificates
        self.witness = witness
        self.witness_value = witness_value
        self.constraints = constraints
        self.variables = variables
        self.method = method

    @property
    def certificate(self) -> Certificate | None:
        """The (first) certificate, or ``None`` when not proved."""
        return self.certificates[0] if self.certificates else None

    @property
    def proved(self) -> bool:
        """True exactly when the claim was proved."""
        return self.status == "proved"

    def __bool__(self) -> bool:
        return self.proved

    def _assumptions(self) -> str:
        if not self.constraints:
            return ""
        return " assuming " + "; ".join(c.label for c in self.constraints)

    def witness_table(self) -> str:
        """The witness as ``H(S) = value`` lines (empty string when there is none).

        >>> from symbinfo.shannon import H, ge, prove
        >>> prove(ge(H("X", "Y"), H("X"))).witness_table()
        ''
        """
        if self.witness is None:
            return ""
        keys = sorted(self.witness, key=lambda k: (len(k), sorted_names(k)))
        return "\n".join(f"  H({format_set(k)}) = {self.witness[k]}" for k in keys)

    def __str__(self) -> str:
        head = f"{self.statement}{self._assumptions()}: {self.status}"
        if self.proved:
            if self.method:
                head += f" ({self.method})"
            return head + "\n" + "\n".join(c.steps() for c in self.certificates)
        if self.status == "not provable":
            head += (
                " by Shannon-type inequalities.\n"
                "Counter-witness (a polymatroid satisfying every Shannon inequality"
                + (" and the constraints" if self.constraints else "")
                + f"; lhs - rhs = {self.witness_value} there):\n"
                + self.witness_table()
            )
        return head

    def __repr__(self) -> str:
        return f"ShannonResult({str(self.statement)!r}, status={self.status!r})"

    def to_latex(self) -> str:
        """LaTeX: the claim, the verdict and the proof or witness."""
        claim = self.statement.to_latex()
        if self.proved:
            parts = [rf"\text{{Proved: }} {claim}"]
            parts += [c.to_latex() for c in self.certificates]
            return "\n".join(parts)
        if self.witness is None:
            return rf"\text{{{self.status}: }} {claim}"
        keys = sorted(self.witness, key=lambda k: (len(k), sorted_names(k)))
        vals = r",\ ".join(f"H({format_set(k, True)}) = {sp.latex(self.witness[k])}" for k in keys)
        return (
            rf"\text{{Not provable by Shannon-type inequalities: }} {claim}"
            "\n\\\\ \\text{polymatroid witness: } " + vals
        )

    def _repr_latex_(self) -> str:
        if self.proved:
            rows = [rf"&\text{{Proved: }} {self.statement.to_latex()}"]
            rows += [c.to_latex(environment=False) for c in self.certificates]
            return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}"
        return f"${self.to_latex()}$"


# -- the prover ---------------------------------------------------------------------------------


def _as_constraints(constraints: Any) -> tuple[Constraint, ...]:
    if constraints is None:
        return ()
    if isinstance(constraints, (Constraint, Statement, sp.Basic)):
        constraints = [constraints]
    return tuple(Constraint.from_statement(c) for c in constraints)


class _Problem:
    """The LP data: coordinates are the non-empty subsets of the ground set."""

    def __init__(self, target: InfoExpr, constraints: tuple[Constraint, ...]):
        ground = set(target.variables)
        for c in constraints:
            ground |= c.variables
        if len(ground) > MAX_VARIABLES:
            raise UnsupportedInputError(
                f"{len(ground)} random variables ({format_set(ground)}); "
                f"the prover handles at most {MAX_VARIABLES}"
            )
        self.names = tuple(sorted_names(ground))
        self.coords = [
            frozenset(s) for r in range(1, len(self.names) + 1) for s in combinations(self.names, r)
        ]
        self.index = {s: i for i, s in enumerate(self.coords)}
        self.terms: list[Term] = list(elemental_inequalities(self.names))
        for c in constraints:
            self.terms += [ConstraintTerm("==", e, c.label, c.latex) for e in c.equalities]
            self.terms += [ConstraintTerm(">=", e, c.label, c.latex) for e in c.inequalities]
        self.columns = [self.vec(t.expr) for t in self.terms]
        self.free = [isinstance(t, ConstraintTerm) and t.kind == "==" for t in self.terms]

    def vec(self, e: InfoExpr) -> dict[int, Fraction]:
        return {self.index[k]: Fraction(int(c.p), int(c.q)) for k, c in e.terms.items()}

    def value(self, e: InfoExpr, h: list[Fraction]) -> Fraction:
        return sum(
            (Fraction(int(c.p), int(c.q)) * h[self.index[k]] for k, c in e.terms.items()),
            Fraction(0),
        )

    def is_witness(self, h: list[Fraction], target: InfoExpr) -> bool:
        """Exact check that ``h`` lies in the constrained Shannon cone and ``target(h) < 0``."""
        if any(v < 0 for v in h):
            return False
        for t, is_eq in zip(self.terms, self.free, strict=True):
            v = self.value(t.expr, h)
            if v < 0 or (is_eq and v != 0):
                return False
        return self.value(target, h) < 0

    def certificate(
        self, x: list[Fraction], target: InfoExpr, kind: str, claim: Statement, sign: int
    ) -> Certificate:
        pairs = [
            (sp.Rational(v.numerator, v.denominator), t)
            for v, t in zip(x, self.terms, strict=True)
            if v != 0
        ]
        if sign > 0 and not (claim.kind == "==" and kind == ">="):
            text, latex = str(claim), claim.to_latex()
        elif sign > 0:  # the forward half of an identity
            text, latex = (
                f"{claim.lhs} >= {claim.rhs}",
                rf"{claim.lhs.to_latex()} \geq " + (claim.rhs.to_latex()),
            )
        else:  # the reverse half of an identity
            text, latex = (
                f"{claim.rhs} >= {claim.lhs}",
                rf"{claim.rhs.to_latex()} \geq " + (claim.lhs.to_latex()),
            )
        return Certificate(target, pairs, kind, text, latex)


def _search(
    prob: _Problem, target: InfoExpr, use_float: bool
) -> tuple[list[Fraction] | None, list[Fraction] | None]:
    """Return (certificate multipliers, witness); exactly one is not None unless undecided."""
    t = prob.vec(target)
    nrows = len(prob.coords)
    ge_rows = [c for c, f in zip(prob.columns, prob.free, strict=True) if not f]
    eq_rows = [c for c, f in zip(prob.columns, prob.free, strict=True) if f]
    if use_float and lp.have_scipy():
        status, x = lp.float_certificate_guess(prob.columns, prob.free, t, nrows)
        if x is not None:
            return x, None
        if status == "infeasible":
            h = lp.float_witness_guess(ge_rows, eq_rows, t, nrows)
            if h is not None and prob.is_witness(h, target):
                return None, h
    x = lp.exact_certificate(prob.columns, prob.free, t, nrows)
    if x is not None:
        return x, None
    return None, lp.exact_witness(ge_rows, eq_rows, t, nrows)


def _integer_witness(prob: _Problem, h: list[Fraction]) -> dict[frozenset[str], sp.Rational]:
    # The cone is closed under positive scaling: clear denominators for a readable witness.
    scale = lcm(*[v.denominator for v in h]) if h else 1
    pairs = zip(prob.coords, h, strict=True)
    return {s: sp.Rational(v.numerator * scale // v.denominator) for s, v in pairs}


def prove(
    statement: Any,
    *,
    constraints: Iterable[Any] | Constraint | Statement = (),
    use_float: bool = True,
) -> ShannonResult:
    """Prove a linear information inequality or identity from Shannon's inequalities.

    ``statement`` is a :class:`Statement` (from :func:`ge`, :func:`le`, :func:`eq`, or ``>=`` /
    ``<=`` between expressions) or a SymPy ``Eq``/``Ge``/``Le`` of symbinfo measures.
    ``constraints`` are assumptions: :func:`markov_chain`, :func:`independent`,
    :func:`function_of`, or any statement (a linear equality or inequality).

    Identities are first reduced to joint entropies (and to the span of the equality
    constraints); otherwise both inequalities are proved. Inequalities are decided by an exact
    linear program over Yeung's elemental inequalities of all variables involved (practical up to
    about 6 variables). With ``use_float=True`` and SciPy installed, a float LP is used only to
    guess; the verdict always rests on an exact certificate or an exact witness.

    A proof comes with a :class:`Certificate` that has been verified exactly. "not provable"
    comes with a polymatroid witness (see :class:`ShannonResult`): it means *not provable by
    Shannon-type inequalities*, not that the claim is false for probability distributions.

    >>> from symbinfo.shannon import H, I, ge, eq, prove
    >>> r = prove(ge(I("X", "Y", given="Z"), 0))
    >>> r.status, bool(r)
    ('proved', True)
    >>> print(r.certificate.steps())
    Claim: I(X;Y|Z) >= 0
      I(X;Y|Z)
        = I(X;Y|Z)    [>= 0, elemental Shannon inequality]
      Both sides expand to the same combination of joint entropies (checked exactly)
      and every term is >= 0, so I(X;Y|Z) >= 0.  QED
    >>> prove(eq(I("X", "Y"), H("X") + H("Y") - H("X", "Y"))).method
    'identity of joint-entropy expansions'
    >>> bad = prove(ge(I("X", "Y"), H("X")))
    >>> bad.status, bad.witness_value < 0
    ('not provable', True)
    """
    st = as_statement(statement)
    cons = _as_constraints(constraints)
    target = st.expr
    if target.is_zero:
        cert = Certificate(target, [], st.kind, str(st), st.to_latex())
        return ShannonResult(
            st, "proved", (cert,), constraints=cons, method="identity of joint-entropy expansions"
        )
    prob = _Problem(target, cons)
    names = prob.names
    if st.kind == "==":
        eq_idx = [k for k, f in enumerate(prob.free) if f]
        if eq_idx:
            sol = lp.solve_linear(
                [prob.columns[k] for k in eq_idx], prob.vec(target), len(prob.coords)
            )
            if sol is not None:
                x = [Fraction(0)] * len(prob.terms)
                for k, v in zip(eq_idx, sol, strict=True):
                    x[k] = v
                cert = prob.certificate(x, target, "==", st, 1)
                if cert.verify():
                    return ShannonResult(
                        st,
                        "proved",
                        (cert,),
                        constraints=cons,
                        variables=names,
                        method="linear combination of the equality constraints",
                    )
        directions = [(target, 1), (-target, -1)]
    else:
        directions = [(target, 1)]
    certs = []
    for tgt, sign in directions:
        x, h = _search(prob, tgt, use_float)
        if x is not None:
            cert = prob.certificate(x, tgt, ">=", st, sign)
            if not cert.verify():  # never claim a proof that does not check exactly
                return ShannonResult(
                    st,
                    "undecided",
                    constraints=cons,
                    variables=names,
                    method="certificate failed exact verification",
                )
            certs.append(cert)
            continue
        if h is not None and prob.is_witness(h, tgt):
            w = _integer_witness(prob, h)
            value = target.evaluate(lambda s, w=w: w[s])
            return ShannonResult(
                st,
                "not provable",
                witness=w,
                witness_value=sp.Rational(value),
                constraints=cons,
                variables=names,
                method="linear programming",
            )
        return ShannonResult(
            st,
            "undecided",
            constraints=cons,
            variables=names,
            method="LP gave neither a certificate nor a witness",
        )
    return ShannonResult(
        st,
        "proved",
        tuple(certs),
        constraints=cons,
        variables=names,
        method="linear programming over the elemental inequalities",
    )
