"""slacalc._time, the one door for time: zones, instants, dates and durations at its edges."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from slacalc import (
    BusinessCalendar,
    InvalidDateError,
    InvalidDurationError,
    NaiveDatetimeError,
    OutOfRangeError,
    UnknownTimezoneError,
)
from slacalc._time import MAX_US, MIN_US, from_us, resolve_tz, to_us, tz_name

UTC = dt.UTC
MONDAY = dt.datetime(2026, 3, 2, 9, tzinfo=UTC)


class _Zone(zoneinfo.ZoneInfo):
    """A ZoneInfo subclass, as some libraries hand out."""


class _Offset(dt.tzinfo):
    """A hand-written tzinfo that is neither a ZoneInfo nor a datetime.timezone."""

    def utcoffset(self, when: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(hours=1)

    def dst(self, when: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)

    def tzname(self, when: dt.datetime | None) -> str:
        return "+01"


def test_a_zoneinfo_subclass_becomes_the_plain_zone_of_its_key() -> None:
    zone = resolve_tz(_Zone("Europe/Copenhagen"))
    assert type(zone) is zoneinfo.ZoneInfo
    assert zone.key == "Europe/Copenhagen"
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz=_Zone("Europe/Copenhagen"))
    assert type(cal.tz) is zoneinfo.ZoneInfo


def test_a_foreign_tzinfo_is_refused_with_the_forms_that_work() -> None:
    with pytest.raises(UnknownTimezoneError, match=r"Unsupported time zone .*zoneinfo\.ZoneInfo"):
        BusinessCalendar("Mon-Fri 09:00-17:00", tz=_Offset())


def test_zone_names() -> None:
    assert tz_name(zoneinfo.ZoneInfo("America/New_York")) == "America/New_York"
    assert tz_name(UTC) == "UTC"
    plus_one = dt.timezone(dt.timedelta(hours=1))
    assert tz_name(plus_one) == "UTC+01:00"
    assert "tz='UTC+01:00'" in repr(BusinessCalendar("Mon-Fri 09:00-17:00", tz=plus_one))


def test_instants_round_trip_at_the_edges_of_the_range() -> None:
    for x in (MIN_US, 0, 1, MAX_US):
        assert to_us(from_us(x, UTC)) == x
    assert from_us(0, zoneinfo.ZoneInfo("America/New_York")).date() == dt.date(1969, 12, 31)
    for outside in (MIN_US - 1, MAX_US + 1):
        with pytest.raises(OutOfRangeError, match="outside the years 2-9998"):
            from_us(outside, UTC)


def test_a_datetime_is_not_a_date() -> None:
    with pytest.raises(
        InvalidDateError, match=r"is a datetime, but an override date .*'2026-12-24'"
    ):
        BusinessCalendar(
            "Mon-Fri 09:00-17:00",
            tz="UTC",
            overrides={dt.datetime(2026, 12, 24, 9): "09:00-12:00"},
        )


@pytest.mark.parametrize("duration", ["0.0000001s", "PT0.0000005S"])
def test_durations_finer_than_a_microsecond_are_refused(duration: str) -> None:
    cal = BusinessCalendar.always("UTC")
    with pytest.raises(InvalidDurationError, match="finer than a microsecond"):
        cal.add(MONDAY, duration)


def test_a_microsecond_is_fine() -> None:
    cal = BusinessCalendar.always("UTC")
    assert cal.add(MONDAY, "0.000001s") == MONDAY + dt.timedelta(microseconds=1)
    assert cal.add(MONDAY, "PT0,5S") == MONDAY + dt.timedelta(milliseconds=500)


def test_a_datetime_where_a_day_belongs_is_refused_with_the_right_article() -> None:
    from slacalc._time import date_from

    moment = dt.datetime(2026, 12, 24, 9, tzinfo=UTC)
    with pytest.raises(InvalidDateError, match=r"but an override date is a whole calendar day"):
        date_from(moment, what="override date")
    with pytest.raises(InvalidDateError, match=r"but a holiday is a whole calendar day"):
        date_from(moment, what="holiday")


class _Odd(dt.tzinfo):
    """A tzinfo of no library's that gives one ``offset`` (or none) for every instant."""

    def __init__(self, offset: dt.timedelta | None) -> None:
        self.offset = offset

    def utcoffset(self, when: dt.datetime | None) -> dt.timedelta | None:
        return self.offset

    def dst(self, when: dt.datetime | None) -> None:
        return None

    def tzname(self, when: dt.datetime | None) -> str:
        return "odd"


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_ZONES: list[dt.tzinfo] = [
    dt.UTC,
    zoneinfo.ZoneInfo("Europe/Copenhagen"),
    zoneinfo.ZoneInfo("Australia/Lord_Howe"),  # a 30-minute DST shift
    zoneinfo.ZoneInfo("Africa/Monrovia"),  # -00:44:30 until 1972
    dt.timezone(-dt.timedelta(hours=9, seconds=17, microseconds=3)),
    # dateutil's zone, which cannot be hashed: read without the zone cache
    pd.Timestamp(0, tz="dateutil/America/New_York").tzinfo,
]


_CPH, _HOWE = zoneinfo.ZoneInfo("Europe/Copenhagen"), zoneinfo.ZoneInfo("Australia/Lord_Howe")


@example(dt.datetime(2026, 3, 29, 2, 30), _CPH, 0)  # in the spring gap
@example(dt.datetime(2026, 10, 25, 2, 30), _CPH, 1)  # the second 02:30
@example(dt.datetime(2026, 4, 5, 1, 45), _HOWE, 1)  # the second 01:45 (-30 min)
@example(dt.datetime(2026, 10, 4, 2, 15), _HOWE, 0)  # in the 30-minute gap
@example(dt.datetime(1970, 6, 1, 12), zoneinfo.ZoneInfo("Africa/Monrovia"), 0)
@given(
    st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)),
    st.sampled_from(_ZONES),
    st.integers(0, 1),
)
def test_to_us_is_the_aware_difference_from_the_epoch(
    naive: dt.datetime, tz: dt.tzinfo, fold: int
) -> None:
    # to_us reads the wall clock and asks the zone for one offset; the reference asks
    # datetime's own aware subtraction. DST gaps, both folds and odd offsets included.
    t = naive.replace(tzinfo=tz, fold=fold)
    assert to_us(t) == (t - _EPOCH) // dt.timedelta(microseconds=1)


def test_an_instant_whose_zone_gives_no_offset_or_a_bad_one_is_refused() -> None:
    with pytest.raises(NaiveDatetimeError, match="has no time zone"):
        to_us(dt.datetime(2026, 1, 5, 9, tzinfo=_Odd(None)))
    # datetime's own check of the offset speaks, as it does for an aware subtraction.
    with pytest.raises(ValueError, match="offset must be a timedelta strictly between"):
        to_us(dt.datetime(2026, 1, 5, 9, tzinfo=_Odd(dt.timedelta(hours=24))))
