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
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from typing import NamedTuple, Protocol

from slacalc._intervals import Intervals
from slacalc._time import MAX_US, MIN_US, US_PER_DAY, from_us, wall_to_us
from slacalc.calendar._holidays import HolidaySource
from slacalc.calendar._hours import DayHours, WeeklyHours
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


class WeeklySource:
    """Weekly hours in a time zone, minus holidays, with per-date overrides.

    ``window`` limits the source to the shifts of the local dates ``[first, end)`` (a
    version of an effective-dated calendar); a shift belongs to the date it starts on.
    """

    __slots__ = ("_years", "holidays", "overrides", "tz", "week", "window")

    def __init__(
        self,
        week: WeeklyHours,
        tz: dt.tzinfo,
        holidays: HolidaySource,
        overrides: Mapping[dt.date, DayHours],
        window: Window = _ALL_DATES,
    ) -> None:
        self.week = week
        self.tz = tz
        self.holidays = holidays
        self.overrides = overrides
        self.window = window
        self._years = holidays.fixed_years()

    def __reduce__(self) -> tuple[object, ...]:
        return (
            WeeklySource,
            (self.week, self.tz, self.holidays, dict(self.overrides), self.window),
        )

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
        while day <= last:
            if not first_year <= day.year <= last_year:
                # Outside a fixed holiday source's years: valid_range keeps every
                # question clear of these dates, so they need no hours.
                day += _ONE_DAY
                continue
            hours = overrides.get(day)
            if hours is None:
                hours = () if not no_holidays and is_holiday(day) else week[day.weekday()]
            for s, e in hours:
                a = wall_to_us(day, s, tz)
                b = wall_to_us(day, e, tz)
                if b > a:  # an interval wholly inside a DST gap has no length
                    raw.append((a, b))
            day += _ONE_DAY
        return Intervals(raw).clip(lo, hi)

    def open_bounds(self) -> tuple[int, int] | None:
        if any(self.week):
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
        ends = [e for day in (*self.week, *self.overrides.values()) for _, e in day]
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
        return WeeklySource(source.week, source.tz, source.holidays, source.overrides, (lo, hi))
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


class Timeline:
    """Lazily compiled segments of one source and the questions asked of them.

    Reads are lock-free: each query reads one immutable :class:`Snapshot` (or its
    :class:`Fast` twin); extending builds new ones under a lock and swaps them in.
    """

    __slots__ = ("_lock", "_snap", "bulk_cache", "fast", "source")

    def __init__(self, source: Source) -> None:
        self.source = source
        self._snap: Snapshot | None = None
        self._lock = threading.Lock()
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
            snap = self.cover(min(a, b), max(a, b))
        return snap.open.before(b) - snap.open.before(a)

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

    def deadline(self, x: int, d: int) -> int:
        """The latest instant ``y >= x`` with ``elapsed(x, y) <= d`` (``d >= 0``)."""
        snap = self.cover(x, x)
        while (target := snap.open.before(x) + d) >= snap.cum[-1]:
            self.check_forward(snap, x)
            snap = self.grow(snap, forward=True)
        # Intervals.advance lands on the earliest such instant; this is the latest.
        j = bisect_right(snap.cum, target, 0, len(snap.starts)) - 1
        return snap.starts[j] + target - snap.cum[j]

    def exhausted_at(self, x: int, d: int) -> int:
        """The earliest instant ``y >= x`` with ``elapsed(x, y) == d`` (``d > 0``)."""
        snap = self.cover(x, x)
        while (y := snap.open.advance(x, d)) is None:
            self.check_forward(snap, x)
            snap = self.grow(snap, forward=True)
        return y

    def subtract(self, x: int, d: int) -> int:
        """The latest instant ``y <= x`` with ``elapsed(y, x) == d`` (``d > 0``)."""
        snap = self.cover(x, x)
        while (target := snap.open.before(x) - d) < 0:
            self.check_backward(snap, x)
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
                raise OutOfRangeError(
                    f"No business hours found after {from_us(last, self.source.tz).isoformat()}: "
                    "the calendar opens only on its special days, and none comes later; "
                    "add weekly hours or a later special day."
                )
            return
        if snap.hi - last > SEARCH_LIMIT_US:
            raise OutOfRangeError(
                f"No business hours found after {from_us(last, self.source.tz).isoformat()} "
                "within 10 years; the calendar has no business hours there."
            )

    def check_backward(self, snap: Snapshot, x: int) -> None:
        """Raise when no open time can precede the snapshot's start (see check_forward)."""
        first = snap.starts[0] if snap.starts else x
        bounds = self.source.open_bounds()
        if bounds is not None:
            if snap.lo <= bounds[0]:
                raise OutOfRangeError(
                    f"No business hours found before {from_us(x, self.source.tz).isoformat()} "
                    "to subtract from: the calendar opens only on its special days, and none "
                    "comes earlier; add weekly hours or an earlier special day."
                )
            return
        if first - snap.lo > SEARCH_LIMIT_US:
            raise OutOfRangeError(
                f"No business hours found before {from_us(x, self.source.tz).isoformat()} "
                "within 10 years to subtract from; the calendar has no business hours there."
            )

    def periods(self, a: int, b: int) -> Iterator[tuple[int, int]]:
        if b <= a:
            return
        yield from self.cover(a, b).open.clip(a, b)
