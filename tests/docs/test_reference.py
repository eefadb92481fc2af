"""Every public name of the documented subpackages has a reference entry, and no entry is stale."""

from __future__ import annotations

import importlib
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "docs" / "reference"
DIRECTIVE = re.compile(r"^::: (slacalc\.[\w.]+)$", re.MULTILINE)
PAGES = {
    "slacalc.calendar": REFERENCE / "calendar.md",
    "slacalc.uptime": REFERENCE / "uptime.md",
    "slacalc.credits": REFERENCE / "credits.md",
    "slacalc.policy": REFERENCE / "policy.md",
    "slacalc.timers": REFERENCE / "timers.md",
    "slacalc.reports": REFERENCE / "reports.md",
    "slacalc.document": REFERENCE / "document.md",
    "slacalc.datasets": REFERENCE / "datasets.md",
}


def _directives(page: Path) -> list[str]:
    return DIRECTIVE.findall(page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("package", sorted(PAGES))
def test_reference_page_lists_every_public_name(package: str) -> None:
    documented = _directives(PAGES[package])
    public = {f"{package}.{name}" for name in importlib.import_module(package).__all__}
    assert sorted(public - set(documented)) == [], "public names missing from the reference"
    assert sorted(set(documented) - public) == [], "reference entries that are not public"
    assert len(documented) == len(set(documented)), "a name is documented twice"


def test_no_name_is_documented_on_two_pages() -> None:
    counts = Counter(name for page in sorted(REFERENCE.glob("*.md")) for name in _directives(page))
    assert sorted(name for name, n in counts.items() if n > 1) == []


def test_every_reference_page_is_checked() -> None:
    """A new reference page of a subpackage must be added to PAGES (errors.md is whole-module)."""
    checked = {page.name for page in PAGES.values()}
    assert {page.name for page in REFERENCE.glob("*.md")} - checked == {"errors.md"}
