"""Monitoring data into availability: probe rows and request-count rows per month.

How the cost of :func:`slacalc.probe_outages`, :func:`slacalc.measure_requests` and
:func:`slacalc.measure_timeslices` grows from 100,000 to 10,000,000 rows in one calendar
month, with NumPy, in CPU seconds (``time.process_time``: the machine is shared).

- probes: 20 locations checking in turn, so the rows come sorted by time, not by
  location; one result in 200 fails, in bursts; ``failing=1`` and ``failing=3``.
- counts: one row ``(start, end, good, total)`` per slot, slots spread evenly over the
  month; Occurrences, Timeslices on 1-minute slices (10 % threshold, at least 100
  requests), RatioTimeslices on 5-minute slices.

Run with ``python benchmarks/bench_sli.py [--sizes 100000,1000000,10000000]``.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import numpy as np

import slacalc

MONTH = slacalc.calendar_month(2026, 3)
START = np.datetime64("2026-03-01T00:00:00", "us")
MONTH_US = 31 * 24 * 3600 * 1_000_000


def probes(n: int, seed: int = 2026) -> dict[str, object]:
    """``n`` probe rows over the month from 20 locations, sorted by time."""
    rng = np.random.default_rng(seed)
    step = MONTH_US // n
    times = START + (np.arange(n, dtype=np.int64) * step).astype("timedelta64[us]")
    burst = rng.random(n // 50 + 1) < 0.25  # a quarter of 50-row stretches are flaky
    ok = ~(np.repeat(burst, 50)[:n] & (rng.random(n) < 0.02))
    names = np.array([f"loc{i:02d}" for i in range(20)])
    return {"time": times, "success": ok, "location": names[np.arange(n) % 20]}


def counts(n: int, seed: int = 2026) -> dict[str, object]:
    """``n`` request-count rows over the month, each within one minute."""
    rng = np.random.default_rng(seed)
    step = MONTH_US // n
    start = START + (np.arange(n, dtype=np.int64) * step).astype("timedelta64[us]")
    total = rng.integers(0, 400, n)
    good = total - rng.binomial(total, 0.002)
    return {"start": start, "end": start, "good": good, "total": total}


def clock(call: Callable[[], object]) -> float:
    """CPU seconds of one call."""
    began = time.process_time()
    call()
    return time.process_time() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000,10000000")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    print(
        "| rows | probes, any location | probes, 3 of 20 | Occurrences "
        "| Timeslices 1 min | RatioTimeslices 5 min |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    row(1000)  # warm up: the first call imports what the readers use (pandas)
    for n in sizes:
        print(f"| {n:,} | " + " | ".join(f"{s:.2f} s" for s in row(n)) + " |", flush=True)


def row(n: int) -> list[float]:
    """The CPU seconds of each call on ``n`` rows."""
    p, c = probes(n), counts(n)
    return [
        clock(lambda: slacalc.probe_outages(p, interval="1m")),
        clock(lambda: slacalc.probe_outages(p, interval="1m", failing=3)),
        clock(lambda: slacalc.measure_requests(c, MONTH)),
        clock(
            lambda: slacalc.measure_timeslices(
                c, MONTH, slice="1m", threshold="10%", min_requests=100
            )
        ),
        clock(lambda: slacalc.measure_timeslices(c, MONTH, slice="5m", method="ratio_timeslices")),
    ]


if __name__ == "__main__":
    main()
