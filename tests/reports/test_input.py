"""The one table reader on CSV rows: the same values as from records, errors by line."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest

from slacalc.errors import (
    ColumnTypeError,
    InvalidDateError,
    InvalidIntervalError,
    MissingColumnError,
    NaiveDatetimeError,
)
from slacalc.policy import SLAPolicy
from slacalc.reports import (
    CsvRows,
    analyze_tickets,
    availability_report,
    read_incidents,
    read_windows,
)


def rows(text: str, name: str = "log.csv") -> CsvRows:
    return CsvRows(csv.DictReader(io.StringIO(text, newline="")), name)


def test_csv_tickets_read_as_the_records_they_hold(
    ticket_records: list[dict[str, Any]], policy: SLAPolicy
) -> None:
    records = ticket_records[:60]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["Ticket_ID", "kind", "at", "severity", "note"])  # case and extras ignored
    for r in records:
        writer.writerow([r["ticket_id"], r["kind"], r["at"].isoformat(), r["severity"] or "", "x"])
    from_csv = analyze_tickets(rows(buffer.getvalue(), "tickets.csv"), policy)
    from_records = analyze_tickets(records, policy)
    assert [(str(r.ticket_id), r.metric, r.result, r.elapsed) for r in from_csv.rows] == [
        (str(r.ticket_id), r.metric, r.result, r.elapsed) for r in from_records.rows
    ]


def test_mapped_columns_and_blank_lines() -> None:
    text = "Began,Ended,Id\n\n2026-11-04T02:10Z,2026-11-04T02:41Z,INC-1\n,,\n"
    (outage,) = read_incidents(
        rows(text), columns={"start": "began", "end": "ended", "incident_id": "id"}
    )
    assert (outage.label, outage.severity) == ("INC-1", "full")
    assert outage.end is not None
    assert outage.end - outage.start == dt.timedelta(minutes=31)


def test_plain_dicts_of_text_count_lines_after_a_header() -> None:
    table = CsvRows([{"start": "2026-11-04T02:10Z", "end": "2026-11-04T02:10"}], "x.csv")
    with pytest.raises(NaiveDatetimeError, match=r"'x.csv' line 2: 'end' '2026-11-04T02:10'"):
        read_incidents(table)


@pytest.mark.parametrize(
    ("text", "error", "needle"),
    [
        ("", MissingColumnError, "'log.csv' is empty; write a header 'start,end,severity,label'"),
        ("begin,end\n", MissingColumnError, "'log.csv' has no 'start' column (header: 'begin"),
        ("start,end\n2026-11-04T02:10Z\n", ColumnTypeError, "line 2 has 1 fields, the header 2"),
        ("start,end\n\n2026-11-04T02:10Z,x,y\n", ColumnTypeError, "line 3 has 3 fields"),
        ("start,end\nyesterday,\n", InvalidDateError, "line 2: 'start' 'yesterday' is not an"),
        ("start,end\n,2026-11-04T02:10Z\n", ColumnTypeError, "'start' of the incidents is empty"),
        ("start,end\n2026-11-04T02:41Z,2026-11-04T02:10Z\n", InvalidIntervalError, "line 2: "),
    ],
)
def test_incident_errors_name_the_file_and_line(
    text: str, error: type[Exception], needle: str
) -> None:
    with pytest.raises(error) as info:
        read_incidents(rows(text))
    assert needle in str(info.value)


def test_windows_from_csv_and_their_errors() -> None:
    windows = rows("start,end,label\n2026-11-01T02:00+01:00,2026-11-01T03:30+01:00,Patches\n")
    report = availability_report(
        [], "99.9%", ["2026-11"], maintenance=windows, maintenance_mode="exclude"
    )
    assert report.rows[0].eligible == dt.timedelta(days=30) - dt.timedelta(minutes=90)
    with pytest.raises(ColumnTypeError, match=r"empty in 'log\.csv' line 2; a window needs an end"):
        read_windows(rows("start,end\n2026-11-01T02:00Z,\n"))
    with pytest.raises(InvalidIntervalError, match="line 2: the window ends at"):
        read_windows(rows("start,end\n2026-11-01T02:00Z,2026-11-01T01:00Z\n"))
    with pytest.raises(ColumnTypeError, match="not an incident table"):
        read_incidents([(dt.datetime(2026, 11, 1, tzinfo=dt.UTC), None)])
