"""Exact numbers for reports: named rounding of fractions, percentiles of durations."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Literal, TypeAlias, get_args

from slacalc.errors import InvalidOptionError
from slacalc.uptime import Rounding
from slacalc.uptime._numbers import check_rounding, round_fraction

__all__ = [
    "PercentileMethod",
    "check_method",
    "check_places",
    "check_rounding",
    "percent",
    "percent_text",
    "percentile",
    "round_fraction",
]

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

_METHODS: tuple[str, ...] = get_args(PercentileMethod)


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


def percent(share: Fraction, places: int, rounding: Rounding) -> Decimal:
    """``share`` in percent with ``places`` decimals, rounded once with ``rounding``.

    Example: ``percent(Fraction(2, 3), 1, "half_even") == Decimal("66.7")``.
    """
    units = round_fraction(share * 100 * 10**places, rounding)
    return Decimal(units).scaleb(-places)


def percent_text(share: Fraction, places: int = 1, rounding: Rounding = "half_even") -> str:
    """``share`` as a percent string such as ``'97.5%'``."""
    return f"{percent(share, places, rounding):f}%"


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
