"""Instants, time zones and durations: the one place where time enters slacalc.

Inside slacalc an instant is an ``int`` of microseconds since 1970-01-01T00:00Z and a
duration is an ``int`` of microseconds. Everything here converts between those and
what users pass (aware ``datetime`` including pendulum's ``DateTime``, ``timedelta``
including pendulum's ``Duration``, duration strings, IANA zone names).
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple, TypeAlias

from slacalc._validate import check_length, shown
from slacalc.errors import (
    InvalidDateError,
    InvalidDurationError,
    NaiveDatetimeError,
    NotADatetimeError,
    OutOfRangeError,
    UnknownTimezoneError,
)

__all__ = [
    "EPOCH",
    "MAX_DURATION_US",
    "MAX_US",
    "MIN_US",
    "UTC",
    "DurationLike",
    "TzLike",
    "date_from",
    "duration_to_us",
    "from_us",
    "instant_from",
    "resolve_tz",
    "to_us",
    "wall_to_us",
]

UTC = dt.UTC
EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)
_NAIVE_EPOCH = dt.datetime(1970, 1, 1)
_US = dt.timedelta(microseconds=1)
US_PER_SECOND = 1_000_000
US_PER_DAY = 86_400 * US_PER_SECOND
#: Instants slacalc answers about: years 2 to 9998, so that local dates a day or two
#: either side still exist in every time zone.
MIN_US = (dt.datetime(2, 1, 1, tzinfo=UTC) - EPOCH) // _US
MAX_US = (dt.datetime(9999, 1, 1, tzinfo=UTC) - EPOCH) // _US
#: The longest duration with an answer: no business time can outlast the years slacalc
#: answers about, so a longer one is refused before any work.
MAX_DURATION_US = MAX_US - MIN_US

TzLike: TypeAlias = "str | dt.tzinfo"
DurationLike: TypeAlias = "dt.timedelta | str"


def resolve_tz(tz: object) -> dt.tzinfo:
    """Turn an IANA name, a ``ZoneInfo`` or a fixed ``datetime.timezone`` into a tzinfo.

    pendulum's ``Timezone`` is a ``ZoneInfo`` subclass; it is replaced by the plain
    ``ZoneInfo`` of the same key so that pendulum's own defaults never apply.
    """
    if isinstance(tz, str):
        if tz.upper() in {"UTC", "Z", "ETC/UTC"}:
            return UTC
        try:
            return zoneinfo.ZoneInfo(tz)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            raise UnknownTimezoneError(
                f"Unknown time zone {tz!r}; pass an IANA name such as "
                "'Europe/Copenhagen' or 'America/New_York'."
            ) from None
    if isinstance(tz, zoneinfo.ZoneInfo):
        if type(tz) is zoneinfo.ZoneInfo or tz.key is None:
            return tz
        return zoneinfo.ZoneInfo(tz.key)
    if isinstance(tz, dt.timezone):
        return tz
    raise UnknownTimezoneError(
        f"Unsupported time zone {tz!r}; pass an IANA name such as 'Europe/Copenhagen', "
        "a zoneinfo.ZoneInfo or a fixed datetime.timezone."
    )


def tz_name(tz: dt.tzinfo) -> str:
    """The name a tzinfo is known by: the IANA key, or 'UTC', or '+01:00'."""
    if isinstance(tz, zoneinfo.ZoneInfo) and tz.key is not None:
        return tz.key
    if tz is UTC:
        return "UTC"
    return str(tz)


def to_us(t: object) -> int:
    """Microseconds since the epoch of an aware datetime; naive or non-datetimes raise."""
    if type(t) is dt.datetime:
        tz = t.tzinfo
        if tz is UTC:  # EPOCH's own tzinfo, which the difference ignores
            return (t - EPOCH) // _US
        if tz is not None:  # (t - EPOCH) // _US, asking the zone once (see wall_epoch)
            # wall_epoch's and offset_us's cache lookups inline: 0.13 µs of 0.61 a call.
            try:
                found = _WALL_EPOCHS.get(tz)
            except TypeError:  # an unhashable tzinfo (dateutil's tzfile)
                found = None
            epoch, fixed, offset = wall_epoch(tz) if found is None else found
            wall = t - epoch
            if fixed is None:
                off = offset(t)
                if off is None:  # a tzinfo without an offset: naive after all
                    raise _naive(t)
                fixed = _OFFSET_US.get(off)
                if fixed is None:
                    fixed = offset_us(off)
            return (wall.days * 86_400 + wall.seconds) * 1_000_000 + wall.microseconds - fixed
    elif isinstance(t, dt.datetime):
        try:
            off = t.utcoffset()
        except ValueError:  # pandas' NaT is a datetime that refuses every question
            raise NotADatetimeError(
                f"{t!r} is a missing value, not an instant; drop it first, or use the bulk "
                "calls (add_many, elapsed_many, is_open_many), which pass missing values through."
            ) from None
        if off is not None:
            naive = dt.datetime(t.year, t.month, t.day, t.hour, t.minute, t.second, t.microsecond)
            return (naive - _NAIVE_EPOCH - off) // _US
    else:
        raise NotADatetimeError(
            f"{t!r} is a {type(t).__name__}, not a datetime; pass an aware "
            "datetime.datetime (or pendulum.DateTime)."
        )
    raise _naive(t)


def _naive(t: dt.datetime) -> NaiveDatetimeError:
    """The error for an instant without a UTC offset."""
    return NaiveDatetimeError(
        f"{t!r} has no time zone; pass an aware datetime, e.g. "
        "datetime(..., tzinfo=ZoneInfo('Europe/Copenhagen'))."
    )


_WALL_EPOCHS: dict[dt.tzinfo, WallEpoch] = {}
_OFFSET_US: dict[dt.timedelta, int] = {}
_datetime_offset = dt.datetime.utcoffset


class WallEpoch(NamedTuple):
    """How to read instants of one tzinfo quickly into epoch µs (see :func:`wall_epoch`)."""

    epoch: dt.datetime  # 1970-01-01 00:00 on the zone's wall clock
    fixed: int | None  # the zone's offset in µs when it never changes
    offset: Callable[[dt.datetime], dt.timedelta | None]  # an instant's UTC offset


def wall_epoch(tz: dt.tzinfo) -> WallEpoch:
    """1970-01-01 00:00 on ``tz``'s wall clock, ``tz``'s offset in µs if it is fixed, and
    the quickest way to ask it an instant's UTC offset.

    The epoch µs of an aware ``t`` whose tzinfo is ``tz`` are the wall-clock µs from
    that epoch (``t - epoch``: a difference of two datetimes that share their tzinfo
    ignores it, so it asks ``tz`` nothing) less ``t``'s UTC offset. That is what
    :func:`to_us` computes through ``t - EPOCH``, which asks both tzinfos for an offset
    through ``datetime.utcoffset``; a reader of many instants in one zone asks ``tz``
    once each, a fixed ``datetime.timezone`` not at all, and a ``ZoneInfo`` directly
    (its answer needs none of the checks ``datetime.utcoffset`` makes of a tzinfo's).

    Examples:
        >>> import datetime as dt
        >>> from zoneinfo import ZoneInfo
        >>> t = dt.datetime(2026, 7, 1, 12, tzinfo=ZoneInfo("Europe/Copenhagen"))
        >>> epoch, fixed, offset = wall_epoch(t.tzinfo)
        >>> fixed is None, (t - epoch) // _US - offset_us(offset(t)) == to_us(t)
        (True, True)
        >>> wall_epoch(dt.timezone(dt.timedelta(hours=-5))).fixed
        -18000000000
    """
    try:
        found = _WALL_EPOCHS.get(tz)
    except TypeError:  # an unhashable tzinfo (dateutil's tzfile): worked out each time
        return _wall_epoch(tz)
    if found is None:
        found = _wall_epoch(tz)
        if len(_WALL_EPOCHS) < 256:  # zones are few; a stream of new tzinfo objects is not kept
            _WALL_EPOCHS[tz] = found
    return found


def _wall_epoch(tz: dt.tzinfo) -> WallEpoch:
    epoch = dt.datetime(1970, 1, 1, tzinfo=tz)
    fixed = offset_us(epoch.utcoffset()) if type(tz) is dt.timezone else None
    offset = tz.utcoffset if type(tz) is zoneinfo.ZoneInfo else _datetime_offset
    return WallEpoch(epoch, fixed, offset)


def offset_us(offset: dt.timedelta | None) -> int:
    """A UTC offset in µs; the offsets met are kept, as they are few.

    Examples:
        >>> import datetime as dt
        >>> offset_us(dt.timedelta(hours=5, minutes=30))
        19800000000
    """
    assert offset is not None
    found = _OFFSET_US.get(offset)
    if found is None:
        found = offset // _US
        if len(_OFFSET_US) < 4096:
            _OFFSET_US[offset] = found
    return found


def from_us(x: int, tz: dt.tzinfo) -> dt.datetime:
    """The aware datetime in ``tz`` of an instant in epoch microseconds."""
    if not MIN_US <= x <= MAX_US:
        raise OutOfRangeError(
            f"The instant {x} µs after 1970 lies outside the years 2-9998 that slacalc "
            "answers about; keep instants within that range."
        )
    s, us = divmod(x, US_PER_SECOND)
    if us:
        return (EPOCH + dt.timedelta(microseconds=x)).astimezone(tz)
    return dt.datetime.fromtimestamp(s, tz)


def wall_to_us(day: dt.date, seconds: int, tz: dt.tzinfo) -> int:
    """The instant of wall-clock time ``seconds`` after local midnight of ``day``.

    ``seconds`` may reach past 24 h (``24:00`` or a night shift's end on the next date).
    A wall time that does not exist (a DST gap) moves forward by the length of the gap;
    one that happens twice (a DST fold) is its first occurrence. This is zoneinfo's
    ``fold=0`` reading, also called "compatible" (RFC 5545, JavaScript Temporal).
    """
    local = dt.datetime(day.year, day.month, day.day, tzinfo=tz) + dt.timedelta(seconds=seconds)
    return to_us(local)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _article(noun: str) -> str:
    """``'an'`` before a vowel sound as the nouns here are written, else ``'a'``."""
    return "an" if noun[:1].lower() in "aeio" else "a"


def date_from(value: object, *, what: str = "date") -> dt.date:
    """A ``datetime.date`` from a date or an ISO string ``'YYYY-MM-DD'``."""
    if isinstance(value, dt.datetime):
        raise InvalidDateError(
            f"{value!r} is a datetime, but {_article(what)} {what} is a whole calendar day; pass "
            f"{value.date()!r} or '{value.date().isoformat()}'."
        )
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InvalidDateError(
        f"{value!r} is not a date; write an ISO date such as '2026-12-24' or pass a datetime.date."
    )


def instant_from(text: str, *, what: str) -> dt.datetime:
    """An aware datetime from ISO 8601 text with a UTC offset (``Z`` allowed).

    Args:
        text: e.g. ``'2026-11-27T17:30+01:00'`` or ``'2026-11-27T16:30Z'``.
        what: how the message names the value (``'--at'``, ``"'start'"``).

    Raises:
        InvalidDateError: not an ISO 8601 date and time.
        NaiveDatetimeError: no UTC offset (or a date without a time).

    Examples:
        >>> instant_from("2026-11-27T16:30Z", what="--at").isoformat()
        '2026-11-27T16:30:00+00:00'
        >>> instant_from("2026-11-27T17:30", what="--at")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.NaiveDatetimeError: --at '2026-11-27T17:30' has no UTC offset; add ...
    """
    raw = text.strip()
    try:
        value = dt.datetime.fromisoformat(raw)
    except ValueError:
        raise InvalidDateError(
            f"{what} {text!r} is not an ISO 8601 date and time; write e.g. "
            "'2026-11-27T17:30+01:00'."
        ) from None
    if value.utcoffset() is None:
        if "T" not in raw and " " not in raw:
            raise NaiveDatetimeError(
                f"{what} {text!r} is a date without a time and offset; write e.g. "
                f"'{raw}T09:00+01:00'."
            )
        raise NaiveDatetimeError(
            f"{what} {text!r} has no UTC offset; add one, e.g. '{raw}+01:00' or '{raw}Z'."
        )
    return value


_NUMBER = r"(\d+(?:\.\d+)?)"
# Whitespace is removed before matching, so no two repeats can compete for the same
# characters: each pattern runs in time linear in its (length-limited) text.
_COMPACT = re.compile(
    rf"""(?P<sign>[-+]?)
    (?:{_NUMBER}w(?:eeks?)?)?
    (?:{_NUMBER}d(?:ays?)?)?
    (?:{_NUMBER}h)?
    (?:{_NUMBER}m(?:in)?)?
    (?:{_NUMBER}s)?""",
    re.VERBOSE | re.IGNORECASE,
)
_ISO = re.compile(
    r"""(?P<sign>[-+]?)P
    (?:(?P<y>\d+(?:[.,]\d+)?)Y)?
    (?:(?P<mo>\d+(?:[.,]\d+)?)M)?
    (?:(?P<w>\d+(?:[.,]\d+)?)W)?
    (?:(?P<d>\d+(?:[.,]\d+)?)D)?
    (?:T(?:(?P<h>\d+(?:[.,]\d+)?)H)?(?:(?P<mi>\d+(?:[.,]\d+)?)M)?(?:(?P<s>\d+(?:[.,]\d+)?)S)?)?""",
    re.VERBOSE | re.IGNORECASE,
)
_SPLIT_NUMBER = re.compile(r"[\d.]\s+[\d.]")  # '1 5h' is not '15h'
_DURATION_HINT = "write e.g. '2h', '15m', '1h30m' or 'PT2H'"


def _exact_us(parts: list[tuple[str | None, int]], raw: str) -> int:
    total = Decimal(0)
    for number, unit_us in parts:
        if number:
            total += Decimal(number.replace(",", ".")) * unit_us
    if total != total.to_integral_value():
        raise InvalidDurationError(
            f"{raw!r} is finer than a microsecond; round it to whole microseconds."
        )
    return _bounded(int(total), raw)


def _bounded(us: int, value: object) -> int:
    """``us`` when no longer than the supported years, else OutOfRangeError."""
    if -MAX_DURATION_US <= us <= MAX_DURATION_US:
        return us
    raise OutOfRangeError(
        f"The duration {shown(value)} is longer than the years 2-9998 that slacalc answers "
        "about; no answer can lie that far away. Pass a duration of at most a few "
        "thousand years."
    )


@lru_cache(maxsize=512)
def _parse_duration_str(raw: str, allow_days: bool) -> int:
    text = check_length(raw, what="a duration", error=InvalidDurationError, limit=100).strip()
    iso = _ISO.fullmatch(text)
    if iso and text.upper().lstrip("+-") != "P" and not text.upper().endswith("T"):
        if iso["y"] or iso["mo"]:
            raise InvalidDurationError(
                f"{raw!r} has years or months, which have no fixed length; "
                "give days, hours, minutes or seconds, e.g. 'PT2H'."
            )
        if (iso["w"] or iso["d"]) and not allow_days:
            raise InvalidDurationError(_days_message(raw))
        us = _exact_us(
            [
                (iso["w"], 7 * US_PER_DAY),
                (iso["d"], US_PER_DAY),
                (iso["h"], 3600 * US_PER_SECOND),
                (iso["mi"], 60 * US_PER_SECOND),
                (iso["s"], US_PER_SECOND),
            ],
            raw,
        )
        return -us if iso["sign"] == "-" else us
    compact = None if _SPLIT_NUMBER.search(text) else _COMPACT.fullmatch("".join(text.split()))
    if compact and any(compact.group(i) for i in range(2, 7)):
        if (compact.group(2) or compact.group(3)) and not allow_days:
            raise InvalidDurationError(_days_message(raw))
        us = _exact_us(
            [
                (compact.group(2), 7 * US_PER_DAY),
                (compact.group(3), US_PER_DAY),
                (compact.group(4), 3600 * US_PER_SECOND),
                (compact.group(5), 60 * US_PER_SECOND),
                (compact.group(6), US_PER_SECOND),
            ],
            raw,
        )
        return -us if compact["sign"] == "-" else us
    raise InvalidDurationError(f"{shown(raw)} is not a duration; {_DURATION_HINT}.")


def _days_message(raw: str) -> str:
    return (
        f"{raw!r} counts days, which is ambiguous in business time (24 business hours? "
        "the next business day?); write the business hours instead, e.g. '48h', or pass "
        "a timedelta if you mean 24 h of open time per day."
    )


def duration_to_us(value: object, *, allow_days: bool = False) -> int:
    """Microseconds of a duration: ``timedelta``, pendulum ``Duration`` or a string.

    Strings are compact (``'2h'``, ``'15m'``, ``'1h30m'``, ``'90s'``, ``'1.5h'``) or
    ISO 8601 (``'PT2H'``, ``'PT1H30M'``), at most 100 characters. Day units in strings
    are refused unless ``allow_days`` (in business time a "day" is ambiguous); a
    ``timedelta`` of days is taken literally as 24 h each. Years and months, which have
    no fixed length, are always refused, and so is a duration longer than the supported
    years (:class:`OutOfRangeError`), before any work.
    """
    if isinstance(value, dt.timedelta):
        if getattr(value, "months", 0) or getattr(value, "years", 0):
            raise InvalidDurationError(
                f"{value!r} has years or months, which have no fixed length; "
                "give days, hours, minutes or seconds."
            )
        us = (value.days * 86_400 + value.seconds) * US_PER_SECOND + value.microseconds
        return _bounded(us, value)
    if isinstance(value, str):
        try:
            return _parse_duration_str(value, allow_days)
        except InvalidOperation:  # pragma: no cover - the regexes admit only digits
            raise InvalidDurationError(f"{value!r} is not a duration; {_DURATION_HINT}.") from None
    raise InvalidDurationError(
        f"{shown(value)} is a {type(value).__name__}, not a duration; pass a datetime.timedelta "
        f"or a string ({_DURATION_HINT})."
    )
