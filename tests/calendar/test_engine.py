"""The compiled engine: lazy extension, caching, threads, coverage limits, composites."""

from __future__ import annotations

import datetime as dt
import threading

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from slacalc import (
    BusinessCalendar,
    HolidayCoverageError,
    NeverOpenError,
    OutOfRangeError,
)

CPH = "Europe/Copenhagen"


def _cal() -> BusinessCalendar:
    return BusinessCalendar("Mon-Fri 09:00-17:00; Sat 22:00-02:00", tz=CPH, holidays="DK")


instants = st.datetimes(
    min_value=dt.datetime(1995, 1, 1), max_value=dt.datetime(2045, 1, 1), timezones=st.just(dt.UTC)
)
durations = st.integers(min_value=0, max_value=3000 * 3600).map(lambda s: dt.timedelta(seconds=s))

SHARED = _cal()


@given(t=instants, u=instants, d=durations)
def test_answers_do_not_depend_on_what_was_asked_before(
    t: dt.datetime, u: dt.datetime, d: dt.timedelta
) -> None:
    # SHARED has been extended back and forth by every earlier example; a fresh
    # calendar compiles only what this question needs. Both must agree exactly.
    fresh = _cal()
    assert SHARED.add(t, d) == fresh.add(t, d)
    assert SHARED.subtract(u, d) == _cal().subtract(u, d)
    assert SHARED.elapsed(t, u) == _cal().elapsed(t, u)
    assert SHARED.is_open(u) == _cal().is_open(u)


def test_extension_in_both_directions_keeps_prefix_sums_consistent() -> None:
    cal = _cal()
    mid = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    far_future = dt.datetime(2060, 6, 1, tzinfo=dt.UTC)
    far_past = dt.datetime(1990, 6, 1, tzinfo=dt.UTC)
    a = cal.elapsed(mid, far_future)
    b = cal.elapsed(far_past, mid)
    assert cal.elapsed(far_past, far_future) == a + b
    assert _cal().elapsed(far_past, far_future) == a + b


def test_a_shared_calendar_answers_the_same_from_many_threads() -> None:
    starts = [
        dt.datetime(2000 + k, 1 + k % 12, 1 + k % 28, k % 24, tzinfo=dt.UTC) for k in range(40)
    ]
    expected = [_cal().add(t, "37h30m") for t in starts]
    cal = _cal()
    results: dict[int, list[dt.datetime]] = {}

    def work(n: int) -> None:
        order = starts[n:] + starts[:n]
        got = {t: cal.add(t, "37h30m") for t in order}
        results[n] = [got[t] for t in starts]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert all(results[n] == expected for n in range(8))


def test_very_long_durations_are_exact() -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz=CPH)
    start = dt.datetime(2026, 1, 5, 9, tzinfo=cal.tz)  # a Monday
    # 100,000 h = 12,500 days of 8 h = 2,500 weeks exactly (no holidays): the budget
    # ends at Friday 17:00 of week 2,500, so the deadline is the next Monday 09:00.
    due = cal.add(start, dt.timedelta(hours=100_000))
    assert due.weekday() == 0
    assert (due.hour, due.minute) == (9, 0)
    assert due.date() == dt.date(2026, 1, 5) + dt.timedelta(weeks=2500)
    assert cal.elapsed(start, due) == dt.timedelta(hours=100_000)


class TestFixedHolidayYears:
    """A HolidayBase with expand=False answers inside its years and refuses outside."""

    @pytest.fixture
    def cal(self) -> BusinessCalendar:
        dk = holidays.country_holidays("DK", years=2026, expand=False)
        return BusinessCalendar("Mon-Fri 09:00-17:00", tz=CPH, holidays=dk)

    def test_inside(self, cal: BusinessCalendar) -> None:
        assert not cal.is_open(dt.datetime(2026, 1, 1, 10, tzinfo=cal.tz))  # New Year's Day
        assert cal.is_open(dt.datetime(2026, 1, 2, 10, tzinfo=cal.tz))
        assert cal.add(dt.datetime(2026, 12, 30, 10, tzinfo=cal.tz), "8h") == dt.datetime(
            2026, 12, 31, 10, tzinfo=cal.tz
        )

    @pytest.mark.parametrize(
        ("call", "year"),
        [
            (lambda c: c.is_open(dt.datetime(2025, 12, 31, 10, tzinfo=c.tz)), 2025),
            (lambda c: c.add(dt.datetime(2026, 12, 31, 10, tzinfo=c.tz), "8h"), 2027),
            (lambda c: c.subtract(dt.datetime(2026, 1, 2, 10, tzinfo=c.tz), "8h"), 2025),
            (lambda c: c.next_open(dt.datetime(2026, 12, 31, 18, tzinfo=c.tz)), 2027),
        ],
        ids=["before", "add-past-the-end", "subtract-past-the-start", "next-open-past-the-end"],
    )
    def test_outside_raises_naming_the_year(
        self, cal: BusinessCalendar, call: object, year: int
    ) -> None:
        with pytest.raises(HolidayCoverageError, match=f"needs {year}") as info:
            call(cal)  # type: ignore[operator]
        assert isinstance(info.value, LookupError)
        assert "expand=True" in str(info.value)

    def test_a_night_shift_of_the_uncovered_new_years_eve_is_not_guessed(self) -> None:
        dk = holidays.country_holidays("DK", years=2026, expand=False)
        nights = BusinessCalendar("Mon-Sun 22:00-06:00", tz=CPH, holidays=dk)
        with pytest.raises(HolidayCoverageError, match="needs 2025"):
            nights.is_open(dt.datetime(2026, 1, 1, 3, tzinfo=nights.tz))
        assert not nights.is_open(dt.datetime(2026, 1, 1, 7, tzinfo=nights.tz))


class TestIntersection:
    def test_hours_that_meet_only_while_dst_dates_differ(self) -> None:
        # Copenhagen 09-10 is New York 03-04 most of the year (6 h apart), and 04-05 while
        # the US is on summer time and Europe is not: 2026-03-08..03-29 and 10-25..11-01.
        # Weekdays then: Mar 9-13, 16-20, 23-27 (15) and Oct 26-30 (5) -> 20 h in 2026.
        cph = BusinessCalendar("Mon-Fri 09:00-10:00", tz=CPH)
        nyc = BusinessCalendar("Mon-Fri 04:00-05:00", tz="America/New_York")
        both = cph & nyc
        year = dt.datetime(2026, 1, 1, tzinfo=dt.UTC), dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
        assert both.elapsed(*year) == dt.timedelta(hours=20)
        first = both.next_open(year[0])
        assert first == dt.datetime(2026, 3, 9, 9, tzinfo=cph.tz)

    def test_hours_that_never_meet_raise_when_built(self) -> None:
        cph = BusinessCalendar("Mon-Fri 09:00-10:00", tz=CPH)
        nyc = BusinessCalendar("Mon-Fri 09:00-10:00", tz="America/New_York")
        with pytest.raises(NeverOpenError, match="never open") as info:
            _ = cph & nyc
        assert isinstance(info.value, ValueError)

    def test_union_then_intersection_is_the_smaller_calendar(self) -> None:
        a = BusinessCalendar("Mon-Fri 09:00-17:00", tz=CPH, holidays="DK")
        b = BusinessCalendar("Mon-Fri 08:00-20:00", tz=CPH)
        lo, hi = dt.datetime(2026, 1, 1, tzinfo=dt.UTC), dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
        assert list((a & (a | b)).open_periods(lo, hi)) == list(a.open_periods(lo, hi))


def test_searches_are_bounded() -> None:
    once = BusinessCalendar({}, tz="UTC", overrides={"2026-12-24": "09:00-12:00"})
    after = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    for call in (once.next_open, once.next_close, lambda t: once.add(t, "1h")):
        with pytest.raises(OutOfRangeError, match="none comes later"):
            call(after)
    with pytest.raises(OutOfRangeError, match="none comes earlier"):
        once.subtract(dt.datetime(2026, 12, 24, 10, tzinfo=dt.UTC), "2h")
    assert once.subtract(after, "3h") == dt.datetime(2026, 12, 24, 9, tzinfo=dt.UTC)
    # Weekly hours that never come (every day a holiday for 30 years) give up after
    # 10 empty years or so (the search grows in steps of a year or more) instead of
    # searching to the end of time.
    days = [dt.date(2030, 1, 1) + dt.timedelta(days=k) for k in range(30 * 366)]
    closed = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", holidays=tuple(days))
    with pytest.raises(OutOfRangeError, match="within 10 years"):
        closed.next_open(dt.datetime(2030, 1, 1, tzinfo=dt.UTC))


def test_a_special_day_decades_away_is_still_found() -> None:
    # Searches follow special days however far away they are; only repeating weekly
    # hours that never open stop at 10 years.
    once = BusinessCalendar({}, tz="UTC", overrides={"2090-06-01": "09:00-12:00"})
    t = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert once.next_open(t) == dt.datetime(2090, 6, 1, 9, tzinfo=dt.UTC)
    assert once.add(t, "1h") == dt.datetime(2090, 6, 1, 10, tzinfo=dt.UTC)
    assert once.elapsed(t, dt.datetime(2091, 1, 1, tzinfo=dt.UTC)) == dt.timedelta(hours=3)
    later = BusinessCalendar({}, tz="UTC", overrides={"2091-01-02": "10:00-11:00"})
    assert (once | later).next_open(dt.datetime(2090, 7, 1, tzinfo=dt.UTC)) == dt.datetime(
        2091, 1, 2, 10, tzinfo=dt.UTC
    )


def test_instants_beyond_the_supported_years_raise() -> None:
    cal = BusinessCalendar.always()
    with pytest.raises(OutOfRangeError, match="years 2-9998"):
        cal.is_open(dt.datetime(9999, 6, 1, tzinfo=dt.UTC))
    with pytest.raises(OutOfRangeError):
        cal.add(dt.datetime(9998, 6, 1, tzinfo=dt.UTC), dt.timedelta(days=400))


@pytest.mark.parametrize("combine", ["plain", "union", "intersection"])
def test_calendars_pickle_with_their_frozen_holidays(combine: str) -> None:
    import copy
    import pickle

    plain = BusinessCalendar(
        "Mon-Fri 09:00-17:00",
        tz=CPH,
        holidays=["DK", holidays.country_holidays("SE"), "2026-12-24"],
        overrides={"2026-12-31": "09:00-12:00"},
    )
    other = BusinessCalendar("Mon-Sat 08:00-20:00", tz="America/New_York")
    cal = {"plain": plain, "union": plain | other, "intersection": plain & other}[combine]
    t = dt.datetime(2026, 12, 23, 10, tzinfo=dt.UTC)
    due = cal.add(t, "20h")
    years = cal.holiday_years
    clone = pickle.loads(pickle.dumps(cal))
    assert clone == cal
    assert hash(clone) == hash(cal)
    assert clone.holiday_years == years  # the frozen years travel along
    assert clone.add(t, "20h") == due
    assert copy.deepcopy(cal) is cal
    assert copy.copy(cal) is cal


def test_calendars_are_immutable() -> None:
    cal = _cal()
    with pytest.raises(AttributeError, match="immutable"):
        cal._tz = dt.UTC
    with pytest.raises(AttributeError):
        cal.tz = dt.UTC  # type: ignore[misc]


def test_calendars_from_the_same_holiday_object_are_equal() -> None:
    dk = holidays.country_holidays("DK", years=2026)
    a = BusinessCalendar("Mon-Fri 09:00-17:00", tz=CPH, holidays=dk)
    b = BusinessCalendar("Mon-Fri 09:00-17:00", tz=CPH, holidays=dk)
    assert a == b
    assert hash(a) == hash(b)
    se = holidays.country_holidays("SE", years=2026)
    assert a != BusinessCalendar("Mon-Fri 09:00-17:00", tz=CPH, holidays=se)


def test_repr_counts_dates_in_words() -> None:
    one = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", holidays="2026-12-24")
    assert repr(one) == "BusinessCalendar('Mon-Fri 09:00-17:00', tz='UTC', holidays='1 date')"
    two = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", holidays=["2026-12-24", "2026-12-31"])
    assert "holidays='2 dates'" in repr(two)


@pytest.mark.parametrize(
    "hours",
    ["24/7", "Mon-Fri 22:00-06:00", "Mon-Fri 09:00-12:00,13:00-17:00", "Sat 23:30-00:30"],
)
def test_the_fast_is_open_agrees_with_the_engine_on_every_minute(hours: str) -> None:
    # The warm is_open reads a per-UTC-day table; the engine bisects the segments.
    # Both must agree on every minute of a DST week, including across UTC midnight.
    cal = BusinessCalendar(hours, tz=CPH, holidays="DK")
    start = dt.datetime(2026, 3, 26, tzinfo=dt.UTC)
    cal.elapsed(start, start + dt.timedelta(days=400))  # compile the stretch first
    for minute in range(8 * 24 * 60):
        t = start + dt.timedelta(minutes=minute)
        us = (t - dt.datetime(1970, 1, 1, tzinfo=dt.UTC)) // dt.timedelta(microseconds=1)
        assert cal.is_open(t) is cal._timeline.is_open(us), t
        assert cal.is_open(t - dt.timedelta(microseconds=1)) is cal._timeline.is_open(us - 1)
