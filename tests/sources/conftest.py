"""Shared helpers for the export readers' tests: fixture paths and preset policies."""

from __future__ import annotations

from pathlib import Path

from slacalc.policy import SLAPolicy

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> str:
    """A fixture's path as text."""
    return str(FIXTURES / name)


def policy(preset: str | None, targets: dict[str, tuple[str, str]], tz: str = "UTC") -> SLAPolicy:
    """A policy on a preset (or none), every severity on a 24x7 calendar in ``tz``."""
    data: dict[str, object] = {
        "name": f"{preset} parity",
        "support": {"hours": "Mon-Fri 09:00-17:00", "tz": tz},
        "severities": [
            {"name": name, "response": response, "resolution": resolution, "calendar": "24x7"}
            for name, (response, resolution) in targets.items()
        ],
    }
    if preset is not None:
        data["preset"] = preset
    return SLAPolicy.from_dict(data)
