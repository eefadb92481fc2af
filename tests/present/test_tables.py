"""The one table model, as text, Markdown and HTML: the same table, escaped for each."""

from __future__ import annotations

from slacalc._present.tables import Strong, Table, table_html, table_markdown, table_text

TABLE = Table(
    ("severity", "response"),
    (("critical", ("within ", Strong("15m"))), ("low | *odd* <b>", "2h")),
    numeric=(1,),
)


def test_text_is_fixed_width_without_markup_or_trailing_spaces() -> None:
    assert table_text(TABLE).splitlines() == [
        "severity         response",
        "critical         within 15m",
        "low | *odd* <b>  2h",
    ]
    ruled = table_text(TABLE, rule=True, more=2).splitlines()
    assert ruled[1] == "-" * 15 + "  " + "-" * 10
    assert ruled[-1] == "... 2 more rows"
    assert all(line == line.rstrip() for line in ruled)


def test_markdown_escapes_cells_and_aligns_numbers_right() -> None:
    assert table_markdown(TABLE).splitlines() == [
        "| severity | response |",
        "| --- | ---: |",
        "| critical | within **15m** |",
        "| low \\| \\*odd\\* \\<b\\> | 2h |",
    ]


def test_html_escapes_cells_and_names_its_kind() -> None:
    html = table_html(TABLE)
    assert "<td>low | *odd* &lt;b&gt;</td>" in html
    assert '<td class="num">within <strong>15m</strong></td>' in html
    assert html.startswith("<table>\n<thead>")
    signed = table_html(Table(("Party", "Signature"), (("Client", ""),), kind="signatures"))
    assert signed.startswith('<table class="signatures">')
