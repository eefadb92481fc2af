"""What the quick reader of plain verbs leaves to the general one, which then decides.

A strict list of plain verbs is read without making event records; anything else in
it sends the whole list to the general reader, whose answer (a status, or the error
that names the event) is the one given.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pendulum
import pytest

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
