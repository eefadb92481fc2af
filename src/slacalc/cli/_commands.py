"""The commands: each takes the parsed arguments, calls the library, and renders the answer.

A command writes its answer to ``out`` (text for people, or JSON with ``--json``) and
returns the exit code. It raises :class:`CommandError` or a ``SlacalcError`` for a
problem the user can fix; :func:`slacalc.cli.main` turns those into one line on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import sys
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from slacalc._present.formats import DurationStyle, instant_text
from slacalc._present.jsonable import Duration, Share, dumps, exact, fields, seconds_of
from slacalc._present.tables import Table
from slacalc.cli._output import write_csv, write_table
from slacalc.cli._parse import CommandError, one_line
from slacalc.errors import PolicyValidationError

if TYPE_CHECKING:
    from decimal import Decimal

    from slacalc.credits import CreditSchedule
    from slacalc.policy import Agreement, MaintenanceTerms, SLAPolicy
    from slacalc.reports import MonthlyAvailabilityReport
    from slacalc.uptime import MaintenanceMode, PlannedMaintenance

__all__ = [
    "run_availability",
    "run_budget",
    "run_check",
    "run_demo",
    "run_document",
    "run_due",
    "run_report",
    "run_status",
]


# -- shared pieces ------------------------------------------------------------------------


def _table(
    header: Sequence[str], rows: Sequence[Sequence[str]], marked: Sequence[int] = ()
) -> Table:
    """A table of text, as the commands print them (without a rule under the header)."""
    return Table(tuple(header), tuple(tuple(r) for r in rows), marked=tuple(marked))


def _say(out: TextIO, lines: str | Sequence[str]) -> None:
    """Write ``lines`` (one string, or several) to ``out``, each ending in a newline."""
    for line in [lines] if isinstance(lines, str) else lines:
        print(line, file=out)


def _json(out: TextIO, value: object) -> int:
    """Write ``value`` as JSON (see :mod:`slacalc._present.jsonable`); exit code 0."""
    out.write(dumps(value))
    return 0


def _shape(keys: str, **computed: Callable[[Any], object]) -> Callable[[Any], dict[str, object]]:
    """The ``--json`` form of one kind of result, declared once: its keys, in order.

    Each key is the field of that name (see :func:`~slacalc._present.jsonable.fields`)
    unless ``computed`` says how to get it.

    Examples:
        >>> import collections
        >>> Tier = collections.namedtuple("Tier", "below credit_percent")
        >>> _shape("below credit", credit=lambda t: t.credit_percent * 2)(Tier("99%", 5))
        {'below': '99%', 'credit': 10}
    """

    def encode(value: Any) -> dict[str, object]:
        out: dict[str, object] = {}
        for key in keys.split():
            out.update({key: computed[key](value)} if key in computed else fields(value, key))
        return out

    return encode


def people_time(value: dt.datetime | None) -> str:
    """An instant for people: ``'Mon 2026-11-30 09:30 +01:00'`` (seconds only when present).

    Examples:
        >>> people_time(dt.datetime(2026, 11, 30, 9, 30, tzinfo=dt.UTC))
        'Mon 2026-11-30 09:30 +00:00'
        >>> people_time(None)
        '-'
    """
    return instant_text(value, offset=True)


def _human(value: dt.timedelta | Fraction | None, style: DurationStyle = "human") -> str:
    """A duration for people (``'1h 18m'``), ``'-'`` for none."""
    from slacalc.uptime import format_seconds

    return "-" if value is None else format_seconds(seconds_of(value), style)


def load_policy(path: str | None) -> SLAPolicy:
    """The policy in ``path``, or the built-in default policy when ``path`` is ``None``.

    A policy with problems raises one :class:`CommandError` that counts them and points
    to ``slacalc check``.

    Examples:
        >>> load_policy(None).name
        'Website care agreement'
    """
    from slacalc.policy import SLAPolicy, default_policy

    if path is None:
        return default_policy()
    try:
        return SLAPolicy.from_file(path)
    except PolicyValidationError as exc:
        first, *more = _problem_lines(path, _problems(exc))
        tail = f" (and {len(more)} more; run 'slacalc check {path}' for the list)" if more else ""
        raise CommandError(first + tail) from None


class PolicyTerms(NamedTuple):
    """A policy as ``slacalc due`` and ``slacalc status`` read it: core values and target texts.

    Attributes:
        agreement: the policy's agreement (calendars, clock rules, severities).
        written: each severity's response and resolution targets as the policy writes
            them (``{"high": {"response": "1h", "resolution": "8h"}}``), shown beside
            the deadlines.
    """

    agreement: Agreement
    written: Mapping[str, Mapping[str, str | None]]

    @classmethod
    def of(cls, policy: SLAPolicy) -> PolicyTerms:
        """The terms of a validated policy.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> PolicyTerms.of(default_policy()).written["low"]
            {'response': '2 business days', 'resolution': None}
        """
        written = {s.name: {m: getattr(s, m) for m in _METRICS} for s in policy.severities}
        return cls(policy.to_agreement(), written)


_METRICS = ("response", "resolution")


def load_terms(path: str | None) -> PolicyTerms:
    """The terms of the policy in ``path``, or of the built-in policy when ``path`` is ``None``.

    A file is read and validated as :func:`load_policy` does. The built-in policy's
    agreement is built directly from its data, which ships valid
    (:func:`slacalc.policy.default_agreement`): the same values, without loading
    pydantic, which is most of what a cold ``slacalc due`` would otherwise spend.

    Examples:
        >>> load_terms(None).agreement.name
        'Website care agreement'
        >>> load_terms(None).written["critical"]
        {'response': '15m', 'resolution': '2h'}
    """
    if path is not None:
        return PolicyTerms.of(load_policy(path))
    from slacalc.policy import DEFAULT_POLICY_DATA, default_agreement

    written = {
        s["name"]: {m: s.get(m) for m in _METRICS} for s in DEFAULT_POLICY_DATA["severities"]
    }
    return PolicyTerms(default_agreement(), written)


def _problems(exc: PolicyValidationError) -> tuple[tuple[str, str], ...]:
    """The ``(place, message)`` of each problem of a policy file (the place may be empty)."""
    return exc.problems or (("", str(exc)),)


def _problem_lines(path: str, problems: Sequence[tuple[str, str]]) -> list[str]:
    """One ``'file: place: message'`` line a problem (``'file: message'`` without a place)."""
    return [": ".join(part for part in (path, *problem) if part) for problem in problems]


def _now(value: dt.datetime | None) -> tuple[dt.datetime, str]:
    """``--at``, else now (the one place the CLI reads the clock), and the note ``'  (now)'``."""
    return (dt.datetime.now(dt.UTC), "  (now)") if value is None else (value, "")


# -- demo ---------------------------------------------------------------------------------


# An out-of-hours reply.
_REPLY = _shape("severity locale respond_by text")


def run_demo(args: argparse.Namespace, out: TextIO) -> int:
    """``slacalc demo``: the tour of the built-in default policy (see :mod:`slacalc._demo`).

    Examples:
        >>> import io
        >>> buffer = io.StringIO()
        >>> run_demo(argparse.Namespace(json=False), buffer)
        0
        >>> buffer.getvalue().splitlines()[0]
        'slacalc demo: the built-in website-care SLA (slacalc.default_policy())'
    """
    from slacalc._demo import print_tour, tour

    t = tour()
    if not args.json:
        print_tour(t, out)
        return 0
    return _json(
        out,
        {
            "policy": t.policy.name,
            "support": {"hours": t.support.hours, "tz": str(t.support.tz)},
            "ticket": {
                "severity": t.deadlines.severity,
                "opened_at": t.opened,
                "respond_by": t.deadlines.response,
                "resolve_by": t.deadlines.resolution,
                "events": [{k: e.get(k) for k in ("kind", "at", "severity")} for e in t.events],
                "status": _STATUS(t.status),
            },
            "out_of_hours": {
                "received_at": t.received,
                "replies": [_REPLY(a) for a in (*t.replies, t.critical)],
            },
            "budget": _BUDGET(t.table),
            "month": {
                **_MONTH(t.row),
                "incidents": [i["incident_id"] for i in t.incidents],
                "maintenance_mode": t.report.maintenance_mode,
                "fee": t.fee,
                "credit_percent": t.credit_percent,
                "credit": t.credit,
            },
        },
    )


# -- budget -------------------------------------------------------------------------------


_PERIOD = _shape("period length allowed text", allowed=lambda row: Duration(row.allowed_seconds))
_BUDGET = _shape(
    "target target_share convention rounding periods",
    target=lambda table: str(table.target),
    target_share=lambda table: table.target,
    periods=lambda table: [_PERIOD(row) for row in table.rows],
)


def run_budget(args: argparse.Namespace, out: TextIO) -> int:
    """``slacalc budget 99.9%``: the allowed downtime per day, week, month, quarter and year.

    Examples:
        >>> import io
        >>> buffer = io.StringIO()
        >>> run_budget(argparse.Namespace(target="99.9%", convention="gregorian", month=None,
        ...                               tz=None, json=False, format="text"), buffer)
        0
        >>> print(buffer.getvalue(), end="")
        Allowed downtime at 99.9% (gregorian: year 365.2425 d, month = year/12, quarter = year/4)
        period   allowed     exact seconds
        day      1m 26s      86.4
        week     10m 5s      604.8
        month    43m 50s     2629.746
        quarter  2h 11m 29s  7889.238
        year     8h 45m 57s  31556.952
    """
    from slacalc.uptime import Availability, calendar_month, downtime_table

    if args.tz is not None and args.month is None:
        raise CommandError("--tz applies to --month only; add --month, e.g. --month 2026-02.")
    table = downtime_table(args.target, convention=args.convention)
    month: dict[str, object] | None = None
    if args.month is not None:
        tz = args.tz if args.tz is not None else dt.UTC
        period = calendar_month(*args.month, tz=tz)
        allowed = Availability.from_target(args.target).unavailability * seconds_of(period.duration)
        month = {
            "month": period.label,
            "tz": str(tz),
            **fields(period, "start", "end"),
            "length": period.duration,
            "allowed": Duration(allowed),
            "text": _human(allowed),
        }
    if args.json:
        return _json(out, {**_BUDGET(table), "month": month})
    if args.format == "csv":
        write_csv(out, [_PERIOD(row) for row in table.rows])
        return 0
    _say(out, str(table).splitlines()[0])
    rows = [(r.period, r.text, exact(r.allowed_seconds)) for r in table.rows]
    write_table(out, _table(("period", "allowed", "exact seconds"), rows))
    if args.month is not None:
        _say(
            out,
            f"{period.label} in {tz} ({_human(period.duration)}): "
            f"{_human(allowed)} ({exact(allowed)} s)",
        )
    return 0


# -- due ----------------------------------------------------------------------------------


def _target(
    terms: PolicyTerms, severity: str, metric: str, start: dt.datetime
) -> dict[str, object]:
    """A metric's target as written and as business time, for ``--json``."""
    text = terms.written[severity][metric]
    rules = terms.agreement.rules
    us = None if text is None else rules.severity(severity).target_us(metric, start)
    business = None if us is None else dt.timedelta(microseconds=us)
    return {"target": text, "business_time": Duration(business)}


def _clock_name(agreement: Agreement, severity: str) -> str:
    from slacalc.policy import SUPPORT

    name = agreement.severity(severity).calendar
    cal = agreement.calendar(name)
    if agreement.is_around_the_clock(severity):
        return f"around the clock ({cal.tz})"
    label = "support hours" if name == SUPPORT else f"{name!r} hours"
    return f"{label} {cal.hours}, {cal.tz}"


def run_due(args: argparse.Namespace, out: TextIO) -> int:
    """``slacalc due --severity high --at ...``: the response and resolution deadlines.

    Examples:
        >>> import io
        >>> buffer = io.StringIO()
        >>> at = dt.datetime.fromisoformat("2026-11-27T17:30+01:00")
        >>> run_due(argparse.Namespace(severity="high", at=at, policy=None, json=False), buffer)
        0
        >>> print(buffer.getvalue(), end="")
        'high' ticket opened Fri 2026-11-27 17:30 +01:00
        clock: support hours Mon-Fri 09:00-18:00, Europe/Copenhagen
        respond by  Mon 2026-11-30 09:30 +01:00  (target 1h)
        resolve by  Mon 2026-11-30 16:30 +01:00  (target 8h)
    """
    terms = load_terms(args.policy)
    agreement = terms.agreement
    opened, now = _now(args.at)
    deadlines = agreement.rules.deadlines(args.severity, opened)
    severity = deadlines.severity
    written = terms.written[severity]
    if args.json:
        calendar = agreement.severity(severity).calendar
        head = {"policy": agreement.name, "severity": severity, "calendar": calendar}
        metrics = {
            metric: {"due": getattr(deadlines, metric), **_target(terms, severity, metric, opened)}
            for metric in _METRICS
        }
        return _json(out, {**head, "opened_at": opened, **metrics})
    local = opened.astimezone(deadlines.response.tzinfo)
    resolve = (
        f"resolve by  {people_time(deadlines.resolution)}  (target {written['resolution']})"
        if deadlines.resolution is not None
        else "resolve by  -  (no target: a work queue)"
    )
    _say(out, f"{severity!r} ticket opened {people_time(local)}{now}")
    _say(out, f"clock: {_clock_name(agreement, severity)}")
    _say(out, f"respond by  {people_time(deadlines.response)}  (target {written['response']})")
    _say(out, resolve)
    return 0


# -- status -------------------------------------------------------------------------------


# One clock of a ticket (``percent_used`` in percent, exact), and the ticket with its clocks.
_METRIC = _shape(
    "metric phase severity breached started_at stopped_at target elapsed elapsed_calendar paused"
    " remaining percent_used due due_if_resumed breached_at warning_level next_warning_at cycles",
    percent_used=lambda m: Share(None if m.percent_used is None else m.percent_used * 100),
    cycles=lambda m: len(m.cycles),
)
_STATUS = _shape(
    "at phase severity breached next_due next_breach_at metrics",
    metrics=lambda status: {m.metric: _METRIC(m) for m in status.clocks()},
)
# One segment of a clock's timeline (``counted``: its business time).
_SEGMENT = _shape(
    "metric cycle start end state severity counted used target late rule",
    counted=lambda s: s.business,
)


def run_status(args: argparse.Namespace, out: TextIO) -> int:
    """``slacalc status events.json``: every clock of a ticket at an instant.

    Examples:
        >>> import io, pathlib, tempfile
        >>> events = ('[{"kind": "opened", "at": "2026-11-30T09:00+01:00", "severity": "high"},'
        ...           ' {"kind": "responded", "at": "2026-11-30T09:40+01:00"}]')
        >>> buffer = io.StringIO()
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp) / "events.json"
        ...     _ = path.write_text(events, encoding="utf-8")
        ...     run_status(argparse.Namespace(events=str(path), policy=None, json=False,
        ...                explain=False, format="text",
        ...                at=dt.datetime.fromisoformat("2026-11-30T11:00+01:00")), buffer)
        0
        >>> print(buffer.getvalue(), end="")
        ticket at Mon 2026-11-30 11:00 +01:00: open, severity 'high', on time
        next due: Mon 2026-11-30 17:00 +01:00
        clock       state    used  target  remaining  due
        response    met      40m   1h      20m        Mon 2026-11-30 10:00 +01:00
        resolution  running  2h    8h      6h         Mon 2026-11-30 17:00 +01:00
    """
    from slacalc.cli._files import read_events

    agreement = load_terms(args.policy).agreement
    events = read_events(args.events)
    at, now = _now(args.at)
    status = agreement.rules.evaluate(events, at=at, timeline=args.explain)
    explanation = None
    if args.explain:
        from slacalc.reports import Explanation

        explanation = Explanation.from_status(status, agreement.support.tz)
    if args.json:
        data = _STATUS(status)
        if explanation is not None:
            data["explanation"] = [_SEGMENT(s) for s in explanation.segments]
        return _json(out, data)
    if args.format == "csv":
        write_csv(out, [_METRIC(m) for m in status.clocks()])
        return 0
    head, due = status._heading(agreement.support.tz)
    _say(out, [head + now, due])
    write_table(out, status._table())
    if explanation is not None:
        _say(out, explanation.to_text().splitlines()[1:])  # its first line repeats ours
    return 0


# -- availability ---------------------------------------------------------------------------


# A month's measured availability (durations exact, from its ``report``).
_MONTH = _shape(
    "month start end eligible downtime availability availability_text allowed remaining_budget"
    " target_met",
    start=lambda row: row.report.window[0],
    end=lambda row: row.report.window[1],
    eligible=lambda row: Duration(row.report.eligible_seconds),
    downtime=lambda row: Duration(row.report.downtime_seconds),
    availability=lambda row: row.report.availability,
    availability_text=lambda row: row.report.availability.format(4),
    allowed=lambda row: Duration(row.report.allowed_downtime_seconds),
    remaining_budget=lambda row: Duration(row.report.remaining_budget_seconds),
    target_met=lambda row: row.report.target_met,
)
_TIER = _shape("below credit_percent", below=lambda tier: str(tier.below))


class _Uptime(NamedTuple):
    """The availability options, each from the command line, else from the policy.

    ``mode`` is how the maintenance ``windows`` count (``None`` when there are none).
    """

    target: str
    credits: CreditSchedule | None
    tz: dt.tzinfo
    mode: MaintenanceMode | None
    fee: Decimal | None
    windows: Sequence[PlannedMaintenance]
    rules: MaintenanceTerms | None = None
    trust: bool = False


def _uptime_options(args: argparse.Namespace) -> _Uptime:
    """The target, credit tiers, zone and maintenance mode: the options, else the policy's;
    the fee, and the maintenance windows read from their file."""
    from slacalc.cli._files import read_csv
    from slacalc.reports import read_maintenance

    policy = load_policy(args.policy) if args.policy is not None else None
    uptime = policy.uptime if policy is not None else None
    target = args.target or (uptime.target if uptime is not None else None)
    if target is None:
        raise CommandError(
            "No target; pass --target, e.g. --target 99.9%, or --policy with an uptime section."
        )
    schedule: CreditSchedule | None = args.credits
    if schedule is None and policy is not None and (terms := policy.to_agreement().uptime):
        schedule = terms.credits
    if args.fee is not None and schedule is None:
        raise CommandError(
            "--fee needs credit tiers; pass --credits, e.g. --credits 99.9%:5%,99%:10%, or "
            "--policy with uptime credits."
        )
    tz = args.tz or (policy.calendar().tz if policy is not None else dt.UTC)
    mode: MaintenanceMode | None = args.maintenance_mode
    if mode is not None and args.maintenance is None:
        raise CommandError(
            "--maintenance-mode says how maintenance windows count; add --maintenance with a "
            "CSV of them (header start,end)."
        )
    if mode is None and uptime is not None and uptime.maintenance is not None:
        mode = uptime.maintenance.mode
    windows = [] if args.maintenance is None else read_maintenance(read_csv(args.maintenance))
    if windows and mode is None:
        raise CommandError(
            "The maintenance windows need a rule for how they count: pass --policy with an "
            "[uptime.maintenance] table, or --maintenance-mode count_as_up (not downtime, "
            "still in the month) or exclude (left out of the month)."
        )
    rules = None
    if windows and policy is not None and (terms := policy.to_agreement().uptime):
        rules = terms.maintenance
    trust = bool(getattr(args, "trust_maintenance", False))
    return _Uptime(target, schedule, tz, mode if windows else None, args.fee, windows, rules, trust)


def _report_months(
    args: argparse.Namespace, outages: Sequence[Any], tz: dt.tzinfo
) -> list[tuple[int, int]]:
    """The months to report: ``--month``, else every month from the first incident to the last."""
    if args.month:
        return sorted(set(args.month))
    if not outages:
        raise CommandError(
            f"{args.incidents!r} lists no incidents; pass --month (e.g. --month 2026-11) to "
            "report a month without downtime."
        )
    starts = [o.start.astimezone(tz) for o in outages]
    ends = [(o.end or args.as_of).astimezone(tz) for o in outages]
    first = min((t.year, t.month) for t in starts)
    last = max((t.year, t.month) for t in ends)
    years = range(first[0], last[0] + 1)
    return [(y, m) for y in years for m in range(1, 13) if first <= (y, m) <= last]


def run_availability(args: argparse.Namespace, out: TextIO) -> int:
    """``slacalc availability incidents.csv --target 99.9%``: availability per calendar month.

    Measured with :func:`slacalc.reports.availability_report` on the real calendar
    months in the zone (``--tz``, else the policy's, else UTC). Planned maintenance
    windows (``--maintenance``, a CSV like the incidents' with ``start,end``) count as
    ``--maintenance-mode`` says, else as the policy's ``[uptime.maintenance]`` says.

    Examples:
        >>> import io, pathlib, tempfile
        >>> from decimal import Decimal
        >>> from slacalc.cli._parse import credits_arg
        >>> rows = ("start,end\\n2026-11-04T02:10+01:00,2026-11-04T02:41+01:00\\n"
        ...         "2026-11-18T14:05+01:00,2026-11-18T14:40+01:00\\n"
        ...         "2026-11-18T14:30+01:00,2026-11-18T14:52+01:00\\n")
        >>> buffer = io.StringIO()
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp) / "incidents.csv"
        ...     _ = path.write_text(rows, encoding="utf-8")
        ...     run_availability(argparse.Namespace(
        ...         incidents=str(path), target="99.9%", month=None, tz=None, fee=Decimal(500),
        ...         credits=credits_arg("99.9%:5%,99.5%:10%"), policy=None, as_of=None,
        ...         maintenance=None, maintenance_mode=None, json=False, format="text"), buffer)
        0
        >>> print(buffer.getvalue(), end="")  # doctest: +NORMALIZE_WHITESPACE
        availability per calendar month in UTC, target 99.9%,
        credits below 99.9%: 5%, below 99.5%: 10%, fee 500
        month    incidents  down    of   availability  allowed  met  credit
        2026-11  3          1h 18m  30d  99.8194%      43m 12s  no   5% = 25.00
    """
    from slacalc.cli._files import read_csv
    from slacalc.reports import availability_report, read_incidents

    opts = _uptime_options(args)
    outages = read_incidents(read_csv(args.incidents))
    still_open = [o for o in outages if o.end is None]
    if still_open and args.as_of is None:
        raise CommandError(
            f"{args.incidents!r} has an outage still open (from {still_open[0].start.isoformat()}, "
            "no end); pass --as-of with the time of the report, e.g. --as-of 2026-12-01T00:00Z."
        )
    report = availability_report(
        outages,
        opts.target,
        _report_months(args, outages, opts.tz),
        tz=opts.tz,
        maintenance=opts.windows,
        maintenance_mode=opts.mode,
        maintenance_rules=opts.rules,
        maintenance_check="trust" if opts.trust else "enforce",
        credits=opts.credits,
        fee=opts.fee,
        as_of=args.as_of,
    )
    if args.json:
        return _json(out, _availability_json(opts, report))
    if args.format == "csv":
        months = _availability_json(opts, report)["months"]
        write_csv(out, months)  # type: ignore[arg-type]
        return 0
    head, table, total = _availability_lines(opts, report)
    _say(out, head)
    write_table(out, table)
    _say(out, total)
    return 0


def _availability_json(opts: _Uptime, report: MonthlyAvailabilityReport) -> dict[str, object]:
    """The months of an availability report, with the options they were measured by."""
    windows = len(opts.windows)
    return {
        "tz": str(opts.tz),
        **fields(opts, "target", "fee"),
        "maintenance": {
            "windows": windows,
            "mode": opts.mode,
            "checked": report.maintenance is not None,
            "counted_as_downtime": report.maintenance is not None and not opts.trust,
            "breaches": [
                {
                    "window": b.maintenance.describe(),
                    "rule": b.rule,
                    "start": b.start,
                    "end": b.end,
                }
                for b in (report.maintenance.breaches if report.maintenance else ())
            ],
        }
        if windows
        else None,
        "credits": None if opts.credits is None else [_TIER(t) for t in opts.credits.tiers],
        "months": [
            {**_MONTH(row), **fields(row, "incidents", "credit_percent", "credit")}
            for row in report.rows
        ],
        "total_credit": report.total_credit,
    }


def _maintenance_lines(opts: _Uptime, report: MonthlyAvailabilityReport) -> list[str]:
    """Which maintenance window broke which of the policy's rules, and what was done."""
    check = report.maintenance
    if check is None:
        return []
    lines = []
    for breach in check.breaches:
        text = breach.describe(opts.rules)
        if opts.trust:
            text = text.replace(" downtime", " trusted as maintenance (--trust-maintenance)")
        lines.append(text)
    if check.notice_unchecked and opts.rules is not None and opts.rules.notice is not None:
        count = len(check.notice_unchecked)
        lines.append(
            f"notice not checked for {count} maintenance window{'s' if count != 1 else ''} "
            "without an 'announced' time"
        )
    return lines


def _availability_lines(
    opts: _Uptime, report: MonthlyAvailabilityReport
) -> tuple[str, Table, list[str]]:
    """A heading with the options, a table of the months (missed ones marked), the
    maintenance windows that broke the policy's rules, and the total credit."""
    head = f"availability per calendar month in {opts.tz}, target {opts.target}"
    if opts.credits is not None:
        tiers = ", ".join(f"below {t.below}: {t.credit_percent}%" for t in opts.credits.tiers)
        head += f", credits {tiers}"
    if opts.fee is not None:
        head += f", fee {opts.fee}"
    if windows := len(opts.windows):
        how = "counted as up" if opts.mode == "count_as_up" else "excluded"
        head += f", {windows} maintenance window{'s' if windows != 1 else ''} {how}"
    header = ["month", "incidents", "down", "of", "availability", "allowed", "met"]
    rows = [
        [
            row.month,
            str(row.incidents),
            _human(row.report.downtime_seconds),
            _human(row.report.eligible_seconds),
            row.availability.format(4),
            _human(row.report.allowed_downtime_seconds),
            "yes" if row.met else "no",
        ]
        + (
            []
            if opts.credits is None
            else [f"{row.credit_percent}%" + ("" if row.credit is None else f" = {row.credit}")]
        )
        for row in report.rows
    ]
    missed = [i for i, row in enumerate(report.rows) if not row.met]
    table = _table(header + (["credit"] if opts.credits else []), rows, missed)
    total = _maintenance_lines(opts, report)
    if report.total_credit is not None and len(report.rows) > 1:
        total.append(f"total credit: {report.total_credit}")
    return head, table, total


# -- report -------------------------------------------------------------------------------


# One row of a compliance summary, after its group's values.
_SUMMARY_ROW = _shape(
    "metric tickets cycles met breached pending no_target share_met percent_met median p90"
    " penalties"
)


class _JobBar:
    """One progress bar over a report: the rows read (when a reader reads), then the tickets."""

    def __init__(self, bar: Callable[[int, int], object]) -> None:
        self._bar = bar
        self._read = 0

    def reading(self, done: int, total: int) -> None:
        """Rows read so far (the bar stays open for the analysis after them)."""
        self._read = total
        self._bar(done, total + 1)

    def analysing(self, done: int, total: int) -> None:
        """Tickets replayed so far, after the rows read."""
        self._bar(self._read + done, self._read + total)


def _job_progress(wanted: bool | None) -> _JobBar | None:
    """The report's bar on stderr: ``--progress``, or by default when stderr is a terminal
    and tqdm is installed (``--no-progress``: none)."""
    from slacalc._present.progress import ProgressBar

    if wanted is None:
        wanted = sys.stderr.isatty() and importlib.util.find_spec("tqdm") is not None
    return _JobBar(ProgressBar("report")) if wanted else None


def run_report(args: argparse.Namespace, out: TextIO) -> int:
    """``slacalc report tickets.csv``: how often targets were met, per group and metric.

    Replays every ticket with :func:`slacalc.reports.analyze_tickets` and summarises with
    :func:`slacalc.reports.compliance_summary` (share met exact, median and 90th
    percentile business time, per-ticket penalties when the policy has them).

    Examples:
        >>> import io, pathlib, tempfile
        >>> rows = ("ticket_id,kind,at,severity\\n"
        ...         "1,opened,2026-11-30T09:00+01:00,high\\n1,responded,2026-11-30T09:30+01:00,\\n"
        ...         "2,opened,2026-11-30T09:00+01:00,high\\n2,responded,2026-11-30T11:00+01:00,\\n")
        >>> buffer = io.StringIO()
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp) / "tickets.csv"
        ...     _ = path.write_text(rows, encoding="utf-8")
        ...     run_report(argparse.Namespace(tickets=str(path), policy=None, by="severity",
        ...                fee=None, at=None, json=False, format="text"), buffer)
        0
        >>> print(buffer.getvalue(), end="")  # doctest: +NORMALIZE_WHITESPACE
        compliance of 2 tickets against 'Website care agreement', by severity
        severity  metric      tickets  met  breached  pending  percent_met  median  p90  penalties
        --------  ----------  -------  ---  --------  -------  -----------  ------  ---  ---------
        high      response    2        1    1         0        50.0%        30m     2h   -
        high      resolution  2        0    0         2        -            -       -    -
    """
    from slacalc.cli._files import read_csv, read_source
    from slacalc.reports import analyze_tickets, compliance_summary

    policy = load_policy(args.policy)
    by = tuple(k.strip() for k in args.by.split(",") if k.strip())
    uptime = policy.uptime
    if uptime is not None and uptime.ticket_penalties and args.fee is None:
        raise CommandError(
            "The policy's ticket penalties are a share of the fee; pass --fee, e.g. "
            "--fee 1500 (the fee per penalty period)."
        )
    bar = _job_progress(getattr(args, "progress", False))
    if getattr(args, "source", "events") == "events":
        tickets: object = read_csv(args.tickets)
    else:
        tickets = read_source(args, bar.reading if bar else None)
    outcomes = analyze_tickets(tickets, policy, args.at, progress=bar.analysing if bar else None)
    summary = compliance_summary(outcomes, by=by, fee=args.fee)
    count = len(outcomes.tickets)
    rows = [{**{str(k): v for k, v in r.group}, **_SUMMARY_ROW(r)} for r in summary.rows]
    if args.json:
        about = {"policy": policy.name, "tickets": count, "at": args.at, "by": list(summary.by)}
        return _json(out, {**about, "rows": rows})
    if args.format == "csv":
        write_csv(out, rows)
        return 0
    grouping = ", ".join(summary.by) or "metric only"
    head = f"compliance of {count} tickets against {policy.name!r}, by {grouping}"
    if args.at is not None:
        head += f", as of {people_time(args.at)}"
    _say(out, head)
    write_table(out, summary._text_table(), rule=True)
    return 0


# -- document -----------------------------------------------------------------------------


def run_document(args: argparse.Namespace, out: TextIO) -> int:
    """``slacalc document sla.toml``: the agreement as Markdown, HTML or PDF, English or Danish.

    Examples:
        >>> import io
        >>> buffer = io.StringIO()
        >>> run_document(argparse.Namespace(policy=None, format="markdown", lang="en",
        ...                                 output=None, json=False, fallback=False), buffer)
        0
        >>> buffer.getvalue().splitlines()[0]
        '# Website care agreement'
    """
    from slacalc.document import render_agreement
    from slacalc.policy import default_policy

    # The built-in policy comes in the language asked for; a file's texts are its own.
    policy = default_policy(args.lang or "en") if args.policy is None else load_policy(args.policy)
    args.lang = args.lang or policy.lang
    if args.format == "pdf" and args.output is None:
        raise CommandError("--format pdf writes a file; add -o FILE, e.g. -o aftale.pdf.")
    result = render_agreement(
        policy,
        format=args.format,
        lang=args.lang,
        fallback=args.fallback,
        year=getattr(args, "year", None),
        templates=getattr(args, "templates", None),
        sections=getattr(args, "section", None) or (),
        logo=getattr(args, "logo", None),
        css=getattr(args, "css", None),
    )
    if args.output is not None:
        try:
            if isinstance(result, bytes):
                Path(args.output).write_bytes(result)
            else:
                Path(args.output).write_text(result, encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"Cannot write {args.output!r}: {exc.strerror or exc}.") from None
    if args.json:
        text = None if isinstance(result, bytes) else result
        return _json(
            out, {"policy": policy.name, **fields(args, "format", "lang", "output"), "text": text}
        )
    if args.output is None and isinstance(result, str):
        out.write(result)
    return 0


# -- check --------------------------------------------------------------------------------


def run_check(args: argparse.Namespace, out: TextIO) -> int:
    """``slacalc check a.toml b.toml``: every problem of each policy file, ``file:line``.

    Exit code 0 when every file is valid, 1 when one has problems (listed on stdout, one
    ``file:line: place: message`` a line, the line found for TOML files), 2 when one
    cannot be read (one line on stderr each; the other files are still checked).

    Examples:
        >>> import io, pathlib, tempfile
        >>> buffer = io.StringIO()
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp) / "sla.toml"
        ...     _ = path.write_text('[support]\\nhours = "Mon-Fri 09:00-17:00"\\n'
        ...                         'timezone = "Europe/Copenhagen"\\n'
        ...                         '[[severities]]\\nname = "high"\\nresponse = "4 hours"\\n'
        ...                         '[[severities]]\\nname = "low"\\nresponse = "2h"\\n',
        ...                         encoding="utf-8")
        ...     run_check(argparse.Namespace(policy=[str(path)], json=False), buffer)
        ...     text = buffer.getvalue().replace(str(path), "sla.toml")
        1
        >>> print(text, end="")
        sla.toml:3: support.timezone: 'timezone' is not a field here; did you mean 'tz'?
        sla.toml:6: severities[0].response: '4 hours' is not a duration; write '4h'.
        sla.toml: 2 problems
    """
    results = [_check_one(path) for path in args.policy]
    unreadable = [r for r in results if r.error is not None]
    for r in unreadable:
        print(f"slacalc check: error: {r.error}", file=sys.stderr)
    checked = [r for r in results if r.error is None]
    if args.json:
        valid = all(r.policy is not None for r in results)
        _json(out, {"valid": valid, "files": [_check_json(r) for r in checked]})
    else:
        _say(out, [line for r in checked for line in _check_lines(r)])
    if unreadable:
        return 2
    return 0 if all(r.policy is not None for r in checked) else 1


class _Checked(NamedTuple):
    """One policy file checked: its policy when valid, else its problems (or why it
    could not be read)."""

    file: str
    policy: SLAPolicy | None
    problems: tuple[dict[str, object], ...]
    error: str | None = None


def _check_json(checked: _Checked) -> dict[str, object]:
    """A checked file for scripts: valid or not, its problems, its policy's names."""
    data: dict[str, object] = {
        "file": checked.file,
        "valid": checked.policy is not None,
        "problems": list(checked.problems),
    }
    if checked.policy is not None:
        severities = [s.name for s in checked.policy.severities]
        data |= {"policy": checked.policy.name, "severities": severities}
    return data


def _check_one(path: str) -> _Checked:
    """Read and validate one policy file; find the line of each problem in a TOML file."""
    from slacalc.cli._lines import line_of, toml_lines
    from slacalc.errors import PolicyFileError
    from slacalc.policy import SLAPolicy

    try:
        return _Checked(path, SLAPolicy.from_file(path), ())
    except PolicyFileError as exc:
        return _Checked(path, None, (), one_line(str(exc)))
    except PolicyValidationError as exc:
        problems = _problems(exc)
    lines: dict[str, int] = {}
    if path.lower().endswith(".toml"):
        lines = toml_lines(Path(path).read_text(encoding="utf-8"))
    return _Checked(
        path,
        None,
        tuple(
            {"path": place, "line": line_of(lines, place), "message": message}
            for place, message in problems
        ),
    )


def _check_lines(checked: _Checked) -> list[str]:
    """A checked file for people: its problems and their count, or a one-line summary."""
    if checked.policy is not None:
        policy = checked.policy
        count = len(policy.severities)
        return [
            f"{checked.file}: valid: {policy.name!r}, {count} severit"
            f"{'ies' if count != 1 else 'y'} ({', '.join(s.name for s in policy.severities)}), "
            f"support {policy.support.hours} in {policy.support.tz}"
        ]
    lines = []
    for problem in checked.problems:
        where = checked.file if problem["line"] is None else f"{checked.file}:{problem['line']}"
        place = f"{problem['path']}: " if problem["path"] else ""
        lines.append(f"{where}: {place}{problem['message']}")
    count = len(checked.problems)
    return [*lines, f"{checked.file}: {count} problem{'s' if count != 1 else ''}"]
