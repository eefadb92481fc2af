"""Frappe Helpdesk (``HD Ticket``) and ERPNext (``Issue``) with their ``Version`` change log.

Statuses come out in lower case with ``_`` between words (``Replied`` -> ``replied``,
``On Hold`` -> ``on_hold``), the names the ``frappe_helpdesk`` and ``erpnext`` presets
map.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from slacalc._present.progress import Progress
from slacalc.errors import SourceFormatError
from slacalc.sources._generic import (
    EventSink,
    OnBadRow,
    Source,
    each,
    json_pages,
    source_name,
)

__all__ = ["read_erpnext", "read_frappe_helpdesk"]


def _changes(versions: Source | None, doctype: str) -> dict[str, list[tuple[str, list[Any]]]]:
    """``Version`` records of ``doctype``: docname -> [(creation, [[field, old, new], ...])]."""
    out: dict[str, list[tuple[str, list[Any]]]] = {}
    if versions is None:
        return out
    name = source_name(versions)
    for n, version in enumerate(json_pages(versions, "data", "a Frappe Version list")):
        if version.get("ref_doctype") != doctype:
            continue
        data = version.get("data")
        try:
            parsed = json.loads(data) if isinstance(data, str) else data
        except json.JSONDecodeError:
            raise SourceFormatError(
                f"{name!r} record {n + 1}: the Version's 'data' is not JSON ({data!r})."
            ) from None
        changed = (parsed or {}).get("changed") or [] if isinstance(parsed, Mapping) else []
        out.setdefault(str(version.get("docname")), []).append(
            (str(version.get("creation")), [c for c in changed if isinstance(c, list)])
        )
    for entries in out.values():
        entries.sort(key=lambda e: e[0])
    return out


def _read(
    source: Source,
    versions: Source | None,
    doctype: str,
    *,
    tz: str | dt.tzinfo | None,
    severity_map: Mapping[str, str] | None,
    status_map: Mapping[str, str] | None,
    errors: OnBadRow,
    progress: Progress,
    as_frame: bool | None,
) -> Any:
    """The events of ``doctype`` records and their Versions."""
    records = json_pages(source, "data", f"a Frappe REST list of {doctype!r} records")
    changes = _changes(versions, doctype)
    sink = EventSink(source_name(source), errors, tz, severity_map, status_map, lower_severity=True)
    for n, record in enumerate(each(records, progress, "tickets")):
        with sink.row(record=n + 1):
            _ticket(sink, record, changes.get(str(record.get("name")), []))
    return sink.read(as_frame=as_frame)


def _ticket(
    sink: EventSink, record: Mapping[str, Any], changes: list[tuple[str, list[Any]]]
) -> None:
    """The events of one ticket: opened, its first response, its Versions' changes."""
    if "name" not in record:
        raise sink.fail(
            SourceFormatError(
                f"the record has no 'name' (it has {sorted(record)!r}); list it with "
                'fields=["*"] or name the fields below.'
            ),
            dict(record),
        )
    ticket = record["name"]
    opened = record.get("creation")
    if record.get("opening_date") and record.get("opening_time"):
        opened = f"{record['opening_date']} {record['opening_time']}"
    statuses = [c for _, cs in changes for c in cs if c and c[0] == "status"]
    priorities = [c for _, cs in changes for c in cs if c and c[0] == "priority"]
    started = statuses[0][1] if statuses else "Open"
    priority = priorities[0][1] if priorities else record.get("priority")
    sink.add(
        ticket,
        "opened",
        sink.instant(opened, "'opening_date' 'opening_time'"),
        severity=sink.severity(priority),
        status=sink.status(started),
    )
    if record.get("first_responded_on"):
        sink.add(
            ticket,
            "reply",
            sink.instant(record["first_responded_on"], "'first_responded_on'"),
            author="agent",
            public=True,
        )
    for when, changed in changes:
        at = sink.instant(when, "the Version's 'creation'")
        for field, _, new in (c for c in changed if len(c) == 3):
            if field == "status":
                sink.add(ticket, "status", at, status=sink.status(new))
            elif field == "priority":
                sink.add(ticket, "severity_changed", at, severity=sink.severity(new))
    if not statuses and record.get("resolution_date"):
        sink.add(
            ticket,
            "status",
            sink.instant(record["resolution_date"], "'resolution_date'"),
            status=sink.status("Resolved"),
        )


def read_frappe_helpdesk(
    source: Source,
    versions: Source | None = None,
    *,
    tz: str | dt.tzinfo | None = None,
    severity_map: Mapping[str, str] | None = None,
    status_map: Mapping[str, str] | None = None,
    errors: OnBadRow = "raise",
    progress: Progress = None,
    as_frame: bool | None = None,
) -> Any:
    """Events from Frappe Helpdesk ``HD Ticket`` records and their ``Version`` change log.

    Sources: the REST API's list response ``{"data": [...]}``
    (https://docs.frappe.io/framework/user/en/api/rest, ``GET /api/resource/HD Ticket``),
    the ``HD Ticket`` DocType's fields (github.com/frappe/helpdesk
    ``helpdesk/helpdesk/doctype/hd_ticket/hd_ticket.json``: ``opening_date``,
    ``opening_time``, ``priority``, ``status``, ``first_responded_on``,
    ``resolution_date``) and the ``Version`` DocType (github.com/frappe/frappe
    ``frappe/core/doctype/version/version.py``: ``ref_doctype``, ``docname``,
    ``creation`` and ``data``, a JSON text whose ``changed`` lists ``[field, old, new]``).

    A ticket is ``opened`` at ``opening_date`` + ``opening_time`` (else ``creation``)
    with the first priority its Versions show (else ``priority``) and the status it
    started in; ``first_responded_on`` is a public agent reply; each Version's change of
    ``status`` is a status event and of ``priority`` a severity change. Without status
    Versions, ``resolution_date`` is the change to ``Resolved``. Frappe writes times
    without a zone, in the site's system zone: pass it as ``tz``.

    Args:
        source: the tickets: a list response's path, a parsed response, or a list of them.
        versions: the ``Version`` records (``GET /api/resource/Version`` with
            ``fields=["ref_doctype","docname","creation","data"]``), or ``None``.
        tz: the site's system zone.
        severity_map: priorities -> the policy's severities (default: lower case).
        status_map: statuses -> the policy's (default: lower case, ``_`` between words).
        errors: ``"raise"`` (default) or ``"collect"`` (see :data:`OnBadRow`).
        progress: a callable ``(done, total)`` over the tickets, or ``True`` for tqdm's bar.
        as_frame: a DataFrame (default when pandas is installed) or a list of dicts.

    Returns:
        The events table, or a :class:`Read` pair with ``errors="collect"``.

    Raises:
        SourceFormatError: not a list response (no ``data``), or a Version's ``data`` is
            not JSON.

    Examples:
        >>> tickets = {"data": [{"name": "42", "opening_date": "2026-11-30",
        ...     "opening_time": "09:00:00", "priority": "High", "status": "Replied",
        ...     "first_responded_on": "2026-11-30 09:30:00"}]}
        >>> versions = {"data": [{"ref_doctype": "HD Ticket", "docname": "42",
        ...     "creation": "2026-11-30 09:30:00.5",
        ...     "data": '{"changed": [["status", "Open", "Replied"]]}'}]}
        >>> [(e["kind"], e.get("status"))
        ...  for e in read_frappe_helpdesk(tickets, versions, tz="Asia/Kolkata", as_frame=False)]
        [('opened', 'open'), ('reply', None), ('status', 'replied')]
    """
    return _read(
        source,
        versions,
        "HD Ticket",
        tz=tz,
        severity_map=severity_map,
        status_map=status_map,
        errors=errors,
        progress=progress,
        as_frame=as_frame,
    )


def read_erpnext(
    source: Source,
    versions: Source | None = None,
    *,
    tz: str | dt.tzinfo | None = None,
    severity_map: Mapping[str, str] | None = None,
    status_map: Mapping[str, str] | None = None,
    errors: OnBadRow = "raise",
    progress: Progress = None,
    as_frame: bool | None = None,
) -> Any:
    """Events from ERPNext ``Issue`` records and their ``Version`` change log.

    Sources: the REST API's list response (https://docs.frappe.io/framework/user/en/api/rest,
    ``GET /api/resource/Issue``), the ``Issue`` DocType (github.com/frappe/erpnext
    ``erpnext/support/doctype/issue/issue.json``: ``opening_date``, ``opening_time``,
    ``priority``, ``status`` Open / Replied / On Hold / Resolved / Closed,
    ``first_responded_on``, ``resolution_date``) and the ``Version`` DocType, read as
    :func:`read_frappe_helpdesk` reads them.

    Args:
        source: the issues: a list response's path, a parsed response, or a list of them.
        versions: the ``Version`` records of the issues, or ``None``.
        tz: the site's system zone.
        severity_map: priorities -> the policy's severities (default: lower case).
        status_map: statuses -> the policy's (default: lower case, ``_`` between words).
        errors: ``"raise"`` (default) or ``"collect"`` (see :data:`OnBadRow`).
        progress: a callable ``(done, total)`` over the issues, or ``True`` for tqdm's bar.
        as_frame: a DataFrame (default when pandas is installed) or a list of dicts.

    Returns:
        The events table, or a :class:`Read` pair with ``errors="collect"``.

    Raises:
        SourceFormatError: not a list response (no ``data``).

    Examples:
        >>> issues = {"data": [{"name": "ISS-2026-00007", "creation": "2026-11-30 09:00:00",
        ...     "priority": "Medium", "status": "On Hold"}]}
        >>> versions = {"data": [{"ref_doctype": "Issue", "docname": "ISS-2026-00007",
        ...     "creation": "2026-11-30 10:00:00",
        ...     "data": '{"changed": [["status", "Open", "On Hold"]]}'}]}
        >>> [e.get("status") for e in read_erpnext(issues, versions, tz="UTC", as_frame=False)]
        ['open', 'on_hold']
    """
    return _read(
        source,
        versions,
        "Issue",
        tz=tz,
        severity_map=severity_map,
        status_map=status_map,
        errors=errors,
        progress=progress,
        as_frame=as_frame,
    )
