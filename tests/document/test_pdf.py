"""The agreement as PDF: headless Chromium prints it, poppler checks the pages.

Needs Chromium (``apt-get install chromium``) and poppler's ``pdftoppm`` and
``pdftotext`` (``apt-get install poppler-utils``); .ci/run installs both. Without them
the tests are skipped, saying why. The snapshots pin the page count and the text
(whitespace collapsed) and the page images at 20 dpi, compared as ink per 5 mm square
within a tolerance, so that font hinting does not matter but a moved line or page
break does.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from slacalc.document import Lang, render_agreement
from slacalc.document._render import chromium
from slacalc.errors import DocumentError
from slacalc.policy import default_policy
from tests.document import _png
from tests.document.test_render import SNAPSHOTS, UPDATE, agency_policy, check_snapshot


def _tools() -> None:
    missing = [n for n in ("pdftoppm", "pdftotext") if shutil.which(n) is None]
    if chromium() is None:
        missing.insert(0, "chromium")
    if missing:
        pytest.skip(
            f"{', '.join(missing)} not found (apt-get install chromium poppler-utils); "
            "the PDF checks did not run"
        )


@pytest.fixture(scope="module", params=["da", "en"])
def pdf(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    _tools()
    path = tmp_path_factory.mktemp("pdf") / f"agreement-{request.param}.pdf"
    path.write_bytes(render_agreement(agency_policy(), format="pdf", lang=request.param))
    return path


def _text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def test_pdf_snapshot(pdf: Path) -> None:
    text = _text(pdf)
    pages = text.count("\f")
    # the page numbers ("2/6") go where the page breaks fall, which fonts move
    words = re.sub(r"\s+", " ", re.sub(r"\b\d+/\d+\b", " ", text.replace("\f", " "))).strip()
    # one sentence a line, so a change shows as a readable diff
    lines = re.sub(r"(?<=[.:]) (?=[A-ZÆØÅ])", "\n", words)
    check_snapshot(f"{pdf.stem}.pdf.txt", f"pages: {pages}\n{lines}\n")
    assert pdf.read_bytes().startswith(b"%PDF-")


PAGE_DPI = 20  # an A4 page is 165 x 234 pixels
CELL = 4  # pixels: squares of 5 mm, whose ink is compared
CELL_TOLERANCE = 24  # of 255: a square may be this much lighter or darker ...
CELLS_OFF = 0.005  # ... and this share of the squares more than that


def _pages(pdf: Path, folder: Path) -> list[Path]:
    """The PDF's pages as greyscale PNG images, in page order."""
    subprocess.run(
        ["pdftoppm", "-r", str(PAGE_DPI), "-gray", "-png", str(pdf), str(folder / "page")],
        check=True,
    )
    return sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def _ink(image: Path) -> np.ndarray:
    """The image's mean grey per CELL x CELL square."""
    grey = _png.read_pixels(image)[..., 0].astype(np.float64)
    height, width = (n // CELL * CELL for n in grey.shape)
    squares = grey[:height, :width].reshape(height // CELL, CELL, width // CELL, CELL)
    return np.asarray(squares.mean(axis=(1, 3)))


def test_page_images_snapshot(pdf: Path, tmp_path: Path) -> None:
    pages = _pages(pdf, tmp_path)
    stored = sorted(
        SNAPSHOTS.glob(f"{pdf.stem}.page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1])
    )
    if UPDATE:
        for old in stored:
            old.unlink()
        for number, page in enumerate(pages, start=1):
            shutil.copyfile(page, SNAPSHOTS / f"{pdf.stem}.page-{number}.png")
        return
    assert len(pages) == len(stored), (
        f"{len(pages)} pages, the snapshot has {len(stored)} (if intended: "
        "SLACALC_UPDATE_SNAPSHOTS=1)"
    )
    for number, (page, want) in enumerate(zip(pages, stored, strict=True), start=1):
        got, expected = _ink(page), _ink(want)
        assert got.shape == expected.shape, f"page {number}: not the size of the snapshot"
        off = float((np.abs(got - expected) > CELL_TOLERANCE).mean())
        assert off <= CELLS_OFF, (
            f"page {number} of {pdf.name} differs from {want.name} in {off:.1%} of its "
            "5 mm squares (if intended: SLACALC_UPDATE_SNAPSHOTS=1, and look at the images)"
        )


def test_page_images_tell_a_moved_line_apart(tmp_path: Path) -> None:
    """The comparison is not blind: headings 2 mm lower fail it."""
    _tools()
    css = tmp_path / "lower.css"
    css.write_text("h2 { margin-top: calc(2rem + 2mm); }", encoding="utf-8")
    pdf = tmp_path / "lower.pdf"
    pdf.write_bytes(render_agreement(agency_policy(), format="pdf", lang="da", css=css))
    got = _ink(_pages(pdf, tmp_path)[0])
    expected = _ink(SNAPSHOTS / "agreement-da.page-1.png")
    assert float((np.abs(got - expected) > CELL_TOLERANCE).mean()) > CELLS_OFF


def test_pages_are_a4_and_numbered(pdf: Path) -> None:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    pages = [p for p in done.stdout.decode("utf-8").split("\f") if p.strip()]
    assert 3 <= len(pages) <= 8
    for number, page in enumerate(pages, start=1):
        assert f"{number}/{len(pages)}" in page.replace(" ", "").splitlines()[-1]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True).stdout
    assert b"(A4)" in info


def test_no_text_runs_off_the_page(pdf: Path, tmp_path: Path) -> None:
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert images
    for image in images:
        pixels = _png.read_pixels(image)[..., :3].astype(np.int16)
        width = pixels.shape[1]
        ink = pixels.min(axis=2) < 200  # anything darker than a light grey
        edge = max(2, width * 8 // 210)  # 8 mm of the 210 mm page width
        assert not ink[:, :edge].any(), f"{image.name}: ink in the left margin"
        assert not ink[:, -edge:].any(), f"{image.name}: text runs off the right edge"
        assert not ink[-edge // 2 :, :].any(), f"{image.name}: ink at the bottom edge"
        assert ink.any(), f"{image.name}: an empty page"
    # every word inside the page box too
    done = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True)
    page_box = re.findall(r'<page width="([\d.]+)" height="([\d.]+)"', done.stdout.decode())
    words = re.findall(r'xMax="([\d.]+)" yMax="([\d.]+)"', done.stdout.decode())
    page_width, page_height = (float(v) for v in page_box[0])
    assert all(float(x) <= page_width - 20 and float(y) <= page_height for x, y in words)


def test_no_renderer_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACALC_CHROMIUM", "")
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(DocumentError, match="apt-get install chromium"):
        render_agreement(default_policy(), format="pdf")


def test_the_command_line_writes_the_danish_pdf(tmp_path: Path) -> None:
    from slacalc.cli import main

    _tools()
    target = tmp_path / "aftale.pdf"
    assert main(["document", "--format", "pdf", "--lang", "da", "-o", str(target)]) == 0
    text = _text(target)
    assert " ".join(text.split()).startswith("Aftale om drift og vedligeholdelse af website")
    assert "Sådan beregnes tiden" in text
    assert 3 <= text.count("\f") <= 8


def test_headings_are_kept_with_their_text(pdf: Path) -> None:
    from slacalc.document._build import build_document
    from slacalc.document._model import Heading

    lang: Lang = "da" if pdf.stem.endswith("-da") else "en"
    doc = build_document(agency_policy().to_agreement().in_language(lang), lang, 2027)
    headings = {s.heading for s in doc.sections if s.heading}
    headings |= {b.text for b in doc.blocks if isinstance(b, Heading)}
    assert len(headings) >= 15
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    pages = [p for p in done.stdout.decode("utf-8").split("\f") if p.strip()]
    for number, page in enumerate(pages[:-1], start=1):
        lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
        last = lines[-2]  # the line above the page number
        assert last not in headings, f"page {number} ends with the heading {last!r}"
        assert not last.endswith(":"), f"page {number} ends with a lead-in: {last!r}"
