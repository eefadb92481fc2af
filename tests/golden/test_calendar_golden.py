"""Golden tables for the business-hours calendar: one literal expectation per row.

Rows G01-G55, U1 and U2 were derived by hand (the comment next to a row shows the
arithmetic where it is not plain), and reproduced by an independent oracle (the one in
``tests/reference.py``) and, where it can express them, by workclock 0.1.2. Where a case has
two landings, ``add`` is the "deadline" (latest) one and ``exhausted_at`` the "earliest";
G36 uses the "drop by start" values. Every other row was computed by hand here; the comment
next to it shows the arithmetic.

Each table runs twice: against ``slacalc.BusinessCalendar`` and against the slow reference
in ``tests/reference.py`` (``test_reference_*``), so a typo in a hand computation shows up
as a reference failure, not as an engine bug.

Notation: instants are ISO strings with the offset of the schedule's zone at that instant
(the helper checks this, catching offset typos); ``Z`` keeps an input in UTC, and a
``[Zone/Name]`` suffix keeps it in that zone. Expected results carry the offset the engine
must show (results are in the calendar's zone).

DST facts used (zoneinfo): Copenhagen 2025-03-30 01:00Z (02:00 -> 03:00), 2025-10-26 01:00Z
(03:00 -> 02:00), 2026-03-29 and 2026-10-25 at 01:00Z; New York 2025-03-09 07:00Z,
2025-11-02 06:00Z, 2026-03-08 07:00Z; Santiago 2025-09-07 04:00Z (00:00 -> 01:00),
2025-04-06 03:00Z (24:00 -> 23:00 on 04-05); Lord Howe 2025-10-04 15:30Z (02:00 -> 02:30),
2025-04-05 15:00Z (02:00 -> 01:30).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import holidays
import pytest

from tests.reference import (
    ALL_DAYS,
    MON_FRI,
    RefCalendar,
    ReferenceBase,
    weekly,
)

CPH = "Europe/Copenhagen"
NYC = "America/New_York"
SCL = "America/Santiago"
LHI = "Australia/Lord_Howe"

#: Danish public holidays as the `holidays` package lists them (DK has no Dec 24/31 and,
#: since 2024, no Great Prayer Day); pinned literally for 2025-2027 in test_dk_holiday_data.
DK = frozenset(holidays.country_holidays("DK", years=range(2024, 2029)))


#: Search horizon for the reference on the long-horizon rows.
FAR = dt.timedelta(days=366 * 60)


def H(hours: float) -> dt.timedelta:
    return dt.timedelta(hours=hours)


def M(minutes: float) -> dt.timedelta:
    return dt.timedelta(minutes=minutes)


# ---------------------------------------------------------------------------------------
# Schedules: each built twice, as the engine sees it and as the reference sees it.
# ---------------------------------------------------------------------------------------


def _bc(*args: Any, **kwargs: Any) -> Any:
    from slacalc import BusinessCalendar  # imported late: the reference rows run without it

    return BusinessCalendar(*args, **kwargs)


@dataclasses.dataclass(frozen=True)
class Schedule:
    tz: str
    engine: Callable[[], Any]
    reference: Callable[[], ReferenceBase]


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


SCHEDULES: dict[str, Schedule] = {
    # A: Mon-Fri 09-17 Copenhagen with Danish holidays.
    "A": Schedule(
        CPH,
        lambda: _bc("Mon-Fri 09:00-17:00", tz=CPH, holidays="DK"),
        lambda: RefCalendar(weekly(MON_FRI, ("09:00", "17:00")), CPH, DK),
    ),
    "A18": Schedule(
        CPH,
        lambda: _bc("Mon-Fri 09:00-18:00", tz=CPH),
        lambda: RefCalendar(weekly(MON_FRI, ("09:00", "18:00")), CPH),
    ),
    # DK18: the issue's own example calendar (Mon-Fri 09-18, Danish holidays).
    "DK18": Schedule(
        CPH,
        lambda: _bc("Mon-Fri 09:00-18:00", tz=CPH, holidays="DK"),
        lambda: RefCalendar(weekly(MON_FRI, ("09:00", "18:00")), CPH, DK),
    ),
    # XMAS26: DK18 with a half-day Christmas Eve and a closed New Year's Eve (2026).
    "XMAS26": Schedule(
        CPH,
        lambda: _bc(
            "Mon-Fri 09:00-18:00",
            tz=CPH,
            holidays="DK",
            overrides={dt.date(2026, 12, 24): "09:00-12:00", "2026-12-31": "closed"},
        ),
        lambda: RefCalendar(
            weekly(MON_FRI, ("09:00", "18:00")),
            CPH,
            DK,
            {_d("2026-12-24"): (("09:00", "12:00"),), _d("2026-12-31"): ()},
        ),
    ),
    # XMASOPEN: overrides opening two Danish holidays (Dec 25 a Friday, Dec 26 a Saturday).
    "XMASOPEN": Schedule(
        CPH,
        lambda: _bc(
            "Mon-Fri 09:00-18:00",
            tz=CPH,
            holidays="DK",
            overrides={"2026-12-25": "10:00-14:00", dt.date(2026, 12, 26): ["10:00-12:00"]},
        ),
        lambda: RefCalendar(
            weekly(MON_FRI, ("09:00", "18:00")),
            CPH,
            DK,
            {_d("2026-12-25"): (("10:00", "14:00"),), _d("2026-12-26"): (("10:00", "12:00"),)},
        ),
    ),
    "X24": Schedule(
        CPH,
        lambda: _bc("24/7", tz=CPH),
        lambda: RefCalendar.always(CPH),
    ),
    "X24NY": Schedule(
        NYC,
        lambda: _bc("24/7", tz=NYC),
        lambda: RefCalendar.always(NYC),
    ),
    "N4": Schedule(
        CPH,
        lambda: _bc("Mon-Sun 00:00-04:00", tz=CPH),
        lambda: RefCalendar(weekly(ALL_DAYS, ("00:00", "04:00")), CPH),
    ),
    "G": Schedule(
        CPH,
        lambda: _bc("Mon-Sun 02:30-05:00", tz=CPH),
        lambda: RefCalendar(weekly(ALL_DAYS, ("02:30", "05:00")), CPH),
    ),
    "NIGHT": Schedule(
        CPH,
        lambda: _bc("Mon-Fri 22:00-06:00", tz=CPH, holidays="DK"),
        lambda: RefCalendar(weekly(MON_FRI, ("22:00", "06:00")), CPH, DK),
    ),
    "NIGHT7": Schedule(
        CPH,
        lambda: _bc("Mon-Sun 22:00-06:00", tz=CPH),
        lambda: RefCalendar(weekly(ALL_DAYS, ("22:00", "06:00")), CPH),
    ),
    "NYNIGHT7": Schedule(
        NYC,
        lambda: _bc("Mon-Sun 22:00-06:00", tz=NYC),
        lambda: RefCalendar(weekly(ALL_DAYS, ("22:00", "06:00")), NYC),
    ),
    # Monday's night shift runs into Tuesday's early hours: one merged period.
    "NIGHTMRG": Schedule(
        CPH,
        lambda: _bc({"mon": "22:00-06:00", "tue": "06:00-10:00"}, tz=CPH),
        lambda: RefCalendar({0: (("22:00", "06:00"),), 1: (("06:00", "10:00"),)}, CPH),
    ),
    # ... and overlaps them (different days, so a union, not an error).
    "NIGHTOVL": Schedule(
        CPH,
        lambda: _bc({"mon": "22:00-08:00", "tue": "06:00-10:00"}, tz=CPH),
        lambda: RefCalendar({0: (("22:00", "08:00"),), 1: (("06:00", "10:00"),)}, CPH),
    ),
    # '+1': a 24-hour shift from Monday 09:00 to Tuesday 09:00.
    "SHIFT24": Schedule(
        CPH,
        lambda: _bc({"mon": "09:00-09:00+1"}, tz=CPH),
        lambda: RefCalendar({0: (("09:00", "09:00"),)}, CPH),
    ),
    # 24:00 as an end: Monday 18:00 to Tuesday 00:00.
    "LATE": Schedule(
        CPH,
        lambda: _bc("Mon 18:00-24:00", tz=CPH),
        lambda: RefCalendar({0: (("18:00", "24:00"),)}, CPH),
    ),
    "SPLIT": Schedule(
        NYC,
        lambda: _bc("Mon-Fri 09:00-12:00,13:00-17:00", tz=NYC),
        lambda: RefCalendar(weekly(MON_FRI, ("09:00", "12:00"), ("13:00", "17:00")), NYC),
    ),
    "XMAS": Schedule(
        CPH,
        lambda: _bc(
            "Mon-Fri 09:00-17:00", tz=CPH, holidays="DK", overrides={"2025-12-24": "09:00-12:00"}
        ),
        lambda: RefCalendar(
            weekly(MON_FRI, ("09:00", "17:00")), CPH, DK, {_d("2025-12-24"): (("09:00", "12:00"),)}
        ),
    ),
    # XMASH: Dec 24 added as a custom holiday next to the country (a mixed list).
    "XMASH": Schedule(
        CPH,
        lambda: _bc("Mon-Fri 09:00-17:00", tz=CPH, holidays=["DK", "2025-12-24"]),
        lambda: RefCalendar(weekly(MON_FRI, ("09:00", "17:00")), CPH, DK | {_d("2025-12-24")}),
    ),
    # BRK: schedule A with a one-off 12-13 break on Tue 2025-03-04, written as an override.
    "BRK": Schedule(
        CPH,
        lambda: _bc(
            "Mon-Fri 09:00-17:00",
            tz=CPH,
            holidays="DK",
            overrides={"2025-03-04": ["09:00-12:00", "13:00-17:00"]},
        ),
        lambda: RefCalendar(
            weekly(MON_FRI, ("09:00", "17:00")),
            CPH,
            DK,
            {_d("2025-03-04"): (("09:00", "12:00"), ("13:00", "17:00"))},
        ),
    ),
    "SCL": Schedule(
        SCL,
        lambda: _bc("24/7", tz=SCL),
        lambda: RefCalendar.always(SCL),
    ),
    # SCL-H: every day 00:00-24:00 with 2025-09-07 (the day without a midnight) a holiday.
    "SCLH": Schedule(
        SCL,
        lambda: _bc("Mon-Sun 00:00-24:00", tz=SCL, holidays=[dt.date(2025, 9, 7)]),
        lambda: RefCalendar(
            weekly(ALL_DAYS, ("00:00", "24:00")), SCL, frozenset({_d("2025-09-07")})
        ),
    ),
    # Saturday evening up to a midnight that does not exist on 2025-09-07.
    "SCLEVE": Schedule(
        SCL,
        lambda: _bc("Sat 20:00-24:00", tz=SCL),
        lambda: RefCalendar({5: (("20:00", "24:00"),)}, SCL),
    ),
    "LH": Schedule(
        LHI,
        lambda: _bc("Mon-Sun 02:15-04:00", tz=LHI),
        lambda: RefCalendar(weekly(ALL_DAYS, ("02:15", "04:00")), LHI),
    ),
    "LHSUN": Schedule(
        LHI,
        lambda: _bc("Sun 01:00-03:00", tz=LHI),
        lambda: RefCalendar({6: (("01:00", "03:00"),)}, LHI),
    ),
    "LHAMB": Schedule(
        LHI,
        lambda: _bc("Sun 01:45-02:15", tz=LHI),
        lambda: RefCalendar({6: (("01:45", "02:15"),)}, LHI),
    ),
    "NYSUN": Schedule(
        NYC,
        lambda: _bc("Sun 01:00-03:00", tz=NYC),
        lambda: RefCalendar({6: (("01:00", "03:00"),)}, NYC),
    ),
    "NYGAP": Schedule(
        NYC,
        lambda: _bc("Sun 02:30-04:00", tz=NYC),
        lambda: RefCalendar({6: (("02:30", "04:00"),)}, NYC),
    ),
    "CPHSUN": Schedule(
        CPH,
        lambda: _bc("Sun 02:00-03:00", tz=CPH),
        lambda: RefCalendar({6: (("02:00", "03:00"),)}, CPH),
    ),
    "CPHAMB": Schedule(
        CPH,
        lambda: _bc("Sun 01:00-02:30", tz=CPH),
        lambda: RefCalendar({6: (("01:00", "02:30"),)}, CPH),
    ),
    # A start inside the spring gap moves past the end: an empty interval that day.
    "CPHGAPEMPTY": Schedule(
        CPH,
        lambda: _bc("Sun 02:30-03:00", tz=CPH),
        lambda: RefCalendar({6: (("02:30", "03:00"),)}, CPH),
    ),
    # Both ends inside the spring gap: shifted together, still 30 minutes.
    "CPHGAPBOTH": Schedule(
        CPH,
        lambda: _bc("Sun 02:00-02:30", tz=CPH),
        lambda: RefCalendar({6: (("02:00", "02:30"),)}, CPH),
    ),
    "LHGAPEMPTY": Schedule(
        LHI,
        lambda: _bc("Sun 02:15-02:40", tz=LHI),
        lambda: RefCalendar({6: (("02:15", "02:40"),)}, LHI),
    ),
    # A 23 h 45 min night shift starting in the repeated hour.
    "CPHLONG": Schedule(
        CPH,
        lambda: _bc("Sun 02:30-02:15", tz=CPH),
        lambda: RefCalendar({6: (("02:30", "02:15"),)}, CPH),
    ),
    # A night shift ending inside Santiago's missing hour (00:00-01:00 on 2025-09-07).
    "SCLNIGHT": Schedule(
        SCL,
        lambda: _bc("Sat 23:00-00:30", tz=SCL),
        lambda: RefCalendar({5: (("23:00", "00:30"),)}, SCL),
    ),
    "CPH9": Schedule(
        CPH,
        lambda: _bc("Mon-Fri 09:00-17:00", tz=CPH),
        lambda: RefCalendar(weekly(MON_FRI, ("09:00", "17:00")), CPH),
    ),
    "NY9": Schedule(
        NYC,
        lambda: _bc("Mon-Fri 09:00-17:00", tz=NYC),
        lambda: RefCalendar(weekly(MON_FRI, ("09:00", "17:00")), NYC),
    ),
    "UTC9": Schedule(
        "UTC",
        lambda: _bc("Mon-Fri 09:00-17:00", tz="UTC"),
        lambda: RefCalendar(weekly(MON_FRI, ("09:00", "17:00")), "UTC"),
    ),
    # Open on one special day only.
    "ONLY": Schedule(
        "UTC",
        lambda: _bc({}, tz="UTC", overrides={"2026-12-24": "09:00-12:00"}),
        lambda: RefCalendar({}, "UTC", overrides={_d("2026-12-24"): (("09:00", "12:00"),)}),
    ),
}


@functools.cache
def engine(name: str) -> Any:
    return SCHEDULES[name].engine()


@functools.cache
def reference(name: str) -> ReferenceBase:
    return SCHEDULES[name].reference()


# Union (follow-the-sun) and intersection across zones; the result shows the left zone.
SCHEDULES["CPH9|NY9"] = Schedule(
    CPH,
    lambda: engine("CPH9") | engine("NY9"),
    lambda: reference("CPH9") | reference("NY9"),
)
SCHEDULES["NY9|CPH9"] = Schedule(
    NYC,
    lambda: engine("NY9") | engine("CPH9"),
    lambda: reference("NY9") | reference("CPH9"),
)
SCHEDULES["CPH9&NY9"] = Schedule(
    CPH,
    lambda: engine("CPH9") & engine("NY9"),
    lambda: reference("CPH9") & reference("NY9"),
)


def at(text: str, zone: str) -> dt.datetime:
    """An input instant: ISO text shown in ``zone`` (its offset checked against the zone).

    ``...Z`` stays in UTC and ``...[Area/City]`` is shown in that zone instead.
    """
    if text.endswith("]"):
        text, _, zone = text[:-1].partition("[")
    t = dt.datetime.fromisoformat(text)
    assert t.tzinfo is not None, f"golden row {text!r} needs an offset"
    if text.endswith("Z"):
        return t
    local = t.astimezone(ZoneInfo(zone))
    assert local.utcoffset() == t.utcoffset(), f"typo in golden row: {text} is not in {zone}"
    assert local.replace(tzinfo=None) == t.replace(tzinfo=None)
    return local


def zone_name(tzinfo: dt.tzinfo | None) -> str | None:
    if tzinfo is None:
        return None
    key = getattr(tzinfo, "key", None)
    return key if isinstance(key, str) else str(tzinfo)


def assert_result(got: object, expected: str, zone: str) -> None:
    """``got`` is the expected instant, shown with the expected offset, in ``zone``."""
    exp = dt.datetime.fromisoformat(expected)
    local = exp.astimezone(ZoneInfo(zone))
    assert local.utcoffset() == exp.utcoffset(), f"typo in golden row: {expected} not in {zone}"
    assert isinstance(got, dt.datetime), f"expected a datetime, got {got!r}"
    assert (got.isoformat(), zone_name(got.tzinfo)) == (exp.isoformat(), zone)


def assert_instant(got: dt.datetime, expected: str) -> None:
    """For the reference (which answers in UTC): the same instant."""
    exp = dt.datetime.fromisoformat(expected)
    assert got == exp, f"{got.astimezone(exp.tzinfo).isoformat()} != {expected}"


# ---------------------------------------------------------------------------------------
# add(t, d): THE DEADLINE, the latest x >= t with elapsed(t, x) <= d.
# ---------------------------------------------------------------------------------------

ADD = [
    # Fri 17:30-18:00 uses 0.5 h; the remaining 1.5 h from Mon 09:00.
    pytest.param("A18", "2025-03-07T17:30+01:00", H(2), "2025-03-10T10:30:00+01:00", id="G01"),
    pytest.param("A", "2025-03-03T10:00+01:00", H(2), "2025-03-03T12:00:00+01:00", id="G03"),
    # 0.5 h on Friday, 0.5 h on Monday.
    pytest.param("A", "2025-03-07T16:30+01:00", H(1), "2025-03-10T09:30:00+01:00", id="G04"),
    # Saturday is closed: the hour starts Mon 09:00.
    pytest.param("A", "2025-03-08T11:00+01:00", H(1), "2025-03-10T10:00:00+01:00", id="G05"),
    # Exact fit: 8 h end at Mon 17:00, a closing; the deadline is the next opening.
    pytest.param("A", "2025-03-03T09:00+01:00", H(8), "2025-03-04T09:00:00+01:00", id="G06"),
    # add(t, 0) == next_open(t): closed at 07:00, opens 09:00.
    pytest.param("A", "2025-03-03T07:00+01:00", H(0), "2025-03-03T09:00:00+01:00", id="G07"),
    # The closing instant is closed: add(Mon 17:00, 0) is Tue 09:00.
    pytest.param("A", "2025-03-03T17:00+01:00", H(0), "2025-03-04T09:00:00+01:00", id="G07b"),
    # Tue 11-12 (1 h), break 12-13, 13-14 (1 h).
    pytest.param("BRK", "2025-03-04T11:00+01:00", H(2), "2025-03-04T14:00:00+01:00", id="G19"),
    # 11:30-12:00 (0.5 h), lunch, 13:00-13:30 (0.5 h).
    pytest.param("SPLIT", "2025-03-10T11:30-04:00", H(1), "2025-03-10T13:30:00-04:00", id="G37"),
    # Zero during lunch: the deadline is the 13:00 opening.
    pytest.param("SPLIT", "2025-03-10T12:15-04:00", H(0), "2025-03-10T13:00:00-04:00", id="G38"),
    pytest.param("A", "2025-03-03T10:00+01:00", M(90), "2025-03-03T11:30:00+01:00", id="G51"),
    # Half a second left on Friday, the other half from Mon 09:00.
    pytest.param(
        "A",
        "2025-03-07T16:59:59.500000+01:00",
        dt.timedelta(seconds=1),
        "2025-03-10T09:00:00.500000+01:00",
        id="G50",
    ),
    # 16:30Z is 17:30 in Copenhagen, already closed: Mon 09:00 + 1 h. Input stays in UTC.
    pytest.param("A", "2025-03-07T16:30Z", H(1), "2025-03-10T10:00:00+01:00", id="U1"),
    # Spring forward on Sun 03-30: Fri 16-17 (1 h), then Mon 09-10 at +02:00.
    pytest.param("A", "2025-03-28T16:00+01:00", H(2), "2025-03-31T10:00:00+02:00", id="G11"),
    # New York spring forward Sun 03-09: Fri 16-17 EST (1 h), Mon 09-11 EDT (2 h).
    pytest.param("SPLIT", "2025-03-07T16:00-05:00", H(3), "2025-03-10T11:00:00-04:00", id="G40"),
    # New York fall back Sun 11-02: Fri 16:30-17 EDT, Mon 09:00-09:30 EST.
    pytest.param("SPLIT", "2025-10-31T16:30-04:00", H(1), "2025-11-03T09:30:00-05:00", id="G42"),
    # 24/7 over the spring-forward night: 11:00Z + 24 h = Sun 11:00Z = 13:00+02:00.
    pytest.param("X24", "2025-03-29T12:00+01:00", H(24), "2025-03-30T13:00:00+02:00", id="G23"),
    # 00:30Z + 1 h = 01:30Z = 03:30+02:00 (02:30 does not exist).
    pytest.param("N4", "2025-03-30T01:30+01:00", H(1), "2025-03-30T03:30:00+02:00", id="G25"),
    # 25-hour night: 00:00+02 = 22:00Z; +4 h = 02:00Z = 03:00+01:00 (shift ends 03:00Z).
    pytest.param("N4", "2025-10-26T00:00+02:00", H(4), "2025-10-26T03:00:00+01:00", id="G26"),
    # The 23-hour day's 00-04 block is 3 h: exact fit at 04:00, deadline next midnight.
    pytest.param("N4", "2025-03-30T00:00+01:00", H(3), "2025-03-31T00:00:00+02:00", id="G28"),
    pytest.param("NIGHT", "2025-03-03T22:00+01:00", H(4), "2025-03-04T02:00:00+01:00", id="G32"),
    # Fri 23:00 -> Sat 06:00 is 7 h (Friday's shift); Mon 22:00 + 1 h.
    pytest.param("NIGHT", "2025-03-07T23:00+01:00", H(8), "2025-03-10T23:00:00+01:00", id="G33"),
    # 20:00Z + 8 h = 04:00Z = 05:00+01:00 (the shift ends 06:00+01:00 = 05:00Z).
    pytest.param("NIGHT7", "2025-10-25T22:00+02:00", H(8), "2025-10-26T05:00:00+01:00", id="G35"),
    # 03:00Z-04:00Z Sat (1 h), holiday 09-07 covers 04:00Z..09-08 03:00Z, then 1 h.
    pytest.param("SCLH", "2025-09-06T23:00-04:00", H(2), "2025-09-08T01:00:00-03:00", id="G45"),
    # Wed 15-17 (2 h); Thu 17, Fri 18 (Easter), weekend, Mon 21 closed; Tue 09-11.
    pytest.param("A", "2025-04-16T15:00+02:00", H(4), "2025-04-22T11:00:00+02:00", id="G14"),
    # Start on Ascension Day (closed): Fri 09-10.
    pytest.param("A", "2025-05-29T10:00+02:00", H(1), "2025-05-30T10:00:00+02:00", id="G16"),
    # Wed 16-17 (1 h), Jan 1 holiday, Fri 09-10.
    pytest.param("A", "2025-12-31T16:00+01:00", H(2), "2026-01-02T10:00:00+01:00", id="G17"),
    # Tue 10-17 (7 h), Wed 24 (8 h), Thu/Fri holidays, weekend, Mon 09-10 (1 h).
    pytest.param("A", "2025-12-23T10:00+01:00", H(16), "2025-12-29T10:00:00+01:00", id="G18a"),
    # Dec 24 a holiday too: Tue 7 h, Mon 29 8 h, Tue 30 09-10.
    pytest.param("XMASH", "2025-12-23T10:00+01:00", H(16), "2025-12-30T10:00:00+01:00", id="G18b"),
    # Dec 24 09-12 only: Tue 7 h + Wed 3 h = 10 h; Mon 29 09-15 (6 h).
    pytest.param("XMAS", "2025-12-23T10:00+01:00", H(16), "2025-12-29T15:00:00+01:00", id="G18c"),
    # 100 business days end Wed 05-28 17:00; Thu 05-29 is Ascension: Fri 09:00.
    pytest.param("A", "2025-01-06T09:00+01:00", H(800), "2025-05-30T09:00:00+02:00", id="G47"),
    # G53: Fri 16:30 + 12 h: Fri 0.5 h, Mon 8 h, Tue 09:00-12:30 (3.5 h).
    pytest.param("A", "2025-03-07T16:30+01:00", H(12), "2025-03-11T12:30:00+01:00", id="G53"),
    # Long horizon: 100000 h = 2500 weeks of 40 h, an exact fit ending Fri 2074-01-26
    # 17:00; the deadline is the Monday opening 2500 weeks after the start.
    pytest.param(
        "UTC9", "2026-03-02T09:00+00:00", H(100_000), "2074-01-29T09:00:00+00:00", id="100000h"
    ),
    # --- negative durations subtract ---
    pytest.param("A", "2025-03-10T10:00+01:00", H(-2), "2025-03-07T16:00:00+01:00", id="neg-G08"),
    # --- Danish Easter 2026 (Easter Sunday Apr 5) with Mon-Fri 09-18 ---
    # Wed Apr 1 17-18 (1 h); Thu 2 Maundy, Fri 3 Good Friday, weekend, Mon 6 Easter
    # Monday all closed; Tue Apr 7 09-10.
    pytest.param(
        "DK18", "2026-04-01T17:00+02:00", H(2), "2026-04-07T10:00:00+02:00", id="dk-easter"
    ),
    # Wed May 13 17-18 (1 h); Thu May 14 Ascension; Fri May 15 is a working day: 09-10.
    pytest.param(
        "DK18", "2026-05-13T17:00+02:00", H(2), "2026-05-15T10:00:00+02:00", id="dk-ascension"
    ),
    # Fri May 22 17:30-18 (0.5 h); weekend; Mon May 25 Whit Monday; Tue 09:00-09:30.
    pytest.param(
        "DK18", "2026-05-22T17:30+02:00", H(1), "2026-05-26T09:30:00+02:00", id="dk-whitmonday"
    ),
    # --- Danish Christmas 2026 (Thu Dec 24, Fri 25, Sat 26; Fri Jan 1 2027) ---
    # Dec 24 is not a Danish public holiday: Wed 17-18 (1 h), Thu 24 09-10.
    pytest.param("DK18", "2026-12-23T17:00+01:00", H(2), "2026-12-24T10:00:00+01:00", id="dk-xmas"),
    # Thu Dec 31 17-18 (1 h); Jan 1 2027 holiday, weekend; Mon Jan 4 09-10.
    pytest.param(
        "DK18", "2026-12-31T17:00+01:00", H(2), "2027-01-04T10:00:00+01:00", id="dk-newyear"
    ),
    # Half-day Christmas Eve: Wed 17-18 (1 h) + Thu 24 09-12 (3 h); Fri 25 holiday;
    # weekend; Mon 28 09-10 (1 h).
    pytest.param(
        "XMAS26", "2026-12-23T17:00+01:00", H(5), "2026-12-28T10:00:00+01:00", id="xmas26-halfday"
    ),
    # Exact fit at the half day's 12:00 close: deadline is the next opening, Mon 28 09:00.
    pytest.param(
        "XMAS26", "2026-12-24T11:00+01:00", H(1), "2026-12-28T09:00:00+01:00", id="xmas26-exact"
    ),
    # Override beats the holiday: Fri Dec 25 10-14 is open; 13:00 + 2 h: 13-14 (1 h),
    # Sat 26 (holiday, opened 10-12): 10-11.
    pytest.param(
        "XMASOPEN",
        "2026-12-25T13:00+01:00",
        H(2),
        "2026-12-26T11:00:00+01:00",
        id="override-holiday",
    ),
    # --- Copenhagen DST weeks 2026 (spring Sun Mar 29, autumn Sun Oct 25) ---
    # Fri Mar 27 17-18 CET (1 h), Mon Mar 30 09-10 CEST (1 h) = 08:00Z.
    pytest.param(
        "DK18", "2026-03-27T17:00+01:00", H(2), "2026-03-30T10:00:00+02:00", id="cph-spring"
    ),
    # Fri Oct 23 17-18 CEST (1 h), Mon Oct 26 09-10 CET (1 h) = 09:00Z.
    pytest.param(
        "DK18", "2026-10-23T17:00+02:00", H(2), "2026-10-26T10:00:00+01:00", id="cph-autumn"
    ),
    # 24/7 over the fall-back night: 10:00Z + 24 h = Sun 10:00Z = 11:00+01:00.
    pytest.param(
        "X24", "2026-10-24T12:00+02:00", H(24), "2026-10-25T11:00:00+01:00", id="x24-autumn"
    ),
    # --- New York DST ---
    # 17:00Z + 24 h = Sun 17:00Z = 13:00-04:00 (the wall clock moves 25 h).
    pytest.param(
        "X24NY", "2025-03-08T12:00-05:00", H(24), "2025-03-09T13:00:00-04:00", id="x24ny-spring"
    ),
    # Sat 22:00-04:00 = 02:00Z; + 8 h = 10:00Z = 05:00-05:00 (shift ends 06:00-05 = 11:00Z).
    pytest.param(
        "NYNIGHT7", "2025-11-01T22:00-04:00", H(8), "2025-11-02T05:00:00-05:00", id="nynight-autumn"
    ),
    # --- lunch breaks (SPLIT, New York) ---
    # Exact fit at the lunch break: 09-12 is 3 h; deadline is the 13:00 reopening.
    pytest.param(
        "SPLIT", "2025-03-10T09:00-04:00", H(3), "2025-03-10T13:00:00-04:00", id="lunch-exact"
    ),
    # 7 h a day: Mon 10:00 + 7 h = 10-12 (2), 13-17 (4), Tue 09-10 (1).
    pytest.param(
        "SPLIT", "2025-03-10T10:00-04:00", H(7), "2025-03-11T10:00:00-04:00", id="lunch-day"
    ),
    # --- night shifts ---
    # Holidays drop whole shifts by their start date: Wed Apr 16 22:00 shift counted
    # 23:00-06:00 = 7 h; Thu 17, Fri 18 (Easter), Mon 21 (Easter Monday) shifts dropped;
    # Tue Apr 22 22:00 + 1 h.
    pytest.param(
        "NIGHT", "2025-04-16T23:00+02:00", H(8), "2025-04-22T23:00:00+02:00", id="night-easter"
    ),
    # Merged Mon 22:00-Tue 10:00 period: 12 h after Mon 22:00 lands on its end, an exact
    # fit: the deadline is next Monday 22:00.
    pytest.param(
        "NIGHTMRG", "2025-03-03T22:00+01:00", H(12), "2025-03-10T22:00:00+01:00", id="night-merged"
    ),
    # Overlapping days are a union: Mon 22:00-Tue 10:00 is 12 h (not 10 + 4 = 14 h);
    # 11 h after Mon 22:00 is Tue 09:00.
    pytest.param(
        "NIGHTOVL", "2025-03-03T22:00+01:00", H(11), "2025-03-04T09:00:00+01:00", id="night-overlap"
    ),
    # 24-hour shift Mon 09:00 -> Tue 09:00: Mon 10:00 + 22 h = Tue 08:00, still inside.
    pytest.param(
        "SHIFT24", "2025-03-03T10:00+01:00", H(22), "2025-03-04T08:00:00+01:00", id="shift24"
    ),
    # --- Lord Howe (30-minute DST) and Santiago ---
    # 02:15 is in the 02:00-02:30 gap -> 02:45+11:00 (15:45Z Sat); + 1 h = 03:45+11:00.
    pytest.param("LH", "2025-10-05T00:00+10:30", H(1), "2025-10-05T03:45:00+11:00", id="lh-spring"),
    # 24/7 Santiago: Sat 22:00-04 = 02:00Z; + 3 h = 05:00Z = 02:00-03:00 (no midnight).
    pytest.param(
        "SCL", "2025-09-06T22:00-04:00", H(3), "2025-09-07T02:00:00-03:00", id="scl-spring"
    ),
    # Sat 2025-04-05 20:00-03 = 23:00Z; + 3 h = 02:00Z, still before the 03:00Z fall-back:
    # 23:00-03:00 (the first of the two 23:00s).
    pytest.param(
        "SCL", "2025-04-05T20:00-03:00", H(3), "2025-04-05T23:00:00-03:00", id="scl-autumn"
    ),
    # + 5 h = 04:00Z = 00:00-04:00 on 04-06 (the second 23:00 hour has passed).
    pytest.param(
        "SCL", "2025-04-05T20:00-03:00", H(5), "2025-04-06T00:00:00-04:00", id="scl-autumn-5h"
    ),
    # --- union and intersection across zones (Mon 2026-03-02: CPH +01, NY -05) ---
    # Union is open 08:00Z-22:00Z. Fri Mar 6 21:00Z + 2 h: 21-22Z (NY, 1 h); Mon Mar 9
    # CPH opens 08:00Z: + 1 h = 09:00Z = 10:00+01:00.
    pytest.param(
        "CPH9|NY9", "2026-03-06T21:00Z", H(2), "2026-03-09T10:00:00+01:00", id="union-add"
    ),
    # The same, shown in New York (the left operand); NY is on EDT since Mar 8: 05:00-04.
    pytest.param(
        "NY9|CPH9", "2026-03-06T21:00Z", H(2), "2026-03-09T05:00:00-04:00", id="union-add-ny"
    ),
    # Intersection is open 14:00Z-16:00Z: 2 h from 14:00Z end exactly at the close;
    # deadline Tue 14:00Z = 15:00+01:00.
    pytest.param(
        "CPH9&NY9", "2026-03-02T14:00Z", H(2), "2026-03-03T15:00:00+01:00", id="inter-add"
    ),
    # Open only on Dec 24 09-12 (UTC): 10:00 + 1 h = 11:00.
    pytest.param("ONLY", "2026-12-24T10:00Z", H(1), "2026-12-24T11:00:00+00:00", id="only-day"),
]


@pytest.mark.parametrize(("sched", "start", "duration", "expected"), ADD)
def test_add(sched: str, start: str, duration: dt.timedelta, expected: str) -> None:
    tz = SCHEDULES[sched].tz
    assert_result(engine(sched).add(at(start, tz), duration), expected, tz)


@pytest.mark.parametrize(("sched", "start", "duration", "expected"), ADD)
def test_reference_add(sched: str, start: str, duration: dt.timedelta, expected: str) -> None:
    tz = SCHEDULES[sched].tz
    assert_instant(reference(sched).deadline(at(start, tz), duration, FAR), expected)


# ---------------------------------------------------------------------------------------
# exhausted_at(t, d): the earliest x >= t with elapsed(t, x) == d ("earliest" column).
# ---------------------------------------------------------------------------------------

EXHAUSTED_AT = [
    # Exact fit lands on the closing instant.
    pytest.param("A", "2025-03-03T09:00+01:00", H(8), "2025-03-03T17:00:00+01:00", id="G06"),
    # Zero leaves t alone, even when closed.
    pytest.param("A", "2025-03-03T07:00+01:00", H(0), "2025-03-03T07:00:00+01:00", id="G07"),
    pytest.param("A", "2025-03-03T17:00+01:00", H(0), "2025-03-03T17:00:00+01:00", id="G07b"),
    pytest.param("SPLIT", "2025-03-10T12:15-04:00", H(0), "2025-03-10T12:15:00-04:00", id="G38"),
    # 00:00+01 = 23:00Z; the block ends 04:00+02 = 02:00Z, 3 h later.
    pytest.param("N4", "2025-03-30T00:00+01:00", H(3), "2025-03-30T04:00:00+02:00", id="G28"),
    # 100 business days from Mon Jan 6 end on Wed May 28 17:00.
    pytest.param("A", "2025-01-06T09:00+01:00", H(800), "2025-05-28T17:00:00+02:00", id="G47"),
    # Not an exact fit: same as add (G04).
    pytest.param("A", "2025-03-07T16:30+01:00", H(1), "2025-03-10T09:30:00+01:00", id="G04"),
    # Lunch: 09-12 is exactly 3 h.
    pytest.param(
        "SPLIT", "2025-03-10T09:00-04:00", H(3), "2025-03-10T12:00:00-04:00", id="lunch-exact"
    ),
    pytest.param(
        "XMAS26", "2026-12-24T11:00+01:00", H(1), "2026-12-24T12:00:00+01:00", id="xmas26-exact"
    ),
    pytest.param(
        "NIGHTMRG", "2025-03-03T22:00+01:00", H(12), "2025-03-04T10:00:00+01:00", id="night-merged"
    ),
    # Intersection 14:00Z-16:00Z: exact fit on the 16:00Z close (17:00+01:00).
    pytest.param(
        "CPH9&NY9", "2026-03-02T14:00Z", H(2), "2026-03-02T17:00:00+01:00", id="inter-exact"
    ),
    pytest.param(
        "ONLY", "2026-12-24T10:00Z", H(2), "2026-12-24T12:00:00+00:00", id="only-day-exact"
    ),
    pytest.param(
        "UTC9", "2026-03-02T09:00+00:00", H(100_000), "2074-01-26T17:00:00+00:00", id="100000h"
    ),
]


@pytest.mark.parametrize(("sched", "start", "duration", "expected"), EXHAUSTED_AT)
def test_exhausted_at(sched: str, start: str, duration: dt.timedelta, expected: str) -> None:
    tz = SCHEDULES[sched].tz
    assert_result(engine(sched).exhausted_at(at(start, tz), duration), expected, tz)


@pytest.mark.parametrize(("sched", "start", "duration", "expected"), EXHAUSTED_AT)
def test_reference_exhausted_at(
    sched: str, start: str, duration: dt.timedelta, expected: str
) -> None:
    tz = SCHEDULES[sched].tz
    assert_instant(reference(sched).exhausted_at(at(start, tz), duration, FAR), expected)


# ---------------------------------------------------------------------------------------
# subtract(t, d): the latest x <= t with elapsed(x, t) == d.
# ---------------------------------------------------------------------------------------

SUBTRACT = [
    # Mon 09-10 (1 h) and Fri 16-17 (1 h).
    pytest.param("A", "2025-03-10T10:00+01:00", H(2), "2025-03-07T16:00:00+01:00", id="G08"),
    # A backward exact fit lands on the opening.
    pytest.param("A", "2025-03-03T17:00+01:00", H(8), "2025-03-03T09:00:00+01:00", id="G09"),
    # subtract(t, 0) == t, even when closed.
    pytest.param("A", "2025-03-04T00:00+01:00", H(0), "2025-03-04T00:00:00+01:00", id="G10"),
    # 13:00-13:30 (0.5 h), lunch, 11:30-12:00 (0.5 h).
    pytest.param("SPLIT", "2025-03-10T13:30-04:00", H(1), "2025-03-10T11:30:00-04:00", id="G39"),
    # From exactly the opening: nothing before on Monday; Fri 16-17.
    pytest.param("A", "2025-03-03T09:00+01:00", H(1), "2025-02-28T16:00:00+01:00", id="G49"),
    # Subtracting a negative duration adds (deadline): like G04.
    pytest.param("A", "2025-03-07T16:30+01:00", H(-1), "2025-03-10T09:30:00+01:00", id="neg-G04"),
    # Half a second on Monday (09:00-09:00.5), half on Friday (16:59:59.5-17:00).
    pytest.param(
        "A",
        "2025-03-10T09:00:00.500000+01:00",
        dt.timedelta(seconds=1),
        "2025-03-07T16:59:59.500000+01:00",
        id="sub-microseconds",
    ),
    # Lunch: 13:00 - 1 h: 12-13 is closed, 11-12 open.
    pytest.param(
        "SPLIT", "2025-03-10T13:00-04:00", H(1), "2025-03-10T11:00:00-04:00", id="lunch-sub"
    ),
    # Backward exact fit on the 13:00 opening.
    pytest.param(
        "SPLIT", "2025-03-10T14:00-04:00", H(1), "2025-03-10T13:00:00-04:00", id="lunch-sub-exact"
    ),
    # Night shift: Tue 02:00 - 4 h = Mon 22:00 (the shift's opening).
    pytest.param(
        "NIGHT", "2025-03-04T02:00+01:00", H(4), "2025-03-03T22:00:00+01:00", id="night-sub"
    ),
    # Tue Apr 7 09-10 (1 h); Mon 6 Easter Monday, weekend, Fri 3, Thu 2 closed; Wed 1
    # 18:00 - 1 h = 17:00.
    pytest.param(
        "DK18", "2026-04-07T10:00+02:00", H(2), "2026-04-01T17:00:00+02:00", id="dk-easter-sub"
    ),
    # Mon Dec 28 09-10 (1 h); weekend and Fri 25 closed; Thu 24 override ends 12:00: 11:00.
    pytest.param(
        "XMAS26", "2026-12-28T10:00+01:00", H(2), "2026-12-24T11:00:00+01:00", id="xmas26-sub"
    ),
    # Mon Mar 30 2026 09-10 CEST (1 h), Fri Mar 27 17-18 CET (1 h).
    pytest.param(
        "DK18", "2026-03-30T10:00+02:00", H(2), "2026-03-27T17:00:00+01:00", id="cph-spring-sub"
    ),
    # 24/7 across the fall-back night: 10:00Z - 24 h = Sat 10:00Z = 12:00+02:00.
    pytest.param(
        "X24", "2026-10-25T11:00+01:00", H(24), "2026-10-24T12:00:00+02:00", id="x24-autumn-sub"
    ),
]


@pytest.mark.parametrize(("sched", "start", "duration", "expected"), SUBTRACT)
def test_subtract(sched: str, start: str, duration: dt.timedelta, expected: str) -> None:
    tz = SCHEDULES[sched].tz
    assert_result(engine(sched).subtract(at(start, tz), duration), expected, tz)


@pytest.mark.parametrize(("sched", "start", "duration", "expected"), SUBTRACT)
def test_reference_subtract(sched: str, start: str, duration: dt.timedelta, expected: str) -> None:
    tz = SCHEDULES[sched].tz
    assert_instant(reference(sched).subtract(at(start, tz), duration), expected)


# ---------------------------------------------------------------------------------------
# elapsed(a, b): signed business time in [a, b).
# ---------------------------------------------------------------------------------------

ELAPSED = [
    pytest.param("A18", "2025-03-07T17:30+01:00", "2025-03-10T10:30+01:00", H(2), id="G02"),
    # Signed: the reverse of G02.
    pytest.param("A18", "2025-03-10T10:30+01:00", "2025-03-07T17:30+01:00", H(-2), id="G20"),
    # Fri 12-17 CET (5 h) + Mon 09-12 CEST (3 h).
    pytest.param("A", "2025-03-28T12:00+01:00", "2025-03-31T12:00+02:00", H(8), id="G12"),
    pytest.param("A", "2025-03-31T09:00+02:00", "2025-03-31T17:00+02:00", H(8), id="G13"),
    # Mon 14 - Wed 16 (3 x 8 h); Thu-Mon closed (Easter); Tue 22 09-12 (3 h).
    pytest.param("A", "2025-04-14T00:00+02:00", "2025-04-22T12:00+02:00", H(27), id="G15"),
    # 24/7 on the 23-hour and 25-hour days.
    pytest.param("X24", "2025-03-30T00:00+01:00", "2025-03-31T00:00+02:00", H(23), id="G21"),
    pytest.param("X24", "2025-10-26T00:00+02:00", "2025-10-27T00:00+01:00", H(25), id="G22"),
    # 00:00+01 (23:00Z) to 04:00+02 (02:00Z).
    pytest.param("N4", "2025-03-30T00:00+01:00", "2025-03-30T04:00+02:00", H(3), id="G24"),
    # 00:00+02 (22:00Z) to 04:00+01 (03:00Z).
    pytest.param("N4", "2025-10-26T00:00+02:00", "2025-10-26T04:00+01:00", H(5), id="G27"),
    # 02:30 is in the gap -> 03:30+02 (01:30Z); 05:00+02 = 03:00Z.
    pytest.param("G", "2025-03-30T00:00+01:00", "2025-03-31T00:00+02:00", M(90), id="G29"),
    # 02:30 happens twice -> the earlier, 02:30+02 (00:30Z); 05:00+01 = 04:00Z.
    pytest.param("G", "2025-10-26T00:00+02:00", "2025-10-27T00:00+01:00", M(210), id="G30"),
    pytest.param("NIGHT", "2025-03-03T22:00+01:00", "2025-03-04T06:00+01:00", H(8), id="G31"),
    # 22:00+01 (21:00Z) to 06:00+02 (04:00Z).
    pytest.param("NIGHT7", "2025-03-29T22:00+01:00", "2025-03-30T06:00+02:00", H(7), id="G34"),
    # Drop by start: Wed 05-28's shift runs into Ascension Thursday untouched (8 h) ...
    pytest.param("NIGHT", "2025-05-28T12:00+02:00", "2025-05-29T12:00+02:00", H(8), id="G36-wed"),
    # ... and Thursday's own shift is dropped whole (0 h).
    pytest.param("NIGHT", "2025-05-29T12:00+02:00", "2025-05-30T12:00+02:00", H(0), id="G36-thu"),
    pytest.param("NIGHT", "2025-05-28T12:00+02:00", "2025-05-30T12:00+02:00", H(8), id="G36-48h"),
    # Fri 10-12 (2 h), 13-17 (4 h) EST; Mon 09-10 EDT (1 h).
    pytest.param("SPLIT", "2025-03-07T10:00-05:00", "2025-03-10T10:00-04:00", H(7), id="G41"),
    # 00:00-04 on 09-06 = 04:00Z to 00:00-03 on 09-08 = 03:00Z: 47 h.
    pytest.param("SCL", "2025-09-06T00:00-04:00", "2025-09-08T00:00-03:00", H(47), id="G43"),
    # The holiday 09-07 covers [01:00-03 = 04:00Z, 03:00Z on 09-08): 23 h off.
    pytest.param("SCLH", "2025-09-06T00:00-04:00", "2025-09-08T00:00-03:00", H(24), id="G44"),
    # 02:15 is in the 30-minute gap -> 02:45+11:00; to 04:00+11:00.
    pytest.param("LH", "2025-10-05T00:00+10:30", "2025-10-06T00:00+11:00", M(75), id="G46"),
    # 2025: 261 weekdays - 8 weekday holidays = 253 x 8 h.
    pytest.param("A", "2025-01-01T00:00+01:00", "2026-01-01T00:00+01:00", H(2024), id="G48"),
    # 1900-01-01 (a Monday) to 2100-01-01: 73049 days = 10435 weeks + Mon-Thu, so
    # 10435 x 5 + 4 = 52179 weekdays x 8 h.
    pytest.param(
        "UTC9", "1900-01-01T00:00+00:00", "2100-01-01T00:00+00:00", H(417_432), id="200-years"
    ),
    # 365 x 24 h: the spring and autumn hours cancel.
    pytest.param("X24", "2025-01-01T00:00+01:00", "2026-01-01T00:00+01:00", H(8760), id="G54"),
    # --- Danish Easter and Christmas 2026 (DK18: Mon-Fri 09-18) ---
    # Mon Mar 30 - Wed Apr 1 (3 x 9 h), Thu 2 - Mon 6 closed, Tue 7 - Fri 10 (4 x 9 h).
    pytest.param(
        "DK18", "2026-03-30T00:00+02:00", "2026-04-13T00:00+02:00", H(63), id="dk-easter-2w"
    ),
    # Mon 21 - Thu 24 (4 x 9), Fri 25 closed, Mon 28 - Thu 31 (4 x 9), Fri Jan 1 closed.
    pytest.param(
        "DK18", "2026-12-21T00:00+01:00", "2027-01-04T00:00+01:00", H(72), id="dk-xmas-2w"
    ),
    # With the overrides: Thu 24 is 09-12 (3 h), Thu 31 closed: 27 + 3 + 27.
    pytest.param(
        "XMAS26", "2026-12-21T00:00+01:00", "2027-01-04T00:00+01:00", H(57), id="xmas26-2w"
    ),
    # Overrides beat holidays: Thu 24 (9 h) + Fri 25 10-14 (4 h) + Sat 26 10-12 (2 h).
    pytest.param(
        "XMASOPEN", "2026-12-24T00:00+01:00", "2026-12-27T00:00+01:00", H(15), id="override-holiday"
    ),
    # --- DST weeks ---
    # Copenhagen spring week 2026: 5 x 9 h, the lost hour is on Sunday.
    pytest.param(
        "DK18", "2026-03-23T00:00+01:00", "2026-03-30T00:00+02:00", H(45), id="cph-spring-week"
    ),
    # Copenhagen autumn: Fri Oct 23 12-18 CEST (6 h) + Mon Oct 26 09-12 CET (3 h).
    pytest.param("DK18", "2026-10-23T12:00+02:00", "2026-10-26T12:00+01:00", H(9), id="cph-autumn"),
    # 24/7 weeks: 7 x 24 - 1 and 7 x 24 + 1.
    pytest.param(
        "X24", "2026-03-23T00:00+01:00", "2026-03-30T00:00+02:00", H(167), id="x24-spring-week"
    ),
    pytest.param(
        "X24", "2026-10-19T00:00+02:00", "2026-10-26T00:00+01:00", H(169), id="x24-autumn-week"
    ),
    pytest.param(
        "X24NY", "2025-03-03T00:00-05:00", "2025-03-10T00:00-04:00", H(167), id="x24ny-spring-week"
    ),
    pytest.param(
        "X24NY", "2025-10-27T00:00-04:00", "2025-11-03T00:00-05:00", H(169), id="x24ny-autumn-week"
    ),
    pytest.param(
        "X24NY", "2025-03-09T00:00-05:00", "2025-03-10T00:00-04:00", H(23), id="x24ny-spring-day"
    ),
    pytest.param(
        "X24NY", "2025-11-02T00:00-04:00", "2025-11-03T00:00-05:00", H(25), id="x24ny-autumn-day"
    ),
    # NY night shifts: 22:00-05 (03:00Z) to 06:00-04 (10:00Z); 22:00-04 (02:00Z) to
    # 06:00-05 (11:00Z).
    pytest.param(
        "NYNIGHT7", "2025-03-08T22:00-05:00", "2025-03-09T06:00-04:00", H(7), id="nynight-spring"
    ),
    pytest.param(
        "NYNIGHT7", "2025-11-01T22:00-04:00", "2025-11-02T06:00-05:00", H(9), id="nynight-autumn"
    ),
    # Sun 01:00-03:00 New York: an ordinary Sunday is 2 h; on 03-09 01:00 EST (06:00Z) to
    # 03:00 EDT (07:00Z) is 1 h; on 11-02 01:00 is repeated -> the EDT one (05:00Z) to
    # 03:00 EST (08:00Z) is 3 h.
    pytest.param(
        "NYSUN", "2025-03-02T00:00-05:00", "2025-03-03T00:00-05:00", H(2), id="nysun-plain"
    ),
    pytest.param(
        "NYSUN", "2025-03-09T00:00-05:00", "2025-03-10T00:00-04:00", H(1), id="nysun-spring"
    ),
    pytest.param(
        "NYSUN", "2025-11-02T00:00-04:00", "2025-11-03T00:00-05:00", H(3), id="nysun-autumn"
    ),
    # 02:30 does not exist on 03-09 -> 03:30 EDT (07:30Z) to 04:00 EDT (08:00Z).
    pytest.param(
        "NYGAP", "2025-03-09T00:00-05:00", "2025-03-10T00:00-04:00", M(30), id="nygap-spring"
    ),
    # Sun 02:00-03:00 Copenhagen: on 03-30 02:00 -> 03:00+02 (01:00Z) = 03:00+02: empty;
    # on 10-26 02:00 repeated -> 02:00+02 (00:00Z) to 03:00+01 (02:00Z) = 2 h.
    pytest.param(
        "CPHSUN", "2025-03-30T00:00+01:00", "2025-03-31T00:00+02:00", H(0), id="cphsun-spring"
    ),
    pytest.param(
        "CPHSUN", "2025-10-26T00:00+02:00", "2025-10-27T00:00+01:00", H(2), id="cphsun-autumn"
    ),
    pytest.param(
        "CPHSUN", "2025-10-19T00:00+02:00", "2025-10-20T00:00+02:00", H(1), id="cphsun-plain"
    ),
    # Sun 01:00-02:30: on 10-26 02:30 repeated -> 02:30+02 (00:30Z), from 23:00Z: 1.5 h;
    # on 03-30 02:30 in the gap -> 03:30+02 (01:30Z), from 00:00Z: 1.5 h.
    pytest.param(
        "CPHAMB", "2025-10-26T00:00+02:00", "2025-10-27T00:00+01:00", M(90), id="cphamb-autumn"
    ),
    pytest.param(
        "CPHAMB", "2025-03-30T00:00+01:00", "2025-03-31T00:00+02:00", M(90), id="cphamb-spring"
    ),
    # Sun 02:30-03:00 on 03-30: 02:30 -> 03:30+02 (01:30Z), after the 03:00+02 end (01:00Z).
    pytest.param(
        "CPHGAPEMPTY", "2025-03-30T00:00+01:00", "2025-03-31T00:00+02:00", H(0), id="gap-empty"
    ),
    pytest.param(
        "CPHGAPEMPTY", "2025-04-06T00:00+02:00", "2025-04-07T00:00+02:00", M(30), id="gap-plain"
    ),
    # Sun 02:00-02:30 on 03-30: both in the gap -> 03:00-03:30+02:00.
    pytest.param(
        "CPHGAPBOTH", "2025-03-30T00:00+01:00", "2025-03-31T00:00+02:00", M(30), id="gap-both"
    ),
    # Lord Howe 2025-10-05: 02:15 -> 02:45+11:00 (15:45Z), after 02:40+11:00 (15:40Z).
    pytest.param(
        "LHGAPEMPTY", "2025-10-05T00:00+10:30", "2025-10-06T00:00+11:00", H(0), id="lh-gap-empty"
    ),
    # Sun 2025-10-26 02:30 (first, +02 = 00:30Z) to Mon 02:15+01 (01:15Z): 24 h 45 min.
    pytest.param(
        "CPHLONG",
        "2025-10-26T00:00+02:00",
        "2025-10-28T00:00+01:00",
        M(24 * 60 + 45),
        id="long-shift",
    ),
    # Sat 2025-09-06 23:00-04 (03:00Z) to 00:30 on 09-07, in the gap -> 01:30-03 (04:30Z).
    pytest.param(
        "SCLNIGHT", "2025-09-06T00:00-04:00", "2025-09-09T00:00-03:00", M(90), id="scl-night"
    ),
    # --- Lord Howe ---
    pytest.param("LH", "2025-10-06T00:00+11:00", "2025-10-07T00:00+11:00", M(105), id="lh-plain"),
    # Sun 01:00-03:00 on 04-06: 01:00+11 (14:00Z) to 03:00+10:30 (16:30Z): 2.5 h; on
    # 10-05: 01:00+10:30 (14:30Z) to 03:00+11 (16:00Z): 1.5 h.
    pytest.param(
        "LHSUN", "2025-04-06T00:00+11:00", "2025-04-07T00:00+10:30", M(150), id="lhsun-autumn"
    ),
    pytest.param(
        "LHSUN", "2025-10-05T00:00+10:30", "2025-10-06T00:00+11:00", M(90), id="lhsun-spring"
    ),
    # Sun 01:45-02:15 on 04-06: 01:45 repeated -> +11 (14:45Z); 02:15+10:30 = 15:45Z.
    pytest.param(
        "LHAMB", "2025-04-06T00:00+11:00", "2025-04-07T00:00+10:30", H(1), id="lhamb-autumn"
    ),
    # --- Santiago ---
    # The 25-hour 2025-04-05: 00:00-03 (03:00Z) to 04-06 00:00-04 (04:00Z next day).
    pytest.param(
        "SCL", "2025-04-05T00:00-03:00", "2025-04-06T00:00-04:00", H(25), id="scl-25h-day"
    ),
    # Sat 20:00-24:00 on 09-06: 20:00-04 (00:00Z) to the missing midnight -> 01:00-03
    # (04:00Z): 4 h; on 04-05: 20:00-03 (23:00Z) to 00:00-04 on 04-06 (04:00Z): 5 h.
    pytest.param(
        "SCLEVE", "2025-09-06T00:00-04:00", "2025-09-08T00:00-03:00", H(4), id="scleve-spring"
    ),
    pytest.param(
        "SCLEVE", "2025-04-05T00:00-03:00", "2025-04-07T00:00-04:00", H(5), id="scleve-autumn"
    ),
    # --- lunch, night shifts, 24:00 ---
    pytest.param("SPLIT", "2025-03-10T11:00-04:00", "2025-03-10T14:00-04:00", H(2), id="lunch"),
    # A full week of SPLIT: 5 x 7 h.
    pytest.param(
        "SPLIT", "2025-03-10T00:00-04:00", "2025-03-17T00:00-04:00", H(35), id="lunch-week"
    ),
    pytest.param(
        "NIGHTMRG", "2025-03-03T22:00+01:00", "2025-03-04T10:00+01:00", H(12), id="night-merged"
    ),
    pytest.param(
        "NIGHTOVL", "2025-03-02T00:00+01:00", "2025-03-09T00:00+01:00", H(12), id="night-overlap"
    ),
    # Easter 2025 on the night schedule: Wed Apr 16's shift (8 h) counts; the Thu 17,
    # Fri 18 and Mon 21 shifts are dropped; Tue 22's starts at 22:00, after the window.
    pytest.param(
        "NIGHT", "2025-04-16T12:00+02:00", "2025-04-22T12:00+02:00", H(8), id="night-easter"
    ),
    pytest.param(
        "SHIFT24", "2025-03-02T00:00+01:00", "2025-03-09T00:00+01:00", H(24), id="shift24-week"
    ),
    pytest.param("LATE", "2025-03-03T00:00+01:00", "2025-03-05T00:00+01:00", H(6), id="late-24"),
    # --- union / intersection (Mon 2026-03-02: CPH 08-16Z, NY 14-22Z) ---
    pytest.param("CPH9|NY9", "2026-03-02T00:00Z", "2026-03-03T00:00Z", H(14), id="union-day"),
    pytest.param("CPH9&NY9", "2026-03-02T00:00Z", "2026-03-03T00:00Z", H(2), id="inter-day"),
    # Mon 2026-03-09: NY is on EDT (13-21Z), Copenhagen not yet (08-16Z).
    pytest.param("CPH9|NY9", "2026-03-09T00:00Z", "2026-03-10T00:00Z", H(13), id="union-dst-gap"),
    pytest.param("CPH9&NY9", "2026-03-09T00:00Z", "2026-03-10T00:00Z", H(3), id="inter-dst-gap"),
]


@pytest.mark.parametrize(("sched", "a", "b", "expected"), ELAPSED)
def test_elapsed(sched: str, a: str, b: str, expected: dt.timedelta) -> None:
    tz = SCHEDULES[sched].tz
    got = engine(sched).elapsed(at(a, tz), at(b, tz))
    assert type(got) is dt.timedelta
    assert got == expected


@pytest.mark.parametrize(("sched", "a", "b", "expected"), ELAPSED)
def test_reference_elapsed(sched: str, a: str, b: str, expected: dt.timedelta) -> None:
    tz = SCHEDULES[sched].tz
    assert reference(sched).worked(at(a, tz), at(b, tz)) == expected


# ---------------------------------------------------------------------------------------
# is_open(t): half-open periods [open, close).
# ---------------------------------------------------------------------------------------

IS_OPEN = [
    pytest.param("A", "2025-03-03T17:00+01:00", False, id="G55-close"),
    pytest.param("A", "2025-03-03T09:00+01:00", True, id="G55-open"),
    pytest.param("A", "2025-03-03T16:59:59+01:00", True, id="G55-last-second"),
    pytest.param("A", "2025-03-03T16:59:59.999999+01:00", True, id="last-microsecond"),
    pytest.param("A", "2025-03-03T08:59:59.999999+01:00", False, id="before-open"),
    # Maundy Thursday 2025.
    pytest.param("A", "2025-04-17T10:00+02:00", False, id="G55-holiday"),
    # 01:00+14:00 on Apr 17 is Wed Apr 16 13:00 in Copenhagen: the holiday is judged on
    # the calendar's local date, so this is open.
    pytest.param("A", "2025-04-17T01:00+14:00[Pacific/Kiritimati]", True, id="U2"),
    # ... and the reverse: Thu Apr 17 10:00 Copenhagen seen from New York is Apr 17 04:00.
    pytest.param("A", "2025-04-17T04:00-04:00[America/New_York]", False, id="U2-reverse"),
    # Lunch.
    pytest.param("SPLIT", "2025-03-10T12:00-04:00", False, id="lunch-start"),
    pytest.param("SPLIT", "2025-03-10T11:59:59.999999-04:00", True, id="lunch-before"),
    pytest.param("SPLIT", "2025-03-10T13:00-04:00", True, id="lunch-end"),
    # Night shifts belong to their start day and run into the next.
    pytest.param("NIGHT", "2025-03-07T05:00+01:00", True, id="night-fri-morning"),
    pytest.param("NIGHT", "2025-03-08T05:00+01:00", True, id="night-sat-morning"),
    pytest.param("NIGHT", "2025-03-09T05:00+01:00", False, id="night-sun-morning"),
    pytest.param("NIGHT", "2025-03-10T05:00+01:00", False, id="night-mon-morning"),
    pytest.param("NIGHT", "2025-03-10T22:00+01:00", True, id="night-mon-evening"),
    pytest.param("NIGHT", "2025-03-11T06:00+01:00", False, id="night-close"),
    # Ascension Thu 2025-05-29: Wednesday's shift still runs Thu 05:00; Thursday's own
    # shift (Thu 23:00) is dropped, so is its tail Fri 05:00.
    pytest.param("NIGHT", "2025-05-29T05:00+02:00", True, id="night-into-holiday"),
    pytest.param("NIGHT", "2025-05-29T23:00+02:00", False, id="night-on-holiday"),
    pytest.param("NIGHT", "2025-05-30T05:00+02:00", False, id="night-after-holiday"),
    pytest.param("NIGHTMRG", "2025-03-04T06:00+01:00", True, id="night-merged-seam"),
    pytest.param("SHIFT24", "2025-03-04T08:59+01:00", True, id="shift24-end"),
    pytest.param("SHIFT24", "2025-03-04T09:00+01:00", False, id="shift24-close"),
    pytest.param("LATE", "2025-03-03T23:59:59.999999+01:00", True, id="late-before-24"),
    pytest.param("LATE", "2025-03-04T00:00+01:00", False, id="late-24"),
    # Overrides.
    pytest.param("XMAS26", "2026-12-24T11:59+01:00", True, id="xmas26-morning"),
    pytest.param("XMAS26", "2026-12-24T12:00+01:00", False, id="xmas26-afternoon"),
    pytest.param("XMAS26", "2026-12-31T10:00+01:00", False, id="xmas26-newyearseve"),
    pytest.param("XMASOPEN", "2026-12-25T11:00+01:00", True, id="override-beats-holiday"),
    pytest.param("XMASOPEN", "2026-12-26T11:00+01:00", True, id="override-opens-saturday"),
    pytest.param("XMASOPEN", "2026-12-26T12:00+01:00", False, id="override-close"),
    # Danish 2026: Good Friday closed; Store Bededag (May 1, 2026) abolished since 2024.
    pytest.param("DK18", "2026-04-03T12:00+02:00", False, id="dk-goodfriday"),
    pytest.param("DK18", "2026-05-01T12:00+02:00", True, id="dk-no-prayer-day"),
    pytest.param("DK18", "2026-12-24T12:00+01:00", True, id="dk-xmas-eve"),
    pytest.param("DK18", "2026-12-25T12:00+01:00", False, id="dk-xmas"),
    # DST edges: Copenhagen 10-26 02:00+02:00 (00:00Z) opens; the second 02:30 (+01) is open.
    pytest.param("CPHSUN", "2025-10-26T02:00+02:00", True, id="cphsun-first-0200"),
    pytest.param("CPHSUN", "2025-10-26T01:59+02:00", False, id="cphsun-0159"),
    pytest.param("CPHSUN", "2025-10-26T02:30+01:00", True, id="cphsun-second-0230"),
    pytest.param("CPHSUN", "2025-10-26T03:00+01:00", False, id="cphsun-0300"),
    pytest.param("CPHSUN", "2025-03-30T03:00+02:00", False, id="cphsun-spring-empty"),
    pytest.param("LH", "2025-10-05T02:30+11:00", False, id="lh-gap"),
    pytest.param("LH", "2025-10-05T02:45+11:00", True, id="lh-gap-open"),
    pytest.param("SCLH", "2025-09-07T01:00-03:00", False, id="scl-holiday"),
    pytest.param("SCLH", "2025-09-06T23:59-04:00", True, id="scl-eve"),
    pytest.param("CPH9|NY9", "2026-03-02T21:00Z", True, id="union-open"),
    pytest.param("CPH9&NY9", "2026-03-02T21:00Z", False, id="inter-closed"),
    pytest.param("CPH9&NY9", "2026-03-02T15:00Z", True, id="inter-open"),
]


@pytest.mark.parametrize(("sched", "t", "expected"), IS_OPEN)
def test_is_open(sched: str, t: str, expected: bool) -> None:
    got = engine(sched).is_open(at(t, SCHEDULES[sched].tz))
    assert type(got) is bool
    assert got is expected


@pytest.mark.parametrize(("sched", "t", "expected"), IS_OPEN)
def test_reference_is_open(sched: str, t: str, expected: bool) -> None:
    assert reference(sched).is_open(at(t, SCHEDULES[sched].tz)) is expected


# ---------------------------------------------------------------------------------------
# next_open(t) and next_close(t).
# ---------------------------------------------------------------------------------------

NEXT_OPEN = [
    # Open: t itself.
    pytest.param("A", "2025-03-03T10:00+01:00", "2025-03-03T10:00:00+01:00", id="open"),
    # Open, input in UTC: t itself, shown in the calendar's zone.
    pytest.param("A", "2025-03-03T09:00Z", "2025-03-03T10:00:00+01:00", id="open-utc-input"),
    pytest.param("A", "2025-03-03T17:00+01:00", "2025-03-04T09:00:00+01:00", id="at-close"),
    pytest.param("A", "2025-03-08T11:00+01:00", "2025-03-10T09:00:00+01:00", id="weekend"),
    pytest.param("SPLIT", "2025-03-10T12:30-04:00", "2025-03-10T13:00:00-04:00", id="lunch"),
    pytest.param("NIGHT", "2025-03-08T12:00+01:00", "2025-03-10T22:00:00+01:00", id="night"),
    # Maundy Thursday 2026 08:00: Thu, Fri, weekend, Easter Monday closed.
    pytest.param("DK18", "2026-04-02T08:00+02:00", "2026-04-07T09:00:00+02:00", id="dk-easter"),
    # Dec 31 closed by override, Jan 1 2027 holiday, weekend: Mon Jan 4.
    pytest.param(
        "XMAS26", "2026-12-31T10:00+01:00", "2027-01-04T09:00:00+01:00", id="xmas26-newyear"
    ),
    # 02:45+11:00 is the resolved start inside Lord Howe's 30-minute gap.
    pytest.param("LH", "2025-10-05T00:00+10:30", "2025-10-05T02:45:00+11:00", id="lh-gap"),
    # The 02:30 opening does not exist on 2025-03-09 in New York: 03:30 EDT.
    pytest.param("NYGAP", "2025-03-09T00:00-05:00", "2025-03-09T03:30:00-04:00", id="nygap"),
    # The first of the two 02:00s on 2025-10-26.
    pytest.param(
        "CPHSUN", "2025-10-25T12:00+02:00", "2025-10-26T02:00:00+02:00", id="cphsun-autumn"
    ),
    # On 2025-03-30 the 02:00-03:00 interval is empty: next Sunday.
    pytest.param(
        "CPHSUN", "2025-03-29T12:00+01:00", "2025-04-06T02:00:00+02:00", id="cphsun-spring"
    ),
    # Santiago holiday 09-07 (from 01:00-03): next opening is 09-08 00:00-03.
    pytest.param("SCLH", "2025-09-07T05:00Z", "2025-09-08T00:00:00-03:00", id="scl-holiday"),
    pytest.param("CPH9&NY9", "2026-03-02T09:00+01:00", "2026-03-02T15:00:00+01:00", id="inter"),
    pytest.param("ONLY", "2026-12-20T00:00Z", "2026-12-24T09:00:00+00:00", id="only-day"),
    # The empty spring-gap interval is skipped: next Sunday's 02:30.
    pytest.param(
        "CPHGAPEMPTY", "2025-03-29T12:00+01:00", "2025-04-06T02:30:00+02:00", id="gap-empty"
    ),
    pytest.param(
        "CPHGAPBOTH", "2025-03-29T12:00+01:00", "2025-03-30T03:00:00+02:00", id="gap-both"
    ),
]

NEXT_CLOSE = [
    pytest.param("A", "2025-03-03T10:00+01:00", "2025-03-03T17:00:00+01:00", id="open"),
    # At the closing instant it is closed: the next period's end.
    pytest.param("A", "2025-03-03T17:00+01:00", "2025-03-04T17:00:00+01:00", id="at-close"),
    pytest.param("A", "2025-03-08T11:00+01:00", "2025-03-10T17:00:00+01:00", id="weekend"),
    pytest.param(
        "SPLIT", "2025-03-10T10:00-04:00", "2025-03-10T12:00:00-04:00", id="lunch-morning"
    ),
    pytest.param("SPLIT", "2025-03-10T12:30-04:00", "2025-03-10T17:00:00-04:00", id="lunch"),
    pytest.param("NIGHT", "2025-03-03T23:00+01:00", "2025-03-04T06:00:00+01:00", id="night"),
    # Mon 22:00-Tue 06:00 and Tue 06:00-10:00 are one period.
    pytest.param(
        "NIGHTMRG", "2025-03-03T23:00+01:00", "2025-03-04T10:00:00+01:00", id="night-merged"
    ),
    pytest.param(
        "NIGHTOVL", "2025-03-03T23:00+01:00", "2025-03-04T10:00:00+01:00", id="night-overlap"
    ),
    pytest.param("SHIFT24", "2025-03-03T10:00+01:00", "2025-03-04T09:00:00+01:00", id="shift24"),
    pytest.param("LATE", "2025-03-03T19:00+01:00", "2025-03-04T00:00:00+01:00", id="late-24"),
    pytest.param("XMAS26", "2026-12-24T09:30+01:00", "2026-12-24T12:00:00+01:00", id="xmas26"),
    # Autumn 2025-10-26: closes at 03:00+01:00 (02:00Z), 2 h after opening.
    pytest.param(
        "CPHSUN", "2025-10-26T02:30+02:00", "2025-10-26T03:00:00+01:00", id="cphsun-autumn"
    ),
    # The Santiago evening ends at the missing midnight: 01:00-03.
    pytest.param("SCLEVE", "2025-09-06T21:00-04:00", "2025-09-07T01:00:00-03:00", id="scleve"),
    # 24:00 on Santiago's long night 04-05: 00:00-04 on 04-06, after the repeated hour.
    pytest.param(
        "SCLEVE", "2025-04-05T21:00-03:00", "2025-04-06T00:00:00-04:00", id="scleve-autumn"
    ),
    # SCLH is open until the holiday starts at the missing midnight (01:00-03 = 04:00Z).
    pytest.param("SCLH", "2025-09-06T12:00-04:00", "2025-09-07T01:00:00-03:00", id="scl-holiday"),
    pytest.param("CPH9|NY9", "2026-03-02T09:00+01:00", "2026-03-02T23:00:00+01:00", id="union"),
    pytest.param(
        "CPHGAPBOTH", "2025-03-30T03:10+02:00", "2025-03-30T03:30:00+02:00", id="gap-both"
    ),
    pytest.param("SCLNIGHT", "2025-09-06T23:30-04:00", "2025-09-07T01:30:00-03:00", id="scl-night"),
    pytest.param("CPHLONG", "2025-10-26T12:00+01:00", "2025-10-27T02:15:00+01:00", id="long-shift"),
]


@pytest.mark.parametrize(("sched", "t", "expected"), NEXT_OPEN)
def test_next_open(sched: str, t: str, expected: str) -> None:
    tz = SCHEDULES[sched].tz
    assert_result(engine(sched).next_open(at(t, tz)), expected, tz)


@pytest.mark.parametrize(("sched", "t", "expected"), NEXT_OPEN)
def test_reference_next_open(sched: str, t: str, expected: str) -> None:
    assert_instant(reference(sched).next_open(at(t, SCHEDULES[sched].tz)), expected)


@pytest.mark.parametrize(("sched", "t", "expected"), NEXT_CLOSE)
def test_next_close(sched: str, t: str, expected: str) -> None:
    tz = SCHEDULES[sched].tz
    assert_result(engine(sched).next_close(at(t, tz)), expected, tz)


@pytest.mark.parametrize(("sched", "t", "expected"), NEXT_CLOSE)
def test_reference_next_close(sched: str, t: str, expected: str) -> None:
    assert_instant(reference(sched).next_close(at(t, SCHEDULES[sched].tz)), expected)


# ---------------------------------------------------------------------------------------
# open_periods(a, b): maximal open periods clipped to [a, b).
# ---------------------------------------------------------------------------------------

OPEN_PERIODS = [
    # Clipped at both ends; lunch splits the day.
    pytest.param(
        "SPLIT",
        "2025-03-10T10:00-04:00",
        "2025-03-11T10:00-04:00",
        [
            ("2025-03-10T10:00:00-04:00", "2025-03-10T12:00:00-04:00"),
            ("2025-03-10T13:00:00-04:00", "2025-03-10T17:00:00-04:00"),
            ("2025-03-11T09:00:00-04:00", "2025-03-11T10:00:00-04:00"),
        ],
        id="lunch",
    ),
    # The night shift and Tuesday's early hours are one period.
    pytest.param(
        "NIGHTMRG",
        "2025-03-03T00:00+01:00",
        "2025-03-05T00:00+01:00",
        [("2025-03-03T22:00:00+01:00", "2025-03-04T10:00:00+01:00")],
        id="night-merged",
    ),
    # Every day 00:00-24:00 is one period across the week (and the DST change).
    pytest.param(
        "SCLH",
        "2025-09-01T12:00-04:00",
        "2025-09-10T12:00-03:00",
        [
            ("2025-09-01T12:00:00-04:00", "2025-09-07T01:00:00-03:00"),
            ("2025-09-08T00:00:00-03:00", "2025-09-10T12:00:00-03:00"),
        ],
        id="scl-holiday",
    ),
    # Easter 2026 week on DK18: Mon-Wed only.
    pytest.param(
        "DK18",
        "2026-03-30T00:00+02:00",
        "2026-04-06T00:00+02:00",
        [
            ("2026-03-30T09:00:00+02:00", "2026-03-30T18:00:00+02:00"),
            ("2026-03-31T09:00:00+02:00", "2026-03-31T18:00:00+02:00"),
            ("2026-04-01T09:00:00+02:00", "2026-04-01T18:00:00+02:00"),
        ],
        id="dk-easter-week",
    ),
    pytest.param(
        "CPHSUN",
        "2025-10-25T12:00+02:00",
        "2025-10-26T12:00+01:00",
        [("2025-10-26T02:00:00+02:00", "2025-10-26T03:00:00+01:00")],
        id="cphsun-autumn",
    ),
    # Intersection Mon 2026-03-09: 13:00Z-16:00Z, shown in Copenhagen.
    pytest.param(
        "CPH9&NY9",
        "2026-03-09T00:00Z",
        "2026-03-10T00:00Z",
        [("2026-03-09T14:00:00+01:00", "2026-03-09T17:00:00+01:00")],
        id="inter-dst-gap",
    ),
    # Union on Fri 2026-03-06 (both on standard time): 08:00Z-22:00Z.
    pytest.param(
        "NY9|CPH9",
        "2026-03-06T00:00Z",
        "2026-03-07T00:00Z",
        [("2026-03-06T03:00:00-05:00", "2026-03-06T17:00:00-05:00")],
        id="union-follow-the-sun",
    ),
    # Nothing open: an empty iterator.
    pytest.param("A", "2025-03-08T00:00+01:00", "2025-03-09T00:00+01:00", [], id="weekend"),
]


@pytest.mark.parametrize(("sched", "a", "b", "expected"), OPEN_PERIODS)
def test_open_periods(sched: str, a: str, b: str, expected: list[tuple[str, str]]) -> None:
    tz = SCHEDULES[sched].tz
    got = list(engine(sched).open_periods(at(a, tz), at(b, tz)))
    assert [(s.isoformat(), e.isoformat()) for s, e in got] == [
        (dt.datetime.fromisoformat(s).isoformat(), dt.datetime.fromisoformat(e).isoformat())
        for s, e in expected
    ]
    assert all(zone_name(s.tzinfo) == tz and zone_name(e.tzinfo) == tz for s, e in got)


@pytest.mark.parametrize(("sched", "a", "b", "expected"), OPEN_PERIODS)
def test_reference_open_periods(
    sched: str, a: str, b: str, expected: list[tuple[str, str]]
) -> None:
    tz = SCHEDULES[sched].tz
    got = reference(sched).periods(at(a, tz), at(b, tz))
    assert got == [
        (dt.datetime.fromisoformat(s), dt.datetime.fromisoformat(e)) for s, e in expected
    ]


# ---------------------------------------------------------------------------------------
# Composite rows and holiday data.
# ---------------------------------------------------------------------------------------


def test_G52_subtract_inverts_exhausted_at() -> None:
    """(Fri 16:30 + 1 h) - 1 h is Fri 16:30 again (t is open)."""
    cal = engine("A")
    t = at("2025-03-07T16:30+01:00", CPH)
    assert_result(cal.subtract(cal.exhausted_at(t, H(1)), H(1)), "2025-03-07T16:30:00+01:00", CPH)
    assert_result(cal.subtract(cal.add(t, H(1)), H(1)), "2025-03-07T16:30:00+01:00", CPH)


def test_G53_additivity() -> None:
    """(Fri 16:30 + 5 h) + 7 h == Fri 16:30 + 12 h == Tue 12:30 (Mon 13:30 in between)."""
    cal = engine("A")
    t = at("2025-03-07T16:30+01:00", CPH)
    assert_result(cal.add(t, H(5)), "2025-03-10T13:30:00+01:00", CPH)
    assert_result(cal.add(cal.add(t, H(5)), H(7)), "2025-03-11T12:30:00+01:00", CPH)


def test_reference_G52_G53() -> None:
    ref = reference("A")
    t = at("2025-03-07T16:30+01:00", CPH)
    assert ref.subtract(ref.exhausted_at(t, H(1)), H(1)) == t
    assert ref.deadline(ref.deadline(t, H(5)), H(7)) == ref.deadline(t, H(12))


DK_DATES = [
    # 2025: the entries of holidays.DK() (holidays 0.109).
    ("2025-01-01", True),
    ("2025-04-17", True),
    ("2025-04-18", True),
    ("2025-04-21", True),
    ("2025-05-29", True),
    ("2025-06-09", True),
    ("2025-12-24", False),
    ("2025-12-25", True),
    ("2025-12-26", True),
    # 2026: Easter Sunday Apr 5; Ascension May 14; Whit Monday May 25.
    ("2026-04-02", True),
    ("2026-04-03", True),
    ("2026-04-05", True),
    ("2026-04-06", True),
    ("2026-05-01", False),  # would have been Store Bededag, abolished from 2024
    ("2026-05-14", True),
    ("2026-05-15", False),
    ("2026-05-25", True),
    ("2026-06-05", False),  # Constitution Day is not a public holiday
    ("2026-12-24", False),
    ("2026-12-25", True),
    ("2026-12-26", True),
    ("2026-12-31", False),
    ("2027-01-01", True),
]


@pytest.mark.parametrize(("day", "expected"), DK_DATES, ids=[d for d, _ in DK_DATES])
def test_dk_holiday_data(day: str, expected: bool) -> None:
    assert engine("DK18").is_holiday(dt.date.fromisoformat(day)) is expected


@pytest.mark.parametrize(("day", "expected"), DK_DATES, ids=[d for d, _ in DK_DATES])
def test_reference_dk_holiday_data(day: str, expected: bool) -> None:
    assert (dt.date.fromisoformat(day) in DK) is expected
