"""Build the documentation site in strict mode (any warning fails) and check generated pages."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mkdocs", reason="docs dependencies (mkdocs, mkdocs-material, mkdocstrings)")
pytest.importorskip("material", reason="docs dependencies (mkdocs-material)")
pytest.importorskip("mkdocstrings", reason="docs dependencies (mkdocstrings[python])")

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
         "-d", str(out)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    assert not re.search(r"^\s*WARNING", log, re.M), log
    return out


def text(page: Path) -> str:
    return re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))


def test_families_table_lists_every_registered_rule(site):
    from symbinfo.closedforms import CROSS_ENTROPY, ENTROPY, KL_DIVERGENCE

    page = text(site / "families" / "index.html")
    for registry in (ENTROPY, KL_DIVERGENCE, CROSS_ENTROPY):
        assert f"{len(registry)} closed-form rules" in page
        for rule in registry:
            assert rule.source.split()[0] in page, rule


def test_guide_covers_every_notebook_and_cli_page_is_the_real_help(site):
    guide = text(site / "guide" / "index.html")
    for nb in (ROOT / "derivations").glob("*.ipynb"):
        assert f"derivations/{nb.name}" in guide
    cli = text(site / "cli" / "index.html")
    for command in ("entropy", "cross-entropy", "kl", "mi", "derive", "verify", "check",
                    "identities", "tour"):
        assert f"symbinfo {command}" in cli


def test_api_reference_is_rendered(site):
    api = text(site / "api" / "index.html")
    for name in ("entropy", "kl_divergence", "FiniteJointRV", "RuleRegistry", "SymbinfoError"):
        assert name in api


def test_api_reference_is_complete_and_has_no_raw_sphinx_roles(site):
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    for anchor in ("symbinfo.verify.check.check", "symbinfo.verify.check.match_symbols",
                   "symbinfo.codegen.to_numpy", "symbinfo.codegen.to_mpmath",
                   "symbinfo.codegen.to_source", "symbinfo.verify.verify"):
        assert f'id="{anchor}"' in api, anchor
    for page in site.rglob("*.html"):
        raw = re.findall(r":(?:func|class|mod|meth|attr|data|exc):`", text(page))
        assert not raw, (page, raw[:3])


def test_gallery_shows_the_rendered_example(site):
    html = (site / "gallery" / "index.html").read_text(encoding="utf-8")
    assert "example-derivation.png" in html and (site / "example-derivation.png").exists()
    page = text(site / "gallery" / "index.html")
    assert "agrees to 4 significant digits" in page and "softplus" in page
