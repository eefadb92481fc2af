"""How the command line writes values for scripts (``--json``) and for people.

The JSON conventions, the same for every command:

- instants are ISO 8601 strings with their UTC offset (``'2026-11-30T09:30:00+01:00'``);
- a duration ``x`` appears twice: ``x`` as an ISO 8601 duration in hours, minutes and
  seconds (``'PT43M49.746S'``; days are never used, since a day is not always 24 h) and
  ``x_seconds`` as an exact decimal string (``'2629.746'``);
- exact numbers (shares, money, seconds) are strings: a terminating decimal as is
  (``'0.999'``, ``'25.00'``), any other fraction as ``'numerator/denominator'``;
- absent values are ``null``; keys are always present.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from fractions import Fraction
from typing import Any

from slacalc._exact import decimal_from_fraction
from slacalc._present.formats import duration_text, instant_text, seconds_of

__all__ = [
    "dumps",
    "duration_fields",
    "exact",
    "instant",
    "iso_duration",
    "people_time",
    "seconds_of",
]


def exact(value: Fraction | Decimal | int) -> str:
    """An exact number as text: a terminating decimal as is, else ``'p/q'``.

    Examples:
        >>> exact(Fraction(999, 1000)), exact(Fraction(7187, 7200)), exact(Decimal("25.00"))
        ('0.999', '7187/7200', '25.00')
    """
    if isinstance(value, Decimal):
        return f"{value:f}"
    number = Fraction(value)
    terminating = decimal_from_fraction(number)
    if terminating is None:
        return f"{number.numerator}/{number.denominator}"
    return f"{terminating:f}"


def iso_duration(value: dt.timedelta | Fraction) -> str:
    """An ISO 8601 duration in hours, minutes and (decimal) seconds; ``'-'`` in front if negative.

    Examples:
        >>> iso_duration(dt.timedelta(hours=8, minutes=45, seconds=56, microseconds=952000))
        'PT8H45M56.952S'
        >>> iso_duration(dt.timedelta(0)), iso_duration(dt.timedelta(minutes=-16, seconds=-48))
        ('PT0S', '-PT16M48S')
    """
    return duration_text(value, "iso")


def duration_fields(name: str, value: dt.timedelta | Fraction | None) -> dict[str, str | None]:
    """``{name: ISO 8601 duration, name_seconds: exact seconds}`` (both ``None`` for ``None``).

    Examples:
        >>> duration_fields("allowed", Fraction(1314873, 500))
        {'allowed': 'PT43M49.746S', 'allowed_seconds': '2629.746'}
    """
    if value is None:
        return {name: None, f"{name}_seconds": None}
    return {name: iso_duration(value), f"{name}_seconds": exact(seconds_of(value))}


def instant(value: dt.datetime | None) -> str | None:
    """An aware instant as ISO 8601 with its offset (``None`` stays ``None``).

    Examples:
        >>> instant(dt.datetime(2026, 11, 30, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))))
        '2026-11-30T09:30:00+01:00'
    """
    return None if value is None else value.isoformat()


def people_time(value: dt.datetime | None) -> str:
    """An instant for people: ``'Mon 2026-11-30 09:30 +01:00'`` (seconds only when present).

    Examples:
        >>> people_time(dt.datetime(2026, 11, 30, 9, 30, tzinfo=dt.UTC))
        'Mon 2026-11-30 09:30 +00:00'
        >>> people_time(None)
        '-'
    """
    return instant_text(value, offset=True)


def dumps(data: Any) -> str:
    """The JSON text a command prints: indented, UTF-8 kept, a newline at the end.

    Examples:
        >>> print(dumps({"target": "99.9%"}), end="")
        {
          "target": "99.9%"
        }
    """
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
