"""Policies over time and across customers: a policy history and a policy book.

A :class:`PolicyHistory` holds the versions of one agreement, each in force from a date;
a ticket is replayed against the version in force when it opened ("as it was") or
against the latest one ("as it is"). A :class:`PolicyBook` picks the agreement for a
ticket from its attributes (customer, organisation, country, tags...), first match
wins, with a default.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from slacalc._present.catalogue import Lang, check_lang
from slacalc._time import to_us
from slacalc._validate import check_items, check_mapping
from slacalc.errors import InvalidDateError, InvalidOptionError, PolicyValidationError
from slacalc.policy._agreement import Acknowledgement, Agreement
from slacalc.policy._io import read_file
from slacalc.policy._models import SLAPolicy
from slacalc.policy._parse import policy_error
from slacalc.timers import ClockRules, EventLike, ExtraKeys, History, TicketEvent, TicketStatus

__all__ = ["BookEntry", "PolicyBook", "PolicyHistory", "PolicyVersion", "Replay"]

_HISTORY_HINT = "pass {'versions': [{'from': None, 'policy': {...}}, ...]}"
_BOOK_HINT = "pass {'default': {...}, 'entries': [...]}"

Replay: TypeAlias = Literal["as_it_was", "as_it_is"]
"""Which version of a policy history replays a ticket: ``as_it_was`` (the default), the
version in force when the ticket opened; ``as_it_is``, the latest version, for every
ticket (a what-if, or a report under today's terms).

Examples:
    >>> from typing import get_args
    >>> from slacalc.policy import Replay
    >>> get_args(Replay)
    ('as_it_was', 'as_it_is')
"""

_REPLAYS = ("as_it_was", "as_it_is")


def _date(value: object, where: str) -> dt.date | None:
    """A version's first day: a date, an ISO date string, or None (since always)."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidDateError(
        f"{where}: {value!r} is not a date; give the first day the version is in force, "
        "e.g. '2027-01-01' or datetime.date(2027, 1, 1) (None for the first version)."
    )


def _policy(value: object, where: str, base: Path | None) -> SLAPolicy:
    """A policy given as an :class:`SLAPolicy`, a mapping, or ``{"file": path}``."""
    if isinstance(value, SLAPolicy):
        return value
    if isinstance(value, Mapping):
        if set(value) == {"file"} and isinstance(value["file"], str):
            path = Path(value["file"])
            if base is not None and not path.is_absolute():
                path = base / path
            return SLAPolicy.from_file(path)
        try:
            return SLAPolicy.from_dict(value)
        except PolicyValidationError as exc:
            problems = [(f"{where}.{p}" if p else where, m) for p, m in exc.problems]
            raise policy_error(problems) from None
    raise InvalidOptionError(
        f"{where}: {value!r} is not a policy; pass an SLAPolicy, a policy's data, or "
        "{'file': 'sla.toml'}."
    )


@dataclass(frozen=True, slots=True)
class PolicyVersion:
    """One version of a policy history: the policy, in force from ``effective_from``.

    The version is in force from local midnight of ``effective_from`` in the zone of its
    support calendar (``None``: since always).

    Examples:
        >>> import datetime as dt
        >>> from slacalc.policy import default_policy
        >>> PolicyVersion(dt.date(2027, 1, 1), default_policy()).starts_at().isoformat()
        '2027-01-01T00:00:00+01:00'
    """

    effective_from: dt.date | None
    policy: SLAPolicy

    def starts_at(self) -> dt.datetime | None:
        """The first instant the version is in force (``None``: since always).

        Examples:
            >>> from slacalc.policy import default_policy
            >>> PolicyVersion(None, default_policy()).starts_at() is None
            True
        """
        if self.effective_from is None:
            return None
        day = self.effective_from
        return dt.datetime(day.year, day.month, day.day, tzinfo=self.policy.calendar().tz)


@dataclass(frozen=True, slots=True)
class PolicyHistory:
    """The versions of one agreement, each in force from a date: replay tickets "as it was".

    Args:
        versions: ``(first day, policy)`` pairs in increasing order of dates; the first
            may have ``None`` (in force since always). A date is a ``datetime.date`` or
            an ISO string; a policy an :class:`SLAPolicy` or its data.
        replay: ``'as_it_was'`` (default): a ticket is replayed against the version in
            force when it opened; ``'as_it_is'``: every ticket against the latest version.

    Raises:
        InvalidOptionError: no versions, a bad ``replay``, or a policy that is none.
        InvalidDateError: a date that is not a date, or dates that do not increase.

    Examples:
        >>> import datetime as dt
        >>> from slacalc.policy import default_policy
        >>> old = default_policy()
        >>> data = old.to_dict()
        >>> data["severities"][1]["response"] = "30m"       # high: 1 h -> 30 min from 2027
        >>> history = PolicyHistory([(None, old), ("2027-01-01", data)])
        >>> tz = old.calendar().tz
        >>> opened = dt.datetime(2026, 12, 30, 10, tzinfo=tz)
        >>> ticket = [{"kind": "opened", "at": opened, "severity": "high"}]
        >>> later = dt.datetime(2027, 1, 4, 12, tzinfo=tz)
        >>> history.evaluate(ticket, at=later).response.target
        datetime.timedelta(seconds=3600)
        >>> history.evaluate(ticket, at=later, replay="as_it_is").response.target
        datetime.timedelta(seconds=1800)
    """

    versions: tuple[PolicyVersion, ...]
    replay: Replay = "as_it_was"
    _starts: tuple[int | None, ...] = field(init=False, repr=False, compare=False)

    if TYPE_CHECKING:

        def __init__(
            self,
            versions: Iterable[tuple[dt.date | str | None, SLAPolicy | Mapping[str, Any]]],
            replay: Replay = "as_it_was",
        ) -> None: ...

    def __post_init__(self) -> None:
        made: list[PolicyVersion] = []
        hint = "pass a list of (date, policy) pairs, the first dated None"
        check_items(self.versions, what="versions", hint=hint, error=InvalidOptionError)
        items: tuple[object, ...] = tuple(self.versions)
        for i, item in enumerate(items):
            if isinstance(item, PolicyVersion):
                made.append(item)
                continue
            when: object
            policy: object
            try:
                when, policy = item  # type: ignore[misc]
            except (TypeError, ValueError):
                raise InvalidOptionError(
                    f"versions[{i}] is {item!r}; give (first day, policy) pairs, e.g. "
                    "(datetime.date(2027, 1, 1), policy)."
                ) from None
            made.append(
                PolicyVersion(
                    _date(when, f"versions[{i}]"), _policy(policy, f"versions[{i}]", None)
                )
            )
        if not made:
            raise InvalidOptionError(
                "A policy history needs at least one version; pass [(None, policy)]."
            )
        for i, v in enumerate(made):
            if i and v.effective_from is None:
                raise InvalidDateError(
                    f"versions[{i}] has no first day; only the first version may be in force "
                    "since always (None)."
                )
            before = made[i - 1].effective_from if i else None
            if before is not None and v.effective_from is not None and v.effective_from <= before:
                raise InvalidDateError(
                    f"versions[{i}] starts on {v.effective_from.isoformat()}, not after "
                    f"the version before it ({before.isoformat()}); list versions in "
                    "increasing order of their first days, each day once."
                )
        if self.replay not in _REPLAYS:
            raise InvalidOptionError(f"replay={self.replay!r}; pass 'as_it_was' or 'as_it_is'.")
        object.__setattr__(self, "versions", tuple(made))
        starts = tuple(None if v.starts_at() is None else to_us(v.starts_at()) for v in made)
        object.__setattr__(self, "_starts", starts)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, base: Path | None = None) -> PolicyHistory:
        """A history from data: ``{"replay": ..., "versions": [{"from": ..., "policy": ...}]}``.

        Each version's ``policy`` is a policy's data, or ``{"file": "sla-2027.toml"}`` (a
        path relative to ``base``). Errors name the path in the data.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> history = PolicyHistory.from_dict(
            ...     {"versions": [{"policy": default_policy().to_dict()}]})
            >>> len(history.versions)
            1
        """
        check_mapping(
            data, what="A policy history", hint=_HISTORY_HINT, error=PolicyValidationError
        )
        versions = data.get("versions")
        if not isinstance(versions, Sequence) or isinstance(versions, str):
            raise policy_error([("versions", "give a list of {from, policy} tables.")])
        pairs = []
        for i, v in enumerate(versions):
            if not isinstance(v, Mapping) or "policy" not in v:
                raise policy_error([(f"versions[{i}]", "give a table with 'policy'.")])
            pairs.append((v.get("from"), _policy(v["policy"], f"versions[{i}].policy", base)))
        return cls(pairs, data.get("replay", "as_it_was"))

    @classmethod
    def from_file(cls, path: str | Path) -> PolicyHistory:
        """Read a history file (TOML, JSON, YAML with PyYAML); policy files relative to it.

        Examples:
            >>> import pathlib, tempfile
            >>> from slacalc.policy import default_policy
            >>> with tempfile.TemporaryDirectory() as tmp:
            ...     _ = (pathlib.Path(tmp) / "sla.toml").write_text(default_policy().to_toml())
            ...     book = pathlib.Path(tmp) / "history.toml"
            ...     _ = book.write_text('[[versions]]\\npolicy = { file = "sla.toml" }\\n')
            ...     PolicyHistory.from_file(book).current == default_policy()
            True
        """
        return cls.from_dict(read_file(path), base=Path(path).parent)

    @property
    def current(self) -> SLAPolicy:
        """The latest version's policy.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> PolicyHistory([(None, default_policy())]).current.name
            'Website care agreement'
        """
        return self.versions[-1].policy

    def policy_at(self, t: dt.datetime) -> SLAPolicy:
        """The version in force at the instant ``t``.

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> p = default_policy()
            >>> h = PolicyHistory([(None, p), ("2027-01-01", p.to_dict() | {"name": "New"})])
            >>> h.policy_at(dt.datetime(2026, 12, 31, 23, tzinfo=dt.timezone.utc)).name
            'New'
        """
        x = to_us(t)
        chosen = self.versions[0].policy
        for start, version in zip(self._starts, self.versions, strict=True):
            if start is None or start <= x:
                chosen = version.policy
        return chosen

    def policy_for(self, events: Sequence[EventLike], replay: Replay | None = None) -> SLAPolicy:
        """The version that replays a ticket: by the instant its first event happened.

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> p = default_policy()
            >>> h = PolicyHistory([(None, p)])
            >>> h.policy_for([]) is p
            True
        """
        mode = self.replay if replay is None else replay
        if mode not in _REPLAYS:
            raise InvalidOptionError(f"replay={mode!r}; pass 'as_it_was' or 'as_it_is'.")
        if mode == "as_it_is" or not events:
            return self.current
        return self.policy_at(_opened_at(events[0]))

    def rules_for(self, events: Sequence[EventLike]) -> ClockRules:
        """The clock rules that replay a ticket (see :meth:`policy_for`).

        Examples:
            >>> from slacalc.policy import default_policy
            >>> PolicyHistory([(None, default_policy())]).rules_for([]).names[0]
            'critical'
        """
        return self.policy_for(events).clock_rules()

    def evaluate(
        self,
        events: Iterable[EventLike],
        *,
        at: dt.datetime,
        replay: Replay | None = None,
        timeline: bool = False,
        history: History = "strict",
        extra: ExtraKeys = "forbid",
    ) -> TicketStatus:
        """A ticket's clocks at ``at``, replayed against the version :meth:`policy_for` picks.

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> t = dt.datetime(2026, 3, 2, 9, tzinfo=dt.timezone.utc)
            >>> PolicyHistory([(None, default_policy())]).evaluate(
            ...     [{"kind": "opened", "at": t, "severity": "high"}], at=t).phase
            'open'
        """
        listed = list(events)
        policy = self.policy_for(listed, replay)
        return policy.evaluate(listed, at=at, timeline=timeline, history=history, extra=extra)

    def to_agreement(self) -> Agreement:
        """The latest version's agreement (what reports show as the terms).

        Examples:
            >>> from slacalc.policy import default_policy
            >>> PolicyHistory([(None, default_policy())]).to_agreement().name
            'Website care agreement'
        """
        return self.current.to_agreement()


def _opened_at(event: EventLike) -> dt.datetime:
    """The instant of a ticket's first event."""
    at = event.at if isinstance(event, TicketEvent) else event.get("at")
    if not isinstance(at, dt.datetime):
        raise InvalidOptionError(f"The first event {event!r} has no instant 'at'.")
    return at


Chooser: TypeAlias = "SLAPolicy | PolicyHistory"


@dataclass(frozen=True, slots=True)
class BookEntry:
    """One rule of a policy book: the tickets it matches, and what they get.

    ``match`` maps an attribute to a value or a list of values: a ticket matches when
    every attribute named has one of the values (an attribute that is itself a list, such
    as tags, matches when any of its items does). An empty ``match`` matches every
    ticket.

    Args:
        match: attribute -> value or list of values.
        policy: the agreement these tickets get (an :class:`SLAPolicy` or a
            :class:`PolicyHistory`).
        tz: the zone the customer reads times in (for replies), e.g. ``'America/New_York'``.
        lang: the language of replies to them, ``'en'`` or ``'da'``.
        name: a name for people and error messages.

    Raises:
        InvalidOptionError: a bad match, policy, zone or language.

    Examples:
        >>> from slacalc.policy import default_policy
        >>> entry = BookEntry({"customer": ["acme", "globex"]}, default_policy(), lang="da")
        >>> entry.matches({"customer": "acme", "tags": ["vip"]}), entry.matches({})
        (True, False)
    """

    match: Mapping[str, object]
    policy: Chooser
    tz: dt.tzinfo | None = None
    lang: Lang | None = None
    name: str | None = None

    if TYPE_CHECKING:

        def __init__(
            self,
            match: Mapping[str, object],
            policy: Chooser | Mapping[str, Any],
            tz: str | dt.tzinfo | None = None,
            lang: Lang | None = None,
            name: str | None = None,
        ) -> None: ...

    def __post_init__(self) -> None:
        where = f"book entry {self.name!r}" if self.name else "a book entry"
        if not isinstance(self.match, Mapping) or not all(
            isinstance(k, str) and k for k in self.match
        ):
            raise InvalidOptionError(
                f"{where}: match={self.match!r} is not a mapping of attribute names; pass "
                "e.g. {'customer': 'acme'} or {'country': ['DK', 'SE']}."
            )
        normal: dict[str, frozenset[str]] = {}
        for key, value in self.match.items():
            values = value if isinstance(value, (list, tuple, set, frozenset)) else [value]
            if not values:
                raise InvalidOptionError(
                    f"{where}: match.{key} is an empty list, which matches nothing; give at "
                    "least one value."
                )
            normal[key] = frozenset(str(v) for v in values)
        object.__setattr__(self, "match", normal)
        given: object = self.policy
        if not isinstance(given, (SLAPolicy, PolicyHistory)):
            object.__setattr__(self, "policy", _policy(given, where, None))
        tz: object = self.tz
        if isinstance(tz, str):
            try:
                object.__setattr__(self, "tz", zoneinfo.ZoneInfo(tz))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                raise InvalidOptionError(
                    f"{where}: tz={tz!r} is not an IANA time zone; pass e.g. 'America/New_York'."
                ) from None
        elif tz is not None and not isinstance(tz, dt.tzinfo):
            raise InvalidOptionError(f"{where}: tz={tz!r} is not a time zone.")
        if self.lang is not None:
            try:
                check_lang(self.lang)
            except InvalidOptionError as exc:
                raise InvalidOptionError(f"{where}: {exc}") from None

    def matches(self, attributes: Mapping[str, object]) -> bool:
        """Whether a ticket with these ``attributes`` gets this entry.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> BookEntry({}, default_policy()).matches({"customer": "x"})
            True
        """
        for key, values in self.match.items():
            have = attributes.get(key)
            items = have if isinstance(have, (list, tuple, set, frozenset)) else [have]
            if not any(item is not None and str(item) in values for item in items):  # type: ignore[operator]
                return False
        return True


@dataclass(frozen=True, slots=True)
class PolicyBook:
    """Agreements per customer: the first entry whose ``match`` a ticket meets, else the default.

    A ticket's attributes are what it says about itself: the ``fields`` of its first
    event (``{"customer": "acme", "country": "SE", "tags": [...]}``) and its ``group``,
    or a mapping passed to :meth:`evaluate`. Zendesk picks SLA policies with filters in
    order the same way; Zammad users asked for a calendar per organisation
    (zammad/zammad#1002).

    Args:
        entries: :class:`BookEntry` values (or their data), in the order they are tried.
        default: the agreement of every ticket no entry matches (required).

    Raises:
        InvalidOptionError: no default, or a bad entry.

    Examples:
        >>> import datetime as dt
        >>> from slacalc.policy import default_policy
        >>> standard = default_policy()
        >>> premium = standard.to_dict()
        >>> premium["severities"][1]["response"] = "15m"
        >>> book = PolicyBook([BookEntry({"customer": "acme"}, premium)], default=standard)
        >>> t = dt.datetime(2026, 3, 2, 10, tzinfo=standard.calendar().tz)
        >>> ticket = [{"kind": "opened", "at": t, "severity": "high",
        ...            "fields": {"customer": "acme"}}]
        >>> book.evaluate(ticket, at=t).response.target
        datetime.timedelta(seconds=900)
    """

    entries: tuple[BookEntry, ...]
    default: Chooser

    if TYPE_CHECKING:

        def __init__(
            self,
            entries: Iterable[BookEntry | Mapping[str, Any]],
            default: Chooser | Mapping[str, Any] | None,
        ) -> None: ...

    def __post_init__(self) -> None:
        default: object = self.default
        if default is None:
            raise InvalidOptionError(
                "A policy book needs a default agreement for the tickets no entry matches; "
                "pass default=policy."
            )
        if not isinstance(default, (SLAPolicy, PolicyHistory)):
            object.__setattr__(self, "default", _policy(default, "default", None))
        made = []
        entries: tuple[object, ...] = tuple(self.entries)
        for i, e in enumerate(entries):
            if isinstance(e, BookEntry):
                made.append(e)
            elif isinstance(e, Mapping):
                made.append(BookEntry(**{"name": f"entries[{i}]", **e}))
            else:
                raise InvalidOptionError(
                    f"entries[{i}] is {e!r}; pass BookEntry(match, policy) values."
                )
        object.__setattr__(self, "entries", tuple(made))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, base: Path | None = None) -> PolicyBook:
        """A book from data: ``{"default": policy, "entries": [{"match", "policy", ...}]}``.

        A policy is its data, ``{"file": path}`` (relative to ``base``), or
        ``{"versions": [...]}`` for a :class:`PolicyHistory`.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> book = PolicyBook.from_dict({"default": default_policy().to_dict(),
            ...     "entries": [{"match": {"country": "SE"}, "policy": default_policy().to_dict(),
            ...                  "tz": "Europe/Stockholm"}]})
            >>> book.entry_for({"country": "SE"}).tz
            zoneinfo.ZoneInfo(key='Europe/Stockholm')
        """

        check_mapping(data, what="A policy book", hint=_BOOK_HINT, error=PolicyValidationError)

        def chooser(value: object, where: str) -> Chooser:
            if isinstance(value, Mapping) and "versions" in value:
                return PolicyHistory.from_dict(value, base=base)
            return _policy(value, where, base)

        if "default" not in data:
            raise policy_error([("default", "a policy book needs a default policy.")])
        entries = data.get("entries", [])
        if not isinstance(entries, Sequence) or isinstance(entries, str):
            raise policy_error([("entries", "give a list of {match, policy} tables.")])
        made = []
        for i, e in enumerate(entries):
            if not isinstance(e, Mapping) or "policy" not in e:
                raise policy_error([(f"entries[{i}]", "give a table with 'match' and 'policy'.")])
            made.append(
                BookEntry(
                    e.get("match", {}),
                    chooser(e["policy"], f"entries[{i}].policy"),
                    e.get("tz"),
                    e.get("lang"),
                    e.get("name", f"entries[{i}]"),
                )
            )
        return cls(made, chooser(data["default"], "default"))

    @classmethod
    def from_file(cls, path: str | Path) -> PolicyBook:
        """Read a book file (TOML, JSON, YAML with PyYAML); policy files relative to it.

        Examples:
            >>> import pathlib, tempfile
            >>> from slacalc.policy import default_policy
            >>> with tempfile.TemporaryDirectory() as tmp:
            ...     _ = (pathlib.Path(tmp) / "sla.toml").write_text(default_policy().to_toml())
            ...     path = pathlib.Path(tmp) / "book.toml"
            ...     _ = path.write_text('default = { file = "sla.toml" }\\n')
            ...     PolicyBook.from_file(path).default == default_policy()
            True
        """
        return cls.from_dict(read_file(path), base=Path(path).parent)

    def entry_for(self, attributes: Mapping[str, object]) -> BookEntry | None:
        """The first entry a ticket with ``attributes`` matches, or ``None`` (the default).

        Examples:
            >>> from slacalc.policy import default_policy
            >>> PolicyBook([], default_policy()).entry_for({"customer": "x"}) is None
            True
        """
        for entry in self.entries:
            if entry.matches(attributes):
                return entry
        return None

    def policy_for(
        self, attributes: Mapping[str, object], events: Sequence[EventLike] = ()
    ) -> SLAPolicy:
        """The agreement for a ticket: its entry's (or the default), the version for its events.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> PolicyBook([], default_policy()).policy_for({}).name
            'Website care agreement'
        """
        entry = self.entry_for(attributes)
        chosen = self.default if entry is None else entry.policy
        return chosen.policy_for(events) if isinstance(chosen, PolicyHistory) else chosen

    def rules_for(self, events: Sequence[EventLike]) -> ClockRules:
        """The clock rules for a ticket, from the attributes its events carry.

        Examples:
            >>> from slacalc.policy import default_policy
            >>> PolicyBook([], default_policy()).rules_for([]).names[0]
            'critical'
        """
        return self.policy_for(attributes_of(events), events).clock_rules()

    def evaluate(
        self,
        events: Iterable[EventLike],
        *,
        at: dt.datetime,
        attributes: Mapping[str, object] | None = None,
        timeline: bool = False,
        history: History = "strict",
        extra: ExtraKeys = "forbid",
    ) -> TicketStatus:
        """A ticket's clocks at ``at`` under the agreement the book picks for it.

        Args:
            events: the ticket's events.
            at: the instant to evaluate at (aware).
            attributes: the ticket's attributes; by default those its events carry (the
                first event's ``fields`` and ``group``).
            timeline: see :meth:`SLAPolicy.evaluate`.
            history: see :meth:`SLAPolicy.evaluate`.
            extra: see :meth:`SLAPolicy.evaluate`.

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> t = dt.datetime(2026, 3, 2, 9, tzinfo=dt.timezone.utc)
            >>> PolicyBook([], default_policy()).evaluate(
            ...     [{"kind": "opened", "at": t, "severity": "low"}], at=t).severity
            'low'
        """
        listed = list(events)
        given = attributes_of(listed) if attributes is None else attributes
        policy = self.policy_for(given, listed)
        return policy.evaluate(listed, at=at, timeline=timeline, history=history, extra=extra)

    def acknowledge(
        self,
        severity: str,
        received_at: dt.datetime,
        attributes: Mapping[str, object],
        locale: Lang | None = None,
    ) -> Acknowledgement:
        """The reply to a customer's request, in their zone and language.

        The entry's ``tz`` and ``lang`` say how the customer reads it (``locale`` wins
        over ``lang``); the support hours stay in the agreement's own zone.

        Examples:
            >>> import datetime as dt
            >>> from slacalc.policy import default_policy
            >>> book = PolicyBook([BookEntry({"customer": "acme"}, default_policy(),
            ...                              tz="America/New_York")], default_policy())
            >>> t = dt.datetime(2026, 11, 27, 23, 10, tzinfo=dt.timezone.utc)
            >>> print(book.acknowledge("high", t, {"customer": "acme"}).text)
            We received your request on Friday 27 November at 18:10 (New York time). Our
            support hours are Monday–Friday 09:00–18:00 (Copenhagen time). You will hear
            from us by Monday 30 November at 04:00 (New York time).
        """
        entry = self.entry_for(attributes)
        policy = self.policy_for(attributes, [{"at": received_at}])
        lang = locale or (entry.lang if entry is not None else None) or "en"
        tz = entry.tz if entry is not None else None
        return policy.to_agreement().acknowledge(severity, received_at, lang, tz=tz)

    def to_agreement(self) -> Agreement:
        """The default's agreement (what reports show when tickets mix agreements).

        Examples:
            >>> from slacalc.policy import default_policy
            >>> PolicyBook([], default_policy()).to_agreement().name
            'Website care agreement'
        """
        return self.default.to_agreement()


def attributes_of(events: Sequence[EventLike]) -> dict[str, object]:
    """A ticket's attributes as its events carry them: the first event's fields and group.

    Examples:
        >>> import datetime as dt
        >>> t = dt.datetime(2026, 3, 2, 9, tzinfo=dt.timezone.utc)
        >>> attributes_of([{"kind": "opened", "at": t, "severity": "p1",
        ...                 "group": "L1", "fields": {"customer": "acme"}}])
        {'customer': 'acme', 'group': 'L1'}
    """
    if not events:
        return {}
    first = events[0]
    group: object
    if isinstance(first, TicketEvent):
        out: dict[str, object] = first.field_map
        group = first.group
    else:
        fields = first.get("fields")
        out = dict(fields) if isinstance(fields, Mapping) else {}
        group = first.get("group")
    if group is not None:
        out["group"] = group
    return out
