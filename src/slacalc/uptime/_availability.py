"""The availability value: an exact fraction of time (or of events) that was up."""

from __future__ import annotations

import decimal
import math
import numbers
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TypeAlias

from slacalc._exact import (
    Rounding,
    check_rounding,
    decimal_from_fraction,
    format_fixed,
    parse_share,
    percent_decimal,
)
from slacalc._validate import shown
from slacalc.errors import InvalidOptionError, InvalidTargetError, NumberTypeError

__all__ = ["Availability", "TargetLike", "to_availability"]

TargetLike: TypeAlias = "Availability | str | Decimal | Fraction | int"
"""An availability target: ``"99.9%"``, ``Decimal("0.999")``, ``Fraction(999, 1000)``,
``0``, ``1`` or an :class:`Availability`. Binary floats are refused.

Examples:
    >>> from decimal import Decimal
    >>> from fractions import Fraction
    >>> from slacalc import allowed_downtime
    >>> day = allowed_downtime("99.9%", "day")
    >>> day == allowed_downtime(Decimal("0.999"), "day")
    True
    >>> day == allowed_downtime(Fraction(999, 1000), "day")
    True
"""

_TARGET_EXAMPLE = "'99.9%' or Decimal('0.999')"
_TARGET_WHAT = "an availability target"


@dataclass(frozen=True, slots=True, eq=False)
class Availability:
    """An exact availability: the share of time (or of events) that was up.

    Build one from any target with :meth:`from_target` (``"99.9%"``,
    ``Decimal("0.999")``, ``Fraction(999, 1000)``), or pass the exact fraction.
    Availabilities compare and order exactly, with each other, with targets and with
    numbers: ``Availability.from_target("99.9%") == Decimal("0.999")`` is true, and a
    float compares by its exact binary value (``Fraction(0.999)``), never by rounding
    the availability to a float. ``float(a)`` gives the nearest float for plots and
    NumPy, and format specs apply to the exact value: ``f"{a:.3%}"``.

    Args:
        fraction: the exact share in [0, 1].

    Raises:
        NumberTypeError: ``fraction`` is not a ``Fraction`` (use :meth:`from_target`).
        InvalidTargetError: ``fraction`` lies outside [0, 1].

    Examples:
        >>> from fractions import Fraction
        >>> a = Availability(Fraction(999, 1000))
        >>> str(a), a.percent, a.nines
        ('99.9%', Decimal('99.9'), Decimal('3'))
        >>> a == "99.9%" and a < "99.95%"
        True
        >>> float(a), f"{a:.2%}", a > 0.999          # 0.999 as a float is 0.99899999...
        (0.999, '99.90%', True)
    """

    fraction: Fraction

    def __post_init__(self) -> None:
        if not isinstance(self.fraction, Fraction):
            raise NumberTypeError(
                f"Availability({self.fraction!r}) needs a Fraction; use "
                f"Availability.from_target({self.fraction!r}) for '99.9%', Decimal or int."
            )
        if not 0 <= self.fraction <= 1:
            raise InvalidTargetError(
                f"{self.fraction!r} is out of range: an availability is between 0 and 1; "
                f"pass e.g. {_TARGET_EXAMPLE}."
            )

    @classmethod
    def from_target(cls, target: TargetLike) -> Availability:
        """Read an availability target exactly.

        Args:
            target: ``"99.9%"`` (a percent string), ``Decimal("0.999")`` or
                ``Fraction(999, 1000)`` (a fraction in [0, 1]), ``0``, ``1``, or an
                ``Availability`` (returned as is).

        Returns:
            The exact availability.

        Raises:
            InvalidTargetError: malformed, NaN, out of range, or a bare number above 1
                such as ``99.9`` or ``"99.9"`` (ambiguous: write ``"99.9%"``).
            NumberTypeError: a binary float, a bool or a non-number.

        Examples:
            >>> from decimal import Decimal
            >>> Availability.from_target("99.95%") == Availability.from_target(Decimal("0.9995"))
            True
        """
        if isinstance(target, Availability):
            return target
        return cls(
            parse_share(
                target, what=_TARGET_WHAT, example=_TARGET_EXAMPLE, error=InvalidTargetError
            )
        )

    @classmethod
    def from_nines(cls, nines: int) -> Availability:
        """The availability with ``nines`` nines: 3 gives 99.9 %.

        Args:
            nines: a whole number of nines, 0 or more.

        Returns:
            ``1 - 10**-nines`` exactly.

        Raises:
            InvalidTargetError: ``nines`` is not an int from 0 to 30.

        Examples:
            >>> str(Availability.from_nines(5))
            '99.999%'
        """
        if isinstance(nines, bool) or not isinstance(nines, int) or not 0 <= nines <= 30:
            raise InvalidTargetError(
                f"{shown(nines)} is not a count of nines from 0 to 30; pass a whole number "
                "such as 3 (99.9%)."
            )
        return cls(1 - Fraction(1, 10**nines))

    @property
    def percent(self) -> Decimal:
        """The availability in percent, as a Decimal.

        Exact whenever the fraction has a finite decimal expansion (every target written
        as a decimal does); otherwise truncated toward zero after 30 decimal places.

        Examples:
            >>> Availability.from_target("99.95%").percent
            Decimal('99.95')
        """
        return percent_decimal(self.fraction)

    @property
    def unavailability(self) -> Fraction:
        """The exact share that was (or may be) down: ``1 - fraction``.

        Examples:
            >>> Availability.from_target("99.9%").unavailability
            Fraction(1, 1000)
        """
        return 1 - self.fraction

    @property
    def nines(self) -> Decimal:
        """How many nines: ``-log10(1 - availability)``, exact where it is a whole number.

        99 % gives exactly 2 (floats give 1.9999999999999996); 99.95 % gives 3.301...
        to 28 significant digits; 100 % gives ``Decimal('Infinity')``.

        Examples:
            >>> Availability.from_target("99%").nines
            Decimal('2')
            >>> round(Availability.from_target("99.95%").nines, 2)
            Decimal('3.30')
        """
        down = self.unavailability
        if down == 0:
            return Decimal("Infinity")
        if down.numerator == 1:
            k = len(str(down.denominator)) - 1
            if down.denominator == 10**k:
                return Decimal(k)
        # Local contexts: the caller's decimal context (precision, traps) never applies,
        # and no shared context collects flags.
        exact = decimal_from_fraction(down)
        if exact is None:
            wide = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_EVEN)
            exact = wide.divide(Decimal(down.numerator), Decimal(down.denominator))
        ctx = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)
        return ctx.minus(ctx.log10(exact))

    def format(self, places: int | None = None, *, rounding: Rounding = "floor") -> str:
        """Render as a percent string such as ``'99.9%'``.

        Args:
            places: digits after the decimal point; ``None`` shows the exact value
                (or 6 places, rounded with ``rounding``, if it does not terminate).
            rounding: how to round to ``places``. The default ``"floor"`` never shows
                more availability than there was: 99.98996 % shows as 99.98 %, not as
                a 99.99 % that a "< 99.99 %" credit tier would not match.

        Returns:
            The percent string.

        Raises:
            InvalidOptionError: unknown ``rounding``, or negative ``places``.

        Examples:
            >>> a = Availability.from_target("99.98996%")
            >>> a.format(2), a.format(2, rounding="half_even"), a.format()
            ('99.98%', '99.99%', '99.98996%')
        """
        mode = check_rounding(rounding)
        pct = self.fraction * 100
        if places is None:
            exact = decimal_from_fraction(pct)
            if exact is not None:
                return f"{exact:f}%"
            return "~" + format_fixed(pct, 6, mode) + "%"
        if isinstance(places, bool) or not isinstance(places, int) or places < 0:
            raise InvalidOptionError(
                f"places={places!r} is not a number of digits; pass a whole number >= 0."
            )
        return format_fixed(pct, places, mode) + "%"

    def __str__(self) -> str:
        return self.format()

    def __float__(self) -> float:
        """The nearest float, for plots and NumPy: ``float(a)`` (never used for decisions).

        Examples:
            >>> float(Availability.from_target("99.9%"))
            0.999
        """
        return float(self.fraction)

    def __format__(self, spec: str) -> str:
        """Format as the exact share would format as a ``Decimal``: ``f"{a:.3%}"``.

        An empty spec gives :meth:`format`'s exact text. Any other spec is applied to
        the exact value (as a ``Decimal`` of 60 significant digits when it does not
        terminate), so rounding follows the spec (half-even), never a float's.

        Examples:
            >>> a = Availability.from_target("99.98996%")
            >>> f"{a:.3%}", f"{a:.5f}", f"{a}"
            ('99.990%', '0.99990', '99.98996%')
        """
        if not spec:
            return self.format()
        exact = decimal_from_fraction(self.fraction)
        if exact is None:
            wide = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_EVEN)
            share = self.fraction
            exact = wide.divide(Decimal(share.numerator), Decimal(share.denominator))
        return format(exact, spec)

    def __repr__(self) -> str:
        if decimal_from_fraction(self.fraction * 100) is not None:
            return f"Availability({self.format()!r})"
        return f"Availability({self.fraction!r})"

    def __hash__(self) -> int:
        return hash(self.fraction)

    def __eq__(self, other: object) -> bool:
        value = _coerce(other)
        if value is None:
            return NotImplemented
        return value is not _NAN and self.fraction == value

    def __lt__(self, other: object) -> bool:
        value = _coerce(other)
        if value is None:
            return NotImplemented
        return value is not _NAN and self.fraction < value

    def __le__(self, other: object) -> bool:
        value = _coerce(other)
        if value is None:
            return NotImplemented
        return value is not _NAN and self.fraction <= value

    def __gt__(self, other: object) -> bool:
        value = _coerce(other)
        if value is None:
            return NotImplemented
        return value is not _NAN and self.fraction > value

    def __ge__(self, other: object) -> bool:
        value = _coerce(other)
        if value is None:
            return NotImplemented
        return value is not _NAN and self.fraction >= value


#: What a NaN compares as: unequal and unordered to every availability, as floats do.
_NAN = Fraction(-1)
#: Infinities compare beyond every availability.
_BELOW, _ABOVE = Fraction(-2), Fraction(2)


def _coerce(other: object) -> Fraction | None:
    """``other`` as an exact fraction to compare with; ``None``: not comparable.

    Strings are read as targets (``"99.9%"``); numbers compare by their exact value
    (a float by its binary value: ``Fraction(0.999)``, never rounded).
    """
    if isinstance(other, Availability):
        return other.fraction
    if isinstance(other, bool):
        return None
    if isinstance(other, str):
        try:
            return Availability.from_target(other).fraction
        except (InvalidTargetError, NumberTypeError):
            return None
    if isinstance(other, (int, Fraction, numbers.Rational)):
        return Fraction(int(other.numerator), int(other.denominator))
    if isinstance(other, (float, Decimal)):
        if other != other:  # NaN
            return _NAN
        if other in (math.inf, -math.inf):
            return _ABOVE if other > 0 else _BELOW
        return Fraction(other)
    return None


def to_availability(target: object) -> Availability:
    """Read any target (see :data:`TargetLike`) as an :class:`Availability`."""
    if isinstance(target, Availability):
        return target
    return Availability.from_target(target)  # type: ignore[arg-type]
