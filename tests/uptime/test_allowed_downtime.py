"""Allowed downtime, the reverse, and the downtime table: golden numbers with their sources.

Sources:
- https://uptime.is/two-nines (page snapshot 2025-11-27): the 99 % row of the gregorian
  table (14m 24s, 1h 40m 48s, 7h 18m 17s, 21h 54m 52s, 3d 15h 39m 30s).
- Google SRE book, Appendix A "Availability table",
  https://sre.google/sre-book/availability-table/ (30-day month, 90-day quarter, 365-day
  year): the 99.99 % row (8.64 s a day, 4.32 min a month, 52.56 min a year).
- AWS Well-Architected Reliability Pillar, "Availability",
  https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/availability.html:
  4 h 22 min, 52 min, 5 min a year.
- GEANT service desk wiki, "3.0 Monthly Statistics" (wiki.geant.org), and MyOperator's
  support KB (support.myoperator.com): seconds and minutes per calendar month
  (28 d = 2 419 200 s = 40 320 min ... 31 d = 2 678 400 s = 44 640 min).
- Every other row: computed exactly with Fraction, by hand-checkable arithmetic:
  allowed = (1 - A) x T, with T from the convention (gregorian year 365.2425 d =
  31 556 952 s, month = year / 12, quarter = year / 4; julian year 365.25 d; fixed 30, 90
  and 365 d) or the calendar period's true length; shown rounded half up to the second.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

import slacalc
from slacalc import (
    InvalidDurationError,
    InvalidIntervalError,
    InvalidOptionError,
    InvalidPeriodError,
    InvalidTargetError,
    NaiveDatetimeError,
    NotADatetimeError,
    NumberTypeError,
    UnknownTimezoneError,
    allowed_downtime,
    availability,
    calendar_month,
    calendar_quarter,
    calendar_year,
    downtime_table,
    format_duration,
    format_seconds,
    period_length,
    required_uptime,
)

UTC = dt.UTC

# --- Gregorian mean year (uptime.is): day, week, month = Y/12, quarter = Y/4, year ----------
# (target, [(text, exact seconds)] for day, week, month, quarter, year); display half-up.
GREGORIAN = [
    (
        "90%",
        [
            ("2h 24m", "8640"),
            ("16h 48m", "60480"),
            ("3d 1h 2m 55s", "262974.6"),
            ("9d 3h 8m 44s", "788923.8"),
            ("36d 12h 34m 55s", "3155695.2"),
        ],
    ),  # computed
    (
        "95%",
        [
            ("1h 12m", "4320"),
            ("8h 24m", "30240"),
            ("1d 12h 31m 27s", "131487.3"),
            ("4d 13h 34m 22s", "394461.9"),
            ("18d 6h 17m 28s", "1577847.6"),
        ],
    ),  # computed
    (
        "99%",
        [
            ("14m 24s", "864"),
            ("1h 40m 48s", "6048"),
            ("7h 18m 17s", "26297.46"),
            ("21h 54m 52s", "78892.38"),
            ("3d 15h 39m 30s", "315569.52"),
        ],
    ),  # uptime.is/two-nines
    (
        "99.5%",
        [
            ("7m 12s", "432"),
            ("50m 24s", "3024"),
            ("3h 39m 9s", "13148.73"),
            ("10h 57m 26s", "39446.19"),
            ("1d 19h 49m 45s", "157784.76"),
        ],
    ),  # computed
    (
        "99.9%",
        [
            ("1m 26s", "86.4"),
            ("10m 5s", "604.8"),
            ("43m 50s", "2629.746"),
            ("2h 11m 29s", "7889.238"),
            ("8h 45m 57s", "31556.952"),
        ],
    ),  # computed
    (
        "99.95%",
        [
            ("43s", "43.2"),
            ("5m 2s", "302.4"),
            ("21m 55s", "1314.873"),
            ("1h 5m 45s", "3944.619"),
            ("4h 22m 58s", "15778.476"),
        ],
    ),  # computed
    (
        "99.99%",
        [
            ("9s", "8.64"),
            ("1m", "60.48"),
            ("4m 23s", "262.9746"),
            ("13m 9s", "788.9238"),
            ("52m 36s", "3155.6952"),
        ],
    ),  # computed
    (
        "99.999%",
        [
            ("0.864s", "0.864"),
            ("6s", "6.048"),
            ("26s", "26.29746"),
            ("1m 19s", "78.89238"),
            ("5m 16s", "315.56952"),
        ],
    ),  # computed
]
PERIODS = ["day", "week", "month", "quarter", "year"]


@pytest.mark.parametrize(("target", "row"), GREGORIAN, ids=[t for t, _ in GREGORIAN])
def test_gregorian_table(target: str, row: list[tuple[str, str]]) -> None:
    table = downtime_table(target)
    assert [r.text for r in table.rows] == [text for text, _ in row]
    assert [r.allowed_seconds for r in table.rows] == [Fraction(s) for _, s in row]
    for period, (_, seconds) in zip(PERIODS, row, strict=True):
        exact = Fraction(seconds)
        assert allowed_downtime(target, period) == dt.timedelta(microseconds=int(exact * 1_000_000))


def test_the_issue_examples() -> None:
    # 99.9 % a year = 0.001 x 31 556 952 s = 31 556.952 s = 8.766 h ~ 8.77 h (issue 3).
    assert slacalc.allowed_downtime("99.9%", "year") == dt.timedelta(
        seconds=31556, microseconds=952000
    )
    # 30-day month at 99.9 % = 43 m 12 s (SRE book convention).
    assert allowed_downtime(Decimal("0.999"), "month", convention="fixed") == dt.timedelta(
        minutes=43, seconds=12
    )
    hours = Fraction(31556952, 1000) / 3600
    assert round(float(hours), 2) == 8.77


# --- Julian (365.25 d) and fixed (30/90/365 d) conventions: month, quarter, year ------------
JULIAN = [  # computed: (1 - A) x 365.25 d (/ 12 a month, / 4 a quarter), display half-up
    ("90%", "3d 1h 3m", "9d 3h 9m", "36d 12h 36m"),
    ("95%", "1d 12h 31m 30s", "4d 13h 34m 30s", "18d 6h 18m"),
    ("99%", "7h 18m 18s", "21h 54m 54s", "3d 15h 39m 36s"),
    ("99.5%", "3h 39m 9s", "10h 57m 27s", "1d 19h 49m 48s"),
    ("99.9%", "43m 50s", "2h 11m 29s", "8h 45m 58s"),
    ("99.95%", "21m 55s", "1h 5m 45s", "4h 22m 59s"),
    ("99.99%", "4m 23s", "13m 9s", "52m 36s"),
    ("99.999%", "26s", "1m 19s", "5m 16s"),
]
FIXED = [  # (1 - A) x 30 / 90 / 365 d, as the SRE book, hexadecimal/uptime-calculator, azin.run
    ("90%", "3d", "9d", "36d 12h"),
    ("95%", "1d 12h", "4d 12h", "18d 6h"),
    ("99%", "7h 12m", "21h 36m", "3d 15h 36m"),
    ("99.5%", "3h 36m", "10h 48m", "1d 19h 48m"),
    ("99.9%", "43m 12s", "2h 9m 36s", "8h 45m 36s"),
    ("99.95%", "21m 36s", "1h 4m 48s", "4h 22m 48s"),
    ("99.99%", "4m 19s", "12m 58s", "52m 34s"),
    ("99.999%", "26s", "1m 18s", "5m 15s"),
]


@pytest.mark.parametrize("row", JULIAN, ids=[r[0] for r in JULIAN])
def test_julian_table(row: tuple[str, str, str, str]) -> None:
    table = downtime_table(row[0], convention="julian")
    assert (table["month"].text, table["quarter"].text, table["year"].text) == row[1:]


@pytest.mark.parametrize("row", FIXED, ids=[r[0] for r in FIXED])
def test_fixed_table(row: tuple[str, str, str, str]) -> None:
    table = downtime_table(row[0], convention="fixed")
    assert (table["month"].text, table["quarter"].text, table["year"].text) == row[1:]


def test_sre_book_appendix_a_row_99_99() -> None:
    # SRE book Appendix A, 99.99 %: 52.56 min/yr, 12.96 min/qtr, 4.32 min/mo, 60.5 s/wk
    # (60.48 exactly), 8.64 s/day, 0.36 s/h.
    def minutes(period: str) -> Fraction:
        us = allowed_downtime("99.99%", period, convention="fixed") // dt.timedelta(microseconds=1)
        return Fraction(us, 60_000_000)

    assert minutes("year") == Fraction("52.56")
    assert minutes("quarter") == Fraction("12.96")
    assert minutes("month") == Fraction("4.32")
    week = allowed_downtime("99.99%", "week", convention="fixed")
    day = allowed_downtime("99.99%", "day", convention="fixed")
    assert week == dt.timedelta(seconds=60, microseconds=480_000)
    assert day == dt.timedelta(seconds=8, microseconds=640_000)
    assert allowed_downtime("99.99%", "1h") == dt.timedelta(microseconds=360_000)


@pytest.mark.parametrize(
    ("target", "text"),
    [("99.95%", "4h 22m"), ("99.99%", "52m"), ("99.999%", "5m")],
)
def test_aws_reliability_pillar_per_year(target: str, text: str) -> None:
    # AWS Well-Architected Reliability Pillar: minutes truncated; 365 d and mean year agree.
    for convention in ("fixed", "gregorian"):
        shown = format_duration(
            allowed_downtime(target, "year", convention=convention), rounding="floor"
        )
        assert shown.split()[: len(text.split())] == text.split()


def test_the_same_month_under_every_convention() -> None:
    # 99.9 % of a month is 0.001 x 30 d = 43m 12s, 0.001 x 365.2425 d / 12 = 43m 50s, and
    # 40m 19s ... 44m 38s in 28-31 calendar days (44m 38s is 44.64 min rounded down, 40m 19s
    # is 40.32 min).
    assert downtime_table("99.9%", convention="fixed")["month"].text == "43m 12s"
    assert downtime_table("99.9%", convention="gregorian")["month"].text == "43m 50s"
    assert downtime_table("99.9%", convention="julian")["month"].text == "43m 50s"
    feb = allowed_downtime("99.9%", calendar_month(2026, 2))
    jan = allowed_downtime("99.9%", calendar_month(2026, 1))
    assert format_duration(feb, rounding="floor") == "40m 19s"
    assert format_duration(jan, rounding="floor") == "44m 38s"


# --- Real calendar periods ---------------------------------------------------------------
MONTH_LENGTHS = [  # GEANT "Monthly Statistics" seconds; MyOperator minutes
    ((2026, 2), 2_419_200, 40_320),
    ((2024, 2), 2_505_600, 41_760),
    ((2026, 4), 2_592_000, 43_200),
    ((2026, 1), 2_678_400, 44_640),
]
MONTH_MINUTES = [  # allowed minutes per calendar month: (1 - A) x 40 320 / 41 760 / 43 200 / 44 640
    ("90%", ["4032", "4176", "4320", "4464"]),
    ("95%", ["2016", "2088", "2160", "2232"]),
    ("99%", ["403.2", "417.6", "432", "446.4"]),
    ("99.5%", ["201.6", "208.8", "216", "223.2"]),
    ("99.9%", ["40.32", "41.76", "43.2", "44.64"]),
    ("99.95%", ["20.16", "20.88", "21.6", "22.32"]),
    ("99.99%", ["4.032", "4.176", "4.32", "4.464"]),
    ("99.999%", ["0.4032", "0.4176", "0.432", "0.4464"]),
]


@pytest.mark.parametrize(("ym", "seconds", "minutes"), MONTH_LENGTHS)
def test_calendar_month_lengths(ym: tuple[int, int], seconds: int, minutes: int) -> None:
    month = calendar_month(*ym)
    assert month.duration == dt.timedelta(seconds=seconds)
    assert seconds == minutes * 60


@pytest.mark.parametrize(("target", "minutes"), MONTH_MINUTES, ids=[t for t, _ in MONTH_MINUTES])
def test_allowed_minutes_per_calendar_month(target: str, minutes: list[str]) -> None:
    for (ym, _, _), expected in zip(MONTH_LENGTHS, minutes, strict=True):
        got = allowed_downtime(target, calendar_month(*ym))
        assert got == dt.timedelta(microseconds=int(Fraction(expected) * 60_000_000))


CALENDAR_TEXTS = [  # computed: (1 - A) x the period's true length, shown rounded half up
    # target, March 2026 Berlin (31 d - 1 h), October 2026 Berlin (31 d + 1 h), Q1, Q2, Q3
    # 2026 (90, 91, 92 d, UTC), 2028 (366 d)
    ("99%", "7h 25m 48s", "7h 27m", "21h 36m", "21h 50m 24s", "22h 4m 48s", "3d 15h 50m 24s"),
    ("99.5%", "3h 42m 54s", "3h 43m 30s", "10h 48m", "10h 55m 12s", "11h 2m 24s", "1d 19h 55m 12s"),
    ("99.9%", "44m 35s", "44m 42s", "2h 9m 36s", "2h 11m 2s", "2h 12m 29s", "8h 47m 2s"),
    ("99.95%", "22m 17s", "22m 21s", "1h 4m 48s", "1h 5m 31s", "1h 6m 14s", "4h 23m 31s"),
    ("99.99%", "4m 27s", "4m 28s", "12m 58s", "13m 6s", "13m 15s", "52m 42s"),
]


@pytest.mark.parametrize("row", CALENDAR_TEXTS, ids=[r[0] for r in CALENDAR_TEXTS])
def test_calendar_periods_dst_quarters_leap_year(row: tuple[str, ...]) -> None:
    target, *texts = row
    periods = [
        calendar_month(2026, 3, tz="Europe/Berlin"),
        calendar_month(2026, 10, tz="Europe/Berlin"),
        calendar_quarter(2026, 1),
        calendar_quarter(2026, 2),
        calendar_quarter(2026, 3),
        calendar_year(2028),
    ]
    shown = [format_duration(allowed_downtime(target, p)) for p in periods]
    assert shown == texts


def test_calendar_period_lengths_and_labels() -> None:
    assert calendar_month(2026, 3, tz="Europe/Berlin").duration == dt.timedelta(days=31, hours=-1)
    assert calendar_month(2026, 10, tz="Europe/Berlin").duration == dt.timedelta(days=31, hours=1)
    # Lord Howe Island moves its clocks by 30 minutes: April gains, October loses half an hour.
    assert calendar_month(2026, 4, tz="Australia/Lord_Howe").duration == dt.timedelta(
        days=30, minutes=30
    )
    assert calendar_month(2026, 10, tz="Australia/Lord_Howe").duration == dt.timedelta(
        days=31, minutes=-30
    )
    assert [calendar_quarter(2024, q).duration.days for q in (1, 2, 3, 4)] == [91, 91, 92, 92]
    assert [calendar_quarter(2026, q).duration.days for q in (1, 2, 3, 4)] == [90, 91, 92, 92]
    assert calendar_year(2026).duration == dt.timedelta(days=365)
    assert calendar_year(2028, tz="America/New_York").duration == dt.timedelta(days=366)
    dec = calendar_month(2026, 12, tz="Asia/Tokyo")
    assert dec.label == "2026-12"
    assert dec.start.isoformat() == "2026-12-01T00:00:00+09:00"
    assert dec.end.isoformat() == "2027-01-01T00:00:00+09:00"
    assert dec.window == (dec.start, dec.end)
    assert calendar_quarter(2026, 4).label == "2026-Q4"
    assert calendar_year(2026).label == "2026"


def test_exact_window_is_dst_correct() -> None:
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")
    start = dt.datetime(2026, 3, 29, tzinfo=berlin)  # the 23-hour day
    end = dt.datetime(2026, 3, 30, tzinfo=berlin)
    assert period_length((start, end)) == dt.timedelta(hours=23)
    assert allowed_downtime("99.9%", (start, end)) == dt.timedelta(seconds=82, microseconds=800_000)
    assert allowed_downtime("99.9%", calendar_month(2026, 3, tz=berlin)) == dt.timedelta(
        seconds=2674, microseconds=800_000
    )


def test_period_lengths_per_convention() -> None:
    assert period_length("year") == dt.timedelta(seconds=31_556_952)
    assert period_length("month") == dt.timedelta(seconds=31_556_952 // 12)
    assert period_length("quarter") == dt.timedelta(seconds=31_556_952 // 4)
    assert period_length("year", convention="julian") == dt.timedelta(days=365, hours=6)
    assert period_length("quarter", convention="fixed") == dt.timedelta(days=90)
    assert period_length("week", convention="fixed") == dt.timedelta(days=7)
    assert period_length("30d") == dt.timedelta(days=30)
    assert period_length("PT720H") == dt.timedelta(days=30)
    assert period_length(dt.timedelta(days=28)) == dt.timedelta(days=28)
    assert period_length(" Month ") == period_length("month")


# --- Reverse ----------------------------------------------------------------------------
def test_reverse_is_exact_at_the_float_traps() -> None:
    # Floats get these wrong ((40320 - 40.32) / 40320 >= 99.9 / 100 is False in binary
    # floating point); exact arithmetic gets them right.
    feb_2026 = calendar_month(2026, 2)  # 28 d
    feb_2024 = calendar_month(2024, 2)  # 29 d
    assert availability(dt.timedelta(minutes=40, seconds=19, milliseconds=200), feb_2026) == "99.9%"
    assert availability(dt.timedelta(minutes=208, seconds=48), feb_2024) == "99.5%"
    assert availability(dt.timedelta(minutes=20, seconds=9, milliseconds=600), feb_2026) == "99.95%"
    assert availability("43m12s", "month", convention="fixed") == Decimal("0.999")
    assert availability("0s", "day") == "100%"
    assert availability("24h", "day") == 0
    assert availability("PT12H", "day").fraction == Fraction(1, 2)


def test_required_uptime() -> None:
    assert required_uptime("99.9%", "day") == dt.timedelta(seconds=86313, milliseconds=600)
    assert required_uptime("99.9%", "year") + allowed_downtime("99.9%", "year") == period_length(
        "year"
    )
    assert required_uptime("100%", "week") == dt.timedelta(days=7)


def test_rounding_to_microseconds() -> None:
    third = Fraction(2, 3)  # allowed = 1/3 of a microsecond-unfriendly period
    assert allowed_downtime(slacalc.Availability(third), "1s") == dt.timedelta(microseconds=333333)
    assert allowed_downtime(slacalc.Availability(third), "1s", rounding="ceiling") == dt.timedelta(
        microseconds=333334
    )
    assert allowed_downtime(
        slacalc.Availability(third), "1s", rounding="half_even"
    ) == dt.timedelta(microseconds=333333)


# --- Rendering --------------------------------------------------------------------------
def test_table_rendering() -> None:
    text = str(downtime_table("99.9%", convention="fixed"))
    assert text.splitlines() == [
        "Allowed downtime at 99.9% (fixed: month 30 d, quarter 90 d, year 365 d)",
        "day      1m 26s",
        "week     10m 5s",
        "month    43m 12s",
        "quarter  2h 9m 36s",
        "year     8h 45m 36s",
    ]
    table = downtime_table("99.9%", rounding="floor")
    assert table["week"].text == "10m 4s"  # as the uptime.is API floors (https://uptime.is/about)
    assert table["year"].allowed == dt.timedelta(seconds=31556, milliseconds=952)
    assert table["year"].length == dt.timedelta(seconds=31_556_952)
    assert table.target == "99.9%"


@pytest.mark.parametrize(
    ("seconds", "rounding", "text"),
    [
        (Fraction(0), "half_up", "0s"),
        (Fraction(1, 2), "half_up", "0.5s"),
        (Fraction(59, 1), "half_up", "59s"),
        (Fraction(119, 2), "half_up", "1m"),  # 59.5 s rounds up
        (Fraction(119, 2), "half_even", "1m"),  # 59.5: 60 is even
        (Fraction(121, 2), "half_even", "1m"),  # 60.5: 60 is even
        (Fraction(121, 2), "floor", "1m"),
        (Fraction(121, 2), "ceiling", "1m 1s"),
        (Fraction(86400), "half_up", "1d"),
        (Fraction(90061), "half_up", "1d 1h 1m 1s"),
        (Fraction(-90), "half_up", "-1m 30s"),
        (Fraction(1, 3), "half_up", "0.333333s"),
    ],
)
def test_format_seconds(seconds: Fraction, rounding: str, text: str) -> None:
    assert format_seconds(seconds, rounding=rounding) == text  # type: ignore[arg-type]


def test_format_duration() -> None:
    year = dt.timedelta(hours=8, minutes=45, seconds=56, milliseconds=952)
    assert format_duration(year) == "8h 45m 57s"
    assert format_duration(dt.timedelta(milliseconds=864)) == "0.864s"
    with pytest.raises(InvalidDurationError, match=r"'8h' is a str, not a timedelta"):
        format_duration("8h")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match="Unknown rounding 'nearest'"):
        format_duration(dt.timedelta(1), rounding="nearest")  # type: ignore[arg-type]


# --- Error paths ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("period", "error", "message"),
    [
        ("fortnight", InvalidPeriodError, r"'fortnight' is not a period; pass 'day'"),
        (30, InvalidPeriodError, r"30 is not a period"),
        ("0s", InvalidPeriodError, r"'0s' is not longer than zero"),
        ("-1h", InvalidPeriodError, r"'-1h' is not longer than zero"),
        (dt.timedelta(0), InvalidPeriodError, r"is not longer than zero"),
        ("P1M", InvalidPeriodError, r"'P1M' is not a period"),
        ((dt.datetime(2026, 1, 1, tzinfo=UTC),), InvalidPeriodError, r"is not a window"),
        (
            (dt.datetime(2026, 1, 2, tzinfo=UTC), dt.datetime(2026, 1, 1, tzinfo=UTC)),
            InvalidIntervalError,
            r"The window ends at '2026-01-01T00:00:00\+00:00', not after its start",
        ),
        (
            (dt.datetime(2026, 1, 1, tzinfo=UTC), dt.datetime(2026, 1, 1, tzinfo=UTC)),
            InvalidIntervalError,
            r"not after its start",
        ),
        (
            (dt.datetime(2026, 1, 1), dt.datetime(2026, 1, 2)),
            NaiveDatetimeError,
            r"has no time zone",
        ),
        (("2026-01-01", "2026-01-02"), NotADatetimeError, r"'2026-01-01' is a str"),
    ],
)
def test_bad_periods(period: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        allowed_downtime("99.9%", period)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("target", "error", "message"),
    [
        ("99.9", InvalidTargetError, r"'99.9' is ambiguous: .* write '99.9%'"),
        (Decimal("99.9"), InvalidTargetError, r"Decimal\('99.9'\) is ambiguous.* write '99.9%'"),
        (99, InvalidTargetError, r"99 is ambiguous.* write '99%'"),
        (0.999, NumberTypeError, r"0.999 is a binary float.*Decimal\('0.999'\) or '99.9%'"),
        (99.9, NumberTypeError, r"99.9 is a binary float.*pass '99.9%' instead"),
        (float("nan"), NumberTypeError, r"nan is a binary float"),
        (Decimal("NaN"), InvalidTargetError, r"Decimal\('NaN'\) is not a finite number"),
        (Decimal("Infinity"), InvalidTargetError, r"is not a finite number"),
        ("abc", InvalidTargetError, r"'abc' is not an availability target"),
        ("101%", InvalidTargetError, r"'101%' is out of range.*between 0% and 100%"),
        ("-1%", InvalidTargetError, r"'-1%' is out of range"),
        (Decimal("-0.5"), InvalidTargetError, r"Decimal\('-0.5'\) is out of range"),
        (Fraction(3, 2), InvalidTargetError, r"Fraction\(3, 2\) is out of range"),
        (1000, InvalidTargetError, r"1000 is out of range"),
        (True, NumberTypeError, r"True is a bool"),
        (None, NumberTypeError, r"None is a NoneType, not an availability target"),
    ],
)
def test_bad_targets(target: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        allowed_downtime(target, "month")  # type: ignore[arg-type]


def test_bad_options() -> None:
    with pytest.raises(InvalidOptionError, match=r"Unknown convention 'banker'; pass 'gregorian'"):
        allowed_downtime("99.9%", "month", convention="banker")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match=r"Unknown rounding 'nearest'"):
        allowed_downtime("99.9%", "month", rounding="nearest")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match=r"Unknown convention"):
        downtime_table("99.9%", convention="lunar")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match=r"Unknown rounding"):
        required_uptime("99.9%", "month", rounding=None)  # type: ignore[arg-type]
    with pytest.raises(InvalidPeriodError, match=r"The table has no period 'decade'"):
        downtime_table("99.9%")["decade"]


def test_bad_downtime_for_reverse() -> None:
    with pytest.raises(InvalidDurationError, match=r"The downtime '-1m' is negative"):
        availability("-1m", "day")
    with pytest.raises(InvalidDurationError, match=r"The downtime '25h' is longer than the period"):
        availability("25h", "day")
    with pytest.raises(InvalidDurationError, match=r"'soon' is not a duration"):
        availability("soon", "day")


def test_bad_calendar_periods() -> None:
    with pytest.raises(InvalidPeriodError, match=r"Month 13 is not a month; pass 1"):
        calendar_month(2026, 13)
    with pytest.raises(InvalidPeriodError, match=r"Quarter 5 is not a quarter"):
        calendar_quarter(2026, 5)
    with pytest.raises(InvalidPeriodError, match=r"Year 1 is not supported"):
        calendar_year(1)
    with pytest.raises(InvalidPeriodError, match=r"Year '2026' is not supported"):
        calendar_month("2026", 1)  # type: ignore[arg-type]
    with pytest.raises(UnknownTimezoneError, match=r"Unknown time zone 'Mars/Olympus'"):
        calendar_month(2026, 1, tz="Mars/Olympus")
    start = dt.datetime(2026, 1, 2, tzinfo=UTC)
    with pytest.raises(InvalidIntervalError, match=r"The period 'x' ends at"):
        slacalc.CalendarPeriod(start, start, "x")
    with pytest.raises(NaiveDatetimeError):
        slacalc.CalendarPeriod(dt.datetime(2026, 1, 1), start, "x")
