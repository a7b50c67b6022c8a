"""QR codes of page addresses, printed on a page so a paper copy leads back to the page.

Made at build time as a PNG data URI: one pixel per module, a few hundred bytes, drawn sharp at
any size (the stylesheet scales it without smoothing). The mask pattern is fixed instead of
chosen by scoring all eight (any mask is valid and every reader decodes it); the same address
always gives the same bytes.

Why our own encoder for the common case: a build makes a code for every page in both scripts
(3,016 at district scale, 35,000 at city scale), each before its page can go to the engine.
segno (pure Python) took 0.9 ms per code, 2.8 s of a district build's CPU on its critical path:
it places and masks module by module and computes Reed-Solomon byte by byte. Here everything
that depends only on the version and error level is taken once from segno's own functions and
tables (function patterns, format and version information, the order modules are filled in, the
mask over that order), and a code is one Reed-Solomon pass per block (a table per divisor byte)
and one string lookup per module. An address that is not plain ASCII in segno's byte mode goes
to segno itself; ``tests/test_qrcode.py`` compares both module by module, with segno as the
reference, over every version and error level addresses reach.
"""

from __future__ import annotations

import base64
import struct
import zlib
from functools import lru_cache
from itertools import zip_longest

import segno
from segno import consts, encoder

BORDER = 4  # the standard quiet zone, in modules
MASK = 0  # (row + column) even
_LEVELS = (consts.ERROR_LEVEL_M, consts.ERROR_LEVEL_Q, consts.ERROR_LEVEL_H)  # asked for M; boosted like segno


def png_data_uri(url: str) -> str:
    """A ``data:image/png`` URI of the QR code of ``url`` (medium error correction, or a higher
    level when it fits the same size, as segno chooses; the standard quiet zone of four modules)."""
    width, dark = modules(url)
    return "data:image/png;base64," + base64.b64encode(_png(width, dark)).decode("ascii")


def modules(url: str) -> tuple[int, str]:
    """The symbol's width and its modules row by row, ``"1"`` for dark, exactly as
    ``segno.make_qr(url, error="m", mask=0)`` makes them."""
    data = url.encode("ascii", "replace")
    if not url.isascii() or encoder.find_mode(data) != consts.MODE_BYTE:
        matrix = segno.make_qr(url, error="m", mask=MASK).matrix
        return len(matrix), "".join("1" if module else "0" for row in matrix for module in row)
    version, error = _version(len(data))
    symbol = _symbol(version, error)
    codewords = _codewords(data, version, error)
    stream = format(int.from_bytes(codewords, "big"), f"0{len(codewords) * 8}b") + "0" * symbol.remainder
    placed = format(int(stream, 2) ^ symbol.mask, f"0{len(stream)}b")
    return symbol.width, "".join(map((placed + symbol.fixed).__getitem__, symbol.order))


def _version(length: int) -> tuple[int, int]:
    """The smallest version holding ``length`` bytes at level M, then the highest level that
    still fits it (segno's ``find_version`` and ``boost_error_level`` for one byte segment)."""
    for version in range(1, 41):
        bits = 4 + consts.CHAR_COUNT_INDICATOR_LENGTH[consts.MODE_BYTE][encoder.version_range(version)] + 8 * length
        if consts.SYMBOL_CAPACITY[version][consts.ERROR_LEVEL_M] >= bits:
            error = consts.ERROR_LEVEL_M
            for level in _LEVELS[1:]:
                if consts.SYMBOL_CAPACITY[version][level] < bits:
                    break
                error = level
            return version, error
    raise segno.DataOverflowError("Data too large. No QR Code can handle the provided data")


def _codewords(data: bytes, version: int, error: int) -> bytes:
    """Data codewords (mode, count, bytes, terminator, padding as segno writes them) and their
    error correction, interleaved block by block."""
    count_bits = consts.CHAR_COUNT_INDICATOR_LENGTH[consts.MODE_BYTE][encoder.version_range(version)]
    capacity = consts.SYMBOL_CAPACITY[version][error]
    length = 4 + count_bits + 8 * len(data)
    value = (consts.MODE_BYTE << count_bits | len(data)) << 8 * len(data) | int.from_bytes(data, "big")
    terminator = min(capacity - length, 4)
    padding = 8 - (length + terminator) % 8  # segno always pads, a whole zero byte on a boundary
    value <<= terminator + padding
    message = value.to_bytes((length + terminator + padding) // 8, "big")
    message += (b"\xec\x11" * capacity)[:max(0, capacity // 8 - len(message))]
    message = message[:capacity // 8]
    data_blocks, error_blocks, start = [], [], 0
    for info in consts.ECC[version][error]:
        table = _divisor(info.num_total - info.num_data)
        for _ in range(info.num_blocks):
            block = message[start:start + info.num_data]
            start += info.num_data
            data_blocks.append(block)
            error_blocks.append(_remainder(block, table, info.num_total - info.num_data))
    return bytes(b for column in zip_longest(*data_blocks) for b in column if b is not None) + \
        bytes(b for column in zip_longest(*error_blocks) for b in column if b is not None)


@lru_cache(maxsize=None)
def _divisor(count: int) -> tuple[int, ...]:
    """For each byte, the generator polynomial times it, as a ``count``-byte integer."""
    generator = consts.GEN_POLY[count]
    log, exp = consts.GALIOS_LOG, consts.GALIOS_EXP
    return (0,) + tuple(int.from_bytes(bytes(exp[log[c] + g] for g in generator), "big") for c in range(1, 256))


def _remainder(block: bytes, table: tuple[int, ...], count: int) -> bytes:
    """The Reed-Solomon error correction bytes of ``block``: the remainder of the polynomial
    division segno does, kept as one integer register."""
    shift, keep, remainder = 8 * (count - 1), (1 << 8 * count) - 1, 0
    for byte in block:
        remainder = ((remainder << 8) & keep) ^ table[byte ^ (remainder >> shift)]
    return remainder.to_bytes(count, "big")


class _Symbol:
    """What every code of one version and error level shares, built with segno's functions:
    the function modules, the order data modules are filled in, and the mask over that order."""

    def __init__(self, version: int, error: int) -> None:
        width = encoder.calc_matrix_size(version)
        matrix = encoder.make_matrix(width, width)
        encoder.add_finder_patterns(matrix, width, width)
        encoder.add_alignment_patterns(matrix, width, width)
        encoder.add_format_info(matrix, version, error, MASK)
        encoder.add_version_info(matrix, version)
        filled = _fill_order(matrix)
        index = {cell: n for n, cell in enumerate(filled)}
        fixed = [(i, j) for i in range(width) for j in range(width) if (i, j) not in index]
        self.width = width
        self.remainder = len(filled) - 8 * sum(info.num_blocks * info.num_total for info in consts.ECC[version][error])
        self.mask = int("".join("1" if (i + j) % 2 == 0 else "0" for i, j in filled), 2)
        self.fixed = "".join("1" if matrix[i][j] else "0" for i, j in fixed)
        position = {cell: len(filled) + n for n, cell in enumerate(fixed)} | index
        self.order = [position[(i, j)] for i in range(width) for j in range(width)]


def _fill_order(matrix: tuple[bytearray, ...]) -> list[tuple[int, int]]:
    """The data modules in the order codeword bits fill them (segno's ``add_codewords``)."""
    size, order = len(matrix), []
    for right in range(size - 1, 0, -2):
        if right <= 6:
            right -= 1
        for vertical in range(size):
            for z in range(2):
                j = right - z
                upwards = ((right & 2) == 0) ^ (j < 6)
                i = (size - 1 - vertical) if upwards else vertical
                if matrix[i][j] == 0x2:
                    matrix[i][j] = 0x3
                    order.append((i, j))
    return order


@lru_cache(maxsize=None)
def _symbol(version: int, error: int) -> _Symbol:
    return _Symbol(version, error)


def _png(width: int, dark: str) -> bytes:
    """A 1-bit greyscale PNG, one pixel per module, dark modules black, with the quiet zone."""
    full = width + 2 * BORDER
    size = (full + 7) // 8
    pad = "1" * (size * 8 - full)
    light = b"\x00" + ((1 << (size * 8)) - 1).to_bytes(size, "big")
    quiet = "1" * BORDER
    inverted = dark.translate(_INVERT)
    rows = [light] * BORDER
    for start in range(0, len(inverted), width):
        rows.append(b"\x00" + int(quiet + inverted[start:start + width] + quiet + pad, 2).to_bytes(size, "big"))
    rows += [light] * BORDER
    header = struct.pack(">IIBBBBB", full, len(rows), 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + _chunk(b"IEND", b""))


_INVERT = str.maketrans("01", "10")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
