"""Bad input: each problem is a slacalc error naming the file, the line or record, the
value and the fix; with errors="collect" it is a rejected row and the rest is read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from slacalc.errors import (
    InvalidDateError,
    InvalidOptionError,
    MissingColumnError,
    NaiveDatetimeError,
    SlacalcError,
    SourceFormatError,
    TicketEventError,
    UnknownSeverityError,
    UnknownStatusError,
    UnknownTimezoneError,
)
from slacalc.policy import default_policy
from slacalc.reports import analyze_tickets
from slacalc.sources import (
    REJECTED_COLUMNS,
    read_erpnext,
    read_jira,
    read_jira_csv,
    read_long,
    read_wide,
    read_zendesk_audits,
    read_zendesk_csv,
    read_zendesk_metric_events,
)
from tests.sources.conftest import fixture

LONG = "ticket_id,at,kind,status,severity\n"


def _file(tmp_path: Path, text: str, name: str = "export.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_jira_file_given_as_zendesk() -> None:
    with pytest.raises(
        SourceFormatError,
        match=r"jira_search.json' is not a Zendesk ticket "
        r"metric events page: it has no 'ticket_metric_events' \(found \[",
    ):
        read_zendesk_metric_events(fixture("jira_search.json"), priorities="high")


def test_a_zendesk_file_given_as_jira() -> None:
    with pytest.raises(SourceFormatError, match=r"no 'issues'.*found.*ticket_metric_events"):
        read_jira(fixture("zendesk_metric_events_1.json"))


def test_a_json_file_given_to_a_csv_reader_and_the_reverse() -> None:
    with pytest.raises(SourceFormatError, match=r"is JSON, not a CSV export"):
        read_zendesk_csv(fixture("zendesk_audits.json"), tz="UTC")
    with pytest.raises(SourceFormatError, match=r"jira_issues.csv' is not JSON .*CSV export"):
        read_jira(fixture("jira_issues.csv"))


def test_a_jira_csv_given_as_zendesk_names_the_missing_column() -> None:
    with pytest.raises(MissingColumnError, match=r"has no column 'Id' .*Zendesk CSV") as caught:
        read_zendesk_csv(fixture("jira_issues.csv"), tz="UTC")
    assert caught.value.column == "Id"


def test_a_missing_status_column() -> None:
    with pytest.raises(MissingColumnError, match=r"status_columns=\{'waiting'"):
        read_wide(
            [{"ticket_id": 1, "created": "2026-03-02T09:00Z", "priority": "high"}],
            status_columns={"waiting": "Pending since"},
        )


def test_an_unknown_status(tmp_path: Path) -> None:
    path = _file(
        tmp_path, LONG + "1,2026-03-02T09:00Z,opened,,high\n1,2026-03-02T10:00Z,,Blocked,\n"
    )
    with pytest.raises(
        UnknownStatusError,
        match=r"export.csv' line 3: Status 'Blocked' is not "
        r"in status_map .*status_map=\{'Blocked': 'open'\}",
    ):
        read_long(path, status_map={"Open": "open"})


def test_an_unparseable_timestamp(tmp_path: Path) -> None:
    path = _file(tmp_path, LONG + "1,yesterday at noon,opened,,high\n")
    with pytest.raises(
        InvalidDateError,
        match=r"line 2: the time 'yesterday at noon' is not a "
        r"date and time; write ISO 8601",
    ):
        read_long(path)


def test_a_naive_timestamp_without_tz(tmp_path: Path) -> None:
    path = _file(tmp_path, LONG + "1,2026-03-02 09:00,opened,,high\n")
    with pytest.raises(NaiveDatetimeError, match=r"line 2: .* has no time zone; pass .*tz="):
        read_long(path)


@pytest.mark.parametrize("text", ["", "\n\n", "ticket_id,at,kind\n"])
def test_an_empty_file(tmp_path: Path, text: str) -> None:
    with pytest.raises(SourceFormatError, match=r"export.csv' (is empty|has no rows)"):
        read_long(_file(tmp_path, text))


def test_an_empty_json_file_and_a_missing_one(tmp_path: Path) -> None:
    with pytest.raises(SourceFormatError, match="is empty"):
        read_jira(_file(tmp_path, " ", "issues.json"))
    with pytest.raises(SourceFormatError, match="No file at"):
        read_jira(str(tmp_path / "nothing.json"))
    (tmp_path / "latin1.csv").write_bytes(b"ticket_id,at,kind\n1,\xe6,opened\n")
    with pytest.raises(SourceFormatError, match="not UTF-8"):
        read_long(str(tmp_path / "latin1.csv"))


def test_collect_sets_bad_rows_aside_and_the_rest_is_analysed(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        LONG
        + "1,2026-03-02T09:00+01:00,opened,,high\n"
        + "1,not a time,responded,,\n"
        + "2,2026-03-02T09:00+01:00,opened,,urgent!\n"
        + "3,2026-03-02T09:00+01:00,openned,,high\n"
        + "1,2026-03-02T09:30+01:00,responded,,\n",
    )
    events, rejected = read_long(path, errors="collect", severity_map={"high": "high"})
    assert list(rejected.columns) == list(REJECTED_COLUMNS)
    assert list(rejected["line"]) == [3, 4, 5]
    assert list(rejected["value"]) == ["not a time", "urgent!", "openned"]
    assert all(reason.startswith(f"{path!r} line ") for reason in rejected["reason"])
    report = analyze_tickets(events, default_policy())
    assert [(r.ticket_id, r.metric, r.result) for r in report.rows][:1] == [
        ("1", "response", "met")
    ]


def test_collect_in_json_names_the_record() -> None:
    _, rejected = read_zendesk_metric_events(
        fixture("zendesk_metric_events_1.json"),
        priorities={987: "urgent"},
        errors="collect",
        as_frame=False,
    )
    assert {r["value"] for r in rejected} == {988}
    assert all(r["record"] is not None and r["line"] is None for r in rejected)
    assert "priorities={988: 'normal'}" in rejected[0]["reason"]


def test_a_record_without_the_documented_fields() -> None:
    page = {"ticket_metric_events": [{"ticket_id": 1, "time": "2026-03-02T09:00Z"}]}
    with pytest.raises(SourceFormatError, match=r"record 1: the record has no 'metric'"):
        read_zendesk_metric_events(page, priorities="high")
    with pytest.raises(SourceFormatError, match=r"record 1: the issue has no 'fields'"):
        read_jira({"issues": [{"key": "SD-1"}]})
    with pytest.raises(SourceFormatError, match=r"record 1: the audit has no 'ticket_id'"):
        read_zendesk_audits({"audits": [{"id": 1}]})


def test_a_version_whose_data_is_not_json() -> None:
    versions = {
        "data": [
            {"ref_doctype": "Issue", "docname": "I-1", "creation": "2026-03-02", "data": "{changed"}
        ]
    }
    with pytest.raises(SourceFormatError, match=r"record 1: the Version's 'data' is not JSON"):
        read_erpnext({"data": []}, versions, tz="UTC")


def test_an_unknown_kind_and_a_row_without_kind_or_status() -> None:
    with pytest.raises(TicketEventError, match=r"record 1: Unknown event kind 'openned'"):
        read_long([{"ticket_id": 1, "at": "2026-03-02T09:00Z", "kind": "openned"}])
    with pytest.raises(TicketEventError, match=r"record 1: the row has neither a kind nor"):
        read_long([{"ticket_id": 1, "at": "2026-03-02T09:00Z", "kind": "", "status": ""}])


def test_a_priority_the_map_lacks_and_an_empty_one() -> None:
    row = {"Issue key": "SD-1", "Priority": "Blocker", "Created": "2026-03-02T09:00Z"}
    with pytest.raises(UnknownSeverityError, match=r"Priority 'Blocker' is not in severity_map"):
        read_jira_csv([row], severity_map={"high": "high"})
    with pytest.raises(UnknownSeverityError, match=r"no priority; .*severity_map=\{'': 'normal'\}"):
        read_jira_csv([{**row, "Priority": ""}])


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"errors": "skip"}, InvalidOptionError),
        ({"tz": 1}, InvalidOptionError),
        ({"tz": "Europe/Kobenhavn"}, UnknownTimezoneError),
        ({"severity_map": {"high": 1}}, InvalidOptionError),
        ({"columns": {"when": "at"}}, InvalidOptionError),
        ({"progress": "yes"}, InvalidOptionError),
    ],
)
def test_bad_options(options: dict[str, object], error: type[SlacalcError]) -> None:
    with pytest.raises(error):
        read_long([{"ticket_id": 1, "at": "2026-03-02T09:00Z", "kind": "closed"}], **options)  # type: ignore[arg-type]


def test_not_a_table() -> None:
    with pytest.raises(SourceFormatError, match="is not a table"):
        read_long(42)
    with pytest.raises(SourceFormatError, match="not a row"):
        read_long([1, 2])


def test_pages_can_be_a_list_of_paths_or_pages(tmp_path: Path) -> None:
    copy = tmp_path / "page2.json"
    shutil.copy(fixture("zendesk_metric_events_2.json"), copy)
    paths = read_zendesk_metric_events(
        [fixture("zendesk_metric_events_1.json"), str(copy)], priorities="urgent", as_frame=False
    )
    import json

    pages = [
        json.loads(Path(p).read_text(encoding="utf-8"))
        for p in (fixture("zendesk_metric_events_1.json"), str(copy))
    ]
    assert read_zendesk_metric_events(pages, priorities="urgent", as_frame=False) == paths


def test_cells_of_the_wrong_kind() -> None:
    from slacalc.errors import ColumnTypeError

    with pytest.raises(ColumnTypeError, match=r"record 1: the time is 5, not a date and time"):
        read_long([{"ticket_id": 1, "at": 5, "kind": "closed"}])
    with pytest.raises(ColumnTypeError, match=r"record 1: the ticket id is empty"):
        read_long([{"ticket_id": "", "at": "2026-03-02T09:00Z", "kind": "closed"}])
    with pytest.raises(ColumnTypeError, match=r"record 1: 'public' is 'maybe'"):
        read_long(
            [
                {
                    "ticket_id": 1,
                    "at": "2026-03-02T09:00Z",
                    "kind": "reply",
                    "author": "agent",
                    "public": "maybe",
                }
            ]
        )
    with pytest.raises(ColumnTypeError, match=r"record 1: the ticket id is empty"):
        read_wide([{"ticket_id": None, "created": "2026-03-02T09:00Z", "priority": "high"}])
    with pytest.raises(TicketEventError, match=r"record 1: the status is empty"):
        read_jira(
            {
                "issues": [
                    {
                        "key": "SD-1",
                        "fields": {"created": "2026-03-02T09:00Z", "priority": {"name": "High"}},
                        "changelog": {
                            "histories": [
                                {
                                    "created": "2026-03-02T10:00Z",
                                    "items": [
                                        {"field": "status", "fromString": "Open", "toString": None}
                                    ],
                                }
                            ]
                        },
                    }
                ]
            }
        )


def test_missing_columns_of_a_long_table() -> None:
    with pytest.raises(MissingColumnError, match=r"has no column 'at'"):
        read_long([{"ticket_id": 1, "kind": "closed"}])
    with pytest.raises(MissingColumnError, match=r"has no column 'kind'"):
        read_long([{"ticket_id": 1, "at": "2026-03-02T09:00Z"}])


def test_a_header_only_export_and_a_page_that_is_not_a_list(tmp_path: Path) -> None:
    with pytest.raises(SourceFormatError, match=r"has no rows"):
        read_zendesk_csv(_file(tmp_path, "Id,Priority,Created at\n"), tz="UTC")
    with pytest.raises(SourceFormatError, match=r"'issues' is not a list of objects"):
        read_jira({"issues": 5})


def test_a_field_over_the_csv_limit(tmp_path: Path) -> None:
    with pytest.raises(SourceFormatError, match=r"is not valid CSV"):
        read_long(_file(tmp_path, LONG + '1,"' + "x" * 200_000 + '",opened,,high\n'))


def test_records_without_the_documented_fields_of_frappe_and_freshdesk() -> None:
    from slacalc.sources import read_freshdesk_activities

    with pytest.raises(SourceFormatError, match=r"record 1: the record has no 'name'"):
        read_erpnext({"data": [{"subject": "x"}]}, tz="UTC")
    with pytest.raises(SourceFormatError, match=r"record 1: the activity has no 'ticket_id'"):
        read_freshdesk_activities({"activities_data": [{"activity": {}}]})
    with pytest.raises(SourceFormatError, match=r"is 'x', not a whole number of minutes"):
        read_zendesk_csv(
            [
                {
                    "Id": 1,
                    "Priority": "high",
                    "Created at": "2026-03-02T09:00Z",
                    "First reply time in minutes": "x",
                }
            ]
        )
