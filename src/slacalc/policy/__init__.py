"""SLA policies: the agreement as data, checked at the edge, converted into ticket clocks.

An :class:`SLAPolicy` holds support hours, severities (targets, calendar, warnings),
the clock rules (pause mode, severity change, reopen), channels, scope, roles and the
uptime promise (with its maintenance rules and how credits are claimed). It reads and
writes TOML and JSON (YAML when PyYAML is installed), exports a JSON Schema, and
answers deadlines, ticket evaluations and out-of-hours acknowledgements.

Examples:
    >>> import datetime as dt
    >>> from slacalc.policy import default_policy
    >>> policy = default_policy()
    >>> t = dt.datetime(2026, 11, 27, 23, 10, tzinfo=policy.calendar().tz)
    >>> policy.acknowledge("high", t).respond_by.isoformat()
    '2026-11-30T10:00:00+01:00'
"""

from slacalc._present.catalogue import LANGUAGES, Lang
from slacalc.policy._acknowledge import Acknowledgement
from slacalc.policy._default import DEFAULT_POLICY_DATA, default_policy
from slacalc.policy._fields import FrozenDict, parse_percent, parse_target
from slacalc.policy._models import (
    CalendarSpec,
    ChannelSpec,
    ClaimsSpec,
    CreditTierSpec,
    MaintenanceSpec,
    RoleSpec,
    ScopeSpec,
    SeverityPolicy,
    SLAPolicy,
    TicketPenaltySpec,
    UptimeSpec,
    WarningSpec,
)

__all__ = [
    "DEFAULT_POLICY_DATA",
    "LANGUAGES",
    "Acknowledgement",
    "CalendarSpec",
    "ChannelSpec",
    "ClaimsSpec",
    "CreditTierSpec",
    "FrozenDict",
    "Lang",
    "MaintenanceSpec",
    "RoleSpec",
    "SLAPolicy",
    "ScopeSpec",
    "SeverityPolicy",
    "TicketPenaltySpec",
    "UptimeSpec",
    "WarningSpec",
    "default_policy",
    "parse_percent",
    "parse_target",
]
