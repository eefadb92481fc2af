"""The README's first command runs this demo; its numbers are checked by hand here."""

from __future__ import annotations

import subprocess
import sys

import pytest

from slacalc._demo import main


def test_demo_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main() == 0
    out = capsys.readouterr().out
    # Fri 17:30 + 1 h of Mon-Fri 09-18: 30 min on Friday, 30 min on Monday.
    assert "respond by Mon 30 Nov 2026 09:30" in out
    # 8 h: 0.5 h Friday + 7.5 h Monday -> Mon 16:30.
    assert "resolve by Mon 30 Nov 2026 16:30" in out
    # Paused Mon 10:00 - Tue 09:00; used 0.5 + 1 + 3 = 4.5 h at Tue 12:00; 3.5 h left -> 15:30.
    assert "used 4h 30m of 8h business time, due Tue 01 Dec 2026 15:30" in out
    assert "You will hear from us by Monday 30 November at 10:00." in out
    assert "Du hører fra os senest mandag den 30. november kl. 10:00." in out
    # Critical runs 24x7: 23:10 + 15 min.
    assert "by Fri 27 Nov 2026 23:25" in out
    # 99.9 % of 365.2425/12 days = 43.8291 min -> 43m 50s (uptime.is).
    assert "month    43m 50s" in out
    # 31 min + (14:05-14:52 merged) 47 min = 78 min of 43,200 -> 99.81944..%, below
    # 99.9 % but not below 99.5 %: 5 % of 500.00.
    assert "down 1h 18m of 30 days -> availability 99.8194%, allowed 43m 12s" in out
    assert "service credit 5% = 25.00 EUR" in out


def test_python_dash_m_runs_the_demo() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "slacalc"], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "default_policy()" in done.stdout
