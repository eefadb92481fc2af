"""The README's first command runs this demo; its numbers are checked by hand here."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction

import pytest

from slacalc import datasets
from slacalc._demo import main, tour


def test_demo_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main() == 0
    out = capsys.readouterr().out
    # Fri 17:30 + 1 h of Mon-Fri 09-18: 30 min on Friday, 30 min on Monday.
    assert "respond by Mon 30 Nov 2026 09:30" in out
    # 8 h: 0.5 h Friday + 7.5 h Monday -> Mon 16:30.
    assert "resolve by Mon 30 Nov 2026 16:30" in out
    # Paused Mon 10:00 - Tue 09:00; used 0.5 + 1 + 3 = 4.5 h at Tue 12:00; 3.5 h left -> 15:30.
    assert "used 4h 30m of 8h business time, due Tue 01 Dec 2026 15:30" in out
    assert "You will hear from us by Monday 30 November at 10:00." in out
    assert "Du hører fra os senest mandag den 30. november kl. 10.00." in out
    # Critical runs 24x7: 23:10 + 15 min.
    assert "by Fri 27 Nov 2026 23:25" in out
    # 99.9 % of 365.2425/12 days = 43.8291 min -> 43m 50s (uptime.is).
    assert "month    43m 50s" in out
    # September 2026 of the example data, by hand from the CSV (see the next test):
    # INC-2026-021 16:38:00-16:49:18 = 11m 18s, INC-2026-022 01:20-05:30 = 4h 10m, both
    # full, no overlap, none in the 1 Sep 02:00-02:30 window: 4h 21m 18s = 15,678 s of
    # 30 d = 2,592,000 s -> 1 - 15678/2592000 = 99.39513..%, below 99.5 % but not below
    # 99 %: 10 % of 1500.00 = 150.00.
    assert "4. September 2026 in the example data (slacalc.datasets), monthly fee 1500.00" in out
    assert "INC-2026-022  Sun 13 Sep 01:20-05:30  full     Hosting provider network" in out
    assert "maintenance   Tue 01 Sep 02:00-02:30  planned  Monthly patch window" in out
    assert "down 4h 21m 18s of 30 days -> availability 99.3951%, allowed 43m 12s" in out
    assert "target met: False; service credit 10% = 150.00 EUR" in out


def test_demo_month_from_the_raw_rows() -> None:
    """The demo's month recomputed from the shipped CSV text, without the library's math."""
    incidents = list(csv.DictReader(io.StringIO(datasets.read_text("incidents.csv"))))
    windows = list(csv.DictReader(io.StringIO(datasets.read_text("maintenance.csv"))))
    start = dt.datetime(2026, 9, 1, tzinfo=dt.timezone(dt.timedelta(hours=2)))  # CEST
    end = dt.datetime(2026, 10, 1, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    month = [
        r
        for r in incidents
        if dt.datetime.fromisoformat(r["start"]) < end
        and dt.datetime.fromisoformat(r["end"]) > start
    ]
    assert [(r["incident_id"], r["severity"]) for r in month] == [
        ("INC-2026-021", "full"),
        ("INC-2026-022", "full"),
    ]
    spans = sorted(
        (dt.datetime.fromisoformat(r["start"]), dt.datetime.fromisoformat(r["end"])) for r in month
    )
    assert spans[0][1] <= spans[1][0] or spans[1][1] <= spans[0][0]  # no overlap
    for w in windows:  # no maintenance window touches either outage
        a, b = dt.datetime.fromisoformat(w["start"]), dt.datetime.fromisoformat(w["end"])
        assert all(b <= s or e <= a for s, e in spans)
    down = sum((e - s) // dt.timedelta(seconds=1) for s, e in spans)
    assert down == 11 * 60 + 18 + 4 * 3600 + 10 * 60 == 15678
    seconds = (end - start) // dt.timedelta(seconds=1)
    assert seconds == 30 * 86400
    availability = Fraction(seconds - 15678, seconds)
    assert Fraction(99, 100) <= availability < Fraction(995, 1000)  # the 10 % tier

    t = tour()
    assert t.report.downtime_seconds == 15678
    assert t.report.availability.fraction == availability == Fraction(143129, 144000)
    assert t.report.maintenance_mode == "count_as_up"  # the default policy's rule
    assert [i["incident_id"] for i in t.incidents] == ["INC-2026-021", "INC-2026-022"]
    assert (t.credit_percent, t.credit) == (Decimal(10), Decimal("150.00"))
    assert t.fee == Decimal("1500.00")


def test_the_demo_needs_no_pandas_or_numpy() -> None:
    code = (
        "import sys\n"
        "sys.modules['pandas'] = None\n"  # importing them now raises ImportError
        "sys.modules['numpy'] = None\n"
        "from slacalc._demo import main\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "service credit 10% = 150.00 EUR" in done.stdout


def test_python_dash_m_runs_the_demo() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "slacalc"], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "default_policy()" in done.stdout
