"""Uptime math: allowed downtime, measured availability, error budgets and composites.

Everything is exact: targets are read from ``"99.9%"``, ``Decimal`` or ``Fraction``
(never binary floats), periods are whole microseconds, and results are fractions
until they are shown, with a named rounding mode.

Examples:
    >>> import slacalc
    >>> slacalc.allowed_downtime("99.9%", "year")                  # 8.77 h
    datetime.timedelta(seconds=31556, microseconds=952000)
    >>> str(slacalc.availability_in_series("99.95%", "99.99%"))
    '99.940005%'
"""

from __future__ import annotations

from slacalc._exact import Rounding
from slacalc.uptime._availability import Availability, TargetLike
from slacalc.uptime._budget import (
    SRE_WORKBOOK_ALERTS,
    AlertFiring,
    BurnRateAlert,
    ErrorBudget,
    EventCount,
)
from slacalc.uptime._composite import (
    availability_in_parallel,
    availability_in_series,
    availability_k_of_n,
)
from slacalc.uptime._downtime import (
    DowntimeRow,
    DowntimeTable,
    allowed_downtime,
    availability,
    downtime_table,
    format_duration,
    format_seconds,
    required_uptime,
)
from slacalc.uptime._maintenance import (
    MaintenanceBreach,
    MaintenanceCheck,
    MaintenanceRule,
    MaintenanceRules,
    PlannedMaintenance,
    check_maintenance,
)
from slacalc.uptime._measure import (
    AvailabilityReport,
    MaintenanceMode,
    OutageShare,
    SupportsOpenPeriods,
    measure_availability,
    measure_windows,
)
from slacalc.uptime._outages import (
    DEFAULT_SEVERITY_WEIGHTS,
    Outage,
    OutageLike,
    OutageRecord,
    merge_outages,
)
from slacalc.uptime._periods import (
    CalendarPeriod,
    Convention,
    Every,
    NamedPeriod,
    PeriodLike,
    WindowLike,
    calendar_day,
    calendar_month,
    calendar_period,
    calendar_periods,
    calendar_quarter,
    calendar_week,
    calendar_year,
    period_length,
)
from slacalc.uptime._probes import ProbeLike, ProbeOutages, probe_outages
from slacalc.uptime._slices import (
    RequestAvailability,
    SliceMethod,
    SliceReport,
    measure_requests,
    measure_timeslices,
)

__all__ = [
    "DEFAULT_SEVERITY_WEIGHTS",
    "SRE_WORKBOOK_ALERTS",
    "AlertFiring",
    "Availability",
    "AvailabilityReport",
    "BurnRateAlert",
    "CalendarPeriod",
    "Convention",
    "DowntimeRow",
    "DowntimeTable",
    "ErrorBudget",
    "EventCount",
    "Every",
    "MaintenanceBreach",
    "MaintenanceCheck",
    "MaintenanceMode",
    "MaintenanceRule",
    "MaintenanceRules",
    "NamedPeriod",
    "Outage",
    "OutageLike",
    "OutageRecord",
    "OutageShare",
    "PeriodLike",
    "PlannedMaintenance",
    "ProbeLike",
    "ProbeOutages",
    "RequestAvailability",
    "Rounding",
    "SliceMethod",
    "SliceReport",
    "SupportsOpenPeriods",
    "TargetLike",
    "WindowLike",
    "allowed_downtime",
    "availability",
    "availability_in_parallel",
    "availability_in_series",
    "availability_k_of_n",
    "calendar_day",
    "calendar_month",
    "calendar_period",
    "calendar_periods",
    "calendar_quarter",
    "calendar_week",
    "calendar_year",
    "check_maintenance",
    "downtime_table",
    "format_duration",
    "format_seconds",
    "measure_availability",
    "measure_requests",
    "measure_timeslices",
    "measure_windows",
    "merge_outages",
    "period_length",
    "probe_outages",
    "required_uptime",
]
