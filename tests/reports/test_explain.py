"""explain: the clocks' timelines as the replay draws them, with the rule behind each change.

The replay decides every segment (tests/timers/test_timeline.py checks on random
histories that they add up to the cycles' figures); here every ticket of the example
year is explained and the texts, tables and modes are pinned.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from slacalc._present import frames
from slacalc.calendar import BusinessCalendar
from slacalc.errors import InvalidOptionError
from slacalc.policy import SLAPolicy, default_policy
from slacalc.reports import Explanation, TicketOutcomes, explain
from slacalc.timers import ClockRules, SeverityTargets
from tests.timers.test_timeline import check_timeline

CPH = ZoneInfo("Europe/Copenhagen")
US = dt.timedelta(microseconds=1)
ZERO = dt.timedelta(0)


def check_invariants(e: Explanation) -> None:
    """An explanation shows its cycles' timelines, each of which adds up (see the timers)."""
    assert e.segments == tuple(s for c in e.cycles if c.timeline for s in c.timeline.segments)
    for c in e.cycles:
        check_timeline(c, e.at)


def test_every_ticket_of_the_year_is_explained_exactly(outcomes: TicketOutcomes) -> None:
    states: set[str] = set()
    for ticket in outcomes.tickets:
        e = ticket.explain()
        assert e.cycles == ticket.status.cycles or set(e.cycles) == set(ticket.status.cycles)
        check_invariants(e)
        states.update(s.state for s in e.segments)
    assert states == {"counting", "out_of_hours", "paused", "after_resolution"}


def test_ticket_4711(outcomes: TicketOutcomes) -> None:
    e = outcomes.explain(4711, "resolution")

    def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime(2026, 10, day, hour, minute, tzinfo=CPH)

    h = dt.timedelta(hours=1)
    m = dt.timedelta(minutes=1)
    assert [(s.start, s.end, s.state, s.business, s.used, s.late) for s in e.segments] == [
        (at(9, 17, 40), at(9, 18), "counting", 20 * m, 20 * m, False),
        (at(9, 18), at(12, 9), "out_of_hours", ZERO, 20 * m, False),
        (at(12, 9), at(12, 11), "counting", 2 * h, 2 * h + 20 * m, False),
        (at(12, 11), at(13, 14), "paused", ZERO, 2 * h + 20 * m, False),
        (at(13, 14), at(13, 18), "counting", 4 * h, 6 * h + 20 * m, False),
        (at(13, 18), at(14, 9), "out_of_hours", ZERO, 6 * h + 20 * m, False),
        (at(14, 9), at(14, 10, 40), "counting", h + 40 * m, 8 * h, False),
        (at(14, 10, 40), at(14, 15, 30), "counting", 4 * h + 50 * m, 12 * h + 50 * m, True),
    ]
    rules = [s.rule for s in e.segments]
    assert rules[0] == "opened as high; the resolution clock starts (target 8h)"
    assert rules[1] == "outside the hours Mon-Fri 09:00-18:00"
    assert rules[3] == "paused, waiting on the customer: the clock stops (pause_mode='exclude')"
    assert rules[4] == "resumed: the clock runs again; the customer replied"
    assert rules[7] == (
        "the 8h target is used up at Wed 2026-10-14 10:40: late from Wed 2026-10-14 10:40:00.000001"
    )
    text = e.to_text()
    assert text.splitlines()[0] == (
        "Ticket 4711 evaluated at Sat 2026-10-17 15:30 (Europe/Copenhagen)"
    )
    assert (
        "resolution, cycle 1 (high): BREACHED at Wed 2026-10-14 10:40:00.000001: 12h 50m used "
        "of 8h (4h 50m over); stopped Wed 2026-10-14 15:30"
    ) in text
    assert text.endswith("stopped Wed 2026-10-14 15:30: resolved")
    assert str(e) == text


def test_holidays_are_named(policy: SLAPolicy) -> None:
    t = dt.datetime(2026, 12, 24, 17, tzinfo=CPH)  # Thursday 24 December, an open day
    e = explain(
        [{"kind": "opened", "at": t, "severity": "low"}],
        policy,
        at=dt.datetime(2026, 12, 29, 12, tzinfo=CPH),
        metric="response",
    )
    closed = e.segments[1]
    assert closed.state == "out_of_hours"
    assert closed.end == dt.datetime(2026, 12, 28, 9, tzinfo=CPH)
    # Holiday names come in the country's own language, whatever the process locale.
    assert closed.rule == (
        "outside the hours Mon-Fri 09:00-18:00; holidays: 2026-12-25 "
        "Juledag, 2026-12-26 Anden juledag"
    )
    check_invariants(e)


def _policy(**modes: str) -> SLAPolicy:
    return SLAPolicy.from_dict({**default_policy().to_dict(), **modes})


def test_ignore_deadline_keeps_counting_through_a_pause() -> None:
    t = dt.datetime(2026, 11, 30, 9, tzinfo=CPH)
    events = [
        {"kind": "opened", "at": t, "severity": "high"},
        {"kind": "responded", "at": t + dt.timedelta(minutes=10)},
        {"kind": "paused", "at": t + dt.timedelta(hours=1)},
        {"kind": "resumed", "at": t + dt.timedelta(hours=3)},
    ]
    e = explain(
        events,
        _policy(pause_mode="ignore_deadline"),
        metric="resolution",
        at=t + dt.timedelta(hours=4),
    )
    check_invariants(e)
    assert [s.state for s in e.segments] == ["counting", "counting", "counting"]
    assert "pause_mode='ignore_deadline' keeps the clock running" in e.segments[1].rule
    assert e.cycles[0].elapsed == dt.timedelta(hours=4)


def test_carry_elapsed_measures_each_severity_on_its_own_calendar() -> None:
    friday = dt.datetime(2026, 11, 27, 17, 50, tzinfo=CPH)
    events = [
        {"kind": "opened", "at": friday, "severity": "high"},
        {
            "kind": "severity_changed",
            "at": friday + dt.timedelta(hours=16, minutes=10),
            "severity": "critical",
        },
    ]  # Saturday 10:00
    e = explain(
        events, default_policy(), at=friday + dt.timedelta(hours=16, minutes=20), metric="response"
    )
    check_invariants(e)
    assert [(s.state, s.severity, s.late) for s in e.segments] == [
        ("counting", "high", False),
        ("out_of_hours", "high", False),
        ("counting", "critical", False),
        ("counting", "critical", True),
    ]
    assert "severity changed from high to critical (severity_change='carry_elapsed'" in (
        e.segments[2].rule
    )
    assert e.segments[2].target == dt.timedelta(minutes=15)


@pytest.mark.parametrize("mode", ["recompute", "restart"])
def test_other_severity_change_modes_add_up(mode: str) -> None:
    friday = dt.datetime(2026, 11, 27, 17, 50, tzinfo=CPH)
    events = [
        {"kind": "opened", "at": friday, "severity": "high"},
        {
            "kind": "severity_changed",
            "at": friday + dt.timedelta(hours=16, minutes=10),
            "severity": "critical",
        },
        {"kind": "responded", "at": friday + dt.timedelta(hours=17)},
    ]
    e = explain(events, _policy(severity_change=mode))
    check_invariants(e)
    if mode == "restart":
        assert [(c.metric, c.phase) for c in e.cycles][:2] == [
            ("response", "cancelled"),
            ("response", "met"),
        ]
        assert "stopped Sat 2026-11-28 10:00: severity changed" in e.to_text()


@pytest.mark.parametrize("reopen", ["continue", "new_cycle"])
def test_reopening(reopen: str) -> None:
    t = dt.datetime(2026, 11, 30, 9, tzinfo=CPH)
    events = [
        {"kind": "opened", "at": t, "severity": "high"},
        {"kind": "responded", "at": t + dt.timedelta(minutes=30)},
        {"kind": "resolved", "at": t + dt.timedelta(hours=3)},
        {"kind": "reopened", "at": t + dt.timedelta(days=1, hours=1)},
    ]
    e = explain(
        events, _policy(reopen=reopen), at=t + dt.timedelta(days=1, hours=2), metric="resolution"
    )
    check_invariants(e)
    if reopen == "continue":
        states = [s.state for s in e.segments]
        assert states == ["counting", "after_resolution", "counting"]
        assert e.segments[1].rule == "resolved: the clock stops until the ticket is reopened"
        assert e.segments[2].rule.startswith("reopened: the clock goes on from where it stopped")
    else:
        assert len(e.cycles) == 2
        assert "a new cycle starts with the full target" in e.segments[-1].rule


def test_a_ticket_born_resolved_has_no_segments() -> None:
    t = dt.datetime(2026, 11, 30, 9, tzinfo=CPH)
    e = explain(
        [{"kind": "opened", "at": t, "severity": "high"}, {"kind": "resolved", "at": t}],
        default_policy(),
    )
    assert e.segments == ()
    assert len(e.cycles) == 2
    assert e.to_text().endswith("stopped Mon 2026-11-30 09:00: resolved")


def test_tables_and_errors(outcomes: TicketOutcomes, monkeypatch: pytest.MonkeyPatch) -> None:
    e = outcomes.explain(4711)
    df = e.to_frame()
    assert list(df.columns) == [
        "metric",
        "cycle",
        "start",
        "end",
        "state",
        "severity",
        "business",
        "used",
        "target",
        "late",
        "rule",
    ]
    assert str(df["start"].dtype) == "datetime64[us, Europe/Copenhagen]"
    assert str(df["business"].dtype) == "timedelta64[us]"
    assert list(df["state"].cat.categories) == [
        "counting",
        "out_of_hours",
        "paused",
        "after_resolution",
    ]
    assert "Ticket 4711: response 1: met" in e._repr_html_()
    assert len(e.to_records()) == len(e.table) == len(e.segments)
    monkeypatch.setattr(frames, "pandas", lambda: None)
    with pytest.raises(ModuleNotFoundError, match=r"\.to_records\(\)"):
        _ = e.table  # a DataFrame whatever is installed: never records instead
    with pytest.raises(InvalidOptionError, match="Unknown metric 'reply'"):
        outcomes.explain(4711, "reply")


def test_a_breach_under_an_earlier_shorter_target_is_not_shown_as_negative_overrun() -> None:
    # p1 responds in 1h and breaches at 10:00; at 11:00 the ticket becomes p3 (4h) and the
    # time used is carried, so at 12:00 3h are used of 4h: breached, but not "-1h over".
    cal = BusinessCalendar.always("UTC")
    rules = ClockRules(
        [SeverityTargets("p1", cal, response="1h"), SeverityTargets("p3", cal, response="4h")]
    )
    t = dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC)
    events = [
        {"kind": "opened", "at": t, "severity": "p1"},
        {"kind": "severity_changed", "at": t + dt.timedelta(hours=2), "severity": "p3"},
    ]
    text = str(explain(events, rules, at=t + dt.timedelta(hours=3)))
    assert "3h used of 4h (under the target in force then)" in text
    assert "-1h" not in text
