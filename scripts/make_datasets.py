"""Generate the example data shipped in ``src/slacalc/datasets/`` (deterministic, seeded).

The files in that package are this script's output and are never edited by hand; a test
(tests/datasets/test_generator.py) runs :func:`build` in memory and checks that it
reproduces them byte for byte.

The story: a web agency looks after one customer's site under the built-in website-care
agreement (``slacalc.default_policy()``: support Mon-Fri 09:00-18:00 Europe/Copenhagen
with Danish holidays; critical 15 min / 2 h around the clock, high 1 h / 8 h, medium
4 h, low 2 business days), with two per-ticket penalties added. In 2026 the customer
opens a few hundred tickets, some out of hours, some of which wait on the customer,
change severity or are reopened; a few miss their targets. The site has short outages
most months, two bad months, overlapping incidents, one across a month's end, and a
monthly maintenance window.

Usage::

    python scripts/make_datasets.py           # rewrite the files
    python scripts/make_datasets.py --check   # exit 1 if the files differ from the output
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from slacalc.calendar import BusinessCalendar
from slacalc.policy import DEFAULT_POLICY_DATA, SLAPolicy

SEED = 2026
YEAR = 2026
TZ = ZoneInfo("Europe/Copenhagen")
FIRST_ID = 4401
TICKETS = 380
STORY_ID = 4711  # "why did ticket 4711 breach?"
OUT = Path(__file__).resolve().parents[1] / "src" / "slacalc" / "datasets"

SEVERITIES = (("critical", 0.06), ("high", 0.22), ("medium", 0.42), ("low", 0.30))
MINUTE = dt.timedelta(minutes=1)

PENALTIES: list[dict[str, str]] = [
    # A late critical resolution costs 2 % of the monthly fee plus 1 % per started hour
    # late, a late high response 1 %; each at most 10 % / 5 % of the fee per month.
    {
        "severity": "critical",
        "metric": "resolution",
        "credit": "2%",
        "per_late": "1%",
        "late_unit": "1h",
        "cap": "10%",
    },
    {"severity": "high", "metric": "response", "credit": "1%", "cap": "5%"},
]

INCIDENT_LABELS = (
    "Web server not responding",
    "Database connection pool exhausted",
    "TLS certificate chain error",
    "CDN edge errors (HTTP 503)",
    "Checkout returns HTTP 500",
    "DNS resolution failures",
    "Hosting provider network incident",
    "Search backend timeouts",
    "Slow pages after plugin update",
    "Image uploads failing",
)


def _policy() -> SLAPolicy:
    data: dict[str, Any] = {**DEFAULT_POLICY_DATA}
    data["name"] = "Website care agreement (example agency, 2026)"
    data["uptime"] = {
        **DEFAULT_POLICY_DATA["uptime"],
        "ticket_penalties": PENALTIES,
        # The agency patches on Tuesday nights (the maintenance log's first-Tuesday
        # windows); the emergency upgrade in May lies outside the window on purpose.
        "maintenance": {
            **DEFAULT_POLICY_DATA["uptime"]["maintenance"],
            "window": "Tue 02:00-02:30",
        },
    }
    return SLAPolicy.from_dict(data)


def _iso(t: dt.datetime) -> str:
    return t.astimezone(TZ).isoformat()


def _seconds(t: dt.datetime) -> dt.datetime:
    return t.replace(microsecond=0)


def _csv(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


# -- tickets ----------------------------------------------------------------------------


def _random_instant(rng: random.Random, start: dt.datetime, end: dt.datetime) -> dt.datetime:
    minutes = int((end - start) / MINUTE)
    return start + rng.randrange(minutes) * MINUTE


def _arrival(rng: random.Random, support: BusinessCalendar) -> dt.datetime:
    start = dt.datetime(YEAR, 1, 2, tzinfo=TZ)
    end = dt.datetime(YEAR, 12, 12, tzinfo=TZ)
    t = _random_instant(rng, start, end)
    if rng.random() < 0.70:  # most requests come in during support hours
        while not support.is_open(t):
            t = _random_instant(rng, start, end)
    return t


def _pick(rng: random.Random, table: tuple[tuple[str, float], ...]) -> str:
    x = rng.random()
    for name, weight in table:
        x -= weight
        if x < 0:
            return name
    return table[-1][0]


def _business(target: dt.timedelta, share: float) -> dt.timedelta:
    return dt.timedelta(seconds=int(target.total_seconds() * share))


Event = tuple[str, dt.datetime] | tuple[str, dt.datetime, str]


def _story(policy: SLAPolicy, near: dt.datetime) -> list[Event]:
    """Ticket 4711: a high ticket sent on a Friday evening that breaches on Wednesday."""
    support = policy.calendar()
    friday = near.date() - dt.timedelta(days=(near.weekday() - 4) % 7)
    while any(support.is_holiday(friday + dt.timedelta(days=d)) for d in range(6)):
        friday -= dt.timedelta(days=7)

    def on(days: int, hour: int, minute: int = 0) -> dt.datetime:
        day = friday + dt.timedelta(days=days)
        return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)

    return [
        ("opened", on(0, 17, 40), "high"),  # 20 min of support time left on Friday
        ("responded", on(3, 9, 35)),  # Monday: 55 min of the 1 h used, met
        ("paused", on(3, 11, 0)),  # waiting on the customer: 2 h 20 min used
        ("customer_replied", on(4, 14, 0)),
        ("resumed", on(4, 14, 0)),  # Tuesday 14-18: 6 h 20 min used
        ("resolved", on(5, 15, 30)),  # 8 h ran out Wednesday 10:40: breached
        ("closed", on(8, 15, 30)),
    ]


def _ticket(rng: random.Random, policy: SLAPolicy, opened: dt.datetime) -> list[Event]:
    rules = policy.clock_rules()
    severity = _pick(rng, SEVERITIES)
    spec = rules.severity(severity)
    cal = spec.calendar
    events: list[Event] = [("opened", opened, severity)]
    target = spec.target_us("response", opened)
    assert target is not None
    response_target = dt.timedelta(microseconds=target)

    # A few tickets are re-graded soon after they arrive, before the first response.
    if rng.random() < 0.04:
        order = [name for name, _ in SEVERITIES]
        i = order.index(severity)
        new = order[i - 1] if i > 0 and rng.random() < 0.6 else order[min(i + 1, 3)]
        if new != severity:
            change = _seconds(cal.add(opened, _business(response_target, 0.2)))
            events.append(("severity_changed", change, new))
            severity, spec = new, rules.severity(new)
            cal = spec.calendar
            target = spec.target_us("response", opened)
            assert target is not None
            response_target = dt.timedelta(microseconds=target)

    late = rng.random() < 0.05
    share = rng.uniform(1.05, 2.5) if late else rng.uniform(0.05, 0.9)
    responded = _seconds(cal.add(opened, _business(response_target, share)))
    responded = max(responded, events[-1][1])
    events.append(("responded", responded))

    # The business time the ticket takes to resolve, paused spells excluded.
    resolution = spec.target("resolution")
    if isinstance(resolution, dt.timedelta):
        late = rng.random() < 0.06
        work = _business(resolution, rng.uniform(1.05, 1.8) if late else rng.uniform(0.3, 0.95))
    elif severity == "medium":
        work = dt.timedelta(minutes=rng.randrange(120, 40 * 60))
    else:
        work = dt.timedelta(minutes=rng.randrange(60, 60 * 60))
    used = cal.elapsed(opened, responded)
    cursor = responded

    if rng.random() < 0.25 and work - used > dt.timedelta(minutes=30):
        # Waiting on the customer for a while, after part of the work.
        paused = _seconds(cal.add(cursor, _business(work - used, rng.uniform(0.1, 0.6))))
        used += cal.elapsed(cursor, paused)
        resumed = paused + dt.timedelta(minutes=rng.randrange(60, 4 * 24 * 60))
        events.append(("paused", paused))
        if rng.random() < 0.85:
            events.append(("customer_replied", resumed))
        events.append(("resumed", resumed))
        cursor = resumed

    resolved = _seconds(cal.add(cursor, max(work - used, dt.timedelta(minutes=5))))
    events.append(("resolved", resolved))

    if rng.random() < 0.04:  # the fix did not hold
        reopened = resolved + dt.timedelta(minutes=rng.randrange(6 * 60, 5 * 24 * 60))
        events.append(("reopened", reopened))
        again = dt.timedelta(minutes=rng.randrange(30, 4 * 60))
        resolved = _seconds(cal.add(reopened, again))
        events.append(("resolved", resolved))

    closed = resolved + dt.timedelta(days=3)
    if rng.random() < 0.6 and closed.year == YEAR:
        events.append(("closed", closed))
    return events


def tickets_csv(rng: random.Random, policy: SLAPolicy) -> str:
    support = policy.calendar()
    arrivals = sorted(_arrival(rng, support) for _ in range(TICKETS))
    rows: list[list[str]] = []
    for number, opened in enumerate(arrivals):
        ticket_id = FIRST_ID + number
        if ticket_id == STORY_ID:
            events = _story(policy, opened)
            _ticket(rng, policy, opened)  # keep the random stream as it would be
        else:
            events = _ticket(rng, policy, opened)
        for event in events:
            severity = event[2] if len(event) == 3 else ""
            rows.append([str(ticket_id), event[0], _iso(event[1]), severity])
    return _csv(["ticket_id", "kind", "at", "severity"], rows)


# -- incidents and maintenance -------------------------------------------------------------


def _first_tuesday(month: int) -> dt.date:
    day = dt.date(YEAR, month, 1)
    return day + dt.timedelta(days=(1 - day.weekday()) % 7)


def maintenance_rows() -> list[tuple[dt.datetime, dt.datetime, str]]:
    rows = []
    for month in range(1, 13):
        day = _first_tuesday(month)
        start = dt.datetime(day.year, day.month, day.day, 2, 0, tzinfo=TZ)
        rows.append((start, start + 30 * MINUTE, "Monthly patch window"))
    emergency = dt.datetime(YEAR, 5, 19, 22, 0, tzinfo=TZ)
    rows.append((emergency, emergency + 45 * MINUTE, "Emergency database upgrade"))
    rows.sort()
    return rows


def incident_rows(rng: random.Random) -> list[tuple[dt.datetime, dt.datetime, str, str]]:
    rows: list[tuple[dt.datetime, dt.datetime, str, str]] = []
    for month in range(1, 13):
        first = dt.datetime(YEAR, month, 1, tzinfo=TZ)
        last = dt.datetime(YEAR + (month == 12), month % 12 + 1, 1, tzinfo=TZ)
        for _ in range(rng.randrange(1, 4)):
            start = _random_instant(rng, first, last - dt.timedelta(hours=2))
            minutes = rng.randrange(1, 13)
            severity = _pick(rng, (("full", 0.6), ("partial", 0.3), ("degraded", 0.1)))
            label = INCIDENT_LABELS[rng.randrange(len(INCIDENT_LABELS))]
            rows.append(
                (start, start + minutes * MINUTE + rng.randrange(60) * MINUTE / 60, severity, label)
            )

    def at(month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime(YEAR, month, day, hour, minute, tzinfo=TZ)

    # March: a long outage and a partial one overlapping it; the month misses 99.9 %.
    rows.append((at(3, 17, 10, 5), at(3, 17, 10, 57), "full", "Hosting provider network incident"))
    rows.append((at(3, 17, 10, 40), at(3, 17, 11, 30), "partial", "Checkout returns HTTP 500"))
    # May: an outage that begins inside the emergency maintenance window.
    rows.append((at(5, 19, 22, 30), at(5, 19, 23, 5), "full", "Database connection pool exhausted"))
    # June into July: an outage across midnight at the month's end, split between the two.
    rows.append((at(6, 30, 23, 50), at(7, 1, 0, 20), "full", "Web server not responding"))
    # September: a long outage on a Sunday night; the month falls below 99.5 %.
    rows.append((at(9, 13, 1, 20), at(9, 13, 5, 30), "full", "Hosting provider network incident"))
    # November: a degraded spell overlapping a short full outage (only the outage counts).
    rows.append((at(11, 4, 14, 0), at(11, 4, 15, 30), "degraded", "Slow pages after plugin update"))
    rows.append((at(11, 4, 14, 20), at(11, 4, 14, 31), "full", "Web server not responding"))
    rows.sort()
    return rows


def incidents_csv(rng: random.Random) -> str:
    out = []
    for number, (start, end, severity, label) in enumerate(incident_rows(rng), start=1):
        out.append([f"INC-{YEAR}-{number:03d}", _iso(start), _iso(_seconds(end)), severity, label])
    return _csv(["incident_id", "start", "end", "severity", "label"], out)


def maintenance_csv() -> str:
    rows = [[_iso(a), _iso(b), label] for a, b, label in maintenance_rows()]
    return _csv(["start", "end", "label"], rows)


# -- all files ------------------------------------------------------------------------------


def build() -> dict[str, str]:
    """Every shipped file's text, by file name (the same on every run)."""
    policy = _policy()
    rng = random.Random(SEED)
    header = (
        "# The example agency's SLA: slacalc's built-in website-care agreement with two\n"
        "# per-ticket penalties. Generated by scripts/make_datasets.py; do not edit.\n"
    )
    builders: dict[str, Callable[[], str]] = {
        "tickets.csv": lambda: tickets_csv(rng, policy),
        "incidents.csv": lambda: incidents_csv(rng),
        "maintenance.csv": maintenance_csv,
        "policy.toml": lambda: header + policy.to_toml(),
    }
    return {name: make() for name, make in builders.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    files = build()
    stale = []
    for name, text in files.items():
        path = OUT / name
        data = text.encode("utf-8")
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(name)
        else:
            path.write_bytes(data)
            print(f"wrote {path} ({len(data):,} bytes)")
    if stale:
        print(f"out of date: {', '.join(stale)}; run python scripts/make_datasets.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
