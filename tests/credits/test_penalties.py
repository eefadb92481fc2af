"""Per-ticket penalties for missed response and resolution targets (hand computations)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from slacalc import (
    CreditSchedule,
    InvalidCreditScheduleError,
    InvalidDurationError,
    InvalidMoneyError,
    InvalidOptionError,
    NumberTypeError,
    TicketPenalty,
)

FEE = Decimal("300.00")


def test_percent_per_started_hour_late() -> None:
    # "10 % per hour over SLA, no grace period, no maximum cap": a service marketplace's
    # contract terms; by hand: 2h5m late is 3 started hours, 3 x 10 % of 300.00 = 90.00.
    penalty = TicketPenalty(per_late="10%", late_unit="1h")
    assert penalty.penalty("2h5m", fee=FEE) == Decimal("90.00")  # 3 started hours
    assert penalty.penalty("2h", fee=FEE) == Decimal("60.00")
    assert penalty.penalty("1s", fee=FEE) == Decimal("30.00")
    assert penalty.penalty("0s", fee=FEE) == Decimal("0.00")
    assert penalty.penalty("-5m", fee=FEE) == Decimal("0.00")  # met the target
    assert penalty.penalty(None, fee=FEE) == Decimal("0.00")


def test_partial_units() -> None:
    late = dt.timedelta(hours=2, minutes=5)
    prorate = TicketPenalty(per_late="10%", partial_unit="prorate")
    ignore = TicketPenalty(per_late="10%", partial_unit="ignore")
    assert prorate.penalty(late, fee=FEE) == Decimal("62.50")  # 25/12 h x 30
    assert ignore.penalty(late, fee=FEE) == Decimal("60.00")


def test_flat_amounts_grace_and_combination() -> None:
    penalty = TicketPenalty(
        per_breach=Decimal("50"), per_late=Decimal("20"), late_unit="30m", grace="15m"
    )
    assert penalty.penalty("15m") == Decimal("0.00")  # within grace
    assert penalty.penalty("16m") == Decimal("70.00")  # 1 m past grace: 1 unit
    assert penalty.penalty("1h16m") == Decimal("110.00")  # 61 m past grace: 3 units
    assert penalty.per_breach_amount == 50
    assert penalty.per_late_amount == 20
    assert penalty.grace == dt.timedelta(minutes=15)
    with pytest.raises(dataclasses.FrozenInstanceError):
        penalty.grace = dt.timedelta(0)  # type: ignore[misc]


def test_totals_are_capped_and_rounded_once() -> None:
    p = TicketPenalty(per_breach="2%", cap="10%")
    lateness = ["5m", None, "1h", "3h", "1m", "2m", "9m"]
    assert p.total(lateness, fee=Decimal("1000")) == Decimal("100.00")  # 6 x 20, capped
    assert p.total(lateness[:3], fee=Decimal("1000")) == Decimal("40.00")
    # Three breaches of 1/3 of a cent each: 1 cent, not 3 x 0.00.
    thirds = TicketPenalty(per_breach="1%")
    assert thirds.total(["1m"] * 3, fee=Decimal("0.333")) == Decimal("0.01")
    assert thirds.penalty("1m", fee=Decimal("0.333")) == Decimal("0.00")
    amount_cap = TicketPenalty(per_breach=Decimal("25"), cap=Decimal("60"))
    assert amount_cap.total(["1m"] * 5) == Decimal("60.00")
    assert amount_cap.penalty("1m") == Decimal("25.00")


def test_breach_rate_tiers_are_a_credit_schedule() -> None:
    # "fewer than 95 % of P1 tickets answered in time: 5 %; fewer than 90 %: 10 %"
    met_rate = CreditSchedule([("95%", "5%"), ("90%", "10%")])
    assert met_rate.credit(Fraction(19, 20), fee=Decimal("1000")) == Decimal("0.00")
    assert met_rate.credit(Fraction(18, 20), fee=Decimal("1000")) == Decimal("50.00")
    assert met_rate.credit(Fraction(17, 20), fee=Decimal("1000")) == Decimal("100.00")


def test_errors() -> None:
    with pytest.raises(InvalidCreditScheduleError, match=r"needs per_breach= or per_late="):
        TicketPenalty()
    with pytest.raises(InvalidDurationError, match=r"late_unit='0s' is not longer than zero"):
        TicketPenalty(per_late="1%", late_unit="0s")
    with pytest.raises(InvalidDurationError, match=r"grace='-1m' is negative"):
        TicketPenalty(per_late="1%", grace="-1m")
    with pytest.raises(InvalidOptionError, match=r"Unknown partial_unit 'round'"):
        TicketPenalty(per_late="1%", partial_unit="round")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match=r"Unknown rounding 'nearest'"):
        TicketPenalty(per_late="1%", rounding="nearest")  # type: ignore[arg-type]
    with pytest.raises(InvalidCreditScheduleError, match=r"quantum=0.01 is not a positive"):
        TicketPenalty(per_late="1%", quantum=0.01)  # type: ignore[arg-type]
    with pytest.raises(InvalidMoneyError, match=r"'-1' is negative"):
        TicketPenalty(per_breach="-1")
    with pytest.raises(NumberTypeError, match=r"5.0 is a binary float"):
        TicketPenalty(per_breach=5.0)  # type: ignore[arg-type]
    with pytest.raises(InvalidCreditScheduleError, match=r"'120%' is out of range"):
        TicketPenalty(per_breach="120%")
    p = TicketPenalty(per_breach="5%")
    with pytest.raises(InvalidOptionError, match=r"This penalty is a percent of the fee; pass"):
        p.penalty("1h")
    with pytest.raises(InvalidOptionError, match=r"pass fee="):
        TicketPenalty(per_breach=Decimal("5"), cap="10%").total(["1h"])
    with pytest.raises(InvalidMoneyError, match=r"'x' is not an amount of money"):
        p.penalty("1h", fee="x")
    with pytest.raises(InvalidDurationError, match=r"'late' is not a duration"):
        p.penalty("late", fee=FEE)
