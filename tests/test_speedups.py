"""The compiled record makers (``slacalc._speedups.record_maker``) make what the Python
makers make, and a class they cannot make is left to the Python maker.

The readers and loops of the ticket clocks are compared in tests/timers/test_speedups.py.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from slacalc._compiled import SPEEDUPS, compiled
from slacalc._slots import _record_maker, record_maker, slots_maker
from slacalc.calendar import BusinessCalendar

needs_build = pytest.mark.skipif(SPEEDUPS is None, reason="slacalc._speedups not built")


def slot(cls: type, name: str) -> Any:
    """The descriptor of ``cls``'s own slot ``name``."""
    return cls.__dict__[name]


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    count: int
    note: object = None


class Kept:
    __slots__ = ("_kept",)


@dataclass(frozen=True, slots=True)
class Later(Kept):
    value: int
    other: int


def test_the_makers_are_compiled_where_the_module_is_built() -> None:
    make = record_maker(
        Row, [slot(Row, "name"), slot(Row, "count")], [(slot(Row, "note"), "fixed")]
    )
    assert make("a", 1) == Row("a", 1, "fixed")
    if SPEEDUPS is None:
        assert make.__name__ == "make"
    else:
        assert repr(make) == "<compiled maker of Row>"
    if os.environ.get("CI") and not os.environ.get("SLACALC_PURE_PYTHON"):
        assert SPEEDUPS is not None


def test_pure_python_is_asked_for_through_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACALC_PURE_PYTHON", "1")
    assert compiled() is None
    monkeypatch.setenv("SLACALC_PURE_PYTHON", "0")
    assert compiled() is SPEEDUPS


@needs_build
@given(st.text(max_size=5), st.integers(), st.one_of(st.none(), st.integers(), st.text()))
def test_a_compiled_maker_makes_the_python_makers_record(
    name: str, count: int, note: object
) -> None:
    assert SPEEDUPS is not None
    setters = (slot(Row, "name"), slot(Row, "count"), slot(Row, "note"))
    made = SPEEDUPS.record_maker(Row, setters, ())(name, count, note)
    expected = _record_maker(Row, setters, ())(name, count, note)
    assert made == expected == Row(name, count, note)
    assert pickle.loads(pickle.dumps(made)) == made
    # a slot left unset stays unset, as the Python maker leaves it
    partial = SPEEDUPS.record_maker(Later, (slot(Kept, "_kept"), slot(Later, "value")), ())(
        count, 3
    )
    assert partial._kept == count
    assert partial.value == 3
    assert not hasattr(partial, "other")


@needs_build
def test_a_compiled_maker_refuses_a_wrong_call_as_the_python_one_does() -> None:
    assert SPEEDUPS is not None
    setters = (slot(Row, "name"), slot(Row, "count"))
    for make in (SPEEDUPS.record_maker(Row, setters, ()), _record_maker(Row, setters, ())):
        with pytest.raises(TypeError):
            make("a")
        with pytest.raises(TypeError):
            make("a", 1, 2)
        with pytest.raises(TypeError):
            make("a", count=1)
    with pytest.raises(TypeError, match="takes 2 positional values \\(got 1\\)"):
        SPEEDUPS.record_maker(Row, setters, ())("a")


class Made:
    __slots__ = ("x",)

    def __new__(cls) -> Made:
        raise AssertionError("not called by a maker")


class Plain:
    __slots__ = ("x",)

    @property
    def y(self) -> int:
        return 1


@needs_build
@pytest.mark.parametrize(
    ("cls", "setters", "fixed", "why"),
    [
        (Made, (slot(Made, "x"),), (), "is not made by object.__new__"),
        (Plain, (slot(Plain, "y"),), (), "value 0 of Plain is not set through one of its slots"),
        (Plain, (slot(Row, "name"),), (), "value 0 of Plain is not set through one of its slots"),
        (
            Plain,
            (),
            ((slot(Plain, "y"), 1),),
            "fixed value 0 of Plain is not a \\(slot, value\\) pair",
        ),
    ],
)
def test_what_the_compiled_maker_cannot_make_is_left_to_the_python_one(
    cls: type, setters: tuple[Any, ...], fixed: tuple[Any, ...], why: str
) -> None:
    assert SPEEDUPS is not None
    with pytest.raises(TypeError, match=why):
        SPEEDUPS.record_maker(cls, setters, fixed)
    assert record_maker(cls, setters, fixed).__name__ == "make"  # the generated function
    with pytest.raises(TypeError, match="fixed value 0 of Plain is not a \\(slot, value\\) pair"):
        SPEEDUPS.record_maker(Plain, (), ((slot(Plain, "x"),),))


def test_slots_maker_sets_the_fixed_and_stored_in_slots() -> None:
    make = slots_maker(Later, stored_in={"value": "_kept"}, other=9)
    later = make(4)
    assert slot(Kept, "_kept").__get__(later) == 4
    assert later.other == 9
    assert not hasattr(later, "value")
    with pytest.raises(TypeError, match="Later has no field 'nope'"):
        slots_maker(Later, nope=1)


_CALENDARS = [
    BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK"),
    BusinessCalendar("Mon-Fri 09:00-12:00,13:00-17:30; Sat 10:00-14:00", tz="America/New_York"),
    BusinessCalendar("Mon-Sun 22:00-06:00", tz="Australia/Lord_Howe"),  # night shifts, DST
    BusinessCalendar("24/7", tz="UTC"),
]
_DAY = 86_400_000_000
_T0 = 1_767_225_600_000_000  # 2026-01-01 00:00 UTC


@needs_build
@given(
    st.sampled_from(_CALENDARS),
    st.integers(0, 400 * _DAY),
    st.integers(0, 40 * _DAY),
    st.sampled_from([1, 60_000_000, 3_600_000_000, _DAY]),
)
def test_the_compiled_warm_calendar_questions_answer_as_the_timeline(
    cal: BusinessCalendar, start: int, span: int, unit: int
) -> None:
    assert SPEEDUPS is not None
    a = _T0 + start // unit * unit  # on whole minutes, hours, days: openings and closings
    b = a + span // unit * unit
    timeline = cal._timeline
    snap = timeline.cover(a, b)
    # the open time, against the snapshot's own interval algebra
    expected = snap.open.before(b) - snap.open.before(a)
    assert SPEEDUPS.snap_elapsed(snap, a, b) == expected == cal._elapsed_us(a, b)
    assert SPEEDUPS.snap_elapsed(snap, b, a) == -expected
    # a deadline inside the stretch, or None for the timeline to grow it
    deadline = SPEEDUPS.snap_deadline(snap, a, b - a)
    if deadline is not None:
        assert deadline == timeline.deadline(a, b - a) == cal._deadline_us(a, b - a)
    else:
        assert snap.open.before(a) + (b - a) >= snap.cum[-1]
    assert cal._deadline_us(a, b - a) == timeline.deadline(a, b - a)


@needs_build
def test_the_compiled_warm_questions_leave_the_rest_to_the_timeline() -> None:
    assert SPEEDUPS is not None
    timeline = _CALENDARS[0]._timeline
    snap = timeline.cover(_T0, _T0 + _DAY)
    for args in [
        (snap, snap.lo - 1, snap.lo),  # outside the stretch
        (snap, snap.lo, snap.hi),  # hi is outside too
        (snap, float(snap.lo), snap.lo),  # not an int
        (snap, 2**70, 0),  # beyond 64 bits
        (None, _T0, _T0),  # no stretch yet
        ((1, 2), _T0, _T0),  # not a snapshot
        (snap._replace(starts=list(snap.starts)), _T0, _T0 + 1),  # type: ignore[arg-type]
    ]:
        assert SPEEDUPS.snap_elapsed(*args) is None, args[1:]
    assert SPEEDUPS.snap_deadline(snap, _T0, -1) is None  # no negative budget
    assert SPEEDUPS.snap_deadline(snap, _T0, 2**62) is None  # past the stretch
    # a budget that uses up the stretch's last open µs: the deadline is the next opening,
    # after the stretch, which the timeline grows to find
    rest = snap.cum[-1] - snap.open.before(_T0)
    assert SPEEDUPS.snap_deadline(snap, _T0, rest) is None
    assert SPEEDUPS.snap_deadline(snap, _T0, rest - 1) == snap.ends[-1] - 1
    assert SPEEDUPS.snap_deadline(snap, snap.hi, 0) is None
    with pytest.raises(TypeError, match="takes three arguments"):
        SPEEDUPS.snap_elapsed(snap, 0)
    with pytest.raises(TypeError, match="takes three arguments"):
        SPEEDUPS.snap_deadline(snap, 0)
