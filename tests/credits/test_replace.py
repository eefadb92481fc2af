"""Credit schedules and ticket penalties change with replace(), checked like new ones."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from slacalc import (
    CreditSchedule,
    InvalidCreditScheduleError,
    InvalidOptionError,
    TicketPenalty,
)

AGENCY = CreditSchedule([("99.9%", "5%"), ("99.5%", "10%"), ("99%", "15%")], cap="10%")


def test_schedule_replace_keeps_what_is_not_changed() -> None:
    uncapped = AGENCY.replace(cap=None)
    assert uncapped.cap_share is None
    assert uncapped.tiers == AGENCY.tiers
    # 98 % is below 99 %: 15 %, capped at 10 % before, uncapped now.
    assert AGENCY.credit("98%", fee=Decimal("500.00")) == Decimal("50.00")
    assert uncapped.credit("98%", fee=Decimal("500.00")) == Decimal("75.00")
    named = AGENCY.replace(name="agency")
    assert named.name == "agency"
    assert named.cap_share == Fraction(1, 10)


def test_schedule_replace_checks_like_a_new_schedule() -> None:
    with pytest.raises(InvalidCreditScheduleError, match="at least one tier"):
        AGENCY.replace(tiers=[])
    with pytest.raises(InvalidOptionError, match="'fee'"):
        AGENCY.replace(fee="500")


def test_penalty_replace() -> None:
    penalty = TicketPenalty(per_breach=Decimal("20.00"), per_late="10%", cap="30%")
    flat = penalty.replace(per_late=None)
    assert flat.per_breach_amount == 20
    assert flat.per_late_share == 0
    assert flat.cap_share == Fraction(3, 10)
    # 10 % an hour, 2 h 5 min late counts 3 started hours: 30 % of 300.00; half-hours: 5.
    hourly = TicketPenalty(per_late="10%", late_unit="1h")
    assert hourly.penalty("2h5m", fee=Decimal("300.00")) == Decimal("90.00")
    assert hourly.replace(late_unit="30m").penalty("2h5m", fee=Decimal("300.00")) == Decimal(
        "150.00"
    )
    with pytest.raises(InvalidCreditScheduleError, match="nothing to charge"):
        TicketPenalty(per_breach="5%").replace(per_breach=None)
    with pytest.raises(InvalidOptionError, match="'fee'"):
        penalty.replace(fee="1")
