"""The generic readers: long and wide tables, value maps, zones, output forms, progress."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from slacalc.policy import default_policy
from slacalc.reports import analyze_tickets
from slacalc.sources import (
    EVENT_COLUMNS,
    read_long,
    read_wide,
    records_of,
    status_name,
)
from tests.sources.conftest import fixture

CPH = ZoneInfo("Europe/Copenhagen")
WIDE = {
    "ticket_id": "Sag",
    "created": "Oprettet",
    "priority": "Prioritet",
    "first_reply": "Første svar",
    "resolved": "Løst",
}


def test_semicolon_csv_with_danish_headers_and_naive_times() -> None:
    events = read_wide(
        fixture("generic_wide_semicolon.csv"),
        columns=WIDE,
        severity_map={"Høj": "high", "Kritisk": "critical"},
        tz="Europe/Copenhagen",
    )
    assert list(events.columns) == list(EVENT_COLUMNS)
    assert str(events["at"].dtype) == "datetime64[us, Europe/Copenhagen]"
    assert list(events["kind"]) == ["opened", "reply", "resolved", "opened", "reply"]
    report = analyze_tickets(events, default_policy())
    first = next(r for r in report.rows if r.ticket_id == "4711" and r.metric == "response")
    assert (first.result, first.elapsed) == ("met", dt.timedelta(minutes=40))


def test_long_csv_round_trip() -> None:
    events = read_long(fixture("generic_long.csv"))
    report = analyze_tickets(events, default_policy())
    resolution = next(r for r in report.rows if r.metric == "resolution")
    # 09:00-15:00 Copenhagen, waiting 10:00-13:00: 3h of business time.
    assert resolution.elapsed == dt.timedelta(hours=3)


def test_status_columns_of_a_wide_table() -> None:
    rows = [
        {
            "id": 1,
            "created": "2026-03-02T09:00+01:00",
            "priority": "high",
            "Pending since": "2026-03-02T10:00+01:00",
            "Open again": "2026-03-02T11:00+01:00",
        }
    ]
    events = read_wide(
        rows,
        columns={"ticket_id": "id"},
        status_columns={"waiting": "Pending since", "open": "Open again"},
        as_frame=False,
    )
    assert [(e["kind"], e.get("status")) for e in events] == [
        ("opened", None),
        ("status", "waiting"),
        ("status", "open"),
    ]


def test_records_of_groups_events_for_evaluate() -> None:
    events = read_long(fixture("generic_long.csv"))
    by_ticket = records_of(events)
    status = default_policy().evaluate(
        by_ticket["4711"], at=dt.datetime(2026, 3, 2, 16, tzinfo=CPH)
    )
    assert status.metrics["resolution"].elapsed == dt.timedelta(hours=3)


def test_without_pandas_the_readers_give_dicts(monkeypatch: pytest.MonkeyPatch) -> None:
    import slacalc._present.frames as frames

    monkeypatch.setattr(frames, "pandas", lambda: None)
    events = read_long(fixture("generic_long.csv"))
    assert isinstance(events, list)
    assert events[0] == {
        "ticket_id": "4711",
        "kind": "opened",
        "at": dt.datetime(2026, 3, 2, 9, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        "severity": "high",
    }
    with pytest.raises(ModuleNotFoundError, match="pandas"):
        read_long(fixture("generic_long.csv"), as_frame=True)


def test_status_map_and_severity_map_match_raw_or_normalised_names() -> None:
    rows = [
        {"ticket_id": 1, "at": "2026-03-02T09:00Z", "kind": "opened", "severity": "URGENT"},
        {"ticket_id": 1, "at": "2026-03-02T09:10Z", "status": "On Hold"},
    ]
    events = read_long(
        rows, severity_map={"urgent": "critical"}, status_map={"on_hold": "waiting"}, as_frame=False
    )
    assert [e.get("severity") or e.get("status") for e in events] == ["critical", "waiting"]


def test_reader_progress_counts_rows() -> None:
    seen: list[tuple[int, int]] = []
    read_long(fixture("generic_long.csv"), progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 5)
    assert seen[-1] == (5, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Waiting for customer", "waiting_for_customer"),
        (" On-Hold ", "on_hold"),
        ("hold", "hold"),
        ("Escalated!", "escalated"),
    ],
)
def test_status_name(text: str, expected: str) -> None:
    assert status_name(text) == expected


# -- a long table and the equivalent wide table give the same events -------------------------------

_T0 = dt.datetime(2026, 3, 2, 8, tzinfo=dt.UTC)
_minutes = st.integers(min_value=1, max_value=3000)


@st.composite
def _tickets(draw: st.DrawFn) -> list[dict[str, object]]:
    """Tickets as wide rows: created, priority, and optional later milestones."""
    out = []
    for ticket in range(draw(st.integers(min_value=1, max_value=6))):
        created = _T0 + dt.timedelta(minutes=draw(_minutes))
        row: dict[str, object] = {
            "ticket_id": ticket,
            "created": created,
            "priority": draw(st.sampled_from(["high", "low"])),
        }
        at = created
        for column in ("first_reply", "waiting", "resolved", "closed"):
            row[column] = None  # an empty cell: no event
            if draw(st.booleans()):
                at = at + dt.timedelta(minutes=draw(_minutes))
                row[column] = at
        out.append(row)
    return out


def _long(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """The long table of the same tickets."""
    out: list[dict[str, object]] = []
    for row in rows:
        t = row["ticket_id"]
        out.append(
            {"ticket_id": t, "at": row["created"], "kind": "opened", "severity": row["priority"]}
        )
        if row["first_reply"] is not None:
            out.append(
                {
                    "ticket_id": t,
                    "at": row["first_reply"],
                    "kind": "reply",
                    "author": "agent",
                    "public": "true",
                }
            )
        if row["waiting"] is not None:
            out.append({"ticket_id": t, "at": row["waiting"], "status": "waiting"})
        for kind in ("resolved", "closed"):
            if row[kind] is not None:
                out.append({"ticket_id": t, "at": row[kind], "kind": kind})
    return out[::-1]  # the order of the rows does not matter within a ticket's time order


@given(_tickets())
def test_long_and_wide_tables_give_the_same_events(rows: list[dict[str, object]]) -> None:
    wide = read_wide(rows, status_columns={"waiting": "waiting"}, as_frame=False)
    long = read_long(_long(rows), as_frame=False)
    key = lambda e: (e["ticket_id"], e["at"], e["kind"])  # noqa: E731
    assert sorted(wide, key=key) == sorted(long, key=key)


def test_a_dataframe_blank_lines_and_public_words(tmp_path: object) -> None:
    import pandas as pd

    frame = pd.DataFrame(
        [
            {
                "ticket_id": 1,
                "at": pd.Timestamp("2026-03-02 09:00", tz="UTC"),
                "kind": "opened",
                "severity": "high",
                "author": None,
                "public": None,
            },
            {
                "ticket_id": 1,
                "at": pd.Timestamp("2026-03-02 09:30", tz="UTC"),
                "kind": "reply",
                "severity": None,
                "author": "Agent",
                "public": False,
            },
            {
                "ticket_id": 1,
                "at": pd.Timestamp("2026-03-02 09:40", tz="UTC"),
                "kind": "reply",
                "severity": None,
                "author": "agent",
                "public": "internal",
            },
        ]
    )
    events = read_long(frame, as_frame=False)
    assert [(e["kind"], e.get("author"), e.get("public")) for e in events] == [
        ("opened", None, None),
        ("reply", "agent", False),
        ("reply", "agent", False),
    ]
    blank = Path(str(tmp_path)) / "blank.csv"
    text = Path(fixture("generic_long.csv")).read_text(encoding="utf-8")
    blank.write_text(
        text.replace("\n4711,2026-03-02T09:40", "\n\n,,,,,,\n4711,2026-03-02T09:40"),
        encoding="utf-8",
    )
    assert read_long(str(blank), as_frame=False) == read_long(
        fixture("generic_long.csv"), as_frame=False
    )
    assert len(read_long(str(blank), errors="collect").rejected) == 0


def test_vendor_changes_of_priority() -> None:
    from slacalc.sources import read_erpnext, read_freshdesk_activities

    versions = {
        "data": [
            {
                "ref_doctype": "Issue",
                "docname": "I-1",
                "creation": "2026-03-02 10:00:00",
                "data": '{"changed": [["priority", "Low", "High"]]}',
            }
        ]
    }
    events = read_erpnext(
        {"data": [{"name": "I-1", "creation": "2026-03-02 09:00:00", "priority": "High"}]},
        versions,
        tz="UTC",
        as_frame=False,
    )
    assert [(e["kind"], e.get("severity")) for e in events] == [
        ("opened", "low"),
        ("severity_changed", "high"),
    ]
    activities = {
        "activities_data": [
            {
                "ticket_id": 5,
                "performed_at": "2026-03-02T09:00Z",
                "activity": {
                    "new_ticket": True,
                    "priority": "Low",
                    "status": "Waiting on Customer",
                },
            },
            {"ticket_id": 5, "performed_at": "2026-03-02T10:00Z", "activity": {"priority": "High"}},
        ]
    }
    events = read_freshdesk_activities(activities, as_frame=False)
    assert [(e["kind"], e.get("severity"), e.get("status")) for e in events] == [
        ("opened", "low", "waiting_on_customer"),
        ("severity_changed", "high", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-02T09:00:00.000+0100", "2026-03-02T09:00:00+01:00"),  # Jira's REST API
        ("02/Mar/26 9:05 PM", "2026-03-02T21:05:00+01:00"),  # Jira's CSV export
        ("02/Mar/2026 9:05 AM", "2026-03-02T09:05:00+01:00"),
        ("02-03-2026 09:05:00 +0000", "2026-03-02T09:05:00+00:00"),  # Freshdesk activities
        ("2026-03-02 09:05:00.123456", "2026-03-02T09:05:00.123456+01:00"),  # Frappe
    ],
)
def test_vendor_time_formats(text: str, expected: str) -> None:
    (event,) = read_long([{"ticket_id": 1, "at": text, "kind": "closed"}], tz=CPH, as_frame=False)
    assert event["at"].isoformat() == expected
