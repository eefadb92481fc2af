"""How slacalc writes durations, instants and exact numbers: one function for each.

Durations have named styles (:data:`DurationStyle`). Business time is always shown in
hours, never in 24-hour days: only ``"human"`` and ``"short"`` use days, and they are for
calendar time (allowed downtime, uptime windows). Every style here is exact; rounding to
whole seconds for people is :func:`slacalc.format_duration`'s job.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Literal, TypeAlias, get_args

from slacalc._exact import Rounding, decimal_from_fraction, percent
from slacalc._present.catalogue import DAY_ABBREVIATIONS, Lang, catalogue, join_words
from slacalc._time import US_PER_SECOND, duration_to_us
from slacalc.errors import InvalidOptionError

__all__ = [
    "DURATION_STYLES",
    "DurationStyle",
    "counted",
    "decimal_text",
    "duration_text",
    "instant_text",
    "percent_text",
    "seconds_of",
    "share_text",
]

DurationStyle: TypeAlias = Literal["human", "hours", "compact", "iso", "short", "words"]
"""How a duration is written.

- ``"human"``: ``'3d 15h 39m 30s'``, days of 24 h for calendar time;
- ``"hours"``: ``'87h 39m 30s'``, for business time (never days);
- ``"compact"``: ``'1h30m'``, the form a policy file takes;
- ``"iso"``: ``'PT1H30M'``, ISO 8601 in hours, minutes and seconds (for JSON);
- ``"short"``: ``'3 d 15 h 39 min 30 s'`` with the language's units and decimal mark;
- ``"words"``: ``'1 hour 30 minutes'`` in the language (hours at most).
"""
DURATION_STYLES: tuple[DurationStyle, ...] = get_args(DurationStyle)
"""Every :data:`DurationStyle`."""

_HOUR = 3600
_DAY = 86_400


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and ``noun``, in the plural unless ``count`` is one (English reprs).

    Examples:
        >>> counted(1, "month"), counted(0, "row"), counted(2, "severity", "severities")
        ('1 month', '0 rows', '2 severities')
    """
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def seconds_of(value: dt.timedelta | Fraction | int) -> Fraction:
    """The exact seconds of a timedelta (a number is taken as seconds already).

    Examples:
        >>> seconds_of(dt.timedelta(minutes=1, microseconds=5))
        Fraction(12000001, 200000)
    """
    if isinstance(value, dt.timedelta):
        return Fraction(duration_to_us(value), US_PER_SECOND)
    return Fraction(value)


def _terminating(x: Fraction) -> str | None:
    """``x`` as an exact decimal (``'2629.746'``), or ``None`` if its decimals never end."""
    exact = decimal_from_fraction(x)
    return None if exact is None else f"{exact:f}"


def decimal_text(value: Decimal | Fraction | int, lang: Lang | None = None) -> str:
    """An exact number for people: ``'2629.746'``; ``'~'`` and 6 places if it never ends.

    Args:
        value: the number.
        lang: write the language's decimal mark (``','`` in Danish); ``None``: ``'.'``.

    Examples:
        >>> decimal_text(Fraction(1314873, 500), "da"), decimal_text(Decimal("99.90"))
        ('2629,746', '99.9')
        >>> decimal_text(Fraction(1, 3))
        '~0.333333'
    """
    number = Fraction(value)
    text = _terminating(number)
    if text is None:
        text = "~" + str(_terminating(Fraction(round(number * 10**6), 10**6)))
    return text if lang is None else text.replace(".", catalogue(lang).decimal_mark)


def percent_text(percent: Decimal | Fraction | int, lang: Lang) -> str:
    """A number of percent as people write it in ``lang``: ``'99.9 %'``, ``'99,9 %'``.

    Examples:
        >>> percent_text(Decimal("99.9"), "da")
        '99,9 %'
    """
    return f"{decimal_text(percent, lang)} %"


def share_text(share: Fraction, places: int = 1, rounding: Rounding = "half_even") -> str:
    """A share as a compact percent for tables, rounded once: ``'97.5%'``.

    Examples:
        >>> share_text(Fraction(39, 40)), share_text(Fraction(2, 3), 2, "floor")
        ('97.5%', '66.66%')
    """
    return f"{percent(share, places, rounding):f}%"


def duration_text(
    value: dt.timedelta | Fraction | int, style: DurationStyle = "human", lang: Lang = "en"
) -> str:
    """A duration written exactly in ``style`` (see :data:`DurationStyle`).

    Args:
        value: a timedelta, or a number of seconds (exact; may be negative).
        style: the style.
        lang: the language of ``"short"`` and ``"words"``.

    Returns:
        The text; zero parts are left out, and a negative duration gets a leading ``-``.

    Raises:
        InvalidOptionError: an unknown ``style``.

    Examples:
        >>> d = dt.timedelta(days=1, hours=13, minutes=30)
        >>> [duration_text(d, s) for s in ("human", "hours", "compact", "iso")]
        ['1d 13h 30m', '37h 30m', '37h30m', 'PT37H30M']
        >>> duration_text(-d, "hours"), duration_text(Fraction(864, 1000))
        ('-37h 30m', '0.864s')
        >>> duration_text(d, "short", "da"), duration_text(d, "words", "da")
        ('1 d 13 t 30 min', '37 timer og 30 minutter')
    """
    if style not in DURATION_STYLES:
        raise InvalidOptionError(
            f"Unknown duration style {style!r}; pass one of "
            f"{', '.join(repr(s) for s in DURATION_STYLES)}."
        )
    seconds = seconds_of(value)
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    whole = int(seconds)
    days, rest = divmod(whole, _DAY) if style in ("human", "short") else (0, whole)
    hours, rest = divmod(rest, _HOUR)
    minutes, secs = divmod(rest, 60)
    counts: dict[str, Fraction | int] = {
        "d": days,
        "h": hours,
        "m": minutes,
        "s": secs + (seconds - whole),
    }
    if style == "iso":
        text = "".join(f"{counts[u]}{u.upper()}" for u in "hm" if counts[u])
        if counts["s"] or not text:
            exact = _terminating(Fraction(counts["s"]))
            text += (exact if exact is not None else str(counts["s"])) + "S"
        return f"{sign}PT{text}"
    shown = [u for u in "dhm" if counts[u]]
    if counts["s"] or not shown:
        shown.append("s")
    if style == "words":
        words = catalogue(lang)
        parts = [
            f"{decimal_text(counts[u], lang)} {words.unit_words[u][counts[u] != 1]}" for u in shown
        ]
        sep, last = words.duration_separator, words.duration_last
        return sign + join_words(parts, lang, separator=sep, last=last)
    if style == "short":
        units = catalogue(lang).units
        return sign + " ".join(f"{decimal_text(counts[u], lang)} {units[u]}" for u in shown)
    glue = "" if style == "compact" else " "
    return sign + glue.join(f"{decimal_text(counts[u])}{u}" for u in shown)


def _offset(t: dt.datetime) -> str:
    """The UTC offset as ``'+01:00'`` (seconds only when the offset has them)."""
    delta = t.utcoffset() or dt.timedelta(0)
    sign = "-" if delta < dt.timedelta(0) else "+"
    minutes, seconds = divmod(int(abs(delta).total_seconds()), 60)
    text = f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    return text + (f":{seconds:02d}" if seconds else "")


def instant_text(
    t: dt.datetime | None,
    tz: dt.tzinfo | None = None,
    *,
    weekday: bool = True,
    offset: bool = False,
) -> str:
    """An instant for people: ``'Mon 2026-11-30 09:30'``; seconds only when present.

    Args:
        t: the instant (``None`` is written ``'-'``).
        tz: show it in this zone; ``None`` keeps ``t``'s own.
        weekday: start with the weekday's English abbreviation.
        offset: end with the UTC offset (``'+01:00'``).

    Examples:
        >>> t = dt.datetime(2026, 11, 30, 9, 30, 5, 250000, tzinfo=dt.UTC)
        >>> instant_text(t), instant_text(t, weekday=False, offset=True)
        ('Mon 2026-11-30 09:30:05.25', '2026-11-30 09:30:05.25 +00:00')
        >>> instant_text(None)
        '-'
    """
    if t is None:
        return "-"
    local = t.astimezone(tz) if tz is not None else t
    text = f"{local:%Y-%m-%d %H:%M}"
    if weekday:
        text = f"{DAY_ABBREVIATIONS[local.weekday()]} {text}"
    if local.second or local.microsecond:
        text += f":{local.second:02d}"
        if local.microsecond:
            text += f".{local.microsecond:06d}".rstrip("0")
    return f"{text} {_offset(local)}" if offset else text
