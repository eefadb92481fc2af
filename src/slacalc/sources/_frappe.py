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
from slacalc.errors import SlacalcError, SourceFormatError
from slacalc.sources._generic import (
    EventSink,
    OnBadRow,
    Source,
    each,
    json_records,
    source_name,
)

__all__ = ["read_erpnext", "read_frappe_helpdesk"]


#: A ticket's changes from one Version: when, [[field, old, new], ...], and where it is.
_Changes = list[tuple[dt.datetime, list[Any], str]]


def _changes(sink: EventSink, versions: Source | None, doctype: str) -> dict[str, _Changes]:
    """``Version`` records of ``doctype``: docname -> its changes, in time order.

    A Version that cannot be read is an error naming the Versions file and its record
    (or, with ``errors="collect"``, a rejected row).
    """
    out: dict[str, _Changes] = {}
    if versions is None:
        return out
    for name, n, version in json_records(versions, "data", "a Frappe Version list"):
        if version.get("ref_doctype") != doctype:
            continue
        with sink.row(record=n, name=name):
            if not version.get("docname") or not version.get("creation"):
                raise sink.fail(
                    SourceFormatError(
                        f"the Version has no 'docname' or 'creation' (it has "
                        f"{sorted(version)!r}); list the Versions with "
                        'fields=["ref_doctype", "docname", "creation", "data"].'
                    ),
                    dict(version),
                )
            data = version.get("data")
            try:
                parsed = json.loads(data) if isinstance(data, str) else data
            except json.JSONDecodeError:
                raise sink.fail(
                    SourceFormatError(f"the Version's 'data' is not JSON ({data!r})."), data
                ) from None
            changed = (parsed or {}).get("changed") or [] if isinstance(parsed, Mapping) else []
            at = sink.instant(version["creation"], "the Version's 'creation'")
            out.setdefault(str(version["docname"]), []).append(
                (at, [c for c in changed if isinstance(c, list)], f"{name!r} record {n}")
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
    records = json_records(source, "data", f"a Frappe REST list of {doctype!r} records")
    sink = EventSink(source_name(source), errors, tz, severity_map, status_map, lower_severity=True)
    changes = _changes(sink, versions, doctype)
    for file, n, record in each(records, progress, "tickets"):
        with sink.row(record=n, name=file):
            _ticket(sink, record, changes.get(str(record.get("name")), []))
    return sink.read(as_frame=as_frame)


def _ticket(sink: EventSink, record: Mapping[str, Any], changes: _Changes) -> None:
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
    statuses = [c for _, cs, _ in changes for c in cs if c and c[0] == "status"]
    priorities = [c for _, cs, _ in changes for c in cs if c and c[0] == "priority"]
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
    for at, changed, where in changes:
        try:
            for field, _, new in (c for c in changed if len(c) == 3):
                if field == "status":
                    sink.add(ticket, "status", at, status=sink.status(new))
                elif field == "priority":
                    sink.add(ticket, "severity_changed", at, severity=sink.severity(new))
        except SlacalcError as exc:  # name the Version the value is in, too
            raise type(exc)(f"its Version at {where}: {exc}") from None
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
