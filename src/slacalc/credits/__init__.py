"""Service credits: tier schedules with caps and minimums, published examples, ticket penalties,
and the clauses around them: claim deadlines, termination rights, annual caps, hourly credits.

Money is ``Decimal`` and never a binary float; shares are exact; a credit is rounded once,
at the end, with a named rounding mode.

Examples:
    >>> from decimal import Decimal
    >>> import slacalc
    >>> schedule = slacalc.CreditSchedule([("99.9%", "10%"), ("99%", "25%"), ("95%", "100%")])
    >>> feb = slacalc.calendar_month(2026, 2)                       # 28 days
    >>> report = slacalc.measure_availability([], feb)
    >>> schedule.credit(report, fee=Decimal("500.00"))
    Decimal('0.00')
"""

from __future__ import annotations

from slacalc.credits._clauses import (
    ClaimWindow,
    HourlyCredit,
    HourlyCreditResult,
    TerminationRule,
    TerminationTrigger,
    apply_annual_cap,
)
from slacalc.credits._money import MoneyLike, ShareOrAmount
from slacalc.credits._penalties import PartialUnit, TicketPenalty
from slacalc.credits._presets import (
    AGENCY_MANAGED_SERVICE,
    AWS_EC2_INSTANCE_HOURS,
    AWS_EC2_INSTANCE_LEVEL,
    AWS_EC2_INSTANCE_LEVEL_MEASURE,
    AWS_EC2_REGION_LEVEL,
    AWS_EC2_REGION_LEVEL_MEASURE,
    AWS_S3_STANDARD,
    AWS_S3_STANDARD_MEASURE,
    AZURE_STORAGE_HOT,
    AZURE_STORAGE_HOT_MEASURE,
    AZURE_VM_AVAILABILITY_ZONES,
    AZURE_VM_AVAILABILITY_ZONES_MEASURE,
    GCP_CLOUD_FUNCTIONS_2018,
    GCP_CLOUD_FUNCTIONS_2018_MEASURE,
    UptimeMeasure,
)
from slacalc.credits._schedule import CreditSchedule, CreditTier

__all__ = [
    "AGENCY_MANAGED_SERVICE",
    "AWS_EC2_INSTANCE_HOURS",
    "AWS_EC2_INSTANCE_LEVEL",
    "AWS_EC2_INSTANCE_LEVEL_MEASURE",
    "AWS_EC2_REGION_LEVEL",
    "AWS_EC2_REGION_LEVEL_MEASURE",
    "AWS_S3_STANDARD",
    "AWS_S3_STANDARD_MEASURE",
    "AZURE_STORAGE_HOT",
    "AZURE_STORAGE_HOT_MEASURE",
    "AZURE_VM_AVAILABILITY_ZONES",
    "AZURE_VM_AVAILABILITY_ZONES_MEASURE",
    "GCP_CLOUD_FUNCTIONS_2018",
    "GCP_CLOUD_FUNCTIONS_2018_MEASURE",
    "ClaimWindow",
    "CreditSchedule",
    "CreditTier",
    "HourlyCredit",
    "HourlyCreditResult",
    "MoneyLike",
    "PartialUnit",
    "ShareOrAmount",
    "TerminationRule",
    "TerminationTrigger",
    "TicketPenalty",
    "UptimeMeasure",
    "apply_annual_cap",
]
