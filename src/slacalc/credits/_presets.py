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

Each cloud schedule also has an :class:`UptimeMeasure`: the measurement its contract
defines, which turns monitoring data into the Monthly Uptime Percentage as the vendor
computes it, then into the credit.

- ``AWS_S3_STANDARD_MEASURE``: the average of the five-minute error rates.
- ``AWS_EC2_REGION_LEVEL_MEASURE``, ``AWS_EC2_INSTANCE_LEVEL_MEASURE``: the minutes
  of Unavailability; ``AWS_EC2_INSTANCE_HOURS``: the clock hours with more than six
  of them (not charged).
- ``AZURE_VM_AVAILABILITY_ZONES_MEASURE``: the minutes without connectivity.
- ``AZURE_STORAGE_HOT`` and its ``AZURE_STORAGE_HOT_MEASURE``: the average of the
  hourly error rates, an hour without transactions at 0 %.
- ``GCP_CLOUD_FUNCTIONS_2018_MEASURE``: the minutes with more than a 10 % error
  rate, out of at least 100 executions.

Examples:
    >>> from decimal import Decimal
    >>> AWS_EC2_REGION_LEVEL.credit("99.95%", fee=Decimal("1234.56"))
    Decimal('123.46')
    >>> AWS_EC2_REGION_LEVEL.credit("99.95%", fee=Decimal("9.99"))   # $1.00: not over $1
    Decimal('0.00')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal

from slacalc._exact import parse_share
from slacalc.credits._money import MoneyLike
from slacalc.credits._schedule import CreditSchedule
from slacalc.errors import InvalidOptionError
from slacalc.uptime import (
    OutageLike,
    ProbeOutages,
    SliceMethod,
    SliceReport,
    WindowLike,
    measure_timeslices,
)

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
    "UptimeMeasure",
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


AZURE_STORAGE_HOT = CreditSchedule(
    [("99.9%", "10%"), ("99%", "25%")],
    name="Azure Storage, Hot tier writes (and LRS/ZRS/GRS/GZRS reads)",
    source=(
        "Microsoft Online Services Consolidated SLA, English edition of September 2026, "
        "Azure Storage: Hot and Transaction Optimized writes on every redundancy, and reads "
        "on LRS, ZRS, GRS and GZRS."
    ),
)
"""Azure Storage, Hot tier: 99.9 % promised; below 99.9 % 10 %, below 99 % 25 %.

Source: Microsoft Online Services Consolidated SLA, September 2026 edition.

Examples:
    >>> from slacalc.credits import AZURE_STORAGE_HOT
    >>> AZURE_STORAGE_HOT.credit_percent("98.9%")
    Decimal('25')
"""


@dataclass(frozen=True, slots=True)
class UptimeMeasure:
    """The measurement a contract defines: monitoring data into its monthly uptime, then credit.

    The window (a calendar month, the billing cycle) is cut into slices; each slice gets
    an error rate from request counts or from outages, and the slices make the Monthly
    Uptime Percentage as the contract says (see :func:`slacalc.measure_timeslices`).
    Change a field with :func:`dataclasses.replace`.

    Args:
        name: a name for reports.
        basis: ``"requests"`` (rows ``(start, end, good, total)``) or ``"outages"``
            (outages, or what :func:`slacalc.probe_outages` returns).
        slice: the contract's measurement period: one minute, five minutes, one hour.
        method: ``"timeslices"``: the share of good slices (a slice is bad when its error
            rate is more than ``threshold``); ``"ratio_timeslices"``: 100 % minus the
            average error rate.
        threshold: the error rate a slice must pass to be bad.
        min_requests: the fewest requests a slice needs to be judged.
        schedule: the credit schedule the uptime goes to (``None``: a measurement only).
        definition: the contract's own definition, quoted with its source.

    Examples:
        >>> import datetime as dt
        >>> from decimal import Decimal
        >>> from slacalc import calendar_month
        >>> from slacalc.credits import AWS_EC2_REGION_LEVEL_MEASURE
        >>> t = dt.datetime(2026, 2, 10, 12, tzinfo=dt.timezone.utc)
        >>> outage = [(t, t + dt.timedelta(minutes=40, seconds=19, milliseconds=200))]
        >>> feb = calendar_month(2026, 2)                  # 40 320 minutes
        >>> report = AWS_EC2_REGION_LEVEL_MEASURE.measure(outage, feb)
        >>> report.bad_slices, str(report.availability)    # 41 minutes touched; not 99.9 %
        (41, '~99.898313%')
        >>> AWS_EC2_REGION_LEVEL_MEASURE.credit(outage, feb, fee=Decimal("1000.00"))
        Decimal('100.00')
    """

    name: str
    basis: Literal["requests", "outages"]
    slice: dt.timedelta
    method: SliceMethod
    threshold: Fraction = Fraction(0)
    min_requests: int = 0
    schedule: CreditSchedule | None = None
    definition: str = ""

    def __post_init__(self) -> None:
        """Check the fields, so a bad measurement fails where it is made, not when used.

        Raises:
            InvalidOptionError: an unknown basis or method, a threshold outside 0-100 %,
                a negative ``min_requests`` or a slice not longer than zero.

        Examples:
            >>> import datetime as dt
            >>> from fractions import Fraction
            >>> UptimeMeasure("x", "requests", dt.timedelta(minutes=1), "timeslices",
            ...               threshold=Fraction(3, 2))
            Traceback (most recent call last):
            ...
            slacalc.errors.InvalidOptionError: Fraction(3, 2) is out of range: a slice ...
        """
        if self.basis not in ("requests", "outages"):
            raise InvalidOptionError(f"Unknown basis={self.basis!r}; pass 'requests' or 'outages'.")
        if self.method not in ("timeslices", "ratio_timeslices"):
            raise InvalidOptionError(
                f"Unknown method={self.method!r}; pass 'timeslices' or 'ratio_timeslices'."
            )
        threshold = parse_share(
            self.threshold,
            what="a slice threshold",
            example="'10%' or Fraction(1, 10)",
            error=InvalidOptionError,
        )
        object.__setattr__(self, "threshold", threshold)
        count = self.min_requests
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise InvalidOptionError(
                f"min_requests={count!r} is not a count; pass an int of 0 or more."
            )
        if not isinstance(self.slice, dt.timedelta) or self.slice <= dt.timedelta(0):
            raise InvalidOptionError(
                f"slice={self.slice!r} is not a duration longer than zero; pass e.g. "
                "datetime.timedelta(minutes=5)."
            )

    def measure(
        self,
        data: Iterable[Any] | Mapping[str, Any] | ProbeOutages,
        month: WindowLike,
        *,
        weights: Mapping[str, object] | None = None,
    ) -> SliceReport:
        """The month's uptime, measured as the contract defines it.

        Args:
            data: request counts (``basis="requests"``: rows or a table, as for
                :func:`slacalc.measure_requests`) or outages (``basis="outages"``: outages
                or a :class:`slacalc.ProbeOutages`).
            month: the billing cycle, e.g. ``calendar_month(2026, 3)``.
            weights: severity weights for outages.

        Returns:
            A :class:`slacalc.SliceReport`; its ``availability`` is the Monthly Uptime
            Percentage.

        Raises:
            InvalidOptionError: probes given where counts are needed.
            InvalidCountError, InvalidIntervalError, InvalidPeriodError: as
                :func:`slacalc.measure_timeslices` raises them.

        Examples:
            >>> import datetime as dt
            >>> from slacalc import calendar_month
            >>> from slacalc.credits import AWS_EC2_INSTANCE_HOURS
            >>> t = dt.datetime(2026, 3, 2, 10, tzinfo=dt.timezone.utc)
            >>> outages = [(t, t + dt.timedelta(minutes=7))]   # 7 minutes in one hour
            >>> AWS_EC2_INSTANCE_HOURS.measure(outages, calendar_month(2026, 3)).bad_slices
            1
        """
        if self.basis == "requests":
            if isinstance(data, ProbeOutages):
                raise InvalidOptionError(
                    f"{self.name} is measured on request counts, not probes; pass rows "
                    "(start, end, good, total)."
                )
            return measure_timeslices(
                data,
                month,
                slice=self.slice,
                threshold=self.threshold,
                min_requests=self.min_requests,
                method=self.method,
            )
        outages: Iterable[OutageLike]
        outages = data.outages if isinstance(data, ProbeOutages) else data  # type: ignore[assignment]
        return measure_timeslices(
            outages=outages,
            window=month,
            slice=self.slice,
            threshold=self.threshold,
            method=self.method,
            weights=weights,
        )

    def credit(
        self,
        data: Iterable[Any] | Mapping[str, Any] | ProbeOutages,
        month: WindowLike,
        fee: MoneyLike,
        *,
        weights: Mapping[str, object] | None = None,
    ) -> Decimal:
        """The credit owed for a month: :meth:`measure`, then the schedule.

        Args:
            data: as for :meth:`measure`.
            month: the billing cycle.
            fee: the charges the credit is a share of.
            weights: severity weights for outages.

        Returns:
            The credit, as :meth:`slacalc.CreditSchedule.credit` rounds it.

        Raises:
            InvalidOptionError: a measurement without a schedule.

        Examples:
            >>> import datetime as dt
            >>> from decimal import Decimal
            >>> from slacalc import calendar_month
            >>> from slacalc.credits import GCP_CLOUD_FUNCTIONS_2018_MEASURE
            >>> t = dt.datetime(2026, 3, 2, 10, tzinfo=dt.timezone.utc)
            >>> m = dt.timedelta(minutes=1)
            >>> bad = [(t + k * m, t + (k + 1) * m, 80, 100) for k in range(300)]
            >>> GCP_CLOUD_FUNCTIONS_2018_MEASURE.credit(bad, calendar_month(2026, 3), "200")
            Decimal('20.00')
        """
        if self.schedule is None:
            raise InvalidOptionError(
                f"{self.name} is a measurement without a credit schedule; use measure()."
            )
        report = self.measure(data, month, weights=weights)
        return self.schedule.credit(report.availability, fee)


_MINUTE = dt.timedelta(minutes=1)

AWS_S3_STANDARD_MEASURE = UptimeMeasure(
    name="AWS S3 Standard",
    basis="requests",
    slice=dt.timedelta(minutes=5),
    method="ratio_timeslices",
    schedule=AWS_S3_STANDARD,
    definition=(
        "Amazon S3 SLA (28 November 2023; the same in the 31 July 2019 and 1 October 2007 "
        "versions): the Error Rate is the internal server errors (InternalError or "
        "ServiceUnavailable) divided by the requests of each five-minute interval; the "
        "Monthly Uptime Percentage is 100 % minus the average of the Error Rates of every "
        "five-minute interval in the monthly billing cycle. An interval without requests "
        "counts at 0 %, as Azure Storage says outright (the S3 text is silent)."
    ),
)
"""S3's Monthly Uptime Percentage: 100 % minus the average five-minute error rate.

Count a request as bad when S3 answered InternalError or ServiceUnavailable (HTTP 500 or
503).

Examples:
    >>> import datetime as dt
    >>> from decimal import Decimal
    >>> from slacalc import calendar_month
    >>> from slacalc.credits import AWS_S3_STANDARD_MEASURE
    >>> t = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
    >>> five = dt.timedelta(minutes=5)
    >>> rows = [(t + k * five, t + (k + 1) * five, 98, 100) for k in range(8928)]  # 2 %
    >>> str(AWS_S3_STANDARD_MEASURE.measure(rows, calendar_month(2026, 3)).availability)
    '98%'
    >>> AWS_S3_STANDARD_MEASURE.credit(rows, calendar_month(2026, 3), Decimal("100"))
    Decimal('25.00')
"""

_EC2_MINUTES = (
    "Amazon Compute SLA (25 May 2022): the Monthly Uptime Percentage is 100 % minus the "
    "percentage of minutes during the month in which Amazon EC2 was in the state of "
    "{state}. A minute counts when the state holds during any part of it (the text "
    "counts minutes, not seconds; this reading favours the customer)."
)

AWS_EC2_REGION_LEVEL_MEASURE = UptimeMeasure(
    name="AWS EC2 region-level",
    basis="outages",
    slice=_MINUTE,
    method="timeslices",
    schedule=AWS_EC2_REGION_LEVEL,
    definition=_EC2_MINUTES.format(state="Region Unavailable"),
)
"""EC2 region-level: the minutes of the month in the state of Region Unavailable.

Examples:
    >>> from slacalc.credits import AWS_EC2_REGION_LEVEL_MEASURE
    >>> AWS_EC2_REGION_LEVEL_MEASURE.slice
    datetime.timedelta(seconds=60)
"""

AWS_EC2_INSTANCE_LEVEL_MEASURE = UptimeMeasure(
    name="AWS EC2 instance-level",
    basis="outages",
    slice=_MINUTE,
    method="timeslices",
    schedule=AWS_EC2_INSTANCE_LEVEL,
    definition=_EC2_MINUTES.format(state="Unavailability (no external connectivity)"),
)
"""EC2 single instance: the minutes of the month the instance had no external connectivity.

Examples:
    >>> from slacalc.credits import AWS_EC2_INSTANCE_LEVEL_MEASURE
    >>> str(AWS_EC2_INSTANCE_LEVEL_MEASURE.schedule.objective)
    '99.5%'
"""

AWS_EC2_INSTANCE_HOURS = UptimeMeasure(
    name="AWS EC2 instance-hours not charged",
    basis="outages",
    slice=dt.timedelta(hours=1),
    method="timeslices",
    threshold=Fraction(1, 10),
    definition=(
        "Amazon Compute SLA (25 May 2022): AWS will not charge you for any Single EC2 "
        "Instance that is Unavailable for more than six minutes of a clock hour; this "
        "applies automatically. More than six minutes of sixty is more than 10 %."
    ),
)
"""The clock hours an EC2 instance is not charged for: more than six minutes unavailable.

``measure(...).bad_starts`` lists those hours (of a window that starts on the hour).

Examples:
    >>> import datetime as dt
    >>> from slacalc import calendar_month
    >>> t = dt.datetime(2026, 3, 2, 10, 55, tzinfo=dt.timezone.utc)
    >>> outage = [(t, t + dt.timedelta(minutes=12))]       # 5 min, then 7 min
    >>> [h.hour for h in AWS_EC2_INSTANCE_HOURS.measure(outage, calendar_month(2026, 3)).bad_starts]
    [11]
"""

AZURE_VM_AVAILABILITY_ZONES_MEASURE = UptimeMeasure(
    name="Azure VMs in two or more Availability Zones",
    basis="outages",
    slice=_MINUTE,
    method="timeslices",
    schedule=AZURE_VM_AVAILABILITY_ZONES,
    definition=(
        "Microsoft Online Services Consolidated SLA (September 2026), Virtual Machines in "
        "Availability Zones: Downtime is the minutes of the Maximum Available Minutes that "
        "have no Virtual Machine Connectivity in the region; Uptime % = (Maximum Available "
        "Minutes - Downtime) / Maximum Available Minutes. Pass as the window the time two "
        "or more instances ran across two or more zones; a minute counts as Downtime when "
        "connectivity was lost during any part of it."
    ),
)
"""Azure VMs across Availability Zones: the minutes without connectivity in the region.

Examples:
    >>> from slacalc.credits import AZURE_VM_AVAILABILITY_ZONES_MEASURE
    >>> AZURE_VM_AVAILABILITY_ZONES_MEASURE.basis
    'outages'
"""

AZURE_STORAGE_HOT_MEASURE = UptimeMeasure(
    name="Azure Storage, Hot tier",
    basis="requests",
    slice=dt.timedelta(hours=1),
    method="ratio_timeslices",
    schedule=AZURE_STORAGE_HOT,
    definition=(
        "Microsoft Online Services Consolidated SLA (September 2026), Storage: the Error "
        "Rate of each one-hour interval is the Failed Transactions over the Total "
        "Transactions (0 % when there were none); the Average Error Rate is the sum of the "
        "hourly Error Rates over the hours in the billing month; Uptime % = 100 % - Average "
        "Error Rate. Count a transaction as failed when it errs or exceeds its Maximum "
        "Processing Time (e.g. 2 s x MB for PutBlob and GetBlob)."
    ),
)
"""Azure Storage: 100 % minus the average of the hourly error rates (empty hours at 0 %).

Examples:
    >>> import datetime as dt
    >>> from slacalc import calendar_month
    >>> from slacalc.credits import AZURE_STORAGE_HOT_MEASURE
    >>> t = dt.datetime(2026, 4, 1, tzinfo=dt.timezone.utc)
    >>> h = dt.timedelta(hours=1)
    >>> rows = [(t, t + h, 0, 36)]                   # one hour all failed, 719 empty hours
    >>> AZURE_STORAGE_HOT_MEASURE.measure(rows, calendar_month(2026, 4)).availability.fraction
    Fraction(719, 720)
"""

GCP_CLOUD_FUNCTIONS_2018_MEASURE = UptimeMeasure(
    name="Google Cloud Functions (2018)",
    basis="requests",
    slice=_MINUTE,
    method="timeslices",
    threshold=Fraction(1, 10),
    min_requests=100,
    schedule=GCP_CLOUD_FUNCTIONS_2018,
    definition=(
        "Google Cloud Functions SLA (6 April 2018): Downtime is more than a ten percent "
        "Error Rate; the Error Rate is Failed Executions over Attempted Executions in a "
        "one-minute period, subject to a minimum of 100 Attempted Executions; the Monthly "
        "Uptime Percentage is the minutes in the month minus the minutes of Downtime, "
        "over the minutes in the month. A minute with fewer than 100 executions is not "
        "Downtime."
    ),
)
"""Google Cloud Functions (2018): minutes with more than a 10 % error rate (>= 100 calls).

Examples:
    >>> from slacalc.credits import GCP_CLOUD_FUNCTIONS_2018_MEASURE
    >>> GCP_CLOUD_FUNCTIONS_2018_MEASURE.threshold, GCP_CLOUD_FUNCTIONS_2018_MEASURE.min_requests
    (Fraction(1, 10), 100)
"""
