"""Zendesk Support: ticket metric events, ticket audits and the CSV ticket export.

Statuses come out as the Tickets API names them (``new``, ``open``, ``pending``,
``hold``, ``solved``, ``closed``), the names the ``zendesk`` preset maps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from slacalc._present.frames import plain
from slacalc._present.progress import Progress
from slacalc.errors import SourceFormatError, UnknownSeverityError
from slacalc.sources._generic import (
    EventSink,
    Located,
    OnBadRow,
    Source,
    each,
    json_data,
    json_records,
    read_export,
    source_name,
)

__all__ = ["read_zendesk_audits", "read_zendesk_csv", "read_zendesk_metric_events"]

_METRICS_DOC = "https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_metric_events/"
# The two accumulators whose state says the status: agent work time runs in New and Open,
# requester wait time in New, Open and On-hold (Ticket metric event types reference).
_AWT, _RWT = "agent_work_time", "requester_wait_time"
_STATUS_OF = {
    ("running", "running"): "open",
    ("paused", "running"): "hold",
    ("paused", "paused"): "pending",
    ("fulfilled", "fulfilled"): "solved",
}
_STATE = {"activate": "running", "pause": "paused", "fulfill": "fulfilled"}


def read_zendesk_metric_events(
    source: Source,
    *,
    priorities: Mapping[Any, str] | str,
    severity_map: Mapping[str, str] | None = None,
    status_map: Mapping[str, str] | None = None,
    errors: OnBadRow = "raise",
    progress: Progress = None,
    as_frame: bool | None = None,
) -> Any:
    """Events from Zendesk's Ticket Metric Events API (``incremental/ticket_metric_events``).

    Source: https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_metric_events/
    and the "Ticket metric event types reference"
    (https://developer.zendesk.com/documentation/ticketing/reference-guides/ticket-metric-event-types-reference).

    Each record has ``ticket_id``, ``metric``, ``instance_id``, ``type`` and ``time``.
    The ticket is ``opened`` at its first event (status ``new``); a ``reply_time``
    ``fulfill`` is a public agent reply, a ``reply_time`` ``activate`` with
    ``instance_id`` 2 or more a public end-user comment; the status follows the two
    accumulators the reference describes (agent work time runs in New and Open,
    requester wait time in New, Open and On-hold): both paused is ``pending``, agent
    work paused alone ``hold``, both fulfilled ``solved``, both running again ``open``.
    ``apply_sla``, ``breach``, ``update_status`` and ``measure`` records describe
    Zendesk's own figures and make no events.

    The events carry no priority, so ``priorities`` gives it: ticket id -> Zendesk
    priority (``urgent``, ``high``, ``normal``, ``low``; from the Tickets API or the CSV
    export), or one priority for every ticket.

    Args:
        source: a JSON page's path, a parsed page (``{"ticket_metric_events": [...]}``),
            or a list of pages or paths (each page as the API returns it).
        priorities: ticket id -> priority, or one priority for all.
        severity_map: Zendesk priorities -> the policy's severities (default: as they are).
        status_map: Zendesk statuses -> the policy's (default: as the API names them).
        errors: ``"raise"`` (default) or ``"collect"`` (see :data:`OnBadRow`).
        progress: a callable ``(done, total)`` over the records, or ``True`` for tqdm's bar.
        as_frame: a DataFrame (default when pandas is installed) or a list of dicts.

    Returns:
        The events table, or a :class:`Read` pair with ``errors="collect"``.

    Raises:
        SourceFormatError: not a metric events page (no ``ticket_metric_events``).
        UnknownSeverityError: a ticket without a priority.
        InvalidDateError: an unreadable ``time``.

    Examples:
        >>> page = {"ticket_metric_events": [
        ...     {"id": 1, "ticket_id": 987, "metric": "reply_time", "instance_id": 1,
        ...      "type": "activate", "time": "2015-08-27T08:00:00Z"},
        ...     {"id": 2, "ticket_id": 987, "metric": "reply_time", "instance_id": 1,
        ...      "type": "fulfill", "time": "2015-08-27T08:45:00Z"}]}
        >>> events = read_zendesk_metric_events(page, priorities="high", as_frame=False)
        >>> [(e["kind"], e.get("author")) for e in events]
        [('opened', None), ('reply', 'agent')]
    """
    name = source_name(source)
    records = json_records(source, "ticket_metric_events", "a Zendesk ticket metric events page")
    # The records of one ticket at one instant are one change (a status change pauses
    # both accumulators at once): read together, they make one status event.
    instants: dict[tuple[object, object], list[Located]] = {}
    for located in records:
        record = located[2]
        instants.setdefault((record.get("ticket_id"), record.get("time")), []).append(located)
    sink = EventSink(name, errors, None, severity_map, status_map, lower_severity=True)
    states: dict[object, dict[str, str]] = {}
    for group in each(list(instants.values()), progress, "instants"):
        with sink.row(record=group[0][1], name=group[0][0]):
            _metric_events(sink, [r for _, _, r in group], priorities, states)
    return sink.read(as_frame=as_frame)


def _metric_events(
    sink: EventSink,
    records: list[Mapping[str, Any]],
    priorities: Mapping[Any, str] | str,
    states: dict[object, dict[str, str]],
) -> None:
    """The events that one ticket's metric events at one instant amount to."""
    for record in records:
        for key in ("ticket_id", "metric", "type", "time"):
            if key not in record:
                raise sink.fail(
                    SourceFormatError(
                        f"the record has no {key!r} (it has {sorted(record)!r}); is this a page "
                        f"of ticket metric events ({_METRICS_DOC})?"
                    ),
                    dict(record),
                )
    ticket = records[0]["ticket_id"]
    at = sink.instant(records[0]["time"], "'time'")
    state = states.get(ticket)
    if state is None:
        priority = priorities if isinstance(priorities, str) else priorities.get(ticket)
        if priority is None:
            raise sink.fail(
                UnknownSeverityError(
                    f"ticket {ticket!r} has no priority in priorities=; add it, e.g. "
                    f"priorities={{{ticket!r}: 'normal'}} (from the Tickets API or CSV export)."
                ),
                ticket,
            )
        sink.add(ticket, "opened", at, severity=sink.severity(priority), status=sink.status("new"))
        states[ticket] = state = {_AWT: "running", _RWT: "running", "status": "new"}
    for record in records:
        metric, kind = record["metric"], record["type"]
        if metric == "reply_time" and kind == "fulfill":
            sink.add(ticket, "reply", at, author="agent", public=True)
        elif metric == "reply_time" and kind == "activate" and (record.get("instance_id") or 1) > 1:
            sink.add(ticket, "reply", at, author="customer", public=True)
        elif metric in (_AWT, _RWT) and kind in _STATE:
            state[metric] = _STATE[kind]
    status = _STATUS_OF.get((state[_AWT], state[_RWT]))
    if status is not None and status != state["status"]:
        if not (status == "open" and state["status"] == "new"):
            sink.add(ticket, "status", at, status=sink.status(status))
        state["status"] = status


def read_zendesk_audits(
    source: Source,
    *,
    severity_map: Mapping[str, str] | None = None,
    status_map: Mapping[str, str] | None = None,
    errors: OnBadRow = "raise",
    progress: Progress = None,
    as_frame: bool | None = None,
) -> Any:
    """Events from Zendesk ticket audits (``/api/v2/tickets/{id}/audits``, ``{"audits": [...]}``).

    Source: https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_audits/
    and "Ticket audit events" reference
    (https://developer.zendesk.com/documentation/ticketing/reference-guides/ticket-audit-events-reference).

    An audit (``ticket_id``, ``created_at``, ``author_id``, ``events``) whose events
    include ``Create`` opens the ticket with its ``priority`` and ``status`` fields; a
    ``Change`` of ``status`` is a status event, of ``priority`` a severity change; a
    ``Comment`` with ``public`` true is a reply by the customer when its ``author_id`` is
    the ticket's requester (the ``requester_id`` set at creation, or a user whose
    ``role`` is ``end-user`` in the page's sideloaded ``users``), else by an agent;
    private comments are internal notes.

    Args:
        source: an audits page's path, a parsed page, or a list of pages or paths.
        severity_map: Zendesk priorities -> the policy's severities (default: as they are).
        status_map: Zendesk statuses -> the policy's (default: as the API names them).
        errors: ``"raise"`` (default) or ``"collect"`` (see :data:`OnBadRow`).
        progress: a callable ``(done, total)`` over the audits, or ``True`` for tqdm's bar.
        as_frame: a DataFrame (default when pandas is installed) or a list of dicts.

    Returns:
        The events table, or a :class:`Read` pair with ``errors="collect"``.

    Raises:
        SourceFormatError: not an audits page (no ``audits``).
        UnknownSeverityError: a ticket created without a priority.

    Examples:
        >>> page = {"audits": [
        ...     {"ticket_id": 35436, "created_at": "2026-11-30T09:00:00Z", "author_id": 5,
        ...      "events": [{"type": "Create", "field_name": "priority", "value": "high"},
        ...                 {"type": "Create", "field_name": "status", "value": "new"},
        ...                 {"type": "Create", "field_name": "requester_id", "value": "5"}]},
        ...     {"ticket_id": 35436, "created_at": "2026-11-30T09:30:00Z", "author_id": 9,
        ...      "events": [{"type": "Comment", "public": True, "author_id": 9},
        ...                 {"type": "Change", "field_name": "status", "value": "pending",
        ...                  "previous_value": "new"}]}]}
        >>> [(e["kind"], e.get("status") or e.get("author"))
        ...  for e in read_zendesk_audits(page, as_frame=False)]
        [('opened', 'new'), ('reply', 'agent'), ('status', 'pending')]
    """
    pages = source if isinstance(source, (list, tuple)) else [source]
    users: dict[object, str] = {}
    records: list[Located] = []
    for page in pages:
        data = json_data(page)
        if isinstance(data, Mapping):
            for user in data.get("users") or ():
                if isinstance(user, Mapping):
                    users[user.get("id")] = str(user.get("role"))
        records.extend(
            json_records(
                data if isinstance(data, Mapping) else page,
                "audits",
                "a Zendesk ticket audits page",
                source_name(page),
            )
        )
    sink = EventSink(
        source_name(pages[0] if len(pages) == 1 else source),
        errors,
        None,
        severity_map,
        status_map,
        lower_severity=True,
    )
    requesters: dict[object, object] = {}
    for file, n, audit in each(records, progress, "audits"):
        with sink.row(record=n, name=file):
            _audit(sink, audit, requesters, users)
    return sink.read(as_frame=as_frame)


def _audit(
    sink: EventSink,
    audit: Mapping[str, Any],
    requesters: dict[object, object],
    users: Mapping[object, str],
) -> None:
    """The events of one audit."""
    if "ticket_id" not in audit or "created_at" not in audit:
        raise sink.fail(
            SourceFormatError(
                f"the audit has no 'ticket_id' or 'created_at' (it has {sorted(audit)!r}); "
                "pass the audits as the Ticket Audits API returns them "
                "(https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_audits/)."
            ),
            dict(audit),
        )
    ticket = audit["ticket_id"]
    at = sink.instant(audit["created_at"], "'created_at'")
    events = [e for e in audit.get("events") or () if isinstance(e, Mapping)]
    created = {e.get("field_name"): e.get("value") for e in events if e.get("type") == "Create"}
    if created:
        requesters[ticket] = str(created.get("requester_id", audit.get("author_id")))
        sink.add(
            ticket,
            "opened",
            at,
            severity=sink.severity(created.get("priority")),
            status=sink.status(created.get("status") or "new"),
        )
    for event in events:
        kind, name = event.get("type"), event.get("field_name")
        if kind == "Change" and name == "status":
            sink.add(ticket, "status", at, status=sink.status(event.get("value")))
        elif kind == "Change" and name == "priority":
            sink.add(ticket, "severity_changed", at, severity=sink.severity(event.get("value")))
        elif kind == "Comment" and not created:
            author = event.get("author_id", audit.get("author_id"))
            customer = str(author) == requesters.get(ticket) or users.get(author) == "end-user"
            sink.add(
                ticket,
                "reply",
                at,
                author="customer" if customer else "agent",
                public=bool(event.get("public", True)),
            )


# The columns of Zendesk's CSV ticket export that make events
# (support.zendesk.com/hc/en-us/articles/4408886165402 "Exporting ticket, user, or
# organization data from your account").
_CSV_COLUMNS = {
    "ticket_id": "Id",
    "priority": "Priority",
    "created": "Created at",
    "resolved": "Solved at",
    "first_reply_minutes": "First reply time in minutes",
}


def read_zendesk_csv(
    source: Source,
    *,
    tz: str | dt.tzinfo | None = None,
    severity_map: Mapping[str, str] | None = None,
    errors: OnBadRow = "raise",
    progress: Progress = None,
    as_frame: bool | None = None,
) -> Any:
    """Events from Zendesk's CSV ticket export (one row per ticket).

    Source: https://support.zendesk.com/hc/en-us/articles/4408886165402 ("Exporting
    ticket, user, or organization data from your account": the CSV export's columns).

    Reads ``Id``, ``Priority``, ``Created at``, ``Solved at`` and ``First reply time in
    minutes`` (calendar minutes from creation, so the first public agent reply is
    ``Created at`` plus that many minutes). The export writes times without a zone, in
    the account's zone: pass it as ``tz``.

    Args:
        source: the CSV file's path (comma or semicolon), a DataFrame or dicts.
        tz: the account's zone for the export's naive times.
        severity_map: Zendesk priorities -> the policy's severities (default: lower case).
        errors: ``"raise"`` (default) or ``"collect"`` (see :data:`OnBadRow`).
        progress: a callable ``(done, total)`` over the tickets, or ``True`` for tqdm's bar.
        as_frame: a DataFrame (default when pandas is installed) or a list of dicts.

    Returns:
        The events table, or a :class:`Read` pair with ``errors="collect"``.

    Raises:
        SourceFormatError: missing, empty, or JSON rather than CSV.
        MissingColumnError: no ``Id``, ``Priority`` or ``Created at`` column.

    Examples:
        >>> rows = [{"Id": "1", "Priority": "Urgent", "Created at": "2026-11-30 09:00:00",
        ...          "Solved at": "2026-11-30 15:00:00", "First reply time in minutes": "25"}]
        >>> events = read_zendesk_csv(rows, tz="Europe/Copenhagen", as_frame=False)
        >>> [(e["kind"], e["at"].strftime("%H:%M"), e.get("severity")) for e in events]
        [('opened', '09:00', 'urgent'), ('reply', '09:25', None), ('resolved', '15:00', None)]
    """
    return read_export(
        source,
        _CSV_COLUMNS,
        "a Zendesk CSV ticket export",
        reply_after=_reply_after,
        tz=tz,
        severity_map=severity_map,
        lower_severity=True,
        errors=errors,
        progress=progress,
        as_frame=as_frame,
    )


def _reply_after(
    sink: EventSink, row: Mapping[str, Any], keys: Mapping[str, str]
) -> dt.timedelta | None:
    """'First reply time in minutes' as a duration (``None`` when empty or absent)."""
    minutes = str(plain(row.get(keys.get("first_reply_minutes", ""))) or "").strip()
    if not minutes:
        return None
    try:
        return dt.timedelta(minutes=int(minutes))
    except ValueError:
        raise sink.fail(
            SourceFormatError(
                f"'First reply time in minutes' is {minutes!r}, not a whole number of minutes."
            ),
            minutes,
        ) from None
