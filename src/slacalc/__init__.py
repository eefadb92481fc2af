"""slacalc: exact SLA timing and uptime math.

Business-hours calendars that answer "is it open", "when does it open", "when is this
due" and "how much business time passed", exactly, across time zones, DST and holidays;
and the uptime half of an SLA (allowed downtime, measured availability, error budgets,
composite availability, service credits) in exact arithmetic.

Examples:
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

from typing import TYPE_CHECKING, Any

from slacalc.calendar import BusinessCalendar
from slacalc.errors import (
    ColumnTypeError,
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
    MissingColumnError,
    NaiveDatetimeError,
    NeverOpenError,
    NoEligibleTimeError,
    NotADatetimeError,
    NotAnIntervalError,
    NumberTypeError,
    OpenOutageError,
    OutOfRangeError,
    PolicyFileError,
    PolicyValidationError,
    SlacalcError,
    TicketEventError,
    UnknownHolidayRegionError,
    UnknownSeverityError,
    UnknownTimezoneError,
    WrongTypeError,
)

__all__ = [
    "DEFAULT_SEVERITY_WEIGHTS",
    "SRE_WORKBOOK_ALERTS",
    "Acknowledgement",
    "AlertFiring",
    "Availability",
    "AvailabilityReport",
    "BurnRateAlert",
    "BusinessCalendar",
    "BusinessDays",
    "CalendarPeriod",
    "ClockRules",
    "ColumnTypeError",
    "ComplianceSummary",
    "CreditSchedule",
    "CreditTier",
    "CycleStatus",
    "Deadlines",
    "DowntimeRow",
    "DowntimeTable",
    "EndOfBusinessDay",
    "ErrorBudget",
    "Escalation",
    "Explanation",
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
    "MetricDefinition",
    "MetricStatus",
    "MissingColumnError",
    "MonthlyAvailabilityReport",
    "NaiveDatetimeError",
    "NeverOpenError",
    "NextBusinessDayAt",
    "NoEligibleTimeError",
    "NotADatetimeError",
    "NotAnIntervalError",
    "NumberTypeError",
    "OpenOutageError",
    "OutOfRangeError",
    "Outage",
    "OutageShare",
    "PolicyFileError",
    "PolicyValidationError",
    "SLAPolicy",
    "SeverityPolicy",
    "SeverityTargets",
    "SlacalcError",
    "TicketEvent",
    "TicketEventError",
    "TicketOutcomes",
    "TicketPenalty",
    "TicketStatus",
    "UnknownHolidayRegionError",
    "UnknownSeverityError",
    "UnknownTimezoneError",
    "WarningThreshold",
    "WrongTypeError",
    "__version__",
    "allowed_downtime",
    "analyze_tickets",
    "availability",
    "availability_in_parallel",
    "availability_in_series",
    "availability_k_of_n",
    "availability_report",
    "calendar_month",
    "calendar_quarter",
    "calendar_year",
    "compliance_summary",
    "default_policy",
    "downtime_table",
    "explain",
    "format_duration",
    "format_seconds",
    "measure_availability",
    "measure_windows",
    "merge_outages",
    "period_length",
    "render_agreement",
    "required_uptime",
]

__version__ = "0.1.0.dev0"

if TYPE_CHECKING:
    from slacalc.credits import (
        CreditSchedule,
        CreditTier,
        TicketPenalty,
    )
    from slacalc.document import render_agreement
    from slacalc.policy import Acknowledgement, SeverityPolicy, SLAPolicy, default_policy
    from slacalc.reports import (
        ComplianceSummary,
        Explanation,
        MonthlyAvailabilityReport,
        TicketOutcomes,
        analyze_tickets,
        availability_report,
        compliance_summary,
        explain,
    )
    from slacalc.timers import (
        BusinessDays,
        ClockRules,
        CycleStatus,
        Deadlines,
        EndOfBusinessDay,
        Escalation,
        MetricDefinition,
        MetricStatus,
        NextBusinessDayAt,
        SeverityTargets,
        TicketEvent,
        TicketStatus,
        WarningThreshold,
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
        measure_windows,
        merge_outages,
        period_length,
        required_uptime,
    )

# Only the calendar and the errors load with `import slacalc`; every other name loads
# its subpackage on first use (the policy layer stands on pydantic, the reports and the
# agreement on the policy), so importing slacalc stays light for code that needs only
# business hours.
_LAZY = {
    "AlertFiring": "slacalc.uptime",
    "Availability": "slacalc.uptime",
    "AvailabilityReport": "slacalc.uptime",
    "BurnRateAlert": "slacalc.uptime",
    "CalendarPeriod": "slacalc.uptime",
    "DEFAULT_SEVERITY_WEIGHTS": "slacalc.uptime",
    "DowntimeRow": "slacalc.uptime",
    "DowntimeTable": "slacalc.uptime",
    "ErrorBudget": "slacalc.uptime",
    "Outage": "slacalc.uptime",
    "OutageShare": "slacalc.uptime",
    "SRE_WORKBOOK_ALERTS": "slacalc.uptime",
    "allowed_downtime": "slacalc.uptime",
    "availability": "slacalc.uptime",
    "availability_in_parallel": "slacalc.uptime",
    "availability_in_series": "slacalc.uptime",
    "availability_k_of_n": "slacalc.uptime",
    "calendar_month": "slacalc.uptime",
    "calendar_quarter": "slacalc.uptime",
    "calendar_year": "slacalc.uptime",
    "downtime_table": "slacalc.uptime",
    "format_duration": "slacalc.uptime",
    "format_seconds": "slacalc.uptime",
    "measure_availability": "slacalc.uptime",
    "measure_windows": "slacalc.uptime",
    "merge_outages": "slacalc.uptime",
    "period_length": "slacalc.uptime",
    "required_uptime": "slacalc.uptime",
    "CreditSchedule": "slacalc.credits",
    "CreditTier": "slacalc.credits",
    "TicketPenalty": "slacalc.credits",
    "BusinessDays": "slacalc.timers",
    "ClockRules": "slacalc.timers",
    "CycleStatus": "slacalc.timers",
    "Deadlines": "slacalc.timers",
    "EndOfBusinessDay": "slacalc.timers",
    "Escalation": "slacalc.timers",
    "MetricDefinition": "slacalc.timers",
    "MetricStatus": "slacalc.timers",
    "NextBusinessDayAt": "slacalc.timers",
    "SeverityTargets": "slacalc.timers",
    "TicketEvent": "slacalc.timers",
    "TicketStatus": "slacalc.timers",
    "WarningThreshold": "slacalc.timers",
    "Acknowledgement": "slacalc.policy",
    "SLAPolicy": "slacalc.policy",
    "SeverityPolicy": "slacalc.policy",
    "default_policy": "slacalc.policy",
    "ComplianceSummary": "slacalc.reports",
    "Explanation": "slacalc.reports",
    "MonthlyAvailabilityReport": "slacalc.reports",
    "TicketOutcomes": "slacalc.reports",
    "analyze_tickets": "slacalc.reports",
    "availability_report": "slacalc.reports",
    "compliance_summary": "slacalc.reports",
    "explain": "slacalc.reports",
    "render_agreement": "slacalc.document",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'slacalc' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
