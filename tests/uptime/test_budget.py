"""Error budgets, burn rates and alert replay: SRE Workbook numbers.

Source: The Site Reliability Workbook, chapter 5 "Alerting on SLOs",
https://sre.google/workbook/alerting-on-slos/ (table 5-8: page at 2 % of a 30-day budget in
1 h or 5 % in 6 h, ticket at 10 % in 3 d; burn rate = share x period / window, so 14.4, 6
and 1). Derived values are worked out next to each case.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from slacalc import (
    SRE_WORKBOOK_ALERTS,
    BurnRateAlert,
    ErrorBudget,
    InvalidCountError,
    InvalidDurationError,
    InvalidIntervalError,
    InvalidOptionError,
    InvalidTargetError,
    NotAnIntervalError,
    NumberTypeError,
    calendar_month,
)

UTC = dt.UTC
T = dt.datetime(2026, 3, 1, tzinfo=UTC)
S = dt.timedelta(seconds=1)
M = dt.timedelta(minutes=1)


def test_budget_size() -> None:
    assert ErrorBudget("99.9%", "30d").allowed_downtime == dt.timedelta(minutes=43, seconds=12)
    assert ErrorBudget("99.9%", "28d").allowed_downtime_seconds == Fraction("2419.2")
    assert ErrorBudget("99.9%", "month").allowed_downtime_seconds == Fraction("2629.746")
    assert ErrorBudget("99.9%", "month", convention="fixed").period == dt.timedelta(days=30)
    assert ErrorBudget("99.9%", calendar_month(2026, 2)).period == dt.timedelta(days=28)
    assert ErrorBudget(Decimal("0.9995"), "28d").budget_ratio == Fraction(1, 2000)
    budget = ErrorBudget("99.9%", "30d")
    assert budget.target == "99.9%"
    stricter = dataclasses.replace(budget, target="99.99%")  # type: ignore[arg-type]
    assert stricter.allowed_downtime == dt.timedelta(seconds=259, microseconds=200_000)
    with pytest.raises(dataclasses.FrozenInstanceError):
        budget.period = dt.timedelta(1)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("period", "share", "window", "threshold"),
    [
        # SRE Workbook table 5-8 and Sloth's google-30d catalog: 14.4 / 6 / 3 / 1.
        ("30d", "2%", "1h", Fraction("14.4")),
        ("30d", "5%", "6h", Fraction(6)),
        ("30d", "10%", "1d", Fraction(3)),
        ("30d", "10%", "3d", Fraction(1)),
        # The same alerts over 28 days (Sloth google-28d): 13.44 / 5.6 / 2.8 / 0.933.
        ("28d", "2%", "1h", Fraction("13.44")),
        ("28d", "5%", "6h", Fraction("5.6")),
        ("28d", "10%", "1d", Fraction("2.8")),
        ("28d", "10%", "3d", Fraction(14, 15)),
        # bitdrift's 7-day table: 1h 16.8 (10 %), 6h 5.6 (20 %), 1d 2.8 (40 %).
        ("7d", "10%", "1h", Fraction("16.8")),
        ("7d", "20%", "6h", Fraction("5.6")),
        ("7d", "40%", "1d", Fraction("2.8")),
    ],
)
def test_burn_rate_thresholds(period: str, share: str, window: str, threshold: Fraction) -> None:
    assert ErrorBudget("99.9%", period).burn_rate_threshold(share, window) == threshold
    assert BurnRateAlert("x", window, "5m", share).threshold(period) == threshold


@pytest.mark.parametrize(
    ("burn_rate", "lasts"),
    [  # SRE Workbook ch. 5, 99.9 % over 30 days: burn rate -> time to exhaust the budget.
        (1, dt.timedelta(days=30)),
        (2, dt.timedelta(days=15)),
        (10, dt.timedelta(days=3)),
        (1000, dt.timedelta(minutes=43, seconds=12)),
        ("14.4", dt.timedelta(hours=50)),  # 720 h / 14.4 = 50 h, not the "2 hours" often quoted
        (Decimal("6"), dt.timedelta(days=5)),
    ],
)
def test_time_to_exhaustion(burn_rate: object, lasts: dt.timedelta) -> None:
    assert ErrorBudget("99.9%", "30d").time_to_exhaustion(burn_rate) == lasts  # type: ignore[arg-type]


def test_time_to_exhaustion_28d_and_partial_budgets() -> None:
    budget = ErrorBudget("99.9%", "28d")
    assert budget.time_to_exhaustion(budget.burn_rate_threshold("2%", "1h")) == dt.timedelta(
        hours=50
    )
    assert budget.time_to_exhaustion(1, consumed="75%") == dt.timedelta(days=7)
    assert budget.time_to_exhaustion(1, consumed=Fraction(1, 4)) == dt.timedelta(days=21)
    assert budget.time_to_exhaustion(2, consumed=1) == dt.timedelta(0)
    assert budget.time_to_exhaustion(2, consumed="150%") == dt.timedelta(0)
    assert budget.time_to_exhaustion(0) is None


def test_consumed_and_remaining() -> None:
    budget = ErrorBudget("99.9%", "30d")
    assert budget.consumed("30m") == Fraction(30, Fraction("43.2"))
    assert budget.consumed(dt.timedelta(minutes=43, seconds=12)) == 1
    assert budget.remaining("1h") == 1 - Fraction(60, Fraction("43.2"))
    assert budget.remaining("1h") < 0
    assert budget.consumed(bad=5, total=10_000) == Fraction(1, 2)
    assert budget.remaining(bad=0, total=10) == 1
    assert budget.remaining_downtime("13m12s") == dt.timedelta(minutes=30)
    assert budget.remaining_downtime("1h") == -dt.timedelta(minutes=16, seconds=48)


def test_burn_rates() -> None:
    budget = ErrorBudget("99.9%", "30d")
    assert budget.burn_rate(downtime="1m", window="1h") == Fraction(50, 3)
    assert budget.burn_rate(downtime="0s", window="1h") == 0
    assert budget.burn_rate(downtime="1h", window="1h") == 1000
    # SRE Workbook, low-traffic services: at 10 requests an hour, one failure is a 10 %
    # error rate, a 100x burn for 99.9 % (0.1 / 0.001)...
    assert budget.burn_rate(bad=1, total=10) == 100
    # ...and 1 of 10 over an hour spends 13.9 % of a 30-day budget in that hour.
    assert (budget.burn_rate(bad=1, total=10) * Fraction(1, 720)).__round__(3) == Fraction("0.139")
    # Grafana "Time-based SLI examples": 10/10, 10/10, 10/10, 10/10, 20/40 good of total
    # -> event-based SLI 60/80 = 75 %, i.e. an error ratio of 25 %.
    assert ErrorBudget("75%", "1d").burn_rate(bad=20, total=80) == 1


def test_budget_errors() -> None:
    budget = ErrorBudget("99.9%", "30d")
    with pytest.raises(InvalidTargetError, match=r"The target '100%' is 100%, which leaves no "):
        ErrorBudget("100%", "30d")
    with pytest.raises(InvalidOptionError, match=r"Pass either a downtime or bad=/total="):
        budget.consumed("1m", bad=1, total=2)
    with pytest.raises(InvalidOptionError, match=r"Say what was spent"):
        budget.consumed()
    with pytest.raises(InvalidOptionError, match=r"Say what was spent"):
        budget.remaining(bad=1)
    with pytest.raises(InvalidCountError, match=r"bad=12 is more than total=10"):
        budget.consumed(bad=12, total=10)
    with pytest.raises(InvalidCountError, match=r"total=0 has no events"):
        budget.consumed(bad=0, total=0)
    with pytest.raises(InvalidCountError, match=r"bad=-1 is negative"):
        budget.consumed(bad=-1, total=10)
    with pytest.raises(InvalidCountError, match=r"total=2.5 is not a whole number"):
        budget.consumed(bad=1, total=2.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidDurationError, match=r"The downtime '-1m' is negative"):
        budget.consumed("-1m")
    with pytest.raises(InvalidOptionError, match=r"downtime='1m' needs the window"):
        budget.burn_rate(downtime="1m")
    with pytest.raises(InvalidOptionError, match=r"window= goes with downtime="):
        budget.burn_rate(bad=1, total=2, window="1h")
    with pytest.raises(InvalidDurationError, match=r"The downtime '2h' is longer than the window"):
        budget.burn_rate(downtime="2h", window="1h")
    with pytest.raises(InvalidDurationError, match=r"window='0s' is not longer than zero"):
        budget.burn_rate(downtime="0s", window="0s")
    with pytest.raises(NumberTypeError, match=r"14.4 is a binary float"):
        budget.time_to_exhaustion(14.4)  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match=r"-1 is negative"):
        budget.time_to_exhaustion(-1)
    with pytest.raises(InvalidOptionError, match=r"'-5%' is negative"):
        budget.time_to_exhaustion(1, consumed="-5%")
    with pytest.raises(InvalidOptionError, match=r"'fast' is not a number"):
        budget.time_to_exhaustion("fast")
    with pytest.raises(InvalidOptionError, match=r"Decimal\('NaN'\) is not a finite number"):
        budget.time_to_exhaustion(Decimal("NaN"))  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match=r"'200%' is out of range"):
        budget.burn_rate_threshold("200%", "1h")
    with pytest.raises(InvalidDurationError, match=r"window='-1h' is not longer than zero"):
        budget.burn_rate_threshold("2%", "-1h")


def test_alert_definitions() -> None:
    assert [a.name for a in SRE_WORKBOOK_ALERTS] == ["page-1h", "page-6h", "ticket-3d"]
    assert [a.threshold("30d") for a in SRE_WORKBOOK_ALERTS] == [Fraction("14.4"), 6, 1]
    alert = SRE_WORKBOOK_ALERTS[0]
    assert (alert.long_window, alert.short_window) == (dt.timedelta(hours=1), 5 * M)
    assert alert.budget_share == Fraction(1, 50)
    with pytest.raises(InvalidOptionError, match=r"short_window='2h' is longer than long_window"):
        BurnRateAlert("x", "1h", "2h", "2%")
    with pytest.raises(InvalidOptionError, match=r"budget_share='0%' is zero"):
        BurnRateAlert("x", "1h", "5m", "0%")
    with pytest.raises(InvalidDurationError, match=r"long_window='0s' is not longer than zero"):
        BurnRateAlert("x", "0s", "0s", "2%")
    with pytest.raises(InvalidOptionError, match=r"'2' is ambiguous"):
        BurnRateAlert("x", "1h", "5m", "2")


def test_replay_full_outage_detection_times() -> None:
    # By hand: a full outage at 99.9 % burns at 1000x, so it is detected after W x f / 1000:
    # 1 h x 2 % -> 51.84 s; 6 h x 5 % -> 129.6 s; 3 d x 10 % -> 259.2 s. Alerts fire
    # strictly above the threshold, so at the first evaluation after those instants.
    budget = ErrorBudget("99.9%", "30d")
    end = T + 5 * M
    firings = budget.replay_alerts(
        outages=[(T, None)], start=T, end=end, step=dt.timedelta(milliseconds=10), as_of=end
    )
    assert [(f.alert.name, f.fired_at - T, f.resolved_at) for f in firings] == [
        ("page-1h", dt.timedelta(seconds=51, milliseconds=850), None),
        ("page-6h", dt.timedelta(seconds=129, milliseconds=610), None),
        ("ticket-3d", dt.timedelta(seconds=259, milliseconds=210), None),
    ]
    assert [f.threshold for f in firings] == [Fraction("14.4"), 6, 1]
    assert firings[0].peak_burn_rate == Fraction(300, 3600) * 1000  # 5 min of 1 h, / 0.001
    # Over 28 days the 1 h page fires at 13.44: after 48.384 s.
    budget28 = ErrorBudget("99.9%", "28d")
    [page] = budget28.replay_alerts(
        SRE_WORKBOOK_ALERTS[:1], outages=[(T, end)], start=T, end=end, step="1s"
    )
    assert page.fired_at - T == dt.timedelta(seconds=49)


def test_replay_ten_minute_outage_resolves_by_short_window() -> None:
    # Hand computation, 99.9 %, 30 d, 10 min full outage, 1 s steps:
    # page-1h: fires when D > 51.84 s (52 s); the 5 min window clears once it holds
    # <= 4.32 s of downtime: 900 - t <= 4.32 -> t = 896 s.
    # page-6h: fires at 130 s; the 30 min window clears at 600 - (t - 1800) <= 10.8 -> 2390 s.
    # ticket-3d: fires at 260 s; its 6 h window still holds the outage at 2 h.
    budget = ErrorBudget("99.9%", "30d")
    firings = budget.replay_alerts(
        outages=[(T, T + 10 * M)], start=T, end=T + 2 * 60 * M, step="1s"
    )
    assert [
        (f.alert.name, f.fired_at - T, None if f.resolved_at is None else f.resolved_at - T)
        for f in firings
    ] == [
        ("page-1h", 52 * S, 896 * S),
        ("page-6h", 130 * S, 2390 * S),
        ("ticket-3d", 260 * S, None),
    ]
    assert firings[0].peak_burn_rate == Fraction(600, 3600) * 1000


def test_replay_partial_outages_weigh_less() -> None:
    # A partial outage (0.3) burns 300x at 99.9 %: the 1 h page needs 51.84 / 0.3 = 172.8 s.
    budget = ErrorBudget("99.9%", "30d")
    [page] = budget.replay_alerts(
        SRE_WORKBOOK_ALERTS[:1],
        outages=[(T, T + 10 * M, "partial")],
        start=T,
        end=T + 5 * M,
        step="1s",
    )
    assert page.fired_at - T == 173 * S
    assert (
        budget.replay_alerts(
            SRE_WORKBOOK_ALERTS[:1],
            outages=[(T, T + 10 * M, "partial")],
            start=T,
            end=T + 5 * M,
            step="1s",
            weights={"partial": "0%"},
        )
        == ()
    )


def test_replay_from_event_counts() -> None:
    # 1-minute buckets of 100 requests from T-60m; from T to T+10m half of them fail.
    # page-6h (limit 0.6 % errors): at T+1m its 6 h window holds 61 buckets, 50/6100 = 0.82 %,
    #   and its 30 min window 50/3000: fires at T+1m; still firing at T+30m (the 30 min
    #   window holds the T+9m bucket until T+39m).
    # ticket-3d (limit 0.1 %): fires at T+1m too, still firing.
    # page-1h (limit 1.44 %): at T+1m 50/6000 = 0.83 % (no); at T+2m 100/6000 = 1.67 %
    #   (and 100/500 in 5 min): fires at T+2m; the 5 min window is clean from T+15m.
    counts = []
    for i in range(-60, 31):
        bad = 50 if 0 <= i < 10 else 0
        counts.append((T + i * M, T + (i + 1) * M, 100 - bad, 100))
    budget = ErrorBudget("99.9%", "30d")
    firings = budget.replay_alerts(counts=counts, start=T, end=T + 30 * M, step="1m")
    assert [
        (f.alert.name, f.fired_at - T, None if f.resolved_at is None else f.resolved_at - T)
        for f in firings
    ] == [
        ("page-6h", 1 * M, None),
        ("ticket-3d", 1 * M, None),
        ("page-1h", 2 * M, 15 * M),
    ]
    # No traffic at all: no error ratio, no alert.
    quiet = [(T + i * M, T + (i + 1) * M, 0, 0) for i in range(10)]
    assert budget.replay_alerts(counts=quiet, start=T, end=T + 10 * M) == ()


def test_replay_errors() -> None:
    budget = ErrorBudget("99.9%", "30d")
    with pytest.raises(InvalidOptionError, match=r"either outages= .* or counts="):
        budget.replay_alerts(start=T, end=T + M)
    with pytest.raises(InvalidOptionError, match=r"exactly one of them"):
        budget.replay_alerts(outages=[], counts=[], start=T, end=T + M)
    with pytest.raises(InvalidIntervalError, match=r"The replay ends at"):
        budget.replay_alerts(outages=[], start=T, end=T - M)
    with pytest.raises(InvalidDurationError, match=r"step='0s' is not longer than zero"):
        budget.replay_alerts(outages=[], start=T, end=T + M, step="0s")
    with pytest.raises(InvalidOptionError, match=r"step='1s' gives more than 5,000,000"):
        budget.replay_alerts(outages=[], start=T, end=T + dt.timedelta(days=90), step="1s")
    with pytest.raises(NotAnIntervalError, match=r"is not an event count"):
        budget.replay_alerts(counts=[(T, T + M, 1)], start=T, end=T + M)  # type: ignore[list-item]
    with pytest.raises(InvalidIntervalError, match=r"The count interval ends at"):
        budget.replay_alerts(counts=[(T, T, 1, 1)], start=T, end=T + M)
    with pytest.raises(InvalidCountError, match=r"good=2 is more than total=1"):
        budget.replay_alerts(counts=[(T, T + M, 2, 1)], start=T, end=T + M)
    with pytest.raises(InvalidCountError, match=r"total=-1 is negative"):
        budget.replay_alerts(counts=[(T, T + M, 0, -1)], start=T, end=T + M)
    with pytest.raises(InvalidIntervalError, match=r"Count intervals overlap"):
        budget.replay_alerts(
            counts=[(T, T + 2 * M, 1, 1), (T + M, T + 3 * M, 1, 1)], start=T, end=T + M
        )
