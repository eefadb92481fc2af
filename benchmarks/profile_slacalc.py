"""Where slacalc's time goes per call: a breakdown for the engine author.

    .venv/bin/python benchmarks/profile_slacalc.py             # step-by-step costs
    .venv/bin/python benchmarks/profile_slacalc.py --cprofile  # plus a cProfile listing

cProfile adds ~0.1-0.2 µs to every Python call, as much as the steps being measured, so
the main output times each step *in isolation*, written inline in a loop over the same
seeded inputs as ``run.py`` (warm calendar, best of several repeats, the bare loop
subtracted). Then it times "floors": each question written as one flat function over the
compiled segments with the cheapest conversions, checked against slacalc's answers on
every input. This reaches into slacalc's private parts on purpose (``slacalc._time``,
``BusinessCalendar._timeline``): it is a diagnostic, and may need updating when the
engine changes.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import timeit
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from _harness import Context, Settings, span_pairs
from slacalc import _time

REPEATS = 15
US = dt.timedelta(microseconds=1)
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def per_item(
    stmt: str, data: Sequence[object], env: dict[str, Any], *, pairs: bool = False
) -> float:
    """Best µs per item of ``stmt`` run inline in ``for x in data`` (or ``for a, b in``)."""
    head = "for a, b in data:\n    " if pairs else "for x in data:\n    "
    scope = {**env, "data": data}
    body = min(timeit.Timer(head + stmt, globals=scope).repeat(REPEATS, 1))
    bare = min(timeit.Timer(head + "pass", globals=scope).repeat(REPEATS, 1))
    return (body - bare) / len(data) * 1e6


def show(rows: list[tuple[str, float]], total: tuple[str, float]) -> None:
    name, us = total
    print(f"\n{name}: {us:.3f} µs per call")
    for label, cost in rows:
        print(f"  {cost:6.3f} µs {cost / us:5.0%}  {label}")
    rest = us - sum(cost for _, cost in rows)
    print(f"  {rest:6.3f} µs {rest / us:5.0%}  the rest: Python calls between the layers")


def main() -> int:
    p = argparse.ArgumentParser(description="Per-call breakdown of slacalc's hot paths.")
    p.add_argument("--cprofile", action="store_true", help="also print a cProfile listing")
    args = p.parse_args()

    ctx = Context.create(Settings())
    cal, tz, tl = ctx.cal, ctx.cal.tz, ctx.cal._timeline
    d = dt.timedelta(hours=2)
    d_us = d // US
    starts = ctx.starts
    pairs = span_pairs(starts, dt.timedelta(days=30))
    for t in starts:  # warm: compile the segments over every input and answer
        cal.add(t, dt.timedelta(hours=400))
    for a, b in span_pairs(starts, dt.timedelta(days=3 * 365)):
        cal.elapsed(a, b)
    xs = [_time.to_us(t) for t in starts]
    ys = [tl.deadline(x, d_us) for x in xs]
    snap = tl.cover(min(xs), max(ys))
    seg_starts, seg_ends, cum = snap.starts, snap.ends, snap.cum
    n = len(seg_starts)
    targets = [snap.open.before(x) + d_us for x in xs]
    xpairs = [(_time.to_us(a), _time.to_us(b)) for a, b in pairs]
    values = [tl.elapsed(a, b) for a, b in xpairs]
    secs = [y // 1_000_000 for y in ys]
    utc_starts = [t.astimezone(dt.UTC) for t in starts]
    env: dict[str, Any] = {
        "cal": cal, "tl": tl, "tz": tz, "d": d, "d_us": d_us, "US": US, "EPOCH": EPOCH,
        "dt": dt, "bisect_right": bisect_right, "S": seg_starts, "C": cum, "n": n,
        "snap": snap, "to_us": _time.to_us, "from_us": _time.from_us,
        "duration_to_us": _time.duration_to_us, "fromtimestamp": dt.datetime.fromtimestamp,
        "fromutc": tz.fromutc, "EIT": dt.datetime(1970, 1, 1, tzinfo=tz),
    }  # fmt: skip
    print(f"{len(starts)} seeded inputs; the compiled stretch holds {n} open segments.")

    # -- the three questions, step by step ------------------------------------------------
    to_us_cost = per_item("to_us(x)", starts, env)
    show(
        [
            ("to_us(t): aware datetime -> epoch µs", to_us_cost),
            ("duration_to_us(d): timedelta -> µs", per_item("duration_to_us(d)", starts, env)),
            (
                "Timeline.deadline(x, d): cover + 2 bisects",
                per_item("tl.deadline(x, d_us)", xs, env),
            ),
            ("from_us(y, tz): epoch µs -> aware datetime", per_item("from_us(x, tz)", ys, env)),
        ],
        ("cal.add(t, timedelta(hours=2))", per_item("cal.add(x, d)", starts, env)),
    )
    show(
        [
            ("to_us(a) + to_us(b)", 2 * to_us_cost),
            (
                "Timeline.elapsed(a, b): range tests + 2 bisects",
                per_item("tl.elapsed(a, b)", xpairs, env, pairs=True),
            ),
            ("timedelta(microseconds=v)", per_item("dt.timedelta(microseconds=x)", values, env)),
        ],
        ("cal.elapsed(a, b), 30 days apart", per_item("cal.elapsed(a, b)", pairs, env, pairs=True)),
    )
    show(
        [
            ("to_us(t)", to_us_cost),
            ("Timeline.is_open(x): range test + 1 bisect", per_item("tl.is_open(x)", xs, env)),
        ],
        ("cal.is_open(t)", per_item("cal.is_open(x)", starts, env)),
    )

    # -- primitives ---------------------------------------------------------------------
    print("\nPrimitives, inline (µs per item):")
    primitives: list[tuple[str, str, Sequence[object]]] = [
        ("t - EPOCH, t in Europe/Copenhagen (calls t.utcoffset())", "x - EPOCH", starts),
        ("t - EPOCH, t already in UTC", "x - EPOCH", utc_starts),
        ("t.utcoffset(), ZoneInfo", "x.utcoffset()", starts),
        ("(t - EPOCH) // US", "(x - EPOCH) // US", starts),
        ("bisect_right over the segment starts", "bisect_right(S, x)", xs),
        ("bisect_right over the prefix sums, bounded", "bisect_right(C, x, 0, n)", targets),
        ("datetime.fromtimestamp(s, tz)", "fromtimestamp(x, tz)", secs),
        ("divmod(y, 1_000_000)", "divmod(x, 1_000_000)", ys),
        (
            "datetime.replace(microsecond=0)  <- avoid in hot paths",
            "x.replace(microsecond=0)",
            starts,
        ),
        ("timedelta(microseconds=v)", "dt.timedelta(microseconds=x)", values),
        ("US * v (the same timedelta)", "US * x", values),
        ("tz.fromutc(epoch_in_tz + y), y a timedelta", "fromutc(EIT + x)", [US * y for y in ys]),
        ("a Python method call: tl.cover(x, x)", "tl.cover(x, x)", xs),
        ("a Snapshot (NamedTuple) field read: snap.starts", "snap.starts", xs),
    ]
    for label, stmt, data in primitives:
        print(f"  {per_item(stmt, data, env):6.3f}  {label}")

    # -- floors ---------------------------------------------------------------------------
    def floor_to_us(t: dt.datetime) -> int:
        return (t - EPOCH) // US

    def floor_add(t: dt.datetime, dur: dt.timedelta) -> dt.datetime:
        x = (t - EPOCH) // US
        i = bisect_right(seg_starts, x) - 1
        target = (cum[i] + min(x, seg_ends[i]) - seg_starts[i] if i >= 0 else 0) + dur // US
        j = bisect_right(cum, target, 0, n) - 1
        s, us = divmod(seg_starts[j] + target - cum[j], 1_000_000)
        out = dt.datetime.fromtimestamp(s, tz)
        return out + US * us if us else out

    def floor_elapsed(a: dt.datetime, b: dt.datetime) -> dt.timedelta:
        x, y = (a - EPOCH) // US, (b - EPOCH) // US
        i = bisect_right(seg_starts, x) - 1
        j = bisect_right(seg_starts, y) - 1
        cx = cum[i] + min(x, seg_ends[i]) - seg_starts[i] if i >= 0 else 0
        cy = cum[j] + min(y, seg_ends[j]) - seg_starts[j] if j >= 0 else 0
        return US * (cy - cx)

    def floor_is_open(t: dt.datetime) -> bool:
        x = (t - EPOCH) // US
        i = bisect_right(seg_starts, x) - 1
        return i >= 0 and x < seg_ends[i]

    # The same, with instants kept as timedelta since the epoch: `t - EPOCH` is already
    # one, bisect compares timedeltas in C, and `tz.fromutc(epoch_in_tz + y)` builds the
    # answer, so neither `// US` nor `timedelta(microseconds=...)` is needed.
    td_starts = [US * v for v in seg_starts]
    td_ends = [US * v for v in seg_ends]
    td_cum = [US * v for v in cum]
    zero = dt.timedelta(0)
    epoch_in_tz = dt.datetime(1970, 1, 1, tzinfo=tz)
    fromutc = tz.fromutc

    def td_add(t: dt.datetime, dur: dt.timedelta) -> dt.datetime:
        x = t - EPOCH
        i = bisect_right(td_starts, x) - 1
        done = td_cum[i] + (min(x, td_ends[i]) - td_starts[i]) if i >= 0 else zero
        target = done + dur
        j = bisect_right(td_cum, target, 0, n) - 1
        return fromutc(epoch_in_tz + (td_starts[j] + (target - td_cum[j])))

    def td_elapsed(a: dt.datetime, b: dt.datetime) -> dt.timedelta:
        x, y = a - EPOCH, b - EPOCH
        i = bisect_right(td_starts, x) - 1
        j = bisect_right(td_starts, y) - 1
        cx = td_cum[i] + (min(x, td_ends[i]) - td_starts[i]) if i >= 0 else zero
        cy = td_cum[j] + (min(y, td_ends[j]) - td_starts[j]) if j >= 0 else zero
        return cy - cx

    def td_is_open(t: dt.datetime) -> bool:
        x = t - EPOCH
        i = bisect_right(td_starts, x) - 1
        return i >= 0 and x < td_ends[i]

    for t in starts:
        got, want = td_add(t, d), cal.add(t, d)
        assert got == want
        assert got.utcoffset() == want.utcoffset()
    assert all(td_elapsed(a, b) == cal.elapsed(a, b) for a, b in pairs)
    assert all(td_is_open(t) == cal.is_open(t) for t in starts)
    assert all(floor_add(t, d) == cal.add(t, d) for t in starts)
    assert all(floor_elapsed(a, b) == cal.elapsed(a, b) for a, b in pairs)
    assert all(floor_is_open(t) == cal.is_open(t) for t in starts)
    env.update(floor_add=floor_add, floor_elapsed=floor_elapsed, floor_is_open=floor_is_open,
               td_add=td_add, td_elapsed=td_elapsed, td_is_open=td_is_open)  # fmt: skip
    print("\nFloors: each question as one flat function over the compiled segments, without")
    print("range checks (answers equal to slacalc's, zone offsets included, on every input).")
    print("µs per call: instants as int µs (today's representation) | as timedelta since epoch")
    floors: list[tuple[str, str, str, Sequence[object], bool]] = [
        ("add 2 h", "floor_add(x, d)", "td_add(x, d)", starts, False),
        ("elapsed 30 days", "floor_elapsed(a, b)", "td_elapsed(a, b)", pairs, True),
        ("is_open", "floor_is_open(x)", "td_is_open(x)", starts, False),
    ]
    for label, a_stmt, b_stmt, data, two in floors:
        int_us = per_item(a_stmt, data, env, pairs=two)
        td_us = per_item(b_stmt, data, env, pairs=two)
        print(f"  {int_us:6.3f} | {td_us:6.3f}  {label}")

    if args.cprofile:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(20):
            for t in starts:
                cal.add(t, d)
        profile.disable()
        print("\ncProfile of 20 × cal.add over the sample (its overhead inflates small calls):")
        pstats.Stats(profile).sort_stats("tottime").print_stats(12)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
