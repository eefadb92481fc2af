"""The example year analysed as a notebook would, in pandas, in polars and in DuckDB SQL:
the same numbers each way."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pandas as pd
import polars as pl
import pytest

import duckdb
from slacalc import datasets
from slacalc import duckdb as sql
from slacalc.policy import SLAPolicy
from slacalc.reports import (
    TicketOutcomes,
    analyze_tickets,
    availability_report,
    compliance_summary,
)


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


# -- compliance per month and severity -----------------------------------------------------

Counts = dict[tuple[str, str, str], tuple[int, int]]
"""(month, severity, metric) -> (met, breached)."""


def _pandas_counts(table: pd.DataFrame) -> Counts:
    """Met and breached clocks per month, severity and metric, as a pandas user counts them."""
    grouped = (
        table.assign(month=table["month"].astype(str), severity=table["severity"].astype(str))
        .groupby(["month", "severity", "metric"], observed=True)["result"]
        .value_counts()
        .unstack(fill_value=0)
    )
    return {
        key: (int(row.get("met", 0)), int(row.get("breached", 0)))
        for key, row in grouped.iterrows()
    }


def _polars_counts(table: pl.DataFrame) -> Counts:
    """The same counts as a polars user writes them."""
    grouped = table.group_by("month", pl.col("severity").cast(pl.String), "metric").agg(
        (pl.col("result") == "met").sum().alias("met"),
        (pl.col("result") == "breached").sum().alias("breached"),
    )
    return {(m, s, x): (met, late) for m, s, x, met, late in grouped.iter_rows()}


@pytest.fixture(scope="module")
def polars_table(ticket_frame: pd.DataFrame, policy: SLAPolicy) -> pl.DataFrame:
    """The year's clocks analysed from a polars frame, as a polars frame."""
    outcomes = analyze_tickets(pl.from_pandas(ticket_frame), policy)
    table: pl.DataFrame = outcomes.to_frame(backend="polars")
    return table


def test_compliance_per_month_and_severity_in_pandas_and_polars(
    outcomes: TicketOutcomes, polars_table: pl.DataFrame
) -> None:
    by_pandas = _pandas_counts(outcomes.table)
    by_polars = _polars_counts(polars_table)
    assert by_polars == by_pandas
    summary = compliance_summary(outcomes, by=("month", "severity"), fee=datasets.MONTHLY_FEE)
    from_summary = {
        (str(dict(r.group)["month"]), str(dict(r.group)["severity"]), r.metric): (
            r.met,
            r.breached,
        )
        for r in summary.rows
    }
    assert by_pandas == from_summary
    assert len(by_pandas) > 80  # 12 months x 4 severities x 2 metrics, a few empty
    assert sum(late for _, late in by_pandas.values()) == 37


@pytest.fixture(scope="module")
def plain_tickets(ticket_frame: pd.DataFrame) -> pd.DataFrame:
    """One row per ticket that was only opened, answered and solved (no pause, no regrading,
    no reopening): the tickets whose clocks plain SQL deadlines describe fully."""
    events = ticket_frame.sort_values(["ticket_id", "at"], kind="stable")
    rows = []
    for ticket, group in events.groupby("ticket_id"):
        if group["kind"].tolist() != ["opened", "responded", "resolved"]:
            continue
        at = group["at"].tolist()
        rows.append((ticket, group["severity"].iloc[0], *at))
    return pd.DataFrame(
        rows, columns=["ticket_id", "severity", "opened_at", "responded_at", "resolved_at"]
    )


def test_compliance_per_month_and_severity_in_duckdb(
    plain_tickets: pd.DataFrame,
    outcomes: TicketOutcomes,
    polars_table: pl.DataFrame,
    policy: SLAPolicy,
) -> None:
    con = duckdb.connect()
    con.execute(f"SET TimeZone = '{datasets.TIMEZONE}'")  # months as the agency counts them
    sql.register(con, policy=policy)
    con.register("export", plain_tickets)
    rows = con.execute(
        """
        WITH clocks AS (
            SELECT strftime(opened_at, '%Y-%m') AS month, severity, 'response' AS metric,
                   responded_at > sla_due(severity, 'response', opened_at) AS late
            FROM export
            UNION ALL
            SELECT strftime(opened_at, '%Y-%m'), severity, 'resolution',
                   resolved_at > sla_due(severity, 'resolution', opened_at)
            FROM export
        )
        SELECT month, severity, metric, count(*) FILTER (NOT late), count(*) FILTER (late)
        FROM clocks GROUP BY ALL ORDER BY ALL
        """
    ).fetchall()
    by_sql = {(m, s, x): (met, late) for m, s, x, met, late in rows}

    table = outcomes.table
    same = table[table["ticket_id"].isin(plain_tickets["ticket_id"])]
    assert same["cycle"].max() == 1
    assert by_sql == _pandas_counts(same)
    plain = pl.col("ticket_id").is_in(plain_tickets["ticket_id"].tolist())
    assert by_sql == _polars_counts(polars_table.filter(plain))
    assert len(plain_tickets) == 120
    assert sum(late for _, late in by_sql.values()) == 10


# -- availability per month ----------------------------------------------------------------

# Each incident's weight (full 1, partial 0.3, degraded 0: slacalc's defaults), the heaviest
# where incidents overlap; maintenance windows count as up; months in the agency's zone.
AVAILABILITY_SQL = """
WITH weights(severity, weight) AS (
    VALUES ('full', 1.0), ('partial', 0.3), ('degraded', 0.0)
),
months AS (
    SELECT strftime(m, '%Y-%m') AS month,
           timezone('Europe/Copenhagen', m) AS month_start,
           timezone('Europe/Copenhagen', m + INTERVAL 1 MONTH) AS month_end
    FROM range(TIMESTAMP '2026-01-01', TIMESTAMP '2027-01-01', INTERVAL 1 MONTH) AS r(m)
),
points AS (
    SELECT "start" AS t FROM incidents UNION SELECT "end" FROM incidents
    UNION SELECT "start" FROM maintenance UNION SELECT "end" FROM maintenance
    UNION SELECT month_start FROM months UNION SELECT month_end FROM months
),
pieces AS (SELECT t AS a, lead(t) OVER (ORDER BY t) AS b FROM points),
lost AS (
    SELECT a, b, max(weight) * (epoch_us(b) - epoch_us(a)) AS lost_us
    FROM pieces JOIN incidents i ON i."start" <= a AND b <= i."end" JOIN weights USING (severity)
    WHERE NOT EXISTS (SELECT 1 FROM maintenance w WHERE w."start" <= a AND b <= w."end")
    GROUP BY a, b
),
per_month AS (
    SELECT month, month_start, month_end, coalesce(sum(lost_us), 0) AS down_us
    FROM months LEFT JOIN lost ON month_start <= a AND b <= month_end
    GROUP BY ALL
),
measured AS (
    SELECT month, down_us,
           1 - down_us / (epoch_us(month_end) - epoch_us(month_start)) AS availability
    FROM per_month
)
SELECT month, down_us, availability,
       CASE WHEN availability < 0.99 THEN 15 WHEN availability < 0.995 THEN 10
            WHEN availability < 0.999 THEN 5 ELSE 0 END * 1500 / 100 AS credit
FROM measured ORDER BY month
"""


def test_availability_per_month_in_pandas_polars_and_duckdb(policy: SLAPolicy) -> None:
    incidents, maintenance = datasets.load_incidents(), datasets.load_maintenance()
    by_pandas = _uptime(incidents, maintenance, policy)
    by_polars = _uptime(pl.from_pandas(incidents), pl.from_pandas(maintenance), policy)
    con = duckdb.connect()
    con.register("incidents", incidents)
    con.register("maintenance", maintenance)
    rows = con.execute(AVAILABILITY_SQL).fetchall()

    assert [r[0] for r in rows] == [str(r.month) for r in by_pandas.rows]
    for (month, down_us, availability, credit), row in zip(rows, by_pandas.rows, strict=True):
        assert Fraction(down_us) == row.report.downtime_seconds * 10**6, month
        assert availability == pytest.approx(float(row.availability), rel=1e-15), month
        assert Decimal(credit) == row.credit, month
    frames = [by_pandas.table, by_polars.to_frame(backend="polars").to_pandas()]
    for frame in frames:
        assert frame["availability"].tolist() == pytest.approx([r[2] for r in rows], rel=1e-15)
        assert frame["credit"].tolist() == [float(r[3]) for r in rows]
    assert sum(Decimal(r[3]) for r in rows) == by_pandas.total_credit == Decimal("225.00")
