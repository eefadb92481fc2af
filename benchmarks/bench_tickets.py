"""The ticket clocks in bulk: ``policy.evaluate`` per ticket and ``analyze_tickets`` per second.

    .venv/bin/python benchmarks/bench_tickets.py               # 1k, 10k, 100k tickets: ~3 min
    .venv/bin/python benchmarks/bench_tickets.py --million     # also 1,000,000 tickets
    .venv/bin/python benchmarks/bench_tickets.py --quick       # a smoke run, ~20 s
    .venv/bin/python benchmarks/bench_tickets.py --write       # also update benchmarks/README.md

Three questions, on the built-in policy (``slacalc.policy.default_policy()``: four
severities, support hours Mon-Fri 09:00-18:00 in Copenhagen with Danish holidays, the
critical one on a 24x7 calendar) and on the example helpdesk's year
(``slacalc.datasets``: its own policy and 380 tickets):

1. ``policy.evaluate`` warm, µs per ticket, by the ticket's number of events (2 to 10),
   events given as dicts as a helpdesk export gives them, ``at`` = the last event;
2. ``analyze_tickets`` on a DataFrame of N = 1,000, 10,000, 100,000 (and, with
   ``--million``, 1,000,000) synthetic tickets, in this process: tickets per second,
   and µs per ticket against the smallest N (flat is 1.00x);
3. the same with ``workers=`` (a process pool; ``--workers``, default the CPU count).

The synthetic tickets are seeded (``--seed``) and realistic: arrivals over 2026, four in
five on weekdays in office hours (peaking mid-morning), the rest at any hour; a severity
mix of 5 % critical, 25 % high, 45 % medium, 25 % low; a response after an exponential
delay whose mean grows with the severity (some breach), up to three spells waiting on
the customer (a third of the tickets wait once, fewer twice or three times: ``paused``,
then ``customer_replied`` and ``resumed`` at one instant, often a fresh ``responded``),
a severity change in one ticket of ten, a resolution in most, a reopening in some, a
``closed`` a few days after resolving in half; 2 to 10 events each (5 on average).
They are valid histories (a strict replay accepts every one).

Timing: CPU time (``os.times``: this process's, plus its finished workers') around
whole calls, since on a shared machine the wall clock also counts time other
processes take; with a pool the wall-clock time is given too, as that is what a pool
buys. For ``evaluate`` the garbage collector is off while timing (as ``timeit`` does)
and the figure is the median of the repeats (the best is in brackets);
``analyze_tickets`` runs as users run it (it pauses automatic garbage collection
itself), and the figure is the repeat with the least CPU time (the only one at
1,000,000). The table also gives the share of a CPU the process got and the load
average.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from slacalc import datasets
from slacalc.policy import default_policy
from slacalc.reports import analyze_tickets

README = Path(__file__).resolve().parent / "README.md"
START_MARK = "<!-- tickets:start -->"
END_MARK = "<!-- tickets:end -->"
CPH = ZoneInfo("Europe/Copenhagen")
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
US = dt.timedelta(microseconds=1)
MINUTE = 60_000_000
SEVERITIES = ("critical", "high", "medium", "low")
SEVERITY_WEIGHTS = (5, 25, 45, 25)
#: Mean wall-clock delays in minutes: first response, resolution after the response.
RESPONSE_MIN = {"critical": 10, "high": 45, "medium": 180, "low": 720}
RESOLVE_MIN = {"critical": 120, "high": 480, "medium": 1800, "low": 4800}
TARGET_US = 30.0  # policy.evaluate, warm, per ordinary ticket (up to 10 events)
TARGET_PER_S = 20_000  # analyze_tickets, tickets per second


# -- the synthetic helpdesk ---------------------------------------------------------------


@dataclass
class Events:
    """Event rows as columns: ticket id, kind, instant (epoch µs), severity."""

    ids: list[int]
    kinds: list[str]
    at_us: list[int]
    severities: list[str | None]

    def frame(self) -> pd.DataFrame:
        """The rows as a DataFrame: aware ``datetime64[us, Europe/Copenhagen]`` instants."""
        at = pd.DatetimeIndex(np.array(self.at_us, dtype="datetime64[us]"))
        return pd.DataFrame(
            {
                "ticket_id": np.array(self.ids, dtype=np.int64),
                "kind": self.kinds,
                "at": at.tz_localize("UTC").tz_convert(CPH),
                "severity": self.severities,
            }
        )

    def tickets(self) -> dict[int, list[dict[str, Any]]]:
        """Each ticket's events as dicts, as ``policy.evaluate`` takes them."""
        out: dict[int, list[dict[str, Any]]] = {}
        for ticket, kind, x, severity in zip(
            self.ids, self.kinds, self.at_us, self.severities, strict=True
        ):
            event: dict[str, Any] = {"kind": kind, "at": (EPOCH + x * US).astimezone(CPH)}
            if severity is not None:
                event["severity"] = severity
            out.setdefault(ticket, []).append(event)
        return out


def _arrival(rng: random.Random) -> int:
    """When a ticket arrives in 2026: mostly office hours on weekdays, else any time."""
    while True:
        day = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(365))
        if rng.random() < 0.8:
            if day.weekday() >= 5:
                continue
            minute = int(rng.triangular(8 * 60, 18 * 60, 10.5 * 60))
        else:
            minute = rng.randrange(24 * 60)
        local = dt.datetime(day.year, day.month, day.day, *divmod(minute, 60), tzinfo=CPH)
        return (local - EPOCH) // US + rng.randrange(60) * 1_000_000


def _ticket(rng: random.Random, ticket: int, out: Events) -> None:
    """One ticket's valid history, appended to ``out``."""
    severity = rng.choices(SEVERITIES, SEVERITY_WEIGHTS)[0]
    t = _arrival(rng)
    rows: list[tuple[str, int, str | None]] = [("opened", t, severity)]

    def after(mean_min: float) -> int:
        return max(MINUTE, int(rng.expovariate(1 / mean_min) * MINUTE))

    responded = rng.random() < 0.93
    if responded:
        t += after(RESPONSE_MIN[severity])
        rows.append(("responded", t, None))
    for regrade, wait in ((0.08, 0.35), (0.02, 0.15), (0.0, 0.07)):
        if rng.random() < regrade:
            severity = rng.choice([s for s in SEVERITIES if s != severity])
            t += after(60)
            rows.append(("severity_changed", t, severity))
        if rng.random() < wait:
            t += after(30)
            rows.append(("paused", t, None))
            t += after(rng.choice((60, 600, 2880)))
            rows.append(("customer_replied", t, None))
            rows.append(("resumed", t, None))
            if rng.random() < 0.5:
                t += after(RESPONSE_MIN[severity])
                rows.append(("responded", t, None))
    if rng.random() < 0.88 or len(rows) == 1:
        t += after(RESOLVE_MIN[severity])
        rows.append(("resolved", t, None))
        if rng.random() < 0.1:
            t += after(1440)
            rows.append(("reopened", t, None))
            if rng.random() < 0.6:
                t += after(RESPONSE_MIN[severity])
                rows.append(("responded", t, None))
            t += after(RESOLVE_MIN[severity])
            rows.append(("resolved", t, None))
        if rng.random() < 0.5:
            t += after(3 * 1440)
            rows.append(("closed", t, None))
    for kind, x, sev in rows[:10]:
        out.ids.append(ticket)
        out.kinds.append(kind)
        out.at_us.append(x)
        out.severities.append(sev)


def make_tickets(n: int, seed: int, first_id: int = 100_000) -> Events:
    """``n`` seeded synthetic tickets (a longer set with the same seed starts the same)."""
    rng = random.Random(seed)
    out = Events([], [], [], [])
    for i in range(n):
        _ticket(rng, first_id + i, out)
    return out


# -- timing --------------------------------------------------------------------------------


def _timed(fn: Callable[[], object], repeats: int, gc_off: bool) -> list[float]:
    """CPU seconds of this process in each of ``repeats`` calls of ``fn``."""
    return [own for _, own, _ in _timed_cpu(fn, repeats, gc_off)]


def _timed_cpu(
    fn: Callable[[], object], repeats: int, gc_off: bool
) -> list[tuple[float, float, float]]:
    """Wall-clock, own CPU and finished child processes' CPU seconds of each call.

    Own CPU time is ``time.process_time`` (fine-grained); the children's comes from
    ``os.times``, whose clock ticks are coarser but whose calls are long.
    """
    out = []
    for _ in range(repeats):
        if gc_off:
            gc.disable()
        try:
            before = os.times()
            t0, c0 = time.perf_counter(), time.process_time()
            fn()
            own = time.process_time() - c0
            wall = time.perf_counter() - t0
            after = os.times()
        finally:
            gc.enable()
            gc.collect()
        children = (after.children_user + after.children_system) - (
            before.children_user + before.children_system
        )
        out.append((wall, own, children))
    return out


@dataclass
class EvalRow:
    label: str
    tickets: int
    median_us: float
    best_us: float


def bench_evaluate(
    policy: Any, by_count: dict[int, list[list[dict[str, Any]]]], repeats: int
) -> list[EvalRow]:
    """``policy.evaluate`` warm, µs per ticket, per number of events."""
    rows = []
    everything: list[list[dict[str, Any]]] = []
    for count in sorted(by_count):
        sample = by_count[count]
        everything += sample
        rows.append(_evaluate_row(policy, f"{count} events", sample, repeats))
    rows.append(_evaluate_row(policy, "all of the above", everything, repeats))
    return rows


def _evaluate_row(
    policy: Any, label: str, sample: list[list[dict[str, Any]]], repeats: int
) -> EvalRow:
    calls = [(events, events[-1]["at"]) for events in sample]
    evaluate = policy.evaluate

    def loop() -> None:
        for events, at in calls:
            evaluate(events, at=at)

    loop()  # warm: every calendar compiled, every cache filled
    times = [t / len(calls) * 1e6 for t in _timed(loop, repeats, gc_off=True)]
    return EvalRow(label, len(calls), statistics.median(times), min(times))


@dataclass
class BulkRow:
    n: int
    workers: int | None
    events: int
    best_s: float
    median_s: float
    repeats: int
    cpu_s: float  # this process, in the best repeat
    workers_cpu_s: float  # the pool's processes, in the best repeat

    @property
    def per_s(self) -> float:
        """Tickets per second of wall-clock time."""
        return self.n / self.best_s

    @property
    def per_cpu_s(self) -> float:
        """Tickets per CPU second of this process and its workers."""
        return self.n / (self.cpu_s + self.workers_cpu_s)

    @property
    def us(self) -> float:
        """CPU µs per ticket (this process and its workers)."""
        return (self.cpu_s + self.workers_cpu_s) / self.n * 1e6

    @property
    def verdict_per_s(self) -> float:
        """What the target is judged on: CPU time in one process, wall time with a pool."""
        return self.per_cpu_s if self.workers is None else self.per_s


def _repeats(n: int, quick: bool) -> int:
    if quick:
        return 2 if n <= 10_000 else 1
    return 7 if n <= 1_000 else 3 if n <= 10_000 else 2 if n <= 100_000 else 1


def bench_bulk(
    events: Events, sizes: Sequence[int], workers: Sequence[int | None], quick: bool
) -> list[BulkRow]:
    """``analyze_tickets`` over the first N tickets of the sample, per worker count."""
    policy = default_policy()
    frame = events.frame()
    ids = frame["ticket_id"].to_numpy()
    # The rows of the first N tickets: ids grow with the ticket, so a prefix.
    ends = np.searchsorted(ids, ids[0] + np.asarray(sizes), side="left")
    out = []
    for n, end in zip(sizes, ends, strict=True):
        part = frame.iloc[: int(end)]
        for w in workers:
            repeats = _repeats(n, quick)
            if n <= 10_000:  # warm; a large set warms itself within its first tickets
                analyze_tickets(part.iloc[: min(len(part), 20_000)], policy, workers=w)
            print(f"  analyze_tickets: {n:,} tickets, workers={w} ...", file=sys.stderr)

            # This iteration's rows and pool size, bound as defaults.
            def analyze(p: pd.DataFrame = part, w: int | None = w) -> object:
                return analyze_tickets(p, policy, workers=w)

            runs = _timed_cpu(analyze, repeats, False)
            best = min(runs, key=lambda run: run[1] + run[2])  # the least CPU time
            median = statistics.median(wall for wall, _, _ in runs)
            out.append(BulkRow(n, w, len(part), best[0], median, repeats, best[1], best[2]))
    return out


def bench_example(repeats: int, workers: int) -> dict[str, float]:
    """The example year (380 tickets): evaluate per ticket, analyze per ticket."""
    policy = datasets.load_policy()
    frame = datasets.load_tickets(as_frame=True)
    records = datasets.load_tickets(as_frame=False)
    tickets: dict[object, list[dict[str, Any]]] = {}
    for r in records:
        event = {"kind": r["kind"], "at": r["at"]}
        if r["severity"] is not None:
            event["severity"] = r["severity"]
        tickets.setdefault(r["ticket_id"], []).append(event)
    n = len(tickets)
    row = _evaluate_row(policy, "example year", list(tickets.values()), repeats)
    out = {"tickets": n, "events": len(records), "evaluate_us": row.median_us}
    for name, data, w in (
        ("frame", frame, None),
        ("records", records, None),
        (f"frame_workers{workers}", frame, workers),
    ):
        analyze_tickets(data, policy, workers=w)

        # This iteration's input and pool size, bound as defaults.
        def analyze(d: object = data, w: int | None = w) -> object:
            return analyze_tickets(d, policy, workers=w)

        runs = _timed_cpu(analyze, repeats, False)
        times = [own + pool for _, own, pool in runs]
        out[name] = min(times) / n * 1e6
    return out


# -- the report ----------------------------------------------------------------------------


def environment() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import subprocess

    head = subprocess.run(
        ["git", "-C", str(README.parent), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return (
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {cpu} ({os.cpu_count()} logical "
        f"CPUs), {platform.platform(terse=True)}, CPython {platform.python_version()}, "
        f"pandas {pd.__version__}, numpy {np.__version__}, slacalc at git {head}"
    )


def render(
    args: argparse.Namespace,
    evals: list[EvalRow],
    bulk: list[BulkRow],
    example: dict[str, float],
    cpu_share: float,
    load: tuple[float, float],
) -> str:
    command = "benchmarks/bench_tickets.py " + " ".join(sys.argv[1:])
    lines = [
        f"Run on {environment()}.  ",
        f"Command: `.venv/bin/python {command.strip()}`; seed {args.seed}. The process got "
        f"{cpu_share:.0%} of a CPU over the run (its own, not its workers'); load average "
        f"(1 min) before / after: {load[0]:.2f} / {load[1]:.2f}.",
        "",
        f"**`policy.evaluate`, warm, CPU µs per ticket** (built-in policy, events as dicts; "
        f"median of {args.repeats} repeats, best in brackets; target ≤ {TARGET_US:.0f} µs)",
        "",
        "| events | tickets | µs per ticket | target |",
        "|---|---:|---:|---|",
    ]
    for r in evals:
        verdict = "pass" if r.median_us <= TARGET_US else "**FAIL**"
        lines.append(
            f"| {r.label} | {r.tickets:,} | {r.median_us:,.1f} ({r.best_us:,.1f}) | {verdict} |"
        )
    lines += [
        "",
        "**`analyze_tickets` on a DataFrame of synthetic tickets** (built-in policy; the "
        f"repeat with the least CPU time; flat = CPU µs per ticket ÷ that at {bulk[0].n:,}; "
        f"target ≥ {TARGET_PER_S:,} tickets/s, judged on CPU time in one process and on "
        "wall-clock time with a pool)",
        "",
        "| tickets | events | workers | repeats | wall s | tickets/s (wall) | CPU s: this "
        "process + workers | tickets/s (CPU) | CPU µs per ticket | flat | target |",
        "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    base: dict[int | None, float] = {}
    for b in bulk:
        base.setdefault(b.workers, b.us)
        verdict = "pass" if b.verdict_per_s >= TARGET_PER_S else "**FAIL**"
        lines.append(
            f"| {b.n:,} | {b.events:,} | {b.workers or 'none (1 process)'} | {b.repeats} | "
            f"{b.best_s:,.2f} | {b.per_s:,.0f} | {b.cpu_s:,.2f} + {b.workers_cpu_s:,.2f} | "
            f"{b.per_cpu_s:,.0f} | {b.us:,.1f} | {b.us / base[b.workers]:.2f}× | {verdict} |"
        )
    w = args.workers[-1]
    lines += [
        "",
        f"**The example year** (`slacalc.datasets`: {example['tickets']:.0f} tickets, "
        f"{example['events']:.0f} events, its own policy), CPU µs per ticket (with "
        "workers: this process's and the pool's)",
        "",
        "| call | µs per ticket | tickets/s |",
        "|---|---:|---:|",
        f"| `policy.evaluate`, warm, events as dicts (median) | {example['evaluate_us']:,.1f} | "
        f"{1e6 / example['evaluate_us']:,.0f} |",
        f"| `analyze_tickets(DataFrame)` | {example['frame']:,.1f} | "
        f"{1e6 / example['frame']:,.0f} |",
        f"| `analyze_tickets(list of dicts)` | {example['records']:,.1f} | "
        f"{1e6 / example['records']:,.0f} |",
        f"| `analyze_tickets(DataFrame, workers={w})` | {example[f'frame_workers{w}']:,.1f} | "
        f"{1e6 / example[f'frame_workers{w}']:,.0f} |",
    ]
    return "\n".join(lines)


def write_readme(text: str) -> None:
    readme = README.read_text()
    start, end = readme.index(START_MARK), readme.index(END_MARK)
    README.write_text(readme[: start + len(START_MARK)] + "\n" + text + "\n" + readme[end:])


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--seed", type=int, default=2026, help="the generator's seed (2026)")
    p.add_argument("--sizes", default="1000,10000,100000", help="ticket counts")
    p.add_argument("--million", action="store_true", help="also 1,000,000 tickets")
    p.add_argument(
        "--workers",
        default=str(os.cpu_count() or 2),
        help="pool sizes for the parallel rows, comma-separated (the CPU count)",
    )
    p.add_argument("--per-count", type=int, default=300, help="tickets per event count (300)")
    p.add_argument("--repeats", type=int, default=7, help="repeats of the evaluate loops (7)")
    p.add_argument("--quick", action="store_true", help="a smoke run")
    p.add_argument("--write", action="store_true", help="update benchmarks/README.md")
    args = p.parse_args(argv)
    args.sizes = [int(s) for s in args.sizes.split(",")]
    if args.million:
        args.sizes.append(1_000_000)
    args.workers = [int(w) for w in args.workers.split(",") if w]
    if args.quick:
        args.sizes, args.per_count, args.repeats = [1000, 10_000], 50, 3
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    load0 = os.getloadavg()[0]
    wall0, cpu0 = time.perf_counter(), time.process_time()
    print(f"generating {max(args.sizes):,} tickets ...", file=sys.stderr)
    events = make_tickets(max(args.sizes), args.seed)
    sample = make_tickets(20_000, args.seed + 1, first_id=1)
    by_count: dict[int, list[list[dict[str, Any]]]] = {}
    for ticket in sample.tickets().values():
        chosen = by_count.setdefault(len(ticket), [])
        if len(chosen) < args.per_count:
            chosen.append(ticket)
    print("policy.evaluate ...", file=sys.stderr)
    evals = bench_evaluate(default_policy(), by_count, args.repeats)
    print("the example year ...", file=sys.stderr)
    example = bench_example(args.repeats, args.workers[-1])
    bulk = bench_bulk(events, args.sizes, [None, *args.workers], args.quick)
    share = (time.process_time() - cpu0) / (time.perf_counter() - wall0)
    text = render(args, evals, bulk, example, share, (load0, os.getloadavg()[0]))
    print(text)
    if args.write:
        write_readme(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
