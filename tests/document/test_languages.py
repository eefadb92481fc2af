"""One language throughout: every text the built-in policies hold, in the document's language."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from slacalc.document import Format, Lang, render_agreement
from slacalc.document._render import chromium
from slacalc.errors import PolicyValidationError, UnknownSeverityError
from slacalc.policy import SLAPolicy, default_policy
from slacalc.policy._texts import LocalText
from tests.document.test_render import agency_policy


def _texts(value: Any) -> Iterator[LocalText]:
    """Every policy text inside an agreement value."""
    if isinstance(value, LocalText):
        yield value
    elif type(value) is tuple:
        for item in value:
            yield from _texts(item)
    elif dataclasses.is_dataclass(value) and getattr(value, "__has_texts__", False):
        for f in dataclasses.fields(value):
            if f.init:
                yield from _texts(getattr(value, f.name))


# Words each language uses all the time and the other never does: a sentence of the
# other language anywhere in a document (the policy's texts or the library's) shows.
_ONLY = {
    "en": {"the", "and", "of", "is", "are", "with", "which", "when", "this", "will", "must"},
    "da": {"og", "af", "er", "til", "på", "ikke", "den", "det", "med", "som", "eller", "skal"},
}


class _Text(HTMLParser):
    """The text a reader sees in an HTML page (not the style sheet)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip = tag == "style"
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.skip = False
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _readable(document: str, fmt: str) -> str:
    """The document's text with the format's markup gone, whitespace collapsed."""
    if fmt == "html":
        parser = _Text()
        parser.feed(document)
        document = "".join(parser.parts)
    elif fmt == "markdown":
        document = re.sub(r"\*\*|^#+ |^- |\|", " ", document, flags=re.MULTILINE)
        document = re.sub(r"\\(.)", r"\1", document)
    return " ".join(document.replace("\xa0", " ").split())


def _pdf_text(lang: Lang) -> str:
    if chromium() is None or shutil.which("pdftotext") is None:
        pytest.skip("chromium or pdftotext not found (apt-get install chromium poppler-utils)")
    pdf = render_agreement(agency_policy(), format="pdf", lang=lang)
    done = subprocess.run(
        ["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


@pytest.mark.parametrize(("lang", "other"), [("da", "en"), ("en", "da")])
@pytest.mark.parametrize("fmt", ["markdown", "html", "pdf"])
def test_the_danish_builtin_speaks_one_language(lang: Lang, other: Lang, fmt: Format) -> None:
    agreement = agency_policy().to_agreement()
    texts = [t for t in _texts(agreement) if t]
    assert len(texts) >= 38
    if fmt == "pdf":
        document = _readable(_pdf_text(lang), fmt)
    else:
        rendered = render_agreement(agreement, format=fmt, lang=lang)
        assert isinstance(rendered, str)
        document = _readable(rendered, fmt)
    own = " ".join(t.in_lang(lang) or "" for t in texts).casefold()
    for text in texts:  # every text field of the policy, whatever its length
        mine, theirs = text.in_lang(lang), text.in_lang(other)
        assert mine is not None, text.texts
        assert theirs is not None, text.texts
        assert " ".join(mine.split()) in document, f"{lang} text missing: {mine!r}"
        # the other language's text, unless this language writes it too ("SEO", "e-mail")
        if theirs.casefold() not in own:
            found = re.search(rf"(?<!\w){re.escape(theirs)}(?!\w)", document)
            assert found is None, f"{other} text in the {lang} document: {theirs!r}"
    words = set(re.findall(r"\w+", document))
    assert words & _ONLY[other] == set(), f"{other} words in the {lang} document"
    assert len(words & _ONLY[lang]) >= 8


def test_the_english_builtin_is_english_only() -> None:
    texts = [t for t in _texts(default_policy().to_agreement()) if t]
    assert all(set(t.texts) == {"en"} for t in texts)
    with pytest.raises(PolicyValidationError, match=r"no Danish \('da'\) text for severities"):
        render_agreement(default_policy(), lang="da")


def test_unknown_language_code_is_refused_at_load() -> None:
    data = default_policy().model_dump(mode="json")
    data["severities"][0]["label"] = {"en": "Critical", "dk": "Kritisk"}
    refused = r"severities\[0\]\.label.*'dk'.*use 'en' or 'da'"
    with pytest.raises(PolicyValidationError, match=refused):
        SLAPolicy.from_dict(data)


def test_missing_fields_are_listed_with_their_paths() -> None:
    data = default_policy("da").model_dump(mode="json")
    data["scope"]["included"][1] = "CMS updates"  # a plain string: Danish, as lang = 'da'
    data["roles"][0]["title"] = {"da": "Supportteam"}
    policy = SLAPolicy.from_dict(data)
    assert "CMS updates" in render_agreement(policy)
    with pytest.raises(PolicyValidationError) as info:
        render_agreement(policy, lang="en")
    assert "text for scope.included[1], roles[0].title;" in str(info.value)
    assert "Supportteam" in render_agreement(policy, lang="en", fallback=True)


# -- the Danish as Dansk Sprognævn and Retskrivningsordbogen write it --------------------


def test_danish_wording_review() -> None:
    text = render_agreement(agency_policy(), lang="da")
    # headings say how, as Danish agencies write them
    assert "## 4. Sådan beregnes tiden" in text
    assert "## 6. Sådan anmelder I en hændelse" in text
    # a choice between channels takes "eller", not "og"
    assert "Kontakt supporten via supportsystemet, e-mail eller telefon (afsnit 2)" in text
    # times of day with "kl." and a full stop, spans with an en dash
    assert "mandag–fredag kl. 09.00–18.00 (dansk tid)" in text
    # a space before the per cent sign, a decimal comma, dates with a full stop
    assert "mindst **99,9 %** i hver kalendermåned" in text
    assert "Version 1.0, 7. december 2026" in text
    assert "- fredag den 24. december 2027: juleaftensdag" in text
    # holidays in running text are lower case, Kristi a name
    assert "- torsdag den 6. maj 2027: Kristi himmelfartsdag" in text
    assert "- mandag den 29. marts 2027: 2. påskedag" in text


@pytest.mark.parametrize("lang", ["en", "da"])
@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_no_zone_ids_in_a_client_document(lang: Lang, fmt: Format) -> None:
    policies = [agency_policy(), default_policy(lang), SLAPolicy.from_dict(_BERLIN)]
    for policy in policies:
        document = render_agreement(policy, format=fmt, lang=lang, fallback=True)
        assert isinstance(document, str)
        found = re.findall(r"\b(?:Europe|America|Asia|Etc)/\w+", document)
        assert found == [], f"zone ids in the document: {found}"


_BERLIN = {
    "support": {"hours": "Mon-Fri 08:00-16:00", "tz": "Europe/Berlin"},
    "calendars": {"us": {"hours": "Mon-Fri 09:00-17:00", "tz": "America/New_York"}},
    "severities": [{"name": "P1", "response": "1h", "calendar": "us"}],
    "uptime": {"target": "99.9%", "maintenance": {"window": "Sun 02:00-04:00"}},
}


def test_severity_names_per_language_identifiers_stay() -> None:
    danish = default_policy("da")
    names = ["critical", "high", "medium", "low"]
    assert [s.name for s in danish.severities] == names
    assert [s.name for s in default_policy().severities] == names
    cases: list[tuple[Lang, list[str]]] = [
        ("da", ["Kritisk", "Høj", "Middel", "Lav"]),
        ("en", ["Critical", "High", "Medium", "Low"]),
    ]
    for lang, labels in cases:
        agreement = danish.to_agreement().in_language(lang)
        assert [s.display_name for s in agreement.severities] == labels
        text = render_agreement(danish, lang=lang)
        assert all(f"| **{label}** |" in text for label in labels)
    # the identifiers, not the names, are what deadlines and reports use
    when = dt.datetime(2026, 11, 27, 23, tzinfo=ZoneInfo("Europe/Copenhagen"))
    assert danish.deadlines("high", when) == default_policy().deadlines("high", when)
    with pytest.raises(UnknownSeverityError, match="'Høj'"):
        danish.deadlines("Høj", when)
