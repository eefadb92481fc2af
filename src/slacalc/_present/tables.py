"""One table model, rendered as fixed-width text, Markdown or HTML.

A :class:`Table` is a header and rows of cells; a cell is plain text or a run of text
with :class:`Strong` parts. The command line prints tables as text, reports show them
as text and in notebooks as HTML, and the agreement as Markdown or HTML: all through
the renderers here, each escaping the text for its format so that no cell can inject
markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias

__all__ = [
    "Cell",
    "Inline",
    "Strong",
    "Table",
    "cell_text",
    "html_inline",
    "markdown_escape",
    "markdown_inline",
    "result_html",
    "table_html",
    "table_markdown",
    "table_text",
]


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

Cell: TypeAlias = str | Inline
"""A table cell: plain text, or a run of text with :class:`Strong` parts."""


@dataclass(frozen=True, slots=True)
class Table:
    """A table with a header row; ``numeric`` marks columns aligned right (HTML, Markdown).

    ``kind`` names a special table for styling (``'signatures'``: tall empty cells to
    sign in); the HTML renderer uses it as the table's class. ``marked`` lists the rows
    that need attention (a breach, a missed month), by index: HTML shows them in red,
    and the command line colours them on a terminal.

    Examples:
        >>> Table(("Period", "Allowed"), ((("month",), ("43 min 50 s",)),)).numeric
        ()
    """

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric: tuple[int, ...] = ()
    kind: str = ""
    marked: tuple[int, ...] = ()


def html_escape(text: str) -> str:
    """``html.escape``, loaded when a table is first written as HTML (``html`` brings a
    table of every named entity along, which no text output needs)."""
    from html import escape

    return escape(text)


def _parts(cell: Cell) -> Inline:
    """A cell as a run of text."""
    return (cell,) if isinstance(cell, str) else cell


def cell_text(cell: Cell) -> str:
    """A cell's text without emphasis.

    Examples:
        >>> cell_text(("at most ", Strong("43 min")))
        'at most 43 min'
    """
    return "".join(p.text if isinstance(p, Strong) else p for p in _parts(cell))


def table_text(table: Table, *, rule: bool = False, more: int = 0) -> str:
    """The table as fixed-width text: columns two spaces apart, no trailing spaces.

    Args:
        table: the table.
        rule: draw a line of dashes under the header.
        more: how many rows were left out; when positive, a last line says so.

    Returns:
        The lines, joined by newlines (no newline at the end).

    Examples:
        >>> t = Table(("period", "allowed"), (("day", "1m 26s"), ("week", "10m 5s")))
        >>> print(table_text(t, rule=True, more=3))
        period  allowed
        ------  -------
        day     1m 26s
        week    10m 5s
        ... 3 more rows
    """
    body = [[cell_text(c) for c in row] for row in table.rows]
    widths = [max(map(len, column)) for column in zip(table.header, *body, strict=True)]

    def line(cells: list[str] | tuple[str, ...]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    lines = [line(table.header)]
    if rule:
        lines.append("  ".join("-" * w for w in widths))
    lines += [line(cells) for cells in body]
    if more > 0:
        lines.append(f"... {more} more rows")
    return "\n".join(lines)


_SPECIAL = re.compile(r"([\\`*_\[\]<>|&#~])")
_SPACE = re.compile(r"\s+")


def markdown_escape(text: str) -> str:
    """Text safe inside a Markdown line: whitespace runs made one space, markup escaped.

    Examples:
        >>> print(markdown_escape("Fix *all* the <script> | bugs"))
        Fix \\*all\\* the \\<script\\> \\| bugs
    """
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text))


def markdown_inline(parts: Cell) -> str:
    """A run of text as Markdown, escaped, with ``**bold**`` for :class:`Strong` parts.

    Examples:
        >>> markdown_inline(("at most ", Strong("43 min"), " a month"))
        'at most **43 min** a month'
    """
    return "".join(
        (f"**{markdown_escape(p.text).strip()}**" if p.text.strip() else "")
        if isinstance(p, Strong)
        else markdown_escape(p)
        for p in _parts(parts)
    ).strip()


def table_markdown(table: Table) -> str:
    """The table as a GitHub-flavoured Markdown table, every cell escaped.

    Examples:
        >>> print(table_markdown(Table(("Period", "Allowed"), (("month", "43 min"),),
        ...                            numeric=(1,))))
        | Period | Allowed |
        | --- | ---: |
        | month | 43 min |
    """

    def row(cells: list[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    rule = ["---:" if i in table.numeric else "---" for i in range(len(table.header))]
    lines = [row([markdown_escape(h) for h in table.header]), row(rule)]
    lines += [row([markdown_inline(cell) for cell in cells]) for cells in table.rows]
    return "\n".join(lines)


def html_inline(parts: Cell) -> str:
    """A run of text as HTML, escaped, with ``<strong>`` for :class:`Strong` parts.

    Examples:
        >>> html_inline(("A & B ", Strong("<now>")))
        'A &amp; B <strong>&lt;now&gt;</strong>'
    """
    return "".join(
        f"<strong>{html_escape(p.text)}</strong>" if isinstance(p, Strong) else html_escape(p)
        for p in _parts(parts)
    )


_MARKED = ' class="breached" style="background: #fde2e1; color: #8a1c14"'
"""A marked row's attributes: a class to style, and a colour that shows without CSS."""


def table_html(table: Table) -> str:
    """The table as an HTML ``<table>``, one element a line, every cell escaped.

    Examples:
        >>> print(table_html(Table(("Period", "Allowed"), (("month", "43 min"),),
        ...                        numeric=(1,))))
        <table>
        <thead>
        <tr>
        <th scope="col">Period</th>
        <th scope="col" class="num">Allowed</th>
        </tr>
        </thead>
        <tbody>
        <tr><td>month</td><td class="num">43 min</td></tr>
        </tbody>
        </table>
    """

    def cls(i: int) -> str:
        return ' class="num"' if i in table.numeric else ""

    kind = f' class="{html_escape(table.kind)}"' if table.kind else ""
    lines = [f"<table{kind}>", "<thead>", "<tr>"]
    lines += [f'<th scope="col"{cls(i)}>{html_escape(h)}</th>' for i, h in enumerate(table.header)]
    lines += ["</tr>", "</thead>", "<tbody>"]
    for n, cells in enumerate(table.rows):
        row = "".join(f"<td{cls(i)}>{html_inline(cell)}</td>" for i, cell in enumerate(cells))
        lines.append(f"<tr{_MARKED if n in table.marked else ''}>{row}</tr>")
    lines += ["</tbody>", "</table>"]
    return "\n".join(lines)


def result_html(title: str, lines: Sequence[str] = (), table: Table | None = None) -> str:
    """A result in a notebook: its title in bold, lines of text, then its table.

    Examples:
        >>> t = Table(("clock", "state"), (("response", "met"), ("resolution", "BREACHED")),
        ...           marked=(1,))
        >>> print(result_html("Ticket 4711", ["severity 'high'"], t))
        ... # doctest: +NORMALIZE_WHITESPACE
        <div class="slacalc-result"><p><strong>Ticket 4711</strong></p>
        <p>severity &#x27;high&#x27;</p>
        <table>
        ...
        <tr><td>response</td><td>met</td></tr>
        <tr class="breached"
            style="background: #fde2e1; color: #8a1c14"><td>resolution</td><td>BREACHED</td></tr>
        </tbody>
        </table></div>
    """
    parts = [f'<div class="slacalc-result"><p><strong>{html_escape(title)}</strong></p>']
    parts += [f"<p>{html_escape(line)}</p>" for line in lines]
    if table is not None:
        parts.append(table_html(table))
    return "\n".join(parts) + "</div>"
