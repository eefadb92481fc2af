"""Checks at the public edge: what a value is, before any work is done with it.

The bottom floor (it imports only :mod:`slacalc.errors`), so every layer can check its
arguments the same way: values shown with ``!r`` and shortened when long, mappings and
sequences told apart from strings, numbers kept out of NaN and infinity, and data read
from files held to a depth, a size and an integer magnitude (:func:`check_data`).

Examples:
    >>> shown("x" * 200)  # doctest: +ELLIPSIS
    "'xxxxxxxx...xxxxxxx' (200 characters)"
    >>> check_mapping([1], what="overrides=", hint="pass {date: hours}", error=TypeError)
    Traceback (most recent call last):
    ...
    TypeError: overrides= [1] is a list, not a mapping; pass {date: hours}.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from slacalc.errors import PolicyFileError, SlacalcError, WrongTypeError

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_INT_DIGITS",
    "MAX_TEXT",
    "check_data",
    "check_hashable",
    "check_instance",
    "check_items",
    "check_length",
    "check_mapping",
    "kind",
    "shown",
    "too_deep",
]

#: Characters of a value's repr shown in a message before it is shortened.
SHOWN: Final = 100
#: Nesting depth of tables and lists in a policy or events file.
MAX_DEPTH: Final = 32
#: Size of a policy or events file read whole (bytes).
MAX_FILE_BYTES: Final = 10_000_000
#: Digits of an integer in a file (larger numbers have no meaning in an SLA).
MAX_INT_DIGITS: Final = 18
#: Characters of a short text such as a duration, a target or a day's hours.
MAX_TEXT: Final = 200


def shown(value: object, limit: int = SHOWN) -> str:
    """``repr(value)``, shortened in the middle when longer than ``limit`` characters.

    Never raises: a repr that fails is named by the value's type instead.

    Examples:
        >>> shown("2h")
        "'2h'"
        >>> shown(10**100)  # doctest: +ELLIPSIS
        '10000000...00000000 (101 characters)'
    """
    try:
        text = repr(value)
    except Exception:  # a hostile __repr__ must not hide the real problem
        return f"<{type(value).__name__} object>"
    if len(text) <= limit:
        return text
    size = len(value) if isinstance(value, str) else len(text)
    return f"{text[: limit * 2 // 3]}...{text[-8:]} ({size} characters)"


def check_mapping(
    value: object, *, what: str, hint: str, error: type[Exception]
) -> Mapping[object, object]:
    """``value`` when it is a mapping, else ``error`` naming it and saying what to pass.

    Examples:
        >>> check_mapping({"a": 1}, what="weights=", hint="pass {...}", error=TypeError)
        {'a': 1}
    """
    if isinstance(value, Mapping):
        return value
    raise error(f"{what} {shown(value)} is {kind(value)}, not a mapping; {hint}.")


def kind(value: object) -> str:
    """The type of ``value`` with its article: ``'a list'``, ``'an int'``.

    Examples:
        >>> kind(3), kind("x"), kind(None)
        ('an int', 'a str', 'None')
    """
    if value is None:
        return "None"
    name = type(value).__name__
    return f"{_article(name)} {name}"


def check_instance(value: object, cls: type, *, what: str, hint: str) -> None:
    """Raise :class:`~slacalc.WrongTypeError` unless ``value`` is a ``cls``.

    Examples:
        >>> check_instance(3, str, what="f()", hint="pass a name")
        Traceback (most recent call last):
        ...
        slacalc.errors.WrongTypeError: f() takes a str, not 3 (an int); pass a name.
    """
    if not isinstance(value, cls):
        raise WrongTypeError(
            f"{what} takes {_article(cls.__name__)} {cls.__name__}, not {shown(value)} "
            f"({kind(value)}); {hint}."
        )


def check_hashable(value: object, *, what: str, hint: str) -> None:
    """Raise :class:`~slacalc.WrongTypeError` unless ``value`` can be a key.

    Examples:
        >>> check_hashable([1], what="ticket_id", hint="pass a ticket's id")
        Traceback (most recent call last):
        ...
        slacalc.errors.WrongTypeError: ticket_id [1] (a list) cannot be a key; pass a ticket's id.
    """
    try:
        hash(value)
    except (TypeError, ValueError):  # a list; Decimal('sNaN') refuses with a TypeError
        raise WrongTypeError(
            f"{what} {shown(value)} ({kind(value)}) cannot be a key; {hint}."
        ) from None


def _article(name: str) -> str:
    """``'an'`` before a vowel, else ``'a'``."""
    return "an" if name[:1].lower() in "aeiou" else "a"


def check_items(value: object, *, what: str, hint: str, error: type[Exception]) -> None:
    """Raise ``error`` naming ``value`` whole unless it is a collection of items.

    A string, bytes or a mapping is iterable but never a list of outages, tiers or
    targets; iterating it would blame one character instead of the value given.

    Examples:
        >>> check_items("99.9%:10%", what="tiers", hint="pass [(...)]", error=TypeError)
        Traceback (most recent call last):
        ...
        TypeError: tiers '99.9%:10%' are a str, not a list; pass [(...)].
    """
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes, bytearray, Mapping)):
        return
    raise error(f"{what} {shown(value)} are {kind(value)}, not a list; {hint}.")


def check_length(text: str, *, what: str, error: type[Exception], limit: int = MAX_TEXT) -> str:
    """``text`` when at most ``limit`` characters long, else ``error`` naming it.

    Parsers call this first, so that no pattern ever runs over an unbounded text.

    Examples:
        >>> check_length("2h", what="a duration", error=ValueError)
        '2h'
        >>> check_length("1" * 300, what="a duration", error=ValueError)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: '11111111...1111111' (300 characters) is too long for a duration ...
    """
    if len(text) <= limit:
        return text
    raise error(
        f"{shown(text)} is too long for {what} (at most {limit} characters); check what was passed."
    )


def check_data(data: object, source: str, *, error: type[SlacalcError] = PolicyFileError) -> None:
    """Refuse data read from a file that nests too deeply or holds too large an integer.

    Walks the data without recursion, so any depth is measured safely.

    Raises:
        PolicyFileError: (or ``error``) naming ``source``, the place in the data and
            the limit.

    Examples:
        >>> check_data({"a": [1, 2]}, "sla.json")
        >>> check_data({"a": [[[[1]]]] * 1, "n": 10**30}, "sla.json")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.PolicyFileError: 'sla.json' holds the integer ... at n; ...
    """
    stack: list[tuple[object, str, int]] = [(data, "", 0)]
    while stack:
        item, path, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth >= MAX_DEPTH:
                raise error(
                    f"{source!r} nests tables and lists deeper than {MAX_DEPTH} levels (at "
                    f"{path or 'the top'}); a policy or events file needs only a few."
                )
            pairs = item.items() if isinstance(item, dict) else enumerate(item)
            for key, sub in pairs:
                sub_path = f"{path}[{key}]" if isinstance(key, int) else _join(path, str(key))
                stack.append((sub, sub_path, depth + 1))
        elif isinstance(item, int) and abs(item) >= 10**MAX_INT_DIGITS:
            raise error(
                f"{source!r} holds the integer {shown(item)} at {path or 'the top'}; "
                f"integers in a file have at most {MAX_INT_DIGITS} digits."
            )


def _join(path: str, key: str) -> str:
    """A field path: ``severities[0].response``."""
    return f"{path}.{key}" if path else key


def too_deep(source: str) -> PolicyFileError:
    """The error for a file the parser itself could not descend (Python's own limit).

    Examples:
        >>> print(too_deep("x.json"))  # doctest: +ELLIPSIS
        'x.json' nests tables and lists deeper than 32 levels; ...
    """
    return PolicyFileError(
        f"{source!r} nests tables and lists deeper than {MAX_DEPTH} levels; a policy or "
        "events file needs only a few."
    )
