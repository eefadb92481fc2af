"""Tables: one column list per report, given as a DataFrame, records, text or HTML.

Every report keeps its rows as frozen values and says which columns it has; the
presentation layer builds the DataFrame or records (:mod:`slacalc._present.frames`) and
lays out text and HTML (:mod:`slacalc._present.tables`). Here each value becomes the
text people read, and :class:`Tabular` gives every report the same views.
"""

from __future__ import annotations

import datetime as dt
import html
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, ClassVar

from slacalc._present.formats import instant_text, share_text
from slacalc._present.frames import Backend, Column, convert_frame, frame, records
from slacalc._present.tables import Table, table_html, table_text
from slacalc._time import UTC
from slacalc.uptime import Availability, format_duration

__all__ = ["Tabular", "cell", "percent_cell", "render_text"]


# -- text and HTML -------------------------------------------------------------------------------


def cell(value: object, tz: dt.tzinfo | None = None) -> str:
    """A value as people read it: local times, ``1h 30m``, exact percentages."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.datetime):
        return instant_text(value, tz, weekday=False)
    if isinstance(value, dt.timedelta):
        return format_duration(value, "hours")
    if isinstance(value, Availability):
        return value.format(3, rounding="floor")
    if isinstance(value, Fraction):
        return share_text(value)
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


def percent_cell(value: object) -> str:
    """An exact percentage as shown, with its sign: ``'99.5%'`` (``'-'`` for ``None``)."""
    return "-" if value is None else f"{value:f}%"


def _is_marked(columns: Sequence[str], row: Sequence[object]) -> bool:
    """Whether a report row needs attention: a breach, a missed target, a late segment."""
    values = dict(zip(columns, row, strict=True))
    breached = values.get("breached")
    return (
        values.get("met") is False
        or values.get("result") == "breached"
        or values.get("late") is True
        or (isinstance(breached, int) and breached > 0)
    )


def _cells(
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    tz: dt.tzinfo | None,
    formatters: Mapping[str, Callable[[object], str]] | None,
) -> Table:
    """Report rows as a table of text, each value as people read it; breaches marked."""
    fmt = formatters or {}
    return Table(
        tuple(columns),
        tuple(
            tuple(fmt[c](v) if c in fmt else cell(v, tz) for c, v in zip(columns, row, strict=True))
            for row in rows
        ),
        marked=tuple(i for i, row in enumerate(rows) if _is_marked(columns, row)),
    )


def render_text(
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    tz: dt.tzinfo | None = None,
    limit: int | None = None,
    formatters: Mapping[str, Callable[[object], str]] | None = None,
) -> str:
    """A fixed-width text table (at most ``limit`` rows, then a count of the rest)."""
    shown = rows if limit is None else rows[:limit]
    return table_text(
        _cells(columns, shown, tz, formatters), rule=True, more=len(rows) - len(shown)
    )


class Tabular(ABC):
    """What every report shares: its rows as a table, a DataFrame, records, text and HTML.

    A report says which columns it has (:meth:`_columns`), gives its rows' values
    (:meth:`_values`), what its text and HTML show (:meth:`_shown`, :meth:`_title`) and
    the zone its times are shown in (:meth:`_tz`); the rest is here, written once.
    """

    __slots__ = ()
    _HTML_LIMIT: ClassVar[int] = 20
    _PERCENT: ClassVar[tuple[str, ...]] = ()
    """Shown columns of exact percentages, shown with a percent sign."""

    @abstractmethod
    def _columns(self) -> Sequence[Column]:
        """The table's columns."""

    @abstractmethod
    def _values(self) -> list[tuple[object, ...]]:
        """The table's rows, one value per column."""

    @abstractmethod
    def _shown(self) -> tuple[Sequence[str], list[tuple[object, ...]]]:
        """The header and rows of the text and HTML views."""

    @abstractmethod
    def _title(self) -> str:
        """The title of the HTML view."""

    def _formats(self) -> dict[str, Callable[[object], str]]:
        """How the shown columns that are not plain values are written."""
        return dict.fromkeys(self._PERCENT, percent_cell)

    def _tz(self) -> dt.tzinfo | None:
        """The zone times are shown in (``None``: each time in its own)."""
        return None

    def to_text(self) -> str:
        """The report as a text table."""
        return render_text(*self._shown(), tz=self._tz(), formatters=self._formats())

    @property
    def columns(self) -> tuple[str, ...]:
        """The column names of :attr:`table`, in order.

        Examples:
            >>> from slacalc.reports import availability_report
            >>> availability_report([], "99.9%", ["2026-01"]).columns[:3]
            ('month', 'start', 'end')
        """
        return tuple(c.name for c in self._columns())

    @property
    def table(self) -> Any:
        """The rows as a pandas DataFrame for analysis: :meth:`to_frame` with its defaults.

        It needs pandas whether or not some other package installed it; without pandas,
        :meth:`to_records` gives plain dicts.

        Raises:
            ModuleNotFoundError: pandas is not installed.

        Examples:
            >>> from slacalc.reports import availability_report
            >>> len(availability_report([], "99.9%", 2026).table)
            12
        """
        return self.to_frame()

    def to_frame(self, *, exact: bool = False, backend: Backend = "pandas") -> Any:
        """The rows as a DataFrame: pandas by default, or polars or a pyarrow Table.

        Times are aware ``datetime64[us, tz]`` columns in the report's zone, durations
        ``timedelta64[us]``, months ``period[M]``, severities categoricals in the
        policy's order. Exact numbers (shares, availabilities, percentages, money) are
        ``float64`` columns (``NaN`` where there is none), so the table plots, groups
        and writes to Parquet; the exact values stay in :attr:`rows` and
        :meth:`to_records`, and ``exact=True`` keeps them in the frame (as Python
        objects, which Arrow and Parquet cannot store).

        Args:
            exact: keep ``Fraction``, ``Decimal`` and ``Availability`` objects instead
                of floats (pandas only).
            backend: ``"pandas"``, ``"polars"`` or ``"pyarrow"`` (built from the
                pandas frame; months become ``'2026-03'`` strings there, as neither
                has a month type).

        Returns:
            A pandas DataFrame, a polars DataFrame or a pyarrow Table.

        Raises:
            ModuleNotFoundError: pandas (or the backend asked for) is not installed.
            InvalidOptionError: an unknown ``backend``, or ``exact=True`` with another
                backend than pandas.

        Examples:
            >>> from slacalc.reports import availability_report
            >>> r = availability_report([], "99.9%", ["2026-02"], tz="Europe/Copenhagen")
            >>> df = r.to_frame()
            >>> str(df["start"].dtype), str(df["downtime"].dtype), str(df["month"].dtype)
            ('datetime64[us, Europe/Copenhagen]', 'timedelta64[us]', 'period[M]')
            >>> df["availability"].tolist(), r.to_frame(exact=True)["availability"].tolist()
            ([1.0], [Availability('100%')])
            >>> r.to_frame(backend="polars")["month"].to_list()
            ['2026-02']
        """
        df = frame(self._columns(), self._values(), tz=self._tz() or UTC, exact=exact)
        return convert_frame(df, backend, exact=exact)

    def to_records(self) -> list[dict[str, Any]]:
        """The rows as plain dicts (no pandas needed).

        Examples:
            >>> from slacalc.reports import availability_report
            >>> availability_report([], "99.9%", ["2026-02"]).to_records()[0]["met"]
            True
        """
        return records(self._columns(), self._values())

    def __str__(self) -> str:
        return self.to_text()

    def _text_table(self, limit: int | None = None) -> Table:
        """The rows the text and HTML views show (at most ``limit``), breaches marked."""
        names, rows = self._shown()
        return _cells(names, rows[:limit], self._tz(), self._formats())

    def _repr_html_(self) -> str:
        """The report in a notebook: its title and an HTML table, at most ``_HTML_LIMIT`` rows;
        breached rows and missed months in red."""
        limit, more = self._HTML_LIMIT, ""
        shown = self._text_table(limit)
        if (rest := len(self._shown()[1]) - len(shown.rows)) > 0:
            more = f"<p>… {rest} more rows (use .table for all of them)</p>"
        return (
            f'<div class="slacalc-report"><p><strong>{html.escape(self._title())}</strong></p>'
            f"{table_html(shown)}{more}</div>"
        )
