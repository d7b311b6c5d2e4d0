"""The real ``symbinfo`` command, run in a subprocess exactly as a user runs it (no mocks)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytest.importorskip("symbinfo.parsing", reason="symbinfo.parsing has not landed yet")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    # `python -m symbinfo` runs whatever symbinfo this checkout provides, like the installed script.
    path = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONPATH": path}
    return subprocess.run([sys.executable, "-m", "symbinfo", *args], capture_output=True,
                          text=True, env=env, cwd=cwd or ROOT, timeout=120)


def has_rule(registry_name: str, family: str) -> bool:
    from symbinfo import closedforms

    return any(r.family == family for r in getattr(closedforms, registry_name))


def has(module: str, name: str) -> bool:
    import importlib

    try:
        return hasattr(importlib.import_module(module), name)
    except ImportError:
        return False


def one_line_error(proc: subprocess.CompletedProcess) -> str:
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    return lines[0]


def test_kl_between_normals_prints_the_closed_form_in_latex():
    if not has_rule("KL_DIVERGENCE", "Normal || Normal"):
        pytest.skip("the Normal || Normal KL rule has not landed yet")
    proc = run("kl", "Normal(m1, s1)", "Normal(m2, s2)", "--format", "latex")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.strip()
    assert out.startswith(r"D_{\mathrm{KL}}(P \,\|\, Q) = ")
    assert r"\int" not in out and "s_{1}" in out and "m_{2}" in out


def test_entropy_in_bits_and_markdown_to_a_file(tmp_path):
    proc = run("entropy", "Die(8)", "--base", "2", "--format", "markdown", "-o", "h.md",
               cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    text = (tmp_path / "h.md").read_text()
    assert text.startswith("$$") and text.rstrip().endswith("= 3$$")


def test_mutual_information_of_a_table():
    proc = run("mi", "1/2, 0; 1/4, 1/4")
    assert proc.returncode == 0, proc.stderr
    first, *_ = proc.stdout.splitlines()
    assert first.startswith("I(X; Y) = ")


def test_malformed_distribution_is_one_line_exit_2():
    proc = run("entropy", "Normal(mu, sigma")
    assert proc.returncode == 2
    assert "error" in one_line_error(proc)
    proc = run("kl", "Nrmal(0, 1)", "Normal(0, 1)")
    assert proc.returncode == 2
    assert "Nrmal" in one_line_error(proc)


def test_usage_mistakes_exit_2_with_one_line():
    for args in (["kl", "Normal(0, 1)"], ["entropy", "Gamma(k, theta)", "--assume", "k:spicy"],
                 ["no-such-command"]):
        proc = run(*args)
        assert proc.returncode == 2, args
        one_line_error(proc)


def test_assumption_override_changes_the_result():
    if not has_rule("ENTROPY", "Gamma"):
        pytest.skip("the Gamma entropy rule has not landed yet")
    proc = run("entropy", "Gamma(k, theta)", "--assume", "k:positive,integer")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("H(X) = ")


def test_check_a_correct_hand_calculation_exits_0():
    if not has("symbinfo.verify", "check"):
        pytest.skip("symbinfo.verify.check has not landed yet")
    proc = run("check", r"\frac{1}{2}\log(2\pi e \sigma^2)", "--entropy", "Normal(mu, sigma)")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_check_a_wrong_hand_calculation_exits_1_with_a_diagnosis():
    if not has("symbinfo.verify", "check"):
        pytest.skip("symbinfo.verify.check has not landed yet")
    # bits instead of nats: a mistake the diagnosis names
    proc = run("check", r"\frac{1}{2}\log_2(2\pi e \sigma^2)", "--entropy", "Normal(mu, sigma)")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "diagnosis" in proc.stdout.lower() or "bits" in proc.stdout.lower()


def test_verify_identity_and_refutation():
    pytest.importorskip("symbinfo.verify", reason="symbinfo.verify has not landed yet")
    ok = run("verify", "log(a*b)", "log(a) + log(b)", "--assume", "a:positive",
             "--assume", "b:positive")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = run("verify", "log(a + b)", "log(a) + log(b)", "--assume", "a:positive",
              "--assume", "b:positive")
    assert bad.returncode == 1, bad.stdout + bad.stderr


def test_tour_still_works():
    proc = run("tour")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "all results checked" in proc.stdout


def test_derive_prints_checked_steps():
    if not (has("symbinfo", "derive") and callable(__import__("symbinfo").derive)) and \
            not has("symbinfo.derive.derivation", "derive"):
        pytest.skip("derive() has not landed yet")
    proc = run("derive", "kl", "Normal(m1, s1)", "Normal(m2, s2)", "--format", "latex")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(r"\begin{align*}") and "definition" in proc.stdout


def test_identity_catalog_shows_progress():
    if not has("symbinfo.verify", "identities"):
        pytest.skip("the identity catalog has not landed yet")
    # two quick entries: a Shannon identity and a known false claim that must come out refuted
    proc = run("identities", "chain rule for entropy", "KL symmetry")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    progress = proc.stderr.splitlines()
    assert progress[0].startswith("[1/") and all(line.endswith("ok") for line in progress)
    assert proc.stdout.rstrip().endswith("identities hold as catalogued")
