"""Bad arguments and bad files: one clear line on stderr, nothing on stdout, exit code 2."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from slacalc.cli import main

DATA = Path(__file__).parent / "data"

FILES = {
    "naive.json": '[{"kind": "opened", "at": "2026-11-30T09:00", "severity": "high"}]',
    "order.json": (
        '[{"kind": "opened", "at": "2026-11-30T09:00Z", "severity": "high"},'
        ' {"kind": "responded", "at": "2026-11-30T08:00Z"}]'
    ),
    "broken.json": '[{"kind": "opened", "at": ',
    "object.json": '{"kind": "opened"}',
    "number.json": '[{"kind": "opened", "at": 1764489600, "severity": "high"}]',
    "nohead.csv": "begin,finish\n2026-11-04T02:10Z,2026-11-04T02:41Z\n",
    "naive.csv": "start,end\n2026-11-04T02:10,2026-11-04T02:41\n",
    "ragged.csv": "start,end\n2026-11-04T02:10Z,2026-11-04T02:41Z,extra\n",
    "open.csv": "start,end\n2026-11-04T02:10Z,\n",
    "backwards.csv": "start,end\n2026-11-04T02:41Z,2026-11-04T02:10Z\n",
    "empty.csv": "",
    "naive-tickets.csv": "ticket_id,kind,at,severity\n1,opened,2026-11-30T09:00,high\n",
    "unknown-tickets.csv": "ticket_id,kind,at,severity\n1,opened,2026-11-30T09:00Z,urgent\n",
    "header.csv": "start,end\n",
    "latin1.csv": "start,end,label\n2026-11-04T02:10Z,2026-11-04T02:41Z,caf\xe9\n",
    "bad.toml": "[support\nhours = 1\n",
    "invalid.toml": (
        '[support]\nhours = "Mon-Fri 09:00-17:00"\ntz = "Mars/Olympus"\n'
        '[[severities]]\nname = "high"\nresponse = "4 hours"\n'
        '[[severities]]\nname = "low"\nresponse = "2h"\n'
    ),
}

CASES = [
    # (argv, what the one line must contain)
    ([], "choose a command: demo, budget"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    (["budget"], "the following arguments are required: target"),
    (["budget", "99.9"], "'99.9' is ambiguous"),
    (["budget", "ninety%"], "'ninety%'"),
    (["budget", "120%"], "out of range"),
    (["budget", "99.9%", "--convention", "banker"], "invalid choice: 'banker'"),
    (["budget", "99.9%", "--month", "2026-13"], "'2026-13' is not a month"),
    (["budget", "99.9%", "--month", "2026-02", "--tz", "Mars/Olympus"], "'Mars/Olympus'"),
    (["budget", "99.9%", "--tz", "UTC"], "--tz applies to --month only"),
    (["budget", "99.9%", "--frobnicate"], "unrecognized arguments: --frobnicate"),
    (["due", "--at", "2026-11-27T17:30Z"], "the following arguments are required: --severity"),
    (["due", "--severity", "high", "--at", "2026-11-27T17:30"], "has no UTC offset"),
    (["due", "--severity", "high", "--at", "2026-11-27"], "a date without a time and offset"),
    (["due", "--severity", "high", "--at", "next friday"], "is not an ISO 8601 date and time"),
    (["due", "--severity", "urgent", "--at", "2026-11-27T17:30Z"], "Unknown severity 'urgent'"),
    (["due", "--severity", "high", "--policy", "missing.toml"], "No policy file at 'missing.toml'"),
    (["due", "--severity", "high", "--policy", "sla.docx"], "unknown format '.docx'"),
    (["due", "--severity", "high", "--policy", "bad.toml"], "Cannot read 'bad.toml' as TOML"),
    (["due", "--severity", "high", "--policy", "invalid.toml"], "run 'slacalc check invalid.toml'"),
    (["status", "missing.json"], "No file at 'missing.json'"),
    (["status", "naive.json", "--at", "2026-11-30T10:00Z"], "event 0 'at' '2026-11-30T09:00' has"),
    (["status", "order.json", "--at", "2026-11-30T10:00Z"], "Events are out of order"),
    (["status", "broken.json"], "'broken.json' is not JSON"),
    (["status", "object.json"], "not a list of events"),
    (["status", "number.json"], "event 0 'at' is 1764489600"),
    (["availability", "incidents.csv"], "No target; pass --target"),
    (["availability", "nohead.csv", "--target", "99.9%"], "has no 'start' column"),
    (["availability", "naive.csv", "--target", "99.9%"], "line 2: 'start' '2026-11-04T02:10'"),
    (["availability", "ragged.csv", "--target", "99.9%"], "line 2 has 3 fields, the header 2"),
    (["availability", "open.csv", "--target", "99.9%"], "pass --as-of"),
    (["availability", "backwards.csv", "--target", "99.9%"], "before its start"),
    (["availability", "empty.csv", "--target", "99.9%"], "'empty.csv' is empty"),
    (["availability", "header.csv", "--target", "99.9%"], "lists no incidents; pass --month"),
    (["availability", "latin1.csv", "--target", "99.9%"], "is not UTF-8 text"),
    (["availability", "incidents.csv", "--target", "99.9%", "--fee", "500"], "--fee needs credit"),
    (["availability", "incidents.csv", "--target", "99.9%", "--fee", "-5"], "not an amount"),
    (["availability", "incidents.csv", "--target", "99.9%", "--credits", "99.9%"], "not a tier"),
    (
        ["availability", "incidents.csv", "--target", "99.9%", "--credits", "99%:5%,99.9%:10%"],
        "lower availability must never earn a smaller credit",
    ),
    (["report", "tickets.csv"], "No file at 'tickets.csv'"),
    (["report", "incidents.csv"], "has no 'ticket_id' column"),
    (["report", "naive-tickets.csv"], "line 2: 'at' '2026-11-30T09:00' has no UTC offset"),
    (["report", "unknown-tickets.csv"], "Unknown severity 'urgent'"),
    (["document", "sla.toml", "--format", "pdf"], "--format pdf writes a file; add -o FILE"),
    (["document", "sla.toml", "--lang", "fr"], "invalid choice: 'fr'"),
    (["document", "sla.toml", "-o", "no/such/dir/x.md"], "Cannot write 'no/such/dir/x.md'"),
    (["document", "invalid.toml"], "support.tz: Unknown time zone 'Mars/Olympus'"),
    (["check"], "the following arguments are required: policy"),
    (["check", "missing.toml"], "No policy file at 'missing.toml'"),
    (["check", "bad.toml"], "Cannot read 'bad.toml' as TOML"),
]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, text in FILES.items():
        encoding = "latin-1" if name.startswith("latin1") else "utf-8"
        (tmp_path / name).write_text(text, encoding=encoding)
    for name in ("incidents.csv", "sla.toml"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("argv", "needle"), CASES, ids=[" ".join(a) or "-" for a, _ in CASES])
def test_one_line_error_and_exit_2(
    workdir: Path, capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err.endswith("\n"), err
    assert err.count("\n") == 1, err
    assert err.startswith(f"slacalc{' ' + argv[0] if argv and argv[0] != 'frobnicate' else ''}")
    assert ": error: " in err
    assert "Traceback" not in err
    assert needle in err, err


def test_errors_also_with_json(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["due", "--severity", "urgent", "--json"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1


# -- large inputs ---------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_many_incidents_are_measured_in_one_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "many.csv"
    rows = [
        f"2026-{m:02d}-{d:02d}T10:00:00Z,2026-{m:02d}-{d:02d}T10:00:06Z"
        for m in (1, 2, 3)
        for d in range(1, 29)
        for _ in range(60)
    ]
    log.write_text("start,end\n" + "\n".join(rows) + "\n", encoding="utf-8")  # 5040 rows
    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    assert main(["availability", str(log), "--target", "99.9%"]) == 0
    # The library reads the file and measures the months in one pass, in well under a
    # second: nothing is drawn on the terminal.
    assert screen.getvalue() == ""
    out = capsys.readouterr().out
    # 60 identical 6 s outages a day count once: 28 x 6 s = 2m 48s a month, and only the
    # first record of each day counted downtime (28 incidents).
    assert "2026-02  28         2m 48s  28d" in out
