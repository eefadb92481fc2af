"""Readers that turn the exports of helpdesks and monitoring tools into slacalc's input.

A helpdesk reader returns the events frame that :func:`slacalc.reports.analyze_tickets`
takes; a monitoring reader returns the outages, probe results or request counts that
the uptime reports take. Each reader is a small mapping over a generic one, with the
vendor's field and status names as the vendor documents them.
"""

from __future__ import annotations

from slacalc.sources._frappe import read_erpnext, read_frappe_helpdesk
from slacalc.sources._freshdesk import read_freshdesk_activities, read_freshdesk_csv
from slacalc.sources._generic import (
    EVENT_COLUMNS,
    LONG_COLUMNS,
    REJECTED_COLUMNS,
    WIDE_COLUMNS,
    OnBadRow,
    Read,
    read_long,
    read_wide,
    records_of,
    status_name,
)
from slacalc.sources._jira import read_jira, read_jira_csv
from slacalc.sources._kuma import KUMA_STATUSES, read_uptime_kuma
from slacalc.sources._monitoring import (
    ErrorMode,
    ExportKind,
    MonitoringExport,
    RejectedRow,
    SourceLike,
    read_monitoring_csv,
)
from slacalc.sources._prometheus import read_prometheus
from slacalc.sources._statuspage import STATUSPAGE_IMPACTS, STATUSPAGE_SEVERITIES, read_statuspage
from slacalc.sources._uptimerobot import read_pingdom_csv, read_uptimerobot_csv
from slacalc.sources._zendesk import (
    read_zendesk_audits,
    read_zendesk_csv,
    read_zendesk_metric_events,
)

__all__: list[str] = []

# Helpdesk readers
__all__ += [
    "EVENT_COLUMNS",
    "LONG_COLUMNS",
    "REJECTED_COLUMNS",
    "WIDE_COLUMNS",
    "OnBadRow",
    "Read",
    "read_erpnext",
    "read_frappe_helpdesk",
    "read_freshdesk_activities",
    "read_freshdesk_csv",
    "read_jira",
    "read_jira_csv",
    "read_long",
    "read_wide",
    "read_zendesk_audits",
    "read_zendesk_csv",
    "read_zendesk_metric_events",
    "records_of",
    "status_name",
]

# Monitoring readers
__all__ += [
    "KUMA_STATUSES",
    "STATUSPAGE_IMPACTS",
    "STATUSPAGE_SEVERITIES",
    "ErrorMode",
    "ExportKind",
    "MonitoringExport",
    "RejectedRow",
    "SourceLike",
    "read_monitoring_csv",
    "read_pingdom_csv",
    "read_prometheus",
    "read_statuspage",
    "read_uptime_kuma",
    "read_uptimerobot_csv",
]
