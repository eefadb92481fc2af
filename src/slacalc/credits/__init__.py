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
    AWS_EC2_INSTANCE_LEVEL,
    AWS_EC2_REGION_LEVEL,
    AWS_S3_STANDARD,
    AZURE_VM_AVAILABILITY_ZONES,
    GCP_CLOUD_FUNCTIONS_2018,
)
from slacalc.credits._schedule import CreditSchedule, CreditTier

__all__ = [
    "AGENCY_MANAGED_SERVICE",
    "AWS_EC2_INSTANCE_LEVEL",
    "AWS_EC2_REGION_LEVEL",
    "AWS_S3_STANDARD",
    "AZURE_VM_AVAILABILITY_ZONES",
    "GCP_CLOUD_FUNCTIONS_2018",
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
    "apply_annual_cap",
]
