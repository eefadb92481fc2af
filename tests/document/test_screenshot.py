"""The HTML agreement in a real browser: headless Chromium renders it to PNG, the test reads it.

Needs a Chromium binary (Debian: ``apt-get install chromium``; .ci/run installs it). Set
``SLACALC_CHROMIUM`` to use another binary. Without one the test is skipped, saying why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from slacalc.document import render_agreement
from slacalc.policy import default_policy
from tests.document import _png

WIDTH, HEIGHT = 1200, 1600
HEADING = (0x24, 0x47, 0x7A)  # h1/h2 colour and the header rule in the page's CSS
TABLE_HEAD = (0xEA, 0xF0, 0xF7)  # th background
MAIN_WIDTH = 800 - 2 * 32  # max-width 50rem minus the 2rem padding each side, in px


def _chromium() -> str | None:
    chosen = os.environ.get("SLACALC_CHROMIUM")
    if chosen:
        return chosen
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _near(pixels: np.ndarray, colour: tuple[int, int, int], tolerance: int = 12) -> np.ndarray:
    distance = np.abs(pixels.astype(np.int16) - np.array(colour, dtype=np.int16)).max(axis=2)
    return np.asarray(distance <= tolerance)


@pytest.fixture(scope="module")
def screenshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    binary = _chromium()
    if binary is None:
        pytest.skip(
            "no Chromium binary found (apt-get install chromium, or set SLACALC_CHROMIUM); "
            "the HTML screenshot check did not run"
        )
    tmp = tmp_path_factory.mktemp("chromium")
    page = tmp / "agreement.html"
    page.write_text(render_agreement(default_policy(), format="html"), encoding="utf-8")
    png = tmp / "agreement.png"
    done = subprocess.run(
        [
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={tmp / 'profile'}",
            f"--screenshot={png}",
            f"--window-size={WIDTH},{HEIGHT}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "HOME": str(tmp)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert png.exists(), done.stderr[-2000:]
    return png


def test_screenshot_has_the_window_size(screenshot: Path) -> None:
    assert _png.read_size(screenshot) == (WIDTH, HEIGHT)
    assert _png.read_pixels(screenshot).shape[:2] == (HEIGHT, WIDTH)


def test_screenshot_shows_a_styled_document(screenshot: Path) -> None:
    pixels = _png.read_pixels(screenshot)[:, :, :3]
    white = (pixels >= 245).all(axis=2)
    # Not blank, not a wall of colour: text on white (about 8 % of the pixels here).
    assert 0.02 < 1 - white.mean() < 0.40
    # Dark text pixels: the body text rendered.
    assert (pixels < 90).all(axis=2).mean() > 0.004
    # The style sheet applied: blue headings, tinted table headers.
    assert _near(pixels, HEADING).sum() > 2000
    assert _near(pixels, TABLE_HEAD, tolerance=3).sum() > 5000


def test_screenshot_layout_is_a_centred_column(screenshot: Path) -> None:
    pixels = _png.read_pixels(screenshot)[:, :, :3]
    blue = _near(pixels, HEADING, tolerance=6)
    # The 3 px rule under the title spans the text column: the widest blue row near the top.
    top = blue[:400]
    row = int(top.sum(axis=1).argmax())
    xs = np.nonzero(top[row])[0]
    assert abs(len(xs) - MAIN_WIDTH) <= 8, (row, len(xs))
    assert xs.max() - xs.min() + 1 == len(xs)  # one unbroken line
    left, right = int(xs.min()), WIDTH - 1 - int(xs.max())
    assert abs(left - right) <= 4, (left, right)  # centred in the window
    # Nothing is drawn outside the column (no overflowing table or text).
    ink = ~(pixels >= 245).all(axis=2)
    columns = np.nonzero(ink.any(axis=0))[0]
    assert columns.min() >= left - 2
    assert columns.max() <= WIDTH - 1 - right + 2
