"""Plots for notebooks (matplotlib, imported only when a plot is drawn).

Install with ``pip install matplotlib`` (or the ``plot`` extra). Each function draws on
the Axes given (or on a new figure's Axes) and returns the Axes, so plots compose and can
be saved with ``ax.figure.savefig(...)``. Figures are drawn for people: floats appear
only here, after every figure has been computed exactly.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Mapping
from typing import Any

from slacalc._validate import check_instance, kind, shown
from slacalc.errors import WrongTypeError
from slacalc.reports._availability import MonthlyAvailabilityReport
from slacalc.reports._explain import Explanation
from slacalc.reports._periodic import AvailabilityTable
from slacalc.reports._summary import ComplianceSummary
from slacalc.uptime import Availability

__all__ = [
    "plot_budget_burndown",
    "plot_compliance",
    "plot_explanation",
    "plot_outage_timeline",
    "plot_status_bars",
]

_STATE_COLORS: Mapping[str, str] = {
    "counting": "#1f77b4",
    "out_of_hours": "#d9d9d9",
    "paused": "#ffbf00",
    "after_resolution": "#2ca02c",
}
_SEVERITY_COLORS: Mapping[str, str] = {
    "full": "#d62728",
    "major": "#d62728",
    "partial": "#ff7f0e",
    "degraded": "#bcbd22",
}


def _axes(ax: Any) -> Any:
    """``ax`` when it is a matplotlib Axes, or a new figure's Axes when ``None``."""
    if ax is not None:
        if not (hasattr(ax, "figure") and hasattr(ax, "set_title")):
            raise WrongTypeError(
                f"ax={shown(ax)} ({kind(ax)}) is not a matplotlib Axes; pass one, e.g. "
                "fig, ax = plt.subplots(), or leave it out for a new figure."
            )
        return ax
    try:
        plt = importlib.import_module("matplotlib.pyplot")
    except ImportError:  # pragma: no cover - matplotlib is installed in the tests
        raise ModuleNotFoundError(
            "Plots need matplotlib, which is not installed; run pip install matplotlib (or "
            "install slacalc's plot extra)."
        ) from None
    _, new = plt.subplots(figsize=(9, 4))
    return new


def _minutes(td: dt.timedelta) -> float:
    return td / dt.timedelta(minutes=1)


def plot_compliance(summary: ComplianceSummary, *, metric: str = "response", ax: Any = None) -> Any:
    """Percent met per severity over months: one line per severity.

    Args:
        summary: a :func:`compliance_summary` grouped by ``severity`` and ``month``.
        metric: the clock to show (``"response"`` or ``"resolution"``, ...).
        ax: the matplotlib Axes to draw on; a new figure's by default.

    Returns:
        The Axes.

    Raises:
        MissingColumnError: the summary is not grouped by severity and month.

    Examples:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from slacalc import datasets
        >>> from slacalc.reports import analyze_tickets, compliance_summary
        >>> policy = datasets.load_policy()
        >>> s = compliance_summary(analyze_tickets(datasets.load_tickets(), policy),
        ...                        fee=datasets.MONTHLY_FEE)
        >>> ax = plot_compliance(s, metric="response")
        >>> ax.get_ylabel()
        'response targets met (%)'
        >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    check_instance(
        summary,
        ComplianceSummary,
        what="plot_compliance()",
        hint="pass what compliance_summary() returns",
    )
    ax = _axes(ax)
    rows = [r for r in summary.rows if r.metric == metric]
    months = sorted({str(r.value("month")) for r in rows})
    for severity in summary.severities:
        points = [
            (months.index(str(r.value("month"))), float(r.share_met) * 100)
            for r in rows
            if r.value("severity") == severity and r.share_met is not None
        ]
        if points:
            xs, ys = zip(*points, strict=True)
            ax.plot(xs, ys, marker="o", label=severity)
    ax.set_xticks(range(len(months)))
    ax.set_xticklabels(months, rotation=45, ha="right")
    ax.set_ylim(0, 105)
    ax.set_ylabel(f"{metric.replace('_', ' ')} targets met (%)")
    ax.set_title(f"{metric.replace('_', ' ').capitalize()} compliance per severity")
    ax.grid(True, alpha=0.3)
    if rows:
        ax.legend(title="severity")
    return ax


def plot_budget_burndown(report: MonthlyAvailabilityReport, month: str, *, ax: Any = None) -> Any:
    """The error budget of one month burning down: remaining allowed downtime over time.

    Args:
        report: an :func:`availability_report`.
        month: the month's label, e.g. ``"2026-03"``.
        ax: the Axes to draw on; a new figure's by default.

    Returns:
        The Axes.

    Raises:
        InvalidPeriodError: the report has no such month.

    Examples:
        >>> import datetime as dt, matplotlib
        >>> matplotlib.use("Agg")
        >>> from slacalc.reports import availability_report
        >>> t = dt.datetime(2026, 6, 9, 14, tzinfo=dt.timezone.utc)
        >>> r = availability_report([(t, t + dt.timedelta(minutes=30))], "99.9%", 2026)
        >>> ax = plot_budget_burndown(r, "2026-06")
        >>> ax.get_ylabel()
        'remaining downtime budget (min)'
        >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    check_instance(
        report,
        MonthlyAvailabilityReport,
        what="plot_budget_burndown()",
        hint="pass what availability_report() returns",
    )
    ax = _axes(ax)
    points = report.burndown(month)
    row = report.row(month)
    xs = [p.at for p in points]
    ys = [float(p.remaining_seconds) / 60 for p in points]
    ax.plot(xs, ys, drawstyle="default", color="#1f77b4", label="remaining budget")
    ax.axhline(0, color="#d62728", linewidth=1, label="budget spent")
    ax.fill_between(
        xs, ys, 0, where=[y < 0 for y in ys], color="#d62728", alpha=0.2, interpolate=True
    )
    ax.set_ylabel("remaining downtime budget (min)")
    ax.set_title(
        f"{month}: {row.availability.format(3, rounding='floor')} against {row.target}"
        f" ({'met' if row.met else 'missed'})"
    )
    ax.grid(True, alpha=0.3)
    ax.legend()
    _date_axis(ax, row.start.tzinfo)
    return ax


def _dates() -> Any:
    return importlib.import_module("matplotlib.dates")


def _date_axis(ax: Any, tz: dt.tzinfo | None) -> None:
    mdates = _dates()
    locator = mdates.AutoDateLocator(tz=tz)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, tz=tz))


def plot_outage_timeline(report: MonthlyAvailabilityReport, *, ax: Any = None) -> Any:
    """Downtime per month against the allowed downtime, with each incident marked.

    Bars show each month's counted downtime, the step line the downtime the target
    allows; bars over the line are the months that missed it. Dots mark each incident
    at its start, sized by the downtime it counted, coloured by severity.

    Args:
        report: an :func:`availability_report`.
        ax: the Axes to draw on; a new figure's by default.

    Returns:
        The Axes.

    Examples:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from slacalc import datasets
        >>> from slacalc.reports import availability_report
        >>> r = availability_report(datasets.load_incidents(), "99.9%", 2026,
        ...                         tz=datasets.TIMEZONE, maintenance=datasets.load_maintenance(),
        ...                         maintenance_mode="count_as_up")
        >>> ax = plot_outage_timeline(r)
        >>> ax.get_ylabel()
        'downtime (min)'
        >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    check_instance(
        report,
        MonthlyAvailabilityReport,
        what="plot_outage_timeline()",
        hint="pass what availability_report() returns",
    )
    ax = _axes(ax)
    rows = report.rows
    tz = rows[0].start.tzinfo if rows else None
    for r in rows:
        width = r.end - r.start
        color = "#d62728" if not r.met else "#1f77b4"
        ax.bar(
            r.start,
            _minutes(r.downtime),
            width=width,
            align="edge",
            color=color,
            alpha=0.35,
            edgecolor=color,
        )
        ax.hlines(_minutes(r.allowed_downtime), r.start, r.end, colors="black", linewidth=1.5)
    seen: set[str] = set()
    for r in rows:
        for share in r.report.outages:
            if share.counted_seconds <= 0:
                continue
            severity = share.outage.severity
            label = None if severity in seen else severity
            seen.add(severity)
            ax.scatter(
                [share.outage.start],
                [float(share.counted_seconds) / 60],
                s=12 + float(share.counted_seconds) / 30,
                color=_SEVERITY_COLORS.get(severity, "#7f7f7f"),
                label=label,
                zorder=3,
            )
    ax.plot([], [], color="black", linewidth=1.5, label=f"allowed at {report.target}")
    ax.set_ylabel("downtime (min)")
    ax.set_title("Downtime per month against the allowed downtime")
    ax.grid(True, axis="y", alpha=0.3)
    ax.legend(fontsize="small")
    _date_axis(ax, tz)
    return ax


_BAR_COLORS: tuple[tuple[str, str], ...] = (
    ("1", "#2fcc66"),  # no downtime: green
    ("0.999", "#a3d977"),  # a little: light green
    ("0.99", "#f1c40f"),  # some: yellow
    ("0.95", "#e67e22"),  # much: orange
    ("0", "#e74c3c"),  # more: red
)


def _bar_color(availability: Any) -> str:
    """The status-page colour of a day's availability (compared exactly)."""
    from fractions import Fraction

    for floor, color in _BAR_COLORS:
        if availability.fraction >= Fraction(floor):
            return color
    return _BAR_COLORS[-1][1]  # pragma: no cover - 0 is the last floor


def plot_status_bars(table: AvailabilityTable, *, ax: Any = None) -> Any:
    """Status-page style bars: one row per component, one bar per period (day).

    Each bar is coloured by the period's exact availability: green at 100 %, light green
    from 99.9 %, yellow from 99 %, orange from 95 %, red below. The row's label gives
    the component and its availability over all the periods shown (measured, not
    averaged: total downtime over total eligible time). Draw it from
    ``availability_table(log, (start, end), every="day", by="component")`` over the last
    90 days, as status pages do.

    Args:
        table: an :func:`availability_table` (or :func:`rolling_availability`).
        ax: the Axes to draw on; a new figure's by default.

    Returns:
        The Axes.

    Raises:
        WrongTypeError: ``table`` is not an :class:`AvailabilityTable`, or ``ax`` is not
            a matplotlib Axes.

    Examples:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import datetime as dt
        >>> from slacalc.reports import availability_table
        >>> t = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
        >>> log = [{"start": t, "end": t + dt.timedelta(hours=2), "component": "api"}]
        >>> last_90_days = (t - dt.timedelta(days=80), t + dt.timedelta(days=10))
        >>> days = availability_table(log, last_90_days, every="day", by="component",
        ...                           components=["web", "api"])      # 2 h of 2160 h
        >>> ax = plot_status_bars(days)
        >>> [label.get_text() for label in ax.get_yticklabels()]
        ['web  100.00%', 'api  99.90%']
        >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    from fractions import Fraction

    check_instance(
        table,
        AvailabilityTable,
        what="plot_status_bars()",
        hint="pass slacalc.reports.availability_table(log, window, every='day', ...)",
    )
    ax = _axes(ax)
    subjects = table.components
    labels = []
    for y, subject in enumerate(subjects):
        rows = [r for r in table.rows if r.component == subject]
        for x, r in enumerate(rows):
            ax.bar(x, 0.8, bottom=-y - 0.4, width=0.8, color=_bar_color(r.availability))
        eligible = sum(
            Fraction(r.eligible // dt.timedelta(microseconds=1), 1_000_000) for r in rows
        )
        down = sum((r.downtime_seconds for r in rows), Fraction(0))
        share = Availability(1 - down / eligible if eligible else Fraction(1))
        name = "all" if subject is None else subject
        labels.append(f"{name}  {share.format(2)}")
    ax.set_yticks([-y for y in range(len(subjects))], labels)
    first = next((r for r in table.rows), None)
    last = table.rows[-1] if table.rows else None
    if first is not None and last is not None:
        ax.set_xlabel(f"{first.period} to {last.period} ({table.every})")
    ax.set_xticks([])
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_title(f"Availability per {table.every}")
    return ax


def plot_explanation(explanation: Explanation, *, ax: Any = None) -> Any:
    """A ticket's explained timeline: one bar per clock cycle, coloured by segment state.

    Counting time is blue, out-of-hours grey, paused amber, resolved green; late
    segments are hatched. A red line marks each breach, a dashed line each deadline.

    Args:
        explanation: an :func:`explain` result (or ``outcome.explain()``).
        ax: the Axes to draw on; a new figure's by default.

    Returns:
        The Axes.

    Examples:
        >>> import datetime as dt, matplotlib
        >>> matplotlib.use("Agg")
        >>> from slacalc.policy import default_policy
        >>> from slacalc.reports import explain
        >>> t = dt.datetime(2026, 11, 27, 16, tzinfo=dt.timezone.utc)
        >>> e = explain([{"kind": "opened", "at": t, "severity": "high"}], default_policy(),
        ...             at=t + dt.timedelta(days=4))
        >>> ax = plot_explanation(e)
        >>> [t.get_text() for t in ax.get_yticklabels()]           # bottom to top
        ['resolution 1', 'response 1']
        >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    mdates = _dates()
    patch = importlib.import_module("matplotlib.patches").Patch
    check_instance(
        explanation, Explanation, what="plot_explanation()", hint="pass what explain() returns"
    )
    ax = _axes(ax)
    cycles = list(explanation.cycles)
    for i, c in enumerate(cycles):
        y = len(cycles) - 1 - i
        for s in explanation.segments:
            if (s.metric, s.cycle) != (c.metric, c.number):
                continue
            start = mdates.date2num(s.start)
            width = mdates.date2num(s.end) - start
            ax.broken_barh(
                [(start, width)],
                (y - 0.35, 0.7),
                facecolors=_STATE_COLORS[s.state],
                edgecolor="white",
                hatch="//" if s.late else None,
            )
        if c.breached_at is not None:
            ax.vlines(c.breached_at, y - 0.45, y + 0.45, colors="#d62728", linewidth=2)
        elif c.due is not None:
            ax.vlines(c.due, y - 0.45, y + 0.45, colors="black", linestyles="dashed")
    ax.set_yticks(range(len(cycles)))
    ax.set_yticklabels([f"{c.metric} {c.number}" for c in reversed(cycles)])
    handles = [
        patch(facecolor=color, label=state.replace("_", " "))
        for state, color in _STATE_COLORS.items()
    ]
    ax.legend(handles=handles, fontsize="small", loc="upper right")
    who = "" if explanation.ticket_id is None else f"Ticket {explanation.ticket_id}: "
    ax.set_title(f"{who}clock timeline")
    ax.xaxis_date(explanation.tz)
    _date_axis(ax, explanation.tz)
    ax.grid(True, axis="x", alpha=0.3)
    return ax
