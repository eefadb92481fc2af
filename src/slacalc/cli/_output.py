"""How the command writes its answer: plain text, a terminal's tables and colour, or CSV.

Text goes out plain unless the output is a terminal. On a terminal, and with ``rich``
installed (the ``cli`` extra), tables fit the terminal's width and rows that need
attention (a breach, a missed month) are red; ``NO_COLOR`` (https://no-color.org)
turns the colour off. Without ``rich`` a terminal gets the plain tables. Nothing here
ever colours output that is not a terminal: a pipe, a file or a test's buffer gets
exactly the plain text.

CSV (``--format csv``) writes a command's table as records, each value in the JSON
form of :mod:`slacalc._present.jsonable` (decimal strings, ISO 8601 instants and
durations, ``_seconds`` and ``_fraction`` columns beside them), so that a spreadsheet
and a script read the same numbers.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from collections.abc import Mapping, Sequence
from typing import TextIO

from slacalc._present.jsonable import to_jsonable
from slacalc._present.tables import Table, cell_text, table_text

__all__ = ["Screen", "screen", "write_csv", "write_table"]


class Screen:
    """What the output can show: a terminal's width, and whether to colour.

    Examples:
        >>> import io
        >>> s = screen(io.StringIO())
        >>> s.width, s.colour
        (None, False)
    """

    __slots__ = ("colour", "width")

    def __init__(self, width: int | None, colour: bool) -> None:
        self.width = width
        self.colour = colour


def screen(out: TextIO) -> Screen:
    """The :class:`Screen` of ``out``: a width and colour only when it is a terminal."""
    try:
        terminal = out.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed file
        terminal = False
    if not terminal:
        return Screen(None, False)
    colour = not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    return Screen(shutil.get_terminal_size().columns, colour)


def write_table(out: TextIO, table: Table, *, rule: bool = False) -> None:
    """Write ``table``: fitted and coloured on a terminal with ``rich``, else plain text.

    Examples:
        >>> import io
        >>> buffer = io.StringIO()
        >>> write_table(buffer, Table(("clock", "state"), (("response", "met"),)))
        >>> print(buffer.getvalue(), end="")
        clock     state
        response  met
    """
    shown = screen(out)
    if shown.width is None:
        print(table_text(table, rule=rule), file=out)
        return
    try:
        from rich.console import Console
        from rich.table import Table as RichTable
    except ImportError:  # the cli extra is not installed: plain tables
        print(table_text(table, rule=rule), file=out)
        return
    console = Console(
        file=out,
        width=shown.width,
        color_system="auto" if shown.colour else None,
        no_color=not shown.colour,
        highlight=False,
        emoji=False,
        markup=False,
    )
    grid = RichTable(
        box=None,
        pad_edge=False,
        padding=(0, 1),
        show_edge=False,
        header_style="bold" if shown.colour else "",
        expand=False,
    )
    texts = [[cell_text(c) for c in row] for row in table.rows]
    for name, width in zip(table.header, _fit(table.header, texts, shown.width), strict=True):
        grid.add_column(name, width=width, overflow="fold")
    for i, row in enumerate(texts):
        grid.add_row(*row, style="bold red" if i in table.marked and shown.colour else None)
    console.print(grid, crop=False)  # too narrow a terminal: wrap lines, lose nothing


def _fit(header: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> list[int]:
    """Column widths that fit ``width`` (two spaces between columns) where they can.

    Each column starts as wide as its widest cell; while the table is too wide, the
    column with the most room to give loses one character, down to its longest word
    in the cells (at most 12): cells then wrap between words, headers anywhere.

    Examples:
        >>> _fit(("clock", "due"), [("response", "Mon 2026-11-30 09:30 +01:00")], 30)
        [8, 20]
    """
    natural = [max(len(t) for t in (name, *(r[i] for r in rows))) for i, name in enumerate(header)]
    least = [
        min(max((len(w) for r in rows for w in r[i].split()), default=1), 12)
        for i in range(len(header))
    ]
    widths = list(natural)
    room = width - 2 * (len(widths) - 1)
    while sum(widths) > room:
        give = max(range(len(widths)), key=lambda i: widths[i] - least[i])
        if widths[give] <= least[give]:
            break  # as narrow as the cells allow: the terminal wraps the rest
        widths[give] -= 1
    return widths


def write_csv(out: TextIO, records: Sequence[Mapping[str, object]]) -> None:
    """Write ``records`` as CSV: a header of their keys, then one line each.

    Each value is in its JSON form: exact numbers as decimal strings (with ``_fraction``
    columns), durations twice (ISO 8601 and ``_seconds``), instants ISO 8601, ``true``
    and ``false``, empty for none; a nested value is its JSON text.

    Examples:
        >>> import io, datetime as dt
        >>> from fractions import Fraction
        >>> buffer = io.StringIO()
        >>> write_csv(buffer, [{"month": "2026-03", "down": dt.timedelta(minutes=52),
        ...                     "availability": Fraction(7187, 7200), "met": False}])
        >>> print(buffer.getvalue(), end="")
        month,down,down_seconds,availability,availability_fraction,met
        2026-03,PT52M,3120,0.998194444444,7187/7200,false
    """
    rows = [to_jsonable(dict(record)) for record in records]
    writer = csv.writer(out, lineterminator="\n")
    header = list(rows[0]) if rows else []
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_value(row.get(key)) for key in header])


def _csv_value(value: object) -> str:
    """One JSON value as a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
