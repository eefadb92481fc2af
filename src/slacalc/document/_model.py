"""The agreement as blocks: headings, paragraphs, lists and tables of plain text.

The builder fills these from a policy; the Markdown and HTML renderers each escape the
text for their format, so policy text can never inject markup. Tables and runs of text
are the presentation layer's (:mod:`slacalc._present.tables`), shared with reports and
the command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from slacalc._present.tables import Inline, Strong, Table

__all__ = ["Block", "Document", "Heading", "Inline", "Items", "Paragraph", "Strong", "Table"]


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading; ``level`` 2 for sections, 3 for subsections.

    Examples:
        >>> Heading(2, "1. Scope").level
        2
    """

    level: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph.

    Examples:
        >>> Paragraph(("Support is open ", Strong("around the clock"), ".")).parts[1]
        Strong(text='around the clock')
    """

    parts: Inline


@dataclass(frozen=True, slots=True)
class Items:
    """A bulleted (or numbered, with ``ordered``) list.

    Examples:
        >>> Items((("Backups",), ("Security scans",))).ordered
        False
    """

    items: tuple[Inline, ...]
    ordered: bool = False


Block: TypeAlias = Heading | Paragraph | Items | Table
"""Any block of the document."""


@dataclass(frozen=True, slots=True)
class Document:
    """The whole agreement: a title, a subtitle, the language, and the blocks in order.

    Examples:
        >>> Document("Website care agreement", "Service level agreement", "en", ()).lang
        'en'
    """

    title: str
    subtitle: str
    lang: str
    blocks: tuple[Block, ...]
