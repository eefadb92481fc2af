"""The agreement: a policy converted once into frozen values that reports and documents read."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import pickle
import subprocess
import sys
from fractions import Fraction

import pytest

from slacalc.calendar import BusinessCalendar
from slacalc.datasets import load_policy
from slacalc.errors import InvalidOptionError, PolicyValidationError, UnknownSeverityError
from slacalc.policy import (
    ALWAYS,
    DEFAULT_POLICY_DATA,
    SUPPORT,
    Agreement,
    SLAPolicy,
    TicketPenaltyTerms,
    default_policy,
)
from slacalc.timers import BusinessDays, ClockRules, SeverityTargets

H = dt.timedelta(hours=1)


def test_the_policy_converts_once_and_answers_through_its_agreement() -> None:
    policy = default_policy()
    agreement = policy.to_agreement()
    assert policy.to_agreement() is agreement
    assert policy.clock_rules() is agreement.rules
    assert agreement == default_policy().to_agreement()
    assert hash(agreement) == hash(default_policy().to_agreement())
    assert agreement.name == "Website care agreement"
    assert agreement.calendar() is agreement.support is policy.calendar()
    assert agreement.around_the_clock == frozenset({ALWAYS})
    assert agreement.holidays == ("DK",)
    assert (agreement.business_day, agreement.full_support_day) == (9 * H, False)
    low = agreement.severity("low")
    assert (low.response, agreement.rules.severity("low").response) == (BusinessDays(2), 18 * H)
    assert agreement.in_scope[0] == "Backups"
    assert agreement.out_of_scope == ("Redesigns", "SEO", "Large new features")
    assert [c.hours for c in agreement.channels] == [ALWAYS, SUPPORT, SUPPORT]
    assert [r.party for r in agreement.roles] == ["provider", "customer"]


def test_uptime_terms_are_exact_values_with_a_built_window() -> None:
    uptime = default_policy().to_agreement().uptime
    assert uptime is not None
    assert uptime.maintenance is not None
    assert uptime.claims is not None
    assert uptime.target == Fraction(999, 1000)
    assert uptime.credits is not None
    assert len(uptime.credits.tiers) == 3
    window = uptime.maintenance.window
    assert window == BusinessCalendar("Sun 02:00-06:00", tz="Europe/Copenhagen")
    assert (uptime.maintenance.notice, uptime.maintenance.max_per_month) == (48 * H, 4 * H)
    assert (uptime.claims.within_days, uptime.claims.automatic) == (30, False)
    penalties = load_policy().to_agreement().ticket_penalties
    assert all(isinstance(p, TicketPenaltyTerms) for p in penalties)
    assert next((s, m) for s, m, _ in penalties) == ("critical", "resolution")


def test_a_policy_without_uptime_or_business_day() -> None:
    data = {k: v for k, v in DEFAULT_POLICY_DATA.items() if k not in ("uptime", "business_day")}
    agreement = SLAPolicy.from_dict(data).to_agreement()
    assert (agreement.uptime, agreement.period, agreement.ticket_penalties) == (None, "month", ())
    assert (agreement.business_day, agreement.full_support_day) == (9 * H, True)
    same_time = SLAPolicy.from_dict({**data, "business_day": "same_time"}).to_agreement()
    assert same_time.business_day is None
    assert same_time.rules.severity("low").response == BusinessDays(2)


def test_the_longest_day_skips_holidays_and_special_days() -> None:
    data = {
        **DEFAULT_POLICY_DATA,
        "business_day": None,
        # 2025-01-06 (the first day looked at) is a short special day; it is not "a day".
        "support": {
            "hours": "Mon-Fri 09:00-17:00",
            "tz": "UTC",
            "holidays": ["2025-01-07"],
            "overrides": {"2025-01-06": "09:00-10:00", "2025-01-11": "00:00-24:00"},
        },
    }
    data = {k: v for k, v in data.items() if v is not None}
    assert SLAPolicy.from_dict(data).to_agreement().business_day == 8 * H


def test_from_policy_takes_a_policy_an_agreement_or_clock_rules() -> None:
    policy = default_policy()
    agreement = policy.to_agreement()
    assert Agreement.from_policy(policy) is agreement
    assert Agreement.from_policy(agreement) is agreement
    cal = BusinessCalendar("Mon-Fri 08:00-16:00", tz="UTC")
    night = BusinessCalendar("Mon-Fri 22:00-06:00", tz="UTC")
    rules = ClockRules(
        (
            SeverityTargets("a", cal, response=H),
            SeverityTargets("b", BusinessCalendar.always("UTC"), response=H / 4),
            SeverityTargets("c", night, response=BusinessDays(1)),
        )
    )
    plain = Agreement.from_policy(rules)
    assert plain.rules is rules
    assert plain.support is cal
    assert [s.calendar for s in plain.severities] == [SUPPORT, ALWAYS, "c"]
    assert plain.calendar("c") is night
    assert plain.is_around_the_clock("b")
    assert not plain.is_around_the_clock("a")
    assert plain.severity("c").response == BusinessDays(1)
    assert (plain.uptime, plain.business_day) == (None, 8 * H)
    with pytest.raises(InvalidOptionError, match="is not a policy"):
        Agreement.from_policy("sla.toml")


def test_lookups_name_what_exists() -> None:
    agreement = default_policy().to_agreement()
    with pytest.raises(PolicyValidationError, match="'weekend' is not a calendar"):
        agreement.calendar("weekend")
    with pytest.raises(UnknownSeverityError, match="'urgent'"):
        agreement.severity("urgent")
    friday = dt.datetime(2026, 11, 27, 23, 10, tzinfo=agreement.support.tz)
    assert agreement.acknowledge("high", friday) == default_policy().acknowledge("high", friday)


def test_the_values_are_frozen_and_survive_copies_and_pickles() -> None:
    policy = default_policy()
    agreement = policy.to_agreement()
    with pytest.raises(dataclasses.FrozenInstanceError):
        agreement.name = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        agreement.calendars["x"] = agreement.support  # type: ignore[index]
    assert copy.deepcopy(agreement) == agreement
    assert pickle.loads(pickle.dumps(agreement)) == agreement
    again = pickle.loads(pickle.dumps(policy))
    assert again == policy
    assert again.to_agreement() == agreement


def test_the_agreement_and_the_reports_load_without_pydantic() -> None:
    probe = (
        "import sys; from slacalc.policy import Agreement; import slacalc.reports; "
        "print('pydantic' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"
