"""The DuckDB functions: Arrow batches in, one vectorised slacalc call per batch, Arrow out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from slacalc._time import duration_to_us, from_us, to_us
from slacalc.calendar import BusinessCalendar
from slacalc.errors import InvalidOptionError, SlacalcError
from slacalc.policy import Agreement, PolicyLike
from slacalc.timers import BusinessDays
from slacalc.uptime import allowed_downtime

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["FUNCTIONS", "register"]

FUNCTIONS: tuple[str, ...] = (
    "business_elapsed",
    "business_add",
    "is_open",
    "allowed_downtime",
    "sla_target",
    "sla_due",
    "sla_elapsed",
)
"""The SQL functions :func:`register` adds, in order (the ``sla_*`` ones need a policy).

Examples:
    >>> FUNCTIONS[:3]
    ('business_elapsed', 'business_add', 'is_open')
"""

_METRICS = ("response", "resolution", "next_response", "periodic_update")
_NAT = -(2**63)
_US = dt.timedelta(microseconds=1)
K = TypeVar("K")
V = TypeVar("V")


def _us(column: Any) -> npt.NDArray[np.int64]:
    """An Arrow column of timestamps as epoch µs (NaT for NULL)."""
    import numpy as np

    return np.asarray(column.to_numpy(zero_copy_only=False)).astype("datetime64[us]").view(np.int64)


def _groups(*columns: Any) -> tuple[npt.NDArray[np.int64], list[tuple[str, ...]]]:
    """Rows coded by their distinct tuple of texts (-1 where any is NULL), and the tuples.

    A column is mostly a few values (a duration, a severity), so each distinct one is
    read once, not once a row.
    """
    import numpy as np
    import pyarrow as pa

    combined: npt.NDArray[np.int64] | None = None
    dictionaries: list[list[str]] = []
    for column in columns:
        array = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
        encoded = array.dictionary_encode()
        codes = np.asarray(
            encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False), dtype=np.int64
        )
        values = encoded.dictionary.to_pylist()
        if combined is None:
            combined = codes
        else:  # one code per pair: the earlier columns' code, then this column's
            combined = np.where((combined < 0) | (codes < 0), -1, combined * len(values) + codes)
        dictionaries.append(values)
    assert combined is not None
    if len(columns) == 1:  # the dictionary holds exactly the values that occur
        return combined, [(v,) for v in dictionaries[0]]
    valid = combined >= 0
    distinct, inverse = np.unique(combined[valid], return_inverse=True)
    out = np.full(len(combined), -1, dtype=np.int64)
    out[valid] = inverse
    keys = []
    for code in distinct.tolist():
        parts = []
        for values in reversed(dictionaries):
            code, i = divmod(code, len(values))
            parts.append(values[i])
        keys.append(tuple(reversed(parts)))
    return out, keys


def _answers(keys: list[K], fn: Callable[[K], V], name: str) -> list[V]:
    """``fn`` of each key, an error naming the SQL function and the value."""
    out = []
    for key in keys:
        try:
            out.append(fn(key))
        except SlacalcError as exc:
            exc.args = (f"{name}: {exc}", *exc.args[1:])
            raise
    return out


def _spread(codes: npt.NDArray[np.int64], per_key: list[int]) -> npt.NDArray[np.int64]:
    """One µs value per key, spread over the rows (NaT where the code is -1)."""
    import numpy as np

    table = np.array([*per_key, _NAT], dtype=np.int64)  # code -1 picks the NaT
    return table[codes]


def _arrow(values: npt.NDArray[Any], kind: str) -> Any:
    """NumPy results as an Arrow array (NaT as NULL): instants or durations."""
    import pyarrow as pa

    types = {"instant": pa.timestamp("us", tz="UTC"), "duration": pa.duration("us")}
    return pa.array(values, type=types[kind], from_pandas=True)


def _fixed_us(target: object) -> int:
    """A target's length in µs, NaT for none or for whole business days."""
    return target // _US if isinstance(target, dt.timedelta) else _NAT


class _Functions:
    """The functions of one :func:`register` call, over its calendar and policy."""

    def __init__(self, calendar: BusinessCalendar, agreement: Agreement | None) -> None:
        self.calendar = calendar
        self.agreement = agreement

    # -- on the calendar ---------------------------------------------------------------

    def business_elapsed(self, a: Any, b: Any) -> Any:
        """``business_elapsed(a, b)``: business time in ``[a, b)`` (negative when b < a)."""
        x, y = _us(a).view("datetime64[us]"), _us(b).view("datetime64[us]")
        return _arrow(self.calendar.elapsed_many(x, y), "duration")

    def business_add(self, t: Any, duration: Any) -> Any:
        """``business_add(t, '2h')``: ``t`` plus business time (NULL for a NULL duration)."""
        import numpy as np

        codes, keys = _groups(duration)
        d = _spread(codes, _answers([k[0] for k in keys], duration_to_us, "business_add"))
        x = _us(t)
        missing = d == _NAT
        x[missing] = _NAT
        d[missing] = 0
        out = self.calendar.add_many(x.view("datetime64[us]"), d.view("timedelta64[us]"))
        return _arrow(np.asarray(out), "instant")

    def is_open(self, t: Any) -> Any:
        """``is_open(t)``: whether the calendar is open at ``t`` (NULL for NULL)."""
        import numpy as np
        import pyarrow as pa

        x = _us(t)
        flags = np.asarray(self.calendar.is_open_many(x.view("datetime64[us]")))
        return pa.array(flags, type=pa.bool_(), mask=x == _NAT)

    # -- uptime ------------------------------------------------------------------------

    def allowed_downtime(self, target: Any, period: Any) -> Any:
        """``allowed_downtime('99.9%', 'month')``: what the target allows in the period."""
        codes, keys = _groups(target, period)
        budgets = _answers(keys, lambda tp: allowed_downtime(*tp) // _US, "allowed_downtime")
        return _arrow(_spread(codes, budgets).view("timedelta64[us]"), "duration")

    # -- on the policy -----------------------------------------------------------------

    def _target(self, key: tuple[str, ...]) -> dt.timedelta | BusinessDays | None:
        """The policy's target for one (severity, metric) (None: no target)."""
        assert self.agreement is not None
        severity, metric = key
        if metric not in _METRICS:
            raise InvalidOptionError(
                f"Unknown metric {metric!r}; use one of {', '.join(map(repr, _METRICS))}."
            )
        target: dt.timedelta | BusinessDays | None = getattr(
            self.agreement.severity(severity), metric
        )
        return target

    def _calendar(self, key: tuple[str, ...]) -> BusinessCalendar:
        """The calendar a severity's clocks run on (the severity first in ``key``)."""
        assert self.agreement is not None
        return self.agreement.calendar(self.agreement.severity(key[0]).calendar)

    def sla_target(self, severity: Any, metric: Any) -> Any:
        """``sla_target(severity, metric)``: the target; NULL without a fixed-length one."""
        codes, keys = _groups(severity, metric)
        targets = _answers(keys, self._target, "sla_target")
        return _arrow(
            _spread(codes, [_fixed_us(t) for t in targets]).view("timedelta64[us]"), "duration"
        )

    def sla_due(self, severity: Any, metric: Any, opened: Any) -> Any:
        """``sla_due(severity, metric, opened_at)``: opened plus the target on its calendar."""
        import numpy as np

        codes, keys = _groups(severity, metric)
        targets = _answers(keys, self._target, "sla_due")
        calendars = _answers(keys, self._calendar, "sla_due")
        x = _us(opened)
        out = np.full(len(x), _NAT, dtype=np.int64)
        for k, (target, cal) in enumerate(zip(targets, calendars, strict=True)):
            rows = (codes == k) & (x != _NAT)
            if isinstance(target, dt.timedelta):
                due = cal.add_many(x[rows].view("datetime64[us]"), target)
                out[rows] = np.asarray(due).view(np.int64)
            elif isinstance(target, BusinessDays):  # the days' business time from each start
                starts = [from_us(int(v), cal.tz) for v in x[rows]]
                out[rows] = [to_us(cal.add(t, target.resolve(cal, t))) for t in starts]
        return _arrow(out.view("datetime64[us]"), "instant")

    def sla_elapsed(self, severity: Any, a: Any, b: Any) -> Any:
        """``sla_elapsed(severity, a, b)``: business time in ``[a, b)`` on its calendar."""
        import numpy as np

        codes, keys = _groups(severity)
        calendars = _answers(keys, self._calendar, "sla_elapsed")
        x, y = _us(a), _us(b)
        out = np.full(len(x), _NAT, dtype=np.int64)
        for k, cal in enumerate(calendars):
            rows = codes == k
            got = cal.elapsed_many(x[rows].view("datetime64[us]"), y[rows].view("datetime64[us]"))
            out[rows] = np.asarray(got).view(np.int64)
        return _arrow(out.view("timedelta64[us]"), "duration")


_SIGNATURES: dict[str, tuple[list[str], str]] = {
    "business_elapsed": (["TIMESTAMPTZ", "TIMESTAMPTZ"], "INTERVAL"),
    "business_add": (["TIMESTAMPTZ", "VARCHAR"], "TIMESTAMPTZ"),
    "is_open": (["TIMESTAMPTZ"], "BOOLEAN"),
    "allowed_downtime": (["VARCHAR", "VARCHAR"], "INTERVAL"),
    "sla_target": (["VARCHAR", "VARCHAR"], "INTERVAL"),
    "sla_due": (["VARCHAR", "VARCHAR", "TIMESTAMPTZ"], "TIMESTAMPTZ"),
    "sla_elapsed": (["VARCHAR", "TIMESTAMPTZ", "TIMESTAMPTZ"], "INTERVAL"),
}


def register(
    con: Any,
    *,
    calendar: BusinessCalendar | None = None,
    policy: PolicyLike | None = None,
    prefix: str = "",
) -> tuple[str, ...]:
    """Add slacalc's functions to a DuckDB connection.

    Args:
        con: a ``duckdb.DuckDBPyConnection``.
        calendar: the calendar of ``business_elapsed``, ``business_add`` and ``is_open``;
            by default the policy's support calendar.
        policy: an :class:`~slacalc.policy.SLAPolicy` (or ``Agreement``): adds
            ``sla_target``, ``sla_due`` and ``sla_elapsed``.
        prefix: put before every name (``'sla_'`` gives ``sla_is_open``, ...), so two
            calendars can be registered on one connection.

    Returns:
        The names registered, in the order of :data:`FUNCTIONS`.

    Raises:
        InvalidOptionError: neither ``calendar`` nor ``policy`` was given, ``calendar``
            is not a :class:`~slacalc.BusinessCalendar`, or ``prefix`` is not a SQL name.
        ModuleNotFoundError: duckdb or pyarrow is not installed.

    Examples:
        >>> import duckdb
        >>> from slacalc import datasets
        >>> con = duckdb.connect()
        >>> register(con, policy=datasets.load_policy())[-3:]
        ('sla_target', 'sla_due', 'sla_elapsed')
        >>> con.execute("SELECT sla_target('high', 'response') AS t, "
        ...         "allowed_downtime('99.9%', 'day') AS d").fetchone()
        (datetime.timedelta(seconds=3600), datetime.timedelta(seconds=86, microseconds=400000))
    """
    agreement = None if policy is None else Agreement.from_policy(policy)
    if calendar is None:
        if agreement is None:
            raise InvalidOptionError(
                "register() needs calendar= (a BusinessCalendar) or policy= (whose support "
                "hours are the calendar); pass one of them."
            )
        calendar = agreement.calendar()
    if not isinstance(calendar, BusinessCalendar):
        raise InvalidOptionError(
            f"calendar={calendar!r} is not a BusinessCalendar; pass e.g. "
            "BusinessCalendar('Mon-Fri 09:00-17:00', tz='Europe/Copenhagen')."
        )
    if prefix and not (prefix.replace("_", "a").isalnum() and not prefix[0].isdigit()):
        raise InvalidOptionError(
            f"prefix={prefix!r} is not a SQL name; use letters, digits and '_', e.g. 'eu_'."
        )
    try:
        import pyarrow  # noqa: F401  # the functions exchange Arrow batches
    except ImportError:
        raise ModuleNotFoundError(
            "slacalc's DuckDB functions need pyarrow; run pip install pyarrow (or install "
            "slacalc's duckdb extra)."
        ) from None
    functions = _Functions(calendar, agreement)
    names = [n for n in FUNCTIONS if agreement is not None or not n.startswith("sla_")]
    for name in names:
        params, returns = _SIGNATURES[name]
        con.create_function(
            prefix + name,
            getattr(functions, name),
            params,
            returns,
            type="arrow",
            null_handling="special",
            side_effects=False,
        )
    return tuple(prefix + n for n in names)
