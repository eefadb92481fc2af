"""Fixtures shared by the report tests: the example agency's year, analysed once."""

from __future__ import annotations

from typing import Any

import pytest

from slacalc import datasets
from slacalc.policy import SLAPolicy
from slacalc.reports import TicketOutcomes, analyze_tickets


@pytest.fixture(scope="session")
def policy() -> SLAPolicy:
    return datasets.load_policy()


@pytest.fixture(scope="session")
def ticket_records() -> list[dict[str, Any]]:
    return datasets.load_tickets(as_frame=False)


@pytest.fixture(scope="session")
def ticket_frame() -> Any:
    return datasets.load_tickets(as_frame=True)


@pytest.fixture(scope="session")
def outcomes(ticket_frame: Any, policy: SLAPolicy) -> TicketOutcomes:
    return analyze_tickets(ticket_frame, policy)
