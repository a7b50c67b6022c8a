"""Take out what a camera or phone writes into an image besides the picture.

A photo for a case can carry where and when it was taken (GPS), the device and its owner's
name, and a thumbnail of the uncropped picture: personal data the published page must not
carry. The picture data is copied byte for byte (nothing is decoded or re-encoded); only
what is kept is named (an allowlist): for JPEG the picture's own segments, JFIF, the colour
profile and Adobe's colour marker (no other APPn, no comment, nothing after the end marker);
for PNG and WebP the picture, colour, transparency and animation chunks; for GIF the images,
their timing and the looping block. A JPEG's EXIF orientation is kept, alone, so a
phone photo is not shown on its side. Malformed files raise ``ValueError``.
"""

from __future__ import annotations

import struct

SIGNATURES = {
    ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",), ".png": (b"\x89PNG\r\n\x1a\n",),
    ".gif": (b"GIF87a", b"GIF89a"), ".webp": (b"RIFF",),
}


SUFFIXES = tuple(SIGNATURES)


def is_image(name: str) -> bool:
    """An image file by its name (the kinds a case may show)."""
    return name.lower().endswith(SUFFIXES)


def matches(head: bytes, suffix: str) -> bool:
    """The file starts as its extension says (a renamed document is not an image)."""
    signatures = SIGNATURES.get(suffix.lower(), ())
    if suffix.lower() == ".webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    return any(head.startswith(s) for s in signatures)


def strip(data: bytes, suffix: str) -> bytes:
    suffix = suffix.lower()
    if not matches(data[:16], suffix):
        raise ValueError("not an image of its kind")
    if suffix in (".jpg", ".jpeg"):
        return _jpeg(data)
    if suffix == ".png":
        return _png(data)
    if suffix == ".webp":
        return _webp(data)
    return _gif(data)


def _jpeg(data: bytes) -> bytes:
    out = [data[:2]]
    pos = 2
    while True:
        if pos + 4 > len(data) or data[pos] != 0xFF:
            raise ValueError("broken JPEG segment")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0xD9:
            return b"".join(out) + data[pos:pos + 2]
        if marker == 0xDA:  # start of scan: picture data up to the end marker (what a camera
            end = data.find(b"\xff\xd9", pos)  # appends after it is left out); 0xFF in the
            if end < 0:  # picture data is always followed by 0x00, so this is the marker
                raise ValueError("JPEG without an end")
            out.append(data[pos:end + 2])
            return b"".join(out)
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        segment = data[pos:pos + 2 + length]
        if len(segment) < 2 + length or length < 2:
            raise ValueError("broken JPEG segment")
        body = segment[4:]
        if marker == 0xE1 and body.startswith(b"Exif\x00\x00"):
            orientation = _orientation(body[6:])
            if orientation not in (None, 1):
                out.append(_exif_orientation(orientation))
        elif not (0xE0 <= marker <= 0xEF or marker == 0xFE) or (
                (marker == 0xE0 and body.startswith((b"JFIF\x00", b"JFXX\x00")))
                or (marker == 0xE2 and body.startswith(b"ICC_PROFILE\x00"))
                or (marker == 0xEE and body.startswith(b"Adobe"))):
            out.append(segment)
        pos += 2 + length


def _orientation(tiff: bytes) -> int | None:
    """The Orientation tag of IFD0, if the TIFF structure can be read."""
    try:
        order = {b"II": "<", b"MM": ">"}[tiff[:2]]
        offset = struct.unpack(order + "I", tiff[4:8])[0]
        count = struct.unpack(order + "H", tiff[offset:offset + 2])[0]
        for i in range(count):
            entry = tiff[offset + 2 + 12 * i: offset + 14 + 12 * i]
            tag, kind = struct.unpack(order + "HH", entry[:4])
            if tag == 0x0112 and kind == 3:
                value = struct.unpack(order + "H", entry[8:10])[0]
                return value if 1 <= value <= 8 else None
    except (KeyError, struct.error):
        return None
    return None


def _exif_orientation(value: int) -> bytes:
    """An APP1 segment holding one tag: Orientation."""
    tiff = b"MM\x00\x2a\x00\x00\x00\x08" + struct.pack(">HHHIHH", 1, 0x0112, 3, 1, value, 0) + b"\x00\x00\x00\x00"
    body = b"Exif\x00\x00" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


# The picture and how to show it (colour, transparency, animation); every other chunk —
# text, time, EXIF, anything private — is left out.
_PNG_KEPT = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT", b"sRGB",
             b"cICP", b"mDCV", b"cLLI", b"bKGD", b"hIST", b"pHYs", b"acTL", b"fcTL", b"fdAT"}
_WEBP_KEPT = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP"}


def _png(data: bytes) -> bytes:
    out = [data[:8]]
    pos = 8
    while pos < len(data):
        if pos + 12 > len(data):
            raise ValueError("broken PNG chunk")
        length = struct.unpack(">I", data[pos:pos + 4])[0]
        kind = data[pos + 4:pos + 8]
        end = pos + 12 + length
        if end > len(data):
            raise ValueError("broken PNG chunk")
        if kind in _PNG_KEPT:
            out.append(data[pos:end])
        pos = end
        if kind == b"IEND":
            break
    return b"".join(out)


def _webp(data: bytes) -> bytes:
    chunks = []
    pos = 12
    while pos + 8 <= len(data):
        kind = data[pos:pos + 4]
        length = struct.unpack("<I", data[pos + 4:pos + 8])[0]
        end = pos + 8 + length + (length & 1)
        if pos + 8 + length > len(data):
            raise ValueError("broken WebP chunk")
        chunk = data[pos:min(end, len(data))]
        if kind == b"VP8X" and length >= 1:
            chunk = chunk[:8] + bytes([chunk[8] & ~0x0C]) + chunk[9:]  # no EXIF, no XMP
        if kind in _WEBP_KEPT:
            chunks.append(chunk)
        pos = end
    if pos < len(data) or not any(c[:4] in (b"VP8 ", b"VP8L", b"VP8X") for c in chunks):
        raise ValueError("broken WebP")
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _gif(data: bytes) -> bytes:
    pos = 13
    flags = data[10]
    if flags & 0x80:
        pos += 3 * (2 << (flags & 0x07))
    out = [data[:pos]]
    while True:
        if pos >= len(data):
            raise ValueError("broken GIF")
        block = data[pos]
        if block == 0x3B:  # trailer
            out.append(data[pos:pos + 1])
            return b"".join(out)
        start = pos
        if block == 0x2C:  # an image: descriptor, colour table, LZW size, data sub-blocks
            image_flags = data[pos + 9]
            pos += 10
            if image_flags & 0x80:
                pos += 3 * (2 << (image_flags & 0x07))
            pos = _sub_blocks(data, pos + 1)
            out.append(data[start:pos])
        elif block == 0x21:  # an extension: label, sub-blocks
            label = data[pos + 1]
            end = _sub_blocks(data, pos + 2)
            looping = label == 0xFF and data[pos + 3:pos + 14] in (b"NETSCAPE2.0", b"ANIMEXTS1.0")
            if label in (0xF9, 0x01) or looping:  # graphic control, plain text, looping
                out.append(data[start:end])
            pos = end
        else:
            raise ValueError("broken GIF")


def _sub_blocks(data: bytes, pos: int) -> int:
    while True:
        if pos >= len(data):
            raise ValueError("broken GIF")
        size = data[pos]
        pos += 1 + size
        if size == 0:
            return pos
