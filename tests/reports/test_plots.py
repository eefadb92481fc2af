"""Plots render headless (Agg) to PNG and return the Axes they drew on."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from slacalc import datasets  # noqa: E402
from slacalc.policy import SLAPolicy  # noqa: E402
from slacalc.reports import (  # noqa: E402
    MonthlyAvailabilityReport,
    TicketOutcomes,
    availability_report,
    compliance_summary,
    plot_budget_burndown,
    plot_compliance,
    plot_explanation,
    plot_outage_timeline,
)

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def uptime(policy: SLAPolicy) -> MonthlyAvailabilityReport:
    return availability_report(
        datasets.load_incidents(),
        "99.9%",
        2026,
        tz=datasets.TIMEZONE,
        maintenance=datasets.load_maintenance(),
        maintenance_mode="count_as_up",
        credits=policy.to_agreement().uptime.credits,  # type: ignore[union-attr]
        fee=datasets.MONTHLY_FEE,
    )


def _png(ax: Any) -> bytes:
    buffer = io.BytesIO()
    ax.figure.savefig(buffer, format="png", dpi=60)
    data = buffer.getvalue()
    assert data.startswith(PNG)
    assert len(data) > 2_000
    return data


def test_compliance_per_severity_over_months(outcomes: TicketOutcomes) -> None:
    summary = compliance_summary(outcomes, fee=datasets.MONTHLY_FEE)
    ax = plot_compliance(summary, metric="resolution")
    _png(ax)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["critical", "high"]  # medium and low have no resolution target
    (critical, _) = ax.get_lines()
    assert max(critical.get_ydata()) == 100.0
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["2026-01", "2026-02"]


def test_burndown_of_a_missed_month(uptime: MonthlyAvailabilityReport) -> None:
    _fig, ax = plt.subplots()
    assert plot_budget_burndown(uptime, "2026-03", ax=ax) is ax
    _png(ax)
    (line, _) = ax.get_lines()[:2]
    ys = list(line.get_ydata())
    assert ys[0] == pytest.approx(44 + 35 / 60, abs=0.01)  # 99.9 % of 743 h
    assert ys[-1] < 0
    assert "missed" in ax.get_title()


def test_outage_timeline(uptime: MonthlyAvailabilityReport) -> None:
    ax = plot_outage_timeline(uptime)
    _png(ax)
    assert len(ax.patches) == 12  # one bar per month
    heights = [p.get_height() for p in ax.patches]
    assert max(heights) == pytest.approx(uptime.row("2026-09").downtime.total_seconds() / 60)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "full" in legend
    assert "allowed at 99.9%" in legend


def test_explain_timeline(outcomes: TicketOutcomes) -> None:
    e = outcomes.explain(4711)
    ax = plot_explanation(e)
    _png(ax)
    assert ax.get_title() == "Ticket 4711: clock timeline"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["resolution 1", "response 1"]
    bars = sum(len(c.get_paths()) for c in ax.collections if c.get_paths())
    assert bars >= len(e.segments)
