"""Ticket events: what happened to a ticket, and when.

A ticket is a list of events in time order. Events at the same instant are applied in
a fixed precedence (see :data:`PRECEDENCE`), then in the order given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, TypeAlias, get_args

from slacalc._present.frames import plain
from slacalc._time import to_us
from slacalc.errors import InvalidOptionError, TicketEventError

__all__ = [
    "PRECEDENCE",
    "Correction",
    "CorrectionAction",
    "EventKind",
    "EventLike",
    "ExtraKeys",
    "History",
    "TicketEvent",
    "coerce_events",
    "order_events",
    "where",
]

EventKind: TypeAlias = Literal[
    "opened",
    "severity_changed",
    "responded",
    "resolved",
    "closed",
    "paused",
    "resumed",
    "reopened",
    "customer_replied",
]
"""What happened: ``responded`` is a public response by the support team;
``paused``/``resumed`` bracket waiting on the customer.

Examples:
    >>> import datetime as dt
    >>> from slacalc import TicketEvent
    >>> TicketEvent("paused", dt.datetime(2026, 3, 2, 10, tzinfo=dt.timezone.utc)).kind
    'paused'
"""

PRECEDENCE: tuple[EventKind, ...] = get_args(EventKind)
"""The order events at the same instant are applied in.

The ticket must exist first (``opened``); a field change comes next, so everything at
that instant sees the new severity; then stops before pauses before starts, the order
ServiceNow documents (stop > pause > resume > start) and JSM's (stop > pause > start)
agrees with: ``responded``, ``resolved``, ``closed``, ``paused``, ``resumed``,
``reopened``, ``customer_replied``.

Examples:
    >>> from slacalc.timers import PRECEDENCE
    >>> PRECEDENCE[:3]
    ('opened', 'severity_changed', 'responded')
"""

_RANK = {kind: i for i, kind in enumerate(PRECEDENCE)}
_WITH_SEVERITY = frozenset({"opened", "severity_changed"})
_KEYS = frozenset({"kind", "at", "severity"})


@dataclass(frozen=True, slots=True)
class TicketEvent:
    """One thing that happened to a ticket.

    Args:
        kind: one of ``opened``, ``severity_changed``, ``responded``, ``resolved``,
            ``closed``, ``paused``, ``resumed``, ``reopened``, ``customer_replied``.
        at: when it happened (aware datetime).
        severity: the severity, required for ``opened`` and ``severity_changed`` and
            refused for the others.

    Raises:
        TicketEventError: an unknown kind, or a missing or unexpected severity.
        NaiveDatetimeError: ``at`` has no time zone.

    Examples:
        >>> import datetime as dt
        >>> TicketEvent("opened", dt.datetime(2026, 11, 27, 23, 10, tzinfo=dt.timezone.utc),
        ...             severity="high").kind
        'opened'
    """

    kind: EventKind
    at: dt.datetime
    severity: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in _RANK:
            raise TicketEventError(
                f"Unknown event kind {self.kind!r}; use one of "
                f"{', '.join(repr(k) for k in PRECEDENCE)}."
            )
        to_us(self.at)
        if self.kind in _WITH_SEVERITY:
            if not isinstance(self.severity, str) or not self.severity:
                raise TicketEventError(
                    f"A {self.kind!r} event needs a severity (got {self.severity!r}); "
                    f"pass e.g. {{'kind': {self.kind!r}, 'at': ..., 'severity': 'high'}}."
                )
        elif self.severity is not None:
            raise TicketEventError(
                f"A {self.kind!r} event takes no severity (got {self.severity!r}); use a "
                "'severity_changed' event to change the severity."
            )

    @property
    def rank(self) -> int:
        """The event's place in :data:`PRECEDENCE` (lower is applied first).

        Examples:
            >>> import datetime as dt
            >>> TicketEvent("paused", dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)).rank
            5
        """
        return _RANK[self.kind]


EventLike: TypeAlias = "TicketEvent | Mapping[str, object]"
"""A :class:`TicketEvent`, or a mapping with keys ``kind``, ``at`` and maybe ``severity``.

Examples:
    >>> import datetime as dt
    >>> from slacalc.timers import coerce_events
    >>> at = dt.datetime(2026, 3, 2, 9, tzinfo=dt.timezone.utc)
    >>> events = [{"kind": "opened", "at": at, "severity": "p1"}, TicketEvent("paused", at)]
    >>> [(e.kind, e.severity) for _, e in coerce_events(events)]
    [('opened', 'p1'), ('paused', None)]
"""


History: TypeAlias = Literal["strict", "lenient"]
"""How a replay treats an irregular history (a resume without a pause, a second resolve,
events after ``closed``, ...): ``strict`` refuses it with a :class:`TicketEventError`;
``lenient`` applies a stated rule to each irregular event and records it as a
:class:`Correction` (see docs/concepts/ticket-clocks.md).

Examples:
    >>> from typing import get_args
    >>> from slacalc.timers import History
    >>> get_args(History)
    ('strict', 'lenient')
"""

ExtraKeys: TypeAlias = Literal["forbid", "ignore"]
"""What an event mapping's keys other than ``kind``, ``at`` and ``severity`` do:
``forbid`` refuses them, ``ignore`` drops them (rows read back from a database or from
``DataFrame.to_dict("records")`` carry ``ticket_id`` and other columns).

Examples:
    >>> from typing import get_args
    >>> from slacalc.timers import ExtraKeys
    >>> get_args(ExtraKeys)
    ('forbid', 'ignore')
"""

CorrectionAction: TypeAlias = Literal["ignored", "reordered", "severity_ignored"]
"""What a lenient replay did with an irregular event: ``ignored`` it, ``reordered`` it
into time order, or kept it and ignored the severity it should not carry.

Examples:
    >>> from typing import get_args
    >>> from slacalc.timers import CorrectionAction
    >>> get_args(CorrectionAction)
    ('ignored', 'reordered', 'severity_ignored')
"""


@dataclass(frozen=True, slots=True)
class Correction:
    """One irregular event a lenient replay corrected, and how.

    Attributes:
        index: the event's position in the list as given (from 0).
        at: the event's instant.
        kind: the event's kind.
        problem: what was wrong with it.
        action: what the replay did (see :data:`CorrectionAction`).

    Examples:
        >>> import datetime as dt
        >>> from slacalc.calendar import BusinessCalendar
        >>> from slacalc.timers import ClockRules, SeverityTargets
        >>> rules = ClockRules([SeverityTargets("p1", BusinessCalendar.always("UTC"),
        ...                                     response="1h")])
        >>> t = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)
        >>> events = [{"kind": "opened", "at": t, "severity": "p1"},
        ...           {"kind": "resumed", "at": t + dt.timedelta(minutes=5)}]
        >>> status = rules.evaluate(events, at=t + dt.timedelta(hours=1), history="lenient")
        >>> (c,) = status.corrections
        >>> c.index, c.kind, c.action, c.problem
        (1, 'resumed', 'ignored', 'resumed without being paused')
    """

    index: int
    at: dt.datetime
    kind: EventKind
    problem: str
    action: CorrectionAction


def where(index: int, event: TicketEvent) -> str:
    """How a message names an event: ``event 3 ('paused' at 2026-...)``."""
    return f"event {index} ({event.kind!r} at {event.at.isoformat()})"


def _missing(value: object) -> bool:
    """Whether a cell means "no value": None, NaN, NaT or ``pd.NA``."""
    return value is None or plain(value) is None


def _coerce(
    index: int, event: object, extra: ExtraKeys, lenient: bool, fixes: list[Correction]
) -> TicketEvent:
    """One event as a :class:`TicketEvent`; errors name its index."""
    if isinstance(event, TicketEvent):
        return event
    if not isinstance(event, Mapping):
        raise TicketEventError(
            f"Event {index} is {event!r}, not an event; pass a TicketEvent or a mapping "
            "such as {'kind': 'opened', 'at': <aware datetime>, 'severity': 'high'}."
        )
    if extra == "forbid":
        unknown = sorted(str(k) for k in event if k not in _KEYS)
        if unknown:
            raise TicketEventError(
                f"Event {index} has unknown key(s) {', '.join(repr(k) for k in unknown)}; "
                "an event has 'kind', 'at' and (for opened/severity_changed) 'severity'. "
                "Pass extra='ignore' to ignore other keys (rows of a table)."
            )
    kind, at, severity = event.get("kind"), event.get("at"), event.get("severity")
    for key, value in (("kind", kind), ("at", at)):
        if _missing(value):
            shown = "" if key not in event else f" (it is {value!r})"
            raise TicketEventError(
                f"Event {index} ({dict(event)!r}) has no {key!r}{shown}; add it."
            )
    if not isinstance(at, dt.datetime):
        at = plain(at)
    if severity is not None and not isinstance(severity, str) and _missing(severity):
        severity = None
    if lenient and severity is not None and kind not in _WITH_SEVERITY and kind in _RANK:
        made = TicketEvent(kind, at)  # type: ignore[arg-type]
        fixes.append(
            Correction(
                index,
                made.at,
                made.kind,
                f"a {kind!r} event takes no severity (got {severity!r})",
                "severity_ignored",
            )
        )
        return made
    try:
        return TicketEvent(kind, at, severity)  # type: ignore[arg-type]
    except TicketEventError as exc:
        raise TicketEventError(f"Event {index}: {exc}") from None


def order_events(
    events: Iterable[EventLike], history: History = "strict", extra: ExtraKeys = "forbid"
) -> tuple[list[tuple[int, int, TicketEvent]], list[Correction]]:
    """``(µs, index as given, event)`` in the order applied, and the corrections made.

    Strictly, an event earlier than the one before it raises; leniently the events are
    sorted by instant (stably) and each one that came after a later one is recorded.
    """
    if isinstance(events, (str, bytes, Mapping)):
        raise TicketEventError(
            f"{events!r} is not a list of events; pass a list such as "
            "[{'kind': 'opened', 'at': <aware datetime>, 'severity': 'high'}]."
        )
    if history not in ("strict", "lenient"):
        raise InvalidOptionError(f"history={history!r}; pass 'strict' or 'lenient'.")
    if extra not in ("forbid", "ignore"):
        raise InvalidOptionError(f"extra={extra!r}; pass 'forbid' or 'ignore'.")
    lenient = history == "lenient"
    fixes: list[Correction] = []
    out: list[tuple[int, int, int, TicketEvent]] = []
    latest: tuple[int, int, TicketEvent] | None = None
    for index, raw in enumerate(events):
        event = _coerce(index, raw, extra, lenient, fixes)
        x = to_us(event.at)
        if latest is not None and x < latest[0]:
            if not lenient:
                raise TicketEventError(
                    f"Events are out of order: event {index} ({event.kind!r} at "
                    f"{event.at.isoformat()}) is earlier than the one before it "
                    f"({latest[2].kind!r} at {latest[2].at.isoformat()}); pass events in "
                    "time order, or history='lenient' to sort them."
                )
            fixes.append(
                Correction(
                    index,
                    event.at,
                    event.kind,
                    f"earlier than {where(latest[1], latest[2])}",
                    "reordered",
                )
            )
        else:
            latest = (x, index, event)
        out.append((x, event.rank, index, event))
    out.sort(key=lambda item: item[:3])
    return [(x, index, event) for x, _, index, event in out], fixes


def coerce_events(
    events: Iterable[EventLike], *, history: History = "strict", extra: ExtraKeys = "forbid"
) -> list[tuple[int, TicketEvent]]:
    """Check the events are in time order and sort same-instant events by precedence.

    Args:
        events: :class:`TicketEvent` records or mappings ``{"kind", "at", "severity"}``;
            NaN, NaT, ``pd.NA`` and None in a mapping mean "missing".
        history: ``"lenient"`` sorts events that are out of time order (stably)
            instead of refusing them, and ignores a severity on an event that takes none.
        extra: ``"ignore"`` drops keys other than ``kind``, ``at`` and ``severity``.

    Returns:
        ``(instant in µs, event)`` pairs in the order they are applied.

    Raises:
        TicketEventError: an event is malformed or (strictly) earlier than the one
            before it.
        InvalidOptionError: an unknown ``history`` or ``extra``.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)
        >>> [e.kind for _, e in coerce_events([{"kind": "paused", "at": t},
        ...                                    {"kind": "opened", "at": t, "severity": "high"}])]
        ['opened', 'paused']
        >>> rows = [{"ticket_id": 7, "kind": "opened", "at": t, "severity": "high"},
        ...         {"ticket_id": 7, "kind": "paused", "at": t, "severity": float("nan")}]
        >>> [e.severity for _, e in coerce_events(rows, extra="ignore")]
        ['high', None]
    """
    ordered, _ = order_events(events, history, extra)
    return [(x, event) for x, _, event in ordered]
