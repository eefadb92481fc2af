"""Money and "percent of the fee or an amount" values shared by schedules and penalties."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TypeAlias

from slacalc._exact import parse_money, parse_share
from slacalc.errors import InvalidCreditScheduleError, NumberTypeError

__all__ = ["MoneyLike", "ShareOrAmount", "check_quantum", "share_or_amount"]

MoneyLike: TypeAlias = "Decimal | int | str"
"""An amount of money: ``Decimal("500.00")``, ``500`` or ``"500.00"``; never a float.

Examples:
    >>> from decimal import Decimal
    >>> from slacalc.credits import CreditSchedule
    >>> s = CreditSchedule([("99.9%", "10%")])
    >>> fee = Decimal("500.00")
    >>> s.credit("99%", fee=fee) == s.credit("99%", fee=500) == s.credit("99%", fee="500.00")
    True
"""

ShareOrAmount: TypeAlias = "str | Decimal | int"
"""A share of the fee written as a percent string (``"50%"``), or an amount of money
(``Decimal("250.00")``, ``250``, ``"250.00"``).

Examples:
    >>> from decimal import Decimal
    >>> from slacalc.credits import TicketPenalty
    >>> TicketPenalty(per_breach="5%").penalty("1m", fee=Decimal("1000"))
    Decimal('50.00')
    >>> TicketPenalty(per_breach=Decimal("75.00")).penalty("1m")
    Decimal('75.00')
"""


def share_or_amount(value: object, *, what: str) -> tuple[Fraction | None, Decimal | None]:
    """Read ``"50%"`` as a share of the fee, and a Decimal/int/number string as an amount."""
    if isinstance(value, str) and value.strip().endswith("%"):
        share = parse_share(
            value,
            what=f"{what} as a share of the fee",
            example="'50%'",
            error=InvalidCreditScheduleError,
        )
        return share, None
    if isinstance(value, Fraction):
        raise NumberTypeError(
            f"{what}={value!r} is ambiguous; write a share of the fee as a percent string "
            "such as '50%', or an amount as Decimal('250.00')."
        )
    return None, parse_money(value, what=what)


def check_quantum(quantum: object) -> Decimal:
    """A positive, finite Decimal step to round money to, such as ``Decimal("0.01")``."""
    if not isinstance(quantum, Decimal) or not quantum.is_finite() or quantum <= 0:
        raise InvalidCreditScheduleError(
            f"quantum={quantum!r} is not a positive Decimal step; pass e.g. Decimal('0.01') "
            "for cents or Decimal('1') for whole units."
        )
    return quantum
