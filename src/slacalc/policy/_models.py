"""The SLA policy file: pydantic models at the edge, converted once into an :class:`Agreement`."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    model_validator,
)

from slacalc._present.catalogue import Lang
from slacalc._present.tables import Table, result_html, table_text
from slacalc._validate import check_data, shown
from slacalc.calendar import BusinessCalendar
from slacalc.credits import CreditSchedule, HourlyCredit, TerminationRule, TicketPenalty
from slacalc.errors import (
    InvalidDateError,
    InvalidOptionError,
    PolicyValidationError,
    SlacalcError,
)
from slacalc.policy._agreement import (
    ALWAYS,
    SUPPORT,
    Acknowledgement,
    Agreement,
    Channel,
    ClaimTerms,
    ContractTerms,
    MaintenanceTerms,
    Party,
    Role,
    SeverityTerms,
    TicketPenaltyTerms,
    UptimeTerms,
    longest_day,
)
from slacalc.policy._fields import (
    DayLengthText,
    DurationText,
    FrozenDict,
    HolidayList,
    HoursText,
    OverridesTable,
    PercentText,
    TargetText,
    TimezoneText,
    check_targets,
    convert_validation_error,
    parse_percent,
    parse_target,
    policy_error,
)
from slacalc.policy._parse import parse_duration, parse_holiday
from slacalc.policy._presets import PRESETS, apply_preset
from slacalc.policy._texts import LocalText, check_text
from slacalc.timers import (
    DEFAULT_STATUSES,
    BusinessDays,
    ClockRules,
    Deadlines,
    Escalation,
    EventLike,
    ExtraKeys,
    History,
    MetricDefinition,
    PauseMode,
    Recurrence,
    ReopenMode,
    SeverityChangeMode,
    SeverityTargets,
    StatusCategory,
    Target,
    TicketStatus,
    TimeBasis,
    WarningThreshold,
    builtin_metrics,
)
from slacalc.uptime import MaintenanceMode

__all__ = [
    "CalendarSpec",
    "ChannelSpec",
    "ClaimsSpec",
    "CreditTierSpec",
    "DowntimeSpec",
    "EscalationSpec",
    "HourlyCreditSpec",
    "LawSpec",
    "LiabilitySpec",
    "MaintenanceSpec",
    "MetricSpec",
    "PartiesSpec",
    "PartySpec",
    "RoleSpec",
    "SLAPolicy",
    "ScopeSpec",
    "SeverityPolicy",
    "TerminationSpec",
    "TermsSpec",
    "TicketPenaltySpec",
    "UptimeSpec",
    "WarningSpec",
]


_OWN = ("response", "resolution", "next_response", "periodic_update")
_DUE = re.compile(r"due from field\s+(\S+)", re.IGNORECASE)


def _unknown(path: str, name: str, known: Sequence[str], what: str) -> list[tuple[str, str]]:
    """``[(path, problem)]`` when ``name`` is not one of ``known`` (a ``what``), else ``[]``."""
    if name in known:
        return []
    return [(path, f"{name!r} is not a {what}; use one of {', '.join(map(repr, known))}.")]


def _own_calendars(calendars: dict[str, Any]) -> FrozenDict[str, Any]:
    """The policy's own calendars, none of them named like a built-in one."""
    if taken := [name for name in calendars if name in (SUPPORT, ALWAYS)]:
        builtin = "is a built-in calendar name; choose another name."
        raise policy_error([(name, f"{name!r} {builtin}") for name in taken])
    return FrozenDict(calendars)


class _Model(BaseModel):
    """A frozen pydantic model whose validation errors are slacalc errors."""

    # Built on first use, not on import: a command that reads one policy pays for the
    # validator of the model it builds, and the nested models are validated inside it.
    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=False, defer_build=True)

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise convert_validation_error(exc, type(self)) from None

    # Pydantic calls a model's own ``__init__`` for every nested value when the class
    # defines one, which needs a validator per nested model; this ``__init__`` only
    # translates errors, so nested values may be validated inline by the outer model
    # (their errors reach the outer ``__init__`` with their full path).
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]


def _recurring_table(value: object) -> FrozenDict[str, str]:
    """Recurring special hours, checked and in the calendar's canonical form."""
    try:
        cal = BusinessCalendar("24/7", tz="UTC", recurring=value or None)  # type: ignore[arg-type]
    except SlacalcError as exc:
        raise ValueError(str(exc)) from None
    return FrozenDict(cal.recurring)


def _seasons_table(value: object) -> FrozenDict[str, str]:
    """Seasons, checked and in the calendar's canonical form."""
    try:
        cal = BusinessCalendar("24/7", tz="UTC", seasons=value or None)  # type: ignore[arg-type]
    except SlacalcError as exc:
        raise ValueError(str(exc)) from None
    return FrozenDict(cal.seasons)


def _frozen_text(value: str | dict[str, str]) -> str | FrozenDict[str, str]:
    """A text table frozen (a plain string as it is)."""
    return value if isinstance(value, str) else FrozenDict(value)


Text = Annotated[str | dict[str, str], BeforeValidator(check_text), AfterValidator(_frozen_text)]
"""Text for people: a plain string in the policy's ``lang``, or a table by language
(``{ en = "Backups", da = "Sikkerhedskopier" }``)."""

RecurringTable = Annotated[dict[str, str], BeforeValidator(_recurring_table)]
"""Recurring special hours: rule (``'12-24'``, ``'last Fri of Nov'``) -> hours or ``'closed'``."""
SeasonsTable = Annotated[dict[str, str], BeforeValidator(_seasons_table)]
"""Seasons: ``'Apr-Sep'`` or ``'06-15..08-15'`` -> weekly hours."""


class CalendarSpec(_Model):
    """Business hours in a time zone, with holidays and special days (a calendar's recipe).

    Examples:
        >>> spec = CalendarSpec(hours="Mon-Fri 09:00-18:00", tz="Europe/Copenhagen", holidays="DK")
        >>> spec.holidays, spec.build().hours
        (('DK',), 'Mon-Fri 09:00-18:00')
    """

    hours: HoursText = Field(description="Weekly hours, e.g. 'Mon-Fri 09:00-18:00'.")
    tz: TimezoneText = Field(description="IANA time zone, e.g. 'Europe/Copenhagen'.")
    holidays: HolidayList = Field(
        default=(), description="Country codes ('DK', 'DK+optional') and ISO dates."
    )
    overrides: OverridesTable = Field(
        default_factory=FrozenDict, description="ISO date -> hours ('09:00-12:00') or 'closed'."
    )
    recurring: RecurringTable = Field(
        default_factory=FrozenDict,
        description="Every year: rule ('12-24', 'last Fri of Nov') -> hours or 'closed'.",
    )
    seasons: SeasonsTable = Field(
        default_factory=FrozenDict,
        description="Every year: season ('Apr-Sep') -> weekly hours ('Mon-Fri 08:00-16:00').",
    )

    _calendar: BusinessCalendar = PrivateAttr()

    @model_validator(mode="after")
    def _builds(self) -> CalendarSpec:
        # The one calendar is built here; it checks the holiday codes and dates and the
        # special days' hours (each field has already checked its own shape).
        overrides: dict[dt.date | str, str | list[str] | tuple[str, ...]] = {}
        overrides.update(self.overrides)
        try:
            self._calendar = BusinessCalendar(
                self.hours,
                tz=self.tz,
                holidays=list(self.holidays) or None,
                overrides=overrides,
                recurring=dict(self.recurring),
                seasons=dict(self.seasons),
            )
        except SlacalcError as exc:
            field = "holidays" if isinstance(exc, (LookupError, InvalidDateError)) else "overrides"
            raise policy_error([(field, str(exc))]) from None
        # The special days' hours as the calendar writes them (set once, while validating).
        canonical = {d.isoformat(): text for d, text in self._calendar.overrides.items()}
        object.__setattr__(self, "overrides", FrozenDict(canonical))
        return self

    def build(self) -> BusinessCalendar:
        """The :class:`~slacalc.calendar.BusinessCalendar` this describes (built once).

        Examples:
            >>> CalendarSpec(hours="24/7", tz="UTC").build().hours
            '24/7'
        """
        return self._calendar


class WarningSpec(_Model):
    """A warning threshold: ``percent`` of the target used, or ``before`` the deadline.

    ``before`` is business time on the severity's calendar unless ``measured_in =
    'calendar'`` (wall-clock time left before the deadline, nights and weekends included).

    Examples:
        >>> WarningSpec(percent="75%").percent, WarningSpec(before="15m").before
        ('75%', '15m')
        >>> WarningSpec(before="2h", measured_in="calendar").measured_in
        'calendar'
    """

    percent: PercentText | None = Field(default=None, description="Share of the target, '75%'.")
    before: DurationText | None = Field(
        default=None, description="Time left before the deadline, '15m'."
    )
    measured_in: TimeBasis | None = Field(
        default=None,
        description="How 'before' is measured: 'business' time (default) or wall-clock "
        "'calendar' time.",
    )

    @model_validator(mode="after")
    def _one(self) -> WarningSpec:
        if (self.percent is None) == (self.before is None):
            raise ValueError(
                "a warning needs exactly one of percent and before; write e.g. "
                "{percent = '75%'} or {before = '15m'}"
            )
        if self.percent is not None and parse_percent(self.percent) == 0:
            raise ValueError(f"percent {self.percent!r} is zero; give a share above '0%'")
        if self.percent is not None and self.measured_in == "calendar":
            raise policy_error(
                [
                    (
                        "measured_in",
                        f"{self.measured_in!r} goes with before, not percent (a share of "
                        "business time); write {before = '2h', measured_in = 'calendar'}.",
                    )
                ]
            )
        return self

    def build(self) -> WarningThreshold:
        """The core :class:`~slacalc.timers.WarningThreshold` this describes.

        Examples:
            >>> WarningSpec(before="2h", measured_in="calendar").build().is_calendar
            True
        """
        return WarningThreshold(self.percent, self.before, self.measured_in or "business")


class EscalationSpec(_Model):
    """An escalation level reached ``after`` a clock's breach (``[[severities.escalations]]``).

    ``after`` is business time on the severity's calendar unless ``measured_in =
    'calendar'``. Levels and offsets must increase down the list.

    Examples:
        >>> spec = EscalationSpec(level=2, after="1h")
        >>> spec.build()
        Escalation(level=2, after=datetime.timedelta(seconds=3600), measured_in='business')
    """

    level: int = Field(ge=1, strict=True, description="The level, 1 or more.")
    after: DurationText = Field(description="Time after the breach, '1h'.")
    measured_in: TimeBasis = Field(
        default="business",
        description="How 'after' is measured: 'business' time or wall-clock 'calendar' time.",
    )

    def build(self) -> Escalation:
        """The core :class:`~slacalc.timers.Escalation` this describes.

        Examples:
            >>> EscalationSpec(level=1, after="24h", measured_in="calendar").build().after.days
            1
        """
        return Escalation(self.level, self.after, self.measured_in)


def _escalation_problems(escalations: Sequence[EscalationSpec]) -> list[tuple[str, str]]:
    """``[(path, problem)]`` for escalations whose levels or offsets do not increase."""
    problems: list[tuple[str, str]] = []
    for i in range(1, len(escalations)):
        a, b = escalations[i - 1], escalations[i]
        if b.level <= a.level:
            problems.append(
                (
                    f"escalations[{i}].level",
                    f"level {b.level!r} follows level {a.level!r}; list each level once, "
                    "in increasing order (1, 2, 3).",
                )
            )
        elif a.measured_in == b.measured_in and b.build().after <= a.build().after:
            problems.append(
                (
                    f"escalations[{i}].after",
                    f"{b.after!r} is not later than level {a.level!r}'s {a.after!r}; give each "
                    "higher level a longer offset.",
                )
            )
    return problems


class MetricSpec(_Model):
    """A clock the policy defines, or changes: its start, stop, pause, cancel and reset conditions.

    A built-in metric (``first_response``/``response``, ``resolution``,
    ``next_response``, ``periodic_update``, ``first_resolution``) keeps every key the
    entry leaves out; a new metric needs ``start_on`` and ``stop_on``. The conditions
    are those of :class:`slacalc.timers.MetricDefinition`.

    Examples:
        >>> MetricSpec(name="first_response", pause_on=[]).pause_on
        ()
    """

    name: str = Field(min_length=1, description="The metric's name, e.g. 'time_to_assign'.")
    start_on: tuple[str, ...] | None = Field(default=None, description="Events that start it.")
    stop_on: tuple[str, ...] | None = Field(default=None, description="Events that stop it.")
    pause_on: tuple[str, ...] | None = Field(
        default=None, description="States it pauses in; default: waiting on the customer."
    )
    cancel_on: tuple[str, ...] | None = Field(default=None, description="States that cancel it.")
    reset_on: tuple[str, ...] | None = Field(
        default=None, description="Events that end its cycle and start a new one."
    )
    recurrence: Recurrence | None = Field(
        default=None, description="'once', 'each' or 'continue' (after a stop)."
    )
    after: str | None = Field(default=None, description="Start only after this metric stopped.")
    calendar: str | None = Field(
        default=None, description="'support', '24x7' or a policy calendar; default the severity's."
    )
    start_from: str | None = Field(
        default=None, description="A datetime field to start at (retroactive start)."
    )
    pause_mode: PauseMode | None = Field(default=None, description="This clock's pause mode.")

    def build(
        self, builtins: Mapping[str, MetricDefinition], calendars: Mapping[str, BusinessCalendar]
    ) -> MetricDefinition:
        """The definition: this entry over the built-in metric of the same name, if any."""
        base = builtins.get(MetricDefinition.canonical(self.name))
        given = {
            k: v
            for k, v in self.model_dump(exclude={"name", "calendar"}).items()
            if k in self.model_fields_set
        }
        if "calendar" in self.model_fields_set and self.calendar is not None:
            given["calendar"] = calendars[self.calendar]
        if base is not None:
            return base.replace(**given)
        return MetricDefinition(self.name, **given)


class SeverityPolicy(_Model):
    """One severity: what it means, its targets, the calendar its clocks run on, its warnings.

    Targets in minutes and hours are business time on the severity's calendar;
    ``'N business days'`` follows the policy's ``business_day``. ``resolution = None``
    means a work queue: no resolution deadline.

    Examples:
        >>> high = SeverityPolicy(name="high", response="1h", resolution="8h")
        >>> high.calendar, high.resolution
        ('support', '8h')
    """

    name: str = Field(min_length=1, description="The severity's name, e.g. 'high'.")
    description: Text = Field(default="", description="What the severity means, for people.")
    label: Text | None = Field(
        default=None, description="The name people read, e.g. { en = 'Critical', da = 'Kritisk' }."
    )
    response: TargetText = Field(description="Time to first public response.")
    resolution: TargetText | None = Field(
        default=None, description="Time to resolve; none = queue."
    )
    next_response: TargetText | None = Field(
        default=None, description="Time to answer each later customer reply."
    )
    periodic_update: TargetText | None = Field(
        default=None, description="Longest time between public responses."
    )
    calendar: str = Field(
        default=SUPPORT, description="'support', '24x7' or a name from the policy's calendars."
    )
    warnings: tuple[WarningSpec, ...] = Field(default=(), description="When clocks warn.")
    escalations: tuple[EscalationSpec, ...] = Field(
        default=(), description="Escalation levels after a breach, in increasing order."
    )
    targets: dict[str, TargetText] = Field(
        default_factory=FrozenDict,
        description="Targets of other metrics by name, e.g. {time_to_assign = '30m'}.",
    )
    calendars: dict[str, str] = Field(
        default_factory=FrozenDict,
        description="A calendar per metric for this severity, e.g. {response = '24x7'}.",
    )

    @model_validator(mode="after")
    def _escalations_increase(self) -> SeverityPolicy:
        if problems := _escalation_problems(self.escalations):
            raise policy_error(problems)
        return self


class ChannelSpec(_Model):
    """A way to reach support, and the hours it is staffed.

    Examples:
        >>> ChannelSpec(name="Phone", kind="phone", contact="+45 70 00 00 00").hours
        'support'
    """

    name: Text = Field(min_length=1)
    kind: Literal["ticket", "email", "phone", "chat", "other"]
    contact: str = ""
    hours: str = Field(default=SUPPORT, description="A calendar name: 'support', '24x7', ...")
    description: Text = ""


class ScopeSpec(_Model):
    """What the agreement covers and what it does not.

    Examples:
        >>> ScopeSpec(included=["Backups"], excluded=["Redesigns"]).included
        ('Backups',)
    """

    included: tuple[Text, ...] = ()
    excluded: tuple[Text, ...] = ()


class RoleSpec(_Model):
    """A role of one party and what it is responsible for.

    Examples:
        >>> RoleSpec(party="customer", title="Owner", responsibilities=["Approve changes"]).party
        'customer'
    """

    party: Literal["provider", "customer"]
    title: Text = Field(min_length=1)
    responsibilities: tuple[Text, ...] = ()


class CreditTierSpec(_Model):
    """A service credit: ``credit`` of the fee when availability is below ``below``.

    Examples:
        >>> CreditTierSpec(below="99.9%", credit="5%").credit
        '5%'
    """

    below: PercentText = Field(description="Availability below which the credit applies.")
    credit: PercentText = Field(description="Share of the period's fee credited.")


class TicketPenaltySpec(_Model):
    """A credit per ticket whose clock breached: ``credit`` of the fee per breached ticket.

    Optionally ``per_late`` of the fee for every ``late_unit`` late, and a ``cap`` on the
    total over a period (as in :class:`slacalc.credits.TicketPenalty`).

    Examples:
        >>> spec = TicketPenaltySpec(severity="critical", metric="resolution", credit="2%")
        >>> spec.credit, spec.late_unit, spec.cap
        ('2%', '1h', None)
    """

    severity: str
    metric: Literal["response", "resolution"]
    credit: PercentText = Field(description="Share of the fee per breached ticket.")
    per_late: PercentText | None = Field(default=None, description="Share per late_unit late.")
    late_unit: DurationText = "1h"
    cap: PercentText | None = Field(default=None, description="Most charged over a period.")


def _claim_days(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{value!r} is not a number of days; write a whole number such as 30")
    if value < 1:
        raise ValueError(f"{value!r} is not a positive number of days; write e.g. 30")
    return value


class MaintenanceSpec(_Model):
    """The rules for planned maintenance: when, with how much notice, how much, how it counts.

    ``window`` is weekly hours in the support hours' time zone (a
    :class:`~slacalc.BusinessCalendar` hours string); the window, notice and monthly
    limit are terms of the agreement, for people. ``mode`` says how the maintenance
    windows you pass to :func:`slacalc.measure_availability` (or ``slacalc
    availability --maintenance``) count: ``"count_as_up"`` (not downtime, still in the
    total: the usual contract wording) or ``"exclude"`` (left out of the total).

    Examples:
        >>> spec = MaintenanceSpec(window="sun 02:00-06:00", notice="48h", max_per_month="4h")
        >>> spec.window, spec.mode, spec.notice
        ('Sun 02:00-06:00', 'count_as_up', '48h')
    """

    window: HoursText = Field(
        description="Weekly hours in the support zone when maintenance may happen, "
        "e.g. 'Sun 02:00-06:00'."
    )
    notice: DurationText | None = Field(
        default=None, description="Advance notice required, e.g. '48h'; none = no notice."
    )
    max_per_month: DurationText | None = Field(
        default=None, description="The most planned maintenance in a month, e.g. '4h'."
    )
    mode: MaintenanceMode = Field(
        default="count_as_up",
        description="'count_as_up' (not downtime, stays in the total) or 'exclude' "
        "(removed from the total).",
    )


class ClaimsSpec(_Model):
    """How service credits are claimed: within how many days, how, or applied automatically.

    ``claim_within_days`` counts calendar days after the end of the period the credit
    is for (the uptime ``period``: usually the calendar month).

    Examples:
        >>> ClaimsSpec(claim_within_days=30, how="By e-mail to support.").automatic
        False
    """

    claim_within_days: Annotated[int, BeforeValidator(_claim_days)] = Field(
        default=30, description="Calendar days after the period ends to claim a credit."
    )
    how: Text = Field(default="", description="How to claim, for people.")
    automatic: bool = Field(
        default=False, description="Whether credits are applied without a claim."
    )
    within_billing_cycles: Annotated[int, BeforeValidator(_claim_days)] | None = Field(
        default=None,
        description="Claim by the end of this many monthly billing cycles after the period "
        "(AWS: 2, 'by the end of the second billing cycle'); replaces claim_within_days.",
    )


class TerminationSpec(_Model):
    """When the customer may terminate: periods below ``floor``, ``consecutive`` in a row,
    or any ``count`` within ``within`` periods.

    Examples:
        >>> TerminationSpec(floor="95%", count=3, within=12).consecutive is None
        True
    """

    floor: PercentText = Field(description="The availability a period must reach.")
    consecutive: int | None = Field(
        default=None, ge=1, description="Periods below the floor in a row, e.g. 3."
    )
    count: int | None = Field(
        default=None, ge=1, description="Periods below the floor among 'within', e.g. 3."
    )
    within: int | None = Field(
        default=None, ge=1, description="The periods 'count' is taken over, e.g. 12."
    )


class HourlyCreditSpec(_Model):
    """An automatic credit for every clock hour with more than ``more_than`` unavailable
    (Amazon EC2: six minutes).

    Examples:
        >>> HourlyCreditSpec().more_than
        '6m'
    """

    more_than: DurationText = Field(
        default="6m", description="Unavailability in a clock hour above which it is credited."
    )


class UptimeSpec(_Model):
    """The uptime promise: a target per period, credits below it, per-ticket penalties,
    the maintenance rules and how credits are claimed.

    Examples:
        >>> UptimeSpec(target="99.9%", credits=[{"below": "99.9%", "credit": "5%"}]).credits[0]
        CreditTierSpec(below='99.9%', credit='5%')
        >>> spec = UptimeSpec(maintenance={"window": "Sun 02:00-06:00", "mode": "exclude"})
        >>> spec.maintenance.mode
        'exclude'
    """

    target: PercentText = "99.9%"
    period: Literal["month", "quarter", "year"] = "month"
    credits: tuple[CreditTierSpec, ...] = ()
    ticket_penalties: tuple[TicketPenaltySpec, ...] = ()
    maintenance: MaintenanceSpec | None = Field(
        default=None, description="Planned maintenance rules; none = all downtime counts."
    )
    claims: ClaimsSpec | None = Field(default=None, description="How credits are claimed.")
    termination: TerminationSpec | None = Field(
        default=None, description="When the customer may terminate for poor availability."
    )
    annual_cap: str | None = Field(
        default=None,
        description="The most credited in a contract year: a share of the annual fee "
        "('10%') or an amount ('1000.00').",
    )
    hourly_credit: HourlyCreditSpec | None = Field(
        default=None, description="An automatic credit per clock hour with downtime."
    )


_CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def _cvr_text(value: object) -> object:
    """A Danish CVR number: 8 digits whose modulus-11 check holds (Erhvervsstyrelsen)."""
    text = str(value).replace(" ", "") if isinstance(value, (str, int)) else None
    if text is None or len(text) != 8 or not text.isascii() or not text.isdigit():
        raise ValueError(f"{value!r} is not a CVR number; write its 8 digits, e.g. '13748136'.")
    if sum(int(d) * w for d, w in zip(text, _CVR_WEIGHTS, strict=True)) % 11:
        raise ValueError(
            f"{value!r} is not a valid CVR number (its check digit does not match); "
            "copy it from the CVR register (datacvr.virk.dk)."
        )
    return text


def _money_text(value: object) -> object:
    """An exact amount: text or a whole number, never a float."""
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise ValueError(f"{value!r} is not an exact amount; write it as text, e.g. '4500.00'.")
    try:
        amount = Decimal(str(value).replace("_", ""))
    except InvalidOperation:
        raise ValueError(f"{value!r} is not an amount; write e.g. '4500.00'.") from None
    if not amount.is_finite() or amount < 0:
        raise ValueError(f"{value!r} is not an amount of money; write e.g. '4500.00'.")
    return str(amount)


def _currency_text(value: object) -> object:
    """An ISO 4217 currency code, upper case."""
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{3}", value):
        raise ValueError(f"{value!r} is not a currency code; write three letters, e.g. 'DKK'.")
    return value.upper()


def _months(value: object) -> object:
    """A positive whole number of months."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{value!r} is not a number of months; write a whole number, e.g. 12.")
    return value


CvrText = Annotated[str, BeforeValidator(_cvr_text)]
"""A Danish CVR number: 8 digits with a valid check digit."""
MoneyText = Annotated[str, BeforeValidator(_money_text)]
"""An exact amount of money as text: ``'4500.00'``."""
Months = Annotated[int, BeforeValidator(_months)]
"""A positive whole number of months."""


class PartySpec(_Model):
    """A party: company name, address, CVR or VAT number, contact person and signatory.

    Examples:
        >>> PartySpec(name="Webbureauet ApS", cvr="1374 8136").cvr
        '13748136'
        >>> PartySpec(name="Kunde A/S", cvr="12345678")
        Traceback (most recent call last):
        ...
        slacalc.errors.PolicyValidationError: cvr: '12345678' is not a valid CVR number (its check digit does not match); copy it from the CVR register (datacvr.virk.dk).
    """  # noqa: E501

    name: str = Field(min_length=1, description="The company's name.")
    address: str = Field(default="", description="Its postal address, one line.")
    cvr: CvrText | None = Field(default=None, description="Its CVR number (8 digits).")
    vat: str = Field(default="", description="Its VAT number, outside Denmark.")
    contact: str = Field(default="", description="The contact person.")
    signatory: str = Field(default="", description="Who signs; default the contact person.")

    def build(self) -> Party:
        """The party as a core value.

        Examples:
            >>> PartySpec(name="Kunde A/S", contact="Ole").build().signatory
            'Ole'
        """
        return Party(
            self.name,
            self.address,
            self.cvr or "",
            self.vat,
            self.contact,
            self.signatory or self.contact,
        )


class PartiesSpec(_Model):
    """The provider and the customer.

    Examples:
        >>> PartiesSpec(customer={"name": "Kunde A/S"}).customer.name
        'Kunde A/S'
    """

    provider: PartySpec | None = None
    customer: PartySpec | None = None


class TermsSpec(_Model):
    """Fee, dates and duration: what is paid, from when, for how long, how it ends.

    Examples:
        >>> terms = TermsSpec(fee="4500", currency="dkk", effective="2027-01-01", term_months=12)
        >>> terms.fee, terms.currency, terms.effective
        ('4500', 'DKK', datetime.date(2027, 1, 1))
    """

    fee: MoneyText | None = Field(default=None, description="The fee per fee_per, '4500.00'.")
    currency: Annotated[str, BeforeValidator(_currency_text)] = Field(
        default="DKK", description="ISO 4217 code, 'DKK'."
    )
    fee_per: Literal["month", "quarter", "year"] = "month"
    effective: dt.date | None = Field(default=None, description="When the agreement starts.")
    term_months: Months | None = Field(default=None, description="The first term in months.")
    renewal_months: Months | None = Field(
        default=None, description="Each renewal's length in months; none = no renewal."
    )
    notice_months: Months | None = Field(default=None, description="Notice to end it, months.")
    version: str = Field(default="", description="The document's version, '1.0'.")
    date: dt.date | None = Field(default=None, description="The document's date.")


class DowntimeSpec(_Model):
    """How downtime is measured and what does not count as downtime.

    Examples:
        >>> DowntimeSpec(monitoring_interval="1m", locations=["Copenhagen"]).monitoring_interval
        '1m'
    """

    exclusions: tuple[Text, ...] = Field(default=(), description="What is not downtime.")
    monitoring_interval: DurationText | None = Field(
        default=None, description="How often availability is checked, '1m'."
    )
    locations: tuple[Text, ...] = Field(default=(), description="Where it is checked from.")
    method: Text = Field(default="", description="How a check decides the service is down.")


class LiabilitySpec(_Model):
    """Credits as the sole remedy, and the cap on liability.

    Examples:
        >>> LiabilitySpec(cap_months=12).sole_remedy
        True
    """

    sole_remedy: bool = Field(default=True, description="Credits are the only remedy.")
    cap_months: Months | None = Field(
        default=None, description="Liability is capped at the fees for this many months."
    )


class LawSpec(_Model):
    """The law that governs the agreement and where disputes are settled.

    Examples:
        >>> LawSpec(governing={"da": "dansk ret", "en": "Danish law"}).governing["en"]
        'Danish law'
    """

    governing: Text = Field(description="The governing law, 'Danish law'.")
    venue: Text = Field(default="", description="Where disputes are settled.")


def _contract_terms(policy: SLAPolicy) -> ContractTerms | None:
    """The contract clauses as core values (``None`` when the policy states none)."""
    parties, terms, downtime = policy.parties, policy.terms, policy.downtime
    liability, law, lang = policy.liability, policy.law, policy.lang
    if all(x is None for x in (parties, terms, downtime, liability, law)):
        return None
    t = terms or TermsSpec()
    d = downtime or DowntimeSpec()
    return ContractTerms(
        provider=None if parties is None or parties.provider is None else parties.provider.build(),
        customer=None if parties is None or parties.customer is None else parties.customer.build(),
        fee=None if t.fee is None else Decimal(t.fee),
        currency=t.currency if t.fee is not None else "",
        fee_per=t.fee_per,
        effective=t.effective,
        term_months=t.term_months,
        renewal_months=t.renewal_months,
        notice_months=t.notice_months,
        version=t.version,
        date=t.date,
        exclusions=tuple(LocalText(x, lang) for x in d.exclusions),
        monitoring_interval=parse_duration(d.monitoring_interval),
        locations=tuple(LocalText(x, lang) for x in d.locations),
        method=LocalText(d.method, lang),
        sole_remedy=None if liability is None else liability.sole_remedy,
        cap_months=None if liability is None else liability.cap_months,
        governing_law=LocalText("" if law is None else law.governing, lang),
        venue=LocalText("" if law is None else law.venue, lang),
    )


def _uptime_terms(spec: UptimeSpec, tz: dt.tzinfo, lang: Lang) -> UptimeTerms:
    """The uptime terms as exact values, with the maintenance window built in the zone ``tz``."""
    m, c = spec.maintenance, spec.claims
    tiers = [(t.below, t.credit) for t in spec.credits]
    return UptimeTerms(
        target=parse_percent(spec.target),
        period=spec.period,
        credits=CreditSchedule(tiers) if tiers else None,
        ticket_penalties=tuple(
            TicketPenaltyTerms(
                t.severity,
                t.metric,
                TicketPenalty(
                    per_breach=t.credit, per_late=t.per_late, late_unit=t.late_unit, cap=t.cap
                ),
            )
            for t in spec.ticket_penalties
        ),
        maintenance=None
        if m is None
        else MaintenanceTerms(
            BusinessCalendar(m.window, tz=tz),
            parse_duration(m.notice),
            parse_duration(m.max_per_month),
            m.mode,
        ),
        claims=None
        if c is None
        else ClaimTerms(
            c.claim_within_days, LocalText(c.how, lang), c.automatic, c.within_billing_cycles
        ),
        termination=None
        if (t := spec.termination) is None
        else TerminationRule(t.floor, consecutive=t.consecutive, count=t.count, within=t.within),
        annual_cap=spec.annual_cap,
        hourly_credit=None
        if spec.hourly_credit is None
        else HourlyCredit(spec.hourly_credit.more_than),
    )


def _without_empties(model: BaseModel, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` (``model`` dumped) without the empty tables and lists that are defaults.

    A key whose default is ``None`` keeps its empty list: there ``[]`` says something
    (``pause_on = []``: a clock that never pauses) that leaving it out would not.
    """
    for name, field in type(model).model_fields.items():
        value, data_value = getattr(model, name), data.get(name)
        if data_value in ({}, []) and field.default is not None:
            del data[name]
        elif isinstance(value, BaseModel) and isinstance(data_value, dict):
            _without_empties(value, data_value)
        elif isinstance(value, tuple | list) and isinstance(data_value, list):
            for item, item_data in zip(value, data_value, strict=True):
                if isinstance(item, BaseModel):
                    _without_empties(item, item_data)
        elif isinstance(value, Mapping) and isinstance(data_value, dict):
            for key, item in value.items():
                if isinstance(item, BaseModel):
                    _without_empties(item, data_value[str(key)])
    return data


class SLAPolicy(_Model):
    """An SLA: support hours, severities with targets and calendars, clock rules, and terms.

    Build it from a file (:meth:`from_file`: TOML, JSON, YAML with PyYAML), from a
    mapping (:meth:`from_dict`), or use :func:`slacalc.policy.default_policy`. Every
    value is checked when the policy is built; a bad one raises
    :class:`~slacalc.errors.PolicyValidationError` naming the field path and value. A
    valid policy is converted once into an :class:`~slacalc.policy.Agreement` of core
    values (:meth:`to_agreement`), which its questions below ask.

    Examples:
        >>> import datetime as dt
        >>> from slacalc.policy import default_policy
        >>> policy = default_policy()
        >>> policy.to_agreement().rules.names
        ('critical', 'high', 'medium', 'low')
        >>> friday_night = dt.datetime(2026, 11, 27, 23, 10, tzinfo=policy.calendar().tz)
        >>> policy.deadlines("high", friday_night).response.isoformat()
        '2026-11-30T10:00:00+01:00'
    """

    name: str = Field(default="Service level agreement", min_length=1)
    title: Text | None = Field(default=None, description="The document's title; none = the name.")
    lang: Lang = Field(
        default="en",
        description="The language of the plain texts ('en' or 'da'); tables give others.",
    )
    preset: str | None = Field(
        default=None,
        description=(
            "A product's clock rules by name (statuses, metrics, clock modes): "
            + ", ".join(PRESETS)
            + "; the policy's own keys win."
        ),
    )
    support: CalendarSpec = Field(description="The support hours.")
    calendars: Annotated[dict[str, CalendarSpec], AfterValidator(_own_calendars)] = Field(
        default_factory=FrozenDict,
        description="More calendars by name, for severities and channels.",
    )
    business_day: DayLengthText | None = Field(
        default=None,
        description=(
            "What 'N business days' means: a duration such as '9h' (N times that much "
            "business time), 'same_time' (the same wall time N business days later), or "
            "none for the length of a full support day."
        ),
    )
    severities: tuple[SeverityPolicy, ...] = Field(min_length=1, description="Most urgent first.")
    pause_mode: PauseMode = "exclude"
    severity_change: SeverityChangeMode = "carry_elapsed"
    reopen: ReopenMode = "continue"
    statuses: dict[str, StatusCategory] | None = Field(
        default=None,
        description=(
            "The helpdesk's statuses and what each means to the clocks: 'open', 'waiting', "
            "'resolved' or 'closed'; default one status per category, named after it."
        ),
    )
    fields: tuple[str, ...] = Field(
        default=(), description="Custom ticket fields that conditions and targets may name."
    )
    deadline_at_close: bool = Field(
        default=False,
        description=(
            "A budget used up exactly at a closing time is due at that closing, not at the "
            "next opening (Frappe Helpdesk, ERPNext)."
        ),
    )
    metrics: tuple[MetricSpec, ...] = Field(
        default=(), description="Clocks the policy adds, or built-in clocks it changes."
    )
    channels: tuple[ChannelSpec, ...] = ()
    scope: ScopeSpec = Field(default_factory=ScopeSpec)
    roles: tuple[RoleSpec, ...] = ()
    uptime: UptimeSpec | None = None
    parties: PartiesSpec | None = Field(default=None, description="Provider and customer.")
    terms: TermsSpec | None = Field(default=None, description="Fee, dates, term and notice.")
    downtime: DowntimeSpec | None = Field(
        default=None, description="How downtime is measured, and what is not downtime."
    )
    liability: LiabilitySpec | None = Field(
        default=None, description="Credits as the sole remedy, and the liability cap."
    )
    law: LawSpec | None = Field(default=None, description="Governing law and venue.")

    _agreement: Agreement = PrivateAttr()

    @model_validator(mode="before")
    @classmethod
    def _with_preset(cls, data: Any) -> Any:
        if not isinstance(data, Mapping) or data.get("preset") is None:
            return data
        try:
            return apply_preset(data)
        except InvalidOptionError as exc:
            raise policy_error([("preset", str(exc))]) from None

    @model_validator(mode="after")
    def _consistent(self) -> SLAPolicy:
        # Checks that relate one part of the file to another: all at once, each at its path.
        known = (SUPPORT, ALWAYS, *self.calendars)
        names = [s.name for s in self.severities]
        problems: list[tuple[str, str]] = []
        for i, severity in enumerate(self.severities):
            if severity.name in names[:i]:
                twice = f"{severity.name!r} is defined twice; give every severity a unique name."
                problems.append((f"severities[{i}].name", twice))
            problems += _unknown(f"severities[{i}].calendar", severity.calendar, known, "calendar")
        for i, channel in enumerate(self.channels):
            problems += _unknown(f"channels[{i}].hours", channel.hours, known, "calendar")
        problems += self._metric_problems(known)
        for i, penalty in enumerate(() if self.uptime is None else self.uptime.ticket_penalties):
            where = f"uptime.ticket_penalties[{i}].severity"
            problems += _unknown(where, penalty.severity, names, "severity")
        if problems:
            raise policy_error(problems)
        self._agreement = self._convert()
        return self

    def _metric_problems(self, known_calendars: Sequence[str]) -> list[tuple[str, str]]:
        """What is wrong with the statuses, metrics and per-metric targets, at each path."""
        problems: list[tuple[str, str]] = []
        stand_in = BusinessCalendar.always("UTC")
        probe = SeverityTargets("stand-in", stand_in, response="1h")

        def check(metrics: Sequence[MetricDefinition] = ()) -> None:
            ClockRules(
                [probe], self.pause_mode, metrics=metrics, statuses=statuses, fields=self.fields
            )

        statuses = DEFAULT_STATUSES if self.statuses is None else self.statuses
        try:
            check()
        except InvalidOptionError as exc:
            return [("statuses", str(exc))]
        builtins = {m.name: m for m in builtin_metrics(self.reopen)}
        names = list(builtins)
        for i, spec in enumerate(self.metrics):
            path = f"metrics[{i}]"
            name = MetricDefinition.canonical(spec.name)
            if name in names[len(builtins) :] or any(
                MetricDefinition.canonical(m.name) == name for m in self.metrics[:i]
            ):
                problems.append((f"{path}.name", f"{spec.name!r} is defined twice."))
                continue
            if spec.calendar is not None and spec.calendar not in known_calendars:
                problems += _unknown(f"{path}.calendar", spec.calendar, known_calendars, "calendar")
                continue
            if name not in builtins:
                names.append(name)
                missing = [k for k in ("start_on", "stop_on") if getattr(spec, k) is None]
                if missing:
                    problems.append(
                        (
                            path,
                            f"the new metric {spec.name!r} needs {' and '.join(missing)}; "
                            "e.g. start_on = ['opened'], stop_on = ['assigned'].",
                        )
                    )
                    continue
            try:
                definition = spec.build(builtins, dict.fromkeys(known_calendars, stand_in))
                check([definition.replace(after=None)])
            except InvalidOptionError as exc:
                problems.append((path, str(exc)))
        for i, spec in enumerate(self.metrics):
            if spec.after is not None and MetricDefinition.canonical(spec.after) not in names:
                problems += _unknown(f"metrics[{i}].after", spec.after, names, "metric")
        for i, severity in enumerate(self.severities):
            given = {
                **{k: getattr(severity, k) for k in _OWN},
                **{f"targets.{k}": v for k, v in severity.targets.items()},
            }
            for where, text in given.items():
                due = _DUE.fullmatch(text.strip()) if isinstance(text, str) else None
                if due and due.group(1) not in self.fields:
                    shown = ", ".join(map(repr, self.fields)) or "none"
                    problems.append(
                        (
                            f"severities[{i}].{where}",
                            f"the field {due.group(1)!r} is not declared; the declared fields "
                            f"are {shown} (add it to fields).",
                        )
                    )
            for metric in severity.targets:
                where = f"severities[{i}].targets.{metric}"
                canonical = MetricDefinition.canonical(metric)
                if canonical in _OWN:
                    problems.append((where, f"give the {metric!r} target as {canonical} = ..."))
                else:
                    problems += _unknown(where, canonical, names, "metric")
            for metric, calendar in severity.calendars.items():
                where = f"severities[{i}].calendars.{metric}"
                problems += _unknown(where, MetricDefinition.canonical(metric), names, "metric")
                problems += _unknown(where, calendar, known_calendars, "calendar")
        return problems

    def _convert(self) -> Agreement:
        """The agreement this policy states, as core values (made once, on load)."""
        support = self.support.build()
        calendars = {SUPPORT: support, ALWAYS: BusinessCalendar.always(support.tz)}
        calendars.update((name, spec.build()) for name, spec in self.calendars.items())
        day = (
            longest_day(support) if self.business_day is None else parse_duration(self.business_day)
        )

        builtins = {m.name: m for m in builtin_metrics(self.reopen)}

        def target(text: str | None) -> Target | None:
            return None if text is None else parse_target(text)

        def counted(target: Target | None) -> Any:
            if isinstance(target, BusinessDays) and day is not None:
                return target.count * day
            return target

        lang = self.lang

        def texts(items: Iterable[str | Mapping[str, str]]) -> tuple[LocalText, ...]:
            return tuple(LocalText(t, lang) for t in items)

        terms = tuple(
            SeverityTerms(
                s.name,
                LocalText(s.description, lang),
                s.calendar,
                parse_target(s.response),
                target(s.resolution),
                target(s.next_response),
                target(s.periodic_update),
                LocalText(s.name if s.label is None else s.label, lang),
            )
            for s in self.severities
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
                    tuple(w.build() for w in s.warnings),
                    tuple(e.build() for e in s.escalations),
                    {m: counted(parse_target(v)) for m, v in s.targets.items()},
                    {m: calendars[c] for m, c in s.calendars.items()},
                )
                for t, s in zip(terms, self.severities, strict=True)
            ),
            pause_mode=self.pause_mode,
            severity_change=self.severity_change,
            reopen=self.reopen,
            metrics=tuple(m.build(builtins, calendars) for m in self.metrics),
            statuses=self.statuses,
            fields=self.fields,
            deadline_at_close=self.deadline_at_close,
        )
        return Agreement(
            name=self.name,
            calendars=FrozenDict(calendars),
            holidays=tuple(parse_holiday(h) for h in self.support.holidays),
            business_day=day,
            full_support_day=self.business_day is None,
            severities=terms,
            rules=rules,
            channels=tuple(
                Channel(
                    LocalText(c.name, lang),
                    c.kind,
                    c.contact,
                    c.hours,
                    LocalText(c.description, lang),
                )
                for c in self.channels
            ),
            in_scope=texts(self.scope.included),
            out_of_scope=texts(self.scope.excluded),
            roles=tuple(
                Role(r.party, LocalText(r.title, lang), texts(r.responsibilities))
                for r in self.roles
            ),
            uptime=None if self.uptime is None else _uptime_terms(self.uptime, support.tz, lang),
            title=LocalText(self.name if self.title is None else self.title, lang),
            lang=lang,
            contract=_contract_terms(self),
        )

    # -- value semantics -----------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SLAPolicy):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash(self.to_json())

    # -- reading and writing --------------------------------------------------------

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SLAPolicy:
        """Build a policy from a mapping (as read from TOML, JSON or YAML).

        Raises:
            PolicyValidationError: a field is missing, unknown or bad.

        Examples:
            >>> p = SLAPolicy.from_dict({
            ...     "support": {"hours": "Mon-Fri 09:00-17:00", "tz": "UTC"},
            ...     "severities": [{"name": "normal", "response": "4h"}],
            ... })
            >>> p.severity("normal").response
            '4h'
        """
        if not isinstance(data, Mapping):
            raise PolicyValidationError(
                f"{shown(data)} is not a policy; pass a mapping with 'support' and 'severities'."
            )
        check_data(dict(data), "the policy data", error=PolicyValidationError)
        keys = [k for k in data if not isinstance(k, str)]
        if keys:
            raise PolicyValidationError(
                f"The policy's keys {shown(keys)} are not names; a policy's keys are text "
                "such as 'support' and 'severities'."
            )
        return cls(**data)

    @classmethod
    def from_toml(cls, text: str) -> SLAPolicy:
        """Read a policy from TOML text.

        Examples:
            >>> SLAPolicy.from_toml('''
            ... [support]
            ... hours = "Mon-Fri 09:00-17:00"
            ... tz = "UTC"
            ... [[severities]]
            ... name = "normal"
            ... response = "4h"
            ... ''').to_agreement().rules.names
            ('normal',)
        """
        from slacalc.policy._io import parse_text  # tomllib loads with the first file

        return cls.from_dict(parse_text(text, "toml", "<text>"))

    @classmethod
    def from_json(cls, text: str) -> SLAPolicy:
        """Read a policy from JSON text.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> SLAPolicy.from_json(default_policy().to_json()) == default_policy()
            True
        """
        from slacalc.policy._io import parse_text

        return cls.from_dict(parse_text(text, "json", "<text>"))

    @classmethod
    def from_file(cls, path: str | Path) -> SLAPolicy:
        """Read a policy file: ``.toml``, ``.json``, or ``.yaml``/``.yml`` when PyYAML is installed.

        Loading only parses data (``tomllib``, ``json``, ``yaml.safe_load``); it never
        runs code from the file.

        Raises:
            PolicyFileError: the file is missing, of an unknown kind, or cannot be parsed.
            PolicyValidationError: the data is not a valid policy.

        Examples:
            >>> import pathlib, tempfile
            >>> from slacalc.policy import default_policy
            >>> with tempfile.TemporaryDirectory() as tmp:
            ...     path = pathlib.Path(tmp) / "sla.toml"
            ...     _ = path.write_text(default_policy().to_toml(), encoding="utf-8")
            ...     SLAPolicy.from_file(path) == default_policy()
            True
        """
        from slacalc.policy._io import read_file

        return cls.from_dict(read_file(path))

    def to_dict(self) -> dict[str, Any]:
        """The policy as plain data (what :meth:`from_dict` reads), ``None`` values left out.

        Empty tables and lists (no ``overrides``, no ``escalations``, no ``fields``, ...)
        are left out too: each is a key's default, so the policy reads back equal, and a
        TOML file written from it holds no empty ``[table]``.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> default_policy().to_dict()["support"]["hours"]
            'Mon-Fri 09:00-18:00'
        """
        return _without_empties(self, self.model_dump(mode="json", exclude_none=True))

    def to_json(self, *, indent: int | None = 2) -> str:
        """The policy as JSON; :meth:`from_json` reads it back to an equal policy.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> default_policy().to_json().startswith('{')
            True
        """
        if indent is not None and (type(indent) is not int or not 0 <= indent <= 16):
            raise InvalidOptionError(
                f"indent={shown(indent)}; pass a number of spaces from 0 to 16, or None."
            )
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def to_toml(self) -> str:
        """The policy as TOML; :meth:`from_toml` reads it back to an equal policy.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> print(default_policy().to_toml().splitlines()[0])
            name = "Website care agreement"
        """
        import tomli_w

        return tomli_w.dumps(self.to_dict())

    @classmethod
    def json_schema(cls) -> dict[str, Any]:
        """The JSON Schema of a policy document (for editors and validation elsewhere).

        Examples:
            >>> SLAPolicy.json_schema()["required"]
            ['support', 'severities']
        """
        return cls.model_json_schema()

    # -- views -------------------------------------------------------------------

    def __repr__(self) -> str:
        names = ", ".join(s.name for s in self.severities)
        count = len(self.severities)
        return (
            f"<SLAPolicy {self.name!r}: {count} severit{'ies' if count != 1 else 'y'} "
            f"({names}), support {self.support.hours} {self.support.tz}>"
        )

    def _heading(self) -> list[str]:
        """The lines above the severity table: support hours, and the uptime terms."""
        support = self.support
        holidays = ", ".join(str(h) for h in support.holidays) or "none"
        lines = [f"support {support.hours} in {support.tz}, holidays {holidays}"]
        if (uptime := self.uptime) is not None:
            line = f"uptime {uptime.target} a {uptime.period}"
            if uptime.credits:
                tiers = ", ".join(f"below {c.below}: {c.credit}" for c in uptime.credits)
                line += f", credits {tiers}"
            lines.append(line)
        return lines

    def _table(self) -> Table:
        """One row a severity: its targets as written and the calendar they count in."""
        return Table(
            ("severity", "response", "resolution", "calendar"),
            tuple((s.name, s.response, s.resolution or "-", s.calendar) for s in self.severities),
        )

    def to_text(self) -> str:
        """The policy in a few lines: its name, support hours, uptime, and a severity table.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> policy = default_policy()
            >>> policy  # doctest: +NORMALIZE_WHITESPACE
            <SLAPolicy 'Website care agreement': 4 severities (critical, high, medium, low),
             support Mon-Fri 09:00-18:00 Europe/Copenhagen>
            >>> print(policy.to_text())
            Website care agreement
            support Mon-Fri 09:00-18:00 in Europe/Copenhagen, holidays DK
            uptime 99.9% a month, credits below 99.9%: 5%, below 99.5%: 10%, below 99%: 15%
            severity  response         resolution  calendar
            critical  15m              2h          24x7
            high      1h               8h          support
            medium    4h               -           support
            low       2 business days  -           support
        """
        return "\n".join([self.name, *self._heading(), table_text(self._table())])

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        """The policy in a notebook: its name, support hours and uptime, a severity table."""
        return result_html(self.name, self._heading(), self._table())

    # -- questions -----------------------------------------------------------------

    def severity(self, name: str) -> SeverityPolicy:
        """The severity called ``name``.

        Raises:
            UnknownSeverityError: the policy has no such severity.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> default_policy().severity("urgent")
            Traceback (most recent call last):
            ...
            slacalc.errors.UnknownSeverityError: Unknown severity 'urgent'; use one of
            'critical', 'high', 'medium', 'low'.
        """
        return self.severities[self._agreement.severities.index(self._agreement.severity(name))]

    def calendar(self, name: str = SUPPORT) -> BusinessCalendar:
        """A calendar of the policy by name: ``'support'``, ``'24x7'`` or one of ``calendars``.

        Raises:
            PolicyValidationError: the policy has no calendar of that name.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> default_policy().calendar("24x7").hours
            '24/7'
        """
        return self._agreement.calendar(name)

    def clock_rules(self) -> ClockRules:
        """The core :class:`~slacalc.timers.ClockRules` this policy's clocks follow.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> rules = default_policy().clock_rules()
            >>> rules.severity("low").response   # 2 business days of 9 support hours
            datetime.timedelta(seconds=64800)
        """
        return self._agreement.rules

    def to_agreement(self) -> Agreement:
        """The policy as core values: built calendars, clock rules, exact targets and terms.

        The agreement is made once, when the policy is read; this returns that one value.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> agreement = default_policy().to_agreement()
            >>> agreement.uptime.target, agreement.severity("low").response
            (Fraction(999, 1000), BusinessDays(count=2))
        """
        return self._agreement

    def deadlines(self, severity: str, opened_at: dt.datetime) -> Deadlines:
        """The response and resolution deadlines of a ticket opened at ``opened_at``.

        Args:
            severity: the severity's name.
            opened_at: when the ticket was opened (aware).

        Returns:
            The last on-time instants; ``resolution`` is ``None`` for a work queue.

        Raises:
            UnknownSeverityError: the policy has no such severity.
            NaiveDatetimeError: ``opened_at`` has no time zone.

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> d = default_policy().deadlines(
            ...     "critical", dt.datetime(2026, 11, 27, 23, 10, tzinfo=dt.timezone.utc))
            >>> d.response.isoformat(), d.resolution.isoformat()
            ('2026-11-28T00:25:00+01:00', '2026-11-28T02:10:00+01:00')
        """
        return self._agreement.rules.deadlines(severity, opened_at)

    def evaluate(
        self,
        ticket: Iterable[EventLike],
        *,
        at: dt.datetime,
        timeline: bool = False,
        history: History = "strict",
        extra: ExtraKeys = "forbid",
    ) -> TicketStatus:
        """Replay a ticket's events against this policy and report every clock at ``at``.

        Args:
            ticket: the ticket's events in time order (:class:`~slacalc.timers.TicketEvent`
                or mappings with ``kind``, ``at`` and, for opened/severity_changed,
                ``severity``).
            at: the instant to evaluate at (aware); there is no implicit "now".
            timeline: also give every cycle its :class:`~slacalc.timers.ClockTimeline`
                (the clock's segments with the rule behind each change, what ``explain``
                shows); off by default, as it costs time on bulk evaluations.
            history: ``"strict"`` (default) refuses an irregular history; ``"lenient"``
                corrects each irregular event by a stated rule and records it in
                ``status.corrections`` (see :meth:`slacalc.timers.ClockRules.evaluate`).
            extra: ``"ignore"`` drops keys other than ``kind``, ``at`` and ``severity``
                (rows from a database or ``DataFrame.to_dict("records")``); the default
                ``"forbid"`` refuses them. NaN, NaT, ``pd.NA`` and None mean "missing".

        Returns:
            A :class:`~slacalc.timers.TicketStatus`.

        Raises:
            TicketEventError: a malformed event; strictly also events out of order, a
                resume without a pause, ... (naming the event's index and instant).
            InvalidOptionError: an unknown ``history`` or ``extra``.
            UnknownSeverityError: an event names a severity the policy lacks.
            NaiveDatetimeError: an instant without a time zone.

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> policy = default_policy()
            >>> cph = policy.calendar().tz
            >>> opened = dt.datetime(2026, 11, 30, 9, 0, tzinfo=cph)
            >>> status = policy.evaluate([{"kind": "opened", "at": opened, "severity": "high"}],
            ...                          at=opened + dt.timedelta(minutes=45))
            >>> status.response.warning_level, status.response.due.isoformat()
            (2, '2026-11-30T10:00:00+01:00')
            >>> events = [{"kind": "opened", "at": opened, "severity": "high"},
            ...           {"kind": "responded", "at": opened + dt.timedelta(minutes=20)}]
            >>> line = policy.evaluate(events, at=opened + dt.timedelta(hours=1),
            ...                        timeline=True).response.current.timeline
            >>> [(s.state, s.business) for s in line.segments], line.stopped_by
            ([('counting', datetime.timedelta(seconds=1200))], 'responded')
            >>> rows = [{"ticket_id": 4711, "kind": "opened", "at": opened, "severity": "high"},
            ...         {"ticket_id": 4711, "kind": "resumed", "at": opened, "severity": None}]
            >>> status = policy.evaluate(rows, at=opened, history="lenient", extra="ignore")
            >>> [(c.kind, c.action, c.problem) for c in status.corrections]
            [('resumed', 'ignored', 'resumed without being paused')]
        """
        # Read the private attribute where pydantic keeps it: ``self._agreement`` goes
        # through pydantic's ``__getattr__``, which costs several µs a call in bulk.
        private = self.__pydantic_private__
        agreement: Agreement = private["_agreement"] if private else self._agreement
        return agreement.rules.evaluate(
            ticket, at=at, timeline=timeline, history=history, extra=extra
        )

    def acknowledge(
        self,
        severity: str,
        received_at: dt.datetime,
        locale: Lang = "en",
        *,
        tz: dt.tzinfo | str | None = None,
    ) -> Acknowledgement:
        """What to tell a client who just sent a request: open now? when will they hear back?

        Args:
            severity: the request's severity.
            received_at: when it arrived (aware).
            locale: ``'en'`` or ``'da'``.
            tz: the zone the client reads times in (an IANA name or tzinfo), when it is
                not the support calendar's: the instants are given in it, and the text
                names it.

        Returns:
            An :class:`~slacalc.policy.Acknowledgement` with ``is_open``, ``opens_at``,
            ``respond_by`` (the response deadline) and a short reply ``text``.

        Raises:
            UnknownSeverityError: the policy has no such severity.
            InvalidOptionError: an unsupported locale.

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> policy = default_policy()
            >>> friday = dt.datetime(2026, 11, 27, 23, 10, tzinfo=policy.calendar().tz)
            >>> print(policy.acknowledge("high", friday).text)
            We received your request on Friday 27 November at 23:10. Our support hours are
            Monday–Friday 09:00–18:00 (Copenhagen time). You will hear from us by Monday
            30 November at 10:00.
        """
        if isinstance(tz, str):
            try:
                tz = ZoneInfo(tz)
            except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long
                raise InvalidOptionError(
                    f"tz={shown(tz)} is not an IANA time zone; pass e.g. 'America/New_York'."
                ) from None
        return self._agreement.acknowledge(severity, received_at, locale, tz=tz)
