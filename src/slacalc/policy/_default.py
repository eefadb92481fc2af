"""The built-in website-care agreement (the README demo's policy).

Its data, and its agreement built from that data directly, load without pydantic: a
command on the built-in policy needs only the agreement. The validated policy
(:func:`default_policy`) loads the pydantic models when it is first asked for.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from slacalc._present.catalogue import Lang, check_lang
from slacalc.calendar import BusinessCalendar
from slacalc.credits import CreditSchedule
from slacalc.policy._agreement import (
    ALWAYS,
    SUPPORT,
    Agreement,
    Channel,
    ClaimTerms,
    ContractTerms,
    FrozenDict,
    MaintenanceTerms,
    Role,
    SeverityTerms,
    UptimeTerms,
    longest_day,
)
from slacalc.policy._parse import (
    check_targets,
    parse_duration,
    parse_holiday,
    parse_percent,
    parse_target,
)
from slacalc.policy._texts import LocalText
from slacalc.timers import BusinessDays, ClockRules, SeverityTargets, Target, WarningThreshold

if TYPE_CHECKING:
    from slacalc.policy._models import SLAPolicy

__all__ = ["DEFAULT_POLICY_DATA", "default_agreement", "default_policy"]

_WARN_EARLY: list[dict[str, str]] = [{"percent": "75%"}, {"before": "30m"}]

DEFAULT_POLICY_DATA: dict[str, Any] = {
    "name": "Website care agreement",
    "support": {"hours": "Mon-Fri 09:00-18:00", "tz": "Europe/Copenhagen", "holidays": ["DK"]},
    "business_day": "9h",
    "severities": [
        {
            "name": "critical",
            "description": "Critical: the site is down and the business cannot run.",
            "response": "15m",
            "resolution": "2h",
            "calendar": "24x7",
            "warnings": [{"percent": "50%"}, {"percent": "75%"}],
        },
        {
            "name": "high",
            "description": (
                "High: a main function such as payment or the contact form is broken, "
                "but the site is up."
            ),
            "response": "1h",
            "resolution": "8h",
            "warnings": _WARN_EARLY,
        },
        {
            "name": "medium",
            "description": "Medium: errors, or small functions broken.",
            "response": "4h",
            "warnings": _WARN_EARLY,
        },
        {
            "name": "low",
            "description": "Low: corrections, adjustments and general advice.",
            "response": "2 business days",
            "warnings": _WARN_EARLY,
        },
    ],
    "pause_mode": "exclude",
    "severity_change": "carry_elapsed",
    "reopen": "continue",
    "channels": [
        {
            "name": "Ticket system",
            "kind": "ticket",
            "hours": "24x7",
            "description": "Always open for new requests; the only channel for critical incidents.",
        },
        {"name": "E-mail", "kind": "email", "hours": "support"},
        {"name": "Phone", "kind": "phone", "hours": "support"},
    ],
    "scope": {
        "included": [
            "Backups",
            "CMS and plugin updates",
            "Security scans",
            "Uptime monitoring",
            "Small content edits",
        ],
        "excluded": ["Redesigns", "SEO", "Large new features"],
    },
    "roles": [
        {
            "party": "provider",
            "title": "Agency support team",
            "responsibilities": [
                "Answer and resolve requests within the targets",
                "Keep the site, CMS and plugins updated and backed up",
                "Report uptime and service credits each month",
            ],
        },
        {
            "party": "customer",
            "title": "Site owner",
            "responsibilities": [
                "Report incidents through the ticket system with a severity",
                "Answer questions needed to continue (the clock pauses while we wait)",
                "Approve changes that affect content or functionality",
            ],
        },
    ],
    "uptime": {
        "target": "99.9%",
        "period": "month",
        "credits": [
            {"below": "99.9%", "credit": "5%"},
            {"below": "99.5%", "credit": "10%"},
            {"below": "99%", "credit": "15%"},
        ],
        "maintenance": {
            "window": "Sun 02:00-06:00",
            "notice": "48h",
            "max_per_month": "4h",
            "mode": "count_as_up",
        },
        "claims": {
            "claim_within_days": 30,
            "how": (
                "By e-mail to support, naming the month; the credit is deducted from the "
                "next invoice."
            ),
            "automatic": False,
        },
    },
}
"""The data :func:`default_policy` builds from (copy it to start your own).

Examples:
    >>> from slacalc.policy import DEFAULT_POLICY_DATA, SLAPolicy, default_policy
    >>> SLAPolicy.model_validate(DEFAULT_POLICY_DATA) == default_policy()
    True
"""


_DANISH: dict[str, str] = {
    # English text of DEFAULT_POLICY_DATA -> the Danish a Danish agency writes.
    "Website care agreement": "Aftale om drift og vedligeholdelse af website",
    # Channel names are common nouns, written in lower case in Danish running text.
    "Ticket system": "supportsystemet",
    "Always open for new requests; the only channel for critical incidents.": (
        "Altid åbent for nye henvendelser; den eneste kanal til kritiske hændelser."
    ),
    "E-mail": "e-mail",
    "Phone": "telefon",
    "Backups": "Sikkerhedskopiering",
    "CMS and plugin updates": "Opdatering af CMS og plugins",
    "Security scans": "Sikkerhedsscanning",
    "Uptime monitoring": "Overvågning af oppetid",
    "Small content edits": "Mindre rettelser af indhold",
    "Redesigns": "Redesign",
    "SEO": "Søgemaskineoptimering (SEO)",
    "Large new features": "Større nye funktioner",
    "Agency support team": "Bureauets supportteam",
    "Answer and resolve requests within the targets": (
        "Besvare og løse henvendelser inden for de aftalte tider"
    ),
    "Keep the site, CMS and plugins updated and backed up": (
        "Holde sitet, CMS og plugins opdateret og sikkerhedskopieret"
    ),
    "Report uptime and service credits each month": (
        "Rapportere oppetid og kreditering hver måned"
    ),
    "Site owner": "Ejer af sitet",
    "Report incidents through the ticket system with a severity": (
        "Anmelde hændelser i supportsystemet med en prioritet"
    ),
    "Answer questions needed to continue (the clock pauses while we wait)": (
        "Besvare spørgsmål, der er nødvendige for at komme videre "
        "(uret står stille, mens vi venter)"
    ),
    "Approve changes that affect content or functionality": (
        "Godkende ændringer, der berører indhold eller funktionalitet"
    ),
    (
        "By e-mail to support, naming the month; the credit is deducted from the next invoice."
    ): "Pr. e-mail til supporten med angivelse af måneden; beløbet trækkes fra næste faktura.",
}
# The definitions, without the severity's name before them: the agreement's table shows
# the name in the column beside ("| Kritisk | Sitet er nede ... |").
_DEFINITIONS = {
    "critical": {
        "da": "Sitet er nede, og forretningen kan ikke køre.",
        "en": "The site is down and the business cannot run.",
    },
    "high": {
        "da": "En vigtig funktion som betaling eller kontaktformularen virker ikke, "
        "men sitet er oppe.",
        "en": "A main function such as payment or the contact form is broken, but the site is up.",
    },
    "medium": {
        "da": "Fejl og mindre funktioner, der ikke virker.",
        "en": "Errors and small functions that do not work.",
    },
    "low": {
        "da": "Rettelser, justeringer og generel rådgivning.",
        "en": "Corrections, adjustments and general advice.",
    },
}
_LABELS = {
    "critical": {"da": "Kritisk", "en": "Critical"},
    "high": {"da": "Høj", "en": "High"},
    "medium": {"da": "Middel", "en": "Medium"},
    "low": {"da": "Lav", "en": "Low"},
}


def _both(text: str) -> dict[str, str]:
    """The text as a table: its Danish first, then the English it translates."""
    return {"da": _DANISH[text], "en": text}


def _danish_data() -> dict[str, Any]:
    """The built-in agreement as a Danish agency writes it, English alongside."""
    data = copy.deepcopy(DEFAULT_POLICY_DATA)
    data["lang"] = "da"
    data["title"] = _both(data["name"])
    # Danish agencies close on Christmas Eve and New Year's Eve, which are not public holidays.
    data["support"]["recurring"] = {"12-24": "closed", "12-31": "closed"}
    for severity in data["severities"]:
        severity["label"] = _LABELS[severity["name"]]
        severity["description"] = _DEFINITIONS[severity["name"]]
    for channel in data["channels"]:
        channel["name"] = _both(channel["name"])
        if "description" in channel:
            channel["description"] = _both(channel["description"])
    scope = data["scope"]
    for key in ("included", "excluded"):
        scope[key] = [_both(item) for item in scope[key]]
    for role in data["roles"]:
        role["title"] = _both(role["title"])
        role["responsibilities"] = [_both(r) for r in role["responsibilities"]]
    claims = data["uptime"]["claims"]
    claims["how"] = _both(claims["how"])
    data.update(_DANISH_CLAUSES)
    return data


_DANISH_CLAUSES: dict[str, Any] = {
    # The clauses a Danish agency's contract has; parties and fee are the customer's own.
    "terms": {"term_months": 12, "renewal_months": 12, "notice_months": 3},
    "downtime": {
        "monitoring_interval": "1m",
        "locations": [
            {"da": "København", "en": "Copenhagen"},
            {"da": "Frankfurt", "en": "Frankfurt"},
        ],
        "exclusions": [
            {
                "da": "Force majeure: forhold uden for leverandørens kontrol",
                "en": "Force majeure: events beyond the provider's control",
            },
            {
                "da": "Fejl, som kunden eller kundens leverandører har forårsaget",
                "en": "Faults caused by the customer or the customer's suppliers",
            },
            {
                "da": "Nedbrud hos tredjeparter som hostingudbyder, DNS eller netværk",
                "en": "Outages at third parties such as the hosting provider, DNS or network",
            },
            {
                "da": "Planlagt vedligeholdelse efter reglerne i afsnit 8",
                "en": "Planned maintenance under the rules of section 8",
            },
        ],
    },
    "liability": {"sole_remedy": True, "cap_months": 12},
    "law": {
        "governing": {"da": "dansk ret", "en": "Danish law"},
        "venue": {"da": "leverandørens hjemting", "en": "the courts of the provider's home venue"},
    },
}


def default_policy(lang: Lang = "en") -> SLAPolicy:
    """The built-in website-care agreement, in English or as a Danish agency writes it.

    Support Mon-Fri 09:00-18:00 Europe/Copenhagen with Danish public holidays.
    critical (site down): respond 15 min, resolve 2 h, 24x7. high (payment or contact
    form broken, site up): 1 h / 8 h in support hours. medium (errors, small functions
    broken): respond 4 h, then the work queue. low (corrections, adjustments, advice):
    respond within 2 business days, a business day being a full support day of 9 h, so
    18 support hours. Uptime 99.9 % per calendar month; credits of 5 % below 99.9 %,
    10 % below 99.5 %, 15 % below 99 % of the monthly fee. Planned maintenance on
    Sundays 02:00-06:00 (Copenhagen time) with 48 h notice, at most 4 h a month,
    counting as up time. Credits are claimed within 30 days after the month by e-mail to
    support, and deducted from the next invoice.

    ``lang="da"`` gives the same agreement for Danish agencies: every text in Danish
    (with the English alongside, so it renders in both), severities shown as
    "Kritisk", "Høj", "Middel" and "Lav", support also closed on 24 and 31 December,
    and the clauses a Danish agency's contract has: a 12-month term renewed for 12 months
    at a time with 3 months' notice, how downtime is measured (every minute from
    Copenhagen and Frankfurt) and what is not downtime, credits as the sole remedy with
    liability capped at 12 months' fees, Danish law at the provider's home venue.
    Parties and fee are each customer's own: add ``parties`` and ``terms`` to a copy.

    Args:
        lang: ``"en"`` (English texts) or ``"da"`` (Danish, with English alongside).

    Returns:
        A new :class:`SLAPolicy` (equal every time).

    Raises:
        InvalidOptionError: an unknown ``lang``.

    Examples:
        >>> p = default_policy()
        >>> [(s.name, s.response, s.resolution) for s in p.severities]
        [('critical', '15m', '2h'), ('high', '1h', '8h'), ('medium', '4h', None),
         ('low', '2 business days', None)]
        >>> p.uptime.maintenance.window, p.uptime.maintenance.mode
        ('Sun 02:00-06:00', 'count_as_up')
        >>> p.uptime.claims.claim_within_days
        30
        >>> danish = default_policy("da")
        >>> danish.lang, danish.severities[0].label["da"], danish.support.recurring["12-24"]
        ('da', 'Kritisk', 'closed')
    """
    from slacalc.policy._models import SLAPolicy  # pydantic loads here, not with the data

    return SLAPolicy.from_dict(_data(lang))


def default_agreement(lang: Lang = "en") -> Agreement:
    """The built-in agreement as core values, equal to ``default_policy(lang).to_agreement()``.

    Built directly from :data:`DEFAULT_POLICY_DATA` (for ``lang="da"``, its Danish form),
    which ships valid, without the pydantic models: the calendars, clock rules, exact
    targets and terms are the values :meth:`SLAPolicy.to_agreement` makes of the same
    data, at a fraction of the cost of loading pydantic. The ``slacalc`` command answers
    from it when no policy file is given. Your own policy (or a changed copy of the data)
    goes through :class:`SLAPolicy`, which checks every value.

    Args:
        lang: ``"en"`` (English texts) or ``"da"`` (Danish, with English alongside).

    Returns:
        A new :class:`Agreement` (equal every time).

    Raises:
        InvalidOptionError: an unknown ``lang``.

    Examples:
        >>> import datetime as dt
        >>> agreement = default_agreement()
        >>> agreement == default_policy().to_agreement()
        True
        >>> opened = dt.datetime(2026, 11, 27, 17, 30, tzinfo=agreement.support.tz)
        >>> agreement.rules.deadlines("high", opened).response.isoformat()
        '2026-11-30T09:30:00+01:00'
        >>> default_agreement("da").severity("critical").label
        'Kritisk'
    """
    return _agreement_of(_data(lang))


def _data(lang: Lang) -> dict[str, Any]:
    """The built-in policy's data in ``lang``."""
    return _danish_data() if check_lang(lang) == "da" else DEFAULT_POLICY_DATA


def _agreement_of(data: Mapping[str, Any]) -> Agreement:
    """The agreement of the built-in policy's data, made as ``SLAPolicy`` makes it.

    It reads the keys the built-in data holds, and assumes their values are valid;
    ``tests/policy/test_default_policy.py`` checks the result against the validated way.
    """
    lang: Lang = data.get("lang", "en")
    spec = data["support"]
    support = BusinessCalendar(
        spec["hours"],
        tz=spec["tz"],
        holidays=list(spec.get("holidays", ())) or None,
        overrides={},
        recurring=dict(spec.get("recurring", {})),
        seasons={},
    )
    calendars = {SUPPORT: support, ALWAYS: BusinessCalendar.always(support.tz)}
    day_text = data.get("business_day")
    day = longest_day(support) if day_text is None else parse_duration(day_text)

    def local(text: str | Mapping[str, str]) -> LocalText:
        return LocalText(text, lang)

    def texts(items: Iterable[str | Mapping[str, str]]) -> tuple[LocalText, ...]:
        return tuple(local(item) for item in items)

    def target(text: str | None) -> Target | None:
        return None if text is None else parse_target(text)

    def counted(value: Target | None) -> Any:
        if isinstance(value, BusinessDays) and day is not None:
            return value.count * day
        return value

    severities = data["severities"]
    terms = tuple(
        SeverityTerms(
            s["name"],
            local(s.get("description", "")),
            s.get("calendar", SUPPORT),
            parse_target(s["response"]),
            target(s.get("resolution")),
            target(s.get("next_response")),
            target(s.get("periodic_update")),
            local(s.get("label", s["name"])),
        )
        for s in severities
    )
    check_targets(
        (f"severities[{i}].{field}", getattr(t, field), calendars[t.calendar])
        for i, t in enumerate(terms)
        for field in ("response", "resolution", "next_response", "periodic_update")
    )
    rules = ClockRules(
        tuple(
            SeverityTargets(
                t.name,
                calendars[t.calendar],
                counted(t.response),
                counted(t.resolution),
                counted(t.next_response),
                counted(t.periodic_update),
                tuple(
                    WarningThreshold(
                        w.get("percent"), w.get("before"), w.get("measured_in") or "business"
                    )
                    for w in s.get("warnings", ())
                ),
            )
            for t, s in zip(terms, severities, strict=True)
        ),
        pause_mode=data.get("pause_mode", "exclude"),
        severity_change=data.get("severity_change", "carry_elapsed"),
        reopen=data.get("reopen", "continue"),
    )
    scope = data.get("scope", {})
    return Agreement(
        name=data["name"],
        calendars=FrozenDict(calendars),
        holidays=tuple(parse_holiday(h) for h in spec.get("holidays", ())),
        business_day=day,
        full_support_day=day_text is None,
        severities=terms,
        rules=rules,
        channels=tuple(
            Channel(
                local(c["name"]),
                c["kind"],
                c.get("contact", ""),
                c.get("hours", SUPPORT),
                local(c.get("description", "")),
            )
            for c in data.get("channels", ())
        ),
        in_scope=texts(scope.get("included", ())),
        out_of_scope=texts(scope.get("excluded", ())),
        roles=tuple(
            Role(r["party"], local(r["title"]), texts(r.get("responsibilities", ())))
            for r in data.get("roles", ())
        ),
        uptime=_uptime_of(data["uptime"], support.tz, lang),
        title=local(data.get("title", data["name"])),
        lang=lang,
        contract=_contract_of(data, lang),
    )


def _uptime_of(spec: Mapping[str, Any], tz: dt.tzinfo, lang: Lang) -> UptimeTerms:
    """The built-in uptime terms: target, credits, maintenance window and claims."""
    window, claims = spec["maintenance"], spec["claims"]
    return UptimeTerms(
        target=parse_percent(spec["target"]),
        period=spec["period"],
        credits=CreditSchedule([(t["below"], t["credit"]) for t in spec["credits"]]),
        maintenance=MaintenanceTerms(
            BusinessCalendar(window["window"], tz=tz),
            parse_duration(window["notice"]),
            parse_duration(window["max_per_month"]),
            window["mode"],
        ),
        claims=ClaimTerms(
            claims["claim_within_days"], LocalText(claims["how"], lang), claims["automatic"], None
        ),
    )


def _contract_of(data: Mapping[str, Any], lang: Lang) -> ContractTerms | None:
    """The built-in contract clauses (the Danish form's), ``None`` in the English form."""
    if "terms" not in data:
        return None
    terms, downtime = data["terms"], data["downtime"]
    liability, law = data["liability"], data["law"]
    return ContractTerms(
        term_months=terms["term_months"],
        renewal_months=terms["renewal_months"],
        notice_months=terms["notice_months"],
        exclusions=tuple(LocalText(x, lang) for x in downtime["exclusions"]),
        monitoring_interval=parse_duration(downtime["monitoring_interval"]),
        locations=tuple(LocalText(x, lang) for x in downtime["locations"]),
        method=LocalText("", lang),
        sole_remedy=liability["sole_remedy"],
        cap_months=liability["cap_months"],
        governing_law=LocalText(law["governing"], lang),
        venue=LocalText(law["venue"], lang),
    )
