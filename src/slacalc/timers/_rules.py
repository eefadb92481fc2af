"""The rules a ticket's clocks follow: targets per severity, warnings, and named modes.

These are plain frozen values (no pydantic): :class:`slacalc.policy.SLAPolicy` converts
into them, and they can be built by hand for tests or other front ends.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeAlias, get_args

from slacalc._exact import parse_share
from slacalc._time import duration_to_us, from_us, to_us
from slacalc._validate import check_items, shown
from slacalc.calendar import BusinessCalendar
from slacalc.errors import InvalidDurationError, InvalidOptionError, UnknownSeverityError
from slacalc.timers._due import DueFromField
from slacalc.timers._metrics import (
    DEFAULT_STATUSES,
    CompiledMetric,
    MetricDefinition,
    OnePassPlan,
    StatusCategory,
    builtin_metrics,
    check_statuses,
    compile_metrics,
    one_pass_plan,
)
from slacalc.timers._relative import EndOfBusinessDay, NextBusinessDayAt

if TYPE_CHECKING:
    from slacalc._time import DurationLike
    from slacalc.timers._events import EventLike, ExtraKeys, History
    from slacalc.timers._status import TicketStatus

__all__ = [
    "BusinessDays",
    "ClockRules",
    "Deadlines",
    "Escalation",
    "PauseMode",
    "ReopenMode",
    "SeverityChangeMode",
    "SeverityTargets",
    "Target",
    "TimeBasis",
    "WarningThreshold",
]

PauseMode: TypeAlias = Literal["exclude", "ignore_deadline", "add_wall_time"]
"""``exclude``: paused time does not count and the deadline moves later (default).
``ignore_deadline``: paused time counts; the deadline is hidden while paused and unchanged after.
``add_wall_time``: the deadline is the one without pauses, moved later by the wall-clock
length of each pause that began by then, nights included (ERPNext adds hold time this way).

Examples:
    >>> from typing import get_args
    >>> from slacalc.timers import PauseMode
    >>> get_args(PauseMode)
    ('exclude', 'ignore_deadline', 'add_wall_time')
"""
SeverityChangeMode: TypeAlias = Literal["carry_elapsed", "recompute", "restart"]
"""``carry_elapsed`` (default): keep the business time used, swap the target.
``recompute``: as if the new severity had held from the start.
``restart``: cancel the running cycle and start the new target's clock at the change.

Examples:
    >>> from typing import get_args
    >>> from slacalc.timers import SeverityChangeMode
    >>> get_args(SeverityChangeMode)
    ('carry_elapsed', 'recompute', 'restart')
"""
ReopenMode: TypeAlias = Literal["continue", "new_cycle"]
"""``continue`` (default): a reopened ticket's resolution clock goes on from where it stopped.
``new_cycle``: the resolution cycle ends at the resolve; a reopen starts a fresh one.

Examples:
    >>> from typing import get_args
    >>> from slacalc.timers import ReopenMode
    >>> get_args(ReopenMode)
    ('continue', 'new_cycle')
"""

TimeBasis: TypeAlias = Literal["business", "calendar"]
"""How an offset from a deadline is measured.

``business`` (default): business time on the clock's calendar, so closed hours do not count.
``calendar``: wall-clock time, nights and weekends included.

Examples:
    >>> from typing import get_args
    >>> from slacalc.timers import TimeBasis
    >>> get_args(TimeBasis)
    ('business', 'calendar')
"""

_PAUSE_MODES: tuple[str, ...] = get_args(PauseMode)
_TIME_BASES: tuple[str, ...] = get_args(TimeBasis)
_CHANGE_MODES: tuple[str, ...] = get_args(SeverityChangeMode)
_REOPEN_MODES: tuple[str, ...] = get_args(ReopenMode)
_US = dt.timedelta(microseconds=1)


def _td(us: int) -> dt.timedelta:
    return dt.timedelta(microseconds=us)


def _check_mode(value: object, allowed: tuple[str, ...], what: str) -> None:
    if not isinstance(value, str) or value not in allowed:
        raise InvalidOptionError(
            f"Unknown {what} {value!r}; pass one of {', '.join(repr(a) for a in allowed)}."
        )


@dataclass(frozen=True, slots=True)
class BusinessDays:
    """A target of whole business days, each ending at the same wall time ("next business day").

    The target is fixed when a clock starts: from the first open instant at or after the
    start, move ``count`` business days forward and keep the wall-clock time. A business
    day is a local date (in the calendar's zone) on which the calendar is open at some
    time (:meth:`BusinessCalendar.is_business_day`); the hours after midnight of a night
    shift make that date one too. The
    clock's target is the business time between the start and that instant, so pauses
    and warnings work as for any other target. When
    that wall time is closed on the day reached, the deadline is the next opening after
    it (slacalc's deadline rule).

    Args:
        count: the number of business days, at least 1.

    Raises:
        InvalidDurationError: ``count`` is not a positive whole number.

    Examples:
        >>> import datetime as dt
        >>> cal = BusinessCalendar("Mon-Fri 09:00-18:00", tz="Europe/Copenhagen")
        >>> wednesday = dt.datetime(2026, 11, 25, 10, 0, tzinfo=cal.tz)
        >>> BusinessDays(2).resolve(cal, wednesday)
        datetime.timedelta(seconds=64800)
    """

    count: int

    def __post_init__(self) -> None:
        if isinstance(self.count, bool) or not isinstance(self.count, int) or self.count < 1:
            raise InvalidDurationError(
                f"BusinessDays({self.count!r}) needs a whole number of days of at least 1; "
                "pass e.g. BusinessDays(2)."
            )

    def resolve(self, calendar: BusinessCalendar, start: dt.datetime) -> dt.timedelta:
        """The business time from ``start`` to the same wall time ``count`` business days on.

        Args:
            calendar: the calendar whose business days and hours count.
            start: the instant the clock starts (aware).

        Returns:
            The target as business time on ``calendar``.

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-18:00", tz="Europe/Copenhagen")
            >>> friday_night = dt.datetime(2026, 11, 27, 23, 10, tzinfo=cal.tz)
            >>> BusinessDays(1).resolve(cal, friday_night)   # Mon 09:00 -> Tue 09:00
            datetime.timedelta(seconds=32400)
        """
        first = calendar.next_open(start)
        wall = first.timetz().replace(tzinfo=None)
        day = calendar.add_business_days(first.date(), self.count)
        landing = dt.datetime.combine(day, wall, calendar.tz)
        return calendar.elapsed(start, landing)

    def __str__(self) -> str:
        return f"{self.count} business day{'s' if self.count != 1 else ''}"


Target: TypeAlias = (
    "dt.timedelta | BusinessDays | NextBusinessDayAt | EndOfBusinessDay | DueFromField"
)
"""A clock target: business time (``timedelta``), :class:`BusinessDays`, a relative target,
or a due instant from a ticket field (:class:`DueFromField`).

A relative target (:class:`NextBusinessDayAt`, :class:`EndOfBusinessDay`) names a
deadline; like :class:`BusinessDays` it resolves into business time when a clock starts.

Examples:
    >>> from slacalc import BusinessCalendar, BusinessDays, SeverityTargets
    >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
    >>> SeverityTargets("low", cal, response="4h", resolution=BusinessDays(3)).resolution
    BusinessDays(...)
"""


def _target(value: object, what: str, calendar: BusinessCalendar) -> Target:
    """A target checked and converted: durations to ``timedelta``, relative ones checked."""
    if isinstance(value, (NextBusinessDayAt, EndOfBusinessDay)):
        value.check(calendar)
        return value
    if isinstance(value, (BusinessDays, DueFromField)):
        return value
    us = duration_to_us(value)
    if us <= 0:
        raise InvalidDurationError(
            f"The {what} target {value!r} is not positive; give a duration such as '1h'."
        )
    return _td(us)


@dataclass(frozen=True, slots=True)
class WarningThreshold:
    """When a clock warns: at a share of its target, or a fixed time before the deadline.

    Exactly one of ``percent`` and ``before`` is given. A warning is *reached* when the
    business time used is at least ``percent`` of the target, or when no more than
    ``before`` is left before the deadline (``due``, the last on-time instant).

    ``before`` is measured as ``measured_in`` says. ``'business'`` (the default): business
    time left on the clock's calendar, so on a 24x7 calendar it is plain clock time.
    ``'calendar'``: wall-clock time left, ``due - t``, nights and weekends included, so
    a deadline on Monday 09:30 with ``before='2h'`` warns on Monday 07:30 even when the
    calendar is closed then, and not on Friday evening. While a clock is paused the
    deadline it would have if resumed now counts. Shares are exact: ``"75%"``,
    ``Fraction(3, 4)`` or ``Decimal("0.75")``; floats are refused.

    Args:
        percent: a share of the target in (0, 1], e.g. ``"75%"``.
        before: time before the deadline, e.g. ``"15m"``.
        measured_in: ``'business'`` (default) or ``'calendar'``, for ``before`` only.

    Raises:
        InvalidOptionError: neither or both are given, the share is out of range, an
            unknown ``measured_in``, or ``measured_in='calendar'`` with ``percent``.
        InvalidDurationError: ``before`` is not a positive duration.

    Examples:
        >>> WarningThreshold(percent="75%").budget_us(8 * 3_600_000_000) / 3_600_000_000
        6.0
        >>> WarningThreshold(before="15m")
        ... # doctest: +NORMALIZE_WHITESPACE
        WarningThreshold(percent=None, before=datetime.timedelta(seconds=900),
                         measured_in='business')
        >>> WarningThreshold(before="2h", measured_in="calendar").measured_in
        'calendar'
    """

    percent: Fraction | None = None
    before: dt.timedelta | None = None
    measured_in: TimeBasis = "business"

    def __init__(
        self, percent: object = None, before: object = None, measured_in: TimeBasis = "business"
    ) -> None:
        if (percent is None) == (before is None):
            raise InvalidOptionError(
                f"A warning needs exactly one of percent= and before= (got percent={percent!r}, "
                f"before={before!r}); pass e.g. percent='75%' or before='15m'."
            )
        _check_mode(measured_in, _TIME_BASES, "time basis (measured_in)")
        share: Fraction | None = None
        lead: dt.timedelta | None = None
        if percent is not None:
            if measured_in != "business":
                raise InvalidOptionError(
                    f"A percent warning ({percent!r}) is a share of business time; "
                    "measured_in='calendar' goes with before=, e.g. before='2h'."
                )
            share = parse_share(
                percent,
                what="the warning share",
                example="'75%'",
                error=InvalidOptionError,
                bounded=False,
                message=(
                    "{value!r} is not an exact share; write a percentage such as '75%' or "
                    "pass Fraction(3, 4) or Decimal('0.75')."
                ),
            )
            if not 0 < share <= 1:
                raise InvalidOptionError(
                    f"The warning share {percent!r} is out of range; give a share above 0% "
                    "and at most 100%, e.g. '75%'."
                )
        else:
            us = duration_to_us(before)
            if us <= 0:
                raise InvalidDurationError(
                    f"The warning lead time {before!r} is not positive; give e.g. '15m'."
                )
            lead = _td(us)
        object.__setattr__(self, "percent", share)
        object.__setattr__(self, "before", lead)
        object.__setattr__(self, "measured_in", measured_in)

    @property
    def is_calendar(self) -> bool:
        """Whether ``before`` is wall-clock time (not business time).

        Examples:
            >>> WarningThreshold(before="1h", measured_in="calendar").is_calendar
            True
        """
        return self.measured_in == "calendar"

    def budget_us(self, target_us: int) -> int:
        """The business time used (µs, rounded up) at which a business-time warning is reached.

        Args:
            target_us: the clock's target in microseconds.

        Returns:
            The smallest whole number of microseconds at which the warning holds.

        Examples:
            >>> WarningThreshold(percent="1%").budget_us(150)   # 1.5 µs -> 2 µs
            2
        """
        if self.percent is not None:
            return -((-target_us * self.percent.numerator) // self.percent.denominator)
        assert self.before is not None
        return max(target_us - (self.before // _US), 0)


@dataclass(frozen=True, slots=True)
class Escalation:
    """An escalation level reached a fixed time after a clock breaches.

    Level ``level`` is reached once more than ``after`` has passed since the deadline
    (``due``), the same half-open rule as the breach itself: the breach is at
    ``due + 1 µs``, and the level at ``breached_at + after`` (on a 24x7 calendar; in
    business time, ``calendar.add(due, after) + 1 µs``). ``after`` is business time on
    the clock's calendar (``measured_in='business'``, the default) or wall-clock time
    (``'calendar'``). It is counted from the deadline on the calendar: a pause after
    the breach does not delay an escalation, and a clock that stops (met late or
    cancelled) escalates no further.

    Args:
        level: the escalation level, a whole number of at least 1.
        after: how long after the breach, a positive duration such as ``'1h'``.
        measured_in: ``'business'`` (default) or ``'calendar'``.

    Raises:
        InvalidOptionError: ``level`` is not a whole number of at least 1, or an unknown
            ``measured_in``.
        InvalidDurationError: ``after`` is not a positive duration.

    Examples:
        >>> Escalation(2, "1h")
        Escalation(level=2, after=datetime.timedelta(seconds=3600), measured_in='business')
        >>> Escalation(level=3, after="24h", measured_in="calendar").after.days
        1
    """

    level: int
    after: dt.timedelta
    measured_in: TimeBasis = "business"

    if TYPE_CHECKING:

        def __init__(
            self, level: int, after: DurationLike, measured_in: TimeBasis = "business"
        ) -> None: ...

    def __post_init__(self) -> None:
        if isinstance(self.level, bool) or not isinstance(self.level, int) or self.level < 1:
            raise InvalidOptionError(
                f"The escalation level {self.level!r} is not a whole number of at least 1; "
                "pass e.g. level=1."
            )
        us = duration_to_us(self.after)
        if us <= 0:
            raise InvalidDurationError(
                f"The escalation offset {self.after!r} is not positive; give the time after "
                "the breach, e.g. '1h'."
            )
        _check_mode(self.measured_in, _TIME_BASES, "time basis (measured_in)")
        object.__setattr__(self, "after", _td(us))

    def reached_at_us(self, calendar: BusinessCalendar, due_us: int) -> int:
        """The first instant (µs) at which this level holds, for a deadline ``due_us`` (µs).

        Examples:
            >>> import datetime as dt
            >>> from slacalc._time import from_us, to_us
            >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
            >>> due = dt.datetime(2026, 1, 9, 16, 30, tzinfo=dt.timezone.utc)   # a Friday
            >>> from_us(Escalation(1, "1h").reached_at_us(cal, to_us(due)), cal.tz).isoformat()
            '2026-01-12T09:30:00.000001+00:00'
        """
        if self.measured_in == "calendar":
            return due_us + self.after // _US + 1
        return to_us(calendar.add(from_us(due_us, calendar.tz), self.after)) + 1


_OWN_TARGETS = ("response", "resolution", "next_response", "periodic_update")
_ALIASES = {"first_response": "response"}


def _pairs(severity: str, value: object, what: str) -> tuple[tuple[str, Any], ...]:
    """A mapping (or pairs) of metric name -> value as sorted pairs; bad names raise."""
    items = value.items() if isinstance(value, Mapping) else value
    out: dict[str, Any] = {}
    try:
        pairs = list(items)  # type: ignore[call-overload]
    except TypeError:
        raise InvalidOptionError(
            f"Severity {severity!r}: {what}={value!r} is not a mapping of metric names; "
            f"pass e.g. {{'time_to_assign': ...}}."
        ) from None
    for pair in pairs:
        metric, item = pair
        if not isinstance(metric, str) or not metric:
            raise InvalidOptionError(
                f"Severity {severity!r}: {metric!r} in {what} is not a metric name."
            )
        metric = _ALIASES.get(metric, metric)
        if metric in out:
            raise InvalidOptionError(
                f"Severity {severity!r}: {what} names {metric!r} twice; give it once."
            )
        out[metric] = item
    return tuple(sorted(out.items()))


def _escalations(name: str, values: Iterable[object]) -> tuple[Escalation, ...]:
    """The escalations of severity ``name``, checked: levels and offsets increase."""
    out: list[Escalation] = []
    for e in values:
        if not isinstance(e, Escalation):
            raise InvalidOptionError(
                f"{e!r} is not an Escalation; pass e.g. Escalation(level=1, after='1h')."
            )
        out.append(e)
    for a, b in itertools.pairwise(out):
        if b.level <= a.level:
            raise InvalidOptionError(
                f"Severity {name!r}: escalation level {b.level!r} follows level {a.level!r}; "
                "list each level once, in increasing order, e.g. levels 1, 2, 3."
            )
        if a.measured_in == b.measured_in and b.after <= a.after:
            raise InvalidOptionError(
                f"Severity {name!r}: escalation level {b.level!r} comes {b.after!r} after the "
                f"breach, not later than level {a.level!r} ({a.after!r}); give each higher "
                "level a longer offset."
            )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class SeverityTargets:
    """One severity's clocks: the calendar they run on, their targets and warnings.

    Targets are business time on ``calendar``, :class:`BusinessDays`, or a relative
    target (:class:`NextBusinessDayAt`, :class:`EndOfBusinessDay`). ``None`` means the
    metric has no target for this severity: its clock still runs and is measured, but
    it never breaches (a work queue).

    Args:
        name: the severity's name, e.g. ``'high'``.
        calendar: the business calendar the clocks run on.
        response: time to the first public response.
        resolution: time to resolve, or ``None`` for no resolution target.
        next_response: time to answer each later customer reply, or ``None``.
        periodic_update: longest time between public responses, or ``None``.
        warnings: when clocks warn before breaching.
        escalations: the escalation levels after a breach, levels and offsets increasing.
        targets: the targets of other metrics by name, e.g. ``{"time_to_assign": "30m",
            "first_resolution": "4h"}``.
        calendars: a calendar per metric for this severity, e.g. ``{"response":
            BusinessCalendar.always(tz)}`` (the others run on ``calendar``).

    Raises:
        InvalidDurationError: a target is not a positive duration, or a relative target
            can never be met on ``calendar`` (e.g. "by 20:00" on hours that end at 18:00).
        InvalidOptionError: escalations whose levels or offsets do not increase, or a
            target or calendar given twice or for a metric name that is not a string.

    Examples:
        >>> cal = BusinessCalendar("Mon-Fri 09:00-18:00", tz="Europe/Copenhagen")
        >>> high = SeverityTargets("high", cal, response="1h", resolution="8h")
        >>> high.response, high.resolution
        (datetime.timedelta(seconds=3600), datetime.timedelta(seconds=28800))
    """

    name: str
    calendar: BusinessCalendar
    response: Target
    resolution: Target | None = None
    next_response: Target | None = None
    periodic_update: Target | None = None
    warnings: tuple[WarningThreshold, ...] = ()
    escalations: tuple[Escalation, ...] = ()
    targets: tuple[tuple[str, Target], ...] = ()
    calendars: tuple[tuple[str, BusinessCalendar], ...] = ()

    if TYPE_CHECKING:
        # What the constructor accepts: durations as text ("1h30m", "PT2H") or timedelta,
        # any iterable of warnings, mappings of targets and calendars. The fields hold
        # the converted values (mappings as sorted pairs).
        def __init__(
            self,
            name: str,
            calendar: BusinessCalendar,
            response: DurationLike | Target,
            resolution: DurationLike | Target | None = None,
            next_response: DurationLike | Target | None = None,
            periodic_update: DurationLike | Target | None = None,
            warnings: Iterable[WarningThreshold] = (),
            escalations: Iterable[Escalation] = (),
            targets: Mapping[str, DurationLike | BusinessDays | DueFromField] = ...,
            calendars: Mapping[str, BusinessCalendar] = ...,
        ) -> None: ...

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise InvalidOptionError(
                f"A severity name must be a non-empty string, not {self.name!r}; pass e.g. 'high'."
            )
        if not isinstance(self.calendar, BusinessCalendar):
            raise InvalidOptionError(
                f"Severity {self.name!r} needs a BusinessCalendar, not {self.calendar!r}; pass "
                "e.g. BusinessCalendar('Mon-Fri 09:00-17:00', tz='Europe/Copenhagen')."
            )
        calendars = _pairs(self.name, self.calendars, "calendars")
        for metric, cal in calendars:
            if not isinstance(cal, BusinessCalendar):
                raise InvalidOptionError(
                    f"Severity {self.name!r}: the calendar for {metric!r} is {cal!r}, not a "
                    "BusinessCalendar; pass e.g. BusinessCalendar.always('UTC')."
                )
        object.__setattr__(self, "calendars", calendars)
        for field in _OWN_TARGETS:
            value = getattr(self, field)
            if value is not None or field == "response":
                target = _target(value, field.replace("_", " "), self.calendar_for(field))
                object.__setattr__(self, field, target)
        warnings = tuple(self.warnings)
        for w in warnings:
            if not isinstance(w, WarningThreshold):
                raise InvalidOptionError(
                    f"{w!r} is not a WarningThreshold; pass e.g. WarningThreshold(percent='75%')."
                )
        object.__setattr__(self, "warnings", warnings)
        object.__setattr__(self, "escalations", _escalations(self.name, self.escalations))
        targets = _pairs(self.name, self.targets, "targets")
        for metric, _ in targets:
            if metric in _OWN_TARGETS:
                raise InvalidOptionError(
                    f"Severity {self.name!r}: the {metric!r} target goes in {metric}=, "
                    "not in targets=."
                )
        object.__setattr__(
            self,
            "targets",
            tuple((m, _target(v, m.replace("_", " "), self.calendar_for(m))) for m, v in targets),
        )

    def target(self, metric: str) -> Target | None:
        """The target of ``metric`` (``'response'``, ``'resolution'``, ...), or ``None``.

        Examples:
            >>> cal = BusinessCalendar.always("UTC")
            >>> SeverityTargets("medium", cal, response="4h").target("resolution") is None
            True
            >>> SeverityTargets("p1", cal, response="1h", targets={"time_to_assign": "10m"}
            ...                 ).target("time_to_assign")
            datetime.timedelta(seconds=600)
        """
        if not isinstance(metric, str):
            raise InvalidOptionError(
                f"The metric {shown(metric)} is not a name; pass e.g. 'response' or 'resolution'."
            )
        metric = _ALIASES.get(metric, metric)
        if metric in _OWN_TARGETS:
            value: Target | None = getattr(self, metric)
            return value
        for name, target in self.targets:
            if name == metric:
                return target
        return None

    def calendar_for(self, metric: str) -> BusinessCalendar:
        """The calendar ``metric``'s clock runs on for this severity.

        Examples:
            >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
            >>> always = BusinessCalendar.always("UTC")
            >>> p1 = SeverityTargets("p1", cal, response="1h", calendars={"response": always})
            >>> p1.calendar_for("response") is always, p1.calendar_for("resolution") is cal
            (True, True)
        """
        metric = _ALIASES.get(metric, metric)
        for name, cal in self.calendars:
            if name == metric:
                return cal
        return self.calendar

    def target_us(self, metric: str, start: dt.datetime) -> int | None:
        """The target of ``metric`` in microseconds for a clock starting at ``start``.

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar.always("UTC")
            >>> t = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)
            >>> SeverityTargets("critical", cal, response="15m").target_us("response", t)
            900000000
        """
        value = self.target(metric)
        if value is None:
            return None
        if isinstance(value, dt.timedelta):
            return value // _US
        if isinstance(value, DueFromField):
            return None  # the ticket's field decides, in a replay
        return value.resolve(self.calendar_for(metric), start) // _US


@dataclass(frozen=True, slots=True)
class Deadlines:
    """When a ticket opened at ``opened_at`` must be answered and resolved.

    Examples:
        >>> import datetime as dt
        >>> cal = BusinessCalendar.always("UTC")
        >>> rules = ClockRules([SeverityTargets("critical", cal, response="15m", resolution="2h")])
        >>> d = rules.deadlines("critical", dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc))
        >>> d  # doctest: +NORMALIZE_WHITESPACE
        <Deadlines critical opened Mon 2026-01-05 09:00, respond by Mon 2026-01-05 09:15,
         resolve by Mon 2026-01-05 11:00>
        >>> print(d.to_text())
        'critical' ticket opened Mon 2026-01-05 09:00 +00:00
        respond by  Mon 2026-01-05 09:15 +00:00
        resolve by  Mon 2026-01-05 11:00 +00:00
        >>> d.response.isoformat()
        '2026-01-05T09:15:00+00:00'
    """

    severity: str
    opened_at: dt.datetime
    response: dt.datetime
    resolution: dt.datetime | None

    def __repr__(self) -> str:
        from slacalc._present.formats import instant_text

        opened = instant_text(self.opened_at, self.response.tzinfo)
        resolve = (
            "no resolution target"
            if self.resolution is None
            else f"resolve by {instant_text(self.resolution)}"
        )
        return (
            f"<Deadlines {self.severity} opened {opened}, "
            f"respond by {instant_text(self.response)}, {resolve}>"
        )

    def _rows(self) -> tuple[tuple[str, str], ...]:
        """The two deadlines as (label, instant) rows."""
        from slacalc._present.formats import instant_text

        resolve = (
            "-  (no target: a work queue)"
            if self.resolution is None
            else instant_text(self.resolution, offset=True)
        )
        return (("respond by", instant_text(self.response, offset=True)), ("resolve by", resolve))

    def _heading(self) -> str:
        from slacalc._present.formats import instant_text

        opened = instant_text(self.opened_at, self.response.tzinfo, offset=True)
        return f"{self.severity!r} ticket opened {opened}"

    def to_text(self) -> str:
        """When the ticket opened, and its two deadlines, one a line (see the example above)."""
        return "\n".join([self._heading(), *(f"{a}  {b}" for a, b in self._rows())])

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        """The deadlines in a notebook: when the ticket opened, and a table of the two."""
        from slacalc._present.tables import Table, result_html

        return result_html(self._heading(), (), Table(("deadline", "due"), self._rows()))


class ReplayPlan(NamedTuple):
    """What a replay of these rules needs, worked out once when the rules are built."""

    severities: dict[str, SeverityTargets]
    statuses: dict[str, str]
    first_of: dict[str, str]  # category -> its first status (what the verbs move to)
    watch: frozenset[str]  # every event tag a condition names
    tracks_state: bool  # state conditions, retroactive starts or due dates from fields
    clocks: dict[tuple[str, str], tuple[BusinessCalendar, object]]  # filled as replays ask
    one_pass: OnePassPlan | None  # how plain verbs replay in one pass, when they can

    @classmethod
    def of(cls, rules: ClockRules) -> ReplayPlan:
        """The plan of ``rules``."""
        compiled = rules.compiled.values()
        first_of: dict[str, str] = {}
        for name, category in rules.statuses:
            first_of.setdefault(category, name)
        targets = (
            t
            for s in rules.severities
            for t in (
                s.response,
                s.resolution,
                s.next_response,
                s.periodic_update,
                *(v for _, v in s.targets),
            )
        )
        watch: frozenset[str] = frozenset().union(*((m.start | m.stop | m.reset) for m in compiled))
        tracks_state = any(m.pause or m.cancel or m.start_from for m in compiled) or any(
            isinstance(t, DueFromField) for t in targets
        )
        return cls(
            severities={s.name: s for s in rules.severities},
            statuses=dict(rules.statuses),
            first_of=first_of,
            watch=watch,
            tracks_state=tracks_state,
            clocks={},
            one_pass=one_pass_plan(rules.compiled, watch, tracks_state),
        )


@dataclass(frozen=True, slots=True)
class ClockRules:
    """Everything a ticket's clocks follow: severities in order and the named modes.

    Args:
        severities: the severities, most urgent first (names must be unique).
        pause_mode: ``'exclude'`` (default) or ``'ignore_deadline'``.
        severity_change: ``'carry_elapsed'`` (default), ``'recompute'`` or ``'restart'``.
        reopen: ``'continue'`` (default) or ``'new_cycle'``.
        metrics: metric definitions that replace the built-in ones of the same name or
            add new clocks (see :class:`MetricDefinition`); the built-in ``response``
            and ``resolution`` always run, the other built-ins when a severity has a
            target for them, added metrics always.
        statuses: the status table, status name -> category (``open``, ``waiting``,
            ``resolved``, ``closed``); default :data:`DEFAULT_STATUSES`.
        fields: the custom fields conditions, targets and retroactive starts may name.
        deadline_at_close: a budget used up exactly at a closing time is due at that
            closing instant and late one microsecond after it (Frappe Helpdesk, ERPNext),
            instead of at the next opening (slacalc's rule, the default). Due dates from
            a field are not affected.

    Raises:
        InvalidOptionError: no severities, a duplicate name, an unknown mode, a bad
            status table, or a metric whose conditions name an unknown status or field.

    Examples:
        >>> import datetime as dt
        >>> cal = BusinessCalendar("Mon-Fri 09:00-18:00", tz="Europe/Copenhagen")
        >>> rules = ClockRules([SeverityTargets("high", cal, response="1h", resolution="8h")])
        >>> t = dt.datetime(2026, 11, 27, 17, 30, tzinfo=cal.tz)
        >>> status = rules.evaluate([{"kind": "opened", "at": t, "severity": "high"}],
        ...                         at=t + dt.timedelta(hours=1))
        >>> status.response.phase, status.response.due.isoformat()
        ('running', '2026-11-30T09:30:00+01:00')
    """

    severities: tuple[SeverityTargets, ...]
    pause_mode: PauseMode = "exclude"
    severity_change: SeverityChangeMode = "carry_elapsed"
    reopen: ReopenMode = "continue"
    metrics: tuple[MetricDefinition, ...] = ()
    statuses: tuple[tuple[str, StatusCategory], ...] = ()
    fields: tuple[str, ...] = ()
    deadline_at_close: bool = False
    compiled: Mapping[str, CompiledMetric] = dataclasses.field(
        init=False, repr=False, compare=False
    )
    plan: ReplayPlan = dataclasses.field(init=False, repr=False, compare=False)

    if TYPE_CHECKING:
        # The constructor takes iterables and a mapping; the fields hold tuples.
        def __init__(
            self,
            severities: Iterable[SeverityTargets],
            pause_mode: PauseMode = "exclude",
            severity_change: SeverityChangeMode = "carry_elapsed",
            reopen: ReopenMode = "continue",
            metrics: Iterable[MetricDefinition] = (),
            statuses: Mapping[str, StatusCategory] | None = None,
            fields: Iterable[str] = (),
            deadline_at_close: bool = False,
        ) -> None: ...

    def __post_init__(self) -> None:
        hint = "pass a list, e.g. severities=[SeverityTargets('high', response='1h')]"
        check_items(self.severities, what="severities", hint=hint, error=InvalidOptionError)
        severities = tuple(self.severities)
        if not severities:
            raise InvalidOptionError(
                "ClockRules needs at least one severity; pass e.g. "
                "[SeverityTargets('high', calendar, response='1h')]."
            )
        seen: set[str] = set()
        for s in severities:
            if not isinstance(s, SeverityTargets):
                raise InvalidOptionError(
                    f"{s!r} is not a SeverityTargets; pass SeverityTargets(name, calendar, ...)."
                )
            if s.name in seen:
                raise InvalidOptionError(
                    f"Severity {s.name!r} is defined twice; give every severity a unique name."
                )
            seen.add(s.name)
        object.__setattr__(self, "severities", severities)
        _check_mode(self.pause_mode, _PAUSE_MODES, "pause mode")
        _check_mode(self.severity_change, _CHANGE_MODES, "severity change mode")
        _check_mode(self.reopen, _REOPEN_MODES, "reopen mode")
        if not isinstance(self.deadline_at_close, bool):
            raise InvalidOptionError(
                f"deadline_at_close={self.deadline_at_close!r}; pass True or False."
            )
        raw: object = self.statuses
        if raw is None or raw == ():
            raw = DEFAULT_STATUSES
        elif isinstance(raw, tuple):
            raw = dict(raw)
        statuses = check_statuses(raw)
        object.__setattr__(self, "statuses", tuple(statuses.items()))
        given_fields: object = self.fields
        fields = (given_fields,) if isinstance(given_fields, str) else tuple(self.fields)
        for f in fields:
            if not isinstance(f, str) or not f.strip():
                raise InvalidOptionError(f"A field name must be a non-empty string, not {f!r}.")
        object.__setattr__(self, "fields", fields)
        given = tuple(self.metrics)
        by_name: dict[str, MetricDefinition] = {}
        for m in given:
            if not isinstance(m, MetricDefinition):
                raise InvalidOptionError(
                    f"{m!r} is not a MetricDefinition; pass e.g. MetricDefinition("
                    "'time_to_assign', start_on=['opened'], stop_on=['assigned'])."
                )
            if m.name in by_name:
                raise InvalidOptionError(
                    f"Metric {m.name!r} is defined twice; define every metric once."
                )
            by_name[m.name] = m
        object.__setattr__(self, "metrics", given)
        active: list[MetricDefinition] = []
        for m in builtin_metrics(self.reopen):
            mine = by_name.pop(m.name, None)
            if mine is not None or m.name in ("response", "resolution") or self._targets(m.name):
                active.append(mine or m)
        active.extend(by_name.values())
        compiled = compile_metrics(active, statuses, fields, self.pause_mode)
        object.__setattr__(self, "compiled", compiled)
        object.__setattr__(self, "plan", ReplayPlan.of(self))

    def _targets(self, metric: str) -> bool:
        """Whether a severity has a target for ``metric``."""
        return any(s.target(metric) is not None for s in self.severities)

    @property
    def status_table(self) -> dict[str, StatusCategory]:
        """The status table, status name -> category.

        Examples:
            >>> cal = BusinessCalendar.always("UTC")
            >>> rules = ClockRules([SeverityTargets("p1", cal, response="1h")],
            ...                    statuses={"open": "open", "solved": "resolved"})
            >>> rules.status_table
            {'open': 'open', 'solved': 'resolved'}
        """
        return dict(self.statuses)

    @property
    def metric_names(self) -> tuple[str, ...]:
        """The metrics a replay reports, in order: the built-ins first, then the added ones.

        Examples:
            >>> cal = BusinessCalendar.always("UTC")
            >>> rules = ClockRules([SeverityTargets("p1", cal, response="1h")],
            ...                    metrics=[MetricDefinition("time_to_assign", ["opened"],
            ...                                              ["assigned"])])
            >>> rules.metric_names
            ('response', 'resolution', 'time_to_assign')
        """
        return tuple(self.compiled)

    @property
    def names(self) -> tuple[str, ...]:
        """The severity names, in order.

        Examples:
            >>> cal = BusinessCalendar.always("UTC")
            >>> ClockRules([SeverityTargets("a", cal, response="1h"),
            ...             SeverityTargets("b", cal, response="2h")]).names
            ('a', 'b')
        """
        return tuple(s.name for s in self.severities)

    def severity(self, name: object) -> SeverityTargets:
        """The severity called ``name``.

        Raises:
            UnknownSeverityError: no severity has that name.

        Examples:
            >>> cal = BusinessCalendar.always("UTC")
            >>> ClockRules([SeverityTargets("high", cal, response="1h")]).severity("urgent")
            Traceback (most recent call last):
            ...
            slacalc.errors.UnknownSeverityError: Unknown severity 'urgent'; use one of 'high'.
        """
        for s in self.severities:
            if s.name == name:
                return s
        raise UnknownSeverityError(
            f"Unknown severity {name!r}; use one of {', '.join(repr(n) for n in self.names)}."
        )

    def defines(self, metric: str) -> bool:
        """Whether any severity sets a target for ``metric``.

        Examples:
            >>> cal = BusinessCalendar.always("UTC")
            >>> ClockRules([SeverityTargets("high", cal, response="1h")]).defines("next_response")
            False
        """
        return self._targets(metric)

    def replace(self, **changes: object) -> ClockRules:
        """A copy with some fields changed.

        Examples:
            >>> cal = BusinessCalendar.always("UTC")
            >>> rules = ClockRules([SeverityTargets("high", cal, response="1h")])
            >>> rules.replace(pause_mode="ignore_deadline").pause_mode
            'ignore_deadline'
        """
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def deadlines(self, severity: str, opened_at: dt.datetime) -> Deadlines:
        """The response and resolution deadlines of a ticket opened at ``opened_at``.

        A deadline is the last instant that is still on time (``calendar.add``).

        Args:
            severity: the severity's name.
            opened_at: when the ticket was opened (aware).

        Returns:
            The deadlines; ``resolution`` is ``None`` when the severity has no target.

        Raises:
            UnknownSeverityError: ``severity`` is not defined.
            NaiveDatetimeError: ``opened_at`` has no time zone.

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-18:00", tz="Europe/Copenhagen")
            >>> rules = ClockRules([SeverityTargets("medium", cal, response="4h")])
            >>> d = rules.deadlines("medium", dt.datetime(2026, 11, 27, 16, tzinfo=cal.tz))
            >>> d.response.isoformat(), d.resolution
            ('2026-11-30T11:00:00+01:00', None)
        """
        spec = self.severity(severity)
        start = from_us(to_us(opened_at), spec.calendar.tz)
        response = spec.target_us("response", start)
        resolution = spec.target_us("resolution", start)
        assert response is not None
        return Deadlines(
            severity=spec.name,
            opened_at=start,
            response=spec.calendar.add(start, _td(response)),
            resolution=None if resolution is None else spec.calendar.add(start, _td(resolution)),
        )

    def _evaluate_verbs(
        self, verbs: list[tuple[int, int, int, str, str | None]], at: dt.datetime, at_us: int
    ) -> TicketStatus | None:
        """:meth:`evaluate` (strict, without timelines) of a ticket read as plain verbs,
        ``(µs, precedence, index as given, kind, severity)`` in the order applied, as
        ``plain_verbs`` gives them (``at_us``: ``at`` in epoch µs). ``None`` when the
        events must be read by :meth:`evaluate`, which refuses an irregular one with
        its message: for a reader of a table that makes no event records.

        Examples:
            >>> import datetime as dt
            >>> from slacalc.calendar import BusinessCalendar
            >>> rules = ClockRules([SeverityTargets("p1", BusinessCalendar.always("UTC"),
            ...                                     response="1h")])
            >>> t = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)
            >>> x = to_us(t)
            >>> rules._evaluate_verbs([(x, 0, 0, "opened", "p1")], t, x).response.phase
            'running'
            >>> rules._evaluate_verbs([(x, 0, 0, "resumed", None)], t, x) is None
            True
        """
        return _replay.replay_verbs(self, verbs, at, at_us)

    def evaluate(
        self,
        events: Iterable[EventLike],
        *,
        at: dt.datetime,
        timeline: bool = False,
        history: History = "strict",
        extra: ExtraKeys = "forbid",
    ) -> TicketStatus:
        """Replay a ticket's events against these rules and report every clock at ``at``.

        Events after ``at`` are ignored (an "as of" question); the whole list is still
        checked for order and consistency.

        Args:
            events: the ticket's events in time order: :class:`TicketEvent` records or
                mappings ``{"kind": ..., "at": ..., "severity": ...}``. In a mapping,
                NaN, NaT, ``pd.NA`` and None mean "missing" (a missing severity on an
                event that takes none is fine; a missing ``at`` is an error).
            at: the instant to evaluate at (aware). There is no default "now".
            timeline: also give every cycle its :class:`ClockTimeline` (the segments of
                the clock with the rule behind each change, what ``explain`` shows);
                off by default, as it costs time on bulk evaluations.
            history: ``"strict"`` (the default) refuses an irregular history with a
                :class:`~slacalc.errors.TicketEventError` naming the event; ``"lenient"``
                accepts what real exports contain (a resume without a pause, a second
                pause or resolve, events after ``closed``, a second ``opened``, events
                out of time order), applies the rule docs/concepts/ticket-clocks.md
                states for each, and records every one in ``status.corrections``.
            extra: ``"forbid"`` (the default) refuses keys other than ``kind``, ``at``
                and ``severity``; ``"ignore"`` drops them, so rows from a database or
                ``DataFrame.to_dict("records")`` can be passed as they are (a
                ``ticket_id`` key then names the ticket in error messages).

        Returns:
            The ticket's status at ``at``.

        Raises:
            TicketEventError: a malformed event; strictly also events out of order, a
                resume without a pause, ... (the message names the event's index and
                instant, and the ticket when its rows carry a ``ticket_id``).
            UnknownSeverityError: an event names a severity that is not defined.
            NaiveDatetimeError: an instant has no time zone.
            InvalidOptionError: an unknown ``history`` or ``extra``.

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar.always("UTC")
            >>> rules = ClockRules([SeverityTargets("critical", cal, response="15m")])
            >>> t0 = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)
            >>> s = rules.evaluate([{"kind": "opened", "at": t0, "severity": "critical"}],
            ...                    at=t0 + dt.timedelta(minutes=20))
            >>> s.response.breached, s.response.breached_at.isoformat()
            (True, '2026-01-05T09:15:00.000001+00:00')
            >>> rows = [{"ticket_id": 9, "kind": "opened", "at": t0, "severity": "critical"},
            ...         {"ticket_id": 9, "kind": "resolved", "at": t0, "severity": None},
            ...         {"ticket_id": 9, "kind": "resolved", "at": t0 + dt.timedelta(hours=1),
            ...          "severity": None}]
            >>> s = rules.evaluate(rows, at=t0 + dt.timedelta(hours=2), history="lenient",
            ...                    extra="ignore")
            >>> s.phase, [(c.index, c.action) for c in s.corrections]
            ('resolved', [(2, 'ignored')])
        """
        return _replay.replay(self, events, at, timeline=timeline, history=history, extra=extra)


# The replay reads these rules' types, so it is imported once they exist (an import in
# ``evaluate`` itself would cost a lookup on every call).
from slacalc.timers import _replay  # noqa: E402
