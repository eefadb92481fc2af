"""Golden replays: vendors' documented SLA examples, replayed through slacalc's timers.

Each row names its source: a vendor's documentation (ServiceNow's pages are the files of
github.com/ServiceNow/ServiceNowDocs under markdown/it-service-management/
service-level-management/; Freshdesk and Zendesk articles by number on
support.freshdesk.com and support.zendesk.com), a test or spec file in the vendor's public
repository (github.com/zammad/zammad, github.com/bestpractical/rt,
github.com/znuny/Znuny4OTRS-EscalationSuspend, github.com/glpi-project/doc), or a
derivation written next to the row. Where a vendor's convention differs from slacalc's
decided semantics (a deadline that falls exactly on a closing time), the row says so and
checks both the vendor's instant and slacalc's.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from slacalc.calendar import BusinessCalendar
from slacalc.policy import SLAPolicy
from slacalc.timers import BusinessDays, ClockRules, SeverityTargets, WarningThreshold

UTC = dt.UTC
US = dt.timedelta(microseconds=1)
ALWAYS = BusinessCalendar.always("UTC")


def at(text: str, tz: dt.tzinfo = UTC) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=tz)


def ev(kind: str, when: dt.datetime, severity: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": kind, "at": when}
    if severity is not None:
        out["severity"] = severity
    return out


def one(cal: BusinessCalendar = ALWAYS, **targets: Any) -> ClockRules:
    return ClockRules((SeverityTargets("p", cal, **targets),))


# -- pauses ---------------------------------------------------------------------------


def test_G24_znuny_escalation_suspend_moves_the_solution_deadline() -> None:
    # Source: Znuny4OTRS-EscalationSuspend doc/en/feature.md. 24x7, solution 2 h; created
    # 08:00, pending 09:00, customer reply 10:05. Shown due: 10:00 -> 10:30 (at 09:30) ->
    # 11:00 (at 10:00) -> 11:05 final; escalates at 11:05.
    rules = one(response="8h", resolution="2h")
    events = [
        ev("opened", at("2026-01-05T08:00"), "p"),
        ev("paused", at("2026-01-05T09:00")),
        ev("customer_replied", at("2026-01-05T10:05")),
        ev("resumed", at("2026-01-05T10:05")),
    ]
    s = rules.evaluate(events, at=at("2026-01-05T08:00")).resolution
    assert s.due == at("2026-01-05T10:00")
    s = rules.evaluate(events, at=at("2026-01-05T09:30")).resolution
    assert (s.phase, s.due, s.due_if_resumed) == ("paused", None, at("2026-01-05T10:30"))
    s = rules.evaluate(events, at=at("2026-01-05T10:00")).resolution
    assert s.due_if_resumed == at("2026-01-05T11:00")
    s = rules.evaluate(events, at=at("2026-01-05T10:30")).resolution
    assert (s.phase, s.due) == ("running", at("2026-01-05T11:05"))
    s = rules.evaluate(events, at=at("2026-01-05T11:05")).resolution
    assert not s.breached  # an answer at exactly the deadline is on time
    s = rules.evaluate(events, at=at("2026-01-05T12:00")).resolution
    assert s.breached_at == at("2026-01-05T11:05") + US


def test_G25_glpi_waiting_three_hours_postpones_ttr_by_three_hours() -> None:
    # Source: GLPI doc service_levels.rst, "pending for 3 hours -> due date postponed by 3 hours".
    rules = one(response="1h", resolution="24h")
    opened = at("2026-02-02T10:00")
    plain = rules.deadlines("p", opened).resolution
    assert plain is not None
    events = [
        ev("opened", opened, "p"),
        ev("paused", at("2026-02-02T12:00")),
        ev("resumed", at("2026-02-02T15:00")),
    ]
    s = rules.evaluate(events, at=at("2026-02-02T16:00")).resolution
    assert s.due == plain + dt.timedelta(hours=3)


def test_G26_zammad_pending_close_break_is_skipped() -> None:
    # Source: zammad spec/lib/escalation/destination_time_spec.rb. 24/7; new -> (1 h) open ->
    # (30 min) pending close -> now = created + 2 h. A 30-minute span from created + 75 min
    # ends at now + 15 min (the pending spell 90-120 min does not count); a span from
    # created ends at created + 30 min.
    t0 = at("2026-03-02T08:00")
    rules = one(response="30m", next_response="30m")
    m = dt.timedelta(minutes=1)
    events = [
        ev("opened", t0, "p"),
        ev("responded", t0 + 60 * m),
        ev("customer_replied", t0 + 75 * m),
        ev("paused", t0 + 90 * m),
        ev("resumed", t0 + 120 * m),
    ]
    s = rules.evaluate(events, at=t0 + 120 * m)
    assert s.response.cycles[0].due == t0 + 30 * m  # span from created (already passed)
    assert s.next_response is not None
    assert s.next_response.due == t0 + 135 * m  # now + 15 min


@pytest.mark.parametrize(
    ("mode", "due_after_reopen"),
    [("ignore_deadline", "2026-01-05T12:00"), ("exclude", "2026-01-05T13:00")],
)
def test_G28_rt_ignore_on_statuses_versus_exclude(mode: str, due_after_reopen: str) -> None:
    # Source: RT t/sla/ignore-on-statuses.t. Response = 120 real minutes, IgnoreOnStatuses
    # = [stalled]: while stalled Due is unset; after the requestor's reply Due equals the
    # original due. With ExcludeTimeOnIgnoredStatuses the due moves by the stalled time.
    rules = one(response="2h").replace(pause_mode=mode)
    events = [
        ev("opened", at("2026-01-05T10:00"), "p"),
        ev("paused", at("2026-01-05T10:30")),
        ev("resumed", at("2026-01-05T11:30")),
    ]
    stalled = rules.evaluate(events, at=at("2026-01-05T11:00")).response
    assert stalled.phase == "paused"
    assert stalled.due is None
    after = rules.evaluate(events, at=at("2026-01-05T11:45")).response
    assert after.due == at(due_after_reopen)


def test_ignore_deadline_keeps_counting_so_a_deadline_inside_a_pause_breaches() -> None:
    # Decided: with ignore_deadline the clock keeps running; only the deadline is hidden.
    rules = one(response="1h").replace(pause_mode="ignore_deadline")
    events = [
        ev("opened", at("2026-01-05T10:00"), "p"),
        ev("paused", at("2026-01-05T10:30")),
    ]
    s = rules.evaluate(events, at=at("2026-01-05T12:00")).response
    assert s.phase == "paused"
    assert s.breached
    assert s.breached_at == at("2026-01-05T11:00") + US
    # A breached clock's due is the deadline it missed, paused or not.
    assert s.due == at("2026-01-05T11:00")
    assert s.due_if_resumed is None


# -- severity changes -----------------------------------------------------------------


def _two(change: str) -> ClockRules:
    return ClockRules(
        (
            SeverityTargets("high", ALWAYS, response="2h"),
            SeverityTargets("medium", ALWAYS, response="3h"),
        ),
        severity_change=change,  # type: ignore[arg-type]
    )


def test_G17_saasjet_carry_elapsed_goal_swap() -> None:
    # Source: SaaSJet "Transition between SLA goals". Created 10:00 Medium 3 h (due 13:00);
    # at 11:00 -> High 2 h: new due 12:00.
    events = [
        ev("opened", at("2026-01-05T10:00"), "medium"),
        ev("severity_changed", at("2026-01-05T11:00"), "high"),
    ]
    before = _two("carry_elapsed").evaluate(events[:1], at=at("2026-01-05T10:30")).response
    assert before.due == at("2026-01-05T13:00")
    s = _two("carry_elapsed").evaluate(events, at=at("2026-01-05T11:30")).response
    assert (s.severity, s.due, s.elapsed) == (
        "high",
        at("2026-01-05T12:00"),
        dt.timedelta(hours=1.5),
    )


def test_G32_recompute_from_anchor_breaches_retroactively() -> None:
    # Source: derived here from the recompute-from-creation rule of Zendesk, RT
    # (t/sla/business_hours.t: after SetSLA the due is recomputed from creation) and Zammad.
    # 24x7; created 10:00 normal FRT 8 h; at 10:30 -> urgent FRT 15 min: due 10:00 + 15 min
    # = 10:15, already past, so breached at 10:15 (Zendesk's badge shows "Now").
    rules = ClockRules(
        (
            SeverityTargets("urgent", ALWAYS, response="15m"),
            SeverityTargets("normal", ALWAYS, response="8h"),
        ),
        severity_change="recompute",
    )
    events = [
        ev("opened", at("2026-01-05T10:00"), "normal"),
        ev("severity_changed", at("2026-01-05T10:30"), "urgent"),
    ]
    s = rules.evaluate(events, at=at("2026-01-05T10:30")).response
    assert s.due == at("2026-01-05T10:15")
    assert s.breached_at == at("2026-01-05T10:15") + US
    # The same change under carry_elapsed breaches at the change itself: 30 min used > 15 min.
    carry = rules.replace(severity_change="carry_elapsed").evaluate(
        events, at=at("2026-01-05T10:30")
    )
    assert carry.response.breached_at == at("2026-01-05T10:30")
    # ... and under restart the urgent clock starts at the change.
    restart = rules.replace(severity_change="restart").evaluate(events, at=at("2026-01-05T10:30"))
    first, second = restart.response.cycles
    assert (first.phase, first.severity, first.breached) == ("cancelled", "normal", False)
    assert (second.phase, second.due) == ("running", at("2026-01-05T10:45"))


def test_G30_servicenow_priority_change_cancels_and_attaches_then_pauses() -> None:
    # Source: ServiceNow t_SLAProcessExample.md. P1 incident -> priority P2: the P1 task
    # SLA is Cancelled and a P2 one attached; Awaiting User Info pauses it; Active resumes;
    # Resolved completes it.
    rules = ClockRules(
        (
            SeverityTargets("P1", ALWAYS, response="1h", resolution="4h"),
            SeverityTargets("P2", ALWAYS, response="2h", resolution="8h"),
        ),
        severity_change="restart",
    )
    events = [
        ev("opened", at("2026-01-05T09:00"), "P1"),
        ev("severity_changed", at("2026-01-05T09:20"), "P2"),
        ev("paused", at("2026-01-05T10:00")),
        ev("resumed", at("2026-01-05T11:00")),
        ev("resolved", at("2026-01-05T12:00")),
    ]
    p1, p2 = rules.evaluate(events, at=at("2026-01-05T09:30")).resolution.cycles
    assert (p1.severity, p1.phase, p2.severity, p2.phase) == ("P1", "cancelled", "P2", "running")
    assert rules.evaluate(events, at=at("2026-01-05T10:30")).resolution.phase == "paused"
    assert rules.evaluate(events, at=at("2026-01-05T11:30")).resolution.phase == "running"
    done = rules.evaluate(events, at=at("2026-01-05T13:00")).resolution
    assert (done.phase, done.breached) == ("met", False)
    assert done.elapsed == dt.timedelta(hours=1, minutes=40)  # 09:20-10:00, 11:00-12:00


def test_G31_servicenow_retroactive_start_is_recompute() -> None:
    # Source: ServiceNow t_UseSLARetroactiveStartAndPause.md. P3 raised at t0; priority ->
    # P1 at t0 + 3 h with retroactive start = Opened: the P1 SLA starts at t0, 3 h already
    # elapsed, and may breach on attach.
    rules = ClockRules(
        (
            SeverityTargets("P1", ALWAYS, response="1h", resolution="4h"),
            SeverityTargets("P3", ALWAYS, response="8h", resolution="72h"),
        ),
        severity_change="recompute",
    )
    t0 = at("2026-01-05T09:00")
    events = [ev("opened", t0, "P3"), ev("severity_changed", t0 + dt.timedelta(hours=3), "P1")]
    s = rules.evaluate(events, at=t0 + dt.timedelta(hours=3))
    assert s.resolution.started_at == t0
    assert s.resolution.elapsed == dt.timedelta(hours=3)
    assert s.resolution.due == t0 + dt.timedelta(hours=4)
    assert s.response.breached_at == t0 + dt.timedelta(hours=1) + US  # breached on attach


def test_G33_jsm_completed_cycle_is_not_rewritten_by_a_later_goal_change() -> None:
    # Source: Atlassian KB "Resolve wrong or missing SLAs". A cycle met in 2.5 h against a
    # 4 h goal stays met when the goal later becomes 2 h (only a forced reconstruct rewrites).
    rules = ClockRules(
        (
            SeverityTargets("fast", ALWAYS, response="1h", resolution="2h"),
            SeverityTargets("slow", ALWAYS, response="1h", resolution="4h"),
        ),
        severity_change="recompute",
    )
    t0 = at("2026-01-05T09:00")
    events = [
        ev("opened", t0, "slow"),
        ev("resolved", t0 + dt.timedelta(hours=2.5)),
        ev("severity_changed", t0 + dt.timedelta(hours=3), "fast"),
    ]
    s = rules.evaluate(events, at=t0 + dt.timedelta(hours=5)).resolution
    assert (s.phase, s.breached, s.severity) == ("met", False, "slow")


# -- elapsed, percentages, warnings ----------------------------------------------------


def test_G18_servicenow_business_versus_actual_elapsed() -> None:
    # Source: ServiceNow r_ElapsedTimeCounting.md. Schedule 09-17 weekdays; SLA starts 14:00;
    # at 09:00 the next weekday: business elapsed 3 h, actual 19 h.
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
    s = (
        one(cal, response="8h")
        .evaluate([ev("opened", at("2026-01-06T14:00"), "p")], at=at("2026-01-07T09:00"))
        .response
    )
    assert (s.elapsed, s.elapsed_calendar) == (dt.timedelta(hours=3), dt.timedelta(hours=19))


def test_G19_servicenow_percentages_of_an_8h_sla_opened_friday_night() -> None:
    # Source: ServiceNow r_ElapsedTimeCounting.md. 08-17 weekdays, 8 h SLA, opened Fri
    # 2014-12-12 21:00, now Mon 09:30: business 1 h 30 m (18.75 %), actual 60 h 30 m (756.25 %).
    cal = BusinessCalendar("Mon-Fri 08:00-17:00", tz="UTC")
    s = (
        one(cal, response="8h")
        .evaluate([ev("opened", at("2014-12-12T21:00"), "p")], at=at("2014-12-15T09:30"))
        .response
    )
    assert s.elapsed == dt.timedelta(hours=1, minutes=30)
    assert s.percent_used == Fraction(1875, 10000)
    assert Fraction(s.elapsed_calendar // US, dt.timedelta(hours=8) // US) == Fraction(75625, 10000)
    assert s.elapsed_calendar == dt.timedelta(hours=60, minutes=30)


def test_G19b_servicenow_warning_timeline() -> None:
    # Source: ServiceNow "SLA timeline determines business schedule" (Jakarta). 8 h SLA on
    # an 08:00-17:00 schedule attached at 07:00: 50 % at 12:00, 75 % at 14:00, breach at 16:00.
    cal = BusinessCalendar("Mon-Sun 08:00-17:00", tz="UTC")
    rules = ClockRules(
        (
            SeverityTargets(
                "p",
                cal,
                response="8h",
                warnings=(WarningThreshold(percent="50%"), WarningThreshold(percent="75%")),
            ),
        )
    )
    events = [ev("opened", at("2026-01-05T07:00"), "p")]
    s = rules.evaluate(events, at=at("2026-01-05T07:00")).response
    assert (s.warning_level, s.next_warning_at, s.due) == (
        0,
        at("2026-01-05T12:00"),
        at("2026-01-05T16:00"),
    )
    s = rules.evaluate(events, at=at("2026-01-05T12:00")).response
    assert (s.warning_level, s.next_warning_at) == (1, at("2026-01-05T14:00"))
    s = rules.evaluate(events, at=at("2026-01-05T14:00")).response
    assert (s.warning_level, s.next_warning_at) == (2, None)
    assert rules.evaluate(events, at=at("2026-01-05T16:00")).response.breached is False
    s = rules.evaluate(events, at=at("2026-01-05T16:01")).response
    assert s.breached_at == at("2026-01-05T16:00") + US


def test_G19c_no_breach_from_rounding_at_99_951_percent() -> None:
    # Source: ServiceNow t_SLABreachCalculation.md: 99.951 % shows as 100 % and breaches.
    # slacalc compares exact business time, so it does not.
    target = dt.timedelta(hours=10)
    used = target * 99951 // 100000
    s = (
        one(response=target)
        .evaluate([ev("opened", at("2026-01-05T00:00"), "p")], at=at("2026-01-05T00:00") + used)
        .response
    )
    assert not s.breached
    assert s.percent_used == Fraction(99951, 100000)


def test_G21_appfire_warn_one_working_day_before_breach() -> None:
    # Source: Appfire Time to SLA, "Enable working calendar" [3p] + [derived]. 09-17
    # Mon-Fri; warn 1 d (= 8 working h) before a breach due Mon 12:00: fires Fri 12:00.
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
    rules = one(cal, response="16h", warnings=(WarningThreshold(before="8h"),))
    events = [ev("opened", at("2026-01-08T12:00"), "p")]  # Thu 12:00: 5 + 8 + 3 h -> Mon 12:00
    s = rules.evaluate(events, at=at("2026-01-08T12:00")).response
    assert (s.due, s.next_warning_at) == (at("2026-01-12T12:00"), at("2026-01-09T12:00"))


def test_G22_otrs_notify_at_70_percent_of_30_minutes() -> None:
    # Source: OTRS/Znuny unit tests (FirstResponseTime=30, FirstResponseNotify=70) + [derived]:
    # notify at t0 + 21 working minutes.
    rules = one(response="30m", warnings=(WarningThreshold(percent="70%"),))
    t0 = at("2026-01-05T10:00")
    s = rules.evaluate([ev("opened", t0, "p")], at=t0).response
    assert s.next_warning_at == t0 + dt.timedelta(minutes=21)


# -- deadlines and "day" ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("opened", "target", "due"),
    [
        ("2026-01-09T16:30", "1h", "2026-01-12T09:30"),  # Fri 16:30 -> Mon 09:30
        ("2026-01-07T10:00", "2h", "2026-01-07T12:00"),
        ("2026-01-07T07:00", "2h", "2026-01-07T11:00"),
    ],
)
def test_G14_chatwoot_business_hours_first_response(opened: str, target: str, due: str) -> None:
    # Source: chatwoot/chatwoot PR #13392 (Mon-Fri 09-17 UTC).
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
    assert one(cal, response=target).deadlines("p", at(opened)).response == at(due)


def _policy(hours: str, business_day: str, target: str) -> SLAPolicy:
    return SLAPolicy.from_dict(
        {
            "support": {"hours": hours, "tz": "UTC"},
            "business_day": business_day,
            "severities": [{"name": "p", "response": target}],
        }
    )


@pytest.mark.parametrize(
    ("hours", "opened", "vendor_due", "deadline"),
    [
        # Freshdesk 2026 rule, 1 day = 24 business hours (article 50000011664):
        ("Mon-Sun 09:00-21:00", "2026-01-05T09:00", "2026-01-06T21:00", "2026-01-07T09:00"),
        ("Mon-Sun 09:00-13:00", "2026-01-05T09:00", "2026-01-10T13:00", "2026-01-11T09:00"),
        # ServiceNow c_SLATimingsAndSchedules.md: "1 day" = 24 business h on 09-17 weekdays,
        # Monday 09:00 -> Wednesday 17:00.
        ("Mon-Fri 09:00-17:00", "2026-01-05T09:00", "2026-01-07T17:00", "2026-01-08T09:00"),
    ],
)
def test_G09_G12_one_day_as_24_business_hours(
    hours: str, opened: str, vendor_due: str, deadline: str
) -> None:
    # The vendors show the instant the budget runs out (a closing time); slacalc's deadline
    # is the next opening, since no business time is used in between (business-time.md §3).
    policy = _policy(hours, "24h", "1 business day")
    cal = policy.calendar()
    assert cal.exhausted_at(at(opened), "24h") == at(vendor_due)
    assert policy.deadlines("p", at(opened)).response == at(deadline)


@pytest.mark.parametrize(
    ("opened", "vendor_due"),
    [("2026-01-05T08:00", "2026-01-05T17:00"), ("2026-01-09T18:00", "2026-01-12T17:00")],
)
def test_G13_freshdesk_before_2026_one_day_on_a_9_to_5_week(opened: str, vendor_due: str) -> None:
    # Source: Freshdesk article 50000011664 (pre-2026 rule), BH 09-17 Mon-Fri, FRT 1 day:
    # Mon 08:00 -> Mon 17:00, Fri 18:00 -> Mon 17:00: one full support day of 8 h.
    policy = _policy("Mon-Fri 09:00-17:00", "8h", "1 business day")
    assert policy.to_agreement().business_day == dt.timedelta(hours=8)
    target = policy.clock_rules().severity("p").response
    assert isinstance(target, dt.timedelta)  # "1 business day" of a same-length day is 8 h
    assert policy.calendar().exhausted_at(at(opened), target) == at(vendor_due)


def test_G15_zammad_16_hours_on_8_hour_days_takes_two_business_days() -> None:
    # Source: Zammad admin docs "How do SLAs work".
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
    start = at("2026-01-05T09:00")
    assert cal.exhausted_at(start, "16h") == at("2026-01-06T17:00")


def test_next_business_day_same_time_over_easter() -> None:
    # business_day = "same_time" (GLPI / biz / Freshdesk-before-2026 reading): Wed 1 April
    # 2026 10:00 + 1 business day on Mon-Fri with Danish holidays (Maundy Thursday 2 April,
    # Good Friday 3 April, Easter Monday 6 April) -> Tue 7 April 10:00.
    cph = ZoneInfo("Europe/Copenhagen")
    cal = BusinessCalendar("Mon-Fri 09:00-18:00", tz=cph, holidays="DK")
    start = dt.datetime(2026, 4, 1, 10, tzinfo=cph)
    rules = one(cal, response=BusinessDays(1))
    assert rules.deadlines("p", start).response == dt.datetime(2026, 4, 7, 10, tzinfo=cph)
