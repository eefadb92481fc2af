"""Metric definitions over a helpdesk's state: statuses, replies, assignment, fields.

Every expected value is worked out by hand next to the case.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from slacalc.calendar import BusinessCalendar
from slacalc.errors import InvalidOptionError, TicketEventError
from slacalc.timers import (
    BUILTIN_METRICS,
    ClockRules,
    DueFromField,
    MetricDefinition,
    SeverityTargets,
    TicketEvent,
    builtin_metrics,
)

UTC = dt.UTC
M = dt.timedelta(minutes=1)
H = dt.timedelta(hours=1)
T0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # a Tuesday
ALWAYS = BusinessCalendar.always("UTC")
OFFICE = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
ZENDESK_STATUSES = {
    "new": "open",
    "open": "open",
    "pending": "waiting",
    "on_hold": "open",
    "solved": "resolved",
    "closed": "closed",
}


def _at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def _rules(*metrics: MetricDefinition, cal: BusinessCalendar = ALWAYS, **kw: Any) -> ClockRules:
    severity = SeverityTargets(
        "p1", cal, response="1h", resolution="8h", targets=kw.pop("targets", {})
    )
    return ClockRules([severity], metrics=metrics, **kw)


def test_a_first_response_that_does_not_pause_breaches_while_waiting() -> None:
    # 1 h first response, paused 09:10-11:00: with pause_on=[] the clock runs on, so
    # the hour is used at 10:00 and the breach is one microsecond later.
    events = [
        {"kind": "opened", "at": T0, "severity": "p1"},
        {"kind": "paused", "at": _at(10)},
        {"kind": "resumed", "at": _at(120)},
    ]
    before = _rules().evaluate(events, at=_at(150))
    assert before.response.elapsed == 40 * M  # 09:00-09:10 and 11:00-11:30
    assert not before.response.breached
    rules = _rules(builtin_metrics()[0].replace(pause_on=[]))
    after = rules.evaluate(events, at=_at(150))
    assert after.response.elapsed == 150 * M
    assert after.response.breached_at == _at(60) + dt.timedelta(microseconds=1)
    assert after.resolution.elapsed == 40 * M  # the resolution clock still pauses


def test_time_to_assign_stops_at_the_first_assignment() -> None:
    assign = MetricDefinition("time_to_assign", ["opened"], ["assigned"], pause_on=[])
    rules = _rules(assign, targets={"time_to_assign": "30m"})
    events = [
        {"kind": "opened", "at": T0, "severity": "p1"},
        {"kind": "reply", "at": _at(5), "author": "agent", "public": False},
        {"kind": "assigned", "at": _at(45), "assignee": "ann"},
    ]
    status = rules.evaluate(events, at=_at(60))
    clock = status.metrics["time_to_assign"]
    # 45 min against 30 min: late from 09:30:00.000001, stopped at 09:45.
    assert (clock.phase, clock.elapsed, clock.breached) == ("met", 45 * M, True)
    assert clock.breached_at == _at(30) + dt.timedelta(microseconds=1)
    assert clock.current is not None
    assert clock.current.stopped_at == _at(45)
    # the internal note is no response
    assert status.response.phase == "running"
    assert rules.metric_names == ("response", "resolution", "time_to_assign")


def test_a_metric_without_target_is_measured_and_never_breaches() -> None:
    assign = MetricDefinition("time_to_assign", ["opened"], ["assigned"])
    status = _rules(assign).evaluate([{"kind": "opened", "at": T0, "severity": "p1"}], at=_at(600))
    clock = status.metrics["time_to_assign"]
    assert (clock.phase, clock.elapsed, clock.target, clock.breached) == (
        "running",
        600 * M,
        None,
        False,
    )


def test_zendesk_agent_work_and_requester_wait_time() -> None:
    # Agent work time pauses on pending and on-hold; requester wait time only on pending.
    work = MetricDefinition(
        "agent_work_time", ["opened"], ["status: solved"], pause_on=["pending", "on_hold"]
    )
    wait = MetricDefinition("requester_wait_time", ["opened"], ["status: solved"], ["pending"])
    rules = _rules(work, wait, statuses=ZENDESK_STATUSES)
    events = [
        {"kind": "opened", "at": T0, "severity": "p1", "status": "new"},
        {"kind": "status", "at": _at(10), "status": "open"},
        {"kind": "status", "at": _at(30), "status": "pending"},  # 20 min counted so far
        {"kind": "status", "at": _at(90), "status": "open"},
        {"kind": "status", "at": _at(100), "status": "on_hold"},  # +10 min
        {"kind": "status", "at": _at(160), "status": "solved"},  # on hold 60 min
    ]
    status = rules.evaluate(events, at=_at(200))
    # work: 09:00-09:30 and 10:30-10:40 = 40 min; wait: 40 + 60 on hold = 100 min.
    assert status.metrics["agent_work_time"].elapsed == 40 * M
    assert status.metrics["requester_wait_time"].elapsed == 100 * M
    assert status.metrics["agent_work_time"].current.paused == 120 * M  # type: ignore[union-attr]
    assert status.phase == "resolved"
    # the built-in resolution clock pauses on the waiting category only: 100 min
    assert status.resolution.elapsed == 100 * M


def test_statuses_amount_to_the_verbs() -> None:
    rules = _rules(statuses=ZENDESK_STATUSES)
    verbs = [
        {"kind": "opened", "at": T0, "severity": "p1"},
        {"kind": "paused", "at": _at(10)},
        {"kind": "resumed", "at": _at(40)},
        {"kind": "responded", "at": _at(50)},
        {"kind": "resolved", "at": _at(70)},
        {"kind": "reopened", "at": _at(90)},
        {"kind": "closed", "at": _at(100)},
    ]
    statuses = [
        {"kind": "opened", "at": T0, "severity": "p1", "status": "new"},
        {"kind": "status", "at": _at(10), "status": "pending"},
        {"kind": "status", "at": _at(40), "status": "open"},
        {"kind": "reply", "at": _at(50), "author": "agent"},
        {"kind": "status", "at": _at(70), "status": "solved"},
        {"kind": "status", "at": _at(90), "status": "open"},
        {"kind": "status", "at": _at(100), "status": "closed"},
    ]
    a = rules.evaluate(verbs, at=_at(120))
    b = rules.evaluate(statuses, at=_at(120))
    assert a.cycles == b.cycles
    assert (a.phase, b.phase) == ("closed", "closed")
    # resolution: 09:00-09:10, 09:40-10:10, 10:30-10:40 = 50 min
    assert b.resolution.elapsed == 50 * M


def test_a_status_at_one_instant_with_verbs_takes_its_verbs_place() -> None:
    # PRECEDENCE: responded, resolved, closed, paused, resumed, ... A status takes the
    # place of the verb its category amounts to, wherever it stands in the list.
    rules = _rules(statuses=ZENDESK_STATUSES)
    opened = {"kind": "opened", "at": T0, "severity": "p1"}
    # Solved and closed at 10:00 in either order: solved (resolved) applies first, so
    # the ticket closes at 10:00 with 60 min of resolution used.
    for pair in (
        [{"kind": "status", "at": _at(60), "status": "solved"}, {"kind": "closed", "at": _at(60)}],
        [{"kind": "closed", "at": _at(60)}, {"kind": "status", "at": _at(60), "status": "solved"}],
    ):
        status = rules.evaluate([opened, *pair], at=_at(120))
        assert status.phase == "closed"
        assert status.resolution.stopped_at == _at(60)
        assert status.resolution.elapsed == 60 * M


def test_a_ticket_born_pending_starts_paused() -> None:
    rules = _rules(statuses=ZENDESK_STATUSES)
    events = [
        {"kind": "opened", "at": T0, "severity": "p1", "status": "pending"},
        {"kind": "status", "at": _at(30), "status": "open"},
    ]
    status = rules.evaluate(events, at=_at(60))
    assert status.response.elapsed == 30 * M
    assert rules.evaluate(events[:1], at=_at(20)).response.phase == "paused"


def test_a_ticket_born_closed_is_met_at_once() -> None:
    # Opened in a closed status: opened first, then closed, at one instant (as the two
    # events would be): every clock is met with nothing used (the alga-psa bug).
    rules = _rules(statuses=ZENDESK_STATUSES)
    one = rules.evaluate(
        [{"kind": "opened", "at": T0, "severity": "p1", "status": "closed"}], at=_at(60)
    )
    two = rules.evaluate(
        [
            {"kind": "opened", "at": T0, "severity": "p1"},
            {"kind": "status", "at": T0, "status": "closed"},
        ],
        at=_at(60),
    )
    assert one.phase == "closed"
    assert [(c.metric, c.phase, c.elapsed) for c in one.cycles] == [
        ("response", "met", dt.timedelta(0)),
        ("resolution", "met", dt.timedelta(0)),
    ]
    assert one.cycles == two.cycles


def test_cancel_condition_voids_the_running_cycle() -> None:
    # An OLA for the first line: assign within 30 min, void once the ticket leaves L1.
    ola = MetricDefinition(
        "l1_assign", ["opened"], ["assigned"], pause_on=[], cancel_on=["group: L2"]
    )
    rules = _rules(ola, targets={"l1_assign": "30m"})
    events = [
        {"kind": "opened", "at": T0, "severity": "p1", "group": "L1"},
        {"kind": "group_changed", "at": _at(20), "group": "L2"},
        {"kind": "assigned", "at": _at(50), "assignee": "bo"},
    ]
    clock = rules.evaluate(events, at=_at(60)).metrics["l1_assign"]
    assert (clock.phase, clock.elapsed, clock.breached) == ("cancelled", 20 * M, False)


def test_reset_ends_the_cycle_and_starts_another() -> None:
    # A clock between customer contacts: every public customer reply resets it.
    touch = MetricDefinition(
        "contact_gap",
        ["opened"],
        ["resolved"],
        pause_on=[],
        reset_on=["public reply by customer"],
        recurrence="each",
    )
    rules = _rules(touch)
    events = [
        {"kind": "opened", "at": T0, "severity": "p1"},
        {"kind": "reply", "at": _at(30), "author": "customer"},
        {"kind": "reply", "at": _at(45), "author": "customer", "public": False},
        {"kind": "reply", "at": _at(100), "author": "customer"},
    ]
    clock = rules.evaluate(events, at=_at(130)).metrics["contact_gap"]
    assert [(c.elapsed, c.phase) for c in clock.cycles] == [
        (30 * M, "met"),
        (70 * M, "met"),
        (30 * M, "running"),
    ]


def test_a_calendar_per_metric() -> None:
    # Business-hours severity, but its first response runs around the clock.
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
    severity = SeverityTargets(
        "p1", cal, response="1h", resolution="8h", calendars={"response": ALWAYS}
    )
    rules = ClockRules([severity])
    friday_evening = dt.datetime(2026, 12, 4, 20, 0, tzinfo=UTC)
    status = rules.evaluate(
        [{"kind": "opened", "at": friday_evening, "severity": "p1"}],
        at=friday_evening + 2 * H,
    )
    assert status.response.due == friday_evening + H
    # 8 business hours from Friday 20:00 are used up at Monday 17:00, the end of an open
    # interval, so the deadline is the next opening (slacalc's deadline rule).
    assert status.resolution.due == dt.datetime(2026, 12, 8, 9, 0, tzinfo=UTC)
    # The metric's own calendar wins over the severity's.
    named = MetricDefinition("response", ["opened"], ["responded", "resolved"], calendar=ALWAYS)
    assert (
        ClockRules([SeverityTargets("p1", cal, response="1h")], metrics=[named])
        .evaluate([{"kind": "opened", "at": friday_evening, "severity": "p1"}], at=friday_evening)
        .response.due
        == friday_evening + H
    )


def test_retroactive_start_from_a_field() -> None:
    # The incident was reported by phone at 08:30 and logged at 09:00.
    resolve = MetricDefinition("restore", ["opened"], ["resolved"], start_from="reported_at")
    rules = _rules(resolve, fields=["reported_at"], targets={"restore": "2h"})
    events = [
        {
            "kind": "opened",
            "at": T0,
            "severity": "p1",
            "fields": {"reported_at": T0 - 30 * M},
        },
    ]
    clock = rules.evaluate(events, at=_at(60)).metrics["restore"]
    assert clock.current is not None
    assert clock.current.started_at == T0 - 30 * M
    assert clock.due == _at(90)  # 08:30 + 2 h
    # A field later than the start event does not move the start forward.
    late = [{**events[0], "fields": {"reported_at": T0 + H}}]
    assert rules.evaluate(late, at=_at(60)).metrics["restore"].due == _at(120)


def test_first_and_full_resolution_side_by_side() -> None:
    severity = SeverityTargets(
        "p1", ALWAYS, response="1h", resolution="8h", targets={"first_resolution": "4h"}
    )
    rules = ClockRules([severity])
    events = [
        {"kind": "opened", "at": T0, "severity": "p1"},
        {"kind": "resolved", "at": _at(120)},
        {"kind": "reopened", "at": _at(300)},
        {"kind": "resolved", "at": _at(420)},
    ]
    status = rules.evaluate(events, at=_at(600))
    first = status.metrics["first_resolution"]
    # first resolution: 2 h, met; full resolution: 2 h + 2 h after the reopen = 4 h
    assert (first.phase, first.elapsed, first.breached) == ("met", 120 * M, False)
    assert (status.resolution.phase, status.resolution.elapsed) == ("met", 240 * M)
    assert len(first.cycles) == 1
    assert rules.metric_names == ("response", "resolution", "first_resolution")


def test_builtin_definitions_are_listed() -> None:
    assert [m.name for m in builtin_metrics()] == list(BUILTIN_METRICS)
    assert MetricDefinition("first_response", ["opened"], ["responded"]).name == "response"


def test_field_conditions() -> None:
    # A clock that runs only for incidents: cancelled when the type is a question.
    clock = MetricDefinition(
        "incident_restore",
        ["field: issue_type"],
        ["resolved"],
        pause_on=[],
        cancel_on=["field: issue_type = question"],
    )
    rules = _rules(clock, fields=["issue_type"])
    events = [
        {"kind": "opened", "at": T0, "severity": "p1"},
        {"kind": "field_changed", "at": _at(10), "fields": {"issue_type": "incident"}},
        {"kind": "field_changed", "at": _at(40), "fields": {"issue_type": "question"}},
    ]
    m = rules.evaluate(events, at=_at(60)).metrics["incident_restore"]
    assert (m.phase, m.elapsed) == ("cancelled", 30 * M)


# -- errors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"start_on": ["opened"], "stop_on": []}, "has no stop condition"),
        ({"start_on": [], "stop_on": ["resolved"]}, "has no start condition"),
        ({"start_on": "opened", "stop_on": ["resolved"]}, "is one string"),
        ({"start_on": ["opend"], "stop_on": ["resolved"]}, "Unknown condition 'opend'"),
        ({"start_on": ["reply by bot"], "stop_on": ["resolved"]}, "a reply is by one of"),
        ({"start_on": ["status:"], "stop_on": ["resolved"]}, "names nothing after ':'"),
        ({"start_on": ["status: a,"], "stop_on": ["resolved"]}, "has an empty name"),
        ({"start_on": ["field: x = 1"], "stop_on": ["resolved"]}, "compares a value"),
        ({"start_on": ["field: "], "stop_on": ["resolved"]}, "names nothing"),
        (
            {"start_on": ["opened"], "stop_on": ["resolved"], "cancel_on": ["field: x"]},
            "needs a value",
        ),
        (
            {"start_on": ["opened"], "stop_on": ["resolved"], "pause_on": ["on hold"]},
            "Unknown condition 'on hold'",
        ),
        (
            {"start_on": ["opened"], "stop_on": ["resolved"], "pause_on": ["colour: red"]},
            "Unknown condition 'colour: red'",
        ),
        (
            {"start_on": ["opened"], "stop_on": ["resolved"], "recurrence": "twice"},
            "unknown recurrence 'twice'",
        ),
        (
            {"start_on": ["opened"], "stop_on": ["resolved"], "pause_mode": "freeze"},
            "unknown pause mode 'freeze'",
        ),
        (
            {"start_on": ["opened"], "stop_on": ["resolved"], "calendar": "24x7"},
            "is not a BusinessCalendar",
        ),
        ({"start_on": [""], "stop_on": ["resolved"]}, "is not a condition"),
    ],
)
def test_bad_metric_definitions(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidOptionError, match=message):
        MetricDefinition("m", **kwargs)


def test_bad_metric_name() -> None:
    with pytest.raises(InvalidOptionError, match="non-empty string"):
        MetricDefinition(" ", ["opened"], ["resolved"])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"metrics": [MetricDefinition("m", ["status: solved"], ["resolved"])]},
            "unknown status 'solved'; the statuses are 'open', 'waiting'",
        ),
        (
            {"metrics": [MetricDefinition("m", ["opened"], ["field: due"])]},
            "unknown field 'due'; the declared fields are none",
        ),
        (
            {"metrics": [MetricDefinition("m", ["opened"], ["resolved"], start_from="x")]},
            "start_from='x' is not a declared field",
        ),
        (
            {"metrics": [MetricDefinition("m", ["opened"], ["resolved"], after="nope")]},
            "after='nope' names no metric",
        ),
        (
            {"metrics": [MetricDefinition("m", ["opened"], ["resolved"])] * 2},
            "defined twice",
        ),
        ({"metrics": ["m"]}, "is not a MetricDefinition"),
        ({"statuses": {"open": "open"}}, "has no 'resolved' status"),
        ({"statuses": {"open": "open", "done": "finished"}}, "unknown category 'finished'"),
        ({"statuses": {"open": "open", "a:b": "resolved"}}, "not a plain name"),
        ({"statuses": ["open"]}, "not a mapping"),
        ({"fields": [""]}, "field name must be a non-empty string"),
    ],
)
def test_bad_rules(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidOptionError, match=message):
        ClockRules([SeverityTargets("p1", ALWAYS, response="1h")], **kwargs)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"targets": {"response": "1h"}}, "goes in response="),
        ({"targets": {"a": "1h", "first_response": "2h"}}, "goes in response="),
        ({"targets": [("a", "1h"), ("a", "2h")]}, "names 'a' twice"),
        ({"targets": {1: "1h"}}, "is not a metric name"),
        ({"targets": 5}, "is not a mapping of metric names"),
        ({"targets": {"a": "-1h"}}, "not positive"),
        ({"calendars": {"response": "24x7"}}, "not a BusinessCalendar"),
    ],
)
def test_bad_severity_targets(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises((InvalidOptionError, ValueError), match=message):
        SeverityTargets("p1", ALWAYS, response="1h", **kwargs)


@pytest.mark.parametrize(
    ("event", "message"),
    [
        ({"kind": "status", "at": T0}, "needs a status"),
        ({"kind": "reply", "at": T0}, "needs an author"),
        ({"kind": "reply", "at": T0, "author": "bot"}, "Unknown author 'bot'"),
        ({"kind": "reply", "at": T0, "author": "agent", "public": "yes"}, "is not True or False"),
        ({"kind": "paused", "at": T0, "status": "pending"}, "takes no status"),
        ({"kind": "responded", "at": T0, "author": "agent"}, "takes no author"),
        ({"kind": "assigned", "at": T0, "assignee": ""}, "non-empty name"),
        ({"kind": "group_changed", "at": T0}, "needs a group"),
        ({"kind": "field_changed", "at": T0}, "needs fields"),
        ({"kind": "field_changed", "at": T0, "fields": ["x"]}, "is not a mapping"),
        ({"kind": "field_changed", "at": T0, "fields": {"": 1}}, "non-empty string"),
        ({"kind": "status", "at": T0, "status": 3}, "needs a status"),
    ],
)
def test_bad_events(event: dict[str, Any], message: str) -> None:
    with pytest.raises(TicketEventError, match=message):
        TicketEvent(**event)


def test_an_unknown_status_strictly_and_leniently() -> None:
    rules = _rules(statuses=ZENDESK_STATUSES)
    events = [
        {"kind": "opened", "at": T0, "severity": "p1"},
        {"kind": "status", "at": _at(5), "status": "escalated"},
    ]
    with pytest.raises(TicketEventError, match=r"Event 1 .*'escalated' is not in the status"):
        rules.evaluate(events, at=_at(10))
    status = rules.evaluate(events, at=_at(10), history="lenient")
    (fix,) = status.corrections
    assert (fix.index, fix.action) == (1, "ignored")


def test_lenient_drops_attributes_a_kind_does_not_take() -> None:
    rules = _rules()
    rows = [
        {"kind": "opened", "at": T0, "severity": "p1", "status": "open", "author": "agent"},
        {"kind": "responded", "at": _at(5), "status": "open", "author": "agent"},
    ]
    with pytest.raises(TicketEventError, match="takes no status"):
        rules.evaluate(rows, at=_at(10))
    status = rules.evaluate(rows, at=_at(10), history="lenient")
    assert [(c.index, c.action) for c in status.corrections] == [
        (1, "attribute_ignored"),
        (1, "attribute_ignored"),
    ]
    assert status.response.phase == "met"


# -- a deadline from a due-date field ---------------------------------------------------


def _due_rules() -> ClockRules:
    cal = BusinessCalendar("Mon-Fri 08:00-16:00", tz="UTC")
    severity = SeverityTargets("p3", cal, response="1h", resolution=DueFromField("due_at"))
    return ClockRules([severity], fields=["due_at"])


def test_breach_on_due_date_servicenow_example() -> None:
    # ServiceNowDocs c_SLADuration.md, relative duration "Breach on Due Date" on an
    # 08:00-16:00 schedule: due Wed 2017-01-11 20:30 -> breach at the next scheduled
    # time, Thu 2017-01-12 08:00 (slacalc's due is that instant, the breach 1 µs later).
    opened = dt.datetime(2017, 1, 9, 10, tzinfo=UTC)
    due = dt.datetime(2017, 1, 11, 20, 30, tzinfo=UTC)
    events = [{"kind": "opened", "at": opened, "severity": "p3", "fields": {"due_at": due}}]
    status = _due_rules().evaluate(events, at=dt.datetime(2017, 1, 12, 9, tzinfo=UTC))
    assert status.resolution.breached_at == dt.datetime(2017, 1, 12, 8, 0, 0, 1, tzinfo=UTC)


def test_a_due_date_set_later_and_moved() -> None:
    opened = dt.datetime(2026, 12, 1, 9, tzinfo=UTC)  # Tuesday
    events: list[dict[str, Any]] = [{"kind": "opened", "at": opened, "severity": "p3"}]
    rules = _due_rules()
    # no due date yet: measured, no target
    assert rules.evaluate(events, at=opened + H).resolution.target is None
    events.append({"kind": "field_changed", "at": opened + H, "fields": {"due_at": opened + 5 * H}})
    status = rules.evaluate(events, at=opened + 2 * H)
    assert status.resolution.due == opened + 5 * H  # Tue 14:00
    assert status.resolution.target == 5 * H
    # moved to Wednesday 10:00: 2 h left on Tuesday (14:00-16:00) + 2 h on Wednesday
    events.append(
        {
            "kind": "field_changed",
            "at": opened + 3 * H,
            "fields": {"due_at": dt.datetime(2026, 12, 2, 10, tzinfo=UTC)},
        }
    )
    status = rules.evaluate(events, at=opened + 4 * H)
    assert status.resolution.due == dt.datetime(2026, 12, 2, 10, tzinfo=UTC)
    assert status.resolution.target == 9 * H  # 09:00-16:00 Tue + 08:00-10:00 Wed
    # a pause of one business hour moves it one business hour later
    events.append({"kind": "paused", "at": opened + 4 * H})
    events.append({"kind": "resumed", "at": opened + 5 * H})
    status = rules.evaluate(events, at=opened + 6 * H)
    assert status.resolution.due == dt.datetime(2026, 12, 2, 11, tzinfo=UTC)


def test_due_from_field_needs_a_name() -> None:
    with pytest.raises(InvalidOptionError, match="needs the name of a datetime field"):
        DueFromField("")
    assert str(DueFromField("due_at")) == "due from field due_at"
