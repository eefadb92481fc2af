"""The SLA as a document: a readable agreement from an :class:`~slacalc.SLAPolicy`.

:func:`render_agreement` writes the agreement a client reads and signs: scope, support
hours and channels, severity levels with their definitions and targets, what a
business day means, what happens outside support hours, how to report an incident, the
uptime guarantee with what it allows (computed exactly by the library), maintenance,
service credits and how to claim them, the roles of both parties, and room to sign.
Markdown or self-contained HTML, in English or Danish.

Examples:
    >>> from slacalc.document import render_agreement
    >>> from slacalc.policy import default_policy
    >>> text = render_agreement(default_policy())
    >>> print(next(line for line in text.splitlines() if "a month means" in line))
    99.9 % a month means at most 43 min 50 s of downtime a month, 8 h 45 min 57 s a year.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

from slacalc._present.catalogue import LANGUAGES, Lang, check_lang
from slacalc.errors import InvalidOptionError, PolicyValidationError

__all__ = ["FORMATS", "LANGUAGES", "Format", "Lang", "render_agreement"]

Format: TypeAlias = Literal["markdown", "html"]
"""The document formats.

Examples:
    >>> from slacalc import default_policy, render_agreement
    >>> render_agreement(default_policy(), format="html").startswith("<!DOCTYPE html>")
    True
"""
FORMATS: tuple[Format, ...] = ("markdown", "html")
"""The formats :func:`render_agreement` writes.

Examples:
    >>> from slacalc.document import FORMATS
    >>> FORMATS
    ('markdown', 'html')
"""


def render_agreement(
    policy: object,
    format: Format = "markdown",
    lang: Lang | None = None,
    *,
    fallback: bool = False,
) -> str:
    """The agreement of ``policy`` as a readable document.

    Every number comes from the library (targets, business-day lengths, allowed
    downtime, credit bands); text the policy holds (title, descriptions, severity labels,
    scope items, responsibilities, channel names, claims) is printed in the document's
    language, escaped for the format. A policy text is a plain string in the policy's
    ``lang`` or a table by language (``{ en = "...", da = "..." }``); a document in a
    language some texts lack is refused, listing them, unless ``fallback`` is true.

    Args:
        policy: an :class:`~slacalc.SLAPolicy` (from a file, or ``default_policy()``) or
            its :class:`~slacalc.policy.Agreement`.
        format: ``"markdown"`` (CommonMark with tables) or ``"html"`` (one self-contained
            page with print-friendly CSS).
        lang: ``"en"`` (English) or ``"da"`` (Danish); default the policy's ``lang``.
        fallback: where a policy text lacks ``lang``, print it in the policy's language
            instead of refusing.

    Returns:
        The document's text, ending in a newline. The same policy always gives the
        same text (no dates, no clock).

    Raises:
        InvalidOptionError: an unknown ``format`` or ``lang``.
        PolicyValidationError: ``policy`` is not an ``SLAPolicy``, or some of its texts
            lack ``lang`` (the message lists their fields) and ``fallback`` is false.

    Examples:
        >>> from slacalc.policy import default_policy
        >>> page = render_agreement(default_policy("da"), format="html")
        >>> page.splitlines()[1], "43 min 50 s" in page, "Kritisk" in page
        ('<html lang="da">', True, True)
        >>> render_agreement(default_policy(), lang="da")
        Traceback (most recent call last):
        ...
        slacalc.errors.PolicyValidationError: The policy has no Danish ('da') text for ...
        >>> render_agreement(default_policy(), format="pdf")
        Traceback (most recent call last):
        ...
        slacalc.errors.InvalidOptionError: Unknown format 'pdf'; pass 'markdown' or 'html'.
    """
    from slacalc.policy import Agreement, SLAPolicy

    if format not in FORMATS:
        raise InvalidOptionError(f"Unknown format {format!r}; pass 'markdown' or 'html'.")
    if lang is not None:
        check_lang(lang)
    if not isinstance(policy, (SLAPolicy, Agreement)):
        raise PolicyValidationError(
            f"{policy!r} is not an SLAPolicy; pass SLAPolicy.from_file(...) or "
            "slacalc.default_policy()."
        )
    from slacalc.document._build import build_document
    from slacalc.document._html import render_html
    from slacalc.document._markdown import render_markdown

    agreement = Agreement.from_policy(policy)
    code = agreement.lang if lang is None else lang
    doc = build_document(agreement.in_language(code, fallback=fallback), code)
    return render_html(doc) if format == "html" else render_markdown(doc)
