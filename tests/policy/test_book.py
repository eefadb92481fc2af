"""Policy histories ("as it was") and policy books (an agreement per customer)."""

from __future__ import annotations

import datetime as dt
import pathlib
import pickle
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from slacalc.errors import InvalidDateError, InvalidOptionError, PolicyValidationError
from slacalc.policy import BookEntry, PolicyBook, PolicyHistory, SLAPolicy, default_policy
from slacalc.reports import analyze_tickets

CPH = ZoneInfo("Europe/Copenhagen")
OLD = default_policy()


def _with(**severity_changes: str) -> dict[str, Any]:
    """The default policy's data with the high severity changed."""
    data = OLD.to_dict()
    data["severities"][1].update(severity_changes)
    return data


NEW = SLAPolicy.from_dict(_with(response="30m"))
HISTORY = PolicyHistory([(None, OLD), (dt.date(2027, 1, 1), NEW)])


def _ticket(opened: dt.datetime, **fields: object) -> list[dict[str, Any]]:
    event: dict[str, Any] = {"kind": "opened", "at": opened, "severity": "high"}
    if fields:
        event["fields"] = fields
    return [event]


def test_a_ticket_is_replayed_against_the_version_in_force_when_it_opened() -> None:
    before = dt.datetime(2026, 12, 31, 23, 59, 59, 999999, tzinfo=CPH)
    on_the_day = dt.datetime(2027, 1, 1, 0, 0, tzinfo=CPH)
    later = dt.datetime(2027, 1, 5, 12, tzinfo=CPH)
    assert HISTORY.evaluate(_ticket(before), at=later).response.target == dt.timedelta(hours=1)
    assert HISTORY.evaluate(_ticket(on_the_day), at=later).response.target == dt.timedelta(
        minutes=30
    )
    as_it_is = HISTORY.evaluate(_ticket(before), at=later, replay="as_it_is")
    assert as_it_is.response.target == dt.timedelta(minutes=30)
    # The first day starts at local midnight of the support calendar: 23:00 UTC.
    assert HISTORY.policy_at(dt.datetime(2026, 12, 31, 23, tzinfo=dt.UTC)) is NEW
    assert HISTORY.policy_at(dt.datetime(2026, 12, 31, 22, 59, tzinfo=dt.UTC)) is OLD
    assert HISTORY.current is NEW


@pytest.mark.parametrize(
    ("versions", "error", "message"),
    [
        ([], InvalidOptionError, "needs at least one version"),
        ([(None, OLD), ("2027-13-01", NEW)], InvalidDateError, "'2027-13-01' is not a date"),
        ([(None, OLD), (dt.datetime(2027, 1, 1), NEW)], InvalidDateError, "is not a date"),
        (
            [("2027-01-01", OLD), ("2026-01-01", NEW)],
            InvalidDateError,
            r"starts on 2026-01-01, not after the version before it \(2027-01-01\)",
        ),
        ([("2027-01-01", OLD), ("2027-01-01", NEW)], InvalidDateError, "not after"),
        ([("2027-01-01", OLD), (None, NEW)], InvalidDateError, "has no first day"),
        ([OLD], InvalidOptionError, r"versions\[0\] is"),
        ([(None, "sla.toml")], InvalidOptionError, "is not a policy"),
    ],
)
def test_bad_histories(versions: list[Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        PolicyHistory(versions)


def test_bad_replay_mode() -> None:
    with pytest.raises(InvalidOptionError, match="replay='as_of_now'"):
        PolicyHistory([(None, OLD)], replay="as_of_now")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match="replay='x'"):
        HISTORY.policy_for(_ticket(dt.datetime(2027, 1, 2, tzinfo=CPH)), replay="x")  # type: ignore[arg-type]


def test_a_history_file_with_policy_files_beside_it(tmp_path: pathlib.Path) -> None:
    (tmp_path / "old.toml").write_text(OLD.to_toml(), encoding="utf-8")
    (tmp_path / "new.toml").write_text(NEW.to_toml(), encoding="utf-8")
    path = tmp_path / "history.toml"
    path.write_text(
        'replay = "as_it_is"\n'
        '[[versions]]\npolicy = { file = "old.toml" }\n'
        '[[versions]]\nfrom = 2027-01-01\npolicy = { file = "new.toml" }\n',
        encoding="utf-8",
    )
    history = PolicyHistory.from_file(path)
    assert history.replay == "as_it_is"
    assert [v.effective_from for v in history.versions] == [None, dt.date(2027, 1, 1)]
    assert history.current == NEW


def test_history_data_errors_name_their_path() -> None:
    bad = _with(response="soon")
    with pytest.raises(PolicyValidationError, match=r"versions\[1\]\.policy\.severities\[1\]"):
        PolicyHistory.from_dict(
            {"versions": [{"policy": OLD.to_dict()}, {"from": "2027-01-01", "policy": bad}]}
        )
    with pytest.raises(PolicyValidationError, match=r"versions\[0\]: give a table"):
        PolicyHistory.from_dict({"versions": [{"from": "2027-01-01"}]})
    with pytest.raises(PolicyValidationError, match="versions: give a list"):
        PolicyHistory.from_dict({"versions": "old.toml"})


# -- the book ------------------------------------------------------------------------------

PREMIUM = SLAPolicy.from_dict(_with(response="15m"))
BOOK = PolicyBook(
    [
        BookEntry({"customer": "acme"}, PREMIUM, tz="America/New_York", name="acme"),
        BookEntry({"country": ["SE", "NO"], "tags": "vip"}, PREMIUM, lang="da", name="nordic"),
        BookEntry({"customer": "history"}, HISTORY, name="with history"),
    ],
    default=OLD,
)


@pytest.mark.parametrize(
    ("attributes", "entry"),
    [
        ({"customer": "acme"}, "acme"),
        ({"customer": "acme", "country": "SE", "tags": ["vip"]}, "acme"),  # first match wins
        ({"country": "SE", "tags": ["new", "vip"]}, "nordic"),
        ({"country": "SE", "tags": ["new"]}, None),
        ({"country": "DK", "tags": ["vip"]}, None),
        ({}, None),
    ],
)
def test_first_match_wins(attributes: dict[str, object], entry: str | None) -> None:
    found = BOOK.entry_for(attributes)
    assert (found.name if found else None) == entry


def test_a_ticket_gets_its_customers_agreement() -> None:
    t = dt.datetime(2026, 3, 2, 10, tzinfo=CPH)
    at = t + dt.timedelta(hours=2)
    assert BOOK.evaluate(_ticket(t, customer="acme"), at=at).response.target == dt.timedelta(
        minutes=15
    )
    assert BOOK.evaluate(_ticket(t), at=at).response.target == dt.timedelta(hours=1)
    given = BOOK.evaluate(_ticket(t), at=at, attributes={"customer": "acme"})
    assert given.response.target == dt.timedelta(minutes=15)
    # a history inside a book: the version in force when the ticket opened
    opened_2027 = dt.datetime(2027, 3, 1, 10, tzinfo=CPH)
    status = BOOK.evaluate(_ticket(opened_2027, customer="history"), at=opened_2027)
    assert status.response.target == dt.timedelta(minutes=30)


def test_the_reply_is_in_the_customers_zone_and_language() -> None:
    friday_night = dt.datetime(2026, 11, 27, 23, 10, tzinfo=CPH)
    reply = BOOK.acknowledge("high", friday_night, {"customer": "acme"})
    # Friday 23:10 in Copenhagen is 17:10 in New York; premium high is 15 min from
    # Monday 09:00 Copenhagen = 03:15 New York.
    assert reply.respond_by == dt.datetime(2026, 11, 30, 3, 15, tzinfo=ZoneInfo("America/New_York"))
    assert "Friday 27 November at 17:10 (New York time)" in reply.text
    assert "Monday–Friday 09:00–18:00 (Copenhagen time)" in reply.text
    danish = BOOK.acknowledge("high", friday_night, {"country": "SE", "tags": ["vip"]})
    assert danish.locale == "da"
    assert danish.text.startswith("Vi har modtaget din henvendelse fredag den 27. november")
    assert BOOK.acknowledge("high", friday_night, {}, locale="da").locale == "da"


def test_analyze_tickets_with_a_book_replays_each_ticket_with_its_agreement() -> None:
    t = dt.datetime(2026, 3, 2, 10, tzinfo=CPH)
    rows = [
        {
            "ticket_id": 1,
            "kind": "opened",
            "at": t,
            "severity": "high",
            "fields": {"customer": "acme"},
        },
        {"ticket_id": 2, "kind": "opened", "at": t, "severity": "high"},
    ]
    report = analyze_tickets(rows, BOOK, at=t + dt.timedelta(minutes=20))
    assert report.ticket(1).status.response.breached
    assert not report.ticket(2).status.response.breached
    assert report.ticket(1).rules == PREMIUM.clock_rules()
    parallel = analyze_tickets(rows, BOOK, at=t + dt.timedelta(minutes=20), workers=2)
    assert [o.status.cycles for o in parallel.tickets] == [o.status.cycles for o in report.tickets]
    assert pickle.loads(pickle.dumps(BOOK)) == BOOK


def test_book_data_and_files(tmp_path: pathlib.Path) -> None:
    (tmp_path / "premium.toml").write_text(PREMIUM.to_toml(), encoding="utf-8")
    path = tmp_path / "book.toml"
    path.write_text(
        '[default]\nfile = "premium.toml"\n'
        '[[entries]]\nname = "acme"\nmatch = { customer = "acme" }\ntz = "Asia/Tokyo"\n'
        'lang = "da"\npolicy = { file = "premium.toml" }\n',
        encoding="utf-8",
    )
    book = PolicyBook.from_file(path)
    assert book.default == PREMIUM
    entry = book.entry_for({"customer": "acme"})
    assert entry is not None
    assert (entry.name, entry.tz, entry.lang) == ("acme", ZoneInfo("Asia/Tokyo"), "da")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: PolicyBook([], None), "needs a default agreement"),
        (lambda: PolicyBook(["x"], OLD), r"entries\[0\] is 'x'"),  # type: ignore[list-item]
        (lambda: BookEntry({"": 1}, OLD), "not a mapping of attribute names"),
        (lambda: BookEntry({"customer": []}, OLD), "matches nothing"),
        (lambda: BookEntry({}, OLD, tz="Mars/Olympus"), "'Mars/Olympus' is not an IANA"),
        (lambda: BookEntry({}, OLD, tz=5), "is not a time zone"),  # type: ignore[arg-type]
        (lambda: BookEntry({}, OLD, lang="fr"), "fr"),  # type: ignore[arg-type]
        (lambda: BookEntry({}, "sla.toml"), "is not a policy"),  # type: ignore[arg-type]
    ],
)
def test_bad_books(call: Any, message: str) -> None:
    with pytest.raises(InvalidOptionError, match=message):
        call()


def test_book_data_errors() -> None:
    with pytest.raises(PolicyValidationError, match="default: a policy book needs a default"):
        PolicyBook.from_dict({"entries": []})
    with pytest.raises(PolicyValidationError, match=r"entries\[0\]: give a table"):
        PolicyBook.from_dict({"default": OLD.to_dict(), "entries": [{"match": {}}]})
    with pytest.raises(PolicyValidationError, match="entries: give a list"):
        PolicyBook.from_dict({"default": OLD.to_dict(), "entries": "acme"})


def test_a_policy_takes_the_customers_zone_by_name() -> None:
    friday_night = dt.datetime(2026, 11, 27, 23, 10, tzinfo=CPH)
    reply = OLD.acknowledge("high", friday_night, tz="Asia/Tokyo")
    assert reply.received_at.utcoffset() == dt.timedelta(hours=9)
    with pytest.raises(InvalidOptionError, match="'Nowhere' is not an IANA time zone"):
        OLD.acknowledge("high", friday_night, tz="Nowhere")


def test_books_and_histories_from_their_parts(tmp_path: pathlib.Path) -> None:
    # Versions given as PolicyVersion values; entries as data; a history inside a book
    # file; a policy file named by an absolute path.
    from slacalc.policy import PolicyVersion

    history = PolicyHistory([PolicyVersion(None, OLD)])  # type: ignore[list-item]
    assert history.current is OLD
    (tmp_path / "sla.toml").write_text(OLD.to_toml(), encoding="utf-8")
    absolute = str(tmp_path / "sla.toml")
    book = PolicyBook.from_dict(
        {
            "default": {"file": absolute},
            "entries": [
                {
                    "match": {"customer": "h"},
                    "policy": {"versions": [{"policy": {"file": absolute}}]},
                }
            ],
        }
    )
    entry = book.entry_for({"customer": "h"})
    assert entry is not None
    assert isinstance(entry.policy, PolicyHistory)
    built = PolicyBook([{"match": {"customer": "x"}, "policy": OLD}], OLD.to_dict())
    assert built.entries[0].name == "entries[0]"
    assert built.default == OLD
    with pytest.raises(InvalidOptionError, match="has no instant 'at'"):
        HISTORY.policy_for([{"kind": "opened"}])


def test_a_preset_keeps_a_policys_own_fields_and_metrics() -> None:
    data = OLD.to_dict()
    data.update(
        preset="servicenow",
        fields=["opened_at", "sys_id"],
        metrics=[{"name": "time_to_assign", "start_on": ["opened"], "stop_on": ["assigned"]}],
    )
    policy = SLAPolicy.from_dict(data)
    rules = policy.clock_rules()
    assert "time_to_assign" in rules.metric_names
    assert "sys_id" in rules.fields
    assert SLAPolicy.from_dict(policy.to_dict()) == policy


@pytest.mark.parametrize(
    "changes",
    [
        {"statuses": ["open"]},
        {"fields": "due_at"},
        {"metrics": {"name": "x"}},
    ],
)
def test_a_preset_leaves_keys_of_the_wrong_shape_to_validation(changes: dict[str, Any]) -> None:
    data = OLD.to_dict()
    data.update(preset="zendesk", **changes)
    with pytest.raises(PolicyValidationError):
        SLAPolicy.from_dict(data)
