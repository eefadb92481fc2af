"""A slow, obviously correct reference implementation of business time.

This module is the test oracle for ``slacalc.BusinessCalendar``, written independently of
the engine (it must never import slacalc), by this design:

1. For every *local date* of the calendar's zone, take that date's hours: the override
   if the date has one, nothing if the date is a holiday, otherwise the weekday's hours.
   An interval whose end is not after its start is a night shift ending on the next
   date (start == end: 24 hours); it belongs to the date it starts on, so a holiday on
   that date drops the whole shift ("drop by start").
2. Resolve every wall-clock endpoint on its date with stdlib ``zoneinfo``: a time in a DST
   gap moves forward by the gap, a repeated time takes its first (earlier) occurrence,
   ``24:00`` is the next local midnight.
3. Work on UTC instants only: the open set is the union of those intervals; every question
   is answered by walking the merged intervals.

Nothing here is clever or fast: windows of dates are regenerated from scratch, widened
by doubling until an answer is found or a horizon is passed (then ``LookupError``).

Example:
    >>> import datetime as dt
    >>> cal = RefCalendar(weekly=weekly(MON_FRI, ("09:00", "17:00")), tz="Europe/Copenhagen")
    >>> t = dt.datetime(2025, 3, 7, 16, 30, tzinfo=ZoneInfo("Europe/Copenhagen"))
    >>> cal.deadline(t, dt.timedelta(hours=1)).astimezone(cal.zone).isoformat()
    '2025-03-10T09:30:00+01:00'
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from zoneinfo import ZoneInfo

__all__ = [
    "ALL_DAYS",
    "MON_FRI",
    "UTC",
    "Interval",
    "RefCalendar",
    "RefIntersection",
    "RefUnion",
    "ReferenceBase",
    "merge",
    "resolve",
    "sample_worked",
    "to_utc",
    "weekly",
]

UTC = dt.UTC
ZERO = dt.timedelta(0)
MON_FRI = (0, 1, 2, 3, 4)
ALL_DAYS = (0, 1, 2, 3, 4, 5, 6)

#: A half-open interval [start, end) of UTC instants.
Interval = tuple[dt.datetime, dt.datetime]
#: Wall-clock pairs ("HH:MM" or "HH:MM:SS"), e.g. ("09:00", "17:00") or ("22:00", "06:00").
Pair = tuple[str, str]

_FIRST_WINDOW = dt.timedelta(days=16)
_DEFAULT_HORIZON = dt.timedelta(days=366 * 12)


def weekly(days: Iterable[int], *pairs: Pair) -> dict[int, tuple[Pair, ...]]:
    """Weekly hours giving the same ``pairs`` to each weekday in ``days`` (0 = Monday)."""
    return {day: tuple(pairs) for day in days}


def _seconds(clock: str) -> int:
    hh, mm, *rest = (int(p) for p in clock.split(":"))
    return hh * 3600 + mm * 60 + (rest[0] if rest else 0)


def resolve(day: dt.date, clock: str, zone: ZoneInfo) -> dt.datetime:
    """The UTC instant of wall time ``clock`` on local date ``day`` in ``zone``.

    ``24:00`` is the next local midnight. A wall time inside a DST gap is moved forward by
    the length of the gap (zoneinfo ``fold=0``, RFC 5545 / Temporal "compatible"); a wall
    time that happens twice resolves to its first (earlier) occurrence.
    """
    secs = _seconds(clock)
    if secs == 24 * 3600:
        day, secs = day + dt.timedelta(days=1), 0
    naive = dt.datetime(day.year, day.month, day.day) + dt.timedelta(seconds=secs)
    candidates = {naive.replace(tzinfo=zone, fold=fold).astimezone(UTC) for fold in (0, 1)}
    real = [u for u in candidates if u.astimezone(zone).replace(tzinfo=None) == naive]
    if real:
        return min(real)
    # In a gap: fold=0 uses the offset from before the transition, which puts the instant
    # exactly "gap length" later on the new wall clock.
    return naive.replace(tzinfo=zone, fold=0).astimezone(UTC)


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """The union of ``intervals`` as sorted, disjoint, non-touching intervals."""
    out: list[Interval] = []
    for start, end in sorted(i for i in intervals if i[1] > i[0]):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _clip(intervals: Iterable[Interval], lo: dt.datetime, hi: dt.datetime) -> list[Interval]:
    return [(max(s, lo), min(e, hi)) for s, e in intervals if e > lo and s < hi]


def to_utc(t: dt.datetime) -> dt.datetime:
    """``t`` as a plain stdlib datetime in UTC.

    Plain on purpose: pendulum's ``DateTime`` in a stdlib ``timezone.utc`` loses its tzinfo
    when a timedelta is added (pendulum 3.3), so nothing here keeps pendulum objects.
    """
    if not isinstance(t, dt.datetime) or t.utcoffset() is None:
        raise ValueError(f"reference needs an aware datetime, got {t!r}")
    # A plain stdlib instant: drops subclass behaviour (pendulum), keeps microseconds.
    u = t.astimezone(UTC)
    return dt.datetime(
        u.year, u.month, u.day, u.hour, u.minute, u.second, u.microsecond, tzinfo=UTC
    )


class ReferenceBase:
    """Every question, answered from ``periods`` (merged open intervals) and ``is_open``."""

    @property
    def zone(self) -> ZoneInfo:
        """The zone results are shown in (the left operand's for set operations)."""
        raise NotImplementedError

    def periods(self, lo: dt.datetime, hi: dt.datetime) -> list[Interval]:
        """Merged open intervals clipped to [lo, hi), as UTC instants."""
        raise NotImplementedError

    def is_open(self, t: dt.datetime) -> bool:
        raise NotImplementedError

    # -- measuring ---------------------------------------------------------------------

    def worked(self, a: dt.datetime, b: dt.datetime) -> dt.timedelta:
        """Signed business time in [a, b) (negative when b < a)."""
        a, b = to_utc(a), to_utc(b)
        if b < a:
            return -self.worked(b, a)
        return sum((e - s for s, e in self.periods(a, b)), ZERO)

    # -- searching forward -------------------------------------------------------------

    def _forward(
        self, t: dt.datetime, horizon: dt.timedelta
    ) -> Iterator[tuple[dt.datetime, list[Interval]]]:
        """(t + w, periods in [t, t + w)) for w doubling until it passes ``horizon``."""
        width = _FIRST_WINDOW
        while True:
            yield t + width, self.periods(t, t + width)
            if width > horizon:
                raise LookupError(f"nothing found within {horizon} after {t.isoformat()}")
            width *= 2

    def _backward(self, t: dt.datetime, horizon: dt.timedelta) -> Iterator[list[Interval]]:
        width = _FIRST_WINDOW
        while True:
            yield self.periods(t - width, t)
            if width > horizon:
                raise LookupError(f"nothing found within {horizon} before {t.isoformat()}")
            width *= 2

    def next_open(self, t: dt.datetime, horizon: dt.timedelta = _DEFAULT_HORIZON) -> dt.datetime:
        """``t`` when open, else the start of the next open period."""
        t = to_utc(t)
        for _edge, window in self._forward(t, horizon):
            if window:
                return window[0][0]  # == t when a period contains t (clipped at t)
        raise AssertionError("unreachable")

    def next_close(self, t: dt.datetime, horizon: dt.timedelta = _DEFAULT_HORIZON) -> dt.datetime:
        """End of the period containing ``t``, else of the next one."""
        t = to_utc(t)
        for edge, window in self._forward(t, horizon):
            # A period clipped at the window's edge may go on beyond it: widen.
            if window and window[0][1] < edge:
                return window[0][1]
        raise AssertionError("unreachable")

    def exhausted_at(
        self, t: dt.datetime, d: dt.timedelta, horizon: dt.timedelta = _DEFAULT_HORIZON
    ) -> dt.datetime:
        """Earliest x >= t with worked(t, x) == d (an exact fit lands on the closing)."""
        t = to_utc(t)
        if d < ZERO:
            raise ValueError("exhausted_at takes d >= 0")
        if d == ZERO:
            return t
        for _edge, window in self._forward(t, horizon):
            left = d
            for s, e in window:
                if e - s >= left:
                    return s + left
                left -= e - s
        raise AssertionError("unreachable")

    def deadline(
        self, t: dt.datetime, d: dt.timedelta, horizon: dt.timedelta = _DEFAULT_HORIZON
    ) -> dt.datetime:
        """Latest x >= t with worked(t, x) <= d; negative d subtracts.

        Every instant between exhausted_at(t, d) and the next opening has used exactly d,
        so the latest such instant is that next opening (or exhausted_at itself when it is
        already open).
        """
        if d < ZERO:
            return self.subtract(t, -d, horizon)
        return self.next_open(self.exhausted_at(t, d, horizon), horizon)

    # -- searching backward ------------------------------------------------------------

    def subtract(
        self, t: dt.datetime, d: dt.timedelta, horizon: dt.timedelta = _DEFAULT_HORIZON
    ) -> dt.datetime:
        """Latest x <= t with worked(x, t) == d; negative d adds (deadline)."""
        t = to_utc(t)
        if d < ZERO:
            return self.deadline(t, -d, horizon)
        if d == ZERO:
            return t
        for window in self._backward(t, horizon):
            left = d
            for s, e in reversed(window):
                if e - s >= left:
                    return e - left
                left -= e - s
        raise AssertionError("unreachable")

    # -- set operations ----------------------------------------------------------------

    def __or__(self, other: ReferenceBase) -> RefUnion:
        return RefUnion(self, other)

    def __and__(self, other: ReferenceBase) -> RefIntersection:
        return RefIntersection(self, other)


@dataclasses.dataclass(frozen=True)
class RefCalendar(ReferenceBase):
    """Weekly hours per weekday (0 = Monday), a zone, holiday dates and date overrides.

    Args:
        weekly: weekday -> wall-clock pairs, e.g. ``{0: (("09:00", "12:00"), ("13:00", "17:00"))}``.
        tz: an IANA zone name.
        holidays: local dates whose own hours are dropped.
        overrides: local date -> pairs replacing that date's hours (``()`` = closed); an
            override beats a holiday.
    """

    weekly: Mapping[int, Sequence[Pair]]
    tz: str
    holidays: frozenset[dt.date] = frozenset()
    overrides: Mapping[dt.date, Sequence[Pair]] = dataclasses.field(default_factory=dict)
    #: Memo of intervals_on (a pure function of the fields above); speeds up sampling.
    _memo: dict[dt.date, list[Interval]] = dataclasses.field(
        default_factory=dict, compare=False, repr=False
    )

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)

    def pairs_on(self, day: dt.date) -> Sequence[Pair]:
        """The wall-clock pairs owned by local date ``day``."""
        if day in self.overrides:
            return self.overrides[day]
        if day in self.holidays:
            return ()
        return self.weekly.get(day.weekday(), ())

    def intervals_on(self, day: dt.date) -> list[Interval]:
        """The UTC intervals owned by local date ``day`` (unmerged; empty ones dropped)."""
        if day not in self._memo:
            self._memo[day] = self._intervals_on(day)
        return self._memo[day]

    def _intervals_on(self, day: dt.date) -> list[Interval]:
        zone = self.zone
        out = []
        for start, end in self.pairs_on(day):
            s = resolve(day, start, zone)
            if _seconds(end) <= _seconds(start):  # night shift: ends on the next date
                e = resolve(day + dt.timedelta(days=1), end, zone)
            else:
                e = resolve(day, end, zone)
            if e > s:
                out.append((s, e))
        return out

    def _local_date(self, t: dt.datetime) -> dt.date:
        return t.astimezone(self.zone).date()

    def periods(self, lo: dt.datetime, hi: dt.datetime) -> list[Interval]:
        lo, hi = to_utc(lo), to_utc(hi)
        if hi <= lo:
            return []
        first = self._local_date(lo) - dt.timedelta(days=2)
        last = self._local_date(hi) + dt.timedelta(days=1)
        raw: list[Interval] = []
        day = first
        while day <= last:
            raw.extend(self.intervals_on(day))
            day += dt.timedelta(days=1)
        return _clip(merge(raw), lo, hi)

    def is_open(self, t: dt.datetime) -> bool:
        """Checked straight against each nearby date's intervals (no merging involved)."""
        t = to_utc(t)
        here = self._local_date(t)
        for back in (2, 1, 0, -1):
            day = here - dt.timedelta(days=back)
            if any(s <= t < e for s, e in self.intervals_on(day)):
                return True
        return False

    @classmethod
    def always(cls, tz: str = "UTC") -> RefCalendar:
        """24x7: every date 00:00-24:00, merged into one endless period."""
        return cls(weekly=weekly(ALL_DAYS, ("00:00", "24:00")), tz=tz)


@dataclasses.dataclass(frozen=True)
class RefUnion(ReferenceBase):
    """Open when either calendar is open (instants, so zones may differ)."""

    left: ReferenceBase
    right: ReferenceBase

    @property
    def zone(self) -> ZoneInfo:
        return self.left.zone

    def periods(self, lo: dt.datetime, hi: dt.datetime) -> list[Interval]:
        return merge(self.left.periods(lo, hi) + self.right.periods(lo, hi))

    def is_open(self, t: dt.datetime) -> bool:
        return self.left.is_open(t) or self.right.is_open(t)


@dataclasses.dataclass(frozen=True)
class RefIntersection(ReferenceBase):
    """Open when both calendars are open."""

    left: ReferenceBase
    right: ReferenceBase

    @property
    def zone(self) -> ZoneInfo:
        return self.left.zone

    def periods(self, lo: dt.datetime, hi: dt.datetime) -> list[Interval]:
        out = []
        for s1, e1 in self.left.periods(lo, hi):
            for s2, e2 in self.right.periods(lo, hi):
                s, e = max(s1, s2), min(e1, e2)
                if e > s:
                    out.append((s, e))
        return merge(out)

    def is_open(self, t: dt.datetime) -> bool:
        return self.left.is_open(t) and self.right.is_open(t)


def sample_worked(
    cal: ReferenceBase,
    a: dt.datetime,
    b: dt.datetime,
    step: dt.timedelta = dt.timedelta(minutes=1),
) -> dt.timedelta:
    """Business time in [a, b) by sampling ``cal.is_open`` every ``step`` from ``a``.

    Exact when every opening and closing of ``cal`` and ``a`` and ``b`` lie on the grid
    a + k * step (for minute steps: minute-aligned hours in zones whose offsets are whole
    minutes, and minute-aligned a and b); then each sample stands for a whole step that is
    either entirely open or entirely closed.
    """
    a, b = to_utc(a), to_utc(b)
    total = ZERO
    u = a
    while u < b:
        if cal.is_open(u):
            total += step
        u += step
    return total
