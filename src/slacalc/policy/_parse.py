"""The policy's texts read as core values: targets, percentages, and its errors, without pydantic.

The policy models check their fields with these (:mod:`slacalc.policy._fields`), and the
built-in agreement is built with them directly (:func:`slacalc.policy.default_agreement`),
so that a command on the built-in policy reads its targets exactly as a validated policy
does without importing pydantic.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from fractions import Fraction

from slacalc._exact import parse_share
from slacalc._time import duration_to_us
from slacalc._validate import check_length, shown
from slacalc.calendar import BusinessCalendar
from slacalc.errors import (
    InvalidDurationError,
    InvalidTargetError,
    PolicyValidationError,
    SlacalcError,
)
from slacalc.timers import (
    BusinessDays,
    DueFromField,
    EndOfBusinessDay,
    NextBusinessDayAt,
    Target,
)

__all__ = [
    "SAME_TIME",
    "WORDY",
    "check_targets",
    "parse_duration",
    "parse_holiday",
    "parse_percent",
    "parse_target",
    "policy_error",
]

_BUSINESS_DAYS = re.compile(r"\s*(\d+)\s+(?:business|working)\s+days?\s*", re.IGNORECASE)
WORDY = re.compile(
    r"\s*(\d+(?:\.\d+)?)\s*(hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|d|p\d+d)\s*",
    re.IGNORECASE,
)
"""A duration written in words (``'2 days'``, ``'4 hours'``): refused, with what to write."""
_BY_TIME = re.compile(
    r"\s*by\s+(\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"(?:\s+(?:the\s+)?(next)\s+(?:business|working)\s+day"
    r"|\s+in\s+(\d+)\s+(?:business|working)\s+days?)?\s*",
    re.IGNORECASE,
)
_END_OF_DAY = re.compile(
    r"\s*end\s+of\s+(?:the\s+)?(next\s+)?(?:business|working)\s+day"
    r"(?:\s*\+\s*(\d+))?\s*",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\s*(?:by|end)\b", re.IGNORECASE)
_RELATIVE_HINT = (
    "write e.g. 'by 16:00 next business day', 'by 16:00 in 2 business days', "
    "'end of business day', 'end of next business day' or 'end of business day + 2'"
)
_TARGET_HINT = "write e.g. '15m', '4h', '1h30m', 'PT2H' or '2 business days'"
_DURATION_HINT = "write e.g. '15m', '4h', '1h30m' or 'PT2H'"
SAME_TIME = "same_time"
"""``business_day = "same_time"``: a day ends at the same wall time the next business day."""


def _suggest(match: re.Match[str]) -> str:
    """What to write instead of a wordy duration (a ``WORDY`` match)."""
    number, unit = match.group(1), match.group(2).lower()
    if unit.startswith("h"):
        return f"write '{number}h'"
    if unit.startswith("m"):
        return f"write '{number}m'"
    if unit.startswith("s"):
        return f"write '{number}s'"
    days = "business day" if number == "1" else "business days"
    return f"write '{number} {days}' (the policy's business_day says how long a day is)"


def _relative_target(value: str) -> NextBusinessDayAt | EndOfBusinessDay | None:
    """The relative target ``value`` names, ``None`` when it names none (then it is not one)."""
    if by := _BY_TIME.fullmatch(value):
        hour, minute, second, next_day, count = by.groups()
        if count is not None and int(count) < 1:
            raise InvalidDurationError(
                f"{value!r} counts no business days; write e.g. 'by {hour}:{minute}'."
            )
        try:
            at = dt.time(int(hour), int(minute), int(second or 0))
        except ValueError:
            raise InvalidDurationError(
                f"{value!r} has no wall time {hour}:{minute}; write a time from 00:00 to 23:59, "
                "e.g. 'by 16:00 next business day'."
            ) from None
        return NextBusinessDayAt(at, 1 if next_day else int(count or 0))
    if end := _END_OF_DAY.fullmatch(value):
        if end.group(1) and end.group(2) is not None:
            raise InvalidDurationError(
                f"{value!r} counts days twice; write 'end of business day + N' for N business "
                "days after the day the clock starts."
            )
        return EndOfBusinessDay(1 if end.group(1) else int(end.group(2) or 0))
    if _RELATIVE.match(value):
        raise InvalidDurationError(f"{value!r} is not a target; {_RELATIVE_HINT}.")
    return None


_DUE_FIELD = re.compile(r"due from field\s+([A-Za-z_][\w.-]*)", re.IGNORECASE)


def parse_target(value: object, *, business_days: bool = True) -> Target:
    """A target: business time (``'4h'``, ``'PT2H'``, ``timedelta``), ``'2 business days'``,
    a relative target (``'by 16:00 next business day'``, ``'end of business day + 2'``), or
    a due instant from a ticket field (``'due from field due_at'``).

    Args:
        value: the target as written.
        business_days: whether ``'N business days'`` and relative targets are allowed;
            when not, they are refused and the suggestions name durations only.

    Raises:
        InvalidDurationError: not a positive duration nor a target of days (with a
            suggestion of what to write; also a ``ValueError``, which pydantic reports).

    Examples:
        >>> parse_target("2 business days"), parse_target("1h30m")
        (BusinessDays(count=2), datetime.timedelta(seconds=5400))
        >>> parse_target("by 16:00 next business day"), parse_target("end of business day + 2")
        (NextBusinessDayAt(at=datetime.time(16, 0), days=1), EndOfBusinessDay(days=2))
        >>> parse_target("due from field due_at")
        DueFromField(field='due_at')
        >>> parse_target("0h", business_days=False)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.InvalidDurationError: '0h' is not positive; write e.g. '15m', ...
    """
    hint = _TARGET_HINT if business_days else _DURATION_HINT
    if isinstance(value, str):
        check_length(value, what="a target", error=InvalidDurationError)
    if isinstance(value, str) and (due := _DUE_FIELD.fullmatch(value.strip())):
        if not business_days:
            raise InvalidDurationError(
                f"{shown(value)} names a deadline, not a duration; write a duration such as '15m' "
                "or '2h'."
            )
        return DueFromField(due.group(1))
    if isinstance(value, str) and (relative := _relative_target(value)) is not None:
        if not business_days:
            raise InvalidDurationError(
                f"{shown(value)} names a deadline, not a duration; write a duration such as '15m' "
                "or '2h'."
            )
        return relative
    if isinstance(value, str):
        days = _BUSINESS_DAYS.fullmatch(value)
        if days and not business_days:
            raise InvalidDurationError(
                f"{shown(value)} counts business days; write a duration such as '15m' or '2h'."
            )
        if days:
            count = int(days.group(1))
            if count < 1:
                raise InvalidDurationError(
                    f"{shown(value)} is not a positive number of days; write e.g. '1 business day'."
                )
            return BusinessDays(count)
        if wordy := WORDY.fullmatch(value):
            raise InvalidDurationError(f"{shown(value)} is not a duration; {_suggest(wordy)}.")
    if not isinstance(value, (str, dt.timedelta)):
        raise InvalidDurationError(f"{shown(value)} is not a duration; {hint}.")
    try:
        us = duration_to_us(value)
    except SlacalcError:
        raise InvalidDurationError(f"{shown(value)} is not a duration; {hint}.") from None
    if us <= 0:
        raise InvalidDurationError(f"{shown(value)} is not positive; {hint}.")
    return dt.timedelta(microseconds=us)


def parse_duration(text: str | None) -> dt.timedelta | None:
    """The timedelta of a duration field (``None`` when unset or ``'same_time'``).

    Examples:
        >>> parse_duration("48h"), parse_duration(None), parse_duration("same_time")
        (datetime.timedelta(days=2), None, None)
    """
    if text is None or text == SAME_TIME:
        return None
    value = parse_target(text)
    assert isinstance(value, dt.timedelta)  # duration fields never hold business days
    return value


def parse_holiday(text: str) -> str | dt.date:
    """A holiday source as a value: an ISO date becomes a date, a country code stays.

    Examples:
        >>> parse_holiday("DK"), parse_holiday("2026-12-24")
        ('DK', datetime.date(2026, 12, 24))
    """
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return text


def check_targets(targets: Iterable[tuple[str, object, BusinessCalendar]]) -> None:
    """Refuse relative targets that can never be met on their calendar, each at its path.

    Args:
        targets: ``(field path, target, calendar its clock runs on)`` triples; targets
            other than relative ones pass.

    Raises:
        PolicyValidationError: one ``path: message`` line per target refused.

    Examples:
        >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")
        >>> check_targets([("severities[0].response", parse_target("by 16:00"), cal)])
        >>> check_targets([("severities[0].response", parse_target("by 18:00"), cal)])
        Traceback (most recent call last):
        ...
        slacalc.errors.PolicyValidationError: severities[0].response: 'by 18:00' can never be \
met on the hours 'Mon-Fri 09:00-17:00': they are never open at or just before 18:00; write a \
time within them, e.g. 'by 17:00', or 'end of business day'.
    """
    problems: list[tuple[str, str]] = []
    for path, target, calendar in targets:
        if isinstance(target, (NextBusinessDayAt, EndOfBusinessDay)):
            try:
                target.check(calendar)
            except SlacalcError as exc:
                problems.append((path, str(exc)))
    if problems:
        raise policy_error(problems)


def parse_percent(value: object) -> Fraction:
    """An exact share from ``'99.9%'`` (or a ``Decimal``/``Fraction`` share such as 0.999).

    Raises:
        InvalidTargetError: a float, or text that is not a percentage (also a
            ``ValueError``, which pydantic reports).

    Examples:
        >>> parse_percent("99.9%")
        Fraction(999, 1000)
    """
    return parse_share(
        value,
        what="a percentage",
        example="'99.9%' or '5%'",
        error=InvalidTargetError,
        bounded=False,
        bare=False,
        type_error=InvalidTargetError,
    )


def policy_error(problems: Sequence[tuple[str, str]]) -> PolicyValidationError:
    """One error for ``(path, message)`` problems, one ``path: message`` line each.

    Examples:
        >>> print(policy_error([("pause_mode", "'hold' is not allowed."), ("", "Bad.")]))
        pause_mode: 'hold' is not allowed.
        Bad.
    """
    error = PolicyValidationError(
        "\n".join(f"{path}: {message}" if path else message for path, message in problems)
    )
    error.problems = tuple(problems)
    return error
