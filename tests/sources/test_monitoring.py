"""Monitoring export readers, on hand-built fixtures in each tool's documented format.

The format of each fixture, and where it is documented, is in fixtures/monitoring/README.md.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

import slacalc
from slacalc.errors import (
    ColumnTypeError,
    InvalidCountError,
    InvalidDateError,
    InvalidOptionError,
    MissingColumnError,
    NaiveDatetimeError,
    UnknownSeverityError,
)
from slacalc.sources import (
    read_monitoring_csv,
    read_pingdom_csv,
    read_prometheus,
    read_statuspage,
    read_uptime_kuma,
    read_uptimerobot_csv,
)

HERE = Path(__file__).parent / "fixtures" / "monitoring"
UTC = dt.UTC
T = dt.datetime(2026, 3, 2, 10, tzinfo=UTC)
M = dt.timedelta(minutes=1)


def spans(outages: Any) -> list[tuple[dt.datetime, dt.datetime | None, str, str | None]]:
    return [(o.start, o.end, o.severity, o.label) for o in outages]


def test_prometheus_up_range_query() -> None:
    export = read_prometheus(HERE / "prometheus_up_range.json")
    assert export.kind == "probes"
    assert export.source == "prometheus"
    assert len(export.rows) == 8
    assert sorted(str(k) for k in export.by_label()) == ["web-1:9100", "web-2:9100"]
    any_down = slacalc.probe_outages(export.rows, interval="1m")
    both_down = slacalc.probe_outages(export.rows, interval="1m", failing=2)
    assert [(o.start, o.end) for o in any_down.outages] == [(T + M, T + 3 * M)]
    assert [(o.start, o.end) for o in both_down.outages] == [(T + 2 * M, T + 3 * M)]


def test_prometheus_from_an_open_file_and_a_location_label() -> None:
    with (HERE / "prometheus_up_range.json").open("rb") as handle:
        export = read_prometheus(handle, location_label="job")
    assert {loc for _, _, loc in export.rows} == {"shop"}
    answer = json.loads((HERE / "prometheus_up_range.json").read_text())
    for series in answer["data"]["result"]:
        series["metric"] = {}
    unnamed = read_prometheus(answer)
    assert {loc for _, _, loc in unnamed.rows} == {None}


def test_prometheus_bad_samples() -> None:
    answer = json.loads((HERE / "prometheus_up_range.json").read_text())
    answer["data"]["result"][0]["values"][1][1] = "NaN"
    with pytest.raises(ColumnTypeError, match=r"result\[0\]\.values\[1\] has value 'NaN'"):
        read_prometheus(answer)
    export = read_prometheus(answer, errors="collect")
    assert len(export.rows) == 7
    assert export.rejected_table()[0]["row"] == "result[0].values[1]"
    answer["data"]["result"][0]["values"][0] = [1772445600]
    with pytest.raises(ColumnTypeError, match="not \\[<unix seconds>"):
        read_prometheus(answer)
    with pytest.raises(InvalidOptionError, match="'error'"):
        read_prometheus({"status": "error", "error": "bad query"})
    with pytest.raises(InvalidOptionError, match="'vector'"):
        read_prometheus({"status": "success", "data": {"resultType": "vector", "result": []}})
    with pytest.raises(InvalidOptionError, match="not JSON"):
        read_prometheus(io.StringIO("{nope"))


def test_uptime_kuma_status_page_heartbeats() -> None:
    export = read_uptime_kuma(HERE / "kuma_status_page_heartbeat.json")
    assert sorted(str(k) for k in export.by_label()) == ["1", "2"]
    found = slacalc.probe_outages(export.by_label()["1"], interval="1m")
    # pending (status 2) is a retry Kuma has not called down yet: up
    assert [(o.start, o.end) for o in found.outages] == [(T + 2 * M, T + 3 * M)]
    assert slacalc.probe_outages(export.by_label()["2"], interval="1m").outages == ()


def test_uptime_kuma_heartbeat_list_and_bad_status() -> None:
    beats = [
        {"monitorID": 7, "status": 0, "time": "2026-03-02 10:00:00.000"},
        {"monitorID": 7, "status": 9, "time": "2026-03-02 10:01:00.000"},
    ]
    with pytest.raises(ColumnTypeError, match=r"Heartbeat \[1\] has status 9"):
        read_uptime_kuma(beats)
    export = read_uptime_kuma(beats, errors="collect")
    assert export.rows == ((T, False, "7"),)
    assert len(export.rejected) == 1
    with pytest.raises(InvalidOptionError, match="heartbeatList"):
        read_uptime_kuma({"monitors": []})
    with pytest.raises(ColumnTypeError, match="not an object"):
        read_uptime_kuma(["x"])


def test_uptimerobot_log() -> None:
    export = read_uptimerobot_csv(HERE / "uptimerobot_log.csv", tz="Europe/Copenhagen")
    assert spans(export.rows) == [
        (T - dt.timedelta(hours=1) + 5 * M, T - dt.timedelta(hours=1) + 12 * M, "full", "shop"),
        (
            dt.datetime(2026, 3, 3, 8, tzinfo=UTC),
            dt.datetime(2026, 3, 3, 8, 30, tzinfo=UTC),
            "full",
            "api",
        ),
    ]


def test_uptimerobot_semicolon_export_collects_a_bad_event() -> None:
    path = HERE / "uptimerobot_log_semicolon.csv"
    with pytest.raises(UnknownSeverityError, match="'Maybe' on line 4"):
        read_uptimerobot_csv(path, tz="Europe/Copenhagen")
    export = read_uptimerobot_csv(path, tz="Europe/Copenhagen", errors="collect")
    assert [(o.end - o.start) for o in export.rows] == [7 * M]
    assert [r.row for r in export.rejected] == ["line 4"]
    with pytest.raises(MissingColumnError, match="'Event'"):
        read_uptimerobot_csv(io.StringIO("When,What\n"), tz="UTC")


def test_uptimerobot_open_and_bad_durations() -> None:
    text = "Event,Date-Time,Monitor,Duration (in mins.)\nDown,2026-03-02 10:00:00,a,\n"
    assert read_uptimerobot_csv(io.StringIO(text), tz="UTC").rows[0].end is None
    bad = "Event,Date-Time,Monitor,Duration (in mins.)\nDown,2026-03-02 10:00:00,a,soon\n"
    with pytest.raises(slacalc.InvalidDurationError, match="'soon'"):
        read_uptimerobot_csv(io.StringIO(bad), tz="UTC")


def test_pingdom_states() -> None:
    export = read_pingdom_csv(HERE / "pingdom_states.csv")
    assert spans(export.rows) == [(T + 5 * M, T + 12 * M, "full", "shop")]
    march = slacalc.calendar_month(2026, 3)
    report = slacalc.measure_availability(export.rows, march)
    assert report.downtime == 7 * M
    with pytest.raises(UnknownSeverityError, match="'sideways' on line 2"):
        read_pingdom_csv(io.StringIO("status,from,to\nsideways,1,2\n"))


def test_statuspage_incidents_per_component() -> None:
    export = read_statuspage(HERE / "statuspage_incidents.json")
    assert spans(export.rows) == [
        (T, T + 30 * M, "major", "API"),
        (T, T + 60 * M, "partial", "Website"),
        (T + 30 * M, T + 60 * M, "degraded", "API"),
        (
            dt.datetime(2026, 3, 3, 8, tzinfo=UTC),
            dt.datetime(2026, 3, 3, 8, 20, tzinfo=UTC),
            "partial",
            "Website",
        ),
    ]
    day = (T - 10 * 60 * M, T + 14 * 60 * M)
    api = slacalc.measure_availability(export.by_label()["API"], day)
    assert api.downtime == 30 * M  # degraded weighs 0
    web = slacalc.measure_availability(export.by_label()["Website"], day)
    assert web.downtime == 18 * M  # a partial hour at 0.3
    incident_io = slacalc.measure_availability(
        export.by_label()["Website"], day, weights={"partial": 1}
    )
    assert incident_io.downtime == 60 * M


def test_statuspage_unknown_impact_or_status() -> None:
    data = json.loads((HERE / "statuspage_incidents.json").read_text())
    bad = copy.deepcopy(data)
    bad["incidents"][1]["impact"] = "catastrophic"
    with pytest.raises(
        UnknownSeverityError, match="impact 'catastrophic' of incident 'k8d2m4x9q1zz'"
    ):
        read_statuspage(bad)
    export = read_statuspage(bad, errors="collect")
    assert len(export.rows) == 3
    assert export.rejected[0].row == "incident 'k8d2m4x9q1zz'"
    status = copy.deepcopy(data)
    status["incidents"][0]["incident_updates"][2]["affected_components"][0]["new_status"] = "down"
    with pytest.raises(UnknownSeverityError, match="component status 'down'"):
        read_statuspage(status)
    with pytest.raises(InvalidOptionError, match="no 'incidents'"):
        read_statuspage({"page": {}})


def test_statuspage_unresolved_incident_is_open() -> None:
    data = json.loads((HERE / "statuspage_incidents.json").read_text())
    incident = data["incidents"][0]
    incident["resolved_at"] = None
    incident["incident_updates"] = incident["incident_updates"][1:]
    export = read_statuspage(data["incidents"][:1])
    assert [o.end for o in export.rows] == [T + 30 * M, None, None]


def test_generic_csv_semicolons_columns_and_statuspage_words() -> None:
    export = read_monitoring_csv(
        HERE / "outages_semicolon.csv",
        kind="outages",
        columns={
            "start": "started_at",
            "end": "resolved_at",
            "severity": "impact",
            "label": "component",
        },
        tz="Europe/Copenhagen",
    )
    assert spans(export.rows)[:2] == [
        (T - 60 * M, T - 30 * M, "partial", "API"),
        (
            dt.datetime(2026, 3, 3, 8, 15, tzinfo=UTC),
            dt.datetime(2026, 3, 3, 8, 20, tzinfo=UTC),
            "major",
            "Website",
        ),
    ]
    assert export.rows[2].end is None


def test_generic_csv_probes_and_counts() -> None:
    probes = read_monitoring_csv(
        io.StringIO("time\tok\n2026-03-02T10:00Z\tdown\n2026-03-02T10:01Z\tup\n"),
        kind="probes",
        columns={"success": "ok"},
    )
    assert slacalc.probe_outages(probes.rows, interval="1m").downtime == M
    counts = read_monitoring_csv(
        io.StringIO("start|good|total\n2026-03-02T10:00Z|99|100\n1772445660|100|100\n"),
        kind="counts",
    )
    assert str(slacalc.measure_requests(counts.rows).availability) == "99.5%"


@pytest.mark.parametrize(
    ("text", "kind", "error", "match"),
    [
        ("start,good\n", "counts", MissingColumnError, "no column 'total'"),
        (
            "start,good,total\n2026-03-02T10:00Z,11,10\n",
            "counts",
            InvalidCountError,
            "good=11 is more than total=10 on line 2",
        ),
        (
            "start,good,total\n2026-03-02T10:00Z,-1,10\n",
            "counts",
            InvalidCountError,
            "good on line 2 '-1' is negative",
        ),
        (
            "start,good,total\n2026-03-02T10:00Z,1,ten\n",
            "counts",
            InvalidCountError,
            "total on line 2 'ten' is not a whole number",
        ),
        ("time,success\n2026-03-02 10:00,1\n", "probes", NaiveDatetimeError, "tz="),
        ("time,success\nyesterday,1\n", "probes", InvalidDateError, "'yesterday'"),
        ("time,success\n2026-03-02T10:00Z,maybe\n", "probes", ColumnTypeError, "'maybe'"),
        ("", "probes", MissingColumnError, "empty"),
    ],
)
def test_generic_csv_bad_input(text: str, kind: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        read_monitoring_csv(io.StringIO(text), kind=kind)


def test_generic_csv_collects_bad_counts_in_a_rejected_table() -> None:
    text = (
        "start,good,total\n"
        "2026-03-02T10:00Z,99,100\n"
        "2026-03-02T10:01Z,11,10\n"
        "2026-03-02T10:02Z,-1,10\n"
        "2026-03-02T10:03Z,5,-5\n"
        "2026-03-02T10:04Z,100,100\n"
    )
    export = read_monitoring_csv(io.StringIO(text), kind="counts", errors="collect")
    assert [(good, total) for _, _, good, total in export.rows] == [(99, 100), (100, 100)]
    table = export.rejected_table()
    assert [r["row"] for r in table] == ["line 3", "line 4", "line 5"]
    assert "'11'" in table[0]["value"]
    assert "good=11 is more than total=10 on line 3" in table[0]["reason"]
    assert "'-1' is negative" in table[1]["reason"]
    assert "total on line 5 '-5' is negative" in table[2]["reason"]
    assert str(slacalc.measure_requests(export).availability) == "99.5%"
    pd = pytest.importorskip("pandas")
    assert list(pd.DataFrame(table).columns) == ["row", "value", "reason"]


def test_probes_out_of_order_and_duplicated_in_a_file_are_sorted_merged_and_counted() -> None:
    text = (
        "time,success,location\n"
        "2026-03-02T10:02Z,1,eu\n"
        "2026-03-02T10:00Z,0,eu\n"
        "2026-03-02T10:01Z,1,eu\n"
        "2026-03-02T10:01Z,0,eu\n"
        "2026-03-02T10:03Z,1,eu\n"
    )
    found = slacalc.probe_outages(
        read_monitoring_csv(io.StringIO(text), kind="probes"), interval="1m"
    )
    assert (found.rows, found.reordered, found.duplicates) == (5, 1, 1)
    # 10:00 failed; at 10:01 one of the two results failed, so the minute is down
    assert [(o.start, o.end) for o in found.outages] == [(T, T + 2 * M)]


def test_generic_csv_options() -> None:
    with pytest.raises(InvalidOptionError, match="kind='events'"):
        read_monitoring_csv(io.StringIO("a\n"), kind="events")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match="errors='ignore'"):
        read_monitoring_csv(io.StringIO("a\n"), kind="probes", errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match="'when'"):
        read_monitoring_csv(io.StringIO("a\n"), kind="probes", columns={"when": "a"})
    with pytest.raises(InvalidOptionError, match="No file"):
        read_monitoring_csv(HERE / "missing.csv", kind="probes")
    with pytest.raises(ColumnTypeError, match="not a file"):
        read_monitoring_csv(42, kind="probes")  # type: ignore[arg-type]


def test_generic_csv_edges() -> None:
    # a forced delimiter, blank lines skipped, operational rows are not outages
    text = "start,end,severity\n2026-03-02T10:00Z,2026-03-02T10:30Z,operational\n\n"
    export = read_monitoring_csv(io.StringIO(text), kind="outages", delimiter=",")
    assert export.rows == ()
    counts = read_monitoring_csv(
        io.StringIO("start,good,total\n2026-03-02T10:00Z,1,2\n"), kind="counts"
    )
    assert counts.by_label() == {None: counts.rows}
    with pytest.raises(InvalidDateError, match="seconds since 1970"):
        read_monitoring_csv(io.StringIO("time,success\n99999999999999999,1\n"), kind="probes")
    single = read_monitoring_csv(
        io.StringIO("time\n2026-03-02T10:00Z\n"),
        kind="probes",
        columns={"success": "time"},
        errors="collect",
    )
    assert len(single.rejected) == 1


def test_statuspage_and_robot_edges() -> None:
    with pytest.raises(InvalidOptionError, match="not an object"):
        read_statuspage(["nope"])
    data = json.loads((HERE / "statuspage_incidents.json").read_text())
    # the same status repeated is one spell
    updates = data["incidents"][0]["incident_updates"]
    updates[1]["affected_components"][0]["new_status"] = "major_outage"
    rows = read_statuspage(data).rows
    assert (rows[0].start, rows[0].end, rows[0].severity) == (T, T + 60 * M, "major")
    blank = "Event,Date-Time,Monitor\n\nDown,2026-03-02 10:00:00,a\nUp,2026-03-02 10:01:00,a\n"
    assert len(read_uptimerobot_csv(io.StringIO(blank), tz="UTC").rows) == 1
    states = "status,from,to\n\ndown,2026-03-02T10:00Z,2026-03-02T10:05Z\n"
    assert len(read_pingdom_csv(io.StringIO(states)).rows) == 1
