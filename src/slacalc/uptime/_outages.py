"""Outages: records, severity weights, and the sweep that merges them without double counting.

Inside, an outage is a half-open interval of epoch microseconds with a weight. The
sweep cuts the time line at every start and end and, in each piece, keeps the single
heaviest outage active there (the maximum, never the sum), so overlapping incidents
are counted once.
"""

from __future__ import annotations

import datetime as dt
import enum
import heapq
import itertools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType
from typing import NamedTuple, Protocol, TypeAlias

from slacalc._exact import parse_share
from slacalc._time import UTC, from_us, to_us
from slacalc._validate import check_items, shown
from slacalc.errors import (
    InvalidIntervalError,
    InvalidWeightError,
    NotAnIntervalError,
    OpenOutageError,
    UnknownSeverityError,
)

__all__ = [
    "DEFAULT_SEVERITY_WEIGHTS",
    "Outage",
    "OutageLike",
    "OutageRecord",
    "merge_outages",
]

DEFAULT_SEVERITY_WEIGHTS: Mapping[str, Fraction] = MappingProxyType(
    {
        "full": Fraction(1),
        "major": Fraction(1),
        "partial": Fraction(3, 10),
        "degraded": Fraction(0),
    }
)
"""How much of each minute of an outage counts as downtime, by severity (read-only).

A full (or major) outage counts fully, a partial outage 30 % and degraded performance
not at all, as Instatus computes its status-page uptime. Override any of them with
``weights=`` (incident.io, for instance, counts a partial outage fully).

Examples:
    >>> from slacalc import DEFAULT_SEVERITY_WEIGHTS
    >>> DEFAULT_SEVERITY_WEIGHTS["partial"], DEFAULT_SEVERITY_WEIGHTS["degraded"]
    (Fraction(3, 10), Fraction(0, 1))
"""


class OutageRecord(Protocol):
    """Anything with ``start`` and ``end`` attributes (an ORM row, a dataclass).

    A ``severity`` attribute is read if present (a string, or an enum whose value is
    one); otherwise the outage is ``"full"``. A ``label`` string is kept too.

    Examples:
        >>> import dataclasses, datetime as dt
        >>> @dataclasses.dataclass
        ... class Incident:
        ...     start: dt.datetime
        ...     end: dt.datetime | None
        ...     severity: str = "partial"
        >>> t = dt.datetime(2026, 2, 3, 10, tzinfo=dt.timezone.utc)
        >>> merge_outages([Incident(t, t + dt.timedelta(hours=1))])[0].severity
        'partial'
    """

    @property
    def start(self) -> dt.datetime: ...

    @property
    def end(self) -> dt.datetime | None: ...


@dataclass(frozen=True, slots=True)
class Outage:
    """One outage: from ``start`` until ``end`` (excluded), with a severity.

    Args:
        start: when it began (aware datetime).
        end: when it ended (aware datetime, excluded); ``None`` while still open,
            which then needs an ``as_of`` when measured.
        severity: a key of the weights: ``"full"`` (default), ``"major"``,
            ``"partial"``, ``"degraded"``, or any name given a weight.
        label: a free text for reports, such as an incident number.

    Raises:
        NotADatetimeError: ``start`` or ``end`` is not a datetime.
        NaiveDatetimeError: ``start`` or ``end`` has no time zone.
        InvalidIntervalError: ``end`` is before ``start``.
        UnknownSeverityError: ``severity`` is not a non-empty string.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 2, 3, 10, tzinfo=dt.timezone.utc)
        >>> Outage(t, t + dt.timedelta(minutes=20), severity="partial").severity
        'partial'
    """

    start: dt.datetime
    end: dt.datetime | None = None
    severity: str = "full"
    label: str | None = None

    def __post_init__(self) -> None:
        start = to_us(self.start)
        if self.end is not None and to_us(self.end) < start:
            raise InvalidIntervalError(
                f"The outage ends at {self.end.isoformat()!r}, before its start "
                f"{self.start.isoformat()!r}; give an end at or after the start."
            )
        if not isinstance(self.severity, str) or not self.severity:
            raise UnknownSeverityError(
                f"Severity {self.severity!r} is not a name; pass a string such as 'full', "
                "'partial' or 'degraded'."
            )


OutageLike: TypeAlias = (
    "Outage | tuple[dt.datetime, dt.datetime | None] "
    "| tuple[dt.datetime, dt.datetime | None, str] | OutageRecord"
)
"""An outage as users pass it: ``(start, end)``, ``(start, end, severity)``, an
:class:`Outage`, or any record with ``start``/``end`` (and optionally ``severity``).

Examples:
    >>> import datetime as dt
    >>> from slacalc import Outage, merge_outages
    >>> start = dt.datetime(2026, 3, 2, 10, tzinfo=dt.timezone.utc)
    >>> end = start + dt.timedelta(hours=1)
    >>> [o.severity for o in merge_outages([(start, end, "partial"), Outage(start, end)])]
    ['full']
"""

_OUTAGE_HINT = (
    "pass (start, end), (start, end, severity) or slacalc.Outage(start, end, severity=...)"
)


def to_outage(item: object) -> Outage:
    """Read one outage as users pass it (see :data:`OutageLike`)."""
    if isinstance(item, Outage):
        return item
    if isinstance(item, tuple):
        if len(item) == 2:
            return Outage(item[0], item[1])
        if len(item) == 3:
            return Outage(item[0], item[1], _severity_name(item[2]))
        raise NotAnIntervalError(f"{shown(item)} is not an outage; {_OUTAGE_HINT}.")
    if hasattr(item, "start") and hasattr(item, "end"):
        severity = getattr(item, "severity", None)
        label = getattr(item, "label", None)
        return Outage(
            item.start,
            item.end,
            "full" if severity is None else _severity_name(severity),
            label if isinstance(label, str) else None,
        )
    raise NotAnIntervalError(f"{shown(item)} is not an outage; {_OUTAGE_HINT}.")


def _severity_name(value: object) -> str:
    if isinstance(value, enum.Enum) and isinstance(value.value, str):
        return value.value
    if isinstance(value, str):
        return value
    raise UnknownSeverityError(
        f"Severity {value!r} is not a name; pass a string such as 'full', 'partial' or 'degraded'."
    )


def resolve_weights(weights: Mapping[str, object] | None) -> dict[str, Fraction]:
    """The default severity weights, updated with the caller's (checked, exact)."""
    table = dict(DEFAULT_SEVERITY_WEIGHTS)
    if weights is None:
        return table
    if not isinstance(weights, Mapping):
        raise InvalidWeightError(
            f"weights={weights!r} is not a mapping; pass e.g. {{'partial': '50%'}}."
        )
    for name, value in weights.items():
        if not isinstance(name, str) or not name:
            raise InvalidWeightError(
                f"Weight key {name!r} is not a severity name; use strings such as 'partial'."
            )
        table[name] = parse_share(
            value, what="a weight", example="'30%' or Fraction(3, 10)", error=InvalidWeightError
        )
    return table


def weight_of(outage: Outage, weights: Mapping[str, Fraction]) -> Fraction:
    """The weight of an outage's severity, or UnknownSeverityError."""
    try:
        return weights[outage.severity]
    except KeyError:
        known = ", ".join(repr(k) for k in sorted(weights))
        raise UnknownSeverityError(
            f"Unknown severity {outage.severity!r}; use one of {known} or give its weight "
            f"in weights={{{outage.severity!r}: ...}}."
        ) from None


class Item(NamedTuple):
    """An outage in microseconds: [start, end), its weight, input position and severity."""

    start: int
    end: int
    weight: Fraction
    position: int
    severity: str


class Seg(NamedTuple):
    """A piece of the time line, [start, end), where one outage (``owner``) dominates."""

    start: int
    end: int
    weight: Fraction
    owner: int


def end_us(outage: Outage, as_of: int | None) -> int:
    """The end of an outage in microseconds; an open one ends at ``as_of``."""
    start = to_us(outage.start)
    if outage.end is not None:
        return to_us(outage.end)
    if as_of is None:
        raise OpenOutageError(
            f"The outage starting {outage.start.isoformat()!r} has no end; pass "
            "as_of=<an aware datetime> (the instant of the report) to count it as ongoing "
            "until then."
        )
    if as_of < start:
        raise InvalidIntervalError(
            f"as_of ({from_us(as_of, UTC).isoformat()!r}) is before the open outage's start "
            f"{outage.start.isoformat()!r}; pass an as_of at or after every open outage's start."
        )
    return as_of


def to_items(
    outages: Iterable[object], weights: Mapping[str, Fraction], as_of: int | None
) -> tuple[list[Outage], list[Item]]:
    """Normalize outages; return the records (input order) and their intervals."""
    records: list[Outage] = []
    items: list[Item] = []
    check_items(outages, what="Outages", hint=_OUTAGE_HINT + " in a list", error=NotAnIntervalError)
    for index, raw in enumerate(outages):
        outage = to_outage(raw)
        records.append(outage)
        items.append(
            Item(
                to_us(outage.start),
                end_us(outage, as_of),
                weight_of(outage, weights),
                index,
                outage.severity,
            )
        )
    return records, items


def sweep(items: Iterable[Item], key: Callable[[Item], tuple[object, ...]]) -> list[Seg]:
    """Cut the time line at every start and end; keep the outage with the least key.

    Returns sorted, disjoint pieces; adjacent pieces with the same owner are joined.
    Time with no outage active is left out.
    """
    live = sorted((it for it in items if it.end > it.start), key=lambda it: it.start)
    points = sorted({p for it in live for p in (it.start, it.end)})
    heap: list[tuple[tuple[object, ...], int, Item]] = []
    out: list[Seg] = []
    j = 0
    for a, b in itertools.pairwise(points):
        while j < len(live) and live[j].start <= a:
            heapq.heappush(heap, (key(live[j]), live[j].position, live[j]))
            j += 1
        while heap and heap[0][2].end <= a:
            heapq.heappop(heap)
        if not heap:
            continue
        top = heap[0][2]
        if out and out[-1].end == a and out[-1].owner == top.position:
            out[-1] = out[-1]._replace(end=b)
        else:
            out.append(Seg(a, b, top.weight, top.position))
    return out


def heaviest_first(item: Item) -> tuple[object, ...]:
    """Sweep key: the heaviest outage wins; ties go to the earliest start, then input order."""
    return (-item.weight, item.start)


def interval_us(item: object, *, what: str) -> tuple[int, int]:
    """A (start, end) pair or a record with start/end, in microseconds, checked."""
    if isinstance(item, tuple) and len(item) == 2:
        start, end = item
    elif not isinstance(item, (tuple, str)) and hasattr(item, "start") and hasattr(item, "end"):
        start, end = item.start, item.end
    else:
        raise NotAnIntervalError(
            f"{item!r} is not a {what}; pass a (start, end) pair of aware datetimes."
        )
    s, e = to_us(start), to_us(end)
    if e < s:
        raise InvalidIntervalError(
            f"The {what} ends at {end.isoformat()!r}, before its start "
            f"{start.isoformat()!r}; give an end at or after the start."
        )
    return s, e


def merge_outages(
    outages: Iterable[OutageLike],
    *,
    weights: Mapping[str, object] | None = None,
    as_of: dt.datetime | None = None,
) -> tuple[Outage, ...]:
    """Merge overlapping outages into disjoint ones, keeping the most severe at each instant.

    Where outages overlap, the heaviest severity (by weight) wins; between severities of
    equal weight, the alphabetically first name wins, so the result does not depend on
    the input order. Touching or overlapping pieces of the same severity are joined.
    Merging is idempotent: merging the result again returns it unchanged.

    Args:
        outages: ``(start, end)``, ``(start, end, severity)``, :class:`Outage` or
            records with ``start``/``end`` (and optionally ``severity``).
        weights: severity weights on top of :data:`DEFAULT_SEVERITY_WEIGHTS`.
        as_of: the instant open outages (``end=None``) run until.

    Returns:
        Sorted, disjoint outages in UTC, without labels.

    Raises:
        NotAnIntervalError: an item is not an outage.
        InvalidIntervalError: an outage ends before it starts.
        OpenOutageError: an outage has no end and ``as_of`` is missing.
        UnknownSeverityError: a severity has no weight.
        InvalidWeightError: a weight outside 0-100 %.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 2, 3, 10, tzinfo=dt.timezone.utc)
        >>> h = dt.timedelta(hours=1)
        >>> merged = merge_outages([(t, t + 2 * h, "partial"), (t + h, t + 3 * h),
        ...                         (t + 2 * h, t + 4 * h)])
        >>> [(o.start.hour, o.end.hour, o.severity) for o in merged]
        [(10, 11, 'partial'), (11, 14, 'full')]
    """
    table = resolve_weights(weights)
    _, items = to_items(outages, table, None if as_of is None else to_us(as_of))
    segs = sweep(items, lambda it: (-it.weight, it.severity))
    severity = {it.position: it.severity for it in items}
    out: list[Outage] = []
    runs: list[tuple[int, int, str]] = []
    for seg in segs:
        name = severity[seg.owner]
        if runs and runs[-1][1] == seg.start and runs[-1][2] == name:
            runs[-1] = (runs[-1][0], seg.end, name)
        else:
            runs.append((seg.start, seg.end, name))
    for start, end, name in runs:
        out.append(Outage(from_us(start, UTC), from_us(end, UTC), name))
    return tuple(out)
