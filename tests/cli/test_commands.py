"""``slacalc`` through ``main(argv)``: golden outputs, checked by hand in the comments.

The data files are in tests/cli/data: events.json is the demo's ticket, incidents.csv
three November incidents (two overlap) plus one partial outage across the new year,
sla.toml the built-in default policy written out.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slacalc._demo import main as demo_main
from slacalc.cli import main
from slacalc.policy import default_policy

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _in_data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    assert err == ""
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


# -- demo ---------------------------------------------------------------------------------


def test_demo_is_the_library_demo(capsys: pytest.CaptureFixture[str]) -> None:
    demo_main()
    expected = capsys.readouterr().out
    assert run(capsys, "demo") == (0, expected, "")


def test_demo_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "demo")
    ticket = data["ticket"]
    assert isinstance(ticket, dict)
    assert ticket["respond_by"] == "2026-11-30T09:30:00+01:00"
    assert ticket["resolve_by"] == "2026-11-30T16:30:00+01:00"
    resolution = ticket["status"]["metrics"]["resolution"]
    assert resolution["elapsed"] == "PT4H30M"
    assert resolution["elapsed_seconds"] == "16200"
    assert resolution["due"] == "2026-12-01T15:30:00+01:00"
    month = data["month"]
    assert isinstance(month, dict)
    # September 2026 of the example data: 11m 18s + 4h 10m = 15,678 s down of 30 days =
    # 2,592,000 s: 1 - 15678/2592000 = 143129/144000, not a finite decimal; 10 % of 1500.
    assert month["month"] == "2026-09"
    assert month["availability"] == "0.993951388889"  # a decimal string, always
    assert month["availability_fraction"] == "143129/144000"  # and the exact value
    assert month["downtime_seconds"] == "15678"
    assert month["incidents"] == ["INC-2026-021", "INC-2026-022"]
    assert month["maintenance_mode"] == "count_as_up"
    assert (month["fee"], month["credit_percent"], month["credit"]) == ("1500.00", "10", "150.00")


# -- budget -------------------------------------------------------------------------------


def test_budget_golden(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "budget", "99.9%")
    assert (code, err) == (0, "")
    # 0.1 % of: a day 86,400 s; a week 604,800 s; a gregorian month 2,629,746 s;
    # a quarter 7,889,238 s; a year 31,556,952 s. Shown rounded half up, as uptime.is.
    assert out == (
        "Allowed downtime at 99.9% (gregorian: year 365.2425 d, month = year/12, "
        "quarter = year/4)\n"
        "period   allowed     exact seconds\n"
        "day      1m 26s      86.4\n"
        "week     10m 5s      604.8\n"
        "month    43m 50s     2629.746\n"
        "quarter  2h 11m 29s  7889.238\n"
        "year     8h 45m 57s  31556.952\n"
    )


def test_budget_fixed_convention_and_a_dst_month(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "budget",
        "99.9%",
        "--convention",
        "fixed",
        "--month",
        "2026-03",
        "--tz",
        "Europe/Copenhagen",
    )
    assert code == 0
    assert "month    43m 12s     2592\n" in out  # 30 d x 0.1 % (the SRE book's table)
    # March 2026 in Copenhagen loses an hour to DST: 743 h = 2,674,800 s -> 2674.8 s.
    assert out.endswith("2026-03 in Europe/Copenhagen (30d 23h): 44m 35s (2674.8 s)\n")


def test_budget_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "budget", "99.95%", "--month", "2026-02")
    assert data["target_share"] == "0.9995"
    periods = data["periods"]
    assert isinstance(periods, list)
    assert [p["period"] for p in periods] == ["day", "week", "month", "quarter", "year"]
    assert periods[4] == {
        "period": "year",
        "length": "PT8765H49M12S",  # 365.2425 d
        "length_seconds": "31556952",
        "allowed": "PT4H22M58.476S",  # x 0.0005
        "allowed_seconds": "15778.476",
        "text": "4h 22m 58s",
    }
    # February 2026 in UTC: 28 d = 2,419,200 s x 0.0005 = 1209.6 s.
    assert data["month"] == {
        "month": "2026-02",
        "tz": "UTC",
        "start": "2026-02-01T00:00:00+00:00",
        "end": "2026-03-01T00:00:00+00:00",
        "length": "PT672H",
        "length_seconds": "2419200",
        "allowed": "PT20M9.6S",
        "allowed_seconds": "1209.6",
        "text": "20m 10s",
    }


# -- due ----------------------------------------------------------------------------------


def test_due_golden(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "due", "--severity", "high", "--at", "2026-11-27T17:30+01:00")
    assert code == 0
    # 1 h of Mon-Fri 09-18 from Fri 17:30: 30 min Friday + 30 min Monday -> Mon 09:30;
    # 8 h: 0.5 h Friday + 7.5 h Monday -> Mon 16:30.
    assert out == (
        "'high' ticket opened Fri 2026-11-27 17:30 +01:00\n"
        "clock: support hours Mon-Fri 09:00-18:00, Europe/Copenhagen\n"
        "respond by  Mon 2026-11-30 09:30 +01:00  (target 1h)\n"
        "resolve by  Mon 2026-11-30 16:30 +01:00  (target 8h)\n"
    )


def test_due_in_utc_input_shows_the_calendar_zone(capsys: pytest.CaptureFixture[str]) -> None:
    # 16:30Z is 17:30 in Copenhagen: the same deadlines.
    _, out, _ = run(capsys, "due", "--severity", "high", "--at", "2026-11-27T16:30Z")
    assert "'high' ticket opened Fri 2026-11-27 17:30 +01:00" in out
    assert "respond by  Mon 2026-11-30 09:30 +01:00" in out


def test_due_business_days_from_a_policy_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "due", "--severity", "low", "--at", "2026-11-27T17:30+01:00", "--policy", "sla.toml"
    )
    assert code == 0
    # 2 business days of 9 h = 18 h: 0.5 h Fri + 9 h Mon + 8.5 h Tue -> Tue 17:30.
    assert "respond by  Tue 2026-12-01 17:30 +01:00  (target 2 business days)" in out
    assert "resolve by  -  (no target: a work queue)" in out


def test_due_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "due", "--severity", "low", "--at", "2026-11-27T17:30+01:00")
    assert data == {
        "policy": "Website care agreement",
        "severity": "low",
        "calendar": "support",
        "opened_at": "2026-11-27T17:30:00+01:00",
        "response": {
            "due": "2026-12-01T17:30:00+01:00",
            "target": "2 business days",
            "business_time": "PT18H",
            "business_time_seconds": "64800",
        },
        "resolution": {
            "due": None,
            "target": None,
            "business_time": None,
            "business_time_seconds": None,
        },
    }


def test_due_defaults_to_now(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "due", "--severity", "critical")
    assert code == 0
    assert "(now)" in out.splitlines()[0]


# -- status -------------------------------------------------------------------------------


def test_status_golden(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "status", "events.json", "--at", "2026-12-01T12:00+01:00")
    assert code == 0
    # Response: Fri 17:30-18:00 + Mon 09:00-09:20 = 50 min of 1 h, met.
    # Resolution: 0.5 h Fri + Mon 09:00-10:00 (1 h), paused to Tue 09:00, then 3 h to 12:00
    # = 4.5 h of 8 h; 3.5 h left from Tue 12:00 -> 15:30.
    assert out == (
        "ticket at Tue 2026-12-01 12:00 +01:00: open, severity 'high', on time\n"
        "next due: Tue 2026-12-01 15:30 +01:00\n"
        "clock       state    used    target  remaining  due\n"
        "response    met      50m     1h      10m        Mon 2026-11-30 09:30 +01:00\n"
        "resolution  running  4h 30m  8h      3h 30m     Tue 2026-12-01 15:30 +01:00\n"
    )


def test_status_while_paused(capsys: pytest.CaptureFixture[str]) -> None:
    # Mon 11:00: paused since 10:00. Used 0.5 h Fri + 1 h Mon = 1.5 h of 8 h; if it resumed
    # at 11:00, 6.5 h more: Mon 11:00-18:00 is 7 h, so Mon 17:30.
    code, out, _ = run(capsys, "status", "events.json", "--at", "2026-11-30T11:00+01:00")
    assert code == 0
    assert out.splitlines()[0] == (
        "ticket at Mon 2026-11-30 11:00 +01:00: paused, severity 'high', on time"
    )
    assert (
        "resolution  paused  1h 30m  8h      6h 30m     Mon 2026-11-30 17:30 +01:00 if resumed now"
        in out
    )


def test_status_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "status", "events.json", "--at", "2026-12-01T12:00+01:00")
    assert set(data) == {
        "at",
        "phase",
        "severity",
        "breached",
        "next_due",
        "next_breach_at",
        "metrics",
    }
    assert data["next_breach_at"] == "2026-12-01T15:30:00.000001+01:00"  # due + 1 µs
    response = data["metrics"]["response"]  # type: ignore[index]
    # 50 of 60 minutes: 5/6 = 250/3 percent
    assert (response["percent_used"], response["percent_used_fraction"]) == (
        "83.333333333333",
        "250/3",
    )
    assert response["remaining"] == "PT10M"
    assert response["phase"] == "met"


def test_status_of_a_breached_ticket(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    events = tmp_path / "late.json"
    events.write_text(
        json.dumps(
            {
                "events": [
                    {"kind": "opened", "at": "2026-11-30T09:00+01:00", "severity": "critical"},
                ]
            }
        ),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "status", str(events), "--at", "2026-11-30T09:20+01:00")
    assert code == 0
    # 15 min response target around the clock: 20 min used, 5 min late.
    assert out.splitlines()[0].endswith("severity 'critical', BREACHED")
    assert "response    running, BREACHED  20m   15m     -5m" in out


# -- availability ---------------------------------------------------------------------------


def test_availability_golden(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "availability", "incidents.csv", "--policy", "sla.toml", "--fee", "500"
    )
    assert code == 0
    # November: 31 min + 14:05-14:52 (two overlapping records, merged) 47 min = 78 min of
    # 30 d: 1 - 78/43,200 = 99.8194..% < 99.9 %, >= 99.5 %: 5 % of 500 = 25.00.
    # INC-104 is partial (weight 30 %): 60 min x 0.3 = 18 min, 9 in December, 9 in January;
    # 9 min of 31 d = 44,640 min: 99.9798..%, within 44m 38s (31 d x 0.1 %).
    assert out == (
        "availability per calendar month in Europe/Copenhagen, target 99.9%, credits below "
        "99.9%: 5%, below 99.5%: 10%, below 99%: 15%, fee 500\n"
        "month    incidents  down    of   availability  allowed  met  credit\n"
        "2026-11  3          1h 18m  30d  99.8194%      43m 12s  no   5% = 25.00\n"
        "2026-12  1          9m      31d  99.9798%      44m 38s  yes  0% = 0.00\n"
        "2027-01  1          9m      31d  99.9798%      44m 38s  yes  0% = 0.00\n"
        "total credit: 25.00\n"
    )


def test_availability_one_month_with_tiers(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "availability",
        "incidents.csv",
        "--target",
        "99.95%",
        "--month",
        "2026-11",
        "--tz",
        "Europe/Copenhagen",
        "--credits",
        "99.95%:10%,99%:25%",
        "--fee",
        "1999.99",
    )
    assert code == 0
    # 10 % of 1999.99 = 199.999 -> 200.00 (half up); allowed 30 d x 0.05 % = 21m 36s.
    assert out.splitlines()[-1] == (
        "2026-11  3          1h 18m  30d  99.8194%      21m 36s  no   10% = 200.00"
    )


def test_availability_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(
        capsys,
        "availability",
        "incidents.csv",
        "--target",
        "99.9%",
        "--month",
        "2026-11",
        "--tz",
        "Europe/Copenhagen",
    )
    months = data["months"]
    assert isinstance(months, list)
    (month,) = months
    assert (month["availability"], month["availability_fraction"]) == (
        "0.998194444444",
        "7187/7200",
    )
    assert month["availability_text"] == "99.8194%"
    assert month["downtime"] == "PT1H18M"
    assert month["allowed_seconds"] == "2592"
    assert month["remaining_budget"] == "-PT34M48S"  # 43m12s - 1h18m
    assert month["target_met"] is False
    assert month["credit"] is None
    assert month["start"] == "2026-11-01T00:00:00+01:00"


def test_availability_open_outage_as_of(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "open.csv"
    log.write_text("start,end\n2026-06-30T23:00Z,\n", encoding="utf-8")
    code, out, _ = run(
        capsys, "availability", str(log), "--target", "99%", "--as-of", "2026-07-01T01:00Z"
    )
    assert code == 0
    # 1 h in June (30 d), 1 h in July (31 d) up to the report time.
    assert "2026-06  1          1h    30d  99.8611%" in out
    assert "2026-07  1          1h    31d  99.8655%" in out


def _windows(tmp_path: Path) -> str:
    path = tmp_path / "maintenance.csv"
    path.write_text(
        "start,end,label\n2026-11-04T02:00+01:00,2026-11-04T02:30+01:00,Patches\n", encoding="utf-8"
    )
    return str(path)


def test_availability_with_maintenance_uses_the_policy_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    windows = _windows(tmp_path)
    code, out, _ = run(
        capsys,
        "availability",
        "incidents.csv",
        "--policy",
        "sla.toml",
        "--month",
        "2026-11",
        "--fee",
        "500",
        "--maintenance",
        windows,
        "--trust-maintenance",
    )
    assert code == 0
    # The Wednesday window is outside the policy's Sun 02:00-06:00; --trust-maintenance
    # counts it as maintenance all the same, as before the rules were checked.
    # The policy counts maintenance as up. The 02:10-02:41 outage counts only after the
    # 02:00-02:30 window: 11 min; with 14:05-14:52 (47 min) 58 min of 43,200:
    # 1 - 58/43,200 = 99.86574..% -> 99.8657 %, < 99.9 %: 5 % of 500 = 25.00.
    assert out.splitlines()[0].endswith("fee 500, 1 maintenance window counted as up")
    assert out.splitlines()[2] == (
        "2026-11  3          58m   30d  99.8657%      43m 12s  no   5% = 25.00"
    )
    assert out.splitlines()[3] == (
        "maintenance Patches (2026-11-04 02:00-02:30 +01:00): outside the agreed window "
        "(Sun 02:00-06:00 Europe/Copenhagen), 30m "
        "trusted as maintenance (--trust-maintenance)"
    )
    # --maintenance-mode exclude overrides it: 43,200 - 30 = 43,170 min eligible;
    # 1 - 58/43,170 = 99.86564..%; allowed 43,170 min x 0.1 % = 43.17 min = 43m 10.2s.
    code, out, _ = run(
        capsys,
        "availability",
        "incidents.csv",
        "--policy",
        "sla.toml",
        "--month",
        "2026-11",
        "--fee",
        "500",
        "--maintenance",
        windows,
        "--maintenance-mode",
        "exclude",
        "--trust-maintenance",
    )
    assert code == 0
    assert out.splitlines()[2] == (
        "2026-11  3          58m   29d 23h 30m  99.8656%      43m 10s  no   5% = 25.00"
    )
    data = run_json(
        capsys,
        "availability",
        "incidents.csv",
        "--policy",
        "sla.toml",
        "--month",
        "2026-11",
        "--maintenance",
        windows,
        "--trust-maintenance",
    )
    assert data["maintenance"] == {
        "windows": 1,
        "mode": "count_as_up",
        "checked": True,
        "counted_as_downtime": False,
        "breaches": [
            {
                "window": "Patches (2026-11-04 02:00-02:30 +01:00)",
                "rule": "outside_window",
                "start": "2026-11-04T02:00:00+01:00",
                "end": "2026-11-04T02:30:00+01:00",
            }
        ],
    }
    months = data["months"]
    assert isinstance(months, list)
    (month,) = months
    assert month["downtime"] == "PT58M"


def test_availability_maintenance_outside_the_policy_window_is_downtime(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    windows = _windows(tmp_path)
    code, out, _ = run(
        capsys,
        "availability",
        "incidents.csv",
        "--policy",
        "sla.toml",
        "--month",
        "2026-11",
        "--fee",
        "500",
        "--maintenance",
        windows,
    )
    assert code == 0
    # The window (Wednesday 02:00-02:30) is outside the policy's Sun 02:00-06:00, so it
    # is downtime: 02:00-02:41 with INC-101 (41 min) + 14:05-14:52 (47 min) = 88 min;
    # 1 - 88/43,200 = 99.79629..% -> 99.7962 %, < 99.9 %: 5 % of 500 = 25.00. The
    # window is a downtime record of its own, so 4 records counted.
    assert out.splitlines()[2:] == [
        "2026-11  4          1h 28m  30d  99.7962%      43m 12s  no   5% = 25.00",
        "maintenance Patches (2026-11-04 02:00-02:30 +01:00): outside the agreed window "
        "(Sun 02:00-06:00 Europe/Copenhagen), 30m "
        "downtime",
        "notice not checked for 1 maintenance window without an 'announced' time",
    ]


def test_availability_maintenance_needs_a_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    windows = _windows(tmp_path)
    code, out, err = run(
        capsys, "availability", "incidents.csv", "--target", "99.9%", "--maintenance", windows
    )
    assert (code, out) == (2, "")
    assert "pass --policy with an [uptime.maintenance] table, or --maintenance-mode" in err
    code, _, err = run(
        capsys,
        "availability",
        "incidents.csv",
        "--target",
        "99.9%",
        "--maintenance-mode",
        "exclude",
    )
    assert code == 2
    assert "add --maintenance with a CSV" in err
    bad = tmp_path / "bad.csv"
    bad.write_text("start,end\n2026-11-04T02:00+01:00,\n", encoding="utf-8")
    code, _, err = run(
        capsys, "availability", "incidents.csv", "--policy", "sla.toml", "--maintenance", str(bad)
    )
    assert code == 2
    assert "'end' of the maintenance is empty in" in err
    assert "bad.csv' line 2;" in err
    assert len(err.splitlines()) == 1


def test_availability_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    stdin = io.TextIOWrapper(io.BytesIO((DATA / "incidents.csv").read_bytes()))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(
        capsys,
        "availability",
        "-",
        "--target",
        "99.9%",
        "--month",
        "2026-11",
        "--tz",
        "Europe/Copenhagen",
    )
    assert code == 0
    assert "2026-11  3          1h 18m" in out


# -- report, document, check --------------------------------------------------------------


def test_report_golden(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "report", "tickets.csv")
    assert code == 0
    # 1 high: answered in 30m, resolved Mon 09:00-15:00 = 6h: both met.
    # 2 high: Fri 17:30-18:00 + Mon 09:00-09:45 = 1h 15m > 1h (breached); resolved Mon
    #   16:00: 0.5h + 7h = 7h 30m <= 8h (met).
    # 3 critical (24x7): answered in 10m (met); resolved after 3h > 2h (breached).
    # 4 low: no answer yet, evaluated at its only event: pending; low has no resolution target.
    # Median and p90 by nearest rank over the stopped cycles: high response {30m, 1h 15m}.
    assert out == (
        "compliance of 4 tickets against 'Website care agreement', by severity\n"
        "severity  metric      tickets  met  breached  pending  percent_met  median  p90     "
        "penalties\n"
        "--------  ----------  -------  ---  --------  -------  -----------  ------  ------  "
        "---------\n"
        "critical  response    1        1    0         0        100.0%       10m     10m     -\n"
        "critical  resolution  1        0    1         0        0.0%         3h      3h      -\n"
        "high      response    2        1    1         0        50.0%        30m     1h 15m  -\n"
        "high      resolution  2        2    0         0        100.0%       6h      7h 30m  -\n"
        "low       response    1        0    0         1        -            -       -       -\n"
        "low       resolution  1        0    0         0        -            -       -       -\n"
    )


def test_report_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "report", "tickets.csv", "--by", "")
    assert data["by"] == []
    rows = data["rows"]
    assert isinstance(rows, list)
    response, resolution = rows
    # 2 met of 3 decided (ticket 4 pending): exactly 2/3, shown 66.7 %.
    assert (response["share_met"], response["share_met_fraction"]) == ("0.666666666667", "2/3")
    assert response["percent_met"] == "66.7"
    assert response["median"] == "PT30M"
    assert resolution["p90_seconds"] == "27000"  # 7h 30m


def test_report_with_penalties_needs_a_fee(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(default_policy().to_json())
    data["uptime"]["ticket_penalties"] = [
        {"severity": "critical", "metric": "resolution", "credit": "2%"}
    ]
    policy = tmp_path / "penalties.json"
    policy.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "report", "tickets.csv", "--policy", str(policy))
    assert code == 2
    assert "pass --fee" in err
    code, out, _ = run(capsys, "report", "tickets.csv", "--policy", str(policy), "--fee", "1500")
    assert code == 0
    # ticket 3 breached its critical resolution target: 2 % of 1500 = 30.00.
    row = [line for line in out.splitlines() if line.startswith("critical  resolution")]
    assert row[0].split()[-1] == "30.00"


def test_status_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "status", "events.json", "--at", "2026-12-01T12:00+01:00", "--explain"
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[5] == ""
    assert lines[6] == (
        "response, cycle 1 (high): met: 50m used of 1h; stopped Mon 2026-11-30 09:20"
    )
    assert (
        "  Mon 2026-11-30 10:00  Tue 2026-12-01 09:00  paused        0s       1h 30m  no    "
        "paused, waiting on the customer: the clock stops (pause_mode='exclude')" in lines
    )
    data = run_json(capsys, "status", "events.json", "--at", "2026-12-01T12:00+01:00", "--explain")
    segments = data["explanation"]
    assert isinstance(segments, list)
    # the counted business time of the resolution segments adds up to the 4h 30m used
    counted = [int(s["counted_seconds"]) for s in segments if s["metric"] == "resolution"]
    assert sum(counted) == 4 * 3600 + 1800
    assert segments[-1]["used"] == "PT4H30M"
    assert segments[-1]["start"] == "2026-12-01T09:00:00+01:00"


def test_document_markdown_and_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "document", "sla.toml")
    assert code == 0
    assert out.startswith("# Website care agreement\n")
    assert "43 min 50 s" in out
    target = tmp_path / "aftale.html"
    code, out, _ = run(
        capsys, "document", "sla.toml", "--format", "html", "--lang", "da", "-o", str(target)
    )
    assert code == 2  # sla.toml is written in English: its Danish texts are missing
    code, out, _ = run(
        capsys, "document", "sla.toml", "--format", "html", "--lang", "da", "--fallback",
        "-o", str(target),
    )  # fmt: skip
    assert (code, out) == (0, "")
    assert target.read_text(encoding="utf-8").startswith('<!DOCTYPE html>\n<html lang="da">')


def test_document_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "document", "--lang", "da")
    assert data["format"] == "markdown"
    assert data["lang"] == "da"
    assert data["output"] is None
    assert "99,9 % om måneden" in str(data["text"])


def test_check_valid(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "sla.toml")
    assert (code, err) == (0, "")
    assert out == (
        "sla.toml: valid: 'Website care agreement', 4 severities (critical, high, medium, low), "
        "support Mon-Fri 09:00-18:00 in Europe/Copenhagen\n"
    )
    assert run_json(capsys, "check", "sla.toml")["valid"] is True


def _broken(tmp_path: Path) -> Path:
    text = (DATA / "sla.toml").read_text(encoding="utf-8")
    text = text.replace('response = "4h"', 'response = "4 hours"')
    text = text.replace('tz = "Europe/Copenhagen"', 'tz = "Europe/Kobenhavn"')
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_check_lists_every_problem_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _broken(tmp_path)
    code, out, err = run(capsys, "check", str(path))
    assert (code, err) == (1, "")
    lines = out.replace(str(path), "broken.toml").splitlines()
    # file:line, the line where the TOML file writes the field
    assert lines[0].startswith("broken.toml:9: support.tz: Unknown time zone 'Europe/Kobenhavn'")
    assert lines[1] == (
        "broken.toml:45: severities[2].response: '4 hours' is not a duration; write '4h'."
    )
    assert lines[2] == "broken.toml: 2 problems"
    text = path.read_text(encoding="utf-8").splitlines()
    assert text[9 - 1].startswith("tz =")
    assert text[45 - 1].startswith("response =")
    code, out, _ = run(capsys, "check", str(path), "--json")
    assert code == 1
    data = json.loads(out)
    assert data["valid"] is False
    (file,) = data["files"]
    assert [(p["path"], p["line"]) for p in file["problems"]] == [
        ("support.tz", 9),
        ("severities[2].response", 45),
    ]


def test_check_when_every_severity_is_bad(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        '[support]\nhours = "Mon-Fri 09:00-17:00"\ntz = "UTC"\n'
        '[[severities]]\nname = "high"\nresponse = "4 hours"\n'
        '[[severities]]\nname = "low"\nresponse = "2 days"\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "check", str(path))
    assert (code, err) == (1, "")
    assert out.replace(str(path), "bad.toml").splitlines() == [
        "bad.toml:6: severities[0].response: '4 hours' is not a duration; write '4h'.",
        "bad.toml:9: severities[1].response: '2 days' is not a duration; write '2 business days' "
        "(the policy's business_day says how long a day is).",
        "bad.toml: 2 problems",
    ]


def test_help_of_every_command_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "examples:" in out
    for command in (
        "demo",
        "budget",
        "due",
        "status",
        "availability",
        "report",
        "document",
        "check",
    ):
        code, out, err = run(capsys, command, "--help")
        assert (code, err) == (0, ""), command
        assert "examples:" in out, command
        assert "--json" in out, command


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.startswith("slacalc ")


def test_no_colour_or_terminal_tricks_when_piped(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, err = run(capsys, "availability", "incidents.csv", "--target", "99.9%")
    assert "\x1b" not in out + err
    assert "\r" not in out + err
