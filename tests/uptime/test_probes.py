"""Probe results into outages: the attribution rule, k of n, bad rows, both engines."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd
import pytest

from slacalc.errors import (
    ColumnTypeError,
    InvalidDurationError,
    InvalidOptionError,
    NaiveDatetimeError,
)
from slacalc.uptime import Outage, probe_outages
from slacalc.uptime._probes import _spans_numpy, _spans_python

UTC = dt.UTC
T = dt.datetime(2026, 3, 2, 10, tzinfo=UTC)
M = dt.timedelta(minutes=1)


def spans(found: Any) -> list[tuple[dt.datetime, dt.datetime | None]]:
    return [(o.start, o.end) for o in found.outages]


def test_a_failed_probe_is_down_until_the_next_result() -> None:
    rows = [(T, True), (T + M, False), (T + 2 * M, False), (T + 3 * M, True)]
    assert spans(probe_outages(rows, interval="1m")) == [(T + M, T + 3 * M)]


def test_a_result_speaks_for_one_interval_at_most() -> None:
    # silence after the failure: down for one interval, then no data, which is not down
    rows = [(T, False), (T + 10 * M, True)]
    assert spans(probe_outages(rows, interval="1m")) == [(T, T + M)]


def test_the_next_result_cuts_a_failure_short() -> None:
    rows = [(T, False), (T + dt.timedelta(seconds=20), True)]
    assert spans(probe_outages(rows, interval="1m")) == [(T, T + dt.timedelta(seconds=20))]


def test_k_of_n_locations() -> None:
    rows = [
        (T, False, "eu"),
        (T, True, "us"),
        (T, True, "ap"),
        (T + M, False, "eu"),
        (T + M, False, "us"),
        (T + M, True, "ap"),
        (T + 2 * M, False, "eu"),
        (T + 2 * M, False, "us"),
        (T + 2 * M, False, "ap"),
        (T + 3 * M, True, "eu"),
        (T + 3 * M, True, "us"),
        (T + 3 * M, True, "ap"),
    ]
    assert spans(probe_outages(rows, interval="1m")) == [(T, T + 3 * M)]
    assert spans(probe_outages(rows, interval="1m", failing=2)) == [(T + M, T + 3 * M)]
    found = probe_outages(rows, interval="1m", failing=3)
    assert spans(found) == [(T + 2 * M, T + 3 * M)]
    assert found.locations == ("ap", "eu", "us")
    assert found.failing == 3


def test_k_of_the_last_n_probes_confirm_a_failure() -> None:
    # one location, checked every minute: down at 1; 3, 4, 5; 7, 9 (flapping)
    rows = [(T + k * M, k not in (1, 3, 4, 5, 7, 9)) for k in range(12)]
    assert spans(probe_outages(rows, interval="1m")) == [
        (T + M, T + 2 * M),
        (T + 3 * M, T + 6 * M),
        (T + 7 * M, T + 8 * M),
        (T + 9 * M, T + 10 * M),
    ]
    # three failures in a row, as a monitor with two retries reports it: from the third
    retries = probe_outages(rows, interval="1m", confirm=(3, 3))
    assert spans(retries) == [(T + 5 * M, T + 6 * M)]
    assert retries.confirm == (3, 3)
    # two in a row: from the second failure of 3, 4, 5
    assert spans(probe_outages(rows, interval="1m", confirm=(2, 2))) == [(T + 4 * M, T + 6 * M)]
    # two of the last three: the lone failure at 1 has only 0 and 1 behind it; 3 (with
    # 1), 7 (with 5) and 9 (with 7) are confirmed although the check before them passed
    assert spans(probe_outages(rows, interval="1m", confirm=(2, 3))) == [
        (T + 3 * M, T + 6 * M),
        (T + 7 * M, T + 8 * M),
        (T + 9 * M, T + 10 * M),
    ]
    # each location confirms on its own results, before k of n locations are counted
    two = [(t, ok, loc) for t, ok in rows for loc in ("eu", "us")]
    both = probe_outages(two, interval="1m", failing=2, confirm=(3, 3))
    assert spans(both) == [(T + 5 * M, T + 6 * M)]


def test_out_of_order_and_duplicate_rows_are_sorted_merged_and_counted() -> None:
    rows = [(T + 2 * M, True), (T + M, True), (T, True), (T + M, False)]
    found = probe_outages(rows, interval="1m")
    assert (found.rows, found.reordered, found.duplicates) == (4, 2, 1)
    # the duplicate at T + M failed once, so it failed
    assert spans(found) == [(T + M, T + 2 * M)]


def test_outages_plug_into_measure_availability() -> None:
    from slacalc.uptime import measure_availability

    found = probe_outages([(T, False), (T + M, True)], interval="1m")
    report = measure_availability(found.outages, (T, T + 1000 * M))
    assert str(report.availability) == "99.9%"
    assert all(isinstance(o, Outage) for o in found.outages)


def test_columns_from_numpy_and_pandas_agree_with_rows() -> None:
    rows = [(T + k * M, k % 3 != 0, "ab"[k % 2]) for k in range(20)]
    expected = spans(probe_outages(rows, interval="1m"))
    times = np.array([r[0].replace(tzinfo=None) for r in rows], dtype="datetime64[us]")
    table = {
        "time": times,
        "success": np.array([r[1] for r in rows]),
        "location": [r[2] for r in rows],
    }
    assert spans(probe_outages(table, interval="1m")) == expected
    frame = pd.DataFrame(
        {
            "time": pd.to_datetime([r[0] for r in rows], utc=True),
            "success": [int(r[1]) for r in rows],
            "location": [r[2] for r in rows],
        }
    )
    assert spans(probe_outages(frame, interval="1m")) == expected
    one = {"time": [r[0] for r in rows], "success": [r[1] for r in rows]}
    assert probe_outages(one, interval="1m").locations == (None,)


def test_no_probes_no_outages() -> None:
    found = probe_outages([], interval="1m")
    assert found.outages == ()
    assert found.downtime == dt.timedelta(0)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"interval": "0s"}, InvalidDurationError, "interval='0s'"),
        ({"interval": "1m", "failing": 0}, InvalidOptionError, "failing=0"),
        ({"interval": "1m", "failing": 2}, InvalidOptionError, "failing=2 is more than the 1"),
        ({"interval": "1m", "failing": True}, InvalidOptionError, "failing=True"),
        ({"interval": "1m", "confirm": (3, 2)}, InvalidOptionError, r"confirm=\(3, 2\)"),
        ({"interval": "1m", "confirm": (0, 2)}, InvalidOptionError, r"confirm=\(0, 2\)"),
        ({"interval": "1m", "confirm": 3}, InvalidOptionError, "confirm=3 is not"),
        ({"interval": "1m", "confirm": (True, 2)}, InvalidOptionError, "confirm=.True"),
    ],
)
def test_bad_options(kwargs: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        probe_outages([(T, True)], **kwargs)


@pytest.mark.parametrize(
    ("rows", "error", "match"),
    [
        ([(T,)], ColumnTypeError, r"Probe row 0 is \(datetime"),
        ([(T, "up")], ColumnTypeError, "success='up'"),
        ([(T, True, 7)], ColumnTypeError, "location 7"),
        ([(T.replace(tzinfo=None), True)], NaiveDatetimeError, "time zone"),
    ],
)
def test_bad_rows_are_named(rows: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        probe_outages(rows, interval="1m")


def test_bad_columns_are_named() -> None:
    with pytest.raises(ColumnTypeError, match="no column 'success'"):
        probe_outages({"time": [T]}, interval="1m")
    with pytest.raises(ColumnTypeError, match="holds 2"):
        probe_outages({"time": [T], "success": np.array([2])}, interval="1m")
    naive = pd.DataFrame({"time": pd.to_datetime(["2026-03-02 10:00"]), "success": [True]})
    with pytest.raises(ColumnTypeError, match="naive"):
        probe_outages(naive, interval="1m")


def test_python_and_numpy_engines_agree_on_a_tricky_case() -> None:
    times = [0, 10, 10, 5, 30, 30, 40, 100, 0, 20, 20, 60]
    oks = [False, False, True, True, False, False, True, False, False, True, False, False]
    codes = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]
    for k in (1, 2):
        for confirm in ((1, 1), (2, 2), (2, 3)):
            py = _spans_python(times, oks, codes, 25, k, confirm)
            fast = _spans_numpy(np, times, oks, codes, 25, k, confirm)
            assert py == fast
