"""Replay: events -> ticket history -> clock cycles -> status at an instant.

Everything is recomputed from the events on every call; nothing is stored. Inside,
instants and durations are ``int`` microseconds (see ``slacalc._time``); calendars are
used only through their public API.
"""

from __future__ import annotations

import datetime as dt
import itertools
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import NamedTuple, TypeAlias

from slacalc._compiled import SPEEDUPS
from slacalc._intervals import Intervals
from slacalc._present.formats import duration_text, instant_text
from slacalc._present.frames import plain
from slacalc._slots import slots_maker
from slacalc._time import MAX_US, MIN_US, UTC, from_us, to_us
from slacalc.calendar import BusinessCalendar
from slacalc.errors import OutOfRangeError, SlacalcError, TicketEventError, UnknownSeverityError
from slacalc.timers._due import DueFromField
from slacalc.timers._events import (
    VERBS,
    Correction,
    EventLike,
    ExtraKeys,
    History,
    TicketEvent,
    order_events,
    plain_verbs,
    where,
)
from slacalc.timers._metrics import CompiledMetric, OnePassPlan, StatePredicate, reply_tags
from slacalc.timers._relative import EndOfBusinessDay, NextBusinessDayAt
from slacalc.timers._rules import (
    BusinessDays,
    ClockRules,
    SeverityTargets,
    WarningThreshold,
)
from slacalc.timers._status import (
    ClockTimeline,
    CycleStatus,
    Figures,
    Metric,
    MetricMap,
    MetricStatus,
    Phase,
    SegmentState,
    StatusFigures,
    TicketPhase,
    TicketStatus,
    TimelineSegment,
    deferred_cycle,
    deferred_status,
    figures_of,
)

__all__ = ["replay", "replay_verbs"]

_US = dt.timedelta(microseconds=1)

Interval = tuple[int, int]


@dataclass(slots=True)
class _Raw:
    """A clock cycle as the events define it, before targets are applied."""

    start: int
    stop: int | None = None
    cancelled: bool = False
    gaps: list[Interval] = field(default_factory=list)
    severity: str | None = None
    stopped_by: str | None = None


class _Snap(NamedTuple):
    """The ticket's state from one instant on (what state conditions look at)."""

    status: str
    severity: str
    assignee: str | None
    group: str | None
    fields: tuple[tuple[str, object], ...]


@dataclass(slots=True)
class _History:
    """What the events up to the evaluation instant say happened."""

    opened_at: int | None = None
    changes: list[tuple[int, str]] = field(default_factory=list)
    pauses: list[tuple[int, int | None]] = field(default_factory=list)
    resolved_since: int | None = None
    closed_at: int | None = None
    raw: dict[str, list[_Raw]] = field(default_factory=dict)
    events: list[tuple[int, TicketEvent]] = field(default_factory=list)
    states: list[tuple[int, _Snap]] = field(default_factory=list)


def _problem(
    kind: str,
    opened: int | None,
    closed: int | None,
    paused_since: int | None,
    resolved_since: int | None,
) -> tuple[str, str] | None:
    """What is irregular about a ``kind`` event in the state so far, and how to fix it."""
    if closed is not None:
        return (
            f"it comes after the ticket was closed at {_iso(closed)}",
            "a closed ticket takes no more events (reopen and resolve instead of closing)",
        )
    if opened is None and kind != "opened":
        return (
            "it comes before the ticket is opened",
            "start the list with an 'opened' event at or before it",
        )
    if kind == "opened" and opened is not None:
        return (
            f"the ticket is already open since {_iso(opened)}",
            "a ticket is opened once (use 'reopened' after 'resolved')",
        )
    if kind == "paused" and paused_since is not None:
        return (
            f"the ticket is already paused since {_iso(paused_since)}",
            "add a 'resumed' event first",
        )
    if kind == "resumed" and paused_since is None:
        return "resumed without being paused", "add a 'paused' event before it, or drop it"
    if kind == "resolved" and resolved_since is not None:
        return (
            f"the ticket is already resolved since {_iso(resolved_since)}",
            "add a 'reopened' event first",
        )
    if kind == "reopened" and resolved_since is None:
        return (
            "the ticket is not resolved, so it cannot be reopened",
            "add a 'resolved' event before it, or drop it",
        )
    return None


_TOGGLES = frozenset({"opened", "paused", "resumed", "resolved", "reopened"})
"""The verbs that are irregular in some states of an open ticket (see ``_problem``)."""


def _iso(x: int) -> str:
    """Epoch µs as ISO 8601 in UTC, for messages."""
    return from_us(x, UTC).isoformat()


_VERB_CATEGORY = {
    "opened": "open",
    "paused": "waiting",
    "resumed": "open",
    "resolved": "resolved",
    "reopened": "open",
    "closed": "closed",
}


def _verbs(event: TicketEvent, category: str | None, paused: bool, resolved: bool) -> list[str]:
    """The verbs ``event`` amounts to (``category``: its status's, for a status event)."""
    kind = event.kind
    if kind == "status":
        if category == "closed":
            return ["closed"]
        out: list[str] = []
        if paused and category != "waiting":
            out.append("resumed")
        if category == "resolved":
            if not resolved:
                out.append("resolved")
            return out
        if resolved:
            out.append("reopened")
        if category == "waiting" and not paused:
            out.append("paused")
        return out
    if kind == "reply":
        if event.public and event.author == "agent":
            return ["responded"]
        if event.public and event.author == "customer":
            return ["customer_replied"]
        return []
    if kind in ("assigned", "group_changed", "field_changed"):
        return []
    if kind == "opened" and category in ("waiting", "resolved", "closed"):
        return ["opened", {"waiting": "paused", "resolved": "resolved"}.get(category, "closed")]
    return [kind]


def _build(
    rules: ClockRules,
    ordered: list[tuple[int, int, TicketEvent]],
    at: int,
    fixes: list[Correction] | None = None,
) -> _History:
    """Check the whole event list for consistency; record what happened up to ``at``.

    Strictly (``fixes is None``) an irregular event raises; leniently it is ignored
    and recorded in ``fixes``.
    """
    plan = rules.plan
    known, table, first_of = plan.severities, plan.statuses, plan.first_of
    watch, tracks = plan.watch, plan.tracks_state
    metrics = rules.compiled
    h = _History(raw={m: [] for m in metrics})
    opened: int | None = None
    closed: int | None = None
    paused_since: int | None = None
    resolved_since: int | None = None
    severity = ""
    status = ""
    assignee: str | None = None
    group: str | None = None
    fields: dict[str, object] = {}
    snap: _Snap | None = None

    def fail(index: int, event: TicketEvent, problem: tuple[str, str], x: int) -> None:
        if fixes is None:
            lead = where(index, event)
            raise TicketEventError(
                f"{lead[:1].upper()}{lead[1:]}: {problem[0]}; {problem[1]}, or pass "
                "history='lenient' to ignore it."
            )
        if x <= at:
            fixes.append(Correction(index, event.at, event.kind, problem[0], "ignored"))

    for x, index, event in ordered:
        kind = event.kind
        if kind in ("opened", "severity_changed") and event.severity not in known:
            raise UnknownSeverityError(
                f"Unknown severity {event.severity!r} in {where(index, event)}; use one of "
                f"{', '.join(repr(n) for n in rules.names)}."
            )
        category: str | None = None
        if event.status is not None:
            category = table.get(event.status)
            if category is None:
                fail(
                    index,
                    event,
                    (
                        f"the status {event.status!r} is not in the status table",
                        f"use one of {', '.join(map(repr, table))}, or add it to the "
                        "rules' statuses",
                    ),
                    x,
                )
                continue
        every: list[str]
        if category is None and kind in VERBS:
            every = [kind]
        else:
            every = _verbs(event, category, paused_since is not None, resolved_since is not None)
        # A ticket born waiting, resolved or closed opens first, then changes: two steps.
        steps = [every[:1], every[1:]] if kind == "opened" and len(every) > 1 else [every]
        for verbs in steps:
            verb = verbs[0] if verbs else kind
            if closed is not None or opened is None or verb in _TOGGLES:
                problem = _problem(verb, opened, closed, paused_since, resolved_since)
                if problem is not None:
                    fail(index, event, problem, x)
                    break
            recording = x <= at
            if recording and verbs is steps[0]:
                h.events.append((x, event))
            tags: set[str] = set(verbs)
            for verb in verbs:
                if verb == "opened":
                    opened = x
                    assert event.severity is not None
                    severity = event.severity
                    tags.add(f"severity: {severity}")
                    if recording:
                        h.opened_at = x
                        h.changes.append((x, severity))
                elif verb == "severity_changed":
                    if event.severity != severity:
                        assert event.severity is not None
                        severity = event.severity
                        tags.add(f"severity: {severity}")
                        if recording:
                            h.changes.append((x, severity))
                    else:
                        tags.discard(verb)
                elif verb == "paused":
                    paused_since = x
                    if recording:
                        h.pauses.append((x, None))
                elif verb == "resumed":
                    paused_since = None
                    if recording:
                        h.pauses[-1] = (h.pauses[-1][0], x)
                elif verb in ("resolved", "closed"):
                    if verb == "closed":
                        closed = x
                        if recording:
                            h.closed_at = x
                    if resolved_since is None:
                        resolved_since = x
                        tags.add("resolved")
                        if recording:
                            h.resolved_since = x
                    else:
                        tags.discard("resolved")
                elif verb == "reopened":
                    resolved_since = None
                    if recording:
                        h.resolved_since = None
            was = status
            if event.status is not None:
                status = event.status
            else:
                for verb in verbs:
                    if verb in _VERB_CATEGORY:
                        status = first_of.get(_VERB_CATEGORY[verb], _VERB_CATEGORY[verb])
            if status != was:
                tags.add(f"status: {status}")
            if kind == "reply":
                assert event.author is not None
                assert event.public is not None
                tags |= reply_tags(event.author, event.public)
            if (
                kind == "assigned" or (kind == "opened" and event.assignee is not None)
            ) and event.assignee != assignee:
                assignee = event.assignee
                tags.add("assigned" if assignee is not None else "unassigned")
            if event.group is not None and event.group != group:
                group = event.group
                tags.update(("group_changed", f"group: {group}"))
            for name, value in event.fields:
                if fields.get(name) != value:
                    if value is None:
                        fields.pop(name, None)
                    else:
                        fields[name] = value
                    tags.add(f"field: {name}")
            if not recording or (not tracks and tags.isdisjoint(watch)):
                continue
            if tracks:
                now = _Snap(status, severity, assignee, group, tuple(sorted(fields.items())))
                if now != snap:
                    h.states.append((x, now))
                    snap = now
            _step(h, metrics, tags, kind, x, fields, snap, resolved_since is None)
    return h


def _step(
    h: _History,
    metrics: Mapping[str, CompiledMetric],
    tags: set[str],
    kind: str,
    x: int,
    fields: dict[str, object],
    snap: _Snap | None,
    live: bool,
) -> None:
    """Start, stop, reset or cancel each clock's cycle on an event at ``x`` with ``tags``."""
    for m in metrics.values():
        cycles = h.raw[m.name]
        current = cycles[-1] if cycles and cycles[-1].stop is None else None
        if current is not None:
            if not tags.isdisjoint(m.stop):
                current.stop = x
                current.stopped_by = _why(m.stop, tags, kind)
                continue
            if not tags.isdisjoint(m.reset):
                current.stop = x
                current.stopped_by = _why(m.reset, tags, kind)
                if live:
                    cycles.append(_Raw(_start(m, fields, x)))
                continue
            if m.cancel and snap is not None and any(_holds(p, snap) for p in m.cancel):
                current.stop = x
                current.cancelled = True
                current.stopped_by = "cancelled: the ticket meets a cancel condition"
            continue
        if tags.isdisjoint(m.start) or not live:
            continue
        if m.after is not None:
            before = h.raw[m.after]
            if not before or before[0].stop is None:
                continue
        if not cycles or m.recurrence == "each":
            cycles.append(_Raw(_start(m, fields, x)))
        elif m.recurrence == "continue" and cycles[-1].stop is not None:
            last = cycles[-1]
            assert last.stop is not None
            last.gaps.append((last.stop, x))
            last.stop = last.stopped_by = None


_NO_FIELDS: dict[str, object] = {}
_WITH_SEVERITY = frozenset({"opened", "severity_changed"})


def _build_verbs(
    rules: ClockRules, ordered: list[tuple[int, int, int, str, str | None]], at: int
) -> _History | None:
    """:func:`_build` (strict) for a history of plain verbs (see ``plain_verbs``), without
    the events' records (a timeline, which shows them, takes the general path).

    A plain verb is its own one verb: it carries no status, reply, assignee, group or
    field, so of ``_build``'s tags only the verb, the severity and the status it moves to
    remain. ``None`` for a history with an irregular event or an unknown severity, which
    the general path refuses with its message.
    """
    plan = rules.plan
    known, first_of, watch, tracks = plan.severities, plan.first_of, plan.watch, plan.tracks_state
    metrics = rules.compiled
    h = _History(raw={m: [] for m in metrics})
    opened: int | None = None
    closed: int | None = None
    paused_since: int | None = None
    resolved_since: int | None = None
    severity = ""
    status = ""
    snap: _Snap | None = None
    for x, _, _, kind, given in ordered:
        if kind in _WITH_SEVERITY and given not in known:
            return None
        if (closed is not None or opened is None or kind in _TOGGLES) and _problem(
            kind, opened, closed, paused_since, resolved_since
        ) is not None:
            return None
        recording = x <= at
        tags = {kind}
        if kind == "opened":
            assert given is not None
            opened = x
            severity = given
            tags.add(f"severity: {severity}")
            if recording:
                h.opened_at = x
                h.changes.append((x, severity))
        elif kind == "severity_changed":
            if given != severity:
                assert given is not None
                severity = given
                tags.add(f"severity: {severity}")
                if recording:
                    h.changes.append((x, severity))
            else:
                tags.discard(kind)
        elif kind == "paused":
            paused_since = x
            if recording:
                h.pauses.append((x, None))
        elif kind == "resumed":
            paused_since = None
            if recording:
                h.pauses[-1] = (h.pauses[-1][0], x)
        elif kind in ("resolved", "closed"):
            if kind == "closed":
                closed = x
                if recording:
                    h.closed_at = x
            if resolved_since is None:
                resolved_since = x
                tags.add("resolved")
                if recording:
                    h.resolved_since = x
            else:
                tags.discard("resolved")
        elif kind == "reopened":
            resolved_since = None
            if recording:
                h.resolved_since = None
        category = _VERB_CATEGORY.get(kind)
        if category is not None:
            was = status
            status = first_of.get(category, category)
            if status != was:
                tags.add(f"status: {status}")
        if not recording or (not tracks and tags.isdisjoint(watch)):
            continue
        if tracks:
            now = _Snap(status, severity, None, None, ())
            if now != snap:
                h.states.append((x, now))
                snap = now
        _step(h, metrics, tags, kind, x, _NO_FIELDS, snap, resolved_since is None)
    return h


def _start(m: CompiledMetric, fields: dict[str, object], x: int) -> int:
    """Where a cycle starting at ``x`` starts: earlier when ``start_from`` says so."""
    if m.start_from is not None:
        given = fields.get(m.start_from)
        if isinstance(given, dt.datetime):
            return min(to_us(given), x)
    return x


def _why(conditions: frozenset[str], tags: set[str], kind: str) -> str:
    """What stopped a cycle: the event's verb when it is one of the conditions."""
    met = sorted(conditions & tags)
    for verb in ("responded", "resolved", "closed"):
        if verb in met:
            return "closed" if verb == "resolved" and "closed" in tags else verb
    return met[0] if met else kind


def _holds(p: StatePredicate, snap: _Snap) -> bool:
    """Whether the state ``snap`` meets the state condition ``p``."""
    what = p.what
    if what == "status":
        return snap.status in p.values
    if what == "unassigned":
        return snap.assignee is None
    if what == "assigned":
        return snap.assignee is not None
    if what == "group":
        return snap.group in p.values
    if what == "severity":
        return snap.severity in p.values
    value = dict(snap.fields).get(p.field)
    return value is not None and str(value) in p.values


def _dt(x: int) -> dt.datetime:
    """Epoch µs as a UTC datetime, for the calendar's public methods."""
    return from_us(x, UTC)


def _deadline(cal: BusinessCalendar, x: int, budget: int, at_close: bool) -> int:
    """The deadline ``budget`` µs of business time after ``x``: the next opening when the
    budget ends at a closing (``calendar.add``), or the closing itself with ``at_close``."""
    return cal._deadline_us(x, max(budget, 0), at_close)


def _breach_in(counted: Intervals, budget: int, at_close: bool, limit: int) -> int | None:
    """The first late instant in ``counted`` (a clock's counted time up to ``limit``), if any.

    Late is one microsecond after the last on-time instant. With ``at_close`` a budget
    used up exactly at the end of a segment is late one microsecond after that closing,
    whether or not more time is counted before ``limit``.
    """
    used = counted.total()
    if used > budget:
        return _last_on_time(counted, budget, at_close) + 1
    if at_close and used == budget and used > 0:
        x = counted.ends[-1]
        return x + 1 if x + 1 <= limit else None
    return None


def _wall_shifted(deadline: int, pauses: list[Interval], start: int, end: int) -> int:
    """``deadline`` moved later by the wall-clock length of every pause that began by then."""
    for a, b in Intervals(
        (max(a, start), min(b, end)) for a, b in pauses if min(b, end) > max(a, start)
    ):
        if a > deadline:
            break
        deadline += b - a
    return deadline


def _last_on_time(counted: Intervals, budget: int, at_close: bool = False) -> int:
    """The last instant of ``counted`` at which no more than ``budget`` of it has passed.

    The caller knows ``counted`` holds more than ``budget``, so the answer is an instant
    of the set, and one microsecond later the budget is exceeded. When the budget runs
    out exactly at the end of a segment, the answer is the start of the next one (what
    :meth:`BusinessCalendar.add` calls the deadline).
    """
    x = counted.advance(counted.starts[0], budget)
    assert x is not None
    if x not in counted and not at_close:
        x = counted.starts[bisect_right(counted.starts, x)]
    return x


class _Context:
    """What every cycle of one clock in one replay is measured against."""

    __slots__ = (
        "at",
        "clocks",
        "exclude",
        "history",
        "metric",
        "pause_list",
        "paused_now",
        "pauses",
        "rules",
        "severities",
        "wall",
    )

    def __init__(
        self,
        rules: ClockRules,
        severities: dict[str, SeverityTargets],
        history: _History,
        at: int,
        pauses: Intervals,
        metric: CompiledMetric,
        pause_list: tuple[Interval, ...] = (),
        paused_now: bool = False,
    ) -> None:
        self.rules, self.severities, self.history, self.at = rules, severities, history, at
        self.pauses, self.metric, self.pause_list = pauses, metric, pause_list
        self.paused_now = paused_now
        self.clocks = rules.plan.clocks
        # Whether paused time is left out of this clock's business time, and whether
        # pauses move the deadline by their wall-clock length (``add_wall_time``).
        self.exclude = metric.pause_mode != "ignore_deadline"
        self.wall = metric.pause_mode == "add_wall_time"

    def due_field(self, severity: str) -> bool:
        """Whether this clock's target under ``severity`` is a due instant from a field."""
        return isinstance(self.severities[severity].target(self.metric.name), DueFromField)

    def clock(self, severity: str) -> tuple[BusinessCalendar, object]:
        """This clock's calendar and target as the rules state them under ``severity``."""
        key = (self.metric.name, severity)
        found = self.clocks.get(key)
        if found is None:
            spec = self.severities[severity]
            found = self.clocks[key] = (self.calendar(severity), spec.target(self.metric.name))
        return found

    def calendar(self, severity: str) -> BusinessCalendar:
        """The calendar this clock counts on while ``severity`` is in force."""
        own = self.metric.calendar
        return own if own is not None else self.severities[severity].calendar_for(self.metric.name)

    def target_us(self, severity: str, start: dt.datetime, raw: _Raw) -> int | None:
        """This clock's target (µs) under ``severity`` for a cycle starting at ``start``."""
        value: object = self.severities[severity].target(self.metric.name)
        if value is None:
            return None
        if isinstance(value, dt.timedelta):
            return value // _US
        if isinstance(value, DueFromField):
            due = DueFromField.instant(self.field_at(value.field, raw))
            if due is None:
                return None
            return max(self.calendar(severity).elapsed(start, due) // _US, 0)
        assert isinstance(value, (BusinessDays, NextBusinessDayAt, EndOfBusinessDay))
        return value.resolve(self.calendar(severity), start) // _US

    def field_at(self, name: str, raw: _Raw, when: int | None = None) -> object:
        """The value of field ``name`` at ``when``; by default when ``raw`` stops (or at
        ``at`` while it runs)."""
        end = when if when is not None else raw.stop if raw.stop is not None else self.at
        for x, snap in reversed(self.history.states):
            if x <= end:
                return dict(snap.fields).get(name)
        return None

    def severity_at(self, x: int) -> str:
        """The severity in force at ``x`` (the first one before the ticket opened)."""
        name = self.history.changes[0][1]
        for c, sev in self.history.changes:
            if c > x:
                break
            name = sev
        return name

    def regimes(self, start: int, end: int) -> list[tuple[int, str]]:
        """``(from, severity)`` for the severities in force over ``[start, end]``."""
        out = [(start, self.severity_at(start))]
        for c, sev in self.history.changes:
            if start < c <= end and sev != out[-1][1]:
                out.append((c, sev))
        return out


def _paused_at(history: _History, x: int) -> bool:
    """Whether the ticket waits on the customer at ``x`` (a pause still open counts)."""
    return any(p <= x and (r is None or x < r) for p, r in history.pauses)


def _pauses(history: _History, m: CompiledMetric, at: int) -> tuple[tuple[Interval, ...], bool]:
    """When ``m``'s clock is paused up to ``at``, and whether it is paused at ``at``."""
    if m.pause is None:
        spans = tuple((p, at if r is None else r) for p, r in history.pauses)
        return spans, _paused_at(history, at)
    if not m.pause:
        return (), False
    out: list[Interval] = []
    states = history.states
    holds = False
    for i, (x, snap) in enumerate(states):
        holds = any(_holds(p, snap) for p in m.pause)
        if holds:
            end = states[i + 1][0] if i + 1 < len(states) else at
            if out and out[-1][1] == x:
                out[-1] = (out[-1][0], end)
            elif end > x:
                out.append((x, end))
    return tuple(out), holds


def _split_restart(ctx: _Context, raw: _Raw) -> list[_Raw]:
    """With ``restart``, a severity change cancels the running cycle and starts a new one."""
    end = raw.stop if raw.stop is not None else ctx.at
    regimes = ctx.regimes(raw.start, end)
    if len(regimes) == 1:
        return [raw]
    out: list[_Raw] = []
    bounds = [c for c, _ in regimes[1:]]
    starts = [raw.start, *bounds]
    for i, s in enumerate(starts):
        last = i == len(starts) - 1
        e = raw.stop if last else bounds[i]
        if i and ctx.metric.start_from is not None:  # a retroactive start
            given = DueFromField.instant(ctx.field_at(ctx.metric.start_from, raw, s))
            s = s if given is None else min(to_us(given), s)
        gaps = [(max(a, s), b if e is None else min(b, e)) for a, b in raw.gaps]
        gaps = [(a, b) for a, b in gaps if b > a]
        stopped_by = raw.stopped_by if last else _CANCELLED
        out.append(_Raw(s, e, not last, gaps, regimes[i][1], stopped_by))
    return out


def _counted(open_: Intervals, pieces: Intervals, lo: int, hi: int) -> Intervals:
    """The open time of ``pieces`` within ``[lo, hi)`` (one clip for a cycle without holes)."""
    if len(pieces) == 1:
        return open_.clip(max(pieces.starts[0], lo), min(pieces.ends[0], hi))
    return open_ & pieces.clip(lo, hi)


class _OpenTime:
    """Each severity's open time over one cycle, asked of its calendar once."""

    __slots__ = ("_cache", "_ctx", "_end", "_start")

    def __init__(self, ctx: _Context, start: int, end: int) -> None:
        self._ctx, self._start, self._end = ctx, start, end
        self._cache: dict[str, Intervals] = {}

    def __call__(self, severity: str) -> Intervals:
        open_ = self._cache.get(severity)
        if open_ is None:
            cal = self._ctx.calendar(severity)
            open_ = self._cache[severity] = cal._open_us(self._start, self._end)
        return open_


_US = dt.timedelta(microseconds=1)


def _warnings(
    warnings: tuple[WarningThreshold, ...],
    cal: BusinessCalendar,
    target: int,
    elapsed: int,
    end: int,
    deadline: int | None,
    running: bool,
) -> tuple[int, int | None]:
    """How many ``warnings`` hold at ``end``, and when the next one is reached (running only).

    Of the business-time warnings still ahead only the nearest is asked of the calendar:
    a deadline never comes earlier for a larger budget.
    """
    level = 0
    upcoming: list[int] = []
    nearest: int | None = None  # the smallest budget still ahead
    for w in warnings:
        if w.is_calendar:
            assert w.before is not None
            assert deadline is not None
            when = deadline - w.before // _US  # no more than ``before`` of wall time left
            if end >= when:
                level += 1
            elif running:
                upcoming.append(when)
            continue
        budget = w.budget_us(target)
        if budget <= elapsed:
            level += 1
        elif running and (nearest is None or budget < nearest):
            nearest = budget
    if nearest is not None:
        upcoming.append(cal._deadline_us(end, nearest - elapsed, True))
    return level, min(upcoming, default=None)


def _escalation(
    spec: SeverityTargets, cal: BusinessCalendar, due: int, end: int, stopped: bool
) -> tuple[int, int | None]:
    """The escalation level reached by ``end`` for deadline ``due``; the next level's instant."""
    level = 0
    upcoming: int | None = None
    for e in spec.escalations:
        when = e.reached_at_us(cal, due)
        if when <= end:
            level = max(level, e.level)
        elif not stopped and (upcoming is None or when < upcoming):
            upcoming = when
    return level, upcoming


#: The longest stretch a clock's timeline is drawn for: about a thousand segments a
#: year on office hours, so the explanation stays readable and is built in a second.
_TIMELINE_YEARS = 20
_TIMELINE_US = _TIMELINE_YEARS * 366 * 86_400_000_000
#: The longest cycle measured piece by piece (pauses, reopenings, severity changes): its
#: open time is gathered segment by segment, so longer ones are refused, not waited for.
_CYCLE_YEARS = 200
_CYCLE_US = _CYCLE_YEARS * 366 * 86_400_000_000


def _cycle(ctx: _Context, metric: Metric, number: int, raw: _Raw, timeline: bool) -> CycleStatus:
    rules, at, start = ctx.rules, ctx.at, raw.start
    end = raw.stop if raw.stop is not None else at
    if raw.severity is not None:
        regimes = [(start, raw.severity)]
    elif len(ctx.history.changes) == 1:
        regimes = [(start, ctx.history.changes[0][1])]
    else:
        regimes = ctx.regimes(start, end)
    pauses = ctx.pauses
    close = rules.deadline_at_close
    wall = ctx.wall
    if timeline and end - start > _TIMELINE_US:
        raise OutOfRangeError(
            f"The {metric} clock runs from {from_us(start, UTC).isoformat()!r} to "
            f"{from_us(end, UTC).isoformat()!r}, more than {_TIMELINE_YEARS} years; a "
            f"timeline is drawn for at most {_TIMELINE_YEARS} years, so explain it at an "
            "earlier at=."
        )
    if (
        not timeline
        and not wall
        and not raw.gaps
        and len(regimes) == 1
        and (raw.stop is not None or not ctx.paused_now)
        and (not pauses or pauses.ends[-1] <= start or pauses.starts[0] >= end)
    ):
        # One severity, no pause and no reopen inside the cycle: two calendar questions.
        return _simple_cycle(ctx, metric, number, raw, regimes[0][1], end, close)
    if end - start > _CYCLE_US:
        raise OutOfRangeError(
            f"The {metric} clock runs from {from_us(start, UTC).isoformat()!r} to "
            f"{from_us(end, UTC).isoformat()!r}, more than {_CYCLE_YEARS} years, with pauses, "
            "reopenings or severity changes in it; evaluate it at an earlier at=."
        )
    targets = _Targets(ctx, start, raw)
    breach: int | None = None
    measured = None
    if not timeline and not wall and not raw.gaps and len(regimes) == 1 and ctx.exclude:
        measured = _paused_cycle(ctx, targets, regimes[0][1], start, end)
    if measured is not None:
        elapsed, running, paused = measured
    else:
        active = Intervals.span(start, end)
        if raw.gaps:
            active -= Intervals(raw.gaps)
        pieces = active - pauses if pauses and ctx.exclude else active
        opened = _OpenTime(ctx, start, end)
        elapsed, breach = _measure(ctx, regimes, targets, pieces, opened, start, end)
        running = pieces.total()
        paused = (active & pauses).total() if pauses else 0
    name = regimes[-1][1]
    spec = ctx.severities[name]
    cal = ctx.calendar(name)
    tz = cal.tz
    target = targets(name)
    stopped = raw.stop is not None
    paused_now = not stopped and ctx.paused_now
    phase: Phase
    if stopped:
        phase = "cancelled" if raw.cancelled else "met"
    else:
        phase = "paused" if paused_now else "running"

    due: int | None = None
    due_if_resumed: int | None = None
    warning_level = 0
    next_warning: int | None = None
    if target is not None:
        at_close = close and not targets.due_field(name)
        wall_due: int | None = None
        if wall:
            first = _deadline(cal, start, target, at_close)
            wall_due = _wall_shifted(first, [*ctx.pause_list, *raw.gaps], start, end)
            if wall_due + 1 <= end:
                breach = wall_due + 1
        remaining = target - elapsed
        if breach is not None:
            due = breach - 1  # the deadline it missed, paused or not, whatever the target now
        elif wall_due is not None:
            if paused_now:
                due_if_resumed = wall_due
            else:
                due = wall_due
        elif paused_now:
            due_if_resumed = _deadline(cal, at, remaining, at_close)
        else:
            due = _deadline(cal, end, remaining, at_close)
        if spec.warnings:
            deadline = due if due is not None else due_if_resumed
            warning_level, next_warning = _warnings(
                spec.warnings, cal, target, elapsed, end, deadline, phase == "running"
            )
    elif breach is not None:
        due = breach - 1
    escalation_level = 0
    next_escalation: int | None = None
    if breach is not None and spec.escalations:
        escalation_level, next_escalation = _escalation(spec, cal, breach - 1, end, stopped)

    status = _record(
        _Figures(metric, number, name, phase, raw.start, raw.stop, target, elapsed),
        tz,
        running,
        paused,
        (breach, due, due_if_resumed, next_warning, next_escalation),
        warning_level,
        escalation_level,
    )
    if not timeline:
        return status
    return replace(
        status, timeline=_timeline(ctx, status, raw, end, _OpenTime(ctx, start, end), breach)
    )


def _measure(
    ctx: _Context,
    regimes: list[tuple[int, str]],
    targets: _Targets,
    pieces: Intervals,
    opened: _OpenTime,
    start: int,
    end: int,
) -> tuple[int, int | None]:
    """The business time a cycle used and its breach instant, by the interval algebra."""
    rules, wall, close = ctx.rules, ctx.wall, ctx.rules.deadline_at_close
    breach: int | None = None
    if len(regimes) == 1:
        sev = regimes[0][1]
        counted = _counted(opened(sev), pieces, start, end)
        elapsed = counted.total()
        target = targets(sev)
        if target is not None and not wall:
            breach = _breach_in(counted, target, close and not targets.due_field(sev), end)
    elif rules.severity_change == "recompute" or wall:
        for i, (_, sev) in enumerate(regimes):
            stop_i = regimes[i + 1][0] if i + 1 < len(regimes) else end
            target = targets(sev)
            if breach is None and target is not None and not wall:
                counted = _counted(opened(sev), pieces, start, stop_i)
                breach = _breach_in(counted, target, close and not targets.due_field(sev), stop_i)
        elapsed = _counted(opened(regimes[-1][1]), pieces, start, end).total()
    else:
        elapsed = 0
        for i, (c, sev) in enumerate(regimes):
            stop_i = regimes[i + 1][0] if i + 1 < len(regimes) else end
            counted = _counted(opened(sev), pieces, c, stop_i)
            used = counted.total()
            target = targets(sev)
            if breach is None and target is not None:
                at_close = close and not targets.due_field(sev)
                if elapsed > target:
                    breach = c
                elif at_close and 0 < elapsed == target:
                    breach = c + 1 if c + 1 <= stop_i else None
                else:
                    breach = _breach_in(counted, target - elapsed, at_close, stop_i)
            elapsed += used
    return elapsed, breach


def _paused_cycle(
    ctx: _Context, targets: _Targets, severity: str, start: int, end: int
) -> tuple[int, int, int] | None:
    """A cycle of one severity whose pauses leave it within its target: the business
    time used, the wall-clock time running and paused, from one calendar question per
    pause (``None`` when it is breached, which the interval algebra places exactly)."""
    cal = ctx.calendar(severity)
    elapsed = cal._elapsed_us(start, end)
    paused = 0
    pauses = ctx.pauses
    for a, b in zip(pauses.starts, pauses.ends, strict=True):
        a, b = max(a, start), min(b, end)
        if b > a:
            elapsed -= cal._elapsed_us(a, b)
            paused += b - a
    target = targets(severity)
    if target is not None and elapsed >= target:
        return None
    return elapsed, end - start - paused, paused


class _Figures(NamedTuple):
    """What a cycle measured, in microseconds: the first fields of its record."""

    metric: str
    number: int
    severity: str
    phase: Phase
    start: int
    stop: int | None
    target: int | None
    elapsed: int


def _record(
    f: _Figures,
    tz: dt.tzinfo,
    calendar: int,
    paused: int,
    instants: tuple[int | None, int | None, int | None, int | None, int | None],
    warning_level: int,
    escalation_level: int,
) -> CycleStatus:
    """A cycle's record from its figures; ``instants`` are the breach, due, due if
    resumed, next warning and next escalation, each in µs or None.

    The record keeps the integers and makes its datetimes, timedeltas and fraction when
    they are read (most of a bulk analysis never reads most of them); an instant outside
    the years slacalc answers about is refused here, as it always was.
    """
    figures = Figures(tz, f.start, f.stop, f.target, f.elapsed, calendar, paused, *instants)
    if not figures.in_range():
        _refuse(figures)
    return deferred_cycle(
        f.metric, f.number, f.severity, f.phase, figures, warning_level, escalation_level
    )


def _refuse(f: Figures) -> None:
    """Raise the error that names the range for the first instant of ``f`` outside it, in
    the order of the record's fields."""
    for x in (f.start, f.stop, f.breach, f.due, f.resumed, f.warning, f.escalation):
        if x is not None:
            from_us(x, f.tz)


def _simple_cycle(
    ctx: _Context, metric: Metric, number: int, raw: _Raw, name: str, end: int, close: bool
) -> CycleStatus:
    """A cycle of one severity without pauses or reopen gaps (the usual one): measured
    by :func:`_clear_cycle` with this clock's target (a due instant from a field is
    read here, and is never moved to a closing)."""
    cal, value = ctx.clock(name)
    if value is None or type(value) is dt.timedelta:
        target = None if value is None else value // _US
    else:
        target = ctx.target_us(name, _dt(raw.start), raw)
    clock = _Clock(cal, cal.tz, value, target, ctx.severities[name], None)
    at_close = close and not isinstance(value, DueFromField)
    return _clear_cycle(
        clock, at_close, metric, number, name, raw.start, raw.stop, end, target, raw.cancelled
    )


_new_status = slots_maker(TicketStatus)
_new_metric = slots_maker(MetricStatus)
_NONE = Intervals()


class _Targets:
    """One cycle's target under each severity, asked of the rules once."""

    __slots__ = ("_cache", "_ctx", "_raw", "_start")

    def __init__(self, ctx: _Context, start: int, raw: _Raw) -> None:
        self._ctx, self._start, self._raw = ctx, start, raw
        self._cache: dict[str, int | None] = {}

    def __call__(self, severity: str) -> int | None:
        cache = self._cache
        if severity in cache:
            return cache[severity]
        value: object = self._ctx.severities[severity].target(self._ctx.metric.name)
        us: int | None
        if value is None or isinstance(value, dt.timedelta):
            us = None if value is None else value // _US
        else:
            us = self._ctx.target_us(severity, _dt(self._start), self._raw)
        cache[severity] = us
        return us

    def due_field(self, severity: str) -> bool:
        """Whether the target under ``severity`` is a due instant from a field."""
        return self._ctx.due_field(severity)


# -- the timeline: each cycle cut where the clock may change, with the rule behind it ---

_CANCELLED = "severity changed (severity_change='restart'): the cycle is cancelled"
_SEVERITY_CHANGE = {
    "carry_elapsed": "the time used so far is kept, the new target applies",
    "recompute": "the cycle is measured as if the new severity had held from its start",
    "restart": "the running cycle is cancelled and a new one starts",
}
_PLAIN = {
    "resumed": "resumed: the clock runs again",
    "responded": "responded",
    "resolved": "resolved: the clock stops until the ticket is reopened",
    "closed": "closed",
    "customer_replied": "the customer replied",
}


def _describe(event: TicketEvent, ctx: _Context, before: str) -> str:
    """What ``event`` does to ``ctx``'s clock (``before``: the severity until then)."""
    rules, kind = ctx.rules, event.kind
    if kind == "opened":
        return f"opened as {event.severity}"
    if kind == "severity_changed":
        mode = rules.severity_change
        return (
            f"severity changed from {before} to {event.severity} "
            f"(severity_change={mode!r}: {_SEVERITY_CHANGE[mode]})"
        )
    if kind == "paused" and ctx.metric.pause is None:
        if ctx.exclude:
            return "paused, waiting on the customer: the clock stops (pause_mode='exclude')"
        return (
            "paused, waiting on the customer; pause_mode='ignore_deadline' keeps the clock running"
        )
    if kind == "paused":
        return "paused, waiting on the customer (this clock pauses only as its pause_on says)"
    if kind == "status":
        return f"status {event.status}"
    if kind == "reply":
        visibility = "public" if event.public else "internal"
        return f"{visibility} reply by {event.author}"
    if kind == "assigned":
        return "unassigned" if event.assignee is None else f"assigned to {event.assignee}"
    if kind == "group_changed":
        return f"moved to group {event.group}"
    if kind == "field_changed":
        return "fields set: " + ", ".join(name for name, _ in event.fields)
    if kind == "reopened":
        if rules.reopen == "continue":
            return "reopened: the clock goes on from where it stopped (reopen='continue')"
        return "reopened: a new cycle starts with the full target (reopen='new_cycle')"
    return _PLAIN[kind]


def _closed(cal: BusinessCalendar, hours: str, x: int) -> str:
    """Why ``cal`` is closed from ``x``: its ``hours``, and the holidays until it opens."""
    text = f"outside the hours {hours}"
    day = from_us(x, cal.tz).date()
    last = cal.next_open(from_us(x, cal.tz)).date()
    names: list[str] = []
    while day <= last:
        names.extend(f"{day.isoformat()} {name}" for name in cal.holiday_names(day))
        day += dt.timedelta(days=1)
    return text + ("; holidays: " + ", ".join(names) if names else "")


@dataclass(slots=True)
class _Piece:
    """A timeline segment while it is drawn: epoch µs, joined with the next when alike."""

    start: int
    end: int
    state: SegmentState
    severity: str
    business: int
    late: bool
    rule: str
    events: tuple[TicketEvent, ...]


def _timeline(
    ctx: _Context, c: CycleStatus, raw: _Raw, end: int, opened: _OpenTime, breach: int | None
) -> ClockTimeline:
    """The cycle's segments: what the clock did between every two changes, and why.

    The cycle is cut at every instant where the clock may change what it does (a pause
    or reopen gap starts or ends, the severity changes, the calendar opens or closes,
    the target runs out); neighbouring pieces the clock spent alike are joined unless
    an event happened between them.
    """
    rules, start, tz = ctx.rules, raw.start, c.started_at.tzinfo or UTC
    stopped_by = raw.stopped_by if raw.stop is not None else None
    if end <= start:
        return ClockTimeline((), stopped_by)
    changes = ctx.history.changes
    # Which severity measures which stretch: per regime (carry_elapsed), the final one
    # (recompute), or the cycle's own (restart: a cycle has a single severity).
    if rules.severity_change == "carry_elapsed":
        regimes = [(x, sev) for x, sev in ctx.regimes(start, end) if x < end]
    else:
        regimes = [(start, c.severity)]
    bounds = [x for x, _ in regimes[1:]] + [end]
    gaps = Intervals(raw.gaps)
    paused = ctx.pauses if ctx.exclude else Intervals()

    cuts = {start, end}
    for a, b in [*ctx.pause_list, *raw.gaps]:
        cuts.update((a, b))
    cuts.update(x for x, _ in changes)
    for (a, sev), b in zip(regimes, bounds, strict=True):
        for p, q in opened(sev).clip(a, b):
            cuts.update((p, q))
    late_from: int | None = None
    if breach is not None:
        late_from = breach if any(x == breach for x, _ in changes) else breach - 1
        cuts.add(late_from)
    points = sorted(x for x in cuts if start <= x <= end)

    targets: dict[str, dt.timedelta | None] = {}
    hours: dict[str, str] = {}

    def target_of(severity: str) -> dt.timedelta | None:
        if severity not in targets:
            us = ctx.target_us(severity, c.started_at, raw)
            targets[severity] = None if us is None else dt.timedelta(microseconds=us)
        return c.target if rules.severity_change == "recompute" else targets[severity]

    def target_text(severity: str) -> str:
        target = target_of(severity)
        return "no target" if target is None else duration_text(target, "hours")

    happened: dict[int, list[TicketEvent]] = {}
    for x, event in ctx.history.events:
        happened.setdefault(x, []).append(event)
    rows: list[_Piece] = []
    previous: tuple[SegmentState, str, bool] | None = None
    for a, b in itertools.pairwise(points):
        measuring = regimes[bisect_right(bounds, a)][1]
        shown = ctx.severity_at(a) if rules.severity_change == "recompute" else measuring
        state: SegmentState
        if a in gaps:
            state = "after_resolution"
        elif a in paused:
            state = "paused"
        elif a in opened(measuring):
            state = "counting"
        else:
            state = "out_of_hours"
        business = b - a if state == "counting" else 0
        late = late_from is not None and a >= late_from
        key = (state, shown, late)
        events = tuple(happened.get(a, ()))
        if previous == key and not events:
            rows[-1].end = b
            rows[-1].business += business
            continue
        reasons = [_describe(e, ctx, ctx.severity_at(a - 1)) for e in events]
        if a == start:
            target = target_text(shown)
            reasons.append(
                f"the {c.metric.replace('_', '-')} clock starts "
                f"({target if target == 'no target' else 'target ' + target})"
            )
        cal = ctx.calendar(measuring)
        if measuring not in hours:
            hours[measuring] = cal.hours
        if state == "out_of_hours" and (previous is None or previous[0] != state):
            reasons.append(_closed(cal, hours[measuring], a))
        elif state == "counting" and previous is not None and previous[0] == "out_of_hours":
            reasons.append(f"open hours ({hours[measuring]})")
        if late and (previous is None or not previous[2]):
            reasons.append(
                f"the {target_text(shown)} target is used up at {instant_text(c.due, tz)}: "
                f"late from {instant_text(c.breached_at, tz)}"
            )
        rule = "; ".join(reasons) or state.replace("_", " ")
        rows.append(_Piece(a, b, state, shown, business, late, rule, events))
        previous = key
    out: list[TimelineSegment] = []
    used = 0
    for r in rows:
        used += r.business
        out.append(
            TimelineSegment(
                c.metric,
                c.number,
                from_us(r.start, tz),
                from_us(r.end, tz),
                r.state,
                r.severity,
                dt.timedelta(microseconds=r.business),
                dt.timedelta(microseconds=used),
                target_of(r.severity),
                r.late,
                r.rule,
                r.events,
            )
        )
    return ClockTimeline(tuple(out), stopped_by)


def replay(
    rules: ClockRules,
    events: Iterable[EventLike],
    at: dt.datetime,
    *,
    timeline: bool = False,
    history: History = "strict",
    extra: ExtraKeys = "forbid",
) -> TicketStatus:
    """Replay ``events`` against ``rules`` and report every clock at ``at``.

    With ``timeline=True`` every cycle also carries its :class:`ClockTimeline`; with
    ``history="lenient"`` irregular events are corrected and recorded instead of
    refused (see :meth:`ClockRules.evaluate`).

    Examples:
        >>> import datetime as dt
        >>> from slacalc.timers import SeverityTargets
        >>> cal = BusinessCalendar.always("UTC")
        >>> rules = ClockRules([SeverityTargets("p1", cal, response="1h")])
        >>> t = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)
        >>> replay(rules, [{"kind": "opened", "at": t, "severity": "p1"}], t).response.phase
        'running'
    """
    at_us = to_us(at)
    if type(events) is list and history == "strict" and not timeline and extra in _EXTRA:
        verbs = plain_verbs(events, extra)
        try:
            done = None if verbs is None else replay_verbs(rules, verbs, at, at_us)
        except SlacalcError:  # the general path raises it again, with its message
            done = None
        if done is not None:  # the usual history; anything else is read and checked below
            return done
    if isinstance(events, Iterable) and not isinstance(events, (list, str, bytes, Mapping)):
        events = list(events)  # anything else is refused, named whole, by order_events
    try:
        # The status table ranks a status event at one instant as the verb it amounts to.
        ordered, fixes = order_events(events, history, extra, rules.plan.statuses)
        lenient = history == "lenient"
        built = _build(rules, ordered, at_us, fixes if lenient else None)
    except SlacalcError as exc:
        ticket = _ticket_of(events) if extra == "ignore" and isinstance(events, list) else None
        if ticket is None:
            raise
        raise type(exc)(f"Ticket {ticket!r}: {exc}") from None
    return _status(rules, built, at, at_us, timeline, fixes)


_EXTRA = ("forbid", "ignore")


def replay_verbs(
    rules: ClockRules,
    verbs: list[tuple[int, int, int, str, str | None]],
    at: dt.datetime,
    at_us: int,
) -> TicketStatus | None:
    """A strict replay, without timelines, of plain verbs as ``plain_verbs`` gives them
    (``at_us``: ``at`` in epoch µs); ``None`` when a verb is irregular or a severity
    unknown, for the general path to refuse with its message.

    Examples:
        >>> import datetime as dt
        >>> from slacalc.timers import SeverityTargets
        >>> cal = BusinessCalendar.always("UTC")
        >>> rules = ClockRules([SeverityTargets("p1", cal, response="1h")])
        >>> t = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)
        >>> x = to_us(t)
        >>> replay_verbs(rules, [(x, 0, 0, "opened", "p1")], t, x).response.phase
        'running'
        >>> replay_verbs(rules, [(x, 0, 0, "opened", "p9")], t, x) is None
        True
    """
    done = _one_pass(rules, verbs, at_us)
    if done is not None:
        return done
    built = _build_verbs(rules, verbs, at_us)
    return None if built is None else _status(rules, built, at, at_us, False, [])


def _ticket_of(events: list[EventLike]) -> object:
    """The ``ticket_id`` the first row carries (rows of a table), else None."""
    first = events[0] if events else None
    return plain(first.get("ticket_id")) if isinstance(first, Mapping) else None


def _status(
    rules: ClockRules,
    history: _History,
    at: dt.datetime,
    at_us: int,
    timeline: bool,
    fixes: list[Correction],
) -> TicketStatus:
    """Every clock of the replayed ``history`` at ``at``."""
    severities = rules.plan.severities
    metrics: dict[str, MetricStatus] = {}
    rows: list[tuple[int, int, int, CycleStatus]] = []
    ctx: _Context | None = None
    paused: dict[object, tuple[tuple[Interval, ...], bool, Intervals]] = {}
    restart = rules.severity_change == "restart"
    for order, (name, m) in enumerate(rules.compiled.items()):
        found = paused.get(m.pause)
        if found is None:
            spans, paused_now = _pauses(history, m, at_us)
            found = paused[m.pause] = (spans, paused_now, Intervals(spans) if spans else _NONE)
        spans, paused_now, pauses = found
        ctx = _Context(rules, severities, history, at_us, pauses, m, spans, paused_now)
        raws = history.raw[name]
        if restart:
            raws = [piece for raw in raws for piece in _split_restart(ctx, raw)]
        cycles = []
        for n, raw in enumerate(raws, start=1):
            c = _cycle(ctx, name, n, raw, timeline)
            cycles.append(c)
            rows.append((raw.start, order, n, c))
        metrics[name] = _new_metric(name, cycles[-1] if cycles else None, tuple(cycles))
    assert ctx is not None

    phase: TicketPhase
    if history.opened_at is None:
        phase, severity = "not_opened", None
    else:
        severity = ctx.severity_at(at_us)
        phase = _ticket_phase(history.closed_at, history.resolved_since, _paused_at(history, at_us))
    cycles_, breached, next_cycle, next_due = _in_order(rows)
    # Every instant of the status is in the calendar's zone, the evaluation instant too.
    zone = severities[severity].calendar.tz if severity is not None else None
    kept = [f for f in fixes if to_us(f.at) <= at_us] if fixes else ()
    corrections = tuple(sorted(kept, key=_by_index)) if kept else ()
    if zone is not None and not timeline and MIN_US <= at_us <= MAX_US:
        assert severity is not None
        kept_at = StatusFigures(at_us, zone, next_cycle)
        return deferred_status(phase, severity, metrics, cycles_, breached, corrections, kept_at)
    next_due = next_due if next_cycle is None else next_cycle.due
    return _new_status(
        at if zone is None else from_us(at_us, zone),
        phase,
        severity,
        metrics["response"],
        metrics["resolution"],
        metrics.get("next_response"),
        metrics.get("periodic_update"),
        cycles_,
        breached,
        next_due,
        None if next_due is None else next_due + _US,
        corrections,
        MetricMap(metrics),
    )


def _ticket_phase(closed: int | None, resolved: int | None, paused: bool) -> TicketPhase:
    """The phase of an opened ticket: closed, resolved, paused (waiting) or open."""
    if closed is not None:
        return "closed"
    if resolved is not None:
        return "resolved"
    return "paused" if paused else "open"


def _in_order(
    rows: list[tuple[int, int, int, CycleStatus]],
) -> tuple[tuple[CycleStatus, ...], bool, CycleStatus | None, dt.datetime | None]:
    """The cycles of ``rows`` (start, metric's order, number, cycle) in order, whether
    any is breached, and the running cycle due next: as its record when the replay kept
    its figures (its instants unmade), else its due instant."""
    rows.sort()  # by start, metric, number: unique, so the cycles are never compared
    cycles = tuple([row[3] for row in rows])
    next_due: dt.datetime | None = None
    next_cycle: CycleStatus | None = None
    soonest: int | None = None
    breached = False
    for c in cycles:
        if c.breached:
            breached = True
            continue
        if c.phase != "running":
            continue
        figures = figures_of(c)
        if figures is None:  # a record with a timeline, its instants made already
            due = c.due
            if due is not None and (next_due is None or due < next_due):
                next_due = due
        elif figures.due is not None and (soonest is None or figures.due < soonest):
            soonest = figures.due
            next_cycle = c
    return cycles, breached, next_cycle, next_due


def _by_index(fix: Correction) -> int:
    """Corrections in the order of the events as given."""
    return fix.index


# -- the usual ticket in one pass ----------------------------------------------------------


class _Clock(NamedTuple):
    """What one clock's cycles under one severity are measured with (see ``_clock``)."""

    cal: BusinessCalendar
    tz: dt.tzinfo
    value: object  # the target as the rules state it
    target: int | None  # µs, when it does not depend on the cycle's start
    spec: SeverityTargets
    budgets: tuple[int, ...] | None  # the warnings' budgets, ascending, when all are fixed


def _clock(one: OnePassPlan, m: CompiledMetric, spec: SeverityTargets) -> _Clock:
    """The measures of ``m``'s cycles under ``spec``, worked out once per rules."""
    key = (m.name, spec.name)
    found: _Clock | None = one.clocks.get(key)
    if found is None:
        cal = m.calendar if m.calendar is not None else spec.calendar_for(m.name)
        value = spec.target(m.name)
        target = None if value is None or type(value) is not dt.timedelta else value // _US
        budgets = None
        if target is not None and not any(w.is_calendar for w in spec.warnings):
            budgets = tuple(sorted(w.budget_us(target) for w in spec.warnings))
        found = one.clocks[key] = _Clock(cal, cal.tz, value, target, spec, budgets)
    return found


_Looped: TypeAlias = tuple[
    list[list[int]],  # each clock's cycle starts
    list[list[int | None]],  # and stops (None while one runs)
    dict[tuple[int, int], list[Interval]],  # (clock, cycle number): its reopen gaps
    list[int],  # pauses: from
    list[int | None],  # and to (None while one lasts)
    list[tuple[int, str]],  # (from, severity), each one a change
    int | None,  # closed, as recorded by ``at``
    int | None,  # resolved, as recorded by ``at``
]


def _verb_loop(
    one: OnePassPlan,
    known: Mapping[str, object],
    restart: bool,
    ordered: list[tuple[int, int, int, str, str | None]],
    at: int,
) -> _Looped | None:
    """The event loop of :func:`_one_pass`: each clock's cycles, the pauses and the
    severities that ``ordered`` gives by ``at``, or ``None`` for what the one pass does
    not take (an irregular event, an unknown severity, a severity change under
    ``restart``; see :func:`_one_pass`).

    :data:`verb_loop` is this function, or its compiled twin where that is built.

    Examples:
        >>> from slacalc.timers import SeverityTargets
        >>> rules = ClockRules([SeverityTargets("p1", BusinessCalendar.always("UTC"),
        ...                                     response="1h")])
        >>> one, known = rules.plan.one_pass, rules.plan.severities
        >>> rows = [(0, 0, 0, "opened", "p1"), (5, 3, 1, "responded", None)]
        >>> begun, ended, *_ = _verb_loop(one, known, False, rows, 10)
        >>> begun, ended
        ([[0], [0]], [[5], [None]])
        >>> _verb_loop(one, known, False, [(0, 0, 0, "resumed", None)], 10) is None
        True
    """
    moves, after, each, resume = one.moves, one.after, one.each, one.resume
    count = len(after)
    # Each clock's cycles: their starts, stops (None while one runs) and reopen gaps.
    begun: list[list[int]] = [[] for _ in range(count)]
    ended: list[list[int | None]] = [[] for _ in range(count)]
    holes: dict[tuple[int, int], list[Interval]] = {}
    paused_from: list[int] = []
    paused_to: list[int | None] = []
    changes: list[tuple[int, str]] = []  # (from, severity), each one a change
    opened: int | None = None
    closed: int | None = None
    paused_since: int | None = None
    resolved_since: int | None = None
    seen_closed = seen_resolved = None  # what is recorded by ``at``
    severity = ""
    # What ``_problem`` refuses, checked where each verb is read: any event after the
    # ticket closed or before it opened, and each toggle in the wrong state.
    for x, _, _, kind, given in ordered:
        if closed is not None:
            return None
        recording = x <= at
        key = kind
        if kind == "opened":
            if opened is not None or given not in known:
                return None
            assert given is not None
            opened = x
            severity = given
            if recording:
                changes.append((x, given))
        elif opened is None:
            return None
        elif kind == "responded" or kind == "customer_replied":
            pass
        elif kind == "paused":
            if paused_since is not None:
                return None
            paused_since = x
            if recording:
                paused_from.append(x)
                paused_to.append(None)
        elif kind == "resumed":
            if paused_since is None:
                return None
            paused_since = None
            if recording:
                paused_to[-1] = x
        elif kind == "resolved":
            if resolved_since is not None:
                return None
            resolved_since = x
            if recording:
                seen_resolved = x
        elif kind == "closed":
            closed = x
            if recording:
                seen_closed = x
            if resolved_since is None:
                resolved_since = x
                if recording:
                    seen_resolved = x
            else:
                key = "closed again"
        elif kind == "reopened":
            if resolved_since is None:
                return None
            resolved_since = None
            if recording:
                seen_resolved = None
        else:  # severity_changed
            if given not in known:
                return None
            if given != severity:
                assert given is not None
                severity = given
                if recording:
                    if restart:
                        return None  # its cycles are split where the severity changes
                    changes.append((x, given))
            continue  # no tags a one-pass condition names
        if not recording:
            continue
        row = moves.get(key)
        if row is None:
            continue
        live = resolved_since is None
        for i, stops, resets, starts in row:
            ends = ended[i]
            if ends and ends[-1] is None:
                if stops or resets:
                    ends[-1] = x
                    if not stops and live:
                        begun[i].append(x)
                        ends.append(None)
                continue
            if not starts or not live:
                continue
            j = after[i]
            if j >= 0 and (not ended[j] or ended[j][0] is None):
                continue
            if not ends or each[i]:
                begun[i].append(x)
                ends.append(None)
            elif resume[i]:
                last = ends[-1]
                assert last is not None
                holes.setdefault((i, len(ends)), []).append((last, x))
                ends[-1] = None
    return begun, ended, holes, paused_from, paused_to, changes, seen_closed, seen_resolved


verb_loop: Callable[
    [OnePassPlan, Mapping[str, object], bool, list[tuple[int, int, int, str, str | None]], int],
    _Looped | None,
] = _verb_loop
if SPEEDUPS is not None:
    SPEEDUPS.configure(verb_loop=_verb_loop)
    verb_loop = SPEEDUPS.verb_loop


def _one_pass(
    rules: ClockRules, ordered: list[tuple[int, int, int, str, str | None]], at: int
) -> TicketStatus | None:
    """:func:`_build_verbs` and :func:`_status` in one pass, for a history of plain verbs.

    It needs rules whose clocks all follow the ticket's pauses and whose conditions name
    only verbs (``rules.plan.one_pass``). Each cycle of one severity, without a reopen
    gap, is measured as :func:`_cycle` measures it without its interval algebra: one
    calendar question for its business time, one per pause inside it, one for its
    deadline; any other cycle (a severity change or a reopen gap inside, a breach with
    a pause inside) is measured by :func:`_cycle` itself. ``None`` for an irregular
    event, an unknown severity, a severity change under ``severity_change='restart'``,
    a ticket not opened by ``at`` or an instant out of range: the two passes replay
    those, and refuse what is irregular with its message.
    """
    one = rules.plan.one_pass
    if one is None:
        return None
    known = rules.plan.severities
    looped = verb_loop(one, known, rules.severity_change == "restart", ordered, at)
    if looped is None:
        return None
    begun, ended, holes, paused_from, paused_to, changes, seen_closed, seen_resolved = looped
    count = len(one.after)
    if not changes or not MIN_US <= at <= MAX_US:
        return None
    paused_now = False
    spans: tuple[Interval, ...] = ()
    pauses = _NONE
    first_start = last_end = 0
    if paused_from:
        paused_now = paused_to[-1] is None
        spans = tuple(
            (p, at if r is None else r) for p, r in zip(paused_from, paused_to, strict=True)
        )
        pauses = Intervals(spans)
        if pauses:
            first_start, last_end = pauses.starts[0], pauses.ends[-1]
        else:
            spans = ()  # each one ended where it began: nothing was paused
    close = rules.deadline_at_close
    clocks = one.clocks
    carry = rules.severity_change == "carry_elapsed"
    history: _History | None = None
    rows: list[tuple[int, int, int, CycleStatus]] = []
    metrics: dict[str, MetricStatus] = {}
    current = changes[-1][1]
    for order in range(count):
        m = one.metrics[order]
        name = m.name
        made: list[CycleStatus] = []
        ctx: _Context | None = None
        for n, (start, stop) in enumerate(zip(begun[order], ended[order], strict=True), 1):
            end = stop if stop is not None else at
            gaps = holes.get((order, n))
            if len(changes) == 1:
                sev, regimes = current, None
            else:
                sev, regimes = changes[0][1], None
                for i, (x, was) in enumerate(changes):
                    if x > start:
                        if x <= end:  # the severity changes inside the cycle
                            regimes = [(start, sev), *((y, v) for y, v in changes[i:] if y <= end)]
                        break
                    sev = was
            clock = clocks.get((name, sev))
            if clock is None:
                clock = _clock(one, m, known[sev])
            c_: CycleStatus | None = None
            if regimes is None:
                if (
                    gaps is None
                    and (stop is not None or not paused_now)
                    and (not spans or last_end <= start or first_start >= end)
                ):
                    c_ = _clear_cycle(
                        clock, close, name, n, sev, start, stop, end, _target(clock, start)
                    )
                else:
                    c_ = _measured_one(
                        [(start, clock)], close, name, n, sev, start, stop, at, paused_now,
                        pauses, gaps,
                    )  # fmt: skip
            elif carry:  # measured in regimes, each on its own severity's clock
                c_ = _measured_one(
                    [(x, _clock(one, m, known[v])) for x, v in regimes], close, name, n,
                    regimes[-1][1], start, stop, at, paused_now, pauses, gaps,
                )  # fmt: skip
            if c_ is None:
                if ctx is None:
                    if history is None:
                        history = _History(
                            opened_at=changes[0][0],
                            changes=changes,
                            pauses=list(zip(paused_from, paused_to, strict=True)),
                        )
                    ctx = _Context(rules, known, history, at, pauses, m, spans, paused_now)
                raw = _Raw(start, stop, gaps=[] if gaps is None else gaps)
                c_ = _cycle(ctx, name, n, raw, False)
            made.append(c_)
            rows.append((start, order, n, c_))
        metrics[name] = _new_metric(name, made[-1] if made else None, tuple(made))
    phase = _ticket_phase(seen_closed, seen_resolved, paused_now)
    cycles_, breached, next_cycle, _ = _in_order(rows)
    figures = StatusFigures(at, known[current].calendar.tz, next_cycle)
    return deferred_status(phase, current, metrics, cycles_, breached, (), figures)


def _target(clock: _Clock, start: int) -> int | None:
    """A cycle's target in µs: fixed, or resolved from the cycle's start (a relative one)."""
    value = clock.value
    if clock.target is not None or value is None:
        return clock.target
    assert isinstance(value, (BusinessDays, NextBusinessDayAt, EndOfBusinessDay))
    return value.resolve(clock.cal, _dt(start)) // _US


def _warned(
    clock: _Clock, target: int, elapsed: int, end: int, deadline: int | None, running: bool
) -> tuple[int, int | None]:
    """:func:`_warnings` for ``clock``, from its fixed budgets when it has them."""
    budgets = clock.budgets
    if budgets is None:
        return _warnings(clock.spec.warnings, clock.cal, target, elapsed, end, deadline, running)
    level = 0
    for b in budgets:
        if b > elapsed:
            if running:
                return level, clock.cal._deadline_us(end, b - elapsed, True)
            break
        level += 1
    return level, None


def _clear_cycle(
    clock: _Clock,
    close: bool,
    metric: Metric,
    number: int,
    severity: str,
    start: int,
    stop: int | None,
    end: int,
    target: int | None,
    cancelled: bool = False,
) -> CycleStatus:
    """A cycle of one severity with no pause or gap inside, from two calendar questions:
    the business time between its start and end, and the deadline its ``target`` (µs)
    gives from its start (with nothing paused, the deadline from any later instant is
    the same one). An instant outside the supported years is refused here."""
    cal = clock.cal
    elapsed = cal._elapsed_us(start, end)
    stopped = stop is not None
    breach = due = next_warning = next_escalation = None
    warning_level = escalation_level = 0
    if target is not None:
        due = cal._deadline_us(start, max(target, 0), close)
        if (elapsed >= target and due < end) if close else elapsed > target:
            breach = due + 1
        if clock.spec.warnings:
            warning_level, next_warning = _warned(clock, target, elapsed, end, due, not stopped)
        if breach is not None and clock.spec.escalations:
            escalation_level, next_escalation = _escalation(clock.spec, cal, due, end, stopped)
    figures = Figures(
        clock.tz, start, stop, target, elapsed, end - start, 0, breach, due, None, next_warning,
        next_escalation,
    )  # fmt: skip
    if not figures.in_range():
        _refuse(figures)
    phase: Phase = ("cancelled" if cancelled else "met") if stopped else "running"
    return deferred_cycle(metric, number, severity, phase, figures, warning_level, escalation_level)


def _measured_one(
    regimes: list[tuple[int, _Clock]],
    close: bool,
    metric: Metric,
    number: int,
    severity: str,
    start: int,
    stop: int | None,
    at: int,
    paused_now: bool,
    pauses: Intervals,
    gaps: list[Interval] | None,
) -> CycleStatus | None:
    """A cycle with pauses, reopen gaps or severity changes inside: what :func:`_cycle`
    measures, without its interval algebra (``None`` for a target used up exactly at the
    end of a stretch with ``deadline_at_close``, or a cycle longer than the general path
    measures, for :func:`_cycle` itself).

    ``regimes`` are ``(from, clock)`` for each severity in force from ``start`` on (one
    for a cycle of one severity), ``severity`` the last one's name. Each regime counts
    its business time on its own calendar over the stretches the cycle ran (not paused,
    not resolved before a reopening): one calendar question per stretch. The time
    carries from one regime to the next (``severity_change='carry_elapsed'``). The
    stretch in which a target runs out places the breach with one more question: its
    last on-time instant is the deadline of what was left of the target from the
    stretch's start (a stretch has no hole, so this is where the counted time runs
    out, moved to the next opening unless the deadline is at a closing).
    """
    end = stop if stop is not None else at
    if end - start > _CYCLE_US:
        return None
    holes = pauses
    if gaps is not None:
        between = Intervals(gaps)
        holes = between | pauses
    starts, ends = holes.starts, holes.ends
    elapsed = 0
    breach: int | None = None
    target: int | None = None
    clock = regimes[0][1]
    for i, (lo, clock) in enumerate(regimes):
        hi = regimes[i + 1][0] if i + 1 < len(regimes) else end
        cal = clock.cal
        target = _target(clock, start)
        if breach is None and target is not None:
            if elapsed > target:  # carried in over the new target: late from the change
                breach = lo
            elif close and 0 < elapsed == target:
                return None
        ran_from = lo
        for j in range(len(starts) + 1):
            if j < len(starts):
                a, b = max(starts[j], lo), min(ends[j], hi)
                if b <= a:
                    continue
            else:
                a = b = hi
            if a > ran_from:  # the stretch [ran_from, a) ran
                used = cal._elapsed_us(ran_from, a)
                if breach is None and target is not None:
                    left = target - elapsed
                    if close and (used == left or left == 0):
                        return None  # used up exactly at a closing: the algebra decides
                    if used > left:
                        breach = cal._deadline_us(ran_from, left, close) + 1
                elapsed += used
            ran_from = b
    off = 0
    for a, b in zip(starts, ends, strict=True):
        a, b = max(a, start), min(b, end)
        if b > a:
            off += b - a
    paused = off
    if gaps is not None:  # the paused time the gaps leave
        paused = (pauses.clip(start, end) - between).total() if pauses else 0
    cal = clock.cal
    spec = clock.spec
    stopped = stop is not None
    now = not stopped and paused_now
    phase: Phase = "met" if stopped else "paused" if now else "running"
    due = resumed = next_warning = next_escalation = None
    warning_level = escalation_level = 0
    if breach is not None:
        due = breach - 1  # the deadline it missed, paused or not
    elif target is not None:
        remaining = target - elapsed
        if now:
            resumed = cal._deadline_us(at, remaining, close)
        else:
            due = cal._deadline_us(end, remaining, close)
    if target is not None and spec.warnings:
        deadline = due if due is not None else resumed
        warning_level, next_warning = _warned(
            clock, target, elapsed, end, deadline, phase == "running"
        )
    if breach is not None and spec.escalations:
        escalation_level, next_escalation = _escalation(spec, cal, breach - 1, end, stopped)
    figures = Figures(
        clock.tz, start, stop, target, elapsed, end - start - off, paused, breach, due, resumed,
        next_warning, next_escalation,
    )  # fmt: skip
    if not figures.in_range():
        return None
    return deferred_cycle(metric, number, severity, phase, figures, warning_level, escalation_level)
