"""The Availability value: exact parsing, percent, nines, rendering, ordering."""

from __future__ import annotations

import dataclasses
import math
from decimal import Decimal
from fractions import Fraction

import pytest

from slacalc import Availability, InvalidOptionError, InvalidTargetError, NumberTypeError


@pytest.mark.parametrize(
    ("target", "fraction"),
    [
        ("99.9%", Fraction(999, 1000)),
        (" 99.9 % ", Fraction(999, 1000)),
        ("100%", Fraction(1)),
        ("0%", Fraction(0)),
        (".5%", Fraction(1, 200)),
        ("99.999%", Fraction(99999, 100000)),
        ("0.999", Fraction(999, 1000)),
        ("1", Fraction(1)),
        (Decimal("0.999"), Fraction(999, 1000)),
        (Decimal("0.9995"), Fraction(1999, 2000)),
        (Fraction(2, 3), Fraction(2, 3)),
        (0, Fraction(0)),
        (1, Fraction(1)),
    ],
)
def test_from_target(target: object, fraction: Fraction) -> None:
    assert Availability.from_target(target).fraction == fraction  # type: ignore[arg-type]


def test_from_target_returns_availability_unchanged() -> None:
    a = Availability.from_target("99.9%")
    assert Availability.from_target(a) is a


@pytest.mark.parametrize(
    ("target", "percent", "text"),
    [
        ("99.9%", Decimal("99.9"), "99.9%"),
        ("99.95%", Decimal("99.95"), "99.95%"),
        ("100%", Decimal("100"), "100%"),
        ("0%", Decimal("0"), "0%"),
        ("50.50%", Decimal("50.5"), "50.5%"),
        (Fraction(1, 8), Decimal("12.5"), "12.5%"),
    ],
)
def test_percent_and_str(target: object, percent: Decimal, text: str) -> None:
    a = Availability.from_target(target)  # type: ignore[arg-type]
    assert a.percent == percent
    assert str(a.percent) == str(percent)
    assert str(a) == text
    assert repr(a) == f"Availability({text!r})"


def test_repeating_fraction() -> None:
    a = Availability(Fraction(2, 3))
    assert a.percent == Decimal("66.666666666666666666666666666666")  # 30 places, truncated
    assert str(a) == "~66.666666%"
    assert repr(a) == "Availability(Fraction(2, 3))"
    assert a.format(2, rounding="half_up") == "66.67%"


@pytest.mark.parametrize(
    ("target", "nines"),
    [
        ("0%", Decimal(0)),
        ("90%", Decimal(1)),
        ("99%", Decimal(2)),  # floats: -log10(1 - 0.99) = 1.9999999999999996
        ("99.9%", Decimal(3)),  # floats: 2.9999999999999996
        ("99.99%", Decimal(4)),
        ("99.999%", Decimal(5)),
        ("99.9999999%", Decimal(9)),
        ("100%", Decimal("Infinity")),
    ],
)
def test_nines_exact(target: str, nines: Decimal) -> None:
    assert Availability.from_target(target).nines == nines
    assert math.floor(-math.log10(1 - 0.99)) == 1  # the float trap this avoids


def test_fractional_nines() -> None:
    # "Three and a half nines" is 99.95 %: -log10(0.0005) = 3.30 nines; 99.5 % is 2.30.
    assert round(Availability.from_target("99.95%").nines, 2) == Decimal("3.30")
    assert round(Availability.from_target("99.5%").nines, 2) == Decimal("2.30")
    assert Availability.from_target("99.95%").nines == Decimal("3.301029995663981195213738895")
    # 3.5 nines exactly is 1 - 10^-3.5 = 99.968...%: 10^3.5 = 3162.28, so between 1/3162 and 1/3163.
    assert Availability(1 - Fraction(1, 3162)).nines < Decimal("3.5")
    assert Decimal("3.5") < Availability(1 - Fraction(1, 3163)).nines < Decimal("3.51")
    assert Availability(Fraction(2, 3)).nines == Decimal("0.4771212547196624372950279033")


def test_from_nines() -> None:
    assert Availability.from_nines(0) == 0
    assert Availability.from_nines(3) == "99.9%"
    assert str(Availability.from_nines(5)) == "99.999%"
    for bad in (-1, 2.5, True, "3"):
        with pytest.raises(InvalidTargetError, match="is not a count of nines"):
            Availability.from_nines(bad)  # type: ignore[arg-type]


def test_format() -> None:
    # 99.98996 % must not be shown as 99.99 % by default: a "< 99.99 %" credit tier applies.
    a = Availability.from_target("99.98996%")
    assert a.format(2) == "99.98%"
    assert a.format(2, rounding="half_up") == "99.99%"
    assert a.format(0) == "99%"
    assert a.format() == "99.98996%"
    assert Availability.from_target("99.9%").format(3) == "99.900%"
    with pytest.raises(InvalidOptionError, match=r"places=-1 is not a number of digits"):
        a.format(-1)
    with pytest.raises(InvalidOptionError, match=r"Unknown rounding 'round'"):
        a.format(2, rounding="round")  # type: ignore[arg-type]


def test_unavailability() -> None:
    assert Availability.from_target("99.9%").unavailability == Fraction(1, 1000)


def test_equality_and_ordering_with_targets() -> None:
    a = Availability.from_target("99.9%")
    assert a == "99.9%"
    assert a == Decimal("0.999")
    assert a == Fraction(999, 1000)
    assert a == Availability(Fraction(999, 1000))
    assert a != "99.95%"
    assert a < "99.95%"
    assert a <= "99.9%"
    assert a > "99%"
    assert a >= Decimal("0.999")
    assert a != "not a target"
    assert a != 0.999  # a float compares by its binary value, 0.99899999999999999911...
    assert a > 0.999
    assert a < 0.9990000000000001
    assert sorted([Availability.from_target(t) for t in ("99%", "99.99%", "99.9%")]) == [
        "99%",
        "99.9%",
        "99.99%",
    ]
    assert hash(a) == hash(Fraction(999, 1000)) == hash(Decimal("0.999"))
    assert len({a, Availability.from_target(Decimal("0.999"))}) == 1


def test_immutable() -> None:
    a = Availability.from_target("99.9%")
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.fraction = Fraction(1)  # type: ignore[misc]
    assert dataclasses.replace(a, fraction=Fraction(1, 2)) == "50%"


def test_constructor_checks() -> None:
    with pytest.raises(NumberTypeError, match=r"Availability\(Decimal\('0.999'\)\) needs"):
        Availability(Decimal("0.999"))  # type: ignore[arg-type]
    with pytest.raises(InvalidTargetError, match=r"Fraction\(3, 2\) is out of range"):
        Availability(Fraction(3, 2))
    with pytest.raises(InvalidTargetError, match=r"Fraction\(-1, 2\) is out of range"):
        Availability(Fraction(-1, 2))
