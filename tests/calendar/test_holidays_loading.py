"""How one country's holidays class is loaded without importing every country."""

from __future__ import annotations

import datetime as dt
import sys
import types
from typing import Any

import holidays
import pytest

from slacalc.calendar import _holidays


class _Loader:
    """A stand-in for the ``holidays`` package's lazy loader of one country."""

    entity = None
    entity_name = "DK"

    def __init__(self, module_name: str) -> None:
        self.module_name = module_name

    def get_entity(self) -> str:
        return "the registered class"


def _load(monkeypatch: pytest.MonkeyPatch, module_name: str) -> Any:
    package = types.SimpleNamespace(__file__=holidays.__file__, XX=_Loader(module_name))
    monkeypatch.setattr(_holidays, "_holidays_module", lambda: package)
    monkeypatch.delitem(sys.modules, "holidays.countries", raising=False)
    monkeypatch.delitem(sys.modules, "holidays.countries.denmark", raising=False)
    return _holidays._country_class.__wrapped__("XX")


def test_one_country_module_runs_on_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    cls = _load(monkeypatch, "holidays.countries.denmark")
    assert cls.__name__ == "DK"
    assert "holidays.countries.denmark" not in sys.modules  # ran unregistered
    assert dt.date(2026, 12, 25) in cls(years=2026)


def test_without_a_module_file_the_package_loads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # a zip or a frozen build: no countries/<name>.py to run on its own
    assert _load(monkeypatch, "holidays.countries.atlantis") == "the registered class"
