"""Tables: one column list per report, given as a DataFrame, records, text or HTML.

pandas is optional. Every report keeps its rows as frozen values; :func:`frame` builds a
DataFrame with proper dtypes (aware ``datetime64[us, tz]``, ``timedelta64[us]``,
categoricals) when pandas is importable, and :func:`records` gives plain dicts otherwise.
The reverse, :func:`column_values`, reads a column of a DataFrame (or of records) back
into plain Python values (``None`` for missing), so reports accept each other's output
in either form. Text and HTML are laid out by the presentation layer
(:mod:`slacalc._present.tables`); here each value becomes the text people read.
"""

from __future__ import annotations

import datetime as dt
import html
import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from decimal import Decimal
from fractions import Fraction
from types import ModuleType, NoneType, UnionType
from typing import Any, ClassVar, Literal, TypeAlias, get_args, get_origin, get_type_hints

from slacalc._exact import percent_text
from slacalc._present.formats import instant_text
from slacalc._present.tables import Table, table_html, table_text
from slacalc._time import UTC, to_us
from slacalc.uptime import Availability, format_duration

__all__ = [
    "Column",
    "ColumnKind",
    "Tabular",
    "column_values",
    "columns_of",
    "frame",
    "is_frame",
    "pandas",
    "percent_cell",
    "records",
    "render_text",
    "require_pandas",
    "table",
    "type_hints",
]

ColumnKind: TypeAlias = Literal[
    "any", "str", "category", "int", "bool", "datetime", "timedelta", "object"
]
_NAT = -(2**63)


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a report table: its name, its kind, and (categoricals) its categories."""

    name: str
    kind: ColumnKind
    categories: tuple[str, ...] = ()


_KIND_OF_TYPE: dict[object, ColumnKind] = {
    dt.datetime: "datetime",
    dt.timedelta: "timedelta",
    bool: "bool",
    int: "int",
    str: "str",
    object: "any",
}


def type_hints(cls: type, skip: Iterable[str] = ()) -> dict[str, object]:
    """The type hints of a dataclass's fields, in field order, less those in ``skip``."""
    hints = get_type_hints(cls)
    return {f.name: hints[f.name] for f in fields(cls) if f.name not in skip}


def columns_of(
    hints: Mapping[str, object], categories: Mapping[str, Sequence[str]] | None = None
) -> tuple[Column, ...]:
    """One column per name, its kind read from its type hint.

    ``X | None`` counts as ``X``, a ``Literal`` of words as text, exact numbers and
    other values as Python objects; the names in ``categories`` are categoricals.
    """
    out = []
    for name, hint in hints.items():
        if name in (categories or {}):
            out.append(Column(name, "category", tuple((categories or {})[name])))
            continue
        if isinstance(hint, UnionType):
            hint = next(t for t in get_args(hint) if t is not NoneType)
        kind = "str" if get_origin(hint) is Literal else _KIND_OF_TYPE.get(hint, "object")
        out.append(Column(name, kind))
    return tuple(out)


def pandas() -> ModuleType | None:
    """pandas, or ``None`` when it is not installed (tests monkeypatch this)."""
    try:
        return importlib.import_module("pandas")
    except ImportError:
        return None


def require_pandas(what: str) -> ModuleType:
    """pandas, or a ModuleNotFoundError that says how to install it."""
    pd = pandas()
    if pd is None:
        raise ModuleNotFoundError(
            f"{what} needs pandas, which is not installed; run pip install 'slacalc[pandas]', "
            "or use .to_records() for plain dicts."
        )
    return pd


def is_frame(value: object) -> bool:
    """Whether ``value`` is a pandas DataFrame (checked without importing pandas)."""
    kind = type(value)
    return kind.__name__ == "DataFrame" and kind.__module__.startswith("pandas")


def records(columns: Sequence[Column], rows: Iterable[Sequence[object]]) -> list[dict[str, Any]]:
    """Rows as plain dicts, column order kept."""
    names = [c.name for c in columns]
    return [dict(zip(names, row, strict=True)) for row in rows]


def _instants(pd: ModuleType, values: list[object], tz: dt.tzinfo) -> Any:
    import numpy as np

    us = np.fromiter(
        (_NAT if v is None else to_us(v) for v in values), dtype=np.int64, count=len(values)
    )
    series = pd.Series(us.view("datetime64[us]"))
    return series.dt.tz_localize("UTC").dt.tz_convert(tz)


def _durations(pd: ModuleType, values: list[object]) -> Any:
    import numpy as np

    us = np.fromiter(
        (_NAT if v is None else v // dt.timedelta(microseconds=1) for v in values),  # type: ignore[operator]
        dtype=np.int64,
        count=len(values),
    )
    return pd.Series(us.view("timedelta64[us]"))


def frame(
    columns: Sequence[Column], rows: Sequence[Sequence[object]], *, tz: dt.tzinfo = UTC
) -> Any:
    """A pandas DataFrame of ``rows`` with one dtype per column kind.

    Datetimes become ``datetime64[us, tz]`` (``NaT`` for ``None``), durations
    ``timedelta64[us]``, categoricals keep their category order, exact numbers
    (``Fraction``, ``Decimal``, ``Availability``) stay Python objects.
    """
    pd = require_pandas("A DataFrame")
    data: dict[str, Any] = {}
    for i, column in enumerate(columns):
        values = [row[i] for row in rows]
        if column.kind == "datetime":
            data[column.name] = _instants(pd, values, tz)
        elif column.kind == "timedelta":
            data[column.name] = _durations(pd, values)
        elif column.kind == "category":
            extra = sorted({str(v) for v in values if v is not None} - set(column.categories))
            data[column.name] = pd.Categorical(values, categories=[*column.categories, *extra])
        elif column.kind == "int":
            data[column.name] = pd.Series(values, dtype="int64")
        elif column.kind == "bool":
            data[column.name] = pd.Series(values, dtype="bool")
        elif column.kind == "object":
            data[column.name] = pd.Series(values, dtype=object)
        elif column.kind == "str" and not values:  # the dtype pandas gives strings
            data[column.name] = pd.Series([], dtype=pd.Series(["x"]).dtype)
        else:  # "str" and "any": let pandas pick (str, int64, ...)
            data[column.name] = pd.Series(values, dtype=object if not values else None)
    return pd.DataFrame(data, columns=[c.name for c in columns])


def table(
    columns: Sequence[Column], rows: Sequence[Sequence[object]], *, tz: dt.tzinfo = UTC
) -> Any:
    """A DataFrame when pandas is installed, else a list of records."""
    if pandas() is None:
        return records(columns, rows)
    return frame(columns, rows, tz=tz)


# -- reading tables back ------------------------------------------------------------------------


def plain(value: object) -> object:
    """A pandas/NumPy scalar as a plain Python value; ``None`` for NaN, NaT and NA."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    module = type(value).__module__
    if module.startswith(("pandas", "numpy")):
        name = type(value).__name__
        if name in {"NaTType", "NAType"}:
            return None
        if name == "Timestamp":
            converted: object = value.to_pydatetime()  # type: ignore[attr-defined]
            return converted
        if name == "Timedelta":
            delta: object = value.to_pytimedelta()  # type: ignore[attr-defined]
            return delta
        if hasattr(value, "item"):
            item: object = value.item()
            if isinstance(item, float) and item != item:
                return None
            return item
    return value


def column_values(source: Any, name: str) -> list[object]:
    """The values of column ``name`` of a DataFrame or of records, as plain Python values.

    The caller checks that the column exists.
    """
    if is_frame(source):
        series = source[name]
        dtype = str(series.dtype)
        if dtype.startswith("timedelta64"):
            return [
                None if x == _NAT else dt.timedelta(microseconds=int(x))
                for x in series.to_numpy().astype("timedelta64[us]").view("int64").tolist()
            ]
        if dtype == "category":
            series = series.astype(object)
        return [plain(v) for v in series.tolist()]
    return [plain(row.get(name)) for row in source]


def has_column(source: Any, name: str) -> bool:
    """Whether a DataFrame or every record has column ``name``."""
    if is_frame(source):
        return name in source.columns
    return all(name in row for row in source)


def column_names(source: Any) -> list[str]:
    """The columns of a DataFrame, or the keys of the first record."""
    if is_frame(source):
        return [str(c) for c in source.columns]
    for row in source:
        return [str(k) for k in row]
    return []


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
        return percent_text(value, 1, "half_even")
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


def percent_cell(value: object) -> str:
    """An exact percentage as shown, with its sign: ``'99.5%'`` (``'-'`` for ``None``)."""
    return "-" if value is None else f"{value:f}%"


def _cells(
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    tz: dt.tzinfo | None,
    formatters: Mapping[str, Callable[[object], str]] | None,
) -> Table:
    """Report rows as a table of text, each value as people read it."""
    fmt = formatters or {}
    return Table(
        tuple(columns),
        tuple(
            tuple(fmt[c](v) if c in fmt else cell(v, tz) for c, v in zip(columns, row, strict=True))
            for row in rows
        ),
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


class Tabular:
    """What every report shares: its rows as a table, a DataFrame, records, text and HTML.

    A report says which columns it has (:meth:`_columns`), gives its rows' values
    (:meth:`_values`), what its text and HTML show (:meth:`_shown`, :meth:`_title`) and
    the zone its times are shown in (:meth:`_tz`); the rest is here, written once.
    """

    __slots__ = ()
    _HTML_LIMIT: ClassVar[int] = 20
    _PERCENT: ClassVar[tuple[str, ...]] = ()
    """Shown columns of exact percentages, shown with a percent sign."""

    def _columns(self) -> Sequence[Column]:
        """The table's columns."""
        raise NotImplementedError

    def _values(self) -> list[tuple[object, ...]]:
        """The table's rows, one value per column."""
        raise NotImplementedError

    def _shown(self) -> tuple[Sequence[str], list[tuple[object, ...]]]:
        """The header and rows of the text and HTML views."""
        raise NotImplementedError

    def _title(self) -> str:
        """The title of the HTML view."""
        raise NotImplementedError

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
        """The rows as a pandas DataFrame, or as a list of dicts without pandas.

        Examples:
            >>> from slacalc.reports import availability_report
            >>> len(availability_report([], "99.9%", 2026).table)
            12
        """
        return table(self._columns(), self._values(), tz=self._tz() or UTC)

    def to_frame(self) -> Any:
        """The rows as a pandas DataFrame (raises ModuleNotFoundError without pandas).

        Times are aware ``datetime64[us, tz]`` columns in the report's zone, durations
        ``timedelta64[us]``, severities categoricals in the policy's order.

        Examples:
            >>> from slacalc.reports import availability_report
            >>> r = availability_report([], "99.9%", ["2026-02"], tz="Europe/Copenhagen")
            >>> df = r.to_frame()
            >>> str(df["start"].dtype), str(df["downtime"].dtype)
            ('datetime64[us, Europe/Copenhagen]', 'timedelta64[us]')
        """
        return frame(self._columns(), self._values(), tz=self._tz() or UTC)

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

    def _repr_html_(self) -> str:
        """The report in a notebook: its title and an HTML table, at most ``_HTML_LIMIT`` rows."""
        names, rows = self._shown()
        limit, more = self._HTML_LIMIT, ""
        if len(rows) > limit:
            more = f"<p>… {len(rows) - limit} more rows (use .table for all of them)</p>"
        cells = _cells(names, rows[:limit], self._tz(), self._formats())
        return (
            f'<div class="slacalc-report"><p><strong>{html.escape(self._title())}</strong></p>'
            f"{table_html(cells)}{more}</div>"
        )
