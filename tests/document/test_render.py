"""The agreement document: snapshots pin the whole text; hand-checked numbers pin the math.

Snapshots live in tests/document/snapshots/. After an intended change of wording or
layout, regenerate them and review the diff before committing:

    SLACALC_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/document -q
    git diff tests/document/snapshots
"""

from __future__ import annotations

import copy
import difflib
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from slacalc.document import Lang, render_agreement
from slacalc.errors import InvalidOptionError, PolicyValidationError
from slacalc.policy import DEFAULT_POLICY_DATA, SLAPolicy, default_policy

HERE = Path(__file__).parent
SNAPSHOTS = HERE / "snapshots"
POLICIES = HERE / "policies"
UPDATE = os.environ.get("SLACALC_UPDATE_SNAPSHOTS") == "1"


PARTIES: dict[str, Any] = {
    "parties": {
        "provider": {
            "name": "Webbureauet ApS",
            "address": "Vestergade 1, 8000 Aarhus C",
            "cvr": "13748136",
            "contact": "Mette Hansen",
        },
        "customer": {
            "name": "Kunden A/S",
            "address": "Algade 2, 4000 Roskilde",
            "cvr": "24256790",
            "contact": "Ole Jensen",
        },
    },
    "terms": {
        "fee": "4500",
        "currency": "DKK",
        "effective": "2027-01-01",
        "term_months": 12,
        "renewal_months": 12,
        "notice_months": 3,
        "version": "1.0",
        "date": "2026-12-07",
    },
}


def agency_policy() -> SLAPolicy:
    """The Danish built-in with parties, fee and dates, as an agency sends it."""
    data = default_policy("da").to_dict()
    terms = {**data.pop("terms"), **PARTIES["terms"]}
    return SLAPolicy.from_dict({**data, **PARTIES, "terms": terms})


def _policy(name: str, lang: Lang = "en") -> SLAPolicy:
    """A test policy; the built-in one in ``lang``; ``agency``: the Danish one, filled in."""
    if name == "default":
        return default_policy(lang)
    if name == "agency":
        return agency_policy()
    return SLAPolicy.from_file(POLICIES / f"{name}.toml")


def check_snapshot(name: str, text: str) -> None:
    """Compare ``text`` with the stored snapshot (or rewrite it with SLACALC_UPDATE_SNAPSHOTS=1)."""
    path = SNAPSHOTS / name
    if UPDATE:
        path.write_bytes(text.encode("utf-8"))
        return
    if not path.exists():
        pytest.fail(f"No snapshot {name}; create it with SLACALC_UPDATE_SNAPSHOTS=1 and review it.")
    expected = path.read_bytes().decode("utf-8")
    if text != expected:
        diff = "".join(
            list(
                difflib.unified_diff(
                    expected.splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    f"snapshots/{name}",
                    "rendered",
                )
            )[:60]
        )
        pytest.fail(
            f"{name} differs from its snapshot (if intended: SLACALC_UPDATE_SNAPSHOTS=1):\n{diff}"
        )


CASES = [
    ("default", "markdown", "en"),
    ("default", "markdown", "da"),
    ("default", "html", "en"),
    ("default", "html", "da"),
    ("agency", "markdown", "en"),
    ("agency", "markdown", "da"),
    ("agency", "html", "en"),
    ("agency", "html", "da"),
    ("full", "markdown", "en"),
    ("full", "markdown", "da"),
    ("full", "html", "en"),
    ("minimal", "markdown", "en"),
]


@pytest.mark.parametrize(("policy", "fmt", "lang"), CASES)
def test_snapshot(policy: str, fmt: str, lang: str) -> None:
    # The test policies are written in English: their Danish documents fall back to it.
    text = render_agreement(  # type: ignore[call-overload]
        _policy(policy, lang),  # type: ignore[arg-type]
        format=fmt,
        lang=lang,
        fallback=policy not in ("default", "agency"),
    )
    check_snapshot(f"{policy}-{lang}.{'md' if fmt == 'markdown' else 'html'}", text)


def test_no_stray_snapshots() -> None:
    expected = {f"{p}-{lang}.{'md' if f == 'markdown' else 'html'}" for p, f, lang in CASES}
    stored = {p.name for p in SNAPSHOTS.iterdir() if p.suffix in {".md", ".html"}}
    stored.discard("README.md")
    assert stored == expected


# -- numbers checked by hand ------------------------------------------------------------


def test_default_uptime_numbers_by_hand() -> None:
    text = render_agreement(default_policy())
    # 99.9 % of an average month (365.2425 d / 12 = 2,629,746 s) = 2629.746 s = 43 min 49.746 s
    # -> 43 min 50 s (rounded half up, as uptime.is); of a year 31,556.952 s = 8 h 45 min 56.952 s.
    assert (
        "99.9 % a month means at most 43 min 50 s of downtime a month, 8 h 45 min 57 s a year."
        in text
    )
    assert "| Month | 43 min 50 s | 2629.746 |" in text
    assert "| Day | 1 min 26 s | 86.4 |" in text  # 86,400 s x 0.001
    # 28 d = 2,419,200 s -> 2419.2 s = 40 min 19.2 s; 31 d = 2,678,400 s -> 44 min 38.4 s.
    assert "allows 40 min 19 s in a month of 28 days and 44 min 38 s in one of 31 days" in text
    # Credits as the policy's tiers, bands closed below: [99.5 %, 99.9 %) -> 5 %.
    assert "| at least 99.5 % and below 99.9 % | 5 % of the monthly fee |" in text
    assert "| below 99 % | 15 % of the monthly fee |" in text
    # low: 2 business days; the policy's business_day = "9h", so 2 x 9 h = 18 hours.
    assert (
        "A business day is 9 hours of business time, so 2 business days is 18 hours of"
        " business time." in text
    )


def test_danish_numbers_by_hand() -> None:
    text = render_agreement(default_policy("da"))
    assert (
        "99,9 % om måneden betyder højst 43 min 50 s nedetid om måneden, 8 t 45 min 57 s om året."
        in text
    )
    assert "| Måned | 43 min 50 s | 2629,746 |" in text
    assert "| mindst 99,5 % og under 99,9 % | 5 % af månedens betaling |" in text
    assert "mandag–fredag kl. 09.00–18.00 (dansk tid)." in text  # Dansk Sprognævn: "kl."


_CLAUSES = {
    "en": [
        # parties, with CVR and contact persons
        "| CVR no. | 13748136 | 24256790 |",
        "| Contact person | Mette Hansen | Ole Jensen |",
        # the version and date line under the title
        "*Service level agreement*\n\nVersion 1.0, 7 December 2026\n",
        # fee and currency
        "The fee is DKK 4,500.00 a month.",
        # effective date, term, renewal and notice
        "The agreement takes effect on 1 January 2027.",
        "The agreement runs for a first term of 12 months.",
        "It then renews automatically for 12 months at a time unless it is terminated.",
        "Either party may terminate it with 3 months' notice to the end of a term.",
        # how downtime is measured, and what is not downtime
        "checked automatically every 1 minute from Copenhagen and Frankfurt.",
        "- Force majeure: events beyond the provider's control",
        "- Faults caused by the customer or the customer's suppliers",
        "- Outages at third parties such as the hosting provider, DNS or network",
        # credits as the sole remedy, the cap
        "Service credits are the customer's sole remedy",
        "limited to the fees paid for the 12 months before the claim.",
        # governing law and venue
        "The agreement is governed by Danish law.",
        "Disputes are settled by the courts of the provider's home venue.",
        # the days of the coming year support is closed, with their dates
        "In 2027 support is closed on these days:",
        "- Friday 24 December 2027: Christmas Eve",
        "- Friday 31 December 2027: New Year's Eve",  # closed by the policy, not a holiday
        "- Thursday 6 May 2027: Ascension Day",
        # the signature block with names
        "| Company | Webbureauet ApS | Kunden A/S |",
        "| Name | Mette Hansen | Ole Jensen |",
    ],
    "da": [
        "| CVR-nr. | 13748136 | 24256790 |",
        "| Kontaktperson | Mette Hansen | Ole Jensen |",
        "*Serviceniveauaftale (SLA)*\n\nVersion 1.0, 7. december 2026\n",
        "Prisen er 4.500,00 kr. om måneden.",
        "Aftalen træder i kraft den 1. januar 2027.",
        "Aftalen løber i en første periode på 12 måneder.",
        "forlænges den automatisk med 12 måneder ad gangen",
        "Hver part kan opsige aftalen med 3 måneders varsel til udløbet af en periode.",
        "med et interval på 1 minut fra København og Frankfurt.",
        "- Force majeure: forhold uden for leverandørens kontrol",
        "- Fejl, som kunden eller kundens leverandører har forårsaget",
        "- Nedbrud hos tredjeparter som hostingudbyder, DNS eller netværk",
        "Kreditering er kundens eneste beføjelse",
        "begrænset til det beløb, kunden har betalt for de seneste 12 måneder",
        "Aftalen er underlagt dansk ret.",
        "Tvister afgøres ved leverandørens hjemting.",
        "I 2027 er supporten lukket disse dage:",
        "- fredag den 24. december 2027: juleaftensdag",
        "- fredag den 31. december 2027: nytårsaften",
        "- torsdag den 6. maj 2027: Kristi himmelfartsdag",
        "| Virksomhed | Webbureauet ApS | Kunden A/S |",
        "| Navn | Mette Hansen | Ole Jensen |",
    ],
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_every_contract_clause_in_both_languages(lang: Lang) -> None:
    # 25 and 26 December 2027 fall on a weekend: only the weekdays support closes are listed.
    text = render_agreement(agency_policy(), lang=lang)
    missing = [clause for clause in _CLAUSES[lang] if clause not in text]
    assert missing == []


def test_a_vat_number_for_a_customer_abroad() -> None:
    data = agency_policy().to_dict()
    data["parties"]["customer"] = {"name": "Nordhandel GmbH", "vat": "DE123456789"}
    policy = SLAPolicy.from_dict(data)
    assert "| VAT no. |  | DE123456789 |" in render_agreement(policy, lang="en")
    assert "| Momsnr. |  | DE123456789 |" in render_agreement(policy, lang="da")


def test_quarterly_numbers_by_hand() -> None:
    text = render_agreement(_policy("full"))
    # 0.05 % of 7,889,238 s (a quarter of 365.2425 d) = 3944.619 s = 1 h 5 min 44.619 s.
    assert "99.95 % a quarter means at most 1 h 5 min 45 s of downtime a quarter" in text
    # a year: 31,556,952 s x 0.0005 = 15778.476 s = 4 h 22 min 58.476 s.
    assert "4 h 22 min 58 s a year." in text
    # 90 d: 7,776,000 s x 0.0005 = 3888 s = 1 h 4 min 48 s; 92 d: 3974.4 s = 1 h 6 min 14.4 s.
    assert "allows 1 h 4 min 48 s in a quarter of 90 days and 1 h 6 min 14 s in one of 92" in text
    assert "| **P1** | resolution | 2 % of the fee | 1 % per 1 hour | 20 % of the fee |" in text
    assert "A target of 1 business day ends at the same time of day 1 business day later" in text
    assert (
        "| **P2** | Degraded: checkout is slow. | 1 hour 30 minutes | 1 business day | 2 hours"
        " | – | extended hours |" in text
    )


def test_maintenance_and_claims_by_hand() -> None:
    text = render_agreement(default_policy())
    assert (
        "The provider may carry out planned maintenance in this weekly window: Sunday "
        "02:00–06:00 (Copenhagen time)." in text
    )
    assert "- The customer is told of planned maintenance at least 48 hours in advance." in text
    assert "- Planned maintenance takes at most 4 hours a month." in text
    assert "- Planned maintenance is not downtime: it counts as time the service was up." in text
    assert "all downtime, planned or not" not in text
    assert "A credit must be claimed within 30 days after the end of the month it is for." in text
    assert "How to claim: By e-mail to support, naming the month;" in text
    danish = render_agreement(default_policy("da"))
    assert "søndag kl. 02.00–06.00 (dansk tid)" in danish
    assert "mindst 48 timer i forvejen" in danish
    assert "Kreditering skal kræves senest 30 dage efter månedens udløb." in danish
    full = render_agreement(_policy("full"))
    # Sat 22:00-24:00 and Sun 00:00-04:00 Berlin time; 72 h notice; excluded from the total.
    assert "Saturday 22:00–24:00; Sunday 00:00–04:00 (Berlin time)" in full
    assert "at least 72 hours in advance" in full
    assert "it is left out of the time availability is measured over" in full
    assert "Credits are applied automatically" in full
    assert "The credit appears on the next quarterly invoice." in full


def test_without_maintenance_rules_all_downtime_counts() -> None:
    data = copy.deepcopy(DEFAULT_POLICY_DATA)
    del data["uptime"]["maintenance"], data["uptime"]["claims"]
    text = render_agreement(SLAPolicy.from_dict(data))
    assert (
        "The agreement sets no maintenance windows: all downtime, planned or not, counts "
        "against the uptime guarantee." in text
    )
    assert (
        "To claim a credit, send a request through Ticket system naming the month; the credit "
        "is calculated as above from the measured availability." in text
    )
    data["uptime"]["claims"] = {"claim_within_days": 1}
    text = render_agreement(SLAPolicy.from_dict(data), lang="da", fallback=True)
    assert "Kreditering skal kræves senest 1 dag efter månedens udløb." in text
    assert "Kreditering kræves ved at sende en henvendelse via Ticket system" in text


def test_the_same_policy_gives_the_same_text() -> None:
    assert render_agreement(default_policy(), format="html") == render_agreement(
        SLAPolicy.from_toml(default_policy().to_toml()), format="html"
    )


# -- escaping -----------------------------------------------------------------------------


def _hostile() -> SLAPolicy:
    data = copy.deepcopy(DEFAULT_POLICY_DATA)
    data["name"] = "A & B <Care> | *SLA*"
    data["scope"]["included"] = [
        "<script>alert('x')</script>",
        "Pipes | and *stars* and _under_ [links](http://x)",
        "1. not a list",
        "- not a bullet",
    ]
    data["severities"][0]["description"] = 'Down "hard" & <b>bold</b>\nsecond line | cell'
    data["channels"][0]["name"] = "Help<desk>"
    return SLAPolicy.from_dict(data)


def test_html_escapes_policy_text() -> None:
    page = render_agreement(_hostile(), format="html")
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<title>A &amp; B &lt;Care&gt; | *SLA*</title>" in page
    assert "Down &quot;hard&quot; &amp; &lt;b&gt;bold&lt;/b&gt;" in page
    assert "Help&lt;desk&gt;" in page


def test_markdown_escapes_policy_text() -> None:
    text = render_agreement(_hostile())
    assert text.startswith("# A \\& B \\<Care\\> \\| \\*SLA\\*\n")
    assert "- \\<script\\>alert('x')\\</script\\>" in text
    assert "- Pipes \\| and \\*stars\\* and \\_under\\_ \\[links\\](http://x)" in text
    assert "- 1\\. not a list" in text
    assert "- \\- not a bullet" in text
    # the newline in the description stays inside its table cell
    assert '| Down "hard" \\& \\<b\\>bold\\</b\\> second line \\| cell |' in text
    widths: list[int] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):  # every row of a table has its header's number of cells
            widths.append(len(re.split(r"(?<!\\)\|", line)))
        elif widths:
            assert len(set(widths)) == 1, widths
            widths = []


class _Balance(HTMLParser):
    VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


@pytest.mark.parametrize("policy", ["default", "full", "minimal"])
@pytest.mark.parametrize("lang", ["en", "da"])
def test_html_is_well_formed_and_self_contained(policy: str, lang: Lang) -> None:
    page = render_agreement(_policy(policy, lang), format="html", lang=lang, fallback=True)
    checker = _Balance()
    checker.feed(page)
    checker.close()
    assert checker.problems == []
    assert checker.stack == []
    assert page.startswith("<!DOCTYPE html>\n")
    assert f'<html lang="{lang}">' in page
    for outside in ("http://", "https://", "<script", "<link", "@import", "url("):
        assert outside not in page.replace("https://support.example.com", "")
    assert "@media print" in page


# -- bad arguments ------------------------------------------------------------------------


def test_unknown_format_and_language() -> None:
    with pytest.raises(InvalidOptionError, match="Unknown format 'docx'"):
        render_agreement(default_policy(), format="docx")  # type: ignore[call-overload]
    with pytest.raises(InvalidOptionError, match="Unknown language 'fr'; pass 'en' or 'da'"):
        render_agreement(default_policy(), lang="fr")  # type: ignore[call-overload]


def test_not_a_policy() -> None:
    with pytest.raises(PolicyValidationError, match="is not an SLAPolicy"):
        render_agreement(DEFAULT_POLICY_DATA)
