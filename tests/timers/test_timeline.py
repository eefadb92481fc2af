"""The clocks' timelines: one record per cycle that adds up to the cycle's own figures.

``evaluate(..., timeline=True)`` cuts every cycle into segments with a state and the
rule behind it. Whatever the history and the modes, a cycle's segments are contiguous,
cover it from its start to its stop (or the evaluation instant), count business time
only while ``counting`` and then exactly their length, and add up to the cycle's
``elapsed``, ``elapsed_calendar`` and ``paused``; the late ones start where the target
ran out. :func:`check_timeline` says so; tests/properties/test_timer_properties.py runs
it on random event histories under every combination of pause, severity-change and
reopen modes, tests/reports/test_explain.py on every ticket of the example year, and
this module on a few hand-made tickets.
"""

from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

from slacalc.calendar import BusinessCalendar
from slacalc.timers import ClockRules, CycleStatus, SeverityTargets, TimelineSegment

CPH = ZoneInfo("Europe/Copenhagen")
US = dt.timedelta(microseconds=1)
ZERO = dt.timedelta(0)


def _length(s: TimelineSegment) -> dt.timedelta:
    """The segment's length in real time (aware datetimes in one zone subtract as wall clocks)."""
    return s.end.astimezone(dt.UTC) - s.start.astimezone(dt.UTC)


def _wall(segments: list[TimelineSegment], *states: str) -> dt.timedelta:
    return sum((_length(s) for s in segments if s.state in states), ZERO)


def check_timeline(c: CycleStatus, at: dt.datetime, rules: ClockRules | None = None) -> None:
    """What every cycle's timeline must satisfy, whatever the ticket (and its ``rules``)."""
    line = c.timeline
    assert line is not None
    assert (line.stopped_by is None) == (c.stopped_at is None)
    segs = list(line.segments)
    end = c.stopped_at if c.stopped_at is not None else at
    if end <= c.started_at:
        assert segs == []
        return
    # Contiguous, and covering the cycle from its start to its stop or to ``at``.
    assert segs[0].start == c.started_at
    assert segs[-1].end == end
    for a, b in itertools.pairwise(segs):
        assert a.end == b.start
        # Neighbours differ, or an event happened between them.
        assert (a.state, a.severity, a.late) != (b.state, b.severity, b.late) or b.events
    used = ZERO
    for s in segs:
        assert (s.metric, s.cycle) == (c.metric, c.number)
        assert s.start < s.end
        assert s.rule
        assert all(e.at == s.start for e in s.events)
        # Only counting segments count, and then every microsecond of them.
        assert s.business == (_length(s) if s.state == "counting" else ZERO)
        used += s.business
        assert s.used == used
    assert used == c.elapsed
    assert _wall(segs, "counting", "out_of_hours") == c.elapsed_calendar
    if rules is not None and rules.pause_mode == "exclude":
        assert _wall(segs, "paused") == c.paused
    elif rules is not None:
        assert _wall(segs, "paused") == ZERO
    late = [s for s in segs if s.late]
    if c.breached:
        assert c.due is not None
        assert c.breached_at == c.due + US
        # Late exactly from where the target ran out (the due), or from the change
        # that breached the clock at once; nothing after the breach is on time.
        assert all(s.start >= c.due for s in late)
        assert all(s.late for s in segs if s.start >= c.breached_at)
        assert all(not s.late for s in segs if s.end <= c.due)
        if c.breached_at < end:
            assert late
    else:
        assert late == []


_WEEKDAYS = BusinessCalendar(
    "Mon-Fri 09:00-12:00,13:00-17:00", tz="Europe/Copenhagen", holidays=["2026-03-04"]
)
_ALWAYS = BusinessCalendar.always("Europe/Copenhagen")


def test_a_paused_weekend_ticket_segment_by_segment() -> None:
    rules = ClockRules([SeverityTargets("p2", _WEEKDAYS, response="1h", resolution="8h")])
    friday = dt.datetime(2026, 3, 6, 16, tzinfo=CPH)
    events = [
        {"kind": "opened", "at": friday, "severity": "p2"},
        {"kind": "paused", "at": friday + dt.timedelta(minutes=30)},
        {"kind": "resumed", "at": friday + dt.timedelta(days=3, hours=-6)},  # Mon 10:00
        {"kind": "resolved", "at": friday + dt.timedelta(days=3, hours=-4)},  # Mon 12:00
    ]
    c = rules.evaluate(events, at=friday + dt.timedelta(days=4), timeline=True).resolution.current
    assert c is not None
    assert c.timeline is not None
    check_timeline(c, friday + dt.timedelta(days=4), rules)
    assert [(s.state, s.end.strftime("%a %H:%M"), s.rule) for s in c.timeline.segments] == [
        ("counting", "Fri 16:30", "opened as p2; the resolution clock starts (target 8h)"),
        (
            "paused",
            "Mon 10:00",
            "paused, waiting on the customer: the clock stops (pause_mode='exclude')",
        ),
        ("counting", "Mon 12:00", "resumed: the clock runs again"),
    ]
    assert [e.kind for e in c.timeline.segments[1].events] == ["paused"]
    assert c.timeline.stopped_by == "resolved"


def test_a_restarted_cycle_says_why_it_stopped() -> None:
    rules = ClockRules(
        [
            SeverityTargets("p1", _ALWAYS, response="15m"),
            SeverityTargets("p2", _ALWAYS, response="1h"),
        ],
        severity_change="restart",
    )
    t = dt.datetime(2026, 3, 2, 9, tzinfo=CPH)
    events = [
        {"kind": "opened", "at": t, "severity": "p2"},
        {"kind": "severity_changed", "at": t + dt.timedelta(minutes=10), "severity": "p1"},
    ]
    old, new = rules.evaluate(events, at=t + dt.timedelta(hours=1), timeline=True).response.cycles
    assert old.timeline is not None
    assert new.timeline is not None
    assert old.timeline.stopped_by == (
        "severity changed (severity_change='restart'): the cycle is cancelled"
    )
    assert new.timeline.stopped_by is None
    assert new.timeline.segments[0].rule == (
        "severity changed from p2 to p1 (severity_change='restart': the running cycle is "
        "cancelled and a new one starts); the response clock starts (target 15m)"
    )
    assert [s.late for s in new.timeline.segments] == [False, True]
