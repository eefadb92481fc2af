"""Business time is shown in hours, never in days of 24 h, wherever people read it."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
from pathlib import Path

from slacalc.cli._commands import run_status
from slacalc.policy import default_policy
from slacalc.reports import explain

POLICY = default_policy()
TZ = POLICY.calendar().tz
OPENED = dt.datetime(2026, 11, 30, 9, 0, tzinfo=TZ)  # a Monday; support Mon-Fri 09-18
EVENTS = [{"kind": "opened", "at": OPENED, "severity": "high"}]
AT = dt.datetime(2026, 12, 4, 13, 30, tzinfo=TZ)  # 4 x 9 h + 4.5 h of business time later


def test_explain_writes_used_and_overrun_in_hours() -> None:
    text = explain(EVENTS, POLICY, at=AT).to_text()
    assert "40h 30m used of 1h (39h 30m over)" in text
    assert "resolution, cycle 1 (high): BREACHED" in text
    assert "40h 30m used of 8h (32h 30m over)" in text
    assert "1d" not in text


def test_status_writes_used_and_remaining_in_hours(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    path.write_text(
        json.dumps([{"kind": "opened", "at": OPENED.isoformat(), "severity": "high"}]),
        encoding="utf-8",
    )
    out = io.StringIO()
    args = argparse.Namespace(
        events=str(path), policy=None, json=False, explain=False, at=AT, format="text"
    )
    run_status(args, out)
    assert out.getvalue().splitlines()[2:] == [
        "clock       state              used     target  remaining  due",
        "response    running, BREACHED  40h 30m  1h      -39h 30m   Mon 2026-11-30 10:00 +01:00",
        "resolution  running, BREACHED  40h 30m  8h      -32h 30m   Mon 2026-11-30 17:00 +01:00",
    ]
