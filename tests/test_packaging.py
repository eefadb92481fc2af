"""What the package ships and says about itself: the license, its links, how to install."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]


def test_the_mit_license_text_is_there_and_shipped() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "The slacalc developers" in text
    assert PROJECT["license"] == "MIT"
    # the build backend (setuptools 77+, PEP 639) puts these into .dist-info/licenses/
    assert PROJECT["license-files"] == ["LICENSE"]


def test_the_metadata_links_to_the_source_docs_and_issues() -> None:
    assert {"Source", "Documentation", "Issues", "Changelog"} <= set(PROJECT["urls"])
    assert all(url.startswith("https://") for url in PROJECT["urls"].values())


def test_no_install_instruction_names_an_index_slacalc_is_not_on() -> None:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    from_index = re.compile(r"pip install\s+(-U\s+)?['\"]?slacalc\b")
    found = [
        f"{page.relative_to(ROOT)}:{n}"
        for page in pages
        for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1)
        if from_index.search(line)
    ]
    assert found == [], "slacalc is installed from a clone (pip install -e '.[extra]')"


def test_every_data_file_of_the_package_goes_into_the_wheel() -> None:
    # setuptools ships only the data files its globs name: a new template or table
    # that no glob matches would be missing from an installed copy, silently.
    globs = PYPROJECT["tool"]["setuptools"]["package-data"]["*"]
    left_out = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "src" / "slacalc").rglob("*"))
        if path.is_file()
        and "__pycache__" not in path.parts
        and path.suffix not in {".py", ".c", ".so"}
        and not any(path.match(glob) for glob in globs)
    ]
    assert left_out == []
    assert PYPROJECT["tool"]["setuptools"]["exclude-package-data"]["*"] == ["*.c"]
