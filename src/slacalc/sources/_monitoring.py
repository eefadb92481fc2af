"""What the monitoring readers share: the export they return, rejected rows, CSV, time stamps.

Every monitoring reader returns a :class:`MonitoringExport`: probe rows for
:func:`slacalc.probe_outages`, outages for :func:`slacalc.measure_availability`, or
request counts for :func:`slacalc.measure_requests` and
:func:`slacalc.measure_timeslices`. With ``errors="raise"`` (the default) the first bad
row raises a slacalc error naming the row and the value; with ``errors="collect"`` bad
rows are set aside in ``rejected`` and the rest is read.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any, Literal, TypeAlias

from slacalc._time import UTC, resolve_tz
from slacalc._validate import kind as kind_of
from slacalc._validate import shown
from slacalc.errors import (
    ColumnTypeError,
    InvalidCountError,
    InvalidDateError,
    InvalidOptionError,
    MissingColumnError,
    NaiveDatetimeError,
    SlacalcError,
)
from slacalc.uptime import Outage

__all__ = [
    "STATUSPAGE_SEVERITIES",
    "ErrorMode",
    "ExportKind",
    "MonitoringExport",
    "RejectedRow",
    "SourceLike",
    "read_monitoring_csv",
]

ErrorMode: TypeAlias = Literal["raise", "collect"]
"""What a reader does with a bad row: ``"raise"`` a slacalc error, or ``"collect"`` it.

Examples:
    >>> from typing import get_args
    >>> get_args(ErrorMode)
    ('raise', 'collect')
"""

ExportKind: TypeAlias = Literal["probes", "outages", "counts"]
"""What an export holds: probe results, outages, or request counts.

Examples:
    >>> from typing import get_args
    >>> get_args(ExportKind)
    ('probes', 'outages', 'counts')
"""

SourceLike: TypeAlias = "str | os.PathLike[str] | IO[str] | IO[bytes]"
"""A file to read: a path, or an open file (text or bytes).

Examples:
    >>> import io
    >>> from slacalc.sources import read_monitoring_csv
    >>> text = io.StringIO("time;success\\n2026-03-02T10:00Z;0\\n")
    >>> read_monitoring_csv(text, kind="probes").rows[0][1]
    False
"""


STATUSPAGE_SEVERITIES: Mapping[str, str | None] = {
    "major_outage": "major",
    "partial_outage": "partial",
    "degraded_performance": "degraded",
    "operational": None,
    "under_maintenance": None,
}
"""Statuspage component statuses as slacalc severities (``None``: not an outage).

Examples:
    >>> from slacalc import DEFAULT_SEVERITY_WEIGHTS
    >>> from slacalc.sources import STATUSPAGE_SEVERITIES
    >>> DEFAULT_SEVERITY_WEIGHTS[STATUSPAGE_SEVERITIES["partial_outage"]]
    Fraction(3, 10)
"""

_KINDS = ("probes", "outages", "counts")
_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # kind: (required fields, optional fields)
    "probes": (("time", "success"), ("location",)),
    "outages": (("start", "end"), ("severity", "label")),
    "counts": (("start", "good", "total"), ("end",)),
}
_TRUE = frozenset({"1", "true", "t", "yes", "y", "up", "ok", "success", "pass", "passed"})
_FALSE = frozenset({"0", "false", "f", "no", "n", "down", "fail", "failed", "failure", "error"})


@dataclass(frozen=True, slots=True)
class RejectedRow:
    """A row a reader set aside (``errors="collect"``).

    Args:
        row: where the row is: the line of a CSV file (the header is line 1), or the
            position in a JSON list (``"result[0].values[3]"``).
        value: the value that could not be read.
        reason: why, and what to pass instead (the message the error would carry).

    Examples:
        >>> RejectedRow("line 3", "'maybe'", "not a success flag").row
        'line 3'
    """

    row: str
    value: str
    reason: str


@dataclass(frozen=True, slots=True)
class MonitoringExport:
    """What a monitoring reader read: rows of one kind, and the rows it set aside.

    Args:
        kind: ``"probes"``: rows ``(time, success, location)`` for
            :func:`slacalc.probe_outages`; ``"outages"``: :class:`slacalc.Outage` rows
            (their ``label`` names the monitor or component) for
            :func:`slacalc.measure_availability`; ``"counts"``: rows
            ``(start, end, good, total)`` for :func:`slacalc.measure_requests` and
            :func:`slacalc.measure_timeslices`.
        source: the tool the export came from (``"prometheus"``, ``"uptime-kuma"``...).
        rows: the rows read, in the file's order.
        rejected: the rows set aside with ``errors="collect"``.

    Examples:
        >>> import io
        >>> from slacalc.sources import read_monitoring_csv
        >>> csv_text = "start,end\\n2026-03-02T10:00Z,2026-03-02T10:30Z\\nnot a time,\\n"
        >>> export = read_monitoring_csv(io.StringIO(csv_text), kind="outages",
        ...                              errors="collect")
        >>> len(export.rows), export.rejected[0].row
        (1, 'line 3')
    """

    kind: ExportKind
    source: str
    rows: tuple[Any, ...]
    rejected: tuple[RejectedRow, ...] = ()

    def __iter__(self) -> Iterator[Any]:
        """The rows, so an export goes wherever its rows go.

        Examples:
            >>> import io
            >>> import slacalc
            >>> from slacalc.sources import read_monitoring_csv
            >>> text = "time,success\\n2026-03-02T10:00Z,0\\n2026-03-02T10:01Z,1\\n"
            >>> probes = read_monitoring_csv(io.StringIO(text), kind="probes")
            >>> len(probes), slacalc.probe_outages(probes, interval="1m").downtime
            (2, datetime.timedelta(seconds=60))
        """
        return iter(self.rows)

    def __len__(self) -> int:
        """The number of rows read.

        Examples:
            >>> len(MonitoringExport("outages", "csv", ()))
            0
        """
        return len(self.rows)

    def rejected_table(self) -> list[dict[str, str]]:
        """The rejected rows as a table: one dict per row with ``row``, ``value``, ``reason``.

        ``pandas.DataFrame(export.rejected_table())`` makes it a frame.

        Examples:
            >>> import io
            >>> from slacalc.sources import read_monitoring_csv
            >>> export = read_monitoring_csv(io.StringIO("time,success\\n2026-03-02T10:00Z,x\\n"),
            ...                              kind="probes", errors="collect")
            >>> export.rejected_table()[0]["row"]
            'line 2'
        """
        return [{"row": r.row, "value": r.value, "reason": r.reason} for r in self.rejected]

    def by_label(self) -> dict[str | None, tuple[Any, ...]]:
        """The rows grouped by location (probes) or label (outages): one list per monitor.

        Examples:
            >>> import io
            >>> from slacalc.sources import read_monitoring_csv
            >>> text = ("start,end,label\\n2026-03-02T10:00Z,2026-03-02T10:30Z,api\\n"
            ...         "2026-03-02T11:00Z,2026-03-02T11:05Z,web\\n")
            >>> sorted(read_monitoring_csv(io.StringIO(text), kind="outages").by_label())
            ['api', 'web']
        """
        groups: dict[str | None, list[Any]] = {}
        for row in self.rows:
            if isinstance(row, Outage):
                key = row.label
            elif self.kind == "probes":
                key = row[2]
            else:
                key = None
            groups.setdefault(key, []).append(row)
        return {k: tuple(v) for k, v in groups.items()}


class Collector:
    """Raise or collect bad rows, as ``errors=`` says."""

    def __init__(self, errors: object) -> None:
        if errors not in ("raise", "collect"):
            raise InvalidOptionError(
                f"Unknown errors={errors!r}; pass 'raise' (stop at the first bad row) or "
                "'collect' (set bad rows aside in the export's rejected table)."
            )
        self.collect = errors == "collect"
        self.rejected: list[RejectedRow] = []

    def run(self, row: str, value: object, read: Callable[[], Any]) -> Any:
        """``read()``, or ``None`` after collecting its slacalc error against ``row``."""
        try:
            return read()
        except SlacalcError as exc:
            if not self.collect:
                raise
            self.rejected.append(RejectedRow(row, repr(value), str(exc)))
            return None

    def export(self, kind: ExportKind, source: str, rows: Iterable[Any]) -> MonitoringExport:
        """The export of the rows read, with what was collected."""
        return MonitoringExport(kind, source, tuple(rows), tuple(self.rejected))


def read_text(source: SourceLike) -> str:
    """The text of a path or an open file (UTF-8, a byte-order mark dropped)."""
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        try:
            data: str | bytes = path.read_bytes()
        except (OSError, ValueError):  # missing, a directory, a name too long, a NUL byte
            raise InvalidOptionError(
                f"No file {shown(str(source))}; pass the path of an export."
            ) from None
    elif hasattr(source, "read"):
        data = source.read()
    else:
        raise ColumnTypeError(
            f"{source!r} is not a file; pass a path or an open file.", column=None
        )
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidOptionError(
                f"{shown(source)} is not UTF-8 text (byte {exc.start}); save it as UTF-8."
            ) from None
    if not isinstance(data, str):
        raise ColumnTypeError(
            f"{shown(source)} read {kind_of(data)}, not text; pass a path or an open file.",
            column=None,
        )
    return data.removeprefix("\ufeff")


def read_json(source: SourceLike | Mapping[str, Any] | list[Any]) -> Any:
    """Parsed JSON of a path, an open file, or already parsed; numbers kept exact."""
    if isinstance(source, (Mapping, list)):
        return source
    text = read_text(source)
    try:
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise InvalidOptionError(
            f"The export is not JSON ({exc.msg} at line {exc.lineno}); pass the JSON the "
            "tool wrote, unchanged."
        ) from None


def csv_rows(source: SourceLike, delimiter: str | None = None) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a CSV file; the delimiter (``,;|`` or tab) found from the header."""
    text = read_text(source)
    if delimiter is None:
        header_line = text.split("\n", 1)[0]
        counts = {d: header_line.count(d) for d in (",", ";", "\t", "|")}
        delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = list(reader)
    if not rows:
        raise MissingColumnError("The CSV file is empty; pass an export with a header line.")
    return [h.strip() for h in rows[0]], rows[1:]


def instant(value: object, tz: dt.tzinfo | None, *, what: str) -> dt.datetime:
    """An aware datetime from ISO text (naive text in ``tz``) or epoch seconds."""
    if isinstance(value, dt.datetime):
        parsed = value
    else:
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            return epoch(value, what=what)
        if not isinstance(value, str) or not value.strip():
            raise InvalidDateError(
                f"{what} {value!r} is not a time; write ISO 8601 such as '2026-03-02T10:00Z'."
            )
        raw = value.strip()
        if raw.replace(".", "", 1).isdigit():
            return epoch(Decimal(raw), what=what)
        try:
            parsed = dt.datetime.fromisoformat(raw)
        except ValueError:
            raise InvalidDateError(
                f"{what} {value!r} is not an ISO 8601 time; write e.g. '2026-03-02T10:00Z'."
            ) from None
    if parsed.utcoffset() is None:
        if tz is None:
            raise NaiveDatetimeError(
                f"{what} {value!r} has no UTC offset; pass tz='Europe/Copenhagen' (the zone "
                "the export was written in) or 'UTC'."
            )
        return parsed.replace(tzinfo=tz)
    return parsed


def epoch(value: int | Decimal, *, what: str) -> dt.datetime:
    """Epoch seconds (exact, to the microsecond) as an aware UTC datetime."""
    try:
        micros = int(Decimal(value) * 1_000_000)
        return dt.datetime(1970, 1, 1, tzinfo=UTC) + dt.timedelta(microseconds=micros)
    except (InvalidOperation, OverflowError):
        raise InvalidDateError(f"{what} {value!r} is not a time in seconds since 1970.") from None


def success_flag(value: object, *, what: str) -> bool:
    """A success flag: a bool, 1/0, or words such as up/down, true/false, ok/fail."""
    key = str(value).strip().lower()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ColumnTypeError(
        f"{what} {value!r} is not a success flag; write 1 or 0, true or false, up or down.",
        column="success",
    )


def count(value: object, *, what: str) -> int:
    """A request count: digits of a whole number of 0 or more."""
    text = str(value).strip()
    if not text.isdigit():
        says = "negative" if text[1:].isdigit() and text[0] == "-" else "not a whole number"
        raise InvalidCountError(f"{what} {value!r} is {says}; write an int >= 0.")
    return int(text)


def read_monitoring_csv(
    source: SourceLike,
    *,
    kind: ExportKind,
    columns: Mapping[str, str] | None = None,
    tz: str | dt.tzinfo | None = None,
    delimiter: str | None = None,
    errors: ErrorMode = "raise",
) -> MonitoringExport:
    """Read a CSV export of probes, outages or request counts, with any column names.

    The delimiter (comma, semicolon, tab or bar) is found from the header line, so a
    semicolon-separated file from a Danish or German spreadsheet reads as is.

    Fields by kind (map yours with ``columns={"start": "started_at", ...}``):

    - ``"probes"``: ``time``, ``success`` (1/0, true/false, up/down...), ``location``.
    - ``"outages"``: ``start``, ``end`` (empty: still open), ``severity`` (slacalc's
      names, or Statuspage's ``major_outage``, ``partial_outage``,
      ``degraded_performance``; ``operational`` rows are skipped), ``label``.
    - ``"counts"``: ``start``, ``end``, ``good``, ``total``.

    Args:
        source: a path or an open file.
        kind: what the rows are.
        columns: slacalc's field name to your column name, for the ones that differ.
        tz: the zone of times written without a UTC offset.
        delimiter: force a delimiter instead of finding it.
        errors: ``"raise"`` at the first bad row, or ``"collect"`` them.

    Returns:
        A :class:`MonitoringExport` of ``kind``.

    Raises:
        MissingColumnError: a required column is missing (the header is shown).
        InvalidDateError, NaiveDatetimeError: a time that cannot be read (the line named).
        ColumnTypeError: a success flag that cannot be read.
        InvalidCountError: a count that is not a whole number, or good more than total.
        InvalidOptionError: an unknown ``kind`` or ``errors``.

    Examples:
        >>> import io
        >>> text = "started_at;resolved_at;impact\\n2026-03-02 10:00;2026-03-02 10:30;partial\\n"
        >>> export = read_monitoring_csv(io.StringIO(text), kind="outages", tz="UTC",
        ...     columns={"start": "started_at", "end": "resolved_at", "severity": "impact"})
        >>> export.rows[0].severity, export.rows[0].end.minute
        ('partial', 30)
    """
    if kind not in _KINDS:
        raise InvalidOptionError(f"Unknown kind={kind!r}; pass 'probes', 'outages' or 'counts'.")
    collector = Collector(errors)
    zone = None if tz is None else resolve_tz(tz)
    header, body = csv_rows(source, delimiter)
    required, optional = _FIELDS[kind]
    names = dict(columns or {})
    unknown = sorted(set(names) - set(required) - set(optional))
    if unknown:
        raise InvalidOptionError(
            f"columns= names {unknown[0]!r}, not a field of {kind}; use "
            f"{', '.join(repr(f) for f in required + optional)}."
        )
    where: dict[str, int] = {}
    for field in required + optional:
        name = names.get(field, field)
        if name in header:
            where[field] = header.index(name)
        elif field in required:
            raise MissingColumnError(
                f"The CSV file has no column {name!r} (header: {header!r}); add it, or map "
                f"yours with columns={{{field!r}: '<your column>'}}.",
                column=name,
            )
    rows = []
    for number, raw in enumerate(body, start=2):
        if not any(cell.strip() for cell in raw):
            continue
        cells = {f: (raw[i].strip() if i < len(raw) else "") for f, i in where.items()}
        label = f"line {number}"
        row = collector.run(label, raw, functools.partial(_csv_row, kind, cells, zone, label))
        if row is not None:
            rows.append(row)
    return collector.export(kind, "csv", rows)


def _csv_row(kind: str, cells: dict[str, str], tz: dt.tzinfo | None, line: str) -> Any:
    """One CSV row as a probe, an outage or a count."""
    if kind == "probes":
        return (
            instant(cells["time"], tz, what=f"Time on {line}"),
            success_flag(cells["success"], what=f"Success on {line}"),
            cells.get("location") or None,
        )
    if kind == "outages":
        start = instant(cells["start"], tz, what=f"Start on {line}")
        end = instant(cells["end"], tz, what=f"End on {line}") if cells["end"] else None
        written = cells.get("severity") or "full"
        severity = STATUSPAGE_SEVERITIES.get(written, written)
        if severity is None:  # operational or under maintenance: not an outage
            return None
        return Outage(start, end, severity, cells.get("label") or None)
    start = instant(cells["start"], tz, what=f"Start on {line}")
    end = instant(cells["end"], tz, what=f"End on {line}") if cells.get("end") else start
    good = count(cells["good"], what=f"good on {line}")
    total = count(cells["total"], what=f"total on {line}")
    if good > total:
        raise InvalidCountError(
            f"good={good!r} is more than total={total!r} on {line}; pass counts with "
            "0 <= good <= total."
        )
    return (start, end, good, total)
