"""The :class:`Verification` record: a verdict on a claim and the evidence behind it.

Statuses (DESIGN.md): ``"proved"`` (a symbolic argument that is valid on the whole declared
domain), ``"verified"`` (no counterexample at the sampled points, at the stated precision),
``"refuted"`` (a counterexample point, confirmed by a second, independent evaluation) and
``"undecided"``. Only the first two are truthy.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from ..precision import evalf

PROVED = "proved"
VERIFIED = "verified"
REFUTED = "refuted"
UNDECIDED = "undecided"

#: the relation symbols a claim may use, with their LaTeX form
RELATIONS = {"==": "=", "<=": r"\le", "<": "<", ">=": r"\ge", ">": ">"}


_TEX_ESCAPES = {c: "\\" + c for c in "{}_#%&$"} | {
    "\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


def _short(value: object, digits: int = 15) -> str:
    if isinstance(value, sp.Basic):
        if value.is_Rational or not value.is_number:
            return str(value)
        return str(evalf(value, digits))
    try:
        import mpmath

        return mpmath.nstr(value, digits)
    except (TypeError, ValueError):
        return str(value)


@dataclass
class Verification:
    """A verdict on ``lhs RELATION rhs`` with its evidence; truthy exactly when the claim holds
    (status ``"proved"`` or ``"verified"``).

    Fields: ``method`` (how the verdict was reached), ``points`` (points where both sides were
    compared), ``digits`` (working precision), ``worst_error`` (largest |lhs − rhs| relative to
    max(1, |lhs|, |rhs|) over the points; for inequalities the largest violation, 0 when none),
    ``tolerance``, ``skipped`` with ``skip_reasons`` (points drawn but not compared, and why),
    ``counterexample`` (symbol → value) with ``counterexample_values`` (lhs, rhs there),
    ``notes`` (assumptions the verdict rests on), and for :func:`~symbinfo.verify.check`
    ``diagnosis`` (suspected mistakes as short phrases) with ``details``, and ``agrees_to``
    (a decimal answer accepted to that many significant digits, the digits given).

    >>> v = Verification(sp.Symbol("a"), sp.Symbol("a"), "==", "proved", method="identical")
    >>> bool(v), str(v)
    (True, 'a = a: proved (identical)')
    """

    lhs: sp.Basic
    rhs: sp.Basic
    relation: str
    status: str
    method: str = ""
    points: int = 0
    digits: int = 0
    worst_error: float | None = None
    tolerance: float | None = None
    skipped: int = 0
    skip_reasons: dict[str, int] = field(default_factory=dict)
    counterexample: dict | None = None
    counterexample_values: tuple | None = None
    notes: list[str] = field(default_factory=list)
    diagnosis: list[str] = field(default_factory=list)
    details: dict[str, str] = field(default_factory=dict)
    seed: int | None = None
    expected_refutation: bool = False
    #: for a decimal answer judged to the digits given (``check``): how many significant digits
    agrees_to: int | None = None
    #: the valid sample points (symbol → exact value), reused by ``check``'s diagnosis
    sample: list[dict] = field(default_factory=list, repr=False)

    def __bool__(self) -> bool:
        return self.status in (PROVED, VERIFIED)

    @property
    def holds(self) -> bool:
        """Same as ``bool(self)``."""
        return bool(self)

    # ----------------------------------------------------------------------------- text
    def claim_str(self) -> str:
        rel = "=" if self.relation == "==" else self.relation
        return f"{sp.sstr(self.lhs)} {rel} {sp.sstr(self.rhs)}"

    def claim_latex(self) -> str:
        from ..render.latex import math  # prints non-identifier names as escaped text

        return f"{math(self.lhs)} {RELATIONS[self.relation]} {math(self.rhs)}"

    def evidence(self) -> str:
        """One line of evidence, without the claim."""
        if self.status == PROVED:
            text = f"proved ({self.method})"
        elif self.status == VERIFIED and self.agrees_to is not None:
            n = self.agrees_to
            text = f"verified: agrees to {n} significant digit{'s' * (n != 1)} (the digits given)"
        elif self.status == VERIFIED:
            what = "worst relative error" if self.relation == "==" else "largest violation"
            text = (f"verified numerically at {self.points} points, {self.digits} digits, "
                    f"{what} {_short(self.worst_error, 3)}")
        elif self.status == REFUTED:
            text = "refuted" + (f" ({self.method})" if self.method else "")
            if self.counterexample is not None:
                where = ", ".join(f"{k} = {v}" for k, v in self.counterexample.items())
                text += f" at {where}" if where else ""
            if self.counterexample_values is not None:
                lv, rv = self.counterexample_values
                text += f": lhs = {_short(lv)}, rhs = {_short(rv)}"
        else:
            text = "undecided" + (f" ({self.method})" if self.method else "")
        if self.skipped:
            reasons = ", ".join(f"{n} {why}" for why, n in self.skip_reasons.items())
            text += f"; {self.skipped} points skipped ({reasons})"
        return text

    def __str__(self) -> str:
        out = f"{self.claim_str()}: {self.evidence()}"
        if self.expected_refutation and self.status == REFUTED:
            out += " [expected: this claim is a known false one]"
        for note in self.notes:
            out += f"\n  note: {note}"
        if self.diagnosis:
            out += "\n  diagnosis: " + "; ".join(
                f"{d} ({self.details[d]})" if d in self.details else d for d in self.diagnosis)
        return out

    def __repr__(self) -> str:
        return f"Verification({self.claim_str()!r}, status={self.status!r})"

    # ---------------------------------------------------------------------------- LaTeX
    def to_latex(self) -> str:
        r"""A display-math claim followed by the verdict as text.

        >>> a = sp.Symbol("a")
        >>> print(Verification(a, a, "<=", "proved", method="identical").to_latex())
        \[ a \le a \]
        \text{proved (identical)}
        """
        def tex(s: str) -> str:
            return "".join(_TEX_ESCAPES.get(c, c) for c in s)

        lines = [rf"\[ {self.claim_latex()} \]", rf"\text{{{tex(self.evidence())}}}"]
        if self.diagnosis:
            lines.append(rf"\text{{diagnosis: {tex('; '.join(self.diagnosis))}}}")
        return "\n".join(lines)

    def _repr_latex_(self) -> str:
        return rf"$\displaystyle {self.claim_latex()}$ \quad \text{{{self.status}}}"

    def _repr_markdown_(self) -> str:
        lines = [f"**{self.status}**: ${self.claim_latex()}$", "", f"- {self.evidence()}"]
        lines += [f"- note: {n}" for n in self.notes]
        lines += [f"- diagnosis: {d}" + (f" ({self.details[d]})" if d in self.details else "")
                  for d in self.diagnosis]
        return "\n".join(lines)
