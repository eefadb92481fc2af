"""Ticket outcomes on Spark: the rows of ``analyze_tickets``, computed by Spark's executors.

docs/guide/scale.md shows this file whole, and tests/scale/test_spark.py runs it on a
local session against plain pandas, row for row.

Spark holds instants without a zone: a pandas UDF (and ``toPandas``) sees a ``timestamp``
column as naive wall times in the session's time zone. With the session zone set to
UTC, those wall times are UTC, and this recipe says so explicitly (``tz_localize("UTC")``)
at the two places data leaves Spark; slacalc itself refuses naive times.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING

import pandas as pd

from slacalc.policy import SLAPolicy
from slacalc.reports import analyze_tickets

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

#: The outcome rows as Spark holds them: instants as ``timestamp`` (UTC), durations in
#: whole microseconds, months as text ("2026-03"), the exact ``percent_used`` as the text
#: of its fraction ("7/2").
SCHEMA = (
    "ticket_id long, metric string, cycle long, severity string, month string, "
    "result string, phase string, started_at timestamp, stopped_at timestamp, "
    "target_us long, due timestamp, breached boolean, breached_at timestamp, "
    "elapsed_us long, elapsed_calendar_us long, paused_us long, overshoot_us long, "
    "percent_used string, evaluated_at timestamp"
)
DURATIONS = ("target", "elapsed", "elapsed_calendar", "paused", "overshoot")
INSTANTS = ("started_at", "stopped_at", "due", "breached_at", "evaluated_at")

Batches = Iterator[pd.DataFrame]


def local_session(cores: int = 2, settings: Mapping[str, str] | None = None) -> SparkSession:
    """A Spark session on this machine, its clock in UTC, its Python workers this Python.

    ``settings`` adds to or overrides the configuration, e.g. ``{"spark.driver.memory": "4g"}``.
    """
    from pyspark.sql import SparkSession

    # The executors start their own Python: make it the one that has slacalc installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.master(f"local[{cores}]").appName("slacalc")
    for key, value in {
        "spark.sql.session.timeZone": "UTC",
        "spark.sql.execution.arrow.pyspark.enabled": "true",
        "spark.sql.shuffle.partitions": str(2 * cores),
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        **(settings or {}),
    }.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def events_from_spark(batch: pd.DataFrame) -> pd.DataFrame:
    """A batch of events from Spark with ``at`` read as UTC (the session's zone)."""
    return batch.assign(at=batch["at"].dt.tz_localize("UTC"))


def to_spark(rows: pd.DataFrame) -> pd.DataFrame:
    """Outcome rows as ``SCHEMA`` holds them."""
    out = rows.assign(
        severity=rows["severity"].astype(str),
        month=rows["month"].astype(str),
        percent_used=[None if p is None else str(p) for p in rows["percent_used"]],
    )
    for name in DURATIONS:  # whole microseconds; <NA> where there is none
        out[name + "_us"] = (out.pop(name) // pd.Timedelta(microseconds=1)).astype("Int64")
    for name in INSTANTS:
        out[name] = out[name].dt.tz_convert("UTC")
    return out


def from_spark(rows: pd.DataFrame, policy: SLAPolicy) -> pd.DataFrame:
    """Spark's rows (``toPandas()``) as ``analyze_tickets(...).to_frame(exact=True)`` gives them."""
    like = analyze_tickets([], policy).to_frame(exact=True)
    out = rows.copy()
    for name in INSTANTS:  # naive in the session's zone, UTC: back to the policy's zone
        out[name] = out[name].dt.tz_localize("UTC").dt.tz_convert(like[name].dt.tz)
    for name in DURATIONS:
        out[name] = pd.to_timedelta(out.pop(name + "_us"), unit="us")
    out["percent_used"] = [Fraction(p) if isinstance(p, str) else None for p in out["percent_used"]]
    dtypes = like.dtypes.drop("ticket_id")  # the ids keep the type Spark gives them
    return out[list(like.columns)].astype(dtypes.to_dict())


def outcomes_of_tickets(policy: SLAPolicy) -> Callable[[pd.DataFrame], pd.DataFrame]:
    """Events of whole tickets, as Spark hands them -> their outcome rows, as Spark holds them."""

    def analyse(events: pd.DataFrame) -> pd.DataFrame:
        outcomes = analyze_tickets(events_from_spark(events), policy)
        return to_spark(outcomes.to_frame(exact=True))

    return analyse


def outcomes_of_batches(policy: SLAPolicy) -> Callable[[Batches], Batches]:
    """For ``mapInPandas``: batches of events sorted by ticket -> batches of outcome rows.

    A batch may end in the middle of a ticket, so the last ticket of each batch is kept
    back until the next batch shows whether it goes on.
    """
    outcomes = outcomes_of_tickets(policy)

    def analyse(batches: Batches) -> Batches:
        carry = None
        for batch in batches:
            if carry is not None:
                batch = pd.concat([carry, batch], ignore_index=True)
            if batch.empty:
                continue
            last = batch["ticket_id"].iloc[-1]
            ends = batch["ticket_id"] == last
            done, carry = batch[~ends], batch[ends]
            if len(done):
                yield outcomes(done)
        if carry is not None and len(carry):
            yield outcomes(carry)

    return analyse


def check_utc(events: DataFrame) -> None:
    """Refuse a session whose zone is not UTC, or ``at`` that is not an instant."""
    from pyspark.sql.types import TimestampType

    zone = events.sparkSession.conf.get("spark.sql.session.timeZone")
    if zone != "UTC":
        raise ValueError(
            f"spark.sql.session.timeZone is {zone!r}; set it to 'UTC', so that the times "
            "Spark hands to pandas without a zone are UTC."
        )
    kind = events.schema["at"].dataType
    if not isinstance(kind, TimestampType):
        raise TypeError(
            f"'at' is {kind.simpleString()!r}; give an instant (timestamp): for wall times "
            "without a zone, name their zone with to_utc_timestamp(at, 'Europe/Copenhagen')."
        )


def analyse_on_spark(
    events: DataFrame, policy: SLAPolicy, *, groups: int | None = None
) -> DataFrame:
    """The outcome rows of ``events`` (ticket_id, kind, at, severity), as a Spark DataFrame.

    By default each partition's events are sorted by ticket and read in batches
    (``mapInPandas``), so no more than a batch is in memory at once. ``groups=N`` is
    simpler: the tickets go to N groups by a hash of their id, and each group is handed
    to pandas whole (``applyInPandas``), so a group must fit in an executor's memory.
    """
    from pyspark.sql import functions

    check_utc(events)
    if groups is not None:
        group = functions.pmod(functions.hash("ticket_id"), functions.lit(groups))
        return events.groupBy(group).applyInPandas(outcomes_of_tickets(policy), schema=SCHEMA)
    return (
        events.repartition("ticket_id")
        .sortWithinPartitions("ticket_id", "at")
        .mapInPandas(outcomes_of_batches(policy), schema=SCHEMA)
    )
