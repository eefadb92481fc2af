"""Availability at any granularity, per component and group, and over rolling windows.

One measurement serves every table here. The incident log is read once into integer
microseconds. For each subject (the whole log, a component, or a group of components)
its outages become *layers*: for every distinct positive weight ``w``, the union of the
outages weighing at least ``w``. The heaviest outage active at an instant weighs
``sum of (w_k - w_k+1)`` over the layers that cover it, so a window's weighted downtime
is ``sum of (w_k - w_k+1) x |layer_k within the window|``: overlapping incidents count
once, at the heaviest weight, exactly as :func:`slacalc.measure_availability` counts
them. Each layer keeps prefix sums, so any window is measured by two bisections per
layer, whatever its length: a million incidents into days, weeks and months cost one
sort, not one pass per period.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any, Literal, TypeAlias

from slacalc._exact import check_places, check_rounding, parse_share, round_fraction
from slacalc._intervals import Intervals
from slacalc._present.formats import counted
from slacalc._present.frames import Column, columns_of, is_frame, plain, type_hints
from slacalc._time import UTC, duration_to_us, from_us, resolve_tz, to_us
from slacalc.errors import (
    InvalidDurationError,
    InvalidOptionError,
    InvalidWeightError,
    NoEligibleTimeError,
    OpenOutageError,
    UnknownComponentError,
    UnknownSeverityError,
)
from slacalc.reports._availability import MaintenanceCheckMode, read_maintenance
from slacalc.reports._input import CsvRows, _Columns, column_map, read_outages
from slacalc.reports._tables import Tabular
from slacalc.uptime import (
    DEFAULT_SEVERITY_WEIGHTS,
    Availability,
    CalendarPeriod,
    Every,
    MaintenanceCheck,
    MaintenanceMode,
    MaintenanceRules,
    Rounding,
    SupportsOpenPeriods,
    TargetLike,
    calendar_periods,
    check_maintenance,
)

__all__ = [
    "AvailabilityTable",
    "GroupRule",
    "PeriodAvailability",
    "availability_table",
    "rolling_availability",
    "rolling_windows",
]

GroupRule: TypeAlias = Literal["all_up", "worst"]
"""How a group of components is measured.

- ``"all_up"``: the group is up only while every member is up, so its downtime is the
  union of its members' outages (heaviest weight at each instant), measured, not
  multiplied from the members' percentages (status pages such as incident.io do this).
- ``"worst"``: the group shows its least available member in each period.

Examples:
    >>> from typing import get_args
    >>> from slacalc.reports import GroupRule
    >>> get_args(GroupRule)
    ('all_up', 'worst')
"""

_US = 1_000_000
_RULES = ("all_up", "worst")
_LOG_COLUMNS = ("start", "end", "severity", "component", "label", "incident_id")


@dataclass(frozen=True, slots=True)
class PeriodAvailability:
    """One period of one subject in an :class:`AvailabilityTable`.

    Attributes:
        component: the component or group (``None`` for the whole log).
        period: the period's label (``'2026-03'``, ``'2026-W10'``, ``'2026-03-05'``; for
            a rolling window, its last day).
        start: the period's first instant.
        end: the instant after its last.
        eligible: the time that counts (less excluded maintenance, within support
            hours when a calendar is given), whole microseconds.
        downtime: the weighted downtime, rounded to the microsecond (ties to even).
        availability: the exact :class:`~slacalc.Availability`.
        met: whether the availability is at least the target (``None`` without one).
        incidents: the incidents that overlap the period (any severity).
        downtime_seconds: the exact weighted downtime in seconds.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)
        >>> table = availability_table([(t, t + dt.timedelta(minutes=30))], "2026-W10",
        ...                            every="week", target="99.9%")
        >>> row = table.rows[0]
        >>> row.period, str(row.availability), row.met
        ('2026-W10', '~99.702380%', False)
    """

    component: str | None
    period: str
    start: dt.datetime
    end: dt.datetime
    eligible: dt.timedelta
    downtime: dt.timedelta
    availability: Availability
    met: bool | None
    incidents: int
    downtime_seconds: Fraction = field(repr=False)


_COLUMNS = columns_of(type_hints(PeriodAvailability))


@dataclass(frozen=True, slots=True, repr=False)
class AvailabilityTable(Tabular):
    """Availability per period (and per component): what :func:`availability_table` and
    :func:`rolling_availability` return.

    Attributes:
        rows: one :class:`PeriodAvailability` per subject and period, subjects in the
            order given (components, then groups), periods in time order.
        target: the target, if one was given.
        every: the unit (``'day'`` ... ``'year'``), or ``'rolling 28d'``.
        places: decimals shown for availability in text and HTML.
        rounding: how availability is shown.
        maintenance: the maintenance windows checked against the agreement's rules
            (``None`` without ``maintenance_rules``).

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)
        >>> log = [{"start": t, "end": t + dt.timedelta(hours=1), "component": "api"}]
        >>> table = availability_table(log, "2026-03", every="month", by="component",
        ...                            components=["api", "web"])
        >>> [(r.component, r.availability.format(2)) for r in table.rows]
        [('api', '99.86%'), ('web', '100.00%')]
    """

    rows: tuple[PeriodAvailability, ...]
    target: Availability | None
    every: str
    places: int
    rounding: Rounding
    maintenance: MaintenanceCheck | None = None

    def _columns(self) -> tuple[Column, ...]:
        return _COLUMNS

    def _values(self) -> list[tuple[object, ...]]:
        return [tuple(getattr(r, c.name) for c in _COLUMNS) for r in self.rows]

    def _tz(self) -> dt.tzinfo:
        return self.rows[0].start.tzinfo or UTC if self.rows else UTC

    @property
    def components(self) -> tuple[str | None, ...]:
        """The subjects of the table, in order (``(None,)`` for the whole log).

        Examples:
            >>> availability_table([], "2026-03").components
            (None,)
        """
        return tuple(dict.fromkeys(r.component for r in self.rows))

    def row(self, period: str, component: str | None = None) -> PeriodAvailability:
        """The row of ``period`` (its label) for ``component``.

        Raises:
            UnknownComponentError: the table has no such component.
            InvalidPeriodError: the table has no such period.

        Examples:
            >>> availability_table([], "2026-03", every="day").row("2026-03-05").eligible
            datetime.timedelta(days=1)
        """
        from slacalc.errors import InvalidPeriodError

        if component not in self.components:
            known = ", ".join(repr(c) for c in self.components)
            raise UnknownComponentError(
                f"The table has no component {component!r}; it has {known}."
            )
        for r in self.rows:
            if r.period == period and r.component == component:
                return r
        raise InvalidPeriodError(
            f"The table has no period {period!r}; its first is {self.rows[0].period!r} and "
            f"its last {self.rows[-1].period!r}."
        )

    def _shown(self) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
        names: tuple[str, ...] = ("component",) if self.components != (None,) else ()
        names += ("period", "incidents", "downtime", "availability")
        names += ("met",) if self.target is not None else ()
        rows = [
            tuple(
                r.availability.format(self.places, rounding=self.rounding)
                if name == "availability"
                else getattr(r, name)
                for name in names
            )
            for r in self.rows
        ]
        return names, rows

    def _title(self) -> str:
        target = "" if self.target is None else f" against {self.target}"
        return f"Availability per {self.every}{target} (shown {self.rounding})"

    def to_text(self) -> str:
        """A text table; availability shown with the table's places and named rounding.

        Examples:
            >>> print(availability_table([], "2026-Q1", every="month", target="99.9%").to_text())
            period   incidents  downtime  availability  met
            -------  ---------  --------  ------------  ---
            2026-01  0          0s        100.000%      yes
            2026-02  0          0s        100.000%      yes
            2026-03  0          0s        100.000%      yes
        """
        return Tabular.to_text(self)

    def __repr__(self) -> str:
        return (
            f"<AvailabilityTable: {counted(len(self.rows), 'row')} per {self.every}, "
            f"components {list(self.components)}>"
        )


# -- reading the log ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Log:
    """The incident log in log order: integer microseconds, and codes into two tables.

    ``weight_codes[i]`` indexes ``weights`` (the distinct weights), ``component_codes[i]``
    indexes ``component_names``; codes keep exact fractions and text out of the loops.
    """

    starts: list[int]
    ends: list[int]
    weight_codes: list[int]
    weights: list[Fraction]
    component_codes: list[int]
    component_names: list[str | None]


def _coder(values: Iterable[object]) -> tuple[list[int], list[object]]:
    """Codes for values, and the distinct values in order of first appearance."""
    seen: dict[object, int] = {}
    codes = [seen.setdefault(v, len(seen)) for v in values]
    return codes, list(seen)


def _weights(weights: Mapping[str, object] | None) -> dict[str, Fraction]:
    """The default severity weights, updated with the caller's, exact."""
    table = dict(DEFAULT_SEVERITY_WEIGHTS)
    if weights is None:
        return table
    if not isinstance(weights, Mapping):
        raise InvalidWeightError(
            f"weights={weights!r} is not a mapping; pass e.g. {{'partial': '50%'}}."
        )
    for name, value in weights.items():
        table[str(name)] = parse_share(
            value, what="a weight", example="'30%' or Fraction(3, 10)", error=InvalidWeightError
        )
    return table


def _weight(severity: object, table: Mapping[str, Fraction], where: str) -> Fraction:
    """The weight of a severity, or an UnknownSeverityError naming the row."""
    name = "full" if severity is None else getattr(severity, "value", severity)
    try:
        return table[name]  # type: ignore[index]
    except (KeyError, TypeError):
        known = ", ".join(repr(k) for k in sorted(table))
        raise UnknownSeverityError(
            f"{where}: unknown severity {severity!r}; use one of {known} or give its weight "
            f"in weights={{{severity!r}: ...}}."
        ) from None


def _open_end(end_us: int | None, start_us: int, as_of_us: int | None, where: str) -> int:
    """The end of an outage, an open one running until ``as_of``."""
    if end_us is not None:
        return end_us
    if as_of_us is None:
        raise OpenOutageError(
            f"{where}: the outage from {from_us(start_us, UTC).isoformat()!r} has no end; "
            "pass as_of= with the time of the report."
        )
    return max(as_of_us, start_us)


def _frame_log(
    df: Any, columns: Mapping[str, str] | None, table: Mapping[str, Fraction], as_of: int | None
) -> _Log:
    """A DataFrame log, read column by column (vectorised instants)."""
    cols = _Columns(column_map(columns, _LOG_COLUMNS, "incidents"), "incidents")
    names = cols.names
    for ours in ("start", "end"):
        if names[ours] not in df.columns:
            raise cols.missing(ours, df.columns, "the table")
    starts, _ = cols.frame_instants(df, "start")
    end_col = df[names["end"]]
    open_rows = end_col.isna()
    if bool(open_rows.any()):
        if as_of is None:
            first = df.index[open_rows.to_numpy()][0]
            raise OpenOutageError(
                f"row {first!r}: the incident has no end; pass as_of= with the time of the report."
            )
        df = df.assign(**{names["end"]: end_col.where(~open_rows, from_us(as_of, UTC))})
    ends, _ = cols.frame_instants(df, "end")
    for i, (s, e) in enumerate(zip(starts, ends, strict=True)):
        if e < s:
            if not open_rows.iloc[i]:
                raise cols.error("end", f"is before 'start' in row {df.index[i]!r}.")
            ends[i] = s
    n = len(starts)
    if names["severity"] in df.columns:
        codes, uniques = _factorize(df[names["severity"]])
        where = {code: f"row {df.index[codes.index(code)]!r}" for code in range(len(uniques))}
        weights = [_weight(u, table, where[c]) for c, u in enumerate(uniques)]
    else:
        codes, weights = [0] * n, [table["full"]]
    if names["component"] in df.columns:
        component_codes, found = _factorize(df[names["component"]])
        components = [None if v is None else str(v) for v in found]
    else:
        component_codes, components = [0] * n, [None]
    return _Log(starts, ends, codes, weights, component_codes, components)


def _factorize(series: Any) -> tuple[list[int], list[object]]:
    """A column's codes and distinct values (an empty cell is ``None``)."""
    codes, uniques = series.factorize(use_na_sentinel=True)
    values = [plain(u) for u in uniques.tolist()]
    if (codes < 0).any():
        codes = codes.copy()
        codes[codes < 0] = len(values)
        values.append(None)
    out: list[int] = codes.tolist()
    return out, values


def _read_log(
    incidents: object,
    columns: Mapping[str, str] | None,
    weights: Mapping[str, object] | None,
    as_of: dt.datetime | None,
) -> _Log:
    """The log, from a DataFrame, dicts, CSV rows, outages or ``(start, end[, sev])`` tuples."""
    table = _weights(weights)
    as_of_us = None if as_of is None else to_us(as_of)
    if is_frame(incidents):
        return _frame_log(incidents, columns, table, as_of_us)
    names = column_map(columns, _LOG_COLUMNS, "incidents")
    rows: list[object] = []
    raw: object = incidents
    if isinstance(incidents, CsvRows):
        rows = [
            {str(k).strip().lower(): v for k, v in row.items() if k is not None}
            for row in incidents.rows
        ]
        raw = CsvRows(rows, incidents.name)  # type: ignore[arg-type]
        names = {**names, "component": names["component"].strip().lower()}
    elif isinstance(incidents, Iterable) and not isinstance(incidents, (str, bytes)):
        raw = rows = list(incidents)
    items = read_outages(raw, columns)
    starts: list[int] = []
    ends: list[int] = []
    severities: list[object] = []
    components: list[object] = []
    for n, item in enumerate(items):
        where = f"row {n}"
        if isinstance(item, tuple):
            start, end, *rest = item
            severity = rest[0] if rest else None
        else:
            start, end = item.start, item.end  # type: ignore[attr-defined]
            severity = getattr(item, "severity", None)
        source = rows[n] if n < len(rows) else item
        if isinstance(source, Mapping):
            component = plain(source.get(names["component"]))
        else:
            component = getattr(source, "component", None)
        s = to_us(start)
        starts.append(s)
        ends.append(_open_end(None if end is None else to_us(end), s, as_of_us, where))
        severities.append(severity)
        components.append(None if component is None else str(component))
    codes, distinct = _coder(severities)
    levels = [_weight(v, table, f"row {codes.index(c)}") for c, v in enumerate(distinct)]
    component_codes, names_found = _coder(components)
    return _Log(starts, ends, codes, levels, component_codes, names_found)  # type: ignore[arg-type]


# -- the measurement ----------------------------------------------------------------------------


def _union(starts: Any, ends: Any) -> Intervals:
    """The union of half-open intervals (touching ones join), with NumPy when it is there."""
    np = _numpy()
    if np is None:
        return Intervals(zip(starts, ends, strict=True))
    s = np.asarray(starts, dtype=np.int64)
    e = np.asarray(ends, dtype=np.int64)
    keep = e > s
    s, e = s[keep], e[keep]
    if not len(s):
        return Intervals()
    order = np.argsort(s, kind="stable")
    s, e = s[order], e[order]
    reach = np.maximum.accumulate(e)
    first = np.empty(len(s), dtype=bool)
    first[0] = True
    first[1:] = s[1:] > reach[:-1]
    at = np.flatnonzero(first)
    run_ends = reach[np.append(at[1:] - 1, len(s) - 1)]
    return Intervals.from_sorted(s[at].tolist(), run_ends.tolist())


def _long_runs(runs: Intervals, min_us: int) -> Intervals:
    """The runs at least ``min_us`` long."""
    kept = [(a, b) for a, b in runs if b - a >= min_us]
    return Intervals.from_sorted([a for a, _ in kept], [b for _, b in kept])


_Counts: TypeAlias = tuple[list[int], list[int]]


def _numpy() -> Any:
    """NumPy, or ``None`` (everything here also runs without it, only slower)."""
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - numpy is in the test extras
        return None
    return np


def _pick(log: _Log, members: Sequence[int] | None) -> tuple[Any, Any, Any]:
    """The starts, ends and weight codes of ``members`` (``None``: all), as arrays if
    NumPy is there, else as lists."""
    np = _numpy()
    if np is None:
        index = range(len(log.starts)) if members is None else members
        return (
            [log.starts[i] for i in index],
            [log.ends[i] for i in index],
            [log.weight_codes[i] for i in index],
        )
    starts = np.asarray(log.starts, dtype=np.int64)
    ends = np.asarray(log.ends, dtype=np.int64)
    codes = np.asarray(log.weight_codes, dtype=np.int64)
    if members is None:
        return starts, ends, codes
    chosen = np.asarray(members, dtype=np.intp)
    return starts[chosen], ends[chosen], codes[chosen]


@dataclass(frozen=True, slots=True)
class _Meter:
    """What is shared by every subject: maintenance, the eligible time and the options."""

    maintenance: Intervals
    eligible: Intervals | None  # None: every instant of a window counts
    min_us: int
    forced: Intervals  # maintenance that broke the agreement's rules: full downtime

    def layers(
        self, log: _Log, members: Sequence[int] | None
    ) -> tuple[list[tuple[Fraction, Intervals]], _Counts]:
        """The weight steps and their layers for the outages ``members`` (``None``: all)
        of the log, and the sorted starts and ends that count the incidents."""
        starts, ends, codes = _pick(log, members)
        np = _numpy()
        present = set(codes) if np is None else set(np.unique(codes).tolist())
        found = {log.weights[c] for c in present if log.weights[c] > 0}
        levels = sorted(found | ({Fraction(1)} if self.forced else set()), reverse=True)
        out: list[tuple[Fraction, Intervals]] = []
        for k, level in enumerate(levels):
            heavy = [c for c, w in enumerate(log.weights) if w >= level]
            if np is None:
                keep = set(heavy)
                chosen = [i for i, c in enumerate(codes) if c in keep]
                layer = _union([starts[i] for i in chosen], [ends[i] for i in chosen])
            else:
                mask = np.isin(codes, heavy)
                layer = _union(starts[mask], ends[mask])
            if self.forced:  # full weight: in every layer
                layer |= self.forced
            if self.maintenance:
                layer -= self.maintenance
            step = level - (levels[k + 1] if k + 1 < len(levels) else 0)
            out.append((step, layer))
        if self.min_us and out:
            long = _long_runs(out[-1][1], self.min_us)  # the lowest layer: every outage
            out = [(step, layer & long) for step, layer in out]
        if self.eligible is not None:
            out = [(step, layer & self.eligible) for step, layer in out]
        if np is None:
            counts = (sorted(starts), sorted(ends))
        else:
            counts = (np.sort(starts).tolist(), np.sort(ends).tolist())
        return out, counts

    def row(
        self,
        subject: str | None,
        period: CalendarPeriod,
        layers: Sequence[tuple[Fraction, Intervals]],
        counts: _Counts,
        goal: Availability | None,
    ) -> PeriodAvailability:
        """Measure one period of one subject."""
        w0, w1 = to_us(period.start), to_us(period.end)
        eligible = w1 - w0 if self.eligible is None else self.eligible.measure(w0, w1)
        if eligible == 0:
            raise NoEligibleTimeError(
                f"Nothing of the period {period.label!r} is eligible: excluded maintenance "
                "and support hours leave no time to measure; pick other periods, or count "
                "maintenance as up."
            )
        down = sum((step * layer.measure(w0, w1) for step, layer in layers), Fraction(0))
        starts, ends = counts
        incidents = bisect_left(starts, w1) - bisect_right(ends, w0)
        value = Availability(1 - down / eligible)
        return PeriodAvailability(
            component=subject,
            period=period.label,
            start=period.start,
            end=period.end,
            eligible=dt.timedelta(microseconds=eligible),
            downtime=dt.timedelta(microseconds=round_fraction(down, "half_even")),
            availability=value,
            met=None if goal is None else value >= goal,
            incidents=incidents,
            downtime_seconds=down / _US,
        )


def _open_time(calendar: SupportsOpenPeriods, lo: int, hi: int) -> Intervals:
    """The calendar's open time in ``[lo, hi)``: from its µs port if any, else open_periods."""
    port = getattr(calendar, "_open_us", None)
    if callable(port):
        open_us: Intervals = port(lo, hi)
        return open_us
    if not hasattr(calendar, "open_periods"):
        raise InvalidOptionError(
            f"calendar={calendar!r} has no open_periods(start, end); pass a "
            "slacalc.BusinessCalendar."
        )
    periods = calendar.open_periods(from_us(lo, UTC), from_us(hi, UTC))
    return Intervals((to_us(a), to_us(b)) for a, b in periods)


def _subjects(
    log: _Log,
    by: str | None,
    components: Sequence[str] | None,
    groups: Mapping[str, Sequence[str]] | None,
) -> tuple[list[tuple[str | None, list[int] | None]], dict[str, list[str]]]:
    """The subjects measured (name, outage indices or ``None`` for all) and the groups."""
    if by is None:
        if components is not None or groups:
            raise InvalidOptionError(
                "components= and groups= need by='component'; pass by='component'."
            )
        return [(None, None)], {}
    if by != "component":
        raise InvalidOptionError(
            f"by={by!r} is not a way to split the log; pass by='component' (a 'component' "
            "column), or leave it out for the whole log."
        )
    names = log.component_names
    known = list(components) if components is not None else [c for c in names if c is not None]
    for code, name in enumerate(names):
        if name is None or name not in known:
            row = log.component_codes.index(code)
            if name is None:
                raise UnknownComponentError(
                    f"row {row} has no component; give every incident a 'component', or "
                    "leave by='component' out."
                )
            raise UnknownComponentError(
                f"row {row}: unknown component {name!r}; the components are "
                f"{', '.join(map(repr, known))}. Add it to components=, or fix the row."
            )
    members: dict[str, list[str]] = {}
    for group, parts in (groups or {}).items():
        chosen = [parts] if isinstance(parts, str) else list(parts)
        for part in chosen:
            if part not in known:
                raise UnknownComponentError(
                    f"Group {group!r} names the component {part!r}, which the log does not "
                    f"know; the components are {', '.join(map(repr, known)) or 'none'}. "
                    "List it in components= (a component without incidents), or fix the group."
                )
        if not chosen:
            raise UnknownComponentError(f"Group {group!r} has no components; name at least one.")
        members[str(group)] = chosen
    index: dict[str, list[int]] = {c: [] for c in known}
    for i, code in enumerate(log.component_codes):
        index[names[code]].append(i)  # type: ignore[index]
    subjects: list[tuple[str | None, list[int] | None]] = [(c, index[c]) for c in known]
    for group, chosen in members.items():
        subjects.append((group, sorted(i for part in chosen for i in index[part])))
    return subjects, members


def _measure(
    incidents: object,
    windows: Sequence[CalendarPeriod],
    *,
    target: TargetLike | None,
    by: str | None,
    components: Sequence[str] | None,
    groups: Mapping[str, Sequence[str]] | None,
    group_rule: GroupRule,
    maintenance: object,
    maintenance_mode: MaintenanceMode | None,
    maintenance_rules: MaintenanceRules | None,
    maintenance_check: MaintenanceCheckMode,
    calendar: SupportsOpenPeriods | None,
    weights: Mapping[str, object] | None,
    min_outage: dt.timedelta | str | None,
    as_of: dt.datetime | None,
    columns: Mapping[str, str] | None,
) -> tuple[list[PeriodAvailability], MaintenanceCheck | None]:
    """Every subject over every window: the rows of a table, and the maintenance check."""
    if group_rule not in _RULES:
        raise InvalidOptionError(
            f"Unknown group_rule {group_rule!r}; pass 'all_up' (a group is up while all its "
            "components are) or 'worst' (its least available component)."
        )
    goal = None if target is None else Availability.from_target(target)
    min_us = 0
    if min_outage is not None:
        min_us = duration_to_us(min_outage, allow_days=True)
        if min_us < 0:
            raise InvalidDurationError(
                f"min_outage={min_outage!r} is negative; pass a duration such as '1m'."
            )
    planned = read_maintenance(maintenance)
    pairs = [(p.start, p.end) for p in planned]
    forced = Intervals()
    check = None
    if maintenance_check not in ("enforce", "trust"):
        raise InvalidOptionError(
            f"Unknown maintenance_check {maintenance_check!r}; pass 'enforce' (maintenance "
            "that broke the rules counts as downtime) or 'trust' (every window counts as "
            "maintenance)."
        )
    if maintenance_rules is not None:
        check = check_maintenance(planned, maintenance_rules)
        if maintenance_check == "enforce":
            pairs = list(check.kept)
            forced = Intervals((to_us(b.start), to_us(b.end)) for b in check.breaches)
    windows_maint = Intervals((to_us(a), to_us(b)) for a, b in pairs if b > a)
    if windows_maint and maintenance_mode not in ("count_as_up", "exclude"):
        raise InvalidOptionError(
            f"Maintenance windows were given with maintenance_mode={maintenance_mode!r}; say "
            "how they count: 'count_as_up' (not downtime, still in the total) or 'exclude' "
            "(removed from the total)."
        )
    log = _read_log(incidents, columns, weights, as_of)
    eligible: Intervals | None = None
    # calendar_periods and rolling_windows always give at least one window
    lo = min(to_us(w.start) for w in windows)
    hi = max(to_us(w.end) for w in windows)
    if maintenance_mode == "exclude" and windows_maint:
        eligible = Intervals.span(lo, hi) - windows_maint
    if calendar is not None:
        eligible = (eligible or Intervals.span(lo, hi)) & _open_time(calendar, lo, hi)
    meter = _Meter(windows_maint, eligible, min_us, forced)
    subjects, members = _subjects(log, by, components, groups)
    rows: dict[str | None, list[PeriodAvailability]] = {}
    for subject, chosen in subjects:
        if group_rule == "worst" and subject in members:
            parts = [rows[part] for part in members[subject]]
            rows[subject] = [
                replace(min(cut, key=lambda r: r.availability), component=subject)
                for cut in zip(*parts, strict=True)
            ]
            continue
        layers, counts = meter.layers(log, chosen)
        rows[subject] = [meter.row(subject, w, layers, counts, goal) for w in windows]
    return [r for subject, _ in subjects for r in rows[subject]], check


def _table(
    measured: tuple[list[PeriodAvailability], MaintenanceCheck | None],
    target: TargetLike | None,
    every: str,
    places: int,
    rounding: Rounding,
) -> AvailabilityTable:
    """The table of measured rows, with how it is shown."""
    rows, check = measured
    goal = None if target is None else Availability.from_target(target)
    return AvailabilityTable(
        tuple(rows), goal, every, check_places(places), check_rounding(rounding), check
    )


def availability_table(
    incidents: object,
    span: object,
    *,
    every: Every = "month",
    target: TargetLike | None = None,
    tz: str | dt.tzinfo = "UTC",
    by: Literal["component"] | None = None,
    components: Sequence[str] | None = None,
    groups: Mapping[str, Sequence[str]] | None = None,
    group_rule: GroupRule = "all_up",
    maintenance: object = (),
    maintenance_mode: MaintenanceMode | None = None,
    maintenance_rules: MaintenanceRules | None = None,
    maintenance_check: MaintenanceCheckMode = "enforce",
    calendar: SupportsOpenPeriods | None = None,
    weights: Mapping[str, object] | None = None,
    min_outage: dt.timedelta | str | None = None,
    as_of: dt.datetime | None = None,
    columns: Mapping[str, str] | None = None,
    places: int = 3,
    rounding: Rounding = "floor",
) -> AvailabilityTable:
    """Availability per day, ISO week, month, quarter or year, for the log or per component.

    Every period is measured as :func:`~slacalc.measure_availability` measures a window
    (overlaps once at the heaviest weight, maintenance, support hours, ``min_outage``),
    and the figures are exact. The log is sorted once and each period costs two
    bisections per weight, so a million incidents into daily, weekly and monthly tables
    take seconds (see ``benchmarks/bench_incidents.py``).

    With ``by="component"``, the log's ``component`` column splits it, one subject per
    component, then one per group in ``groups``. A group is *measured*: with
    ``group_rule="all_up"`` its downtime is the union of its members' outages, so two
    components down at the same time count once, and one down while the other is up
    counts too. It is never multiplied from percentages, which assumes independence.

    Args:
        incidents: the log: a DataFrame or dicts with ``start``, ``end`` (empty while
            open), optionally ``severity`` and ``component``; or outages or
            ``(start, end[, severity])`` tuples.
        span: what to cover: a year (``2026``), a period name (``"2026-Q1"``,
            ``"2026-W10"``), a ``pandas.Period``, a :class:`~slacalc.CalendarPeriod` or a
            ``(start, end)`` window; it is split into whole periods of ``every``.
        every: ``"day"``, ``"week"`` (ISO, Monday to Monday), ``"month"`` (default),
            ``"quarter"`` or ``"year"``, each in ``tz``.
        target: an availability target; fills in ``met``.
        tz: the zone of the periods' days (default UTC).
        by: ``"component"`` for one subject per component (default: the whole log).
        components: the components there are, in order; a row with another component is
            an error, and a component without incidents still gets rows.
        groups: groups of components, e.g. ``{"shop": ["web", "payments"]}``.
        group_rule: ``"all_up"`` (default) or ``"worst"`` (see :data:`GroupRule`).
        maintenance: planned maintenance windows (a table or ``(start, end)`` pairs; see
            :func:`read_maintenance`).
        maintenance_mode: ``"count_as_up"`` or ``"exclude"``; required with maintenance.
        maintenance_rules: the agreement's rules for maintenance: windows that broke one
            count as downtime for every component, as in :func:`availability_report`.
        maintenance_check: ``"enforce"`` (default) or ``"trust"`` (see
            :data:`MaintenanceCheckMode`).
        calendar: only the calendar's open hours are eligible.
        weights: severity weights on top of the defaults.
        min_outage: downtime runs shorter than this are ignored.
        as_of: when the table is made; open incidents run until then.
        columns: your column names: ``{"component": "service"}``.
        places: decimals shown for availability in text and HTML.
        rounding: how availability is shown (``"floor"``: never more than there was).

    Returns:
        An :class:`AvailabilityTable`.

    Raises:
        UnknownComponentError: a row's component is not in ``components``, a group names
            an unknown component, or a row has no component with ``by="component"``.
        InvalidPeriodError: ``span`` is not a period (the message shows it).
        InvalidOptionError: an unknown ``every``, ``by`` or ``group_rule``; maintenance
            without a mode.
        UnknownSeverityError: a severity without a weight (the row is named).
        OpenOutageError: an open incident and no ``as_of``.
        NoEligibleTimeError: a period with no eligible time.

    Examples:
        >>> import datetime as dt
        >>> utc = dt.UTC
        >>> log = [
        ...     {"start": dt.datetime(2026, 3, 2, 10, tzinfo=utc),
        ...      "end": dt.datetime(2026, 3, 2, 11, tzinfo=utc), "component": "web"},
        ...     {"start": dt.datetime(2026, 3, 2, 10, 30, tzinfo=utc),
        ...      "end": dt.datetime(2026, 3, 2, 12, tzinfo=utc), "component": "db"},
        ... ]
        >>> table = availability_table(log, "2026-03-02", every="day", by="component",
        ...                            groups={"shop": ["web", "db"]})
        >>> [(r.component, r.downtime) for r in table.rows]   # shop: 10:00-12:00, once
        ... # doctest: +NORMALIZE_WHITESPACE
        [('web', datetime.timedelta(seconds=3600)), ('db', datetime.timedelta(seconds=5400)),
         ('shop', datetime.timedelta(seconds=7200))]
    """
    windows = calendar_periods(span, every, tz=tz)
    measured = _measure(
        incidents,
        windows,
        target=target,
        by=by,
        components=components,
        groups=groups,
        group_rule=group_rule,
        maintenance=maintenance,
        maintenance_mode=maintenance_mode,
        maintenance_rules=maintenance_rules,
        maintenance_check=maintenance_check,
        calendar=calendar,
        weights=weights,
        min_outage=min_outage,
        as_of=as_of,
        columns=columns,
    )
    return _table(measured, target, every, places, rounding)


def rolling_windows(
    span: object, days: int, *, tz: str | dt.tzinfo = "UTC"
) -> tuple[CalendarPeriod, ...]:
    """The rolling windows of ``days`` local days that end with each day of ``span``.

    Each is labelled with its last day, and runs from the local midnight ``days - 1``
    days before it to the midnight after it (so a DST change inside makes it an hour
    shorter or longer, as the calendar days are).

    Args:
        span: the days whose windows to build (anything :func:`~slacalc.calendar_periods`
            takes).
        days: the window length in days, e.g. 7, 28 or 30.
        tz: the zone of the days.

    Returns:
        One window per day of ``span``, in order.

    Raises:
        InvalidOptionError: ``days`` is not a positive whole number.

    Examples:
        >>> w = rolling_windows("2026-03-05", 7)[0]
        >>> w.label, w.start.date().isoformat(), w.end.date().isoformat()
        ('2026-03-05', '2026-02-27', '2026-03-06')
    """
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise InvalidOptionError(
            f"days={days!r} is not a window length; pass a whole number of days such as 28."
        )
    zone = resolve_tz(tz)
    out = []
    for day in calendar_periods(span, "day", tz=zone):
        first = day.start.astimezone(zone).date() - dt.timedelta(days=days - 1)
        start = from_us(to_us(dt.datetime(first.year, first.month, first.day, tzinfo=zone)), zone)
        out.append(CalendarPeriod(start, day.end, day.label))
    return tuple(out)


def rolling_availability(
    incidents: object,
    span: object,
    *,
    days: int = 28,
    target: TargetLike | None = None,
    tz: str | dt.tzinfo = "UTC",
    by: Literal["component"] | None = None,
    components: Sequence[str] | None = None,
    groups: Mapping[str, Sequence[str]] | None = None,
    group_rule: GroupRule = "all_up",
    maintenance: object = (),
    maintenance_mode: MaintenanceMode | None = None,
    maintenance_rules: MaintenanceRules | None = None,
    maintenance_check: MaintenanceCheckMode = "enforce",
    calendar: SupportsOpenPeriods | None = None,
    weights: Mapping[str, object] | None = None,
    min_outage: dt.timedelta | str | None = None,
    as_of: dt.datetime | None = None,
    columns: Mapping[str, str] | None = None,
    places: int = 3,
    rounding: Rounding = "floor",
) -> AvailabilityTable:
    """Rolling availability: for each day of ``span``, the ``days`` days that end with it.

    This is the rolling-window compliance of an SLO over 7, 28 or 30 days (the SRE
    workbook's and OpenSLO's ``rolling`` time window): row ``2026-03-31`` with
    ``days=28`` measures 4 March 00:00 to 1 April 00:00 (local days). Each window is
    measured exactly as :func:`availability_table` measures a period; the keyword
    arguments are its.

    Args:
        incidents: the log (as for :func:`availability_table`).
        span: the days to report (``"2026-03"``, a year, a window...).
        days: the window length in days (default 28).
        target: the target each window is checked against (``met``).
        tz: the zone of the days.

    Returns:
        An :class:`AvailabilityTable` whose periods are labelled by their last day.

    Raises:
        InvalidOptionError: ``days`` is not a positive whole number.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)
        >>> table = rolling_availability([(t, t + dt.timedelta(hours=1))], "2026-03",
        ...                              days=7, target="99.5%")
        >>> [r.period[-2:] for r in table.rows if not r.met]       # the hour is 0.6 % of 7 d
        ['01', '02', '03', '04', '05', '06', '07']
    """
    windows = rolling_windows(span, days, tz=tz)
    measured = _measure(
        incidents,
        windows,
        target=target,
        by=by,
        components=components,
        groups=groups,
        group_rule=group_rule,
        maintenance=maintenance,
        maintenance_mode=maintenance_mode,
        maintenance_rules=maintenance_rules,
        maintenance_check=maintenance_check,
        calendar=calendar,
        weights=weights,
        min_outage=min_outage,
        as_of=as_of,
        columns=columns,
    )
    return _table(measured, target, f"rolling {days}d", places, rounding)
