"""The demo behind ``python -m slacalc`` (``make demo``): the calendar at work."""

from __future__ import annotations

import datetime as dt

from slacalc.calendar import BusinessCalendar

__all__ = ["main"]


def _fmt(t: dt.datetime) -> str:
    return t.strftime("%a %Y-%m-%d %H:%M %Z")


def main() -> int:
    """Print a short tour of a support calendar; returns the exit code.

    Example:
        >>> main()  # doctest: +ELLIPSIS
        Support hours: BusinessCalendar('Mon-Fri 09:00-18:00', tz='Europe/Copenhagen', ...)
        ...
        0
    """
    support = BusinessCalendar("Mon-Fri 09:00-18:00", tz="Europe/Copenhagen", holidays="DK")
    tz = support.tz
    print(f"Support hours: {support!r}")
    print()
    cases = [
        ("Friday evening ticket", dt.datetime(2026, 11, 27, 17, 30, tzinfo=tz), "1h"),
        ("Ticket on Christmas Eve", dt.datetime(2026, 12, 24, 10, 0, tzinfo=tz), "8h"),
        ("Saturday night ticket", dt.datetime(2026, 11, 28, 23, 15, tzinfo=tz), "4h"),
    ]
    for label, opened, target in cases:
        state = "open" if support.is_open(opened) else "closed"
        due = support.add(opened, target)
        print(f"{label}: opened {_fmt(opened)} ({state})")
        print(f"  we reply from {_fmt(support.next_open(opened))}")
        print(f"  {target} business-time target is due {_fmt(due)}")
        print(f"  (the budget runs out at {_fmt(support.exhausted_at(opened, target))})")
    start = dt.datetime(2026, 12, 1, tzinfo=tz)
    end = dt.datetime(2027, 1, 1, tzinfo=tz)
    hours = support.elapsed(start, end) / dt.timedelta(hours=1)
    print()
    print(f"Business hours in December 2026: {hours:g} h")
    names = [support.holiday_names(d)[0] for d in (dt.date(2026, 12, 25), dt.date(2026, 12, 26))]
    print(f"Danish holidays in December 2026: {', '.join(names)}")
    return 0
