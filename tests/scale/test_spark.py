"""The Spark recipe of docs/guide/scale.md (tests/scale/spark_recipe.py) on a real local
session: its outcome rows equal plain pandas' row for row, instants and exact numbers
included, by ``mapInPandas`` and by ``applyInPandas``."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pandas as pd
import pytest

from slacalc import datasets
from slacalc.policy import SLAPolicy
from slacalc.reports import analyze_tickets, compliance_summary
from tests.scale import spark_recipe
from tests.scale.conftest import by_ticket, engine

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

engine("pyspark", "pyspark: pip install -e '.[test]'")

#: Without Java these tests skip, except in CI (which installs Java): there they must run.
NO_JAVA = shutil.which("java") is None and not os.environ.get("JAVA_HOME")

pytestmark = [
    pytest.mark.skipif(
        NO_JAVA and not os.environ.get("CI"),
        reason="Spark needs Java 17 or later: install a JRE, or set JAVA_HOME",
    ),
    # pyspark 4 warns on import and conversion that it "does not yet fully support" pandas 3
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
    # ... and its toPandas passes pandas 3 the deprecated copy= keyword
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    """One small local session for the whole run: two cores, 512 MB, four shuffle partitions."""
    session = spark_recipe.local_session(cores=2, settings={"spark.driver.memory": "512m"})
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def spark_events(spark: SparkSession, events: pd.DataFrame) -> DataFrame:
    return spark.createDataFrame(events)


@pytest.mark.parametrize("groups", [None, 7], ids=["mapInPandas", "applyInPandas"])
def test_spark_gives_the_pandas_rows(
    spark_events: DataFrame, policy: SLAPolicy, events: pd.DataFrame, groups: int | None
) -> None:
    expected = analyze_tickets(events, policy).to_frame(exact=True)
    rows = spark_recipe.analyse_on_spark(spark_events, policy, groups=groups)
    got = spark_recipe.from_spark(rows.toPandas(), policy)
    pd.testing.assert_frame_equal(by_ticket(got), by_ticket(expected))
    fee = datasets.MONTHLY_FEE
    assert (
        compliance_summary(got, policy=policy, fee=fee).to_records()
        == compliance_summary(expected, policy=policy, fee=fee).to_records()
    )


def test_a_session_zone_other_than_utc_is_refused(
    spark: SparkSession, spark_events: DataFrame, policy: SLAPolicy
) -> None:
    spark.conf.set("spark.sql.session.timeZone", "Europe/Copenhagen")
    try:
        with pytest.raises(ValueError, match=r"'Europe/Copenhagen'; set it to 'UTC'"):
            spark_recipe.analyse_on_spark(spark_events, policy)
    finally:
        spark.conf.set("spark.sql.session.timeZone", "UTC")


def test_wall_times_without_a_zone_are_refused(spark_events: DataFrame, policy: SLAPolicy) -> None:
    from pyspark.sql.functions import col

    naive = spark_events.withColumn("at", col("at").cast("timestamp_ntz"))
    with pytest.raises(TypeError, match=r"'at' is 'timestamp_ntz'; give an instant"):
        spark_recipe.analyse_on_spark(naive, policy)
