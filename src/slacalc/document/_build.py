"""From an :class:`~slacalc.policy.Agreement` to the agreement's blocks, in one language.

Every number comes from the agreement's values: targets and the business day's length,
allowed downtime from :func:`slacalc.downtime_table` and :func:`slacalc.allowed_downtime`,
credit bands from its :class:`~slacalc.credits.CreditSchedule`. Text the policy holds
(descriptions, scope, responsibilities, channel names) is printed as written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from fractions import Fraction

from slacalc._present.catalogue import (
    Lang,
    catalogue,
    clock_words,
    hours_words,
    join_words,
    zone_words,
)
from slacalc._present.formats import decimal_text, duration_text, percent_text
from slacalc.document._model import (
    Block,
    Document,
    Heading,
    Inline,
    Items,
    Paragraph,
    Section,
    Strong,
    Table,
)
from slacalc.document._words import long_date, money_text
from slacalc.policy import ALWAYS, SUPPORT, Agreement, Channel, ContractTerms, UptimeTerms
from slacalc.timers import BusinessDays, DueFromField, Target
from slacalc.uptime import (
    Availability,
    allowed_downtime,
    downtime_table,
    format_duration,
    format_seconds,
)

__all__ = ["build_document"]

_CALENDAR_DAYS = {"month": (28, 31), "quarter": (90, 92), "year": (365, 366)}


class _Builder:
    def __init__(
        self, policy: Agreement, lang: Lang, year: int | None, added: tuple[str, ...]
    ) -> None:
        self.policy = policy
        self.added = added
        self.lang = lang
        self.year = year
        self.words = catalogue(lang)
        self.sections: list[Section] = []
        self.blocks: list[Block] = []
        self.name = "intro"
        self.title = ""
        self.number = 0

    # -- small helpers -------------------------------------------------------------

    def t(self, key: str, **values: object) -> str:
        return self.words.say(key, **values)

    def heading(self, key: str) -> None:
        """Start the section ``key``, numbered after the last one."""
        self.close()
        self.number += 1
        self.name, self.title = key, self.t(key)
        if not self.title[:1].isdigit():
            self.title = f"{self.number}. {self.title}"

    def close(self) -> None:
        """End the section being written."""
        self.sections.append(Section(self.name, self.title, tuple(self.blocks), self.number))
        self.blocks = []

    def added_sections(self) -> None:
        """The user's sections: numbered places that their templates fill."""
        for name in self.added:
            self.close()
            self.number += 1
            self.name, self.title = name, ""

    def para(self, *parts: str | Strong) -> None:
        self.blocks.append(Paragraph(tuple(parts)))

    def items(self, items: Iterable[str | Inline], *, ordered: bool = False) -> None:
        rows = tuple((i,) if isinstance(i, str) else i for i in items)
        self.blocks.append(Items(rows, ordered))

    def percent(self, share: Fraction) -> str:
        return percent_text(share * 100, self.lang)

    def target(self, value: Target | None) -> str:
        if value is None:
            return self.t("no_target")
        if isinstance(value, BusinessDays):
            return self.business_days(value.count)
        if isinstance(value, DueFromField):
            return self.t("due_field", field=value.field)
        if not isinstance(value, dt.timedelta):
            return str(value)  # a relative target, as the policy writes it
        return duration_text(value, "words", self.lang)

    def optional(self, value: Target | None) -> str:
        return "–" if value is None else self.target(value)

    def business_days(self, count: int) -> str:
        return self.t("business_days.one" if count == 1 else "business_days.many", count=count)

    def quoted(self, names: Iterable[str]) -> str:
        return join_words([self.t("quote", name=n) for n in names], self.lang)

    def severity_names(self, names: list[str]) -> str:
        text = self.quoted(names)
        return text[:1].upper() + text[1:]

    def calendar_hours(self, name: str) -> str:
        if name == ALWAYS:
            return self.t("open.always")
        if name == SUPPORT:
            return self.t("open.support")
        return hours_words(self.policy.calendar(name).hours, self.lang)

    def always_open(self) -> bool:
        return SUPPORT in self.policy.around_the_clock

    def units(self, period: str) -> dict[str, str]:
        return {
            "unit": self.t(f"unit.{period}"),
            "the_unit": self.t(f"the.{period}"),
            "per_unit": self.t(f"per.{period}"),
            "period": self.t(f"each.{period}"),
            "one": self.t(f"one.{period}"),  # the indefinite article that fits (Danish: en/et)
            "every": self.t(f"every.{period}"),  # "each" (Danish: hver/hvert)
        }

    # -- sections ------------------------------------------------------------------

    def build(self) -> Document:
        self.para(self.t("intro"))
        self.parties()
        for section in (
            self.scope,
            self.hours,
            self.severities,
            self.business_time,
            self.outside,
            self.reporting,
            self.uptime,
            self.maintenance,
            self.credits,
            self.roles,
            self.fee,
            self.term,
            self.liability,
            self.law,
            self.added_sections,
            self.signatures,
        ):
            section()
        self.close()
        title = self.policy.title or self.policy.name
        return Document(
            title, self.t("subtitle"), self.lang, tuple(self.sections), self.version_line()
        )

    # -- the contract's clauses ------------------------------------------------------

    @property
    def contract(self) -> ContractTerms:
        return self.policy.contract or ContractTerms()

    def date(self, day: dt.date, *, weekday: bool = False) -> str:
        return long_date(day, self.lang, weekday=weekday)

    def version_line(self) -> str:
        c = self.contract
        parts = [self.t("version", version=c.version)] if c.version else []
        if c.date is not None:
            parts.append(self.date(c.date))
        return ", ".join(parts)

    def parties(self) -> None:
        c = self.contract
        found = [(k, p) for k, p in (("provider", c.provider), ("customer", c.customer)) if p]
        if not found:
            return
        self.close()
        self.name = "parties"
        self.para(self.t("parties.intro"))
        rows: list[tuple[Inline, ...]] = []
        for key, attr in (
            ("party.name", "name"),
            ("party.address", "address"),
            ("party.cvr", "cvr"),
            ("party.vat", "vat"),
            ("party.contact", "contact"),
        ):
            values = [getattr(p, attr) for _, p in found]
            if any(values):
                rows.append(((self.t(key),), *((v,) for v in values)))
        header = ("", *(self.t(f"sign.{k}") for k, _ in found))
        self.blocks.append(Table(header, tuple(rows), kind="parties"))

    def months(self, count: int, key: str = "months") -> str:
        return self.t(f"{key}.one" if count == 1 else f"{key}.many", count=count)

    def fee(self) -> None:
        c = self.contract
        if c.fee is None:
            return
        self.heading("fee")
        amount = money_text(c.fee, c.currency, self.lang)
        self.para(self.t("fee.amount", amount=amount, per_unit=self.t(f"per.{c.fee_per}")))

    def term(self) -> None:
        c = self.contract
        if c.effective is None and c.term_months is None and c.notice_months is None:
            return
        self.heading("term")
        if c.effective is not None:
            self.para(self.t("term.effective", date=self.date(c.effective)))
        if c.term_months is not None:
            self.para(self.t("term.first", months=self.months(c.term_months)))
            if c.renewal_months is None:
                self.para(self.t("term.no_renewal"))
            else:
                self.para(self.t("term.renewal", months=self.months(c.renewal_months)))
        if c.notice_months is not None:
            self.para(self.t("term.notice", notice=self.months(c.notice_months, "notice")))

    def liability(self) -> None:
        c = self.contract
        if not c.sole_remedy and c.cap_months is None:
            return
        self.heading("liability")
        if c.sole_remedy:
            self.para(self.t("liability.sole"))
        if c.cap_months is not None:
            self.para(self.t("liability.cap", months=self.months(c.cap_months)))

    def law(self) -> None:
        c = self.contract
        if not c.governing_law and not c.venue:
            return
        self.heading("law")
        if c.governing_law:
            self.para(self.t("law.governing", law=c.governing_law))
        if c.venue:
            self.para(self.t("law.venue", venue=c.venue))

    def closing_days(self) -> None:
        if self.year is None:
            return
        days = self.policy.closed_days(self.year, self.lang)
        if not days:
            return
        self.para(self.t("hours.closing", year=self.year))
        self.items(
            f"{self.date(day, weekday=True)}: {name or self.t('closing.unnamed')}"
            for day, name in days
        )

    def measurement(self) -> None:
        c = self.contract
        if c.monitoring_interval is not None or c.method:
            self.blocks.append(Heading(3, self.t("measure")))
            if c.monitoring_interval is not None:
                where = (
                    self.t("measure.from", names=join_words(list(c.locations), self.lang))
                    if c.locations
                    else ""
                )
                interval = duration_text(c.monitoring_interval, "words", self.lang)
                self.para(self.t("measure.checks", interval=interval, locations=where))
            if c.method:
                self.para(c.method)
            self.para(self.t("measure.down"))
        if c.exclusions:
            self.blocks.append(Heading(3, self.t("exclusions")))
            self.para(self.t("exclusions.intro"))
            self.items(c.exclusions)

    def scope(self) -> None:
        self.heading("scope")
        included, excluded = self.policy.in_scope, self.policy.out_of_scope
        if included:
            self.para(self.t("scope.in"))
            self.items(included)
        if excluded:
            self.para(self.t("scope.out"))
            self.items(excluded)
        if not included and not excluded:
            self.para(self.t("scope.none"))

    def closed_days(self) -> list[str]:
        days = []
        for item in self.policy.holidays:
            if isinstance(item, str):
                region = self.words.holidays.get(item.upper()) or self.t("holidays.of", code=item)
                days.append(self.t("closed.holidays", region=region))
            else:
                days.append(self.t("closed.date", date=self.date(item)))
        for rule, hours in self.policy.support.recurring.items():
            if hours == "closed":
                days.append(self.t("closed.date", date=self.yearly(rule)))
        return days

    def yearly(self, rule: str) -> str:
        """A yearly rule in words: ``'12-24'`` is ``'24 December'`` (others as written)."""
        month, _, day = rule.partition("-")
        if month.isdigit() and day.isdigit():
            return long_date(dt.date(2000, int(month), int(day)), self.lang, year=False)
        return rule

    def hours(self) -> None:
        self.heading("hours")
        support = self.policy.calendar()
        zone = zone_words(support.tz, self.lang)
        if support.hours == "24/7":
            self.para(self.t("hours.always", zone=zone))
        else:
            self.para(self.t("hours.open", hours=hours_words(support.hours, self.lang), zone=zone))
        closed = self.closed_days()
        if closed:
            self.para(self.t("hours.closed", days=join_words(closed, self.lang)))
        self.closing_days()
        special = support.overrides
        if special:
            self.para(self.t("hours.special"))
            self.items(
                f"{self.date(day)}: "
                + (
                    self.t("hours.closed_day")
                    if hours == "closed"
                    else clock_words(hours.split(","), self.lang)
                )
                for day, hours in special.items()
            )
        own = [(n, cal) for n, cal in self.policy.calendars.items() if n not in (SUPPORT, ALWAYS)]
        if own:
            self.para(self.t("hours.calendars"))
            self.items(
                f"{name}: {hours_words(cal.hours, self.lang)} ({zone_words(cal.tz, self.lang)})"
                for name, cal in own
            )
        if not self.policy.channels:
            self.para(self.t("hours.no_channels"))
            return
        self.para(self.t("hours.channels"))
        channels = self.policy.channels
        # A column no channel fills is left out, so the others get the page's width.
        columns: list[tuple[str, Callable[[Channel], str]]] = [("col.channel", lambda c: c.name)]
        if any(c.contact for c in channels):
            columns.append(("col.contact", lambda c: c.contact))
        columns.append(("col.open", lambda c: self.calendar_hours(c.hours)))
        if any(c.description for c in channels):
            columns.append(("col.note", lambda c: c.description))
        self.blocks.append(
            Table(
                tuple(self.t(key) for key, _ in columns),
                tuple(tuple((cell(c),) for _, cell in columns) for c in channels),
            )
        )

    def severities(self) -> None:
        self.heading("severity")
        self.para(self.t("severity.intro"))
        policy = self.policy
        extra = [
            metric
            for metric in ("next_response", "periodic_update")
            if any(getattr(s, metric) is not None for s in policy.severities)
        ]
        header = ["col.severity", "col.definition", "col.response", "col.resolution"]
        header += [f"col.{m}" for m in extra] + ["col.clock"]
        rows = []
        for s in policy.severities:
            if policy.is_around_the_clock(s.name):
                clock = self.t("clock.always")
            elif s.calendar == SUPPORT:
                clock = self.t("clock.support")
            else:
                clock = self.t("clock.named", name=self.t("quote", name=s.calendar))
            cells: list[Inline] = [
                (Strong(s.display_name),),
                (s.description,),
                (self.target(s.response),),
                (self.target(s.resolution),),
            ]
            cells += [(self.optional(getattr(s, m)),) for m in extra]
            cells.append((clock,))
            rows.append(tuple(cells))
        self.blocks.append(Table(tuple(self.t(k) for k in header), tuple(rows)))
        self.para(self.t("rules"))
        self.items(
            [
                self.t(f"rule.{policy.rules.pause_mode}"),
                self.t(f"rule.{policy.rules.severity_change}"),
                self.t(f"rule.{policy.rules.reopen}"),
            ]
        )

    def business_time(self) -> None:
        self.heading("business")
        self.para(self.t("business.time"))
        policy = self.policy
        count = next(
            (
                target.count
                for s in policy.severities
                for target in (s.response, s.resolution, s.next_response, s.periodic_update)
                if isinstance(target, BusinessDays)
            ),
            2,
        )
        length = policy.business_day
        example = self.business_days(count)
        if length is None:
            self.para(self.t("business.same_time", example=example))
            return
        key = "business.full_day" if policy.full_support_day else "business.length"
        self.para(
            self.t(
                key,
                length=duration_text(length, "words", self.lang),
                example=example,
                total=duration_text(count * length, "words", self.lang),
            )
        )

    def outside(self) -> None:
        self.heading("outside")
        policy = self.policy
        if self.always_open():
            self.para(self.t("outside.open_always"))
            return
        closed = bool(policy.holidays or policy.support.overrides)
        self.para(self.t("outside.closed", holidays=self.t("outside.holidays") if closed else ""))
        always_channels = [c.name for c in policy.channels if c.hours == ALWAYS]
        if always_channels:
            key = "outside.channel_one" if len(always_channels) == 1 else "outside.channel_many"
            self.para(self.t(key, names=join_words(always_channels, self.lang)))
        around = [s.display_name for s in policy.severities if policy.is_around_the_clock(s.name)]
        if around:
            self.para(self.t("outside.always", names=self.severity_names(around)))
        named: dict[str, list[str]] = {}
        for s in policy.severities:
            if not policy.is_around_the_clock(s.name) and s.calendar not in (SUPPORT, ALWAYS):
                named.setdefault(s.calendar, []).append(s.display_name)
        for calendar, names in named.items():
            cal = policy.calendar(calendar)
            self.para(
                self.t(
                    "outside.named",
                    names=self.severity_names(names),
                    hours=hours_words(cal.hours, self.lang),
                    zone=zone_words(cal.tz, self.lang),
                )
            )
        if not around and not named:
            self.para(self.t("outside.none"))

    def reporting(self) -> None:
        self.heading("report")
        channels = [c.name for c in self.policy.channels]
        always = [c.name for c in self.policy.channels if c.hours == ALWAYS]
        either = catalogue(self.lang).list_or
        if not channels:
            first = self.t("report.contact_any")
        elif always and len(always) < len(channels):
            first = self.t(
                "report.contact_always",
                names=join_words(channels, self.lang, last=either),
                always=join_words(always, self.lang),
            )
        else:
            first = self.t("report.contact", names=join_words(channels, self.lang, last=either))
        self.items(
            [
                first,
                self.t("report.severity"),
                self.t("report.describe"),
                self.t("report.clock_always" if self.always_open() else "report.clock"),
            ],
            ordered=True,
        )

    def uptime(self) -> None:
        self.heading("uptime")
        spec = self.policy.uptime
        if spec is None:
            self.para(self.t("uptime.none"))
            return
        units = self.units(spec.period)
        target = self.percent(spec.target)
        self.para(*self._promise(target, units))
        table = downtime_table(Availability.from_target(spec.target))
        allowed = format_seconds(table[spec.period].allowed_seconds, "short", lang=self.lang)
        year = (
            ""
            if spec.period == "year"
            else self.t(
                "uptime.year",
                allowed=format_seconds(table["year"].allowed_seconds, "short", lang=self.lang),
            )
        )
        self.para(self.t("uptime.allows", target=target, allowed=allowed, year=year, **units))
        self.blocks.append(
            Table(
                (self.t("col.period"), self.t("col.allowed"), self.t("col.exact")),
                tuple(
                    (
                        (self.t(f"period.{row.period}"),),
                        (format_seconds(row.allowed_seconds, "short", lang=self.lang),),
                        (decimal_text(row.allowed_seconds, self.lang),),
                    )
                    for row in table.rows
                ),
                numeric=(1, 2),
            )
        )
        self.para(self._average(spec))
        self.para(self.t("uptime.measure", **units))
        self.measurement()

    def _promise(self, target: str, units: dict[str, str]) -> tuple[str | Strong, ...]:
        text = self.t("uptime.promise", target="\0", **units)
        before, _, after = text.partition("\0")
        return (before, Strong(target), after)

    def _average(self, spec: UptimeTerms) -> str:
        low_days, high_days = _CALENDAR_DAYS[spec.period]
        low, high = (
            format_duration(allowed_downtime(spec.target, f"{days}d"), "short", lang=self.lang)
            for days in (low_days, high_days)
        )
        if spec.period == "year":
            return self.t("uptime.average_year", low=low, high=high)
        units = self.units(spec.period)
        return self.t(
            "uptime.average",
            low=low,
            high=high,
            low_days=low_days,
            high_days=high_days,
            **units,
        )

    def maintenance(self) -> None:
        self.heading("maintenance")
        uptime = self.policy.uptime
        spec = None if uptime is None else uptime.maintenance
        if spec is None:
            key = "maintenance.none" if uptime is not None else "maintenance.no_uptime"
            self.para(self.t(key))
            return
        zone = zone_words(self.policy.calendar().tz, self.lang)
        self.para(
            self.t("maintenance.window", hours=hours_words(spec.window.hours, self.lang), zone=zone)
        )
        rules = []
        if spec.notice is not None:
            rules.append(
                self.t("maintenance.notice", notice=duration_text(spec.notice, "words", self.lang))
            )
        if spec.max_per_month is not None:
            rules.append(
                self.t(
                    "maintenance.limit", limit=duration_text(spec.max_per_month, "words", self.lang)
                )
            )
        rules.append(self.t(f"maintenance.{spec.mode}"))
        self.items(rules)
        self.para(self.t("maintenance.other"))

    def credits(self) -> None:
        self.heading("credits")
        spec = self.policy.uptime
        if spec is None or (spec.credits is None and not spec.ticket_penalties):
            self.para(self.t("credits.none"))
            return
        units = self.units(spec.period)
        if spec.credits is not None:
            schedule = spec.credits
            self.para(self.t("credits.intro", **units))
            fee = self.t(f"fee.{spec.period}")
            rows = []
            tiers = schedule.tiers
            for i, tier in enumerate(tiers):
                high = percent_text(tier.below.percent, self.lang)
                if i + 1 < len(tiers):
                    low = percent_text(tiers[i + 1].below.percent, self.lang)
                    band = self.t("tier.band", low=low, high=high)
                else:
                    band = self.t("tier.below", high=high)
                credit = self.t(
                    "tier.credit",
                    percent=percent_text(tier.credit_percent, self.lang),
                    fee=fee,
                )
                rows.append(((band,), (credit,)))
            self.blocks.append(
                Table((self.t("col.availability", **units), self.t("col.credit")), tuple(rows))
            )
            objective = percent_text(schedule.objective.percent, self.lang)
            self.para(self.t("credits.exact", objective=objective))
        if spec.ticket_penalties:
            self.para(self.t("credits.tickets"))
            self.blocks.append(
                Table(
                    tuple(
                        self.t(k, **units)
                        for k in (
                            "col.severity",
                            "col.target",
                            "col.per_ticket",
                            "col.per_late",
                            "col.cap",
                        )
                    ),
                    tuple(
                        (
                            (Strong(self.policy.severity(severity).display_name),),
                            (self.t(f"metric.{metric}"),),
                            (self.t("of_fee", percent=self.percent(p.per_breach_share)),),
                            (
                                "–"
                                if not p.per_late_share
                                else self.t(
                                    "per_late",
                                    percent=self.percent(p.per_late_share),
                                    unit=self.target(p.late_unit),
                                ),
                            ),
                            (
                                "–"
                                if p.cap_share is None
                                else self.t("of_fee", percent=self.percent(p.cap_share)),
                            ),
                        )
                        for severity, metric, p in spec.ticket_penalties
                    ),
                )
            )
        claims = spec.claims
        if claims is not None and claims.automatic:
            self.para(self.t("claims.automatic", **units))
            if claims.how:
                self.para(claims.how)
            return
        if claims is not None:
            days = claims.within_days
            count = self.t("days.one" if days == 1 else "days.many", count=days)
            self.para(self.t("claims.within", days=count, **units))
        if claims is not None and claims.how:
            self.para(self.t("claims.how"), claims.how)
            self.para(self.t("claims.calculated"))
            return
        channel = next(
            (c.name for c in self.policy.channels if c.kind == "ticket"),
            self.policy.channels[0].name if self.policy.channels else None,
        )
        if channel is None:
            self.para(self.t("credits.claim_any", **units))
        else:
            self.para(self.t("credits.claim", channel=channel, **units))

    def roles(self) -> None:
        self.heading("roles")
        if not self.policy.roles:
            self.para(self.t("roles.none"))
            return
        for role in self.policy.roles:
            self.blocks.append(Heading(3, self.t(f"role.{role.party}", title=role.title)))
            if role.responsibilities:
                self.items(role.responsibilities)
            else:
                self.para(self.t("role.nothing"))

    def signatures(self) -> None:
        self.heading("sign")
        self.para(self.t("sign.intro"))
        c = self.contract
        provider, customer = c.provider, c.customer
        rows: list[tuple[Inline, ...]] = []
        if provider or customer:
            rows.append(
                (
                    (self.t("sign.company"),),
                    (provider.name if provider else "",),
                    (customer.name if customer else "",),
                )
            )
        rows.append(
            (
                (self.t("sign.name"),),
                (provider.signatory if provider else "",),
                (customer.signatory if customer else "",),
            )
        )
        rows += [((self.t(k),), ("",), ("",)) for k in ("sign.date", "sign.signature")]
        self.blocks.append(
            Table(
                ("", self.t("sign.provider"), self.t("sign.customer")),
                tuple(rows),
                kind="signatures",
            )
        )


def build_document(
    policy: Agreement, lang: Lang, year: int | None = None, added: tuple[str, ...] = ()
) -> Document:
    """The agreement for ``policy`` (its texts already in ``lang``) as sections of blocks.

    ``year`` is the year whose closing days the support hours list (``None``: none);
    ``added`` names the user's sections, placed before the signatures.

    Examples:
        >>> from slacalc.policy import default_policy
        >>> doc = build_document(default_policy().to_agreement(), "en")
        >>> doc.title, doc.sections[1].name, doc.sections[1].heading
        ('Website care agreement', 'scope', '1. Scope')
    """
    return _Builder(policy, lang, year, added).build()
