"""Golden replays of the product presets, each case a product's own example.

``tests/timers/golden/<preset>.toml`` holds the cases of one preset of
``src/slacalc/policy/presets/``. Every case names its source (a vendor's page, or a file and
test in the product's public repository) and shows in ``note`` how its expected figures follow
by hand; none of them was computed with slacalc. A case gives the policy's support hours
(``calendar``), its ``severities``, optional further policy keys (``policy``), the ticket's
``events``, the instant ``at`` and the expected figures per metric (``expect``).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from slacalc.policy import PRESETS, SLAPolicy

GOLDEN = Path(__file__).parent / "golden"
PRESET_FILES = Path(__file__).parents[2] / "src" / "slacalc" / "policy" / "presets"
DURATIONS = {"elapsed", "elapsed_calendar", "paused", "remaining"}
CASE_KEYS = {"id", "source", "note", "calendar", "severities", "events", "at", "expect"}
_PART = re.compile(r"(\d+)([hms])")
_UNIT = {"h": "hours", "m": "minutes", "s": "seconds"}


def _load(preset: str) -> dict[str, Any]:
    """The golden file of one preset."""
    return tomllib.loads((GOLDEN / f"{preset}.toml").read_text(encoding="utf-8"))


def _cases() -> Iterator[Any]:
    """Every case of every golden file, as a pytest parameter named by its id."""
    for preset in PRESETS:
        for case in _load(preset)["case"]:
            yield pytest.param(preset, case, id=case["id"])


def duration(text: str) -> dt.timedelta:
    """A duration written as in the golden files: ``"1h30m"``, ``"29m59s"``, ``"0s"``."""
    parts = _PART.findall(text)
    assert "".join(n + u for n, u in parts) == text, f"not a duration: {text!r}"
    return sum((dt.timedelta(**{_UNIT[u]: int(n)}) for n, u in parts), dt.timedelta(0))


def policy_for(preset: str, case: dict[str, Any]) -> SLAPolicy:
    """The policy of one case: the preset, the case's support hours, targets and extra keys."""
    data = {
        "name": case["id"],
        "preset": preset,
        "support": case["calendar"],
        "severities": case["severities"],
        **case.get("policy", {}),
    }
    return SLAPolicy.from_dict(data)


def observed(metric: Any, key: str) -> Any:
    """One figure of a metric's status, named as in ``expect``."""
    if key == "cycles":
        return [cycle.phase for cycle in metric.cycles]
    return getattr(metric, key)


def expected(key: str, value: Any) -> Any:
    """One expected figure as the status holds it (durations as timedelta)."""
    return duration(value) if key in DURATIONS else value


@pytest.mark.parametrize(("preset", "case"), list(_cases()))
def test_golden_replay(preset: str, case: dict[str, Any]) -> None:
    status = policy_for(preset, case).evaluate(case["events"], at=case["at"])
    for name, figures in case["expect"].items():
        metric = status.metrics[name]
        got = {key: observed(metric, key) for key in figures}
        want = {key: expected(key, value) for key, value in figures.items()}
        assert got == want, f"{case['id']}, {name}: {case['note']}"


# -- the data itself ---------------------------------------------------------------------------


@pytest.mark.parametrize("preset", PRESETS)
def test_every_golden_case_is_complete_and_cited(preset: str) -> None:
    data = _load(preset)
    assert data["preset"] == preset
    cases = data["case"]
    assert len(cases) >= 3
    for case in cases:
        assert set(case) >= CASE_KEYS, case["id"]
        assert case["source"].strip(), case["id"]
        assert case["note"].strip(), case["id"]
        instants = [case["at"], *(event["at"] for event in case["events"])]
        assert all(isinstance(t, dt.datetime) and t.tzinfo for t in instants), case["id"]
        for figures in case["expect"].values():
            for key in DURATIONS & set(figures):
                duration(figures[key])


def test_golden_case_ids_are_unique() -> None:
    ids = [case["id"] for preset in PRESETS for case in _load(preset)["case"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("preset", PRESETS)
def test_every_preset_rule_has_its_source_above_it(preset: str) -> None:
    lines = (PRESET_FILES / f"{preset}.toml").read_text(encoding="utf-8").splitlines()
    tomllib.loads("\n".join(lines))
    for number, line in enumerate(lines):
        # A metric's `name` is named by the comment above its [[metrics]] header.
        if "=" in line and not line.startswith(("#", " ", "[", "name =")):
            assert lines[number - 1].startswith("#"), f"{preset}.toml:{number + 1}: {line}"
