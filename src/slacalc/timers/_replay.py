"""Replay: events -> ticket history -> clock cycles -> status at an instant.

Everything is recomputed from the events on every call; nothing is stored. Inside,
instants and durations are ``int`` microseconds (see ``slacalc._time``); calendars are
used only through their public API.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction

from slacalc._time import UTC, from_us, to_us
from slacalc.calendar import BusinessCalendar
from slacalc.errors import TicketEventError, UnknownSeverityError
from slacalc.timers._events import EventLike, TicketEvent, coerce_events
from slacalc.timers._rules import ClockRules, SeverityTargets, severity_map
from slacalc.timers._status import (
    CycleStatus,
    Metric,
    MetricStatus,
    Phase,
    TicketPhase,
    TicketStatus,
)

__all__ = ["replay"]

_US = dt.timedelta(microseconds=1)
_METRICS: tuple[Metric, ...] = ("response", "resolution", "next_response", "periodic_update")

Interval = tuple[int, int]


@dataclass(slots=True)
class _Raw:
    """A clock cycle as the events define it, before targets are applied."""

    start: int
    stop: int | None = None
    cancelled: bool = False
    gaps: list[Interval] = field(default_factory=list)
    severity: str | None = None


@dataclass(slots=True)
class _History:
    """What the events up to the evaluation instant say happened."""

    opened_at: int | None = None
    changes: list[tuple[int, str]] = field(default_factory=list)
    pauses: list[tuple[int, int | None]] = field(default_factory=list)
    resolved_since: int | None = None
    closed_at: int | None = None
    raw: dict[Metric, list[_Raw]] = field(default_factory=dict)


def _where(index: int, event: TicketEvent) -> str:
    return f"event {index} ({event.kind!r} at {event.at.isoformat()})"


def _build(rules: ClockRules, ordered: list[tuple[int, TicketEvent]], at: int) -> _History:
    """Check the whole event list for consistency; record what happened up to ``at``."""
    known = severity_map(rules)
    h = _History(raw={m: [] for m in _METRICS})
    wants = {m: m in ("response", "resolution") or rules.defines(m) for m in _METRICS}
    opened = closed = False
    paused_since: int | None = None
    resolved_since: int | None = None
    severity: str | None = None

    def open_cycle(metric: Metric) -> _Raw | None:
        cycles = h.raw[metric]
        return cycles[-1] if cycles and cycles[-1].stop is None else None

    def stop(metric: Metric, x: int) -> None:
        cycle = open_cycle(metric)
        if cycle is not None:
            cycle.stop = x

    def start(metric: Metric, x: int) -> None:
        if wants[metric]:
            h.raw[metric].append(_Raw(x))

    for index, (x, event) in enumerate(ordered):
        kind = event.kind
        where = _where(index, event)
        lead = where[:1].upper() + where[1:]  # capitalised, the rest as written
        if closed:
            raise TicketEventError(
                f"{lead} comes after the ticket was closed; a closed ticket "
                "takes no more events (reopen and resolve instead of closing)."
            )
        if not opened and kind != "opened":
            raise TicketEventError(
                f"{lead} comes before the ticket is opened; start the list "
                "with an 'opened' event at or before it."
            )
        if kind in ("opened", "severity_changed") and event.severity not in known:
            raise UnknownSeverityError(
                f"Unknown severity {event.severity!r} in {where}; use one of "
                f"{', '.join(repr(n) for n in rules.names)}."
            )
        if kind == "opened" and opened:
            raise TicketEventError(
                f"{lead}: the ticket is already open; a ticket is opened once "
                "(use 'reopened' after 'resolved')."
            )
        if kind == "paused" and paused_since is not None:
            raise TicketEventError(
                f"{lead}: the ticket is already paused since "
                f"{from_us(paused_since, UTC).isoformat()}; add a 'resumed' event first."
            )
        if kind == "resumed" and paused_since is None:
            raise TicketEventError(
                f"{lead}: resumed without being paused; add a 'paused' event before it, or drop it."
            )
        if kind == "resolved" and resolved_since is not None:
            raise TicketEventError(
                f"{lead}: the ticket is already resolved since "
                f"{from_us(resolved_since, UTC).isoformat()}; add a 'reopened' event first."
            )
        if kind == "reopened" and resolved_since is None:
            raise TicketEventError(
                f"{lead}: the ticket is not resolved, so it cannot be reopened; "
                "add a 'resolved' event before it, or drop it."
            )
        recording = x <= at
        if kind == "opened":
            opened = True
            severity = event.severity
            if recording:
                assert severity is not None
                h.opened_at = x
                h.changes.append((x, severity))
                start("response", x)
                start("resolution", x)
        elif kind == "severity_changed":
            if event.severity != severity:
                severity = event.severity
                if recording:
                    assert severity is not None
                    h.changes.append((x, severity))
        elif kind == "paused":
            paused_since = x
            if recording:
                h.pauses.append((x, None))
        elif kind == "resumed":
            paused_since = None
            if recording:
                h.pauses[-1] = (h.pauses[-1][0], x)
        elif kind == "responded":
            if recording:
                stop("response", x)
                stop("next_response", x)
                stop("periodic_update", x)
                if resolved_since is None:
                    start("periodic_update", x)
        elif kind in ("resolved", "closed"):
            if kind == "closed":
                closed = True
                if recording:
                    h.closed_at = x
            if resolved_since is None:
                resolved_since = x
                if recording:
                    h.resolved_since = x
                    for metric in _METRICS:
                        stop(metric, x)
        elif kind == "reopened":
            since = resolved_since
            resolved_since = None
            if recording:
                h.resolved_since = None
                assert since is not None
                cycles = h.raw["resolution"]
                if rules.reopen == "continue" and cycles and cycles[-1].stop == since:
                    cycles[-1].gaps.append((since, x))
                    cycles[-1].stop = None
                else:
                    start("resolution", x)
                start("periodic_update", x)
        elif kind == "customer_replied" and recording:
            responded = h.raw["response"] and h.raw["response"][0].stop is not None
            if responded and resolved_since is None and open_cycle("next_response") is None:
                start("next_response", x)
    return h


def _subtract(lo: int, hi: int, holes: list[Interval]) -> list[Interval]:
    """``[lo, hi)`` minus the holes (sorted by start, may overlap)."""
    out: list[Interval] = []
    cursor = lo
    for a, b in holes:
        if b <= cursor or a >= hi:
            continue
        if a > cursor:
            out.append((cursor, a))
        cursor = max(cursor, b)
        if cursor >= hi:
            break
    if cursor < hi:
        out.append((cursor, hi))
    return out


def _clip(pieces: list[Interval], lo: int, hi: int) -> list[Interval]:
    return [(max(a, lo), min(b, hi)) for a, b in pieces if min(b, hi) > max(a, lo)]


def _dt(x: int) -> dt.datetime:
    return from_us(x, UTC)


def _elapsed(cal: BusinessCalendar, a: int, b: int) -> int:
    return cal.elapsed(_dt(a), _dt(b)) // _US


def _measure(cal: BusinessCalendar, pieces: list[Interval]) -> int:
    return sum(_elapsed(cal, a, b) for a, b in pieces)


def _add(cal: BusinessCalendar, x: int, budget: int) -> int:
    return to_us(cal.add(_dt(x), dt.timedelta(microseconds=budget)))


def _last_on_time(cal: BusinessCalendar, pieces: list[Interval], budget: int) -> int:
    """The last instant in ``pieces`` at which no more than ``budget`` has been used.

    The caller knows more than ``budget`` is used over ``pieces``, so the answer is an
    open instant inside one piece, and one microsecond later the budget is exceeded.
    """
    for a, b in pieces:
        used = _elapsed(cal, a, b)
        if used > budget:
            return _add(cal, a, budget)
        budget -= used
    raise AssertionError("the budget is not exceeded")  # pragma: no cover


@dataclass(frozen=True, slots=True)
class _Context:
    rules: ClockRules
    severities: dict[str, SeverityTargets]
    history: _History
    at: int

    def severity_at(self, x: int) -> str:
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

    def paused_at(self, x: int) -> bool:
        return any(p <= x and (r is None or x < r) for p, r in self.history.pauses)

    def pause_intervals(self) -> list[Interval]:
        return [(p, self.at if r is None else r) for p, r in self.history.pauses]


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
        gaps = [(max(a, s), b if e is None else min(b, e)) for a, b in raw.gaps]
        gaps = [(a, b) for a, b in gaps if b > a]
        out.append(_Raw(s, e, cancelled=not last, gaps=gaps, severity=regimes[i][1]))
    return out


def _cycle(ctx: _Context, metric: Metric, number: int, raw: _Raw) -> CycleStatus:
    rules, at = ctx.rules, ctx.at
    end = raw.stop if raw.stop is not None else at
    pauses = ctx.pause_intervals()
    active = _subtract(raw.start, end, raw.gaps)
    holes = sorted(raw.gaps + pauses) if rules.pause_mode == "exclude" else raw.gaps
    pieces = _subtract(raw.start, end, holes)
    if raw.severity is not None:
        regimes = [(raw.start, raw.severity)]
    else:
        regimes = ctx.regimes(raw.start, end)
    start_dt = _dt(raw.start)

    breach: int | None = None
    if rules.severity_change == "recompute":
        for i, (_, sev) in enumerate(regimes):
            spec = ctx.severities[sev]
            stop_i = regimes[i + 1][0] if i + 1 < len(regimes) else end
            target = spec.target_us(metric, start_dt)
            if breach is None and target is not None:
                sub = _clip(pieces, raw.start, stop_i)
                if _measure(spec.calendar, sub) > target:
                    breach = _last_on_time(spec.calendar, sub, target) + 1
        spec = ctx.severities[regimes[-1][1]]
        elapsed = _measure(spec.calendar, pieces)
    else:
        elapsed = 0
        for i, (c, sev) in enumerate(regimes):
            spec = ctx.severities[sev]
            stop_i = regimes[i + 1][0] if i + 1 < len(regimes) else end
            sub = _clip(pieces, c, stop_i)
            used = _measure(spec.calendar, sub)
            target = spec.target_us(metric, start_dt)
            if breach is None and target is not None:
                if elapsed > target:
                    breach = c
                elif used > target - elapsed:
                    breach = _last_on_time(spec.calendar, sub, target - elapsed) + 1
            elapsed += used

    cal = spec.calendar
    tz = cal.tz
    target = spec.target_us(metric, start_dt)
    stopped = raw.stop is not None
    paused_now = not stopped and ctx.paused_at(at)
    phase: Phase
    if stopped:
        phase = "cancelled" if raw.cancelled else "met"
    else:
        phase = "paused" if paused_now else "running"

    due: int | None = None
    due_if_resumed: int | None = None
    warning_level = 0
    next_warning: int | None = None
    if breach is not None:
        due = breach - 1  # the deadline it missed, paused or not, whatever the target now
    if target is not None:
        remaining = target - elapsed
        if breach is not None:
            pass
        elif paused_now:
            due_if_resumed = _add(cal, at, remaining)
        else:
            due = _add(cal, end, remaining)
        budgets = sorted(w.budget_us(target) for w in spec.warnings)
        warning_level = sum(1 for b in budgets if b <= elapsed)
        if phase == "running" and warning_level < len(budgets):
            lead = budgets[warning_level] - elapsed
            next_warning = to_us(cal.exhausted_at(_dt(at), dt.timedelta(microseconds=lead)))

    paused_wall = sum(
        min(b, pb) - max(a, pa) for a, b in active for pa, pb in pauses if min(b, pb) > max(a, pa)
    )
    running_wall = sum(b - a for a, b in pieces)

    def out(x: int | None) -> dt.datetime | None:
        return None if x is None else from_us(x, tz)

    def span(us: int) -> dt.timedelta:
        return dt.timedelta(microseconds=us)

    return CycleStatus(
        metric=metric,
        number=number,
        severity=spec.name,
        phase=phase,
        started_at=from_us(raw.start, tz),
        stopped_at=out(raw.stop),
        target=None if target is None else span(target),
        elapsed=span(elapsed),
        elapsed_calendar=span(running_wall),
        paused=span(paused_wall),
        remaining=None if target is None else span(target - elapsed),
        percent_used=None if target is None else Fraction(elapsed, target),
        breached=breach is not None,
        breached_at=out(breach),
        due=out(due),
        due_if_resumed=out(due_if_resumed),
        warning_level=warning_level,
        next_warning_at=out(next_warning),
    )


def replay(rules: ClockRules, events: Iterable[EventLike], at: dt.datetime) -> TicketStatus:
    """Replay ``events`` against ``rules`` and report every clock at ``at``.

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
    ordered = coerce_events(events)
    history = _build(rules, ordered, at_us)
    ctx = _Context(rules, dict(severity_map(rules)), history, at_us)
    metrics: dict[Metric, MetricStatus] = {}
    rows: list[CycleStatus] = []
    for metric in _METRICS:
        raws = history.raw[metric]
        if rules.severity_change == "restart":
            raws = [piece for raw in raws for piece in _split_restart(ctx, raw)]
        cycles = tuple(_cycle(ctx, metric, n, raw) for n, raw in enumerate(raws, start=1))
        rows.extend(cycles)
        metrics[metric] = MetricStatus.from_cycles(metric, cycles)

    phase: TicketPhase
    if history.opened_at is None:
        phase, severity = "not_opened", None
    else:
        severity = ctx.severity_at(at_us)
        if history.closed_at is not None:
            phase = "closed"
        elif history.resolved_since is not None:
            phase = "resolved"
        elif ctx.paused_at(at_us):
            phase = "paused"
        else:
            phase = "open"
    dues = [c.due for c in rows if c.phase == "running" and not c.breached and c.due is not None]
    next_due = min(dues, key=to_us) if dues else None
    rows.sort(key=lambda c: (to_us(c.started_at), _METRICS.index(c.metric), c.number))
    # Every instant of the status is in the calendar's zone, the evaluation instant too.
    zone = rules.severity(severity).calendar.tz if severity is not None else None
    return TicketStatus(
        at=at if zone is None else from_us(at_us, zone),
        phase=phase,
        severity=severity,
        response=metrics["response"],
        resolution=metrics["resolution"],
        next_response=metrics["next_response"] if rules.defines("next_response") else None,
        periodic_update=metrics["periodic_update"] if rules.defines("periodic_update") else None,
        cycles=tuple(rows),
        breached=any(c.breached for c in rows),
        next_due=next_due,
        next_breach_at=None if next_due is None else next_due + _US,
    )
