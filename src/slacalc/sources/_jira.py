"""Jira Service Management: issues with their changelog (JSON) and the CSV issue export.

Statuses come out in lower case with ``_`` between words (``Waiting for customer`` ->
``waiting_for_customer``), the names the ``jira_service_management`` preset maps.
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

__all__ = ["read_jira", "read_jira_csv"]


def _name(value: object) -> object:
    """A Jira field's display name: ``{"name": "High"}`` -> ``'High'``; text as it is."""
    return value.get("name") if isinstance(value, Mapping) else value


def read_jira(
    source: Source,
    *,
    severity_map: Mapping[str, str] | None = None,
    status_map: Mapping[str, str] | None = None,
    errors: OnBadRow = "raise",
    progress: Progress = None,
    as_frame: bool | None = None,
) -> Any:
    """Events from Jira's issue search with ``expand=changelog`` (``{"issues": [...]}`` pages).

    Source: https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/
    (``GET /rest/api/3/search?expand=changelog``: ``issues[].fields``,
    ``issues[].changelog.histories[].items[]`` with ``field``, ``fromString`` and
    ``toString``) and the comment object's ``jsdPublic`` flag
    (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/).

    An issue (its ``key``) is ``opened`` at ``fields.created`` with ``fields.priority``
    and the status it started in (the first status change's ``fromString``, else
    ``fields.status``). Each history item of field ``status`` is a status event
    (``toString``), of field ``priority`` a severity change. Comments in
    ``fields.comment.comments`` are replies: by the customer when the author is the
    reporter, else by an agent; ``jsdPublic`` false is an internal comment. Times such as
    ``2024-01-15T10:00:00.000+0100`` keep their offset.

    Args:
        source: a search response's path, a parsed page, or a list of pages or paths.
        severity_map: Jira priorities -> the policy's severities (default: lower case,
            ``Highest`` -> ``highest``).
        status_map: Jira statuses -> the policy's status names (default: lower case, ``_``
            between words).
        errors: ``"raise"`` (default) or ``"collect"`` (see :data:`OnBadRow`).
        progress: a callable ``(done, total)`` over the issues, or ``True`` for tqdm's bar.
        as_frame: a DataFrame (default when pandas is installed) or a list of dicts.

    Returns:
        The events table, or a :class:`Read` pair with ``errors="collect"``.

    Raises:
        SourceFormatError: not a search response (no ``issues``), e.g. a Zendesk export.
        UnknownSeverityError: an issue without a priority, or one ``severity_map`` lacks.

    Examples:
        >>> page = {"issues": [{"key": "SD-1", "fields": {
        ...     "created": "2026-11-30T09:00:00.000+0100", "priority": {"name": "High"},
        ...     "status": {"name": "Resolved"}, "reporter": {"accountId": "c1"}},
        ...     "changelog": {"histories": [{"created": "2026-11-30T10:00:00.000+0100",
        ...         "items": [{"field": "status", "fromString": "Waiting for support",
        ...                    "toString": "Resolved"}]}]}}]}
        >>> [(e["kind"], e.get("status")) for e in read_jira(page, as_frame=False)]
        [('opened', 'waiting_for_support'), ('status', 'resolved')]
    """
    name = source_name(source)
    issues = json_records(source, "issues", "a Jira search response")
    sink = EventSink(name, errors, None, severity_map, status_map, lower_severity=True)
    for file, n, issue in each(issues, progress, "issues"):
        with sink.row(record=n, name=file):
            _issue(sink, issue)
    return sink.read(as_frame=as_frame)


def _issue(sink: EventSink, issue: Mapping[str, Any]) -> None:
    """The events of one issue."""
    fields = issue.get("fields")
    if not isinstance(fields, Mapping) or "created" not in fields:
        raise sink.fail(
            SourceFormatError(
                f"the issue has no 'fields' with 'created' (it has {sorted(issue)!r}); search "
                "with fields=created,priority,status,comment,reporter and expand=changelog."
            ),
            issue.get("key"),
        )
    key = issue.get("key") or issue.get("id")
    histories = [
        h for h in (issue.get("changelog") or {}).get("histories") or () if isinstance(h, Mapping)
    ]
    histories.sort(key=lambda h: str(h.get("created")))
    changes = [(h, i) for h in histories for i in h.get("items") or () if isinstance(i, Mapping)]
    first = next((i for _, i in changes if i.get("field") == "status"), None)
    started = first.get("fromString") if first is not None else _name(fields.get("status"))
    priority = next(
        (i.get("fromString") for _, i in changes if i.get("field") == "priority"),
        _name(fields.get("priority")),
    )
    sink.add(
        key,
        "opened",
        sink.instant(fields["created"], "'created'"),
        severity=sink.severity(priority),
        status=sink.status(started),
    )
    for history, item in changes:
        at = sink.instant(history.get("created"), "the history's 'created'")
        if item.get("field") == "status":
            sink.add(key, "status", at, status=sink.status(item.get("toString")))
        elif item.get("field") == "priority":
            sink.add(key, "severity_changed", at, severity=sink.severity(item.get("toString")))
    reporter = (fields.get("reporter") or {}).get("accountId")
    comments = (fields.get("comment") or {}).get("comments") or ()
    for comment in comments:
        author = (comment.get("author") or {}).get("accountId")
        sink.add(
            key,
            "reply",
            sink.instant(comment.get("created"), "the comment's 'created'"),
            author="customer" if reporter is not None and author == reporter else "agent",
            public=bool(comment.get("jsdPublic", True)),
        )


# The columns of Jira's CSV export (Filters > Export > CSV): the issue's key, priority and
# its created and resolved times in the user's date format (default "dd/MMM/yy h:mm a").
_CSV_COLUMNS = {
    "ticket_id": "Issue key",
    "priority": "Priority",
    "created": "Created",
    "resolved": "Resolved",
}


def read_jira_csv(
    source: Source,
    *,
    tz: str | dt.tzinfo | None = None,
    severity_map: Mapping[str, str] | None = None,
    errors: OnBadRow = "raise",
    progress: Progress = None,
    as_frame: bool | None = None,
) -> Any:
    """Events from Jira's CSV issue export (one row per issue).

    Source: https://support.atlassian.com/jira-software-cloud/docs/export-issues/ ("Export
    issues": CSV with all or current fields; column headers as the issue view names the
    fields).

    Reads ``Issue key``, ``Priority``, ``Created`` and ``Resolved``: ``opened`` and
    ``resolved``. The export writes times in the exporting user's zone and date format
    (default ``15/Jan/24 10:05 AM``; ISO 8601 is read too): pass the zone as ``tz``.
    The CSV has no status history; for clocks that pause, read the JSON with
    :func:`read_jira`.

    Args:
        source: the CSV file's path (comma or semicolon), a DataFrame or dicts.
        tz: the exporting user's zone.
        severity_map: Jira priorities -> the policy's severities (default: lower case).
        errors: ``"raise"`` (default) or ``"collect"`` (see :data:`OnBadRow`).
        progress: a callable ``(done, total)`` over the issues, or ``True`` for tqdm's bar.
        as_frame: a DataFrame (default when pandas is installed) or a list of dicts.

    Returns:
        The events table, or a :class:`Read` pair with ``errors="collect"``.

    Raises:
        SourceFormatError: missing, empty, or JSON rather than CSV.
        MissingColumnError: no ``Issue key``, ``Priority`` or ``Created`` column.

    Examples:
        >>> rows = [{"Issue key": "SD-7", "Priority": "High", "Created": "30/Nov/26 9:00 AM",
        ...          "Resolved": "30/Nov/26 2:30 PM"}]
        >>> events = read_jira_csv(rows, tz="Europe/Copenhagen", as_frame=False)
        >>> [(e["kind"], e["at"].isoformat()) for e in events]
        [('opened', '2026-11-30T09:00:00+01:00'), ('resolved', '2026-11-30T14:30:00+01:00')]
    """
    return read_export(
        source,
        _CSV_COLUMNS,
        "a Jira CSV export",
        tz=tz,
        severity_map=severity_map,
        lower_severity=True,
        errors=errors,
        progress=progress,
        as_frame=as_frame,
    )
