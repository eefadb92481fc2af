"""The generic helpdesk readers: a long table (one row per event) and a wide one (per ticket).

Every vendor reader is a mapping over :class:`EventSink`, which reads the cells (instants,
priorities, statuses) the same way for all of them, names the file and the line or
record of every problem, and either raises or sets the row aside (``errors="collect"``).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, NamedTuple, TypeAlias, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slacalc._present.frames import is_frame, plain, require_pandas
from slacalc._present.progress import Progress, callback, reported
from slacalc._time import UTC
from slacalc._validate import check_hashable, check_instance, check_items, shown
from slacalc.errors import (
    ColumnTypeError,
    InvalidDateError,
    InvalidOptionError,
    MissingColumnError,
    NaiveDatetimeError,
    SlacalcError,
    SourceFormatError,
    TicketEventError,
    UnknownSeverityError,
    UnknownStatusError,
    UnknownTimezoneError,
    WrongTypeError,
)
from slacalc.timers import EventKind

__all__ = [
    "EVENT_COLUMNS",
    "LONG_COLUMNS",
    "REJECTED_COLUMNS",
    "WIDE_COLUMNS",
    "EventSink",
    "OnBadRow",
    "Read",
    "Source",
    "csv_rows",
    "each",
    "header_keys",
    "json_records",
    "missing",
    "read_export",
    "read_long",
    "read_wide",
    "records_of",
    "source_name",
    "status_name",
    "wide_row",
]

EVENT_COLUMNS = ("ticket_id", "kind", "at", "severity", "status", "author", "public")
"""The columns of the events table every reader returns, in order.

Examples:
    >>> from slacalc.sources import EVENT_COLUMNS
    >>> EVENT_COLUMNS[:4]
    ('ticket_id', 'kind', 'at', 'severity')
"""

REJECTED_COLUMNS = ("file", "line", "record", "value", "reason")
"""The columns of the rejected rows (``errors="collect"``): the file, the line of a CSV
file or the number of a JSON record (from 1; the other is empty), the value that could
not be read, and why with the fix.

Examples:
    >>> from slacalc.sources import REJECTED_COLUMNS
    >>> REJECTED_COLUMNS
    ('file', 'line', 'record', 'value', 'reason')
"""

LONG_COLUMNS = ("ticket_id", "at", "kind", "status", "severity", "author", "public")
"""The columns :func:`read_long` reads (``ticket_id`` and ``at`` required, and a ``kind``
or a ``status`` on every row).

Examples:
    >>> from slacalc.sources import LONG_COLUMNS
    >>> LONG_COLUMNS[:3]
    ('ticket_id', 'at', 'kind')
"""

WIDE_COLUMNS = ("ticket_id", "created", "priority", "first_reply", "resolved", "closed")
"""The columns :func:`read_wide` reads (``ticket_id``, ``created`` and ``priority``
required; the others may be missing or empty).

Examples:
    >>> from slacalc.sources import WIDE_COLUMNS
    >>> WIDE_COLUMNS[3:]
    ('first_reply', 'resolved', 'closed')
"""

OnBadRow: TypeAlias = Literal["raise", "collect"]
"""What a reader does with a row it cannot read: ``raise`` a slacalc error naming the
file, the line or record, the value and the fix (default), or ``collect`` it in the
rejected table and read on.

Examples:
    >>> from typing import get_args
    >>> from slacalc.sources import OnBadRow
    >>> get_args(OnBadRow)
    ('raise', 'collect')
"""

Source: TypeAlias = "str | os.PathLike[str] | Any"
"""A file's path, or data already read (a DataFrame, records, a parsed JSON page)."""

_KINDS = frozenset(get_args(EventKind))
_NOT_WORD = re.compile(r"[^0-9a-z]+")
# Timestamps vendors write that ISO 8601 does not read: Jira's default CSV format
# ("15/Jan/24 10:05 AM"), and the same with a four-digit year.
_FORMATS = ("%d/%b/%y %I:%M %p", "%d/%b/%Y %I:%M %p", "%d/%b/%y %H:%M", "%d-%m-%Y %H:%M:%S %z")


class Read(NamedTuple):
    """What a reader returns with ``errors="collect"``: the events and the rows set aside.

    Attributes:
        events: the events table (a DataFrame, or a list of dicts with ``as_frame=False``).
        rejected: the rows that could not be read, with the columns of
            :data:`REJECTED_COLUMNS` (a DataFrame, or a list of dicts).

    Examples:
        >>> events, rejected = read_long(
        ...     [{"ticket_id": 1, "at": "2026-11-30T09:00Z", "kind": "opened",
        ...       "severity": "high"},
        ...      {"ticket_id": 1, "at": "yesterday", "kind": "responded"}],
        ...     errors="collect", as_frame=False)
        >>> len(events), rejected[0]["record"], rejected[0]["value"]
        (1, 2, 'yesterday')
    """

    events: Any
    rejected: Any


def status_name(text: str) -> str:
    """A vendor's status as slacalc's presets name it: lower case, words joined by ``_``.

    Raises:
        WrongTypeError: ``text`` is not a str.

    Examples:
        >>> status_name("Waiting for customer"), status_name("On-hold"), status_name("hold")
        ('waiting_for_customer', 'on_hold', 'hold')
    """
    check_instance(text, str, what="status_name()", hint="pass a status as text, e.g. 'On hold'")
    return _NOT_WORD.sub("_", text.strip().lower()).strip("_")


def _zone(tz: object) -> dt.tzinfo | None:
    """A ``tz=`` option as a tzinfo (``None`` stays ``None``)."""
    if tz is None or isinstance(tz, dt.tzinfo):
        return tz
    if not isinstance(tz, str):
        raise InvalidOptionError(
            f"tz={tz!r}; pass the zone the export's naive timestamps are in, e.g. "
            "tz='Europe/Copenhagen'."
        )
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise UnknownTimezoneError(
            f"Unknown time zone {tz!r}; pass an IANA name such as 'Europe/Copenhagen'."
        ) from None


def _mapping(value: object, option: str) -> Mapping[str, str] | None:
    """A ``severity_map=`` / ``status_map=`` / ``columns=`` option, checked."""
    if value is None:
        return None
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise InvalidOptionError(
            f"{option}={value!r}; pass a mapping of strings, e.g. "
            + ("{'Urgent': 'critical'}." if option != "columns" else "{'created': 'Created at'}.")
        )
    return value


@dataclass(eq=False)
class EventSink:
    """The events read from one file, and the rows set aside, with one way to read a cell.

    Each vendor reader feeds it rows inside :meth:`row` (which names the line or record
    in every error); :meth:`result` gives the table.

    Examples:
        >>> sink = EventSink("export.csv", tz="UTC")
        >>> with sink.row(line=2):
        ...     sink.add(1, "opened", sink.instant("2026-11-30 09:00", "Created"),
        ...              severity=sink.severity("High"))
        >>> [(e["kind"], e["severity"]) for e in sink.result(as_frame=False)]
        [('opened', 'High')]
    """

    name: str
    errors: OnBadRow = "raise"
    tz: object = None
    severity_map: Mapping[str, str] | None = None
    status_map: Mapping[str, str] | None = None
    lower_severity: bool = False
    events: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.errors not in ("raise", "collect"):
            raise InvalidOptionError(f"errors={self.errors!r}; pass 'raise' or 'collect'.")
        self.zone = _zone(self.tz)
        self.severity_map = _mapping(self.severity_map, "severity_map")
        self.status_map = _mapping(self.status_map, "status_map")
        self._where = ""
        self._value: object = None

    @contextlib.contextmanager
    def row(
        self, *, line: int | None = None, record: int | None = None, name: str | None = None
    ) -> Iterator[None]:
        """Read one row: its events are kept only when all of it reads.

        A slacalc error inside is raised again naming the file (``name``, when the row is
        from a second file) and the line or record, or, with ``errors="collect"``,
        becomes a rejected row.
        """
        where = f"line {line}" if line is not None else f"record {record}"
        self._where, self._value = where, None
        start = len(self.events)
        try:
            yield
        except SlacalcError as exc:
            del self.events[start:]
            message = f"{name or self.name!r} {where}: {exc}"
            if self.errors == "raise":
                raise type(exc)(message) from None
            self.rejected.append(
                {
                    "file": name or self.name,
                    "line": line,
                    "record": record,
                    "value": self._value,
                    "reason": message,
                }
            )

    def fail(self, exc: SlacalcError, value: object) -> SlacalcError:
        """``exc`` about ``value``, which the rejected row shows."""
        self._value = value
        return exc

    def instant(self, value: object, what: str) -> dt.datetime:
        """An aware datetime from a cell: a datetime or ISO 8601 / vendor text.

        A naive one is read in ``tz``; without ``tz`` it raises.
        """
        value = plain(value)
        if isinstance(value, str):
            text = value.strip()
            parsed = _parse(text)
            if parsed is None:
                raise self.fail(
                    InvalidDateError(
                        f"{what} {value!r} is not a date and time; write ISO 8601 such as "
                        "'2026-11-30T09:00:00+01:00' (or '2026-11-30 09:00' with tz=)."
                    ),
                    value,
                )
            value = parsed
        if not isinstance(value, dt.datetime):
            raise self.fail(
                ColumnTypeError(
                    f"{what} is {value!r}, not a date and time; every row needs one there."
                ),
                value,
            )
        if value.utcoffset() is None:
            if self.zone is None:
                raise self.fail(
                    NaiveDatetimeError(
                        f"{what} {value.isoformat(' ')!r} has no time zone; pass the export's "
                        "zone, e.g. tz='Europe/Copenhagen' (--tz on the command line)."
                    ),
                    value,
                )
            value = value.replace(tzinfo=self.zone)
        return value

    def severity(self, value: object) -> str:
        """A priority as the policy's severity: through ``severity_map`` when given."""
        text = plain(value)
        if text is None or text == "":
            raise self.fail(
                UnknownSeverityError(
                    "the ticket has no priority; give it one, or map the empty value with "
                    "severity_map={'': 'normal'}."
                ),
                value,
            )
        text = str(text).strip()
        known = self.severity_map
        if known is None:
            return text.lower() if self.lower_severity else text
        for key in (text, text.lower()):
            if key in known:
                return known[key]
        raise self.fail(
            UnknownSeverityError(
                f"Priority {text!r} is not in severity_map (it maps "
                f"{', '.join(map(repr, known))}); add it, e.g. severity_map={{{text!r}: 'high'}}."
            ),
            value,
        )

    def status(self, value: object) -> str:
        """A vendor status as slacalc's status name: through ``status_map`` when given."""
        text = str(plain(value) or "").strip()
        known = self.status_map
        if known is None:
            if not text:
                raise self.fail(TicketEventError("the status is empty; fill it in."), value)
            return status_name(text)
        for key in (text, status_name(text)):
            if key in known:
                return known[key]
        raise self.fail(
            UnknownStatusError(
                f"Status {text!r} is not in status_map (it maps "
                f"{', '.join(map(repr, known))}); add it, e.g. status_map={{{text!r}: 'open'}}."
            ),
            value,
        )

    def add(
        self,
        ticket_id: object,
        kind: str,
        at: dt.datetime,
        *,
        severity: str | None = None,
        status: str | None = None,
        author: str | None = None,
        public: bool | None = None,
    ) -> None:
        """One event of a ticket."""
        self.events.append(
            {
                "ticket_id": ticket_id,
                "kind": kind,
                "at": at,
                "severity": severity,
                "status": status,
                "author": author,
                "public": public,
            }
        )

    def result(self, *, as_frame: bool | None = None) -> Any:
        """The events, ticket by ticket in order of first appearance, each in time order."""
        first: dict[object, int] = {}
        for event in self.events:
            first.setdefault(event["ticket_id"], len(first))
        ordered = sorted(self.events, key=lambda e: (first[e["ticket_id"]], e["at"]))
        return _table(ordered, EVENT_COLUMNS, as_frame, self.zone)

    def read(self, *, as_frame: bool | None = None) -> Any:
        """:meth:`result`, with the rejected rows as well when collecting."""
        events = self.result(as_frame=as_frame)
        if self.errors == "collect":
            return Read(events, _table(self.rejected, REJECTED_COLUMNS, as_frame, None))
        return events


def _parse(text: str) -> dt.datetime | None:
    """A datetime from ISO 8601 or one of the vendors' formats; ``None`` when neither."""
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    for form in _FORMATS:
        try:
            return dt.datetime.strptime(text, form)
        except ValueError:
            continue
    return None


def _table(
    rows: list[dict[str, Any]],
    columns: Sequence[str],
    as_frame: bool | None,
    zone: dt.tzinfo | None,
) -> Any:
    """Rows as a DataFrame (``at`` in ``zone`` or UTC) or as compact dicts."""
    if as_frame is None:
        from slacalc._present.frames import pandas

        as_frame = pandas() is not None
    if not as_frame:
        if columns is EVENT_COLUMNS:
            return [{k: v for k, v in r.items() if v is not None} for r in rows]
        return rows
    pd = require_pandas("as_frame=True")
    frame = pd.DataFrame(rows, columns=list(columns))
    if "at" in columns:
        at = pd.to_datetime(frame["at"], utc=True).dt.as_unit("us")
        frame["at"] = at.dt.tz_convert(zone or UTC)
        for name in ("severity", "status", "author", "public"):
            frame[name] = frame[name].astype(object).where(frame[name].notna(), None)
    return frame


# -- files -------------------------------------------------------------------------------------


def source_name(source: object) -> str:
    """How messages name a source: its path, or ``'<data>'``."""
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    return "<data>"


def _text(path: str) -> str:
    """A file's UTF-8 text (a byte-order mark dropped); a clear error when missing."""
    try:
        return Path(path).read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise SourceFormatError(f"No file at {shown(path)}; check the path.") from None
    except IsADirectoryError:
        raise SourceFormatError(
            f"{shown(path)} is a directory, not a file; pass the path of an export file."
        ) from None
    except UnicodeDecodeError as exc:
        raise SourceFormatError(
            f"{path!r} is not UTF-8 text (byte {exc.start}); save it as UTF-8."
        ) from None
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte in the path
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise SourceFormatError(
            f"Cannot read {shown(path)}: {reason}; pass the path of an export file."
        ) from None


def csv_rows(source: object, what: str) -> tuple[list[dict[str, Any]], list[int]]:
    """The rows of a CSV file (comma or semicolon, sniffed), with their line numbers.

    Records or a DataFrame pass through, numbered from 1 as records.
    """
    if is_frame(source):
        rows: list[dict[str, Any]] = source.to_dict("records")  # type: ignore[attr-defined]
        return rows, []
    if not isinstance(source, (str, os.PathLike)):
        if isinstance(source, (bytes, Mapping)) or not isinstance(source, Iterable):
            raise SourceFormatError(
                f"{what}={source!r} is not a table; pass a CSV file's path, a DataFrame or "
                "a list of dicts."
            )
        rows = list(source)
        for row in rows:
            if not isinstance(row, Mapping):
                raise SourceFormatError(
                    f"{what} holds {shown(row)}, not a row; pass dicts keyed by column name."
                )
        return [dict(r) for r in rows], []
    name = os.fspath(source)
    text = _text(name)
    if not text.strip():
        raise SourceFormatError(f"{name!r} is empty; export the tickets again with a header.")
    head = text.split("\n", 1)[0]
    delimiter = ";" if head.count(";") > head.count(",") else ","
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        rows, lines = [], []
        for row in reader:
            if all(not (v or "").strip() for v in row.values() if isinstance(v, str)):
                continue
            rows.append(row)
            lines.append(reader.line_num)
    except csv.Error as exc:
        raise SourceFormatError(f"{name!r} is not valid CSV: {exc}.") from None
    if head.lstrip().startswith(("{", "[")):
        raise SourceFormatError(
            f"{name!r} is JSON, not a CSV export; use the reader for the JSON export."
        )
    return rows, lines


def json_data(source: object) -> object:
    """A JSON file's data (a path), or the data as given."""
    if not isinstance(source, (str, os.PathLike)):
        return source
    name = os.fspath(source)
    text = _text(name)
    if not text.strip():
        raise SourceFormatError(f"{name!r} is empty; export the data again as JSON.")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceFormatError(
            f"{name!r} is not JSON ({exc.msg} at line {exc.lineno}); pass the API's JSON "
            "response, or use the reader for the CSV export."
        ) from None


Located: TypeAlias = "tuple[str, int, Mapping[str, Any]]"
"""A JSON record with the file it is in and its number there (from 1)."""


def json_records(source: object, key: str, vendor: str, name: str | None = None) -> list[Located]:
    """The records under ``key`` of every page: a file, a page, or a list of pages or files.

    Each comes with its file's name (``name`` for a page already read from a file, else
    ``'<data>'``) and its number in that file, for messages and rejected rows.
    """
    if (
        isinstance(source, (list, tuple))
        and source
        and all(isinstance(p, (str, os.PathLike)) for p in source)
    ):
        return [r for p in source for r in json_records(p, key, vendor)]
    name = name or source_name(source)
    data = json_data(source)
    pages = data if isinstance(data, list) and data and isinstance(data[0], Mapping) else [data]
    records: list[Mapping[str, Any]] = []
    for page in pages:
        if not isinstance(page, Mapping) or key not in page:
            found = sorted(page)[:6] if isinstance(page, Mapping) else type(page).__name__
            raise SourceFormatError(
                f"{name!r} is not {vendor}: it has no {key!r} (found {found!r}); pass the "
                "API's response pages as they come, or use the reader for this file's format."
            )
        items = page[key]
        if not isinstance(items, list) or not all(isinstance(r, Mapping) for r in items):
            raise SourceFormatError(f"{name!r}: {key!r} is not a list of objects.")
        records.extend(items)
    return [(name, n + 1, record) for n, record in enumerate(records)]


def header_keys(rows: list[dict[str, Any]], names: Mapping[str, str]) -> dict[str, str]:
    """slacalc's column -> the row's key, matched without regard to case and spaces."""
    have: dict[str, str] = {}
    for row in rows:
        for k in row:
            have.setdefault(str(k).strip().lower(), str(k))
    return {ours: have[t.strip().lower()] for ours, t in names.items() if t.strip().lower() in have}


def missing(
    name: str, theirs: str, ours: str, have: Iterable[object], vendor: str
) -> MissingColumnError:
    """The error for a required column the file lacks."""
    listed = ", ".join(repr(str(h)) for h in list(have)[:8])
    option = "columns"
    if ours.startswith("status:"):
        option, ours = "status_columns", ours.removeprefix("status:")
    return MissingColumnError(
        f"{name!r} has no column {theirs!r} (it has {listed}); is it {vendor}? Map your "
        f"column with {option}={{{ours!r}: '<your column>'}}.",
        column=theirs,
    )


def each(items: Sequence[Any], progress: Progress, what: str) -> Iterable[Any]:
    """The items, reporting ``(done, total)`` when ``progress`` is given."""
    report = callback(progress, what)
    return items if report is None else reported(items, len(items), report)


def records_of(events: Any) -> dict[object, list[dict[str, Any]]]:
    """A reader's events as ``{ticket_id: [event, ...]}`` for ``policy.evaluate``.

    Raises:
        WrongTypeError: ``events`` is not a table of events with a ``ticket_id``, such as
            a reader returns.

    Examples:
        >>> events = read_long([{"ticket_id": 7, "at": "2026-11-30T09:00Z", "kind": "opened",
        ...                      "severity": "high"}], as_frame=False)
        >>> records_of(events)[7][0]["kind"]
        'opened'
    """
    hint = "pass the events table a reader returns (a DataFrame or a list of dicts)"
    if is_frame(events):
        rows = events.to_dict("records")
    else:
        check_items(events, what="records_of() events", hint=hint, error=WrongTypeError)
        rows = list(events)
    out: dict[object, list[dict[str, Any]]] = {}
    for row in rows:
        if not isinstance(row, Mapping) or "ticket_id" not in row:
            raise WrongTypeError(
                f"records_of() events hold {shown(row)}, not an event with a 'ticket_id'; {hint}."
            )
        ticket = plain(row["ticket_id"])
        check_hashable(ticket, what="the ticket_id", hint=hint)
        event = {k: plain(v) for k, v in row.items() if k != "ticket_id"}
        out.setdefault(ticket, []).append({k: v for k, v in event.items() if v is not None})
    return out


# -- the generic readers -----------------------------------------------------------------------


def _columns(columns: object, known: Sequence[str]) -> dict[str, str]:
    """slacalc's column names -> the file's, checked."""
    names = {k: k for k in known}
    given = _mapping(columns, "columns")
    for ours, theirs in (given or {}).items():
        if ours not in names:
            raise InvalidOptionError(
                f"columns= maps {ours!r}, which is not a column this reader reads; map one "
                f"of {', '.join(map(repr, known))}."
            )
        names[ours] = theirs
    return names


def _rows(
    source: Source, names: Mapping[str, str], required: Sequence[str], what: str
) -> tuple[str, list[dict[str, Any]], list[int], dict[str, str]]:
    """A table's rows, their lines, and slacalc's column -> the row's key (checked)."""
    name = source_name(source)
    rows, lines = csv_rows(source, what)
    if not rows:
        raise SourceFormatError(f"{name!r} has no rows; export the tickets with their events.")
    keys = header_keys(rows, names)
    for ours in required:
        if ours not in keys:
            raise missing(name, names[ours], ours, rows[0], what)
    return name, rows, lines, keys


def _where(lines: list[int], n: int) -> dict[str, Any]:
    """``line=`` for a CSV row, ``record=`` (from 1) for a record."""
    return {"line": lines[n]} if lines else {"record": n + 1}


def _cell(row: Mapping[str, Any], keys: Mapping[str, str], ours: str) -> object:
    """A row's cell for slacalc's column ``ours``; ``None`` when absent or empty."""
    key = keys.get(ours)
    value = None if key is None else plain(row.get(key))
    return None if value == "" or (isinstance(value, str) and not value.strip()) else value


def _public(value: object, sink: EventSink) -> bool | None:
    """A ``public`` cell: true/false words, a bool, or empty."""
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes", "public"):
        return True
    if text in ("false", "0", "no", "internal", "private"):
        return False
    raise sink.fail(
        ColumnTypeError(f"'public' is {value!r}; write true or false.", column="public"), value
    )


def read_long(
    source: Source,
    *,
    columns: Mapping[str, str] | None = None,
    severity_map: Mapping[str, str] | None = None,
    status_map: Mapping[str, str] | None = None,
    tz: str | dt.tzinfo | None = None,
    errors: OnBadRow = "raise",
    progress: Progress = None,
    as_frame: bool | None = None,
) -> Any:
    """Events from a long table: one row per event or status change.

    Each row has a ``ticket_id``, an instant ``at`` and either a ``kind`` (one of
    slacalc's event kinds: ``opened``, ``responded``, ``reply``, ``resolved``, ...) or
    a ``status`` alone (a status change). ``opened`` and ``severity_changed`` rows need
    a ``severity``; ``reply`` rows an ``author`` (``customer``, ``agent``, ``system``)
    and optionally ``public``.

    Args:
        source: a CSV file's path (comma- or semicolon-separated, sniffed), a DataFrame or
            a list of dicts.
        columns: your column names, slacalc's on the left: ``{"at": "Timestamp"}``.
        severity_map: your priorities -> the policy's severities (``{"Urgent":
            "critical"}``); a priority it does not name is an error. Without it the
            priority is taken as it is.
        status_map: your statuses -> the policy's status names; a status it does not name
            is an error. Without it a status is put in lower case with ``_`` between
            words (``"Waiting for customer"`` -> ``waiting_for_customer``), as the
            product presets name them.
        tz: the zone of naive timestamps (``"Europe/Copenhagen"``); timestamps with an
            offset keep it.
        errors: ``"raise"`` (default) or ``"collect"``: see :data:`OnBadRow`.
        progress: a callable ``(done, total)`` over the rows read, or ``True`` for tqdm's bar.
        as_frame: a DataFrame (default when pandas is installed) or a list of dicts.

    Returns:
        The events table :func:`slacalc.reports.analyze_tickets` takes (columns
        :data:`EVENT_COLUMNS`), or with ``errors="collect"`` a :class:`Read` pair.

    Raises:
        SourceFormatError: the file is missing, empty or not a table.
        MissingColumnError: no ``ticket_id`` or ``at`` column, or neither ``kind`` nor ``status``.
        InvalidDateError: an unreadable timestamp (``errors="raise"``).
        NaiveDatetimeError: a timestamp without a zone and no ``tz=``.
        UnknownSeverityError: a priority ``severity_map`` does not name.
        UnknownStatusError: a status ``status_map`` does not name.
        TicketEventError: an unknown kind.

    Examples:
        >>> rows = [
        ...     {"Ticket": "T-1", "When": "2026-11-30 09:00", "Event": "opened", "Priority": "P1"},
        ...     {"Ticket": "T-1", "When": "2026-11-30 09:20", "Status": "Waiting for customer"},
        ... ]
        >>> events = read_long(rows, columns={"ticket_id": "Ticket", "at": "When",
        ...                                   "kind": "Event", "status": "Status",
        ...                                   "severity": "Priority"},
        ...                    severity_map={"P1": "critical"}, tz="Europe/Copenhagen",
        ...                    as_frame=False)
        >>> [(e["kind"], e.get("severity"), e.get("status")) for e in events]
        [('opened', 'critical', None), ('status', None, 'waiting_for_customer')]
        >>> str(events[0]["at"])
        '2026-11-30 09:00:00+01:00'
    """
    names = _columns(columns, LONG_COLUMNS)
    name, rows, lines, keys = _rows(source, names, ("ticket_id", "at"), "a long table")
    if "kind" not in keys and "status" not in keys:
        raise missing(name, names["kind"], "kind", rows[0], "a long table")
    sink = EventSink(name, errors, tz, severity_map, status_map)
    for n, row in enumerate(each(rows, progress, "rows")):
        with sink.row(**_where(lines, n)):
            _long_row(sink, row, keys)
    return sink.read(as_frame=as_frame)


def _long_row(sink: EventSink, row: Mapping[str, Any], keys: Mapping[str, str]) -> None:
    """The event of one row of a long table."""
    ticket = _cell(row, keys, "ticket_id")
    if ticket is None:
        raise sink.fail(
            ColumnTypeError("the ticket id is empty; every row needs one.", column="ticket_id"),
            None,
        )
    at = sink.instant(_cell(row, keys, "at"), "the time")
    kind = _cell(row, keys, "kind")
    status_cell = _cell(row, keys, "status")
    if kind is None:
        if status_cell is None:
            raise sink.fail(
                TicketEventError("the row has neither a kind nor a status; give one."), None
            )
        kind = "status"
    kind = str(kind).strip()
    if kind not in _KINDS:
        raise sink.fail(
            TicketEventError(
                f"Unknown event kind {kind!r}; use one of {', '.join(sorted(_KINDS))}, or "
                "leave it empty on a status change."
            ),
            kind,
        )
    takes_status = kind in ("status", "opened") and status_cell is not None
    severity = None
    if kind in ("opened", "severity_changed"):
        severity = sink.severity(_cell(row, keys, "severity"))
    author = _cell(row, keys, "author") if kind in ("reply", "opened") else None
    sink.add(
        ticket,
        kind,
        at,
        severity=severity,
        status=sink.status(status_cell) if takes_status else None,
        author=None if author is None else str(author).strip().lower(),
        public=_public(_cell(row, keys, "public"), sink) if kind == "reply" else None,
    )


def read_wide(
    source: Source,
    *,
    columns: Mapping[str, str] | None = None,
    status_columns: Mapping[str, str] | None = None,
    severity_map: Mapping[str, str] | None = None,
    status_map: Mapping[str, str] | None = None,
    tz: str | dt.tzinfo | None = None,
    errors: OnBadRow = "raise",
    progress: Progress = None,
    as_frame: bool | None = None,
) -> Any:
    """Events from a wide table: one row per ticket with the instants of its milestones.

    Each row becomes ``opened`` at ``created`` with the ``priority``, a public agent
    ``reply`` at ``first_reply``, ``resolved`` at ``resolved`` and ``closed`` at
    ``closed`` (empty cells: no event), and a ``status`` event at each of the
    ``status_columns``.

    Args:
        source: a CSV file's path (comma or semicolon, sniffed), a DataFrame or dicts.
        columns: your column names for :data:`WIDE_COLUMNS`, slacalc's on the left:
            ``{"created": "Created at", "first_reply": "First reply"}``.
        status_columns: status -> the column with the instant the ticket entered it,
            e.g. ``{"pending": "Pending since"}`` (the status goes through ``status_map``).
        severity_map: your priorities -> the policy's severities (see :func:`read_long`).
        status_map: your statuses -> the policy's status names (see :func:`read_long`).
        tz: the zone of naive timestamps.
        errors: ``"raise"`` (default) or ``"collect"`` (see :data:`OnBadRow`).
        progress: a callable ``(done, total)`` over the rows, or ``True`` for tqdm's bar.
        as_frame: a DataFrame (default when pandas is installed) or a list of dicts.

    Returns:
        The events table (columns :data:`EVENT_COLUMNS`), or a :class:`Read` pair with
        ``errors="collect"``.

    Raises:
        SourceFormatError: the file is missing, empty or not a table.
        MissingColumnError: no ``ticket_id``, ``created`` or ``priority`` column, or a
            column named in ``status_columns`` is missing.
        InvalidDateError: an unreadable timestamp.
        NaiveDatetimeError: a timestamp without a zone and no ``tz=``.
        UnknownSeverityError: a priority ``severity_map`` does not name.
        UnknownStatusError: a status ``status_map`` does not name.

    Examples:
        >>> rows = [{"Id": 4711, "Priority": "High", "Created at": "2026-11-30T09:00+01:00",
        ...          "First reply": "2026-11-30T09:40+01:00", "Solved at": ""}]
        >>> events = read_wide(rows, columns={"ticket_id": "Id", "priority": "Priority",
        ...                                   "created": "Created at",
        ...                                   "first_reply": "First reply",
        ...                                   "resolved": "Solved at"},
        ...                    severity_map={"High": "high"}, as_frame=False)
        >>> [(e["kind"], e["at"].strftime("%H:%M")) for e in events]
        [('opened', '09:00'), ('reply', '09:40')]
    """
    names = _columns(columns, WIDE_COLUMNS)
    statuses = _mapping(status_columns, "status_columns") or {}
    return read_export(
        source,
        {**names, **{f"status:{s}": c for s, c in statuses.items()}},
        "a wide table",
        statuses=list(statuses),
        tz=tz,
        severity_map=severity_map,
        status_map=status_map,
        errors=errors,
        progress=progress,
        as_frame=as_frame,
    )


def read_export(
    source: Source,
    names: Mapping[str, str],
    what: str,
    *,
    statuses: Sequence[str] = (),
    reply_after: Callable[[EventSink, Mapping[str, Any], Mapping[str, str]], dt.timedelta | None]
    | None = None,
    tz: object = None,
    severity_map: Mapping[str, str] | None = None,
    status_map: Mapping[str, str] | None = None,
    lower_severity: bool = False,
    errors: OnBadRow = "raise",
    progress: Progress = None,
    as_frame: bool | None = None,
) -> Any:
    """A wide table read by :func:`wide_row`, its columns ``names`` (slacalc's -> the file's).

    ``statuses`` name the status columns (``names["status:<status>"]``); ``reply_after``
    gives the first reply as a duration after creation when the export has no instant.
    """
    name = source_name(source)
    rows, lines = csv_rows(source, "source")
    if not rows:
        raise SourceFormatError(f"{name!r} has no rows; export the tickets again.")
    keys = header_keys(rows, names)
    for ours in ("ticket_id", "created", "priority", *(f"status:{s}" for s in statuses)):
        if ours not in keys:
            raise missing(name, names[ours], ours, rows[0], what)
    sink = EventSink(name, errors, tz, severity_map, status_map, lower_severity)
    for n, row in enumerate(each(rows, progress, "tickets")):
        with sink.row(**_where(lines, n)):
            after = None if reply_after is None else reply_after(sink, row, keys)
            wide_row(sink, row, keys, statuses, after)
    return sink.read(as_frame=as_frame)


def wide_row(
    sink: EventSink,
    row: Mapping[str, Any],
    keys: Mapping[str, str],
    statuses: Sequence[str] = (),
    reply_after: dt.timedelta | None = None,
) -> None:
    """The events of one ticket's row of a wide table.

    ``reply_after`` is the first reply's delay after creation when the export gives a
    duration instead of an instant (Zendesk's "First reply time in minutes").
    """
    ticket = _cell(row, keys, "ticket_id")
    if ticket is None:
        raise sink.fail(
            ColumnTypeError("the ticket id is empty; every row needs one.", column="ticket_id"),
            None,
        )
    created = sink.instant(_cell(row, keys, "created"), f"{keys['created']!r}")
    sink.add(ticket, "opened", created, severity=sink.severity(_cell(row, keys, "priority")))
    replied = None if reply_after is None else created + reply_after
    if replied is None and _cell(row, keys, "first_reply") is not None:
        replied = sink.instant(_cell(row, keys, "first_reply"), f"{keys['first_reply']!r}")
    if replied is not None:
        sink.add(ticket, "reply", replied, author="agent", public=True)
    for status in statuses:
        column = f"status:{status}"
        value = _cell(row, keys, column)
        if value is not None:
            at = sink.instant(value, f"{keys[column]!r}")
            sink.add(ticket, "status", at, status=sink.status(status))
    for kind in ("resolved", "closed"):
        value = _cell(row, keys, kind)
        if value is not None:
            sink.add(ticket, kind, sink.instant(value, f"{keys[kind]!r}"))
