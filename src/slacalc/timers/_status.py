"""What a replay reports: one row per clock cycle, per metric, and per ticket."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal, TypeAlias

__all__ = ["CycleStatus", "Metric", "MetricStatus", "Phase", "TicketPhase", "TicketStatus"]

Phase: TypeAlias = Literal["not_started", "running", "paused", "met", "cancelled"]
"""A clock's phase at an instant; whether it breached is a separate flag.

Examples:
    >>> from typing import get_args
    >>> from slacalc.timers import Phase
    >>> get_args(Phase)
    ('not_started', 'running', 'paused', 'met', 'cancelled')
"""
Metric: TypeAlias = Literal["response", "resolution", "next_response", "periodic_update"]
"""The clocks a ticket can have.

Examples:
    >>> from typing import get_args
    >>> from slacalc.timers import Metric
    >>> get_args(Metric)
    ('response', 'resolution', 'next_response', 'periodic_update')
"""
TicketPhase: TypeAlias = Literal["not_opened", "open", "paused", "resolved", "closed"]
"""The ticket's own state at an instant.

Examples:
    >>> from typing import get_args
    >>> from slacalc.timers import TicketPhase
    >>> get_args(TicketPhase)
    ('not_opened', 'open', 'paused', 'resolved', 'closed')
"""


@dataclass(frozen=True, slots=True)
class CycleStatus:
    """One cycle of one clock at an instant: a row of the ticket's SLA history.

    ``breached_at`` is the first instant at which the business time used exceeds the
    target; ``due`` is the last instant that is still on time. When breached,
    ``breached_at == due + 1 µs``. ``due`` is ``None`` while paused (see
    ``due_if_resumed``) and when there is no target.

    Attributes:
        metric: which clock.
        number: the cycle's number within its metric, from 1.
        severity: the severity whose target applies (at ``at``, or when the cycle stopped).
        phase: running, paused, met or cancelled.
        started_at: when the cycle started.
        stopped_at: when it stopped (met or cancelled), else ``None``.
        target: the target in business time, ``None`` for no target.
        elapsed: business time used.
        elapsed_calendar: wall-clock time the clock was running (pauses and resolved
            spells left out).
        paused: wall-clock time spent paused within the cycle.
        remaining: ``target - elapsed`` (negative once breached), ``None`` for no target.
        percent_used: ``elapsed / target`` as an exact fraction (1 = all of it).
        breached: whether the business time used exceeded the target.
        breached_at: the exact breach instant, when breached.
        due: the last on-time instant (projected with no future pauses).
        due_if_resumed: for a paused clock, the deadline if it resumed at ``at``.
        warning_level: how many warning thresholds have been reached.
        next_warning_at: when the next threshold is reached if nothing changes.

    Examples:
        >>> import datetime as dt
        >>> from slacalc.calendar import BusinessCalendar
        >>> from slacalc.timers import ClockRules, SeverityTargets
        >>> cal = BusinessCalendar.always("UTC")
        >>> rules = ClockRules([SeverityTargets("p1", cal, response="1h")])
        >>> t = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)
        >>> row = rules.evaluate([{"kind": "opened", "at": t, "severity": "p1"}],
        ...                      at=t + dt.timedelta(minutes=45)).response.cycles[0]
        >>> row.percent_used, row.remaining
        (Fraction(3, 4), datetime.timedelta(seconds=900))
    """

    metric: Metric
    number: int
    severity: str
    phase: Phase
    started_at: dt.datetime
    stopped_at: dt.datetime | None
    target: dt.timedelta | None
    elapsed: dt.timedelta
    elapsed_calendar: dt.timedelta
    paused: dt.timedelta
    remaining: dt.timedelta | None
    percent_used: Fraction | None
    breached: bool
    breached_at: dt.datetime | None
    due: dt.datetime | None
    due_if_resumed: dt.datetime | None
    warning_level: int
    next_warning_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class MetricStatus:
    """One clock of a ticket at an instant: its current cycle, plus every cycle so far.

    The fields describe the latest cycle (``phase='not_started'`` and empty values when
    there is none yet); ``cycles`` lists all of them, completed ones included.

    Examples:
        >>> import datetime as dt
        >>> from slacalc.calendar import BusinessCalendar
        >>> from slacalc.timers import ClockRules, SeverityTargets
        >>> rules = ClockRules([SeverityTargets("p1", BusinessCalendar.always("UTC"),
        ...                                     response="1h", next_response="2h")])
        >>> t = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)
        >>> s = rules.evaluate([{"kind": "opened", "at": t, "severity": "p1"}], at=t)
        >>> s.next_response.phase, s.next_response.cycles
        ('not_started', ())
    """

    metric: Metric
    phase: Phase
    severity: str | None
    started_at: dt.datetime | None
    stopped_at: dt.datetime | None
    target: dt.timedelta | None
    elapsed: dt.timedelta
    elapsed_calendar: dt.timedelta
    paused: dt.timedelta
    remaining: dt.timedelta | None
    percent_used: Fraction | None
    breached: bool
    breached_at: dt.datetime | None
    due: dt.datetime | None
    due_if_resumed: dt.datetime | None
    warning_level: int
    next_warning_at: dt.datetime | None
    cycles: tuple[CycleStatus, ...]

    @classmethod
    def from_cycles(cls, metric: Metric, cycles: tuple[CycleStatus, ...]) -> MetricStatus:
        """The metric's status from its cycles (the last one is the current one).

        Examples:
            >>> MetricStatus.from_cycles("response", ()).phase
            'not_started'
        """
        if not cycles:
            zero = dt.timedelta(0)
            return cls(
                metric,
                "not_started",
                None,
                None,
                None,
                None,
                zero,
                zero,
                zero,
                None,
                None,
                False,
                None,
                None,
                None,
                0,
                None,
                (),
            )
        c = cycles[-1]
        return cls(
            metric,
            c.phase,
            c.severity,
            c.started_at,
            c.stopped_at,
            c.target,
            c.elapsed,
            c.elapsed_calendar,
            c.paused,
            c.remaining,
            c.percent_used,
            c.breached,
            c.breached_at,
            c.due,
            c.due_if_resumed,
            c.warning_level,
            c.next_warning_at,
            cycles,
        )


@dataclass(frozen=True, slots=True)
class TicketStatus:
    """Every clock of a ticket at one instant, from a replay of its events.

    Attributes:
        at: the instant evaluated.
        phase: the ticket's own state (open, paused, resolved, closed).
        severity: the severity in force at ``at`` (``None`` before opening).
        response: time to first public response.
        resolution: time to resolution.
        next_response: time to answer later customer replies (``None`` when no
            severity defines it).
        periodic_update: time between public responses (``None`` when undefined).
        cycles: every cycle of every clock, by start.
        breached: whether any cycle breached.
        next_due: the earliest ``due`` of a running, unbreached clock (queue order).
        next_breach_at: when that clock breaches if nothing happens (``next_due + 1 µs``).

    Examples:
        >>> import datetime as dt
        >>> from slacalc.calendar import BusinessCalendar
        >>> from slacalc.timers import ClockRules, SeverityTargets
        >>> rules = ClockRules([SeverityTargets("p1", BusinessCalendar.always("UTC"),
        ...                                     response="15m", resolution="2h")])
        >>> t = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)
        >>> s = rules.evaluate([{"kind": "opened", "at": t, "severity": "p1"}], at=t)
        >>> s.next_due.isoformat(), s.phase
        ('2026-01-05T09:15:00+00:00', 'open')
    """

    at: dt.datetime
    phase: TicketPhase
    severity: str | None
    response: MetricStatus
    resolution: MetricStatus
    next_response: MetricStatus | None
    periodic_update: MetricStatus | None
    cycles: tuple[CycleStatus, ...]
    breached: bool
    next_due: dt.datetime | None
    next_breach_at: dt.datetime | None
