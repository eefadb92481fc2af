"""The DuckDB functions give the Python answers, NULL for NULL, and errors naming the value."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

import pandas as pd
import pytest

import duckdb
from slacalc import BusinessCalendar, allowed_downtime, datasets
from slacalc import duckdb as sql
from slacalc.errors import InvalidOptionError
from slacalc.policy import SLAPolicy


@pytest.fixture(scope="module")
def policy() -> SLAPolicy:
    return datasets.load_policy()


@pytest.fixture(scope="module")
def export() -> pd.DataFrame:
    """The example year as a helpdesk export: one row per ticket."""
    events = datasets.load_tickets(as_frame=True)
    first = events.groupby(["ticket_id", "kind"])["at"].min().unstack()
    severity = events.dropna(subset=["severity"]).groupby("ticket_id")["severity"].first()
    return pd.DataFrame(
        {
            "ticket_id": first.index,
            "severity": severity.reindex(first.index).to_numpy(),
            "opened_at": first["opened"].to_numpy(),
            "responded_at": first["responded"].to_numpy(),
            "resolved_at": first["resolved"].to_numpy(),
        }
    )


@pytest.fixture(scope="module")
def con(policy: SLAPolicy, export: pd.DataFrame) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    sql.register(con, policy=policy)
    con.register("tickets", export)
    return con


def _query(con: duckdb.DuckDBPyConnection, query: str) -> list[tuple[Any, ...]]:
    return con.execute(query).fetchall()


def test_business_time_matches_python(
    con: duckdb.DuckDBPyConnection, policy: SLAPolicy, export: pd.DataFrame
) -> None:
    cal = policy.calendar()
    rows = _query(
        con,
        "SELECT business_elapsed(opened_at, resolved_at), business_add(opened_at, '2h'),"
        " is_open(opened_at) FROM tickets ORDER BY ticket_id",
    )
    assert len(rows) == len(export) == 380
    for (elapsed, due, open_), t in zip(rows, export.itertuples(), strict=True):
        opened, resolved = t.opened_at.to_pydatetime(), t.resolved_at.to_pydatetime()
        assert elapsed == cal.elapsed(opened, resolved)
        assert due == cal.add(opened, "2h")
        assert open_ is cal.is_open(opened)


def test_deadlines_match_the_policy(
    con: duckdb.DuckDBPyConnection, policy: SLAPolicy, export: pd.DataFrame
) -> None:
    rows = _query(
        con,
        "SELECT sla_due(severity, 'response', opened_at), sla_due(severity, 'resolution',"
        " opened_at), sla_target(severity, 'response') FROM tickets ORDER BY ticket_id",
    )
    agreement = policy.to_agreement()
    for (response, resolution, target), t in zip(rows, export.itertuples(), strict=True):
        deadlines = policy.deadlines(t.severity, t.opened_at.to_pydatetime())
        assert (response, resolution) == (deadlines.response, deadlines.resolution)
        expected = agreement.severity(t.severity).response
        # whole business days have no fixed length: NULL (sla_due resolves them per start)
        assert target == (expected if isinstance(expected, dt.timedelta) else None)


def test_elapsed_on_each_severitys_calendar(
    con: duckdb.DuckDBPyConnection, policy: SLAPolicy, export: pd.DataFrame
) -> None:
    rows = _query(
        con, "SELECT sla_elapsed(severity, opened_at, responded_at) FROM tickets ORDER BY ticket_id"
    )
    agreement = policy.to_agreement()
    for (elapsed,), t in zip(rows, export.itertuples(), strict=True):
        cal = agreement.calendar(agreement.severity(t.severity).calendar)
        assert elapsed == cal.elapsed(t.opened_at.to_pydatetime(), t.responded_at.to_pydatetime())


def test_allowed_downtime(con: duckdb.DuckDBPyConnection) -> None:
    rows = _query(
        con,
        "SELECT allowed_downtime(t, p) FROM (VALUES ('99.9%', 'month'), ('99.95%', 'year'),"
        " ('99.9%', 'month'), (NULL, 'day'), ('99%', NULL)) AS v(t, p)",
    )
    assert [r[0] for r in rows] == [
        allowed_downtime("99.9%", "month"),
        allowed_downtime("99.95%", "year"),
        allowed_downtime("99.9%", "month"),
        None,
        None,
    ]


def test_null_in_gives_null_out(con: duckdb.DuckDBPyConnection) -> None:
    t = "TIMESTAMPTZ '2026-11-30 10:00+01'"
    rows = _query(
        con,
        f"SELECT business_elapsed(NULL, {t}), business_elapsed({t}, NULL),"
        f" business_add(NULL, '2h'), business_add({t}, NULL), is_open(NULL),"
        f" sla_target(NULL, 'response'), sla_target('high', NULL),"
        f" sla_due(NULL, 'response', {t}), sla_due('high', NULL, {t}),"
        f" sla_due('high', 'response', NULL), sla_elapsed(NULL, {t}, {t}),"
        f" sla_elapsed('high', NULL, {t})",
    )
    assert rows == [(None,) * 12]


def test_no_target_gives_null(con: duckdb.DuckDBPyConnection) -> None:
    t = "TIMESTAMPTZ '2026-11-30 10:00+01'"
    assert _query(
        con, f"SELECT sla_target('high', 'next_response'), sla_due('high', 'next_response', {t})"
    ) == [(None, None)]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("business_add(TIMESTAMPTZ '2026-11-30 10:00+01', 'soon')", "business_add: .*'soon'"),
        ("allowed_downtime('99.9', 'month')", "allowed_downtime: .*'99.9'"),
        ("allowed_downtime('99.9%', 'fortnight')", "allowed_downtime: .*'fortnight'"),
        ("sla_target('urgent', 'response')", "sla_target: Unknown severity 'urgent'"),
        ("sla_target('high', 'speed')", "sla_target: Unknown metric 'speed'"),
        ("sla_due('urgent', 'response', TIMESTAMPTZ '2026-11-30 10:00+01')", "'urgent'"),
        ("sla_elapsed('urgent', NULL, NULL)", "sla_elapsed: Unknown severity 'urgent'"),
    ],
)
def test_bad_values_name_the_value(
    con: duckdb.DuckDBPyConnection, query: str, message: str
) -> None:
    with pytest.raises(duckdb.InvalidInputException, match=message):
        _query(con, f"SELECT {query}")


def test_register_checks_its_arguments() -> None:
    con = duckdb.connect()
    with pytest.raises(InvalidOptionError, match=r"needs calendar= .* or policy="):
        sql.register(con)
    with pytest.raises(InvalidOptionError, match="is not a BusinessCalendar"):
        sql.register(con, calendar="Mon-Fri 09:00-17:00")  # type: ignore[arg-type]
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
    with pytest.raises(InvalidOptionError, match="is not a SQL name"):
        sql.register(con, calendar=cal, prefix="1x; DROP")


def test_two_calendars_on_one_connection() -> None:
    con = duckdb.connect()
    eu = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
    us = BusinessCalendar("Mon-Fri 09:00-17:00", tz="America/New_York")
    assert sql.register(con, calendar=eu, prefix="eu_") == (
        "eu_business_elapsed",
        "eu_business_add",
        "eu_is_open",
        "eu_allowed_downtime",
    )
    sql.register(con, calendar=us, prefix="us_")
    t = "TIMESTAMPTZ '2026-11-30 10:00+01'"
    assert _query(con, f"SELECT eu_is_open({t}), us_is_open({t})") == [(True, False)]


def test_register_needs_pyarrow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
    with pytest.raises(ModuleNotFoundError, match="pip install pyarrow"):
        sql.register(duckdb.connect(), calendar=cal)
