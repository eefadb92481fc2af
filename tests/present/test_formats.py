"""One duration formatter with named styles, one instant formatter, exact decimals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from slacalc import format_duration, format_seconds
from slacalc._present.formats import (
    DURATION_STYLES,
    decimal_text,
    duration_text,
    instant_text,
    percent_text,
)
from slacalc.errors import InvalidOptionError

USED = dt.timedelta(days=1, hours=13, minutes=30)


@pytest.mark.parametrize(
    ("style", "lang", "text"),
    [
        ("human", "en", "1d 13h 30m"),
        ("hours", "en", "37h 30m"),
        ("compact", "en", "37h30m"),
        ("iso", "en", "PT37H30M"),
        ("short", "en", "1 d 13 h 30 min"),
        ("short", "da", "1 d 13 t 30 min"),
        ("words", "en", "37 hours 30 minutes"),
        ("words", "da", "37 timer og 30 minutter"),
    ],
)
def test_each_style(style: str, lang: str, text: str) -> None:
    assert duration_text(USED, style, lang) == text  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "texts"),
    [
        (dt.timedelta(0), ("0s", "0s", "0s", "PT0S", "0 s", "0 seconds")),
        (
            dt.timedelta(seconds=-90, microseconds=-500),
            ("-1m 30.0005s", "-1m 30.0005s", "-1m30.0005s", "-PT1M30.0005S", "-1 min 30.0005 s",
             "-1 minute 30.0005 seconds"),
        ),
        (
            dt.timedelta(hours=1, seconds=1),
            ("1h 1s", "1h 1s", "1h1s", "PT1H1S", "1 h 1 s", "1 hour 1 second"),
        ),
        (Fraction(1, 3), ("~0.333333s",) * 2 + ("~0.333333s", "PT1/3S", "~0.333333 s",
                                                 "~0.333333 seconds")),
    ],
)  # fmt: skip
def test_zero_negative_singular_and_non_terminating(
    value: dt.timedelta | Fraction, texts: tuple[str, ...]
) -> None:
    assert tuple(duration_text(value, style) for style in DURATION_STYLES) == texts


def test_business_time_in_hours_never_days() -> None:
    over = -dt.timedelta(days=1, hours=5, minutes=30)
    assert format_duration(USED, "hours") == "37h 30m"
    assert format_duration(over, "hours") == "-29h 30m"
    for style in ("hours", "compact", "iso", "words"):
        assert "d" not in duration_text(dt.timedelta(days=400), style).replace("PT", "")


def test_public_rounding_and_unknown_styles() -> None:
    assert format_seconds(Fraction(315569952, 1000), "iso") == "PT87H39M30S"
    assert format_seconds(Fraction(315569952, 1000), "iso", rounding=None) == "PT87H39M29.952S"
    assert format_seconds(Fraction(-1, 3), rounding="floor") == "-0.333333s"
    assert format_seconds(Fraction(9999999, 10**7)) == "1s"
    assert format_duration(USED, "short", lang="da") == "1 d 13 t 30 min"
    with pytest.raises(InvalidOptionError, match="Unknown duration style 'long'"):
        format_duration(USED, "long")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match="Unknown language 'fr'"):
        format_duration(USED, "words", lang="fr")  # type: ignore[arg-type]


def test_decimals_and_percents() -> None:
    assert decimal_text(Fraction(1314873, 500), "da") == "2629,746"
    assert decimal_text(Decimal("25.00")) == "25"
    assert decimal_text(Fraction(-5, 4)) == "-1.25"
    assert decimal_text(Fraction(2, 3), "da") == "~0,666667"
    assert percent_text(Fraction(999, 10), "en") == "99.9 %"


def test_instants_for_people() -> None:
    cph = dt.timezone(dt.timedelta(hours=1))
    t = dt.datetime(2026, 11, 30, 8, 30, tzinfo=dt.UTC)
    assert instant_text(t, cph) == "Mon 2026-11-30 09:30"
    assert instant_text(t, cph, weekday=False) == "2026-11-30 09:30"
    assert instant_text(t.replace(second=7), cph, offset=True) == "Mon 2026-11-30 09:30:07 +01:00"
    odd = dt.timezone(dt.timedelta(hours=-3, minutes=-30, seconds=-5))
    assert instant_text(t, odd, offset=True).endswith(" -03:30:05")
    assert instant_text(t.replace(microsecond=1), weekday=False) == "2026-11-30 08:30:00.000001"
