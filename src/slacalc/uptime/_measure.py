"""Measured availability from incident logs: merge, clip, maintenance, business hours."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal, Protocol, TypeAlias

from slacalc._exact import round_fraction
from slacalc._intervals import Intervals, inside, outside
from slacalc._time import UTC, duration_to_us, from_us, to_us
from slacalc._validate import check_items
from slacalc.errors import (
    InvalidDurationError,
    InvalidOptionError,
    NoEligibleTimeError,
    NotAnIntervalError,
)
from slacalc.uptime._availability import Availability, TargetLike, to_availability
from slacalc.uptime._outages import (
    Item,
    Outage,
    OutageLike,
    Seg,
    heaviest_first,
    interval_us,
    resolve_weights,
    sweep,
    to_items,
)
from slacalc.uptime._periods import CalendarPeriod, WindowLike, us_to_timedelta, window_us

__all__ = [
    "AvailabilityReport",
    "MaintenanceMode",
    "OutageShare",
    "SupportsOpenPeriods",
    "measure_availability",
    "measure_windows",
]

MaintenanceMode: TypeAlias = Literal["count_as_up", "exclude"]
"""How planned maintenance counts.

- ``"count_as_up"``: maintenance is not downtime and stays in the total (the usual
  contract wording: "Downtime does not include Scheduled Downtime").
- ``"exclude"``: maintenance is removed from the total (the eligible time), as
  GitLab.com's SLA and Zabbix's excluded downtimes do.

An outage during maintenance is not downtime in either mode.

Examples:
    >>> from typing import get_args
    >>> from slacalc.uptime import MaintenanceMode
    >>> get_args(MaintenanceMode)
    ('count_as_up', 'exclude')
"""

_US = 1_000_000
_ZERO = Fraction(0)
_MODES = ("count_as_up", "exclude")


class SupportsOpenPeriods(Protocol):
    """A calendar of support hours: ``slacalc.BusinessCalendar`` or anything like it.

    Only ``open_periods(start, end)`` is used: half-open open periods within
    ``[start, end)``, as pairs of aware datetimes.

    Examples:
        >>> import datetime as dt
        >>> from slacalc import BusinessCalendar
        >>> cal: SupportsOpenPeriods = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
        >>> monday = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)
        >>> [(a.hour, b.hour) for a, b in cal.open_periods(monday, monday + dt.timedelta(days=1))]
        [(9, 17)]
    """

    def open_periods(
        self, start: dt.datetime, end: dt.datetime
    ) -> Iterable[tuple[dt.datetime, dt.datetime]]:
        """Half-open open periods clipped to ``[start, end)``, as aware datetimes."""
        ...


@dataclass(frozen=True, slots=True)
class OutageShare:
    """How much one reported outage counted as downtime.

    Args:
        outage: the outage as given (normalized to an :class:`Outage`).
        weight: the weight of its severity.
        counted_seconds: the exact weighted downtime attributed to it: inside the window,
            outside maintenance, within support hours, not shorter than ``min_outage``,
            and not already covered by a heavier (or earlier, equally heavy) outage.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 2, 3, 10, tzinfo=dt.timezone.utc)
        >>> report = measure_availability([(t, t + dt.timedelta(minutes=30), "partial")],
        ...                               (t, t + dt.timedelta(days=1)))
        >>> share = report.outages[0]
        >>> share.weight, share.counted
        (Fraction(3, 10), datetime.timedelta(seconds=540))
    """

    outage: Outage
    weight: Fraction
    counted_seconds: Fraction

    @property
    def counted(self) -> dt.timedelta:
        """The counted downtime, rounded to the nearest microsecond (ties to even).

        Examples:
            >>> import datetime as dt
            >>> t = dt.datetime(2026, 2, 3, 10, tzinfo=dt.timezone.utc)
            >>> report = measure_availability([(t, t + dt.timedelta(seconds=10), "partial")],
            ...                               (t, t + dt.timedelta(hours=1)))
            >>> report.outages[0].counted
            datetime.timedelta(seconds=3)
        """
        return us_to_timedelta(round_fraction(self.counted_seconds * _US, "half_even"))


@dataclass(frozen=True, slots=True)
class AvailabilityReport:
    """The result of :func:`measure_availability`. All seconds are exact fractions.

    Args:
        window: the measured window ``(start, end)``.
        eligible_seconds: the time that counts: the window, minus excluded maintenance,
            within support hours when a calendar is given.
        downtime_seconds: the weighted downtime within the eligible time.
        availability: ``(eligible - downtime) / eligible``.
        target: the target, if one was given.
        allowed_downtime_seconds: ``(1 - target) x eligible``, if a target was given.
        outages: one :class:`OutageShare` per input outage, in input order.
        maintenance_mode: how maintenance counted (``None`` when there was none).

    Examples:
        >>> import datetime as dt
        >>> from slacalc import calendar_month
        >>> feb = calendar_month(2026, 2)                       # 28 days = 40 320 min
        >>> t = dt.datetime(2026, 2, 10, 12, tzinfo=dt.timezone.utc)
        >>> down = dt.timedelta(minutes=40, seconds=19, milliseconds=200)   # 40.32 min
        >>> r = measure_availability([(t, t + down)], feb, target="99.9%")
        >>> str(r.availability), r.target_met, r.remaining_budget
        ('99.9%', True, datetime.timedelta(0))
    """

    window: tuple[dt.datetime, dt.datetime]
    eligible_seconds: Fraction
    downtime_seconds: Fraction
    availability: Availability
    target: Availability | None
    allowed_downtime_seconds: Fraction | None
    outages: tuple[OutageShare, ...]
    maintenance_mode: MaintenanceMode | None

    @property
    def eligible_time(self) -> dt.timedelta:
        """The eligible time (always a whole number of microseconds).

        Examples:
            >>> from slacalc import calendar_month
            >>> measure_availability([], calendar_month(2026, 2)).eligible_time
            datetime.timedelta(days=28)
        """
        return us_to_timedelta(round_fraction(self.eligible_seconds * _US, "floor"))

    @property
    def downtime(self) -> dt.timedelta:
        """The weighted downtime, rounded to the nearest microsecond (ties to even).

        Examples:
            >>> import datetime as dt
            >>> t = dt.datetime(2026, 2, 3, 10, tzinfo=dt.timezone.utc)
            >>> h = dt.timedelta(hours=1)
            >>> measure_availability([(t, t + h), (t, t + h)], (t, t + 24 * h)).downtime
            datetime.timedelta(seconds=3600)
        """
        return us_to_timedelta(round_fraction(self.downtime_seconds * _US, "half_even"))

    @property
    def allowed_downtime(self) -> dt.timedelta | None:
        """The downtime the target allows in the eligible time (rounded down to a µs).

        ``None`` when no target was given.

        Examples:
            >>> from slacalc import calendar_month
            >>> measure_availability([], calendar_month(2026, 6), target="99.9%").allowed_downtime
            datetime.timedelta(seconds=2592)
        """
        if self.allowed_downtime_seconds is None:
            return None
        return us_to_timedelta(round_fraction(self.allowed_downtime_seconds * _US, "floor"))

    @property
    def remaining_budget_seconds(self) -> Fraction | None:
        """Allowed minus actual downtime, exact; negative when the target was missed.

        ``None`` when no target was given.

        Examples:
            >>> import datetime as dt
            >>> t = dt.datetime(2026, 6, 3, 10, tzinfo=dt.timezone.utc)
            >>> r = measure_availability([(t, t + dt.timedelta(hours=1))],
            ...                          (t, t + dt.timedelta(days=30)), target="99.9%")
            >>> r.remaining_budget_seconds                        # 43m12s - 1h
            Fraction(-1008, 1)
        """
        if self.allowed_downtime_seconds is None:
            return None
        return self.allowed_downtime_seconds - self.downtime_seconds

    @property
    def remaining_budget(self) -> dt.timedelta | None:
        """The remaining budget as a timedelta (rounded down to a µs; negative when breached).

        Examples:
            >>> import datetime as dt
            >>> t = dt.datetime(2026, 6, 3, 10, tzinfo=dt.timezone.utc)
            >>> r = measure_availability([(t, t + dt.timedelta(minutes=13, seconds=12))],
            ...                          (t, t + dt.timedelta(days=30)), target="99.9%")
            >>> r.remaining_budget                                # 43m12s - 13m12s
            datetime.timedelta(seconds=1800)
        """
        remaining = self.remaining_budget_seconds
        if remaining is None:
            return None
        return us_to_timedelta(round_fraction(remaining * _US, "floor"))

    @property
    def target_met(self) -> bool | None:
        """Whether the availability is at least the target (``None`` without a target).

        Exactly the target counts as met.

        Examples:
            >>> import datetime as dt
            >>> t = dt.datetime(2026, 6, 3, 10, tzinfo=dt.timezone.utc)
            >>> day = (t, t + dt.timedelta(days=1))
            >>> outage = (t, t + dt.timedelta(seconds=86, milliseconds=400))  # 0.1 % of a day
            >>> measure_availability([outage], day, target="99.9%").target_met
            True
        """
        if self.target is None:
            return None
        return self.availability >= self.target


def _open_time(
    calendar: SupportsOpenPeriods, window: tuple[dt.datetime, dt.datetime], w0: int, w1: int
) -> Intervals:
    """The calendar's open time in ``[w0, w1)``: from its µs port if any, else open_periods."""
    port = getattr(calendar, "_open_us", None)
    if callable(port):
        open_us: Intervals = port(w0, w1)
        return open_us
    if not hasattr(calendar, "open_periods"):
        raise InvalidOptionError(
            f"calendar={calendar!r} has no open_periods(start, end); pass a "
            "slacalc.BusinessCalendar."
        )
    return Intervals((to_us(a), to_us(b)) for a, b in calendar.open_periods(*window))


_Cut: TypeAlias = Callable[[Sequence[tuple[int, int]], Intervals], Iterator[tuple[int, int, int]]]


def _cut(segs: list[Seg], cut: _Cut, by: Intervals) -> list[Seg]:
    """The parts of ``segs`` that ``cut`` (:func:`inside` or :func:`outside`) keeps of ``by``."""
    parts = cut([(seg.start, seg.end) for seg in segs], by)
    return [segs[i]._replace(start=a, end=b) for i, a, b in parts]


def _drop_short_runs(segs: list[Seg], min_us: int) -> list[Seg]:
    """Drop the runs of touching pieces shorter than ``min_us``."""
    runs = Intervals((seg.start, seg.end) for seg in segs)  # touching pieces join
    long_runs = Intervals((a, b) for a, b in runs if b - a >= min_us)
    return _cut(segs, inside, long_runs)


def measure_availability(
    outages: Iterable[OutageLike],
    window: WindowLike,
    *,
    target: TargetLike | None = None,
    maintenance: Iterable[tuple[dt.datetime, dt.datetime]] = (),
    maintenance_mode: MaintenanceMode | None = None,
    calendar: SupportsOpenPeriods | None = None,
    weights: Mapping[str, object] | None = None,
    min_outage: dt.timedelta | str | None = None,
    as_of: dt.datetime | None = None,
) -> AvailabilityReport:
    """Measure availability over a window from an incident log.

    The steps: outages are merged (overlaps count once, at the heaviest weight
    active), maintenance is taken out of the downtime (and, with ``"exclude"``, out
    of the total), runs of downtime shorter than ``min_outage`` are dropped, and what
    is left is clipped to the window and, with a ``calendar``, to its open hours.
    Then ``availability = (eligible - downtime) / eligible``, exactly.

    Args:
        outages: ``(start, end)``, ``(start, end, severity)``, :class:`Outage` or records
            with ``start``/``end`` (and optionally ``severity``). Severities weigh as in
            :data:`DEFAULT_SEVERITY_WEIGHTS`: full 1, partial 0.3, degraded 0.
        window: ``(start, end)`` of aware datetimes, or a :class:`CalendarPeriod` such as
            ``calendar_month(2026, 2, tz="Europe/Berlin")``.
        target: an availability target; fills in the allowed downtime, the remaining
            budget and whether the target was met.
        maintenance: ``(start, end)`` windows of planned maintenance.
        maintenance_mode: ``"count_as_up"`` or ``"exclude"`` (see
            :data:`MaintenanceMode`); required when ``maintenance`` is not empty,
            because the two give different numbers.
        calendar: a ``BusinessCalendar``: only its open hours are eligible.
        weights: severity weights on top of the defaults, e.g. ``{"partial": "50%"}``.
        min_outage: the contract granularity: a run of consecutive downtime shorter
            than this is ignored (Google Cloud: ``"1m"``). A run is measured after
            merging and removing maintenance, before clipping to the window and hours.
        as_of: when the report is made; open outages (``end=None``) run until then.
            The window itself is not shortened: pass ``(start, as_of)`` for a figure to date.

    Returns:
        An :class:`AvailabilityReport`.

    Raises:
        NotAnIntervalError: an outage or maintenance item is not an interval.
        InvalidIntervalError: something ends before it starts.
        InvalidPeriodError: the window is not a window.
        OpenOutageError: an outage has no end and ``as_of`` is missing.
        UnknownSeverityError: a severity without a weight.
        InvalidWeightError: a weight outside 0-100 %.
        InvalidOptionError: a bad or missing ``maintenance_mode``, a bad calendar.
        InvalidDurationError: a negative or malformed ``min_outage``.
        NoEligibleTimeError: nothing of the window is eligible.
        NaiveDatetimeError: a datetime without a time zone.

    Examples:
        >>> import datetime as dt
        >>> from slacalc import calendar_month
        >>> utc = dt.timezone.utc
        >>> june = calendar_month(2026, 6)                      # 30 days = 43 200 min
        >>> outage = (dt.datetime(2026, 6, 9, 14, tzinfo=utc),
        ...           dt.datetime(2026, 6, 9, 14, 43, 12, tzinfo=utc))
        >>> upkeep = [(dt.datetime(2026, 6, 20, 2, tzinfo=utc),
        ...            dt.datetime(2026, 6, 20, 2, 10, tzinfo=utc))]
        >>> up = measure_availability([outage], june, maintenance=upkeep,
        ...                           maintenance_mode="count_as_up")
        >>> ex = measure_availability([outage], june, maintenance=upkeep,
        ...                           maintenance_mode="exclude")
        >>> up.availability.format(), ex.availability.format(5, rounding="half_up")
        ('99.9%', '99.89998%')
    """
    w0, w1 = window_us(window)
    inputs = _Inputs.read(
        outages, target, maintenance, maintenance_mode, weights, min_outage, as_of
    )
    return inputs.measure(
        inputs.records, inputs.items, inputs.maintenance, window, w0, w1, calendar
    )


def measure_windows(
    outages: Iterable[OutageLike],
    windows: Iterable[WindowLike],
    *,
    target: TargetLike | None = None,
    maintenance: Iterable[tuple[dt.datetime, dt.datetime]] = (),
    maintenance_mode: MaintenanceMode | None = None,
    calendar: SupportsOpenPeriods | None = None,
    weights: Mapping[str, object] | None = None,
    min_outage: dt.timedelta | str | None = None,
    as_of: dt.datetime | None = None,
) -> tuple[AvailabilityReport, ...]:
    """:func:`measure_availability` for many windows, reading the incident log once.

    The outages are read and checked once, then grouped into clusters: runs of outages
    that overlap or touch, so that a run of downtime (what ``min_outage`` measures) never
    spans two clusters. The clusters and the merged maintenance windows are sorted, and
    each window is measured with only the clusters and maintenance that reach into it,
    found by bisection. So ``n`` outages over ``m`` windows cost ``O(n log n)`` plus the
    outages each window holds, not ``O(n x m)``, and every figure equals what
    :func:`measure_availability` gives for that window with the whole log.

    Each report's ``outages`` lists the outages of the clusters that reach into its
    window (in input order), not the whole log.

    The keyword arguments (``target``, ``maintenance``, ``maintenance_mode``,
    ``calendar``, ``weights``, ``min_outage``, ``as_of``) and the errors raised are those
    of :func:`measure_availability`.

    Args:
        outages: as for :func:`measure_availability`.
        windows: the windows, each as for :func:`measure_availability`.

    Returns:
        One :class:`AvailabilityReport` per window, in the order given.

    Examples:
        >>> import datetime as dt
        >>> from slacalc import calendar_month
        >>> utc = dt.timezone.utc
        >>> outage = (dt.datetime(2026, 6, 30, 23, 50, tzinfo=utc),
        ...           dt.datetime(2026, 7, 1, 0, 20, tzinfo=utc))    # 10 min + 20 min
        >>> june, july = measure_windows([outage], [calendar_month(2026, 6),
        ...                                         calendar_month(2026, 7)])
        >>> june.downtime, july.downtime
        (datetime.timedelta(seconds=600), datetime.timedelta(seconds=1200))
    """
    inputs = _Inputs.read(
        outages, target, maintenance, maintenance_mode, weights, min_outage, as_of
    )
    records, items, maint = inputs.records, inputs.items, inputs.maintenance
    # A cluster is a run of the union of the outages; an outage of no length that
    # touches none is a cluster of its own.
    runs = Intervals((item.start, item.end) for item in items)
    groups: dict[tuple[int, int], list[int]] = {}
    for i, item in enumerate(items):
        k = bisect_right(runs.starts, item.start) - 1
        inside_run = k >= 0 and item.start <= runs.ends[k]
        key = (runs.starts[k], runs.ends[k]) if inside_run else (item.start, item.start)
        groups.setdefault(key, []).append(i)
    bounds = sorted(groups)
    clusters = [groups[b] for b in bounds]
    starts = [a for a, _ in bounds]
    ends = [b for _, b in bounds]  # ascending too: the clusters are disjoint
    reports = []
    for window in windows:
        w0, w1 = window_us(window)
        first, last = bisect_right(ends, w0), bisect_left(starts, w1)
        members = sorted(i for c in clusters[first:last] for i in c)
        lo = min(w0, starts[first]) if first < last else w0
        hi = max(w1, ends[last - 1]) if first < last else w1
        reports.append(
            inputs.measure(
                [records[i] for i in members],
                [items[i]._replace(position=k) for k, i in enumerate(members)],
                maint.clip(lo, hi),
                window,
                w0,
                w1,
                calendar,
            )
        )
    return tuple(reports)


@dataclass(frozen=True, slots=True)
class _Inputs:
    """The checked inputs of a measurement, shared by every window measured with them."""

    records: list[Outage]
    items: list[Item]
    maintenance: Intervals
    mode: MaintenanceMode | None
    goal: Availability | None
    min_us: int

    @classmethod
    def read(
        cls,
        outages: Iterable[OutageLike],
        target: TargetLike | None,
        maintenance: Iterable[tuple[dt.datetime, dt.datetime]],
        maintenance_mode: MaintenanceMode | None,
        weights: Mapping[str, object] | None,
        min_outage: dt.timedelta | str | None,
        as_of: dt.datetime | None,
    ) -> _Inputs:
        table = resolve_weights(weights)
        goal = None if target is None else to_availability(target)
        as_of_us = None if as_of is None else to_us(as_of)
        min_us = 0
        if min_outage is not None:
            min_us = duration_to_us(min_outage, allow_days=True)
            if min_us < 0:
                raise InvalidDurationError(
                    f"min_outage={min_outage!r} is negative; pass a duration such as '1m'."
                )

        records, items = to_items(outages, table, as_of_us)
        hint = "pass a list of (start, end) windows"
        check_items(maintenance, what="maintenance=", hint=hint, error=NotAnIntervalError)
        maint = Intervals(interval_us(m, what="maintenance window") for m in maintenance)
        mode: MaintenanceMode | None = None
        if maintenance_mode is not None and maintenance_mode not in _MODES:
            raise InvalidOptionError(
                f"Unknown maintenance_mode {maintenance_mode!r}; pass 'count_as_up' "
                "(maintenance is not downtime and stays in the total) or 'exclude' (removed "
                "from the total)."
            )
        if maint:
            if maintenance_mode is None:
                raise InvalidOptionError(
                    "Maintenance windows were given without maintenance_mode; say how they "
                    "count: maintenance_mode='count_as_up' (not downtime, still in the total) "
                    "or 'exclude' (removed from the total)."
                )
            mode = maintenance_mode
        return cls(records, items, maint, mode, goal, min_us)

    def measure(
        self,
        records: list[Outage],
        items: list[Item],
        maint: Intervals,
        window: WindowLike,
        w0: int,
        w1: int,
        calendar: SupportsOpenPeriods | None,
    ) -> AvailabilityReport:
        """Measure one window; ``items`` are numbered ``0..n-1`` in input order."""
        start_dt, end_dt = (
            (window.start, window.end) if isinstance(window, CalendarPeriod) else window
        )
        mode = self.mode
        segs = [s for s in sweep(items, heaviest_first) if s.weight > 0]
        segs = _cut(segs, outside, maint)
        if self.min_us:
            segs = _drop_short_runs(segs, self.min_us)
        eligible = Intervals.span(w0, w1)
        if mode == "exclude":
            eligible -= maint
        if calendar is not None:
            eligible &= _open_time(calendar, (start_dt, end_dt), w0, w1)
        eligible_us = eligible.total()
        if eligible_us == 0:
            raise NoEligibleTimeError(
                f"Nothing of the window {from_us(w0, UTC).isoformat()!r} to "
                f"{from_us(w1, UTC).isoformat()!r} is eligible: excluded maintenance and "
                "support hours leave no time to measure; widen the window, or count "
                "maintenance as up."
            )

        # Each outage has one weight: add its microseconds as integers, weigh once.
        counted_us = [0] * len(records)
        for seg in _cut(segs, inside, eligible):
            counted_us[seg.owner] += seg.end - seg.start
        by_weight: dict[Fraction, int] = {}
        for item, us in zip(items, counted_us, strict=True):
            if us:
                by_weight[item.weight] = by_weight.get(item.weight, 0) + us
        down_us = sum((w * us for w, us in by_weight.items()), Fraction(0))
        shares = tuple(
            OutageShare(record, item.weight, item.weight * Fraction(us, _US) if us else _ZERO)
            for record, item, us in zip(records, items, counted_us, strict=True)
        )
        eligible_s = Fraction(eligible_us, _US)
        goal = self.goal
        return AvailabilityReport(
            window=(start_dt, end_dt),
            eligible_seconds=eligible_s,
            downtime_seconds=down_us / _US,
            availability=Availability(1 - down_us / eligible_us),
            target=goal,
            allowed_downtime_seconds=None if goal is None else goal.unavailability * eligible_s,
            outages=shares,
            maintenance_mode=mode,
        )
