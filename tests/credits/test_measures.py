"""The contracts' measurements: each preset measures as its vendor defines it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from slacalc import calendar_month, probe_outages
from slacalc.credits import (
    AWS_EC2_INSTANCE_HOURS,
    AWS_EC2_INSTANCE_LEVEL_MEASURE,
    AWS_S3_STANDARD_MEASURE,
    AZURE_VM_AVAILABILITY_ZONES_MEASURE,
    GCP_CLOUD_FUNCTIONS_2018_MEASURE,
)
from slacalc.errors import InvalidOptionError

UTC = dt.UTC
T = dt.datetime(2026, 3, 2, 10, tzinfo=UTC)
M = dt.timedelta(minutes=1)
MARCH = calendar_month(2026, 3)


def test_probe_outages_go_straight_in() -> None:
    rows = [(T + k * M, k not in range(5, 40), None) for k in range(60)]  # 35 minutes down
    found = probe_outages(rows, interval="1m")
    report = AWS_EC2_INSTANCE_LEVEL_MEASURE.measure(found, MARCH)
    assert report.bad_slices == 35
    assert AZURE_VM_AVAILABILITY_ZONES_MEASURE.measure(found.outages, MARCH).bad_slices == 35


def test_weights_apply_to_outages() -> None:
    partial = [(T, T + 10 * M, "partial")]
    hours = AWS_EC2_INSTANCE_HOURS.measure(partial, MARCH)
    assert hours.bad_slices == 0  # 10 minutes at 0.3 is 3 weighted minutes
    full = AWS_EC2_INSTANCE_HOURS.measure(partial, MARCH, weights={"partial": 1})
    assert full.bad_slices == 1


def test_a_measurement_without_schedule_has_no_credit() -> None:
    with pytest.raises(InvalidOptionError, match="without a credit schedule"):
        AWS_EC2_INSTANCE_HOURS.credit([], MARCH, Decimal("10"))


def test_request_measures_refuse_probes() -> None:
    found = probe_outages([(T, False)], interval="1m")
    with pytest.raises(InvalidOptionError, match="request counts, not probes"):
        AWS_S3_STANDARD_MEASURE.measure(found, MARCH)


def test_fields_change_with_replace() -> None:
    whole = dataclasses.replace(AWS_EC2_INSTANCE_LEVEL_MEASURE, threshold=Fraction(99, 100))
    seconds = [(T, T + dt.timedelta(seconds=30))]
    assert whole.measure(seconds, MARCH).bad_slices == 0
    assert AWS_EC2_INSTANCE_LEVEL_MEASURE.measure(seconds, MARCH).bad_slices == 1


@pytest.mark.parametrize(
    ("change", "match"),
    [
        ({"threshold": Fraction(101, 100)}, r"Fraction\(101, 100\) is out of range"),
        ({"threshold": Fraction(-1, 100)}, r"Fraction\(-1, 100\) is out of range"),
        ({"threshold": "150%"}, "'150%' is out of range"),
        ({"min_requests": -1}, "min_requests=-1"),
        ({"method": "occurrences"}, "method='occurrences'"),
        ({"basis": "probes"}, "basis='probes'"),
        ({"slice": dt.timedelta(0)}, "slice=datetime.timedelta"),
    ],
)
def test_a_bad_measurement_fails_where_it_is_made(change: dict[str, object], match: str) -> None:
    with pytest.raises(InvalidOptionError, match=match):
        dataclasses.replace(GCP_CLOUD_FUNCTIONS_2018_MEASURE, **change)  # type: ignore[arg-type]


def test_a_threshold_given_as_percent_text_is_exact() -> None:
    made = dataclasses.replace(GCP_CLOUD_FUNCTIONS_2018_MEASURE, threshold="0.01%")  # type: ignore[arg-type]
    assert made.threshold == Fraction(1, 10000)
