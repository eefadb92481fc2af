"""The engine: a calendar compiled into sorted open segments with prefix sums.

A *source* produces the open segments of a calendar for any range of instants, as one
:class:`~slacalc._intervals.Intervals` value (sorted, disjoint, non-touching half-open
``[start, end)`` epoch microseconds) clipped to the range; a union or intersection of
calendars is the ``|`` or ``&`` of theirs. A :class:`Timeline` keeps one contiguous,
lazily extended stretch of those segments together with prefix sums of their lengths,
and answers every question with a binary search or two, so the cost does not grow with
the duration asked about or the span measured.
"""

from __future__ import annotations

import datetime as dt
import threading
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import NamedTuple, Protocol

from slacalc._intervals import Intervals
from slacalc._time import MAX_US, MIN_US, US_PER_DAY, from_us, wall_to_us
from slacalc.calendar._holidays import HolidaySource
from slacalc.calendar._hours import DayHours, WeeklyHours
from slacalc.calendar._rules import Recurring, Seasons
from slacalc.errors import HolidayCoverageError, OutOfRangeError, SlacalcError

__all__ = [
    "IntersectionSource",
    "Source",
    "Timeline",
    "UnionSource",
    "VersionedSource",
    "WeeklySource",
    "windowed",
]

#: A search gives up (with OutOfRangeError) after this much time without an answer.
SEARCH_LIMIT_US = 3653 * US_PER_DAY  # 10 years
_YEAR_US = 366 * US_PER_DAY
#: A page of the time line: 365.2425 days, so 400 pages make one Gregorian cycle.
PAGE_US = 146_097 * US_PER_DAY // 400
#: Pages whose open segments stay compiled (least recently used dropped first).
PAGES_KEPT = 32
#: Long walks skip this many pages at a time when one total of them says they may.
CHUNK = 32
#: Ragged ends of counted totals a weekly source remembers (all dropped when full).
ENDS_KEPT = 4096
#: The warm stretch grows no wider than this; questions further out go page by page.
MAX_STRETCH_US = 4 * _YEAR_US
_WEEK_US = 7 * US_PER_DAY
_HOUR_US = 3600 * 1_000_000
_US_PER_S = 1_000_000
_ONE_DAY = dt.timedelta(days=1)
_VALID = (MIN_US + 3 * US_PER_DAY, MAX_US - 3 * US_PER_DAY)


class Source(Protocol):
    """What a timeline needs from a calendar definition."""

    tz: dt.tzinfo

    def segments(self, lo: int, hi: int) -> Intervals:
        """The open time within ``[lo, hi)``."""
        ...

    def valid_range(self) -> tuple[int, int]:
        """The instants this source can answer about."""
        ...

    def coverage_error(self, x: int) -> SlacalcError:
        """The error for a question about instant ``x`` outside :meth:`valid_range`."""
        ...

    def open_bounds(self) -> tuple[int, int] | None:
        """Instants outside which the source is never open, or None when it repeats."""
        ...


def _range_error(x: int) -> OutOfRangeError:
    return OutOfRangeError(
        "The question reaches beyond the years 2-9998 that slacalc answers about "
        f"(at {x} µs after 1970); keep instants and durations within that range."
    )


#: The local dates ``[first, end)`` whose shifts a source owns; None is unbounded.
Window = tuple[dt.date | None, dt.date | None]
_ALL_DATES: Window = (None, None)


def _wall_length(hours: DayHours) -> int:
    """A day's open time in wall seconds."""
    return sum(e - s for s, e in hours)


def _spill(hours: DayHours) -> int:
    """Wall seconds of a day's shifts past its next midnight."""
    return sum(e - 86_400 for _, e in hours if e > 86_400)


def _dates_disjoint(week: WeeklyHours, overrides: Mapping[dt.date, DayHours]) -> bool:
    """Whether no night shift can reach into the next date's first shift (wall time)."""

    def meets(before: DayHours, after: DayHours) -> bool:
        reach = max((e - 86_400 for _, e in before), default=0)
        return bool(after) and reach > after[0][0]

    if any(meets(week[i], week[(i + 1) % 7]) for i in range(7)):
        return False
    for day, hours in overrides.items():
        before = overrides.get(day - _ONE_DAY, week[(day - _ONE_DAY).weekday()])
        after = overrides.get(day + _ONE_DAY, week[(day + _ONE_DAY).weekday()])
        if meets(before, hours) or meets(hours, after):
            return False
    return True


def _fixed_offset(tz: dt.tzinfo) -> bool:
    """Whether ``tz`` never changes its offset (UTC or a fixed ``timezone``)."""
    return isinstance(tz, dt.timezone) or getattr(tz, "key", None) in ("UTC", "Etc/UTC")


def _offset(x: int, tz: dt.tzinfo) -> dt.timedelta | None:
    """The UTC offset of ``tz`` at epoch microsecond ``x``."""
    return _at_second(tz, x).utcoffset()


def _at_second(tz: dt.tzinfo, x: int) -> dt.datetime:
    """The aware datetime of epoch microsecond ``x`` in ``tz`` (whole seconds)."""
    return dt.datetime.fromtimestamp(x // _US_PER_S, tz)


def _offset_changes(tz: dt.tzinfo, lo: int, hi: int) -> list[int]:
    """Instants within an hour after each offset change of ``tz`` in ``[lo, hi)``.

    Offsets are sampled every two weeks and each change is narrowed down by
    bisection; no zone changes its offset and back within two weeks.
    """
    marks = [*range(lo, hi, 2 * _WEEK_US), hi - 1]
    offsets = [_offset(x, tz) for x in marks]
    out: list[int] = []
    for i in range(len(marks) - 1):
        if offsets[i] != offsets[i + 1]:
            a, b = marks[i], marks[i + 1]
            while b - a > _HOUR_US:
                m = (a + b) // 2
                if _offset(m, tz) == offsets[i]:
                    a = m
                else:
                    b = m
            out.append(b)
    return out


#: Offset changes are surveyed over these years: past the last one zoneinfo lists
#: (2037 for most zones, 2087 for a few), every zone repeats one yearly rule.
_SURVEY = (1970, 2100)
_STEADY_FROM = 0  # 1970-01-01: the surveyed changes are those from here on


@lru_cache(maxsize=64)
def _change_times(tz: dt.tzinfo) -> tuple[tuple[int, int], ...]:
    """The local times of day (seconds) that ``tz``'s offset changes skip or repeat.

    Each ``(start, end)`` spans the wall clock on both sides of one change in the
    surveyed years, widened by an hour; a shift clear of all of them keeps its wall
    length on every date from 1970 on.
    """
    lo = wall_to_us(dt.date(_SURVEY[0], 1, 1), 0, dt.UTC)
    hi = wall_to_us(dt.date(_SURVEY[1], 1, 1), 0, dt.UTC)
    found: set[tuple[int, int]] = set()
    for change in _offset_changes(tz, lo, hi):
        before = _offset(change - _HOUR_US, tz) or dt.timedelta(0)
        after = _offset(change, tz) or dt.timedelta(0)
        wall = (change // _US_PER_S) % 86_400  # UTC seconds of day, up to an hour late
        a = wall + int(min(before, after).total_seconds()) - 7200
        b = wall + int(max(before, after).total_seconds()) + 3600
        found.add((a % 86_400, (a % 86_400) + (b - a)))
    return tuple(sorted(found))


def _clear_of(hours: DayHours, windows: tuple[tuple[int, int], ...]) -> bool:
    """Whether no shift of ``hours`` meets a time-of-day window (both taken mod a day)."""
    for s, e in hours:
        for a, b in windows:
            for shift in (-86_400, 0, 86_400, 172_800):
                if s < b + shift and a + shift < e:
                    return False
    return True


class WeeklySource:
    """Weekly hours in a time zone, minus holidays, with per-date overrides.

    Seasons and recurring rules (:mod:`slacalc.calendar._rules`) refine the weekly hours
    date by date, in the order that module states. ``window`` limits the source to the
    shifts of the local dates ``[first, end)`` (a version of an effective-dated
    calendar); a shift belongs to the date it starts on.
    """

    __slots__ = (
        "_cuts",
        "_disjoint",
        "_ends",
        "_fixed_zone",
        "_lens",
        "_override_days",
        "_spills",
        "_steady",
        "_years",
        "always",
        "holidays",
        "overrides",
        "plain",
        "rules",
        "seasons",
        "tz",
        "week",
        "window",
    )

    def __init__(
        self,
        week: WeeklyHours,
        tz: dt.tzinfo,
        holidays: HolidaySource,
        overrides: Mapping[dt.date, DayHours],
        rules: Recurring | None = None,
        seasons: Seasons | None = None,
        window: Window = _ALL_DATES,
    ) -> None:
        self.week = week
        self.tz = tz
        self.holidays = holidays
        self.overrides = overrides
        self.rules = rules or None
        self.seasons = seasons or None
        #: No seasons and no recurring rules: the week, holidays and overrides say all.
        self.plain = self.rules is None and self.seasons is None
        self.window = window
        self._years = holidays.fixed_years()
        self._lens = tuple(_wall_length(day) for day in week)
        self._override_days = sorted(overrides)
        self._disjoint = _dates_disjoint(week, overrides)
        self._fixed_zone = _fixed_offset(tz)
        self._steady: bool | None = None  # shifts clear of every offset change (lazy)
        self._cuts: dict[int, int] = {}  # year -> wall seconds its holidays close
        self._ends: dict[tuple[int, int], int] = {}  # ragged ends counted by total()
        #: A night shift reaches past midnight, into the next date.
        self._spills = any(_spill(day) for day in (*week, *overrides.values()))
        #: Open around the clock: every answer is plain UTC arithmetic.
        self.always = (
            self.plain
            and all(day == ((0, 86_400),) for day in week)
            and holidays.is_empty
            and not overrides
            and window == _ALL_DATES
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (
            WeeklySource,
            (
                self.week,
                self.tz,
                self.holidays,
                dict(self.overrides),
                self.rules,
                self.seasons,
                self.window,
            ),
        )

    def day_hours(self, day: dt.date) -> DayHours:
        """The hours of one local date: override, rule, holiday, season, week, in that order."""
        hours = self.overrides.get(day)
        if hours is not None:
            return hours
        week = self.week
        if self.seasons is not None:
            week = self.seasons.week(day) or week
        hours = week[day.weekday()]
        if hours and self.rules is not None:
            special = self.rules.get(day)
            if special is not None:
                return special
        if hours and not self.holidays.is_empty and self.holidays.is_holiday(day):
            return ()
        return hours

    def _all_days(self) -> tuple[DayHours, ...]:
        """Every day's hours this source may give: week, overrides, rules, seasons."""
        days: tuple[DayHours, ...] = (*self.week, *self.overrides.values())
        if self.rules is not None:
            days += tuple(self.rules.hours.values())
        if self.seasons is not None:
            days += self.seasons.all_days()
        return days

    def owns(self, day: dt.date) -> bool:
        """Whether the shifts of local date ``day`` belong to this source."""
        first, end = self.window
        return (first is None or first <= day) and (end is None or day < end)

    def segments(self, lo: int, hi: int) -> Intervals:
        tz = self.tz
        week = self.week
        overrides = self.overrides
        is_holiday = self.holidays.is_holiday
        no_holidays = self.holidays.is_empty
        first_year, last_year = self._years or (0, 10_000)
        # A shift belongs to the date it starts on and lasts at most 24 h, so dates from
        # two days before lo's local date can still reach into the range.
        day = from_us(lo, tz).date() - 2 * _ONE_DAY
        last = from_us(hi, tz).date() + _ONE_DAY
        first_day, end_day = self.window
        if first_day is not None and day < first_day:
            day = first_day
        if end_day is not None and last >= end_day:
            last = end_day - _ONE_DAY
        raw: list[tuple[int, int]] = []
        plain = self.plain
        day_hours = self.day_hours
        while day <= last:
            if not first_year <= day.year <= last_year:
                # Outside a fixed holiday source's years: valid_range keeps every
                # question clear of these dates, so they need no hours.
                day += _ONE_DAY
                continue
            if plain:
                hours = overrides.get(day)
                if hours is None:
                    hours = () if not no_holidays and is_holiday(day) else week[day.weekday()]
            else:
                hours = day_hours(day)
            for s, e in hours:
                a = wall_to_us(day, s, tz)
                b = wall_to_us(day, e, tz)
                if b > a:  # an interval wholly inside a DST gap has no length
                    raw.append((a, b))
            day += _ONE_DAY
        return Intervals(raw).clip(lo, hi)

    def hours_on(self, day: dt.date) -> DayHours:
        """The shifts of local date ``day``, as ``(start, end)`` wall seconds.

        Only :meth:`total` asks, and only of a calendar's own source: one limited to
        dates (a version) lives inside a :class:`VersionedSource`, which has no
        ``total``, so its window needs no check here.
        """
        if self._years is not None and not self._years[0] <= day.year <= self._years[1]:
            return ()
        return self.day_hours(day)

    def total(self, lo: int, hi: int) -> int | None:
        """The open time within ``[lo, hi)`` without compiling its segments, or None.

        The span splits at local midnights into two ragged ends and, in between, blocks
        of dates near an offset change and runs of dates free of any: the ends and blocks
        are compiled, each run is summed from the weekday lengths with its holidays
        and special days corrected (a run's dates have no offset change, so wall time is
        UTC time there). None when shifts of neighbouring dates may overlap (then only
        compiling knows their union) or the span is too short to gain from this.
        """
        if not self._disjoint or not self.plain:
            return None
        tz = self.tz
        first = from_us(lo, tz).date() + _ONE_DAY
        last = from_us(hi - 1, tz).date() - _ONE_DAY
        if (last - first).days < 28:
            return None
        mid_lo = wall_to_us(first, 0, tz)
        mid_hi = wall_to_us(last + _ONE_DAY, 0, tz)
        # The ragged ends reach back a date when a night shift spills past midnight.
        back = _ONE_DAY if self._spills else dt.timedelta(0)
        self._load_holidays((first - back - _ONE_DAY).year, (last + _ONE_DAY).year)
        blocks = self._blocks(lo, hi, first, last)
        steady = not blocks and (
            self._fixed_zone or (lo - 2 * US_PER_DAY >= _STEADY_FROM and self.steady())
        )
        out = self._end(lo, mid_lo, first - back - _ONE_DAY, first - _ONE_DAY, steady=steady)
        out += self._end(mid_hi, hi, last + _ONE_DAY - back, last + _ONE_DAY, steady=steady)
        day = first
        for a, b in blocks:
            if day < a:
                out += self._run(day, a - _ONE_DAY)
            out += self._exact(
                wall_to_us(a, 0, tz), wall_to_us(b + _ONE_DAY, 0, tz), a - _ONE_DAY, b
            )
            day = b + _ONE_DAY
        if day <= last:
            out += self._run(day, last)
        return out

    def _end(self, lo: int, hi: int, first: dt.date, last: dt.date, *, steady: bool) -> int:
        """The open time in ``[lo, hi)`` (a ragged end, less than two dates), which only
        the dates ``[first, last]`` reach; remembered, as neighbouring totals share ends.

        ``steady``: no shift meets an offset change, so each keeps its wall length and
        shifts apart in wall time stay apart in UTC (no union needed).
        """
        key = (lo, hi)
        found = self._ends.get(key)
        if found is not None:
            return found
        if not steady:
            found = self._exact(lo, hi, first, last)
        else:
            tz = self.tz
            found = 0
            day = first
            while day <= last:
                for s, e in self.hours_on(day):
                    a = wall_to_us(day, s, tz)
                    b = a + (e - s) * _US_PER_S
                    if a < lo:
                        a = lo
                    if b > hi:
                        b = hi
                    if b > a:
                        found += b - a
                day += _ONE_DAY
        if len(self._ends) >= ENDS_KEPT:
            self._ends.clear()
        self._ends[key] = found
        return found

    def _exact(self, lo: int, hi: int, first: dt.date, last: dt.date) -> int:
        """The open time in ``[lo, hi)``, which only the dates ``[first, last]`` reach."""
        tz = self.tz
        raw: list[tuple[int, int]] = []
        day = first
        while day <= last:
            for s, e in self.hours_on(day):
                a, b = wall_to_us(day, s, tz), wall_to_us(day, e, tz)
                if b > a:
                    raw.append((a, b))
            day += _ONE_DAY
        return Intervals(raw).measure(lo, hi)

    def most(self, lo: int, hi: int) -> int:
        """An upper bound of the open time within ``[lo, hi)``, in constant time."""
        weeks = (hi - lo) // _WEEK_US + 2
        # An offset change lengthens a day by at most a few hours (3 h allowed).
        longest = sum(self._lens) + 7 * 3 * 3600
        if not self.plain:  # a season or rule may give any date its longest hours
            longest = 7 * (max(map(_wall_length, self._all_days()), default=0) + 3 * 3600)
        extra = sum(_wall_length(hours) + 3 * 3600 for hours in self.overrides.values())
        return (weeks * longest + extra) * _US_PER_S

    def prepare(self, lo: int, hi: int) -> None:
        """Fetch in one lookup the holiday years that ``[lo, hi)`` crosses (a long question
        about them would otherwise fetch them a stretch at a time)."""
        if not self.holidays.is_empty and self.plain:
            self.holidays.load(from_us(lo, self.tz).year - 1, from_us(hi, self.tz).year + 1)

    @property
    def weekly_us(self) -> int:
        """The open time of a week of the weekly hours (µs) when :meth:`total` counts
        without compiling, else 0: what a long walk strides by."""
        if not self._disjoint or not self.plain:
            return 0
        return sum(self._lens) * _US_PER_S

    def _load_holidays(self, first: int, last: int) -> None:
        """Fetch the holiday years a long walk will need in one go."""
        if not self.holidays.is_empty:
            self.holidays.load(first, last)

    def steady(self) -> bool:
        """Whether no shift meets an offset change from 1970 on (wall length is UTC length)."""
        if self._steady is None:
            windows = _change_times(self.tz)
            self._steady = all(_clear_of(hours, windows) for hours in self._all_days())
        return self._steady

    def _blocks(
        self, lo: int, hi: int, first: dt.date, last: dt.date
    ) -> list[tuple[dt.date, dt.date]]:
        """Date ranges within ``[first, last]`` whose shifts may meet an offset change."""
        if self._fixed_zone or (lo >= _STEADY_FROM and self.steady()):
            return []
        tz = self.tz
        out: list[tuple[dt.date, dt.date]] = []
        for change in _offset_changes(tz, lo, hi):
            # ``change`` is up to an hour late: the shifts that may span the change
            # belong to the day before its date and that date.
            day = from_us(change - _HOUR_US, tz).date()
            a, b = max(day - _ONE_DAY, first), min(from_us(change, tz).date(), last)
            if a > b:
                continue
            if out and a <= out[-1][1] + _ONE_DAY:
                out[-1] = (out[-1][0], max(b, out[-1][1]))
            else:
                out.append((a, b))
        return out

    def _run(self, a: dt.date, b: dt.date) -> int:
        """The open time from local midnight of ``a`` to that after ``b``, no offset change."""
        total = _spill(self.hours_on(a - _ONE_DAY)) - _spill(self.hours_on(b))
        # The run's dates lie within valid_range, so within a fixed source's years,
        # and the source has no window (see hours_on): ``lo <= hi`` after the clamp.
        years = self._years
        lo, hi = a, b
        if years is not None:
            lo = max(lo, dt.date(years[0], 1, 1))
            hi = min(hi, dt.date(years[1], 12, 31))
        lens = self._lens
        n = (hi - lo).days + 1
        wd = lo.weekday()
        total += n // 7 * sum(lens) + sum(lens[(wd + i) % 7] for i in range(n % 7))
        overrides = self.overrides
        days = self._override_days
        for day in days[bisect_left(days, lo) : bisect_right(days, hi)]:
            total += _wall_length(overrides[day]) - lens[day.weekday()]
        span = self.holidays.span
        if span is not None:
            # Only the years that may hold a holiday: past a country's data (lenient)
            # there is none to look up.
            for year in range(max(lo.year, span[0]), min(hi.year, span[1]) + 1):
                if lo.year < year < hi.year:
                    total -= self._holiday_cut(year)
                    continue
                for day in self.holidays.year(year):
                    if lo <= day <= hi and day not in overrides:
                        total -= lens[day.weekday()]
        return total * _US_PER_S

    def _holiday_cut(self, year: int) -> int:
        """The wall seconds the holidays of ``year`` take from its weekly hours."""
        cut = self._cuts.get(year)
        if cut is None:
            lens, overrides = self._lens, self.overrides
            cut = sum(lens[d.weekday()] for d in self.holidays.year(year) if d not in overrides)
            self._cuts[year] = cut
        return cut

    def open_bounds(self) -> tuple[int, int] | None:
        if any(self.week) or (self.seasons is not None and self.seasons.any_open()):
            return None  # weekly hours repeat for ever
        days = [d for d, hours in self.overrides.items() if hours and self.owns(d)]
        if not days:  # a version whose special days all lie outside its dates
            return (0, 0)
        # A special day's hours end at most 48 h after its midnight (a night shift).
        return (
            wall_to_us(min(days), 0, self.tz),
            wall_to_us(max(days) + 2 * _ONE_DAY, 0, self.tz),
        )

    def valid_range(self) -> tuple[int, int]:
        years = self.holidays.fixed_years()
        if years is None:
            return _VALID
        first, last = years
        start, end = self.window
        if start is not None and end is not None and first <= start.year and end.year <= last:
            return _VALID  # every date this version owns has its holidays
        if first > last:
            return (0, 0)
        # Answers start where the uncovered Dec 31 can no longer reach: after its
        # longest night shift, if any.
        ends = [e for day in self._all_days() for _, e in day]
        overflow = max(0, max(ends, default=0) - 86_400)
        lo = wall_to_us(dt.date(first, 1, 1), overflow, self.tz)
        hi = wall_to_us(dt.date(last + 1, 1, 1), 0, self.tz)
        return (max(lo, _VALID[0]), min(hi, _VALID[1]))

    def coverage_error(self, x: int) -> SlacalcError:
        if not _VALID[0] <= x <= _VALID[1]:
            return _range_error(x)
        year = from_us(x, self.tz).year
        try:
            self.holidays.year(year)
        except HolidayCoverageError as exc:
            return exc
        # x lies in a covered year but within a night shift's reach of an uncovered one.
        try:
            self.holidays.year(year - 1)
            self.holidays.year(year + 1)
        except HolidayCoverageError as exc:
            return exc
        return _range_error(x)  # pragma: no cover - valid_range and the years agree


class _PairSource:
    __slots__ = ("left", "right", "tz")

    def __init__(self, left: Source, right: Source) -> None:
        self.left = left
        self.right = right
        self.tz = left.tz

    def valid_range(self) -> tuple[int, int]:
        a = self.left.valid_range()
        b = self.right.valid_range()
        return (max(a[0], b[0]), min(a[1], b[1]))

    def coverage_error(self, x: int) -> SlacalcError:
        lo, hi = self.left.valid_range()
        side = self.left if not lo <= x <= hi else self.right
        return side.coverage_error(x)


class UnionSource(_PairSource):
    """Open when either calendar is open (follow-the-sun coverage)."""

    __slots__ = ()

    def open_bounds(self) -> tuple[int, int] | None:
        a = self.left.open_bounds()
        b = self.right.open_bounds()
        if a is None or b is None:
            return None
        return (min(a[0], b[0]), max(a[1], b[1]))

    def segments(self, lo: int, hi: int) -> Intervals:
        return self.left.segments(lo, hi) | self.right.segments(lo, hi)


class IntersectionSource(_PairSource):
    """Open when both calendars are open."""

    __slots__ = ()

    def open_bounds(self) -> tuple[int, int] | None:
        a = self.left.open_bounds()
        b = self.right.open_bounds()
        if a is None or b is None:
            return a or b
        lo, hi = max(a[0], b[0]), min(a[1], b[1])
        return (lo, max(lo, hi))

    def segments(self, lo: int, hi: int) -> Intervals:
        return self.left.segments(lo, hi) & self.right.segments(lo, hi)


class VersionedSource:
    """An effective-dated calendar: each version owns the shifts of its own dates.

    ``parts`` are the versions, each already limited by :func:`windowed` to the local
    dates (in its own zone) from its start up to the next version's start. The open
    time is the union of theirs; results are given in the last version's zone.
    """

    __slots__ = ("parts", "starts", "tz")

    def __init__(self, parts: tuple[Source, ...], starts: tuple[dt.date | None, ...]) -> None:
        self.parts = parts
        self.starts = starts
        self.tz = parts[-1].tz

    def __reduce__(self) -> tuple[object, ...]:
        return (VersionedSource, (self.parts, self.starts))

    def most(self, lo: int, hi: int) -> int:
        """An upper bound of the open time within ``[lo, hi)`` (see WeeklySource.most)."""
        bounds = [getattr(part, "most", None) for part in self.parts]
        return sum(hi - lo if most is None else most(lo, hi) for most in bounds)

    def segments(self, lo: int, hi: int) -> Intervals:
        out = Intervals()
        for part in self.parts:
            out |= part.segments(lo, hi)
        return out

    def valid_range(self) -> tuple[int, int]:
        ranges = [part.valid_range() for part in self.parts]
        return (max(r[0] for r in ranges), min(r[1] for r in ranges))

    def coverage_error(self, x: int) -> SlacalcError:
        for part in self.parts:
            lo, hi = part.valid_range()
            if not lo <= x <= hi:
                return part.coverage_error(x)
        return _range_error(x)  # pragma: no cover - valid_range and the parts agree

    def open_bounds(self) -> tuple[int, int] | None:
        bounds = [part.open_bounds() for part in self.parts]
        if any(b is None for b in bounds):
            return None
        spans = [b for b in bounds if b is not None and b[0] < b[1]]
        if not spans:
            return (0, 0)
        return (min(b[0] for b in spans), max(b[1] for b in spans))


def windowed(source: Source, first: dt.date | None, end: dt.date | None) -> Source:
    """``source`` limited to the shifts of the local dates ``[first, end)``."""
    if isinstance(source, WeeklySource):
        a, b = source.window
        lo = first if a is None or (first is not None and first > a) else a
        hi = end if b is None or (end is not None and end < b) else b
        return WeeklySource(
            source.week,
            source.tz,
            source.holidays,
            source.overrides,
            source.rules,
            source.seasons,
            (lo, hi),
        )
    if isinstance(source, UnionSource):
        return UnionSource(windowed(source.left, first, end), windowed(source.right, first, end))
    if isinstance(source, IntersectionSource):
        left = windowed(source.left, first, end)
        return IntersectionSource(left, windowed(source.right, first, end))
    if isinstance(source, VersionedSource):
        parts = tuple(windowed(part, first, end) for part in source.parts)
        return VersionedSource(parts, source.starts)
    raise TypeError(f"cannot limit {source!r} to dates")  # pragma: no cover


class Snapshot(NamedTuple):
    """A contiguous stretch ``[lo, hi)`` of the open time, with prefix sums.

    ``starts``, ``ends`` and ``cum`` are ``open``'s own tuples, unpacked because the
    questions below read them on every call: ``cum[i]`` is the open time in
    ``[lo, starts[i])``; ``cum[n]`` is the total. A segment touching ``lo`` or ``hi``
    may be clipped there.
    """

    lo: int
    hi: int
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    cum: tuple[int, ...]
    open: Intervals


def _snapshot(lo: int, hi: int, open_time: Intervals) -> Snapshot:
    """The snapshot of ``open_time`` over ``[lo, hi)``."""
    return Snapshot(lo, hi, open_time.starts, open_time.ends, open_time.cumulative, open_time)


class Fast(NamedTuple):
    """A snapshot as ``timedelta`` offsets from the epoch, for the scalar hot paths.

    ``aware_datetime - EPOCH`` is a ``timedelta`` already, and ``tz.fromutc`` turns one
    back into an aware datetime, so the warm path of ``add``, ``elapsed``, ``is_open``
    and ``next_open`` needs no integer conversion at all. ``cum`` has ``n + 1`` items.

    Those warm paths read this twin inline rather than ask the snapshot's Intervals:
    that costs 1.7x on ``is_open`` and 2.0x on ``elapsed`` (0.71 -> 1.22 µs and
    1.74 -> 3.46 µs in ``benchmarks/bench_versus.py``'s second table), far over 5 %.
    """

    lo: dt.timedelta
    hi: dt.timedelta
    starts: list[dt.timedelta]
    ends: list[dt.timedelta]
    cum: list[dt.timedelta]
    n: int
    total: dt.timedelta
    #: ``days[k]``: the segments overlapping UTC day ``day0 + k`` (days since the epoch),
    #: for every whole day inside the stretch; ``is_open`` needs no bisect with it.
    day0: int
    days: list[tuple[tuple[dt.timedelta, dt.timedelta], ...]]
    ndays: int


def _fast(snap: Snapshot) -> Fast:
    us = dt.timedelta(microseconds=1)
    starts = [us * x for x in snap.starts]
    ends = [us * x for x in snap.ends]
    day0 = -(-snap.lo // US_PER_DAY)  # the first whole UTC day in the stretch
    ndays = max(0, snap.hi // US_PER_DAY - day0)
    days: list[list[tuple[dt.timedelta, dt.timedelta]]] = [[] for _ in range(ndays)]
    for a, b, pair in zip(snap.starts, snap.ends, zip(starts, ends, strict=True), strict=True):
        first = max(a // US_PER_DAY, day0)
        last = min((b - 1) // US_PER_DAY, day0 + ndays - 1)
        for k in range(first - day0, last - day0 + 1):
            days[k].append(pair)
    return Fast(
        us * snap.lo,
        us * snap.hi,
        starts,
        ends,
        [us * x for x in snap.cum],
        len(snap.starts),
        us * snap.cum[-1],
        day0,
        [tuple(day) for day in days],
        ndays,
    )


def _advance(page: Intervals, target: int, *, exact: bool) -> int:
    """The instant where ``page``'s open time since its start reaches ``target``.

    ``exact``: the earliest such instant (a closing when it lands on one); otherwise
    the latest (the next opening), as :meth:`Timeline.deadline` wants.
    """
    cum = page.cumulative
    n = len(cum) - 1
    j = (bisect_left(cum, target, 0, n + 1) - 1) if exact else (bisect_right(cum, target, 0, n) - 1)
    return page.starts[j] + target - cum[j]


class Timeline:
    """Lazily compiled segments of one source and the questions asked of them.

    Two caches: one contiguous *stretch* (a :class:`Snapshot`, at most
    :data:`MAX_STRETCH_US` wide unless one question needs more) answers the warm
    questions, and independent *pages* (:data:`PAGE_US` wide, with their open-time
    totals) carry the questions that reach further: those compile only the pages at
    their two ends and skip the ones between by their totals (a weekly source's long
    walk first strides by whole weeks, see :meth:`_stride`). At most
    :data:`PAGES_KEPT` pages stay compiled, so memory is bounded however widely the
    questions are scattered.

    Reads are lock-free: each query reads one immutable :class:`Snapshot` (or its
    :class:`Fast` twin); extending builds new ones under a lock and swaps them in.
    """

    __slots__ = (
        "_always",
        "_chunks",
        "_lock",
        "_pages",
        "_snap",
        "_totals",
        "bulk_cache",
        "fast",
        "source",
    )

    def __init__(self, source: Source) -> None:
        self.source = source
        self._snap: Snapshot | None = None
        self._lock = threading.Lock()
        self._pages: OrderedDict[int | tuple[int, int], Intervals] = OrderedDict()
        self._totals: dict[int, int] = {}
        self._chunks: dict[tuple[int, int], int] = {}
        self._always: bool = getattr(source, "always", False)
        self.fast: Fast | None = None  # the latest snapshot in timedelta form
        self.bulk_cache: object = None  # NumPy views of the latest snapshot (bulk calls)

    def __reduce__(self) -> tuple[object, ...]:
        return (Timeline, (self.source,))  # the cache is rebuilt on demand

    # -- coverage -------------------------------------------------------------------

    def cover(self, a: int, b: int) -> Snapshot:
        """A snapshot whose stretch contains ``[a, b]`` (``b < hi`` as well)."""
        snap = self._snap
        if snap is not None and snap.lo <= a and b < snap.hi:
            return snap
        vlo, vhi = self.source.valid_range()
        if a < vlo:
            raise self.source.coverage_error(a)
        if b >= vhi:
            raise self.source.coverage_error(b)
        with self._lock:
            snap = self._snap
            if snap is not None and (
                max(b, snap.hi) - min(a, snap.lo) > MAX_STRETCH_US and b - a < MAX_STRETCH_US // 2
            ):
                snap = None  # far from the stretch: start a new one there
            if snap is None:
                # A first window of a few months answers most questions at a small
                # cold-start cost; later steps grow by a year or more.
                lo = max(vlo, a - 14 * US_PER_DAY)
                hi = min(vhi, b + 120 * US_PER_DAY)
                snap = _snapshot(lo, hi, self.source.segments(lo, hi))
            else:
                if a < snap.lo:
                    step = max(_YEAR_US, min(snap.hi - snap.lo, 8 * _YEAR_US))
                    snap = self._extend(snap, max(vlo, min(a, snap.lo - step)), snap.hi)
                if b >= snap.hi:
                    step = max(_YEAR_US, min(snap.hi - snap.lo, 8 * _YEAR_US))
                    snap = self._extend(snap, snap.lo, min(vhi, max(b + _YEAR_US, snap.hi + step)))
            if snap is not self._snap:
                self.fast = _fast(snap)
                self._snap = snap
            return snap

    def _extend(self, snap: Snapshot, lo: int, hi: int) -> Snapshot:
        open_time = snap.open
        if lo < snap.lo:
            open_time = self.source.segments(lo, snap.lo) | open_time
        if hi > snap.hi:
            open_time |= self.source.segments(snap.hi, hi)
        return _snapshot(lo, hi, open_time)

    def grow(self, snap: Snapshot, *, forward: bool) -> Snapshot:
        step = max(_YEAR_US, min(snap.hi - snap.lo, 8 * _YEAR_US))
        vlo, vhi = self.source.valid_range()
        if forward:
            if snap.hi >= vhi:  # the first instant the source cannot answer about
                raise self.source.coverage_error(snap.hi)
            return self.cover(snap.lo, min(snap.hi + step, vhi - 1))
        if snap.lo <= vlo:
            raise self.source.coverage_error(snap.lo - 1)
        return self.cover(max(snap.lo - step, vlo), snap.hi - 1)

    # -- pages ----------------------------------------------------------------------

    def _bounds(self, k: int) -> tuple[int, int]:
        """Page ``k``'s stretch, cut to the instants the source answers about."""
        vlo, vhi = self.source.valid_range()
        return max(k * PAGE_US, vlo), min((k + 1) * PAGE_US, vhi)

    def page(self, k: int) -> Intervals:
        """The open segments of page ``k`` (compiled once, kept while recently used)."""
        with self._lock:
            found = self._pages.get(k)
            if found is not None:
                self._pages.move_to_end(k)
                return found
            lo, hi = self._bounds(k)
            found = self.source.segments(lo, hi) if lo < hi else Intervals()
            self._pages[k] = found
            if len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
            return found

    def total(self, k: int) -> int:
        """The open time of page ``k``, from the source's arithmetic when it has one."""
        found = self._totals.get(k)
        if found is None:
            lo, hi = self._bounds(k)
            count = getattr(self.source, "total", None)
            counted: int | None = count(lo, hi) if count is not None and lo < hi else None
            found = self.page(k).total() if counted is None else counted
            self._totals[k] = found
        return found

    def span_total(self, k0: int, k1: int) -> int:
        """The open time of pages ``k0`` to ``k1 - 1``, counted in one go when possible."""
        if k1 - k0 <= 1:
            return self.total(k0) if k1 > k0 else 0
        found = self._chunks.get((k0, k1))
        if found is None:
            lo, hi = self._bounds(k0)[0], self._bounds(k1 - 1)[1]
            count = getattr(self.source, "total", None)
            counted: int | None = count(lo, hi) if count is not None and lo < hi else None
            if counted is None:
                counted = sum(self.total(k) for k in range(k0, k1))
            found = self._chunks[(k0, k1)] = counted
        return found

    def _skip(self, k: int, rem: int, *, exact: bool, forward: bool) -> tuple[int, int]:
        """The most aligned pages from ``k`` on (back from ``k``) a walk with ``rem`` left
        may skip whole, and their open time: ``(0, 0)`` when none."""
        vlo, vhi = self.source.valid_range()
        size = CHUNK
        while size > 1:
            k0 = k if forward else k + 1 - size
            if k0 % size == 0 and k0 * PAGE_US >= vlo and (k0 + size) * PAGE_US <= vhi:
                t = self.span_total(k0, k0 + size)
                if t and (rem > t or (not exact and rem == t)):
                    return size, t
            size //= 2
        return 0, 0

    def _measure(self, lo: int, hi: int) -> int:
        """The open time within ``[lo, hi)``, counted without compiling when possible."""
        found = self._chunks.get((lo, -hi))  # negative: not a page range
        if found is None:
            count = getattr(self.source, "total", None)
            counted: int | None = count(lo, hi) if count is not None else None
            found = self.source.segments(lo, hi).total() if counted is None else counted
            if len(self._chunks) > 4096:
                self._chunks.clear()
            self._chunks[(lo, -hi)] = found
        return found

    def _locate(self, lo: int, hi: int, rem: int, *, exact: bool) -> int:
        """Where the open time since ``lo`` reaches ``rem`` within ``[lo, hi)`` (``rem``
        less than its total, or equal with ``exact``): halve the span by counted totals
        down to a month, then compile that month only."""
        while hi - lo > 40 * US_PER_DAY:
            mid = (lo + hi) // 2
            t = self._measure(lo, mid)
            if rem > t or (not exact and rem == t):
                rem -= t
                lo = mid
            else:
                hi = mid
        with self._lock:
            month = self._pages.get((lo, hi))  # keyed apart from whole pages
            if month is None:
                month = self.source.segments(lo, hi)
                self._pages[(lo, hi)] = month
                if len(self._pages) > PAGES_KEPT:
                    self._pages.popitem(last=False)
        return _advance(month, rem, exact=exact)

    def _stride(self, x: int, d: int, *, forward: bool, exact: bool) -> tuple[int, int]:
        """Bring a long walk from ``x`` needing ``d`` of open time close to its answer.

        Each stride is the whole weeks that ``d`` would fill at the weekly hours' rate,
        counted in one total; holidays only shorten what a stride holds, so the walk
        nears its answer geometrically (a few strides for a thousand years) and looks up
        only the holiday years it crosses. A stride that would hold the answer (special
        days add hours, an offset change moves its end by an hour) is shortened by its
        excess and a week, four times at most. The walk stops striding when less than
        eight weeks remain, when a stride would leave the supported years, and when one
        holds under half its weekly hours (a calendar closed for long stretches goes
        page by page, whose checks say when it has no hours for years). Returns where
        the page walk goes on: the instant and the open time still needed.
        """
        rate = getattr(self.source, "weekly_us", 0)
        if not rate:
            return x, d
        vlo, vhi = self.source.valid_range()
        weeks, misses = d // rate, 0
        while weeks >= 8 and misses < 4:
            step = weeks * _WEEK_US
            lo, hi = (x, x + step) if forward else (x - step, x)
            if lo < vlo or hi >= vhi:
                break
            t = self._measure(lo, hi)
            if 2 * t < weeks * rate:
                break
            if d > t or (forward and not exact and d == t):
                d -= t
                x = hi if forward else lo
                weeks = d // rate
            else:  # the stride holds the answer: shorten it by the excess, and a week
                weeks -= (t - d) // rate + 1
                misses += 1
        return x, d

    def _prepare(self, lo: int, hi: int) -> None:
        """Let the source fetch at once what a question about ``[lo, hi)`` needs (holidays)."""
        prepare = getattr(self.source, "prepare", None)
        if prepare is not None:
            prepare(lo, hi)

    def _paged_forward(self, x: int, d: int, *, exact: bool) -> int:
        """:meth:`deadline` (or with ``exact`` :meth:`exhausted_at`) page by page."""
        vhi = self.source.valid_range()[1]
        x, d = self._stride(x, d, forward=True, exact=exact)
        k = x // PAGE_US
        rem = d - self._measure(x, self._bounds(k)[1])
        if rem < 0 or (exact and rem == 0):
            return self._locate(x, self._bounds(k)[1], d, exact=exact)
        bounds = self.source.open_bounds()
        seen = k  # the last page with open time
        while True:
            k += 1
            lo = self._bounds(k)[0]
            if lo >= vhi:
                raise self.source.coverage_error(vhi)
            if (bounds is not None and lo >= bounds[1]) or lo - (
                seen + 1
            ) * PAGE_US > SEARCH_LIMIT_US:
                last = self.page(seen).ends[-1] if self.total(seen) else x
                raise self._none_after(max(last, x), special=bounds is not None)
            size, t = self._skip(k, rem, exact=exact, forward=True)
            if size:
                rem -= t
                k = seen = k + size - 1
                continue
            t = self.total(k)
            if rem > t or (not exact and rem == t):
                rem -= t
                seen = k if t else seen
                continue
            return self._locate(*self._bounds(k), rem, exact=exact)

    def _paged_backward(self, x: int, d: int) -> int:
        """:meth:`subtract` page by page."""
        vlo, _ = self.source.valid_range()
        x, d = self._stride(x, d, forward=False, exact=True)
        k = x // PAGE_US
        rem = d - self._measure(self._bounds(k)[0], x)
        if rem <= 0:
            return self._locate(self._bounds(k)[0], x, -rem, exact=False)
        bounds = self.source.open_bounds()
        seen = k  # the earliest page with open time
        while True:
            k -= 1
            hi = self._bounds(k)[1]
            if hi <= vlo:
                raise self.source.coverage_error(vlo - 1)
            if (bounds is not None and hi <= bounds[0]) or seen * PAGE_US - hi > SEARCH_LIMIT_US:
                raise self._none_before(x, special=bounds is not None)
            size, t = self._skip(k, rem, exact=True, forward=False)
            if size:
                rem -= t
                k = seen = k + 1 - size
                continue
            t = self.total(k)
            if rem > t:
                rem -= t
                seen = k if t else seen
                continue
            return self._locate(*self._bounds(k), t - rem, exact=False)

    def _paged_elapsed(self, a: int, b: int) -> int:
        """The open time in ``[a, b)``, page by page (``b - a`` is wider than a page:
        :meth:`elapsed` comes here past :data:`MAX_STRETCH_US`)."""
        vlo, vhi = self.source.valid_range()
        if a < vlo:
            raise self.source.coverage_error(a)
        if b >= vhi:
            raise self.source.coverage_error(b)
        ka, kb = a // PAGE_US, b // PAGE_US
        if (ka + 1, kb) not in self._chunks:  # not asked before: fetch its holidays at once
            self._prepare(a, b)
        head = self._measure(a, self._bounds(ka)[1])
        return head + self.span_total(ka + 1, kb) + self._measure(self._bounds(kb)[0], b)

    # -- questions on epoch microseconds --------------------------------------------

    def is_open(self, x: int) -> bool:
        snap = self._snap
        if snap is None or not snap.lo <= x < snap.hi:
            snap = self.cover(x, x)
        # Inline rather than ``x in snap.open``: the dunder call cost 5.4 % on is_open
        # with pendulum inputs (2.32 -> 2.44 µs, benchmarks/bench_versus.py).
        i = bisect_right(snap.starts, x) - 1
        return i >= 0 and x < snap.ends[i]

    def elapsed(self, a: int, b: int) -> int:
        snap = self._snap
        if snap is None or not (snap.lo <= a < snap.hi and snap.lo <= b < snap.hi):
            lo, hi = min(a, b), max(a, b)
            if self._always or hi - lo > MAX_STRETCH_US:
                if self._always:
                    self._plain(lo)
                    self._plain(hi)
                    return b - a
                n = self._paged_elapsed(lo, hi)
                return n if a <= b else -n
            snap = self.cover(lo, hi)
        # Intervals.before twice, inline over the snapshot's unpacked tuples: the ticket
        # clocks ask this once per stretch a clock ran.
        starts, ends, cum = snap.starts, snap.ends, snap.cum
        i = bisect_right(starts, b) - 1
        j = bisect_right(starts, a) - 1
        return (0 if i < 0 else cum[i] + min(b, ends[i]) - starts[i]) - (
            0 if j < 0 else cum[j] + min(a, ends[j]) - starts[j]
        )

    def reachable(self, x: int, d: int, *, forward: bool) -> None:
        """Raise at once when ``d`` of open time cannot fit before the supported end."""
        vlo, vhi = self.source.valid_range()
        lo, hi = (x, vhi) if forward else (vlo, x)
        if lo >= hi:
            return  # the general path says which instant is out of range
        most = getattr(self.source, "most", None)
        room = hi - lo if most is None else min(hi - lo, most(lo, hi))
        if d > room:
            raise self.source.coverage_error(vhi if forward else vlo - 1)

    def _far(self, snap: Snapshot, needed: int) -> bool:
        """Whether ``needed`` more open time lies too far ahead to grow the stretch for."""
        width = snap.hi - snap.lo
        have = snap.cum[-1]
        return width >= MAX_STRETCH_US or (have > 0 and needed * width > MAX_STRETCH_US * have)

    def _plain(self, x: int) -> int:
        """``x`` itself when the source answers about it (24x7 arithmetic), else raise."""
        vlo, vhi = self.source.valid_range()
        if not vlo <= x < vhi:
            raise self.source.coverage_error(x)
        return x

    def next_open(self, x: int) -> int:
        snap = self.cover(x, x)
        i = bisect_right(snap.starts, x) - 1
        if i >= 0 and x < snap.ends[i]:
            return x
        while i + 1 >= len(snap.starts):
            self.check_forward(snap, x)
            snap = self.grow(snap, forward=True)
            i = bisect_right(snap.starts, x) - 1
        return snap.starts[i + 1]

    def next_close(self, x: int) -> int:
        snap = self.cover(x, x)
        while True:
            j = bisect_right(snap.starts, x) - 1
            if j < 0 or x >= snap.ends[j]:
                j += 1
            if j < len(snap.starts) and snap.ends[j] < snap.hi:
                return snap.ends[j]
            if j >= len(snap.starts):
                self.check_forward(snap, x)
            elif snap.hi - x > SEARCH_LIMIT_US:
                raise OutOfRangeError(
                    f"No closing found after {from_us(x, self.source.tz).isoformat()} within "
                    "10 years; the calendar is open all the time there."
                )
            snap = self.grow(snap, forward=True)

    def _far_off(self, x: int, d: int, *, forward: bool) -> bool:
        """Whether a cold question for ``d`` of open time from ``x`` should walk the pages
        at once: the weekly hours cannot hold ``d`` within a stretch's widest reach, so a
        first stretch compiled around ``x`` would only be left behind (callers ask only
        while no stretch is compiled)."""
        most = getattr(self.source, "most", None)
        if most is None or self.source.open_bounds() is not None:
            return False  # no bound, or open on special days only: the stretch finds out
        lo, hi = (x, x + MAX_STRETCH_US) if forward else (x - MAX_STRETCH_US, x)
        if d <= most(lo, hi):
            return False
        self._plain(x)  # raises as cover() would for an instant out of range
        self.reachable(x, d, forward=forward)
        return True

    def deadline(self, x: int, d: int) -> int:
        """The latest instant ``y >= x`` with ``elapsed(x, y) <= d`` (``d >= 0``)."""
        if self._always:
            return self._plain(self._plain(x) + d)
        if self._snap is None and self._far_off(x, d, forward=True):
            return self._paged_forward(x, d, exact=False)
        snap = self.cover(x, x)
        while (target := snap.open.before(x) + d) >= snap.cum[-1]:
            self.reachable(x, d, forward=True)
            self.check_forward(snap, x)
            if self._far(snap, target - snap.cum[-1]):
                return self._paged_forward(x, d, exact=False)
            snap = self.grow(snap, forward=True)
        # Intervals.advance lands on the earliest such instant; this is the latest.
        j = bisect_right(snap.cum, target, 0, len(snap.starts)) - 1
        return snap.starts[j] + target - snap.cum[j]

    def exhausted_at(self, x: int, d: int) -> int:
        """The earliest instant ``y >= x`` with ``elapsed(x, y) == d`` (``d > 0``)."""
        if self._always:
            return self._plain(self._plain(x) + d)
        if self._snap is None and self._far_off(x, d, forward=True):
            return self._paged_forward(x, d, exact=True)
        snap = self.cover(x, x)
        while (y := snap.open.advance(x, d)) is None:
            self.reachable(x, d, forward=True)
            self.check_forward(snap, x)
            if self._far(snap, snap.open.before(x) + d - snap.cum[-1]):
                return self._paged_forward(x, d, exact=True)
            snap = self.grow(snap, forward=True)
        return y

    def subtract(self, x: int, d: int) -> int:
        """The latest instant ``y <= x`` with ``elapsed(y, x) == d`` (``d > 0``)."""
        if self._always:
            return self._plain(self._plain(x) - d)
        if self._snap is None and self._far_off(x, d, forward=False):
            return self._paged_backward(x, d)
        snap = self.cover(x, x)
        while (target := snap.open.before(x) - d) < 0:
            self.reachable(x, d, forward=False)
            self.check_backward(snap, x)
            if self._far(snap, -target):
                return self._paged_backward(x, d)
            snap = self.grow(snap, forward=False)
        j = bisect_right(snap.cum, target, 0, len(snap.starts)) - 1
        return snap.starts[j] + target - snap.cum[j]

    def check_forward(self, snap: Snapshot, x: int) -> None:
        """Raise when no open time can follow the snapshot's end.

        That is when the source opens only on special days and the snapshot already
        reaches past the last one, or, for repeating weekly hours, when the stretch
        after ``x`` has had no open time for 10 years.
        """
        last = max(snap.ends[-1] if snap.starts else x, x)
        bounds = self.source.open_bounds()
        if bounds is not None:
            if snap.hi >= bounds[1]:
                raise self._none_after(last, special=True)
            return
        if snap.hi - last > SEARCH_LIMIT_US:
            raise self._none_after(last, special=False)

    def _none_after(self, last: int, *, special: bool) -> OutOfRangeError:
        """The error for a search forward that found no open time after ``last``."""
        when = from_us(last, self.source.tz).isoformat()
        if special:
            return OutOfRangeError(
                f"No business hours found after {when}: the calendar opens only on its "
                "special days, and none comes later; add weekly hours or a later special day."
            )
        return OutOfRangeError(
            f"No business hours found after {when} within 10 years; the calendar has no "
            "business hours there."
        )

    def _none_before(self, x: int, *, special: bool) -> OutOfRangeError:
        """The error for a search backward from ``x`` that found no open time."""
        when = from_us(x, self.source.tz).isoformat()
        if special:
            return OutOfRangeError(
                f"No business hours found before {when} to subtract from: the calendar opens "
                "only on its special days, and none comes earlier; add weekly hours or an "
                "earlier special day."
            )
        return OutOfRangeError(
            f"No business hours found before {when} within 10 years to subtract from; the "
            "calendar has no business hours there."
        )

    def check_backward(self, snap: Snapshot, x: int) -> None:
        """Raise when no open time can precede the snapshot's start (see check_forward)."""
        first = snap.starts[0] if snap.starts else x
        bounds = self.source.open_bounds()
        if bounds is not None:
            if snap.lo <= bounds[0]:
                raise self._none_before(x, special=True)
            return
        if first - snap.lo > SEARCH_LIMIT_US:
            raise self._none_before(x, special=False)

    def periods(self, a: int, b: int) -> Iterator[tuple[int, int]]:
        if b <= a:
            return
        yield from self.cover(a, b).open.clip(a, b)
