"""Golden cases for the SLIs and the contracts' own measurements, one row per case.

Each row names where its expectation comes from: OpenSLO's worked examples
(github.com/OpenSLO/OpenSLO, examples/treat-low-traffic-as-equally-important/README.md
and examples/budgeting-method/README.md), Grafana's time-based SLI example, or a cloud
SLA's definition with the arithmetic written next to the row. Every cloud measurement in
``slacalc.credits`` has rows here: S3 (five-minute error rates), Google Cloud Functions
(minutes above an error rate), Azure Storage (hourly error rates), Azure VMs in zones
(minutes without connectivity), EC2 region- and instance-level minutes, and EC2
instance-hours.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from slacalc import calendar_month, measure_requests, measure_timeslices, probe_outages
from slacalc.credits import (
    AWS_EC2_INSTANCE_HOURS,
    AWS_EC2_INSTANCE_LEVEL_MEASURE,
    AWS_EC2_REGION_LEVEL_MEASURE,
    AWS_S3_STANDARD_MEASURE,
    AZURE_STORAGE_HOT_MEASURE,
    AZURE_VM_AVAILABILITY_ZONES_MEASURE,
    GCP_CLOUD_FUNCTIONS_2018_MEASURE,
)

UTC = dt.UTC
M = dt.timedelta(minutes=1)
WEEK_START = dt.datetime(2026, 3, 2, tzinfo=UTC)  # a Monday


def minutes(n: int, *, bad: int, bad_row: tuple[int, int], good_row: tuple[int, int]) -> list[Any]:
    """``n`` one-minute count rows from WEEK_START, the first ``bad`` of them failing."""
    rows = []
    for k in range(n):
        good, total = bad_row if k < bad else good_row
        rows.append((WEEK_START + k * M, WEEK_START + (k + 1) * M, good, total))
    return rows


def openslo_low_traffic(bad: int) -> Fraction:
    """1 week, 1-minute slices, timeSliceTarget 95 %: a minute with 5 of 99 failing is bad."""
    week = (WEEK_START, WEEK_START + 10080 * M)
    rows = minutes(10080, bad=bad, bad_row=(94, 99), good_row=(99, 99))
    return measure_timeslices(rows, week, slice="1m", threshold="5%").availability.fraction


def openslo_ddos(method: str, attack: int) -> Fraction:
    """2 weeks rolling, 1-minute slices; 99 % success normally, 1 % under attack."""
    window = (WEEK_START, WEEK_START + 20160 * M)
    rows = minutes(20160, bad=attack, bad_row=(1, 100), good_row=(99, 100))
    report = measure_timeslices(
        rows,
        window,
        slice="1m",
        threshold="5%",
        method=method,  # type: ignore[arg-type]
    )
    return report.availability.fraction


def s3_month(rate_rows: list[tuple[int, int, int]]) -> Any:
    """March 2026 (8928 five-minute intervals): rows (interval, good, total)."""
    t = dt.datetime(2026, 3, 1, tzinfo=UTC)
    five = 5 * M
    rows = [(t + k * five, t + (k + 1) * five, g, n) for k, g, n in rate_rows]
    return AWS_S3_STANDARD_MEASURE.measure(rows, calendar_month(2026, 3))


def grafana(method: str) -> Fraction:
    """Five intervals with good/total 10/10, 10/10, 10/10, 10/10 and 20/40."""
    rows = [
        (WEEK_START + k * M, WEEK_START + (k + 1) * M, g, n)
        for k, (g, n) in enumerate([(10, 10)] * 4 + [(20, 40)])
    ]
    five = (WEEK_START, WEEK_START + 5 * M)
    if method == "occurrences":
        return measure_requests(rows, five).availability.fraction
    report = measure_timeslices(rows, five, slice="1m", method="ratio_timeslices")
    return report.availability.fraction


def ec2_instance_probed(down_minutes: int) -> Decimal:
    """A single instance checked every minute of March, failing ``down_minutes`` in a row."""
    t = dt.datetime(2026, 3, 10, 9, tzinfo=UTC)
    rows = [(t + k * M, k >= down_minutes) for k in range(down_minutes + 5)]
    found = probe_outages(rows, interval="1m")
    return AWS_EC2_INSTANCE_LEVEL_MEASURE.credit(found, calendar_month(2026, 3), Decimal("200"))


def azure_zones(window: Any, start: dt.datetime, length: dt.timedelta) -> Any:
    """Azure VMs across zones without connectivity from ``start`` for ``length``."""
    return AZURE_VM_AVAILABILITY_ZONES_MEASURE.measure([(start, start + length)], window)


APRIL_10 = dt.datetime(2026, 4, 10, 10, tzinfo=UTC)
FROM_APRIL_15 = (dt.datetime(2026, 4, 15, tzinfo=UTC), dt.datetime(2026, 5, 1, tzinfo=UTC))

CASES: list[tuple[str, Callable[[], object], object, str]] = [
    (
        "grafana-event-based-sli-is-75-percent",
        lambda: grafana("occurrences"),
        Fraction(3, 4),
        "Grafana SLO docs, 'Time-based SLI examples': five intervals 10/10 x 4 and 20/40 give "
        "an event-based SLI of 60/80 = 75 % (OpenSLO Occurrences)",
    ),
    (
        "grafana-time-based-sli-is-90-percent",
        lambda: grafana("ratio_timeslices"),
        Fraction(9, 10),
        "Grafana SLO docs, 'Time-based SLI examples': the same intervals give a time-based "
        "SLI of 4.5/5 = 90 % (OpenSLO RatioTimeslices, the mean of the interval ratios)",
    ),
    (
        "openslo-low-traffic-5-bad-minutes-meet-99.95",
        lambda: openslo_low_traffic(5) >= Fraction(9995, 10000),
        True,
        "OpenSLO treat-low-traffic example: 10 080 minutes, budget (100 % - 99.95 %) x 10 080 "
        "= 5 min 2.4 s; 5 bad minutes: 10 075 / 10 080 = 99.9504 %",
    ),
    (
        "openslo-low-traffic-6-bad-minutes-violate",
        lambda: openslo_low_traffic(6) >= Fraction(9995, 10000),
        False,
        "OpenSLO treat-low-traffic example: 'having over five incidents like that during "
        "one Timewindow will violate SLO'; 10 074 / 10 080 = 99.9405 %",
    ),
    (
        "openslo-low-traffic-bad-minute",
        lambda: openslo_low_traffic(1),
        Fraction(10079, 10080),
        "OpenSLO treat-low-traffic example: 5 failures of fewer than 100 requests mark the "
        "minute bad under a 95 % timeslice target (94/99 < 95 %)",
    ),
    (
        "openslo-ddos-timeslices-16h48m-burns-the-budget",
        lambda: openslo_ddos("timeslices", 1008),
        Fraction(95, 100),
        "OpenSLO budgeting-method example: 20 160 slices in two weeks, objective 95 %: the "
        "budget is 5 % x 20 160 = 1008 bad minutes = 16 h 48 min",
    ),
    (
        "openslo-ddos-timeslices-one-more-minute",
        lambda: openslo_ddos("timeslices", 1009) < Fraction(95, 100),
        True,
        "OpenSLO budgeting-method example, one minute past 16 h 48 min",
    ),
    (
        "openslo-ddos-ratio-timeslices-822-minutes-still-meet",
        lambda: openslo_ddos("ratio_timeslices", 822) >= Fraction(95, 100),
        True,
        "OpenSLO budgeting-method example, 'about 13 hours and 45 minutes': the mean of "
        "0.99 and 0.01 slices reaches 95 % at x = 0.04 x 20 160 / 0.98 = 822.86 minutes "
        "(13 h 42 min 51 s); 822 minutes give 0.950061",
    ),
    (
        "openslo-ddos-ratio-timeslices-823-minutes-burn",
        lambda: openslo_ddos("ratio_timeslices", 823) < Fraction(95, 100),
        True,
        "OpenSLO budgeting-method example: 823 minutes give 0.949993",
    ),
    (
        "s3-two-percent-every-interval-is-98-percent",
        lambda: str(s3_month([(k, 98, 100) for k in range(8928)]).availability),
        "98%",
        "Amazon S3 SLA: 100 % minus the average of the five-minute Error Rates; 2 % in each "
        "of 8928 intervals of March",
    ),
    (
        "s3-98-percent-credits-25-of-100-dollars",
        lambda: AWS_S3_STANDARD_MEASURE.credit(
            [
                (
                    dt.datetime(2026, 3, 1, tzinfo=UTC) + k * 5 * M,
                    dt.datetime(2026, 3, 1, tzinfo=UTC) + (k + 1) * 5 * M,
                    98,
                    100,
                )
                for k in range(8928)
            ],
            calendar_month(2026, 3),
            Decimal("100"),
        ),
        Decimal("25.00"),
        "Amazon S3 SLA tiers: < 99.0 % and >= 95.0 % -> 25 % of the charges; US$100 at 98 % "
        "is a US$25 credit",
    ),
    (
        "s3-one-failed-request-weighs-a-whole-interval",
        lambda: s3_month([(0, 0, 1), (1, 100000, 100000)]).availability.fraction,
        1 - Fraction(1, 8928),
        "Amazon S3 SLA: an unweighted average of interval Error Rates; the lone failed "
        "request makes its interval 100 %, 1/8928 of the month",
    ),
    (
        "gcp-functions-exactly-ten-percent-is-not-downtime",
        lambda: (
            GCP_CLOUD_FUNCTIONS_2018_MEASURE.measure(
                [(WEEK_START, WEEK_START + M, 90, 100)], calendar_month(2026, 3)
            ).bad_slices
        ),
        0,
        "Google Cloud Functions SLA 2018: Downtime is 'more than a ten percent Error Rate'",
    ),
    (
        "gcp-functions-fewer-than-100-executions-not-judged",
        lambda: (
            GCP_CLOUD_FUNCTIONS_2018_MEASURE.measure(
                [(WEEK_START, WEEK_START + M, 0, 99)], calendar_month(2026, 3)
            ).bad_slices
        ),
        0,
        "Google Cloud Functions SLA 2018: 'subject to a minimum of 100 attempted executions'",
    ),
    (
        "gcp-functions-224-bad-minutes-of-44640-earn-10-percent",
        lambda: GCP_CLOUD_FUNCTIONS_2018_MEASURE.credit(
            [(WEEK_START + k * M, WEEK_START + (k + 1) * M, 89, 100) for k in range(224)],
            calendar_month(2026, 3),
            Decimal("1000"),
        ),
        Decimal("100.00"),
        "Google Cloud Functions SLA 2018: (44 640 - 224) / 44 640 = 99.498 % < 99.5 % -> 10 %; "
        "223 minutes would give 99.50045 %",
    ),
    (
        "gcp-functions-223-bad-minutes-earn-nothing",
        lambda: GCP_CLOUD_FUNCTIONS_2018_MEASURE.credit(
            [(WEEK_START + k * M, WEEK_START + (k + 1) * M, 89, 100) for k in range(223)],
            calendar_month(2026, 3),
            Decimal("1000"),
        ),
        Decimal("0.00"),
        "Google Cloud Functions SLA 2018: (44 640 - 223) / 44 640 = 99.50045 % >= 99.5 %",
    ),
    (
        "azure-storage-one-failed-hour-of-april",
        lambda: AZURE_STORAGE_HOT_MEASURE.credit(
            [
                (
                    dt.datetime(2026, 4, 1, 3, tzinfo=UTC),
                    dt.datetime(2026, 4, 1, 4, tzinfo=UTC),
                    0,
                    10,
                )
            ],
            calendar_month(2026, 4),
            Decimal("500"),
        ),
        Decimal("50.00"),
        "Microsoft Consolidated SLA, Storage: hours without transactions at 0 %; the average "
        "over 720 hours is 1/720, uptime 99.861 % < 99.9 % -> 10 %",
    ),
    (
        "ec2-six-minutes-of-an-hour-are-charged",
        lambda: (
            AWS_EC2_INSTANCE_HOURS.measure(
                [(WEEK_START, WEEK_START + 6 * M)], calendar_month(2026, 3)
            ).bad_slices
        ),
        0,
        "Amazon Compute SLA 2022: no charge when Unavailable 'for more than six minutes of a "
        "clock hour'; six minutes is not more than six",
    ),
    (
        "ec2-six-minutes-and-a-second-are-not-charged",
        lambda: (
            AWS_EC2_INSTANCE_HOURS.measure(
                [(WEEK_START, WEEK_START + 6 * M + dt.timedelta(seconds=1))],
                calendar_month(2026, 3),
            ).bad_slices
        ),
        1,
        "Amazon Compute SLA 2022: more than six minutes of the clock hour",
    ),
    (
        "ec2-minutes-touched-flip-the-tier",
        lambda: (
            AWS_EC2_REGION_LEVEL_MEASURE.measure(
                [
                    (
                        dt.datetime(2026, 2, 10, 12, tzinfo=UTC),
                        dt.datetime(2026, 2, 10, 12, 40, 19, 200000, tzinfo=UTC),
                    )
                ],
                calendar_month(2026, 2),
            ).availability.fraction
        ),
        Fraction(40320 - 41, 40320),
        "Amazon Compute SLA 2022: minutes in the state of Unavailability; 40.32 minutes of "
        "downtime (exactly 99.9 % of February in continuous time) touch 41 minutes",
    ),
    (
        "ec2-instance-223-minutes-of-march-keep-99.5",
        lambda: ec2_instance_probed(223),
        Decimal("0.00"),
        "Amazon Compute SLA 2022, Instance-Level: 100 % minus the percentage of minutes of "
        "Unavailability; March has 44 640 minutes, (44 640 - 223) / 44 640 = 99.50045 % is "
        "not below 99.5 %",
    ),
    (
        "ec2-instance-224-minutes-of-march-earn-10-percent",
        lambda: ec2_instance_probed(224),
        Decimal("20.00"),
        "Amazon Compute SLA 2022, Instance-Level: (44 640 - 224) / 44 640 = 99.49821 %, "
        "below 99.5 % and not below 99.0 % -> 10 % of US$200",
    ),
    (
        "azure-zones-partial-minutes-count-whole",
        lambda: (
            azure_zones(
                calendar_month(2026, 4), APRIL_10 + dt.timedelta(seconds=30), 4 * M
            ).availability.fraction
        ),
        Fraction(43200 - 5, 43200),
        "Microsoft Consolidated SLA, VMs in Availability Zones: Downtime is the minutes "
        "without Virtual Machine Connectivity; 10:00:30-10:04:30 touches 5 of April's "
        "43 200 Maximum Available Minutes: 99.98843 %",
    ),
    (
        "azure-zones-maximum-available-minutes-are-the-window",
        lambda: AZURE_VM_AVAILABILITY_ZONES_MEASURE.schedule.credit_percent(  # type: ignore[union-attr]
            azure_zones(FROM_APRIL_15, APRIL_10 + 5 * 24 * 60 * M, 3 * M).availability
        ),
        Decimal("10"),
        "Microsoft Consolidated SLA, VMs in Availability Zones: Maximum Available Minutes "
        "count from when two instances run in two zones; from 15 April, 23 040 minutes: "
        "(23 040 - 3) / 23 040 = 99.98698 % < 99.99 % -> 10 % (over the whole month "
        "99.99306 %, no credit)",
    ),
    (
        "azure-zones-three-minutes-of-the-whole-month-earn-nothing",
        lambda: AZURE_VM_AVAILABILITY_ZONES_MEASURE.credit(
            [(APRIL_10, APRIL_10 + 3 * M)], calendar_month(2026, 4), Decimal("300")
        ),
        Decimal("0.00"),
        "Microsoft Consolidated SLA, VMs in Availability Zones: (43 200 - 3) / 43 200 = "
        "99.99306 % is not below 99.99 %",
    ),
]


@pytest.mark.parametrize(
    ("case", "compute", "expected", "source"), CASES, ids=[c[0] for c in CASES]
)
def test_golden(case: str, compute: Callable[[], object], expected: object, source: str) -> None:
    assert compute() == expected, f"{case}: {source}"


def test_every_cloud_measurement_has_golden_rows() -> None:
    import slacalc.credits

    measures = [
        name
        for name in slacalc.credits.__all__
        if isinstance(getattr(slacalc.credits, name), slacalc.credits.UptimeMeasure)
    ]
    this_file = Path(__file__).read_text(encoding="utf-8")
    assert measures
    untested = [
        m for m in measures if f"{m}.measure(" not in this_file and f"{m}.credit(" not in this_file
    ]
    assert untested == []
