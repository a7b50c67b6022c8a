"""QR codes of page addresses, printed on a page so a paper copy leads back to the page.

Made at build time with segno (pure Python), as a PNG data URI: one pixel per module, a few
hundred bytes, drawn sharp at any size (the stylesheet scales it without smoothing). The mask
pattern is fixed instead of chosen by scoring all eight (any mask is valid and every reader
decodes it), which makes a code five times faster to make; the same address always gives the
same bytes.
"""

from __future__ import annotations

import base64
import io

import segno


def png_data_uri(url: str) -> str:
    """A ``data:image/png`` URI of the QR code of ``url`` (medium error correction, with the
    standard quiet zone of four modules; a higher level when it fits the same size)."""
    code = segno.make_qr(url, error="m", mask=0)
    out = io.BytesIO()
    code.save(out, kind="png", scale=1, border=4)
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode("ascii")
