"""A policy's helpdesk keys: statuses, fields, metrics, per-metric targets and presets."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from slacalc.errors import InvalidOptionError, PolicyValidationError
from slacalc.policy import PRESETS, SLAPolicy, preset
from slacalc.policy._default import DEFAULT_POLICY_DATA

UTC = dt.UTC
T0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # Tuesday
M = dt.timedelta(minutes=1)


def _data(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(DEFAULT_POLICY_DATA)
    data["support"]["tz"] = "UTC"
    data.update(changes)
    return data


def test_a_builtin_metric_changed_by_one_key() -> None:
    policy = SLAPolicy.from_dict(_data(metrics=[{"name": "first_response", "pause_on": []}]))
    events = [
        {"kind": "opened", "at": T0, "severity": "high"},
        {"kind": "paused", "at": T0 + 10 * M},
        {"kind": "resumed", "at": T0 + 120 * M},
    ]
    status = policy.evaluate(events, at=T0 + 150 * M)
    # high: 1 h; the first response no longer pauses: late from 10:00 + 1 µs
    assert status.response.breached_at == T0 + 60 * M + dt.timedelta(microseconds=1)
    assert status.metrics["first_response"] is status.response


def test_a_policy_adds_a_metric_with_targets_and_calendars() -> None:
    data = _data(
        statuses={"new": "open", "pending": "waiting", "solved": "resolved"},
        fields=["due_at"],
        metrics=[
            {
                "name": "time_to_assign",
                "start_on": ["opened"],
                "stop_on": ["assigned"],
                "pause_on": [],
            }
        ],
    )
    data["severities"][1]["targets"] = {"time_to_assign": "30m", "first_resolution": "4h"}
    data["severities"][1]["calendars"] = {"time_to_assign": "24x7"}
    policy = SLAPolicy.from_dict(data)
    friday_night = dt.datetime(2026, 12, 4, 22, 0, tzinfo=UTC)
    status = policy.evaluate(
        [{"kind": "opened", "at": friday_night, "severity": "high", "status": "new"}],
        at=friday_night + 20 * M,
    )
    # around the clock: due 22:30; the support-hours response waits for Monday
    assert status.metrics["time_to_assign"].due == friday_night + 30 * M
    assert status.metrics["first_resolution"].elapsed == dt.timedelta(0)
    again = SLAPolicy.from_toml(policy.to_toml())
    assert again == policy


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"metrics": [{"name": "x", "start_on": ["opened"]}]}, "metrics[0]: the new metric 'x'"),
        (
            {"metrics": [{"name": "x", "start_on": ["opened"], "stop_on": ["status: done"]}]},
            "metrics[0]: Metric 'x', stop_on: the condition 'status: done' names the unknown "
            "status 'done'",
        ),
        (
            {"metrics": [{"name": "response", "calendar": "nights"}]},
            "metrics[0].calendar: 'nights' is not a calendar",
        ),
        (
            {
                "metrics": [
                    {"name": "first_response", "pause_on": []},
                    {"name": "response", "pause_on": []},
                ]
            },
            "metrics[1].name: 'response' is defined twice",
        ),
        (
            {"metrics": [{"name": "x", "start_on": ["opened"], "stop_on": ["x"], "after": "y"}]},
            "metrics[0]",
        ),
        (
            {
                "metrics": [
                    {"name": "x", "start_on": ["opened"], "stop_on": ["resolved"], "after": "y"}
                ]
            },
            "metrics[0].after: 'y' is not a metric",
        ),
        ({"statuses": {"open": "open"}}, "statuses: The status table"),
        ({"preset": "freshdesk"}, "preset: There is no preset 'freshdesk'; use one of 'zendesk'"),
    ],
)
def test_bad_helpdesk_keys_name_their_path(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(PolicyValidationError) as info:
        SLAPolicy.from_dict(_data(**changes))
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("severity_changes", "message"),
    [
        ({"targets": {"nope": "1h"}}, "severities[0].targets.nope: 'nope' is not a metric"),
        ({"targets": {"response": "1h"}}, "give the 'response' target as response = ..."),
        ({"calendars": {"response": "moon"}}, "'moon' is not a calendar"),
        ({"resolution": "due from field due_at"}, "the field 'due_at' is not declared"),
    ],
)
def test_bad_severity_keys(severity_changes: dict[str, Any], message: str) -> None:
    data = _data()
    data["severities"][0].update(severity_changes)
    with pytest.raises(
        PolicyValidationError, match=message.replace("[", r"\[").replace(".", r"\.")
    ):
        SLAPolicy.from_dict(data)


def test_a_preset_and_the_policys_own_keys() -> None:
    policy = SLAPolicy.from_dict(
        _data(
            preset="zendesk",
            statuses={"escalated": "open"},
            metrics=[{"name": "first_response", "pause_on": ["pending"]}],
            severity_change="carry_elapsed",
        )
    )
    rules = policy.clock_rules()
    table = rules.status_table
    assert table["pending"] == "waiting"  # the preset's
    assert table["escalated"] == "open"  # the policy's own
    assert rules.severity_change == "carry_elapsed"  # the policy's key wins
    assert rules.compiled["response"].pause is not None  # replaced by the policy
    assert "agent_work_time" in rules.metric_names
    # written back and read again: the same policy
    assert SLAPolicy.from_toml(policy.to_toml()) == policy


def test_preset_data() -> None:
    assert set(PRESETS) == {
        "zendesk",
        "jira_service_management",
        "servicenow",
        "zammad",
        "frappe_helpdesk",
        "erpnext",
    }
    data = preset("frappe_helpdesk")
    data["statuses"].clear()  # a copy: the next call is untouched
    assert preset("frappe_helpdesk")["statuses"]
    with pytest.raises(InvalidOptionError, match="There is no preset 'jira'"):
        preset("jira")
