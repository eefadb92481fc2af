"""The public business-hours calendar."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType, ModuleType
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias, cast, overload
from zoneinfo import ZoneInfo

from slacalc._compiled import SPEEDUPS
from slacalc._intervals import Intervals
from slacalc._time import (
    date_from,
    duration_to_us,
    from_us,
    resolve_tz,
    to_us,
    tz_name,
)
from slacalc._validate import check_mapping, shown
from slacalc.calendar import _days
from slacalc.calendar._engine import (
    IntersectionSource,
    Source,
    Timeline,
    UnionSource,
    VersionedSource,
    WeeklySource,
    windowed,
)
from slacalc.calendar._holidays import HolidaySource
from slacalc.calendar._hours import DayHours, format_day, format_weekly, parse_day, parse_weekly
from slacalc.calendar._rules import Recurring, Seasons
from slacalc.errors import InvalidDateError, InvalidOptionError, NeverOpenError

if TYPE_CHECKING:
    import holidays as holidays_pkg
    import numpy as np
    import numpy.typing as npt
    import pandas as pd
    import polars as pl

__all__ = ["BusinessCalendar", "DurationLike", "HolidaysLike", "HoursLike"]

# The warm paths of Timeline.elapsed and Timeline.deadline over a snapshot, in C where
# slacalc._speedups is built (None otherwise, or for a question they leave to Python).
_snap_elapsed = None if SPEEDUPS is None else SPEEDUPS.snap_elapsed
_snap_deadline = None if SPEEDUPS is None else SPEEDUPS.snap_deadline

HoursLike: TypeAlias = "str | Mapping[str, str | list[str] | tuple[str, ...]]"
"""Weekly hours: ``'Mon-Fri 09:00-17:00'`` or ``{'mon': ['09:00-12:00', '13:00-17:00']}``.

Examples:
    >>> import datetime as dt
    >>> from slacalc import BusinessCalendar
    >>> split = BusinessCalendar({"mon": ["09:00-12:00", "13:00-17:00"]}, tz="UTC")
    >>> split.is_open(dt.datetime(2026, 3, 2, 12, 30, tzinfo=dt.timezone.utc))     # lunch
    False
"""
HolidaysLike: TypeAlias = (
    "str | dt.date | holidays_pkg.HolidayBase | Mapping[dt.date | str, str] | "
    "list[str | dt.date | holidays_pkg.HolidayBase] | tuple[str | dt.date, ...] | "
    "set[dt.date] | frozenset[dt.date] | None"
)
"""Holidays: a country code (``'DK'``, ``'US-CA'``, ``'DK+optional'``), dates, a ``HolidayBase``,
or a list.

Examples:
    >>> import datetime as dt
    >>> from slacalc import BusinessCalendar
    >>> danish = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK")
    >>> danish.is_open(dt.datetime(2026, 12, 25, 10, tzinfo=danish.tz))      # Christmas Day
    False
    >>> closed = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", holidays=[dt.date(2026, 3, 2)])
    >>> closed.is_open(dt.datetime(2026, 3, 2, 10, tzinfo=dt.timezone.utc))
    False
"""
DurationLike: TypeAlias = "dt.timedelta | str"
"""A duration: ``timedelta``, pendulum ``Duration``, ``'2h'``, ``'1h30m'``, ``'PT2H'``.

Examples:
    >>> import datetime as dt
    >>> from slacalc import BusinessCalendar
    >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
    >>> monday = dt.datetime(2026, 3, 2, 9, tzinfo=dt.timezone.utc)
    >>> ninety = dt.timedelta(minutes=90)
    >>> cal.add(monday, "1h30m") == cal.add(monday, "PT1H30M") == cal.add(monday, ninety)
    True
"""

# The warm paths of is_open, next_open, add and elapsed repeat the same few lines (an
# aware subtraction and a range test) inline on purpose: a shared helper would add a
# Python call, about a tenth of what each of those questions costs.
_DATETIME: Final = dt.datetime
_TIMEDELTA: Final = dt.timedelta
_ZERO: Final = dt.timedelta(0)
_EPOCH: Final = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@lru_cache(maxsize=256)
def _string_delta_cached(text: str) -> dt.timedelta:
    return dt.timedelta(microseconds=duration_to_us(text))


def _string_delta(value: object) -> dt.timedelta | None:
    """A duration string as a timedelta (cached), or None for anything else."""
    if type(value) is str:
        return _string_delta_cached(value)
    return None


_PROBE: Final = (
    to_us(dt.datetime(2024, 1, 1, tzinfo=dt.UTC)),
    to_us(dt.datetime(2028, 1, 1, tzinfo=dt.UTC)),
)


def _bulk() -> ModuleType | None:
    """The vectorised bulk module, or None without NumPy (imported on first bulk call)."""
    try:
        from slacalc.calendar import _bulk as bulk
    except ImportError:  # pragma: no cover - NumPy is installed in the tests
        return None
    return bulk


def _has_overrides(source: Source) -> bool:
    """Whether the open time may differ from one week to the next beyond holidays."""
    if isinstance(source, WeeklySource):
        return bool(source.overrides)
    if isinstance(source, (UnionSource, IntersectionSource)):
        return _has_overrides(source.left) or _has_overrides(source.right)
    return True  # versions change the hours on their dates


def _parts(source: Source) -> list[Source]:
    """The sources ``source`` is made of (empty for a plain weekly one)."""
    if isinstance(source, (UnionSource, IntersectionSource)):
        return [source.left, source.right]
    if isinstance(source, VersionedSource):
        return list(source.parts)
    return []


_OVERRIDES_HINT = "pass a mapping of dates to hours, e.g. {'2026-12-24': '09:00-12:00'}"
_VERSIONS_HINT = (
    "pass a list of (date, BusinessCalendar) pairs, the first dated None, e.g. "
    "[(None, old), (datetime.date(2027, 1, 1), new)]"
)


def _read_versions(
    versions: object,
) -> list[tuple[dt.date | None, BusinessCalendar]]:
    """The checked ``(start date, calendar)`` pairs of :meth:`BusinessCalendar.versioned`."""
    if isinstance(versions, (str, bytes, Mapping)) or not isinstance(versions, Sequence):
        raise InvalidOptionError(f"Versions {versions!r} are not a list; {_VERSIONS_HINT}.")
    if not versions:
        raise InvalidOptionError(f"Versions {versions!r} are empty; {_VERSIONS_HINT}.")
    out: list[tuple[dt.date | None, BusinessCalendar]] = []
    for i, item in enumerate(versions):
        if not isinstance(item, tuple) or len(item) != 2:
            raise InvalidOptionError(f"Version {item!r} is not a pair; {_VERSIONS_HINT}.")
        when, cal = item
        if isinstance(when, BusinessCalendar) and not isinstance(cal, BusinessCalendar):
            raise InvalidOptionError(
                f"Version {item!r} has its calendar first; put the date first: ({cal!r}, calendar)."
            )
        if not isinstance(cal, BusinessCalendar):
            raise InvalidOptionError(
                f"Version {item!r} has {cal!r} where a BusinessCalendar belongs; {_VERSIONS_HINT}."
            )
        if i == 0:
            if when is not None:
                raise InvalidDateError(
                    f"The first version starts on {when!r}, so nothing answers before it; "
                    "date the first version None (in force since always)."
                )
            out.append((None, cal))
            continue
        if when is None:
            raise InvalidDateError(
                f"Version {i + 1} is dated None, but only the first may be; give the date "
                "it takes effect, e.g. datetime.date(2027, 1, 1)."
            )
        day = date_from(when, what="version date")
        previous = out[-1][0]
        if previous is not None and day <= previous:
            raise InvalidDateError(
                f"Version date {when!r} does not come after {previous.isoformat()!r}: versions "
                "overlap or are out of order; list them oldest first, one per start date."
            )
        out.append((day, cal))
    return out


class BusinessCalendar:
    """Business hours in a time zone, with holidays and special days.

    A calendar is an immutable value. It compiles into sorted open periods on the UTC
    time line, which every question is answered from; open periods are half-open
    ``[open, close)``, so the closing instant itself is closed.

    Args:
        hours: weekly hours. A string of ``;``-separated clauses ``<days> <intervals>``
            (``'Mon-Fri 09:00-12:00,13:00-17:00; Sat 10:00-14:00'``, ``'24/7'``), or a
            mapping of weekday (or range) to a string, a list of interval strings, or
            ``'closed'``. ``24:00`` ends a day at midnight; an interval whose end is
            before its start is a night shift that ends the next day and belongs to the
            day it starts on. ``'09:00-09:00+1'`` is a 24-hour shift (``+1``: the end is
            on the next day); ``'09:00-09:00'`` is refused as ambiguous.
        tz: the IANA time zone the hours are read in, e.g. ``'Europe/Copenhagen'``.
        holidays: dates on which the calendar is closed: a country code with optional
            subdivision (``'DK'``, ``'US-CA'``, ``'DE-BY'``) from the ``holidays``
            package, with optional categories after ``+`` (``'DK+optional'`` adds 24
            and 31 December), a ``holidays.HolidayBase``, dates or ISO date strings, or
            a list mixing these. A holiday closes the whole local date, including a night
            shift that starts on it.
        overrides: special days, date -> hours for that date in the same forms as one
            day of the mapping (``'09:00-12:00'``, a list, or ``'closed'``). An
            override replaces the weekday's hours and beats holidays.
        recurring: special hours every year, rule -> one day's hours: ``'12-24'`` (or
            ``'24 Dec'``), ``'last Fri of Nov'``, ``'1st Mon'`` (every month). A rule
            shortens or closes a day the week (or season) opens, and beats holidays;
            it never opens a day the week keeps closed. The first listed wins when two
            rules name one date.
        seasons: weekly hours for a stretch of every year, season -> weekly hours in
            the forms of ``hours``: ``{'Apr-Sep': 'Mon-Fri 08:00-16:00'}`` or
            ``'06-15..08-15'``; they replace ``hours`` on those dates. Seasons may not
            overlap. Precedence for a date: override > rule > holiday > season > week.
        holiday_coverage: what a question about a year outside the ``holidays``
            package's data for a country code does (before the country's first year,
            after the package's last): ``'strict'`` (default) raises
            :class:`~slacalc.HolidayCoverageError` naming the years covered;
            ``'lenient'`` counts such years without holidays, says so in the repr, and
            :attr:`holiday_coverage` tells the years covered.

    Raises:
        InvalidHoursError: the hours cannot be read, an interval starts and ends at the
            same time, or intervals of one day overlap.
        UnknownTimezoneError: ``tz`` is not a known IANA name.
        UnknownHolidayRegionError: a country or subdivision code, or a category, is unknown.
        InvalidOptionError: ``holiday_coverage`` is not ``'strict'`` or ``'lenient'``.
        InvalidDateError: a holiday or override date, a rule or a season cannot be read,
            or a rule never matches a real date (``'02-30'``).
        NeverOpenError: no weekday has hours and no override opens a day.

    Examples:
        >>> import datetime as dt
        >>> cal = BusinessCalendar("Mon-Fri 09:00-18:00", tz="Europe/Copenhagen", holidays="DK")
        >>> cal
        BusinessCalendar('Mon-Fri 09:00-18:00', tz='Europe/Copenhagen', holidays='DK')
        >>> t = dt.datetime(2026, 11, 27, 17, 30, tzinfo=cal.tz)   # a Friday
        >>> cal.add(t, "2h").isoformat()
        '2026-11-30T10:30:00+01:00'
    """

    __slots__ = (
        "_describe",
        "_epoch_tz",
        "_key",
        "_offset",
        "_overrides",
        "_source",
        "_timeline",
        "_tz",
    )

    _tz: dt.tzinfo
    _source: Source
    _timeline: Timeline
    _describe: str
    _key: tuple[object, ...]
    _overrides: Mapping[dt.date, DayHours]
    _epoch_tz: dt.datetime
    _offset: Callable[[dt.datetime], dt.timedelta] | None

    def __init__(
        self,
        hours: HoursLike,
        *,
        tz: str | dt.tzinfo,
        holidays: HolidaysLike = None,
        overrides: Mapping[dt.date | str, str | list[str] | tuple[str, ...]] | None = None,
        recurring: Mapping[str, str | list[str] | tuple[str, ...]] | None = None,
        seasons: Mapping[str, HoursLike] | None = None,
        holiday_coverage: Literal["strict", "lenient"] = "strict",
    ) -> None:
        if holiday_coverage not in ("strict", "lenient"):
            raise InvalidOptionError(
                f"Unknown holiday_coverage {shown(holiday_coverage)}; pass 'strict' (years "
                "without holiday data raise) or 'lenient' (they count without holidays)."
            )
        week = parse_weekly(hours)
        zone = resolve_tz(tz)
        parsed: dict[dt.date, DayHours] = {}
        if overrides is not None:
            check_mapping(
                overrides, what="overrides=", hint=_OVERRIDES_HINT, error=InvalidDateError
            )
        for key, value in (overrides or {}).items():
            day = date_from(key, what="override date")
            parsed[day] = parse_day(value, source=key if isinstance(key, str) else day.isoformat())
        rules = Recurring(recurring)
        season_set = Seasons(seasons)
        if not any(week) and not any(parsed.values()) and not season_set.any_open():
            raise NeverOpenError(
                "The calendar is never open: no weekday has business hours and no override "
                "opens a day; give hours such as 'Mon-Fri 09:00-17:00'."
            )
        source = HolidaySource(holidays, lenient=holiday_coverage == "lenient")
        frozen = MappingProxyType(dict(sorted(parsed.items())))
        parts = [repr(format_weekly(week)), f"tz={tz_name(zone)!r}"]
        if not source.is_empty:
            parts.append(f"holidays={source.label!r}")
            if source.lenient:
                parts.append("holiday_coverage='lenient'")
        if frozen:
            parts.append(f"overrides={{{len(frozen)} dates}}")
        identity: tuple[object, ...] = (
            "weekly", week, tz_name(zone), source.key, tuple(frozen.items())
        )  # fmt: skip
        if rules:
            rules_text = {k: format_day(h) for k, h in rules.key}
            parts.append(f"recurring={rules_text!r}")
            identity += (("recurring", rules.key),)
        if season_set:
            seasons_text = {k: format_weekly(w) for k, w in season_set.key}
            parts.append(f"seasons={seasons_text!r}")
            identity += (("seasons", season_set.key),)
        self._init(
            WeeklySource(week, zone, source, frozen, rules, season_set),
            describe=f"BusinessCalendar({', '.join(parts)})",
            key=identity,
            overrides=frozen,
        )

    def _init(
        self,
        source: Source,
        *,
        describe: str,
        key: tuple[object, ...],
        overrides: Mapping[dt.date, DayHours],
    ) -> None:
        self._tz = source.tz
        self._source = source
        self._timeline = Timeline(source)
        # For the hot paths: the epoch's wall time tagged with the zone, so that
        # fromutc(epoch_tz + offset) is the aware datetime of an epoch offset.
        self._epoch_tz = dt.datetime(1970, 1, 1, tzinfo=source.tz)
        # An instant in the calendar's own ZoneInfo is read against that epoch (a
        # difference that asks the zone nothing), less its offset asked of the zone
        # directly: what ``t - EPOCH`` gives, which asks both zones by name (see
        # slacalc._time.wall_epoch). None for a fixed zone, whose ``t - EPOCH`` is quick.
        self._offset = (
            cast("Callable[[dt.datetime], dt.timedelta]", source.tz.utcoffset)  # never None
            if type(source.tz) is ZoneInfo
            else None
        )
        self._describe = describe
        self._key = key
        self._overrides = overrides

    @classmethod
    def _from_source(
        cls, source: Source, *, describe: str, key: tuple[object, ...]
    ) -> BusinessCalendar:
        cal = cls.__new__(cls)
        cal._init(source, describe=describe, key=key, overrides=MappingProxyType({}))
        return cal

    @classmethod
    def always(cls, tz: str | dt.tzinfo = "UTC") -> BusinessCalendar:
        """A calendar that is open around the clock (24x7), e.g. for critical incidents.

        Args:
            tz: the time zone results are given in; it does not change what is open.

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar.always()
            >>> cal.add(dt.datetime(2026, 3, 28, 12, tzinfo=dt.timezone.utc), "24h").isoformat()
            '2026-03-29T12:00:00+00:00'
        """
        return cls("24/7", tz=tz)

    @classmethod
    def versioned(
        cls, versions: Sequence[tuple[dt.date | str | None, BusinessCalendar]]
    ) -> BusinessCalendar:
        """A calendar whose hours, holidays and special days change on given dates.

        Each version owns the shifts of the local dates (in its own zone) from its date
        up to the next version's date, so a night shift belongs to the version in force
        on the date it starts, as it belongs to that date for holidays. Results are
        given in the last version's zone. Every question, union and intersection works
        across the changes, and the calendar pickles like any other.

        Args:
            versions: ``(date, calendar)`` pairs, oldest first: the first dated ``None``
                (in force since always), each later one dated the day it takes effect
                (a ``datetime.date`` or ``'YYYY-MM-DD'``).

        Returns:
            The effective-dated calendar (``versions[0][1]`` itself when it is the only one).

        Raises:
            InvalidOptionError: ``versions`` is empty or not a list of
                ``(date, BusinessCalendar)`` pairs.
            InvalidDateError: a date cannot be read, the first is not ``None``, or the
                dates do not strictly increase (versions overlap).

        Examples:
            >>> import datetime as dt
            >>> old = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
            >>> new = BusinessCalendar("Mon-Fri 08:00-16:00", tz="Europe/Copenhagen")
            >>> cal = BusinessCalendar.versioned([(None, old), (dt.date(2027, 1, 1), new)])
            >>> thursday = dt.datetime(2026, 12, 31, 16, tzinfo=cal.tz)
            >>> cal.add(thursday, "2h").isoformat()
            '2027-01-01T09:00:00+01:00'
        """
        checked = _read_versions(versions)
        if len(checked) == 1:
            return checked[0][1]
        parts = tuple(
            windowed(cal._source, start, checked[i + 1][0] if i + 1 < len(checked) else None)
            for i, (start, cal) in enumerate(checked)
        )
        starts = tuple(start for start, _ in checked)
        listed = ", ".join(
            f"({None if start is None else start.isoformat()!r}, {cal._describe})"
            for start, cal in checked
        )
        return cls._from_source(
            VersionedSource(parts, starts),
            describe=f"BusinessCalendar.versioned([{listed}])",
            key=("versioned", tuple((start, cal._key) for start, cal in checked)),
        )

    # -- properties ------------------------------------------------------------------

    @property
    def tz(self) -> dt.tzinfo:
        """The calendar's time zone; results are aware datetimes in it.

        Examples:
            >>> BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen").tz
            zoneinfo.ZoneInfo(key='Europe/Copenhagen')
        """
        return self._tz

    @property
    def hours(self) -> str:
        """The weekly hours in canonical string form (composites describe both sides).

        Examples:
            >>> BusinessCalendar({"mon": "09:00-12:00, 13:00-17:00"}, tz="UTC").hours
            'Mon 09:00-12:00,13:00-17:00'
        """
        source = self._source
        if isinstance(source, WeeklySource):
            return format_weekly(source.week)
        return self._describe

    @property
    def overrides(self) -> Mapping[dt.date, str]:
        """The special days, date -> hours string (``'closed'`` for a closed day).

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC",
            ...                        overrides={"2026-12-24": "09:00-12:00"})
            >>> cal.overrides
            mappingproxy({datetime.date(2026, 12, 24): '09:00-12:00'})
        """
        return MappingProxyType({d: format_day(h) for d, h in self._overrides.items()})

    @property
    def recurring(self) -> Mapping[str, str]:
        """The recurring special hours, rule -> hours string, rules in canonical form.

        Examples:
            >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC",
            ...                        recurring={"24 Dec": "09:00-12:00", "Dec 31": "closed"})
            >>> dict(cal.recurring)
            {'12-24': '09:00-12:00', '12-31': 'closed'}
        """
        source = self._source
        if isinstance(source, WeeklySource) and source.rules is not None:
            return MappingProxyType({k: format_day(h) for k, h in source.rules.key})
        return MappingProxyType({})

    @property
    def seasons(self) -> Mapping[str, str]:
        """The seasons, ``'MM-DD..MM-DD'`` -> weekly hours string, in date order.

        Examples:
            >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC",
            ...                        seasons={"Apr-Sep": "Mon-Fri 08:00-16:00"})
            >>> dict(cal.seasons)
            {'04-01..09-30': 'Mon-Fri 08:00-16:00'}
        """
        source = self._source
        if isinstance(source, WeeklySource) and source.seasons is not None:
            return MappingProxyType({k: format_weekly(w) for k, w in source.seasons.key})
        return MappingProxyType({})

    @property
    def holiday_coverage(self) -> tuple[int, int] | None:
        """The first and last year the holiday data covers, or None when it covers all.

        A country code has data for the years the ``holidays`` package knows (for
        Denmark 1771-2100 in its release 0.109); a question outside them raises
        :class:`~slacalc.HolidayCoverageError`, or with ``holiday_coverage='lenient'``
        counts those years without holidays. For a union or intersection: the years
        every part covers.

        Examples:
            >>> import datetime as dt
            >>> dk = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK")
            >>> first, last = dk.holiday_coverage
            >>> first <= 2026 <= last < 2150
            True
            >>> BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC").holiday_coverage is None
            True
        """
        spans: list[tuple[int, int]] = []
        stack: list[Source] = [self._source]
        while stack:
            item = stack.pop()
            if isinstance(item, WeeklySource):
                span = item.holidays.covered_years()
                if span is not None:
                    spans.append(span)
            stack.extend(_parts(item))
        if not spans:
            return None
        return (max(lo for lo, _ in spans), min(hi for _, hi in spans))

    @property
    def holiday_years(self) -> tuple[int, ...]:
        """The years whose holiday data has been looked up and frozen so far.

        Holiday data is fetched one year at a time, the first time a question touches
        that year, and never changes afterwards; this tells which years that is.

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK")
            >>> cal.is_holiday(dt.date(2026, 12, 25))
            True
            >>> 2026 in cal.holiday_years
            True
        """
        source = self._source
        years: set[int] = set()
        stack: list[Source] = [source]
        while stack:
            item = stack.pop()
            if isinstance(item, WeeklySource):
                years.update(item.holidays.years_loaded)
            stack.extend(_parts(item))
        return tuple(sorted(years))

    def is_holiday(self, day: dt.date | str) -> bool:
        """Whether ``day`` is a holiday of this calendar (overrides aside).

        For a union or intersection: a holiday of any part.

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK")
            >>> cal.is_holiday(dt.date(2026, 4, 2)), cal.is_holiday("2026-04-07")
            (True, False)
        """
        return bool(self.holiday_names(date_from(day, what="date")))

    def holiday_names(self, day: dt.date | str) -> tuple[str, ...]:
        """The names of the holidays on ``day`` (empty when it is none).

        Examples:
            >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", holidays="DK")
            >>> cal.holiday_names("2026-12-25")
            ('Juledag',)
        """
        when = date_from(day, what="date")
        names: list[str] = []
        stack: list[Source] = [self._source]
        while stack:
            item = stack.pop()
            if isinstance(item, WeeklySource) and item.owns(when):
                name = item.holidays.year(when.year).get(when)
                if name is not None:
                    names.append(name)
            stack.extend(reversed(_parts(item)))
        return tuple(names)

    # -- questions -------------------------------------------------------------------

    def is_open(self, t: dt.datetime) -> bool:
        """Whether the calendar is open at instant ``t`` (the closing instant is not).

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
            >>> cal.is_open(dt.datetime(2026, 11, 30, 16, 59, tzinfo=cal.tz))
            True
            >>> cal.is_open(dt.datetime(2026, 11, 30, 17, 0, tzinfo=cal.tz))
            False
        """
        fast = self._timeline.fast
        if fast is not None and type(t) is _DATETIME:
            try:
                offset = self._offset
                if offset is not None and t.tzinfo is self._tz:
                    x = t - self._epoch_tz - offset(t)  # t - _EPOCH, asking the zone once
                else:
                    x = t - _EPOCH
            except TypeError:  # naive: the general path says so
                pass
            else:
                k = x.days - fast.day0
                if 0 <= k < fast.ndays:
                    for start, end in fast.days[k]:  # that UTC day's segments, in order
                        if x < end:
                            return x >= start
                    return False
        return self._timeline.is_open(to_us(t))

    def next_open(self, t: dt.datetime) -> dt.datetime:
        """The first open instant at or after ``t``: ``t`` itself when open.

        Raises:
            OutOfRangeError: no opening within 10 years after ``t``.

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
            >>> cal.next_open(dt.datetime(2026, 11, 28, 12, tzinfo=cal.tz)).isoformat()
            '2026-11-30T09:00:00+01:00'
        """
        fast = self._timeline.fast
        if fast is not None and type(t) is _DATETIME:
            try:
                offset = self._offset
                if offset is not None and t.tzinfo is self._tz:
                    x = t - self._epoch_tz - offset(t)  # t - _EPOCH (see is_open)
                else:
                    x = t - _EPOCH
            except TypeError:
                pass
            else:
                if fast.lo <= x < fast.hi:
                    i = bisect_right(fast.starts, x) - 1
                    if i >= 0 and x < fast.ends[i]:
                        return self._tz.fromutc(self._epoch_tz + x)
                    if i + 1 < fast.n:
                        return self._tz.fromutc(self._epoch_tz + fast.starts[i + 1])
        return from_us(self._timeline.next_open(to_us(t)), self._tz)

    def next_close(self, t: dt.datetime) -> dt.datetime:
        """The end of the open period containing ``t``, or else of the next one.

        Raises:
            OutOfRangeError: no closing within 10 years (a 24x7 calendar never closes).

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
            >>> cal.next_close(dt.datetime(2026, 11, 30, 10, tzinfo=cal.tz)).isoformat()
            '2026-11-30T17:00:00+01:00'
        """
        return from_us(self._timeline.next_close(to_us(t)), self._tz)

    def add(self, t: dt.datetime, duration: DurationLike) -> dt.datetime:
        """The deadline: the latest instant ``x >= t`` with ``elapsed(t, x) <= duration``.

        A budget that runs out exactly at a closing time is therefore due at the next
        opening (Fri 17:00 + 1 h on Mon-Fri 09-18 is due Mon 09:00), ``add(t, 0)`` is
        ``next_open(t)``, and "answered at or before the deadline" is exactly "used no
        more than ``duration`` of business time". The result is always an open
        instant. A negative duration subtracts. For the instant the budget runs out
        (the closing time in the example), use :meth:`exhausted_at`.

        Raises:
            InvalidDurationError: ``duration`` is not a duration.
            OutOfRangeError: the calendar runs out of business hours within 10 years.

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-18:00", tz="Europe/Copenhagen")
            >>> friday = dt.datetime(2026, 11, 27, 17, 0, tzinfo=cal.tz)
            >>> cal.add(friday, "1h").isoformat()
            '2026-11-30T09:00:00+01:00'
        """
        fast = self._timeline.fast
        if fast is not None and type(t) is _DATETIME:
            # The warm path: the answer lies in the compiled stretch; all timedeltas.
            td = duration if type(duration) is _TIMEDELTA else _string_delta(duration)
            if td is not None and td >= _ZERO:
                try:
                    offset = self._offset
                    if offset is not None and t.tzinfo is self._tz:
                        x = t - self._epoch_tz - offset(t)  # t - _EPOCH (see is_open)
                    else:
                        x = t - _EPOCH
                except TypeError:
                    pass
                else:
                    if fast.lo <= x < fast.hi:
                        starts, cum = fast.starts, fast.cum
                        i = bisect_right(starts, x) - 1
                        if i >= 0:
                            end = fast.ends[i]
                            target = cum[i] + ((x if x < end else end) - starts[i]) + td
                        else:
                            target = td
                        if target < fast.total:
                            j = bisect_right(cum, target, 0, fast.n) - 1
                            return self._tz.fromutc(self._epoch_tz + starts[j] + (target - cum[j]))
        d = duration_to_us(duration)
        x_us = to_us(t)
        if d < 0:
            return from_us(self._timeline.subtract(x_us, -d), self._tz)
        return from_us(self._timeline.deadline(x_us, d), self._tz)

    def exhausted_at(self, t: dt.datetime, duration: DurationLike) -> dt.datetime:
        """The instant the budget runs out: earliest ``x >= t`` with ``elapsed(t, x) == duration``.

        It differs from :meth:`add` only when the budget ends exactly at a closing
        time: this returns the closing instant (for display, "due by Fri 18:00"),
        :meth:`add` the next opening. ``exhausted_at(t, 0)`` is ``t``.

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-18:00", tz="Europe/Copenhagen")
            >>> friday = dt.datetime(2026, 11, 27, 17, 0, tzinfo=cal.tz)
            >>> cal.exhausted_at(friday, "1h").isoformat()
            '2026-11-27T18:00:00+01:00'
        """
        d = duration_to_us(duration)
        x = to_us(t)
        if d < 0:
            return from_us(self._timeline.subtract(x, -d), self._tz)
        if d == 0:
            return from_us(x, self._tz)
        return from_us(self._timeline.exhausted_at(x, d), self._tz)

    def subtract(self, t: dt.datetime, duration: DurationLike) -> dt.datetime:
        """The latest start ending by ``t``: latest ``x <= t`` with ``elapsed(x, t) == duration``.

        Mon 10:00 - 1 h is Mon 09:00 on Mon-Fri 09-17 (not Fri 17:00: an exact fit
        lands on the opening). ``subtract(t, 0)`` is ``t``; a negative duration adds.

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
            >>> monday = dt.datetime(2026, 11, 30, 10, 0, tzinfo=cal.tz)
            >>> cal.subtract(monday, "1h").isoformat()
            '2026-11-30T09:00:00+01:00'
            >>> cal.subtract(monday, "2h").isoformat()
            '2026-11-27T16:00:00+01:00'
        """
        d = duration_to_us(duration)
        x = to_us(t)
        if d < 0:
            return from_us(self._timeline.deadline(x, -d), self._tz)
        if d == 0:
            return from_us(x, self._tz)
        return from_us(self._timeline.subtract(x, d), self._tz)

    def elapsed(self, start: dt.datetime, end: dt.datetime) -> dt.timedelta:
        """The business time in ``[start, end)``, signed: negative when ``end < start``.

        It is additive: ``elapsed(a, c) == elapsed(a, b) + elapsed(b, c)`` in any order.

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-18:00", tz="Europe/Copenhagen")
            >>> fri = dt.datetime(2026, 11, 27, 17, 30, tzinfo=cal.tz)
            >>> mon = dt.datetime(2026, 11, 30, 10, 30, tzinfo=cal.tz)
            >>> cal.elapsed(fri, mon), cal.elapsed(mon, fri)
            (datetime.timedelta(seconds=7200), datetime.timedelta(days=-1, seconds=79200))
        """
        fast = self._timeline.fast
        if fast is not None and type(start) is _DATETIME and type(end) is _DATETIME:
            try:
                offset, tz = self._offset, self._tz
                if offset is not None and start.tzinfo is tz and end.tzinfo is tz:
                    epoch = self._epoch_tz  # a - _EPOCH and b - _EPOCH (see is_open)
                    a = start - epoch - offset(start)
                    b = end - epoch - offset(end)
                else:
                    a = start - _EPOCH
                    b = end - _EPOCH
            except TypeError:
                pass
            else:
                lo, hi = fast.lo, fast.hi
                if lo <= a < hi and lo <= b < hi:
                    starts, ends, cum = fast.starts, fast.ends, fast.cum
                    i = bisect_right(starts, a) - 1
                    ca = cum[i] + ((a if a < ends[i] else ends[i]) - starts[i]) if i >= 0 else _ZERO
                    j = bisect_right(starts, b) - 1
                    cb = cum[j] + ((b if b < ends[j] else ends[j]) - starts[j]) if j >= 0 else _ZERO
                    return cb - ca
        return dt.timedelta(microseconds=self._timeline.elapsed(to_us(start), to_us(end)))

    def open_periods(
        self, start: dt.datetime, end: dt.datetime
    ) -> Iterator[tuple[dt.datetime, dt.datetime]]:
        """The open periods within ``[start, end)``, clipped to it, in order.

        Nothing is yielded when ``end <= start``.

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-12:00,13:00-17:00", tz="UTC")
            >>> day = dt.datetime(2026, 11, 30, 10, tzinfo=dt.timezone.utc)
            >>> [(a.hour, b.hour) for a, b in cal.open_periods(day, day + dt.timedelta(hours=8))]
            [(10, 12), (13, 17)]
        """
        tz = self._tz
        for a, b in self._timeline.periods(to_us(start), to_us(end)):
            yield from_us(a, tz), from_us(b, tz)

    # -- business days and looking back ----------------------------------------------

    def is_business_day(self, day: dt.date | str) -> bool:
        """Whether ``day`` is a business day: the calendar is open at some time on it.

        ``day`` is a local date in the calendar's zone, from midnight to the next
        midnight (23, 24 or 25 hours). A holiday or a closed special day is no business
        day; the hours after midnight of a night shift make the next date one. This is
        the business day that :class:`~slacalc.BusinessDays` and the relative targets
        count.

        Args:
            day: a ``datetime.date`` or an ISO date string ``'YYYY-MM-DD'``.

        Returns:
            True when some instant of that local date is open.

        Raises:
            InvalidDateError: ``day`` is not a date (a ``datetime`` is refused too).

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK")
            >>> cal.is_business_day(dt.date(2026, 11, 30)), cal.is_business_day("2026-12-25")
            (True, False)
        """
        return _days.is_business_day(self._timeline, date_from(day, what="date"))

    def add_business_days(self, day: dt.date | str, n: int) -> dt.date:
        """The business day ``n`` business days after ``day`` (``n < 0``: before it).

        Counting starts from ``day`` when it is a business day, else from the next
        business day (numpy's ``busday_offset`` with ``roll='forward'``): Saturday + 1
        is Tuesday, Saturday + 0 is Monday, Saturday - 1 is Friday. So
        ``business_days_between(day, add_business_days(day, n)) == n`` for every
        ``day`` and ``n``.

        Args:
            day: a ``datetime.date`` or an ISO date string, local to the calendar.
            n: a whole number of business days, negative to go back.

        Returns:
            A business day (a local date).

        Raises:
            InvalidDateError: ``day`` is not a date.
            InvalidDurationError: ``n`` is not a whole number.
            OutOfRangeError: the calendar has no business day within 10 years (or, when it
                opens only on special days, none after or before them) on the way, or
                ``n`` reaches beyond the years 2-9998 (said at once, without searching).

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK")
            >>> cal.add_business_days(dt.date(2026, 12, 23), 2)   # over Christmas
            datetime.date(2026, 12, 28)
            >>> cal.add_business_days("2026-11-28", 1), cal.add_business_days("2026-11-28", -1)
            (datetime.date(2026, 12, 1), datetime.date(2026, 11, 27))
        """
        start = date_from(day, what="date")
        return _days.add_business_days(self._timeline, start, _days.check_days(n))

    def business_days_between(self, start: dt.date | str, end: dt.date | str) -> int:
        """The number of business days from ``start`` up to, not including, ``end``.

        Half-open like every span in slacalc: ``start`` counts, ``end`` does not (numpy's
        ``busday_count``). Signed: when ``end`` is before ``start`` it is minus the
        business days in ``[end, start)``, so counts add up:
        ``between(a, c) == between(a, b) + between(b, c)``.

        Args:
            start: a ``datetime.date`` or an ISO date string, local to the calendar.
            end: the same.

        Returns:
            The signed number of business days.

        Raises:
            InvalidDateError: ``start`` or ``end`` is not a date.

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK")
            >>> cal.business_days_between(dt.date(2026, 12, 21), dt.date(2026, 12, 28))  # Mon-Thu
            4
            >>> cal.business_days_between("2026-12-28", "2026-12-21")
            -4
        """
        a = date_from(start, what="start date")
        b = date_from(end, what="end date")
        return _days.business_days_between(self._timeline, a, b)

    def previous_open(self, t: dt.datetime) -> dt.datetime:
        """The opening of the open period containing ``t``, or else of the last one before.

        The latest opening at or before ``t``: at exactly an opening it is ``t`` (the
        opening instant is open). For an open ``t`` the period containing it is
        ``[previous_open(t), next_close(t))``. Openings are those of
        :meth:`open_periods`: a night shift that runs into the next day's hours opens once.

        Raises:
            OutOfRangeError: no business hours before ``t`` within 10 years, or none
                before the first special day of a calendar that opens only on those; or
                no opening within 10 years (a 24x7 calendar never opens: it is open).

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
            >>> cal.previous_open(dt.datetime(2026, 11, 30, 8, tzinfo=cal.tz)).isoformat()
            '2026-11-27T09:00:00+01:00'
            >>> cal.previous_open(dt.datetime(2026, 11, 30, 9, tzinfo=cal.tz)).isoformat()
            '2026-11-30T09:00:00+01:00'
        """
        timeline = self._timeline
        last = timeline.subtract(to_us(t) + 1, 1)  # the last open instant at or before t
        return from_us(_days.opening_of(timeline, last), self._tz)

    def previous_close(self, t: dt.datetime) -> dt.datetime:
        """The latest closing at or before ``t``: the end of the last period over by ``t``.

        At exactly a closing it is ``t`` (the closing instant is closed); while open, the
        end of the period before the current one. For a closed ``t`` the closed stretch
        containing it is ``[previous_close(t), next_open(t))``.

        Raises:
            OutOfRangeError: as for :meth:`previous_open`.

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
            >>> cal.previous_close(dt.datetime(2026, 11, 30, 10, tzinfo=cal.tz)).isoformat()
            '2026-11-27T17:00:00+01:00'
            >>> cal.previous_close(dt.datetime(2026, 11, 30, 17, tzinfo=cal.tz)).isoformat()
            '2026-11-30T17:00:00+01:00'
        """
        timeline = self._timeline
        x = to_us(t)
        if timeline.is_open(x):
            x = _days.opening_of(timeline, x)
        return from_us(timeline.subtract(x, 1) + 1, self._tz)

    def open_periods_before(
        self, t: dt.datetime, since: dt.datetime | None = None
    ) -> Iterator[tuple[dt.datetime, dt.datetime]]:
        """The open periods before ``t``, newest first, found lazily as you iterate.

        The mirror of :meth:`open_periods`: the period containing ``t`` comes first, cut
        at ``t``; each period is ``(open, close)``, half-open. Without ``since`` the
        iteration goes on as far back as the calendar has hours: take what you need
        (``itertools.islice``) or stop at a date. With ``since``, it ends there, the
        last period cut at ``since``.

        Args:
            t: the instant to look back from (aware).
            since: an earliest instant (aware), or None.

        Raises:
            OutOfRangeError: while iterating without ``since``, once no business hours
                lie within 10 years before (or before the first special day of a
                calendar that opens only on those), or before the year 2.

        Examples:
            >>> import datetime as dt, itertools
            >>> cal = BusinessCalendar("Mon-Fri 09:00-12:00,13:00-17:00", tz="UTC")
            >>> monday = dt.datetime(2026, 11, 30, 14, tzinfo=dt.timezone.utc)
            >>> [(a.strftime("%a %H"), b.strftime("%H"))
            ...  for a, b in itertools.islice(cal.open_periods_before(monday), 3)]
            [('Mon 13', '14'), ('Mon 09', '12'), ('Fri 13', '17')]
            >>> len(list(cal.open_periods_before(monday, since=monday - dt.timedelta(days=7))))
            11
        """
        x = to_us(t)  # checked now, not on the first next()
        return self._periods_before(x, None if since is None else to_us(since))

    def _periods_before(self, x: int, lo: int | None) -> Iterator[tuple[dt.datetime, dt.datetime]]:
        """:meth:`open_periods_before` on epoch µs, as aware datetimes."""
        timeline, tz = self._timeline, self._tz
        if lo is not None and timeline.elapsed(lo, x) <= 0:
            return
        for a, b in _days.periods_before(timeline, x):
            if lo is not None and a <= lo:
                yield from_us(lo, tz), from_us(b, tz)
                return
            yield from_us(a, tz), from_us(b, tz)
            if lo is not None and timeline.elapsed(lo, a) == 0:
                return

    def hours_on(self, day: dt.date | str) -> list[tuple[dt.datetime, dt.datetime]]:
        """The open periods of local date ``day``, cut at its midnights, in order.

        Each is an ``(open, close)`` pair of aware datetimes in the calendar's zone; a
        period that runs over midnight ends at the next date's midnight (``close`` is
        then that date's ``00:00``), and the same shift's hours after midnight show on
        the next date, starting at ``00:00``. On a DST day the pairs are the true
        instants: a 00:00-24:00 day spans 23 or 25 hours, and a wall time in a gap has
        moved forward as everywhere else. Empty when ``day`` is no business day.

        Args:
            day: a ``datetime.date`` or an ISO date string, local to the calendar.

        Raises:
            InvalidDateError: ``day`` is not a date.

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-12:00,13:00-17:00; Fri 22:00-02:00",
            ...                        tz="Europe/Copenhagen")
            >>> def show(day):
            ...     return [(a.strftime("%H:%M"), b.strftime("%a %H:%M"))
            ...             for a, b in cal.hours_on(day)]
            >>> show("2026-11-27")    # Friday
            [('09:00', 'Fri 12:00'), ('13:00', 'Fri 17:00'), ('22:00', 'Sat 00:00')]
            >>> show("2026-11-28")    # Saturday: the end of Friday's night shift
            [('00:00', 'Sat 02:00')]
        """
        tz = self._tz
        lo, hi = _days.day_span(date_from(day, what="date"), tz)
        return [(from_us(a, tz), from_us(b, tz)) for a, b in self._timeline.periods(lo, hi)]

    def _open_us(self, lo: int, hi: int) -> Intervals:
        """The open time within ``[lo, hi)`` epoch µs, as one :class:`Intervals` value.

        The library's own microsecond port into the calendar: timers and uptime work on
        integers inside, so they ask for the open segments once and measure them
        with the interval algebra instead of passing datetimes back and forth.
        """
        if hi <= lo:
            return Intervals()
        return self._timeline.cover(lo, hi).open.clip(lo, hi)

    def _elapsed_us(self, lo: int, hi: int) -> int:
        """The open time within ``[lo, hi)`` epoch µs (``lo <= hi``), in µs."""
        timeline = self._timeline
        if _snap_elapsed is not None:  # the warm path in C, where it is built
            n: int | None = _snap_elapsed(timeline._snap, lo, hi)
            if n is not None:
                return n
        return timeline.elapsed(lo, hi)

    def _deadline_us(self, x: int, budget: int, at_close: bool = False) -> int:
        """:meth:`add` (or with ``at_close`` :meth:`exhausted_at`) in epoch µs, for a budget
        of ``budget >= 0`` µs: the microsecond port the ticket clocks use."""
        timeline = self._timeline
        if at_close:
            return x if budget == 0 else timeline.exhausted_at(x, budget)
        if _snap_deadline is not None and not timeline._always:  # the warm path in C
            y: int | None = _snap_deadline(timeline._snap, x, budget)
            if y is not None:
                return y
        return timeline.deadline(x, budget)

    # -- bulk questions ------------------------------------------------------------------

    @overload
    def is_open_many(self, instants: npt.NDArray[np.datetime64]) -> npt.NDArray[np.bool_]: ...
    @overload
    def is_open_many(self, instants: pl.Series) -> pl.Series: ...
    @overload
    def is_open_many(self, instants: Sequence[dt.datetime | None]) -> list[bool]: ...
    @overload
    def is_open_many(self, instants: pd.Series) -> pd.Series: ...
    @overload
    def is_open_many(self, instants: Any) -> Any: ...  # type: ignore[overload-cannot-match, unused-ignore]

    def is_open_many(self, instants: Any) -> Any:
        """``is_open`` for many instants at once (vectorised with NumPy when installed).

        Args:
            instants: a list (or other sequence) of aware datetimes, a NumPy
                ``datetime64`` array (taken as UTC), or a pandas ``Series`` /
                ``DatetimeIndex`` of aware datetimes.

        Returns:
            A list of bools for a list, a bool array for a NumPy array or a
            ``DatetimeIndex``, a bool ``Series`` (same index and name) for a ``Series``.
            A missing value (``None``, ``NaT``) is not open.

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
            >>> ts = [dt.datetime(2026, 11, 30, h, tzinfo=cal.tz) for h in (8, 9, 17)]
            >>> cal.is_open_many(ts)
            [False, True, False]
        """
        bulk = _bulk()
        if bulk is None:  # pragma: no cover - NumPy is installed in the tests
            return [self.is_open(t) for t in instants]
        return bulk.is_open_many(self._timeline, instants)

    @overload
    def elapsed_many(
        self, starts: npt.NDArray[np.datetime64], ends: Any
    ) -> npt.NDArray[np.timedelta64]: ...
    @overload
    def elapsed_many(self, starts: pl.Series, ends: Any) -> pl.Series: ...
    @overload
    def elapsed_many(
        self, starts: Sequence[dt.datetime], ends: Sequence[dt.datetime]
    ) -> list[dt.timedelta]: ...
    @overload
    def elapsed_many(
        self, starts: Sequence[dt.datetime | None], ends: Any
    ) -> list[dt.timedelta | None]: ...
    @overload
    def elapsed_many(self, starts: pd.Series, ends: Any) -> pd.Series: ...
    @overload
    def elapsed_many(self, starts: Any, ends: Any) -> Any: ...  # type: ignore[overload-cannot-match, unused-ignore]

    def elapsed_many(self, starts: Any, ends: Any) -> Any:
        """``elapsed`` for many pairs at once (vectorised with NumPy when installed).

        Args:
            starts: aware datetimes as a sequence, a NumPy ``datetime64`` array (UTC)
                or a pandas ``Series``.
            ends: the same number of instants, in any of those forms.

        Returns:
            Signed business time per pair, in the kind of ``starts``: a list of
            ``timedelta``, a ``timedelta64[us]`` array, a ``TimedeltaIndex``, or a
            ``Timedelta`` ``Series``. A missing value (``None``, ``NaT``) in either column
            gives ``NaT`` (``None`` in lists).

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
            >>> fri = dt.datetime(2026, 11, 27, 16, tzinfo=cal.tz)
            >>> cal.elapsed_many([fri, fri], [fri + dt.timedelta(days=2, hours=18), fri])
            [datetime.timedelta(seconds=7200), datetime.timedelta(0)]
        """
        bulk = _bulk()
        if bulk is None:  # pragma: no cover - NumPy is installed in the tests
            return [self.elapsed(a, b) for a, b in zip(starts, ends, strict=True)]
        return bulk.elapsed_many(self._timeline, starts, ends)

    @overload
    def add_many(
        self, starts: npt.NDArray[np.datetime64], duration: Any
    ) -> npt.NDArray[np.datetime64]: ...
    @overload
    def add_many(self, starts: pl.Series, duration: Any) -> pl.Series: ...
    @overload
    def add_many(self, starts: Sequence[dt.datetime], duration: Any) -> list[dt.datetime]: ...
    @overload
    def add_many(
        self, starts: Sequence[dt.datetime | None], duration: Any
    ) -> list[dt.datetime | None]: ...
    @overload
    def add_many(self, starts: pd.Series, duration: Any) -> pd.Series: ...
    @overload
    def add_many(self, starts: Any, duration: Any) -> Any: ...  # type: ignore[overload-cannot-match, unused-ignore]

    def add_many(self, starts: Any, duration: Any) -> Any:
        """``add`` (the deadline) for many starts at once (vectorised with NumPy).

        Args:
            starts: aware datetimes as a sequence, a NumPy ``datetime64`` array (UTC)
                or a pandas ``Series``.
            duration: one duration for all, or one per start (a sequence, a
                ``timedelta64`` array or a ``Timedelta`` ``Series``); negative ones
                subtract.

        Returns:
            Deadlines in the kind of ``starts``: a list of datetimes in the calendar's
            zone, a ``datetime64[us]`` array (UTC), or a ``Series`` in the calendar's zone.

        Examples:
            >>> import datetime as dt
            >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
            >>> fri = dt.datetime(2026, 11, 27, 16, tzinfo=cal.tz)
            >>> [t.isoformat() for t in cal.add_many([fri, fri], "1h")]
            ['2026-11-30T09:00:00+01:00', '2026-11-30T09:00:00+01:00']
        """
        bulk = _bulk()
        if bulk is None:  # pragma: no cover - NumPy is installed in the tests
            if isinstance(duration, (str, dt.timedelta)):
                return [self.add(t, duration) for t in starts]
            return [self.add(t, d) for t, d in zip(starts, duration, strict=True)]
        return bulk.add_many(self._timeline, starts, duration)

    # -- algebra ---------------------------------------------------------------------

    def __or__(self, other: BusinessCalendar) -> BusinessCalendar:
        """Union: open when either calendar is open (follow-the-sun support).

        Works across time zones on the instants; results are in the left calendar's zone.

        Examples:
            >>> import datetime as dt
            >>> eu = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
            >>> us = BusinessCalendar("Mon-Fri 09:00-17:00", tz="America/New_York")
            >>> both = eu | us
            >>> both.next_close(dt.datetime(2026, 11, 30, 10, tzinfo=eu.tz)).isoformat()
            '2026-11-30T23:00:00+01:00'
        """
        if not isinstance(other, BusinessCalendar):
            return NotImplemented
        return BusinessCalendar._from_source(
            UnionSource(self._source, other._source),
            describe=f"({self._describe} | {other._describe})",
            key=("or", self._key, other._key),
        )

    def __and__(self, other: BusinessCalendar) -> BusinessCalendar:
        """Intersection: open when both calendars are open, compared on instants.

        Examples:
            >>> import datetime as dt
            >>> eu = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
            >>> us = BusinessCalendar("Mon-Fri 09:00-17:00", tz="America/New_York")
            >>> overlap = eu & us
            >>> day = dt.datetime(2026, 11, 30, tzinfo=dt.timezone.utc)
            >>> [(a.time().isoformat(), b.time().isoformat())
            ...  for a, b in overlap.open_periods(day, day + dt.timedelta(days=1))]
            [('15:00:00', '17:00:00')]
        """
        if not isinstance(other, BusinessCalendar):
            return NotImplemented
        both = BusinessCalendar._from_source(
            IntersectionSource(self._source, other._source),
            describe=f"({self._describe} & {other._describe})",
            key=("and", self._key, other._key),
        )
        if not (_has_overrides(self._source) or _has_overrides(other._source)):
            # Weekly hours repeat, so four years show whether they ever meet (DST
            # shifts included); the compiled stretch stays in the cache for later.
            lo, hi = both._source.valid_range()
            lo, hi = max(lo, _PROBE[0]), min(hi, _PROBE[1])
            if lo < hi and not any(True for _ in both._timeline.periods(lo, hi)):
                raise NeverOpenError(
                    f"The intersection {both._describe} is never open: the two calendars' "
                    "hours never overlap (checked 2024-2027 on the UTC time line); "
                    "intersect calendars whose hours meet, or use | for either."
                )
        return both

    # -- value semantics -------------------------------------------------------------

    def __repr__(self) -> str:
        return self._describe

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BusinessCalendar):
            return NotImplemented
        return self._key == other._key

    def __hash__(self) -> int:
        return hash(self._key)

    def __reduce__(self) -> tuple[object, ...]:
        return (_restore, (self._source, self._describe, self._key, dict(self._overrides)))

    def __copy__(self) -> BusinessCalendar:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> BusinessCalendar:
        return self

    def __setattr__(self, name: str, value: object) -> None:
        if name in BusinessCalendar.__slots__ and not hasattr(self, name):
            object.__setattr__(self, name, value)
            return
        raise AttributeError(f"BusinessCalendar is immutable; {name!r} cannot be set.")


def _restore(
    source: Source, describe: str, key: tuple[object, ...], overrides: dict[dt.date, DayHours]
) -> BusinessCalendar:
    """Rebuild a calendar from its pickled parts (the segment cache is rebuilt lazily)."""
    cal = BusinessCalendar.__new__(BusinessCalendar)
    cal._init(source, describe=describe, key=key, overrides=MappingProxyType(overrides))
    return cal
