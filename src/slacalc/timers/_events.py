"""Ticket events: what happened to a ticket, and when.

A ticket is a list of events in time order. Events at the same instant are applied in
a fixed precedence (see :data:`PRECEDENCE`), then in the order given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Literal, TypeAlias, cast, get_args

from slacalc._compiled import SPEEDUPS
from slacalc._present.frames import plain
from slacalc._slots import slots_maker
from slacalc._time import offset_us, to_us, wall_epoch
from slacalc._validate import check_items, shown
from slacalc.errors import InvalidOptionError, SlacalcError, TicketEventError

__all__ = [
    "PRECEDENCE",
    "Author",
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
    "field_changed",
    "group_changed",
    "assigned",
    "responded",
    "resolved",
    "closed",
    "paused",
    "resumed",
    "reopened",
    "customer_replied",
    "status",
    "reply",
]
"""What happened.

The nine verbs: ``opened``, ``severity_changed``, ``responded`` (a public response by
the support team), ``resolved``, ``closed``, ``paused``/``resumed`` (waiting on the
customer), ``reopened`` and ``customer_replied``. The helpdesk's own language:
``status`` (the ticket's status changed; its category in the rules' status table says
which verb it amounts to), ``reply`` (a reply or note with an ``author`` and
``public``), ``assigned`` (an ``assignee``, or none), ``group_changed`` and
``field_changed`` (custom ``fields``).

Examples:
    >>> import datetime as dt
    >>> from slacalc import TicketEvent
    >>> TicketEvent("paused", dt.datetime(2026, 3, 2, 10, tzinfo=dt.timezone.utc)).kind
    'paused'
"""

Author: TypeAlias = Literal["customer", "agent", "system"]
"""Who wrote a ``reply``, or opened a ticket: the ``customer``, an ``agent`` of the support
team, or the ``system`` (automations, bots).

Examples:
    >>> from typing import get_args
    >>> from slacalc.timers import Author
    >>> get_args(Author)
    ('customer', 'agent', 'system')
"""

PRECEDENCE: tuple[EventKind, ...] = get_args(EventKind)[:12]
"""The order events at the same instant are applied in.

The ticket must exist first (``opened``); field changes come next (severity, custom
fields, group, assignee), so everything at that instant sees the new values; then stops
before pauses before starts, the order ServiceNow documents (stop > pause > resume >
start) and JSM's (stop > pause > start) agrees with: ``responded``, ``resolved``,
``closed``, ``paused``, ``resumed``, ``reopened``, ``customer_replied``. A ``status``
event takes the place of the verb it amounts to, a public ``reply`` that of
``responded`` (by an agent) or ``customer_replied`` (by the customer); an internal note
or a system reply comes last.

Examples:
    >>> from slacalc.timers import PRECEDENCE
    >>> PRECEDENCE[:3]
    ('opened', 'severity_changed', 'field_changed')
"""

_RANK: dict[str, int] = {kind: i for i, kind in enumerate(PRECEDENCE)}
_RANK["status"] = _RANK["resumed"]  # refined by the status's category in a replay
_RANK["reply"] = len(PRECEDENCE)  # refined by author and public in ``rank``
_WITH_SEVERITY = frozenset({"opened", "severity_changed"})
_AUTHORS: tuple[str, ...] = get_args(Author)
# Which kinds may carry which attribute (``fields`` goes with every kind).
_ALLOWED: dict[str, frozenset[str]] = {
    "status": frozenset({"opened", "status"}),
    "author": frozenset({"opened", "reply"}),
    "public": frozenset({"reply"}),
    "assignee": frozenset({"opened", "assigned"}),
    "group": frozenset({"opened", "assigned", "group_changed"}),
}
_EXAMPLE = {
    "status": "{'kind': 'status', 'at': ..., 'status': 'pending'}",
    "reply": "{'kind': 'reply', 'at': ..., 'author': 'agent', 'public': True}",
    "group_changed": "{'kind': 'group_changed', 'at': ..., 'group': 'second line'}",
    "field_changed": "{'kind': 'field_changed', 'at': ..., 'fields': {'due_at': ...}}",
}


@dataclass(frozen=True, slots=True)
class TicketEvent:
    """One thing that happened to a ticket.

    Args:
        kind: what happened (see :data:`EventKind`).
        at: when it happened (aware datetime).
        severity: the severity, required for ``opened`` and ``severity_changed`` and
            refused for the others.
        status: the new status, required for ``status``; ``opened`` may name the status
            the ticket is born in.
        author: who wrote a ``reply`` (required) or opened the ticket: ``customer``,
            ``agent`` or ``system``.
        public: whether a ``reply`` is public (the default) or an internal note.
        assignee: who the ticket is ``assigned`` to (``None``: nobody).
        group: the group or team, for ``group_changed`` (required), ``assigned`` and
            ``opened``.
        fields: custom fields set at this instant, e.g. ``{"due_at": <datetime>}``
            (required for ``field_changed``; any event may carry them). ``None`` as a
            value clears the field.

    Raises:
        TicketEventError: an unknown kind, a missing attribute the kind requires, or an
            attribute the kind does not take.
        NaiveDatetimeError: ``at`` has no time zone.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 11, 27, 23, 10, tzinfo=dt.timezone.utc)
        >>> TicketEvent("opened", t, severity="high").kind
        'opened'
        >>> TicketEvent("reply", t, author="customer").public
        True
        >>> TicketEvent("field_changed", t, fields={"issue_type": "incident"}).field_map
        {'issue_type': 'incident'}
    """

    kind: EventKind
    at: dt.datetime
    severity: str | None = None
    status: str | None = None
    author: Author | None = None
    public: bool | None = None
    assignee: str | None = None
    group: str | None = None
    fields: tuple[tuple[str, object], ...] = ()

    if TYPE_CHECKING:

        def __init__(
            self,
            kind: EventKind,
            at: dt.datetime,
            severity: str | None = None,
            status: str | None = None,
            author: Author | None = None,
            public: bool | None = None,
            assignee: str | None = None,
            group: str | None = None,
            fields: Mapping[str, object] | Iterable[tuple[str, object]] = (),
        ) -> None: ...

    def __post_init__(self) -> None:
        kind: object = self.kind  # checked: a file's event may hold any JSON value here
        if (
            type(kind) is str
            and kind in VERBS
            and self.fields == ()
            and self.status is None
            and self.author is None
            and self.public is None
            and self.assignee is None
            and self.group is None
            and (
                type(self.severity) is str and self.severity != ""
                if kind in _WITH_SEVERITY
                else self.severity is None
            )
        ):
            to_us(self.at)  # a plain verb: only its instant is left to check
            return
        if not isinstance(kind, str) or kind not in _RANK:
            raise TicketEventError(
                f"Unknown event kind {shown(kind)}; use one of "
                f"{', '.join(repr(k) for k in get_args(EventKind))}."
            )
        to_us(self.at)
        if kind in _WITH_SEVERITY:
            if not isinstance(self.severity, str) or not self.severity:
                got = "none" if self.severity is None else repr(self.severity)
                raise TicketEventError(  # words for a call, a CSV row and a JSON event alike
                    f"A {kind!r} event needs a severity (got {got}); give it its severity's "
                    "name, e.g. 'high'."
                )
        elif self.severity is not None:
            raise TicketEventError(
                f"A {kind!r} event takes no severity (got {self.severity!r}); use a "
                "'severity_changed' event to change the severity."
            )
        for name, kinds in _ALLOWED.items():
            value = getattr(self, name)
            if value is not None and kind not in kinds:
                raise TicketEventError(
                    f"A {kind!r} event takes no {name} (got {value!r}); {name} goes with "
                    f"{' and '.join(repr(k) for k in sorted(kinds))} events."
                )
        if kind == "status" and (not isinstance(self.status, str) or not self.status):
            raise TicketEventError(
                f"A 'status' event needs a status (got {self.status!r}); pass e.g. "
                f"{_EXAMPLE['status']}."
            )
        if self.status is not None and not isinstance(self.status, str):
            raise TicketEventError(f"A status is a name, not {self.status!r}; pass e.g. 'open'.")
        if kind == "reply" and self.author is None:
            raise TicketEventError(
                f"A 'reply' event needs an author ({', '.join(map(repr, _AUTHORS))}); "
                f"pass e.g. {_EXAMPLE['reply']}."
            )
        if self.author is not None and self.author not in _AUTHORS:
            raise TicketEventError(
                f"Unknown author {self.author!r}; use one of {', '.join(map(repr, _AUTHORS))}."
            )
        if kind == "reply" and self.public is None:
            object.__setattr__(self, "public", True)
        elif self.public is not None and not isinstance(self.public, bool):
            raise TicketEventError(
                f"public={self.public!r} is not True or False; pass public=False for an "
                "internal note."
            )
        for name in ("assignee", "group"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, str) or not value):
                raise TicketEventError(
                    f"A {name} is a non-empty name, not {value!r}; pass e.g. 'ann' or None."
                )
        if kind == "group_changed" and self.group is None:
            raise TicketEventError(
                f"A 'group_changed' event needs a group; pass e.g. {_EXAMPLE['group_changed']}."
            )
        fields = _field_pairs(self.fields)
        if kind == "field_changed" and not fields:
            raise TicketEventError(
                f"A 'field_changed' event needs fields; pass e.g. {_EXAMPLE['field_changed']}."
            )
        object.__setattr__(self, "fields", fields)

    @classmethod
    def _verb(cls, kind: object, at: dt.datetime, severity: object) -> TicketEvent | None:
        """A plain verb's event made without checking ``at`` again (its maker has: a
        table's reader, from an aware column); ``None`` when ``kind`` and ``severity``
        are not a plain verb's, which the constructor then checks and refuses."""
        if kind not in VERBS:
            return None
        if (kind in _WITH_SEVERITY) != (type(severity) is str and severity != ""):
            return None
        return _make_verb(kind, at, severity)

    @staticmethod
    def _plain_rank(kind: object, severity: object) -> int | None:
        """The precedence of a plain verb of ``kind`` carrying ``severity`` (what
        ``plain_verbs`` gives it), or ``None`` when they are not a plain verb's, as the
        constructor tells them: for a reader of a table that holds few of them."""
        if type(kind) is not str or kind not in VERBS:
            return None
        if kind in _WITH_SEVERITY:
            plain = type(severity) is str and severity != ""
        else:
            plain = severity is None
        return _RANK[kind] if plain else None

    @staticmethod
    def takes(kind: str, attribute: str) -> bool:
        """Whether an event of ``kind`` may carry ``attribute`` (``'status'``, ``'author'``...).

        Examples:
            >>> TicketEvent.takes("reply", "author"), TicketEvent.takes("paused", "status")
            (True, False)
        """
        if not isinstance(kind, str) or not isinstance(attribute, str):
            raise InvalidOptionError(
                f"takes({shown(kind)}, {shown(attribute)}) needs two names; pass e.g. "
                "('reply', 'author')."
            )
        return _takes(kind, attribute)

    @property
    def field_map(self) -> dict[str, object]:
        """The custom fields this event sets, as a dict.

        Examples:
            >>> import datetime as dt
            >>> t = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
            >>> TicketEvent("opened", t, severity="p2", fields={"tier": "gold"}).field_map
            {'tier': 'gold'}
        """
        return dict(self.fields)

    @property
    def rank(self) -> int:
        """The event's place in :data:`PRECEDENCE` (lower is applied first).

        A public ``reply`` ranks as ``responded`` (by an agent) or ``customer_replied``
        (by the customer); a ``status`` event as ``resumed`` until a replay knows the
        status's category.

        Examples:
            >>> import datetime as dt
            >>> TicketEvent("paused", dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)).rank
            8
        """
        if self.kind == "reply" and self.public:
            if self.author == "agent":
                return _RANK["responded"]
            if self.author == "customer":
                return _RANK["customer_replied"]
        return _RANK[self.kind]


def _field_pairs(fields: object) -> tuple[tuple[str, object], ...]:
    """Custom fields as sorted ``(name, value)`` pairs; a bad form raises."""
    if isinstance(fields, tuple) and all(
        isinstance(p, tuple) and len(p) == 2 and isinstance(p[0], str) for p in fields
    ):
        pairs: list[tuple[str, object]] = list(fields)
    elif isinstance(fields, Mapping):
        pairs = []
        for name, value in fields.items():
            if not isinstance(name, str) or not name:
                raise TicketEventError(f"A field name must be a non-empty string, not {name!r}.")
            pairs.append((name, plain(value)))
    elif fields is None:
        return ()
    else:
        raise TicketEventError(
            f"fields={fields!r} is not a mapping; pass e.g. {{'due_at': <aware datetime>}}."
        )
    return tuple(sorted(pairs, key=lambda p: p[0]))


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

CorrectionAction: TypeAlias = Literal[
    "ignored", "reordered", "severity_ignored", "attribute_ignored"
]
"""What a lenient replay did with an irregular event: ``ignored`` it, ``reordered`` it
into time order, or kept it and ignored the severity (``severity_ignored``) or another
attribute (``attribute_ignored``) its kind does not take.

Examples:
    >>> from typing import get_args
    >>> from slacalc.timers import CorrectionAction
    >>> get_args(CorrectionAction)
    ('ignored', 'reordered', 'severity_ignored', 'attribute_ignored')
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
                "an event has 'kind', 'at' and the attributes its kind takes ('severity', "
                "'status', 'author', 'public', 'assignee', 'group', 'fields'). Pass "
                "extra='ignore' to ignore other keys (rows of a table)."
            )
    kind, at = event.get("kind"), event.get("at")
    for key, value in (("kind", kind), ("at", at)):
        if _missing(value):
            shown = "" if key not in event else f" (it is {value!r})"
            raise TicketEventError(
                f"Event {index} ({dict(event)!r}) has no {key!r}{shown}; add it."
            )
    if not isinstance(at, dt.datetime):
        at = plain(at)
    attrs: dict[str, object] = {}
    for key in _ATTRIBUTES:
        if key in event:
            value = event[key]
            if not (value is None or isinstance(value, (str, bool, Mapping))):
                value = plain(value)
            if value is not None:
                attrs[key] = value
    if lenient and _known_kind(kind):
        for key in [k for k in attrs if not _takes(str(kind), k)]:
            fixes.append(
                Correction(
                    index,
                    at,  # type: ignore[arg-type]
                    cast("EventKind", kind),
                    f"a {kind!r} event takes no {key} (got {attrs.pop(key)!r})",
                    "severity_ignored" if key == "severity" else "attribute_ignored",
                )
            )
    try:
        made = TicketEvent(kind, at, **attrs)  # type: ignore[arg-type]
    except TicketEventError as exc:
        raise TicketEventError(f"Event {index}: {exc}") from None
    return made


VERBS = frozenset(PRECEDENCE) - {"field_changed", "group_changed", "assigned"}
"""The nine verbs: the kinds that are a clock change by themselves (private helper)."""
_OTHER_KEYS = frozenset({"status", "author", "public", "assignee", "group", "fields"})
"""The attributes a plain verb has none of (severity aside)."""
_UTC_READING = wall_epoch(dt.UTC)
_TAKES_SEVERITY: dict[object, bool] = {kind: kind in _WITH_SEVERITY for kind in VERBS}
"""Each verb, and whether it takes a severity."""
_NOTHING = object()


_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(TicketEvent))
"""The attributes of an event, in field order."""
_KEYS = frozenset(_FIELD_NAMES)
# A plain verb (kind, at, severity; no attributes) made through the event's slots,
# without the general checks its caller has already made.
_make_verb: Callable[[object, object, object], TicketEvent] = slots_maker(
    TicketEvent, status=None, author=None, public=None, assignee=None, group=None, fields=()
)


_EVENTS_HINT = (
    "pass a list of events such as [{'kind': 'opened', 'at': <aware datetime>, 'severity': 'high'}]"
)


def _known_kind(value: object) -> bool:
    """Whether ``value`` names an event kind (a list or a mapping never does)."""
    return isinstance(value, str) and value in _RANK


def _plain_verb(event: dict[object, object], extra: ExtraKeys) -> tuple[int, TicketEvent] | None:
    """A plain verb event given as a dict, in epoch µs and made without the general
    checks (what :func:`plain_verbs` reads); ``None`` for anything else, which the caller
    reads."""
    read = plain_verbs([event], extra)
    if read is None:
        return None
    x, _, _, kind, severity = read[0]
    return x, _make_verb(kind, event["at"], severity)


def _plain_verbs(
    events: list[object], extra: ExtraKeys
) -> list[tuple[int, int, int, str, str | None]] | None:
    """A strict list of plain verbs in time order, read without making an event record:
    ``(µs, precedence, index as given, kind, severity)`` in the order they are applied.

    What :func:`order_events` (strict) gives for such a list, less the records: dicts
    such as ``{"kind", "at", "severity"}`` or :class:`TicketEvent` records of the nine
    verbs without attributes. ``None`` for anything else (other kinds, attributes,
    events out of order, a malformed event), which the general path reads and refuses
    with its message.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)
        >>> [row[3:] for row in _plain_verbs([{"kind": "paused", "at": t},
        ...                                   {"kind": "opened", "at": t, "severity": "p1"}],
        ...                                  "forbid")]
        [('opened', 'p1'), ('paused', None)]

    :data:`plain_verbs` is this function, or its compiled twin in ``slacalc._speedups``
    where that is built (see :mod:`slacalc._compiled`): the same answers, and the same
    exceptions, in a quarter of the time.
    """
    out: list[tuple[int, int, int, str, str | None]] = []
    last = _MIN
    rank = _RANK
    tied = False  # two events at one instant: their precedence orders them
    forbid = extra == "forbid"
    verbs, others = _TAKES_SEVERITY, _OTHER_KEYS
    zone: object = _NOTHING  # the zone of the instant before, and its wall epoch
    epoch, fixed, offset_of = _UTC_READING  # replaced at the first instant
    seen: object = _NOTHING  # the offset before, and in µs
    seen_us = 0
    for index, raw in enumerate(events):
        if type(raw) is dict:
            kind = raw.get("kind")
            if type(kind) is not str:
                return None
            takes = verbs.get(kind)  # whether the verb takes a severity; None: no verb
            if takes is None:
                return None
            at = raw.get("at")
            severity = raw.get("severity")
            if forbid:
                if len(raw) > 2 and (len(raw) > 3 or "severity" not in raw):
                    return None
            elif not others.isdisjoint(raw):
                return None
            if takes:
                if type(severity) is not str or not severity:
                    return None
            elif severity is not None:
                if type(severity) is not float or severity == severity:
                    return None
                severity = None  # NaN: missing
        elif (
            type(raw) is TicketEvent
            and raw.kind in VERBS
            and raw.status is None
            and raw.author is None
            and raw.assignee is None
            and raw.group is None
            and not raw.fields
        ):
            kind, at, severity = raw.kind, raw.at, raw.severity
        else:
            return None
        if type(at) is dt.datetime:
            # to_us(at), asking the zone once (see wall_epoch); a naive instant, or a
            # tzinfo without an offset, goes to the general path, which says so.
            tz = at.tzinfo
            if tz is not zone:
                if tz is None:
                    return None
                zone = tz
                epoch, fixed, offset_of = wall_epoch(tz)
            wall = at - epoch
            x = (wall.days * 86_400 + wall.seconds) * 1_000_000 + wall.microseconds
            if fixed is None:
                offset = offset_of(at)
                if offset is not seen:  # a zone gives the same object for the same offset
                    if offset is None:
                        return None
                    seen, seen_us = offset, offset_us(offset)
                x -= seen_us
            elif fixed:
                x -= fixed
        else:
            found = _subclass_us(at)
            if found is None:
                return None
            x = found
        if x <= last:
            if x < last:
                return None
            tied = True
        last = x
        out.append((x, rank[kind], index, kind, severity))
    if tied:
        out.sort()  # by instant, precedence, index: unique, so kinds are never compared
    return out


def _subclass_us(at: object) -> int | None:
    """Epoch µs of an aware instant of a ``datetime`` subclass, as :func:`to_us` gives it:
    a pandas ``Timestamp`` (what ``DataFrame.to_dict("records")`` holds) from its UTC
    nanoseconds, the part below a microsecond dropped as ``to_us`` drops it; ``None``
    for anything else, naive or missing (``NaT``) included, which the general path reads
    and refuses with its message.

    Examples:
        >>> import pandas as pd
        >>> _subclass_us(pd.Timestamp("1970-01-01 01:00:00.000001999", tz="Europe/Paris"))
        1
        >>> _subclass_us(pd.NaT) is None, _subclass_us("2026-01-05") is None
        (True, True)
    """
    if not isinstance(at, dt.datetime) or at.tzinfo is None:
        return None
    kind = type(at)
    if kind.__name__ == "Timestamp" and kind.__module__.startswith("pandas"):
        try:
            return int(at.value) // 1000  # type: ignore[attr-defined]
        except (OverflowError, ValueError):  # beyond nanoseconds' years: read the fields
            pass
    try:
        return to_us(at)
    except SlacalcError:
        return None


PlainVerbs: TypeAlias = list[tuple[int, int, int, str, str | None]]


plain_verbs: Callable[[list[object], ExtraKeys], PlainVerbs | None] = _plain_verbs
if SPEEDUPS is not None:
    SPEEDUPS.configure(
        reference=_plain_verbs,
        takes_severity=_TAKES_SEVERITY,
        other_keys=tuple(_OTHER_KEYS),
        rank=_RANK,
        wall_epoch=wall_epoch,
        offset_us=offset_us,
        subclass_us=_subclass_us,
    )
    plain_verbs = SPEEDUPS.plain_verbs


_CATEGORY_VERB = {
    "open": "resumed",
    "waiting": "paused",
    "resolved": "resolved",
    "closed": "closed",
}
_ATTRIBUTES = ("severity", "status", "author", "public", "assignee", "group", "fields")


def _takes(kind: str, attribute: str) -> bool:
    """Whether an event of ``kind`` may carry ``attribute``."""
    if attribute == "severity":
        return kind in _WITH_SEVERITY
    return attribute == "fields" or kind in _ALLOWED.get(attribute, ())


def order_events(
    events: Iterable[EventLike],
    history: History = "strict",
    extra: ExtraKeys = "forbid",
    statuses: Mapping[str, str] | None = None,
) -> tuple[list[tuple[int, int, TicketEvent]], list[Correction]]:
    """``(µs, index as given, event)`` in the order applied, and the corrections made.

    Strictly, an event earlier than the one before it raises; leniently the events are
    sorted by instant (stably) and each one that came after a later one is recorded.
    ``statuses`` (status -> category) places a ``status`` event where the verb its
    category amounts to goes.
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
    if type(events) is list:  # plain verbs in time order need no correction either way
        quick = _order_verbs(events, extra)
        if quick is not None:
            return quick, []
    fixes: list[Correction] = []
    out: list[tuple[int, int, int, TicketEvent]] = []
    latest: tuple[int, int, TicketEvent] | None = None
    check_items(events, what="Events", hint=_EVENTS_HINT, error=TicketEventError)
    for index, raw in enumerate(events):
        read = _plain_verb(raw, extra) if type(raw) is dict else None
        if read is None:
            event = _coerce(index, raw, extra, lenient, fixes)
            x = to_us(event.at)
        else:
            x, event = read
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
        rank = event.rank
        if event.kind == "status" and statuses is not None:
            rank = _RANK[_CATEGORY_VERB.get(statuses.get(event.status or "", ""), "resumed")]
        out.append((x, rank, index, event))
    out.sort(key=lambda item: item[:3])
    return [(x, index, event) for x, _, index, event in out], fixes


def _order_verbs(
    events: list[object], extra: ExtraKeys
) -> list[tuple[int, int, TicketEvent]] | None:
    """:func:`order_events` (strict) for a list of plain verbs in time order, the usual
    history: dicts such as ``{"kind", "at", "severity"}`` or :class:`TicketEvent` records
    without attributes. ``None`` for anything else (other kinds, attributes, events out of
    order, a malformed event), which the general path reads and refuses with its message.
    """
    verbs = plain_verbs(events, extra)
    if verbs is None:
        return None
    out: list[tuple[int, int, TicketEvent]] = []
    for x, _, index, kind, severity in verbs:
        raw = events[index]
        if type(raw) is dict:
            raw = _make_verb(kind, raw["at"], severity)
        assert type(raw) is TicketEvent
        out.append((x, index, raw))
    return out


_ONE_US = dt.timedelta(microseconds=1)
_MIN = -(2**63)


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
