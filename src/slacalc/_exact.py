"""Exact numbers: the one place where shares, percentages and money enter slacalc.

Everything in slacalc's uptime, credit and report math is a ``Fraction`` (or an ``int``
of microseconds) until it is shown to a person. This module turns what users pass
(``"99.9%"``, ``Decimal("0.999")``, ``Fraction(999, 1000)``, ``Decimal("500.00")``)
into exact values, refuses binary floats, and rounds at the very end with a rounding
mode whose name the caller chose: to an integer, to a quantum of money, to a number of
decimal places, to a percent, or to a percentile of durations. It is to numbers what
``_time.py`` is to instants, and it imports nothing of slacalc but ``errors``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import Literal, TypeAlias, get_args

from slacalc._validate import check_length, shown
from slacalc.errors import InvalidMoneyError, InvalidOptionError, NumberTypeError

__all__ = [
    "PercentileMethod",
    "Rounding",
    "ShareLike",
    "check_method",
    "check_places",
    "check_rounding",
    "decimal_fraction",
    "decimal_from_fraction",
    "format_fixed",
    "parse_exact_number",
    "parse_money",
    "parse_share",
    "percent",
    "percent_decimal",
    "percentile",
    "quantize",
    "round_fraction",
]

Rounding: TypeAlias = Literal["floor", "ceiling", "down", "up", "half_up", "half_down", "half_even"]
"""How a value is rounded when it is shown: the names follow ``decimal``'s modes.

``floor``/``ceiling`` go toward minus/plus infinity, ``down``/``up`` toward/away from
zero, and the ``half_*`` modes go to the nearest, breaking ties up (away from zero),
down (toward zero) or to the even neighbour.

Examples:
    >>> from fractions import Fraction
    >>> from slacalc.uptime import Availability
    >>> a = Availability(Fraction(2, 3))
    >>> a.format(2, rounding="floor"), a.format(2, rounding="half_up")
    ('66.66%', '66.67%')
"""

ShareLike: TypeAlias = "str | Decimal | Fraction | int"
"""A share of a whole: ``"10%"``, ``Decimal("0.1")``, ``Fraction(1, 10)``, ``0`` or ``1``."""

PercentileMethod: TypeAlias = Literal["nearest_rank", "linear"]
"""How a percentile of durations is taken (both exact, in whole microseconds).

- ``"nearest_rank"`` (the default): the smallest observed value with at least ``p`` %
  of the values at or below it: the value of rank ``ceil(p / 100 * n)`` in ascending
  order. It is always one of the observed durations, never an interpolation; the
  median of an even count is the lower of the two middle values. NumPy calls it
  ``method="inverted_cdf"``.
- ``"linear"``: interpolate between the two nearest ranks at position
  ``(n - 1) * p / 100`` (NumPy's and pandas' default, Excel's ``PERCENTILE.INC``),
  exactly, then round to the microsecond, ties to even.

Examples:
    >>> from typing import get_args
    >>> from slacalc.reports import PercentileMethod
    >>> get_args(PercentileMethod)
    ('nearest_rank', 'linear')
"""

_ROUNDINGS: frozenset[str] = frozenset(get_args(Rounding))
_METHODS: tuple[str, ...] = get_args(PercentileMethod)
_PERCENT = re.compile(r"\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%\s*")
_NUMBER = re.compile(r"\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)\s*")
# Digits shown for a percent whose decimal expansion does not end.
_REPEATING_PLACES = 30


def check_rounding(rounding: object) -> Rounding:
    """Return ``rounding`` if it names a rounding mode, else raise InvalidOptionError."""
    if isinstance(rounding, str) and rounding in _ROUNDINGS:
        return rounding  # type: ignore[return-value]
    raise InvalidOptionError(
        f"Unknown rounding {rounding!r}; pass one of {', '.join(sorted(_ROUNDINGS))}."
    )


def check_method(method: object) -> PercentileMethod:
    """``method`` if it names a percentile method, else InvalidOptionError."""
    if isinstance(method, str) and method in _METHODS:
        return method  # type: ignore[return-value]
    raise InvalidOptionError(
        f"Unknown percentile method {method!r}; pass 'nearest_rank' (an observed value) "
        "or 'linear' (interpolated, as NumPy's default)."
    )


def check_places(places: object) -> int:
    """``places`` if it is a whole number of digits >= 0, else InvalidOptionError."""
    if isinstance(places, bool) or not isinstance(places, int) or places < 0:
        raise InvalidOptionError(
            f"places={places!r} is not a number of digits; pass a whole number >= 0."
        )
    return places


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


def percent(share: Fraction, places: int, rounding: Rounding) -> Decimal:
    """``share`` in percent with ``places`` decimals, rounded once with ``rounding``.

    Example: ``percent(Fraction(2, 3), 1, "half_even") == Decimal("66.7")``.
    """
    units = round_fraction(share * 100 * 10**places, rounding)
    return Decimal(units).scaleb(-places)


def percent_decimal(share: Fraction) -> Decimal:
    """``share`` in percent, exact when it terminates, else cut after 30 decimal places."""
    pct = share * 100
    exact = decimal_from_fraction(pct)
    if exact is not None:
        return exact
    return Decimal(format_fixed(pct, _REPEATING_PLACES, "down"))


def percentile(ordered: list[int], p: int, method: PercentileMethod) -> int:
    """The ``p``-th percentile (0 < p <= 100) of ascending integers, exactly."""
    n = len(ordered)
    if method == "nearest_rank":
        rank = max(1, -((-p * n) // 100))  # ceil(p * n / 100), at least 1
        return ordered[rank - 1]
    position = Fraction((n - 1) * p, 100)
    low = position.numerator // position.denominator
    if low + 1 >= n:
        return ordered[low]
    value = ordered[low] + (position - low) * (ordered[low + 1] - ordered[low])
    return round_fraction(value, "half_even")


#: Largest decimal exponent read: beyond it a Decimal names no share or rate, and its
#: exact value would take millions of digits to build.
_MAX_EXPONENT = 1000


def decimal_fraction(value: Decimal, what: str, error: type[Exception]) -> Fraction:
    """``value`` exactly, its exponent first held to ``±_MAX_EXPONENT``.

    Examples:
        >>> decimal_fraction(Decimal("0.999"), "a share", ValueError)
        Fraction(999, 1000)
    """
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and abs(exponent) > _MAX_EXPONENT:
        raise error(
            f"{shown(value)} has an exponent beyond ±{_MAX_EXPONENT}; pass {what} of ordinary size."
        )
    return Fraction(value)


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
        text = check_length(value, what=what, error=InvalidOptionError).strip()
        m = _PERCENT.fullmatch(text)
        if m:
            return Fraction(Decimal(m.group(1))) / 100
        if _NUMBER.fullmatch(text):
            return Fraction(Decimal(text))
        raise InvalidOptionError(f"{shown(value)} is not a number; write e.g. {example}.")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidOptionError(f"{shown(value)} is not a finite number; pass e.g. {example}.")
        return decimal_fraction(value, what, InvalidOptionError)
    return Fraction(value)


def _type_error(
    value: object,
    *,
    what: str,
    example: str,
    share: bool = False,
    error: type[Exception] = NumberTypeError,
) -> Exception:
    """The error for a float or a non-number where an exact number is needed."""
    if isinstance(value, float):
        if share and value == value and 0 <= value <= 100:
            typed = Fraction(repr(value))
            if typed <= 1:
                pct = decimal_from_fraction(typed * 100)
                example = f"Decimal('{value!r}') or '{pct}%'"
            else:
                example = f"'{value!r}%'"
        return error(
            f"{shown(value)} is a binary float, which cannot hold {what} exactly; "
            f"pass {example} instead."
        )
    return error(f"{shown(value)} is a {type(value).__name__}, not {what}; pass {example}.")


def parse_share(
    value: object,
    *,
    what: str,
    example: str,
    error: type[Exception],
    bounded: bool = True,
    bare: bool = True,
    type_error: type[Exception] = NumberTypeError,
    message: str | None = None,
) -> Fraction:
    """A share from ``"99.9%"``, ``Decimal("0.999")``, ``Fraction``, 0 or 1.

    By default the share must lie in [0, 1], and a bare number above 1 (``99.9``,
    ``"10"``) is refused as ambiguous (a percent or a fraction?) with a message that
    suggests the percent string. Floats, bools and non-numbers raise ``type_error``;
    malformed, non-finite, negative or too large values raise ``error``. Messages name
    the value with ``what`` and show ``example``.

    Args:
        value: what the user passed.
        what: the value's name in messages, e.g. ``'an availability target'``.
        example: a good value to suggest, e.g. ``"'99.9%' or Decimal('0.999')"``.
        error: raised for a value that is not a share.
        bounded: check the range [0, 1] (and refuse ambiguous bare numbers); with
            False any finite share is returned and the caller checks the range.
        bare: read a bare number (an int, or text without ``%``) as a fraction; with
            False only percent text and ``Decimal``/``Fraction`` values are shares.
        type_error: raised for floats, bools and non-numbers.
        message: one message, raised as ``error`` with ``{value!r}`` filled in, for
            every value that cannot be read as a number, instead of a message per
            reason (the range checks keep theirs).

    Returns:
        The exact share.
    """

    def refuse(reason: str) -> Exception:
        """The error to raise: the caller's one message, or the reason's own."""
        return error(message.format(value=value) if message else reason)

    if isinstance(value, bool) or not isinstance(value, (Decimal, Fraction, int, str)):
        if message:
            raise refuse("")
        raise _type_error(value, what=what, example=example, share=True, error=type_error)
    malformed = f"{shown(value)} is not {what}; write e.g. {example}."
    if isinstance(value, str):
        text = check_length(value, what=what, error=error).strip()
        m = _PERCENT.fullmatch(text)
        if m:
            result = Fraction(Decimal(m.group(1))) / 100
            if bounded and not 0 <= result <= 1:
                raise error(
                    f"{shown(value)} is out of range: {what} must be between 0% and 100%; "
                    f"pass e.g. {example}."
                )
            return result
        if not bare or not _NUMBER.fullmatch(text):
            raise refuse(malformed)
        number = Fraction(Decimal(text))
        plain = text.lstrip("+")
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise refuse(f"{shown(value)} is not a finite number; pass {what} such as {example}.")
        number = decimal_fraction(value, what, error)
        plain = str(value)
    elif isinstance(value, int):
        if not bare:
            raise refuse(malformed)
        number = Fraction(value)
        plain = str(value)
    else:
        number = value
        plain = ""
    if not bounded:
        return number
    if 1 < number <= 100 and plain:
        raise error(
            f"{shown(value)} is ambiguous: as a plain number {what} is a fraction between 0 "
            f"and 1; if you mean {plain} percent, write '{plain}%'."
        )
    if not 0 <= number <= 1:
        raise error(
            f"{shown(value)} is out of range: {what} must be between 0 and 1 (or 0% and "
            f"100%); pass e.g. {example}."
        )
    return number


#: Digits before the decimal point of an amount of money.
_MONEY_DIGITS = 18


def parse_money(value: object, *, what: str) -> Decimal:
    """A non-negative amount of money as a Decimal, from a Decimal, int or string.

    Floats raise NumberTypeError: money is never binary floating point.
    """
    example = "Decimal('500.00') or '500.00'"
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, str)):
        if isinstance(value, float):
            raise NumberTypeError(
                f"{shown(value)} is a binary float, which is never used for money; pass "
                f"{what} as {example}."
            )
        raise NumberTypeError(
            f"{shown(value)} is a {type(value).__name__}, not an amount of money; pass "
            f"{what} as {example}."
        )
    if isinstance(value, str):
        text = value.strip()
        if not _NUMBER.fullmatch(text):
            raise InvalidMoneyError(
                f"{shown(value)} is not an amount of money; write e.g. {example}."
            )
        amount = Decimal(text)
    elif isinstance(value, int):
        amount = Decimal(value)
    else:
        amount = value
    if not amount.is_finite():
        raise InvalidMoneyError(f"{shown(value)} is not a finite amount; pass e.g. {example}.")
    if amount < 0:
        raise InvalidMoneyError(
            f"{shown(value)} is negative; pass {what} as a non-negative amount such as {example}."
        )
    if amount.adjusted() >= _MONEY_DIGITS:
        raise InvalidMoneyError(
            f"{shown(value)} is too large for {what} (at most {_MONEY_DIGITS} digits before "
            f"the point); pass e.g. {example}."
        )
    return amount
