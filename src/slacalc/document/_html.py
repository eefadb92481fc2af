"""The agreement as one self-contained HTML page with simple, print-friendly CSS.

No scripts, no external fonts, images or style sheets: the file opens anywhere and
prints on A4 with the headings kept with their text. Every text is escaped with
``html.escape``.
"""

from __future__ import annotations

from html import escape

from slacalc._present.tables import html_inline as _inline
from slacalc._present.tables import table_html
from slacalc.document._model import Document, Heading, Items, Paragraph

__all__ = ["CSS", "render_html"]

CSS = """\
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1b1f24; font-size: 16px; line-height: 1.55;
  font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
main { max-width: 50rem; margin: 0 auto; padding: 2.5rem 2rem 4rem; }
header { border-bottom: 3px solid #24477a; margin-bottom: 1.5rem; padding-bottom: .8rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0; color: #24477a; }
.subtitle { margin: .3rem 0 0; color: #4a5562; font-size: 1.1rem; }
h2 { font-size: 1.3rem; color: #24477a; margin: 2rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 1px solid #c5cfdc; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
p { margin: .5rem 0; }
ul, ol { margin: .4rem 0 .8rem; padding-left: 1.5rem; }
li { margin: .2rem 0; }
table { width: 100%; border-collapse: collapse; margin: .6rem 0 1rem; font-size: .95rem; }
th, td { border: 1px solid #b9c4d2; padding: .4rem .6rem; text-align: left; vertical-align: top; }
th { background: #eaf0f7; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.signatures td { height: 3rem; width: 40%; }
table.signatures td:first-child { width: 20%; font-weight: 600; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  table, tr, li { break-inside: avoid; page-break-inside: avoid; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
"""The page's style sheet: readable on screen, A4 in print."""


def render_html(doc: Document) -> str:
    """A complete HTML page of the agreement, ending in one newline.

    Examples:
        >>> from slacalc.document._model import Document, Paragraph
        >>> page = render_html(Document("A & B <SLA>", "Agreement", "en", (Paragraph(("x",)),)))
        >>> "<title>A &amp; B &lt;SLA&gt;</title>" in page, page.count("<script")
        (True, 0)
    """
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(doc.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(doc.title)}</title>",
        "<style>",
        CSS.rstrip("\n"),
        "</style>",
        "</head>",
        "<body>",
        "<main>",
        "<header>",
        f"<h1>{escape(doc.title)}</h1>",
        f'<p class="subtitle">{escape(doc.subtitle)}</p>',
        "</header>",
    ]
    in_section = False
    for block in doc.blocks:
        if isinstance(block, Heading):
            if block.level <= 2:
                if in_section:
                    lines.append("</section>")
                lines.append("<section>")
                in_section = True
            lines.append(f"<h{block.level}>{escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            lines.append(f"<p>{_inline(block.parts)}</p>")
        elif isinstance(block, Items):
            tag = "ol" if block.ordered else "ul"
            lines.append(f"<{tag}>")
            lines += [f"<li>{_inline(item)}</li>" for item in block.items]
            lines.append(f"</{tag}>")
        else:
            lines.append(table_html(block))
    if in_section:
        lines.append("</section>")
    lines += ["</main>", "</body>", "</html>"]
    return "\n".join(lines) + "\n"
