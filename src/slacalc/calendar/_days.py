"""Business days and looking back: questions about local dates and the time before an instant.

A *business day* is a local date (in the calendar's zone) on which the calendar is open
at some time: ``[midnight, next midnight)`` holds open time. The hours after midnight
of a night shift therefore make the next date one too, and a holiday or closed special
day is none. Every function here answers from the compiled timeline through its
questions (``periods``, ``next_open``, ``subtract``), so holidays, special days, DST and
unions are handled exactly as everywhere else, and every search is bounded as theirs
are: one that finds nothing raises ``OutOfRangeError`` (or the holiday source's
coverage error) rather than loop.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Iterator
from typing import SupportsIndex

from slacalc._time import US_PER_DAY, from_us, wall_to_us
from slacalc.calendar._engine import SEARCH_LIMIT_US, Timeline
from slacalc.errors import InvalidDurationError, OutOfRangeError

__all__ = [
    "add_business_days",
    "business_days_between",
    "check_days",
    "day_span",
    "first_business_day",
    "is_business_day",
    "last_business_day",
    "opening_of",
    "periods_before",
]

_ONE_DAY = dt.timedelta(days=1)
_FIRST_DAY, _LAST_DAY = dt.date(2, 1, 1), dt.date(9998, 12, 31)


@functools.lru_cache(maxsize=4096)
def _midnight_us(day: dt.date, tz: dt.tzinfo) -> int:
    """The first instant (µs) of local date ``day`` (memoised: zone lookups are slow)."""
    return wall_to_us(day, 0, tz)


def day_span(day: dt.date, tz: dt.tzinfo) -> tuple[int, int]:
    """The instants ``[lo, hi)`` (µs) of local date ``day``: 23, 24 or 25 hours."""
    if day.year > 9998:  # refused before the day after dt.date.max overflows
        raise OutOfRangeError(
            f"The date {day.isoformat()!r} lies beyond the years 2-9998 that slacalc answers "
            "about; ask about a date within them."
        )
    return _midnight_us(day, tz), _midnight_us(day + _ONE_DAY, tz)


def is_business_day(timeline: Timeline, day: dt.date) -> bool:
    """Whether the calendar is open at some instant of local date ``day``."""
    lo, hi = day_span(day, timeline.source.tz)
    return any(True for _ in timeline.periods(lo, hi))


def first_business_day(timeline: Timeline, day: dt.date) -> dt.date:
    """The first business day on or after ``day``."""
    tz = timeline.source.tz
    return from_us(timeline.next_open(_midnight_us(day, tz)), tz).date()


def last_business_day(timeline: Timeline, day: dt.date) -> dt.date:
    """The last business day on or before ``day``."""
    tz = timeline.source.tz
    # The last open microsecond before the next midnight lies on that business day.
    return from_us(timeline.subtract(_midnight_us(day + _ONE_DAY, tz), 1), tz).date()


def check_days(n: object) -> int:
    """``n`` as a whole number of business days, or InvalidDurationError."""
    if isinstance(n, SupportsIndex) and not isinstance(n, bool):
        return operator.index(n)  # an int, or a NumPy integer
    raise InvalidDurationError(
        f"{n!r} is not a whole number of business days; pass an int such as 3 or -2."
    )


def add_business_days(timeline: Timeline, day: dt.date, n: int) -> dt.date:
    """The business day ``n`` business days from ``day`` (negative: before it).

    Counted from the first business day on or after ``day``, so that
    ``business_days_between(day, result) == n`` for every ``day`` and ``n``.
    """
    room = (_LAST_DAY - day).days if n > 0 else (day - _FIRST_DAY).days
    if abs(n) > room:  # more business days than calendar days are left: fail at once
        raise OutOfRangeError(
            f"{n} business days from {day.isoformat()} reach beyond the years 2-9998 that "
            "slacalc answers about; keep dates and counts within that range."
        )
    result = first_business_day(timeline, day)
    for _ in range(n):
        result = first_business_day(timeline, result + _ONE_DAY)
    for _ in range(-n):
        result = last_business_day(timeline, result - _ONE_DAY)
    return result


def business_days_between(timeline: Timeline, a: dt.date, b: dt.date) -> int:
    """The business days in ``[a, b)``, or minus those in ``[b, a)`` when ``b < a``."""
    if b < a:
        return -business_days_between(timeline, b, a)
    if a == b:
        return 0
    tz = timeline.source.tz
    lo, hi = _midnight_us(a, tz), _midnight_us(b, tz)
    count = 0
    last: dt.date | None = None  # the latest date counted; periods come in order
    for start, end in timeline.periods(lo, hi):
        first = from_us(start, tz).date()
        final = from_us(end - 1, tz).date()
        if last is not None and first <= last:
            first = last + _ONE_DAY
        if first <= final:
            count += (final - first).days + 1
            last = final
    return count


def opening_of(timeline: Timeline, u: int) -> int:
    """The start of the open period that contains the open instant ``u``.

    Raises:
        OutOfRangeError: the calendar has been open for 10 years before ``u``.
    """
    width = US_PER_DAY
    while True:
        periods = list(timeline.periods(u - width, u + 1))
        start = periods[-1][0]
        if start > u - width:  # not cut at the window's edge: a real opening
            return start
        if width > SEARCH_LIMIT_US:
            raise OutOfRangeError(
                f"No opening found before {from_us(u, timeline.source.tz).isoformat()} "
                "within 10 years; the calendar is open all the time there, with no "
                "opening or closing to look back to."
            )
        width *= 2


def periods_before(timeline: Timeline, x: int) -> Iterator[tuple[int, int]]:
    """The open periods before ``x`` (µs), newest first, the one containing ``x`` cut at it."""
    while True:
        last = timeline.subtract(x, 1)  # the last open microsecond before x
        start = opening_of(timeline, last)
        yield start, last + 1
        x = start
