"""Effective-dated calendars: differential tests against a slow date-by-date reference.

The reference gives every local date (in each version's own zone) the shifts of the
version in force on it, as ``BusinessCalendar.versioned`` documents: a night shift
belongs to the version of the date it starts on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slacalc import (
    BusinessCalendar,
    HolidayCoverageError,
    InvalidDateError,
    InvalidOptionError,
    OutOfRangeError,
)
from tests.reference import Interval, RefCalendar, ReferenceBase, RefUnion, merge
from tests.reference import to_utc as utc
from tests.strategies import CalendarSpec, Scenario, durations, instants_near, scenarios

ONE_DAY = dt.timedelta(days=1)
FAR = dt.timedelta(days=400)


@dataclasses.dataclass(frozen=True)
class RefVersioned(ReferenceBase):
    """Versions ``(start date or None, reference)``, oldest first."""

    versions: tuple[tuple[dt.date | None, RefCalendar], ...]

    @property
    def zone(self) -> Any:
        return self.versions[-1][1].zone

    def periods(self, lo: dt.datetime, hi: dt.datetime) -> list[Interval]:
        lo, hi = utc(lo), utc(hi)
        if hi <= lo:
            return []
        raw: list[Interval] = []
        for i, (start, ref) in enumerate(self.versions):
            end = self.versions[i + 1][0] if i + 1 < len(self.versions) else None
            day = lo.astimezone(ref.zone).date() - 2 * ONE_DAY
            last = hi.astimezone(ref.zone).date() + ONE_DAY
            while day <= last:
                if (start is None or start <= day) and (end is None or day < end):
                    raw.extend(ref.intervals_on(day))
                day += ONE_DAY
        return [(max(s, lo), min(e, hi)) for s, e in merge(raw) if e > lo and s < hi]

    def is_open(self, t: dt.datetime) -> bool:
        return bool(self.periods(t, utc(t) + dt.timedelta(microseconds=1)))


def _build(spec: CalendarSpec) -> BusinessCalendar:
    hours, kwargs = spec.engine_args()
    return BusinessCalendar(hours, **kwargs)


@st.composite
def versioned_cases(draw: st.DrawFn) -> tuple[BusinessCalendar, RefVersioned, Scenario]:
    """Two or three random versions changing within days of the first one's anchor."""
    first = draw(scenarios())
    n = draw(st.integers(2, 3))
    specs = [first.spec] + [draw(scenarios()).spec for _ in range(n - 1)]
    base = first.anchor.date()
    offsets = sorted(draw(st.sets(st.integers(-6, 6), min_size=n - 1, max_size=n - 1)))
    dates: list[dt.date | None] = [None, *(base + k * ONE_DAY for k in offsets)]
    cal = BusinessCalendar.versioned(
        [
            (d if i % 2 else (d and d.isoformat()), _build(s))
            for i, (d, s) in enumerate(zip(dates, specs, strict=True))
        ]
    )
    ref = RefVersioned(tuple(zip(dates, (s.reference() for s in specs), strict=True)))
    return cal, ref, first


def _same(got: dt.datetime, expected: dt.datetime, cal: BusinessCalendar) -> None:
    assert utc(got) == utc(expected)
    assert got.utcoffset() == got.astimezone(cal.tz).utcoffset()


def scaled(fraction: float) -> settings:
    return settings(max_examples=max(10, int(settings().max_examples * fraction)))


@scaled(0.2)
@given(st.data(), versioned_cases())
def test_point_questions_agree_with_reference(
    data: st.DataObject, case: tuple[BusinessCalendar, RefVersioned, Scenario]
) -> None:
    cal, ref, sc = case
    t = data.draw(instants_near(sc.anchor), label="t")
    assert cal.is_open(t) is ref.is_open(t)
    for name in ("next_open", "next_close"):
        try:
            expected = getattr(ref, name)(t, FAR)
        except LookupError:
            with pytest.raises(OutOfRangeError):
                getattr(cal, name)(t)
        else:
            _same(getattr(cal, name)(t), expected, cal)


@scaled(0.2)
@given(st.data(), versioned_cases())
def test_spans_agree_with_reference(
    data: st.DataObject, case: tuple[BusinessCalendar, RefVersioned, Scenario]
) -> None:
    cal, ref, sc = case
    a = data.draw(instants_near(sc.anchor), label="a")
    b = data.draw(instants_near(sc.anchor), label="b")
    assert cal.elapsed(a, b) == ref.worked(a, b)
    assert [(utc(s), utc(e)) for s, e in cal.open_periods(a, b)] == ref.periods(a, b)
    assert cal.elapsed_many([a], [b]) == [ref.worked(a, b)]


@scaled(0.2)
@given(st.data(), versioned_cases())
def test_add_subtract_exhausted_at_agree_with_reference(
    data: st.DataObject, case: tuple[BusinessCalendar, RefVersioned, Scenario]
) -> None:
    cal, ref, sc = case
    t = data.draw(instants_near(sc.anchor), label="t")
    d = data.draw(durations(dt.timedelta(hours=60)), label="d")
    try:
        ahead, behind = ref.deadline(t, d, FAR), ref.subtract(t, d, FAR)
    except LookupError:
        return  # a sparse calendar: the reference's horizon is not the engine's
    _same(cal.add(t, d), ahead, cal)
    _same(cal.exhausted_at(t, d), ref.exhausted_at(t, d, FAR), cal)
    _same(cal.subtract(t, d), behind, cal)
    assert [utc(x) for x in cal.add_many([t], d)] == [utc(ahead)]


@scaled(0.1)
@given(st.data(), versioned_cases(), scenarios())
def test_union_and_intersection_with_a_versioned_calendar(
    data: st.DataObject, case: tuple[BusinessCalendar, RefVersioned, Scenario], other: Scenario
) -> None:
    cal, ref, sc = case
    a = data.draw(instants_near(sc.anchor), label="a")
    b = data.draw(instants_near(sc.anchor), label="b")
    other_cal = _build(other.spec)
    assert (cal | other_cal).elapsed(a, b) == RefUnion(ref, other.spec.reference()).worked(a, b)
    assert (cal & (cal | other_cal)).elapsed(a, b) == cal.elapsed(a, b)
    later = BusinessCalendar.versioned([(None, cal), (dt.date(9000, 1, 1), cal)])
    assert later.elapsed(a, b) == cal.elapsed(a, b)


def _copenhagen(hours: str, **kwargs: Any) -> BusinessCalendar:
    return BusinessCalendar(hours, tz="Europe/Copenhagen", **kwargs)


def test_a_night_shift_belongs_to_the_version_of_its_start_date() -> None:
    old = _copenhagen("Mon-Sun 22:00-06:00")
    new = _copenhagen("Mon-Fri 09:00-17:00")
    cal = BusinessCalendar.versioned([(None, old), (dt.date(2027, 1, 1), new)])
    eve = dt.datetime(2026, 12, 31, 23, tzinfo=cal.tz)
    assert cal.is_open(eve + dt.timedelta(hours=2))  # 01:00 on the new version's date
    assert cal.next_close(eve).isoformat() == "2027-01-01T06:00:00+01:00"
    assert not cal.is_open(dt.datetime(2027, 1, 1, 23, tzinfo=cal.tz))


def test_results_are_in_the_last_versions_zone_and_each_reads_its_own() -> None:
    old = _copenhagen("Mon-Fri 09:00-17:00")
    new = BusinessCalendar("Mon-Fri 09:00-17:00", tz="America/New_York")
    cal = BusinessCalendar.versioned([(None, old), ("2027-01-01", new)])
    assert cal.tz == new.tz
    thursday = dt.datetime(2026, 12, 31, 16, tzinfo=old.tz)
    assert cal.add(thursday, "2h").isoformat() == "2027-01-01T10:00:00-05:00"


def test_holidays_and_names_follow_the_version_of_the_date() -> None:
    old = _copenhagen("Mon-Fri 09:00-17:00", holidays="DK")
    new = _copenhagen("Mon-Fri 09:00-17:00")
    cal = BusinessCalendar.versioned([(None, old), (dt.date(2027, 1, 1), new)])
    assert cal.holiday_names("2026-12-25") == ("Juledag",)
    assert cal.holiday_names("2027-12-24") == ()
    assert not cal.is_holiday(dt.date(2027, 12, 24))
    assert 2026 in cal.holiday_years
    assert cal.is_open(dt.datetime(2027, 12, 24, 10, tzinfo=cal.tz))


def test_versioned_calendars_are_values_that_pickle() -> None:
    old = _copenhagen("Mon-Fri 09:00-17:00", holidays="DK", overrides={"2026-12-24": "09:00-12:00"})
    new = _copenhagen("Mon-Fri 08:00-16:00")
    cal = BusinessCalendar.versioned([(None, old), (dt.date(2027, 1, 1), new)])
    again = BusinessCalendar.versioned([(None, old), ("2027-01-01", new)])
    assert cal == again
    assert hash(cal) == hash(again)
    assert cal != BusinessCalendar.versioned([(None, old), ("2027-01-02", new)])
    copy = pickle.loads(pickle.dumps(cal | new))
    t = dt.datetime(2026, 12, 20, 10, tzinfo=cal.tz)
    assert copy.add(t, "40h") == (cal | new).add(t, "40h")
    assert repr(cal).startswith("BusinessCalendar.versioned([(None, BusinessCalendar(")
    assert BusinessCalendar.versioned([(None, old)]) is old


def test_a_version_with_fixed_holiday_years_answers_outside_them() -> None:
    import holidays

    covered = holidays.country_holidays("DK", years=[2026])
    covered.expand = False
    old = _copenhagen("Mon-Fri 09:00-17:00", holidays=covered)
    cal = BusinessCalendar.versioned(
        [(None, _copenhagen("Mon-Fri 09:00-17:00")), ("2026-01-01", old), ("2027-01-01", old)]
    )
    assert cal.elapsed(
        dt.datetime(2026, 12, 24, tzinfo=cal.tz), dt.datetime(2026, 12, 28, tzinfo=cal.tz)
    ) == dt.timedelta(hours=8)


@pytest.mark.parametrize(
    ("versions", "error", "shown"),
    [
        ([], InvalidOptionError, "[]"),
        ("2027-01-01", InvalidOptionError, "'2027-01-01'"),
        ({None: "x"}, InvalidOptionError, "{None: 'x'}"),
        ([(None,)], InvalidOptionError, "(None,)"),
        ([(None, "Mon-Fri 09:00-17:00")], InvalidOptionError, "'Mon-Fri 09:00-17:00'"),
        ([(None, "OLD"), ("NEW", dt.date(2027, 1, 1))], InvalidOptionError, "calendar first"),
        ([("2026-01-01", "OLD")], InvalidDateError, "'2026-01-01'"),
        ([(None, "OLD"), (None, "NEW")], InvalidDateError, "None"),
        ([(None, "OLD"), ("2027-13-01", "NEW")], InvalidDateError, "'2027-13-01'"),
        ([(None, "OLD"), (dt.datetime(2027, 1, 1), "NEW")], InvalidDateError, "datetime"),
        ([(None, "OLD"), (20270101, "NEW")], InvalidDateError, "20270101"),
        (
            [(None, "OLD"), ("2027-01-01", "NEW"), ("2027-01-01", "OLD")],
            InvalidDateError,
            "'2027-01-01'",
        ),
        (
            [(None, "OLD"), ("2027-06-01", "NEW"), ("2027-01-01", "OLD")],
            InvalidDateError,
            "'2027-01-01'",
        ),
    ],
)
def test_bad_versions_are_refused_naming_the_value(
    versions: Any, error: type[Exception], shown: str
) -> None:
    named = {"OLD": _copenhagen("Mon-Fri 09:00-17:00"), "NEW": _copenhagen("Mon-Fri 08:00-16:00")}
    if isinstance(versions, list):
        versions = [
            tuple(named.get(x, x) if isinstance(x, str) and x in named else x for x in item)
            for item in versions
        ]
        if versions and versions[-1][0] == "NEW":  # the mixed-up pair: calendar first
            versions[-1] = (named["NEW"], versions[-1][1])
    with pytest.raises(error) as info:
        BusinessCalendar.versioned(versions)
    assert shown in str(info.value)


def _fixed_dk_2026() -> Any:
    import holidays

    covered = holidays.country_holidays("DK", years=[2026])
    covered.expand = False
    return covered


def test_a_version_inside_its_fixed_holiday_years_leaves_other_years_open() -> None:
    plain = _copenhagen("Mon-Fri 09:00-17:00")
    fixed = _copenhagen("Mon-Fri 09:00-17:00", holidays=_fixed_dk_2026())
    cal = BusinessCalendar.versioned([(None, plain), ("2026-01-01", fixed), ("2026-12-01", plain)])
    # Monday 2027-03-01 to Monday 2027-03-08: five plain days of 8 hours.
    monday = dt.datetime(2027, 3, 1, tzinfo=cal.tz)
    assert cal.elapsed(monday, monday + dt.timedelta(weeks=1)) == dt.timedelta(hours=40)
    # Easter Monday 2026-04-06 is a Danish holiday: four days that week.
    easter = dt.datetime(2026, 4, 6, tzinfo=cal.tz)
    assert cal.elapsed(easter, easter + dt.timedelta(weeks=1)) == dt.timedelta(hours=32)


def test_a_last_version_with_fixed_holiday_years_names_the_year_it_lacks() -> None:
    plain = _copenhagen("Mon-Fri 09:00-17:00")
    fixed = _copenhagen("Mon-Fri 09:00-17:00", holidays=_fixed_dk_2026())
    cal = BusinessCalendar.versioned([(None, plain), ("2026-01-01", fixed)])
    with pytest.raises(HolidayCoverageError, match="2027"):
        cal.is_open(dt.datetime(2027, 3, 1, 12, tzinfo=cal.tz))


def test_versions_open_only_on_special_days_keep_their_own_days() -> None:
    first = _copenhagen(
        "closed", overrides={"2026-03-02": "09:00-17:00", "2031-03-03": "09:00-17:00"}
    )
    second = _copenhagen("closed", overrides={"2026-03-03": "10:00-12:00"})
    cal = BusinessCalendar.versioned([(None, first), ("2030-01-01", second)])
    t = dt.datetime(2026, 1, 1, tzinfo=cal.tz)
    # Only 2026-03-02 belongs to a version that opens it: 8 hours in all.
    assert cal.add(t, dt.timedelta(hours=6)) == dt.datetime(2026, 3, 2, 15, tzinfo=cal.tz)
    with pytest.raises(OutOfRangeError, match="special days"):
        cal.add(t, dt.timedelta(hours=9))
    only_later = _copenhagen("closed", overrides={"2031-03-03": "09:00-17:00"})
    never = BusinessCalendar.versioned([(None, only_later), ("2030-01-01", second)])
    assert not never.is_open(dt.datetime(2031, 3, 3, 12, tzinfo=cal.tz))
    with pytest.raises(OutOfRangeError, match="special days"):
        never.add(t, dt.timedelta(hours=1))
