"""Every ```python block in README.md and docs/ runs, in order, one namespace per file.

Where the page shows what a block prints (a ``text`` block right after it, or ``# ``
comments under a ``print(...)``), the block must print exactly that; a line ``...`` in the
shown output stands for any lines.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.docs.fences import fences, matches, shown_output, with_snippets

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
KNOWN = {"python", "text", "sh", "toml", "json", ""}  # "": plain text
# Pages whose examples are commands, checked against the CLI in tests/cli/test_docs_page.py.
COMMAND_PAGES = {"guide/cli.md"}


def _rel(page: Path) -> str:
    return str(page.relative_to(ROOT))


@pytest.mark.parametrize("page", PAGES, ids=_rel)
def test_every_fence_is_seen(page: Path) -> None:
    """Each fence is closed, names a known language and starts a line (an indented one
    would render but never run here)."""
    text = page.read_text(encoding="utf-8")
    blocks = fences(text)
    assert {block.lang for block in blocks} <= KNOWN, "a fence without a known language"
    indented = [n for n, line in enumerate(text.split("\n"), 1) if re.match(r"\s+```", line)]
    assert indented == [], "indented fences are not run"
    assert len(re.findall(r"^```", text, re.MULTILINE)) == 2 * len(blocks)


def test_the_concept_and_guide_pages_keep_their_examples() -> None:
    docs = ROOT / "docs"
    pages = sorted([*docs.glob("concepts/*.md"), *docs.glob("guide/*.md")])
    assert (docs / "concepts" / "business-time.md") in pages
    bare = [
        str(page.relative_to(docs))
        for page in pages
        if str(page.relative_to(docs)) not in COMMAND_PAGES
        and not any(b.lang == "python" for b in fences(page.read_text(encoding="utf-8")))
    ]
    assert bare == [], "pages that lost their runnable examples"


@pytest.mark.parametrize("page", PAGES, ids=_rel)
def test_code_blocks_run(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    blocks = fences(page.read_text(encoding="utf-8"))
    capsys.readouterr()
    for index, block in enumerate(blocks):
        if block.lang != "python":
            continue
        where = f"{_rel(page)} line {block.line}"
        exec(compile(with_snippets(block.body, ROOT), where, "exec"), namespace)
        printed = capsys.readouterr().out
        shown = shown_output(blocks, index)
        if shown is not None:
            assert matches(shown, printed), f"{where} prints\n{printed}\nthe page shows\n{shown}"


def test_shown_output_is_compared_with_ellipsis_lines() -> None:
    page = "```python\nprint('a')\nprint('b')\nprint('c')\n```\n\n```text\na\n...\n```\n"
    blocks = fences(page)
    assert shown_output(blocks, 0) == "a\n...\n"
    assert matches("a\n...\n", "a\nb\nc\n")
    assert not matches("a\n...\n", "b\nc\n")
    assert not matches("a\nb\n", "a\nc\n")
    commented = fences("```python\nx = 1\nprint(x)\n# 1\n```\n")
    assert shown_output(commented, 0) == "1\n"


def test_a_snippet_line_is_the_file_it_names(tmp_path: Path) -> None:
    (tmp_path / "part.py").write_text("x = 1\n", encoding="utf-8")
    body = 'y = 0\n--8<-- "part.py"\nz = 2\n'
    assert with_snippets(body, tmp_path) == "y = 0\nx = 1\n\nz = 2\n"
