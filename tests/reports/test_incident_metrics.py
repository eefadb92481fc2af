"""MTTR, MTTA, MTBF and counts per period, severity and component (hand-computed values).

Definitions (docs/concepts/uptime.md): a failure is a run of merged incidents; MTTR is
its mean length (Atlassian's "mean time to recovery": from failure to fully
operational); MTTA the mean of acknowledged - start (PagerTree: total time to
acknowledge / incidents); MTBF the mean time from the end of one failure to the start
of the next (Atlassian: "average time between repairable failures").
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from slacalc import BusinessCalendar
from slacalc.errors import ColumnTypeError, InvalidOptionError, InvalidPeriodError, OpenOutageError
from slacalc.reports import CsvRows, incident_metrics

UTC = dt.UTC
M = dt.timedelta(minutes=1)


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=UTC)


LOG = [
    # Mon 2 Mar: two alerts for one outage 10:00-10:40 (merged: one failure of 40 min)
    {
        "start": at(2, 10),
        "end": at(2, 10, 30),
        "severity": "full",
        "acknowledged": at(2, 10, 6),
        "component": "web",
    },
    {
        "start": at(2, 10, 20),
        "end": at(2, 10, 40),
        "severity": "partial",
        "acknowledged": at(2, 10, 22),
        "component": "db",
    },
    # Tue 3 Mar 09:00-09:20: 22 h 20 min after the first failure ended
    {
        "start": at(3, 9),
        "end": at(3, 9, 20),
        "severity": "full",
        "acknowledged": None,
        "component": "web",
    },
    # Wed 1 Apr 12:00-13:00, the next month
    {
        "start": at(1, 12, month=4),
        "end": at(1, 13, month=4),
        "severity": "full",
        "acknowledged": at(1, 12, 30, month=4),
        "component": "web",
    },
]


def test_golden_calendar_time() -> None:
    march, april = incident_metrics(LOG, (at(1, 0), at(1, 0, month=5))).rows
    # March: 3 incidents, 2 failures (40 min, 20 min): MTTR 30 min.
    # MTTA: (6 + 2) / 2 = 4 min. MTBF: one gap, 10:40 -> 09:00 next day = 22 h 20 min.
    assert (march.incidents, march.failures, march.acknowledged) == (3, 2, 2)
    assert march.mttr == 30 * M
    assert march.mtta == 4 * M
    assert march.mtbf == dt.timedelta(hours=22, minutes=20)
    assert march.downtime == 60 * M
    # April: one failure of 60 min, 29 d 2 h 40 min after 3 Mar 09:20 (to 1 Apr 12:00).
    assert april.mttr == 60 * M
    assert april.mtta == 30 * M
    assert april.mtbf == dt.timedelta(days=29, hours=2, minutes=40)


def test_golden_business_time() -> None:
    hours = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
    (march,) = incident_metrics(LOG, "2026-03", calendar=hours).rows
    # All of both failures is inside business hours: MTTR still 30 min. The gap
    # 2 Mar 10:40 -> 3 Mar 09:00 holds 6 h 20 min of business time.
    assert march.mttr == 30 * M
    assert march.mtbf == dt.timedelta(hours=6, minutes=20)
    night = [{"start": at(2, 16, 30), "end": at(3, 9, 30), "acknowledged": at(3, 9, 10)}]
    (row,) = incident_metrics(night, "2026-03", calendar=hours).rows
    # 16:30-17:00 + 09:00-09:30 = 1 h of business time; acknowledged 40 business minutes in.
    assert row.mttr == 60 * M
    assert row.mtta == 40 * M


def test_by_severity_and_component() -> None:
    table = incident_metrics(LOG, "2026-03", by="severity")
    rows = {r.group: r for r in table.rows}
    # full: 10:00-10:30 and 09:00-09:20 -> MTTR 25 min; partial alone 20 min.
    assert rows["full"].mttr == 25 * M
    assert rows["partial"].mttr == 20 * M
    assert rows["partial"].mtbf is None
    by_component = {r.group: r for r in incident_metrics(LOG, "2026-03", by="component").rows}
    assert by_component["web"].failures == 2
    assert by_component["db"].mtta == 2 * M


def test_weeks_and_days() -> None:
    days = incident_metrics(LOG, "2026-W10", every="day").rows
    assert [r.failures for r in days] == [1, 1, 0, 0, 0, 0, 0]
    assert days[0].mttr == 40 * M
    assert days[2].mttr is None


def test_csv_and_frame_input() -> None:
    text = (
        "start,end,Acknowledged\n2026-03-02T10:00Z,2026-03-02T10:30Z,2026-03-02T10:06Z\n"
        "2026-03-03T09:00Z,2026-03-03T09:20Z,\n"
    )
    (row,) = incident_metrics(CsvRows(csv.DictReader(io.StringIO(text)), "log.csv"), "2026-03").rows
    assert (row.mttr, row.mtta) == (25 * M, 6 * M)
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(LOG)
    (march,) = incident_metrics(df, "2026-03").rows
    assert march.mtta == 4 * M
    assert incident_metrics(df, "2026-03").to_frame()["mttr"].dtype.kind == "m"


def test_open_incidents_and_bad_input() -> None:
    log = [{"start": at(2, 10), "end": None}]
    with pytest.raises(OpenOutageError, match="row 0"):
        incident_metrics(log, "2026-03")
    assert incident_metrics(log, "2026-03", as_of=at(2, 11)).rows[0].mttr == 60 * M
    with pytest.raises(ColumnTypeError, match="'acknowledged' holds 5"):
        incident_metrics([{"start": at(2, 10), "end": at(2, 11), "acknowledged": 5}], "2026-03")
    with pytest.raises(InvalidOptionError, match="'team'"):
        incident_metrics(LOG, "2026-03", by="team")  # type: ignore[arg-type]
    with pytest.raises(InvalidPeriodError, match="'2026-M3'"):
        incident_metrics(LOG, "2026-M3")
