"""Request counts and time slices: Occurrences, Timeslices, RatioTimeslices."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

import numpy as np
import pytest

from slacalc.errors import (
    ColumnTypeError,
    InvalidCountError,
    InvalidDurationError,
    InvalidIntervalError,
    InvalidOptionError,
    InvalidPeriodError,
)
from slacalc.uptime import (
    ErrorBudget,
    RequestAvailability,
    calendar_month,
    measure_requests,
    measure_timeslices,
)

UTC = dt.UTC
T = dt.datetime(2026, 3, 1, tzinfo=UTC)
M = dt.timedelta(minutes=1)
HOUR = (T, T + 60 * M)


def row(minute: int, good: object, total: int, length: int = 1) -> tuple[Any, ...]:
    return (T + minute * M, T + (minute + length) * M, good, total)


def test_occurrences_is_good_over_total() -> None:
    r = measure_requests([row(0, 90, 100), row(1, 10, 10), row(70, 0, 5)], HOUR)
    assert (r.good, r.total, r.rows, r.bad) == (100, 110, 2, 10)
    assert r.availability.fraction == Fraction(10, 11)
    # it plugs into the request-based error budget
    assert ErrorBudget("99%", "30d").consumed(bad=r.bad, total=r.total) == Fraction(1000, 110)


def test_no_requests_no_availability() -> None:
    with pytest.raises(InvalidCountError, match="total=0"):
        _ = RequestAvailability(0, 0, 0).availability


def test_timeslices_threshold_is_strict_and_min_requests_unjudged() -> None:
    counts = [row(0, 90, 100), row(1, 89, 100), row(2, 0, 99), row(3, 0, 100)]
    r = measure_timeslices(counts, HOUR, slice="1m", threshold="10%", min_requests=100)
    # minute 0: exactly 10 % is not more than 10 %; minute 2: 99 requests, not judged
    assert [s - T for s in r.bad_starts] == [M, 3 * M]
    assert r.availability.fraction == Fraction(58, 60)
    assert r.bad_time == 2 * M


def test_ratio_timeslices_average_empty_slices_as_good_or_skip() -> None:
    counts = [row(0, 0, 10), row(5, 5, 10)]
    good = measure_timeslices(counts, HOUR, slice="5m", method="ratio_timeslices")
    assert good.availability.fraction == 1 - Fraction(3, 2) / 12
    skip = measure_timeslices(counts, HOUR, slice="5m", method="ratio_timeslices", empty="skip")
    assert skip.availability.fraction == Fraction(1, 4)
    assert skip.counted == 2
    with pytest.raises(InvalidCountError, match="No slice"):
        measure_timeslices([], HOUR, slice="5m", method="ratio_timeslices", empty="skip")


def test_ratio_versus_occurrences_differ() -> None:
    # low-traffic slices dominate the unweighted mean
    counts = [row(0, 0, 1), row(5, 999, 999)]
    occ = measure_requests(counts, (T, T + 10 * M)).availability.fraction
    ratio = measure_timeslices(
        counts, (T, T + 10 * M), slice="5m", method="ratio_timeslices"
    ).availability.fraction
    assert occ == Fraction(999, 1000)
    assert ratio == Fraction(1, 2)


def test_many_distinct_denominators_stay_exact() -> None:
    counts = [row(k, k, k + 1) for k in range(60)]
    r = measure_timeslices(counts, HOUR, slice="1m", method="ratio_timeslices")
    assert r.availability.fraction == sum(Fraction(k, k + 1) for k in range(60)) / 60


def test_outages_as_slices() -> None:
    outages = [
        (T + dt.timedelta(seconds=30), T + 2 * M, "full"),
        (T + 10 * M, T + 11 * M, "partial"),
    ]
    r = measure_timeslices(outages=outages, window=HOUR, slice="1m")
    assert [s - T for s in r.bad_starts] == [0 * M, M, 10 * M]
    hours = measure_timeslices(
        outages=[(T, T + 6 * M)], window=(T, T + 120 * M), slice="1h", threshold="10%"
    )
    assert hours.bad_slices == 0  # exactly six minutes is not more than six
    hours = measure_timeslices(
        outages=[(T, T + 7 * M)], window=(T, T + 120 * M), slice="1h", threshold="10%"
    )
    assert hours.bad_slices == 1
    ratio = measure_timeslices(outages=outages, window=HOUR, slice="1m", method="ratio_timeslices")
    assert ratio.availability.fraction == 1 - (Fraction(3, 2) + Fraction(3, 10)) / 60


def test_columns_agree_with_rows() -> None:
    rows = [row(k, (7 * k) % 11, 10 + k % 3) for k in range(3000) if (7 * k) % 11 <= 10 + k % 3]
    window = (T, T + 3000 * M)
    expected = measure_timeslices(rows, window, slice="5m", threshold="30%")
    table = {
        "start": np.array([r[0].replace(tzinfo=None) for r in rows], dtype="datetime64[us]"),
        "end": np.array([r[1].replace(tzinfo=None) for r in rows], dtype="datetime64[us]"),
        "good": np.array([r[2] for r in rows]),
        "total": np.array([r[3] for r in rows]),
    }
    got = measure_timeslices(table, window, slice="5m", threshold="30%")
    assert got == expected
    shuffled = {k: v[::-1] for k, v in table.items()}
    assert measure_timeslices(shuffled, window, slice="5m", threshold="30%") == expected
    assert measure_requests(table, window) == measure_requests(rows, window)
    no_end = {k: v for k, v in table.items() if k != "end"}
    assert measure_requests(no_end) == measure_requests(rows)


@pytest.mark.parametrize(
    ("rows", "error", "match"),
    [
        ([row(0, 11, 10)], InvalidCountError, "good=11 more than total=10"),
        ([row(0, -1, 10)], InvalidCountError, "good=-1, negative"),
        ([row(0, 1, -10)], InvalidCountError, "total=-10, negative"),
        ([row(0, 1.0, 10)], InvalidCountError, "good=1.0, not a whole number"),
        ([(T, T, 1)], ColumnTypeError, "Count row 0"),
        ([(T + M, T, 1, 1)], InvalidIntervalError, "before its start"),
    ],
)
def test_bad_count_rows(rows: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        measure_requests(rows)


def test_bad_count_columns() -> None:
    base = {"start": [T], "good": np.array([1]), "total": np.array([2])}
    with pytest.raises(ColumnTypeError, match="no column 'total'"):
        measure_requests({"start": [T], "good": [1]})
    with pytest.raises(InvalidCountError, match="good=3 more than total=2"):
        measure_requests({**base, "good": np.array([3])})
    with pytest.raises(InvalidCountError, match="total=-2, negative"):
        measure_requests({**base, "total": np.array([-2])})
    with pytest.raises(InvalidCountError, match="float64"):
        measure_requests({**base, "good": np.array([1.0])})
    with pytest.raises(InvalidIntervalError, match="before its start"):
        measure_requests({**base, "end": [T - M]})
    with pytest.raises(InvalidIntervalError, match="crosses"):
        measure_timeslices({**base, "end": [T + 2 * M]}, HOUR, slice="1m")


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"threshold": "101%"}, InvalidOptionError, "101%"),
        ({"threshold": "-1%"}, InvalidOptionError, "-1%"),
        ({"method": "occurrences"}, InvalidOptionError, "'occurrences'"),
        ({"empty": "bad"}, InvalidOptionError, "empty='bad'"),
        ({"min_requests": -1}, InvalidOptionError, "min_requests=-1"),
        ({"slice": "0m"}, InvalidDurationError, "slice='0m'"),
        ({"slice": "7m"}, InvalidPeriodError, "whole number"),
    ],
)
def test_bad_slice_options(kwargs: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        measure_timeslices([], HOUR, **kwargs)


def test_data_and_window_are_required() -> None:
    with pytest.raises(InvalidOptionError, match="either counts"):
        measure_timeslices(window=HOUR)
    with pytest.raises(InvalidOptionError, match="either counts"):
        measure_timeslices([], HOUR, outages=[])
    with pytest.raises(InvalidPeriodError, match="No window"):
        measure_timeslices([])
    with pytest.raises(InvalidIntervalError, match="crosses"):
        measure_timeslices([row(0, 1, 1, length=2)], HOUR, slice="1m")


def test_calendar_month_slices_are_local() -> None:
    march = calendar_month(2026, 3, tz="Europe/Copenhagen")  # 743 hours: DST
    r = measure_timeslices([], march, slice="1h")
    assert r.slices == 743
    assert r.window == (march.start, march.end)


def test_numpy_integer_counts_in_rows_and_empty_columns() -> None:
    rows: list[Any] = [(T, T + M, np.int64(9), np.int64(10))]
    assert measure_requests(rows).good == 9
    empty = {
        "start": np.array([], dtype="datetime64[us]"),
        "good": np.array([], dtype=int),
        "total": np.array([], dtype=int),
    }
    assert measure_timeslices(empty, HOUR, slice="5m").availability.fraction == 1
