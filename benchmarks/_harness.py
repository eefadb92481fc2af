"""Shared machinery for the side-by-side benchmarks: inputs, timing, agreement, tables.

Every question module (``bench_add.py``, ``bench_elapsed.py``, ``bench_is_open.py``)
builds a :class:`Question` with its slacalc reference answers and one :class:`Case` per
library call; :func:`measure` checks each case's answers against slacalc's on the same
inputs, then times it. ``run.py`` runs them all and renders the tables.
"""

from __future__ import annotations

import datetime as dt
import gc
import importlib.metadata
import io
import os
import platform
import random
import statistics
import subprocess
import tarfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import holidays

from slacalc import BusinessCalendar

REPO = Path(__file__).resolve().parent.parent
TZ_NAME = "Europe/Copenhagen"
CPH = ZoneInfo(TZ_NAME)
HOURS = "Mon-Fri 09:00-17:00"
OPEN_H, CLOSE_H = 9, 17
OPEN_PER_DAY = dt.timedelta(hours=CLOSE_H - OPEN_H)
SEED = 2025
#: Starts are spread over these three years; answers reach into 2030 (elapsed 3 years).
FIRST, LAST = dt.date(2025, 1, 1), dt.date(2027, 12, 31)
#: Holiday years every peer is given (slacalc fetches its own, lazily, from "DK").
HOLIDAY_YEARS = range(2024, 2032)
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
US = dt.timedelta(microseconds=1)
LIBRARIES = ("slacalc", "workclock", "pandas", "business-duration", "businesstime", "bizdurr")
LIBRARY_TITLES = {
    "slacalc": "slacalc",
    "workclock": "workclock",
    "pandas": "pandas CBH",
    "business-duration": "business-duration",
    "businesstime": "businesstime",
    "bizdurr": "bizdurr",
}


@dataclass(frozen=True, slots=True)
class Settings:
    """How much to run: sample size, repeats and the time budget of one repeat."""

    n: int = 4000
    repeats: int = 9
    #: Cases whose repeat takes under ``quick_repeat_s`` get this many repeats instead:
    #: cheap, and on a shared machine more chances of a quiet one.
    repeats_fast: int = 25
    quick_repeat_s: float = 0.05
    #: A repeat of a slow peer runs on the first k inputs with k * cost ~ this budget.
    budget_s: float = 0.35
    min_k: int = 40
    seed: int = SEED
    cold_trials: int = 3
    #: Bulk calls (bench_bulk.py): batch sizes, the rows of the row-by-row ``apply``
    #: baselines, and the time budget per case and size (repeats within the bounds).
    bulk_sizes: tuple[int, ...] = (10_000, 100_000, 1_000_000)
    apply_rows: int = 2000
    bulk_budget_s: float = 0.4
    bulk_repeats: tuple[int, int] = (2, 25)

    @classmethod
    def quick(cls) -> Settings:
        return cls(
            n=1000,
            repeats=3,
            repeats_fast=5,
            budget_s=0.08,
            min_k=20,
            cold_trials=1,
            bulk_sizes=(10_000, 100_000),
            apply_rows=300,
            bulk_budget_s=0.05,
            bulk_repeats=(2, 5),
        )


# -- inputs ------------------------------------------------------------------------------


def danish_holidays() -> frozenset[dt.date]:
    """The public holidays of python-holidays' "DK" for every year a question touches."""
    return frozenset(holidays.country_holidays("DK", years=HOLIDAY_YEARS))


def make_starts(n: int, seed: int) -> list[dt.datetime]:
    """``n`` seeded start instants in 2025-2027, aware, in Europe/Copenhagen.

    Half anywhere (uniform to the minute: mostly outside business hours), four in ten
    inside nominal hours on a weekday (some of them holidays), one in ten exactly on
    09:00, 15:00 or 17:00 (openings, closings, and exact fits: 15:00 + 2 h = 17:00).
    A longer sample with the same seed starts with the shorter one.
    """
    rng = random.Random(seed)
    lo = int(dt.datetime(FIRST.year, FIRST.month, FIRST.day, tzinfo=CPH).timestamp())
    hi = int(dt.datetime(LAST.year + 1, 1, 1, tzinfo=CPH).timestamp())
    days = (LAST - FIRST).days + 1
    out: list[dt.datetime] = []
    while len(out) < n:
        kind = rng.random()
        if kind < 0.5:
            out.append(dt.datetime.fromtimestamp(rng.randrange(lo, hi, 60), CPH))
            continue
        day = FIRST + dt.timedelta(days=rng.randrange(days))
        if kind < 0.9:
            if day.weekday() >= 5:
                continue
            minute = rng.randrange(OPEN_H * 60, CLOSE_H * 60)
            hour, minute = divmod(minute, 60)
        else:
            hour, minute = rng.choice((OPEN_H, CLOSE_H - 2, CLOSE_H)), 0
        out.append(dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=CPH))
    return out


def span_pairs(
    starts: Sequence[dt.datetime], span: dt.timedelta
) -> list[tuple[dt.datetime, dt.datetime]]:
    """``(start, start + span)`` with the span in absolute time, the end in Copenhagen."""
    return [(a, (a.astimezone(dt.UTC) + span).astimezone(CPH)) for a in starts]


def naive(t: dt.datetime) -> dt.datetime:
    """The Copenhagen wall-clock time of ``t`` without a zone (for naive-only peers)."""
    return t.astimezone(CPH).replace(tzinfo=None)


def to_us(t: dt.datetime) -> int:
    """Epoch microseconds of an aware datetime (exact, fold-aware): for comparisons."""
    return (t - EPOCH) // US


def utc64(items: Sequence[dt.datetime]) -> Any:
    """A NumPy ``datetime64[us]`` array of the instants, in UTC (NumPy has no zones)."""
    import numpy as np

    return np.array(
        [t.astimezone(dt.UTC).replace(tzinfo=None) for t in items], dtype="datetime64[us]"
    )


def ints64(out: Any, _: Any = None) -> list[int]:
    """A ``datetime64``/``timedelta64`` array as epoch (or plain) microseconds."""
    import numpy as np

    unit = "datetime64[us]" if out.dtype.kind == "M" else "timedelta64[us]"
    return [int(v) for v in out.astype(unit).view(np.int64)]


def instants_us(out: Sequence[dt.datetime], _: Any = None) -> list[int]:
    return [to_us(t) for t in out]


def durations_us(out: Sequence[dt.timedelta], _: Any = None) -> list[int]:
    return [d // US for d in out]


def bools(out: Sequence[Any], _: Any = None) -> list[bool]:
    return [bool(v) for v in out]


# -- cases ---------------------------------------------------------------------------------


@dataclass
class Case:
    """One library's way of answering one question, with its native inputs prepared.

    ``arity`` says how ``fn`` is called in the timed loop: 1 -> ``fn(x)``, 2 -> ``fn(a, b)``
    for each prepared input; 0 -> ``fn(batch)`` once for the whole batch (per-item cost).
    ``normalize`` turns an answer into what slacalc's ``reference`` answer is compared with
    (for a batch: the whole output into a list of them).
    """

    library: str
    call: str
    fn: Callable[..., Any]
    arity: int
    prepare: Callable[[Any], Any]
    normalize: Callable[[Any, Any], Any] | None = None
    reference: str | None = None
    primary: bool = True
    note: str = ""
    batch_prepare: Callable[[list[Any]], Any] | None = None


@dataclass
class Question:
    key: str
    title: str
    items: list[Any]
    #: slacalc's answers on ``items``, by name, already normalized (ints or bools).
    references: dict[str, list[Any]]
    cases: list[Case] = field(default_factory=list)


@dataclass
class Result:
    question: str
    library: str
    call: str
    primary: bool
    n: int
    best_us: float
    median_us: float
    agree: int | None = None
    checked: int = 0
    reference: str | None = None
    mismatches: list[str] = field(default_factory=list)
    note: str = ""
    batch: bool = False
    repeats: int = 0


def _loop0(fn: Callable[..., Any], batch: Any) -> None:
    fn(batch)


def _loop1(fn: Callable[..., Any], xs: list[Any]) -> None:
    for x in xs:
        fn(x)


def _loop2(fn: Callable[..., Any], xs: list[tuple[Any, Any]]) -> None:
    for a, b in xs:
        fn(a, b)


_LOOPS = {0: _loop0, 1: _loop1, 2: _loop2}


def _call(case: Case, x: Any) -> Any:
    return case.fn(x) if case.arity == 1 else case.fn(*x)


def time_repeats(
    loop: Callable[[Callable[..., Any], Any], None],
    fn: Callable[..., Any],
    xs: Any,
    count: int,
    repeats: int,
) -> list[float]:
    """µs per call for each repeat (garbage collection off while timing, as timeit does)."""
    out: list[float] = []
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeats):
            t0 = time.perf_counter_ns()
            loop(fn, xs)
            out.append((time.perf_counter_ns() - t0) / count / 1000)
    finally:
        if enabled:
            gc.enable()
    return out


@dataclass
class _Timed:
    """A case ready to be timed: its loop, callable and prepared inputs, and its result."""

    loop: Callable[[Callable[..., Any], Any], None]
    fn: Callable[..., Any]
    xs: Any
    result: Result
    repeats: int
    samples: list[float] = field(default_factory=list)


def _check(question: Question, case: Case, settings: Settings) -> _Timed:
    """Size the case's inputs, check its answers against slacalc's and warm it up."""
    items = question.items
    if case.arity == 0:
        assert case.batch_prepare is not None
        batch = case.batch_prepare(items)
        out = case.fn(batch)  # also the warm-up
        agree: int | None = None
        mismatches: list[str] = []
        if case.reference is not None and case.normalize is not None:
            agree, mismatches = _agreement(
                items, case.normalize(out, items), question.references[case.reference]
            )
        result = Result(
            question.key,
            case.library,
            case.call,
            False,
            len(items),
            0.0,
            0.0,
            agree,
            len(items),
            case.reference,
            mismatches,
            case.note,
            batch=True,
        )
        return _Timed(_loop0, case.fn, batch, result, settings.repeats_fast)
    # Pilot on a few inputs (after a warm-up pass), to size the subsample of slow peers.
    pilot = [case.prepare(x) for x in items[: min(10, len(items))]]
    for x in pilot:
        _call(case, x)
    t0 = time.perf_counter_ns()
    for x in pilot:
        _call(case, x)
    per_call_s = (time.perf_counter_ns() - t0) / len(pilot) / 1e9
    k = len(items)
    if per_call_s * k > settings.budget_s:
        k = max(settings.min_k, min(k, int(settings.budget_s / per_call_s)))
    prepared = [case.prepare(x) for x in items[:k]]

    # Agreement first, on exactly the inputs that are timed (this pass warms up too).
    answers = [_call(case, x) for x in prepared]
    agree = None
    mismatches = []
    if case.reference is not None and case.normalize is not None:
        normalize = case.normalize
        values = [normalize(got, x) for x, got in zip(items[:k], answers, strict=True)]
        agree, mismatches = _agreement(items[:k], values, question.references[case.reference])
    result = Result(
        question.key,
        case.library,
        case.call,
        case.primary,
        k,
        0.0,
        0.0,
        agree,
        k,
        case.reference,
        mismatches,
        case.note,
    )
    fast = per_call_s * k < settings.quick_repeat_s
    repeats = settings.repeats_fast if fast else settings.repeats
    return _Timed(_LOOPS[case.arity], case.fn, prepared, result, repeats)


def _agreement(
    items: Sequence[Any], values: Sequence[Any], ref: Sequence[Any]
) -> tuple[int, list[str]]:
    """How many values equal slacalc's reference answers, and the first few that do not."""
    agree = 0
    mismatches: list[str] = []
    for x, value, want in zip(items, values, ref, strict=False):
        if value == want:
            agree += 1
        elif len(mismatches) < 3:
            mismatches.append(_describe_mismatch(x, value, want))
    return agree, mismatches


def measure(
    question: Question, settings: Settings, progress: Callable[[Result], None] | None = None
) -> list[Result]:
    """Check every case of the question against slacalc, then time them all.

    The repeats are interleaved (repeat 1 of every case, then repeat 2, ...), so a slow
    spell of the machine falls on every library alike instead of on one of them.
    """
    timed = []
    for case in question.cases:
        timed.append(_check(question, case, settings))
        if progress is not None:
            progress(timed[-1].result)
    for i in range(max(t.repeats for t in timed)):
        for t in timed:
            if i < t.repeats:
                t.samples += time_repeats(t.loop, t.fn, t.xs, t.result.n, 1)
    for t in timed:
        t.result.repeats = len(t.samples)
        t.result.best_us = min(t.samples)
        t.result.median_us = statistics.median(t.samples)
    return [t.result for t in timed]


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):  # epoch µs (instants) or µs (durations)
        if abs(value) > 10**15:
            return dt.datetime.fromtimestamp(value / 1e6, CPH).strftime("%a %Y-%m-%d %H:%M")
        return f"{value / 3.6e9:.4g} h"
    return repr(value)


def _describe_mismatch(x: Any, got: Any, want: Any) -> str:
    if isinstance(x, tuple):
        where = f"{x[0]:%a %Y-%m-%d %H:%M} → {x[1]:%a %Y-%m-%d %H:%M}"
    else:
        where = f"{x:%a %Y-%m-%d %H:%M}"
    return f"{where}: peer {_show(got)}, slacalc {_show(want)}"


# -- cold cost ---------------------------------------------------------------------------


@dataclass
class Cold:
    library: str
    build_ms: float | None
    first_us: dict[str, float | None]


def time_once(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter_ns()
    value = fn()
    return (time.perf_counter_ns() - t0) / 1000, value


# -- environment ---------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def git_revision() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"],
            cwd=REPO,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}{' + uncommitted changes in src/' if dirty else ''}"


def environment() -> dict[str, str]:
    return {
        "cpu": f"{cpu_model()} ({os.cpu_count()} logical CPUs)",
        "os": platform.platform(terse=True),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "git": git_revision(),
        "versions": ", ".join(
            f"{d} {version(d)}"
            for d in (
                "slacalc",
                "workclock",
                "pandas",
                "numpy",
                "business-duration",
                "businesstime",
                "bizdurr",
                "holidays",
                "tzdata",
            )
        ),
    }


def slacalc_calendar() -> BusinessCalendar:
    return BusinessCalendar(HOURS, tz=TZ_NAME, holidays="DK")


def check_holidays_match(cal: BusinessCalendar, dates: frozenset[dt.date]) -> int:
    """Days in the holiday years where slacalc and the peers' date set disagree (want 0)."""
    day = dt.date(HOLIDAY_YEARS.start, 1, 1)
    end = dt.date(HOLIDAY_YEARS.stop, 1, 1)
    bad = 0
    while day < end:
        bad += cal.is_holiday(day) != (day in dates)
        day += dt.timedelta(days=1)
    return bad


@dataclass
class Context:
    """What every question module builds on: the sample, the holidays, slacalc's calendar."""

    settings: Settings
    starts: list[dt.datetime]
    dates: frozenset[dt.date]
    cal: BusinessCalendar

    @classmethod
    def create(cls, settings: Settings) -> Context:
        return cls(
            settings, make_starts(settings.n, settings.seed), danish_holidays(), slacalc_calendar()
        )


@dataclass(frozen=True)
class ColdCase:
    """A fresh calendar (``build``) and the first question asked of it (``first``)."""

    build: Callable[[], Any] | None
    first: Callable[[Any, Any], Any]


def loop_overhead_us(xs: list[Any], repeats: int) -> float:
    """The cost per item of the timed loop itself, calling the builtin ``id``."""
    return min(time_repeats(_loop1, id, xs, len(xs), repeats))


def replace_between_markers(path: Path, name: str, text: str) -> None:
    """Put ``text`` between ``<!-- name:start -->`` and ``<!-- name:end -->`` in ``path``."""
    start_mark, end_mark = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    page = path.read_text()
    start, end = page.index(start_mark), page.index(end_mark)
    path.write_text(page[: start + len(start_mark)] + "\n" + text + "\n" + page[end:])


def export_src(rev: str, into: Path) -> Path:
    """Write ``src/`` of commit ``rev`` under ``into``; return it, to put on PYTHONPATH."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", rev, "src"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"
