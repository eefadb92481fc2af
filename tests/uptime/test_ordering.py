"""Availabilities order against targets in every exact form, and refuse anything else."""

from __future__ import annotations

import operator
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import pytest

from slacalc import Availability


def test_orders_against_every_exact_form() -> None:
    three_nines = Availability.from_target("99.9%")
    for other in ("99.95%", Decimal("0.9995"), Fraction(1999, 2000)):
        assert three_nines < other
        assert three_nines <= other
        assert not three_nines > other
        assert not three_nines >= other
    assert three_nines >= "99.9%"
    assert three_nines <= "99.9%"


@pytest.mark.parametrize(
    "compare", [operator.lt, operator.le, operator.gt, operator.ge], ids=lambda f: f.__name__
)
def test_orders_against_nothing_else(compare: Callable[[object, object], bool]) -> None:
    three_nines = Availability.from_target("99.9%")
    with pytest.raises(TypeError, match="not supported between instances of 'Availability'"):
        compare(three_nines, object())
    assert three_nines != object()
