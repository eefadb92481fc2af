"""Probe results into outage intervals: k of n locations failing, with the check interval stated.

A probe result speaks for its location from its timestamp until that location's next
result, but never longer than the check interval: a location that stops reporting
has no result after one interval, and no result is not a failure. With ``confirm=(k,
n)`` a failed result counts only when k of the location's last n results failed (a
monitor's retries). An instant is down when at least ``failing`` locations hold a
failed result there. Everything is in
integer epoch microseconds, so the outages are exact; with NumPy installed the same
rules run vectorized and give the same intervals.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from slacalc._time import UTC, duration_to_us, from_us, to_us
from slacalc.errors import ColumnTypeError, InvalidDurationError, InvalidOptionError
from slacalc.uptime._outages import Outage

__all__ = ["ProbeLike", "ProbeOutages", "probe_outages"]

ProbeLike: TypeAlias = "tuple[dt.datetime, bool] | tuple[dt.datetime, bool, str | None]"
"""One probe result: ``(time, success)`` or ``(time, success, location)``.

Examples:
    >>> import datetime as dt
    >>> from slacalc.uptime import probe_outages
    >>> t = dt.datetime(2026, 3, 2, 10, tzinfo=dt.timezone.utc)
    >>> rows = [(t, True, "eu"), (t + dt.timedelta(minutes=1), False, "eu")]
    >>> probe_outages(rows, interval="1m").downtime
    datetime.timedelta(seconds=60)
"""

_US = 1_000_000

# (starts, ends) of the down runs, µs, sorted and disjoint, touching runs joined.
_Spans: TypeAlias = tuple[list[int], list[int]]


@dataclass(frozen=True, slots=True)
class ProbeOutages:
    """What :func:`probe_outages` found: the outages, and how the rows were read.

    Args:
        outages: the down runs, sorted, disjoint, each an :class:`Outage` of severity
            ``"full"``; pass them to :func:`measure_availability` with a window.
        interval: the check interval: the longest a result speaks for its location.
        failing: how many locations must fail at once for the service to be down.
        locations: the locations seen, sorted (``(None,)`` when rows name none).
        rows: the probe rows read.
        reordered: rows that came earlier than the row before them from the same
            location; they were sorted into place.
        duplicates: rows repeating a location's timestamp; they were merged into one
            result, failed if any of them failed.
        confirm: ``(k, n)``: a failed result counted only when k of the location's
            last n results, itself included, failed.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 3, 2, 10, tzinfo=dt.timezone.utc)
        >>> m = dt.timedelta(minutes=1)
        >>> found = probe_outages([(t + 2 * m, True), (t, False), (t, False), (t + m, True)],
        ...                       interval="1m")
        >>> found.rows, found.reordered, found.duplicates, found.downtime
        (4, 1, 1, datetime.timedelta(seconds=60))
    """

    outages: tuple[Outage, ...]
    interval: dt.timedelta
    failing: int
    locations: tuple[str | None, ...]
    rows: int
    reordered: int
    duplicates: int
    confirm: tuple[int, int] = (1, 1)

    @property
    def downtime(self) -> dt.timedelta:
        """The total length of the outages.

        Examples:
            >>> import datetime as dt
            >>> t = dt.datetime(2026, 3, 2, 10, tzinfo=dt.timezone.utc)
            >>> probe_outages([(t, False)], interval="30s").downtime
            datetime.timedelta(seconds=30)
        """
        total = dt.timedelta(0)
        for outage in self.outages:
            assert outage.end is not None
            total += outage.end - outage.start
        return total


def probe_outages(
    probes: Iterable[ProbeLike] | Mapping[str, Any],
    *,
    interval: dt.timedelta | str,
    failing: int = 1,
    confirm: tuple[int, int] = (1, 1),
) -> ProbeOutages:
    """Turn probe results into exact outage intervals.

    The rules, decided once:

    - A result at ``t`` speaks for its location over ``[t, next)``, where ``next`` is
      the location's next result or ``t + interval``, whichever comes first. A failed
      probe is thus down from its own timestamp (not from the last success) until the
      next check, as Uptime Kuma and Pingdom draw it.
    - A location silent for longer than ``interval`` has no result: missing data is
      not downtime.
    - With ``confirm=(k, n)``, a failed result counts as failed only when at least ``k``
      of its location's last ``n`` results (itself included, after merging duplicates)
      failed; otherwise it counts as up, as a monitor's retries do: ``(3, 3)`` is down
      from the third failure in a row, the way Uptime Kuma reports a monitor with two
      retries (its "pending" beats are not down). A successful result is always up.
    - The service is down wherever at least ``failing`` locations hold a failed result
      (``failing=1``: any location; ``failing=len(locations)``: all of them).
    - Rows may come in any order; rows repeating a location's timestamp are merged
      (failed if any failed). Both are counted in the result.

    Args:
        probes: rows ``(time, success)`` or ``(time, success, location)`` with aware
            datetimes; or a table with columns ``time``, ``success`` and optionally
            ``location`` (a DataFrame or a dict of lists or NumPy arrays; a NumPy
            ``datetime64`` column is read as UTC, a pandas column must carry a time zone).
        interval: the check interval, e.g. ``"1m"`` or ``timedelta(seconds=30)``.
        failing: the number of locations that must fail at once (``k`` of ``n``).
        confirm: ``(k, n)``: a failed result counts when ``k`` of the location's last
            ``n`` results failed; the default ``(1, 1)`` counts every failure.

    Returns:
        A :class:`ProbeOutages`.

    Raises:
        InvalidDurationError: an interval that is not positive.
        InvalidOptionError: ``failing`` below 1 or above the number of locations, or a
            ``confirm`` that is not two counts ``1 <= k <= n``.
        ColumnTypeError: a row or column of the wrong shape or type.
        NaiveDatetimeError: a timestamp without a time zone.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 3, 2, 10, tzinfo=dt.timezone.utc)
        >>> m = dt.timedelta(minutes=1)
        >>> rows = [(t, False, "eu"), (t, True, "us"),
        ...         (t + m, False, "eu"), (t + m, False, "us"),
        ...         (t + 2 * m, True, "eu"), (t + 2 * m, True, "us")]
        >>> one = probe_outages(rows, interval="1m")               # any location
        >>> both = probe_outages(rows, interval="1m", failing=2)   # 2 of 2
        >>> one.downtime, both.downtime
        (datetime.timedelta(seconds=120), datetime.timedelta(seconds=60))
        >>> flaky = [(t + k * m, k not in (1, 3, 4)) for k in range(6)]   # 1 failure, then 2
        >>> probe_outages(flaky, interval="1m", confirm=(2, 2)).outages[0].start.minute
        4
    """
    step = duration_to_us(interval, allow_days=True)
    if step <= 0:
        raise InvalidDurationError(
            f"interval={interval!r} is not longer than zero; pass the check interval, such as '1m'."
        )
    if isinstance(failing, bool) or not isinstance(failing, int) or failing < 1:
        raise InvalidOptionError(
            f"failing={failing!r} is not a count of locations; pass an int of 1 or more."
        )
    if (
        not isinstance(confirm, tuple)
        or len(confirm) != 2
        or any(isinstance(c, bool) or not isinstance(c, int) for c in confirm)
        or not 1 <= confirm[0] <= confirm[1]
    ):
        raise InvalidOptionError(
            f"confirm={confirm!r} is not (k, n) with 1 <= k <= n; pass e.g. (3, 3) for three "
            "failures in a row, or (2, 3) for two of the last three."
        )
    times, oks, codes, names = _read(probes)
    if failing > len(names):
        raise InvalidOptionError(
            f"failing={failing!r} is more than the {len(names)} location(s) in the probes "
            f"({', '.join(repr(n) for n in names)}); pass at most {len(names)}."
        )
    np = _numpy()
    if np is not None and len(times):
        (starts, ends), reordered, duplicates = _spans_numpy(
            np, times, oks, codes, step, failing, confirm
        )
    else:
        (starts, ends), reordered, duplicates = _spans_python(
            times, oks, codes, step, failing, confirm
        )
    outages = tuple(
        Outage(from_us(a, UTC), from_us(b, UTC)) for a, b in zip(starts, ends, strict=True)
    )
    return ProbeOutages(
        outages,
        dt.timedelta(microseconds=step),
        failing,
        tuple(names),
        len(times),
        reordered,
        duplicates,
        confirm,
    )


def _numpy() -> Any:
    """NumPy if it is installed, else ``None``."""
    try:
        import numpy
    except ImportError:  # pragma: no cover - the test environment has NumPy
        return None
    return numpy


_ROW_HINT = "pass (time, success) or (time, success, location) with an aware datetime"


def _read(
    probes: Iterable[ProbeLike] | Mapping[str, Any],
) -> tuple[Sequence[int], Sequence[bool], Sequence[int], list[str | None]]:
    """The probes as µs times, successes and location codes, plus the sorted location names."""
    if isinstance(probes, Mapping) or hasattr(probes, "columns"):
        return _read_columns(probes)
    times: list[int] = []
    oks: list[bool] = []
    raw: list[str | None] = []
    for number, row in enumerate(probes):
        if not isinstance(row, tuple) or len(row) not in (2, 3):
            raise ColumnTypeError(f"Probe row {number} is {row!r}; {_ROW_HINT}.", column=None)
        times.append(to_us(row[0]))
        oks.append(_success(row[1], number))
        location = row[2] if len(row) == 3 else None
        if location is not None and not isinstance(location, str):
            raise ColumnTypeError(
                f"Probe row {number} names location {location!r}, not a string; pass a "
                "name such as 'eu-west' or None.",
                column="location",
            )
        raw.append(location)
    names = sorted(set(raw), key=lambda n: (n is not None, n or ""))
    index = {name: i for i, name in enumerate(names)}
    return times, oks, [index[n] for n in raw], names or [None]


def _success(value: object, number: int) -> bool:
    """A probe's success flag: a bool, or 0/1."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise ColumnTypeError(
        f"Probe row {number} has success={value!r}; pass True or False (or 1 or 0).",
        column="success",
    )


def _read_columns(
    table: Mapping[str, Any] | Any,
) -> tuple[Sequence[int], Sequence[bool], Sequence[int], list[str | None]]:
    """Columns ``time``, ``success`` (and ``location``) of a mapping or DataFrame."""
    np = _numpy()
    columns = list(table.keys()) if isinstance(table, Mapping) else list(table.columns)
    for name in ("time", "success"):
        if name not in columns:
            raise ColumnTypeError(
                f"The probes have no column {name!r} (columns: {columns!r}); pass columns "
                "'time', 'success' and optionally 'location'.",
                column=name,
            )
    times = _time_column(table["time"], np)
    oks = table["success"]
    if np is not None:
        oks = np.asarray(oks)
        if oks.dtype != bool:
            if not np.isin(oks, (0, 1)).all():
                bad = oks[~np.isin(oks, (0, 1))][0].item()
                raise ColumnTypeError(
                    f"Column 'success' holds {bad!r}; pass True or False (or 1 or 0).",
                    column="success",
                )
            oks = oks.astype(bool)
    else:  # pragma: no cover - the test environment has NumPy
        oks = [_success(v, i) for i, v in enumerate(oks)]
    if "location" not in columns:
        codes: Sequence[int] = np.zeros(len(times), dtype=np.int64) if np else [0] * len(times)
        return times, oks, codes, [None]
    if np is not None:
        labels = np.asarray(table["location"])
        if labels.dtype.kind in "US":  # strings only: let NumPy code them
            inverse, found = _factorize(np, labels)
            return times, oks, inverse, found
    raw = list(table["location"])
    for number, location in enumerate(raw):
        if location is not None and not isinstance(location, str):
            raise ColumnTypeError(
                f"Probe row {number} names location {location!r}, not a string; pass a "
                "name such as 'eu-west' or None.",
                column="location",
            )
    names = sorted(set(raw), key=lambda n: (n is not None, n or ""))
    index = {name: i for i, name in enumerate(names)}
    codes = [index[n] for n in raw]
    if np is not None:
        codes = np.asarray(codes, dtype=np.int64)
    return times, oks, codes, names


def _factorize(np: Any, labels: Any) -> tuple[Any, list[str | None]]:
    """Codes into the sorted distinct labels: hashed by pandas when it is there."""
    try:
        import pandas
    except ImportError:  # pragma: no cover - the test environment has pandas
        found, inverse = np.unique(labels, return_inverse=True)
        return inverse.astype(np.int64), [str(n) for n in found]
    codes, uniques = pandas.factorize(labels, sort=True)
    return codes.astype(np.int64), [str(n) for n in uniques]


def _time_column(column: Any, np: Any) -> Sequence[int]:
    """A time column as epoch microseconds (an int64 array when NumPy is there)."""
    if hasattr(column, "dt"):  # a pandas Series
        if column.dt.tz is None:
            raise ColumnTypeError(
                "Column 'time' holds naive timestamps; localize them first, e.g. "
                "pandas.to_datetime(df['time'], utc=True).",
                column="time",
            )
        column = column.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy()
    if np is not None and isinstance(column, np.ndarray) and column.dtype.kind == "M":
        as_us: Sequence[int] = column.astype("datetime64[us]").view(np.int64)
        return as_us
    values = [to_us(t) for t in column]
    return np.asarray(values, dtype=np.int64) if np is not None else values


def _spans_python(
    times: Sequence[int],
    oks: Sequence[bool],
    codes: Sequence[int],
    step: int,
    failing: int,
    confirm: tuple[int, int] = (1, 1),
) -> tuple[_Spans, int, int]:
    """The down runs, the rows out of order and the duplicates, in plain Python."""
    by_location: dict[int, list[tuple[int, bool]]] = {}
    reordered = 0
    last: dict[int, int] = {}
    for t, ok, code in zip(times, oks, codes, strict=True):
        t, code = int(t), int(code)
        if code in last and t < last[code]:
            reordered += 1
        last[code] = t
        by_location.setdefault(code, []).append((t, bool(ok)))
    duplicates = 0
    events: list[tuple[int, int]] = []
    for rows in by_location.values():
        rows.sort()
        merged: list[list[Any]] = []
        for t, ok in rows:
            if merged and merged[-1][0] == t:
                duplicates += 1
                merged[-1][1] = merged[-1][1] and ok
            else:
                merged.append([t, ok])
        k, n = confirm
        fails = [not ok for _, ok in merged]
        for i, row in enumerate(merged):
            if not row[1] and sum(fails[max(0, i - n + 1) : i + 1]) < k:
                row[1] = True  # not confirmed: a retry, counted as up
        for i, (t, ok) in enumerate(merged):
            if ok:
                continue
            end = t + step
            if i + 1 < len(merged):
                end = min(end, merged[i + 1][0])
            events.append((t, 1))
            events.append((end, -1))
    heapq.heapify(events)
    starts: list[int] = []
    ends: list[int] = []
    count = 0
    opened: int | None = None
    while events:
        at = events[0][0]
        while events and events[0][0] == at:  # the count after every event at this instant
            count += heapq.heappop(events)[1]
        if count >= failing and opened is None:
            opened = at
        elif count < failing and opened is not None:
            starts.append(opened)
            ends.append(at)
            opened = None
    return (starts, ends), reordered, duplicates


def _spans_numpy(
    np: Any,
    times: Sequence[int],
    oks: Sequence[bool],
    codes: Sequence[int],
    step: int,
    failing: int,
    confirm: tuple[int, int] = (1, 1),
) -> tuple[_Spans, int, int]:
    """The same as :func:`_spans_python`, vectorized."""
    t = np.asarray(times, dtype=np.int64)
    ok = np.asarray(oks, dtype=bool)
    loc = np.asarray(codes, dtype=np.int64)
    n_loc = int(loc.max()) + 1
    # Rows out of order: earlier than the previous row of the same location.
    if n_loc == 1:
        reordered = int(np.count_nonzero(t[1:] < t[:-1]))
        if reordered:
            order = np.argsort(t, kind="stable")
            t, ok, loc = t[order], ok[order], loc[order]
    else:
        # A stable sort of small codes is a radix sort: linear. Within a location the
        # rows keep their input order, which is usually time order already.
        small = loc.astype(np.int16) if n_loc < 2**15 else loc
        order = np.argsort(small, kind="stable")
        lt = t[order]
        same_loc = small[order]
        same_loc = same_loc[1:] == same_loc[:-1]
        reordered = int(np.count_nonzero(same_loc & (lt[1:] < lt[:-1])))
        if reordered:
            order = np.lexsort((t, loc))
            lt = t[order]
        t, ok, loc = lt, ok[order], loc[order]
    same_loc = loc[1:] == loc[:-1]
    # Duplicates: the same location and timestamp; failed if any of them failed.
    dup = (t[1:] == t[:-1]) & same_loc
    duplicates = int(np.count_nonzero(dup))
    if duplicates:
        first = np.concatenate(([True], ~dup))
        group = np.cumsum(first) - 1
        failed = np.zeros(int(group[-1]) + 1, dtype=bool)
        np.logical_or.at(failed, group, ~ok)
        t, loc, ok = t[first], loc[first], ~failed
        same_loc = loc[1:] == loc[:-1]
    k, n = confirm
    if k > 1:
        # The failures among each row's last n rows of its location: a difference of
        # running sums, cut at the location's first row.
        index = np.arange(t.size)
        group_start = np.maximum.accumulate(np.where(np.concatenate(([True], ~same_loc)), index, 0))
        sums = np.concatenate(([0], np.cumsum(~ok)))
        recent = sums[index + 1] - sums[np.maximum(index + 1 - n, group_start)]
        ok = ok | (recent < k)
    # Each failed result holds until the location's next result or one interval later.
    fail = np.flatnonzero(~ok)
    s = t[fail]
    nxt = np.minimum(fail + 1, t.size - 1)
    followed = (fail + 1 < t.size) & np.concatenate((same_loc, [False]))[fail]
    e = np.where(followed, np.minimum(s + step, t[nxt]), s + step)
    if s.size == 0:
        return ([], []), reordered, duplicates
    if failing == 1:
        if n_loc > 1:
            order = np.argsort(s, kind="stable")
            s, e = s[order], e[order]
        reach = np.maximum.accumulate(e)
        # A new run starts where a start lies beyond everything before it.
        new = np.concatenate(([True], s[1:] > reach[:-1]))
        run_starts = s[new]
        last = np.concatenate((np.flatnonzero(new)[1:] - 1, [s.size - 1]))
        run_ends = reach[last]
        return (run_starts.tolist(), run_ends.tolist()), reordered, duplicates
    at = np.concatenate((s, e))
    delta = np.concatenate((np.ones(s.size, np.int64), -np.ones(e.size, np.int64)))
    order = np.argsort(at, kind="stable")
    at, count = at[order], np.cumsum(delta[order])
    keep = np.concatenate((at[1:] != at[:-1], [True]))  # the count after each instant
    at, count = at[keep], count[keep]
    down = count[:-1] >= failing
    if not down.any():
        return ([], []), reordered, duplicates
    edge = np.diff(np.concatenate(([0], down.astype(np.int8), [0])))
    run_starts, run_ends = at[edge == 1], at[edge == -1]
    return (run_starts.tolist(), run_ends.tolist()), reordered, duplicates
