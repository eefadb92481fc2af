"""The compiled loops (``slacalc._speedups``) answer as their Python references.

Each compiled function is compared with the Python function it replaces on generated
input, well-formed and not: the same rows, the same ``None``, the same exception with
the same message. Where the module is not built these tests skip, except in CI, where
it must be built.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import os
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slacalc._compiled import SPEEDUPS
from slacalc.calendar import BusinessCalendar
from slacalc.policy import default_policy
from slacalc.timers import (
    ClockRules,
    ExtraKeys,
    MetricDefinition,
    SeverityTargets,
    TicketEvent,
    _events,
)
from slacalc.timers._events import PlainVerbs, _plain_verbs
from slacalc.timers._replay import _verb_loop
from tests.properties.test_timer_properties import SEVERITIES

needs_build = pytest.mark.skipif(SPEEDUPS is None, reason="slacalc._speedups not built")
T = dt.datetime(2026, 3, 29, 0, 30, tzinfo=dt.UTC)  # Copenhagen's spring gap is at 01:00 UTC


Reader = Callable[[list[object], ExtraKeys], PlainVerbs | None]


def outcome(read: Reader, rows: object, extra: str) -> object:
    """What ``read`` gives, or the type and message of what it raises."""
    try:
        return read(rows, extra)  # type: ignore[arg-type]
    except Exception as exc:
        return (type(exc), str(exc))


def test_the_module_is_built_in_ci() -> None:
    # CI installs from the repository with a C compiler: the compiled module must be
    # there and in use, unless the run asks for pure Python.
    if os.environ.get("CI") and not os.environ.get("SLACALC_PURE_PYTHON"):
        assert SPEEDUPS is not None
        assert _events.plain_verbs is SPEEDUPS.plain_verbs
    else:
        assert _events.plain_verbs is (_plain_verbs if SPEEDUPS is None else SPEEDUPS.plain_verbs)


class _Raising(dt.tzinfo):
    """A zone whose offset cannot be worked out."""

    def utcoffset(self, when: dt.datetime | None) -> dt.timedelta:
        raise ArithmeticError("no offset here")

    def dst(self, when: dt.datetime | None) -> None:
        return None

    def tzname(self, when: dt.datetime | None) -> str:
        return "?"


class _Day(dt.tzinfo):
    """A zone 24 h ahead: ``datetime`` refuses such an offset."""

    def utcoffset(self, when: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(hours=24)

    def dst(self, when: dt.datetime | None) -> None:
        return None

    def tzname(self, when: dt.datetime | None) -> str:
        return "?"


class _Emptying(dt.tzinfo):
    """A zone that empties every row it is asked about (a hostile tzinfo)."""

    def __init__(self) -> None:
        self.rows: list[dict[str, object]] = []

    def utcoffset(self, when: dt.datetime | None) -> dt.timedelta:
        for row in self.rows:
            row.clear()
        return dt.timedelta(hours=2)

    def dst(self, when: dt.datetime | None) -> None:
        return None

    def tzname(self, when: dt.datetime | None) -> str:
        return "?"


_ZONES: list[dt.tzinfo | None] = [
    dt.UTC,
    ZoneInfo("Europe/Copenhagen"),
    ZoneInfo("Australia/Lord_Howe"),
    dt.timezone(dt.timedelta(hours=-3, minutes=-30)),
    _Raising(),
    _Day(),
    None,  # naive
]
_KINDS = [
    "opened", "responded", "customer_replied", "paused", "resumed", "resolved", "reopened",
    "closed", "severity_changed", "status", "reply", "assigned", "bogus", "", 7, None,
]  # fmt: skip
_SEVERITIES = [
    "p1", "high", "", None, float("nan"), 1.5, 2, pd.NA, "missing",
]  # fmt: skip


_FAULTS = ["earlier", "instant", "severity", "number", "number", "kind", "key", "no kind", "record"]


@st.composite
def rows(draw: st.DrawFn) -> list[object]:
    """A list of event rows in time order (ties included), with up to two faults."""
    count = draw(st.integers(0, 9))
    zone = draw(st.sampled_from(_ZONES[:4]))
    out: list[dict[object, object]] = []
    at = draw(st.sampled_from([T, *(T.replace(month=m, day=28) for m in (1, 2, 12))]))
    at = at.replace(year=draw(st.sampled_from([1, 1600, 1900, 1969, 2000, 2026, 2100, 9998])))
    for index in range(count):
        at = at + dt.timedelta(minutes=draw(st.sampled_from([0, 0, 1, 7, 61, 1440])))
        kind = "opened" if index == 0 else draw(st.sampled_from(_KINDS[:9]))
        row: dict[object, object] = {"kind": kind, "at": at.astimezone(zone)}
        if kind in ("opened", "severity_changed"):
            row["severity"] = draw(st.sampled_from(["p1", "high"]))
        elif draw(st.integers(0, 9)) == 0:
            row["severity"] = float("nan")  # a table's missing value
        out.append(row)
    events: list[object] = list(out)
    faults = draw(st.sampled_from([0, 0, 0, 1, 2])) if out else 0
    for _ in range(faults):
        row = out[draw(st.integers(0, len(out) - 1))]
        fault = draw(st.sampled_from(_FAULTS))
        if fault == "earlier":
            row["at"] = T - dt.timedelta(minutes=5)
        elif fault == "instant":
            odd = draw(st.sampled_from(_ZONES))
            choices: list[object] = [
                T.replace(tzinfo=odd),
                pd.Timestamp(T),
                pd.NaT,
                T.isoformat(),
                None,
            ]  # not sampled_from: hypothesis hashes its elements, which _Day refuses
            row["at"] = choices[draw(st.integers(0, len(choices) - 1))]
        elif fault == "severity":
            row["severity"] = _SEVERITIES[draw(st.integers(0, len(_SEVERITIES) - 1))]
        elif fault == "number":  # a number where a severity is missing or named
            row["severity"] = draw(st.sampled_from([0.0, 1.5, float("inf"), -1.0]))
        elif fault == "kind":
            row["kind"] = draw(st.sampled_from(_KINDS))
        elif fault == "key":
            row[draw(st.sampled_from(["ticket_id", "status", "fields", 3]))] = 1
        elif fault == "no kind":
            row.pop("kind", None)
        else:
            events.insert(draw(st.integers(0, len(events))), TicketEvent("responded", T))
    return events


@needs_build
@settings(max_examples=1000)  # cheap, and the faults are many: each needs its examples
@given(rows(), st.sampled_from(["forbid", "ignore"]))
def test_the_compiled_reader_answers_as_its_reference(events: list[object], extra: str) -> None:
    assert SPEEDUPS is not None
    expected = outcome(_plain_verbs, events, extra)
    assert outcome(SPEEDUPS.plain_verbs, events, extra) == expected


@needs_build
def test_the_compiled_reader_on_each_kind_of_input() -> None:
    assert SPEEDUPS is not None
    at = dt.datetime(2026, 10, 25, 2, 30, tzinfo=ZoneInfo("Europe/Copenhagen"))
    cases: list[tuple[object, str]] = [
        ([], "forbid"),
        ([{"kind": "opened", "at": at, "severity": "p1"}], "forbid"),
        ([{"kind": "opened", "at": at.replace(fold=1), "severity": "p1"}], "forbid"),
        # same instant, applied by precedence: resolved before reopened
        (
            [
                {"kind": "opened", "at": at, "severity": "p1"},
                {"kind": "reopened", "at": at},
                {"kind": "resolved", "at": at},
            ],
            "forbid",
        ),
        ([{"kind": "opened", "at": at, "severity": "p1", "ticket_id": 4}], "ignore"),
        ([{"kind": "opened", "at": at, "severity": "p1", "ticket_id": 4}], "forbid"),
        ([{"kind": "responded", "at": at, "severity": float("nan")}], "forbid"),
        ([{"kind": "responded", "at": at, "severity": 0.5}], "forbid"),
        ([{"kind": "opened", "at": at.replace(tzinfo=_Raising()), "severity": "p1"}], "forbid"),
        ([{"kind": "opened", "at": at.replace(tzinfo=_Day()), "severity": "p1"}], "forbid"),
        ([TicketEvent("opened", at, "p1"), {"kind": "responded", "at": at}], "forbid"),
        (({"kind": "opened", "at": at, "severity": "p1"},), "forbid"),  # not a list
        ("opened", "forbid"),
    ]
    for events, extra in cases:
        expected = outcome(_plain_verbs, events, extra)
        assert outcome(SPEEDUPS.plain_verbs, events, extra) == expected, events


@needs_build
def test_a_zone_that_changes_the_rows_under_the_reader() -> None:
    # The compiled reader holds its own references to what it read from a row before it
    # asks the zone, which may run any Python code: here the zone empties every row.
    assert SPEEDUPS is not None
    zone = _Emptying()
    events: list[dict[str, object]] = [
        {"kind": "opened", "at": dt.datetime(2026, 1, 5, 9, tzinfo=zone), "severity": "p1"},
        {"kind": "responded", "at": dt.datetime(2026, 1, 5, 10, tzinfo=zone)},
    ]
    zone.rows = events
    read = SPEEDUPS.plain_verbs(events, "forbid")
    t = dt.datetime(2026, 1, 5, 7, tzinfo=dt.UTC)
    x = (t - dt.datetime(1970, 1, 1, tzinfo=dt.UTC)) // dt.timedelta(microseconds=1)
    # the first row is read whole before its zone is asked; the second is empty by then
    assert read is None
    zone.rows = []
    again = [{"kind": "opened", "at": dt.datetime(2026, 1, 5, 9, tzinfo=zone), "severity": "p1"}]
    assert SPEEDUPS.plain_verbs(again, "forbid") == [(x, 0, 0, "opened", "p1")]


@needs_build
def test_the_compiled_reader_refuses_a_wrong_call() -> None:
    assert SPEEDUPS is not None
    with pytest.raises(TypeError, match="takes two arguments"):
        SPEEDUPS.plain_verbs([])
    with pytest.raises(TypeError):
        SPEEDUPS.configure(reference=len)


def test_the_pure_python_package_gives_the_same_statuses(tmp_path: Path) -> None:
    # The example year, evaluated ticket by ticket in a process that runs the compiled
    # loops where they are built and in one that is told not to: the same statuses.
    script = (
        "import json, sys\n"
        "from slacalc import datasets\n"
        "from slacalc.timers import _events\n"
        "policy = datasets.load_policy()\n"
        "tickets = {}\n"
        "for row in datasets.load_tickets(as_frame=False):\n"
        "    tickets.setdefault(row['ticket_id'], []).append(row)\n"
        "out = [repr(_events.SPEEDUPS is None)]\n"
        "for rows in tickets.values():\n"
        "    at = rows[-1]['at']\n"
        "    out.append(repr(policy.evaluate(rows, at=at, extra='ignore')))\n"
        "json.dump(out, sys.stdout)\n"
    )

    def run(pure: bool) -> list[str]:
        env = {k: v for k, v in os.environ.items() if k != "SLACALC_PURE_PYTHON"}
        if pure:
            env["SLACALC_PURE_PYTHON"] = "1"
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        answer: list[str] = json.loads(done.stdout)
        return answer

    compiled, pure = run(False), run(True)
    assert pure[0] == "True"
    assert compiled[0] == repr(SPEEDUPS is None)
    assert len(compiled) > 300
    assert compiled[1:] == pure[1:]


_VERBS = [
    "opened", "responded", "customer_replied", "paused", "resumed", "resolved", "closed",
    "reopened", "severity_changed",
]  # fmt: skip
_LOOP_RULES = [
    ClockRules(SEVERITIES, pause_mode="exclude", severity_change=change, reopen=reopen)
    for change in ("carry_elapsed", "recompute", "restart")
    for reopen in ("continue", "new_cycle")
] + [
    ClockRules(
        [SeverityTargets("a", BusinessCalendar.always("UTC"), response="1h",
                         targets={"to_reply": "2h"})],
        metrics=[MetricDefinition("to_reply", ["customer_replied"], ["responded"])],
    ),
    default_policy().to_agreement().rules,
    # clocks that close, reset and wait on each other, as custom metrics may
    ClockRules(
        [SeverityTargets("a", BusinessCalendar.always("UTC"), response="1h",
                         targets={"to_close": "1h", "touch": "2h", "then": "3h"})],
        metrics=[
            MetricDefinition("to_close", ["resolved"], ["closed"]),
            MetricDefinition("touch", ["opened"], ["closed"], reset_on=["responded", "reopened"],
                             recurrence="each"),
            MetricDefinition("then", ["customer_replied"], ["resolved"], after="to_close",
                             recurrence="continue"),
        ],
    ),
]  # fmt: skip


@st.composite
def verb_rows(draw: st.DrawFn) -> list[tuple[int, int, int, str, str | None]]:
    """Rows as the reader gives them (instant, precedence, index, kind, severity): a
    regular history, each verb allowed by the state before it, with now and then a verb
    that is not (an irregular one) or a severity that is unknown."""
    x = draw(st.integers(0, 10**12))
    out: list[tuple[int, int, int, str, str | None]] = []
    paused = resolved = closed = False
    for index in range(draw(st.integers(1, 12))):
        if index == 0:
            kind = "opened" if draw(st.integers(0, 9)) else draw(st.sampled_from(_VERBS))
        elif closed or not draw(st.integers(0, 14)):
            kind = draw(st.sampled_from(_VERBS))  # allowed or not
        else:
            kind = draw(
                st.sampled_from(
                    ["responded", "customer_replied", "severity_changed", "closed"]
                    + (["resumed"] if paused else ["paused"])
                    + (["reopened"] if resolved else ["resolved"])
                )
            )
        paused = (paused or kind == "paused") and kind != "resumed"
        resolved = (resolved or kind in ("resolved", "closed")) and kind != "reopened"
        closed = closed or kind == "closed"
        severity = None
        if kind in ("opened", "severity_changed"):
            severity = draw(st.sampled_from(["a", "b", "c", "a", "b", "c", "nope", None]))
        out.append((x, 0, index, kind, severity))
        x += draw(st.sampled_from([0, 60_000_000, 3_600_000_000, 86_400_000_000]))
    return out


@needs_build
@settings(max_examples=1000)
@given(st.sampled_from(_LOOP_RULES), verb_rows(), st.data())
def test_the_compiled_loop_answers_as_its_reference(
    rules: ClockRules, rows: list[tuple[int, int, int, str, str | None]], data: st.DataObject
) -> None:
    assert SPEEDUPS is not None
    one = rules.plan.one_pass
    assert one is not None
    known = rules.plan.severities
    restart = rules.severity_change == "restart"
    # at an event's instant (recorded or not is decided there), or between, or after all
    at = data.draw(st.sampled_from([row[0] for row in rows])) + data.draw(
        st.sampled_from([0, 0, -1, 1, 30_000_000, 10**12])
    )

    def run(loop: Callable[..., object]) -> object:
        try:
            return loop(one, known, restart, rows, at)
        except Exception as exc:
            return (type(exc), str(exc))

    assert run(SPEEDUPS.verb_loop) == run(_verb_loop)


@needs_build
def test_the_compiled_loop_hands_other_shapes_to_its_reference() -> None:
    assert SPEEDUPS is not None
    rules = _LOOP_RULES[0]
    one: Any = rules.plan.one_pass  # given fields of the wrong types below
    known = rules.plan.severities
    opened = (0, 0, 0, "opened", "a")
    cases: list[tuple[object, ...]] = [
        (one, known, False, [opened], 10),
        (one, known, False, [opened], 2**70),  # beyond 64 bits
        (one, known, False, [(2**70, 0, 0, "opened", "a")], 2**71),
        (one, known, False, [opened, (5, 0, 1, "status", "a")], 10),  # taken as a change
        (one, known, False, [opened, [5, 0, 1, "paused", None]], 10),  # a list, not a tuple
        (one, known, False, (opened,), 10),
        (one, known, False, [opened], 10.0),
        (one, known, False, [(0, 0, 0, "opened", ["a"])], 10),  # unhashable severity
        (one._replace(after=list(one.after)), known, False, [opened], 10),
        (one._replace(each=one.each[:1]), known, False, [opened], 10),
        (one._replace(moves={"opened": [(0, False, False, True)]}), known, False, [opened], 10),
        (one._replace(moves={"opened": ((9, False, False, True),)}), known, False, [opened], 10),
        (one._replace(moves={"opened": ((0, False, False, "yes"),)}), known, False, [opened], 10),
        (one._replace(after=(7,) * len(one.after)), known, False,
         [opened, (5, 0, 1, "responded", None)], 10),
        (None, known, False, [opened], 10),
    ]  # fmt: skip
    # and regular histories on the custom clocks: a reset while resolved ends the cycle
    # without starting another; a close after a resolve stops what is still running
    custom = _LOOP_RULES[-1]
    plan, names = custom.plan.one_pass, custom.plan.severities
    for kinds in (
        ["opened", "resolved", "responded"],
        ["opened", "resolved", "reopened", "responded", "closed"],
        ["opened", "customer_replied", "resolved", "closed"],
        ["opened", "paused", "resolved", "resumed", "closed"],
    ):
        rows = [(10 * n, 0, n, kind, "a" if n == 0 else None) for n, kind in enumerate(kinds)]
        cases += [(plan, names, False, rows, at) for at in (0, 15, 20, 1000)]

    def run(loop: Callable[..., object], args: tuple[object, ...]) -> object:
        try:
            return loop(*args)
        except Exception as exc:
            return (type(exc), str(exc))

    for args in cases:
        assert run(SPEEDUPS.verb_loop, args) == run(_verb_loop, args), args
    with pytest.raises(TypeError, match="takes five arguments"):
        SPEEDUPS.verb_loop(one, known, False, [])


@needs_build
def test_the_compiled_loops_keep_no_memory_between_calls() -> None:
    # A reference the C code forgets to give back would leak an object a call: 50,000
    # calls (and 5,000 evaluations, whose records the compiled makers make) would keep
    # over a megabyte. Python's allocator traces the objects C makes.
    assert SPEEDUPS is not None
    start = dt.datetime(2026, 3, 29, 1, 30, tzinfo=ZoneInfo("Europe/Copenhagen"))
    ok: list[object] = [
        {"kind": "opened", "at": start, "severity": "a"},
        {"kind": "paused", "at": start + dt.timedelta(hours=1)},
        {"kind": "resumed", "at": start + dt.timedelta(hours=1)},
        {"kind": "responded", "at": start + dt.timedelta(hours=2), "severity": float("nan")},
        {"kind": "resolved", "at": start + dt.timedelta(hours=2)},
    ]
    readings: list[tuple[list[object], str]] = [
        (ok, "forbid"),
        (ok, "ignore"),
        ([{"kind": "opened", "at": start.replace(tzinfo=_Raising()), "severity": "a"}], "forbid"),
        ([{"kind": "opened", "at": start.replace(tzinfo=_Day()), "severity": "a"}], "forbid"),
        ([*ok, {"kind": "responded", "at": start}], "forbid"),  # out of order
        ([{"kind": "opened", "at": start, "severity": "a", "x": 1}], "forbid"),
    ]
    rules = _LOOP_RULES[-1]
    one, known = rules.plan.one_pass, rules.plan.severities
    rows = SPEEDUPS.plain_verbs(ok, "forbid")
    assert rows is not None
    end = rows[-1][0]
    loops = [
        (rows, end, False),
        (rows, 0, True),
        ([*rows, (end + 1, 0, 9, "resumed", None)], end + 1, False),  # irregular
        ([*rows, (end, 0, 9, "reopened", None), (end + 5, 0, 10, "closed", None)], end + 9, False),
    ]

    def work(rounds: int) -> None:
        for _ in range(rounds):
            for events, extra in readings:
                with contextlib.suppress(ArithmeticError, ValueError):
                    SPEEDUPS.plain_verbs(events, extra)
            for ordered, at, restart in loops:
                SPEEDUPS.verb_loop(one, known, restart, ordered, at)
            rules.evaluate(ok, at=start)  # type: ignore[arg-type]  # records made in C too

    work(500)  # caches filled
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        work(5_000)
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 200_000


class _Clearing(str):
    """A severity whose comparison empties the list of rows being read (hostile input)."""

    rows: ClassVar[list[object]] = []

    def __eq__(self, other: object) -> bool:
        _Clearing.rows.clear()
        return str.__eq__(self, other)

    __hash__ = str.__hash__


@needs_build
def test_the_compiled_loop_goes_on_over_a_list_changed_under_it_as_python_does() -> None:
    # The loop holds the row it reads and the severity it keeps, so a comparison that
    # empties the list leaves nothing dangling; and, as a Python for loop, it goes on
    # over the list as it is (here: it stops).
    assert SPEEDUPS is not None
    rules = _LOOP_RULES[0]
    one, known = rules.plan.one_pass, rules.plan.severities
    assert one is not None
    answers = []
    for loop in (_verb_loop, SPEEDUPS.verb_loop):
        rows: list[Any] = [
            (0, 0, 0, "opened", _Clearing("a")),
            (5, 0, 1, "responded", None),
            (9, 0, 2, "severity_changed", "b"),
        ]
        _Clearing.rows = rows
        answers.append(loop(one, known, False, rows, 10))
        assert rows == []
    assert answers[0] == answers[1]
    assert answers[0] is not None
    assert answers[0][5] == [(0, "a")]  # the one change read before the list emptied
