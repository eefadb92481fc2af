"""What a replay reports: one row per clock cycle, per metric, and per ticket."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, SupportsIndex, TypeAlias

from slacalc._slots import record_maker
from slacalc._time import EPOCH, MAX_US, MIN_US, from_us, resolve_tz
from slacalc._validate import check_instance, check_items
from slacalc.errors import WrongTypeError
from slacalc.timers._events import Correction, TicketEvent

if TYPE_CHECKING:
    from slacalc._present.tables import Table

__all__ = [
    "ClockTimeline",
    "CycleStatus",
    "Metric",
    "MetricStatus",
    "Phase",
    "SegmentState",
    "TicketPhase",
    "TicketStatus",
    "TimelineSegment",
]

Phase: TypeAlias = Literal["not_started", "running", "paused", "met", "cancelled"]
"""A clock's phase at an instant; whether it breached is a separate flag.

Examples:
    >>> from typing import get_args
    >>> from slacalc.timers import Phase
    >>> get_args(Phase)
    ('not_started', 'running', 'paused', 'met', 'cancelled')
"""
Metric: TypeAlias = "str"
"""A clock's name: a built-in one (``response``, ``resolution``, ``next_response``,
``periodic_update``, ``first_resolution``; see :data:`BUILTIN_METRICS`) or one the
rules define (:class:`MetricDefinition`).

Examples:
    >>> from slacalc.timers import BUILTIN_METRICS, Metric
    >>> metric: Metric = "time_to_assign"
    >>> metric in BUILTIN_METRICS
    False
"""
TicketPhase: TypeAlias = Literal["not_opened", "open", "paused", "resolved", "closed"]
"""The ticket's own state at an instant.

Examples:
    >>> from typing import get_args
    >>> from slacalc.timers import TicketPhase
    >>> get_args(TicketPhase)
    ('not_opened', 'open', 'paused', 'resolved', 'closed')
"""
SegmentState: TypeAlias = Literal["counting", "out_of_hours", "paused", "after_resolution"]
"""What a clock does in a segment of its timeline.

- ``counting``: business time is being used;
- ``out_of_hours``: the clock's calendar is closed (evenings, weekends, holidays);
- ``paused``: the ticket waits on the customer and ``pause_mode='exclude'`` stops the
  clock (with ``'ignore_deadline'`` paused time keeps counting and shows as
  ``counting`` or ``out_of_hours``);
- ``after_resolution``: the ticket is resolved, so the clock is stopped, until it is
  reopened (``reopen='continue'``).

Lateness is not a state but the segment's ``late`` flag: a stretch after the target
ran out can be counting, out of hours or paused.

Examples:
    >>> from typing import get_args
    >>> from slacalc.timers import SegmentState
    >>> get_args(SegmentState)
    ('counting', 'out_of_hours', 'paused', 'after_resolution')
"""

_ZERO = dt.timedelta(0)
_Span = dt.timedelta


def instant_at(x: int, tz: dt.tzinfo) -> dt.datetime:
    """Epoch µs as an aware datetime in ``tz`` (``from_us``, with its range check)."""
    if not MIN_US <= x <= MAX_US:
        return from_us(x, tz)  # raises the error that names the range
    if x % 1_000_000:
        return (EPOCH + _Span(0, 0, x)).astimezone(tz)
    return _from_timestamp(x // 1_000_000, tz)


_from_timestamp = dt.datetime.fromtimestamp
_SPANS: dict[int, dt.timedelta] = {}


def span_of(us: int) -> dt.timedelta:
    """``us`` microseconds as a timedelta; the few recurring ones (targets, zero) shared."""
    found = _SPANS.get(us)
    if found is None:
        found = _Span(0, 0, us)
        if us % 60_000_000 == 0 and len(_SPANS) < 4096:
            _SPANS[us] = found
    return found


class Figures(NamedTuple):
    """What a replay measured of a cycle, in epoch µs and µs: its record's figures before
    they are made into datetimes, timedeltas and a fraction (see :class:`CycleStatus`)."""

    tz: dt.tzinfo
    start: int
    stop: int | None
    target: int | None
    elapsed: int
    calendar: int
    paused: int
    breach: int | None
    due: int | None
    resumed: int | None
    warning: int | None
    escalation: int | None

    def in_range(self) -> bool:
        """Whether every instant lies in the years slacalc answers about.

        Examples:
            >>> import datetime as dt
            >>> f = Figures(dt.UTC, 0, None, 60, 60, 60, 0, None, 60, None, None, None)
            >>> f.in_range(), f._replace(due=MAX_US + 1).in_range()
            (True, False)
        """
        # Unpacked at once: a named field's read is a descriptor call each.
        _, start, stop, _, _, _, _, breach, due, resumed, warning, escalation = self
        lo, hi = MIN_US, MAX_US
        return (
            lo <= start <= hi
            and (stop is None or lo <= stop <= hi)
            and (breach is None or lo <= breach <= hi)
            and (due is None or lo <= due <= hi)
            and (resumed is None or lo <= resumed <= hi)
            and (warning is None or lo <= warning <= hi)
            and (escalation is None or lo <= escalation <= hi)
        )


def _instant(x: int | None, tz: dt.tzinfo) -> dt.datetime | None:
    return None if x is None else instant_at(x, tz)


def _remaining(f: Figures) -> dt.timedelta | None:
    return None if f.target is None else span_of(f.target - f.elapsed)


def _percent(f: Figures) -> Fraction | None:
    return None if f.target is None else Fraction(f.elapsed, f.target)


#: How each field of a :class:`CycleStatus` made by the replay is built from its
#: :class:`Figures` when it is first read.
_DEFERRED: dict[str, Callable[[Figures], object]] = {
    "started_at": lambda f: instant_at(f.start, f.tz),
    "stopped_at": lambda f: _instant(f.stop, f.tz),
    "elapsed": lambda f: span_of(f.elapsed),
    "elapsed_calendar": lambda f: span_of(f.calendar),
    "paused": lambda f: span_of(f.paused),
    "remaining": _remaining,
    "percent_used": _percent,
    "breached_at": lambda f: _instant(f.breach, f.tz),
    "due": lambda f: _instant(f.due, f.tz),
    "due_if_resumed": lambda f: _instant(f.resumed, f.tz),
    "next_warning_at": lambda f: _instant(f.warning, f.tz),
    "next_escalation_at": lambda f: _instant(f.escalation, f.tz),
}


class _Deferred:
    """A slot for the figures of a record whose values are made when first read."""

    __slots__ = ("_figures",)

    def __reduce_ex__(self, protocol: SupportsIndex) -> str | tuple[Any, ...]:
        """A record a replay made pickles (and copies) as its figures, still deferred on
        the other side; one built otherwise, as any frozen dataclass does.

        Its fields made so far are made again from the same figures when read, so the
        copy is equal to it. This keeps a pool's statuses small and cheap to send: the
        dataclass way would make every deferred field first.
        """
        try:
            figures = _read_figures(self)
        except AttributeError:
            return super().__reduce_ex__(protocol)
        return _DEFERRED_REDUCTION[type(self)](self, figures)


@dataclass(frozen=True, slots=True)
class TimelineSegment:
    """A stretch of one clock cycle in which the clock did one thing.

    Attributes:
        metric: the clock (``response``, ``resolution``, ...).
        cycle: the cycle's number within its metric.
        start: where the segment starts (included), in the calendar's zone.
        end: where it ends (excluded).
        state: ``counting``, ``out_of_hours``, ``paused`` or ``after_resolution``.
        severity: the severity in force during the segment.
        business: the business time the segment counted.
        used: the business time used by the segment's end, from the cycle's start.
        target: the target that applied during the segment (``None``: no target).
        late: whether the segment lies after the target ran out.
        rule: why the clock is in this state from ``start`` (the events and rules).
        events: the events at ``start`` that changed the clock (none when the calendar
            did, or the target ran out).

    Examples:
        >>> import datetime as dt
        >>> from slacalc.calendar import BusinessCalendar
        >>> from slacalc.timers import ClockRules, SeverityTargets
        >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
        >>> rules = ClockRules([SeverityTargets("p1", cal, response="1h")])
        >>> t = dt.datetime(2026, 1, 5, 16, 30, tzinfo=dt.timezone.utc)
        >>> s = rules.evaluate([{"kind": "opened", "at": t, "severity": "p1"}],
        ...                    at=t + dt.timedelta(hours=17), timeline=True)
        >>> [(g.state, str(g.business)) for g in s.response.current.timeline.segments]
        [('counting', '0:30:00'), ('out_of_hours', '0:00:00'), ('counting', '0:30:00')]
        >>> print(s.response.current.timeline.segments[1].rule)
        outside the hours Mon-Fri 09:00-17:00
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
    events: tuple[TicketEvent, ...] = ()


@dataclass(frozen=True, slots=True)
class ClockTimeline:
    """A clock cycle from its start to its stop (or the evaluation instant), segment by segment.

    The segments are contiguous, cover the cycle, and their business time adds up to
    the cycle's ``elapsed`` exactly. A cycle that stopped where it started has none.

    Attributes:
        segments: the segments in time order.
        stopped_by: why the cycle stopped (the event, or the rule that cancelled it);
            ``None`` while it runs.

    Examples:
        >>> import datetime as dt
        >>> from slacalc.calendar import BusinessCalendar
        >>> from slacalc.timers import ClockRules, SeverityTargets
        >>> rules = ClockRules([SeverityTargets("p1", BusinessCalendar.always("UTC"),
        ...                                     response="1h")])
        >>> t = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)
        >>> events = [{"kind": "opened", "at": t, "severity": "p1"},
        ...           {"kind": "responded", "at": t + dt.timedelta(hours=2)}]
        >>> line = rules.evaluate(events, at=t + dt.timedelta(hours=3),
        ...                       timeline=True).response.current.timeline
        >>> [(g.state, g.late) for g in line.segments], line.stopped_by
        ([('counting', False), ('counting', True)], 'responded')
    """

    segments: tuple[TimelineSegment, ...]
    stopped_by: str | None


@dataclass(frozen=True, slots=True)
class CycleStatus(_Deferred):
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
        escalation_level: the highest escalation level reached (0 before the breach or
            when there are no escalations).
        next_escalation_at: when the next escalation level is reached, for a breached
            clock that has not stopped; else ``None``.
        timeline: the cycle's :class:`ClockTimeline` when the evaluation asked for it
            (``evaluate(..., timeline=True)``), else ``None``. It takes no part in
            comparisons: two statuses with the same figures are equal.

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
    escalation_level: int = 0
    next_escalation_at: dt.datetime | None = None
    timeline: ClockTimeline | None = field(default=None, repr=False, compare=False)

    def __repr__(self) -> str:
        """``<CycleStatus response #1 high met, 40m of 1h used>`` (``BREACHED`` when late)."""
        late = ", BREACHED" if self.breached else ""
        head = f"{self.metric} #{self.number} {self.severity} {self.phase.replace('_', ' ')}"
        return f"<CycleStatus {head}, {_used_text(self.elapsed, self.target)}{late}>"

    def _start_us(self) -> tuple[int, dt.tzinfo | None]:
        """The start in epoch µs and the zone ``started_at`` is shown in, read from the
        figures a replay kept without making ``started_at`` (a report's month needs no
        more).

        Examples:
            >>> import datetime as dt
            >>> from slacalc.calendar import BusinessCalendar
            >>> from slacalc.timers import ClockRules, SeverityTargets
            >>> rules = ClockRules([SeverityTargets("p1", BusinessCalendar.always("UTC"),
            ...                                     response="1h")])
            >>> t = dt.datetime(1970, 1, 1, 0, 0, 1, tzinfo=dt.timezone.utc)
            >>> c = rules.evaluate([{"kind": "opened", "at": t, "severity": "p1"}], at=t)
            >>> c.response.cycles[0]._start_us()
            (1000000, datetime.timezone.utc)
        """
        try:
            figures: Figures = _read_figures(self)
        except AttributeError:
            start = self.started_at
            return (start - EPOCH) // _ONE_US, start.tzinfo
        return figures.start, figures.tz


def _made_when_read(self: _Deferred, name: str) -> object:
    """``__getattr__`` of a record whose fields a replay left unset: each one is made
    from the record's figures the first time it is read, then kept.

    Set on the class after it is made, so that mypy still checks every attribute read
    against the fields' types (a ``__getattr__`` it sees would allow any name).
    """
    makers = _DEFERRED_OF[type(self)]
    make = makers.get(name)
    try:
        if make is None:
            raise AttributeError
        figures = _read_figures(self)
    except AttributeError:
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}") from None
    value = make(figures)
    object.__setattr__(self, name, value)
    # The figures a reader of this one usually reads next are made with it.
    for other in _TOGETHER_OF.get(type(self), _ALONE).get(name, ()):
        object.__setattr__(self, other, makers[other](figures))
    return value


setattr(_Deferred, "__getattr__", _made_when_read)  # noqa: B010 (hidden from mypy)
_read_figures = _Deferred._figures.__get__  # type: ignore[attr-defined]


def figures_of(c: CycleStatus) -> Figures | None:
    """The figures a replay kept for ``c`` (``None`` for a record built otherwise)."""
    try:
        figures: Figures = _read_figures(c)
    except AttributeError:
        return None
    return figures


def deferred_cycle(
    metric: Metric,
    number: int,
    severity: str,
    phase: Phase,
    figures: Figures,
    warning_level: int,
    escalation_level: int,
) -> CycleStatus:
    """A replay's cycle record whose instants, spans and fraction are made when read
    (the target, which most readers ask for, is made at once).

    The instants must be in range (``figures.in_range()``): the check that raises for
    one outside it belongs to the replay, not to a later read.
    """
    target = None if figures.target is None else span_of(figures.target)
    return _make_cycle(
        metric, number, severity, phase, target, figures.breach is not None, warning_level,
        escalation_level, figures,
    )  # fmt: skip


# The slots a replay sets on its records, in the order their makers take them; the
# figures go last, into the slot the fields made when read are made from.
_CYCLE_SET = (
    "metric", "number", "severity", "phase", "target", "breached", "warning_level",
    "escalation_level",
)  # fmt: skip
_STATUS_SET = (
    "phase", "severity", "response", "resolution", "next_response", "periodic_update",
    "cycles", "breached", "corrections", "metrics",
)  # fmt: skip
_make_cycle: Callable[..., CycleStatus] = record_maker(
    CycleStatus,
    [
        *(CycleStatus.__dict__[name] for name in _CYCLE_SET),
        _Deferred._figures,  # type: ignore[attr-defined]
    ],
    [(CycleStatus.__dict__["timeline"], None)],
)


@dataclass(frozen=True, slots=True)
class MetricStatus:
    """One clock of a ticket at an instant: its current cycle, plus every cycle so far.

    ``current`` is the latest cycle (``None`` before the clock first starts); ``cycles``
    lists all of them, completed ones included. The figures of the current cycle read
    through: ``phase``, ``due``, ``elapsed`` and the rest are ``current``'s, with
    ``phase='not_started'`` and empty values while there is none.

    Attributes:
        metric: which clock.
        current: the latest cycle, or ``None``.
        cycles: every cycle so far, the current one last.

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
        >>> s.response.current is s.response.cycles[-1], s.response.target
        (True, datetime.timedelta(seconds=3600))
        >>> s.response
        <MetricStatus response due Mon 2026-01-05 10:00, 0s of 1h used>
    """

    metric: Metric
    current: CycleStatus | None
    cycles: tuple[CycleStatus, ...]

    def __repr__(self) -> str:
        """``<MetricStatus response running, 20m of 1h used, due Mon 2026-11-30 10:00>``."""
        return f"<MetricStatus {_clock_summary(self)}, {_used_text(self.elapsed, self.target)}>"

    @classmethod
    def from_cycles(cls, metric: Metric, cycles: tuple[CycleStatus, ...]) -> MetricStatus:
        """The metric's status from its cycles (the last one is the current one).

        Examples:
            >>> MetricStatus.from_cycles("response", ()).phase
            'not_started'
        """
        hint = "pass the cycles of a TicketStatus"
        check_items(cycles, what="cycles", hint=hint, error=WrongTypeError)
        cycles = tuple(cycles)
        for cycle in cycles:
            check_instance(cycle, CycleStatus, what="from_cycles()", hint=hint)
        return cls(metric, cycles[-1] if cycles else None, cycles)

    @property
    def phase(self) -> Phase:
        """The current cycle's phase; ``'not_started'`` before the first."""
        return "not_started" if self.current is None else self.current.phase

    @property
    def severity(self) -> str | None:
        """The severity whose target applies to the current cycle."""
        return None if self.current is None else self.current.severity

    @property
    def started_at(self) -> dt.datetime | None:
        """When the current cycle started."""
        return None if self.current is None else self.current.started_at

    @property
    def stopped_at(self) -> dt.datetime | None:
        """When the current cycle stopped, if it did."""
        return None if self.current is None else self.current.stopped_at

    @property
    def target(self) -> dt.timedelta | None:
        """The current cycle's target in business time."""
        return None if self.current is None else self.current.target

    @property
    def elapsed(self) -> dt.timedelta:
        """Business time used by the current cycle."""
        return _ZERO if self.current is None else self.current.elapsed

    @property
    def elapsed_calendar(self) -> dt.timedelta:
        """Wall-clock time the current cycle ran."""
        return _ZERO if self.current is None else self.current.elapsed_calendar

    @property
    def paused(self) -> dt.timedelta:
        """Wall-clock time the current cycle spent paused."""
        return _ZERO if self.current is None else self.current.paused

    @property
    def remaining(self) -> dt.timedelta | None:
        """The current cycle's ``target - elapsed``."""
        return None if self.current is None else self.current.remaining

    @property
    def percent_used(self) -> Fraction | None:
        """The current cycle's ``elapsed / target``, exact."""
        return None if self.current is None else self.current.percent_used

    @property
    def breached(self) -> bool:
        """Whether the current cycle breached."""
        return self.current is not None and self.current.breached

    @property
    def breached_at(self) -> dt.datetime | None:
        """The current cycle's breach instant."""
        return None if self.current is None else self.current.breached_at

    @property
    def due(self) -> dt.datetime | None:
        """The current cycle's last on-time instant."""
        return None if self.current is None else self.current.due

    @property
    def due_if_resumed(self) -> dt.datetime | None:
        """For a paused current cycle, the deadline if it resumed at ``at``."""
        return None if self.current is None else self.current.due_if_resumed

    @property
    def warning_level(self) -> int:
        """How many warning thresholds the current cycle has reached."""
        return 0 if self.current is None else self.current.warning_level

    @property
    def next_warning_at(self) -> dt.datetime | None:
        """When the current cycle reaches its next warning threshold."""
        return None if self.current is None else self.current.next_warning_at

    @property
    def escalation_level(self) -> int:
        """The highest escalation level the current cycle has reached (0 for none)."""
        return 0 if self.current is None else self.current.escalation_level

    @property
    def next_escalation_at(self) -> dt.datetime | None:
        """When the current cycle reaches its next escalation level."""
        return None if self.current is None else self.current.next_escalation_at


class MetricMap(dict[str, "MetricStatus"]):
    """Every clock of a ticket by name; ``first_response`` finds ``response`` too.

    Examples:
        >>> MetricMap(response=None).get("first_response", "none") is None
        True
    """

    def __missing__(self, key: str) -> MetricStatus:
        if key == "first_response" and "response" in self:
            return self["response"]
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        return super().__contains__("response" if key == "first_response" else key)

    def get(self, key: str, default: object = None) -> Any:
        """The clock called ``key`` (``first_response`` is ``response``), or ``default``."""
        return super().get("response" if key == "first_response" else key, default)


@dataclass(frozen=True, slots=True)
class TicketStatus(_Deferred):
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
        corrections: what a lenient replay corrected, one :class:`Correction` per
            irregular event up to ``at``, in the order the events were given (always
            empty for a strict replay, which refuses such events).
        metrics: every clock by name, the built-in ones and those the rules add
            (``status.metrics["time_to_assign"]``).

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
    corrections: tuple[Correction, ...] = ()
    metrics: Mapping[str, MetricStatus] = field(default_factory=dict, compare=False)

    def clocks(self) -> tuple[MetricStatus, ...]:
        """The clocks the ticket has: response and resolution, and the optional two if set.

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> t = dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc)
            >>> s = default_policy().evaluate([{"kind": "opened", "at": t, "severity": "high"}],
            ...                               at=t)
            >>> [m.metric for m in s.clocks()]
            ['response', 'resolution']
        """
        clocks = (self.response, self.resolution, self.next_response, self.periodic_update)
        return tuple(m for m in clocks if m is not None)

    def __repr__(self) -> str:
        """``<TicketStatus high open, response met, resolution due Tue 2026-12-01 15:30>``."""
        clocks = ", ".join(_clock_summary(m) for m in (self.response, self.resolution))
        severity = f"{self.severity} " if self.severity is not None else ""
        return f"<TicketStatus {severity}{self.phase}, {clocks}>"

    def _heading(self, tz: dt.tzinfo | None) -> list[str]:
        """The lines above the table: the ticket's state, and what is due next."""
        from slacalc._present.formats import instant_text

        verdict = "BREACHED" if self.breached else "on time"
        severity = "-" if self.severity is None else repr(self.severity)
        at = instant_text(self.at, tz, offset=True)
        return [
            f"ticket at {at}: {self.phase}, severity {severity}, {verdict}",
            f"next due: {instant_text(self.next_due, tz, offset=True)}",
        ]

    def _table(self) -> Table:
        """Every clock as a row (business time in hours); breached clocks marked."""
        from slacalc._present.tables import Table

        clocks = self.clocks()
        return Table(
            ("clock", "state", "used", "target", "remaining", "due"),
            tuple(_clock_row(m) for m in clocks),
            marked=tuple(i for i, m in enumerate(clocks) if m.breached),
        )

    def to_text(self, tz: dt.tzinfo | str | None = None) -> str:
        """The ticket's state and a table of its clocks, as ``slacalc status`` prints them.

        Args:
            tz: show the instant it was evaluated at in this zone, a tzinfo or an IANA
                name (default: its own).

        Raises:
            UnknownTimezoneError: ``tz`` is neither a tzinfo nor a known zone's name.

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> policy = default_policy()
            >>> t = dt.datetime(2026, 11, 30, 9, tzinfo=policy.calendar().tz)
            >>> s = policy.evaluate([{"kind": "opened", "at": t, "severity": "high"},
            ...                      {"kind": "responded", "at": t + dt.timedelta(minutes=40)}],
            ...                     at=t + dt.timedelta(hours=2))
            >>> s
            <TicketStatus high open, response met, resolution due Mon 2026-11-30 17:00>
            >>> print(s.to_text())
            ticket at Mon 2026-11-30 11:00 +01:00: open, severity 'high', on time
            next due: Mon 2026-11-30 17:00 +01:00
            clock       state    used  target  remaining  due
            response    met      40m   1h      20m        Mon 2026-11-30 10:00 +01:00
            resolution  running  2h    8h      6h         Mon 2026-11-30 17:00 +01:00
        """
        from slacalc._present.tables import table_text

        zone = tz if tz is None or isinstance(tz, dt.tzinfo) else resolve_tz(tz)
        return "\n".join([*self._heading(zone), table_text(self._table())])

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        """The ticket in a notebook: its state, then its clocks as a table, breaches in red."""
        from slacalc._present.tables import result_html

        head, due = self._heading(None)
        return result_html(head, [due], self._table())


class StatusFigures(NamedTuple):
    """What a replay keeps of a status's instants until they are read: the evaluation
    instant in epoch µs and the zone to show it in, and the cycle whose deadline is next."""

    at: int
    zone: dt.tzinfo
    next_cycle: CycleStatus | None


def _next_due(f: StatusFigures) -> dt.datetime | None:
    return None if f.next_cycle is None else f.next_cycle.due


def _next_breach(f: StatusFigures) -> dt.datetime | None:
    due = _next_due(f)
    return None if due is None else due + _ONE_US


_ONE_US = dt.timedelta(microseconds=1)
_DEFERRED_OF: dict[type, dict[str, Callable[[Any], object]]] = {
    CycleStatus: _DEFERRED,
    TicketStatus: {
        "at": lambda f: instant_at(f.at, f.zone),
        "next_due": _next_due,
        "next_breach_at": _next_breach,
    },
}


#: A cycle's start is read alone (a report's month); reading any other deferred figure
#: of a cycle makes all the others too, as a reader of one of them usually reads the rest.
_TOGETHER_OF: dict[type, dict[str, tuple[str, ...]]] = {
    CycleStatus: {
        name: tuple(other for other in _DEFERRED if other not in (name, "started_at"))
        for name in _DEFERRED
        if name != "started_at"
    }
}
_ALONE: dict[str, tuple[str, ...]] = {}


def deferred_status(
    phase: TicketPhase,
    severity: str,
    metrics: dict[str, MetricStatus],
    cycles: tuple[CycleStatus, ...],
    breached: bool,
    corrections: tuple[Correction, ...],
    figures: StatusFigures,
) -> TicketStatus:
    """A replay's status of an opened ticket whose instants are made when read.

    ``figures.next_cycle`` is a cycle the replay made (its ``due`` in range); the
    evaluation instant is in range, as the replay has read it.
    """
    return _make_status(
        phase, severity, metrics["response"], metrics["resolution"],
        metrics.get("next_response"), metrics.get("periodic_update"), cycles, breached,
        corrections, MetricMap(metrics), figures,
    )  # fmt: skip


_make_status: Callable[..., TicketStatus] = record_maker(
    TicketStatus,
    [
        *(TicketStatus.__dict__[name] for name in _STATUS_SET),
        _Deferred._figures,  # type: ignore[attr-defined]
    ],
)


def _cycle_reduction(c: Any, figures: Figures) -> tuple[Any, ...]:
    return deferred_cycle, (
        c.metric,
        c.number,
        c.severity,
        c.phase,
        figures,
        c.warning_level,
        c.escalation_level,
    )


def _status_reduction(s: Any, figures: StatusFigures) -> tuple[Any, ...]:
    return deferred_status, (
        s.phase,
        s.severity,
        dict(s.metrics),
        s.cycles,
        s.breached,
        s.corrections,
        figures,
    )


#: How each kind of deferred record is rebuilt, from its fields and its figures.
_DEFERRED_REDUCTION: dict[type, Callable[[Any, Any], tuple[Any, ...]]] = {
    CycleStatus: _cycle_reduction,
    TicketStatus: _status_reduction,
}


def _clock_summary(m: MetricStatus) -> str:
    """A clock in a few words: ``'response met'``, ``'resolution due Tue 2026-12-01 15:30'``."""
    from slacalc._present.formats import instant_text

    if m.breached:
        return f"{m.metric} BREACHED"
    if m.phase == "running" and m.due is not None:
        return f"{m.metric} due {instant_text(m.due)}"
    if m.phase == "running":
        return f"{m.metric} running, no target"
    return f"{m.metric} {m.phase.replace('_', ' ')}"


def _used_text(elapsed: dt.timedelta, target: dt.timedelta | None) -> str:
    """Business time used against the target: ``'40m of 1h used'``, ``'2h used, no target'``.

    Examples:
        >>> _used_text(dt.timedelta(minutes=40), dt.timedelta(hours=1))
        '40m of 1h used'
    """
    from slacalc.uptime import format_duration

    used = format_duration(elapsed, "hours")
    if target is None:
        return f"{used} used, no target"
    return f"{used} of {format_duration(target, 'hours')} used"


def _clock_row(m: MetricStatus) -> tuple[str, ...]:
    """A clock as a row of the status table: its state, business time in hours, when due."""
    from slacalc._present.formats import instant_text
    from slacalc.uptime import format_duration

    def hours(value: dt.timedelta | None) -> str:
        return "-" if value is None else format_duration(value, "hours")

    state = f"{m.phase}, BREACHED" if m.breached else m.phase
    due = m.due if m.due is not None or m.phase != "paused" else m.due_if_resumed
    due_text = instant_text(due, offset=True) + (" if resumed now" if m.due is None and due else "")
    return (m.metric, state, hours(m.elapsed), hours(m.target), hours(m.remaining), due_text)
