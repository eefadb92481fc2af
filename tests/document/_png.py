"""A small PNG reader for the screenshot test: zlib from the standard library, numpy for speed.

Reads 8-bit greyscale, RGB and RGBA images without interlacing (what Chromium writes)
into an ``(height, width, channels)`` uint8 array. Rows filtered with None, Sub or Up
are undone with numpy; Average and Paeth rows, which depend on the pixel to their left,
in a plain loop.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {0: 1, 2: 3, 6: 4}


def read_size(path: Path) -> tuple[int, int]:
    """``(width, height)`` from the IHDR chunk."""
    head = path.read_bytes()[:24]
    assert head[:8] == SIGNATURE, "not a PNG file"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def _paeth_or_average(kind: int, row: bytearray, prior: bytes, bpp: int) -> None:
    for i in range(len(row)):
        left = row[i - bpp] if i >= bpp else 0
        up = prior[i]
        if kind == 3:
            row[i] = (row[i] + ((left + up) >> 1)) & 0xFF
            continue
        corner = prior[i - bpp] if i >= bpp else 0
        p = left + up - corner
        pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
        pred = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
        row[i] = (row[i] + pred) & 0xFF


def read_pixels(path: Path) -> NDArray[np.uint8]:
    """The image as an ``(height, width, channels)`` array of uint8."""
    data = path.read_bytes()
    assert data[:8] == SIGNATURE, "not a PNG file"
    pos, idat = 8, bytearray()
    width = height = bpp = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8, depth
            assert color in _CHANNELS, color
            assert interlace == 0, interlace
            bpp = _CHANNELS[color]
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    raw = zlib.decompress(bytes(idat))
    stride = width * bpp
    assert len(raw) == height * (stride + 1), "truncated image data"
    out = np.zeros((height, stride), dtype=np.uint8)
    prior = np.zeros(stride, dtype=np.uint8)
    for y in range(height):
        start = y * (stride + 1)
        filter_type = raw[start]
        line = np.frombuffer(raw, dtype=np.uint8, count=stride, offset=start + 1)
        if filter_type == 0:
            row = line.copy()
        elif filter_type == 1:  # Sub: a running sum per channel, modulo 256
            row = np.cumsum(line.reshape(width, bpp), axis=0, dtype=np.uint8).reshape(stride)
        elif filter_type == 2:  # Up
            row = line + prior
        else:
            buffer = bytearray(line.tobytes())
            _paeth_or_average(filter_type, buffer, prior.tobytes(), bpp)
            row = np.frombuffer(bytes(buffer), dtype=np.uint8)
        out[y] = row
        prior = row
    return out.reshape(height, width, bpp)
