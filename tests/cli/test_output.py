"""What the command writes where: a terminal's tables and colour, plain text, CSV, pipes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from slacalc.cli import main
from slacalc.cli._files import read_csv, read_events
from slacalc.policy import default_policy
from slacalc.reports import analyze_tickets, compliance_summary

DATA = Path(__file__).parent / "data"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
REPORT = ("report", "tickets.csv", "--by", "severity,month")


class Terminal(io.StringIO):
    """Standard output as a terminal sees it."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)


def _terminal(monkeypatch: pytest.MonkeyPatch) -> Terminal:
    """Standard output made a terminal 100 columns wide (in the test's body: pytest
    sets its own capture again between a fixture and the test)."""
    screen = Terminal()
    monkeypatch.setattr(sys, "stdout", screen)
    monkeypatch.setenv("COLUMNS", "100")
    return screen


def _plain(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_a_terminal_gets_breaches_in_red(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _terminal(monkeypatch)
    assert main(["availability", "incidents.csv", "--target", "99.9%"]) == 0
    lines = terminal.getvalue().splitlines()
    missed = next(line for line in lines if "2026-11" in line)
    kept = next(line for line in lines if "2026-12" in line)
    assert "\x1b[1;31m" in missed  # November missed its target: bold red
    assert "31m" not in kept


def test_no_color_turns_the_colour_off(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _terminal(monkeypatch)
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["availability", "incidents.csv", "--target", "99.9%"]) == 0
    assert "\x1b" not in terminal.getvalue()


@pytest.mark.parametrize("columns", [80, 100])
def test_tables_fit_the_terminal(monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    terminal = _terminal(monkeypatch)
    monkeypatch.setenv("COLUMNS", str(columns))
    assert main(list(REPORT)) == 0
    assert main(["status", "events.json", "--at", "2026-12-01T12:00+01:00"]) == 0
    widths = [len(ANSI.sub("", line)) for line in terminal.getvalue().splitlines()]
    assert max(widths) <= columns
    assert "7h 30m" in ANSI.sub("", terminal.getvalue()) or columns < 100


def test_a_terminal_without_rich_gets_the_plain_tables(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal = _terminal(monkeypatch)
    monkeypatch.setitem(sys.modules, "rich.console", None)
    monkeypatch.setitem(sys.modules, "rich.table", None)
    assert main(list(REPORT)) == 0
    shown = terminal.getvalue()
    monkeypatch.undo()
    monkeypatch.chdir(DATA)
    assert shown == _plain(capsys, *REPORT)
    assert "\x1b" not in shown


def test_a_pipe_never_gets_colour_even_if_asked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "40")
    out = _plain(capsys, *REPORT)
    assert "\x1b" not in out
    assert max(map(len, out.splitlines())) > 40  # not fitted: a pipe has no width


def _csv(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_plain(capsys, *argv, "--format", "csv"))))


def test_csv_of_every_table_command_in_the_json_number_form(
    capsys: pytest.CaptureFixture[str],
) -> None:
    budget = _csv(capsys, "budget", "99.9%")
    assert [r["period"] for r in budget] == ["day", "week", "month", "quarter", "year"]
    assert budget[2]["allowed_seconds"] == "2629.746"
    months = _csv(capsys, "availability", "incidents.csv", "--target", "99.9%")
    assert (months[0]["availability"], months[0]["availability_fraction"]) == (
        "0.998194444444",
        "7187/7200",
    )
    assert months[0]["target_met"] == "false"
    rows = _csv(capsys, *REPORT)
    assert rows[0]["severity"] == "critical"
    assert {r["share_met"] for r in rows} >= {"0.5", "1"}
    clocks = _csv(capsys, "status", "events.json", "--at", "2026-12-01T12:00+01:00")
    assert [c["metric"] for c in clocks] == ["response", "resolution"]
    for row in [*budget, *months, *rows, *clocks]:
        for key, value in row.items():
            if key.endswith(("_seconds", "_fraction")) or not value:
                continue
            if re.fullmatch(r"-?\d+(\.\d+)?", value):
                Decimal(value)  # every number is a plain decimal
            assert "/" not in value, (key, value)


def test_json_and_csv_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["budget", "99.9%", "--json", "--format", "csv"]) == 2
    assert "--json and --format csv exclude each other" in capsys.readouterr().err
    assert _plain(capsys, "budget", "99.9%", "--format", "json").startswith("{")


@pytest.mark.parametrize(
    "argv",
    [
        ["demo"],
        [
            "report",
            str(Path(__file__).parents[2] / "src/slacalc/datasets/tickets.csv"),
            "--by",
            "ticket_id",
        ],
    ],
    ids=["demo", "report"],
)
def test_output_into_head_ends_quietly(argv: list[str]) -> None:
    # `slacalc demo | head -1`, `slacalc report ... | head`: head reads a line and leaves
    with subprocess.Popen(
        [sys.executable, "-m", "slacalc", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=DATA,
    ) as command:
        assert command.stdout is not None
        assert command.stderr is not None
        head = subprocess.run(
            ["head", "-1"], stdin=command.stdout, capture_output=True, timeout=120, check=True
        )
        command.stdout.close()
        err = command.stderr.read()
        code = command.wait(timeout=120)
    assert head.stdout.count(b"\n") == 1
    assert err == b""
    assert code in (0, 141)  # 141: stopped by the closed pipe, as a shell reports it


# -- the library's text is the command's text -----------------------------------------------


def _printed(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """What ``slacalc argv`` prints to a pipe (exit code 0)."""
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_status_prints_the_ticket_status_text(capsys: pytest.CaptureFixture[str]) -> None:
    at = "2026-12-01T12:00+01:00"
    printed = _printed(capsys, "status", "events.json", "--at", at)
    policy = default_policy()
    status = policy.evaluate(read_events("events.json"), at=dt.datetime.fromisoformat(at))
    assert printed == status.to_text(policy.calendar().tz) + "\n"
    assert "response    met" in printed


def test_due_prints_the_deadlines_text_with_targets(capsys: pytest.CaptureFixture[str]) -> None:
    at = "2026-11-27T17:30+01:00"
    printed = _printed(capsys, "due", "--severity", "high", "--at", at).splitlines()
    deadlines = default_policy().deadlines("high", dt.datetime.fromisoformat(at))
    # the command adds the clock the deadlines run on and each target after its deadline
    assert printed[1] == "clock: support hours Mon-Fri 09:00-18:00, Europe/Copenhagen"
    shown = [printed[0], *(re.sub(r"  \(target .*\)$", "", line) for line in printed[2:])]
    assert "\n".join(shown) == deadlines.to_text()


def test_report_prints_the_compliance_summary_text(capsys: pytest.CaptureFixture[str]) -> None:
    head, *table = _printed(capsys, *REPORT).splitlines()
    policy = default_policy()
    outcomes = analyze_tickets(read_csv("tickets.csv"), policy)
    summary = compliance_summary(outcomes, by=("severity", "month"))
    assert head.startswith(f"compliance of {len(outcomes.tickets)} tickets against ")
    assert "\n".join(table) == summary.to_text()
