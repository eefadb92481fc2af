"""Shared hypothesis strategies for calendar tests.

A random calendar is a :class:`CalendarSpec`: plain data (weekly wall-clock pairs per
weekday, a zone name, holiday dates, date overrides) that renders itself both as the
engine's inputs (:meth:`CalendarSpec.engine_args`, in the string or the mapping form) and
as the slow reference (:meth:`CalendarSpec.reference`). This module never imports slacalc,
so the reference can be exercised on its own.

Scenarios concentrate the interesting cases: holidays and overrides are drawn around an
anchor date, the anchor is often a DST transition of the calendar's zone, and instants
are drawn around the anchor, often on a 15-minute grid so they land exactly on openings
and closings.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from typing import Any
from zoneinfo import ZoneInfo

import pendulum
from hypothesis import strategies as st

from tests.reference import UTC, RefCalendar

__all__ = [
    "DAY_NAMES",
    "ZONES",
    "CalendarSpec",
    "Scenario",
    "aware_instants",
    "budget",
    "calendar_specs",
    "day_pairs",
    "durations",
    "instants_near",
    "scenarios",
    "transitions",
]

#: The zones the issue names: ordinary DST, a 30-minute DST shift, a missing midnight, a
#: half-hour offset without DST, and UTC.
ZONES = (
    "Europe/Copenhagen",
    "America/New_York",
    "Australia/Lord_Howe",
    "America/Santiago",
    "Asia/Kolkata",
    "UTC",
)
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_TITLE = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

FIRST_DAY = dt.date(2024, 1, 1)
LAST_DAY = dt.date(2027, 12, 31)
HOUR = dt.timedelta(hours=1)

Pair = tuple[str, str]


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _minutes(clock: str) -> int:
    hh, mm = clock.split(":")
    return int(hh) * 60 + int(mm)


# ---------------------------------------------------------------------------------------
# One day's hours
# ---------------------------------------------------------------------------------------

#: Clock times in minutes; mostly on the half hour, so DST edges (00:00, 01:00, 02:00,
#: 02:30, 03:00) and midnight come up often.
_times = st.one_of(
    st.integers(0, 48).map(lambda k: k * 30),
    st.integers(0, 1440),
)


def _between(lo: int, hi: int) -> st.SearchStrategy[int]:
    """Minutes in [lo, hi], often on the half hour."""
    halves = [m for m in range(lo, hi + 1) if m % 30 == 0]
    if not halves:
        return st.integers(lo, hi)
    return st.one_of(st.sampled_from(halves), st.integers(lo, hi))


@st.composite
def day_pairs(draw: st.DrawFn, *, allow_empty: bool = True) -> tuple[Pair, ...]:
    """One day's intervals: up to three disjoint, non-touching ones, maybe a night shift.

    Same-day intervals never touch or overlap, and a night shift (end <= start, ending the
    next day; end == start is a 24-hour shift, written with ``+1`` for the engine) starts
    after the day's last interval and ends before its first, so the day is valid under any
    reading of "overlapping on the same day". ``24:00`` appears as an end.
    """
    count = draw(st.integers(0, 3))
    bounds = sorted(draw(st.sets(_times, min_size=2 * count, max_size=2 * count)))
    pairs = [(bounds[2 * i], bounds[2 * i + 1]) for i in range(count)]
    out = [(_clock(s), _clock(e)) for s, e in pairs]
    if draw(st.booleans()) or not (allow_empty or pairs):
        last_end = pairs[-1][1] if pairs else -1
        if last_end < 1439:
            start = draw(_between(last_end + 1, 1439))
            if not pairs:
                end = draw(_between(0, start))
                out.append((_clock(start), _clock(end)))
            elif pairs[0][0] > 0:
                end = draw(_between(0, pairs[0][0] - 1))
                out.append((_clock(start), _clock(end)))
    if not (allow_empty or out):
        out.append(("09:00", "17:00"))
    return tuple(out)


# ---------------------------------------------------------------------------------------
# Calendars
# ---------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class CalendarSpec:
    """A calendar as plain, hashable data.

    Attributes:
        weekly: seven tuples of wall-clock pairs, Monday first.
        tz: IANA zone name.
        holidays: local dates that lose their own hours.
        overrides: (date, pairs) replacing that date's hours; ``()`` means closed.
        form: "string" or "mapping": how :meth:`engine_args` writes the hours.
        variant: a seed for the cosmetic choices of :meth:`engine_args` (date as a
            ``dt.date`` or an ISO string, a single interval as a string or a list).
    """

    weekly: tuple[tuple[Pair, ...], ...]
    tz: str
    holidays: frozenset[dt.date] = frozenset()
    overrides: tuple[tuple[dt.date, tuple[Pair, ...]], ...] = ()
    form: str = "mapping"
    variant: int = 0

    def reference(self) -> RefCalendar:
        return _reference(self)

    def weekly_hours(self) -> dt.timedelta:
        """Nominal open time per week (wall clock, before holidays and DST)."""
        total = 0
        for pairs in self.weekly:
            for s, e in pairs:
                sm, em = _minutes(s), _minutes(e)
                total += em - sm if em > sm else em + 1440 - sm
        return dt.timedelta(minutes=total)

    def _day_value(self, pairs: tuple[Pair, ...], salt: int) -> object:
        texts = [interval_text(s, e) for s, e in pairs]
        if not texts:
            return "closed" if (self.variant + salt) % 2 else []
        if len(texts) == 1 and (self.variant + salt) % 3:
            return texts[0]
        return texts

    def _date_key(self, day: dt.date, salt: int) -> object:
        return day if (self.variant + salt) % 2 else day.isoformat()

    def hours_text(self) -> str:
        """The string form: one clause per group of weekdays with equal hours."""
        groups: dict[tuple[Pair, ...], list[int]] = {}
        for day, pairs in enumerate(self.weekly):
            if pairs:
                groups.setdefault(pairs, []).append(day)
        clauses = []
        for pairs, days in groups.items():
            intervals = ",".join(interval_text(s, e) for s, e in pairs)
            if len(days) > 1 and days == list(range(days[0], days[-1] + 1)):
                names = f"{_TITLE[days[0]]}-{_TITLE[days[-1]]}"
            else:
                names = ",".join(_TITLE[d] for d in days)
            clauses.append(f"{names} {intervals}")
        return "; ".join(clauses)

    def engine_args(self) -> tuple[Any, dict[str, Any]]:
        """``(hours, keyword arguments)`` for ``BusinessCalendar(hours, **kwargs)``."""
        if self.form == "string":
            hours: object = self.hours_text()
        else:
            hours = {
                DAY_NAMES[day]: self._day_value(pairs, day)
                for day, pairs in enumerate(self.weekly)
                if pairs or (self.variant + day) % 2
            }
        kwargs: dict[str, object] = {"tz": self.tz}
        if self.holidays:
            kwargs["holidays"] = [
                self._date_key(day, i) for i, day in enumerate(sorted(self.holidays))
            ]
        if self.overrides:
            kwargs["overrides"] = {
                self._date_key(day, i): self._day_value(pairs, i)
                for i, (day, pairs) in enumerate(self.overrides)
            }
        return hours, kwargs


def interval_text(start: str, end: str) -> str:
    """An interval as the engine reads it: a 24-hour shift (start == end) needs ``+1``."""
    return f"{start}-{end}+1" if start == end else f"{start}-{end}"


@functools.cache
def _reference(spec: CalendarSpec) -> RefCalendar:
    return RefCalendar(
        weekly={day: pairs for day, pairs in enumerate(spec.weekly) if pairs},
        tz=spec.tz,
        holidays=spec.holidays,
        overrides=dict(spec.overrides),
    )


@functools.cache
def transitions(zone: str) -> tuple[dt.datetime, ...]:
    """The UTC instants of every offset change of ``zone`` in 2024-2027."""
    z = ZoneInfo(zone)
    out = []
    t = dt.datetime(FIRST_DAY.year, 1, 1, tzinfo=UTC)
    end = dt.datetime(LAST_DAY.year + 1, 1, 1, tzinfo=UTC)
    step = dt.timedelta(hours=6)
    while t < end:
        if t.astimezone(z).utcoffset() != (t + step).astimezone(z).utcoffset():
            lo, hi = t, t + step
            while hi - lo > dt.timedelta(minutes=1):
                mid = lo + (hi - lo) / 2
                if mid.astimezone(z).utcoffset() == lo.astimezone(z).utcoffset():
                    lo = mid
                else:
                    hi = mid
            out.append(hi.replace(second=0, microsecond=0))
        t += step
    return tuple(out)


@dataclasses.dataclass(frozen=True)
class Scenario:
    """A calendar and the local date around which its exceptions and instants cluster."""

    spec: CalendarSpec
    anchor: dt.datetime  # a UTC instant: a DST transition of spec.tz or a random one


_anchor_days = st.dates(FIRST_DAY + dt.timedelta(days=30), LAST_DAY - dt.timedelta(days=400))


@st.composite
def scenarios(
    draw: st.DrawFn,
    *,
    zones: tuple[str, ...] = ZONES,
    max_holidays: int = 4,
    max_overrides: int = 3,
) -> Scenario:
    """A random calendar (never "never open") with holidays/overrides near an anchor."""
    tz = draw(st.sampled_from(zones))
    changes = [
        c
        for c in transitions(tz)
        if FIRST_DAY + dt.timedelta(days=30) <= c.date() <= LAST_DAY - dt.timedelta(days=400)
    ]
    if len(changes) > 0 and draw(st.booleans()):
        anchor = draw(st.sampled_from(changes))
    else:
        day = draw(_anchor_days)
        anchor = dt.datetime(day.year, day.month, day.day, tzinfo=UTC) + draw(
            st.integers(0, 47).map(lambda k: k * dt.timedelta(minutes=30))
        )
    weekly = list(draw(st.lists(day_pairs(), min_size=7, max_size=7)))
    if not any(weekly):
        weekly[draw(st.integers(0, 6))] = draw(day_pairs(allow_empty=False))
    near = st.integers(-10, 10).map(lambda k: anchor.date() + dt.timedelta(days=k))
    holidays = frozenset(draw(st.sets(near, max_size=max_holidays)))
    override_days = sorted(draw(st.sets(near, max_size=max_overrides)))
    overrides = tuple((day, draw(day_pairs())) for day in override_days)
    spec = CalendarSpec(
        weekly=tuple(weekly),
        tz=tz,
        holidays=holidays,
        overrides=overrides,
        form=draw(st.sampled_from(["string", "mapping"])),
        variant=draw(st.integers(0, 5)),
    )
    return Scenario(spec, anchor)


def calendar_specs(**kwargs: Any) -> st.SearchStrategy[CalendarSpec]:
    """Just the calendar of :func:`scenarios`."""
    return scenarios(**kwargs).map(lambda s: s.spec)


# ---------------------------------------------------------------------------------------
# Instants and durations
# ---------------------------------------------------------------------------------------

_FIXED = st.sampled_from(
    [
        dt.timezone(dt.timedelta(hours=-3, minutes=-30)),
        dt.timezone(dt.timedelta(hours=5, minutes=45)),
        dt.timezone(dt.timedelta(hours=14)),
    ]
)


@st.composite
def _present(draw: st.DrawFn, t: dt.datetime, tz: str | None) -> dt.datetime:
    """The instant ``t`` shown in a random zone: UTC, the calendar's, another, a fixed one,
    or as a pendulum DateTime."""
    choices: list[dt.tzinfo] = [UTC, ZoneInfo(draw(st.sampled_from(ZONES)))]
    if tz is not None:
        choices.append(ZoneInfo(tz))
    choices.append(draw(_FIXED))
    shown = t.astimezone(draw(st.sampled_from(choices)))
    if draw(st.integers(0, 9)) == 0:
        # pendulum.instance() re-resolves the wall time and loses fold=1 (the second of two
        # repeated wall times); building from the timestamp keeps the instant.
        zone = getattr(shown.tzinfo, "key", None) or "UTC"
        as_pendulum = pendulum.from_timestamp(shown.timestamp(), tz=zone)
        if as_pendulum == shown:
            return as_pendulum
    return shown


@st.composite
def instants_near(
    draw: st.DrawFn,
    anchor: dt.datetime,
    *,
    days: int = 10,
    tz: str | None = None,
    grid: bool | None = None,
) -> dt.datetime:
    """An aware instant within ``days`` of ``anchor``.

    Half of them sit on a 15-minute grid (so they hit openings and closings exactly; a
    quarter of those one microsecond off it), the rest anywhere to the microsecond.
    ``tz`` adds the calendar's zone to the zones the instant may be shown in.
    """
    on_grid = draw(st.booleans()) if grid is None else grid
    if on_grid:
        quarter = dt.timedelta(minutes=15)
        base = anchor.replace(minute=anchor.minute - anchor.minute % 15, second=0, microsecond=0)
        t = base + draw(st.integers(-days * 96, days * 96)) * quarter
        if grid is None and draw(st.integers(0, 3)) == 0:
            t += dt.timedelta(microseconds=draw(st.sampled_from([-1, 1])))  # just off an edge
    else:
        span = days * 86_400_000_000
        t = anchor + dt.timedelta(microseconds=draw(st.integers(-span, span)))
    return draw(_present(t, tz))


def aware_instants(tz: str | None = None) -> st.SearchStrategy[dt.datetime]:
    """Any aware instant in 2024-2027, often near a DST transition of a tested zone."""
    all_changes = sorted({c for zone in ZONES for c in transitions(zone)})
    anchors = st.one_of(
        st.sampled_from(all_changes),
        st.datetimes(dt.datetime(2024, 1, 2), dt.datetime(2027, 12, 30), timezones=st.just(UTC)),
    )
    return anchors.flatmap(lambda a: instants_near(a, days=1, tz=tz))


def durations(
    max_value: dt.timedelta = dt.timedelta(hours=400),
) -> st.SearchStrategy[dt.timedelta]:
    """Non-negative durations up to ``max_value``: zero, quarter hours, or any microsecond."""
    quarters = int(max_value / dt.timedelta(minutes=15))
    micros = int(max_value / dt.timedelta(microseconds=1))
    return st.one_of(
        st.just(dt.timedelta(0)),
        st.integers(1, max(1, quarters)).map(lambda k: k * dt.timedelta(minutes=15)),
        st.integers(1, max(1, micros)).map(lambda us: dt.timedelta(microseconds=us)),
    ).filter(lambda d: d <= max_value)


def budget(spec: CalendarSpec, weeks: int = 20) -> dt.timedelta:
    """The largest duration worth drawing for ``spec``: 400 h, or ``weeks`` of its hours
    for sparse calendars (so answers stay within months, far inside any search bound)."""
    return min(dt.timedelta(hours=400), spec.weekly_hours() * weeks)
