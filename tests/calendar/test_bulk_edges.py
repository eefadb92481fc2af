"""Edges of the bulk calls: refused inputs, empty batches, far reaches, wide batches."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from slacalc import BusinessCalendar, NotADatetimeError, OutOfRangeError

CAL = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")


def _at(year: int, month: int, day: int, hour: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=dt.UTC)


def test_a_pandas_index_of_objects_is_refused() -> None:
    values = pd.Index([pd.Timestamp("2026-12-07T10:00Z")], dtype=object)
    with pytest.raises(NotADatetimeError, match="The instants are a Index, not a sequence"):
        CAL.is_open_many(values)


def test_an_instant_beyond_the_years_is_refused() -> None:
    values = np.array(["9999-06-01T00:00"], dtype="datetime64[us]")
    with pytest.raises(OutOfRangeError, match="lies outside the years 2-9998"):
        CAL.is_open_many(values)


def test_no_pairs_elapse_nothing() -> None:
    assert CAL.elapsed_many([], []) == []


def test_a_deadline_beyond_the_years_is_refused_before_any_work() -> None:
    with pytest.raises(
        OutOfRangeError,
        match=r"to '9998-12-30T00:00:00\+00:00' \(item 0\) reaches beyond the years 2-9998",
    ):
        CAL.add_many([_at(9998, 12, 30)], dt.timedelta(days=5))


def test_a_wide_batch_with_a_gap_goes_one_by_one() -> None:
    starts = [_at(1990, 1, 1), None, _at(2040, 1, 1)]  # 50 years apart, one missing
    got = CAL.add_many(starts, dt.timedelta(hours=3))
    assert got[1] is None
    assert [t.isoformat() for t in got if t is not None] == [
        "1990-01-01T12:00:00+01:00",  # Monday 09:00 + 3 h
        "2040-01-02T12:00:00+01:00",  # Sunday: Monday 09:00 + 3 h
    ]


def test_a_long_way_back_grows_the_covered_span_backwards() -> None:
    start = _at(2026, 12, 7, 10)
    back = dt.timedelta(hours=-3000)  # 375 working days back
    got = CAL.add_many([start], back)
    assert got == [CAL.add(start, back)]
    assert got[0] is not None
    assert CAL.elapsed(got[0], start) == -back


def test_a_long_way_forward_grows_the_covered_span_forwards() -> None:
    start = _at(2026, 12, 7, 10)
    ahead = dt.timedelta(hours=3000)  # 375 working days ahead
    got = CAL.add_many([start, start + dt.timedelta(hours=1)], ahead)
    assert got == [CAL.add(start, ahead), CAL.add(start + dt.timedelta(hours=1), ahead)]
    assert got[0] is not None
    assert CAL.elapsed(start, got[0]) == ahead


def test_a_wide_batch_of_pairs_elapses_one_by_one() -> None:
    starts = [_at(1990, 1, 1, 8), _at(2040, 1, 2, 8)]  # Mondays, 09:00 in Copenhagen
    ends = [_at(1990, 1, 1, 11), _at(2040, 1, 2, 16)]
    assert CAL.elapsed_many(starts, ends) == [dt.timedelta(hours=3), dt.timedelta(hours=8)]
