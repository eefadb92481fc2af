"""Availabilities as numbers: float(), format specs, exact comparison with any number."""

from __future__ import annotations

import math
import operator
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from slacalc import Availability

THREE_NINES = Availability.from_target("99.9%")


def test_float_is_the_nearest_float() -> None:
    assert float(THREE_NINES) == 0.999
    assert float(Availability(Fraction(1, 3))) == 1 / 3
    assert np.array([THREE_NINES], dtype=float).tolist() == [0.999]


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("", "99.9%"),
        (".3%", "99.900%"),
        (".1%", "99.9%"),
        (".0%", "100%"),
        (".4f", "0.9990"),
        ("g", "0.999"),
        (">10.2%", "    99.90%"),
    ],
)
def test_format_specs_apply_to_the_exact_value(spec: str, expected: str) -> None:
    assert format(THREE_NINES, spec) == expected


def test_format_rounds_the_exact_value_not_a_float() -> None:
    # 0.125 is exact in binary too, but 2/3 is not: the Decimal path rounds half-even.
    assert f"{Availability(Fraction(1, 8)):.1%}" == "12.5%"
    assert f"{Availability(Fraction(2, 3)):.3%}" == "66.667%"
    # A float would print 0.99985 as 99.98% (its binary value lies below); exactly it is 99.985%.
    assert f"{Availability.from_target('99.985%'):.3%}" == "99.985%"
    assert f"{Availability.from_target('99.985%'):.2%}" == "99.98%"  # half-even


@pytest.mark.parametrize(
    ("other", "eq", "lt"),
    [
        (1, False, True),
        (0, False, False),
        (2, False, True),
        (Fraction(999, 1000), True, False),
        (Decimal("0.999"), True, False),
        (Decimal("0.9990"), True, False),
        (0.999, False, False),  # binary 0.999 lies just below 999/1000
        (np.float64(0.9995), False, True),
        (math.inf, False, True),
        (-math.inf, False, False),
        ("99.9%", True, False),
        ("99.95%", False, True),
    ],
)
def test_compares_exactly_with_numbers_and_targets(other: object, eq: bool, lt: bool) -> None:
    a = THREE_NINES
    assert (a == other) is eq
    assert (a != other) is not eq
    assert (a < other) is lt
    assert (a <= other) is (lt or eq)
    assert (a > other) is not (lt or eq)
    assert (a >= other) is not lt


def test_a_float_that_equals_exactly_compares_equal() -> None:
    half = Availability(Fraction(1, 2))
    assert half == 0.5
    assert half <= 0.5
    assert half >= 0.5
    assert hash(half) == hash(0.5)


@pytest.mark.parametrize("nan", [math.nan, Decimal("NaN"), np.float64("nan")])
@pytest.mark.parametrize(
    "compare",
    [operator.eq, operator.lt, operator.le, operator.gt, operator.ge],
    ids=lambda f: f.__name__,
)
def test_nan_is_unordered(nan: object, compare: Callable[[object, object], bool]) -> None:
    a = THREE_NINES
    assert compare(a, nan) is False
    assert a != nan


def test_bools_and_bare_number_strings_do_not_compare() -> None:
    assert THREE_NINES != True  # noqa: E712
    with pytest.raises(TypeError):
        _ = THREE_NINES < True
    with pytest.raises(TypeError):
        _ = THREE_NINES < "99.9"  # ambiguous: write "99.9%"
