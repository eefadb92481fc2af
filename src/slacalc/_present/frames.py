"""Report tables as pandas DataFrames or plain records, and DataFrames read back.

pandas is optional. A table is a list of :class:`Column` specs (a name and a kind, read
from a dataclass's type hints by :func:`columns_of`) and rows of values. :func:`frame`
builds a DataFrame with proper dtypes (aware ``datetime64[us, tz]``, ``timedelta64[us]``,
categoricals, ``period[M]`` months, and ``float64`` for exact numbers unless the exact
values are asked for), and :func:`records` gives plain dicts (no pandas needed).
The reverse, :func:`column_values`, reads a column of a DataFrame (or of records) back
into plain Python values (``None`` for missing), so reports accept each other's output
in either form. pandas is imported only when a DataFrame is built.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from types import ModuleType, NoneType, UnionType
from typing import Any, Literal, TypeAlias, cast, get_args, get_origin, get_type_hints

from slacalc._time import UTC, to_us
from slacalc.errors import InvalidOptionError

__all__ = [
    "BACKENDS",
    "Backend",
    "Column",
    "ColumnKind",
    "column_names",
    "column_values",
    "columns_of",
    "convert_frame",
    "frame",
    "has_column",
    "is_frame",
    "pandas",
    "pandas_frame",
    "plain",
    "records",
    "require_pandas",
    "type_hints",
]

ColumnKind: TypeAlias = Literal[
    "any", "str", "category", "int", "bool", "datetime", "timedelta", "number", "month", "object"
]
"""How a column is stored: ``number`` is an exact number (``Fraction``, ``Decimal``,
``Availability``: ``float64`` for analysis, the objects themselves when exact), ``month``
a ``'2026-03'`` label (``period[M]``)."""
_NAT = -(2**63)

Backend: TypeAlias = Literal["pandas", "polars", "pyarrow"]
"""The kinds of DataFrame a report table can be given as."""
BACKENDS: tuple[Backend, ...] = get_args(Backend)


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


def _kind(hint: object) -> ColumnKind:
    """The kind of column a type hint makes."""
    if get_origin(hint) is Literal:
        return "str"
    if hint in _KIND_OF_TYPE:
        return _KIND_OF_TYPE[hint]
    if isinstance(hint, type) and hasattr(hint, "__float__"):  # Fraction, Decimal, ...
        return "number"
    return "object"


def columns_of(
    hints: Mapping[str, object],
    categories: Mapping[str, Sequence[str]] | None = None,
    *,
    months: Iterable[str] = ("month",),
) -> tuple[Column, ...]:
    """One column per name, its kind read from its type hint.

    ``X | None`` counts as ``X``, a ``Literal`` of words as text, exact numbers (types
    with ``__float__``: ``Fraction``, ``Decimal``, ``Availability``) as numbers, other
    values as Python objects; the names in ``categories`` are categoricals, those in
    ``months`` month labels.

    Examples:
        >>> from fractions import Fraction
        >>> hints = {"at": dt.datetime | None, "n": int, "x": object, "share": Fraction}
        >>> [c.kind for c in columns_of({**hints, "month": str})]
        ['datetime', 'int', 'any', 'number', 'month']
    """
    out = []
    month_names = set(months)
    for name, hint in hints.items():
        if name in (categories or {}):
            out.append(Column(name, "category", tuple((categories or {})[name])))
            continue
        if name in month_names:
            out.append(Column(name, "month"))
            continue
        if isinstance(hint, UnionType):
            hint = next(t for t in get_args(hint) if t is not NoneType)
        out.append(Column(name, _kind(hint)))
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
            f"{what} needs pandas, which is not installed; run pip install pandas (or "
            "install slacalc's pandas extra), or use .to_records() for plain dicts."
        )
    return pd


def is_frame(value: object) -> bool:
    """Whether ``value`` is a pandas DataFrame (checked without importing pandas)."""
    kind = type(value)
    return kind.__name__ == "DataFrame" and kind.__module__.startswith("pandas")


def records(columns: Sequence[Column], rows: Iterable[Sequence[object]]) -> list[dict[str, Any]]:
    """Rows as plain dicts, column order kept.

    Examples:
        >>> records([Column("n", "int"), Column("s", "str")], [(1, "a")])
        [{'n': 1, 's': 'a'}]
    """
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


def _numbers(pd: ModuleType, values: list[object]) -> Any:
    """Exact numbers as ``float64`` (``NaN`` for ``None``), each the nearest float."""
    import numpy as np

    floats = np.fromiter(
        (np.nan if v is None else float(v) for v in values),  # type: ignore[arg-type]
        dtype=np.float64,
        count=len(values),
    )
    return pd.Series(floats)


def _months(pd: ModuleType, values: list[object]) -> Any:
    """``'2026-03'`` labels as a ``period[M]`` column (``NaT`` for ``None``)."""
    return pd.Series(pd.PeriodIndex([None if v is None else str(v) for v in values], freq="M"))


def frame(
    columns: Sequence[Column],
    rows: Sequence[Sequence[object]],
    *,
    tz: dt.tzinfo = UTC,
    exact: bool = False,
) -> Any:
    """A pandas DataFrame of ``rows`` with one dtype per column kind.

    Datetimes become ``datetime64[us, tz]`` (``NaT`` for ``None``), durations
    ``timedelta64[us]``, months ``period[M]``, categoricals keep their category order.
    Exact numbers (``Fraction``, ``Decimal``, ``Availability``) become ``float64``
    (``NaN`` for ``None``) for analysis, or stay the exact Python objects with
    ``exact=True``.
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
        elif column.kind == "number" and not exact:
            data[column.name] = _numbers(pd, values)
        elif column.kind == "month":
            data[column.name] = _months(pd, values)
        elif column.kind in {"object", "number"}:
            data[column.name] = pd.Series(values, dtype=object)
        elif column.kind == "str":  # the dtype pandas gives strings, also when all are None
            data[column.name] = pd.Series(values, dtype=pd.Series(["x"]).dtype)
        else:  # "any": let pandas pick (str, int64, ...)
            data[column.name] = pd.Series(values, dtype=object if not values else None)
    return pd.DataFrame(data, columns=[c.name for c in columns])


def _module(name: str) -> ModuleType:
    """An optional package, or a ModuleNotFoundError that says how to install it."""
    try:
        return importlib.import_module(name)
    except ImportError:
        raise ModuleNotFoundError(
            f"backend={name!r} needs {name}, which is not installed; run pip install {name}, "
            "or use backend='pandas'."
        ) from None


def convert_frame(df: Any, backend: str, *, exact: bool = False) -> Any:
    """A pandas DataFrame as the ``backend`` asked for (months as ``'2026-03'`` text there).

    Examples:
        >>> import pandas as pd
        >>> convert_frame(pd.DataFrame({"n": [1]}), "pyarrow").num_rows
        1
    """
    if backend not in BACKENDS:
        raise InvalidOptionError(
            f"backend={backend!r} is not a kind of DataFrame slacalc builds; pass one of "
            f"{', '.join(map(repr, BACKENDS))}."
        )
    if backend == "pandas":
        return df
    if exact:
        raise InvalidOptionError(
            f"exact=True keeps Python objects, which backend={backend!r} cannot hold; use "
            "backend='pandas' for them, or .to_records()."
        )
    pa = _module("pyarrow")
    polars = _module("polars") if backend == "polars" else None
    df = df.copy()
    for name in df.columns:
        if str(df[name].dtype).startswith("period"):
            df[name] = df[name].astype(str).where(df[name].notna(), None)
    arrow = pa.Table.from_pandas(df, preserve_index=False)
    return arrow if polars is None else polars.from_arrow(arrow)


def pandas_frame(value: object) -> object:
    """A polars or pyarrow table (or any frame narwhals knows) as pandas; others as given.

    Reports read pandas DataFrames and records; other frames go through pandas once, so
    they meet the same checks and errors (naming the column) as a pandas frame does.

    Examples:
        >>> import polars as pl
        >>> type(pandas_frame(pl.DataFrame({"n": [1]}))).__name__
        'DataFrame'
        >>> pandas_frame([{"n": 1}])
        [{'n': 1}]
    """
    module = type(value).__module__.partition(".")[0]
    if module in {"pandas", "builtins"} or module.startswith("slacalc"):
        return value
    try:
        import narwhals as nw
    except ImportError:  # pragma: no cover - narwhals comes with the polars and arrow extras
        return value
    try:
        native = nw.from_native(cast(Any, value), eager_only=True)
    except TypeError:
        return value
    require_pandas("Reading a DataFrame of another kind")
    return native.to_pandas()


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
        if name == "Period":  # a month column: its label, as the records give it
            return str(value)
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
