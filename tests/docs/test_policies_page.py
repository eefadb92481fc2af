"""The ``slacalc check`` runs shown in docs/guide/policies.md give the output shown.

The page's policy files are Python strings in its examples (``SLA_TOML`` is sla.toml,
``BROKEN`` is broken.toml); each ```sh block of one ``slacalc`` command is followed by
a ```text block with that command's exact output.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from slacalc.cli import EXIT_OK, EXIT_PROBLEMS, main

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "guide" / "policies.md"
FILES = {"SLA_TOML": "sla.toml", "BROKEN": "broken.toml"}
PYTHON = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
RUN = re.compile(r"^```sh\n(slacalc [^\n]*)\n```\n\n```text\n(.*?)^```", re.DOTALL | re.MULTILINE)


def _text() -> str:
    return PAGE.read_text(encoding="utf-8")


def _runs() -> list[tuple[str, str]]:
    return RUN.findall(_text())


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    namespace: dict[str, object] = {"__name__": "docs_policies"}
    for block in PYTHON.findall(_text()):
        exec(compile(block, str(PAGE), "exec"), namespace)
    for variable, name in FILES.items():
        text = namespace[variable]
        assert isinstance(text, str)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_page_shows_a_valid_and_a_broken_check() -> None:
    assert [command for command, _ in _runs()] == [
        "slacalc check sla.toml",
        "slacalc check broken.toml",
    ]


@pytest.mark.parametrize(("command", "expected"), _runs(), ids=[c for c, _ in _runs()])
def test_documented_check(
    files: Path, capsys: pytest.CaptureFixture[str], command: str, expected: str
) -> None:
    code = main(shlex.split(command)[1:])
    out, err = capsys.readouterr()
    assert err == ""
    assert code == (EXIT_PROBLEMS if "broken" in command else EXIT_OK)
    assert out == expected
