"""Templates a user overrides or adds, a logo and CSS, and every bad input refused whole."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any, Literal

import pytest

from slacalc.document import render_agreement
from slacalc.errors import DocumentError, PolicyValidationError
from slacalc.policy import PartySpec, SLAPolicy, default_policy

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_a_section_is_overridden_in_both_formats(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        {
            "sections/scope.md.j2": "## {{ section.heading }}\n\nAlt på {{ agreement.title }}.",
            "sections/scope.html.j2": "<section><h2>{{ section.heading }}</h2>"
            "<p>{{ '<b>' }} {{ date(contract.effective or none_given, weekday=True) }}</p>"
            "</section>",
        },
    )
    policy = default_policy("da")
    text = render_agreement(policy, templates=folder)
    assert "## 1. Omfang\n\nAlt på Aftale om drift og vedligeholdelse af website.\n" in text
    assert "Sikkerhedskopiering" not in text  # the built-in scope section is replaced
    assert "## 2. Supporttid og kontaktkanaler" in text  # the others stay
    with pytest.raises(DocumentError, match="'none_given' is undefined"):
        render_agreement(policy, format="html", templates=folder)


def test_added_sections_are_numbered_before_the_signatures(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        {
            "sections/pricing.md.j2": "## {{ section.number }}. Priser\n\n"
            "{{ money(4500) }} {{ say('per.month') }}; "
            "{{ plural(3, '{count} måned', '{count} måneder') }}.",
            "sections/pricing.html.j2": "<section><h2>{{ section.number }}. Priser</h2>"
            "<p>{{ money(4500, 'EUR') }}</p></section>",
        },
    )
    text = render_agreement(default_policy("da"), templates=folder, sections=["pricing"])
    assert "## 14. Priser\n\n4.500,00\xa0kr. om måneden; 3 måneder.\n\n## 15. Underskrifter" in text
    page = render_agreement(default_policy("da"), "html", templates=folder, sections=["pricing"])
    assert "<h2>14. Priser</h2><p>4.500,00\xa0€</p>" in page
    with pytest.raises(
        DocumentError, match=r"Section 'prices' has no template; add sections/prices"
    ):
        render_agreement(default_policy("da"), templates=folder, sections=["prices"])


def test_the_whole_page_is_overridden(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"agreement.md.j2": "{{ doc.title }}: {{ doc.sections | length }}"})
    assert render_agreement(default_policy(), templates=folder) == "Website care agreement: 12\n"


def test_logo_and_css(tmp_path: Path) -> None:
    logo, css = tmp_path / "logo.png", tmp_path / "brand.css"
    logo.write_bytes(PNG)
    css.write_text("h1 { color: #c00; }", encoding="utf-8")
    page = render_agreement(default_policy(), format="html", logo=logo, css=css)
    assert '<img class="logo" src="data:image/png;base64,' in page
    assert "h1 { color: #c00; }\n</style>" in page
    assert render_agreement(default_policy(), logo=logo).startswith(f"![]({logo.as_posix()})\n")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"logo": "missing.png"}, "Logo file 'missing.png' does not exist"),
        ({"css": "missing.css"}, "Style sheet file 'missing.css' does not exist"),
        ({"templates": "no/such/folder"}, "Templates folder 'no/such/folder' does not exist"),
        ({"sections": ["x"]}, r"sections=\['x'\] need templates"),
        ({"sections": "pricing"}, "is not a list of section names"),
    ],
)
def test_bad_input_is_refused(options: dict[str, object], message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        render_agreement(default_policy(), **options)  # type: ignore[call-overload]


def test_template_syntax_error_names_the_file(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"sections/roles.md.j2": "{% if %}"})
    with pytest.raises(DocumentError, match=r"Template 'sections/roles.md.j2', line 1"):
        render_agreement(default_policy(), templates=folder)


@pytest.mark.parametrize(
    ("cvr", "message"),
    [
        ("1374813", "'1374813' is not a CVR number; write its 8 digits"),
        ("13748137", "'13748137' is not a valid CVR number"),
        ("DK13748136", "is not a CVR number"),
    ],
)
def test_bad_cvr_is_refused_at_load(cvr: str, message: str) -> None:
    with pytest.raises(PolicyValidationError, match=message):
        PartySpec(name="Kunden A/S", cvr=cvr)
    data = default_policy().to_dict()
    data["parties"] = {"customer": {"name": "Kunden A/S", "cvr": cvr}}
    with pytest.raises(PolicyValidationError, match=r"parties\.customer\.cvr"):
        SLAPolicy.from_dict(data)


@pytest.mark.parametrize("cvr", ["13748136", "24256790", "1358 5628"])
def test_valid_cvr_numbers(cvr: str) -> None:
    # 13748136: Erhvervsstyrelsen's worked example; the others pass the same check.
    assert PartySpec(name="A/S", cvr=cvr).cvr == cvr.replace(" ", "")


def test_money_is_never_a_float() -> None:
    data = default_policy().to_dict()
    data["terms"] = {"fee": 4500.5}
    with pytest.raises(PolicyValidationError, match=r"terms\.fee: 4500.5 is not an exact amount"):
        SLAPolicy.from_dict(data)


@pytest.mark.parametrize(
    ("template", "source", "named"),
    [
        ("sections/law.md.j2", "{{ section.heading }}\n\n{{ contract.judge }}", "'judge'"),
        ("sections/law.html.j2", "<h2>{{ section.heading }}</h2>{{ contract.judge }}", "'judge'"),
        ("agreement.md.j2", "# {{ doc.title }}\n{% if doc.draft %}Udkast{% endif %}", "'draft'"),
        ("agreement.html.j2", "<h1>{{ doc.title }}</h1>{{ signed_by }}", "'signed_by'"),
        ("sections/sign.md.j2", "{{ date(contract.signed) }}", "'signed'"),
    ],
)
def test_a_missing_field_refuses_the_whole_document(
    tmp_path: Path, template: str, source: str, named: str
) -> None:
    folder = _folder(tmp_path, {template: source})
    target = tmp_path / "aftale"
    fmt: Literal["markdown", "html"] = "html" if ".html." in template else "markdown"
    with pytest.raises(DocumentError, match=f"a value the document does not have.*{named}"):
        target.write_text(render_agreement(default_policy("da"), fmt, templates=folder))
    assert not target.exists()  # nothing was returned, not even the page before the gap


def test_the_command_line_writes_no_half_document(tmp_path: Path) -> None:
    from slacalc.cli import main

    folder = _folder(tmp_path, {"sections/law.md.j2": "{{ contract.judge }}"})
    target = tmp_path / "aftale.md"
    assert main(["document", "--lang", "da", "--templates", str(folder), "-o", str(target)]) != 0
    assert not target.exists()
    logo = str(tmp_path / "logo.png")
    assert main(["document", "--logo", logo, "-o", str(target)]) != 0
    assert not target.exists()


@pytest.mark.parametrize(
    ("field", "path"),
    [
        (("severities", 0, "label"), r"severities\[0\]\.label"),
        (("scope", "included", 0), r"scope\.included\[0\]"),
        (("downtime", "exclusions", 1), r"downtime\.exclusions\[1\]"),
        (("law", "venue"), r"law\.venue"),
        (("title",), r"title"),
    ],
)
def test_an_unknown_language_code_is_refused_in_every_section(
    field: tuple[str | int, ...], path: str
) -> None:
    data = default_policy("da").to_dict()
    parent: Any = data
    for key in field[:-1]:
        parent = parent[key]
    parent[field[-1]] = {"da": "Tekst", "dk": "Tekst"}
    with pytest.raises(PolicyValidationError, match=rf"{path}: Unknown language code 'dk'"):
        SLAPolicy.from_dict(data)


def test_template_functions_write_as_the_language_does(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        {
            "sections/scope.md.j2": "{{ date(contract.effective, weekday=True) }} | "
            "{{ percent(agreement.uptime.target) }} | {{ percent('99.95') }} | "
            "{{ duration(agreement.business_day) }} | {{ money(contract.fee) }} | "
            "{{ plural(1, '{count} dag', '{count} dage') }}, "
            "{{ plural(2, '{count} dag', '{count} dage') }}",
        },
    )
    data = default_policy("da").to_dict()
    data["terms"] |= {"fee": "4500", "effective": "2026-11-30"}
    policy = SLAPolicy.from_dict(data)
    danish = render_agreement(policy, templates=folder)
    assert (
        "mandag den 30. november 2026 | 99,9 % | 99,95 % | 9 timer | 4.500,00\xa0kr. | "
        "1 dag, 2 dage" in danish
    )
    english = render_agreement(policy, lang="en", templates=folder)
    assert "Monday 30 November 2026 | 99.9 % | 99.95 % | 9 hours | DKK\xa04,500.00" in english
