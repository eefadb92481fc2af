"""The out-of-hours auto-reply, in English and Danish."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from slacalc.errors import InvalidOptionError, NaiveDatetimeError, UnknownSeverityError
from slacalc.policy import SLAPolicy, default_policy

CPH = ZoneInfo("Europe/Copenhagen")
POLICY = default_policy()
FRIDAY_NIGHT = dt.datetime(2026, 11, 27, 23, 10, tzinfo=CPH)


def test_high_on_friday_night_matches_the_issue_text() -> None:
    a = POLICY.acknowledge("high", FRIDAY_NIGHT)
    assert a.text == (
        "We received your request on Friday 27 November at 23:10. Our support hours are "
        "Monday–Friday 09:00–18:00 (Copenhagen time). You will hear from us by Monday "
        "30 November at 10:00."
    )
    assert (a.is_open, a.opens_at, a.respond_by) == (
        False,
        dt.datetime(2026, 11, 30, 9, tzinfo=CPH),
        dt.datetime(2026, 11, 30, 10, tzinfo=CPH),
    )


def test_danish() -> None:
    a = POLICY.acknowledge("high", FRIDAY_NIGHT, locale="da")
    assert a.text == (
        "Vi har modtaget din henvendelse fredag den 27. november kl. 23.10. Vores supporttid "
        "er mandag–fredag kl. 09.00–18.00 (dansk tid). Du hører fra os senest mandag den "
        "30. november kl. 10.00."
    )


def test_critical_gets_the_24x7_promise() -> None:
    a = POLICY.acknowledge("critical", FRIDAY_NIGHT)
    assert a.is_open
    assert a.opens_at == FRIDAY_NIGHT
    assert a.text == (
        "We received your request on Friday 27 November at 23:10. Critical requests are "
        "handled around the clock, every day of the year. You will hear from us by Friday "
        "27 November at 23:25."
    )


def test_low_promises_the_closing_time_not_the_next_opening() -> None:
    # 18 support hours from Mon 09:00: Mon 9 h + Tue 9 h, used up at Tue 18:00; the
    # deadline (last on-time instant) is Wed 09:00, the text promises Tue 18:00.
    a = POLICY.acknowledge("low", FRIDAY_NIGHT)
    assert a.promised_by == dt.datetime(2026, 12, 1, 18, tzinfo=CPH)
    assert a.respond_by == dt.datetime(2026, 12, 2, 9, tzinfo=CPH)
    assert a.text.endswith("You will hear from us by Tuesday 1 December at 18:00.")


def test_open_now_and_other_zones() -> None:
    monday = dt.datetime(2026, 11, 30, 10, 0, tzinfo=dt.UTC)  # 11:00 in Copenhagen
    a = POLICY.acknowledge("high", monday)
    assert a.is_open
    assert a.received_at == monday
    assert a.received_at.utcoffset() == dt.timedelta(hours=1)
    assert "on Monday 30 November at 11:00" in a.text
    assert "by Monday 30 November at 12:00" in a.text


def test_other_hours_and_zones_are_described() -> None:
    policy = SLAPolicy.from_dict(
        {
            "support": {
                "hours": "Mon-Thu 08:00-12:00,13:00-16:00; Fri 08:00-12:00",
                "tz": "America/New_York",
            },
            "severities": [{"name": "normal", "response": "4h"}],
        }
    )
    when = dt.datetime(2026, 11, 27, 13, tzinfo=ZoneInfo("America/New_York"))
    assert "Monday–Thursday 08:00–12:00 and 13:00–16:00; Friday 08:00–12:00 (New York time)" in (
        policy.acknowledge("normal", when).text
    )
    assert "(tid i New York)" in policy.acknowledge("normal", when, "da").text


def test_errors() -> None:
    with pytest.raises(InvalidOptionError, match="'de'"):
        POLICY.acknowledge("high", FRIDAY_NIGHT, locale="de")  # type: ignore[arg-type]
    with pytest.raises(UnknownSeverityError, match="'urgent'"):
        POLICY.acknowledge("urgent", FRIDAY_NIGHT)
    with pytest.raises(NaiveDatetimeError):
        POLICY.acknowledge("high", dt.datetime(2026, 11, 27, 23, 10))


@pytest.mark.parametrize(
    ("day", "danish", "english"),
    [
        # Danish public holidays (the holidays package's names, Danish in running text)
        (dt.date(2025, 12, 26), "2. juledag", "Second Day of Christmas"),
        (dt.date(2027, 5, 6), "Kristi himmelfartsdag", "Ascension Day"),
        (dt.date(2027, 3, 29), "2. påskedag", "Easter Monday"),
        # days the Danish policy closes, as Danish agencies do
        (dt.date(2026, 12, 24), "juleaftensdag", "Christmas Eve"),
        (dt.date(2026, 12, 31), "nytårsaften", "New Year's Eve"),
    ],
)
def test_the_reply_names_the_day_that_closes_support(
    day: dt.date, danish: str, english: str
) -> None:
    policy = default_policy("da")
    at = dt.datetime.combine(day, dt.time(10), tzinfo=CPH)
    reply = policy.acknowledge("high", at, "da")
    assert not reply.is_open
    assert f" Supporten er lukket i dag, {danish}. Vores supporttid er " in reply.text
    assert f" Support is closed today for {english}. " in policy.acknowledge("high", at).text


def test_an_ordinary_evening_names_no_closed_day() -> None:
    evening = dt.datetime(2026, 12, 23, 19, tzinfo=CPH)
    assert "lukket" not in default_policy("da").acknowledge("high", evening, "da").text
    assert "closed" not in POLICY.acknowledge("high", evening).text
    # the English built-in does not close on 24 December
    assert POLICY.acknowledge("high", dt.datetime(2026, 12, 24, 10, tzinfo=CPH)).is_open
