"""SQL over a helpdesk export: slacalc's DuckDB functions against the same work in pandas.

    .venv/bin/python benchmarks/bench_duckdb.py            # 10k, 100k, 1M rows: ~1 min
    .venv/bin/python benchmarks/bench_duckdb.py --quick    # 10k rows, a smoke run

One table of N tickets (seeded): ``opened`` spread over 2026 at any hour, ``solved`` a
random 0-72 hours later, a ``severity`` out of the example policy's four
(``slacalc.datasets.load_policy()``: support hours Mon-Fri 09:00-18:00 in Copenhagen with
Danish holidays, critical on 24x7). Three questions, each asked both ways:

1. ``elapsed``: business time from opened to solved on the support calendar;
2. ``due``: opened + 2 h of business time, and whether the calendar is open at opened;
3. ``sla``: each ticket's resolution deadline on its severity's calendar
   (``sla_due(severity, 'resolution', opened)``) against ``add_many`` per severity in
   pandas (a ``groupby`` over the severities).

A first row, ``floor``, times plain clock arithmetic (``solved - opened``) both ways, with
no slacalc: what DuckDB's scan and its ``.df()`` conversion cost before any function runs.

DuckDB runs ``SELECT ... FROM tickets`` on an Arrow table and fetches the result as a pandas
DataFrame (``.df()``); pandas calls the bulk functions on the DataFrame's aware ``Series``. Both
answers are checked equal before timing. The figure is the best of ``--repeats`` runs, in
ms, and the ratio DuckDB / pandas (below 1: DuckDB is faster).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

import duckdb
from slacalc import datasets
from slacalc import duckdb as sql

SEED = 2026
TZ = "Europe/Copenhagen"


def make_tickets(n: int, seed: int = SEED) -> pd.DataFrame:
    """N seeded tickets: opened over 2026, solved 0-72 h later, a severity each."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2026-01-01", tz=TZ).value // 1000
    year_us = 365 * 86_400_000_000
    opened = start + rng.integers(0, year_us, n)
    solved = opened + rng.integers(0, 72 * 3_600_000_000, n)
    severities = np.array(["critical", "high", "medium", "low"])[rng.integers(0, 4, n)]
    return pd.DataFrame(
        {"opened": _aware(opened), "solved": _aware(solved), "severity": severities}
    )


def _aware(us: np.ndarray) -> pd.Series:
    """Epoch µs as an aware Copenhagen Series."""
    return pd.Series(us.astype("datetime64[us]")).dt.tz_localize("UTC").dt.tz_convert(TZ)


Question = tuple[Callable[[], Any], Callable[[], Any], Callable[[Any, Any], bool]]


def _same(a: pd.Series, b: pd.Series) -> bool:
    """Equal answers (instants compared in UTC)."""
    if str(a.dtype).startswith("datetime64"):
        a, b = a.dt.tz_convert("UTC"), b.dt.tz_convert("UTC")
    return bool(a.reset_index(drop=True).equals(b.reset_index(drop=True)))


def _questions(
    con: duckdb.DuckDBPyConnection,
    df: pd.DataFrame,
    support: Any,
    resolution_due: Callable[[pd.DataFrame], pd.Series],
) -> dict[str, Question]:
    """Each question: the SQL, the pandas call, and the check that they agree."""

    def query(text: str) -> Callable[[], pd.DataFrame]:
        return lambda: con.sql(text).df()

    opened, solved = df["opened"], df["solved"]
    return {
        "floor: solved - opened": (
            query("SELECT solved - opened AS e FROM tickets"),
            lambda: solved - opened,
            lambda d, p: _same(d["e"], p),
        ),
        "elapsed": (
            query("SELECT business_elapsed(opened, solved) AS e FROM tickets"),
            lambda: support.elapsed_many(opened, solved),
            lambda d, p: _same(d["e"], p),
        ),
        "due + is_open": (
            query("SELECT business_add(opened, '2h') AS due, is_open(opened) AS o FROM tickets"),
            lambda: (support.add_many(opened, "2h"), support.is_open_many(opened)),
            lambda d, p: _same(d["due"], p[0]) and _same(d["o"], p[1]),
        ),
        "sla_due by severity": (
            query("SELECT sla_due(severity, 'resolution', opened) AS due FROM tickets"),
            lambda: resolution_due(df),
            lambda d, p: _same(d["due"], p),
        ),
    }


def best_ms(fn: Callable[[], object], repeats: int) -> float:
    """The best of ``repeats`` runs of ``fn``, in ms."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="10k rows only")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    sizes = (10_000,) if args.quick else (10_000, 100_000, 1_000_000)

    policy = datasets.load_policy()
    agreement = policy.to_agreement()
    support = policy.calendar()
    con = duckdb.connect()
    con.execute("SET threads = 1")  # the pandas calls run on one core too
    sql.register(con, policy=policy)

    def resolution_due(df: pd.DataFrame) -> pd.Series:
        out = []
        for severity, group in df.groupby("severity"):
            terms = agreement.severity(str(severity))
            cal = agreement.calendar(terms.calendar)
            if isinstance(terms.resolution, dt.timedelta):
                out.append(cal.add_many(group["opened"], terms.resolution))
            else:
                out.append(pd.Series(pd.NaT, index=group.index, dtype=f"datetime64[us, {TZ}]"))
        return pd.concat(out).sort_index()

    rows = []
    for n in sizes:
        df = make_tickets(n)
        con.register("tickets", pa.Table.from_pandas(df, preserve_index=False))

        questions = _questions(con, df, support, resolution_due)
        for name, (in_sql, in_pandas, agree) in questions.items():
            assert agree(in_sql(), in_pandas()), f"{name} at {n}: DuckDB and pandas disagree"
            a = best_ms(in_sql, args.repeats)
            b = best_ms(in_pandas, args.repeats)
            rows.append((name, n, a, b))

    print(
        f"Run on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {platform.machine()} "
        f"({os.cpu_count()} logical CPUs), CPython {platform.python_version()}, "
        f"duckdb {duckdb.__version__}, pandas {pd.__version__}, pyarrow {pa.__version__}; "
        f"best of {args.repeats}, DuckDB on one thread.\n"
    )
    print("| question | rows | DuckDB ms | pandas ms | DuckDB / pandas | DuckDB rows/s |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, n, a, b in rows:
        print(f"| {name} | {n:,} | {a:.1f} | {b:.1f} | {a / b:.2f} | {n / a * 1000:,.0f} |")


if __name__ == "__main__":
    main()
