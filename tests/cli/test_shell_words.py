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
