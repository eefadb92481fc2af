"""The exact-number kernel: shares, money, named rounding, percents and percentiles.

Every share and percent that enters slacalc goes through ``slacalc._exact``; these rows pin
what each way in accepts and the messages it refuses with.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from slacalc import WarningThreshold
from slacalc._exact import (
    check_method,
    check_places,
    check_rounding,
    decimal_from_fraction,
    format_fixed,
    parse_money,
    parse_share,
    percent,
    percent_decimal,
    percentile,
    quantize,
    round_fraction,
)
from slacalc._present.formats import share_text
from slacalc.errors import (
    InvalidMoneyError,
    InvalidOptionError,
    InvalidTargetError,
    NumberTypeError,
)
from slacalc.policy import parse_percent


def _target(value: object) -> Fraction:
    return parse_share(value, what="a target", example="'99.9%'", error=InvalidTargetError)


@pytest.mark.parametrize(
    ("value", "share"),
    [
        ("99.9%", Fraction(999, 1000)),
        (" 12.5 % ", Fraction(1, 8)),
        (".5%", Fraction(1, 200)),
        ("0.25", Fraction(1, 4)),
        (Decimal("0.999"), Fraction(999, 1000)),
        (Fraction(1, 3), Fraction(1, 3)),
        (0, Fraction(0)),
        (1, Fraction(1)),
    ],
)
def test_share_reads_percent_text_and_exact_numbers(value: object, share: Fraction) -> None:
    assert _target(value) == share


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (0.999, NumberTypeError, r"0.999 is a binary float.*Decimal\('0.999'\) or '99.9%'"),
        (True, NumberTypeError, "True is a bool, not a target"),
        ("99.9", InvalidTargetError, r"'99.9' is ambiguous.*write '99.9%'"),
        (Decimal(50), InvalidTargetError, "is ambiguous"),
        ("101%", InvalidTargetError, "'101%' is out of range: a target must be between 0% and"),
        (Decimal("-0.1"), InvalidTargetError, "out of range"),
        ("nan%", InvalidTargetError, "'nan%' is not a target; write e.g. '99.9%'."),
        (Decimal("NaN"), InvalidTargetError, "is not a finite number; pass a target such as"),
    ],
)
def test_share_refusals_say_why(value: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        _target(value)


def test_unbounded_share_leaves_the_range_to_the_caller() -> None:
    read = {"what": "a share", "example": "'5%'", "error": InvalidOptionError, "bounded": False}
    assert parse_share("150%", **read) == Fraction(3, 2)  # type: ignore[arg-type]
    assert parse_share(Decimal(75), **read) == 75  # type: ignore[arg-type]


def test_percent_only_refuses_bare_numbers() -> None:
    # The policy file's percentages: '99.9' or 1 is not a percentage, '99.9%' is.
    assert parse_percent("99.9%") == Fraction(999, 1000)
    assert parse_percent(Decimal("0.5")) == Fraction(1, 2)
    for bare in ("99.9", 1):
        with pytest.raises(ValueError, match="is not a percentage") as refused:
            parse_percent(bare)
        assert str(refused.value) == f"{bare!r} is not a percentage; write e.g. '99.9%' or '5%'."
    with pytest.raises(ValueError, match=r"0\.75 is a binary float") as info:
        parse_percent(0.75)
    assert not isinstance(info.value, TypeError)  # pydantic turns only ValueError into fields


def test_one_message_for_every_unreadable_warning_share() -> None:
    assert WarningThreshold(percent="12.5%").percent == Fraction(1, 8)
    assert WarningThreshold(percent=Decimal("0.75")).percent == Fraction(3, 4)
    for bad in (0.75, "soon", Decimal("NaN"), True):
        with pytest.raises(InvalidOptionError) as info:
            WarningThreshold(percent=bad)
        assert str(info.value).startswith(f"{bad!r} is not an exact share; write a percentage")


def test_money() -> None:
    assert parse_money("500.00", what="the fee") == Decimal("500.00")
    assert parse_money(500, what="the fee") == 500
    with pytest.raises(NumberTypeError, match="never used for money"):
        parse_money(500.0, what="the fee")
    with pytest.raises(InvalidMoneyError, match="is negative"):
        parse_money("-1", what="the fee")
    assert quantize(Fraction(1, 3), Decimal("0.01"), "half_up") == Decimal("0.33")
    assert quantize(Fraction(2, 3), Decimal("0.01"), "floor") == Decimal("0.66")


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        # value: floor ceiling down up half_up half_down half_even
        (Fraction(5, 2), (2, 3, 2, 3, 3, 2, 2)),
        (Fraction(-5, 2), (-3, -2, -2, -3, -3, -2, -2)),
        (Fraction(7, 3), (2, 3, 2, 3, 2, 2, 2)),
        (Fraction(-7, 3), (-3, -2, -2, -3, -2, -2, -2)),
        (Fraction(4), (4, 4, 4, 4, 4, 4, 4)),
    ],
)
def test_round_fraction_with_every_named_mode(x: Fraction, expected: tuple[int, ...]) -> None:
    modes = ("floor", "ceiling", "down", "up", "half_up", "half_down", "half_even")
    assert tuple(round_fraction(x, m) for m in modes) == expected  # type: ignore[arg-type]


def test_decimals_and_percents() -> None:
    assert decimal_from_fraction(Fraction(1, 8)) == Decimal("0.125")
    assert decimal_from_fraction(Fraction(1, 3)) is None
    assert format_fixed(Fraction(-1, 8), 2, "half_even") == "-0.12"
    assert percent(Fraction(2, 3), 1, "half_even") == Decimal("66.7")
    assert share_text(Fraction(39, 40)) == "97.5%"  # the table form, in _present
    assert percent_decimal(Fraction(999, 1000)) == Decimal("99.9")
    assert percent_decimal(Fraction(1, 3)) == Decimal("33." + "3" * 30)


def test_percentiles() -> None:
    values = [10, 20, 30, 40]
    assert percentile(values, 50, "nearest_rank") == 20
    assert percentile(values, 50, "linear") == 25
    assert percentile(values, 100, "linear") == 40
    assert percentile([1, 2], 50, "linear") == 2  # 1.5 rounds to even


def test_option_checks() -> None:
    assert check_rounding("half_even") == "half_even"
    assert check_method("linear") == "linear"
    assert check_places(0) == 0
    for check, bad in ((check_rounding, "nearest"), (check_method, "mean"), (check_places, -1)):
        with pytest.raises(InvalidOptionError):
            check(bad)
