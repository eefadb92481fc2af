"""slacalc now against slacalc at an earlier commit: the same calls, side by side, in one run.

A change to the engine's plumbing must not slow the calls users make. This script
exports ``src/`` of a git ref (default: the last commit before the upper floors
were rebuilt on one interval type, number kernel, clock timeline and presentation
layer) to a temporary directory, then times the same calls on that copy and on this
checkout, each in its own Python process, alternating the two for several rounds so
that a noisy neighbour hits both alike. Each timing is the process's CPU time (so time
the scheduler gives to other processes does not count); for each call it keeps the
fastest of each side and prints the ratio now/before.

    .venv/bin/python benchmarks/bench_versus.py                  # about a minute
    .venv/bin/python benchmarks/bench_versus.py --ref main --rounds 9
    .venv/bin/python benchmarks/bench_versus.py --quick          # a smoke run

The calls: the warm scalar ``add`` (2 h), ``elapsed`` (30 days), ``is_open`` and
``next_open`` on a Copenhagen calendar with Danish holidays, and the calls that take
the engine's general path (``exhausted_at``, ``subtract``, and pendulum inputs); the
bulk calls on NumPy arrays of 100,000 items; the cold compile of a weekly, a union and
an intersection calendar (building it and asking a first question, which compiles its
segments); ``measure_availability`` over a month within support hours; and
``analyze_tickets`` over the example helpdesk's year of tickets (the ticket clocks).

Run it with ``--ref HEAD`` on a clean checkout to see the noise floor of the machine:
both sides are then the same code.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parent.parent
#: The last commit before the upper floors were rebuilt on one interval type, one
#: number kernel, one clock timeline and one presentation layer.
BASELINE = "debf30c"
CPH = ZoneInfo("Europe/Copenhagen")
NEW_YORK = ZoneInfo("America/New_York")
LABELS = {
    "add": "`add(t, 2h)`, warm",
    "elapsed": "`elapsed(a, a + 30 days)`, warm",
    "is_open": "`is_open(t)`, warm",
    "next_open": "`next_open(t)`, warm",
    "exhausted_at": "`exhausted_at(t, 2h)`, warm",
    "subtract": "`subtract(t, 2h)`, warm",
    "is_open_pendulum": "`is_open(t)`, warm, pendulum `DateTime`",
    "elapsed_pendulum": "`elapsed(a, a + 30 days)`, warm, pendulum `DateTime`",
    "add_many": "`add_many` (2 h), 100k `datetime64`",
    "elapsed_many": "`elapsed_many` (30 days), 100k `datetime64`",
    "is_open_many": "`is_open_many`, 100k `datetime64`",
    "cold_weekly": "cold: build + first `elapsed` over 3 years, weekly + holidays",
    "cold_union": "cold: build + first `elapsed` over 1 year, union of Copenhagen, New York",
    "cold_intersection": "cold: build + first `elapsed` over 1 year, their intersection",
    "measure": "`measure_availability`, 1 month, 200 outages, `calendar=`",
    "analyze": "`analyze_tickets`, the 380 example tickets, per ticket",
}
PER_ITEM = {"add_many", "elapsed_many", "is_open_many"}


# -- the worker: runs inside a process whose PYTHONPATH names one copy of slacalc -----------


def _best(fn: Callable[[], object], repeats: int) -> float:
    """The fastest of ``repeats`` timings of ``fn()``, in seconds, with the GC off.

    The clock is the process's CPU time, so time the scheduler gives to other processes
    on a shared machine does not count.
    """
    best = float("inf")
    for _ in range(repeats):
        gc.disable()
        t0 = time.process_time()
        fn()
        elapsed = time.process_time() - t0
        gc.enable()
        best = min(best, elapsed)
    return best


def _starts(n: int) -> list[dt.datetime]:
    """``n`` seeded instants in 2026, half of them inside nominal business hours."""
    rng = random.Random(2025)
    out = []
    for _ in range(n):
        day = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randrange(350))
        minute = rng.randrange(9 * 60, 17 * 60) if rng.random() < 0.5 else rng.randrange(1440)
        out.append(dt.datetime(day.year, day.month, day.day, *divmod(minute, 60), tzinfo=CPH))
    return out


def _worker(n: int, bulk_n: int, repeats: int, cold_trials: int) -> dict[str, float]:
    import numpy as np
    import pendulum
    from holidays import country_holidays

    from slacalc import BusinessCalendar, measure_availability

    # Danish public holidays, fixed outside the timing, so no timed call fetches them.
    holidays = frozenset(country_holidays("DK", years=range(2025, 2031)))

    def copenhagen() -> BusinessCalendar:
        return BusinessCalendar("Mon-Fri 09:00-17:00", tz=CPH, holidays=holidays)

    def new_york() -> BusinessCalendar:
        return BusinessCalendar("Mon-Fri 09:00-17:00", tz=NEW_YORK)

    cal = copenhagen()
    starts = _starts(n)
    month = dt.timedelta(days=30)
    two_h = dt.timedelta(hours=2)
    pairs = [(t, t + month) for t in starts]
    for t, u in pairs:  # warm: compile everything the timed calls reach
        cal.add(t, two_h)
        cal.elapsed(t, u)
        cal.next_open(t)
        cal.subtract(t, two_h)
    add, elapsed, is_open, next_open = cal.add, cal.elapsed, cal.is_open, cal.next_open
    exhausted_at, subtract = cal.exhausted_at, cal.subtract
    # pendulum's DateTime (a datetime subclass) takes the general path through the engine.
    p_starts = [pendulum.instance(t) for t in starts]
    p_pairs = [(pendulum.instance(a), pendulum.instance(b)) for a, b in pairs]
    out: dict[str, float] = {}
    out["add"] = _best(lambda: [add(t, two_h) for t in starts], repeats) / n
    out["elapsed"] = _best(lambda: [elapsed(a, b) for a, b in pairs], repeats) / n
    out["is_open"] = _best(lambda: [is_open(t) for t in starts], repeats) / n
    out["next_open"] = _best(lambda: [next_open(t) for t in starts], repeats) / n
    out["exhausted_at"] = _best(lambda: [exhausted_at(t, two_h) for t in starts], repeats) / n
    out["subtract"] = _best(lambda: [subtract(t, two_h) for t in starts], repeats) / n
    out["is_open_pendulum"] = _best(lambda: [is_open(t) for t in p_starts], repeats) / n
    out["elapsed_pendulum"] = _best(lambda: [elapsed(a, b) for a, b in p_pairs], repeats) / n
    out.update(_through_intervals(cal, starts, pairs, repeats))

    rng = np.random.default_rng(2025)
    lo = np.datetime64("2026-01-05T00:00", "us").astype(np.int64)
    x = (lo + rng.integers(0, 350 * 86_400_000_000, bulk_n)).astype("datetime64[us]")
    y = x + np.timedelta64(30, "D")
    d = np.full(bulk_n, 2 * 3_600_000_000, dtype=np.int64).astype("timedelta64[us]")
    cal.add_many(x, d), cal.elapsed_many(x, y), cal.is_open_many(x)  # warm
    bulk_repeats = max(3, repeats // 2)
    out["add_many"] = _best(lambda: cal.add_many(x, d), bulk_repeats) / bulk_n
    out["elapsed_many"] = _best(lambda: cal.elapsed_many(x, y), bulk_repeats) / bulk_n
    out["is_open_many"] = _best(lambda: cal.is_open_many(x), bulk_repeats) / bulk_n

    t0 = dt.datetime(2026, 2, 2, 10, tzinfo=CPH)
    cold: dict[str, tuple[Callable[[], BusinessCalendar], dt.timedelta]] = {
        "cold_weekly": (copenhagen, dt.timedelta(days=3 * 365)),
        "cold_union": (lambda: copenhagen() | new_york(), dt.timedelta(days=365)),
        "cold_intersection": (lambda: copenhagen() & new_york(), dt.timedelta(days=365)),
    }
    for name, (build, span) in cold.items():

        def first(build: Callable[[], BusinessCalendar] = build, span: dt.timedelta = span) -> None:
            build().elapsed(t0, t0 + span)

        # Building counts: combining calendars probes (and so compiles) the result.
        out[name] = _best(first, cold_trials)

    utc = dt.UTC
    june = (dt.datetime(2026, 6, 1, tzinfo=utc), dt.datetime(2026, 7, 1, tzinfo=utc))
    orng = random.Random(7)
    outages = []
    for _ in range(200):
        s = june[0] + dt.timedelta(minutes=orng.randrange(30 * 1440))
        outages.append((s, s + dt.timedelta(minutes=orng.randrange(1, 240)), "partial"))
    measure_availability(outages, june, calendar=cal)  # warm
    out["measure"] = _best(lambda: measure_availability(outages, june, calendar=cal), repeats)

    # The ticket clocks: a year of the example helpdesk replayed, per ticket.
    from slacalc import datasets
    from slacalc.reports import analyze_tickets

    policy = datasets.load_policy()
    tickets = datasets.load_tickets(as_frame=False)
    count = len({row["ticket_id"] for row in tickets})
    analyze_tickets(tickets, policy)  # warm
    out["analyze"] = _best(lambda: analyze_tickets(tickets, policy), max(3, repeats // 2)) / count
    return out


def _through_intervals(
    cal: Any, starts: list[dt.datetime], pairs: list[tuple[dt.datetime, dt.datetime]], repeats: int
) -> dict[str, float]:
    """The warm ``is_open`` and ``elapsed`` asked of the compiled Intervals instead.

    What the inline warm paths save: the same range test on the snapshot, then
    ``x in snap.open`` and ``snap.open.before``. Empty for a version whose snapshot
    holds no Intervals.
    """
    timeline = cal._timeline
    if not hasattr(timeline._snap, "open"):
        return {}
    epoch = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    us = dt.timedelta(microseconds=1)

    def is_open(t: dt.datetime) -> bool:
        x = (t - epoch) // us
        snap = timeline._snap
        if not snap.lo <= x < snap.hi:
            snap = timeline.cover(x, x)
        return x in snap.open

    def elapsed(a: dt.datetime, b: dt.datetime) -> dt.timedelta:
        x, y = (a - epoch) // us, (b - epoch) // us
        snap = timeline._snap
        if not (snap.lo <= x < snap.hi and snap.lo <= y < snap.hi):
            snap = timeline.cover(min(x, y), max(x, y))
        return dt.timedelta(microseconds=snap.open.before(y) - snap.open.before(x))

    assert [is_open(t) for t in starts] == [cal.is_open(t) for t in starts]
    assert [elapsed(a, b) for a, b in pairs] == [cal.elapsed(a, b) for a, b in pairs]
    n = len(starts)
    return {
        "is_open_intervals": _best(lambda: [is_open(t) for t in starts], repeats) / n,
        "elapsed_intervals": _best(lambda: [elapsed(a, b) for a, b in pairs], repeats) / n,
    }


# -- the parent: exports the ref, alternates the two sides, renders the table --------------


def run_side(src: Path, args: argparse.Namespace) -> dict[str, float]:
    """One round of every call on the copy of slacalc in ``src``, in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    worker = [sys.executable, __file__, "--worker", "--n", str(args.n)]
    worker += ["--bulk-n", str(args.bulk_n), "--repeats", str(args.repeats)]
    worker += ["--cold-trials", str(args.cold_trials)]
    done = subprocess.run(worker, env=env, check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout)
    return result


def fmt(seconds: float, name: str) -> str:
    """A time in µs (ns for the per-item bulk figures)."""
    if name in PER_ITEM:
        return f"{seconds * 1e9:,.1f} ns"
    if name.startswith("cold") or name == "measure":
        return f"{seconds * 1e3:,.2f} ms"
    return f"{seconds * 1e6:,.3f} µs"


def render(before: dict[str, float], now: dict[str, float], ref: str, rounds: int) -> str:
    """The Markdown table: each call before and now, and the ratio."""

    def git(*words: str) -> str:
        return subprocess.run(
            ["git", "-C", str(REPO), *words], capture_output=True, text=True
        ).stdout.strip()

    head = git("rev-parse", "--short", "HEAD")
    dirty = " plus uncommitted changes" if git("status", "--porcelain", "src") else ""
    lines = [
        f"before: `{ref}`; now: this checkout (`{head}`{dirty}); "
        f"fastest of {rounds} alternating rounds per side; Python {sys.version.split()[0]}.",
        "",
        "| call | before | now | now / before |",
        "|---|---:|---:|---:|",
    ]
    for name, label in LABELS.items():
        ratio = now[name] / before[name]
        flag = " (slower by more than 5 %)" if ratio > 1.05 else ""
        lines.append(
            f"| {label} | {fmt(before[name], name)} | {fmt(now[name], name)} | {ratio:.3f}{flag} |"
        )
    if "is_open_intervals" in now:
        lines += [
            "",
            "Why the warm paths stay inline (this checkout): the same question asked of the "
            "compiled `Intervals` (`x in snap.open`, `snap.open.before`) after the same range "
            "test.",
            "",
            "| call | inline (public call) | through `Intervals` | ratio |",
            "|---|---:|---:|---:|",
        ]
        for name in ("is_open", "elapsed"):
            inline, through = now[name], now[f"{name}_intervals"]
            lines.append(
                f"| {LABELS[name]} | {fmt(inline, name)} | {fmt(through, name)} "
                f"| {through / inline:.3f} |"
            )
    return "\n".join(lines)


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--ref", default=BASELINE, help=f"the git ref to compare with ({BASELINE})")
    p.add_argument("--rounds", type=int, default=5, help="alternating rounds per side (5)")
    p.add_argument("--n", type=int, default=2000, help="scalar inputs (2000)")
    p.add_argument("--bulk-n", type=int, default=100_000, help="bulk batch size (100000)")
    p.add_argument("--repeats", type=int, default=7, help="timings per round (7)")
    p.add_argument("--cold-trials", type=int, default=5, help="fresh calendars per round (5)")
    p.add_argument("--quick", action="store_true", help="a smoke run: 2 rounds, fewer inputs")
    p.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.quick:
        args.rounds, args.n, args.bulk_n, args.repeats, args.cold_trials = 2, 300, 10_000, 3, 2
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run both sides, alternating, and print the table."""
    args = parse(argv)
    if args.worker:
        print(json.dumps(_worker(args.n, args.bulk_n, args.repeats, args.cold_trials)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        from _harness import export_src  # the parent only: it imports this checkout's slacalc

        old_src = export_src(args.ref, Path(tmp))
        sides = {"before": old_src, "now": REPO / "src"}
        best: dict[str, dict[str, float]] = {"before": {}, "now": {}}
        for r in range(args.rounds):
            order = ("before", "now") if r % 2 == 0 else ("now", "before")
            for side in order:
                print(f"round {r + 1}/{args.rounds}: {side}", file=sys.stderr, flush=True)
                for name, value in run_side(sides[side], args).items():
                    best[side][name] = min(best[side].get(name, float("inf")), value)
    print(render(best["before"], best["now"], args.ref, args.rounds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
