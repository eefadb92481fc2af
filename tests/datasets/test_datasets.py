"""The example data: reproduced byte for byte by its generator, small, and as described."""

from __future__ import annotations

import importlib.util
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from slacalc import datasets
from slacalc.datasets import _load
from slacalc.errors import InvalidOptionError
from slacalc.policy import default_policy

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "slacalc" / "datasets"
CPH = ZoneInfo("Europe/Copenhagen")


def _generator() -> ModuleType:
    script = ROOT / "scripts" / "make_datasets.py"
    spec = importlib.util.spec_from_file_location("make_datasets", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generator_reproduces_the_shipped_files_byte_for_byte() -> None:
    built = _generator().build()
    assert sorted(built) == sorted(datasets.FILES)
    for name, text in built.items():
        shipped = (PACKAGE / name).read_bytes()
        assert text.encode("utf-8") == shipped, f"{name} differs: run scripts/make_datasets.py"
        assert datasets.read_text(name) == text
    assert _generator().build() == built  # the same on every run


def test_the_files_are_small_and_only_these() -> None:
    files = sorted(p.name for p in PACKAGE.iterdir() if p.suffix in {".csv", ".toml"})
    assert files == sorted(datasets.FILES)
    assert sum((PACKAGE / f).stat().st_size for f in files) < 300_000
    with pytest.raises(InvalidOptionError, match=r"No data file 'secrets\.txt'"):
        datasets.read_text("secrets.txt")


def test_tickets_as_described() -> None:
    rows: list[dict[str, Any]] = datasets.load_tickets(as_frame=False)
    tickets: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        tickets[r["ticket_id"]].append(r)
        assert r["at"].tzinfo == CPH
        assert r["at"].year == 2026
        assert (r["severity"] is not None) == (r["kind"] in {"opened", "severity_changed"})
    assert sorted(tickets) == list(range(4401, 4781))
    opened = [events[0] for events in tickets.values()]
    assert {e["kind"] for e in opened} == {"opened"}
    assert set(Counter(e["severity"] for e in opened)) == {"critical", "high", "medium", "low"}
    support = default_policy().calendar()
    out_of_hours = sum(not support.is_open(e["at"]) for e in opened)
    assert 0.15 < out_of_hours / len(opened) < 0.35
    kinds = Counter(r["kind"] for r in rows)
    assert kinds["paused"] == kinds["resumed"] > 50
    assert 3 <= kinds["severity_changed"] <= 30
    assert 3 <= kinds["reopened"] <= 30
    for events in tickets.values():
        instants = [e["at"] for e in events]
        assert instants == sorted(instants)


def test_incidents_and_maintenance_as_described() -> None:
    incidents: list[dict[str, Any]] = datasets.load_incidents(as_frame=False)
    windows: list[dict[str, Any]] = datasets.load_maintenance(as_frame=False)
    assert all(i["start"] < i["end"] for i in incidents)
    assert {i["severity"] for i in incidents} == {"full", "partial", "degraded"}
    overlapping = [
        (a["incident_id"], b["incident_id"])
        for a in incidents
        for b in incidents
        if a["incident_id"] < b["incident_id"] and a["start"] < b["end"] and b["start"] < a["end"]
    ]
    assert len(overlapping) >= 2
    assert any(w["start"] < i["end"] and i["start"] < w["end"] for w in windows for i in incidents)
    assert any(i["start"].month != i["end"].month for i in incidents)
    assert len(windows) == 13


def test_frames_and_records_hold_the_same_data(monkeypatch: pytest.MonkeyPatch) -> None:
    for load in (datasets.load_tickets, datasets.load_incidents, datasets.load_maintenance):
        frame = load()
        assert isinstance(frame, pd.DataFrame)
        records = load(as_frame=False)
        assert len(frame) == len(records)
        back = frame.astype(object).where(frame.notna(), None).to_dict("records")
        assert [
            {k: (v.to_pydatetime() if isinstance(v, pd.Timestamp) else v) for k, v in r.items()}
            for r in back
        ] == records
    df = datasets.load_tickets()
    assert str(df["at"].dtype) == "datetime64[us, Europe/Copenhagen]"
    monkeypatch.setattr(_load, "_pandas", lambda: None)
    # The default is a DataFrame whatever is installed: without pandas it says what to pass.
    with pytest.raises(ModuleNotFoundError, match="as_frame=False"):
        datasets.load_incidents()
    with pytest.raises(ModuleNotFoundError, match="as_frame=False"):
        datasets.load_incidents(as_frame=True)
    assert isinstance(datasets.load_incidents(as_frame=False), list)
    with pytest.raises(InvalidOptionError, match="as_frame='yes'"):
        datasets.load_incidents(as_frame="yes")  # type: ignore[call-overload]
    with pytest.raises(InvalidOptionError, match=r"as_frame=None; pass True .* or False"):
        datasets.load_incidents(as_frame=None)  # type: ignore[call-overload]


def test_the_policy_is_the_default_one_with_penalties() -> None:
    policy = datasets.load_policy()
    base = default_policy().to_dict()
    data = policy.to_dict()
    assert len(data["uptime"].pop("ticket_penalties")) == 2
    assert base["uptime"].pop("ticket_penalties", []) == []  # empty lists are left out
    # The agency's maintenance window is its Tuesday-night patch window (maintenance.csv).
    assert data["uptime"]["maintenance"].pop("window") == "Tue 02:00-02:30"
    assert base["uptime"]["maintenance"].pop("window") == "Sun 02:00-06:00"
    assert data.pop("name") != base.pop("name")
    assert data == base
    assert Decimal("1500.00") == datasets.MONTHLY_FEE
