"""The demo behind ``python -m slacalc`` and ``slacalc demo``: the built-in default SLA at work.

:func:`tour` computes every number of the demo once, as library values (a
:class:`Tour`); :func:`print_tour` writes the text for people, and the command line
turns the same values into JSON (``slacalc demo --json``). Nothing here reads the
clock: the sample ticket is fixed, and the month is September 2026 of the shipped example
data (:mod:`slacalc.datasets`), read as plain records so the demo needs no pandas.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from slacalc._present.formats import DurationStyle
    from slacalc.calendar import BusinessCalendar
    from slacalc.policy import Acknowledgement, SLAPolicy
    from slacalc.reports import MonthlyAvailability
    from slacalc.timers import Deadlines, TicketStatus
    from slacalc.uptime import AvailabilityReport, CalendarPeriod, DowntimeTable

__all__ = ["Tour", "main", "print_tour", "tour"]


@dataclass(frozen=True, slots=True)
class Tour:
    """Every value the demo shows, computed by the library on the built-in default policy.

    Attributes:
        policy: :func:`slacalc.default_policy`.
        support: the policy's support calendar.
        opened: when the sample 'high' ticket was opened (Fri 27 Nov 2026 17:30).
        deadlines: its response and resolution deadlines.
        events: the ticket's events (mappings with ``kind``, ``at``, ``severity``).
        at: the instant the ticket is evaluated at.
        status: the ticket's clocks at ``at``.
        received: when the out-of-hours request arrived (Fri 23:10).
        replies: the 'high' auto-replies, English and Danish.
        critical: the 'critical' auto-reply to the same request.
        target: the uptime target.
        table: the allowed-downtime table for ``target``.
        month: September 2026 in the support hours' zone.
        incidents: the example incidents that reach into the month (records with
            ``incident_id``, ``start``, ``end``, ``severity``, ``label``).
        maintenance: the example maintenance windows in the month (``start``, ``end``,
            ``label``), counted as the policy's ``uptime.maintenance.mode`` says.
        row: the month's row of :func:`slacalc.reports.availability_report`.
        report: the month's measured availability (``row.report``).
        fee: the monthly fee (EUR, :data:`slacalc.datasets.MONTHLY_FEE`).
        credit_percent: the service credit in percent of the fee.
        credit: the service credit (EUR).

    Examples:
        >>> t = tour()
        >>> t.deadlines.response.isoformat(), t.credit
        ('2026-11-30T09:30:00+01:00', Decimal('150.00'))
    """

    policy: SLAPolicy
    support: BusinessCalendar
    opened: dt.datetime
    deadlines: Deadlines
    events: tuple[dict[str, Any], ...]
    at: dt.datetime
    status: TicketStatus
    received: dt.datetime
    replies: tuple[Acknowledgement, ...]
    critical: Acknowledgement
    target: str
    table: DowntimeTable
    month: CalendarPeriod
    incidents: tuple[dict[str, Any], ...]
    maintenance: tuple[dict[str, Any], ...]
    row: MonthlyAvailability
    report: AvailabilityReport
    fee: Decimal
    credit_percent: Decimal
    credit: Decimal


def tour() -> Tour:
    """Compute the demo on the built-in default policy (the same values every time).

    Returns:
        A :class:`Tour`.

    Examples:
        >>> t = tour()
        >>> t.report.availability.format(4), t.report.target_met
        ('99.3951%', False)
    """
    from slacalc import CreditSchedule, calendar_month, datasets, default_policy, downtime_table
    from slacalc.reports import availability_report

    policy = default_policy()
    support = policy.calendar()
    tz = support.tz
    opened = dt.datetime(2026, 11, 27, 17, 30, tzinfo=tz)
    events = (
        {"kind": "opened", "at": opened, "severity": "high"},
        {"kind": "responded", "at": dt.datetime(2026, 11, 30, 9, 20, tzinfo=tz)},
        {"kind": "paused", "at": dt.datetime(2026, 11, 30, 10, 0, tzinfo=tz)},
        {"kind": "resumed", "at": dt.datetime(2026, 12, 1, 9, 0, tzinfo=tz)},
    )
    at = dt.datetime(2026, 12, 1, 12, 0, tzinfo=tz)
    received = dt.datetime(2026, 11, 27, 23, 10, tzinfo=tz)
    uptime = policy.uptime
    target = uptime.target if uptime else "99.9%"
    # The month of the example year with the worst availability: an unplanned outage on a
    # Sunday night, which counts although it falls in the maintenance window, because it
    # was not announced maintenance.
    month = calendar_month(2026, 9, tz=str(tz))
    maintenance = tuple(
        m
        for m in datasets.load_maintenance(as_frame=False)
        if m["start"] < month.end and m["end"] > month.start
    )
    mode = uptime.maintenance.mode if uptime and uptime.maintenance else "count_as_up"
    fee = datasets.MONTHLY_FEE
    terms = policy.to_agreement().uptime
    schedule = terms.credits if terms and terms.credits else CreditSchedule([])
    (row,) = availability_report(
        datasets.load_incidents(as_frame=False),
        target,
        [month],
        maintenance=maintenance,
        maintenance_mode=mode,
        credits=schedule,
        fee=fee,
    ).rows
    incidents = tuple(
        i
        for i in datasets.load_incidents(as_frame=False)
        if i["start"] < month.end and i["end"] > month.start
    )
    return Tour(
        policy=policy,
        support=support,
        opened=opened,
        deadlines=policy.deadlines("high", opened),
        events=events,
        at=at,
        status=policy.evaluate(events, at=at),
        received=received,
        replies=tuple(policy.acknowledge("high", received, locale=x) for x in ("en", "da")),
        critical=policy.acknowledge("critical", received),
        target=target,
        table=downtime_table(target),
        month=month,
        incidents=incidents,
        maintenance=maintenance,
        row=row,
        report=row.report,
        fee=fee,
        credit_percent=schedule.credit_percent(row.report),
        credit=schedule.credit(row.report, fee=fee),
    )


def _when(t: dt.datetime | None) -> str:
    return "-" if t is None else t.strftime("%a %d %b %Y %H:%M")


def _clock(t: dt.datetime) -> str:
    return f"{t:%H:%M:%S}" if t.second else f"{t:%H:%M}"


def _span(start: dt.datetime, end: dt.datetime) -> str:
    return f"{start:%a %d %b} {_clock(start)}-{_clock(end)}"


def _hours(td: dt.timedelta | None, style: DurationStyle = "human") -> str:
    from slacalc import format_duration

    return "-" if td is None else format_duration(td, style)


def print_tour(t: Tour, out: TextIO) -> None:
    """Write the demo's text for people to ``out``.

    Args:
        t: the values, from :func:`tour`.
        out: a text stream, e.g. ``sys.stdout``.

    Examples:
        >>> import io
        >>> buffer = io.StringIO()
        >>> print_tour(tour(), buffer)
        >>> buffer.getvalue().splitlines()[1]
        'Support hours: Mon-Fri 09:00-18:00, Europe/Copenhagen, Danish public holidays closed'
    """

    def say(text: str = "") -> None:
        print(text, file=out)

    policy = t.policy
    say("slacalc demo: the built-in website-care SLA (slacalc.default_policy())")
    say(f"Support hours: {t.support.hours}, {t.support.tz}, Danish public holidays closed")
    say()
    say(f"{'severity':<10}{'respond':>16}{'resolve':>9}  clock")
    for name in policy.to_agreement().rules.names:
        sev = policy.severity(name)
        say(f"{name:<10}{sev.response:>16}{sev.resolution or 'queue':>9}  {sev.calendar}")

    say()
    say(f"1. A 'high' ticket opened {_when(t.opened)} (30 min before closing):")
    d = t.deadlines
    say(f"   respond by {_when(d.response)}, resolve by {_when(d.resolution)}")
    say("   replied Mon 09:20, waited on the customer Mon 10:00 to Tue 09:00;")
    say(f"   status at {_when(t.at)}:")
    for metric in (t.status.response, t.status.resolution):
        verdict = "BREACHED" if metric.breached else metric.phase
        say(
            f"   - {metric.metric:<10} {verdict:<8} used {_hours(metric.elapsed, 'hours')} of "
            f"{_hours(metric.target, 'hours')} business time, due {_when(metric.due)}"
        )

    say()
    say("2. The out-of-hours auto-reply to a 'high' request:")
    for reply in t.replies:
        say(f"   [{reply.locale}] {reply.text}")
    say(f"   a 'critical' request is answered around the clock: by {_when(t.critical.respond_by)}")

    say()
    say(f"3. What {t.target} uptime allows:")
    for line in str(t.table).splitlines()[1:]:
        say(f"   {line}")

    say()
    r = t.report
    say(
        f"4. {t.month.start:%B %Y} in the example data (slacalc.datasets), monthly fee {t.fee} EUR:"
    )
    for i in t.incidents:
        say(
            f"   {i['incident_id']}  {_span(i['start'], i['end'])}  {i['severity']:<8} {i['label']}"
        )
    counts = "counts as up" if t.report.maintenance_mode == "count_as_up" else "left out"
    for m in t.maintenance:
        say(f"   maintenance   {_span(m['start'], m['end'])}  planned  {m['label']} ({counts})")
    say(
        f"   down {_hours(r.downtime)} of {r.eligible_time.days} days -> "
        f"availability {r.availability.format(4)}, allowed {_hours(r.allowed_downtime)}"
    )
    say(f"   target met: {r.target_met}; service credit {t.credit_percent}% = {t.credit} EUR")


def main(out: TextIO | None = None) -> int:
    """Print a tour of the built-in website-care SLA; returns the exit code.

    Args:
        out: where to write; ``sys.stdout`` when ``None``.

    Examples:
        >>> main()  # doctest: +ELLIPSIS
        slacalc demo: the built-in website-care SLA (slacalc.default_policy())
        ...
        0
    """
    print_tour(tour(), sys.stdout if out is None else out)
    return 0
