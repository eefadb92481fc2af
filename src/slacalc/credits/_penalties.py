"""Per-ticket penalties for missed response and resolution targets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, TypeAlias

from slacalc._exact import Rounding, check_rounding, parse_money, quantize, round_fraction
from slacalc._time import duration_to_us
from slacalc.credits._money import MoneyLike, ShareOrAmount, check_quantum, share_or_amount
from slacalc.credits._schedule import _check_changes
from slacalc.errors import InvalidCreditScheduleError, InvalidDurationError, InvalidOptionError

__all__ = ["PartialUnit", "TicketPenalty"]

PartialUnit: TypeAlias = Literal["count", "ignore", "prorate"]
"""How a started unit of lateness counts: ``"count"`` (a started hour is a full hour),
``"ignore"`` (only whole hours count) or ``"prorate"`` (pro rata, exactly).

Examples:
    >>> from decimal import Decimal
    >>> from slacalc.credits import TicketPenalty
    >>> [TicketPenalty(per_late="10%", partial_unit=mode).penalty("1h30m", fee=Decimal("100"))
    ...  for mode in ("count", "ignore", "prorate")]                  # 10 % per hour late
    [Decimal('20.00'), Decimal('10.00'), Decimal('15.00')]
"""

_PARTIALS = ("count", "ignore", "prorate")


def _money_part(value: ShareOrAmount | None, what: str) -> tuple[Fraction, Fraction]:
    """(share of fee, amount) of an optional penalty component."""
    if value is None:
        return Fraction(0), Fraction(0)
    share, amount = share_or_amount(value, what=what)
    return (share or Fraction(0)), (Fraction(amount) if amount is not None else Fraction(0))


_PENALTY_ARGS = frozenset(
    {"per_breach", "per_late", "late_unit", "grace", "partial_unit", "cap", "rounding", "quantum"}
)


@dataclass(frozen=True, slots=True, init=False)
class TicketPenalty:
    """What a missed response or resolution target costs, per ticket.

    A ticket that misses its target by ``late_by`` (more than ``grace``) costs
    ``per_breach``, plus ``per_late`` for every ``late_unit`` late (counted past the
    grace). Each component is a percent of the fee (``"5%"``) or an amount
    (``Decimal("50.00")``). A ``cap`` limits the total over a period. Tiers on the share
    of tickets that met their target (e.g. "fewer than 95 % of P1s answered in time:
    5 %") are a :class:`CreditSchedule` applied to that share.

    Args:
        per_breach: the flat penalty per missed ticket.
        per_late: the penalty per ``late_unit`` of lateness.
        late_unit: the unit of lateness, ``"1h"`` by default.
        grace: lateness up to this much is not a breach; ``"0s"`` by default.
        partial_unit: how a started unit counts (see :data:`PartialUnit`); ``"count"``.
        cap: the most charged in total: ``"20%"`` of the fee or an amount.
        rounding: how money is rounded to ``quantum``; ``"half_up"`` by default.
        quantum: the money step, ``Decimal("0.01")`` by default.

    Raises:
        InvalidCreditScheduleError: no component, a bad amount, share, cap or quantum.
        InvalidDurationError: a bad ``late_unit`` or ``grace``.
        InvalidOptionError: an unknown ``partial_unit`` or ``rounding``.

    Examples:
        >>> from decimal import Decimal
        >>> penalty = TicketPenalty(per_late="10%", late_unit="1h")   # 10 % per hour late
        >>> penalty.penalty("2h5m", fee=Decimal("300.00"))              # 3 started hours
        Decimal('90.00')
    """

    per_breach_share: Fraction
    per_breach_amount: Fraction
    per_late_share: Fraction
    per_late_amount: Fraction
    late_unit: dt.timedelta
    grace: dt.timedelta
    partial_unit: PartialUnit
    cap_share: Fraction | None
    cap_amount: Decimal | None
    rounding: Rounding
    quantum: Decimal

    def __init__(
        self,
        *,
        per_breach: ShareOrAmount | None = None,
        per_late: ShareOrAmount | None = None,
        late_unit: dt.timedelta | str = "1h",
        grace: dt.timedelta | str = "0s",
        partial_unit: PartialUnit = "count",
        cap: ShareOrAmount | None = None,
        rounding: Rounding = "half_up",
        quantum: Decimal = Decimal("0.01"),
    ) -> None:
        if per_breach is None and per_late is None:
            raise InvalidCreditScheduleError(
                "A ticket penalty needs per_breach= or per_late= (or both); pass e.g. "
                "per_breach='5%' or per_late=Decimal('25.00')."
            )
        breach_share, breach_amount = _money_part(per_breach, "per_breach")
        late_share, late_amount = _money_part(per_late, "per_late")
        unit_us = duration_to_us(late_unit, allow_days=True)
        if unit_us <= 0:
            raise InvalidDurationError(
                f"late_unit={late_unit!r} is not longer than zero; pass e.g. '1h'."
            )
        grace_us = duration_to_us(grace, allow_days=True)
        if grace_us < 0:
            raise InvalidDurationError(f"grace={grace!r} is negative; pass e.g. '0s' or '15m'.")
        if partial_unit not in _PARTIALS:
            raise InvalidOptionError(
                f"Unknown partial_unit {partial_unit!r}; pass 'count' (a started unit counts "
                "fully), 'ignore' (only whole units) or 'prorate'."
            )
        cap_share, cap_amount = (None, None) if cap is None else share_or_amount(cap, what="cap")
        object.__setattr__(self, "per_breach_share", breach_share)
        object.__setattr__(self, "per_breach_amount", breach_amount)
        object.__setattr__(self, "per_late_share", late_share)
        object.__setattr__(self, "per_late_amount", late_amount)
        object.__setattr__(self, "late_unit", dt.timedelta(microseconds=unit_us))
        object.__setattr__(self, "grace", dt.timedelta(microseconds=grace_us))
        object.__setattr__(self, "partial_unit", partial_unit)
        object.__setattr__(self, "cap_share", cap_share)
        object.__setattr__(self, "cap_amount", cap_amount)
        object.__setattr__(self, "rounding", check_rounding(rounding))
        object.__setattr__(self, "quantum", check_quantum(quantum))

    @property
    def _needs_fee(self) -> bool:
        return bool(self.per_breach_share or self.per_late_share or self.cap_share)

    def _fee(self, fee: MoneyLike | None) -> Fraction:
        if fee is None:
            if self._needs_fee:
                raise InvalidOptionError(
                    "This penalty is a percent of the fee; pass fee=Decimal('500.00') "
                    "(the fee for the period)."
                )
            return Fraction(0)
        return Fraction(parse_money(fee, what="the fee"))

    def _exact(self, late_by: dt.timedelta | str | None, fee: Fraction) -> Fraction:
        if late_by is None:
            return Fraction(0)
        late_us = duration_to_us(late_by, allow_days=True)
        grace_us = duration_to_us(self.grace)
        if late_us <= grace_us:
            return Fraction(0)
        units = Fraction(late_us - grace_us, duration_to_us(self.late_unit))
        if self.partial_unit == "count":
            units = Fraction(round_fraction(units, "ceiling"))
        elif self.partial_unit == "ignore":
            units = Fraction(round_fraction(units, "floor"))
        breach = self.per_breach_amount + self.per_breach_share * fee
        late = units * (self.per_late_amount + self.per_late_share * fee)
        return breach + late

    def _capped(self, exact: Fraction, fee: Fraction) -> Decimal:
        if self.cap_share is not None:
            exact = min(exact, self.cap_share * fee)
        if self.cap_amount is not None:
            exact = min(exact, Fraction(self.cap_amount))
        return quantize(exact, self.quantum, self.rounding)

    def replace(self, **changes: Any) -> TicketPenalty:
        """A copy with some constructor arguments changed, checked like a new penalty.

        Args:
            **changes: any of ``per_breach``, ``per_late``, ``late_unit``, ``grace``,
                ``partial_unit``, ``cap``, ``rounding``, ``quantum``.

        Raises:
            InvalidOptionError: a name that is not a constructor argument.

        Examples:
            >>> from decimal import Decimal
            >>> penalty = TicketPenalty(per_late="10%", late_unit="1h")
            >>> penalty.replace(late_unit="30m").penalty("2h5m", fee=Decimal("300.00"))
            Decimal('150.00')
        """
        _check_changes(changes, _PENALTY_ARGS, "TicketPenalty")
        kept = {name for name in ("per_breach", "per_late", "cap") if name not in changes}
        new = TicketPenalty(
            # a placeholder keeps the constructor's "at least one component" check quiet;
            # the kept components are restored below exactly as parsed
            per_breach=changes.get("per_breach", "0%"),
            per_late=changes.get("per_late", "0%"),
            late_unit=changes.get("late_unit", self.late_unit),
            grace=changes.get("grace", self.grace),
            partial_unit=changes.get("partial_unit", self.partial_unit),
            cap=changes.get("cap"),
            rounding=changes.get("rounding", self.rounding),
            quantum=changes.get("quantum", self.quantum),
        )
        for name in kept:
            fields = (
                ("cap_share", "cap_amount")
                if name == "cap"
                else (
                    f"{name}_share",
                    f"{name}_amount",
                )
            )
            for field in fields:
                object.__setattr__(new, field, getattr(self, field))
        if not any(
            (new.per_breach_share, new.per_breach_amount, new.per_late_share, new.per_late_amount)
        ):
            raise InvalidCreditScheduleError(
                "That change leaves the ticket penalty with nothing to charge; keep per_breach= "
                "or per_late=, e.g. per_breach='5%'."
            )
        return new

    def penalty(
        self, late_by: dt.timedelta | str | None, *, fee: MoneyLike | None = None
    ) -> Decimal:
        """The penalty for one ticket (capped as if it were the only one).

        Args:
            late_by: how late the ticket was against its target; ``None``, zero or
                negative when it met the target.
            fee: the fee that percent components are a share of; required when any
                component (or the cap) is a percent.

        Returns:
            The penalty, rounded to ``quantum``.

        Raises:
            InvalidOptionError: a percent component without a ``fee``.
            InvalidDurationError: an unreadable ``late_by``.
            InvalidMoneyError, NumberTypeError: a bad fee.

        Examples:
            >>> from decimal import Decimal
            >>> TicketPenalty(per_breach=Decimal("50"), grace="15m").penalty("10m")
            Decimal('0.00')
        """
        amount = self._fee(fee)
        return self._capped(self._exact(late_by, amount), amount)

    def total(
        self,
        late_by: Iterable[dt.timedelta | str | None],
        *,
        fee: MoneyLike | None = None,
    ) -> Decimal:
        """The penalty for many tickets over a period: exact sum, then the cap, then rounding.

        Args:
            late_by: each ticket's lateness (``None`` or <= 0 when it met its target).
            fee: the period's fee, for percent components and a percent cap.

        Returns:
            The total penalty, rounded once to ``quantum``.

        Raises:
            InvalidOptionError, InvalidDurationError, InvalidMoneyError, NumberTypeError:
                as :meth:`penalty`.

        Examples:
            >>> from decimal import Decimal
            >>> p = TicketPenalty(per_breach="2%", cap="10%")
            >>> p.total(["5m", None, "1h", "3h", "1m", "2m", "9m"], fee=Decimal("1000"))
            Decimal('100.00')
        """
        amount = self._fee(fee)
        exact = sum((self._exact(x, amount) for x in late_by), Fraction(0))
        return self._capped(exact, amount)
