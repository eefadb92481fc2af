"""Text a policy holds in one or more languages, and the agreement in one language.

A policy text is a plain string (written in the policy's ``lang``) or a table by
language code (``{ en = "Backups", da = "Sikkerhedskopier" }``). The agreement keeps
each as a :class:`LocalText`: a ``str`` (the text in the policy's language, so every
reader that wants one string gets it) that also knows its other languages.
:func:`localize` turns every such text of a value into one language, listing the texts
that lack it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, TypeVar

from slacalc._present.catalogue import LANGUAGES, Lang, check_lang
from slacalc.errors import PolicyValidationError

__all__ = ["LocalText", "check_text", "localize"]

_T = TypeVar("_T")
_LANGUAGE_NAMES = {"en": "English", "da": "Danish"}
# Where a text sits in the policy file, when the agreement names it otherwise.
_FILE_PATHS = {
    ("Agreement", "in_scope"): "scope.included",
    ("Agreement", "out_of_scope"): "scope.excluded",
    ("Agreement", "contract"): "",
    ("ContractTerms", "exclusions"): "downtime.exclusions",
    ("ContractTerms", "locations"): "downtime.locations",
    ("ContractTerms", "method"): "downtime.method",
    ("ContractTerms", "governing_law"): "law.governing",
    ("ContractTerms", "venue"): "law.venue",
}


class LocalText(str):
    """A policy text in one or more languages; as a ``str``, the text in the policy's language.

    Equality and hashing are the ``str``'s (the policy language's text).

    Args:
        text: the text (in ``lang``) or a table of texts by language code.
        lang: the policy's language: the one a plain ``text`` is in, and the one the
            ``str`` shows when ``text`` is a table that has it.

    Examples:
        >>> t = LocalText({"en": "Backups", "da": "Sikkerhedskopier"}, "da")
        >>> str(t), t.in_lang("en"), LocalText("Backups").in_lang("da") is None
        ('Sikkerhedskopier', 'Backups', True)
    """

    texts: Mapping[str, str]

    def __new__(cls, text: str | Mapping[str, str], lang: Lang = "en") -> LocalText:
        """A text from a plain string in ``lang`` or from a table by language."""
        texts: dict[str, str] = {lang: str(text)} if isinstance(text, str) else dict(text)
        shown = texts.get(lang) or next(iter(texts.values()), "")
        self = super().__new__(cls, shown)
        self.texts = texts
        return self

    def in_lang(self, lang: str) -> str | None:
        """The text in ``lang``, or ``None`` when the policy does not give it.

        Examples:
            >>> LocalText({"en": "Phone", "da": "Telefon"}).in_lang("da")
            'Telefon'
        """
        return self.texts.get(lang)


def check_text(value: object) -> object:
    """A policy text as given: a string, or a table by language checked for known codes.

    Examples:
        >>> check_text({"da": "Lav"})
        {'da': 'Lav'}
        >>> check_text({"dk": "Lav"})
        Traceback (most recent call last):
        ...
        ValueError: Unknown language code 'dk' in {'dk': 'Lav'}; use 'en' or 'da' (e.g. { en = "Low", da = "Lav" }).
    """  # noqa: E501
    if not isinstance(value, Mapping):
        return value
    if not value:
        raise ValueError("An empty table of texts; give at least one, e.g. { en = '...' }.")
    for code, text in value.items():
        if code not in LANGUAGES:
            hint = f"use {' or '.join(map(repr, LANGUAGES))}"
            raise ValueError(
                f"Unknown language code {code!r} in {dict(value)!r}; {hint} "
                '(e.g. { en = "Low", da = "Lav" }).'
            )
        if not isinstance(text, str):
            raise ValueError(f"{text!r} (for {code!r}) is not text; write it in quotes.")
    return dict(value)


def localize(value: _T, lang: Lang, *, fallback: bool = False) -> _T:
    """``value`` with every :class:`LocalText` in it (through dataclasses and tuples) in ``lang``.

    Args:
        value: an :class:`~slacalc.policy.Agreement` or any part of one.
        lang: the language wanted.
        fallback: use the policy language's text where ``lang`` is missing, instead of
            refusing.

    Raises:
        PolicyValidationError: a text lacks ``lang`` (and ``fallback`` is false); the
            message lists every such field.

    Examples:
        >>> from slacalc.policy import default_policy
        >>> localize(default_policy("da").to_agreement(), "en").severities[0].label
        'Critical'
        >>> localize(default_policy().to_agreement(), "da")
        Traceback (most recent call last):
        ...
        slacalc.errors.PolicyValidationError: The policy has no Danish ('da') text for ...
    """
    code = check_lang(lang)
    missing: list[str] = []
    result = _walk(value, code, "", missing)
    if missing and not fallback:
        shown = ", ".join(missing[:12]) + (f" and {len(missing) - 12} more" if missing[12:] else "")
        raise PolicyValidationError(
            f"The policy has no {_LANGUAGE_NAMES[code]} ({code!r}) text for {shown}; give "
            f'them as tables such as {{ en = "...", da = "..." }}, set the policy\'s '
            f"lang = {code!r} if its plain texts are {_LANGUAGE_NAMES[code]}, or ask for a "
            "fallback to the policy's language (fallback=True, --fallback)."
        )
    return result  # type: ignore[no-any-return]


def _walk(value: Any, lang: str, path: str, missing: list[str]) -> Any:
    """``value`` with its texts in ``lang``; paths of texts that lack it go to ``missing``."""
    if isinstance(value, LocalText):
        text = value.in_lang(lang)
        if text is None and not value:
            return ""  # nothing to say needs no translation
        if text is None:
            missing.append(path)
            return str(value)
        return text
    if type(value) is tuple:
        return tuple(_walk(v, lang, f"{path}[{i}]", missing) for i, v in enumerate(value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if not getattr(value, "__has_texts__", False):
            return value
        changes = {}
        for f in dataclasses.fields(value):
            if not f.init:
                continue
            name = _FILE_PATHS.get((type(value).__name__, f.name), f.name)
            old = getattr(value, f.name)
            new = _walk(old, lang, ".".join(p for p in (path, name) if p), missing)
            if new is not old:
                changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value
