"""The agreement as Markdown (CommonMark with GitHub tables), every text escaped."""

from __future__ import annotations

import re

from slacalc.document._model import Document, Heading, Inline, Items, Paragraph, Strong, Table

__all__ = ["escape", "render_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|&#~])")
_SPACE = re.compile(r"\s+")
_LIST_START = re.compile(r"^(\d+)([.)])(\s|$)")


def escape(text: str) -> str:
    """Text safe inside a Markdown line: whitespace runs made one space, markup escaped.

    Examples:
        >>> print(escape("Fix *all* the <script> | bugs"))
        Fix \\*all\\* the \\<script\\> \\| bugs
    """
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text))


def _block_start(text: str) -> str:
    """A paragraph or list item that would start a list or heading, escaped."""
    text = _LIST_START.sub(r"\1\\\2\3", text.lstrip())
    return "\\" + text if text[:1] in {"-", "+", "="} else text


def _inline(parts: Inline) -> str:
    return "".join(
        (f"**{escape(p.text).strip()}**" if p.text.strip() else "")
        if isinstance(p, Strong)
        else escape(p)
        for p in parts
    ).strip()


def _table(block: Table) -> list[str]:
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    rule = ["---:" if i in block.numeric else "---" for i in range(len(block.header))]
    lines = [row([escape(h) for h in block.header]), row(rule)]
    lines += [row([_inline(cell) for cell in cells]) for cells in block.rows]
    return lines


def render_markdown(doc: Document) -> str:
    """Markdown text of the agreement, ending in one newline.

    Examples:
        >>> from slacalc.document._model import Document, Heading, Paragraph
        >>> print(render_markdown(Document("SLA", "Agreement", "en",
        ...                                (Heading(2, "1. Scope"), Paragraph(("All of it",))))))
        # SLA
        <BLANKLINE>
        *Agreement*
        <BLANKLINE>
        ## 1. Scope
        <BLANKLINE>
        All of it
        <BLANKLINE>
    """
    chunks: list[str] = [f"# {escape(doc.title)}", f"*{escape(doc.subtitle)}*"]
    for block in doc.blocks:
        if isinstance(block, Heading):
            chunks.append(f"{'#' * block.level} {escape(block.text)}")
        elif isinstance(block, Paragraph):
            chunks.append(_block_start(_inline(block.parts)))
        elif isinstance(block, Items):
            chunks.append(
                "\n".join(
                    f"{f'{n}.' if block.ordered else '-'} {_block_start(_inline(item))}"
                    for n, item in enumerate(block.items, start=1)
                )
            )
        else:
            chunks.append("\n".join(_table(block)))
    return "\n\n".join(chunks) + "\n"
