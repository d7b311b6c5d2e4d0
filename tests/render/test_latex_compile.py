"""Every built-in derivation's standalone document compiles with pdflatex, without errors.

Needs pdflatex (Debian: texlive-latex-base). Skipped, with that reason, only when it is absent.
"""

import shutil
import subprocess

import pytest

from symbinfo.derivation.catalog import EXAMPLES, derivation
from symbinfo.render import standalone

PDFLATEX = shutil.which("pdflatex")
pytestmark = pytest.mark.skipif(
    PDFLATEX is None,
    reason="pdflatex not installed (apt-get install texlive-latex-base); LaTeX output unchecked",
)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_standalone_document_compiles(name, tmp_path):
    d = derivation(name)
    (tmp_path / "doc.tex").write_text(standalone(d, title=f"symbinfo: {name}"), encoding="utf-8")
    run = subprocess.run(
        [PDFLATEX, "-halt-on-error", "-interaction=nonstopmode", "-no-shell-escape", "doc.tex"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    log = (tmp_path / "doc.log").read_text(encoding="utf-8", errors="replace")
    errors = [line for line in log.splitlines() if line.startswith("!")]
    assert run.returncode == 0 and not errors, "\n".join(errors) or run.stdout[-2000:]
    assert (tmp_path / "doc.pdf").stat().st_size > 1000
