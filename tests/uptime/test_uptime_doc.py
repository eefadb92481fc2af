"""docs/concepts/uptime.md: every python block runs on its own, in a fresh namespace."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PAGE = Path(__file__).resolve().parents[2] / "docs" / "concepts" / "uptime.md"
BLOCKS = re.findall(
    r"^```python\n(.*?)^```", PAGE.read_text(encoding="utf-8"), re.DOTALL | re.MULTILINE
)


def test_the_page_covers_the_issue() -> None:
    text = PAGE.read_text(encoding="utf-8")
    for topic in ("8.77", "count_as_up", "exclude", "Rounding", "gregorian", "fixed", "julian"):
        assert topic in text
    assert len(BLOCKS) >= 10


@pytest.mark.parametrize("number", range(len(BLOCKS)), ids=lambda n: f"block-{n + 1}")
def test_block_is_self_contained(number: int, capsys: pytest.CaptureFixture[str]) -> None:
    exec(compile(BLOCKS[number], f"uptime.md block {number + 1}", "exec"), {"__name__": "doc"})
    capsys.readouterr()
