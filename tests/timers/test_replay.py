"""Replay semantics: precedence, odd starts, reopen modes, cycles, and the result fields."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

import pytest

from slacalc.calendar import BusinessCalendar
from slacalc.timers import (
    PRECEDENCE,
    BusinessDays,
    ClockRules,
    EventLike,
    SeverityTargets,
    TicketEvent,
    WarningThreshold,
    coerce_events,
)

UTC = dt.UTC
US = dt.timedelta(microseconds=1)
H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)
ALWAYS = BusinessCalendar.always("UTC")
T0 = dt.datetime(2026, 1, 5, 9, 0, tzinfo=UTC)  # a Monday


def ev(kind: str, when: dt.datetime, severity: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": kind, "at": when}
    if severity is not None:
        out["severity"] = severity
    return out


def rules(**options: Any) -> ClockRules:
    return ClockRules(
        (
            SeverityTargets(
                "p",
                ALWAYS,
                response="1h",
                resolution="8h",
                next_response="2h",
                periodic_update="4h",
            ),
            SeverityTargets("q", ALWAYS, response="4h"),
        ),
        **options,
    )


def test_precedence_is_documented_order() -> None:
    assert PRECEDENCE == (
        "opened",
        "severity_changed",
        "field_changed",
        "group_changed",
        "assigned",
        "responded",
        "resolved",
        "closed",
        "paused",
        "resumed",
        "reopened",
        "customer_replied",
    )


def test_same_instant_events_are_applied_in_precedence_then_input_order() -> None:
    events = [
        ev("customer_replied", T0),
        ev("paused", T0),
        ev("responded", T0),
        ev("opened", T0, "p"),
    ]
    assert [e.kind for _, e in coerce_events(events)] == [
        "opened",
        "responded",
        "paused",
        "customer_replied",
    ]


def test_ticket_opened_already_paused() -> None:
    # opened + paused at one instant: every clock starts paused and uses no time.
    s = rules().evaluate([ev("opened", T0, "p"), ev("paused", T0)], at=T0 + 5 * H)
    assert s.phase == "paused"
    assert (s.response.phase, s.response.elapsed, s.response.due) == (
        "paused",
        dt.timedelta(0),
        None,
    )
    assert s.response.due_if_resumed == T0 + 6 * H
    assert s.response.paused == 5 * H
    assert s.next_due is None
    assert s.next_breach_at is None


def test_ticket_opened_already_resolved() -> None:
    # opened + resolved at one instant: response and resolution met, nothing used.
    s = rules().evaluate([ev("resolved", T0), ev("opened", T0, "p")], at=T0 + H)
    assert s.phase == "resolved"
    for metric in (s.response, s.resolution):
        assert (metric.phase, metric.breached, metric.elapsed) == ("met", False, dt.timedelta(0))


def test_pause_and_resume_at_one_instant_is_a_zero_length_pause() -> None:
    s = rules().evaluate(
        [ev("opened", T0, "p"), ev("resumed", T0 + H), ev("paused", T0 + H)], at=T0 + 2 * H
    )
    assert (s.resolution.phase, s.resolution.elapsed) == ("running", 2 * H)


def test_response_at_exactly_the_deadline_is_on_time_and_one_microsecond_later_is_not() -> None:
    on_time = rules().evaluate([ev("opened", T0, "p"), ev("responded", T0 + H)], at=T0 + 2 * H)
    assert (on_time.response.phase, on_time.response.breached) == ("met", False)
    late = rules().evaluate([ev("opened", T0, "p"), ev("responded", T0 + H + US)], at=T0 + 2 * H)
    assert late.response.breached
    assert late.response.breached_at == T0 + H + US
    assert late.response.due == T0 + H
    assert late.response.remaining == -US


def test_breach_is_evaluated_at_the_instant_asked() -> None:
    events = [ev("opened", T0, "p")]
    assert not rules().evaluate(events, at=T0 + H).response.breached
    s = rules().evaluate(events, at=T0 + H + US).response
    assert s.breached
    assert s.breached_at == T0 + H + US


def test_events_after_at_are_ignored() -> None:
    events = [ev("opened", T0, "p"), ev("responded", T0 + 30 * M)]
    s = rules().evaluate(events, at=T0 + 10 * M)
    assert s.response.phase == "running"
    assert s.response.elapsed == 10 * M


def test_before_opening_nothing_has_started() -> None:
    s = rules().evaluate([ev("opened", T0, "p")], at=T0 - H)
    assert (s.phase, s.severity, s.response.phase, s.cycles) == (
        "not_opened",
        None,
        "not_started",
        (),
    )


def test_resolve_without_response_fulfils_the_response_clock() -> None:
    s = rules().evaluate([ev("opened", T0, "p"), ev("resolved", T0 + 30 * M)], at=T0 + 2 * H)
    assert s.response.phase == "met"
    assert s.response.stopped_at == T0 + 30 * M


def test_next_response_cycles_start_only_after_the_first_response() -> None:
    events = [
        ev("opened", T0, "p"),
        ev("customer_replied", T0 + 10 * M),  # covered by the first-response clock
        ev("responded", T0 + 20 * M),
        ev("customer_replied", T0 + H),
        ev("customer_replied", T0 + 90 * M),  # same unanswered run: no new cycle
        ev("responded", T0 + 2 * H),
        ev("customer_replied", T0 + 3 * H),
    ]
    s = rules().evaluate(events, at=T0 + 4 * H)
    assert s.next_response is not None
    rows = s.next_response.cycles
    assert [(c.number, c.started_at, c.phase) for c in rows] == [
        (1, T0 + H, "met"),
        (2, T0 + 3 * H, "running"),
    ]
    assert rows[0].elapsed == H
    assert s.next_response.due == T0 + 5 * H


def test_periodic_update_runs_between_public_responses() -> None:
    events = [ev("opened", T0, "p"), ev("responded", T0 + 30 * M), ev("responded", T0 + 5 * H)]
    s = rules().evaluate(events, at=T0 + 6 * H)
    assert s.periodic_update is not None
    first, second = s.periodic_update.cycles
    assert first.breached
    assert first.breached_at == T0 + 30 * M + 4 * H + US
    assert (second.phase, second.due) == ("running", T0 + 9 * H)


def test_metrics_without_any_target_are_not_reported() -> None:
    only = ClockRules((SeverityTargets("q", ALWAYS, response="4h"),))
    s = only.evaluate([ev("opened", T0, "q")], at=T0)
    assert s.next_response is None
    assert s.periodic_update is None
    assert (s.resolution.phase, s.resolution.target, s.resolution.due) == ("running", None, None)


def test_work_queue_severity_measures_resolution_without_a_deadline() -> None:
    s = rules().evaluate([ev("opened", T0, "q")], at=T0 + 30 * H)
    assert s.resolution.elapsed == 30 * H
    assert (s.resolution.breached, s.resolution.remaining, s.resolution.percent_used) == (
        False,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("mode", "elapsed", "due", "numbers"),
    [
        # continue: 3 h before the resolve + 2 h after the reopen; the resolved spell is left out.
        ("continue", 5 * H, T0 + 27 * H + 3 * H, [1]),
        # new_cycle: the first cycle is met at 3 h, the second starts at the reopen.
        ("new_cycle", 2 * H, T0 + 25 * H + 8 * H, [1, 2]),
    ],
)
def test_reopen_modes(
    mode: str, elapsed: dt.timedelta, due: dt.datetime, numbers: list[int]
) -> None:
    events = [
        ev("opened", T0, "p"),
        ev("responded", T0 + 30 * M),
        ev("resolved", T0 + 3 * H),
        ev("reopened", T0 + 25 * H),
    ]
    s = rules(reopen=mode).evaluate(events, at=T0 + 27 * H).resolution
    assert (s.phase, s.elapsed, s.due) == ("running", elapsed, due)
    assert [c.number for c in s.cycles] == numbers
    assert s.cycles[0].elapsed_calendar == (5 * H if mode == "continue" else 3 * H)


def test_a_resolved_ticket_met_its_resolution_even_if_reopened_later() -> None:
    events = [ev("opened", T0, "p"), ev("resolved", T0 + 3 * H), ev("reopened", T0 + 25 * H)]
    s = rules().evaluate(events, at=T0 + 4 * H).resolution
    assert (s.phase, s.stopped_at) == ("met", T0 + 3 * H)


def test_closed_stops_every_clock() -> None:
    s = rules().evaluate([ev("opened", T0, "p"), ev("closed", T0 + 2 * H)], at=T0 + 20 * H)
    assert s.phase == "closed"
    assert (s.response.phase, s.response.breached) == ("met", True)
    assert (s.resolution.phase, s.resolution.elapsed) == ("met", 2 * H)


def test_severity_change_to_the_same_severity_is_nothing() -> None:
    events = [ev("opened", T0, "p"), ev("severity_changed", T0 + H / 2, "p")]
    s = rules(severity_change="restart").evaluate(events, at=T0 + H)
    assert len(s.response.cycles) == 1


def test_severity_change_at_the_instant_of_a_response_applies_first() -> None:
    # severity_changed precedes responded: the response is judged on the new target.
    events = [
        ev("opened", T0, "q"),
        ev("responded", T0 + 2 * H),
        ev("severity_changed", T0 + 2 * H, "p"),
    ]
    s = rules().evaluate(events, at=T0 + 3 * H).response
    assert (s.severity, s.breached, s.breached_at) == ("p", True, T0 + 2 * H)


def test_a_downgrade_never_unbreaches() -> None:
    events = [ev("opened", T0, "p"), ev("severity_changed", T0 + 2 * H, "q")]
    for mode in ("carry_elapsed", "recompute"):
        s = rules(severity_change=mode).evaluate(events, at=T0 + 3 * H).response
        assert s.severity == "q"
        assert s.breached
        assert s.breached_at == T0 + H + US
        assert s.remaining == H  # 4 h target, 3 h used: the breach stays a fact


def test_ticket_summary_fields() -> None:
    events = [
        ev("opened", T0, "p"),
        ev("responded", T0 + 10 * M),
        ev("customer_replied", T0 + 20 * M),
    ]
    s = rules().evaluate(events, at=T0 + 30 * M)
    # next_response due 20 min + 2 h, periodic 10 min + 4 h, resolution 8 h: the earliest wins.
    assert s.next_due == T0 + 20 * M + 2 * H
    assert s.next_breach_at == s.next_due + US
    assert [c.metric for c in s.cycles] == [
        "response",
        "resolution",
        "periodic_update",
        "next_response",
    ]
    assert s.breached is False


def test_warnings_and_percent_used() -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
    r = ClockRules(
        (
            SeverityTargets(
                "p",
                cal,
                response="4h",
                warnings=(WarningThreshold(before="1h"), WarningThreshold(percent="50%")),
            ),
        )
    )
    events = [ev("opened", T0 + 6 * H, "p")]  # Mon 15:00
    s = r.evaluate(events, at=T0 + 7 * H).response  # 16:00, 1 h used
    assert (s.warning_level, s.percent_used) == (0, Fraction(1, 4))
    # 50 % (2 h) is used up at Monday's closing, 17:00: the earliest instant it holds.
    assert s.next_warning_at == T0 + 8 * H
    s = r.evaluate(events, at=T0 + 25 * H).response  # Tue 10:00: 2 h + 1 h used
    assert (s.elapsed, s.warning_level, s.next_warning_at) == (3 * H, 2, None)  # 1 h left


def test_business_days_target_is_fixed_when_the_clock_starts() -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
    r = ClockRules((SeverityTargets("p", cal, response=BusinessDays(1)),))
    friday_night = dt.datetime(2026, 1, 9, 20, 0, tzinfo=UTC)
    s = r.evaluate([ev("opened", friday_night, "p")], at=friday_night)
    assert s.response.target == 8 * H  # Mon 09:00 -> Tue 09:00
    assert str(BusinessDays(2)) == "2 business days"
    assert str(BusinessDays(1)) == "1 business day"


def test_typed_events_and_mappings_mix() -> None:
    events: list[EventLike] = [TicketEvent("opened", T0, "p"), {"kind": "responded", "at": T0 + M}]
    assert rules().evaluate(events, at=T0 + H).response.phase == "met"


def test_results_are_in_the_calendar_zone() -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
    r = ClockRules((SeverityTargets("p", cal, response="1h"),))
    s = r.evaluate([ev("opened", T0, "p")], at=T0).response
    assert s.due is not None
    assert s.due.utcoffset() == H
    assert s.due == T0 + H


def test_rules_helpers() -> None:
    r = rules()
    assert r.names == ("p", "q")
    assert r.defines("next_response")
    assert r.defines("resolution")
    assert r.severity("q").target("resolution") is None


def test_the_status_instant_is_given_in_the_calendar_zone_like_every_other() -> None:
    import slacalc

    policy = slacalc.default_policy()
    cph = policy.calendar().tz
    events = [
        {"kind": "opened", "at": dt.datetime(2026, 11, 27, 17, 30, tzinfo=cph), "severity": "high"}
    ]
    status = policy.evaluate(events, at=dt.datetime(2026, 11, 30, 11, 0, tzinfo=dt.UTC))
    assert status.at.tzinfo == cph
    assert status.at.isoformat() == "2026-11-30T12:00:00+01:00"  # 11:00Z is 12:00 CET


def test_a_metric_holds_its_current_cycle_and_reads_through_it() -> None:
    events = [ev("opened", T0, "p"), ev("responded", T0 + 30 * M)]
    s = rules().evaluate(events, at=T0 + 2 * H)
    assert s.response.current is s.response.cycles[-1]
    assert s.response.phase == "met"
    assert s.response.elapsed == 30 * M
    assert s.response.stopped_at == T0 + 30 * M
    idle = s.next_response
    assert idle is not None
    assert idle.current is None
    assert (idle.phase, idle.elapsed, idle.breached, idle.warning_level) == (
        "not_started",
        dt.timedelta(0),
        False,
        0,
    )
    assert (idle.due, idle.target, idle.percent_used) == (None, None, None)
