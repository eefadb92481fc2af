"""Published credit schedules, checked against their texts.

Each schedule carries its source and date in ``.source`` (the AWS Compute and S3 SLAs at
aws.amazon.com/compute/sla and aws.amazon.com/s3/sla, Google's
cloud.google.com/functions/sla-20180406, the Microsoft Online Services Consolidated SLA,
the ektasi.io managed-services SLA); the tests below quote the tier tables from them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from slacalc.credits import (
    AGENCY_MANAGED_SERVICE,
    AWS_EC2_INSTANCE_LEVEL,
    AWS_EC2_REGION_LEVEL,
    AWS_S3_STANDARD,
    AZURE_VM_AVAILABILITY_ZONES,
    GCP_CLOUD_FUNCTIONS_2018,
    CreditSchedule,
)

# (schedule, [(measured availability, credit percent)], source)
CASES = [
    (
        AWS_EC2_REGION_LEVEL,
        [
            ("99.99%", 0),
            ("99.989%", 10),
            ("99.0%", 10),
            ("98.99%", 30),
            ("95.0%", 30),
            ("94.99%", 100),
        ],
        "Amazon Compute SLA 25 May 2022: < 99.99 % and >= 99.0 % -> 10 %; < 99.0 % and "
        ">= 95.0 % -> 30 %; < 95.0 % -> 100 %",
    ),
    (
        AWS_EC2_INSTANCE_LEVEL,
        [("99.5%", 0), ("99.49%", 10), ("99.0%", 10), ("98.9%", 30), ("94.9%", 100)],
        "Amazon Compute SLA 25 May 2022, instance level: 99.5 / 99.0 / 95.0 -> 10 / 30 / 100",
    ),
    (
        AWS_S3_STANDARD,
        [
            ("99.9%", 0),
            ("99.89%", 10),
            ("99.0%", 10),
            ("98.99%", 25),
            ("95.0%", 25),
            ("94.99%", 100),
        ],
        "Amazon S3 SLA 28 Nov 2023 (tiers of 31 Jul 2019): 10 / 25 / 100",
    ),
    (
        AZURE_VM_AVAILABILITY_ZONES,
        [("99.99%", 0), ("99.98%", 10), ("99%", 10), ("98.9%", 25), ("95%", 25), ("94%", 100)],
        "Microsoft consolidated SLA (Sep 2026): < 99.99 % 10 %, < 99 % 25 %, < 95 % 100 %",
    ),
    (
        GCP_CLOUD_FUNCTIONS_2018,
        [("99.5%", 0), ("99.4%", 10), ("99%", 10), ("98%", 25), ("95%", 25), ("90%", 50)],
        "cloud.google.com/functions/sla-20180406: 99-<99.5 -> 10; 95-<99 -> 25; <95 -> 50",
    ),
    (
        AGENCY_MANAGED_SERVICE,
        [("99.9%", 0), ("99.8%", 5), ("99.5%", 5), ("99.4%", 10), ("99.0%", 10), ("98.9%", 15)],
        "ektasi.io 5 Sep 2025: < 99.9 % to >= 99.5 % 5 %; < 99.5 % to >= 99.0 % 10 %; < 99 % 15 %",
    ),
]


@pytest.mark.parametrize(
    ("schedule", "rows", "source"), CASES, ids=[c[0].name or "" for c in CASES]
)
def test_published_tiers(
    schedule: CreditSchedule, rows: list[tuple[str, int]], source: str
) -> None:
    assert [schedule.credit_percent(a) for a, _ in rows] == [p for _, p in rows], source
    assert schedule.source
    assert schedule.name


def test_aws_minimum_of_one_dollar() -> None:
    # "issued only if the credit amount ... is greater than one dollar ($1 USD)"
    assert AWS_EC2_REGION_LEVEL.credit("99.95%", fee=Decimal("9.99")) == Decimal("0.00")
    assert AWS_EC2_REGION_LEVEL.credit("99.95%", fee=Decimal("10.06")) == Decimal("1.01")
    assert AWS_S3_STANDARD.credit("98%", fee=Decimal("1234.56")) == Decimal("308.64")


def test_objectives() -> None:
    assert [str(s.objective) for s, _, _ in CASES] == [
        "99.99%",
        "99.5%",
        "99.9%",
        "99.99%",
        "99.5%",
        "99.9%",
    ]
