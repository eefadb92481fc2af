"""The dask recipe of docs/guide/scale.md with dask's threaded and process schedulers.

Tickets are partitioned by id, so each ticket's events stay in one partition; every
partition is analysed on its own and the rows gathered. The rows equal those of plain
pandas row for row (instants, durations and exact fractions included), and so does the
compliance summary of them. A bulk calendar call (``elapsed_many``) runs per partition
too.
"""

from __future__ import annotations

import pandas as pd
import pytest

from slacalc import datasets
from slacalc.policy import SLAPolicy
from slacalc.reports import analyze_tickets, compliance_summary
from tests.scale.conftest import by_ticket, engine

dd = engine("dask.dataframe", "dask[dataframe]")

SCHEDULERS = ["synchronous", "threads", "processes"]


@pytest.mark.parametrize("scheduler", SCHEDULERS)
def test_dask_gives_the_pandas_rows(
    events: pd.DataFrame, policy: SLAPolicy, expected: pd.DataFrame, scheduler: str
) -> None:
    by_id = dd.from_pandas(events.set_index("ticket_id"), npartitions=4, sort=True)
    assert by_id.npartitions > 1
    meta = analyze_tickets([], policy).to_frame().astype({"ticket_id": "int64"})

    def analyse(part: pd.DataFrame) -> pd.DataFrame:
        return analyze_tickets(part.reset_index(), policy).to_frame()

    rows = by_id.map_partitions(analyse, meta=meta).compute(scheduler=scheduler)
    assert (rows.dtypes == meta.dtypes).all()
    pd.testing.assert_frame_equal(by_ticket(rows), by_ticket(expected))
    fee = datasets.MONTHLY_FEE
    with_dask = compliance_summary(rows, policy=policy, fee=fee)
    assert (
        with_dask.to_records() == compliance_summary(expected, policy=policy, fee=fee).to_records()
    )
    assert len(with_dask.rows) > 50


def test_an_empty_partition_gives_the_meta(events: pd.DataFrame, policy: SLAPolicy) -> None:
    meta = analyze_tickets([], policy).to_frame().astype({"ticket_id": "int64"})
    empty = analyze_tickets(events.iloc[:0], policy).to_frame().astype({"ticket_id": "int64"})
    pd.testing.assert_frame_equal(empty, meta)


@pytest.mark.parametrize("scheduler", ["threads", "processes"])
def test_a_bulk_calendar_call_per_partition(
    events: pd.DataFrame, policy: SLAPolicy, scheduler: str
) -> None:
    first = events.groupby("ticket_id").agg(opened=("at", "min"), last=("at", "max")).reset_index()
    support = policy.calendar()
    expected = support.elapsed_many(first["opened"], first["last"])
    parts = dd.from_pandas(first, npartitions=3)

    def business(part: pd.DataFrame) -> pd.Series:
        return support.elapsed_many(part["opened"], part["last"])

    got = parts.map_partitions(business, meta=("elapsed", "timedelta64[us]")).compute(
        scheduler=scheduler
    )
    pd.testing.assert_series_equal(got, expected, check_names=False)
