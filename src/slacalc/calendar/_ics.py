"""Closures to and from iCalendar (.ics) files, with the optional ``icalendar`` package.

Import reads all-day events as closed dates (a multi-day event closes each of its
dates) and a yearly all-day event as a recurring closing rule; export writes one
all-day event for each date in a range on which the calendar's week would open but the
calendar is closed (a holiday, a closing rule or override). Half days are special hours,
not closures: they are neither read nor written.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from slacalc._frozen import FrozenDict
from slacalc._time import date_from
from slacalc.calendar._engine import WeeklySource
from slacalc.calendar._hours import DAY_NAMES
from slacalc.errors import InvalidDateError

if TYPE_CHECKING:
    from slacalc.calendar._calendar import BusinessCalendar

__all__ = ["IcsClosures", "closures_from_ics", "closures_to_ics"]

_ONE_DAY = dt.timedelta(days=1)
_BYDAY = {name[:2].upper(): i for i, name in enumerate(DAY_NAMES)}
_NTH = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th", -1: "last"}
_MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _icalendar() -> Any:
    """The ``icalendar`` module, or an error that names the extra to install."""
    try:
        import icalendar
    except ImportError:
        raise ModuleNotFoundError(
            "Reading and writing iCalendar files needs the icalendar package, which is not "
            "installed; run pip install icalendar (or install slacalc with its ics extra)."
        ) from None
    return icalendar


class IcsClosures(NamedTuple):
    """The closures read from an iCalendar file, ready for a calendar's arguments.

    Attributes:
        days: closed dates -> the events' summaries; pass as ``holidays=`` (alone or in
            a list with a country code).
        recurring: yearly closing rules (``'12-24'``, ``'last Fri of Nov'``) ->
            ``'closed'``; pass as ``recurring=``.

    Examples:
        >>> import datetime as dt
        >>> closed = IcsClosures({dt.date(2026, 8, 14): "Summer party"}, {"12-24": "closed"})
        >>> closed.days[dt.date(2026, 8, 14)], dict(closed.recurring)
        ('Summer party', {'12-24': 'closed'})
    """

    days: Mapping[dt.date, str]
    recurring: Mapping[str, str]


def _read_bytes(source: str | os.PathLike[str] | bytes) -> bytes:
    if isinstance(source, bytes):
        return source
    if isinstance(source, str) and source.lstrip().upper().startswith("BEGIN:VCALENDAR"):
        return source.encode("utf-8")
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if not os.path.isfile(path):
            raise InvalidDateError(
                f"iCalendar file {path!r} does not exist; pass the path of an .ics file, "
                "its text or its bytes."
            )
        with open(path, "rb") as file:
            return file.read()
    raise InvalidDateError(
        f"iCalendar source {source!r} is not readable; pass the path of an .ics file, its "
        "text or its bytes."
    )


def _yearly_rule(rrule: Any, start: dt.date, name: str) -> str:
    """The slacalc rule of a yearly all-day event, or an error for any other recurrence."""
    text = rrule.to_ical().decode() if hasattr(rrule, "to_ical") else str(rrule)
    freq = [str(f).upper() for f in rrule.get("FREQ", [])]
    allowed = {"FREQ", "INTERVAL", "BYMONTH", "BYMONTHDAY", "BYDAY"}
    if (
        freq != ["YEARLY"]
        or set(rrule) - allowed
        or [int(i) for i in rrule.get("INTERVAL", [1])] != [1]
    ):
        raise InvalidDateError(
            f"Event {name!r} repeats as {text!r}; only a yearly all-day event without an end "
            "(FREQ=YEARLY, optionally BYMONTH with BYDAY=-1FR or BYMONTHDAY) becomes a rule; "
            "list its dates as separate events or write the rule with recurring=."
        )
    months = [int(m) for m in rrule.get("BYMONTH", [start.month])]
    byday = [str(d).upper() for d in rrule.get("BYDAY", [])]
    monthdays = [int(d) for d in rrule.get("BYMONTHDAY", [start.day])]
    if len(months) != 1 or len(byday) > 1 or len(monthdays) != 1:
        raise InvalidDateError(
            f"Event {name!r} repeats as {text!r}, on several dates a year; give one month "
            "and one day (or weekday) per event."
        )
    if not byday:
        return f"{months[0]:02d}-{monthdays[0]:02d}"
    code = byday[0]
    weekday = _BYDAY.get(code[-2:])
    nth = int(code[:-2] or 0) if code[:-2].lstrip("+-").isdigit() else 0
    if weekday is None or nth not in _NTH:
        raise InvalidDateError(
            f"Event {name!r} repeats on {code!r} in {text!r}; give a weekday with its place "
            "in the month, e.g. BYDAY=-1FR (the last Friday) or BYDAY=2MO."
        )
    return f"{_NTH[nth]} {DAY_NAMES[weekday].title()} of {_MONTHS[months[0]]}"


def closures_from_ics(source: str | os.PathLike[str] | bytes) -> IcsClosures:
    """Read the closed days of an iCalendar (.ics) file, e.g. an agency's closing days.

    Every all-day event closes its dates (``DTEND`` is exclusive, as RFC 5545 says); a
    yearly all-day event (``RRULE:FREQ=YEARLY``, optionally with ``BYMONTH`` and
    ``BYDAY=-1FR`` or ``BYMONTHDAY``) becomes a closing rule for every year. Cancelled
    events are skipped. Needs ``pip install icalendar`` (or the ``ics`` extra).

    Args:
        source: the path of an .ics file, its text, or its bytes.

    Returns:
        The closed dates and rules, to pass as ``holidays=`` and ``recurring=``.

    Raises:
        InvalidDateError: the file is missing or not iCalendar, an event has a time of
            day (a timed event is not a closed day), or it repeats in a way other than
            yearly.
        ModuleNotFoundError: the ``icalendar`` package is not installed.

    Examples:
        >>> import datetime as dt
        >>> from slacalc import BusinessCalendar
        >>> text = '''BEGIN:VCALENDAR
        ... VERSION:2.0
        ... PRODID:-//Agency//Closures//EN
        ... BEGIN:VEVENT
        ... UID:summer@agency
        ... DTSTART;VALUE=DATE:20260814
        ... SUMMARY:Summer party
        ... END:VEVENT
        ... BEGIN:VEVENT
        ... UID:eve@agency
        ... DTSTART;VALUE=DATE:20261224
        ... RRULE:FREQ=YEARLY
        ... SUMMARY:Christmas Eve
        ... END:VEVENT
        ... END:VCALENDAR
        ... '''
        >>> closed = closures_from_ics(text)
        >>> dict(closed.days), dict(closed.recurring)
        ({datetime.date(2026, 8, 14): 'Summer party'}, {'12-24': 'closed'})
        >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen",
        ...                        holidays=["DK", closed.days], recurring=closed.recurring)
        >>> cal.is_open(dt.datetime(2027, 12, 24, 10, tzinfo=cal.tz))
        False
    """
    icalendar = _icalendar()
    data = _read_bytes(source)
    try:
        parsed = icalendar.Calendar.from_ical(data)
    except ValueError as exc:
        raise InvalidDateError(
            f"The iCalendar data is not readable ({exc}); pass a file that starts with "
            "BEGIN:VCALENDAR."
        ) from None
    days: dict[dt.date, str] = {}
    rules: dict[str, str] = {}
    for event in parsed.walk("VEVENT"):
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        name = str(event.get("SUMMARY", "closed"))
        if "DTSTART" not in event:
            raise InvalidDateError(f"Event {name!r} has no DTSTART; give it the date it closes.")
        start = event.decoded("DTSTART")
        if isinstance(start, dt.datetime):
            raise InvalidDateError(
                f"Event {name!r} starts at a time of day ({start.isoformat()}); only all-day "
                "events are closed days. Make it an all-day event, or give special hours "
                "with overrides= or recurring=."
            )
        if "DTEND" in event:
            end = event.decoded("DTEND")
        elif "DURATION" in event:
            end = start + event.decoded("DURATION")
        else:
            end = start + _ONE_DAY
        if isinstance(end, dt.datetime):
            end = end.date()
        if end <= start:
            end = start + _ONE_DAY  # RFC 5545: an all-day event without length is one day
        rrule = event.get("RRULE")
        if rrule is not None:
            if end - start != _ONE_DAY:
                raise InvalidDateError(
                    f"Event {name!r} repeats and lasts {(end - start).days} days; give each "
                    "repeating closed day its own event."
                )
            rules.setdefault(_yearly_rule(rrule, start, name), "closed")
            continue
        day = start
        while day < end:
            days[day] = f"{days[day]}; {name}" if day in days and name not in days[day] else name
            day += _ONE_DAY
    return IcsClosures(FrozenDict(sorted(days.items())), FrozenDict(rules))


def closures_to_ics(
    calendar: BusinessCalendar,
    start: dt.date | str,
    end: dt.date | str,
    *,
    stamp: dt.datetime | None = None,
) -> bytes:
    """Write a calendar's closed days in ``[start, end)`` as an iCalendar (.ics) file.

    A closed day is a date on which the weekly (or seasonal) hours would open but the
    calendar is closed: a holiday, a closing rule or a closing override. Each becomes an
    all-day event named after its holidays (``'Closed'`` otherwise), so that a
    colleague's calendar app shows them. Needs ``pip install icalendar`` (or the ``ics`` extra).

    Args:
        calendar: a calendar built from hours (not a union or intersection).
        start: the first date, a ``datetime.date`` or ISO string.
        end: the day after the last date.
        stamp: the ``DTSTAMP`` of the events (RFC 5545 requires one); midnight UTC of
            ``start`` unless given, so the same calendar always gives the same bytes.

    Returns:
        The file's bytes, e.g. for ``Path('closures.ics').write_bytes(...)``.

    Raises:
        InvalidDateError: a date cannot be read, or ``end`` is before ``start``.
        ModuleNotFoundError: the ``icalendar`` package is not installed.

    Examples:
        >>> from slacalc import BusinessCalendar
        >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen",
        ...                        holidays="DK", recurring={"12-24": "closed", "12-31": "closed"})
        >>> data = closures_to_ics(cal, "2026-12-01", "2027-01-01")
        >>> sorted(closures_from_ics(data).days.items())  # doctest: +NORMALIZE_WHITESPACE
        [(datetime.date(2026, 12, 24), 'Closed'), (datetime.date(2026, 12, 25), 'Juledag'),
         (datetime.date(2026, 12, 31), 'Closed')]
    """
    icalendar = _icalendar()
    first = date_from(start, what="start date")
    last = date_from(end, what="end date")
    if last < first:
        raise InvalidDateError(
            f"The end date {last.isoformat()!r} is before the start {first.isoformat()!r}; "
            "give an end after the start."
        )
    source = calendar._source
    if not isinstance(source, WeeklySource):
        raise InvalidDateError(
            f"{calendar!r} is a union or intersection, whose closed days are not its own; "
            "export the closures of each calendar it is made of."
        )
    out = icalendar.Calendar()
    out.add("PRODID", "-//slacalc//closures//EN")
    out.add("VERSION", "2.0")
    when = stamp or dt.datetime(first.year, first.month, first.day, tzinfo=dt.UTC)
    day = first
    while day < last:
        week = source.week
        if source.seasons is not None:
            week = source.seasons.week(day) or week
        if week[day.weekday()] and not source.day_hours(day):
            names = calendar.holiday_names(day)
            event = icalendar.Event()
            event.add("UID", f"{day.isoformat()}-closed@slacalc")
            event.add("DTSTAMP", when)
            event.add("DTSTART", day)
            event.add("DTEND", day + _ONE_DAY)
            event.add("SUMMARY", "; ".join(names) if names else "Closed")
            event.add("TRANSP", "TRANSPARENT")
            out.add_component(event)
        day += _ONE_DAY
    data: bytes = out.to_ical()
    return data
