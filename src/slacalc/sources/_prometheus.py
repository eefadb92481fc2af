"""Prometheus range queries of ``up`` or ``probe_success`` into probe rows.

The HTTP API's ``/api/v1/query_range`` answers ``{"status": "success", "data":
{"resultType": "matrix", "result": [{"metric": {...}, "values": [[<unix seconds>,
"<value>"], ...]}, ...]}}`` (prometheus.io/docs/prometheus/latest/querying/api/, "Range
queries" and "Range vectors"). Each series is one location, named by a label
(``instance`` by default); each sample is one probe: ``"1"`` up, ``"0"`` down. The
query's ``step`` is the check interval to pass to :func:`slacalc.probe_outages`.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from slacalc.errors import ColumnTypeError, InvalidOptionError
from slacalc.sources._monitoring import (
    Collector,
    ErrorMode,
    MonitoringExport,
    SourceLike,
    epoch,
    read_json,
)

__all__ = ["read_prometheus"]


def read_prometheus(
    source: SourceLike | Mapping[str, Any],
    *,
    location_label: str = "instance",
    errors: ErrorMode = "raise",
) -> MonitoringExport:
    """Read a Prometheus range-query answer of ``up`` or ``probe_success`` as probe rows.

    Args:
        source: the JSON answer of ``/api/v1/query_range``: a path, an open file, or
            the parsed dict.
        location_label: the label that names a series' location (``"instance"``; a
            blackbox exporter setup may use ``"probe"`` or ``"region"``). A series
            without it is named by all its labels.
        errors: ``"raise"`` at the first bad sample, or ``"collect"`` them.

    Returns:
        A :class:`MonitoringExport` of probes ``(time, success, location)``.

    Raises:
        InvalidOptionError: not a successful matrix answer.
        ColumnTypeError: a sample that is not ``[time, "1"]`` or ``[time, "0"]`` (named
            as ``result[i].values[j]``).

    Examples:
        >>> answer = {"status": "success", "data": {"resultType": "matrix", "result": [
        ...     {"metric": {"__name__": "up", "instance": "web-1:9100"},
        ...      "values": [[1772445600, "1"], [1772445660, "0"], [1772445720, "1"]]}]}}
        >>> export = read_prometheus(answer)
        >>> [(t.minute, ok) for t, ok, _ in export.rows]
        [(0, True), (1, False), (2, True)]
        >>> import slacalc
        >>> slacalc.probe_outages(export.rows, interval="1m").downtime
        datetime.timedelta(seconds=60)
    """
    collector = Collector(errors)
    answer = read_json(source)
    if not isinstance(answer, Mapping) or answer.get("status") != "success":
        status = answer.get("status") if isinstance(answer, Mapping) else answer
        raise InvalidOptionError(
            f"The answer's status is {status!r}, not 'success'; pass the JSON of a "
            "successful /api/v1/query_range call."
        )
    data = answer.get("data")
    if not isinstance(data, Mapping) or data.get("resultType") != "matrix":
        kind = data.get("resultType") if isinstance(data, Mapping) else data
        raise InvalidOptionError(
            f"The answer's resultType is {kind!r}, not 'matrix'; pass a range query "
            "(query_range), not an instant query."
        )
    rows = []
    for i, series in enumerate(data.get("result") or []):
        metric = series.get("metric", {}) if isinstance(series, Mapping) else {}
        location = metric.get(location_label)
        if location is None:
            location = ",".join(f"{k}={v}" for k, v in sorted(metric.items())) or None
        for j, sample in enumerate(series.get("values", []) if isinstance(series, Mapping) else []):
            where = f"result[{i}].values[{j}]"
            row = collector.run(where, sample, functools.partial(_sample, sample, where))
            if row is not None:
                rows.append((row[0], row[1], location))
    return collector.export("probes", "prometheus", rows)


def _sample(sample: object, where: str) -> tuple[Any, bool]:
    """One ``[time, value]`` pair as ``(time, success)``."""
    if not isinstance(sample, list) or len(sample) != 2:
        raise ColumnTypeError(
            f'Sample {where} is {sample!r}, not [<unix seconds>, "<value>"].', column=None
        )
    at, value = sample
    if isinstance(at, (int, Decimal)) and not isinstance(at, bool):
        time = epoch(at, what=f"Time of {where}")
    else:
        time = epoch(Decimal(str(at)), what=f"Time of {where}")
    if value not in ("0", "1"):
        raise ColumnTypeError(
            f'Sample {where} has value {value!r}; an up or probe_success sample is "1" '
            '(up) or "0" (down): query up or probe_success, not a rate.',
            column="value",
        )
    return time, value == "1"
