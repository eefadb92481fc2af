"""add: the deadline 2 h and 400 h of business time after each start.

Run alone with ``python benchmarks/bench_add.py [--quick]``; ``run.py`` runs every question.
"""

from __future__ import annotations

import datetime as dt
import operator

import pandas as pd
from pandas.tseries.offsets import CustomBusinessHour

import _peers
from _harness import (
    Case,
    ColdCase,
    Context,
    Question,
    instants_us,
    ints64,
    slacalc_calendar,
    to_us,
    utc64,
)

DURATIONS = (("add_2h", "add 2 h", 2), ("add_400h", "add 400 h", 400))


def questions(ctx: Context) -> list[Question]:
    cal = ctx.cal
    schedule = _peers.workclock_schedule(ctx.dates)
    out = []
    for key, title, hours in DURATIONS:
        d = dt.timedelta(hours=hours)
        items = ctx.starts
        refs = {
            "add": [to_us(cal.add(t, d)) for t in items],
            "exhausted_at": [to_us(cal.exhausted_at(t, d)) for t in items],
        }
        offset = _peers.pandas_offset(ctx.dates, hours)

        # Each case keeps this iteration's duration and offset (bound as defaults).
        def with_d(t: dt.datetime, d: dt.timedelta = d) -> tuple[dt.datetime, dt.timedelta]:
            return t, d

        def with_text(t: dt.datetime, s: str = f"{hours}h") -> tuple[dt.datetime, str]:
            return t, s

        def with_offset(
            t: dt.datetime, o: CustomBusinessHour = offset
        ) -> tuple[pd.Timestamp, CustomBusinessHour]:
            return _peers.pandas_timestamp(t), o

        q = Question(key, title, items, refs)
        q.cases = [
            Case(
                "slacalc",
                f"cal.add(t, timedelta(hours={hours}))",
                cal.add,
                2,
                with_d,
            ),
            Case(
                "slacalc",
                f"cal.exhausted_at(t, timedelta(hours={hours}))",
                cal.exhausted_at,
                2,
                with_d,
                primary=False,
                note="the earliest landing, like workclock's add",
            ),
            Case(
                "slacalc",
                f'cal.add(t, "{hours}h")',
                cal.add,
                2,
                with_text,
                primary=False,
                note="duration as a string (parsed, lru-cached)",
            ),
            Case(
                "workclock",
                f"schedule.add(t, timedelta(hours={hours}))",
                schedule.add,
                2,
                with_d,
                lambda r, x: to_us(r),
                "exhausted_at",
            ),
            Case(
                "pandas",
                f"ts + CustomBusinessHour(n={hours}, …)",
                operator.add,
                2,
                with_offset,
                lambda r, x: to_us(r.to_pydatetime()),
                "add",
            ),
            Case(
                "workclock",
                f"schedule.add_many(list, timedelta(hours={hours}))",
                lambda b, d=d: schedule.add_many(b, d),
                0,
                lambda t: t,
                instants_us,
                "exhausted_at",
                batch_prepare=list,
                note="list of aware datetimes in and out",
            ),
            Case(
                "workclock",
                f"schedule.add_many(datetime64[us], timedelta(hours={hours}))",
                lambda b, d=d: schedule.add_many(b, d),
                0,
                lambda t: t,
                ints64,
                "exhausted_at",
                batch_prepare=utc64,
                note="NumPy array in and out",
            ),
        ]
        if hasattr(cal, "add_many"):
            q.cases += [
                Case(
                    "slacalc",
                    f"cal.add_many(list, timedelta(hours={hours}))",
                    lambda b, d=d: cal.add_many(b, d),
                    0,
                    lambda t: t,
                    instants_us,
                    "add",
                    batch_prepare=list,
                    note="list of aware datetimes in and out",
                ),
                Case(
                    "slacalc",
                    f"cal.add_many(datetime64[us], timedelta(hours={hours}))",
                    lambda b, d=d: cal.add_many(b, d),
                    0,
                    lambda t: t,
                    ints64,
                    "add",
                    batch_prepare=utc64,
                    note="NumPy array in and out",
                ),
            ]
        out.append(q)
    return out


def cold(ctx: Context) -> dict[str, ColdCase]:
    """First ``add 2 h`` on a freshly built calendar, per library."""
    d = dt.timedelta(hours=2)
    return {
        "slacalc": ColdCase(slacalc_calendar, lambda cal, t: cal.add(t, d)),
        "workclock": ColdCase(
            lambda: _peers.workclock_schedule(ctx.dates), lambda s, t: s.add(t, d)
        ),
        "pandas": ColdCase(
            lambda: _peers.pandas_offset(ctx.dates, 2), lambda o, t: _peers.pandas_timestamp(t) + o
        ),
    }


if __name__ == "__main__":
    import run

    raise SystemExit(run.main(only=("add",)))
