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
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Annotated, Any, get_args

from pydantic import AfterValidator, BaseModel, BeforeValidator, ValidationError

from slacalc._exact import decimal_from_fraction
from slacalc._present.formats import duration_text
from slacalc._time import date_from, resolve_tz
from slacalc.calendar import BusinessCalendar
from slacalc.errors import PolicyValidationError, SlacalcError
from slacalc.policy._agreement import FrozenDict
from slacalc.policy._parse import (
    SAME_TIME,
    WORDY,
    check_targets,
    parse_percent,
    parse_target,
    policy_error,
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


def _target_text(value: object, *, business_days: bool = True) -> str:
    """A target as the policy file keeps it: the text as written, or a timedelta's compact form."""
    target = parse_target(value, business_days=business_days)
    if isinstance(value, str):
        return value.strip()
    assert isinstance(target, dt.timedelta)  # only text can name business days
    return duration_text(target, "compact")


def _duration_text(value: object) -> str:
    days = WORDY.fullmatch(value) if isinstance(value, str) else None
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
