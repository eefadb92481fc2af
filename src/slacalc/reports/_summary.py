"""Compliance: how often targets were met, per group (severity, month, ...) and metric."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from slacalc._exact import (
    PercentileMethod,
    check_method,
    check_places,
    check_rounding,
    percent,
    percentile,
)
from slacalc._present.formats import counted
from slacalc._present.frames import (
    Column,
    column_names,
    column_values,
    columns_of,
    has_column,
    is_frame,
    pandas_frame,
    type_hints,
)
from slacalc._validate import check_items
from slacalc.errors import ColumnTypeError, InvalidOptionError, MissingColumnError
from slacalc.policy import Agreement, PolicyLike
from slacalc.reports._outcomes import OUTCOME_COLUMNS, CycleOutcome, TicketOutcomes
from slacalc.reports._tables import Tabular, render_text
from slacalc.timers import BUILTIN_METRICS
from slacalc.uptime import Rounding

if TYPE_CHECKING:
    from slacalc.credits import MoneyLike, TicketPenalty

__all__ = ["ComplianceRow", "ComplianceSummary", "compliance_summary"]

_NEEDED = ("ticket_id", "metric", "severity", "month", "result", "phase", "elapsed", "overshoot")
_US = dt.timedelta(microseconds=1)


@dataclass(frozen=True, slots=True)
class ComplianceRow:
    """One group and metric of a :func:`compliance_summary`.

    Attributes:
        group: the group's key as ``(column, value)`` pairs, e.g.
            ``(("severity", "high"), ("month", "2026-03"))``.
        metric: the clock (``response``, ``resolution``, ...).
        tickets: tickets with a cycle of this metric in the group.
        cycles: cycles in the group (every result).
        met: cycles that stopped within their target.
        breached: cycles that used more than their target (stopped or not).
        pending: cycles still running or paused, not breached (left out of the share).
        no_target: cycles of severities without a target for the metric.
        share_met: ``met / (met + breached)``, an exact ``Fraction``; ``None`` when
            nothing was met or breached.
        percent_met: ``share_met`` in percent, rounded once with the summary's named
            rounding to its number of places (``Decimal``).
        median: the median business time of the stopped cycles (met or breached, any
            target), by the summary's percentile method; ``None`` when none stopped.
        p90: their 90th percentile.
        penalties: what the breaches cost under the policy's per-ticket penalties
            (``Decimal``), ``None`` when the policy sets none for this metric.

    Examples:
        >>> row = ComplianceRow((("severity", "high"),), "response", 3, 3, 2, 1, 0, 0,
        ...                     Fraction(2, 3), Decimal("66.7"), None, None, None)
        >>> row.value("severity"), row.percent_met
        ('high', Decimal('66.7'))
    """

    group: tuple[tuple[str, object], ...]
    metric: str
    tickets: int
    cycles: int
    met: int
    breached: int
    pending: int
    no_target: int
    share_met: Fraction | None
    percent_met: Decimal | None
    median: dt.timedelta | None
    p90: dt.timedelta | None
    penalties: Decimal | None

    def value(self, column: str) -> object:
        """The group's value in ``column`` (``'metric'`` too).

        Raises:
            MissingColumnError: the summary is not grouped by ``column``.

        Examples:
            >>> ComplianceRow((("month", "2026-01"),), "response", 0, 0, 0, 0, 0, 0,
            ...               None, None, None, None, None).value("metric")
            'response'
        """
        if column == "metric":
            return self.metric
        for name, value in self.group:
            if name == column:
                return value
        raise MissingColumnError(
            f"This summary is not grouped by {column!r}; it is grouped by "
            f"{', '.join(repr(n) for n, _ in self.group) or 'nothing'} and 'metric'.",
            column=column,
        )


_FIELDS = type_hints(ComplianceRow, skip=("group", "metric"))


@dataclass(frozen=True, slots=True, repr=False)
class ComplianceSummary(Tabular):
    """What :func:`compliance_summary` returns: one row per group and metric.

    Attributes:
        by: the group columns (``metric`` is always added last).
        rows: the :class:`ComplianceRow` rows, in group order (severities most urgent
            first, months ascending, metrics in clock order).
        places: decimals of ``percent_met``.
        rounding: the named rounding of ``percent_met``.
        method: the percentile method of ``median`` and ``p90``.
        severities: the severity order used for sorting and the categorical column.

    Examples:
        >>> import datetime as dt
        >>> from slacalc.policy import default_policy
        >>> t = dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc)
        >>> events = {1: [{"kind": "opened", "at": t, "severity": "high"},
        ...               {"kind": "responded", "at": t + dt.timedelta(minutes=30)}],
        ...           2: [{"kind": "opened", "at": t, "severity": "high"},
        ...               {"kind": "responded", "at": t + dt.timedelta(hours=2)}]}
        >>> from slacalc.reports import analyze_tickets
        >>> summary = compliance_summary(analyze_tickets(events, default_policy()))
        >>> row = summary.rows[0]
        >>> row.group, row.metric
        ((('severity', 'high'), ('month', '2026-11')), 'response')
        >>> row.share_met, row.percent_met, row.median
        (Fraction(1, 2), Decimal('50.0'), datetime.timedelta(seconds=1800))
        >>> str(summary.to_frame()["median"].dtype), summary.columns[:4]
        ('timedelta64[us]', ('severity', 'month', 'metric', 'tickets'))
    """

    by: tuple[str, ...]
    rows: tuple[ComplianceRow, ...]
    places: int
    rounding: Rounding
    method: PercentileMethod
    severities: tuple[str, ...]

    def _columns(self) -> tuple[Column, ...]:
        groups = columns_of(dict.fromkeys(self.by, object), {"severity": self.severities})
        return (*groups, *columns_of({"metric": str, **_FIELDS}))

    def _values(self) -> list[tuple[object, ...]]:
        return [
            (*(v for _, v in r.group), r.metric, *(getattr(r, f) for f in _FIELDS))
            for r in self.rows
        ]

    _SHOWN = ("metric", "tickets", "met", "breached", "pending", "percent_met", "median", "p90")
    _PERCENT = ("percent_met",)

    def _shown(self) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
        rows = [
            (*(v for _, v in r.group), *(getattr(r, n) for n in self._SHOWN), r.penalties)
            for r in self.rows
        ]
        return (*self.by, *self._SHOWN, "penalties"), rows

    def _title(self) -> str:
        return (
            f"Compliance by {', '.join(self.by) or 'all'} and metric "
            f"(percent met = met / (met + breached), {self.rounding} to "
            f"{counted(self.places, 'place')}; "
            f"percentiles: {self.method})"
        )

    _HTML_LIMIT = 100

    def to_text(self, limit: int | None = None) -> str:
        """A text table (percentages as rounded, durations as ``1h 30m``).

        Examples:
            >>> from slacalc.policy import default_policy
            >>> from slacalc.reports import analyze_tickets
            >>> print(compliance_summary(analyze_tickets([], default_policy()), by=()).to_text())
            metric  tickets  met  breached  pending  percent_met  median  p90  penalties
            ------  -------  ---  --------  -------  -----------  ------  ---  ---------
        """
        return render_text(*self._shown(), limit=limit, formatters=self._formats())

    def __repr__(self) -> str:
        return (
            f"<ComplianceSummary by {(*self.by, 'metric')}: {counted(len(self.rows), 'row')}; "
            f"percent_met {self.rounding} to {counted(self.places, 'place')}, "
            f"percentiles {self.method}>"
        )


# -- the computation -------------------------------------------------------------------------


def _source(outcomes: object) -> tuple[Any, PolicyLike | None]:
    outcomes = pandas_frame(outcomes)
    if isinstance(outcomes, TicketOutcomes):
        return outcomes.to_records(), outcomes.policy
    if is_frame(outcomes):
        return outcomes, None
    if not isinstance(outcomes, (str, bytes)) and isinstance(outcomes, Iterable):
        rows: list[object] = list(outcomes)
        cycles = [r for r in rows if isinstance(r, CycleOutcome)]
        if len(cycles) == len(rows):
            return [dict(zip(OUTCOME_COLUMNS, r.values(), strict=True)) for r in cycles], None
        if all(isinstance(r, Mapping) for r in rows):
            return rows, None
    raise ColumnTypeError(
        f"outcomes={outcomes!r} is not ticket outcomes; pass what analyze_tickets() "
        "returns, its .table (a DataFrame) or its .to_records()."
    )


def _severity_order(source: Any, policy: PolicyLike | None, seen: list[object]) -> tuple[str, ...]:
    if policy is not None:
        return Agreement.from_policy(policy).rules.names
    if is_frame(source) and "severity" in source.columns:
        categories = getattr(source["severity"].dtype, "categories", None)
        if categories is not None:
            return tuple(str(c) for c in categories)
    order: list[str] = []
    for s in seen:
        if isinstance(s, str) and s not in order:
            order.append(s)
    return tuple(order)


def _sort_key(value: object, order: Sequence[str] | None) -> tuple[int, int, Any]:
    """Known severities (or metrics) in their order, then numbers, then text, then None."""
    if value is None:
        return (3, 0, "")
    if order is not None and value in order:
        return (0, 0, list(order).index(str(value)))
    if isinstance(value, (int, float, Fraction, Decimal)) and not isinstance(value, bool):
        return (1, 0, value)
    return (2, 0, str(value))


def _micros(value: object) -> int:
    assert isinstance(value, dt.timedelta)
    return value // _US


def _td(us: int) -> dt.timedelta:
    return dt.timedelta(microseconds=us)


def _penalties(
    rules: tuple[tuple[str, str, TicketPenalty], ...],
    cols: dict[str, list[object]],
    members: list[int],
    metric: object,
    period: str,
    fee: object,
) -> Decimal | None:
    """What the group's breaches cost: per penalty and period, capped and rounded once."""
    severities = {cols["severity"][i] for i in members}
    applicable = [(sev, p) for sev, m, p in rules if m == metric and sev in severities]
    if not applicable:
        return None
    total = Decimal("0.00")
    for sev, penalty in applicable:
        late: dict[str, list[dt.timedelta]] = {}
        for i in members:
            if cols["severity"][i] == sev and cols["result"][i] == "breached":
                over = cols["overshoot"][i]
                assert isinstance(over, dt.timedelta)
                # A breach kept from a stricter target (the severity was lowered after
                # it) has no overshoot against the final one, but it is still a breach.
                over = max(over, _US)
                late.setdefault(_period(str(cols["month"][i]), period), []).append(over)
        for lateness in late.values():
            total += penalty.total(lateness, fee=fee)  # type: ignore[arg-type]
    return total


def _period(month: str, period: str) -> str:
    year, m = month.split("-")
    if period == "year":
        return year
    if period == "quarter":
        return f"{year}-Q{(int(m) - 1) // 3 + 1}"
    return month


def compliance_summary(
    outcomes: object,
    by: Sequence[str] = ("severity", "month"),
    *,
    policy: PolicyLike | None = None,
    fee: MoneyLike | None = None,
    penalties: bool = True,
    places: int = 1,
    rounding: Rounding = "half_even",
    method: PercentileMethod = "nearest_rank",
) -> ComplianceSummary:
    """How often targets were met, per group and metric, exactly.

    For each group (by default each severity and month) and each metric:

    * counts of cycles by result: ``met``, ``breached``, ``pending`` (still open, not
      breached), ``no_target``;
    * ``share_met = met / (met + breached)`` as an exact ``Fraction``, and
      ``percent_met``, the same in percent rounded once with ``rounding`` to ``places``
      decimals. Open cycles that already breached count as breached (a breach is
      final); open cycles that have not are left out, not counted as met. Every cycle
      counts (reopened tickets' new cycles, next-response cycles), weighted alike;
    * ``median`` and ``p90``: the business time of the stopped cycles (met or
      breached, with or without a target), by ``method`` (see :data:`PercentileMethod`):
      the default ``"nearest_rank"`` is always one of the observed durations;
    * ``penalties``: what the breaches cost under the policy's per-ticket penalties
      (``[[uptime.ticket_penalties]]``), for breached cycles of the penalty's severity
      and metric, late by their ``overshoot`` (business time past the target; at least
      a microsecond, so a breach kept after the severity was lowered still counts). Caps and
      the fee apply per penalty period (the policy's uptime period, by default the
      month the cycle started in) within each group, and each period's total is rounded
      once; group by ``month`` (or by a coarser key) for contract figures.

    Months are those the cycles started in, in the report's zone (the ``month`` column
    of :func:`analyze_tickets`).

    Args:
        outcomes: what :func:`analyze_tickets` returns, its ``.table`` (a DataFrame, for
            instance gathered from dask partitions) or its ``.to_records()``.
        by: the columns to group by, any of the outcome columns (``severity``,
            ``month``, ``ticket_id``, ``result``, ...); ``metric`` is always added last.
            ``()`` gives one row per metric.
        policy: the policy, for the severity order and the penalties; taken from
            ``outcomes`` when it is an analyze_tickets report.
        fee: the fee per penalty period (``Decimal("1500.00")``), needed when a penalty
            is a percent of the fee.
        penalties: ``False`` leaves penalties out (the column is ``None``).
        places: decimals of ``percent_met``.
        rounding: how ``percent_met`` is rounded: ``"half_even"`` (default),
            ``"half_up"``, ``"floor"``, ... (``decimal``'s modes).
        method: ``"nearest_rank"`` (default) or ``"linear"``.

    Returns:
        A :class:`ComplianceSummary`.

    Raises:
        MissingColumnError: an outcome column (or a ``by`` key) is missing.
        ColumnTypeError: ``outcomes`` is not a table of outcomes.
        InvalidOptionError: a bad ``rounding``, ``places`` or ``method``, or a percent
            penalty without a ``fee`` (pass one, or ``penalties=False``).

    Examples:
        >>> import datetime as dt
        >>> from slacalc.policy import default_policy
        >>> from slacalc.reports import analyze_tickets
        >>> t = dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc)
        >>> tickets = {n: [{"kind": "opened", "at": t, "severity": "critical"},
        ...                {"kind": "responded", "at": t + dt.timedelta(minutes=5 * n)}]
        ...            for n in range(1, 5)}                   # 5, 10, 15, 20 minutes
        >>> s = compliance_summary(analyze_tickets(tickets, default_policy()), by=("severity",))
        >>> r = s.rows[0]
        >>> r.metric, r.met, r.breached, r.percent_met
        ('response', 3, 1, Decimal('75.0'))
        >>> r.median, r.p90                  # nearest rank: observed values, lower median
        (datetime.timedelta(seconds=600), datetime.timedelta(seconds=1200))
    """
    mode = check_rounding(rounding)
    digits = check_places(places)
    how = check_method(method)
    if isinstance(by, str):
        by = (by,)
    hint = "pass column names such as by=('severity', 'month')"
    check_items(by, what="by=", hint=hint, error=InvalidOptionError)
    keys = tuple(k for k in by if k != "metric")
    source, own = _source(outcomes)
    policy = policy if policy is not None else own

    needed = [*dict.fromkeys([*_NEEDED, *keys])]
    have = column_names(source)
    count = len(source) if not is_frame(source) else len(source.index)
    for name in needed:
        if count and not has_column(source, name):
            raise MissingColumnError(
                f"The outcomes have no column {name!r} (they have "
                f"{', '.join(repr(c) for c in have)}); pass what analyze_tickets() returns"
                + (", or group by one of its columns." if name in keys else "."),
                column=name,
            )
        if not count and is_frame(source) and name not in source.columns:
            raise MissingColumnError(f"The outcomes have no column {name!r}.", column=name)
    cols = {name: (column_values(source, name) if count else []) for name in needed}

    severities = _severity_order(source, policy, cols["severity"])
    agreement = None if policy is None else Agreement.from_policy(policy)
    rules = agreement.ticket_penalties if agreement is not None and penalties else ()
    period = "month" if agreement is None else agreement.period
    needs_fee = any(p.per_breach_share or p.per_late_share or p.cap_share for _, _, p in rules)
    if rules and needs_fee and fee is None:
        raise InvalidOptionError(
            "The policy's ticket penalties are a percent of the fee; pass "
            "fee=Decimal('1500.00') (the fee per penalty period), or penalties=False to "
            "leave them out."
        )

    groups: dict[tuple[object, ...], list[int]] = {}
    for i in range(count):
        key = (*(cols[k][i] for k in keys), cols["metric"][i])
        groups.setdefault(key, []).append(i)

    def order(key: tuple[object, ...]) -> tuple[tuple[int, int, Any], ...]:
        parts = [
            _sort_key(v, severities if k == "severity" else None)
            for k, v in zip(keys, key, strict=False)
        ]
        parts.append(_sort_key(key[-1], BUILTIN_METRICS))
        return tuple(parts)

    rows: list[ComplianceRow] = []
    for key in sorted(groups, key=order):
        members = groups[key]
        metric = key[-1]
        results = [cols["result"][i] for i in members]
        met = results.count("met")
        breached = results.count("breached")
        share = Fraction(met, met + breached) if met + breached else None
        stopped = sorted(_micros(cols["elapsed"][i]) for i in members if cols["phase"][i] == "met")
        owed = _penalties(rules, cols, members, metric, period, fee)
        rows.append(
            ComplianceRow(
                group=tuple(zip(keys, key[:-1], strict=True)),
                metric=str(metric),
                tickets=len({cols["ticket_id"][i] for i in members}),
                cycles=len(members),
                met=met,
                breached=breached,
                pending=results.count("pending"),
                no_target=results.count("no_target"),
                share_met=share,
                percent_met=None if share is None else percent(share, digits, mode),
                median=_td(percentile(stopped, 50, how)) if stopped else None,
                p90=_td(percentile(stopped, 90, how)) if stopped else None,
                penalties=owed,
            )
        )
    return ComplianceSummary(keys, tuple(rows), digits, mode, how, severities)
