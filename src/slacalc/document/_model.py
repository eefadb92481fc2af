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

__all__ = [
    "Block",
    "Document",
    "Heading",
    "Inline",
    "Items",
    "Paragraph",
    "Section",
    "Strong",
    "Table",
]


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
class Section:
    """One section of the agreement: its name (for templates), its heading and its blocks.

    ``name`` is ``'intro'`` (before the first heading, no heading), one of the built-in
    sections (``'scope'``, ``'hours'``, ..., ``'sign'``) or a section the user adds
    (no heading and no blocks: its template writes it). ``number`` is its place among
    the numbered sections (0 for the intro).

    Examples:
        >>> Section("scope", "1. Scope", (Paragraph(("All of it",)),)).heading
        '1. Scope'
    """

    name: str
    heading: str
    blocks: tuple[Block, ...]
    number: int = 0


@dataclass(frozen=True, slots=True)
class Document:
    """The whole agreement: title, subtitle, language, sections, and a version line.

    Examples:
        >>> doc = Document("Website care agreement", "Service level agreement", "en", ())
        >>> doc.lang, doc.version
        ('en', '')
    """

    title: str
    subtitle: str
    lang: str
    sections: tuple[Section, ...]
    version: str = ""

    @property
    def blocks(self) -> tuple[Block, ...]:
        """Every block in order, each section's heading as a level-2 :class:`Heading`.

        Examples:
            >>> from slacalc.document._build import build_document
            >>> from slacalc.policy import default_policy
            >>> build_document(default_policy().to_agreement(), "en").blocks[1]
            Heading(level=2, text='1. Scope')
        """
        out: list[Block] = []
        for section in self.sections:
            if section.heading:
                out.append(Heading(2, section.heading))
            out += section.blocks
        return tuple(out)
