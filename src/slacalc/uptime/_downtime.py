"""Allowed downtime for a target, the reverse, and a table of budgets for people."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from slacalc._exact import Rounding, check_rounding, decimal_fraction, round_fraction
from slacalc._present.catalogue import Lang, check_lang
from slacalc._present.formats import DurationStyle, duration_text
from slacalc._time import duration_to_us
from slacalc._validate import kind, shown
from slacalc.errors import (
    InvalidDurationError,
    InvalidPeriodError,
    NumberTypeError,
    OutOfRangeError,
)
from slacalc.uptime._availability import Availability, TargetLike, to_availability
from slacalc.uptime._periods import (
    NAMED_PERIODS,
    Convention,
    NamedPeriod,
    PeriodLike,
    check_convention,
    period_us,
    us_to_timedelta,
)

__all__ = [
    "DowntimeRow",
    "DowntimeTable",
    "allowed_downtime",
    "availability",
    "downtime_table",
    "format_duration",
    "format_seconds",
    "required_uptime",
]

_US = 1_000_000
_CONVENTION_NOTE = {
    "gregorian": "year 365.2425 d, month = year/12, quarter = year/4",
    "julian": "year 365.25 d, month = year/12, quarter = year/4",
    "fixed": "month 30 d, quarter 90 d, year 365 d",
}


def _allowed_us(target: TargetLike, period: PeriodLike, convention: Convention) -> Fraction:
    share = to_availability(target).unavailability
    return share * period_us(period, convention)


def allowed_downtime(
    target: TargetLike,
    period: PeriodLike,
    *,
    convention: Convention = "gregorian",
    rounding: Rounding = "floor",
) -> dt.timedelta:
    """How much downtime a target allows in a period: ``(1 - target) x period``.

    Args:
        target: ``"99.9%"``, ``Decimal("0.999")``, ``Fraction(999, 1000)`` or an
            :class:`Availability`. A bare ``99.9`` is refused as ambiguous.
        period: ``"day"``, ``"week"``, ``"month"``, ``"quarter"``, ``"year"``, a
            ``timedelta``, a duration string (``"30d"``), an exact ``(start, end)``
            window of aware datetimes (DST-correct), or a
            :func:`calendar_month` / :func:`calendar_quarter` / :func:`calendar_year`.
        convention: the length of named months, quarters and years: ``"gregorian"``
            (default; 365.2425-day year as uptime.is), ``"julian"`` (365.25) or
            ``"fixed"`` (30-day month, 90-day quarter, 365-day year as the SRE book).
        rounding: how to round to whole microseconds when the exact budget is finer.
            The default ``"floor"`` never allows more than the contract does.

    Returns:
        The allowed downtime.

    Raises:
        InvalidTargetError: the target is malformed, out of range or ambiguous.
        NumberTypeError: the target is a float or not a number.
        InvalidPeriodError: the period is unknown, malformed or not positive.
        InvalidOptionError: an unknown ``convention`` or ``rounding``.

    Examples:
        >>> from decimal import Decimal
        >>> allowed_downtime("99.9%", "year")                    # 8.77 h
        datetime.timedelta(seconds=31556, microseconds=952000)
        >>> allowed_downtime(Decimal("0.999"), "month", convention="fixed")   # 43m 12s
        datetime.timedelta(seconds=2592)
    """
    conv = check_convention(convention)
    mode = check_rounding(rounding)
    return us_to_timedelta(round_fraction(_allowed_us(target, period, conv), mode))


def required_uptime(
    target: TargetLike,
    period: PeriodLike,
    *,
    convention: Convention = "gregorian",
    rounding: Rounding = "floor",
) -> dt.timedelta:
    """How much of a period must be up to meet a target: the period minus the allowed downtime.

    ``required_uptime(t, p) + allowed_downtime(t, p)`` is exactly the period length
    (for the same ``convention`` and ``rounding``).

    Args:
        target: the availability target (see :func:`allowed_downtime`).
        period: the period (see :func:`allowed_downtime`).
        convention: the length of named months, quarters and years.
        rounding: how the allowed downtime is rounded to microseconds.

    Returns:
        The required uptime.

    Raises:
        InvalidTargetError, NumberTypeError, InvalidPeriodError, InvalidOptionError:
            as :func:`allowed_downtime`.

    Examples:
        >>> required_uptime("99.9%", "day")
        datetime.timedelta(seconds=86313, microseconds=600000)
    """
    conv = check_convention(convention)
    mode = check_rounding(rounding)
    total = period_us(period, conv)
    allowed = round_fraction(_allowed_us(target, period, conv), mode)
    return us_to_timedelta(total - allowed)


def availability(
    downtime: dt.timedelta | str,
    period: PeriodLike,
    *,
    convention: Convention = "gregorian",
) -> Availability:
    """The availability that a given downtime leaves in a period: ``1 - downtime / period``.

    The reverse of :func:`allowed_downtime`.

    Args:
        downtime: a ``timedelta`` or a duration string (``"43m12s"``, ``"PT8H45M"``).
        period: the period (see :func:`allowed_downtime`).
        convention: the length of named months, quarters and years.

    Returns:
        The exact availability.

    Raises:
        InvalidDurationError: ``downtime`` is malformed, negative or longer than the period.
        InvalidPeriodError: the period is unknown, malformed or not positive.
        InvalidOptionError: an unknown ``convention``.

    Examples:
        >>> import datetime as dt
        >>> str(availability(dt.timedelta(minutes=40, seconds=19.2), "28d"))
        '99.9%'
        >>> str(availability("43m12s", "month", convention="fixed"))
        '99.9%'
    """
    conv = check_convention(convention)
    total = period_us(period, conv)
    down = duration_to_us(downtime, allow_days=True)
    if down < 0:
        raise InvalidDurationError(
            f"The downtime {downtime!r} is negative; pass a duration of zero or more."
        )
    if down > total:
        raise InvalidDurationError(
            f"The downtime {downtime!r} is longer than the period {period!r} "
            f"({us_to_timedelta(total)}); pass at most the period's length."
        )
    return Availability(1 - Fraction(down, total))


@dataclass(frozen=True, slots=True)
class DowntimeRow:
    """One line of a :class:`DowntimeTable`: the budget for one named period.

    Args:
        period: ``"day"``, ``"week"``, ``"month"``, ``"quarter"`` or ``"year"``.
        length: how long that period is under the table's convention.
        allowed_seconds: the exact allowed downtime in seconds.
        text: the allowed downtime for people, e.g. ``'43m 50s'``.

    Examples:
        >>> row = downtime_table("99.9%")["month"]
        >>> row.allowed_seconds, row.text
        (Fraction(1314873, 500), '43m 50s')
    """

    period: NamedPeriod
    length: dt.timedelta
    allowed_seconds: Fraction
    text: str

    @property
    def allowed(self) -> dt.timedelta:
        """The allowed downtime as a timedelta (rounded down to whole microseconds).

        Examples:
            >>> downtime_table("99.9%")["year"].allowed
            datetime.timedelta(seconds=31556, microseconds=952000)
        """
        return us_to_timedelta(round_fraction(self.allowed_seconds * _US, "floor"))


@dataclass(frozen=True, slots=True)
class DowntimeTable:
    """Allowed downtime per day, week, month, quarter and year, for one target.

    ``str()`` renders it for people; index it by period name for a :class:`DowntimeRow`.

    Args:
        target: the availability target.
        convention: the convention for months, quarters and years.
        rounding: the rounding used for the text.
        rows: one row per period, day to year.

    Examples:
        >>> print(downtime_table("99.9%"))
        Allowed downtime at 99.9% (gregorian: year 365.2425 d, month = year/12, quarter = year/4)
        day      1m 26s
        week     10m 5s
        month    43m 50s
        quarter  2h 11m 29s
        year     8h 45m 57s
    """

    target: Availability
    convention: Convention
    rounding: Rounding
    rows: tuple[DowntimeRow, ...]

    def __getitem__(self, period: str) -> DowntimeRow:
        for row in self.rows:
            if row.period == period:
                return row
        raise InvalidPeriodError(
            f"The table has no period {period!r}; use one of {', '.join(NAMED_PERIODS)}."
        )

    def __str__(self) -> str:
        head = (
            f"Allowed downtime at {self.target} "
            f"({self.convention}: {_CONVENTION_NOTE[self.convention]})"
        )
        return "\n".join([head, *(f"{row.period:<8} {row.text}" for row in self.rows)])


def downtime_table(
    target: TargetLike,
    *,
    convention: Convention = "gregorian",
    rounding: Rounding = "half_up",
) -> DowntimeTable:
    """Allowed downtime per day, week, month, quarter and year, for people.

    Args:
        target: the availability target (see :func:`allowed_downtime`).
        convention: ``"gregorian"`` (default, matches uptime.is), ``"julian"`` or
            ``"fixed"`` (matches the Google SRE book's table).
        rounding: how the text rounds to whole seconds; the default ``"half_up"``
            matches the uptime.is page. Budgets under a second are shown exactly.

    Returns:
        The table; exact values are in each row's ``allowed_seconds``.

    Raises:
        InvalidTargetError, NumberTypeError: a bad target.
        InvalidOptionError: an unknown ``convention`` or ``rounding``.

    Examples:
        >>> table = downtime_table("99%")
        >>> [row.text for row in table.rows]
        ['14m 24s', '1h 40m 48s', '7h 18m 17s', '21h 54m 52s', '3d 15h 39m 30s']
    """
    conv = check_convention(convention)
    mode = check_rounding(rounding)
    goal = to_availability(target)
    rows = []
    for name in NAMED_PERIODS:
        length = period_us(name, conv)
        seconds = goal.unavailability * Fraction(length, _US)
        rows.append(
            DowntimeRow(
                name, us_to_timedelta(length), seconds, format_seconds(seconds, rounding=mode)
            )
        )
    return DowntimeTable(goal, conv, mode, tuple(rows))


#: The longest duration formatted: the supported years (2-9998), in seconds.
_MAX_SECONDS = 10_000 * 366 * 86_400


def format_seconds(
    seconds: Fraction | Decimal | int,
    style: DurationStyle = "human",
    *,
    rounding: Rounding | None = "half_up",
    lang: Lang = "en",
) -> str:
    """Render an exact number of seconds for people, as :func:`format_duration` does.

    Args:
        seconds: the exact duration in seconds (may be negative).
        style: see :func:`format_duration`.
        rounding: how to round the magnitude to whole seconds (to the microsecond under
            one second: ``'0.864s'``); ``None`` writes it exactly.
        lang: the language of the ``"short"`` and ``"words"`` styles.

    Returns:
        The text, leaving out zero parts; ``'0s'`` for zero.

    Raises:
        InvalidOptionError: an unknown ``style``, ``rounding`` or ``lang``.
        NumberTypeError: ``seconds`` is not a finite number.

    Examples:
        >>> from fractions import Fraction
        >>> format_seconds(Fraction(315569952, 1000))
        '3d 15h 39m 30s'
        >>> format_seconds(Fraction(315569952, 1000), "hours")
        '87h 39m 30s'
        >>> format_seconds(Fraction(864, 1000))
        '0.864s'
    """
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float, Fraction, Decimal)):
        raise NumberTypeError(
            f"{shown(seconds)} is {kind(seconds)}, not a number of seconds; pass an int or a "
            "Fraction, e.g. Fraction(315569952, 1000)."
        )
    # ints and Fractions are always finite (math.isfinite overflows on a huge one)
    finite = (
        seconds.is_finite()
        if isinstance(seconds, Decimal)
        else not isinstance(seconds, float) or math.isfinite(seconds)
    )
    if not finite:
        raise NumberTypeError(f"{seconds!r} is not a finite number of seconds; pass a finite one.")
    what = "a number of seconds"
    value = (
        decimal_fraction(seconds, what, OutOfRangeError)
        if isinstance(seconds, Decimal)
        else Fraction(seconds)
    )
    if abs(value) > _MAX_SECONDS:
        raise OutOfRangeError(
            f"{shown(seconds)} seconds is longer than the years 2-9998 that slacalc answers "
            "about; pass a shorter duration."
        )
    if rounding is not None:
        mode = check_rounding(rounding)
        size = abs(value)
        if size < 1:
            size = Fraction(round_fraction(size * _US, mode), _US)
        else:
            size = Fraction(round_fraction(size, mode))
        value = -size if value < 0 else size
    return duration_text(value, style, check_lang(lang))


def format_duration(
    duration: dt.timedelta,
    style: DurationStyle = "human",
    *,
    rounding: Rounding | None = "half_up",
    lang: Lang = "en",
) -> str:
    """Render a timedelta for people (``'8h 45m 57s'``), for a policy file or for JSON.

    Business time is written in hours, never in days of 24 h (``style="hours"``): a
    "day" of business time is ambiguous, and :func:`slacalc.BusinessCalendar.add`
    refuses ``"1d"``. Days are for calendar time, such as allowed downtime.

    Args:
        duration: the duration (negative durations get a leading ``-``).
        style: ``"human"`` (``'1d 13h 30m'``, the default), ``"hours"`` (``'37h 30m'``,
            for business time), ``"compact"`` (``'37h30m'``, as a policy file writes
            it), ``"iso"`` (``'PT37H30M'``, ISO 8601 without days), ``"short"``
            (``'1 d 13 h 30 min'``, with the language's units) or ``"words"``
            (``'37 hours 30 minutes'``, in the language).
        rounding: how to round the magnitude to whole seconds (to the microsecond under
            one second: ``'0.864s'``); ``None`` writes it exactly (``'1m30.5s'``).
        lang: ``"en"`` or ``"da"``, for the ``"short"`` and ``"words"`` styles.

    Returns:
        The text, leaving out zero parts.

    Raises:
        InvalidDurationError: ``duration`` is not a timedelta.
        InvalidOptionError: an unknown ``style``, ``rounding`` or ``lang``.

    Examples:
        >>> format_duration(allowed_downtime("99.9%", "year"))
        '8h 45m 57s'
        >>> format_duration(allowed_downtime("99.9%", "year"), rounding="floor")
        '8h 45m 56s'
        >>> used = dt.timedelta(days=1, hours=13, minutes=30)
        >>> format_duration(used), format_duration(used, "hours"), format_duration(used, "compact")
        ('1d 13h 30m', '37h 30m', '37h30m')
        >>> format_duration(used, "words", lang="da")
        '37 timer og 30 minutter'
        >>> format_duration(dt.timedelta(seconds=90.5), "compact", rounding=None)
        '1m30.5s'
    """
    if not isinstance(duration, dt.timedelta):
        raise InvalidDurationError(
            f"{duration!r} is a {type(duration).__name__}, not a timedelta; pass a "
            "datetime.timedelta."
        )
    seconds = Fraction(duration_to_us(duration), _US)
    return format_seconds(seconds, style, rounding=rounding, lang=lang)
