"""The DuckDB functions: Arrow batches in, one vectorised slacalc call per batch, Arrow out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
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
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def _us(column: Any) -> npt.NDArray[np.int64]:
    """An Arrow column of timestamps as epoch µs (NaT for NULL)."""
    import numpy as np

    return np.asarray(column.to_numpy(zero_copy_only=False)).astype("datetime64[us]").view(np.int64)


def _texts(column: Any) -> list[str | None]:
    """An Arrow column of text as Python strings (None for NULL)."""
    return list(column.to_pylist())


def _once(values: list[K | None], fn: Callable[[K], V], name: str) -> list[V | None]:
    """``fn`` of each distinct value once (a column is mostly one value), errors naming it."""
    answers: dict[K, V] = {}
    out: list[V | None] = []
    for value in values:
        if value is None:
            out.append(None)
            continue
        if value not in answers:
            try:
                answers[value] = fn(value)
            except SlacalcError as exc:
                exc.args = (f"{name}: {exc}", *exc.args[1:])
                raise
        out.append(answers[value])
    return out


def _arrow(values: npt.NDArray[Any], kind: str) -> Any:
    """NumPy results as an Arrow array (NaT as NULL): instants or durations."""
    import pyarrow as pa

    types = {"instant": pa.timestamp("us", tz="UTC"), "duration": pa.duration("us")}
    return pa.array(values, type=types[kind], from_pandas=True)


def _micros(values: list[int | None]) -> npt.NDArray[np.int64]:
    import numpy as np

    return np.array([_NAT if v is None else v for v in values], dtype=np.int64)


class _Functions:
    """The functions of one :func:`register` call, over its calendar and policy."""

    def __init__(self, calendar: BusinessCalendar, agreement: Agreement | None) -> None:
        self.calendar = calendar
        self.agreement = agreement

    # -- on the calendar ---------------------------------------------------------------

    def business_elapsed(self, a: Any, b: Any) -> Any:
        """``business_elapsed(a, b)``: business time in ``[a, b)`` (negative when b < a)."""
        out = self.calendar.elapsed_many(
            _us(a).view("datetime64[us]"), _us(b).view("datetime64[us]")
        )
        return _arrow(out, "duration")

    def business_add(self, t: Any, duration: Any) -> Any:
        """``business_add(t, '2h')``: ``t`` plus business time (NULL for a NULL duration)."""
        import numpy as np

        d = _micros(_once(_texts(duration), duration_to_us, "business_add"))
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
        pairs = _pairs(target, period)
        budgets = _once(pairs, lambda tp: allowed_downtime(*tp), "allowed_downtime")
        us = [None if b is None else b // _US for b in budgets]
        return _arrow(_micros(us).view("timedelta64[us]"), "duration")

    # -- on the policy -----------------------------------------------------------------

    def _target(self, severity: str, metric: str) -> dt.timedelta | BusinessDays | None:
        """The policy's target for one severity and metric (None: no target)."""
        assert self.agreement is not None
        if metric not in _METRICS:
            raise InvalidOptionError(
                f"Unknown metric {metric!r}; use one of {', '.join(map(repr, _METRICS))}."
            )
        target: dt.timedelta | BusinessDays | None = getattr(
            self.agreement.severity(severity), metric
        )
        return target

    def _calendar(self, severity: str) -> BusinessCalendar:
        """The calendar a severity's clocks run on."""
        assert self.agreement is not None
        return self.agreement.calendar(self.agreement.severity(severity).calendar)

    def sla_target(self, severity: Any, metric: Any) -> Any:
        """``sla_target(severity, metric)``: the target; NULL without a fixed-length one."""
        pairs = _pairs(severity, metric)
        targets = _once(pairs, lambda sm: self._target(*sm), "sla_target")
        us = [t // _US if isinstance(t, dt.timedelta) else None for t in targets]
        return _arrow(_micros(us).view("timedelta64[us]"), "duration")

    def sla_due(self, severity: Any, metric: Any, opened: Any) -> Any:
        """``sla_due(severity, metric, opened_at)``: opened plus the target on its calendar."""
        import numpy as np

        pairs = _pairs(severity, metric)
        targets = _once(pairs, lambda sm: self._target(*sm), "sla_due")
        calendars = _once(pairs, lambda sm: self._calendar(sm[0]), "sla_due")
        x = _us(opened)
        out = np.full(len(pairs), _NAT, dtype=np.int64)
        for key in {p for p in pairs if p is not None}:
            rows = np.array([p == key for p in pairs]) & (x != _NAT)
            first = pairs.index(key)
            target, cal = targets[first], calendars[first]
            assert cal is not None
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

        names = _texts(severity)
        calendars = _once(names, self._calendar, "sla_elapsed")
        x, y = _us(a), _us(b)
        out = np.full(len(names), _NAT, dtype=np.int64)
        for key in {s for s in names if s is not None}:
            rows = np.array([s == key for s in names])
            cal = calendars[names.index(key)]
            assert cal is not None
            got = cal.elapsed_many(x[rows].view("datetime64[us]"), y[rows].view("datetime64[us]"))
            out[rows] = np.asarray(got).view(np.int64)
        return _arrow(out.view("timedelta64[us]"), "duration")


def _pairs(a: Any, b: Any) -> list[tuple[str, str] | None]:
    """Two Arrow text columns as pairs (None where either is NULL)."""
    return [
        None if x is None or y is None else (x, y)
        for x, y in zip(_texts(a), _texts(b), strict=True)
    ]


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
            "slacalc's DuckDB functions need pyarrow; run pip install 'slacalc[duckdb]'."
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
