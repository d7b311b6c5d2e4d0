"""The real ``symbinfo`` command, run in subprocesses exactly as a user runs it (no mocks).

All invocations start at once (a module fixture) and the tests then read their results: each
run pays for a fresh interpreter and SymPy import, so running them side by side keeps the file
fast.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from symbinfo import errors
from symbinfo.cli import failure

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
    # the command-line contract: one line on stderr and a documented exit status, whatever comes
    "contradictory-assume": ("entropy", "Normal(x, s)", "--assume", "x:positive,negative"),
    # an integer of 4389 digits: over Python's int-to-text limit (or a parser limit)
    "huge-integer": ("check", "x", "--target", "(10**399)**11"),
    "syntax-warning": ("verify", "2and x", "1"),  # Python warns about "2and" while parsing
    "closed-stdout": ("entropy", "Die(6)"),
    "full-stdout": ("entropy", "Die(6)"),
    # SymPy raised "has no attribute 'pdf'" here: an internal error, unless it has been fixed
    "internal": ("kl", "Binomial(n, p)", "Binomial(m, q)"),
    # the numeric check of this derivation's last step takes minutes
    "derive-over-budget": ("derive", "entropy", "Skellam(1, 2)", "--limit", "step_seconds=1"),
    "interrupt": ("identities",),
}


def _close_stdout() -> None:  # pragma: no cover - runs in the child before exec
    os.close(1)


#: how each special invocation is started (default: stdout and stderr are pipes)
SPECIAL: dict[str, dict] = {
    "closed-stdout": {"stdout": None, "preexec_fn": _close_stdout},
    "full-stdout": {"stdout": "/dev/full"},
}


def _interrupt_once_running(proc: subprocess.Popen, deadline: float) -> str:
    """Send SIGINT once the command has started working (its first progress line, so that
    Python has finished importing); return the stderr read so far."""
    seen = b""
    while b"[1/" not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stderr], [], [], 1)
        if ready:
            chunk = os.read(proc.stderr.fileno(), 4096)
            if not chunk:
                break
            seen += chunk
    proc.send_signal(signal.SIGINT)
    return seen.decode()


@pytest.fixture(scope="module")
def cli(tmp_path_factory) -> tuple[dict[str, subprocess.CompletedProcess], Path]:
    cwd = tmp_path_factory.mktemp("cli")
    # `python -m symbinfo` runs the symbinfo of this checkout, like the installed script.
    path = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONPATH": path}
    procs, files = {}, []
    for key, args in COMMANDS.items():
        how = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **SPECIAL.get(key, {})}
        if isinstance(how["stdout"], str):
            if not os.path.exists(how["stdout"]):
                continue
            how["stdout"] = open(how["stdout"], "w")  # noqa: SIM115 - closed below
            files.append(how["stdout"])
        procs[key] = subprocess.Popen([sys.executable, "-m", "symbinfo", *args], cwd=cwd,
                                      env=env, text=True, **how)
    early = _interrupt_once_running(procs["interrupt"], time.monotonic() + 120)
    done = {}
    for key, proc in procs.items():
        out, err = proc.communicate(timeout=300)
        err = early + err if key == "interrupt" else err
        done[key] = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    for fh in files:
        fh.close()
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


def test_contradictory_assumptions_are_bad_input(cli):
    proc = cli[0]["contradictory-assume"]
    assert proc.returncode == 2
    assert "contradictory assumptions" in one_line_error(proc)


def test_an_integer_too_long_to_print_is_one_line(cli):
    proc = cli[0]["huge-integer"]
    assert proc.returncode == 2
    one_line_error(proc)


def test_python_warnings_do_not_reach_the_shell(cli):
    proc = cli[0]["syntax-warning"]
    assert proc.returncode == 2
    assert "Warning" not in one_line_error(proc)


@pytest.mark.parametrize("args", [
    ("entropy", "Normal(0, 1)", "--base", "0/0"),
    ("entropy", "Die(6)", "--limit", "step_seconds=-1"),
    ("entropy", "Die(6)", "--limit", "steps=5"),
    ("entropy", "Die(6)", "-o", "no/such/dir/h.md"),
])
def test_bad_options_are_one_line_exit_2(args, capsys, tmp_path, monkeypatch):
    # checked in this process (main() returns the exit status); the subprocesses above show
    # that what main() writes is all the shell sees
    monkeypatch.chdir(tmp_path)
    from symbinfo.cli import main

    assert main(list(args)) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1, err


def test_a_result_that_cannot_be_written_is_an_error(cli):
    ran = [key for key in ("closed-stdout", "full-stdout") if key in cli[0]]
    assert "closed-stdout" in ran
    for key in ran:
        proc = cli[0][key]
        assert proc.returncode == 2, key
        assert "cannot write the result" in one_line_error(proc), key


def test_an_unexpected_failure_is_one_line_exit_3(cli):
    proc = cli[0]["internal"]
    assert "Traceback" not in proc.stderr
    if proc.returncode == 3:
        assert "internal error" in one_line_error(proc)
    else:  # fixed since: then it answers or refuses like any other input
        assert proc.returncode in (0, 2), proc.stderr
    status, message = failure(ZeroDivisionError("division by zero"))
    assert status == 3 and message.startswith("internal error: ZeroDivisionError")
    internal = getattr(errors, "InternalError", None)
    if internal is not None:
        assert failure(internal("a SymPy exception inside a public call"))[0] == 3


def test_interrupt_is_one_line_exit_130(cli):
    proc = cli[0]["interrupt"]
    assert proc.returncode == 130, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.rstrip().endswith("symbinfo: interrupted")
    assert len(proc.stderr.strip().splitlines()) == 1  # the progress line it interrupted


def test_a_derivation_check_over_budget_is_shown_not_failed(cli):
    proc = cli[0]["derive-over-budget"]
    assert proc.returncode == 0, proc.stderr
    assert "not checked numerically (over budget)" in proc.stdout
