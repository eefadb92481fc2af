"""Availability per period, per component and group, and over rolling windows.

Golden values are hand computations written next to each case; the properties check
the fast layered measurement against measure_availability, window by window.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slacalc import BusinessCalendar, calendar_period, measure_availability
from slacalc.errors import (
    InvalidOptionError,
    InvalidPeriodError,
    OpenOutageError,
    UnknownComponentError,
    UnknownSeverityError,
)
from slacalc.reports import availability_table, rolling_availability, rolling_windows

UTC = dt.UTC
H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)


def at(day: int, hour: int = 0, minute: int = 0, month: int = 3) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=UTC)


LOG = [
    # web: 2 Mar 10:00-11:00 full; db: 2 Mar 10:30-12:00 full, 9 Mar 08:00-09:00 partial
    {"start": at(2, 10), "end": at(2, 11), "component": "web", "severity": "full"},
    {"start": at(2, 10, 30), "end": at(2, 12), "component": "db", "severity": "full"},
    {"start": at(9, 8), "end": at(9, 9), "component": "db", "severity": "partial"},
]


def test_components_and_groups_golden() -> None:
    table = availability_table(
        LOG, "2026-03", every="month", by="component", groups={"shop": ["web", "db"]}
    )
    down = {r.component: r.downtime for r in table.rows}
    # web 60 min; db 90 min + 60 min x 0.3 = 108 min; shop: 10:00-12:00 once (120 min)
    # plus the partial hour (18 min) = 138 min.
    assert down == {"web": 60 * M, "db": 108 * M, "shop": 138 * M}
    # March has 31 x 1440 = 44 640 minutes.
    assert table.row("2026-03", "shop").availability.fraction == 1 - Fraction(138, 44640)
    worst = availability_table(
        LOG, "2026-03", by="component", groups={"shop": ["web", "db"]}, group_rule="worst"
    )
    assert worst.row("2026-03", "shop").downtime == 108 * M  # db, the least available


def test_a_group_is_measured_not_multiplied() -> None:
    # Two components down at the same hour: the group loses one hour, not two, and its
    # availability is not the product of the two (which would assume independence).
    log = [
        {"start": at(2, 10), "end": at(2, 11), "component": "a"},
        {"start": at(2, 10), "end": at(2, 11), "component": "b"},
    ]
    table = availability_table(
        log, "2026-03-02", every="day", by="component", groups={"ab": ["a", "b"]}
    )
    a, _b, ab = table.rows
    assert ab.downtime == H
    assert ab.availability == a.availability
    assert ab.availability.fraction != a.availability.fraction**2


def test_granularities_golden() -> None:
    outage = [(at(31, 23, 30), at(1, 0, 30, month=4))]  # 30 min in March, 30 in April
    months = availability_table(outage, "2026-Q2", every="month")
    assert [r.period for r in months.rows] == ["2026-04", "2026-05", "2026-06"]
    assert months.rows[0].downtime == 30 * M
    # ISO week 14 runs Mon 30 Mar - Mon 6 Apr: both halves, 60 min of 10 080.
    week = availability_table(outage, "2026-W14", every="week").rows[0]
    assert week.downtime == H
    assert week.availability.fraction == 1 - Fraction(60, 10080)
    quarters = availability_table(outage, 2026, every="quarter")
    assert [r.downtime for r in quarters.rows] == [30 * M, 30 * M, dt.timedelta(0), dt.timedelta(0)]
    year = availability_table(outage, 2026, every="year").rows[0]
    assert year.downtime == H
    assert year.incidents == 1
    days = availability_table(outage, "2026-W14", every="day", target="99.9%")
    assert [r.met for r in days.rows] == [True, False, False, True, True, True, True]


def test_days_in_a_zone_follow_dst() -> None:
    table = availability_table([], "2026-03-29", every="day", tz="Europe/Berlin")
    assert table.rows[0].eligible == 23 * H


def test_rolling_windows_golden() -> None:
    # The outage on 1 March is in every 7-day window ending 1-7 March, in none after.
    table = rolling_availability([(at(1, 12), at(1, 13))], "2026-03", days=7, target="99.5%")
    assert [r.period for r in table.rows][:2] == ["2026-03-01", "2026-03-02"]
    assert [r.met for r in table.rows[:8]] == [False] * 7 + [True]
    assert table.rows[0].start == at(23, month=2)
    # 1 h of 7 x 24 h = 1/168
    assert table.rows[6].availability.fraction == Fraction(167, 168)
    assert table.every == "rolling 7d"
    assert rolling_windows("2026-03-31", 28)[0].start == at(4)


def test_maintenance_calendar_and_min_outage() -> None:
    log = [(at(2, 9), at(2, 10)), (at(2, 20), at(2, 20, 0) + dt.timedelta(seconds=30))]
    hours = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
    upkeep = [(at(2, 9, 30), at(2, 10))]
    row = availability_table(
        log,
        "2026-03-02",
        every="day",
        calendar=hours,
        maintenance=upkeep,
        maintenance_mode="exclude",
        min_outage="1m",
    ).rows[0]
    # 8 open hours less 30 min of maintenance; 30 min down; the 30 s blip is ignored.
    assert row.eligible == 7 * H + 30 * M
    assert row.downtime == 30 * M


def test_open_incidents_run_until_as_of() -> None:
    log = [{"start": at(2, 10), "end": None}]
    with pytest.raises(OpenOutageError, match="row 0"):
        availability_table(log, "2026-03-02", every="day")
    row = availability_table(log, "2026-03-02", every="day", as_of=at(2, 10, 45)).rows[0]
    assert row.downtime == 45 * M


def test_dataframe_input_matches_records() -> None:
    pd = pytest.importorskip("pandas")
    late = {"start": at(20, 1), "end": None, "component": "web", "severity": "full"}
    df = pd.DataFrame([*LOG, late])
    df["start"] = pd.to_datetime(df["start"], utc=True)
    df["end"] = pd.to_datetime(df["end"], utc=True)
    kwargs = {"every": "day", "by": "component", "as_of": at(20, 2)}
    from_frame = availability_table(df, "2026-03", **kwargs)  # type: ignore[arg-type]
    records = [*LOG, {"start": at(20, 1), "end": None, "component": "web"}]
    from_dicts = availability_table(records, "2026-03", **kwargs)  # type: ignore[arg-type]
    assert from_frame.rows == from_dicts.rows
    assert from_frame.to_frame()["downtime"].dtype.kind == "m"


def test_csv_rows_with_components() -> None:
    import csv
    import io

    from slacalc.reports import CsvRows

    text = (
        "start,end,Component\n2026-03-02T10:00Z,2026-03-02T11:00Z,web\n"
        "2026-03-02T10:30Z,2026-03-02T12:00Z,db\n"
    )
    table = availability_table(
        CsvRows(csv.DictReader(io.StringIO(text)), "log.csv"),
        "2026-03-02",
        every="day",
        by="component",
    )
    assert [(r.component, r.downtime) for r in table.rows] == [("web", H), ("db", 90 * M)]


def test_text_view() -> None:
    text = availability_table(
        LOG, "2026-03-02", every="day", by="component", target="99%"
    ).to_text()
    assert text.splitlines()[0].split() == [
        "component",
        "period",
        "incidents",
        "downtime",
        "availability",
        "met",
    ]
    assert "95.833%" in text  # web: 1 h of 24 h


# -- bad input -------------------------------------------------------------------------------


def test_a_component_the_log_does_not_know() -> None:
    with pytest.raises(UnknownComponentError, match=r"row 1: unknown component 'db'"):
        availability_table(LOG, "2026-03", by="component", components=["web", "cdn"])


def test_a_component_the_group_does_not_know() -> None:
    with pytest.raises(UnknownComponentError, match=r"Group 'shop' names the component 'cdn'"):
        availability_table(LOG, "2026-03", by="component", groups={"shop": ["web", "cdn"]})
    with pytest.raises(UnknownComponentError, match="row 0 has no component"):
        availability_table([(at(1), at(2))], "2026-03", by="component")
    # A component listed but without incidents is known.
    table = availability_table(
        LOG, "2026-03", by="component", components=["web", "db", "cdn"], groups={"edge": ["cdn"]}
    )
    assert table.row("2026-03", "edge").downtime == dt.timedelta(0)


@pytest.mark.parametrize("span", ["2026-W60", "March", "2026-3", 26.5])
def test_a_period_string_that_is_no_period(span: object) -> None:
    with pytest.raises(InvalidPeriodError, match=repr(span).replace(".", r"\.")):
        availability_table(LOG, span)


def test_bad_options() -> None:
    with pytest.raises(InvalidOptionError, match="'fortnight'"):
        availability_table(LOG, "2026-03", every="fortnight")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match="'severity'"):
        availability_table(LOG, "2026-03", by="severity")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match="'best'"):
        availability_table(LOG, "2026-03", by="component", group_rule="best")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match="days=0"):
        rolling_availability(LOG, "2026-03", days=0)
    with pytest.raises(UnknownSeverityError, match=r"row 0.*'sev1'"):
        availability_table([{"start": at(1), "end": at(2), "severity": "sev1"}], "2026-03")


# -- properties -------------------------------------------------------------------------------

BASE = at(1)
_outages = st.lists(
    st.tuples(
        st.integers(0, 40 * 24 * 60),
        st.integers(0, 3 * 24 * 60),
        st.sampled_from(["full", "partial", "degraded"]),
        st.sampled_from(["a", "b", "c"]),
    ),
    max_size=12,
)


def _log(raw: list[tuple[int, int, str, str]]) -> list[dict[str, object]]:
    return [
        {"start": BASE + s * M, "end": BASE + (s + d) * M, "severity": sev, "component": c}
        for s, d, sev, c in raw
    ]


@settings(max_examples=60, deadline=None)
@given(_outages, st.sampled_from(["day", "week", "month"]), st.booleans())
def test_every_period_agrees_with_measure_availability(
    raw: list[tuple[int, int, str, str]], every: str, min_outage: bool
) -> None:
    log = _log(raw)
    upkeep = [(at(3, 1), at(3, 5)), (at(20, 22), at(21, 2))]
    options = {
        "maintenance": upkeep,
        "maintenance_mode": "exclude",
        "min_outage": "90m" if min_outage else None,
    }
    table = availability_table(log, "2026-03", every=every, **options)  # type: ignore[arg-type]
    outages = [(r["start"], r["end"], r["severity"]) for r in log]
    for row in table.rows:
        slow = measure_availability(outages, calendar_period(row.period), **options)  # type: ignore[arg-type]
        assert row.downtime_seconds == slow.downtime_seconds
        assert row.availability == slow.availability


@settings(max_examples=60, deadline=None)
@given(_outages)
def test_periods_add_up_to_the_whole(raw: list[tuple[int, int, str, str]]) -> None:
    log = _log(raw)
    whole = availability_table(log, "2026-Q2", every="quarter").rows[0].downtime_seconds
    for every in ("month", "day"):
        parts = availability_table(log, "2026-Q2", every=every).rows
        assert sum(r.downtime_seconds for r in parts) == whole


@settings(max_examples=60, deadline=None)
@given(_outages)
def test_a_group_is_never_more_available_than_all_up(
    raw: list[tuple[int, int, str, str]],
) -> None:
    log = _log(raw)
    groups = {"ab": ["a", "b"], "abc": ["a", "b", "c"]}
    kwargs = {"every": "week", "by": "component", "components": ["a", "b", "c"], "groups": groups}
    up = availability_table(log, "2026-03", **kwargs)  # type: ignore[arg-type]
    worst = availability_table(log, "2026-03", group_rule="worst", **kwargs)  # type: ignore[arg-type]
    for period in {r.period for r in up.rows}:
        members = [up.row(period, c).availability for c in "abc"]
        all_up = up.row(period, "abc").availability
        assert 0 <= all_up <= min(members) <= max(members) <= 1
        assert all_up <= up.row(period, "ab").availability
        assert worst.row(period, "abc").availability == min(members)
        assert worst.row(period, "abc").availability >= all_up


@settings(max_examples=40, deadline=None)
@given(_outages, st.sampled_from([7, 28, 30]))
def test_rolling_windows_agree_with_a_slow_reference(
    raw: list[tuple[int, int, str, str]], days: int
) -> None:
    log = _log(raw)
    table = rolling_availability(log, "2026-04", days=days, tz="Europe/Berlin")
    outages = [(r["start"], r["end"], r["severity"]) for r in log]
    for row in table.rows[::5]:
        # The reference: the window rebuilt by hand from the day's label.
        last = dt.date.fromisoformat(row.period)
        first = last - dt.timedelta(days=days - 1)
        window = (
            calendar_period(first, tz="Europe/Berlin").start,
            calendar_period(last, tz="Europe/Berlin").end,
        )
        slow = measure_availability(outages, window)  # type: ignore[arg-type]
        assert row.downtime_seconds == slow.downtime_seconds
        assert row.eligible == slow.eligible_time


def test_status_bars_plot() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from slacalc.reports import plot_status_bars

    days = availability_table(
        LOG, "2026-03", every="day", by="component", groups={"shop": ["web", "db"]}
    )
    ax = plot_status_bars(days)
    try:
        assert len(ax.patches) == 3 * 31  # a bar per component and day
        colors = {p.get_facecolor()[:3] for p in ax.patches}
        assert len(colors) >= 3  # green days, and the bad 2 March in other colours
        assert [t.get_text().split()[0] for t in ax.get_yticklabels()] == ["web", "db", "shop"]
    finally:
        plt.close(ax.figure)
