"""Card pictures for printed pages: each read once and embedded once, as a data: URI.

A page names a picture by a CSS class (`Pictures.css_class`); the style sheet
(`Pictures.css`) holds each picture's data once, however many cards show it,
so a 60-card deck does not carry the same picture sixty times. A picture
that is missing or cannot be used is left out (the card prints without it)
and one warning is printed on stderr.

Pictures are scaled down before they are embedded when they are bigger than
a printed card needs (MAX_SIDE pixels, or KEEP_BYTES on disk). PNG files are
scaled here with the standard library alone (no pygame, no Pillow): 8-bit,
not interlaced, any colour type. Another kind of file too big to keep as it
is is embedded as it is up to LIMIT_BYTES, and left out above that.
"""
from __future__ import annotations

import base64
import struct
import sys
import zlib
from pathlib import Path
from typing import Optional

MAX_SIDE = 1000          # pixels: sharp enough for a picture printed 8 cm wide
KEEP_BYTES = 300_000     # a picture this small (and no wider than MAX_SIDE) is kept as it is
LIMIT_BYTES = 4_000_000  # above this, a picture that cannot be scaled is left out

MIME = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
        ".gif": "image/gif", ".webp": "image/webp", ".bmp": "image/bmp",
        ".svg": "image/svg+xml"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class Pictures:
    """The pictures of one pack's cards, as the page will carry them."""

    def __init__(self, pack_dir: str | Path, max_side: int = MAX_SIDE):
        self.assets = Path(pack_dir or ".") / "assets"
        self.max_side = max_side
        self._classes: dict[str, Optional[str]] = {}
        self._uris: dict[str, str] = {}     # class -> data: URI

    def css_class(self, name: Optional[str]) -> Optional[str]:
        """The CSS class that shows picture `name` (a path under assets/), or None."""
        if not name:
            return None
        if name not in self._classes:
            uri = self._data_uri(name)
            cls = None
            if uri is not None:
                cls = f"pic-{len(self._uris) + 1}"
                self._uris[cls] = uri
            self._classes[name] = cls
        return self._classes[name]

    def css(self) -> str:
        """One rule per picture used: `.pic-N { background-image: url(data:...) }`."""
        return "".join(f".{cls}{{background-image:url(\"{uri}\")}}\n"
                       for cls, uri in self._uris.items())

    def _data_uri(self, name: str) -> Optional[str]:
        path = self.assets / name
        mime = MIME.get(path.suffix.lower())
        if mime is None:
            return _warn(path, "a browser cannot show this kind of file")
        try:
            data = path.read_bytes()
        except OSError as exc:
            return _warn(path, exc.strerror or str(exc))
        if mime == "image/png":
            size = png_size(data)
            if size is None:
                return _warn(path, "not a PNG picture")
            if len(data) > KEEP_BYTES or max(size) > self.max_side:
                smaller = shrink_png(data, self.max_side)
                if smaller is not None:
                    data = smaller
        if len(data) > LIMIT_BYTES:
            return _warn(path, f"too big to print ({len(data) // 1_000_000} MB); "
                               "save it smaller (about 1000 pixels wide)")
        return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _warn(path: Path, why: str) -> None:
    print(f"warning: card picture {path}: {why}; the card is printed without it",
          file=sys.stderr)
    return None


# -- PNG, with the standard library ------------------------------------------------------

def png_size(data: bytes) -> Optional[tuple[int, int]]:
    """(width, height) from a PNG's header, or None when `data` is no PNG."""
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR" or len(data) < 24:
        return None
    return struct.unpack(">II", data[16:24])


def shrink_png(data: bytes, max_side: int) -> Optional[bytes]:
    """The PNG halved (pixels averaged) until no side exceeds `max_side`; None for a
    PNG this cannot read (16-bit, interlaced, damaged): the caller keeps the original."""
    try:
        image = _read_png(data)
    except (ValueError, zlib.error, struct.error, IndexError):
        return None
    if image is None:
        return None
    width, height, colour, bpp, rows, extra = image
    if max(width, height) <= max_side:
        return _write_png(width, height, colour, rows, extra)
    while max(width, height) > max_side and min(width, height) >= 2:
        rows, width, height = _halve(rows, width, height, bpp, colour == 3)
    return _write_png(width, height, colour, rows, extra)


_BYTES_PER_PIXEL = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def _read_png(data: bytes):
    """(width, height, colour type, bytes per pixel, rows, [PLTE/tRNS chunks]) or None."""
    if png_size(data) is None:
        return None
    pos = len(PNG_SIGNATURE)
    header = None
    idat = []
    extra = []
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind in (b"PLTE", b"tRNS"):
            extra.append((kind, body))
        elif kind == b"IEND":
            break
    if header is None or not idat:
        return None
    width, height, depth, colour, _compression, _filter, interlace = header
    if depth != 8 or interlace != 0 or colour not in _BYTES_PER_PIXEL:
        return None
    bpp = _BYTES_PER_PIXEL[colour]
    raw = zlib.decompress(b"".join(idat))
    return width, height, colour, bpp, _unfilter(raw, width, height, bpp), extra


def _masks(n: int) -> tuple[int, int]:
    return int.from_bytes(b"\x7f" * n, "big"), int.from_bytes(b"\x80" * n, "big")


def _add(a: int, b: int, low: int, high: int) -> int:
    """Byte-wise (a + b) mod 256 of two rows held as big integers."""
    return ((a & low) + (b & low)) ^ ((a ^ b) & high)


def _unfilter(raw: bytes, width: int, height: int, bpp: int) -> list[bytes]:
    stride = width * bpp
    low, high = _masks(stride)
    prev = bytes(stride)
    rows = []
    pos = 0
    for _ in range(height):
        kind = raw[pos]
        line = raw[pos + 1:pos + 1 + stride]
        pos += 1 + stride
        if len(line) != stride:
            raise ValueError("picture data cut short")
        if kind == 0:
            cur = line
        elif kind == 1:              # Sub: a running sum, bpp bytes apart (a prefix scan)
            x = int.from_bytes(line, "big")
            shift = bpp
            while shift < stride:
                x = _add(x, x >> (8 * shift), low, high)
                shift *= 2
            cur = x.to_bytes(stride, "big")
        elif kind == 2:              # Up
            cur = _add(int.from_bytes(line, "big"), int.from_bytes(prev, "big"),
                       low, high).to_bytes(stride, "big")
        elif kind == 3:              # Average
            out = bytearray(line)
            for i in range(stride):
                left = out[i - bpp] if i >= bpp else 0
                out[i] = (out[i] + ((left + prev[i]) >> 1)) & 0xFF
            cur = bytes(out)
        elif kind == 4:              # Paeth
            out = bytearray(line)
            for i in range(stride):
                b = prev[i]
                if i >= bpp:
                    a, c = out[i - bpp], prev[i - bpp]
                else:
                    a = c = 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                out[i] = (out[i] + pred) & 0xFF
            cur = bytes(out)
        else:
            raise ValueError(f"unknown PNG filter {kind}")
        rows.append(cur)
        prev = cur
    return rows


def _average(a: bytes, b: bytes) -> bytes:
    """Byte-wise floor((a + b) / 2)."""
    n = len(a)
    low, _ = _masks(n)
    x, y = int.from_bytes(a, "big"), int.from_bytes(b, "big")
    return ((x & y) + (((x ^ y) >> 1) & low)).to_bytes(n, "big")


def _halve(rows: list[bytes], width: int, height: int, bpp: int, palette: bool):
    """Half the width and height: 2x2 pixels averaged (a palette picture: every
    other pixel, since palette indices cannot be averaged)."""
    w2, h2 = width // 2, height // 2
    out = []
    for y in range(h2):
        if palette:
            out.append(rows[2 * y][0:2 * w2:2])
            continue
        both = _average(rows[2 * y], rows[2 * y + 1])
        row = bytearray(w2 * bpp)
        for c in range(bpp):
            channel = both[c::bpp]
            row[c::bpp] = _average(channel[0:2 * w2:2], channel[1:2 * w2:2])
        out.append(bytes(row))
    return out, w2, h2


def _chunk(kind: bytes, body: bytes) -> bytes:
    return (struct.pack(">I", len(body)) + kind + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))


def _write_png(width: int, height: int, colour: int, rows: list[bytes], extra) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + row for row in rows), 9)
    return (PNG_SIGNATURE + _chunk(b"IHDR", header)
            + b"".join(_chunk(kind, body) for kind, body in extra)
            + _chunk(b"IDAT", pixels) + _chunk(b"IEND", b""))
