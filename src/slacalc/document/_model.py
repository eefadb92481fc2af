"""The agreement as blocks: headings, paragraphs, lists and tables of plain text.

The builder fills these from a policy; the Markdown and HTML renderers each escape the
text for their format, so policy text can never inject markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

__all__ = ["Block", "Document", "Heading", "Inline", "Items", "Paragraph", "Strong", "Table"]


@dataclass(frozen=True, slots=True)
class Strong:
    """Text shown in bold.

    Examples:
        >>> Strong("99.9 %").text
        '99.9 %'
    """

    text: str


Inline: TypeAlias = tuple[str | Strong, ...]
"""A run of text: plain strings and :class:`Strong` parts."""


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


@dataclass(frozen=True, slots=True)
class Table:
    """A table with a header row; ``numeric`` marks columns aligned right.

    ``kind`` names a special table for styling (``'signatures'``: tall empty cells to
    sign in); the HTML renderer uses it as the table's class.

    Examples:
        >>> Table(("Period", "Allowed"), ((("month",), ("43 min 50 s",)),)).numeric
        ()
    """

    header: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]
    numeric: tuple[int, ...] = ()
    kind: str = ""


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
