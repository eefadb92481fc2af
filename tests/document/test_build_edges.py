"""The agreement's wording for policies that state only part of a clause."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest

from slacalc.document import render_agreement
from slacalc.policy import SLAPolicy

MINIMAL = tomllib.loads((Path(__file__).parent / "policies" / "minimal.toml").read_text("utf-8"))
OFFICE = {"hours": "Mon-Fri 09:00-17:00", "tz": "Europe/Copenhagen"}


def _text(extra: dict[str, Any], year: int | None = None) -> str:
    data = copy.deepcopy(MINIMAL) | extra
    return render_agreement(SLAPolicy.from_dict(data), year=year)


def _section(text: str, heading: str) -> str:
    """The paragraphs of the section whose heading ends with ``heading``."""
    start = text.index(f". {heading}\n")
    return text[start : text.find("\n## ", start)]


@pytest.mark.parametrize(
    ("extra", "said", "unsaid"),
    [
        (
            {"terms": {"effective": "2027-01-01"}},
            "The agreement takes effect on 1 January 2027.",
            ("first term", "notice"),
        ),
        (
            {"terms": {"term_months": 12}},
            "The agreement runs for a first term of 12 months.\n\n"
            "It ends when the term ends, unless the parties agree otherwise.",
            ("takes effect", "notice"),
        ),
    ],
)
def test_term_states_only_what_is_given(
    extra: dict[str, Any], said: str, unsaid: tuple[str, ...]
) -> None:
    section = _section(_text(extra), "Term and termination")
    assert said in section
    assert not any(word in section for word in unsaid)


def test_liability_with_a_cap_and_no_sole_remedy() -> None:
    section = _section(_text({"liability": {"sole_remedy": False, "cap_months": 3}}), "Liability")
    assert "limited to the fees paid for the 3 months before the claim." in section
    assert "sole remedy" not in section


def test_liability_as_sole_remedy_without_a_cap() -> None:
    section = _section(_text({"liability": {"sole_remedy": True}}), "Liability")
    assert "Service credits are the customer's sole remedy" in section
    assert "limited to" not in section


def test_law_with_a_venue_only() -> None:
    section = _section(
        _text({"law": {"governing": "", "venue": "Aarhus"}}), "Governing law and venue"
    )
    assert "Disputes are settled by Aarhus." in section
    assert "governed by" not in section


def test_law_without_a_venue() -> None:
    section = _section(_text({"law": {"governing": "Danish law"}}), "Governing law and venue")
    assert "The agreement is governed by Danish law." in section
    assert "Disputes" not in section


def test_relative_and_field_targets_are_written_as_given() -> None:
    text = _text(
        {
            "support": OFFICE,
            "fields": ["due_at"],
            "severities": [
                {
                    "name": "normal",
                    "response": "by 16:00 next business day",
                    "resolution": "due from field due_at",
                }
            ],
        }
    )
    assert (
        "| **normal** |  | by 16:00 next business day | by the due date in the ticket field "
        "due\\_at | support hours |"
    ) in text


def test_a_severity_on_its_own_calendar() -> None:
    text = _text(
        {
            "support": OFFICE,
            "calendars": {"ext": {"hours": "Mon-Sat 08:00-20:00", "tz": "Europe/Copenhagen"}},
            "severities": [{"name": "normal", "response": "4h", "calendar": "ext"}],
        }
    )
    assert "| **normal** |  | 4 hours | no fixed target | ext hours |" in text


def test_only_closed_recurring_days_are_listed_as_closed() -> None:
    support = OFFICE | {"recurring": {"last Fri of Nov": "closed", "12-24": "09:00-12:00"}}
    text = _text({"support": support})
    assert "Support is closed on last Fri of Nov.\n" in text
    assert "24 December" not in text


def test_a_year_without_closing_days_lists_none() -> None:
    text = _text({"support": OFFICE | {"holidays": []}}, year=2027)
    assert "Support is open Monday–Friday 09:00–17:00 (Copenhagen time).\n\n" in text
    assert "closed" not in _section(text, "Support hours and channels")


def test_no_severity_outside_support_hours() -> None:
    section = _section(_text({"support": OFFICE}), "Outside support hours")
    assert "No severity is handled outside support hours." in section


def test_reporting_names_the_channel() -> None:
    text = _text({"support": OFFICE, "channels": [{"name": "Portal", "kind": "ticket"}]})
    assert "1. Contact support through Portal (section 2).\n" in text


def test_a_measurement_method_without_an_interval() -> None:
    text = _text(
        {
            "uptime": {"target": "99.9%"},
            "downtime": {"method": "A check fails when the page does not load."},
        }
    )
    assert (
        "### How downtime is measured\n\nA check fails when the page does not load.\n\n"
        "Downtime is the time in which the checks find the service down.\n"
    ) in text
    assert "checks every" not in text


def test_a_yearly_guarantee_notes_the_length_of_the_actual_year() -> None:
    section = _section(_text({"uptime": {"target": "99.9%", "period": "year"}}), "Uptime guarantee")
    assert "at least **99.9 %** in each calendar year." in section
    assert "a year is 365.2425 days" in section
    assert "which allows 8 h 45 min 36 s in a year of 365 d" in section


def test_ticket_penalties_without_availability_credits() -> None:
    uptime = {
        "target": "99.9%",
        "ticket_penalties": [{"severity": "normal", "metric": "response", "credit": "1%"}],
    }
    section = _section(_text({"uptime": uptime}), "Service credits")
    assert "| **normal** | first response | 1 % of the fee | – | – |" in section
    assert "Availability in the month" not in section  # no availability tiers
    assert "To claim a credit, write to the provider naming the month" in section


def test_automatic_credits_without_instructions() -> None:
    uptime = {
        "target": "99.9%",
        "credits": [{"below": "99.9%", "credit": "10%"}],
        "claims": {"automatic": True},
    }
    section = _section(_text({"uptime": uptime}), "Service credits")
    assert section.rstrip().endswith(
        "Credits are applied automatically: the provider calculates them from the measured "
        "availability of each month, and the customer does not need to claim them."
    )


def test_each_channel_is_open_on_its_own_hours() -> None:
    text = _text(
        {
            "support": OFFICE,
            "calendars": {"phone": {"hours": "Mon-Sat 08:00-20:00", "tz": "Europe/Copenhagen"}},
            "channels": [
                {"name": "Phone", "kind": "phone", "hours": "phone"},
                {"name": "Portal", "kind": "ticket", "hours": "24x7"},
                {"name": "Mail", "kind": "email"},
            ],
        }
    )
    assert (
        "| Channel | Open |\n| --- | --- |\n| Phone | Monday–Saturday 08:00–20:00 |\n"
        "| Portal | around the clock |\n| Mail | in support hours |\n"
    ) in text
