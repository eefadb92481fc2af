"""Reading the command line's input files: ticket events (JSON) and tables (CSV).

Only the files are opened here: a CSV file goes to the reports' one table reader as
:class:`slacalc.reports.CsvRows`, which checks its rows and names the line of a problem.
Every problem with the file itself names it and says what to do, as a
:class:`CommandError`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from slacalc._time import instant_from
from slacalc._validate import MAX_FILE_BYTES, check_data, shown, too_deep
from slacalc.cli._parse import CommandError
from slacalc.errors import SlacalcError

if TYPE_CHECKING:
    from slacalc.reports import CsvRows

__all__ = ["read_csv", "read_events", "read_text"]


def read_text(path: str) -> str:
    """The UTF-8 text of ``path`` (``'-'`` reads standard input).

    Raises:
        CommandError: missing, unreadable, or not UTF-8.

    Examples:
        >>> read_text("missing.json")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.cli._parse.CommandError: No file at 'missing.json'; check the path ...
    """
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise CommandError(
            f"No file at {path!r}; check the path (relative paths start at {os.getcwd()!r})."
        ) from None
    except OSError as exc:
        raise CommandError(f"Cannot read {path!r}: {exc.strerror or exc}.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CommandError(
            f"{path!r} is not UTF-8 text (byte {exc.start}); save it as UTF-8."
        ) from None


def read_csv(path: str) -> CsvRows:
    """The rows of the CSV file at ``path`` (``'-'``: standard input) for the table reader.

    Examples:
        >>> import pathlib, tempfile
        >>> from slacalc.reports import read_windows
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     p = pathlib.Path(tmp) / "maintenance.csv"
        ...     _ = p.write_text("start,end,label\\n2026-11-01T02:00+01:00,"
        ...                      "2026-11-01T03:30+01:00,Patches\\n", encoding="utf-8")
        ...     [(s.hour, e.hour, e.minute) for s, e in read_windows(read_csv(str(p)))]
        [(2, 3, 30)]
    """
    from slacalc.reports import CsvRows

    text = read_text(path)
    return CsvRows(
        csv.DictReader(io.StringIO(text, newline="")), "<stdin>" if path == "-" else path
    )


def read_events(path: str) -> list[dict[str, Any]]:
    """A ticket's events from a JSON file: a list of events, or ``{"events": [...]}``.

    Each event is ``{"kind": ..., "at": "<ISO 8601 with offset>", "severity": ...}``
    (``severity`` for ``opened`` and ``severity_changed``). The instants are read here;
    everything else is checked by :meth:`slacalc.SLAPolicy.evaluate`.

    Raises:
        CommandError: the file is missing, not JSON, not a list of events, or an
            instant has no offset.
        PolicyFileError: the file is larger than 10 MB, nests deeper than 32 levels or
            holds an integer of more than 18 digits.

    Examples:
        >>> import pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     p = pathlib.Path(tmp) / "events.json"
        ...     _ = p.write_text('[{"kind": "opened", "at": "2026-11-30T09:00+01:00", '
        ...                      '"severity": "high"}]', encoding="utf-8")
        ...     read_events(str(p))[0]["at"].isoformat()
        '2026-11-30T09:00:00+01:00'
    """
    text = read_text(path)
    if len(text) > MAX_FILE_BYTES:
        raise CommandError(
            f"{path!r} holds {len(text)} characters; an events file is read whole, up to "
            f"{MAX_FILE_BYTES}. Check that this is one ticket's events."
        )
    try:
        data = json.loads(text)
    except RecursionError:
        raise too_deep(path) from None
    except json.JSONDecodeError as exc:
        raise CommandError(
            f"{path!r} is not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}; "
            "fix the syntax there."
        ) from None
    except ValueError as exc:  # an integer beyond Python's digit limit
        raise CommandError(f"{path!r} cannot be read: {exc}.") from None
    check_data(data, path)
    if isinstance(data, dict) and "events" in data:
        data = data["events"]
    if not isinstance(data, list):
        raise CommandError(
            f"{path!r} holds {type(data).__name__}, not a list of events; write "
            '[{"kind": "opened", "at": "2026-11-30T09:00+01:00", "severity": "high"}, ...].'
        )
    events: list[dict[str, Any]] = []
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            raise CommandError(
                f"{path!r}: event {index} is {shown(item)}, not an object; write "
                '{"kind": ..., "at": ..., "severity": ...}.'
            )
        event = dict(item)
        at = event.get("at")
        if isinstance(at, str):
            try:
                event["at"] = instant_from(at, what=f"event {index} 'at'")
            except SlacalcError as exc:
                raise CommandError(f"{path!r}: {exc}") from None
        elif "at" in event:
            raise CommandError(
                f"{path!r}: event {index} 'at' is {shown(at)}, not a date and time; write an "
                "ISO 8601 string with an offset such as '2026-11-30T09:00+01:00'."
            )
        events.append(event)
    return events
