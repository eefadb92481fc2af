"""The example year analysed as a notebook would, in pandas, in polars and in DuckDB SQL:
the same numbers each way."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pandas as pd
import polars as pl
import pytest

import duckdb
from slacalc import datasets
from slacalc import duckdb as sql
from slacalc.policy import SLAPolicy
from slacalc.reports import TicketOutcomes, analyze_tickets, availability_report


def _uptime(incidents: Any, maintenance: Any, policy: SLAPolicy) -> Any:
    terms = policy.to_agreement().uptime
    assert terms is not None
    return availability_report(
        incidents,
        terms.target,
        2026,
        tz=datasets.TIMEZONE,
        maintenance=maintenance,
        maintenance_mode="count_as_up",
        credits=terms.credits,
        fee=datasets.MONTHLY_FEE,
    )


def test_pandas_and_polars_give_the_same_year(
    ticket_frame: pd.DataFrame, outcomes: TicketOutcomes, policy: SLAPolicy
) -> None:
    in_polars = analyze_tickets(pl.from_pandas(ticket_frame), policy)
    assert in_polars.to_records() == outcomes.to_records()
    breached = in_polars.to_frame(backend="polars").group_by("metric").agg(pl.col("breached").sum())
    assert dict(breached.sort("metric").iter_rows()) == {"resolution": 18, "response": 19}

    incidents, maintenance = datasets.load_incidents(), datasets.load_maintenance()
    by_pandas = _uptime(incidents, maintenance, policy)
    by_polars = _uptime(pl.from_pandas(incidents), pl.from_pandas(maintenance), policy)
    assert by_polars.rows == by_pandas.rows
    assert by_pandas.total_credit == Decimal("225.00")
    table = by_polars.to_frame(backend="polars")
    assert table["credit"].sum() == 225.0
    assert table.filter(~pl.col("met"))["month"].to_list() == ["2026-03", "2026-09"]


@pytest.fixture(scope="module")
def first_responses(ticket_frame: pd.DataFrame) -> pd.DataFrame:
    """One row per ticket whose response clock only ran (no pause or re-grading before it)."""
    events = ticket_frame.sort_values(["ticket_id", "at"], kind="stable")
    rows = []
    for ticket, group in events.groupby("ticket_id"):
        kinds = group["kind"].tolist()
        if "responded" not in kinds:
            continue
        k = kinds.index("responded")
        if kinds[:k] != ["opened"]:
            continue
        rows.append((ticket, group["severity"].iloc[0], group["at"].iloc[0], group["at"].iloc[k]))
    return pd.DataFrame(rows, columns=["ticket_id", "severity", "opened_at", "responded_at"])


def test_duckdb_gives_the_response_clocks(
    first_responses: pd.DataFrame, outcomes: TicketOutcomes, policy: SLAPolicy
) -> None:
    con = duckdb.connect()
    sql.register(con, policy=policy)
    con.register("export", first_responses)
    rows = con.execute(
        "SELECT ticket_id, sla_elapsed(severity, opened_at, responded_at) AS elapsed,"
        " responded_at > sla_due(severity, 'response', opened_at) AS breached"
        " FROM export ORDER BY ticket_id"
    ).fetchall()
    assert len(rows) > 250  # most tickets: the ones with an earlier pause are left out
    clocks = {r.ticket_id: r for r in outcomes.rows if r.metric == "response" and r.cycle == 1}
    assert [(e, b) for _, e, b in rows] == [
        (clocks[t].elapsed, clocks[t].breached) for t, _, _ in rows
    ]
    per_severity = con.execute(
        "SELECT severity, count(*) FILTER (responded_at > sla_due(severity, 'response',"
        " opened_at)) FROM export GROUP BY severity ORDER BY severity"
    ).fetchall()
    expected: dict[str, int] = {}
    for t, _, breached in rows:
        severity = str(clocks[t].severity)
        expected[severity] = expected.get(severity, 0) + int(breached)
    assert dict(per_severity) == expected
