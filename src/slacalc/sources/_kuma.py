"""Uptime Kuma heartbeats into probe rows.

A heartbeat is ``{"status": 0|1|2|3, "time": "YYYY-MM-DD HH:MM:SS.sss", "msg": ...,
"ping": ...}``, with 0 down, 1 up, 2 pending, 3 maintenance, and the time in UTC
(louislam/uptime-kuma, ``server/model/heartbeat.js`` and ``src/util.ts``). The status
page API ``/api/status-page/heartbeat/<slug>`` answers ``{"heartbeatList": {"<monitor
id>": [heartbeat, ...]}, "uptimeList": {...}}``; a plain list of heartbeats (with a
``monitorID`` or ``monitor_id`` each, as the socket sends them) reads too.

Pending is a failed check Kuma is still retrying before it calls the monitor down, so it
counts as up, as Kuma counts it; maintenance counts as up too (give maintenance windows
to :func:`slacalc.measure_availability` to treat them otherwise).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from slacalc._time import UTC
from slacalc.errors import ColumnTypeError, InvalidOptionError
from slacalc.sources._monitoring import (
    Collector,
    ErrorMode,
    MonitoringExport,
    SourceLike,
    instant,
    read_json,
)

__all__ = ["KUMA_STATUSES", "read_uptime_kuma"]

KUMA_STATUSES: Mapping[int, bool] = {0: False, 1: True, 2: True, 3: True}
"""Uptime Kuma's heartbeat statuses as probe success: 0 down; 1 up, 2 pending, 3 maintenance.

Examples:
    >>> from slacalc.sources import KUMA_STATUSES
    >>> KUMA_STATUSES[0], KUMA_STATUSES[2]
    (False, True)
"""


def read_uptime_kuma(
    source: SourceLike | Mapping[str, Any] | list[Any],
    *,
    errors: ErrorMode = "raise",
) -> MonitoringExport:
    """Read Uptime Kuma heartbeats as probe rows, one location per monitor.

    Args:
        source: the status page API's JSON (``{"heartbeatList": {...}}``) or a list of
            heartbeats: a path, an open file, or parsed JSON.
        errors: ``"raise"`` at the first bad heartbeat, or ``"collect"`` them.

    Returns:
        A :class:`MonitoringExport` of probes ``(time, success, monitor id)``; pass the
        monitor's check interval to :func:`slacalc.probe_outages`.

    Raises:
        InvalidOptionError: neither a heartbeat list nor a status page answer.
        ColumnTypeError: an unknown status (named with the monitor and position).
        InvalidDateError: a time that cannot be read.

    Examples:
        >>> page = {"heartbeatList": {"1": [
        ...     {"status": 1, "time": "2026-03-02 10:00:00.000", "msg": "", "ping": 41},
        ...     {"status": 0, "time": "2026-03-02 10:01:00.000", "msg": "timeout", "ping": None},
        ...     {"status": 1, "time": "2026-03-02 10:02:00.000", "msg": "", "ping": 38}]}}
        >>> export = read_uptime_kuma(page)
        >>> [(t.minute, ok, monitor) for t, ok, monitor in export.rows]
        [(0, True, '1'), (1, False, '1'), (2, True, '1')]
    """
    collector = Collector(errors)
    data = read_json(source)
    groups: list[tuple[str | None, list[Any]]]
    if isinstance(data, Mapping) and isinstance(data.get("heartbeatList"), Mapping):
        groups = [(str(k), list(v or [])) for k, v in data["heartbeatList"].items()]
    elif isinstance(data, list):
        groups = [(None, data)]
    else:
        raise InvalidOptionError(
            "The export is neither a list of heartbeats nor a status page answer with "
            "'heartbeatList'; pass the JSON of /api/status-page/heartbeat/<slug>."
        )
    rows = []
    for monitor, beats in groups:
        for j, beat in enumerate(beats):
            where = f"heartbeatList[{monitor!r}][{j}]" if monitor else f"[{j}]"
            row = collector.run(where, beat, functools.partial(_heartbeat, beat, where, monitor))
            if row is not None:
                rows.append(row)
    return collector.export("probes", "uptime-kuma", rows)


def _heartbeat(beat: object, where: str, monitor: str | None) -> tuple[Any, bool, str | None]:
    """One heartbeat as ``(time, success, monitor)``."""
    if not isinstance(beat, Mapping):
        raise ColumnTypeError(f"Heartbeat {where} is {beat!r}, not an object.", column=None)
    status = beat.get("status")
    if not isinstance(status, int) or isinstance(status, bool) or status not in KUMA_STATUSES:
        raise ColumnTypeError(
            f"Heartbeat {where} has status {status!r}; Uptime Kuma writes 0 (down), 1 (up), "
            "2 (pending) or 3 (maintenance).",
            column="status",
        )
    if monitor is None:
        found = beat.get("monitorID", beat.get("monitor_id"))
        monitor = None if found is None else str(found)
    time = instant(beat.get("time"), UTC, what=f"Time of heartbeat {where}")
    return time, KUMA_STATUSES[status], monitor
