"""A million incidents into daily, weekly and monthly availability, and how the cost grows.

    .venv/bin/python benchmarks/bench_incidents.py               # 10k, 100k, 1M incidents
    .venv/bin/python benchmarks/bench_incidents.py --quick       # 10k and 100k: a smoke run
    .venv/bin/python benchmarks/bench_incidents.py --sizes 1000000 --seed 7

One question: ``slacalc.reports.availability_table`` on a DataFrame of N synthetic
incidents over 2026 (aware ``datetime64[us, UTC]`` columns ``start`` and ``end``, a
``severity`` and a ``component`` column), for ``every="day"`` (365 rows),
``"week"`` (53 ISO weeks) and ``"month"`` (12 rows), with the target 99.9 %; then the
same monthly table ``by="component"`` with one group (``all_up``), and a rolling
28-day table. Each call reads the log, merges it and measures every period exactly.

The incidents are seeded: starts uniform over the year, durations exponential with a
mean of 20 minutes (so many overlap at a million), severities 70 % full, 20 % partial,
10 % degraded, four components. Timing is ``time.process_time`` (CPU time of this
process: the machine is shared, so the wall clock would count other people's work),
the best of ``--repeats`` runs; the table also gives µs per incident, and the ratio
to the smallest N (flat is 1.00x: the cost grows linearly; the sort makes it
``O(n log n)``, which shows only as a slow creep).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import platform
import sys
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from slacalc.reports import availability_table, rolling_availability

YEAR_START = np.datetime64("2026-01-01T00:00:00", "us")
YEAR_US = 365 * 86_400 * 1_000_000
COMPONENTS = ["web", "api", "db", "cdn"]


def incidents(n: int, seed: int) -> pd.DataFrame:
    """N seeded incidents over 2026 as a DataFrame with aware columns."""
    rng = np.random.default_rng(seed)
    starts = rng.integers(0, YEAR_US, n)
    lengths = rng.exponential(20 * 60 * 1_000_000, n).astype(np.int64) + 1_000_000
    start = pd.Series(YEAR_START + starts.astype("timedelta64[us]")).dt.tz_localize("UTC")
    end = pd.Series(YEAR_START + (starts + lengths).astype("timedelta64[us]")).dt.tz_localize("UTC")
    severity = rng.choice(["full", "partial", "degraded"], n, p=[0.7, 0.2, 0.1])
    component = rng.choice(COMPONENTS, n)
    return pd.DataFrame({"start": start, "end": end, "severity": severity, "component": component})


CASES: dict[str, Callable[[pd.DataFrame], object]] = {
    "daily (365 rows)": lambda df: availability_table(df, 2026, every="day", target="99.9%"),
    "weekly (53 rows)": lambda df: availability_table(df, 2026, every="week", target="99.9%"),
    "monthly (12 rows)": lambda df: availability_table(df, 2026, every="month", target="99.9%"),
    "monthly per component + group": lambda df: availability_table(
        df, 2026, every="month", by="component", groups={"shop": ["web", "api", "db"]}
    ),
    "rolling 28 days (365 rows)": lambda df: rolling_availability(
        df, 2026, days=28, target="99.9%"
    ),
}


def best_cpu_seconds(call: Callable[[], object], repeats: int) -> float:
    """The best CPU time of ``repeats`` runs of ``call``."""
    times = []
    for _ in range(repeats):
        gc.collect()
        t0 = time.process_time()
        call()
        times.append(time.process_time() - t0)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--quick", action="store_true", help="10k and 100k only")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [10_000, 100_000] if args.quick else [int(x) for x in args.sizes.split(",")]
    print(
        f"python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__},"
        f" {platform.machine()}; CPU seconds (time.process_time), best of {args.repeats}",
        file=sys.stderr,
    )
    results: dict[str, dict[int, float]] = {name: {} for name in CASES}
    for n in sizes:
        df = incidents(n, args.seed)
        for name, case in CASES.items():
            # This iteration's case and frame, bound as defaults.
            def call(
                case: Callable[[pd.DataFrame], object] = case, df: pd.DataFrame = df
            ) -> object:
                return case(df)

            seconds = best_cpu_seconds(call, args.repeats)
            results[name][n] = seconds
            print(f"{n:>9,} {name}: {seconds:.2f} s", file=sys.stderr)
    first = sizes[0]
    print("| call | " + " | ".join(f"{n:,} incidents" for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for name, by_n in results.items():
        cells = []
        for n in sizes:
            per = by_n[n] / n * 1e6
            ratio = per / (by_n[first] / first * 1e6)
            cells.append(f"{by_n[n]:.2f} s ({per:.2f} µs/inc, {ratio:.2f}x)")
        print(f"| {name} | " + " | ".join(cells) + " |")
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d")
    print(f"\n(seed {args.seed}, {stamp})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
