"""Freshdesk: the CSV ticket export and the ticket activities export (JSON).

Freshdesk's four system statuses come out as slacalc's default status names (Open ->
``open``, Pending -> ``waiting``, Resolved -> ``resolved``, Closed -> ``closed``), so the
default policy reads them; custom statuses (``Waiting on Customer``) come out in lower
case with ``_`` between words, for the policy's ``[statuses]``, unless ``status_map``
says otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from slacalc._present.progress import Progress
from slacalc.errors import SourceFormatError
from slacalc.sources._generic import (
    EventSink,
    OnBadRow,
    Source,
    each,
    json_records,
    read_export,
    source_name,
)

__all__ = ["read_freshdesk_activities", "read_freshdesk_csv"]

_SYSTEM = {"open": "open", "pending": "waiting", "resolved": "resolved", "closed": "closed"}
# Ticket export columns (support.freshdesk.com/support/solutions/articles/37545
# "Exporting tickets"): the first response and resolution instants are their own columns.
_CSV_COLUMNS = {
    "ticket_id": "Ticket ID",
    "priority": "Priority",
    "created": "Created time",
    "first_reply": "Initial response time",
    "resolved": "Resolved time",
    "closed": "Closed time",
}


def read_freshdesk_csv(
    source: Source,
    *,
    tz: str | dt.tzinfo | None = None,
    severity_map: Mapping[str, str] | None = None,
    errors: OnBadRow = "raise",
    progress: Progress = None,
    as_frame: bool | None = None,
) -> Any:
    """Events from Freshdesk's ticket export (Tickets > Export, CSV; one row per ticket).

    Source: https://support.freshdesk.com/support/solutions/articles/37545 ("Exporting
    tickets": the export's fields).

    Reads ``Ticket ID``, ``Priority`` (Low, Medium, High, Urgent), ``Created time``,
    ``Initial response time`` (the first response), ``Resolved time`` and ``Closed
    time``. Times are written without a zone, in the helpdesk's zone: pass it as ``tz``.

    Args:
        source: the CSV file's path (comma or semicolon), a DataFrame or dicts.
        tz: the helpdesk's zone.
        severity_map: Freshdesk priorities -> the policy's severities (default: lower case).
        errors: ``"raise"`` (default) or ``"collect"`` (see :data:`OnBadRow`).
        progress: a callable ``(done, total)`` over the tickets, or ``True`` for tqdm's bar.
        as_frame: a DataFrame (default when pandas is installed) or a list of dicts.

    Returns:
        The events table, or a :class:`Read` pair with ``errors="collect"``.

    Raises:
        SourceFormatError: missing, empty, or JSON rather than CSV.
        MissingColumnError: no ``Ticket ID``, ``Priority`` or ``Created time`` column.

    Examples:
        >>> rows = [{"Ticket ID": "12", "Priority": "High", "Created time": "2026-11-30 09:00:00",
        ...          "Initial response time": "2026-11-30 09:50:00", "Resolved time": "",
        ...          "Closed time": ""}]
        >>> [(e["kind"], e["at"].strftime("%H:%M"))
        ...  for e in read_freshdesk_csv(rows, tz="Asia/Kolkata", as_frame=False)]
        [('opened', '09:00'), ('reply', '09:50')]
    """
    return read_export(
        source,
        _CSV_COLUMNS,
        "a Freshdesk ticket export",
        tz=tz,
        severity_map=severity_map,
        lower_severity=True,
        errors=errors,
        progress=progress,
        as_frame=as_frame,
    )


def read_freshdesk_activities(
    source: Source,
    *,
    severity_map: Mapping[str, str] | None = None,
    status_map: Mapping[str, str] | None = None,
    errors: OnBadRow = "raise",
    progress: Progress = None,
    as_frame: bool | None = None,
) -> Any:
    """Events from Freshdesk's ticket activities export (``{"activities_data": [...]}``).

    Source: https://support.freshdesk.com/support/solutions/articles/226969 ("Exporting
    ticket activities": one JSON file a day, each activity with ``ticket_id``,
    ``performer_type``, ``performer_id``, ``performed_at`` and an ``activity`` object).

    An activity with ``new_ticket`` opens the ticket with its ``priority`` and
    ``status``; a later ``status`` or ``priority`` is a status event or severity change;
    a ``note`` is a reply, public unless its ``type`` is 2 (a private note), by the
    customer when ``performer_type`` is ``user``, else by an agent.

    Args:
        source: an export file's path, a parsed file, or a list of files or paths.
        severity_map: Freshdesk priorities -> the policy's severities (default: lower case).
        status_map: Freshdesk statuses -> the policy's (default: see the module).
        errors: ``"raise"`` (default) or ``"collect"`` (see :data:`OnBadRow`).
        progress: a callable ``(done, total)`` over the activities, or ``True`` for tqdm's bar.
        as_frame: a DataFrame (default when pandas is installed) or a list of dicts.

    Returns:
        The events table, or a :class:`Read` pair with ``errors="collect"``.

    Raises:
        SourceFormatError: not an activities export (no ``activities_data``).

    Examples:
        >>> data = {"activities_data": [
        ...     {"ticket_id": 3, "performer_type": "user", "performed_at": "2026-11-30T09:00:00Z",
        ...      "activity": {"new_ticket": True, "status": "Open", "priority": "Medium"}},
        ...     {"ticket_id": 3, "performer_type": "agent", "performed_at": "2026-11-30T09:30:00Z",
        ...      "activity": {"note": {"id": 1, "type": 0}, "status": "Pending"}}]}
        >>> [(e["kind"], e.get("status") or e.get("author"))
        ...  for e in read_freshdesk_activities(data, as_frame=False)]
        [('opened', 'open'), ('reply', 'agent'), ('status', 'waiting')]
    """
    name = source_name(source)
    records = json_records(source, "activities_data", "a Freshdesk ticket activities export")
    sink = EventSink(name, errors, None, severity_map, status_map, lower_severity=True)
    for file, n, record in each(records, progress, "activities"):
        with sink.row(record=n, name=file):
            _activity(sink, record, status_map is None)
    return sink.read(as_frame=as_frame)


def _activity(sink: EventSink, record: Mapping[str, Any], system: bool) -> None:
    """The events of one activity."""
    activity = record.get("activity")
    if not isinstance(activity, Mapping) or "ticket_id" not in record:
        raise sink.fail(
            SourceFormatError(
                f"the activity has no 'ticket_id' or 'activity' (it has {sorted(record)!r}); "
                "pass the activities export as Freshdesk writes it "
                "(https://support.freshdesk.com/support/solutions/articles/226969)."
            ),
            dict(record),
        )
    ticket = record["ticket_id"]
    at = sink.instant(record.get("performed_at"), "'performed_at'")

    def status(value: object) -> str:
        name = sink.status(value)
        return _SYSTEM.get(name, name) if system else name

    if activity.get("new_ticket"):
        sink.add(
            ticket,
            "opened",
            at,
            severity=sink.severity(activity.get("priority")),
            status=status(activity.get("status") or "Open"),
        )
        return
    note = activity.get("note")
    if isinstance(note, Mapping):
        sink.add(
            ticket,
            "reply",
            at,
            author="customer" if record.get("performer_type") == "user" else "agent",
            public=note.get("type") != 2,
        )
    if activity.get("priority"):
        sink.add(ticket, "severity_changed", at, severity=sink.severity(activity["priority"]))
    if activity.get("status"):
        sink.add(ticket, "status", at, status=status(activity["status"]))
