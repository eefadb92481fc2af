"""A report row's month, looked up by the UTC hour of the cycle's start, is the month of
the start's local date: around every month's start, in zones with odd offsets, across
offset changes, and where a day was skipped."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from slacalc._time import MAX_US, MIN_US, from_us, to_us
from slacalc.reports._outcomes import _month_of, month_label

ZONES = [
    dt.UTC,
    ZoneInfo("Europe/Copenhagen"),
    ZoneInfo("Asia/Kathmandu"),  # +05:45
    ZoneInfo("Australia/Lord_Howe"),  # a half-hour change of offset
    ZoneInfo("America/Santiago"),  # changes at local midnight
    ZoneInfo("Pacific/Apia"),  # skipped 30 December 2011
    ZoneInfo("America/St_Johns"),  # -03:30
    ZoneInfo("Europe/Dublin"),  # a negative summer offset in tzdata
    ZoneInfo("Europe/Amsterdam"),  # +00:19:32 in the 1930s
]
MIN_YEAR_US = to_us(dt.datetime(1850, 1, 1, tzinfo=dt.UTC))
MAX_YEAR_US = to_us(dt.datetime(2100, 1, 1, tzinfo=dt.UTC))


@given(st.integers(MIN_YEAR_US, MAX_YEAR_US), st.sampled_from(ZONES))
def test_the_month_of_an_instant_is_its_local_dates(x: int, tz: dt.tzinfo) -> None:
    assert _month_of(x, tz) == month_label(from_us(x, tz), tz)


@pytest.mark.parametrize("tz", ZONES, ids=str)
@pytest.mark.parametrize("month", range(1, 13))
def test_each_side_of_a_months_start(tz: dt.tzinfo, month: int) -> None:
    # The first instant of the month in the zone (local midnight, or the first instant
    # after a skipped one), and the microseconds either side of it.
    start = to_us(dt.datetime(2026, month, 1, tzinfo=tz))
    for x in (start - 1, start, start + 1, start + 3_599_999_999):
        assert _month_of(x, tz) == month_label(from_us(x, tz), tz), x


def test_a_skipped_day_and_the_edges_of_the_years_answered() -> None:
    apia = ZoneInfo("Pacific/Apia")
    # 2011-12-29 23:59:59 local was followed by 2011-12-31 00:00:00.
    x = to_us(dt.datetime(2011, 12, 31, tzinfo=apia))
    assert _month_of(x - 1, apia) == "2011-12"
    assert _month_of(x, apia) == "2011-12"
    assert _month_of(MIN_US, dt.UTC) == "0002-01"
    assert _month_of(MAX_US, dt.UTC) == "9999-01"
