"""The commands: each takes the parsed arguments, calls the library, and renders the answer.

A command writes its answer to ``out`` (text for people, or JSON with ``--json``) and
returns the exit code. It raises :class:`CommandError` or a ``SlacalcError`` for a
problem the user can fix; :func:`slacalc.cli.main` turns those into one line on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from slacalc._present.formats import DurationStyle
from slacalc.cli._json import (
    dumps,
    duration_fields,
    exact,
    instant,
    people_time,
    seconds_of,
)
from slacalc.cli._parse import CommandError
from slacalc.errors import PolicyValidationError

if TYPE_CHECKING:
    from slacalc.credits import CreditSchedule
    from slacalc.policy import SLAPolicy
    from slacalc.timers import MetricStatus
    from slacalc.uptime import AvailabilityReport

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


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in (header, *rows)) for i in range(len(header))]
    return [
        "  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in (header, *rows)
    ]


def _say(out: TextIO, lines: str | Sequence[str] = "") -> None:
    for line in [lines] if isinstance(lines, str) else lines:
        print(line, file=out)


def _human(value: dt.timedelta | Fraction | None, style: DurationStyle = "human") -> str:
    from slacalc.uptime import format_duration, format_seconds

    if value is None:
        return "-"
    if isinstance(value, dt.timedelta):
        return format_duration(value, style)
    return format_seconds(value, style)


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
        problems = exc.problems or (("", str(exc)),)
        first = ": ".join(p for p in problems[0] if p)
        more = len(problems) - 1
        tail = f" (and {more} more; run 'slacalc check {path}' for the list)" if more else ""
        raise CommandError(f"{path}: {first}{tail}") from None


def _now(value: dt.datetime | None) -> dt.datetime:
    # The one place the command line reads the clock: --at defaults to now.
    return dt.datetime.now(dt.UTC) if value is None else value


# -- demo ---------------------------------------------------------------------------------


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
    r = t.report
    out.write(
        dumps(
            {
                "policy": t.policy.name,
                "support": {"hours": t.support.hours, "tz": str(t.support.tz)},
                "ticket": {
                    "severity": t.deadlines.severity,
                    "opened_at": instant(t.opened),
                    "respond_by": instant(t.deadlines.response),
                    "resolve_by": instant(t.deadlines.resolution),
                    "events": [
                        {
                            "kind": e["kind"],
                            "at": instant(e["at"]),
                            "severity": e.get("severity"),
                        }
                        for e in t.events
                    ],
                    "status": _status_json(t.status),
                },
                "out_of_hours": {
                    "received_at": instant(t.received),
                    "replies": [
                        {
                            "severity": a.severity,
                            "locale": a.locale,
                            "respond_by": instant(a.respond_by),
                            "text": a.text,
                        }
                        for a in (*t.replies, t.critical)
                    ],
                },
                "budget": _budget_json(t.table),
                "month": {
                    **_month_json(t.month.label, r),
                    "incidents": [i["incident_id"] for i in t.incidents],
                    "maintenance_mode": r.maintenance_mode,
                    "fee": exact(t.fee),
                    "credit_percent": exact(t.credit_percent),
                    "credit": exact(t.credit),
                },
            }
        )
    )
    return 0


# -- budget -------------------------------------------------------------------------------


def _budget_json(table: Any) -> dict[str, Any]:
    return {
        "target": str(table.target),
        "target_share": exact(table.target.fraction),
        "convention": table.convention,
        "rounding": table.rounding,
        "periods": [
            {
                "period": row.period,
                **duration_fields("length", row.length),
                **duration_fields("allowed", row.allowed_seconds),
                "text": row.text,
            }
            for row in table.rows
        ],
    }


def run_budget(args: argparse.Namespace, out: TextIO) -> int:
    """``slacalc budget 99.9%``: the allowed downtime per day, week, month, quarter and year.

    Examples:
        >>> import io
        >>> buffer = io.StringIO()
        >>> run_budget(argparse.Namespace(target="99.9%", convention="gregorian", month=None,
        ...                               tz=None, json=False), buffer)
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

    table = downtime_table(args.target, convention=args.convention)
    month: dict[str, Any] | None = None
    if args.tz is not None and args.month is None:
        raise CommandError("--tz applies to --month only; add --month, e.g. --month 2026-02.")
    if args.month is not None:
        year, number = args.month
        tz = args.tz if args.tz is not None else dt.UTC
        period = calendar_month(year, number, tz=tz)
        allowed = Availability.from_target(args.target).unavailability * seconds_of(period.duration)
        month = {
            "month": period.label,
            "tz": str(tz),
            "start": instant(period.start),
            "end": instant(period.end),
            **duration_fields("length", period.duration),
            **duration_fields("allowed", allowed),
            "text": _human(allowed),
        }
    if args.json:
        out.write(dumps({**_budget_json(table), "month": month}))
        return 0
    _say(out, str(table).splitlines()[0])
    rows = [(r.period, r.text, exact(r.allowed_seconds)) for r in table.rows]
    _say(out, _table(("period", "allowed", "exact seconds"), rows))
    if month is not None:
        _say(
            out,
            f"{month['month']} in {month['tz']} ({_human(period.duration)}): "
            f"{month['text']} ({month['allowed_seconds']} s)",
        )
    return 0


# -- due ----------------------------------------------------------------------------------


def _target_json(policy: SLAPolicy, severity: str, metric: str, start: dt.datetime) -> Any:
    text = getattr(policy.severity(severity), metric)
    if text is None:
        return {"target": None, **duration_fields("business_time", None)}
    us = policy.clock_rules().severity(severity).target_us(metric, start)
    business = None if us is None else dt.timedelta(microseconds=us)
    return {"target": text, **duration_fields("business_time", business)}


def _clock_name(policy: SLAPolicy, severity: str) -> str:
    name = policy.severity(severity).calendar
    cal = policy.calendar(name)
    if policy.is_around_the_clock(severity):
        return f"around the clock ({cal.tz})"
    label = "support hours" if name == "support" else f"{name!r} hours"
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
    policy = load_policy(args.policy)
    opened = _now(args.at)
    deadlines = policy.deadlines(args.severity, opened)
    severity = deadlines.severity
    spec = policy.severity(severity)
    if args.json:
        out.write(
            dumps(
                {
                    "policy": policy.name,
                    "severity": severity,
                    "calendar": spec.calendar,
                    "opened_at": instant(opened),
                    "response": {
                        "due": instant(deadlines.response),
                        **_target_json(policy, severity, "response", opened),
                    },
                    "resolution": {
                        "due": instant(deadlines.resolution),
                        **_target_json(policy, severity, "resolution", opened),
                    },
                }
            )
        )
        return 0
    local = opened.astimezone(deadlines.response.tzinfo)
    resolve = (
        f"resolve by  {people_time(deadlines.resolution)}  (target {spec.resolution})"
        if deadlines.resolution is not None
        else "resolve by  -  (no target: a work queue)"
    )
    _say(
        out,
        [
            f"{severity!r} ticket opened {people_time(local)}"
            + ("  (now)" if args.at is None else ""),
            f"clock: {_clock_name(policy, severity)}",
            f"respond by  {people_time(deadlines.response)}  (target {spec.response})",
            resolve,
        ],
    )
    return 0


# -- status -------------------------------------------------------------------------------


def _percent(value: Fraction | None) -> str | None:
    return None if value is None else exact(value * 100)


def _metric_json(m: MetricStatus) -> dict[str, Any]:
    return {
        "metric": m.metric,
        "phase": m.phase,
        "severity": m.severity,
        "breached": m.breached,
        "started_at": instant(m.started_at),
        "stopped_at": instant(m.stopped_at),
        **duration_fields("target", m.target),
        **duration_fields("elapsed", m.elapsed),
        **duration_fields("elapsed_calendar", m.elapsed_calendar),
        **duration_fields("paused", m.paused),
        **duration_fields("remaining", m.remaining),
        "percent_used": _percent(m.percent_used),
        "due": instant(m.due),
        "due_if_resumed": instant(m.due_if_resumed),
        "breached_at": instant(m.breached_at),
        "warning_level": m.warning_level,
        "next_warning_at": instant(m.next_warning_at),
        "cycles": len(m.cycles),
    }


def _status_json(status: Any) -> dict[str, Any]:
    metrics = [status.response, status.resolution, status.next_response, status.periodic_update]
    return {
        "at": instant(status.at),
        "phase": status.phase,
        "severity": status.severity,
        "breached": status.breached,
        "next_due": instant(status.next_due),
        "next_breach_at": instant(status.next_breach_at),
        "metrics": {m.metric: _metric_json(m) for m in metrics if m is not None},
    }


def _state(m: MetricStatus) -> str:
    return f"{m.phase}, BREACHED" if m.breached else m.phase


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
        ...                explain=False,
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

    policy = load_policy(args.policy)
    events = read_events(args.events)
    at = _now(args.at)
    status = policy.evaluate(events, at=at)
    explanation = None
    if args.explain:
        from slacalc.reports import explain

        explanation = explain(events, policy, at)
    if args.json:
        data = _status_json(status)
        if explanation is not None:
            data["explanation"] = [_segment_json(s) for s in explanation.segments]
        out.write(dumps(data))
        return 0
    tz = policy.calendar().tz
    verdict = "BREACHED" if status.breached else "on time"
    severity = "-" if status.severity is None else repr(status.severity)
    lines = [
        f"ticket at {people_time(status.at.astimezone(tz))}: {status.phase}, severity "
        f"{severity}, {verdict}" + ("  (now)" if args.at is None else ""),
        f"next due: {people_time(status.next_due)}",
    ]
    rows = []
    for m in (status.response, status.resolution, status.next_response, status.periodic_update):
        if m is None:
            continue
        due = m.due if m.due is not None or m.phase != "paused" else m.due_if_resumed
        due_text = people_time(due) + (" if resumed now" if m.due is None and due else "")
        rows.append(
            (
                m.metric,
                _state(m),
                _human(m.elapsed, "hours"),
                _human(m.target, "hours"),
                _human(m.remaining, "hours"),
                due_text,
            )
        )
    _say(out, lines + _table(("clock", "state", "used", "target", "remaining", "due"), rows))
    if explanation is not None:
        _say(out, explanation.to_text().splitlines()[1:])  # its first line repeats ours
    return 0


def _segment_json(s: Any) -> dict[str, Any]:
    return {
        "metric": s.metric,
        "cycle": s.cycle,
        "start": instant(s.start),
        "end": instant(s.end),
        "state": s.state,
        "severity": s.severity,
        **duration_fields("counted", s.business),
        **duration_fields("used", s.used),
        **duration_fields("target", s.target),
        "late": s.late,
        "rule": s.rule,
    }


# -- availability ---------------------------------------------------------------------------


def _month_json(label: str, r: AvailabilityReport) -> dict[str, Any]:
    return {
        "month": label,
        "start": instant(r.window[0]),
        "end": instant(r.window[1]),
        **duration_fields("eligible", r.eligible_seconds),
        **duration_fields("downtime", r.downtime_seconds),
        "availability": exact(r.availability.fraction),
        "availability_text": r.availability.format(4),
        **duration_fields("allowed", r.allowed_downtime_seconds),
        **duration_fields("remaining_budget", r.remaining_budget_seconds),
        "target_met": r.target_met,
    }


def _months_between(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    months = []
    year, month = first
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def run_availability(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``slacalc availability incidents.csv --target 99.9%``: availability per calendar month.

    Measured with :func:`slacalc.reports.availability_report` on the real calendar
    months in the zone (``--tz``, else the policy's, else UTC). Planned maintenance
    windows (``--maintenance``, a CSV like the incidents' with ``start,end``) count as
    ``--maintenance-mode`` says, else as the policy's ``[uptime.maintenance]`` says.

    Examples:
        >>> import io, pathlib, tempfile
        >>> from decimal import Decimal
        >>> rows = ("start,end\\n2026-11-04T02:10+01:00,2026-11-04T02:41+01:00\\n"
        ...         "2026-11-18T14:05+01:00,2026-11-18T14:40+01:00\\n"
        ...         "2026-11-18T14:30+01:00,2026-11-18T14:52+01:00\\n")
        >>> buffer = io.StringIO()
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp) / "incidents.csv"
        ...     _ = path.write_text(rows, encoding="utf-8")
        ...     run_availability(argparse.Namespace(
        ...         incidents=str(path), target="99.9%", month=None, tz=None, fee=Decimal(500),
        ...         credits=(("99.9%", "5%"), ("99.5%", "10%")), policy=None, as_of=None,
        ...         maintenance=None, maintenance_mode=None, json=False), buffer, io.StringIO())
        0
        >>> print(buffer.getvalue(), end="")  # doctest: +NORMALIZE_WHITESPACE
        availability per calendar month in UTC, target 99.9%,
        credits below 99.9%: 5%, below 99.5%: 10%, fee 500
        month    incidents  down    of   availability  allowed  met  credit
        2026-11  3          1h 18m  30d  99.8194%      43m 12s  no   5% = 25.00
    """
    from slacalc.cli._files import read_incidents, read_windows
    from slacalc.credits import CreditSchedule
    from slacalc.reports import availability_report
    from slacalc.uptime import Outage, calendar_month

    policy = load_policy(args.policy) if args.policy is not None else None
    uptime = policy.uptime if policy is not None else None
    target = args.target or (uptime.target if uptime is not None else None)
    if target is None:
        raise CommandError(
            "No target; pass --target, e.g. --target 99.9%, or --policy with an uptime section."
        )
    schedule: CreditSchedule | None = None
    if args.credits:
        schedule = CreditSchedule(list(args.credits))
    elif uptime is not None and uptime.credits:
        schedule = uptime.credit_schedule()
    if args.fee is not None and schedule is None:
        raise CommandError(
            "--fee needs credit tiers; pass --credits, e.g. --credits 99.9%:5%,99%:10%, or "
            "--policy with uptime credits."
        )
    tz: dt.tzinfo
    if args.tz is not None:
        tz = args.tz
    elif policy is not None:
        tz = policy.calendar().tz
    else:
        tz = dt.UTC

    windows = [] if args.maintenance is None else read_windows(args.maintenance, stderr=err)
    mode = args.maintenance_mode
    if mode is not None and args.maintenance is None:
        raise CommandError(
            "--maintenance-mode says how maintenance windows count; add --maintenance with a "
            "CSV of them (header start,end)."
        )
    if mode is None and uptime is not None and uptime.maintenance is not None:
        mode = uptime.maintenance.mode
    if windows and mode is None:
        raise CommandError(
            "The maintenance windows need a rule for how they count: pass --policy with an "
            "[uptime.maintenance] table, or --maintenance-mode count_as_up (not downtime, "
            "still in the month) or exclude (left out of the month)."
        )

    rows = read_incidents(args.incidents, stderr=err)
    open_rows = [line for line, _, end, *_ in rows if end is None]
    if open_rows and args.as_of is None:
        raise CommandError(
            f"{args.incidents!r} line {open_rows[0]} has no end (an outage still open); "
            "pass --as-of with the time of the report, e.g. --as-of 2026-12-01T00:00Z."
        )
    outages = [Outage(start, end, severity, label) for _, start, end, severity, label in rows]
    if args.month:
        months = sorted(set(args.month))
    elif outages:
        firsts = [o.start.astimezone(tz) for o in outages]
        lasts = [(o.end or args.as_of).astimezone(tz) for o in outages]
        months = _months_between(
            min((t.year, t.month) for t in firsts), max((t.year, t.month) for t in lasts)
        )
    else:
        raise CommandError(
            f"{args.incidents!r} lists no incidents; pass --month (e.g. --month 2026-11) to "
            "report a month without downtime."
        )
    # One call: the library measures each month with only the incidents that reach into it.
    months_done = availability_report(
        outages,
        target,
        [calendar_month(year, number, tz=tz) for year, number in months],
        maintenance=windows,
        maintenance_mode=mode if windows else None,
        credits=schedule,
        fee=args.fee,
        as_of=args.as_of,
    ).rows
    credits_owed = [row.credit for row in months_done]
    total_credit = (
        None
        if not credits_owed or any(c is None for c in credits_owed)
        else sum((c for c in credits_owed if c is not None), Decimal("0.00"))
    )

    if args.json:
        out.write(
            dumps(
                {
                    "tz": str(tz),
                    "target": target,
                    "fee": None if args.fee is None else exact(args.fee),
                    "maintenance": {"windows": len(windows), "mode": mode} if windows else None,
                    "credits": None
                    if schedule is None
                    else [
                        {"below": str(t.below), "credit_percent": exact(t.credit_percent)}
                        for t in schedule.tiers
                    ],
                    "months": [
                        {
                            **_month_json(row.month, row.report),
                            "incidents": row.incidents,
                            "credit_percent": None
                            if row.credit_percent is None
                            else exact(row.credit_percent),
                            "credit": None if row.credit is None else exact(row.credit),
                        }
                        for row in months_done
                    ],
                    "total_credit": None if total_credit is None else exact(total_credit),
                }
            )
        )
        return 0
    head = f"availability per calendar month in {tz}, target {target}"
    if schedule is not None:
        tiers = ", ".join(f"below {t.below}: {t.credit_percent}%" for t in schedule.tiers)
        head += f", credits {tiers}"
    if args.fee is not None:
        head += f", fee {args.fee}"
    if windows:
        how = "counted as up" if mode == "count_as_up" else "excluded"
        head += f", {len(windows)} maintenance window{'s' if len(windows) != 1 else ''} {how}"
    header = ["month", "incidents", "down", "of", "availability", "allowed", "met"]
    if schedule is not None:
        header.append("credit")
    table = []
    for row in months_done:
        r = row.report
        cells = [
            row.month,
            str(row.incidents),
            _human(r.downtime_seconds),
            _human(r.eligible_seconds),
            row.availability.format(4),
            _human(r.allowed_downtime_seconds),
            "yes" if row.met else "no",
        ]
        if schedule is not None:
            cells.append(
                f"{row.credit_percent}%" + ("" if row.credit is None else f" = {row.credit}")
            )
        table.append(cells)
    lines = [head, *_table(header, table)]
    if total_credit is not None and len(months_done) > 1:
        lines.append(f"total credit: {total_credit}")
    _say(out, lines)
    return 0


# -- report -------------------------------------------------------------------------------


def _summary_json(row: Any) -> dict[str, Any]:
    return {
        **{str(k): v for k, v in row.group},
        "metric": row.metric,
        "tickets": row.tickets,
        "cycles": row.cycles,
        "met": row.met,
        "breached": row.breached,
        "pending": row.pending,
        "no_target": row.no_target,
        "share_met": None if row.share_met is None else exact(row.share_met),
        "percent_met": None if row.percent_met is None else exact(row.percent_met),
        **duration_fields("median", row.median),
        **duration_fields("p90", row.p90),
        "penalties": None if row.penalties is None else exact(row.penalties),
    }


def run_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
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
        ...                fee=None, at=None, json=False), buffer, io.StringIO())
        0
        >>> print(buffer.getvalue(), end="")  # doctest: +NORMALIZE_WHITESPACE
        compliance of 2 tickets against 'Website care agreement', by severity
        severity  metric      tickets  met  breached  pending  percent_met  median  p90  penalties
        --------  ----------  -------  ---  --------  -------  -----------  ------  ---  ---------
        high      response    2        1    1         0        50.0%        30m     2h   -
        high      resolution  2        0    0         2        -            -       -    -
    """
    from slacalc.cli._files import read_tickets
    from slacalc.reports import analyze_tickets, compliance_summary

    policy = load_policy(args.policy)
    by = tuple(k.strip() for k in args.by.split(",") if k.strip())
    uptime = policy.uptime
    if uptime is not None and uptime.ticket_penalties and args.fee is None:
        raise CommandError(
            "The policy's ticket penalties are a share of the fee; pass --fee, e.g. "
            "--fee 1500 (the fee per penalty period)."
        )
    events = read_tickets(args.tickets, stderr=err)
    outcomes = analyze_tickets(events, policy, args.at)
    summary = compliance_summary(outcomes, by=by, fee=args.fee)
    count = len({e["ticket_id"] for e in events})
    if args.json:
        out.write(
            dumps(
                {
                    "policy": policy.name,
                    "tickets": count,
                    "at": instant(args.at),
                    "by": list(summary.by),
                    "rows": [_summary_json(r) for r in summary.rows],
                }
            )
        )
        return 0
    grouping = ", ".join(summary.by) or "metric only"
    head = f"compliance of {count} tickets against {policy.name!r}, by {grouping}"
    if args.at is not None:
        head += f", as of {people_time(args.at)}"
    _say(out, [head, *summary.to_text().splitlines()])
    return 0


# -- document -----------------------------------------------------------------------------


def run_document(args: argparse.Namespace, out: TextIO) -> int:
    """``slacalc document sla.toml``: the agreement as Markdown or HTML, English or Danish.

    Examples:
        >>> import io
        >>> buffer = io.StringIO()
        >>> run_document(argparse.Namespace(policy=None, format="markdown", lang="en",
        ...                                 output=None, json=False), buffer)
        0
        >>> buffer.getvalue().splitlines()[0]
        '# Website care agreement'
    """
    from slacalc.document import render_agreement

    policy = load_policy(args.policy)
    text = render_agreement(policy, format=args.format, lang=args.lang)
    if args.output is not None:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"Cannot write {args.output!r}: {exc.strerror or exc}.") from None
    if args.json:
        out.write(
            dumps(
                {
                    "policy": policy.name,
                    "format": args.format,
                    "lang": args.lang,
                    "output": args.output,
                    "text": text,
                }
            )
        )
    elif args.output is None:
        out.write(text)
    return 0


# -- check --------------------------------------------------------------------------------


def run_check(args: argparse.Namespace, out: TextIO) -> int:
    """``slacalc check sla.toml``: every problem of a policy file with its place; exit 1 if any.

    Examples:
        >>> import io, pathlib, tempfile
        >>> buffer = io.StringIO()
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp) / "sla.toml"
        ...     _ = path.write_text('[support]\\nhours = "Mon-Fri 09:00-17:00"\\n'
        ...                         'tz = "Europe/Kobenhavn"\\n'
        ...                         '[[severities]]\\nname = "high"\\nresponse = "4 hours"\\n'
        ...                         '[[severities]]\\nname = "low"\\nresponse = "2h"\\n',
        ...                         encoding="utf-8")
        ...     run_check(argparse.Namespace(policy=str(path), json=False), buffer)
        ...     text = buffer.getvalue().replace(str(path), "sla.toml")
        1
        >>> print(text, end="")  # doctest: +ELLIPSIS
        sla.toml: support.tz: Unknown time zone 'Europe/Kobenhavn'; pass an IANA name ...
        sla.toml: severities[0].response: '4 hours' is not a duration; write '4h'.
        sla.toml: 2 problems
    """
    from slacalc.policy import SLAPolicy

    try:
        policy = SLAPolicy.from_file(args.policy)
    except PolicyValidationError as exc:
        problems = exc.problems or (("", str(exc)),)
        if args.json:
            out.write(
                dumps(
                    {
                        "file": args.policy,
                        "valid": False,
                        "problems": [{"path": p, "message": m} for p, m in problems],
                    }
                )
            )
            return 1
        lines = [f"{args.policy}: {p}: {m}" if p else f"{args.policy}: {m}" for p, m in problems]
        count = len(problems)
        _say(out, [*lines, f"{args.policy}: {count} problem{'s' if count != 1 else ''}"])
        return 1
    if args.json:
        out.write(
            dumps(
                {
                    "file": args.policy,
                    "valid": True,
                    "problems": [],
                    "policy": policy.name,
                    "severities": list(policy.severity_names),
                }
            )
        )
        return 0
    support = policy.support
    _say(
        out,
        f"{args.policy}: valid: {policy.name!r}, {len(policy.severities)} severities "
        f"({', '.join(policy.severity_names)}), support {support.hours} in {support.tz}",
    )
    return 0
