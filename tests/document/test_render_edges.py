"""How rendering fails: no Jinja2, broken templates, a Chromium that cannot print."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from slacalc.document import render_agreement
from slacalc.document._render import _helpers, chromium
from slacalc.errors import DocumentError
from slacalc.policy import default_policy
from slacalc.uptime import Availability


def _scope(tmp_path: Path, text: str) -> Path:
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "scope.md.j2").write_text(text, encoding="utf-8")
    return tmp_path


def test_without_jinja2_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)  # import jinja2 fails
    with pytest.raises(DocumentError, match=r"needs Jinja2 and Babel, which are not installed"):
        render_agreement(default_policy())


def test_a_missing_included_template_is_named(tmp_path: Path) -> None:
    folder = _scope(tmp_path, "{% include 'nope.j2' %}")
    with pytest.raises(DocumentError, match=r"^The agreement's templates failed: nope\.j2\.$"):
        render_agreement(default_policy(), templates=folder)


def test_a_helper_given_a_wrong_value(tmp_path: Path) -> None:
    folder = _scope(tmp_path, "{{ say('no.such.key') }}")
    with pytest.raises(
        DocumentError,
        match=r"^A template passed a value a function cannot use \(KeyError: 'no\.such\.key'\)",
    ):
        render_agreement(default_policy(), templates=folder)


def test_percent_of_an_availability() -> None:
    target = Availability.from_target("99.95%")
    assert _helpers("en")["percent"](target) == "99.95 %"
    assert _helpers("da")["percent"](target) == "99,95 %"


def test_the_chromium_named_in_the_environment_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACALC_CHROMIUM", "/opt/my-chromium")
    assert chromium() == "/opt/my-chromium"


def test_a_chromium_that_cannot_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    missing = tmp_path / "chromium"
    monkeypatch.setenv("SLACALC_CHROMIUM", str(missing))
    with pytest.raises(DocumentError, match=r"could not print the PDF: \[Errno 2\] No such file"):
        render_agreement(default_policy(), format="pdf")


def test_a_chromium_that_writes_no_pdf(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\necho 'no display' >&2\nexit 3\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("SLACALC_CHROMIUM", str(fake))
    with pytest.raises(
        DocumentError,
        match=r"did not write the PDF \(exit code 3\): no display; check that it runs headless",
    ):
        render_agreement(default_policy(), format="pdf")
