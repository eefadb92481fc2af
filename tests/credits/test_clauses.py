"""Contract clauses: claim deadlines, termination rights, annual caps, EC2 hourly credits.

Golden values are the vendors' own rules, applied by hand in the comments.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slacalc.credits import (
    ClaimWindow,
    HourlyCredit,
    TerminationRule,
    TerminationTrigger,
    apply_annual_cap,
)
from slacalc.errors import InvalidOptionError, InvalidPeriodError, NumberTypeError
from slacalc.reports import availability_report

UTC = dt.UTC
H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)


# -- claim deadlines ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("window", "period", "tz", "deadline"),
    [
        # AWS: "must be received by us by the end of the second billing cycle after which
        # the incident occurred": March -> April (1), May (2) -> until the end of May.
        (ClaimWindow(billing_cycles=2), "2026-03", "UTC", "2026-06-01T00:00:00+00:00"),
        (ClaimWindow(billing_cycles=2), "2026-11", "UTC", "2027-02-01T00:00:00+00:00"),
        # The agency template: 30 days after the month ends: 30 April included.
        (ClaimWindow(days=30), "2026-03", "Europe/Copenhagen", "2026-05-01T00:00:00+02:00"),
        # GCP Compute Engine (2025): 60 days from eligibility (the month's end).
        (ClaimWindow(days=60), "2026-12", "UTC", "2027-03-02T00:00:00+00:00"),
        # An ISO week works as well: W10 ends Mon 9 March; 7 days later.
        (ClaimWindow(days=7), "2026-W10", "UTC", "2026-03-16T00:00:00+00:00"),
    ],
)
def test_claim_deadlines(window: ClaimWindow, period: str, tz: str, deadline: str) -> None:
    assert window.deadline(period, tz=tz).isoformat() == deadline


def test_claim_on_time() -> None:
    aws = ClaimWindow(billing_cycles=2)
    assert aws.is_on_time("2026-03", dt.datetime(2026, 5, 31, 23, 59, 59, tzinfo=UTC))
    assert not aws.is_on_time("2026-03", dt.datetime(2026, 6, 1, tzinfo=UTC))


def test_bad_claim_windows() -> None:
    with pytest.raises(InvalidOptionError, match="exactly one"):
        ClaimWindow()
    with pytest.raises(InvalidOptionError, match="exactly one"):
        ClaimWindow(days=30, billing_cycles=2)
    with pytest.raises(InvalidOptionError, match="days=0"):
        ClaimWindow(days=0)
    with pytest.raises(InvalidPeriodError, match="'March'"):
        ClaimWindow(days=30).deadline("March")


# -- termination ---------------------------------------------------------------------------------

YEAR = [  # availability per month of 2026, hand-picked
    ("2026-01", "96%"),
    ("2026-02", "94%"),
    ("2026-03", "99%"),
    ("2026-04", "94.9%"),
    ("2026-05", "93%"),
    ("2026-06", "99.9%"),
    ("2026-07", "90%"),
    ("2026-08", "99%"),
    ("2026-09", "99%"),
    ("2026-10", "94%"),
    ("2026-11", "94%"),
    ("2026-12", "94%"),
]


def test_termination_golden() -> None:
    # Snyk: "< 95 % in 3 consecutive months": Oct, Nov, Dec are the first three in a row.
    consecutive = TerminationRule("95%", consecutive=3)
    assert consecutive.first_trigger(YEAR) == TerminationTrigger(
        "2026-12", ("2026-10", "2026-11", "2026-12")
    )
    # "or any 3 in 12": Feb, Apr, May are below by May.
    any_three = TerminationRule("95%", count=3, within=12)
    assert any_three.first_trigger(YEAR) == TerminationTrigger(
        "2026-05", ("2026-02", "2026-04", "2026-05")
    )
    # Exactly the floor is not below it: February's 94 % does not count, May's 93 % does.
    assert TerminationRule("94%", consecutive=1).first_trigger(YEAR) == TerminationTrigger(
        "2026-05", ("2026-05",)
    )


def test_termination_from_report_rows() -> None:
    t = dt.datetime(2026, 1, 10, tzinfo=UTC)
    outages = [
        (t + dt.timedelta(days=31 * k), t + dt.timedelta(days=31 * k, hours=40)) for k in range(3)
    ]
    report = availability_report(outages, "99.9%", ["2026-01", "2026-02", "2026-03"])
    trigger = TerminationRule("95%", consecutive=3).first_trigger(report.rows)
    assert trigger is not None
    assert trigger.period == "2026-03"


def test_bad_termination_rules() -> None:
    with pytest.raises(InvalidOptionError, match="consecutive=N"):
        TerminationRule("95%")
    with pytest.raises(InvalidOptionError, match="count=13"):
        TerminationRule("95%", count=13, within=12)
    with pytest.raises(InvalidOptionError, match="not a period's result"):
        TerminationRule("95%", consecutive=1).first_trigger(["2026-01"])


# -- annual caps ---------------------------------------------------------------------------------


def test_annual_cap_golden() -> None:
    # Cap 10 % of a 12 000.00 annual fee = 1 200.00: 500 + 600 fit, 300 is cut to 100.
    credits = [
        Decimal("500.00"),
        Decimal("0.00"),
        Decimal("600.00"),
        Decimal("300.00"),
        Decimal("50.00"),
    ]
    assert apply_annual_cap(credits, "10%", annual_fee="12000.00") == (
        Decimal("500.00"),
        Decimal("0.00"),
        Decimal("600.00"),
        Decimal("100.00"),
        Decimal("0.00"),
    )
    assert apply_annual_cap(credits, Decimal("2000")) == tuple(credits)
    with pytest.raises(InvalidOptionError, match="annual_fee="):
        apply_annual_cap(credits, "10%")
    with pytest.raises(NumberTypeError, match="binary float"):
        apply_annual_cap([12.5], "10%", annual_fee="100")  # type: ignore[list-item]


# -- hourly credits (EC2) ------------------------------------------------------------------------


def test_ec2_six_minutes_of_a_clock_hour() -> None:
    t = dt.datetime(2026, 3, 2, 10, tzinfo=UTC)
    outages: list[Any] = [
        (t, t + 6 * M),  # 10:00-10:06: exactly six, not more
        (t + H + 30 * M, t + H + 36 * M + dt.timedelta(seconds=1)),  # 11:30-11:36:01
        (t + 2 * H + 57 * M, t + 3 * H + 7 * M),  # 3 min in 12:xx, 7 min in 13:xx
        (t + 5 * H, t + 5 * H + 4 * M),  # 15:00-15:04 and 15:03-15:07 overlap
        (t + 5 * H + 3 * M, t + 5 * H + 7 * M, "partial"),
    ]
    result = HourlyCredit("6m").credited(outages, (t, t + 24 * H), hourly_charge="0.0928")
    assert [(h.hour, down) for h, down in result.hours] == [
        (11, 6 * M + dt.timedelta(seconds=1)),
        (13, 7 * M),
        (15, 7 * M),
    ]
    assert result.credit == Decimal("0.28")  # 3 x 0.0928 = 0.2784
    # A zone with a half-hour offset has its own clock hours.
    india = HourlyCredit("6m", tz="Asia/Kolkata").credited(outages, (t, t + 24 * H))
    assert [h.astimezone(UTC).minute for h, _ in india.hours] == [30] * len(india.hours)


def test_bad_hourly_rules() -> None:
    with pytest.raises(InvalidOptionError, match="'90m'"):
        HourlyCredit("90m")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 24 * 60), st.integers(0, 200)), max_size=8),
    st.integers(0, 20),
)
def test_hourly_credit_agrees_with_a_minute_count(
    raw: list[tuple[int, int]], threshold: int
) -> None:
    base = dt.datetime(2026, 3, 2, tzinfo=UTC)
    outages = [(base + s * M, base + (s + d) * M) for s, d in raw]
    result = HourlyCredit(dt.timedelta(minutes=threshold)).credited(outages, (base, base + 26 * H))
    down = {m for s, d in raw for m in range(s, s + d) if m < 26 * 60}
    expected = [h for h in range(26) if sum(1 for m in down if m // 60 == h) > threshold]
    assert [(x.hour + 24 * (x.day - 2)) for x, _ in result.hours] == expected
