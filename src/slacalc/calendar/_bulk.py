"""Bulk questions over many instants at once, vectorised with NumPy when it is present.

The same prefix-sum arithmetic as the scalar engine, written as ``searchsorted`` over
the compiled segments. Input kinds and what comes back:

* NumPy ``datetime64`` arrays: instants in UTC (NumPy has no zones); results are
  ``datetime64[us]`` (UTC), ``timedelta64[us]`` or ``bool`` arrays. ``NaT`` in gives
  ``NaT`` (or ``False``) out; so does a missing duration (``None`` or ``NaT``) in
  ``add_many``, whatever the kind of input.
* pandas ``Series`` / ``DatetimeIndex`` of aware datetimes: results keep the index and
  name, datetimes in the calendar's zone, durations as ``Timedelta``.
* polars ``Series`` and pyarrow ``Array`` / ``ChunkedArray`` of aware timestamps (and
  any series narwhals knows): results are the same kind of series, with the same name,
  datetimes in the calendar's zone; a null in gives a null out (``False`` for
  ``is_open``).
* Any other sequence of aware datetimes (lists, tuples, object arrays): a list of
  ``datetime`` / ``timedelta`` / ``bool``. Without NumPy these go through the scalar
  engine one by one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from slacalc._time import MAX_DURATION_US, MAX_US, MIN_US, duration_to_us, from_us, to_us
from slacalc._validate import shown
from slacalc.calendar._engine import Snapshot, Timeline
from slacalc.errors import (
    InvalidDurationError,
    LengthMismatchError,
    NaiveDatetimeError,
    NotADatetimeError,
    OutOfRangeError,
)

__all__ = ["add_many", "elapsed_many", "is_open_many"]

_NAT = -(2**63)  # NumPy's NaT as int64


# -- the kinds of input -----------------------------------------------------------------


class _Kind:
    """How a batch came in, so results go back out the same way."""

    __slots__ = ("backend", "index", "kind", "name")

    def __init__(self, kind: str, index: Any = None, name: Any = None, backend: Any = None) -> None:
        self.kind = kind  # "numpy", "series", "index", "list", "native", "array"
        self.index = index
        self.name = name
        self.backend = backend  # the native namespace of a "native" or "array" series


def _named(what: str, name: object) -> str:
    """``'starts'``, or ``"starts (column 'opened_at')"`` for a named series."""
    return f"{what} (column {name!r})" if isinstance(name, str) and name else what


def _native_series(values: object) -> Any:
    """A narwhals series for a polars or pyarrow series (or any narwhals knows), else None."""
    module = type(values).__module__.partition(".")[0]
    if module in {"builtins", "numpy", "pandas"}:
        return None
    try:
        import narwhals as nw
    except ImportError:  # pragma: no cover - narwhals comes with polars and pyarrow support
        return None
    if module == "pyarrow" and type(values).__name__.endswith("Array"):
        import pyarrow as pa

        if not isinstance(values, pa.ChunkedArray):
            values = pa.chunked_array([values])
    try:
        return nw.from_native(values, series_only=True)
    except TypeError:
        return None


def _native_instants(series: Any, what: str, values: object) -> npt.NDArray[np.int64]:
    """Epoch µs of a narwhals series of aware timestamps (nulls as _NAT)."""
    import narwhals as nw

    dtype = series.dtype
    named = _named(what, series.name)
    if not isinstance(dtype, nw.Datetime):
        raise NotADatetimeError(
            f"The {named} are a {type(values).__name__} of {dtype}, not of timestamps; parse "
            "them first, e.g. with str.to_datetime(...) (polars) or pyarrow.compute.strptime."
        )
    if dtype.time_zone is None:
        raise NaiveDatetimeError(
            f"The {named} have no time zone (dtype {dtype}); localize them first, e.g. "
            "series.dt.replace_time_zone('Europe/Copenhagen')."
        )
    stamps = series.dt.timestamp("us").fill_null(_NAT).to_numpy()
    return np.asarray(stamps, dtype=np.int64)


def _pandas_kind(values: object) -> str | None:
    module = type(values).__module__
    if not module.startswith("pandas"):
        return None
    name = type(values).__name__
    if name == "Series":
        return "series"
    if name == "DatetimeIndex":
        return "index"
    return None


def _instants(values: object, what: str) -> tuple[npt.NDArray[np.int64], _Kind]:
    """Epoch microseconds (int64, NaT as _NAT) and the kind of the input."""
    pkind = _pandas_kind(values)
    if pkind is not None:
        tz = getattr(getattr(values, "dt", values), "tz", None)
        index = getattr(values, "index", None)
        name = getattr(values, "name", None)
        if tz is None:
            raise NaiveDatetimeError(
                f"The {_named(what, name)} have no time zone (dtype {values.dtype}); "  # type: ignore[attr-defined]
                "localize them first, e.g. series.dt.tz_localize('Europe/Copenhagen')."
            )
        raw = values.dt.tz_convert("UTC") if pkind == "series" else values.tz_convert("UTC")  # type: ignore[attr-defined]
        arr = np.asarray(raw.dt.tz_localize(None) if pkind == "series" else raw.tz_localize(None))
        return arr.astype("datetime64[us]").view(np.int64), _Kind(pkind, index, name)
    if isinstance(values, np.ndarray) and values.dtype.kind == "M":
        return values.astype("datetime64[us]").view(np.int64), _Kind("numpy")
    series = _native_series(values)
    if series is not None:
        name = type(values).__name__
        kind = "array" if name.endswith("Array") and not name.startswith("Chunked") else "native"
        backend = series.__native_namespace__()
        return _native_instants(series, what, values), _Kind(kind, None, series.name, backend)
    if isinstance(values, (str, bytes)) or not isinstance(values, (Sequence, np.ndarray)):
        raise NotADatetimeError(
            f"The {what} are a {type(values).__name__}, not a sequence of datetimes; pass a "
            "list of aware datetimes, a NumPy datetime64 array, or a pandas, polars or "
            "pyarrow series."
        )
    return (
        np.fromiter((_item_us(t) for t in values), dtype=np.int64, count=len(values)),
        _Kind("list"),
    )


def _item_us(t: object) -> int:
    """One element of a list: None, NaT and NumPy's NaT are missing values."""
    if t is None or (isinstance(t, np.datetime64) and np.isnat(t)):
        return _NAT
    if isinstance(t, dt.datetime) and type(t) is not dt.datetime and t != t:  # pandas NaT
        return _NAT
    return to_us(t)


def _duration_item_us(d: object) -> int:
    """One duration of a list: None, NaT and NumPy's NaT are missing values."""
    if d is None or (isinstance(d, np.timedelta64) and np.isnat(d)):
        return _NAT
    if type(d).__name__ == "NaTType":  # pandas NaT is no timedelta
        return _NAT
    return duration_to_us(d)


def _durations(values: object, n: int) -> npt.NDArray[np.int64] | int:
    """One duration (int µs) or one per instant (int64 µs array)."""
    if isinstance(values, (dt.timedelta, str)):
        return duration_to_us(values)
    pkind = type(values).__module__.startswith("pandas")
    if pkind:
        values = np.asarray(values)
    series = _native_series(values)
    if series is not None:
        values = _native_durations(series)
    if isinstance(values, np.ndarray) and values.dtype.kind == "m":
        arr = values.astype("timedelta64[us]").view(np.int64)
    elif isinstance(values, (Sequence, np.ndarray)) and not isinstance(values, (str, bytes)):
        arr = np.fromiter((_duration_item_us(v) for v in values), dtype=np.int64, count=len(values))
    else:
        return duration_to_us(values)  # raises the usual InvalidDurationError
    if arr.shape != (n,):
        raise LengthMismatchError(
            f"{len(arr)} durations for {n} starts; pass one duration, or one per start."
        )
    valid = arr != _NAT
    if arr.size and (np.abs(arr[valid]) > MAX_DURATION_US).any():
        worst = int(arr[valid][np.argmax(np.abs(arr[valid]))])
        duration_to_us(dt.timedelta(microseconds=worst))  # raises OutOfRangeError, named
    return arr


def _native_durations(series: Any) -> npt.NDArray[np.timedelta64]:
    """A narwhals series of durations as ``timedelta64[us]`` (nulls as NaT)."""
    import narwhals as nw

    if not isinstance(series.dtype, nw.Duration):
        raise InvalidDurationError(
            f"The durations (column {series.name!r}) are of {series.dtype}, not durations; "
            "pass one duration such as '2h', or a series of durations."
        )
    us = series.dt.total_microseconds().fill_null(_NAT).to_numpy()
    return np.asarray(us, dtype=np.int64).view("timedelta64[us]")


def _out_native(
    values: npt.NDArray[Any], kind: _Kind, dtype: Any, tz: dt.tzinfo | None = None
) -> Any:
    """A result as a series of the caller's kind (polars, pyarrow, ...), nulls for NaT."""
    import narwhals as nw

    series = nw.new_series(kind.name or "", values, dtype, backend=kind.backend)
    if tz is not None:
        key = getattr(tz, "key", None) or str(tz)  # a ZoneInfo's name, or 'UTC'
        series = series.dt.replace_time_zone("UTC").dt.convert_time_zone(key)
    native = series.to_native()
    return native.combine_chunks() if kind.kind == "array" else native


def _out_instants(us: npt.NDArray[np.int64], kind: _Kind, tz: dt.tzinfo) -> Any:
    if kind.kind in {"native", "array"}:
        import narwhals as nw

        return _out_native(us.view("datetime64[us]"), kind, nw.Datetime("us"), tz)
    if kind.kind == "numpy":
        return us.view("datetime64[us]")
    if kind.kind in {"series", "index"}:
        import pandas as pd

        idx = pd.DatetimeIndex(us.view("datetime64[us]")).tz_localize("UTC").tz_convert(tz)
        if kind.kind == "index":
            return idx
        return pd.Series(idx, index=kind.index, name=kind.name)
    return [None if x == _NAT else from_us(int(x), tz) for x in us.tolist()] if us.size else []


def _out_durations(us: npt.NDArray[np.int64], kind: _Kind) -> Any:
    if kind.kind in {"native", "array"}:
        import narwhals as nw

        return _out_native(us.view("timedelta64[us]"), kind, nw.Duration("us"))
    if kind.kind == "numpy":
        return us.view("timedelta64[us]")
    if kind.kind in {"series", "index"}:
        import pandas as pd

        if kind.kind == "index":
            return pd.TimedeltaIndex(us.view("timedelta64[us]"), name=kind.name)
        return pd.Series(us.view("timedelta64[us]"), index=kind.index, name=kind.name)
    return [None if x == _NAT else dt.timedelta(microseconds=x) for x in us.tolist()]


def _out_bools(flags: npt.NDArray[np.bool_], kind: _Kind) -> Any:
    if kind.kind in {"native", "array"}:
        import narwhals as nw

        return _out_native(flags, kind, nw.Boolean())
    if kind.kind in {"numpy", "index"}:  # as pandas' own DatetimeIndex predicates do
        return flags
    if kind.kind in {"series", "index"}:
        import pandas as pd

        return pd.Series(flags, index=kind.index, name=kind.name)
    return flags.tolist()


# -- vectorised arithmetic over one snapshot ------------------------------------------


_DAY = 86_400_000_000
#: Up to this many segment starts within one UTC day, instants are located with a day
#: index and a few vectorised steps; beyond it, with a binary search.
_MAX_STEPS = 8


class _Arrays:
    """NumPy views of one snapshot (built once per snapshot and kept).

    The segment arrays are padded: index 0 is an empty segment just before the stretch
    (so every instant in the stretch lies at or after some segment start and no index
    is ever -1), and ``starts`` ends with a sentinel that no instant reaches. ``cum[i]``
    is the open time before padded segment ``i``. ``first[k]`` is the last segment
    starting at or before the start of UTC day ``day0 + k``; an instant of that day is
    then at most ``steps`` segments further on.
    """

    __slots__ = ("cum", "day0", "ends", "first", "n", "snap", "starts", "steps", "total")

    def __init__(self, snap: Snapshot) -> None:
        self.snap = snap
        n = len(snap.starts)
        self.n = n
        self.starts = np.array([snap.lo - 1, *snap.starts, np.iinfo(np.int64).max], np.int64)
        self.ends = np.array([snap.lo - 1, *snap.ends], dtype=np.int64)
        self.cum = np.array([0, *snap.cum[:n]], dtype=np.int64)
        self.total = int(snap.cum[-1])
        self.day0 = snap.lo // _DAY
        ndays = (snap.hi - 1) // _DAY - self.day0 + 2  # one extra day bounds the last
        day_starts = (self.day0 + np.arange(ndays, dtype=np.int64)) * _DAY
        first = np.searchsorted(self.starts[: n + 1], day_starts, side="right") - 1
        self.first = np.maximum(first, 0)
        self.steps = int(np.diff(self.first).max(initial=0))


def _arrays(timeline: Timeline, snap: Snapshot) -> _Arrays:
    cached = timeline.bulk_cache
    if isinstance(cached, _Arrays) and cached.snap is snap:
        return cached
    arrays = _Arrays(snap)
    timeline.bulk_cache = arrays
    return arrays


def _locate(a: _Arrays, x: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """The padded index of the last segment starting at or before each instant.

    The instants must lie in the snapshot's stretch (no NaT).
    """
    if a.steps > _MAX_STEPS:
        return np.searchsorted(a.starts, x, side="right") - 1
    i = a.first[x // _DAY - a.day0]
    starts = a.starts
    for _ in range(a.steps):
        i += x >= starts[i + 1]
    return i


#: Large batches are worked through in blocks of this many items, so the temporary
#: arrays stay in cache instead of costing page faults (per-item cost stays flat).
_BLOCK = 1 << 16


def _blocks(n: int) -> range:
    return range(0, n, _BLOCK)


def _elapsed(
    a: _Arrays, x: npt.NDArray[np.int64], y: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """Open time in ``[x, y)`` per pair (instants in the stretch), block by block."""
    out = np.empty(x.shape, dtype=np.int64)
    for k in _blocks(len(x)):
        block = slice(k, k + _BLOCK)
        out[block] = _cum_at(a, y[block]) - _cum_at(a, x[block])
    return out


def _cum_all(a: _Arrays, x: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """:func:`_cum_at`, block by block."""
    out = np.empty(x.shape, dtype=np.int64)
    for k in _blocks(len(x)):
        out[k : k + _BLOCK] = _cum_at(a, x[k : k + _BLOCK])
    return out


def _land(a: _Arrays, target: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """The latest instant whose open time since the stretch's start is each target.

    One formula serves ``add`` and ``subtract`` (see Timeline.deadline and
    Timeline.subtract). In padded indices, ``cum[1:n+1]`` are the real prefix sums.
    """
    out = np.empty(target.shape, dtype=np.int64)
    real = a.cum[1 : a.n + 1]
    for k in _blocks(len(target)):
        block = target[k : k + _BLOCK]
        j = np.searchsorted(real, block, side="right")
        out[k : k + _BLOCK] = a.starts[j] + block - a.cum[j]
    return out


def _open(a: _Arrays, x: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """Whether each instant (in the stretch) is open, block by block."""
    out = np.empty(x.shape, dtype=bool)
    for k in _blocks(len(x)):
        block = x[k : k + _BLOCK]
        out[k : k + _BLOCK] = block < a.ends[_locate(a, block)]
    return out


def _cum_at(a: _Arrays, x: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Open time from the stretch's start to each instant (instants in the stretch)."""
    i = _locate(a, x)
    return a.cum[i] + np.minimum(x, a.ends[i]) - a.starts[i]


#: A batch spanning more than this is answered item by item by the paged scalar engine,
#: which skips whole pages, instead of compiling every segment of the span at once.
_WIDE = 40 * 366 * _DAY


def _wide(bounds: tuple[int, int]) -> bool:
    return bounds[1] - bounds[0] > _WIDE


def _bounds(x: npt.NDArray[np.int64], valid: npt.NDArray[np.bool_]) -> tuple[int, int] | None:
    if not valid.any():
        return None
    picked = x[valid]
    lo, hi = int(picked.min()), int(picked.max())
    for v in (lo, hi):
        if not MIN_US <= v <= MAX_US:
            from_us(v, dt.UTC)  # raises OutOfRangeError with the usual message
    return lo, hi


def is_open_many(timeline: Timeline, values: object) -> Any:
    """Vectorised ``is_open``."""
    x, kind = _instants(values, "instants")
    valid = x != _NAT
    bounds = _bounds(x, valid)
    flags = np.zeros(x.shape, dtype=bool)
    if bounds is not None and _wide(bounds):
        flags[valid] = [timeline.is_open(int(v)) for v in x[valid]]
    elif bounds is not None:
        a = _arrays(timeline, timeline.cover(*bounds))
        if valid.all():
            flags = _open(a, x)
        else:
            flags[valid] = _open(a, x[valid])
    return _out_bools(flags, kind)


def elapsed_many(timeline: Timeline, starts: object, ends: object) -> Any:
    """Vectorised ``elapsed`` (signed)."""
    a_us, kind = _instants(starts, "starts")
    b_us, _ = _instants(ends, "ends")
    if a_us.shape != b_us.shape:
        raise LengthMismatchError(
            f"{len(a_us)} starts and {len(b_us)} ends; pass sequences of the same length."
        )
    valid = (a_us != _NAT) & (b_us != _NAT)
    if valid.all():
        bounds = _bounds(np.concatenate([a_us, b_us]), np.ones(2 * len(a_us), dtype=bool))
        if bounds is None:
            return _out_durations(a_us.copy(), kind)  # no pairs at all
        if _wide(bounds):
            return _out_durations(_elapsed_one_by_one(timeline, a_us, b_us), kind)
        arr = _arrays(timeline, timeline.cover(*bounds))
        return _out_durations(_elapsed(arr, a_us, b_us), kind)
    out = np.full(a_us.shape, _NAT, dtype=np.int64)
    a_ok, b_ok = a_us[valid], b_us[valid]
    bounds = _bounds(np.concatenate([a_ok, b_ok]), np.ones(2 * len(a_ok), dtype=bool))
    if bounds is not None and _wide(bounds):
        out[valid] = _elapsed_one_by_one(timeline, a_ok, b_ok)
    elif bounds is not None:
        arr = _arrays(timeline, timeline.cover(*bounds))
        out[valid] = _elapsed(arr, a_ok, b_ok)
    return _out_durations(out, kind)


def _elapsed_one_by_one(
    timeline: Timeline, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """Signed open time per pair from the paged scalar engine (for wide batches)."""
    return np.fromiter(
        (timeline.elapsed(x, y) for x, y in zip(a.tolist(), b.tolist(), strict=True)),
        dtype=np.int64,
        count=len(a),
    )


def _add_one_by_one(
    timeline: Timeline, x: npt.NDArray[np.int64], d: npt.NDArray[np.int64] | np.int64
) -> npt.NDArray[np.int64]:
    """Deadlines per start from the paged scalar engine (for wide batches)."""
    ds = np.broadcast_to(d, x.shape).tolist()
    return np.fromiter(
        (
            timeline.deadline(a, b) if b >= 0 else timeline.subtract(a, -b)
            for a, b in zip(x.tolist(), ds, strict=True)
        ),
        dtype=np.int64,
        count=len(x),
    )


def _check_reach(x: npt.NDArray[np.int64], d: npt.NDArray[np.int64] | np.int64) -> None:
    """Refuse, before any work, a batch whose answers must lie beyond the supported years.

    Business time never runs faster than the clock, so ``add(t, d)`` lies at or after
    ``t + d`` (before it for negative ``d``).
    """
    reach = x + d
    if reach.size and (int(reach.max()) > MAX_US or int(reach.min()) < MIN_US):
        i = int(np.argmax((reach > MAX_US) | (reach < MIN_US)))
        start = from_us(int(x[i]), dt.UTC).isoformat()
        raise OutOfRangeError(
            f"Adding {shown(dt.timedelta(microseconds=int(np.broadcast_to(d, x.shape)[i])))} "
            f"to {start!r} (item {i}) reaches beyond the years 2-9998 that slacalc answers "
            "about; keep instants and durations within that range."
        )


def add_many(timeline: Timeline, starts: object, durations: object) -> Any:
    """Vectorised ``add`` (the deadline); negative durations subtract."""
    x_all, kind = _instants(starts, "starts")
    d_all = _durations(durations, len(x_all))
    out = np.full(x_all.shape, _NAT, dtype=np.int64)
    valid = x_all != _NAT
    if isinstance(d_all, np.ndarray):
        valid &= d_all != _NAT  # a missing duration, like a missing start, gives NaT
    bounds = _bounds(x_all, valid)
    if bounds is None:
        return _out_instants(out, kind, timeline.source.tz)
    every = bool(valid.all())
    x = x_all if every else x_all[valid]
    if isinstance(d_all, np.ndarray):
        d: npt.NDArray[np.int64] | np.int64 = d_all if every else d_all[valid]
    else:
        d = np.int64(d_all)
    _check_reach(x, d)
    if _wide(bounds) or (d.size and int(np.abs(d).max()) > _WIDE):
        result = _add_one_by_one(timeline, x, d)
        if every:
            return _out_instants(result, kind, timeline.source.tz)
        out[valid] = result
        return _out_instants(out, kind, timeline.source.tz)
    snap = timeline.cover(*bounds)
    # Ends: each pass grows the span by a year or more, and grow() raises at the years'
    # limits (check_forward/check_backward sooner, when no open time can come).
    while True:
        arr = _arrays(timeline, snap)
        target = _cum_all(arr, x) + d
        if target.size and int(target.max()) >= arr.total:
            timeline.check_forward(snap, bounds[1])
            snap = timeline.grow(snap, forward=True)
            continue
        if target.size and int(target.min()) < 0:
            timeline.check_backward(snap, bounds[0])
            snap = timeline.grow(snap, forward=False)
            continue
        break
    result = _land(arr, target)
    if every:
        return _out_instants(result, kind, timeline.source.tz)
    out[valid] = result
    return _out_instants(out, kind, timeline.source.tz)
