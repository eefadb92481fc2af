"""The bulk calls' types follow their input: a list gives a list, an array an array, a
polars Series a polars Series (mypy checks the ``assert_type`` lines; pytest runs them)."""

from __future__ import annotations

import datetime as dt
from typing import assert_type

import numpy as np
import numpy.typing as npt
import polars as pl

from slacalc import BusinessCalendar

CAL = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
FRI = dt.datetime(2026, 11, 27, 16, tzinfo=CAL.tz)


def test_lists_give_lists() -> None:
    starts = [FRI, FRI]
    opened = assert_type(CAL.is_open_many(starts), list[bool])
    spent = assert_type(CAL.elapsed_many(starts, starts), list[dt.timedelta])
    due = assert_type(CAL.add_many(starts, "1h"), list[dt.datetime])
    assert (opened, spent, len(due)) == ([True, True], [dt.timedelta(0)] * 2, 2)


def test_lists_with_gaps_give_optional_items() -> None:
    starts: list[dt.datetime | None] = [FRI, None]
    spent = assert_type(CAL.elapsed_many(starts, starts), list[dt.timedelta | None])
    due = assert_type(CAL.add_many(starts, "1h"), list[dt.datetime | None])
    assert (spent[1], due[1]) == (None, None)


def test_arrays_give_arrays() -> None:
    starts: npt.NDArray[np.datetime64] = np.array(["2026-11-27T15:00"], dtype="datetime64[us]")
    opened = assert_type(CAL.is_open_many(starts), npt.NDArray[np.bool_])
    spent = assert_type(CAL.elapsed_many(starts, starts), npt.NDArray[np.timedelta64])
    due = assert_type(CAL.add_many(starts, "1h"), npt.NDArray[np.datetime64])
    assert [str(a.dtype) for a in (opened, spent, due)] == [
        "bool",
        "timedelta64[us]",
        "datetime64[us]",
    ]


def test_polars_gives_polars() -> None:
    starts = pl.Series("opened", [FRI])
    opened = assert_type(CAL.is_open_many(starts), pl.Series)
    spent = assert_type(CAL.elapsed_many(starts, starts), pl.Series)
    due = assert_type(CAL.add_many(starts, "1h"), pl.Series)
    assert opened.dtype == pl.Boolean
    assert spent.dtype == pl.Duration("us")
    assert due.dtype == pl.Datetime("us", "Europe/Copenhagen")
