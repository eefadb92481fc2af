"""SQL over helpdesk exports: slacalc's business time as vectorised DuckDB functions.

:func:`register` adds functions to a DuckDB connection, each computed a batch at a time
through Arrow with the same exact engine as the Python calls (one NumPy pass per
batch, no Python per row):

=====================================================  ==========================================
``business_elapsed(a, b)``                              business time in ``[a, b)`` (``INTERVAL``)
``business_add(t, '2h')``                               the instant ``2h`` of business time later
``is_open(t)``                                          whether the calendar is open at ``t``
``allowed_downtime('99.9%', 'month')``                  what a target allows in a period
``sla_target(severity, metric)``                        the policy's target (``INTERVAL``)
``sla_due(severity, metric, opened_at)``                the deadline on the severity's calendar
``sla_elapsed(severity, a, b)``                         business time on the severity's calendar
=====================================================  ==========================================

The ``sla_*`` functions need ``policy=``; they follow one severity's calendar from a
start to an end, with no pauses (the full ticket clocks are :func:`slacalc.reports.
analyze_tickets`). Timestamps are ``TIMESTAMPTZ`` (a plain ``TIMESTAMP`` is cast by
DuckDB in the session's ``TimeZone``), durations are slacalc's duration strings
(``'2h'``, ``'1h30m'``, ``'PT2H'``). A NULL in any argument gives NULL; a value that is
not valid raises, naming the value and the function.

Examples:
    >>> import duckdb
    >>> from slacalc import BusinessCalendar
    >>> from slacalc import duckdb as sql
    >>> con = duckdb.connect()
    >>> cal = BusinessCalendar("Mon-Fri 09:00-17:00", tz="Europe/Copenhagen")
    >>> names = sql.register(con, calendar=cal)
    >>> con.execute("SELECT business_elapsed(TIMESTAMPTZ '2026-11-27 15:00+01', "
    ...         "TIMESTAMPTZ '2026-11-30 10:00+01') AS t").fetchone()
    (datetime.timedelta(seconds=10800),)
"""

from slacalc.duckdb._functions import FUNCTIONS, register

__all__ = ["FUNCTIONS", "register"]
