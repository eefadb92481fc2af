"""Every bad input to the timers raises a slacalc error that names the value."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from slacalc.calendar import BusinessCalendar
from slacalc.errors import (
    InvalidDurationError,
    InvalidOptionError,
    NaiveDatetimeError,
    NotADatetimeError,
    SlacalcError,
    TicketEventError,
    UnknownSeverityError,
)
from slacalc.timers import BusinessDays, ClockRules, SeverityTargets, TicketEvent, WarningThreshold

UTC = dt.UTC
T0 = dt.datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
H = dt.timedelta(hours=1)
RULES = ClockRules((SeverityTargets("p", BusinessCalendar.always("UTC"), response="1h"),))


def ev(kind: str, when: Any, severity: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": kind, "at": when}
    if severity is not None:
        out["severity"] = severity
    return out


@pytest.mark.parametrize(
    ("events", "message"),
    [
        ([ev("opened", T0, "p"), ev("paused", T0 - H)], "out of order"),
        ([ev("opened", T0, "p"), ev("resumed", T0 + H)], "resumed without being paused"),
        ([ev("opened", T0, "p"), ev("paused", T0), ev("paused", T0 + H)], "already paused"),
        ([ev("opened", T0, "p"), ev("reopened", T0 + H)], "cannot be reopened"),
        ([ev("opened", T0, "p"), ev("resolved", T0), ev("resolved", T0 + H)], "already resolved"),
        ([ev("paused", T0), ev("opened", T0 + H, "p")], "before the ticket is opened"),
        ([ev("opened", T0, "p"), ev("opened", T0 + H, "p")], "already open"),
        (
            [ev("opened", T0, "p"), ev("closed", T0), ev("responded", T0 + H)],
            "after the ticket was closed",
        ),
        ([ev("opend", T0)], "Unknown event kind 'opend'"),
        ([{"kind": "opened", "severity": "p"}], "has no 'at'"),
        ([{"kind": "opened", "at": T0, "severity": "p", "note": "x"}], "unknown key(s) 'note'"),
        ([ev("opened", T0)], "needs a severity"),
        ([ev("opened", T0, "p"), ev("paused", T0 + H, "p")], "takes no severity"),
        (["opened"], "not an event"),
        ("opened", "not a list of events"),
    ],
)
def test_bad_events(events: Any, message: str) -> None:
    with pytest.raises(TicketEventError, match=None) as info:
        RULES.evaluate(events, at=T0 + 2 * H)
    assert message in str(info.value)
    assert isinstance(info.value, ValueError)
    assert info.value.code == "ticket-event"


def test_out_of_order_names_both_events() -> None:
    with pytest.raises(TicketEventError) as info:
        RULES.evaluate([ev("opened", T0, "p"), ev("paused", T0 - H)], at=T0)
    assert "'paused' at 2026-01-05T08:00:00+00:00" in str(info.value)
    assert "'opened' at 2026-01-05T09:00:00+00:00" in str(info.value)


@pytest.mark.parametrize(
    "events",
    [
        [ev("opened", T0, "urgent")],
        [ev("opened", T0, "p"), ev("severity_changed", T0 + H, "urgent")],
    ],
)
def test_unknown_severity(events: list[dict[str, Any]]) -> None:
    with pytest.raises(UnknownSeverityError, match=r"'urgent'.*use one of 'p'"):
        RULES.evaluate(events, at=T0)
    with pytest.raises(UnknownSeverityError, match="'urgent'"):
        RULES.deadlines("urgent", T0)


def test_naive_datetimes() -> None:
    naive = dt.datetime(2026, 1, 5, 9, 0)
    with pytest.raises(NaiveDatetimeError):
        RULES.evaluate([ev("opened", naive, "p")], at=T0)
    with pytest.raises(NaiveDatetimeError):
        RULES.evaluate([ev("opened", T0, "p")], at=naive)
    with pytest.raises(NaiveDatetimeError):
        TicketEvent("opened", naive, "p")
    with pytest.raises(NaiveDatetimeError):
        RULES.deadlines("p", naive)
    with pytest.raises(NotADatetimeError):
        RULES.evaluate([ev("opened", "2026-01-05T09:00Z", "p")], at=T0)


def test_bad_rules() -> None:
    cal = BusinessCalendar.always("UTC")
    p = SeverityTargets("p", cal, response="1h")
    with pytest.raises(InvalidOptionError, match="'hold'"):
        ClockRules((p,), pause_mode="hold")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match="'rewind'"):
        ClockRules((p,), severity_change="rewind")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match="'again'"):
        ClockRules((p,), reopen="again")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match="at least one severity"):
        ClockRules(())
    with pytest.raises(InvalidOptionError, match="defined twice"):
        ClockRules((p, p))
    with pytest.raises(InvalidOptionError, match="not a SeverityTargets"):
        ClockRules(("p",))  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match="BusinessCalendar"):
        SeverityTargets("p", "24/7", response="1h")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match="non-empty"):
        SeverityTargets("", cal, response="1h")
    with pytest.raises(InvalidDurationError, match="'0m'"):
        SeverityTargets("p", cal, response="0m")
    with pytest.raises(InvalidDurationError, match="'4 hours'"):
        SeverityTargets("p", cal, response="4 hours")
    with pytest.raises(InvalidOptionError, match="not a WarningThreshold"):
        SeverityTargets("p", cal, response="1h", warnings=("75%",))  # type: ignore[arg-type]
    with pytest.raises(InvalidDurationError, match=r"BusinessDays\(0\)"):
        BusinessDays(0)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({}, InvalidOptionError, "exactly one"),
        ({"percent": "50%", "before": "1h"}, InvalidOptionError, "exactly one"),
        ({"percent": 0.75}, InvalidOptionError, "0.75 is not an exact share"),
        ({"percent": "150%"}, InvalidOptionError, "'150%' is out of range"),
        ({"percent": "0%"}, InvalidOptionError, "'0%' is out of range"),
        ({"before": "-5m"}, InvalidDurationError, "'-5m' is not positive"),
        ({"before": "soon"}, InvalidDurationError, "'soon'"),
    ],
)
def test_bad_warnings(kwargs: dict[str, Any], error: type[SlacalcError], message: str) -> None:
    with pytest.raises(error) as info:
        WarningThreshold(**kwargs)
    assert message in str(info.value)


def test_event_messages_keep_the_instant_and_names_as_written() -> None:
    # The message starts with a capital but must not lowercase what follows it.

    import slacalc

    policy = slacalc.default_policy()
    t = dt.datetime(2026, 3, 2, 9, tzinfo=policy.calendar().tz)
    events = [{"kind": "opened", "at": t, "severity": "high"}, {"kind": "resumed", "at": t}]
    with pytest.raises(slacalc.TicketEventError) as info:
        policy.evaluate(events, at=t)
    assert str(info.value).startswith("Event 1 ('resumed' at 2026-03-02T09:00:00+01:00)")
