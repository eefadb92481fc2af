"""The replay's quick paths agree with its general path, figure for figure.

A strict list of plain verbs is ordered without the general reader, a cycle without
pauses is measured with two calendar questions and one whose pauses leave it within
its target with one more per pause. Asking for a timeline, or replaying leniently,
takes the general path (the interval algebra, the general reader); the figures must
be the same. Tables are grouped by ticket with one sort; a list of records is grouped
row by row: the reports must be the same. A table whose rows are plain verbs is replayed
from the verbs, without event records, and its tickets' events are made when read: the
report must be the one the general reader and replay give.
"""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Mapping
from dataclasses import replace
from typing import Any
from unittest.mock import patch
from zoneinfo import ZoneInfo

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from slacalc._time import to_us
from slacalc.reports import TicketOutcomes, analyze_tickets
from slacalc.reports import _outcomes as outcomes_module
from slacalc.reports._input import Tickets, read_tickets
from slacalc.timers import (
    ClockRules,
    Escalation,
    MetricDefinition,
    SeverityTargets,
    TicketEvent,
    WarningThreshold,
)
from slacalc.timers._events import plain_verbs
from tests.properties.test_timer_properties import BASE, NAMES, SEVERITIES, modes, tickets

M = dt.timedelta(minutes=1)
WATCHED = tuple(
    SeverityTargets(
        s.name,
        s.calendar,
        response=s.response,
        resolution=s.resolution,
        next_response=s.next_response,
        periodic_update=s.periodic_update,
        warnings=(
            WarningThreshold(percent="50%"),
            WarningThreshold(before="20m", measured_in="calendar"),
        ),
        escalations=(Escalation(level=2, after="1h"), Escalation(level=3, after="3h")),
    )
    for s in SEVERITIES
)


@given(tickets(), modes, st.booleans(), st.booleans(), st.integers(-3000, 6000))
def test_quick_paths_give_the_general_paths_figures(
    events: list[dict[str, Any]],
    options: dict[str, str],
    at_close: bool,
    watched: bool,
    later: int,
) -> None:
    severities = WATCHED if watched else SEVERITIES
    rules = ClockRules(severities, deadline_at_close=at_close, **options)  # type: ignore[arg-type]
    at = events[-1]["at"] + later * M
    quick = rules.evaluate(events, at=at)
    assert quick == rules.evaluate(events, at=at, timeline=True)
    assert quick == rules.evaluate(events, at=at, history="lenient")
    records = [TicketEvent(e["kind"], e["at"], e.get("severity")) for e in events]
    assert quick == rules.evaluate(records, at=at)


@st.composite
def tables(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Rows of several tickets, interleaved, some at the same instant as others."""
    rows: list[dict[str, Any]] = []
    for ticket in draw(st.lists(st.integers(1, 40), min_size=1, max_size=6, unique=True)):
        rows += [{"ticket_id": ticket, "severity": None, **e} for e in draw(tickets())]
    order = draw(st.permutations(range(len(rows))))
    # Shuffle whole tickets' rows among each other, keeping each ticket's own order.
    by_ticket: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        by_ticket.setdefault(row["ticket_id"], []).append(row)
    queue = [row["ticket_id"] for row in (rows[i] for i in order)]
    return [by_ticket[t].pop(0) for t in queue]


@given(tables())
def test_a_table_reads_like_its_records(rows: list[dict[str, Any]]) -> None:
    rules = ClockRules(SEVERITIES)
    frame = pd.DataFrame(rows)
    frame["at"] = pd.to_datetime(frame["at"], utc=True).dt.tz_convert("Europe/Copenhagen")
    from_frame = analyze_tickets(frame, rules, errors="collect")
    from_records = analyze_tickets(frame.to_dict("records"), rules, errors="collect")
    assert [t.ticket_id for t in from_frame.tickets] == [t.ticket_id for t in from_records.tickets]
    for a, b in zip(from_frame.tickets, from_records.tickets, strict=True):
        assert a.events == b.events
        assert [e.at.isoformat() for e in a.events] == [e.at.isoformat() for e in b.events]
        assert a.status == b.status
    assert from_frame.rejected == from_records.rejected
    assert NAMES  # the severities the tickets draw from


#: Clocks that look at the ticket's state, so the replay tracks it event by event:
#: paused while waiting or under one severity, cancelled while waiting, reset by a
#: severity change, one that starts after another, one that counts every cycle anew.
STATEFUL = (
    MetricDefinition(
        "to_assist", ["opened", "reopened"], ["resolved"], pause_on=["status: waiting"]
    ),
    MetricDefinition(
        "to_settle",
        ["opened"],
        ["resolved"],
        cancel_on=["status: waiting"],
        reset_on=["severity_changed"],
        pause_on=[],
    ),
    MetricDefinition("to_weigh", ["opened"], ["closed"], pause_on=[f"severity: {NAMES[0]}"]),
    MetricDefinition("to_follow", ["customer_replied"], ["responded"], after="response"),
    MetricDefinition("each_reply", ["customer_replied"], ["responded"], recurrence="each"),
)


@given(tickets(), modes, st.integers(-3000, 6000), st.booleans(), st.booleans())
def test_plain_verbs_read_quickly_give_the_general_readers_status(
    events: list[dict[str, Any]],
    options: dict[str, str],
    later: int,
    stateful: bool,
    closed: bool,
) -> None:
    severities = tuple(
        replace(
            s,
            targets=(*s.targets, *((m.name, 90 * M) for m in STATEFUL)),
        )
        for s in SEVERITIES
    )
    rules = ClockRules(
        severities if stateful else SEVERITIES,
        metrics=STATEFUL if stateful else (),
        **options,  # type: ignore[arg-type]
    )
    if closed:
        last = events[-1]["at"]
        events = [*events, {"kind": "closed", "at": last + 5 * M}]
    at = events[-1]["at"] + later * M
    quick = rules.evaluate(events, at=at)
    # A row with an attribute the quick reader does not take (an empty custom field)
    # sends the whole list down the general path: the same status, metric by metric.
    general = [*events[:-1], {**events[-1], "fields": {}}]
    slow = rules.evaluate(general, at=at)
    assert quick == slow
    assert dict(quick.metrics) == dict(slow.metrics)
    rows = [{"ticket_id": 5, **e} for e in events]
    assert rules.evaluate(rows, at=at, extra="ignore") == quick


#: What a messy export holds besides valid histories: rows the replay refuses (a
#: resume without a pause, a second resolve), a severity the rules do not define, and
#: rows no event can be made of (an ``opened`` without a severity, a severity on a verb
#: that takes none, a kind that is no verb).
ODD_ROWS: st.SearchStrategy[dict[str, Any]] = st.sampled_from(
    [
        {"kind": "resumed"},
        {"kind": "resolved"},
        {"kind": "reopened"},
        {"kind": "opened", "severity": NAMES[1]},
        {"kind": "severity_changed", "severity": "zz"},
        {"kind": "opened", "severity": None},
        {"kind": "responded", "severity": NAMES[0]},
        {"kind": "escalated"},
    ]
)


@st.composite
def exports(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Rows of several tickets, some with an odd row at the same or a later instant."""
    rows: list[dict[str, Any]] = []
    for ticket in draw(st.lists(st.integers(1, 40), min_size=1, max_size=5, unique=True)):
        events = draw(tickets())
        if draw(st.integers(0, 2)) == 0:
            at = events[draw(st.integers(0, len(events) - 1))]["at"]
            odd = {"severity": None, **draw(ODD_ROWS)}
            events.append({**odd, "at": at + draw(st.sampled_from([0, 0, 30, 600])) * M})
        rows += [{"ticket_id": ticket, "severity": None, **e} for e in events]
    return draw(st.permutations(rows))


def _same_reports(quick: TicketOutcomes, general: TicketOutcomes) -> None:
    """Two reports alike in everything a reader sees: tickets, events, rows, reprs."""
    assert quick.rejected == general.rejected
    assert [t.ticket_id for t in quick.tickets] == [t.ticket_id for t in general.tickets]
    for a, b in zip(quick.tickets, general.tickets, strict=True):
        assert repr(a) == repr(b)
        assert (a.at, a.at.isoformat(), a.at.tzinfo) == (b.at, b.at.isoformat(), b.at.tzinfo)
        assert a.status == b.status
        assert a.events == b.events
        assert [e.at.isoformat() for e in a.events] == [e.at.isoformat() for e in b.events]
        assert a == b
    assert quick.rows == general.rows
    assert [repr(r) for r in quick.rows] == [repr(r) for r in general.rows]
    assert quick.to_records() == general.to_records()


@given(
    exports(),
    modes,
    st.sampled_from(["Europe/Copenhagen", "UTC", "America/New_York"]),
    st.none() | st.integers(-600, 14 * 24 * 60),
    st.booleans(),
)
def test_a_table_of_plain_verbs_is_replayed_as_the_general_path_replays_it(
    rows: list[dict[str, Any]],
    options: dict[str, str],
    zone: str,
    later: int | None,
    mixed: bool,
) -> None:
    # Tickets read as plain verbs are replayed without event records; read_tickets
    # patched in for the quick reader sends every ticket down the general path.
    rules = ClockRules(SEVERITIES, **options)  # type: ignore[arg-type]
    at = None if later is None else BASE + later * M
    frame = pd.DataFrame(rows)
    frame["at"] = pd.to_datetime(frame["at"], utc=True).dt.tz_convert(zone)
    # Records may mix zones, every other one in UTC; their events are then shown in UTC.
    zones = [ZoneInfo(zone), dt.UTC if mixed else ZoneInfo(zone)]
    records = [{**r, "at": r["at"].astimezone(zones[i % 2])} for i, r in enumerate(rows)]
    for table in (frame, records):
        quick = analyze_tickets(table, rules, at, errors="collect")
        with patch.object(outcomes_module, "read_plain_tickets", general_reader):
            general = analyze_tickets(table, rules, at, errors="collect")
        _same_reports(quick, general)
        # Pickled before its events are read, an outcome is the same when it comes back.
        again = analyze_tickets(table, rules, at, errors="collect")
        assert pickle.loads(pickle.dumps(again)).tickets == general.tickets


def general_reader(tickets: object, columns: Mapping[str, str] | None) -> Tickets:
    """The general reader in the quick reader's place: every ticket as event records."""
    return read_tickets(tickets, columns)


ZONES = ("UTC", "Europe/Copenhagen", "America/New_York", "Asia/Kathmandu")


@given(
    tickets(),
    modes,
    st.sampled_from(ZONES),
    st.lists(st.integers(0, 999), min_size=13, max_size=13),
    st.integers(-3000, 6000),
)
def test_rows_from_a_dataframe_are_replayed_as_their_datetimes_are(
    events: list[dict[str, Any]],
    options: dict[str, str],
    zone: str,
    nanoseconds: list[int],
    later: int,
) -> None:
    """``DataFrame.to_dict("records")`` rows hold pandas Timestamps, NaN for a missing
    severity and a ticket id: they take the quick reader and give the status the same
    events as datetimes give, the part of an instant below a microsecond dropped."""
    rules = ClockRules(SEVERITIES, **options)  # type: ignore[arg-type]
    at = events[-1]["at"] + later * M
    rows = [
        {
            "ticket_id": 7,
            "kind": e["kind"],
            "at": pd.Timestamp(e["at"]).tz_convert(zone) + pd.Timedelta(nanoseconds=ns),
            "severity": e.get("severity", float("nan")),
        }
        for e, ns in zip(events, nanoseconds, strict=False)
    ]
    read = plain_verbs(list(rows), "ignore")
    assert read is not None
    assert [x for x, *_ in read] == sorted(to_us(e["at"]) for e in events)
    status = rules.evaluate(rows, at=pd.Timestamp(at), extra="ignore")
    assert status == rules.evaluate(events, at=at)
    assert status == rules.evaluate(rows, at=at, extra="ignore", timeline=True)
