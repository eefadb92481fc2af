"""SLA policies: the agreement as data, checked at the edge, converted once into core values.

An :class:`SLAPolicy` holds support hours, severities (targets, calendar, warnings),
the clock rules (pause mode, severity change, reopen), channels, scope, roles and the
uptime promise (with its maintenance rules and how credits are claimed). It reads and
writes TOML and JSON (YAML when PyYAML is installed) and exports a JSON Schema. When it
is read it becomes an :class:`Agreement`: frozen values without pydantic (built
calendars, clock rules, exact targets) that answer deadlines, ticket evaluations and
out-of-hours acknowledgements, and that reports and the agreement document work from.

The agreement's values load with this package; the pydantic models load on first use,
so code that only passes an ``Agreement`` or ``ClockRules`` around never imports pydantic.

Examples:
    >>> import datetime as dt
    >>> from slacalc.policy import default_policy
    >>> policy = default_policy()
    >>> t = dt.datetime(2026, 11, 27, 23, 10, tzinfo=policy.calendar().tz)
    >>> policy.acknowledge("high", t).respond_by.isoformat()
    '2026-11-30T10:00:00+01:00'
"""

from typing import TYPE_CHECKING, Any

from slacalc._present.catalogue import LANGUAGES, Lang
from slacalc.policy._agreement import (
    ALWAYS,
    SUPPORT,
    Acknowledgement,
    Agreement,
    Channel,
    ClaimTerms,
    ContractTerms,
    FrozenDict,
    MaintenanceTerms,
    Party,
    PolicyLike,
    Role,
    SeverityTerms,
    TicketPenaltyTerms,
    UptimeTerms,
)

if TYPE_CHECKING:
    from slacalc.policy._book import BookEntry, PolicyBook, PolicyHistory, PolicyVersion, Replay
    from slacalc.policy._default import DEFAULT_POLICY_DATA, default_agreement, default_policy
    from slacalc.policy._models import (
        CalendarSpec,
        ChannelSpec,
        ClaimsSpec,
        CreditTierSpec,
        DowntimeSpec,
        EscalationSpec,
        HourlyCreditSpec,
        LawSpec,
        LiabilitySpec,
        MaintenanceSpec,
        MetricSpec,
        PartiesSpec,
        PartySpec,
        RoleSpec,
        ScopeSpec,
        SeverityPolicy,
        SLAPolicy,
        TerminationSpec,
        TermsSpec,
        TicketPenaltySpec,
        UptimeSpec,
        WarningSpec,
    )
    from slacalc.policy._parse import parse_percent, parse_target
    from slacalc.policy._presets import PRESETS, preset

__all__ = [
    "ALWAYS",
    "DEFAULT_POLICY_DATA",
    "LANGUAGES",
    "PRESETS",
    "SUPPORT",
    "Acknowledgement",
    "Agreement",
    "BookEntry",
    "CalendarSpec",
    "Channel",
    "ChannelSpec",
    "ClaimTerms",
    "ClaimsSpec",
    "ContractTerms",
    "CreditTierSpec",
    "DowntimeSpec",
    "EscalationSpec",
    "FrozenDict",
    "HourlyCreditSpec",
    "Lang",
    "LawSpec",
    "LiabilitySpec",
    "MaintenanceSpec",
    "MaintenanceTerms",
    "MetricSpec",
    "PartiesSpec",
    "Party",
    "PartySpec",
    "PolicyBook",
    "PolicyHistory",
    "PolicyLike",
    "PolicyVersion",
    "Replay",
    "Role",
    "RoleSpec",
    "SLAPolicy",
    "ScopeSpec",
    "SeverityPolicy",
    "SeverityTerms",
    "TerminationSpec",
    "TermsSpec",
    "TicketPenaltySpec",
    "TicketPenaltyTerms",
    "UptimeSpec",
    "UptimeTerms",
    "WarningSpec",
    "default_agreement",
    "default_policy",
    "parse_percent",
    "parse_target",
    "preset",
]

_DEFAULT = ("DEFAULT_POLICY_DATA", "default_agreement", "default_policy")
_PARSE = ("parse_percent", "parse_target")
_PRESETS = ("PRESETS", "preset")
_BOOK = ("BookEntry", "PolicyBook", "PolicyHistory", "PolicyVersion", "Replay")


def __getattr__(name: str) -> Any:
    """Load the pydantic side (the file schema, its fields, the default policy) on first use."""
    if name not in __all__ or name in globals():
        raise AttributeError(f"module 'slacalc.policy' has no attribute {name!r}")
    import importlib

    module = (
        "_default"
        if name in _DEFAULT
        else "_parse"
        if name in _PARSE
        else "_presets"
        if name in _PRESETS
        else "_book"
        if name in _BOOK
        else "_models"
    )
    value = getattr(importlib.import_module(f"slacalc.policy.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, loaded or not."""
    return sorted(set(globals()) | set(__all__))
