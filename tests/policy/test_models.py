"""Policy models: validation messages, round trips, files, schema, immutability."""

from __future__ import annotations

import builtins
import copy
import datetime as dt
import json
import tomllib
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from slacalc import format_duration
from slacalc.errors import PolicyFileError, PolicyValidationError, UnknownSeverityError
from slacalc.policy import (
    DEFAULT_POLICY_DATA,
    CalendarSpec,
    FrozenDict,
    SLAPolicy,
    UptimeSpec,
    WarningSpec,
    default_policy,
)

POLICY = default_policy()


def full_policy() -> SLAPolicy:
    """A policy that uses every field, with awkward text."""
    return SLAPolicy.from_dict(
        {
            "name": 'Agreement "Gold" – ÆØÅ\nline two\ttab \\ back \x7f',
            "support": {
                "hours": {"mon-fri": ["08:00-12:00", "13:00-17:00"], "sat": "10:00-14:00"},
                "tz": "Europe/Copenhagen",
                "holidays": ["DK", "2026-06-05"],
                "overrides": {"2026-12-24": "09:00-12:00", "2026-12-31": "closed"},
            },
            "calendars": {
                "night shift": {"hours": "Mon-Fri 22:00-06:00", "tz": "America/New_York"},
            },
            "business_day": "same_time",
            "severities": [
                {
                    "name": "p1",
                    "response": "PT15M",
                    "resolution": dt.timedelta(hours=2, minutes=30),
                    "next_response": "30m",
                    "periodic_update": "1h",
                    "calendar": "24x7",
                    "warnings": [{"percent": Decimal("0.5")}, {"before": "5m"}],
                },
                {"name": "p2", "response": "1 business day", "calendar": "night shift"},
            ],
            "pause_mode": "ignore_deadline",
            "severity_change": "recompute",
            "reopen": "new_cycle",
            "channels": [{"name": "Pager", "kind": "phone", "contact": "+45 1", "hours": "24x7"}],
            "scope": {"included": ["Backups"], "excluded": []},
            "roles": [{"party": "customer", "title": "Owner", "responsibilities": ["Pay"]}],
            "uptime": {
                "target": "99.95%",
                "period": "quarter",
                "credits": [{"below": "99.95%", "credit": "10%"}],
                "ticket_penalties": [{"severity": "p1", "metric": "resolution", "credit": "2.5%"}],
                "maintenance": {
                    "window": {"sat": "22:00-24:00", "sun": "00:00-04:00"},
                    "notice": dt.timedelta(hours=72),
                    "max_per_month": "PT6H",
                    "mode": "exclude",
                },
                "claims": {
                    "claim_within_days": 14,
                    "how": 'Write to "billing" – ÆØÅ\nsecond line',
                    "automatic": True,
                },
            },
        }
    )


@pytest.mark.parametrize("policy", [POLICY, full_policy()], ids=["default", "full"])
def test_toml_and_json_round_trip_losslessly(policy: SLAPolicy) -> None:
    text = policy.to_toml()
    assert tomllib.loads(text) == policy.to_dict()
    assert SLAPolicy.from_toml(text) == policy
    assert SLAPolicy.from_json(policy.to_json()) == policy
    assert SLAPolicy.from_json(policy.to_json(indent=None)) == policy
    assert SLAPolicy.from_dict(json.loads(policy.to_json())).to_toml() == text


def test_values_are_kept_as_canonical_text() -> None:
    p = full_policy()
    assert p.support.hours == "Mon-Fri 08:00-12:00,13:00-17:00; Sat 10:00-14:00"
    assert p.severity("p1").resolution == "2h30m"
    assert p.severity("p1").warnings[0].percent == "50%"
    assert p.support.overrides == {"2026-12-24": "09:00-12:00", "2026-12-31": "closed"}
    assert p.to_agreement().business_day is None
    compact = dt.timedelta(seconds=90, microseconds=500)
    assert format_duration(compact, "compact", rounding=None) == "1m30.0005s"
    assert format_duration(dt.timedelta(0), "compact") == "0s"


def test_files(tmp_path: Path) -> None:
    for name, text in [("a.toml", POLICY.to_toml()), ("a.json", POLICY.to_json())]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert SLAPolicy.from_file(tmp_path / name) == POLICY
        assert SLAPolicy.from_file(str(tmp_path / name)) == POLICY


def test_yaml_when_pyyaml_is_installed(tmp_path: Path) -> None:
    yaml = pytest.importorskip("yaml")
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump(POLICY.to_dict()), encoding="utf-8")
    assert SLAPolicy.from_file(path) == POLICY


def test_yaml_without_pyyaml_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def no_yaml(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "yaml":
            raise ImportError("No module named 'yaml'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_yaml)
    path = tmp_path / "a.yml"
    path.write_text("name: x\n", encoding="utf-8")
    with pytest.raises(PolicyFileError, match=r"needs PyYAML.*pip install pyyaml"):
        SLAPolicy.from_file(path)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("a.docx", "", "unknown format '.docx'"),
        ("a.toml", "name = ", "as TOML"),
        ("a.json", "{", "as JSON"),
        ("a.json", "[1, 2]", "holds list at the top"),
        ("a.toml", "\udcff", "Cannot read"),
    ],
)
def test_bad_files(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    with pytest.raises(PolicyFileError) as info:
        SLAPolicy.from_file(path)
    assert message in str(info.value)


def test_missing_file_and_bad_path() -> None:
    with pytest.raises(PolicyFileError, match=r"No policy file at 'nowhere\.toml'"):
        SLAPolicy.from_file("nowhere.toml")
    with pytest.raises(PolicyFileError, match="not a path"):
        SLAPolicy.from_file(42)  # type: ignore[arg-type]


def _with(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(POLICY.to_dict())
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            ("severities", 2, "response"),
            "4 hours",
            "severities[2].response: '4 hours' is not a duration; write '4h'.",
        ),
        (
            ("severities", 3, "response"),
            "2 days",
            "severities[3].response: '2 days' is not a duration; write '2 business days'",
        ),
        (("severities", 3, "response"), "2d", "write '2 business days'"),
        (("severities", 1, "resolution"), "0m", "severities[1].resolution: '0m' is not positive"),
        (("severities", 1, "resolution"), 8, "severities[1].resolution: 8 is not a duration"),
        (
            ("severities", 0, "calendar"),
            "weekend",
            "severities[0].calendar: 'weekend' is not a calendar; use one of 'support', '24x7'.",
        ),
        (("severities", 1, "name"), "critical", "severities[1].name: 'critical' is defined twice"),
        (
            ("severities", 1, "respons"),
            "1h",
            "severities[1].respons: 'respons' is not a field here",
        ),
        (
            ("severities", 0, "response"),
            KeyError,
            "severities[0].response: this field is missing; add it.",
        ),
        (
            ("severities", 1, "warnings"),
            [{"percent": 0.75}],
            "severities[1].warnings[0].percent: 0.75 is a binary float",
        ),
        (
            ("severities", 1, "warnings"),
            [{"percent": "75%", "before": "1h"}],
            "severities[1].warnings[0]: a warning needs exactly one",
        ),
        (
            ("severities", 1, "warnings"),
            [{"percent": "0%"}],
            "severities[1].warnings[0]: percent '0%' is zero",
        ),
        (
            ("severities", 1, "warnings"),
            [{"before": "1 business day"}],
            "severities[1].warnings[0].before: '1 business day' counts business days",
        ),
        (("severities",), [], "severities: [] is too short; give at least 1 item."),
        (
            ("pause_mode",),
            "hold",
            "pause_mode: 'hold' is not allowed; use 'exclude', 'ignore_deadline' or "
            "'add_wall_time'.",
        ),
        (("severity_change",), "rewind", "severity_change: 'rewind' is not allowed"),
        (("support", "tz"), "Europe/Kobenhavn", "support.tz: Unknown time zone 'Europe/Kobenhavn'"),
        (("support", "tz"), 1, "support.tz: 1 is not a time zone name"),
        (("support", "hours"), "Mon-Fri 9-5", "support.hours: Time '9' in 'Mon-Fri 9-5'"),
        (("support", "hours"), 9, "support.hours: 9 is not business hours"),
        (("support", "holidays"), "XX", "support.holidays: Unknown holiday country 'XX'"),
        (("support", "holidays"), {"DK": 1}, "support.holidays: {'DK': 1} is not a holiday list"),
        (("support", "holidays"), [7], "support.holidays: 7 is not a holiday"),
        (
            ("support", "overrides"),
            {"2026-13-01": "closed"},
            "support.overrides: '2026-13-01' is not a date",
        ),
        (
            ("support", "overrides"),
            "closed",
            "support.overrides: 'closed' is not a table of special days",
        ),
        (
            ("calendars",),
            {"support": {"hours": "24/7", "tz": "UTC"}},
            "calendars.support: 'support' is a built-in calendar name",
        ),
        (("channels", 1, "hours"), "evenings", "channels[1].hours: 'evenings' is not a calendar"),
        (("channels", 1, "kind"), "fax", "channels[1].kind: 'fax' is not allowed"),
        (
            ("uptime", "target"),
            "99.9",
            "uptime.target: '99.9' is not a percentage; write e.g. '99.9%'",
        ),
        (("uptime", "target"), "120%", "uptime.target: '120%' is out of range"),
        (
            ("uptime", "credits", 0, "credit"),
            Fraction(1, 3),
            "uptime.credits[0].credit: Fraction(1, 3) has no exact decimal percentage",
        ),
        (
            ("uptime", "ticket_penalties"),
            [{"severity": "p9", "metric": "response", "credit": "1%"}],
            "uptime.ticket_penalties[0].severity: 'p9' is not a severity",
        ),
        (
            ("uptime", "maintenance", "window"),
            "Sunday 2-6",
            "uptime.maintenance.window: Time '2' in 'Sunday 2-6' is not of the form 'HH:MM'",
        ),
        (
            ("uptime", "maintenance", "notice"),
            "2 days",
            "uptime.maintenance.notice: '2 days' is not a duration; write '48h'.",
        ),
        (
            ("uptime", "maintenance", "max_per_month"),
            "4 hours",
            "uptime.maintenance.max_per_month: '4 hours' is not a duration; write '4h'.",
        ),
        (
            ("uptime", "maintenance", "mode"),
            "ignore",
            "uptime.maintenance.mode: 'ignore' is not allowed; use 'count_as_up' or 'exclude'.",
        ),
        (
            ("uptime", "maintenance", "window"),
            KeyError,
            "uptime.maintenance.window: this field is missing; add it.",
        ),
        (
            ("uptime", "claims", "claim_within_days"),
            "30 days",
            "uptime.claims.claim_within_days: '30 days' is not a number of days; write a whole "
            "number such as 30.",
        ),
        (
            ("uptime", "claims", "claim_within_days"),
            0,
            "uptime.claims.claim_within_days: 0 is not a positive number of days; write e.g. 30.",
        ),
        (
            ("uptime", "claims", "claim_within_days"),
            True,
            "uptime.claims.claim_within_days: True is not a number of days",
        ),
        (
            ("uptime", "claims", "automatic"),
            "sometimes",
            "uptime.claims.automatic: 'sometimes' is not true or false; write true or false.",
        ),
        (
            ("uptime", "claims", "within"),
            30,
            "uptime.claims.within: 'within' is not a field here",
        ),
        (("business_day",), "1 day", "business_day: '1 day' is not a day length"),
        (
            ("business_day",),
            "2 business days",
            "business_day: '2 business days' is not a day length",
        ),
    ],
)
def test_validation_errors_name_the_path_and_the_value(
    path: tuple[Any, ...], value: Any, message: str
) -> None:
    with pytest.raises(PolicyValidationError) as info:
        SLAPolicy.from_dict(_with(path, value))
    assert message in str(info.value), str(info.value)
    assert isinstance(info.value, ValueError)
    assert info.value.code == "invalid-policy"
    assert info.value.problems


def test_several_problems_are_reported_one_per_line() -> None:
    data = _with(("severities", 0, "response"), "soon")
    data["pause_mode"] = "hold"
    with pytest.raises(PolicyValidationError) as info:
        SLAPolicy.from_dict(data)
    assert [p for p, _ in info.value.problems] == ["severities[0].response", "pause_mode"]
    assert len(str(info.value).splitlines()) == 2


def test_when_every_severity_is_bad_only_their_problems_are_listed() -> None:
    # pydantic drops the bad items and then also finds the list "too short after
    # validation, not 0"; that echo is not a problem of its own.
    data = _with(("severities",), [{"name": "a", "response": "soon"}, {"name": "b"}])
    with pytest.raises(PolicyValidationError) as info:
        SLAPolicy.from_dict(data)
    assert info.value.problems == (
        (
            "severities[0].response",
            "'soon' is not a duration; write e.g. '15m', '4h', '1h30m', 'PT2H' or "
            "'2 business days'.",
        ),
        ("severities[1].response", "this field is missing; add it."),
    )
    assert "too short" not in str(info.value)
    # The same inside a nested list: every credit tier bad.
    bad_tiers = _with(("uptime", "credits"), [{"below": "99.9", "credit": "5%"}])
    with pytest.raises(PolicyValidationError) as info:
        SLAPolicy.from_dict(bad_tiers)
    assert [p for p, _ in info.value.problems] == ["uptime.credits[0].below"]
    # An empty list is still reported, with what to write.
    with pytest.raises(PolicyValidationError) as info:
        SLAPolicy.from_dict(_with(("severities",), []))
    assert info.value.problems == (("severities", "[] is too short; give at least 1 item."),)


def test_direct_construction_raises_slacalc_errors_too() -> None:
    with pytest.raises(PolicyValidationError, match="tz: this field is missing"):
        CalendarSpec(hours="24/7")  # type: ignore[call-arg]
    with pytest.raises(PolicyValidationError, match="not a policy"):
        SLAPolicy.from_dict(["x"])  # type: ignore[arg-type]


def test_policies_are_immutable() -> None:
    with pytest.raises(Exception, match="frozen"):
        POLICY.name = "x"
    with pytest.raises(TypeError, match="immutable"):
        full_policy().support.overrides["2027-01-01"] = "closed"
    with pytest.raises(TypeError, match="immutable"):
        full_policy().calendars.clear()
    assert isinstance(full_policy().calendars, FrozenDict)
    assert hash(full_policy()) == hash(full_policy())
    assert copy.deepcopy(full_policy()) == full_policy()
    assert full_policy() != POLICY
    assert POLICY != "policy"


def test_json_schema() -> None:
    schema = SLAPolicy.json_schema()
    assert schema["required"] == ["support", "severities"]
    assert schema["additionalProperties"] is False
    assert schema["properties"]["pause_mode"]["enum"] == [
        "exclude",
        "ignore_deadline",
        "add_wall_time",
    ]
    maintenance = schema["$defs"]["MaintenanceSpec"]
    assert maintenance["required"] == ["window"]
    assert maintenance["additionalProperties"] is False
    assert maintenance["properties"]["mode"]["enum"] == ["count_as_up", "exclude"]
    claims = schema["$defs"]["ClaimsSpec"]["properties"]
    assert claims["claim_within_days"]["type"] == "integer"
    assert claims["automatic"]["type"] == "boolean"
    json.dumps(schema)


def test_maintenance_and_claims_are_kept_as_written_and_read_exactly() -> None:
    uptime = full_policy().uptime
    assert uptime is not None
    assert uptime.maintenance is not None
    assert uptime.claims is not None
    # A table of hours is stored in the calendar's canonical text; durations as text.
    assert uptime.maintenance.window == "Sat 22:00-24:00; Sun 00:00-04:00"
    assert uptime.maintenance.notice == "72h"
    terms = full_policy().to_agreement().uptime
    assert terms is not None
    assert terms.maintenance is not None
    assert terms.maintenance.notice == dt.timedelta(days=3)
    assert terms.maintenance.max_per_month == dt.timedelta(hours=6)
    assert (uptime.claims.claim_within_days, uptime.claims.automatic) == (14, True)
    text = full_policy().to_toml()
    assert "[uptime.maintenance]" in text
    assert "[uptime.claims]" in text
    # Optional blocks: a policy without them leaves them out of its files.
    data = POLICY.to_dict()
    del data["uptime"]["maintenance"], data["uptime"]["claims"]
    bare = SLAPolicy.from_dict(data)
    assert bare.uptime is not None
    assert bare.uptime.maintenance is None
    assert "maintenance" not in bare.to_json()
    assert SLAPolicy.from_toml(bare.to_toml()) == bare


def test_business_day_defaults_to_a_full_support_day() -> None:
    data = {**DEFAULT_POLICY_DATA}
    del data["business_day"]
    assert SLAPolicy.from_dict(data).to_agreement().business_day == dt.timedelta(hours=9)
    lunch = {
        **data,
        "support": {"hours": "Mon-Fri 09:00-12:00,13:00-17:00; Sat 10:00-12:00", "tz": "UTC"},
    }
    assert SLAPolicy.from_dict(lunch).to_agreement().business_day == dt.timedelta(hours=7)


def test_same_time_business_days_follow_the_calendar() -> None:
    p = full_policy()
    ny = p.calendar("night shift").tz
    target = p.clock_rules().severity("p2").response
    assert str(target) == "1 business day"
    # Tue 23:30 -> the next local date with open time is Wednesday (Tuesday's shift runs
    # past midnight) -> Wed 23:30, open: the deadline.
    start = dt.datetime(2026, 11, 24, 23, 30, tzinfo=ny)
    assert p.deadlines("p2", start).response == dt.datetime(2026, 11, 25, 23, 30, tzinfo=ny)
    # Sat 12:00 (closed) -> the clock starts Mon 22:00 -> Tue 22:00.
    start = dt.datetime(2026, 11, 28, 12, 0, tzinfo=ny)
    assert p.deadlines("p2", start).response == dt.datetime(2026, 12, 1, 22, 0, tzinfo=ny)


def test_lookups() -> None:
    p = full_policy()
    assert p.calendar("night shift").hours == "Mon-Fri 22:00-06:00"
    assert p.to_agreement().is_around_the_clock("p1")
    assert not p.to_agreement().is_around_the_clock("p2")
    with pytest.raises(PolicyValidationError, match="'weekend' is not a calendar"):
        p.calendar("weekend")
    with pytest.raises(UnknownSeverityError, match="'p3'"):
        p.deadlines("p3", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert p.clock_rules() is p.clock_rules()
    assert (p.pause_mode, p.severity_change, p.reopen) == (
        "ignore_deadline",
        "recompute",
        "new_cycle",
    )
    assert p.clock_rules().pause_mode == "ignore_deadline"


def test_uptime_values_are_exact() -> None:
    terms = POLICY.to_agreement().uptime
    assert terms is not None
    assert terms.target == Fraction(999, 1000)
    assert terms.credits is not None
    tier = terms.credits.tiers[1]
    assert (str(tier.below), tier.credit) == ("99.5%", Fraction(1, 10))
    assert UptimeSpec(target=Decimal("0.9995")).target == "99.95%"  # type: ignore[arg-type]
    assert WarningSpec(before=dt.timedelta(minutes=5)).before == "5m"  # type: ignore[arg-type]


def test_credits_convert_to_the_credits_package() -> None:
    terms = POLICY.to_agreement().uptime
    assert terms is not None
    schedule = terms.credits
    assert schedule is not None
    # 99.9 % exactly earns nothing (credits apply *below* a tier); 99.4 % is below 99.5 %.
    assert schedule.credit("99.9%", fee="1000") == Decimal("0.00")
    assert schedule.credit("99.4%", fee="1000") == Decimal("100.00")
    assert schedule.credit("98%", fee="1000") == Decimal("150.00")
    full = full_policy().to_agreement().uptime
    assert full is not None
    penalty = full.ticket_penalties[0].penalty
    assert penalty.per_breach_share == Fraction(1, 40)


def test_checks_across_fields_keep_their_paths_and_report_every_problem() -> None:
    from slacalc import PolicyValidationError, SLAPolicy, default_policy

    data = default_policy().to_dict()
    data["severities"][0]["calendar"] = "around-the-clock"
    data["severities"][1]["name"] = data["severities"][0]["name"]
    with pytest.raises(PolicyValidationError) as info:
        SLAPolicy.from_dict(data)
    paths = [path for path, _ in info.value.problems]
    assert paths == ["severities[0].calendar", "severities[1].name"]
    assert "'around-the-clock' is not a calendar" in info.value.problems[0][1]


def test_one_business_day_is_suggested_in_the_singular() -> None:
    from slacalc import PolicyValidationError, SLAPolicy, default_policy

    data = default_policy().to_dict()
    data["severities"][3]["response"] = "1 day"
    with pytest.raises(PolicyValidationError, match="write '1 business day' "):
        SLAPolicy.from_dict(data)
