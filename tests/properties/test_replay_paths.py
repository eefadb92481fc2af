"""The replay's quick paths agree with its general path, figure for figure.

A strict list of plain verbs is ordered without the general reader, a cycle without
pauses is measured with two calendar questions and one whose pauses leave it within
its target with one more per pause. Asking for a timeline, or replaying leniently,
takes the general path (the interval algebra, the general reader); the figures must
be the same. Tables are grouped by ticket with one sort; a list of records is grouped
row by row: the reports must be the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from slacalc.reports import analyze_tickets
from slacalc.timers import (
    ClockRules,
    Escalation,
    MetricDefinition,
    SeverityTargets,
    TicketEvent,
    WarningThreshold,
)
from tests.properties.test_timer_properties import NAMES, SEVERITIES, modes, tickets

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
