"""The installed ``slacalc`` console script (``pip install -e .`` puts it next to python)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SCRIPT = shutil.which("slacalc", path=str(Path(sys.executable).parent))


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    if SCRIPT is None:
        pytest.skip(
            "the slacalc console script is not installed next to this python; "
            "run 'pip install -e .' after changing [project.scripts]"
        )
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [SCRIPT, *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=DATA,
        env=env,
        timeout=60,
        check=False,
    )


def test_budget() -> None:
    done = _run("budget", "99.9%")
    assert (done.returncode, done.stderr) == (0, "")
    assert "month    43m 50s     2629.746\n" in done.stdout


def test_json_for_scripts() -> None:
    done = _run("due", "--severity", "critical", "--at", "2026-11-27T23:10+01:00", "--json")
    assert done.returncode == 0
    data = json.loads(done.stdout)
    assert data["response"]["due"] == "2026-11-27T23:25:00+01:00"  # 24x7: + 15 min
    assert data["resolution"]["due"] == "2026-11-28T01:10:00+01:00"  # + 2 h


def test_danish_document_through_a_pipe() -> None:
    # sla.toml's texts are English only: Danish output asks for a fallback to them.
    done = _run("document", "sla.toml", "--lang", "da", "--fallback")
    assert done.returncode == 0
    assert "8 t 45 min 57 s om året" in done.stdout
    refused = _run("document", "sla.toml", "--lang", "da")
    assert refused.returncode == 2
    assert "no Danish ('da') text" in refused.stderr


def test_bad_argument_is_one_line_and_exit_2() -> None:
    done = _run("due", "--severity", "high", "--at", "2026-11-27T17:30")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("slacalc due: error: argument --at: '2026-11-27T17:30' has no")


def test_bad_file_is_one_line_and_exit_2() -> None:
    done = _run("status", "no-such-events.json")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_python_dash_m_is_the_same_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "slacalc", "budget", "99.99%"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0
    assert "month    4m 23s   262.9746\n" in done.stdout


def test_a_closed_pipe_ends_the_command_quietly() -> None:
    # `slacalc demo | head -1` when the reader has already left: the command stops with
    # exit code 141 (as if killed by SIGPIPE) and no traceback.
    with subprocess.Popen(
        [sys.executable, "-m", "slacalc", "demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        proc.stdout.close()  # long before the command has imported slacalc and written
        err = proc.stderr.read()
        code = proc.wait(timeout=60)
    assert err == b""
    assert code == 141
