"""The demo behind ``python -m slacalc`` and ``slacalc demo``: the built-in default SLA at work.

:func:`tour` computes every number of the demo once, as library values (a
:class:`Tour`); :func:`print_tour` writes the text for people, and the command line
turns the same values into JSON (``slacalc demo --json``). Nothing here reads the
clock: the sample ticket and the sample month are fixed.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from slacalc.calendar import BusinessCalendar
    from slacalc.policy import Acknowledgement, SLAPolicy
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
        month: November 2026 in the support hours' zone.
        incidents: the sample incident records of that month (two overlap).
        report: the month's measured availability.
        fee: the monthly fee (EUR).
        credit_percent: the service credit in percent of the fee.
        credit: the service credit (EUR).

    Examples:
        >>> t = tour()
        >>> t.deadlines.response.isoformat(), t.credit
        ('2026-11-30T09:30:00+01:00', Decimal('25.00'))
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
    incidents: tuple[tuple[dt.datetime, dt.datetime], ...]
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
        ('99.8194%', False)
    """
    from slacalc import (
        CreditSchedule,
        calendar_month,
        default_policy,
        downtime_table,
        measure_availability,
    )

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
    target = policy.uptime.target if policy.uptime else "99.9%"
    month = calendar_month(2026, 11, tz=str(tz))
    nov = dt.datetime(2026, 11, 1, tzinfo=tz)
    incidents = tuple(  # (day, start, end) in local time; the last two overlap
        (nov.replace(day=day, hour=h1, minute=m1), nov.replace(day=day, hour=h2, minute=m2))
        for day, h1, m1, h2, m2 in ((4, 2, 10, 2, 41), (18, 14, 5, 14, 40), (18, 14, 30, 14, 52))
    )
    report = measure_availability(incidents, month, target=target)
    fee = Decimal("500.00")
    schedule = policy.uptime.credit_schedule() if policy.uptime else CreditSchedule([])
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
        report=report,
        fee=fee,
        credit_percent=schedule.credit_percent(report.availability),
        credit=schedule.credit(report.availability, fee=fee),
    )


def _when(t: dt.datetime | None) -> str:
    return "-" if t is None else t.strftime("%a %d %b %Y %H:%M")


def _hours(td: dt.timedelta | None) -> str:
    from slacalc import format_duration

    return "-" if td is None else format_duration(td)


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
    for name in policy.severity_names:
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
            f"   - {metric.metric:<10} {verdict:<8} used {_hours(metric.elapsed)} of "
            f"{_hours(metric.target)} business time, due {_when(metric.due)}"
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
    say(f"4. November 2026, three incident records (two overlap), monthly fee {t.fee} EUR:")
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
