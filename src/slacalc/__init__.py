"""slacalc: exact SLA timing and uptime math.

Business-hours calendars that answer "is it open", "when does it open", "when is this
due" and "how much business time passed", exactly, across time zones, DST and holidays;
and the uptime half of an SLA (allowed downtime, measured availability, error budgets,
composite availability, service credits) in exact arithmetic.

Example:
    >>> import datetime as dt
    >>> from slacalc import BusinessCalendar
    >>> cal = BusinessCalendar("Mon-Fri 09:00-18:00", tz="Europe/Copenhagen", holidays="DK")
    >>> friday = dt.datetime(2026, 11, 27, 17, 30, tzinfo=cal.tz)
    >>> cal.add(friday, "1h").isoformat()
    '2026-11-30T09:30:00+01:00'
    >>> from slacalc import allowed_downtime, format_duration
    >>> format_duration(allowed_downtime("99.9%", "year"))      # 365.2425-day year
    '8h 45m 57s'
"""

from __future__ import annotations

from slacalc.calendar import BusinessCalendar
from slacalc.credits import (
    CreditSchedule,
    CreditTier,
    TicketPenalty,
)
from slacalc.errors import (
    HolidayCoverageError,
    InvalidCountError,
    InvalidCreditScheduleError,
    InvalidDateError,
    InvalidDurationError,
    InvalidHoursError,
    InvalidIntervalError,
    InvalidMoneyError,
    InvalidOptionError,
    InvalidPeriodError,
    InvalidTargetError,
    InvalidWeightError,
    LengthMismatchError,
    NaiveDatetimeError,
    NeverOpenError,
    NoEligibleTimeError,
    NotADatetimeError,
    NotAnIntervalError,
    NumberTypeError,
    OpenOutageError,
    OutOfRangeError,
    SlacalcError,
    UnknownHolidayRegionError,
    UnknownSeverityError,
    UnknownTimezoneError,
)
from slacalc.uptime import (
    DEFAULT_SEVERITY_WEIGHTS,
    SRE_WORKBOOK_ALERTS,
    AlertFiring,
    Availability,
    AvailabilityReport,
    BurnRateAlert,
    CalendarPeriod,
    DowntimeRow,
    DowntimeTable,
    ErrorBudget,
    Outage,
    OutageShare,
    allowed_downtime,
    availability,
    availability_in_parallel,
    availability_in_series,
    availability_k_of_n,
    calendar_month,
    calendar_quarter,
    calendar_year,
    downtime_table,
    format_duration,
    format_seconds,
    measure_availability,
    merge_outages,
    period_length,
    required_uptime,
)

__all__ = [
    "DEFAULT_SEVERITY_WEIGHTS",
    "SRE_WORKBOOK_ALERTS",
    "AlertFiring",
    "Availability",
    "AvailabilityReport",
    "BurnRateAlert",
    "BusinessCalendar",
    "CalendarPeriod",
    "CreditSchedule",
    "CreditTier",
    "DowntimeRow",
    "DowntimeTable",
    "ErrorBudget",
    "HolidayCoverageError",
    "InvalidCountError",
    "InvalidCreditScheduleError",
    "InvalidDateError",
    "InvalidDurationError",
    "InvalidHoursError",
    "InvalidIntervalError",
    "InvalidMoneyError",
    "InvalidOptionError",
    "InvalidPeriodError",
    "InvalidTargetError",
    "InvalidWeightError",
    "LengthMismatchError",
    "NaiveDatetimeError",
    "NeverOpenError",
    "NoEligibleTimeError",
    "NotADatetimeError",
    "NotAnIntervalError",
    "NumberTypeError",
    "OpenOutageError",
    "OutOfRangeError",
    "Outage",
    "OutageShare",
    "SlacalcError",
    "TicketPenalty",
    "UnknownHolidayRegionError",
    "UnknownSeverityError",
    "UnknownTimezoneError",
    "__version__",
    "allowed_downtime",
    "availability",
    "availability_in_parallel",
    "availability_in_series",
    "availability_k_of_n",
    "calendar_month",
    "calendar_quarter",
    "calendar_year",
    "downtime_table",
    "format_duration",
    "format_seconds",
    "measure_availability",
    "merge_outages",
    "period_length",
    "required_uptime",
]

__version__ = "0.1.0.dev0"
