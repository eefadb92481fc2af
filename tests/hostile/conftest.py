"""The hostile-input tests leave nothing behind: figures a plot opened are closed."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    """Close every pyplot figure a test opened (a plot given good values draws one).

    Open figures outlive the test; past twenty, matplotlib warns on the next one, and
    the warning fails whatever test draws it, here or in tests/reports.
    """
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")
