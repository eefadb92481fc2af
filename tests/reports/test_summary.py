"""compliance_summary: golden figures on the example year, recomputed independently.

Counts and shares from the outcome rows by hand, percentiles with NumPy (nearest rank is
``method="inverted_cdf"``), penalties from the contract's wording (2 % of the fee per late
critical resolution plus 1 % per started hour late, at most 10 % a month; 1 % per late
high response, at most 5 % a month).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
import pytest

from slacalc import datasets
from slacalc._present import frames
from slacalc.errors import ColumnTypeError, InvalidOptionError, MissingColumnError
from slacalc.policy import SLAPolicy, default_policy
from slacalc.reports import (
    ComplianceSummary,
    CycleOutcome,
    TicketOutcomes,
    analyze_tickets,
    compliance_summary,
)

FEE = datasets.MONTHLY_FEE
US = dt.timedelta(microseconds=1)


@pytest.fixture(scope="module")
def summary(outcomes: TicketOutcomes) -> ComplianceSummary:
    return compliance_summary(outcomes, fee=FEE)


def _groups(rows: tuple[CycleOutcome, ...]) -> dict[tuple[str, str, str], list[CycleOutcome]]:
    out: dict[tuple[str, str, str], list[CycleOutcome]] = defaultdict(list)
    for r in rows:
        out[(r.severity, r.month, r.metric)].append(r)
    return out


def _us(values: list[dt.timedelta]) -> np.ndarray:
    return np.array([v // US for v in values], dtype=np.int64)


def test_counts_shares_and_percentiles(
    summary: ComplianceSummary, outcomes: TicketOutcomes
) -> None:
    expected = _groups(outcomes.rows)
    assert len(summary.rows) == len(expected)
    for row in summary.rows:
        members = expected[(row.value("severity"), row.value("month"), row.metric)]  # type: ignore[index]
        met = sum(r.result == "met" for r in members)
        breached = sum(r.result == "breached" for r in members)
        assert (row.met, row.breached) == (met, breached)
        assert row.pending == sum(r.result == "pending" for r in members)
        assert row.no_target == sum(r.target is None for r in members)
        assert row.cycles == len(members)
        assert row.tickets == len({r.ticket_id for r in members})
        if met + breached:
            assert row.share_met == Fraction(met, met + breached)
            # half-even to one decimal, checked against Decimal's own rounding
            exact = Decimal(met * 100) / Decimal(met + breached)
            assert row.percent_met == exact.quantize(Decimal("0.1"), rounding="ROUND_HALF_EVEN")
        else:
            assert row.share_met is None
            assert row.percent_met is None
        stopped = [r.elapsed for r in members if r.stopped_at is not None]
        assert row.median == dt.timedelta(
            microseconds=int(np.percentile(_us(stopped), 50, method="inverted_cdf"))
        )
        assert row.p90 == dt.timedelta(
            microseconds=int(np.percentile(_us(stopped), 90, method="inverted_cdf"))
        )


def test_groups_are_in_policy_then_calendar_order(summary: ComplianceSummary) -> None:
    keys = [(r.value("severity"), r.value("month"), r.metric) for r in summary.rows]
    order: dict[object, int] = {s: i for i, s in enumerate(("critical", "high", "medium", "low"))}
    metrics = {"response": 0, "resolution": 1}
    assert keys == sorted(keys, key=lambda k: (order[k[0]], k[1], metrics[k[2]]))
    assert summary.severities == ("critical", "high", "medium", "low")


def _contract_penalties(rows: tuple[CycleOutcome, ...]) -> dict[tuple[str, str, str], Decimal]:
    fee = Fraction(FEE)
    by_month: dict[tuple[str, str, str], Fraction] = defaultdict(Fraction)
    for r in rows:
        if not r.breached:
            continue
        assert r.overshoot is not None
        if (r.severity, r.metric) == ("critical", "resolution"):
            hours = math.ceil(r.overshoot / dt.timedelta(hours=1))
            by_month[(r.severity, r.month, r.metric)] += fee * Fraction(2 + hours, 100)
        elif (r.severity, r.metric) == ("high", "response"):
            by_month[(r.severity, r.month, r.metric)] += fee / 100
    caps = {"critical": fee / 10, "high": fee / 20}
    return {
        key: Decimal(min(value, caps[key[0]]).numerator)
        / Decimal(min(value, caps[key[0]]).denominator)
        for key, value in by_month.items()
    }


def test_penalties_follow_the_contract(
    summary: ComplianceSummary, outcomes: TicketOutcomes
) -> None:
    expected = _contract_penalties(outcomes.rows)
    assert expected, "the example year has penalised breaches"
    for row in summary.rows:
        key = (str(row.value("severity")), str(row.value("month")), row.metric)
        if key[0::2] in {("critical", "resolution"), ("high", "response")}:
            assert row.penalties == expected.get(key, Decimal(0)), key
        else:
            assert row.penalties is None, key
    by_severity = compliance_summary(outcomes, by=("severity",), fee=FEE)
    for row in by_severity.rows:
        total = sum(
            (v for k, v in expected.items() if (k[0], k[2]) == (row.value("severity"), row.metric)),
            Decimal(0),
        )
        if row.penalties is not None:
            assert row.penalties == total
    assert sum(r.penalties or 0 for r in by_severity.rows) == sum(expected.values())


def test_a_penalty_cap_binds_within_a_month(policy: SLAPolicy) -> None:
    # Six late high responses in one month: 6 x 1 % = 6 %, capped at 5 % of the fee.
    t = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
    tickets = {
        n: [
            {"kind": "opened", "at": t + dt.timedelta(hours=n), "severity": "high"},
            {"kind": "responded", "at": t + dt.timedelta(hours=n, minutes=90)},
        ]
        for n in range(6)
    }
    (row,) = [
        r
        for r in compliance_summary(analyze_tickets(tickets, policy), fee=FEE).rows
        if r.metric == "response"
    ]
    assert (row.breached, row.penalties) == (6, Decimal("75.00"))


def test_percentile_methods_on_hand_examples(policy: SLAPolicy) -> None:
    t = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)  # a Monday, 10:00 in Copenhagen
    minutes = [1, 2, 3, 10]
    tickets = {
        n: [
            {"kind": "opened", "at": t, "severity": "critical"},
            {"kind": "responded", "at": t + dt.timedelta(minutes=m)},
        ]
        for n, m in enumerate(minutes)
    }
    outcomes = analyze_tickets(tickets, policy)
    near = compliance_summary(outcomes, by=(), penalties=False).rows[0]
    assert (near.median, near.p90) == (dt.timedelta(minutes=2), dt.timedelta(minutes=10))
    linear = compliance_summary(outcomes, by=(), method="linear", penalties=False).rows[0]
    # position (n-1)p: median 1.5 -> 2.5 min; p90 2.7 -> 3 + 0.7 * 7 = 7.9 min
    assert linear.median == dt.timedelta(minutes=2, seconds=30)
    assert linear.p90 == dt.timedelta(minutes=7, seconds=54)
    values = np.array([m * 60_000_000 for m in minutes])
    assert linear.p90 // US == round(np.percentile(values, 90))


@pytest.mark.parametrize(
    ("rounding", "places", "expected"),
    [("half_even", 1, "66.7"), ("floor", 1, "66.6"), ("ceiling", 0, "67"), ("down", 3, "66.666")],
)
def test_percent_met_uses_the_named_rounding(
    policy: SLAPolicy, rounding: str, places: int, expected: str
) -> None:
    t = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
    late = [5, 10, 20]  # critical: respond within 15 min
    tickets = {
        n: [
            {"kind": "opened", "at": t, "severity": "critical"},
            {"kind": "responded", "at": t + dt.timedelta(minutes=m)},
        ]
        for n, m in enumerate(late)
    }
    row = compliance_summary(
        analyze_tickets(tickets, policy),
        by=(),
        fee=FEE,
        rounding=rounding,  # type: ignore[arg-type]
        places=places,
    ).rows[0]
    assert row.share_met == Fraction(2, 3)
    assert row.percent_met == Decimal(expected)


def test_any_outcome_column_can_group(outcomes: TicketOutcomes) -> None:
    by_result = compliance_summary(outcomes, by=("result",), fee=FEE)
    assert {r.value("result") for r in by_result.rows} == {"met", "breached", "no_target"}
    overall = compliance_summary(outcomes, by=(), fee=FEE)
    assert [r.metric for r in overall.rows] == ["response", "resolution"]
    assert overall.rows[0].cycles == len(outcomes.tickets)
    assert compliance_summary(outcomes, by="severity", fee=FEE).by == ("severity",)
    assert compliance_summary(outcomes, by=("metric", "severity"), fee=FEE).by == ("severity",)
    with pytest.raises(MissingColumnError, match="no column 'team'") as info:
        compliance_summary(outcomes, by=("team",))
    assert info.value.column == "team"
    with pytest.raises(MissingColumnError, match="not grouped by 'month'"):
        overall.rows[0].value("month")


def test_a_frame_or_records_give_the_same_summary(
    outcomes: TicketOutcomes, summary: ComplianceSummary, policy: SLAPolicy
) -> None:
    from_frame = compliance_summary(outcomes.to_frame(), policy=policy, fee=FEE)
    assert from_frame.to_records() == summary.to_records()
    from_records = compliance_summary(outcomes.to_records(), policy=policy, fee=FEE)
    assert from_records == summary
    # Without the policy: severities in the categorical's order, and no penalties.
    bare = compliance_summary(outcomes.to_frame())
    assert bare.severities == summary.severities
    assert all(r.penalties is None for r in bare.rows)
    assert [r.share_met for r in bare.rows] == [r.share_met for r in summary.rows]


def test_a_fee_is_needed_for_percent_penalties(outcomes: TicketOutcomes) -> None:
    with pytest.raises(InvalidOptionError, match="pass fee="):
        compliance_summary(outcomes)
    assert all(r.penalties is None for r in compliance_summary(outcomes, penalties=False).rows)
    # A policy without penalties needs no fee.
    plain = analyze_tickets({1: list(outcomes.ticket(4711).events)}, default_policy())
    assert compliance_summary(plain).rows[0].penalties is None


def test_bad_arguments(outcomes: TicketOutcomes) -> None:
    with pytest.raises(InvalidOptionError, match="Unknown rounding 'nearest'"):
        compliance_summary(outcomes, fee=FEE, rounding="nearest")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match="places=-1"):
        compliance_summary(outcomes, fee=FEE, places=-1)
    with pytest.raises(InvalidOptionError, match="Unknown percentile method 'median'"):
        compliance_summary(outcomes, fee=FEE, method="median")  # type: ignore[arg-type]
    with pytest.raises(ColumnTypeError, match="is not ticket outcomes"):
        compliance_summary(42)
    with pytest.raises(MissingColumnError, match="no column 'result'"):
        compliance_summary(outcomes.to_frame().drop(columns=["result"]))


def test_outputs(summary: ComplianceSummary, monkeypatch: pytest.MonkeyPatch) -> None:
    df = summary.to_frame()
    assert list(df.columns) == list(summary.columns)
    assert isinstance(df["severity"].dtype, pd.CategoricalDtype)
    assert str(df["median"].dtype) == "timedelta64[us]"
    assert df["met"].dtype == "int64"
    assert df["percent_met"].dtype == "float64"  # for analysis; exact=True keeps the objects
    assert isinstance(summary.to_frame(exact=True)["percent_met"].iloc[0], Decimal)
    text = summary.to_text(limit=4)
    assert "percent_met" in text.splitlines()[0]
    assert "more rows" in text
    assert "%" in text.splitlines()[2]
    assert "half_even to 1 place" in summary._repr_html_()
    monkeypatch.setattr(frames, "pandas", lambda: None)
    with pytest.raises(ModuleNotFoundError, match=r"\.to_records\(\)"):
        _ = summary.table  # a DataFrame whatever is installed: never records instead
    record: dict[str, Any] = summary.to_records()[0]
    assert record["severity"] == "critical"
    assert record["metric"] == "response"


def test_rows_themselves_can_be_summarised(outcomes: TicketOutcomes, policy: SLAPolicy) -> None:
    subset = [r for r in outcomes if r.severity == "critical"]
    summary = compliance_summary(subset, by=("month",), policy=policy, fee=FEE)
    assert sum(r.cycles for r in summary.rows) == len(subset)
    with pytest.raises(ColumnTypeError, match="is not ticket outcomes"):
        compliance_summary([1, 2])


def test_groups_with_numbers_and_gaps_sort_sensibly(outcomes: TicketOutcomes) -> None:
    by_ticket = compliance_summary(outcomes, by=("ticket_id",), penalties=False)
    ids: list[Any] = [r.value("ticket_id") for r in by_ticket.rows if r.metric == "response"]
    assert ids == sorted(ids) == list(range(4401, 4781))


def test_a_breach_kept_after_a_downgrade_still_costs(policy: SLAPolicy) -> None:
    # Critical: 15 min to respond; lowered to high (1 h) after 20 min, answered at 30 min.
    t = dt.datetime(2026, 11, 30, 9, tzinfo=dt.UTC)
    events = {
        1: [
            {"kind": "opened", "at": t, "severity": "critical"},
            {"kind": "severity_changed", "at": t + dt.timedelta(minutes=20), "severity": "high"},
            {"kind": "responded", "at": t + dt.timedelta(minutes=30)},
        ]
    }
    outcomes = analyze_tickets(events, policy)
    row = outcomes.rows[0]
    assert (row.severity, row.result, row.overshoot) == ("high", "breached", dt.timedelta(0))
    (response, _) = compliance_summary(outcomes, fee=FEE).rows
    assert (response.breached, response.penalties) == (1, Decimal("15.00"))  # 1 % of 1500
