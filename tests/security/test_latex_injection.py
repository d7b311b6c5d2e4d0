r"""Names and free text cannot inject TeX: a standalone document full of hostile names compiles
with the real pdflatex and reads no file it should not, writes none.

Anyone can make ``Symbol(r"\input{/etc/passwd}")`` or ``Normal(r"\openout...", 0, 1)``; symbinfo
prints names that are not identifiers as escaped text, and escapes titles, notes and sources.
The check is pdflatex's own record of the files it opened (``-recorder``), the sentinel file,
and the secret's content, which must not reach the log or the (uncompressed) PDF. A control
document with one raw ``\input`` shows the detector does see a read.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import sympy as sp
from sympy.stats import Normal

import symbinfo as si
from symbinfo.derivation.steps import Definition, Derivation, Identity, Simplify, Substitute
from symbinfo.render import standalone, to_latex, to_markdown

PDFLATEX = shutil.which("pdflatex")
needs_pdflatex = pytest.mark.skipif(
    PDFLATEX is None, reason="pdflatex not installed (apt-get install texlive-latex-base)")

SECRET = "9081726354"  # digits: no kerning splits them in the PDF text

#: TeX that would read ``secret.tex`` or write ``sentinel.tex`` if it reached TeX unescaped
TEX_PAYLOADS = [
    r"\input{secret}",
    r"\input secret ",
    r"\include{secret}",
    r"\InputIfFileExists{secret}{}{}",
    r"\immediate\openout5=sentinel.tex\immediate\write5{pwned}\immediate\closeout5",
    r"\newwrite\w\immediate\openout\w=sentinel.tex\immediate\closeout\w",
    r"\openin5=secret.tex \read5 to\x \x",
    r"\csname input\endcsname{secret}",
    r"\def\x{\input{secret}}\x",
    r"\catcode`\|=0 |input{secret}",
    r"^^5cinput{secret}",
    r"}\input{secret}{",
    r"$}\input{secret}\text{$",
    "x\n\\input{secret}",
    "x\r\\input{secret}%",
    r"\end{document}",
    r"\write18{touch sentinel.tex}",
    r"\lowercase{\input{secret}}",
    r"#1##\par&%~_",
]


def hostile_document() -> str:
    """One standalone document holding every payload as a symbol, random-variable, function,
    label, title, step name, source and note."""
    x = sp.Symbol("x", positive=True)
    derivations = []
    for i, text in enumerate(TEX_PAYLOADS):
        sym, fn = sp.Symbol(text, positive=True), sp.Function(text)
        expr = sym * sp.log(x) + fn(x)
        steps = [
            Definition(expr, name=text, source=text),
            Substitute(expr, what=text),
            Identity(expr, name=text, source=text),
            Simplify(expr, how=text),
        ]
        derivations.append(Derivation.build(sym, steps, title=text if i % 2 else ""))
    # a derivation symbinfo makes itself, of a random variable named by a payload
    mu, s = sp.Symbol("mu", real=True), sp.Symbol("sigma", positive=True)
    derivations.append(si.derive(si.Entropy(Normal(TEX_PAYLOADS[0], mu, s))))
    return standalone(derivations, title=" ".join(TEX_PAYLOADS[:6]))


def compile_tex(source: str, folder: Path) -> tuple[int, str, str, bytes]:
    """(return code, log, the recorder's file list, the uncompressed PDF) of compiling
    ``source`` in ``folder`` next to ``secret.tex``."""
    (folder / "secret.tex").write_text(f"SECRET {SECRET}\n")
    # the test's own preamble line (not symbinfo's output): an uncompressed PDF can be searched
    (folder / "doc.tex").write_text("\\pdfcompresslevel=0 \\pdfobjcompresslevel=0\n" + source,
                                    encoding="utf-8")
    run = subprocess.run(
        [PDFLATEX, "-recorder", "-interaction=nonstopmode", "-halt-on-error",
         "-no-shell-escape", "doc.tex"],
        cwd=folder, capture_output=True, text=True, timeout=120,
    )
    log = (folder / "doc.log").read_text(encoding="utf-8", errors="replace")
    fls = (folder / "doc.fls").read_text(encoding="utf-8", errors="replace")
    pdf = (folder / "doc.pdf").read_bytes() if (folder / "doc.pdf").exists() else b""
    return run.returncode, log, fls, pdf


def leaks(folder: Path, log: str, fls: str, pdf: bytes) -> list[str]:
    found = []
    if (folder / "sentinel.tex").exists():
        found.append("sentinel.tex was written")
    opened = [line for line in fls.splitlines() if "secret" in line or "sentinel" in line]
    found += [f"pdflatex opened: {line}" for line in opened]
    if SECRET in log:
        found.append("the secret is in the log")
    if SECRET.encode() in pdf:
        found.append("the secret is in the PDF")
    return found


@needs_pdflatex
def test_detector_sees_a_raw_input(tmp_path):
    """Control: the same checks do catch an unescaped ``\\input`` (so the next test can fail)."""
    code, log, fls, pdf = compile_tex(
        "\\documentclass{article}\\begin{document}\\input{secret}\\end{document}\n", tmp_path)
    assert code == 0
    assert "pdflatex opened: INPUT ./secret.tex" in leaks(tmp_path, log, fls, pdf)
    assert "the secret is in the PDF" in leaks(tmp_path, log, fls, pdf)


@needs_pdflatex
def test_hostile_names_compile_and_touch_no_file(tmp_path):
    code, log, fls, pdf = compile_tex(hostile_document(), tmp_path)
    errors = [line for line in log.splitlines() if line.startswith("!")]
    assert code == 0 and not errors, "\n".join(errors)
    assert leaks(tmp_path, log, fls, pdf) == []
    assert len(pdf) > 1000


@pytest.mark.parametrize("text", TEX_PAYLOADS)
def test_names_print_as_escaped_text(text):
    """Without TeX: no backslash of a payload survives into the LaTeX of a name, except the
    escapes symbinfo writes itself."""
    for obj in (sp.Symbol(text), sp.Function(text)(sp.Symbol("x")), Normal(text, 0, 1)):
        for out in (to_latex(obj), to_markdown(obj)):
            assert "\\input" not in out and "\\openout" not in out and "\\def" not in out
            assert "\\csname" not in out and "\\catcode" not in out and "^^" not in out


def test_identifier_names_keep_their_notation():
    assert to_latex(sp.Symbol("sigma_1") + sp.Symbol("alpha")) == r"\alpha + \sigma_{1}"
    X, Y = si.FiniteJointRV("X Y", [[sp.Rational(1, 2), 0], [0, sp.Rational(1, 2)]])
    assert to_latex(si.MutualInformation(X, Y)) == "I(X; Y)"


def test_finite_joint_names_must_be_identifiers():
    with pytest.raises(si.UnsupportedInputError, match="identifier"):
        si.FiniteJointRV(r"\input{secret}", [sp.Rational(1, 2), sp.Rational(1, 2)])
    with pytest.raises(si.UnsupportedInputError, match="identifier"):
        si.FiniteJointRV([sp.Symbol(r"\openout5")], [1])


def test_shannon_variable_names_must_be_identifiers():
    """The Shannon prover prints its certificates in LaTeX with the variables' names."""
    from symbinfo.shannon import H

    for text in TEX_PAYLOADS:
        with pytest.raises(si.UnsupportedInputError, match="identifier"):
            si.prove_shannon(H(text) >= 0)
    assert "H(X_1)" in si.prove_shannon(H("X_1") >= 0).to_latex().replace("{", "").replace(
        "}", "")


def test_verification_latex_escapes_names():
    s = sp.Symbol(TEX_PAYLOADS[0])
    v = si.verify(s, s)
    for out in (v.to_latex(), v._repr_latex_(), v._repr_markdown_()):
        assert "\\input" not in out and r"\text{\textbackslash{}input\{secret\}}" in out
