"""Every public result type pickles and unpickles equal (joblib, dask, caching, ``%store``).

The classes come from the ``__all__`` of slacalc and its public subpackages; the
instances from running the library on its example data. A public class with no instance
here fails the walk: add a value of it to :func:`_values`, or, if it holds no result
(a protocol, an error, a reader of input), to :data:`NOT_VALUES` with the reason.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import inspect
import io
import pickle
import pkgutil
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

import pytest
from pydantic import BaseModel

import slacalc
from slacalc import errors

UTC = dt.UTC

NOT_VALUES = {
    "OutageRecord": "a typing protocol",
    "SupportsOpenPeriods": "a typing protocol",
    "CsvRows": "a reader over an open file's rows, consumed once",
    "MaintenanceRules": "a typing protocol",
}


def _public_classes() -> dict[str, type]:
    names = ["slacalc"] + [
        f"slacalc.{m.name}" for m in pkgutil.iter_modules(slacalc.__path__) if m.name[0] != "_"
    ]
    found: dict[str, type] = {}
    for name in names:
        module = importlib.import_module(name)
        for attr in getattr(module, "__all__", ()):
            value = getattr(module, attr)
            if inspect.isclass(value) and not issubclass(value, BaseException):
                found.setdefault(value.__qualname__, value)
    return found


def _values() -> list[object]:
    """Results of the library's main calls on the example data, to walk for instances."""
    from slacalc import datasets
    from slacalc._demo import tour
    from slacalc.calendar import IcsClosures, closures_from_ics, closures_to_ics
    from slacalc.policy import BookEntry, PolicyBook, PolicyHistory, SLAPolicy
    from slacalc.reports import analyze_tickets, availability_report, compliance_summary, explain
    from slacalc.timers import Correction, DueFromField, builtin_metrics, coerce_events
    from slacalc.uptime import BurnRateAlert, ErrorBudget, Outage

    t = tour()
    policy = datasets.load_policy()
    tickets = datasets.load_tickets(as_frame=False)
    outcomes = analyze_tickets(tickets, policy, timeline=True)
    broken = analyze_tickets(
        [{"ticket_id": 1, "kind": "responded", "at": t.opened}], policy, errors="collect"
    )
    data = policy.to_dict()
    data["severities"][1].update(
        response="end of business day",
        resolution="by 16:00 next business day",
        escalations=[{"level": 1, "after": "1h"}],
    )
    data["metrics"] = [{"name": "time_to_assign", "start_on": ["opened"], "stop_on": ["assigned"]}]
    variant = SLAPolicy.from_dict(data)
    first = [
        {k: v for k, v in e.items() if k != "ticket_id" and v is not None}
        for e in tickets
        if e["ticket_id"] == tickets[0]["ticket_id"]
    ]
    incidents = datasets.load_incidents(as_frame=False)
    months = [(2026, m) for m in range(1, 13)]
    uptime = policy.to_agreement().uptime
    assert uptime is not None
    report = availability_report(
        incidents, "99.9%", months, tz="Europe/Copenhagen", credits=uptime.credits, fee=500
    )
    budget = ErrorBudget("99.9%", "30d")
    alert = BurnRateAlert("page", "1h", "5m", "2%")
    start = dt.datetime(2026, 9, 1, tzinfo=UTC)
    firing = budget.replay_alerts(
        [alert],
        start=start,
        end=start + dt.timedelta(hours=6),
        step="5m",
        outages=[Outage(start, start + dt.timedelta(hours=2))],
    )
    history = PolicyHistory([(None, policy)])
    book = PolicyBook((BookEntry({"customer": "acme"}, policy.to_dict()),), default=policy)
    ics = closures_from_ics(closures_to_ics(t.support, dt.date(2026, 1, 1), dt.date(2027, 1, 1)))
    return [
        t,
        policy,
        policy.to_agreement(),
        policy.clock_rules(),
        variant,
        variant.clock_rules(),
        builtin_metrics(),
        outcomes,
        broken,
        compliance_summary(outcomes, by=("severity",), fee=Decimal(1500)),
        explain(first, policy),
        report,
        report.burndown("2026-03"),
        budget,
        alert,
        firing,
        history,
        book,
        ics if isinstance(ics, IcsClosures) else None,
        coerce_events(first),
        Correction(0, start, "opened", "twice", "ignored"),
        DueFromField("due_at"),
        *_contract_values(),
        *_uptime_values(),
    ]


def _contract_values() -> list[object]:
    """The Danish agency contract of docs/guide/agreement.md, with its clauses computed."""
    from slacalc.credits import HourlyCredit
    from slacalc.policy import SLAPolicy, default_policy

    data = default_policy("da").to_dict()
    data["parties"] = {
        "provider": {"name": "Webbureauet ApS", "cvr": "13748136", "contact": "Mette Hansen"},
        "customer": {"name": "Kunden A/S", "cvr": "24256790", "contact": "Ole Jensen"},
    }
    data["terms"] |= {"fee": "4500", "effective": "2027-01-01", "version": "1.0"}
    data["uptime"] |= {
        "termination": {"floor": "95%", "consecutive": 3},
        "hourly_credit": {"more_than": "6m"},
    }
    data["uptime"]["claims"]["within_billing_cycles"] = 2
    contract = SLAPolicy.from_dict(data)
    agreement = contract.to_agreement()
    uptime = agreement.uptime
    assert uptime is not None
    assert uptime.claims is not None
    assert uptime.termination is not None
    t = dt.datetime(2026, 3, 2, 10, 50, tzinfo=UTC)
    months = [("2026-01", "94%"), ("2026-02", "90%"), ("2026-03", "94.5%")]
    return [
        contract,
        agreement,
        uptime.claims.window,
        uptime.termination.first_trigger(months),
        HourlyCredit("6m").credited(
            [(t, t + dt.timedelta(minutes=20))],
            (t.replace(minute=0), t + dt.timedelta(hours=2)),
            hourly_charge=Decimal("0.0928"),
        ),
    ]


def _uptime_values() -> list[object]:
    """Availability per period and component, incident metrics, maintenance, probes, slices."""
    from slacalc import datasets, measure_requests, measure_timeslices, probe_outages
    from slacalc.credits import AWS_EC2_INSTANCE_HOURS
    from slacalc.policy import default_policy
    from slacalc.reports import availability_table, incident_metrics, rolling_availability
    from slacalc.sources import read_long, read_monitoring_csv
    from slacalc.uptime import PlannedMaintenance, check_maintenance

    rules = default_policy().to_agreement().uptime
    assert rules is not None
    incidents = datasets.load_incidents(as_frame=False)
    maintenance = datasets.load_maintenance(as_frame=False)
    table = availability_table(
        incidents,
        2026,
        every="month",
        target="99.9%",
        tz="Europe/Copenhagen",
        maintenance=maintenance,
        maintenance_mode="count_as_up",
        maintenance_rules=rules.maintenance,
    )
    t = dt.datetime(2026, 3, 2, 10, tzinfo=UTC)
    m = dt.timedelta(minutes=1)
    log = [
        {"start": t, "end": t + 60 * m, "component": "web", "acknowledged": t + 5 * m},
        {"start": t + 30 * m, "end": t + 120 * m, "component": "db"},
    ]
    by_component = rolling_availability(
        log, "2026-03", days=7, by="component", groups={"shop": ["web", "db"]}
    )
    planned = [
        PlannedMaintenance(
            t.replace(day=8, hour=2), t.replace(day=8, hour=3), announced=t, label="patches"
        ),
        PlannedMaintenance(t.replace(hour=14), t.replace(hour=16), announced=t),
    ]
    probes = [(t, False, "eu"), (t, False, "us"), (t + m, True, "eu"), (t + m, False, "us")]
    counts = [(t, t + m, 80, 100), (t + m, t + 2 * m, 100, 100)]
    csv_text = "start,end,label\n2026-03-02T10:00Z,2026-03-02T10:30Z,api\nnot a time,,web\n"
    events = [
        {"ticket_id": 1, "at": "2026-11-30T09:00Z", "kind": "opened", "severity": "high"},
        {"ticket_id": 1, "at": "yesterday", "kind": "responded"},
    ]
    return [
        table,
        by_component,
        incident_metrics(log, "2026-03", by="component"),
        check_maintenance(planned, rules.maintenance),
        read_monitoring_csv(io.StringIO(csv_text), kind="outages", errors="collect"),
        probe_outages(probes, interval="1m", failing=2),
        measure_requests(counts, (t, t + 2 * m)),
        measure_timeslices(counts, (t, t + 2 * m), slice="1m", threshold="10%"),
        AWS_EC2_INSTANCE_HOURS,
        read_long(events, errors="collect", as_frame=False),
    ]


def _walk(value: object, seen: set[int], depth: int = 0) -> Iterator[object]:
    """``value`` and the values inside it (fields, items), each once."""
    if id(value) in seen or depth > 8 or isinstance(value, (str, bytes, int, float)):
        return
    seen.add(id(value))
    yield value
    if isinstance(value, BaseModel):
        inner: Any = [getattr(value, name) for name in type(value).model_fields]
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        inner = [getattr(value, f.name) for f in dataclasses.fields(value)]
    elif isinstance(value, Mapping):
        inner = [*value.keys(), *value.values()]
    elif isinstance(value, (list, tuple, set, frozenset)):
        inner = list(value)
    else:
        slots = [s for k in type(value).__mro__ for s in getattr(k, "__slots__", ())]
        inner = [getattr(value, s, None) for s in slots]
    for item in inner:
        yield from _walk(item, seen, depth + 1)


def _instances() -> dict[str, object]:
    classes = _public_classes()
    found: dict[str, object] = {}
    seen: set[int] = set()
    for value in _values():
        for item in _walk(value, seen):
            name = type(item).__qualname__
            if classes.get(name) is type(item):
                found.setdefault(name, item)
    return found


CLASSES = _public_classes()
INSTANCES = _instances()


def test_every_public_class_has_an_instance_or_a_reason() -> None:
    missing = sorted(set(CLASSES) - set(INSTANCES) - set(NOT_VALUES))
    assert missing == []


@pytest.mark.parametrize("name", sorted(INSTANCES))
def test_pickles_and_unpickles_equal(name: str) -> None:
    value = INSTANCES[name]
    for protocol in (pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL):
        again = pickle.loads(pickle.dumps(value, protocol=protocol))
        assert type(again) is type(value)
        assert again == value


@pytest.mark.parametrize(
    "error",
    [getattr(errors, n) for n in errors.__all__ if inspect.isclass(getattr(errors, n))],
    ids=lambda e: e.__name__,
)
def test_errors_pickle_with_their_message(error: type[BaseException]) -> None:
    try:
        made = error("Something is wrong; pass something else.")
    except TypeError:
        pytest.skip("takes more than a message")
    again = pickle.loads(pickle.dumps(made))
    assert type(again) is error
    assert str(again) == str(made)
