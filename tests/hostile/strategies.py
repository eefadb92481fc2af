"""Hostile values for any parameter: wrong types, extremes, NaN and infinity, deep nesting,
long and odd text, mixed with values that look right so the checks past the first are
reached too."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import strategies as st

UTC = dt.UTC
T = dt.datetime(2026, 11, 30, 10, tzinfo=UTC)


def _nested(depth: int) -> Any:
    value: Any = []
    for i in range(depth):
        value = [value] if i % 2 else {"a": value}
    return value


#: Values that look right, or nearly: each reaches further into a call than noise does.
PLAUSIBLE: list[Any] = [
    "99.9%",
    "101%",
    "99.9",
    "10%",
    "1h",
    "-1h",
    "2d",
    "PT2H",
    "month",
    "year",
    "high",
    "critical",
    "full",
    "DK",
    "XK",
    "UTC",
    "Europe/Copenhagen",
    "Mon-Fri 09:00-17:00",
    "24/7",
    "2026-11-30",
    "2150-12-25",
    "2026-11-30T10:00+01:00",
    Decimal("0.999"),
    Fraction(999, 1000),
    dt.timedelta(hours=1),
    dt.timedelta(hours=-1),
    dt.date(2028, 2, 29),
    T,
    T.replace(year=2150),
    [(T, T + dt.timedelta(hours=1))],
    [("99.9%", "10%"), ("99%", "25%")],
    [{"kind": "opened", "at": T, "severity": "high"}],
    {"kind": "opened", "at": T, "severity": "high"},
    {"2026-12-24": "09:00-12:00"},
    {"partial": "50%"},
]

EXTREMES: list[Any] = [
    None,
    True,
    0,
    -1,
    2**63,
    -(2**63),
    10**30,
    10**400,
    float("nan"),
    float("inf"),
    float("-inf"),
    -0.0,
    0.999,
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("Infinity"),
    Decimal("-Infinity"),
    Decimal("1E+999999"),
    Decimal("1E-999999"),
    Decimal("1E-99999999"),
    Fraction(10**40, 3),
    "",
    " ",
    "\x00",
    "x" * 10_000,
    "9" * 5000,
    "9" * 5000 + "%",
    " " * 10_000 + "1h",
    "Mon" + "-Mon" * 2000,
    "é☃𝄞",
    b"DK",
    bytearray(b"\xff"),
    range(3),
    [],
    [None],
    [1, "a", None],
    (1, 2, 3),
    {},
    {1: 2},
    {"a": [1, {"b": None}]},
    set(),
    object(),
    dt.timedelta.max,
    dt.timedelta.min,
    dt.timedelta(0),
    dt.timedelta(microseconds=1),
    dt.datetime(2026, 11, 30, 10),  # naive
    dt.datetime(1, 1, 1, tzinfo=UTC),
    dt.datetime.max.replace(tzinfo=UTC),
    dt.datetime(9998, 12, 31, 23, tzinfo=UTC),
    dt.date.min,
    dt.date.max,
    dt.time(9),
    _nested(100),
]


def hostile() -> st.SearchStrategy[Any]:
    """Any value at all, weighted towards the ones that break code."""
    return st.one_of(
        st.sampled_from(EXTREMES),
        st.sampled_from(PLAUSIBLE),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.decimals(allow_nan=True, allow_infinity=True),
        st.fractions(),
        st.text(max_size=40),
        st.binary(max_size=10),
        st.timedeltas(),
        st.datetimes(timezones=st.sampled_from([None, UTC])),
        st.dates(),
        st.lists(st.sampled_from(PLAUSIBLE + EXTREMES[:20]), max_size=4),
        st.dictionaries(st.text(max_size=8), st.sampled_from(PLAUSIBLE), max_size=3),
        st.integers(1, 300).map(_nested),
    )
