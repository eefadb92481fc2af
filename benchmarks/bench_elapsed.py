"""elapsed: business time between each start and the instant ~1 day, ~30 days, ~3 years later.

The end is the start plus the span in absolute time. Run alone with
``python benchmarks/bench_elapsed.py [--quick]``; ``run.py`` runs every question.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import _peers
from _harness import (
    OPEN_PER_DAY,
    US,
    Case,
    ColdCase,
    Context,
    Question,
    durations_us,
    ints64,
    naive,
    slacalc_calendar,
    span_pairs,
    utc64,
)

SPANS = (
    ("elapsed_1d", "elapsed 1 day", dt.timedelta(days=1)),
    ("elapsed_30d", "elapsed 30 days", dt.timedelta(days=30)),
    ("elapsed_3y", "elapsed 3 years", dt.timedelta(days=3 * 365)),
)
Pair = tuple[dt.datetime, dt.datetime]


def _utc64(items: list[Pair]) -> tuple[Any, Any]:
    return utc64([a for a, _ in items]), utc64([b for _, b in items])


def _lists(items: list[Pair]) -> tuple[list[dt.datetime], list[dt.datetime]]:
    return [a for a, _ in items], [b for _, b in items]


def _naive_pair(p: Pair) -> Pair:
    return naive(p[0]), naive(p[1])


def _businesstime_us(r: dt.timedelta, _: Any) -> int:
    # businesstime's .days counts whole business days of 8 h; the rest is time.
    return (r.days * OPEN_PER_DAY + (r - dt.timedelta(days=r.days))) // US


def questions(ctx: Context) -> list[Question]:
    cal = ctx.cal
    schedule = _peers.workclock_schedule(ctx.dates)
    bdur = _peers.business_duration_fn(ctx.dates)
    btime = _peers.businesstime_calendar(ctx.dates)
    bizd = _peers.bizdurr_calendar(ctx.dates)
    out = []
    for key, title, span in SPANS:
        items = span_pairs(ctx.starts, span)
        refs = {"elapsed": [cal.elapsed(a, b) // US for a, b in items]}
        q = Question(key, title, items, refs)
        q.cases = [
            Case("slacalc", "cal.elapsed(a, b)", cal.elapsed, 2, tuple),
            Case(
                "workclock",
                "schedule.between(a, b)",
                schedule.between,
                2,
                tuple,
                lambda r, x: r // US,
                "elapsed",
            ),
            Case(
                "business-duration",
                "businessDuration(a, b, …, unit='sec')",
                bdur,
                2,
                _naive_pair,
                lambda r, x: round(r * 1_000_000),
                "elapsed",
                note="naive wall clock",
            ),
            Case(
                "businesstime",
                "bt.businesstimedelta(a, b)",
                btime.businesstimedelta,
                2,
                _naive_pair,
                _businesstime_us,
                "elapsed",
                note="naive wall clock",
            ),
            Case(
                "businesstime",
                "bt.businesstimedelta(naive(a), naive(b))",
                lambda a, b: btime.businesstimedelta(naive(a), naive(b)),
                2,
                tuple,
                _businesstime_us,
                "elapsed",
                primary=False,
                note="the same from aware datetimes: the conversion to naive Copenhagen "
                "wall time is timed",
            ),
            Case(
                "bizdurr",
                "bd.calculate(a, b)",
                bizd.calculate,
                2,
                tuple,
                lambda r, x: r // US,
                "elapsed",
            ),
            Case(
                "workclock",
                "schedule.between_many(list, list)",
                lambda b: schedule.between_many(*b),
                0,
                tuple,
                durations_us,
                "elapsed",
                batch_prepare=_lists,
                note="lists of aware datetimes in, list out",
            ),
            Case(
                "workclock",
                "schedule.between_many(datetime64[us], datetime64[us])",
                lambda b: schedule.between_many(*b),
                0,
                tuple,
                ints64,
                "elapsed",
                batch_prepare=_utc64,
                note="NumPy arrays in and out",
            ),
        ]
        if hasattr(cal, "elapsed_many"):
            q.cases += [
                Case(
                    "slacalc",
                    "cal.elapsed_many(list, list)",
                    lambda b: cal.elapsed_many(*b),
                    0,
                    tuple,
                    durations_us,
                    "elapsed",
                    batch_prepare=_lists,
                    note="lists of aware datetimes in, list out",
                ),
                Case(
                    "slacalc",
                    "cal.elapsed_many(datetime64[us], datetime64[us])",
                    lambda b: cal.elapsed_many(*b),
                    0,
                    tuple,
                    ints64,
                    "elapsed",
                    batch_prepare=_utc64,
                    note="NumPy arrays in and out",
                ),
            ]
        out.append(q)
    return out


def cold(ctx: Context) -> dict[str, ColdCase]:
    """First ``elapsed`` over 3 years on a freshly built calendar, per library."""
    span = SPANS[-1][2]

    def pair(t: dt.datetime) -> Pair:
        return span_pairs([t], span)[0]

    return {
        "slacalc": ColdCase(slacalc_calendar, lambda cal, t: cal.elapsed(*pair(t))),
        "workclock": ColdCase(
            lambda: _peers.workclock_schedule(ctx.dates), lambda s, t: s.between(*pair(t))
        ),
        "business-duration": ColdCase(
            None, lambda _, t: _peers.business_duration_fn(ctx.dates)(*_naive_pair(pair(t)))
        ),
        "businesstime": ColdCase(
            lambda: _peers.businesstime_calendar(ctx.dates),
            lambda c, t: c.businesstimedelta(*_naive_pair(pair(t))),
        ),
        "bizdurr": ColdCase(
            lambda: _peers.bizdurr_calendar(ctx.dates), lambda c, t: c.calculate(*pair(t))
        ),
    }


if __name__ == "__main__":
    import run

    raise SystemExit(run.main(only=("elapsed",)))
