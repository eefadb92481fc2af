"""The agreement's wording in English and Danish, and how numbers, times and days are written.

Every sentence the generator writes is here, once per language, as a ``str.format``
template; the builder fills in the policy's values. Weekday and month names are
written out, so the text never depends on the process locale.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Literal, TypeAlias

__all__ = [
    "LANGUAGES",
    "TEXT",
    "Lang",
    "date_words",
    "decimal_words",
    "duration_words",
    "hours_words",
    "join_words",
    "percent_words",
    "short_duration",
    "zone_words",
]

Lang: TypeAlias = Literal["en", "da"]
"""The languages the agreement is written in.

Examples:
    >>> from slacalc import default_policy, render_agreement
    >>> render_agreement(default_policy(), lang="da").splitlines()[2]
    '*Serviceniveauaftale (SLA)*'
"""
LANGUAGES: tuple[Lang, ...] = ("en", "da")
"""The languages the agreement is written in.

Examples:
    >>> from slacalc.document import LANGUAGES
    >>> LANGUAGES
    ('en', 'da')
"""

_DAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "da": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
}
_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = {
    "en": (
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ),
    "da": (
        "januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
        "september", "oktober", "november", "december",
    ),
}  # fmt: skip
_AND = {"en": " and ", "da": " og "}
_DECIMAL_POINT = {"en": ".", "da": ","}
_UNITS = {
    "en": {"d": "d", "h": "h", "m": "min", "s": "s"},
    "da": {"d": "d", "h": "t", "m": "min", "s": "s"},
}
_TIME_WORDS = {
    "en": (("hour", "hours"), ("minute", "minutes"), ("second", "seconds")),
    "da": (("time", "timer"), ("minut", "minutter"), ("sekund", "sekunder")),
}
_TOKEN = re.compile(r"(\d+(?:\.\d+)?)([dhms])")

#: Holiday country codes with a name for the agreement: "closed on Danish public holidays".
HOLIDAY_REGIONS = {
    "DK": ("Danish public holidays", "danske helligdage"),
    "SE": ("Swedish public holidays", "svenske helligdage"),
    "NO": ("Norwegian public holidays", "norske helligdage"),
    "FI": ("Finnish public holidays", "finske helligdage"),
    "DE": ("German public holidays", "tyske helligdage"),
    "NL": ("Dutch public holidays", "hollandske helligdage"),
    "FR": ("French public holidays", "franske helligdage"),
    "GB": ("UK public holidays", "britiske helligdage"),
    "UK": ("UK public holidays", "britiske helligdage"),
    "US": ("US federal holidays", "amerikanske helligdage"),
}

TEXT: dict[Lang, dict[str, str]] = {
    "en": {
        "subtitle": "Service level agreement",
        "intro": (
            "This agreement sets out the support the provider gives the customer: what it "
            "covers, when support is open, how fast requests are answered and resolved, the "
            "uptime guarantee and the credits when it is not met, and what each party does."
        ),
        # 1. Scope
        "scope": "1. Scope",
        "scope.in": "The agreement covers:",
        "scope.out": "The agreement does not cover:",
        "scope.none": "The agreement lists no services.",
        # 2. Support hours and channels
        "hours": "2. Support hours and channels",
        "hours.open": "Support is open {hours} ({zone}).",
        "hours.always": "Support is open around the clock, every day of the year ({zone}).",
        "hours.closed": "Support is closed on {days}.",
        "hours.special": "Special days:",
        "hours.closed_day": "closed",
        "hours.calendars": "Other hours used in this agreement:",
        "hours.channels": "You can reach support through:",
        "hours.no_channels": "The agreement names no contact channels.",
        "col.channel": "Channel",
        "col.contact": "Contact",
        "col.open": "Open",
        "col.note": "Note",
        "open.always": "around the clock",
        "open.support": "in support hours",
        # 3. Severity levels
        "severity": "3. Severity levels and targets",
        "severity.intro": (
            "Every request is given one of these severity levels. The response target is the "
            "longest time until the provider's first response; the resolution target is the "
            "longest time until the problem is resolved. Targets count business time (section 4)."
        ),
        "col.severity": "Severity",
        "col.definition": "Definition",
        "col.response": "First response",
        "col.resolution": "Resolution",
        "col.next_response": "Reply to later messages",
        "col.periodic_update": "Updates at least every",
        "col.clock": "Clock",
        "clock.always": "around the clock",
        "clock.support": "support hours",
        "clock.named": "{name} hours",
        "no_target": "no fixed target",
        "rules": "How the clocks run:",
        "rule.exclude": (
            "While the provider waits for an answer from the customer, the clock is paused: "
            "that time does not count."
        ),
        "rule.ignore_deadline": "Waiting for an answer from the customer does not pause the clock.",
        "rule.carry_elapsed": (
            "If a request's severity changes, the time already used counts toward the new "
            "severity's targets."
        ),
        "rule.recompute": (
            "If a request's severity changes, its targets count from when it was received, as "
            "if it had had the new severity from the start."
        ),
        "rule.restart": (
            "If a request's severity changes, the new severity's targets count from the change."
        ),
        "rule.continue": (
            "If a resolved request is reopened, its resolution clock continues where it stopped."
        ),
        "rule.new_cycle": (
            "If a resolved request is reopened, it gets a new resolution target, counted from "
            "the reopening."
        ),
        # 4. Business time
        "business": "4. Business time and business days",
        "business.time": (
            "Targets in hours and minutes are business time: the time the severity's clock "
            "runs (the Clock column in section 3). For severities on support hours, the clock "
            "stops when support closes and runs again when it opens."
        ),
        "business.length": (
            "A business day is {length} of business time, so {example} is {total} of business time."
        ),
        "business.full_day": (
            "A business day is a full support day of {length} of business time, so {example} "
            "is {total} of business time."
        ),
        "business.same_time": (
            "A target of {example} ends at the same time of day {example} later; a "
            "business day is a day on which support is open. If support is closed at that "
            "time, the target ends when support next opens."
        ),
        # 5. Outside support hours
        "outside": "5. Outside support hours",
        "outside.closed": (
            "Outside support hours{holidays}, requests are received but not worked on; the "
            "targets of severities on support hours count from when support opens."
        ),
        "outside.holidays": " and on the days support is closed",
        "outside.channel_one": "{names} is open around the clock for new requests.",
        "outside.channel_many": "{names} are open around the clock for new requests.",
        "outside.always": (
            "{names} requests are handled around the clock, every day of the year: their "
            "targets count at night, at weekends and on holidays too."
        ),
        "outside.named": "{names} requests are handled {hours} ({zone}).",
        "outside.none": "No severity is handled outside support hours.",
        "outside.open_always": "Support is open around the clock: there are no hours outside it.",
        # 6. Reporting an incident
        "report": "6. How to report an incident",
        "report.contact": "Contact support through {names} (section 2).",
        "report.contact_always": (
            "Contact support through {names} (section 2); {always} is open around the clock."
        ),
        "report.contact_any": "Contact the provider's support.",
        "report.severity": "Choose the severity level whose definition fits (section 3).",
        "report.describe": (
            "Describe what is affected, what happened and since when, and how the provider can "
            "reach you."
        ),
        "report.clock_always": "The response target counts from when the request is received.",
        "report.clock": (
            "The response target counts from when the request is received; outside support "
            "hours, from when support opens, except for severities handled around the clock."
        ),
        # 7. Uptime
        "uptime": "7. Uptime guarantee",
        "uptime.none": "This agreement gives no uptime guarantee.",
        "uptime.promise": (
            "The provider guarantees an availability of at least {target} in each {period}."
        ),
        "uptime.allows": (
            "{target} {per_unit} means at most {allowed} of downtime {per_unit}{year}."
        ),
        "uptime.year": ", {allowed} a year",
        "col.period": "Period",
        "col.allowed": "Allowed downtime",
        "col.exact": "Exactly (seconds)",
        "period.day": "Day",
        "period.week": "Week",
        "period.month": "Month",
        "period.quarter": "Quarter",
        "period.year": "Year",
        "uptime.average": (
            "Months, quarters and years in this table are averages: a year is 365.2425 days, a "
            "month a twelfth of it. Availability is measured over each actual {period}, which "
            "allows {low} in a {unit} of {low_days} days and {high} in one of {high_days} days."
        ),
        "uptime.average_year": (
            "Months, quarters and years in this table are averages: a year is 365.2425 days. "
            "Availability is measured over each actual calendar year, which allows {low} in a "
            "year of 365 days and {high} in one of 366 days."
        ),
        "uptime.measure": (
            "Availability is the share of the {the_unit} in which the service was up: (time in "
            "the {the_unit} − downtime) / time in the {the_unit}, computed exactly. Overlapping "
            "incidents count once."
        ),
        "unit.month": "month",
        "unit.quarter": "quarter",
        "unit.year": "year",
        "the.month": "month",
        "the.quarter": "quarter",
        "the.year": "year",
        "per.month": "a month",
        "per.quarter": "a quarter",
        "per.year": "a year",
        "each.month": "calendar month",
        "each.quarter": "calendar quarter",
        "each.year": "calendar year",
        "one.month": "a",
        "one.quarter": "a",
        "one.year": "a",
        "every.month": "each",
        "every.quarter": "each",
        "every.year": "each",
        # 8. Maintenance
        "maintenance": "8. Planned maintenance",
        "maintenance.none": (
            "The agreement sets no maintenance windows: all downtime, planned or not, counts "
            "against the uptime guarantee."
        ),
        "maintenance.no_uptime": "The agreement sets no maintenance windows.",
        "maintenance.window": (
            "The provider may carry out planned maintenance in this weekly window: {hours} "
            "({zone})."
        ),
        "maintenance.notice": (
            "The customer is told of planned maintenance at least {notice} in advance."
        ),
        "maintenance.limit": "Planned maintenance takes at most {limit} a month.",
        "maintenance.count_as_up": (
            "Planned maintenance is not downtime: it counts as time the service was up."
        ),
        "maintenance.exclude": (
            "Planned maintenance is not downtime: it is left out of the time availability is "
            "measured over."
        ),
        "maintenance.other": (
            "Maintenance outside these rules counts as downtime, like any other outage."
        ),
        # 9. Credits
        "credits": "9. Service credits",
        "credits.none": "The agreement sets no service credits.",
        "credits.intro": (
            "If availability in a {period} is below the guarantee, the customer is credited a "
            "share of the fee for that {the_unit}:"
        ),
        "col.availability": "Availability in the {the_unit}",
        "col.credit": "Credit",
        "tier.band": "at least {low} and below {high}",
        "tier.below": "below {high}",
        "tier.credit": "{percent} of the {fee} fee",
        "fee.month": "monthly",
        "fee.quarter": "quarterly",
        "fee.year": "yearly",
        "credits.exact": "Availability is compared unrounded: exactly {objective} earns no credit.",
        "credits.tickets": (
            "For each request whose target is missed, the customer is also credited:"
        ),
        "col.target": "Target",
        "col.per_ticket": "Credit per request",
        "col.per_late": "For each started period late",
        "col.cap": "At most per {unit}",
        "metric.response": "first response",
        "metric.resolution": "resolution",
        "per_late": "{percent} per {unit}",
        "of_fee": "{percent} of the fee",
        "credits.claim": (
            "To claim a credit, send a request through {channel} naming the {the_unit}; the "
            "credit is calculated as above from the measured availability."
        ),
        "credits.claim_any": (
            "To claim a credit, write to the provider naming the {the_unit}; the credit is "
            "calculated as above from the measured availability."
        ),
        "claims.within": (
            "A credit must be claimed within {days} after the end of the {the_unit} it is for."
        ),
        "claims.how": "How to claim: ",
        "claims.calculated": "The credit is calculated as above from the measured availability.",
        "claims.automatic": (
            "Credits are applied automatically: the provider calculates them from the measured "
            "availability of each {the_unit}, and the customer does not need to claim them."
        ),
        # 10. Roles
        "roles": "10. Roles and responsibilities",
        "roles.none": "The agreement names no roles.",
        "role.provider": "Provider: {title}",
        "role.customer": "Customer: {title}",
        "role.nothing": "No responsibilities listed.",
        # 11. Signatures
        "sign": "11. Signatures",
        "sign.intro": "Agreed by both parties.",
        "sign.provider": "Provider",
        "sign.customer": "Customer",
        "sign.name": "Name",
        "sign.date": "Date",
        "sign.signature": "Signature",
        "quote": "{name}",
    },
    "da": {
        "subtitle": "Serviceniveauaftale (SLA)",
        "intro": (
            "Denne aftale beskriver den support, leverandøren yder kunden: hvad den dækker, "
            "hvornår der er åbent for support, hvor hurtigt henvendelser besvares og løses, "
            "oppetidsgarantien og krediteringen, hvis den ikke overholdes, og hvad hver part gør."
        ),
        "scope": "1. Omfang",
        "scope.in": "Aftalen omfatter:",
        "scope.out": "Aftalen omfatter ikke:",
        "scope.none": "Aftalen nævner ingen ydelser.",
        "hours": "2. Supporttid og kontaktkanaler",
        "hours.open": "Der er åbent for support {hours} ({zone}).",
        "hours.always": "Der er åbent for support døgnet rundt, alle årets dage ({zone}).",
        "hours.closed": "Supporten er lukket {days}.",
        "hours.special": "Særlige dage:",
        "hours.closed_day": "lukket",
        "hours.calendars": "Andre tider i denne aftale:",
        "hours.channels": "Supporten kan kontaktes via:",
        "hours.no_channels": "Aftalen nævner ingen kontaktkanaler.",
        "col.channel": "Kanal",
        "col.contact": "Kontakt",
        "col.open": "Åben",
        "col.note": "Bemærkning",
        "open.always": "døgnet rundt",
        "open.support": "i supporttiden",
        "severity": "3. Prioriteter og svartider",
        "severity.intro": (
            "Hver henvendelse får en af disse prioriteter. Svartiden er den længste tid, før "
            "leverandøren svarer første gang; løsningstiden er den længste tid, før problemet "
            "er løst. Tiderne tælles i arbejdstid (afsnit 4)."
        ),
        "col.severity": "Prioritet",
        "col.definition": "Definition",
        "col.response": "Første svar",
        "col.resolution": "Løsning",
        "col.next_response": "Svar på senere beskeder",
        "col.periodic_update": "Opdatering mindst hver",
        "col.clock": "Ur",
        "clock.always": "døgnet rundt",
        "clock.support": "supporttid",
        "clock.named": "tiden {name}",
        "no_target": "intet fast mål",
        "rules": "Sådan kører urene:",
        "rule.exclude": (
            "Mens leverandøren venter på svar fra kunden, er uret sat på pause: den tid tæller "
            "ikke med."
        ),
        "rule.ignore_deadline": "Venter leverandøren på svar fra kunden, stopper uret ikke.",
        "rule.carry_elapsed": (
            "Ændres en henvendelses prioritet, tæller den allerede brugte tid med i den nye "
            "prioritets tider."
        ),
        "rule.recompute": (
            "Ændres en henvendelses prioritet, regnes tiderne fra modtagelsen, som om den havde "
            "haft den nye prioritet fra starten."
        ),
        "rule.restart": (
            "Ændres en henvendelses prioritet, regnes den nye prioritets tider fra ændringen."
        ),
        "rule.continue": (
            "Genåbnes en løst henvendelse, fortsætter løsningsuret, hvor det stoppede."
        ),
        "rule.new_cycle": (
            "Genåbnes en løst henvendelse, får den en ny løsningstid, regnet fra genåbningen."
        ),
        "business": "4. Arbejdstid og arbejdsdage",
        "business.time": (
            "Tider i timer og minutter er arbejdstid: den tid, prioritetens ur kører (kolonnen "
            "Ur i afsnit 3). For prioriteter i supporttiden stopper uret, når supporten lukker, "
            "og kører igen, når den åbner."
        ),
        "business.length": (
            "En arbejdsdag er {length} arbejdstid, så {example} er {total} arbejdstid."
        ),
        "business.full_day": (
            "En arbejdsdag er en fuld supportdag på {length} arbejdstid, så {example} er {total} "
            "arbejdstid."
        ),
        "business.same_time": (
            "En frist på {example} udløber på samme klokkeslæt {example} senere; en "
            "arbejdsdag er en dag, hvor supporten har åbent. Er der lukket på det tidspunkt, "
            "udløber fristen, når supporten åbner igen."
        ),
        "outside": "5. Uden for supporttiden",
        "outside.closed": (
            "Uden for supporttiden{holidays} modtages henvendelser, men de behandles ikke; "
            "tiderne for prioriteter i supporttiden regnes fra, når supporten åbner."
        ),
        "outside.holidays": " og på lukkedage",
        "outside.channel_one": "{names} er åben døgnet rundt for nye henvendelser.",
        "outside.channel_many": "{names} er åbne døgnet rundt for nye henvendelser.",
        "outside.always": (
            "Henvendelser med prioriteten {names} behandles døgnet rundt, alle årets dage: "
            "deres tider tæller også om natten, i weekenden og på helligdage."
        ),
        "outside.named": "Henvendelser med prioriteten {names} behandles {hours} ({zone}).",
        "outside.none": "Ingen prioritet behandles uden for supporttiden.",
        "outside.open_always": (
            "Der er åbent for support døgnet rundt: der er ingen tid uden for den."
        ),
        "report": "6. Sådan anmelder I en hændelse",
        "report.contact": "Kontakt supporten via {names} (afsnit 2).",
        "report.contact_always": (
            "Kontakt supporten via {names} (afsnit 2); {always} har åbent døgnet rundt."
        ),
        "report.contact_any": "Kontakt leverandørens support.",
        "report.severity": "Vælg den prioritet, hvis definition passer (afsnit 3).",
        "report.describe": (
            "Beskriv, hvad der er berørt, hvad der skete og siden hvornår, og hvordan "
            "leverandøren kan kontakte jer."
        ),
        "report.clock_always": "Svartiden regnes fra modtagelsen.",
        "report.clock": (
            "Svartiden regnes fra modtagelsen; uden for supporttiden fra, når supporten åbner, "
            "undtagen for prioriteter, der behandles døgnet rundt."
        ),
        "uptime": "7. Oppetidsgaranti",
        "uptime.none": "Aftalen giver ingen oppetidsgaranti.",
        "uptime.promise": "Leverandøren garanterer en oppetid på mindst {target} i hver {period}.",
        "uptime.allows": "{target} {per_unit} betyder højst {allowed} nedetid {per_unit}{year}.",
        "uptime.year": ", {allowed} om året",
        "col.period": "Periode",
        "col.allowed": "Tilladt nedetid",
        "col.exact": "Præcist (sekunder)",
        "period.day": "Døgn",
        "period.week": "Uge",
        "period.month": "Måned",
        "period.quarter": "Kvartal",
        "period.year": "År",
        "uptime.average": (
            "Måneder, kvartaler og år i tabellen er gennemsnit: et år er 365,2425 døgn, en "
            "måned en tolvtedel af det. Oppetiden måles over {every} faktisk {period}, som "
            "tillader {low} i {one} {unit} på {low_days} døgn og {high} i {one} på {high_days} "
            "døgn."
        ),
        "uptime.average_year": (
            "Måneder, kvartaler og år i tabellen er gennemsnit: et år er 365,2425 døgn. "
            "Oppetiden måles over hvert faktisk kalenderår, som tillader {low} i et år på 365 "
            "døgn og {high} i et på 366 døgn."
        ),
        "uptime.measure": (
            "Oppetiden er den andel af {the_unit}, hvor tjenesten var oppe: (tid i {the_unit} "
            "− nedetid) / tid i {the_unit}, beregnet præcist. Overlappende hændelser tælles én "
            "gang."
        ),
        "unit.month": "måned",
        "unit.quarter": "kvartal",
        "unit.year": "år",
        "the.month": "måneden",
        "the.quarter": "kvartalet",
        "the.year": "året",
        "per.month": "om måneden",
        "per.quarter": "i kvartalet",
        "per.year": "om året",
        "each.month": "kalendermåned",
        "each.quarter": "kvartal",
        "each.year": "kalenderår",
        "one.month": "en",
        "one.quarter": "et",
        "one.year": "et",
        "every.month": "hver",
        "every.quarter": "hvert",
        "every.year": "hvert",
        "maintenance": "8. Planlagt vedligeholdelse",
        "maintenance.none": (
            "Aftalen fastsætter ingen servicevinduer: al nedetid, planlagt eller ej, tæller med "
            "i oppetidsgarantien."
        ),
        "maintenance.no_uptime": "Aftalen fastsætter ingen servicevinduer.",
        "maintenance.window": (
            "Leverandøren kan udføre planlagt vedligeholdelse i dette ugentlige tidsrum: "
            "{hours} ({zone})."
        ),
        "maintenance.notice": (
            "Kunden får besked om planlagt vedligeholdelse mindst {notice} i forvejen."
        ),
        "maintenance.limit": "Planlagt vedligeholdelse varer højst {limit} om måneden.",
        "maintenance.count_as_up": (
            "Planlagt vedligeholdelse er ikke nedetid: den tæller som tid, hvor tjenesten var oppe."
        ),
        "maintenance.exclude": (
            "Planlagt vedligeholdelse er ikke nedetid: den holdes uden for den tid, oppetiden "
            "måles over."
        ),
        "maintenance.other": (
            "Vedligeholdelse uden for disse regler tæller som nedetid ligesom ethvert andet "
            "nedbrud."
        ),
        "credits": "9. Kreditering",
        "credits.none": "Aftalen fastsætter ingen kreditering.",
        "credits.intro": (
            "Er oppetiden i {one} {period} under garantien, krediteres kunden en andel af "
            "betalingen for {the_unit}:"
        ),
        "col.availability": "Oppetid i {the_unit}",
        "col.credit": "Kreditering",
        "tier.band": "mindst {low} og under {high}",
        "tier.below": "under {high}",
        "tier.credit": "{percent} af {fee} betaling",
        "fee.month": "månedens",
        "fee.quarter": "kvartalets",
        "fee.year": "årets",
        "credits.exact": (
            "Oppetiden sammenlignes uafrundet: præcis {objective} giver ingen kreditering."
        ),
        "credits.tickets": "For hver henvendelse, hvis tid overskrides, krediteres kunden desuden:",
        "col.target": "Tid",
        "col.per_ticket": "Kreditering pr. henvendelse",
        "col.per_late": "For hver påbegyndt periode for sent",
        "col.cap": "Højst pr. {unit}",
        "metric.response": "første svar",
        "metric.resolution": "løsning",
        "per_late": "{percent} pr. {unit}",
        "of_fee": "{percent} af betalingen",
        "credits.claim": (
            "Kreditering kræves ved at sende en henvendelse via {channel} med angivelse af "
            "{the_unit}; krediteringen beregnes som ovenfor ud fra den målte oppetid."
        ),
        "credits.claim_any": (
            "Kreditering kræves skriftligt hos leverandøren med angivelse af {the_unit}; "
            "krediteringen beregnes som ovenfor ud fra den målte oppetid."
        ),
        "claims.within": "Kreditering skal kræves senest {days} efter {the_unit}s udløb.",
        "claims.how": "Sådan kræves kreditering: ",
        "claims.calculated": "Krediteringen beregnes som ovenfor ud fra den målte oppetid.",
        "claims.automatic": (
            "Kreditering sker automatisk: leverandøren beregner den ud fra den målte oppetid, "
            "og kunden skal ikke kræve den."
        ),
        "roles": "10. Roller og ansvar",
        "roles.none": "Aftalen nævner ingen roller.",
        "role.provider": "Leverandør: {title}",
        "role.customer": "Kunde: {title}",
        "role.nothing": "Intet ansvar nævnt.",
        "sign": "11. Underskrifter",
        "sign.intro": "Aftalt mellem parterne.",
        "sign.provider": "Leverandør",
        "sign.customer": "Kunde",
        "sign.name": "Navn",
        "sign.date": "Dato",
        "sign.signature": "Underskrift",
        "quote": "»{name}«",
    },
}
"""Every sentence of the agreement, by language and key."""


def join_words(items: Sequence[str], lang: Lang) -> str:
    """``'a, b and c'`` (``'a, b og c'`` in Danish).

    Examples:
        >>> join_words(["E-mail", "Phone", "Chat"], "da")
        'E-mail, Phone og Chat'
    """
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + _AND[lang] + items[-1]


def decimal_words(value: Decimal | Fraction, lang: Lang) -> str:
    """An exact number with the language's decimal mark; ``~`` and 6 places if it does not end.

    Examples:
        >>> decimal_words(Fraction(1314873, 500), "da"), decimal_words(Decimal("99.90"), "en")
        ('2629,746', '99.9')
    """
    number = Fraction(value)
    den = number.denominator
    for p in (2, 5):
        while den % p == 0:
            den //= p
    prefix = ""
    if den != 1:
        prefix = "~"
        number = Fraction(round(number * 10**6), 10**6)
    text = f"{Decimal(number.numerator) / Decimal(number.denominator):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return prefix + text.replace(".", _DECIMAL_POINT[lang])


def percent_words(value: Decimal | Fraction, lang: Lang) -> str:
    """A percentage (given in percent) as ``'99.9 %'`` or ``'99,9 %'``.

    Examples:
        >>> percent_words(Decimal("99.9"), "da")
        '99,9 %'
    """
    return f"{decimal_words(value, lang)} %"


def short_duration(text: str, lang: Lang) -> str:
    """The library's ``'8h 45m 57s'`` written for people: ``'8 h 45 min 57 s'``.

    Examples:
        >>> short_duration("8h 45m 57s", "en"), short_duration("0.864s", "da")
        ('8 h 45 min 57 s', '0,864 s')
    """
    return _TOKEN.sub(
        lambda m: f"{m.group(1).replace('.', _DECIMAL_POINT[lang])} {_UNITS[lang][m.group(2)]}",
        text,
    )


def duration_words(value: dt.timedelta, lang: Lang) -> str:
    """A target in words: ``'1 hour 30 minutes'``, ``'15 minutter'``.

    Examples:
        >>> duration_words(dt.timedelta(hours=1, minutes=30), "en")
        '1 hour 30 minutes'
        >>> duration_words(dt.timedelta(hours=18), "da")
        '18 timer'
    """
    total_us = (value.days * 86_400 + value.seconds) * 1_000_000 + value.microseconds
    hours, rest = divmod(total_us, 3_600_000_000)
    minutes, rest = divmod(rest, 60_000_000)
    seconds = Fraction(rest, 1_000_000)
    parts = []
    for amount, (one, many) in zip((hours, minutes), _TIME_WORDS[lang][:2], strict=True):
        if amount:
            parts.append(f"{amount} {one if amount == 1 else many}")
    if seconds or not parts:
        one, many = _TIME_WORDS[lang][2]
        parts.append(f"{decimal_words(seconds, lang)} {one if seconds == 1 else many}")
    return " ".join(parts) if lang == "en" else join_words(parts, lang)


def date_words(day: dt.date, lang: Lang) -> str:
    """A date in words: ``'24 December 2026'``, ``'24. december 2026'``.

    Examples:
        >>> date_words(dt.date(2026, 12, 24), "da")
        '24. december 2026'
    """
    month = _MONTHS[lang][day.month - 1]
    return f"{day.day}. {month} {day.year}" if lang == "da" else f"{day.day} {month} {day.year}"


def hours_words(hours: str, lang: Lang) -> str:
    """A calendar's canonical weekly hours in words.

    Examples:
        >>> hours_words("Mon-Fri 09:00-12:00,13:00-17:00; Sat 10:00-14:00", "en")
        'Monday–Friday 09:00–12:00 and 13:00–17:00; Saturday 10:00–14:00'
        >>> hours_words("24/7", "da")
        'døgnet rundt'
    """
    if hours == "24/7":
        return TEXT[lang]["open.always"]
    clauses = []
    for clause in hours.split("; "):
        days, _, spans = clause.partition(" ")
        names = []
        for part in days.split("-"):
            if part not in _ABBR:
                return hours
            names.append(_DAYS[lang][_ABBR.index(part)])
        intervals = [span.replace("-", "–") for span in spans.split(",")]
        clauses.append(f"{'–'.join(names)} {join_words(intervals, lang)}")
    return "; ".join(clauses)


def zone_words(tz: dt.tzinfo, lang: Lang) -> str:
    """The time zone for people: ``'Copenhagen time, Europe/Copenhagen'``, ``'dansk tid'``.

    Examples:
        >>> zone_words(zoneinfo.ZoneInfo("Europe/Copenhagen"), "en")
        'Copenhagen time, Europe/Copenhagen'
        >>> zone_words(dt.UTC, "da")
        'UTC'
    """
    key = tz.key if isinstance(tz, zoneinfo.ZoneInfo) else None
    if key is None or key.upper() in {"UTC", "ETC/UTC"}:
        return "UTC" if key is not None or tz.utcoffset(None) == dt.timedelta(0) else str(tz)
    city = key.rsplit("/", 1)[-1].replace("_", " ")
    if lang == "da":
        local = "dansk tid" if key == "Europe/Copenhagen" else f"tid i {city}"
    else:
        local = f"{city} time"
    return f"{local}, {key}"
