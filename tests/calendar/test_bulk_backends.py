"""The bulk calls answer the same on pandas, polars and pyarrow series, in the caller's kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

from slacalc import BusinessCalendar
from slacalc.errors import InvalidDurationError, NaiveDatetimeError, NotADatetimeError

CAL = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
FRI = dt.datetime(2026, 11, 27, 16, tzinfo=CAL.tz)
STARTS: list[dt.datetime | None] = [FRI, None, FRI + dt.timedelta(days=3, hours=-6)]
ENDS: list[dt.datetime | None] = [FRI + dt.timedelta(days=3), FRI, None]


def _pandas(values: list[Any], name: str) -> Any:
    return pd.Series(values, name=name, dtype="datetime64[us, Europe/Copenhagen]")


def _polars(values: list[Any], name: str) -> Any:
    return pl.Series(name, values, dtype=pl.Datetime("us", "Europe/Copenhagen"))


def _arrow(values: list[Any], name: str) -> Any:
    return pa.chunked_array([pa.array(values, pa.timestamp("us", tz="Europe/Copenhagen"))])


def _arrow_array(values: list[Any], name: str) -> Any:
    return pa.array(values, pa.timestamp("us", tz="UTC"))


def _values(result: Any) -> list[Any]:
    """A result series as plain Python values (None for missing)."""
    if isinstance(result, pd.Series):
        return [None if pd.isna(v) else v for v in result.astype(object)]
    if isinstance(result, pl.Series):
        return result.to_list()
    return [None if v is None else v for v in result.to_pylist()]


KINDS: dict[str, tuple[Callable[[list[Any], str], Any], type]] = {
    "pandas": (_pandas, pd.Series),
    "polars": (_polars, pl.Series),
    "pyarrow": (_arrow, pa.ChunkedArray),
    "pyarrow-array": (_arrow_array, pa.Array),
}


@pytest.fixture(params=sorted(KINDS))
def kind(request: pytest.FixtureRequest) -> tuple[Callable[[list[Any], str], Any], type]:
    return KINDS[request.param]


def test_is_open(kind: tuple[Callable[[list[Any], str], Any], type]) -> None:
    make, out = kind
    result = CAL.is_open_many(make(STARTS, "opened"))
    assert isinstance(result, out)
    assert _values(result) == [True, False, True]


def test_elapsed(kind: tuple[Callable[[list[Any], str], Any], type]) -> None:
    make, out = kind
    result = CAL.elapsed_many(make(STARTS, "opened"), make(ENDS, "solved"))
    assert isinstance(result, out)
    assert _values(result) == [dt.timedelta(hours=8), None, None]
    assert _values(result)[:1] == CAL.elapsed_many(STARTS[:1], ENDS[:1])


def test_add(kind: tuple[Callable[[list[Any], str], Any], type]) -> None:
    make, out = kind
    result = CAL.add_many(make(STARTS, "opened"), "2h")
    assert isinstance(result, out)
    due = _values(result)
    assert due == [
        dt.datetime(2026, 11, 30, 10, tzinfo=CAL.tz),
        None,
        dt.datetime(2026, 11, 30, 12, tzinfo=CAL.tz),
    ]
    assert due[0].utcoffset() == dt.timedelta(hours=1)  # in the calendar's zone


def test_names_are_kept() -> None:
    assert CAL.add_many(_polars(STARTS, "opened"), "1h").name == "opened"
    assert CAL.is_open_many(_pandas(STARTS, "opened")).name == "opened"


def test_durations_per_row_from_polars() -> None:
    hours = pl.Series("d", [dt.timedelta(hours=1)] * 3)
    due = CAL.add_many(_polars(STARTS, "opened"), hours)
    assert due.to_list()[0] == dt.datetime(2026, 11, 30, 9, tzinfo=CAL.tz)
    with pytest.raises(InvalidDurationError, match=r"column 'd'\) are of String"):
        CAL.add_many(_polars(STARTS, "opened"), pl.Series("d", ["1h"] * 3))


@pytest.mark.parametrize(
    "naive",
    [
        pd.Series([dt.datetime(2026, 1, 1)], name="opened"),
        pl.Series("opened", [dt.datetime(2026, 1, 1)]),
    ],
)
def test_naive_timestamps_name_the_column(naive: Any) -> None:
    with pytest.raises(
        NaiveDatetimeError, match=r"The starts \(column 'opened'\) have no time zone"
    ):
        CAL.add_many(naive, "1h")


def test_text_is_not_timestamps() -> None:
    with pytest.raises(NotADatetimeError, match=r"column 'opened'\) are a Series of String"):
        CAL.is_open_many(pl.Series("opened", ["2026-01-01"]))
    with pytest.raises(NotADatetimeError, match="are a dict, not a sequence of datetimes"):
        CAL.is_open_many({"a": 1})
    with pytest.raises(NotADatetimeError, match="are a Decimal, not a sequence of datetimes"):
        CAL.is_open_many(Decimal(1))  # from a module narwhals does not know either
