"""The interval algebra, checked against sets of integer points.

On a small integer line a half-open segment ``[a, b)`` is the set ``{a, ..., b - 1}``,
so every operation has an obvious reference in Python's own ``set``: union is ``|``,
intersection ``&``, difference ``-``, and a length is a count of points.
"""

from __future__ import annotations

import itertools
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from slacalc._intervals import Intervals, inside, outside

points = st.integers(min_value=-30, max_value=30)
pairs = st.lists(st.tuples(points, points), max_size=8)


def as_points(pairs_: list[tuple[int, int]]) -> set[int]:
    """The integer points a list of half-open pairs covers."""
    return {x for a, b in pairs_ for x in range(a, b)}


def disjoint_pieces(raw: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted pieces that may touch but do not overlap, from arbitrary cut points."""
    cuts = sorted({p for pair in raw for p in pair})
    return [(a, b) for a, b in itertools.pairwise(cuts) if (a + b) % 3]


@given(pairs)
def test_normal_form(raw: list[tuple[int, int]]) -> None:
    s = Intervals(raw)
    assert as_points(list(s)) == as_points(raw)
    flat = [x for pair in s for x in pair]
    assert flat == sorted(flat)
    # disjoint and not touching: every end is strictly before the next start
    assert all(e < n for e, n in zip(s.ends, s.starts[1:], strict=False))
    assert all(a < b for a, b in s)


@given(pairs, pairs)
def test_set_algebra_matches_points(x: list[tuple[int, int]], y: list[tuple[int, int]]) -> None:
    a, b = Intervals(x), Intervals(y)
    pa, pb = as_points(x), as_points(y)
    assert as_points(list(a | b)) == pa | pb
    assert as_points(list(a & b)) == pa & pb
    assert as_points(list(a - b)) == pa - pb
    assert a | b == Intervals([*a, *b])  # results are in normal form
    assert a & b == Intervals(list(a & b))
    assert a - b == Intervals(list(a - b))
    assert (a - b).total() + (a & b).total() == a.total()


@given(pairs, points, points)
def test_clip_measure_complement(x: list[tuple[int, int]], lo: int, hi: int) -> None:
    s = Intervals(x)
    window = set(range(lo, hi))
    assert as_points(list(s.clip(lo, hi))) == as_points(x) & window
    assert s.clip(lo, hi) == Intervals(list(s.clip(lo, hi)))
    assert s.measure(lo, hi) == len(as_points(x) & window)
    assert as_points(list(s.complement(lo, hi))) == window - as_points(x)
    assert s.before(hi) == len({p for p in as_points(x) if p < hi})


@given(pairs, points)
def test_union_of_the_two_sides_of_a_cut_is_the_whole(x: list[tuple[int, int]], cut: int) -> None:
    # One side ends where the other starts: their union joins segments across the cut.
    s = Intervals(x)
    left, right = s.clip(-99, cut), s.clip(cut, 99)
    assert left | right == s
    assert right | left == s
    assert s.cumulative == (0, *itertools.accumulate(b - a for a, b in s))
    assert s.cumulative[-1] == s.total()


@given(pairs, points)
def test_contains_and_shift(x: list[tuple[int, int]], t: int) -> None:
    s = Intervals(x)
    assert (t in s) == (t in as_points(x))
    assert as_points(list(s.shift(7))) == {p + 7 for p in as_points(x)}


@given(pairs, points, st.integers(min_value=0, max_value=80))
def test_advance_is_the_first_instant_with_enough_time(
    x: list[tuple[int, int]], t: int, amount: int
) -> None:
    s = Intervals(x)
    got = s.advance(t, amount)
    if amount == 0:
        assert got == t
        return
    # reference: walk point by point
    covered = 0
    expected = None
    for p in range(t, 100):
        if p in s:
            covered += 1
            if covered == amount:
                expected = p + 1
                break
    assert got == expected
    if got is not None:
        assert s.measure(t, got) == amount


@given(pairs, pairs)
def test_inside_and_outside_partition_each_piece(
    raw: list[tuple[int, int]], y: list[tuple[int, int]]
) -> None:
    pieces = disjoint_pieces(raw)
    keep = Intervals(y)
    ins = list(inside(pieces, keep))
    outs = list(outside(pieces, keep))
    for index, (a, b) in enumerate(pieces):
        mine_in = [(s, e) for i, s, e in ins if i == index]
        mine_out = [(s, e) for i, s, e in outs if i == index]
        assert as_points(mine_in) == set(range(a, b)) & as_points(y)
        assert as_points(mine_out) == set(range(a, b)) - as_points(y)
    assert [s for _, s, _ in ins] == sorted(s for _, s, _ in ins)
    assert [s for _, s, _ in outs] == sorted(s for _, s, _ in outs)


def test_value_semantics() -> None:
    s = Intervals([(5, 9), (0, 2)])
    assert s == Intervals.from_sorted([0, 5], [2, 9])
    assert hash(s) == hash(Intervals([(0, 2), (5, 9)]))
    assert pickle.loads(pickle.dumps(s)) == s
    assert len(s) == 2
    assert bool(s)
    assert not Intervals()
    assert s != [(0, 2), (5, 9)]
    assert "x" not in s
    assert Intervals.span(4, 2) == Intervals()
    with pytest.raises(AttributeError, match="immutable"):
        s.foo = 1


def test_boundaries_are_half_open() -> None:
    s = Intervals([(10, 20)])
    assert 10 in s
    assert 19 in s
    assert 20 not in s
    assert 9 not in s
    # touching segments join; a segment ending where another starts leaves no gap
    assert Intervals([(0, 10), (10, 20)]) == Intervals([(0, 20)])
    assert s.clip(20, 30) == Intervals()
    assert s.clip(0, 10) == Intervals()
    assert s.advance(0, 10) == 20  # lands on the end of the segment, not the next start


def test_operations_with_other_types_are_not_implemented() -> None:
    s = Intervals([(0, 1)])
    for op in ("__or__", "__and__", "__sub__"):
        assert getattr(s, op)([(0, 1)]) is NotImplemented
    assert s.__eq__((0, 1)) is NotImplemented


def test_calendar_open_time_as_intervals() -> None:
    import datetime as dt

    from slacalc import BusinessCalendar
    from slacalc._time import to_us

    cal = BusinessCalendar("Mon-Fri 09:00-12:00,12:00-13:00,14:00-17:00", tz="Europe/Copenhagen")
    a = dt.datetime(2026, 3, 27, 10, tzinfo=dt.UTC)  # Friday, the weekend before DST
    b = a + dt.timedelta(days=4)
    got = cal._open_us(to_us(a), to_us(b))
    expected = Intervals((to_us(s), to_us(e)) for s, e in cal.open_periods(a, b))
    assert got == expected
    # touching hours join into one segment: Friday 09-13 local is one piece
    assert dt.timedelta(microseconds=got.total()) == cal.elapsed(a, b)
    assert cal._open_us(to_us(b), to_us(a)) == Intervals()
