"""QR codes of page addresses, printed on a page so a paper copy leads back to the page.

Made at build time with segno (pure Python), as a PNG data URI: one pixel per module, a few
hundred bytes, drawn sharp at any size (the stylesheet scales it without smoothing). The mask
pattern is fixed instead of chosen by scoring all eight (any mask is valid and every reader
decodes it), which makes a code five times faster to make; the same address always gives the
same bytes.

The PNG is written here from segno's module matrix rather than by segno's writer: a clean
district build makes 2,920 codes, and segno's pure-Python PNG writer took 0.5 ms of each code's
1.3 ms (1.5 s of the build); packing the rows as integers and one zlib call takes a tenth of that.
"""

from __future__ import annotations

import base64
import struct
import zlib

import segno

BORDER = 4  # the standard quiet zone, in modules


def png_data_uri(url: str) -> str:
    """A ``data:image/png`` URI of the QR code of ``url`` (medium error correction, with the
    standard quiet zone of four modules; a higher level when it fits the same size)."""
    code = segno.make_qr(url, error="m", mask=0)
    return "data:image/png;base64," + base64.b64encode(_png(code.matrix)).decode("ascii")


def _png(matrix: tuple) -> bytes:
    """A 1-bit greyscale PNG, one pixel per module, dark modules black, with the quiet zone."""
    width = len(matrix[0]) + 2 * BORDER
    size = (width + 7) // 8
    pad = size * 8 - width
    light = b"\x00" + ((1 << (size * 8)) - 1).to_bytes(size, "big")
    quiet = "1" * BORDER
    rows = [light] * BORDER
    for row in matrix:
        bits = quiet + "".join("0" if module else "1" for module in row) + quiet + "1" * pad
        rows.append(b"\x00" + int(bits, 2).to_bytes(size, "big"))
    rows += [light] * BORDER
    header = struct.pack(">IIBBBBB", width, len(rows), 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + _chunk(b"IEND", b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
