"""The forms a calendar is written in, at their edges: what is read, what is refused and why."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from slacalc import BusinessCalendar, InvalidDateError, InvalidHoursError, NaiveDatetimeError

UTC = dt.UTC
MONDAY = dt.date(2026, 3, 2)
HOUR = dt.timedelta(hours=1)


def at(hour: int, minute: int = 0, day: dt.date = MONDAY) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def test_touching_intervals_become_one() -> None:
    cal = BusinessCalendar("Mon 09:00-12:00,12:00-17:00", tz="UTC")
    assert cal.hours == "Mon 09:00-17:00"
    assert cal.next_close(at(10)) == at(17)  # no close at the seam
    assert cal.elapsed(at(11), at(13)) == dt.timedelta(hours=2)


def test_an_interval_to_midnight_is_shown_as_24_00() -> None:
    cal = BusinessCalendar("Mon 20:00-24:00", tz="UTC")
    assert cal.hours == "Mon 20:00-24:00"
    assert cal.next_close(at(21)) == at(0, day=MONDAY + dt.timedelta(days=1))


def test_empty_clauses_are_skipped() -> None:
    cal = BusinessCalendar("Mon 09:00-17:00;; Tue 10:00-12:00;", tz="UTC")
    assert cal.hours == "Mon 09:00-17:00; Tue 10:00-12:00"


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        pytest.param({"mon": "  "}, r"Empty hours in 'mon'; write intervals", id="blank"),
        pytest.param(
            {"mon": ["09:00-12:00", 13]}, r"Interval 13 in 'mon' is not a string", id="item"
        ),
        pytest.param({"mon": 9}, r"Hours 9 for 'mon' are not readable", id="value"),
        pytest.param(
            "Mon-Tue-Wed 09:00-17:00",
            r"Days 'Mon-Tue-Wed' in .* are not a weekday or a range",
            id="three-days",
        ),
        pytest.param(
            "-Fri 09:00-17:00", r"Days '-Fri' in .* are not a weekday or a range", id="open-range"
        ),
        pytest.param({1: "09:00-17:00"}, r"Weekday key 1 is not a string", id="key"),
        pytest.param(42, r"Business hours 42 are neither a string nor a mapping", id="type"),
    ],
)
def test_unreadable_hours_say_what_to_write(hours: Any, message: str) -> None:
    with pytest.raises(InvalidHoursError, match=message):
        BusinessCalendar(hours, tz="UTC")


def test_holidays_nested_in_any_iterable_are_read() -> None:
    days = (d for d in [MONDAY, MONDAY + dt.timedelta(days=1)])
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", holidays=[days])  # type: ignore[list-item]
    assert not cal.is_open(at(10))
    assert not cal.is_open(at(10, day=MONDAY + dt.timedelta(days=1)))
    assert cal.is_open(at(10, day=MONDAY + dt.timedelta(days=2)))


def test_unreadable_holidays_are_refused() -> None:
    with pytest.raises(InvalidDateError, match=r"Holidays 3 are not readable; pass a country"):
        BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", holidays=[3])  # type: ignore[list-item]


@pytest.mark.parametrize("warm", [False, True], ids=["cold", "warm"])
def test_naive_datetimes_are_refused_on_the_fast_paths_too(warm: bool) -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
    if warm:  # the fast paths start once the calendar has answered a question
        assert cal.elapsed(at(9), at(17, day=MONDAY + dt.timedelta(days=7))) == 48 * HOUR
    naive = dt.datetime(2026, 3, 2, 10)
    for call in (
        lambda: cal.is_open(naive),
        lambda: cal.next_open(naive),
        lambda: cal.next_close(naive),
        lambda: cal.add(naive, dt.timedelta(hours=1)),
        lambda: cal.add(naive, "1h"),
        lambda: cal.exhausted_at(naive, "1h"),
        lambda: cal.subtract(naive, "1h"),
        lambda: cal.elapsed(naive, at(12)),
        lambda: cal.elapsed(at(9), naive),
    ):
        with pytest.raises(NaiveDatetimeError, match="has no time zone"):
            call()


def test_a_negative_duration_goes_back() -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
    tuesday = MONDAY + dt.timedelta(days=1)
    assert cal.add(at(10, day=tuesday), "-2h") == at(16)
    assert cal.add(at(10, day=tuesday), -dt.timedelta(hours=2)) == cal.subtract(
        at(10, day=tuesday), "2h"
    )


def test_set_operations_and_equality_with_other_types() -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
    with pytest.raises(TypeError):
        _ = cal | "Mon-Fri 18:00-20:00"  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = cal & 5  # type: ignore[operator]
    assert cal != "Mon-Fri 09:00-17:00"
    assert cal == BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
    union = cal | BusinessCalendar("Sat 10:00-12:00", tz="UTC")
    assert union.hours == repr(union)  # no weekly form: described by how it was built
