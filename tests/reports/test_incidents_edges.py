"""incident_metrics edge cases: the group column, the HTML title, the repr, a bad log."""

from __future__ import annotations

import datetime as dt

import pytest

from slacalc import BusinessCalendar
from slacalc.errors import ColumnTypeError
from slacalc.reports import incident_metrics

UTC = dt.UTC
H = dt.timedelta(hours=1)
T = dt.datetime(2026, 3, 2, 10, tzinfo=UTC)  # a Monday


def test_a_split_table_shows_its_groups_and_says_business_time() -> None:
    log = [
        {"start": T, "end": T + H, "component": "api"},
        {"start": T + 10 * H, "end": T + 11 * H, "component": "web"},  # 20:00: after hours
    ]
    hours = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
    table = incident_metrics(log, "2026-03", by="component", calendar=hours)
    assert table.to_text().splitlines() == [
        "period   group  incidents  failures  mttr  mtta  mtbf  downtime",
        "-------  -----  ---------  --------  ----  ----  ----  --------",
        "2026-03  api    1          1         1h    -     -     1h",
        "2026-03  web    1          1         0s    -     -     0s",
    ]
    assert "<strong>Incident metrics per month (business time)</strong>" in table._repr_html_()
    assert repr(table) == "<IncidentMetricsTable: 2 rows per month>"


def test_calendar_time_is_named_in_the_title() -> None:
    table = incident_metrics([(T, T + H)], "2026-Q1")
    assert "<strong>Incident metrics per month (calendar time)</strong>" in table._repr_html_()
    assert repr(table) == "<IncidentMetricsTable: 3 rows per month>"


def test_a_log_that_is_not_a_table_is_refused() -> None:
    with pytest.raises(ColumnTypeError, match=r"^incidents=42 is not an incident log"):
        incident_metrics(42, "2026-03")
