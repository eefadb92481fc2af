"""What the quick reader of plain verbs leaves to the general one, which then decides.

A strict list of plain verbs is read without making event records; anything else in
it sends the whole list to the general reader, whose answer (a status, or the error
that names the event) is the one given.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pandas as pd
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from slacalc._time import to_us
from slacalc.calendar import BusinessCalendar
from slacalc.errors import NaiveDatetimeError, TicketEventError
from slacalc.timers import ClockRules, SeverityTargets, TicketEvent
from slacalc.timers._events import plain_verbs

T = dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC)
RULES = ClockRules([SeverityTargets("p1", BusinessCalendar.always("UTC"), response="1h")])
OPENED = {"kind": "opened", "at": T, "severity": "p1"}


class _NoOffset(dt.tzinfo):
    """A tzinfo that gives no offset: the instant is naive after all."""

    def utcoffset(self, when: dt.datetime | None) -> None:
        return None

    def dst(self, when: dt.datetime | None) -> None:
        return None

    def tzname(self, when: dt.datetime | None) -> str:
        return "?"


class _Sub(dt.datetime):
    """A datetime subclass of no library's."""


def test_a_row_with_an_attribute_takes_the_general_reader() -> None:
    rows: list[object] = [{**OPENED, "ticket_id": 3, "status": "open"}]
    assert plain_verbs(rows, "ignore") is None
    status = RULES.evaluate(rows, at=T, extra="ignore")  # type: ignore[arg-type]
    assert status == RULES.evaluate([OPENED], at=T)


def test_an_instant_the_quick_reader_does_not_take_is_read_by_the_general_one() -> None:
    naive: list[object] = [
        {"kind": "opened", "at": T.replace(tzinfo=_NoOffset()), "severity": "p1"}
    ]
    assert plain_verbs(naive, "forbid") is None
    with pytest.raises((NaiveDatetimeError, TicketEventError)):
        RULES.evaluate(naive, at=T)  # type: ignore[arg-type]
    no_offset = _Sub(2026, 1, 5, 9, tzinfo=_NoOffset())  # a subclass, naive after all
    for missing in (pd.NaT, pd.Timestamp("2026-01-05 09:00"), "2026-01-05T09:00:00", no_offset):
        assert plain_verbs([{**OPENED, "at": missing}], "forbid") is None
    with pytest.raises(TicketEventError, match="has no 'at' \\(it is NaT\\)"):
        RULES.evaluate([{**OPENED, "at": pd.NaT}], at=T)
    with pytest.raises(NaiveDatetimeError, match="has no time zone"):
        RULES.evaluate([{**OPENED, "at": pd.Timestamp("2026-01-05 09:00")}], at=T)


def test_instants_of_datetime_subclasses_are_read_quickly_and_exactly() -> None:
    def read(at: object) -> list[tuple[int, int, int, str, str | None]] | None:
        return plain_verbs([{**OPENED, "at": at}], "forbid")

    x = to_us(T)
    # 10:00:00.000001999 in Copenhagen (UTC+1 in January) is 09:00:00.000001 UTC: the
    # 999 ns below the microsecond are dropped, as to_us drops them.
    stamp = pd.Timestamp("2026-01-05 10:00:00.000001999", tz="Europe/Copenhagen")
    assert read(stamp) == [(x + 1, 0, 0, "opened", "p1")]
    # Beyond the nanosecond years (after 2262) a Timestamp in µs is read by its fields:
    # 3000-01-05 is 974 years after 2026-01-05: 974 * 365 = 355,510 days, and 236 leap
    # days (the 243 years 2028-2996 divisible by 4, less 2100, 2200, 2300, 2500, 2600,
    # 2700 and 2900).
    far = pd.Timestamp("3000-01-05 09:00", tz="UTC").as_unit("us")
    assert read(far) == [(x + 355_746 * 86_400_000_000, 0, 0, "opened", "p1")]
    # pendulum's DateTime is read through to_us, and answers as the datetime does.
    later = pendulum.datetime(2026, 1, 5, 9, 30, tz="UTC")
    assert read(pendulum.datetime(2026, 1, 5, 9, tz="UTC")) == [(x, 0, 0, "opened", "p1")]
    events: list[object] = [OPENED, TicketEvent("responded", later)]
    assert plain_verbs(events, "forbid") is not None
    status = RULES.evaluate(events, at=later)  # type: ignore[arg-type]
    assert status.response.stopped_at == later
    assert status == RULES.evaluate(events, at=later, timeline=True)  # type: ignore[arg-type]


class _Swinging(dt.tzinfo):
    """A zone of no library's whose offset moves by 90 min 7 s at 12:00 each day."""

    def utcoffset(self, when: dt.datetime | None) -> dt.timedelta:
        hours = 0 if when is None or when.hour < 12 else 1
        return dt.timedelta(hours=-3 + hours, minutes=30 * hours, seconds=7 * hours)

    def dst(self, when: dt.datetime | None) -> None:
        return None

    def tzname(self, when: dt.datetime | None) -> str:
        return "swinging"


_ZONES: list[dt.tzinfo] = [
    dt.UTC,
    ZoneInfo("Europe/Copenhagen"),
    ZoneInfo("America/St_Johns"),  # half-hour offsets, DST
    ZoneInfo("Australia/Lord_Howe"),  # a 30-minute DST shift
    ZoneInfo("Africa/Monrovia"),  # -00:44:30 until 1972: an offset in seconds
    dt.timezone(dt.timedelta(hours=5, minutes=45)),
    dt.timezone(-dt.timedelta(hours=9, seconds=17, microseconds=3)),
    _Swinging(),
    # dateutil's zone, which cannot be hashed: read without the zone cache
    pd.Timestamp(0, tz="dateutil/America/New_York").tzinfo,
]


@given(
    st.lists(
        st.tuples(
            st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)),
            st.sampled_from(_ZONES),
            st.integers(0, 1),
        ),
        min_size=1, max_size=12,
    )
)  # fmt: skip
def test_the_quick_reader_gives_every_instant_as_to_us_does(
    instants: list[tuple[dt.datetime, dt.tzinfo, int]],
) -> None:
    # Wall times in DST gaps and folds (both folds) of zones that change, fixed zones
    # with offsets in seconds and µs, zones mixed in one list: each instant read
    # quickly equals to_us of it, which goes through the aware subtraction.
    ats = sorted((naive.replace(tzinfo=tz, fold=fold) for naive, tz, fold in instants), key=to_us)
    rows: list[object] = [{"kind": "opened", "at": ats[0], "severity": "p1"}]
    rows += [{"kind": "responded", "at": at} for at in ats[1:]]
    read = plain_verbs(rows, "forbid")
    assert read is not None
    assert sorted(row[0] for row in read) == [to_us(at) for at in ats]


def test_a_naive_instant_after_aware_ones_sends_the_list_to_the_general_reader() -> None:
    rows: list[object] = [
        OPENED,
        {"kind": "responded", "at": T + dt.timedelta(hours=1)},
        {"kind": "responded", "at": dt.datetime(2026, 1, 5, 11)},
    ]
    assert plain_verbs(rows, "forbid") is None
    with pytest.raises(NaiveDatetimeError, match="has no time zone"):
        RULES.evaluate(rows, at=T)  # type: ignore[arg-type]
    rows[2] = {"kind": "responded", "at": dt.datetime(2026, 1, 5, 11, tzinfo=_NoOffset())}
    assert plain_verbs(rows, "forbid") is None
