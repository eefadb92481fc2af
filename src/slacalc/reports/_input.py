"""Reading what analysts pass: ticket event tables, incident logs, maintenance windows.

Tables come as a pandas DataFrame, a list of dicts (records), or, for tickets, a
mapping ``ticket_id -> events``. Column names are slacalc's unless ``columns=`` maps
them to the caller's (``{"at": "Timestamp"}``: slacalc's name on the left). A missing
column raises :class:`~slacalc.errors.MissingColumnError` and a value of the wrong
type :class:`~slacalc.errors.ColumnTypeError`, both naming the column.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from slacalc._time import UTC, from_us, to_us
from slacalc.errors import (
    ColumnTypeError,
    InvalidOptionError,
    MissingColumnError,
    NaiveDatetimeError,
    NotADatetimeError,
    SlacalcError,
)
from slacalc.reports._tables import is_frame, plain
from slacalc.timers import TicketEvent, coerce_events
from slacalc.uptime import Outage

__all__ = [
    "TICKET_COLUMNS",
    "column_map",
    "for_ticket",
    "read_intervals",
    "read_outages",
    "read_tickets",
]

TICKET_COLUMNS = ("ticket_id", "kind", "at", "severity")
"""The columns of a ticket event table: one row per event.

Examples:
    >>> from slacalc.reports import TICKET_COLUMNS
    >>> TICKET_COLUMNS
    ('ticket_id', 'kind', 'at', 'severity')
"""
_WITH_SEVERITY = frozenset({"opened", "severity_changed"})
_NAT = -(2**63)

Tickets = list[tuple[object, list[TicketEvent]]]


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


def _named(ours: str, theirs: str) -> str:
    return repr(theirs) if ours == theirs else f"{theirs!r} (for {ours!r})"


def _missing(
    ours: str, theirs: str, what: str, have: Iterable[object], where: str
) -> MissingColumnError:
    listed = ", ".join(repr(str(c)) for c in have)
    return MissingColumnError(
        f"The {what} have no column {_named(ours, theirs)} ({where} has {listed}); add it, "
        f"or map your column with columns={{{ours!r}: '<your column>'}}.",
        column=theirs,
    )


def _instant(value: object, ours: str, theirs: str, what: str, row: str) -> int:
    """Epoch µs of an aware datetime in a table cell; a clear error naming the column."""
    value = plain(value)
    if value is None:
        raise ColumnTypeError(
            f"Column {_named(ours, theirs)} of the {what} is empty in {row}; every row "
            "needs an aware datetime there.",
            column=theirs,
        )
    if not isinstance(value, dt.datetime):
        raise ColumnTypeError(
            f"Column {_named(ours, theirs)} of the {what} holds {value!r} (a "
            f"{type(value).__name__}) in {row}, not an aware datetime; parse it first, e.g. "
            f"pandas.to_datetime(df[{theirs!r}], utc=True).",
            column=theirs,
        )
    try:
        return to_us(value)
    except NaiveDatetimeError:
        raise NaiveDatetimeError(
            f"Column {_named(ours, theirs)} of the {what} holds {value!r} in {row}, which has "
            f"no time zone; localize it, e.g. df[{theirs!r}].dt.tz_localize('Europe/Copenhagen')."
        ) from None


def _frame_instants(df: Any, ours: str, theirs: str, what: str) -> tuple[list[int], dt.tzinfo]:
    """A DataFrame column of instants as epoch µs, plus the column's time zone."""
    series = df[theirs]
    dtype = series.dtype
    if getattr(dtype, "kind", None) == "M":
        tz = getattr(dtype, "tz", None)
        if tz is None:
            raise NaiveDatetimeError(
                f"Column {_named(ours, theirs)} of the {what} has no time zone (dtype "
                f"{dtype}); localize it, e.g. df[{theirs!r}] = "
                f"df[{theirs!r}].dt.tz_localize('Europe/Copenhagen')."
            )
        naive = series.dt.tz_convert("UTC").dt.tz_localize(None)
        values: list[int] = naive.to_numpy().astype("datetime64[us]").view("int64").tolist()
        for i, x in enumerate(values):
            if x == _NAT:
                raise ColumnTypeError(
                    f"Column {_named(ours, theirs)} of the {what} is empty (NaT) in row "
                    f"{series.index[i]!r}; every row needs an aware datetime there.",
                    column=theirs,
                )
        zone = tz if isinstance(tz, dt.tzinfo) else UTC
        return values, zone
    if getattr(dtype, "kind", None) == "O":
        index = list(series.index)
        return [
            _instant(v, ours, theirs, what, f"row {index[i]!r}")
            for i, v in enumerate(series.tolist())
        ], UTC
    raise ColumnTypeError(
        f"Column {_named(ours, theirs)} of the {what} has dtype {dtype}, not aware datetimes; "
        f"parse it first, e.g. pandas.to_datetime(df[{theirs!r}], utc=True).",
        column=theirs,
    )


def _text(
    value: object, ours: str, theirs: str, what: str, row: str, *, optional: bool
) -> str | None:
    value = plain(value)
    if value is None or value == "":
        if optional:
            return None
        raise ColumnTypeError(
            f"Column {_named(ours, theirs)} of the {what} is empty in {row}; fill it in.",
            column=theirs,
        )
    if not isinstance(value, str):
        raise ColumnTypeError(
            f"Column {_named(ours, theirs)} of the {what} holds {value!r} (a "
            f"{type(value).__name__}) in {row}, not a string.",
            column=theirs,
        )
    return value


def _ticket_id(value: object, theirs: str, row: str) -> object:
    value = plain(value)
    if value is None:
        raise ColumnTypeError(
            f"Column {_named('ticket_id', theirs)} of the tickets is empty in {row}; every "
            "event needs the id of its ticket.",
            column=theirs,
        )
    try:
        hash(value)
    except TypeError:
        raise ColumnTypeError(
            f"Column {_named('ticket_id', theirs)} of the tickets holds {value!r} in {row}, "
            "which cannot be an id; use a number or a string.",
            column=theirs,
        ) from None
    return value


def _group(
    ids: list[object],
    kinds: list[str],
    instants: list[int],
    severities: list[str | None],
    tz: dt.tzinfo,
) -> Tickets:
    """Rows -> tickets in order of first appearance; events in time order (stable)."""
    rows: dict[object, list[int]] = {}
    for i, ticket in enumerate(ids):
        rows.setdefault(ticket, []).append(i)
    out: Tickets = []
    for ticket, indices in rows.items():
        indices.sort(key=instants.__getitem__)
        with for_ticket(ticket):
            events = [
                TicketEvent(kinds[i], from_us(instants[i], tz), severities[i])  # type: ignore[arg-type]
                for i in indices
            ]
        out.append((ticket, events))
    return out


def _from_frame(df: Any, names: dict[str, str]) -> Tickets:
    have = [str(c) for c in df.columns]
    for ours in TICKET_COLUMNS:
        if names[ours] not in df.columns:
            raise _missing(ours, names[ours], "tickets", have, "the DataFrame")
    index = list(df.index)
    ids = [
        _ticket_id(v, names["ticket_id"], f"row {index[i]!r}")
        for i, v in enumerate(df[names["ticket_id"]].tolist())
    ]
    kinds = [
        _text(v, "kind", names["kind"], "tickets", f"row {index[i]!r}", optional=False)
        for i, v in enumerate(df[names["kind"]].astype(object).tolist())
    ]
    instants, tz = _frame_instants(df, "at", names["at"], "tickets")
    severities = [
        _text(v, "severity", names["severity"], "tickets", f"row {index[i]!r}", optional=True)
        for i, v in enumerate(df[names["severity"]].astype(object).tolist())
    ]
    return _group(ids, kinds, instants, severities, tz)  # type: ignore[arg-type]


def _from_records(rows: Iterable[object], names: dict[str, str]) -> Tickets:
    ids: list[object] = []
    kinds: list[str] = []
    instants: list[int] = []
    severities: list[str | None] = []
    zones: set[dt.tzinfo] = set()
    for n, record in enumerate(rows):
        where = f"record {n}"
        if not isinstance(record, Mapping):
            raise ColumnTypeError(
                f"{where.capitalize()} of the tickets is {record!r}, not a mapping; pass dicts "
                "such as {'ticket_id': 4711, 'kind': 'opened', 'at': <aware datetime>, "
                "'severity': 'high'}."
            )
        for ours in ("ticket_id", "kind", "at"):
            if names[ours] not in record:
                raise _missing(ours, names[ours], "tickets", record, where)
        kind = _text(record[names["kind"]], "kind", names["kind"], "tickets", where, optional=False)
        assert kind is not None
        if kind in _WITH_SEVERITY and names["severity"] not in record:
            raise _missing("severity", names["severity"], "tickets", record, where)
        ids.append(_ticket_id(record[names["ticket_id"]], names["ticket_id"], where))
        kinds.append(kind)
        value = record[names["at"]]
        instants.append(_instant(value, "at", names["at"], "tickets", where))
        zone = getattr(value, "tzinfo", None)
        if zone is not None:
            zones.add(zone)
        severities.append(
            _text(
                record.get(names["severity"]),
                "severity",
                names["severity"],
                "tickets",
                where,
                optional=True,
            )
        )
    tz = zones.pop() if len(zones) == 1 else UTC
    return _group(ids, kinds, instants, severities, tz)


def _from_mapping(tickets: Mapping[object, object]) -> Tickets:
    out: Tickets = []
    for ticket, events in tickets.items():
        if isinstance(events, (str, bytes)) or not isinstance(events, Iterable):
            raise ColumnTypeError(
                f"Ticket {ticket!r} maps to {events!r}, not a list of events; pass "
                "{ticket_id: [{'kind': 'opened', 'at': <aware datetime>, "
                "'severity': 'high'}, ...]}."
            )
        with for_ticket(ticket):
            ordered = coerce_events(events)
        out.append((ticket, [event for _, event in ordered]))
    return out


def read_tickets(tickets: object, columns: Mapping[str, str] | None) -> Tickets:
    """``(ticket_id, events)`` pairs from a DataFrame, records or a mapping of event lists."""
    names = column_map(columns, TICKET_COLUMNS, "tickets")
    if is_frame(tickets):
        return _from_frame(tickets, names)
    if isinstance(tickets, Mapping):
        if columns is not None:
            raise InvalidOptionError(
                "columns= maps the columns of a table; a mapping ticket_id -> events has "
                "none. Pass the events as {'kind': ..., 'at': ..., 'severity': ...}."
            )
        return _from_mapping(tickets)
    if isinstance(tickets, (str, bytes)) or not isinstance(tickets, Iterable):
        raise ColumnTypeError(
            f"tickets={tickets!r} is not ticket data; pass a pandas DataFrame or a list of "
            "dicts with columns 'ticket_id', 'kind', 'at' and 'severity', or a mapping "
            "ticket_id -> events."
        )
    return _from_records(tickets, names)


# -- intervals: incidents and maintenance --------------------------------------------------------


def _rows(table: Any) -> tuple[list[Mapping[str, object]] | None, list[object]]:
    """A DataFrame or records as mappings (else None), and the items as given."""
    if is_frame(table):
        out: list[Mapping[str, object]] = table.to_dict("records")
        return out, list(out)
    items: list[object] = list(table)
    if items and all(isinstance(r, Mapping) for r in items):
        return [r for r in items if isinstance(r, Mapping)], items
    return None, items


def _interval(
    row: Mapping[str, object], names: dict[str, str], what: str, where: str
) -> tuple[dt.datetime, dt.datetime | None]:
    for ours in ("start", "end"):
        if names[ours] not in row:
            raise _missing(ours, names[ours], what, row, where)
    start_us = _instant(row[names["start"]], "start", names["start"], what, where)
    end = plain(row[names["end"]])
    start = plain(row[names["start"]])
    assert isinstance(start, dt.datetime)
    if end is None:
        return from_us(start_us, start.tzinfo or UTC), None
    _instant(end, "end", names["end"], what, where)
    assert isinstance(end, dt.datetime)
    return start, end


def read_outages(incidents: object, columns: Mapping[str, str] | None) -> list[object]:
    """Incidents as :class:`~slacalc.Outage` values (tables) or as given (outage-likes).

    A table needs ``start`` and ``end`` (``end`` empty for an open incident), and may
    have ``severity`` (default ``"full"``) and ``label`` (else ``incident_id`` is used as
    the label when present).
    """
    names = column_map(columns, ("start", "end", "severity", "label", "incident_id"), "incidents")
    if isinstance(incidents, (str, bytes)) or not (
        is_frame(incidents) or isinstance(incidents, Iterable)
    ):
        raise ColumnTypeError(
            f"incidents={incidents!r} is not an incident log; pass a DataFrame or dicts with "
            "'start', 'end' (and 'severity'), or (start, end, severity) tuples."
        )
    rows, items = _rows(incidents)
    if rows is None:
        if columns is not None:
            raise InvalidOptionError("columns= maps the columns of a table (DataFrame or dicts).")
        return items
    out: list[object] = []
    for n, row in enumerate(rows):
        where = f"row {n}"
        start, end = _interval(row, names, "incidents", where)
        severity = (
            _text(
                row.get(names["severity"]),
                "severity",
                names["severity"],
                "incidents",
                where,
                optional=True,
            )
            or "full"
        )
        label = plain(row.get(names["label"]))
        if label is None:
            label = plain(row.get(names["incident_id"]))
        text = None if label is None else str(label)
        out.append(Outage(start, end, severity=severity, label=text))
    return out


def read_intervals(
    table: object, columns: Mapping[str, str] | None, what: str
) -> list[tuple[dt.datetime, dt.datetime]]:
    """Maintenance windows: a DataFrame or dicts with ``start``/``end``, or pairs."""
    names = column_map(columns, ("start", "end"), what)
    if isinstance(table, (str, bytes)) or not (is_frame(table) or isinstance(table, Iterable)):
        raise ColumnTypeError(
            f"{what}={table!r} is not a list of windows; pass a DataFrame or dicts with "
            "'start' and 'end', or (start, end) pairs."
        )
    rows, items = _rows(table)
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
    for n, row in enumerate(rows):
        start, end = _interval(row, names, what, f"row {n}")
        if end is None:
            raise ColumnTypeError(
                f"Column 'end' of the {what} is empty in row {n}; a window needs an end.",
                column=names["end"],
            )
        windows.append((start, end))
    return windows
