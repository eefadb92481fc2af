"""Error budgets and burn rates, with the SRE Workbook's semantics, and alert replay.

- The error budget of a target T over a period P is ``(1 - T) x P`` (time-based) or
  ``(1 - T) x events`` (request-based).
- The burn rate over a window is the observed error ratio divided by ``1 - T``; at a
  burn rate of 1 the budget lasts exactly the period.
- Spending a share f of the budget within a window W of a period P takes a burn rate
  of ``f x P / W``: 14.4 for 2 % in 1 h of 30 days, but 13.44 of 28 days.
"""

from __future__ import annotations

import datetime as dt
import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TypeAlias

from slacalc._exact import ShareLike, parse_exact_number, parse_share, round_fraction
from slacalc._intervals import Intervals
from slacalc._time import UTC, duration_to_us, from_us, to_us
from slacalc.errors import (
    InvalidCountError,
    InvalidDurationError,
    InvalidIntervalError,
    InvalidOptionError,
    InvalidTargetError,
    NotAnIntervalError,
)
from slacalc.uptime._availability import Availability, TargetLike, to_availability
from slacalc.uptime._outages import (
    OutageLike,
    Seg,
    heaviest_first,
    resolve_weights,
    sweep,
    to_items,
)
from slacalc.uptime._periods import Convention, PeriodLike, period_us, us_to_timedelta, window_us

__all__ = [
    "SRE_WORKBOOK_ALERTS",
    "AlertFiring",
    "BurnRateAlert",
    "ErrorBudget",
    "EventCount",
]

_US = 1_000_000
_MAX_EVALUATIONS = 5_000_000

EventCount: TypeAlias = "tuple[dt.datetime, dt.datetime, int, int]"
"""Events counted in one interval: ``(start, end, good, total)``.

Examples:
    >>> import datetime as dt
    >>> from slacalc import ErrorBudget
    >>> utc = dt.timezone.utc
    >>> t = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
    >>> minutes = [(t + dt.timedelta(minutes=i), t + dt.timedelta(minutes=i + 1), 95, 100)
    ...            for i in range(60)]                  # (start, end, good, total): 5 % fail
    >>> firings = ErrorBudget("99.9%", "30d").replay_alerts(
    ...     counts=minutes, start=t, end=t + dt.timedelta(hours=1), step="1m")
    >>> [f.alert.name for f in firings]
    ['page-1h', 'page-6h', 'ticket-3d']
"""


def _positive_us(value: object, *, what: str) -> int:
    us = duration_to_us(value, allow_days=True)
    if us <= 0:
        raise InvalidDurationError(
            f"{what}={value!r} is not longer than zero; pass a positive duration such as '1h'."
        )
    return us


def _count(value: object, *, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidCountError(f"{what}={value!r} is not a whole number; pass an int >= 0.")
    if value < 0:
        raise InvalidCountError(f"{what}={value!r} is negative; pass an int >= 0.")
    return value


def _bad_ratio(bad: object, total: object) -> Fraction:
    b, t = _count(bad, what="bad"), _count(total, what="total")
    if t == 0:
        raise InvalidCountError(
            "total=0 has no events, so there is no error ratio; pass a total above zero."
        )
    if b > t:
        raise InvalidCountError(
            f"bad={b!r} is more than total={t!r}; pass counts with 0 <= bad <= total."
        )
    return Fraction(b, t)


@dataclass(frozen=True, slots=True, init=False)
class BurnRateAlert:
    """A multiwindow burn-rate alert: fire when both windows burn faster than the threshold.

    The threshold is not written down but derived, so it fits any period: spending
    ``budget_share`` of the period's budget within ``long_window`` takes a burn rate of
    ``budget_share x period / long_window``.

    Args:
        name: a name for reports, such as ``"page-1h"``.
        long_window: the window that decides the threshold (e.g. ``"1h"``).
        short_window: the window that makes the alert reset quickly (e.g. ``"5m"``;
            the Workbook suggests 1/12 of the long window).
        budget_share: the share of the budget spent at the threshold, e.g. ``"2%"``.

    Raises:
        InvalidDurationError: a window that is not positive.
        InvalidOptionError: a short window longer than the long one, or a bad share.

    Examples:
        >>> alert = BurnRateAlert("page-1h", "1h", "5m", "2%")
        >>> alert.threshold("30d"), alert.threshold("28d")
        (Fraction(72, 5), Fraction(336, 25))
    """

    name: str
    long_window: dt.timedelta
    short_window: dt.timedelta
    budget_share: Fraction

    def __init__(
        self,
        name: str,
        long_window: dt.timedelta | str,
        short_window: dt.timedelta | str,
        budget_share: ShareLike,
    ) -> None:
        long_us = _positive_us(long_window, what="long_window")
        short_us = _positive_us(short_window, what="short_window")
        if short_us > long_us:
            raise InvalidOptionError(
                f"short_window={short_window!r} is longer than long_window={long_window!r}; "
                "make the short window shorter (the Workbook uses 1/12 of the long one)."
            )
        share = parse_share(
            budget_share,
            what="a share of the budget",
            example="'2%' or Fraction(1, 50)",
            error=InvalidOptionError,
        )
        if share == 0:
            raise InvalidOptionError(
                f"budget_share={budget_share!r} is zero, so the alert would fire on any "
                "error; pass a share such as '2%'."
            )
        object.__setattr__(self, "name", str(name))
        object.__setattr__(self, "long_window", us_to_timedelta(long_us))
        object.__setattr__(self, "short_window", us_to_timedelta(short_us))
        object.__setattr__(self, "budget_share", share)

    def threshold(self, period: PeriodLike, *, convention: Convention = "gregorian") -> Fraction:
        """The burn rate this alert fires above, for a budget period.

        Args:
            period: the SLO period (``"30d"``, ``"28d"``, ``"month"``, a timedelta...).
            convention: the length of a named month, quarter or year.

        Returns:
            ``budget_share x period / long_window`` exactly.

        Raises:
            InvalidPeriodError: a bad period.

        Examples:
            >>> BurnRateAlert("ticket-3d", "3d", "6h", "10%").threshold("30d")
            Fraction(1, 1)
        """
        return self.budget_share * period_us(period, convention) / _duration_us(self.long_window)


def _duration_us(value: dt.timedelta) -> int:
    return duration_to_us(value)


SRE_WORKBOOK_ALERTS: tuple[BurnRateAlert, ...] = (
    BurnRateAlert("page-1h", "1h", "5m", "2%"),
    BurnRateAlert("page-6h", "6h", "30m", "5%"),
    BurnRateAlert("ticket-3d", "3d", "6h", "10%"),
)
"""The multiwindow, multi-burn-rate alerts of the SRE Workbook (ch. 5, table 5-8).

Page at 2 % of the budget in 1 h (with a 5 min short window) or 5 % in 6 h (30 min);
ticket at 10 % in 3 days (6 h). Over 30 days the thresholds are 14.4, 6 and 1.

Examples:
    >>> from slacalc import SRE_WORKBOOK_ALERTS
    >>> [alert.name for alert in SRE_WORKBOOK_ALERTS]
    ['page-1h', 'page-6h', 'ticket-3d']
"""


@dataclass(frozen=True, slots=True)
class AlertFiring:
    """One episode of a replayed alert: when it fired and when it stopped.

    Args:
        alert: the alert.
        threshold: the burn rate it fired above.
        fired_at: the first evaluation at which both windows burned faster.
        resolved_at: the first evaluation after that at which they did not, or ``None``
            if it was still firing at the end of the replay.
        peak_burn_rate: the highest long-window burn rate seen while firing.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
        >>> budget = ErrorBudget("99.9%", "30d")
        >>> [f] = budget.replay_alerts(SRE_WORKBOOK_ALERTS[:1], outages=[(t, None)],
        ...                            start=t, end=t + dt.timedelta(minutes=2), step="1s",
        ...                            as_of=t + dt.timedelta(minutes=2))
        >>> f.alert.name, f.fired_at - t                       # 2 % of budget: 51.84 s
        ('page-1h', datetime.timedelta(seconds=52))
    """

    alert: BurnRateAlert
    threshold: Fraction
    fired_at: dt.datetime
    resolved_at: dt.datetime | None
    peak_burn_rate: Fraction


@dataclass(frozen=True, slots=True, init=False)
class ErrorBudget:
    """The error budget of an availability target over a period, with burn rates.

    Args:
        target: the SLO, below 100 % (``"99.9%"``, ``Decimal("0.999")``...).
        period: the SLO period: ``"30d"``, ``"28d"``, a timedelta, ``"month"`` (under
            ``convention``), a window or a :class:`CalendarPeriod`.
        convention: the length of a named month, quarter or year.

    Raises:
        InvalidTargetError: a bad target, or 100 % (which leaves no budget).
        InvalidPeriodError: a bad period.

    Examples:
        >>> budget = ErrorBudget("99.9%", "30d")
        >>> budget.allowed_downtime                                   # 43.2 min
        datetime.timedelta(seconds=2592)
        >>> budget.consumed("30m"), budget.burn_rate(bad=1, total=100)
        (Fraction(25, 36), Fraction(10, 1))
        >>> budget.time_to_exhaustion(budget.burn_rate_threshold("2%", "1h"))
        datetime.timedelta(days=2, seconds=7200)
    """

    target: Availability
    period: dt.timedelta

    def __init__(
        self, target: TargetLike, period: PeriodLike, *, convention: Convention = "gregorian"
    ) -> None:
        goal = to_availability(target)
        if goal.fraction == 1:
            raise InvalidTargetError(
                f"The target {target!r} is 100%, which leaves no error budget; pass a target "
                "below 100%, such as '99.9%'."
            )
        object.__setattr__(self, "target", goal)
        object.__setattr__(self, "period", us_to_timedelta(period_us(period, convention)))

    @property
    def _period_us(self) -> int:
        return duration_to_us(self.period)

    @property
    def budget_ratio(self) -> Fraction:
        """The share of time or events that may fail: ``1 - target``.

        Examples:
            >>> ErrorBudget("99.95%", "28d").budget_ratio
            Fraction(1, 2000)
        """
        return self.target.unavailability

    @property
    def allowed_downtime_seconds(self) -> Fraction:
        """The budget in seconds of downtime over the period, exact.

        Examples:
            >>> ErrorBudget("99.9%", "28d").allowed_downtime_seconds
            Fraction(12096, 5)
        """
        return self.budget_ratio * Fraction(self._period_us, _US)

    @property
    def allowed_downtime(self) -> dt.timedelta:
        """The budget as a timedelta (rounded down to whole microseconds).

        Examples:
            >>> ErrorBudget("99.9%", "28d").allowed_downtime                  # 40.32 min
            datetime.timedelta(seconds=2419, microseconds=200000)
        """
        return us_to_timedelta(round_fraction(self.budget_ratio * self._period_us, "floor"))

    def _error_ratio_and_basis(
        self, downtime: object, bad: object, total: object
    ) -> tuple[str, Fraction]:
        if downtime is not None and (bad is not None or total is not None):
            raise InvalidOptionError("Pass either a downtime or bad=/total= counts, not both.")
        if downtime is not None:
            us = duration_to_us(downtime, allow_days=True)
            if us < 0:
                raise InvalidDurationError(
                    f"The downtime {downtime!r} is negative; pass a duration of zero or more."
                )
            return "time", Fraction(us)
        if bad is None or total is None:
            raise InvalidOptionError(
                "Say what was spent: a downtime such as '30m', or bad= and total= event counts."
            )
        return "events", _bad_ratio(bad, total)

    def consumed(
        self,
        downtime: dt.timedelta | str | None = None,
        *,
        bad: int | None = None,
        total: int | None = None,
    ) -> Fraction:
        """The share of the period's budget spent, exact; above 1 when overspent.

        Args:
            downtime: downtime so far in the period (time-based budget), or
            bad: failed events, with
            total: all events so far (request-based budget).

        Returns:
            ``downtime / budget`` or ``(bad / total) / (1 - target)``.

        Raises:
            InvalidOptionError: neither or both kinds given.
            InvalidDurationError: a negative or malformed downtime.
            InvalidCountError: impossible counts.

        Examples:
            >>> ErrorBudget("99.9%", "30d").consumed(bad=5, total=10_000)
            Fraction(1, 2)
        """
        kind, value = self._error_ratio_and_basis(downtime, bad, total)
        if kind == "time":
            return value / (self.budget_ratio * self._period_us)
        return value / self.budget_ratio

    def remaining(
        self,
        downtime: dt.timedelta | str | None = None,
        *,
        bad: int | None = None,
        total: int | None = None,
    ) -> Fraction:
        """The share of the budget left: ``1 - consumed``; negative when overspent.

        Args:
            downtime: downtime so far (time-based), or
            bad: failed events, with
            total: all events (request-based).

        Returns:
            The remaining share, exact.

        Raises:
            InvalidOptionError, InvalidDurationError, InvalidCountError: as :meth:`consumed`.

        Examples:
            >>> ErrorBudget("99.9%", "30d").remaining("1h")
            Fraction(-7, 18)
        """
        return 1 - self.consumed(downtime, bad=bad, total=total)

    def remaining_downtime(self, downtime: dt.timedelta | str) -> dt.timedelta:
        """Downtime still allowed in the period; negative when the budget is overspent.

        Args:
            downtime: downtime so far in the period.

        Returns:
            ``budget - downtime``, rounded down to whole microseconds.

        Raises:
            InvalidDurationError: a negative or malformed downtime.

        Examples:
            >>> ErrorBudget("99.9%", "30d").remaining_downtime("13m12s")
            datetime.timedelta(seconds=1800)
        """
        _, used = self._error_ratio_and_basis(downtime, None, None)
        return us_to_timedelta(round_fraction(self.budget_ratio * self._period_us - used, "floor"))

    def burn_rate(
        self,
        *,
        downtime: dt.timedelta | str | None = None,
        window: dt.timedelta | str | None = None,
        bad: int | None = None,
        total: int | None = None,
    ) -> Fraction:
        """How fast the budget burns: the error ratio over a window divided by ``1 - target``.

        At 1 the budget lasts exactly the period; at 14.4 a 30-day budget lasts 50 hours.

        Args:
            downtime: downtime within ``window`` (time-based), with
            window: the window it was observed in; or
            bad: failed events, with
            total: all events in the window (request-based).

        Returns:
            The burn rate, exact.

        Raises:
            InvalidOptionError: neither or both kinds given, or a downtime without window.
            InvalidDurationError: a bad duration, or downtime longer than the window.
            InvalidCountError: impossible counts.

        Examples:
            >>> ErrorBudget("99.9%", "30d").burn_rate(downtime="1m", window="1h")
            Fraction(50, 3)
        """
        kind, value = self._error_ratio_and_basis(downtime, bad, total)
        if kind == "events":
            if window is not None:
                raise InvalidOptionError(
                    "window= goes with downtime=, not with bad=/total= counts; leave it out."
                )
            return value / self.budget_ratio
        if window is None:
            raise InvalidOptionError(
                f"downtime={downtime!r} needs the window it was observed in; pass window='1h'."
            )
        span = _positive_us(window, what="window")
        if value > span:
            raise InvalidDurationError(
                f"The downtime {downtime!r} is longer than the window {window!r}; pass at "
                "most the window's length."
            )
        return value / span / self.budget_ratio

    def time_to_exhaustion(
        self,
        burn_rate: Fraction | int | str,
        *,
        consumed: Fraction | int | str = 0,
    ) -> dt.timedelta | None:
        """How long the remaining budget lasts at a constant burn rate.

        Args:
            burn_rate: the burn rate (a Fraction, Decimal, int or string such as "14.4").
            consumed: the share of the budget already spent (``Fraction(1, 4)`` or
                ``"25%"``); 0 by default.

        Returns:
            ``(1 - consumed) x period / burn_rate``, rounded down to whole microseconds;
            zero if the budget is already spent; ``None`` if the burn rate is zero.

        Raises:
            NumberTypeError: a float.
            InvalidOptionError: a negative or malformed burn rate or consumed share.

        Examples:
            >>> ErrorBudget("99.9%", "30d").time_to_exhaustion(1000)      # a full outage
            datetime.timedelta(seconds=2592)
        """
        rate = parse_exact_number(burn_rate, what="a burn rate", example="'14.4' or 6")
        spent = parse_exact_number(
            consumed, what="a consumed share", example="'25%' or Fraction(1, 4)"
        )
        if rate < 0 or spent < 0:
            bad = burn_rate if rate < 0 else consumed
            raise InvalidOptionError(f"{bad!r} is negative; pass a value of zero or more.")
        left = 1 - spent
        if left <= 0:
            return dt.timedelta(0)
        if rate == 0:
            return None
        return us_to_timedelta(round_fraction(left * self._period_us / rate, "floor"))

    def burn_rate_threshold(self, budget_share: ShareLike, window: dt.timedelta | str) -> Fraction:
        """The burn rate that spends ``budget_share`` of this period's budget within ``window``.

        Args:
            budget_share: the share of the budget, e.g. ``"2%"``.
            window: the window, e.g. ``"1h"``.

        Returns:
            ``budget_share x period / window``: 14.4 for 2 % in 1 h of 30 days, 13.44 of 28.

        Raises:
            InvalidOptionError: a bad share.
            InvalidDurationError: a window that is not positive.

        Examples:
            >>> ErrorBudget("99.9%", "28d").burn_rate_threshold("2%", "1h")
            Fraction(336, 25)
        """
        share = parse_share(
            budget_share,
            what="a share of the budget",
            example="'2%' or Fraction(1, 50)",
            error=InvalidOptionError,
        )
        return share * self._period_us / _positive_us(window, what="window")

    def replay_alerts(
        self,
        alerts: Iterable[BurnRateAlert] = SRE_WORKBOOK_ALERTS,
        *,
        start: dt.datetime,
        end: dt.datetime,
        step: dt.timedelta | str = "1m",
        outages: Iterable[OutageLike] | None = None,
        counts: Iterable[EventCount] | None = None,
        weights: Mapping[str, object] | None = None,
        as_of: dt.datetime | None = None,
    ) -> tuple[AlertFiring, ...]:
        """Replay history: which burn-rate alerts would have fired, and when.

        Alerts are evaluated at ``start``, ``start + step``, ... up to ``end``. At each
        instant t, a window W covers ``[t - W, t)``; an alert fires while the burn rate
        is above its threshold in both its windows (strictly above, as the Workbook's
        ``>`` rules).

        Args:
            alerts: the alerts, by default :data:`SRE_WORKBOOK_ALERTS`.
            start: the first evaluation instant (aware).
            end: the last possible evaluation instant (aware).
            step: the evaluation interval (``"1m"`` by default, like a rule evaluator).
            outages: time-based data: outages as for :func:`measure_availability`
                (overlaps count once, at the heaviest weight); or
            counts: request-based data: ``(start, end, good, total)`` per interval, not
                overlapping. An interval counts in a window if it lies entirely inside it;
                a window without events has an error ratio of 0.
            weights: severity weights for ``outages``.
            as_of: the instant open outages run until.

        Returns:
            The firing episodes, ordered by when they fired.

        Raises:
            InvalidOptionError: neither or both of ``outages`` and ``counts``, or too
                many evaluations (more than 5 million; use a coarser step).
            InvalidIntervalError: ``end`` before ``start``, or overlapping count intervals.
            InvalidDurationError: a step that is not positive.
            InvalidCountError: impossible counts.

        Examples:
            >>> import datetime as dt
            >>> t = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
            >>> firings = ErrorBudget("99.9%", "30d").replay_alerts(
            ...     outages=[(t, t + dt.timedelta(minutes=10))],
            ...     start=t, end=t + dt.timedelta(hours=2), step="1s")
            >>> for f in firings:
            ...     print(f.alert.name, f.fired_at - t, f.resolved_at - t if f.resolved_at else "-")
            page-1h 0:00:52 0:14:56
            page-6h 0:02:10 0:39:50
            ticket-3d 0:04:20 -
        """
        t0, t1 = to_us(start), to_us(end)
        if t1 < t0:
            raise InvalidIntervalError(
                f"The replay ends at {end.isoformat()!r}, before its start "
                f"{start.isoformat()!r}; give an end at or after the start."
            )
        step_us = _positive_us(step, what="step")
        if (t1 - t0) // step_us + 1 > _MAX_EVALUATIONS:
            raise InvalidOptionError(
                f"step={step!r} gives more than {_MAX_EVALUATIONS:,} evaluations between "
                "start and end; pass a coarser step such as '1m'."
            )
        if (outages is None) == (counts is None):
            raise InvalidOptionError(
                "Pass the history as either outages= (time-based) or counts= "
                "(request-based), exactly one of them."
            )
        ratio: _DowntimeRatio | _EventRatio
        if outages is not None:
            ratio = _downtime_ratio(outages, weights, as_of)
        else:
            assert counts is not None
            ratio = _event_ratio(counts)
        rules = list(alerts)
        firings: list[AlertFiring] = []
        budget = self.budget_ratio
        for rule in rules:
            threshold = rule.threshold(self.period)
            long_us = duration_to_us(rule.long_window)
            short_us = duration_to_us(rule.short_window)
            limit = threshold * budget  # fire while error ratio > limit in both windows
            fired: int | None = None
            peak = Fraction(0)
            t = t0
            while t <= t1:
                long_ratio = ratio(t - long_us, t)
                firing = long_ratio > limit and ratio(t - short_us, t) > limit
                if firing:
                    if fired is None:
                        fired, peak = t, Fraction(0)
                    peak = max(peak, long_ratio / budget)
                elif fired is not None:
                    firings.append(
                        AlertFiring(rule, threshold, from_us(fired, UTC), from_us(t, UTC), peak)
                    )
                    fired = None
                t += step_us
            if fired is not None:
                firings.append(AlertFiring(rule, threshold, from_us(fired, UTC), None, peak))
        order = {id(rule): i for i, rule in enumerate(rules)}
        firings.sort(key=lambda f: (f.fired_at, order[id(f.alert)]))
        return tuple(firings)


def _downtime_ratio(
    outages: Iterable[OutageLike], weights: Mapping[str, object] | None, as_of: dt.datetime | None
) -> _DowntimeRatio:
    _, items = to_items(outages, resolve_weights(weights), None if as_of is None else to_us(as_of))
    segs = [s for s in sweep(items, heaviest_first) if s.weight > 0]
    return _DowntimeRatio(segs)


class _DowntimeRatio:
    """Weighted downtime ratio over [a, b): the merged downtime of each weight as Intervals.

    A log has few distinct weights (full, partial), so one :meth:`Intervals.measure` per
    weight, in integer µs, weighed once, answers a window in a few bisections.
    """

    def __init__(self, segs: Sequence[Seg]) -> None:
        spans: dict[Fraction, list[tuple[int, int]]] = {}
        for seg in segs:
            spans.setdefault(seg.weight, []).append((seg.start, seg.end))
        self._parts = [(weight, Intervals(pairs)) for weight, pairs in spans.items()]

    def __call__(self, a: int, b: int) -> Fraction:
        down = sum((w * part.measure(a, b) for w, part in self._parts), Fraction(0))
        return down / (b - a)


def _event_ratio(counts: Iterable[EventCount]) -> _EventRatio:
    rows: list[tuple[int, int, int, int]] = []
    for row in counts:
        if not isinstance(row, tuple) or len(row) != 4:
            raise NotAnIntervalError(
                f"{row!r} is not an event count; pass (start, end, good, total) with aware "
                "datetimes and ints."
            )
        s, e = window_us((row[0], row[1]), what="count interval")
        good, total = _count(row[2], what="good"), _count(row[3], what="total")
        if good > total:
            raise InvalidCountError(
                f"good={good!r} is more than total={total!r}; pass counts with 0 <= good <= total."
            )
        rows.append((s, e, total - good, total))
    rows.sort()
    for prev, nxt in itertools.pairwise(rows):
        if nxt[0] < prev[1]:
            raise InvalidIntervalError(
                f"Count intervals overlap (one ends at {from_us(prev[1], UTC).isoformat()!r}, "
                f"the next starts at {from_us(nxt[0], UTC).isoformat()!r}); pass "
                "non-overlapping intervals."
            )
    return _EventRatio(rows)


class _EventRatio:
    """Bad/total ratio over the count intervals inside [a, b), from prefix sums."""

    def __init__(self, rows: list[tuple[int, int, int, int]]) -> None:
        self._starts = [r[0] for r in rows]
        self._ends = [r[1] for r in rows]
        self._bad = [0]
        self._total = [0]
        for _, _, bad, total in rows:
            self._bad.append(self._bad[-1] + bad)
            self._total.append(self._total[-1] + total)

    def __call__(self, a: int, b: int) -> Fraction:
        lo = bisect_left(self._starts, a)
        hi = bisect_right(self._ends, b)
        if hi <= lo:
            return Fraction(0)
        total = self._total[hi] - self._total[lo]
        if total == 0:
            return Fraction(0)
        return Fraction(self._bad[hi] - self._bad[lo], total)
