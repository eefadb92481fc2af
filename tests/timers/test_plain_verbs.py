"""What the quick reader of plain verbs leaves to the general one, which then decides.

A strict list of plain verbs is read without making event records; anything else in
it sends the whole list to the general reader, whose answer (a status, or the error
that names the event) is the one given.
"""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

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


def test_a_row_with_an_attribute_takes_the_general_reader() -> None:
    rows: list[object] = [{**OPENED, "ticket_id": 3, "status": "open"}]
    assert plain_verbs(rows, "ignore") is None
    status = RULES.evaluate(rows, at=T, extra="ignore")  # type: ignore[arg-type]
    assert status == RULES.evaluate([OPENED], at=T)


def test_an_instant_the_quick_reader_does_not_take_is_read_by_the_general_one() -> None:
    later = pendulum.datetime(2026, 1, 5, 9, 30, tz="UTC")
    events: list[object] = [OPENED, TicketEvent("responded", later)]
    assert plain_verbs(events, "forbid") is None
    assert RULES.evaluate(events, at=T).response.stopped_at is None  # type: ignore[arg-type]
    naive: list[object] = [
        {"kind": "opened", "at": T.replace(tzinfo=_NoOffset()), "severity": "p1"}
    ]
    assert plain_verbs(naive, "forbid") is None
    with pytest.raises((NaiveDatetimeError, TicketEventError)):
        RULES.evaluate(naive, at=T)  # type: ignore[arg-type]
