"""A replay's cycle records make their instants, spans and fractions when first read.

Whatever is read, in whatever order, the record is the one its figures describe: equal
to (and hashed like) the record built from the same values by hand, pickled and
copied whole, shown the same, and refusing what it never had.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from dataclasses import asdict, fields, replace
from fractions import Fraction

import pytest

from slacalc._time import MAX_US
from slacalc.calendar import BusinessCalendar
from slacalc.errors import OutOfRangeError
from slacalc.timers import ClockRules, CycleStatus, SeverityTargets, TicketStatus
from slacalc.timers._replay import _Figures, _record

UTC = dt.UTC
T = dt.datetime(2026, 1, 5, 9, tzinfo=UTC)
CAL = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
RULES = ClockRules([SeverityTargets("p1", CAL, response="1h", resolution="8h")])
EVENTS = [
    {"kind": "opened", "at": T, "severity": "p1"},
    {"kind": "responded", "at": T + dt.timedelta(minutes=90, microseconds=7)},
]


def cycles() -> tuple[CycleStatus, ...]:
    return RULES.evaluate(EVENTS, at=T + dt.timedelta(hours=3)).cycles


def by_hand(c: CycleStatus) -> CycleStatus:
    """The same record built by its constructor from the values read."""
    return CycleStatus(**{f.name: getattr(c, f.name) for f in fields(c)})


def test_a_deferred_record_equals_and_hashes_like_one_built_by_hand() -> None:
    for c, fresh in zip(cycles(), cycles(), strict=True):
        made = by_hand(c)
        assert fresh == made
        assert made == fresh
        assert hash(cycles()[0]) == hash(by_hand(cycles()[0]))
        assert repr(fresh) == repr(made)


def test_every_field_reads_as_the_figures_say() -> None:
    response = cycles()[0]
    assert response.started_at == T
    assert response.started_at.tzinfo is CAL.tz
    assert response.stopped_at == T + dt.timedelta(minutes=90, microseconds=7)
    assert response.target == dt.timedelta(hours=1)
    assert response.elapsed == dt.timedelta(minutes=90, microseconds=7)
    assert response.remaining == dt.timedelta(minutes=-30, microseconds=-7)
    assert response.percent_used == Fraction(5_400_000_007, 3_600_000_000)
    assert response.breached
    assert response.breached_at == T + dt.timedelta(hours=1, microseconds=1)
    assert response.due == T + dt.timedelta(hours=1)
    assert response.due_if_resumed is None
    assert response.next_warning_at is None
    assert response.next_escalation_at is None
    assert response.paused == dt.timedelta(0)
    # A value once made is kept: the same object on every read.
    assert response.started_at is response.started_at


def test_pickles_copies_and_replaces_whole() -> None:
    for c in cycles():
        assert pickle.loads(pickle.dumps(c)) == by_hand(c)
        assert copy.copy(c) == c
        assert copy.deepcopy(c) == c
        assert asdict(c) == asdict(by_hand(c))
        assert replace(c, number=9) == replace(by_hand(c), number=9)


def test_unknown_and_missing_attributes_still_raise() -> None:
    c = cycles()[0]
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        _ = c.nonsense  # type: ignore[attr-defined]
    blank = object.__new__(CycleStatus)
    with pytest.raises(AttributeError, match="no attribute 'due'"):
        _ = blank.due


def test_an_instant_out_of_range_is_refused_by_the_replay_not_a_later_read() -> None:
    late = dt.datetime(9998, 12, 31, 12, tzinfo=UTC)
    rules = ClockRules([SeverityTargets("p1", BusinessCalendar.always("UTC"), response="24h")])
    with pytest.raises(OutOfRangeError, match="beyond the years"):
        rules.evaluate([{"kind": "opened", "at": late, "severity": "p1"}], at=late)
    # Whatever the calendar lets through, the record refuses when it is made.
    figures = _Figures("response", 1, "p1", "running", 0, None, None, 0)
    with pytest.raises(OutOfRangeError, match="outside the years"):
        _record(figures, UTC, 0, 0, (None, MAX_US + 1, None, None, None), 0, 0)
    assert _record(figures, UTC, 0, 0, (None, None, None, None, None), 0, 0).due is None


def status_by_hand(s: TicketStatus) -> TicketStatus:
    """The same status built by its constructor from the values read."""
    return TicketStatus(**{f.name: getattr(s, f.name) for f in fields(s)})


def test_a_deferred_status_reads_pickles_and_compares_as_one_built_by_hand() -> None:
    at = T + dt.timedelta(minutes=30, microseconds=3)
    running = RULES.evaluate(EVENTS[:1], at=at)
    assert running.at == at
    assert running.at.tzinfo is CAL.tz
    assert running.next_due == T + dt.timedelta(hours=1)
    assert running.next_breach_at == T + dt.timedelta(hours=1, microseconds=1)
    assert running.next_due.tzinfo is CAL.tz
    for fresh in (RULES.evaluate(EVENTS[:1], at=at), RULES.evaluate(EVENTS, at=at)):
        made = status_by_hand(fresh)
        assert fresh == made
        assert hash(fresh.cycles) == hash(made.cycles)
        assert repr(fresh) == repr(made)
        assert str(fresh) == str(made)
        assert pickle.loads(pickle.dumps(fresh)) == made
        assert copy.deepcopy(fresh) == made
        assert fresh.metrics["response"] == made.response
    # A history whose clocks all stopped: no deadline ahead.
    done = RULES.evaluate(
        [*EVENTS, {"kind": "resolved", "at": T + dt.timedelta(hours=2)}],
        at=at + dt.timedelta(hours=3),
    )
    assert done.next_due is None
    assert done.next_breach_at is None
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        _ = done.nonsense  # type: ignore[attr-defined]


def _still_deferred(record: object) -> bool:
    """Whether none of the record's deferred fields has been made yet."""
    return all(not hasattr_slot(record, name) for name in ("due", "elapsed", "started_at"))


def hasattr_slot(record: object, name: str) -> bool:
    """Whether the slot ``name`` holds a value (without making it through the figures)."""
    slot = type(record).__dict__[name]
    try:
        slot.__get__(record, type(record))
    except AttributeError:
        return False
    return True


def test_a_replayed_record_pickles_and_copies_as_its_figures_still_deferred() -> None:
    at = T + dt.timedelta(hours=3)
    for how in ("pickle", "copy", "deepcopy"):
        status = RULES.evaluate(EVENTS, at=at)
        made: TicketStatus = (
            pickle.loads(pickle.dumps(status))
            if how == "pickle"
            else copy.copy(status)
            if how == "copy"
            else copy.deepcopy(status)
        )
        assert all(_still_deferred(c) for c in made.cycles)  # sent as figures, not fields
        assert made == status
        assert [by_hand(c) for c in made.cycles] == [by_hand(c) for c in status.cycles]
        assert made.at == status.at
        assert made.next_due == status.next_due
    # Fields made before pickling are made again, equal, on the other side.
    read = cycles()[0]
    assert read.due is not None
    again = pickle.loads(pickle.dumps(read))
    assert _still_deferred(again)
    assert again.due == read.due
    assert by_hand(again) == by_hand(read)


def test_a_record_built_by_hand_pickles_as_a_dataclass_does() -> None:
    made = by_hand(cycles()[0])
    back = pickle.loads(pickle.dumps(made))
    assert back == made
    assert hasattr_slot(back, "due")  # every field travelled as a value
