"""The words slacalc writes for people, one data file per language, and the phrases built from them.

Each language is one TOML file in ``lang/`` (``en.toml``, ``da.toml``): day and month
names, the decimal mark, how lists and durations are joined, the patterns of dates, times
and zones, and every sentence of the agreement and the out-of-hours reply. The functions
here read only that data, so no code branches on the language; adding one means adding its
file and its code to :data:`Lang`. Names are written out, never taken from the process
locale.
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal, TypeAlias, get_args

from slacalc.errors import InvalidOptionError

__all__ = [
    "DAY_ABBREVIATIONS",
    "LANGUAGES",
    "Catalogue",
    "Lang",
    "catalogue",
    "check_lang",
    "clock_words",
    "hours_words",
    "join_words",
    "span_words",
    "when_words",
    "zone_words",
]

Lang: TypeAlias = Literal["en", "da"]
"""The languages slacalc writes in: ``"en"`` (English) and ``"da"`` (Danish).

Examples:
    >>> from typing import get_args
    >>> from slacalc.document import Lang
    >>> get_args(Lang)
    ('en', 'da')
"""
LANGUAGES: tuple[Lang, ...] = get_args(Lang)
"""Every :data:`Lang`, English first.

Examples:
    >>> from slacalc.policy import LANGUAGES
    >>> LANGUAGES
    ('en', 'da')
"""

DAY_ABBREVIATIONS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
"""The English weekday abbreviations canonical hours use (``'Mon-Fri 09:00-17:00'``)."""


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The words of one language, as its data file gives them.

    Attributes:
        lang: the language code.
        days: weekday names, Monday first.
        months: month names, January first.
        decimal_mark: ``"."`` or ``","``.
        time_separator: between hours and minutes: ``"09:00"``, Danish ``"09.00"``.
        list_separator, list_last: how ``a, b and c`` is joined.
        list_or: how the last of ``a, b or c`` is joined (choices).
        units: short duration units by ``d``, ``h``, ``m``, ``s`` (``"8 h 45 min"``).
        unit_words: singular and plural words by ``h``, ``m``, ``s`` (``"1 hour 30 minutes"``).
        duration_separator, duration_last: how those words are joined.
        patterns: ``instant``, ``zone`` and ``hours`` (a day's opening hours: Danish
            ``"kl. 09.00–18.00"``) as ``str.format`` patterns.
        zones: zones with a name of their own, by IANA key.
        holidays: names of holiday calendars by country code.
        text: every sentence, by key.

    Examples:
        >>> catalogue("da").days[0], catalogue("en").text["reply.promise"]
        ('mandag', 'You will hear from us by {when}.')
    """

    lang: Lang
    days: tuple[str, ...]
    months: tuple[str, ...]
    decimal_mark: str
    time_separator: str
    list_separator: str
    list_last: str
    list_or: str
    units: Mapping[str, str]
    unit_words: Mapping[str, tuple[str, str]]
    duration_separator: str
    duration_last: str
    patterns: Mapping[str, str]
    zones: Mapping[str, str]
    holidays: Mapping[str, str]
    text: Mapping[str, str]

    def say(self, key: str, **values: object) -> str:
        """The sentence ``key`` with ``values`` filled in.

        Examples:
            >>> catalogue("da").say("reply.promise", when="i morgen")
            'Du hører fra os senest i morgen.'
        """
        return self.text[key].format(**values)


def check_lang(lang: object) -> Lang:
    """``lang`` if it is one of :data:`LANGUAGES`.

    Raises:
        InvalidOptionError: any other value.

    Examples:
        >>> check_lang("da")
        'da'
        >>> check_lang("fr")
        Traceback (most recent call last):
        ...
        slacalc.errors.InvalidOptionError: Unknown language 'fr'; pass 'en' or 'da'.
    """
    for known in LANGUAGES:
        if lang == known:
            return known
    *rest, last = (repr(x) for x in LANGUAGES)
    raise InvalidOptionError(f"Unknown language {lang!r}; pass {', '.join(rest)} or {last}.")


@functools.cache
def catalogue(lang: Lang) -> Catalogue:
    """The words of ``lang``, read once from its data file.

    Raises:
        InvalidOptionError: ``lang`` is not one of :data:`LANGUAGES`.

    Examples:
        >>> catalogue("en").months[11]
        'December'
    """
    # Read on first use: importlib.resources and tomllib cost ~12 ms to import, which
    # every `import slacalc` that reaches uptime would otherwise pay.
    import importlib.resources
    import tomllib

    code = check_lang(lang)
    raw = importlib.resources.files(__package__).joinpath("lang", f"{code}.toml").read_text("utf-8")
    data: dict[str, Any] = tomllib.loads(raw)
    durations = data["durations"]
    numbers = data["numbers"]
    return Catalogue(
        lang=code,
        days=tuple(data["calendar"]["days"]),
        months=tuple(data["calendar"]["months"]),
        decimal_mark=numbers["decimal_mark"],
        time_separator=numbers["time_separator"],
        list_separator=numbers["list_separator"],
        list_last=numbers["list_last"],
        list_or=numbers["list_or"],
        units=MappingProxyType(dict(durations["units"])),
        unit_words=MappingProxyType(
            {
                u: tuple(durations[word])
                for u, word in (("h", "hour"), ("m", "minute"), ("s", "second"))
            }
        ),
        duration_separator=durations["separator"],
        duration_last=durations["last"],
        patterns=MappingProxyType(dict(data["patterns"])),
        zones=MappingProxyType(dict(data["zones"])),
        holidays=MappingProxyType(dict(data["holidays"])),
        text=MappingProxyType(dict(data["text"])),
    )


def join_words(
    items: Sequence[str], lang: Lang, *, separator: str | None = None, last: str | None = None
) -> str:
    """``'a, b and c'`` (``'a, b og c'`` in Danish); ``separator`` and ``last`` override.

    Examples:
        >>> join_words(["E-mail", "Phone", "Chat"], "da")
        'E-mail, Phone og Chat'
    """
    words = catalogue(lang)
    if len(items) <= 1:
        return "".join(items)
    sep = words.list_separator if separator is None else separator
    end = words.list_last if last is None else last
    return sep.join(items[:-1]) + end + items[-1]


def when_words(t: dt.datetime, lang: Lang) -> str:
    """A wall-clock instant in words, to the minute: ``'Friday 27 November at 23:10'``.

    Examples:
        >>> when_words(dt.datetime(2026, 11, 27, 23, 10), "da")
        'fredag den 27. november kl. 23.10'
    """
    words = catalogue(lang)
    return words.patterns["instant"].format(
        weekday=words.days[t.weekday()],
        day=t.day,
        month=words.months[t.month - 1],
        time=f"{t:%H}{words.time_separator}{t:%M}",
    )


def hours_words(hours: str, lang: Lang) -> str:
    """A calendar's canonical weekly hours in words.

    Examples:
        >>> hours_words("Mon-Fri 09:00-12:00,13:00-17:00; Sat 10:00-14:00", "en")
        'Monday–Friday 09:00–12:00 and 13:00–17:00; Saturday 10:00–14:00'
        >>> hours_words("Mon-Fri 09:00-18:00", "da")
        'mandag–fredag kl. 09.00–18.00'
        >>> hours_words("24/7", "da")
        'døgnet rundt'
    """
    words = catalogue(lang)
    if hours == "24/7":
        return words.text["open.always"]
    clauses = []
    for clause in hours.split("; "):
        days, _, spans = clause.partition(" ")
        names = []
        for part in days.split("-"):
            if part not in DAY_ABBREVIATIONS:
                return hours
            names.append(words.days[DAY_ABBREVIATIONS.index(part)])
        clauses.append(f"{'–'.join(names)} {clock_words(spans.split(','), lang)}")
    return "; ".join(clauses)


def clock_words(spans: Sequence[str], lang: Lang) -> str:
    """A day's opening hours in words, as the language writes times of day.

    Dansk Sprognævn puts "kl." before times of day: ``'kl. 09.00–12.00 og 13.00–17.00'``.

    Examples:
        >>> clock_words(["09:00-12:00", "13:00-17:00"], "da")
        'kl. 09.00–12.00 og 13.00–17.00'
        >>> clock_words(["09:00-18:00"], "en")
        '09:00–18:00'
    """
    intervals = join_words([span_words(span, lang) for span in spans], lang)
    return catalogue(lang).patterns["hours"].format(spans=intervals)


def span_words(span: str, lang: Lang) -> str:
    """Hours from-to in words: ``'09:00–18:00'``; Danish ``'09.00–18.00'`` (Dansk Sprognævn).

    Examples:
        >>> span_words("09:00-18:00", "da")
        '09.00–18.00'
    """
    return span.replace("-", "–").replace(":", catalogue(lang).time_separator)


def zone_words(tz: dt.tzinfo, lang: Lang) -> str:
    """A time zone for people, without its IANA id: ``'Copenhagen time'``, ``'dansk tid'``.

    Examples:
        >>> zone_words(zoneinfo.ZoneInfo("Europe/Copenhagen"), "en")
        'Copenhagen time'
        >>> zone_words(zoneinfo.ZoneInfo("Europe/Copenhagen"), "da")
        'dansk tid'
        >>> zone_words(dt.UTC, "da")
        'UTC'
    """
    key = tz.key if isinstance(tz, zoneinfo.ZoneInfo) else None
    if key is None or key.upper() in {"UTC", "ETC/UTC"}:
        return "UTC" if key is not None or tz.utcoffset(None) == dt.timedelta(0) else str(tz)
    words = catalogue(lang)
    city = key.rsplit("/", 1)[-1].replace("_", " ")
    return words.zones.get(key) or words.patterns["zone"].format(city=city)
