"""Cold start: import time and the time of a fresh ``slacalc`` command, wall and CPU.

    .venv/bin/python benchmarks/bench_coldstart.py              # 15 runs of each, ~30 s
    .venv/bin/python benchmarks/bench_coldstart.py --runs 31    # steadier medians
    .venv/bin/python benchmarks/bench_coldstart.py --before 065f4fc   # also an earlier commit
    .venv/bin/python benchmarks/bench_coldstart.py --write      # also update benchmarks/README.md
    .venv/bin/python benchmarks/bench_coldstart.py --python /tmp/user/bin/python
        # an interpreter with only slacalc's dependencies installed, as a user's is

Every figure is a fresh interpreter, started by ``subprocess`` as a user's shell starts
one, on this checkout's ``src`` (``PYTHONPATH``), with byte code cached (one untimed
run first writes the ``.pyc`` files, as installing a package does):

1. **import**: ``import slacalc`` and ``import slacalc.policy``, timed inside the fresh
   process (``time.perf_counter`` and ``time.process_time``) around the import alone;
2. **command**: the whole process, interpreter start-up included, for ``slacalc due``
   and ``slacalc status`` on the built-in policy (the first policy commands a user
   types) and ``slacalc --help``; the command runs as the installed ``slacalc`` script
   runs it (``slacalc.cli._app:script``); CPU time is the child's user + system
   time. ``python -c pass`` is the floor: the interpreter alone on this machine.

With ``--before REV`` the ``src`` of that commit (``git archive``) is measured too, its
runs interleaved with this checkout's, so both see the same load on a shared machine.
Each figure is the median of ``--runs`` runs (the best in brackets). The target:
``slacalc due`` within 300 ms, wall clock.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from _harness import cpu_model, export_src, git_revision

REPO = Path(__file__).resolve().parent.parent
README = REPO / "benchmarks" / "README.md"
#: The interpreter the fresh processes run (``--python``): a user's install has few packages
#: next to slacalc, and pydantic reads the entry points of every one before its first
#: validator, so a development environment with many makes the commands slower.
PYTHON = sys.executable
START_MARK = "<!-- coldstart:start -->"
END_MARK = "<!-- coldstart:end -->"
TARGET_MS = 300.0  # slacalc due, fresh process
#: What the installed ``slacalc`` script runs (an earlier commit's script called ``main``).
SCRIPT = """import sys
try:
    from slacalc.cli._app import script
except ImportError:
    from slacalc.cli import main as script
sys.exit(script())"""
AT = "2026-12-01T12:00+01:00"
EVENTS = [
    {"kind": "opened", "at": "2026-11-27T17:30:00+01:00", "severity": "high"},
    {"kind": "responded", "at": "2026-11-30T09:20:00+01:00"},
    {"kind": "paused", "at": "2026-11-30T10:00:00+01:00"},
    {"kind": "resumed", "at": "2026-12-01T09:00:00+01:00"},
]


def _environ(src: Path) -> dict[str, str]:
    """The child's environment: ``src`` first on the path, byte code written and read."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(src), env.get("PYTHONPATH", "")) if p)
    return env


def _import_ms(module: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU milliseconds of the import of ``module`` in a fresh interpreter."""
    probe = (
        "import time; t, c = time.perf_counter(), time.process_time(); "
        f"import {module}; print(time.perf_counter() - t, time.process_time() - c)"
    )
    done = subprocess.run(
        [PYTHON, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    wall, cpu = (float(x) * 1000 for x in done.stdout.split())
    return wall, cpu


def _run_ms(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) milliseconds of a fresh process running ``argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall * 1000, cpu * 1000


def _packages() -> int:
    """How many distributions the measured interpreter sees (pydantic reads them all)."""
    code = "import importlib.metadata as m; print(len(list(m.distributions())))"
    return int(subprocess.run([PYTHON, "-c", code], capture_output=True, text=True).stdout)


def _cases(events: Path) -> list[tuple[str, str, list[str]]]:
    """(kind, label, argv) of every measured row, in table order."""
    cli = [PYTHON, "-c", SCRIPT]
    return [
        ("floor", "`python -c pass` (the interpreter alone)", [PYTHON, "-c", "pass"]),
        ("import", "`import slacalc`", ["slacalc"]),
        ("import", "`import slacalc.policy`", ["slacalc.policy"]),
        (
            "command",
            f"`slacalc due --severity high --at {AT}`",
            [*cli, "due", "--severity", "high", "--at", AT],
        ),
        (
            "command",
            f"`slacalc status events.json --at {AT}`",
            [*cli, "status", str(events), "--at", AT],
        ),
        ("command", "`slacalc --help`", [*cli, "--help"]),
    ]


#: ``slacalc due`` step by step in one fresh process: each step's CPU milliseconds, with
#: the garbage collector paused as the command pauses it.
PHASES = f"""
import gc, time
gc.disable()
marks = [time.process_time()]
def mark():
    marks.append(time.process_time())
import slacalc, slacalc.cli; mark()
import slacalc.cli._commands; mark()
import slacalc.timers; mark()
import slacalc.uptime, slacalc.credits; mark()
import slacalc.policy; mark()
import slacalc.policy._default; mark()
import importlib.metadata; mark()
import holidays; mark()
from slacalc.calendar._holidays import HolidaySource
HolidaySource("DK").year(2026); mark()
import contextlib, io
with contextlib.redirect_stdout(io.StringIO()):
    slacalc.cli.main(["due", "--severity", "high", "--at", "{AT}"])
mark()
print(*((b - a) * 1000 for a, b in zip(marks, marks[1:])))
"""
PHASE_NAMES = (
    "`import slacalc, slacalc.cli` (the calendar, the parser)",
    "the commands and their renderers (`slacalc.cli._commands`, `slacalc._present`)",
    "`import slacalc.timers` (the ticket clocks)",
    "`import slacalc.uptime, slacalc.credits` (the agreement's uptime terms hold their values)",
    "`import slacalc.policy` (the agreement's values; no pydantic)",
    "the built-in policy's data and the readers of its texts (`slacalc.policy._default`)",
    "`import importlib.metadata` (`holidays` reads its own version with it)",
    "`import holidays` (the rest of it)",
    "the Danish holiday class, loaded alone, and its 2026 holidays",
    "`slacalc due` itself: the built-in agreement built, its calendars, the deadlines",
)


def phases(runs: int) -> str:
    """The Markdown table of where a cold ``slacalc due`` spends its CPU time."""
    env = _environ(REPO / "src")
    samples = [
        [
            float(x)
            for x in subprocess.run(
                [PYTHON, "-c", PHASES], env=env, capture_output=True, text=True, check=True
            ).stdout.split()
        ]
        for _ in range(runs + 1)
    ][1:]
    lines = ["| step | CPU ms |", "|---|---:|"]
    for name, values in zip(PHASE_NAMES, zip(*samples, strict=True), strict=True):
        lines.append(f"| {name} | {statistics.median(values):.0f} ({min(values):.0f}) |")
    total = [sum(run) for run in samples]
    lines.append(f"| all of the above | {statistics.median(total):.0f} ({min(total):.0f}) |")
    return "\n".join(lines)


#: One row: its label, then (wall, CPU) samples now and (wall, CPU) samples before.
Rows = list[tuple[str, list[tuple[float, float]], list[tuple[float, float]]]]


def measure(runs: int, before: str | None) -> Rows:
    """Each row's label, its ``runs`` timings in ms and those of ``before`` (or none).

    The runs of all rows (and of both sources) are interleaved, lap by lap.
    """
    with tempfile.TemporaryDirectory() as tmp:
        events = Path(tmp) / "events.json"
        events.write_text(json.dumps(EVENTS))
        cases = _cases(events)
        envs = [_environ(REPO / "src")]
        if before is not None:
            envs.append(_environ(export_src(before, Path(tmp))))
        times: list[list[list[tuple[float, float]]]] = [[[] for _ in envs] for _ in cases]
        for lap in range(runs + 1):  # lap 0 writes the byte code and is not counted
            for (kind, _, argv), out in zip(cases, times, strict=True):
                for env, one in zip(envs, out, strict=True):
                    ms = _import_ms(argv[0], env) if kind == "import" else _run_ms(argv, env)
                    if lap:
                        one.append(ms)
            print(f"run {lap}/{runs}", file=sys.stderr)
    return [
        (label, t[0], t[1] if before else []) for (_, label, _), t in zip(cases, times, strict=True)
    ]


def _cells(samples: list[tuple[float, float]]) -> list[str]:
    """``median (best)`` in whole ms, of the wall and of the CPU time."""
    return [
        f"{statistics.median(v):.0f} ({min(v):.0f})"
        for v in ([w for w, _ in samples], [c for _, c in samples])
    ]


def render(rows: Rows, runs: int, argv: Sequence[str], before: str | None) -> str:
    """The Markdown block: where and how it ran, then one row per measurement."""
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    head = ["what", "wall ms", "CPU ms"]
    if before:
        head = ["what", f"wall ms, git {before}", f"CPU ms, git {before}", "wall ms", "CPU ms"]
    lines = [
        f"Run on {when}, {cpu_model()} ({os.cpu_count()} logical CPUs), "
        f"{platform.platform(terse=True)}, {platform.python_implementation()} "
        f"{platform.python_version()} with {_packages()} installed packages, "
        f"slacalc at git {git_revision()}.  ",
        f"Command: `.venv/bin/python benchmarks/bench_coldstart.py {' '.join(argv)}`".rstrip()
        + f"; median of {runs} fresh processes each (best in brackets); "
        f"load average (1 min) at the end: {load:.2f}.",
        "",
        f"| {' | '.join([*head, 'target'])} |",
        f"|---|{'---:|' * (len(head) - 1)}---|",
    ]
    for label, now, earlier in rows:
        target = ""
        if label.startswith("`slacalc due"):
            wall = statistics.median(w for w, _ in now)
            target = f"≤ {TARGET_MS:.0f} ms: {'ok' if wall <= TARGET_MS else '**FAIL**'}"
        cells = [*(_cells(earlier) if before else []), *_cells(now)]
        lines.append(f"| {' | '.join([label, *cells, target])} |")
    return "\n".join(lines)


def write_readme(text: str) -> None:
    """Replace the results between the cold-start markers of benchmarks/README.md."""
    readme = README.read_text()
    start, end = readme.index(START_MARK), readme.index(END_MARK)
    README.write_text(readme[: start + len(START_MARK)] + "\n" + text + "\n" + readme[end:])


def main(argv: Sequence[str] | None = None) -> None:
    """Measure, print the table, and with ``--write`` put it into benchmarks/README.md."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--runs", type=int, default=15, help="fresh processes per row (15)")
    p.add_argument("--before", metavar="REV", help="also measure the src of this commit")
    p.add_argument("--write", action="store_true", help="also update benchmarks/README.md")
    p.add_argument("--python", help="the interpreter to measure (default: this one)")
    args = p.parse_args(args_list)
    global PYTHON
    PYTHON = args.python or sys.executable
    text = render(measure(args.runs, args.before), args.runs, args_list, args.before)
    text += (
        "\n\nWhere a cold `slacalc due` spends its CPU time (this checkout; one fresh process"
        " per run, the steps in the order the command meets them, the garbage collector"
        " paused as the command pauses it; median, best in brackets; the interpreter's own"
        " start-up is the `python -c pass` row above):\n\n" + phases(args.runs)
    )
    print(text)
    if args.write:
        write_readme(text)


if __name__ == "__main__":
    main()
