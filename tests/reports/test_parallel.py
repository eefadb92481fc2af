"""analyze_tickets in bulk: the same report from a pool of processes (workers=N), and the
garbage collector paused during the call only."""

from __future__ import annotations

import datetime as dt
import gc
import pickle
from typing import Any

import pytest

from slacalc.errors import InvalidOptionError, NaiveDatetimeError, TicketEventError
from slacalc.policy import Agreement, SLAPolicy, default_policy
from slacalc.reports import TicketOutcomes, analyze_tickets
from slacalc.timers import History

T = dt.datetime(2026, 11, 30, 9, tzinfo=dt.UTC)
MIN = dt.timedelta(minutes=1)


def _tickets(n: int) -> dict[int, list[dict[str, Any]]]:
    """``n`` small tickets; every seventh one resumes without being paused."""
    out: dict[int, list[dict[str, Any]]] = {}
    for i in range(n):
        t = T + i * 37 * MIN
        events: list[dict[str, Any]] = [
            {"kind": "opened", "at": t, "severity": ("high", "medium", "low")[i % 3]}
        ]
        if i % 7 == 3:
            events.append({"kind": "resumed", "at": t + MIN})
        else:
            events += [
                {"kind": "responded", "at": t + (i % 90) * MIN},
                {"kind": "paused", "at": t + 100 * MIN},
                {"kind": "resumed", "at": t + 900 * MIN},
                {"kind": "resolved", "at": t + (1000 + 13 * i) * MIN},
            ]
        out[4000 + i] = events
    return out


def _same(a: TicketOutcomes, b: TicketOutcomes) -> None:
    assert [t.ticket_id for t in a.tickets] == [t.ticket_id for t in b.tickets]
    assert a.tickets == b.tickets
    assert a.rows == b.rows
    assert a.rejected == b.rejected
    assert a.to_records() == b.to_records()


def test_the_policy_and_its_rules_pickle(policy: SLAPolicy) -> None:
    """What each worker receives once: the rules of the built-in and the example policy."""
    for p in (default_policy(), policy):
        assert pickle.loads(pickle.dumps(p)) == p
        rules = Agreement.from_policy(p).rules
        assert pickle.loads(pickle.dumps(rules)) == rules


def test_the_example_year_in_two_processes_equals_the_serial_report(
    ticket_frame: Any, policy: SLAPolicy, outcomes: TicketOutcomes
) -> None:
    _same(analyze_tickets(ticket_frame, policy, workers=2), outcomes)


@pytest.mark.parametrize("workers", [None, 1, 2, 3])
def test_every_worker_count_gives_the_same_report(workers: int | None) -> None:
    tickets = _tickets(40)
    serial = analyze_tickets(tickets, default_policy(), errors="skip")
    _same(analyze_tickets(tickets, default_policy(), errors="skip", workers=workers), serial)


def test_collected_errors_are_the_same_in_parallel() -> None:
    tickets = _tickets(30)
    tickets[5000] = []  # no events at all
    serial = analyze_tickets(tickets, default_policy(), errors="collect")
    parallel = analyze_tickets(tickets, default_policy(), errors="collect", workers=2)
    _same(parallel, serial)
    assert [r.ticket_id for r in parallel.rejected] == [4003, 4010, 4017, 4024, 5000]
    assert parallel.rejected[0].error == "TicketEventError"
    assert parallel.rejected[0].message.startswith("Ticket 4003: Event 1 ('resumed' at")


def test_the_first_bad_ticket_raises_in_parallel_as_in_serial() -> None:
    tickets = _tickets(30)
    with pytest.raises(TicketEventError) as serial:
        analyze_tickets(tickets, default_policy())
    with pytest.raises(TicketEventError) as parallel:
        analyze_tickets(tickets, default_policy(), workers=2)
    assert str(parallel.value) == str(serial.value)
    assert str(parallel.value).startswith("Ticket 4003: ")


def test_an_error_that_is_not_a_ticket_error_raises_whatever_errors_says() -> None:
    tickets = _tickets(10)
    tickets[4004] = [{"kind": "opened", "at": dt.datetime(2026, 1, 5, 9), "severity": "high"}]
    for workers in (None, 2):
        with pytest.raises(NaiveDatetimeError, match="Ticket 4004"):
            analyze_tickets(tickets, default_policy(), errors="collect", workers=workers)


def test_skipped_tickets_and_an_evaluation_instant_in_parallel() -> None:
    tickets = _tickets(25)
    at = T + dt.timedelta(hours=20)
    serial = analyze_tickets(tickets, default_policy(), at=at, errors="skip", timeline=True)
    parallel = analyze_tickets(
        tickets, default_policy(), at=at, errors="skip", timeline=True, workers=2
    )
    _same(parallel, serial)
    assert parallel.rejected == ()
    assert parallel.ticket(4001).explain("response").segments


@pytest.mark.parametrize("workers", [0, -2, 1.5, "2", True])
def test_a_bad_worker_count_is_refused_naming_it(workers: object) -> None:
    with pytest.raises(InvalidOptionError, match=rf"workers={workers!r}; pass None or 1"):
        analyze_tickets([], default_policy(), workers=workers)  # type: ignore[arg-type]


@pytest.mark.parametrize("workers", [None, 2])
def test_the_garbage_collector_is_left_as_it_was(workers: int | None) -> None:
    tickets = _tickets(12)
    assert gc.isenabled()
    analyze_tickets(tickets, default_policy(), errors="skip", workers=workers)
    assert gc.isenabled()
    with pytest.raises(TicketEventError):
        analyze_tickets(tickets, default_policy(), workers=workers)
    assert gc.isenabled()
    gc.disable()
    try:
        analyze_tickets(tickets, default_policy(), errors="skip", workers=workers)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_worker_replays_a_chunk_as_this_process_does() -> None:
    # The pool's worker functions, run here: the same statuses come back through the
    # compact pickling, and a ticket's error comes back as the error.
    from slacalc.reports import _outcomes
    from slacalc.timers import TicketEvent

    rules = default_policy().clock_rules()
    t = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)
    events = [
        TicketEvent("opened", t, "high"),
        TicketEvent("responded", t + dt.timedelta(minutes=5)),
    ]
    _outcomes._start_worker(pickle.dumps((rules, None, False, "strict")))
    try:
        chunk = _outcomes._pack([(1, events), (2, TicketEventError("bad"))])
        back = pickle.loads(_outcomes._replay_chunk(chunk))
    finally:
        _outcomes._WORKER.clear()
    when, status = back[0]
    assert when == events[-1].at
    assert status.cycles == rules.evaluate(events, at=when).cycles
    assert isinstance(back[1], TicketEventError)


def test_timelines_and_lenient_histories_come_back_the_same_from_a_pool() -> None:
    # The general path in the workers: records with timelines travel as their values.
    tickets = _tickets(12)
    policy = default_policy()
    modes: tuple[tuple[bool, History], ...] = ((True, "strict"), (False, "lenient"))
    for timeline, history in modes:
        serial = analyze_tickets(tickets, policy, timeline=timeline, history=history, errors="skip")
        pooled = analyze_tickets(
            tickets, policy, timeline=timeline, history=history, errors="skip", workers=2
        )
        _same(pooled, serial)
        assert [t.status for t in pooled.tickets] == [t.status for t in serial.tickets]
    timed = analyze_tickets(tickets, policy, workers=2, timeline=True, errors="skip")
    assert all(c.timeline is not None for t in timed.tickets for c in t.status.cycles)
