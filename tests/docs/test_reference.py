"""Every public name of the documented subpackages has a reference entry, and no entry is stale."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIRECTIVE = re.compile(r"^::: (slacalc\.[\w.]+)$", re.MULTILINE)
PAGES = {
    "slacalc.calendar": ROOT / "docs" / "reference" / "calendar.md",
    "slacalc.uptime": ROOT / "docs" / "reference" / "uptime.md",
    "slacalc.credits": ROOT / "docs" / "reference" / "credits.md",
}


@pytest.mark.parametrize("package", sorted(PAGES))
def test_reference_page_lists_every_public_name(package: str) -> None:
    documented = DIRECTIVE.findall(PAGES[package].read_text(encoding="utf-8"))
    public = {f"{package}.{name}" for name in importlib.import_module(package).__all__}
    assert sorted(public - set(documented)) == [], "public names missing from the reference"
    assert sorted(set(documented) - public) == [], "reference entries that are not public"
    assert len(documented) == len(set(documented)), "a name is documented twice"
