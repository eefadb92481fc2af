"""The peer libraries, each configured as close to slacalc's calendar as it can be.

slacalc: ``BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK")``.
Every peer gets the same Danish public holidays (python-holidays "DK", 2024-2031) as a
set of dates, the fastest form each accepts; :data:`CONFIG` says how far each one gets.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

import bizdurr
import business_duration
import businesstime
import pandas as pd
import workclock
from pandas.tseries.offsets import CustomBusinessHour

from _harness import CLOSE_H, OPEN_H, TZ_NAME

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")

#: How each library is configured, and what it cannot express (shown under the tables).
CONFIG = {
    "slacalc": (
        '`BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK")`; '
        "aware datetimes, `timedelta` durations. Same calendar object throughout (warm)."
    ),
    "workclock": (
        "`Schedule([WorkDay(time(9), time(17), days=range(5)), Holidays(dk_dates)], "
        'time_zone="Europe/Copenhagen")`; aware datetimes. Fully equivalent (DST-correct). '
        "Its `add` is the *earliest* landing, so it is checked against slacalc's "
        "`exhausted_at`; it has no `is_open`, emulated as `between(t, t + 1 µs) > 0` "
        "(the input `t + 1 µs` is prepared outside the timing, the comparison is not timed)."
    ),
    "pandas": (
        '`CustomBusinessHour(n, start="09:00", end="17:00", weekmask="Mon Tue Wed Thu Fri", '
        "holidays=dk_dates)`, used as `ts + offset` on tz-aware `Timestamp`s prepared "
        "outside the timing (`n` must be a whole number of hours). An exact fit at closing "
        "lands on the next opening, as slacalc's `add` does. pandas drops the zone and "
        "works on the wall clock, which is harmless here (DST changes at night). No elapsed "
        "time between two instants (out of scope, pandas-dev/pandas#30597): n/a. "
        "`is_open` is `offset.is_on_offset(ts)`, which counts the closing instant as open."
    ),
    "business-duration": (
        "`businessDuration(a, b, time(9), time(17), [5, 6], dk_dates, unit='sec')`: naive "
        "wall-clock times (the Copenhagen wall time of each input, prepared outside the "
        "timing); elapsed only, and only forwards."
    ),
    "businesstime": (
        "`BusinessTime((time(9), time(17)), (5, 6), dk_dates).businesstimedelta(a, b)`: naive "
        "wall-clock times; its timedelta counts whole business days in `.days`, converted at "
        "8 h a day for the check (not timed). It answers 0 when both ends lie after hours on "
        "consecutive days (seatgeek/businesstime#7, #13). `is_open` is "
        "`isduringbusinesshours`. No add."
    ),
    "bizdurr": (
        "`BusinessDuration({monday..friday: 09:00-17:00}, 'Europe/Copenhagen', "
        "holidays=dk_dates)`: aware datetimes; `calculate(a, b)` for elapsed (it walks day "
        "by day), `is_within_business_hours(t)` for is_open. No add."
    ),
}


def workclock_schedule(dates: frozenset[dt.date]) -> workclock.Schedule:
    return workclock.Schedule(
        [
            workclock.WorkDay(dt.time(OPEN_H), dt.time(CLOSE_H), days=range(5)),
            workclock.Holidays(dates),
        ],
        time_zone=TZ_NAME,
    )


def pandas_offset(dates: frozenset[dt.date], n: int = 1) -> CustomBusinessHour:
    return CustomBusinessHour(
        n=n,
        start=f"{OPEN_H:02d}:00",
        end=f"{CLOSE_H:02d}:00",
        weekmask="Mon Tue Wed Thu Fri",
        holidays=sorted(dates),
    )


def pandas_timestamp(t: dt.datetime) -> pd.Timestamp:
    return pd.Timestamp(t)


def business_duration_fn(dates: frozenset[dt.date]) -> Callable[..., Any]:
    return functools.partial(
        business_duration.businessDuration,
        starttime=dt.time(OPEN_H),
        endtime=dt.time(CLOSE_H),
        weekendlist=[5, 6],
        holidaylist=dates,
        unit="sec",
    )


def businesstime_calendar(dates: frozenset[dt.date]) -> businesstime.BusinessTime:
    return businesstime.BusinessTime(
        business_hours=(dt.time(OPEN_H), dt.time(CLOSE_H)), weekends=(5, 6), holidays=dates
    )


def bizdurr_calendar(dates: frozenset[dt.date]) -> bizdurr.BusinessDuration:
    hours = {day: {"start": f"{OPEN_H:02d}:00", "end": f"{CLOSE_H:02d}:00"} for day in WEEKDAYS}
    return bizdurr.BusinessDuration(
        business_hours=hours, business_timezone=TZ_NAME, holidays=sorted(dates)
    )
