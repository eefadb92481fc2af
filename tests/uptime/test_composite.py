"""Composite availability: published examples with exact results.

Sources: Microsoft Learn's composite SLA example (App Service 99.95 % x SQL Database
99.99 % = 99.94 %; quoted at learn.microsoft.com/answers/questions/122986), the AWS
Reliability Pillar (https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/
availability.html), an AWS certification study guide (Sybex) and
github.com/donnemartin/system-design-primer (two 99.9 % parts: 99.8 % in series, 99.9999 %
in parallel). The exact values are computed by hand next to each case.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from slacalc import (
    InvalidOptionError,
    InvalidTargetError,
    NumberTypeError,
    availability_in_parallel,
    availability_in_series,
    availability_k_of_n,
)
from slacalc.uptime import TargetLike


def test_azure_web_app_and_sql_database() -> None:
    # Microsoft Learn composite SLA: "99.95 % x 99.99 % = 99.94 %"; exactly 99.940005 %.
    result = availability_in_series("99.95%", "99.99%")
    assert result.fraction == Fraction("0.99940005")
    assert str(result) == "99.940005%"
    assert result.format(2) == "99.94%"


def test_azure_database_or_queue_fallback() -> None:
    # Microsoft Learn: "1.0 - (0.0001 x 0.001) = 99.99999 %".
    fallback = availability_in_parallel("99.99%", "99.9%")
    assert fallback == Decimal("0.9999999")
    # "99.95 % x 99.99999 % = ~99.95 %": exactly 0.99949990005.
    assert availability_in_series("99.95%", fallback) == Decimal("0.99949990005")


def test_two_regions_behind_a_router() -> None:
    # By hand: 1 - (1 - 0.99940005)^2 = 1 - 0.00059995^2 = 0.9999996400599975
    # (published rounded: 0.99999964006); x 0.9999 (router) = 0.99989964...: the router
    # limits the whole.
    region = availability_in_series("99.95%", "99.99%")
    both = availability_in_parallel(region, region)
    assert both.fraction == 1 - (1 - Fraction("0.99940005")) ** 2
    assert both == Decimal("0.9999996400599975")
    total = availability_in_series(both, "99.99%")
    assert total.format(6) == "99.989964%"


@pytest.mark.parametrize(
    ("result", "expected", "source"),
    [
        (
            lambda: availability_in_series("99.99%", "99.99%", "99.99%"),
            "0.999700029999",
            "AWS Reliability Pillar notes: .9999^3 = .9997",
        ),
        (
            lambda: availability_in_series(availability_in_parallel("99%", "99%"), "99%"),
            "0.989901",
            "AWS exam guide: 99.99 % x 99 % = 98.99 %",
        ),
        (
            lambda: availability_in_parallel("99.9%", "99.9%"),
            "0.999999",
            "system-design-primer: 99.9999 %",
        ),
        (
            lambda: availability_in_series("99.9%", "99.9%"),
            "0.998001",
            "system-design-primer: 99.8 %",
        ),
        (lambda: availability_k_of_n(2, ["99.9%"] * 3), "0.999997002", "hand: 3a^2(1-a)+a^3"),
        (lambda: availability_k_of_n(2, ["99%"] * 3), "0.999702", "hand"),
        (lambda: availability_k_of_n(3, ["99%"] * 5), "0.9999901494", "hand: binomial sum"),
        (
            lambda: availability_in_parallel("99.5%", "99.5%"),
            "0.999975",
            "two single EC2 instances (not .99 as a blog says)",
        ),
    ],
)
def test_published_examples(result: object, expected: str, source: str) -> None:
    assert result().fraction == Fraction(expected), source  # type: ignore[operator]


def test_k_of_n_edges_and_mixed_members() -> None:
    members: list[TargetLike] = ["99%", "99.9%", Decimal("0.95")]
    assert availability_k_of_n(1, members) == availability_in_parallel(*members)
    assert availability_k_of_n(3, members) == availability_in_series(*members)
    # 2 of {a, b, c} = ab + ac + bc - 2abc
    a, b, c = Fraction(99, 100), Fraction(999, 1000), Fraction(95, 100)
    assert availability_k_of_n(2, members).fraction == a * b + a * c + b * c - 2 * a * b * c
    assert availability_in_series("100%", "0%") == 0
    assert availability_in_parallel("0%", "0%") == 0
    assert availability_in_series("99.9%") == "99.9%"


def test_errors() -> None:
    with pytest.raises(InvalidOptionError, match=r"availability_in_series needs at least one"):
        availability_in_series()
    with pytest.raises(InvalidOptionError, match=r"availability_in_parallel needs at least one"):
        availability_in_parallel()
    with pytest.raises(InvalidOptionError, match=r"availability_k_of_n needs at least one"):
        availability_k_of_n(1, [])
    with pytest.raises(InvalidOptionError, match=r"k=4 is not between 1 and the number"):
        availability_k_of_n(4, ["99%"] * 3)
    with pytest.raises(InvalidOptionError, match=r"k=0 is not between 1"):
        availability_k_of_n(0, ["99%"])
    with pytest.raises(InvalidOptionError, match=r"k=True is not between 1"):
        availability_k_of_n(True, ["99%"])
    with pytest.raises(InvalidTargetError, match=r"'99.9' is ambiguous"):
        availability_in_series("99.9%", "99.9")
    with pytest.raises(NumberTypeError, match=r"0.999 is a binary float"):
        availability_in_parallel(0.999)  # type: ignore[arg-type]
