"""Results read well in a REPL, a notebook and a terminal: short reprs, text, HTML."""

from __future__ import annotations

import datetime as dt

from slacalc.policy import default_policy
from slacalc.reports import analyze_tickets, availability_report, compliance_summary, explain

POLICY = default_policy()
TZ = POLICY.calendar().tz
MON = dt.datetime(2026, 11, 30, 9, tzinfo=TZ)


def _late_ticket() -> list[dict[str, object]]:
    return [
        {"kind": "opened", "at": MON, "severity": "high"},
        {"kind": "responded", "at": MON + dt.timedelta(hours=3)},
    ]


def test_a_ticket_status_repr_is_one_short_line() -> None:
    status = POLICY.evaluate(_late_ticket(), at=MON + dt.timedelta(hours=4))
    assert repr(status) == (
        "<TicketStatus high open, response BREACHED, resolution due Mon 2026-11-30 17:00>"
    )
    assert str(status) == status.to_text()
    assert "response    met, BREACHED  3h" in status.to_text()


def test_a_breached_clock_stands_out_in_html() -> None:
    html = POLICY.evaluate(_late_ticket(), at=MON + dt.timedelta(hours=4))._repr_html_()
    breached = [line for line in html.splitlines() if 'class="breached"' in line]
    assert len(breached) == 1
    assert "<td>response</td>" in breached[0]
    assert "<td>resolution</td>" not in breached[0]


def test_deadlines_acknowledgement_and_policy_have_short_reprs_and_views() -> None:
    values = [
        POLICY.deadlines("high", MON),
        POLICY.acknowledge("high", MON - dt.timedelta(hours=12)),
        POLICY,
    ]
    for value in values:
        text = repr(value)
        assert text.startswith(f"<{type(value).__name__} ")
        assert len(text) < 160, text
        assert "datetime.datetime" not in text
        assert "ZoneInfo" not in text
        assert value.to_text() == str(value)  # type: ignore[attr-defined]
        assert value._repr_html_().startswith('<div class="slacalc-result">')  # type: ignore[attr-defined]


def test_html_views_escape_what_they_show() -> None:
    data = POLICY.to_dict()
    data["name"] = "<script>alert(1)</script>"
    html = type(POLICY).from_dict(data)._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_reports_mark_breached_rows_and_missed_months_in_html() -> None:
    outages = [
        (dt.datetime(2026, 3, 17, 10, tzinfo=dt.UTC), dt.datetime(2026, 3, 17, 12, tzinfo=dt.UTC))
    ]
    report = availability_report(outages, "99.9%", ["2026-02", "2026-03"])
    rows = [line for line in report._repr_html_().splitlines() if "<td" in line]
    assert ['class="breached"' in row for row in rows] == [False, True]
    assert "2026-03" in rows[1]

    t = MON
    late = [{"ticket_id": 1, **e} for e in _late_ticket()]
    on_time = [
        {"ticket_id": 2, "kind": "opened", "at": t, "severity": "medium"},
        {"ticket_id": 2, "kind": "responded", "at": t + dt.timedelta(minutes=5)},
    ]

    outcomes = analyze_tickets([*late, *on_time], POLICY)
    summary = compliance_summary(outcomes, by=("severity",))
    marked = [r for r in summary._repr_html_().splitlines() if 'class="breached"' in r]
    assert len(marked) == 1
    assert "<td>high</td><td>response</td>" in marked[0]
    assert sum('class="breached"' in r for r in outcomes._repr_html_().splitlines()) == 1
    timeline = explain(_late_ticket(), POLICY, MON + dt.timedelta(hours=4), metric="response")
    assert 'class="breached"' in timeline._repr_html_()


def test_the_repr_reads_as_the_issue_of_a_running_ticket_shows_it() -> None:
    opened = dt.datetime(2026, 11, 30, 16, 30, tzinfo=TZ)
    status = POLICY.evaluate(
        [
            {"kind": "opened", "at": opened, "severity": "high"},
            {"kind": "responded", "at": opened + dt.timedelta(minutes=20)},
        ],
        at=opened + dt.timedelta(hours=1),
    )
    assert repr(status) == (
        "<TicketStatus high open, response met, resolution due Tue 2026-12-01 15:30>"
    )
    assert 'class="breached"' not in status._repr_html_()


def test_a_replayed_ticket_and_its_rows_have_short_reprs() -> None:
    late = [{"ticket_id": 4711, **e} for e in _late_ticket()]
    ticket = analyze_tickets(late, POLICY, at=MON + dt.timedelta(hours=4)).ticket(4711)
    assert repr(ticket) == (
        "<TicketOutcome 4711, 2 events: high open, response BREACHED, "
        "resolution due Mon 2026-11-30 17:00>"
    )
    assert repr(ticket.rows[0]) == (
        "<CycleOutcome 4711 2026-11 breached: response #1 high met, 3h of 1h used, BREACHED>"
    )
    assert repr(ticket.status.response.cycles[0]) == (
        "<CycleStatus response #1 high met, 3h of 1h used, BREACHED>"
    )
    assert repr(ticket.rows[1].status) == "<CycleStatus resolution #1 high running, 4h of 8h used>"


def test_counts_in_reprs_agree_with_their_number() -> None:
    outage = (
        dt.datetime(2026, 3, 17, 10, tzinfo=dt.UTC),
        dt.datetime(2026, 3, 17, 12, tzinfo=dt.UTC),
    )
    one = availability_report([outage], "99.9%", ["2026-03"])
    assert repr(one).startswith("<MonthlyAvailabilityReport: 1 month against 99.9%, ")
    two = availability_report([outage], "99.9%", ["2026-02", "2026-03"])
    assert repr(two).startswith("<MonthlyAvailabilityReport: 2 months against 99.9%, ")

    late = [{"ticket_id": 4711, **e} for e in _late_ticket()]
    outcomes = analyze_tickets(late, POLICY, at=MON + dt.timedelta(hours=4))
    # One ticket, two cycles (response and resolution), one of them breached.
    assert repr(outcomes).startswith("<TicketOutcomes: 1 ticket, 2 cycles, 1 breached;")
    opened_only = analyze_tickets(late[:1], POLICY, at=MON + dt.timedelta(minutes=5))
    assert repr(opened_only.ticket(4711)).startswith("<TicketOutcome 4711, 1 event: ")
    summary = compliance_summary(outcomes.rows[:1])
    assert repr(summary) == (
        "<ComplianceSummary by ('severity', 'month', 'metric'): 1 row; "
        "percent_met half_even to 1 place, percentiles nearest_rank>"
    )
