"""Documents you would submit: every built-in derivation compiles with pdflatex into one mixed
document with no error and no overfull box (the log is read), and the PDF's text (pdftotext)
has no mis-encoded glyphs ("||" as an em dash, ">" as an inverted question mark).

Needs pdflatex (Debian: texlive-latex-base) and, for the text check, pdftotext (poppler-utils);
each check is skipped, with that reason, only when its tool is absent. All derivations go into
ONE document (one pdflatex run) to keep the suite fast.
"""

import shutil
import subprocess

import pytest

from symbinfo.derivation.catalog import EXAMPLES, derivation
from symbinfo.render import standalone

PDFLATEX = shutil.which("pdflatex")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(
    PDFLATEX is None,
    reason="pdflatex not installed (apt-get install texlive-latex-base); LaTeX output unchecked",
)
#: what OT1 makes of text-mode characters it lacks (|, <, >, ...) and of broken UTF-8
MISENCODED = ("—", "¿", "¡", "\ufffd")


def _compile(tmp_path, tex: str) -> tuple[str, str]:
    (tmp_path / "doc.tex").write_text(tex, encoding="utf-8")
    run = subprocess.run(
        [PDFLATEX, "-halt-on-error", "-interaction=nonstopmode", "-no-shell-escape", "doc.tex"],
        cwd=tmp_path, capture_output=True, text=True, timeout=240,
    )
    log = (tmp_path / "doc.log").read_text(encoding="utf-8", errors="replace")
    errors = [line for line in log.splitlines() if line.startswith("!")]
    assert run.returncode == 0 and not errors, "\n".join(errors) or run.stdout[-2000:]
    return log, str(tmp_path / "doc.pdf")


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    """Every built-in derivation, in one document (a mixed one: entropies, KL, MI, ...)."""
    tmp = tmp_path_factory.mktemp("latex")
    derivations = [derivation(name) for name in sorted(EXAMPLES)]
    return _compile(tmp, standalone(derivations, title="symbinfo: every built-in derivation"))


def test_every_derivation_compiles_without_overfull_boxes(document):
    log, _ = document
    overfull = [line for line in log.splitlines() if line.startswith("Overfull")]
    assert not overfull, "\n".join(overfull[:10])


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext not installed (poppler-utils)")
def test_pdf_text_has_no_misencoded_glyphs(document):
    _, pdf = document
    text = subprocess.run([PDFTOTEXT, "-enc", "UTF-8", pdf, "-"], capture_output=True,
                          text=True, timeout=60).stdout
    bad = [ch for ch in MISENCODED if ch in text]
    assert not bad, f"mis-encoded glyphs {bad} in the PDF text"
    # the notes name books and papers, not the project's files
    assert "closed-forms.md" not in text and "[I:" not in text
    assert "Cover & Thomas" in text
