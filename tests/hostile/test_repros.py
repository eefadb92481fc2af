"""Hostile inputs that once crashed, hung or answered silently wrong, one test each.

Each gives a slacalc error (also the fitting builtin) that names the value, within the
suite's timeout, or the correct answer.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

import slacalc
from slacalc import (
    BusinessCalendar,
    HolidayCoverageError,
    InvalidDateError,
    InvalidDurationError,
    InvalidHoursError,
    OutOfRangeError,
    PolicyFileError,
    PolicyValidationError,
)
from slacalc.policy import PolicyBook, PolicyHistory, SLAPolicy, default_policy

pytestmark = pytest.mark.timeout(20)

UTC = dt.UTC
T = dt.datetime(2026, 11, 30, 10, tzinfo=UTC)
CAL = BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC")


def _any(value: object) -> Any:
    """``value`` typed as anything: these tests pass wrong types on purpose."""
    return value


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# -- files: depth, size and integer limits ----------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deep.json", '{"a":' * 100_000 + "1" + "}" * 100_000),
        ("deep.toml", "a = " + "[" * 100_000 + "]" * 100_000),
        ("deep40.json", '{"support": ' + "[" * 40 + "]" * 40 + "}"),
    ],
)
def test_deeply_nested_policy_file_names_path_and_limit(
    tmp_path: Path, name: str, text: str
) -> None:
    path = _write(tmp_path, name, text)
    with pytest.raises(PolicyFileError, match=r"deeper than 32 levels") as info:
        SLAPolicy.from_file(path)
    assert repr(path) in str(info.value)


def test_huge_integer_in_policy_file_names_the_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.json", '{"support": {"x": ' + "9" * 5000 + "}}")
    with pytest.raises(PolicyFileError, match=r"at most 18 digits"):
        SLAPolicy.from_file(path)
    path = _write(tmp_path, "big2.json", '{"support": {"x": ' + "9" * 40 + "}}")
    with pytest.raises(PolicyFileError, match=r"at support\.x; integers in a file have at most"):
        SLAPolicy.from_file(path)


def test_huge_integer_in_policy_data_is_a_validation_error() -> None:
    data = default_policy().to_dict()
    data["severities"][0]["response"] = 10**400
    with pytest.raises(PolicyValidationError, match=r"severities\[0\]\.response"):
        SLAPolicy.from_dict(data)


def test_oversized_policy_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    with path.open("wb") as f:
        f.truncate(10_000_001)
    with pytest.raises(PolicyFileError, match=r"10000001 bytes.*up to 10000000"):
        SLAPolicy.from_file(path)


# -- mappings, holidays and other wrong types -----------------------------------------


@pytest.mark.parametrize("value", [[1], (1,), "abc", 5])
def test_overrides_that_are_not_a_mapping(value: Any) -> None:
    with pytest.raises(InvalidDateError, match=r"overrides= .* not a mapping"):
        BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", overrides=value)


@pytest.mark.parametrize(
    ("value", "shown"), [(b"DK", "b'DK'"), (range(3), "range(0, 3)"), (bytearray(b"x"), "bytea")]
)
def test_holidays_of_a_wrong_type_are_named_whole(value: Any, shown: str) -> None:
    with pytest.raises(InvalidDateError, match=r"Holidays " + re.escape(shown)):
        BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", holidays=value)


# -- durations: beyond the supported years, long and backtracking texts ----------------


@pytest.mark.parametrize(
    "duration",
    ["9999999999h", dt.timedelta.max, dt.timedelta.min, "PT99999999999H", "-9999999999h"],
)
@pytest.mark.parametrize("method", ["add", "subtract", "exhausted_at"])
def test_durations_beyond_the_supported_years(duration: Any, method: str) -> None:
    with pytest.raises(OutOfRangeError, match=r"longer than the years 2-9998"):
        getattr(CAL, method)(T, duration)


@pytest.mark.parametrize(
    "duration", ["1h" + " " * 30_000 + "1", "1" * 50_000 + "x", " " * 50_000 + "x", "1" * 101]
)
def test_long_duration_strings_are_refused_quickly(duration: str) -> None:
    with pytest.raises(InvalidDurationError, match=r"too long for a duration|not a duration"):
        CAL.add(T, duration)


def test_spaces_inside_a_number_are_not_removed() -> None:
    with pytest.raises(InvalidDurationError, match=r"'1 5h' is not a duration"):
        CAL.add(T, "1 5h")
    assert CAL.add(T, " 1 h 30 m ") == CAL.add(T, "1h30m")


@pytest.mark.parametrize(
    "hours",
    [
        "Mon" + " " * 50_000 + "x",
        "Mon" + "-Mon" * 5_000 + " 09:00-17:00",
        "Mon 09:00" + " " * 50_000 + "-17:00",
        "Mon 09:00-09:00" + " " * 50_000 + "+1x",
    ],
)
def test_long_hours_strings_are_refused_quickly(hours: str) -> None:
    with pytest.raises(InvalidHoursError):
        BusinessCalendar(hours, tz="UTC")


# -- holiday coverage -------------------------------------------------------------------


@pytest.mark.parametrize("year", [2150, 1700])
def test_a_year_without_holiday_data_is_refused(year: int) -> None:
    dk = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK")
    first, last = dk.holiday_coverage or (0, 0)
    with pytest.raises(HolidayCoverageError, match=rf"'DK' only in {first}-{last}.* {year}"):
        dk.is_open(dt.datetime(year, 12, 25, 10, tzinfo=UTC))


def test_lenient_coverage_answers_and_says_so() -> None:
    dk = BusinessCalendar(
        "Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK", holiday_coverage="lenient"
    )
    assert "holiday_coverage='lenient'" in repr(dk)
    assert dk.is_open(dt.datetime(2150, 12, 25, 10, tzinfo=UTC))  # a Friday, no data
    assert not dk.is_open(dt.datetime(2026, 12, 25, 10, tzinfo=UTC))
    strict = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK")
    assert dk != strict


def test_a_country_that_begins_later_is_refused_before_its_first_year() -> None:
    xk = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Belgrade", holidays="XK")
    first, _ = xk.holiday_coverage or (0, 0)
    assert first > 1990
    with pytest.raises(HolidayCoverageError, match=r"the question needs 1990"):
        xk.add(dt.datetime(1990, 6, 1, 10, tzinfo=UTC), "1h")


def test_holiday_coverage_must_be_a_known_choice() -> None:
    with pytest.raises(slacalc.InvalidOptionError, match=r"'loose'"):
        BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", holiday_coverage="loose")  # type: ignore[arg-type]


# -- wrong types inside the uptime, credit and ticket calls ----------------------------


def test_event_kind_or_severity_of_an_unhashable_type() -> None:
    from slacalc.timers import coerce_events

    with pytest.raises(slacalc.TicketEventError, match=r"Unknown event kind \['opened'\]"):
        coerce_events([{"kind": ["opened"], "at": T, "severity": "high"}])
    with pytest.raises(slacalc.TicketEventError, match=r"got \['high'\]"):
        default_policy().evaluate([{"kind": "opened", "at": T, "severity": ["high"]}], at=T)


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (
            lambda: slacalc.CreditSchedule(_any("99.9%:10%")),
            slacalc.NotAnIntervalError,
            "'99.9%:10%'",
        ),
        (
            lambda: slacalc.measure_availability(_any("abc"), slacalc.calendar_month(2026, 2)),
            slacalc.NotAnIntervalError,
            "'abc'",
        ),
        (lambda: slacalc.availability_k_of_n(2, "999"), slacalc.NumberTypeError, "'999'"),
        (
            lambda: slacalc.availability_k_of_n(2, ["99%"] * 1000),
            slacalc.InvalidOptionError,
            "1000 members",
        ),
        (lambda: slacalc.format_seconds(_any(float("inf"))), slacalc.NumberTypeError, "inf"),
        (lambda: slacalc.format_seconds(_any("10")), slacalc.NumberTypeError, "'10'"),
    ],
)
def test_collections_given_as_text_are_named_whole(call: Any, error: type, match: str) -> None:
    with pytest.raises(error, match=re.escape(match)):
        call()


# -- bulk calls and far questions -------------------------------------------------------


def test_bulk_durations_beyond_the_supported_years() -> None:
    np = pytest.importorskip("numpy")
    starts = np.array([T.replace(tzinfo=None)], dtype="datetime64[us]")
    for us in (2**62, -(2**62)):
        with pytest.raises(OutOfRangeError):
            CAL.add_many(starts, np.array([us], dtype="timedelta64[us]"))
    with pytest.raises(OutOfRangeError):
        CAL.add_many([T], dt.timedelta.max)
    with pytest.raises(OutOfRangeError):
        CAL.add_many([T], "9999999999h")


def test_bulk_questions_far_apart_are_answered() -> None:
    near = dt.datetime(3, 1, 1, tzinfo=UTC)
    far = dt.datetime(9990, 1, 1, tzinfo=UTC)
    assert CAL.elapsed_many([near, None], [far, T]) == [CAL.elapsed(near, far), None]
    assert CAL.is_open_many([near, far]) == [CAL.is_open(near), CAL.is_open(far)]
    week = dt.timedelta(days=7 * 52 * 100)
    assert CAL.add_many([near, T], week) == [CAL.add(near, week), CAL.add(T, week)]


def test_far_future_tickets_are_refused_not_waited_for() -> None:
    policy = SLAPolicy.from_dict(
        {
            "support": {"hours": "Mon-Fri 09:00-17:00", "tz": "UTC"},
            "severities": [{"name": "high", "response": "4h", "resolution": "8h"}],
        }
    )
    far = dt.datetime(9990, 1, 1, tzinfo=UTC)
    opened = [{"kind": "opened", "at": T, "severity": "high"}]
    with pytest.raises(OutOfRangeError, match=r"more than 20 years"):
        slacalc.explain(opened, policy, at=far)
    paused = [*opened, {"kind": "paused", "at": T + dt.timedelta(hours=1)}]
    with pytest.raises(OutOfRangeError, match=r"more than 200 years"):
        policy.evaluate(paused, at=far)
    assert policy.evaluate(opened, at=far).response.breached


def test_report_values_of_a_wrong_type_are_named() -> None:
    from slacalc.reports import Explanation, explain, plot_compliance

    with pytest.raises(slacalc.WrongTypeError, match=r"not \[1, 2\] \(a list\)"):
        plot_compliance(_any([1, 2]))
    with pytest.raises(TypeError, match="from_status"):
        Explanation.from_status(_any("x"), UTC)
    ticket = [{"kind": "opened", "at": T, "severity": "high"}]
    with pytest.raises(slacalc.WrongTypeError, match=r"ticket_id \[1\] \(a list\) cannot be"):
        explain(ticket, default_policy(), T, ticket_id=_any([1]))


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: PolicyBook.from_dict(_any([1])), PolicyValidationError, "policy book"),
        (lambda: PolicyHistory(_any("abc")), slacalc.InvalidOptionError, "'abc'"),
        (lambda: slacalc.ClockRules(_any("high")), slacalc.InvalidOptionError, "'high'"),
        (lambda: default_policy().evaluate(_any(5), at=T), slacalc.TicketEventError, "5"),
        (
            lambda: default_policy().to_json(indent=_any(10**9)),
            slacalc.InvalidOptionError,
            "0 to 16",
        ),
        (
            lambda: slacalc.TicketEvent.takes(_any([1]), "author"),
            slacalc.InvalidOptionError,
            "two names",
        ),
    ],
)
def test_more_wrong_collections_are_named_whole(call: Any, error: type, match: str) -> None:
    with pytest.raises(error, match=match):
        call()


def test_durations_to_format_beyond_the_supported_years() -> None:
    from decimal import Decimal

    with pytest.raises(OutOfRangeError, match="years 2-9998"):
        slacalc.format_seconds(10**30)
    with pytest.raises(slacalc.NumberTypeError, match="finite"):
        slacalc.format_seconds(Decimal("NaN"))
    assert slacalc.format_seconds(3600) == "1h"


def test_a_huge_count_of_nines_is_refused_not_computed() -> None:
    with pytest.raises(slacalc.InvalidTargetError, match="from 0 to 30"):
        slacalc.Availability.from_nines(2**63)
    assert slacalc.Availability.from_nines(30).nines == 30


def test_a_calendar_name_of_an_unhashable_type() -> None:
    with pytest.raises(PolicyValidationError, match=r"\[1\] is not a calendar"):
        default_policy().calendar(_any([1]))


@pytest.mark.parametrize("missing", [None, "NaT"])
@pytest.mark.parametrize("container", ["list", "series", "array"])
def test_a_missing_duration_gives_a_missing_deadline(missing: Any, container: str) -> None:
    import numpy as np
    import pandas as pd

    one = dt.timedelta(hours=1)
    gap = pd.NaT if missing == "NaT" else None
    durations: Any = [one, gap]
    if container == "series":
        durations = pd.Series(durations, dtype="timedelta64[us]")
    elif container == "array":
        durations = np.array([one, "NaT"], dtype="timedelta64[us]")
    first, second = CAL.add_many([T, T], durations)
    assert first == T + one
    assert second is None or pd.isna(second)


def test_a_long_period_is_shown_shortened() -> None:
    with pytest.raises(slacalc.InvalidPeriodError, match=r"\(5001 characters\)") as caught:
        slacalc.ErrorBudget("99.9%", "9" * 5000 + "h")
    assert len(str(caught.value)) < 400


def test_a_decimal_with_a_huge_exponent_is_refused_not_expanded() -> None:
    from decimal import Decimal

    with pytest.raises(slacalc.InvalidTargetError, match="exponent beyond"):
        slacalc.Availability.from_target(Decimal("1E-99999999"))
    with pytest.raises(slacalc.InvalidTargetError, match="too long"):
        slacalc.Availability.from_target("99." + "9" * 5000 + "%")
    with pytest.raises(OutOfRangeError, match="exponent beyond"):
        slacalc.format_seconds(Decimal("1E-99999999"))


@pytest.mark.parametrize("path", ["x" * 5000, "x" * 5000 + ".toml", "a\x00.toml"])
def test_a_policy_path_the_system_cannot_open_is_a_policy_file_error(path: str) -> None:
    with pytest.raises(PolicyFileError, match="Cannot read") as caught:
        SLAPolicy.from_file(path)
    assert len(str(caught.value)) < 400


@pytest.mark.parametrize("value", [None, 0, b"x", ["open"]])
def test_a_status_name_of_a_wrong_type(value: Any) -> None:
    from slacalc.sources import status_name

    with pytest.raises(slacalc.WrongTypeError, match="status_name"):
        status_name(value)


@pytest.mark.parametrize(
    ("events", "match"),
    [
        (None, "None"),
        (" ", "' '"),
        ([(T, T)], r"not an event with a 'ticket_id'"),
        ([{"a": 1}], r"not an event with a 'ticket_id'"),
        ([{"ticket_id": [1], "kind": "opened"}], r"\[1\] \(a list\) cannot be a key"),
    ],
)
def test_records_of_something_not_an_events_table(events: Any, match: str) -> None:
    from slacalc.sources import records_of

    with pytest.raises(slacalc.WrongTypeError, match=match):
        records_of(events)


@pytest.mark.parametrize("reader", ["read_freshdesk_csv", "read_jira", "read_zendesk_audits"])
@pytest.mark.parametrize(
    ("source", "match"),
    [("", "is a directory"), ("\x00", "Cannot read"), ("x" * 5000, "Cannot read")],
)
def test_an_export_path_the_system_cannot_open(reader: str, source: str, match: str) -> None:
    import slacalc.sources

    with pytest.raises(slacalc.SourceFormatError, match=match) as caught:
        getattr(slacalc.sources, reader)(source)
    assert len(str(caught.value)) < 400


@pytest.mark.parametrize("reader", ["read_freshdesk_csv", "read_jira_csv", "read_zendesk_csv"])
def test_an_export_of_rows_that_are_none(reader: str) -> None:
    import slacalc.sources

    with pytest.raises(slacalc.SourceFormatError, match="holds None, not a row"):
        getattr(slacalc.sources, reader)([None])


@pytest.mark.parametrize("reader", ["read_prometheus", "read_uptime_kuma", "read_pingdom_csv"])
def test_a_monitoring_export_path_the_system_cannot_open(reader: str) -> None:
    import slacalc.sources

    with pytest.raises(slacalc.InvalidOptionError, match="No file") as caught:
        getattr(slacalc.sources, reader)("x" * 5000)
    assert len(str(caught.value)) < 400


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: slacalc.check_maintenance(_any(None)), slacalc.NotAnIntervalError, "None"),
        (lambda: slacalc.check_maintenance(_any("abc")), slacalc.NotAnIntervalError, "'abc'"),
        (
            lambda: slacalc.check_maintenance([], _any("abc")),
            slacalc.WrongTypeError,
            "rules='abc'",
        ),
        (
            lambda: slacalc.check_maintenance([(T, T + dt.timedelta(hours=1))], window=_any("x")),
            slacalc.WrongTypeError,
            "window='x'",
        ),
    ],
)
def test_maintenance_of_a_wrong_type(call: Any, error: type, match: str) -> None:
    with pytest.raises(error, match=match):
        call()


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: slacalc.measure_requests(_any(None)), "None"),
        (lambda: slacalc.measure_requests(_any("abc")), "'abc'"),
        (lambda: slacalc.measure_timeslices(_any(5), slacalc.calendar_month(2026, 11)), "5"),
    ],
)
def test_counts_that_are_neither_rows_nor_a_table(call: Any, match: str) -> None:
    with pytest.raises(slacalc.ColumnTypeError, match=match):
        call()


def test_timeslices_over_a_period_name() -> None:
    report = slacalc.measure_timeslices(
        window=_any("2026-11-30"), outages=[(T, T + dt.timedelta(minutes=1))], slice="1m"
    )
    assert report.window == (T.replace(hour=0), T.replace(day=1, month=12, hour=0))
    assert (report.slices, report.bad_starts) == (1440, (T,))


def test_outages_over_too_many_slices_are_refused_not_swept() -> None:
    with pytest.raises(OutOfRangeError, match="at most 1000000 slices"):
        slacalc.measure_timeslices(
            window=slacalc.calendar_month(2026, 11),
            outages=[(T, T + dt.timedelta(days=1))],
            slice=dt.timedelta(microseconds=1),
        )


@pytest.mark.parametrize("tz", [True, 5, "Nowhere/X"])
def test_a_ticket_shown_in_a_zone_that_is_not_one(tz: Any) -> None:
    status = default_policy().evaluate(
        [{"kind": "opened", "at": T, "severity": "high"}], at=T + dt.timedelta(hours=3)
    )
    with pytest.raises(slacalc.UnknownTimezoneError, match=re.escape(repr(tz))):
        status.to_text(tz)
    assert status.to_text("Asia/Kolkata").startswith("ticket at Mon 2026-11-30 18:30 +05:30")


@pytest.mark.parametrize("table", [None, True, "abc"])
def test_status_bars_of_something_not_a_table_open_no_figure(table: Any) -> None:
    import matplotlib.pyplot as plt

    from slacalc.reports import plot_status_bars

    before = len(plt.get_fignums())
    with pytest.raises(slacalc.WrongTypeError, match="plot_status_bars"):
        plot_status_bars(table)
    assert len(plt.get_fignums()) == before


def test_a_plot_on_something_not_an_axes() -> None:
    from slacalc.reports import availability_table, plot_status_bars

    log = [{"start": T, "end": T + dt.timedelta(hours=2)}]
    days = availability_table(log, (T, T + dt.timedelta(days=2)), every="day")
    with pytest.raises(slacalc.WrongTypeError, match="ax='abc'"):
        plot_status_bars(days, ax=_any("abc"))


@pytest.mark.parametrize("value", [None, 1.5, "x", "9" * 5000, "by 16:00 + 0 business days"])
def test_a_target_that_is_not_one_is_a_duration_error(value: Any) -> None:
    from slacalc.policy import parse_target

    with pytest.raises(InvalidDurationError) as caught:
        parse_target(value)
    assert len(str(caught.value)) < 400


@pytest.mark.parametrize("value", [None, 1.5, "x", "9" * 5000 + "%"])
def test_a_percentage_that_is_not_one_is_a_target_error(value: Any) -> None:
    from slacalc.policy import parse_percent

    with pytest.raises(slacalc.InvalidTargetError) as caught:
        parse_percent(value)
    assert len(str(caught.value)) < 400


def test_the_policy_still_reports_a_bad_target_at_its_field() -> None:
    data = default_policy().to_dict()
    data["severities"][0]["response"] = "soon"
    with pytest.raises(PolicyValidationError, match=r"severities\[0\]\.response: 'soon'"):
        SLAPolicy.from_dict(data)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        *[(f, v) for f in ("calendars", "rules") for v in (None, 5, "abc")],
        ("calendars", {"support": "Mon-Fri 09:00-17:00"}),
        ("name", None),
        ("name", ["x"]),
        # Every other field is checked too, at construction rather than when first used.
        ("severities", ["critical"]),
        ("severities", ("critical",)),
        ("holidays", "DK"),
        ("holidays", (2026,)),
        ("channels", ("email",)),
        ("in_scope", "hosting"),
        ("in_scope", (1,)),
        ("out_of_scope", ["hosting"]),
        ("roles", ("owner",)),
        ("business_day", "8h"),
        ("full_support_day", "yes"),
        ("uptime", "99.9%"),
        ("contract", {"fee": 400}),
        ("title", 5),
    ],
)
def test_an_agreement_built_from_wrong_values(field: str, value: Any) -> None:
    import dataclasses

    agreement = default_policy().to_agreement()
    with pytest.raises(slacalc.WrongTypeError, match=re.escape(f"Agreement({field}=)")) as err:
        dataclasses.replace(agreement, **{field: value})
    # The message names the value given (or its bad item) and says how to build one.
    named = [repr(value)[:20]]
    if isinstance(value, (tuple, list)):
        named.append(repr(value[0]))
    if isinstance(value, dict):
        named += [repr(v) for v in value.values()]
    assert any(n in str(err.value) for n in named), str(err.value)
    assert "SLAPolicy.to_agreement()" in str(err.value)


def test_an_agreement_in_an_unknown_language_is_refused() -> None:
    import dataclasses

    agreement = default_policy().to_agreement()
    with pytest.raises(
        slacalc.errors.InvalidOptionError, match="Unknown language 'fr'; pass 'en' or 'da'"
    ):
        dataclasses.replace(agreement, lang="fr")  # type: ignore[arg-type]


@pytest.mark.parametrize("year", [-1, 0, 99999])
def test_closed_days_of_a_year_outside_the_supported_ones(year: int) -> None:
    with pytest.raises(OutOfRangeError, match=f"year={year} lies outside the years 2-9998"):
        default_policy().to_agreement().closed_days(year)


@pytest.mark.parametrize("option", ["templates", "logo", "css"])
def test_a_document_file_the_system_cannot_look_up(option: str) -> None:
    from slacalc.document import render_agreement

    with pytest.raises(slacalc.DocumentError, match="does not exist") as caught:
        render_agreement(default_policy(), **_any({option: "x" * 5000}))
    assert len(str(caught.value)) < 400


def test_a_style_sheet_that_is_not_utf8(tmp_path: Path) -> None:
    from slacalc.document import render_agreement

    css = tmp_path / "style.css"
    css.write_bytes(b"\xff\xfe")
    with pytest.raises(slacalc.DocumentError, match="Cannot read the style sheet"):
        render_agreement(default_policy(), css=css)


@pytest.mark.parametrize("credits", [None, 0, "40.00"])
def test_an_annual_cap_over_credits_that_are_not_a_list(credits: Any) -> None:
    with pytest.raises(slacalc.WrongTypeError, match="apply_annual_cap"):
        slacalc.credits.apply_annual_cap(credits, "10%", annual_fee=_any("1200.00"))


@pytest.mark.parametrize("method", ["hours_on", "is_business_day"])
def test_the_last_date_python_knows_is_refused_not_overflowed(method: str) -> None:
    with pytest.raises(OutOfRangeError, match="'9999-12-31' lies beyond the years 2-9998"):
        getattr(CAL, method)(dt.date.max)


@pytest.mark.parametrize("seconds", [10**400, -(10**400)])
def test_a_huge_int_of_seconds_is_refused_not_overflowed(seconds: int) -> None:
    from fractions import Fraction

    with pytest.raises(OutOfRangeError, match="years 2-9998"):
        slacalc.format_seconds(seconds)
    with pytest.raises(OutOfRangeError, match="years 2-9998"):
        slacalc.format_seconds(Fraction(seconds, 3))


def test_an_acknowledgement_in_a_zone_name_too_long() -> None:
    friday = dt.datetime(2026, 11, 27, 23, 10, tzinfo=UTC)
    with pytest.raises(slacalc.InvalidOptionError, match=r"\(5000 characters\) is not an IANA"):
        default_policy().acknowledge("high", friday, tz="x" * 5000)


def test_a_policy_whose_keys_are_not_names() -> None:
    with pytest.raises(PolicyValidationError, match=r"keys \[1\] are not names"):
        SLAPolicy.from_dict(_any({1: 2}))
