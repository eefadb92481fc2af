"""Reading ticket event tables, incident logs and maintenance windows: the one reader.

Tables come as a pandas DataFrame, a list of dicts (records), the rows of a CSV file
(:class:`CsvRows`: text, instants in ISO 8601 with offsets) or, for tickets, a mapping
``ticket_id -> events``. Column names are slacalc's unless ``columns=`` maps them to the
caller's (``{"at": "Timestamp"}``: slacalc's name on the left). A missing column raises
:class:`~slacalc.errors.MissingColumnError` and a value of the wrong type
:class:`~slacalc.errors.ColumnTypeError`, both naming the column and the row (its index,
record number, or CSV line).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import itertools
import zoneinfo
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from operator import itemgetter
from typing import Any, NamedTuple

from slacalc._present.frames import is_frame, pandas_frame, plain
from slacalc._time import MAX_US, MIN_US, UTC, from_us, instant_from, to_us
from slacalc.errors import (
    ColumnTypeError,
    InvalidIntervalError,
    InvalidOptionError,
    MissingColumnError,
    NaiveDatetimeError,
    NotADatetimeError,
    SlacalcError,
)
from slacalc.timers import History, TicketEvent, coerce_events
from slacalc.uptime import Outage

__all__ = [
    "ATTRIBUTE_COLUMNS",
    "TICKET_COLUMNS",
    "CsvRows",
    "column_map",
    "for_ticket",
    "read_incidents",
    "read_outages",
    "read_tickets",
    "read_windows",
]

ATTRIBUTE_COLUMNS = ("status", "author", "public", "assignee", "group", "fields")
"""Optional columns of a ticket event table, read when present: each row's cell is used
when the row's kind takes that attribute (``status`` for ``status`` and ``opened`` rows,
``author`` and ``public`` for ``reply`` rows, ...) and ignored on other rows, so an
export that repeats the ticket's status on every row reads as it is.

Examples:
    >>> from slacalc.reports import ATTRIBUTE_COLUMNS
    >>> ATTRIBUTE_COLUMNS[:3]
    ('status', 'author', 'public')
"""

TICKET_COLUMNS = ("ticket_id", "kind", "at", "severity")
"""The columns of a ticket event table: one row per event.

Examples:
    >>> from slacalc.reports import TICKET_COLUMNS
    >>> TICKET_COLUMNS
    ('ticket_id', 'kind', 'at', 'severity')
"""
_WITH_SEVERITY = frozenset({"opened", "severity_changed"})
_NAT = -(2**63)

Tickets = list[tuple[object, list[TicketEvent] | SlacalcError]]
"""``(ticket_id, events)`` per ticket, or the error that ticket's events raised."""
_INCIDENT_COLUMNS = ("start", "end", "severity", "label", "incident_id")


@dataclass(frozen=True, slots=True)
class CsvRows:
    """The rows of a CSV file with a header, as :class:`csv.DictReader` reads them.

    Pass it wherever a report takes a table (:func:`analyze_tickets`,
    :func:`availability_report` and its ``maintenance=``, :func:`read_incidents`,
    :func:`read_windows`). Every cell is text: instants are ISO 8601 with a UTC offset
    (``2026-11-04T02:10+01:00`` or ``...Z``), an empty cell is a missing value. Column
    names match without regard to case and surrounding spaces; other columns are
    ignored, and so are blank lines. Errors name the file and the line.

    Attributes:
        rows: the rows, e.g. ``csv.DictReader(file)``; its ``fieldnames`` is the header
            and its ``line_num`` numbers the lines in messages (else rows count from 2,
            after the header).
        name: the file's name for messages.

    Examples:
        >>> import csv, io
        >>> text = "start,end\\n2026-11-04T02:10+01:00,2026-11-04T02:41+01:00\\n"
        >>> (outage,) = read_incidents(CsvRows(csv.DictReader(io.StringIO(text)), "log.csv"))
        >>> outage.end - outage.start
        datetime.timedelta(seconds=1860)
        >>> read_incidents(CsvRows(csv.DictReader(io.StringIO("start,end\\n2026-11-04,\\n")),
        ...                        "log.csv"))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.NaiveDatetimeError: 'log.csv' line 2: 'start' '2026-11-04' is a date ...
    """

    rows: Iterable[Mapping[Any, Any]]
    name: str = "<csv>"


def _csv_records(
    source: CsvRows,
    names: Mapping[str, str],
    required: Sequence[str],
    instants: Sequence[str],
    what: str,
) -> tuple[list[dict[str, object]], list[str]]:
    """Records keyed by slacalc's names, and their line labels, from CSV text rows."""
    name, rows = source.name, source.rows
    records: list[dict[str, object]] = []
    labels: list[str] = []
    try:
        items = iter(rows)
        header = getattr(rows, "fieldnames", None)  # a DictReader reads its header here
        first = None if header is not None else next(items, None)
        if first is not None:
            header = list(first)
            items = itertools.chain([first], items)
        if header is None:
            hint = ",".join(n for n in names if n != "incident_id")
            raise MissingColumnError(
                f"{name!r} is empty; write a header {hint!r} and one {what} per line.",
                column=required[0],
            )
        keys = _csv_header(name, header, names, required)
        for n, row in enumerate(items):
            where = f"{name!r} line {getattr(rows, 'line_num', n + 2)}"
            extra = row.get(None) or []
            cells = [v for k, v in row.items() if k is not None]
            if all(not (v or "").strip() for v in [*cells, *extra]):
                continue
            if extra or any(v is None for v in cells):
                count = sum(v is not None for v in cells) + len(extra)
                raise ColumnTypeError(
                    f"{where} has {count} fields, the header {len(cells)}; give every row the "
                    "header's columns."
                )
            record: dict[str, object] = {}
            for ours, key in keys.items():
                text = (row[key] or "").strip()
                value = _csv_instant(text, ours, where) if ours in instants else text
                record[ours] = None if value == "" else value
            records.append(record)
            labels.append(where)
    except csv.Error as exc:
        raise ColumnTypeError(f"{name!r} is not valid CSV: {exc}.") from None
    return records, labels


def _csv_header(
    name: str, header: Sequence[object], names: Mapping[str, str], required: Sequence[str]
) -> dict[str, Any]:
    """slacalc's column names -> the header's keys; a missing required column raises."""
    found = {str(h).strip().lower(): h for h in header if h is not None}
    for ours in required:
        if names[ours].strip().lower() not in found:
            optional = [repr(c) for c in names if c not in required and c != "incident_id"]
            raise MissingColumnError(
                f"{name!r} has no {names[ours]!r} column (header: "
                f"{','.join(str(h) for h in header)!r}); the header needs "
                f"{', '.join(repr(c) for c in required)}"
                + (f", optionally {', '.join(optional)}." if optional else "."),
                column=names[ours],
            )
    theirs = {ours: names[ours].strip().lower() for ours in names}
    return {ours: found[key] for ours, key in theirs.items() if key in found}


def _csv_instant(text: str, column: str, where: str) -> dt.datetime | str:
    """An ISO 8601 instant with an offset from a CSV cell ('' stays '')."""
    if not text:
        return text
    try:
        return instant_from(text, what=repr(column))
    except SlacalcError as exc:
        raise type(exc)(f"{where}: {exc}") from None


@contextlib.contextmanager
def for_ticket(ticket: object) -> Iterator[None]:
    """Re-raise a slacalc error inside the block with the ticket's id in front."""
    try:
        yield
    except SlacalcError as exc:
        raise type(exc)(f"Ticket {ticket!r}: {exc}") from exc


def column_map(
    columns: Mapping[str, str] | None, known: Sequence[str], what: str
) -> dict[str, str]:
    """slacalc's column names -> the caller's, checked."""
    names = {name: name for name in known}
    if columns is None:
        return names
    if not isinstance(columns, Mapping):
        raise InvalidOptionError(
            f"columns={columns!r} is not a mapping; pass e.g. "
            f"{{{known[0]!r}: '<your column>'}} (slacalc's name on the left)."
        )
    for ours, theirs in columns.items():
        if ours not in names:
            hint = ""
            if isinstance(theirs, str) and theirs in names:
                hint = f" (did you mean {{{theirs!r}: {ours!r}}}? slacalc's name goes on the left)"
            raise InvalidOptionError(
                f"columns= maps {ours!r}, which is not a column of the {what}{hint}; "
                f"map one of {', '.join(repr(k) for k in known)}."
            )
        if not isinstance(theirs, str) or not theirs:
            raise InvalidOptionError(
                f"columns={{{ours!r}: {theirs!r}}}: a column name is a non-empty string."
            )
        names[ours] = theirs
    return names


@dataclass(frozen=True, slots=True)
class _Columns:
    """A table's columns (slacalc's names -> the caller's) and what its rows are, for messages."""

    names: Mapping[str, str]
    what: str

    def named(self, ours: str) -> str:
        """A column as messages name it: the caller's name, and slacalc's when they differ."""
        theirs = self.names[ours]
        return repr(theirs) if ours == theirs else f"{theirs!r} (for {ours!r})"

    def error(self, ours: str, problem: str) -> ColumnTypeError:
        """``Column 'x' of the tickets <problem>`` as a ColumnTypeError naming the column."""
        return ColumnTypeError(
            f"Column {self.named(ours)} of the {self.what} {problem}", column=self.names[ours]
        )

    def missing(self, ours: str, have: Iterable[object], where: str) -> MissingColumnError:
        """The error for a missing column, listing the columns there are."""
        listed = ", ".join(repr(str(c)) for c in have)
        return MissingColumnError(
            f"The {self.what} have no column {self.named(ours)} ({where} has {listed}); add "
            f"it, or map your column with columns={{{ours!r}: '<your column>'}}.",
            column=self.names[ours],
        )

    def instant(self, value: object, ours: str, row: str) -> int:
        """Epoch µs of an aware datetime in a table cell; a clear error naming the column."""
        value, theirs = plain(value), self.names[ours]
        if value is None:
            raise self.error(ours, f"is empty in {row}; every row needs an aware datetime there.")
        if not isinstance(value, dt.datetime):
            raise self.error(
                ours,
                f"holds {value!r} (a {type(value).__name__}) in {row}, not an aware datetime; "
                f"parse it first, e.g. pandas.to_datetime(df[{theirs!r}], utc=True).",
            )
        try:
            return to_us(value)
        except NaiveDatetimeError:
            raise NaiveDatetimeError(
                f"Column {self.named(ours)} of the {self.what} holds {value!r} in {row}, which "
                f"has no time zone; localize it, e.g. df[{theirs!r}].dt.tz_localize("
                "'Europe/Copenhagen')."
            ) from None

    def frame_instants(self, df: Any, ours: str) -> tuple[list[int], dt.tzinfo]:
        """A DataFrame column of instants as epoch µs, plus the column's time zone."""
        theirs = self.names[ours]
        series = df[theirs]
        dtype = series.dtype
        if getattr(dtype, "kind", None) == "M":
            tz = getattr(dtype, "tz", None)
            if tz is None:
                raise NaiveDatetimeError(
                    f"Column {self.named(ours)} of the {self.what} has no time zone (dtype "
                    f"{dtype}); localize it, e.g. df[{theirs!r}] = "
                    f"df[{theirs!r}].dt.tz_localize('Europe/Copenhagen')."
                )
            naive = series.dt.tz_convert("UTC").dt.tz_localize(None)
            values: list[int] = naive.to_numpy().astype("datetime64[us]").view("int64").tolist()
            for i, x in enumerate(values if _NAT in values else ()):
                if x == _NAT:
                    raise self.error(
                        ours,
                        f"is empty (NaT) in row {series.index[i]!r}; every row needs an aware "
                        "datetime there.",
                    )
            return values, tz if isinstance(tz, dt.tzinfo) else UTC
        if getattr(dtype, "kind", None) == "O":
            rows = [f"row {i!r}" for i in series.index]
            return [
                self.instant(v, ours, r) for v, r in zip(series.tolist(), rows, strict=True)
            ], UTC
        raise self.error(
            ours,
            f"has dtype {dtype}, not aware datetimes; parse it first, e.g. "
            f"pandas.to_datetime(df[{theirs!r}], utc=True).",
        )

    def text(self, value: object, ours: str, row: str, *, optional: bool = False) -> str | None:
        """A text cell; ``None`` for an empty optional one."""
        value = plain(value)
        if value is None or value == "":
            if optional:
                return None
            raise self.error(ours, f"is empty in {row}; fill it in.")
        if not isinstance(value, str):
            raise self.error(
                ours, f"holds {value!r} (a {type(value).__name__}) in {row}, not a string."
            )
        return value

    def ticket_id(self, value: object, row: str) -> object:
        """A ticket's id: present and hashable."""
        value = plain(value)
        if value is None:
            raise self.error(
                "ticket_id", f"is empty in {row}; every event needs the id of its ticket."
            )
        try:
            hash(value)
        except TypeError:
            raise self.error(
                "ticket_id",
                f"holds {value!r} in {row}, which cannot be an id; use a number or a string.",
            ) from None
        return value


def _attributes(kind: str, cells: Mapping[str, object]) -> dict[str, object]:
    """The attribute cells of a row that its kind takes (empty cells left out)."""
    out: dict[str, object] = {}
    for name, value in cells.items():
        value = plain(value) if not isinstance(value, Mapping) else value
        if value is not None and value != "" and TicketEvent.takes(kind, name):
            out[name] = value
    return out


@dataclass(frozen=True, slots=True)
class _Rows:
    """A ticket table read and checked, one value per row: what every ticket is made of.

    ``grouped`` (each ticket's row numbers in order) is given when the table has it at
    hand already; ``stamps`` gives each row's instant as a datetime in ``tz`` when the
    table can make them in one pass (``None`` otherwise, or when it cannot).
    """

    ids: list[object]
    kinds: list[Any]
    instants: list[int]
    severities: list[str | None]
    tz: dt.tzinfo
    attributes: Sequence[Mapping[str, object]] | None = None
    grouped: Iterable[tuple[object, list[int]]] | None = None
    stamps: Callable[[], Sequence[dt.datetime] | None] | None = None

    def tickets(self) -> Iterable[tuple[object, list[int]]]:
        """Each ticket's row numbers, tickets in order of first appearance, rows in time
        order (stable)."""
        if self.grouped is not None:
            return self.grouped
        rows: dict[object, list[int]] = {}
        for i, ticket in enumerate(self.ids):
            group = rows.get(ticket)
            if group is None:
                rows[ticket] = [i]
            else:
                group.append(i)
        at = self.instants.__getitem__
        for indices in rows.values():
            if len(indices) > 1:
                indices.sort(key=at)
        return rows.items()

    def events(
        self,
        ticket: object,
        indices: list[int],
        stamps: Sequence[dt.datetime] | None = None,
    ) -> list[TicketEvent] | SlacalcError:
        """One ticket's events from its rows, or the error (naming the ticket) they raise."""
        kinds, instants, severities = self.kinds, self.instants, self.severities
        attributes, tz = self.attributes, self.tz
        try:
            return [
                TicketEvent(
                    kinds[i],
                    from_us(instants[i], tz) if stamps is None else stamps[i],
                    severities[i],
                    **(_attributes(kinds[i], attributes[i]) if attributes else {}),  # type: ignore[arg-type]
                )
                for i in indices
            ]
        except SlacalcError as exc:
            return _for_ticket(exc, ticket)


def _group(rows: _Rows) -> Tickets:
    """Rows -> tickets in order of first appearance; events in time order (stable)."""
    grouped = rows.tickets()
    stamps = None if rows.stamps is None else rows.stamps()
    if stamps is not None and not rows.attributes:
        verb = TicketEvent._verb  # the stamps are aware datetimes already
        plain = [verb(k, t, s) for k, t, s in zip(rows.kinds, stamps, rows.severities, strict=True)]
        if all(plain):  # every row a plain verb (an event has no __bool__)
            made: list[TicketEvent] = plain  # type: ignore[assignment]
            return [(ticket, [made[i] for i in indices]) for ticket, indices in grouped]
    return [(ticket, rows.events(ticket, indices, stamps)) for ticket, indices in grouped]


def _frame_groups(
    ids: list[object], instants: list[int], column: Any = None
) -> list[tuple[object, list[int]]]:
    """Each ticket's row numbers, tickets in order of first appearance, rows in time
    order (stable): one factorize and one stable sort over the whole table.

    ``column`` is the ids as a NumPy array, when they are one (factorized without
    making an index of the Python values first).
    """
    import numpy as np  # a DataFrame is at hand, so pandas and NumPy are
    import pandas as pd

    if not ids:
        return []
    codes, _ = pd.factorize(pd.Index(ids) if column is None else column, sort=False)
    at = np.asarray(instants, dtype=np.int64)
    step = np.diff(codes)
    if (step >= 0).all() and ((step > 0) | (np.diff(at) >= 0)).all():
        # Grouped by ticket and in time order already, as most exports are: no sort.
        rows: list[int] = list(range(len(ids)))
    else:
        order = np.lexsort((at, codes))
        step = np.diff(codes[order])
        rows = order.tolist()
    cuts = (np.flatnonzero(step) + 1).tolist()
    starts = [0, *cuts]
    ends = [*cuts, len(rows)]
    return [(ids[rows[a]], rows[a:b]) for a, b in zip(starts, ends, strict=True)]


def _int_array(column: Any) -> Any:
    """A column's values as a NumPy array when NumPy holds them as integers (so every
    one is an int, none missing), else ``None``."""
    import numpy as np

    dtype = column.dtype
    return column.to_numpy() if isinstance(dtype, np.dtype) and dtype.kind in "iu" else None


def _frame_stamps(df: Any, at: str, instants: list[int], tz: dt.tzinfo) -> list[dt.datetime] | None:
    """Each row's instant as a datetime in ``tz`` (what ``from_us`` gives), in one pass;
    ``None`` when the column's zone is one whose conversion may differ."""
    if not isinstance(tz, (zoneinfo.ZoneInfo, dt.timezone)) or not instants:
        return None
    if min(instants) < MIN_US or max(instants) > MAX_US:
        return None  # from_us names the range
    column = df[at]
    if getattr(column.dtype, "tz", None) is not tz:
        return None
    stamps: list[dt.datetime] = column.dt.to_pydatetime().tolist()
    return stamps


def _for_ticket(exc: SlacalcError, ticket: object) -> SlacalcError:
    """The error with the ticket's id in front, as :func:`for_ticket` raises it."""
    try:
        with for_ticket(ticket):
            raise exc
    except SlacalcError as named:
        return named


def _texts(
    values: list[object], ours: str, cols: _Columns, label: Callable[[int], str]
) -> list[str]:
    """A column's cells as non-empty strings; anything else goes through ``cols.text``."""
    if all(type(v) is str and v for v in values):
        return values  # type: ignore[return-value]
    return [cols.text(v, ours, label(i)) for i, v in enumerate(values)]  # type: ignore[misc]


def _optional_texts(
    values: list[object], ours: str, cols: _Columns, label: Callable[[int], str]
) -> list[str | None]:
    """A column's cells as strings or ``None`` (empty: None, NaN, NaT, NA or '')."""
    out: list[str | None] = []
    for i, v in enumerate(values):
        if type(v) is str:
            out.append(v or None)
        elif v is None or (type(v) is float and v != v):
            out.append(None)
        else:
            out.append(cols.text(v, ours, label(i), optional=True))
    return out


def _ids(values: list[object], cols: _Columns, label: Callable[[int], str]) -> list[object]:
    """A column of ticket ids: plain ints and strings as they are, else checked one by one."""
    if all(type(v) is int or type(v) is str for v in values):
        return values
    return [cols.ticket_id(v, label(i)) for i, v in enumerate(values)]


def _frame_rows(df: Any, cols: _Columns) -> _Rows:
    """A DataFrame's rows, read and checked column by column."""
    names = cols.names
    have = [str(c) for c in df.columns]
    for ours in TICKET_COLUMNS:
        if names[ours] not in df.columns:
            raise cols.missing(ours, have, "the DataFrame")
    index = df.index

    def label(i: int) -> str:
        return f"row {index[i]!r}"

    def values(ours: str) -> list[object]:
        column = df[names[ours]]
        return column.tolist() if column.dtype.kind in "iub" else column.astype(object).tolist()  # type: ignore[no-any-return]

    numbers = _int_array(df[names["ticket_id"]])
    ids = values("ticket_id") if numbers is not None else _ids(values("ticket_id"), cols, label)
    kinds = _texts(values("kind"), "kind", cols, label)
    instants, tz = cols.frame_instants(df, "at")
    severities = _optional_texts(values("severity"), "severity", cols, label)
    present = [a for a in ATTRIBUTE_COLUMNS if a in df.columns]
    attributes = None
    if present:
        cells = {a: df[a].astype(object).tolist() for a in present}
        attributes = [{a: cells[a][i] for a in present} for i in range(len(kinds))]
    grouped = None
    if numbers is not None:
        grouped = _frame_groups(ids, instants, numbers)
    elif all(type(t) is int for t in ids) or all(type(t) is str for t in ids):
        grouped = _frame_groups(ids, instants)
    stamps = partial(_frame_stamps, df, names["at"], instants, tz)
    return _Rows(ids, kinds, instants, severities, tz, attributes, grouped, stamps)


def _record_rows(rows: Iterable[object], cols: _Columns, labels: Sequence[str] = ()) -> _Rows:
    """A list of records' rows, read and checked record by record."""
    names = cols.names
    id_key, kind_key, at_key, severity_key = (names[c] for c in TICKET_COLUMNS)
    ids: list[object] = []
    kinds: list[str] = []
    instants: list[int] = []
    severities: list[str | None] = []
    attributes: list[dict[str, object]] = []
    zones: set[dt.tzinfo] = set()
    for n, record in enumerate(rows):
        if type(record) is not dict and not isinstance(record, Mapping):
            where = labels[n] if labels else f"record {n}"
            raise ColumnTypeError(
                f"{where.capitalize()} of the tickets is {record!r}, not a mapping; pass dicts "
                "such as {'ticket_id': 4711, 'kind': 'opened', 'at': <aware datetime>, "
                "'severity': 'high'}."
            )
        try:
            ticket, kind, value = record[id_key], record[kind_key], record[at_key]
        except KeyError:
            ticket = kind = value = None
        severity = record.get(severity_key)
        # The common row (an int or str id, a kind, an aware datetime) takes no detour.
        if (
            (type(ticket) is int or type(ticket) is str)
            and type(kind) is str
            and kind
            and type(value) is dt.datetime
            and (severity is None or type(severity) is str)
            and (severity_key in record or kind not in _WITH_SEVERITY)
        ):
            try:
                x = to_us(value)
            except NaiveDatetimeError:  # the message that names the column
                x = cols.instant(value, "at", labels[n] if labels else f"record {n}")
            severity = severity or None
        else:
            where = labels[n] if labels else f"record {n}"
            for ours in ("ticket_id", "kind", "at"):
                if names[ours] not in record:
                    raise cols.missing(ours, record, where)
            checked = cols.text(kind, "kind", where)
            assert checked is not None
            kind = checked
            if kind in _WITH_SEVERITY and severity_key not in record:
                raise cols.missing("severity", record, where)
            ticket = cols.ticket_id(ticket, where)
            x = cols.instant(value, "at", where)
            severity = cols.text(severity, "severity", where, optional=True)
        ids.append(ticket)
        kinds.append(kind)
        instants.append(x)
        zone = getattr(value, "tzinfo", None)
        if zone is not None:
            zones.add(zone)
        severities.append(severity)
        attributes.append({a: record[a] for a in ATTRIBUTE_COLUMNS if a in record})
    tz = zones.pop() if len(zones) == 1 else UTC
    return _Rows(ids, kinds, instants, severities, tz, attributes)


def _from_mapping(tickets: Mapping[object, object], history: History) -> Tickets:
    out: Tickets = []
    for ticket, events in tickets.items():
        if isinstance(events, (str, bytes)) or not isinstance(events, Iterable):
            raise ColumnTypeError(
                f"Ticket {ticket!r} maps to {events!r}, not a list of events; pass "
                "{ticket_id: [{'kind': 'opened', 'at': <aware datetime>, "
                "'severity': 'high'}, ...]}."
            )
        try:
            with for_ticket(ticket):
                ordered = coerce_events(events, history=history)
        except SlacalcError as exc:
            out.append((ticket, exc))
            continue
        out.append((ticket, [event for _, event in ordered]))
    return out


def _read(tickets: object, columns: Mapping[str, str] | None, history: History) -> _Rows | Tickets:
    """A table's rows, read and checked, or a mapping's tickets, read."""
    names = column_map(columns, TICKET_COLUMNS, "tickets")
    tickets = pandas_frame(tickets)
    if isinstance(tickets, CsvRows):
        rows, labels = _csv_records(tickets, names, TICKET_COLUMNS[:3], ("at",), "event")
        return _record_rows(rows, _Columns({n: n for n in names}, "tickets"), labels)
    if is_frame(tickets):
        return _frame_rows(tickets, _Columns(names, "tickets"))
    if isinstance(tickets, Mapping):
        if columns is not None:
            raise InvalidOptionError(
                "columns= maps the columns of a table; a mapping ticket_id -> events has "
                "none. Pass the events as {'kind': ..., 'at': ..., 'severity': ...}."
            )
        return _from_mapping(tickets, history)
    if isinstance(tickets, (str, bytes)) or not isinstance(tickets, Iterable):
        raise ColumnTypeError(
            f"tickets={tickets!r} is not ticket data; pass a pandas DataFrame or a list of "
            "dicts with columns 'ticket_id', 'kind', 'at' and 'severity', or a mapping "
            "ticket_id -> events."
        )
    return _record_rows(tickets, _Columns(names, "tickets"))


def read_tickets(
    tickets: object, columns: Mapping[str, str] | None, history: History = "strict"
) -> Tickets:
    """``(ticket_id, events)`` pairs from a DataFrame, records or a mapping of event lists.

    A ticket whose events cannot be read comes with its error instead; a malformed
    table raises. ``history="lenient"`` puts a mapping's event lists in time order.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 11, 30, 9, tzinfo=dt.UTC)
        >>> [(ticket, [e.kind for e in events]) for ticket, events in read_tickets(
        ...     [{"ticket_id": 7, "kind": "paused", "at": t + dt.timedelta(hours=1)},
        ...      {"ticket_id": 7, "kind": "opened", "at": t, "severity": "high"}], None)]
        [(7, ['opened', 'paused'])]
    """
    read = _read(tickets, columns, history)
    return _group(read) if isinstance(read, _Rows) else read


class PlainVerbs(NamedTuple):
    """A ticket whose rows are all plain verbs, read without making its event records.

    Attributes:
        verbs: ``(µs, precedence, index as given, kind, severity)`` in the order the
            events are applied, as ``plain_verbs`` gives them for the ticket's events
            (the index counts the events in the order :func:`read_tickets` gives them).
        tz: the zone the events' instants are shown in.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 11, 30, 9, tzinfo=dt.UTC)
        >>> x = to_us(t)
        >>> ticket = PlainVerbs([(x, 0, 1, "opened", "high"), (x, 8, 0, "paused", None)], dt.UTC)
        >>> [(e.kind, e.at.hour) for e in ticket.events()]
        [('paused', 9), ('opened', 9)]
    """

    verbs: list[tuple[int, int, int, str, str | None]]
    tz: dt.tzinfo

    def events(self) -> list[TicketEvent]:
        """The events :func:`read_tickets` makes of the ticket's rows, in its order."""
        tz, verb = self.tz, TicketEvent._verb
        made: list[TicketEvent] = []
        for x, _, _, kind, severity in sorted(self.verbs, key=_AS_GIVEN):
            event = verb(kind, from_us(x, tz), severity)
            assert event is not None  # read as a plain verb
            made.append(event)
        return made


_AS_GIVEN = itemgetter(2)


PlainTickets = Sequence[tuple[object, "list[TicketEvent] | PlainVerbs | SlacalcError"]]
"""What :func:`read_plain_tickets` gives: a ticket of plain verbs as its verbs."""


def read_plain_tickets(tickets: object, columns: Mapping[str, str] | None) -> PlainTickets:
    """:func:`read_tickets` (strict), each ticket of a table whose rows are plain verbs
    read as its :class:`PlainVerbs`, for a replay that needs no event records.

    A plain verb is one of the nine verbs with a severity if its kind takes one, and
    no attribute; a table with attribute columns, a mapping of event lists, and each
    ticket with another row (or an instant out of range) are read as
    :func:`read_tickets` reads them, errors and all.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 11, 30, 9, tzinfo=dt.UTC)
        >>> rows = [{"ticket_id": 7, "kind": "paused", "at": t},
        ...         {"ticket_id": 7, "kind": "opened", "at": t, "severity": "high"},
        ...         {"ticket_id": 8, "kind": "opened", "at": t, "severity": None}]
        >>> (_, seven), (_, eight) = read_plain_tickets(rows, None)
        >>> [verb[1:] for verb in seven.verbs], type(eight).__name__
        ([(0, 1, 'opened', 'high'), (8, 0, 'paused', None)], 'TicketEventError')
    """
    read = _read(tickets, columns, "strict")
    if not isinstance(read, _Rows):
        return read
    if read.attributes and any(read.attributes):
        return _group(read)
    kinds, instants, severities, tz = read.kinds, read.instants, read.severities, read.tz
    rank, other = _ranks(kinds, instants, severities)
    out: list[tuple[object, list[TicketEvent] | PlainVerbs | SlacalcError]] = []
    for ticket, indices in read.tickets():
        if other and not other.isdisjoint(indices):
            out.append((ticket, read.events(ticket, indices)))
            continue
        verbs = [
            (instants[i], rank[kinds[i]], n, kinds[i], severities[i]) for n, i in enumerate(indices)
        ]
        verbs.sort()  # by instant, precedence, index: unique, so kinds are never compared
        out.append((ticket, PlainVerbs(verbs, tz)))
    return out


def _ranks(
    kinds: list[Any], instants: list[int], severities: list[str | None]
) -> tuple[dict[str, int], set[int]]:
    """The precedence of each kind of plain verb in a table, and the rows that are not
    plain verbs or whose instant is out of range."""
    rank: dict[str, int] = {}
    refused: set[tuple[object, object]] = set()
    for kind, severity in set(zip(kinds, severities, strict=True)):  # few: checked once
        found = TicketEvent._plain_rank(kind, severity)
        if found is None:
            refused.add((kind, severity))
        else:
            rank[kind] = found
    if not refused and instants and min(instants) >= MIN_US and max(instants) <= MAX_US:
        return rank, set()
    return rank, {
        i
        for i, (kind, x, severity) in enumerate(zip(kinds, instants, severities, strict=True))
        if (kind, severity) in refused or not MIN_US <= x <= MAX_US
    }


# -- intervals: incidents and maintenance --------------------------------------------------------


def _rows(
    table: Any, columns: Mapping[str, str] | None, known: Sequence[str], what: str, kind: str
) -> tuple[_Columns, list[Mapping[str, object]] | None, list[object], list[str]]:
    """A table's columns, its rows as mappings (else None), the items as given, the labels.

    ``what`` names the table (``'incidents'``), ``kind`` says what it is for messages.
    """
    names = column_map(columns, known, what)
    table = pandas_frame(table)
    if isinstance(table, (str, bytes)) or not (
        is_frame(table) or isinstance(table, (Iterable, CsvRows))
    ):
        raise ColumnTypeError(f"{what}={table!r} is not {kind}.")
    item = "incident" if what == "incidents" else "window"
    if isinstance(table, CsvRows):
        records, labels = _csv_records(table, names, ("start", "end"), ("start", "end"), item)
        names.update((ours, ours) for ours in names)
        return _Columns(names, what), list[Mapping[str, object]](records), list(records), labels
    cols = _Columns(names, what)
    if is_frame(table):
        out: list[Mapping[str, object]] = table.to_dict("records")
        return cols, out, list(out), [f"row {n}" for n in range(len(out))]
    items: list[object] = list(table)
    if items and all(isinstance(r, Mapping) for r in items):
        rows = [r for r in items if isinstance(r, Mapping)]
        return cols, rows, items, [f"row {n}" for n in range(len(rows))]
    return cols, None, items, []


def _interval(
    row: Mapping[str, object], cols: _Columns, where: str
) -> tuple[dt.datetime, dt.datetime | None]:
    """The start and end (``None``: open) of a row."""
    for ours in ("start", "end"):
        if cols.names[ours] not in row:
            raise cols.missing(ours, row, where)
    start_us = cols.instant(row[cols.names["start"]], "start", where)
    end = plain(row[cols.names["end"]])
    start = plain(row[cols.names["start"]])
    assert isinstance(start, dt.datetime)
    if end is None:
        return from_us(start_us, start.tzinfo or UTC), None
    cols.instant(end, "end", where)
    assert isinstance(end, dt.datetime)
    return start, end


def read_outages(incidents: object, columns: Mapping[str, str] | None) -> list[object]:
    """Incidents as :class:`~slacalc.Outage` values (tables) or as given (outage-likes).

    A table needs ``start`` and ``end`` (``end`` empty for an open incident), and may
    have ``severity`` (default ``"full"``) and ``label`` (else ``incident_id`` is used as
    the label when present).
    """
    cols, rows, items, labels = _rows(
        incidents,
        columns,
        _INCIDENT_COLUMNS,
        "incidents",
        "an incident log; pass a DataFrame or dicts with 'start', 'end' (and 'severity'), "
        "or (start, end, severity) tuples",
    )
    if rows is None:
        if columns is not None:
            raise InvalidOptionError("columns= maps the columns of a table (DataFrame or dicts).")
        return items
    names = cols.names
    out: list[object] = []
    for row, where in zip(rows, labels, strict=True):
        start, end = _interval(row, cols, where)
        severity = cols.text(row.get(names["severity"]), "severity", where, optional=True)
        label = plain(row.get(names["label"]))
        if label is None:
            label = plain(row.get(names["incident_id"]))
        text = None if label is None else str(label)
        try:
            out.append(Outage(start, end, severity=severity or "full", label=text))
        except SlacalcError as exc:
            raise type(exc)(f"{where}: {exc}") from None
    return out


def read_incidents(incidents: object, *, columns: Mapping[str, str] | None = None) -> list[Outage]:
    """An incident table as :class:`~slacalc.Outage` values, read as the reports read it.

    Args:
        incidents: a DataFrame, a list of dicts or :class:`CsvRows` with ``start`` and
            ``end`` (``end`` empty while the outage is open), optionally ``severity``
            (default ``'full'``) and ``label`` (else ``incident_id``).
        columns: your column names: ``{"start": "began"}`` (slacalc's name on the left).

    Returns:
        The outages in table order.

    Raises:
        MissingColumnError: no ``start`` or ``end`` column.
        ColumnTypeError: a value of the wrong type, or not a table; the message names the
            column and the row.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 11, 4, 2, 10, tzinfo=dt.UTC)
        >>> read_incidents([{"start": t, "end": None, "incident_id": "INC-7"}])[0].label
        'INC-7'
    """
    outages = read_outages(incidents, columns)
    if not all(isinstance(o, Outage) for o in outages):
        raise ColumnTypeError(
            f"incidents={incidents!r} is not an incident table; pass a DataFrame, dicts with "
            "'start' and 'end', or CsvRows."
        )
    return [o for o in outages if isinstance(o, Outage)]


def read_windows(
    table: object, *, columns: Mapping[str, str] | None = None
) -> list[tuple[dt.datetime, dt.datetime]]:
    """Planned maintenance windows as ``(start, end)`` pairs, read as the reports read them.

    Args:
        table: a DataFrame, a list of dicts or :class:`CsvRows` with ``start`` and
            ``end``, or ``(start, end)`` pairs of aware datetimes.
        columns: your column names: ``{"start": "from"}`` (slacalc's name on the left).

    Returns:
        The windows in table order.

    Raises:
        MissingColumnError: no ``start`` or ``end`` column.
        ColumnTypeError: a value of the wrong type, or a window without an end.
        InvalidIntervalError: a window that ends before it starts.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 11, 1, 2, tzinfo=dt.UTC)
        >>> read_windows([{"start": t, "end": t + dt.timedelta(minutes=90)}])[0][1].minute
        30
    """
    what = "maintenance"
    cols, rows, items, labels = _rows(
        table,
        columns,
        ("start", "end"),
        what,
        "a list of windows; pass a DataFrame or dicts with 'start' and 'end', or (start, end) "
        "pairs",
    )
    if rows is None:
        out = []
        for n, item in enumerate(items):
            if not isinstance(item, tuple) or len(item) != 2:
                raise ColumnTypeError(
                    f"Item {n} of {what} is {item!r}, not a (start, end) pair of aware datetimes."
                )
            for value in item:
                if not isinstance(value, dt.datetime):
                    raise NotADatetimeError(
                        f"Item {n} of {what} holds {value!r}, not an aware datetime."
                    )
            out.append((item[0], item[1]))
        return out
    windows = []
    for row, where in zip(rows, labels, strict=True):
        start, end = _interval(row, cols, where)
        if end is None:
            raise ColumnTypeError(
                f"Column 'end' of the {what} is empty in {where}; a window needs an end.",
                column=cols.names["end"],
            )
        if end < start:
            raise InvalidIntervalError(
                f"{where}: the window ends at {end.isoformat()!r}, before its start "
                f"{start.isoformat()!r}; give an end at or after the start."
            )
        windows.append((start, end))
    return windows
