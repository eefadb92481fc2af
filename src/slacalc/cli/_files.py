"""Reading the command line's input files: ticket events (JSON) and tables (CSV).

Only the files are opened here: a CSV file goes to the reports' one table reader as
:class:`slacalc.reports.CsvRows`, which checks its rows and names the line of a problem.
Every problem with the file itself names it and says what to do, as a
:class:`CommandError`.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from slacalc._time import instant_from
from slacalc._validate import MAX_FILE_BYTES, check_data, too_deep
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
            f"{path!r} holds {_json_text(data)}, not a list of events; write "
            '[{"kind": "opened", "at": "2026-11-30T09:00+01:00", "severity": "high"}, ...].'
        )
    events: list[dict[str, Any]] = []
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            raise CommandError(
                f"{path!r}: event {index} is {_json_text(item)}, not an object; write "
                '{"kind": ..., "at": ..., "severity": ...}.'
            )
        _check_event(path, index, item)
        event = dict(item)
        at = event.get("at")
        if isinstance(at, str):
            try:
                event["at"] = instant_from(at, what=f"event {index} 'at'")
            except SlacalcError as exc:
                raise CommandError(f"{path!r}: {exc}") from None
        elif "at" in event:
            raise CommandError(
                f"{path!r}: event {index} 'at' is {_json_text(at)}, not a date and time; write an "
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


def _json_text(value: object) -> str:
    """A JSON value as the file wrote it (``true``, ``null``, ``[1, 2]``), short.

    Examples:
        >>> _json_text(None), _json_text({"kind": "opened"}), _json_text([True, 1.5])
        ('null', 'an object', '[true, 1.5]')
    """
    if isinstance(value, dict):
        return "an object"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


@functools.cache
def _event_keys() -> tuple[str, ...]:
    """The attributes of a ticket event, as :class:`~slacalc.timers.TicketEvent` names them.

    Examples:
        >>> _event_keys()[:3]
        ('kind', 'at', 'severity')
    """
    from slacalc.timers import TicketEvent

    return tuple(f.name for f in dataclasses.fields(TicketEvent))


_EVENT_TEXTS = {"kind": "opened", "severity": "high", "status": "pending", "author": "customer"}
_EVENT_TEXTS |= {"assignee": "anna", "group": "web"}
"""The attributes of an event that are text in an events file, each with an example."""


def _check_event(path: str, index: int, event: dict[str, Any]) -> None:
    """What an event of an events file must look like in JSON, said in JSON's words.

    The ticket clocks check each kind's attributes again; here the shell user hears
    about a misspelt key, a number or ``null`` where text belongs, or a missing ``at``
    or severity in the file's own terms.
    """
    import difflib

    keys = _event_keys()
    where = f"{path!r}: event {index}"
    for key in event:
        if key not in keys:
            close = difflib.get_close_matches(str(key), keys, n=1)
            hint = f"did you mean {close[0]!r}?" if close else "remove it"
            raise CommandError(
                f"{where} has the key {key!r}, which no event has; {hint} (an event has "
                f"{', '.join(map(repr, keys))})."
            )
    if "at" not in event:
        raise CommandError(f'{where} has no "at"; add one, e.g. "at": "2026-11-30T09:00+01:00".')
    for key, example in _EVENT_TEXTS.items():
        value = event.get(key, "")
        if not isinstance(value, str) and not (key == "assignee" and value is None):
            raise CommandError(
                f'{where} "{key}" is {_json_text(value)}, not text; write it in quotes, '
                f'e.g. "{key}": "{example}".'
            )
    if "public" in event and not isinstance(event["public"], bool):
        raise CommandError(
            f'{where} "public" is {_json_text(event["public"])}; write true or false.'
        )
    if event.get("kind") in ("opened", "severity_changed") and "severity" not in event:
        raise CommandError(
            f'{where} is {event["kind"]!r} without a "severity"; add one, e.g. "severity": "high".'
        )
