"""A table whose rows are plain verbs: replayed from the verbs, its events made when read.

The property test in tests/properties/test_replay_paths.py compares whole reports with
the general path's; these pin down the pieces: the quick reader's choices, an outcome
whose events are made only when read, and the grouping of a frame's rows by ticket.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import pickle
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from slacalc.errors import OutOfRangeError, SlacalcError
from slacalc.policy import default_policy
from slacalc.reports import TicketOutcome, analyze_tickets
from slacalc.reports._input import (
    PlainVerbs,
    _frame_groups,
    _Rows,
    read_plain_tickets,
    read_tickets,
)
from slacalc.timers import TicketEvent

T = dt.datetime(2026, 11, 30, 9, tzinfo=dt.UTC)
M = dt.timedelta(minutes=1)


def _rows() -> list[dict[str, Any]]:
    return [
        {"ticket_id": 1, "kind": "opened", "at": T, "severity": "high"},
        {"ticket_id": 2, "kind": "opened", "at": T + M, "severity": "low"},
        {"ticket_id": 1, "kind": "paused", "at": T + 5 * M, "severity": None},
        {"ticket_id": 1, "kind": "responded", "at": T + 5 * M, "severity": None},
        {"ticket_id": 1, "kind": "resumed", "at": T + 50 * M, "severity": None},
    ]


def _unread(outcome: TicketOutcome) -> bool:
    """Whether the outcome's events are still to be made."""
    try:
        TicketOutcome.__dict__["events"].__get__(outcome)
    except AttributeError:
        return True
    return False


def test_a_table_of_plain_verbs_is_read_as_verbs() -> None:
    read = read_plain_tickets(pd.DataFrame(_rows()), None)
    assert [ticket for ticket, _ in read] == [1, 2]
    (_, one), (_, two) = read
    assert isinstance(one, PlainVerbs)
    assert isinstance(two, PlainVerbs)
    # By instant, then precedence: the response at 09:05 is applied before the pause.
    assert [verb[2:] for verb in one.verbs] == [
        (0, "opened", "high"),
        (2, "responded", None),
        (1, "paused", None),
        (3, "resumed", None),
    ]
    assert one.events() == read_tickets(_rows(), None)[0][1]


def test_what_is_not_a_plain_verb_is_read_as_the_general_reader_reads_it() -> None:
    # A ticket with another row, or an instant out of range, comes as the general reader
    # gives it (its events, or its error); the other tickets still come as verbs.
    rows = [*_rows(), {"ticket_id": 2, "kind": "responded", "at": T + 9 * M, "severity": "x"}]
    far = {"ticket_id": 3, "kind": "opened", "at": dt.datetime(1, 1, 2, tzinfo=dt.UTC)}
    rows.append({**far, "severity": "high"})
    read = dict(read_plain_tickets(rows, None))
    general = dict(read_tickets(rows, None))
    assert isinstance(read[1], PlainVerbs)
    for ticket in (2, 3):
        assert type(read[ticket]) is type(general[ticket])
        assert str(read[ticket]) == str(general[ticket])
    # A record with an attribute, and a mapping of event lists: the general reader's.
    with_group = [{**_rows()[0], "group": "first line"}]
    assert read_plain_tickets(with_group, None) == read_tickets(with_group, None)
    mapping = {7: [{"kind": "opened", "at": T, "severity": "high"}]}
    assert read_plain_tickets(mapping, None) == read_tickets(mapping, None)


def test_events_are_made_when_first_read_then_kept() -> None:
    report = analyze_tickets(pd.DataFrame(_rows()), default_policy())
    outcome = report.ticket(1)
    assert _unread(outcome)
    assert outcome.status.response.phase == "met"  # the replay needed no events
    events = outcome.events
    assert not _unread(outcome)
    assert outcome.events is events
    assert list(events) == read_tickets(_rows(), None)[0][1]
    assert all(type(e) is TicketEvent for e in events)


def test_an_outcome_with_its_events_unmade_is_like_any_other() -> None:
    policy = default_policy()
    # An attribute column, empty, sends the table down the general reader.
    general = analyze_tickets(pd.DataFrame([{**r, "group": None} for r in _rows()]), policy)
    assert not _unread(general.ticket(1))
    ways: list[Callable[[TicketOutcome], object]] = [
        lambda o: pickle.loads(pickle.dumps(o)),
        copy.copy,
        copy.deepcopy,
        dataclasses.replace,
        repr,
        lambda o: o,
    ]
    for way in ways:
        quick = analyze_tickets(pd.DataFrame(_rows()), policy).ticket(1)
        assert _unread(quick)
        assert way(quick) == way(general.ticket(1))


def test_other_attributes_are_still_missing() -> None:
    outcome = analyze_tickets(pd.DataFrame(_rows()), default_policy()).ticket(2)
    with pytest.raises(AttributeError, match="'TicketOutcome' object has no attribute 'nope'"):
        getattr(outcome, "nope")  # noqa: B009 (the name is the point)
    empty = object.__new__(TicketOutcome)  # neither its events nor their verbs
    with pytest.raises(AttributeError, match="'TicketOutcome' object has no attribute 'events'"):
        _ = empty.events


def test_a_ticket_the_quick_replay_cannot_answer_gets_the_general_error() -> None:
    # The clocks of a ticket opened at the end of the years slacalc answers about
    # reach beyond them: the error is the general path's, naming the ticket.
    late = dt.datetime(9998, 12, 31, 23, tzinfo=dt.UTC)
    rows = [{"ticket_id": 9, "kind": "opened", "at": late, "severity": "low"}]
    policy = default_policy()
    with pytest.raises(OutOfRangeError) as quick:
        analyze_tickets(pd.DataFrame(rows), policy, errors="collect")
    with pytest.raises(OutOfRangeError) as general:
        analyze_tickets([{**rows[0], "group": None}], policy, errors="collect")
    assert str(quick.value) == str(general.value)
    assert str(quick.value).startswith("Ticket 9: The question reaches beyond the years")


@given(
    st.lists(st.tuples(st.integers(1, 4), st.integers(0, 3)), max_size=30),
    st.booleans(),
)
def test_a_frame_is_grouped_as_rows_are_grouped_one_by_one(
    rows: list[tuple[int, int]], in_order: bool
) -> None:
    # One factorize and one sort (none when the rows are in order already) group a
    # frame's rows as the reader of records groups them, row by row.
    if in_order:
        rows.sort()
    ids: list[object] = [ticket for ticket, _ in rows]
    instants = [x for _, x in rows]
    by_rows = [(t, list(i)) for t, i in _Rows(ids, [], instants, [], dt.UTC).tickets()]
    assert _frame_groups(ids, instants) == by_rows
    assert _frame_groups(ids, instants, np.asarray(ids, dtype=np.int64)) == by_rows


def _frame(column: str) -> pd.DataFrame:
    """The rows as a frame whose ``at`` column is of the kind named."""
    frame = pd.DataFrame(_rows())
    if column == "object":  # aware datetimes as Python objects
        frame["at"] = pd.Series(list(frame["at"].dt.to_pydatetime()), dtype=object)
    elif column == "dateutil":  # a zone that is no ZoneInfo
        frame["at"] = frame["at"].dt.tz_convert("dateutil/Europe/Copenhagen")
    elif column == "far":  # an instant before the years slacalc answers about
        far = pd.Timestamp(dt.datetime(1, 1, 1, 12, tzinfo=dt.UTC)).as_unit("us")
        frame.loc[len(frame)] = [3, "opened", far, "high"]
    return frame


@pytest.mark.parametrize("column", ["object", "dateutil", "far"])
def test_every_kind_of_instant_column_reads_the_same_either_way(column: str) -> None:
    frame = _frame(column)
    quick = read_plain_tickets(frame, None)
    general = read_tickets(frame, None)
    assert [ticket for ticket, _ in quick] == [ticket for ticket, _ in general]
    for (_, read), (_, expected) in zip(quick, general, strict=True):
        made = read.events() if isinstance(read, PlainVerbs) else read
        if isinstance(expected, SlacalcError):
            assert type(made) is type(expected)
            assert str(made) == str(expected)
            continue
        assert made == expected
        assert [(e.at.isoformat(), e.at.tzinfo) for e in made] == [
            (e.at.isoformat(), e.at.tzinfo) for e in expected
        ]
