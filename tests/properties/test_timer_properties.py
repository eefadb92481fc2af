"""Properties of ticket clocks: pauses, 24x7 arithmetic, breaches that never undo, lenient replay.

Example counts come from the hypothesis profile in tests/conftest.py (HYPOTHESIS_PROFILE).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from slacalc.calendar import BusinessCalendar
from slacalc.timers import (
    BusinessDays,
    ClockRules,
    MetricDefinition,
    SeverityTargets,
    builtin_metrics,
)
from tests.timers.test_timeline import check_timeline

UTC = dt.UTC
US = dt.timedelta(microseconds=1)
M = dt.timedelta(minutes=1)
BASE = dt.datetime(2026, 3, 23, 0, 0, tzinfo=UTC)  # a Monday; Europe's DST switch is on the 29th
ALWAYS = BusinessCalendar.always("UTC")
SUPPORT = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK")
EARLY = BusinessCalendar("Mon-Sat 07:00-12:00,13:00-15:30", tz="America/New_York")
SEVERITIES = (
    SeverityTargets(
        "a",
        ALWAYS,
        response="30m",
        resolution="4h",
        next_response="1h",
        periodic_update="3h",
    ),
    SeverityTargets("b", SUPPORT, response="2h", resolution=BusinessDays(1), next_response="4h"),
    SeverityTargets("c", EARLY, response="1h", resolution="6h"),
)
NAMES = [s.name for s in SEVERITIES]

modes = st.fixed_dictionaries(
    {
        "pause_mode": st.sampled_from(["exclude", "ignore_deadline"]),
        "severity_change": st.sampled_from(["carry_elapsed", "recompute", "restart"]),
        "reopen": st.sampled_from(["continue", "new_cycle"]),
    }
)


@st.composite
def tickets(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A valid event list: opened, then 0-12 events at the same or later minutes.

    Gaps are often whole quarters of an hour, so events land on openings and closings,
    and sometimes zero, so several events share an instant (no pause or resolve
    toggles there: same-instant events are re-ordered by precedence).
    """
    t = BASE + draw(st.integers(0, 7 * 24 * 60)) * M
    events: list[dict[str, Any]] = [
        {"kind": "opened", "at": t, "severity": draw(st.sampled_from(NAMES))}
    ]
    paused = resolved = False
    gaps = st.one_of(st.sampled_from([0, 15, 60, 240, 900, 3000]), st.integers(1, 36 * 60))
    for _ in range(draw(st.integers(0, 12))):
        gap = draw(gaps)
        t += gap * M
        choices = ["responded", "customer_replied", "severity_changed"]
        if gap:
            choices.append("resumed" if paused else "paused")
            choices.append("reopened" if resolved else "resolved")
        kind = draw(st.sampled_from(choices))
        event: dict[str, Any] = {"kind": kind, "at": t}
        if kind == "severity_changed":
            event["severity"] = draw(st.sampled_from(NAMES))
        paused = {"paused": True, "resumed": False}.get(kind, paused)
        resolved = {"resolved": True, "reopened": False}.get(kind, resolved)
        events.append(event)
    return events


@given(tickets(), modes, st.integers(0, 60 * 24 * 40), st.integers(0, 60 * 24 * 10))
def test_evaluating_later_never_unbreaches(
    events: list[dict[str, Any]], options: dict[str, str], offset: int, later: int
) -> None:
    rules = ClockRules(SEVERITIES, **options)  # type: ignore[arg-type]
    t1 = BASE + offset * M
    t2 = t1 + later * M
    first = rules.evaluate(events, at=t1)
    second = rules.evaluate(events, at=t2)
    after = {(c.metric, c.number): c for c in second.cycles}
    for cycle in first.cycles:
        if cycle.breached:
            again = after[(cycle.metric, cycle.number)]
            assert again.breached
            assert again.breached_at == cycle.breached_at
        # breached_at, when set, is never after the instant evaluated nor after the stop
        if cycle.breached_at is not None:
            assert cycle.breached_at <= t1
            assert cycle.stopped_at is None or cycle.breached_at <= cycle.stopped_at
            assert cycle.due == cycle.breached_at - US


@given(
    st.sampled_from(NAMES),
    st.integers(0, 7 * 24 * 60),
    st.lists(st.tuples(st.integers(1, 48 * 60), st.integers(0, 48 * 60)), max_size=4),
    st.integers(0, 48 * 60),
)
def test_pausing_never_makes_a_deadline_earlier(
    severity: str, start: int, spells: list[tuple[int, int]], tail: int
) -> None:
    rules = ClockRules(SEVERITIES)  # pause_mode = exclude
    opened = BASE + start * M
    events: list[dict[str, Any]] = [{"kind": "opened", "at": opened, "severity": severity}]
    t = opened
    for gap, length in spells:
        t += gap * M
        events.append({"kind": "paused", "at": t})
        t += length * M
        events.append({"kind": "resumed", "at": t})
    at = t + tail * M
    plain = rules.deadlines(severity, opened)
    status = rules.evaluate(events, at=at)
    for metric, deadline in (("response", plain.response), ("resolution", plain.resolution)):
        got = getattr(status, metric)
        assert deadline is not None
        if got.breached:
            assert got.breached_at > deadline
        else:
            assert got.due is not None
            assert got.due >= deadline
        # the unpaused replay agrees with the plain deadline
        bare = getattr(rules.evaluate(events[:1], at=at), metric)
        assert (bare.due if not bare.breached else bare.breached_at - US) == deadline


@given(
    st.integers(0, 365 * 24 * 60 * 60),
    st.integers(1, 48 * 3600),
    st.integers(1, 96 * 3600),
    st.integers(0, 100 * 3600),
    st.one_of(st.none(), st.integers(0, 100 * 3600)),
)
def test_no_pauses_on_24x7_is_plain_arithmetic(
    start: int, response_s: int, resolution_s: int, after_s: int, resolved_s: int | None
) -> None:
    response = dt.timedelta(seconds=response_s)
    resolution = dt.timedelta(seconds=resolution_s)
    rules = ClockRules((SeverityTargets("p", ALWAYS, response=response, resolution=resolution),))
    opened = BASE + dt.timedelta(seconds=start)
    at = opened + dt.timedelta(seconds=after_s)
    events: list[dict[str, Any]] = [{"kind": "opened", "at": opened, "severity": "p"}]
    if resolved_s is not None:
        events.append({"kind": "resolved", "at": opened + dt.timedelta(seconds=resolved_s)})
    s = rules.evaluate(events, at=at).resolution
    end = at if resolved_s is None else min(at, opened + dt.timedelta(seconds=resolved_s))
    assert s.elapsed == s.elapsed_calendar == end - opened
    assert s.remaining == resolution - (end - opened)
    assert s.breached == (end - opened > resolution)
    if s.breached:
        assert s.breached_at == opened + resolution + US
    else:
        assert s.due == opened + resolution
    assert rules.deadlines("p", opened).response == opened + response


@given(tickets(), modes, st.integers(-3000, 6000))
def test_timelines_add_up_to_their_cycles(
    events: list[dict[str, Any]], options: dict[str, str], later: int
) -> None:
    rules = ClockRules(SEVERITIES, **options)  # type: ignore[arg-type]
    at = events[-1]["at"] + later * M
    status = rules.evaluate(events, at=at, timeline=True)
    # Asking for the timeline changes no figure; without it none is drawn.
    plain = rules.evaluate(events, at=at)
    assert status == plain
    assert all(c.timeline is None for c in plain.cycles)
    for c in status.cycles:
        check_timeline(c, at, rules)


@given(tickets(), modes, st.integers(-3000, 6000))
def test_lenient_replay_of_a_clean_history_is_strict_replay(
    events: list[dict[str, Any]], options: dict[str, str], later: int
) -> None:
    rules = ClockRules(SEVERITIES, **options)  # type: ignore[arg-type]
    at = events[-1]["at"] + later * M
    lenient = rules.evaluate(events, at=at, history="lenient")
    assert lenient == rules.evaluate(events, at=at)
    assert lenient.corrections == ()


@given(tickets(), modes, st.integers(0, 6000), st.data())
def test_lenient_replay_ignores_what_it_corrects(
    events: list[dict[str, Any]], options: dict[str, str], later: int, data: st.DataObject
) -> None:
    # A clean history with a repeated event inserted right after its original: the
    # repeat is a second pause, resolve, open ... or a harmless repeat; either way the
    # lenient replay equals the clean one, and it lists exactly the events it ignored.
    rules = ClockRules(SEVERITIES, **options)  # type: ignore[arg-type]
    at = events[-1]["at"] + later * M
    i = data.draw(st.integers(0, len(events) - 1))
    repeat = dict(events[i])
    messy = [*events[: i + 1], repeat, *events[i + 1 :]]
    clean = rules.evaluate(events, at=at)
    status = rules.evaluate(messy, at=at, history="lenient")
    if repeat["kind"] in ("opened", "paused", "resumed", "resolved", "reopened"):
        assert [(c.index, c.action) for c in status.corrections] == [(i + 1, "ignored")]
        assert dataclasses.replace(status, corrections=()) == clean
    else:
        assert status.corrections == ()


# -- metric definitions over a helpdesk's state ---------------------------------------

STATUSES = {
    "new": "open",
    "open": "open",
    "pending": "waiting",
    "on_hold": "open",
    "solved": "resolved",
    "closed": "closed",
}
_AS_STATUS = {"paused": "pending", "resumed": "open", "resolved": "solved", "reopened": "open"}


def _in_helpdesk_terms(
    events: list[dict[str, Any]], noise: list[int], data: st.DataObject
) -> list[dict[str, Any]]:
    """The same history told as statuses and replies, with events that change no clock.

    A pause or resume while the ticket is resolved, and a resolve or reopen while it is
    paused, stay verbs: a status says both at once (a waiting status reopens a solved
    ticket; a solved status ends the wait).
    """
    out: list[dict[str, Any]] = []
    paused = resolved = False
    for i, event in enumerate(events):
        kind = event["kind"]
        mixed = resolved if kind in ("paused", "resumed") else paused
        paused = {"paused": True, "resumed": False}.get(kind, paused)
        resolved = {"resolved": True, "reopened": False}.get(kind, resolved)
        if kind in _AS_STATUS and not mixed:
            out.append({"kind": "status", "at": event["at"], "status": _AS_STATUS[kind]})
        elif kind == "responded":
            out.append({"kind": "reply", "at": event["at"], "author": "agent"})
        elif kind == "customer_replied":
            out.append({"kind": "reply", "at": event["at"], "author": "customer"})
        elif kind == "opened":
            out.append({**event, "status": "new"})
        else:
            out.append(event)
        for _ in range(noise[i % len(noise)] if noise else 0):
            out.append(
                data.draw(
                    st.sampled_from(
                        [
                            {
                                "kind": "reply",
                                "at": event["at"],
                                "author": "agent",
                                "public": False,
                            },
                            {"kind": "reply", "at": event["at"], "author": "system"},
                            {"kind": "assigned", "at": event["at"], "assignee": "ann"},
                            {"kind": "group_changed", "at": event["at"], "group": "L2"},
                        ]
                    )
                )
            )
    return out


@given(tickets(), modes, st.integers(0, 6000), st.lists(st.integers(0, 2), max_size=4), st.data())
def test_statuses_and_replies_replay_like_the_verbs(
    events: list[dict[str, Any]],
    options: dict[str, str],
    offset: int,
    noise: list[int],
    data: st.DataObject,
) -> None:
    rules = ClockRules(SEVERITIES, statuses=STATUSES, **options)  # type: ignore[arg-type]
    at = events[0]["at"] + offset * M
    told = _in_helpdesk_terms(events, noise, data)
    a, b = rules.evaluate(events, at=at), rules.evaluate(told, at=at)
    assert a.cycles == b.cycles
    assert (a.phase, a.severity, a.next_due) == (b.phase, b.severity, b.next_due)
    assert rules.evaluate(told, at=at, history="lenient").cycles == b.cycles


@given(tickets(), st.integers(0, 6000))
def test_a_clock_that_pauses_is_never_due_earlier(
    events: list[dict[str, Any]], offset: int
) -> None:
    pausing = ClockRules(SEVERITIES)
    steady = ClockRules(SEVERITIES, metrics=[m.replace(pause_on=[]) for m in builtin_metrics()[:4]])
    at = events[0]["at"] + offset * M
    a, b = pausing.evaluate(events, at=at), steady.evaluate(events, at=at)
    assert len(a.cycles) == len(b.cycles)
    for p, s in zip(a.cycles, b.cycles, strict=True):
        assert (p.metric, p.number, p.started_at) == (s.metric, s.number, s.started_at)
        assert p.elapsed <= s.elapsed
        if p.breached:
            assert s.breached_at is not None
            assert p.breached_at is not None
            assert s.breached_at <= p.breached_at
        if p.due is not None and s.due is not None and not p.breached:
            assert s.due <= p.due


_MINUTES = {"15m": 15, "1h": 60, "6h": 360}


@given(tickets(), st.integers(0, 6000), st.sampled_from(["15m", "1h", "6h"]))
def test_a_24x7_metric_without_pauses_is_plain_arithmetic(
    events: list[dict[str, Any]], offset: int, target: str
) -> None:
    clock = MetricDefinition("to_solve", ["opened"], ["resolved"], pause_on=[])
    severities = [
        dataclasses.replace(
            s, targets=(("to_solve", _MINUTES[target] * M),), calendars=(("to_solve", ALWAYS),)
        )
        for s in SEVERITIES
    ]
    rules = ClockRules(severities, metrics=[clock])
    at = events[0]["at"] + offset * M
    (cycle,) = rules.evaluate(events, at=at).metrics["to_solve"].cycles
    end = min(at, cycle.stopped_at or at)
    budget = _MINUTES[target] * M
    assert cycle.elapsed == max(end - cycle.started_at, dt.timedelta(0))
    late = cycle.started_at + budget + US
    assert cycle.breached_at == (late if late <= end else None)
