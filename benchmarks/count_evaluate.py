"""``policy.evaluate`` in machine instructions per ticket, which a busy machine cannot move.

    .venv/bin/python benchmarks/count_evaluate.py                   # ~4 min on 2 cores
    .venv/bin/python benchmarks/count_evaluate.py --before 9643867  # also an earlier commit
    .venv/bin/python benchmarks/count_evaluate.py --write           # also update README.md

On a shared virtual machine the CPU time of the same call moves by half from one hour
to the next (other tenants' load, the host's clock), so a change of a few per cent in
``bench_tickets.py``'s µs needs alternating runs to be told from noise. Valgrind's
callgrind counts the instructions a process executes instead: the same code, inputs and
hash seed give the same count, to within 0.3 %, on any machine, loaded or not. It is
the measure to compare commits with; the µs stay the measure of the target.

What is counted: the tickets ``bench_tickets.py`` makes (its generator and seed), a
sample of ``--tickets`` per number of events, evaluated warm on the built-in policy as
``bench_tickets.py`` evaluates them (events as dicts, ``at`` = the last event). Each
figure is the difference between two runs of one fresh interpreter under callgrind,
which import, build and warm the same things and differ only in ``--loops`` more passes
over the sample, divided by the evaluations those passes make: import, start-up and
warming cancel out. ``PYTHONHASHSEED=0`` makes the runs repeat exactly. Needs
``valgrind`` (Debian: ``apt-get install valgrind``).
"""

from __future__ import annotations

import argparse
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from _harness import export_src, git_revision, replace_between_markers
from bench_tickets import make_tickets

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
README = HERE / "README.md"

# The child: import, build and warm everything, then ``loops`` passes over one sample.
CHILD = """
import pickle, sys
from slacalc.policy import default_policy
samples = pickle.load(open(sys.argv[1], "rb"))
count, loops = int(sys.argv[2]), int(sys.argv[3])
evaluate = default_policy().evaluate
for sample in samples.values():
    for events in sample:
        evaluate(events, at=events[-1]["at"])
sample = samples[count]
for _ in range(loops):
    for events in sample:
        evaluate(events, at=events[-1]["at"])
"""
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def samples(counts: Sequence[int], per_count: int, seed: int) -> dict[int, list[object]]:
    """``per_count`` tickets of each number of events, as ``bench_tickets.py`` samples them."""
    out: dict[int, list[object]] = {n: [] for n in counts}
    for ticket in make_tickets(20_000, seed + 1, first_id=1).tickets().values():
        chosen = out.get(len(ticket))
        if chosen is not None and len(chosen) < per_count:
            chosen.append(ticket)
    return out


def instructions(src: Path, data: Path, count: int, loops: int) -> int:
    """Instructions one fresh interpreter executes running :data:`CHILD` on ``src``."""
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
    run = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            "-c",
            CHILD,
            str(data),
            str(count),
            str(loops),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    found = _REFS.search(run.stderr)
    if found is None:
        raise RuntimeError(f"callgrind gave no instruction count:\n{run.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def per_evaluate(
    src: Path, data: Path, counts: Sequence[int], tickets: dict[int, int], loops: int
) -> dict[int, int]:
    """Instructions per ``evaluate`` on ``src``, by number of events (runs two at a time)."""
    jobs = [(n, k) for n in counts for k in (0, loops)]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        got = dict(
            zip(jobs, pool.map(lambda job: instructions(src, data, *job), jobs), strict=True)
        )
    return {n: round((got[n, loops] - got[n, 0]) / (loops * tickets[n])) for n in counts}


def render(args: argparse.Namespace, now: dict[int, int], before: dict[int, int] | None) -> str:
    command = "benchmarks/count_evaluate.py " + " ".join(sys.argv[1:])
    lines = [
        f"Counted at git {git_revision()} with callgrind (`valgrind --tool=callgrind`), CPython "
        f"{sys.version.split()[0]}; command: `.venv/bin/python {command.strip()}`; "
        f"{args.tickets} tickets per row, {args.loops} passes, seed {args.seed}.",
        "",
    ]
    if before is None:
        lines += ["| events | instructions per `evaluate` |", "|---:|---:|"]
        lines += [f"| {n} | {now[n]:,} |" for n in args.events]
    else:
        lines += [
            f"| events | at {args.before} | now | change |",
            "|---:|---:|---:|---:|",
        ]
        lines += [
            f"| {n} | {before[n]:,} | {now[n]:,} | {now[n] / before[n] - 1:+.1%} |"
            for n in args.events
        ]
    return "\n".join(lines)


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--events", type=int, nargs="+", default=[2, 4, 6, 8, 10], help="event counts")
    p.add_argument("--tickets", type=int, default=100, help="tickets per event count (100)")
    p.add_argument("--loops", type=int, default=2, help="passes over the sample (2)")
    p.add_argument("--seed", type=int, default=2026, help="bench_tickets.py's seed (2026)")
    p.add_argument("--before", metavar="REV", help="also count the src of this commit")
    p.add_argument("--write", action="store_true", help="also update benchmarks/README.md")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "tickets.pkl"
        chosen = samples(args.events, args.tickets, args.seed)
        data.write_bytes(pickle.dumps(chosen))
        sizes = {n: len(chosen[n]) for n in args.events}
        print(f"counting at {git_revision()} ...", file=sys.stderr)
        now = per_evaluate(ROOT / "src", data, args.events, sizes, args.loops)
        before = None
        if args.before:
            print(f"counting at {args.before} ...", file=sys.stderr)
            old = export_src(args.before, Path(tmp) / args.before)
            before = per_evaluate(old, data, args.events, sizes, args.loops)
    text = render(args, now, before)
    print(text)
    if args.write:
        replace_between_markers(README, "instructions", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
