"""docs/concepts/uptime.md: every python block runs on its own, in a fresh namespace, and
prints what the page shows; the numbers the prose and tables state are the library's."""

from __future__ import annotations

import datetime as dt
import inspect
import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

import slacalc
from tests.docs.fences import fences, matches, shown_output

PAGE = Path(__file__).resolve().parents[2] / "docs" / "concepts" / "uptime.md"
TEXT = PAGE.read_text(encoding="utf-8")
BLOCKS = fences(TEXT)
PYTHON = [i for i, block in enumerate(BLOCKS) if block.lang == "python"]
PROSE = " ".join(TEXT.split())  # the prose with its line breaks folded
DAY = dt.timedelta(days=1)
US = dt.timedelta(microseconds=1)


def _days(cell: str) -> dt.timedelta:
    """``'365.2425 d'`` -> that many days, exactly."""
    number = re.fullmatch(r"([\d.]+) d", cell.strip())
    assert number is not None, cell
    return dt.timedelta(microseconds=int(Fraction(number.group(1)) * (DAY // US)))


def _table(header: str) -> list[list[str]]:
    """The cells of the Markdown table whose header row starts with ``header``."""
    start = TEXT.index(header)
    rows = []
    for line in TEXT[start:].split("\n")[2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def test_the_page_covers_the_issue() -> None:
    for topic in ("8.77", "count_as_up", "exclude", "Rounding", "gregorian", "fixed", "julian"):
        assert topic in TEXT
    assert len(PYTHON) >= 10


def test_the_conventions_table_is_the_library_s() -> None:
    # The keys are the page's text; the library checks them as conventions.
    rows: dict[Any, list[str]] = {
        row[0].split()[0].strip('`"'): row for row in _table("| convention |")
    }
    assert set(rows) == {"gregorian", "julian", "fixed"}
    for convention, (_, year, month, quarter, _) in rows.items():
        length = slacalc.period_length("year", convention=convention)
        assert length == _days(year), convention
        named_month = slacalc.period_length("month", convention=convention)
        named_quarter = slacalc.period_length("quarter", convention=convention)
        if month.startswith("year / 12"):
            assert named_month == length / 12, convention
            if "=" in month:
                assert named_month == _days(month.split("=")[1]), convention
        else:
            assert named_month == _days(month), convention
        if quarter == "year / 4":
            assert named_quarter == length / 4, convention
        else:
            assert named_quarter == _days(quarter), convention


def test_the_numbers_in_the_prose() -> None:
    shown = slacalc.format_duration
    fixed = slacalc.allowed_downtime("99.9%", "month", convention="fixed")
    gregorian = slacalc.allowed_downtime("99.9%", "month")
    february = slacalc.allowed_downtime("99.9%", slacalc.calendar_month(2026, 2))
    january = slacalc.allowed_downtime("99.9%", slacalc.calendar_month(2026, 1))
    claim = (
        f"The same 99.9 % month is {shown(gregorian)} (gregorian), {shown(fixed)} (fixed) and "
        f"anything from {shown(february, rounding='floor')} to {shown(january, rounding='floor')}"
        " in a real calendar month of 28 to 31 days."
    )
    assert claim in PROSE
    year = slacalc.allowed_downtime("99.9%", "year")
    year_365 = slacalc.allowed_downtime("99.9%", "year", convention="fixed")
    seconds = Decimal(year // US) / 1_000_000
    assert f"= {seconds:,} s".replace(",", " ") in PROSE  # 31 556.952 s
    assert f"{round(seconds / 3600, 3)} h" in PROSE  # 8.766 h
    assert f"A 365-day year gives {int(year_365.total_seconds()):,} s".replace(",", " ") in PROSE
    weights = slacalc.DEFAULT_SEVERITY_WEIGHTS
    assert weights["full"] == weights["major"] == 1
    assert (
        f"a partial one {float(weights['partial'])} and degraded performance "
        f"{int(weights['degraded'])}" in PROSE
    )
    budget = slacalc.ErrorBudget("99.9%", "30d")
    rate = budget.burn_rate_threshold("2%", "1h")
    rate_28 = slacalc.ErrorBudget("99.9%", "28d").burn_rate_threshold("2%", "1h")
    assert f"{float(rate)} for 2 % in an hour of 30 days, but {float(rate_28)} of 28 days" in PROSE
    lasts = budget.time_to_exhaustion(rate)
    assert lasts is not None
    hours = lasts / dt.timedelta(hours=1)
    assert f"At {float(rate)} a 30-day budget lasts {hours:g} hours" in PROSE


def _default(function: Callable[..., object], name: str = "rounding") -> object:
    return inspect.signature(function).parameters[name].default


def test_the_rounding_defaults_table_is_the_library_s() -> None:
    rows = {row[0]: row[1].strip('`"') for row in _table("| what | default | why |")}
    expected = {
        "`allowed_downtime` to whole microseconds": _default(slacalc.allowed_downtime),
        "`downtime_table` and `format_duration` to whole seconds": _default(slacalc.downtime_table),
        "`Availability.format(places)`": _default(slacalc.Availability.format),
        "credits and penalties to `quantum` (cents)": _default(slacalc.CreditSchedule),
    }
    assert rows == expected
    assert _default(slacalc.format_duration) == _default(slacalc.downtime_table)
    assert _default(slacalc.TicketPenalty) == _default(slacalc.CreditSchedule)


@pytest.mark.parametrize("index", PYTHON, ids=lambda i: f"line-{BLOCKS[i].line}")
def test_block_is_self_contained(index: int, capsys: pytest.CaptureFixture[str]) -> None:
    block = BLOCKS[index]
    capsys.readouterr()
    exec(compile(block.body, f"uptime.md line {block.line}", "exec"), {"__name__": "doc"})
    printed = capsys.readouterr().out
    shown = shown_output(BLOCKS, index)
    if shown is not None:
        assert matches(shown, printed), f"prints\n{printed}\nthe page shows\n{shown}"


def test_the_printed_table_is_checked() -> None:
    assert any(shown_output(BLOCKS, i) for i in PYTHON), "no block shows its output any more"
