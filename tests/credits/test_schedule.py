"""Credit schedules: inclusive lower bounds, caps, minimums, exact money."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from slacalc import (
    Availability,
    CreditSchedule,
    CreditTier,
    InvalidCreditScheduleError,
    InvalidMoneyError,
    InvalidOptionError,
    InvalidTargetError,
    NotAnIntervalError,
    NumberTypeError,
    availability,
    calendar_month,
    measure_availability,
)

UTC = dt.UTC
S3_LIKE = CreditSchedule([("99.9%", "10%"), ("99%", "25%"), ("95%", "100%")])


@pytest.mark.parametrize(
    ("measured", "percent"),
    [
        ("100%", 0),
        ("99.95%", 0),
        ("99.9%", 0),  # exactly the promise: no credit ("less than 99.9 %")
        ("99.8999%", 10),
        ("99.0%", 10),  # "less than 99.9 % but equal to or greater than 99.0 %"
        ("98.9999%", 25),
        ("95%", 25),
        ("94.9999%", 100),
        ("0%", 100),
    ],
)
def test_tier_boundaries(measured: str, percent: int) -> None:
    assert S3_LIKE.credit_percent(measured) == percent


def test_the_28_day_month_with_40_32_minutes_earns_nothing() -> None:
    # Issue 3: (40320 - 40.32) / 40320 is exactly 99.9 %; floats say
    # 0.999 >= 99.9/100 is False and would grant 10 %.
    feb = calendar_month(2026, 2)
    start = dt.datetime(2026, 2, 10, 12, tzinfo=UTC)
    down = dt.timedelta(minutes=40, seconds=19, milliseconds=200)
    report = measure_availability([(start, start + down)], feb, target="99.9%")
    assert report.availability == "99.9%"
    assert S3_LIKE.credit(report, fee=Decimal("500.00")) == Decimal("0.00")
    assert S3_LIKE.credit(report.availability, fee=Decimal("500.00")) == Decimal("0.00")
    assert (40320 - 40.32) / 40320 < 99.9 / 100  # the float trap, for the record
    one_more = measure_availability([(start, start + down + dt.timedelta(microseconds=1))], feb)
    assert S3_LIKE.credit(one_more, fee=Decimal("500.00")) == Decimal("50.00")


def test_29_day_month_at_99_5_percent() -> None:
    # 208.8 min of 41 760 in a 29-day month is exactly 99.5 % (floats: 0.99499999...).
    instance = CreditSchedule([("99.5%", "10%"), ("99.0%", "30%"), ("95.0%", "100%")])
    exact = availability(dt.timedelta(minutes=208, seconds=48), calendar_month(2024, 2))
    assert instance.credit_percent(exact) == 0


def test_rounded_display_does_not_hide_a_credit() -> None:
    # 99.98996 % shows as 99.99 % when rounded, but a "< 99.99 %" tier applies (the providers
    # compare the unrounded uptime, e.g. the AWS Compute SLA's "less than 99.99 %").
    region = CreditSchedule([("99.99%", "10%"), ("99.0%", "30%"), ("95.0%", "100%")])
    assert region.credit_percent("99.98996%") == 10


def test_credit_money() -> None:
    assert S3_LIKE.credit("98.5%", fee=Decimal("500.00")) == Decimal("125.00")
    assert S3_LIKE.credit("98.5%", fee="500") == Decimal("125.00")
    assert S3_LIKE.credit("98.5%", fee=500) == Decimal("125.00")
    assert S3_LIKE.credit("90%", fee=Decimal("123.45")) == Decimal("123.45")
    assert S3_LIKE.credit("99.5%", fee=Decimal("0")) == Decimal("0.00")
    # 10 % of 0.05 is 0.005: half_up gives 0.01, half_even 0.00, floor 0.00.
    assert S3_LIKE.credit("99.5%", fee=Decimal("0.05")) == Decimal("0.01")
    even = CreditSchedule([("99.9%", "10%")], rounding="half_even")
    assert even.credit("99.5%", fee=Decimal("0.05")) == Decimal("0.00")
    assert even.credit("99.5%", fee=Decimal("0.15")) == Decimal("0.02")
    whole = CreditSchedule([("99.9%", "10%")], quantum=Decimal("1"))
    assert whole.credit("99.5%", fee=Decimal("1234.56")) == Decimal("123")
    assert str(whole.credit("99.5%", fee=Decimal("0"))) == "0"


def test_caps() -> None:
    # The older GCP template: tiers 10 / 25 / 50 % and "will not exceed 50 % of the amount due".
    capped = CreditSchedule([("99.99%", "10%"), ("99%", "25%"), ("95%", "100%")], cap="50%")
    assert capped.credit("90%", fee=Decimal("1000")) == Decimal("500.00")
    assert capped.credit("98%", fee=Decimal("1000")) == Decimal("250.00")
    amount = CreditSchedule([("99.9%", "10%"), ("99%", "25%")], cap=Decimal("100.00"))
    assert amount.credit("98%", fee=Decimal("1000")) == Decimal("100.00")
    assert amount.credit("99.5%", fee=Decimal("500")) == Decimal("50.00")
    assert amount.cap_amount == Decimal("100.00")
    assert amount.cap_share is None
    assert capped.cap_share == Fraction(1, 2)
    assert capped.cap_amount is None


def test_minimum() -> None:
    # AWS: issued only if greater than $1 (at cent precision: at least $1.01).
    aws = CreditSchedule([("99.99%", "10%")], minimum=Decimal("1.01"))
    assert aws.credit("99.9%", fee=Decimal("9.99")) == Decimal("0.00")  # 0.999 -> 1.00
    assert aws.credit("99.9%", fee=Decimal("10.10")) == Decimal("1.01")
    assert aws.credit("99.9%", fee=Decimal("10.04")) == Decimal("0.00")  # 1.004 -> 1.00


def test_agency_example() -> None:
    # ektasi.io (5 Sep 2025): < 99.9 % -> 5 %, < 99.5 % -> 10 %, < 99.0 % -> 15 % of the fee.
    agency = CreditSchedule([("99.0%", "15%"), ("99.9%", "5%"), ("99.5%", "10%")])
    fee = Decimal("2400.00")
    assert [agency.credit(a, fee=fee) for a in ("99.9%", "99.7%", "99.5%", "99.2%", "98%")] == [
        Decimal("0.00"),
        Decimal("120.00"),
        Decimal("120.00"),
        Decimal("240.00"),
        Decimal("360.00"),  # exactly 99.5 % is in the 5 % band ("... to >= 99.5 %")
    ]


def test_schedule_introspection() -> None:
    assert S3_LIKE.objective == "99.9%"
    assert [str(t.below) for t in S3_LIKE.tiers] == ["99.9%", "99%", "95%"]
    assert [t.credit_percent for t in S3_LIKE.tiers] == [10, 25, 100]
    assert S3_LIKE.tier_for("99.95%") is None
    assert S3_LIKE.tier_for("96%") == CreditTier(Availability.from_target("99%"), Fraction(1, 4))
    mixed = CreditSchedule(
        [CreditTier(Availability.from_target("99%"), Fraction(1, 3))], name="thirds", source="hand"
    )
    assert mixed.credit_percent("98%") == Decimal("33.333333333333333333333333333333")
    assert mixed.credit("98%", fee=Decimal("100")) == Decimal("33.33")
    assert (mixed.name, mixed.source) == ("thirds", "hand")
    with pytest.raises(dataclasses.FrozenInstanceError):
        S3_LIKE.minimum = Decimal(1)  # type: ignore[misc]


# --- Error paths ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("tiers", "kwargs", "error", "message"),
    [
        ([], {}, InvalidCreditScheduleError, r"needs at least one tier"),
        (
            [("99.9%", "10%"), ("99.9%", "20%")],
            {},
            InvalidCreditScheduleError,
            r"Two tiers start below 99.9%",
        ),
        (
            [("99.9%", "25%"), ("99%", "10%")],
            {},
            InvalidCreditScheduleError,
            r"The tier below 99% credits 10%, less than the tier below 99.9% \(25%\)",
        ),
        ([("0%", "10%")], {}, InvalidCreditScheduleError, r"A tier starts below 0%"),
        ([("99.9%", "10")], {}, InvalidCreditScheduleError, r"'10' is ambiguous.*write '10%'"),
        ([("99.9%", "110%")], {}, InvalidCreditScheduleError, r"'110%' is out of range"),
        ([("99.9%", 0.1)], {}, NumberTypeError, r"0.1 is a binary float"),
        ([("99.9", "10%")], {}, InvalidTargetError, r"'99.9' is ambiguous"),
        (["99.9%"], {}, NotAnIntervalError, r"'99.9%' is not a credit tier"),
        (
            [("99.9%", "10%")],
            {"cap": Fraction(1, 2)},
            NumberTypeError,
            r"cap=Fraction\(1, 2\) is ambiguous",
        ),
        ([("99.9%", "10%")], {"cap": "150%"}, InvalidCreditScheduleError, r"'150%' is out of"),
        ([("99.9%", "10%")], {"cap": "-5"}, InvalidMoneyError, r"'-5' is negative"),
        (
            [("99.9%", "10%")],
            {"cap": 2.5},
            NumberTypeError,
            r"2.5 is a binary float, which is "
            r"never used for money",
        ),
        (
            [("99.9%", "10%")],
            {"minimum": "one dollar"},
            InvalidMoneyError,
            r"'one dollar' is not an amount of money",
        ),
        (
            [("99.9%", "10%")],
            {"rounding": "bankers"},
            InvalidOptionError,
            r"Unknown rounding 'bankers'",
        ),
        (
            [("99.9%", "10%")],
            {"quantum": "0.01"},
            InvalidCreditScheduleError,
            r"quantum='0.01' is not a positive Decimal step",
        ),
        (
            [("99.9%", "10%")],
            {"quantum": Decimal("0")},
            InvalidCreditScheduleError,
            r"is not a positive Decimal step",
        ),
    ],
)
def test_bad_schedules(
    tiers: list[object], kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        CreditSchedule(tiers, **kwargs)  # type: ignore[arg-type]


def test_bad_credit_inputs() -> None:
    with pytest.raises(InvalidMoneyError, match=r"'-500' is negative; pass the fee as"):
        S3_LIKE.credit("99.5%", fee="-500")
    with pytest.raises(InvalidMoneyError, match=r"Decimal\('NaN'\) is not a finite amount"):
        S3_LIKE.credit("99.5%", fee=Decimal("NaN"))
    with pytest.raises(NumberTypeError, match=r"500.0 is a binary float, which is never used"):
        S3_LIKE.credit("99.5%", fee=500.0)  # type: ignore[arg-type]
    with pytest.raises(NumberTypeError, match=r"None is a NoneType, not an amount of money"):
        S3_LIKE.credit("99.5%", fee=None)  # type: ignore[arg-type]
    with pytest.raises(NumberTypeError, match=r"0.995 is a binary float"):
        S3_LIKE.credit(0.995, fee=Decimal("1"))  # type: ignore[arg-type]
    with pytest.raises(InvalidTargetError, match=r"'99.5' is ambiguous"):
        S3_LIKE.credit_percent("99.5")
