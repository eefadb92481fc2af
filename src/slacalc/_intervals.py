"""Sets of instants: sorted, disjoint, half-open segments of epoch microseconds.

Open hours, outages, pauses, maintenance windows and reopen gaps are all sets of
instants, and every question slacalc asks of them is one of a few operations: union,
intersection, difference, clip to a window, shift, total length, length before an
instant. :class:`Intervals` is that one type (the ``portion`` library's ``| & -`` is the
model), on the bottom floor beside ``_time``: it knows nothing of calendars, tickets or
outages.

The boundary rule is decided here, once: a segment ``[start, end)`` contains its start
and not its end, so two segments that touch (``a.end == b.start``) cover the instants
of both with no gap and no overlap, and they are joined into one.

Pieces that carry a label (an outage's severity, a clock's state) stay in their own
records; :func:`inside` and :func:`outside` cut such pieces against an
:class:`Intervals` and say which piece each part came from.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate
from typing import Final, final

__all__ = ["Intervals", "inside", "outside"]

Span = tuple[int, int]


def _normalize(pairs: Iterable[Span]) -> tuple[list[int], list[int]]:
    """Sort pairs, drop empty ones, and join overlapping or touching ones."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(pairs):  # an empty pair is skipped wherever it sorts
        if b <= a:
            continue
        if ends and a <= ends[-1]:
            if b > ends[-1]:
                ends[-1] = b
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


@final
class Intervals:
    """A set of instants as sorted, disjoint, non-touching ``[start, end)`` µs segments.

    Build one from any ``(start, end)`` pairs: they are sorted, empty ones dropped, and
    overlapping or touching ones joined. The value is immutable and hashable.

    Examples:
        >>> a = Intervals([(0, 10), (20, 30)])
        >>> b = Intervals([(5, 25)])
        >>> list(a | b), list(a & b), list(a - b)
        ([(0, 30)], [(5, 10), (20, 25)], [(0, 5), (25, 30)])
        >>> Intervals([(0, 5), (5, 8), (9, 9)])
        Intervals([(0, 8)])
        >>> a.total(), a.measure(5, 25), 9 in a, 10 in a
        (20, 10, True, False)
    """

    __slots__ = ("_cum", "_ends", "_starts")

    _starts: tuple[int, ...]
    _ends: tuple[int, ...]
    _cum: tuple[int, ...] | None

    def __init__(self, pairs: Iterable[Span] = ()) -> None:
        starts, ends = _normalize(pairs)
        object.__setattr__(self, "_starts", tuple(starts))
        object.__setattr__(self, "_ends", tuple(ends))
        object.__setattr__(self, "_cum", None)

    @classmethod
    def from_sorted(cls, starts: Sequence[int], ends: Sequence[int]) -> Intervals:
        """Wrap segments that are already sorted, disjoint and non-touching, unchecked.

        For callers that produce normalized segments anyway (the calendar engine, the
        operations here); anything else should use the constructor.

        Examples:
            >>> Intervals.from_sorted([0, 20], [10, 30])
            Intervals([(0, 10), (20, 30)])
        """
        new = object.__new__(cls)
        object.__setattr__(new, "_starts", tuple(starts))
        object.__setattr__(new, "_ends", tuple(ends))
        object.__setattr__(new, "_cum", None)
        return new

    @classmethod
    def span(cls, start: int, end: int) -> Intervals:
        """The single segment ``[start, end)``, or the empty set when ``end <= start``.

        Examples:
            >>> Intervals.span(3, 7), Intervals.span(7, 7)
            (Intervals([(3, 7)]), Intervals([]))
        """
        return cls.from_sorted((start,), (end,)) if end > start else EMPTY

    # -- the value --------------------------------------------------------------------

    @property
    def starts(self) -> tuple[int, ...]:
        """The segments' starts, ascending.

        Examples:
            >>> Intervals([(20, 30), (0, 10)]).starts
            (0, 20)
        """
        return self._starts

    @property
    def ends(self) -> tuple[int, ...]:
        """The segments' ends, ascending.

        Examples:
            >>> Intervals([(20, 30), (0, 10)]).ends
            (10, 30)
        """
        return self._ends

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Intervals are immutable; cannot set {name!r}.")

    def __iter__(self) -> Iterator[Span]:
        return zip(self._starts, self._ends, strict=True)

    def __len__(self) -> int:
        return len(self._starts)

    def __bool__(self) -> bool:
        return bool(self._starts)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Intervals):
            return NotImplemented
        return self._starts == other._starts and self._ends == other._ends

    def __hash__(self) -> int:
        return hash((self._starts, self._ends))

    def __repr__(self) -> str:
        return f"Intervals({list(self)!r})"

    def __reduce__(self) -> tuple[object, ...]:
        return (Intervals.from_sorted, (self._starts, self._ends))

    def __contains__(self, x: object) -> bool:
        if not isinstance(x, int):
            return False
        i = bisect_right(self._starts, x) - 1
        return i >= 0 and x < self._ends[i]

    # -- set algebra ------------------------------------------------------------------

    def __or__(self, other: Intervals) -> Intervals:
        if not isinstance(other, Intervals):
            return NotImplemented
        if not other:
            return self
        if not self:
            return other
        if self._ends[-1] <= other._starts[0]:
            return _concat(self, other)
        if other._ends[-1] <= self._starts[0]:
            return _concat(other, self)
        return Intervals([*self, *other])

    def __and__(self, other: Intervals) -> Intervals:
        if not isinstance(other, Intervals):
            return NotImplemented
        a_s, a_e, b_s, b_e = self._starts, self._ends, other._starts, other._ends
        starts: list[int] = []
        ends: list[int] = []
        i = j = 0
        while i < len(a_s) and j < len(b_s):
            s = a_s[i] if a_s[i] > b_s[j] else b_s[j]
            e = a_e[i] if a_e[i] < b_e[j] else b_e[j]
            if s < e:
                starts.append(s)
                ends.append(e)
            if a_e[i] <= b_e[j]:
                i += 1
            else:
                j += 1
        # Both operands are non-touching, so their intersection is too.
        return Intervals.from_sorted(starts, ends)

    def __sub__(self, other: Intervals) -> Intervals:
        if not isinstance(other, Intervals):
            return NotImplemented
        if not other or not self:
            return self
        parts = [(a, b) for _, a, b in outside(list(self), other)]
        # The parts of non-touching segments outside a set never touch each other.
        return Intervals.from_sorted([a for a, _ in parts], [b for _, b in parts])

    def complement(self, lo: int, hi: int) -> Intervals:
        """The instants of ``[lo, hi)`` that are not in the set.

        Examples:
            >>> Intervals([(2, 4), (6, 8)]).complement(0, 7)
            Intervals([(0, 2), (4, 6)])
        """
        return Intervals.span(lo, hi) - self

    def clip(self, lo: int, hi: int) -> Intervals:
        """The part of the set inside ``[lo, hi)``.

        Examples:
            >>> Intervals([(0, 10), (20, 30)]).clip(5, 25)
            Intervals([(5, 10), (20, 25)])
        """
        if hi <= lo:
            return EMPTY
        starts, ends = self._starts, self._ends
        i = bisect_right(ends, lo)
        j = bisect_left(starts, hi)
        if i >= j:
            return EMPTY
        if i == 0 and j == len(starts) and starts[0] >= lo and ends[-1] <= hi:
            return self
        new_s = list(starts[i:j])
        new_e = list(ends[i:j])
        new_s[0] = max(new_s[0], lo)
        new_e[-1] = min(new_e[-1], hi)
        return Intervals.from_sorted(new_s, new_e)

    def shift(self, delta: int) -> Intervals:
        """The set moved by ``delta`` microseconds.

        Examples:
            >>> Intervals([(0, 10)]).shift(5)
            Intervals([(5, 15)])
        """
        return Intervals.from_sorted(
            [s + delta for s in self._starts], [e + delta for e in self._ends]
        )

    # -- lengths ----------------------------------------------------------------------

    def total(self) -> int:
        """The total length of the set, in microseconds.

        Examples:
            >>> Intervals([(0, 10), (20, 25)]).total()
            15
        """
        cum = self._cum
        if cum is not None:
            return cum[-1]
        # Cheaper than building the prefix sums when only the total is asked for.
        return sum(self._ends) - sum(self._starts)

    @property
    def cumulative(self) -> tuple[int, ...]:
        """Prefix sums: item ``i`` is the total length of the first ``i`` segments.

        It has one item more than the set has segments; the last is :meth:`total`.

        Examples:
            >>> Intervals([(0, 10), (20, 25)]).cumulative
            (0, 10, 15)
        """
        return self._prefix()

    def _prefix(self) -> tuple[int, ...]:
        cum = self._cum
        if cum is None:
            cum = (0, *accumulate(e - s for s, e in self))
            object.__setattr__(self, "_cum", cum)
        return cum

    def before(self, x: int) -> int:
        """The length of the set's part before instant ``x``, in microseconds.

        Examples:
            >>> s = Intervals([(0, 10), (20, 30)])
            >>> s.before(-1), s.before(5), s.before(15), s.before(25), s.before(99)
            (0, 5, 10, 15, 20)
        """
        i = bisect_right(self._starts, x) - 1
        if i < 0:
            return 0
        return self._prefix()[i] + min(x, self._ends[i]) - self._starts[i]

    def measure(self, lo: int, hi: int) -> int:
        """The length of the set's part inside ``[lo, hi)``, in microseconds (0 if empty).

        Examples:
            >>> Intervals([(0, 10), (20, 30)]).measure(5, 25)
            10
        """
        if hi <= lo:
            return 0
        return self.before(hi) - self.before(lo)

    def advance(self, x: int, amount: int) -> int | None:
        """The first instant by which ``amount`` µs of the set have passed since ``x``.

        ``advance(x, 0)`` is ``x``. Returns None when the set ends first.

        Examples:
            >>> s = Intervals([(0, 10), (20, 30)])
            >>> s.advance(5, 5), s.advance(5, 6), s.advance(5, 15), s.advance(5, 16)
            (10, 21, 30, None)
        """
        if amount <= 0:
            return x
        cum = self._prefix()
        target = self.before(x) + amount
        if target > cum[-1]:
            return None
        i = bisect_left(cum, target) - 1
        return self._starts[i] + target - cum[i]


EMPTY: Final = Intervals()


def _concat(first: Intervals, then: Intervals) -> Intervals:
    """The union of two non-empty sets when ``first`` ends before ``then`` starts."""
    if first.ends[-1] == then.starts[0]:  # they touch: join the two segments there
        starts = first.starts + then.starts[1:]
        ends = first.ends[:-1] + then.ends
    else:
        starts = first.starts + then.starts
        ends = first.ends + then.ends
    return Intervals.from_sorted(starts, ends)


def inside(pieces: Sequence[Span], keep: Intervals) -> Iterator[tuple[int, int, int]]:
    """The parts of each piece inside ``keep``, as ``(piece index, start, end)``.

    ``pieces`` must be sorted by start and must not overlap (they may touch), as the
    labelled pieces of an outage sweep or a clock are; the labels stay with the caller,
    who looks them up by index.

    Examples:
        >>> list(inside([(0, 10), (10, 20)], Intervals([(5, 15)])))
        [(0, 5, 10), (1, 10, 15)]
    """
    k_s, k_e = keep.starts, keep.ends
    j = 0
    for index, (start, end) in enumerate(pieces):
        while j < len(k_s) and k_e[j] <= start:
            j += 1
        k = j
        while k < len(k_s) and k_s[k] < end:
            a = start if start > k_s[k] else k_s[k]
            b = end if end < k_e[k] else k_e[k]
            if a < b:
                yield index, a, b
            k += 1


def outside(pieces: Sequence[Span], cuts: Intervals) -> Iterator[tuple[int, int, int]]:
    """The parts of each piece outside ``cuts``, as ``(piece index, start, end)``.

    ``pieces`` must be sorted by start and must not overlap (they may touch).

    Examples:
        >>> list(outside([(0, 10), (10, 20)], Intervals([(5, 15)])))
        [(0, 0, 5), (1, 15, 20)]
    """
    c_s, c_e = cuts.starts, cuts.ends
    j = 0
    for index, (start, end) in enumerate(pieces):
        if end <= start:
            continue
        while j < len(c_s) and c_e[j] <= start:
            j += 1
        cur = start
        k = j
        while k < len(c_s) and c_s[k] < end and cur < end:
            if c_s[k] > cur:
                yield index, cur, c_s[k]
            if c_e[k] > cur:
                cur = c_e[k]
            k += 1
        if cur < end:
            yield index, cur, end
