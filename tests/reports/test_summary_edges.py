"""compliance_summary edge cases: penalty periods, severities without a policy, empty frames."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pandas as pd
import pytest

from slacalc import datasets
from slacalc.errors import MissingColumnError
from slacalc.policy import SLAPolicy
from slacalc.reports import analyze_tickets, compliance_summary

FEE = datasets.MONTHLY_FEE  # 1500.00; a late high response costs 1 %, at most 5 % a period


def _late_high_responses(policy: SLAPolicy) -> Any:
    """Three late high responses (90 min for a 1 h target) in each of Feb, Mar and Apr 2026."""
    mondays = [dt.datetime(2026, m, d, 9, tzinfo=dt.UTC) for m, d in ((2, 2), (3, 2), (4, 13))]
    tickets = {
        10 * k + n: [
            {"kind": "opened", "at": day + dt.timedelta(hours=n), "severity": "high"},
            {"kind": "responded", "at": day + dt.timedelta(hours=n, minutes=90)},
        ]
        for k, day in enumerate(mondays)
        for n in range(3)
    }
    return analyze_tickets(tickets, policy)


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("month", Decimal("135.00")),  # 3 % in each of three months
        ("quarter", Decimal("120.00")),  # Q1: 6 % capped at 5 %; Q2: 3 %
        ("year", Decimal("75.00")),  # 9 % capped at 5 %
    ],
)
def test_the_penalty_cap_applies_per_the_policys_period(
    policy: SLAPolicy, period: str, expected: Decimal
) -> None:
    outcomes = _late_high_responses(policy)
    data = policy.model_dump()
    data["uptime"]["period"] = period
    agreed = SLAPolicy.from_dict(data)
    assert agreed.to_agreement().period == period
    (row,) = [
        r
        for r in compliance_summary(outcomes, by=(), policy=agreed, fee=FEE).rows
        if r.metric == "response"
    ]
    assert (row.breached, row.penalties) == (9, expected)


def test_without_a_policy_severities_keep_their_first_order_and_none_sorts_last(
    policy: SLAPolicy,
) -> None:
    records = _late_high_responses(policy).to_records()
    records[0] = {**records[0], "severity": None}
    records[2] = {**records[2], "severity": "critical"}
    summary = compliance_summary(records, by=("severity",))
    # the order the severities first appear in (the None of the first row is skipped)
    assert summary.severities == ("high", "critical")
    assert [(r.value("severity"), r.tickets) for r in summary.rows if r.metric == "response"] == [
        ("high", 7),
        ("critical", 1),
        (None, 1),
    ]
    assert all(r.penalties is None for r in summary.rows)


def test_a_frame_with_plain_text_severities_keeps_their_first_order(policy: SLAPolicy) -> None:
    frame = _late_high_responses(policy).to_frame()
    frame["severity"] = ["low", *frame["severity"].astype(str)[1:]]
    summary = compliance_summary(frame, by=("severity",))
    assert summary.severities == ("low", "high")
    assert [(r.value("severity"), r.metric, r.cycles) for r in summary.rows] == [
        ("low", "response", 1),
        ("high", "response", 8),
        ("high", "resolution", 9),
    ]


def test_an_empty_frame_without_the_outcome_columns_is_refused() -> None:
    with pytest.raises(MissingColumnError, match=r"^The outcomes have no column 'ticket_id'\.$"):
        compliance_summary(pd.DataFrame({"metric": []}))


def test_repr_names_the_grouping_and_the_rounding(policy: SLAPolicy) -> None:
    summary = compliance_summary(_late_high_responses(policy), by=("severity",), fee=FEE)
    assert repr(summary) == (
        f"<ComplianceSummary by ('severity', 'metric'): {len(summary.rows)} rows; "
        "percent_met half_even to 1 place, percentiles nearest_rank>"
    )
