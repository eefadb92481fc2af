"""A target whose deadline is an instant the ticket carries: a due-date field."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from slacalc.errors import InvalidOptionError

__all__ = ["DueFromField"]


@dataclass(frozen=True, slots=True)
class DueFromField:
    """A target taken from a ticket field: the deadline is the instant the field holds.

    The field (an aware datetime, declared in the rules' ``fields``) is read as it
    stands when the cycle stops, or at the instant evaluated while it runs, so a due
    date set or moved after the ticket opened counts. The target is the business time
    from the cycle's start to that instant on the clock's calendar, so pauses move the
    deadline later as for any target; a due instant outside the calendar's hours gives
    the next opening after it (ServiceNow's "Breach on Due Date" does the same). While
    the field is empty the clock has no target and never breaches.

    Args:
        field: the name of the datetime field, e.g. ``'due_at'``.

    Raises:
        InvalidOptionError: ``field`` is not a non-empty name.

    Examples:
        >>> import datetime as dt
        >>> from slacalc.calendar import BusinessCalendar
        >>> from slacalc.timers import ClockRules, SeverityTargets
        >>> cal = BusinessCalendar("Mon-Fri 08:00-16:00", tz="UTC")
        >>> rules = ClockRules([SeverityTargets("p3", cal, response="1h",
        ...                                     resolution=DueFromField("due_at"))],
        ...                    fields=["due_at"])
        >>> t = dt.datetime(2017, 1, 9, 10, tzinfo=dt.timezone.utc)
        >>> due = dt.datetime(2017, 1, 11, 20, 30, tzinfo=dt.timezone.utc)  # Wed 20:30
        >>> status = rules.evaluate([{"kind": "opened", "at": t, "severity": "p3",
        ...                           "fields": {"due_at": due}}], at=t)
        >>> status.resolution.due.isoformat()   # the next scheduled time: Thu 08:00
        '2017-01-12T08:00:00+00:00'
    """

    field: str

    def __post_init__(self) -> None:
        if not isinstance(self.field, str) or not self.field.strip():
            raise InvalidOptionError(
                f"DueFromField({self.field!r}) needs the name of a datetime field, e.g. "
                "DueFromField('due_at')."
            )

    def __str__(self) -> str:
        return f"due from field {self.field}"

    @staticmethod
    def instant(value: object) -> dt.datetime | None:
        """The due instant a field's value gives, or ``None`` when it holds none.

        Examples:
            >>> DueFromField.instant("tomorrow") is None
            True
        """
        if isinstance(value, dt.datetime) and value.utcoffset() is not None:
            return value
        return None
