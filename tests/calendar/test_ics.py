"""Closed days to and from iCalendar files: round trips and every error path."""

from __future__ import annotations

import builtins
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import slacalc
from slacalc import BusinessCalendar
from slacalc.calendar import IcsClosures, closures_from_ics, closures_to_ics

CPH = "Europe/Copenhagen"


def ics(*events: str) -> str:
    body = "".join(
        f"BEGIN:VEVENT\nUID:{i}@test\n{e.strip()}\nEND:VEVENT\n" for i, e in enumerate(events)
    )
    return f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n{body}END:VCALENDAR\n"


def test_all_day_events_close_their_dates(tmp_path: Path) -> None:
    text = ics(
        "DTSTART;VALUE=DATE:20260814\nSUMMARY:Summer party",
        "DTSTART;VALUE=DATE:20261228\nDTEND;VALUE=DATE:20261231\nSUMMARY:Christmas break",
        "DTSTART;VALUE=DATE:20260501\nDURATION:P2D\nSUMMARY:Long weekend",
        "DTSTART;VALUE=DATE:20260814\nSUMMARY:Team day",
        "DTSTART;VALUE=DATE:20260301\nSTATUS:CANCELLED\nSUMMARY:Called off",
        "DTSTART;VALUE=DATE:20260302\nDTEND;VALUE=DATE:20260302",
    )
    path = tmp_path / "closures.ics"
    path.write_text(text, encoding="utf-8")
    for source in (text, text.encode(), path, str(path)):
        closed = closures_from_ics(source)
        assert dict(closed.days) == {
            dt.date(2026, 3, 2): "closed",
            dt.date(2026, 5, 1): "Long weekend",
            dt.date(2026, 5, 2): "Long weekend",
            dt.date(2026, 8, 14): "Summer party; Team day",
            dt.date(2026, 12, 28): "Christmas break",
            dt.date(2026, 12, 29): "Christmas break",
            dt.date(2026, 12, 30): "Christmas break",
        }
        assert dict(closed.recurring) == {}


def test_yearly_events_become_rules() -> None:
    text = ics(
        "DTSTART;VALUE=DATE:20261224\nRRULE:FREQ=YEARLY\nSUMMARY:Christmas Eve",
        "DTSTART;VALUE=DATE:20261127\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=-1FR\nSUMMARY:Sale",
        "DTSTART;VALUE=DATE:20260105\nRRULE:FREQ=YEARLY;INTERVAL=1;BYMONTH=1;BYDAY=1MO",
        "DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=1",
    )
    closed = closures_from_ics(text)
    assert dict(closed.recurring) == {
        "12-24": "closed",
        "last Fri of Nov": "closed",
        "1st Mon of Jan": "closed",
        "05-01": "closed",
    }
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz=CPH, recurring=closed.recurring)
    assert not cal.is_open(dt.datetime(2030, 11, 29, 10, tzinfo=cal.tz))  # last Fri of Nov 2030


def test_export_lists_the_closed_working_days() -> None:
    cal = BusinessCalendar(
        "Mon-Fri 09:00-17:00",
        tz=CPH,
        holidays="DK",
        recurring={"12-24": "09:00-12:00", "12-31": "closed"},
        overrides={"2026-12-23": "closed", "2026-12-25": "10:00-12:00"},
    )
    closed = closures_from_ics(closures_to_ics(cal, dt.date(2026, 12, 1), "2027-01-05"))
    # 23 Dec closed by override, 24 a half day (not a closure), 25 opened by override,
    # 26-27 a weekend, 31 closed by rule, 1 Jan Nytårsdag.
    assert dict(closed.days) == {
        dt.date(2026, 12, 23): "Closed",
        dt.date(2026, 12, 31): "Closed",
        dt.date(2027, 1, 1): "Nytårsdag",
    }


def test_export_is_deterministic_and_stamped() -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz=CPH, holidays="DK")
    a = closures_to_ics(cal, "2026-01-01", "2027-01-01")
    assert a == closures_to_ics(cal, "2026-01-01", "2027-01-01")
    assert b"DTSTAMP:20260101T000000Z" in a
    stamped = closures_to_ics(
        cal, "2026-01-01", "2027-01-01", stamp=dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    )
    assert b"DTSTAMP:20260601T000000Z" in stamped
    assert closures_to_ics(cal, "2026-01-01", "2026-01-01").count(b"BEGIN:VEVENT") == 0


@st.composite
def calendars(draw: st.DrawFn) -> BusinessCalendar:
    hours = draw(
        st.sampled_from(["Mon-Fri 09:00-17:00", "Mon-Sat 08:00-12:00", "Sun-Thu 22:00-06:00"])
    )
    holidays = draw(st.sampled_from([None, "DK", "DK+optional", "US-NY", "DE-BY"]))
    days = st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 31))
    overrides: dict[dt.date | str, str] = draw(
        st.dictionaries(days, st.sampled_from(["closed", "10:00-12:00"]), max_size=4)
    )
    recurring = draw(
        st.dictionaries(
            st.sampled_from(["12-24", "12-31", "last Fri of Nov", "1st Mon", "06-05"]),
            st.sampled_from(["closed", "09:00-12:00"]),
            max_size=3,
        )
    )
    seasons = draw(st.sampled_from([None, {"Jul": "Mon-Thu 08:00-15:00"}]))
    return BusinessCalendar(
        hours,
        tz=draw(st.sampled_from([CPH, "America/New_York", "UTC"])),
        holidays=holidays,
        overrides=dict(overrides.items()),
        recurring=recurring,
        seasons=seasons,
    )


@settings(max_examples=max(10, settings().max_examples // 4))
@given(calendars())
def test_round_trip(cal: BusinessCalendar) -> None:
    """Exported closures, read back as closed days, give a calendar with the same hours.

    The copy keeps the original's hours, seasons, half days and opening overrides, but
    none of its holidays or closing rules: the file alone closes its days.
    """
    start, end = dt.date(2026, 1, 1), dt.date(2028, 1, 1)
    data = closures_to_ics(cal, start, end)
    closed = closures_from_ics(data)
    opening: dict[dt.date | str, str] = {d: h for d, h in cal.overrides.items() if h != "closed"}
    plain = BusinessCalendar(
        cal.hours,
        tz=cal.tz,
        seasons=dict(cal.seasons) or None,
        overrides=opening | dict.fromkeys(closed.days, "closed"),
        recurring={r: h for r, h in cal.recurring.items() if h != "closed"} or None,
    )
    assert closures_from_ics(closures_to_ics(plain, start, end)).days.keys() == closed.days.keys()
    # Inside the range, clear of a night shift from a date just before it.
    lo = dt.datetime(2026, 1, 3, tzinfo=dt.UTC)
    hi = dt.datetime(2027, 12, 30, tzinfo=dt.UTC)
    assert list(cal.open_periods(lo, hi)) == list(plain.open_periods(lo, hi))


def test_closures_are_sorted_and_read_only() -> None:
    closed = closures_from_ics(
        ics("DTSTART;VALUE=DATE:20260201\nSUMMARY:b", "DTSTART;VALUE=DATE:20260101\nSUMMARY:a")
    )
    assert list(closed.days) == [dt.date(2026, 1, 1), dt.date(2026, 2, 1)]
    with pytest.raises(TypeError):
        closed.days[dt.date(2026, 3, 1)] = "c"  # type: ignore[index]
    assert closed == IcsClosures(closed.days, closed.recurring)


# -- errors -------------------------------------------------------------------------------

BAD_EVENTS = [
    ("DTSTART:20261224T120000Z\nDTEND:20261224T170000Z\nSUMMARY:Early close", "time of day"),
    ("DTSTART;VALUE=DATE:20261224\nRRULE:FREQ=WEEKLY\nSUMMARY:Fridays", "only a yearly"),
    ("DTSTART;VALUE=DATE:20261224\nRRULE:FREQ=YEARLY;COUNT=3\nSUMMARY:Thrice", "only a yearly"),
    ("DTSTART;VALUE=DATE:20261224\nRRULE:FREQ=YEARLY;INTERVAL=2\nSUMMARY:Odd", "only a yearly"),
    ("DTSTART;VALUE=DATE:20261224\nRRULE:FREQ=YEARLY;BYMONTH=1,2\nSUMMARY:Two", "several dates"),
    ("DTSTART;VALUE=DATE:20261224\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=FR\nSUMMARY:Any", "place"),
    (
        "DTSTART;VALUE=DATE:20261224\nDTEND;VALUE=DATE:20261227\nRRULE:FREQ=YEARLY\nSUMMARY:Xmas",
        "lasts 3 days",
    ),
    ("SUMMARY:Nothing", "has no DTSTART"),
]


@pytest.mark.parametrize(("event", "message"), BAD_EVENTS)
def test_bad_events(event: str, message: str) -> None:
    with pytest.raises(slacalc.InvalidDateError, match=message) as info:
        closures_from_ics(ics(event))
    summary = event.rpartition("SUMMARY:")[2]
    assert repr(summary) in str(info.value)


def test_bad_sources(tmp_path: Path) -> None:
    with pytest.raises(slacalc.InvalidDateError, match="does not exist"):
        closures_from_ics(tmp_path / "missing.ics")
    with pytest.raises(slacalc.InvalidDateError, match="not readable"):
        closures_from_ics(42)  # type: ignore[arg-type]
    with pytest.raises(slacalc.InvalidDateError, match="BEGIN:VCALENDAR"):
        closures_from_ics(b"this is not a calendar")


def test_bad_exports() -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz=CPH)
    with pytest.raises(slacalc.InvalidDateError, match="before the start"):
        closures_to_ics(cal, "2027-01-01", "2026-01-01")
    with pytest.raises(slacalc.InvalidDateError, match="'2026-13-01'"):
        closures_to_ics(cal, "2026-13-01", "2027-01-01")
    with pytest.raises(slacalc.InvalidDateError, match="union or intersection"):
        closures_to_ics(
            cal | BusinessCalendar("Sat 10:00-12:00", tz=CPH), "2026-01-01", "2027-01-01"
        )


def test_without_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def refuse(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "icalendar":
            raise ImportError("No module named 'icalendar'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse)
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz=CPH)
    with pytest.raises(ModuleNotFoundError, match=r"pip install icalendar"):
        closures_from_ics(ics())
    with pytest.raises(ModuleNotFoundError, match=r"pip install icalendar"):
        closures_to_ics(cal, "2026-01-01", "2027-01-01")
