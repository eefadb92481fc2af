"""Edges of the command line: unforeseen errors, interrupts, unreadable files, output."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import TextIO

import pytest

from slacalc.cli import _commands, main
from slacalc.cli._files import read_events, read_text
from slacalc.cli._output import _csv_value, _fit, screen
from slacalc.cli._parse import CommandError
from slacalc.errors import PolicyFileError


def _raising(exc: BaseException) -> object:
    def run(args: argparse.Namespace, out: TextIO) -> int:
        raise exc

    return run


def test_an_unforeseen_error_is_one_line_named_by_its_type(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        _commands, "run_budget", _raising(RuntimeError("boom\nsecond " + "x" * 400))
    )
    assert main(["budget", "99.9%"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("slacalc: error: unexpected RuntimeError: boom second xxx")
    assert "second " + "x" * 288 + "... (please report this" in err
    assert err.count("\n") == 1


def test_a_short_unforeseen_error_is_shown_whole(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(_commands, "run_budget", _raising(ZeroDivisionError("division by zero")))
    assert main(["budget", "99.9%"]) == 2
    assert capsys.readouterr().err == (
        "slacalc: error: unexpected ZeroDivisionError: division by zero (please report this "
        "with the command line that caused it)\n"
    )


def test_an_interrupt_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(_commands, "run_budget", _raising(KeyboardInterrupt()))
    assert main(["budget", "99.9%"]) == 130
    assert capsys.readouterr().err == "slacalc budget: interrupted\n"


def test_a_closed_pipe_exits_141_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(_commands, "run_budget", _raising(BrokenPipeError()))
    assert main(["budget", "99.9%"]) == 141
    assert capsys.readouterr().err == ""


def test_an_unreadable_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "loop"
    path.symlink_to(path)  # reading it fails with ELOOP, neither missing nor a directory
    with pytest.raises(CommandError, match=r"^Cannot read '.*loop': Too many levels"):
        read_text(str(path))


def test_an_events_file_too_big_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("slacalc.cli._files.MAX_FILE_BYTES", 10)
    path = tmp_path / "events.json"
    path.write_text("[" + " " * 20 + "]", encoding="utf-8")
    with pytest.raises(
        CommandError, match=r"holds 22 characters; an events file is read whole, up to 10"
    ):
        read_events(str(path))


def test_an_events_file_nested_too_deep_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(PolicyFileError, match=r"nests tables and lists deeper than 32"):
        read_events(str(path))


def test_an_integer_beyond_the_digit_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    path.write_text("[" + "9" * (sys.get_int_max_str_digits() + 1) + "]", encoding="utf-8")
    with pytest.raises(CommandError, match=r"events.json' cannot be read: Exceeds the limit"):
        read_events(str(path))


class _Closed(io.StringIO):
    def isatty(self) -> bool:
        raise ValueError("I/O operation on closed file")


def test_a_closed_output_is_not_a_terminal() -> None:
    shown = screen(_Closed())
    assert (shown.width, shown.colour) == (None, False)


def test_columns_narrow_no_further_than_their_longest_word() -> None:
    assert _fit(("a", "b"), [("abcdefgh", "ijklmnop")], 5) == [8, 8]


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (None, ""),
        (True, "true"),
        (False, "false"),
        ({"a": "ø"}, '{"a": "ø"}'),
        ([1], "[1]"),
        (7, "7"),
    ],
)
def test_csv_cells(value: object, cell: str) -> None:
    assert _csv_value(value) == cell
