"""Every error path of ``BusinessCalendar``.

Each case asserts the slacalc class, that it is also the fitting builtin (so ``except
ValueError`` keeps working), that the message shows the bad value (its ``repr``), and that
it says what to pass instead (house style: "what is wrong; what to pass instead").
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import signal
from collections.abc import Callable, Iterator
from typing import Any

import holidays
import pendulum
import pytest

from slacalc import (
    BusinessCalendar,
    HolidayCoverageError,
    InvalidDateError,
    InvalidDurationError,
    InvalidHoursError,
    NaiveDatetimeError,
    NeverOpenError,
    NotADatetimeError,
    OutOfRangeError,
    SlacalcError,
    UnknownHolidayRegionError,
    UnknownTimezoneError,
)

UTC = dt.UTC
T = dt.datetime(2026, 3, 2, 10, 0, tzinfo=UTC)  # a Monday, open in OFFICE
OFFICE = "Mon-Fri 09:00-17:00"

#: Words that introduce "what to pass instead" in the house style's messages.
ADVICE = re.compile(r"\b(pass|give|write|use|build|such as|e\.g\.|instead)\b", re.IGNORECASE)


def assert_message(exc: BaseException, *fragments: str) -> None:
    message = str(exc)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    assert ADVICE.search(message), f"no advice on what to pass instead in {message!r}"


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Fail instead of hanging: searches must be bounded."""

    def _alarm(signum: int, frame: object) -> None:
        raise TimeoutError(f"no answer within {seconds} s: an unbounded search?")

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# ---------------------------------------------------------------------------------------
# The hierarchy
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "builtin"),
    [
        (InvalidHoursError, ValueError),
        (InvalidDurationError, ValueError),
        (NaiveDatetimeError, ValueError),
        (NotADatetimeError, TypeError),
        (InvalidDateError, ValueError),
        (UnknownTimezoneError, LookupError),
        (UnknownHolidayRegionError, LookupError),
        (NeverOpenError, ValueError),
        (OutOfRangeError, LookupError),
        (HolidayCoverageError, LookupError),
    ],
    ids=lambda v: v.__name__,
)
def test_every_error_is_a_slacalc_error_and_a_builtin(
    cls: type[Exception], builtin: type[Exception]
) -> None:
    assert issubclass(cls, SlacalcError)
    assert issubclass(cls, builtin)
    assert isinstance(getattr(cls, "code", None), str)


# ---------------------------------------------------------------------------------------
# Malformed hours
# ---------------------------------------------------------------------------------------

BAD_HOURS = [
    # (hours, fragments the message must show)
    pytest.param("Mon-Fri 09:00-25:00", ["'25:00'"], id="hour-25"),
    pytest.param("Mon-Fri 09:60-17:00", ["09:60"], id="minute-60"),
    pytest.param("Mon-Fri 09:00-", ["'09:00-'"], id="no-end"),
    pytest.param("Mon-Fri -17:00", ["-17:00"], id="no-start"),
    pytest.param("Mon-Fri", ["'Mon-Fri'"], id="no-hours"),
    pytest.param("Mon-Fri 9-17", ["9-17"], id="not-hh-mm"),
    pytest.param("Mox 09:00-17:00", ["'Mox'"], id="unknown-weekday"),
    pytest.param("Mon-Fri 09:00-12:00,11:00-13:00", ["11:00", "12:00"], id="overlap"),
    pytest.param("Mon 09:00-17:00,10:00-11:00", ["10:00", "17:00"], id="overlap-inside"),
    # A 24-hour shift leaves no room for anything else that day.
    pytest.param("Mon 09:00-09:00+1,10:00-11:00", ["10:00"], id="overlap-24h-shift"),
    # Start == end is a typo as often as a 24-hour shift: refused, with both spellings.
    pytest.param(
        "Mon 09:00-09:00",
        ["'09:00-09:00'", "ambiguous", "'09:00-09:00+1'", "'00:00-24:00'"],
        id="start-equals-end",
    ),
    pytest.param({"mon": "00:00-00:00"}, ["'00:00-00:00'", "ambiguous"], id="midnight-twice"),
    pytest.param("Mon 09:00-10:00+1", ["'09:00-10:00+1'", "24 hours"], id="longer-than-24h"),
    pytest.param("Mon 09:00-24:00+1", ["'24:00'"], id="24-next-day"),
    pytest.param({"mon": ["09:00-12:00", "11:00-13:00"]}, ["11:00"], id="mapping-overlap"),
    pytest.param({"mox": "09:00-17:00"}, ["'mox'"], id="mapping-unknown-weekday"),
    pytest.param({"mon": "09:00-25:00"}, ["'25:00'"], id="mapping-hour-25"),
    pytest.param({"mon": ["09:00-"]}, ["'09:00-'"], id="mapping-no-end"),
]


@pytest.mark.parametrize(("hours", "fragments"), BAD_HOURS)
def test_malformed_hours(hours: Any, fragments: list[str]) -> None:
    with pytest.raises(InvalidHoursError) as info:
        BusinessCalendar(hours, tz="UTC")
    assert isinstance(info.value, ValueError)
    assert_message(info.value, *fragments)


def test_a_special_day_that_starts_and_ends_at_the_same_time_is_refused() -> None:
    with pytest.raises(InvalidHoursError) as info:
        BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", overrides={"2026-12-24": "08:00-08:00"})
    assert_message(info.value, "'08:00-08:00'", "'2026-12-24'", "'08:00-08:00+1'")


@pytest.mark.parametrize(
    ("hours", "canonical"),
    [
        ("Mon 09:00-09:00+1", "Mon 09:00-09:00+1"),
        ("Mon 22:00-06:00+1", "Mon 22:00-06:00"),
        ("Mon 00:00-00:00+1", "Mon 00:00-24:00"),
        ({"sat": "10:00 - 10:00 + 1"}, "Sat 10:00-10:00+1"),
    ],
)
def test_the_next_day_mark_reads_back(hours: Any, canonical: str) -> None:
    cal = BusinessCalendar(hours, tz="Europe/Copenhagen")
    assert cal.hours == canonical
    assert BusinessCalendar(canonical, tz="Europe/Copenhagen") == cal


@pytest.mark.parametrize(
    "hours", ["Mon-Fri 09:00-12:00,11:00-13:00", {"mon": ["09:00-12:00", "11:00-13:00"]}]
)
def test_overlap_message_says_overlap(hours: Any) -> None:
    with pytest.raises(InvalidHoursError, match=re.compile("overlap", re.IGNORECASE)):
        BusinessCalendar(hours, tz="UTC")


@pytest.mark.parametrize(
    ("override", "fragment"),
    [
        pytest.param("09:00-25:00", "'25:00'", id="hour-25"),
        pytest.param(["09:00-12:00", "11:00-13:00"], "11:00", id="overlap"),
        pytest.param("9am-noon", "'9am", id="words"),
    ],
)
def test_malformed_override_hours(override: Any, fragment: str) -> None:
    with pytest.raises(InvalidHoursError) as info:
        BusinessCalendar(OFFICE, tz="UTC", overrides={"2026-12-24": override})
    assert_message(info.value, fragment)


# ---------------------------------------------------------------------------------------
# Time zones, holiday regions, dates
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("tz", ["Europe/Kobenhavn", "Mars/Olympus_Mons", "CEST"])
def test_unknown_timezone(tz: str) -> None:
    with pytest.raises(UnknownTimezoneError) as info:
        BusinessCalendar(OFFICE, tz=tz)
    assert isinstance(info.value, LookupError)
    assert_message(info.value, repr(tz))


def test_unknown_timezone_for_always() -> None:
    with pytest.raises(UnknownTimezoneError) as info:
        BusinessCalendar.always(tz="Europe/Kobenhavn")
    assert_message(info.value, "'Europe/Kobenhavn'")


def test_tz_is_required() -> None:
    with pytest.raises(TypeError):
        BusinessCalendar(OFFICE)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("spec", "shown"),
    [
        pytest.param("XX", ["'XX'"], id="country"),
        pytest.param("US-XX", ["'US-XX'", "'XX'"], id="subdivision"),
        pytest.param("DE-ZZ", ["'DE-ZZ'", "'ZZ'"], id="subdivision-de"),
        pytest.param(["DK", "XX"], ["'XX'"], id="in-a-list"),
    ],
)
def test_unknown_holiday_region(spec: Any, shown: list[str]) -> None:
    with pytest.raises(UnknownHolidayRegionError) as info:
        BusinessCalendar(OFFICE, tz="UTC", holidays=spec)
    assert isinstance(info.value, LookupError)
    assert_message(info.value)
    assert any(s in str(info.value) for s in shown), str(info.value)


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        pytest.param({"holidays": ["2026-13-01"]}, "'2026-13-01'", id="holiday-month-13"),
        pytest.param({"holidays": ["24/12/2026"]}, "'24/12/2026'", id="holiday-not-iso"),
        pytest.param({"holidays": ["DK", "2026-02-30"]}, "'2026-02-30'", id="holiday-mixed"),
        pytest.param({"overrides": {"2026-02-30": "closed"}}, "'2026-02-30'", id="override-feb-30"),
        pytest.param({"overrides": {"Christmas": "closed"}}, "'Christmas'", id="override-word"),
    ],
)
def test_bad_dates(kwargs: dict[str, Any], fragment: str) -> None:
    with pytest.raises(InvalidDateError) as info:
        BusinessCalendar(OFFICE, tz="UTC", **kwargs)
    assert isinstance(info.value, ValueError)
    assert_message(info.value, fragment)


# ---------------------------------------------------------------------------------------
# Instants: naive datetimes and non-datetimes, for every method that takes one
# ---------------------------------------------------------------------------------------

CALLS: list[tuple[str, Callable[[BusinessCalendar, Any], object]]] = [
    ("is_open", lambda cal, x: cal.is_open(x)),
    ("next_open", lambda cal, x: cal.next_open(x)),
    ("next_close", lambda cal, x: cal.next_close(x)),
    ("add", lambda cal, x: cal.add(x, "1h")),
    ("exhausted_at", lambda cal, x: cal.exhausted_at(x, "1h")),
    ("subtract", lambda cal, x: cal.subtract(x, "1h")),
    ("elapsed-start", lambda cal, x: cal.elapsed(x, T)),
    ("elapsed-end", lambda cal, x: cal.elapsed(T, x)),
    ("open_periods-start", lambda cal, x: list(cal.open_periods(x, T))),
    ("open_periods-end", lambda cal, x: list(cal.open_periods(T, x))),
]
CALL_IDS = [name for name, _ in CALLS]
CALL_FUNCS = [call for _, call in CALLS]


@pytest.mark.parametrize("call", CALL_FUNCS, ids=CALL_IDS)
def test_naive_datetime(call: Callable[[BusinessCalendar, Any], object]) -> None:
    naive = dt.datetime(2026, 3, 2, 10, 0)
    cal = BusinessCalendar(OFFICE, tz="Europe/Copenhagen")
    with pytest.raises(NaiveDatetimeError) as info:
        call(cal, naive)
    assert isinstance(info.value, ValueError)
    assert_message(info.value, repr(naive))


def test_naive_pendulum_datetime() -> None:
    naive = pendulum.naive(2026, 3, 2, 10, 0)
    with pytest.raises(NaiveDatetimeError):
        BusinessCalendar(OFFICE, tz="UTC").is_open(naive)


@pytest.mark.parametrize("call", CALL_FUNCS, ids=CALL_IDS)
@pytest.mark.parametrize(
    "value",
    ["2026-03-02T10:00Z", dt.date(2026, 3, 2)],
    ids=["str", "date"],
)
def test_not_a_datetime(call: Callable[[BusinessCalendar, Any], object], value: object) -> None:
    cal = BusinessCalendar(OFFICE, tz="Europe/Copenhagen")
    with pytest.raises(NotADatetimeError) as info:
        call(cal, value)
    assert isinstance(info.value, TypeError)
    assert_message(info.value, repr(value))


# ---------------------------------------------------------------------------------------
# Durations
# ---------------------------------------------------------------------------------------

DURATION_CALLS = [
    pytest.param(lambda cal, d: cal.add(T, d), id="add"),
    pytest.param(lambda cal, d: cal.exhausted_at(T, d), id="exhausted_at"),
    pytest.param(lambda cal, d: cal.subtract(T, d), id="subtract"),
]


@pytest.mark.parametrize("call", DURATION_CALLS)
@pytest.mark.parametrize(
    ("duration", "fragment"),
    [
        pytest.param("2 hours", "'2 hours'", id="words"),
        pytest.param("", "''", id="empty"),
        pytest.param("abc", "'abc'", id="abc"),
        pytest.param("P1M", "'P1M'", id="iso-month"),
        pytest.param("P1Y", "'P1Y'", id="iso-year"),
    ],
)
def test_bad_duration_strings(
    call: Callable[[BusinessCalendar, Any], object], duration: str, fragment: str
) -> None:
    cal = BusinessCalendar(OFFICE, tz="UTC")
    with pytest.raises(InvalidDurationError) as info:
        call(cal, duration)
    assert isinstance(info.value, ValueError)
    assert_message(info.value, fragment)


@pytest.mark.parametrize("call", DURATION_CALLS)
@pytest.mark.parametrize(
    "duration",
    [pendulum.duration(months=1), pendulum.duration(years=1, hours=2)],
    ids=["months", "years"],
)
def test_durations_without_a_fixed_length(
    call: Callable[[BusinessCalendar, Any], object], duration: object
) -> None:
    cal = BusinessCalendar(OFFICE, tz="UTC")
    with pytest.raises(InvalidDurationError) as info:
        call(cal, duration)
    assert re.search(r"month|year", str(info.value), re.IGNORECASE)
    assert ADVICE.search(str(info.value))


# ---------------------------------------------------------------------------------------
# Calendars that can never open, and searches that find nothing
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "kwargs"),
    [
        pytest.param({}, {}, id="empty-mapping"),
        pytest.param("closed", {}, id="closed"),
        pytest.param({"mon": []}, {}, id="mapping-empty-day"),
        pytest.param({"mon": "closed", "sat": []}, {}, id="mapping-closed-days"),
        pytest.param({}, {"overrides": {"2026-12-24": "closed"}}, id="only-closed-overrides"),
    ],
)
def test_never_open(hours: Any, kwargs: dict[str, Any]) -> None:
    with pytest.raises(NeverOpenError) as info:
        BusinessCalendar(hours, tz="UTC", **kwargs)
    assert isinstance(info.value, ValueError)
    assert_message(info.value)


def _only_dec_24() -> BusinessCalendar:
    return BusinessCalendar({}, tz="UTC", overrides={"2026-12-24": "09:00-12:00"})


def _utc(year: int, month: int, day: int, hour: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=UTC)


OUT_OF_RANGE = [
    # 24x7 never closes.
    pytest.param(
        lambda: BusinessCalendar.always(tz="UTC").next_close(_utc(2026, 1, 1)), "2026", id="24x7"
    ),
    pytest.param(
        lambda: BusinessCalendar("24/7", tz="Europe/Copenhagen").next_close(_utc(2026, 12, 25)),
        "2026",
        id="24x7-string",
    ),
    pytest.param(
        lambda: BusinessCalendar("Mon-Sun 00:00-24:00", tz="UTC").next_close(_utc(2026, 12, 25)),
        "2026",
        id="every-day-all-day",
    ),
    # Open only on 2026-12-24 09-12: nothing after it ...
    pytest.param(lambda: _only_dec_24().next_open(_utc(2026, 12, 25)), "2026", id="next_open"),
    pytest.param(lambda: _only_dec_24().next_close(_utc(2026, 12, 25)), "2026", id="next_close"),
    # ... so a budget that is not used up on Dec 24 has no deadline,
    pytest.param(lambda: _only_dec_24().add(_utc(2026, 12, 24, 10), "3h"), "2026", id="add"),
    pytest.param(
        lambda: _only_dec_24().exhausted_at(_utc(2026, 12, 24, 10), "3h"), "2026", id="exhausted_at"
    ),
    # ... nor one that ends exactly at the 12:00 close (the deadline is the next opening),
    pytest.param(
        lambda: _only_dec_24().add(_utc(2026, 12, 24, 11), "1h"), "2026", id="add-exact-fit"
    ),
    pytest.param(lambda: _only_dec_24().add(_utc(2026, 12, 25), "0h"), "2026", id="add-zero"),
    # ... and nothing before it.
    pytest.param(
        lambda: _only_dec_24().subtract(_utc(2026, 12, 24, 10), "2h"), "2026", id="subtract"
    ),
    pytest.param(
        lambda: _only_dec_24().add(_utc(2026, 12, 24, 10), "-2h"), "2026", id="add-negative"
    ),
]


@pytest.mark.parametrize(("call", "fragment"), OUT_OF_RANGE)
def test_searches_that_find_nothing_raise_instead_of_hanging(
    call: Callable[[], object], fragment: str
) -> None:
    with time_limit(20), pytest.raises(OutOfRangeError) as info:
        call()
    assert isinstance(info.value, LookupError)
    assert fragment in str(info.value)


def test_only_dec_24_answers_what_it_can() -> None:
    """The same calendar answers every question that has an answer (controls for above)."""
    cal = _only_dec_24()
    with time_limit(20):
        assert cal.next_open(_utc(2026, 1, 1)) == _utc(2026, 12, 24, 9)
        assert cal.exhausted_at(_utc(2026, 12, 24, 11), "1h") == _utc(2026, 12, 24, 12)
        assert cal.add(_utc(2026, 12, 24, 10), "1h") == _utc(2026, 12, 24, 11)
        assert cal.subtract(_utc(2026, 12, 24, 12), "3h") == _utc(2026, 12, 24, 9)
        assert cal.elapsed(_utc(2020, 1, 1), _utc(2030, 1, 1)) == dt.timedelta(hours=3)
        assert cal.is_open(_utc(2026, 12, 25, 10)) is False


def test_fixed_holiday_source_outside_its_years() -> None:
    """A HolidayBase that will not expand must not silently answer for other years."""
    dk = holidays.country_holidays("DK", years=2026, expand=False)
    cal = BusinessCalendar(OFFICE, tz="Europe/Copenhagen", holidays=dk)
    good_friday = dt.datetime(2026, 4, 3, 10, 0, tzinfo=cal.tz)
    assert cal.is_open(good_friday) is False
    with pytest.raises(HolidayCoverageError) as info:
        cal.is_open(dt.datetime(2030, 1, 2, 10, tzinfo=UTC))
    assert isinstance(info.value, LookupError)
    assert_message(info.value, "2026")
