"""The demo behind ``python -m slacalc`` (``make demo``): the built-in default SLA at work."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

__all__ = ["main"]


def _when(t: dt.datetime | None) -> str:
    return "-" if t is None else t.strftime("%a %d %b %Y %H:%M")


def _hours(td: dt.timedelta | None) -> str:
    from slacalc import format_duration

    return "-" if td is None else format_duration(td)


def main() -> int:
    """Print a tour of the built-in website-care SLA; returns the exit code.

    Example:
        >>> main()  # doctest: +ELLIPSIS
        slacalc demo: the built-in website-care SLA (slacalc.default_policy())
        ...
        0
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
    print("slacalc demo: the built-in website-care SLA (slacalc.default_policy())")
    print(f"Support hours: {support.hours}, {tz}, Danish public holidays closed")
    print()
    print(f"{'severity':<10}{'respond':>16}{'resolve':>9}  clock")
    for name in policy.severity_names:
        sev = policy.severity(name)
        print(f"{name:<10}{sev.response:>16}{sev.resolution or 'queue':>9}  {sev.calendar}")

    print()
    opened = dt.datetime(2026, 11, 27, 17, 30, tzinfo=tz)
    print(f"1. A 'high' ticket opened {_when(opened)} (30 min before closing):")
    deadlines = policy.deadlines("high", opened)
    print(f"   respond by {_when(deadlines.response)}, resolve by {_when(deadlines.resolution)}")
    events = [
        {"kind": "opened", "at": opened, "severity": "high"},
        {"kind": "responded", "at": dt.datetime(2026, 11, 30, 9, 20, tzinfo=tz)},
        {"kind": "paused", "at": dt.datetime(2026, 11, 30, 10, 0, tzinfo=tz)},
        {"kind": "resumed", "at": dt.datetime(2026, 12, 1, 9, 0, tzinfo=tz)},
    ]
    at = dt.datetime(2026, 12, 1, 12, 0, tzinfo=tz)
    status = policy.evaluate(events, at=at)
    print("   replied Mon 09:20, waited on the customer Mon 10:00 to Tue 09:00;")
    print(f"   status at {_when(at)}:")
    for metric in (status.response, status.resolution):
        verdict = "BREACHED" if metric.breached else metric.phase
        print(
            f"   - {metric.metric:<10} {verdict:<8} used {_hours(metric.elapsed)} of "
            f"{_hours(metric.target)} business time, due {_when(metric.due)}"
        )

    print()
    received = dt.datetime(2026, 11, 27, 23, 10, tzinfo=tz)
    print("2. The out-of-hours auto-reply to a 'high' request:")
    for locale in ("en", "da"):
        print(f"   [{locale}] {policy.acknowledge('high', received, locale=locale).text}")
    critical = policy.acknowledge("critical", received)
    print(f"   a 'critical' request is answered around the clock: by {_when(critical.respond_by)}")

    print()
    target = policy.uptime.target if policy.uptime else "99.9%"
    print(f"3. What {target} uptime allows:")
    for line in str(downtime_table(target)).splitlines()[1:]:
        print(f"   {line}")

    print()
    month = calendar_month(2026, 11, tz=str(tz))
    nov = dt.datetime(2026, 11, 1, tzinfo=tz)
    incidents = [  # (day, start, end) in local time; the last two overlap
        (nov.replace(day=day, hour=h1, minute=m1), nov.replace(day=day, hour=h2, minute=m2))
        for day, h1, m1, h2, m2 in ((4, 2, 10, 2, 41), (18, 14, 5, 14, 40), (18, 14, 30, 14, 52))
    ]
    report = measure_availability(incidents, month, target=target)
    fee = Decimal("500.00")
    schedule = policy.uptime.credit_schedule() if policy.uptime else CreditSchedule([])
    print(f"4. November 2026, three incident records (two overlap), monthly fee {fee} EUR:")
    print(
        f"   down {_hours(report.downtime)} of {report.eligible_time.days} days -> "
        f"availability {report.availability.format(4)}, allowed {_hours(report.allowed_downtime)}"
    )
    percent = schedule.credit_percent(report.availability)
    credit = schedule.credit(report.availability, fee=fee)
    print(f"   target met: {report.target_met}; service credit {percent}% = {credit} EUR")
    return 0
