"""Monthly availability: downtime, budget, target met, and the service credit owed."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, TypeAlias

from slacalc._exact import check_places, check_rounding, round_fraction
from slacalc._frozen import FrozenDict
from slacalc._present.formats import counted
from slacalc._present.frames import Column, columns_of, plain, type_hints
from slacalc._time import from_us, instant_from, to_us
from slacalc.credits import CreditSchedule, MoneyLike
from slacalc.errors import (
    ColumnTypeError,
    InvalidOptionError,
    InvalidPeriodError,
    NoEligibleTimeError,
    SlacalcError,
)
from slacalc.reports._input import _interval, _rows, read_outages, read_windows
from slacalc.reports._tables import Tabular
from slacalc.uptime import (
    Availability,
    AvailabilityReport,
    CalendarPeriod,
    MaintenanceCheck,
    MaintenanceMode,
    MaintenanceRules,
    PlannedMaintenance,
    Rounding,
    SupportsOpenPeriods,
    TargetLike,
    calendar_month,
    calendar_period,
    check_maintenance,
    measure_availability,
    measure_windows,
)

__all__ = [
    "BudgetPoint",
    "MaintenanceCheckMode",
    "MonthlyAvailability",
    "MonthlyAvailabilityReport",
    "MonthsLike",
    "availability_report",
    "read_maintenance",
]

MonthsLike: TypeAlias = (
    "int | str | CalendarPeriod | Iterable[str | tuple[int, int] | dt.date | CalendarPeriod]"
)
"""Months to report: a year (``2026``: all twelve), ``"2026-03"``, ``(2026, 3)``, a date
in the month, a ``pandas.Period``, a :class:`~slacalc.CalendarPeriod`, or a list of these.
Other calendar periods are accepted by name too (``"2026-W10"``, ``"2026-Q1"``).

Examples:
    >>> from slacalc.reports import availability_report
    >>> [m.month for m in availability_report([], "99.9%", months="2026-03").rows]
    ['2026-03']
    >>> len(availability_report([], "99.9%", months=2026).rows)
    12
"""

_US = 1_000_000


def _td(seconds: Fraction, rounding: str) -> dt.timedelta:
    return dt.timedelta(microseconds=round_fraction(seconds * _US, rounding))  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class MonthlyAvailability:
    """One month of an :func:`availability_report`.

    Attributes:
        month: the period's label, e.g. ``'2026-03'``.
        start: its first instant (local midnight on the 1st).
        end: the instant after its last.
        eligible: the time that counts (the month, less excluded maintenance, within
            support hours when a calendar is given).
        downtime: the weighted downtime, rounded to the microsecond (ties to even).
        availability: the exact :class:`~slacalc.Availability`.
        target: the target.
        met: whether the availability is at least the target (exactly the target is met).
        allowed_downtime: what the target allows in the eligible time (rounded down).
        remaining_budget: allowed minus actual downtime (rounded down; negative when
            the target was missed).
        budget_used: ``downtime / allowed``, an exact ``Fraction`` (1 = all of it);
            ``None`` for a 100 % target.
        credit_percent: the credit tier's percent of the fee (``Decimal``), ``None``
            without a credit schedule.
        credit: the credit owed (``Decimal``, after cap, rounding and minimum), ``None``
            without a schedule or a fee.
        incidents: how many incidents counted some downtime in the month.
        report: the underlying :class:`~slacalc.AvailabilityReport` (exact seconds,
            per-outage shares of the incidents that reach into the month, in log order).

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 6, 9, 14, tzinfo=dt.timezone.utc)
        >>> r = availability_report([(t, t + dt.timedelta(minutes=50))], "99.9%", ["2026-06"])
        >>> row = r.rows[0]
        >>> row.month, str(row.availability), row.met
        ('2026-06', '~99.884259%', False)
        >>> row.remaining_budget                                  # 43m12s - 50m
        datetime.timedelta(days=-1, seconds=85992)
    """

    month: str
    start: dt.datetime
    end: dt.datetime
    eligible: dt.timedelta
    downtime: dt.timedelta
    availability: Availability
    target: Availability
    met: bool
    allowed_downtime: dt.timedelta
    remaining_budget: dt.timedelta
    budget_used: Fraction | None
    credit_percent: Decimal | None
    credit: Decimal | None
    incidents: int
    report: AvailabilityReport = field(repr=False, compare=False)


_COLUMNS = columns_of(type_hints(MonthlyAvailability, skip=("report",)))


@dataclass(frozen=True, slots=True)
class BudgetPoint:
    """The error budget at one instant of a month (see :meth:`MonthlyAvailabilityReport.burndown`).

    Attributes:
        at: the instant.
        downtime_seconds: downtime counted from the month's start until ``at``, exact.
        remaining_seconds: the month's allowed downtime minus that, exact (negative once
            overspent).

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 6, 9, 14, tzinfo=dt.timezone.utc)
        >>> r = availability_report([(t, t + dt.timedelta(hours=1))], "99.9%", ["2026-06"])
        >>> last = r.burndown("2026-06")[-1]
        >>> last.downtime_seconds, last.remaining_seconds                  # 43m12s - 1h
        (Fraction(3600, 1), Fraction(-1008, 1))
    """

    at: dt.datetime
    downtime_seconds: Fraction
    remaining_seconds: Fraction

    @property
    def remaining(self) -> dt.timedelta:
        """The remaining budget as a timedelta (rounded down to a microsecond).

        Examples:
            >>> import datetime as dt
            >>> t = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)
            >>> BudgetPoint(t, Fraction(0), Fraction(2592)).remaining
            datetime.timedelta(seconds=2592)
        """
        return _td(self.remaining_seconds, "floor")


@dataclass(frozen=True, slots=True, repr=False)
class MonthlyAvailabilityReport(Tabular):
    """What :func:`availability_report` returns: one :class:`MonthlyAvailability` per month.

    Examples:
        >>> from decimal import Decimal
        >>> from slacalc import CreditSchedule
        >>> credits = CreditSchedule([("99.9%", "5%"), ("99.5%", "10%")])
        >>> r = availability_report([], "99.9%", 2026, credits=credits, fee=Decimal("1500"))
        >>> len(r.rows), r.total_credit, r.rows[1].allowed_downtime
        (12, Decimal('0.00'), datetime.timedelta(seconds=2419, microseconds=200000))
    """

    rows: tuple[MonthlyAvailability, ...]
    target: Availability
    places: int
    rounding: Rounding
    _options: Mapping[str, Any] = field(repr=False, compare=False)
    maintenance: MaintenanceCheck | None = None
    """The maintenance windows checked against the agreement's rules (``None`` without
    ``maintenance_rules``): which window broke which rule."""

    def _columns(self) -> tuple[Column, ...]:
        return _COLUMNS

    def _values(self) -> list[tuple[object, ...]]:
        return [tuple(getattr(r, c.name) for c in _COLUMNS) for r in self.rows]

    def _tz(self) -> dt.tzinfo:
        return self.rows[0].start.tzinfo or dt.UTC if self.rows else dt.UTC

    @property
    def total_credit(self) -> Decimal | None:
        """The credits of all months added up (``None`` without a schedule and fee).

        Examples:
            >>> availability_report([], "99.9%", 2026).total_credit is None
            True
        """
        credits = [r.credit for r in self.rows]
        if not credits or any(c is None for c in credits):
            return None
        return sum((c for c in credits if c is not None), Decimal("0.00"))

    def row(self, month: str) -> MonthlyAvailability:
        """The row of ``month`` (its label, e.g. ``'2026-03'``).

        Raises:
            InvalidPeriodError: the report has no such month.

        Examples:
            >>> availability_report([], "99.9%", 2026).row("2026-02").eligible
            datetime.timedelta(days=28)
        """
        for r in self.rows:
            if r.month == month:
                return r
        raise InvalidPeriodError(
            f"The report has no month {month!r}; it has "
            f"{', '.join(repr(r.month) for r in self.rows) or 'none'}."
        )

    def burndown(self, month: str) -> tuple[BudgetPoint, ...]:
        """The month's error budget over time: one point wherever the burn rate changes.

        Between two points the remaining budget changes linearly (an outage burns it
        at a constant weight), so the points draw the exact burn-down curve. Each point's
        downtime is ``measure_availability`` over the month's start until that instant,
        with the report's maintenance, calendar and weights.

        Args:
            month: the month's label, e.g. ``'2026-03'``.

        Returns:
            Points from the month's start to its end, in time order.

        Raises:
            InvalidPeriodError: the report has no such month.

        Examples:
            >>> import datetime as dt
            >>> t = dt.datetime(2026, 6, 9, 14, tzinfo=dt.timezone.utc)
            >>> r = availability_report([(t, t + dt.timedelta(minutes=10))], "99.9%", ["2026-06"])
            >>> [(p.at.day, p.at.hour, p.at.minute, p.remaining) for p in r.burndown("2026-06")]
            ... # doctest: +NORMALIZE_WHITESPACE
            [(1, 0, 0, datetime.timedelta(seconds=2592)),
             (9, 14, 0, datetime.timedelta(seconds=2592)),
             (9, 14, 10, datetime.timedelta(seconds=1992)),
             (1, 0, 0, datetime.timedelta(seconds=1992))]
        """
        row = self.row(month)
        allowed = row.report.allowed_downtime_seconds
        assert allowed is not None
        a, b = to_us(row.start), to_us(row.end)
        options = dict(self._options)
        # The month's report holds the incidents that reach into the month; the rest add
        # nothing to any part of it.
        outages = [share.outage for share in row.report.outages]
        edges = [
            (to_us(o.start), to_us(end))
            for o in outages
            if (end := options.get("as_of") if o.end is None else o.end) is not None
        ]
        edges.extend((to_us(s), to_us(e)) for s, e in options.get("maintenance", ()))
        cuts = {x for edge in edges for x in edge}
        calendar: SupportsOpenPeriods | None = options.get("calendar")
        for s, e in edges:  # where the hours open and close within them too
            lo, hi = from_us(max(s, a), dt.UTC), from_us(min(e, b), dt.UTC)
            if calendar is not None and lo < hi:
                periods = calendar.open_periods(lo, hi)
                cuts.update(to_us(t) for period in periods for t in period)
        tz = row.start.tzinfo or dt.UTC
        points = []
        for x in sorted({a, b, *(x for x in cuts if a < x < b)}):
            down = Fraction(0)
            with contextlib.suppress(NoEligibleTimeError):
                if x > a:
                    window = (row.start, from_us(x, tz))
                    down = measure_availability(outages, window, **options).downtime_seconds
            points.append(BudgetPoint(from_us(x, tz), down, allowed - down))
        return tuple(points)

    _SHOWN = (
        ("month", "month"),
        ("downtime", "downtime"),
        ("availability", "availability"),
        ("allowed_downtime", "allowed"),
        ("remaining_budget", "remaining"),
        ("met", "met"),
        ("credit_percent", "credit %"),
        ("credit", "credit"),
    )
    _PERCENT = ("credit %",)

    def _shown(self) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
        rows = [
            tuple(
                r.availability.format(self.places, rounding=self.rounding)
                if name == "availability"
                else getattr(r, name)
                for name, _ in self._SHOWN
            )
            for r in self.rows
        ]
        return tuple(header for _, header in self._SHOWN), rows

    def _title(self) -> str:
        title = (
            f"Availability per month against {self.target} (shown {self.rounding} to "
            f"{self.places} places; compared exactly)"
        )
        if self.total_credit is not None:
            title += f"; credits owed: {self.total_credit}"
        return title

    def to_text(self) -> str:
        """A text table; availability shown with the report's places and named rounding.

        Examples:
            >>> print(availability_report([], "99.9%", ["2026-02"]).to_text())
            month    downtime  availability  allowed  remaining  met  credit %  credit
            -------  --------  ------------  -------  ---------  ---  --------  ------
            2026-02  0s        100.000%      40m 19s  40m 19s    yes  -         -
        """
        return Tabular.to_text(self)

    def __repr__(self) -> str:
        missed = [r.month for r in self.rows if not r.met]
        return (
            f"<MonthlyAvailabilityReport: {counted(len(self.rows), 'month')} against "
            f"{self.target}, "
            f"missed {missed}, credits {self.total_credit}>"
        )


def _months(months: object, tz: str | dt.tzinfo) -> list[CalendarPeriod]:
    if isinstance(months, bool):
        pass
    elif isinstance(months, int):
        return [calendar_month(months, m, tz=tz) for m in range(1, 13)]
    elif isinstance(months, (str, CalendarPeriod)) or hasattr(months, "freqstr"):
        return _months([months], tz)
    elif isinstance(months, Iterable):
        out: list[CalendarPeriod] = []
        for item in months:
            if isinstance(item, dt.date) and not isinstance(item, dt.datetime):
                out.append(calendar_month(item.year, item.month, tz=tz))
            elif isinstance(item, tuple) and len(item) == 2:
                out.append(calendar_month(item[0], item[1], tz=tz))
            else:
                try:
                    out.append(calendar_period(item, tz=tz))
                except InvalidPeriodError:
                    raise InvalidPeriodError(
                        f"{item!r} is not a month; pass '2026-03', (2026, 3), a date in the "
                        "month, a pandas.Period, slacalc.calendar_month(2026, 3, tz=...), or "
                        "another period by name ('2026-W10', '2026-Q1')."
                    ) from None
        if out:
            return out
    raise InvalidPeriodError(
        f"months={months!r} names no months; pass a year (2026), '2026-03', or a list such "
        "as ['2026-01', '2026-02']."
    )


MaintenanceCheckMode: TypeAlias = Literal["enforce", "trust"]
"""What :func:`availability_report` does with maintenance that broke the agreement's rules.

- ``"enforce"`` (default): the parts that broke a rule are not maintenance: they count
  as downtime, as agreements say ("maintenance outside these rules counts as downtime").
- ``"trust"``: every window counts as maintenance, as before the rules were checked;
  the report still lists the windows that broke a rule.

Examples:
    >>> from typing import get_args
    >>> from slacalc.reports import MaintenanceCheckMode
    >>> get_args(MaintenanceCheckMode)
    ('enforce', 'trust')
"""

_MAINTENANCE_COLUMNS = ("start", "end", "announced", "label")


def read_maintenance(
    table: object, *, columns: Mapping[str, str] | None = None
) -> list[PlannedMaintenance]:
    """Planned maintenance windows with their announcement times, as the reports read them.

    Args:
        table: a DataFrame, dicts or :class:`CsvRows` with ``start`` and ``end``, and
            optionally ``announced`` (when it was announced, for the notice rule) and
            ``label``; or ``(start, end)`` pairs or
            :class:`~slacalc.uptime.PlannedMaintenance` values.
        columns: your column names: ``{"announced": "notified"}``.

    Returns:
        The windows in table order.

    Raises:
        MissingColumnError: no ``start`` or ``end`` column.
        ColumnTypeError: a value of the wrong type, or a window without an end.
        InvalidIntervalError: a window that ends before it starts.

    Examples:
        >>> import csv, io
        >>> from slacalc.reports import CsvRows
        >>> text = ("start,end,announced\\n"
        ...         "2026-11-18T14:00+01:00,2026-11-18T16:00+01:00,2026-11-17T09:00+01:00\\n")
        >>> (window,) = read_maintenance(CsvRows(csv.DictReader(io.StringIO(text))))
        >>> window.start - window.announced
        datetime.timedelta(days=1, seconds=18000)
    """
    what = "maintenance"
    cols, rows, items, labels = _rows(
        table,
        columns,
        _MAINTENANCE_COLUMNS,
        what,
        "a list of windows; pass a DataFrame or dicts with 'start' and 'end' (and "
        "'announced'), or (start, end) pairs",
    )
    if rows is None:
        return [
            item if isinstance(item, PlannedMaintenance) else PlannedMaintenance(*window)
            for item, window in zip(items, _pairs(items), strict=True)
        ]
    out = []
    names = cols.names
    for row, where in zip(rows, labels, strict=True):
        start, end = _interval(row, cols, where)
        if end is None:
            raise ColumnTypeError(
                f"Column 'end' of the {what} is empty in {where}; a window needs an end.",
                column=names["end"],
            )
        announced = plain(row.get(names["announced"]))
        if isinstance(announced, str):
            announced = instant_from(announced, what=f"{where}: 'announced'")
        if announced is not None:
            cols.instant(announced, "announced", where)
        label = plain(row.get(names["label"]))
        try:
            window = PlannedMaintenance(
                start,
                end,
                announced,  # type: ignore[arg-type]
                None if label is None else str(label),
            )
        except SlacalcError as exc:
            raise type(exc)(f"{where}: {exc}") from None
        out.append(window)
    return out


def _pairs(items: Iterable[object]) -> list[tuple[dt.datetime, dt.datetime]]:
    """The windows of items that are pairs or PlannedMaintenance, checked as pairs."""
    return read_windows(
        [(i.start, i.end) if isinstance(i, PlannedMaintenance) else i for i in items]
    )


def availability_report(
    incidents: object,
    target: TargetLike,
    months: object,
    *,
    tz: str | dt.tzinfo = "UTC",
    maintenance: object = (),
    maintenance_mode: MaintenanceMode | None = None,
    maintenance_rules: MaintenanceRules | None = None,
    maintenance_check: MaintenanceCheckMode = "enforce",
    credits: CreditSchedule | None = None,
    fee: MoneyLike | None = None,
    calendar: SupportsOpenPeriods | None = None,
    weights: Mapping[str, object] | None = None,
    min_outage: dt.timedelta | str | None = None,
    as_of: dt.datetime | None = None,
    columns: Mapping[str, str] | None = None,
    places: int = 3,
    rounding: Rounding = "floor",
) -> MonthlyAvailabilityReport:
    """Availability per calendar month, with the error budget and the service credit owed.

    Each month is measured as :func:`~slacalc.measure_availability` measures it, on the
    real calendar month in ``tz`` (:func:`~slacalc.calendar_month`), so every figure is exact:
    overlapping incidents count once (the heaviest severity at each instant), outages
    during maintenance are not downtime, incidents crossing a month's edge are split
    between the months. The credit is :meth:`slacalc.CreditSchedule.credit` on the
    unrounded availability; ``places`` and
    ``rounding`` only affect how availability is *shown*.

    The log is read once and sorted; each month is measured with only the incidents and
    maintenance windows that reach into it (found by bisection, keeping runs of
    touching incidents together so ``min_outage`` sees them whole), so a year of 50,000
    incidents costs ``O(n log n)``, not twelve passes over the log.

    Args:
        incidents: the incident log: a DataFrame or dicts with ``start``, ``end`` (empty
            while open) and optionally ``severity`` (``full``, ``partial``, ``degraded``)
            and ``label`` (or ``incident_id``); or ``(start, end[, severity])`` tuples or
            :class:`~slacalc.Outage` values.
        target: the availability target, e.g. ``"99.9%"``.
        months: a year (``2026``), ``"2026-03"``, ``(2026, 3)``, a date, a
            :class:`~slacalc.CalendarPeriod`, or a list of these.
        tz: the zone of the months given by name or number (default UTC, as cloud SLAs
            measure; an agency's contract usually says its own zone).
        maintenance: planned maintenance windows: a DataFrame or dicts with ``start`` and
            ``end`` (and ``announced``, when each was announced), or ``(start, end)`` pairs
            (see :func:`read_maintenance`).
        maintenance_mode: ``"count_as_up"`` or ``"exclude"``; required with maintenance.
        maintenance_rules: the agreement's rules for maintenance (the window, notice and
            monthly limit), e.g. ``policy.to_agreement().uptime.maintenance``: the windows
            are checked with :func:`~slacalc.uptime.check_maintenance`, and
            :attr:`MonthlyAvailabilityReport.maintenance` says which window broke which
            rule.
        maintenance_check: ``"enforce"`` (default): what broke a rule counts as downtime;
            ``"trust"``: every window counts as maintenance, as it did before the rules
            were checked (see :data:`MaintenanceCheckMode`).
        credits: a :class:`~slacalc.CreditSchedule` (e.g. ``policy.to_agreement().uptime.credits``).
        fee: the monthly fee the credit is a share of (``Decimal("1500.00")``).
        calendar: only the calendar's open hours are eligible (business-hours uptime).
        weights: severity weights on top of the defaults (``{"partial": "50%"}``).
        min_outage: downtime runs shorter than this are ignored (``"1m"``).
        as_of: when the report is made; open incidents run until then.
        columns: your column names for the incident table: ``{"start": "began"}``.
        places: decimals shown for availability in text and HTML.
        rounding: how availability is shown: ``"floor"`` (default) never shows more
            availability than there was.

    Returns:
        A :class:`MonthlyAvailabilityReport`.

    Raises:
        MissingColumnError: an incident or maintenance table lacks ``start`` or ``end``.
        ColumnTypeError: a value of the wrong type (named by its column).
        InvalidPeriodError: ``months`` names no month.
        InvalidOptionError: ``fee`` without ``credits``; a bad ``maintenance_mode``
            or a missing one with maintenance; a bad ``maintenance_check``.
        OpenOutageError: an open incident and no ``as_of``.
        InvalidTargetError: a bad target.

    Examples:
        >>> import datetime as dt
        >>> from decimal import Decimal
        >>> from slacalc import CreditSchedule
        >>> utc = dt.timezone.utc
        >>> outages = [(dt.datetime(2026, 3, 17, 10, 5, tzinfo=utc),
        ...             dt.datetime(2026, 3, 17, 10, 57, tzinfo=utc))]        # 52 minutes
        >>> credits = CreditSchedule([("99.9%", "5%"), ("99.5%", "10%"), ("99%", "15%")])
        >>> r = availability_report(outages, "99.9%", ["2026-02", "2026-03"],
        ...                         credits=credits, fee=Decimal("1500.00"))
        >>> [(m.month, m.met, m.credit_percent, m.credit) for m in r.rows]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('2026-02', True, Decimal('0'), Decimal('0.00')),
         ('2026-03', False, Decimal('5'), Decimal('75.00'))]
    """
    if fee is not None and credits is None:
        raise InvalidOptionError(
            "fee= was given without credits=; pass a CreditSchedule, e.g. "
            "policy.to_agreement().uptime.credits, or leave the fee out."
        )
    mode = check_rounding(rounding)
    digits = check_places(places)
    periods = _months(months, tz)
    outages = tuple(read_outages(incidents, columns))
    planned = read_maintenance(maintenance)
    windows: list[tuple[dt.datetime, dt.datetime]] = [(p.start, p.end) for p in planned]
    if maintenance_check not in ("enforce", "trust"):
        raise InvalidOptionError(
            f"Unknown maintenance_check {maintenance_check!r}; pass 'enforce' (maintenance "
            "that broke the rules counts as downtime) or 'trust' (every window counts as "
            "maintenance)."
        )
    check = None
    if maintenance_rules is not None:
        check = check_maintenance(planned, maintenance_rules, tz=tz)
        if maintenance_check == "enforce":
            windows = list(check.kept)
            outages += tuple(check.as_outages())
    options: Mapping[str, Any] = FrozenDict(
        {
            "target": target,
            "maintenance": tuple(windows),
            "maintenance_mode": maintenance_mode,
            "calendar": calendar,
            "weights": weights,
            "min_outage": min_outage,
            "as_of": as_of,
        }
    )
    rows = []
    goal: Availability | None = None
    # One pass over the log: each month is measured with only the incidents (and
    # maintenance) that reach into it, found by bisection, so a year of 50,000 incidents
    # is not measured twelve times over.
    reports = measure_windows(outages, periods, **options)  # type: ignore[arg-type]
    for period, report in zip(periods, reports, strict=True):
        goal = report.target
        allowed = report.allowed_downtime_seconds
        assert allowed is not None
        assert report.allowed_downtime is not None
        assert report.remaining_budget is not None
        assert report.target_met is not None
        rows.append(
            MonthlyAvailability(
                month=period.label,
                start=period.start,
                end=period.end,
                eligible=report.eligible_time,
                downtime=report.downtime,
                availability=report.availability,
                target=report.target,  # type: ignore[arg-type]
                met=report.target_met,
                allowed_downtime=report.allowed_downtime,
                remaining_budget=report.remaining_budget,
                budget_used=report.downtime_seconds / allowed if allowed else None,
                credit_percent=None if credits is None else credits.credit_percent(report),
                credit=None if credits is None or fee is None else credits.credit(report, fee),
                incidents=sum(1 for s in report.outages if s.counted_seconds > 0),
                report=report,
            )
        )
    assert goal is not None
    return MonthlyAvailabilityReport(tuple(rows), goal, digits, mode, options, check)
