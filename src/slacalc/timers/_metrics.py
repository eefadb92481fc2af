"""Metric definitions: each clock's start, stop, pause, cancel and reset conditions.

A metric is a clock with its own rules. Its *event conditions* (``start_on``,
``stop_on``, ``reset_on``) say which events start or stop a cycle; its *state
conditions* (``pause_on``, ``cancel_on``) say in which ticket states the clock stands
still or is voided. Conditions are short strings, parsed and checked against the rules'
status table and declared fields once, when the rules are built.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeAlias, get_args

from slacalc._validate import check_items, shown
from slacalc.calendar import BusinessCalendar
from slacalc.errors import InvalidOptionError

if TYPE_CHECKING:
    from slacalc.timers._rules import PauseMode, ReopenMode

__all__ = [
    "BUILTIN_METRICS",
    "DEFAULT_STATUSES",
    "MetricDefinition",
    "Recurrence",
    "StatusCategory",
    "builtin_metrics",
]

StatusCategory: TypeAlias = Literal["open", "waiting", "resolved", "closed"]
"""What a status means to the clocks: ``open`` (work goes on), ``waiting`` (on the
customer: the default pause), ``resolved`` (stops the resolution clock until a reopen)
or ``closed`` (final).

Examples:
    >>> from typing import get_args
    >>> from slacalc.timers import StatusCategory
    >>> get_args(StatusCategory)
    ('open', 'waiting', 'resolved', 'closed')
"""

Recurrence: TypeAlias = Literal["once", "each", "continue"]
"""What a start condition does after the metric's cycle has stopped.

``once``: nothing, the metric has one cycle (first response). ``each``: a new cycle
starts (next response, periodic update). ``continue``: the last cycle goes on, and the
time it stood stopped does not count (resolution after a reopen).

Examples:
    >>> from typing import get_args
    >>> from slacalc.timers import Recurrence
    >>> get_args(Recurrence)
    ('once', 'each', 'continue')
"""

DEFAULT_STATUSES: Mapping[str, StatusCategory] = {
    "open": "open",
    "waiting": "waiting",
    "resolved": "resolved",
    "closed": "closed",
}
"""The status table when the rules give none: one status per category, named after it.

Examples:
    >>> from slacalc.timers import DEFAULT_STATUSES
    >>> DEFAULT_STATUSES["waiting"]
    'waiting'
"""

BUILTIN_METRICS: tuple[str, ...] = (
    "response",
    "resolution",
    "next_response",
    "periodic_update",
    "first_resolution",
)
"""The metrics slacalc defines, in report order (``first_response`` names ``response``).

Examples:
    >>> from slacalc.timers import BUILTIN_METRICS
    >>> BUILTIN_METRICS[:2]
    ('response', 'resolution')
"""

_ALIASES = {"first_response": "response"}
_PAUSE_MODES = ("exclude", "ignore_deadline", "add_wall_time")
_CATEGORIES: tuple[str, ...] = get_args(StatusCategory)
_RECURRENCES: tuple[str, ...] = get_args(Recurrence)
_AUTHORS = ("customer", "agent", "system")
VERBS: tuple[str, ...] = (
    "opened",
    "responded",
    "customer_replied",
    "resolved",
    "closed",
    "reopened",
    "paused",
    "resumed",
    "severity_changed",
    "assigned",
    "unassigned",
    "group_changed",
)
_EVENT_GRAMMAR = (
    "an event condition is a verb (" + ", ".join(VERBS) + "), a reply such as "
    "'public reply by agent' or 'reply by customer', 'status: pending' (entered a status), "
    "'severity: p1', 'group: L2' or 'field: due_at' (the field was set)"
)
_STATE_GRAMMAR = (
    "a state condition is a status name such as 'pending', 'status: pending, on_hold', "
    "'unassigned', 'assigned', 'group: L2', 'severity: p1' or 'field: issue_type = incident'"
)


def _norm(name: str) -> str:
    """A metric's name as slacalc knows it (``first_response`` is ``response``)."""
    if not isinstance(name, str):
        raise InvalidOptionError(
            f"The metric {shown(name)} is not a name; pass e.g. 'response' or 'resolution'."
        )
    return _ALIASES.get(name, name)


class StatePredicate(NamedTuple):
    """One parsed state condition: what to compare, and with what."""

    what: str  # status | unassigned | assigned | group | severity | field
    values: frozenset[str] = frozenset()
    field: str = ""


class ParsedCondition(NamedTuple):
    """A parsed condition: event tags or a state predicate, and the names it uses."""

    tags: frozenset[str]
    predicate: StatePredicate | None
    statuses: frozenset[str]
    fields: frozenset[str]


def _names(text: str) -> frozenset[str]:
    """``'a, b'`` as ``{'a', 'b'}`` (empty names refused by the caller)."""
    return frozenset(part.strip() for part in text.split(","))


def parse_condition(text: object, kind: Literal["event", "state"]) -> ParsedCondition:
    """Parse one condition string; a bad one raises :class:`InvalidOptionError`."""
    grammar = _EVENT_GRAMMAR if kind == "event" else _STATE_GRAMMAR
    if not isinstance(text, str) or not text.strip():
        raise InvalidOptionError(f"The condition {text!r} is not a condition; {grammar}.")
    words = " ".join(text.split())
    head, colon, rest = words.partition(":")
    head = head.strip().lower()
    rest = rest.strip()
    if colon:
        if not rest:
            raise InvalidOptionError(f"The condition {text!r} names nothing after ':'; {grammar}.")
        if head in ("status", "severity", "group"):
            values = _names(rest)
            if "" in values:
                raise InvalidOptionError(f"The condition {text!r} has an empty name; {grammar}.")
            statuses = values if head == "status" else frozenset()
            if kind == "event":
                tags = frozenset(f"{head}: {v}" for v in values)
                return ParsedCondition(tags, None, statuses, frozenset())
            return ParsedCondition(frozenset(), StatePredicate(head, values), statuses, frozenset())
        if head == "field":
            name, eq, value = rest.partition("=")
            name = name.strip()
            if not name:
                raise InvalidOptionError(f"The condition {text!r} names no field; {grammar}.")
            if kind == "event":
                if eq:
                    raise InvalidOptionError(
                        f"The event condition {text!r} compares a value; an event condition "
                        f"says only that the field was set: write 'field: {name}'."
                    )
                return ParsedCondition(
                    frozenset({f"field: {name}"}), None, frozenset(), frozenset({name})
                )
            if not eq or not value.strip():
                raise InvalidOptionError(
                    f"The state condition {text!r} needs a value; write e.g. "
                    f"'field: {name} = incident'."
                )
            predicate = StatePredicate("field", frozenset({value.strip()}), name)
            return ParsedCondition(frozenset(), predicate, frozenset(), frozenset({name}))
        raise InvalidOptionError(f"Unknown condition {text!r}; {grammar}.")
    if kind == "state":
        if words in ("unassigned", "assigned"):
            return ParsedCondition(frozenset(), StatePredicate(words), frozenset(), frozenset())
        if " " in words:
            raise InvalidOptionError(f"Unknown condition {text!r}; {grammar}.")
        status = frozenset({words})
        return ParsedCondition(frozenset(), StatePredicate("status", status), status, frozenset())
    if words in VERBS:
        return ParsedCondition(frozenset({words}), None, frozenset(), frozenset())
    return ParsedCondition(frozenset({_reply_tag(text, words)}), None, frozenset(), frozenset())


def _reply_tag(text: str, words: str) -> str:
    """The canonical tag of a reply condition: ``[public|internal ]reply[ by author]``."""
    parts = words.lower().split()
    visibility = ""
    if parts and parts[0] in ("public", "internal"):
        visibility = parts.pop(0) + " "
    if not parts or parts[0] != "reply":
        raise InvalidOptionError(f"Unknown condition {text!r}; {_EVENT_GRAMMAR}.")
    parts.pop(0)
    if not parts:
        return f"{visibility}reply"
    if len(parts) != 2 or parts[0] != "by" or parts[1] not in _AUTHORS:
        raise InvalidOptionError(
            f"Unknown condition {text!r}: a reply is by one of "
            f"{', '.join(map(repr, _AUTHORS))}, e.g. 'public reply by agent'."
        )
    return f"{visibility}reply by {parts[1]}"


def reply_tags(author: str, public: bool) -> frozenset[str]:
    """Every reply condition a reply by ``author`` (public or not) meets."""
    visibility = "public" if public else "internal"
    return frozenset(
        {"reply", f"reply by {author}", f"{visibility} reply", f"{visibility} reply by {author}"}
    )


@dataclass(frozen=True, slots=True)
class MetricDefinition:
    """A clock: when its cycles start, stop, pause, are cancelled or reset.

    Event conditions (``start_on``, ``stop_on``, ``reset_on``) are verbs such as
    ``'opened'`` or ``'resolved'``, replies such as ``'public reply by agent'``, or
    ``'status: pending'`` (the ticket entered that status), ``'severity: p1'``,
    ``'group: L2'``, ``'field: due_at'`` (the field was set). State conditions
    (``pause_on``, ``cancel_on``) are status names such as ``'pending'``, or
    ``'unassigned'``, ``'group: L2'``, ``'severity: p1'``,
    ``'field: issue_type = incident'``. At one event, a stop wins over a reset, a reset
    over a cancel, and any of them over a start (ServiceNow's order).

    Args:
        name: the metric's name (``first_response`` is another name of ``response``).
        start_on: the events that start a cycle.
        stop_on: the events that stop (fulfil) the running cycle; at least one.
        pause_on: the states in which the clock stands still; ``None`` (default): while
            the ticket waits on the customer (a ``waiting`` status), as every clock
            did before metrics were defined; ``()``: never.
        cancel_on: the states that cancel the running cycle.
        reset_on: the events that end the running cycle (met) and start a new one.
        recurrence: what a start does after a cycle stopped (see :data:`Recurrence`).
        after: cycles start only once this metric's first cycle has stopped (the next
            response starts after the first response).
        calendar: the calendar this clock counts on, for every severity (``None``: the
            severity's).
        start_from: a datetime field: a cycle starts at the field's instant when that
            is earlier than the start event (ServiceNow's retroactive start).
        pause_mode: ``'exclude'``, ``'ignore_deadline'`` or ``'add_wall_time'`` for this
            clock (``None``: the rules').

    Raises:
        InvalidOptionError: a condition that does not parse, no stop condition, an
            unknown recurrence or pause mode.

    Examples:
        >>> assign = MetricDefinition("time_to_assign", start_on=["opened"],
        ...                           stop_on=["assigned"], pause_on=[])
        >>> assign.stop_on, assign.pause_on
        (('assigned',), ())
    """

    name: str
    start_on: tuple[str, ...]
    stop_on: tuple[str, ...]
    pause_on: tuple[str, ...] | None = None
    cancel_on: tuple[str, ...] = ()
    reset_on: tuple[str, ...] = ()
    recurrence: Recurrence = "once"
    after: str | None = None
    calendar: BusinessCalendar | None = None
    start_from: str | None = None
    pause_mode: PauseMode | None = None

    if TYPE_CHECKING:

        def __init__(
            self,
            name: str,
            start_on: Iterable[str],
            stop_on: Iterable[str],
            pause_on: Iterable[str] | None = None,
            cancel_on: Iterable[str] = (),
            reset_on: Iterable[str] = (),
            recurrence: Recurrence = "once",
            after: str | None = None,
            calendar: BusinessCalendar | None = None,
            start_from: str | None = None,
            pause_mode: PauseMode | None = None,
        ) -> None: ...

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise InvalidOptionError(
                f"A metric's name must be a non-empty string, not {self.name!r}; pass e.g. "
                "'time_to_assign'."
            )
        object.__setattr__(self, "name", _norm(self.name))
        for attr in ("start_on", "stop_on", "cancel_on", "reset_on", "pause_on"):
            value = getattr(self, attr)
            if value is None and attr == "pause_on":
                continue
            if isinstance(value, str):
                raise InvalidOptionError(
                    f"{attr}={value!r} is one string; pass a list of conditions, e.g. [{value!r}]."
                )
            hint = f"pass a list of conditions, e.g. {attr}=['resolved']"
            check_items(value, what=attr, hint=hint, error=InvalidOptionError)
            conditions = tuple(value)
            kind: Literal["event", "state"] = (
                "state" if attr in ("pause_on", "cancel_on") else "event"
            )
            for c in conditions:
                try:
                    parse_condition(c, kind)
                except InvalidOptionError as exc:
                    raise InvalidOptionError(f"Metric {self.name!r}, {attr}: {exc}") from None
            object.__setattr__(self, attr, conditions)
        if not self.start_on:
            raise InvalidOptionError(
                f"Metric {self.name!r} has no start condition; pass e.g. start_on=['opened']."
            )
        if not self.stop_on:
            raise InvalidOptionError(
                f"Metric {self.name!r} has no stop condition, so its clock would never stop; "
                "pass e.g. stop_on=['resolved']."
            )
        if self.recurrence not in _RECURRENCES:
            raise InvalidOptionError(
                f"Metric {self.name!r}: unknown recurrence {self.recurrence!r}; pass one of "
                f"{', '.join(map(repr, _RECURRENCES))}."
            )
        if self.after is not None:
            object.__setattr__(self, "after", _norm(self.after))
        if self.calendar is not None and not isinstance(self.calendar, BusinessCalendar):
            raise InvalidOptionError(
                f"Metric {self.name!r}: calendar={self.calendar!r} is not a BusinessCalendar; "
                "pass one, or None for the severity's."
            )
        if self.pause_mode is not None and self.pause_mode not in _PAUSE_MODES:
            raise InvalidOptionError(
                f"Metric {self.name!r}: unknown pause mode {self.pause_mode!r}; pass "
                "'exclude', 'ignore_deadline', 'add_wall_time' or None."
            )

    @staticmethod
    def canonical(name: str) -> str:
        """The name slacalc knows a metric by (``first_response`` is ``response``).

        Examples:
            >>> MetricDefinition.canonical("first_response")
            'response'
        """
        return _norm(name)

    def replace(self, **changes: object) -> MetricDefinition:
        """A copy with some fields changed.

        Examples:
            >>> builtin_metrics()[0].replace(pause_on=[]).pause_on
            ()
        """
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


def builtin_metrics(reopen: ReopenMode = "continue") -> tuple[MetricDefinition, ...]:
    """slacalc's own metrics, as definitions; ``reopen`` picks the resolution's recurrence.

    Args:
        reopen: ``'continue'`` (a reopen continues the resolution cycle) or
            ``'new_cycle'``.

    Returns:
        ``response``, ``resolution``, ``next_response``, ``periodic_update`` and
        ``first_resolution``; every clock pauses while the ticket waits on the customer.

    Examples:
        >>> [m.name for m in builtin_metrics()]
        ['response', 'resolution', 'next_response', 'periodic_update', 'first_resolution']
        >>> builtin_metrics("new_cycle")[1].recurrence
        'each'
    """
    return (
        MetricDefinition("response", ["opened"], ["responded", "resolved"]),
        MetricDefinition(
            "resolution",
            ["opened", "reopened"],
            ["resolved"],
            recurrence="continue" if reopen == "continue" else "each",
        ),
        MetricDefinition(
            "next_response",
            ["customer_replied"],
            ["responded", "resolved"],
            recurrence="each",
            after="response",
        ),
        MetricDefinition(
            "periodic_update",
            ["responded", "reopened"],
            ["resolved"],
            reset_on=["responded"],
            recurrence="each",
        ),
        MetricDefinition("first_resolution", ["opened"], ["resolved"]),
    )


@dataclass(frozen=True, slots=True)
class CompiledMetric:
    """A metric's conditions as tag sets and predicates, checked against the rules."""

    name: str
    start: frozenset[str]
    stop: frozenset[str]
    reset: frozenset[str]
    cancel: tuple[StatePredicate, ...]
    pause: tuple[StatePredicate, ...] | None
    recurrence: str
    after: str | None
    calendar: BusinessCalendar | None
    start_from: str | None
    pause_mode: str


def compile_metrics(
    metrics: Iterable[MetricDefinition],
    statuses: Mapping[str, str],
    fields: Iterable[str],
    pause_mode: str,
) -> dict[str, CompiledMetric]:
    """Every metric compiled, its names checked against ``statuses`` and ``fields``."""
    known_fields = frozenset(fields)
    out: dict[str, CompiledMetric] = {}
    for m in metrics:
        parsed: dict[str, list[ParsedCondition]] = {}
        for attr in ("start_on", "stop_on", "reset_on", "cancel_on", "pause_on"):
            conditions = getattr(m, attr) or ()
            kind: Literal["event", "state"] = (
                "state" if attr in ("pause_on", "cancel_on") else "event"
            )
            parsed[attr] = [parse_condition(c, kind) for c in conditions]
            for c, p in zip(conditions, parsed[attr], strict=True):
                for status in sorted(p.statuses - statuses.keys()):
                    raise InvalidOptionError(
                        f"Metric {m.name!r}, {attr}: the condition {c!r} names the unknown "
                        f"status {status!r}; the statuses are "
                        f"{', '.join(map(repr, statuses))} (add it to the status table)."
                    )
                for name in sorted(p.fields - known_fields):
                    shown = ", ".join(map(repr, sorted(known_fields))) or "none"
                    raise InvalidOptionError(
                        f"Metric {m.name!r}, {attr}: the condition {c!r} names the unknown "
                        f"field {name!r}; the declared fields are {shown} (declare it in "
                        "fields)."
                    )
        if m.start_from is not None and m.start_from not in known_fields:
            shown = ", ".join(map(repr, sorted(known_fields))) or "none"
            raise InvalidOptionError(
                f"Metric {m.name!r}: start_from={m.start_from!r} is not a declared field; the "
                f"declared fields are {shown} (declare it in fields)."
            )

        def tags(attr: str, parsed: dict[str, list[ParsedCondition]] = parsed) -> frozenset[str]:
            return frozenset().union(*(p.tags for p in parsed[attr]))

        def predicates(
            attr: str, parsed: dict[str, list[ParsedCondition]] = parsed
        ) -> tuple[StatePredicate, ...]:
            return tuple(p.predicate for p in parsed[attr] if p.predicate is not None)

        pause = None if m.pause_on is None else predicates("pause_on")
        out[m.name] = CompiledMetric(
            name=m.name,
            start=tags("start_on"),
            stop=tags("stop_on"),
            reset=tags("reset_on"),
            cancel=predicates("cancel_on"),
            pause=pause,
            recurrence=m.recurrence,
            after=m.after,
            calendar=m.calendar,
            start_from=m.start_from,
            pause_mode=m.pause_mode or pause_mode,
        )
    for c in out.values():
        if c.after is not None and c.after not in out:
            raise InvalidOptionError(
                f"Metric {c.name!r}: after={c.after!r} names no metric; use one of "
                f"{', '.join(map(repr, out))}."
            )
    return out


def check_statuses(statuses: object) -> dict[str, StatusCategory]:
    """A status table ``name -> category``, checked; a bad one raises."""
    if not isinstance(statuses, Mapping) or not statuses:
        raise InvalidOptionError(
            f"The status table {statuses!r} is not a mapping of status names to categories; "
            "pass e.g. {'open': 'open', 'pending': 'waiting', 'solved': 'resolved', "
            "'closed': 'closed'}."
        )
    out: dict[str, StatusCategory] = {}
    for name, category in statuses.items():
        if not isinstance(name, str) or not name.strip() or "," in name or ":" in name:
            raise InvalidOptionError(
                f"The status name {name!r} is not a plain name; use e.g. 'on_hold'."
            )
        if category not in _CATEGORIES:
            raise InvalidOptionError(
                f"Status {name!r} has the unknown category {category!r}; use one of "
                f"{', '.join(map(repr, _CATEGORIES))}."
            )
        out[name] = category
    missing = [c for c in ("open", "resolved") if c not in out.values()]
    if missing:
        raise InvalidOptionError(
            f"The status table {dict(statuses)!r} has no {' or '.join(map(repr, missing))} "
            "status; every ticket needs one to be opened and resolved in."
        )
    return out


#: The event tags a plain verb raises in a replay, by what :class:`OnePassPlan` keys it
#: with: the verb itself, and for a ``closed`` ticket not resolved before also
#: ``resolved`` (a severity change that keeps the severity raises none; one that changes
#: it is not read in one pass).
ONE_PASS_TAGS: dict[str, frozenset[str]] = {
    "opened": frozenset({"opened"}),
    "paused": frozenset({"paused"}),
    "resumed": frozenset({"resumed"}),
    "responded": frozenset({"responded"}),
    "customer_replied": frozenset({"customer_replied"}),
    "resolved": frozenset({"resolved"}),
    "reopened": frozenset({"reopened"}),
    "closed": frozenset({"closed", "resolved"}),
    "closed again": frozenset({"closed"}),
}


class OnePassPlan(NamedTuple):
    """What the one-pass replay of plain verbs needs of the metrics, worked out once.

    ``moves[key]`` holds, for each metric in order whose conditions the tags of an event
    keyed ``key`` (see :data:`ONE_PASS_TAGS`) meet, its index and whether they stop,
    reset and start its clock; a key that no condition names is absent. ``after`` is the
    index of the metric a clock waits for (-1 for none); ``each`` and ``resume`` say what
    a start does after a cycle stopped (start another, or continue the last one).
    ``clocks`` is filled as replays ask: per metric and severity, what its cycles are
    measured with.
    """

    metrics: tuple[CompiledMetric, ...]
    after: tuple[int, ...]
    each: tuple[bool, ...]
    resume: tuple[bool, ...]
    moves: dict[str, tuple[tuple[int, bool, bool, bool], ...]]
    clocks: dict[tuple[str, str], Any]


def one_pass_plan(
    compiled: Mapping[str, CompiledMetric], watch: frozenset[str], tracks_state: bool
) -> OnePassPlan | None:
    """The one-pass plan of ``compiled``, or ``None`` when a replay of plain verbs needs
    more than one pass can give: state conditions, pauses of its own, wall-clock or
    ignored pauses, or a condition on anything but the verbs (a status or a severity).

    Examples:
        >>> from slacalc.timers._rules import ClockRules, SeverityTargets
        >>> from slacalc.calendar import BusinessCalendar
        >>> rules = ClockRules([SeverityTargets("p1", BusinessCalendar.always("UTC"),
        ...                                     response="1h")])
        >>> plan = rules.plan.one_pass
        >>> [m.name for m in plan.metrics], plan.moves["responded"]
        (['response', 'resolution'], ((0, True, False, False),))
    """
    metrics = tuple(compiled.values())
    verbs = frozenset().union(*ONE_PASS_TAGS.values())
    if tracks_state or not watch <= verbs:
        return None
    for m in metrics:
        if m.pause is not None or m.cancel or m.start_from or m.pause_mode != "exclude":
            return None
    names = [m.name for m in metrics]
    moves = {
        key: tuple(
            (
                i,
                not tags.isdisjoint(m.stop),
                not tags.isdisjoint(m.reset),
                not tags.isdisjoint(m.start),
            )
            for i, m in enumerate(metrics)
            if not tags.isdisjoint(m.stop | m.reset | m.start)
        )
        for key, tags in ONE_PASS_TAGS.items()
        if not tags.isdisjoint(watch)
    }
    return OnePassPlan(
        metrics,
        tuple(-1 if m.after is None else names.index(m.after) for m in metrics),
        tuple(m.recurrence == "each" for m in metrics),
        tuple(m.recurrence == "continue" for m in metrics),
        moves,
        {},
    )
