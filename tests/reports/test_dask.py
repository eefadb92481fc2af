"""The bulk functions run unchanged inside dask's map_partitions (local scheduler).

Tickets are partitioned by id, so each ticket's events stay in one partition; every
partition is analysed on its own and the rows gathered; the compliance summary of the
gathered rows equals the one computed with plain pandas, figure for figure. A bulk
calendar call (``elapsed_many``) runs per partition too.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from slacalc import datasets
from slacalc.policy import SLAPolicy
from slacalc.reports import TicketOutcomes, analyze_tickets, compliance_summary

dd = pytest.importorskip("dask.dataframe")


def test_compliance_summary_is_the_same_with_dask(
    ticket_frame: Any, policy: SLAPolicy, outcomes: TicketOutcomes
) -> None:
    events = dd.from_pandas(ticket_frame.set_index("ticket_id"), npartitions=4, sort=True)
    assert events.npartitions > 1
    meta = analyze_tickets([], policy).to_frame().astype({"ticket_id": "int64"})

    def analyse(part: pd.DataFrame) -> pd.DataFrame:
        return analyze_tickets(part.reset_index(), policy).to_frame()

    rows = events.map_partitions(analyse, meta=meta).compute(scheduler="synchronous")
    assert (rows.dtypes == meta.dtypes).all()
    assert len(rows) == len(outcomes)
    fee = datasets.MONTHLY_FEE
    with_dask = compliance_summary(rows, policy=policy, fee=fee)
    with_pandas = compliance_summary(outcomes, fee=fee)
    assert with_dask.to_records() == with_pandas.to_records()
    assert len(with_dask.rows) > 50


def test_a_bulk_calendar_call_per_partition(ticket_frame: Any, policy: SLAPolicy) -> None:
    first = (
        ticket_frame.groupby("ticket_id")
        .agg(opened=("at", "min"), last=("at", "max"))
        .reset_index()
    )
    support = policy.calendar()
    expected = support.elapsed_many(first["opened"], first["last"])
    parts = dd.from_pandas(first, npartitions=3)

    def business(part: pd.DataFrame) -> pd.Series:
        return support.elapsed_many(part["opened"], part["last"])

    got = parts.map_partitions(business, meta=("elapsed", "timedelta64[us]")).compute(
        scheduler="synchronous"
    )
    pd.testing.assert_series_equal(got, expected, check_names=False)
