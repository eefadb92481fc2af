"""Report tables for analysis: floats beside the exact rows, months as periods, Parquet and
Arrow round trips, and the same tables as polars or pyarrow frames."""

from __future__ import annotations

import importlib
import math
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from slacalc import datasets
from slacalc._present import frames
from slacalc.errors import InvalidOptionError
from slacalc.policy import SLAPolicy
from slacalc.reports import (
    TicketOutcomes,
    availability_report,
    availability_table,
    compliance_summary,
    incident_metrics,
    rolling_availability,
)
from slacalc.reports._tables import Tabular


@pytest.fixture(scope="module")
def reports(outcomes: TicketOutcomes, policy: SLAPolicy) -> dict[str, Tabular]:
    terms = policy.to_agreement().uptime
    assert terms is not None
    uptime = availability_report(
        datasets.load_incidents(),
        terms.target,
        2026,
        tz="Europe/Copenhagen",
        credits=terms.credits,
        fee=datasets.MONTHLY_FEE,
    )
    return {
        "outcomes": outcomes,
        "summary": compliance_summary(outcomes, fee=datasets.MONTHLY_FEE),
        "availability": uptime,
        "explain": outcomes.explain(4711),
        "weekly": availability_table(
            datasets.load_incidents(),
            2026,
            every="week",
            target=terms.target,
            tz="Europe/Copenhagen",
            maintenance=datasets.load_maintenance(),
            maintenance_mode="count_as_up",
        ),
        "rolling": rolling_availability(
            datasets.load_incidents(), 2026, days=30, target="99.9%", tz="Europe/Copenhagen"
        ),
        "incidents": incident_metrics(
            datasets.load_incidents(), 2026, by="severity", tz="Europe/Copenhagen"
        ),
    }


NAMES = ("outcomes", "summary", "availability", "explain", "weekly", "rolling", "incidents")


@pytest.mark.parametrize("name", NAMES)
def test_tables_have_no_object_columns(reports: dict[str, Tabular], name: str) -> None:
    df = reports[name].table
    assert [c for c in df.columns if df[c].dtype == object] == []


@pytest.mark.parametrize("name", NAMES)
def test_tables_round_trip_through_parquet(
    reports: dict[str, Tabular], name: str, tmp_path: Path
) -> None:
    df = reports[name].table
    df.to_parquet(tmp_path / "t.parquet")
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "t.parquet"), df)


@pytest.mark.parametrize("name", NAMES)
def test_tables_round_trip_through_arrow(reports: dict[str, Tabular], name: str) -> None:
    df = reports[name].table
    pd.testing.assert_frame_equal(pa.Table.from_pandas(df).to_pandas(), df)


@pytest.mark.parametrize("backend", ["polars", "pyarrow"])
@pytest.mark.parametrize("name", NAMES)
def test_other_backends_write_parquet(
    reports: dict[str, Tabular], name: str, backend: Any, tmp_path: Path
) -> None:
    table = reports[name].to_frame(backend=backend)
    arrow = table.to_arrow() if backend == "polars" else table
    pq.write_table(arrow, tmp_path / "t.parquet")
    back = pq.read_table(tmp_path / "t.parquet")
    assert back.to_pylist() == arrow.to_pylist()
    assert back.column_names == list(reports[name].columns)


def test_floats_are_the_exact_values_nearest_float(reports: dict[str, Tabular]) -> None:
    up = reports["availability"]
    df = up.table
    exact = up.to_frame(exact=True)
    for column in ("availability", "target", "budget_used", "credit_percent", "credit"):
        assert df[column].dtype == "float64"
        for f, x in zip(df[column], exact[column], strict=True):
            assert (math.isnan(f) and x is None) or f == float(x)
    assert str(df["month"].dtype) == "period[M]"
    assert df["month"].iloc[2] == pd.Period("2026-03", "M")
    # what analysts do next works
    assert df.groupby(df["month"].dt.quarter)["availability"].mean().size == 4
    assert df["credit"].sum() == 225.0


def test_the_summary_reads_its_own_analysable_table(
    reports: dict[str, Tabular], outcomes: TicketOutcomes
) -> None:
    again = compliance_summary(outcomes.table, policy=outcomes.policy, fee=datasets.MONTHLY_FEE)
    assert again.rows == reports["summary"].rows  # type: ignore[attr-defined]


def test_polars_and_pyarrow_tables_match_pandas(reports: dict[str, Tabular]) -> None:
    up = reports["availability"]
    polars = up.to_frame(backend="polars")
    arrow = up.to_frame(backend="pyarrow")
    assert isinstance(polars, pl.DataFrame)
    assert isinstance(arrow, pa.Table)
    assert polars["month"].to_list()[:2] == ["2026-01", "2026-02"]
    assert polars["availability"].to_list() == up.table["availability"].tolist()
    assert arrow.column("credit").to_pylist() == polars["credit"].to_list()
    assert str(polars.schema["start"]) == "Datetime(time_unit='us', time_zone='Europe/Copenhagen')"


def test_backend_errors(reports: dict[str, Tabular], monkeypatch: pytest.MonkeyPatch) -> None:
    up = reports["availability"]
    with pytest.raises(InvalidOptionError, match=r"backend='spark' is not a kind of DataFrame"):
        up.to_frame(backend="spark")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match="exact=True keeps Python objects"):
        up.to_frame(exact=True, backend="polars")

    real = importlib.import_module

    def without_pyarrow(name: str) -> Any:
        if name == "pyarrow":
            raise ImportError(name)
        return real(name)

    monkeypatch.setattr("slacalc._present.frames.importlib.import_module", without_pyarrow)
    with pytest.raises(ModuleNotFoundError, match=r"backend='pyarrow' needs pyarrow"):
        up.to_frame(backend="pyarrow")


def test_other_frames_are_read_through_pandas() -> None:
    df = pl.DataFrame({"n": [1, 2]})
    assert frames.pandas_frame(df).equals(pd.DataFrame({"n": [1, 2]}))  # type: ignore[attr-defined]
    assert frames.pandas_frame(df.to_arrow()).equals(pd.DataFrame({"n": [1, 2]}))  # type: ignore[attr-defined]
    assert frames.pandas_frame("text") == "text"
    assert frames.pandas_frame(1.5) == 1.5
    assert frames.pandas_frame(object) is object
    assert frames.pandas_frame(Decimal(1)) == Decimal(1)  # no frame narwhals knows
