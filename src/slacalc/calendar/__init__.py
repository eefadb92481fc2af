"""Business-hours calendars: weekly hours, time zones, holidays, special days.

Examples:
    >>> from slacalc.calendar import BusinessCalendar
    >>> BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC").hours
    'Mon-Fri 09:00-17:00'
"""

from slacalc.calendar._calendar import BusinessCalendar, DurationLike, HolidaysLike, HoursLike

__all__ = ["BusinessCalendar", "DurationLike", "HolidaysLike", "HoursLike"]
