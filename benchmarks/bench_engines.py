"""The ticket report on three engines: tickets per second with pandas, dask and Spark.

    .venv/bin/python benchmarks/bench_engines.py                # 1k, 10k, 100k tickets
    .venv/bin/python benchmarks/bench_engines.py --million      # also 1,000,000 tickets
    .venv/bin/python benchmarks/bench_engines.py --quick        # 1k and 10k: a smoke run
    .venv/bin/python benchmarks/bench_engines.py --write        # also update benchmarks/README.md

One question: how fast do the recipes of docs/guide/scale.md turn a table of ticket
events into the outcome rows of ``analyze_tickets``, on one machine?

- **pandas**: ``analyze_tickets(events, policy).to_frame(exact=True)`` in this process;
- **dask, threads** and **dask, processes**: the guide's recipe (``set_index`` by ticket,
  ``map_partitions(analyze_tickets)``), ``compute`` with dask's threaded scheduler and
  with its process scheduler (as many workers as cores);
- **Spark**: the guide's recipe as it stands (tests/scale/spark_recipe.py, imported
  from there): a ``local[N]`` session, ``mapInPandas`` on events sorted by ticket.

Every engine starts from the same pandas DataFrame of events in this process and ends
with the outcome rows gathered here as a pandas DataFrame (for Spark: ``createDataFrame``
in, ``toPandas`` and ``from_spark`` out, so the transfers are counted). Before it is
timed, each engine's rows are compared with pandas' row for row (``--no-check`` skips
that at the largest size). Spark's session is started once, outside the timing (its
start-up is reported on its own), and warmed with a small job so that its Python workers
are running.

The tickets are bench_tickets.py's seeded synthetic helpdesk on the built-in policy
(2 to 10 events a ticket, 5.5 on average). Timing: wall clock around the whole call;
the best of the repeats (one at 100,000 and above). On a shared machine the wall clock
also counts other processes' time: the report gives the load average.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from _harness import replace_between_markers
from bench_tickets import environment, make_tickets
from slacalc.policy import SLAPolicy, default_policy
from slacalc.reports import analyze_tickets

REPO = Path(__file__).resolve().parent.parent
README = Path(__file__).resolve().parent / "README.md"
ENGINES = ("pandas", "dask-threads", "dask-processes", "spark")
TITLES = {
    "pandas": "pandas",
    "dask-threads": "dask, threads",
    "dask-processes": "dask, processes",
    "spark": "Spark, `mapInPandas`",
}

Run = Callable[[pd.DataFrame], pd.DataFrame]


def by_ticket(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows in ticket order, each ticket's rows in the order they came."""
    return rows.sort_values("ticket_id", kind="stable").reset_index(drop=True)


def pandas_engine(policy: SLAPolicy) -> Run:
    def run(events: pd.DataFrame) -> pd.DataFrame:
        return analyze_tickets(events, policy).to_frame(exact=True)

    return run


def dask_engine(policy: SLAPolicy, scheduler: str, cores: int) -> Run:
    import dask.dataframe as dd

    meta = analyze_tickets([], policy).to_frame(exact=True).astype({"ticket_id": "int64"})

    def analyse(part: pd.DataFrame) -> pd.DataFrame:
        return analyze_tickets(part.reset_index(), policy).to_frame(exact=True)

    def run(events: pd.DataFrame) -> pd.DataFrame:
        # Partitions of about 20,000 tickets, and at least two per core.
        parts = max(2 * cores, events["ticket_id"].nunique() // 20_000)
        by_id = dd.from_pandas(  # type: ignore[no-untyped-call]  # dask leaves it unannotated
            events.set_index("ticket_id"), npartitions=parts, sort=True
        )
        rows = by_id.map_partitions(analyse, meta=meta)
        out: pd.DataFrame = rows.compute(scheduler=scheduler, num_workers=cores)
        return out

    return run


def spark_engine(policy: SLAPolicy, cores: int) -> tuple[Run, float, Callable[[], None]]:
    """The Spark recipe on a local session: the run, the session's start-up seconds, stop."""
    import warnings

    sys.path.insert(0, str(REPO))
    from tests.scale import spark_recipe

    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas")
    warnings.filterwarnings("ignore", "The copy keyword is deprecated")
    t0 = time.perf_counter()
    spark = spark_recipe.local_session(cores, {"spark.driver.memory": "6g"})
    spark.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter() - t0

    def run(events: pd.DataFrame) -> pd.DataFrame:
        frame = spark.createDataFrame(events)
        rows = spark_recipe.analyse_on_spark(frame, policy)
        return spark_recipe.from_spark(rows.toPandas(), policy)

    return run, started, spark.stop


@dataclass
class Row:
    n: int
    events: int
    engine: str
    seconds: float
    repeats: int

    @property
    def per_s(self) -> float:
        return self.n / self.seconds


def _repeats(n: int) -> int:
    return 3 if n <= 10_000 else 1


def bench(
    sizes: Sequence[int], seed: int, cores: int, engines: Sequence[str], check: bool
) -> tuple[list[Row], float]:
    policy = default_policy()
    print(f"generating {max(sizes):,} tickets ...", file=sys.stderr)
    frame = make_tickets(max(sizes), seed).frame()
    ids = frame["ticket_id"].to_numpy()
    runs: dict[str, Run] = {"pandas": pandas_engine(policy)}
    if "dask-threads" in engines:
        runs["dask-threads"] = dask_engine(policy, "threads", cores)
    if "dask-processes" in engines:
        runs["dask-processes"] = dask_engine(policy, "processes", cores)
    started, stop = 0.0, None
    if "spark" in engines:
        print("starting Spark ...", file=sys.stderr)
        runs["spark"], started, stop = spark_engine(policy, cores)
    small = frame[ids < ids[0] + 200]
    for run in runs.values():  # warm: calendars compiled, pools and workers started
        run(small)
    out: list[Row] = []
    try:
        for n in sizes:
            events = frame[ids < ids[0] + n]
            expected = None
            for engine, run in runs.items():
                print(f"  {engine}: {n:,} tickets ...", file=sys.stderr)
                times = []
                for _ in range(_repeats(n)):
                    t0 = time.perf_counter()
                    rows = run(events)
                    times.append(time.perf_counter() - t0)
                if expected is None:
                    expected = by_ticket(rows)
                elif check or n < max(sizes):
                    pd.testing.assert_frame_equal(by_ticket(rows), expected)
                del rows
                out.append(Row(n, len(events), engine, min(times), len(times)))
                print(f"    {min(times):,.2f} s, {n / min(times):,.0f} tickets/s", file=sys.stderr)
    finally:
        if stop is not None:
            stop()
    return out, started


def render(args: argparse.Namespace, rows: list[Row], started: float, load: Any) -> str:
    command = "benchmarks/bench_engines.py " + " ".join(sys.argv[1:])
    lines = [
        f"Run on {environment()}.  ",
        f"Command: `.venv/bin/python {command.strip()}`; seed {args.seed}; {args.cores} "
        f"cores for dask's processes and Spark's `local[{args.cores}]`. Load average "
        f"(1 min) before / after: {load[0]:.2f} / {load[1]:.2f}. Spark's session started "
        f"in {started:.1f} s (not counted below).",
        "",
        "**The ticket report on each engine**: events in a pandas DataFrame → outcome rows "
        "in a pandas DataFrame, every engine's rows equal to pandas' row for row; best "
        "repeat; *vs pandas* = its tickets/s ÷ pandas' at that size; *flat* = µs per "
        f"ticket ÷ that at {rows[0].n:,} on the same engine (1.00× is linear)",
        "",
        "| tickets | events | engine | repeats | seconds | tickets/s | µs per ticket | "
        "vs pandas | flat |",
        "|---:|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    base: dict[str, float] = {}
    pandas_rate: dict[int, float] = {}
    for r in rows:
        us = r.seconds / r.n * 1e6
        base.setdefault(r.engine, us)
        pandas_rate.setdefault(r.n, r.per_s)
        lines.append(
            f"| {r.n:,} | {r.events:,} | {TITLES[r.engine]} | {r.repeats} | {r.seconds:,.2f} | "
            f"{r.per_s:,.0f} | {us:,.1f} | {r.per_s / pandas_rate[r.n]:.2f}× | "
            f"{us / base[r.engine]:.2f}× |"
        )
    return "\n".join(lines)


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--seed", type=int, default=2026, help="the generator's seed (2026)")
    p.add_argument("--sizes", default="1000,10000,100000", help="ticket counts")
    p.add_argument("--million", action="store_true", help="also 1,000,000 tickets")
    p.add_argument("--cores", type=int, default=os.cpu_count() or 2, help="workers (CPUs)")
    p.add_argument(
        "--engines", default=",".join(ENGINES), help=f"a subset of: {', '.join(ENGINES)}"
    )
    p.add_argument("--no-check", action="store_true", help="skip the check at the largest N")
    p.add_argument("--quick", action="store_true", help="a smoke run: 1,000 and 10,000")
    p.add_argument("--write", action="store_true", help="update benchmarks/README.md")
    args = p.parse_args(argv)
    args.sizes = [1000, 10_000] if args.quick else [int(s) for s in args.sizes.split(",")]
    if args.million:
        args.sizes.append(1_000_000)
    args.engines = [e.strip() for e in args.engines.split(",")]
    unknown = set(args.engines) - set(ENGINES)
    if unknown:
        p.error(f"unknown engines {sorted(unknown)}; choose from {', '.join(ENGINES)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    load0 = os.getloadavg()[0]
    rows, started = bench(args.sizes, args.seed, args.cores, args.engines, not args.no_check)
    text = render(args, rows, started, (load0, os.getloadavg()[0]))
    print(text)
    if args.write:
        replace_between_markers(README, "engines", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
