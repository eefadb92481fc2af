"""Recurring hours, seasons and holiday categories in a policy file's calendars."""

from __future__ import annotations

import datetime as dt

import pytest

import slacalc
from slacalc.policy import CalendarSpec, SLAPolicy, default_policy

AGENCY = """\
[support]
hours = "Mon-Fri 09:00-17:00"
tz = "Europe/Copenhagen"
holidays = ["DK+optional"]
recurring = { "Dec 23" = "09:00-12:00", "last Fri of Nov" = ["09:00-11:00", "12:00-13:00"] }
seasons = { "Jul" = "Mon-Thu 08:00-15:00" }
"""


def _policy(support: str) -> SLAPolicy:
    text = default_policy().to_toml()
    head, _, rest = text.partition("[support]\n")
    _, _, tail = rest.partition("\n\n")
    return SLAPolicy.from_toml(head + support + "\n" + tail)


def test_an_agency_writes_its_year_in_toml() -> None:
    policy = _policy(AGENCY)
    cal = policy.calendar()
    assert dict(cal.recurring) == {
        "12-23": "09:00-12:00",
        "last Fri of Nov": "09:00-11:00,12:00-13:00",
    }
    assert dict(cal.seasons) == {"07-01..07-31": "Mon-Thu 08:00-15:00"}
    assert cal.is_holiday("2026-12-24")  # Juleaftensdag, an optional day
    assert not cal.is_open(dt.datetime(2026, 12, 23, 13, tzinfo=cal.tz))
    assert SLAPolicy.from_toml(policy.to_toml()) == policy
    assert "[support.recurring]" in policy.to_toml()


def test_empty_tables_are_not_written() -> None:
    text = default_policy().to_toml()
    assert "recurring" not in text
    assert "seasons" not in text


@pytest.mark.parametrize(
    ("table", "field", "message"),
    [
        ('recurring = { "02-30" = "closed" }', "support.recurring", "never matches a real date"),
        (
            'seasons = { "Apr-Sep" = "Mon 09:00-10:00", "Sep" = "closed" }',
            "support.seasons",
            "overlap",
        ),
        ('holidays = ["DK+bogus"]', "support.holidays", "Unknown holiday category 'bogus'"),
    ],
)
def test_bad_tables_name_their_field(table: str, field: str, message: str) -> None:
    support = f'[support]\nhours = "Mon-Fri 09:00-17:00"\ntz = "Europe/Copenhagen"\n{table}\n'
    with pytest.raises(slacalc.PolicyValidationError, match=message) as info:
        _policy(support)
    assert field in str(info.value)


def test_calendar_spec_canonical_forms() -> None:
    spec = CalendarSpec(
        hours="Mon-Fri 09:00-17:00",
        tz="UTC",
        recurring={"24 December": "closed"},
        seasons={"June-August": "Mon-Fri 08:00-15:00"},
    )
    assert dict(spec.recurring) == {"12-24": "closed"}
    assert dict(spec.seasons) == {"06-01..08-31": "Mon-Fri 08:00-15:00"}
    assert spec.build().recurring == spec.recurring
