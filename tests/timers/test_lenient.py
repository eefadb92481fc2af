"""Messy histories: strict replay refuses each irregular event, lenient replay corrects it.

Every lenient case is checked against the strict replay of the history a person would
write by hand after applying the rule, and against the correction it must record.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from typing import Any

import pytest

from slacalc.calendar import BusinessCalendar
from slacalc.errors import (
    InvalidOptionError,
    NaiveDatetimeError,
    TicketEventError,
    UnknownSeverityError,
)
from slacalc.policy import default_policy
from slacalc.timers import ClockRules, Correction, SeverityTargets, TicketEvent, coerce_events

UTC = dt.UTC
T0 = dt.datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
H = dt.timedelta(hours=1)
RULES = ClockRules(
    (SeverityTargets("p", BusinessCalendar.always("UTC"), response="1h", resolution="8h"),)
)


def ev(kind: str, when: dt.datetime, severity: str | None = None, **more: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": kind, "at": when, **more}
    if severity is not None:
        out["severity"] = severity
    return out


OPEN = ev("opened", T0, "p")

# (messy history, the clean history the rule makes of it, index corrected, problem text)
CASES = [
    pytest.param(
        [OPEN, ev("resumed", T0 + H)],
        [OPEN],
        1,
        "resumed without being paused",
        id="resume-without-pause",
    ),
    pytest.param(
        [OPEN, ev("paused", T0 + H), ev("paused", T0 + 2 * H), ev("resumed", T0 + 3 * H)],
        [OPEN, ev("paused", T0 + H), ev("resumed", T0 + 3 * H)],
        2,
        "the ticket is already paused since 2026-01-05T10:00:00+00:00",
        id="second-pause",
    ),
    pytest.param(
        [OPEN, ev("resolved", T0 + H), ev("resolved", T0 + 2 * H)],
        [OPEN, ev("resolved", T0 + H)],
        2,
        "the ticket is already resolved since 2026-01-05T10:00:00+00:00",
        id="second-resolve",
    ),
    pytest.param(
        [OPEN, ev("reopened", T0 + H)],
        [OPEN],
        1,
        "the ticket is not resolved, so it cannot be reopened",
        id="reopen-unresolved",
    ),
    pytest.param(
        [OPEN, ev("closed", T0 + H), ev("responded", T0 + 2 * H), ev("reopened", T0 + 3 * H)],
        [OPEN, ev("closed", T0 + H)],
        2,
        "it comes after the ticket was closed at 2026-01-05T10:00:00+00:00",
        id="after-closed",
    ),
    pytest.param(
        [OPEN, ev("opened", T0 + H, "p")],
        [OPEN],
        1,
        "the ticket is already open since 2026-01-05T09:00:00+00:00",
        id="second-opened",
    ),
    pytest.param(
        [ev("paused", T0 - H), OPEN],
        [OPEN],
        0,
        "it comes before the ticket is opened",
        id="before-opened",
    ),
]


@pytest.mark.parametrize(("messy", "clean", "index", "problem"), CASES)
def test_each_irregularity(
    messy: list[dict[str, Any]], clean: list[dict[str, Any]], index: int, problem: str
) -> None:
    at = T0 + 10 * H
    with pytest.raises(TicketEventError) as info:
        RULES.evaluate(messy, at=at)
    event = messy[index]
    text = str(info.value)
    assert text.startswith(f"Event {index} ({event['kind']!r} at {event['at'].isoformat()})")
    assert problem in text
    assert "history='lenient'" in text

    status = RULES.evaluate(messy, at=at, history="lenient")
    expected = RULES.evaluate(clean, at=at)
    assert status.corrections
    assert status.corrections[0] == Correction(
        index, event["at"], event["kind"], problem, "ignored"
    )
    assert {c.action for c in status.corrections} == {"ignored"}
    assert dataclasses.replace(status, corrections=()) == expected


def test_every_correction_is_listed_in_the_order_given() -> None:
    messy = [OPEN, ev("closed", T0 + H), ev("responded", T0 + 2 * H), ev("reopened", T0 + 3 * H)]
    status = RULES.evaluate(messy, at=T0 + 10 * H, history="lenient")
    assert [(c.index, c.kind) for c in status.corrections] == [(2, "responded"), (3, "reopened")]
    assert status.phase == "closed"


def test_corrections_after_the_instant_evaluated_are_not_listed() -> None:
    messy = [OPEN, ev("resumed", T0 + H), ev("resumed", T0 + 3 * H)]
    status = RULES.evaluate(messy, at=T0 + 2 * H, history="lenient")
    assert [c.index for c in status.corrections] == [1]
    # ... while strict replay still checks the whole list
    with pytest.raises(TicketEventError, match="Event 1"):
        RULES.evaluate(messy, at=T0, history="strict")


def test_out_of_time_order_is_sorted_stably_and_recorded() -> None:
    messy = [
        OPEN,
        ev("responded", T0 + 2 * H),
        ev("paused", T0 + H),
        ev("resumed", T0 + H + H / 2),
        ev("resolved", T0 + 3 * H),
    ]
    clean = [messy[0], messy[2], messy[3], messy[1], messy[4]]
    status = RULES.evaluate(messy, at=T0 + 4 * H, history="lenient")
    assert status.corrections == (
        Correction(
            2,
            T0 + H,
            "paused",
            "earlier than event 1 ('responded' at 2026-01-05T11:00:00+00:00)",
            "reordered",
        ),
        Correction(
            3,
            T0 + H + H / 2,
            "resumed",
            "earlier than event 1 ('responded' at 2026-01-05T11:00:00+00:00)",
            "reordered",
        ),
    )
    current = status.resolution.current
    assert current is not None
    assert current.paused == H / 2
    assert status.cycles == RULES.evaluate(clean, at=T0 + 4 * H).cycles
    with pytest.raises(TicketEventError, match="history='lenient' to sort them"):
        RULES.evaluate(messy, at=T0 + 4 * H)


def test_same_instant_order_is_precedence_in_both_modes() -> None:
    # Not an irregularity: events at one instant are applied in PRECEDENCE order.
    given = [OPEN, ev("resumed", T0 + H), ev("paused", T0 + H)]
    strict = RULES.evaluate(given, at=T0 + 2 * H)
    lenient = RULES.evaluate(given, at=T0 + 2 * H, history="lenient")
    assert strict == lenient
    assert lenient.corrections == ()


def test_a_severity_on_an_event_that_takes_none() -> None:
    messy = [OPEN, ev("responded", T0 + H, "p")]
    with pytest.raises(TicketEventError, match=r"Event 1: A 'responded' event takes no severity"):
        RULES.evaluate(messy, at=T0 + 2 * H)
    status = RULES.evaluate(messy, at=T0 + 2 * H, history="lenient")
    assert status.corrections == (
        Correction(
            1,
            T0 + H,
            "responded",
            "a 'responded' event takes no severity (got 'p')",
            "severity_ignored",
        ),
    )
    assert status.response.phase == "met"


def test_a_ticket_without_opened_is_not_opened_leniently() -> None:
    status = RULES.evaluate([ev("paused", T0)], at=T0 + H, history="lenient")
    assert status.phase == "not_opened"
    assert [c.problem for c in status.corrections] == ["it comes before the ticket is opened"]


def test_lenient_still_refuses_what_it_cannot_apply() -> None:
    with pytest.raises(UnknownSeverityError, match="event 0"):
        RULES.evaluate([ev("opened", T0, "urgent")], at=T0, history="lenient")
    with pytest.raises(TicketEventError, match="Event 1: Unknown event kind 'pause'"):
        RULES.evaluate([OPEN, ev("pause", T0)], at=T0, history="lenient")
    with pytest.raises(TicketEventError, match=r"Event 0 .* has no 'at'"):
        RULES.evaluate([{"kind": "opened", "severity": "p"}], at=T0, history="lenient")


def test_bad_options() -> None:
    with pytest.raises(InvalidOptionError, match="history='loose'; pass 'strict' or 'lenient'"):
        RULES.evaluate([OPEN], at=T0, history="loose")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match="extra='allow'; pass 'forbid' or 'ignore'"):
        RULES.evaluate([OPEN], at=T0, extra="allow")  # type: ignore[arg-type]


# -- rows as they come from a database or DataFrame.to_dict("records") ------------------


def test_extra_keys_are_refused_by_default_and_ignored_when_asked() -> None:
    rows = [ev("opened", T0, "p", ticket_id=4711), ev("responded", T0 + H, ticket_id=4711)]
    with pytest.raises(TicketEventError, match=r"unknown key\(s\) 'ticket_id'.*extra='ignore'"):
        RULES.evaluate(rows, at=T0 + H)
    assert RULES.evaluate(rows, at=T0 + H, extra="ignore") == RULES.evaluate(
        [ev("opened", T0, "p"), ev("responded", T0 + H)], at=T0 + H
    )


def test_a_ticket_id_names_the_ticket_in_errors() -> None:
    rows = [ev("opened", T0, "p", ticket_id=4711), ev("resumed", T0 + H, ticket_id=4711)]
    with pytest.raises(TicketEventError) as info:
        RULES.evaluate(rows, at=T0 + H, extra="ignore")
    assert str(info.value).startswith(
        "Ticket 4711: Event 1 ('resumed' at 2026-01-05T10:00:00+00:00): resumed without"
    )
    assert info.value.code == "ticket-event"
    rows[0]["severity"] = "urgent"
    with pytest.raises(UnknownSeverityError, match=r"^Ticket 4711: Unknown severity 'urgent'"):
        RULES.evaluate(rows, at=T0 + H, extra="ignore")
    # without a ticket_id, or when keys are forbidden, there is nothing to name
    with pytest.raises(TicketEventError, match=r"^Event 1 "):
        RULES.evaluate([OPEN, ev("resumed", T0 + H)], at=T0 + H, extra="ignore")
    with pytest.raises(TicketEventError, match=r"^Event 0 has unknown key"):
        RULES.evaluate(rows, at=T0 + H)


def _missing_values() -> list[object]:
    pd = pytest.importorskip("pandas")
    return [None, math.nan, float("nan"), pd.NA, pd.NaT]


def test_nan_nat_na_and_none_mean_missing() -> None:
    for missing in _missing_values():
        rows = [
            ev("opened", T0, "p", ticket_id=1),
            {"ticket_id": 1, "kind": "responded", "at": T0 + H, "severity": missing},
        ]
        status = RULES.evaluate(rows, at=T0 + H, extra="ignore")
        assert status.response.phase == "met"
        no_at = [ev("opened", T0, "p"), {"kind": "responded", "at": missing}]
        with pytest.raises(TicketEventError, match=r"^Event 1 .* has no 'at' \(it is "):
            RULES.evaluate(no_at, at=T0 + H)
        no_kind = [ev("opened", T0, "p"), {"kind": missing, "at": T0}]
        with pytest.raises(TicketEventError, match=r"^Event 1 .* has no 'kind'"):
            RULES.evaluate(no_kind, at=T0 + H)
        no_severity = [{"kind": "opened", "at": T0, "severity": missing}]
        with pytest.raises(TicketEventError, match="Event 0: A 'opened' event needs a severity"):
            RULES.evaluate(no_severity, at=T0 + H)


def test_rows_from_a_dataframe() -> None:
    pd = pytest.importorskip("pandas")
    from slacalc import datasets

    df = datasets.load_tickets()
    first = df["ticket_id"].iloc[0]
    rows = df[df["ticket_id"] == first].to_dict("records")
    policy = default_policy()
    at = max(r["at"] for r in rows)
    status = policy.evaluate(rows, at=at, extra="ignore")
    events = [
        TicketEvent(
            r["kind"], r["at"].to_pydatetime(), None if pd.isna(r["severity"]) else r["severity"]
        )
        for r in rows
    ]
    assert status == policy.evaluate(events, at=at)


def test_numpy_and_pandas_instants_are_read_as_datetimes() -> None:
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    rows = [ev("opened", T0, "p"), {"kind": "responded", "at": np.datetime64("2026-01-05T10:00")}]
    with pytest.raises(NaiveDatetimeError, match="no time zone"):  # datetime64 has none
        RULES.evaluate(rows, at=T0 + H)
    rows[1]["at"] = pd.Timestamp(T0 + H)
    assert RULES.evaluate(rows, at=T0 + H).response.phase == "met"


def test_policy_evaluate_passes_the_options_on() -> None:
    policy = default_policy()
    t = dt.datetime(2026, 3, 2, 9, tzinfo=policy.calendar().tz)
    rows = [
        {"ticket_id": 7, "kind": "opened", "at": t, "severity": "high"},
        {"ticket_id": 7, "kind": "resolved", "at": t + H, "severity": None},
        {"ticket_id": 7, "kind": "resolved", "at": t + 2 * H, "severity": None},
    ]
    status = policy.evaluate(rows, at=t + 3 * H, history="lenient", extra="ignore")
    assert [(c.index, c.action) for c in status.corrections] == [(2, "ignored")]
    with pytest.raises(TicketEventError, match=r"^Ticket 7: Event 2 "):
        policy.evaluate(rows, at=t + 3 * H, extra="ignore")


def test_coerce_events_options() -> None:
    rows = [ev("opened", T0 + H, "p", ticket_id=1), ev("paused", T0, ticket_id=1)]
    assert [e.kind for _, e in coerce_events(rows, history="lenient", extra="ignore")] == [
        "paused",
        "opened",
    ]


def test_any_iterable_of_events() -> None:
    status = RULES.evaluate(iter([OPEN, ev("resumed", T0 + H)]), at=T0 + H, history="lenient")
    assert len(status.corrections) == 1
