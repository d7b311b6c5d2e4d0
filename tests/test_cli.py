"""The real ``symbinfo`` command, run in subprocesses exactly as a user runs it (no mocks).

All invocations start at once (a module fixture) and the tests then read their results: each
run pays for a fresh interpreter and SymPy import, so running them side by side keeps the file
fast.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

COMMANDS: dict[str, tuple[str, ...]] = {
    "kl-latex": ("kl", "Normal(m1, s1)", "Normal(m2, s2)", "--format", "latex"),
    "entropy-md-file": ("entropy", "Die(8)", "--base", "2", "--format", "markdown", "-o", "h.md"),
    "bad-family": ("kl", "Nrmal(0, 1)", "Normal(0, 1)"),
    "missing-arg": ("kl", "Normal(0, 1)"),
    "bad-assumption": ("entropy", "Gamma(k, theta)", "--assume", "k:spicy"),
    "check-right": ("check", r"\frac{1}{2}\log(2\pi e \sigma^2)", "--entropy", "Normal(mu, sigma)"),
    # bits instead of nats: a mistake the diagnosis names
    "check-wrong": ("check", r"\frac{1}{2}\log_2(2\pi e \sigma^2)", "--entropy",
                    "Normal(mu, sigma)"),
    "verify-false": ("verify", "log(a + b)", "log(a) + log(b)", "--assume", "a:positive",
                     "--assume", "b:positive"),
    "derive": ("derive", "kl", "Normal(m1, s1)", "Normal(m2, s2)", "--format", "latex"),
    # two quick catalog entries: a Shannon identity and a known false claim (must be refuted)
    "identities": ("identities", "chain rule for entropy", "KL symmetry"),
}


@pytest.fixture(scope="module")
def cli(tmp_path_factory) -> tuple[dict[str, subprocess.CompletedProcess], Path]:
    cwd = tmp_path_factory.mktemp("cli")
    # `python -m symbinfo` runs the symbinfo of this checkout, like the installed script.
    path = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONPATH": path}
    procs = {key: subprocess.Popen([sys.executable, "-m", "symbinfo", *args], cwd=cwd, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for key, args in COMMANDS.items()}
    done = {}
    for key, proc in procs.items():
        out, err = proc.communicate(timeout=300)
        done[key] = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    return done, cwd


def has_rule(registry_name: str, family: str) -> bool:
    from symbinfo import closedforms

    return any(r.family == family for r in getattr(closedforms, registry_name))


def one_line_error(proc: subprocess.CompletedProcess) -> str:
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    return lines[0]


def test_kl_between_normals_prints_the_closed_form_in_latex(cli):
    if not has_rule("KL_DIVERGENCE", "Normal || Normal"):
        pytest.skip("the Normal || Normal KL rule has not landed yet")
    proc = cli[0]["kl-latex"]
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.strip()
    assert out.startswith(r"D_{\mathrm{KL}}(P \,\|\, Q) = ")
    assert r"\int" not in out and "s_{1}" in out and "m_{2}" in out


def test_entropy_in_bits_and_markdown_to_a_file(cli):
    proc, cwd = cli[0]["entropy-md-file"], cli[1]
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    text = (cwd / "h.md").read_text()
    assert text.startswith("$$") and text.rstrip().endswith("= 3$$")


def test_malformed_distribution_is_one_line_exit_2(cli):
    proc = cli[0]["bad-family"]
    assert proc.returncode == 2
    assert "Nrmal" in one_line_error(proc)


def test_usage_mistakes_exit_2_with_one_line(cli):
    # an argparse error and one found after parsing
    for key in ("missing-arg", "bad-assumption"):
        proc = cli[0][key]
        assert proc.returncode == 2, key
        one_line_error(proc)


def test_check_a_correct_hand_calculation_exits_0(cli):
    proc = cli[0]["check-right"]
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_check_a_wrong_hand_calculation_exits_1_with_a_diagnosis(cli):
    proc = cli[0]["check-wrong"]
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "bits vs nats" in proc.stdout


def test_verify_refutes_a_false_identity(cli):
    proc = cli[0]["verify-false"]
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "refuted" in proc.stdout


def test_derive_prints_checked_steps(cli):
    proc = cli[0]["derive"]
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(r"\begin{align*}") and "definition" in proc.stdout


def test_identity_catalog_shows_progress(cli):
    proc = cli[0]["identities"]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    progress = proc.stderr.splitlines()
    assert progress[0].startswith("[1/") and all(line.endswith("ok") for line in progress)
    assert proc.stdout.rstrip().endswith("identities hold as catalogued")
