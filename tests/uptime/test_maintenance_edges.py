"""Edge cases of check_maintenance: bad windows and rules, records, empty windows, months."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from slacalc import BusinessCalendar
from slacalc.errors import InvalidIntervalError, WrongTypeError
from slacalc.uptime import (
    MaintenanceBreach,
    MaintenanceRule,
    PlannedMaintenance,
    check_maintenance,
)

UTC = dt.UTC
H = dt.timedelta(hours=1)
T = dt.datetime(2026, 11, 4, 2, tzinfo=UTC)


def test_a_window_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(InvalidIntervalError, match=r"ends at '2026-11-04T01:00:00\+00:00', before"):
        PlannedMaintenance(T, T - H)


def test_a_record_with_start_end_announced_and_label_is_a_window() -> None:
    @dataclass
    class Row:
        start: dt.datetime
        end: dt.datetime
        announced: dt.datetime
        label: str

    check = check_maintenance([Row(T, T + H, T - H, "patches")], notice=dt.timedelta(hours=48))
    assert check.kept == ()
    [breach] = check.breaches
    assert (breach.rule, breach.maintenance.label, breach.duration) == (
        "short_notice",
        "patches",
        H,
    )
    assert breach.maintenance.announced == T - H


def test_rules_without_the_maintenance_fields_are_refused() -> None:
    with pytest.raises(WrongTypeError, match=r"are not maintenance rules; pass policy"):
        check_maintenance([(T, T + H)], object())  # type: ignore[arg-type]


def test_a_window_that_is_not_a_calendar_is_refused() -> None:
    with pytest.raises(WrongTypeError, match=r"is not a calendar; pass the agreed hours"):
        check_maintenance([(T, T + H)], window="Sun 02:00-06:00")  # type: ignore[arg-type]


def test_an_empty_window_breaks_no_rule_and_is_not_kept() -> None:
    check = check_maintenance([(T, T), (T + H, T + 2 * H)], max_per_month=dt.timedelta(0))
    assert check.kept == ()
    assert [(b.rule, b.start, b.end) for b in check.breaches] == [
        ("over_monthly_cap", T + H, T + 2 * H)
    ]


def test_a_window_across_a_month_edge_counts_against_each_month() -> None:
    edge = dt.datetime(2026, 12, 1, tzinfo=UTC)
    # 3 h in November, 2 h in December; at most 1 h a month
    check = check_maintenance([(edge - 3 * H, edge + 2 * H)], max_per_month=H)
    assert check.kept == ((edge - 3 * H, edge - 2 * H), (edge, edge + H))
    assert [(b.start, b.end) for b in check.breaches] == [
        (edge - 2 * H, edge),
        (edge + H, edge + 2 * H),
    ]


def test_a_window_ending_on_a_month_edge_is_not_split() -> None:
    edge = dt.datetime(2026, 12, 1, tzinfo=UTC)
    check = check_maintenance([(edge - 2 * H, edge)], max_per_month=H)
    assert check.kept == ((edge - 2 * H, edge - H),)
    assert [(b.start, b.end) for b in check.breaches] == [(edge - H, edge)]


@dataclass(frozen=True)
class _Rules:
    window: object | None = None
    notice: dt.timedelta | None = None
    max_per_month: dt.timedelta | None = None


_WINDOW = PlannedMaintenance(T, T + 2 * H)
_HEAD = "maintenance 2026-11-04 02:00-04:00 +00:00: "


@pytest.mark.parametrize(
    ("rule", "rules", "says"),
    [
        # A calendar names its hours and zone.
        (
            "outside_window",
            _Rules(window=BusinessCalendar("Sun 02:00-06:00", tz="Europe/Copenhagen")),
            "outside the agreed window (Sun 02:00-06:00 Europe/Copenhagen)",
        ),
        # A window object with hours but no zone names its hours only.
        (
            "outside_window",
            _Rules(window=SimpleNamespace(hours="Sat 01:00-03:00", tz=None)),
            "outside the agreed window (Sat 01:00-03:00)",
        ),
        # A window that cannot say its hours (any open_periods object): the rule alone.
        ("outside_window", _Rules(window=object()), "outside the agreed window"),
        (
            "short_notice",
            _Rules(notice=dt.timedelta(hours=36)),
            "announced too late (1d 12h notice agreed)",
        ),
        ("short_notice", _Rules(), "announced too late"),
        (
            "over_monthly_cap",
            _Rules(max_per_month=4 * H),
            "over the monthly limit (at most 4h a month)",
        ),
        ("over_monthly_cap", _Rules(), "over the monthly limit"),
    ],
)
def test_a_breach_says_what_the_agreement_allows(
    rule: MaintenanceRule, rules: _Rules, says: str
) -> None:
    breach = MaintenanceBreach(_WINDOW, rule, T, T + 2 * H)
    assert breach.describe(rules) == f"{_HEAD}{says}, 2h downtime"  # type: ignore[arg-type]
    # Without rules the line is the plain text.
    assert breach.describe() == breach.text
