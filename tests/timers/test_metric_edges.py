"""The edges of metric definitions: state conditions, resets, retroactive starts, timelines.

Every expected figure is worked out by hand next to the case (24x7 calendars in UTC, so
business time is clock time).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from slacalc._intervals import Intervals
from slacalc.calendar import BusinessCalendar
from slacalc.errors import InvalidOptionError, TicketEventError
from slacalc.timers import (
    ClockRules,
    MetricDefinition,
    SeverityTargets,
    StatusCategory,
    TicketEvent,
    _replay,
)

UTC = dt.UTC
M = dt.timedelta(minutes=1)
T0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
ALWAYS = BusinessCalendar.always("UTC")
STATUSES: dict[str, StatusCategory] = {
    "open": "open",
    "pending": "waiting",
    "solved": "resolved",
    "closed": "closed",
}


def _at(minutes: int) -> dt.datetime:
    return T0 + minutes * M


def _rules(*metrics: MetricDefinition, **kw: Any) -> ClockRules:
    severities = [
        SeverityTargets("p1", ALWAYS, response="1h", targets=kw.pop("targets", {})),
        SeverityTargets("p2", ALWAYS, response="2h"),
    ]
    return ClockRules(severities, metrics=metrics, statuses=STATUSES, **kw)


def test_assignment_and_severity_as_states() -> None:
    # Unassigned time pauses; a clock is cancelled once the ticket is p2.
    waiting = MetricDefinition("assigned_work", ["opened"], ["resolved"], pause_on=["unassigned"])
    owned = MetricDefinition("owned_gap", ["opened"], ["resolved"], pause_on=["assigned"])
    urgent = MetricDefinition("urgent_only", ["opened"], ["resolved"], cancel_on=["severity: p2"])
    rules = _rules(waiting, owned, urgent)
    events = [
        {"kind": "opened", "at": T0, "severity": "p1"},
        {"kind": "assigned", "at": _at(10), "assignee": "ann"},
        {"kind": "assigned", "at": _at(30), "assignee": None},
        {"kind": "severity_changed", "at": _at(40), "severity": "p2"},
    ]
    status = rules.evaluate(events, at=_at(60))
    # assigned 09:10-09:30 only: 20 min; unassigned 09:00-09:10 and 09:30-10:00: 40 min
    assert status.metrics["assigned_work"].elapsed == 20 * M
    assert status.metrics["owned_gap"].elapsed == 40 * M
    assert (status.metrics["urgent_only"].phase, status.metrics["urgent_only"].elapsed) == (
        "cancelled",
        40 * M,
    )


def test_a_reset_while_resolved_starts_nothing() -> None:
    gap = MetricDefinition(
        "contact_gap", ["opened"], ["closed"], pause_on=[], reset_on=["reply by customer"],
        recurrence="each",
    )  # fmt: skip
    rules = _rules(gap)
    events = [
        {"kind": "opened", "at": T0, "severity": "p1"},
        {"kind": "resolved", "at": _at(20)},
        {"kind": "reply", "at": _at(30), "author": "customer"},  # resets, but resolved
    ]
    cycles = rules.evaluate(events, at=_at(60)).metrics["contact_gap"].cycles
    assert [(c.phase, c.elapsed) for c in cycles] == [("met", 30 * M)]


def test_once_means_once_after_a_reopen() -> None:
    once = MetricDefinition("first_fix", ["opened", "reopened"], ["resolved"], pause_on=[])
    rules = _rules(once)
    events = [
        {"kind": "opened", "at": T0, "severity": "p1"},
        {"kind": "resolved", "at": _at(20)},
        {"kind": "reopened", "at": _at(30)},
    ]
    cycles = rules.evaluate(events, at=_at(60)).metrics["first_fix"].cycles
    assert [(c.phase, c.elapsed) for c in cycles] == [("met", 20 * M)]


def test_a_retroactive_start_field_that_is_no_instant_is_ignored() -> None:
    late = MetricDefinition("restore", ["opened"], ["resolved"], start_from="reported_at")
    rules = _rules(late, fields=["reported_at"])
    events = [
        {"kind": "opened", "at": T0, "severity": "p1", "fields": {"reported_at": "yesterday"}}
    ]
    clock = rules.evaluate(events, at=_at(10)).metrics["restore"]
    assert clock.started_at == T0


def test_fields_cleared_and_status_repeated() -> None:
    clock = MetricDefinition("typed", ["opened"], ["resolved"], pause_on=["field: kind = question"])
    rules = _rules(clock, fields=["kind"])
    events = [
        {"kind": "opened", "at": T0, "severity": "p1", "fields": {"kind": "question"}},
        {"kind": "field_changed", "at": _at(10), "fields": {"kind": None}},  # cleared
        {"kind": "status", "at": _at(20), "status": "solved"},
        {"kind": "status", "at": _at(25), "status": "solved"},  # already solved: no change
    ]
    status = rules.evaluate(events, at=_at(30))
    assert status.metrics["typed"].elapsed == 10 * M  # paused 09:00-09:10, then 10 min
    assert status.phase == "resolved"


def test_the_timeline_names_a_helpdesks_events() -> None:
    # What each kind of event does to a clock, as the timeline words it.
    clock = MetricDefinition("worked", ["opened"], ["resolved"], pause_on=["pending"])
    rules = _rules(clock, fields=["tier"])
    status = rules.evaluate(
        [
            {"kind": "opened", "at": T0, "severity": "p1"},
            {"kind": "paused", "at": _at(25)},
            {"kind": "status", "at": _at(30), "status": "open"},
        ],
        at=_at(40),
        timeline=True,
    )
    current = status.metrics["worked"].current
    assert current is not None
    assert current.timeline is not None
    text = " | ".join(s.rule for s in current.timeline.segments)
    assert "this clock pauses only as its pause_on says" in text
    assert "status open" in text
    assert current.elapsed == 35 * M  # 09:00-09:25 and 09:30-09:40
    ctx = _replay._Context(
        rules, rules.plan.severities, _replay._History(), 0, Intervals(), rules.compiled["worked"]
    )
    said = {
        "reply": ({"author": "agent", "public": False}, "internal reply by agent"),
        "assigned": ({"assignee": "ann"}, "assigned to ann"),
        "group_changed": ({"group": "L2"}, "moved to group L2"),
        "field_changed": ({"fields": {"tier": "gold"}}, "fields set: tier"),
    }
    for kind, (attributes, words) in said.items():
        event = TicketEvent(kind, T0, **attributes)  # type: ignore[arg-type]
        assert _replay._describe(event, ctx, "p1") == words
    unassigned = TicketEvent("assigned", T0)
    assert _replay._describe(unassigned, ctx, "p1") == "unassigned"


def test_deadline_at_close_with_a_pause_and_a_severity_change() -> None:
    office = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
    rules = ClockRules(
        [
            SeverityTargets("p1", office, response="2h", resolution="4h"),
            SeverityTargets("p2", office, response="3h", resolution="4h"),
        ],
        deadline_at_close=True,
    )
    monday = dt.datetime(2026, 11, 30, 13, 0, tzinfo=UTC)
    events = [
        {"kind": "opened", "at": monday, "severity": "p1"},
        {"kind": "paused", "at": monday + 30 * M},
        {"kind": "resumed", "at": monday + 60 * M},
    ]
    # resolution 4 h: 13:00-13:30 + 14:00-17:00 = 3 h 30 min by the close; 30 min left.
    status = rules.evaluate(events, at=monday + 4 * 60 * M)
    assert status.resolution.due == dt.datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    # response 2 h used up exactly at 15:30; with a pause it is judged on counted time:
    # 13:00-13:30 + 14:00-15:30 = 2 h, late from 15:30 + 1 µs.
    assert status.response.breached_at == monday + 150 * M + dt.timedelta(microseconds=1)
    # A severity change right at the close instant of an exact fit: p1's 2 h response
    # used up at 15:00 (13:00-15:00), the change to p2 (3 h) comes at 15:00.
    changed = [
        {"kind": "opened", "at": monday, "severity": "p1"},
        {"kind": "severity_changed", "at": monday + 120 * M, "severity": "p2"},
    ]
    status = rules.evaluate(changed, at=monday + 121 * M)
    assert status.response.elapsed == 121 * M
    assert not status.response.breached  # p2's 3 h are not used up


def test_wall_clock_holds_after_the_deadline_do_not_move_it() -> None:
    rules = ClockRules([SeverityTargets("p1", ALWAYS, response="1h")], pause_mode="add_wall_time")
    events = [
        {"kind": "opened", "at": T0, "severity": "p1"},
        {"kind": "paused", "at": _at(90)},  # after the 10:00 deadline
        {"kind": "resumed", "at": _at(100)},
    ]
    status = rules.evaluate(events, at=_at(120))
    assert status.response.breached_at == _at(60) + dt.timedelta(microseconds=1)


@pytest.mark.parametrize(
    ("event", "message"),
    [
        ({"kind": "opened", "at": T0, "severity": "p1", "status": 3}, "A status is a name"),
    ],
)
def test_more_bad_events(event: dict[str, Any], message: str) -> None:
    with pytest.raises(TicketEventError, match=message):
        TicketEvent(**event)


def test_fields_as_pairs_and_a_missing_field_map() -> None:
    made = TicketEvent("field_changed", T0, fields=(("a", 1),))
    assert made.field_map == {"a": 1}
    assert TicketEvent("opened", T0, severity="p1", fields=None).fields == ()  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("condition", "kind", "message"),
    [
        ("field: = x", "state", "names no field"),
    ],
)
def test_more_bad_conditions(condition: str, kind: str, message: str) -> None:
    pause = [condition] if kind == "state" else None
    with pytest.raises(InvalidOptionError, match=message):
        MetricDefinition("m", ["opened"], ["resolved"], pause_on=pause)


def test_plain_reply_conditions() -> None:
    clock = MetricDefinition("any_reply", ["opened"], ["reply"], pause_on=[])
    rules = _rules(clock)
    events = [
        {"kind": "opened", "at": T0, "severity": "p1"},
        {"kind": "reply", "at": _at(7), "author": "system"},
    ]
    assert rules.evaluate(events, at=_at(10)).metrics["any_reply"].elapsed == 7 * M


def test_a_status_event_out_of_the_table_ranks_as_a_resume() -> None:
    rules = _rules()
    events = [
        {"kind": "opened", "at": T0, "severity": "p1"},
        {"kind": "status", "at": _at(5), "status": "unknown"},
    ]
    status = rules.evaluate(events, at=_at(6), history="lenient")
    assert [c.action for c in status.corrections] == ["ignored"]


def test_metric_map_misses() -> None:
    status = _rules().evaluate([{"kind": "opened", "at": T0, "severity": "p1"}], at=T0)
    with pytest.raises(KeyError):
        status.metrics["nothing"]
    assert "first_response" in status.metrics
    assert status.metrics.get("nothing") is None
