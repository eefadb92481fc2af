"""Reading the command line's input files: ticket events (JSON), incidents and maintenance (CSV).

Only data is parsed (``json``, ``csv``). Every problem names the file and the place
(event number, CSV line) and says what to write, as a :class:`CommandError`.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, TextIO

from slacalc.cli._parse import CommandError, parse_instant
from slacalc.cli._progress import Progress

__all__ = [
    "Incident",
    "read_events",
    "read_incidents",
    "read_table",
    "read_text",
    "read_tickets",
    "read_windows",
]

Incident = tuple[Any, ...]
"""An incident as read: ``(line, start, end or None, severity, label or None)``."""


def _open_binary(path: str) -> tuple[IO[bytes], int | None]:
    if path == "-":
        return sys.stdin.buffer, None
    try:
        handle = Path(path).open("rb")  # noqa: SIM115 - the caller closes it
    except FileNotFoundError:
        raise CommandError(
            f"No file at {path!r}; check the path (relative paths start at {os.getcwd()!r})."
        ) from None
    except OSError as exc:
        raise CommandError(f"Cannot read {path!r}: {exc.strerror or exc}.") from None
    try:
        size = os.fstat(handle.fileno()).st_size
    except OSError:  # pragma: no cover - a file that vanished after opening
        size = None
    return handle, size


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
    handle, _ = _open_binary(path)
    try:
        data = handle.read()
    finally:
        if handle is not sys.stdin.buffer:
            handle.close()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CommandError(
            f"{path!r} is not UTF-8 text (byte {exc.start}); save it as UTF-8."
        ) from None


def read_events(path: str) -> list[dict[str, Any]]:
    """A ticket's events from a JSON file: a list of events, or ``{"events": [...]}``.

    Each event is ``{"kind": ..., "at": "<ISO 8601 with offset>", "severity": ...}``
    (``severity`` for ``opened`` and ``severity_changed``). The instants are read here;
    everything else is checked by :meth:`slacalc.SLAPolicy.evaluate`.

    Raises:
        CommandError: the file is missing, not JSON, not a list of events, or an
            instant has no offset.

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
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CommandError(
            f"{path!r} is not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}; "
            "fix the syntax there."
        ) from None
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
                f"{path!r}: event {index} is {item!r}, not an object; write "
                '{"kind": ..., "at": ..., "severity": ...}.'
            )
        event = dict(item)
        at = event.get("at")
        if isinstance(at, str):
            try:
                event["at"] = parse_instant(at, what=f"event {index} 'at'")
            except ValueError as exc:
                raise CommandError(f"{path!r}: {exc}") from None
        elif "at" in event:
            raise CommandError(
                f"{path!r}: event {index} 'at' is {at!r}, not a date and time; write an "
                "ISO 8601 string with an offset such as '2026-11-30T09:00+01:00'."
            )
        events.append(event)
    return events


class _Reader:
    """Decoded lines of a binary file, counting the bytes read for the progress bar."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.done = 0

    def __iter__(self) -> Iterator[str]:
        for raw in self.handle:
            first = self.done == 0
            self.done += len(raw)
            yield raw.decode("utf-8-sig" if first else "utf-8")


def read_table(
    path: str,
    *,
    stderr: TextIO,
    required: tuple[str, ...],
    optional: tuple[str, ...] = (),
    what: str = "row",
) -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV file with a header, as ``(line number, {column: text})``.

    Column names are matched without regard to case and surrounding spaces; columns
    other than ``required`` and ``optional`` are ignored; blank lines are skipped. A
    progress bar is drawn on ``stderr`` for large files when it is a terminal.

    Raises:
        CommandError: the file is missing, empty, not UTF-8 or not CSV, lacks a required
            column, or a row has another number of fields than the header.

    Examples:
        >>> import io, pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     p = pathlib.Path(tmp) / "t.csv"
        ...     _ = p.write_text("Start,End,Note\\n1,2,x\\n\\n3,4,y\\n", encoding="utf-8")
        ...     read_table(str(p), stderr=io.StringIO(), required=("start", "end"))
        [(2, {'start': '1', 'end': '2'}), (4, {'start': '3', 'end': '4'})]
    """
    handle, size = _open_binary(path)
    name = "<stdin>" if path == "-" else path
    header_hint = ",".join((*required, *optional))
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        with Progress(Path(name).name, size, stderr) as progress:
            try:
                lines = _Reader(handle)
                reader = csv.reader(lines)
                header = next(reader, None)
                if header is None:
                    raise CommandError(
                        f"{name!r} is empty; write a header {header_hint!r} and one {what} "
                        "per line."
                    )
                columns = [h.strip().lower() for h in header]
                for column in required:
                    if column not in columns:
                        raise CommandError(
                            f"{name!r} has no {column!r} column (header: "
                            f"{','.join(header)!r}); the header needs "
                            f"{', '.join(repr(c) for c in required)}"
                            + (
                                f", optionally {', '.join(repr(c) for c in optional)}."
                                if optional
                                else "."
                            )
                        )
                where = {c: columns.index(c) for c in (*required, *optional) if c in columns}
                for row in reader:
                    line = reader.line_num
                    if not row or all(not cell.strip() for cell in row):
                        continue
                    if len(row) != len(columns):
                        raise CommandError(
                            f"{name!r} line {line} has {len(row)} fields, the header "
                            f"{len(columns)}; give every row the header's columns."
                        )
                    rows.append((line, {c: row[i].strip() for c, i in where.items()}))
                    if len(rows) % 1024 == 0:
                        progress.update(lines.done, len(rows))
            except UnicodeDecodeError as exc:
                raise CommandError(
                    f"{name!r} is not UTF-8 text ({exc.reason}); save it as UTF-8."
                ) from None
            except csv.Error as exc:
                raise CommandError(f"{name!r} is not valid CSV: {exc}.") from None
    finally:
        if handle is not sys.stdin.buffer:
            handle.close()
    return rows


def read_incidents(path: str, *, stderr: TextIO) -> list[Incident]:
    """Incidents from a CSV file with a header: ``start,end[,severity][,label]``.

    ``start`` and ``end`` are ISO 8601 instants with offsets; an empty ``end`` is an
    outage still open. ``severity`` is ``full`` (default), ``partial``, ``degraded`` or
    ``major``. Other columns (an ``incident_id``, say) are ignored.

    Raises:
        CommandError: the file is missing, not UTF-8, lacks a column, or a row is bad.

    Examples:
        >>> import io, pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     p = pathlib.Path(tmp) / "incidents.csv"
        ...     _ = p.write_text("start,end\\n2026-11-04T02:10+01:00,2026-11-04T02:41+01:00\\n",
        ...                      encoding="utf-8")
        ...     [(line, s.minute, e.minute) for line, s, e, *_ in
        ...      read_incidents(str(p), stderr=io.StringIO())]
        [(2, 10, 41)]
    """
    name = "<stdin>" if path == "-" else path
    out: list[Incident] = []
    for line, v in read_table(
        path,
        stderr=stderr,
        required=("start", "end"),
        optional=("severity", "label"),
        what="incident",
    ):
        start = _instant(name, line, "start", v["start"])
        end = _instant(name, line, "end", v["end"]) if v["end"] else None
        out.append((line, start, end, v.get("severity") or "full", v.get("label") or None))
    return out


def read_windows(path: str, *, stderr: TextIO) -> list[tuple[dt.datetime, dt.datetime]]:
    """Planned maintenance windows from a CSV file with a header: ``start,end[,label]``.

    ``start`` and ``end`` are ISO 8601 instants with offsets, as for incidents; a
    window needs both. Other columns are ignored.

    Raises:
        CommandError: the file is missing, not UTF-8, lacks a column, or a row is bad.

    Examples:
        >>> import io, pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     p = pathlib.Path(tmp) / "maintenance.csv"
        ...     _ = p.write_text("start,end,label\\n2026-11-01T02:00+01:00,"
        ...                      "2026-11-01T03:30+01:00,Patches\\n", encoding="utf-8")
        ...     [(s.hour, e.hour, e.minute) for s, e in read_windows(str(p), stderr=io.StringIO())]
        [(2, 3, 30)]
    """
    name = "<stdin>" if path == "-" else path
    out: list[tuple[dt.datetime, dt.datetime]] = []
    for line, v in read_table(
        path,
        stderr=stderr,
        required=("start", "end"),
        what="maintenance window",
    ):
        start = _instant(name, line, "start", v["start"])
        end = _instant(name, line, "end", v["end"])
        if end < start:
            raise CommandError(
                f"{name!r} line {line}: the window ends at {v['end']!r}, before its start "
                f"{v['start']!r}; give an end at or after the start."
            )
        out.append((start, end))
    return out


def read_tickets(path: str, *, stderr: TextIO) -> list[dict[str, Any]]:
    """Ticket events from a CSV file with a header: ``ticket_id,kind,at,severity``.

    One row per event (the shape of ``slacalc.datasets.load_tickets``); ``at`` is an
    ISO 8601 instant with an offset; ``severity`` is empty except for ``opened`` and
    ``severity_changed``.

    Raises:
        CommandError: the file is missing, not UTF-8, lacks a column, or a row is bad.

    Examples:
        >>> import io, pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     p = pathlib.Path(tmp) / "tickets.csv"
        ...     _ = p.write_text("ticket_id,kind,at,severity\\n"
        ...                      "7,opened,2026-11-30T09:00+01:00,high\\n", encoding="utf-8")
        ...     rows = read_tickets(str(p), stderr=io.StringIO())
        >>> rows[0]["ticket_id"], rows[0]["at"].isoformat(), rows[0]["severity"]
        ('7', '2026-11-30T09:00:00+01:00', 'high')
    """
    name = "<stdin>" if path == "-" else path
    out: list[dict[str, Any]] = []
    for line, v in read_table(
        path,
        stderr=stderr,
        required=("ticket_id", "kind", "at"),
        optional=("severity",),
        what="event",
    ):
        if not v["ticket_id"]:
            raise CommandError(f"{name!r} line {line}: 'ticket_id' is empty; fill it in.")
        event: dict[str, Any] = {
            "ticket_id": v["ticket_id"],
            "kind": v["kind"],
            "at": _instant(name, line, "at", v["at"]),
        }
        if v.get("severity"):
            event["severity"] = v["severity"]
        out.append(event)
    return out


def _instant(name: str, line: int, column: str, text: str) -> dt.datetime:
    if not text:
        raise CommandError(
            f"{name!r} line {line}: {column!r} is empty; write an instant such as "
            "'2026-11-04T02:10+01:00'."
        )
    try:
        return parse_instant(text, what=repr(column))
    except ValueError as exc:
        raise CommandError(f"{name!r} line {line}: {exc}") from None
