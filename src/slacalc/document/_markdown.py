"""The agreement as Markdown (CommonMark with GitHub tables), every text escaped."""

from __future__ import annotations

import re

from slacalc._present.tables import markdown_escape as escape
from slacalc._present.tables import markdown_inline as _inline
from slacalc._present.tables import table_markdown
from slacalc.document._model import Document, Heading, Items, Paragraph

__all__ = ["render_markdown"]

_LIST_START = re.compile(r"^(\d+)([.)])(\s|$)")


def _block_start(text: str) -> str:
    """A paragraph or list item that would start a list or heading, escaped."""
    text = _LIST_START.sub(r"\1\\\2\3", text.lstrip())
    return "\\" + text if text[:1] in {"-", "+", "="} else text


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
            chunks.append(table_markdown(block))
    return "\n\n".join(chunks) + "\n"
