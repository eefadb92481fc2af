"""Field types of the policy models: checked on the way in, kept as canonical text.

Every value the policy holds is plain text, lists and tables, so that TOML and JSON
round-trip it exactly; the text is checked when the model is built, and the policy
converts it once into an :class:`~slacalc.policy.Agreement` of exact values
(``timedelta``, ``Fraction``, ``BusinessCalendar``). A validator
raises ``ValueError`` with a message that names the bad value and says what to write;
:func:`convert_validation_error` puts the field path in front.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Any, get_args

from pydantic import AfterValidator, BaseModel, BeforeValidator, ValidationError

from slacalc._exact import decimal_from_fraction, parse_share
from slacalc._present.formats import duration_text
from slacalc._time import date_from, duration_to_us, resolve_tz
from slacalc._validate import check_length, shown
from slacalc.calendar import BusinessCalendar
from slacalc.errors import (
    InvalidDurationError,
    InvalidTargetError,
    PolicyValidationError,
    SlacalcError,
)
from slacalc.policy._agreement import FrozenDict
from slacalc.timers import (
    BusinessDays,
    DueFromField,
    EndOfBusinessDay,
    NextBusinessDayAt,
    Target,
)

__all__ = [
    "SAME_TIME",
    "DayLengthText",
    "DurationText",
    "FrozenDict",
    "HolidayList",
    "HoursText",
    "OverridesTable",
    "PercentText",
    "TargetText",
    "TimezoneText",
    "check_targets",
    "convert_validation_error",
    "parse_percent",
    "parse_target",
    "policy_error",
]


def _close_matches(key: str, known: list[str]) -> list[str]:
    """The one known name closest to a misspelt ``key``, if any (``difflib`` loads only
    for a policy with an unknown key)."""
    import difflib

    return difflib.get_close_matches(key, known, n=1, cutoff=0.6)


_US_PER_S = 1_000_000
_BUSINESS_DAYS = re.compile(r"\s*(\d+)\s+(?:business|working)\s+days?\s*", re.IGNORECASE)
_WORDY = re.compile(
    r"\s*(\d+(?:\.\d+)?)\s*(hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|d|p\d+d)\s*",
    re.IGNORECASE,
)
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
    """What to write instead of a wordy duration (a ``_WORDY`` match)."""
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
        if wordy := _WORDY.fullmatch(value):
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


def _target_text(value: object, *, business_days: bool = True) -> str:
    """A target as the policy file keeps it: the text as written, or a timedelta's compact form."""
    target = parse_target(value, business_days=business_days)
    if isinstance(value, str):
        return value.strip()
    assert isinstance(target, dt.timedelta)  # only text can name business days
    return duration_text(target, "compact")


def _duration_text(value: object) -> str:
    days = _WORDY.fullmatch(value) if isinstance(value, str) else None
    if days and days.group(2).lower().startswith("d"):
        hours = Decimal(days.group(1)) * 24
        raise ValueError(f"{value!r} is not a duration; write '{hours.normalize():f}h'.")
    return _target_text(value, business_days=False)


def _day_length_text(value: object) -> str:
    if value == SAME_TIME:
        return SAME_TIME
    try:
        return _duration_text(value)
    except ValueError:
        raise ValueError(
            f"{value!r} is not a day length; write a duration such as '9h', or 'same_time' "
            "for the same wall time on the next business day."
        ) from None


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


def _percent_text(value: object) -> str:
    share = parse_percent(value)
    if not 0 <= share <= 1:
        raise ValueError(f"{value!r} is out of range; give a percentage from '0%' to '100%'.")
    if isinstance(value, str):
        return value.strip()
    percent = decimal_from_fraction(share * 100)
    if percent is None:
        raise ValueError(
            f"{value!r} has no exact decimal percentage; write it as text, e.g. '99.9%'."
        )
    return f"{percent:f}%"


def _hours_text(value: object) -> str:
    if not isinstance(value, (str, Mapping)):
        raise ValueError(f"{value!r} is not business hours; write e.g. 'Mon-Fri 09:00-17:00'.")
    try:
        return BusinessCalendar(value, tz="UTC").hours
    except SlacalcError as exc:
        raise ValueError(str(exc)) from None


def _tz_text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a time zone name; write e.g. 'Europe/Copenhagen'.")
    try:
        resolve_tz(value)
    except SlacalcError as exc:
        raise ValueError(str(exc)) from None
    return value


def _holiday_list(value: object) -> tuple[str, ...]:
    items: Iterable[object]
    if value is None:
        return ()
    if isinstance(value, (str, dt.date)):
        items = (value,)
    elif isinstance(value, (list, tuple)):
        items = value
    else:
        raise ValueError(
            f"{value!r} is not a holiday list; write a country code such as 'DK' or a list "
            "of codes and ISO dates, e.g. ['DK', '2026-12-24']."
        )
    out: list[str] = []
    for item in items:
        text = item.isoformat() if isinstance(item, dt.date) else item
        if not isinstance(text, str):
            raise ValueError(f"{item!r} is not a holiday; write a country code or an ISO date.")
        out.append(text)
    return tuple(out)  # the calendar built from them checks the codes and dates


def _overrides_table(value: object) -> FrozenDict[str, str]:
    if value is None:
        return FrozenDict()
    if not isinstance(value, Mapping):
        raise ValueError(
            f"{value!r} is not a table of special days; write e.g. "
            "{'2026-12-24': '09:00-12:00', '2026-12-31': 'closed'}."
        )
    out: dict[str, str] = {}
    for key, hours in value.items():
        try:
            day = date_from(key, what="override date")
        except SlacalcError as exc:
            raise ValueError(str(exc)) from None
        # The calendar built from the table checks the hours and writes them canonically.
        out[day.isoformat()] = ",".join(hours) if isinstance(hours, (list, tuple)) else hours
    return FrozenDict(sorted(out.items()))


TargetText = Annotated[str, BeforeValidator(_target_text)]
"""A target: ``'15m'``, ``'4h'``, ``'1h30m'``, ``'PT2H'``, ``'2 business days'``,
``'by 16:00 next business day'``, ``'by 16:00 in 2 business days'``, ``'by 16:00'``,
``'end of business day'``, ``'end of next business day'`` or ``'end of business day + 2'``."""
DurationText = Annotated[str, BeforeValidator(_duration_text)]
"""A duration without days: ``'15m'``, ``'9h'``."""
DayLengthText = Annotated[str, BeforeValidator(_day_length_text)]
"""How long a business day is: a duration (``'9h'``) or ``'same_time'``."""
PercentText = Annotated[str, BeforeValidator(_percent_text)]
"""An exact percentage: ``'99.9%'``."""
HoursText = Annotated[str, BeforeValidator(_hours_text)]
"""Weekly hours, stored in the calendar's canonical form: ``'Mon-Fri 09:00-18:00'``."""
TimezoneText = Annotated[str, BeforeValidator(_tz_text)]
"""An IANA time zone name."""
HolidayList = Annotated[tuple[str, ...], BeforeValidator(_holiday_list)]
"""Holiday sources: country codes (``'DK'``) and ISO dates."""
OverridesTable = Annotated[
    dict[str, str], BeforeValidator(_overrides_table), AfterValidator(FrozenDict)
]
"""Special days: ISO date -> hours (``'09:00-12:00'``) or ``'closed'``."""


def _message(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    bad = error.get("input")
    if kind in ("value_error", "assertion_error") and "error" in ctx:
        return str(ctx["error"])
    if kind == "missing":
        return "this field is missing; add it"
    if kind == "extra_forbidden":
        return f"{error['loc'][-1]!r} is not a field here; check the spelling or remove it"
    if kind in ("bool_parsing", "bool_type"):
        return f"{bad!r} is not true or false; write true or false"
    if kind == "too_short" and "min_length" in ctx:
        least = ctx["min_length"]
        return f"{bad!r} is too short; give at least {least} item{'s' if least != 1 else ''}"
    if kind == "literal_error":
        return f"{bad!r} is not allowed; use {ctx.get('expected', 'one of the documented values')}"
    if kind in _SHAPES:
        return f"{_shown(bad)} is not valid here; write {_SHAPES[kind]}"
    detail = str(error["msg"])
    return f"{_shown(bad)} is not valid: {detail[:1].lower()}{detail[1:]}"


_SHAPES = {
    "tuple_type": "a list: '[...]', or '[[name]]' tables one after another",
    "list_type": "a list: '[...]', or '[[name]]' tables one after another",
    "dict_type": "a table: '[name]' with its keys below it, or '{key = value}'",
    "model_type": "a table: '[name]' with its keys below it, or '{key = value}'",
    "model_attributes_type": "a table: '[name]' with its keys below it, or '{key = value}'",
    "string_type": "text in quotes, e.g. '\"1h\"'",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
}
"""What a field of each shape looks like in a policy file (pydantic's error type -> words)."""


def _shown(value: object) -> str:
    """A bad value as the policy file wrote it: text and numbers as such, tables and lists
    by their shape (their Python form means nothing to someone editing TOML)."""
    if isinstance(value, Mapping):
        keys = ", ".join(map(str, list(value)[:3])) + (", ..." if len(value) > 3 else "")
        return f"a table (keys {keys})" if value else "an empty table"
    if isinstance(value, (list, tuple)) and value:
        return f"a list of {len(value)}"
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


def _join(outer: str, inner: str) -> str:
    """A field path and a path inside it: ``a`` + ``b`` is ``a.b``, ``a`` + ``[0]`` is ``a[0]``."""
    if not inner:
        return outer
    if not outer:
        return inner
    return outer + inner if inner.startswith("[") else f"{outer}.{inner}"


def _inside(path: str, outer: str) -> bool:
    return path.startswith((f"{outer}[", f"{outer}."))


def _model_at(model: type[BaseModel] | None, loc: Sequence[int | str]) -> type[BaseModel] | None:
    """The model class whose fields ``loc`` (a pydantic error location) points into."""
    for part in loc:
        if model is None:
            return None
        if isinstance(part, int) or part not in model.model_fields:
            continue  # an item of a list or a table: its model is the annotation's
        model = _inner_model(model.model_fields[part].annotation)
    return model


def _inner_model(annotation: object) -> type[BaseModel] | None:
    """The model class inside an annotation (``X``, ``X | None``, ``tuple[X, ...]``, ...)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in reversed(get_args(annotation)):  # a dict's value type is its last argument
        if (found := _inner_model(arg)) is not None:
            return found
    return None


def _did_you_mean(
    errors: Sequence[Mapping[str, Any]], model: type[BaseModel] | None
) -> dict[tuple[int | str, ...], str]:
    """For each unknown key, the field it most likely means, by its location.

    A close spelling of any field of the model at that place wins
    (``severity`` -> ``severities``); else, when that place misses exactly one field and
    has exactly one unknown key, that field (``timezone`` -> ``tz``).
    """
    unknown = [tuple(e["loc"]) for e in errors if e["type"] == "extra_forbidden"]
    missing = [tuple(e["loc"]) for e in errors if e["type"] == "missing"]
    meant: dict[tuple[int | str, ...], str] = {}
    for loc in unknown:
        parent, key = loc[:-1], str(loc[-1])
        here = _model_at(model, parent)
        known = list(here.model_fields) if here is not None else []
        close = _close_matches(key, known)
        gaps = [m for m in missing if m[:-1] == parent]
        strays = [u for u in unknown if u[:-1] == parent]
        if close:
            meant[loc] = close[0]
        elif len(gaps) == 1 and len(strays) == 1:
            meant[loc] = str(gaps[0][-1])
    return meant


def convert_validation_error(
    exc: ValidationError, model: type[BaseModel] | None = None
) -> PolicyValidationError:
    """A pydantic ``ValidationError`` as one slacalc error: ``path: message``, one per line.

    With the ``model`` that was validated, an unknown key says which field it likely
    means (``did you mean 'tz'?``), and the field it stands for is not reported missing
    as well.

    Examples:
        >>> from slacalc.policy import SeverityPolicy
        >>> try:
        ...     SeverityPolicy.model_validate({"name": "low", "response": "2 days"})
        ... except ValidationError as exc:
        ...     print(convert_validation_error(exc))
        response: '2 days' is not a duration; write '2 business days' (the policy's
        business_day says how long a day is).
    """
    problems: list[tuple[str, str]] = []
    too_short: set[tuple[str, str]] = set()
    errors = exc.errors(include_url=False)
    meant = _did_you_mean(errors, model)
    explained = {(*loc[:-1], field) for loc, field in meant.items()}
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "missing" and loc in explained:
            continue  # the unknown key beside it says which field it should be
        parts = (
            f"[{p}]" if isinstance(p, int) else p
            for p in error["loc"]
            if isinstance(p, int) or not p.startswith(("function-", "dict[", "tuple["))
        )
        path = functools.reduce(_join, parts, "")
        inner = (error.get("ctx") or {}).get("error")
        if isinstance(inner, PolicyValidationError) and inner.problems:
            found = [(_join(path, sub), message) for sub, message in inner.problems]
        else:
            message = _message(error)
            if loc in meant:
                message = f"{loc[-1]!r} is not a field here; did you mean {meant[loc]!r}?"
            found = [(path, message if message.endswith((".", "?")) else message + ".")]
        if error["type"] == "too_short":
            too_short.update(found)
        for item in found:
            if item not in problems:
                problems.append(item)
    # A list whose every item is bad is also "too short after validation"; its items'
    # own problems say what to fix, so that echo is left out.
    problems = [
        (path, message)
        for path, message in problems
        if (path, message) not in too_short
        or not any(_inside(other, path) for other, _ in problems)
    ]
    return policy_error(problems)


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
