"""Run ``slacalc.cli.main`` over many argument lists in one process; print the outcomes.

Used by tests/hostile/test_cli.py in a subprocess: reads a JSON list of argument lists
on stdin and writes one JSON object per list (exit code, stderr) on stdout. Anything
that escapes ``main`` is recorded as ``"escaped"`` with its traceback.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import traceback

from slacalc.cli import main


def _one(args: list[str]) -> dict[str, object]:
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(args)
    except BaseException:  # what the test must never see
        return {"args": args, "escaped": traceback.format_exc()}
    return {"args": args, "code": code, "stderr": err.getvalue()}


if __name__ == "__main__":
    cases = json.load(sys.stdin)
    json.dump([_one(args) for args in cases], sys.stdout)
