"""Why a ticket breached: its clocks' timelines as segments, with the rule behind each change.

A clock's cycle is cut wherever something changes what the clock does: the calendar
opens or closes, the ticket is paused or resumed, resolved or reopened, its severity
changes, or the target runs out. Each segment says what the clock did in it
(``counting``, ``out_of_hours``, ``paused``, ``after_resolution``), how much business
time it counted, the total used by its end, and the rule that put the clock in that
state. The business time of the segments adds up to the cycle's ``elapsed``, exactly.

The ticket replay draws these timelines (``evaluate(..., timeline=True)``, see
:class:`~slacalc.timers.ClockTimeline`); this module only shows them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, get_args

from slacalc._present.formats import instant_text
from slacalc._present.frames import Column, columns_of, type_hints
from slacalc._validate import check_hashable, check_instance
from slacalc.errors import InvalidOptionError
from slacalc.policy import PolicyLike
from slacalc.reports._tables import Tabular, render_text
from slacalc.timers import (
    BUILTIN_METRICS,
    CycleStatus,
    EventLike,
    Metric,
    SegmentState,
    TicketStatus,
    TimelineSegment,
)
from slacalc.uptime import format_duration

if TYPE_CHECKING:
    pass

__all__ = ["Explanation", "SegmentState", "TimelineSegment", "explain"]

_ZERO = dt.timedelta(0)
_METRICS: tuple[Metric, ...] = BUILTIN_METRICS


_COLUMNS = columns_of(
    type_hints(TimelineSegment, skip=("events",)), {"state": get_args(SegmentState)}
)


def _duration(td: dt.timedelta | None) -> str:
    """A business duration for the text, in hours; ``'no target'`` for ``None``."""
    return "no target" if td is None else format_duration(td, "hours")


def _verdict(c: CycleStatus, tz: dt.tzinfo) -> str:
    """The cycle's outcome in one line: breached when, met, running and due when."""
    used = f"{_duration(c.elapsed)} used"
    if c.target is not None:
        used += f" of {_duration(c.target)}"
    if c.breached:
        over = c.elapsed - c.target if c.target is not None else _ZERO
        # A breach stands when a later severity raises the target above the time used.
        late = f"{_duration(over)} over" if over > _ZERO else "under the target in force then"
        text = f"BREACHED at {instant_text(c.breached_at, tz)}: {used} ({late})"
    elif c.phase == "cancelled":
        text = f"cancelled: {used}"
    elif c.target is None:
        text = f"no target: {used}"
    elif c.phase == "met":
        text = f"met: {used}"
    else:
        text = f"{c.phase}, not breached: {used}, due {instant_text(c.due or c.due_if_resumed, tz)}"
    if c.stopped_at is not None:
        text += f"; stopped {instant_text(c.stopped_at, tz)}"
    return text


@dataclass(frozen=True, slots=True, repr=False)
class Explanation(Tabular):
    """A ticket's clock timelines, segment by segment: the answer to "why did this breach?".

    Attributes:
        ticket_id: the ticket (``None`` when not given).
        at: the instant the ticket was evaluated at.
        status: the ticket's :class:`~slacalc.timers.TicketStatus` at ``at``.
        cycles: the cycles explained.
        segments: their segments, cycle by cycle, in time order.
        tz: the zone times are shown in.

    Examples:
        >>> import datetime as dt
        >>> from slacalc.policy import default_policy
        >>> t = dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc)           # Mon 10:00 CET
        >>> events = [{"kind": "opened", "at": t, "severity": "high"},
        ...           {"kind": "responded", "at": t + dt.timedelta(hours=2)}]
        >>> print(explain(events, default_policy(), metric="response").to_text())
        Ticket evaluated at Mon 2026-11-30 12:00 (Europe/Copenhagen)
        <BLANKLINE>
        response, cycle 1 (high): BREACHED at Mon 2026-11-30 11:00:00.000001: 2h used of 1h
        (1h over); stopped Mon 2026-11-30 12:00
          from                  to                    state     counted  used  late  why
          --------------------  --------------------  --------  -------  ----  ----  ---...
          Mon 2026-11-30 10:00  Mon 2026-11-30 11:00  counting  1h       1h    no    opened as
          high; the response clock starts (target 1h)
          Mon 2026-11-30 11:00  Mon 2026-11-30 12:00  counting  1h       2h    yes   the 1h
          target is used up at Mon 2026-11-30 11:00: late from Mon 2026-11-30 11:00:00.000001
          stopped Mon 2026-11-30 12:00: responded
        >>> e = explain(events, default_policy(), metric="response")
        >>> str(e.to_frame()["start"].dtype), list(e.table["state"])
        ('datetime64[us, Europe/Copenhagen]', ['counting', 'counting'])
    """

    ticket_id: object
    at: dt.datetime
    status: TicketStatus
    cycles: tuple[CycleStatus, ...]
    segments: tuple[TimelineSegment, ...]
    tz: dt.tzinfo = field(repr=False)

    _HTML_LIMIT = 200

    @classmethod
    def from_status(
        cls,
        status: TicketStatus,
        tz: dt.tzinfo | None = None,
        *,
        metric: Metric | None = None,
        ticket_id: object = None,
    ) -> Explanation:
        """The explanation of a status already evaluated with its timelines: no second replay.

        Args:
            status: what :meth:`slacalc.timers.ClockRules.evaluate` returns with
                ``timeline=True``.
            tz: the zone to show times in; by default the zone of ``status.at`` (the
                calendar's).
            metric: only this clock; every clock that ran by default.
            ticket_id: an id to show in the text.

        Returns:
            An :class:`Explanation`.

        Raises:
            InvalidOptionError: an unknown ``metric``, or a status evaluated without its
                timelines.

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> t = dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc)
            >>> status = default_policy().clock_rules().evaluate(
            ...     [{"kind": "opened", "at": t, "severity": "high"}],
            ...     at=t + dt.timedelta(hours=1), timeline=True)
            >>> e = Explanation.from_status(status, metric="response")
            >>> [s.state for s in e.segments], e.to_records()[0]["used"]
            (['counting'], datetime.timedelta(seconds=3600))
        """
        check_instance(
            status, TicketStatus, what="from_status()", hint="pass what evaluate() returns"
        )
        known = tuple(status.metrics) or _METRICS
        if metric is not None and metric not in known:
            raise InvalidOptionError(
                f"Unknown metric {metric!r}; pass one of {', '.join(repr(m) for m in known)}."
            )
        if any(c.timeline is None for c in status.cycles):
            raise InvalidOptionError(
                "This status has no timelines; evaluate the ticket with timeline=True."
            )
        zone = tz or status.at.tzinfo or dt.UTC
        cycles = [c for c in status.cycles if metric is None or c.metric == metric]
        cycles.sort(key=lambda c: (known.index(c.metric), c.number))
        segments = tuple(s for c in cycles if c.timeline is not None for s in c.timeline.segments)
        return cls(ticket_id, status.at.astimezone(zone), status, tuple(cycles), segments, zone)

    def _columns(self) -> tuple[Column, ...]:
        return _COLUMNS

    def _values(self) -> list[tuple[object, ...]]:
        return [tuple(getattr(s, c.name) for c in _COLUMNS) for s in self.segments]

    def _tz(self) -> dt.tzinfo:
        return self.tz

    def _shown(self) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
        return tuple(c.name for c in _COLUMNS), self._values()

    def _title(self) -> str:
        verdicts = "; ".join(f"{c.metric} {c.number}: {_verdict(c, self.tz)}" for c in self.cycles)
        return f"Ticket {self.ticket_id}: {verdicts}" if self.ticket_id is not None else verdicts

    def to_text(self) -> str:
        """The timelines as text: per cycle a verdict line, then one line per segment.

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> t = dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc)
            >>> e = explain([{"kind": "opened", "at": t, "severity": "low"}], default_policy())
            >>> print(e.to_text().splitlines()[2])
            response, cycle 1 (low): running, not breached: 0s used of 18h, due Wed 2026-12-02 10:00
        """
        who = "Ticket" if self.ticket_id is None else f"Ticket {self.ticket_id}"
        zone = getattr(self.tz, "key", None) or str(self.tz)
        lines = [f"{who} evaluated at {instant_text(self.at, self.tz)} ({zone})"]
        header = ("from", "to", "state", "counted", "used", "late", "why")
        shown = ("start", "end", "state", "business", "used", "late", "rule")

        def when(t: object) -> str:
            assert isinstance(t, dt.datetime)
            return instant_text(t, self.tz)

        for c in self.cycles:
            lines.append("")
            lines.append(f"{c.metric}, cycle {c.number} ({c.severity}): {_verdict(c, self.tz)}")
            segs = [s for s in self.segments if (s.metric, s.cycle) == (c.metric, c.number)]
            if segs:
                rows = [tuple(getattr(s, name) for name in shown) for s in segs]
                text = render_text(header, rows, formatters={"from": when, "to": when})
                lines.extend("  " + line for line in text.splitlines())
            if c.stopped_at is not None:
                why = c.timeline.stopped_by if c.timeline is not None else None
                lines.append(f"  stopped {instant_text(c.stopped_at, self.tz)}: {why or 'stopped'}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        breached = [f"{c.metric} {c.number}" for c in self.cycles if c.breached]
        return (
            f"<Explanation of ticket {self.ticket_id!r} at {self.at.isoformat()}: "
            f"{len(self.cycles)} cycles, {len(self.segments)} segments, breached {breached}>"
        )


def explain(
    ticket: Iterable[EventLike],
    policy: PolicyLike,
    at: dt.datetime | None = None,
    *,
    metric: Metric | None = None,
    ticket_id: object = None,
) -> Explanation:
    """Why a ticket breached (or did not): its clocks' timelines, segment by segment.

    Each clock cycle is cut wherever the clock changes what it does: the calendar opens
    or closes, the ticket is paused or resumed, resolved or reopened, its severity
    changes, the target runs out. Every segment carries the rule behind it ("outside the
    hours Mon-Fri 09:00-18:00; holidays: 2026-12-24 ...", "paused, waiting on the
    customer: the clock stops (pause_mode='exclude')"), and the business time of the
    segments adds up to the clock's ``elapsed``. ``explain(...).to_text()`` prints it;
    ``.table`` gives the segments as a DataFrame or records.

    Args:
        ticket: the ticket's events, in time order (:class:`~slacalc.timers.TicketEvent`
            or ``{"kind", "at", "severity"}`` mappings).
        policy: an :class:`~slacalc.policy.SLAPolicy` or :class:`~slacalc.timers.ClockRules`.
        at: the instant to explain the ticket at; ``None`` for its last event (there is
            no implicit "now").
        metric: only this clock; every clock that ran by default.
        ticket_id: an id to show in the text.

    Returns:
        An :class:`Explanation`.

    Raises:
        TicketEventError, UnknownSeverityError, NaiveDatetimeError: as
            :meth:`slacalc.policy.SLAPolicy.evaluate`.
        InvalidOptionError: an unknown ``metric``.

    Examples:
        >>> import datetime as dt
        >>> from slacalc.policy import default_policy
        >>> cph = default_policy().calendar().tz
        >>> t = dt.datetime(2026, 11, 27, 17, 40, tzinfo=cph)          # Friday
        >>> events = [{"kind": "opened", "at": t, "severity": "high"},
        ...           {"kind": "responded", "at": t + dt.timedelta(days=3, hours=1)}]
        >>> e = explain(events, default_policy(), metric="response")
        >>> [(s.state, str(s.business), s.late) for s in e.segments]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('counting', '0:20:00', False), ('out_of_hours', '0:00:00', False),
         ('counting', '0:40:00', False), ('counting', '8:20:00', True),
         ('out_of_hours', '0:00:00', True)]
    """
    from slacalc.reports._outcomes import analyze_tickets

    key = 0 if ticket_id is None else ticket_id
    check_hashable(key, what="ticket_id", hint="pass a ticket's id, e.g. 4711")
    report = analyze_tickets({key: ticket}, policy, at, timeline=True)
    (outcome,) = report.tickets
    return Explanation.from_status(outcome.status, outcome.tz, metric=metric, ticket_id=ticket_id)
