"""Escalation levels after a breach and warnings in calendar time, computed by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from slacalc import BusinessCalendar, ClockRules, SeverityTargets
from slacalc.errors import InvalidDurationError, InvalidOptionError
from slacalc.timers import Escalation, TimeBasis, WarningThreshold

UTC = dt.UTC
US = dt.timedelta(microseconds=1)
CAL = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")


def t(day: int, hour: int, minute: int = 0, us: int = 0) -> dt.datetime:
    """An instant in January 2026 (the 5th is a Monday, the 9th a Friday)."""
    return dt.datetime(2026, 1, day, hour, minute, 0, us, tzinfo=UTC)


ESCALATING = ClockRules(
    [
        SeverityTargets(
            "high",
            CAL,
            response="1h",
            escalations=[
                Escalation(1, "1h"),
                Escalation(2, "2h"),
                Escalation(3, "72h", measured_in="calendar"),
            ],
        )
    ]
)
OPENED_FRI_15 = [{"kind": "opened", "at": t(9, 15), "severity": "high"}]

# Opened Fri 15:00, 1 h response on Mon-Fri 09-17: due Fri 16:00, breach Fri 16:00:00.000001.
# Level 1, 1 business hour: Fri 16:00 + 1 h ends at the 17:00 closing, so (deadline rule)
#   the next opening Mon 09:00; + 1 µs -> Mon 12th 09:00:00.000001.
# Level 2, 2 business hours: 1 h on Friday + 1 h from Mon 09:00 -> Mon 10:00; + 1 µs.
# Level 3, 72 calendar hours: Fri 16:00 + 72 h = Mon 16:00; + 1 µs.
GOLDEN = [
    # id, at, (breached, level, next escalation)
    ("at-due", t(9, 16), (False, 0, None)),  # on time: no level, no next
    ("breach", t(9, 16, us=1), (True, 0, t(12, 9, us=1))),  # breached, level 1 still ahead
    ("weekend", t(10, 12), (True, 0, t(12, 9, us=1))),  # closed hours add nothing
    ("l1-minus-1us", t(12, 9), (True, 0, t(12, 9, us=1))),  # half-open: not yet
    ("l1", t(12, 9, us=1), (True, 1, t(12, 10, us=1))),
    ("l2", t(12, 10, us=1), (True, 2, t(12, 16, us=1))),
    ("l3", t(12, 16, us=1), (True, 3, None)),  # the last level: nothing next
]


@pytest.mark.parametrize(
    ("at", "expected"), [row[1:] for row in GOLDEN], ids=[r[0] for r in GOLDEN]
)
def test_escalation_golden(at: dt.datetime, expected: tuple[object, ...]) -> None:
    s = ESCALATING.evaluate(OPENED_FRI_15, at=at).response
    assert (s.breached, s.escalation_level, s.next_escalation_at) == expected


def test_a_clock_met_late_escalates_no_further() -> None:
    # Responded Mon 09:30: level 1 (Mon 09:00:00.000001) was reached, level 2 (10:00) never.
    events = [*OPENED_FRI_15, {"kind": "responded", "at": t(12, 9, 30)}]
    s = ESCALATING.evaluate(events, at=t(13, 12)).response
    assert (s.phase, s.escalation_level, s.next_escalation_at) == ("met", 1, None)


def test_a_pause_after_the_breach_does_not_delay_an_escalation() -> None:
    events = [*OPENED_FRI_15, {"kind": "paused", "at": t(9, 16, 30)}]
    r = ESCALATING.evaluate(events, at=t(12, 9, 30)).response
    assert r.phase == "paused"
    assert (r.escalation_level, r.next_escalation_at) == (1, t(12, 10, us=1))


def test_no_escalations_means_level_zero_after_a_breach() -> None:
    rules = ClockRules([SeverityTargets("high", CAL, response="1h")])
    s = rules.evaluate(OPENED_FRI_15, at=t(13, 12)).response
    assert (s.breached, s.escalation_level, s.next_escalation_at) == (True, 0, None)


WARNING_RULES = ClockRules(
    [
        SeverityTargets(
            "high",
            CAL,
            response="1h",
            warnings=[
                WarningThreshold(before="2h", measured_in="calendar"),
                WarningThreshold(before="15m"),
            ],
        )
    ]
)
OPENED_FRI_1630 = [{"kind": "opened", "at": t(9, 16, 30), "severity": "high"}]

# Opened Fri 16:30, 1 h: 30 min on Friday, 30 min on Monday -> due Mon 12th 09:30.
# Calendar warning, 2 h of wall-clock time left: Mon 09:30 - 2 h = Mon 07:30 (while closed;
#   on Friday evening ~64 h of wall time are left, so it does not warn then).
# Business warning, 15 min of business time left: 45 min used -> 30 on Friday + Mon 09:15.
WARNING_GOLDEN = [
    ("friday", t(9, 16, 45), (0, t(12, 7, 30))),
    ("just-before", t(12, 7, 30) - US, (0, t(12, 7, 30))),  # 2 h + 1 µs left
    ("calendar-reached", t(12, 7, 30), (1, t(12, 9, 15))),  # exactly 2 h left: reached
    ("both", t(12, 9, 15), (2, None)),
    ("breached", t(12, 9, 31), (2, None)),
]


@pytest.mark.parametrize(
    ("at", "expected"), [row[1:] for row in WARNING_GOLDEN], ids=[r[0] for r in WARNING_GOLDEN]
)
def test_calendar_warning_golden(at: dt.datetime, expected: tuple[object, ...]) -> None:
    s = WARNING_RULES.evaluate(OPENED_FRI_1630, at=at).response
    assert (s.warning_level, s.next_warning_at) == expected


def test_a_paused_clock_warns_against_its_deadline_if_resumed() -> None:
    # 24x7, 1 h resolution, warn 30 min of wall time before; opened 09:00, paused 09:10:
    # 50 min left. At 10:00 the deadline if resumed is 10:50 (50 min away): no warning.
    cal = BusinessCalendar.always("UTC")
    warn = WarningThreshold(before="30m", measured_in="calendar")
    rules = ClockRules([SeverityTargets("p", cal, response="8h", resolution="1h", warnings=[warn])])
    events = [
        {"kind": "opened", "at": t(5, 9), "severity": "p"},
        {"kind": "paused", "at": t(5, 9, 10)},
    ]
    s = rules.evaluate(events, at=t(5, 10)).resolution
    assert (s.phase, s.due_if_resumed, s.warning_level, s.next_warning_at) == (
        "paused",
        t(5, 10, 50),
        0,
        None,
    )
    # Resumed at 10:00: due 10:50, warning at 10:20 (wall time, 24x7 = business time).
    events.append({"kind": "resumed", "at": t(5, 10)})
    s = rules.evaluate(events, at=t(5, 10, 5)).resolution
    assert (s.due, s.warning_level, s.next_warning_at) == (t(5, 10, 50), 0, t(5, 10, 20))


@given(
    offsets=st.lists(st.integers(1, 60 * 24 * 10), min_size=2, max_size=4, unique=True),
    calendar_time=st.booleans(),
    minutes=st.integers(0, 60 * 24 * 14),
)
def test_escalation_instants_are_monotone_and_level_zero_before_the_breach(
    offsets: list[int], calendar_time: bool, minutes: int
) -> None:
    basis: TimeBasis = "calendar" if calendar_time else "business"
    offsets.sort()
    escalations = [
        Escalation(i + 1, dt.timedelta(minutes=m), measured_in=basis) for i, m in enumerate(offsets)
    ]
    due = t(9, 16)
    instants = [e.reached_at_us(CAL, int(due.timestamp()) * 1_000_000) for e in escalations]
    assert instants == sorted(instants)
    assert instants[0] > int(due.timestamp()) * 1_000_000  # never at or before the deadline
    rules = ClockRules([SeverityTargets("high", CAL, response="1h", escalations=escalations)])
    at = t(9, 15) + dt.timedelta(minutes=minutes)
    s = rules.evaluate(OPENED_FRI_15, at=at).response
    if not s.breached:
        assert (s.escalation_level, s.next_escalation_at) == (0, None)
    else:
        assert s.next_escalation_at is None or s.next_escalation_at > at
        reached = [
            e.level
            for e, i in zip(escalations, instants, strict=True)
            if i <= int(at.timestamp()) * 1_000_000
        ]
        assert s.escalation_level == max(reached, default=0)


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        ((0, "1h"), InvalidOptionError, r"level 0 is not a whole number of at least 1"),
        ((True, "1h"), InvalidOptionError, r"level True is not a whole number"),
        ((1, "0m"), InvalidDurationError, r"offset '0m' is not positive.*e\.g\. '1h'"),
        ((1, dt.timedelta(hours=-1)), InvalidDurationError, r"is not positive"),
        ((1, "1h", "wall"), InvalidOptionError, r"Unknown time basis \(measured_in\) 'wall'"),
    ],
)
def test_bad_escalations_are_refused(args: tuple[object, ...], error: type, match: str) -> None:
    with pytest.raises(error, match=match):
        Escalation(*args)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("escalations", "match"),
    [
        ([Escalation(1, "1h"), Escalation(1, "2h")], r"level 1 follows level 1"),
        ([Escalation(2, "1h"), Escalation(1, "2h")], r"level 1 follows level 2"),
        ([Escalation(1, "2h"), Escalation(2, "1h")], r"give each higher level a longer offset"),
        ([Escalation(1, "2h"), Escalation(2, "2h")], r"not later than level 1"),
        (["1h"], r"'1h' is not an Escalation"),
    ],
)
def test_escalations_must_increase(escalations: list[object], match: str) -> None:
    with pytest.raises(InvalidOptionError, match=match):
        SeverityTargets("high", CAL, response="1h", escalations=escalations)  # type: ignore[arg-type]


def test_mixed_bases_are_not_compared() -> None:
    # 24 calendar hours and 2 business hours cannot be ordered without a deadline.
    s = SeverityTargets(
        "high",
        CAL,
        response="1h",
        escalations=[Escalation(1, "24h", measured_in="calendar"), Escalation(2, "2h")],
    )
    assert [e.level for e in s.escalations] == [1, 2]


def test_bad_calendar_warnings_are_refused() -> None:
    with pytest.raises(InvalidOptionError, match=r"Unknown time basis \(measured_in\) 'wall'"):
        WarningThreshold(before="1h", measured_in="wall")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match=r"measured_in='calendar' goes with before="):
        WarningThreshold(percent="50%", measured_in="calendar")
