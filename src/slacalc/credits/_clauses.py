"""Contract clauses around credits, computed: claim deadlines, termination, caps, hourly credits.

- :class:`ClaimWindow`: by when a credit must be claimed: N calendar days after the
  period ends, or by the end of the N-th billing cycle after it (AWS: "by the end of
  the second billing cycle after which the incident occurred").
- :class:`TerminationRule`: the customer may terminate after N consecutive periods
  below a floor, or any N within M (Snyk's enterprise terms: "< 95 % in 3 consecutive
  months or any 3 in 12").
- :func:`apply_annual_cap`: credits of one contract year capped at an amount or a share
  of the annual fee, in the order they were earned.
- :class:`HourlyCredit`: EC2's automatic credit: "AWS will not charge you for any Single
  EC2 Instance that is Unavailable for more than six minutes of a clock hour".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from slacalc._exact import Rounding, check_rounding, parse_money, quantize
from slacalc._intervals import Intervals
from slacalc._time import UTC, duration_to_us, from_us, resolve_tz, to_us
from slacalc._validate import check_items
from slacalc.credits._money import MoneyLike, ShareOrAmount, share_or_amount
from slacalc.errors import InvalidOptionError, WrongTypeError
from slacalc.uptime import (
    Availability,
    CalendarPeriod,
    OutageLike,
    TargetLike,
    WindowLike,
    calendar_month,
    calendar_period,
    merge_outages,
)

__all__ = [
    "ClaimWindow",
    "HourlyCredit",
    "HourlyCreditResult",
    "TerminationRule",
    "TerminationTrigger",
    "apply_annual_cap",
]

_US = 1_000_000
_HOUR_US = 3600 * _US


def _count(value: object, what: str, *, minimum: int = 1) -> int:
    """A whole number at least ``minimum``, or InvalidOptionError naming it."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InvalidOptionError(
            f"{what}={value!r} is not a whole number of at least {minimum}; pass e.g. 30."
        )
    return value


def _period(period: object, tz: str | dt.tzinfo) -> CalendarPeriod:
    """A calendar period from a CalendarPeriod, a name or a pandas.Period."""
    return calendar_period(period, tz=tz)


@dataclass(frozen=True, slots=True)
class ClaimWindow:
    """By when a credit for a period must be claimed.

    Give exactly one of:

    Args:
        days: calendar days after the period ends (``30``: a March credit may be claimed
            until the end of 30 April, i.e. before 1 May 00:00 local time).
        billing_cycles: monthly billing cycles after the period's own (``2``: AWS's "by
            the end of the second billing cycle after which the incident occurred": an
            incident in March may be claimed until the end of May).

    Raises:
        InvalidOptionError: neither or both given, or not a positive whole number.

    Examples:
        >>> aws = ClaimWindow(billing_cycles=2)
        >>> aws.deadline("2026-03", tz="UTC").isoformat()
        '2026-06-01T00:00:00+00:00'
        >>> ClaimWindow(days=30).deadline("2026-03", tz="Europe/Copenhagen").isoformat()
        '2026-05-01T00:00:00+02:00'
    """

    days: int | None = None
    billing_cycles: int | None = None

    def __post_init__(self) -> None:
        if (self.days is None) == (self.billing_cycles is None):
            raise InvalidOptionError(
                f"ClaimWindow(days={self.days!r}, billing_cycles={self.billing_cycles!r}) "
                "needs exactly one of them; pass days=30 or billing_cycles=2."
            )
        if self.days is not None:
            _count(self.days, "days")
        if self.billing_cycles is not None:
            _count(self.billing_cycles, "billing_cycles")

    def deadline(self, period: object, *, tz: str | dt.tzinfo = "UTC") -> dt.datetime:
        """The instant a claim for ``period`` is late from (claims must arrive before it).

        Args:
            period: the period the credit is for: ``"2026-03"``, a pandas.Period or a
                :class:`~slacalc.CalendarPeriod`.
            tz: the zone of the days and billing cycles (default UTC, as AWS bills).

        Returns:
            Local midnight after the last day a claim is on time.

        Raises:
            InvalidPeriodError: ``period`` is not a period.

        Examples:
            >>> ClaimWindow(days=60).deadline("2026-12").date().isoformat()
            '2027-03-02'
        """
        zone = resolve_tz(tz)
        whole = _period(period, zone)
        last = whole.end.astimezone(zone).date()  # the day after the period
        if self.days is not None:
            day = last + dt.timedelta(days=self.days)
            return from_us(to_us(dt.datetime(day.year, day.month, day.day, tzinfo=zone)), zone)
        assert self.billing_cycles is not None
        months = last.year * 12 + last.month - 1 + self.billing_cycles
        return calendar_month(months // 12, months % 12 + 1, tz=zone).start

    def is_on_time(
        self, period: object, claimed_at: dt.datetime, *, tz: str | dt.tzinfo = "UTC"
    ) -> bool:
        """Whether a claim made at ``claimed_at`` for ``period`` is in time.

        Examples:
            >>> import datetime as dt
            >>> ClaimWindow(days=30).is_on_time("2026-03", dt.datetime(2026, 4, 30, 23, 59,
            ...                                                      tzinfo=dt.UTC))
            True
        """
        return to_us(claimed_at) < to_us(self.deadline(period, tz=tz))


@dataclass(frozen=True, slots=True)
class TerminationTrigger:
    """When a termination right arose: the period that completed it, and the periods below.

    Examples:
        >>> rule = TerminationRule("95%", consecutive=2)
        >>> rule.first_trigger([("2026-01", "94%"), ("2026-02", "90%")]).period
        '2026-02'
    """

    period: str
    below: tuple[str, ...]


@dataclass(frozen=True, slots=True, init=False)
class TerminationRule:
    """The customer may terminate after repeated periods below a floor.

    Args:
        floor: the availability a period must reach (below it counts against).
        consecutive: N periods below the floor in a row trigger it ("3 consecutive
            months").
        count: with ``within``: any ``count`` periods below the floor among the last
            ``within`` ("any 3 in 12").
        within: the window of periods for ``count``.

    Raises:
        InvalidOptionError: neither ``consecutive`` nor ``count``/``within``, or counts
            that are not positive whole numbers (or ``count > within``).
        InvalidTargetError: a bad floor.

    Examples:
        >>> rule = TerminationRule("95%", count=2, within=3)       # any 2 in 3 months
        >>> months = [("2026-01", "94%"), ("2026-02", "99%"), ("2026-03", "99%"),
        ...           ("2026-04", "90%"), ("2026-05", "94.99%")]
        >>> rule.first_trigger(months)
        TerminationTrigger(period='2026-05', below=('2026-04', '2026-05'))
        >>> TerminationRule("95%", consecutive=3).first_trigger(months) is None
        True
    """

    floor: Availability
    consecutive: int | None
    count: int | None
    within: int | None

    def __init__(
        self,
        floor: TargetLike,
        *,
        consecutive: int | None = None,
        count: int | None = None,
        within: int | None = None,
    ) -> None:
        if consecutive is None and (count is None or within is None):
            raise InvalidOptionError(
                "A termination rule needs consecutive=N ('3 consecutive months') or count=N "
                "and within=M ('any 3 in 12')."
            )
        if consecutive is not None:
            _count(consecutive, "consecutive")
        if count is not None or within is not None:
            _count(count, "count")
            _count(within, "within")
            assert count is not None
            assert within is not None
            if count > within:
                raise InvalidOptionError(
                    f"count={count!r} periods cannot fall within={within!r}; pass a count "
                    "no larger than within."
                )
        object.__setattr__(self, "floor", Availability.from_target(floor))
        object.__setattr__(self, "consecutive", consecutive)
        object.__setattr__(self, "count", count)
        object.__setattr__(self, "within", within)

    def first_trigger(self, periods: Iterable[object]) -> TerminationTrigger | None:
        """The first period at which the rule is met, or ``None``.

        Args:
            periods: the periods in time order, each ``(label, availability)`` or a row
                with ``availability`` and ``month`` or ``period`` (a
                ``MonthlyAvailability`` or ``PeriodAvailability``). Give every period,
                met or not: the rule counts positions, so a missing month would join two
                runs.

        Returns:
            A :class:`TerminationTrigger`, or ``None`` if the rule was never met.

        Examples:
            >>> rule = TerminationRule("99%", consecutive=3)
            >>> rule.first_trigger([("Jan", "98%"), ("Feb", "98%"), ("Mar", "99%")]) is None
            True
        """
        below: list[tuple[int, str]] = []
        for n, item in enumerate(periods):
            label, value = _label_value(item)
            if value < self.floor:
                below.append((n, label))
            elif self.consecutive is not None:
                below.clear()
            if self.consecutive is not None and len(below) >= self.consecutive:
                run = below[-self.consecutive :]
                return TerminationTrigger(label, tuple(lab for _, lab in run))
            if self.count is not None and self.within is not None and self.consecutive is None:
                recent = [(k, lab) for k, lab in below if k > n - self.within]
                if value < self.floor and len(recent) >= self.count:
                    return TerminationTrigger(label, tuple(lab for _, lab in recent))
        return None


def _label_value(item: object) -> tuple[str, Availability]:
    """A period's label and availability from a pair or a report row."""
    if isinstance(item, tuple) and len(item) == 2:
        return str(item[0]), Availability.from_target(item[1])
    value = getattr(item, "availability", None)
    label = getattr(item, "month", None) or getattr(item, "period", None)
    if value is None or label is None:
        raise InvalidOptionError(
            f"{item!r} is not a period's result; pass (label, availability) pairs or the "
            "rows of an availability report."
        )
    return str(label), Availability.from_target(value)


def apply_annual_cap(
    credits: Sequence[MoneyLike],
    cap: ShareOrAmount,
    *,
    annual_fee: MoneyLike | None = None,
) -> tuple[Decimal, ...]:
    """One contract year's credits, capped in total, in the order they were earned.

    Each credit is paid in full while the year's total stays within the cap; the credit
    that reaches the cap is cut to what is left, and later ones are zero.

    Args:
        credits: the year's credits in time order (e.g. each month's ``row.credit``).
        cap: the most credited in the year: an amount (``Decimal("1000.00")``) or a share
            of ``annual_fee`` (``"10%"``).
        annual_fee: the fee of the year, for a cap given as a share.

    Returns:
        The credits after the cap, one per credit given.

    Raises:
        InvalidOptionError: a share cap without ``annual_fee``.
        InvalidMoneyError: a negative credit or fee.
        NumberTypeError: a float.
        WrongTypeError: ``credits`` that are not a list.

    Examples:
        >>> from decimal import Decimal
        >>> apply_annual_cap([Decimal("40.00"), Decimal("100.00"), Decimal("25.00")],
        ...                  "10%", annual_fee=Decimal("1200.00"))
        (Decimal('40.00'), Decimal('80.00'), Decimal('0.00'))
    """
    check_items(
        credits,
        what="apply_annual_cap() credits",
        hint="pass the year's credits in time order, e.g. [Decimal('40.00'), ...]",
        error=WrongTypeError,
    )
    share, amount = share_or_amount(cap, what="cap")
    if share is not None:
        if annual_fee is None:
            raise InvalidOptionError(
                f"The cap {cap!r} is a share of the annual fee; pass annual_fee=, e.g. "
                "Decimal('12000.00')."
            )
        limit = share * Fraction(parse_money(annual_fee, what="annual_fee"))
    else:
        assert amount is not None
        limit = Fraction(amount)
    out = []
    left = limit
    for n, credit in enumerate(credits):
        value = Fraction(parse_money(credit, what=f"credit {n}"))
        paid = min(value, left)
        left -= paid
        out.append(quantize(paid, Decimal("0.01"), "half_even"))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class HourlyCreditResult:
    """The clock hours an :class:`HourlyCredit` credits, and the credit.

    Attributes:
        hours: ``(hour start, unavailable time in it)`` for every credited clock hour.
        credit: hours x the hourly charge (``None`` without a charge).

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 3, 2, 10, 50, tzinfo=dt.UTC)
        >>> r = HourlyCredit().credited([(t, t + dt.timedelta(minutes=20))],
        ...                             (t.replace(minute=0), t + dt.timedelta(hours=2)))
        >>> [(h.hour, str(down)) for h, down in r.hours]   # 10 min in each clock hour
        [(10, '0:10:00'), (11, '0:10:00')]
    """

    hours: tuple[tuple[dt.datetime, dt.timedelta], ...]
    credit: Decimal | None = field(default=None)


@dataclass(frozen=True, slots=True, init=False)
class HourlyCredit:
    """An automatic credit per clock hour with more than a threshold of unavailability.

    Amazon EC2's Instance-Level SLA: "AWS will not charge you for any Single EC2
    Instance that is Unavailable for more than six minutes of a clock hour. This
    applies automatically." Clock hours are whole UTC hours (``tz=`` for another
    zone); an hour with exactly the threshold is not credited ("more than").

    Args:
        more_than: the threshold, e.g. ``"6m"`` (default).
        tz: the zone whose clock hours count (default UTC).

    Raises:
        InvalidDurationError: a malformed threshold.
        InvalidOptionError: a threshold of an hour or more, or negative.

    Examples:
        >>> import datetime as dt
        >>> from decimal import Decimal
        >>> t = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)
        >>> outages = [(t, t + dt.timedelta(minutes=6)),                       # exactly 6
        ...            (t + dt.timedelta(hours=3), t + dt.timedelta(hours=3, minutes=7))]
        >>> r = HourlyCredit("6m").credited(outages, (t, t + dt.timedelta(days=1)),
        ...                                 hourly_charge=Decimal("0.0928"))
        >>> len(r.hours), r.credit
        (1, Decimal('0.09'))
    """

    more_than: dt.timedelta
    tz: dt.tzinfo

    def __init__(self, more_than: dt.timedelta | str = "6m", *, tz: str | dt.tzinfo = UTC) -> None:
        threshold = duration_to_us(more_than, allow_days=False)
        if not 0 <= threshold < _HOUR_US:
            raise InvalidOptionError(
                f"more_than={more_than!r} is not part of an hour; pass e.g. '6m'."
            )
        object.__setattr__(self, "more_than", dt.timedelta(microseconds=threshold))
        object.__setattr__(self, "tz", resolve_tz(tz))

    def credited(
        self,
        outages: Iterable[OutageLike],
        window: WindowLike,
        *,
        hourly_charge: MoneyLike | None = None,
        rounding: Rounding = "half_even",
    ) -> HourlyCreditResult:
        """The clock hours of ``window`` with more than the threshold of unavailability.

        Every outage counts as unavailability whatever its severity (the EC2 rule is
        binary), overlapping ones once.

        Args:
            outages: the unavailability: ``(start, end)`` pairs or outages.
            window: the billing window (``(start, end)`` or a calendar period).
            hourly_charge: the charge of one hour, for the credit (a Decimal).
            rounding: how the credit is rounded to cents.

        Returns:
            An :class:`HourlyCreditResult`.

        Raises:
            InvalidMoneyError: a negative charge; NumberTypeError: a float.

        Examples:
            >>> import datetime as dt
            >>> t = dt.datetime(2026, 3, 2, 10, 58, tzinfo=dt.UTC)
            >>> r = HourlyCredit().credited([(t, t + dt.timedelta(minutes=8))],
            ...                             (t.replace(minute=0), t + dt.timedelta(hours=1)))
            >>> r.hours                                    # 2 + 6 min: neither over 6
            ()
        """
        mode = check_rounding(rounding)
        if isinstance(window, tuple):
            w0, w1 = to_us(window[0]), to_us(window[1])
        else:
            whole = calendar_period(window)
            w0, w1 = to_us(whole.start), to_us(whole.end)
        down = Intervals(
            (to_us(o.start), to_us(o.end))
            for o in merge_outages(outages, weights=_ALL_COUNT)
            if o.end is not None
        ).clip(w0, w1)
        limit = self.more_than // dt.timedelta(microseconds=1)
        hours: list[tuple[dt.datetime, dt.timedelta]] = []
        seen: set[int] = set()
        for a, _ in down:
            local = from_us(a, self.tz)
            first = to_us(local.replace(minute=0, second=0, microsecond=0))
            h = first
            while h < w1 and h not in seen:
                seen.add(h)
                used = down.measure(max(h, w0), min(h + _HOUR_US, w1))
                if used == 0 and h > a:
                    break
                if used > limit:
                    hours.append((from_us(h, self.tz), dt.timedelta(microseconds=used)))
                h += _HOUR_US
        credit = None
        if hourly_charge is not None:
            charge = Fraction(parse_money(hourly_charge, what="hourly_charge"))
            credit = quantize(charge * len(hours), Decimal("0.01"), mode)
        return HourlyCreditResult(tuple(hours), credit)


_ALL_COUNT = {"degraded": "100%", "partial": "100%"}
