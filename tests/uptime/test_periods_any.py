"""Calendar periods of any unit: names, ISO weeks, pandas periods, splitting a span."""

from __future__ import annotations

import datetime as dt

import pytest

from slacalc.errors import InvalidOptionError, InvalidPeriodError
from slacalc.uptime import (
    allowed_downtime,
    calendar_day,
    calendar_period,
    calendar_periods,
    calendar_week,
    period_length,
)

pd = pytest.importorskip("pandas")

# (id, name, tz, expected start, expected end, label) -- hand-checked against a calendar.
NAMES = [
    ("year", "2026", "UTC", "2026-01-01T00:00:00+00:00", "2027-01-01T00:00:00+00:00", "2026"),
    (
        "quarter",
        "2026-Q1",
        "UTC",
        "2026-01-01T00:00:00+00:00",
        "2026-04-01T00:00:00+00:00",
        "2026-Q1",
    ),
    (
        "quarter-compact",
        "2026q4",
        "UTC",
        "2026-10-01T00:00:00+00:00",
        "2027-01-01T00:00:00+00:00",
        "2026-Q4",
    ),
    (
        "month",
        "2026-02",
        "UTC",
        "2026-02-01T00:00:00+00:00",
        "2026-03-01T00:00:00+00:00",
        "2026-02",
    ),
    # ISO 8601: week 10 of 2026 is Mon 2 March to Sun 8 March.
    (
        "iso-week",
        "2026-W10",
        "UTC",
        "2026-03-02T00:00:00+00:00",
        "2026-03-09T00:00:00+00:00",
        "2026-W10",
    ),
    # 1 Jan 2026 is a Thursday, so week 1 starts Mon 29 Dec 2025.
    (
        "iso-week-1",
        "2026W01",
        "UTC",
        "2025-12-29T00:00:00+00:00",
        "2026-01-05T00:00:00+00:00",
        "2026-W01",
    ),
    # 2026 has 53 ISO weeks (it starts on a Thursday): week 53 ends Mon 4 Jan 2027.
    (
        "iso-week-53",
        "2026-W53",
        "UTC",
        "2026-12-28T00:00:00+00:00",
        "2027-01-04T00:00:00+00:00",
        "2026-W53",
    ),
    # DST starts 29 March 2026 in Berlin: the week holding it has 7 days less one hour.
    (
        "dst-week",
        "2026-W13",
        "Europe/Berlin",
        "2026-03-23T00:00:00+01:00",
        "2026-03-30T00:00:00+02:00",
        "2026-W13",
    ),
    (
        "day",
        "2026-03-05",
        "Europe/Copenhagen",
        "2026-03-05T00:00:00+01:00",
        "2026-03-06T00:00:00+01:00",
        "2026-03-05",
    ),
]


@pytest.mark.parametrize(
    ("case", "name", "tz", "start", "end", "label"), NAMES, ids=[n[0] for n in NAMES]
)
def test_period_names(case: str, name: str, tz: str, start: str, end: str, label: str) -> None:
    period = calendar_period(name, tz=tz)
    assert (period.start.isoformat(), period.end.isoformat(), period.label) == (start, end, label)


def test_a_dst_week_is_an_hour_short() -> None:
    assert calendar_week(2026, 13, tz="Europe/Berlin").duration == dt.timedelta(days=7, hours=-1)
    assert calendar_day(dt.date(2026, 10, 25), tz="Europe/Berlin").duration == dt.timedelta(
        hours=25
    )


@pytest.mark.parametrize(
    ("period", "label"),
    [
        (pd.Period("2026-03", freq="M"), "2026-03"),
        (pd.Period("2026Q2", freq="Q"), "2026-Q2"),
        (pd.Period("2026", freq="Y"), "2026"),
        (pd.Period("2026-03-05", freq="D"), "2026-03-05"),
        (pd.Period("2026-03-04", freq="W"), "2026-W10"),  # W-SUN: Monday to Sunday
        (pd.Period("2026-03-04", freq="W-TUE"), "2026-03-04/2026-03-10"),
    ],
)
def test_pandas_periods(period: object, label: str) -> None:
    assert calendar_period(period).label == label


def test_periods_accepted_where_periods_are() -> None:
    # 0.1 % of 7 days = 604.8 s; of March = 2678.4 s.
    assert allowed_downtime("99.9%", "2026-W10") == dt.timedelta(seconds=604.8)
    assert allowed_downtime("99.9%", pd.Period("2026-03", freq="M")) == dt.timedelta(seconds=2678.4)
    assert period_length("2026-Q1") == dt.timedelta(days=90)


def test_splitting_a_span() -> None:
    assert [p.label for p in calendar_periods(2026, "quarter")] == [
        "2026-Q1",
        "2026-Q2",
        "2026-Q3",
        "2026-Q4",
    ]
    days = calendar_periods("2026-02", "day", tz="Europe/Berlin")
    assert len(days) == 28
    assert days[0].label == "2026-02-01"
    weeks = calendar_periods("2026", "week")
    assert (weeks[0].label, weeks[-1].label, len(weeks)) == ("2026-W01", "2026-W53", 53)
    utc = dt.UTC
    span = (dt.datetime(2026, 3, 1, 12, tzinfo=utc), dt.datetime(2026, 3, 3, tzinfo=utc))
    assert [p.label for p in calendar_periods(span, "day")] == ["2026-03-01", "2026-03-02"]


@pytest.mark.parametrize(
    "bad",
    [
        "2026-13",
        "2026-W54",
        "2026-02-30",
        "soon",
        "",
        2026.0,
        dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
        pd.Period("2026-03-05 10:00", freq="h"),
    ],
)
def test_a_period_string_that_is_no_period(bad: object) -> None:
    with pytest.raises(InvalidPeriodError) as err:
        calendar_period(bad)
    assert repr(bad)[:12] in str(err.value) or "Week" in str(err.value) or "Month" in str(err.value)


def test_unknown_unit() -> None:
    with pytest.raises(InvalidOptionError, match="'fortnight'"):
        calendar_periods("2026", "fortnight")  # type: ignore[arg-type]
