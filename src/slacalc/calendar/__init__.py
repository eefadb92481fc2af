"""Business-hours calendars: weekly hours, time zones, holidays, special days.

Closed days travel to and from iCalendar files with :func:`closures_from_ics` and
:func:`closures_to_ics` (``pip install icalendar``, or the ``ics`` extra).

Examples:
    >>> from slacalc.calendar import BusinessCalendar
    >>> BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC").hours
    'Mon-Fri 09:00-17:00'
"""

from slacalc.calendar._calendar import BusinessCalendar, DurationLike, HolidaysLike, HoursLike
from slacalc.calendar._ics import IcsClosures, closures_from_ics, closures_to_ics

__all__ = [
    "BusinessCalendar",
    "DurationLike",
    "HolidaysLike",
    "HoursLike",
    "IcsClosures",
    "closures_from_ics",
    "closures_to_ics",
]
