"""availability_report: the example year's months, checked against an independent sweep.

The sweep here is written from the definitions alone (merge overlaps at the heaviest
severity, clip to the month, take maintenance out): cut the month at
every incident and maintenance edge, take the heaviest severity active in each piece
(full 1, partial 0.3, degraded 0), skip maintenance, add up; then the credit from the
agency's tiers (5 % below 99.9 %, 10 % below 99.5 %, 15 % below 99 %), rounded half up
to the cent.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from slacalc import Availability, CreditSchedule, Outage, calendar_month, datasets
from slacalc._present import frames
from slacalc.calendar import BusinessCalendar
from slacalc.errors import (
    ColumnTypeError,
    InvalidOptionError,
    InvalidPeriodError,
    MissingColumnError,
    NotADatetimeError,
    OpenOutageError,
)
from slacalc.policy import SLAPolicy
from slacalc.reports import MonthlyAvailabilityReport, availability_report

CPH = ZoneInfo("Europe/Copenhagen")
FEE = datasets.MONTHLY_FEE
WEIGHTS = {"full": Fraction(1), "partial": Fraction(3, 10), "degraded": Fraction(0)}


@pytest.fixture(scope="module")
def incidents() -> list[dict[str, Any]]:
    return datasets.load_incidents(as_frame=False)


@pytest.fixture(scope="module")
def maintenance() -> list[dict[str, Any]]:
    return datasets.load_maintenance(as_frame=False)


@pytest.fixture(scope="module")
def report(policy: SLAPolicy) -> MonthlyAvailabilityReport:
    return availability_report(
        datasets.load_incidents(),
        "99.9%",
        2026,
        tz=datasets.TIMEZONE,
        maintenance=datasets.load_maintenance(),
        maintenance_mode="count_as_up",
        credits=policy.to_agreement().uptime.credits,  # type: ignore[union-attr]
        fee=FEE,
    )


def _sweep(
    incidents: list[dict[str, Any]],
    maintenance: list[dict[str, Any]],
    start: dt.datetime,
    end: dt.datetime,
) -> Fraction:
    """Weighted downtime seconds in [start, end), outside maintenance: an independent sweep."""
    cuts = {start, end}
    for row in [*incidents, *maintenance]:
        cuts.update(t for t in (row["start"], row["end"]) if start < t < end)
    total = Fraction(0)
    for a, b in itertools.pairwise(sorted(cuts)):
        if any(m["start"] <= a < m["end"] for m in maintenance):
            continue
        weight = max(
            (WEIGHTS[i["severity"]] for i in incidents if i["start"] <= a < i["end"]),
            default=Fraction(0),
        )
        span = b.astimezone(dt.UTC) - a.astimezone(dt.UTC)
        total += weight * Fraction(span // dt.timedelta(microseconds=1), 1_000_000)
    return total


def _credit(availability: Fraction) -> tuple[Decimal, Decimal]:
    share = Decimal(0)
    for below, credit in (
        (Fraction(999, 1000), "5"),
        (Fraction(995, 1000), "10"),
        (Fraction(99, 100), "15"),
    ):
        if availability < below:
            share = Decimal(credit)
    return share, (FEE * share / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def test_every_month_matches_the_independent_sweep(
    report: MonthlyAvailabilityReport,
    incidents: list[dict[str, Any]],
    maintenance: list[dict[str, Any]],
) -> None:
    assert [r.month for r in report.rows] == [f"2026-{m:02d}" for m in range(1, 13)]
    for row in report.rows:
        start = dt.datetime(2026, int(row.month[5:]), 1, tzinfo=CPH)
        end = (start + dt.timedelta(days=32)).replace(day=1)
        assert (row.start, row.end) == (start, end)
        length = end.astimezone(dt.UTC) - start.astimezone(dt.UTC)  # DST months: 743 h, 745 h
        eligible = Fraction(length // dt.timedelta(microseconds=1), 1_000_000)
        down = _sweep(incidents, maintenance, start, end)
        availability = 1 - down / eligible
        assert row.report.downtime_seconds == down
        assert row.availability == Availability(availability)
        assert row.eligible == length
        assert row.met is (availability >= Fraction(999, 1000))
        allowed = eligible / 1000
        assert row.allowed_downtime == dt.timedelta(microseconds=int(allowed * 1_000_000))
        assert row.budget_used == down / allowed
        assert (row.credit_percent, row.credit) == _credit(availability)
        assert row.incidents == sum(
            1 for i in incidents if _sweep([i], maintenance, start, end) > 0
        )


def test_the_stories_in_the_data(report: MonthlyAvailabilityReport) -> None:
    missed = [(r.month, r.credit_percent, r.credit) for r in report.rows if not r.met]
    assert missed == [
        ("2026-03", Decimal(5), Decimal("75.00")),
        ("2026-09", Decimal(10), Decimal("150.00")),
    ]
    assert report.total_credit == Decimal("225.00")
    # March: 52 min full outage, the partial one overlapping it counts only after 10:57.
    march = report.row("2026-03").report.outages
    day = dt.date(2026, 3, 17)
    full, partial = (s for s in march if s.outage.start.astimezone(CPH).date() == day)
    assert full.counted == dt.timedelta(minutes=52)
    assert partial.counted == dt.timedelta(minutes=33) * 3 / 10
    # May: the outage from 22:30 counts only after the maintenance window ends at 22:45.
    # Each month's report lists the incidents that reach into that month, in log order.
    (may,) = (
        s
        for s in report.row("2026-05").report.outages
        if s.outage.start == dt.datetime(2026, 5, 19, 22, 30, tzinfo=CPH)
    )
    assert all(s.outage.start.month == 5 for s in report.row("2026-05").report.outages)
    assert may.counted == dt.timedelta(minutes=20)
    # June/July: the outage across midnight is split 10 + 20 minutes.
    june = [s for s in report.row("2026-06").report.outages if s.counted_seconds]
    july = [s for s in report.row("2026-07").report.outages if s.counted_seconds]
    assert june[-1].counted == dt.timedelta(minutes=10)
    assert july[0].counted == dt.timedelta(minutes=20)


def test_excluding_maintenance_shrinks_the_eligible_time(
    report: MonthlyAvailabilityReport,
) -> None:
    excluded = availability_report(
        datasets.load_incidents(),
        "99.9%",
        ["2026-05"],
        tz=datasets.TIMEZONE,
        maintenance=datasets.load_maintenance(),
        maintenance_mode="exclude",
    )
    may = report.row("2026-05")
    row = excluded.rows[0]
    assert row.eligible == may.eligible - dt.timedelta(minutes=30 + 45)
    assert row.downtime == may.downtime
    assert row.availability < may.availability
    assert (row.credit, row.credit_percent) == (None, None)


def test_months_in_every_form() -> None:
    forms: list[Any] = [
        ["2026-03"],
        "2026-03",
        [(2026, 3)],
        [dt.date(2026, 3, 17)],
        calendar_month(2026, 3, tz="Europe/Copenhagen"),
    ]
    for months in forms:
        r = availability_report([], "99.9%", months, tz="Europe/Copenhagen")
        assert [x.month for x in r.rows] == ["2026-03"]
        assert r.rows[0].eligible == dt.timedelta(days=31, hours=-1)  # DST starts
    for bad in ([], ["March"], [2026.0], True, None, 2026.5):
        with pytest.raises(InvalidPeriodError):
            availability_report([], "99.9%", bad)
    with pytest.raises(InvalidPeriodError, match="no month '2027-01'"):
        availability_report([], "99.9%", 2026).row("2027-01")


def test_incidents_in_every_form(incidents: list[dict[str, Any]]) -> None:
    frame = datasets.load_incidents()
    want = availability_report(frame, "99.9%", 2026, tz=datasets.TIMEZONE).to_records()
    assert availability_report(incidents, "99.9%", 2026, tz=datasets.TIMEZONE).to_records() == want
    assert (
        availability_report(iter(incidents), "99.9%", 2026, tz=datasets.TIMEZONE).to_records()
        == want
    )
    tuples = [(i["start"], i["end"], i["severity"]) for i in incidents]
    assert availability_report(tuples, "99.9%", 2026, tz=datasets.TIMEZONE).to_records() == want
    outages = [Outage(i["start"], i["end"], i["severity"]) for i in incidents]
    assert availability_report(outages, "99.9%", 2026, tz=datasets.TIMEZONE).to_records() == want
    renamed = frame.rename(columns={"start": "began", "end": "ended", "severity": "impact"})
    got = availability_report(
        renamed,
        "99.9%",
        2026,
        tz=datasets.TIMEZONE,
        columns={"start": "began", "end": "ended", "severity": "impact"},
    )
    assert got.to_records() == want
    labels = [s.outage.label for s in got.row("2026-03").report.outages]
    assert "INC-2026-005" not in labels
    assert "Hosting provider network incident" in labels


def test_open_incidents_need_an_as_of() -> None:
    t = dt.datetime(2026, 6, 30, 23, tzinfo=dt.UTC)
    rows = [{"start": t, "end": None, "severity": "full", "incident_id": "INC-9"}]
    with pytest.raises(OpenOutageError):
        availability_report(rows, "99.9%", ["2026-06"])
    r = availability_report(rows, "99.9%", ["2026-06"], as_of=t + dt.timedelta(hours=2))
    assert r.rows[0].downtime == dt.timedelta(hours=1)
    assert r.rows[0].report.outages[0].outage.label == "INC-9"


def test_business_hours_and_minimum_outage() -> None:
    cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
    monday = dt.datetime(2026, 6, 1, 16, tzinfo=dt.UTC)
    outages = [
        (monday, monday + dt.timedelta(hours=2)),
        (
            monday + dt.timedelta(days=1, hours=-6),
            monday + dt.timedelta(days=1, hours=-6, seconds=30),
        ),
    ]
    r = availability_report(outages, "99.9%", ["2026-06"], calendar=cal, min_outage="1m")
    row = r.rows[0]
    assert row.downtime == dt.timedelta(hours=1)  # 16-17; the 30 s blip is ignored
    assert row.eligible == dt.timedelta(hours=22 * 8)  # 22 weekdays in June 2026
    points = r.burndown("2026-06")
    assert points[-1].downtime_seconds == 3600
    assert any(p.at == monday + dt.timedelta(hours=1) for p in points)


def test_burndown_is_exact_and_monotone(report: MonthlyAvailabilityReport) -> None:
    for month in ("2026-03", "2026-05", "2026-09"):
        row = report.row(month)
        points = report.burndown(month)
        assert points[0].at == row.start
        assert points[-1].at == row.end
        assert points[0].remaining_seconds == row.report.allowed_downtime_seconds
        assert points[-1].downtime_seconds == row.report.downtime_seconds
        assert points[-1].remaining == row.remaining_budget
        remaining = [p.remaining_seconds for p in points]
        assert remaining == sorted(remaining, reverse=True)
    march = {p.at: p.downtime_seconds for p in report.burndown("2026-03")}
    assert (
        march[dt.datetime(2026, 3, 17, 10, 57, tzinfo=CPH)]
        - march[dt.datetime(2026, 3, 17, 10, 5, tzinfo=CPH)]
        == 52 * 60
    )


def test_outputs(report: MonthlyAvailabilityReport, monkeypatch: pytest.MonkeyPatch) -> None:
    df = report.to_frame()
    assert list(df.columns) == list(report.columns)
    assert str(df["start"].dtype) == "datetime64[us, Europe/Copenhagen]"
    for column in ("eligible", "downtime", "allowed_downtime", "remaining_budget"):
        assert str(df[column].dtype) == "timedelta64[us]"
    assert df["availability"].dtype == "float64"  # for analysis; exact=True keeps the objects
    assert isinstance(report.to_frame(exact=True)["availability"].iloc[0], Availability)
    assert df["met"].dtype == bool
    text = report.to_text()
    assert "99.860%" in text
    assert "-17m 44s" in text
    html = report._repr_html_()
    assert "credits owed: 225.00" in html
    assert "compared exactly" in html
    assert "report" not in report.to_records()[0]
    monkeypatch.setattr(frames, "pandas", lambda: None)
    with pytest.raises(ModuleNotFoundError, match=r"\.to_records\(\)"):
        _ = report.table  # a DataFrame whatever is installed: never records instead


def test_errors() -> None:
    credits = CreditSchedule([("99.9%", "5%")])
    with pytest.raises(InvalidOptionError, match="fee= was given without credits="):
        availability_report([], "99.9%", 2026, fee=FEE)
    t = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    with pytest.raises(MissingColumnError, match="no column 'end'") as info:
        availability_report([{"start": t}], "99.9%", 2026, credits=credits)
    assert info.value.column == "end"
    with pytest.raises(MissingColumnError, match="no column 'start'"):
        availability_report(pd.DataFrame({"end": [t]}), "99.9%", 2026)
    with pytest.raises(ColumnTypeError, match="Column 'start' of the incidents holds '2026-06-01'"):
        availability_report([{"start": "2026-06-01", "end": t}], "99.9%", 2026)
    with pytest.raises(ColumnTypeError, match="not an incident log"):
        availability_report(7, "99.9%", 2026)
    with pytest.raises(InvalidOptionError, match="maps the columns of a table"):
        availability_report([(t, t)], "99.9%", 2026, columns={"start": "a"})
    with pytest.raises(InvalidOptionError, match="maintenance_mode"):
        availability_report([], "99.9%", 2026, maintenance=[(t, t + dt.timedelta(hours=1))])
    with pytest.raises(ColumnTypeError, match=r"not a \(start, end\) pair"):
        availability_report([], "99.9%", 2026, maintenance=[t])
    with pytest.raises(NotADatetimeError, match="holds '2026'"):
        availability_report([], "99.9%", 2026, maintenance=[("2026", t)])
    with pytest.raises(ColumnTypeError, match="Column 'end' of the maintenance is empty"):
        availability_report(
            [], "99.9%", 2026, maintenance=[{"start": t, "end": None}], maintenance_mode="exclude"
        )
    with pytest.raises(InvalidOptionError, match="Unknown rounding"):
        availability_report([], "99.9%", 2026, rounding="nearest")  # type: ignore[arg-type]


# -- each month is measured with only its own incidents ----------------------------------


def test_a_run_across_the_month_edge_is_measured_whole() -> None:
    # A: 23:58:00-23:59:50 on 28 Feb, B: 23:59:40-00:00:10 into March (UTC). Merged they
    # are one run of 2 min 10 s, kept by min_outage 1 min; March gets B's 10 s after
    # midnight, February 1 min 50 s + 10 s = 2 min. B alone (40 s) would be dropped, so
    # a month filter that kept only the incidents inside March would give March 0 s.
    t = dt.datetime(2026, 2, 28, 23, 58, tzinfo=dt.UTC)
    a = (t, t + dt.timedelta(minutes=1, seconds=50))
    b = (t + dt.timedelta(minutes=1, seconds=40), t + dt.timedelta(minutes=2, seconds=10))
    r = availability_report([a, b], "99.9%", ["2026-02", "2026-03"], min_outage="1m")
    assert r.row("2026-02").downtime == dt.timedelta(minutes=2)
    assert r.row("2026-03").downtime == dt.timedelta(seconds=10)
    assert r.row("2026-03").incidents == 1
    # Runs touching end to start (no gap) are one run too: 50 s + 30 s = 80 s >= 1 min.
    c = (t + dt.timedelta(minutes=1, seconds=10), t + dt.timedelta(minutes=2))
    d = (t + dt.timedelta(minutes=2), t + dt.timedelta(minutes=2, seconds=30))
    r = availability_report([c, d], "99.9%", ["2026-03"], min_outage="1m")
    assert r.rows[0].downtime == dt.timedelta(seconds=30)
    # A maintenance window before the month that splits the run: C's first 40 s are
    # maintenance, leaving 10 s + 30 s = 40 s < 1 min: nothing counts.
    upkeep = [(c[0], c[0] + dt.timedelta(seconds=40))]
    r = availability_report(
        [c, d],
        "99.9%",
        ["2026-03"],
        min_outage="1m",
        maintenance=upkeep,
        maintenance_mode="count_as_up",
    )
    assert r.rows[0].downtime == dt.timedelta(0)
    assert r.rows[0].report.maintenance_mode == "count_as_up"


def test_maintenance_mode_is_checked_even_when_no_window_reaches_a_month() -> None:
    june = dt.datetime(2026, 6, 2, 2, tzinfo=dt.UTC)
    upkeep = [(june, june + dt.timedelta(hours=1))]
    with pytest.raises(InvalidOptionError, match="without maintenance_mode"):
        availability_report([], "99.9%", ["2026-01"], maintenance=upkeep)
    r = availability_report(
        [], "99.9%", ["2026-01", "2026-06"], maintenance=upkeep, maintenance_mode="exclude"
    )
    assert [row.report.maintenance_mode for row in r.rows] == ["exclude", "exclude"]
    assert r.row("2026-06").eligible == dt.timedelta(days=30, hours=-1)


def test_each_incident_is_swept_only_in_the_months_it_reaches(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from slacalc.uptime import _measure

    swept: list[int] = []
    real = _measure.sweep  # type: ignore[attr-defined]

    def counting(items: Any, key: Any) -> Any:
        items = list(items)
        swept.append(len(items))
        return real(items, key)

    monkeypatch.setattr(_measure, "sweep", counting)
    # 12 x 100 one-minute outages, one hour apart from 02:00 on the 1st of each month,
    # plus one across the end of June: 1201 outages; 100 a month, and the June/July one
    # in both.
    outages = [
        (
            dt.datetime(2026, m, 1, 2, tzinfo=dt.UTC) + dt.timedelta(hours=h),
            dt.datetime(2026, m, 1, 2, tzinfo=dt.UTC) + dt.timedelta(hours=h, minutes=1),
        )
        for m in range(1, 13)
        for h in range(100)
    ]
    edge = dt.datetime(2026, 7, 1, tzinfo=dt.UTC)
    outages.append((edge - dt.timedelta(minutes=5), edge + dt.timedelta(minutes=5)))
    r = availability_report(outages, "99.9%", 2026)
    assert swept == [100] * 5 + [101, 101] + [100] * 5  # not 12 x 1201
    assert r.row("2026-06").downtime == dt.timedelta(minutes=105)
    assert r.row("2026-07").downtime == dt.timedelta(minutes=105)
