"""Bulk calls (issue 5): ``add_many``, ``elapsed_many`` and ``is_open_many`` on large batches.

slacalc's bulk calls on NumPy ``datetime64`` arrays (UTC) and on pandas ``Series`` of aware
datetimes (Europe/Copenhagen) at 10k, 100k and 1M items, workclock's ``*_many`` on the same
arrays, and the row-by-row ``DataFrame.apply`` users write today with business-duration
(``businessDuration``) and pandas ``CustomBusinessHour`` (``ts + n*CBH``), on a subsample
because they are slow. Every answer is first checked against slacalc's scalar engine, at
every size, on exactly the inputs that are timed.

Run alone with ``python benchmarks/bench_bulk.py [--quick]``; ``run.py`` runs every question.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

import _peers
from _harness import (
    CPH,
    TZ_NAME,
    US,
    Context,
    Settings,
    _describe_mismatch,
    make_starts,
    time_repeats,
    to_us,
)

ADD = dt.timedelta(hours=2)
SPANS = (("elapsed_1d", "elapsed 1 day", 1), ("elapsed_30d", "elapsed 30 days", 30))
DT64 = "datetime64"
SERIES = "Series"
APPLY = "DataFrame.apply"
LOOP = "loop"
FORM_TITLES = {
    DT64: "`datetime64[us]` array (UTC)",
    SERIES: "`Series` (aware, Copenhagen)",
    APPLY: "`DataFrame.apply(axis=1)`, row by row",
    LOOP: "row by row, no `apply`",
}
#: How the row-by-row baselines are set up (shown under the tables).
APPLY_CONFIG = (
    "`df` is a pandas DataFrame of the first rows of the bulk sample: `start` and `end` as "
    "`datetime64[us, Europe/Copenhagen]`, and `start_wall`, `end_wall`, their naive "
    "Copenhagen wall clock (`.dt.tz_localize(None)`), all prepared outside the timing. "
    "business-duration is configured as above (`unit='sec'`) and called per row with "
    "`df.apply(…, axis=1)`; pandas CBH is `2 * CustomBusinessHour(…)` configured as above, "
    "added to each row's `start` the same way. slacalc is timed on the same rows, passed as "
    "the `start` / `end` Series."
)
#: "far ahead" is not quantified in the issue; the same bar as for the scalar peers.
FAR_AHEAD = 10.0
#: Issue 5's throughput bars (items per second, from NumPy datetime64 arrays).
ELAPSED_PER_S = 3_000_000
ADD_PER_S = 2_000_000
VS_WORKCLOCK = 10.0

# pandas warns on every Series + CustomBusinessHour (it loops in Python); that is the point.
warnings.filterwarnings("ignore", message="Non-vectorized DateOffset")


# -- inputs and questions ---------------------------------------------------------------


@dataclass
class BulkCase:
    """One library's bulk (or row-by-row) answer to a question, at the sizes it is timed at.

    ``prepare(n)`` gives the arguments for the first ``n`` inputs (outside the timing);
    ``fn(*args)`` is timed; ``normalize`` turns its answer into an int64 or bool array
    comparable with slacalc's scalar ``reference`` answers.
    """

    library: str
    call: str
    form: str
    fn: Callable[..., Any]
    prepare: Callable[[int], tuple[Any, ...]]
    normalize: Callable[[Any], Any]
    reference: str
    sizes: tuple[int, ...]
    primary: bool = True
    note: str = ""


@dataclass
class BulkQuestion:
    key: str
    title: str
    #: slacalc's scalar answers on the whole sample, by name, as int64 / bool arrays.
    references: dict[str, Any]
    #: the input at position i (an instant or a pair), for examples of differences.
    describe: Callable[[int], Any]
    cases: list[BulkCase] = field(default_factory=list)


@dataclass
class BulkResult:
    question: str
    library: str
    call: str
    form: str
    n: int
    primary: bool
    reference: str
    note: str
    agree: int = 0
    mismatches: list[str] = field(default_factory=list)
    repeats: int = 0
    best_ns: float = 0.0
    median_ns: float = 0.0

    @property
    def per_s(self) -> float:
        return 1e9 / self.best_ns

    @property
    def median_per_s(self) -> float:
        return 1e9 / self.median_ns


@dataclass
class BulkRun:
    settings: Settings
    sample: int
    questions: list[BulkQuestion]
    results: list[BulkResult]


def _aware(x: Any) -> pd.Series:
    """A ``datetime64[us]`` UTC array as a Series of aware Copenhagen datetimes."""
    return pd.Series(x).dt.tz_localize("UTC").dt.tz_convert(TZ_NAME)


def _instants_us(out: Any) -> Any:
    """Epoch µs (int64 array) of a datetime64 array or a Series of aware datetimes."""
    if isinstance(out, pd.Series):
        if out.dtype == object:
            out = pd.to_datetime(out, utc=True)
        out = out.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy()
    return np.asarray(out).astype("datetime64[us]").view(np.int64)


def _durations_us(out: Any) -> Any:
    """µs (int64 array) of timedelta64 values, or of seconds (business-duration's answer)."""
    arr = np.asarray(out)
    if arr.dtype.kind == "m":
        return arr.astype("timedelta64[us]").view(np.int64)
    return np.round(arr.astype(np.float64) * 1e6).astype(np.int64)


def _bools(out: Any) -> Any:
    return np.asarray(out, dtype=bool)


def _positive(out: Any) -> Any:
    return np.asarray(out) > np.timedelta64(0, "us")


def _scalar(fn: Callable[[Any], int], items: Sequence[Any]) -> Any:
    return np.fromiter((fn(x) for x in items), dtype=np.int64, count=len(items))


def questions(ctx: Context) -> list[BulkQuestion]:
    """The bulk questions, with slacalc's scalar answers on the whole sample as references."""
    s = ctx.settings
    cal = ctx.cal
    sizes = tuple(s.bulk_sizes)
    rows = s.apply_rows
    big = max((*sizes, rows))
    starts = make_starts(big, s.seed)
    utc = [t.astimezone(dt.UTC) for t in starts]
    x = _scalar(to_us, starts).view("datetime64[us]")
    series = _aware(x)
    schedule = _peers.workclock_schedule(ctx.dates)
    frame = pd.DataFrame({"start": series.iloc[:rows], "start_wall": _wall(series.iloc[:rows])})

    def first(*arrays: Any) -> Callable[[int], tuple[Any, ...]]:
        def prepare(n: int) -> tuple[Any, ...]:
            return tuple(a[:n] if isinstance(a, np.ndarray) else a.iloc[:n] for a in arrays)

        return prepare

    out: list[BulkQuestion] = []

    # add 2 h: the deadline (workclock's add is the earliest landing: exhausted_at).
    cbh = 2 * _peers.pandas_offset(ctx.dates, 1)
    refs = {
        "add": _scalar(lambda u: to_us(cal.add(u, ADD)), utc),
        "exhausted_at": _scalar(lambda u: to_us(cal.exhausted_at(u, ADD)), utc),
    }
    q = BulkQuestion("add_2h", "add 2 h", refs, starts.__getitem__)
    q.cases = [
        BulkCase(
            "slacalc",
            "cal.add_many(starts, timedelta(hours=2))",
            DT64,
            lambda a: cal.add_many(a, ADD),
            first(x),
            _instants_us,
            "add",
            sizes,
        ),
        BulkCase(
            "slacalc",
            "cal.add_many(starts, timedelta(hours=2))",
            SERIES,
            lambda a: cal.add_many(a, ADD),
            first(series),
            _instants_us,
            "add",
            (*sizes, rows),
        ),
        BulkCase(
            "workclock",
            "schedule.add_many(starts, timedelta(hours=2))",
            DT64,
            lambda a: schedule.add_many(a, ADD),
            first(x),
            _instants_us,
            "exhausted_at",
            sizes,
        ),
        BulkCase(
            "pandas",
            'df.apply(lambda r: r["start"] + 2 * CustomBusinessHour(…), axis=1)',
            APPLY,
            lambda f: f.apply(lambda r: r["start"] + cbh, axis=1),
            first(frame),
            _instants_us,
            "add",
            (rows,),
        ),
        BulkCase(
            "pandas",
            'df["start"] + 2 * CustomBusinessHour(…)',
            LOOP,
            lambda f: f["start"] + cbh,
            first(frame),
            _instants_us,
            "add",
            (rows,),
            primary=False,
            note="one expression, but pandas applies the offset element by element "
            "(it warns: PerformanceWarning)",
        ),
    ]
    out.append(q)

    # elapsed over ~1 day and ~30 days: the end is the start plus the span in absolute time.
    bdur = _peers.business_duration_fn(ctx.dates)
    for key, title, days in SPANS:
        span = dt.timedelta(days=days)
        ends = x + np.timedelta64(span)
        ends_series = _aware(ends)
        f = frame.assign(end=ends_series.iloc[:rows], end_wall=_wall(ends_series.iloc[:rows]))

        def elapsed_us(u: dt.datetime, span: dt.timedelta = span) -> int:
            return cal.elapsed(u, u + span) // US

        refs = {"elapsed": _scalar(elapsed_us, utc)}

        def pair(i: int, span: dt.timedelta = span) -> tuple[dt.datetime, dt.datetime]:
            return starts[i], (utc[i] + span).astimezone(CPH)

        q = BulkQuestion(key, title, refs, pair)
        q.cases = [
            BulkCase(
                "slacalc",
                "cal.elapsed_many(starts, ends)",
                DT64,
                cal.elapsed_many,
                first(x, ends),
                _durations_us,
                "elapsed",
                sizes,
            ),
            BulkCase(
                "slacalc",
                "cal.elapsed_many(starts, ends)",
                SERIES,
                cal.elapsed_many,
                first(series, ends_series),
                _durations_us,
                "elapsed",
                (*sizes, rows),
            ),
            BulkCase(
                "workclock",
                "schedule.between_many(starts, ends)",
                DT64,
                schedule.between_many,
                first(x, ends),
                _durations_us,
                "elapsed",
                sizes,
            ),
            BulkCase(
                "business-duration",
                'df.apply(lambda r: businessDuration(r["start_wall"], r["end_wall"], …, '
                "unit='sec'), axis=1)",
                APPLY,
                lambda f: f.apply(lambda r: bdur(r["start_wall"], r["end_wall"]), axis=1),
                first(f),
                _durations_us,
                "elapsed",
                (rows,),
                note="naive wall-clock columns (`tz_localize(None)`), prepared outside the "
                "timing: business-duration takes no zones",
            ),
            BulkCase(
                "business-duration",
                '[businessDuration(a, b, …) for a, b in zip(df["start_wall"], df["end_wall"])]',
                LOOP,
                lambda f: [bdur(a, b) for a, b in zip(f["start_wall"], f["end_wall"], strict=True)],
                first(f),
                _durations_us,
                "elapsed",
                (rows,),
                primary=False,
                note="the same rows without `DataFrame.apply`'s per-row Series",
            ),
        ]
        out.append(q)

    # is_open (no target in the issue; workclock emulated as in the scalar question).
    x_next = x + np.timedelta64(1, "us")
    refs = {"is_open": np.fromiter((cal.is_open(u) for u in utc), dtype=bool, count=len(utc))}
    q = BulkQuestion("is_open", "is_open", refs, starts.__getitem__)
    q.cases = [
        BulkCase(
            "slacalc",
            "cal.is_open_many(instants)",
            DT64,
            cal.is_open_many,
            first(x),
            _bools,
            "is_open",
            sizes,
        ),
        BulkCase(
            "slacalc",
            "cal.is_open_many(instants)",
            SERIES,
            cal.is_open_many,
            first(series),
            _bools,
            "is_open",
            (*sizes, rows),
        ),
        BulkCase(
            "workclock",
            "schedule.between_many(t, t + 1 µs) > 0",
            DT64,
            schedule.between_many,
            first(x, x_next),
            _positive,
            "is_open",
            sizes,
            note="emulated: workclock has no is_open (`t + 1 µs` prepared and `> 0` "
            "compared outside the timing)",
        ),
    ]
    out.append(q)
    return out


def _wall(series: pd.Series) -> pd.Series:
    """The naive Copenhagen wall clock of aware datetimes (for business-duration)."""
    return series.dt.tz_localize(None)


# -- measuring ---------------------------------------------------------------------------


def _star(fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    fn(*args)


def _compare(q: BulkQuestion, case: BulkCase, got: Any, n: int) -> tuple[int, list[str]]:
    want = q.references[case.reference][:n]
    if getattr(got, "shape", None) != want.shape:
        return 0, [f"answer of shape {getattr(got, 'shape', None)} for {n} inputs"]
    equal = got == want
    examples = [
        _describe_mismatch(q.describe(int(i)), got[i].item(), want[i].item())
        for i in np.flatnonzero(~equal)[:3]
    ]
    return int(equal.sum()), examples


@dataclass
class _Timed:
    case: BulkCase
    args: tuple[Any, ...]
    result: BulkResult
    repeats: int
    samples: list[float] = field(default_factory=list)


def measure(
    q: BulkQuestion, settings: Settings, progress: Callable[[BulkResult], None] | None = None
) -> list[BulkResult]:
    """Check, then time, every case of the question at each of its sizes.

    At each size the repeats are interleaved across the cases (repeat 1 of each, then
    repeat 2, ...), so a slow spell of the machine falls on every library alike.
    """
    lo, hi = settings.bulk_repeats
    out: list[BulkResult] = []
    for n in sorted({n for c in q.cases for n in c.sizes}):
        timed: list[_Timed] = []
        for case in q.cases:
            if n not in case.sizes:
                continue
            args = case.prepare(n)
            t0 = time.perf_counter_ns()
            answer = case.fn(*args)  # the check is also the warm-up
            seconds = (time.perf_counter_ns() - t0) / 1e9
            agree, mismatches = _compare(q, case, case.normalize(answer), n)
            del answer
            result = BulkResult(
                q.key,
                case.library,
                case.call,
                case.form,
                n,
                case.primary,
                case.reference,
                case.note,
                agree,
                mismatches,
            )
            repeats = max(lo, min(hi, int(settings.bulk_budget_s / max(seconds, 1e-9))))
            timed.append(_Timed(case, args, result, repeats))
            if progress is not None:
                progress(result)
        for i in range(max(t.repeats for t in timed)):
            for t in timed:
                if i < t.repeats:
                    t.samples += time_repeats(_star, t.case.fn, t.args, n, 1)
        for t in timed:
            t.result.repeats = len(t.samples)
            t.result.best_ns = min(t.samples) * 1000
            t.result.median_ns = statistics.median(t.samples) * 1000
            out.append(t.result)
    return out


def run(ctx: Context, log: Callable[[str], None]) -> BulkRun:
    t0 = time.perf_counter()
    qs = questions(ctx)
    sample = len(qs[0].references["add"])
    seconds = time.perf_counter() - t0
    log(f"  bulk: {sample:,} inputs and slacalc's scalar answers on them in {seconds:.1f} s")
    results: list[BulkResult] = []
    for q in qs:

        def checked(r: BulkResult, q: BulkQuestion = q) -> None:
            log(
                f"  {q.title:<16} {r.library:<18} n={r.n:<9,} agrees on {r.agree:,}/{r.n:,}"
                f"  {r.form}: {r.call}"
            )

        done = measure(q, ctx.settings, checked)
        results += done
        for r in done:
            log(
                f"  {q.title:<16} {r.library:<18} n={r.n:<9,} {r.best_ns:>9.1f} ns/item "
                f"{r.per_s / 1e6:>8.2f} M/s  {r.form}: {r.call}"
            )
    return BulkRun(ctx.settings, sample, qs, results)


# -- rendering ---------------------------------------------------------------------------


def _find(
    results: Sequence[BulkResult], question: str, library: str, form: str, n: int
) -> BulkResult | None:
    for r in results:
        if (r.question, r.library, r.form, r.n) == (question, library, form, n) and r.primary:
            return r
    return None


def fmt_rate(per_s: float) -> str:
    """Items per second in millions, three significant digits."""
    m = per_s / 1e6
    if m >= 100:
        return f"{m:,.0f} M/s"
    if m >= 10:
        return f"{m:.1f} M/s"
    if m >= 1:
        return f"{m:.2f} M/s"
    return f"{m:.3f} M/s"


def fmt_ns(ns: float) -> str:
    return f"{ns:.1f} ns" if ns < 10 else f"{ns:,.0f} ns"


def fmt_x(r: float) -> str:
    return f"{r:.1f}×" if r < 10 else f"{r:,.0f}×"


def _title(run: BulkRun, key: str) -> str:
    return next(q.title for q in run.questions if q.key == key)


def targets(run: BulkRun) -> list[tuple[str, str, str]]:
    """Issue 5's bulk targets as (target, measured, verdict) rows of the targets table.

    Throughput bars hold at every size; the measured figure is the worst one, with the
    figure from the medians in brackets.
    """
    res, sizes = run.results, run.settings.bulk_sizes
    rows: list[tuple[str, str, str]] = []

    def verdict(ok_best: bool, ok_med: bool) -> str:
        text = "**pass**" if ok_best else "**FAIL**"
        if ok_best != ok_med:
            text += " (borderline: the medians say otherwise)"
        return text

    def where(r: BulkResult) -> str:
        return f"{_title(run, r.question)}, n = {r.n:,}"

    size_text = ", ".join(f"{n:,}" for n in sizes)
    for text, keys, bar in (
        (
            f"elapsed_many ≥ {ELAPSED_PER_S:,} pairs/s from datetime64",
            ("elapsed_1d", "elapsed_30d"),
            ELAPSED_PER_S,
        ),
        (f"add_many ≥ {ADD_PER_S:,} deadlines/s from datetime64", ("add_2h",), ADD_PER_S),
    ):
        ours = [r for k in keys for n in sizes if (r := _find(res, k, "slacalc", DT64, n))]
        if not ours:
            continue
        worst = min(ours, key=lambda r: r.per_s)
        worst_med = min(r.median_per_s for r in ours)
        rows.append(
            (
                f"{text} (at every size: {size_text})",
                f"{fmt_rate(worst.per_s)} ({fmt_rate(worst_med)}) at worst ({where(worst)})",
                verdict(worst.per_s >= bar, worst_med >= bar),
            )
        )
    for text, keys in (
        (
            "elapsed_many ≥ 10× faster than workclock's between_many on the same arrays",
            ("elapsed_1d", "elapsed_30d"),
        ),
        ("add_many ≥ 10× faster than workclock's add_many on the same arrays", ("add_2h",)),
    ):
        pairs = [
            (w.best_ns / m.best_ns, w.median_ns / m.median_ns, m)
            for k in keys
            for n in sizes
            if (m := _find(res, k, "slacalc", DT64, n))
            and (w := _find(res, k, "workclock", DT64, n))
        ]
        if not pairs:
            continue
        best, _, at = min(pairs, key=lambda p: p[0])
        med = min(p[1] for p in pairs)
        rows.append(
            (
                f"{text} (at every size)",
                f"{best:.1f}× ({med:.1f}×) at worst ({where(at)})",
                verdict(best >= VS_WORKCLOCK, med >= VS_WORKCLOCK),
            )
        )
    for lib, name in (("business-duration", "business-duration"), ("pandas", "pandas CBH")):
        ratios = []
        for r in res:
            if r.library != lib or r.form != APPLY:
                continue
            mine = _find(res, r.question, "slacalc", SERIES, r.n)
            if mine:
                ratios.append((r.best_ns / mine.best_ns, r.median_ns / mine.median_ns, r))
        if not ratios:
            continue
        best, _, at = min(ratios, key=lambda p: p[0])
        med = min(p[1] for p in ratios)
        rows.append(
            (
                f"far ahead of the row-by-row `DataFrame.apply` with {name} (taken here as "
                f"≥ {FAR_AHEAD:.0f}× slacalc's `*_many` on the same rows as a Series)",
                f"{fmt_x(best)} ({fmt_x(med)}) at least ({_title(run, at.question)}, "
                f"{at.n:,} rows)",
                verdict(best >= FAR_AHEAD, med >= FAR_AHEAD),
            )
        )
    return rows


def render(run: BulkRun) -> list[str]:
    """The bulk tables: throughput by size, the row-by-row baselines, agreement, details."""
    s, res = run.settings, run.results
    sizes = s.bulk_sizes
    out: list[str] = []
    w = out.append
    lo, hi = s.bulk_repeats
    w(
        f"**Bulk calls (issue 5)**: one call over a whole batch. Inputs: the first *n* of "
        f"{run.sample:,} seeded start instants (the same generator and seed as above, so the "
        "scalar sample is their beginning), as a NumPy `datetime64[us]` array in UTC and as a "
        "pandas `Series` of `datetime64[us, Europe/Copenhagen]`, prepared outside the timing; "
        "for `elapsed`, the end is the start plus 1 or 30 days of absolute time. Each "
        f"(library, size) is timed {lo}-{hi} times (as many as fit in about "
        f"{s.bulk_budget_s:.1f} s), interleaved across the libraries at each size; figures are "
        "the best repeat. Results come back in the kind that went in (arrays in and out, "
        "Series in and out), and that conversion is timed."
    )
    w("")
    w(
        "**Bulk throughput: million items per second (ns per item), best repeat; in square "
        "brackets for workclock: workclock ÷ slacalc on the same arrays at the same size, "
        "higher means slacalc is faster**"
    )
    w("")
    cols = " | ".join(f"n = {n:,}" for n in sizes)
    w(f"| question | library | input | {cols} | per item, {sizes[-1]:,} ÷ {sizes[0]:,} |")
    w("|---|---|---|" + "---:|" * (len(sizes) + 1))
    lines = [("slacalc", DT64), ("slacalc", SERIES), ("workclock", DT64)]
    for q in run.questions:
        for lib, form in lines:
            found = [_find(res, q.key, lib, form, n) for n in sizes]
            if not any(found):
                continue
            cells = []
            for n, r in zip(sizes, found, strict=True):
                if r is None:
                    cells.append("n/a")
                    continue
                text = f"{fmt_rate(r.per_s)} ({fmt_ns(r.best_ns)})"
                if lib == "slacalc":
                    text = f"**{fmt_rate(r.per_s)}** ({fmt_ns(r.best_ns)})"
                mine = _find(res, q.key, "slacalc", form, n)
                if lib != "slacalc" and mine:
                    text += f" [{fmt_x(r.best_ns / mine.best_ns)}]"
                cells.append(text)
            a, b = found[0], found[-1]
            growth = f"{b.best_ns / a.best_ns:.2f}×" if a and b and a is not b else "n/a"
            call = next(r.call for r in found if r)
            w(
                f"| {q.title} | {lib} `{call}` | {FORM_TITLES[form]} | "
                + " | ".join(cells)
                + f" | {growth} |"
            )
    w("")
    w(
        "The last column is the cost per item at the largest size over the cost per item at "
        "the smallest: 1.00× is perfectly linear (cost proportional to *n*). workclock's "
        "`add` is the earliest landing, so it is checked against slacalc's `exhausted_at`; "
        "slacalc's `add_many` is the deadline, like `add`."
    )
    w("")

    # Row-by-row baselines.
    applied = [r for r in res if r.form in (APPLY, LOOP)]
    if applied:
        big = sizes[-1]
        w(
            f"**What users do today: row by row on a pandas DataFrame** (on the first "
            f"{s.apply_rows:,} rows only, because it is slow; µs per row, best repeat; "
            "slacalc's bulk call on the same rows as a `Series`, and on the "
            f"{big:,}-item `datetime64` array)"
        )
        w("")
        w(
            "| question | library | row-by-row call | rows × repeats | µs per row | slacalc "
            "`Series`, same rows | ÷ slacalc (same rows) | "
            f"÷ slacalc `datetime64`, n = {big:,} |"
        )
        w("|---|---|---|---:|---:|---:|---:|---:|")
        for r in applied:
            mine = _find(res, r.question, "slacalc", SERIES, r.n)
            fast = _find(res, r.question, "slacalc", DT64, big)
            lib = "pandas CBH" if r.library == "pandas" else r.library
            call = f"`{r.call}`" + ("" if r.primary else " (a variant)")
            same = (
                f"{mine.best_ns / 1000:.3f} | {fmt_x(r.best_ns / mine.best_ns)}"
                if mine
                else "n/a | n/a"
            )
            vs_big = fmt_x(r.best_ns / fast.best_ns) if fast else "n/a"
            w(
                f"| {_title(run, r.question)} | {lib} | {call} | {r.n:,} × {r.repeats} | "
                f"{r.best_ns / 1000:,.1f} | {same} | {vs_big} |"
            )
        w("")
        notes = sorted({(r.call, r.note) for r in applied if r.note})
        for call, note in notes:
            w(f"- `{call}`: {note}.")
        w("")

    # Agreement.
    w(
        "**Bulk: agreement with slacalc's scalar answers, checked before timing at every size "
        "on the inputs that are timed**"
    )
    w("")
    w("| library | question | call | input | compared with slacalc's | agree | examples |")
    w("|---|---|---|---|---|---:|---|")
    for q in run.questions:
        for case in q.cases:
            _agreement_row(w, run, q, case)
    w("")
    return out


def _agreement_row(w: Callable[[str], None], run: BulkRun, q: BulkQuestion, case: BulkCase) -> None:
    """One row of the agreement table: a case's agreement at every size it was timed at."""
    which = (q.key, case.library, case.form, case.call)
    rs = sorted(
        (r for r in run.results if (r.question, r.library, r.form, r.call) == which),
        key=lambda r: r.n,
    )
    if not rs:
        return
    if all(r.agree == r.n for r in rs):
        agree = "100% of " + ", ".join(f"{r.n:,}" for r in rs)
    else:
        agree = "; ".join(f"{r.agree / r.n:.2%} of {r.n:,}" for r in rs)
    examples = "; ".join(next((r.mismatches for r in rs if r.mismatches), []))
    title = "pandas CBH" if case.library == "pandas" else case.library
    w(
        f"| {title} | {q.title} | `{case.call}` | {FORM_TITLES[case.form]} | "
        f"`{case.reference}` | {agree} | {examples} |"
    )


def render_details(run: BulkRun) -> list[str]:
    out = [
        "<details><summary>Every timed bulk call: n, repeats, best and median ns per item"
        "</summary>",
        "",
        "| question | library | call | input | n × repeats | best ns/item | median ns/item | "
        "items/s (best) | note |",
        "|---|---|---|---|---:|---:|---:|---:|---|",
    ]
    for r in run.results:
        out.append(
            f"| {_title(run, r.question)} | {r.library} | `{r.call}` | {FORM_TITLES[r.form]} | "
            f"{r.n:,} × {r.repeats} | {r.best_ns:,.1f} | {r.median_ns:,.1f} | "
            f"{fmt_rate(r.per_s)} | {r.note} |"
        )
    out += ["", "</details>", ""]
    return out


if __name__ == "__main__":
    import run as _run

    raise SystemExit(_run.main(only=("bulk",)))
