"""The one JSON encoder: exact numbers, ISO 8601 durations with exact seconds, records."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

import pytest

from slacalc._present.formats import duration_text
from slacalc._present.jsonable import (
    Duration,
    decimal_string,
    dumps,
    exact,
    fields,
    to_jsonable,
)
from slacalc.uptime import Availability


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(0), "0"),
        (Fraction(16200), "16200"),
        (Fraction(1314873, 500), "2629.746"),
        (Fraction(-2088), "-2088"),
        (Fraction(-1, 4), "-0.25"),
        (Fraction(1, 3), "1/3"),
        (Fraction(7187, 7200), "7187/7200"),
        (Fraction(1, 2**10), "0.0009765625"),
        (Decimal("25.00"), "25.00"),
        (Decimal("1E+3"), "1000"),
        (7, "7"),
    ],
)
def test_exact_numbers_are_text_that_reads_back_exactly(
    value: Fraction | Decimal | int, text: str
) -> None:
    assert exact(value) == text
    if "/" not in text:
        assert Fraction(Decimal(text)) == Fraction(value)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (dt.timedelta(0), "PT0S"),
        (dt.timedelta(days=2, hours=1), "PT49H"),  # never days: a day is not always 24 h
        (dt.timedelta(minutes=-16, seconds=-48), "-PT16M48S"),
        (dt.timedelta(microseconds=1), "PT0.000001S"),
        (Fraction(1, 3), "PT1/3S"),
        (Fraction(31556952), "PT8765H49M12S"),
    ],
)
def test_iso_durations_in_hours_minutes_and_seconds(
    value: dt.timedelta | Fraction, text: str
) -> None:
    assert duration_text(value, "iso") == text


@dataclasses.dataclass(frozen=True)
class Clock:
    metric: str
    due: dt.datetime | None
    target: dt.timedelta | None
    used: dt.timedelta
    share: Fraction | None


class Tier(NamedTuple):
    below: Availability
    credit: Decimal


def test_records_encode_field_by_field_and_durations_twice() -> None:
    due = dt.datetime(2026, 11, 30, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    clock = Clock("response", due, None, dt.timedelta(minutes=50), Fraction(5, 6))
    assert to_jsonable(clock) == {
        "metric": "response",
        "due": "2026-11-30T09:30:00+01:00",
        "target": None,
        "target_seconds": None,
        "used": "PT50M",
        "used_seconds": "3000",
        "share": "0.833333333333",
        "share_fraction": "5/6",
    }
    # every share field has its fraction, also when its decimal ends or it is empty
    assert (
        to_jsonable(Clock("response", None, None, dt.timedelta(0), Fraction(1, 2)))[
            "share_fraction"
        ]
        == "1/2"
    )
    empty = to_jsonable(Clock("response", None, None, dt.timedelta(0), None))
    assert (empty["share"], empty["share_fraction"]) == (None, None)
    assert to_jsonable(fields(clock, "used")) == {"used": "PT50M", "used_seconds": "3000"}
    assert to_jsonable({"day": dt.date(2026, 12, 24)}) == {"day": "2026-12-24"}
    tier = Tier(Availability.from_target("99.9%"), Decimal("5"))
    assert to_jsonable([tier]) == [{"below": "0.999", "below_fraction": "999/1000", "credit": "5"}]
    assert to_jsonable({"allowed": Duration(Fraction(1, 10))}) == {
        "allowed": "PT0.1S",
        "allowed_seconds": "0.1",
    }


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(250, 3), "83.333333333333"),
        (Fraction(7187, 7200), "0.998194444444"),
        (Fraction(2, 3), "0.666666666667"),
        (Fraction(-1, 3), "-0.333333333333"),
        (Fraction(999, 1000), "0.999"),
        (Fraction(1, 2**20), "0.00000095367431640625"),  # ends: exact, however long
        (Decimal("25.00"), "25.00"),
    ],
)
def test_every_exact_number_in_json_is_a_decimal_string(
    value: Fraction | Decimal, text: str
) -> None:
    assert decimal_string(value) == text
    assert to_jsonable({"x": value})["x"] == text
    Decimal(text)  # reads as a number in any language


def test_dumps_is_indented_utf8_json_and_refuses_unknown_objects() -> None:
    text = dumps({"text": "99,9 % om måneden", "nested": [{"n": 1}]})
    assert text.endswith("}\n")
    assert "måneden" in text
    assert json.loads(text) == {"text": "99,9 % om måneden", "nested": [{"n": 1}]}
    with pytest.raises(TypeError, match="has no JSON form"):
        to_jsonable(object())
