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


def render_agreement(policy: object, format: Format = "markdown", lang: Lang = "en") -> str:
    """The agreement of ``policy`` as a readable document.

    Every number comes from the library (targets, business-day lengths, allowed
    downtime, credit bands); text the policy holds (descriptions, scope items,
    responsibilities, channel names) is printed as written, escaped for the format, so
    write it in the document's language.

    Args:
        policy: an :class:`~slacalc.SLAPolicy` (from a file, or ``default_policy()``) or
            its :class:`~slacalc.policy.Agreement`.
        format: ``"markdown"`` (CommonMark with tables) or ``"html"`` (one self-contained
            page with print-friendly CSS).
        lang: ``"en"`` (English) or ``"da"`` (Danish).

    Returns:
        The document's text, ending in a newline. The same policy always gives the
        same text (no dates, no clock).

    Raises:
        InvalidOptionError: an unknown ``format`` or ``lang``.
        PolicyValidationError: ``policy`` is not an ``SLAPolicy``.

    Examples:
        >>> from slacalc.policy import default_policy
        >>> page = render_agreement(default_policy(), format="html", lang="da")
        >>> page.splitlines()[1], "43 min 50 s" in page
        ('<html lang="da">', True)
        >>> render_agreement(default_policy(), format="pdf")
        Traceback (most recent call last):
        ...
        slacalc.errors.InvalidOptionError: Unknown format 'pdf'; pass 'markdown' or 'html'.
    """
    from slacalc.policy import Agreement, SLAPolicy

    if format not in FORMATS:
        raise InvalidOptionError(f"Unknown format {format!r}; pass 'markdown' or 'html'.")
    check_lang(lang)
    if not isinstance(policy, (SLAPolicy, Agreement)):
        raise PolicyValidationError(
            f"{policy!r} is not an SLAPolicy; pass SLAPolicy.from_file(...) or "
            "slacalc.default_policy()."
        )
    from slacalc.document._build import build_document
    from slacalc.document._html import render_html
    from slacalc.document._markdown import render_markdown

    doc = build_document(Agreement.from_policy(policy), lang)
    return render_html(doc) if format == "html" else render_markdown(doc)
