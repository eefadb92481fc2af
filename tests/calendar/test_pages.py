"""The paged engine gives the answers of compiling the whole span at once.

Long questions skip pages by their open-time totals (counted arithmetically for weekly
calendars); these tests compare them with the segments of the whole span compiled in
one go, on random calendars in zones with DST, a 30-minute DST and a missing midnight.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zoneinfo
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slacalc import BusinessCalendar, HolidayCoverageError, OutOfRangeError
from slacalc._time import to_us
from slacalc.calendar._engine import CHUNK, PAGE_US, PAGES_KEPT, WeeklySource
from tests.strategies import CalendarSpec, scenarios

YEAR_US = 366 * 86_400_000_000


def _build(spec: CalendarSpec) -> BusinessCalendar:
    hours, kwargs = spec.engine_args()
    return BusinessCalendar(hours, **kwargs)


def scaled(fraction: float) -> settings:
    return settings(max_examples=max(10, int(settings().max_examples * fraction)), deadline=None)


@scaled(0.2)
@given(st.data(), scenarios())
def test_paged_answers_equal_the_whole_span_compiled(data: st.DataObject, sc: object) -> None:
    spec = sc.spec  # type: ignore[attr-defined]
    cal = _build(spec)
    timeline = cal._timeline
    x = to_us(sc.anchor) + data.draw(st.integers(-YEAR_US, YEAR_US), label="shift")  # type: ignore[attr-defined]
    span = data.draw(st.integers(2 * PAGE_US, 7 * YEAR_US), label="span")
    month = 31 * 86_400_000_000
    whole = cal._source.segments(x - span - month, x + span + month)
    assert timeline._paged_elapsed(x, x + span) == whole.measure(x, x + span)
    assert timeline._paged_elapsed(x - span, x) == whole.measure(x - span, x)
    d = data.draw(st.integers(1, max(1, whole.measure(x, x + span))), label="d")
    if d <= whole.measure(x, x + span):
        assert timeline._paged_forward(x, d, exact=True) == whole.advance(x, d)
        y = timeline._paged_forward(x, d, exact=False)
        assert whole.measure(x, y) == d
        assert whole.measure(x, y + 1) > d
    if d <= whole.measure(x - span, x):
        y = timeline._paged_backward(x, d)
        assert whole.measure(y, x) == d
        assert whole.measure(y - 1, x) > d


@scaled(0.2)
@given(scenarios(), st.integers(-60, 60))
def test_page_totals_equal_their_compiled_segments(sc: object, offset: int) -> None:
    cal = _build(sc.spec)  # type: ignore[attr-defined]
    timeline = cal._timeline
    k = to_us(sc.anchor) // PAGE_US + offset  # type: ignore[attr-defined]
    assert timeline.total(k) == timeline.page(k).total()
    assert (
        timeline.span_total(k, k + 3)
        == cal._source.segments(k * PAGE_US, (k + 3) * PAGE_US).total()
    )


def test_long_questions_agree_with_short_steps() -> None:
    cal = BusinessCalendar(
        "Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK", holiday_coverage="lenient"
    )
    t = dt.datetime(2026, 3, 2, 10, tzinfo=cal.tz)
    far = cal.add(t, dt.timedelta(hours=100_000))
    step = t
    for _ in range(10):
        step = cal.add(step, dt.timedelta(hours=10_000))
    assert far == step
    assert cal.elapsed(t, far) == dt.timedelta(hours=100_000)
    assert cal.subtract(far, dt.timedelta(hours=100_000)) == t
    assert BusinessCalendar(
        "Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK", holiday_coverage="lenient"
    ).add(t, dt.timedelta(days=100_000)) == cal.add(t, dt.timedelta(days=100_000))


def test_scattered_questions_keep_memory_bounded() -> None:
    cal = BusinessCalendar(
        "Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK", holiday_coverage="lenient"
    )
    for year in range(2000, 9000, 97):
        t = dt.datetime(year, 6, 1, 12, tzinfo=cal.tz)
        cal.elapsed(t, t.replace(year=year + 40))
        cal.add(t, dt.timedelta(hours=50_000))
    assert len(cal._timeline._pages) <= PAGES_KEPT
    snap = cal._timeline._snap
    assert snap is None or snap.hi - snap.lo <= 6 * YEAR_US
    assert CHUNK * PAGE_US > YEAR_US


def test_a_24x7_calendar_answers_by_arithmetic() -> None:
    cal = BusinessCalendar.always("Europe/Copenhagen")
    t = dt.datetime(2026, 3, 2, 10, tzinfo=cal.tz)
    utc = t.astimezone(dt.UTC)
    for days in (2_000_000, -700_000):
        expected = (utc + dt.timedelta(days=days)).astimezone(cal.tz)
        assert cal.add(t, dt.timedelta(days=days)) == expected
    end = dt.datetime(9000, 1, 1, tzinfo=dt.UTC)
    assert cal.elapsed(t, end) == end - utc
    assert cal._timeline._snap is None  # nothing compiled


def test_durations_past_the_supported_years_raise_at_once() -> None:
    cal = BusinessCalendar(
        "Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK", holiday_coverage="lenient"
    )
    t = dt.datetime(2026, 3, 2, 10, tzinfo=cal.tz)
    for call in (cal.add, cal.exhausted_at, cal.subtract):
        with pytest.raises(OutOfRangeError, match="9998"):
            call(t, dt.timedelta(days=2_500_000))
    # Refused before compiling anything: the weekly hours bound what a stretch can hold.
    assert cal._timeline._snap is None
    with pytest.raises(OutOfRangeError):
        BusinessCalendar.always().add(
            dt.datetime(9990, 1, 1, tzinfo=dt.UTC), dt.timedelta(days=4000)
        )


def test_a_calendar_with_no_hours_for_decades_still_raises() -> None:
    cal = BusinessCalendar("Mon 09:00-10:00", tz="UTC", holidays=[dt.date(2026, 3, 2)])
    t = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
    assert cal.add(t, dt.timedelta(hours=2000)).year == 2064
    assert cal.subtract(t, dt.timedelta(hours=2000)).year == 1987


US_PER_HOUR = 3_600_000_000


def _check_long_questions(cal: BusinessCalendar, t: dt.datetime, hours: int, years: int) -> None:
    """add, exhausted_at, subtract and elapsed over ``hours`` of open time agree with the
    segments of ``years`` on either side of ``t`` compiled in one go."""
    x = to_us(t)
    span = years * YEAR_US
    whole = cal._source.segments(x - span, x + span)
    d = hours * US_PER_HOUR
    assert whole.measure(x, x + span) > d
    assert whole.measure(x - span, x) > d
    assert to_us(cal.exhausted_at(t, dt.timedelta(hours=hours))) == whole.advance(x, d)
    y = to_us(cal.add(t, dt.timedelta(hours=hours)))
    assert whole.measure(x, y) == d
    assert whole.measure(x, y + 1) > d
    y = to_us(cal.subtract(t, dt.timedelta(hours=hours)))
    assert whole.measure(y, x) == d
    assert whole.measure(y - 1, x) > d
    end = t + dt.timedelta(days=365 * years - 30)
    assert cal.elapsed(t, end) == dt.timedelta(microseconds=whole.measure(x, to_us(end)))
    assert cal.elapsed(end, t) == -dt.timedelta(microseconds=whole.measure(x, to_us(end)))


def test_long_questions_with_seasons_and_recurring_days() -> None:
    cal = BusinessCalendar(
        "Mon-Fri 09:00-17:00",
        tz="Europe/Copenhagen",
        holidays="DK",
        recurring={"12-24": "09:00-12:00", "last Fri of Nov": "09:00-13:00"},
        seasons={"Jul": "Mon-Thu 08:00-15:00"},
    )
    # About 1,950 open hours a year: 14,000 hours reach some seven years away.
    _check_long_questions(cal, dt.datetime(2026, 3, 2, 10, tzinfo=cal.tz), 14_000, 9)


def test_long_questions_across_versions_unions_and_intersections() -> None:
    cph = BusinessCalendar(
        "Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK", holiday_coverage="lenient"
    )
    early = BusinessCalendar("Mon-Fri 08:00-16:00", tz="Europe/Copenhagen")
    ny = BusinessCalendar("Mon-Fri 09:00-17:00", tz="America/New_York")
    cal = BusinessCalendar.versioned(
        [(None, cph), (dt.date(2024, 1, 1), early | ny), (dt.date(2029, 1, 1), cph & early)]
    )
    _check_long_questions(cal, dt.datetime(2027, 3, 2, 10, tzinfo=cal.tz), 12_000, 8)


def _fixed_dk(years: list[int]) -> Any:
    import holidays

    covered = holidays.country_holidays("DK", years=years)
    covered.expand = False
    return covered


def test_fixed_holiday_years_bound_long_questions() -> None:
    cal = BusinessCalendar(
        "Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays=_fixed_dk(list(range(2020, 2031)))
    )
    first = dt.datetime(2020, 1, 1, tzinfo=cal.tz)  # the first instant with holidays
    end = dt.datetime(2031, 1, 1, tzinfo=cal.tz)
    whole = cal._source.segments(to_us(first), to_us(end))
    late = dt.datetime(2030, 12, 31, 12, tzinfo=cal.tz)
    assert cal.elapsed(first, late) == dt.timedelta(
        microseconds=whole.measure(to_us(first), to_us(late))
    )
    # A little more than the open time left on either side of mid-2025 cannot fit,
    # though the quick upper bound of a weekly calendar (61 hours a week) lets the
    # walk start.
    mid = dt.datetime(2025, 6, 2, 10, tzinfo=cal.tz)
    after = whole.measure(to_us(mid), to_us(end)) + 100 * US_PER_HOUR
    before = whole.measure(to_us(first), to_us(mid)) + 100 * US_PER_HOUR
    assert after < (end - mid) // dt.timedelta(weeks=1) * 61 * US_PER_HOUR
    assert before < (mid - first) // dt.timedelta(weeks=1) * 61 * US_PER_HOUR
    with pytest.raises(HolidayCoverageError, match="2031"):
        cal.add(mid, dt.timedelta(microseconds=after))
    with pytest.raises(HolidayCoverageError, match="2019"):
        cal.subtract(mid, dt.timedelta(microseconds=before))
    with pytest.raises(HolidayCoverageError, match="2019"):
        cal.subtract(first, dt.timedelta(hours=1))
    with pytest.raises(HolidayCoverageError, match="2019"):
        cal.elapsed(dt.datetime(2019, 6, 1, tzinfo=cal.tz), late)
    with pytest.raises(HolidayCoverageError, match="2031"):
        cal.elapsed(first, dt.datetime(2031, 6, 1, tzinfo=cal.tz))
    # Either side of a union names its own uncovered year.
    ny = BusinessCalendar("Mon-Fri 09:00-17:00", tz="America/New_York")
    for both in (cal | ny, ny | cal):
        with pytest.raises(HolidayCoverageError, match="2032"):
            both.is_open(dt.datetime(2032, 3, 1, 12, tzinfo=dt.UTC))


def test_holidays_fixed_to_no_year_answer_nothing() -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", holidays=_fixed_dk([]))
    with pytest.raises(HolidayCoverageError):
        cal.is_open(dt.datetime(2026, 3, 2, 12, tzinfo=dt.UTC))


def test_a_calendar_open_only_on_special_days_answers_across_decades() -> None:
    tz = "Europe/Copenhagen"
    cal = BusinessCalendar(
        "closed", tz=tz, overrides={"2026-03-02": "09:00-17:00", "2034-03-01": "09:00-17:00"}
    )
    t = dt.datetime(2026, 1, 1, tzinfo=cal.tz)
    later = dt.datetime(2034, 6, 1, tzinfo=cal.tz)
    # 8 hours on each day: 12 hours end 4 hours into the second.
    assert cal.add(t, dt.timedelta(hours=12)) == dt.datetime(2034, 3, 1, 13, tzinfo=cal.tz)
    assert cal.subtract(later, dt.timedelta(hours=12)) == dt.datetime(2026, 3, 2, 13, tzinfo=cal.tz)
    assert cal.elapsed(t, later) == dt.timedelta(hours=16)
    with pytest.raises(OutOfRangeError, match="special days"):
        cal.add(t, dt.timedelta(hours=20))
    with pytest.raises(OutOfRangeError, match="special days"):
        cal.subtract(later, dt.timedelta(hours=20))
    # A short step back grows the stretch towards the first special day.
    fresh = BusinessCalendar(
        "closed", tz=tz, overrides={"2026-03-02": "09:00-17:00", "2034-03-01": "09:00-17:00"}
    )
    assert fresh.subtract(
        dt.datetime(2026, 3, 20, tzinfo=cal.tz), dt.timedelta(hours=4)
    ) == dt.datetime(2026, 3, 2, 13, tzinfo=cal.tz)


def test_unions_and_intersections_of_special_days_only() -> None:
    tz = "Europe/Copenhagen"
    a = BusinessCalendar("closed", tz=tz, overrides={"2026-03-02": "09:00-17:00"})
    b = BusinessCalendar("closed", tz=tz, overrides={"2031-03-03": "12:00-20:00"})
    c = BusinessCalendar("closed", tz=tz, overrides={"2026-03-02": "13:00-18:00"})
    t = dt.datetime(2026, 1, 1, tzinfo=a.tz)
    # 8 hours on the first day, then 2 into the second (opening at 12:00).
    assert (a | b).add(t, dt.timedelta(hours=10)) == dt.datetime(2031, 3, 3, 14, tzinfo=a.tz)
    with pytest.raises(OutOfRangeError, match="special days"):
        (a | b).add(t, dt.timedelta(hours=17))
    both = a & c  # 13:00-17:00 on 2026-03-02 only
    assert both.add(t, dt.timedelta(hours=3)) == dt.datetime(2026, 3, 2, 16, tzinfo=a.tz)
    with pytest.raises(OutOfRangeError, match="special days"):
        both.add(t, dt.timedelta(hours=5))
    with pytest.raises(OutOfRangeError, match="special days"):
        (a & b).add(t, dt.timedelta(hours=1))


def test_weekly_hours_closed_by_holidays_for_over_ten_years_before() -> None:
    mondays = frozenset(dt.date(2010, 1, 4) + dt.timedelta(weeks=i) for i in range(53 * 16))
    cal = BusinessCalendar("Mon 09:00-10:00", tz="UTC", holidays=mondays)
    t = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with pytest.raises(OutOfRangeError, match="within 10 years"):
        cal.subtract(t, dt.timedelta(hours=1))


def test_exhausted_at_grows_the_stretch_for_a_few_months_more() -> None:
    cal = BusinessCalendar(
        "Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK", holiday_coverage="lenient"
    )
    t = dt.datetime(2026, 3, 2, 10, tzinfo=cal.tz)
    x = to_us(t)
    whole = cal._source.segments(x, x + 3 * YEAR_US)
    d = 2_000 * US_PER_HOUR
    assert to_us(cal.exhausted_at(t, dt.timedelta(microseconds=d))) == whole.advance(x, d)


def test_a_timeline_pickles_without_its_cache() -> None:
    import pickle

    cal = BusinessCalendar(
        "Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK", holiday_coverage="lenient"
    )
    t = to_us(dt.datetime(2026, 3, 2, 10, tzinfo=cal.tz))
    cal._timeline.cover(t, t)
    copy = pickle.loads(pickle.dumps(cal._timeline))
    assert copy._snap is None
    assert copy.elapsed(t, t + YEAR_US) == cal._source.segments(t, t + YEAR_US).total()


def test_dst_blocks_at_the_start_of_a_span_and_shifts_in_the_gap() -> None:
    # Copenhagen skips 02:00-03:00 on Sunday 2026-03-29: the Sunday shift lies in the
    # gap then (its start moves forward past its end) and has no length, and the night
    # hours keep the calendar from being steady across offset changes.
    cal = BusinessCalendar(
        "Mon-Fri 09:00-17:00; Sat 01:00-05:00; Sun 02:15-03:00", tz="Europe/Copenhagen"
    )
    assert cal.hours_on("2026-03-29") == []
    t = dt.datetime(2026, 3, 27, 12, tzinfo=cal.tz)
    end = dt.datetime(2031, 6, 1, tzinfo=cal.tz)
    whole = cal._source.segments(to_us(t) - YEAR_US, to_us(end) + YEAR_US)
    assert whole.measure(to_us(t), to_us(end)) > 0
    assert cal.elapsed(t, end) == dt.timedelta(microseconds=whole.measure(to_us(t), to_us(end)))
    # Starting on the change's own date, before it: the change lies in the ragged
    # start, which is compiled anyway.
    early = dt.datetime(2026, 3, 29, 0, 30, tzinfo=cal.tz)
    assert cal.elapsed(early, end) == dt.timedelta(
        microseconds=whole.measure(to_us(early), to_us(end))
    )


def test_versioned_calendars_compile_and_drop_pages_over_decades() -> None:
    old = BusinessCalendar(
        "Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK", holiday_coverage="lenient"
    )
    new = BusinessCalendar("Mon-Thu 08:00-16:00", tz="Europe/Copenhagen", holidays="DK")
    cal = BusinessCalendar.versioned([(None, old), (dt.date(2040, 1, 1), new)])
    t = dt.datetime(2020, 3, 2, 10, tzinfo=cal.tz)
    end = dt.datetime(2065, 3, 2, 10, tzinfo=cal.tz)
    whole = cal._source.segments(to_us(t), to_us(end))
    assert cal.elapsed(t, end) == dt.timedelta(microseconds=whole.total())
    assert len(cal._timeline._pages) <= PAGES_KEPT


def test_many_long_questions_keep_the_counted_spans_bounded() -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
    t = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
    span = dt.timedelta(days=5 * 366)
    # No holidays: each whole week has 40 open hours; five days more carry 40 hours too
    # when the span starts on a Monday and lasts a whole number of weeks and days.
    for i in range(2_100):
        start = t + dt.timedelta(weeks=i)
        assert cal.elapsed(start, start + span + dt.timedelta(days=2)) == dt.timedelta(
            hours=(span.days + 2) // 7 * 40 + min((span.days + 2) % 7, 5) * 8
        )
    assert len(cal._timeline._chunks) <= 4_097 + 2


def test_a_wide_stretch_without_hours_raises_going_back() -> None:
    mondays = frozenset(dt.date(2010, 1, 4) + dt.timedelta(weeks=i) for i in range(53 * 16))
    cal = BusinessCalendar("Mon 09:00-10:00", tz="UTC", holidays=mondays)
    t = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    # Asking for twelve years of periods compiles them as one stretch.
    assert list(cal.open_periods(t - dt.timedelta(days=12 * 365), t)) == []
    with pytest.raises(OutOfRangeError, match="within 10 years"):
        cal.subtract(t, dt.timedelta(hours=1))


def _zone_with_two_changes(first: int, second: int) -> zoneinfo.ZoneInfo:
    """A zone one hour ahead of UTC from epoch second ``first`` to ``second`` only,
    read from TZif version 1 data written out here."""
    counts = struct.pack(">6l", 0, 0, 0, 2, 2, 8)  # isut, isstd, leap, times, types, chars
    data = (
        b"TZif"
        + b"\0" * 16
        + counts
        + struct.pack(">2l", first, second)
        + bytes([1, 0])
        + struct.pack(">lBB", 0, 0, 0)
        + struct.pack(">lBB", 3600, 1, 4)
        + b"XST\0XDT\0"
    )
    return zoneinfo.ZoneInfo.from_file(io.BytesIO(data))


def test_offset_changes_on_neighbouring_dates_share_one_block() -> None:
    # Offsets are sampled every two weeks from the first instant asked about (and from
    # 1970 when the zone is surveyed): changes a day either side of a sample, two days
    # apart, are both found, and the dates their shifts reach form one block.
    day_s = 86_400
    mark = 1_500 * 14 * day_s  # a sample of both: 1970-01-01 plus 1,500 fortnights
    zone = _zone_with_two_changes(mark - day_s, mark + day_s)
    cal = BusinessCalendar("Mon-Sun 00:30-23:30", tz=zone)
    start = dt.datetime.fromtimestamp(mark - 10 * 14 * day_s, zone)
    end = start + dt.timedelta(days=5 * 366)
    whole = cal._source.segments(to_us(start) - YEAR_US, to_us(end) + YEAR_US)
    expected = whole.measure(to_us(start), to_us(end))
    # 23 hours a day, less the hour lost when the zone moves ahead and plus the hour
    # gained when it falls back (both inside the shifts, at 00:00 UTC).
    assert expected == (end - start).days * 23 * US_PER_HOUR
    assert cal.elapsed(start, end) == dt.timedelta(microseconds=expected)


def test_long_walks_look_up_their_holidays_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import holidays

    from slacalc.calendar import _holidays

    lookups: list[tuple[int, int]] = []
    fetch = _holidays._Region.years

    def counted(self: Any, years: list[int]) -> dict[dt.date, str]:
        lookups.append((min(years), max(years)))
        return fetch(self, years)

    monkeypatch.setattr(_holidays._Region, "years", counted)
    tz = zoneinfo.ZoneInfo("Europe/Copenhagen")
    t = dt.datetime(2026, 3, 2, 10, tzinfo=tz)
    questions: list[Callable[[BusinessCalendar], dt.datetime]] = [
        lambda c: c.add(t, dt.timedelta(days=100_000)),  # to 3178
        lambda c: c.subtract(t.replace(year=3000), dt.timedelta(hours=2_000_000)),  # to 2040
    ]
    for ask in questions:
        lookups.clear()
        # Danish holidays are known up to 2100: past it the walk counts none (lenient).
        cal = BusinessCalendar(
            "Mon-Fri 09:00-17:00", tz=tz, holidays="DK", holiday_coverage="lenient"
        )
        answer = ask(cal)
        assert 1 <= len(lookups) <= 4, lookups  # one per 32 years walked was 30-40
        walked = abs(answer.year - t.year) if answer.year > 3000 else 3000 - answer.year
        assert sum(b - a + 1 for a, b in lookups) <= walked + 96, lookups  # few unneeded
        # The holidays of a caller's HolidayBase come one year at a time: the same answer.
        one_by_one = holidays.country_holidays("DK")
        assert answer == ask(BusinessCalendar("Mon-Fri 09:00-17:00", tz=tz, holidays=one_by_one))


@scaled(0.3)
@given(st.data(), scenarios())
def test_counted_totals_equal_the_compiled_segments_between_any_instants(
    data: st.DataObject, sc: object
) -> None:
    """A total counted without compiling (ragged ends, weekday runs, holidays, DST
    blocks) equals the total of the segments compiled, between any two instants."""
    cal = _build(sc.spec)  # type: ignore[attr-defined]
    source = cal._source
    assert isinstance(source, WeeklySource)
    day = 86_400_000_000
    lo = to_us(sc.anchor) + data.draw(st.integers(-800 * day, 400 * day), label="lo")  # type: ignore[attr-defined]
    hi = lo + data.draw(st.integers(20 * day, 3 * YEAR_US), label="width")
    counted = source.total(lo, hi)
    compiled = source.segments(lo, hi).total()
    assert counted is None or counted == compiled
    assert source.total(lo, hi) == counted  # again, from the remembered ends


def test_counted_totals_past_the_holiday_data_and_before_1970() -> None:
    cal = BusinessCalendar(
        "Mon-Fri 09:00-17:00; Sat 22:00-06:00",
        tz="Europe/Copenhagen",
        holidays=["DK", dt.date(2105, 6, 5)],
        holiday_coverage="lenient",
        overrides={"2101-03-05": "closed", "1968-03-04": "10:00-12:00"},
    )
    source = cal._source
    assert isinstance(source, WeeklySource)
    for start, end in [
        (dt.datetime(2096, 3, 1, 7, 30), dt.datetime(2106, 11, 2, 13)),
        (dt.datetime(1965, 2, 26, 23), dt.datetime(1972, 4, 1, 10, 15)),
    ]:
        lo, hi = to_us(start.replace(tzinfo=dt.UTC)), to_us(end.replace(tzinfo=dt.UTC))
        assert source.total(lo, hi) == source.segments(lo, hi).total()
    assert source.holidays.span == (1771, 2105)  # no holiday to look up after 2105
    assert not source.holidays.is_holiday(dt.date(2107, 12, 25))
    assert 2107 not in cal.holiday_years
    # Strict coverage: the date before the first covered year has no hours to count.
    strict = BusinessCalendar("Mon-Fri 09:00-17:00; Sat 22:00-06:00", tz="UTC", holidays="DK")
    source = strict._source
    assert isinstance(source, WeeklySource)
    lo = source.valid_range()[0]
    assert source.total(lo, lo + YEAR_US) == source.segments(lo, lo + YEAR_US).total()


def test_counted_ends_are_forgotten_when_too_many(monkeypatch: pytest.MonkeyPatch) -> None:
    from slacalc.calendar import _engine

    monkeypatch.setattr(_engine, "ENDS_KEPT", 2)
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
    source = cal._source
    assert isinstance(source, WeeklySource)
    lo = to_us(dt.datetime(2026, 3, 2, 10, tzinfo=cal.tz))
    for hi in (lo + YEAR_US, lo + 2 * YEAR_US):
        assert source.total(lo, hi) == source.segments(lo, hi).total()
    assert len(source._ends) <= 2


def test_a_cold_long_question_walks_the_pages_at_once() -> None:
    tz = zoneinfo.ZoneInfo("Europe/Copenhagen")
    t = dt.datetime(2026, 3, 2, 10, tzinfo=tz)
    week = "Mon-Fri 09:00-17:00"
    d = dt.timedelta(hours=300_000)  # about 144 years
    due = BusinessCalendar(week, tz=tz).exhausted_at(t, d)
    cal = BusinessCalendar(week, tz=tz)
    assert cal.add(t, d) == due  # the answer falls inside a shift: both agree
    assert cal._timeline._snap is None  # no first stretch was compiled around t
    assert cal.elapsed(t, due) == d
    assert cal.subtract(due, d) == t


def _walks_agree(cal: BusinessCalendar, t: dt.datetime, d: int, years: int) -> None:
    """The paged walks for ``d`` of open time from ``t`` equal the span compiled whole."""
    timeline = cal._timeline
    x = to_us(t)
    whole = cal._source.segments(x - years * YEAR_US, x + years * YEAR_US)
    assert timeline._paged_forward(x, d, exact=True) == whole.advance(x, d)
    y = timeline._paged_forward(x, d, exact=False)
    assert whole.measure(x, y) == d < whole.measure(x, y + 1)
    y = timeline._paged_backward(x, d)
    assert whole.measure(y + 1, x) < d == whole.measure(y, x)  # the latest such instant


def test_a_stride_that_holds_the_answer_is_shortened() -> None:
    # From 10:00 in winter, 30 weeks later at the same UTC instant is 11:00 in summer:
    # the stride holds an hour more than its weeks, and is shortened by a week.
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
    t = dt.datetime(2026, 1, 5, 10, tzinfo=cal.tz)
    _walks_agree(cal, t, 30 * 40 * US_PER_HOUR, 2)
    # Weekends open around the clock for months: every shorter stride still holds the
    # answer, and after four tries the walk goes on page by page.
    weekends: dict[dt.date | str, str] = {
        dt.date(2026, 5, 2) + dt.timedelta(days=i): "00:00-24:00"
        for i in range(200)
        if (dt.date(2026, 5, 2) + dt.timedelta(days=i)).weekday() >= 5
    }
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", overrides=weekends)
    _walks_agree(cal, dt.datetime(2026, 1, 5, 10, tzinfo=dt.UTC), 40 * 40 * US_PER_HOUR, 2)


def test_a_calendar_closed_for_years_is_walked_page_by_page() -> None:
    mondays = frozenset(dt.date(2026, 1, 5) + dt.timedelta(weeks=i) for i in range(52 * 6))
    cal = BusinessCalendar("Mon 09:00-10:00", tz="Europe/Copenhagen", holidays=mondays)
    t = dt.datetime(2026, 1, 1, tzinfo=cal.tz)
    _walks_agree(cal, t, 200 * US_PER_HOUR, 11)
    assert cal.add(t, dt.timedelta(hours=200)).year == 2035


def test_a_stride_stops_at_the_holiday_data() -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK")
    t = dt.datetime(2097, 3, 2, 10, tzinfo=cal.tz)
    with pytest.raises(HolidayCoverageError, match="2101"):
        cal.add(t, dt.timedelta(hours=40_000))
    x, d = to_us(t), 40_000 * US_PER_HOUR
    whole = cal._source.segments(x - 25 * YEAR_US, x)
    y = to_us(cal.subtract(t, dt.timedelta(hours=40_000)))
    assert whole.measure(y + 1, x) < d == whole.measure(y, x)
