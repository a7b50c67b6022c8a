"""The QR code printed on every page is the code segno makes for the page's address, module by
module (segno is the reference; our encoder only precomputes what segno does per version), and
its PNG, read back by Pillow, shows exactly those modules inside a four-module quiet zone."""

from __future__ import annotations

import base64
import io
import random
import string

import pytest
import segno
from PIL import Image

from generator import qrcode

URL_CHARS = string.ascii_lowercase + string.digits + "/-._~%?=&#"


def segno_modules(url: str) -> tuple[int, str]:
    matrix = segno.make_qr(url, error="m", mask=0).matrix
    return len(matrix), "".join("1" if module else "0" for row in matrix for module in row)


def address(length: int, rng: random.Random) -> str:
    prefix = "https://" if length > 12 else ""  # the shortest reach level H in version 1
    return prefix + "".join(rng.choice(URL_CHARS) for _ in range(length - len(prefix)))


# Every length up to 300 bytes (versions 1-12, each crossing from one level or version to the
# next), then a sample up to the largest byte payload of level M (2,331 bytes, version 40).
LENGTHS = list(range(1, 301)) + list(range(301, 2332, 97)) + [2331]


def test_every_version_and_level_equals_segno():
    rng = random.Random(17)
    seen = set()
    for length in LENGTHS:
        url = address(length, rng)
        assert qrcode.modules(url) == segno_modules(url), f"{length} bytes"
        code = segno.make_qr(url, error="m", mask=0)
        seen.add((code.version, code.error))
    # The sample reaches every level segno boosts to, and the largest version.
    assert {error for _, error in seen} == {"M", "Q", "H"}
    assert max(version for version, _ in seen) == 40
    assert qrcode._symbol.cache_info().currsize > 30, "the fast path was not used"


@pytest.mark.parametrize("url", [
    "https://xzzd.example.gov.cn/政务/items/a.html",  # not ASCII: segno's own encoding
    "HTTPS://XZ.GOV.CN/A",  # alphanumeric mode
    "12345678901234567890",  # numeric mode
    "https://example.gov.cn/" + "é" * 10,
])
def test_other_modes_go_to_segno(url):
    assert qrcode.modules(url) == segno_modules(url)


def test_too_long_for_any_version_is_refused_like_segno():
    url = address(2332, random.Random(3))
    with pytest.raises(segno.DataOverflowError):
        segno.make_qr(url, error="m", mask=0)
    with pytest.raises(segno.DataOverflowError):
        qrcode.modules(url)


@pytest.mark.parametrize("url", ["https://xzzd.example.gov.cn/xzzd/zh-Hant/items/scjg-001.html",
                                 "https://a.cn/" + "x" * 120])
def test_png_shows_the_modules_in_a_quiet_zone(url):
    uri = qrcode.png_data_uri(url)
    prefix = "data:image/png;base64,"
    assert uri.startswith(prefix)
    image = Image.open(io.BytesIO(base64.b64decode(uri[len(prefix):]))).convert("1")
    width, modules = segno_modules(url)
    border = qrcode.BORDER
    assert image.size == (width + 2 * border,) * 2
    for y in range(image.height):
        for x in range(image.width):
            inside = border <= x < border + width and border <= y < border + width
            dark = modules[(y - border) * width + (x - border)] == "1" if inside else False
            assert (image.getpixel((x, y)) == 0) == dark, (x, y)


def test_same_address_same_bytes():
    url = "https://xzzd.example.gov.cn/xzzd/items/scjg-001.html"
    assert qrcode.png_data_uri(url) == qrcode.png_data_uri(url)
