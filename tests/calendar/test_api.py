"""The public API of ``BusinessCalendar``: input forms and result types.

Hours forms (string clauses, mappings, day ranges and lists, ``24/7``, ``24:00``, night
shifts), holiday forms (country codes with subdivisions, a ``holidays.HolidayBase``, dates
and ISO strings, mixed lists), overrides (and their precedence over holidays), pendulum
inputs, durations, inputs in other zones, and the zone of every result.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import holidays
import pendulum
import pytest

from slacalc import BusinessCalendar, NeverOpenError, OutOfRangeError
from tests.reference import to_utc

UTC = dt.UTC
CPH = ZoneInfo("Europe/Copenhagen")
NYC = ZoneInfo("America/New_York")
H = dt.timedelta(hours=1)

#: A plain week: Mon 2026-03-02 00:00 to Mon 2026-03-09 00:00 Copenhagen (no DST change).
WEEK = (dt.datetime(2026, 3, 2, tzinfo=CPH), dt.datetime(2026, 3, 9, tzinfo=CPH))


def periods(
    cal: Any, a: dt.datetime = WEEK[0], b: dt.datetime = WEEK[1]
) -> list[tuple[dt.datetime, dt.datetime]]:
    """open_periods as UTC instants, for comparing calendars built different ways."""
    return [(to_utc(s), to_utc(e)) for s, e in cal.open_periods(a, b)]


def iso(t: dt.datetime) -> str:
    return t.isoformat()


def zone_key(t: dt.datetime) -> str | None:
    return getattr(t.tzinfo, "key", None)


def tz_key(tz: dt.tzinfo) -> str:
    assert isinstance(tz, ZoneInfo), tz
    return tz.key


# ---------------------------------------------------------------------------------------
# Hours forms
# ---------------------------------------------------------------------------------------

OFFICE_FORMS = [
    pytest.param("Mon-Fri 09:00-17:00", id="range"),
    pytest.param("Mon,Tue,Wed,Thu,Fri 09:00-17:00", id="list"),
    pytest.param("Mon-Wed 09:00-17:00; Thu-Fri 09:00-17:00", id="clauses"),
    pytest.param(dict.fromkeys(("mon", "tue", "wed", "thu", "fri"), "09:00-17:00"), id="mapping"),
    pytest.param(
        {d: ["09:00-17:00"] for d in ("mon", "tue", "wed", "thu", "fri")}, id="mapping-lists"
    ),
    pytest.param(
        {
            **dict.fromkeys(("mon", "tue", "wed", "thu", "fri"), "09:00-17:00"),
            "sat": [],
            "sun": "closed",
        },
        id="mapping-closed-days",
    ),
]


@pytest.mark.parametrize("hours", OFFICE_FORMS)
def test_office_hours_forms_agree(hours: Any) -> None:
    cal = BusinessCalendar(hours, tz="Europe/Copenhagen")
    expected = [
        (
            dt.datetime(2026, 3, day, 9, tzinfo=CPH).astimezone(UTC),
            dt.datetime(2026, 3, day, 17, tzinfo=CPH).astimezone(UTC),
        )
        for day in range(2, 7)
    ]
    assert periods(cal) == expected
    assert cal.elapsed(*WEEK) == 40 * H


@pytest.mark.parametrize(
    ("hours", "weekly_hours"),
    [
        pytest.param("Sat,Sun 10:00-14:00", 8, id="weekend-list"),
        pytest.param("Mon-Fri 09:00-12:00,13:00-17:00; Sat 10:00-14:00", 39, id="lunch-and-sat"),
        pytest.param(
            {
                **{d: ["09:00-12:00", "13:00-17:00"] for d in ("mon", "tue", "wed", "thu", "fri")},
                "sat": "10:00-14:00",
            },
            39,
            id="lunch-and-sat-mapping",
        ),
        pytest.param("Mon-Fri 22:00-06:00", 40, id="night-shift"),
        pytest.param("Mon 09:00-09:00+1", 24, id="24h-shift"),
        pytest.param("Mon 22:00-06:00+1", 8, id="night-shift-marked"),
        pytest.param("Mon 00:00-00:00+1", 24, id="whole-day-marked"),
        pytest.param("Mon-Fri 18:00-24:00", 30, id="until-24"),
        pytest.param("Mon-Sun 00:00-24:00", 168, id="all-week"),
        pytest.param("24/7", 168, id="24/7"),
    ],
)
def test_weekly_totals(hours: Any, weekly_hours: int) -> None:
    cal = BusinessCalendar(hours, tz="Europe/Copenhagen")
    assert cal.elapsed(*WEEK) == weekly_hours * H


def test_weekend_list_is_only_the_weekend() -> None:
    cal = BusinessCalendar("Sat,Sun 10:00-14:00", tz="Europe/Copenhagen")
    assert cal.is_open(dt.datetime(2026, 3, 7, 11, tzinfo=CPH)) is True  # Sat
    assert cal.is_open(dt.datetime(2026, 3, 8, 13, 59, tzinfo=CPH)) is True  # Sun
    assert cal.is_open(dt.datetime(2026, 3, 2, 11, tzinfo=CPH)) is False  # Mon


def test_24_00_is_the_next_local_midnight() -> None:
    cal = BusinessCalendar("Mon-Fri 18:00-24:00", tz="Europe/Copenhagen")
    monday = dt.datetime(2026, 3, 2, 19, tzinfo=CPH)
    assert iso(cal.next_close(monday)) == "2026-03-03T00:00:00+01:00"
    assert cal.is_open(dt.datetime(2026, 3, 2, 23, 59, 59, 999999, tzinfo=CPH)) is True
    assert cal.is_open(dt.datetime(2026, 3, 3, 0, 0, tzinfo=CPH)) is False


def test_night_shift_belongs_to_its_start_day() -> None:
    cal = BusinessCalendar("Mon-Fri 22:00-06:00", tz="Europe/Copenhagen")
    assert cal.is_open(dt.datetime(2026, 3, 2, 5, tzinfo=CPH)) is False  # Mon: no Sun shift
    assert cal.is_open(dt.datetime(2026, 3, 7, 5, tzinfo=CPH)) is True  # Sat: Fri's shift
    assert (
        iso(cal.next_open(dt.datetime(2026, 3, 7, 12, tzinfo=CPH))) == "2026-03-09T22:00:00+01:00"
    )


@pytest.mark.parametrize("hours", ["24/7", "Mon-Sun 00:00-24:00", "always"])
def test_24x7_forms_are_one_endless_period(hours: str) -> None:
    if hours == "always":
        cal = BusinessCalendar.always(tz="Europe/Copenhagen")
    else:
        cal = BusinessCalendar(hours, tz="Europe/Copenhagen")
    assert periods(cal) == [(to_utc(WEEK[0]), to_utc(WEEK[1]))]
    with pytest.raises(OutOfRangeError):
        cal.next_close(WEEK[0])
    # Spring week 2026 (DST on Sun Mar 29): 167 real hours.
    spring = dt.datetime(2026, 3, 23, tzinfo=CPH), dt.datetime(2026, 3, 30, tzinfo=CPH)
    assert cal.elapsed(*spring) == 167 * H


def test_24_7_with_holidays_drops_whole_local_days() -> None:
    """Holidays apply to a 24/7 string calendar like to any other: the whole local day."""
    cal = BusinessCalendar("24/7", tz="Europe/Copenhagen", holidays=["2026-03-04"])
    assert cal.elapsed(*WEEK) == 144 * H
    assert cal.is_open(dt.datetime(2026, 3, 4, 12, tzinfo=CPH)) is False
    assert iso(cal.next_close(WEEK[0])) == "2026-03-04T00:00:00+01:00"
    assert (
        iso(cal.next_open(dt.datetime(2026, 3, 4, 12, tzinfo=CPH))) == "2026-03-05T00:00:00+01:00"
    )


# ---------------------------------------------------------------------------------------
# Time zones
# ---------------------------------------------------------------------------------------


def test_tz_is_a_zoneinfo() -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
    assert isinstance(cal.tz, ZoneInfo)
    assert tz_key(cal.tz) == "Europe/Copenhagen"
    assert tz_key(BusinessCalendar.always(tz="America/New_York").tz) == "America/New_York"


def test_always_is_open_all_the_time() -> None:
    cal = BusinessCalendar.always(tz="UTC")
    t = dt.datetime(2026, 3, 2, 10, tzinfo=UTC)
    assert cal.is_open(t) is True
    assert to_utc(cal.add(t, "400h")) == to_utc(t) + 400 * H


INPUT_ZONES = [
    pytest.param(UTC, id="utc"),
    pytest.param(ZoneInfo("Asia/Kolkata"), id="kolkata"),
    pytest.param(ZoneInfo("Pacific/Kiritimati"), id="kiritimati"),
    pytest.param(dt.timezone(dt.timedelta(hours=-9, minutes=-30)), id="fixed"),
    pytest.param(pendulum.timezone("America/New_York"), id="pendulum-zone"),
]


@pytest.mark.parametrize("zone", INPUT_ZONES)
def test_results_are_in_the_calendars_zone_whatever_the_input_zone(zone: dt.tzinfo) -> None:
    """U1 from every zone: Fri 2025-03-07 16:30Z + 1 h is Mon 10:00 Copenhagen."""
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK")
    t = dt.datetime(2025, 3, 7, 16, 30, tzinfo=UTC).astimezone(zone)
    results = {
        "add": cal.add(t, "1h"),
        "exhausted_at": cal.exhausted_at(t, "1h"),
        "subtract": cal.subtract(t, "1h"),
        "next_open": cal.next_open(t),
        "next_close": cal.next_close(t),
    }
    assert {name: iso(r) for name, r in results.items()} == {
        "add": "2025-03-10T10:00:00+01:00",
        "exhausted_at": "2025-03-10T10:00:00+01:00",
        "subtract": "2025-03-07T16:00:00+01:00",
        "next_open": "2025-03-10T09:00:00+01:00",
        "next_close": "2025-03-10T17:00:00+01:00",
    }
    assert {zone_key(r) for r in results.values()} == {"Europe/Copenhagen"}
    for s, e in cal.open_periods(t, t + dt.timedelta(days=4)):
        assert zone_key(s) == zone_key(e) == "Europe/Copenhagen"


def test_next_open_of_an_open_instant_is_that_instant_in_the_calendars_zone() -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
    t = dt.datetime(2025, 3, 3, 9, 30, 0, 123456, tzinfo=UTC)
    assert iso(cal.next_open(t)) == "2025-03-03T10:30:00.123456+01:00"
    assert iso(cal.add(t, 0 * H)) == "2025-03-03T10:30:00.123456+01:00"


def test_holidays_are_judged_on_the_calendars_local_date() -> None:
    """U2: 2025-04-17 01:00 at Kiritimati (+14) is Wed Apr 16 13:00 in Copenhagen."""
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK")
    kiritimati = dt.datetime(2025, 4, 17, 1, 0, tzinfo=ZoneInfo("Pacific/Kiritimati"))
    assert cal.is_open(kiritimati) is True
    assert cal.is_open(pendulum.instance(kiritimati)) is True


def test_result_types() -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
    t = dt.datetime(2026, 3, 2, 10, tzinfo=CPH)
    assert type(cal.is_open(t)) is bool
    assert type(cal.elapsed(t, t + H)) is dt.timedelta
    for result in (cal.add(t, H), cal.exhausted_at(t, H), cal.subtract(t, H), cal.next_open(t)):
        assert isinstance(result, dt.datetime)
        assert result.utcoffset() == dt.timedelta(hours=1)
    got = list(cal.open_periods(*WEEK))
    assert all(type(p) is tuple and len(p) == 2 for p in got)
    assert len(got) == 5


def test_open_periods_are_clipped() -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
    a = dt.datetime(2026, 3, 2, 10, tzinfo=CPH)
    b = dt.datetime(2026, 3, 3, 12, tzinfo=CPH)
    assert [(iso(s), iso(e)) for s, e in cal.open_periods(a, b)] == [
        ("2026-03-02T10:00:00+01:00", "2026-03-02T17:00:00+01:00"),
        ("2026-03-03T09:00:00+01:00", "2026-03-03T12:00:00+01:00"),
    ]
    assert list(cal.open_periods(b, a)) == []
    assert list(cal.open_periods(a, a)) == []


# ---------------------------------------------------------------------------------------
# Durations
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("duration", "expected"),
    [
        pytest.param("2h", 2 * H, id="2h"),
        pytest.param("15m", dt.timedelta(minutes=15), id="15m"),
        pytest.param("1h30m", dt.timedelta(minutes=90), id="1h30m"),
        pytest.param("90s", dt.timedelta(seconds=90), id="90s"),
        pytest.param("PT2H", 2 * H, id="PT2H"),
        pytest.param("PT1H30M", dt.timedelta(minutes=90), id="PT1H30M"),
        pytest.param(
            dt.timedelta(hours=2, microseconds=1),
            2 * H + dt.timedelta(microseconds=1),
            id="timedelta",
        ),
        pytest.param(
            pendulum.duration(hours=1, minutes=30), dt.timedelta(minutes=90), id="pendulum"
        ),
        pytest.param(pendulum.duration(days=2), dt.timedelta(days=2), id="pendulum-days"),
    ],
)
def test_duration_forms(duration: dt.timedelta | str, expected: dt.timedelta) -> None:
    cal = BusinessCalendar.always(tz="UTC")
    t = dt.datetime(2026, 3, 2, 10, tzinfo=UTC)
    assert to_utc(cal.add(t, duration)) == t + expected
    assert to_utc(cal.exhausted_at(t, duration)) == t + expected
    assert to_utc(cal.subtract(t, duration)) == t - expected


def test_durations_in_business_time() -> None:
    """The same budget in every form gives the same deadline on office hours."""
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
    friday = dt.datetime(2026, 3, 6, 16, 30, tzinfo=CPH)
    answers = {
        iso(cal.add(friday, d))
        for d in ("1h30m", "90m", "PT1H30M", "5400s", dt.timedelta(minutes=90))
    }
    assert answers == {"2026-03-09T10:00:00+01:00"}


# ---------------------------------------------------------------------------------------
# Holidays
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "day", "expected"),
    [
        pytest.param("DK", "2026-04-03", True, id="DK-good-friday"),
        pytest.param("DK", "2026-12-24", False, id="DK-christmas-eve"),
        pytest.param("US-CA", "2026-03-31", True, id="US-CA-cesar-chavez"),
        pytest.param("US", "2026-03-31", False, id="US-no-cesar-chavez"),
        pytest.param("US-CA", "2026-07-03", True, id="US-CA-independence-observed"),
        pytest.param("DE-BY", "2026-01-06", True, id="DE-BY-epiphany"),
        pytest.param("DE", "2026-01-06", False, id="DE-no-epiphany"),
        pytest.param("DE-BY", "2026-06-04", True, id="DE-BY-corpus-christi"),
        pytest.param(holidays.country_holidays("DK"), "2026-04-06", True, id="HolidayBase"),
        pytest.param(
            holidays.country_holidays("US", subdiv="CA"),
            "2026-03-31",
            True,
            id="HolidayBase-subdiv",
        ),
        pytest.param(["2026-12-24", dt.date(2026, 12, 31)], "2026-12-24", True, id="list-iso"),
        pytest.param(["2026-12-24", dt.date(2026, 12, 31)], "2026-12-31", True, id="list-date"),
        pytest.param(["2026-12-24", dt.date(2026, 12, 31)], "2026-12-25", False, id="list-other"),
        pytest.param(["DK", "2026-12-24"], "2026-04-03", True, id="mixed-country"),
        pytest.param(["DK", "2026-12-24"], "2026-12-24", True, id="mixed-date"),
        pytest.param(
            [holidays.country_holidays("SE"), dt.date(2026, 12, 24), "2026-12-31"],
            "2026-06-06",  # Sweden's National Day
            True,
            id="mixed-HolidayBase",
        ),
        pytest.param(["DK", "DE-BY"], "2026-01-06", True, id="two-countries"),
        pytest.param(["DK", "DE-BY"], "2026-04-02", True, id="two-countries-dk"),
    ],
)
def test_holiday_forms(spec: Any, day: str, expected: bool) -> None:
    cal = BusinessCalendar("Mon-Sun 09:00-17:00", tz="Europe/Copenhagen", holidays=spec)
    date = dt.date.fromisoformat(day)
    assert cal.is_holiday(date) is expected
    noon = dt.datetime(date.year, date.month, date.day, 12, tzinfo=CPH)
    assert cal.is_open(noon) is not expected


def test_holiday_years_record_what_was_frozen() -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK")
    assert cal.is_open(dt.datetime(2031, 4, 11, 10, tzinfo=CPH)) is False  # Good Friday 2031
    years = cal.holiday_years
    assert isinstance(years, tuple)
    assert all(type(y) is int for y in years)
    assert 2031 in years
    assert list(years) == sorted(set(years))


def test_holiday_data_is_frozen_when_used() -> None:
    """Later changes to a HolidayBase passed in do not leak into the calendar."""
    source = holidays.country_holidays("DK", years=2026)
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays=source)
    wednesday = dt.datetime(2026, 6, 10, 12, tzinfo=CPH)
    assert cal.is_open(wednesday) is True
    source.update({dt.date(2026, 6, 10): "Added later"})
    assert cal.is_open(wednesday) is True
    assert cal.is_holiday(dt.date(2026, 6, 10)) is False


# ---------------------------------------------------------------------------------------
# Overrides
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("override", "open_hours"),
    [
        pytest.param("10:00-14:00", 4, id="str"),
        pytest.param(["10:00-12:00", "13:00-14:00"], 3, id="list"),
        pytest.param("closed", 0, id="closed"),
        pytest.param([], 0, id="empty-list"),
    ],
)
@pytest.mark.parametrize("key", [dt.date(2026, 3, 4), "2026-03-04"], ids=["date-key", "iso-key"])
def test_override_forms_replace_a_weekday(
    override: Any, open_hours: int, key: dt.date | str
) -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", overrides={key: override})
    day = dt.datetime(2026, 3, 4, tzinfo=CPH)
    assert cal.elapsed(day, day + dt.timedelta(days=1)) == open_hours * H
    assert cal.elapsed(*WEEK) == (32 + open_hours) * H


def test_overrides_beat_holidays() -> None:
    cal = BusinessCalendar(
        "Mon-Fri 09:00-18:00",
        tz="Europe/Copenhagen",
        holidays="DK",
        overrides={"2026-12-25": "10:00-14:00", dt.date(2026, 12, 24): "09:00-12:00"},
    )
    assert cal.is_holiday(dt.date(2026, 12, 25)) is True
    assert cal.is_open(dt.datetime(2026, 12, 25, 11, tzinfo=CPH)) is True
    assert cal.is_open(dt.datetime(2026, 12, 24, 12, tzinfo=CPH)) is False
    # Thu 24: 09-12 (3 h), Fri 25: 10-14 (4 h), Sat 26: holiday and weekend.
    start = dt.datetime(2026, 12, 24, tzinfo=CPH)
    assert cal.elapsed(start, start + dt.timedelta(days=3)) == 7 * H


def test_override_night_shift_on_a_weekend() -> None:
    """An override takes one day's form, night shifts included."""
    cal = BusinessCalendar(
        "Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", overrides={"2026-03-07": "22:00-02:00"}
    )
    assert cal.is_open(dt.datetime(2026, 3, 7, 23, tzinfo=CPH)) is True
    assert cal.is_open(dt.datetime(2026, 3, 8, 1, 59, tzinfo=CPH)) is True
    assert (
        iso(cal.next_close(dt.datetime(2026, 3, 7, 23, tzinfo=CPH))) == "2026-03-08T02:00:00+01:00"
    )
    assert cal.elapsed(*WEEK) == 44 * H


def test_override_does_not_cut_the_previous_nights_shift() -> None:
    """The night shift started on Mon runs into Tue even when Tue is closed by override."""
    cal = BusinessCalendar(
        "Mon-Fri 22:00-06:00", tz="Europe/Copenhagen", overrides={"2026-03-03": "closed"}
    )
    assert cal.is_open(dt.datetime(2026, 3, 3, 5, tzinfo=CPH)) is True
    assert cal.is_open(dt.datetime(2026, 3, 3, 23, tzinfo=CPH)) is False
    assert cal.elapsed(*WEEK) == 32 * H


def test_a_calendar_open_only_by_override_is_valid() -> None:
    cal = BusinessCalendar({}, tz="UTC", overrides={"2026-12-24": "09:00-12:00"})
    assert cal.is_open(dt.datetime(2026, 12, 24, 10, tzinfo=UTC)) is True


# ---------------------------------------------------------------------------------------
# pendulum inputs
# ---------------------------------------------------------------------------------------


def test_pendulum_datetimes_are_instants() -> None:
    """G01 with pendulum inputs: Fri 17:30 + 2 h on Mon-Fri 09-18 is Mon 10:30."""
    cal = BusinessCalendar("Mon-Fri 09:00-18:00", tz="Europe/Copenhagen")
    friday = pendulum.datetime(2025, 3, 7, 17, 30, tz="Europe/Copenhagen")
    monday = pendulum.datetime(2025, 3, 10, 10, 30, tz="Europe/Copenhagen")
    assert iso(cal.add(friday, pendulum.duration(hours=2))) == "2025-03-10T10:30:00+01:00"
    assert cal.elapsed(friday, monday) == 2 * H
    assert cal.is_open(friday) is True
    assert iso(cal.subtract(monday, "2h")) == "2025-03-07T17:30:00+01:00"
    in_utc = pendulum.datetime(2025, 3, 7, 16, 30, tz="UTC")
    assert iso(cal.add(in_utc, "2h")) == "2025-03-10T10:30:00+01:00"


def test_pendulum_second_occurrence_of_a_repeated_time() -> None:
    """02:30+01:00 on 2025-10-26 (the second 02:30) is 01:30Z, whatever pendulum's fold."""
    cal = BusinessCalendar.always(tz="Europe/Copenhagen")
    second = pendulum.from_timestamp(
        dt.datetime(2025, 10, 26, 1, 30, tzinfo=UTC).timestamp(), tz="Europe/Copenhagen"
    )
    assert iso(cal.next_open(second)) == "2025-10-26T02:30:00+01:00"
    assert to_utc(cal.add(second, H)) == dt.datetime(2025, 10, 26, 2, 30, tzinfo=UTC)


# ---------------------------------------------------------------------------------------
# Union and intersection
# ---------------------------------------------------------------------------------------


def test_union_and_intersection_take_the_left_zone() -> None:
    cph = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
    ny = BusinessCalendar("Mon-Fri 09:00-17:00", tz="America/New_York")
    assert tz_key((cph | ny).tz) == "Europe/Copenhagen"
    assert tz_key((ny | cph).tz) == "America/New_York"
    assert tz_key((cph & ny).tz) == "Europe/Copenhagen"
    assert tz_key((ny & cph).tz) == "America/New_York"


def test_intersection_that_meets_only_in_a_later_year() -> None:
    """Open together only on Mon 2030-06-03: not "never open", and the search finds it."""
    special = BusinessCalendar({}, tz="UTC", overrides={"2030-06-03": "09:00-17:00"})
    office = BusinessCalendar("Mon-Fri 12:00-20:00", tz="UTC")
    both = special & office
    start = dt.datetime(2026, 1, 1, tzinfo=UTC)
    assert to_utc(both.next_open(start)) == dt.datetime(2030, 6, 3, 12, tzinfo=UTC)
    assert both.elapsed(start, dt.datetime(2031, 1, 1, tzinfo=UTC)) == 5 * H


def test_intersection_that_never_meets() -> None:
    """Mon-only and Tue-only hours never overlap: NeverOpenError (or no opening at all)."""
    mon = BusinessCalendar("Mon 09:00-17:00", tz="UTC")
    tue = BusinessCalendar("Tue 09:00-17:00", tz="UTC")
    try:
        both = mon & tue
    except NeverOpenError:
        return
    with pytest.raises(OutOfRangeError):
        both.next_open(dt.datetime(2026, 1, 1, tzinfo=UTC))
