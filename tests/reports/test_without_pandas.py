"""The reports and the example data work without pandas, NumPy or matplotlib installed.

A fresh interpreter blocks the three imports (as if they were not installed) and runs
the whole analysis on records; the results are the ones the pandas path gives.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import sys
    for name in ("pandas", "numpy", "matplotlib"):
        sys.modules[name] = None            # import raises ImportError, as if not installed
    from decimal import Decimal
    from slacalc import datasets
    from slacalc.reports import analyze_tickets, availability_report, compliance_summary

    policy = datasets.load_policy()
    tickets = datasets.load_tickets(as_frame=False)
    assert isinstance(tickets, list), type(tickets)
    outcomes = analyze_tickets(tickets, policy)
    assert len(outcomes.to_records()) == 760
    summary = compliance_summary(outcomes, by=("severity",), fee=datasets.MONTHLY_FEE)
    assert sum(r.penalties or 0 for r in summary.rows) == Decimal("240.00")
    assert isinstance(summary.to_records()[0], dict)
    uptime = availability_report(
        datasets.load_incidents(as_frame=False), "99.9%", 2026, tz=datasets.TIMEZONE,
        maintenance=datasets.load_maintenance(as_frame=False), maintenance_mode="count_as_up",
        credits=policy.to_agreement().uptime.credits, fee=datasets.MONTHLY_FEE)
    assert uptime.total_credit == Decimal("225.00")
    assert isinstance(outcomes.explain(4711).to_records(), list)
    for needs_pandas in (outcomes.to_frame, lambda: outcomes.table, datasets.load_tickets):
        try:
            needs_pandas()
        except ModuleNotFoundError as exc:
            assert "pip install pandas" in str(exc)
        else:
            raise AssertionError("a DataFrame without pandas")
    assert all(sys.modules[name] is None for name in ("pandas", "numpy", "matplotlib"))
    print("ok")
    """
)


def test_the_whole_analysis_runs_on_records_alone() -> None:
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", SCRIPT],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
