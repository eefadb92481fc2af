"""Planned maintenance checked against the agreement's rules: window, notice, monthly cap.

An agreement that excuses planned maintenance says when it may happen, how long before
it must be announced and how much of it a month may hold; maintenance outside these
rules counts as downtime. :func:`check_maintenance` splits each planned window into the
part that kept the rules and the parts that broke one, naming the rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, TypeAlias

from slacalc._intervals import Intervals
from slacalc._time import UTC, from_us, resolve_tz, to_us
from slacalc._validate import check_items, kind, shown
from slacalc.errors import (
    InvalidIntervalError,
    InvalidOptionError,
    NotAnIntervalError,
    WrongTypeError,
)
from slacalc.uptime._downtime import format_duration
from slacalc.uptime._measure import SupportsOpenPeriods
from slacalc.uptime._outages import Outage
from slacalc.uptime._periods import calendar_month

__all__ = [
    "MaintenanceBreach",
    "MaintenanceCheck",
    "MaintenanceRule",
    "MaintenanceRules",
    "PlannedMaintenance",
    "check_maintenance",
]

MaintenanceRule: TypeAlias = Literal["outside_window", "short_notice", "over_monthly_cap"]
"""Which rule a maintenance window broke.

- ``"outside_window"``: (part of) it fell outside the agreed maintenance hours;
- ``"short_notice"``: it was announced later than the agreed notice before its start;
- ``"over_monthly_cap"``: (part of) it went past the most maintenance a month may hold.

Examples:
    >>> from typing import get_args
    >>> from slacalc.uptime import MaintenanceRule
    >>> get_args(MaintenanceRule)
    ('outside_window', 'short_notice', 'over_monthly_cap')
"""

_SAYS = {
    "outside_window": "outside the agreed window",
    "short_notice": "announced too late",
    "over_monthly_cap": "over the monthly limit",
}


class MaintenanceRules(Protocol):
    """The agreement's maintenance rules: ``slacalc.policy.MaintenanceTerms`` or alike.

    Attributes:
        window: when maintenance may happen (a calendar whose open hours are the
            window, e.g. ``BusinessCalendar("Sun 02:00-06:00")``); ``None``: any time.
        notice: how long before its start it must be announced; ``None``: no notice.
        max_per_month: the most maintenance in a calendar month (in the window's zone);
            ``None``: no limit.

    Examples:
        >>> from slacalc.policy import default_policy
        >>> rules: MaintenanceRules = default_policy().to_agreement().uptime.maintenance
        >>> rules.notice
        datetime.timedelta(days=2)
    """

    @property
    def window(self) -> SupportsOpenPeriods | None: ...

    @property
    def notice(self) -> dt.timedelta | None: ...

    @property
    def max_per_month(self) -> dt.timedelta | None: ...


@dataclass(frozen=True, slots=True)
class PlannedMaintenance:
    """One planned maintenance window as it was announced.

    Args:
        start: when it began (aware).
        end: when it ended (aware, excluded).
        announced: when it was announced (aware); ``None`` when unknown, and then the
            notice cannot be checked.
        label: a free text for reports.

    Raises:
        NaiveDatetimeError: a datetime without a time zone.
        InvalidIntervalError: ``end`` before ``start``.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 11, 1, 2, tzinfo=dt.UTC)
        >>> PlannedMaintenance(t, t + dt.timedelta(hours=1), label="patches").label
        'patches'
    """

    start: dt.datetime
    end: dt.datetime
    announced: dt.datetime | None = None
    label: str | None = None

    def __post_init__(self) -> None:
        if to_us(self.end) < to_us(self.start):
            raise InvalidIntervalError(
                f"The maintenance window ends at {self.end.isoformat()!r}, before its start "
                f"{self.start.isoformat()!r}; give an end at or after the start."
            )
        if self.announced is not None:
            to_us(self.announced)

    def describe(self) -> str:
        """The window for people: its label (if any) and its times.

        Examples:
            >>> import datetime as dt
            >>> t = dt.datetime(2026, 11, 18, 14, tzinfo=dt.timezone(dt.timedelta(hours=1)))
            >>> PlannedMaintenance(t, t + dt.timedelta(hours=2)).describe()
            '2026-11-18 14:00-16:00 +01:00'
        """
        start, end = self.start, self.end.astimezone(self.start.tzinfo)
        offset = start.strftime("%z")
        zone = f"{offset[:3]}:{offset[3:]}" if offset else ""
        until = (
            end.strftime("%H:%M") if end.date() == start.date() else end.strftime("%Y-%m-%d %H:%M")
        )
        text = f"{start.strftime('%Y-%m-%d %H:%M')}-{until} {zone}".rstrip()
        return f"{self.label} ({text})" if self.label else text


@dataclass(frozen=True, slots=True)
class MaintenanceBreach:
    """A part of a planned window that broke a rule, and so counts as downtime.

    Attributes:
        maintenance: the window as given.
        rule: the rule it broke (see :data:`MaintenanceRule`).
        start: the first instant of the part that broke it.
        end: the instant after its last.

    Examples:
        >>> import datetime as dt
        >>> from slacalc import BusinessCalendar
        >>> t = dt.datetime(2026, 11, 18, 14, tzinfo=dt.UTC)
        >>> check = check_maintenance([(t, t + dt.timedelta(hours=2))],
        ...                           window=BusinessCalendar("Mon-Sun 02:00-04:00", tz="UTC"))
        >>> breach = check.breaches[0]
        >>> breach.rule, breach.duration
        ('outside_window', datetime.timedelta(seconds=7200))
    """

    maintenance: PlannedMaintenance
    rule: MaintenanceRule
    start: dt.datetime
    end: dt.datetime

    @property
    def duration(self) -> dt.timedelta:
        """How long the part that broke the rule lasted.

        Examples:
            >>> import datetime as dt
            >>> t = dt.datetime(2026, 11, 1, 2, tzinfo=dt.UTC)
            >>> p = PlannedMaintenance(t, t + dt.timedelta(hours=3))
            >>> MaintenanceBreach(p, "over_monthly_cap", t, t + dt.timedelta(hours=1)).duration
            datetime.timedelta(seconds=3600)
        """
        return self.end - self.start

    @property
    def text(self) -> str:
        """One line for people: which window broke which rule, and for how long.

        Examples:
            >>> import datetime as dt
            >>> t = dt.datetime(2026, 11, 18, 14, tzinfo=dt.UTC)
            >>> p = PlannedMaintenance(t, t + dt.timedelta(hours=2))
            >>> MaintenanceBreach(p, "outside_window", t, p.end).text.split(": ")
            ['maintenance 2026-11-18 14:00-16:00 +00:00', 'outside the agreed window, 2h downtime']
        """
        return self.describe()

    def describe(self, rules: MaintenanceRules | None = None) -> str:
        """Like :attr:`text`, and with ``rules`` also what the agreement allows.

        The rule's agreed value follows its name: the window's hours and zone, the
        notice, or the monthly limit, so the line can be checked against the contract.

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> rules = default_policy().to_agreement().uptime.maintenance
            >>> t = dt.datetime(2026, 11, 18, 14, tzinfo=dt.timezone(dt.timedelta(hours=1)))
            >>> p = PlannedMaintenance(t, t + dt.timedelta(hours=2))
            >>> MaintenanceBreach(p, "outside_window", t, p.end).describe(rules).split(": ")[1]
            'outside the agreed window (Sun 02:00-06:00 Europe/Copenhagen), 2h downtime'
            >>> MaintenanceBreach(p, "short_notice", t, p.end).describe(rules).split(": ")[1]
            'announced too late (2d notice agreed), 2h downtime'
        """
        says = _SAYS[self.rule]
        agreed = None if rules is None else _agreed(self.rule, rules)
        if agreed:
            says = f"{says} ({agreed})"
        return (
            f"maintenance {self.maintenance.describe()}: {says}, "
            f"{format_duration(self.duration)} downtime"
        )


def _agreed(rule: MaintenanceRule, rules: MaintenanceRules) -> str | None:
    """What ``rules`` allow for ``rule``, for people; ``None`` when it cannot be said."""
    if rule == "short_notice":
        notice = rules.notice
        return None if notice is None else f"{format_duration(notice)} notice agreed"
    if rule == "over_monthly_cap":
        cap = rules.max_per_month
        return None if cap is None else f"at most {format_duration(cap)} a month"
    hours = getattr(rules.window, "hours", None)
    if not isinstance(hours, str):
        return None
    tz = getattr(rules.window, "tz", None)
    return hours if tz is None else f"{hours} {tz}"


@dataclass(frozen=True, slots=True)
class MaintenanceCheck:
    """What :func:`check_maintenance` found.

    Attributes:
        kept: the parts of the windows that kept every rule, as ``(start, end)`` pairs
            in time order: the maintenance to pass to ``measure_availability``.
        breaches: every part that broke a rule, in time order.
        notice_unchecked: the windows without an announcement time, when the rules
            require notice (their notice could not be checked; they are kept).

    Examples:
        >>> check_maintenance([]).is_clean
        True
    """

    kept: tuple[tuple[dt.datetime, dt.datetime], ...]
    breaches: tuple[MaintenanceBreach, ...]
    notice_unchecked: tuple[PlannedMaintenance, ...] = ()

    @property
    def is_clean(self) -> bool:
        """Whether no window broke a rule.

        Examples:
            >>> check_maintenance([]).is_clean
            True
        """
        return not self.breaches

    def as_outages(self) -> list[Outage]:
        """The parts that broke a rule as full outages, labelled with the rule they broke.

        Add them to the incident log to count rule-breaking maintenance as downtime.

        Examples:
            >>> import datetime as dt
            >>> from slacalc import BusinessCalendar
            >>> t = dt.datetime(2026, 11, 18, 14, tzinfo=dt.UTC)
            >>> check = check_maintenance([(t, t + dt.timedelta(hours=2))],
            ...                           window=BusinessCalendar("Sun 02:00-06:00", tz="UTC"))
            >>> check.as_outages()[0].label
            'maintenance 2026-11-18 14:00-16:00 +00:00: outside the agreed window'
        """
        return [
            Outage(
                b.start,
                b.end,
                label=f"maintenance {b.maintenance.describe()}: {_SAYS[b.rule]}",
            )
            for b in self.breaches
        ]


#: What :class:`MaintenanceRules` has.
_RULES = ("window", "notice", "max_per_month")


def _planned(item: object, n: int) -> PlannedMaintenance:
    """A window as given: a PlannedMaintenance, a (start, end) pair, or a record."""
    if isinstance(item, PlannedMaintenance):
        return item
    if isinstance(item, tuple) and len(item) == 2:
        return PlannedMaintenance(item[0], item[1])
    if hasattr(item, "start") and hasattr(item, "end"):
        return PlannedMaintenance(
            item.start, item.end, getattr(item, "announced", None), getattr(item, "label", None)
        )
    raise NotAnIntervalError(
        f"Maintenance window {n} is {item!r}, not a window; pass (start, end) or "
        "slacalc.uptime.PlannedMaintenance(start, end, announced=...)."
    )


def _month_edges(lo: int, hi: int, tz: dt.tzinfo) -> list[int]:
    """The starts of the calendar months (in ``tz``) that begin inside ``(lo, hi]``."""
    first = from_us(lo, tz)
    year, month = first.year, first.month
    edges: list[int] = []
    while True:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        edge = to_us(calendar_month(year, month, tz=tz).start)
        if edge > hi:
            return edges
        edges.append(edge)


def check_maintenance(
    windows: Iterable[object],
    rules: MaintenanceRules | None = None,
    *,
    window: SupportsOpenPeriods | None = None,
    notice: dt.timedelta | None = None,
    max_per_month: dt.timedelta | None = None,
    tz: str | dt.tzinfo | None = None,
) -> MaintenanceCheck:
    """Check planned maintenance against the agreed window, notice and monthly limit.

    The rules, in order: a window announced later than ``notice`` before its start broke
    the notice rule, all of it; of the rest, the parts outside the agreed ``window``
    hours broke the window rule; of what is left, the maintenance of each calendar month
    (in ``tz``) counts in time order, and the part past ``max_per_month`` broke the
    limit. What kept every rule is :attr:`MaintenanceCheck.kept`. A window without an
    announcement time cannot be checked for notice; it is listed in
    :attr:`MaintenanceCheck.notice_unchecked` and kept.

    Args:
        windows: ``(start, end)`` pairs, :class:`PlannedMaintenance` values (with
            ``announced``), or records with ``start``, ``end`` (and ``announced``,
            ``label``).
        rules: the agreement's rules, e.g. ``policy.to_agreement().uptime.maintenance``;
            the keyword arguments below override them one by one.
        window: the agreed maintenance hours (a calendar, e.g.
            ``BusinessCalendar("Sun 02:00-06:00", tz="Europe/Copenhagen")``).
        notice: the notice required, e.g. ``timedelta(hours=48)``.
        max_per_month: the most maintenance a calendar month may hold.
        tz: the zone of the months; default the window calendar's zone, else UTC.

    Returns:
        A :class:`MaintenanceCheck`.

    Raises:
        NotAnIntervalError: ``windows`` not a list, or an item that is not a window.
        WrongTypeError: ``rules`` that are not maintenance rules, or a ``window`` that is
            not a calendar.
        InvalidIntervalError: a window that ends before it starts.
        NaiveDatetimeError: a datetime without a time zone.
        InvalidOptionError: a negative ``notice`` or ``max_per_month``.

    Examples:
        >>> import datetime as dt
        >>> from slacalc import BusinessCalendar
        >>> cph = dt.timezone(dt.timedelta(hours=1))
        >>> nightly = BusinessCalendar("Mon-Sun 02:00-04:00", tz="Europe/Copenhagen")
        >>> planned = [
        ...     PlannedMaintenance(dt.datetime(2026, 11, 4, 2, tzinfo=cph),
        ...                        dt.datetime(2026, 11, 4, 3, 30, tzinfo=cph),
        ...                        announced=dt.datetime(2026, 11, 1, 9, tzinfo=cph)),
        ...     PlannedMaintenance(dt.datetime(2026, 11, 18, 14, tzinfo=cph),
        ...                        dt.datetime(2026, 11, 18, 16, tzinfo=cph),
        ...                        announced=dt.datetime(2026, 11, 18, 9, tzinfo=cph)),
        ...     PlannedMaintenance(dt.datetime(2026, 11, 25, 2, tzinfo=cph),
        ...                        dt.datetime(2026, 11, 25, 3, tzinfo=cph),
        ...                        announced=dt.datetime(2026, 11, 20, 9, tzinfo=cph)),
        ... ]
        >>> check = check_maintenance(planned, window=nightly, notice=dt.timedelta(hours=48),
        ...                           max_per_month=dt.timedelta(hours=2))
        >>> [(b.maintenance.start.day, b.rule, b.duration) for b in check.breaches]
        ... # doctest: +NORMALIZE_WHITESPACE
        [(18, 'short_notice', datetime.timedelta(seconds=7200)),
         (25, 'over_monthly_cap', datetime.timedelta(seconds=1800))]
    """
    check_items(
        windows,
        what="Maintenance windows",
        hint="pass a list of (start, end) pairs or PlannedMaintenance values",
        error=NotAnIntervalError,
    )
    if rules is not None and not all(hasattr(rules, a) for a in _RULES):
        raise WrongTypeError(
            f"rules={shown(rules)} ({kind(rules)}) are not maintenance rules; pass "
            "policy.to_agreement().uptime.maintenance, or window=, notice= and max_per_month=."
        )
    rule_window = window if window is not None else getattr(rules, "window", None)
    if rule_window is not None and not hasattr(rule_window, "open_periods"):
        raise WrongTypeError(
            f"window={shown(rule_window)} ({kind(rule_window)}) is not a calendar; pass the "
            "agreed hours as a calendar, e.g. BusinessCalendar('Sun 02:00-06:00')."
        )
    rule_notice = notice if notice is not None else getattr(rules, "notice", None)
    rule_cap = max_per_month if max_per_month is not None else getattr(rules, "max_per_month", None)
    for name, value in (("notice", rule_notice), ("max_per_month", rule_cap)):
        if value is not None and (not isinstance(value, dt.timedelta) or value < dt.timedelta(0)):
            raise InvalidOptionError(
                f"{name}={value!r} is not a duration of zero or more; pass e.g. "
                "datetime.timedelta(hours=48)."
            )
    zone = resolve_tz(tz) if tz is not None else getattr(rule_window, "tz", UTC)
    planned = sorted(
        (_planned(item, n) for n, item in enumerate(windows)), key=lambda p: to_us(p.start)
    )
    breaches: list[MaintenanceBreach] = []
    unchecked: list[PlannedMaintenance] = []
    kept: list[tuple[int, int, PlannedMaintenance]] = []
    for p in planned:
        a, b = to_us(p.start), to_us(p.end)
        if b <= a:
            continue
        if rule_notice is not None:
            if p.announced is None:
                unchecked.append(p)
            elif to_us(p.start) - to_us(p.announced) < rule_notice // dt.timedelta(microseconds=1):
                breaches.append(MaintenanceBreach(p, "short_notice", p.start, p.end))
                continue
        inside = Intervals.span(a, b)
        if rule_window is not None:
            hours = Intervals(
                (to_us(s), to_us(e)) for s, e in rule_window.open_periods(p.start, p.end)
            )
            inside = inside & hours
            for s, e in Intervals.span(a, b) - hours:
                breaches.append(
                    MaintenanceBreach(p, "outside_window", from_us(s, zone), from_us(e, zone))
                )
        kept.extend((s, e, p) for s, e in inside)
    kept.sort(key=lambda k: k[0])
    if rule_cap is not None and kept:
        kept = _cap(kept, rule_cap // dt.timedelta(microseconds=1), zone, breaches)
    breaches.sort(key=lambda x: (to_us(x.start), to_us(x.end)))
    merged = Intervals((s, e) for s, e, _ in kept)
    return MaintenanceCheck(
        tuple((from_us(s, zone), from_us(e, zone)) for s, e in merged),
        tuple(breaches),
        tuple(unchecked),
    )


def _cap(
    kept: Sequence[tuple[int, int, PlannedMaintenance]],
    cap_us: int,
    zone: dt.tzinfo,
    breaches: list[MaintenanceBreach],
) -> list[tuple[int, int, PlannedMaintenance]]:
    """The kept parts within each month's limit; the rest goes to ``breaches``."""
    pieces: list[tuple[int, int, PlannedMaintenance]] = []
    for s, e, p in kept:  # split at the months' edges
        for edge in _month_edges(s, e, zone):
            if s < edge < e:
                pieces.append((s, edge, p))
                s = edge
        pieces.append((s, e, p))
    out = []
    used: dict[tuple[int, int], int] = {}
    covered = Intervals()
    for s, e, p in pieces:
        fresh = Intervals.span(s, e) - covered  # overlapping windows count once
        covered |= fresh
        local = from_us(s, zone)
        key = (local.year, local.month)
        for a, b in fresh:
            room = max(cap_us - used.get(key, 0), 0)
            cut = min(b, a + room)
            used[key] = used.get(key, 0) + (cut - a)
            if cut > a:
                out.append((a, cut, p))
            if b > cut:
                breaches.append(
                    MaintenanceBreach(p, "over_monthly_cap", from_us(cut, zone), from_us(b, zone))
                )
    return out
