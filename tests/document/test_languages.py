"""One language throughout: every text the built-in policies hold, in the document's language."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

import pytest

from slacalc.document import render_agreement
from slacalc.errors import PolicyValidationError
from slacalc.policy import SLAPolicy, default_policy
from slacalc.policy._texts import LocalText


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


@pytest.mark.parametrize(("lang", "other"), [("da", "en"), ("en", "da")])
@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_danish_builtin_speaks_one_language(lang: str, other: str, fmt: str) -> None:
    agreement = default_policy("da").to_agreement()
    texts = [t for t in _texts(agreement) if t]
    assert len(texts) >= 30
    document = render_agreement(agreement, format=fmt, lang=lang)  # type: ignore[call-overload]
    for text in texts:
        mine, theirs = text.in_lang(lang), text.in_lang(other)
        assert mine is not None, text.texts
        assert theirs is not None, text.texts
        if fmt == "markdown":
            assert mine.replace("(", "").split()[0] in document.replace("(", "")
        if theirs != mine and len(theirs) > 6:
            found = re.search(rf"(?<!\w){re.escape(theirs)}(?!\w)", document)
            assert found is None, f"{other} text in the {lang} document: {theirs!r}"


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
