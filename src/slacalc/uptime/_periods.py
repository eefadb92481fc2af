"""Periods: named lengths under a convention, timedeltas, windows and calendar months."""

from __future__ import annotations

import datetime as dt
import re
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
    "Every",
    "NamedPeriod",
    "PeriodLike",
    "WindowLike",
    "calendar_day",
    "calendar_month",
    "calendar_period",
    "calendar_periods",
    "calendar_quarter",
    "calendar_week",
    "calendar_year",
    "check_convention",
    "check_every",
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
    "'30d' or 'PT720H', a calendar period's name ('2026-03', '2026-W10'), a "
    "pandas.Period, a (start, end) window of aware datetimes, or "
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
``"PT720H"``), a ``(start, end)`` window, a :class:`CalendarPeriod`, or a calendar
period by name (``"2026-03"``, ``"2026-W10"``) or as a ``pandas.Period``, in UTC.

Examples:
    >>> import datetime as dt
    >>> from slacalc import allowed_downtime
    >>> allowed_downtime("99.9%", "30d") == allowed_downtime("99.9%", dt.timedelta(days=30))
    True
    >>> fixed_month = allowed_downtime("99.9%", "month", convention="fixed")
    >>> allowed_downtime("99.9%", "PT720H") == fixed_month
    True
    >>> allowed_downtime("99.9%", "2026-W10")                     # an ISO week, UTC
    datetime.timedelta(seconds=604, microseconds=800000)
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
    """The ``(start, end)`` of a window in epoch microseconds, checked: aware, end > start.

    A period name (``"2026-W10"``) or a ``pandas.Period`` is that calendar period in UTC.
    """
    if isinstance(window, str) or hasattr(window, "freqstr"):
        window = calendar_period(window)
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
            try:
                return window_us(period)[1] - window_us(period)[0]
            except InvalidPeriodError:
                raise InvalidPeriodError(
                    f"{shown(period)} is not a period; {_PERIOD_HINT}."
                ) from None
    elif isinstance(period, dt.timedelta):
        length = duration_to_us(period)
    elif isinstance(period, (tuple, CalendarPeriod)) or hasattr(period, "freqstr"):
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


# -- any granularity: days, ISO weeks, period names, pandas periods ---------------------------

Every: TypeAlias = Literal["day", "week", "month", "quarter", "year"]
"""A calendar unit to split time into: days, ISO weeks (Monday to Monday), months,
quarters or years, each from local midnight to local midnight.

Examples:
    >>> from typing import get_args
    >>> from slacalc.uptime import Every
    >>> get_args(Every)
    ('day', 'week', 'month', 'quarter', 'year')
"""

_EVERY: tuple[str, ...] = get_args(Every)
_PERIOD_NAME_HINT = (
    "pass '2026' (a year), '2026-Q1', '2026-03', '2026-W10' (an ISO week), '2026-03-05' "
    "(a day), a date, a pandas.Period or slacalc.calendar_month(2026, 3)"
)
_NAMES = (
    (re.compile(r"(\d{4})"), "year"),
    (re.compile(r"(\d{4})-?[Qq]([1-4])"), "quarter"),
    (re.compile(r"(\d{4})-(\d{2})"), "month"),
    (re.compile(r"(\d{4})-?W(\d{2})"), "week"),
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), "day"),
)


def _day_start(day: dt.date, zone: dt.tzinfo) -> dt.datetime:
    """The instant a local day begins (a midnight in a DST gap moves forward)."""
    return from_us(to_us(dt.datetime(day.year, day.month, day.day, tzinfo=zone)), zone)


def calendar_day(day: dt.date, *, tz: str | dt.tzinfo = "UTC") -> CalendarPeriod:
    """The calendar day ``day`` in time zone ``tz``: 24 hours, or 23 or 25 on a DST change.

    Args:
        day: the date (a ``datetime.date``; a datetime's time is ignored).
        tz: an IANA name, a ``ZoneInfo`` or a fixed ``datetime.timezone``; UTC by default.

    Returns:
        The day from local midnight to the next local midnight.

    Raises:
        InvalidPeriodError: ``day`` is not a date, or out of range.
        UnknownTimezoneError: ``tz`` is not a known time zone.

    Examples:
        >>> import datetime as dt
        >>> calendar_day(dt.date(2026, 3, 29), tz="Europe/Berlin").duration   # spring forward
        datetime.timedelta(seconds=82800)
    """
    if not isinstance(day, dt.date):
        raise InvalidPeriodError(f"{day!r} is not a date; pass e.g. datetime.date(2026, 3, 5).")
    _check_year(day.year)
    zone = resolve_tz(tz)
    first = dt.date(day.year, day.month, day.day)
    return CalendarPeriod(
        _day_start(first, zone), _day_start(first + dt.timedelta(days=1), zone), first.isoformat()
    )


def calendar_week(year: int, week: int, *, tz: str | dt.tzinfo = "UTC") -> CalendarPeriod:
    """ISO week ``week`` of ``year`` in time zone ``tz``: Monday midnight to Monday midnight.

    ISO 8601 weeks start on Monday; week 1 is the week with the year's first Thursday,
    so a year has 52 or 53 weeks and 29 December can be in week 1 of the next year.

    Args:
        year: the ISO year, 2 to 9997.
        week: 1 to 52 (53 in long years).
        tz: an IANA name, a ``ZoneInfo`` or a fixed ``datetime.timezone``; UTC by default.

    Returns:
        The week, labelled like ``'2026-W10'``.

    Raises:
        InvalidPeriodError: ``year`` or ``week`` out of range.
        UnknownTimezoneError: ``tz`` is not a known time zone.

    Examples:
        >>> w = calendar_week(2026, 10)
        >>> w.label, w.start.date().isoformat(), w.duration.days
        ('2026-W10', '2026-03-02', 7)
    """
    y = _check_year(year)
    if isinstance(week, bool) or not isinstance(week, int):
        raise InvalidPeriodError(f"Week {week!r} is not a week number; pass 1 to 52 (or 53).")
    try:
        monday = dt.date.fromisocalendar(y, week, 1)
    except ValueError:
        raise InvalidPeriodError(
            f"Week {week!r} is not a week of {y}; pass 1 to "
            f"{dt.date(y, 12, 28).isocalendar().week}."
        ) from None
    zone = resolve_tz(tz)
    return CalendarPeriod(
        _day_start(monday, zone),
        _day_start(monday + dt.timedelta(days=7), zone),
        f"{y:04d}-W{week:02d}",
    )


def _unit_of(day: dt.date, every: str, tz: dt.tzinfo) -> CalendarPeriod:
    """The calendar period of unit ``every`` that holds the local date ``day``."""
    if every == "day":
        return calendar_day(day, tz=tz)
    if every == "week":
        iso = day.isocalendar()
        return calendar_week(iso.year, iso.week, tz=tz)
    if every == "month":
        return calendar_month(day.year, day.month, tz=tz)
    if every == "quarter":
        return calendar_quarter(day.year, (day.month + 2) // 3, tz=tz)
    return calendar_year(day.year, tz=tz)


def check_every(every: object) -> Every:
    """Return ``every`` if it is a known unit, else raise InvalidOptionError."""
    if isinstance(every, str) and every in _EVERY:
        return every  # type: ignore[return-value]
    raise InvalidOptionError(
        f"Unknown unit every={every!r}; pass 'day', 'week' (ISO, from Monday), 'month', "
        "'quarter' or 'year'."
    )


def _pandas_period(value: object, zone: dt.tzinfo) -> CalendarPeriod | None:
    """A ``pandas.Period`` as a calendar period in ``zone`` (``None`` for anything else)."""
    freq = getattr(value, "freqstr", None)
    start, end = getattr(value, "start_time", None), getattr(value, "end_time", None)
    if not isinstance(freq, str) or not isinstance(start, dt.datetime):
        return None
    assert isinstance(end, dt.datetime)
    if start.time() != dt.time() or end.time() < dt.time(23, 59, 59, 999_999):
        return None  # shorter than whole days
    first, last = start.date(), end.date()
    unit = {"D": "day", "M": "month", "Q": "quarter", "Y": "year", "A": "year"}.get(freq[:1])
    if freq.startswith("W"):
        unit = "week" if first.isoweekday() == 1 else None
    if unit is not None:
        period = _unit_of(first, unit, zone)
        if period.start.date() == first:
            return period
    return CalendarPeriod(
        _day_start(first, zone),
        _day_start(last + dt.timedelta(days=1), zone),
        f"{first.isoformat()}/{last.isoformat()}",
    )


def _named(unit: str, numbers: list[int], zone: dt.tzinfo) -> CalendarPeriod:
    """The period a name's numbers give, by the unit its pattern says."""
    if unit == "year":
        return calendar_year(numbers[0], tz=zone)
    if unit == "quarter":
        return calendar_quarter(numbers[0], numbers[1], tz=zone)
    if unit == "month":
        return calendar_month(numbers[0], numbers[1], tz=zone)
    if unit == "week":
        return calendar_week(numbers[0], numbers[1], tz=zone)
    return calendar_day(dt.date(*numbers), tz=zone)


def calendar_period(value: object, *, tz: str | dt.tzinfo = "UTC") -> CalendarPeriod:
    """A calendar period from its name, a date or a ``pandas.Period``.

    Names: ``"2026"`` (a year), ``"2026-Q1"``, ``"2026-03"``, ``"2026-W10"`` (an ISO
    week, Monday to Monday), ``"2026-03-05"`` (a day). A ``datetime.date`` is its day;
    a ``pandas.Period`` of any frequency is the local days it spans (a weekly period
    ending on Sunday is an ISO week). A :class:`CalendarPeriod` is returned as it is.

    Args:
        value: the period.
        tz: the zone the period's days are in (UTC by default).

    Returns:
        The period, local midnight to local midnight.

    Raises:
        InvalidPeriodError: ``value`` names no period (the message shows it).
        UnknownTimezoneError: ``tz`` is not a known time zone.

    Examples:
        >>> [calendar_period(p).label for p in ("2026", "2026-Q1", "2026-03", "2026-W10")]
        ['2026', '2026-Q1', '2026-03', '2026-W10']
        >>> calendar_period("2026-03-05", tz="Europe/Copenhagen").start.isoformat()
        '2026-03-05T00:00:00+01:00'
        >>> import pandas as pd
        >>> calendar_period(pd.Period("2026-03", freq="M")).label
        '2026-03'
    """
    if isinstance(value, CalendarPeriod):
        return value
    zone = resolve_tz(tz)
    if isinstance(value, dt.datetime):
        raise InvalidPeriodError(
            f"{value!r} is an instant, not a period; pass its date (.date()) for the day, or "
            f"{_PERIOD_NAME_HINT}."
        )
    if isinstance(value, dt.date):
        return calendar_day(value, tz=zone)
    if isinstance(value, str):
        text = value.strip()
        for pattern, unit in _NAMES:
            if m := pattern.fullmatch(text):
                try:
                    return _named(unit, [int(g) for g in m.groups()], zone)
                except (InvalidPeriodError, ValueError) as exc:
                    raise InvalidPeriodError(f"{value!r} is not a period: {exc}") from None
    elif (period := _pandas_period(value, zone)) is not None:
        return period
    raise InvalidPeriodError(f"{value!r} is not a period; {_PERIOD_NAME_HINT}.")


def calendar_periods(
    span: object, every: Every, *, tz: str | dt.tzinfo = "UTC"
) -> tuple[CalendarPeriod, ...]:
    """The whole calendar periods of unit ``every`` that overlap ``span``, in time order.

    Args:
        span: what to cover: a period name or ``pandas.Period`` (see
            :func:`calendar_period`), a year as an int, a :class:`CalendarPeriod`, or a
            ``(start, end)`` window of aware datetimes.
        every: ``"day"``, ``"week"`` (ISO), ``"month"``, ``"quarter"`` or ``"year"``.
        tz: the zone the periods' days are in (UTC by default).

    Returns:
        The periods; the first and last may reach outside ``span`` (an ISO week across
        a month's edge is returned whole).

    Raises:
        InvalidPeriodError: ``span`` is not a period or a window.
        InvalidOptionError: an unknown ``every``.

    Examples:
        >>> [p.label for p in calendar_periods("2026-Q1", "month")]
        ['2026-01', '2026-02', '2026-03']
        >>> weeks = calendar_periods("2026-03", "week")
        >>> weeks[0].label, weeks[-1].label, len(weeks)
        ('2026-W09', '2026-W14', 6)
    """
    unit = check_every(every)
    zone = resolve_tz(tz)
    if isinstance(span, int) and not isinstance(span, bool):
        span = calendar_year(span, tz=zone)
    if isinstance(span, tuple):
        lo, hi = window_us(span)
    else:
        whole = calendar_period(span, tz=zone)
        lo, hi = to_us(whole.start), to_us(whole.end)
    out = []
    day = from_us(lo, zone).date()
    while True:
        period = _unit_of(day, unit, zone)
        if to_us(period.start) >= hi:
            break
        out.append(period)
        day = period.end.astimezone(zone).date()
    return tuple(out)
