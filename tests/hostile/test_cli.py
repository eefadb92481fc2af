"""Every command, every argument, hostile values: one line on stderr, never a traceback.

The commands and their arguments are read from the parser, so a new command or option
is covered as soon as it exists; it needs a valid value below only when it is required
(or positional).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from slacalc.cli import EXIT_ERROR, build_parser

pytestmark = pytest.mark.timeout(240)

DATA = Path(__file__).parent.parent / "cli" / "data"
RUNNER = Path(__file__).with_name("_cli_runner.py")

#: A valid value for each required or positional argument, by its dest.
VALID = {
    "target": "99.9%",
    "severity": "high",
    "events": str(DATA / "events.json"),
    "incidents": str(DATA / "incidents.csv"),
    "tickets": str(DATA / "tickets.csv"),
    "policy": str(DATA / "sla.toml"),
}


def _env() -> dict[str, str]:
    """This process's environment, with the slacalc it imports found first."""
    import slacalc

    env = dict(os.environ)
    src = str(Path(slacalc.__file__).parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH", "")) if p)
    return env


def _hostile_files(tmp: Path) -> list[str]:
    files = {
        "deep.json": '{"a":' * 50_000 + "1" + "}" * 50_000,
        "deep_list.json": "[" * 50_000 + "]" * 50_000,
        "deep.toml": "a = " + "[" * 50_000 + "]" * 50_000,
        "bigint.json": '{"support": {"hours": ' + "9" * 5000 + "}}",
        "bigint.toml": "x = " + "9" * 40,
        "inf.json": '{"support": {"hours": Infinity, "tz": NaN}}',
        "list.json": "[1, [2], {}]",
        "events.json": '[{"kind": ["opened"], "at": "2026-11-30T09:00+01:00", "severity": {}}]',
        "far.json": '[{"kind": "opened", "at": "9998-12-31T23:00Z", "severity": "high"}]',
        "far.csv": "start,end\n0002-01-01T00:00Z,9998-12-30T00:00Z\n",
        "tickets.csv": "ticket_id,kind,at,severity\n1,opened,9998-12-31T23:00Z,high\n",
        "binary.toml": "\x00\x01\x02",
        "bad.csv": "start,end\n" + "x," * 10_000 + "\n",
    }
    paths = []
    for name, text in files.items():
        path = tmp / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    (tmp / "latin1.json").write_bytes(b"\xff\xfe[]")
    paths += [str(tmp / "latin1.json"), str(tmp), str(tmp / "missing.toml"), "/dev/null"]
    return paths


VALUES = [
    "",
    " ",
    "-",
    "x" * 5000,
    "9" * 5000,
    "9" * 5000 + "%",
    "-1",
    "nan",
    "inf",
    "1e999999",
    "0001-01-01T00:00Z",
    "9999-12-31T23:59:59.999999Z",
    "9998-12-31T23:00Z",
    "2026-02-30T10:00Z",
    "99999-01",
    "0000-00",
    "99.9%:" * 2000,
    "\u00e9\u2603",
]


def _cases(tmp: Path) -> list[list[str]]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    hostile = VALUES + _hostile_files(tmp)
    cases: list[list[str]] = [[], ["x" * 5000], ["--" + "x" * 5000]]
    for name, command in sub.choices.items():
        actions = [a for a in command._actions if a.dest != "help"]
        base: list[str] = [name]
        for action in actions:
            if action.required or not action.option_strings:
                if action.dest in VALID and action.option_strings:
                    base += [action.option_strings[0], VALID[action.dest]]
                elif action.dest in VALID and action.nargs != "?":
                    base.append(VALID[action.dest])
        cases.append(base)
        for action in actions:
            if action.nargs == 0:  # a flag: add it to the valid command
                cases.append([*base, action.option_strings[0]])
                continue
            for value in hostile:
                if action.option_strings:
                    flag = action.option_strings[0]
                    args = list(base)
                    if flag in args:
                        i = args.index(flag)
                        args[i + 1] = value
                    else:
                        args += [flag, value]
                else:
                    args = [name] + [value if a == VALID.get(action.dest) else a for a in base[1:]]
                    if args == base:
                        args.append(value)
                cases.append(args)
    return cases


def test_every_command_answers_hostile_arguments_in_one_line(tmp_path: Path) -> None:
    cases = _cases(tmp_path)
    assert len(cases) > 300
    work = tmp_path / "cwd"  # where -o writes the files some cases name
    work.mkdir()
    proc = subprocess.run(
        [sys.executable, str(RUNNER)],
        cwd=work,
        env=_env(),
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=200,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    problems = []
    for result in json.loads(proc.stdout):
        args = [a if len(a) < 60 else a[:40] + "..." for a in result["args"]]
        if "escaped" in result:
            problems.append(f"{args}: escaped\n{result['escaped']}")
            continue
        err = result["stderr"]
        if result["code"] == EXIT_ERROR:
            if err.count("\n") != 1 or "Traceback" in err or "unexpected" in err:
                problems.append(f"{args}: {err[:500]!r}")
        elif result["code"] not in (0, 1):
            problems.append(f"{args}: exit code {result['code']}, {err[:300]!r}")
    assert not problems, "\n".join(problems[:20]) + f"\n({len(problems)} in all)"


def test_the_console_entry_point_stays_one_line(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "slacalc", "status", str(deep)],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == EXIT_ERROR
    assert proc.stderr.count("\n") == 1
    assert "deeper than 32 levels" in proc.stderr


def test_an_unforeseen_error_is_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from slacalc.cli import _app, main

    def broken(args: list[str]) -> int:
        raise RecursionError("maximum recursion depth exceeded\nwhile reading " + "x" * 1000)

    monkeypatch.setattr(_app, "_run", broken)
    assert main(["budget", "99.9%"]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith("slacalc: error: unexpected RecursionError: maximum recursion")
    assert err.count("\n") == 1
    assert len(err) < 500
