"""The out-of-hours auto-reply: open now? when does support open? when will the client hear back?

Texts exist in English and Danish. Weekday and month names are written out here, so
the reply never depends on the process locale. Times are shown in the severity's
calendar's zone, to the minute (cut, never rounded up, so the promise is never later
than the deadline).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeAlias

from slacalc._time import from_us, to_us
from slacalc.errors import InvalidOptionError

if TYPE_CHECKING:
    from slacalc.policy._models import SLAPolicy

__all__ = ["LOCALES", "Acknowledgement", "Locale", "acknowledge"]

Locale: TypeAlias = Literal["en", "da"]
"""The languages replies are written in.

Examples:
    >>> from typing import get_args
    >>> from slacalc.policy import Locale
    >>> get_args(Locale)
    ('en', 'da')
"""
LOCALES: tuple[Locale, ...] = ("en", "da")
"""The languages replies are written in.

Examples:
    >>> from slacalc.policy import LOCALES
    >>> LOCALES
    ('en', 'da')
"""

_DAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "da": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
}
_MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "da": (
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ),
}
_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_AND = {"en": " and ", "da": " og "}


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    """The answer to "we just got a request": what to promise and how to say it.

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
        text: the short reply to send.

    Examples:
        >>> import datetime as dt
        >>> from slacalc.policy import default_policy
        >>> policy = default_policy()
        >>> t = dt.datetime(2026, 11, 27, 23, 10, tzinfo=policy.calendar().tz)
        >>> ack = policy.acknowledge("high", t)
        >>> ack.is_open, ack.opens_at.isoformat(), ack.respond_by.isoformat()
        (False, '2026-11-30T09:00:00+01:00', '2026-11-30T10:00:00+01:00')
    """

    severity: str
    locale: Locale
    received_at: dt.datetime
    is_open: bool
    opens_at: dt.datetime
    respond_by: dt.datetime
    promised_by: dt.datetime
    text: str


def _when(t: dt.datetime, locale: Locale) -> str:
    day = _DAYS[locale][t.weekday()]
    month = _MONTHS[locale][t.month - 1]
    if locale == "da":
        return f"{day} den {t.day}. {month} kl. {t:%H:%M}"
    return f"{day} {t.day} {month} at {t:%H:%M}"


def _hours(hours: str, locale: Locale) -> str:
    clauses = []
    for clause in hours.split("; "):
        days, _, intervals = clause.partition(" ")
        names = []
        for part in days.split("-"):
            if part not in _ABBR:
                return hours  # pragma: no cover - every policy calendar is weekly
            names.append(_DAYS[locale][_ABBR.index(part)])
        spans = [span.replace("-", "–") for span in intervals.split(",")]
        clauses.append(f"{'–'.join(names)} {_AND[locale].join(spans)}")
    return "; ".join(clauses)


def _zone(tz: dt.tzinfo, locale: Locale) -> str:
    key = tz.key if isinstance(tz, zoneinfo.ZoneInfo) else None
    if key is None or key.upper() in {"UTC", "ETC/UTC"}:
        return "UTC" if key is not None or tz.utcoffset(None) == dt.timedelta(0) else str(tz)
    city = key.rsplit("/", 1)[-1].replace("_", " ")
    if locale == "da":
        return "dansk tid" if key == "Europe/Copenhagen" else f"tid i {city}"
    return f"{city} time"


def acknowledge(
    policy: SLAPolicy, severity: str, received_at: dt.datetime, locale: object = "en"
) -> Acknowledgement:
    """Build the acknowledgement for ``policy`` (see :meth:`SLAPolicy.acknowledge`).

    Examples:
        >>> import datetime as dt
        >>> from slacalc.policy import default_policy
        >>> policy = default_policy()
        >>> t = dt.datetime(2026, 11, 27, 23, 10, tzinfo=policy.calendar().tz)
        >>> print(acknowledge(policy, "critical", t, "da").text)
        Vi har modtaget din henvendelse fredag den 27. november kl. 23:10. Henvendelser af
        typen »critical« behandles døgnet rundt, alle årets dage. Du hører fra os senest
        fredag den 27. november kl. 23:25.
    """
    if locale not in LOCALES:
        raise InvalidOptionError(
            f"Unknown locale {locale!r}; pass one of {', '.join(repr(x) for x in LOCALES)}."
        )
    lang: Locale = "da" if locale == "da" else "en"
    spec = policy.severity(severity)
    cal = policy.calendar(spec.calendar)
    received = from_us(to_us(received_at), cal.tz)
    respond_by = policy.deadlines(severity, received).response
    target = policy.clock_rules().severity(spec.name).target_us("response", received)
    assert target is not None
    promised_by = cal.exhausted_at(received, dt.timedelta(microseconds=target))
    around_the_clock = policy.is_around_the_clock(severity)
    if lang == "da":
        parts = [f"Vi har modtaget din henvendelse {_when(received, lang)}."]
        if around_the_clock:
            parts.append(
                f"Henvendelser af typen »{spec.name}« behandles døgnet rundt, alle årets dage."
            )
        else:
            parts.append(f"Vores supporttid er {_hours(cal.hours, lang)} ({_zone(cal.tz, lang)}).")
        parts.append(f"Du hører fra os senest {_when(promised_by, lang)}.")
    else:
        parts = [f"We received your request on {_when(received, lang)}."]
        if around_the_clock:
            parts.append(
                f"{spec.name.capitalize()} requests are handled around the clock, every day "
                "of the year."
            )
        else:
            parts.append(
                f"Our support hours are {_hours(cal.hours, lang)} ({_zone(cal.tz, lang)})."
            )
        parts.append(f"You will hear from us by {_when(promised_by, lang)}.")
    return Acknowledgement(
        severity=spec.name,
        locale=lang,
        received_at=received,
        is_open=cal.is_open(received),
        opens_at=cal.next_open(received),
        respond_by=respond_by,
        promised_by=promised_by,
        text=" ".join(parts),
    )
