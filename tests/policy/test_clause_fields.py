"""The contract clauses in a policy file: claim by billing cycles, termination, caps, hourly."""

from __future__ import annotations

import datetime as dt

import pytest

from slacalc.credits import ClaimWindow, HourlyCredit, TerminationRule
from slacalc.errors import PolicyValidationError
from slacalc.policy import SLAPolicy, default_policy

AWS_LIKE: dict[str, object] = {
    "target": "99.99%",
    "credits": [{"below": "99.99%", "credit": "10%"}, {"below": "99%", "credit": "30%"}],
    "claims": {"within_billing_cycles": 2, "how": "AWS Support Center case."},
    "termination": {"floor": "95%", "count": 3, "within": 12},
    "annual_cap": "10%",
    "hourly_credit": {"more_than": "6m"},
}


def _policy(uptime: dict[str, object]) -> SLAPolicy:
    data = default_policy().model_dump(mode="json", exclude_none=True)
    data["uptime"] = uptime
    return SLAPolicy.model_validate(data)


def test_clauses_become_terms() -> None:
    terms = _policy(AWS_LIKE).to_agreement().uptime
    assert terms is not None
    assert terms.claims is not None
    assert terms.claims.window == ClaimWindow(billing_cycles=2)
    assert terms.claims.window.deadline("2026-03").isoformat() == "2026-06-01T00:00:00+00:00"
    assert terms.termination == TerminationRule("95%", count=3, within=12)
    assert terms.annual_cap == "10%"
    assert terms.hourly_credit == HourlyCredit("6m")
    assert terms.hourly_credit.more_than == dt.timedelta(minutes=6)


def test_the_default_policy_has_none_of_them() -> None:
    terms = default_policy().to_agreement().uptime
    assert terms is not None
    assert (terms.termination, terms.annual_cap, terms.hourly_credit) == (None, None, None)
    assert terms.claims is not None
    assert terms.claims.window == ClaimWindow(days=30)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"termination": {"floor": "95%", "consecutive": 0}}, "consecutive"),
        ({"claims": {"within_billing_cycles": 0}}, "within_billing_cycles"),
        ({"hourly_credit": {"more_than": "six minutes"}}, "more_than"),
    ],
)
def test_bad_clauses_name_the_field(change: dict[str, object], where: str) -> None:
    with pytest.raises((PolicyValidationError, ValueError), match=where):
        _policy({"target": "99.9%", **change})
