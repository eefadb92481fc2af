"""Request counts and time slices: OpenSLO's Occurrences, Timeslices and RatioTimeslices.

- **Occurrences**: availability = good / total over every request in the window.
- **Timeslices**: the window is cut into equal slices (1 min, 5 min, 1 h...); a slice
  is bad when its error rate passes a threshold (strictly more than it), and
  availability = good slices / all slices. A slice with fewer requests than
  ``min_requests`` is not judged: it counts as good.
- **RatioTimeslices**: availability = the unweighted mean of the slices' good ratios,
  as S3 and Azure Storage average their five-minute or hourly error rates.

A count row ``(start, end, good, total)`` belongs to the slice its start falls in, and
must end within it. Slices start at the window's start. Error rates can come from
outages too: a slice's error rate is then its weighted downtime over its length.
Every figure is exact; the mean of many ratios is summed over a product tree, so it
stays exact without a denominator that grows with each term.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Final, Literal, TypeAlias

from slacalc._exact import ShareLike, parse_share
from slacalc._time import UTC, duration_to_us, from_us, to_us
from slacalc._validate import kind, shown
from slacalc.errors import (
    ColumnTypeError,
    InvalidCountError,
    InvalidDurationError,
    InvalidIntervalError,
    InvalidOptionError,
    InvalidPeriodError,
    OutOfRangeError,
)
from slacalc.uptime._availability import Availability
from slacalc.uptime._outages import OutageLike, heaviest_first, resolve_weights, sweep, to_items
from slacalc.uptime._periods import CalendarPeriod, WindowLike, calendar_period, window_us
from slacalc.uptime._probes import _numpy

__all__ = [
    "RequestAvailability",
    "SliceMethod",
    "SliceReport",
    "measure_requests",
    "measure_timeslices",
]

SliceMethod: TypeAlias = Literal["timeslices", "ratio_timeslices"]
"""How slices make an availability (OpenSLO's budgeting methods).

- ``"timeslices"``: good slices / all slices; a slice is bad when its error rate is
  more than the threshold.
- ``"ratio_timeslices"``: the mean of the slices' good ratios.

Examples:
    >>> from typing import get_args
    >>> get_args(SliceMethod)
    ('timeslices', 'ratio_timeslices')
"""

_METHODS = ("timeslices", "ratio_timeslices")
_EMPTY = ("good", "skip")
_US = 1_000_000

# Per-slice counts: slice index -> (bad, total).
_Counts: TypeAlias = dict[int, tuple[int, int]]


@dataclass(frozen=True, slots=True)
class RequestAvailability:
    """Availability counted over requests (OpenSLO ``Occurrences``): good / total.

    Args:
        good: the good requests in the window.
        total: all requests in the window.
        rows: the count rows that fell in the window.

    Examples:
        >>> r = RequestAvailability(good=999, total=1000, rows=1)
        >>> str(r.availability), r.bad
        ('99.9%', 1)
    """

    good: int
    total: int
    rows: int

    @property
    def bad(self) -> int:
        """The failed requests: ``total - good``.

        Examples:
            >>> RequestAvailability(good=7, total=10, rows=2).bad
            3
        """
        return self.total - self.good

    @property
    def availability(self) -> Availability:
        """``good / total``, exact. It plugs into credit schedules and budgets.

        Raises:
            InvalidCountError: there were no requests, so there is no ratio.

        Examples:
            >>> RequestAvailability(good=9, total=10, rows=1).availability.fraction
            Fraction(9, 10)
        """
        if self.total == 0:
            raise InvalidCountError(
                "There were no requests (total=0), so there is no availability; widen the "
                "window, or measure time slices with empty slices counted as good."
            )
        return Availability(Fraction(self.good, self.total))


@dataclass(frozen=True, slots=True)
class SliceReport:
    """The result of :func:`measure_timeslices`.

    Args:
        window: the measured window ``(start, end)``.
        slice: the length of each slice.
        method: ``"timeslices"`` or ``"ratio_timeslices"``.
        threshold: the error rate a slice must pass to be bad (``timeslices``).
        min_requests: the fewest requests a slice needs to be judged.
        slices: how many slices the window holds.
        counted: how many slices the availability averages over (all of them, unless
            empty slices were skipped).
        bad_starts: the starts of the bad slices (``timeslices``), in order.
        availability: the exact availability.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
        >>> m = dt.timedelta(minutes=1)
        >>> counts = [(t, t + m, 80, 100), (t + m, t + 2 * m, 100, 100)]
        >>> r = measure_timeslices(counts, (t, t + 2 * m), slice="1m", threshold="10%")
        >>> r.slices, r.bad_slices, str(r.availability)
        (2, 1, '50%')
    """

    window: tuple[dt.datetime, dt.datetime]
    slice: dt.timedelta
    method: SliceMethod
    threshold: Fraction
    min_requests: int
    slices: int
    counted: int
    bad_starts: tuple[dt.datetime, ...]
    availability: Availability

    @property
    def bad_slices(self) -> int:
        """How many slices were bad (``timeslices``; 0 for ``ratio_timeslices``).

        Examples:
            >>> import datetime as dt
            >>> t = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
            >>> h = dt.timedelta(hours=1)
            >>> measure_timeslices([], (t, t + h), slice="5m").bad_slices
            0
        """
        return len(self.bad_starts)

    @property
    def bad_time(self) -> dt.timedelta:
        """The length of the bad slices together: the contract's "Downtime".

        Examples:
            >>> import datetime as dt
            >>> t = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
            >>> m = dt.timedelta(minutes=1)
            >>> r = measure_timeslices(outages=[(t, t + 2 * m)], window=(t, t + 60 * m))
            >>> r.bad_time
            datetime.timedelta(seconds=120)
        """
        return self.slice * len(self.bad_starts)


#: Slices a window may hold when outages are judged slice by slice (a year of minutes).
MAX_OUTAGE_SLICES: Final = 1_000_000


def _window_pair(window: WindowLike) -> tuple[dt.datetime, dt.datetime]:
    """The window's ``(start, end)`` datetimes (a period name is that period in UTC)."""
    if isinstance(window, str) or hasattr(window, "freqstr"):
        window = calendar_period(window)
    if isinstance(window, CalendarPeriod):
        return window.start, window.end
    return window


def _count(value: object, *, what: str, row: int) -> int:
    """A request count: an int of 0 or more."""
    if isinstance(value, bool) or not isinstance(value, int):
        if hasattr(value, "dtype") and getattr(value.dtype, "kind", "") in "iu":
            return _count(int(value), what=what, row=row)  # type: ignore[call-overload]
        raise InvalidCountError(
            f"Count row {row} has {what}={value!r}, not a whole number; pass an int >= 0."
        )
    if value < 0:
        raise InvalidCountError(
            f"Count row {row} has {what}={value!r}, negative; pass an int >= 0."
        )
    return value


def _row_counts(
    counts: Iterable[Any] | Mapping[str, Any], w0: int, w1: int, step: int | None
) -> tuple[_Counts, int]:
    """Sum (bad, total) per slice (or in slot 0 when ``step`` is None) over rows in [w0, w1)."""
    if isinstance(counts, Mapping) or hasattr(counts, "columns"):
        np = _numpy()
        if np is not None:
            return _column_counts(np, counts, w0, w1, step)
        counts = _rows_of_columns(counts)  # pragma: no cover - NumPy is installed in tests
    if not isinstance(counts, Iterable) or isinstance(counts, (str, bytes, bytearray)):
        raise ColumnTypeError(
            f"The counts {shown(counts)} are {kind(counts)}, not rows or a table; pass rows "
            "(start, end, good, total) or a table with columns 'start', 'good', 'total'.",
            column=None,
        )
    sums: _Counts = {}
    rows = 0
    for number, row in enumerate(counts):
        if not isinstance(row, tuple) or len(row) != 4:
            raise ColumnTypeError(
                f"Count row {number} is {row!r}; pass (start, end, good, total) with aware "
                "datetimes and ints.",
                column=None,
            )
        start, end = to_us(row[0]), to_us(row[1])
        good = _count(row[2], what="good", row=number)
        total = _count(row[3], what="total", row=number)
        if good > total:
            raise InvalidCountError(
                f"Count row {number} has good={good!r} more than total={total!r}; pass "
                "counts with 0 <= good <= total."
            )
        if end < start:
            raise InvalidIntervalError(
                f"Count row {number} ends at {row[1].isoformat()!r}, before its start "
                f"{row[0].isoformat()!r}; give an end at or after the start."
            )
        if not w0 <= start < w1:
            continue
        key = 0 if step is None else (start - w0) // step
        if step is not None and end > w0 + (key + 1) * step:
            raise InvalidIntervalError(
                f"Count row {number} ({row[0].isoformat()!r} to {row[1].isoformat()!r}) "
                f"crosses the end of its {dt.timedelta(microseconds=step)} slice; pass counts "
                "per slice or shorter."
            )
        bad, tot = sums.get(key, (0, 0))
        sums[key] = (bad + total - good, tot + total)
        rows += 1
    return sums, rows


def _rows_of_columns(table: Any) -> list[tuple[Any, ...]]:  # pragma: no cover
    """Columns ``start``, ``end``, ``good``, ``total`` as rows (without NumPy)."""
    return list(zip(table["start"], table["end"], table["good"], table["total"], strict=True))


def _column_counts(np: Any, table: Any, w0: int, w1: int, step: int | None) -> tuple[_Counts, int]:
    """:func:`_row_counts` for a table of columns, vectorized."""
    from slacalc.uptime._probes import _time_column

    columns = list(table.keys()) if isinstance(table, Mapping) else list(table.columns)
    for name in ("start", "good", "total"):
        if name not in columns:
            raise ColumnTypeError(
                f"The counts have no column {name!r} (columns: {columns!r}); pass columns "
                "'start', 'good', 'total' and optionally 'end'.",
                column=name,
            )
    start = np.asarray(_time_column(table["start"], np), dtype=np.int64)
    end = np.asarray(_time_column(table["end"], np), dtype=np.int64) if "end" in columns else start
    good = np.asarray(table["good"])
    total = np.asarray(table["total"])
    for name, col in (("good", good), ("total", total)):
        if col.dtype.kind not in "iu":
            raise InvalidCountError(
                f"Column {name!r} holds {col.dtype} values, not whole numbers; pass ints >= 0."
            )
        if col.size and col.min() < 0:
            row = int(np.flatnonzero(col < 0)[0])
            raise InvalidCountError(
                f"Count row {row} has {name}={int(col[row])!r}, negative; pass an int >= 0."
            )
    over = good > total
    if over.any():
        row = int(np.flatnonzero(over)[0])
        raise InvalidCountError(
            f"Count row {row} has good={int(good[row])!r} more than total={int(total[row])!r}; "
            "pass counts with 0 <= good <= total."
        )
    if (end < start).any():
        row = int(np.flatnonzero(end < start)[0])
        raise InvalidIntervalError(
            f"Count row {row} ends at {from_us(int(end[row]), UTC).isoformat()!r}, before its "
            f"start {from_us(int(start[row]), UTC).isoformat()!r}; give an end at or after "
            "the start."
        )
    inside = (start >= w0) & (start < w1)
    start, end = start[inside], end[inside]
    bad = (total - good)[inside].astype(np.int64)
    total = total[inside].astype(np.int64)
    if step is None:
        return ({0: (int(bad.sum()), int(total.sum()))} if start.size else {}), int(start.size)
    key = (start - w0) // step
    crossing = end > w0 + (key + 1) * step
    if crossing.any():
        row = int(np.flatnonzero(inside)[np.flatnonzero(crossing)[0]])
        raise InvalidIntervalError(
            f"Count row {row} crosses the end of its {dt.timedelta(microseconds=step)} "
            "slice; pass counts per slice or shorter."
        )
    if not start.size:
        return {}, 0
    if (key[1:] < key[:-1]).any():
        order = np.argsort(key, kind="stable")
        key, bad, total = key[order], bad[order], total[order]
    first = np.concatenate(([0], np.flatnonzero(key[1:] != key[:-1]) + 1))
    bad_sum = np.add.reduceat(bad, first)
    tot_sum = np.add.reduceat(total, first)
    used = tot_sum > 0
    sums = dict(
        zip(
            key[first][used].tolist(),
            zip(bad_sum[used].tolist(), tot_sum[used].tolist(), strict=True),
            strict=True,
        )
    )
    return sums, int(start.size)


def measure_requests(
    counts: Iterable[tuple[dt.datetime, dt.datetime, int, int]] | Mapping[str, Any],
    window: WindowLike | None = None,
) -> RequestAvailability:
    """Availability over requests, OpenSLO's ``Occurrences``: good / total.

    Args:
        counts: rows ``(start, end, good, total)`` (the :data:`EventCount` form), or a
            table with columns ``start``, ``good``, ``total`` and optionally ``end`` (a
            DataFrame or a dict of lists or NumPy arrays).
        window: only rows starting in ``[start, end)`` count; ``None`` counts all rows.

    Returns:
        A :class:`RequestAvailability`; its ``availability`` goes to credit schedules.

    Raises:
        InvalidCountError: negative counts, or good more than total (the row is named).
        InvalidIntervalError: a row ending before its start.
        ColumnTypeError: ``counts`` that are neither rows nor a table, or a row of the
            wrong shape.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
        >>> m = dt.timedelta(minutes=1)
        >>> rows = [(t, t + m, 0, 10), (t + m, t + 2 * m, 990, 990)]   # one bad minute
        >>> str(measure_requests(rows).availability)
        '99%'
    """
    if window is None:
        w0, w1 = -(2**62), 2**62
    else:
        w0, w1 = window_us(window)
    sums, rows = _row_counts(counts, w0, w1, None)
    bad, total = sums.get(0, (0, 0))
    return RequestAvailability(good=total - bad, total=total, rows=rows)


def measure_timeslices(
    counts: Iterable[tuple[dt.datetime, dt.datetime, int, int]] | Mapping[str, Any] | None = None,
    window: WindowLike | None = None,
    *,
    outages: Iterable[OutageLike] | None = None,
    slice: dt.timedelta | str = "1m",
    threshold: ShareLike = 0,
    min_requests: int = 0,
    method: SliceMethod = "timeslices",
    empty: Literal["good", "skip"] = "good",
    weights: Mapping[str, object] | None = None,
) -> SliceReport:
    """Availability over time slices: OpenSLO's ``Timeslices`` and ``RatioTimeslices``.

    Each slice gets an error rate: from request counts, ``bad / total`` of the rows
    starting in it; from outages, its weighted downtime over its length.

    Args:
        counts: request counts, as for :func:`measure_requests`.
        window: the measured window, a whole number of slices (a
            :class:`CalendarPeriod` such as ``calendar_month(2026, 3)``).
        outages: instead of counts, outages (as for :func:`measure_availability`).
        slice: the slice length: ``"1m"``, ``"5m"``, ``"1h"``...
        threshold: ``timeslices``: a slice is bad when its error rate is more than this
            (``"10%"``; ``0``: any error). OpenSLO's ``timeSliceTarget`` T is
            ``threshold = 1 - T``.
        min_requests: a slice with fewer requests is not judged and counts as good
            (Google Cloud Functions: 100).
        method: ``"timeslices"`` or ``"ratio_timeslices"`` (see :data:`SliceMethod`).
        empty: ``ratio_timeslices``: a slice without (enough) requests counts as
            ``"good"`` (error rate 0, as Azure Storage defines it) or is ``"skip"``-ped.
        weights: severity weights for ``outages``.

    Returns:
        A :class:`SliceReport`.

    Raises:
        InvalidOptionError: a threshold outside 0-100 %, a bad method or ``empty``, a
            negative ``min_requests``, or neither or both of ``counts`` and ``outages``.
        InvalidDurationError: a slice that is not positive.
        InvalidPeriodError: a window that is not a whole number of slices.
        InvalidCountError: impossible counts, or no slice to average over.
        OutOfRangeError: outages judged over more than a million slices.
        ColumnTypeError: ``counts`` that are neither rows nor a table.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
        >>> m = dt.timedelta(minutes=1)
        >>> counts = [(t, t + m, 50, 100), (t + m, t + 2 * m, 10, 10)]
        >>> hour = (t, t + 60 * m)
        >>> ratio = measure_timeslices(counts, hour, slice="5m", method="ratio_timeslices")
        >>> ratio.availability.fraction                       # 1 - (50/110) / 12
        Fraction(127, 132)
    """
    if window is None:
        raise InvalidPeriodError(
            "No window given; pass the measured window, e.g. slacalc.calendar_month(2026, 3)."
        )
    if (counts is None) == (outages is None):
        raise InvalidOptionError(
            "Pass the data as either counts (request counts) or outages=, not both or neither."
        )
    if method not in _METHODS:
        raise InvalidOptionError(
            f"Unknown method {method!r}; pass 'timeslices' (share of good slices) or "
            "'ratio_timeslices' (mean of the slices' good ratios)."
        )
    if empty not in _EMPTY:
        raise InvalidOptionError(
            f"Unknown empty={empty!r}; pass 'good' (an empty slice has no errors) or 'skip'."
        )
    limit = parse_share(
        threshold,
        what="a slice threshold",
        example="'10%' or Fraction(1, 10)",
        error=InvalidOptionError,
    )
    if isinstance(min_requests, bool) or not isinstance(min_requests, int) or min_requests < 0:
        raise InvalidOptionError(
            f"min_requests={min_requests!r} is not a count; pass an int of 0 or more."
        )
    step = duration_to_us(slice, allow_days=True)
    if step <= 0:
        raise InvalidDurationError(
            f"slice={slice!r} is not longer than zero; pass a slice such as '5m'."
        )
    w0, w1 = window_us(window)
    if (w1 - w0) % step:
        raise InvalidPeriodError(
            f"The window of {dt.timedelta(microseconds=w1 - w0)} is not a whole number of "
            f"{dt.timedelta(microseconds=step)} slices; pass a window that is, such as a "
            "calendar month for '1m', '5m' or '1h'."
        )
    n = (w1 - w0) // step
    if outages is not None and n > MAX_OUTAGE_SLICES:
        raise OutOfRangeError(
            f"The window holds {n} slices of {dt.timedelta(microseconds=step)}; outages are "
            f"judged over at most {MAX_OUTAGE_SLICES} slices. Pass a longer slice, such as "
            "'1m', or a shorter window."
        )
    if outages is not None:
        rates = _outage_rates(outages, weights, w0, w1, step)
        judged = rates
        unjudged_empty = False
    else:
        assert counts is not None
        sums, _ = _row_counts(counts, w0, w1, step)
        judged = {
            k: Fraction(bad, total)
            for k, (bad, total) in sums.items()
            if total >= max(1, min_requests)
        }
        unjudged_empty = True
    starts: tuple[dt.datetime, ...] = ()
    counted = n
    if method == "timeslices":
        bad_keys = sorted(k for k, rate in judged.items() if rate > limit)
        tz = _window_pair(window)[0].tzinfo or UTC
        starts = tuple(from_us(w0 + k * step, tz) for k in bad_keys)
        share = Fraction(n - len(bad_keys), n)
    else:
        if empty == "skip" and unjudged_empty:
            counted = len(judged)
        if counted == 0:
            raise InvalidCountError(
                "No slice had enough requests to average over; pass empty='good', or a "
                "lower min_requests."
            )
        share = 1 - _sum_of(judged.values()) / counted
    return SliceReport(
        window=_window_pair(window),
        slice=dt.timedelta(microseconds=step),
        method=method,
        threshold=limit,
        min_requests=min_requests,
        slices=n,
        counted=counted,
        bad_starts=starts,
        availability=Availability(share),
    )


def _outage_rates(
    outages: Iterable[OutageLike], weights: Mapping[str, object] | None, w0: int, w1: int, step: int
) -> dict[int, Fraction]:
    """Each touched slice's weighted downtime over its length."""
    _, items = to_items(outages, resolve_weights(weights), None)
    down: dict[int, dict[Fraction, int]] = {}
    for seg in sweep(items, heaviest_first):
        a, b = max(seg.start, w0), min(seg.end, w1)
        if b <= a or seg.weight == 0:
            continue
        k = (a - w0) // step
        while a < b:
            edge = min(b, w0 + (k + 1) * step)
            per = down.setdefault(k, {})
            per[seg.weight] = per.get(seg.weight, 0) + edge - a
            a, k = edge, k + 1
    return {
        k: sum((w * us for w, us in per.items()), Fraction(0)) / step for k, per in down.items()
    }


def _sum_of(ratios: Iterable[Fraction]) -> Fraction:
    """The exact sum of many fractions: grouped by denominator, then a product tree."""
    by_den: dict[int, int] = {}
    for r in ratios:
        by_den[r.denominator] = by_den.get(r.denominator, 0) + r.numerator
    terms = list(by_den.items())
    if not terms:
        return Fraction(0)

    def tree(part: Sequence[tuple[int, int]]) -> tuple[int, int]:
        if len(part) == 1:
            den, num = part[0]
            return num, den
        mid = len(part) // 2
        n1, d1 = tree(part[:mid])
        n2, d2 = tree(part[mid:])
        return n1 * d2 + n2 * d1, d1 * d2

    num, den = tree(terms)
    return Fraction(num, den)
