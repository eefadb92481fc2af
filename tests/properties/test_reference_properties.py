"""Self-checks of the reference in tests/reference.py (no slacalc needed).

The oracle is only as good as its own correctness: here it must satisfy the laws of
business time below (inverse, monotone, additive) and agree with brute-force minute
sampling of its per-date ``is_open`` (which involves no merging and no walking).
"""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.reference import RefCalendar, sample_worked
from tests.reference import to_utc as utc
from tests.strategies import Scenario, budget, durations, instants_near, scenarios

ZERO = dt.timedelta(0)


def _few() -> settings:
    return settings(max_examples=max(10, settings().max_examples // 4))


@_few()
@given(st.data(), scenarios())
def test_reference_worked_matches_minute_sampling(data: st.DataObject, sc: Scenario) -> None:
    ref = sc.spec.reference()
    a = data.draw(instants_near(sc.anchor, days=1, grid=True), label="a")
    b = utc(a) + dt.timedelta(minutes=data.draw(st.integers(0, 36 * 60), label="minutes"))
    assert ref.worked(a, b) == sample_worked(ref, a, b)
    # Merged periods are maximal: separated by closed time, each open throughout.
    periods = ref.periods(a, b)
    for (_, e1), (s2, _) in itertools.pairwise(periods):
        assert e1 < s2
        assert not ref.is_open(e1)
    for s, e in periods:
        assert ref.is_open(s)
        assert ref.is_open(e - dt.timedelta(microseconds=1))


@_few()
@given(st.data(), scenarios())
def test_reference_laws(data: st.DataObject, sc: Scenario) -> None:
    ref = sc.spec.reference()
    t = data.draw(instants_near(sc.anchor), label="t")
    u = data.draw(instants_near(sc.anchor), label="u")
    d = data.draw(durations(budget(sc.spec)), label="d")
    deadline, exhausted = ref.deadline(t, d), ref.exhausted_at(t, d)
    assert ref.worked(t, deadline) == d == ref.worked(t, exhausted)
    assert ref.is_open(deadline)
    assert utc(t) <= exhausted <= deadline
    assert ref.worked(exhausted, deadline) == ZERO
    assert ref.worked(t, u) == -ref.worked(u, t)
    lo, hi = sorted([utc(t), utc(u)])
    assert ZERO <= ref.worked(lo, hi) <= hi - lo
    start = ref.subtract(t, d)
    assert ref.worked(start, t) == d
    if ref.is_open(t):
        assert ref.subtract(exhausted, d) == utc(t)
    if d > ZERO:
        assert ref.deadline(start, d) == ref.next_open(t)


def test_reference_resolves_dst_edges() -> None:
    """The endpoint rules of Appendix A, spelled out."""
    from zoneinfo import ZoneInfo

    from tests.reference import resolve

    cph, lhi, scl = (
        ZoneInfo("Europe/Copenhagen"),
        ZoneInfo("Australia/Lord_Howe"),
        ZoneInfo("America/Santiago"),
    )
    z = dt.UTC
    # Gap: 02:30 on 2025-03-30 -> 03:30+02:00 = 01:30Z.
    assert resolve(dt.date(2025, 3, 30), "02:30", cph) == dt.datetime(2025, 3, 30, 1, 30, tzinfo=z)
    # Repeated: 02:30 on 2025-10-26 -> the first, +02:00 = 00:30Z.
    assert resolve(dt.date(2025, 10, 26), "02:30", cph) == dt.datetime(
        2025, 10, 26, 0, 30, tzinfo=z
    )
    # 30-minute gap: 02:15 on 2025-10-05 -> 02:45+11:00 = 15:45Z the day before.
    assert resolve(dt.date(2025, 10, 5), "02:15", lhi) == dt.datetime(2025, 10, 4, 15, 45, tzinfo=z)
    # Missing midnight: 24:00 on 2025-09-06 -> 01:00-03:00 = 04:00Z.
    assert resolve(dt.date(2025, 9, 6), "24:00", scl) == dt.datetime(2025, 9, 7, 4, 0, tzinfo=z)
    assert RefCalendar.always("UTC").worked(
        dt.datetime(2025, 1, 1, tzinfo=z), dt.datetime(2025, 1, 2, tzinfo=z)
    ) == dt.timedelta(days=1)
