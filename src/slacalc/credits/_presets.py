"""Published credit schedules, as examples with their source and date.

Each is a :class:`CreditSchedule`; its ``source`` names the document. Check the live
document before relying on one in a contract dispute: providers revise their SLAs.

- ``AWS_EC2_REGION_LEVEL``: 99.99 % promised; below 99.99 % 10 %, below 99.0 % 30 %,
  below 95.0 % 100 %. Amazon Compute SLA, last updated 25 May 2022.
- ``AWS_EC2_INSTANCE_LEVEL``: 99.5 %; below 99.5 % 10 %, 99.0 % 30 %, 95.0 % 100 %.
  Amazon Compute SLA, last updated 25 May 2022.
- ``AWS_S3_STANDARD``: 99.9 %; below 99.9 % 10 %, 99.0 % 25 %, 95.0 % 100 %.
  Amazon S3 SLA, 28 November 2023.
- ``AZURE_VM_AVAILABILITY_ZONES``: 99.99 %; below 99.99 % 10 %, 99 % 25 %, 95 % 100 %.
  Microsoft Online Services Consolidated SLA, September 2026 edition.
- ``GCP_CLOUD_FUNCTIONS_2018``: 99.5 %; below 99.5 % 10 %, 99 % 25 %, 95 % 50 %.
  cloud.google.com/functions/sla-20180406 (6 April 2018).
- ``AGENCY_MANAGED_SERVICE``: 99.9 %; below 99.9 % 5 %, 99.5 % 10 %, 99.0 % 15 % of the
  monthly managed fee. ektasi.io managed-services SLA, 5 September 2025.

Examples:
    >>> from decimal import Decimal
    >>> AWS_EC2_REGION_LEVEL.credit("99.95%", fee=Decimal("1234.56"))
    Decimal('123.46')
    >>> AWS_EC2_REGION_LEVEL.credit("99.95%", fee=Decimal("9.99"))   # $1.00: not over $1
    Decimal('0.00')
"""

from __future__ import annotations

from decimal import Decimal

from slacalc.credits._schedule import CreditSchedule

__all__ = [
    "AGENCY_MANAGED_SERVICE",
    "AWS_EC2_INSTANCE_LEVEL",
    "AWS_EC2_REGION_LEVEL",
    "AWS_S3_STANDARD",
    "AZURE_VM_AVAILABILITY_ZONES",
    "GCP_CLOUD_FUNCTIONS_2018",
]

# AWS issues a credit "only if the credit amount for the applicable monthly billing
# cycle is greater than one dollar ($1 USD)": at cent precision, at least $1.01.
_AWS_MINIMUM = Decimal("1.01")

AWS_EC2_REGION_LEVEL = CreditSchedule(
    [("99.99%", "10%"), ("99.0%", "30%"), ("95.0%", "100%")],
    minimum=_AWS_MINIMUM,
    name="AWS EC2 region-level",
    source=(
        "Amazon Compute Service Level Agreement, last updated 25 May 2022 "
        "(aws.amazon.com/compute/sla): Region-Level SLA, credit as a share of the "
        "charges for EC2 in the affected region for the monthly billing cycle; issued "
        "only if greater than $1 USD."
    ),
)
"""AWS EC2 (and ECS, Fargate) region-level credits: 99.99 % promised; 10 / 30 / 100 %.

Source: Amazon Compute Service Level Agreement, last updated 25 May 2022.

Examples:
    >>> from slacalc.credits import AWS_EC2_REGION_LEVEL
    >>> AWS_EC2_REGION_LEVEL.credit_percent("99.95%"), AWS_EC2_REGION_LEVEL.credit_percent("98%")
    (Decimal('10'), Decimal('30'))
"""

AWS_EC2_INSTANCE_LEVEL = CreditSchedule(
    [("99.5%", "10%"), ("99.0%", "30%"), ("95.0%", "100%")],
    minimum=_AWS_MINIMUM,
    name="AWS EC2 instance-level",
    source=(
        "Amazon Compute Service Level Agreement, last updated 25 May 2022 "
        "(aws.amazon.com/compute/sla): Instance-Level SLA for a Single EC2 Instance."
    ),
)
"""AWS single EC2 instance credits: 99.5 % promised; 10 / 30 / 100 %.

Source: Amazon Compute Service Level Agreement, last updated 25 May 2022.

Examples:
    >>> from slacalc.credits import AWS_EC2_INSTANCE_LEVEL
    >>> AWS_EC2_INSTANCE_LEVEL.credit_percent("99.2%")
    Decimal('10')
"""

AWS_S3_STANDARD = CreditSchedule(
    [("99.9%", "10%"), ("99.0%", "25%"), ("95.0%", "100%")],
    minimum=_AWS_MINIMUM,
    name="AWS S3 Standard",
    source=(
        "Amazon S3 Service Level Agreement, 28 November 2023 (aws.amazon.com/s3/sla); the "
        "same tiers as the historical version of 31 July 2019."
    ),
)
"""AWS S3 Standard credits: 99.9 % promised; 10 / 25 / 100 %.

Source: Amazon S3 Service Level Agreement, 28 November 2023.

Examples:
    >>> from slacalc.credits import AWS_S3_STANDARD
    >>> AWS_S3_STANDARD.credit_percent("99.9%"), AWS_S3_STANDARD.credit_percent("98.9%")
    (Decimal('0'), Decimal('25'))
"""

AZURE_VM_AVAILABILITY_ZONES = CreditSchedule(
    [("99.99%", "10%"), ("99%", "25%"), ("95%", "100%")],
    name="Azure VMs in two or more Availability Zones",
    source=(
        "Microsoft Online Services Consolidated SLA, English edition of September 2026, "
        "Virtual Machines deployed across two or more Availability Zones."
    ),
)
"""Azure VMs across Availability Zones: 99.99 % promised; 10 / 25 / 100 %.

Source: Microsoft Online Services Consolidated SLA, September 2026 edition.

Examples:
    >>> from slacalc.credits import AZURE_VM_AVAILABILITY_ZONES
    >>> str(AZURE_VM_AVAILABILITY_ZONES.objective)
    '99.99%'
"""

GCP_CLOUD_FUNCTIONS_2018 = CreditSchedule(
    [("99.5%", "10%"), ("99%", "25%"), ("95%", "50%")],
    name="Google Cloud Functions (2018)",
    source="Google Cloud Functions SLA of 6 April 2018 (cloud.google.com/functions/sla-20180406).",
)
"""Google Cloud Functions, 2018: 99.5 % promised; 10 / 25 / 50 % (the older GCP template).

Source: cloud.google.com/functions/sla-20180406 (6 April 2018).

Examples:
    >>> from slacalc.credits import GCP_CLOUD_FUNCTIONS_2018
    >>> GCP_CLOUD_FUNCTIONS_2018.credit_percent("94%")
    Decimal('50')
"""

AGENCY_MANAGED_SERVICE = CreditSchedule(
    [("99.9%", "5%"), ("99.5%", "10%"), ("99.0%", "15%")],
    name="Managed-service agency",
    source=(
        "ektasi.io managed-services SLA, 5 September 2025: 5 % / 10 % / 15 % of the "
        "monthly managed fee below 99.9 % / 99.5 % / 99.0 %."
    ),
)
"""A web-care agency's credits: 99.9 % promised; 5 / 10 / 15 % of the monthly fee.

Source: ektasi.io managed-services SLA, 5 September 2025.

Examples:
    >>> from decimal import Decimal
    >>> from slacalc.credits import AGENCY_MANAGED_SERVICE
    >>> AGENCY_MANAGED_SERVICE.credit("99.7%", fee=Decimal("1500.00"))
    Decimal('75.00')
"""
