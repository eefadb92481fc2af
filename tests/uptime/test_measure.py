"""Measured availability from incident logs: merging, clipping, weights, maintenance, hours."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Iterator
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

import slacalc
from slacalc import (
    InvalidDurationError,
    InvalidIntervalError,
    InvalidOptionError,
    InvalidPeriodError,
    InvalidWeightError,
    NaiveDatetimeError,
    NoEligibleTimeError,
    NotAnIntervalError,
    NumberTypeError,
    OpenOutageError,
    Outage,
    UnknownSeverityError,
    calendar_month,
    measure_availability,
    merge_outages,
)
from slacalc.uptime import OutageLike

UTC = dt.UTC
JUNE = calendar_month(2026, 6)  # 30 days = 43 200 minutes
MIN = dt.timedelta(minutes=1)


def at(day: int, hour: int = 0, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(2026, 6, day, hour, minute, second, tzinfo=UTC)


def minutes(value: Fraction | None) -> Fraction:
    assert value is not None
    return value / 60


def test_one_outage_exactly_at_the_target() -> None:
    report = measure_availability([(at(9, 14), at(9, 14, 43, 12))], JUNE, target="99.9%")
    assert report.availability == "99.9%"
    assert report.eligible_time == dt.timedelta(days=30)
    assert report.downtime == dt.timedelta(minutes=43, seconds=12)
    assert report.allowed_downtime == dt.timedelta(minutes=43, seconds=12)
    assert report.remaining_budget == dt.timedelta(0)
    assert report.target_met is True
    assert report.window == (JUNE.start, JUNE.end)


def test_breached_target_has_negative_budget() -> None:
    report = measure_availability([(at(9, 14), at(9, 14, 1))], JUNE, target="99.999%")
    # allowed 0.432 min = 25.92 s; 60 s down: 34.08 s over.
    assert report.allowed_downtime == dt.timedelta(seconds=25, microseconds=920_000)
    assert report.remaining_budget_seconds == Fraction("-34.08")
    assert report.remaining_budget == -dt.timedelta(seconds=34, microseconds=80_000)
    assert report.target_met is False
    assert report.availability == Fraction(43199, 43200)


def test_without_target() -> None:
    report = measure_availability([], JUNE)
    assert report.availability == "100%"
    assert report.target is None
    assert report.allowed_downtime is None
    assert report.allowed_downtime_seconds is None
    assert report.remaining_budget is None
    assert report.remaining_budget_seconds is None
    assert report.target_met is None
    assert report.maintenance_mode is None


def test_overlaps_are_counted_once_and_attributed() -> None:
    outages = [
        (at(1, 10), at(1, 10, 30)),
        (at(1, 10, 15), at(1, 10, 45)),
        (at(1, 10), at(1, 10, 30)),
    ]  # the third duplicates the first
    report = measure_availability(outages, JUNE)
    assert report.downtime == dt.timedelta(minutes=45)
    assert [minutes(s.counted_seconds) for s in report.outages] == [30, 15, 0]
    assert report.availability.fraction == 1 - Fraction(45, 43200)


def test_clipped_to_the_window() -> None:
    # An outage from 31 May 23:00 to 1 June 01:00 counts one hour in June; one in July none.
    outages = [
        (dt.datetime(2026, 5, 31, 23, tzinfo=UTC), at(1, 1)),
        (dt.datetime(2026, 7, 1, tzinfo=UTC), dt.datetime(2026, 7, 1, 1, tzinfo=UTC)),
        (at(30, 23, 30), dt.datetime(2026, 7, 1, 0, 30, tzinfo=UTC)),
    ]
    report = measure_availability(outages, JUNE)
    assert [minutes(s.counted_seconds) for s in report.outages] == [60, 0, 30]


def test_weights_take_the_heaviest_where_outages_overlap() -> None:
    outages: list[OutageLike] = [
        (at(2, 10), at(2, 11), "partial"),  # 60 min at 0.3
        (at(2, 10, 30), at(2, 10, 40)),  # 10 min full, inside the partial one
        (at(2, 12), at(2, 13), "degraded"),  # weight 0: never downtime
    ]
    report = measure_availability(outages, JUNE)
    # 30 min x 0.3 + 10 min x 1 + 20 min x 0.3 = 25 min
    assert minutes(report.downtime_seconds) == 25
    assert [minutes(s.counted_seconds) for s in report.outages] == [15, 10, 0]
    assert [s.weight for s in report.outages] == [Fraction(3, 10), 1, 0]
    assert report.outages[0].counted == dt.timedelta(minutes=15)


def test_configurable_weights() -> None:
    outages = [(at(2, 10), at(2, 11), "partial"), (at(3, 10), at(3, 10, 30), "critical")]
    # incident.io counts a partial outage fully; a new severity needs its weight.
    report = measure_availability(outages, JUNE, weights={"partial": "100%", "critical": 1})
    assert minutes(report.downtime_seconds) == 90
    half = measure_availability(outages[:1], JUNE, weights={"partial": Fraction(1, 2)})
    assert minutes(half.downtime_seconds) == 30
    assert {
        "full": 1,
        "major": 1,
        "partial": Fraction(3, 10),
        "degraded": 0,
    } == slacalc.DEFAULT_SEVERITY_WEIGHTS


def test_maintenance_modes_differ() -> None:
    # 10 min maintenance + 43.2 min outage in a 30-day month (43 200 min), by hand:
    # exclude (43190 - 43.2) / 43190 = 99.89998 %; count as up (43200 - 43.2) / 43200 = 99.9 %.
    outage = (at(9, 14), at(9, 14, 43, 12))
    upkeep = [(at(20, 2), at(20, 2, 10))]
    up = measure_availability(
        [outage], JUNE, maintenance=upkeep, maintenance_mode="count_as_up", target="99.9%"
    )
    ex = measure_availability(
        [outage], JUNE, maintenance=upkeep, maintenance_mode="exclude", target="99.9%"
    )
    assert up.availability == "99.9%"
    assert up.target_met
    assert ex.availability.fraction == (43190 - Fraction("43.2")) / 43190
    assert ex.availability.format(5, rounding="half_up") == "99.89998%"
    assert ex.target_met is False
    assert ex.eligible_time == dt.timedelta(days=30, minutes=-10)
    assert ex.maintenance_mode == "exclude"
    assert up.maintenance_mode == "count_as_up"


def test_outage_during_maintenance_is_not_downtime() -> None:
    outages = [(at(20, 1, 50), at(20, 2, 20))]  # 30 min, 10 of them in maintenance
    upkeep = [(at(20, 2), at(20, 2, 10)), (at(20, 2, 5), at(20, 2, 10))]  # overlapping windows
    for mode in ("count_as_up", "exclude"):
        report = measure_availability(outages, JUNE, maintenance=upkeep, maintenance_mode=mode)
        assert minutes(report.downtime_seconds) == 20
    inside = measure_availability(
        [(at(20, 2, 1), at(20, 2, 9))], JUNE, maintenance=upkeep, maintenance_mode="count_as_up"
    )
    assert inside.downtime == dt.timedelta(0)


def test_min_outage_granularity() -> None:
    # Google Cloud: "Partial minutes or Intermittent Downtime for a period of less than one
    # minute will not be counted"; runs of downtime are measured after merging.
    blip = (at(5, 10), at(5, 10, 0, 59))
    minute = (at(5, 11), at(5, 11, 1))
    touching = [(at(5, 12), at(5, 12, 0, 40)), (at(5, 12, 0, 40), at(5, 12, 1, 20))]
    apart = [(at(5, 13), at(5, 13, 0, 40)), (at(5, 13, 0, 41), at(5, 13, 1, 21))]
    report = measure_availability([blip, minute, *touching, *apart], JUNE, min_outage="1m")
    assert [s.counted_seconds for s in report.outages] == [0, 60, 40, 40, 0, 0]
    plain = measure_availability([blip, minute, *touching, *apart], JUNE)
    assert plain.downtime_seconds == 59 + 60 + 80 + 80
    # A run that starts before the window is measured whole: 2 min, 30 s of it in June.
    edge = (dt.datetime(2026, 5, 31, 23, 58, 30, tzinfo=UTC), at(1, 0, 0, 30))
    assert measure_availability([edge], JUNE, min_outage="1m").downtime_seconds == 30
    # Maintenance splits a run: 40 s + maintenance + 40 s are two short runs.
    split = measure_availability(
        [(at(6, 9), at(6, 9, 2))],
        JUNE,
        min_outage=dt.timedelta(minutes=1),
        maintenance=[(at(6, 9, 0, 40), at(6, 9, 1, 20))],
        maintenance_mode="count_as_up",
    )
    assert split.downtime_seconds == 0


def test_open_outage_needs_as_of() -> None:
    start = at(30, 23)
    report = measure_availability([(start, None)], JUNE, as_of=at(30, 23, 30))
    assert report.downtime == dt.timedelta(minutes=30)
    assert report.outages[0].outage.end is None
    # Running past the end of the window: clipped.
    later = measure_availability([Outage(start)], JUNE, as_of=dt.datetime(2026, 7, 2, tzinfo=UTC))
    assert later.downtime == dt.timedelta(hours=1)
    with pytest.raises(
        OpenOutageError,
        match=r"The outage starting '2026-06-30T23:00:00\+00:00' "
        r"has no end; pass as_of=",
    ):
        measure_availability([(start, None)], JUNE)
    with pytest.raises(InvalidIntervalError, match=r"as_of .* is before the open outage's start"):
        measure_availability([(start, None)], JUNE, as_of=at(30, 22))


class Severity(enum.Enum):
    PARTIAL = "partial"


@dataclasses.dataclass
class Incident:
    start: dt.datetime
    end: dt.datetime | None
    severity: Severity
    label: str = "INC-1"


@dataclasses.dataclass
class Row:
    start: dt.datetime
    end: dt.datetime


def test_records_with_start_and_end() -> None:
    report = measure_availability(
        [
            Incident(at(3, 10), at(3, 11), Severity.PARTIAL),
            Row(at(4, 10), at(4, 10, 10)),
            Outage(at(5, 10), at(5, 10, 5), label="INC-3"),
        ],
        JUNE,
    )
    assert [minutes(s.counted_seconds) for s in report.outages] == [18, 10, 5]
    assert report.outages[0].outage == Outage(at(3, 10), at(3, 11), "partial", "INC-1")
    assert report.outages[1].outage.severity == "full"


def test_mixed_time_zones_are_the_same_instants() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    local = (dt.datetime(2026, 6, 3, 12, tzinfo=berlin), dt.datetime(2026, 6, 3, 13, tzinfo=berlin))
    utc = (at(3, 10, 30), at(3, 11, 30))  # overlaps the Berlin one by 30 minutes
    report = measure_availability([local, utc], JUNE)
    assert report.downtime == dt.timedelta(minutes=90)


class WeekdayHours:
    """A minimal calendar: Mon-Fri 09:00-17:00 UTC, as the engine's open_periods would say."""

    def open_periods(
        self, start: dt.datetime, end: dt.datetime
    ) -> Iterator[tuple[dt.datetime, dt.datetime]]:
        day = start.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        while day < end:
            if day.weekday() < 5:
                a, b = day.replace(hour=9), day.replace(hour=17)
                a, b = max(a, start), min(b, end)
                if a < b:
                    yield a, b
            day += dt.timedelta(days=1)


def test_business_hours_only() -> None:
    week = (at(1), at(8))  # Monday 1 June to Monday 8 June 2026: 40 business hours
    outages = [
        (at(1, 16), at(1, 18)),  # 1 h inside
        (at(2, 20), at(3, 8)),  # overnight: nothing
        (at(6, 10), at(6, 12)),  # Saturday: nothing
    ]
    report = measure_availability(outages, week, calendar=WeekdayHours(), target="99%")
    assert report.eligible_time == dt.timedelta(hours=40)
    assert report.downtime == dt.timedelta(hours=1)
    assert report.availability.fraction == Fraction(39, 40)
    assert report.allowed_downtime == dt.timedelta(minutes=24)  # 1 % of 40 h
    assert [s.counted_seconds for s in report.outages] == [3600, 0, 0]


def test_business_hours_with_excluded_maintenance() -> None:
    week = (at(1), at(8))
    report = measure_availability(
        [(at(2, 9), at(2, 10))],
        week,
        calendar=WeekdayHours(),
        maintenance=[(at(2, 9, 30), at(2, 11)), (at(6, 9), at(6, 12))],  # Saturday one: closed
        maintenance_mode="exclude",
    )
    assert report.eligible_time == dt.timedelta(hours=38, minutes=30)
    assert report.downtime == dt.timedelta(minutes=30)


def test_with_a_business_calendar() -> None:
    cal = slacalc.BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Berlin")
    berlin = ZoneInfo("Europe/Berlin")
    # The week of the spring DST change: business hours are the same 40 local hours.
    week = (dt.datetime(2026, 3, 23, tzinfo=berlin), dt.datetime(2026, 3, 30, 12, tzinfo=berlin))
    outage = (
        dt.datetime(2026, 3, 30, 8, tzinfo=berlin),
        dt.datetime(2026, 3, 30, 9, 30, tzinfo=berlin),
    )
    report = measure_availability([outage], week, calendar=cal)
    assert report.eligible_time == dt.timedelta(hours=43)
    assert report.downtime == dt.timedelta(minutes=30)
    assert report.availability.fraction == 1 - Fraction(1, 86)


class OnlyOpenPeriods:
    """A calendar seen only through its public open_periods, without the µs port."""

    def __init__(self, calendar: slacalc.BusinessCalendar) -> None:
        self.calendar = calendar

    def open_periods(
        self, start: dt.datetime, end: dt.datetime
    ) -> Iterator[tuple[dt.datetime, dt.datetime]]:
        return self.calendar.open_periods(start, end)


@given(
    outages=st.lists(st.tuples(st.integers(0, 14 * 24 * 60), st.integers(0, 600)), max_size=6),
    upkeep=st.lists(st.tuples(st.integers(0, 14 * 24 * 60), st.integers(0, 300)), max_size=2),
    mode=st.sampled_from(["count_as_up", "exclude"]),
)
def test_the_microsecond_port_agrees_with_open_periods(
    outages: list[tuple[int, int]], upkeep: list[tuple[int, int]], mode: str
) -> None:
    # Two weeks around the autumn DST change, with a night shift across midnight.
    cal = slacalc.BusinessCalendar(
        {"mon-fri": "09:00-17:00", "sat": "22:00-02:00"}, tz="Europe/Berlin"
    )
    t0 = dt.datetime(2026, 10, 19, 3, tzinfo=UTC)
    window = (t0, t0 + dt.timedelta(days=14))
    log = [(t0 + s * MIN, t0 + (s + n) * MIN) for s, n in outages]
    maintenance = [(t0 + s * MIN, t0 + (s + n) * MIN) for s, n in upkeep]
    options = {"maintenance": maintenance, "maintenance_mode": mode, "min_outage": "5m"}
    fast = measure_availability(log, window, calendar=cal, **options)  # type: ignore[arg-type]
    slow = measure_availability(log, window, calendar=OnlyOpenPeriods(cal), **options)  # type: ignore[arg-type]
    assert fast == slow


def test_no_eligible_time() -> None:
    weekend = (at(6), at(8))
    with pytest.raises(NoEligibleTimeError, match=r"Nothing of the window '2026-06-06T00:00:00"):
        measure_availability([], weekend, calendar=WeekdayHours())
    with pytest.raises(NoEligibleTimeError, match=r"count maintenance as up"):
        measure_availability(
            [], JUNE, maintenance=[(JUNE.start, JUNE.end)], maintenance_mode="exclude"
        )


def test_merge_outages() -> None:
    h = dt.timedelta(hours=1)
    t = at(3, 10)
    outages: list[OutageLike] = [
        (t, t + 2 * h, "partial"),
        (t + h, t + 3 * h),
        (t + 2 * h, t + 4 * h),
        (t + 5 * h, t + 5 * h),
        (t + 6 * h, t + 7 * h, "degraded"),
    ]
    merged = merge_outages(outages)
    assert merged == (
        Outage(t, t + h, "partial"),
        Outage(t + h, t + 4 * h, "full"),
        Outage(t + 6 * h, t + 7 * h, "degraded"),
    )
    assert merge_outages(merged) == merged
    assert merge_outages(reversed(outages)) == merged
    assert all(o.start.tzinfo is UTC for o in merged)
    # Equal weights: the alphabetically first severity wins, whatever the order.
    tie = [(t, t + h, "major"), (t, t + h, "full")]
    assert merge_outages(tie) == merge_outages(tie[::-1]) == (Outage(t, t + h, "full"),)
    assert merge_outages([(t, None)], as_of=t + h) == (Outage(t, t + h),)
    assert merge_outages([]) == ()


# --- Error paths ------------------------------------------------------------------------
def test_bad_outages() -> None:
    with pytest.raises(NotAnIntervalError, match=r"'2026-06-03' is not an outage; pass \(start"):
        measure_availability(["2026-06-03"], JUNE)  # type: ignore[list-item]
    with pytest.raises(NotAnIntervalError, match=r"is not an outage"):
        measure_availability([(at(1), at(2), "full", "x")], JUNE)  # type: ignore[list-item]
    with pytest.raises(InvalidIntervalError, match=r"The outage ends at '2026-06-01T09:00:00"):
        measure_availability([(at(1, 10), at(1, 9))], JUNE)
    with pytest.raises(NaiveDatetimeError, match=r"has no time zone"):
        measure_availability([(dt.datetime(2026, 6, 1), at(1, 9))], JUNE)
    with pytest.raises(
        UnknownSeverityError,
        match=r"Unknown severity 'critical'; use one of "
        r"'degraded', 'full', 'major', 'partial'",
    ):
        measure_availability([(at(1), at(2), "critical")], JUNE)
    with pytest.raises(UnknownSeverityError, match=r"Severity 3 is not a name"):
        measure_availability([(at(1), at(2), 3)], JUNE)  # type: ignore[list-item]
    with pytest.raises(UnknownSeverityError, match=r"Severity '' is not a name"):
        Outage(at(1), at(2), "")


def test_bad_weights() -> None:
    with pytest.raises(InvalidWeightError, match=r"'130%' is out of range: a weight must be"):
        measure_availability([], JUNE, weights={"partial": "130%"})
    with pytest.raises(InvalidWeightError, match=r"2 is ambiguous"):
        measure_availability([], JUNE, weights={"partial": 2})
    with pytest.raises(NumberTypeError, match=r"0.3 is a binary float.*Decimal\('0.3'\) or '30%'"):
        measure_availability([], JUNE, weights={"partial": 0.3})
    with pytest.raises(InvalidWeightError, match=r"Weight key 1 is not a severity name"):
        measure_availability([], JUNE, weights={1: "30%"})  # type: ignore[dict-item]
    with pytest.raises(InvalidWeightError, match=r"weights=\[\('partial', '30%'\)\] is not a map"):
        measure_availability([], JUNE, weights=[("partial", "30%")])  # type: ignore[arg-type]


def test_bad_maintenance() -> None:
    upkeep = [(at(2), at(2, 1))]
    with pytest.raises(
        InvalidOptionError,
        match=r"Maintenance windows were given without "
        r"maintenance_mode; say how they count",
    ):
        measure_availability([], JUNE, maintenance=upkeep)
    with pytest.raises(InvalidOptionError, match=r"Unknown maintenance_mode 'ignore'"):
        measure_availability([], JUNE, maintenance=upkeep, maintenance_mode="ignore")  # type: ignore[arg-type]
    with pytest.raises(InvalidIntervalError, match=r"The maintenance window ends at"):
        measure_availability([], JUNE, maintenance=[(at(2, 1), at(2))], maintenance_mode="exclude")
    with pytest.raises(NotAnIntervalError, match=r"'2026-06-02' is not a maintenance window"):
        measure_availability(
            [],
            JUNE,
            maintenance=["2026-06-02"],  # type: ignore[list-item]
            maintenance_mode="exclude",
        )
    # A mode without maintenance is fine, and records with start/end are read.
    report = measure_availability(
        [],
        JUNE,
        maintenance=[Row(at(2), at(2, 1))],  # type: ignore[list-item]
        maintenance_mode="exclude",
    )
    assert report.eligible_time == dt.timedelta(days=30, hours=-1)


def test_bad_window_calendar_and_min_outage() -> None:
    with pytest.raises(InvalidPeriodError, match=r"is not a window"):
        measure_availability([], at(1))  # type: ignore[arg-type]
    with pytest.raises(InvalidIntervalError, match=r"not after its start"):
        measure_availability([], (at(2), at(1)))
    with pytest.raises(InvalidIntervalError, match=r"not after its start"):
        measure_availability([], (at(2), at(2)))
    with pytest.raises(InvalidOptionError, match=r"has no open_periods\(start, end\)"):
        measure_availability([], JUNE, calendar="Mon-Fri 09:00-17:00")  # type: ignore[arg-type]
    with pytest.raises(InvalidDurationError, match=r"min_outage='-1m' is negative"):
        measure_availability([], JUNE, min_outage="-1m")
    with pytest.raises(InvalidDurationError, match=r"'a minute' is not a duration"):
        measure_availability([], JUNE, min_outage="a minute")


# -- many windows in one pass --------------------------------------------------------------

_EDGE = dt.datetime(2026, 3, 1, tzinfo=UTC)
_spans = st.tuples(st.integers(-180, 180), st.integers(0, 90))


@given(
    outages=st.lists(
        st.tuples(_spans, st.sampled_from(["full", "partial", "degraded"])), max_size=12
    ),
    upkeep=st.lists(_spans, max_size=3),
    windows=st.lists(
        st.tuples(st.integers(-240, 240), st.integers(1, 240)), min_size=1, max_size=4
    ),
    min_outage=st.sampled_from([None, "1m", "20m"]),
    mode=st.sampled_from(["count_as_up", "exclude"]),
)
def test_measure_windows_equals_measuring_each_window_with_the_whole_log(
    outages: list[tuple[tuple[int, int], str]],
    upkeep: list[tuple[int, int]],
    windows: list[tuple[int, int]],
    min_outage: str | None,
    mode: str,
) -> None:
    from slacalc.uptime._measure import measure_windows

    def span(start: int, minutes: int) -> tuple[dt.datetime, dt.datetime]:
        return _EDGE + start * MIN, _EDGE + (start + minutes) * MIN

    log = [Outage(*span(*s), severity, label=str(i)) for i, (s, severity) in enumerate(outages)]
    maintenance = [span(*m) for m in upkeep]
    periods = [span(*w) for w in windows] + [calendar_month(2026, 2), calendar_month(2026, 3)]
    options = {
        "maintenance": maintenance,
        "maintenance_mode": mode,
        "min_outage": min_outage,
        "target": "99.9%",
    }
    try:
        together = measure_windows(log, periods, **options)  # type: ignore[arg-type]
    except NoEligibleTimeError:
        together = None
    one_by_one = []
    for period in periods:
        try:
            one_by_one.append(measure_availability(log, period, **options))  # type: ignore[arg-type]
        except NoEligibleTimeError:
            assert together is None
            return
    assert together is not None
    for many, one in zip(together, one_by_one, strict=True):
        assert many.downtime_seconds == one.downtime_seconds
        assert many.eligible_seconds == one.eligible_seconds
        assert many.maintenance_mode == one.maintenance_mode
        assert many.window == one.window
        # The per-outage shares agree; the window's report lists only the outages of the
        # runs that reach into it.
        counted = {s.outage.label: s.counted_seconds for s in many.outages}
        assert list(counted) == sorted(counted, key=lambda label: int(str(label)))  # input order
        for share in one.outages:
            assert counted.get(share.outage.label, Fraction(0)) == share.counted_seconds
