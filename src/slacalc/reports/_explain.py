"""Why a ticket breached: its clocks' timelines as segments, with the rule behind each change.

A clock's cycle is cut wherever something changes what the clock does: the calendar
opens or closes, the ticket is paused or resumed, resolved or reopened, its severity
changes, or the target runs out. Each segment says what the clock did in it
(``counting``, ``out_of_hours``, ``paused``, ``after_resolution``), how much business
time it counted, the total used by its end, and the rule that put the clock in that
state. The business time of the segments adds up to the cycle's ``elapsed``, exactly.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from slacalc._time import from_us, to_us
from slacalc.calendar import BusinessCalendar
from slacalc.reports._policy import PolicyLike
from slacalc.reports._tables import Column, frame, records, render_html, render_text, table
from slacalc.timers import ClockRules, CycleStatus, EventLike, Metric, TicketEvent, TicketStatus
from slacalc.uptime import format_duration

if TYPE_CHECKING:
    from slacalc.reports._outcomes import TicketOutcome

__all__ = ["Explanation", "SegmentState", "TimelineSegment", "explain", "explain_status"]

SegmentState: TypeAlias = Literal["counting", "out_of_hours", "paused", "after_resolution"]
"""What a clock does in a segment of its timeline.

- ``counting``: business time is being used;
- ``out_of_hours``: the clock's calendar is closed (evenings, weekends, holidays);
- ``paused``: the ticket waits on the customer and ``pause_mode='exclude'`` stops the
  clock (with ``'ignore_deadline'`` paused time keeps counting and shows as
  ``counting`` or ``out_of_hours``);
- ``after_resolution``: the ticket is resolved, so the clock is stopped, until it is
  reopened (``reopen='continue'``).

Examples:
    >>> from typing import get_args
    >>> from slacalc.reports import SegmentState
    >>> get_args(SegmentState)
    ('counting', 'out_of_hours', 'paused', 'after_resolution')
"""

_US = 1
_ZERO = dt.timedelta(0)
_METRICS: tuple[Metric, ...] = ("response", "resolution", "next_response", "periodic_update")


@dataclass(frozen=True, slots=True)
class TimelineSegment:
    """A stretch of one clock cycle in which the clock did one thing.

    Attributes:
        metric: the clock (``response``, ``resolution``, ...).
        cycle: the cycle's number within its metric.
        start: where the segment starts (included).
        end: where it ends (excluded).
        state: ``counting``, ``out_of_hours``, ``paused`` or ``after_resolution``.
        severity: the severity in force during the segment.
        business: the business time the segment counted.
        used: the business time used by the segment's end, from the cycle's start.
        target: the target that applied during the segment (``None``: no target).
        late: whether the segment lies after the target ran out.
        rule: why the clock is in this state from ``start`` (the events and rules).

    Examples:
        >>> import datetime as dt
        >>> from slacalc.policy import default_policy
        >>> t = dt.datetime(2026, 11, 27, 17, 40, tzinfo=dt.timezone.utc)   # Fri 18:40 CET
        >>> e = explain([{"kind": "opened", "at": t, "severity": "high"}], default_policy(),
        ...             at=t + dt.timedelta(days=3), metric="response")
        >>> first = e.segments[0]
        >>> first.state, first.business
        ('out_of_hours', datetime.timedelta(0))
        >>> print(first.rule)
        opened as high; the response clock starts (target 1h); outside the hours Mon-Fri 09:00-18:00
    """

    metric: Metric
    cycle: int
    start: dt.datetime
    end: dt.datetime
    state: SegmentState
    severity: str
    business: dt.timedelta
    used: dt.timedelta
    target: dt.timedelta | None
    late: bool
    rule: str


_COLUMNS = (
    Column("metric", "str"),
    Column("cycle", "int"),
    Column("start", "datetime"),
    Column("end", "datetime"),
    Column("state", "category", ("counting", "out_of_hours", "paused", "after_resolution")),
    Column("severity", "str"),
    Column("business", "timedelta"),
    Column("used", "timedelta"),
    Column("target", "timedelta"),
    Column("late", "bool"),
    Column("rule", "str"),
)


def _when(t: dt.datetime | None, tz: dt.tzinfo) -> str:
    if t is None:
        return "-"
    local = t.astimezone(tz)
    text = local.strftime("%a %Y-%m-%d %H:%M")
    if local.second or local.microsecond:
        text += local.strftime(":%S")
    if local.microsecond:
        text += f".{local.microsecond:06d}"
    return text


def _duration(td: dt.timedelta | None) -> str:
    return "no target" if td is None else format_duration(td)


def _verdict(c: CycleStatus, tz: dt.tzinfo) -> str:
    used = f"{_duration(c.elapsed)} used"
    if c.target is not None:
        used += f" of {_duration(c.target)}"
    if c.breached:
        over = c.elapsed - c.target if c.target is not None else _ZERO
        text = f"BREACHED at {_when(c.breached_at, tz)}: {used} ({_duration(over)} over)"
    elif c.phase == "cancelled":
        text = f"cancelled: {used}"
    elif c.target is None:
        text = f"no target: {used}"
    elif c.phase == "met":
        text = f"met: {used}"
    else:
        text = f"{c.phase}, not breached: {used}, due {_when(c.due or c.due_if_resumed, tz)}"
    if c.stopped_at is not None:
        text += f"; stopped {_when(c.stopped_at, tz)}"
    return text


@dataclass(frozen=True, slots=True, repr=False)
class Explanation:
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
    """

    ticket_id: object
    at: dt.datetime
    status: TicketStatus
    cycles: tuple[CycleStatus, ...]
    segments: tuple[TimelineSegment, ...]
    tz: dt.tzinfo = field(repr=False)
    events: tuple[TicketEvent, ...] = field(repr=False)

    def _rows(self) -> list[tuple[object, ...]]:
        return [tuple(getattr(s, c.name) for c in _COLUMNS) for s in self.segments]

    @property
    def table(self) -> Any:
        """The segments as a DataFrame (pandas installed) or a list of dicts.

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> t = dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc)
            >>> e = explain([{"kind": "opened", "at": t, "severity": "high"}],
            ...             default_policy(), at=t + dt.timedelta(hours=1))
            >>> list(e.table["state"])
            ['counting', 'counting']
        """
        return table(_COLUMNS, self._rows(), tz=self.tz)

    def to_frame(self) -> Any:
        """The segments as a pandas DataFrame (ModuleNotFoundError without pandas).

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> t = dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc)
            >>> e = explain([{"kind": "opened", "at": t, "severity": "high"}],
            ...             default_policy(), at=t + dt.timedelta(hours=1))
            >>> str(e.to_frame()["start"].dtype)
            'datetime64[us, Europe/Copenhagen]'
        """
        return frame(_COLUMNS, self._rows(), tz=self.tz)

    def to_records(self) -> list[dict[str, Any]]:
        """The segments as plain dicts.

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> t = dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc)
            >>> e = explain([{"kind": "opened", "at": t, "severity": "high"}],
            ...             default_policy(), at=t + dt.timedelta(hours=1), metric="response")
            >>> e.to_records()[0]["used"]
            datetime.timedelta(seconds=3600)
        """
        return records(_COLUMNS, self._rows())

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
        lines = [f"{who} evaluated at {_when(self.at, self.tz)} ({zone})"]
        header = ("from", "to", "state", "counted", "used", "late", "why")
        for c in self.cycles:
            lines.append("")
            lines.append(f"{c.metric}, cycle {c.number} ({c.severity}): {_verdict(c, self.tz)}")
            segs = [s for s in self.segments if (s.metric, s.cycle) == (c.metric, c.number)]
            rows = [
                (
                    _when(s.start, self.tz),
                    _when(s.end, self.tz),
                    s.state,
                    format_duration(s.business),
                    format_duration(s.used),
                    "yes" if s.late else "no",
                    s.rule,
                )
                for s in segs
            ]
            if rows:
                lines.extend("  " + line for line in render_text(header, rows).splitlines())
            if c.stopped_at is not None:
                lines.append(
                    f"  stopped {_when(c.stopped_at, self.tz)}: {_stop_reason(self.events, c)}"
                )
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        breached = [f"{c.metric} {c.number}" for c in self.cycles if c.breached]
        return (
            f"<Explanation of ticket {self.ticket_id!r} at {self.at.isoformat()}: "
            f"{len(self.cycles)} cycles, {len(self.segments)} segments, breached {breached}>"
        )

    def _repr_html_(self) -> str:
        names = tuple(c.name for c in _COLUMNS)
        verdicts = "; ".join(f"{c.metric} {c.number}: {_verdict(c, self.tz)}" for c in self.cycles)
        title = f"Ticket {self.ticket_id}: {verdicts}" if self.ticket_id is not None else verdicts
        return render_html(title, names, self._rows(), tz=self.tz, limit=200)


# -- building the segments ---------------------------------------------------------------


def _describe(event: TicketEvent, rules: ClockRules, before: str | None) -> str:
    kind = event.kind
    if kind == "opened":
        return f"opened as {event.severity}"
    if kind == "severity_changed":
        how = {
            "carry_elapsed": "the time used so far is kept, the new target applies",
            "recompute": "the cycle is measured as if the new severity had held from its start",
            "restart": "the running cycle is cancelled and a new one starts",
        }[rules.severity_change]
        return (
            f"severity changed from {before} to {event.severity} "
            f"(severity_change={rules.severity_change!r}: {how})"
        )
    if kind == "paused":
        if rules.pause_mode == "exclude":
            return "paused, waiting on the customer: the clock stops (pause_mode='exclude')"
        return (
            "paused, waiting on the customer; pause_mode='ignore_deadline' keeps the clock running"
        )
    if kind == "reopened":
        if rules.reopen == "continue":
            return "reopened: the clock goes on from where it stopped (reopen='continue')"
        return "reopened: a new cycle starts with the full target (reopen='new_cycle')"
    return {
        "resumed": "resumed: the clock runs again",
        "responded": "responded",
        "resolved": "resolved: the clock stops until the ticket is reopened",
        "closed": "closed",
        "customer_replied": "the customer replied",
    }[kind]


def _stop_reason(events: Iterable[TicketEvent], c: CycleStatus) -> str:
    if c.stopped_at is None:  # pragma: no cover - only called for stopped cycles
        return ""
    x = to_us(c.stopped_at)
    kinds = [e.kind for e in events if to_us(e.at) == x]
    if c.phase == "cancelled":
        return "severity changed (severity_change='restart'): the cycle is cancelled"
    for kind in ("responded", "resolved", "closed"):
        if kind in kinds:
            return kind
    return ", ".join(kinds) or "stopped"


@dataclass(slots=True)
class _Ticket:
    """What the events say, as epoch µs, up to the evaluation instant."""

    events: list[tuple[int, TicketEvent]]
    pauses: list[tuple[int, int]]
    gaps: list[tuple[int, int]]
    changes: list[tuple[int, str]]

    def severity_at(self, x: int) -> str:
        name = self.changes[0][1]
        for c, sev in self.changes:
            if c > x:
                break
            name = sev
        return name


def _ticket(events: Iterable[EventLike], at: int) -> _Ticket:
    from slacalc.timers import coerce_events

    ordered = [(x, e) for x, e in coerce_events(events) if x <= at]
    pauses: list[tuple[int, int]] = []
    gaps: list[tuple[int, int]] = []
    changes: list[tuple[int, str]] = []
    paused: int | None = None
    resolved: int | None = None
    for x, e in ordered:
        if e.kind == "opened" or (
            e.kind == "severity_changed" and changes and changes[-1][1] != e.severity
        ):
            assert e.severity is not None
            changes.append((x, e.severity))
        elif e.kind == "paused":
            paused = x
        elif e.kind == "resumed" and paused is not None:
            pauses.append((paused, x))
            paused = None
        elif e.kind in ("resolved", "closed") and resolved is None:
            resolved = x
        elif e.kind == "reopened" and resolved is not None:
            gaps.append((resolved, x))
            resolved = None
    if paused is not None:
        pauses.append((paused, at))
    return _Ticket(ordered, pauses, gaps, changes)


def _inside(x: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= x < b for a, b in spans)


def _closed_rule(cal: BusinessCalendar, a: int) -> str:
    """Why a calendar is closed from ``a``: its hours, and the holidays until it opens."""
    text = f"outside the hours {cal.hours}"
    tz = cal.tz
    day = from_us(a, tz).date()
    last = cal.next_open(from_us(a, tz)).date()
    names: list[str] = []
    while day <= last:
        names.extend(f"{day.isoformat()} {name}" for name in cal.holiday_names(day))
        day += dt.timedelta(days=1)
    if names:
        text += "; holidays: " + ", ".join(names)
    return text


def _cycle_segments(
    c: CycleStatus, t: _Ticket, rules: ClockRules, at: int
) -> list[TimelineSegment]:
    start = to_us(c.started_at)
    end = to_us(c.stopped_at) if c.stopped_at is not None else at
    if end <= start:
        return []
    specs = {s.name: s for s in rules.severities}
    tz = c.started_at.tzinfo or dt.UTC

    # Which severity measures which stretch: per regime (carry_elapsed), the final one
    # (recompute), or the cycle's own (restart: a cycle has a single severity).
    if rules.severity_change == "carry_elapsed":
        regimes = [(start, t.severity_at(start))]
        for x, sev in t.changes:
            if start < x < end and sev != regimes[-1][1]:
                regimes.append((x, sev))
    else:
        regimes = [(start, c.severity)]

    gaps = t.gaps if c.metric == "resolution" and rules.reopen == "continue" else []
    cuts = {start, end}
    for a, b in [*t.pauses, *gaps]:
        cuts.update(x for x in (a, b) if start < x < end)
    cuts.update(x for x, _ in t.changes if start < x < end)
    for i, (a, sev) in enumerate(regimes):
        b = regimes[i + 1][0] if i + 1 < len(regimes) else end
        cal = specs[sev].calendar
        for p, q in cal.open_periods(from_us(a, dt.UTC), from_us(b, dt.UTC)):
            cuts.update(x for x in (to_us(p), to_us(q)) if start < x < end)
    late_from: int | None = None
    if c.breached_at is not None:
        breach = to_us(c.breached_at)
        late_from = breach if any(x == breach for x, _ in t.changes) else breach - _US
        if start < late_from < end:
            cuts.add(late_from)
    points = sorted(cuts)

    def measuring(x: int) -> str:
        for a, sev in reversed(regimes):
            if a <= x:
                return sev
        return regimes[0][1]

    def target_of(sev: str) -> dt.timedelta | None:
        if rules.severity_change == "recompute":
            return c.target
        us = specs[sev].target_us(c.metric, c.started_at)
        return None if us is None else dt.timedelta(microseconds=us)

    out: list[TimelineSegment] = []
    used = _ZERO
    previous: tuple[SegmentState, str, bool] | None = None
    for a, b in itertools.pairwise(points):
        sev_measure = measuring(a)
        cal = specs[sev_measure].calendar
        shown = t.severity_at(a) if rules.severity_change == "recompute" else sev_measure
        state: SegmentState
        if _inside(a, gaps):
            state = "after_resolution"
        elif _inside(a, t.pauses) and rules.pause_mode == "exclude":
            state = "paused"
        elif cal.is_open(from_us(a, dt.UTC)):
            state = "counting"
        else:
            state = "out_of_hours"
        business = (
            cal.elapsed(from_us(a, dt.UTC), from_us(b, dt.UTC)) if state == "counting" else _ZERO
        )
        used += business
        late = late_from is not None and a >= late_from
        key = (state, shown, late)
        happened = [e for x, e in t.events if x == a]
        if previous == key and not happened:
            last = out[-1]
            out[-1] = TimelineSegment(
                last.metric,
                last.cycle,
                last.start,
                from_us(b, tz),
                last.state,
                last.severity,
                last.business + business,
                used,
                last.target,
                last.late,
                last.rule,
            )
            continue
        reasons = [
            _describe(e, rules, t.severity_at(a - 1) if e.kind == "severity_changed" else None)
            for e in happened
        ]
        if a == start:
            target = target_of(shown)
            reasons.append(
                f"the {c.metric.replace('_', '-')} clock starts "
                f"({'no target' if target is None else 'target ' + format_duration(target)})"
            )
        if state == "out_of_hours" and (previous is None or previous[0] != state):
            reasons.append(_closed_rule(cal, a))
        elif state == "counting" and previous is not None and previous[0] == "out_of_hours":
            reasons.append(f"open hours ({cal.hours})")
        if late and (previous is None or not previous[2]):
            reasons.append(
                f"the {_duration(target_of(shown))} target is used up at {_when(c.due, tz)}: "
                f"late from {_when(c.breached_at, tz)}"
            )
        out.append(
            TimelineSegment(
                c.metric,
                c.number,
                from_us(a, tz),
                from_us(b, tz),
                state,
                shown,
                business,
                used,
                target_of(shown),
                late,
                "; ".join(reasons) or state.replace("_", " "),
            )
        )
        previous = key
    return out


def explain_status(outcome: TicketOutcome, metric: Metric | None = None) -> Explanation:
    """The :class:`Explanation` of an analysed ticket (see :meth:`TicketOutcome.explain`)."""
    if metric is not None and metric not in _METRICS:
        from slacalc.errors import InvalidOptionError

        raise InvalidOptionError(
            f"Unknown metric {metric!r}; pass one of {', '.join(repr(m) for m in _METRICS)}."
        )
    at = to_us(outcome.at)
    t = _ticket(outcome.events, at)
    cycles = tuple(c for c in outcome.status.cycles if metric is None or c.metric == metric)
    cycles = tuple(sorted(cycles, key=lambda c: (_METRICS.index(c.metric), c.number)))
    segments: list[TimelineSegment] = []
    for c in cycles:
        segments.extend(_cycle_segments(c, t, outcome.rules, at))
    return Explanation(
        outcome.ticket_id,
        outcome.at.astimezone(outcome.tz),
        outcome.status,
        cycles,
        tuple(segments),
        outcome.tz,
        outcome.events,
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
    report = analyze_tickets({key: ticket}, policy, at)
    if not report.tickets:  # pragma: no cover - a mapping of one ticket gives one ticket
        raise AssertionError("no ticket")
    outcome = report.tickets[0]
    result = explain_status(outcome, metric)
    if ticket_id is None:
        return Explanation(
            None, result.at, result.status, result.cycles, result.segments, result.tz, result.events
        )
    return result
