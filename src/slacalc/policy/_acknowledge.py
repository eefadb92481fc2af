"""The out-of-hours auto-reply: open now? when does support open? when will the client hear back?

The sentences, day and month names come from the wording catalogue shared with the
agreement, so the reply never depends on the process locale. Times are shown in the
severity's calendar's zone, to the minute (cut, never rounded up, so the promise is never
later than the deadline).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from slacalc._present.catalogue import (
    Lang,
    catalogue,
    check_lang,
    hours_words,
    when_words,
    zone_words,
)
from slacalc._time import from_us, to_us
from slacalc.timers import ClockRules

__all__ = ["Acknowledgement", "acknowledge"]


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
    locale: Lang
    received_at: dt.datetime
    is_open: bool
    opens_at: dt.datetime
    respond_by: dt.datetime
    promised_by: dt.datetime
    text: str


def acknowledge(
    rules: ClockRules,
    severity: str,
    received_at: dt.datetime,
    locale: object = "en",
    *,
    around_the_clock: bool,
) -> Acknowledgement:
    """Build the acknowledgement from a policy's ``rules`` (see :meth:`SLAPolicy.acknowledge`).

    Examples:
        >>> import datetime as dt
        >>> from slacalc.policy import default_policy
        >>> policy = default_policy()
        >>> t = dt.datetime(2026, 11, 27, 23, 10, tzinfo=policy.calendar().tz)
        >>> rules = policy.clock_rules()
        >>> print(acknowledge(rules, "critical", t, "da", around_the_clock=True).text)
        Vi har modtaget din henvendelse fredag den 27. november kl. 23:10. Henvendelser af
        typen »critical« behandles døgnet rundt, alle årets dage. Du hører fra os senest
        fredag den 27. november kl. 23:25.
    """
    lang = check_lang(locale)
    words = catalogue(lang)
    spec = rules.severity(severity)
    cal = spec.calendar
    received = from_us(to_us(received_at), cal.tz)
    respond_by = rules.deadlines(severity, received).response
    target = spec.target_us("response", received)
    assert target is not None
    promised_by = cal.exhausted_at(received, dt.timedelta(microseconds=target))
    if around_the_clock:
        hours = words.say("reply.always", name=spec.name, Name=spec.name.capitalize())
    else:
        zone = zone_words(cal.tz, lang, named=False)
        hours = words.say("reply.hours", hours=hours_words(cal.hours, lang), zone=zone)
    parts = (
        words.say("reply.received", when=when_words(received, lang)),
        hours,
        words.say("reply.promise", when=when_words(promised_by, lang)),
    )
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
