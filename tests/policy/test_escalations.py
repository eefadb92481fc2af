"""Escalations and calendar-time warnings in the policy file: loading, errors, round trips."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from slacalc.errors import PolicyValidationError
from slacalc.policy import DEFAULT_POLICY_DATA, EscalationSpec, SLAPolicy, WarningSpec
from slacalc.timers import Escalation, WarningThreshold

TOML = """\
name = "Escalating"

[support]
hours = "Mon-Fri 09:00-17:00"
tz = "UTC"

[[severities]]
name = "high"
response = "1h"
warnings = [{ before = "2h", measured_in = "calendar" }, { percent = "75%" }]

[[severities.escalations]]
level = 1
after = "1h"

[[severities.escalations]]
level = 2
after = "72h"
measured_in = "calendar"
"""


def test_the_file_converts_into_clock_rules() -> None:
    policy = SLAPolicy.from_toml(TOML)
    high = policy.clock_rules().severity("high")
    assert high.escalations == (
        Escalation(1, dt.timedelta(hours=1)),
        Escalation(2, dt.timedelta(hours=72), measured_in="calendar"),
    )
    assert high.warnings == (
        WarningThreshold(before="2h", measured_in="calendar"),
        WarningThreshold(percent="75%"),
    )


def test_escalations_round_trip() -> None:
    policy = SLAPolicy.from_toml(TOML)
    assert SLAPolicy.from_toml(policy.to_toml()) == policy
    assert SLAPolicy.from_json(policy.to_json()) == policy
    # An unset time basis of a warning stays unset (business time), so it is not written.
    assert policy.to_dict()["severities"][0]["warnings"][1] == {"percent": "75%"}
    assert policy.to_dict()["severities"][0]["escalations"][1] == {
        "level": 2,
        "after": "72h",
        "measured_in": "calendar",
    }


def test_evaluate_reports_the_level() -> None:
    # Opened Fri 2026-01-09 15:00, due 16:00; level 1 one business hour later: the budget
    # ends at the 17:00 closing, so Mon 09:00, + 1 µs. At Mon 12:00: level 1, next level 2
    # at Fri 16:00 + 72 h = Mon 16:00, + 1 µs.
    policy = SLAPolicy.from_toml(TOML)
    t0 = dt.datetime(2026, 1, 9, 15, tzinfo=dt.UTC)
    s = policy.evaluate(
        [{"kind": "opened", "at": t0, "severity": "high"}],
        at=dt.datetime(2026, 1, 12, 12, tzinfo=dt.UTC),
    )
    assert s.response.escalation_level == 1
    assert s.response.next_escalation_at == dt.datetime(2026, 1, 12, 16, 0, 0, 1, tzinfo=dt.UTC)


def test_json_schema_lists_the_new_fields() -> None:
    defs = SLAPolicy.json_schema()["$defs"]
    assert set(defs["EscalationSpec"]["properties"]) == {"level", "after", "measured_in"}
    basis = defs["WarningSpec"]["properties"]["measured_in"]["anyOf"][0]
    assert basis["enum"] == ["business", "calendar"]


def _with(severity: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(dict(DEFAULT_POLICY_DATA))
    data["severities"] = [{"name": "high", "response": "1h", **severity}]
    data.pop("uptime", None)
    return data


@pytest.mark.parametrize(
    ("severity", "message"),
    [
        (
            {"escalations": [{"level": 0, "after": "1h"}]},
            "severities[0].escalations[0].level: 0 is not valid: input should be greater",
        ),
        (
            {"escalations": [{"level": 1, "after": "0m"}]},
            "severities[0].escalations[0].after: '0m' is not positive",
        ),
        (
            {"escalations": [{"level": 1, "after": "-1h"}]},
            "severities[0].escalations[0].after: '-1h' is not positive",
        ),
        (
            {"escalations": [{"level": True, "after": "1h"}]},
            "severities[0].escalations[0].level: true is not valid here; write a whole number",
        ),
        (
            {"escalations": [{"level": 1, "after": "1 business day"}]},
            "severities[0].escalations[0].after: '1 business day' counts business days",
        ),
        (
            {"escalations": [{"level": 1, "after": "1h"}, {"level": 1, "after": "2h"}]},
            "severities[0].escalations[1].level: level 1 follows level 1; list each level once",
        ),
        (
            {"escalations": [{"level": 2, "after": "1h"}, {"level": 1, "after": "2h"}]},
            "severities[0].escalations[1].level: level 1 follows level 2",
        ),
        (
            {"escalations": [{"level": 1, "after": "2h"}, {"level": 2, "after": "1h"}]},
            "severities[0].escalations[1].after: '1h' is not later than level 1's '2h'",
        ),
        (
            {"escalations": [{"level": 1, "after": "1h", "measured_in": "wall"}]},
            "severities[0].escalations[0].measured_in: 'wall' is not allowed",
        ),
        (
            {"warnings": [{"before": "1h", "measured_in": "wall"}]},
            "severities[0].warnings[0].measured_in: 'wall' is not allowed",
        ),
        (
            {"warnings": [{"percent": "50%", "measured_in": "calendar"}]},
            "severities[0].warnings[0].measured_in: 'calendar' goes with before, not percent",
        ),
    ],
)
def test_errors_name_the_field(severity: dict[str, Any], message: str) -> None:
    with pytest.raises(PolicyValidationError) as info:
        SLAPolicy.from_dict(_with(severity))
    assert message in str(info.value)


def test_the_specs_build_core_values() -> None:
    assert EscalationSpec(level=1, after="30m").build() == Escalation(1, "30m")
    assert WarningSpec(before="10m").build() == WarningThreshold(before="10m")


@pytest.mark.parametrize("after", ["0h", "-1h", "PT0S"])
def test_a_non_positive_offset_is_refused_without_suggesting_business_days(after: str) -> None:
    with pytest.raises(PolicyValidationError, match=r"is not positive; write e\.g\. '15m'") as err:
        EscalationSpec(level=1, after=after)
    assert "business days" not in str(err.value)


@pytest.mark.parametrize("after", ["2 business days", "0 business days"])
def test_business_days_are_refused_as_an_offset(after: str) -> None:
    with pytest.raises(PolicyValidationError, match=r"counts business days; write a duration"):
        EscalationSpec(level=1, after=after)
