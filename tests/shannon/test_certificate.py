"""Certificates are exact data, verified before they are returned, and render as text/LaTeX."""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from symbinfo.shannon import (
    Certificate,
    ConstraintTerm,
    ElementalTerm,
    H,
    I,
    eq,
    ge,
    le,
    markov_chain,
    prove,
)

A, B, C, D = "A", "B", "C", "D"
X, Y, Z = "X", "Y", "Z"


def _han4():
    full = {A, B, C, D}
    total = H(*(full - {A})) + H(*(full - {B})) + H(*(full - {C})) + H(*(full - {D}))
    return le(H(A, B, C, D), Fraction(1, 3) * total)


def test_certificate_is_exact_data_that_sums_to_the_target():
    r = prove(_han4())
    cert = r.certificate
    assert cert.kind == ">="
    total = H(A) - H(A)
    for coeff, term in cert:
        assert isinstance(coeff, sp.Rational) and coeff > 0
        assert isinstance(term, ElementalTerm)
        total = total + coeff * term.expr
    assert total == _han4().expr
    assert cert.verify()


def test_tampered_certificate_fails_verification():
    cert = prove(_han4()).certificate
    (c0, t0), *rest = cert.terms
    assert not Certificate(cert.target, [(c0 + 1, t0), *rest], ">=").verify()
    assert not Certificate(cert.target, [(-c0, t0), *rest], ">=").verify()
    assert not Certificate(cert.target, rest, ">=").verify()
    # An inequality term may not be used in an identity certificate.
    assert not Certificate(cert.target, cert.terms, "==").verify()


def test_constraint_multipliers_appear_in_the_certificate():
    r = prove(le(I(X, Z), I(X, Y)), constraints=[markov_chain(X, Y, Z)])
    used = [(c, t) for c, t in r.certificate if isinstance(t, ConstraintTerm)]
    assert used and all(t.kind == "==" for _, t in used)
    assert "Markov chain X - Y - Z" in r.certificate.steps()


def test_text_rendering():
    r = prove(le(I(X, Z), I(X, Y)), constraints=[markov_chain(X, Y, Z)])
    text = r.certificate.steps()
    assert text.startswith("Claim: I(X;Z) <= I(X;Y)")
    assert "I(X;Y|Z)" in text and "elemental Shannon inequality" in text
    assert text.rstrip().endswith("QED")
    assert str(r).startswith("I(X;Z) <= I(X;Y) assuming Markov chain X - Y - Z: proved")


def test_latex_rendering():
    r = prove(ge(I(X, Y, given=Z), 0))
    latex = r.certificate.to_latex()
    assert latex.startswith(r"\begin{align*}") and latex.endswith(r"\end{align*}")
    assert r"I(X; Y \mid Z)" in latex
    assert r.certificate._repr_latex_() == latex
    rl = r._repr_latex_()
    assert rl.startswith(r"\begin{align*}") and r"\text{Proved: }" in rl
    body = r.certificate.to_latex(environment=False)
    assert "align" not in body and "&=" in body


def test_identity_certificates_render_both_directions():
    r = prove(eq(I(X, Y), 0), constraints=[eq(I(X, (Y, Z)), 0)])
    claims = [c.claim for c in r.certificates]
    assert claims == ["I(X;Y) >= 0", "0 >= I(X;Y)"]
    assert str(r).count("QED") == 2


def test_result_objects():
    ok = prove(ge(H(X, Y), H(X)))
    assert ok and ok.proved and ok.status == "proved" and ok.witness is None
    assert "proved" in repr(ok)
    bad = prove(ge(H(X), H(Y)))
    assert not bad and bad.status == "not provable" and bad.certificate is None
    assert bad.certificates == ()
