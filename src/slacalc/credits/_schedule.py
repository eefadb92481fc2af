"""Service-credit schedules: tiers with inclusive lower bounds, caps and minimums."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from slacalc._exact import (
    Rounding,
    ShareLike,
    check_rounding,
    parse_money,
    parse_share,
    percent_decimal,
    quantize,
)
from slacalc._validate import check_items, shown
from slacalc.credits._money import MoneyLike, ShareOrAmount, check_quantum, share_or_amount
from slacalc.errors import InvalidCreditScheduleError, InvalidOptionError, NotAnIntervalError
from slacalc.uptime import Availability, AvailabilityReport, TargetLike

__all__ = ["CreditSchedule", "CreditTier"]


_TIERS_HINT = "pass a list of (threshold, credit) pairs such as [('99.9%', '10%'), ('99%', '25%')]"


@dataclass(frozen=True, slots=True)
class CreditTier:
    """One row of a credit schedule: availability below ``below`` earns ``credit`` of the fee.

    The lower bound is the next row's ``below``, inclusive, as contracts word it:
    "less than 99.9 % but equal to or greater than 99.0 %".

    Args:
        below: the availability the tier starts under (exclusive upper bound).
        credit: the share of the fee credited, in [0, 1].

    Examples:
        >>> tier = CreditSchedule([("99.9%", "10%")]).tiers[0]
        >>> str(tier.below), tier.credit_percent
        ('99.9%', Decimal('10'))
    """

    below: Availability
    credit: Fraction

    @property
    def credit_percent(self) -> Decimal:
        """The credit in percent of the fee (exact for decimal shares).

        Examples:
            >>> CreditSchedule([("99%", "25%")]).tiers[0].credit_percent
            Decimal('25')
        """
        return percent_decimal(self.credit)


_SCHEDULE_ARGS = frozenset({"tiers", "cap", "minimum", "rounding", "quantum", "name", "source"})


def _check_changes(changes: dict[str, Any], allowed: frozenset[str], owner: str) -> None:
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise InvalidOptionError(
            f"{owner}.replace() got {unknown[0]!r}, which is not one of its arguments; pass "
            f"one of {', '.join(sorted(allowed))}."
        )


@dataclass(frozen=True, slots=True, init=False)
class CreditSchedule:
    """A service-credit table: which share of the fee each availability band earns.

    Tiers are ``(threshold, credit)`` pairs: availability strictly below ``threshold``
    (and at or above the next lower threshold) earns ``credit``. So with
    ``[("99.9%", "10%"), ("99%", "25%")]``, exactly 99.9 % earns nothing and exactly
    99.0 % earns 10 %. Everything is compared unrounded: a 28-day month with exactly
    40.32 minutes down is exactly 99.9 % and earns no credit.

    Args:
        tiers: ``(threshold, credit)`` pairs in any order, each a target-like value
            (``"99.9%"``, ``Decimal("0.999")``) and a share (``"10%"``,
            ``Decimal("0.1")``).
        cap: the most credited per period: a percent of the fee (``"50%"``) or an
            amount (``Decimal("250.00")``).
        minimum: credits (after rounding) below this amount are not issued.
        rounding: how the credit is rounded to ``quantum``; ``"half_up"`` (commercial
            rounding) by default.
        quantum: the money step, ``Decimal("0.01")`` (cents) by default.
        name: a name, e.g. ``"AWS EC2 region-level"``.
        source: where the schedule comes from (document and date).

    Raises:
        InvalidCreditScheduleError: no tiers, a repeated or zero threshold, a lower tier
            paying less than a higher one, a bad cap, minimum or quantum.
        InvalidTargetError, NumberTypeError: an unreadable threshold or credit.
        InvalidOptionError: an unknown rounding.

    Examples:
        >>> from decimal import Decimal
        >>> s3 = CreditSchedule([("99.9%", "10%"), ("99%", "25%"), ("95%", "100%")])
        >>> s3.credit_percent("99.9%"), s3.credit_percent("99.0%"), s3.credit_percent("94.99%")
        (Decimal('0'), Decimal('10'), Decimal('100'))
        >>> s3.credit("98.5%", fee=Decimal("500.00"))
        Decimal('125.00')
    """

    tiers: tuple[CreditTier, ...]
    cap_share: Fraction | None
    cap_amount: Decimal | None
    minimum: Decimal | None
    rounding: Rounding
    quantum: Decimal
    name: str | None
    source: str | None

    def __init__(
        self,
        tiers: Iterable[tuple[TargetLike, ShareLike] | CreditTier],
        *,
        cap: ShareOrAmount | None = None,
        minimum: MoneyLike | None = None,
        rounding: Rounding = "half_up",
        quantum: Decimal = Decimal("0.01"),
        name: str | None = None,
        source: str | None = None,
    ) -> None:
        rows: list[CreditTier] = []
        check_items(tiers, what="Credit tiers", hint=_TIERS_HINT, error=NotAnIntervalError)
        for row in tiers:
            if isinstance(row, CreditTier):
                rows.append(row)
                continue
            if not isinstance(row, tuple) or len(row) != 2:
                raise NotAnIntervalError(
                    f"{shown(row)} is not a credit tier; pass (threshold, credit) pairs such as "
                    "('99.9%', '10%')."
                )
            below = Availability.from_target(row[0])
            credit = parse_share(
                row[1],
                what="a credit",
                example="'10%' or Decimal('0.10')",
                error=InvalidCreditScheduleError,
            )
            rows.append(CreditTier(below, credit))
        if not rows:
            raise InvalidCreditScheduleError(
                "A credit schedule needs at least one tier; pass e.g. "
                "[('99.9%', '10%'), ('99%', '25%'), ('95%', '100%')]."
            )
        rows.sort(key=lambda t: t.below.fraction, reverse=True)
        for higher, lower in itertools.pairwise(rows):
            if higher.below == lower.below:
                raise InvalidCreditScheduleError(
                    f"Two tiers start below {higher.below}; give each threshold once."
                )
            if lower.credit < higher.credit:
                raise InvalidCreditScheduleError(
                    f"The tier below {lower.below} credits {lower.credit_percent}%, less than "
                    f"the tier below {higher.below} ({higher.credit_percent}%); lower "
                    "availability must never earn a smaller credit."
                )
        if rows[-1].below.fraction == 0:
            raise InvalidCreditScheduleError(
                "A tier starts below 0%, which no availability is; drop it or raise its threshold."
            )
        cap_share, cap_amount = (None, None) if cap is None else share_or_amount(cap, what="cap")
        object.__setattr__(self, "tiers", tuple(rows))
        object.__setattr__(self, "cap_share", cap_share)
        object.__setattr__(self, "cap_amount", cap_amount)
        object.__setattr__(
            self, "minimum", None if minimum is None else parse_money(minimum, what="minimum")
        )
        object.__setattr__(self, "rounding", check_rounding(rounding))
        object.__setattr__(self, "quantum", check_quantum(quantum))
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "source", source)

    def replace(self, **changes: Any) -> CreditSchedule:
        """A copy with some constructor arguments changed, checked like a new schedule.

        Args:
            **changes: any of ``tiers``, ``cap``, ``minimum``, ``rounding``,
                ``quantum``, ``name``, ``source``.

        Raises:
            InvalidOptionError: a name that is not a constructor argument.

        Examples:
            >>> agency = CreditSchedule([("99.9%", "5%"), ("99.5%", "10%")], cap="50%")
            >>> agency.replace(cap="10%").credit_percent("99.0%"), agency.cap_share
            (Decimal('10'), Fraction(1, 2))
        """
        _check_changes(changes, _SCHEDULE_ARGS, "CreditSchedule")
        new = CreditSchedule(
            changes.get("tiers", self.tiers),
            cap=changes.get("cap"),
            minimum=changes.get("minimum", self.minimum),
            rounding=changes.get("rounding", self.rounding),
            quantum=changes.get("quantum", self.quantum),
            name=changes.get("name", self.name),
            source=changes.get("source", self.source),
        )
        if "cap" not in changes:  # keep the parsed cap as it is (a share may not be a decimal)
            object.__setattr__(new, "cap_share", self.cap_share)
            object.__setattr__(new, "cap_amount", self.cap_amount)
        return new

    @property
    def objective(self) -> Availability:
        """The availability promised: the highest threshold (at or above it, no credit).

        Examples:
            >>> str(CreditSchedule([("99%", "25%"), ("99.9%", "10%")]).objective)
            '99.9%'
        """
        return self.tiers[0].below

    def tier_for(self, availability: TargetLike | AvailabilityReport) -> CreditTier | None:
        """The tier an availability falls in, or ``None`` if it earns no credit.

        Args:
            availability: a measured availability (an :class:`Availability`, a report
                from ``measure_availability``, ``"99.5%"``, ``Decimal("0.995")``...).

        Returns:
            The lowest tier whose threshold the availability is below.

        Raises:
            InvalidTargetError, NumberTypeError: an unreadable availability.

        Examples:
            >>> s = CreditSchedule([("99.9%", "10%"), ("99%", "25%")])
            >>> s.tier_for("98.999%").credit_percent
            Decimal('25')
        """
        value = _availability(availability)
        found: CreditTier | None = None
        for tier in self.tiers:
            if value < tier.below.fraction:
                found = tier
            else:
                break
        return found

    def credit_percent(self, availability: TargetLike | AvailabilityReport) -> Decimal:
        """The credit in percent of the fee for an availability (before cap and minimum).

        Args:
            availability: the measured availability (see :meth:`tier_for`).

        Returns:
            The tier's percent, e.g. ``Decimal('10')``; ``Decimal('0')`` above all tiers.

        Raises:
            InvalidTargetError, NumberTypeError: an unreadable availability.

        Examples:
            >>> CreditSchedule([("99.9%", "10%")]).credit_percent("99.89%")
            Decimal('10')
        """
        tier = self.tier_for(availability)
        return Decimal(0) if tier is None else tier.credit_percent

    def credit(self, availability: TargetLike | AvailabilityReport, fee: MoneyLike) -> Decimal:
        """The credit owed for an availability, as money.

        ``fee x tier share``, then the cap, then rounded to ``quantum`` with
        ``rounding``, then zero if below ``minimum``.

        Args:
            availability: the measured availability (see :meth:`tier_for`).
            fee: the charge the credit is a share of, e.g. the monthly fee for the
                affected service (``Decimal("500.00")``, ``"500.00"`` or ``500``).

        Returns:
            The credit, a Decimal in steps of ``quantum``.

        Raises:
            InvalidTargetError, NumberTypeError: an unreadable availability or a float fee.
            InvalidMoneyError: a negative or unreadable fee.

        Examples:
            >>> from decimal import Decimal
            >>> agency = CreditSchedule([("99.9%", "5%"), ("99.5%", "10%"), ("99%", "15%")])
            >>> agency.credit("99.7%", fee=Decimal("1999.99"))
            Decimal('100.00')
        """
        amount = parse_money(fee, what="the fee")
        tier = self.tier_for(availability)
        exact = Fraction(0) if tier is None else Fraction(amount) * tier.credit
        if self.cap_share is not None:
            exact = min(exact, Fraction(amount) * self.cap_share)
        if self.cap_amount is not None:
            exact = min(exact, Fraction(self.cap_amount))
        result = quantize(exact, self.quantum, self.rounding)
        if self.minimum is not None and result < self.minimum:
            return quantize(Fraction(0), self.quantum, self.rounding)
        return result


def _availability(value: TargetLike | AvailabilityReport) -> Fraction:
    """The exact share of a measured availability, a report or a target."""
    if isinstance(value, AvailabilityReport):
        return value.availability.fraction
    return Availability.from_target(value).fraction
