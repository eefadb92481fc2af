"""Bulk calls agree with the scalar engine, for every kind of input, NaT included."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from slacalc import (
    BusinessCalendar,
    InvalidDurationError,
    LengthMismatchError,
    NaiveDatetimeError,
    NotADatetimeError,
)

CAL = BusinessCalendar(
    "Mon-Fri 09:00-12:00,13:00-17:00; Sat 22:00-04:00",
    tz="Europe/Copenhagen",
    holidays="DK",
    overrides={"2026-12-24": "09:00-12:00"},
)

instants = st.datetimes(
    min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2032, 1, 1), timezones=st.just(dt.UTC)
)
signed_durations = st.integers(min_value=-500 * 3600, max_value=500 * 3600).map(
    lambda s: dt.timedelta(seconds=s, microseconds=s % 7)
)


def _np(ts: list[dt.datetime]) -> np.ndarray:
    return np.array([t.replace(tzinfo=None) for t in ts], dtype="datetime64[us]")


def _naive_utc(t: dt.datetime) -> dt.datetime:
    return t.astimezone(dt.UTC).replace(tzinfo=None)


@given(starts=st.lists(instants, min_size=1, max_size=30), data=st.data())
def test_add_many_agrees_with_add_for_every_input_kind(
    starts: list[dt.datetime], data: st.DataObject
) -> None:
    durations = data.draw(st.lists(signed_durations, min_size=len(starts), max_size=len(starts)))
    expected = [CAL.add(t, d) for t, d in zip(starts, durations, strict=True)]
    # lists
    assert CAL.add_many(starts, durations) == expected
    # NumPy: UTC datetime64 in, UTC datetime64 out
    got = CAL.add_many(_np(starts), np.array(durations, dtype="timedelta64[us]"))
    assert got.dtype == np.dtype("datetime64[us]")
    assert [x.item() for x in got] == [_naive_utc(e) for e in expected]
    # pandas: the index and name survive; results are in the calendar's zone
    series = pd.Series(
        pd.DatetimeIndex(starts), index=[f"t{i}" for i in range(len(starts))], name="opened"
    )
    out = CAL.add_many(series, pd.Series(durations))
    assert list(out.index) == list(series.index)
    assert out.name == "opened"
    assert str(out.dt.tz) == "Europe/Copenhagen"
    assert [x.to_pydatetime() for x in out] == expected


@given(starts=st.lists(instants, min_size=1, max_size=30), data=st.data())
def test_elapsed_many_and_is_open_many_agree_with_the_scalar_engine(
    starts: list[dt.datetime], data: st.DataObject
) -> None:
    ends = data.draw(st.lists(instants, min_size=len(starts), max_size=len(starts)))
    expected = [CAL.elapsed(a, b) for a, b in zip(starts, ends, strict=True)]
    assert CAL.elapsed_many(starts, ends) == expected
    got = CAL.elapsed_many(_np(starts), _np(ends))
    assert got.dtype == np.dtype("timedelta64[us]")
    assert [x.item() for x in got] == expected
    got_series = CAL.elapsed_many(
        pd.Series(pd.DatetimeIndex(starts)), pd.Series(pd.DatetimeIndex(ends))
    )
    assert [x.to_pytimedelta() for x in got_series] == expected
    assert CAL.is_open_many(starts) == [CAL.is_open(t) for t in starts]
    assert CAL.is_open_many(_np(starts)).tolist() == [CAL.is_open(t) for t in starts]


def test_one_duration_for_all_and_strings() -> None:
    fri = dt.datetime(2026, 11, 27, 16, tzinfo=CAL.tz)
    starts = [fri, fri + dt.timedelta(hours=1), fri - dt.timedelta(hours=7)]
    assert CAL.add_many(starts, "1h") == [CAL.add(t, "1h") for t in starts]
    assert CAL.add_many(starts, dt.timedelta(hours=1)) == [CAL.add(t, "1h") for t in starts]
    assert CAL.add_many(np.array(starts, dtype=object), "2h") == [CAL.add(t, "2h") for t in starts]


def test_missing_values_pass_through() -> None:
    t = dt.datetime(2026, 11, 30, 10, tzinfo=dt.UTC)
    arr = np.array(["2026-11-30T10:00", "NaT"], dtype="datetime64[us]")
    assert np.isnat(CAL.add_many(arr, "1h"))[1]
    assert np.isnat(CAL.elapsed_many(arr, arr))[1]
    assert CAL.is_open_many(arr).tolist() == [CAL.is_open(t), False]
    series = pd.Series([pd.Timestamp(t), pd.NaT], dtype="datetime64[us, UTC]")
    assert CAL.add_many(series, "1h").isna().tolist() == [False, True]
    all_missing = np.array(["NaT"], dtype="datetime64[us]")
    assert np.isnat(CAL.add_many(all_missing, "1h")).all()
    assert CAL.elapsed_many([], []) == []


def test_a_datetime_index_comes_back_as_an_index() -> None:
    idx = pd.date_range("2026-11-27 15:00", periods=4, freq="1h", tz="UTC")
    out = CAL.add_many(idx, "30m")
    assert isinstance(out, pd.DatetimeIndex)
    assert list(out) == [CAL.add(t.to_pydatetime(), "30m") for t in idx]


class TestErrors:
    def test_naive_pandas_data(self) -> None:
        naive = pd.Series(pd.date_range("2026-11-27", periods=2, freq="h"))
        with pytest.raises(NaiveDatetimeError, match="tz_localize"):
            CAL.add_many(naive, "1h")

    def test_lengths_must_match(self) -> None:
        t = dt.datetime(2026, 11, 30, 10, tzinfo=dt.UTC)
        with pytest.raises(LengthMismatchError, match="2 starts and 1 ends"):
            CAL.elapsed_many([t, t], [t])
        with pytest.raises(LengthMismatchError, match="3 durations for 2 starts"):
            CAL.add_many([t, t], ["1h", "2h", "3h"])

    def test_not_a_sequence_of_datetimes(self) -> None:
        with pytest.raises(NotADatetimeError, match="not a sequence"):
            CAL.is_open_many("2026-11-30T10:00Z")
        with pytest.raises(NotADatetimeError):
            CAL.is_open_many(["2026-11-30T10:00Z"])

    def test_naive_element_in_a_list(self) -> None:
        with pytest.raises(NaiveDatetimeError):
            CAL.is_open_many([dt.datetime(2026, 11, 30, 10)])

    def test_bad_duration(self) -> None:
        t = dt.datetime(2026, 11, 30, 10, tzinfo=dt.UTC)
        with pytest.raises(InvalidDurationError, match="'2 hours'"):
            CAL.add_many([t], "2 hours")
        with pytest.raises(InvalidDurationError):
            CAL.add_many([t], 7200)


def test_none_and_nat_in_lists_are_missing_values() -> None:
    t = dt.datetime(2026, 11, 30, 10, tzinfo=dt.UTC)
    assert CAL.elapsed_many([t, None, pd.NaT], [t, t, t]) == [dt.timedelta(0), None, None]
    assert CAL.is_open_many([None, pd.NaT, np.datetime64("NaT")]) == [False, False, False]
    assert CAL.add_many([None, t], "1h") == [None, CAL.add(t, "1h")]


def test_a_datetime_index_gives_arrays_and_indexes_back() -> None:
    idx = pd.date_range("2026-11-30 08:00", periods=3, freq="h", tz="UTC", name="opened")
    flags = CAL.is_open_many(idx)
    assert isinstance(flags, np.ndarray)
    # 08:00Z is 09:00 in Copenhagen (open), 10:00 and 11:00 too.
    assert flags.tolist() == [CAL.is_open(t.to_pydatetime()) for t in idx] == [True, True, True]
    spans = CAL.elapsed_many(idx, idx + pd.Timedelta(hours=2))
    assert isinstance(spans, pd.TimedeltaIndex)
    assert spans.name == "opened"
    # 09-11, 10-12 and 11-13 local; the lunch break 12-13 takes 1 h from the last one.
    assert [x.to_pytimedelta() for x in spans] == [
        dt.timedelta(hours=2),
        dt.timedelta(hours=2),
        dt.timedelta(hours=1),
    ]


def test_scalar_calls_refuse_nat_clearly() -> None:
    with pytest.raises(NotADatetimeError, match="missing value"):
        CAL.is_open(pd.NaT)


@pytest.mark.parametrize(
    "hours",
    [
        "Mon-Fri 09:00-17:00",  # one opening a day: the per-day index
        "Mon-Fri 22:00-06:00",  # night shifts across UTC midnight
        # ten openings a day: more than the per-day index steps through, so the bulk
        # calls fall back to a binary search
        "Mon-Sun " + ",".join(f"{h:02d}:00-{h:02d}:30" for h in range(10)),
    ],
)
def test_bulk_paths_agree_with_the_scalar_engine(hours: str) -> None:
    cal = BusinessCalendar(hours, tz="Europe/Copenhagen", holidays="DK")
    rng = np.random.default_rng(7)
    base = np.datetime64("2025-01-01T00:00", "us").astype(np.int64)
    a = (base + rng.integers(0, 3 * 365 * 86_400 * 10**6, 2000)).view("datetime64[us]")
    b = a + rng.integers(-40 * 86_400 * 10**6, 40 * 86_400 * 10**6, 2000).astype("timedelta64[us]")
    d = rng.integers(-300 * 3600 * 10**6, 300 * 3600 * 10**6, 2000).astype("timedelta64[us]")
    starts = [x.item().replace(tzinfo=dt.UTC) for x in a]
    ends = [x.item().replace(tzinfo=dt.UTC) for x in b]
    spans = [x.item() for x in d]
    assert [x.item() for x in cal.elapsed_many(a, b)] == [
        cal.elapsed(s, e) for s, e in zip(starts, ends, strict=True)
    ]
    assert cal.is_open_many(a).tolist() == [cal.is_open(s) for s in starts]
    assert [x.item() for x in cal.add_many(a, d)] == [
        _naive_utc(cal.add(s, span)) for s, span in zip(starts, spans, strict=True)
    ]
