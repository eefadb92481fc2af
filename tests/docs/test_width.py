"""Code blocks fit the page: no line of code wider than the site's content column.

88 characters fit Material's content column without a sideways scroll. A ``text`` block
right after a ``python`` or ``sh`` block is exempt: it shows what that code prints
(tests/docs/test_examples.py and tests/cli/test_docs_page.py compare it), and wrapping
it would misstate the output; so is a ``text`` block that is a shell transcript (its
first line starts with ``$ ``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.docs.fences import Fence, fences

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
WIDTH = 88


def _is_output(blocks: list[Fence], index: int) -> bool:
    before = blocks[index - 1] if index > 0 else None
    block = blocks[index]
    return block.lang == "text" and (
        block.body.startswith("$ ")
        or (before is not None and before.lang in ("python", "sh") and before.gap.strip() == "")
    )


def _too_wide(text: str) -> list[str]:
    blocks = fences(text)
    return [
        f"line {block.line + n}: {len(line)} characters"
        for i, block in enumerate(blocks)
        if not _is_output(blocks, i)
        for n, line in enumerate(block.body.split("\n"), 1)
        if len(line) > WIDTH
    ]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_code_blocks_fit_the_page(page: Path) -> None:
    assert _too_wide(page.read_text(encoding="utf-8")) == []


def test_the_check_finds_a_wide_line_and_spares_shown_output() -> None:
    wide = "x = " + "1" * 90
    page = f"```python\n{wide}\nprint(x)\n```\n\n```text\n{'1' * 90}\n```\n"
    assert _too_wide(page) == ["line 2: 94 characters"]


@pytest.mark.parametrize("name", ["README.md", "docs/index.md"])
def test_the_front_pages_show_what_their_examples_print(name: str) -> None:
    from tests.docs.fences import shown_output

    blocks = fences((ROOT / name).read_text(encoding="utf-8"))
    python = [i for i, b in enumerate(blocks) if b.lang == "python"]
    assert all(shown_output(blocks, i) for i in python[:2]), "show results, not only asserts"
