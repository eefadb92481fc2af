"""Instants in the calendar's own zone, which the warm questions read without asking
the zone twice: the same answers as for the same instants given in UTC.

A wall time in the calendar's ``ZoneInfo`` is read as its wall-clock time since
1970-01-01 00:00 in that zone less its offset, the offset asked of the zone directly;
an instant in any other zone goes through ``t - EPOCH``. Both must name one instant,
in DST gaps and folds too (where the offset, and so the instant, follows ``fold``).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import example, given
from hypothesis import strategies as st

from slacalc import BusinessCalendar

CALENDARS = {
    zone: BusinessCalendar("Mon-Fri 08:00-12:00,13:00-18:00; Sun 01:00-02:45", tz=zone)
    for zone in ("Europe/Copenhagen", "Australia/Lord_Howe", "America/St_Johns")
}
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def in_utc(t: dt.datetime) -> dt.datetime:
    """The instant ``t - EPOCH`` names, in UTC (the reading of any other zone)."""
    return EPOCH + (t - EPOCH)


@example(dt.datetime(2026, 3, 29, 2, 30), "Europe/Copenhagen", 0, 90)  # in the gap
# 02:30 is open the first time and closed the second (Sunday hours end at the first 02:45)
@example(dt.datetime(2026, 10, 25, 2, 30), "Europe/Copenhagen", 1, 90)
@example(dt.datetime(2026, 10, 25, 2, 30), "Europe/Copenhagen", 0, 30)
@example(dt.datetime(2026, 4, 5, 1, 45), "Australia/Lord_Howe", 1, 45)  # a 30-min fold
@example(dt.datetime(2026, 10, 4, 2, 15), "Australia/Lord_Howe", 0, 45)  # a 30-min gap
@given(
    st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2027, 12, 31)),
    st.sampled_from(sorted(CALENDARS)),
    st.integers(0, 1),
    st.integers(0, 600),
)
def test_an_instant_in_the_calendars_own_zone_answers_as_in_utc(
    wall: dt.datetime, zone: str, fold: int, minutes: int
) -> None:
    cal = CALENDARS[zone]
    t = wall.replace(tzinfo=ZoneInfo(zone), fold=fold)
    assert t.tzinfo is cal.tz  # the zone's own object: the quick reading
    u = in_utc(t)
    later = t + dt.timedelta(days=2, minutes=minutes)  # wall-clock arithmetic, then read
    budget = dt.timedelta(minutes=minutes)
    # The UTC questions first: they compile the stretch the own-zone ones then read.
    expected = (
        cal.is_open(u),
        cal.next_open(u),
        cal.add(u, budget),
        cal.elapsed(u, in_utc(later)),
        cal.elapsed(in_utc(later), u),
    )
    got = (
        cal.is_open(t),
        cal.next_open(t),
        cal.add(t, budget),
        cal.elapsed(t, later),
        cal.elapsed(later, t),
    )
    assert got == expected
    assert cal.elapsed(t, u) == dt.timedelta(0)  # one instant, however it is written
