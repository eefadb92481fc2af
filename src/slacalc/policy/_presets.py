"""Named product presets: a helpdesk product's statuses, metrics and clock modes as policy data.

Each preset is a TOML file in this package's ``presets`` folder, every rule with its
source above it (docs/concepts/presets.md). A policy names one with ``preset = "..."``;
its own keys win over the preset's.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Mapping
from typing import Any

from slacalc.errors import InvalidOptionError
from slacalc.timers import MetricDefinition

__all__ = ["PRESETS", "apply_preset", "preset"]

PRESETS: tuple[str, ...] = (
    "zendesk",
    "jira_service_management",
    "servicenow",
    "zammad",
    "frappe_helpdesk",
    "erpnext",
)
"""The names of the product presets.

Examples:
    >>> from slacalc.policy import PRESETS
    >>> PRESETS[:2]
    ('zendesk', 'jira_service_management')
"""

_MODES = ("pause_mode", "severity_change", "reopen", "deadline_at_close")


@functools.cache
def _load(name: str) -> dict[str, Any]:
    """The preset file ``name``, read once."""
    import tomllib
    from importlib.resources import files

    text = files("slacalc.policy").joinpath(f"presets/{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def preset(name: str) -> dict[str, Any]:
    """A product preset's policy keys: ``statuses``, ``metrics`` and clock modes.

    Args:
        name: one of :data:`PRESETS`.

    Returns:
        A new dict (change it freely): the keys a policy gets from ``preset = name``.

    Raises:
        InvalidOptionError: ``name`` is not a preset.

    Examples:
        >>> from slacalc.policy import preset
        >>> preset("zendesk")["statuses"]["pending"]
        'waiting'
        >>> preset("erpnext")["pause_mode"]
        'add_wall_time'
    """
    if not isinstance(name, str) or name not in PRESETS:
        raise InvalidOptionError(
            f"There is no preset {name!r}; use one of {', '.join(map(repr, PRESETS))}."
        )
    return copy.deepcopy(_load(name))


def apply_preset(data: Mapping[str, Any]) -> dict[str, Any]:
    """Policy data with its ``preset`` filled in: the policy's own keys win.

    The policy's ``statuses`` entries are added to the preset's (and replace those of the
    same name), a policy metric replaces the preset's metric of the same name (else it is
    added), ``fields`` are joined, and a clock mode the policy sets wins. Applying a
    preset twice gives the same data, so a written-back policy reads back equal.
    """
    out = dict(data)
    base = preset(data["preset"])
    for key in _MODES:
        if key in base and key not in data:
            out[key] = base[key]
    statuses = data.get("statuses")
    if "statuses" in base and (statuses is None or isinstance(statuses, Mapping)):
        out["statuses"] = {**base["statuses"], **(statuses or {})}
    fields = data.get("fields") or ()
    if base.get("fields") and isinstance(fields, (list, tuple)):
        out["fields"] = [*base["fields"], *(f for f in fields if f not in base["fields"])]
    metrics = data.get("metrics") or ()
    if base.get("metrics") and isinstance(metrics, (list, tuple)):

        def named(m: object) -> object:
            given = m.get("name") if isinstance(m, Mapping) else None
            return MetricDefinition.canonical(given) if isinstance(given, str) else object()

        mine = {named(m): m for m in metrics}
        merged = [mine.pop(named(m), m) for m in base["metrics"]]
        out["metrics"] = [*merged, *(m for m in metrics if any(m is v for v in mine.values()))]
    return out
