"""Example data: a year (2026) of a web agency's tickets and its customer's site incidents.

Small, deterministic and realistic enough for notebooks, docs and tests. The agency looks
after one customer's site under slacalc's built-in website-care agreement
(:func:`load_policy`: support Mon-Fri 09:00-18:00 Europe/Copenhagen with Danish holidays,
plus two per-ticket penalties) for a monthly fee of :data:`MONTHLY_FEE`.

- :func:`load_tickets`: 380 tickets (ids 4401-4780) as one row per event, about a fifth
  of them arriving out of hours, a quarter waiting on the customer for a while, a few
  re-graded or reopened, and a few dozen missed targets. Ticket 4711 is a high ticket
  sent on a Friday evening that breaches its resolution target the next Wednesday.
- :func:`load_incidents`: outages of the site, mostly a few minutes a month, a long one
  in March (with a partial outage overlapping it) and one in September that cost
  credits, one starting inside a maintenance window, a degraded spell around an outage.
- :func:`load_maintenance`: the monthly patch window and an emergency upgrade.

The files are written by ``scripts/make_datasets.py`` (seeded) and never edited by hand;
the tests check that the script reproduces them byte for byte. Loaders return pandas
DataFrames (aware ``datetime64[us, Europe/Copenhagen]`` columns) by default, and lists
of dicts with ``as_frame=False``: the default never depends on what is installed.

Examples:
    >>> from slacalc import datasets
    >>> events = datasets.load_tickets(as_frame=False)
    >>> len(events), len({e["ticket_id"] for e in events})
    (1701, 380)
    >>> datasets.MONTHLY_FEE
    Decimal('1500.00')
"""

from decimal import Decimal

from slacalc.datasets._load import (
    FILES,
    TIMEZONE,
    load_incidents,
    load_maintenance,
    load_policy,
    load_tickets,
    read_text,
)

MONTHLY_FEE = Decimal("1500.00")
"""The customer's monthly fee for the agreement (credits and penalties are shares of it).

Examples:
    >>> from slacalc.datasets import MONTHLY_FEE
    >>> MONTHLY_FEE
    Decimal('1500.00')
"""

__all__ = [
    "FILES",
    "MONTHLY_FEE",
    "TIMEZONE",
    "load_incidents",
    "load_maintenance",
    "load_policy",
    "load_tickets",
    "read_text",
]
