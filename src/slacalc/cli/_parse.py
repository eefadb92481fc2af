"""Reading command-line values: instants with offsets, months, targets, money, credit tiers.

Each function is an ``argparse`` ``type=``: it returns the value or raises
``argparse.ArgumentTypeError`` with a message that shows the bad text and says what to
write, which the parser prints as one line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from decimal import Decimal
from typing import TYPE_CHECKING

from slacalc._exact import parse_money
from slacalc._time import instant_from, resolve_tz
from slacalc.errors import SlacalcError

if TYPE_CHECKING:
    from slacalc.credits import CreditSchedule

__all__ = [
    "CommandError",
    "credits_arg",
    "instant_arg",
    "map_arg",
    "money_arg",
    "month_arg",
    "one_line",
    "target_arg",
    "tz_arg",
]

_MONTH = re.compile(r"(\d{4})-(\d{2})")
_TIER = re.compile(r"\s*([^:,]+?)\s*:\s*([^:,]+?)\s*")


# The library's messages name Python values and arguments (``Decimal('0.999')``,
# ``weights={...}``, ``analyze_tickets()``) that a shell user cannot type; the command
# says the same without them.
_PYTHON_WORDS = [
    (re.compile(r",? or Decimal\('[^']*'\)"), ""),
    (re.compile(r"Decimal\('([^']*)'\)"), r"'\1'"),
    (re.compile(r"Fraction\((-?\d+), (\d+)\)"), r"'\1/\2'"),
    (re.compile(r" or give its weight in weights=\{.*?\}"), ""),
    (re.compile(r"pass what \w+\(\) returns, or "), ""),
]


def one_line(message: str) -> str:
    """``message`` on one line, in the shell's words: lines joined, Python left out.

    Examples:
        >>> one_line("'101%' is out of range;\\n pass e.g. '99.9%' or Decimal('0.999').")
        "'101%' is out of range; pass e.g. '99.9%'."
        >>> one_line("Unknown severity 'FULL'; use 'full' or give its weight in "
        ...          "weights={'FULL': ...}.")
        "Unknown severity 'FULL'; use 'full'."
    """
    text = " ".join(part.strip() for part in message.splitlines() if part.strip())
    for python, shell in _PYTHON_WORDS:
        text = python.sub(shell, text)
    return text


class CommandError(Exception):
    """A problem the command line reports in one line (bad file contents, missing option).

    Never leaves :func:`slacalc.cli.main`, which prints it and returns exit code 2.

    Examples:
        >>> str(CommandError("incidents.csv: row 3 has no 'start'; add it."))
        "incidents.csv: row 3 has no 'start'; add it."
    """


def instant_arg(text: str) -> dt.datetime:
    """``type=`` for an instant option: ISO 8601 with a UTC offset (``Z`` allowed).

    Examples:
        >>> instant_arg("2026-11-27T16:30Z").isoformat()
        '2026-11-27T16:30:00+00:00'
    """
    try:
        return instant_from(text, what="")
    except SlacalcError as exc:
        raise argparse.ArgumentTypeError(str(exc).lstrip()) from None


def month_arg(text: str) -> tuple[int, int]:
    """``type=`` for a month: ``'2026-02'`` gives ``(2026, 2)``.

    Examples:
        >>> month_arg("2026-02")
        (2026, 2)
    """
    match = _MONTH.fullmatch(text.strip())
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise argparse.ArgumentTypeError(f"{text!r} is not a month; write e.g. '2026-02'.")
    return int(match.group(1)), int(match.group(2))


def target_arg(text: str) -> str:
    """``type=`` for an availability target: checked exactly, kept as written.

    Examples:
        >>> target_arg("99.9%")
        '99.9%'
    """
    from slacalc.uptime import Availability

    try:
        Availability.from_target(text.strip())
    except SlacalcError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text.strip()


def money_arg(text: str) -> Decimal:
    """``type=`` for an amount of money, exact (``'500'``, ``'1999.99'``).

    Examples:
        >>> money_arg("500.00")
        Decimal('500.00')
    """
    try:
        return parse_money(text, what="the amount")
    except SlacalcError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an amount of money; write a number such as '500' or '1999.99'."
        ) from None


def credits_arg(text: str) -> CreditSchedule:
    """``type=`` for credit tiers: ``'99.9%:5%,99.5%:10%'`` (availability below : credit).

    Examples:
        >>> [(str(t.below), t.credit_percent) for t in credits_arg("99.9%:5%, 99%:15%").tiers]
        [('99.9%', Decimal('5')), ('99%', Decimal('15'))]
    """
    from slacalc.credits import CreditSchedule

    tiers = []
    for part in text.split(","):
        match = _TIER.fullmatch(part)
        if match is None:
            raise argparse.ArgumentTypeError(
                f"{part.strip()!r} in {text!r} is not a tier; write 'below:credit' pairs "
                "such as '99.9%:5%,99.5%:10%'."
            )
        tiers.append((match.group(1), match.group(2)))
    try:
        return CreditSchedule(tiers)
    except SlacalcError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def tz_arg(text: str) -> dt.tzinfo:
    """``type=`` for an IANA time zone name.

    Examples:
        >>> tz_arg("Europe/Copenhagen")
        zoneinfo.ZoneInfo(key='Europe/Copenhagen')
    """
    try:
        return resolve_tz(text.strip())
    except SlacalcError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def map_arg(text: str) -> dict[str, str]:
    """``type=`` for a mapping written ``key=value,key=value`` (``--columns``, ``--severity-map``).

    Examples:
        >>> map_arg("created=Created at, priority=Priority")
        {'created': 'Created at', 'priority': 'Priority'}
        >>> map_arg("created")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        argparse.ArgumentTypeError: 'created' is not key=value; write e.g. ...
    """
    out: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise argparse.ArgumentTypeError(
                f"{part.strip()!r} is not key=value; write e.g. created=Created,priority=Priority."
            )
        out[key.strip()] = value.strip()
    return out
