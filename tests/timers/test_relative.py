"""Relative targets: "by 16:00 next business day", "end of business day + N".

Golden rows name their source: GLPI's documentation (github.com/glpi-project/doc,
``service_levels.rst``) and its calendar tests (github.com/glpi-project/glpi,
``tests/functional/CalendarTest.php``); ServiceNow's documentation
(github.com/ServiceNow/ServiceNowDocs, ``markdown/it-service-management/
service-level-management/c_SLADuration.md``) and its ``DurationCalculator`` script include,
whose ``calcRelativeDueDate(start, days, endTime)`` computes the out-of-box relative
durations ("Next business day by 4pm" is ``calcRelativeDueDate(start, 1, "16:00:00")``,
"End of next business day" ``calcRelativeDueDate(start, 1)``). The hand computation is
written next to each row. The boundaries slacalc decides are in docs/concepts/day.md,
"Relative targets"; each has a test here. The properties compare every target with a slow
reference that walks the calendar minute by minute.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slacalc import errors
from slacalc.calendar import BusinessCalendar
from slacalc.policy import SLAPolicy
from slacalc.policy._fields import parse_target
from slacalc.timers import (
    BusinessDays,
    ClockRules,
    EndOfBusinessDay,
    NextBusinessDayAt,
    SeverityTargets,
)

UTC = dt.UTC
US = dt.timedelta(microseconds=1)
H = dt.timedelta(hours=1)
CPH = ZoneInfo("Europe/Copenhagen")

Relative = NextBusinessDayAt | EndOfBusinessDay


def at(text: str, tz: dt.tzinfo = UTC) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=tz)


def due(cal: BusinessCalendar, target: Relative, start: dt.datetime) -> dt.datetime:
    """The last on-time instant of a clock with ``target`` started at ``start``."""
    return cal.add(start, target.resolve(cal, start))


# -- golden cases ------------------------------------------------------------------------

GLPI_DEFAULT = BusinessCalendar("Mon-Fri 08:00-20:00", tz="UTC")


def test_G05_glpi_h_plus_4_and_by_10_next_business_day_agree() -> None:
    # GLPI doc service_levels.rst: Mon-Fri 08:00-18:00, "H+4", opened 16:00 on a weekday
    # -> due 10:00 the next working day. By hand: Monday 16-18 is 2 h, Tuesday 08-10 2 h.
    cal = BusinessCalendar("Mon-Fri 08:00-18:00", tz="UTC")
    monday_4pm = at("2026-11-30T16:00")
    assert cal.add(monday_4pm, "4h") == at("2026-12-01T10:00")
    by_ten = NextBusinessDayAt("10:00")
    assert by_ten.resolve(cal, monday_4pm) == 4 * H
    assert due(cal, by_ten, monday_4pm) == at("2026-12-01T10:00")


def test_G06_glpi_seven_working_days_keep_the_clock_time() -> None:
    # GLPI CalendarTest.php: default calendar Mon-Fri 08:00-20:00, 7 days, work_in_days,
    # from Monday 2018-11-19 10:00 -> 2018-11-28 10:00. By hand: day 0 is Monday 19th;
    # Tue 20, Wed 21, Thu 22, Fri 23, Mon 26, Tue 27, Wed 28 are days 1-7. Business time:
    # Monday 10-20 (10 h) + Tue-Fri (4 x 12 h) + Mon, Tue (2 x 12 h) + Wednesday 08-10 (2 h).
    start = at("2018-11-19T10:00")
    target = NextBusinessDayAt("10:00", days=7)
    assert target.resolve(GLPI_DEFAULT, start) == (10 + 48 + 24 + 2) * H
    assert due(GLPI_DEFAULT, target, start) == at("2018-11-28T10:00")
    assert due(GLPI_DEFAULT, target, start) == GLPI_DEFAULT.add(
        start, BusinessDays(7).resolve(GLPI_DEFAULT, start)
    )


def test_G06_glpi_end_of_working_day_breaches_at_the_close() -> None:
    # Same, with end_of_working_day: GLPI gives 2018-11-28 20:00. slacalc's clock breaches
    # at that instant; the last on-time instant is the microsecond before (not Thursday's
    # 08:00 opening). By hand: 84 h as above + Wednesday 10-20 (10 h), less 1 µs.
    start = at("2018-11-19T10:00")
    target = EndOfBusinessDay(7)
    assert target.resolve(GLPI_DEFAULT, start) == 94 * H - US
    assert due(GLPI_DEFAULT, target, start) + US == at("2018-11-28T20:00")


def test_G06_glpi_end_of_working_day_on_a_whole_day_calendar_is_midnight() -> None:
    # Same on Mon-Fri 00:00-24:00: GLPI gives 2018-11-29 00:00, the end of Wednesday 28th,
    # though the calendar stays open into Thursday. By hand: Monday 10-24 (14 h) + 4 x 24 h
    # + 3 x 24 h = 182 h, less 1 µs.
    whole_days = BusinessCalendar("Mon-Fri 00:00-24:00", tz="UTC")
    start = at("2018-11-19T10:00")
    target = EndOfBusinessDay(7)
    assert target.resolve(whole_days, start) == 182 * H - US
    assert due(whole_days, target, start) + US == at("2018-11-29T00:00")


def test_G10_a_wall_time_the_hours_never_reach_is_refused() -> None:
    # ServiceNow c_SLADuration.md: schedule 08:00-16:00, a due date Wed 2017-01-11 20:30 is
    # outside it, so the breach is the next scheduled time, Thu 08:00. A calendar-only
    # "by 20:30" on those hours could never be met, so slacalc refuses it up front ...
    cal = BusinessCalendar("Mon-Fri 08:00-16:00", tz="UTC")
    with pytest.raises(errors.InvalidDurationError, match=r"'by 16:00 next business day'"):
        SeverityTargets("p", cal, response=NextBusinessDayAt("20:30"))


def test_G10_a_day_that_opens_after_the_wall_time_is_due_at_its_opening() -> None:
    # ... and where one business day opens only after the wall time, the deadline is that
    # day's next scheduled time, as G10's. Thursday 12th opens at 10:00 (a special day);
    # "by 09:00 next business day" from Wed 12:00 is due Thu 10:00. By hand: Wednesday
    # 12-16 is 4 h; the budget runs out at Wednesday's close, due at the next opening.
    cal = BusinessCalendar("Mon-Fri 08:00-16:00", tz="UTC", overrides={"2017-01-12": "10:00-16:00"})
    start = at("2017-01-11T12:00")
    target = NextBusinessDayAt("09:00")
    assert target.resolve(cal, start) == 4 * H
    assert due(cal, target, start) == at("2017-01-12T10:00")


# ServiceNow's default "8-5 weekdays" schedule, in a US zone.
LA = ZoneInfo("America/Los_Angeles")
EIGHT_TO_FIVE = BusinessCalendar("Mon-Fri 08:00-17:00", tz=LA, holidays=["2026-11-26"])


@pytest.mark.parametrize(
    ("start", "expected", "why"),
    [
        ("2026-11-23T10:00", "2026-11-24T16:00", "Monday during hours: Monday is day 0"),
        ("2026-11-23T07:00", "2026-11-24T16:00", "before opening: still Monday's day"),
        ("2026-11-23T19:00", "2026-11-24T16:00", "after closing: the start's date counts"),
        ("2026-11-23T00:00", "2026-11-24T16:00", "at local midnight"),
        ("2026-11-20T15:00", "2026-11-23T16:00", "Friday: the weekend is skipped"),
        ("2026-11-21T11:00", "2026-11-24T16:00", "Saturday: day 0 is Monday, so Tuesday"),
        ("2026-11-25T10:00", "2026-11-27T16:00", "Wednesday: Thursday 26th is a holiday"),
        ("2026-11-26T10:00", "2026-11-30T16:00", "on the holiday: day 0 is Friday 27th"),
    ],
)
def test_servicenow_next_business_day_by_4pm(start: str, expected: str, why: str) -> None:
    # calcRelativeDueDate(start, 1, "16:00:00") counts from the first scheduled day on or
    # after the start's local date (daysNeeded = days + 1), then sets 16:00 on the day.
    target = NextBusinessDayAt("16:00")
    assert due(EIGHT_TO_FIVE, target, at(start, LA)) == at(expected, LA), why


def test_servicenow_two_business_days_by_4pm() -> None:
    # The out-of-box "2 bus days by 4pm": calcRelativeDueDate(start, 2, "16:00:00").
    # Monday 10:00 -> Wednesday 16:00. By hand: Mon 10-17 (7 h) + Tue 9 h + Wed 08-16 (8 h).
    start = at("2026-11-23T10:00", LA)
    target = NextBusinessDayAt("16:00", days=2)
    assert target.resolve(EIGHT_TO_FIVE, start) == 24 * H
    assert due(EIGHT_TO_FIVE, target, start) == at("2026-11-25T16:00", LA)


def test_servicenow_end_of_next_business_day() -> None:
    # "End of next business day": calcRelativeDueDate(start, 1) with no end time takes the
    # end of the day's schedule. Monday 10:00 -> Tuesday 17:00; after hours on Monday too.
    target = EndOfBusinessDay(1)
    for start in ("2026-11-23T10:00", "2026-11-23T19:00"):
        assert due(EIGHT_TO_FIVE, target, at(start, LA)) + US == at("2026-11-24T17:00", LA)


# -- the boundaries decided in docs/concepts/day.md -----------------------------------------

NINE_TO_SIX = BusinessCalendar(
    "Mon-Fri 09:00-18:00", tz=CPH, overrides={"2026-12-24": "09:00-12:00"}
)


def cph(text: str) -> dt.datetime:
    return at(text, CPH)


@pytest.mark.parametrize(
    ("target", "start", "breach"),
    [
        # end of business day: the day the clock starts in, the next once it has ended
        (EndOfBusinessDay(), "2026-11-30T07:00", "2026-11-30T18:00"),
        (EndOfBusinessDay(), "2026-11-30T09:00", "2026-11-30T18:00"),  # at opening
        (EndOfBusinessDay(), "2026-11-30T17:59:59.999998", "2026-11-30T18:00"),
        (EndOfBusinessDay(), "2026-11-30T17:59:59.999999", "2026-12-01T18:00"),  # no µs left
        (EndOfBusinessDay(), "2026-11-30T18:00", "2026-12-01T18:00"),  # at closing
        (EndOfBusinessDay(), "2026-11-30T20:00", "2026-12-01T18:00"),
        (EndOfBusinessDay(), "2026-11-28T12:00", "2026-11-30T18:00"),  # Saturday
        (EndOfBusinessDay(), "2026-12-24T10:00", "2026-12-24T12:00"),  # a short day
        # end of next business day counts from the start's date, also after closing
        (EndOfBusinessDay(1), "2026-11-30T18:00", "2026-12-01T18:00"),
        (EndOfBusinessDay(1), "2026-11-30T20:00", "2026-12-01T18:00"),
        (EndOfBusinessDay(2), "2026-11-27T12:00", "2026-12-01T18:00"),  # Fri -> Tue
        # by a closing time: the same as the end of the day
        (NextBusinessDayAt("18:00"), "2026-11-30T10:00", "2026-12-01T18:00"),
        # a wall time after the day's close: the day's close (a short day)
        (NextBusinessDayAt("16:00"), "2026-12-23T10:00", "2026-12-24T12:00"),
    ],
)
def test_a_deadline_at_a_closing_instant_breaches_there(
    target: Relative, start: str, breach: str
) -> None:
    # The clock breaches at the closing instant: the last on-time instant is the µs before.
    # A budget of business time running out at closing would stay on time until the next
    # opening (business-time.md section 3); a relative target names the day, so it does not.
    assert due(NINE_TO_SIX, target, cph(start)) + US == cph(breach)


@pytest.mark.parametrize(
    ("target", "start", "deadline"),
    [
        (NextBusinessDayAt("16:00"), "2026-11-30T09:00", "2026-12-01T16:00"),  # at opening
        (NextBusinessDayAt("16:00"), "2026-11-30T18:00", "2026-12-01T16:00"),  # at closing
        (NextBusinessDayAt("16:00"), "2026-11-30T16:00", "2026-12-01T16:00"),
        # by 16:00 the same business day: today until 16:00, then the next business day
        (NextBusinessDayAt("16:00", days=0), "2026-11-30T10:00", "2026-11-30T16:00"),
        (NextBusinessDayAt("16:00", days=0), "2026-11-30T15:59:59", "2026-11-30T16:00"),
        (NextBusinessDayAt("16:00", days=0), "2026-11-30T16:00", "2026-12-01T16:00"),
        (NextBusinessDayAt("16:00", days=0), "2026-11-28T10:00", "2026-11-30T16:00"),
        # by the opening time: due at the opening, which is on time
        (NextBusinessDayAt("09:00"), "2026-11-30T10:00", "2026-12-01T09:00"),
    ],
)
def test_a_wall_time_inside_the_hours_is_the_deadline(
    target: Relative, start: str, deadline: str
) -> None:
    assert due(NINE_TO_SIX, target, cph(start)) == cph(deadline)


def test_no_business_time_before_the_deadline_gives_a_target_of_one_microsecond() -> None:
    # "by 09:00 next business day" from Monday evening: Tuesday 09:00 is the first opening,
    # so no business time lies between. A target is never zero: it is 1 µs.
    start = cph("2026-11-30T20:00")
    target = NextBusinessDayAt("09:00")
    assert target.resolve(NINE_TO_SIX, start) == US
    assert due(NINE_TO_SIX, target, start) == cph("2026-12-01T09:00") + US


def test_a_start_on_a_holiday_counts_from_the_next_business_day() -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz=CPH, holidays="DK")
    christmas = cph("2025-12-25T10:00")  # Thursday; Friday 26th is a holiday too
    assert due(cal, NextBusinessDayAt("12:00"), christmas) == cph("2025-12-30T12:00")
    assert due(cal, EndOfBusinessDay(), christmas) + US == cph("2025-12-29T17:00")


NIGHTS = BusinessCalendar("Mon-Fri 22:00-06:00", tz=CPH)


def test_a_night_shift_ends_the_business_day_at_midnight() -> None:
    # Days are local dates: Monday's shift runs into Tuesday, but Monday the date ends at
    # midnight, and the hours after it are Tuesday's. Friday's shift makes Saturday a
    # business day (00:00-06:00).
    monday_23 = cph("2026-11-30T23:00")
    assert due(NIGHTS, EndOfBusinessDay(), monday_23) + US == cph("2026-12-01T00:00")
    assert due(NIGHTS, EndOfBusinessDay(1), monday_23) + US == cph("2026-12-02T00:00")
    assert due(NIGHTS, NextBusinessDayAt("04:00"), monday_23) == cph("2026-12-01T04:00")
    friday_23 = cph("2026-12-04T23:00")
    assert due(NIGHTS, EndOfBusinessDay(1), friday_23) + US == cph("2026-12-05T06:00")
    # Friday is day 0, Saturday day 1, Monday day 2; Monday opens only at 22:00 (no shift
    # runs into it from Sunday), after 04:00, so the deadline is that opening.
    assert due(NIGHTS, NextBusinessDayAt("04:00", 2), friday_23) == cph("2026-12-07T22:00")


def test_dst_days_read_wall_times_as_the_calendar_reads_its_hours() -> None:
    always = BusinessCalendar.always("Europe/Copenhagen")
    # 02:30 on 30 March 2025 does not exist: it moves forward by the gap, to 03:30 CEST.
    spring = due(always, NextBusinessDayAt("02:30"), cph("2025-03-29T12:00"))
    assert spring.isoformat() == "2025-03-30T03:30:00+02:00"
    # 02:30 on 26 October 2025 happens twice: the first one, CEST.
    autumn = due(always, NextBusinessDayAt("02:30"), cph("2025-10-25T12:00"))
    assert autumn.isoformat() == "2025-10-26T02:30:00+02:00"
    # The end of a 23-hour and a 25-hour day is the next local midnight.
    short = EndOfBusinessDay().resolve(always, cph("2025-03-30T00:00"))
    long = EndOfBusinessDay().resolve(always, cph("2025-10-26T00:00"))
    assert (short, long) == (23 * H - US, 25 * H - US)


def test_the_start_is_read_in_the_calendars_zone() -> None:
    # 23:30 UTC on Monday is 00:30 on Tuesday in Copenhagen: Tuesday is day 0.
    start = at("2026-11-30T23:30")
    assert due(NINE_TO_SIX, NextBusinessDayAt("16:00"), start) == cph("2026-12-02T16:00")


# -- through the clocks ------------------------------------------------------------------


def test_a_relative_target_drives_a_ticket_clock_and_pauses_move_it() -> None:
    rules = ClockRules(
        [
            SeverityTargets(
                "high",
                NINE_TO_SIX,
                response=NextBusinessDayAt("16:00"),
                resolution=EndOfBusinessDay(2),
            )
        ]
    )
    opened = cph("2026-11-30T20:00")
    events: list[dict[str, Any]] = [{"kind": "opened", "at": opened, "severity": "high"}]
    status = rules.evaluate(events, at=cph("2026-12-01T12:00"))
    assert status.response.due == cph("2026-12-01T16:00")
    assert status.resolution.due == cph("2026-12-02T18:00") - US
    deadlines = rules.deadlines("high", opened)
    assert (deadlines.response, deadlines.resolution) == (
        status.response.due,
        status.resolution.due,
    )
    # A pause of one business hour on Tuesday moves the response deadline an hour on.
    events += [
        {"kind": "paused", "at": cph("2026-12-01T10:00")},
        {"kind": "resumed", "at": cph("2026-12-01T11:00")},
    ]
    status = rules.evaluate(events, at=cph("2026-12-01T12:00"))
    assert status.response.due == cph("2026-12-01T17:00")
    late = rules.evaluate(events[:1], at=cph("2026-12-01T17:00"))
    assert late.response.breached_at == cph("2026-12-01T16:00") + US


# -- policy files ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("by 16:00 next business day", NextBusinessDayAt("16:00", 1)),
        ("By 9:30 the next working day", NextBusinessDayAt("09:30", 1)),
        ("by 16:00 in 2 business days", NextBusinessDayAt("16:00", 2)),
        ("by 16:00 in 1 business day", NextBusinessDayAt("16:00", 1)),
        ("by 16:00:30", NextBusinessDayAt("16:00:30", 0)),
        ("end of business day", EndOfBusinessDay(0)),
        ("end of the next business day", EndOfBusinessDay(1)),
        ("End of business day + 3", EndOfBusinessDay(3)),
        ("end of working day+0", EndOfBusinessDay(0)),
    ],
)
def test_parse_target_reads_relative_targets(text: str, expected: Relative) -> None:
    assert parse_target(text) == expected


@pytest.mark.parametrize(
    "target",
    [
        NextBusinessDayAt("16:00"),
        NextBusinessDayAt("16:00", 0),
        NextBusinessDayAt("07:30:15", 4),
        EndOfBusinessDay(),
        EndOfBusinessDay(1),
        EndOfBusinessDay(5),
    ],
)
def test_the_text_of_a_relative_target_reads_back(target: Relative) -> None:
    assert parse_target(str(target)) == target


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("by 25:00 next business day", "has no wall time 25:00; write a time from 00:00"),
        ("by 4pm next business day", "is not a target; write e.g. 'by 16:00 next business"),
        ("end of day", "is not a target; write e.g."),
        ("end of next business day + 2", "counts days twice; write 'end of business day + N'"),
        ("by 16:00 in 0 business days", "counts no business days; write e.g. 'by 16:00'"),
    ],
)
def test_parse_target_refuses_near_misses(text: str, message: str) -> None:
    with pytest.raises(ValueError, match="^" + re.escape(repr(text)) + ".*" + re.escape(message)):
        parse_target(text)


def test_a_relative_target_is_not_a_duration() -> None:
    with pytest.raises(ValueError, match="names a deadline, not a duration; write a duration"):
        parse_target("end of business day", business_days=False)


def _policy(**severity: str) -> dict[str, Any]:
    return {
        "support": {"hours": "Mon-Fri 09:00-18:00", "tz": "Europe/Copenhagen"},
        "severities": [{"name": "high", **severity}],
    }


def test_a_policy_file_keeps_relative_targets_as_written() -> None:
    policy = SLAPolicy.from_dict(
        _policy(response="by 16:00 next business day", resolution="end of business day + 2")
    )
    severity = policy.to_agreement().rules.severity("high")
    assert (severity.response, severity.resolution) == (
        NextBusinessDayAt("16:00"),
        EndOfBusinessDay(2),
    )
    again = SLAPolicy.from_toml(policy.to_toml())
    assert again.severities[0].response == "by 16:00 next business day"
    opened = cph("2026-11-30T20:00")
    assert policy.deadlines("high", opened).response == cph("2026-12-01T16:00")


def test_an_acknowledgement_promises_the_closing_time_not_the_microsecond_before() -> None:
    policy = SLAPolicy.from_dict(_policy(response="end of business day"))
    ack = policy.to_agreement().acknowledge("high", cph("2026-11-30T10:00"))
    assert ack.respond_by + US == ack.promised_by == cph("2026-11-30T18:00")
    assert ack.text.endswith("by Monday 30 November at 18:00.")


def test_a_policy_refuses_a_target_its_calendar_never_meets_at_its_path() -> None:
    data = _policy(response="by 16:00 next business day", resolution="by 07:00 in 2 business days")
    data["severities"].append({"name": "low", "response": "by 20:00", "calendar": "24x7"})
    with pytest.raises(errors.PolicyValidationError) as caught:
        SLAPolicy.from_dict(data)
    assert str(caught.value) == (
        "severities[0].resolution: 'by 07:00 in 2 business days' can never be met on the hours "
        "'Mon-Fri 09:00-18:00': they are never open at or just before 07:00; write a time "
        "within them, e.g. 'by 18:00 in 2 business days', or 'end of business day + 2'."
    )


def test_a_policy_refuses_a_deadline_where_a_duration_belongs() -> None:
    data = _policy(response="1h")
    data["business_day"] = "end of business day"
    with pytest.raises(errors.PolicyValidationError, match="business_day: 'end of business day'"):
        SLAPolicy.from_dict(data)


# -- construction errors -------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["25:00", "4pm", "", dt.time(16, tzinfo=UTC), dt.time(16, 0, 0, 5), 16, None]
)
def test_a_wall_time_must_be_one(value: Any) -> None:
    with pytest.raises(errors.InvalidDurationError, match="is not a wall time; pass 'HH:MM'"):
        NextBusinessDayAt(value)


@pytest.mark.parametrize("days", [-1, True, 1.5, "1", None])
def test_days_must_be_a_whole_number_of_at_least_zero(days: Any) -> None:
    with pytest.raises(errors.InvalidDurationError, match=r"NextBusinessDayAt\(days="):
        NextBusinessDayAt("16:00", days)
    with pytest.raises(errors.InvalidDurationError, match=r"EndOfBusinessDay\(days="):
        EndOfBusinessDay(days)


def test_severity_targets_refuse_a_wall_time_the_calendar_never_reaches() -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00; Sat 10:00-14:00", tz=CPH)
    SeverityTargets("ok", cal, response=NextBusinessDayAt("14:00"))  # open just before on Sat
    with pytest.raises(errors.InvalidDurationError) as caught:
        SeverityTargets("p", cal, response="1h", periodic_update=NextBusinessDayAt("08:00", 3))
    assert str(caught.value) == (
        "'by 08:00 in 3 business days' can never be met on the hours "
        "'Mon-Fri 09:00-17:00; Sat 10:00-14:00': they are never open at or just before 08:00; "
        "write a time within them, e.g. 'by 17:00 in 3 business days', or "
        "'end of business day + 3'."
    )
    assert isinstance(caught.value, ValueError)


def test_a_night_shift_is_open_just_after_midnight_for_the_check() -> None:
    # 06:00 is a closing time (Tuesday to Saturday), so the refusal suggests it.
    NextBusinessDayAt("00:00").check(NIGHTS)
    NextBusinessDayAt("06:00").check(NIGHTS)
    suggestion = r"e\.g\. 'by 06:00 next business day', or"
    with pytest.raises(errors.InvalidDurationError, match=suggestion):
        NextBusinessDayAt("12:00").check(NIGHTS)


def test_a_combined_calendar_is_not_probed() -> None:
    eu = BusinessCalendar("Mon-Fri 09:00-17:00", tz=CPH)
    us = BusinessCalendar("Mon-Fri 09:00-17:00", tz="America/New_York")
    NextBusinessDayAt("03:00").check(eu | us)
    EndOfBusinessDay(1).check(eu | us)


# -- properties against a minute-by-minute reference -----------------------------------------

MINUTE = dt.timedelta(minutes=1)
CALENDARS = {
    "office": BusinessCalendar("Mon-Fri 09:00-17:00", tz=CPH, holidays="DK"),
    "split": BusinessCalendar(
        "Mon-Thu 08:00-12:00,13:00-17:00; Fri 08:00-12:00; Sat 11:00-15:00", tz="America/New_York"
    ),
    "nights": NIGHTS,
    "always": BusinessCalendar.always("Australia/Lord_Howe"),
}
WALL_TIMES = [dt.time(h, m) for h in range(24) for m in (0, 30)]
EPOCH = dt.datetime(2025, 3, 20, tzinfo=UTC)  # the weeks around both DST changes follow


def _local_day(cal: BusinessCalendar, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The instants (UTC) the local date ``day`` starts and ends at."""
    start = dt.datetime.combine(day, dt.time(), cal.tz).astimezone(UTC)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), cal.tz).astimezone(UTC)
    return start, end


def _open_minutes(cal: BusinessCalendar, a: dt.datetime, b: dt.datetime) -> list[dt.datetime]:
    """The open minutes (their first instants, UTC) of ``[a, b)``, walked one by one."""
    out, t = [], a
    while t < b:
        if cal.is_open(t):
            out.append(t)
        t += MINUTE
    return out


def _reference(cal: BusinessCalendar, target: Relative, start: dt.datetime) -> dt.datetime:
    """The last on-time instant (UTC), found by walking the calendar minute by minute."""

    def business(day: dt.date) -> bool:
        return bool(_open_minutes(cal, *_local_day(cal, day)))

    def deadline(day: dt.date) -> dt.datetime:
        midnight, next_midnight = _local_day(cal, day)
        if isinstance(target, EndOfBusinessDay):
            return _open_minutes(cal, midnight, next_midnight)[-1] + MINUTE - US
        wall = dt.datetime.combine(day, target.at, cal.tz).astimezone(UTC)
        if cal.is_open(wall):
            return wall
        if before := _open_minutes(cal, midnight, wall):
            return before[-1] + MINUTE - US
        return _open_minutes(cal, wall, next_midnight)[0]

    day = start.astimezone(cal.tz).date()
    while not business(day):
        day += dt.timedelta(days=1)
    for _ in range(target.days):
        day += dt.timedelta(days=1)
        while not business(day):
            day += dt.timedelta(days=1)
    found = deadline(day)
    while found <= start:
        day += dt.timedelta(days=1)
        while not business(day):
            day += dt.timedelta(days=1)
        found = deadline(day)
    if cal.elapsed(start, found) == dt.timedelta(0):
        return found + US  # a target is at least 1 µs
    return found


@st.composite
def cases(draw: st.DrawFn) -> tuple[BusinessCalendar, Relative, dt.datetime]:
    cal = CALENDARS[draw(st.sampled_from(sorted(CALENDARS)))]
    days = draw(st.integers(0, 3))
    if draw(st.booleans()):
        target: Relative = EndOfBusinessDay(days)
    else:
        wall = draw(st.sampled_from(WALL_TIMES))
        target = NextBusinessDayAt(wall, days)
        try:
            target.check(cal)
        except errors.InvalidDurationError:
            target = EndOfBusinessDay(days)
    offset = draw(st.integers(0, 240 * 24 * 3600)) * 1_000_000 + draw(
        st.sampled_from([0, 1, 999_999])
    )
    return cal, target, EPOCH + dt.timedelta(microseconds=offset)


@settings(max_examples=max(10, settings().max_examples // 4))
@given(cases())
def test_the_deadline_matches_a_minute_by_minute_reference(
    case: tuple[BusinessCalendar, Relative, dt.datetime],
) -> None:
    cal, target, start = case
    resolved = target.resolve(cal, start)
    assert resolved > dt.timedelta(0)
    landing = cal.add(start, resolved)
    assert landing == _reference(cal, target, start)


@settings(max_examples=max(10, settings().max_examples // 4))
@given(cases(), st.integers(1, 4 * 24 * 3600 * 1_000_000))
def test_the_deadline_never_moves_earlier_when_the_clock_starts_later(
    case: tuple[BusinessCalendar, Relative, dt.datetime], later_us: int
) -> None:
    cal, target, start = case
    later = start + dt.timedelta(microseconds=later_us)
    first = cal.add(start, target.resolve(cal, start))
    second = cal.add(later, target.resolve(cal, later))
    assert first <= second


@settings(max_examples=max(10, settings().max_examples // 4))
@given(cases())
def test_the_deadline_is_on_the_business_day_and_at_the_wall_time(
    case: tuple[BusinessCalendar, Relative, dt.datetime],
) -> None:
    cal, target, start = case
    landing = cal.add(start, target.resolve(cal, start))
    day = landing.date()
    if target.days >= 1:
        assert day > start.astimezone(cal.tz).date()
    midnight, next_midnight = _local_day(cal, day)
    assert midnight <= landing < next_midnight
    if isinstance(target, NextBusinessDayAt):
        wall = dt.datetime.combine(day, target.at, cal.tz)
        if cal.is_open(wall):
            assert landing in (wall, wall + US)  # + 1 µs: no business time before it
