"""Every reader, every kind of bad input: a file of the wrong format, a missing column or
field, a status the map does not know, an unparseable timestamp, an empty file.

Each case is the reader's own fixture with one thing broken. With ``errors="raise"`` the
error names the file, the line (CSV) or record (JSON), the value and the fix; with
``errors="collect"`` a problem in one row is a row of the rejected table and the rest
is read and analysed. A problem with the whole file (the wrong format, a missing CSV
column, an empty file) has no row to set aside: it raises with either setting.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from slacalc.errors import (
    InvalidDateError,
    MissingColumnError,
    SlacalcError,
    SourceFormatError,
    UnknownStatusError,
)
from slacalc.policy import SLAPolicy, default_policy
from slacalc.reports import analyze_tickets
from slacalc.sources import (
    read_erpnext,
    read_frappe_helpdesk,
    read_freshdesk_activities,
    read_freshdesk_csv,
    read_jira,
    read_jira_csv,
    read_long,
    read_wide,
    read_zendesk_audits,
    read_zendesk_csv,
    read_zendesk_metric_events,
)
from tests.sources.conftest import FIXTURES, fixture, policy

ZENDESK = policy("zendesk", dict.fromkeys(("urgent", "high", "normal", "low"), ("1h", "8h")))
JSM = policy("jira_service_management", dict.fromkeys(("highest", "high", "medium"), ("1h", "8h")))
FRESHDESK = policy(None, {"urgent": ("1h", "4h"), "medium": ("3h", "24h")}, tz="Asia/Kolkata")
FRAPPE = policy("frappe_helpdesk", {"high": ("1h", "8h")}, tz="Asia/Kolkata")
ERPNEXT = policy("erpnext", {"medium": ("4h", "24h")}, tz="Asia/Kolkata")
DANISH = {"Høj": "high", "Kritisk": "critical"}
WIDE = {
    "ticket_id": "Sag",
    "created": "Oprettet",
    "priority": "Prioritet",
    "first_reply": "Første svar",
    "resolved": "Løst",
}

Reader = Callable[..., Any]


@dataclass(frozen=True)
class Break:
    """One thing broken in a fixture: ``old`` replaced by ``new`` (once), and where."""

    old: str
    new: str
    where: str  # "line 5" or "record 3", as the message says it
    value: object = None  # the value the message and the rejected row show
    options: dict[str, Any] = field(default_factory=dict)  # e.g. status_map=
    file: str | None = None  # the file the bad row is in, when not the main one


@dataclass(frozen=True)
class Case:
    """A reader on its fixture, and how each kind of bad input is made of that fixture."""

    read: Reader  # (path, **options) -> events
    fixture: str
    policy: SLAPolicy
    wrong: str  # another vendor's export of the same kind
    missing: Break  # a required column (CSV) or documented field (JSON) gone
    timestamp: Break
    status: Break | str  # or why the export has no status to map


PRESET_STATUSES = {
    "zendesk": ("new", "open", "pending", "hold", "solved", "closed"),
    "jira": ("waiting_for_support", "waiting_for_customer", "resolved"),
    "frappe": ("open", "replied", "resolved", "closed"),
    "erpnext": ("open", "replied", "on_hold", "resolved", "closed"),
}
NO_HISTORY = "one row per ticket, without a status history: there is no status to map"


def _known(product: str) -> dict[str, Any]:
    """``status_map=`` that knows the product's statuses (as the readers name them)."""
    return {"status_map": {s: s for s in PRESET_STATUSES[product]}}


CASES: dict[str, Case] = {
    "long": Case(
        lambda p, **o: read_long(p, **o),
        "generic_long.csv",
        default_policy(),
        "jira_issues.csv",
        Break("ticket_id,at,", "ticket_id,when,", "", "at"),
        Break("2026-03-02T13:00:00+01:00", "13 o'clock", "line 5", "13 o'clock"),
        Break(
            ",open,",
            ",Blocked,",
            "line 5",
            "Blocked",
            {"status_map": {"waiting": "waiting", "open": "open"}},
        ),
    ),
    "wide": Case(
        lambda p, **o: read_wide(p, columns=WIDE, severity_map=DANISH, tz="Europe/Copenhagen", **o),
        "generic_wide_semicolon.csv",
        default_policy(),
        "jira_issues.csv",
        Break("Oprettet", "Oprettelse", "", "Oprettet"),
        Break("2026-03-02 09:40", "kl. 9.40", "line 2", "kl. 9.40"),
        NO_HISTORY + " (status_columns= name statuses as options, not as values)",
    ),
    "zendesk_metric_events": Case(
        lambda p, **o: read_zendesk_metric_events(
            [p, fixture("zendesk_metric_events_2.json")], priorities="urgent", **o
        ),
        "zendesk_metric_events_1.json",
        ZENDESK,
        "jira_search.json",
        Break(
            '"metric": "reply_time", "instance_id": 1, "type": "fulfill"',
            '"instance_id": 1, "type": "fulfill"',
            "record 10",
        ),
        Break(
            '"time": "2015-08-27T08:30:00Z"',
            '"time": "27/08/2015 08:30"',
            "record 5",
            "27/08/2015 08:30",
        ),
        # no status is written in metric events: the accumulators say it (pending here)
        Break(
            "",
            "",
            "record 1",
            "pending",
            {"status_map": {"new": "open", "open": "open", "solved": "resolved"}},
            file="zendesk_metric_events_2.json",
        ),
    ),
    "zendesk_audits": Case(
        lambda p, **o: read_zendesk_audits(p, **o),
        "zendesk_audits.json",
        ZENDESK,
        "jira_search.json",
        Break(
            '"ticket_id": 35436, "created_at": "2026-03-02T10:30:00Z"',
            '"created_at": "2026-03-02T10:30:00Z"',
            "record 3",
        ),
        Break(
            '"created_at": "2026-03-02T10:30:00Z"',
            '"created_at": "half past ten"',
            "record 3",
            "half past ten",
        ),
        Break('"value": "pending"', '"value": "blocked"', "record 2", "blocked", _known("zendesk")),
    ),
    "zendesk_csv": Case(
        lambda p, **o: read_zendesk_csv(p, tz="Europe/Copenhagen", **o),
        "zendesk_tickets.csv",
        ZENDESK,
        "jira_issues.csv",
        Break("Created at", "Opened at", "", "Created at"),
        Break("2026-03-02 11:30:00", "11.30", "line 3", "11.30"),
        NO_HISTORY,
    ),
    "jira": Case(
        lambda p, **o: read_jira(p, **o),
        "jira_search.json",
        JSM,
        "zendesk_metric_events_1.json",
        Break(
            '"created": "2026-03-02T09:00:00.000+0100",',
            '"opened": "2026-03-02T09:00:00.000+0100",',
            "record 1",
        ),
        Break(
            '"created": "2026-03-02T12:30:00.000+0100"',
            '"created": "yesterday"',
            "record 1",
            "yesterday",
        ),
        Break(
            '"toString": "Waiting for customer"',
            '"toString": "Blocked"',
            "record 1",
            "Blocked",
            _known("jira"),
        ),
    ),
    "jira_csv": Case(
        lambda p, **o: read_jira_csv(p, tz="Europe/Copenhagen", **o),
        "jira_issues.csv",
        JSM,
        "zendesk_tickets.csv",
        Break("Created", "Opened", "", "Created"),
        Break(
            "02/Mar/26 2:30 PM,02/Mar/26 2:30 PM",
            "02/Mar/26 2:30 PM,in the afternoon",
            "line 2",
            "in the afternoon",
        ),
        NO_HISTORY,
    ),
    "freshdesk_csv": Case(
        lambda p, **o: read_freshdesk_csv(p, tz="Asia/Kolkata", **o),
        "freshdesk_tickets.csv",
        FRESHDESK,
        "jira_issues.csv",
        Break("Created time", "Opened time", "", "Created time"),
        Break("2026-03-02 09:20:00", "20 past 9", "line 2", "20 past 9"),
        NO_HISTORY,
    ),
    "freshdesk_activities": Case(
        lambda p, **o: read_freshdesk_activities(p, **o),
        "freshdesk_activities.json",
        FRESHDESK,
        "jira_search.json",
        Break(
            '"ticket_id": 1, "performed_at": "2026-03-02T10:20:00Z"',
            '"performed_at": "2026-03-02T10:20:00Z"',
            "record 3",
        ),
        Break(
            '"performed_at": "2026-03-02T10:20:00Z"',
            '"performed_at": "10:20 UTC"',
            "record 3",
            "10:20 UTC",
        ),
        Break(
            '"status": "Pending"',
            '"status": "Blocked"',
            "record 2",
            "Blocked",
            {"status_map": {"Open": "open", "Pending": "waiting", "Resolved": "resolved"}},
        ),
    ),
    "frappe_helpdesk": Case(
        lambda p, **o: read_frappe_helpdesk(
            p, fixture("frappe_versions.json"), tz="Asia/Kolkata", **o
        ),
        "frappe_hd_tickets.json",
        FRAPPE,
        "jira_search.json",
        Break('"name": "101", ', "", "record 1"),
        Break(
            '"first_responded_on": "2026-03-02 09:30:00.000000"',
            '"first_responded_on": "half past nine"',
            "record 1",
            "half past nine",
        ),
        Break(
            '\\"Replied\\", \\"Open\\"',
            '\\"Replied\\", \\"Blocked\\"',
            "record 1",
            "Blocked",
            _known("frappe"),
            file="frappe_versions.json",
        ),
    ),
    "frappe_helpdesk_versions": Case(
        lambda p, **o: read_frappe_helpdesk(
            fixture("frappe_hd_tickets.json"), p, tz="Asia/Kolkata", **o
        ),
        "frappe_versions.json",
        FRAPPE,
        "jira_search.json",
        Break(
            '"docname": "101", "creation": "2026-03-02 11:30:00.000000",',
            '"creation": "2026-03-02 11:30:00.000000",',
            "record 2",
        ),
        Break(
            '"creation": "2026-03-02 11:30:00.000000"', '"creation": "11.30"', "record 2", "11.30"
        ),
        "its statuses are read with the tickets (the case above)",
    ),
    "erpnext": Case(
        lambda p, **o: read_erpnext(p, fixture("erpnext_versions.json"), tz="Asia/Kolkata", **o),
        "erpnext_issues.json",
        ERPNEXT,
        "jira_search.json",
        Break('"name": "ISS-2026-00007", ', "", "record 1"),
        Break(
            '"first_responded_on": "2026-03-02 11:00:00"',
            '"first_responded_on": "eleven"',
            "record 1",
            "eleven",
        ),
        Break(
            '\\"Replied\\", \\"On Hold\\"',
            '\\"Replied\\", \\"Parked\\"',
            "record 1",
            "Parked",
            _known("erpnext"),
            file="erpnext_versions.json",
        ),
    ),
    "erpnext_versions": Case(
        lambda p, **o: read_erpnext(fixture("erpnext_issues.json"), p, tz="Asia/Kolkata", **o),
        "erpnext_versions.json",
        ERPNEXT,
        "jira_search.json",
        Break(
            '"docname": "ISS-2026-00007", "creation": "2026-03-02 14:00:00",',
            '"creation": "2026-03-02 14:00:00",',
            "record 2",
        ),
        Break('"creation": "2026-03-02 14:00:00"', '"creation": "2pm"', "record 2", "2pm"),
        "its statuses are read with the issues (the case above)",
    ),
}
IDS = list(CASES)
#: The fix each kind of error names: what to pass or write instead.
FIXES = {
    InvalidDateError: "write ISO 8601",
    UnknownStatusError: "add it, e.g. status_map=",
    MissingColumnError: "Map your column with columns=",
}


def _broken(tmp_path: Path, name: str, change: Break) -> str:
    """A copy of fixture ``name`` with ``change`` made, as a path."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    assert change.old in text, f"{change.old!r} is not in {name}"
    path = tmp_path / name
    path.write_text(text.replace(change.old, change.new, 1), encoding="utf-8")
    return str(path)


def _says(message: str, *parts: str) -> None:
    """``message`` has every part, in order."""
    assert re.search(".*".join(map(re.escape, parts)), message), (parts, message)


def _rest_is_read(case: Case, events: Any) -> None:
    """All tickets but (at most) the one with the bad row are read, and analysed."""
    clean = case.read(fixture(case.fixture))
    assert len(set(clean["ticket_id"]) - set(events["ticket_id"])) <= 1
    assert len(events) <= len(clean)
    if len(events):
        assert analyze_tickets(events, case.policy).rows


def _collected(case: Case, path: str, change: Break) -> tuple[Any, Any]:
    """The reader with ``errors="collect"``: the events (analysed) and the one rejected row."""
    events, rejected = case.read(path, errors="collect", **change.options)
    assert len(rejected) == 1, rejected
    _rest_is_read(case, events)
    row = rejected.iloc[0].to_dict()
    _says(row["reason"], repr(path), change.where)
    kind, number = change.where.split()
    assert row[kind] == int(number)
    assert row["file"] == path
    return events, row


@pytest.mark.parametrize("name", IDS)
def test_a_file_of_the_wrong_format(name: str) -> None:
    case = CASES[name]
    wrong = fixture(case.wrong)
    for errors in ("raise", "collect"):
        with pytest.raises((SourceFormatError, MissingColumnError)) as caught:
            case.read(wrong, errors=errors)
        _says(str(caught.value), repr(wrong))
        assert re.search(r"is not (a|an|JSON) |has no column .*; is it ", str(caught.value))


@pytest.mark.parametrize("name", IDS)
def test_a_missing_column_or_field(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    path = _broken(tmp_path, case.fixture, case.missing)
    with pytest.raises((MissingColumnError, SourceFormatError)) as caught:
        case.read(path)
    message = str(caught.value)
    if isinstance(caught.value, MissingColumnError):  # a CSV column: the whole file
        assert caught.value.column == case.missing.value
        column = f"has no column {case.missing.value!r}"
        _says(message, repr(path), column, FIXES[MissingColumnError])
        with pytest.raises(MissingColumnError):
            case.read(path, errors="collect")
    else:  # a JSON record's field: that record
        _says(message, repr(path), case.missing.where, "has no", "; ")
        _, row = _collected(case, path, case.missing)
        assert row["value"] is not None  # the record as it was, or its key


@pytest.mark.parametrize("name", IDS)
def test_an_unparseable_timestamp(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    change = case.timestamp
    path = _broken(tmp_path, case.fixture, change)
    with pytest.raises(InvalidDateError) as caught:
        case.read(path)
    _says(str(caught.value), repr(path), change.where, repr(change.value), FIXES[InvalidDateError])
    _, row = _collected(case, path, change)
    assert row["value"] == change.value


@pytest.mark.parametrize("name", IDS)
def test_a_status_the_map_does_not_know(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    change = case.status
    if isinstance(change, str):
        pytest.skip(change)
    read, source, versions = case.read, fixture(case.fixture), None
    if change.file and change.old:  # the status is in the Versions beside the tickets
        versions = _broken(tmp_path, change.file, change)
        read = _with_versions(case, versions)
    elif change.old:
        source = _broken(tmp_path, case.fixture, change)
    named = fixture(change.file) if change.file and not change.old else source
    with pytest.raises(UnknownStatusError) as caught:
        read(source, **change.options)
    message = str(caught.value)
    _says(message, repr(named), change.where, repr(change.value), FIXES[UnknownStatusError])
    if versions is not None:
        _says(message, repr(versions), "record")  # the Version the status is in, too
    events, rejected = read(source, errors="collect", **change.options)
    assert len(rejected) >= 1  # a row for each time the ticket enters the status
    assert set(rejected["value"]) == {change.value}
    _says(rejected["reason"].iloc[0], repr(named), change.where)
    if change.old:
        _rest_is_read(case, events)


def _with_versions(case: Case, versions: str | None) -> Reader:
    """The Frappe reader of ``case`` with its Versions read from ``versions``."""
    reader = read_frappe_helpdesk if case.fixture.startswith("frappe") else read_erpnext
    return lambda p, **o: reader(p, versions, tz="Asia/Kolkata", **o)


@pytest.mark.parametrize("name", IDS)
@pytest.mark.parametrize("text", ["", " \n"], ids=["empty", "blank"])
def test_an_empty_file(tmp_path: Path, name: str, text: str) -> None:
    case = CASES[name]
    path = tmp_path / case.fixture
    path.write_text(text, encoding="utf-8")
    for errors in ("raise", "collect"):
        with pytest.raises(SourceFormatError, match=r"is empty; export .* again") as caught:
            case.read(str(path), errors=errors)
        _says(str(caught.value), repr(str(path)))


def test_every_error_here_is_a_slacalc_error_and_a_builtin() -> None:
    for kind in (InvalidDateError, UnknownStatusError, MissingColumnError, SourceFormatError):
        assert issubclass(kind, SlacalcError)
        assert issubclass(kind, (ValueError, KeyError, LookupError))
