"""``slacalc report --source``: helpdesk exports on the command line, and the bar."""

from __future__ import annotations

from pathlib import Path

import pytest

from slacalc.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "sources" / "fixtures"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("argv", "tickets"),
    [
        (
            [
                "zendesk_audits.json",
                "--source",
                "zendesk",
                "--severity-map",
                "normal=medium,urgent=critical",
                "--status-map",
                "new=open,open=open,pending=waiting,hold=open,solved=resolved",
            ],
            1,
        ),
        (
            [
                "zendesk_metric_events_1.json",
                "--source",
                "zendesk",
                "--priority",
                "high",
                "--status-map",
                "new=open,open=open,pending=waiting,hold=open,solved=resolved",
            ],
            2,
        ),
        (
            [
                "zendesk_tickets.csv",
                "--source",
                "zendesk",
                "--tz",
                "UTC",
                "--severity-map",
                "urgent=critical,high=high,low=low",
            ],
            3,
        ),
        (
            [
                "jira_issues.csv",
                "--source",
                "jira",
                "--tz",
                "UTC",
                "--severity-map",
                "High=high,Highest=critical",
            ],
            2,
        ),
        (
            [
                "jira_search.json",
                "--source",
                "jira",
                "--severity-map",
                "High=high,Medium=medium,Highest=critical",
                "--status-map",
                "Waiting for support=open,Waiting for customer=waiting,Resolved=resolved",
            ],
            2,
        ),
        (
            [
                "freshdesk_tickets.csv",
                "--source",
                "freshdesk",
                "--tz",
                "Asia/Kolkata",
                "--severity-map",
                "urgent=critical,medium=medium",
            ],
            2,
        ),
        (
            [
                "freshdesk_activities.json",
                "--source",
                "freshdesk",
                "--severity-map",
                "urgent=critical",
            ],
            1,
        ),
        (
            [
                "erpnext_issues.json",
                "--source",
                "erpnext",
                "--tz",
                "UTC",
                "--versions",
                str(FIXTURES / "erpnext_versions.json"),
                "--status-map",
                "Open=open,Replied=waiting,On Hold=open,Resolved=resolved",
            ],
            1,
        ),
        (
            [
                "frappe_hd_tickets.json",
                "--source",
                "frappe",
                "--tz",
                "UTC",
                "--status-map",
                "Open=open,Resolved=resolved",
            ],
            1,
        ),
        (["generic_long.csv", "--source", "generic-long"], 1),
    ],
)
def test_each_source_reads_its_fixture(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    tickets: int,
) -> None:
    monkeypatch.chdir(FIXTURES)
    code, out, err = _run(capsys, "report", *argv, "--no-progress")
    assert (code, err) == (0, "")
    assert out.startswith(f"compliance of {tickets} tickets against")


def test_semicolons_danish_headers_and_one_bar_over_the_whole_job(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(FIXTURES)
    code, out, err = _run(
        capsys,
        "report",
        "generic_wide_semicolon.csv",
        "--source",
        "generic-wide",
        "--tz",
        "Europe/Copenhagen",
        "--severity-map",
        "Høj=high,Kritisk=critical",
        "--columns",
        "ticket_id=Sag,created=Oprettet,priority=Prioritet,first_reply=Første svar,resolved=Løst",
        "--progress",
    )
    assert code == 0
    assert "compliance of 2 tickets" in out
    # two rows read, then two tickets replayed: one bar reaching 4 of 4
    assert "4/4" in err.splitlines()[-1] or "4/4" in err


def test_the_bar_is_off_by_default_when_stderr_is_not_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(FIXTURES)
    code, _, err = _run(capsys, "report", "generic_long.csv", "--source", "generic-long")
    assert (code, err) == (0, "")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["jira_search.json", "--source", "zendesk", "--priority", "high"],
            "'jira_search.json' is not a Zendesk ticket metric events page: it has no "
            "'ticket_metric_events'",
        ),
        (
            ["zendesk_metric_events_1.json", "--source", "zendesk"],
            "carry no priority; pass the tickets' priority with --priority",
        ),
        (
            ["jira_issues.csv", "--source", "zendesk", "--tz", "UTC"],
            "'jira_issues.csv' has no column 'Id'",
        ),
        (
            ["generic_long.csv", "--source", "generic-long", "--status-map", "open=open"],
            "'generic_long.csv' line 4: Status 'waiting' is not in status_map",
        ),
        (
            ["zendesk_tickets.csv", "--source", "zendesk"],
            "'zendesk_tickets.csv' line 2: 'Created at' '2026-03-02 09:00:00' has no time zone",
        ),
        (["missing.json", "--source", "jira"], "No file at 'missing.json'"),
    ],
)
def test_bad_exports_are_one_line_naming_the_file(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(FIXTURES)
    code, out, err = _run(capsys, "report", *argv, "--no-progress")
    assert (code, out) == (2, "")
    assert message in err
    assert len(err.splitlines()) == 1


def test_a_map_that_is_not_key_value(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "report", "x.csv", "--source", "generic-wide", "--columns", "Id")
    assert code == 2
    assert "'Id' is not key=value" in err


def test_a_semicolon_event_table_without_source(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "tickets.csv"
    path.write_text(
        "ticket_id;kind;at;severity\n1;opened;2026-11-30T09:00+01:00;high\n"
        "1;responded;2026-11-30T09:30+01:00;\n",
        encoding="utf-8",
    )
    code, out, err = _run(capsys, "report", str(path))
    assert (code, err) == (0, "")
    assert "high      response    1        1" in out
