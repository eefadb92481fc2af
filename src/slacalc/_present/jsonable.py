"""Result values as JSON for scripts: one encoder, the same conventions everywhere.

- instants are ISO 8601 strings with their UTC offset (``'2026-11-30T09:30:00+01:00'``),
  dates ISO 8601 dates (``'2026-12-24'``);
- a duration ``x`` in a mapping or a dataclass appears twice: ``x`` as an ISO 8601
  duration in hours, minutes and seconds (``'PT43M49.746S'``; days are never used,
  since a day is not always 24 h) and ``x_seconds`` as a decimal string
  (``'2629.746'``); exact seconds held as a number are marked with :class:`Duration`;
- every exact number is a **decimal string**, always, so that a field has one type
  whatever its value: the exact decimal when it ends (``'0.999'``, ``'25.00'``), else
  rounded half-even to :data:`PLACES` places (``'83.333333333333'``);
- a share, percentage or availability held as a ``Fraction`` (or with an exact
  ``fraction``, such as an ``Availability``) in a mapping also gets ``x_fraction``
  beside it, ``'numerator/denominator'`` (``'250/3'``), for exact arithmetic: every
  such field has it, whether or not its decimal ends; money (``Decimal``) always ends
  and has none;
- whole numbers (counts) are JSON numbers; nothing else is;
- dataclasses and named tuples become objects, other sequences lists;
- absent values are ``null``; keys are always present.

Only the standard library is used: encoding a result costs no import time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from slacalc._exact import decimal_from_fraction, format_fixed
from slacalc._present.formats import duration_text, seconds_of

__all__ = [
    "PLACES",
    "Duration",
    "Share",
    "decimal_string",
    "dumps",
    "exact",
    "fields",
    "seconds_of",
    "to_jsonable",
]

PLACES = 12
"""Decimal places of a number whose decimal does not end (its ``_fraction`` is exact)."""


@dataclasses.dataclass(frozen=True, slots=True)
class Duration:
    """Marks a duration held as exact seconds (or ``None``) for the two-key encoding.

    Examples:
        >>> to_jsonable({"allowed": Duration(Fraction(1314873, 500))})
        {'allowed': 'PT43M49.746S', 'allowed_seconds': '2629.746'}
        >>> to_jsonable({"target": Duration(None)})
        {'target': None, 'target_seconds': None}
    """

    value: dt.timedelta | Fraction | None


@dataclasses.dataclass(frozen=True, slots=True)
class Share:
    """Marks an exact share or percentage (or ``None``) for the two-key encoding.

    Examples:
        >>> to_jsonable({"percent_used": Share(Fraction(250, 3))})
        {'percent_used': '83.333333333333', 'percent_used_fraction': '250/3'}
        >>> to_jsonable({"percent_used": Share(None)})
        {'percent_used': None, 'percent_used_fraction': None}
    """

    value: Fraction | None


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


def decimal_string(value: Fraction | Decimal | int) -> str:
    """An exact number as a decimal string: exact when it ends, else to :data:`PLACES` places.

    Examples:
        >>> decimal_string(Fraction(999, 1000)), decimal_string(Fraction(250, 3))
        ('0.999', '83.333333333333')
        >>> decimal_string(Decimal("25.00")), decimal_string(Fraction(-1, 3))
        ('25.00', '-0.333333333333')
    """
    if isinstance(value, Decimal):
        return f"{value:f}"
    number = Fraction(value)
    terminating = decimal_from_fraction(number)
    if terminating is None:
        return format_fixed(number, PLACES, "half_even")
    return f"{terminating:f}"


def _fraction_of(value: object) -> Fraction | None:
    """The exact fraction of a share-like value (a Fraction, an Availability), else None."""
    if isinstance(value, Share):
        return value.value
    if isinstance(value, Fraction):
        return value
    inner = getattr(value, "fraction", None)
    return inner if isinstance(inner, Fraction) else None


def fields(value: object, *names: str) -> dict[str, object]:
    """Attributes of ``value`` by name, in order; empty durations and shares marked.

    A field annotated as an (optional) ``timedelta``, ``Fraction`` or ``Availability``
    encodes as two keys even when it is ``None``. With no names, every field of a
    dataclass.

    Examples:
        >>> @dataclasses.dataclass
        ... class Clock:
        ...     metric: str
        ...     target: dt.timedelta | None
        >>> to_jsonable(fields(Clock("resolution", None), "metric", "target"))
        {'metric': 'resolution', 'target': None, 'target_seconds': None}
    """
    declared = (
        {f.name: f.type for f in dataclasses.fields(value)}  # type: ignore[arg-type]
        if _dataclass(value)
        else {}
    )
    out: dict[str, object] = {}
    for name in names or tuple(declared):
        item = getattr(value, name)
        kind = str(declared.get(name))
        if item is None and "timedelta" in kind:
            item = Duration(None)
        elif item is None and ("Fraction" in kind or "Availability" in kind):
            item = Share(None)
        out[name] = item
    return out


def _dataclass(value: object) -> bool:
    return dataclasses.is_dataclass(value) and not isinstance(value, type)


def to_jsonable(value: object) -> Any:
    """``value`` as plain JSON data (dicts, lists, strings, numbers, booleans, ``None``).

    Examples:
        >>> to_jsonable({"at": dt.datetime(2026, 11, 30, 9, 30, tzinfo=dt.UTC),
        ...              "used": dt.timedelta(minutes=50), "share": Fraction(5, 6)})
        ... # doctest: +NORMALIZE_WHITESPACE
        {'at': '2026-11-30T09:30:00+00:00', 'used': 'PT50M', 'used_seconds': '3000',
         'share': '0.833333333333', 'share_fraction': '5/6'}
    """
    if value is None or isinstance(value, (bool, int, str, float)):
        return value
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, (dt.timedelta, Duration)):
        inner = value.value if isinstance(value, Duration) else value
        return None if inner is None else duration_text(inner, "iso")
    if isinstance(value, Decimal):
        return decimal_string(value)
    if (share := _fraction_of(value)) is not None:
        return decimal_string(share)
    if isinstance(value, Share):
        return None
    if _dataclass(value):
        value = fields(value)
    elif isinstance(value, tuple) and hasattr(value, "_asdict"):
        value = value._asdict()
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out[str(key)] = to_jsonable(item)
            if isinstance(item, (dt.timedelta, Duration)):
                inner = item.value if isinstance(item, Duration) else item
                seconds = None if inner is None else decimal_string(seconds_of(inner))
                out[f"{key}_seconds"] = seconds
            elif (share := _fraction_of(item)) is not None or isinstance(item, Share):
                out[f"{key}_fraction"] = (
                    None if share is None else f"{share.numerator}/{share.denominator}"
                )
        return out
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_jsonable(item) for item in value]
    raise TypeError(f"{value!r} has no JSON form; pass plain data or a result value.")


def dumps(value: object) -> str:
    """The JSON text of ``value``: indented, UTF-8 kept, a newline at the end.

    Examples:
        >>> print(dumps({"target": "99.9%", "allowed": dt.timedelta(minutes=43)}), end="")
        {
          "target": "99.9%",
          "allowed": "PT43M",
          "allowed_seconds": "2580"
        }
    """
    return json.dumps(to_jsonable(value), indent=2, ensure_ascii=False) + "\n"
