"""The agreement as core values: what a policy file says, converted once when it loads.

:class:`Agreement` and its parts are frozen dataclasses without pydantic: durations are
``timedelta`` (or :class:`~slacalc.timers.BusinessDays`), shares are exact
``Fraction``, calendars are built :class:`~slacalc.calendar.BusinessCalendar` values and
the clocks' rules a :class:`~slacalc.timers.ClockRules`. Reports, the agreement
document and the command line read these values; none of them parses policy text.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import (
    TYPE_CHECKING,
    Literal,
    NamedTuple,
    Protocol,
    TypeAlias,
    runtime_checkable,
)
from zoneinfo import ZoneInfo

from slacalc._frozen import FrozenDict
from slacalc._present.catalogue import (
    Lang,
    catalogue,
    check_lang,
    hours_words,
    when_words,
    zone_words,
)
from slacalc._time import from_us, to_us
from slacalc._validate import check_instance, check_mapping, shown
from slacalc.calendar import BusinessCalendar
from slacalc.credits import (
    ClaimWindow,
    CreditSchedule,
    HourlyCredit,
    ShareOrAmount,
    TerminationRule,
    TicketPenalty,
)
from slacalc.errors import (
    InvalidOptionError,
    OutOfRangeError,
    PolicyValidationError,
    WrongTypeError,
)
from slacalc.timers import ClockRules, Target
from slacalc.uptime import MaintenanceMode

if TYPE_CHECKING:
    from slacalc.policy._book import PolicyBook, PolicyHistory
    from slacalc.policy._models import SLAPolicy

__all__ = [
    "ALWAYS",
    "SUPPORT",
    "Acknowledgement",
    "Agreement",
    "Channel",
    "ClaimTerms",
    "ContractTerms",
    "FrozenDict",
    "MaintenanceTerms",
    "Party",
    "PolicyLike",
    "Role",
    "SeverityTerms",
    "TicketPenaltyTerms",
    "UptimeTerms",
    "longest_day",
]

SUPPORT = "support"
"""The name severities and channels use for the policy's support hours.

Examples:
    >>> from slacalc.policy import default_policy
    >>> default_policy().to_agreement().calendar(SUPPORT).hours
    'Mon-Fri 09:00-18:00'
"""
ALWAYS = "24x7"
"""The name of the built-in around-the-clock calendar (in the support hours' zone).

Examples:
    >>> from slacalc.policy import default_policy
    >>> default_policy().to_agreement().severity("critical").calendar == ALWAYS
    True
"""
_PROBE_MONDAY = dt.date(2025, 1, 6)
_US = dt.timedelta(microseconds=1)


@dataclass(frozen=True, slots=True)
class SeverityTerms:
    """One severity as the agreement states it: its meaning, calendar and targets as written.

    Targets keep ``'N business days'`` as :class:`~slacalc.timers.BusinessDays`; the
    agreement's :attr:`Agreement.rules` hold them as the clocks count them.

    Attributes:
        name: the severity's name.
        description: what it means, for people.
        calendar: the name of the calendar its clocks run on (``'support'``, ``'24x7'``
            or one of the policy's calendars).
        response: time to the first public response.
        resolution: time to resolve; ``None`` for a work queue.
        next_response: time to answer each later customer reply, if promised.
        periodic_update: the longest time between public responses, if promised.
        label: the name people read (``'Kritisk'``); empty: the ``name``.

    Examples:
        >>> from slacalc.policy import default_policy
        >>> low = default_policy().to_agreement().severity("low")
        >>> low.calendar, low.response
        ('support', BusinessDays(count=2))
    """

    __has_texts__ = True  # localize() looks inside

    name: str
    description: str
    calendar: str
    response: Target
    resolution: Target | None = None
    next_response: Target | None = None
    periodic_update: Target | None = None
    label: str = ""

    @property
    def display_name(self) -> str:
        """The name people read: the ``label``, or the ``name`` when there is none.

        Examples:
            >>> SeverityTerms("p1", "", "support", None, label="Kritisk").display_name
            'Kritisk'
        """
        return self.label or self.name


@dataclass(frozen=True, slots=True)
class Channel:
    """A way to reach support, and the name of the calendar it is staffed on.

    Examples:
        >>> from slacalc.policy import default_policy
        >>> default_policy().to_agreement().channels[0]
        Channel(name='Ticket system', kind='ticket', contact='', hours='24x7', \
description='Always open for new requests; the only channel for critical incidents.')
    """

    __has_texts__ = True  # localize() looks inside

    name: str
    kind: Literal["ticket", "email", "phone", "chat", "other"]
    contact: str = ""
    hours: str = SUPPORT
    description: str = ""


@dataclass(frozen=True, slots=True)
class Role:
    """A role of one party and what it is responsible for.

    Examples:
        >>> from slacalc.policy import default_policy
        >>> default_policy().to_agreement().roles[0].party
        'provider'
    """

    __has_texts__ = True  # localize() looks inside

    party: Literal["provider", "customer"]
    title: str
    responsibilities: tuple[str, ...] = ()


class TicketPenaltyTerms(NamedTuple):
    """A per-ticket credit: what a breach of ``metric`` for ``severity`` costs.

    Examples:
        >>> from slacalc.datasets import load_policy
        >>> severity, metric, penalty = load_policy().to_agreement().ticket_penalties[0]
        >>> severity, metric, penalty.per_breach_share
        ('critical', 'resolution', Fraction(1, 50))
    """

    severity: str
    metric: Literal["response", "resolution"]
    penalty: TicketPenalty


@dataclass(frozen=True, slots=True)
class MaintenanceTerms:
    """The rules for planned maintenance, with its window built as a calendar.

    Attributes:
        window: when maintenance may happen (weekly hours in the support hours' zone).
        notice: the advance notice required (``None``: no notice).
        max_per_month: the most planned maintenance in a month (``None``: no limit).
        mode: how maintenance windows count in availability (``'count_as_up'`` or
            ``'exclude'``).

    Examples:
        >>> from slacalc.policy import default_policy
        >>> terms = default_policy().to_agreement().uptime.maintenance
        >>> terms.window.hours, terms.notice
        ('Sun 02:00-06:00', datetime.timedelta(days=2))
    """

    window: BusinessCalendar
    notice: dt.timedelta | None = None
    max_per_month: dt.timedelta | None = None
    mode: MaintenanceMode = "count_as_up"


@dataclass(frozen=True, slots=True)
class ClaimTerms:
    """How service credits are claimed: within how many calendar days, how, or automatically.

    Examples:
        >>> from slacalc.policy import default_policy
        >>> default_policy().to_agreement().uptime.claims.within_days
        30
    """

    __has_texts__ = True  # localize() looks inside

    within_days: int = 30
    how: str = ""
    automatic: bool = False
    within_billing_cycles: int | None = None

    @property
    def window(self) -> ClaimWindow:
        """The claim window as a :class:`~slacalc.credits.ClaimWindow`: billing cycles when
        the policy gives them, else ``within_days`` days.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> claims = default_policy().to_agreement().uptime.claims
            >>> claims.window.deadline("2026-11", tz="Europe/Copenhagen").isoformat()
            '2026-12-31T00:00:00+01:00'
        """
        if self.within_billing_cycles is not None:
            return ClaimWindow(billing_cycles=self.within_billing_cycles)
        return ClaimWindow(days=self.within_days)


@dataclass(frozen=True, slots=True)
class Party:
    """A party to the agreement: who it is, where, its company number and its people.

    Attributes:
        name: the company's name.
        address: its postal address, one line.
        cvr: its Danish CVR number (8 digits, checked), empty when it has none.
        vat: its VAT number, for a company outside Denmark.
        contact: the contact person.
        signatory: who signs for it (default the contact person).

    Examples:
        >>> Party("Webbureauet ApS", cvr="13748136").signatory
        ''
    """

    name: str
    address: str = ""
    cvr: str = ""
    vat: str = ""
    contact: str = ""
    signatory: str = ""


@dataclass(frozen=True, slots=True)
class ContractTerms:
    """The clauses a client contract needs besides the service levels; each may be unset.

    Attributes:
        provider: the provider (``None``: not named).
        customer: the customer.
        fee: the fee per ``fee_per`` as an exact amount, without currency.
        currency: the fee's ISO 4217 code (``'DKK'``).
        fee_per: what the fee is paid for: ``'month'``, ``'quarter'`` or ``'year'``.
        effective: the date the agreement takes effect.
        term_months: the first term, in months.
        renewal_months: how long each renewal runs (``None``: no renewal).
        notice_months: the notice either party gives to end it, in months.
        version: the document's version (``'1.0'``).
        date: the document's date.
        exclusions: what does not count as downtime.
        monitoring_interval: how often availability is checked.
        locations: where it is checked from.
        method: how a check decides the service is down.
        sole_remedy: whether service credits are the customer's only remedy for missed
            targets (``None``: not said).
        cap_months: liability is capped at the fees for this many months.
        governing_law: the law that governs the agreement (``'dansk ret'``).
        venue: where disputes are settled.

    Examples:
        >>> from slacalc.policy import default_policy
        >>> default_policy().to_agreement().contract is None
        True
    """

    __has_texts__ = True  # localize() looks inside

    provider: Party | None = None
    customer: Party | None = None
    fee: Decimal | None = None
    currency: str = ""
    fee_per: Literal["month", "quarter", "year"] = "month"
    effective: dt.date | None = None
    term_months: int | None = None
    renewal_months: int | None = None
    notice_months: int | None = None
    version: str = ""
    date: dt.date | None = None
    exclusions: tuple[str, ...] = ()
    monitoring_interval: dt.timedelta | None = None
    locations: tuple[str, ...] = ()
    method: str = ""
    sole_remedy: bool | None = None
    cap_months: int | None = None
    governing_law: str = ""
    venue: str = ""


@dataclass(frozen=True, slots=True)
class UptimeTerms:
    """The uptime promise as exact values: target, period, credits, penalties and rules.

    Attributes:
        target: the availability target as an exact share.
        period: what it is measured over: ``'month'``, ``'quarter'`` or ``'year'``.
        credits: the service-credit tiers (``None`` when there are none).
        ticket_penalties: the per-ticket credits, in the order written.
        maintenance: the maintenance rules (``None``: all downtime counts).
        claims: how credits are claimed (``None`` when the policy does not say).
        termination: when the customer may terminate (``None``: no such right).
        annual_cap: the most credited in a contract year, a share of the annual fee
            (``'10%'``) or an amount (see :func:`~slacalc.credits.apply_annual_cap`).
        hourly_credit: an automatic credit per clock hour with downtime (EC2-style).

    Examples:
        >>> from slacalc.policy import default_policy
        >>> uptime = default_policy().to_agreement().uptime
        >>> uptime.target, uptime.credits.credit("99.4%", fee="1000")
        (Fraction(999, 1000), Decimal('100.00'))
    """

    __has_texts__ = True  # localize() looks inside

    target: Fraction
    period: Literal["month", "quarter", "year"] = "month"
    credits: CreditSchedule | None = None
    ticket_penalties: tuple[TicketPenaltyTerms, ...] = ()
    maintenance: MaintenanceTerms | None = None
    claims: ClaimTerms | None = None
    termination: TerminationRule | None = None
    annual_cap: ShareOrAmount | None = None
    hourly_credit: HourlyCredit | None = None


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    """The answer to "we just got a request": what to promise and how to say it.

    The sentences, day and month names come from the wording catalogue shared with the
    agreement, so the reply never depends on the process locale. Times are shown in the
    severity's calendar's zone, to the minute (cut, never rounded up, so the promise is
    never later than the deadline).

    Attributes:
        severity: the request's severity.
        locale: the language of ``text``.
        received_at: when it arrived, in the severity's calendar's zone.
        is_open: whether the severity's calendar is open at ``received_at``.
        opens_at: the first open instant at or after ``received_at``.
        respond_by: the response deadline (the last on-time instant).
        promised_by: when the response time runs out (``calendar.exhausted_at``): the
            time the text promises. It equals ``respond_by`` except when the time runs
            out exactly at a closing time; then ``respond_by`` is the next opening and the
            text promises the closing time ("by Tuesday at 18:00", not "Wednesday at 09:00").
            A deadline at a closing time ("end of business day") promises that closing
            time too, not the microsecond before it.
        text: the short reply to send.

    Examples:
        >>> import datetime as dt
        >>> from slacalc.policy import default_policy
        >>> policy = default_policy()
        >>> t = dt.datetime(2026, 11, 27, 23, 10, tzinfo=policy.calendar().tz)
        >>> ack = policy.acknowledge("high", t)
        >>> ack.is_open, ack.opens_at.isoformat(), ack.respond_by.isoformat()
        (False, '2026-11-30T09:00:00+01:00', '2026-11-30T10:00:00+01:00')
        >>> ack  # doctest: +NORMALIZE_WHITESPACE
        <Acknowledgement high en, received Fri 2026-11-27 23:10 (closed),
         respond by Mon 2026-11-30 10:00>
        >>> print(ack.to_text())  # doctest: +NORMALIZE_WHITESPACE
        We received your request on Friday 27 November at 23:10. Our support hours are
        Monday–Friday 09:00–18:00 (Copenhagen time). You will hear from us by Monday 30
        November at 10:00.
    """

    severity: str
    locale: Lang
    received_at: dt.datetime
    is_open: bool
    opens_at: dt.datetime
    respond_by: dt.datetime
    promised_by: dt.datetime
    text: str

    def __repr__(self) -> str:
        from slacalc._present.formats import instant_text

        state = "open" if self.is_open else "closed"
        return (
            f"<Acknowledgement {self.severity} {self.locale}, received "
            f"{instant_text(self.received_at)} ({state}), "
            f"respond by {instant_text(self.respond_by)}>"
        )

    def to_text(self) -> str:
        """The reply to send (:attr:`text`)."""
        return self.text

    def __str__(self) -> str:
        return self.text

    def _repr_html_(self) -> str:
        """The reply in a notebook: the text to send, then the instants behind it."""
        from slacalc._present.formats import instant_text
        from slacalc._present.tables import Table, result_html

        rows = (
            ("received", instant_text(self.received_at, offset=True)),
            ("support open then", "yes" if self.is_open else "no"),
            ("opens", instant_text(self.opens_at, offset=True)),
            ("respond by", instant_text(self.respond_by, offset=True)),
            ("promised by", instant_text(self.promised_by, offset=True)),
        )
        title = f"Reply to a {self.severity!r} request ({self.locale})"
        return result_html(title, [self.text], Table(("", "when"), rows))


@runtime_checkable
class _HasAgreement(Protocol):
    """Anything that converts to an agreement (an :class:`~slacalc.policy.SLAPolicy`)."""

    def to_agreement(self) -> Agreement:
        """The agreement as core values."""


PolicyLike: TypeAlias = "SLAPolicy | Agreement | ClockRules | PolicyHistory | PolicyBook"
"""An :class:`~slacalc.policy.SLAPolicy`, its :class:`Agreement`, plain
:class:`~slacalc.timers.ClockRules` (which have no penalties), or a
:class:`~slacalc.policy.PolicyHistory` or :class:`~slacalc.policy.PolicyBook` (whose
reports replay each ticket with the agreement it gets; their terms are the latest or
the default agreement's).

Examples:
    >>> from slacalc.policy import Agreement, default_policy
    >>> policy = default_policy()
    >>> Agreement.from_policy(policy) is policy.to_agreement()
    True
    >>> Agreement.from_policy(policy.clock_rules()).rules == policy.clock_rules()
    True
"""


_HOLIDAY_LANGUAGES = {"en": ("en_US", "en_GB"), "da": ("da",)}


def _running_text(name: str, lang: Lang) -> str:
    """A holiday's name as running text: Danish holidays are lower case ("2. juledag").

    Retskrivningsordbogen (§ 13) writes religious and national holidays with a small
    letter, Kristi himmelfartsdag and Mariæ bebudelsesdag aside.
    """
    if lang != "da" or name.startswith(("Kristi ", "Mariæ ")):
        return name
    name = name[:1].lower() + name[1:]
    return "2. " + name[6:] if name.startswith("anden ") else name


@functools.cache
def _country_names(country: str, year: int, lang: Lang) -> Mapping[dt.date, str]:
    """The public and optional holidays of ``country`` in ``year``, named in ``lang``."""
    import holidays

    try:
        cls = holidays.country_holidays(country).__class__
    except NotImplementedError:
        return {}
    language = next((x for x in _HOLIDAY_LANGUAGES[lang] if x in cls.supported_languages), None)
    categories = tuple(c for c in ("public", "optional") if c in cls.supported_categories)
    found = holidays.country_holidays(country, years=year, language=language, categories=categories)
    if language is None and lang != "en":
        return {}
    return MappingProxyType({day: _running_text(name, lang) for day, name in found.items()})


def _holiday_names(
    sources: tuple[str | dt.date, ...], year: int, lang: Lang
) -> Mapping[dt.date, str]:
    """The holiday names of the policy's countries in ``year``, in ``lang``."""
    names: dict[dt.date, str] = {}
    for source in sources:
        if isinstance(source, str):
            for day, name in _country_names(source.split("+")[0].upper(), year, lang).items():
                names.setdefault(day, name)
    return names


def longest_day(calendar: BusinessCalendar) -> dt.timedelta:
    """The business time of the calendar's longest weekday (holidays and special days aside).

    Examples:
        >>> longest_day(BusinessCalendar("Mon-Fri 09:00-12:00,13:00-17:00", tz="UTC"))
        datetime.timedelta(seconds=25200)
    """
    lengths: dict[int, dt.timedelta] = {}
    day = _PROBE_MONDAY
    while len(lengths) < 7:
        if not calendar.is_holiday(day) and day not in calendar.overrides:
            start = dt.datetime.combine(day, dt.time(), calendar.tz)
            end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), calendar.tz)
            lengths.setdefault(day.weekday(), calendar.elapsed(start, end))
        day += dt.timedelta(days=1)
    return max(lengths.values())


def _check_tuple(value: object, cls: type | tuple[type, ...], field_name: str, hint: str) -> None:
    """Raise :class:`~slacalc.WrongTypeError` unless ``value`` is a tuple of ``cls``."""
    names = " or ".join(c.__name__ for c in (cls if isinstance(cls, tuple) else (cls,)))
    if not isinstance(value, tuple):
        raise WrongTypeError(
            f"Agreement({field_name}=) takes a tuple of {names}, not {shown(value)}; {hint}."
        )
    for i, item in enumerate(value):
        if not isinstance(item, cls):
            raise WrongTypeError(
                f"Agreement({field_name}=) item {i} is {shown(item)}, not a {names}; {hint}."
            )


@dataclass(frozen=True, slots=True)
class Agreement:
    """An SLA as core values: built calendars, clock rules, exact targets and terms.

    :meth:`SLAPolicy.to_agreement() <slacalc.policy.SLAPolicy.to_agreement>` makes it
    once, when the policy is read; reports, the agreement document and the command line
    work from it. Its :attr:`rules` answer deadlines and ticket evaluations, and
    :meth:`acknowledge` writes the out-of-hours reply.

    Attributes:
        name: the agreement's name.
        calendars: every calendar by name: ``'support'``, ``'24x7'`` and the policy's own.
        holidays: the support hours' holidays as written: country codes and dates.
        business_day: how much business time one business day is (``None`` with
            ``business_day = 'same_time'``: the same wall time a business day later).
        full_support_day: whether ``business_day`` is the support hours' longest day
            because the policy does not set it.
        severities: the severities as written, most urgent first.
        rules: the ticket clocks' rules, with business days resolved.
        channels: the ways to reach support.
        in_scope: what the agreement covers.
        out_of_scope: what it does not cover.
        roles: the parties' roles.
        uptime: the uptime promise (``None`` when the policy makes none).
        title: the document's title (empty: ``name``).
        lang: the language the policy's plain texts are written in; its texts may carry
            other languages too (:meth:`in_language`).
        contract: the contract clauses (parties, fee, term, exclusions, measurement,
            liability, law), ``None`` when the policy states none.
        around_the_clock: the names of the calendars that never close (24/7, no holidays
            and no special days); worked out from ``calendars``.


    Raises:
        WrongTypeError: a ``name``, ``calendars`` or ``rules`` of the wrong type (built
            directly rather than by :meth:`SLAPolicy.to_agreement`).

    Examples:
        >>> import datetime as dt
        >>> from slacalc.policy import default_policy
        >>> agreement = default_policy().to_agreement()
        >>> agreement.business_day, agreement.rules.severity("low").response
        (datetime.timedelta(seconds=32400), datetime.timedelta(seconds=64800))
        >>> friday_night = dt.datetime(2026, 11, 27, 23, 10, tzinfo=agreement.support.tz)
        >>> agreement.rules.deadlines("high", friday_night).response.isoformat()
        '2026-11-30T10:00:00+01:00'
    """

    __has_texts__ = True  # localize() looks inside

    name: str
    calendars: Mapping[str, BusinessCalendar]
    holidays: tuple[str | dt.date, ...]
    business_day: dt.timedelta | None
    full_support_day: bool
    severities: tuple[SeverityTerms, ...]
    rules: ClockRules
    channels: tuple[Channel, ...] = ()
    in_scope: tuple[str, ...] = ()
    out_of_scope: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    uptime: UptimeTerms | None = None
    title: str = ""
    lang: Lang = "en"
    contract: ContractTerms | None = None
    around_the_clock: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        hint = "build the agreement with SLAPolicy.to_agreement()"
        check_instance(self.name, str, what="Agreement(name=)", hint=hint)
        check_mapping(
            self.calendars,
            what="Agreement(calendars=)",
            hint="pass {name: BusinessCalendar}, or " + hint,
            error=WrongTypeError,
        )
        for cal in self.calendars.values():
            check_instance(cal, BusinessCalendar, what="Agreement(calendars=)", hint=hint)
        check_instance(self.rules, ClockRules, what="Agreement(rules=)", hint=hint)
        _check_tuple(self.severities, SeverityTerms, "severities", hint)
        _check_tuple(self.holidays, (str, dt.date), "holidays", hint)
        _check_tuple(self.channels, Channel, "channels", hint)
        _check_tuple(self.in_scope, str, "in_scope", hint)
        _check_tuple(self.out_of_scope, str, "out_of_scope", hint)
        _check_tuple(self.roles, Role, "roles", hint)
        if self.business_day is not None:
            check_instance(
                self.business_day, dt.timedelta, what="Agreement(business_day=)", hint=hint
            )
        check_instance(self.full_support_day, bool, what="Agreement(full_support_day=)", hint=hint)
        if self.uptime is not None:
            check_instance(self.uptime, UptimeTerms, what="Agreement(uptime=)", hint=hint)
        if self.contract is not None:
            check_instance(self.contract, ContractTerms, what="Agreement(contract=)", hint=hint)
        check_instance(self.title, str, what="Agreement(title=)", hint=hint)
        check_lang(self.lang)
        always = (n for n, cal in self.calendars.items() if cal == BusinessCalendar.always(cal.tz))
        object.__setattr__(self, "around_the_clock", frozenset(always))

    @classmethod
    def from_policy(cls, policy: object) -> Agreement:
        """The agreement of a policy: an ``SLAPolicy``, an ``Agreement`` or ``ClockRules``.

        Plain :class:`~slacalc.timers.ClockRules` become an agreement whose support
        hours are the first severity's calendar, with no uptime terms.

        Raises:
            InvalidOptionError: ``policy`` is none of these.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> rules = default_policy().clock_rules()
            >>> Agreement.from_policy(rules).support.hours, Agreement.from_policy(rules).period
            ('24/7', 'month')
        """
        if isinstance(policy, Agreement):
            return policy
        if isinstance(policy, _HasAgreement):
            return policy.to_agreement()
        if isinstance(policy, ClockRules):
            return cls._from_rules(policy)
        raise InvalidOptionError(
            f"policy={policy!r} is not a policy; pass an SLAPolicy (e.g. "
            "slacalc.default_policy()) or slacalc.timers.ClockRules."
        )

    @classmethod
    def _from_rules(cls, rules: ClockRules) -> Agreement:
        """An agreement holding only ``rules``: support hours are the first severity's."""
        support = rules.severities[0].calendar
        calendars = {SUPPORT: support, ALWAYS: BusinessCalendar.always(support.tz)}
        names = {cal: name for name, cal in reversed(calendars.items())}
        severities = []
        for s in rules.severities:
            name = names.setdefault(s.calendar, s.name)
            calendars.setdefault(name, s.calendar)
            targets = (s.response, s.resolution, s.next_response, s.periodic_update)
            severities.append(SeverityTerms(s.name, "", name, *targets))
        return cls(
            name="Service level agreement",
            calendars=FrozenDict(calendars),
            holidays=(),
            business_day=longest_day(support),
            full_support_day=True,
            severities=tuple(severities),
            rules=rules,
        )

    @property
    def support(self) -> BusinessCalendar:
        """The support hours' calendar (the zone reports show times in).

        Examples:
            >>> from slacalc.policy import default_policy
            >>> default_policy().to_agreement().support.hours
            'Mon-Fri 09:00-18:00'
        """
        return self.calendars[SUPPORT]

    @property
    def period(self) -> str:
        """The period uptime, credits and penalty caps count over (``'month'`` without uptime).

        Examples:
            >>> from slacalc.policy import default_policy
            >>> default_policy().to_agreement().period
            'month'
        """
        return "month" if self.uptime is None else self.uptime.period

    @property
    def ticket_penalties(self) -> tuple[TicketPenaltyTerms, ...]:
        """The per-ticket credits (none without uptime terms).

        Examples:
            >>> from slacalc.policy import default_policy
            >>> default_policy().to_agreement().ticket_penalties
            ()
        """
        return () if self.uptime is None else self.uptime.ticket_penalties

    def in_language(self, lang: Lang, *, fallback: bool = False) -> Agreement:
        """This agreement with every text the policy holds in ``lang``.

        Args:
            lang: ``"en"`` or ``"da"``.
            fallback: where a text lacks ``lang``, keep the policy language's text
                instead of refusing.

        Raises:
            InvalidOptionError: an unknown ``lang``.
            PolicyValidationError: some texts lack ``lang``; the message lists their
                fields (``severities[0].description``, ``scope.included[2]``, ...).

        Examples:
            >>> from slacalc.policy import default_policy
            >>> danish = default_policy("da").to_agreement()
            >>> danish.in_language("en").channels[2].name, danish.channels[2].name
            ('Phone', 'telefon')
        """
        from slacalc.policy._texts import localize

        found = localize(self, lang, fallback=fallback)
        return found if found.lang == lang else replace(found, lang=lang)

    def closed_days(self, year: int, lang: Lang = "en") -> tuple[tuple[dt.date, str], ...]:
        """The days of ``year`` on which support would be open by its weekly hours but is closed.

        Each comes with the name of the holiday that closes it, in ``lang`` (public and
        optional holidays of the policy's countries; Danish names written as in running
        text, "2. juledag"), or ``""`` for a closed day without a name.

        Raises:
            OutOfRangeError: ``year`` is outside the years 2-9998.
            InvalidOptionError: ``year`` is not an int.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> days = default_policy("da").to_agreement().closed_days(2027, "da")
            >>> [f"{d:%m-%d} {name}" for d, name in days[-4:]]
            ['05-06 Kristi himmelfartsdag', '05-17 2. pinsedag', '12-24 juleaftensdag',
             '12-31 nytårsaften']
        """
        if isinstance(year, bool) or not isinstance(year, int):
            raise InvalidOptionError(f"year={shown(year)} is not a year; pass e.g. 2027.")
        if not 2 <= year <= 9998:
            raise OutOfRangeError(
                f"year={shown(year)} lies outside the years 2-9998 that slacalc answers "
                "about; pass a year within them, e.g. 2027."
            )
        lang = check_lang(lang)
        weekly = self._weekly()
        names = _holiday_names(self.holidays, year, lang)
        day, out = dt.date(year, 1, 1), []
        while day.year == year:
            if weekly.is_business_day(day) and not self.support.is_business_day(day):
                out.append((day, self._closed_name(day, lang, names)))
            day += dt.timedelta(days=1)
        return tuple(out)

    def _weekly(self) -> BusinessCalendar:
        """The support hours without holidays or special days."""
        support = self.support
        return BusinessCalendar(support.hours, tz=support.tz, seasons=support.seasons or None)

    def _closed_name(self, day: dt.date, lang: Lang, names: Mapping[dt.date, str]) -> str:
        """The name of what closes support on ``day`` (``""`` when it has none)."""
        own = self.support.holiday_names(day)
        return names.get(day) or (_running_text(own[0], lang) if own else "")

    def calendar(self, name: str = SUPPORT) -> BusinessCalendar:
        """A calendar by name: ``'support'``, ``'24x7'`` or one of the policy's own.

        Raises:
            PolicyValidationError: the agreement has no calendar of that name.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> default_policy().to_agreement().calendar("24x7").hours
            '24/7'
        """
        found = self.calendars.get(name) if isinstance(name, str) else None
        if found is None:
            known = ", ".join(repr(k) for k in self.calendars)
            raise PolicyValidationError(
                f"{shown(name)} is not a calendar of this policy; use one of {known}."
            )
        return found

    def severity(self, name: str) -> SeverityTerms:
        """The severity called ``name``.

        Raises:
            UnknownSeverityError: the agreement has no such severity.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> default_policy().to_agreement().severity("high").resolution
            datetime.timedelta(seconds=28800)
        """
        return self.severities[self.rules.severities.index(self.rules.severity(name))]

    def is_around_the_clock(self, severity: str) -> bool:
        """Whether the severity's clocks run 24x7 (no closed hours, no holidays).

        Examples:
            >>> from slacalc.policy import default_policy
            >>> default_policy().to_agreement().is_around_the_clock("high")
            False
        """
        return self.severity(severity).calendar in self.around_the_clock

    def acknowledge(
        self,
        severity: str,
        received_at: dt.datetime,
        locale: Lang = "en",
        *,
        tz: dt.tzinfo | None = None,
    ) -> Acknowledgement:
        """The reply to a request received at ``received_at`` (see :meth:`SLAPolicy.acknowledge`).

        With ``tz`` (the customer's zone, when it is not the calendar's) the instants are
        given in that zone, and the text says so; the support hours stay in their own zone.

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> agreement = default_policy().to_agreement()
            >>> t = dt.datetime(2026, 11, 27, 23, 10, tzinfo=agreement.support.tz)
            >>> agreement.acknowledge("high", t).respond_by.isoformat()
            '2026-11-30T10:00:00+01:00'
            >>> danish = default_policy("da").to_agreement()
            >>> print(danish.acknowledge("critical", t, "da").text)
            Vi har modtaget din henvendelse fredag den 27. november kl. 23.10. Henvendelser af
            typen »Kritisk« behandles døgnet rundt, alle årets dage. Du hører fra os senest
            fredag den 27. november kl. 23.25.
            >>> boxing_day = dt.datetime(2025, 12, 26, 10, tzinfo=agreement.support.tz)
            >>> print(danish.acknowledge("high", boxing_day, "da").text)
            Vi har modtaget din henvendelse fredag den 26. december kl. 10.00. Supporten er
            lukket i dag, 2. juledag. Vores supporttid er mandag–fredag kl. 09.00–18.00
            (dansk tid). Du hører fra os senest mandag den 29. december kl. 10.00.
        """
        from slacalc.policy._texts import localize

        lang = check_lang(locale)
        words = catalogue(lang)
        spec = self.rules.severity(severity)
        cal = spec.calendar
        received = from_us(to_us(received_at), cal.tz)
        respond_by = self.rules.deadlines(severity, received).response
        target = spec.target_us("response", received)
        assert target is not None
        promised_by = cal.exhausted_at(received, dt.timedelta(microseconds=target))
        if cal.is_open(promised_by) and not cal.is_open(promised_by + _US):
            promised_by += _US  # the last open µs of a day: the closing time is promised
        if self.is_around_the_clock(severity):
            label = localize(self.severity(severity), lang, fallback=True).display_name
            hours = words.say("reply.always", name=label, Name=label[:1].upper() + label[1:])
        else:
            zone = zone_words(cal.tz, lang)
            hours = words.say("reply.hours", hours=hours_words(cal.hours, lang), zone=zone)
        shown = cal.tz if tz is None else tz
        own = shown == cal.tz or (
            isinstance(shown, ZoneInfo) and isinstance(cal.tz, ZoneInfo) and shown.key == cal.tz.key
        )

        def when(t: dt.datetime) -> str:
            text = when_words(t.astimezone(shown), lang)
            return text if own else f"{text} ({zone_words(shown, lang)})"

        parts = [words.say("reply.received", when=when(received)), hours]
        day = received.date()
        if (
            cal is self.support
            and not cal.is_business_day(day)
            and self._weekly().is_business_day(day)
        ):
            name = self._closed_name(day, lang, _holiday_names(self.holidays, day.year, lang))
            closed = (
                words.say("reply.closed", name=name) if name else words.say("reply.closed_unnamed")
            )
            parts.insert(1, closed)
        parts.append(words.say("reply.promise", when=when(promised_by)))
        opens_at = cal.next_open(received)
        return Acknowledgement(
            severity=spec.name,
            locale=lang,
            received_at=received.astimezone(shown),
            is_open=cal.is_open(received),
            opens_at=opens_at.astimezone(shown),
            respond_by=respond_by.astimezone(shown),
            promised_by=promised_by.astimezone(shown),
            text=" ".join(parts),
        )
