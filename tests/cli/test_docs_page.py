"""Every ``slacalc ...`` line of docs/guide/cli.md runs through ``main()`` and exits 0.

The page's conventions, which this test relies on:

- a fenced block with ``title="NAME"`` is a file the examples use; it is written to a
  temporary folder, where the commands run;
- each line of a ```sh block that starts with ``slacalc`` is a command (a trailing ``\\``
  continues it on the next line);
- a ```text block right after a ```sh block of exactly one command is that command's
  output, and must match it exactly.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from slacalc.cli import main

PAGE = Path(__file__).resolve().parents[2] / "docs" / "guide" / "cli.md"
FENCE = re.compile(
    r'^```(?P<lang>[\w-]*)(?: title="(?P<title>[^"]+)")?\n(?P<body>.*?)^```\n(?P<gap>\s*)',
    re.DOTALL | re.MULTILINE,
)


def _blocks() -> list[tuple[str, str | None, str, int, int]]:
    text = PAGE.read_text(encoding="utf-8")
    return [(m["lang"], m["title"], m["body"], m.start(), m.end()) for m in FENCE.finditer(text)]


def _commands(body: str) -> list[str]:
    joined = body.replace("\\\n", " ")
    return [line.strip() for line in joined.splitlines() if line.strip().startswith("slacalc")]


def _cases() -> list[tuple[str, str | None]]:
    blocks = _blocks()
    cases: list[tuple[str, str | None]] = []
    for i, (lang, _title, body, _start, end) in enumerate(blocks):
        if lang != "sh":
            continue
        commands = _commands(body)
        expected = None
        if len(commands) == 1 and i + 1 < len(blocks):
            nxt = blocks[i + 1]
            if nxt[0] == "text" and nxt[1] is None and nxt[3] == end:
                expected = nxt[2]
        cases.extend((command, expected if len(commands) == 1 else None) for command in commands)
    return cases


CASES = _cases()


def test_the_page_documents_every_command() -> None:
    documented = {shlex.split(c)[1] for c, _ in CASES if len(shlex.split(c)) > 1}
    assert documented >= {
        "demo",
        "budget",
        "due",
        "status",
        "availability",
        "report",
        "document",
        "check",
    }
    assert sum(expected is not None for _, expected in CASES) >= 6


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for _lang, title, body, _start, _end in _blocks():
        if title is not None:
            (tmp_path / title).write_text(body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("command", "expected"), CASES, ids=[c for c, _ in CASES])
def test_documented_command(
    files: Path, capsys: pytest.CaptureFixture[str], command: str, expected: str | None
) -> None:
    code = main(shlex.split(command)[1:])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert err == ""
    if expected is not None:
        assert out == expected
