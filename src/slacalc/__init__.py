"""slacalc: exact SLA timing and uptime math.

Business-hours calendars that answer "is it open", "when does it open", "when is this
due" and "how much business time passed", exactly, across time zones, DST and holidays.

Example:
    >>> import datetime as dt
    >>> from slacalc import BusinessCalendar
    >>> cal = BusinessCalendar("Mon-Fri 09:00-18:00", tz="Europe/Copenhagen", holidays="DK")
    >>> friday = dt.datetime(2026, 11, 27, 17, 30, tzinfo=cal.tz)
    >>> cal.add(friday, "1h").isoformat()
    '2026-11-30T09:30:00+01:00'
"""

from __future__ import annotations

from slacalc.calendar import BusinessCalendar
from slacalc.errors import (
    HolidayCoverageError,
    InvalidDateError,
    InvalidDurationError,
    InvalidHoursError,
    NaiveDatetimeError,
    NeverOpenError,
    NotADatetimeError,
    OutOfRangeError,
    SlacalcError,
    UnknownHolidayRegionError,
    UnknownTimezoneError,
)

__all__ = [
    "BusinessCalendar",
    "HolidayCoverageError",
    "InvalidDateError",
    "InvalidDurationError",
    "InvalidHoursError",
    "NaiveDatetimeError",
    "NeverOpenError",
    "NotADatetimeError",
    "OutOfRangeError",
    "SlacalcError",
    "UnknownHolidayRegionError",
    "UnknownTimezoneError",
    "__version__",
]

__version__ = "0.1.0.dev0"
