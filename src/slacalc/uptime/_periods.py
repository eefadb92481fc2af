"""Periods: named lengths under a convention, timedeltas, windows and calendar months."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, TypeAlias, get_args

from slacalc._time import MAX_DURATION_US, UTC, duration_to_us, from_us, resolve_tz, to_us
from slacalc._validate import shown
from slacalc.errors import (
    InvalidDurationError,
    InvalidIntervalError,
    InvalidOptionError,
    InvalidPeriodError,
    OutOfRangeError,
)

__all__ = [
    "CalendarPeriod",
    "Convention",
    "NamedPeriod",
    "PeriodLike",
    "WindowLike",
    "calendar_month",
    "calendar_quarter",
    "calendar_year",
    "check_convention",
    "period_length",
    "period_us",
    "us_to_timedelta",
    "window_us",
]

Convention: TypeAlias = Literal["gregorian", "julian", "fixed"]
"""How long a named month, quarter and year are (a day is 86 400 s and a week 7 days in all).

- ``"gregorian"``: year = 365.2425 days (the Gregorian mean), month = year/12 =
  30.436875 days, quarter = year/4; the convention of the uptime.is calculator.
- ``"julian"``: year = 365.25 days, month = year/12, quarter = year/4.
- ``"fixed"``: month = 30 days, quarter = 90 days, year = 365 days; the convention of
  the Google SRE book's availability table.

Examples:
    >>> from typing import get_args
    >>> from slacalc.uptime import Convention
    >>> get_args(Convention)
    ('gregorian', 'julian', 'fixed')
"""

NamedPeriod: TypeAlias = Literal["day", "week", "month", "quarter", "year"]
"""A period named by its unit; its length depends on the :data:`Convention`.

Examples:
    >>> from typing import get_args
    >>> from slacalc.uptime import NamedPeriod
    >>> get_args(NamedPeriod)
    ('day', 'week', 'month', 'quarter', 'year')
"""

_DAY = 86_400
_SECONDS: dict[str, dict[str, int]] = {
    "gregorian": {"month": 2_629_746, "quarter": 7_889_238, "year": 31_556_952},
    "julian": {"month": 2_629_800, "quarter": 7_889_400, "year": 31_557_600},
    "fixed": {"month": 30 * _DAY, "quarter": 90 * _DAY, "year": 365 * _DAY},
}
for _lengths in _SECONDS.values():
    _lengths.update(day=_DAY, week=7 * _DAY)
NAMED_PERIODS: tuple[NamedPeriod, ...] = get_args(NamedPeriod)
_CONVENTIONS = get_args(Convention)
_US = 1_000_000
_PERIOD_HINT = (
    "pass 'day', 'week', 'month', 'quarter', 'year', a timedelta, a duration such as "
    "'30d' or 'PT720H', a (start, end) window of aware datetimes, or "
    "slacalc.calendar_month(2026, 2, tz='UTC')"
)


@dataclass(frozen=True, slots=True)
class CalendarPeriod:
    """A real calendar period in a time zone: a given month, quarter or year.

    Its length is the true one, from local midnight to local midnight: 28 to 31 days
    for a month, one hour less or more when a DST change falls inside, 366 days in a
    leap year. Build it with :func:`calendar_month`, :func:`calendar_quarter` or
    :func:`calendar_year`; it is accepted wherever a period or a window is.

    Args:
        start: the first instant (aware), included.
        end: the instant after the last (aware), excluded.
        label: a name for people, such as ``'2026-02'``.

    Raises:
        NaiveDatetimeError: ``start`` or ``end`` has no time zone.
        InvalidIntervalError: ``end`` is not after ``start``.

    Examples:
        >>> march = calendar_month(2026, 3, tz="Europe/Berlin")
        >>> march.label, march.duration
        ('2026-03', datetime.timedelta(days=30, seconds=82800))
    """

    start: dt.datetime
    end: dt.datetime
    label: str

    def __post_init__(self) -> None:
        if to_us(self.end) <= to_us(self.start):
            raise InvalidIntervalError(
                f"The period {self.label!r} ends at {self.end.isoformat()!r}, not after its "
                f"start {self.start.isoformat()!r}; give an end later than the start."
            )

    @property
    def duration(self) -> dt.timedelta:
        """The exact length, measured in UTC (so DST hours count as they happen).

        Examples:
            >>> calendar_month(2024, 2).duration
            datetime.timedelta(days=29)
        """
        return us_to_timedelta(to_us(self.end) - to_us(self.start))

    @property
    def window(self) -> tuple[dt.datetime, dt.datetime]:
        """The ``(start, end)`` pair, half-open.

        Examples:
            >>> [t.isoformat() for t in calendar_year(2026).window]
            ['2026-01-01T00:00:00+00:00', '2027-01-01T00:00:00+00:00']
        """
        return (self.start, self.end)


def _check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not 2 <= year <= 9997:
        raise InvalidPeriodError(
            f"Year {shown(year)} is not supported; pass a whole year between 2 and 9997."
        )
    return year


def _local_midnight(year: int, month: int, tz: dt.tzinfo) -> dt.datetime:
    # A midnight that does not exist (a DST gap at 00:00) moves forward to the
    # instant the day really begins; zoneinfo's fold=0 reading does exactly that.
    return from_us(to_us(dt.datetime(year, month, 1, tzinfo=tz)), tz)


def calendar_month(year: int, month: int, *, tz: str | dt.tzinfo = "UTC") -> CalendarPeriod:
    """The calendar month ``year-month`` in time zone ``tz``, with its real length.

    Args:
        year: the year, 2 to 9997.
        month: the month, 1 to 12.
        tz: an IANA name (``"Europe/Berlin"``), a ``ZoneInfo`` or a fixed
            ``datetime.timezone``; UTC by default, as cloud SLAs measure.

    Returns:
        The month from local midnight on the 1st to local midnight on the next 1st.

    Raises:
        InvalidPeriodError: ``year`` or ``month`` out of range.
        UnknownTimezoneError: ``tz`` is not a known time zone.

    Examples:
        >>> calendar_month(2026, 10, tz="Europe/Berlin").duration   # 31 days + 1 h (DST ends)
        datetime.timedelta(days=31, seconds=3600)
    """
    y = _check_year(year)
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise InvalidPeriodError(f"Month {shown(month)} is not a month; pass 1 (January) to 12.")
    zone = resolve_tz(tz)
    ny, nm = (y + 1, 1) if month == 12 else (y, month + 1)
    return CalendarPeriod(
        _local_midnight(y, month, zone), _local_midnight(ny, nm, zone), f"{y:04d}-{month:02d}"
    )


def calendar_quarter(year: int, quarter: int, *, tz: str | dt.tzinfo = "UTC") -> CalendarPeriod:
    """The calendar quarter ``quarter`` (1-4) of ``year`` in time zone ``tz``.

    Args:
        year: the year, 2 to 9997.
        quarter: 1 (January-March) to 4 (October-December).
        tz: an IANA name, a ``ZoneInfo`` or a fixed ``datetime.timezone``; UTC by default.

    Returns:
        The quarter, local midnight to local midnight: 90 days for Q1 (91 in a leap
        year), 91 for Q2, 92 for Q3 and Q4 (plus or minus DST hours).

    Raises:
        InvalidPeriodError: ``year`` or ``quarter`` out of range.
        UnknownTimezoneError: ``tz`` is not a known time zone.

    Examples:
        >>> q = calendar_quarter(2026, 3)
        >>> q.label, q.duration.days
        ('2026-Q3', 92)
    """
    y = _check_year(year)
    if isinstance(quarter, bool) or not isinstance(quarter, int) or not 1 <= quarter <= 4:
        raise InvalidPeriodError(f"Quarter {shown(quarter)} is not a quarter; pass 1, 2, 3 or 4.")
    zone = resolve_tz(tz)
    first = 3 * quarter - 2
    ny, nm = (y + 1, 1) if quarter == 4 else (y, first + 3)
    return CalendarPeriod(
        _local_midnight(y, first, zone), _local_midnight(ny, nm, zone), f"{y:04d}-Q{quarter}"
    )


def calendar_year(year: int, *, tz: str | dt.tzinfo = "UTC") -> CalendarPeriod:
    """The calendar year ``year`` in time zone ``tz``: 365 days, or 366 in a leap year.

    Args:
        year: the year, 2 to 9997.
        tz: an IANA name, a ``ZoneInfo`` or a fixed ``datetime.timezone``; UTC by default.

    Returns:
        The year from local midnight on 1 January to local midnight on the next.

    Raises:
        InvalidPeriodError: ``year`` out of range.
        UnknownTimezoneError: ``tz`` is not a known time zone.

    Examples:
        >>> calendar_year(2028).duration.days
        366
    """
    y = _check_year(year)
    zone = resolve_tz(tz)
    return CalendarPeriod(_local_midnight(y, 1, zone), _local_midnight(y + 1, 1, zone), f"{y:04d}")


WindowLike: TypeAlias = "tuple[dt.datetime, dt.datetime] | CalendarPeriod"
"""An exact window: a ``(start, end)`` pair of aware datetimes, or a :class:`CalendarPeriod`.

Examples:
    >>> import datetime as dt
    >>> from slacalc import allowed_downtime, calendar_month
    >>> utc = dt.timezone.utc
    >>> february = (dt.datetime(2026, 2, 1, tzinfo=utc), dt.datetime(2026, 3, 1, tzinfo=utc))
    >>> allowed_downtime("99.9%", february) == allowed_downtime("99.9%", calendar_month(2026, 2))
    True
"""

PeriodLike: TypeAlias = "NamedPeriod | str | dt.timedelta | WindowLike"
"""A period: a named unit (``"month"``), a ``timedelta``, a duration string (``"30d"``,
``"PT720H"``), a ``(start, end)`` window, or a :class:`CalendarPeriod`.

Examples:
    >>> import datetime as dt
    >>> from slacalc import allowed_downtime
    >>> allowed_downtime("99.9%", "30d") == allowed_downtime("99.9%", dt.timedelta(days=30))
    True
    >>> fixed_month = allowed_downtime("99.9%", "month", convention="fixed")
    >>> allowed_downtime("99.9%", "PT720H") == fixed_month
    True
"""


def check_convention(convention: object) -> Convention:
    """Return ``convention`` if it is known, else raise InvalidOptionError."""
    if isinstance(convention, str) and convention in _CONVENTIONS:
        return convention  # type: ignore[return-value]
    raise InvalidOptionError(
        f"Unknown convention {shown(convention)}; pass 'gregorian' (365.2425-day year, "
        "month = year/12), 'julian' (365.25-day year) or 'fixed' (30-day month, 90-day "
        "quarter, 365-day year)."
    )


def window_us(window: object, *, what: str = "window") -> tuple[int, int]:
    """The ``(start, end)`` of a window in epoch microseconds, checked: aware, end > start."""
    if isinstance(window, CalendarPeriod):
        return to_us(window.start), to_us(window.end)
    if not isinstance(window, tuple) or len(window) != 2:
        raise InvalidPeriodError(
            f"{shown(window)} is not a {what}; pass a (start, end) pair of aware datetimes or "
            "slacalc.calendar_month(2026, 2, tz='UTC')."
        )
    start, end = to_us(window[0]), to_us(window[1])
    if end <= start:
        raise InvalidIntervalError(
            f"The {what} ends at {window[1].isoformat()!r}, not after its start "
            f"{window[0].isoformat()!r}; give an end later than the start."
        )
    return start, end


def period_us(period: object, convention: object = "gregorian") -> int:
    """The length of a period in microseconds (always a whole number, always > 0)."""
    conv = check_convention(convention)
    if isinstance(period, str):
        key = period.strip().lower()
        if key in _SECONDS[conv]:
            return _SECONDS[conv][key] * _US
        try:
            length = duration_to_us(period, allow_days=True)
        except InvalidDurationError:
            raise InvalidPeriodError(f"{shown(period)} is not a period; {_PERIOD_HINT}.") from None
    elif isinstance(period, dt.timedelta):
        length = duration_to_us(period)
    elif isinstance(period, (tuple, CalendarPeriod)):
        start, end = window_us(period)
        return end - start
    else:
        raise InvalidPeriodError(f"{shown(period)} is not a period; {_PERIOD_HINT}.")
    if length <= 0:
        raise InvalidPeriodError(
            f"The period {shown(period)} is not longer than zero; give a positive length."
        )
    return length


def period_length(period: PeriodLike, *, convention: Convention = "gregorian") -> dt.timedelta:
    """How long a period is: a named unit under a convention, a duration or a window.

    Args:
        period: ``"day"``, ``"week"``, ``"month"``, ``"quarter"``, ``"year"``, a
            ``timedelta``, a duration string (``"30d"``, ``"PT720H"``), a ``(start, end)``
            window of aware datetimes, or a :class:`CalendarPeriod`.
        convention: for named months, quarters and years: ``"gregorian"`` (default),
            ``"julian"`` or ``"fixed"`` (see :data:`Convention`).

    Returns:
        The exact length. Windows are measured in UTC, so DST days have 23 or 25 hours.

    Raises:
        InvalidPeriodError: an unknown name, a malformed duration, or a length <= 0.
        InvalidIntervalError: a window that ends before it starts.
        InvalidOptionError: an unknown convention.

    Examples:
        >>> period_length("month"), period_length("month", convention="fixed")
        (datetime.timedelta(days=30, seconds=37746), datetime.timedelta(days=30))
    """
    return us_to_timedelta(period_us(period, convention))


def us_to_timedelta(us: int) -> dt.timedelta:
    """A timedelta of a whole number of microseconds, within the supported years."""
    if abs(us) > MAX_DURATION_US:
        raise OutOfRangeError(
            f"The answer, {us} µs, is longer than the years 2-9998 that slacalc answers "
            "about; ask about a shorter period or a larger rate."
        )
    return dt.timedelta(microseconds=us)


def utc_from_us(us: int) -> dt.datetime:
    """The UTC datetime of an instant in epoch microseconds."""
    return from_us(us, UTC)
