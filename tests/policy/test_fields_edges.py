"""Edges of the policy's field parsers and of how their errors are reported."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from slacalc.errors import InvalidDurationError, PolicyValidationError
from slacalc.policy import (
    PartySpec,
    SeverityPolicy,
    SLAPolicy,
    TermsSpec,
    default_policy,
    parse_target,
)
from slacalc.policy._fields import _join, convert_validation_error


@pytest.mark.parametrize(
    ("value", "business_days", "message"),
    [
        ("3 secs", True, "'3 secs' is not a duration; write '3s'."),
        ("90 minutes", True, "'90 minutes' is not a duration; write '90m'."),
        (
            "due from field due_at",
            False,
            "'due from field due_at' names a deadline, not a duration; write a duration such "
            "as '15m' or '2h'.",
        ),
        (
            "0 business days",
            True,
            "'0 business days' is not a positive number of days; write e.g. '1 business day'.",
        ),
    ],
)
def test_targets_refused_with_what_to_write(value: str, business_days: bool, message: str) -> None:
    with pytest.raises(InvalidDurationError) as caught:
        parse_target(value, business_days=business_days)
    assert str(caught.value) == message


def _data() -> dict[str, object]:
    return default_policy().model_dump(mode="json", exclude_none=True)


def test_no_holidays_and_no_special_days_given_as_none() -> None:
    data = _data()
    support = data["support"]
    assert isinstance(support, dict)
    support["holidays"] = None
    support["overrides"] = None
    policy = SLAPolicy.from_dict(data)
    assert policy.support.holidays == ()
    assert dict(policy.support.overrides) == {}


def test_an_empty_inner_path_leaves_the_outer_one() -> None:
    assert _join("severities[0]", "") == "severities[0]"
    assert _join("", "tz") == "tz"
    assert _join("severities", "[0]") == "severities[0]"
    assert _join("support", "tz") == "support.tz"


def test_without_the_model_unknown_keys_get_no_guess() -> None:
    with pytest.raises(ValidationError) as caught:
        SeverityPolicy.model_validate(
            {"name": "low", "response": "1h", "warnings": [{"percnt": "75%"}]}
        )
    error = convert_validation_error(caught.value)
    assert isinstance(error, PolicyValidationError)
    assert error.problems == (
        ("warnings[0].percnt", "'percnt' is not a field here; check the spelling or remove it."),
    )


def test_a_party_without_a_cvr_number() -> None:
    assert PartySpec(name="Kunden A/S", cvr=None).cvr is None


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        ({"fee": "45x0"}, "fee: '45x0' is not an amount; write e.g. '4500.00'."),
        ({"fee": "-1"}, "fee: '-1' is not an amount of money; write e.g. '4500.00'."),
        ({"fee": "Infinity"}, "fee: 'Infinity' is not an amount of money; write e.g. '4500.00'."),
        (
            {"currency": "kroner"},
            "currency: 'kroner' is not a currency code; write three letters, e.g. 'DKK'.",
        ),
        (
            {"term_months": 0},
            "term_months: 0 is not a number of months; write a whole number, e.g. 12.",
        ),
        (
            {"notice_months": True},
            "notice_months: True is not a number of months; write a whole number, e.g. 12.",
        ),
    ],
)
def test_bad_contract_terms_are_refused(terms: dict[str, Any], message: str) -> None:
    with pytest.raises(PolicyValidationError) as caught:
        TermsSpec(**terms)
    assert str(caught.value) == message


def test_a_metric_runs_on_the_calendar_it_names() -> None:
    data = _data()
    data["metrics"] = [{"name": "first_response", "calendar": "24x7"}]
    agreement = SLAPolicy.from_dict(data).to_agreement()
    (metric,) = agreement.rules.metrics
    assert metric.name == "response"
    assert metric.calendar is agreement.calendars["24x7"]
    assert metric.stop_on == ("responded", "resolved")  # the rest from the built-in
