"""Reading weekly business hours: the string form, the mapping form and one day's hours.

A day's hours compile to a tuple of ``(start, end)`` pairs in seconds after local
midnight, sorted, with ``0 <= start < 86400`` and ``start < end <= start + 86400``.
An end past 86400 is a night shift that ends on the next date (``24:00`` is exactly
86400). Intervals of one day may touch but not overlap. An interval that starts and
ends at the same time (``'09:00-09:00'``) is refused as ambiguous; a 24-hour shift is
written with the next-day mark, ``'09:00-09:00+1'``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping

from slacalc._intervals import Intervals
from slacalc._validate import check_length, shown
from slacalc.errors import InvalidHoursError

__all__ = ["DayHours", "WeeklyHours", "format_day", "parse_day", "parse_weekly"]

DayHours = tuple[tuple[int, int], ...]
WeeklyHours = tuple[DayHours, DayHours, DayHours, DayHours, DayHours, DayHours, DayHours]

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_ALIASES = {
    **{name: i for i, name in enumerate(DAY_NAMES)},
    **{
        name: i
        for i, name in enumerate(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        )
    },
    "tues": 1,
    "wednes": 2,
    "thur": 3,
    "thurs": 3,
}
_CLOSED = {"closed", "off", "none"}
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
_DASHES = re.compile(r"\s*[-–—]\s*")  # hyphen, en dash, em dash
_NEXT_DAY = re.compile(r"\s*\+\s*1\s*$")  # '09:00-09:00+1': the end is on the next date
DAY_SECONDS = 86_400
_CLAUSE = re.compile(r"([^\d]*?)\s+(\d.*|(?i:closed|off))")


def _parse_time(text: str, *, source: object, is_end: bool) -> int:
    m = _TIME.fullmatch(text.strip())
    if m is None:
        raise InvalidHoursError(
            f"Time {text.strip()!r} in {source!r} is not of the form 'HH:MM' or 'HH:MM:SS'; "
            "write e.g. '09:00' or '17:30'."
        )
    hours, minutes, seconds = int(m[1]), int(m[2]), int(m[3] or 0)
    total = hours * 3600 + minutes * 60 + seconds
    if minutes > 59 or seconds > 59 or total > DAY_SECONDS or (total == DAY_SECONDS and not is_end):
        allowed = "'00:00' to '24:00'" if is_end else "'00:00' to '23:59:59'"
        raise InvalidHoursError(
            f"Time {text.strip()!r} in {source!r} is not a time of day; use {allowed}."
        )
    return total


def _parse_interval(text: str, *, source: object) -> tuple[int, int]:
    parts = _DASHES.split(text.strip())
    if len(parts) != 2 or not parts[0] or not parts[1]:
        raise InvalidHoursError(
            f"Interval {text.strip()!r} in {source!r} is not of the form 'HH:MM-HH:MM'; "
            "write e.g. '09:00-17:00'."
        )
    end_text, marked = _NEXT_DAY.subn("", parts[1])
    start = _parse_time(parts[0], source=source, is_end=False)
    end = _parse_time(end_text, source=source, is_end=not marked)
    if marked:
        if end > start:
            raise InvalidHoursError(
                f"Interval {text.strip()!r} in {source!r} lasts more than 24 hours; a shift "
                "ends at most 24 hours after it starts: write an end on the next day no "
                f"later than its start, e.g. '{format_time(start)}-{format_time(start)}+1'."
            )
        end += DAY_SECONDS
    elif end == start:
        clock = format_time(start)
        raise InvalidHoursError(
            f"Interval {text.strip()!r} in {source!r} starts and ends at {clock}, which is "
            f"ambiguous; write '{clock}-{clock}+1' for a 24-hour shift to {clock} the "
            "next day, '00:00-24:00' for a whole day, or an end different from the start."
        )
    elif end < start:  # a night shift: it ends on the next date
        end += DAY_SECONDS
    return start, end


def format_time(seconds: int) -> str:
    """``'HH:MM'`` (or ``'HH:MM:SS'``) of seconds after midnight, modulo one day."""
    if seconds == DAY_SECONDS:
        return "24:00"
    seconds %= DAY_SECONDS
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h:02d}:{m:02d}" + (f":{s:02d}" if s else "")


def format_day(hours: DayHours) -> str:
    """The string form of one day's hours, e.g. ``'09:00-12:00,13:00-17:00'``."""
    if not hours:
        return "closed"
    return ",".join(f"{format_time(s)}-{_format_end(s, e)}" for s, e in hours)


def _format_end(start: int, end: int) -> str:
    """An interval's end as written: ``'24:00'``, ``'06:00'``, or ``'09:00+1'`` (24 hours)."""
    if end == DAY_SECONDS:
        return "24:00"
    return format_time(end) + ("+1" if end == start + DAY_SECONDS else "")


def _check_day(intervals: Iterable[tuple[int, int]], *, day: str, source: object) -> DayHours:
    ordered = tuple(sorted(intervals))
    for (s1, e1), (s2, e2) in itertools.pairwise(ordered):
        if s2 < e1:
            raise InvalidHoursError(
                f"Business hours for {day!r} overlap ({format_day(((s1, e1),))!r} and "
                f"{format_day(((s2, e2),))!r} in {source!r}); give intervals of one day "
                "that do not overlap."
            )
    return tuple(Intervals(ordered))  # touching ones (09:00-12:00,12:00-17:00) become one


def _intervals_of(value: object, *, source: object) -> list[tuple[int, int]]:
    """The intervals of one day's value: a string, a list of strings, or 'closed'/[]."""
    if isinstance(value, str):
        text = check_length(value, what="one day's hours", error=InvalidHoursError).strip()
        if text.lower() in _CLOSED:
            return []
        if not text:
            raise InvalidHoursError(
                f"Empty hours in {source!r}; write intervals such as '09:00-17:00' or 'closed'."
            )
        return [_parse_interval(part, source=source) for part in text.split(",")]
    if isinstance(value, (list, tuple)):
        out: list[tuple[int, int]] = []
        for item in value:
            if not isinstance(item, str):
                raise InvalidHoursError(
                    f"Interval {item!r} in {source!r} is not a string; write e.g. '09:00-17:00'."
                )
            out.extend(_intervals_of(item, source=source))
        return out
    raise InvalidHoursError(
        f"Hours {shown(value)} for {shown(source)} are not readable; give a string such as "
        "'09:00-17:00', a list such as ['09:00-12:00', '13:00-17:00'], or 'closed'."
    )


def parse_day(value: object, *, source: object) -> DayHours:
    """One day's hours (an override or one entry of the mapping form)."""
    return _check_day(_intervals_of(value, source=source), day=str(source), source=source)


def _parse_days(text: str, *, source: str) -> list[int]:
    check_length(text, what="weekdays", error=InvalidHoursError)
    days: list[int] = []
    for part in text.split(","):
        bounds = _DASHES.split(part.strip())
        if len(bounds) > 2 or not all(bounds):
            raise InvalidHoursError(
                f"Days {part.strip()!r} in {source!r} are not a weekday or a range; "
                "write e.g. 'Mon-Fri' or 'Sat,Sun'."
            )
        idx = []
        for b in bounds:
            key = b.strip().lower().rstrip(".")
            if key not in _DAY_ALIASES:
                raise InvalidHoursError(
                    f"Unknown weekday {b.strip()!r} in {source!r}; use Mon, Tue, Wed, Thu, Fri, "
                    "Sat or Sun (or full names)."
                )
            idx.append(_DAY_ALIASES[key])
        if len(idx) == 1:
            days.append(idx[0])
        else:  # a range, wrapping past Sunday when needed (Fri-Mon)
            first, last = idx
            days.extend((first + k) % 7 for k in range((last - first) % 7 + 1))
    return days


def parse_weekly(spec: object) -> WeeklyHours:
    """Weekly hours from the string form or the mapping form.

    String form: clauses separated by ``;``, each ``<days> <intervals>`` where days are
    a weekday, a range (``Mon-Fri``) or a list (``Sat,Sun``) and intervals are
    comma-separated ``HH:MM-HH:MM`` (or ``closed``); the whole string may be ``24/7``.
    Mapping form: weekday (or range) -> a string, a list of strings, or ``'closed'``/[].
    """
    per_day: list[list[tuple[int, int]]] = [[] for _ in range(7)]
    if isinstance(spec, str):
        text = check_length(spec, what="weekly hours", error=InvalidHoursError, limit=1000)
        text = text.strip()
        if text.lower() in {"24/7", "24x7"}:
            return (((0, DAY_SECONDS),),) * 7
        if text.lower() in _CLOSED or not text:
            return ((),) * 7
        for clause in text.split(";"):
            clause = clause.strip()
            if not clause:
                continue
            m = _CLAUSE.fullmatch(clause)
            if m is None:
                raise InvalidHoursError(
                    f"Clause {clause!r} in {spec!r} is not '<days> <hours>'; write e.g. "
                    "'Mon-Fri 09:00-17:00' or 'Sat 10:00-14:00'."
                )
            intervals = _intervals_of(m[2], source=spec)
            for day in _parse_days(m[1], source=spec):
                per_day[day].extend(intervals)
    elif isinstance(spec, Mapping):
        for key, value in spec.items():
            if not isinstance(key, str):
                raise InvalidHoursError(
                    f"Weekday key {key!r} is not a string; use 'mon' ... 'sun' or a range "
                    "such as 'mon-fri'."
                )
            intervals = _intervals_of(value, source=key)
            for day in _parse_days(key, source=key):
                per_day[day].extend(intervals)
    else:
        raise InvalidHoursError(
            f"Business hours {shown(spec)} are neither a string nor a mapping; pass e.g. "
            "'Mon-Fri 09:00-17:00' or {'mon': ['09:00-12:00', '13:00-17:00']}."
        )
    return tuple(  # type: ignore[return-value]
        _check_day(per_day[i], day=DAY_NAMES[i], source=spec) for i in range(7)
    )


def format_weekly(week: WeeklyHours) -> str:
    """The canonical string form of weekly hours, grouping equal consecutive days."""
    if all(day == ((0, DAY_SECONDS),) for day in week):
        return "24/7"
    clauses: list[str] = []
    i = 0
    while i < 7:
        j = i
        while j + 1 < 7 and week[j + 1] == week[i]:
            j += 1
        if week[i]:
            names = DAY_NAMES[i].title() + (f"-{DAY_NAMES[j].title()}" if j > i else "")
            clauses.append(f"{names} {format_day(week[i])}")
        i = j + 1
    return "; ".join(clauses) if clauses else "closed"
