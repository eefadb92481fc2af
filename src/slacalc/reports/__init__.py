"""Notebook analytics: ticket outcomes, compliance, monthly availability and credits, "why?".

Everything here stands on the ticket clocks (:mod:`slacalc.timers`), the policy
(:mod:`slacalc.policy`) and the uptime math (:mod:`slacalc.uptime`,
:mod:`slacalc.credits`); nothing is approximated for speed. Reports are immutable values
with a ``table`` (a pandas DataFrame for analysis: exact numbers as floats), ``to_frame()``
(also exact, polars or Arrow), ``to_records()`` (plain dicts, exact values, no pandas),
``to_text()`` and ``_repr_html_`` for notebooks. Plots (``plot_*``) need matplotlib
(``pip install matplotlib``, or the ``plot`` extra).

- :func:`analyze_tickets`: one row per ticket, metric and cycle (target, due, met or
  breached, business and calendar time, paused time, overshoot).
- :func:`compliance_summary`: share met (exact), median and 90th percentile, breaches and
  penalties per severity and month.
- :func:`availability_report`: one row per calendar month with downtime, budget,
  target met and the service credit.
- :func:`availability_table` and :func:`rolling_availability`: availability per day,
  ISO week, month, quarter or year, or over rolling 7/28/30-day windows, for the log,
  per component and per group of components.
- :func:`incident_metrics`: MTTR, MTTA, MTBF and incident counts per period, severity
  or component, from the merged incidents, in calendar or business time.
- :func:`explain`: a ticket's timeline as segments with the rule behind each change.
- :func:`read_incidents`, :func:`read_windows` and :class:`CsvRows`: the one reader of
  ticket, incident and maintenance tables (DataFrames, dicts, CSV rows) the reports use.

Examples:
    >>> from slacalc import datasets
    >>> from slacalc.reports import analyze_tickets, compliance_summary
    >>> policy = datasets.load_policy()
    >>> outcomes = analyze_tickets(datasets.load_tickets(), policy)
    >>> summary = compliance_summary(outcomes, by=("severity",), fee=datasets.MONTHLY_FEE)
    >>> [(r.value("severity"), r.metric, f"{r.percent_met}%") for r in summary.rows][:2]
    [('critical', 'response', '92.0%'), ('critical', 'resolution', '88.0%')]
"""

from slacalc._exact import PercentileMethod
from slacalc.policy import PolicyLike
from slacalc.reports._availability import (
    BudgetPoint,
    MaintenanceCheckMode,
    MonthlyAvailability,
    MonthlyAvailabilityReport,
    MonthsLike,
    availability_report,
    read_maintenance,
)
from slacalc.reports._explain import Explanation, SegmentState, TimelineSegment, explain
from slacalc.reports._incidents import IncidentMetrics, IncidentMetricsTable, incident_metrics
from slacalc.reports._input import (
    ATTRIBUTE_COLUMNS,
    TICKET_COLUMNS,
    CsvRows,
    read_incidents,
    read_windows,
)
from slacalc.reports._outcomes import (
    CycleOutcome,
    OnError,
    RejectedTicket,
    Result,
    TicketOutcome,
    TicketOutcomes,
    analyze_tickets,
)
from slacalc.reports._periodic import (
    AvailabilityTable,
    GroupRule,
    PeriodAvailability,
    availability_table,
    rolling_availability,
    rolling_windows,
)
from slacalc.reports._plots import (
    plot_budget_burndown,
    plot_compliance,
    plot_explanation,
    plot_outage_timeline,
    plot_status_bars,
)
from slacalc.reports._summary import ComplianceRow, ComplianceSummary, compliance_summary

__all__ = [
    "ATTRIBUTE_COLUMNS",
    "TICKET_COLUMNS",
    "AvailabilityTable",
    "BudgetPoint",
    "ComplianceRow",
    "ComplianceSummary",
    "CsvRows",
    "CycleOutcome",
    "Explanation",
    "GroupRule",
    "IncidentMetrics",
    "IncidentMetricsTable",
    "MaintenanceCheckMode",
    "MonthlyAvailability",
    "MonthlyAvailabilityReport",
    "MonthsLike",
    "OnError",
    "PercentileMethod",
    "PeriodAvailability",
    "PolicyLike",
    "RejectedTicket",
    "Result",
    "SegmentState",
    "TicketOutcome",
    "TicketOutcomes",
    "TimelineSegment",
    "analyze_tickets",
    "availability_report",
    "availability_table",
    "compliance_summary",
    "explain",
    "incident_metrics",
    "plot_budget_burndown",
    "plot_compliance",
    "plot_explanation",
    "plot_outage_timeline",
    "plot_status_bars",
    "read_incidents",
    "read_maintenance",
    "read_windows",
    "rolling_availability",
    "rolling_windows",
]
