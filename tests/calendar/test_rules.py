"""Recurring special hours, seasons and holiday categories.

Golden cases computed by hand, every error path, and a differential test against a slow
day-by-day reference that decides each date's hours by brute force.
"""

from __future__ import annotations

import calendar as stdcal
import dataclasses
import datetime as dt
import pickle
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import slacalc
from slacalc import BusinessCalendar
from tests.reference import RefCalendar
from tests.reference import to_utc as utc
from tests.strategies import ZONES, day_pairs, durations, interval_text

CPH = "Europe/Copenhagen"
Pair = tuple[str, str]


def at(
    cal: BusinessCalendar, year: int, month: int, day: int, hour: int = 0, minute: int = 0
) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=cal.tz)


def day_periods(cal: BusinessCalendar, day: str) -> list[tuple[str, str]]:
    d = dt.date.fromisoformat(day)
    t = dt.datetime(d.year, d.month, d.day, tzinfo=cal.tz)
    return [
        (a.strftime("%H:%M"), b.strftime("%H:%M"))
        for a, b in cal.open_periods(t, t + dt.timedelta(days=1))
    ]


@pytest.fixture(scope="module")
def agency() -> BusinessCalendar:
    return BusinessCalendar(
        "Mon-Fri 09:00-17:00",
        tz=CPH,
        holidays="DK",
        recurring={"12-24": "09:00-12:00", "Dec 31": "closed", "last Fri of Nov": "09:00-13:00"},
        seasons={"Jul": "Mon-Thu 08:00-15:00"},
    )


# -- golden cases, by hand --------------------------------------------------------------


def test_half_day_then_christmas(agency: BusinessCalendar) -> None:
    # Thu 24 Dec 11:00: 1 h to 12:00; Fri 25 Juledag; weekend; Mon 28 09:00 + 1 h.
    got = agency.add(at(agency, 2026, 12, 24, 11), "2h")
    assert got.isoformat() == "2026-12-28T10:00:00+01:00"


def test_closed_new_years_eve(agency: BusinessCalendar) -> None:
    # Wed 30 Dec 16:00: 1 h to 17:00; Thu 31 closed by rule; Fri 1 Jan holiday; Mon 4 +1 h.
    got = agency.add(at(agency, 2026, 12, 30, 16), "2h")
    assert got.isoformat() == "2027-01-04T10:00:00+01:00"


def test_a_rule_never_opens_a_weekend(agency: BusinessCalendar) -> None:
    assert day_periods(agency, "2022-12-24") == []  # a Saturday
    assert day_periods(agency, "2026-12-24") == [("09:00", "12:00")]


def test_nth_weekday_rule(agency: BusinessCalendar) -> None:
    assert day_periods(agency, "2026-11-27") == [("09:00", "13:00")]  # last Friday
    assert day_periods(agency, "2026-11-20") == [("09:00", "17:00")]
    assert day_periods(agency, "2027-11-26") == [("09:00", "13:00")]


def test_season_week(agency: BusinessCalendar) -> None:
    # Mon 29 Jun - Mon 6 Jul 2026: 29, 30 Jun 2 x 8 h; 1, 2 Jul 2 x 7 h; Fri 3 Jul closed.
    start, end = at(agency, 2026, 6, 29), at(agency, 2026, 7, 6)
    assert agency.elapsed(start, end) == dt.timedelta(hours=30)
    assert day_periods(agency, "2026-07-31") == []  # a Friday in July
    assert day_periods(agency, "2026-08-03") == [("09:00", "17:00")]


def test_season_change_mid_week() -> None:
    cal = BusinessCalendar(
        "Mon-Fri 09:00-17:00", tz=CPH, seasons={"Apr-Sep": "Mon-Fri 08:00-16:00"}
    )
    # Tue 31 Mar 16:30: 30 min to 17:00, then Wed 1 Apr (summer) 08:00 + 30 min.
    assert cal.add(at(cal, 2026, 3, 31, 16, 30), "1h").isoformat() == "2026-04-01T08:30:00+02:00"
    assert day_periods(cal, "2026-09-30") == [("08:00", "16:00")]
    assert day_periods(cal, "2026-10-01") == [("09:00", "17:00")]


def test_season_across_new_year() -> None:
    cal = BusinessCalendar(
        "Mon-Fri 09:00-17:00", tz="UTC", seasons={"12-20..01-06": "Mon-Fri 10:00-14:00"}
    )
    assert day_periods(cal, "2026-12-21") == [("10:00", "14:00")]
    assert day_periods(cal, "2027-01-06") == [("10:00", "14:00")]
    assert day_periods(cal, "2027-01-07") == [("09:00", "17:00")]
    assert day_periods(cal, "2026-12-18") == [("09:00", "17:00")]


def test_season_opens_when_the_week_does_not() -> None:
    beach = BusinessCalendar("closed", tz="UTC", seasons={"Jun-Aug": "Sat,Sun 10:00-18:00"})
    t = dt.datetime(2026, 5, 1, tzinfo=dt.UTC)
    assert beach.next_open(t).isoformat() == "2026-06-06T10:00:00+00:00"


def test_precedence_override_rule_holiday() -> None:
    rule_beats_holiday = BusinessCalendar(
        "Mon-Fri 09:00-17:00", tz=CPH, holidays="DK+optional", recurring={"12-24": "09:00-12:00"}
    )
    assert rule_beats_holiday.is_holiday("2026-12-24")
    assert day_periods(rule_beats_holiday, "2026-12-24") == [("09:00", "12:00")]
    override_beats_rule = BusinessCalendar(
        "Mon-Fri 09:00-17:00",
        tz=CPH,
        recurring={"12-24": "09:00-12:00"},
        overrides={"2026-12-24": "closed", "2027-12-24": "08:00-10:00"},
    )
    assert day_periods(override_beats_rule, "2026-12-24") == []
    assert day_periods(override_beats_rule, "2027-12-24") == [("08:00", "10:00")]
    assert day_periods(override_beats_rule, "2025-12-24") == [("09:00", "12:00")]


def test_first_listed_rule_wins() -> None:
    cal = BusinessCalendar(
        "Mon-Fri 09:00-17:00", tz="UTC", recurring={"1st Mon": "10:00-11:00", "01-05": "closed"}
    )
    assert day_periods(cal, "2026-01-05") == [("10:00", "11:00")]  # both name Mon 5 Jan


def test_rule_on_a_dst_day() -> None:
    # Copenhagen skips 02:00-03:00 on Sun 29 Mar 2026: 01:00-04:00 is 2 h long.
    cal = BusinessCalendar("24/7", tz=CPH, recurring={"last Sun of Mar": "01:00-04:00"})
    start = at(cal, 2026, 3, 29)
    assert cal.elapsed(start, start + dt.timedelta(days=1)) == dt.timedelta(hours=2)


def test_night_shift_rule_belongs_to_its_date() -> None:
    cal = BusinessCalendar("Mon-Fri 22:00-06:00", tz="UTC", recurring={"12-31": "22:00-02:00"})
    t = dt.datetime(2026, 12, 31, 22, tzinfo=dt.UTC)  # a Thursday
    assert cal.next_close(t).isoformat() == "2027-01-01T02:00:00+00:00"


def test_leap_day_rule_only_in_leap_years() -> None:
    cal = BusinessCalendar("24/7", tz="UTC", recurring={"02-29": "closed"})
    assert day_periods(cal, "2028-02-29") == []
    assert day_periods(cal, "2027-02-28") == [("00:00", "00:00")]


def test_fifth_weekday_only_where_a_month_has_one() -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", recurring={"5th Fri": "closed"})
    assert day_periods(cal, "2026-01-30") == []  # January 2026 has five Fridays
    assert day_periods(cal, "2026-02-27") == [("09:00", "17:00")]  # February: four


def test_rule_spellings_are_one_rule() -> None:
    forms = ["12-24", "24 Dec", "Dec 24", "24. December", "december 24"]
    cals = {
        BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", recurring={f: "closed"}) for f in forms
    }
    assert len(cals) == 1
    (cal,) = cals
    assert dict(cal.recurring) == {"12-24": "closed"}
    nth = BusinessCalendar(
        "Mon-Fri 09:00-17:00", tz="UTC", recurring={"Last friday of November": "closed"}
    )
    assert dict(nth.recurring) == {"last Fri of Nov": "closed"}
    monthly = BusinessCalendar(
        "Mon-Fri 09:00-17:00", tz="UTC", recurring={"first Mon of every month": "closed"}
    )
    assert dict(monthly.recurring) == {"1st Mon": "closed"}


def test_values_and_pickles(agency: BusinessCalendar) -> None:
    again = pickle.loads(pickle.dumps(agency))
    assert again == agency
    assert hash(again) == hash(agency)
    assert again.elapsed(at(again, 2026, 6, 29), at(again, 2026, 7, 6)) == dt.timedelta(hours=30)
    assert "recurring={'12-24': '09:00-12:00'" in repr(agency)
    assert dict(agency.seasons) == {"07-01..07-31": "Mon-Thu 08:00-15:00"}
    plain = BusinessCalendar("Mon-Fri 09:00-17:00", tz=CPH, holidays="DK")
    assert agency != plain
    assert dict(plain.recurring) == {}
    assert dict(plain.seasons) == {}
    assert dict((agency | plain).recurring) == {}


def test_danish_optional_days() -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz=CPH, holidays="DK+optional")
    assert repr(cal).endswith("holidays='DK+optional')")
    assert cal.holiday_names("2026-12-24") == ("Juleaftensdag",)
    assert cal.holiday_names("2026-12-31") == ("Nytårsaften",)
    assert cal.holiday_names("2026-06-05") == ("Grundlovsdag",)
    assert cal.is_holiday("2026-12-25")  # the public ones stay
    assert not BusinessCalendar("Mon-Fri 09:00-17:00", tz=CPH, holidays="DK").is_holiday(
        "2026-12-24"
    )
    assert cal != BusinessCalendar("Mon-Fri 09:00-17:00", tz=CPH, holidays="DK")
    assert cal == BusinessCalendar("Mon-Fri 09:00-17:00", tz=CPH, holidays="dk+Optional")


def test_intersection_with_rules_checks_the_overlap() -> None:
    eu = BusinessCalendar("Mon-Fri 09:00-17:00", tz=CPH, recurring={"12-24": "closed"})
    us = BusinessCalendar("Mon-Fri 09:00-17:00", tz="America/New_York")
    both = eu & us
    assert day_periods(both, "2026-12-24") == []


# -- errors -------------------------------------------------------------------------------

RULE_ERRORS = [
    ("02-30", "never matches a real date: Feb has no day 30"),
    ("Feb 30", "never matches a real date"),
    ("30 February", "never matches a real date"),
    ("04-31", "Apr has no day 31"),
    ("6th Mon", "at most five of each weekday"),
    ("13-01", "Month 13"),
    ("Foo 3", "Unknown month"),
    ("last Frx", "Unknown weekday"),
    ("2nd Mon of Smarch", "Unknown month"),
    ("every day", "is not readable"),
    ("next Mon", "is not readable"),
    ("", "is not readable"),
]


@pytest.mark.parametrize(("rule", "message"), RULE_ERRORS)
def test_bad_rules(rule: str, message: str) -> None:
    with pytest.raises(slacalc.InvalidDateError, match=message) as info:
        BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", recurring={rule: "closed"})
    assert repr(rule.strip()) in str(info.value)
    assert isinstance(info.value, ValueError)


def test_bad_rule_tables() -> None:
    with pytest.raises(slacalc.InvalidDateError, match="not a mapping"):
        BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", recurring=["12-24"])  # type: ignore[arg-type]
    with pytest.raises(slacalc.InvalidDateError, match="is not a string"):
        BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", recurring={1224: "closed"})  # type: ignore[dict-item]
    with pytest.raises(slacalc.InvalidDateError, match="name the same dates"):
        BusinessCalendar(
            "Mon-Fri 09:00-17:00", tz="UTC", recurring={"12-24": "closed", "24 Dec": "closed"}
        )
    with pytest.raises(slacalc.InvalidHoursError, match="'12-24'"):
        BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", recurring={"12-24": "9-12"})


SEASON_ERRORS = [
    ("Apx", "Unknown month 'apx'"),
    ("Apr-Sep-Oct", "is not readable"),
    ("02-30..03-31", "Feb has no day 30"),
    ("13-01..12-31", "Month 13"),
    ("..", "is not readable"),
]


@pytest.mark.parametrize(("season", "message"), SEASON_ERRORS)
def test_bad_seasons(season: str, message: str) -> None:
    with pytest.raises(slacalc.InvalidDateError, match=message) as info:
        BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", seasons={season: "Mon 09:00-10:00"})
    assert repr(season) in str(info.value)


@pytest.mark.parametrize(
    ("first", "second"),
    [("Apr-Sep", "Sep-Oct"), ("Nov-Feb", "Jan"), ("06-15..08-15", "Jul"), ("Jul", "07-31..08-31")],
)
def test_overlapping_seasons(first: str, second: str) -> None:
    with pytest.raises(slacalc.InvalidDateError, match="overlap"):
        BusinessCalendar(
            "Mon-Fri 09:00-17:00", tz="UTC", seasons={first: "Mon 09:00-10:00", second: "closed"}
        )


def test_bad_season_tables() -> None:
    with pytest.raises(slacalc.InvalidDateError, match="not a mapping"):
        BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", seasons="Apr-Sep")  # type: ignore[arg-type]
    with pytest.raises(slacalc.InvalidDateError, match="is not a string"):
        BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", seasons={4: "closed"})  # type: ignore[dict-item]
    with pytest.raises(slacalc.InvalidHoursError):
        BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", seasons={"Jul": "Mon 9-5"})


def test_adjacent_seasons_are_fine() -> None:
    cal = BusinessCalendar(
        "Mon-Fri 09:00-17:00",
        tz="UTC",
        seasons={"Oct-Mar": "Mon-Fri 10:00-16:00", "Apr-Sep": "Mon-Fri 08:00-16:00"},
    )
    assert list(cal.seasons) == ["04-01..09-30", "10-01..03-31"]


def test_closed_rules_and_seasons_never_open() -> None:
    with pytest.raises(slacalc.NeverOpenError):
        BusinessCalendar(
            "closed", tz="UTC", recurring={"12-24": "09:00-12:00"}, seasons={"Jul": "closed"}
        )


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (
            "DK+bogus",
            "Unknown holiday category 'bogus' in 'DK\\+bogus'; DK has 'optional', 'public'",
        ),
        ("DK+SE", "pass a list such as \\['DK', 'SE'\\]"),
        ("DK+", "Unknown holiday category ''"),
    ],
)
def test_bad_categories(code: str, message: str) -> None:
    with pytest.raises(slacalc.UnknownHolidayRegionError, match=message):
        BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", holidays=code)


# -- differential: against a day-by-day reference ----------------------------------------


@dataclasses.dataclass(frozen=True)
class RuleRef(RefCalendar):
    """The reference with yearly rules and seasons, each date decided by brute force.

    ``rules``: (kind, month, day-or-nth, weekday, pairs) where kind is "md" (month, day)
    or "nth" (month 0 = every month, nth -1 = last). ``seasons``: (set of (month, day),
    weekly pairs by weekday).
    """

    rules: tuple[tuple[str, int, int, int, tuple[Pair, ...]], ...] = ()
    seasons: tuple[tuple[frozenset[tuple[int, int]], tuple[tuple[Pair, ...], ...]], ...] = ()

    def _matches(self, rule: tuple[str, int, int, int, tuple[Pair, ...]], day: dt.date) -> bool:
        kind, month, n, weekday, _ = rule
        if kind == "md":
            return (day.month, day.day) == (month, n)
        if (month and day.month != month) or day.weekday() != weekday:
            return False
        same = [d for d in range(1, 32) if _real(day.year, day.month, d) and
                dt.date(day.year, day.month, d).weekday() == weekday]  # fmt: skip
        return day.day == (same[-1] if n == -1 else (same[n - 1] if n <= len(same) else -1))

    def pairs_on(self, day: dt.date) -> Sequence[Pair]:
        if day in self.overrides:
            return self.overrides[day]
        week = self.weekly.get(day.weekday(), ())
        for span, pairs in self.seasons:
            if (day.month, day.day) in span:
                week = pairs[day.weekday()]
        if week:
            for rule in self.rules:
                if self._matches(rule, day):
                    return rule[4]
        if day in self.holidays:
            return ()
        return week


def _real(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _span(first: dt.date, length: int) -> frozenset[tuple[int, int]]:
    """The (month, day) pairs of ``length`` days from ``first``, walked in a leap year."""
    start = dt.date(2000, first.month, first.day)
    return frozenset(
        ((start + dt.timedelta(days=k)).month, (start + dt.timedelta(days=k)).day)
        for k in range(length)
    )


_NTH_WORDS = {1: "1st", 2: "second", 3: "3rd", 4: "fourth", 5: "5th", -1: "last"}


@st.composite
def rule_calendars(draw: st.DrawFn) -> tuple[BusinessCalendar, RuleRef, dt.datetime]:
    tz = draw(st.sampled_from(ZONES))
    anchor_day = draw(st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 1)))
    anchor = dt.datetime(anchor_day.year, anchor_day.month, anchor_day.day, 12, tzinfo=dt.UTC)
    weekly = [draw(day_pairs()) for _ in range(7)]
    if not any(weekly):
        weekly[0] = (("09:00", "17:00"),)
    near = st.integers(-12, 12).map(lambda k: anchor_day + dt.timedelta(days=k))
    holidays = draw(st.sets(near, max_size=3))
    rules_in: dict[str, tuple[Pair, ...]] = {}
    ref_rules: list[tuple[str, int, int, int, tuple[Pair, ...]]] = []
    for _ in range(draw(st.integers(0, 4))):
        pairs = draw(day_pairs())
        if draw(st.booleans()):
            d = draw(near)
            key = draw(st.sampled_from([f"{d.month:02d}-{d.day:02d}",
                                        f"{d.day} {stdcal.month_abbr[d.month]}",
                                        f"{stdcal.month_name[d.month]} {d.day}"]))  # fmt: skip
            ref = ("md", d.month, d.day, 0)
        else:
            n = draw(st.sampled_from([1, 2, 3, 4, 5, -1]))
            weekday = draw(st.integers(0, 6))
            month = draw(st.sampled_from([0, anchor_day.month, (anchor_day.month % 12) + 1]))
            of = f" of {stdcal.month_abbr[month]}" if month else ""
            key = f"{_NTH_WORDS[n]} {stdcal.day_abbr[weekday]}{of}"
            ref = ("nth", month, n, weekday)
        canonical = BusinessCalendar("24/7", tz="UTC", recurring={key: "closed"}).recurring
        if any(BusinessCalendar("24/7", tz="UTC", recurring={k: "closed"}).recurring.keys()
               == canonical.keys() for k in rules_in):  # fmt: skip
            continue
        rules_in[key] = pairs
        ref_rules.append((*ref, pairs))
    seasons_in: dict[str, tuple[tuple[Pair, ...], ...]] = {}
    ref_seasons = []
    if draw(st.booleans()):
        first = anchor_day + dt.timedelta(days=draw(st.integers(-40, 10)))
        length = draw(st.integers(1, 80))
        last = first + dt.timedelta(days=length - 1)
        if (first.month, first.day) == (2, 29) or (last.month, last.day) == (2, 29):
            first += dt.timedelta(days=1)
            last += dt.timedelta(days=1)
        week = tuple(draw(day_pairs()) for _ in range(7))
        key = f"{first.month:02d}-{first.day:02d}..{last.month:02d}-{last.day:02d}"
        seasons_in[key] = week
        walked = _span(first, (dt.date(2000 + (last.year - first.year), last.month, last.day)
                               - dt.date(2000, first.month, first.day)).days + 1)  # fmt: skip
        ref_seasons.append((walked, week))
    mapping = {
        stdcal.day_abbr[i].lower(): [interval_text(s, e) for s, e in pairs] or "closed"
        for i, pairs in enumerate(weekly)
    }
    cal = BusinessCalendar(
        mapping,
        tz=tz,
        holidays=sorted(holidays),
        recurring={k: [interval_text(s, e) for s, e in v] or "closed" for k, v in rules_in.items()},
        seasons={
            k: {
                stdcal.day_abbr[i].lower(): [interval_text(s, e) for s, e in p] or "closed"
                for i, p in enumerate(v)
            }
            for k, v in seasons_in.items()
        },
    )
    reference = RuleRef(
        weekly={i: p for i, p in enumerate(weekly) if p},
        tz=tz,
        holidays=frozenset(holidays),
        rules=tuple(ref_rules),
        seasons=tuple(ref_seasons),
    )
    return cal, reference, anchor


def _window(anchor: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    return anchor - dt.timedelta(days=45), anchor + dt.timedelta(days=45)


@settings(max_examples=max(10, settings().max_examples // 2))
@given(rule_calendars())
def test_open_periods_match_the_reference(
    case: tuple[BusinessCalendar, RuleRef, dt.datetime],
) -> None:
    cal, ref, anchor = case
    lo, hi = _window(anchor)
    got = [(utc(a), utc(b)) for a, b in cal.open_periods(lo, hi)]
    assert got == ref.periods(lo, hi)


@settings(max_examples=max(10, settings().max_examples // 2))
@given(rule_calendars(), st.data())
def test_questions_match_the_reference(
    case: tuple[BusinessCalendar, RuleRef, dt.datetime], data: st.DataObject
) -> None:
    cal, ref, anchor = case
    offset = data.draw(st.integers(-20 * 24 * 60, 20 * 24 * 60), label="minutes")
    t = anchor + dt.timedelta(minutes=offset)
    u = anchor + dt.timedelta(minutes=data.draw(st.integers(-20 * 24 * 60, 20 * 24 * 60)))
    assert cal.elapsed(t, u) == ref.worked(t, u)
    assert cal.is_open(t) == ref.is_open(t)
    d = data.draw(durations(dt.timedelta(hours=30)), label="d")
    try:
        expected = ref.deadline(t, d, horizon=dt.timedelta(days=400))
    except LookupError:
        return
    assert utc(cal.add(t, d)) == expected
    assert utc(cal.next_open(t)) == ref.next_open(t)
    try:
        before = ref.subtract(t, d, horizon=dt.timedelta(days=400))
    except LookupError:
        return
    assert utc(cal.subtract(t, d)) == before
