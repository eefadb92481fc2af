"""is_open: whether the calendar is open at each start instant.

Run alone with ``python benchmarks/bench_is_open.py [--quick]``; ``run.py`` runs every
question.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import _peers
from _harness import (
    US,
    Case,
    ColdCase,
    Context,
    Question,
    bools,
    naive,
    slacalc_calendar,
    utc64,
)

ZERO = dt.timedelta(0)


def questions(ctx: Context) -> list[Question]:
    cal = ctx.cal
    schedule = _peers.workclock_schedule(ctx.dates)
    offset = _peers.pandas_offset(ctx.dates)
    btime = _peers.businesstime_calendar(ctx.dates)
    bizd = _peers.bizdurr_calendar(ctx.dates)
    items = ctx.starts
    q = Question("is_open", "is_open", items, {"is_open": [cal.is_open(t) for t in items]})

    def bool_of(r: Any, _: Any) -> bool:
        return bool(r)

    q.cases = [
        Case("slacalc", "cal.is_open(t)", cal.is_open, 1, lambda t: t),
        Case(
            "workclock",
            "schedule.between(t, t + 1 µs) > 0",
            schedule.between,
            2,
            lambda t: (t, t + US),
            lambda r, x: r > ZERO,
            "is_open",
            note="emulated: workclock has no is_open",
        ),
        Case(
            "workclock",
            "schedule.next_period(t)[0] == t",
            schedule.next_period,
            1,
            lambda t: t,
            lambda r, x: r[0] == x,
            "is_open",
            primary=False,
            note="the other emulation",
        ),
        Case(
            "pandas",
            "offset.is_on_offset(ts)",
            offset.is_on_offset,
            1,
            _peers.pandas_timestamp,
            bool_of,
            "is_open",
            note="counts the closing instant 17:00 as open",
        ),
        Case(
            "businesstime",
            "bt.isduringbusinesshours(t)",
            btime.isduringbusinesshours,
            1,
            naive,
            bool_of,
            "is_open",
            note="naive wall clock",
        ),
        Case(
            "businesstime",
            "bt.isduringbusinesshours(t.astimezone(CPH).replace(tzinfo=None))",
            lambda t: btime.isduringbusinesshours(naive(t)),
            1,
            lambda t: t,
            bool_of,
            "is_open",
            primary=False,
            note="the same from an aware datetime: the conversion is timed",
        ),
        Case(
            "bizdurr",
            "bd.is_within_business_hours(t)",
            bizd.is_within_business_hours,
            1,
            lambda t: t,
            bool_of,
            "is_open",
        ),
    ]
    if hasattr(cal, "is_open_many"):
        q.cases += [
            Case(
                "slacalc",
                "cal.is_open_many(list)",
                cal.is_open_many,
                0,
                lambda t: t,
                bools,
                "is_open",
                batch_prepare=list,
                note="list of aware datetimes in, list out",
            ),
            Case(
                "slacalc",
                "cal.is_open_many(datetime64[us])",
                cal.is_open_many,
                0,
                lambda t: t,
                bools,
                "is_open",
                batch_prepare=utc64,
                note="NumPy array in and out",
            ),
        ]
    return [q]


def cold(ctx: Context) -> dict[str, ColdCase]:
    """First ``is_open`` on a freshly built calendar, per library."""
    return {
        "slacalc": ColdCase(slacalc_calendar, lambda cal, t: cal.is_open(t)),
        "workclock": ColdCase(
            lambda: _peers.workclock_schedule(ctx.dates), lambda s, t: s.between(t, t + US) > ZERO
        ),
        "pandas": ColdCase(
            lambda: _peers.pandas_offset(ctx.dates),
            lambda o, t: o.is_on_offset(_peers.pandas_timestamp(t)),
        ),
        "businesstime": ColdCase(
            lambda: _peers.businesstime_calendar(ctx.dates),
            lambda c, t: c.isduringbusinesshours(naive(t)),
        ),
        "bizdurr": ColdCase(
            lambda: _peers.bizdurr_calendar(ctx.dates), lambda c, t: c.is_within_business_hours(t)
        ),
    }


if __name__ == "__main__":
    import run

    raise SystemExit(run.main(only=("is_open",)))
