"""Properties of the uptime and credit math (issue 3), checked with hypothesis.

- allowed downtime + required uptime == the period;
- availability(allowed_downtime(a, p), p) == a (exactly, when the budget is whole
  microseconds; otherwise the floor never allows more than the target);
- the credit never decreases as availability falls;
- merging outages is idempotent and does not depend on their order;
- measured downtime agrees with a slow minute-by-minute reference.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st

from slacalc import (
    Availability,
    CreditSchedule,
    ErrorBudget,
    allowed_downtime,
    availability,
    availability_in_parallel,
    availability_in_series,
    availability_k_of_n,
    measure_availability,
    merge_outages,
    period_length,
    required_uptime,
)

UTC = dt.UTC
BASE = dt.datetime(2026, 3, 1, tzinfo=UTC)
US = dt.timedelta(microseconds=1)
SEVERITIES = ["full", "major", "partial", "degraded"]
WEIGHTS = {
    "full": Fraction(1),
    "major": Fraction(1),
    "partial": Fraction(3, 10),
    "degraded": Fraction(0),
}

# Targets with up to four decimals in percent (what contracts write), in every input form.
millionths = st.integers(min_value=0, max_value=1_000_000)


@st.composite
def decimal_targets(draw: st.DrawFn) -> object:
    n = draw(millionths)
    share = Fraction(n, 1_000_000)
    form = draw(st.sampled_from(["percent", "decimal", "fraction", "availability"]))
    if form == "percent":
        return f"{Decimal(n) / Decimal(10_000)}%"
    if form == "decimal":
        return Decimal(n) / Decimal(1_000_000)
    if form == "fraction":
        return share
    return Availability(share)


any_shares = st.fractions(min_value=0, max_value=1, max_denominator=10**9)
named = st.sampled_from(["day", "week", "month", "quarter", "year"])
conventions = st.sampled_from(["gregorian", "julian", "fixed"])
roundings = st.sampled_from(["floor", "ceiling", "down", "up", "half_up", "half_down", "half_even"])
whole_second_periods = st.one_of(
    named,
    st.integers(min_value=1, max_value=400 * 86_400).map(lambda s: dt.timedelta(seconds=s)),
    st.integers(min_value=1, max_value=400).map(lambda d: f"{d}d"),
)
any_periods = st.one_of(
    whole_second_periods,
    st.integers(min_value=1, max_value=10**13).map(lambda us: dt.timedelta(microseconds=us)),
)


@given(
    target=st.one_of(decimal_targets(), any_shares),
    period=any_periods,
    convention=conventions,
    rounding=roundings,
)
def test_allowed_plus_required_is_the_period(
    target: Any, period: Any, convention: Any, rounding: Any
) -> None:
    allowed = allowed_downtime(target, period, convention=convention, rounding=rounding)
    required = required_uptime(target, period, convention=convention, rounding=rounding)
    assert allowed + required == period_length(period, convention=convention)
    assert dt.timedelta(0) <= allowed <= period_length(period, convention=convention)


@given(target=decimal_targets(), period=whole_second_periods, convention=conventions)
def test_reverse_of_allowed_downtime_is_the_target(
    target: object, period: object, convention: str
) -> None:
    down = allowed_downtime(target, period, convention=convention)  # type: ignore[arg-type]
    assert availability(down, period, convention=convention) == target  # type: ignore[arg-type]


@given(share=any_shares, period=any_periods)
def test_floor_never_allows_more_than_the_target(share: Fraction, period: object) -> None:
    target = Availability(share)
    down = allowed_downtime(target, period)  # type: ignore[arg-type]
    assert availability(down, period) >= target  # type: ignore[arg-type]
    if down + US <= period_length(period):  # type: ignore[arg-type]
        assert availability(down + US, period) < target  # type: ignore[arg-type]


@st.composite
def schedules(draw: st.DrawFn) -> CreditSchedule:
    thresholds = draw(
        st.lists(st.integers(min_value=1, max_value=1_000_000), min_size=1, max_size=5, unique=True)
    )
    thresholds.sort(reverse=True)
    credits = sorted(
        draw(
            st.lists(
                st.integers(min_value=0, max_value=100),
                min_size=len(thresholds),
                max_size=len(thresholds),
            )
        )
    )
    tiers = [(Fraction(t, 1_000_000), f"{c}%") for t, c in zip(thresholds, credits, strict=True)]
    cap = draw(
        st.one_of(
            st.none(), st.integers(0, 100).map(lambda c: f"{c}%"), st.integers(0, 1000).map(Decimal)
        )
    )
    minimum = draw(st.one_of(st.none(), st.integers(0, 50).map(Decimal)))
    rounding = draw(roundings)
    return CreditSchedule(tiers, cap=cap, minimum=minimum, rounding=rounding)  # type: ignore[arg-type]


@given(
    schedule=schedules(),
    a=any_shares,
    b=any_shares,
    fee=st.integers(min_value=0, max_value=10**7).map(lambda c: Decimal(c) / 100),
)
def test_credit_never_decreases_as_availability_falls(
    schedule: CreditSchedule, a: Fraction, b: Fraction, fee: Decimal
) -> None:
    low, high = min(a, b), max(a, b)
    assert schedule.credit_percent(low) >= schedule.credit_percent(high)
    assert schedule.credit(low, fee=fee) >= schedule.credit(high, fee=fee)
    assert Decimal(0) <= schedule.credit(low, fee=fee) <= fee + Decimal("0.01")
    if high >= schedule.objective:
        assert schedule.credit_percent(high) == 0


# --- Outages on a minute grid, so a slow reference can count minute by minute ---------------
minute_outages = st.lists(
    st.tuples(st.integers(0, 300), st.integers(0, 60), st.sampled_from(SEVERITIES)),
    max_size=12,
)
minute_windows = st.lists(st.tuples(st.integers(0, 300), st.integers(0, 40)), max_size=4)


def to_outages(raw: list[tuple[int, int, str]]) -> list[tuple[dt.datetime, dt.datetime, str]]:
    m = dt.timedelta(minutes=1)
    return [(BASE + s * m, BASE + (s + n) * m, sev) for s, n, sev in raw]


def to_windows(raw: list[tuple[int, int]]) -> list[tuple[dt.datetime, dt.datetime]]:
    m = dt.timedelta(minutes=1)
    return [(BASE + s * m, BASE + (s + n) * m) for s, n in raw]


@given(raw=minute_outages, data=st.data())
def test_merging_is_idempotent_and_order_independent(
    raw: list[tuple[int, int, str]], data: st.DataObject
) -> None:
    outages = to_outages(raw)
    merged = merge_outages(outages)
    assert merge_outages(merged) == merged
    assert merge_outages(data.draw(st.permutations(outages))) == merged
    for earlier, later in itertools.pairwise(merged):
        assert earlier.end is not None
        assert earlier.end <= later.start
        assert earlier.end < later.start or earlier.severity != later.severity


@given(
    raw=minute_outages,
    maint=minute_windows,
    window=st.tuples(st.integers(0, 200), st.integers(1, 200)),
    mode=st.sampled_from(["count_as_up", "exclude"]),
    min_minutes=st.integers(0, 5),
    data=st.data(),
)
def test_measured_downtime_matches_a_minute_by_minute_reference(
    raw: list[tuple[int, int, str]],
    maint: list[tuple[int, int]],
    window: tuple[int, int],
    mode: str,
    min_minutes: int,
    data: st.DataObject,
) -> None:
    w0, length = window
    w1 = w0 + length
    in_maint = {m for s, n in maint for m in range(s, s + n)}
    eligible = [m for m in range(w0, w1) if mode == "count_as_up" or m not in in_maint]
    assume(eligible)
    # Reference: per minute, the heaviest active outage, unless in maintenance; runs of
    # consecutive downtime minutes shorter than min_minutes are dropped before clipping.
    down_weight: dict[int, Fraction] = {}
    for s, n, sev in raw:
        for m in range(s, s + n):
            if m not in in_maint and WEIGHTS[sev] > 0:
                down_weight[m] = max(down_weight.get(m, Fraction(0)), WEIGHTS[sev])
    kept: dict[int, Fraction] = {}
    run: list[int] = []
    for minute in [*sorted(down_weight), None]:
        if minute is not None and run and minute == run[-1] + 1:
            run.append(minute)
            continue
        if run and len(run) >= min_minutes:
            kept.update({k: down_weight[k] for k in run})
        run = [] if minute is None else [minute]
    expected = sum((w for m, w in kept.items() if w0 <= m < w1), Fraction(0))

    outages = data.draw(st.permutations(to_outages(raw)))
    report = measure_availability(
        outages,
        (BASE + dt.timedelta(minutes=w0), BASE + dt.timedelta(minutes=w1)),
        maintenance=to_windows(maint),
        maintenance_mode=mode,  # type: ignore[arg-type]
        min_outage=dt.timedelta(minutes=min_minutes),
    )
    assert report.downtime_seconds == expected * 60
    assert report.eligible_seconds == len(eligible) * 60
    assert report.availability.fraction == 1 - expected / len(eligible)
    assert sum(s.counted_seconds for s in report.outages) == report.downtime_seconds


@given(members=st.lists(any_shares, min_size=1, max_size=6))
def test_composites_are_bounded_and_k_of_n_spans_them(members: list[Fraction]) -> None:
    series = availability_in_series(*members)
    parallel = availability_in_parallel(*members)
    assert series <= Availability(min(members)) <= Availability(max(members)) <= parallel
    assert availability_k_of_n(1, members) == parallel
    assert availability_k_of_n(len(members), members) == series
    ks = [availability_k_of_n(k, members) for k in range(1, len(members) + 1)]
    assert ks == sorted(ks, reverse=True)


@given(share=any_shares)
def test_availability_round_trips_through_its_percent(share: Fraction) -> None:
    a = Availability(share)
    if a.percent == a.fraction * 100:  # a terminating decimal
        assert Availability.from_target(f"{a.percent}%") == a
        assert Availability.from_target(str(a)) == a


@given(nines=st.integers(0, 30))
def test_nines_are_exact_for_powers_of_ten(nines: int) -> None:
    assert Availability.from_nines(nines).nines == nines


@given(
    target=st.integers(1, 999_999).map(lambda n: Fraction(n, 1_000_000)),
    days=st.integers(1, 90),
    share=st.integers(1, 100),
    window_minutes=st.integers(1, 10_000),
)
def test_burn_rate_threshold_exhausts_the_share_in_the_window(
    target: Fraction, days: int, share: int, window_minutes: int
) -> None:
    budget = ErrorBudget(Availability(target), dt.timedelta(days=days))
    window = dt.timedelta(minutes=window_minutes)
    rate = budget.burn_rate_threshold(f"{share}%", window)
    lasts = budget.time_to_exhaustion(rate)
    assert lasts is not None
    exact = window * 100 / share  # the whole budget at that rate: W / f
    assert abs(lasts - exact) <= US
