"""Hypothesis properties of ``slacalc.BusinessCalendar``.

Two kinds:

- laws that hold for any calendar (round trips, monotonicity, additivity, bounds, the
  24x7 calendar being plain UTC arithmetic), checked on random calendars;
- agreement with the slow reference in ``tests/reference.py`` on random calendars, zones
  (including a 30-minute DST zone and a zone with a missing midnight), holidays,
  overrides, night shifts and instants clustered around DST transitions.

Random calendars come from ``tests/strategies.py``. Example counts come from the
hypothesis profile (``HYPOTHESIS_PROFILE``, see tests/conftest.py); the slowest tests run
a fraction of it.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slacalc import BusinessCalendar, NeverOpenError, OutOfRangeError
from tests.reference import ReferenceBase, sample_worked
from tests.reference import to_utc as utc
from tests.strategies import (
    ZONES,
    CalendarSpec,
    Scenario,
    aware_instants,
    budget,
    durations,
    instants_near,
    scenarios,
)

ZERO = dt.timedelta(0)
#: How far the reference looks before it declares that nothing will ever come: every
#: random calendar repeats weekly outside the few weeks around its anchor, and DST rules
#: yearly, so 400 days is past any first occurrence.
FAR = dt.timedelta(days=400)


def scaled(fraction: float) -> settings:
    """The active profile with ``fraction`` of its examples (at least 10)."""
    return settings(max_examples=max(10, int(settings().max_examples * fraction)))


@functools.lru_cache(maxsize=512)
def build(spec: CalendarSpec) -> BusinessCalendar:
    hours, kwargs = spec.engine_args()
    return BusinessCalendar(hours, **kwargs)


def zone_name(tzinfo: dt.tzinfo | None) -> str | None:
    key = getattr(tzinfo, "key", None)
    return key if isinstance(key, str) else str(tzinfo)


def assert_same(got: object, expected: dt.datetime, cal: BusinessCalendar) -> None:
    """``got`` is an aware datetime for the instant ``expected``, shown in ``cal.tz``."""
    assert isinstance(got, dt.datetime)
    assert got.utcoffset() is not None
    # Compare in UTC: == between aware datetimes ignores fold within one zone and is
    # always False across zones for a repeated wall time (PEP 495).
    assert utc(got) == utc(expected), (
        f"{got.isoformat()} != {expected.astimezone(cal.tz).isoformat()}"
    )
    assert zone_name(got.tzinfo) == zone_name(cal.tz)
    assert got.utcoffset() == expected.astimezone(cal.tz).utcoffset()


@st.composite
def with_instant(draw: st.DrawFn, /, **kwargs: Any) -> tuple[Scenario, dt.datetime]:
    sc = draw(scenarios(**kwargs))
    return sc, draw(instants_near(sc.anchor, tz=sc.spec.tz))


# ---------------------------------------------------------------------------------------
# Laws for any calendar
# ---------------------------------------------------------------------------------------


@given(st.data(), with_instant())
def test_round_trip_add_and_exhausted_at(
    data: st.DataObject, case: tuple[Scenario, dt.datetime]
) -> None:
    """elapsed(t, add(t, d)) == d == elapsed(t, exhausted_at(t, d)); add lands open."""
    sc, t = case
    cal = build(sc.spec)
    d = data.draw(durations(budget(sc.spec)), label="d")
    deadline, exhausted = cal.add(t, d), cal.exhausted_at(t, d)
    assert cal.elapsed(t, deadline) == d
    assert cal.elapsed(t, exhausted) == d
    assert cal.is_open(deadline) is True
    assert utc(t) <= utc(exhausted) <= utc(deadline)
    # Nothing between the two landings is open: they differ only across a closed gap.
    assert cal.elapsed(exhausted, deadline) == ZERO
    assert list(cal.open_periods(exhausted, deadline)) == []


@given(st.data(), with_instant())
def test_add_zero_is_next_open_and_exhausted_at_zero_is_t(
    data: st.DataObject, case: tuple[Scenario, dt.datetime]
) -> None:
    sc, t = case
    cal = build(sc.spec)
    assert utc(cal.add(t, ZERO)) == utc(cal.next_open(t))
    assert utc(cal.exhausted_at(t, ZERO)) == utc(t)
    assert utc(cal.subtract(t, ZERO)) == utc(t)


@given(st.data(), with_instant())
def test_add_and_exhausted_at_are_monotone_in_d(
    data: st.DataObject, case: tuple[Scenario, dt.datetime]
) -> None:
    sc, t = case
    cal = build(sc.spec)
    a = data.draw(durations(budget(sc.spec)), label="a")
    b = data.draw(durations(budget(sc.spec)), label="b")
    a, b = min(a, b), max(a, b)
    assert utc(cal.add(t, a)) <= utc(cal.add(t, b))
    assert utc(cal.exhausted_at(t, a)) <= utc(cal.exhausted_at(t, b))


@given(st.data(), with_instant())
def test_add_is_additive(data: st.DataObject, case: tuple[Scenario, dt.datetime]) -> None:
    """add(add(t, a), b) == add(t, a + b), and the same for exhausted_at."""
    sc, t = case
    cal = build(sc.spec)
    half = budget(sc.spec) / 2
    a = data.draw(durations(half), label="a")
    b = data.draw(durations(half), label="b")
    assert utc(cal.add(cal.add(t, a), b)) == utc(cal.add(t, a + b))
    assert utc(cal.exhausted_at(cal.exhausted_at(t, a), b)) == utc(cal.exhausted_at(t, a + b))


@given(st.data(), with_instant())
def test_subtract_inverts_exhausted_at_from_open_instants(
    data: st.DataObject, case: tuple[Scenario, dt.datetime]
) -> None:
    """subtract(exhausted_at(t, d), d) == t for open t; add(subtract(t, d), d) is
    next_open(t) for any t and d > 0; elapsed(subtract(t, d), t) == d."""
    sc, t = case
    cal = build(sc.spec)
    d = data.draw(durations(budget(sc.spec)), label="d")
    if cal.is_open(t):
        assert utc(cal.subtract(cal.exhausted_at(t, d), d)) == utc(t)
    start = cal.subtract(t, d)
    assert utc(start) <= utc(t)
    assert cal.elapsed(start, t) == d
    if d > ZERO:
        assert utc(cal.add(start, d)) == utc(cal.next_open(t))
        # Backward exact fits land on an opening, so the start is open.
        assert cal.is_open(start) is True


@given(st.data(), with_instant())
def test_negative_durations_swap_add_and_subtract(
    data: st.DataObject, case: tuple[Scenario, dt.datetime]
) -> None:
    sc, t = case
    cal = build(sc.spec)
    d = data.draw(durations(budget(sc.spec)).filter(bool), label="d")
    assert utc(cal.add(t, -d)) == utc(cal.subtract(t, d))
    assert utc(cal.subtract(t, -d)) == utc(cal.add(t, d))


@given(st.data(), with_instant())
def test_elapsed_is_antisymmetric_additive_and_bounded(
    data: st.DataObject, case: tuple[Scenario, dt.datetime]
) -> None:
    """For any order of a, b, c: elapsed(a, c) == elapsed(a, b) + elapsed(b, c),
    elapsed(b, a) == -elapsed(a, b), and 0 <= elapsed(a, b) <= b - a when a <= b."""
    sc, a = case
    cal = build(sc.spec)
    b = data.draw(instants_near(sc.anchor, tz=sc.spec.tz), label="b")
    c = data.draw(instants_near(sc.anchor, tz=sc.spec.tz), label="c")
    ab, bc, ac = cal.elapsed(a, b), cal.elapsed(b, c), cal.elapsed(a, c)
    assert ac == ab + bc
    assert cal.elapsed(b, a) == -ab
    assert cal.elapsed(a, a) == ZERO
    lo, hi = sorted([a, b], key=utc)
    assert ZERO <= cal.elapsed(lo, hi) <= utc(hi) - utc(lo)


@given(st.data(), with_instant())
def test_next_open_and_next_close_bracket_an_open_period(
    data: st.DataObject, case: tuple[Scenario, dt.datetime]
) -> None:
    sc, t = case
    cal = build(sc.spec)
    opening = cal.next_open(t)
    assert cal.is_open(opening) is True
    assert utc(opening) >= utc(t)
    assert cal.elapsed(t, opening) == ZERO
    if cal.is_open(t):
        assert utc(opening) == utc(t)
    try:
        closing = cal.next_close(t)
    except OutOfRangeError:
        return  # open for good from here; checked against the reference elsewhere
    assert cal.is_open(closing) is False
    assert utc(closing) > utc(opening)
    assert cal.elapsed(opening, closing) == utc(closing) - utc(opening)


@given(aware_instants(), durations(), st.sampled_from(ZONES), st.sampled_from(["always", "24/7"]))
def test_24x7_is_plain_utc_arithmetic(
    t: dt.datetime, d: dt.timedelta, zone: str, form: str
) -> None:
    cal = (
        BusinessCalendar.always(tz=zone) if form == "always" else BusinessCalendar("24/7", tz=zone)
    )
    u = utc(t)
    assert cal.is_open(t) is True
    assert_same(cal.next_open(t), u, cal)
    assert_same(cal.add(t, d), u + d, cal)
    assert_same(cal.exhausted_at(t, d), u + d, cal)
    assert_same(cal.subtract(t, d), u - d, cal)
    assert_same(cal.add(t, -d), u - d, cal)
    assert_same(cal.subtract(t, -d), u + d, cal)
    later = u + d
    assert cal.elapsed(t, later) == d
    assert cal.elapsed(later, t) == -d
    assert [(utc(s), utc(e)) for s, e in cal.open_periods(t, u + d)] == (
        [(u, u + d)] if d > ZERO else []
    )


# ---------------------------------------------------------------------------------------
# Agreement with the reference
# ---------------------------------------------------------------------------------------


@scaled(1.0)
@given(with_instant())
def test_is_open_next_open_next_close_agree_with_reference(
    case: tuple[Scenario, dt.datetime],
) -> None:
    sc, t = case
    cal, ref = build(sc.spec), sc.spec.reference()
    assert cal.is_open(t) is ref.is_open(t)
    assert_same(cal.next_open(t), ref.next_open(t, FAR), cal)
    try:
        expected = ref.next_close(t, FAR)
    except LookupError:
        with pytest.raises(OutOfRangeError):
            cal.next_close(t)
    else:
        assert_same(cal.next_close(t), expected, cal)


@scaled(1.0)
@given(st.data(), with_instant())
def test_elapsed_and_open_periods_agree_with_reference(
    data: st.DataObject, case: tuple[Scenario, dt.datetime]
) -> None:
    sc, a = case
    cal, ref = build(sc.spec), sc.spec.reference()
    b = data.draw(instants_near(sc.anchor, tz=sc.spec.tz), label="b")
    assert cal.elapsed(a, b) == ref.worked(a, b)
    got = list(cal.open_periods(a, b))
    assert [(utc(s), utc(e)) for s, e in got] == ref.periods(a, b)
    for s, e in got:
        assert zone_name(s.tzinfo) == zone_name(e.tzinfo) == zone_name(cal.tz)


@scaled(1.0)
@given(st.data(), with_instant())
def test_add_exhausted_at_subtract_agree_with_reference(
    data: st.DataObject, case: tuple[Scenario, dt.datetime]
) -> None:
    sc, t = case
    cal, ref = build(sc.spec), sc.spec.reference()
    d = data.draw(durations(budget(sc.spec)), label="d")
    assert_same(cal.add(t, d), ref.deadline(t, d), cal)
    assert_same(cal.exhausted_at(t, d), ref.exhausted_at(t, d), cal)
    assert_same(cal.subtract(t, d), ref.subtract(t, d), cal)
    if d:
        assert_same(cal.add(t, -d), ref.subtract(t, d), cal)
        assert_same(cal.subtract(t, -d), ref.deadline(t, d), cal)


@scaled(1.0)
@given(st.data(), with_instant())
def test_exact_fits_agree_with_reference(
    data: st.DataObject, case: tuple[Scenario, dt.datetime]
) -> None:
    """Durations that end exactly on a closing (forward) or an opening (backward)."""
    sc, t = case
    cal, ref = build(sc.spec), sc.spec.reference()
    ahead = ref.periods(t, utc(t) + dt.timedelta(days=21))
    if ahead:
        k = data.draw(st.integers(0, min(len(ahead), 6) - 1), label="k")
        end = ahead[k][1]
        d = ref.worked(t, end)
        assert_same(cal.exhausted_at(t, d), ref.exhausted_at(t, d), cal)
        assert_same(cal.add(t, d), ref.deadline(t, d), cal)
    behind = ref.periods(utc(t) - dt.timedelta(days=21), t)
    if behind:
        k = data.draw(st.integers(0, min(len(behind), 6) - 1), label="k_back")
        start = behind[-1 - k][0]
        d = ref.worked(start, t)
        assert_same(cal.subtract(t, d), start, cal)
        assert_same(cal.subtract(t, d), ref.subtract(t, d), cal)


@scaled(0.3)
@given(st.data(), scenarios())
def test_elapsed_agrees_with_minute_sampling(data: st.DataObject, sc: Scenario) -> None:
    """Hours are whole minutes and zone offsets whole minutes, so on a minute grid the
    business time is 60 s times the number of open sampled minutes."""
    cal, ref = build(sc.spec), sc.spec.reference()
    a = data.draw(instants_near(sc.anchor, days=1, tz=sc.spec.tz, grid=True), label="a")
    minutes = data.draw(st.integers(0, 36 * 60), label="minutes")
    b = utc(a) + dt.timedelta(minutes=minutes)
    assert cal.elapsed(a, b) == sample_worked(ref, a, b)


# ---------------------------------------------------------------------------------------
# Union and intersection
# ---------------------------------------------------------------------------------------


@st.composite
def two_calendars(draw: st.DrawFn) -> tuple[Scenario, CalendarSpec, dt.datetime]:
    first = draw(scenarios())
    second = draw(scenarios()).spec
    return first, second, draw(instants_near(first.anchor, tz=first.spec.tz))


@scaled(1.0)
@given(st.data(), two_calendars())
def test_union_and_intersection_agree_with_reference(
    data: st.DataObject, case: tuple[Scenario, CalendarSpec, dt.datetime]
) -> None:
    sc, other, a = case
    left, right = build(sc.spec), build(other)
    ref_left, ref_right = sc.spec.reference(), other.reference()
    b = data.draw(instants_near(sc.anchor, days=4, tz=sc.spec.tz), label="b")
    pairs: list[tuple[BusinessCalendar, ReferenceBase]] = [(left | right, ref_left | ref_right)]
    try:
        pairs.append((left & right, ref_left & ref_right))
    except NeverOpenError:
        # Allowed at construction, but only when the two really never meet.
        assert _never_meet(ref_left & ref_right, sc.anchor)
    for cal, ref in pairs:
        assert zone_name(cal.tz) == zone_name(left.tz)
        assert cal.is_open(a) is ref.is_open(a)
        assert cal.elapsed(a, b) == ref.worked(a, b)
        got = list(cal.open_periods(a, b))
        assert [(utc(s), utc(e)) for s, e in got] == ref.periods(a, b)
        assert all(zone_name(s.tzinfo) == zone_name(left.tz) for s, _ in got)
        _agree_on_searches(cal, ref, a, data)


def _never_meet(ref: ReferenceBase, anchor: dt.datetime) -> bool:
    """No common open time within 400 days of ``anchor``: the random calendars repeat
    weekly apart from exceptions near the anchor, and DST rules yearly."""
    return ref.periods(utc(anchor) - FAR, utc(anchor) + FAR) == []


def _agree_on_searches(
    cal: BusinessCalendar, ref: ReferenceBase, t: dt.datetime, data: st.DataObject
) -> None:
    """next_open, next_close and add agree where the reference finds an answer soon."""
    near = dt.timedelta(days=60)
    try:
        opening = ref.next_open(t, near)
    except LookupError:
        return  # an intersection that may be empty for a long time: not compared here
    assert_same(cal.next_open(t), opening, cal)
    try:
        closing = ref.next_close(t, near)
    except LookupError:
        pass
    else:
        assert_same(cal.next_close(t), closing, cal)
    d = data.draw(durations(dt.timedelta(hours=30)), label="d")
    try:
        expected = ref.deadline(t, d, near)
    except LookupError:
        return
    assert_same(cal.add(t, d), expected, cal)
    assert_same(cal.exhausted_at(t, d), ref.exhausted_at(t, d, near), cal)


@scaled(0.5)
@given(st.data(), two_calendars())
def test_set_operation_laws(
    data: st.DataObject, case: tuple[Scenario, CalendarSpec, dt.datetime]
) -> None:
    """elapsed(A | B) + elapsed(A & B) == elapsed(A) + elapsed(B) on any window."""
    sc, other, a = case
    left, right = build(sc.spec), build(other)
    b = data.draw(instants_near(sc.anchor, days=4, tz=sc.spec.tz), label="b")
    union = left | right
    try:
        common = (left & right).elapsed(a, b)
    except NeverOpenError:
        common = ZERO
    assert union.elapsed(a, b) + common == left.elapsed(a, b) + right.elapsed(a, b)
    assert (left | left).elapsed(a, b) == left.elapsed(a, b) == (left & left).elapsed(a, b)


# ---------------------------------------------------------------------------------------
# Country holidays over many years, long spans, one long-lived calendar
# ---------------------------------------------------------------------------------------

#: One calendar for the whole session, asked questions in random order over 2019-2036:
#: its lazily frozen holiday years and caches must never change an answer.
_DK_SESSION: dict[str, BusinessCalendar] = {}
_DK_SPEC = CalendarSpec(
    weekly=((("09:00", "12:00"), ("13:00", "17:00")),) * 4 + ((("09:00", "15:00"),), (), ()),
    tz="Europe/Copenhagen",
    # Spans reach 3 years past 2036 and 2000 h (about a year) before 2019.
    holidays=frozenset(holidays.country_holidays("DK", years=range(2014, 2042))),
)


def _dk_calendar() -> BusinessCalendar:
    if "cal" not in _DK_SESSION:
        _DK_SESSION["cal"] = BusinessCalendar(
            "Mon-Thu 09:00-12:00,13:00-17:00; Fri 09:00-15:00",
            tz="Europe/Copenhagen",
            holidays="DK",
        )
    return _DK_SESSION["cal"]


_years_2019_2036 = st.datetimes(
    dt.datetime(2019, 1, 1), dt.datetime(2036, 12, 31), timezones=st.just(dt.UTC)
)


@scaled(0.5)
@given(st.data(), _years_2019_2036)
def test_danish_holidays_in_any_year_agree_with_reference(
    data: st.DataObject, t: dt.datetime
) -> None:
    cal, ref = _dk_calendar(), _DK_SPEC.reference()
    span = data.draw(st.integers(0, 3 * 366 * 24), label="span_hours")
    b = t + dt.timedelta(hours=span, microseconds=data.draw(st.integers(0, 10**6)))
    assert cal.elapsed(t, b) == ref.worked(t, b)
    assert cal.is_open(t) is ref.is_open(t)
    assert_same(cal.next_open(t), ref.next_open(t), cal)
    d = data.draw(durations(dt.timedelta(hours=2000)), label="d")
    assert_same(cal.add(t, d), ref.deadline(t, d), cal)
    assert_same(cal.subtract(t, d), ref.subtract(t, d), cal)
    for year in {t.year, b.year}:
        assert year in cal.holiday_years


@scaled(0.3)
@given(st.data(), scenarios(max_holidays=0, max_overrides=0))
def test_long_spans_agree_with_reference(data: st.DataObject, sc: Scenario) -> None:
    """elapsed over up to three years and budgets of up to 2000 hours."""
    cal, ref = build(sc.spec), sc.spec.reference()
    a = data.draw(instants_near(sc.anchor, tz=sc.spec.tz), label="a")
    b = utc(a) + dt.timedelta(minutes=data.draw(st.integers(0, 3 * 366 * 1440), label="min"))
    assert cal.elapsed(a, b) == ref.worked(a, b)
    assert cal.elapsed(b, a) == -ref.worked(a, b)
    d = data.draw(durations(min(dt.timedelta(hours=2000), budget(sc.spec, weeks=52))), label="d")
    assert_same(cal.add(a, d), ref.deadline(a, d), cal)
    assert_same(cal.exhausted_at(a, d), ref.exhausted_at(a, d), cal)
    assert_same(cal.subtract(a, d), ref.subtract(a, d), cal)
