"""Recurring special days and seasonal hours: rules that repeat every year.

A *rule* names some dates of every year (``'12-24'``, ``'24 Dec'``, ``'last Fri of
Nov'``, ``'1st Mon'`` for every month) and gives them one day's hours, e.g. a half day.
A *season* names a stretch of every year (``'Apr-Sep'``, ``'06-15..08-15'``) and gives
it its own weekly hours. For one local date the hours are decided in this order:

1. a dated override;
2. a rule, on a date whose weekly (or seasonal) hours open the day: a rule shortens or
   closes a working day but never opens a day the week keeps closed;
3. a holiday, which closes the date;
4. the season's weekly hours, when a season covers the date;
5. the weekly hours.

Rules and seasons that can never match a real date (``'02-30'``, a sixth Monday) are
refused when the calendar is built.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from types import MappingProxyType

from slacalc.calendar._hours import (
    DAY_NAMES,
    DayHours,
    WeeklyHours,
    format_day,
    format_weekly,
    parse_day,
    parse_weekly,
)
from slacalc.errors import InvalidDateError

__all__ = ["Recurring", "Seasons"]

# English names whatever the process locale (the calendar module's follow the locale).
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTHS = {name: i for i, name in enumerate(_MONTH_NAMES, start=1)}
_MONTHS.update({name[:3]: i for i, name in enumerate(_MONTH_NAMES, start=1)})
_MONTHS["sept"] = 9
_ABBR = ("", *(name[:3].title() for name in _MONTH_NAMES))
_LENGTHS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # in a leap year
_WEEKDAYS = {name: i for i, name in enumerate(DAY_NAMES)}
_WEEKDAYS.update(
    {
        name: i
        for i, name in enumerate(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        )
    }
)
_NTH = {
    "1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3,
    "4th": 4, "fourth": 4, "5th": 5, "fifth": 5, "last": -1,
}  # fmt: skip
_NTH_NAMES = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th", -1: "last"}
_MM_DD = re.compile(r"(\d{1,2})-(\d{1,2})")
_DAY_MONTH = re.compile(r"(\d{1,2})\.?\s+([a-z]+)\.?")
_MONTH_DAY = re.compile(r"([a-z]+)\.?\s+(\d{1,2})")
_NTH_RULE = re.compile(r"(\w+)\s+([a-z]+)\.?(?:\s+of\s+(?:every\s+month|([a-z]+)\.?))?")
_RULE_HINT = (
    "write a month and day such as '12-24' or '24 Dec', or a weekday of a month such as "
    "'last Fri of Nov' or '1st Mon' (every month)"
)
_SEASON_HINT = "write months such as 'Apr-Sep' or 'Jul', or days such as '06-15..08-15'"


def _days_in(year: int, month: int) -> int:
    """The number of days of ``month`` in ``year``."""
    if month != 2:
        return _LENGTHS[month]
    return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28


def _month(word: str, *, text: str, what: str, hint: str) -> int:
    month = _MONTHS.get(word.lower())
    if month is None:
        raise InvalidDateError(f"Unknown month {word!r} in {what} {text!r}; {hint}.")
    return month


def _month_day(month: int, day: int, *, text: str, what: str, hint: str) -> tuple[int, int]:
    """``(month, day)`` of a date that occurs at least in leap years, else an error."""
    if not 1 <= month <= 12:
        raise InvalidDateError(f"Month {month} in {what} {text!r} is not 1-12; {hint}.")
    if not 1 <= day <= _LENGTHS[month]:
        raise InvalidDateError(
            f"{what.capitalize()} {text!r} never matches a real date: {_ABBR[month]} has no day "
            f"{day}; {hint}."
        )
    return month, day


class _Rule:
    """One rule: a fixed month and day, or the nth weekday of a month (or of every month)."""

    __slots__ = ("day", "month", "nth", "text", "weekday")

    def __init__(self, text: str) -> None:
        raw = text.strip()
        low = raw.lower()
        self.nth = 0
        self.weekday = 0
        self.month = 0
        self.day = 0
        if m := _MM_DD.fullmatch(low):
            self.month, self.day = _month_day(
                int(m[1]), int(m[2]), text=raw, what="rule", hint=_RULE_HINT
            )
        elif (m := _DAY_MONTH.fullmatch(low)) or (m := _MONTH_DAY.fullmatch(low)):
            number, word = (m[1], m[2]) if m.re is _DAY_MONTH else (m[2], m[1])
            month = _month(word, text=raw, what="rule", hint=_RULE_HINT)
            self.month, self.day = _month_day(
                month, int(number), text=raw, what="rule", hint=_RULE_HINT
            )
        elif m := _NTH_RULE.fullmatch(low):
            if m[1] not in _NTH:
                if m[1].isdigit() or m[1].rstrip("thndsr").isdigit():
                    raise InvalidDateError(
                        f"Rule {raw!r} never matches a real date: a month has at most five of "
                        f"each weekday; use 1st-5th or 'last' ({_RULE_HINT})."
                    )
                raise InvalidDateError(f"Rule {raw!r} is not readable; {_RULE_HINT}.")
            if m[2] not in _WEEKDAYS:
                raise InvalidDateError(
                    f"Unknown weekday {m[2]!r} in rule {raw!r}; use Mon ... Sun ({_RULE_HINT})."
                )
            self.nth = _NTH[m[1]]
            self.weekday = _WEEKDAYS[m[2]]
            if m[3]:
                self.month = _month(m[3], text=raw, what="rule", hint=_RULE_HINT)
        else:
            raise InvalidDateError(f"Rule {raw!r} is not readable; {_RULE_HINT}.")
        self.text = self._canonical()

    def _canonical(self) -> str:
        if self.nth == 0:
            return f"{self.month:02d}-{self.day:02d}"
        of = f" of {_ABBR[self.month]}" if self.month else ""
        return f"{_NTH_NAMES[self.nth]} {DAY_NAMES[self.weekday].title()}{of}"

    def dates(self, year: int) -> list[dt.date]:
        """The dates this rule names in ``year`` (none for 29 February in other years)."""
        if self.nth == 0:
            if self.day > _days_in(year, self.month):
                return []
            return [dt.date(year, self.month, self.day)]
        out: list[dt.date] = []
        for month in (self.month,) if self.month else range(1, 13):
            first = dt.date(year, month, 1)
            length = _days_in(year, month)
            if self.nth > 0:
                day = 1 + (self.weekday - first.weekday()) % 7 + 7 * (self.nth - 1)
            else:
                last = first.replace(day=length)
                day = length - (last.weekday() - self.weekday) % 7
            if day <= length:
                out.append(dt.date(year, month, day))
        return out


class Recurring:
    """Rules giving special hours to dates that recur every year (first listed wins)."""

    __slots__ = ("_cache", "hours", "rules")

    def __init__(self, spec: Mapping[str, object] | None) -> None:
        rules: list[tuple[_Rule, DayHours]] = []
        seen: dict[str, str] = {}
        if spec is not None and not isinstance(spec, Mapping):
            raise InvalidDateError(
                f"Recurring hours {spec!r} are not a mapping; pass e.g. "
                "{'12-24': '09:00-12:00', '12-31': 'closed'}."
            )
        for key, value in (spec or {}).items():
            if not isinstance(key, str):
                raise InvalidDateError(f"Rule {key!r} is not a string; {_RULE_HINT}.")
            rule = _Rule(key)
            if rule.text in seen:
                raise InvalidDateError(
                    f"Rules {seen[rule.text]!r} and {key!r} name the same dates; give one of them."
                )
            seen[rule.text] = key
            rules.append((rule, parse_day(value, source=key)))
        self.rules = tuple(rules)
        self.hours: Mapping[str, DayHours] = MappingProxyType({r.text: h for r, h in rules})
        self._cache: dict[int, dict[dt.date, DayHours]] = {}

    def __reduce__(self) -> tuple[object, ...]:
        return (Recurring, ({text: format_day(h) for text, h in self.hours.items()},))

    def __bool__(self) -> bool:
        return bool(self.rules)

    @property
    def key(self) -> tuple[tuple[str, DayHours], ...]:
        """What makes two rule sets equal."""
        return tuple(self.hours.items())

    def year(self, year: int) -> dict[dt.date, DayHours]:
        """The dates the rules name in ``year`` with their hours, computed once."""
        cached = self._cache.get(year)
        if cached is None:
            cached = {}
            for rule, hours in self.rules:
                for day in rule.dates(year):
                    cached.setdefault(day, hours)
            self._cache[year] = cached
        return cached

    def get(self, day: dt.date) -> DayHours | None:
        """The hours a rule gives ``day``, or None."""
        cached = self._cache.get(day.year)
        return (cached if cached is not None else self.year(day.year)).get(day)


def _season_bound(text: str, *, whole: str, end: bool) -> tuple[int, int]:
    """One end of a season: ``'06-15'`` or a month (its first or last day)."""
    low = text.strip().lower().rstrip(".")
    if m := _MM_DD.fullmatch(low):
        return _month_day(int(m[1]), int(m[2]), text=whole, what="season", hint=_SEASON_HINT)
    month = _month(low, text=whole, what="season", hint=_SEASON_HINT)
    return (month, _LENGTHS[month] if end else 1)


def _parse_season(text: str) -> tuple[tuple[int, int], tuple[int, int]]:
    raw = text.strip()
    low = raw.lower()
    if ".." in low or " to " in low:
        parts = re.split(r"\s*\.\.\s*|\s+to\s+", low)
    elif _MM_DD.fullmatch(low):
        parts = [low, low]
    else:
        parts = re.split(r"\s*[-–—]\s*", low)
    if len(parts) == 1:
        parts = [parts[0], parts[0]]
    if len(parts) != 2 or not all(parts):
        raise InvalidDateError(f"Season {raw!r} is not readable; {_SEASON_HINT}.")
    return (
        _season_bound(parts[0], whole=raw, end=False),
        _season_bound(parts[1], whole=raw, end=True),
    )


def _season_text(first: tuple[int, int], last: tuple[int, int]) -> str:
    return f"{first[0]:02d}-{first[1]:02d}..{last[0]:02d}-{last[1]:02d}"


def _in_season(md: tuple[int, int], first: tuple[int, int], last: tuple[int, int]) -> bool:
    if first <= last:
        return first <= md <= last
    return md >= first or md <= last  # a season across the new year (Nov-Feb)


class Seasons:
    """Stretches of every year with weekly hours of their own; they may not overlap."""

    __slots__ = ("_cache", "seasons", "weeks")

    def __init__(self, spec: Mapping[str, object] | None) -> None:
        if spec is not None and not isinstance(spec, Mapping):
            raise InvalidDateError(
                f"Seasons {spec!r} are not a mapping; pass e.g. "
                "{'Apr-Sep': 'Mon-Fri 08:00-16:00'}."
            )
        seasons: list[tuple[tuple[int, int], tuple[int, int], WeeklyHours]] = []
        names: list[str] = []
        for key, value in (spec or {}).items():
            if not isinstance(key, str):
                raise InvalidDateError(f"Season {key!r} is not a string; {_SEASON_HINT}.")
            first, last = _parse_season(key)
            for (f2, l2, _), other in zip(seasons, names, strict=True):
                probe = [first, last, f2, l2]
                if any(_in_season(p, first, last) and _in_season(p, f2, l2) for p in probe):
                    raise InvalidDateError(
                        f"Seasons {other!r} and {key!r} overlap; give each date of the year "
                        "at most one season."
                    )
            seasons.append((first, last, parse_weekly(value)))
            names.append(key)
        ordered = sorted(seasons, key=lambda s: s[0])
        self.seasons = tuple(ordered)
        self.weeks: Mapping[str, WeeklyHours] = MappingProxyType(
            {_season_text(f, last): w for f, last, w in ordered}
        )
        self._cache: dict[tuple[int, int], WeeklyHours | None] = {}

    def __reduce__(self) -> tuple[object, ...]:
        return (Seasons, ({text: format_weekly(w) for text, w in self.weeks.items()},))

    def __bool__(self) -> bool:
        return bool(self.seasons)

    @property
    def key(self) -> tuple[tuple[str, WeeklyHours], ...]:
        """What makes two season sets equal."""
        return tuple(self.weeks.items())

    def week(self, day: dt.date) -> WeeklyHours | None:
        """The weekly hours of the season covering ``day``, or None outside every season."""
        md = (day.month, day.day)
        try:
            return self._cache[md]
        except KeyError:
            pass
        found = None
        for first, last, week in self.seasons:
            if _in_season(md, first, last):
                found = week
                break
        self._cache[md] = found
        return found

    def any_open(self) -> bool:
        """Whether some season opens some weekday."""
        return any(any(week) for _, _, week in self.seasons)

    def all_days(self) -> tuple[DayHours, ...]:
        """Every day's hours of every season (for the longest night shift)."""
        return tuple(day for _, _, week in self.seasons for day in week)
