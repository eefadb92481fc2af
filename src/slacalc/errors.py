"""The exceptions slacalc raises.

Every error derives from :class:`SlacalcError` and also from the builtin that fits
(``ValueError``, ``TypeError`` or ``LookupError``), so ``except ValueError`` keeps
working. Each class carries a stable ``code`` that docs/errors.md documents with its
cause and fix; a test checks the two against each other.

Examples:
    >>> from slacalc import BusinessCalendar, SlacalcError
    >>> try:
    ...     BusinessCalendar("Mon-Fri 09:00-25:00", tz="UTC")
    ... except ValueError as exc:
    ...     print(type(exc).__name__, isinstance(exc, SlacalcError))
    InvalidHoursError True
"""

from __future__ import annotations

__all__ = [
    "ColumnTypeError",
    "DocumentError",
    "HolidayCoverageError",
    "InvalidCountError",
    "InvalidCreditScheduleError",
    "InvalidDateError",
    "InvalidDurationError",
    "InvalidHoursError",
    "InvalidIntervalError",
    "InvalidMoneyError",
    "InvalidOptionError",
    "InvalidPeriodError",
    "InvalidTargetError",
    "InvalidWeightError",
    "LengthMismatchError",
    "MissingColumnError",
    "NaiveDatetimeError",
    "NeverOpenError",
    "NoEligibleTimeError",
    "NotADatetimeError",
    "NotAnIntervalError",
    "NumberTypeError",
    "OpenOutageError",
    "OutOfRangeError",
    "PolicyFileError",
    "PolicyValidationError",
    "SlacalcError",
    "SourceFormatError",
    "TicketEventError",
    "UnknownComponentError",
    "UnknownHolidayRegionError",
    "UnknownSeverityError",
    "UnknownStatusError",
    "UnknownTimezoneError",
    "WrongTypeError",
]


class SlacalcError(Exception):
    """Root of every error slacalc raises.

    Examples:
        >>> issubclass(NeverOpenError, SlacalcError)
        True
    """

    code: str = "slacalc-error"


class InvalidHoursError(SlacalcError, ValueError):
    """Business hours that cannot be read: a bad time, weekday, interval or overlap.

    Examples:
        >>> from slacalc import BusinessCalendar
        >>> BusinessCalendar("Mon-Fri 09:00-", tz="UTC")
        Traceback (most recent call last):
        ...
        slacalc.errors.InvalidHoursError: Interval '09:00-' in 'Mon-Fri 09:00-' is not of the form 'HH:MM-HH:MM'; write e.g. '09:00-17:00'.
    """

    code = "invalid-hours"


class InvalidDurationError(SlacalcError, ValueError):
    """A duration that is malformed, of the wrong type, or not a fixed length.

    Examples:
        >>> from slacalc import BusinessCalendar
        >>> BusinessCalendar.always().add(__import__("datetime").datetime(2026, 1, 1,
        ...     tzinfo=__import__("datetime").timezone.utc), "2 hours")
        Traceback (most recent call last):
        ...
        slacalc.errors.InvalidDurationError: '2 hours' is not a duration; write e.g. '2h', '15m', '1h30m' or 'PT2H'.
    """

    code = "invalid-duration"


class NaiveDatetimeError(SlacalcError, ValueError):
    """A datetime without a time zone where an instant is needed.

    Examples:
        >>> import datetime as dt
        >>> from slacalc import BusinessCalendar
        >>> BusinessCalendar.always().is_open(dt.datetime(2026, 1, 1, 12, 0))
        Traceback (most recent call last):
        ...
        slacalc.errors.NaiveDatetimeError: datetime.datetime(2026, 1, 1, 12, 0) has no time zone; pass an aware datetime, e.g. datetime(..., tzinfo=ZoneInfo('Europe/Copenhagen')).
    """

    code = "naive-datetime"


class NotADatetimeError(SlacalcError, TypeError):
    """Something other than a datetime where an instant is needed.

    Examples:
        >>> from slacalc import BusinessCalendar
        >>> BusinessCalendar.always().is_open("2026-01-01T12:00Z")
        Traceback (most recent call last):
        ...
        slacalc.errors.NotADatetimeError: '2026-01-01T12:00Z' is a str, not a datetime; pass an aware datetime.datetime (or pendulum.DateTime).
    """

    code = "not-a-datetime"


class InvalidDateError(SlacalcError, ValueError):
    """A calendar date (holiday, override) that cannot be read.

    Examples:
        >>> from slacalc import BusinessCalendar
        >>> BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", overrides={"2026-13-01": "closed"})
        Traceback (most recent call last):
        ...
        slacalc.errors.InvalidDateError: '2026-13-01' is not a date; write an ISO date such as '2026-12-24' or pass a datetime.date.
    """

    code = "invalid-date"


class UnknownTimezoneError(SlacalcError, LookupError):
    """A time zone name that the IANA database does not know.

    Examples:
        >>> from slacalc import BusinessCalendar
        >>> BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Kobenhavn")
        Traceback (most recent call last):
        ...
        slacalc.errors.UnknownTimezoneError: Unknown time zone 'Europe/Kobenhavn'; pass an IANA name such as 'Europe/Copenhagen' or 'America/New_York'.
    """

    code = "unknown-timezone"


class UnknownHolidayRegionError(SlacalcError, LookupError):
    """A country or subdivision code that the ``holidays`` package does not know.

    Examples:
        >>> from slacalc import BusinessCalendar
        >>> BusinessCalendar("Mon-Fri 09:00-17:00", tz="UTC", holidays="XX")
        Traceback (most recent call last):
        ...
        slacalc.errors.UnknownHolidayRegionError: Unknown holiday country 'XX'; pass an ISO 3166 code such as 'DK', 'US-CA' or 'DE-BY'.
    """

    code = "unknown-holiday-region"


class HolidayCoverageError(SlacalcError, LookupError):
    """A question touches a year that a fixed holiday source does not cover.

    Raised when a ``holidays.HolidayBase`` built with ``expand=False`` is asked about a
    year outside its ``years``: answering would silently treat that year's holidays
    as working days.

    Examples:
        >>> import datetime as dt, holidays
        >>> from slacalc import BusinessCalendar
        >>> dk = holidays.country_holidays("DK", years=2026, expand=False)
        >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen", holidays=dk)
        >>> cal.is_open(dt.datetime(2030, 1, 2, 10, tzinfo=dt.timezone.utc))
        Traceback (most recent call last):
        ...
        slacalc.errors.HolidayCoverageError: The holiday source covers only 2026, but the question needs 2030; build it with expand=True or with years including 2030.
    """

    code = "holiday-coverage"


class NeverOpenError(SlacalcError, ValueError):
    """A calendar that has no business hours at all.

    Examples:
        >>> from slacalc import BusinessCalendar
        >>> BusinessCalendar({}, tz="UTC")
        Traceback (most recent call last):
        ...
        slacalc.errors.NeverOpenError: The calendar is never open: no weekday has business hours and no override opens a day; give hours such as 'Mon-Fri 09:00-17:00'.
    """

    code = "never-open"


class OutOfRangeError(SlacalcError, LookupError):
    """A search that finds no answer within the supported range.

    Raised, never looped, when a calendar has no opening (or no closing) in the
    direction searched: a calendar open only on a few special days, a 24x7 calendar
    asked for its next closing, or an instant beyond the years 1-9999.

    Examples:
        >>> import datetime as dt
        >>> from slacalc import BusinessCalendar
        >>> BusinessCalendar.always().next_close(dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
        Traceback (most recent call last):
        ...
        slacalc.errors.OutOfRangeError: No closing found after 2026-01-01T00:00:00+00:00 within 10 years; the calendar is open all the time there.
    """

    code = "out-of-range"


class InvalidTargetError(SlacalcError, ValueError):
    """An availability target that is malformed, out of range or ambiguous.

    A bare number above 1 (``99.9``) could be a percent or a fraction, so it is
    refused; write ``"99.9%"`` or ``Decimal("0.999")``.

    Examples:
        >>> import slacalc
        >>> slacalc.allowed_downtime("99.9", "year")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.InvalidTargetError: '99.9' is ambiguous: ... write '99.9%'.
    """

    code = "invalid-target"


class NumberTypeError(SlacalcError, TypeError):
    """A binary float, or something that is not a number, where an exact number is needed.

    Percentages, budgets and money are exact in slacalc; ``0.999`` as a float is
    0.99899999999999999911..., which can flip a credit tier at its boundary.

    Examples:
        >>> import slacalc
        >>> slacalc.allowed_downtime(0.999, "month")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.NumberTypeError: 0.999 is a binary float, ...; pass Decimal('0.999') ...
    """

    code = "number-type"


class InvalidPeriodError(SlacalcError, ValueError):
    """A period that is unknown, empty, or of a kind slacalc cannot measure.

    Examples:
        >>> import slacalc
        >>> slacalc.allowed_downtime("99.9%", "fortnight")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.InvalidPeriodError: 'fortnight' is not a period; pass 'day', 'week', ...
    """

    code = "invalid-period"


class InvalidIntervalError(SlacalcError, ValueError):
    """An interval (outage, maintenance window, reporting window) that ends before it starts.

    Examples:
        >>> import datetime as dt, slacalc
        >>> t = dt.datetime(2026, 1, 1, 10, tzinfo=dt.timezone.utc)
        >>> slacalc.Outage(t, t - dt.timedelta(hours=1))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.InvalidIntervalError: The outage ends at '2026-01-01T09:00:00+00:00', ...
    """

    code = "invalid-interval"


class NotAnIntervalError(SlacalcError, TypeError):
    """Something that is neither a ``(start, end)`` pair nor a record with start and end.

    Examples:
        >>> import datetime as dt, slacalc
        >>> window = slacalc.calendar_month(2026, 2, tz="UTC")
        >>> slacalc.measure_availability(["2026-02-03"], window)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.NotAnIntervalError: '2026-02-03' is not an outage; pass (start, end), ...
    """

    code = "not-an-interval"


class OpenOutageError(SlacalcError, ValueError):
    """An outage without an end, measured without saying when the report is made.

    Pass ``as_of=`` (an aware datetime); slacalc never reads the clock.

    Examples:
        >>> import datetime as dt, slacalc
        >>> window = slacalc.calendar_month(2026, 2, tz="UTC")
        >>> start = dt.datetime(2026, 2, 3, 10, tzinfo=dt.timezone.utc)
        >>> slacalc.measure_availability([(start, None)], window)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.OpenOutageError: The outage starting '2026-02-03T10:00:00+00:00' has ...
    """

    code = "open-outage"


class UnknownSeverityError(SlacalcError, LookupError):
    """An outage severity that has no weight.

    Examples:
        >>> import datetime as dt, slacalc
        >>> t = dt.datetime(2026, 2, 3, 10, tzinfo=dt.timezone.utc)
        >>> outage = slacalc.Outage(t, t + dt.timedelta(hours=1), severity="critical")
        >>> slacalc.measure_availability([outage], slacalc.calendar_month(2026, 2))
        ... # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.UnknownSeverityError: Unknown severity 'critical'; use one of ...
    """

    code = "unknown-severity"


class UnknownComponentError(SlacalcError, LookupError):
    """A component that the log or a group does not know.

    Examples:
        >>> import datetime as dt
        >>> from slacalc.reports import availability_table
        >>> t = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)
        >>> log = [{"start": t, "end": t, "component": "cdn"}]
        >>> availability_table(log, "2026-03", by="component", components=["web"])
        ... # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.UnknownComponentError: row 0: unknown component 'cdn'; ...
    """

    code = "unknown-component"


class InvalidWeightError(SlacalcError, ValueError):
    """An outage weight outside 0-100 %, or not readable.

    Examples:
        >>> import slacalc
        >>> slacalc.measure_availability([], slacalc.calendar_month(2026, 2),
        ...                              weights={"partial": "130%"})  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.InvalidWeightError: '130%' is out of range: a weight must be between ...
    """

    code = "invalid-weight"


class NoEligibleTimeError(SlacalcError, ValueError):
    """A measurement where nothing of the window is eligible, so availability is undefined.

    Examples:
        >>> import slacalc
        >>> feb = slacalc.calendar_month(2026, 2)
        >>> slacalc.measure_availability([], feb, maintenance=[(feb.start, feb.end)],
        ...                              maintenance_mode="exclude")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.NoEligibleTimeError: Nothing of the window ...
    """

    code = "no-eligible-time"


class InvalidOptionError(SlacalcError, ValueError):
    """A keyword option that is unknown, missing where it is required, or combined wrongly.

    Examples:
        >>> import slacalc
        >>> slacalc.allowed_downtime("99.9%", "month", convention="banker")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.InvalidOptionError: Unknown convention 'banker'; pass 'gregorian' ...
    """

    code = "invalid-option"


class InvalidCountError(SlacalcError, ValueError):
    """Event counts that cannot be: negative, more bad than total, or no events at all.

    Examples:
        >>> import slacalc
        >>> slacalc.ErrorBudget("99.9%", "30d").consumed(bad=12, total=10)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.InvalidCountError: bad=12 is more than total=10; ...
    """

    code = "invalid-count"


class InvalidCreditScheduleError(SlacalcError, ValueError):
    """A credit schedule or penalty whose tiers, cap or minimum do not make sense.

    Examples:
        >>> import slacalc
        >>> slacalc.CreditSchedule([])  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.InvalidCreditScheduleError: A credit schedule needs at least one tier; ...
    """

    code = "invalid-credit-schedule"


class InvalidMoneyError(SlacalcError, ValueError):
    """An amount of money that is negative, not finite, or not readable.

    Examples:
        >>> import slacalc
        >>> schedule = slacalc.CreditSchedule([("99.9%", "10%")])
        >>> schedule.credit("99.5%", fee="-500")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.InvalidMoneyError: '-500' is negative; pass the fee as ...
    """

    code = "invalid-money"


class LengthMismatchError(SlacalcError, ValueError):
    """Bulk inputs whose lengths do not match (starts and ends, starts and durations).

    Examples:
        >>> import datetime as dt
        >>> from slacalc import BusinessCalendar
        >>> t = dt.datetime(2026, 11, 30, 10, tzinfo=dt.timezone.utc)
        >>> BusinessCalendar.always().elapsed_many([t, t], [t])
        Traceback (most recent call last):
        ...
        slacalc.errors.LengthMismatchError: 2 starts and 1 ends; pass sequences of the same length.
    """

    code = "length-mismatch"


class TicketEventError(SlacalcError, ValueError):
    """Ticket events that cannot be replayed: out of order, malformed, or impossible.

    Raised for events earlier than the one before them, an unknown kind, a missing
    ``at``, a ``resumed`` without a ``paused`` (or ``paused`` twice), a ``reopened``
    ticket that is not resolved, anything before ``opened`` or after ``closed``. The
    message names the event's index and instant; ``history="lenient"`` replays such a
    history by stated rules instead (see ``ClockRules.evaluate``).

    Examples:
        >>> import datetime as dt
        >>> from slacalc.timers import coerce_events
        >>> t = dt.datetime(2026, 11, 30, 10, tzinfo=dt.timezone.utc)
        >>> coerce_events([{"kind": "opened", "at": t, "severity": "high"},
        ...                {"kind": "paused", "at": t - dt.timedelta(hours=1)}])
        ... # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.TicketEventError: Events are out of order: event 1 ('paused' at 2026-11-30T09:00:00+00:00) is earlier than ...; pass events in time order, or history='lenient' to sort them.
    """

    code = "ticket-event"


class PolicyValidationError(SlacalcError, ValueError):
    """An SLA policy document with a bad field: the message names the path and the value.

    Examples:
        >>> from slacalc.policy import SLAPolicy, default_policy
        >>> data = default_policy().to_dict()
        >>> data["severities"][2]["response"] = "4 hours"
        >>> SLAPolicy.from_dict(data)
        Traceback (most recent call last):
        ...
        slacalc.errors.PolicyValidationError: severities[2].response: '4 hours' is not a duration; write '4h'.
    """

    code = "invalid-policy"
    #: Each problem as ``(field path, message)``, in the order found.
    problems: tuple[tuple[str, str], ...] = ()


class PolicyFileError(SlacalcError, ValueError):
    """A policy file that cannot be read: missing, unknown format, or not TOML/JSON/YAML.

    Examples:
        >>> from slacalc.policy import SLAPolicy
        >>> SLAPolicy.from_file("agreement.docx")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.PolicyFileError: Cannot read 'agreement.docx': unknown format '.docx'; ...
    """

    code = "policy-file"


class DocumentError(SlacalcError, ValueError):
    """An agreement document that cannot be written: nothing half-rendered is returned.

    A template that names a field the document does not have, a template, logo or
    style sheet file that does not exist, or a PDF asked for where no renderer is
    installed. The message names the value and says what to pass or install.

    Examples:
        >>> from slacalc import default_policy
        >>> from slacalc.document import render_agreement
        >>> render_agreement(default_policy(), format="html", logo="no-such-logo.png")
        Traceback (most recent call last):
        ...
        slacalc.errors.DocumentError: Logo file 'no-such-logo.png' does not exist; pass the path of a PNG, JPEG or SVG file.
    """

    code = "document"


class MissingColumnError(SlacalcError, LookupError):
    """A table (DataFrame or records) without a column a report needs; the message names it.

    Attributes:
        column: the name of the missing column.

    Examples:
        >>> import datetime as dt
        >>> from slacalc.policy import default_policy
        >>> from slacalc.reports import analyze_tickets
        >>> t = dt.datetime(2026, 11, 30, 10, tzinfo=dt.timezone.utc)
        >>> analyze_tickets([{"ticket_id": 1, "at": t, "severity": "high"}], default_policy())
        Traceback (most recent call last):
        ...
        slacalc.errors.MissingColumnError: The tickets have no column 'kind' (record 0 has 'ticket_id', 'at', 'severity'); add it, or map your column with columns={'kind': '<your column>'}.
    """

    code = "missing-column"

    def __init__(self, message: str, *, column: str | None = None) -> None:
        super().__init__(message)
        self.column = column


class ColumnTypeError(SlacalcError, TypeError):
    """A table, or a value in one of its columns, of the wrong type; the message names the column.

    Attributes:
        column: the column holding the bad value (``None`` when the whole table is wrong).

    Examples:
        >>> from slacalc.policy import default_policy
        >>> from slacalc.reports import analyze_tickets
        >>> analyze_tickets([{"ticket_id": 1, "kind": "opened", "at": "2026-11-30 10:00",
        ...                   "severity": "high"}], default_policy())
        Traceback (most recent call last):
        ...
        slacalc.errors.ColumnTypeError: Column 'at' of the tickets holds '2026-11-30 10:00' (a str) in record 0, not an aware datetime; parse it first, e.g. pandas.to_datetime(df['at'], utc=True).
    """

    code = "column-type"

    def __init__(self, message: str, *, column: str | None = None) -> None:
        super().__init__(message)
        self.column = column


class SourceFormatError(SlacalcError, ValueError):
    """A helpdesk export that is not what its reader reads: missing, empty, or another format.

    Examples:
        >>> from slacalc.sources import read_jira
        >>> read_jira({"ticket_metric_events": []})  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.SourceFormatError: '<data>' is not a Jira search response: it has no 'issues' ...
    """

    code = "source-format"


class UnknownStatusError(SlacalcError, LookupError):
    """A ticket status that the reader's ``status_map`` does not name.

    Examples:
        >>> from slacalc.sources import read_long
        >>> read_long([{"ticket_id": 1, "at": "2026-11-30T09:00Z", "status": "Blocked"}],
        ...           status_map={"Open": "open"})  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.UnknownStatusError: '<data>' record 1: Status 'Blocked' is not in status_map ...
    """

    code = "unknown-status"


class WrongTypeError(SlacalcError, TypeError):
    """An argument of the wrong type where no more specific error fits: the message names it.

    Raised at the public edge, before any work, for a value that is not what the
    parameter takes: a number where a report is plotted, a list where a ticket id is
    a key.

    Examples:
        >>> from slacalc.reports import plot_compliance
        >>> plot_compliance([1, 2])
        Traceback (most recent call last):
        ...
        slacalc.errors.WrongTypeError: plot_compliance() takes a ComplianceSummary, not [1, 2] (a list); pass what compliance_summary() returns.
    """

    code = "wrong-type"
