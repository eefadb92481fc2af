"""Reading the shipped CSV files into records or DataFrames (no pandas needed for records)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal, overload
from zoneinfo import ZoneInfo

from slacalc.errors import InvalidOptionError

if TYPE_CHECKING:
    from slacalc.policy import SLAPolicy

__all__ = [
    "FILES",
    "TIMEZONE",
    "load_incidents",
    "load_maintenance",
    "load_policy",
    "load_tickets",
    "read_text",
]

TIMEZONE = "Europe/Copenhagen"
"""The agency's time zone: every instant in the data is shown in it.

Examples:
    >>> from slacalc.datasets import TIMEZONE, load_tickets
    >>> TIMEZONE
    'Europe/Copenhagen'
    >>> load_tickets(as_frame=False)[0]["at"].tzinfo.key
    'Europe/Copenhagen'
"""
FILES = ("tickets.csv", "incidents.csv", "maintenance.csv", "policy.toml")
"""The shipped files, all written by ``scripts/make_datasets.py``.

Examples:
    >>> from slacalc.datasets import FILES, read_text
    >>> FILES
    ('tickets.csv', 'incidents.csv', 'maintenance.csv', 'policy.toml')
    >>> read_text("tickets.csv").splitlines()[0]
    'ticket_id,kind,at,severity'
"""

_TZ = ZoneInfo(TIMEZONE)


def read_text(name: str) -> str:
    """The text of one shipped file, exactly as installed.

    Raises:
        InvalidOptionError: ``name`` is not one of :data:`FILES`.

    Examples:
        >>> read_text("maintenance.csv").splitlines()[0]
        'start,end,label'
    """
    if name not in FILES:
        raise InvalidOptionError(
            f"No data file {name!r}; the example data has {', '.join(repr(f) for f in FILES)}."
        )
    return resources.files("slacalc.datasets").joinpath(name).read_text(encoding="utf-8")


def _rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(read_text(name))))


def _instant(text: str) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text).astimezone(_TZ) if text else None


def _pandas() -> Any:
    """pandas, or None when it is not installed (tests monkeypatch this)."""
    try:
        import pandas
    except ImportError:
        return None
    return pandas


def _want_frame(as_frame: bool) -> bool:
    """``as_frame`` checked: True or False, nothing that depends on what is installed."""
    if not isinstance(as_frame, bool):
        raise InvalidOptionError(
            f"as_frame={as_frame!r}; pass True (a pandas DataFrame, the default) or False "
            "(a list of dicts)."
        )
    return as_frame


def _frame(data: list[dict[str, Any]], columns: tuple[str, ...], instants: tuple[str, ...]) -> Any:
    pd = _pandas()
    if pd is None:
        raise ModuleNotFoundError(
            "as_frame=True needs pandas, which is not installed; run pip install pandas "
            "(or install slacalc's pandas extra), or pass as_frame=False."
        )
    df = pd.DataFrame(data, columns=list(columns))
    for name in instants:
        df[name] = (
            pd.to_datetime(df[name], utc=True)
            .dt.tz_convert(TIMEZONE)
            .astype(f"datetime64[us, {TIMEZONE}]")
        )
    return df


@overload
def load_tickets(*, as_frame: Literal[True] = ...) -> Any: ...
@overload
def load_tickets(*, as_frame: Literal[False]) -> list[dict[str, Any]]: ...


def load_tickets(*, as_frame: bool = True) -> Any:
    """A year (2026) of an agency's ticket events, one row per event.

    Columns: ``ticket_id`` (int, 4401-4780), ``kind`` (``opened``, ``responded``,
    ``paused``, ``customer_replied``, ``resumed``, ``severity_changed``, ``resolved``,
    ``reopened``, ``closed``), ``at`` (aware, Europe/Copenhagen) and ``severity``
    (``critical``, ``high``, ``medium``, ``low`` on ``opened`` and ``severity_changed``
    rows, else ``None``). Rows are ordered by ticket, then time: the column layout
    :func:`slacalc.reports.analyze_tickets` reads.

    Args:
        as_frame: ``True`` (default) for a pandas DataFrame, ``False`` for a list of
            dicts (no pandas needed).

    Raises:
        ModuleNotFoundError: ``as_frame=True`` and pandas is not installed.

    Returns:
        The events.

    Examples:
        >>> rows = load_tickets(as_frame=False)
        >>> rows[0]["ticket_id"], rows[0]["kind"], rows[0]["severity"]
        (4401, 'opened', 'low')
    """
    data: list[dict[str, Any]] = [
        {
            "ticket_id": int(r["ticket_id"]),
            "kind": r["kind"],
            "at": _instant(r["at"]),
            "severity": r["severity"] or None,
        }
        for r in _rows("tickets.csv")
    ]
    if not _want_frame(as_frame):
        return data
    return _frame(data, ("ticket_id", "kind", "at", "severity"), ("at",))


@overload
def load_incidents(*, as_frame: Literal[True] = ...) -> Any: ...
@overload
def load_incidents(*, as_frame: Literal[False]) -> list[dict[str, Any]]: ...


def load_incidents(*, as_frame: bool = True) -> Any:
    """The site's 2026 incident log: outages with overlapping and maintenance-time ones.

    Columns: ``incident_id`` (``'INC-2026-001'``), ``start``, ``end`` (aware,
    Europe/Copenhagen), ``severity`` (``full``, ``partial``, ``degraded``: weighed 1,
    0.3 and 0 by default) and ``label``. March and September miss 99.9 %.

    Args:
        as_frame: ``True`` (default) for a pandas DataFrame, ``False`` for dicts.

    Returns:
        The incidents, by start.

    Examples:
        >>> first = load_incidents(as_frame=False)[0]
        >>> first["incident_id"], first["severity"]
        ('INC-2026-001', 'full')
    """
    data: list[dict[str, Any]] = [
        {
            "incident_id": r["incident_id"],
            "start": _instant(r["start"]),
            "end": _instant(r["end"]),
            "severity": r["severity"],
            "label": r["label"],
        }
        for r in _rows("incidents.csv")
    ]
    if not _want_frame(as_frame):
        return data
    return _frame(data, ("incident_id", "start", "end", "severity", "label"), ("start", "end"))


@overload
def load_maintenance(*, as_frame: Literal[True] = ...) -> Any: ...
@overload
def load_maintenance(*, as_frame: Literal[False]) -> list[dict[str, Any]]: ...


def load_maintenance(*, as_frame: bool = True) -> Any:
    """The planned maintenance windows of 2026: a monthly patch window and one emergency.

    Columns: ``start``, ``end`` (aware, Europe/Copenhagen) and ``label``.

    Args:
        as_frame: ``True`` (default) for a pandas DataFrame, ``False`` for dicts.

    Returns:
        The windows, by start.

    Examples:
        >>> len(load_maintenance(as_frame=False))
        13
    """
    data: list[dict[str, Any]] = [
        {"start": _instant(r["start"]), "end": _instant(r["end"]), "label": r["label"]}
        for r in _rows("maintenance.csv")
    ]
    if not _want_frame(as_frame):
        return data
    return _frame(data, ("start", "end", "label"), ("start", "end"))


def load_policy() -> SLAPolicy:
    """The agency's SLA: the built-in website-care agreement plus two ticket penalties.

    A late critical resolution costs 2 % of the monthly fee plus 1 % per started hour
    late (at most 10 % a month); a late high response 1 % (at most 5 % a month).

    Examples:
        >>> policy = load_policy()
        >>> [(p.severity, p.metric, p.credit) for p in policy.uptime.ticket_penalties]
        [('critical', 'resolution', '2%'), ('high', 'response', '1%')]
    """
    from slacalc.policy import SLAPolicy

    return SLAPolicy.from_toml(read_text("policy.toml"))
