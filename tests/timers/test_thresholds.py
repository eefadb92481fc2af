"""Warning thresholds read shares exactly and refuse what is not one."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from slacalc import InvalidOptionError, WarningThreshold


@pytest.mark.parametrize("share", ["75%", Fraction(3, 4), Decimal("0.75"), " 75 % ", "0.75"])
def test_a_share_in_any_exact_form(share: object) -> None:
    budget = 8 * 3_600_000_000
    assert WarningThreshold(percent=share).budget_us(budget) == 6 * 3_600_000_000


@pytest.mark.parametrize("share", [True, "abc%", "inf%", Decimal("NaN"), 0.75])
def test_what_is_not_an_exact_share_is_refused(share: object) -> None:
    with pytest.raises(InvalidOptionError, match=r"is not an exact share; write a percentage"):
        WarningThreshold(percent=share)


def test_a_bare_number_is_a_share_and_must_be_at_most_one() -> None:
    # Plain text is a share like Decimal's, so '75' is 7500 %: refused, with the fix.
    with pytest.raises(InvalidOptionError, match=r"'75' is out of range.*e\.g\. '75%'"):
        WarningThreshold(percent="75")
