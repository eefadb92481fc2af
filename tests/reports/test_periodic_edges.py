"""availability_table edge cases: lookups, views, DataFrame logs, options refused, no NumPy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

import pandas as pd
import pytest

from slacalc import Availability, BusinessCalendar
from slacalc.errors import (
    ColumnTypeError,
    InvalidDurationError,
    InvalidOptionError,
    InvalidPeriodError,
    InvalidWeightError,
    MissingColumnError,
    NoEligibleTimeError,
    OpenOutageError,
    UnknownComponentError,
)
from slacalc.reports import AvailabilityTable, _periodic, availability_table, rolling_availability

UTC = dt.UTC
H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)
T = dt.datetime(2026, 3, 2, 10, tzinfo=UTC)  # a Monday
DAY = "2026-03-02"


def _by_component() -> AvailabilityTable:
    log = [{"start": T, "end": T + H, "component": "api"}]
    return availability_table(log, DAY, every="day", by="component", components=["api", "web"])


# -- the table ----------------------------------------------------------------------------------


def test_row_of_an_unknown_component_names_the_known_ones() -> None:
    with pytest.raises(UnknownComponentError, match=r"no component 'db'; it has 'api', 'web'\.$"):
        _by_component().row(DAY, "db")


def test_row_of_an_unknown_period_names_the_first_and_last() -> None:
    with pytest.raises(
        InvalidPeriodError,
        match=r"no period '2026-03-03'; its first is '2026-03-02' and its last '2026-03-02'",
    ):
        _by_component().row("2026-03-03", "api")


def test_repr_and_html_title() -> None:
    table = _by_component()
    assert repr(table) == "<AvailabilityTable: 2 rows per day, components ['api', 'web']>"
    assert "<strong>Availability per day (shown floor)</strong>" in table._repr_html_()
    with_target = availability_table([], "2026-03", target="99.9%")
    assert "<strong>Availability per month against 99.9% (shown floor)</strong>" in (
        with_target._repr_html_()
    )


# -- reading the log -----------------------------------------------------------------------------


def test_weights_must_be_a_mapping_and_override_the_defaults() -> None:
    with pytest.raises(InvalidWeightError, match=r"is not a mapping; pass e\.g\. \{'partial'"):
        availability_table([(T, T + H)], DAY, every="day", weights=[("full", "1")])  # type: ignore[arg-type]
    table = availability_table(
        [(T, T + H, "partial")], DAY, every="day", weights={"partial": "50%"}
    )
    assert table.rows[0].downtime == 30 * M
    assert table.rows[0].downtime_seconds == 1800


def test_a_log_that_is_not_a_table_is_refused() -> None:
    with pytest.raises(ColumnTypeError, match=r"^incidents=42 is not an incident log"):
        availability_table(42, DAY, every="day")


def test_a_frame_without_start_is_refused_with_its_columns() -> None:
    df = pd.DataFrame({"begin": [T], "end": [T + H]})
    with pytest.raises(
        MissingColumnError, match=r"no column 'start' \(the table has 'begin', 'end'\)"
    ):
        availability_table(df, DAY, every="day")


def test_a_frame_with_an_open_incident_needs_as_of() -> None:
    df = pd.DataFrame({"start": [T, T + 2 * H], "end": [T + H, None]})
    with pytest.raises(OpenOutageError, match=r"^row 1: the incident has no end; pass as_of="):
        availability_table(df, DAY, every="day")
    # open until as_of; without a severity column every incident is a full outage
    (row,) = availability_table(df, DAY, every="day", as_of=T + 3 * H).rows
    assert (row.downtime, row.incidents) == (2 * H, 2)


def test_a_frame_open_incident_started_after_as_of_is_of_no_length() -> None:
    df = pd.DataFrame({"start": [T, T + 2 * H], "end": [T + H, None]})
    (row,) = availability_table(df, DAY, every="day", as_of=T).rows
    assert (row.downtime, row.incidents) == (H, 2)
    assert row.availability == Availability(Fraction(23, 24))


def test_a_frame_incident_that_ends_before_it_starts_is_refused() -> None:
    df = pd.DataFrame({"start": [T], "end": [T - H]})
    with pytest.raises(ColumnTypeError, match=r"'end' of the incidents is before 'start' in row 0"):
        availability_table(df, DAY, every="day")


def test_a_frame_row_without_a_component_cannot_be_split_by_component() -> None:
    df = pd.DataFrame({"start": [T, T], "end": [T + H, T + H], "component": ["api", None]})
    with pytest.raises(UnknownComponentError, match=r"^row 1 has no component; give every"):
        availability_table(df, DAY, every="day", by="component")
    # the whole log still reads: the row without a component counts
    (row,) = availability_table(df, DAY, every="day").rows
    assert (row.downtime, row.incidents) == (H, 2)


# -- options refused -----------------------------------------------------------------------------


def test_components_need_by_component() -> None:
    with pytest.raises(InvalidOptionError, match=r"components= and groups= need by='component'"):
        availability_table([(T, T + H)], DAY, every="day", components=["api"])


def test_a_group_without_components_is_refused() -> None:
    log = [{"start": T, "end": T + H, "component": "api"}]
    with pytest.raises(UnknownComponentError, match=r"^Group 'shop' has no components"):
        availability_table(log, DAY, every="day", by="component", groups={"shop": []})


def test_a_negative_min_outage_is_refused() -> None:
    with pytest.raises(InvalidDurationError, match=r"^min_outage='-1m' is negative"):
        availability_table([(T, T + H)], DAY, every="day", min_outage="-1m")


def test_an_unknown_maintenance_check_is_refused() -> None:
    with pytest.raises(InvalidOptionError, match=r"^Unknown maintenance_check 'ignore'"):
        availability_table([(T, T + H)], DAY, every="day", maintenance_check="ignore")  # type: ignore[arg-type]


def test_maintenance_needs_a_mode() -> None:
    with pytest.raises(InvalidOptionError, match=r"maintenance_mode=None; say how they count"):
        availability_table([(T, T + H)], DAY, every="day", maintenance=[(T, T + H)])


def test_a_period_all_excluded_maintenance_has_nothing_to_measure() -> None:
    whole_day = [(T - 10 * H, T + 14 * H)]
    with pytest.raises(
        NoEligibleTimeError, match=r"^Nothing of the period '2026-03-02' is eligible"
    ):
        availability_table(
            [(T, T + H)], DAY, every="day", maintenance=whole_day, maintenance_mode="exclude"
        )


# -- calendars without slacalc's fast port ---------------------------------------------------------


class _Hours:
    """A calendar that only has open_periods (no microsecond port)."""

    def __init__(self, calendar: BusinessCalendar) -> None:
        self.calendar = calendar

    def open_periods(
        self, start: dt.datetime, end: dt.datetime
    ) -> Iterator[tuple[dt.datetime, dt.datetime]]:
        yield from self.calendar.open_periods(start, end)


def test_a_calendar_with_only_open_periods_measures_as_a_business_calendar() -> None:
    hours = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
    log = [(T, T + H), (T + 12 * H, T + 13 * H)]  # the second is at night: not counted
    plain = availability_table(log, "2026-W10", every="week", calendar=_Hours(hours))
    fast = availability_table(log, "2026-W10", every="week", calendar=hours)
    assert plain.rows == fast.rows
    assert (plain.rows[0].eligible, plain.rows[0].downtime) == (40 * H, H)


def test_a_calendar_without_open_periods_is_refused() -> None:
    with pytest.raises(InvalidOptionError, match=r"has no open_periods\(start, end\); pass a"):
        availability_table([(T, T + H)], DAY, every="day", calendar=object())  # type: ignore[arg-type]


# -- without NumPy -------------------------------------------------------------------------------


def test_without_numpy_the_figures_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    log: list[dict[str, Any]] = [
        {"start": T, "end": T + H, "component": "web", "severity": "partial"},
        {"start": T + 30 * M, "end": T + 2 * H, "component": "db"},
        {"start": T + 5 * H, "end": T + 5 * H + 30 * M, "component": "web"},
        {"start": T + 8 * H, "end": T + 8 * H + 2 * M, "component": "db"},  # under min_outage
    ]
    options: dict[str, Any] = {
        "by": "component",
        "groups": {"shop": ["web", "db"]},
        "min_outage": "5m",
        "target": "99%",
    }
    days = (dt.datetime(2026, 3, 2, tzinfo=UTC), dt.datetime(2026, 3, 5, tzinfo=UTC))
    with_numpy = rolling_availability(log, days, days=2, **options)
    daily = availability_table(log, DAY, every="day", **options)
    monkeypatch.setattr(_periodic, "_numpy", lambda: None)
    assert rolling_availability(log, days, days=2, **options).rows == with_numpy.rows
    assert availability_table(log, DAY, every="day", **options).rows == daily.rows
    # shop: web 10:00-11:00 at 30 % and db 10:30-12:00 in full, web 15:00-15:30 in full
    shop = daily.row(DAY, "shop")
    assert shop.downtime == 9 * M + 90 * M + 30 * M  # 30 min at 30 % is 9 min
    assert [r.downtime for r in daily.rows] == [18 * M + 30 * M, 90 * M, shop.downtime]
    assert len(with_numpy.rows) == 9
    assert with_numpy.row("2026-03-03", "shop").met is False
