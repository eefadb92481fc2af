"""The example agency's year, and the pandas answer every engine must give row for row."""

from __future__ import annotations

import importlib
import os
from types import ModuleType

import pandas as pd
import pytest

from slacalc import datasets
from slacalc.policy import SLAPolicy
from slacalc.reports import analyze_tickets


@pytest.fixture(scope="session")
def policy() -> SLAPolicy:
    return datasets.load_policy()


@pytest.fixture(scope="session")
def events() -> pd.DataFrame:
    return datasets.load_tickets(as_frame=True)


@pytest.fixture(scope="session")
def expected(events: pd.DataFrame, policy: SLAPolicy) -> pd.DataFrame:
    """The outcome rows with plain pandas, in one process."""
    return analyze_tickets(events, policy).to_frame()


def by_ticket(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows in ticket order, each ticket's rows in the order they came, index 0..n-1."""
    return rows.sort_values("ticket_id", kind="stable").reset_index(drop=True)


def engine(module: str, install: str) -> ModuleType:
    """``module``, imported; without it the tests skip, except in CI (``CI`` set), which
    installs the test extras: there a missing engine fails, so it cannot pass unnoticed."""
    if os.environ.get("CI"):
        return importlib.import_module(module)
    found: ModuleType = pytest.importorskip(module, reason=f"the scale tests need {install}")
    return found
