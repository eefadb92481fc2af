"""Result values as JSON for scripts: one encoder, the same conventions everywhere.

- instants are ISO 8601 strings with their UTC offset (``'2026-11-30T09:30:00+01:00'``),
  dates ISO 8601 dates (``'2026-12-24'``);
- a duration ``x`` in a mapping or a dataclass appears twice: ``x`` as an ISO 8601
  duration in hours, minutes and seconds (``'PT43M49.746S'``; days are never used,
  since a day is not always 24 h) and ``x_seconds`` as an exact decimal string
  (``'2629.746'``); exact seconds held as a number are marked with :class:`Duration`;
- exact numbers (``Fraction``, ``Decimal``, and values with an exact ``fraction`` such
  as an ``Availability``) are strings: a terminating decimal as is (``'0.999'``,
  ``'25.00'``), any other fraction as ``'numerator/denominator'``;
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

from slacalc._exact import decimal_from_fraction
from slacalc._present.formats import duration_text, seconds_of

__all__ = ["Duration", "dumps", "exact", "fields", "seconds_of", "to_jsonable"]


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


def _is_duration(kind: object) -> bool:
    """Whether a dataclass field's annotation is a (possibly optional) timedelta."""
    return "timedelta" in str(kind)


def fields(value: object, *names: str) -> dict[str, object]:
    """Attributes of ``value`` by name, in order; timedelta fields marked as durations.

    A field annotated as an (optional) ``timedelta`` encodes as two keys even when it is
    ``None``. With no names, every field of a dataclass.

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
        out[name] = Duration(item) if item is None and _is_duration(declared.get(name)) else item
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
         'share': '5/6'}
    """
    if value is None or isinstance(value, (bool, int, str, float)):
        return value
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, (dt.timedelta, Duration)):
        inner = value.value if isinstance(value, Duration) else value
        return None if inner is None else duration_text(inner, "iso")
    if isinstance(value, (Fraction, Decimal)):
        return exact(value)
    if isinstance(getattr(value, "fraction", None), Fraction):
        return exact(value.fraction)  # type: ignore[attr-defined]
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
                out[f"{key}_seconds"] = None if inner is None else exact(seconds_of(inner))
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
