"""Ticket clocks: a replay of a ticket's events against SLA rules, at any instant.

A ticket is a list of events (opened, responded, paused, resumed, severity changed,
resolved, reopened, closed, customer replied). :meth:`ClockRules.evaluate` turns them
into clock cycles and reports each clock at the instant asked: phase, breach (exact),
due, elapsed and remaining business time, warnings. Nothing is stored; the same events
give the same answer every time. This package does not import pydantic: the policy
layer (:mod:`slacalc.policy`) converts into these values.

Examples:
    >>> import datetime as dt
    >>> from slacalc.calendar import BusinessCalendar
    >>> from slacalc.timers import ClockRules, SeverityTargets
    >>> cal = BusinessCalendar("Mon-Fri 09:00-18:00", tz="Europe/Copenhagen")
    >>> rules = ClockRules([SeverityTargets("high", cal, response="1h", resolution="8h")])
    >>> t = dt.datetime(2026, 11, 30, 9, 0, tzinfo=cal.tz)
    >>> events = [{"kind": "opened", "at": t, "severity": "high"},
    ...           {"kind": "responded", "at": t + dt.timedelta(minutes=40)}]
    >>> status = rules.evaluate(events, at=t + dt.timedelta(hours=2))
    >>> status.response.phase, status.resolution.due.isoformat()
    ('met', '2026-11-30T17:00:00+01:00')
"""

from slacalc.timers._due import DueFromField
from slacalc.timers._events import (
    PRECEDENCE,
    Author,
    Correction,
    CorrectionAction,
    EventKind,
    EventLike,
    ExtraKeys,
    History,
    TicketEvent,
    coerce_events,
)
from slacalc.timers._metrics import (
    BUILTIN_METRICS,
    DEFAULT_STATUSES,
    MetricDefinition,
    Recurrence,
    StatusCategory,
    builtin_metrics,
)
from slacalc.timers._relative import EndOfBusinessDay, NextBusinessDayAt
from slacalc.timers._rules import (
    BusinessDays,
    ClockRules,
    Deadlines,
    Escalation,
    PauseMode,
    ReopenMode,
    SeverityChangeMode,
    SeverityTargets,
    Target,
    TimeBasis,
    WarningThreshold,
)
from slacalc.timers._status import (
    ClockTimeline,
    CycleStatus,
    Metric,
    MetricStatus,
    Phase,
    SegmentState,
    TicketPhase,
    TicketStatus,
    TimelineSegment,
)

__all__ = [
    "BUILTIN_METRICS",
    "DEFAULT_STATUSES",
    "PRECEDENCE",
    "Author",
    "BusinessDays",
    "ClockRules",
    "ClockTimeline",
    "Correction",
    "CorrectionAction",
    "CycleStatus",
    "Deadlines",
    "DueFromField",
    "EndOfBusinessDay",
    "Escalation",
    "EventKind",
    "EventLike",
    "ExtraKeys",
    "History",
    "Metric",
    "MetricDefinition",
    "MetricStatus",
    "NextBusinessDayAt",
    "PauseMode",
    "Phase",
    "Recurrence",
    "ReopenMode",
    "SegmentState",
    "SeverityChangeMode",
    "SeverityTargets",
    "StatusCategory",
    "Target",
    "TicketEvent",
    "TicketPhase",
    "TicketStatus",
    "TimeBasis",
    "TimelineSegment",
    "WarningThreshold",
    "builtin_metrics",
    "coerce_events",
]
