"""The text every report shares: exact values as people read them."""

from __future__ import annotations

from fractions import Fraction

import pytest

from slacalc.reports._tables import Tabular, render_text
from slacalc.uptime import Availability


def test_availabilities_and_shares_are_written_as_percentages() -> None:
    rows: list[tuple[object, ...]] = [
        (Availability.from_target("99.95%"), Fraction(1, 3)),
        (Availability(Fraction(2, 3)), Fraction(1, 2)),
    ]
    assert render_text(("availability", "share"), rows).splitlines() == [
        "availability  share",
        "------------  -----",
        "99.950%       33.3%",
        "66.666%       50.0%",  # floored: never more than there was
    ]


def test_a_report_must_say_its_columns_rows_and_title() -> None:
    with pytest.raises(TypeError, match=r"abstract methods _columns, _shown, _title, _values"):
        Tabular()  # type: ignore[abstract]
