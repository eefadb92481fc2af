"""The agreement's sections through Jinja2 templates: Markdown, HTML, and PDF from the HTML.

The built-in templates (``templates/``) lay out the page; a user's folder comes first,
so ``agreement.html.j2`` there replaces the whole page and ``sections/<name>.html.j2``
one section (or adds one named in ``sections=``). Templates are strict: a name they use
that does not exist is an error, never an empty spot. Every value the library puts in
is escaped for the format (HTML by Jinja2's autoescape, Markdown by the filters).
"""

from __future__ import annotations

import base64
import datetime as dt
import mimetypes
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from slacalc._present.catalogue import Lang, catalogue
from slacalc._present.formats import duration_text, percent_text
from slacalc._present.tables import (
    html_inline,
    markdown_escape,
    markdown_inline,
    table_html,
    table_markdown,
)
from slacalc._validate import shown
from slacalc.document._model import Block, Document, Heading, Items, Paragraph
from slacalc.document._words import long_date, money_text
from slacalc.errors import DocumentError
from slacalc.uptime import Availability

if TYPE_CHECKING:
    import jinja2

    from slacalc.policy import Agreement

__all__ = ["Look", "render_html", "render_markdown", "render_pdf"]

_LIST_START = re.compile(r"^(\d+)([.)])(\s|$)")
_CHROMIUMS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_PDF_TIMEOUT_S = 120


@dataclass(frozen=True, slots=True)
class Look:
    """What the user adds to the built-in layout: templates folder, sections, logo, CSS."""

    templates: Path | None = None
    sections: tuple[str, ...] = ()
    logo: Path | None = None
    css: Path | None = None

    @classmethod
    def of(
        cls,
        templates: str | os.PathLike[str] | None,
        sections: Sequence[str],
        logo: str | os.PathLike[str] | None,
        css: str | os.PathLike[str] | None,
    ) -> Look:
        """The additions, each file checked to exist."""
        folder = None if templates is None else Path(templates)
        if folder is not None and not _is(folder, Path.is_dir):
            raise DocumentError(
                f"Templates folder {shown(str(templates))} does not exist; pass a folder holding "
                "agreement.html.j2 or sections/<name>.html.j2 (and .md.j2) files."
            )
        if isinstance(sections, str) or not all(isinstance(s, str) and s for s in sections):
            raise DocumentError(
                f"sections={sections!r} is not a list of section names; pass e.g. ['pricing']."
            )
        if sections and folder is None:
            raise DocumentError(
                f"sections={list(sections)!r} need templates; pass templates= a folder "
                "holding sections/<name>.html.j2 and sections/<name>.md.j2."
            )
        return cls(
            folder,
            tuple(sections),
            _existing(logo, "Logo", "a PNG, JPEG or SVG file"),
            _existing(css, "Style sheet", "a .css file"),
        )


def _existing(path: str | os.PathLike[str] | None, what: str, kind: str) -> Path | None:
    """``path`` as a Path, refused when the file does not exist."""
    if path is None:
        return None
    found = Path(path)
    if not _is(found, Path.is_file):
        raise DocumentError(
            f"{what} file {shown(str(path))} does not exist; pass the path of {kind}."
        )
    return found


def _is(path: Path, test: Callable[[Path], bool]) -> bool:
    """``test(path)``, false for a path the system cannot look up (a name too long)."""
    try:
        return test(path)
    except OSError:
        return False


def _block_start(text: str) -> str:
    """A paragraph or list item that would start a list or heading, escaped."""
    text = _LIST_START.sub(r"\1\\\2\3", text.lstrip())
    return "\\" + text if text[:1] in {"-", "+", "="} else text


def md_blocks(blocks: Sequence[Block]) -> str:
    """Blocks as Markdown, one blank line between them, every text escaped.

    Examples:
        >>> print(md_blocks([Heading(3, "Notes"), Paragraph(("1. not a list",))]))
        ### Notes
        <BLANKLINE>
        1\\. not a list
    """
    chunks: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            chunks.append(f"{'#' * block.level} {markdown_escape(block.text)}")
        elif isinstance(block, Paragraph):
            chunks.append(_block_start(markdown_inline(block.parts)))
        elif isinstance(block, Items):
            chunks.append(
                "\n".join(
                    f"{f'{n}.' if block.ordered else '-'} {_block_start(markdown_inline(item))}"
                    for n, item in enumerate(block.items, start=1)
                )
            )
        else:
            chunks.append(table_markdown(block))
    return "\n\n".join(chunks)


def html_blocks(blocks: Sequence[Block]) -> str:
    """Blocks as HTML, one element a line, every text escaped.

    Examples:
        >>> print(html_blocks([Heading(3, "A & B"), Items((("x",),), ordered=True)]))
        <h3>A &amp; B</h3>
        <ol>
        <li>x</li>
        </ol>
    """
    from html import escape

    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines.append(f"<h{block.level}>{escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            lines.append(f"<p>{html_inline(block.parts)}</p>")
        elif isinstance(block, Items):
            tag = "ol" if block.ordered else "ul"
            lines += [f"<{tag}>", *(f"<li>{html_inline(i)}</li>" for i in block.items), f"</{tag}>"]
        else:
            lines.append(table_html(block))
    return "\n".join(lines)


def _environment(look: Look, html: bool) -> jinja2.Environment:
    """A strict Jinja2 environment: the user's folder first, then the built-in templates."""
    try:
        import jinja2
    except ImportError:
        raise DocumentError(
            "Rendering the agreement needs Jinja2 and Babel, which are not installed; run "
            "pip install jinja2 babel (or install slacalc with its document extra)."
        ) from None
    from markupsafe import Markup

    loaders: list[jinja2.BaseLoader] = [jinja2.PackageLoader("slacalc.document", "templates")]
    if look.templates is not None:
        loaders.insert(0, jinja2.FileSystemLoader(look.templates))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=html,
        keep_trailing_newline=False,
    )
    if html:
        env.filters["html_blocks"] = lambda blocks: Markup(html_blocks(blocks))
    env.filters["md_blocks"] = md_blocks
    env.filters["md"] = markdown_escape
    return env


def _helpers(lang: Lang) -> dict[str, Callable[..., str]]:
    """The functions a template may call, all in the document's language."""
    words = catalogue(lang)

    def date(day: dt.date, weekday: bool = False) -> str:
        return long_date(day, lang, weekday=weekday)

    def money(amount: Decimal | int | str, currency: str = "DKK") -> str:
        return money_text(Decimal(str(amount)), currency, lang)

    def percent(value: Fraction | Decimal | int | str | Availability) -> str:
        if isinstance(value, Availability):
            return percent_text(value.percent, lang)
        if isinstance(value, Fraction):  # a share, as the agreement holds its targets
            return percent_text(value * 100, lang)
        return percent_text(Decimal(str(value)) if isinstance(value, str) else value, lang)

    def duration(value: dt.timedelta) -> str:
        return duration_text(value, "words", lang)

    def plural(count: int, one: str, many: str) -> str:
        from babel.core import Locale
        from babel.plural import PluralRule

        rule: PluralRule = Locale.parse(lang).plural_form
        return (one if rule(count) == "one" else many).format(count=count)

    def say(key: str, **values: object) -> str:
        return words.say(key, **values)

    helpers: dict[str, Callable[..., str]] = {
        "date": date,
        "money": money,
        "percent": percent,
        "duration": duration,
        "plural": plural,
        "say": say,
    }
    return {name: _strict(helper) for name, helper in helpers.items()}


def _strict(helper: Callable[..., str]) -> Callable[..., str]:
    """``helper`` refusing an undefined argument as strictly as the templates do."""
    import jinja2

    def call(*args: Any, **kwargs: Any) -> str:
        for value in (*args, *kwargs.values()):
            if isinstance(value, jinja2.Undefined):
                value._fail_with_undefined_error()
        return helper(*args, **kwargs)

    return call


def _render(template: str, doc: Document, agreement: Agreement, look: Look, *, html: bool) -> str:
    """The document through ``template``; any template problem is a :class:`DocumentError`."""
    env = _environment(look, html)  # first: it says what to install when Jinja2 is missing
    import jinja2

    ext = "html" if html else "md"
    for name in look.sections:
        try:
            env.get_template(f"sections/{name}.{ext}.j2")
        except jinja2.TemplateNotFound:
            raise DocumentError(
                f"Section {name!r} has no template; add sections/{name}.{ext}.j2 to the "
                f"templates folder {str(look.templates)!r}."
            ) from None
    css = (Path(__file__).parent / "templates" / "style.css").read_text("utf-8")
    if look.css is not None:
        try:
            css += "\n" + look.css.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DocumentError(
                f"Cannot read the style sheet {shown(str(look.css))}: {exc}; pass a UTF-8 "
                ".css file."
            ) from None
    css = css.rstrip("\n")
    logo = ""
    if look.logo is not None:
        logo = _data_uri(look.logo) if html else look.logo.as_posix()
    context: dict[str, Any] = {
        "doc": doc,
        "agreement": agreement,
        "contract": agreement.contract,
        "lang": doc.lang,
        "logo": logo,
        "css": css,
        **_helpers(doc.lang),  # type: ignore[arg-type]
    }
    if html:
        from markupsafe import Markup

        context["css"] = Markup(css.replace("</", "<\\/"))
    try:
        return env.get_template(template).render(context)
    except jinja2.UndefinedError as exc:
        raise DocumentError(
            f"A template uses a value the document does not have ({exc.message}); use the "
            "names listed in docs/reference/document.md (doc, section, agreement, ...)."
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise DocumentError(
            f"Template {exc.name or exc.filename!r}, line {exc.lineno}: {exc.message}; "
            "correct its Jinja2 syntax."
        ) from None
    except jinja2.TemplateError as exc:
        raise DocumentError(f"The agreement's templates failed: {exc}.") from None
    except Exception as exc:  # a helper given a wrong value, e.g. date('soon')
        raise DocumentError(
            f"A template passed a value a function cannot use ({type(exc).__name__}: "
            f"{exc}); pass a date to date(), an amount to money(), a timedelta to duration()."
        ) from None


def _data_uri(path: Path) -> str:
    """The file as a ``data:`` URI, so the page stays self-contained."""
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def render_markdown(doc: Document, agreement: Agreement, look: Look = Look()) -> str:
    """The document as Markdown, blank lines normalised, ending in one newline.

    Examples:
        >>> from slacalc.document._build import build_document
        >>> from slacalc.policy import default_policy
        >>> agreement = default_policy().to_agreement()
        >>> text = render_markdown(build_document(agreement, "en"), agreement)
        >>> text.splitlines()[:3]
        ['# Website care agreement', '', '*Service level agreement*']
    """
    text = _render("agreement.md.j2", doc, agreement, look, html=False)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def render_html(doc: Document, agreement: Agreement, look: Look = Look()) -> str:
    """The document as one self-contained HTML page, ending in one newline.

    Examples:
        >>> from slacalc.document._build import build_document
        >>> from slacalc.policy import default_policy
        >>> agreement = default_policy().to_agreement()
        >>> page = render_html(build_document(agreement, "en"), agreement)
        >>> page.count("<section>"), page.count("<script")
        (11, 0)
    """
    return _render("agreement.html.j2", doc, agreement, look, html=True).strip("\n") + "\n"


def chromium() -> str | None:
    """The headless Chromium to print with: ``SLACALC_CHROMIUM``, else one on the PATH.

    Examples:
        >>> chromium() is None or isinstance(chromium(), str)
        True
    """
    chosen = os.environ.get("SLACALC_CHROMIUM")
    if chosen:
        return chosen
    return next((found for name in _CHROMIUMS if (found := shutil.which(name))), None)


def render_pdf(page: str) -> bytes:
    """An HTML page printed to an A4 PDF by headless Chromium.

    Raises:
        DocumentError: no Chromium is found, or it fails.

    Examples:
        >>> pdf = render_pdf("<!DOCTYPE html><p>Hej</p>") if chromium() else b"%PDF-"
        >>> pdf[:5]
        b'%PDF-'
    """
    binary = chromium()
    if binary is None:
        raise DocumentError(
            "A PDF needs headless Chromium, which was not found; install it (Debian and "
            "Ubuntu: apt-get install chromium; macOS: brew install --cask chromium), or set "
            "SLACALC_CHROMIUM to its path; or write format='html' and print that."
        )
    with tempfile.TemporaryDirectory(prefix="slacalc-pdf-") as tmp:
        source, target = Path(tmp) / "agreement.html", Path(tmp) / "agreement.pdf"
        source.write_text(page, encoding="utf-8")
        command = [
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={Path(tmp) / 'profile'}",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=_PDF_TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise DocumentError(f"Chromium {binary!r} could not print the PDF: {exc}.") from None
        if not target.is_file() or target.stat().st_size == 0:
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise DocumentError(
                f"Chromium {binary!r} did not write the PDF (exit code {done.returncode}): "
                f"{' '.join(said) or 'no message'}; check that it runs headless."
            )
        return target.read_bytes()
