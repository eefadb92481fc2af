"""Instants in the timelines' text: ``'Mon 2026-11-30 09:30'``, seconds only when present."""

from __future__ import annotations

import datetime as dt

__all__ = ["when"]


def when(t: dt.datetime | None, tz: dt.tzinfo) -> str:
    """``t`` in ``tz`` for people, with its weekday; ``'-'`` for ``None``.

    Seconds and microseconds are shown only when ``t`` has them, so a breach one
    microsecond after a deadline reads as such.

    Examples:
        >>> t = dt.datetime(2026, 11, 30, 9, 30, tzinfo=dt.UTC)
        >>> when(t, dt.UTC), when(t + dt.timedelta(microseconds=1), dt.UTC), when(None, dt.UTC)
        ('Mon 2026-11-30 09:30', 'Mon 2026-11-30 09:30:00.000001', '-')
    """
    if t is None:
        return "-"
    local = t.astimezone(tz)
    text = local.strftime("%a %Y-%m-%d %H:%M")
    if local.second or local.microsecond:
        text += local.strftime(":%S")
    if local.microsecond:
        text += f".{local.microsecond:06d}"
    return text
