"""Properties of the probe and slice SLIs, against a slow per-second reference."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from slacalc.credits import (
    AWS_EC2_INSTANCE_LEVEL_MEASURE,
    AWS_S3_STANDARD_MEASURE,
    AZURE_STORAGE_HOT_MEASURE,
    GCP_CLOUD_FUNCTIONS_2018_MEASURE,
)
from slacalc.uptime import (
    measure_availability,
    measure_requests,
    measure_timeslices,
    probe_outages,
)
from slacalc.uptime._probes import _spans_numpy, _spans_python

T0 = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
SECOND = dt.timedelta(seconds=1)

probe_rows = st.lists(
    st.tuples(st.integers(0, 120), st.booleans(), st.sampled_from(["a", "b", "c"])),
    max_size=40,
)


def reference_down_seconds(
    rows: list[tuple[int, bool, str]],
    interval: int,
    failing: int,
    confirm: tuple[int, int] = (1, 1),
) -> set[int]:
    """Second by second: which locations hold a confirmed failure, and are there enough."""
    k, n = confirm
    down = set()
    for s in range(200):
        failed = 0
        for location in {r[2] for r in rows}:
            # one result per timestamp, failed if any row then failed
            seen = sorted({r[0] for r in rows if r[2] == location and r[0] <= s})
            if not seen:
                continue
            fails = [any(not r[1] for r in rows if r[2] == location and r[0] == t) for t in seen]
            if s < seen[-1] + interval and fails[-1] and sum(fails[-n:]) >= k:
                failed += 1
        if failed >= failing:
            down.add(s)
    return down


def as_rows(rows: list[tuple[int, bool, str]]) -> list[tuple[dt.datetime, bool, str]]:
    return [(T0 + t * SECOND, ok, loc) for t, ok, loc in rows]


confirms = st.sampled_from([(1, 1), (1, 3), (2, 2), (2, 3), (3, 3)])


@given(probe_rows, st.integers(1, 30), st.integers(1, 3), confirms)
def test_probes_agree_with_a_per_second_reference(
    rows: list[tuple[int, bool, str]], interval: int, failing: int, confirm: tuple[int, int]
) -> None:
    locations = len({r[2] for r in rows}) or 1
    failing = min(failing, locations)
    found = probe_outages(
        as_rows(rows), interval=interval * SECOND, failing=failing, confirm=confirm
    )
    seconds = set()
    for outage in found.outages:
        assert outage.end is not None
        a = int((outage.start - T0) / SECOND)
        b = int((outage.end - T0) / SECOND)
        seconds |= set(range(a, b))
    assert seconds == reference_down_seconds(rows, interval, failing, confirm)
    # sorted, disjoint, not touching
    for one, two in zip(found.outages, found.outages[1:], strict=False):
        assert one.end is not None
        assert one.end < two.start


@given(probe_rows, st.integers(1, 30), st.integers(1, 3), confirms)
def test_the_two_engines_agree(
    rows: list[tuple[int, bool, str]], interval: int, failing: int, confirm: tuple[int, int]
) -> None:
    times = [t for t, _, _ in rows]
    oks = [ok for _, ok, _ in rows]
    codes = ["abc".index(loc) for _, _, loc in rows]
    if not rows:
        return
    assert _spans_python(times, oks, codes, interval, failing, confirm) == _spans_numpy(
        np, times, oks, codes, interval, failing, confirm
    )


@given(probe_rows, st.integers(1, 3), confirms, st.data())
def test_more_failed_probes_never_raise_availability(
    rows: list[tuple[int, bool, str]], failing: int, confirm: tuple[int, int], data: st.DataObject
) -> None:
    if not rows:
        return
    failing = min(failing, len({r[2] for r in rows}))
    flip = data.draw(st.sets(st.integers(0, len(rows) - 1)))
    worse = [(t, ok and i not in flip, loc) for i, (t, ok, loc) in enumerate(rows)]
    window = (T0, T0 + 240 * SECOND)  # four whole minutes

    def availability(sample: list[tuple[int, bool, str]]) -> Fraction:
        found = probe_outages(as_rows(sample), interval="10s", failing=failing, confirm=confirm)
        return measure_availability(found.outages, window).availability.fraction

    def minutes(sample: list[tuple[int, bool, str]]) -> Fraction:
        found = probe_outages(as_rows(sample), interval="10s", failing=failing, confirm=confirm)
        report = AWS_EC2_INSTANCE_LEVEL_MEASURE.measure(found, window)
        return report.availability.fraction

    before, after = availability(rows), availability(worse)
    assert 0 <= after <= before <= 1
    assert 0 <= minutes(worse) <= minutes(rows) <= 1


counts = st.lists(
    st.tuples(st.integers(0, 59), st.integers(0, 50), st.integers(0, 50)), max_size=60
)


@given(counts, st.sampled_from(["timeslices", "ratio_timeslices"]), st.fractions(0, 1))
def test_slice_availability_is_a_share(
    rows: list[tuple[int, int, int]], method: str, threshold: Fraction
) -> None:
    data = [(T0 + m * 60 * SECOND, T0 + (m + 1) * 60 * SECOND, min(g, t), t) for m, g, t in rows]
    report = measure_timeslices(
        data,
        (T0, T0 + 3600 * SECOND),
        slice="5m",
        threshold=threshold,
        method=method,  # type: ignore[arg-type]
    )
    assert 0 <= report.availability.fraction <= 1
    assert report.bad_slices <= report.slices == 12


@given(counts, st.data())
def test_more_failed_requests_never_raise_availability(
    rows: list[tuple[int, int, int]], data: st.DataObject
) -> None:
    """Occurrences, Timeslices and RatioTimeslices, and the presets that use them."""
    data_rows = [(m, min(g, t), t) for m, g, t in rows]
    extra = [
        data.draw(st.integers(0, g), label=f"failed in row {i}")
        for i, (_, g, _) in enumerate(data_rows)
    ]
    window = (T0, T0 + 3600 * SECOND)

    def as_counts(
        sample: list[tuple[int, int, int]],
    ) -> list[tuple[dt.datetime, dt.datetime, int, int]]:
        return [(T0 + m * 60 * SECOND, T0 + (m + 1) * 60 * SECOND, g, t) for m, g, t in sample]

    worse = [(m, g - e, t) for (m, g, t), e in zip(data_rows, extra, strict=True)]
    if any(t for _, _, t in data_rows):
        before = measure_requests(as_counts(data_rows), window).availability.fraction
        after = measure_requests(as_counts(worse), window).availability.fraction
        assert 0 <= after <= before <= 1
    for preset in (
        AWS_S3_STANDARD_MEASURE,
        AZURE_STORAGE_HOT_MEASURE,
        GCP_CLOUD_FUNCTIONS_2018_MEASURE,
    ):
        before = preset.measure(as_counts(data_rows), window).availability.fraction
        after = preset.measure(as_counts(worse), window).availability.fraction
        assert 0 <= after <= before <= 1, preset.name
