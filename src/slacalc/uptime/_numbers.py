"""Exact numbers: parsing percentages and money, rounding fractions with a named mode.

Everything in slacalc's uptime and credit math is a ``Fraction`` (or an ``int`` of
microseconds) until it is shown to a person. This module turns what users pass
(``"99.9%"``, ``Decimal("0.999")``, ``Fraction(999, 1000)``, ``Decimal("500.00")``)
into exact values, refuses binary floats, and rounds at the very end with a rounding
mode whose name the caller chose.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import Literal, TypeAlias, get_args

from slacalc.errors import InvalidMoneyError, InvalidOptionError, NumberTypeError, SlacalcError

__all__ = [
    "Rounding",
    "ShareLike",
    "check_rounding",
    "decimal_exact",
    "decimal_from_fraction",
    "format_fixed",
    "parse_exact_number",
    "parse_money",
    "parse_share",
    "quantize",
    "round_fraction",
]

Rounding: TypeAlias = Literal["floor", "ceiling", "down", "up", "half_up", "half_down", "half_even"]
"""How a value is rounded when it is shown: the names follow ``decimal``'s modes.

``floor``/``ceiling`` go toward minus/plus infinity, ``down``/``up`` toward/away from
zero, and the ``half_*`` modes go to the nearest, breaking ties up (away from zero),
down (toward zero) or to the even neighbour.

Examples:
    >>> from slacalc import Availability
    >>> a = Availability.from_target("99.98996%")
    >>> a.format(2, rounding="floor"), a.format(2, rounding="half_even")
    ('99.98%', '99.99%')
"""

ShareLike: TypeAlias = "str | Decimal | Fraction | int"
"""A share of a whole: ``"10%"``, ``Decimal("0.1")``, ``Fraction(1, 10)``, ``0`` or ``1``."""

_ROUNDINGS: frozenset[str] = frozenset(get_args(Rounding))
_PERCENT = re.compile(r"\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%\s*")
_NUMBER = re.compile(r"\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)\s*")


def check_rounding(rounding: object) -> Rounding:
    """Return ``rounding`` if it names a rounding mode, else raise InvalidOptionError."""
    if isinstance(rounding, str) and rounding in _ROUNDINGS:
        return rounding  # type: ignore[return-value]
    raise InvalidOptionError(
        f"Unknown rounding {rounding!r}; pass one of {', '.join(sorted(_ROUNDINGS))}."
    )


def round_fraction(x: Fraction, rounding: Rounding) -> int:
    """Round a fraction to an integer, exactly, with a named mode."""
    q, r = divmod(x.numerator, x.denominator)  # floor division: 0 <= r < denominator
    if r == 0:
        return q
    negative = x < 0
    if rounding == "floor":
        return q
    if rounding == "ceiling":
        return q + 1
    if rounding == "down":
        return q + 1 if negative else q
    if rounding == "up":
        return q if negative else q + 1
    twice = 2 * r
    if twice < x.denominator:
        return q
    if twice > x.denominator:
        return q + 1
    if rounding == "half_up":
        return q if negative else q + 1
    if rounding == "half_down":
        return q + 1 if negative else q
    return q if q % 2 == 0 else q + 1  # half_even


def decimal_exact(value: Decimal) -> Fraction:
    """The exact fraction of a finite Decimal (the caller has checked it is finite)."""
    return Fraction(value)


def decimal_from_fraction(x: Fraction) -> Decimal | None:
    """The exact Decimal of ``x`` in its shortest form, or None if it does not terminate.

    Built from digits rather than by arithmetic, so the caller's decimal context
    (its precision and rounding) never touches the result.
    """
    den = x.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        return None
    places = max(twos, fives)
    scaled = abs(x.numerator) * 10**places // x.denominator
    while places > 0 and scaled % 10 == 0:
        scaled //= 10
        places -= 1
    digits = tuple(int(c) for c in str(scaled))
    return Decimal((1 if x < 0 else 0, digits, -places))


def quantize(x: Fraction, quantum: Decimal, rounding: Rounding) -> Decimal:
    """Round ``x`` to a multiple of ``quantum`` (e.g. ``Decimal("0.01")``), exactly."""
    step = Fraction(quantum)
    units = round_fraction(x / step, rounding)
    exponent = quantum.as_tuple().exponent
    assert isinstance(exponent, int)
    value = Fraction(units) * step
    places = max(0, -exponent)
    return Decimal(format_fixed(value, places, "half_even"))


def format_fixed(x: Fraction, places: int, rounding: Rounding) -> str:
    """``x`` with exactly ``places`` digits after the point, rounded with ``rounding``."""
    units = round_fraction(x * 10**places, rounding)
    sign = "-" if units < 0 else ""
    digits = str(abs(units)).rjust(places + 1, "0")
    if places == 0:
        return sign + digits
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


def parse_exact_number(value: object, *, what: str, example: str) -> Fraction:
    """An exact number from a Decimal, Fraction, int or plain decimal string.

    Floats and bools raise NumberTypeError, NaN and infinities raise the caller's
    error (through ``SlacalcError`` subclasses chosen by the caller, see
    :func:`parse_share`). This one is for values with no range: burn rates, consumed
    shares above 100 %.
    """
    if isinstance(value, bool) or not isinstance(value, (Decimal, Fraction, int, str)):
        raise _type_error(value, what=what, example=example)
    if isinstance(value, str):
        text = value.strip()
        m = _PERCENT.fullmatch(text)
        if m:
            return Fraction(Decimal(m.group(1))) / 100
        if _NUMBER.fullmatch(text):
            return Fraction(Decimal(text))
        raise InvalidOptionError(f"{value!r} is not a number; write e.g. {example}.")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidOptionError(f"{value!r} is not a finite number; pass e.g. {example}.")
        return Fraction(value)
    return Fraction(value)


def _type_error(value: object, *, what: str, example: str, share: bool = False) -> NumberTypeError:
    if isinstance(value, float):
        if share and value == value and 0 <= value <= 100:
            typed = Fraction(repr(value))
            if typed <= 1:
                pct = decimal_from_fraction(typed * 100)
                example = f"Decimal('{value!r}') or '{pct}%'"
            else:
                example = f"'{value!r}%'"
        return NumberTypeError(
            f"{value!r} is a binary float, which cannot hold {what} exactly; "
            f"pass {example} instead."
        )
    return NumberTypeError(f"{value!r} is a {type(value).__name__}, not {what}; pass {example}.")


def parse_share(
    value: object,
    *,
    what: str,
    example: str,
    error: type[SlacalcError],
) -> Fraction:
    """A share in [0, 1] from ``"99.9%"``, ``Decimal("0.999")``, ``Fraction``, 0 or 1.

    A bare number above 1 (``99.9``, ``"10"``) is ambiguous, a percent or a fraction,
    and is refused with a message suggesting the percent string. Floats and bools
    raise NumberTypeError; malformed, negative or too large values raise ``error``.
    """
    if isinstance(value, bool) or not isinstance(value, (Decimal, Fraction, int, str)):
        raise _type_error(value, what=what, example=example, share=True)
    if isinstance(value, str):
        text = value.strip()
        m = _PERCENT.fullmatch(text)
        if m:
            result = Fraction(Decimal(m.group(1))) / 100
            if not 0 <= result <= 1:
                raise error(
                    f"{value!r} is out of range: {what} must be between 0% and 100%; "
                    f"pass e.g. {example}."
                )
            return result
        if not _NUMBER.fullmatch(text):
            raise error(f"{value!r} is not {what}; write e.g. {example}.")
        number = Fraction(Decimal(text))
        plain = text.lstrip("+")
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise error(f"{value!r} is not a finite number; pass {what} such as {example}.")
        number = Fraction(value)
        plain = str(value)
    elif isinstance(value, int):
        number = Fraction(value)
        plain = str(value)
    else:
        number = value
        plain = ""
    if 1 < number <= 100 and plain:
        raise error(
            f"{value!r} is ambiguous: as a plain number {what} is a fraction between 0 "
            f"and 1; if you mean {plain} percent, write '{plain}%'."
        )
    if not 0 <= number <= 1:
        raise error(
            f"{value!r} is out of range: {what} must be between 0 and 1 (or 0% and "
            f"100%); pass e.g. {example}."
        )
    return number


def parse_money(value: object, *, what: str) -> Decimal:
    """A non-negative amount of money as a Decimal, from a Decimal, int or string.

    Floats raise NumberTypeError: money is never binary floating point.
    """
    example = "Decimal('500.00') or '500.00'"
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, str)):
        if isinstance(value, float):
            raise NumberTypeError(
                f"{value!r} is a binary float, which is never used for money; pass "
                f"{what} as {example}."
            )
        raise NumberTypeError(
            f"{value!r} is a {type(value).__name__}, not an amount of money; pass "
            f"{what} as {example}."
        )
    if isinstance(value, str):
        text = value.strip()
        if not _NUMBER.fullmatch(text):
            raise InvalidMoneyError(f"{value!r} is not an amount of money; write e.g. {example}.")
        amount = Decimal(text)
    elif isinstance(value, int):
        amount = Decimal(value)
    else:
        amount = value
    if not amount.is_finite():
        raise InvalidMoneyError(f"{value!r} is not a finite amount; pass e.g. {example}.")
    if amount < 0:
        raise InvalidMoneyError(
            f"{value!r} is negative; pass {what} as a non-negative amount such as {example}."
        )
    return amount
