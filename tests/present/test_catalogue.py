"""The wording catalogue: one data file per language, the same keys in each."""

from __future__ import annotations

import datetime as dt
import importlib.resources
import string
import zoneinfo
from dataclasses import fields

import pytest

from slacalc._present.catalogue import (
    LANGUAGES,
    Catalogue,
    catalogue,
    check_lang,
    hours_words,
    join_words,
    when_words,
    zone_words,
)
from slacalc.errors import InvalidOptionError


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_data_file_is_a_language_and_every_language_has_one() -> None:
    folder = importlib.resources.files("slacalc._present").joinpath("lang")
    files = sorted(p.name for p in folder.iterdir() if p.name.endswith(".toml"))
    assert files == sorted(f"{lang}.toml" for lang in LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_every_language_has_the_keys_of_english(lang: str) -> None:
    en, other = catalogue("en"), catalogue(check_lang(lang))
    assert other.text.keys() == en.text.keys()
    for key, text in other.text.items():  # well-formed; a language may use other words
        assert _placeholders(text) <= _placeholders(en.text[key]) | {"every", "one", "name"}, key
    for name in ("units", "unit_words", "patterns", "holidays"):
        assert getattr(other, name).keys() == getattr(en, name).keys(), name
    assert len(other.days) == 7
    assert len(other.months) == 12


def test_the_catalogue_is_read_once_and_frozen() -> None:
    words = catalogue("da")
    assert catalogue("da") is words
    assert {f.name for f in fields(Catalogue)} >= {"days", "months", "text"}
    with pytest.raises(TypeError):
        words.text["subtitle"] = "x"  # type: ignore[index]


def test_unknown_languages_are_refused() -> None:
    with pytest.raises(InvalidOptionError, match=r"Unknown language 'sv'; pass 'en' or 'da'\."):
        check_lang("sv")
    with pytest.raises(InvalidOptionError):
        catalogue("de")


@pytest.mark.parametrize(
    ("lang", "when"),
    [
        ("en", "Thursday 24 December at 09:05"),
        ("da", "torsdag den 24. december kl. 09.05"),
    ],
)
def test_instants_in_words(lang: str, when: str) -> None:
    code = check_lang(lang)
    assert when_words(dt.datetime(2026, 12, 24, 9, 5, 59), code) == when


def test_lists_hours_and_zones() -> None:
    assert join_words([], "en") == ""
    assert join_words(["a"], "da") == "a"
    assert join_words(["a", "b", "c"], "en") == "a, b and c"
    three = "Mon 08:00-10:00,11:00-12:00,13:00-15:00"
    assert hours_words(three, "da") == "mandag kl. 08.00–10.00, 11.00–12.00 og 13.00–15.00"
    assert hours_words("24/7", "en") == "around the clock"
    assert hours_words("odd text", "en") == "odd text"
    paris = zoneinfo.ZoneInfo("Europe/Paris")
    assert zone_words(paris, "da") == "tid i Paris"  # no IANA ids in what clients read
    assert zone_words(paris, "en") == "Paris time"
    assert zone_words(zoneinfo.ZoneInfo("America/New_York"), "en") == "New York time"
    assert zone_words(zoneinfo.ZoneInfo("Etc/UTC"), "da") == "UTC"
    fixed = dt.timezone(dt.timedelta(hours=2))
    assert zone_words(fixed, "en") == str(fixed)


def test_the_wording_files_are_read_on_first_use_not_on_import() -> None:
    import subprocess
    import sys

    probe = (
        "import sys, slacalc.uptime, slacalc.reports; "
        "print(sorted(m for m in ('tomllib', 'importlib.resources') if m in sys.modules)); "
        "slacalc.format_duration(slacalc.allowed_downtime('99.9%', 'year'), 'words', lang='da'); "
        "print('tomllib' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:2] == ["[]", "True"]
