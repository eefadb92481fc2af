"""Every source a test cites stands on its own: no path outside the repository.

A golden row's provenance must be checkable by anyone with the repository: a vendor's
document or URL, a public repository's file, or a derivation written next to the row (or
kept under docs/). A path on a developer's machine or in a sibling checkout is neither.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
# This file is left out of the scan: its own examples below must match.
OUTSIDE = re.compile(
    "|".join(
        [
            r"(?:\.\./)+shared",  # a sibling checkout
            r"shared/research",
            r"(?<![\w/.-])research/[\w.-]+",  # notes kept outside the repository, not a URL
            r"\bresearch §",
            r"(?<![\w.])/(?:work|home|Users|root|mnt)/\w",  # an absolute machine path
            r"\b[A-Z]:\\\\?Users",
        ]
    )
)


def _text_files() -> list[Path]:
    files = []
    for path in sorted(TESTS.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path == Path(__file__):
            continue
        try:
            path.read_text(encoding="utf-8")
        except UnicodeDecodeError:  # images and other binary snapshots
            continue
        files.append(path)
    return files


def test_the_pattern_catches_outside_paths() -> None:
    for cited in (
        "see ../../shared/notes.md",
        "Sources (see /work/shared/notes.md):",
        "from research/business_hours_engines.md section 5",
        "computed (research §1.4)",
        "C:\\Users\\me\\notes.md",
    ):
        assert OUTSIDE.search(cited), cited
    for fine in (
        "https://sre.google/workbook/alerting-on-slos/",
        "docs/concepts/business-time.md §3",
        "github.com/zammad/zammad spec/lib/escalation/destination_time_spec.rb",
        "tests/reference.py",
        "https://example.org/research/paper.pdf",
    ):
        assert not OUTSIDE.search(fine), fine


@pytest.mark.parametrize("path", _text_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_citation_points_outside_the_repository(path: Path) -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if OUTSIDE.search(line)
    ]
    assert found == [], "cite a URL, a public repository's file or a derivation instead"
