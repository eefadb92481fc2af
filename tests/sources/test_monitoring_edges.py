"""Edge cases of the shared monitoring helpers: text decoding, time stamps in JSON."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest

from slacalc.errors import ColumnTypeError, InvalidDateError, InvalidOptionError
from slacalc.sources import read_monitoring_csv, read_uptime_kuma

UTC = dt.UTC
T = dt.datetime(2026, 3, 2, 10, tzinfo=UTC)


def test_a_file_that_is_not_utf8_is_refused_with_the_byte() -> None:
    data = io.BytesIO(b"time,success\n2026-03-02T10:00Z,\xff\n")
    with pytest.raises(
        InvalidOptionError, match=r"is not UTF-8 text \(byte 31\); save it as UTF-8"
    ):
        read_monitoring_csv(data, kind="probes")


def test_a_file_whose_read_gives_neither_text_nor_bytes_is_refused() -> None:
    class Odd:
        def read(self) -> list[str]:
            return ["time,success"]

    with pytest.raises(
        ColumnTypeError, match=r"read a list, not text; pass a path or an open file"
    ):
        read_monitoring_csv(Odd(), kind="probes")  # type: ignore[arg-type]


def test_parsed_json_may_hold_datetimes_naive_ones_read_in_utc() -> None:
    beats: list[Any] = [
        {"monitorID": 1, "status": 0, "time": T},
        {"monitorID": 1, "status": 1, "time": dt.datetime(2026, 3, 2, 10, 1)},
    ]
    export = read_uptime_kuma(beats)
    assert export.rows == ((T, False, "1"), (T + dt.timedelta(minutes=1), True, "1"))
    assert export.rows[1][0].tzinfo is UTC


def test_epoch_seconds_as_numbers_are_exact_to_the_microsecond() -> None:
    seconds = int(T.timestamp())
    beats: list[Any] = [
        {"monitorID": 1, "status": 0, "time": seconds},
        {"monitorID": 1, "status": 1, "time": Decimal(seconds) + Decimal("0.000001")},
    ]
    rows = read_uptime_kuma(beats).rows
    assert [r[0] for r in rows] == [T, T + dt.timedelta(microseconds=1)]


@pytest.mark.parametrize("time", [None, "  ", True])
def test_a_missing_or_blank_time_is_not_a_time(time: object) -> None:
    beats: list[Any] = [{"monitorID": 1, "status": 0, "time": time}]
    with pytest.raises(InvalidDateError, match=r"Time of heartbeat \[0\] .* is not a time"):
        read_uptime_kuma(beats)


def test_success_words_are_read_whatever_their_case() -> None:
    text = "time,success\n2026-03-02T10:00Z,TRUE\n2026-03-02T10:01Z, Down \n"
    rows = read_monitoring_csv(io.StringIO(text), kind="probes").rows
    assert [r[1] for r in rows] == [True, False]
