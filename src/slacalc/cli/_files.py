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

__all__ = ["read_csv", "read_events", "read_source", "read_text"]


def read_text(path: str) -> str:
    """The UTF-8 text of ``path`` (``'-'`` reads standard input).

    Raises:
        CommandError: missing, a directory, unreadable, or not UTF-8.

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
    except IsADirectoryError:
        raise CommandError(f"{path!r} is a directory, not a file; pass a file in it.") from None
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

    Fields are separated by commas, or by semicolons when the header has more of those
    (the default of Excel in Danish and other languages with a decimal comma).

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
    head = text.split("\n", 1)[0]
    delimiter = ";" if head.count(";") > head.count(",") else ","  # Excel in Danish: ';'
    return CsvRows(
        csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter),
        "<stdin>" if path == "-" else path,
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


def read_source(args: Any, progress: Any = None) -> Any:
    """The events of the export ``args.tickets`` read as ``args.source`` says.

    ``zendesk``, ``jira`` and ``freshdesk`` read JSON or CSV by the file's content
    (Zendesk JSON with ``"audits"`` as audits, else as metric events). The options are
    the readers' (``--columns``, ``--severity-map``, ``--status-map``, ``--tz``, ...).

    Raises:
        CommandError: an option the source needs is missing.

    Examples:
        >>> import argparse, pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     p = pathlib.Path(tmp) / "export.csv"
        ...     _ = p.write_text("Id;Created;Priority\\n7;2026-11-30T09:00+01:00;high\\n",
        ...                      encoding="utf-8")
        ...     args = argparse.Namespace(tickets=str(p), source="generic-wide",
        ...         columns={"ticket_id": "Id", "created": "Created", "priority": "Priority"},
        ...         severity_map=None, status_map=None, status_columns=None, tz=None,
        ...         priority=None, versions=None)
        ...     read_source(args, None)[0]["kind"]
        'opened'
    """
    from slacalc import sources

    path, source = args.tickets, args.source
    text = read_text(path)  # a missing or unreadable file is a CommandError naming it
    common = {"progress": progress, "as_frame": False}
    maps = {"severity_map": args.severity_map}
    if source in ("generic-long", "generic-wide"):
        options = {
            **common,
            **maps,
            "columns": args.columns,
            "status_map": args.status_map,
            "tz": args.tz,
        }
        if source == "generic-long":
            return sources.read_long(path, **options)
        return sources.read_wide(path, status_columns=args.status_columns, **options)
    if source in ("frappe", "erpnext"):
        read = sources.read_frappe_helpdesk if source == "frappe" else sources.read_erpnext
        return read(path, args.versions, tz=args.tz, status_map=args.status_map, **maps, **common)
    if text.lstrip()[:1] not in ("{", "["):
        csv_reader = {
            "zendesk": sources.read_zendesk_csv,
            "jira": sources.read_jira_csv,
            "freshdesk": sources.read_freshdesk_csv,
        }[source]
        return csv_reader(path, tz=args.tz, **maps, **common)
    if source == "jira":
        return sources.read_jira(path, status_map=args.status_map, **maps, **common)
    if source == "freshdesk":
        return sources.read_freshdesk_activities(path, status_map=args.status_map, **maps, **common)
    if '"audits"' in text:
        return sources.read_zendesk_audits(path, status_map=args.status_map, **maps, **common)
    if args.priority is None:
        raise CommandError(
            f"{path!r} holds Zendesk metric events, which carry no priority; pass the "
            "tickets' priority with --priority, e.g. --priority normal."
        )
    return sources.read_zendesk_metric_events(
        path, priorities=args.priority, status_map=args.status_map, **maps, **common
    )
