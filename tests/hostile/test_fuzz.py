"""Every public entry point, fed hostile values: a slacalc error or an answer, in bounded time.

The entry points are discovered, not listed: every function and class named in the
``__all__`` of slacalc and of each public subpackage (so one added later is covered as
soon as it is exported), the classmethods of those classes, and the public methods of
one built value of the main classes (:data:`SAMPLES`). Each is called with hostile
arguments (tests/hostile/strategies.py) for every required parameter and for a random
choice of the optional ones. A call passes when it returns or raises a
:class:`slacalc.SlacalcError`; any other exception fails the test, and a call that hangs
fails it by the timeout below (pytest-timeout), never by a timed assertion.

To pass, a new entry point checks its arguments at the edge, with the helpers of
``slacalc._validate`` or its own checks, and raises a slacalc error for each bad one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import importlib
import inspect
import pkgutil
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import slacalc
from slacalc import SlacalcError
from tests.hostile.strategies import hostile

#: Subpackages whose entry points are tested elsewhere: the command line takes text
#: only (tests/hostile/test_cli.py runs it with hostile arguments).
ELSEWHERE = {"cli", "errors"}

#: Methods that write files.
SKIPPED_METHODS = ("to_file", "write", "save")

#: Examples per entry point: a twentieth of the profile's (10 in CI, 5 while working).
EXAMPLES = max(3, settings().max_examples // 20)


def _public_modules() -> list[Any]:
    modules: list[Any] = [slacalc]
    for info in pkgutil.iter_modules(slacalc.__path__):
        if not info.name.startswith("_") and info.name not in ELSEWHERE:
            modules.append(importlib.import_module(f"slacalc.{info.name}"))
    return modules


def _is_entry(obj: object) -> bool:
    if inspect.isclass(obj):
        return not issubclass(obj, BaseException) and not getattr(obj, "_is_protocol", False)
    return inspect.isfunction(obj)


def _own(fn: Callable[..., object]) -> bool:
    """Whether slacalc wrote ``fn`` (not pydantic's model API, say)."""
    return getattr(fn, "__module__", "").startswith("slacalc")


@functools.cache
def _samples() -> dict[str, object]:
    """One built value of each main class, whose public methods are entry points too."""
    from slacalc.policy import default_policy

    policy = default_policy()
    cal = slacalc.BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays="DK")
    t = dt.datetime(2026, 11, 30, 10, tzinfo=dt.UTC)
    return {
        "BusinessCalendar": cal,
        "SLAPolicy": policy,
        "ClockRules": policy.to_agreement().rules,
        "CreditSchedule": slacalc.CreditSchedule([("99.9%", "10%"), ("99%", "25%")]),
        "ErrorBudget": slacalc.ErrorBudget("99.9%", "30d"),
        "Availability": slacalc.Availability.from_target("99.9%"),
        "Outage": slacalc.Outage(t, t + dt.timedelta(hours=1)),
        "CalendarPeriod": slacalc.calendar_month(2026, 2),
        "TicketStatus": policy.evaluate(
            [{"kind": "opened", "at": t, "severity": "high"}], at=t + dt.timedelta(hours=3)
        ),
    }


@functools.cache
def entry_points() -> dict[str, Callable[..., object]]:
    """Every entry point by its dotted name."""
    found: dict[str, Callable[..., object]] = {}
    seen: set[int] = set()
    for module in _public_modules():
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if not _is_entry(obj) or id(obj) in seen:
                continue
            seen.add(id(obj))
            found[f"{module.__name__}.{name}"] = obj
            if inspect.isclass(obj):
                for attr, raw in vars(obj).items():
                    method = isinstance(raw, (classmethod, staticmethod))
                    if method and not attr.startswith("_") and _own(getattr(obj, attr)):
                        found[f"{module.__name__}.{name}.{attr}"] = getattr(obj, attr)
    for cls_name, value in _samples().items():
        for attr in dir(type(value)):
            if attr.startswith(("_", *SKIPPED_METHODS)):
                continue
            raw = inspect.getattr_static(type(value), attr)
            if inspect.isfunction(raw) and _own(raw):
                found[f"<{cls_name}>.{attr}"] = getattr(value, attr)
    return found


def _arguments(fn: Callable[..., object]) -> st.SearchStrategy[tuple[list[Any], dict[str, Any]]]:
    """Hostile positional arguments for the required parameters, some optional ones."""
    try:
        params = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):  # pragma: no cover - every entry point has one
        return st.just(([], {}))
    required: list[st.SearchStrategy[Any]] = []
    optional: dict[str, st.SearchStrategy[Any]] = {}
    star: st.SearchStrategy[list[Any]] = st.just([])
    for p in params:
        if p.kind is p.VAR_POSITIONAL:
            star = st.lists(hostile(), max_size=3)
        elif p.kind is p.VAR_KEYWORD:
            continue
        elif p.default is p.empty and p.kind is not p.KEYWORD_ONLY:
            required.append(hostile())
        else:
            optional[p.name] = hostile()
    needed = {p.name for p in params if p.default is p.empty and p.kind is p.KEYWORD_ONLY}
    return st.tuples(
        st.tuples(*required).map(list),
        star,
        st.fixed_dictionaries(
            {k: v for k, v in optional.items() if k in needed},
            optional={k: v for k, v in optional.items() if k not in needed},
        ),
    ).map(lambda parts: (parts[0] + parts[1], parts[2]))


def test_entry_points_are_found() -> None:
    names = entry_points()
    for name in (
        "slacalc.BusinessCalendar",
        "slacalc.allowed_downtime",
        "slacalc.SLAPolicy.from_file",
        "slacalc.reports.read_incidents",
        "<BusinessCalendar>.add_many",
        "<SLAPolicy>.evaluate",
    ):
        assert name in names
    assert len(names) > 150


@pytest.mark.timeout(20)
@pytest.mark.parametrize("name", sorted(entry_points()))
def test_hostile_arguments_get_a_slacalc_error_or_an_answer(name: str) -> None:
    fn = entry_points()[name]

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(_arguments(fn))
    def call(arguments: tuple[list[Any], dict[str, Any]]) -> None:
        args, kwargs = arguments
        with contextlib.suppress(SlacalcError):
            fn(*args, **kwargs)

    call()
