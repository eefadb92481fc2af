"""The one-pass replay of plain verbs: which rules it takes, and that it gives the two
passes' status for every ticket it answers.

The one pass measures most cycles with a few calendar questions and hands the rest (a
target used up with a pause, a gap or a severity change inside) to the general cycle
measure; a ticket it cannot answer at all (an irregular event, an unknown severity, a
severity change under ``restart``) goes to the two passes, which refuse what is
irregular with their message.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from slacalc._intervals import Intervals
from slacalc._time import MAX_US, to_us
from slacalc.calendar import BusinessCalendar
from slacalc.errors import OutOfRangeError
from slacalc.timers import (
    ClockRules,
    Escalation,
    MetricDefinition,
    SeverityTargets,
    WarningThreshold,
)
from slacalc.timers._events import plain_verbs
from slacalc.timers._replay import (
    _build_verbs,
    _clear_cycle,
    _Clock,
    _measured_one,
    _one_pass,
    _status,
)
from tests.properties.test_timer_properties import SEVERITIES, modes, tickets

M = dt.timedelta(minutes=1)
H = dt.timedelta(hours=1)
US_ = dt.timedelta(microseconds=1)
MON = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)  # a Monday
OFFICE = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
RULES = ClockRules(
    [
        SeverityTargets(
            "p1",
            OFFICE,
            response="1h",
            resolution="8h",
            warnings=(WarningThreshold(percent="50%"),),
            escalations=(Escalation(level=2, after="1h"),),
        ),
        SeverityTargets("p2", OFFICE, response="4h", resolution="16h"),
    ]
)


def _two_passes(rules: ClockRules, events: list[dict[str, Any]], at: dt.datetime) -> object:
    verbs = plain_verbs(list[object](events), "forbid")
    assert verbs is not None
    built = _build_verbs(rules, verbs, to_us(at))
    assert built is not None
    return _status(rules, built, at, to_us(at), False, [])


def _one(rules: ClockRules, events: list[dict[str, Any]], at: dt.datetime) -> object:
    verbs = plain_verbs(list[object](events), "forbid")
    assert verbs is not None
    return _one_pass(rules, verbs, to_us(at))


def _e(kind: str, minutes: int, severity: str | None = None) -> dict[str, Any]:
    event: dict[str, Any] = {"kind": kind, "at": MON + minutes * M}
    if severity is not None:
        event["severity"] = severity
    return event


# Each history by hand, with what the one pass must make of it (the figures are the
# two passes', compared whole; the hand values check the case is what its name says).
CASES = {
    # Opened 09:00, responded 09:40: 40 min of the hour used; resolved 12:00 (3 h of 8).
    "plain": ([_e("opened", 0, "p1"), _e("responded", 40), _e("resolved", 180)], 200, 40),
    # Waiting on the customer 09:10-11:00 stops the clock: 10 min by 09:10, 15 more
    # from 11:00 to the reply at 11:15, 25 min in all.
    "paused": (
        [
            _e("opened", 0, "p1"),
            _e("paused", 10),
            _e("customer_replied", 120),
            _e("resumed", 120),
            _e("responded", 135),
        ],
        140,
        25,
    ),
    # A reply at 11:10 misses the 1 h target: breached at 10:00 and 1 µs.
    "breached": ([_e("opened", 0, "p1"), _e("responded", 130)], 140, 130),
    # p2 until 09:30, p1 from then on: the response after 50 min carries its time.
    "severity changed": (
        [_e("opened", 0, "p2"), _e("severity_changed", 30, "p1"), _e("responded", 50)],
        60,
        50,
    ),
    # Resolved 10:00, reopened 11:00, responded 09:20: the resolution clock continues
    # after the gap, 60 + 30 min by 11:30.
    "reopened": (
        [
            _e("opened", 0, "p1"),
            _e("responded", 20),
            _e("resolved", 60),
            _e("reopened", 120),
        ],
        150,
        20,
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_the_one_pass_answers_the_usual_tickets_as_the_two_passes_do(name: str) -> None:
    events, minutes, response_minutes = CASES[name]
    at = MON + minutes * M
    one = _one(RULES, events, at)
    assert one is not None
    assert one == _two_passes(RULES, events, at)
    status = RULES.evaluate(events, at=at)
    assert status == one
    assert status.response.cycles[0].elapsed == response_minutes * M


def test_a_breach_is_placed_exactly_and_escalates() -> None:
    events, minutes, _ = CASES["breached"]
    status = RULES.evaluate(events, at=MON + minutes * M)
    cycle = status.response.cycles[0]
    assert cycle.breached_at == MON + H + dt.timedelta(microseconds=1)
    # Level 2 one business hour after the breach, at 11:00 and 1 µs: before the reply.
    assert cycle.escalation_level == 2


def test_the_reopened_resolution_continues_after_its_gap() -> None:
    events, minutes, _ = CASES["reopened"]
    cycle = RULES.evaluate(events, at=MON + minutes * M).resolution.cycles[0]
    assert cycle.elapsed == 90 * M  # 09:00-10:00 and 11:00-11:30
    assert cycle.elapsed_calendar == 90 * M
    assert cycle.paused == dt.timedelta(0)


@pytest.mark.parametrize(
    ("events", "why"),
    [
        ([_e("opened", 0, "p1"), _e("resumed", 5)], "resumed without a pause"),
        ([_e("opened", 0, "p9")], "unknown severity"),
        ([_e("opened", 0, "p1"), _e("opened", 5, "p1")], "opened twice"),
        ([_e("opened", 0, "p1"), _e("closed", 5), _e("responded", 9)], "after closing"),
        ([_e("responded", 0)], "before opening"),
        ([_e("opened", 0, "p1"), _e("reopened", 5)], "reopened while open"),
        ([_e("opened", 0, "p1"), _e("resolved", 5), _e("resolved", 9)], "resolved twice"),
        ([_e("opened", 0, "p1"), _e("paused", 5), _e("paused", 9)], "paused twice"),
        ([_e("opened", 0, "p1"), _e("severity_changed", 5, "p9")], "unknown new severity"),
    ],
)
def test_an_irregular_history_is_left_to_the_two_passes(
    events: list[dict[str, Any]], why: str
) -> None:
    assert _one(RULES, events, MON + 60 * M) is None, why


def test_a_ticket_opened_after_the_instant_is_left_to_the_two_passes() -> None:
    assert _one(RULES, [_e("opened", 60, "p1")], MON) is None
    assert RULES.evaluate([_e("opened", 60, "p1")], at=MON).phase == "not_opened"


def test_a_restart_on_a_severity_change_is_left_to_the_two_passes() -> None:
    rules = ClockRules(RULES.severities, severity_change="restart")
    events = [_e("opened", 0, "p2"), _e("severity_changed", 30, "p1")]
    assert _one(rules, events, MON + H) is None
    assert len(rules.evaluate(events, at=MON + H).response.cycles) == 2


@pytest.mark.parametrize(
    ("rules", "why"),
    [
        (ClockRules(RULES.severities, pause_mode="ignore_deadline"), "pauses kept running"),
        (ClockRules(RULES.severities, pause_mode="add_wall_time"), "pauses added in wall time"),
        (
            ClockRules(
                RULES.severities,
                metrics=[MetricDefinition("response", ["opened"], ["responded"], pause_on=[])],
            ),
            "a clock with pauses of its own",
        ),
        (
            ClockRules(
                RULES.severities,
                metrics=[MetricDefinition("response", ["opened"], ["status: resolved"])],
            ),
            "a condition on a status",
        ),
    ],
)
def test_rules_that_need_more_than_verbs_take_no_one_pass(rules: ClockRules, why: str) -> None:
    assert rules.plan.one_pass is None, why
    assert RULES.plan.one_pass is not None


@given(tickets(), modes, st.integers(-3000, 6000), st.booleans())
def test_the_one_pass_gives_the_two_passes_status_or_none(
    events: list[dict[str, Any]], options: dict[str, str], later: int, at_close: bool
) -> None:
    rules = ClockRules(SEVERITIES, deadline_at_close=at_close, **options)  # type: ignore[arg-type]
    at = events[-1]["at"] + later * M
    one = _one(rules, events, at)
    if one is None:
        # Only what the one pass leaves aside: rules it does not take, a ticket not
        # opened by ``at``, or a severity change under ``restart``.
        kinds = [e["kind"] for e in events]
        assert (
            rules.plan.one_pass is None
            or at < events[0]["at"]
            or (options["severity_change"] == "restart" and "severity_changed" in kinds)
        )
        return
    assert one == _two_passes(rules, events, at)


def test_a_severity_change_after_the_instant_is_not_counted() -> None:
    events = [_e("opened", 0, "p2"), _e("severity_changed", 90, "p1")]
    at = MON + 60 * M
    one = _one(RULES, events, at)
    assert one is not None
    assert one == _two_passes(RULES, events, at)
    assert RULES.evaluate(events, at=at).severity == "p2"


def test_a_clock_that_starts_once_ignores_a_second_start() -> None:
    replies = MetricDefinition("to_reply", ["customer_replied"], ["responded"])
    rules = ClockRules(
        [SeverityTargets("p1", OFFICE, response="1h", targets={"to_reply": "2h"})],
        metrics=[replies],
    )
    events = [
        _e("opened", 0, "p1"),
        _e("customer_replied", 10),
        _e("responded", 20),
        _e("customer_replied", 30),
    ]
    at = MON + 60 * M
    one = _one(rules, events, at)
    assert one is not None
    assert one == _two_passes(rules, events, at)
    assert len(rules.evaluate(events, at=at).metrics["to_reply"].cycles) == 1


def test_an_error_in_the_one_pass_is_raised_with_the_general_paths_message() -> None:
    late = dt.datetime(9998, 12, 31, 23, 50, tzinfo=dt.UTC)
    rules = ClockRules([SeverityTargets("p1", BusinessCalendar.always("UTC"), response="30m")])
    events = [{"kind": "opened", "at": late, "severity": "p1"}]
    with pytest.raises(OutOfRangeError, match="beyond the years") as quick:
        rules.evaluate(events, at=late)
    with pytest.raises(OutOfRangeError) as general:
        rules.evaluate(events, at=late, timeline=True)
    assert str(quick.value) == str(general.value)


class _FarCalendar:
    """A calendar that answers with instants past the supported years."""

    tz = dt.UTC

    def _elapsed_us(self, lo: int, hi: int) -> int:
        return 0

    def _deadline_us(self, x: int, budget: int, at_close: bool = False) -> int:
        return MAX_US + 1


def test_a_cycle_whose_instants_leave_the_supported_years_is_refused() -> None:
    spec = RULES.severities[1]
    far = _Clock(_FarCalendar(), dt.UTC, H, H // US_, spec, ())  # type: ignore[arg-type]
    x = to_us(MON)
    with pytest.raises(OutOfRangeError, match="outside the years"):
        _clear_cycle(far, False, "response", 1, "p2", x, None, x + 1, H // US_)
    pauses = Intervals([(x, x + 1)])
    assert (
        _measured_one([(x, far)], False, "response", 1, "p2", x, None, x + 5, False, pauses, None)
        is None
    )


def test_a_breach_after_a_pause_is_placed_in_the_one_pass() -> None:
    # 20 min by the pause at 09:20, the clock stopped until 10:00, the other 40 min of
    # the hour used by 10:40: late from 10:40 and 1 µs; the reply at 10:50 used 70 min.
    events = [
        _e("opened", 0, "p1"),
        _e("paused", 20),
        _e("resumed", 60),
        _e("responded", 110),
    ]
    at = MON + 120 * M
    one = _one(RULES, events, at)
    assert one == _two_passes(RULES, events, at)
    cycle = RULES.evaluate(events, at=at).response.cycles[0]
    assert cycle.breached_at == MON + 100 * M + dt.timedelta(microseconds=1)
    assert cycle.due == MON + 100 * M
    assert cycle.elapsed == 70 * M
    assert cycle.paused == 40 * M


def test_a_breach_under_a_new_severity_is_placed_in_the_one_pass() -> None:
    # p2 (4 h) until 10:00, then p1 (1 h): the hour is used up at 10:00 exactly, so late
    # from 10:00 and 1 µs under p1, though 60 min had passed under p2.
    events = [_e("opened", 0, "p2"), _e("severity_changed", 60, "p1"), _e("responded", 90)]
    at = MON + 120 * M
    one = _one(RULES, events, at)
    assert one == _two_passes(RULES, events, at)
    cycle = RULES.evaluate(events, at=at).response.cycles[0]
    assert cycle.severity == "p1"
    assert cycle.breached_at == MON + 60 * M + dt.timedelta(microseconds=1)
