"""Maintenance checked against the agreement's rules (window, notice, monthly limit).

The first test is the field report's repro: the policy and incident log of
docs/guide/cli.md, and a two-hour "maintenance" on a Wednesday afternoon, outside the
policy's daily 02:00-04:00 window. It used to erase INC-102 and INC-103 and the 10 %
credit owed with them (exit code 0, no warning).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from slacalc import BusinessCalendar
from slacalc.cli import main
from slacalc.errors import InvalidOptionError
from slacalc.policy import SLAPolicy
from slacalc.reports import availability_report, read_incidents
from slacalc.uptime import PlannedMaintenance, check_maintenance

CLI_PAGE = Path(__file__).resolve().parents[2] / "docs" / "guide" / "cli.md"
CPH = dt.timezone(dt.timedelta(hours=1))


def _page_file(title: str) -> str:
    text = CLI_PAGE.read_text(encoding="utf-8")
    match = re.search(rf'^```\w+ title="{re.escape(title)}"\n(.*?)^```', text, re.S | re.M)
    assert match is not None
    return match[1]


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "sla.toml").write_text(_page_file("sla.toml"), encoding="utf-8")
    (tmp_path / "incidents.csv").write_text(_page_file("incidents.csv"), encoding="utf-8")
    (tmp_path / "badmaint.csv").write_text(
        "start,end\n2026-11-18T14:00:00+01:00,2026-11-18T16:00:00+01:00\n", encoding="utf-8"
    )
    return tmp_path


def test_field_report_repro_cli(
    files: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(files)
    argv = [
        "availability",
        "incidents.csv",
        "--policy",
        "sla.toml",
        "--fee",
        "400",
        "--month",
        "2026-11",
        "--maintenance",
        "badmaint.csv",
    ]
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    # The window 14:00-16:00 is downtime (120 min; INC-102/103, 14:05-14:52, inside it)
    # plus INC-101 (31 min): 151 min of 43,200; 1 - 151/43,200 = 99.65046..% -> 10 %.
    # Two records add downtime: INC-101 and the window, which covers INC-102/103.
    assert lines[2] == "2026-11  2          2h 31m  30d  99.6504%      43m 12s  no   10% = 40.00"
    assert lines[3] == (
        "maintenance 2026-11-18 14:00-16:00 +01:00: outside the agreed window "
        "(Mon-Sun 02:00-04:00 Europe/Copenhagen), 2h downtime"
    )
    # The explicitly named option keeps the old behaviour: INC-102/103 erased, no credit.
    assert main([*argv, "--trust-maintenance"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == "2026-11  1          31m   30d  99.9282%      43m 12s  yes  0% = 0.00"
    assert lines[3].endswith("2h trusted as maintenance (--trust-maintenance)")


def test_field_report_repro_library(files: Path) -> None:
    policy = SLAPolicy.from_file(files / "sla.toml")
    uptime = policy.to_agreement().uptime
    assert uptime is not None
    assert uptime.credits is not None
    incidents = read_incidents(
        [
            {
                "start": dt.datetime.fromisoformat(a),
                "end": dt.datetime.fromisoformat(b),
                "label": label,
            }
            for a, b, label in (
                ("2026-11-04T02:10:00+01:00", "2026-11-04T02:41:00+01:00", "INC-101"),
                ("2026-11-18T14:05:00+01:00", "2026-11-18T14:40:00+01:00", "INC-102"),
                ("2026-11-18T14:30:00+01:00", "2026-11-18T14:52:00+01:00", "INC-103"),
            )
        ]
    )
    window = (dt.datetime(2026, 11, 18, 14, tzinfo=CPH), dt.datetime(2026, 11, 18, 16, tzinfo=CPH))
    kwargs: dict[str, Any] = {
        "tz": policy.calendar().tz,
        "maintenance": [window],
        "maintenance_mode": "count_as_up",
        "credits": uptime.credits,
        "fee": Decimal("400"),
        "maintenance_rules": uptime.maintenance,
    }
    report = availability_report(incidents, "99.9%", "2026-11", **kwargs)
    (row,) = report.rows
    assert row.downtime == dt.timedelta(minutes=151)
    assert row.credit == Decimal("40.00")
    assert report.maintenance is not None
    assert [b.rule for b in report.maintenance.breaches] == ["outside_window"]
    trusted = availability_report(
        incidents, "99.9%", "2026-11", maintenance_check="trust", **kwargs
    )
    assert trusted.rows[0].downtime == dt.timedelta(minutes=31)
    assert trusted.rows[0].credit == Decimal("0.00")
    assert trusted.maintenance == report.maintenance  # still said which window broke a rule
    with pytest.raises(InvalidOptionError, match="'ignore'"):
        availability_report(
            incidents,
            "99.9%",
            "2026-11",
            maintenance_check="ignore",  # type: ignore[arg-type]
            **kwargs,
        )


NIGHTLY = BusinessCalendar("Mon-Sun 02:00-04:00", tz="Europe/Copenhagen")


def w(
    day: int,
    h0: int,
    m0: int,
    h1: int,
    m1: int,
    *,
    announced_days: float | None = 3,
    month: int = 11,
) -> PlannedMaintenance:
    start = dt.datetime(2026, month, day, h0, m0, tzinfo=CPH)
    end = dt.datetime(2026, month, day, h1, m1, tzinfo=CPH)
    told = None if announced_days is None else start - dt.timedelta(days=announced_days)
    return PlannedMaintenance(start, end, told)


def test_each_rule_golden() -> None:
    check = check_maintenance(
        [
            w(2, 2, 0, 3, 0),  # kept: 60 min
            w(3, 3, 30, 4, 30),  # 30 min kept, 04:00-04:30 outside
            w(4, 2, 0, 2, 45, announced_days=1),  # 24 h notice < 48 h: all of it
            w(9, 2, 0, 3, 0),  # 60 + 30 + 60 > 120: 30 min over
            w(10, 2, 0, 2, 20, announced_days=None),  # notice unknown; over the limit
            w(1, 2, 0, 2, 30, month=12),  # a new month: kept
        ],
        window=NIGHTLY,
        notice=dt.timedelta(hours=48),
        max_per_month=dt.timedelta(hours=2),
    )
    found = [
        (b.maintenance.start.day, b.rule, b.duration // dt.timedelta(minutes=1))
        for b in check.breaches
    ]
    assert found == [
        (3, "outside_window", 30),
        (4, "short_notice", 45),
        (9, "over_monthly_cap", 30),
        (10, "over_monthly_cap", 20),
    ]
    assert [p.start.day for p in check.notice_unchecked] == [10]
    kept_minutes = [(b - a) // dt.timedelta(minutes=1) for a, b in check.kept]
    assert kept_minutes == [60, 30, 30, 30]  # 2 Nov, 3 Nov, 9 Nov (part), 1 Dec
    assert not check.is_clean


def test_the_rules_of_a_policy_object_and_overrides() -> None:
    from slacalc.policy import default_policy

    uptime = default_policy().to_agreement().uptime
    assert uptime is not None
    rules = uptime.maintenance  # Sun 02:00-06:00, 48 h
    sunday = w(1, 2, 0, 3, 0)  # 1 Nov 2026 is a Sunday
    assert check_maintenance([sunday], rules).is_clean
    assert not check_maintenance([w(2, 2, 0, 3, 0)], rules).is_clean
    assert check_maintenance([w(2, 2, 0, 3, 0)], rules, window=NIGHTLY).is_clean


def test_overlapping_windows_count_once_towards_the_limit() -> None:
    check = check_maintenance(
        [w(2, 2, 0, 3, 30), w(2, 2, 30, 3, 30)],
        window=NIGHTLY,
        max_per_month=dt.timedelta(hours=2),
    )
    assert check.is_clean
    assert len(check.kept) == 1


def test_bad_rules() -> None:
    with pytest.raises(InvalidOptionError, match="notice='48h'"):
        check_maintenance([], notice="48h")  # type: ignore[arg-type]
    from slacalc.errors import NotAnIntervalError

    with pytest.raises(NotAnIntervalError, match="window 0 is 'tonight'"):
        check_maintenance(["tonight"])


def test_tables_check_maintenance_like_the_monthly_report(files: Path) -> None:
    from slacalc.reports import availability_table

    policy = SLAPolicy.from_file(files / "sla.toml")
    uptime = policy.to_agreement().uptime
    assert uptime is not None
    log = [
        {
            "start": dt.datetime(2026, 11, 4, 2, 10, tzinfo=CPH),
            "end": dt.datetime(2026, 11, 4, 2, 41, tzinfo=CPH),
            "component": "shop",
        },
        {
            "start": dt.datetime(2026, 11, 18, 14, 5, tzinfo=CPH),
            "end": dt.datetime(2026, 11, 18, 14, 52, tzinfo=CPH),
            "component": "shop",
            "severity": "partial",
        },
    ]
    window = [
        (dt.datetime(2026, 11, 18, 14, tzinfo=CPH), dt.datetime(2026, 11, 18, 16, tzinfo=CPH))
    ]
    kwargs: dict[str, Any] = {
        "tz": policy.calendar().tz,
        "maintenance": window,
        "maintenance_mode": "count_as_up",
        "maintenance_rules": uptime.maintenance,
    }
    month = availability_table(
        log, "2026-11", by="component", components=["shop", "search"], **kwargs
    )
    # The Wednesday window is downtime for every component: shop 31 + 120 min (the
    # partial incident inside it counts at full weight there); search 120 min.
    assert [r.downtime for r in month.rows] == [
        151 * dt.timedelta(minutes=1),
        120 * dt.timedelta(minutes=1),
    ]
    assert month.maintenance is not None
    assert [b.rule for b in month.maintenance.breaches] == ["outside_window"]
    trusted = availability_table(
        log,
        "2026-11",
        by="component",
        components=["shop", "search"],
        maintenance_check="trust",
        **kwargs,
    )
    assert [r.downtime for r in trusted.rows] == [31 * dt.timedelta(minutes=1), dt.timedelta(0)]
