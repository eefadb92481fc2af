"""Incident metrics per period: counts, MTTR, MTTA and MTBF, in calendar or business time.

The definitions (see docs/concepts/uptime.md, "Incident metrics"):

- a *failure* is a run of the merged outage list: incidents that overlap or touch are
  one failure, from the first start to the last end (what the users lived through);
- **MTTR** (mean time to recovery) is the mean length of the failures that start in the
  period: from the moment it failed to the moment it was fully up again;
- **MTTA** (mean time to acknowledge) is the mean of ``acknowledged - start`` over the
  incidents that start in the period and have an acknowledgement time;
- **MTBF** (mean time between failures) is the mean time from the end of one failure to
  the start of the next, over the failures that start in the period and have one before
  them (the first failure of the log has none);
- *incidents* counts the incident records that start in the period, *failures* the
  failures.

With a ``calendar``, every duration is the business time the calendar is open within it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from slacalc._exact import round_fraction
from slacalc._intervals import Intervals
from slacalc._present.formats import counted
from slacalc._present.frames import Column, columns_of, is_frame, plain, type_hints
from slacalc._time import instant_from, to_us
from slacalc.errors import ColumnTypeError, InvalidOptionError, OpenOutageError
from slacalc.reports._input import CsvRows, read_outages
from slacalc.reports._periodic import _open_time
from slacalc.reports._tables import Tabular
from slacalc.uptime import CalendarPeriod, Every, SupportsOpenPeriods, calendar_periods

__all__ = ["IncidentMetrics", "IncidentMetricsTable", "incident_metrics"]

_US = 1_000_000


@dataclass(frozen=True, slots=True)
class IncidentMetrics:
    """One period (and severity or component) of an :class:`IncidentMetricsTable`.

    Attributes:
        period: the period's label (``'2026-03'``, ``'2026-W10'``...).
        group: the severity or component (``None`` when not split).
        incidents: incident records that start in the period.
        failures: failures (runs of merged incidents) that start in the period.
        mttr: mean time to recovery of those failures (``None`` without failures).
        mtta: mean time to acknowledge of those incidents with an acknowledgement
            (``None`` without one).
        mtbf: mean time between failures, from the previous failure's end to each
            failure's start (``None`` when no failure in the period has one before it).
        downtime: the failures' total length (calendar or business time).
        acknowledged: how many of the incidents have an acknowledgement time.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)
        >>> log = [{"start": t, "end": t + dt.timedelta(minutes=40),
        ...         "acknowledged": t + dt.timedelta(minutes=5)}]
        >>> row = incident_metrics(log, "2026-03").rows[0]
        >>> row.mttr, row.mtta, row.mtbf
        (datetime.timedelta(seconds=2400), datetime.timedelta(seconds=300), None)
    """

    period: str
    group: str | None
    incidents: int
    failures: int
    mttr: dt.timedelta | None
    mtta: dt.timedelta | None
    mtbf: dt.timedelta | None
    downtime: dt.timedelta
    acknowledged: int


_COLUMNS = columns_of(type_hints(IncidentMetrics))


@dataclass(frozen=True, slots=True, repr=False)
class IncidentMetricsTable(Tabular):
    """What :func:`incident_metrics` returns: one :class:`IncidentMetrics` per period and group.

    Attributes:
        rows: the rows, groups in order of first appearance, periods in time order.
        every: the unit of the periods.
        business_time: whether durations are business time (a calendar was given).

    Examples:
        >>> incident_metrics([], "2026-Q1").rows[0].failures
        0
    """

    rows: tuple[IncidentMetrics, ...]
    every: str
    business_time: bool

    def _columns(self) -> tuple[Column, ...]:
        return _COLUMNS

    def _values(self) -> list[tuple[object, ...]]:
        return [tuple(getattr(r, c.name) for c in _COLUMNS) for r in self.rows]

    def _shown(self) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
        names: tuple[str, ...] = ("period",)
        if any(r.group is not None for r in self.rows):
            names += ("group",)
        names += ("incidents", "failures", "mttr", "mtta", "mtbf", "downtime")
        return names, [tuple(getattr(r, n) for n in names) for r in self.rows]

    def _title(self) -> str:
        time = "business time" if self.business_time else "calendar time"
        return f"Incident metrics per {self.every} ({time})"

    def to_text(self) -> str:
        """A text table of the metrics.

        Examples:
            >>> import datetime as dt
            >>> t = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)
            >>> log = [(t, t + dt.timedelta(hours=1)), (t + dt.timedelta(hours=5),
            ...                                         t + dt.timedelta(hours=5, minutes=30))]
            >>> print(incident_metrics(log, "2026-03").to_text())
            period   incidents  failures  mttr  mtta  mtbf  downtime
            -------  ---------  --------  ----  ----  ----  --------
            2026-03  2          2         45m   -     4h    1h 30m
        """
        return Tabular.to_text(self)

    def __repr__(self) -> str:
        return f"<IncidentMetricsTable: {counted(len(self.rows), 'row')} per {self.every}>"


@dataclass(frozen=True, slots=True)
class _Incident:
    """One incident in µs: start, end, acknowledgement (or None), its group."""

    start: int
    end: int
    acknowledged: int | None
    group: str | None


def _records(incidents: object) -> tuple[object, list[object]]:
    """The table as given (for the outage reader) and its rows as mappings, if any."""
    if is_frame(incidents):
        frame_rows: list[object] = incidents.to_dict("records")  # type: ignore[attr-defined]
        return frame_rows, frame_rows
    if isinstance(incidents, CsvRows):
        rows: list[object] = [
            {str(k).strip().lower(): v for k, v in row.items() if k is not None}
            for row in incidents.rows
        ]
        return CsvRows(rows, incidents.name), rows  # type: ignore[arg-type]
    if isinstance(incidents, Iterable) and not isinstance(incidents, (str, bytes)):
        items = list(incidents)
        return items, items
    return incidents, []


def _instant(value: object, where: str, column: str) -> int | None:
    """An optional instant cell (aware datetime or ISO text) as µs."""
    value = plain(value)
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = instant_from(value, what=f"{where}: {column!r}")
    if not isinstance(value, dt.datetime):
        raise ColumnTypeError(
            f"Column {column!r} holds {value!r} in {where}, not an aware datetime; give the "
            "time the incident was acknowledged, or leave the cell empty.",
            column=column,
        )
    return to_us(value)


def _read(
    incidents: object, by: str | None, columns: Mapping[str, str] | None, as_of: int | None
) -> list[_Incident]:
    """The incidents in µs, with their acknowledgement and group."""
    names = {"acknowledged": "acknowledged", "component": "component", **(columns or {})}
    table, rows = _records(incidents)
    outages = read_outages(
        table,
        {
            k: v
            for k, v in (columns or {}).items()
            if k in ("start", "end", "severity", "label", "incident_id")
        }
        or None,
    )
    out = []
    for n, item in enumerate(outages):
        where = f"row {n}"
        if isinstance(item, tuple):
            start, end = item[0], item[1]
        else:
            start, end = item.start, item.end  # type: ignore[attr-defined]
        source = rows[n] if n < len(rows) else item
        get = (
            source.get
            if isinstance(source, Mapping)
            else (lambda key, s=source: getattr(s, key, None))
        )
        s = to_us(start)
        if end is None:
            if as_of is None:
                raise OpenOutageError(
                    f"{where}: the incident has no end; pass as_of= with the time of the report."
                )
            e = max(as_of, s)
        else:
            e = to_us(end)
        ack = _instant(get(names["acknowledged"]), where, names["acknowledged"])
        group: object = None
        if by == "severity":
            group = getattr(item, "severity", None) or (
                item[2] if isinstance(item, tuple) and len(item) > 2 else "full"
            )
        elif by == "component":
            group = plain(get(names["component"]))
        out.append(_Incident(s, e, ack, None if group is None else str(group)))
    return out


def _mean(total_us: int | Fraction, count: int) -> dt.timedelta | None:
    """The mean of ``count`` durations adding up to ``total_us``, to the µs (ties to even)."""
    if not count:
        return None
    return dt.timedelta(microseconds=round_fraction(Fraction(total_us) / count, "half_even"))


def incident_metrics(
    incidents: object,
    span: object,
    *,
    every: Every = "month",
    by: Literal["severity", "component"] | None = None,
    calendar: SupportsOpenPeriods | None = None,
    tz: str | dt.tzinfo = "UTC",
    as_of: dt.datetime | None = None,
    columns: Mapping[str, str] | None = None,
) -> IncidentMetricsTable:
    """MTTR, MTTA, MTBF and incident counts per period (and severity or component).

    The incidents are merged first: incidents that overlap or touch are one *failure*
    (one stretch the users lived through), so two alerts for one outage do not halve
    the MTTR. Each failure and incident belongs to the period it starts in. The
    definitions, with their sources, are in docs/concepts/uptime.md:

    - MTTR: mean length of the failures, start to full recovery;
    - MTTA: mean of ``acknowledged - start`` over the incidents with an ``acknowledged``
      time;
    - MTBF: mean time from the end of one failure to the start of the next.

    Args:
        incidents: the log: a DataFrame, dicts or :class:`CsvRows` with ``start``,
            ``end``, optionally ``severity``, ``component`` and ``acknowledged`` (when
            someone took it on); or outages or ``(start, end[, severity])`` tuples.
        span: the periods to report (a year, ``"2026-Q1"``, a window...; see
            :func:`~slacalc.calendar_periods`).
        every: ``"day"``, ``"week"``, ``"month"`` (default), ``"quarter"`` or ``"year"``.
        by: ``"severity"`` or ``"component"`` for one row per period and group; failures
            are merged within each group.
        calendar: measure every duration in the calendar's open hours (business time);
            default: calendar time.
        tz: the zone of the periods' days.
        as_of: when the report is made; open incidents run until then.
        columns: your column names: ``{"acknowledged": "acked_at"}``.

    Returns:
        An :class:`IncidentMetricsTable`.

    Raises:
        OpenOutageError: an open incident and no ``as_of``.
        ColumnTypeError: an ``acknowledged`` cell that is not an instant.
        InvalidPeriodError: ``span`` is not a period.
        InvalidOptionError: an unknown ``every`` or ``by``.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)
        >>> minutes = dt.timedelta(minutes=1)
        >>> log = [  # two alerts for one outage, then a second outage 3 h 20 min later
        ...     {"start": t, "end": t + 30 * minutes, "acknowledged": t + 4 * minutes},
        ...     {"start": t + 10 * minutes, "end": t + 40 * minutes},
        ...     {"start": t + 240 * minutes, "end": t + 260 * minutes,
        ...      "acknowledged": t + 250 * minutes},
        ... ]
        >>> row = incident_metrics(log, "2026-03").rows[0]
        >>> row.incidents, row.failures, row.mttr, row.mtta, row.mtbf
        ... # doctest: +NORMALIZE_WHITESPACE
        (3, 2, datetime.timedelta(seconds=1800), datetime.timedelta(seconds=420),
         datetime.timedelta(seconds=12000))
    """
    if by not in (None, "severity", "component"):
        raise InvalidOptionError(
            f"by={by!r} is not a way to split the incidents; pass 'severity', 'component' or None."
        )
    periods = calendar_periods(span, every, tz=tz)
    log = _read(incidents, by, columns, None if as_of is None else to_us(as_of))
    open_time: Intervals | None = None
    if calendar is not None and log:
        lo = min(min(i.start for i in log), to_us(periods[0].start))
        hi = max(max(i.end for i in log), to_us(periods[-1].end))
        open_time = _open_time(calendar, lo, hi)

    def length(a: int, b: int) -> int:
        return b - a if open_time is None else open_time.measure(a, b)

    groups = list(dict.fromkeys(i.group for i in log)) or [None]
    rows = []
    for group in groups:
        mine = [i for i in log if i.group == group]
        failures = list(Intervals((i.start, i.end) for i in mine))
        for period in periods:
            rows.append(_row(period, group, mine, failures, length))
    return IncidentMetricsTable(tuple(rows), every, calendar is not None)


def _row(
    period: CalendarPeriod,
    group: str | None,
    incidents: list[_Incident],
    failures: list[tuple[int, int]],
    length: Callable[[int, int], int],
) -> IncidentMetrics:
    """The metrics of one period and group."""
    w0, w1 = to_us(period.start), to_us(period.end)
    starting = [i for i in incidents if w0 <= i.start < w1]
    acked = [i for i in starting if i.acknowledged is not None]
    # A zero-length incident that touches no other is a failure of no length.
    runs = failures + [
        (i.start, i.end)
        for i in incidents
        if i.start == i.end and not any(a <= i.start <= b for a, b in failures)
    ]
    runs.sort()
    mine = [(k, a, b) for k, (a, b) in enumerate(runs) if w0 <= a < w1]
    down = sum(length(a, b) for _, a, b in mine)
    gaps = [length(runs[k - 1][1], a) for k, a, _ in mine if k > 0]
    taken = sum(length(i.start, max(i.start, i.acknowledged or 0)) for i in acked)
    return IncidentMetrics(
        period=period.label,
        group=group,
        incidents=len(starting),
        failures=len(mine),
        mttr=_mean(down, len(mine)),
        mtta=_mean(taken, len(acked)),
        mtbf=_mean(sum(gaps), len(gaps)),
        downtime=dt.timedelta(microseconds=down),
        acknowledged=len(acked),
    )
