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
