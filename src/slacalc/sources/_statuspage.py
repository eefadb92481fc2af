"""Atlassian Statuspage incidents into outages per component.

The public API's ``/api/v2/incidents.json`` answers ``{"page": {...}, "incidents":
[...]}``; each incident has ``created_at``, ``started_at``, ``resolved_at``, ``impact``
and ``incident_updates``, and each update lists ``affected_components`` with their
``old_status`` and ``new_status`` (developer.statuspage.io; the status page's own
``/api/v2/incidents.json``). A component's statuses are ``operational``,
``degraded_performance``, ``partial_outage``, ``major_outage`` and
``under_maintenance``.

Walking an incident's updates in time order, a component is out from the update that
sets an outage status until the update that changes it, or until the incident is
resolved. The statuses become slacalc severities (:data:`STATUSPAGE_SEVERITIES`), so
they weigh as :data:`slacalc.DEFAULT_SEVERITY_WEIGHTS` says (major 1, partial 0.3,
degraded 0) unless ``weights=`` says otherwise when measuring. ``under_maintenance`` is
not an outage. An incident whose updates name no component falls back on its impact,
which Statuspage derives from the worst component status: ``critical`` is a major
outage, ``major`` a partial one, ``minor`` degraded performance, ``none`` nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from typing import Any

from slacalc._time import UTC
from slacalc.errors import InvalidOptionError, UnknownSeverityError
from slacalc.sources._monitoring import (
    STATUSPAGE_SEVERITIES,
    Collector,
    ErrorMode,
    MonitoringExport,
    SourceLike,
    instant,
    read_json,
)
from slacalc.uptime import Outage

__all__ = ["STATUSPAGE_IMPACTS", "STATUSPAGE_SEVERITIES", "read_statuspage"]

STATUSPAGE_IMPACTS: Mapping[str, str | None] = {
    "critical": "major",
    "major": "partial",
    "minor": "degraded",
    "none": None,
}
"""Statuspage incident impacts as slacalc severities, for incidents naming no component.

Examples:
    >>> from slacalc.sources import STATUSPAGE_IMPACTS
    >>> STATUSPAGE_IMPACTS["critical"]
    'major'
"""


def read_statuspage(
    source: SourceLike | Mapping[str, Any] | list[Any],
    *,
    errors: ErrorMode = "raise",
) -> MonitoringExport:
    """Read Statuspage incidents as outages, one per component and status spell.

    Args:
        source: the JSON of ``/api/v2/incidents.json`` (or its ``incidents`` list): a
            path, an open file, or parsed JSON.
        errors: ``"raise"`` at the first bad incident, or ``"collect"`` them.

    Returns:
        A :class:`MonitoringExport` of outages labelled with the component name; an
        unresolved incident gives outages without an end (measure them with ``as_of=``).

    Raises:
        UnknownSeverityError: a component status or impact Statuspage does not define
            (the incident and the value named).
        InvalidDateError, NaiveDatetimeError: a time that cannot be read.
        InvalidOptionError: the JSON holds no ``incidents``.

    Examples:
        >>> incident = {"id": "p3k", "name": "API errors", "impact": "major",
        ...     "created_at": "2026-03-02T10:00:00Z", "resolved_at": "2026-03-02T11:00:00Z",
        ...     "incident_updates": [
        ...         {"created_at": "2026-03-02T10:40:00Z", "affected_components": [
        ...             {"code": "c1", "name": "API", "old_status": "major_outage",
        ...              "new_status": "partial_outage"}]},
        ...         {"created_at": "2026-03-02T10:00:00Z", "affected_components": [
        ...             {"code": "c1", "name": "API", "old_status": "operational",
        ...              "new_status": "major_outage"}]}]}
        >>> [(o.start.minute, o.end.minute, o.severity, o.label)
        ...  for o in read_statuspage({"incidents": [incident]}).rows]
        [(0, 40, 'major', 'API'), (40, 0, 'partial', 'API')]
    """
    collector = Collector(errors)
    data = read_json(source)
    incidents = data.get("incidents") if isinstance(data, Mapping) else data
    if not isinstance(incidents, list):
        raise InvalidOptionError(
            "The export holds no 'incidents' list; pass the JSON of /api/v2/incidents.json."
        )
    outages: list[Outage] = []
    for i, incident in enumerate(incidents):
        ident = incident.get("id", i) if isinstance(incident, Mapping) else i
        where = f"incident {ident!r}"
        found = collector.run(where, ident, functools.partial(_incident, incident, where))
        if found:
            outages.extend(found)
    outages.sort(key=lambda o: (o.start, o.label or ""))
    return collector.export("outages", "statuspage", outages)


def _severity(table: Mapping[str, str | None], value: object, where: str, what: str) -> str | None:
    """A status or impact as a severity, or UnknownSeverityError."""
    if not isinstance(value, str) or value not in table:
        raise UnknownSeverityError(
            f"The {what} {value!r} of {where} is not one Statuspage defines; it writes "
            f"{', '.join(repr(k) for k in table)}."
        )
    return table[value]


def _incident(incident: object, where: str) -> list[Outage]:
    """The outages of one incident."""
    if not isinstance(incident, Mapping):
        raise InvalidOptionError(f"The {where} is {incident!r}, not an object.")

    def at(key: str) -> dt.datetime | None:
        value = incident.get(key)
        return None if value is None else instant(value, UTC, what=f"{key} of {where}")

    began = at("started_at") or at("created_at")
    resolved = at("resolved_at")
    updates = []
    for update in incident.get("incident_updates") or []:
        when = instant(update.get("created_at"), UTC, what=f"an update's created_at of {where}")
        updates.append((when, update.get("affected_components") or []))
    updates.sort(key=lambda u: u[0])
    open_: dict[str, tuple[dt.datetime, str, str]] = {}  # code -> (since, severity, name)
    out: list[Outage] = []
    named = False
    for when, components in updates:
        for component in components:
            named = True
            code = str(component.get("code") or component.get("name"))
            name = str(component.get("name") or code)
            severity = _severity(
                STATUSPAGE_SEVERITIES, component.get("new_status"), where, "component status"
            )
            current = open_.get(code)
            if current is not None and current[1] == severity:
                continue
            if current is not None:
                out.append(Outage(current[0], when, current[1], current[2]))
                del open_[code]
            if severity is not None:
                open_[code] = (when, severity, name)
    for since, severity, name in open_.values():
        out.append(Outage(since, max(resolved, since) if resolved else None, severity, name))
    if not named:
        severity = _severity(STATUSPAGE_IMPACTS, incident.get("impact"), where, "impact")
        if severity is not None and began is not None:
            names = [c.get("name") for c in incident.get("components") or [] if c.get("name")]
            label = ", ".join(names) if names else None
            out.append(Outage(began, resolved, severity, label))
    return out
