"""The reports read polars and pyarrow tables as they read pandas ones: same answers,
same errors naming the column."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

from slacalc import datasets
from slacalc.errors import MissingColumnError, NaiveDatetimeError
from slacalc.policy import SLAPolicy
from slacalc.reports import TicketOutcomes, analyze_tickets, availability_report, compliance_summary

KINDS: dict[str, Callable[[pd.DataFrame], Any]] = {
    "pandas": lambda df: df,
    "polars": pl.from_pandas,
    "pyarrow": lambda df: pa.Table.from_pandas(df, preserve_index=False),
}


@pytest.fixture(params=sorted(KINDS))
def kind(request: pytest.FixtureRequest) -> Callable[[pd.DataFrame], Any]:
    return KINDS[request.param]


def test_tickets(
    kind: Callable[[pd.DataFrame], Any],
    ticket_frame: Any,
    outcomes: TicketOutcomes,
    policy: SLAPolicy,
) -> None:
    again = analyze_tickets(kind(ticket_frame), policy)
    assert again.to_records() == outcomes.to_records()


def test_summary_of_an_outcomes_table(
    kind: Callable[[pd.DataFrame], Any], outcomes: TicketOutcomes
) -> None:
    table = outcomes.table.assign(month=outcomes.table["month"].astype(str))
    summary = compliance_summary(kind(table), policy=outcomes.policy, fee=datasets.MONTHLY_FEE)
    assert summary.rows == compliance_summary(outcomes, fee=datasets.MONTHLY_FEE).rows


def test_incidents_and_maintenance(kind: Callable[[pd.DataFrame], Any], policy: SLAPolicy) -> None:
    incidents = datasets.load_incidents(as_frame=True)
    maintenance = datasets.load_maintenance(as_frame=True)
    options: dict[str, Any] = {"tz": "Europe/Copenhagen", "maintenance_mode": "count_as_up"}
    report = availability_report(
        kind(incidents), "99.9%", 2026, maintenance=kind(maintenance), **options
    )
    expected = availability_report(incidents, "99.9%", 2026, maintenance=maintenance, **options)
    assert report.rows == expected.rows


@pytest.mark.parametrize("name", ["polars", "pyarrow"])
def test_naive_timestamps_raise_as_for_pandas(
    ticket_frame: Any, policy: SLAPolicy, name: str
) -> None:
    naive = ticket_frame.assign(at=ticket_frame["at"].dt.tz_localize(None))
    with pytest.raises(NaiveDatetimeError) as from_pandas:
        analyze_tickets(naive, policy)
    with pytest.raises(NaiveDatetimeError) as other:
        analyze_tickets(KINDS[name](naive), policy)
    assert str(other.value) == str(from_pandas.value)
    assert "Column 'at' of the tickets has no time zone" in str(other.value)


def test_missing_columns_are_named(policy: SLAPolicy) -> None:
    with pytest.raises(MissingColumnError, match="no column 'kind'"):
        analyze_tickets(pl.DataFrame({"ticket_id": [1]}), policy)
