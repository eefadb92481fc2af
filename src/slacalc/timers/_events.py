"""Ticket events: what happened to a ticket, and when.

A ticket is a list of events in time order. Events at the same instant are applied in
a fixed precedence (see :data:`PRECEDENCE`), then in the order given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, TypeAlias, get_args

from slacalc._time import to_us
from slacalc.errors import TicketEventError

__all__ = ["PRECEDENCE", "EventKind", "EventLike", "TicketEvent", "coerce_events"]

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


def _coerce(index: int, event: object) -> TicketEvent:
    if isinstance(event, TicketEvent):
        return event
    if not isinstance(event, Mapping):
        raise TicketEventError(
            f"Event {index} is {event!r}, not an event; pass a TicketEvent or a mapping "
            "such as {'kind': 'opened', 'at': <aware datetime>, 'severity': 'high'}."
        )
    unknown = sorted(str(k) for k in event if k not in _KEYS)
    if unknown:
        raise TicketEventError(
            f"Event {index} has unknown key(s) {', '.join(repr(k) for k in unknown)}; "
            "an event has 'kind', 'at' and (for opened/severity_changed) 'severity'."
        )
    for key in ("kind", "at"):
        if key not in event:
            raise TicketEventError(f"Event {index} ({dict(event)!r}) has no {key!r}; add it.")
    return TicketEvent(
        event["kind"],
        event["at"],
        event.get("severity"),
    )


def coerce_events(events: Iterable[EventLike]) -> list[tuple[int, TicketEvent]]:
    """Check the events are in time order and sort same-instant events by precedence.

    Returns:
        ``(instant in µs, event)`` pairs in the order they are applied.

    Raises:
        TicketEventError: an event is malformed or earlier than the one before it.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)
        >>> [e.kind for _, e in coerce_events([{"kind": "paused", "at": t},
        ...                                    {"kind": "opened", "at": t, "severity": "high"}])]
        ['opened', 'paused']
    """
    if isinstance(events, (str, bytes, Mapping)):
        raise TicketEventError(
            f"{events!r} is not a list of events; pass a list such as "
            "[{'kind': 'opened', 'at': <aware datetime>, 'severity': 'high'}]."
        )
    out: list[tuple[int, int, int, TicketEvent]] = []
    previous: tuple[int, TicketEvent] | None = None
    for index, raw in enumerate(events):
        event = _coerce(index, raw)
        x = to_us(event.at)
        if previous is not None and x < previous[0]:
            raise TicketEventError(
                f"Events are out of order: event {index} ({event.kind!r} at "
                f"{event.at.isoformat()}) is earlier than the one before it "
                f"({previous[1].kind!r} at {previous[1].at.isoformat()}); pass events in "
                "time order."
            )
        previous = (x, event)
        out.append((x, event.rank, index, event))
    out.sort(key=lambda item: item[:3])
    return [(x, event) for x, _, _, event in out]
