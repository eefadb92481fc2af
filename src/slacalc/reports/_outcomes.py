"""Ticket outcomes: every ticket's clocks replayed, one row per ticket, metric and cycle."""

from __future__ import annotations

import contextlib
import copyreg
import datetime as dt
import gc
import io
import itertools
import pickle
import sys
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, fields, is_dataclass, replace
from fractions import Fraction
from functools import partial
from operator import attrgetter
from typing import (
    TYPE_CHECKING,
    Any,
    Generic,
    Literal,
    Protocol,
    TypeAlias,
    TypeVar,
    get_type_hints,
    overload,
)

from slacalc import timers
from slacalc._present.formats import counted
from slacalc._present.frames import Column, columns_of
from slacalc._present.progress import Progress, callback, reported
from slacalc._slots import slots_maker
from slacalc._time import MAX_US, MIN_US, from_us, to_us
from slacalc._validate import check_instance
from slacalc.errors import (
    InvalidOptionError,
    SlacalcError,
    TicketEventError,
    UnknownSeverityError,
)
from slacalc.policy import Agreement, PolicyLike
from slacalc.reports._input import (
    PlainTickets,
    PlainVerbs,
    _for_ticket,
    read_plain_tickets,
    read_tickets,
)
from slacalc.reports._tables import Tabular, render_text
from slacalc.timers import (
    ClockRules,
    CycleStatus,
    History,
    Metric,
    Phase,
    TicketEvent,
    TicketStatus,
)

if TYPE_CHECKING:
    from slacalc.reports._explain import Explanation

__all__ = [
    "OUTCOME_COLUMNS",
    "CycleOutcome",
    "OnError",
    "RejectedTicket",
    "Result",
    "TicketOutcome",
    "TicketOutcomes",
    "analyze_tickets",
    "month_label",
]

Result: TypeAlias = Literal["met", "breached", "pending", "no_target", "cancelled"]
"""A cycle's outcome in one word.

- ``met``: stopped (responded, resolved) within its target;
- ``breached``: used more than its target, whether it has stopped or not (a breach is
  final);
- ``pending``: still running or paused, not breached yet;
- ``no_target``: the severity sets no target for this metric (a work queue); measured,
  never breached;
- ``cancelled``: ended by a severity change under ``severity_change='restart'``.

Examples:
    >>> from typing import get_args
    >>> from slacalc.reports import Result
    >>> get_args(Result)
    ('met', 'breached', 'pending', 'no_target', 'cancelled')
"""

OnError: TypeAlias = Literal["raise", "skip", "collect"]
"""What :func:`analyze_tickets` does with a ticket whose events cannot be replayed:
``raise`` its error (the default), ``skip`` the ticket, or ``collect`` it in
:attr:`TicketOutcomes.rejected` and go on.

Examples:
    >>> from typing import get_args
    >>> from slacalc.reports import OnError
    >>> get_args(OnError)
    ('raise', 'skip', 'collect')
"""

_ZERO = dt.timedelta(0)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RejectedTicket:
    """A ticket :func:`analyze_tickets` left out with ``errors="collect"``, and why.

    Attributes:
        ticket_id: the ticket, as given.
        message: the error's message (it names the ticket, the event's index and its
            instant).
        error: the error's class name, e.g. ``'TicketEventError'``.

    Examples:
        >>> import datetime as dt
        >>> from slacalc.policy import default_policy
        >>> t = dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc)
        >>> tickets = {1: [{"kind": "opened", "at": t, "severity": "high"}],
        ...            2: [{"kind": "opened", "at": t, "severity": "urgent"}]}
        >>> report = analyze_tickets(tickets, default_policy(), errors="collect")
        >>> [t.ticket_id for t in report.tickets], report.rejected[0].error
        ([1], 'UnknownSeverityError')
        >>> report.rejected[0].message[:46]
        "Ticket 2: Unknown severity 'urgent' in event 0"
    """

    ticket_id: object
    message: str
    error: str


def month_label(t: dt.datetime, tz: dt.tzinfo) -> str:
    """The calendar month of ``t`` in ``tz``, as ``'2026-03'``.

    Examples:
        >>> import datetime as dt
        >>> from zoneinfo import ZoneInfo
        >>> t = dt.datetime(2026, 2, 28, 23, 30, tzinfo=dt.UTC)
        >>> month_label(t, dt.UTC), month_label(t, ZoneInfo("Europe/Copenhagen"))
        ('2026-02', '2026-03')
    """
    local = t.astimezone(tz)
    key = local.year * 100 + local.month
    label = _MONTHS.get(key)
    if label is None:  # every row has a month, and a report spans few of them
        label = f"{local.year:04d}-{local.month:02d}"
        if len(_MONTHS) < 4096:
            _MONTHS[key] = label
    return label


_MONTHS: dict[int, str] = {}
_HOUR_US = 3_600_000_000
#: The month of every instant of a UTC hour in a zone, when they share one (None when
#: the hour holds a month's start there): a report's rows are labelled by a look-up.
_MONTH_OF_HOUR: dict[tuple[dt.tzinfo, int], str | None] = {}


def _month_of(x: int, tz: dt.tzinfo) -> str:
    """:func:`month_label` of the instant ``x`` (epoch µs) in ``tz``, without making
    its datetime when its UTC hour lies in one month there."""
    key = (tz, x // _HOUR_US)
    label = _MONTH_OF_HOUR.get(key, "")
    if label == "":
        label = None
        lo = key[1] * _HOUR_US
        hi = lo + _HOUR_US - 1
        if lo >= MIN_US and hi <= MAX_US:
            a, b = from_us(lo, tz), from_us(hi, tz)
            # The same month and offset at both ends: no change of offset inside (tzdata
            # has no two within an hour), so local time runs on within the month.
            if (a.year, a.month) == (b.year, b.month) and a.utcoffset() == b.utcoffset():
                label = month_label(a, tz)
        if len(_MONTH_OF_HOUR) < 100_000:
            _MONTH_OF_HOUR[key] = label
    return label if label is not None else month_label(from_us(x, tz), tz)


def _result(c: CycleStatus) -> Result:
    if c.breached:
        return "breached"
    if c.phase == "cancelled":
        return "cancelled"
    if c.target is None:
        return "no_target"
    if c.phase == "met":
        return "met"
    return "pending"


class _Cycle(Generic[T]):
    """A row's attribute read from its cycle: ``row.elapsed`` is ``row.status.elapsed``."""

    def __init__(self, doc: str, name: str = "") -> None:
        self.__doc__ = doc
        self.name = name

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = self.name or name

    @overload
    def __get__(self, row: None, owner: type) -> _Cycle[T]: ...
    @overload
    def __get__(self, row: CycleOutcome, owner: type) -> T: ...
    def __get__(self, row: CycleOutcome | None, owner: type) -> _Cycle[T] | T:
        if row is None:
            return self
        value: T = getattr(row.status, self.name)
        return value


@dataclass(frozen=True, slots=True)
class CycleOutcome:
    """One row of :func:`analyze_tickets`: one cycle of one clock of one ticket.

    The row is the cycle's :class:`~slacalc.timers.CycleStatus` (``status``) with what
    the report adds: the ticket, the month, the result in one word and the evaluation
    instant. The cycle's figures read through (``row.elapsed`` is
    ``row.status.elapsed``). Times are in the report's zone (the policy's support
    hours). Business figures are measured on the calendar of the severity in force, as
    the ticket clocks do.

    Attributes:
        ticket_id: the ticket, as given.
        month: the calendar month the cycle started in, in the report's zone (``'2026-03'``).
        result: ``met``, ``breached``, ``pending``, ``no_target`` or ``cancelled``
            (see :data:`Result`).
        evaluated_at: the instant the ticket was evaluated at.
        status: the cycle itself, its instants in the report's zone.
        metric: ``response``, ``resolution``, ``next_response`` or ``periodic_update``.
        cycle: the cycle's number within its metric, from 1.
        severity: the severity whose target applies (at the evaluation or when it stopped).
        phase: the clock's phase: ``running``, ``paused``, ``met`` or ``cancelled``.
        started_at: when the cycle started.
        stopped_at: when it stopped, or ``None``.
        target: the target in business time, ``None`` for no target.
        due: the last on-time instant (``None`` while paused or without a target).
        breached: whether more than the target was used.
        breached_at: the first late instant (``due + 1 µs``), when breached.
        elapsed: business time used.
        elapsed_calendar: wall-clock time the clock ran (pauses and resolved spells out).
        paused: wall-clock time spent paused.
        overshoot: business time used beyond the target in force (``elapsed - target``,
            zero when within it; ``None`` without a target). A breach stays a breach when
            the severity is lowered afterwards, so a breached cycle can show zero
            overshoot against its final, looser target.
        percent_used: ``elapsed / target``, an exact ``Fraction`` (``None`` without a target).

    Examples:
        >>> import datetime as dt
        >>> from slacalc.policy import default_policy
        >>> t = dt.datetime(2026, 11, 27, 17, 30, tzinfo=dt.timezone.utc)   # Fri 18:30 CET
        >>> events = [{"kind": "opened", "at": t, "severity": "high"},
        ...           {"kind": "responded", "at": t + dt.timedelta(days=3)}]       # Mon 18:30
        >>> row = analyze_tickets({4711: events}, default_policy()).rows[0]
        >>> row.metric, row.result, row.elapsed.total_seconds(), row.overshoot.total_seconds()
        ('response', 'breached', 32400.0, 28800.0)
        >>> row.status.remaining
        datetime.timedelta(days=-1, seconds=57600)
    """

    ticket_id: object
    month: str
    result: Result
    evaluated_at: dt.datetime
    status: CycleStatus

    def __repr__(self) -> str:
        """``<CycleOutcome 4711 2026-10 breached: resolution #1 high met, 12h 50m of 8h used,
        BREACHED>``: the ticket, month and result, then the cycle."""
        cycle = repr(self.status).removeprefix("<CycleStatus ").removesuffix(">")
        return f"<CycleOutcome {self.ticket_id!r} {self.month} {self.result}: {cycle}>"

    @classmethod
    def from_cycle(
        cls, ticket_id: object, c: CycleStatus, at: dt.datetime, tz: dt.tzinfo
    ) -> CycleOutcome:
        """The row of one :class:`~slacalc.timers.CycleStatus`, times shown in ``tz``.

        Examples:
            >>> import datetime as dt
            >>> from slacalc.calendar import BusinessCalendar
            >>> from slacalc.timers import ClockRules, SeverityTargets
            >>> rules = ClockRules([SeverityTargets("p1", BusinessCalendar.always("UTC"),
            ...                                     response="1h")])
            >>> t = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)
            >>> s = rules.evaluate([{"kind": "opened", "at": t, "severity": "p1"}], at=t)
            >>> CycleOutcome.from_cycle("T1", s.cycles[0], t, dt.timezone.utc).result
            'pending'
        """
        check_instance(c, CycleStatus, what="from_cycle()", hint="pass a cycle of a TicketStatus")
        if c.started_at.tzinfo is not tz:  # every instant of the cycle in the report's zone
            values = {f.name: getattr(c, f.name) for f in fields(c)}
            local: dict[str, Any] = {
                k: v.astimezone(tz) for k, v in values.items() if isinstance(v, dt.datetime)
            }
            c = replace(c, **local)
        return cls(ticket_id, month_label(c.started_at, tz), _result(c), at.astimezone(tz), c)

    metric = _Cycle[Metric]("The clock.")
    cycle = _Cycle[int]("The cycle's number within its metric, from 1.", "number")
    severity = _Cycle[str]("The severity whose target applies.")
    phase = _Cycle[Phase]("The clock's phase.")
    started_at = _Cycle[dt.datetime]("When the cycle started.")
    stopped_at = _Cycle[dt.datetime | None]("When it stopped, or ``None``.")
    target = _Cycle[dt.timedelta | None]("The target in business time.")
    due = _Cycle[dt.datetime | None]("The last on-time instant.")
    breached = _Cycle[bool]("Whether more than the target was used.")
    breached_at = _Cycle[dt.datetime | None]("The first late instant, when breached.")
    elapsed = _Cycle[dt.timedelta]("Business time used.")
    elapsed_calendar = _Cycle[dt.timedelta]("Wall-clock time the clock ran.")
    paused = _Cycle[dt.timedelta]("Wall-clock time spent paused.")
    percent_used = _Cycle[Fraction | None]("``elapsed / target``, exact.")

    @property
    def overshoot(self) -> dt.timedelta | None:
        """Business time used beyond the target in force (zero within it)."""
        c = self.status
        return None if c.target is None else max(c.elapsed - c.target, _ZERO)

    def values(self) -> tuple[object, ...]:
        """The row's values in column order (see :attr:`TicketOutcomes.columns`).

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> t = dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc)
            >>> report = analyze_tickets({7: [{"kind": "opened", "at": t, "severity": "low"}]},
            ...                          default_policy())
            >>> report.rows[0].values()[:6]
            (7, 'response', 1, 'low', '2026-11', 'pending')
        """
        return tuple(getattr(self, name) for name in OUTCOME_COLUMNS)


OUTCOME_COLUMNS: tuple[str, ...] = (
    "ticket_id",
    "metric",
    "cycle",
    "severity",
    "month",
    "result",
    "phase",
    "started_at",
    "stopped_at",
    "target",
    "due",
    "breached",
    "breached_at",
    "elapsed",
    "elapsed_calendar",
    "paused",
    "overshoot",
    "percent_used",
    "evaluated_at",
)
"""The columns of :attr:`TicketOutcomes.table`, in order: attributes of :class:`CycleOutcome`."""


def _hint(name: str) -> object:
    """The type of a row attribute: a field, a field of the cycle read through, or a property."""
    attr = CycleOutcome.__dict__.get(name)
    if isinstance(attr, _Cycle):
        return get_type_hints(CycleStatus)[attr.name]
    if isinstance(attr, property):
        return get_type_hints(attr.fget)["return"]
    return get_type_hints(CycleOutcome)[name]


_HINTS = {name: _hint(name) for name in OUTCOME_COLUMNS}


class _Unmade:
    """A slot for what an outcome's events are made of until they are first read."""

    __slots__ = ("_verbs",)


def _events_when_read(self: _Unmade, name: str) -> object:
    """``__getattr__`` of an outcome whose events a quick replay left unmade: they are
    made from the ticket's verbs the first time they are read, then kept.

    Set on the class after it is made, so that mypy still checks every attribute read
    against the fields' types (a ``__getattr__`` it sees would allow any name).
    """
    try:
        if name != "events":
            raise AttributeError
        verbs: PlainVerbs = _read_verbs(self)
    except AttributeError:
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}") from None
    events = tuple(verbs.events())
    object.__setattr__(self, "events", events)
    return events


setattr(_Unmade, "__getattr__", _events_when_read)  # noqa: B010 (hidden from mypy)
_read_verbs = _Unmade._verbs.__get__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class TicketOutcome(_Unmade):
    """One ticket, replayed: its events, its status at ``at``, and its rows.

    Examples:
        >>> import datetime as dt
        >>> from slacalc.policy import default_policy
        >>> t = dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc)
        >>> report = analyze_tickets({7: [{"kind": "opened", "at": t, "severity": "low"}]},
        ...                          default_policy())
        >>> ticket = report.ticket(7)
        >>> ticket.status.phase, [r.metric for r in ticket.rows]
        ('open', ['response', 'resolution'])
    """

    ticket_id: object
    events: tuple[TicketEvent, ...]
    at: dt.datetime
    status: TicketStatus
    rules: ClockRules = field(repr=False)
    tz: dt.tzinfo = field(repr=False)
    rows: tuple[CycleOutcome, ...] = field(repr=False)
    history: History = field(default="strict", repr=False)

    def __repr__(self) -> str:
        """``<TicketOutcome 4711, 7 events: high closed, response met, resolution BREACHED>``."""
        status = repr(self.status).removeprefix("<TicketStatus ").removesuffix(">")
        events = counted(len(self.events), "event")
        return f"<TicketOutcome {self.ticket_id!r}, {events}: {status}>"

    @property
    def breached(self) -> bool:
        """Whether any of the ticket's clocks breached.

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> t = dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc)
            >>> events = [{"kind": "opened", "at": t, "severity": "critical"},
            ...           {"kind": "responded", "at": t + dt.timedelta(minutes=20)}]
            >>> analyze_tickets({1: events}, default_policy()).ticket(1).breached
            True
        """
        return self.status.breached

    def explain(self, metric: Metric | None = None) -> Explanation:
        """The ticket's timeline as segments with the rule behind each change ("why?").

        Args:
            metric: only this clock (``"response"``, ``"resolution"``, ...); every clock
                that ran by default.

        Returns:
            An :class:`~slacalc.reports.Explanation`.

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> t = dt.datetime(2026, 11, 27, 17, 30, tzinfo=dt.timezone.utc)
            >>> events = [{"kind": "opened", "at": t, "severity": "high"}]
            >>> report = analyze_tickets({1: events}, default_policy(),
            ...                          at=t + dt.timedelta(days=3))
            >>> [s.state for s in report.ticket(1).explain("response").segments]
            ['out_of_hours', 'counting', 'counting', 'out_of_hours']
        """
        from slacalc.reports._explain import Explanation

        status = self.status
        if any(c.timeline is None for c in status.cycles):
            # Analysed without timelines: the replay draws them for this one ticket.
            status = self.rules.evaluate(
                self.events, at=self.at, timeline=True, history=self.history
            )
        return Explanation.from_status(status, self.tz, metric=metric, ticket_id=self.ticket_id)

    def _repr_html_(self) -> str:
        return self.explain()._repr_html_()


@dataclass(frozen=True, slots=True, repr=False)
class TicketOutcomes(Tabular):
    """What :func:`analyze_tickets` returns: every ticket replayed, one row per cycle.

    Iterating gives the rows (:class:`CycleOutcome`); :attr:`table` gives them as a
    pandas DataFrame (aware ``datetime64[us, tz]`` columns, ``timedelta64[us]``
    durations, a categorical ``severity`` in the policy's order, ``period[M]`` months,
    ``percent_used`` as a float) and :meth:`to_records` as a list of dicts.

    Attributes:
        tickets: one :class:`TicketOutcome` per ticket, in order of first appearance.
        rows: every cycle of every ticket, ticket by ticket.
        policy: the policy (or clock rules) the tickets were replayed against.
        tz: the zone the times are shown in (the policy's support hours).
        at: the evaluation instant given, or ``None`` (each ticket at its last event).
        rejected: the tickets left out with ``errors="collect"``, each with the error
            that rejected it (see :class:`RejectedTicket`); empty otherwise.

    Examples:
        >>> import datetime as dt
        >>> from slacalc.policy import default_policy
        >>> t = dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc)
        >>> report = analyze_tickets(
        ...     [{"ticket_id": 1, "kind": "opened", "at": t, "severity": "high"},
        ...      {"ticket_id": 1, "kind": "responded", "at": t + dt.timedelta(minutes=30)}],
        ...     default_policy())
        >>> len(report), [(r.metric, r.result) for r in report]
        (2, [('response', 'met'), ('resolution', 'pending')])
        >>> df = report.to_frame()
        >>> str(df["severity"].dtype), str(df["elapsed"].dtype), len(report.to_records())
        ('category', 'timedelta64[us]', 2)
    """

    tickets: tuple[TicketOutcome, ...]
    rows: tuple[CycleOutcome, ...]
    policy: PolicyLike
    tz: dt.tzinfo
    at: dt.datetime | None
    _index: Mapping[object, TicketOutcome] = field(repr=False, compare=False)
    rejected: tuple[RejectedTicket, ...] = ()

    def _columns(self) -> tuple[Column, ...]:
        return columns_of(_HINTS, {"severity": Agreement.from_policy(self.policy).rules.names})

    def _values(self) -> list[tuple[object, ...]]:
        return [r.values() for r in self.rows]

    def _tz(self) -> dt.tzinfo:
        return self.tz

    def ticket(self, ticket_id: object) -> TicketOutcome:
        """One ticket's outcome by its id.

        Raises:
            InvalidOptionError: no ticket has that id.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> analyze_tickets([], default_policy()).ticket(4711)
            Traceback (most recent call last):
            ...
            slacalc.errors.InvalidOptionError: No ticket 4711 in this report (0 tickets).
        """
        try:
            return self._index[ticket_id]
        except (KeyError, TypeError):
            raise InvalidOptionError(
                f"No ticket {ticket_id!r} in this report ({len(self.tickets)} tickets)."
            ) from None

    def explain(self, ticket_id: object, metric: Metric | None = None) -> Explanation:
        """Why ticket ``ticket_id`` breached (or not): its explained timeline.

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> t = dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc)
            >>> report = analyze_tickets({1: [{"kind": "opened", "at": t, "severity": "high"}]},
            ...                          default_policy(), at=t + dt.timedelta(hours=2))
            >>> report.explain(1, "response").status.response.breached
            True
        """
        return self.ticket(ticket_id).explain(metric)

    @property
    def breaches(self) -> tuple[CycleOutcome, ...]:
        """The rows whose clock breached.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> analyze_tickets([], default_policy()).breaches
            ()
        """
        return tuple(r for r in self.rows if r.breached)

    def __len__(self) -> int:
        return len(self.rows)

    def __repr__(self) -> str:
        name = getattr(self.policy, "name", type(self.policy).__name__)
        rejected = f", {len(self.rejected)} rejected" if self.rejected else ""
        return (
            f"<TicketOutcomes: {counted(len(self.tickets), 'ticket')}{rejected}, "
            f"{counted(len(self.rows), 'cycle')}, "
            f"{len(self.breaches)} breached; policy {name!r}, at "
            f"{'each last event' if self.at is None else self.at.isoformat()}>"
        )

    def __iter__(self) -> Iterator[CycleOutcome]:
        return iter(self.rows)

    _SHOWN = ("ticket_id", "metric", "severity", "result", "due", "elapsed", "overshoot")

    def _shown(self) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
        return self._SHOWN, [tuple(getattr(r, c) for c in self._SHOWN) for r in self.rows]

    def _title(self) -> str:
        return (
            f"Ticket outcomes: {len(self.tickets)} tickets, {len(self.rows)} cycles, "
            f"{len(self.breaches)} breached"
        )

    def to_text(self, limit: int | None = 20) -> str:
        """A text table of the main columns (the first ``limit`` rows; ``None`` for all).

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> t = dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc)
            >>> print(analyze_tickets({1: [{"kind": "opened", "at": t, "severity": "high"}]},
            ...                       default_policy()).to_text())
            ticket_id  metric      severity  result   due               elapsed  overshoot
            ---------  ----------  --------  -------  ----------------  -------  ---------
            1          response    high      pending  2026-11-30 11:00  0s       0s
            1          resolution  high      pending  2026-12-01 09:00  0s       0s
        """
        return render_text(*self._shown(), tz=self.tz, limit=limit)


_Replayed: TypeAlias = "tuple[dt.datetime, TicketStatus] | SlacalcError"
_REJECTED = (TicketEventError, UnknownSeverityError)
#: Tickets per task sent to a worker process: enough to amortise the round trip, few
#: enough to spread the work evenly.
_CHUNK = 500


class _Chooser(Protocol):
    """A policy that picks the clock rules per ticket (a policy history or book)."""

    def rules_for(self, events: Sequence[TicketEvent]) -> ClockRules:
        """The rules that replay a ticket with these events."""


@dataclass(frozen=True, slots=True)
class _Job:
    """What every ticket of one analysis is replayed with (pickled once per worker)."""

    rules: ClockRules | _Chooser
    at: dt.datetime | None
    timeline: bool
    history: History

    def rules_for(self, events: Sequence[TicketEvent]) -> ClockRules:
        """The rules of one ticket: the same for all, or what the policy picks for it."""
        rules = self.rules
        return rules if isinstance(rules, ClockRules) else rules.rules_for(events)

    def replay(self, ticket_id: object, events: list[TicketEvent] | SlacalcError) -> _Replayed:
        """One ticket's evaluation instant and status, or the slacalc error it raised."""
        try:
            if isinstance(events, SlacalcError):
                raise events
            if not events:
                raise TicketEventError(
                    f"Ticket {ticket_id!r} has no events; give it at least an 'opened' event."
                )
            # Events come in time order (tables are sorted, lenient lists too; a strict
            # list out of order is refused whatever ``at`` is), so the last is the latest.
            when = self.at if self.at is not None else events[-1].at
            rules = self.rules
            if not isinstance(rules, ClockRules):
                rules = rules.rules_for(events)
            try:
                status = rules.evaluate(
                    events, at=when, timeline=self.timeline, history=self.history
                )
            except SlacalcError as exc:  # what ``for_ticket`` raises, without its frame
                return _for_ticket(exc, ticket_id)
        except SlacalcError as exc:
            return exc
        return when, status

    def replay_any(
        self,
        ticket_id: object,
        ticket: PlainVerbs | list[TicketEvent] | SlacalcError,
        at_us: int | None,
    ) -> _Replayed:
        """:meth:`replay_verbs` of a ticket read as plain verbs, else :meth:`replay`."""
        if isinstance(ticket, PlainVerbs):
            return self.replay_verbs(ticket_id, ticket, at_us)
        return self.replay(ticket_id, ticket)

    def replay_verbs(self, ticket_id: object, ticket: PlainVerbs, at_us: int | None) -> _Replayed:
        """:meth:`replay` of a ticket read as plain verbs (``at_us``: the job's ``at`` in
        epoch µs), for strict rules that are the same for every ticket, without
        timelines; a ticket the quick replay leaves to the general one gets its events."""
        rules = self.rules
        assert isinstance(rules, ClockRules)
        verbs = ticket.verbs
        when = self.at
        if when is None or at_us is None:
            at_us = verbs[-1][0]  # in order applied, so the latest instant is the last
            when = from_us(at_us, ticket.tz)
        try:
            status = rules._evaluate_verbs(verbs, when, at_us)
        except SlacalcError:  # the general replay raises it again, with its message
            status = None
        if status is None:
            return self.replay(ticket_id, ticket.events())
        return when, status


_new_row = slots_maker(CycleOutcome)
_new_outcome = slots_maker(TicketOutcome)
#: An outcome of a ticket read as plain verbs: its events are made when first read.
_outcome_of_verbs = slots_maker(TicketOutcome, stored_in={"events": "_verbs"})
_WORKER: list[_Job] = []


def _start_worker(job: bytes) -> None:
    """Unpickle the job's values once in a fresh worker process."""
    _WORKER[:] = [_Job(*pickle.loads(job))]


#: An event as its fields' values: plain values pickle several times faster than the
#: record itself, and the worker builds the record again (checking it again).
_EVENT_VALUES = attrgetter(*(f.name for f in fields(TicketEvent) if f.init))
_Packed: TypeAlias = "list[tuple[object, list[tuple[Any, ...]] | PlainVerbs | SlacalcError]]"


def _pack(chunk: PlainTickets) -> _Packed:
    """A chunk of tickets with each event as its fields' values, to send to a worker (a
    ticket read as plain verbs goes as its verbs)."""
    return [
        (
            t,
            events
            if isinstance(events, (SlacalcError, PlainVerbs))
            else [_EVENT_VALUES(e) for e in events],
        )
        for t, events in chunk
    ]


def _replay_chunk(chunk: _Packed, at_us: int | None = None) -> bytes:
    """Replay a chunk of tickets in a worker process; the results pickled compactly
    (``at_us``: the job's ``at`` in epoch µs, for tickets read as plain verbs)."""
    job = _WORKER[0]
    replayed = [
        job.replay_any(
            t,
            events
            if isinstance(events, (SlacalcError, PlainVerbs))
            else [TicketEvent(*v) for v in events],
            at_us,
        )
        for t, events in chunk
    ]
    out = io.BytesIO()
    pickler = pickle.Pickler(out, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _compact_table()
    pickler.dump(replayed)
    return out.getvalue()


def _restore(cls: type[T], *values: object) -> T:
    """A slotted record from its fields' values, set as pickle sets them (no ``__init__``)."""
    record: T = object.__new__(cls)
    for name, value in zip(_FIELDS[cls], values, strict=True):
        object.__setattr__(record, name, value)
    return record


def _record_fields() -> dict[type, tuple[str, ...]]:
    """The fields of each slotted record type of the ticket clocks (statuses, cycles)."""
    return {
        cls: tuple(f.name for f in fields(cls))
        for cls in vars(timers).values()
        if isinstance(cls, type) and is_dataclass(cls) and "__slots__" in vars(cls)
    }


_FIELDS = _record_fields()


def _compact_table() -> dict[type, Callable[[Any], Any]]:
    """How a worker pickles its statuses: each record of the ticket clocks as its values.

    The dataclass default looks a record's fields up again for every record it pickles
    and unpickles, which made unpickling the statuses the largest cost of a pool; a
    fraction goes as two ints instead of text to parse.
    """
    table: dict[type, Callable[[Any], Any]] = {Fraction: _fraction}
    for cls, names in _FIELDS.items():
        table[cls] = partial(_as_values, attrgetter("__class__", *names))
    for cls in (CycleStatus, TicketStatus):
        table[cls] = partial(_own_or_values, table[cls])
    return table


#: What the default reduction of a record rebuilds it with (a dataclass's own way).
_NEWOBJ = vars(copyreg)["__newobj__"]


def _own_or_values(values: Callable[[Any], tuple[object, ...]], record: object) -> object:
    """A status or cycle's own reduction when it has one (a replay's record goes as its
    figures, still deferred), else its values as :func:`_as_values` gives them."""
    reduced = record.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
    if isinstance(reduced, tuple) and reduced[0] is _NEWOBJ:
        return values(record)  # the dataclass way: the values are quicker
    return reduced


def _as_values(values: Callable[[Any], tuple[object, ...]], record: object) -> tuple[object, ...]:
    """A record's reduction for pickle: rebuilt by :func:`_restore` from its values."""
    return _restore, values(record)


def _fraction(f: Fraction) -> tuple[object, ...]:
    """A fraction's reduction for pickle: its two integers."""
    return Fraction, (f.numerator, f.denominator)


def _in_processes(
    job: _Job, tickets: PlainTickets, workers: int, at_us: int | None = None
) -> Generator[_Replayed, None, None]:
    """Each ticket's replay, in order, computed by a pool of ``workers`` processes
    (``at_us``: the job's ``at`` in epoch µs, for tickets read as plain verbs)."""
    size = max(1, min(_CHUNK, -(-len(tickets) // (4 * workers))))
    chunks = [_pack(tickets[i : i + size]) for i in range(0, len(tickets), size)]
    # pickle names a function by its module; take them from the module registered under
    # that name, which is another copy when it was imported twice (pytest's importlib mode).
    here = sys.modules[__name__]
    pool = ProcessPoolExecutor(
        max_workers=min(workers, len(chunks)),
        initializer=here._start_worker,
        initargs=(pickle.dumps((job.rules, job.at, job.timeline, job.history)),),
    )
    try:
        # Forked while the collector is paused (see _collector_paused), the workers
        # never walk the copy of this process's objects they start with.
        for replayed in pool.map(here._replay_chunk, chunks, itertools.repeat(at_us)):
            yield from pickle.loads(replayed)
    finally:  # also when the caller stops early: drop the chunks not started yet
        pool.shutdown(cancel_futures=True)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Automatic garbage collection paused for the block, then restored.

    Reading and replaying tickets makes many objects and no reference cycles, so the
    collector finds nothing to free; its passes over the growing report cost a third
    of the time of a large analysis and made the cost per ticket grow with the count.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def analyze_tickets(
    tickets: object,
    policy: PolicyLike,
    at: dt.datetime | None = None,
    *,
    columns: Mapping[str, str] | None = None,
    timeline: bool = False,
    history: History = "strict",
    errors: OnError = "raise",
    workers: int | None = None,
    progress: Progress = None,
) -> TicketOutcomes:
    """Replay every ticket against the policy: one row per ticket, metric and cycle.

    Each ticket's events are replayed with the policy's ticket clocks
    (:meth:`slacalc.policy.SLAPolicy.evaluate`), exactly as for a
    single ticket; nothing is approximated in bulk.

    **There is no implicit "now".** With ``at=None`` each ticket is evaluated at its own
    last event: a resolved ticket shows its final figures, and a ticket still open at
    the end of the export shows its clocks as of its last event (a running clock has
    used no time since). Pass ``at=`` (the export's instant) to see open tickets as of
    then; events after ``at`` are ignored and tickets opened after it have no rows.

    Args:
        tickets: the events, one per row, in any of these forms:

            * a pandas DataFrame with columns ``ticket_id``, ``kind``, ``at`` (aware
              datetimes) and ``severity`` (for ``opened`` and ``severity_changed`` rows;
              empty otherwise);
            * a list of dicts with the same keys (``severity`` may be left out of rows
              that take none);
            * a mapping ``ticket_id -> events``, each event a
              :class:`~slacalc.timers.TicketEvent` or ``{"kind", "at", "severity"}``.

            Rows of a table are put in time order per ticket (a stable sort: rows at the
            same instant keep their order, then the clocks' precedence applies); event
            lists in a mapping must already be in time order, as for ``evaluate``.
        policy: an :class:`~slacalc.policy.SLAPolicy` or :class:`~slacalc.timers.ClockRules`.
        at: the instant to evaluate every ticket at (aware), or ``None`` for each ticket's
            last event.
        columns: your column names for a table: ``{"ticket_id": "Ticket ID", "kind":
            "Event", "at": "Timestamp", "severity": "Priority"}`` (slacalc's on the left).
        timeline: also draw every clock's timeline, so that explaining a ticket of the
            report needs no second replay (off by default: it costs time in bulk).
        history: ``"strict"`` (default) refuses an irregular history; ``"lenient"``
            corrects each irregular event by a stated rule and records it on the
            ticket's ``status.corrections`` (see :meth:`slacalc.policy.SLAPolicy.evaluate`;
            each ticket's events are put in time order first, so a correction's
            ``index`` counts the events in that order and none is ``reordered``).
        errors: what to do with a ticket whose events cannot be read or replayed (a
            :class:`~slacalc.errors.TicketEventError`, an
            :class:`~slacalc.errors.UnknownSeverityError`): ``"raise"`` it (default),
            ``"skip"`` the ticket, or ``"collect"`` it in :attr:`TicketOutcomes.rejected`.
            A malformed table (a missing column, a cell of the wrong type) raises
            whatever ``errors`` says.
        workers: ``None`` or ``1`` (default) replays in this process; ``2`` or more
            replays the tickets in a pool of that many processes, in chunks, the policy
            sent once to each. The report is the same, in the same order, and
            ``errors`` acts the same. Starting the pool and sending the tickets and
            statuses between processes costs time, so this pays off only with at least
            two free cores and thousands of tickets (benchmarks/README.md has figures);
            the table is still read, and the rows built, in this process. Where
            processes are spawned rather than forked (Windows, macOS), a script must
            call it under ``if __name__ == "__main__":``, as for any process pool.
            Either way, automatic garbage collection is paused during the call (a replay
            makes no reference cycles, and the collector's passes over a large report
            cost up to a third of its time) and restored after it.
        progress: ``None`` (default) for none; a callable ``(done, total)`` called with
            the tickets replayed so far, first with 0, then about every 1 % and at the
            end; or ``True`` for tqdm's bar (a widget in a notebook, text in a
            terminal; ``pip install tqdm``, or the ``progress`` extra).

    Returns:
        A :class:`TicketOutcomes` report.

    Raises:
        MissingColumnError: a table lacks ``ticket_id``, ``kind``, ``at`` or ``severity``.
        ColumnTypeError: a value of the wrong type (the message names the column).
        NaiveDatetimeError: an instant, or ``at``, without a time zone.
        TicketEventError: a ticket's events cannot be replayed (the message starts with
            the ticket's id); only with ``errors="raise"``.
        UnknownSeverityError: a severity the policy does not define (``errors="raise"``).
        InvalidOptionError: a bad ``columns`` mapping, ``policy``, ``history``, ``errors``,
            ``workers`` or ``progress``.
        ModuleNotFoundError: ``progress=True`` while tqdm is not installed.

    Examples:
        >>> import datetime as dt
        >>> from slacalc.policy import default_policy
        >>> cph = default_policy().calendar().tz
        >>> friday = dt.datetime(2026, 11, 27, 17, 40, tzinfo=cph)
        >>> rows = [
        ...     {"ticket_id": 4711, "kind": "opened", "at": friday, "severity": "high"},
        ...     {"ticket_id": 4711, "kind": "responded", "at": friday + dt.timedelta(days=3)},
        ... ]
        >>> report = analyze_tickets(rows, default_policy())
        >>> r = report.rows[0]
        >>> r.metric, r.result, r.due.isoformat(), r.elapsed
        ('response', 'breached', '2026-11-30T09:40:00+01:00', datetime.timedelta(seconds=32400))
        >>> rows.append({"ticket_id": 4712, "kind": "resumed", "at": friday})
        >>> report = analyze_tickets(rows, default_policy(), errors="collect")
        >>> len(report.tickets), report.rejected[0].ticket_id, report.rejected[0].error
        (1, 4712, 'TicketEventError')
        >>> seen = []
        >>> _ = analyze_tickets(rows, default_policy(), errors="skip",
        ...                     progress=lambda done, total: seen.append((done, total)))
        >>> seen
        [(0, 2), (1, 2), (2, 2)]
    """
    if errors not in ("raise", "skip", "collect"):
        raise InvalidOptionError(f"errors={errors!r}; pass 'raise', 'skip' or 'collect'.")
    if history not in ("strict", "lenient"):
        raise InvalidOptionError(f"history={history!r}; pass 'strict' or 'lenient'.")
    if workers is not None and (
        isinstance(workers, bool) or not isinstance(workers, int) or workers < 1
    ):
        raise InvalidOptionError(
            f"workers={workers!r}; pass None or 1 to replay in this process, or a whole "
            "number of processes such as 2."
        )
    report = callback(progress, "tickets")
    agreement = Agreement.from_policy(policy)
    rules: ClockRules | _Chooser = agreement.rules
    if hasattr(policy, "rules_for"):  # a policy history or book: rules per ticket
        rules = policy
    tz = agreement.support.tz
    fixed = None if at is None else from_us(to_us(at), tz)
    with _collector_paused():
        job = _Job(rules, fixed, timeline, history)
        replayed: Generator[_Replayed, None, None]
        read: PlainTickets
        if isinstance(rules, ClockRules) and history == "strict" and not timeline:
            # The usual analysis: the tickets of a table of plain verbs are replayed from
            # the verbs, their event records made only when a reader asks for them.
            read = read_plain_tickets(tickets, columns)
            at_us = None if fixed is None else to_us(fixed)
            if workers is not None and workers > 1 and len(read) > 1:
                replayed = _in_processes(job, read, workers, at_us)
            else:
                replayed = (job.replay_any(ticket_id, events, at_us) for ticket_id, events in read)
        else:
            general = read_tickets(tickets, columns, history)
            read = general
            if workers is None or workers == 1 or len(general) < 2:
                replayed = (job.replay(ticket_id, events) for ticket_id, events in general)
            else:
                replayed = _in_processes(job, general, workers)
        outcomes: list[TicketOutcome] = []
        rows: list[CycleOutcome] = []
        index: dict[object, TicketOutcome] = {}
        rejected: list[RejectedTicket] = []
        pairs: Iterator[
            tuple[tuple[object, list[TicketEvent] | PlainVerbs | SlacalcError], _Replayed]
        ]
        pairs = zip(read, replayed, strict=True)
        if report is not None:
            pairs = reported(pairs, len(read), report)
        with contextlib.closing(replayed):
            for (ticket_id, events), result in pairs:
                if isinstance(result, SlacalcError):
                    if errors == "raise" or not isinstance(result, _REJECTED):
                        raise result
                    if errors == "collect":
                        rejected.append(
                            RejectedTicket(ticket_id, str(result), type(result).__name__)
                        )
                    continue
                assert not isinstance(events, SlacalcError)
                when, status = result
                shown = when.astimezone(tz)
                # A cycle whose instants are in the report's zone already, as most are, is
                # made into a row through the row's slots, not by from_cycle's checks.
                made: list[CycleOutcome] = []
                for c in status.cycles:
                    start, zone = c._start_us()
                    made.append(
                        _new_row(ticket_id, _month_of(start, tz), _result(c), shown, c)
                        if zone is tz
                        else CycleOutcome.from_cycle(ticket_id, c, when, tz)
                    )
                cycles = tuple(made)
                if isinstance(events, PlainVerbs):
                    outcome = _outcome_of_verbs(
                        ticket_id, events, when, status, rules, tz, cycles, history
                    )
                else:
                    outcome = _new_outcome(
                        ticket_id,
                        tuple(events),
                        when,
                        status,
                        job.rules_for(events),
                        tz,
                        cycles,
                        history,
                    )
                outcomes.append(outcome)
                index[ticket_id] = outcome
                rows.extend(cycles)
    return TicketOutcomes(tuple(outcomes), tuple(rows), policy, tz, fixed, index, tuple(rejected))
