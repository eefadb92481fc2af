"""The fenced code blocks of a Markdown page, and the output the page shows for them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_OPEN = re.compile(r"^(`{3,})[ \t]*([^`\n]*)$")
_PRINT = re.compile(r"^print\(.*\)\s*(#.*)?$")
_SNIPPET = re.compile(r'^--8<-- "([^":]+)"$', re.MULTILINE)


@dataclass(frozen=True)
class Fence:
    """One fenced block: the first word of its info string, its body and where it stands."""

    lang: str
    body: str
    line: int  # 1-based line of the opening fence
    gap: str  # the page's text between this block and the next one


def fences(text: str) -> list[Fence]:
    """Every fence that starts a line, in order; a fence left open raises ``ValueError``."""
    lines = text.split("\n")
    spans: list[tuple[str, str, int, int]] = []
    i = 0
    while i < len(lines):
        opening = _OPEN.match(lines[i])
        if opening is None:
            i += 1
            continue
        ticks, info = opening.group(1), opening.group(2).strip()
        j = i + 1
        while j < len(lines) and lines[j].rstrip() != ticks:
            j += 1
        if j == len(lines):
            raise ValueError(f"line {i + 1}: the fence {lines[i]!r} is never closed")
        body = "\n".join(lines[i + 1 : j]) + "\n"
        spans.append((info.split()[0] if info else "", body, i, j))
        i = j + 1
    out = []
    for k, (lang, body, start, end) in enumerate(spans):
        following = spans[k + 1][2] if k + 1 < len(spans) else len(lines)
        out.append(Fence(lang, body, start + 1, "\n".join(lines[end + 1 : following])))
    return out


def with_snippets(body: str, root: Path) -> str:
    """``body`` with each line ``--8<-- "path"`` replaced by that file, as mkdocs shows it.

    (pymdownx.snippets, with paths relative to ``root``, the repository.)
    """
    return _SNIPPET.sub(lambda m: (root / m.group(1)).read_text(encoding="utf-8"), body)


def shown_output(blocks: list[Fence], index: int) -> str | None:
    """What the page says the python block ``blocks[index]`` prints, if it says.

    Either a ``text`` block right after it (nothing but blank lines between), or the
    ``# `` comment lines right under a one-line ``print(...)`` in the block.
    """
    block = blocks[index]
    if "print(" not in block.body:
        return None
    after = blocks[index + 1] if index + 1 < len(blocks) else None
    if after is not None and after.lang == "text" and block.gap.strip() == "":
        return after.body
    lines = block.body.splitlines()
    shown: list[str] = []
    for k, line in enumerate(lines):
        if _PRINT.match(line):
            for comment in lines[k + 1 :]:
                if not comment.startswith("#"):
                    break
                shown.append(comment[2:] if comment.startswith("# ") else comment[1:])
    return "\n".join(shown) + "\n" if shown else None


def matches(shown: str, printed: str) -> bool:
    """``printed`` is ``shown``, line by line, where a line ``...`` stands for any lines."""
    pattern = "".join(
        r"(?:[^\n]*\n)*?" if line.strip() == "..." else re.escape(line.rstrip()) + r"\n"
        for line in shown.rstrip("\n").split("\n")
    )
    text = "".join(line.rstrip() + "\n" for line in printed.rstrip("\n").split("\n"))
    return re.fullmatch(pattern, text) is not None
