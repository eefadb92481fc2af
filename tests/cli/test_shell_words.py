"""Messages to shell users name what they can type, never Python values or calls."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from slacalc.cli import main

DATA = Path(__file__).parent / "data"
PYTHON = re.compile(r"Decimal\(|Fraction\(|datetime\.|\w+=\{|\b[a-z_]+\(\)")


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["budget", "101%"], "pass e.g. '99.9%'."),
        (["budget", "--", "-1%"], "pass e.g. '99.9%'."),
        (["availability", "severities.csv", "--target", "99.9%"], "use one of 'degraded',"),
        (["report", "tickets.csv", "--by", "priority"], "group by one of its columns."),
    ],
)
def test_no_python_in_messages(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    says: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tickets.csv").write_bytes((DATA / "tickets.csv").read_bytes())
    (tmp_path / "severities.csv").write_text(
        "start,end,severity\n2026-11-04T02:10+01:00,2026-11-04T02:41+01:00,FULL\n",
        encoding="utf-8",
    )
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert says in err
    assert not PYTHON.search(err), err


@pytest.mark.parametrize(
    ("toml", "says"),
    [
        (
            '[severities.high]\nresponse = "1h"\n',
            "sla.toml:1: severities: a table (keys high) is not valid here; write a list:",
        ),
        ('[[support]]\ntz = "UTC"\n', "sla.toml:1: support: a list of 1 is not valid here;"),
        ('[[severities]]\nname = 1\nresponse = "1h"\n', "severities[0].name: 1 is not valid"),
        ('severities = "high"\n', "sla.toml:1: severities: 'high' is not valid here;"),
    ],
)
def test_policy_problems_speak_toml(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    toml: str,
    says: str,
) -> None:
    # a table or list where the other belongs: described by its shape, not as a dict's repr
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sla.toml").write_text(toml, encoding="utf-8")
    assert main(["check", "sla.toml"]) == 1
    out = capsys.readouterr().out
    assert says in out, out
    assert not PYTHON.search(out), out
    assert "{'" not in out, out
    assert "input should be" not in out, out


OPENED = '"kind": "opened", "at": "2026-11-30T09:00+01:00"'


@pytest.mark.parametrize(
    ("events", "says"),
    [
        ('{"kind": "opened"}', "'events.json' holds an object, not a list of events;"),
        ("[1]", "'events.json': event 0 is 1, not an object;"),
        ('[{"kind": true, "at": "2026-11-30T09:00+01:00"}]', 'event 0 "kind" is true, not text'),
        (f'[{{{OPENED}, "severity": null}}]', 'event 0 "severity" is null, not text;'),
        (f'[{{{OPENED}, "severity": 3}}]', 'write it in quotes, e.g. "severity": "high".'),
        ('[{"kind": "opened", "severity": "high"}]', 'event 0 has no "at"; add one'),
        (
            '[{"kind": "opened", "at": null, "severity": "high"}]',
            "event 0 'at' is null, not a date and time;",
        ),
        (f'[{{{OPENED}, "sevrity": "high"}}]', "'sevrity', which no event has; did you mean"),
        (f"[{{{OPENED}}}]", "event 0 is 'opened' without a \"severity\"; add one"),
        (f'[{{{OPENED}, "severity": "high", "public": "yes"}}]', '"public" is "yes"; write'),
    ],
)
def test_an_events_file_hears_about_its_json(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    events: str,
    says: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "events.json").write_text(events, encoding="utf-8")
    assert main(["status", "events.json", "--at", "2026-12-01T10:00Z"]) == 2
    err = capsys.readouterr().err
    assert says in err, err
    assert not PYTHON.search(err), err
    assert "None" not in err
    assert "True" not in err


def test_a_csv_opening_without_severity_is_said_without_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.csv").write_text(
        "ticket_id,kind,at,severity\n1,opened,2026-11-30T09:00+01:00,\n", encoding="utf-8"
    )
    assert main(["report", "t.csv"]) == 2
    err = capsys.readouterr().err
    assert "'opened' event needs a severity (got none); give it its severity's name" in err
    assert not PYTHON.search(err), err
    assert "None" not in err
