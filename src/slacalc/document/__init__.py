"""The SLA as a document: a readable agreement from an :class:`~slacalc.SLAPolicy`.

:func:`render_agreement` writes the agreement a client reads and signs: the parties,
scope, support hours and channels (with the days support is closed), severity levels
with their definitions and targets, what a business day means, what happens outside
support hours, how to report an incident, the uptime guarantee with what it allows
(computed exactly by the library), how downtime is measured and what is not downtime,
maintenance, service credits and how to claim them, the roles of both parties, the
fee, term and notice, liability, governing law, and room to sign. Markdown,
self-contained HTML or PDF, in English or Danish, from Jinja2 templates a user can
override section by section (``pip install jinja2 babel``, or the ``document`` extra).

Examples:
    >>> from slacalc.document import render_agreement
    >>> from slacalc.policy import default_policy
    >>> text = render_agreement(default_policy())
    >>> print(next(line for line in text.splitlines() if "a month means" in line))
    99.9 % a month means at most 43 min 50 s of downtime a month, 8 h 45 min 57 s a year.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Literal, TypeAlias, overload

from slacalc._present.catalogue import LANGUAGES, Lang, check_lang
from slacalc.errors import InvalidOptionError, PolicyValidationError

__all__ = ["FORMATS", "LANGUAGES", "Format", "Lang", "render_agreement"]

Format: TypeAlias = Literal["markdown", "html", "pdf"]
"""The document formats.

Examples:
    >>> from slacalc import default_policy, render_agreement
    >>> render_agreement(default_policy(), format="html").startswith("<!DOCTYPE html>")
    True
"""
FORMATS: tuple[Format, ...] = ("markdown", "html", "pdf")
"""The formats :func:`render_agreement` writes.

Examples:
    >>> from slacalc.document import FORMATS
    >>> FORMATS
    ('markdown', 'html', 'pdf')
"""

_Path: TypeAlias = "str | os.PathLike[str]"


@overload
def render_agreement(
    policy: object,
    format: Literal["markdown", "html"] = "markdown",
    lang: Lang | None = None,
    *,
    fallback: bool = False,
    year: int | None = None,
    templates: _Path | None = None,
    sections: Sequence[str] = (),
    logo: _Path | None = None,
    css: _Path | None = None,
) -> str: ...
@overload
def render_agreement(
    policy: object,
    format: Literal["pdf"],
    lang: Lang | None = None,
    *,
    fallback: bool = False,
    year: int | None = None,
    templates: _Path | None = None,
    sections: Sequence[str] = (),
    logo: _Path | None = None,
    css: _Path | None = None,
) -> bytes: ...
@overload
def render_agreement(
    policy: object,
    format: Format,
    lang: Lang | None = None,
    *,
    fallback: bool = False,
    year: int | None = None,
    templates: _Path | None = None,
    sections: Sequence[str] = (),
    logo: _Path | None = None,
    css: _Path | None = None,
) -> str | bytes: ...
def render_agreement(
    policy: object,
    format: Format = "markdown",
    lang: Lang | None = None,
    *,
    fallback: bool = False,
    year: int | None = None,
    templates: _Path | None = None,
    sections: Sequence[str] = (),
    logo: _Path | None = None,
    css: _Path | None = None,
) -> str | bytes:
    """The agreement of ``policy`` as a readable document.

    Every number comes from the library (targets, business-day lengths, allowed
    downtime, credit bands); text the policy holds (title, descriptions, severity labels,
    scope items, responsibilities, channel names, claims, exclusions, law) is printed in
    the document's language, escaped for the format. A policy text is a plain string in
    the policy's ``lang`` or a table by language (``{ en = "...", da = "..." }``); a
    document in a language some texts lack is refused, listing them, unless
    ``fallback`` is true. Nothing is returned half-rendered: any problem raises.

    Args:
        policy: an :class:`~slacalc.SLAPolicy` (from a file, or ``default_policy()``) or
            its :class:`~slacalc.policy.Agreement`.
        format: ``"markdown"`` (CommonMark with tables), ``"html"`` (one self-contained
            page with print-friendly CSS) or ``"pdf"`` (that page printed on A4 with page
            numbers by headless Chromium; returns bytes).
        lang: ``"en"`` (English) or ``"da"`` (Danish); default the policy's ``lang``.
        fallback: where a policy text lacks ``lang``, print it in the policy's language
            instead of refusing.
        year: list the days of this year on which support is closed (holidays and
            closed days, with their names); default the year of the policy's
            ``terms.effective`` date, else of ``terms.date``, else none are listed.
        templates: a folder whose templates come before the built-in ones:
            ``agreement.html.j2`` / ``agreement.md.j2`` replace the page,
            ``sections/<name>.html.j2`` / ``.md.j2`` one section.
        sections: names of sections to add before the signatures, each written by
            ``sections/<name>.<format>.j2`` in ``templates``.
        logo: an image file shown above the title (embedded in the HTML).
        css: a style sheet file added after the built-in one.

    Returns:
        The document's text, ending in a newline (``bytes`` for PDF). The same policy
        always gives the same text (no clock).

    Raises:
        InvalidOptionError: an unknown ``format`` or ``lang``.
        PolicyValidationError: ``policy`` is not an ``SLAPolicy``, or some of its texts
            lack ``lang`` (the message lists their fields) and ``fallback`` is false.
        DocumentError: a template uses a missing value or is missing, a ``logo``,
            ``css`` or ``templates`` path does not exist, Jinja2 and Babel are not
            installed, or no Chromium is found for a PDF.

    Examples:
        >>> from slacalc.policy import default_policy
        >>> page = render_agreement(default_policy("da"), format="html")
        >>> page.splitlines()[1], "43 min 50 s" in page, "Kritisk" in page
        ('<html lang="da">', True, True)
        >>> render_agreement(default_policy(), lang="da")
        Traceback (most recent call last):
        ...
        slacalc.errors.PolicyValidationError: The policy has no Danish ('da') text for ...
        >>> render_agreement(default_policy(), format="docx")
        Traceback (most recent call last):
        ...
        slacalc.errors.InvalidOptionError: Unknown format 'docx'; pass 'markdown', 'html' or 'pdf'.
    """
    from slacalc.policy import Agreement, SLAPolicy

    if format not in FORMATS:
        raise InvalidOptionError(f"Unknown format {format!r}; pass 'markdown', 'html' or 'pdf'.")
    if lang is not None:
        check_lang(lang)
    if not isinstance(policy, (SLAPolicy, Agreement)):
        raise PolicyValidationError(
            f"{policy!r} is not an SLAPolicy; pass SLAPolicy.from_file(...) or "
            "slacalc.default_policy()."
        )
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise InvalidOptionError(f"year={year!r} is not a year; pass e.g. 2027.")
    from slacalc.document._build import build_document
    from slacalc.document._render import Look, render_html, render_markdown, render_pdf

    look = Look.of(templates, sections, logo, css)
    agreement = Agreement.from_policy(policy)
    code = agreement.lang if lang is None else lang
    agreement = agreement.in_language(code, fallback=fallback)
    if year is None and agreement.contract is not None:
        when = agreement.contract.effective or agreement.contract.date
        year = None if when is None else when.year
    doc = build_document(agreement, code, year, look.sections)
    if format == "markdown":
        return render_markdown(doc, agreement, look)
    page = render_html(doc, agreement, look)
    return render_pdf(page) if format == "pdf" else page
