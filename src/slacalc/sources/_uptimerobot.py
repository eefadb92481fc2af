"""UptimeRobot and Pingdom style CSV logs into outages.

- **UptimeRobot**: the dashboard's log export has one row per event, with the columns
  ``Event`` (``Down``, ``Up``, ``Started``, ``Paused``), ``Date-Time`` (in the account's
  time zone, without an offset), ``Monitor``, ``Monitor URL``, ``Duration``,
  ``Duration (in mins.)`` and ``Reason``, newest first. A ``Down`` event starts an
  outage that lasts until the monitor's next event, or, for the latest one, for its
  ``Duration (in mins.)``.
- **Pingdom style**: one row per state, as Pingdom's API reports a check's states
  (``summary.outage``: ``status``, ``timefrom``, ``timeto``, in Unix seconds): a ``down``
  row is an outage from ``timefrom`` to ``timeto``. The columns ``status``, ``from``
  and ``to`` (``timefrom``/``timeto``), any case, and an optional ``check`` or ``name``;
  times as Unix seconds or ISO 8601.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from slacalc._time import resolve_tz
from slacalc.errors import InvalidDurationError, MissingColumnError, UnknownSeverityError
from slacalc.sources._monitoring import (
    Collector,
    ErrorMode,
    MonitoringExport,
    SourceLike,
    csv_rows,
    instant,
)
from slacalc.uptime import Outage

__all__ = ["read_pingdom_csv", "read_uptimerobot_csv"]

_ROBOT_EVENTS = frozenset({"down", "up", "started", "paused", "resumed"})


def _column(header: list[str], *names: str, required: bool = True) -> int | None:
    """The index of the first column named one of ``names`` (any case)."""
    folded = [h.strip().lower() for h in header]
    for name in names:
        if name.lower() in folded:
            return folded.index(name.lower())
    if required:
        raise MissingColumnError(
            f"The CSV file has no column {names[0]!r} (header: {header!r}); pass the export "
            "as the tool wrote it.",
            column=names[0],
        )
    return None


def read_uptimerobot_csv(
    source: SourceLike,
    *,
    tz: str | dt.tzinfo,
    errors: ErrorMode = "raise",
) -> MonitoringExport:
    """Read an UptimeRobot log export (CSV) as outages, labelled with the monitor.

    Args:
        source: a path or an open file; comma or semicolon separated.
        tz: the account's time zone, which the ``Date-Time`` column is written in.
        errors: ``"raise"`` at the first bad row, or ``"collect"`` them.

    Returns:
        A :class:`MonitoringExport` of outages, oldest first.

    Raises:
        MissingColumnError: no ``Event``, ``Date-Time`` or ``Monitor`` column.
        UnknownSeverityError: an event UptimeRobot does not write (the line named).
        InvalidDateError: a time that cannot be read.

    Examples:
        >>> import io
        >>> log = io.StringIO(
        ...     "Event,Date-Time,Monitor,Duration (in mins.),Reason\\n"
        ...     "Up,2026-03-02 10:12:00,shop,1428,OK\\n"
        ...     "Down,2026-03-02 10:05:00,shop,7,Connection Timeout\\n")
        >>> [(o.start.minute, o.end.minute, o.label)
        ...  for o in read_uptimerobot_csv(log, tz="Europe/Copenhagen").rows]
        [(5, 12, 'shop')]
    """
    collector = Collector(errors)
    zone = resolve_tz(tz)
    header, body = csv_rows(source)
    event_at = _column(header, "Event")
    time_at = _column(header, "Date-Time", "Date")
    monitor_at = _column(header, "Monitor", "Monitor Name")
    minutes_at = _column(header, "Duration (in mins.)", required=False)
    assert event_at is not None
    assert time_at is not None
    assert monitor_at is not None
    events: dict[str, list[tuple[dt.datetime, str, str, str]]] = {}
    for number, raw in enumerate(body, start=2):
        if not any(c.strip() for c in raw):
            continue
        line = f"line {number}"

        def read(raw: list[str] = raw, line: str = line) -> tuple[dt.datetime, str, str, str]:
            cell = dict(enumerate(c.strip() for c in raw))
            kind = cell.get(event_at, "").lower()
            if kind not in _ROBOT_EVENTS:
                raise UnknownSeverityError(
                    f"Event {cell.get(event_at, '')!r} on {line} is not an UptimeRobot event; "
                    "the log writes Down, Up, Started or Paused."
                )
            at = instant(cell.get(time_at, ""), zone, what=f"Date-Time on {line}")
            minutes = "" if minutes_at is None else cell.get(minutes_at, "")
            return at, kind, cell.get(monitor_at, ""), minutes

        row = collector.run(line, raw, read)
        if row is not None:
            events.setdefault(row[2], []).append(row)
    outages = []
    for monitor, rows in events.items():
        rows.sort(key=lambda r: r[0])
        for k, (at, kind, _, minutes) in enumerate(rows):
            if kind != "down":
                continue
            end: dt.datetime | None
            if k + 1 < len(rows):
                end = rows[k + 1][0]
            elif minutes:
                end = at + _minutes(minutes, at)
            else:
                end = None
            outages.append(Outage(at, end, "full", monitor or None))
    outages.sort(key=lambda o: (o.start, o.label or ""))
    return collector.export("outages", "uptimerobot", outages)


def _minutes(text: str, at: dt.datetime) -> dt.timedelta:
    """``Duration (in mins.)`` as a timedelta."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise InvalidDurationError(
            f"Duration (in mins.) {text!r} of the event at {at.isoformat()!r} is not a number."
        ) from None
    return dt.timedelta(microseconds=int(value * 60_000_000))


def read_pingdom_csv(
    source: SourceLike,
    *,
    tz: str | dt.tzinfo | None = None,
    errors: ErrorMode = "raise",
) -> MonitoringExport:
    """Read Pingdom style state rows (``status``, ``from``, ``to``) as outages.

    Only ``down`` states are outages; ``up``, ``unconfirmed_down`` (Pingdom has not yet
    confirmed it from a second location), ``paused`` and ``unknown`` are not.

    Args:
        source: a path or an open file; comma or semicolon separated.
        tz: the zone of ISO times written without an offset (Unix seconds need none).
        errors: ``"raise"`` at the first bad row, or ``"collect"`` them.

    Returns:
        A :class:`MonitoringExport` of outages labelled with the ``check`` (or ``name``)
        column when there is one.

    Raises:
        MissingColumnError: no status, from or to column.
        UnknownSeverityError: a status Pingdom does not write (the line named).
        InvalidDateError, NaiveDatetimeError: a time that cannot be read.

    Examples:
        >>> import io
        >>> states = io.StringIO("status,timefrom,timeto\\n"
        ...                      "up,1772445600,1772446200\\n"
        ...                      "down,1772446200,1772446500\\n")
        >>> [(o.end - o.start).seconds for o in read_pingdom_csv(states).rows]
        [300]
    """
    collector = Collector(errors)
    zone = None if tz is None else resolve_tz(tz)
    header, body = csv_rows(source)
    status_at = _column(header, "status")
    from_at = _column(header, "from", "timefrom")
    to_at = _column(header, "to", "timeto")
    check_at = _column(header, "check", "name", required=False)
    assert status_at is not None
    assert from_at is not None
    assert to_at is not None
    outages = []
    for number, raw in enumerate(body, start=2):
        if not any(c.strip() for c in raw):
            continue
        line = f"line {number}"

        def read(raw: list[str] = raw, line: str = line) -> Any:
            cell = dict(enumerate(c.strip() for c in raw))
            status = cell.get(status_at, "").lower()
            if status not in {"down", "up", "unconfirmed_down", "paused", "unknown"}:
                raise UnknownSeverityError(
                    f"Status {cell.get(status_at, '')!r} on {line} is not a Pingdom state; "
                    "it writes up, down, unconfirmed_down, paused or unknown."
                )
            start = instant(cell.get(from_at, ""), zone, what=f"From on {line}")
            end = instant(cell.get(to_at, ""), zone, what=f"To on {line}")
            if status != "down":
                return None
            label = None if check_at is None else cell.get(check_at) or None
            return Outage(start, end, "full", label)

        row = collector.run(line, raw, read)
        if row is not None:
            outages.append(row)
    return collector.export("outages", "pingdom", outages)
