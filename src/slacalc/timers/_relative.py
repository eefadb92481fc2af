"""Relative targets: a deadline at a wall time or at the end of a business day, N days on.

"By 16:00 next business day" and "end of next business day" are not amounts of business
time; they name an instant relative to the day a clock starts. Like
:class:`~slacalc.timers.BusinessDays`, each resolves when the clock starts into the
business time on the clock's calendar from the start to that deadline, so pauses,
warnings and escalations work as for any other target. The rules (which day counts as
the day the clock starts, what happens at closing time, night shifts, DST) are in
docs/concepts/day.md, section "Relative targets".
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from slacalc._time import from_us, to_us, wall_to_us
from slacalc.calendar import BusinessCalendar
from slacalc.errors import InvalidDurationError, SlacalcError

__all__ = ["EndOfBusinessDay", "NextBusinessDayAt"]

_US = dt.timedelta(microseconds=1)
_ONE_DAY = dt.timedelta(days=1)
_PROBE_MONDAY = dt.date(2001, 1, 1)  # any Monday: the weekly hours are probed from it


@functools.lru_cache(maxsize=4096)
def _midnight_us(day: dt.date, tz: dt.tzinfo) -> int:
    """The first instant (µs) of the local date ``day`` in ``tz`` (memoised: zones are slow)."""
    return wall_to_us(day, 0, tz)


def _midnight(calendar: BusinessCalendar, day: dt.date) -> dt.datetime:
    """The first instant of the local date ``day`` in the calendar's zone."""
    return from_us(_midnight_us(day, calendar.tz), calendar.tz)


def _budget(calendar: BusinessCalendar, start: dt.datetime, due: dt.datetime) -> dt.timedelta:
    """The business time from ``start`` to the open instant ``due``, at least 1 µs.

    ``calendar.add(start, result)`` is ``due``, except when no business time lies between
    them (``due`` is the first opening after ``start``): a target is never zero, so it is
    then 1 µs later.
    """
    return max(calendar.elapsed(start, due), _US)


class _Relative:
    """What the relative targets share: ``days``, the deadline on a day, and resolving."""

    __slots__ = ()
    days: int

    def _due_on(self, calendar: BusinessCalendar, day: dt.date) -> dt.datetime:
        """The last on-time instant on business day ``day``."""
        raise NotImplementedError  # pragma: no cover

    def resolve(self, calendar: BusinessCalendar, start: dt.datetime) -> dt.timedelta:
        """The business time from ``start`` to the deadline on the business day reached.

        Args:
            calendar: the calendar whose business days and hours count.
            start: the instant the clock starts (aware).

        Returns:
            The target as business time on ``calendar``; ``calendar.add(start, target)``
            is the deadline (the last on-time instant).

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-18:00", tz="Europe/Copenhagen")
            >>> friday = dt.datetime(2026, 11, 27, 15, 0, tzinfo=cal.tz)
            >>> NextBusinessDayAt("16:00").resolve(cal, friday)   # Fri 3 h + Mon 7 h
            datetime.timedelta(seconds=36000)
            >>> after_hours = dt.datetime(2026, 11, 30, 19, 0, tzinfo=cal.tz)
            >>> EndOfBusinessDay().resolve(cal, after_hours)   # all of Tuesday, less 1 µs
            datetime.timedelta(seconds=32399, microseconds=999999)
        """
        return _resolved(self, calendar, to_us(start))


@functools.lru_cache(maxsize=4096)
def _resolved(target: _Relative, calendar: BusinessCalendar, start_us: int) -> dt.timedelta:
    """:meth:`_Relative.resolve`, memoised: a replay asks for a clock's target more than once."""
    start = from_us(start_us, calendar.tz)
    # Counted from the start's local date when it is a business day, else the next one.
    day = calendar.add_business_days(start.date(), target.days)
    due = target._due_on(calendar, day)
    while due <= start:  # only with days=0: the day's deadline has passed
        day = calendar.add_business_days(day, 1)
        due = target._due_on(calendar, day)
    return _budget(calendar, start, due)


def _check_days(days: object, cls: str, example: str) -> None:
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise InvalidDurationError(
            f"{cls}(days={days!r}) needs a whole number of business days of at least 0; "
            f"pass e.g. {example}."
        )


def _hhmm(at: dt.time) -> str:
    return at.isoformat(timespec="seconds" if at.second else "minutes")


@dataclass(frozen=True, slots=True)
class NextBusinessDayAt(_Relative):
    """A deadline at a wall time, ``days`` business days after the day the clock starts.

    ``NextBusinessDayAt("16:00")`` is "by 16:00 next business day",
    ``NextBusinessDayAt("16:00", days=2)`` "by 16:00 in 2 business days", and
    ``days=0`` "by 16:00" (today, or the next business day once 16:00 has passed).

    The day counted from is the start's local date (in the calendar's zone) when it is a
    business day, whatever the hour, else the next business day, as ServiceNow's
    relative durations count ("Next business day by 4pm": a ticket on Monday evening is
    due Tuesday 16:00, one on Saturday Tuesday 16:00). On the day reached, the deadline
    is the wall time when the calendar is open then; when it is closed then, the last
    open instant of that day before it (a closing time at the wall time is "just
    before"); when that day opens only later, its opening. The target is the business
    time from the start to that deadline, fixed when the clock starts.

    Args:
        at: the wall time, ``"HH:MM"`` (or ``"HH:MM:SS"``) or a naive ``datetime.time``.
        days: business days after the day the clock starts (default 1).

    Raises:
        InvalidDurationError: ``at`` is not a wall time, or ``days`` is not a whole
            number of at least 0.

    Examples:
        >>> import datetime as dt
        >>> cal = BusinessCalendar("Mon-Fri 09:00-18:00", tz="Europe/Copenhagen")
        >>> by_4pm = NextBusinessDayAt("16:00")
        >>> str(by_4pm), str(NextBusinessDayAt("16:00", days=2))
        ('by 16:00 next business day', 'by 16:00 in 2 business days')
        >>> monday_evening = dt.datetime(2026, 11, 30, 20, 0, tzinfo=cal.tz)
        >>> cal.add(monday_evening, by_4pm.resolve(cal, monday_evening)).isoformat()
        '2026-12-01T16:00:00+01:00'
    """

    at: dt.time
    days: int = 1

    if TYPE_CHECKING:

        def __init__(self, at: dt.time | str, days: int = 1) -> None: ...

    def __post_init__(self) -> None:
        at: object = self.at
        if isinstance(at, str):
            try:
                at = dt.time.fromisoformat(at.strip())
            except ValueError:
                at = None
        if not isinstance(at, dt.time) or at.tzinfo is not None or at.microsecond:
            raise InvalidDurationError(
                f"{self.at!r} is not a wall time; pass 'HH:MM' from '00:00' to '23:59', "
                "e.g. '16:00' (the calendar's zone applies)."
            )
        _check_days(self.days, "NextBusinessDayAt", "NextBusinessDayAt('16:00', days=1)")
        object.__setattr__(self, "at", at)

    def _due_on(self, calendar: BusinessCalendar, day: dt.date) -> dt.datetime:
        """The last on-time instant on business day ``day``."""
        seconds = self.at.hour * 3600 + self.at.minute * 60 + self.at.second
        wall = from_us(wall_to_us(day, seconds, calendar.tz), calendar.tz)
        if calendar.is_open(wall):
            return wall
        before = list(calendar.open_periods(_midnight(calendar, day), wall))
        if before:
            return before[-1][1] - _US
        return calendar.next_open(wall)

    def check(self, calendar: BusinessCalendar) -> None:
        """Refuse a wall time at which the calendar's weekly hours are never open, nor just before.

        The weekly hours are probed on their own (without holidays and special days); a
        combined calendar (``a | b``, ``a & b``) has no weekly hours of its own and passes.

        Args:
            calendar: the calendar the clocks will run on.

        Raises:
            InvalidDurationError: on no weekday is the calendar open at ``at`` or just
                before it, so the deadline could never be at that time.

        Examples:
            >>> cal = BusinessCalendar("Mon-Fri 09:00-18:00", tz="Europe/Copenhagen")
            >>> NextBusinessDayAt("18:00").check(cal)    # open just before 18:00
            >>> NextBusinessDayAt("20:00").check(cal)
            Traceback (most recent call last):
            ...
            slacalc.errors.InvalidDurationError: 'by 20:00 next business day' can never be met on \
the hours 'Mon-Fri 09:00-18:00': they are never open at or just before 20:00; write a time \
within them, e.g. 'by 18:00 next business day', or 'end of next business day'.
        """
        try:
            week = BusinessCalendar(calendar.hours, tz="UTC")
        except SlacalcError:
            return  # a combined calendar: no weekly hours to probe
        latest: dt.time | None = None
        for offset in range(7):
            wall = dt.datetime.combine(_PROBE_MONDAY + offset * _ONE_DAY, self.at, dt.UTC)
            if week.is_open(wall) or week.is_open(wall - _US):
                return
            midnight = dt.datetime.combine(wall.date(), dt.time(), dt.UTC)
            periods = list(week.open_periods(midnight, midnight + _ONE_DAY))
            if periods and periods[-1][1].date() == wall.date():
                close = periods[-1][1].time()
                latest = close if latest is None else max(latest, close)
        instead = "" if latest is None else f"'{NextBusinessDayAt(latest, self.days)}', or "
        raise InvalidDurationError(
            f"{str(self)!r} can never be met on the hours {calendar.hours!r}: they are never "
            f"open at or just before {_hhmm(self.at)}; write a time within them, e.g. "
            f"{instead}'{EndOfBusinessDay(self.days)}'."
        )

    def __str__(self) -> str:
        when = _hhmm(self.at)
        if self.days == 0:
            return f"by {when}"
        if self.days == 1:
            return f"by {when} next business day"
        return f"by {when} in {self.days} business days"


@dataclass(frozen=True, slots=True)
class EndOfBusinessDay(_Relative):
    """A deadline at the end of a business day: the day the clock starts in, or ``days`` later.

    ``EndOfBusinessDay()`` is "end of business day", ``EndOfBusinessDay(1)`` "end of next
    business day", ``EndOfBusinessDay(3)`` "end of business day + 3" (GLPI's "end of
    working day", ServiceNow's "End of next business day").

    The day counted from is as for :class:`NextBusinessDayAt`: the start's local date
    when it is a business day, else the next one; with ``days=0`` a clock that starts at
    or after that day's end runs to the end of the next business day. A business day ends
    at the end of the calendar's last open hours on that local date, or at the next local
    midnight when it is open across it (a night shift, a 24-hour day). The clock breaches
    at that instant: the deadline (the last on-time instant) is the microsecond before,
    not the next opening a budget running out at closing time would give.

    Args:
        days: business days after the day the clock starts (default 0).

    Raises:
        InvalidDurationError: ``days`` is not a whole number of at least 0.

    Examples:
        >>> import datetime as dt
        >>> cal = BusinessCalendar("Mon-Fri 09:00-18:00", tz="Europe/Copenhagen")
        >>> str(EndOfBusinessDay()), str(EndOfBusinessDay(1)), str(EndOfBusinessDay(2))
        ('end of business day', 'end of next business day', 'end of business day + 2')
        >>> friday = dt.datetime(2026, 11, 27, 15, 0, tzinfo=cal.tz)
        >>> due = cal.add(friday, EndOfBusinessDay(1).resolve(cal, friday))
        >>> due.isoformat(), (due + dt.timedelta(microseconds=1)).time()
        ('2026-11-30T17:59:59.999999+01:00', datetime.time(18, 0))
    """

    days: int = 0

    def __post_init__(self) -> None:
        _check_days(self.days, "EndOfBusinessDay", "EndOfBusinessDay(1)")

    def _due_on(self, calendar: BusinessCalendar, day: dt.date) -> dt.datetime:
        """The last on-time instant on business day ``day``: the microsecond before it ends."""
        return calendar.hours_on(day)[-1][1] - _US

    def check(self, calendar: BusinessCalendar) -> None:
        """Nothing to refuse: every calendar's business days have an end.

        Examples:
            >>> EndOfBusinessDay(1).check(BusinessCalendar.always("UTC"))
        """
        del calendar

    def __str__(self) -> str:
        if self.days == 0:
            return "end of business day"
        if self.days == 1:
            return "end of next business day"
        return f"end of business day + {self.days}"
