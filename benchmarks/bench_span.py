"""Questions whose span is decades or centuries: cold calendar each time.

On Mon-Fri 09:00-17:00 Europe/Copenhagen, with Danish holidays, without holidays, and
24x7: ``add`` of 100,000 days and of 2,000,000 hours, ``subtract`` of 2,000,000 hours,
``elapsed`` over 200 years, and a duration whose answer lies past the supported years
(``OutOfRangeError``). Each run builds a new calendar, so nothing is compiled yet. The
yardstick for the Danish calendar is the ``holidays`` package alone producing the
holidays of the years the question spans (one ``country_holidays`` call for them all,
its fastest form), each run of it next to a cold run of the question, and the ratio is
the median of those pairs' ratios. The warm columns ask the same question again of the
same calendar. Times are CPU time of this process (``time.process_time``), medians.

    .venv/bin/python benchmarks/bench_span.py            # a Markdown table on stdout
    .venv/bin/python benchmarks/bench_span.py --repeats 3
    .venv/bin/python benchmarks/bench_span.py --steps      # where a cold 100,000-day add goes
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import holidays

from slacalc import BusinessCalendar, OutOfRangeError

ZONE = "Europe/Copenhagen"
T = dt.datetime(2026, 3, 2, 10, tzinfo=dt.timezone(dt.timedelta(hours=1)))
LATER = dt.datetime(3000, 3, 3, 10, tzinfo=dt.UTC)

Build = Callable[[], BusinessCalendar]
Ask = Callable[[BusinessCalendar], Any]

CALENDARS: dict[str, Build] = {
    # The holidays package knows Denmark's holidays up to 2100; past it the calendar
    # counts none (lenient), as the package itself does for those years.
    "DK holidays": lambda: BusinessCalendar(
        "Mon-Fri 09:00-17:00", tz=ZONE, holidays="DK", holiday_coverage="lenient"
    ),
    "no holidays": lambda: BusinessCalendar("Mon-Fri 09:00-17:00", tz=ZONE),
    "24x7": lambda: BusinessCalendar.always(ZONE),
}


def _out_of_range(cal: BusinessCalendar) -> str:
    try:
        cal.add(T, dt.timedelta(days=3_000_000))
    except OutOfRangeError:
        return "OutOfRangeError"
    raise AssertionError("no OutOfRangeError")  # pragma: no cover


QUESTIONS: list[tuple[str, Ask]] = [
    ("add(t, 100,000 days)", lambda c: c.add(T, dt.timedelta(days=100_000))),
    ("add(t, 2,000,000 h)", lambda c: c.add(T, dt.timedelta(hours=2_000_000))),
    (
        "subtract(t, 2,000,000 h) from 3000",
        lambda c: c.subtract(LATER, dt.timedelta(hours=2_000_000)),
    ),
    ("elapsed over 200 years", lambda c: c.elapsed(T, T.replace(year=2226))),
    ("add(t, 3,000,000 days): past 9998", _out_of_range),
]


def _ms(fn: Callable[[], Any], repeats: int) -> float:
    """The median CPU time of ``fn`` in milliseconds (the machine may be shared)."""
    times = []
    for _ in range(repeats):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def _years(result: Any, question: str) -> tuple[int, int]:
    """The years a question spans (from its answer) that have Danish holidays (to 2100)."""
    if isinstance(result, dt.datetime):
        years = sorted((result.year, (LATER if "subtract" in question else T).year))
        return min(years[0], 2100), min(years[1], 2100)
    if "elapsed" in question:
        return T.year, 2100
    return T.year, T.year  # pragma: no cover


def _first_in_process() -> float:
    """One cold add(t, 2,000,000 h) in a fresh interpreter (zone survey included), ms."""
    code = (
        "import time, datetime as dt; from slacalc import BusinessCalendar as B; "
        f"c = B('Mon-Fri 09:00-17:00', tz={ZONE!r}); t = dt.datetime(2026, 3, 2, 10, tzinfo=c.tz); "
        "s = time.process_time(); c.add(t, dt.timedelta(hours=2_000_000)); "
        "print((time.process_time() - s) * 1000)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def steps(repeats: int) -> str:
    """Where a cold ``add(t, 100,000 days)`` on the Danish calendar spends its CPU time.

    Reaches into slacalc's private parts on purpose (the weekly source's totals, its
    holiday source): a diagnostic, which may need updating when the engine changes.
    """
    from slacalc.calendar import _engine, _holidays

    tally = {"lookup ms": 0.0, "convert ms": 0.0, "lookups": 0, "years": 0, "totals": 0}
    originals: dict[tuple[type, str], Callable[..., Any]] = {
        (_holidays._Region, "years"): _holidays._Region.years,
        (_holidays._Region, "year"): _holidays._Region.year,
        (_holidays.HolidaySource, "load"): _holidays.HolidaySource.load,
        (_engine.WeeklySource, "total"): _engine.WeeklySource.total,
    }

    def wrap(owner: Any, name: str, inner: Callable[..., Any]) -> None:
        def wrapper(self: Any, *args: Any) -> Any:
            start, looked_up = time.process_time(), tally["lookup ms"]
            try:
                return inner(self, *args)
            finally:
                if name == "load":  # its own work: the lookups inside it are counted apart
                    spent = (time.process_time() - start) * 1000
                    tally["convert ms"] += spent - (tally["lookup ms"] - looked_up)
                elif name == "total":
                    tally["totals"] += 1
                else:
                    tally["lookup ms"] += (time.process_time() - start) * 1000
                    tally["lookups"] += 1
                    tally["years"] += len(args[0]) if name == "years" else 1

        setattr(owner, name, wrapper)

    rows: dict[str, list[float]] = {}
    try:
        for (owner, name), inner in originals.items():
            wrap(owner, name, inner)
        for _ in range(repeats):
            tally.update(dict.fromkeys(tally, 0))
            cal = CALENDARS["DK holidays"]()
            start = time.process_time()
            cal.add(T, dt.timedelta(days=100_000))
            whole = (time.process_time() - start) * 1000
            for key, value in {
                "whole": whole,
                "walk": whole - tally["lookup ms"] - tally["convert ms"],
                "lookups": tally["lookup ms"],
                "convert": tally["convert ms"],
            }.items():
                rows.setdefault(key, []).append(value)
    finally:
        for (owner, name), inner in originals.items():
            setattr(owner, name, inner)
    yard = _ms(lambda: holidays.country_holidays("DK", years=range(2026, 2101)), repeats)
    med = {key: statistics.median(values) for key, values in rows.items()}
    lines = [
        "| step of a cold add(t, 100,000 days), DK holidays | CPU ms |",
        "|---|---:|",
        f"| the walk: {tally['totals']} totals counted (strides, then the last page halved), "
        f"the last month compiled (the holidays' lookups aside) | {med['walk']:.2f} |",
        f"| the `holidays` package: {tally['lookups']} lookup(s), {tally['years']} years | "
        f"{med['lookups']:.2f} |",
        f"| those holidays turned into slacalc's frozen years | {med['convert']:.2f} |",
        f"| the whole question | {med['whole']:.2f} |",
        f"| yardstick: the `holidays` package alone, 2026-2100 in one lookup | {yard:.2f} |",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument(
        "--steps", action="store_true", help="only where a cold 100,000-day add spends its time"
    )
    args = parser.parse_args()
    if args.steps:
        holidays.country_holidays("DK", years=2020)
        CALENDARS["DK holidays"]().add(T, dt.timedelta(days=100_000))
        print(steps(args.repeats))
        return
    holidays.country_holidays("DK", years=2020)  # import and warm the package once
    CALENDARS["no holidays"]().add(T, dt.timedelta(hours=2_000_000))  # survey the zone once

    print(
        f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}, "
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, CPU time, median of {args.repeats}"
    )
    print()
    print("| question | calendar | cold ms | warm µs | `holidays` alone ms | ratio |")
    print("|---|---|---:|---:|---:|---:|")
    for question, ask in QUESTIONS:
        for name, build in CALENDARS.items():
            result = ask(build())

            # This iteration's question and calendar, bound as defaults.
            def ask_cold(ask: Ask = ask, build: Build = build) -> Any:
                return ask(build())

            cold = _ms(ask_cold, args.repeats)
            cal = build()
            ask(cal)

            def ask_warm(ask: Ask = ask, cal: BusinessCalendar = cal) -> Any:
                return ask(cal)

            warm = _ms(ask_warm, max(args.repeats, 20)) * 1000
            ref = ratio = ""
            if name == "DK holidays" and isinstance(result, (dt.datetime, dt.timedelta)):
                lo, hi = _years(result, question)

                def yardstick(years: range = range(lo, hi + 1)) -> Any:
                    return holidays.country_holidays("DK", years=years)

                # Each cold question runs next to a run of the yardstick, so the two see
                # the same load on a shared machine; the ratio is the median of the pairs.
                pairs = [(_ms(ask_cold, 1), _ms(yardstick, 1)) for _ in range(args.repeats)]
                yard = statistics.median(y for _, y in pairs)
                ref = f"{yard:.1f} ({lo}-{hi})"
                ratio = f"{statistics.median(c / y for c, y in pairs):.2f}"
            print(f"| {question} | {name} | {cold:.2f} | {warm:.1f} | {ref} | {ratio} |")
    print()
    print(
        f"First add(t, 2,000,000 h) in a fresh interpreter, no holidays (zone survey included): "
        f"{_first_in_process():.1f} ms"
    )


if __name__ == "__main__":
    main()
